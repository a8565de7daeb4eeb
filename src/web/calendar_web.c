/*
 * calendar_web.c - helpers shared by the calendar and planner screens and
 * API (see calendar_web.h).
 */
#include "web/calendar_web.h"
#include "store/store_calendar.h"
#include "util/date.h"
#include "web/form.h"
#include "web/html.h"
#include "web/i18n.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool calendar_may_edit_school(const struct user *u, int64_t school_id, int64_t school_board)
{
	switch (u->role) {
	case ROLE_ADMIN:
		return true;
	case ROLE_EXECUTIVE:
	case ROLE_HR:
		return u->board_id == school_board;
	case ROLE_SCHOOL_LEADER:
		return u->school_id == school_id;
	default:
		return false;
	}
}

int calendar_school_board(struct db *db, int64_t school_id, int64_t *board, struct samen_err *err)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)school_id);
	const char *p[] = {id};
	return db_query_int(db, "SELECT board_id FROM school WHERE id = CAST($1 AS INTEGER)", 1, p,
			    board, err);
}

/* ---- input -------------------------------------------------------------------- */

static void field(const struct req *r, const char *name, char *out, size_t n)
{
	if (!form_get(r, name, out, n))
		out[0] = '\0';
}

static const char *const day_codes[5] = {"ma", "di", "wo", "do", "vr"};

void calendar_input_from_form(const struct req *r, const struct cal_school *region_schools,
			      size_t n_region_schools, struct planner_input *in)
{
	memset(in, 0, sizeof *in);
	field(r, "titel", in->title, sizeof in->title);
	field(r, "locatie", in->location, sizeof in->location);
	field(r, "van", in->from, sizeof in->from);
	field(r, "tot", in->to, sizeof in->to);
	field(r, "aantal", in->count, sizeof in->count);
	field(r, "begintijd", in->start, sizeof in->start);
	field(r, "eindtijd", in->end, sizeof in->end);
	field(r, "min", in->min_gap, sizeof in->min_gap);
	field(r, "max", in->max_gap, sizeof in->max_gap);
	field(r, "adviesweek", in->adviesweek, sizeof in->adviesweek);
	field(r, "deelnemers", in->attendees, sizeof in->attendees);
	/* The save form repeats the choices as lists; the planner form has checkboxes. */
	field(r, "scholen", in->schools, sizeof in->schools);
	if (!in->schools[0]) {
		size_t o = 0;
		for (size_t i = 0; i < n_region_schools; i++) {
			char name[32], v[8];
			snprintf(name, sizeof name, "s%lld", (long long)region_schools[i].id);
			if (!form_get(r, name, v, sizeof v))
				continue;
			int k = snprintf(in->schools + o, sizeof in->schools - o, "%s%lld", o ? "," : "",
					 (long long)region_schools[i].id);
			if (k < 0 || (size_t)k >= sizeof in->schools - o)
				break;
			o += (size_t)k;
		}
	}
	field(r, "dagen", in->weekdays, sizeof in->weekdays);
	if (!in->weekdays[0]) {
		size_t o = 0;
		for (int d = 0; d < 5; d++) {
			char name[8], v[8];
			snprintf(name, sizeof name, "d-%s", day_codes[d]);
			if (!form_get(r, name, v, sizeof v))
				continue;
			o += (size_t)snprintf(in->weekdays + o, sizeof in->weekdays - o, "%s%s", o ? "," : "",
					      day_codes[d]);
		}
	}
}

static void json_text(json_t *body, const char *key, char *out, size_t n)
{
	json_t *v = json_object_get(body, key);
	if (json_is_string(v))
		snprintf(out, n, "%s", json_string_value(v));
	else if (json_is_integer(v))
		snprintf(out, n, "%lld", (long long)json_integer_value(v));
	else if (json_is_true(v))
		snprintf(out, n, "1");
	else
		out[0] = '\0';
}

void calendar_input_from_json(json_t *body, struct planner_input *in)
{
	memset(in, 0, sizeof *in);
	json_text(body, "title", in->title, sizeof in->title);
	json_text(body, "location", in->location, sizeof in->location);
	json_text(body, "from", in->from, sizeof in->from);
	json_text(body, "to", in->to, sizeof in->to);
	json_text(body, "count", in->count, sizeof in->count);
	json_text(body, "start", in->start, sizeof in->start);
	json_text(body, "end", in->end, sizeof in->end);
	json_text(body, "min_gap_weeks", in->min_gap, sizeof in->min_gap);
	json_text(body, "max_gap_weeks", in->max_gap, sizeof in->max_gap);
	json_text(body, "adviesweek", in->adviesweek, sizeof in->adviesweek);
	json_t *w = json_object_get(body, "weekdays");
	if (json_is_array(w)) {
		size_t i, o = 0;
		json_t *v;
		json_array_foreach(w, i, v) {
			if (!json_is_string(v))
				continue;
			int k = snprintf(in->weekdays + o, sizeof in->weekdays - o, "%s%s", o ? "," : "",
					 json_string_value(v));
			if (k < 0 || (size_t)k >= sizeof in->weekdays - o)
				break;
			o += (size_t)k;
		}
	} else {
		json_text(body, "weekdays", in->weekdays, sizeof in->weekdays);
	}
	json_t *sc = json_object_get(body, "schools");
	size_t i, o = 0;
	json_t *v;
	json_array_foreach(sc, i, v) {
		int k = json_is_integer(v)
				? snprintf(in->schools + o, sizeof in->schools - o, "%s%lld", o ? "," : "",
					   (long long)json_integer_value(v))
				: snprintf(in->schools + o, sizeof in->schools - o, "%sx", o ? "," : "");
		if (k < 0 || (size_t)k >= sizeof in->schools - o)
			break;
		o += (size_t)k;
	}
	json_t *att = json_object_get(body, "attendees");
	o = 0;
	json_array_foreach(att, i, v) {
		const char *name = json_string_value(json_object_get(v, "name"));
		const char *email = json_string_value(json_object_get(v, "email"));
		if (json_is_string(v))
			email = json_string_value(v), name = NULL;
		int k = snprintf(in->attendees + o, sizeof in->attendees - o, "%s <%s>\n",
				 name ? name : "", email ? email : "");
		if (k < 0 || (size_t)k >= sizeof in->attendees - o)
			break;
		o += (size_t)k;
	}
}

void calendar_input_defaults(struct planner_input *in)
{
	memset(in, 0, sizeof *in);
	long today = date_today();
	int y, m, d;
	date_civil(today, &y, &m, &d);
	/* From June to August: the next school year; otherwise the rest of this one. */
	int first;
	long from;
	if (m >= 6 && m <= 8) {
		first = y;
		from = date_days(y, 9, 1);
	} else {
		first = m >= 9 ? y : y - 1;
		from = today + 7;
	}
	from += (8 - date_weekday(from)) % 7; /* a Monday */
	date_format(from, in->from);
	date_format(date_days(first + 1, 7, 9), in->to);
	snprintf(in->count, sizeof in->count, "6");
	snprintf(in->weekdays, sizeof in->weekdays, "di,do");
	snprintf(in->start, sizeof in->start, "15:30");
	snprintf(in->end, sizeof in->end, "17:00");
	snprintf(in->min_gap, sizeof in->min_gap, "3");
	snprintf(in->max_gap, sizeof in->max_gap, "10");
}

void calendar_subst(char *out, size_t n, const char *tmpl, const char *a1, const char *a2,
		    const char *a3, const char *a4)
{
	const char *args[4] = {a1, a2, a3, a4};
	size_t o = 0;
	for (const char *p = tmpl; *p && o + 1 < n; p++) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '4' && p[2] == '}') {
			const char *v = args[p[1] - '1'];
			for (; v && *v && o + 1 < n; v++)
				out[o++] = *v;
			p += 2;
			continue;
		}
		out[o++] = *p;
	}
	out[o] = '\0';
}

static int parse_number(const char *s, const char *field_name, int lo, int hi, int *out,
			struct samen_err *err)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || errno || *end || v < lo || v > hi)
		return samen_fail_at(err, SAMEN_EINVAL, 0, field_name, "give a whole number from %d to %d",
				     lo, hi);
	*out = (int)v;
	return 0;
}

void calendar_plan_release(struct calendar_plan *plan)
{
	free(plan->schools);
	free(plan->attendees);
	calendar_release(&plan->cal);
	if (plan->planned)
		planner_result_release(&plan->res);
	memset(plan, 0, sizeof *plan);
}

int calendar_plan_run(struct db *db, int64_t region_id, const struct planner_input *in,
		      struct calendar_plan *plan, struct samen_err *err)
{
	memset(plan, 0, sizeof *plan);
	calendar_init(&plan->cal);
	struct plan_request *req = &plan->req;
	int64_t ids[512];
	size_t n_ids = 0;
	int rc = 0;
	for (const char *p = in->schools; *p && rc == 0;) {
		char *end;
		errno = 0;
		long long v = strtoll(p, &end, 10);
		if (errno || end == p || v <= 0 || (*end && *end != ',') || n_ids >= 512)
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "schools", "choose the schools by their ids");
		else
			ids[n_ids++] = v;
		p = *end ? end + 1 : end;
	}
	if (rc == 0 && n_ids == 0)
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "schools", "choose at least one school");
	if (rc == 0 && date_parse(in->from, &req->from))
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "from", "give a date (YYYY-MM-DD)");
	if (rc == 0 && date_parse(in->to, &req->to))
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "to", "give a date (YYYY-MM-DD)");
	if (rc == 0)
		rc = parse_number(in->count, "count", 1, PLAN_MAX_MEETINGS, &req->count, err);
	if (rc == 0)
		rc = planner_weekdays_parse(in->weekdays, req, err);
	if (rc == 0) {
		char range[24];
		snprintf(range, sizeof range, "%.5s-%.5s", in->start, in->end);
		rc = planner_time_parse(range, req, err);
	}
	if (rc == 0)
		rc = parse_number(in->min_gap[0] ? in->min_gap : "1", "min_gap_weeks", 1, 156,
				  &req->min_gap_weeks, err);
	if (rc == 0)
		rc = parse_number(in->max_gap[0] ? in->max_gap : "0", "max_gap_weeks", 0, 156,
				  &req->max_gap_weeks, err);
	req->scope.adviesweek = in->adviesweek[0] == '1' || strcmp(in->adviesweek, "on") == 0;
	if (rc == 0)
		rc = store_series_attendees_parse(in->attendees, &plan->attendees, &plan->n_attendees,
						  err);
	if (rc == 0)
		rc = store_calendar_schools(db, region_id, ids, n_ids, &plan->schools, err);
	if (rc)
		goto fail;
	plan->n_schools = n_ids;
	req->scope.schools = plan->schools;
	req->scope.n_schools = n_ids;
	rc = store_calendar_for_plan(db, &plan->cal, plan->schools, n_ids, req->from, req->to, err);
	if (rc == 0)
		rc = planner_plan(&plan->cal, req, &plan->res, err);
	if (rc)
		goto fail;
	plan->planned = true;
	return 0;
fail:
	calendar_plan_release(plan);
	return rc;
}

void calendar_plan_series(const struct calendar_plan *plan, const struct planner_input *in,
			  int64_t region_id, struct series *s, int64_t *school_ids)
{
	memset(s, 0, sizeof *s);
	s->region_id = region_id;
	snprintf(s->title, sizeof s->title, "%s", in->title);
	snprintf(s->location, sizeof s->location, "%s", in->location);
	s->from = plan->req.from;
	s->to = plan->req.to;
	size_t o = 0;
	for (int i = 0; i < plan->req.n_weekdays; i++)
		o += (size_t)snprintf(s->weekdays + o, sizeof s->weekdays - o, "%s%s", i ? "," : "",
				      planner_weekday_nl(plan->req.weekdays[i]));
	s->start_min = plan->req.start_min;
	s->end_min = plan->req.end_min;
	s->min_gap_weeks = plan->req.min_gap_weeks;
	s->max_gap_weeks = plan->req.max_gap_weeks;
	s->adviesweek = plan->req.scope.adviesweek;
	for (size_t i = 0; i < plan->n_schools; i++)
		school_ids[i] = plan->schools[i].id;
	s->school_ids = school_ids;
	s->n_schools = plan->n_schools;
	s->attendees = plan->attendees;
	s->n_attendees = plan->n_attendees;
}

/* ---- language ------------------------------------------------------------------ */

const char *calendar_weekday(const struct req *r, int wd, bool long_name)
{
	static const char *const nl_short[8] = {"", "ma", "di", "wo", "do", "vr", "za", "zo"};
	static const char *const en_short[8] = {"", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	static const char *const nl_long[8] = {"", "maandag", "dinsdag", "woensdag", "donderdag",
					       "vrijdag", "zaterdag", "zondag"};
	static const char *const en_long[8] = {"", "Monday", "Tuesday", "Wednesday", "Thursday",
					       "Friday", "Saturday", "Sunday"};
	if (wd < 1 || wd > 7)
		return "";
	if (r->lang == LANG_EN)
		return long_name ? en_long[wd] : en_short[wd];
	return long_name ? nl_long[wd] : nl_short[wd];
}

void calendar_day_html(const struct req *r, struct buf *b, long day)
{
	char iso[11];
	date_format(day, iso);
	buf_printf(b, "%s ", calendar_weekday(r, date_weekday(day), false));
	html_date(r, b, iso);
}

void calendar_reason_html(const struct req *r, struct buf *b, const struct calendar *c,
			  const struct cal_scope *s, const struct cal_reason *reason)
{
	if (reason->kind != CAL_R_BUSY) {
		char t[256];
		calendar_reason_text(c, s, reason, t, sizeof t);
		html_esc(b, t);
		return;
	}
	const struct cal_busy *bp = &c->busy[reason->index];
	char key[64];
	snprintf(key, sizeof key, "calendar.kind.%s", busy_kind_name(bp->kind));
	html_esc(b, bp->name);
	buf_puts(b, " (");
	html_esc(b, tr(r, key));
	for (size_t i = 0; i < s->n_schools; i++)
		if (s->schools[i].id == bp->school_id) {
			buf_puts(b, ", ");
			html_esc(b, s->schools[i].name);
		}
	buf_puts(b, ")");
}

void calendar_explain_html(const struct req *r, struct buf *b, const struct plan_request *req,
			   const struct plan_result *res)
{
	char n1[24], n2[24], n3[24], n4[24], text[600];
	switch (res->binding) {
	case PLAN_FREE_WEEKS:
		snprintf(n1, sizeof n1, "%d", res->free_weeks);
		snprintf(n2, sizeof n2, "%d", req->count);
		calendar_subst(text, sizeof text, tr(r, "planner.why_free_weeks"), n1, n2, NULL, NULL);
		html_esc(b, text);
		return;
	case PLAN_MIN_GAP:
		snprintf(n1, sizeof n1, "%d", req->min_gap_weeks);
		snprintf(n2, sizeof n2, "%d", res->max_count);
		snprintf(n3, sizeof n3, "%d", res->free_weeks);
		snprintf(n4, sizeof n4, "%d", req->count);
		calendar_subst(text, sizeof text, tr(r, "planner.why_min_gap"), n1, n2, n3, n4);
		html_esc(b, text);
		return;
	case PLAN_MAX_GAP:
		snprintf(n1, sizeof n1, "%ld", (res->stretch_to - res->stretch_from) / 7 + 1);
		snprintf(n2, sizeof n2, "%d", req->max_gap_weeks);
		snprintf(n3, sizeof n3, "%d", res->max_count);
		calendar_subst(text, sizeof text, tr(r, "planner.why_max_gap"), n1, n2, n3, NULL);
		html_esc(b, text);
		buf_puts(b, " (");
		calendar_day_html(r, b, res->stretch_from);
		buf_puts(b, " – ");
		calendar_day_html(r, b, res->stretch_to + 4);
		buf_puts(b, ")");
		return;
	case PLAN_FITS:
		return;
	}
}

void calendar_fix_html(const struct req *r, struct buf *b, const struct plan_request *req,
		       const struct plan_fix *fix)
{
	char n1[24], n2[24], text[300];
	snprintf(n1, sizeof n1, "%ld", fix->value);
	switch (fix->kind) {
	case PLAN_FIX_COUNT:
		snprintf(n2, sizeof n2, "%d", req->count);
		calendar_subst(text, sizeof text, tr(r, "planner.fix_count"), n1, n2, NULL, NULL);
		break;
	case PLAN_FIX_MIN_GAP:
		calendar_subst(text, sizeof text, tr(r, "planner.fix_min_gap"), n1, NULL, NULL, NULL);
		break;
	case PLAN_FIX_MAX_GAP:
		calendar_subst(text, sizeof text, tr(r, "planner.fix_max_gap"), n1, NULL, NULL, NULL);
		break;
	case PLAN_FIX_WEEKDAY:
		snprintf(n2, sizeof n2, "%d", fix->free_weeks);
		calendar_subst(text, sizeof text, tr(r, "planner.fix_weekday"),
			       calendar_weekday(r, (int)fix->value, true), n2, NULL, NULL);
		break;
	default:
		text[0] = '\0';
	}
	html_esc(b, text);
}

void calendar_feed_url(const struct req *r, const char *token, char *out, size_t n)
{
	const char *host = r->header(r, "Host");
	const char *proto = r->header(r, "X-Forwarded-Proto");
	bool ok = host && *host && strlen(host) < 200;
	for (const char *p = host; ok && *p; p++)
		ok = isalnum((unsigned char)*p) || strchr(".-:[]", *p);
	if (!proto || (strcmp(proto, "https") != 0 && strcmp(proto, "http") != 0))
		proto = "http";
	snprintf(out, n, "%s://%s/agenda/%s.ics", proto, ok ? host : "localhost", token);
}

void calendar_css(struct buf *b)
{
	buf_puts(b, "<link rel=\"stylesheet\" href=\"/static/css/calendar.css\">");
}

/* ---- the region overview's block ---------------------------------------------- */

void calendar_region_block(struct req *r, struct buf *b, int64_t region_id)
{
	const struct user *u = &r->user;
	if (u->role == ROLE_STAFF)
		return;
	buf_printf(b, "<nav class=\"samen-cal-links\" aria-label=\"%s\"><ul class=\"utrecht-link-list\">",
		   tr(r, "calendar.links"));
	buf_printf(b, "<li class=\"utrecht-link-list__item\"><a class=\"utrecht-link\""
		      " href=\"/regio/%lld/jaarplanning\">%s</a></li>",
		   (long long)region_id, tr(r, "calendar.year_view"));
	if (u->role & CALENDAR_PLANNERS)
		buf_printf(b, "<li class=\"utrecht-link-list__item\"><a class=\"utrecht-link\""
			      " href=\"/regio/%lld/planner\">%s</a></li>",
			   (long long)region_id, tr(r, "planner.title"));
	buf_printf(b, "<li class=\"utrecht-link-list__item\"><a class=\"utrecht-link\""
		      " href=\"/regio/%lld/stappen\">%s</a></li></ul></nav>",
		   (long long)region_id, tr(r, "planner.steps.title"));
	if (u->role != ROLE_COORDINATOR && u->role != ROLE_ADMIN)
		return;
	struct collab_step *steps = NULL;
	size_t n = 0;
	struct samen_err err;
	samen_err_clear(&err);
	if (store_steps_list(r->db, region_id, date_today(), &steps, &n, &err))
		return;
	size_t lacking = 0;
	for (size_t i = 0; i < n; i++)
		lacking += planner_step_lacks_meeting(steps[i].done, steps[i].due, steps[i].next_meeting);
	if (lacking) {
		char head[200], num[24];
		snprintf(num, sizeof num, "%zu", lacking);
		calendar_subst(head, sizeof head, tr(r, "planner.steps.warning"), num, NULL, NULL, NULL);
		buf_puts(b, "<div class=\"utrecht-alert utrecht-alert--warning samen-leadtime samen-cal-alert\""
			    " role=\"status\"><p class=\"utrecht-paragraph\"><strong>");
		html_esc(b, head);
		buf_printf(b, "</strong> %s</p><ul class=\"utrecht-unordered-list\">",
			   tr(r, "planner.steps.warning_hint"));
		for (size_t i = 0; i < n; i++) {
			const struct collab_step *st = &steps[i];
			if (!planner_step_lacks_meeting(st->done, st->due, st->next_meeting))
				continue;
			buf_puts(b, "<li class=\"utrecht-unordered-list__item\">");
			html_esc(b, st->title);
			if (st->owner[0]) {
				buf_puts(b, " (");
				html_esc(b, st->owner);
				buf_puts(b, ")");
			}
			if (st->due) {
				buf_printf(b, " – %s ", tr(r, "planner.steps.due"));
				calendar_day_html(r, b, st->due);
			}
			buf_printf(b, ": %s", tr(r, st->series_id ? "planner.steps.no_next_in_series"
								   : "planner.steps.no_series"));
			buf_puts(b, "</li>");
		}
		buf_printf(b, "</ul><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\""
			      " href=\"/regio/%lld/planner\">%s</a> · <a class=\"utrecht-link\""
			      " href=\"/regio/%lld/stappen\">%s</a></p></div>",
			   (long long)region_id, tr(r, "planner.steps.plan_now"), (long long)region_id,
			   tr(r, "planner.steps.title"));
	}
	free(steps);
}
