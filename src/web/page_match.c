/*
 * page_match.c - the screens of acute shortage help (issue 4, docs/match.md):
 *   GET  /hulp                          open help requests of the region and the Hulpvraag form
 *   POST /hulp                          post a request
 *   GET  /hulp/{request}                a request: nameless reach, per-lesson counts and, for the
 *                                       requesting side, the candidates with every check and reason
 *   POST /hulp/{request}/aanbod         propose the request (part) to a pool member
 *   GET  /aanbiedingen                  my offers (teacher), the board's offers and approvals (HR),
 *                                       the pool opt-in and the notifications
 *   POST /aanbiedingen/{offer}/antwoord accept or decline (the person offered)
 *   POST /aanbiedingen/{offer}/besluit  approve or refuse (the employing board)
 *   POST /pool                          opt in to the regional pool (consent required)
 *   POST /pool/intrekken                withdraw from the pool at once
 *   GET  /regio/{region}/matchplan      the regional plan (optimiser), without storing
 *   POST /regio/{region}/matchplan      store the plan as proposals
 * Every POST form carries the CSRF token; a refusal shows an error page with the reason.
 */
#include "store/match.h"
#include "store/match_offer.h"
#include "store/match_plan.h"
#include "store/notify.h"
#include "util/date.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/html.h"
#include "store/match_split.h"
#include "web/match_effect.h"
#include "web/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const day_keys[] = {"", "match.day.1", "match.day.2", "match.day.3",
				       "match.day.4", "match.day.5"};
static const char *const day_codes[] = {"", "ma", "di", "wo", "do", "vr"};

static void th(struct buf *b, const char *text)
{
	buf_puts(b, "<th class=\"utrecht-table__header-cell\" scope=\"col\">");
	html_esc(b, text);
	buf_puts(b, "</th>");
}

static void table_open(struct buf *b, const char *caption, const char *const *heads, size_t n,
		       struct req *r)
{
	buf_puts(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
		    "<caption class=\"utrecht-table__caption\">");
	html_esc(b, caption);
	buf_puts(b, "</caption><thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">");
	for (size_t i = 0; i < n; i++)
		th(b, tr(r, heads[i]));
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
}

static void table_close(struct buf *b)
{
	buf_puts(b, "</tbody></table></div>");
}

static void td(struct buf *b, const char *text)
{
	buf_puts(b, "<td class=\"utrecht-table__cell\">");
	html_esc(b, text);
	buf_puts(b, "</td>");
}

/* Plan lessons "ma2 do7" (day code and period) as "maandag 2, donderdag 7" in the user's language. */
static void td_lessons(struct req *r, struct buf *b, const char *text)
{
	buf_puts(b, "<td class=\"utrecht-table__cell\">");
	bool first = true;
	for (const char *p = text; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t len = strcspn(p, " ");
		int day = 0;
		for (int d = 1; d <= 5 && !day; d++)
			if (len > 2 && strncmp(p, day_codes[d], 2) == 0)
				day = d;
		if (!first)
			buf_puts(b, ", ");
		first = false;
		char token[32];
		snprintf(token, sizeof token, "%.*s", (int)(len < sizeof token ? len : sizeof token - 1),
			 p);
		if (day) {
			html_esc(b, tr(r, day_keys[day]));
			buf_puts(b, " ");
			html_esc(b, token + 2); /* the period */
		} else {
			html_esc(b, token);
		}
		p += len;
	}
	buf_puts(b, "</td>");
}

static void td_hours(struct req *r, struct buf *b, int64_t centi)
{
	char n[32];
	html_number(r, (double)centi / 100.0, 2, n);
	td(b, n);
}

static void td_date(struct req *r, struct buf *b, long day)
{
	char d[11];
	date_format(day, d);
	buf_puts(b, "<td class=\"utrecht-table__cell\">");
	html_date(r, b, d);
	buf_puts(b, "</td>");
}

static void badge(struct buf *b, bool ok, const char *text)
{
	buf_printf(b, "<span class=\"utrecht-badge-status utrecht-badge-status--%s\">",
		   ok ? "safe" : "danger");
	html_esc(b, text);
	buf_puts(b, "</span>");
}

static void field(struct req *r, struct buf *b, const char *name, const char *label_key,
		  const char *type, const char *value, const char *extra)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--text\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"f-%s\">",
		   name);
	html_esc(b, tr(r, label_key));
	buf_printf(b, "</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"f-%s\""
		      " name=\"%s\" type=\"%s\" value=\"",
		   name, name, type);
	html_esc(b, value ? value : "");
	buf_printf(b, "\"%s%s></div></div>", extra ? " " : "", extra ? extra : "");
}

static void checkbox(struct req *r, struct buf *b, const char *name, const char *label_key)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
		      "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\""
		      " id=\"f-%s\" name=\"%s\" value=\"1\"><label class=\"utrecht-form-label\" for=\"f-%s\">",
		   name, name, name);
	html_esc(b, tr(r, label_key));
	buf_puts(b, "</label></div>");
}

static void button(struct req *r, struct buf *b, const char *kind, const char *key)
{
	buf_printf(b, "<button class=\"utrecht-button utrecht-button--%s-action\" type=\"submit\">",
		   kind);
	html_esc(b, tr(r, key));
	buf_puts(b, "</button>");
}

static struct match_actor actor_of(const struct req *r)
{
	struct match_actor a = {r->user.id, r->user.email};
	return a;
}

static int refuse(struct req *r, struct resp *s, const struct samen_err *err)
{
	html_error_page(r, s, err->code, err->msg);
	return 0;
}

static bool is_requester(const struct req *r, int64_t school, int64_t board)
{
	const struct user *u = &r->user;
	if (u->role == ROLE_ADMIN)
		return true;
	if (u->role == ROLE_SCHOOL_LEADER)
		return u->school_id == school;
	if (u->role == ROLE_HR || u->role == ROLE_EXECUTIVE)
		return u->board_id == board;
	return false;
}

/* ------------------------------------------------------------- requests */

int page_match_requests(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	const struct user *u = &r->user;
	struct match_request_filter f = {u->role == ROLE_ADMIN ? 0 : (u->region_id ? u->region_id : -1),
					 0, 0, "open"};
	struct match_request *rows = NULL;
	size_t n = 0;
	if (match_request_list(r->db, &f, &rows, &n, &err))
		return refuse(r, s, &err);
	html_begin(r, s, tr(r, "match.title"));
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "match.title"), tr(r, "match.intro"));
	buf_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/aanbiedingen\">%s</a>",
		   tr(r, "match.offers.title"));
	if (u->region_id && u->role != ROLE_STAFF && u->role != ROLE_SCHOOL_LEADER)
		buf_printf(b, " &middot; <a class=\"utrecht-link\" href=\"/regio/%lld/matchplan\">%s</a>",
			   (long long)u->region_id, tr(r, "match.plan.title"));
	buf_puts(b, "</p>");
	static const char *const heads[] = {"match.col.subject", "match.col.type", "match.col.school",
					    "match.col.hours", "match.col.urgency", "match.col.period"};
	table_open(b, tr(r, "match.list.caption"), heads, 6, r);
	for (size_t i = 0; i < n; i++) {
		const struct match_request *q = &rows[i];
		buf_printf(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">"
			      "<a class=\"utrecht-link\" href=\"/hulp/%lld\">", (long long)q->id);
		html_esc(b, q->subject);
		buf_puts(b, "</a></td>");
		char t[48];
		snprintf(t, sizeof t, "%s %d-%d", q->school_type, q->year_from, q->year_to);
		td(b, t);
		td(b, q->school_name);
		td_hours(r, b, q->hours_per_week);
		snprintf(t, sizeof t, "%d", q->urgency);
		td(b, t);
		td_date(r, b, q->start);
		buf_puts(b, "</tr>");
	}
	table_close(b);
	free(rows);
	if (u->role == ROLE_ADMIN || u->role == ROLE_SCHOOL_LEADER || u->role == ROLE_HR ||
	    u->role == ROLE_EXECUTIVE) {
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>"
			      "<form class=\"samen-form\" method=\"post\" action=\"/hulp\">",
			   tr(r, "match.form.title"), tr(r, "match.form.intro"));
		html_csrf_field(r, b);
		if (u->role != ROLE_SCHOOL_LEADER)
			field(r, b, "school", "match.form.school", "number", "", "required min=\"1\"");
		field(r, b, "vak", "match.form.subject", "text", "", "required maxlength=\"7\"");
		field(r, b, "schoolsoort", "match.form.type", "text", "", "required maxlength=\"11\"");
		field(r, b, "van_jaar", "match.form.year_from", "number", "", "required min=\"1\" max=\"6\"");
		field(r, b, "tot_jaar", "match.form.year_to", "number", "", "required min=\"1\" max=\"6\"");
		field(r, b, "uren", "match.form.hours", "text", "", "inputmode=\"decimal\"");
		field(r, b, "lessen", "match.form.lessons", "text", "", "");
		field(r, b, "start", "match.form.start", "date", "", "required");
		field(r, b, "eind", "match.form.end", "date", "", "required");
		field(r, b, "urgentie", "match.form.urgency", "number", "5", "required min=\"1\" max=\"9\"");
		field(r, b, "expertise", "match.form.expertise", "text", "", "maxlength=\"31\"");
		checkbox(r, b, "onderbevoegd", "match.form.accept_under");
		field(r, b, "notities", "match.form.notes", "text", "", "maxlength=\"500\"");
		button(r, b, "primary", "match.form.submit");
		buf_puts(b, "</form>");
	}
	html_end(r, s);
	return 0;
}

/* "ma1 do7 do8" into lessons; SAMEN_EINVAL naming the bad entry. */
static int parse_lessons(const char *s, struct match_request *q, struct samen_err *err)
{
	const char *p = s;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		int day = 0;
		for (int d = 1; d <= 5; d++)
			if (strncmp(p, day_codes[d], 2) == 0)
				day = d;
		char *end;
		errno = 0;
		long period = day ? strtol(p + 2, &end, 10) : 0;
		if (!day || errno || end == p + 2 || period < 1 || period > 16 ||
		    (*end && *end != ' ' && *end != ','))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "lessen",
					     "lessons are written as ma1 do7 do8 (day and period)");
		if (q->nlessons >= MATCH_MAX_LESSONS)
			return samen_fail_at(err, SAMEN_ETOOBIG, 0, "lessen", "at most %d lessons",
					     MATCH_MAX_LESSONS);
		q->lessons[q->nlessons].weekday = day;
		q->lessons[q->nlessons].period = (int)period;
		q->nlessons++;
		p = end;
	}
	return 0;
}

/* "7,5" or "7.5" into centi-hours; -1 when bad, 0 when empty. */
static int64_t parse_hours(const char *s)
{
	if (!s[0])
		return 0;
	char t[32];
	snprintf(t, sizeof t, "%s", s);
	for (char *c = t; *c; c++)
		if (*c == ',')
			*c = '.';
	char *end;
	errno = 0;
	double v = strtod(t, &end);
	if (errno || end == t || *end || v < 0 || v > 40)
		return -1;
	return (int64_t)(v * 100.0 + 0.5);
}

int page_match_request_create(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_request *q = calloc(1, sizeof *q);
	if (!q) {
		samen_fail(&err, SAMEN_ENOMEM, "out of memory");
		return refuse(r, s, &err);
	}
	char v[512];
	int rc = 0;
	if (r->user.role == ROLE_SCHOOL_LEADER)
		q->school_id = r->user.school_id;
	else if (form_get(r, "school", v, sizeof v))
		q->school_id = strtoll(v, NULL, 10);
	form_get(r, "vak", q->subject, sizeof q->subject);
	form_get(r, "schoolsoort", q->school_type, sizeof q->school_type);
	if (form_get(r, "van_jaar", v, sizeof v))
		q->year_from = (int)strtol(v, NULL, 10);
	if (form_get(r, "tot_jaar", v, sizeof v))
		q->year_to = (int)strtol(v, NULL, 10);
	if (form_get(r, "urgentie", v, sizeof v))
		q->urgency = (int)strtol(v, NULL, 10);
	form_get(r, "expertise", q->expertise, sizeof q->expertise);
	form_get(r, "notities", q->notes, sizeof q->notes);
	q->accept_under = form_get(r, "onderbevoegd", v, sizeof v) && strcmp(v, "1") == 0;
	if (!form_get(r, "uren", v, sizeof v))
		v[0] = '\0';
	q->hours_per_week = parse_hours(v);
	if (q->hours_per_week < 0)
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "uren", "hours per week: a number 0 to 40");
	if (!rc && form_get(r, "lessen", v, sizeof v))
		rc = parse_lessons(v, q, &err);
	if (!rc && (!form_get(r, "start", v, sizeof v) || date_parse(v, &q->start)))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "start", "start: a date");
	if (!rc && (!form_get(r, "eind", v, sizeof v) || date_parse(v, &q->end)))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "eind", "end: a date");
	int64_t board = 0;
	if (!rc) {
		char sid[24];
		snprintf(sid, sizeof sid, "%lld", (long long)q->school_id);
		const char *pp[] = {sid};
		if (db_query_int(r->db, "SELECT board_id FROM school WHERE id = CAST($1 AS INTEGER)", 1,
				 pp, &board, &err))
			rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "school", "unknown school");
	}
	if (!rc && !is_requester(r, q->school_id, board))
		rc = samen_fail(&err, SAMEN_EPERM, "you can ask for help only for your own school or board");
	struct match_actor who = actor_of(r);
	if (!rc)
		rc = match_request_add(r->db, q, &who, &err);
	int64_t id = q->id;
	free(q);
	if (rc)
		return refuse(r, s, &err);
	char loc[48];
	snprintf(loc, sizeof loc, "/hulp/%lld", (long long)id);
	resp_redirect(s, loc);
	return 0;
}

int page_match_request(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_request *q = calloc(1, sizeof *q);
	struct match_candidate *c = NULL;
	size_t n = 0;
	if (!q) {
		samen_fail(&err, SAMEN_ENOMEM, "out of memory");
		return refuse(r, s, &err);
	}
	int rc = match_request_get(r->db, req_param_id(r, "request"), q, &err);
	if (!rc && r->user.role != ROLE_ADMIN && q->region_id != r->user.region_id)
		rc = samen_fail(&err, SAMEN_ENOTFOUND, "no such request");
	long today = date_today();
	struct match_reach m;
	if (!rc)
		rc = match_request_reach(r->db, q->id, today, &m, &err);
	bool mine = !rc && is_requester(r, q->school_id, q->board_id);
	if (!rc && mine)
		rc = match_candidates(r->db, q->id, r->user.role == ROLE_ADMIN ? 0 : q->board_id, today,
				      &c, &n, &err);
	if (rc) {
		free(q);
		return refuse(r, s, &err);
	}
	html_begin(r, s, tr(r, "match.request.title"));
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s: ", tr(r, "match.request.title"));
	html_esc(b, q->subject);
	buf_printf(b, " %s %d-%d</h1><p class=\"utrecht-paragraph\">", q->school_type, q->year_from,
		   q->year_to);
	html_esc(b, q->school_name);
	buf_puts(b, " &middot; ");
	html_esc(b, q->status);
	buf_puts(b, "</p>");
	if (q->notes[0]) {
		buf_puts(b, "<p class=\"utrecht-paragraph\">");
		html_esc(b, q->notes);
		buf_puts(b, "</p>");
	}
	/* the nameless reach (story 1) */
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">",
		   tr(r, "match.reach.title"));
	buf_printf(b, "%s: %zu. %s: %zu.", tr(r, "match.reach.qualified"), m.qualified,
		   tr(r, "match.reach.fitting"), m.fitting);
	buf_puts(b, "</p>");
	if (q->nlessons) {
		static const char *const heads[] = {"match.col.day", "match.col.periodnr",
						    "match.col.class", "match.col.free"};
		table_open(b, tr(r, "match.lessons.caption"), heads, 4, r);
		for (size_t i = 0; i < q->nlessons; i++) {
			char t[16];
			buf_puts(b, "<tr class=\"utrecht-table__row\">");
			td(b, tr(r, day_keys[q->lessons[i].weekday]));
			snprintf(t, sizeof t, "%d", q->lessons[i].period);
			td(b, t);
			td(b, q->lessons[i].class_name);
			snprintf(t, sizeof t, "%zu", m.lesson_fit[i]);
			td(b, t);
			buf_puts(b, "</tr>");
		}
		table_close(b);
	}
	if (mine && q->nlessons > 1 && strcmp(q->status, "open") == 0) {
		/* Story 1: split lessons off into their own request, e.g. to accept under-qualified help. */
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>"
			      "<form class=\"samen-form\" method=\"post\" action=\"/hulp/%lld/splitsen\">"
			      "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
			   tr(r, "split.title"), tr(r, "split.intro"), (long long)q->id, tr(r, "split.lessons"));
		html_csrf_field(r, b);
		for (size_t i = 0; i < q->nlessons; i++) {
			const struct match_request_lesson *l = &q->lessons[i];
			buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><p class=\"utrecht-form-field__label\">"
				      "<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"les-%lld\">"
				      "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\""
				      " id=\"les-%lld\" name=\"les_%lld\" value=\"1\"> %s %s %d",
				   (long long)l->id, (long long)l->id, (long long)l->id,
				   tr(r, day_keys[l->weekday]), tr(r, "effect.period"), l->period);
			if (l->class_name[0]) {
				buf_puts(b, ", ");
				html_esc(b, l->class_name);
			}
			buf_puts(b, "</label></p></div>");
		}
		buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><p class=\"utrecht-form-field__label\">"
			      "<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"onder\">"
			      "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\""
			      " id=\"onder\" name=\"onderbevoegd\" value=\"1\"> %s</label></p></div>"
			      "</fieldset><p class=\"samen-form__actions\"><button class=\"utrecht-button"
			      " utrecht-button--secondary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "split.accept_under"), tr(r, "split.submit"));
	}
	if (mine) {
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
			   tr(r, "match.cand.title"), tr(r, "match.cand.intro"));
		static const char *const heads[] = {"match.col.candidate", "match.col.qual",
						    "match.col.spare", "match.col.checks",
						    "match.col.action"};
		table_open(b, tr(r, "match.cand.caption"), heads, 5, r);
		for (size_t i = 0; i < n; i++) {
			buf_puts(b, "<tr class=\"utrecht-table__row\">");
			td(b, c[i].name[0] ? c[i].name : c[i].alias);
			buf_puts(b, "<td class=\"utrecht-table__cell\">");
			badge(b, c[i].qual == FIT_BEVOEGD, qual_fit_name(c[i].qual));
			buf_puts(b, "</td>");
			td_hours(r, b, c[i].spare);
			buf_puts(b, "<td class=\"utrecht-table__cell\"><ul class=\"utrecht-unordered-list\">");
			for (int k = 0; k < MCHK_COUNT; k++) {
				buf_puts(b, "<li class=\"utrecht-unordered-list__item\">");
				badge(b, c[i].pass[k], tr(r, c[i].pass[k] ? "match.pass" : "match.fail"));
				buf_puts(b, " ");
				html_esc(b, match_check_name((enum match_check)k));
				buf_puts(b, ": ");
				html_esc(b, c[i].reason[k]);
				buf_puts(b, "</li>");
			}
			buf_puts(b, "</ul></td><td class=\"utrecht-table__cell\">");
			if (c[i].fits && strcmp(q->status, "open") == 0) {
				buf_printf(b, "<form method=\"post\" action=\"/hulp/%lld/aanbod\">",
					   (long long)q->id);
				html_csrf_field(r, b);
				buf_printf(b, "<input type=\"hidden\" name=\"pool\" value=\"%lld\">",
					   (long long)c[i].pool_id);
				button(r, b, "secondary", "match.offer.make");
				buf_puts(b, "</form>");
			}
			buf_puts(b, "</td></tr>");
		}
		table_close(b);
	}
	free(c);
	free(q);
	html_end(r, s);
	return 0;
}

int page_match_request_split(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_request *q = calloc(1, sizeof *q);
	if (!q) {
		samen_fail(&err, SAMEN_ENOMEM, "out of memory");
		return refuse(r, s, &err);
	}
	int rc = match_request_get(r->db, req_param_id(r, "request"), q, &err);
	if (!rc && !is_requester(r, q->school_id, q->board_id))
		rc = samen_fail(&err, SAMEN_EPERM, "only the requesting school or board splits a request");
	int64_t ids[MATCH_MAX_LESSONS];
	size_t n = 0;
	for (size_t i = 0; !rc && i < q->nlessons; i++) {
		char name[40], v[8];
		snprintf(name, sizeof name, "les_%lld", (long long)q->lessons[i].id);
		if (form_get(r, name, v, sizeof v) && strcmp(v, "1") == 0)
			ids[n++] = q->lessons[i].id;
	}
	char under[8] = "";
	form_get(r, "onderbevoegd", under, sizeof under);
	struct match_actor who = actor_of(r);
	int64_t new_id = 0;
	if (!rc)
		rc = match_request_split(r->db, q->id, ids, n, strcmp(under, "1") == 0, &who, &new_id,
					 &err);
	free(q);
	if (rc)
		return refuse(r, s, &err);
	char back[48];
	snprintf(back, sizeof back, "/hulp/%lld", (long long)new_id);
	resp_redirect(s, back);
	return 0;
}

int page_match_offer_create(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_request *q = calloc(1, sizeof *q);
	if (!q) {
		samen_fail(&err, SAMEN_ENOMEM, "out of memory");
		return refuse(r, s, &err);
	}
	int rc = match_request_get(r->db, req_param_id(r, "request"), q, &err);
	if (!rc && !is_requester(r, q->school_id, q->board_id))
		rc = samen_fail(&err, SAMEN_EPERM, "only the requesting school or board makes offers");
	int64_t rid = q->id;
	free(q);
	char v[32];
	int64_t person = 0;
	if (!rc && form_get(r, "pool", v, sizeof v)) {
		const char *pp[] = {v};
		if (db_query_int(r->db, "SELECT person_id FROM match_pool WHERE id = CAST($1 AS INTEGER)",
				 1, pp, &person, &err))
			rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "pool", "unknown pool member");
	}
	struct match_actor who = actor_of(r);
	if (!rc)
		rc = match_offer_propose(r->db, rid, person, 0, NULL, 0, date_today(), "manual", &who,
					 NULL, &err);
	if (rc)
		return refuse(r, s, &err);
	resp_redirect(s, "/aanbiedingen");
	return 0;
}

/* --------------------------------------------------------------- offers */

static void offer_rows(struct req *r, struct buf *b, const struct match_offer *o, size_t n,
		       bool answer, bool decide)
{
	static const char *const heads[] = {"match.col.subject", "match.col.school",
					    "match.col.hours", "match.col.status",
					    "match.col.deadline", "match.col.action"};
	table_open(b, tr(r, answer ? "match.offers.mine" : "match.offers.board"), heads, 6, r);
	for (size_t i = 0; i < n; i++) {
		char t[48];
		buf_puts(b, "<tr class=\"utrecht-table__row\">");
		snprintf(t, sizeof t, "%s %s %d-%d", o[i].subject, o[i].school_type, o[i].year_from,
			 o[i].year_to);
		td(b, t);
		td(b, o[i].school_name);
		td_hours(r, b, o[i].hours_per_week);
		char state_key[40];
		snprintf(state_key, sizeof state_key, "match.state.%s", o[i].status);
		td(b, tr(r, state_key));
		td_date(r, b, o[i].deadline);
		buf_puts(b, "<td class=\"utrecht-table__cell\">");
		if (answer && strcmp(o[i].status, "proposed") == 0) {
			buf_printf(b, "<form method=\"post\" action=\"/aanbiedingen/%lld/antwoord\">",
				   (long long)o[i].id);
			html_csrf_field(r, b);
			field(r, b, "reden", "match.offer.reason", "text", "", "maxlength=\"250\"");
			buf_puts(b, "<button class=\"utrecht-button utrecht-button--primary-action\""
				    " type=\"submit\" name=\"antwoord\" value=\"ja\">");
			html_esc(b, tr(r, "match.offer.accept"));
			buf_puts(b, "</button> <button class=\"utrecht-button utrecht-button--secondary-action\""
				    " type=\"submit\" name=\"antwoord\" value=\"nee\">");
			html_esc(b, tr(r, "match.offer.decline"));
			buf_puts(b, "</button></form>");
		}
		if (decide && strcmp(o[i].status, "accepted") == 0 &&
		    (r->user.role == ROLE_ADMIN || o[i].lender_board_id == r->user.board_id)) {
			buf_printf(b, "<form method=\"post\" action=\"/aanbiedingen/%lld/besluit\">",
				   (long long)o[i].id);
			html_csrf_field(r, b);
			field(r, b, "reden", "match.offer.reason", "text", "", "maxlength=\"250\"");
			buf_puts(b, "<button class=\"utrecht-button utrecht-button--primary-action\""
				    " type=\"submit\" name=\"besluit\" value=\"ja\">");
			html_esc(b, tr(r, "match.offer.approve"));
			buf_puts(b, "</button> <button class=\"utrecht-button utrecht-button--secondary-action\""
				    " type=\"submit\" name=\"besluit\" value=\"nee\">");
			html_esc(b, tr(r, "match.offer.refuse"));
			buf_puts(b, "</button></form>");
		}
		if (o[i].secondment_id)
			buf_printf(b, "<a class=\"utrecht-link\" href=\"/detacheringen/%lld\">%s</a>",
				   (long long)o[i].secondment_id, tr(r, "match.offer.secondment"));
		buf_puts(b, "</td></tr>");
		if (answer) { /* the teacher's own offers: what it means for them (story 2) */
			buf_puts(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\" colspan=\"6\">");
			match_effect_html(r, b, &o[i]);
			buf_puts(b, "</td></tr>");
		}
	}
	table_close(b);
}

int page_match_offers(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	const struct user *u = &r->user;
	html_begin(r, s, tr(r, "match.offers.title"));
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", tr(r, "match.offers.title"));
	struct match_offer *o = NULL;
	size_t n = 0;
	if (u->person_id) {
		struct match_offer_filter f = {u->person_id, 0, 0, NULL};
		if (match_offer_list(r->db, &f, &o, &n, &err) == 0)
			offer_rows(r, b, o, n, true, false);
		free(o);
		o = NULL;
		/* the pool opt-in */
		struct match_pool_entry e;
		bool active = match_pool_get(r->db, u->person_id, &e, NULL) == 0 &&
			      e.withdrawn_at[0] == '\0';
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
			   tr(r, "match.pool.title"),
			   tr(r, active ? "match.pool.in" : "match.pool.out"));
		if (active) {
			buf_puts(b, "<form method=\"post\" action=\"/pool/intrekken\">");
			html_csrf_field(r, b);
			button(r, b, "secondary", "match.pool.withdraw");
			buf_puts(b, "</form>");
		} else {
			buf_puts(b, "<form class=\"samen-form\" method=\"post\" action=\"/pool\">");
			html_csrf_field(r, b);
			field(r, b, "uren", "match.pool.hours", "text", "", "required inputmode=\"decimal\"");
			field(r, b, "dagen", "match.pool.days", "text", "ma,di,wo,do,vr", "required");
			field(r, b, "reistijd", "match.pool.travel", "number", "30",
			      "required min=\"0\" max=\"240\"");
			field(r, b, "expertise", "match.pool.expertise", "text", "", "maxlength=\"120\"");
			checkbox(r, b, "naam", "match.pool.share");
			checkbox(r, b, "toestemming", "match.pool.consent");
			button(r, b, "primary", "match.pool.join");
			buf_puts(b, "</form>");
		}
	}
	if (u->role == ROLE_ADMIN || u->role == ROLE_HR || u->role == ROLE_EXECUTIVE ||
	    u->role == ROLE_SCHOOL_LEADER) {
		struct match_offer_filter f = {0, u->role == ROLE_ADMIN ? 0 : (u->board_id ? u->board_id : -1),
					       0, NULL};
		if (match_offer_list(r->db, &f, &o, &n, &err) == 0)
			offer_rows(r, b, o, n, false, u->role != ROLE_SCHOOL_LEADER);
		free(o);
	}
	/* notifications */
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", tr(r, "match.notes.title"));
	struct notification_row *nr = NULL;
	size_t nn = 0;
	int64_t board = u->role == ROLE_STAFF || u->role == ROLE_COORDINATOR ? 0 : u->board_id;
	if ((u->person_id || board) &&
	    notify_list(r->db, u->role == ROLE_STAFF ? u->person_id : 0, board, 50, &nr, &nn, &err) == 0) {
		buf_puts(b, "<ul class=\"utrecht-unordered-list\">");
		for (size_t i = 0; i < nn; i++) {
			buf_puts(b, "<li class=\"utrecht-unordered-list__item\">");
			html_date(r, b, nr[i].created_at);
			buf_puts(b, ": ");
			html_esc(b, nr[i].text);
			buf_puts(b, "</li>");
		}
		buf_puts(b, "</ul>");
		free(nr);
	}
	html_end(r, s);
	return 0;
}

int page_match_offer_answer(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	char v[8] = "", reason[256] = "";
	form_get(r, "antwoord", v, sizeof v);
	form_get(r, "reden", reason, sizeof reason);
	struct match_actor who = actor_of(r);
	if (match_offer_answer(r->db, req_param_id(r, "offer"),
			       r->user.person_id ? r->user.person_id : -1, strcmp(v, "ja") == 0, reason,
			       date_today(), &who, &err))
		return refuse(r, s, &err);
	resp_redirect(s, "/aanbiedingen");
	return 0;
}

int page_match_offer_decide(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	char v[8] = "", reason[256] = "";
	form_get(r, "besluit", v, sizeof v);
	form_get(r, "reden", reason, sizeof reason);
	int64_t id = req_param_id(r, "offer"), board = r->user.board_id;
	if (r->user.role == ROLE_ADMIN) {
		struct match_offer o;
		if (match_offer_get(r->db, id, &o, &err))
			return refuse(r, s, &err);
		board = o.lender_board_id;
	}
	struct match_actor who = actor_of(r);
	if (match_offer_decide(r->db, id, board ? board : -1, strcmp(v, "ja") == 0, reason,
			       date_today(), &who, NULL, &err))
		return refuse(r, s, &err);
	resp_redirect(s, "/aanbiedingen");
	return 0;
}

int page_match_pool_join(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_pool_entry e;
	memset(&e, 0, sizeof e);
	char v[128];
	e.person_id = r->user.person_id;
	e.board_id = r->user.board_id;
	snprintf(e.kind, sizeof e.kind, "self");
	int rc = 0;
	if (!e.person_id)
		rc = samen_fail(&err, SAMEN_EINVAL, "your account is not linked to a person");
	if (!rc) {
		if (!form_get(r, "uren", v, sizeof v))
			v[0] = '\0';
		e.extra_hours = parse_hours(v);
		if (e.extra_hours < 0)
			e.extra_hours = 0;
	}
	if (!rc && form_get(r, "dagen", v, sizeof v))
		for (int d = 1; d <= 5; d++)
			if (strstr(v, day_codes[d]))
				e.weekdays |= 1u << (d - 1);
	if (!rc && form_get(r, "reistijd", v, sizeof v))
		e.max_travel = (int)strtol(v, NULL, 10);
	form_get(r, "expertise", e.expertise, sizeof e.expertise);
	e.share_name = form_get(r, "naam", v, sizeof v) && strcmp(v, "1") == 0;
	bool consent = form_get(r, "toestemming", v, sizeof v) && strcmp(v, "1") == 0;
	struct match_actor who = actor_of(r);
	if (!rc)
		rc = match_pool_join(r->db, &e, consent, &who, &err);
	if (rc)
		return refuse(r, s, &err);
	resp_redirect(s, "/aanbiedingen");
	return 0;
}

int page_match_pool_withdraw(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_actor who = actor_of(r);
	if (match_pool_withdraw(r->db, r->user.person_id ? r->user.person_id : -1, &who, &err))
		return refuse(r, s, &err);
	resp_redirect(s, "/aanbiedingen");
	return 0;
}

/* ------------------------------------------------------------ the plan */

static int plan_page(struct req *r, struct resp *s, bool store)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region");
	struct match_actor who = actor_of(r);
	struct match_plan p;
	if (match_plan_run(r->db, region, date_today(), store, &who, &p, &err))
		return refuse(r, s, &err);
	html_begin(r, s, tr(r, "match.plan.title"));
	struct buf *b = &s->body;
	char a[32], w[32];
	html_number(r, (double)p.hours_covered / 100.0, 2, a);
	html_number(r, (double)p.hours_wanted / 100.0, 2, w);
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">",
		   tr(r, "match.plan.title"));
	buf_printf(b, "%s: %zu. %s: %zu. %s: %s / %s.", tr(r, "match.plan.requests"), p.requests,
		   tr(r, "match.plan.staff"), p.staff, tr(r, "match.plan.covered"), a, w);
	if (p.lessons_wanted)
		buf_printf(b, " %s: %zu / %zu (%s).", tr(r, "match.plan.lessons"), p.lessons_covered,
			   p.lessons_wanted,
			   tr(r, p.lessons_proven ? "match.plan.proven" : "match.plan.unproven"));
	buf_printf(b, "</p><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, store ? "match.plan.stored" : "match.plan.intro"));
	buf_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/regio/%lld/matchinstellingen\">%s</a></p>", (long long)region, tr(r, "ms.link"));
	static const char *const heads[] = {"match.col.request", "match.col.school",
					    "match.col.candidate", "match.col.hours",
					    "match.col.lessons", "match.col.travel"};
	table_open(b, tr(r, "match.plan.caption"), heads, 6, r);
	for (size_t i = 0; i < p.nlines; i++) {
		char t[32];
		buf_printf(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">"
			      "<a class=\"utrecht-link\" href=\"/hulp/%lld\">%lld</a></td>",
			   (long long)p.lines[i].request_id, (long long)p.lines[i].request_id);
		td(b, p.lines[i].school_name);
		td(b, p.lines[i].alias);
		td_hours(r, b, p.lines[i].hours);
		td_lessons(r, b, p.lines[i].lesson_text);
		snprintf(t, sizeof t, "%d", p.lines[i].travel);
		td(b, t);
		buf_puts(b, "</tr>");
	}
	table_close(b);
	match_plan_release(&p);
	if (!store && (r->user.role == ROLE_ADMIN || r->user.role == ROLE_COORDINATOR)) {
		buf_printf(b, "<form method=\"post\" action=\"/regio/%lld/matchplan\">", (long long)region);
		html_csrf_field(r, b);
		button(r, b, "primary", "match.plan.store");
		buf_puts(b, "</form>");
	}
	html_end(r, s);
	return 0;
}

int page_match_plan(struct req *r, struct resp *s)
{
	return plan_page(r, s, false);
}

int page_match_plan_store(struct req *r, struct resp *s)
{
	return plan_page(r, s, true);
}
