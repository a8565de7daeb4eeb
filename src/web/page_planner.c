/*
 * page_planner.c - the year planner screens (docs/calendar.md):
 *   GET  /regio/{region}/planner                  the planner form
 *   POST /regio/{region}/planner                  actie=voorstel: the proposal with the
 *                                                 reasons per rejected week, or why it does
 *                                                 not fit and what would; actie=opslaan:
 *                                                 plan again (deterministic) and store
 *   GET  /regio/{region}/reeksen/{series}         a series with its meetings; ?alternatieven=ID
 *                                                 lists other days for one meeting
 *   POST /regio/{region}/reeksen/{series}/verplaatsen  move a meeting (same UID, SEQUENCE+1)
 *   GET  /regio/{region}/reeksen/{series}/ics     the series as an .ics file
 *   GET  /regio/{region}/stappen, POST ...        the collaboration's next steps
 *   GET  /agenda                                  my series and my calendar feeds
 *   POST /agenda/feeds, /agenda/feeds/{id}/intrekken
 *   GET  /agenda/{token}.ics                      the public, token-protected feed
 */
#include "formats/ics.h"
#include "store/people.h"
#include "store/store_calendar.h"
#include "store/store_series.h"
#include "util/date.h"
#include "web/calendar_web.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ICS_MAX_BYTES ((size_t)8 * 1024 * 1024)

static void hidden(struct buf *b, const char *name, const char *value)
{
	buf_printf(b, "<input type=\"hidden\" name=\"%s\" value=\"", name);
	html_esc(b, value);
	buf_puts(b, "\">");
}

static void text_field(struct buf *b, const char *id, const char *label, const char *type,
		       const char *value, const char *extra)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--text\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"%s\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"%s\" name=\"%s\""
		      " type=\"%s\" %s value=\"",
		   id, label, id, id, type, extra ? extra : "");
	html_esc(b, value ? value : "");
	buf_puts(b, "\"></div></div>");
}

static void checkbox(struct buf *b, const char *name, const char *label_html, bool checked)
{
	buf_printf(b, "<div class=\"samen-cal-check\"><input class=\"utrecht-checkbox"
		      " utrecht-checkbox--html-input\" type=\"checkbox\" id=\"%s\" name=\"%s\" value=\"1\"%s>"
		      " <label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"%s\">%s</label></div>",
		   name, name, checked ? " checked" : "", name, label_html);
}

static bool in_list(const char *list, const char *item)
{
	size_t n = strlen(item);
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		if (len == n && strncmp(p, item, n) == 0)
			return true;
		p += len + (p[len] == ',');
	}
	return false;
}

static void error_alert(struct req *r, struct buf *b, const struct samen_err *err)
{
	char key[96];
	snprintf(key, sizeof key, "planner.field.%s", err->field);
	buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\">"
		      "<p class=\"utrecht-paragraph\">%s ", tr(r, "calendar.check_input"));
	if (err->field[0] && strcmp(tr(r, key), key) != 0)
		buf_printf(b, "<strong>%s</strong>: ", tr(r, key));
	if (err->line > 0)
		buf_printf(b, "%s %ld: ", tr(r, "calendar.line"), err->line);
	html_esc(b, err->msg);
	buf_puts(b, "</p></div>");
}

static int region_header(struct req *r, struct region_info *region, struct samen_err *err)
{
	return people_region(r->db, req_param_id(r, "region"), region, err);
}

/* ---- the planner ----------------------------------------------------------------- */

static void planner_form(struct req *r, struct buf *b, int64_t region_id,
			 const struct cal_school *schools, size_t n, const struct planner_input *in)
{
	buf_printf(b, "<form class=\"samen-form samen-planner\" method=\"post\" action=\"/regio/%lld/planner\">",
		   (long long)region_id);
	html_csrf_field(r, b);
	hidden(b, "actie", "voorstel");
	text_field(b, "titel", tr(r, "planner.series_title"), "text", in->title, "required maxlength=\"120\"");
	text_field(b, "locatie", tr(r, "planner.location"), "text", in->location, "maxlength=\"120\"");
	buf_printf(b, "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>"
		      "<div class=\"samen-cal-choices\">",
		   tr(r, "planner.schools"));
	for (size_t i = 0; i < n; i++) {
		char name[32], label[300], id[24];
		snprintf(name, sizeof name, "s%lld", (long long)schools[i].id);
		snprintf(id, sizeof id, "%lld", (long long)schools[i].id);
		struct buf l;
		buf_init(&l, 512);
		html_esc(&l, schools[i].name);
		buf_printf(&l, " <span class=\"samen-muted\">(%s)</span>", calendar_region_name(schools[i].region));
		snprintf(label, sizeof label, "%s", buf_str(&l));
		buf_release(&l);
		checkbox(b, name, label, in_list(in->schools, id));
	}
	buf_puts(b, "</div></fieldset>");
	text_field(b, "van", tr(r, "planner.from"), "date", in->from, "required");
	text_field(b, "tot", tr(r, "planner.to"), "date", in->to, "required");
	text_field(b, "aantal", tr(r, "planner.count"), "number", in->count, "required min=\"1\" max=\"100\"");
	buf_printf(b, "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>"
		      "<div class=\"samen-cal-choices\">",
		   tr(r, "planner.weekdays"));
	static const char *const codes[5] = {"ma", "di", "wo", "do", "vr"};
	for (int d = 0; d < 5; d++) {
		char name[8];
		snprintf(name, sizeof name, "d-%s", codes[d]);
		checkbox(b, name, calendar_weekday(r, d + 1, true), in_list(in->weekdays, codes[d]));
	}
	buf_puts(b, "</div></fieldset>");
	text_field(b, "begintijd", tr(r, "planner.start"), "time", in->start, "required");
	text_field(b, "eindtijd", tr(r, "planner.end"), "time", in->end, "required");
	text_field(b, "min", tr(r, "planner.min_gap"), "number", in->min_gap, "min=\"1\" max=\"52\"");
	text_field(b, "max", tr(r, "planner.max_gap"), "number", in->max_gap, "min=\"0\" max=\"52\" aria-describedby=\"max-hint\"");
	buf_printf(b, "<p class=\"utrecht-paragraph samen-muted\" id=\"max-hint\">%s</p>", tr(r, "planner.max_gap_hint"));
	checkbox(b, "adviesweek", tr(r, "planner.adviesweek"), in->adviesweek[0] == '1');
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--textarea\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"deelnemers\">%s</label></div><div class=\"utrecht-form-field__description\""
		      " id=\"deelnemers-hint\">%s</div><div class=\"utrecht-form-field__input\">"
		      "<textarea class=\"utrecht-textarea utrecht-textarea--html-textarea\" id=\"deelnemers\""
		      " name=\"deelnemers\" rows=\"5\" aria-describedby=\"deelnemers-hint\">",
		   tr(r, "planner.attendees"), tr(r, "planner.attendees_hint"));
	html_esc(b, in->attendees);
	buf_printf(b, "</textarea></div></div><p class=\"samen-form__actions\"><button class=\"utrecht-button"
		      " utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
		   tr(r, "planner.propose"));
}

static void week_label(struct req *r, struct buf *b, const struct plan_week *w)
{
	buf_printf(b, "%s %d <span class=\"samen-muted\">", tr(r, "calendar.wk"), w->iso_week);
	char iso[11];
	date_format(w->monday, iso);
	html_date(r, b, iso);
	buf_puts(b, "</span>");
}

static void rejected_weeks(struct req *r, struct buf *b, const struct calendar_plan *p)
{
	const struct plan_result *res = &p->res;
	size_t rejected = 0;
	for (size_t w = 0; w < res->n_weeks; w++)
		rejected += !res->weeks[w].free;
	buf_printf(b, "<h3 class=\"utrecht-heading-3\" id=\"afgewezen\">%s (%zu)</h3>",
		   tr(r, "planner.rejected"), rejected);
	if (!rejected)
		return;
	buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
		      "<caption class=\"utrecht-table__caption\">%s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th></tr></thead>"
		      "<tbody class=\"utrecht-table__body\">",
		   tr(r, "planner.rejected_caption"), tr(r, "calendar.week"), tr(r, "planner.reason"));
	for (size_t w = 0; w < res->n_weeks; w++) {
		const struct plan_week *pw = &res->weeks[w];
		if (pw->free)
			continue;
		unsigned in_range = 0;
		for (int i = 0; i < p->req.n_weekdays; i++) {
			long d = pw->monday + p->req.weekdays[i] - 1;
			if (d >= p->req.from && d <= p->req.to)
				in_range |= 1u << p->req.weekdays[i];
		}
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
		week_label(r, b, pw);
		buf_puts(b, "</th><td class=\"utrecht-table__cell\"><ul class=\"samen-cal__items\">");
		for (size_t i = pw->first_reason; i < pw->first_reason + pw->n_reasons; i++) {
			const struct plan_week_reason *wr = &res->reasons[i];
			buf_puts(b, "<li>");
			calendar_reason_html(r, b, &p->cal, &p->req.scope, &wr->r);
			if (wr->weekdays != in_range) {
				buf_puts(b, " (");
				for (int wd = 1, first = 1; wd <= 5; wd++)
					if (wr->weekdays & (1u << wd)) {
						buf_printf(b, "%s%s", first ? "" : ", ", calendar_weekday(r, wd, false));
						first = 0;
					}
				buf_puts(b, ")");
			}
			buf_puts(b, "</li>");
		}
		buf_puts(b, "</ul></td></tr>");
	}
	buf_puts(b, "</tbody></table></div>");
}

static void proposal(struct req *r, struct buf *b, int64_t region_id, const struct calendar_plan *p,
		     const struct planner_input *in)
{
	const struct plan_result *res = &p->res;
	char num[32];
	buf_printf(b, "<section class=\"samen-plan\" aria-labelledby=\"voorstel\"><h2 class=\"utrecht-heading-2\""
		      " id=\"voorstel\">%s</h2>", tr(r, "planner.proposal"));
	html_number(r, res->ideal_gap_weeks, 1, num);
	char weeks[24], free_w[24], text[300];
	snprintf(weeks, sizeof weeks, "%zu", res->n_weeks);
	snprintf(free_w, sizeof free_w, "%d", res->free_weeks);
	calendar_subst(text, sizeof text, tr(r, "planner.summary"), weeks, free_w, num, NULL);
	buf_puts(b, "<p class=\"utrecht-paragraph\" role=\"status\">");
	html_esc(b, text);
	buf_puts(b, "</p>");
	if (!res->feasible) {
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--error samen-cal-alert\" role=\"alert\">"
			      "<p class=\"utrecht-paragraph\"><strong>%s</strong> ",
			   tr(r, "planner.does_not_fit"));
		calendar_explain_html(r, b, &p->req, res);
		buf_puts(b, "</p>");
		if (res->n_fixes) {
			buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p><ul class=\"utrecht-unordered-list\">",
				   tr(r, "planner.would_fit"));
			for (size_t i = 0; i < res->n_fixes; i++) {
				buf_puts(b, "<li class=\"utrecht-unordered-list__item\">");
				calendar_fix_html(r, b, &p->req, &res->fixes[i]);
				buf_puts(b, "</li>");
			}
			buf_puts(b, "</ul>");
		}
		buf_puts(b, "</div>");
	} else {
		buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
			      "<caption class=\"utrecht-table__caption\">%s</caption>"
			      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
			      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th></tr></thead>"
			      "<tbody class=\"utrecht-table__body\">",
			   tr(r, "planner.meetings_caption"), tr(r, "planner.nr"), tr(r, "planner.date"),
			   tr(r, "calendar.week"), tr(r, "planner.gap"), tr(r, "planner.note"));
		for (size_t m = 0; m < res->n_meetings; m++) {
			const struct plan_meeting *pm = &res->meetings[m];
			const struct plan_week *w = &res->weeks[pm->week];
			buf_printf(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell"
				      " utrecht-table__cell--numeric\">%zu</td><th class=\"utrecht-table__header-cell\""
				      " scope=\"row\">",
				   m + 1);
			calendar_day_html(r, b, pm->day);
			buf_printf(b, " %s–%s</th><td class=\"utrecht-table__cell\">%s %d</td>",
				   in->start, in->end, tr(r, "calendar.wk"), w->iso_week);
			buf_printf(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
			if (m)
				buf_printf(b, "%d", pm->gap_weeks);
			else
				buf_puts(b, "–");
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			if (w->busy_schools) {
				char n1[24], t[200];
				snprintf(n1, sizeof n1, "%d", w->busy_schools);
				calendar_subst(t, sizeof t, tr(r, "planner.busy_week"), n1, NULL, NULL, NULL);
				html_esc(b, t);
				buf_puts(b, " ");
			}
			if (w->near_holiday)
				buf_printf(b, "%s ", tr(r, "planner.near_holiday"));
			if (w->adviesweek)
				buf_printf(b, "%s", tr(r, "planner.in_adviesweek"));
			buf_puts(b, "</td></tr>");
		}
		buf_puts(b, "</tbody></table></div>");
		/* Save: the same input again; the planner is deterministic. */
		buf_printf(b, "<form method=\"post\" action=\"/regio/%lld/planner\" class=\"samen-cal-inline\">",
			   (long long)region_id);
		html_csrf_field(r, b);
		hidden(b, "actie", "opslaan");
		hidden(b, "titel", in->title);
		hidden(b, "locatie", in->location);
		hidden(b, "scholen", in->schools);
		hidden(b, "van", in->from);
		hidden(b, "tot", in->to);
		hidden(b, "aantal", in->count);
		hidden(b, "dagen", in->weekdays);
		hidden(b, "begintijd", in->start);
		hidden(b, "eindtijd", in->end);
		hidden(b, "min", in->min_gap);
		hidden(b, "max", in->max_gap);
		hidden(b, "adviesweek", in->adviesweek);
		hidden(b, "deelnemers", in->attendees);
		buf_printf(b, "<p class=\"samen-form__actions\"><button class=\"utrecht-button"
			      " utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "planner.save"));
	}
	rejected_weeks(r, b, p);
	buf_puts(b, "</section>");
}

static int render_planner(struct req *r, struct resp *s, const struct planner_input *in,
			  const struct calendar_plan *plan, const struct samen_err *problem, int status)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct region_info region;
	int rc = region_header(r, &region, &err);
	if (rc)
		return rc;
	struct cal_school *schools = NULL;
	size_t n = 0;
	rc = store_calendar_region_schools(r->db, region.id, &schools, &n, &err);
	if (rc)
		return rc;
	struct series_summary *series = NULL;
	size_t n_series = 0;
	rc = store_series_list(r->db, region.id, date_today(), &series, &n_series, &err);
	if (rc) {
		free(schools);
		return rc;
	}
	html_begin(r, s, tr(r, "planner.title"));
	s->status = status;
	struct buf *b = &s->body;
	calendar_css(b);
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">",
		   tr(r, "planner.title"));
	html_esc(b, region.name);
	buf_printf(b, "</span></h1><p class=\"utrecht-paragraph\">%s</p>", tr(r, "planner.intro"));
	if (problem)
		error_alert(r, b, problem);
	if (plan && plan->planned)
		proposal(r, b, region.id, plan, in);
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", tr(r, "planner.new"));
	planner_form(r, b, region.id, schools, n, in);
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", tr(r, "planner.series_list"));
	if (n_series == 0)
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "planner.no_series"));
	else
		buf_puts(b, "<ul class=\"utrecht-unordered-list\">");
	for (size_t i = 0; i < n_series; i++) {
		buf_printf(b, "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\""
			      " href=\"/regio/%lld/reeksen/%lld\">",
			   (long long)region.id, (long long)series[i].id);
		html_esc(b, series[i].title);
		buf_printf(b, "</a> – %ld %s", series[i].meetings, tr(r, "planner.meetings"));
		if (series[i].next_day) {
			buf_printf(b, "; %s ", tr(r, "planner.next"));
			calendar_day_html(r, b, series[i].next_day);
		}
		buf_puts(b, "</li>");
	}
	if (n_series)
		buf_puts(b, "</ul>");
	html_end(r, s);
	free(schools);
	free(series);
	return 0;
}

int page_planner_form(struct req *r, struct resp *s)
{
	struct planner_input in;
	calendar_input_defaults(&in);
	return render_planner(r, s, &in, NULL, NULL, 200);
}

int page_planner_submit(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region_id = req_param_id(r, "region");
	struct cal_school *schools = NULL;
	size_t n = 0;
	int rc = store_calendar_region_schools(r->db, region_id, &schools, &n, &err);
	if (rc)
		return rc;
	struct planner_input *in = malloc(sizeof *in);
	if (!in) {
		free(schools);
		return SAMEN_ENOMEM;
	}
	calendar_input_from_form(r, schools, n, in);
	free(schools);
	char action[16];
	if (!form_get(r, "actie", action, sizeof action))
		action[0] = '\0';
	struct calendar_plan plan;
	rc = calendar_plan_run(r->db, region_id, in, &plan, &err);
	if (rc == SAMEN_EINVAL) {
		rc = render_planner(r, s, in, NULL, &err, 400);
		free(in);
		return rc;
	}
	if (rc) {
		free(in);
		return rc;
	}
	if (strcmp(action, "opslaan") == 0 && plan.res.feasible) {
		struct series series;
		int64_t *ids = calloc(plan.n_schools ? plan.n_schools : 1, sizeof *ids);
		int64_t id = 0;
		long *days = calloc(plan.res.n_meetings, sizeof *days);
		rc = ids && days ? 0 : SAMEN_ENOMEM;
		if (rc == 0) {
			for (size_t m = 0; m < plan.res.n_meetings; m++)
				days[m] = plan.res.meetings[m].day;
			calendar_plan_series(&plan, in, region_id, &series, ids);
			rc = store_series_create(r->db, &series, days, plan.res.n_meetings, r->user.email,
						 r->user.id, &id, &err);
		}
		free(ids);
		free(days);
		if (rc == SAMEN_EINVAL) {
			rc = render_planner(r, s, in, &plan, &err, 400);
		} else if (rc == 0) {
			char loc[96];
			snprintf(loc, sizeof loc, "/regio/%lld/reeksen/%lld?opgeslagen=1", (long long)region_id,
				 (long long)id);
			resp_redirect(s, loc);
		}
		calendar_plan_release(&plan);
		free(in);
		return rc;
	}
	rc = render_planner(r, s, in, &plan, NULL, 200);
	calendar_plan_release(&plan);
	free(in);
	return rc;
}

/* ---- a series ------------------------------------------------------------------ */

struct series_ctx {
	struct series series;
	struct cal_school *schools;
	struct calendar cal;
	struct plan_request req;
};

static void series_ctx_release(struct series_ctx *x)
{
	store_series_release(&x->series);
	free(x->schools);
	calendar_release(&x->cal);
}

/* Load the series of this region with its schools, calendar and planner request. */
static int series_load(struct req *r, struct series_ctx *x, struct samen_err *err)
{
	memset(x, 0, sizeof *x);
	calendar_init(&x->cal);
	int64_t region_id = req_param_id(r, "region");
	int rc = store_series_get(r->db, region_id, req_param_id(r, "series"), &x->series, err);
	if (rc)
		return rc;
	const struct series *s = &x->series;
	rc = store_calendar_schools(r->db, region_id, s->school_ids, s->n_schools, &x->schools, err);
	if (rc == 0)
		rc = store_calendar_for_plan(r->db, &x->cal, x->schools, s->n_schools, s->from, s->to, err);
	if (rc == 0) {
		struct plan_request *q = &x->req;
		q->scope.schools = x->schools;
		q->scope.n_schools = s->n_schools;
		q->scope.adviesweek = s->adviesweek;
		q->from = s->from;
		q->to = s->to;
		q->count = (int)s->n_meetings;
		q->start_min = s->start_min;
		q->end_min = s->end_min;
		q->min_gap_weeks = s->min_gap_weeks;
		q->max_gap_weeks = s->max_gap_weeks;
		rc = planner_weekdays_parse(s->weekdays, q, err);
	}
	if (rc)
		series_ctx_release(x);
	return rc;
}

static void hhmm(int minutes, char out[6])
{
	snprintf(out, 6, "%02u:%02u", (unsigned)(minutes / 60) % 100u, (unsigned)(minutes % 60));
}

static void alternatives(struct req *r, struct buf *b, struct series_ctx *x, int64_t meeting_id)
{
	size_t k = x->series.n_meetings;
	long *days = malloc((x->series.n_meetings ? x->series.n_meetings : 1) * sizeof *days);
	if (!days)
		return;
	for (size_t i = 0; i < x->series.n_meetings; i++) {
		days[i] = x->series.meetings[i].day;
		if (x->series.meetings[i].id == meeting_id)
			k = i;
	}
	if (k == x->series.n_meetings) {
		free(days);
		return;
	}
	struct plan_alternative alt[6];
	size_t n = 0;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = planner_alternatives(&x->cal, &x->req, days, x->series.n_meetings, k, alt, 6, &n, &err);
	free(days);
	buf_printf(b, "<section aria-labelledby=\"alternatieven\"><h2 class=\"utrecht-heading-2\""
		      " id=\"alternatieven\">%s ",
		   tr(r, "planner.series.alternatives_for"));
	calendar_day_html(r, b, x->series.meetings[k].day);
	buf_puts(b, "</h2>");
	if (rc) {
		error_alert(r, b, &err);
		buf_puts(b, "</section>");
		return;
	}
	if (n == 0)
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "planner.series.no_alternatives"));
	size_t shown = 0;
	buf_puts(b, "<ul class=\"utrecht-unordered-list samen-cal-alts\">");
	for (size_t i = 0; i < n && shown < 3; i++, shown++) {
		buf_printf(b, "<li class=\"utrecht-unordered-list__item\"><form method=\"post\""
			      " action=\"/regio/%lld/reeksen/%lld/verplaatsen\" class=\"samen-cal-inline\">",
			   (long long)x->series.region_id, (long long)x->series.id);
		html_csrf_field(r, b);
		char mid[24], iso[11];
		snprintf(mid, sizeof mid, "%lld", (long long)meeting_id);
		date_format(alt[i].day, iso);
		hidden(b, "vergadering", mid);
		hidden(b, "dag", iso);
		calendar_day_html(r, b, alt[i].day);
		if (!alt[i].within_spacing)
			buf_printf(b, " <span class=\"samen-muted\">(%s)</span>", tr(r, "planner.series.outside_spacing"));
		if (alt[i].busy_schools || alt[i].near_holiday)
			buf_printf(b, " <span class=\"samen-muted\">(%s)</span>", tr(r, "planner.series.busier_week"));
		buf_printf(b, " <button class=\"utrecht-button utrecht-button--secondary-action\" type=\"submit\">%s"
			      "<span class=\"samen-visually-hidden\"> ",
			   tr(r, "planner.series.move_here"));
		calendar_day_html(r, b, alt[i].day);
		buf_puts(b, "</span></button></form></li>");
	}
	buf_puts(b, "</ul></section>");
}

static int render_series(struct req *r, struct resp *s, const char *notice_html,
			 const struct samen_err *problem, const struct cal_reason *blocked, size_t n_blocked,
			 int64_t force_meeting, long force_day, int status)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct series_ctx x;
	int rc = series_load(r, &x, &err);
	if (rc)
		return rc;
	const struct series *se = &x.series;
	bool may_plan = (r->user.role & CALENDAR_PLANNERS) != 0;
	html_begin(r, s, se->title);
	s->status = status;
	struct buf *b = &s->body;
	calendar_css(b);
	buf_puts(b, "<h1 class=\"utrecht-heading-1\">");
	html_esc(b, se->title);
	buf_puts(b, "</h1>");
	if (r->query(r, "opgeslagen"))
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\"><p class=\"utrecht-paragraph\">%s</p></div>",
			   tr(r, "planner.series.saved"));
	if (notice_html)
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\"><p class=\"utrecht-paragraph\">%s</p></div>",
			   notice_html);
	if (problem)
		error_alert(r, b, problem);
	if (n_blocked) {
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--warning samen-cal-alert\" role=\"alert\"><p class=\"utrecht-paragraph\">%s ",
			   tr(r, "planner.series.day_not_free"));
		calendar_day_html(r, b, force_day);
		buf_puts(b, ":</p><ul class=\"utrecht-unordered-list\">");
		for (size_t i = 0; i < n_blocked; i++) {
			buf_puts(b, "<li class=\"utrecht-unordered-list__item\">");
			calendar_reason_html(r, b, &x.cal, &x.req.scope, &blocked[i]);
			buf_puts(b, "</li>");
		}
		buf_printf(b, "</ul><form method=\"post\" action=\"/regio/%lld/reeksen/%lld/verplaatsen\">",
			   (long long)se->region_id, (long long)se->id);
		html_csrf_field(r, b);
		char mid[24], iso[11];
		snprintf(mid, sizeof mid, "%lld", (long long)force_meeting);
		date_format(force_day, iso);
		hidden(b, "vergadering", mid);
		hidden(b, "dag", iso);
		hidden(b, "toch", "1");
		buf_printf(b, "<p class=\"utrecht-paragraph\"><button class=\"utrecht-button utrecht-button--secondary-action\""
			      " type=\"submit\">%s</button></p></form></div>",
			   tr(r, "planner.series.move_anyway"));
	}
	char t0[6], t1[6];
	hhmm(se->start_min, t0);
	hhmm(se->end_min, t1);
	buf_printf(b, "<dl class=\"samen-cal-facts\"><div><dt>%s</dt><dd>", tr(r, "planner.period"));
	calendar_day_html(r, b, se->from);
	buf_puts(b, " – ");
	calendar_day_html(r, b, se->to);
	buf_printf(b, "</dd></div><div><dt>%s</dt><dd>", tr(r, "planner.weekdays"));
	for (int i = 0; i < x.req.n_weekdays; i++)
		buf_printf(b, "%s%s", i ? ", " : "", calendar_weekday(r, x.req.weekdays[i], true));
	buf_printf(b, " %s–%s</dd></div><div><dt>%s</dt><dd>", t0, t1, tr(r, "planner.gaps"));
	char g[64];
	if (se->max_gap_weeks)
		snprintf(g, sizeof g, "%d – %d", se->min_gap_weeks, se->max_gap_weeks);
	else
		snprintf(g, sizeof g, "≥ %d", se->min_gap_weeks);
	buf_printf(b, "%s %s</dd></div>", g, tr(r, "planner.weeks"));
	if (se->location[0]) {
		buf_printf(b, "<div><dt>%s</dt><dd>", tr(r, "planner.location"));
		html_esc(b, se->location);
		buf_puts(b, "</dd></div>");
	}
	buf_printf(b, "<div><dt>%s</dt><dd>", tr(r, "planner.schools"));
	for (size_t i = 0; i < se->n_schools; i++) {
		buf_puts(b, i ? ", " : "");
		html_esc(b, x.schools[i].name);
		buf_printf(b, " (%s)", calendar_region_name(x.schools[i].region));
	}
	buf_printf(b, "</dd></div><div><dt>%s</dt><dd>", tr(r, "planner.series.organizer"));
	html_esc(b, se->organizer_name[0] ? se->organizer_name : "–");
	buf_printf(b, "</dd></div><div><dt>%s</dt><dd>", tr(r, "planner.attendees"));
	for (size_t i = 0; i < se->n_attendees; i++) {
		buf_puts(b, i ? "; " : "");
		if (strcmp(se->attendees[i].name, se->attendees[i].email) != 0) {
			html_esc(b, se->attendees[i].name);
			buf_puts(b, " &lt;");
			html_esc(b, se->attendees[i].email);
			buf_puts(b, "&gt;");
		} else {
			html_esc(b, se->attendees[i].email);
		}
	}
	if (!se->n_attendees)
		buf_puts(b, "–");
	buf_printf(b, "</dd></div></dl><p class=\"utrecht-paragraph samen-downloads\"><a class=\"utrecht-link\""
		      " href=\"/regio/%lld/reeksen/%lld/ics\">%s</a> · <a class=\"utrecht-link\" href=\"/agenda\">%s</a></p>",
		   (long long)se->region_id, (long long)se->id, tr(r, "planner.series.download_ics"),
		   tr(r, "planner.series.subscribe"));
	/* Meetings. */
	buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
		      "<caption class=\"utrecht-table__caption\">%s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>",
		   tr(r, "planner.series.meetings_caption"), tr(r, "planner.nr"), tr(r, "planner.date"),
		   tr(r, "planner.series.changes"));
	if (may_plan)
		buf_printf(b, "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>",
			   tr(r, "calendar.actions"));
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (size_t i = 0; i < se->n_meetings; i++) {
		const struct series_meeting *m = &se->meetings[i];
		buf_printf(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell"
			      " utrecht-table__cell--numeric\">%zu</td><th class=\"utrecht-table__header-cell\" scope=\"row\">",
			   i + 1);
		calendar_day_html(r, b, m->day);
		buf_printf(b, " %s–%s</th><td class=\"utrecht-table__cell\">", t0, t1);
		if (m->sequence) {
			char n1[24], t[120];
			snprintf(n1, sizeof n1, "%d", m->sequence);
			calendar_subst(t, sizeof t, tr(r, "planner.series.moved_times"), n1, NULL, NULL, NULL);
			html_esc(b, t);
		} else {
			buf_puts(b, "–");
		}
		buf_puts(b, "</td>");
		if (may_plan) {
			char iso[11];
			date_format(m->day, iso);
			buf_printf(b, "<td class=\"utrecht-table__cell\"><a class=\"utrecht-link\""
				      " href=\"/regio/%lld/reeksen/%lld?alternatieven=%lld#alternatieven\">%s"
				      "<span class=\"samen-visually-hidden\"> %zu</span></a>"
				      "<form method=\"post\" action=\"/regio/%lld/reeksen/%lld/verplaatsen\" class=\"samen-cal-move\">",
				   (long long)se->region_id, (long long)se->id, (long long)m->id,
				   tr(r, "planner.series.alternatives"), i + 1, (long long)se->region_id, (long long)se->id);
			html_csrf_field(r, b);
			char mid[24];
			snprintf(mid, sizeof mid, "%lld", (long long)m->id);
			hidden(b, "vergadering", mid);
			buf_printf(b, "<label class=\"utrecht-form-label\" for=\"dag-%lld\">%s %zu</label> "
				      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" type=\"date\""
				      " id=\"dag-%lld\" name=\"dag\" value=\"%s\" required> "
				      "<button class=\"utrecht-button utrecht-button--secondary-action\" type=\"submit\">%s</button>"
				      "</form></td>",
				   (long long)m->id, tr(r, "planner.series.new_date"), i + 1, (long long)m->id, iso,
				   tr(r, "planner.series.move"));
		}
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	const char *alt = r->query(r, "alternatieven");
	if (alt && may_plan) {
		char *end;
		long long mid = strtoll(alt, &end, 10);
		if (*end == '\0' && mid > 0)
			alternatives(r, b, &x, mid);
	}
	html_end(r, s);
	series_ctx_release(&x);
	return 0;
}

int page_series(struct req *r, struct resp *s)
{
	return render_series(r, s, NULL, NULL, NULL, 0, 0, 0, 200);
}

int page_series_move(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	char mid[24], day[16], force[8];
	if (!form_get(r, "vergadering", mid, sizeof mid))
		mid[0] = '\0';
	if (!form_get(r, "dag", day, sizeof day))
		day[0] = '\0';
	bool anyway = form_get(r, "toch", force, sizeof force) && force[0] == '1';
	char *end;
	long long meeting = strtoll(mid, &end, 10);
	long d;
	if (!mid[0] || *end || meeting <= 0)
		return SAMEN_ENOTFOUND;
	if (date_parse(day, &d)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "day", "give a date (YYYY-MM-DD)");
		return render_series(r, s, NULL, &err, NULL, 0, 0, 0, 400);
	}
	struct series_ctx x;
	int rc = series_load(r, &x, &err);
	if (rc)
		return rc;
	struct cal_reason why[16];
	size_t n_why = calendar_day_reasons(&x.cal, &x.req.scope, d, why, 16);
	int wd = date_weekday(d);
	series_ctx_release(&x);
	if (wd > 5 && !anyway) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "day", "meetings are planned on school days, Monday to Friday");
		return render_series(r, s, NULL, &err, NULL, 0, 0, 0, 400);
	}
	if (n_why && !anyway)
		return render_series(r, s, NULL, NULL, why, n_why < 16 ? n_why : 16, meeting, d, 409);
	rc = store_series_move(r->db, req_param_id(r, "series"), meeting, d, r->user.email, r->user.id,
			       &err);
	if (rc == SAMEN_EINVAL)
		return render_series(r, s, NULL, &err, NULL, 0, 0, 0, 400);
	if (rc)
		return rc;
	struct buf note;
	buf_init(&note, 512);
	buf_printf(&note, "%s ", tr(r, "planner.series.moved_to"));
	calendar_day_html(r, &note, d);
	rc = render_series(r, s, buf_str(&note), NULL, NULL, 0, 0, 0, 200);
	buf_release(&note);
	return rc;
}

/* Events of one series for an .ics file; the arrays are owned by the caller. */
struct series_events {
	struct ics_event *ev;
	struct ics_attendee *people;
	size_t n;
};

static int series_events(const struct series *se, const char *description,
			 struct series_events *out)
{
	out->ev = calloc(se->n_meetings ? se->n_meetings : 1, sizeof *out->ev);
	out->people = calloc(se->n_attendees ? se->n_attendees : 1, sizeof *out->people);
	if (!out->ev || !out->people)
		return SAMEN_ENOMEM;
	for (size_t i = 0; i < se->n_attendees; i++) {
		out->people[i].name = se->attendees[i].name;
		out->people[i].email = se->attendees[i].email;
	}
	for (size_t i = 0; i < se->n_meetings; i++) {
		struct ics_event *e = &out->ev[i];
		const struct series_meeting *m = &se->meetings[i];
		e->uid = m->uid;
		e->sequence = m->sequence;
		e->summary = se->title;
		e->location = se->location;
		e->description = description;
		e->day = m->day;
		e->start_min = se->start_min;
		e->end_min = se->end_min;
		e->attendees = out->people;
		e->n_attendees = se->n_attendees;
		e->organizer_name = se->organizer_name;
		e->organizer_email = se->organizer_email;
		struct tm tm = {0};
		if (strptime(m->updated_at, "%Y-%m-%dT%H:%M:%SZ", &tm))
			e->last_modified = (int64_t)timegm(&tm);
	}
	out->n = se->n_meetings;
	return 0;
}

static void series_events_release(struct series_events *e)
{
	free(e->ev);
	free(e->people);
}

int page_series_ics(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct series se;
	int rc = store_series_get(r->db, req_param_id(r, "region"), req_param_id(r, "series"), &se, &err);
	if (rc)
		return rc;
	struct series_events ev = {0};
	rc = series_events(&se, NULL, &ev);
	if (rc == 0) {
		struct ics_calendar cal = {se.title, (int64_t)time(NULL), 0};
		rc = ics_write(&cal, ev.ev, ev.n, &s->body, &err);
	}
	if (rc == 0) {
		s->status = 200;
		s->content_type = "text/calendar; charset=utf-8";
		snprintf(s->download_name, sizeof s->download_name, "reeks-%lld.ics", (long long)se.id);
	}
	series_events_release(&ev);
	store_series_release(&se);
	return rc;
}

/* ---- the public feed --------------------------------------------------------------- */

int page_agenda_feed(struct req *r, struct resp *s)
{
	const char *p = req_param(r, "feed");
	size_t len = p ? strlen(p) : 0;
	if (len < 5 || strcmp(p + len - 4, ".ics") != 0)
		return SAMEN_ENOTFOUND;
	char token[64];
	snprintf(token, sizeof token, "%.*s", (int)(len - 4), p);
	struct samen_err err;
	samen_err_clear(&err);
	int64_t user_id = 0;
	int rc = store_feed_user(r->db, token, &user_id, &err);
	if (rc)
		return rc == SAMEN_ENOTFOUND ? SAMEN_ENOTFOUND : rc;
	int64_t *ids = NULL;
	size_t n = 0;
	rc = store_series_of_user(r->db, user_id, &ids, &n, &err);
	if (rc)
		return rc;
	struct ics_event *all = NULL;
	size_t n_all = 0, cap = 0;
	struct series *list = calloc(n ? n : 1, sizeof *list);
	struct series_events *evs = calloc(n ? n : 1, sizeof *evs);
	if (!list || !evs)
		rc = SAMEN_ENOMEM;
	size_t loaded = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		rc = store_series_get(r->db, 0, ids[i], &list[i], &err);
		if (rc)
			break;
		loaded++;
		rc = series_events(&list[i], NULL, &evs[i]);
		if (rc)
			break;
		if (n_all + evs[i].n > cap) {
			cap = (n_all + evs[i].n) * 2;
			struct ics_event *q = realloc(all, cap * sizeof *q);
			if (!q) {
				rc = SAMEN_ENOMEM;
				break;
			}
			all = q;
		}
		memcpy(all + n_all, evs[i].ev, evs[i].n * sizeof *all);
		n_all += evs[i].n;
	}
	if (rc == 0) {
		struct ics_calendar cal = {"Samen", (int64_t)time(NULL), 60};
		rc = ics_write(&cal, all, n_all, &s->body, &err);
	}
	if (rc == 0) {
		s->status = 200;
		s->content_type = "text/calendar; charset=utf-8";
	}
	for (size_t i = 0; i < loaded; i++) {
		series_events_release(&evs[i]);
		store_series_release(&list[i]);
	}
	free(evs);
	free(list);
	free(all);
	free(ids);
	return rc;
}

/* ---- my agenda: series and feeds -------------------------------------------------- */

static int render_agenda(struct req *r, struct resp *s, const char *new_token)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t *ids = NULL;
	size_t n = 0;
	struct feed_info *feeds = NULL;
	size_t n_feeds = 0;
	int rc = store_series_of_user(r->db, r->user.id, &ids, &n, &err);
	if (rc == 0)
		rc = store_feed_list(r->db, r->user.id, &feeds, &n_feeds, &err);
	if (rc) {
		free(ids);
		return rc;
	}
	html_begin(r, s, tr(r, "calendar.agenda.title"));
	struct buf *b = &s->body;
	calendar_css(b);
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", tr(r, "calendar.agenda.title"));
	const struct user *u = &r->user;
	if (u->role != ROLE_STAFF && u->region_id) {
		buf_printf(b, "<ul class=\"utrecht-link-list samen-cal-links\"><li class=\"utrecht-link-list__item\">"
			      "<a class=\"utrecht-link\" href=\"/regio/%lld/jaarplanning\">%s</a></li>",
			   (long long)u->region_id, tr(r, "calendar.year_view"));
		if (u->role & CALENDAR_PLANNERS)
			buf_printf(b, "<li class=\"utrecht-link-list__item\"><a class=\"utrecht-link\""
				      " href=\"/regio/%lld/planner\">%s</a></li>",
				   (long long)u->region_id, tr(r, "planner.title"));
		buf_printf(b, "<li class=\"utrecht-link-list__item\"><a class=\"utrecht-link\""
			      " href=\"/regio/%lld/stappen\">%s</a></li>",
			   (long long)u->region_id, tr(r, "planner.steps.title"));
		if (u->school_id)
			buf_printf(b, "<li class=\"utrecht-link-list__item\"><a class=\"utrecht-link\""
				      " href=\"/scholen/%lld/kalender\">%s</a></li>",
				   (long long)u->school_id, tr(r, "calendar.my_school"));
		buf_printf(b, "<li class=\"utrecht-link-list__item\"><a class=\"utrecht-link\""
			      " href=\"/vakanties\">%s</a></li></ul>",
			   tr(r, "calendar.holidays_title"));
	}
	if (new_token) {
		char url[256];
		calendar_feed_url(r, new_token, url, sizeof url);
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--ok samen-cal-alert\" role=\"status\">"
			      "<p class=\"utrecht-paragraph\">%s</p><p class=\"utrecht-paragraph\"><code class=\"samen-cal-url\">",
			   tr(r, "calendar.agenda.feed_made"));
		html_esc(b, url);
		buf_printf(b, "</code></p><p class=\"utrecht-paragraph\">%s</p></div>", tr(r, "calendar.agenda.feed_once"));
	}
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", tr(r, "calendar.agenda.my_series"));
	if (n == 0)
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "calendar.agenda.no_series"));
	else
		buf_puts(b, "<ul class=\"utrecht-unordered-list\">");
	for (size_t i = 0; i < n; i++) {
		struct series se;
		if (store_series_get(r->db, 0, ids[i], &se, &err))
			continue;
		buf_puts(b, "<li class=\"utrecht-unordered-list__item\">");
		bool link = u->role == ROLE_ADMIN || (u->role != ROLE_STAFF && u->region_id == se.region_id);
		if (link)
			buf_printf(b, "<a class=\"utrecht-link\" href=\"/regio/%lld/reeksen/%lld\">",
				   (long long)se.region_id, (long long)se.id);
		html_esc(b, se.title);
		buf_puts(b, link ? "</a>: " : ": ");
		for (size_t m = 0; m < se.n_meetings; m++) {
			buf_puts(b, m ? ", " : "");
			calendar_day_html(r, b, se.meetings[m].day);
		}
		buf_puts(b, "</li>");
		store_series_release(&se);
	}
	if (n)
		buf_puts(b, "</ul>");
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "calendar.agenda.feeds"), tr(r, "calendar.agenda.feeds_intro"));
	bool any = false;
	for (size_t i = 0; i < n_feeds; i++) {
		if (!any)
			buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
				      "<caption class=\"utrecht-table__caption\">%s</caption>"
				      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
				      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
				      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
				      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
				      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th></tr></thead>"
				      "<tbody class=\"utrecht-table__body\">",
				   tr(r, "calendar.agenda.feeds"), tr(r, "calendar.agenda.label"), tr(r, "calendar.agenda.created"),
				   tr(r, "calendar.agenda.last_used"), tr(r, "calendar.actions"));
		any = true;
		const struct feed_info *f = &feeds[i];
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
		html_esc(b, f->label[0] ? f->label : "–");
		buf_puts(b, "</th><td class=\"utrecht-table__cell\">");
		html_esc(b, f->created_at);
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		html_esc(b, f->last_used_at[0] ? f->last_used_at : "–");
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		if (f->revoked_at[0]) {
			buf_printf(b, "%s ", tr(r, "calendar.agenda.revoked"));
			html_esc(b, f->revoked_at);
		} else {
			buf_printf(b, "<form method=\"post\" action=\"/agenda/feeds/%lld/intrekken\">", (long long)f->id);
			html_csrf_field(r, b);
			buf_printf(b, "<button class=\"utrecht-button utrecht-button--secondary-action\" type=\"submit\">%s"
				      "<span class=\"samen-visually-hidden\">: ",
				   tr(r, "calendar.agenda.revoke"));
			html_esc(b, f->label);
			buf_puts(b, "</span></button></form>");
		}
		buf_puts(b, "</td></tr>");
	}
	if (any)
		buf_puts(b, "</tbody></table></div>");
	buf_puts(b, "<form class=\"samen-form\" method=\"post\" action=\"/agenda/feeds\">");
	html_csrf_field(r, b);
	text_field(b, "label", tr(r, "calendar.agenda.label"), "text", "", "maxlength=\"100\" aria-describedby=\"label-hint\"");
	buf_printf(b, "<p class=\"utrecht-paragraph samen-muted\" id=\"label-hint\">%s</p>"
		      "<p class=\"samen-form__actions\"><button class=\"utrecht-button utrecht-button--primary-action\""
		      " type=\"submit\">%s</button></p></form>",
		   tr(r, "calendar.agenda.label_hint"), tr(r, "calendar.agenda.make_feed"));
	html_end(r, s);
	free(ids);
	free(feeds);
	return 0;
}

int page_agenda(struct req *r, struct resp *s)
{
	return render_agenda(r, s, NULL);
}

int page_agenda_feed_create(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	char label[128];
	if (!form_get(r, "label", label, sizeof label))
		label[0] = '\0';
	char token[FEED_TOKEN_LEN + 1];
	int64_t id;
	int rc = store_feed_create(r->db, r->user.id, label, r->user.email, token, &id, &err);
	if (rc)
		return rc;
	rc = render_agenda(r, s, token);
	memset(token, 0, sizeof token);
	return rc;
}

int page_agenda_feed_revoke(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int rc = store_feed_revoke(r->db, r->user.id, req_param_id(r, "feedid"), r->user.email, &err);
	if (rc)
		return rc;
	resp_redirect(s, "/agenda");
	return 0;
}

/* ---- next steps ---------------------------------------------------------------------- */

static int render_steps(struct req *r, struct resp *s, const struct samen_err *problem, int status)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct region_info region;
	int rc = region_header(r, &region, &err);
	if (rc)
		return rc;
	long today = date_today();
	struct collab_step *steps = NULL;
	size_t n = 0;
	struct series_summary *series = NULL;
	size_t n_series = 0;
	rc = store_steps_list(r->db, region.id, today, &steps, &n, &err);
	if (rc == 0)
		rc = store_series_list(r->db, region.id, today, &series, &n_series, &err);
	if (rc) {
		free(steps);
		return rc;
	}
	bool may_plan = (r->user.role & CALENDAR_PLANNERS) != 0;
	html_begin(r, s, tr(r, "planner.steps.title"));
	s->status = status;
	struct buf *b = &s->body;
	calendar_css(b);
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">", tr(r, "planner.steps.title"));
	html_esc(b, region.name);
	buf_printf(b, "</span></h1><p class=\"utrecht-paragraph\">%s</p>", tr(r, "planner.steps.intro"));
	if (problem)
		error_alert(r, b, problem);
	if (n == 0) {
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "planner.steps.none"));
	} else {
		buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
			      "<caption class=\"utrecht-table__caption\">%s</caption>"
			      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>",
			   tr(r, "planner.steps.caption"), tr(r, "planner.steps.step"), tr(r, "planner.steps.owner"), tr(r, "planner.steps.due"),
			   tr(r, "planner.steps.next_meeting"), tr(r, "planner.steps.status"));
		if (may_plan)
			buf_printf(b, "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>",
				   tr(r, "calendar.actions"));
		buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
		for (size_t i = 0; i < n; i++) {
			const struct collab_step *st = &steps[i];
			bool lacks = planner_step_lacks_meeting(st->done, st->due, st->next_meeting);
			buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
			html_esc(b, st->title);
			buf_puts(b, "</th><td class=\"utrecht-table__cell\">");
			html_esc(b, st->owner[0] ? st->owner : "–");
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			if (st->due)
				calendar_day_html(r, b, st->due);
			else
				buf_puts(b, "–");
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			if (st->next_meeting) {
				calendar_day_html(r, b, st->next_meeting);
				buf_puts(b, " (");
				html_esc(b, st->series_title);
				buf_puts(b, ")");
			} else {
				buf_puts(b, "–");
			}
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			if (st->done)
				buf_printf(b, "%s", tr(r, "planner.steps.done"));
			else if (lacks)
				buf_printf(b, "<strong class=\"samen-cal-warn\">%s</strong>",
					   tr(r, st->series_id ? "planner.steps.no_next_in_series" : "planner.steps.no_series"));
			else
				buf_printf(b, "%s", tr(r, "planner.steps.on_track"));
			buf_puts(b, "</td>");
			if (may_plan) {
				buf_printf(b, "<td class=\"utrecht-table__cell\"><form method=\"post\""
					      " action=\"/regio/%lld/stappen/%lld/klaar\">",
					   (long long)region.id, (long long)st->id);
				html_csrf_field(r, b);
				hidden(b, "klaar", st->done ? "0" : "1");
				buf_printf(b, "<button class=\"utrecht-button utrecht-button--secondary-action\" type=\"submit\">%s"
					      "<span class=\"samen-visually-hidden\">: ",
					   tr(r, st->done ? "planner.steps.reopen" : "planner.steps.mark_done"));
				html_esc(b, st->title);
				buf_puts(b, "</span></button></form></td>");
			}
			buf_puts(b, "</tr>");
		}
		buf_puts(b, "</tbody></table></div>");
	}
	if (may_plan) {
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><form class=\"samen-form\" method=\"post\""
			      " action=\"/regio/%lld/stappen\">",
			   tr(r, "planner.steps.add"), (long long)region.id);
		html_csrf_field(r, b);
		text_field(b, "titel", tr(r, "planner.steps.step"), "text", "", "required maxlength=\"190\"");
		text_field(b, "eigenaar", tr(r, "planner.steps.owner"), "text", "", "maxlength=\"120\"");
		text_field(b, "datum", tr(r, "planner.steps.due"), "date", "", "");
		buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--select\">"
			      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"reeks\">%s</label></div>"
			      "<div class=\"utrecht-form-field__input\"><select class=\"utrecht-select utrecht-select--html-select\""
			      " id=\"reeks\" name=\"reeks\"><option value=\"\">%s</option>",
			   tr(r, "planner.steps.series"), tr(r, "planner.steps.no_series_choice"));
		for (size_t i = 0; i < n_series; i++) {
			buf_printf(b, "<option value=\"%lld\">", (long long)series[i].id);
			html_esc(b, series[i].title);
			buf_puts(b, "</option>");
		}
		buf_printf(b, "</select></div></div><p class=\"samen-form__actions\"><button class=\"utrecht-button"
			      " utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "planner.steps.add"));
	}
	html_end(r, s);
	free(steps);
	free(series);
	return 0;
}

int page_steps(struct req *r, struct resp *s)
{
	return render_steps(r, s, NULL, 200);
}

int page_steps_add(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	char title[256], owner[160], due[16], series[24];
	if (!form_get(r, "titel", title, sizeof title))
		title[0] = '\0';
	if (!form_get(r, "eigenaar", owner, sizeof owner))
		owner[0] = '\0';
	if (!form_get(r, "datum", due, sizeof due))
		due[0] = '\0';
	if (!form_get(r, "reeks", series, sizeof series))
		series[0] = '\0';
	long d = 0;
	int rc = 0;
	if (due[0] && date_parse(due, &d))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "due", "give a date (YYYY-MM-DD)");
	long long sid = series[0] ? strtoll(series, NULL, 10) : 0;
	if (rc == 0)
		rc = store_step_add(r->db, req_param_id(r, "region"), title, owner, d, sid, r->user.email,
				    r->user.id, NULL, &err);
	if (rc == SAMEN_EINVAL)
		return render_steps(r, s, &err, 400);
	if (rc)
		return rc;
	char loc[64];
	snprintf(loc, sizeof loc, "/regio/%lld/stappen", (long long)req_param_id(r, "region"));
	resp_redirect(s, loc);
	return 0;
}

int page_steps_done(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	char v[8];
	bool done = !form_get(r, "klaar", v, sizeof v) || v[0] != '0';
	int rc = store_step_set_done(r->db, req_param_id(r, "region"), req_param_id(r, "step"), done,
				     r->user.email, r->user.id, &err);
	if (rc)
		return rc;
	char loc[64];
	snprintf(loc, sizeof loc, "/regio/%lld/stappen", (long long)req_param_id(r, "region"));
	resp_redirect(s, loc);
	return 0;
}
