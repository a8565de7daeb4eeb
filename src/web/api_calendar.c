/*
 * api_calendar.c - the calendar and planner JSON API (docs/api/README.md,
 * docs/calendar.md). The same core and store functions as the screens:
 *   GET    /api/v1/holidays                                holidays and national days
 *   POST   /api/v1/holidays/import                         (admin) a new school year
 *   GET    /api/v1/regions/{region}/days/{day}?schools=1,2  is the day free, and why not
 *   POST   /api/v1/regions/{region}/plan                   a proposal (nothing stored)
 *   GET    /api/v1/regions/{region}/series                 the region's series
 *   POST   /api/v1/regions/{region}/series                 plan and store a series
 *   GET    /api/v1/regions/{region}/series/{series}        one series
 *   GET    .../series/{series}/meetings/{meeting}/alternatives
 *   POST   .../series/{series}/meetings/{meeting}/move     {"date", "force"}
 *   GET    /api/v1/regions/{region}/steps, POST ...        next steps with the lead-time flag
 *   GET    /api/v1/schools/{school}/busy, POST ..., POST .../import[?school_year=], DELETE .../{busy}
 *   GET    /api/v1/feeds, POST /api/v1/feeds, DELETE /api/v1/feeds/{feed}
 * A series that cannot fit answers 409 with code "does_not_fit", the
 * binding constraint and the fixes; a move to a day that is not free
 * answers 409 "day_not_free" with the reasons unless "force" is true.
 */
#include "formats/holidays_import.h"
#include "formats/ics.h"
#include "store/store_calendar.h"
#include "store/store_series.h"
#include "util/date.h"
#include "web/calendar_web.h"
#include "web/handlers.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *jdate(long day)
{
	char iso[11];
	date_format(day, iso);
	return json_string(iso);
}

static json_t *reason_json(const struct calendar *c, const struct cal_scope *s,
			   const struct cal_reason *r)
{
	char text[256];
	calendar_reason_text(c, s, r, text, sizeof text);
	switch (r->kind) {
	case CAL_R_HOLIDAY: {
		const struct cal_holiday *h = &c->holidays[r->index];
		return json_pack("{s:s,s:s,s:s,s:s}", "kind", "holiday", "name", calendar_kind_name(h->kind),
				 "region", calendar_region_name(h->region), "text", text);
	}
	case CAL_R_NATIONAL:
		return json_pack("{s:s,s:s,s:s}", "kind", "national", "name", c->nationals[r->index].name,
				 "text", text);
	case CAL_R_BUSY: {
		const struct cal_busy *b = &c->busy[r->index];
		return json_pack("{s:s,s:I,s:s,s:s,s:s}", "kind", "busy", "school_id", (json_int_t)b->school_id,
				 "busy_kind", busy_kind_name(b->kind), "name", b->name, "text", text);
	}
	}
	return json_null();
}

static json_t *weekdays_json(unsigned mask)
{
	json_t *a = json_array();
	for (int wd = 1; wd <= 5; wd++)
		if (mask & (1u << wd))
			json_array_append_new(a, json_string(planner_weekday_nl(wd)));
	return a;
}

static json_t *plan_json(const struct calendar_plan *p)
{
	const struct plan_result *res = &p->res;
	static const char *const bindings[] = {"fits", "free_weeks", "min_gap", "max_gap"};
	static const char *const fixes[] = {"", "count", "min_gap_weeks", "max_gap_weeks", "weekday"};
	json_t *meetings = json_array(), *rejected = json_array(), *fx = json_array();
	for (size_t m = 0; m < res->n_meetings; m++) {
		const struct plan_meeting *pm = &res->meetings[m];
		const struct plan_week *w = &res->weeks[pm->week];
		json_array_append_new(meetings,
			json_pack("{s:o,s:s,s:i,s:i,s:i,s:b,s:b}", "date", jdate(pm->day), "weekday",
				  planner_weekday_nl(date_weekday(pm->day)), "iso_week", w->iso_week,
				  "gap_weeks", pm->gap_weeks, "busy_schools", w->busy_schools,
				  "near_holiday", w->near_holiday, "adviesweek", w->adviesweek));
	}
	for (size_t w = 0; w < res->n_weeks; w++) {
		const struct plan_week *pw = &res->weeks[w];
		if (pw->free)
			continue;
		json_t *reasons = json_array();
		for (size_t i = pw->first_reason; i < pw->first_reason + pw->n_reasons; i++) {
			json_t *rj = reason_json(&p->cal, &p->req.scope, &res->reasons[i].r);
			json_object_set_new(rj, "weekdays", weekdays_json(res->reasons[i].weekdays));
			json_array_append_new(reasons, rj);
		}
		char text[1024];
		planner_week_text(&p->cal, &p->req, res, w, text, sizeof text);
		json_array_append_new(rejected, json_pack("{s:o,s:i,s:i,s:s,s:o}", "monday", jdate(pw->monday),
							  "iso_year", pw->iso_year, "iso_week", pw->iso_week,
							  "text", text, "reasons", reasons));
	}
	for (size_t i = 0; i < res->n_fixes; i++) {
		char text[200];
		planner_fix_text(&p->req, &res->fixes[i], text, sizeof text);
		json_t *f = json_pack("{s:s,s:I,s:s}", "kind", fixes[res->fixes[i].kind], "value",
				      (json_int_t)res->fixes[i].value, "text", text);
		if (res->fixes[i].kind == PLAN_FIX_WEEKDAY) {
			json_object_set_new(f, "weekday", json_string(planner_weekday_nl((int)res->fixes[i].value)));
			json_object_set_new(f, "free_weeks", json_integer(res->fixes[i].free_weeks));
		}
		json_array_append_new(fx, f);
	}
	char why[600];
	planner_explain(&p->req, res, why, sizeof why);
	return json_pack("{s:b,s:s,s:s,s:i,s:i,s:i,s:f,s:f,s:o,s:o,s:o}", "feasible", res->feasible,
			 "binding", bindings[res->binding], "explanation", why, "weeks", (int)res->n_weeks,
			 "free_weeks", res->free_weeks, "max_count", res->max_count, "ideal_gap_weeks",
			 res->ideal_gap_weeks, "cost", res->cost, "meetings", meetings, "rejected_weeks",
			 rejected, "fixes", fx);
}

static void hhmm(int minutes, char out[6])
{
	snprintf(out, 6, "%02u:%02u", (unsigned)(minutes / 60) % 100u, (unsigned)(minutes % 60));
}

static json_t *series_json(const struct series *se)
{
	char t0[6], t1[6];
	hhmm(se->start_min, t0);
	hhmm(se->end_min, t1);
	json_t *meetings = json_array(), *att = json_array(), *schools = json_array();
	for (size_t i = 0; i < se->n_meetings; i++) {
		const struct series_meeting *m = &se->meetings[i];
		json_array_append_new(meetings, json_pack("{s:I,s:o,s:s,s:s,s:s,s:i}", "id", (json_int_t)m->id,
							  "date", jdate(m->day), "start", t0, "end", t1,
							  "uid", m->uid, "sequence", m->sequence));
	}
	for (size_t i = 0; i < se->n_attendees; i++)
		json_array_append_new(att, json_pack("{s:s,s:s}", "name", se->attendees[i].name, "email",
						     se->attendees[i].email));
	for (size_t i = 0; i < se->n_schools; i++)
		json_array_append_new(schools, json_integer(se->school_ids[i]));
	return json_pack("{s:I,s:I,s:s,s:s,s:o,s:o,s:s,s:s,s:s,s:i,s:i,s:b,s:o,s:o,s:o}", "id",
			 (json_int_t)se->id, "region_id", (json_int_t)se->region_id, "title", se->title,
			 "location", se->location, "from", jdate(se->from), "to", jdate(se->to), "weekdays",
			 se->weekdays, "start", t0, "end", t1, "min_gap_weeks", se->min_gap_weeks,
			 "max_gap_weeks", se->max_gap_weeks, "adviesweek", se->adviesweek, "schools", schools,
			 "attendees", att, "meetings", meetings);
}

/* ---- holidays ------------------------------------------------------------------- */

int api_holidays_list(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int year = 0, region = -1;
	const char *qy = r->query(r, "school_year"), *qr = r->query(r, "region");
	if (qy && calendar_school_year_parse(qy, &year)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "school_year", "give a school year like 2026-2027");
		resp_error(s, &err);
		return 0;
	}
	if (qr && calendar_region_parse(qr, &region, 0, &err)) {
		resp_error(s, &err);
		return 0;
	}
	struct calendar c;
	calendar_init(&c);
	int rc = store_calendar_load_holidays(r->db, &c, &err);
	if (rc) {
		calendar_release(&c);
		return rc;
	}
	json_t *hol = json_array(), *nat = json_array();
	for (size_t i = 0; i < c.n_holidays; i++) {
		const struct cal_holiday *h = &c.holidays[i];
		if ((year && h->school_year != year) || (region >= 0 && h->region != region))
			continue;
		char sy[10];
		calendar_school_year_text(h->school_year, sy);
		json_array_append_new(hol, json_pack("{s:s,s:s,s:s,s:o,s:o}", "school_year", sy, "region",
						     calendar_region_name(h->region), "kind",
						     calendar_kind_name(h->kind), "start", jdate(h->start),
						     "end", jdate(h->end)));
	}
	for (size_t i = 0; i < c.n_nationals; i++) {
		const struct cal_national *n = &c.nationals[i];
		if (year && calendar_school_year_of(n->day) != year)
			continue;
		json_array_append_new(nat, json_pack("{s:o,s:s,s:b}", "date", jdate(n->day), "name", n->name,
						     "day_off", n->day_off));
	}
	calendar_release(&c);
	resp_json(s, 200, json_pack("{s:o,s:o}", "holidays", hol, "national", nat));
	return 0;
}

int api_holidays_import(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	const char *content = json_string_value(json_object_get(r->json, "content"));
	const char *fmt = json_string_value(json_object_get(r->json, "format"));
	bool replace = json_is_true(json_object_get(r->json, "replace"));
	bool dry = json_is_true(json_object_get(r->json, "dry_run"));
	enum holidays_format format = HOLIDAYS_AUTO;
	if (!content) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "content", "send the holiday list as text in 'content'");
		resp_error(s, &err);
		return 0;
	}
	if (fmt && holidays_format_parse(fmt, &format, &err)) {
		resp_error(s, &err);
		return 0;
	}
	struct holidays_batch b;
	int rc = holidays_parse(content, strlen(content), format, &b, &err);
	if (rc == SAMEN_EINVAL) {
		json_t *problems = json_array();
		size_t shown = b.n_problems < HOLIDAYS_MAX_PROBLEMS ? b.n_problems : HOLIDAYS_MAX_PROBLEMS;
		for (size_t i = 0; i < shown; i++)
			json_array_append_new(problems, json_pack("{s:I,s:s,s:s}", "line",
								  (json_int_t)b.problems[i].line, "field",
								  b.problems[i].field, "message",
								  b.problems[i].msg));
		holidays_batch_release(&b);
		resp_json(s, 400, json_pack("{s:{s:s,s:s,s:I,s:s},s:o}", "error", "code", "invalid_input",
					    "message", err.msg, "line", (json_int_t)err.line, "field",
					    err.field, "problems", problems));
		return 0;
	}
	if (rc) {
		holidays_batch_release(&b);
		resp_error(s, &err);
		return 0;
	}
	struct holidays_import_stats st = {0};
	if (dry)
		rc = db_begin(r->db, &err);
	if (rc == 0)
		rc = store_calendar_import_holidays(r->db, &b, replace, r->user.email, r->user.id, &st, &err);
	if (dry)
		db_rollback(r->db);
	json_t *widened = json_array();
	for (size_t i = 0; i < b.n; i++)
		if (b.rows[i].widened)
			json_array_append_new(widened, json_integer(b.rows[i].line));
	const char *fname = holidays_format_name(b.format);
	holidays_batch_release(&b);
	if (rc) {
		json_decref(widened);
		resp_error(s, &err);
		return 0;
	}
	resp_json(s, dry ? 200 : 201,
		  json_pack("{s:s,s:b,s:I,s:I,s:I,s:o}", "format", fname, "dry_run", dry, "added",
			    (json_int_t)st.added, "replaced", (json_int_t)st.replaced, "unchanged",
			    (json_int_t)st.unchanged, "widened_lines", widened));
	return 0;
}

/* ---- is this day free ----------------------------------------------------------- */

static int parse_id_list(const char *s, int64_t *ids, size_t max, size_t *n)
{
	*n = 0;
	for (const char *p = s ? s : ""; *p;) {
		char *end;
		errno = 0;
		long long v = strtoll(p, &end, 10);
		if (errno || end == p || v <= 0 || (*end && *end != ',') || *n >= max)
			return -1;
		ids[(*n)++] = v;
		p = *end ? end + 1 : end;
	}
	return 0;
}

int api_region_day(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	long day;
	if (date_parse(req_param(r, "day"), &day)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "day", "give a date (YYYY-MM-DD)");
		resp_error(s, &err);
		return 0;
	}
	int64_t ids[512];
	size_t n = 0;
	if (parse_id_list(r->query(r, "schools"), ids, 512, &n) || n == 0) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "schools", "give ?schools=ID,ID (schools of this region)");
		resp_error(s, &err);
		return 0;
	}
	struct cal_school *schools = NULL;
	struct calendar c;
	calendar_init(&c);
	int rc = store_calendar_schools(r->db, req_param_id(r, "region"), ids, n, &schools, &err);
	if (rc == 0)
		rc = store_calendar_for_plan(r->db, &c, schools, n, day, day, &err);
	if (rc == SAMEN_EINVAL) {
		resp_error(s, &err);
		rc = 0;
	} else if (rc == 0) {
		struct cal_scope scope = {schools, n, 0, false};
		struct cal_reason why[64];
		size_t k = calendar_day_reasons(&c, &scope, day, why, 64);
		json_t *reasons = json_array();
		for (size_t i = 0; i < k && i < 64; i++)
			json_array_append_new(reasons, reason_json(&c, &scope, &why[i]));
		resp_json(s, 200, json_pack("{s:o,s:s,s:b,s:o}", "date", jdate(day), "weekday",
					    planner_weekday_nl(date_weekday(day)), "free", k == 0,
					    "reasons", reasons));
	}
	free(schools);
	calendar_release(&c);
	return rc;
}

/* ---- planning ---------------------------------------------------------------------- */

int api_plan(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct planner_input *in = malloc(sizeof *in);
	if (!in)
		return SAMEN_ENOMEM;
	calendar_input_from_json(r->json, in);
	struct calendar_plan plan;
	int rc = calendar_plan_run(r->db, req_param_id(r, "region"), in, &plan, &err);
	free(in);
	if (rc == SAMEN_EINVAL) {
		resp_error(s, &err);
		return 0;
	}
	if (rc)
		return rc;
	resp_json(s, 200, json_pack("{s:o}", "plan", plan_json(&plan)));
	calendar_plan_release(&plan);
	return 0;
}

int api_series_create(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region");
	struct planner_input *in = malloc(sizeof *in);
	if (!in)
		return SAMEN_ENOMEM;
	calendar_input_from_json(r->json, in);
	struct calendar_plan plan;
	int rc = calendar_plan_run(r->db, region, in, &plan, &err);
	if (rc == SAMEN_EINVAL) {
		free(in);
		resp_error(s, &err);
		return 0;
	}
	if (rc) {
		free(in);
		return rc;
	}
	if (!plan.res.feasible) {
		char why[600];
		planner_explain(&plan.req, &plan.res, why, sizeof why);
		resp_json(s, 409, json_pack("{s:{s:s,s:s},s:o}", "error", "code", "does_not_fit", "message",
					    why, "plan", plan_json(&plan)));
		calendar_plan_release(&plan);
		free(in);
		return 0;
	}
	struct series se;
	int64_t *ids = calloc(plan.n_schools ? plan.n_schools : 1, sizeof *ids);
	long *days = calloc(plan.res.n_meetings, sizeof *days);
	int64_t id = 0;
	rc = ids && days ? 0 : SAMEN_ENOMEM;
	if (rc == 0) {
		for (size_t m = 0; m < plan.res.n_meetings; m++)
			days[m] = plan.res.meetings[m].day;
		calendar_plan_series(&plan, in, region, &se, ids);
		rc = store_series_create(r->db, &se, days, plan.res.n_meetings, r->user.email, r->user.id,
					 &id, &err);
	}
	free(ids);
	free(days);
	calendar_plan_release(&plan);
	free(in);
	if (rc == SAMEN_EINVAL) {
		resp_error(s, &err);
		return 0;
	}
	if (rc)
		return rc;
	rc = store_series_get(r->db, region, id, &se, &err);
	if (rc)
		return rc;
	resp_json(s, 201, json_pack("{s:o}", "series", series_json(&se)));
	store_series_release(&se);
	return 0;
}

int api_series_list(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct series_summary *list;
	size_t n;
	int rc = store_series_list(r->db, req_param_id(r, "region"), date_today(), &list, &n, &err);
	if (rc)
		return rc;
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I,s:s,s:o,s:o,s:I,s:o}", "id", (json_int_t)list[i].id,
						   "title", list[i].title, "from", jdate(list[i].from), "to",
						   jdate(list[i].to), "meetings", (json_int_t)list[i].meetings,
						   "next", list[i].next_day ? jdate(list[i].next_day) : json_null()));
	free(list);
	resp_json(s, 200, json_pack("{s:o}", "series", a));
	return 0;
}

int api_series_get(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct series se;
	int rc = store_series_get(r->db, req_param_id(r, "region"), req_param_id(r, "series"), &se, &err);
	if (rc)
		return rc;
	resp_json(s, 200, json_pack("{s:o}", "series", series_json(&se)));
	store_series_release(&se);
	return 0;
}

/* The series with its calendar and request, for alternatives and moves. */
struct loaded {
	struct series se;
	struct cal_school *schools;
	struct calendar cal;
	struct plan_request req;
	size_t k;   /* index of the meeting in the path */
};

static void loaded_release(struct loaded *l)
{
	store_series_release(&l->se);
	free(l->schools);
	calendar_release(&l->cal);
}

static int load_meeting(struct req *r, struct loaded *l, struct samen_err *err)
{
	memset(l, 0, sizeof *l);
	calendar_init(&l->cal);
	int64_t region = req_param_id(r, "region");
	int rc = store_series_get(r->db, region, req_param_id(r, "series"), &l->se, err);
	if (rc)
		return rc;
	int64_t mid = req_param_id(r, "meeting");
	l->k = l->se.n_meetings;
	for (size_t i = 0; i < l->se.n_meetings; i++)
		if (l->se.meetings[i].id == mid)
			l->k = i;
	if (l->k == l->se.n_meetings)
		rc = samen_fail(err, SAMEN_ENOTFOUND, "this series has no such meeting");
	if (rc == 0)
		rc = store_calendar_schools(r->db, region, l->se.school_ids, l->se.n_schools, &l->schools, err);
	if (rc == 0)
		rc = store_calendar_for_plan(r->db, &l->cal, l->schools, l->se.n_schools, l->se.from,
					     l->se.to, err);
	if (rc == 0) {
		struct plan_request *q = &l->req;
		q->scope.schools = l->schools;
		q->scope.n_schools = l->se.n_schools;
		q->scope.adviesweek = l->se.adviesweek;
		q->from = l->se.from;
		q->to = l->se.to;
		q->count = (int)l->se.n_meetings;
		q->start_min = l->se.start_min;
		q->end_min = l->se.end_min;
		q->min_gap_weeks = l->se.min_gap_weeks;
		q->max_gap_weeks = l->se.max_gap_weeks;
		rc = planner_weekdays_parse(l->se.weekdays, q, err);
	}
	if (rc)
		loaded_release(l);
	return rc;
}

int api_meeting_alternatives(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct loaded l;
	int rc = load_meeting(r, &l, &err);
	if (rc)
		return rc;
	const char *qc = r->query(r, "count");
	size_t want = 3;
	if (qc) {
		long v = strtol(qc, NULL, 10);
		want = v >= 1 && v <= 20 ? (size_t)v : 3;
	}
	long *days = calloc(l.se.n_meetings, sizeof *days);
	struct plan_alternative alt[20];
	size_t n = 0;
	rc = days ? 0 : SAMEN_ENOMEM;
	for (size_t i = 0; rc == 0 && i < l.se.n_meetings; i++)
		days[i] = l.se.meetings[i].day;
	if (rc == 0)
		rc = planner_alternatives(&l.cal, &l.req, days, l.se.n_meetings, l.k, alt, want, &n, &err);
	free(days);
	if (rc == SAMEN_EINVAL) {
		resp_error(s, &err);
		rc = 0;
	} else if (rc == 0) {
		json_t *a = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(a, json_pack("{s:o,s:s,s:b,s:i,s:b,s:f}", "date", jdate(alt[i].day),
							   "weekday", planner_weekday_nl(date_weekday(alt[i].day)),
							   "within_spacing", alt[i].within_spacing, "busy_schools",
							   alt[i].busy_schools, "near_holiday", alt[i].near_holiday,
							   "cost", alt[i].cost));
		resp_json(s, 200, json_pack("{s:I,s:o,s:o}", "meeting", (json_int_t)l.se.meetings[l.k].id,
					    "date", jdate(l.se.meetings[l.k].day), "alternatives", a));
	}
	loaded_release(&l);
	return rc;
}

int api_meeting_move(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	long day;
	if (date_parse(json_string_value(json_object_get(r->json, "date")), &day)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "date", "give the new date as \"YYYY-MM-DD\"");
		resp_error(s, &err);
		return 0;
	}
	bool force = json_is_true(json_object_get(r->json, "force"));
	struct loaded l;
	int rc = load_meeting(r, &l, &err);
	if (rc)
		return rc;
	struct cal_reason why[32];
	size_t k = calendar_day_reasons(&l.cal, &l.req.scope, day, why, 32);
	if (!force && (k || date_weekday(day) > 5)) {
		json_t *reasons = json_array();
		for (size_t i = 0; i < k && i < 32; i++)
			json_array_append_new(reasons, reason_json(&l.cal, &l.req.scope, &why[i]));
		resp_json(s, 409, json_pack("{s:{s:s,s:s},s:o}", "error", "code", "day_not_free", "message",
					    k ? "the day is not free for every school of the series"
					      : "the day is not a school day",
					    "reasons", reasons));
		loaded_release(&l);
		return 0;
	}
	int64_t mid = l.se.meetings[l.k].id, sid = l.se.id, region = l.se.region_id;
	loaded_release(&l);
	rc = store_series_move(r->db, sid, mid, day, r->user.email, r->user.id, &err);
	if (rc == SAMEN_EINVAL) {
		resp_error(s, &err);
		return 0;
	}
	if (rc)
		return rc;
	struct series se;
	rc = store_series_get(r->db, region, sid, &se, &err);
	if (rc)
		return rc;
	json_t *m = json_null();
	for (size_t i = 0; i < se.n_meetings; i++)
		if (se.meetings[i].id == mid) {
			json_decref(m);
			m = json_pack("{s:I,s:o,s:s,s:i}", "id", (json_int_t)mid, "date", jdate(se.meetings[i].day),
				      "uid", se.meetings[i].uid, "sequence", se.meetings[i].sequence);
		}
	store_series_release(&se);
	resp_json(s, 200, json_pack("{s:o}", "meeting", m));
	return 0;
}

/* ---- steps ------------------------------------------------------------------------ */

int api_steps_list(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct collab_step *steps;
	size_t n;
	int rc = store_steps_list(r->db, req_param_id(r, "region"), date_today(), &steps, &n, &err);
	if (rc)
		return rc;
	json_t *a = json_array();
	long lacking = 0;
	for (size_t i = 0; i < n; i++) {
		const struct collab_step *st = &steps[i];
		bool lacks = planner_step_lacks_meeting(st->done, st->due, st->next_meeting);
		lacking += lacks;
		json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:o,s:o,s:b,s:o,s:b}", "id", (json_int_t)st->id,
						   "title", st->title, "owner", st->owner, "due",
						   st->due ? jdate(st->due) : json_null(), "series_id",
						   st->series_id ? json_integer(st->series_id) : json_null(),
						   "done", st->done, "next_meeting",
						   st->next_meeting ? jdate(st->next_meeting) : json_null(),
						   "lacks_meeting", lacks));
	}
	free(steps);
	resp_json(s, 200, json_pack("{s:o,s:I}", "steps", a, "lacking_meeting", (json_int_t)lacking));
	return 0;
}

int api_steps_add(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	const char *title = json_string_value(json_object_get(r->json, "title"));
	const char *owner = json_string_value(json_object_get(r->json, "owner"));
	const char *due = json_string_value(json_object_get(r->json, "due"));
	json_t *sid = json_object_get(r->json, "series_id");
	long d = 0;
	if (due && date_parse(due, &d)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "due", "give the due date as \"YYYY-MM-DD\"");
		resp_error(s, &err);
		return 0;
	}
	int64_t id = 0;
	int rc = store_step_add(r->db, req_param_id(r, "region"), title ? title : "", owner ? owner : "", d,
				json_is_integer(sid) ? json_integer_value(sid) : 0, r->user.email, r->user.id,
				&id, &err);
	if (rc == SAMEN_EINVAL) {
		resp_error(s, &err);
		return 0;
	}
	if (rc)
		return rc;
	resp_json(s, 201, json_pack("{s:I}", "id", (json_int_t)id));
	return 0;
}

/* ---- busy periods ------------------------------------------------------------------- */

static int school_edit(struct req *r, int64_t *school, struct samen_err *err)
{
	*school = req_param_id(r, "school");
	int64_t board = 0;
	int rc = calendar_school_board(r->db, *school, &board, err);
	if (rc)
		return rc;
	return calendar_may_edit_school(&r->user, *school, board) ? 0 : SAMEN_EPERM;
}

int api_busy_list(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int year = calendar_school_year_of(date_today());
	const char *qy = r->query(r, "school_year");
	if (qy && calendar_school_year_parse(qy, &year)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "school_year", "give a school year like 2026-2027");
		resp_error(s, &err);
		return 0;
	}
	struct busy_row *rows;
	size_t n;
	int rc = store_busy_list(r->db, req_param_id(r, "school"), date_days(year, 8, 1),
				 date_days(year + 1, 7, 31), &rows, &n, &err);
	if (rc)
		return rc;
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:o,s:o,s:s}", "id", (json_int_t)rows[i].b.id,
						   "kind", busy_kind_name(rows[i].b.kind), "name", rows[i].b.name,
						   "start", jdate(rows[i].b.start), "end", jdate(rows[i].b.end),
						   "source", rows[i].source));
	free(rows);
	resp_json(s, 200, json_pack("{s:o}", "busy", a));
	return 0;
}

int api_busy_add(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t school;
	int rc = school_edit(r, &school, &err);
	if (rc)
		return rc;
	const char *kind = json_string_value(json_object_get(r->json, "kind"));
	const char *name = json_string_value(json_object_get(r->json, "name"));
	const char *start = json_string_value(json_object_get(r->json, "start"));
	const char *end = json_string_value(json_object_get(r->json, "end"));
	struct cal_busy b = {0};
	b.school_id = school;
	if (name && strlen(name) >= sizeof b.name - 1)
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "name", "the name may have at most %zu bytes",
				   sizeof b.name - 2);
	snprintf(b.name, sizeof b.name, "%s", name && rc == 0 ? name : "");
	if (rc == 0)
		rc = busy_kind_parse(kind, &b.kind, 0, &err);
	if (rc == 0 && date_parse(start, &b.start))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "start", "give the first day as \"YYYY-MM-DD\"");
	if (rc == 0 && date_parse(end, &b.end))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "end", "give the last day as \"YYYY-MM-DD\"");
	int64_t id = 0;
	if (rc == 0)
		rc = store_busy_add(r->db, &b, "hand", NULL, r->user.email, r->user.id, &id, &err);
	if (rc == SAMEN_EINVAL) {
		resp_error(s, &err);
		return 0;
	}
	if (rc)
		return rc;
	resp_json(s, 201, json_pack("{s:I}", "id", (json_int_t)id));
	return 0;
}

int api_busy_import(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t school;
	int rc = school_edit(r, &school, &err);
	if (rc)
		return rc;
	const char *text = json_string_value(json_object_get(r->json, "ics"));
	if (!text) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "ics", "send the iCalendar text in 'ics'");
		resp_error(s, &err);
		return 0;
	}
	int year = calendar_school_year_of(date_today());
	const char *qy = r->query(r, "school_year");
	if (qy && calendar_school_year_parse(qy, &year)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "school_year", "give a school year like 2026-2027");
		resp_error(s, &err);
		return 0;
	}
	/* The chosen (or current) school year and the ones on either side. */
	struct ics_items items;
	rc = ics_read(text, strlen(text), date_days(year - 1, 8, 1), date_days(year + 2, 7, 31), &items, &err);
	struct busy_import_stats st = {0};
	if (rc == 0) {
		rc = store_busy_import_ics(r->db, school, &items, r->user.email, r->user.id, &st, &err);
		ics_items_release(&items);
	}
	if (rc == SAMEN_EINVAL || rc == SAMEN_ETOOBIG) {
		resp_error(s, &err);
		return 0;
	}
	if (rc)
		return rc;
	resp_json(s, 200, json_pack("{s:I,s:I,s:I}", "added", (json_int_t)st.added, "updated",
				    (json_int_t)st.updated, "unchanged", (json_int_t)st.unchanged));
	return 0;
}

int api_busy_delete(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t school;
	int rc = school_edit(r, &school, &err);
	if (rc)
		return rc;
	rc = store_busy_delete(r->db, school, req_param_id(r, "busy"), r->user.email, r->user.id, &err);
	if (rc)
		return rc;
	resp_json(s, 200, json_pack("{s:b}", "deleted", 1));
	return 0;
}

/* ---- feeds ------------------------------------------------------------------------- */

int api_feeds_list(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct feed_info *f;
	size_t n;
	int rc = store_feed_list(r->db, r->user.id, &f, &n, &err);
	if (rc)
		return rc;
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:s?,s:s?}", "id", (json_int_t)f[i].id, "label",
						   f[i].label, "created_at", f[i].created_at, "last_used_at",
						   f[i].last_used_at[0] ? f[i].last_used_at : NULL, "revoked_at",
						   f[i].revoked_at[0] ? f[i].revoked_at : NULL));
	free(f);
	resp_json(s, 200, json_pack("{s:o}", "feeds", a));
	return 0;
}

int api_feeds_create(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	const char *label = r->json ? json_string_value(json_object_get(r->json, "label")) : NULL;
	char token[FEED_TOKEN_LEN + 1], url[256];
	int64_t id = 0;
	int rc = store_feed_create(r->db, r->user.id, label ? label : "", r->user.email, token, &id, &err);
	if (rc)
		return rc;
	calendar_feed_url(r, token, url, sizeof url);
	resp_json(s, 201, json_pack("{s:I,s:s,s:s}", "id", (json_int_t)id, "token", token, "url", url));
	memset(token, 0, sizeof token);
	return 0;
}

int api_feeds_revoke(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int rc = store_feed_revoke(r->db, r->user.id, req_param_id(r, "feed"), r->user.email, &err);
	if (rc)
		return rc;
	resp_json(s, 200, json_pack("{s:b}", "revoked", 1));
	return 0;
}
