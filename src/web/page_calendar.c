/*
 * page_calendar.c - the calendar screens (docs/calendar.md):
 *   GET  /regio/{region}/jaarplanning        the year view: weeks x schools with every
 *                                            partner's holidays, national days off, busy
 *                                            periods and the region's meetings; colour-coded
 *                                            and readable without colour (letters and words)
 *   GET  /scholen/{school}/kalender          a school's calendar: its region's holidays,
 *                                            national days and its busy periods
 *   POST /scholen/{school}/kalender          add a busy period by hand
 *   POST /scholen/{school}/kalender/import   import busy periods from iCalendar text
 *   POST /scholen/{school}/kalender/{busy}/verwijderen
 *   GET  /scholen/{school}/kalender/ics      the school calendar as an .ics file
 *   GET  /vakanties                          the school holidays per school year and region
 *   POST /vakanties/import                   (admin) import a new school year
 * The router has checked the region or the school's region; changing a
 * school's calendar is further limited by calendar_may_edit_school.
 */
#include "formats/holidays_import.h"
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

#define UPLOAD_TEXT_MAX ((size_t)4 * 1024 * 1024)

/* The school year of ?schooljaar=, or the current one. */
static int school_year_param(struct req *r)
{
	const char *q = r->query(r, "schooljaar");
	int y;
	if (q && calendar_school_year_parse(q, &y) == 0)
		return y;
	return calendar_school_year_of(date_today());
}

/* A GET form to choose another school year among those with holidays. */
static void year_picker(struct req *r, struct buf *b, const struct calendar *c, const char *action,
			int current)
{
	int years[64];
	size_t n = 0;
	for (size_t i = 0; i < c->n_holidays; i++) {
		bool seen = false;
		for (size_t j = 0; j < n; j++)
			seen = seen || years[j] == c->holidays[i].school_year;
		if (!seen && n < 64)
			years[n++] = c->holidays[i].school_year;
	}
	buf_printf(b, "<form class=\"samen-cal-year\" method=\"get\" action=\"%s\">"
		      "<label class=\"utrecht-form-label\" for=\"schooljaar\">%s</label> "
		      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"schooljaar\""
		      " name=\"schooljaar\">",
		   action, tr(r, "calendar.school_year"));
	for (size_t i = 0; i < n; i++) {
		char sy[10];
		calendar_school_year_text(years[i], sy);
		buf_printf(b, "<option value=\"%s\"%s>%s</option>", sy,
			   years[i] == current ? " selected" : "", sy);
	}
	buf_printf(b, "</select> <button class=\"utrecht-button utrecht-button--secondary-action\""
		      " type=\"submit\">%s</button></form>",
		   tr(r, "calendar.show"));
}

static void legend(struct req *r, struct buf *b)
{
	buf_printf(b, "<dl class=\"samen-cal-legend\" aria-label=\"%s\">", tr(r, "calendar.legend"));
	static const char *const kinds[][2] = {
		{"holiday", "calendar.legend_holiday"},
		{"national", "calendar.legend_national"},
		{"busy", "calendar.legend_busy"},
		{"meeting", "calendar.legend_meeting"},
	};
	static const char *const marks[] = {"V", "F", "D", "O"};
	for (size_t i = 0; i < 4; i++)
		buf_printf(b, "<div class=\"samen-cal-legend__item\"><dt class=\"samen-cal__mark"
			      " samen-cal__mark--%s\">%s</dt><dd>%s</dd></div>",
			   kinds[i][0], marks[i], tr(r, kinds[i][1]));
	buf_puts(b, "</dl>");
}

/* Days (bit per ISO weekday) of Monday-Friday of the week that a range covers. */
static unsigned week_days(long monday, long start, long end)
{
	unsigned mask = 0;
	for (int wd = 1; wd <= 5; wd++) {
		long d = monday + wd - 1;
		if (d >= start && d <= end)
			mask |= 1u << wd;
	}
	return mask;
}

static void day_list(struct req *r, struct buf *b, unsigned mask)
{
	if (mask == 0x3e)
		return; /* the whole school week */
	buf_puts(b, " (");
	for (int wd = 1, first = 1; wd <= 5; wd++)
		if (mask & (1u << wd)) {
			buf_printf(b, "%s%s", first ? "" : ", ", calendar_weekday(r, wd, false));
			first = 0;
		}
	buf_puts(b, ")");
}

static void item(struct buf *b, const char *kind, const char *mark)
{
	buf_printf(b, "<li class=\"samen-cal__item samen-cal__item--%s\"><span class=\"samen-cal__mark"
		      " samen-cal__mark--%s\">%s</span> ",
		   kind, kind, mark);
}

/* One cell: what blocks this school in this week. Returns the strongest kind for the cell class. */
static void school_cell(struct req *r, struct buf *b, const struct calendar *c,
			const struct cal_school *school, long monday)
{
	struct buf inner;
	buf_init(&inner, 16384);
	const char *cls = "";
	unsigned regions = 1u << school->region;
	for (size_t i = 0; i < c->n_holidays; i++) {
		const struct cal_holiday *h = &c->holidays[i];
		if (!(regions & (1u << h->region)))
			continue;
		unsigned mask = week_days(monday, h->start, h->end);
		if (!mask)
			continue;
		char key[64];
		snprintf(key, sizeof key, "calendar.short.%s", calendar_kind_name(h->kind));
		item(&inner, h->kind == CAL_MEI_ADVIES ? "advice" : "holiday", "V");
		html_esc(&inner, tr(r, key));
		day_list(r, &inner, mask);
		buf_puts(&inner, "</li>");
		if (h->kind != CAL_MEI_ADVIES)
			cls = "holiday";
		else if (!*cls)
			cls = "advice";
	}
	for (size_t i = 0; i < c->n_nationals; i++) {
		const struct cal_national *n = &c->nationals[i];
		if (!n->day_off || n->day < monday || n->day > monday + 4)
			continue;
		item(&inner, "national", "F");
		html_esc(&inner, calendar_national_display(n->name));
		buf_printf(&inner, " (%s)</li>", calendar_weekday(r, date_weekday(n->day), false));
		if (strcmp(cls, "holiday") != 0 && strcmp(cls, "busy") != 0)
			cls = "national";
	}
	for (size_t i = 0; i < c->n_busy; i++) {
		const struct cal_busy *bp = &c->busy[i];
		if (bp->school_id != school->id)
			continue;
		unsigned mask = week_days(monday, bp->start, bp->end);
		if (!mask)
			continue;
		item(&inner, "busy", "D");
		html_esc(&inner, bp->name);
		day_list(r, &inner, mask);
		buf_puts(&inner, "</li>");
		if (strcmp(cls, "holiday") != 0)
			cls = "busy";
	}
	buf_printf(b, "<td class=\"utrecht-table__cell samen-cal__cell%s%s\">", *cls ? " samen-cal__cell--" : "",
		   cls);
	if (inner.len)
		buf_printf(b, "<ul class=\"samen-cal__items\">%s</ul>", buf_str(&inner));
	buf_puts(b, "</td>");
	buf_release(&inner);
}

int page_year_view(struct req *r, struct resp *s)
{
	int64_t region_id = req_param_id(r, "region");
	struct samen_err err;
	samen_err_clear(&err);
	struct region_info region;
	int rc = people_region(r->db, region_id, &region, &err);
	if (rc)
		return rc;
	int year = school_year_param(r);
	long first = date_days(year, 8, 1), last = date_days(year + 1, 7, 31);
	struct cal_school *schools = NULL;
	size_t n = 0;
	struct region_meeting *meetings = NULL;
	size_t n_meetings = 0;
	struct calendar c;
	calendar_init(&c);
	int64_t *ids = NULL;
	rc = store_calendar_region_schools(r->db, region_id, &schools, &n, &err);
	if (rc == 0)
		rc = store_calendar_load_holidays(r->db, &c, &err);
	if (rc == 0 && n) {
		ids = malloc(n * sizeof *ids);
		if (!ids)
			rc = SAMEN_ENOMEM;
		for (size_t i = 0; rc == 0 && i < n; i++)
			ids[i] = schools[i].id;
		if (rc == 0)
			rc = store_calendar_load_busy(r->db, &c, ids, n, first, last, &err);
	}
	if (rc == 0)
		rc = store_series_region_meetings(r->db, region_id, first, last, &meetings, &n_meetings,
						  &err);
	if (rc)
		goto out;
	char sy[10], action[64], title[256];
	calendar_school_year_text(year, sy);
	snprintf(action, sizeof action, "/regio/%lld/jaarplanning", (long long)region_id);
	snprintf(title, sizeof title, "%s %s", tr(r, "calendar.year_view"), sy);
	html_begin(r, s, title);
	struct buf *b = &s->body;
	calendar_css(b);
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s %s <span class=\"samen-subtitle\">",
		   tr(r, "calendar.year_view"), sy);
	html_esc(b, region.name);
	buf_printf(b, "</span></h1><p class=\"utrecht-paragraph\">%s</p>", tr(r, "calendar.year_intro"));
	year_picker(r, b, &c, action, year);
	if (!calendar_has_school_year(&c, CAL_NOORD, year) &&
	    !calendar_has_school_year(&c, CAL_MIDDEN, year) && !calendar_has_school_year(&c, CAL_ZUID, year))
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--warning\" role=\"status\">"
			      "<p class=\"utrecht-paragraph\">%s</p></div>",
			   tr(r, "calendar.no_holidays"));
	legend(r, b);
	buf_printf(b, "<div class=\"samen-table-wrap samen-cal-wrap\"><table class=\"utrecht-table samen-cal\">"
		      "<caption class=\"utrecht-table__caption\">%s %s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>",
		   tr(r, "calendar.year_caption"), sy, tr(r, "calendar.week"));
	for (size_t i = 0; i < n; i++) {
		buf_printf(b, "<th class=\"utrecht-table__header-cell\" scope=\"col\">"
			      "<a class=\"utrecht-link\" href=\"/scholen/%lld/kalender?schooljaar=%s\">",
			   (long long)schools[i].id, sy);
		html_esc(b, schools[i].name);
		buf_printf(b, "</a> <span class=\"samen-muted\">(%s)</span></th>",
			   calendar_region_name(schools[i].region));
	}
	buf_printf(b, "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th></tr></thead>"
		      "<tbody class=\"utrecht-table__body\">",
		   tr(r, "calendar.meetings"));
	long monday = first - (date_weekday(first) - 1);
	for (; monday <= last; monday += 7) {
		int iy, iw;
		planner_iso_week(monday, &iy, &iw);
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell"
			      " samen-cal__week\" scope=\"row\">%s %d <span class=\"samen-muted\">",
			   tr(r, "calendar.wk"), iw);
		char iso[11];
		date_format(monday, iso);
		html_date(r, b, iso);
		buf_puts(b, "</span></th>");
		for (size_t i = 0; i < n; i++)
			school_cell(r, b, &c, &schools[i], monday);
		buf_puts(b, "<td class=\"utrecht-table__cell samen-cal__cell\">");
		bool any = false;
		for (size_t m = 0; m < n_meetings; m++) {
			if (meetings[m].day < monday || meetings[m].day > monday + 6)
				continue;
			if (!any)
				buf_puts(b, "<ul class=\"samen-cal__items\">");
			any = true;
			item(b, "meeting", "O");
			buf_printf(b, "<a class=\"utrecht-link\" href=\"/regio/%lld/reeksen/%lld\">",
				   (long long)region_id, (long long)meetings[m].series_id);
			html_esc(b, meetings[m].title);
			buf_puts(b, "</a> ");
			calendar_day_html(r, b, meetings[m].day);
			buf_puts(b, "</li>");
		}
		buf_puts(b, any ? "</ul></td></tr>" : "</td></tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	html_end(r, s);
out:
	free(ids);
	free(schools);
	free(meetings);
	calendar_release(&c);
	return rc;
}

/* ---- a school's calendar --------------------------------------------------------- */

struct school_ctx {
	struct school_summary school;
	int64_t board;
	bool may_edit;
	int region;
};

static int load_school(struct req *r, struct school_ctx *x, struct samen_err *err)
{
	int64_t id = req_param_id(r, "school");
	int rc = people_school(r->db, id, date_today(), &x->school, err);
	if (rc)
		return rc;
	x->board = x->school.board_id;
	x->may_edit = calendar_may_edit_school(&r->user, id, x->board);
	return calendar_region_parse(x->school.holiday_region, &x->region, 0, err) ? SAMEN_EDB : 0;
}

static void kind_select(struct req *r, struct buf *b, const char *current)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--select\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"soort\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"soort\""
		      " name=\"soort\">",
		   tr(r, "calendar.kind"));
	for (int k = 0; k < CAL_NBUSYKINDS; k++) {
		char key[64];
		snprintf(key, sizeof key, "calendar.kind.%s", busy_kind_name(k));
		buf_printf(b, "<option value=\"%s\"%s>%s</option>", busy_kind_name(k),
			   current && strcmp(current, busy_kind_name(k)) == 0 ? " selected" : "",
			   tr(r, key));
	}
	buf_puts(b, "</select></div></div>");
}

static void text_field(struct buf *b, const char *id, const char *label, const char *type,
		       const char *value, bool required)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--text\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"%s\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"%s\" name=\"%s\""
		      " type=\"%s\"%s value=\"",
		   id, label, id, id, type, required ? " required" : "");
	html_esc(b, value ? value : "");
	buf_puts(b, "\"></div></div>");
}

static void alert(struct buf *b, const char *kind, const char *text_html)
{
	buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--%s\" role=\"%s\">"
		      "<p class=\"utrecht-paragraph\">%s</p></div>",
		   kind, strcmp(kind, "error") == 0 ? "alert" : "status", text_html);
}

static void error_alert(struct req *r, struct buf *b, const struct samen_err *err)
{
	buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\">"
		      "<p class=\"utrecht-paragraph\">%s ", tr(r, "calendar.check_input"));
	if (err->line > 0)
		buf_printf(b, "%s %ld: ", tr(r, "calendar.line"), err->line);
	html_esc(b, err->msg);
	buf_puts(b, "</p></div>");
}

/* Render the school calendar page; notice_html (may be NULL) is shown on top. */
static int render_school(struct req *r, struct resp *s, const char *notice_kind,
			 const char *notice_html, const struct samen_err *problem, int status)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct school_ctx x;
	int rc = load_school(r, &x, &err);
	if (rc)
		return rc;
	int year = school_year_param(r);
	long first = date_days(year, 8, 1), last = date_days(year + 1, 7, 31);
	struct calendar c;
	calendar_init(&c);
	struct busy_row *busy = NULL;
	size_t n_busy = 0;
	rc = store_calendar_load_holidays(r->db, &c, &err);
	if (rc == 0)
		rc = store_busy_list(r->db, x.school.id, first, last, &busy, &n_busy, &err);
	if (rc) {
		calendar_release(&c);
		return rc;
	}
	char sy[10], action[96], title[256];
	calendar_school_year_text(year, sy);
	snprintf(action, sizeof action, "/scholen/%lld/kalender", (long long)x.school.id);
	snprintf(title, sizeof title, "%s %s", tr(r, "calendar.school_title"), x.school.name);
	html_begin(r, s, title);
	s->status = status;
	struct buf *b = &s->body;
	calendar_css(b);
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">",
		   tr(r, "calendar.school_title"));
	html_esc(b, x.school.name);
	buf_printf(b, "</span></h1><p class=\"utrecht-paragraph\">%s: <strong>%s</strong>. "
		      "<a class=\"utrecht-link\" href=\"%s/ics?schooljaar=%s\">%s</a></p>",
		   tr(r, "col.holiday_region"), calendar_region_name(x.region), action, sy,
		   tr(r, "calendar.download_ics"));
	if (notice_html)
		alert(b, notice_kind, notice_html);
	if (problem)
		error_alert(r, b, problem);
	year_picker(r, b, &c, action, year);

	/* Holidays and national days off of this school year. */
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s %s</h2><div class=\"samen-table-wrap\">"
		      "<table class=\"utrecht-table\"><caption class=\"utrecht-table__caption\">%s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th></tr></thead>"
		      "<tbody class=\"utrecht-table__body\">",
		   tr(r, "calendar.holidays"), sy, tr(r, "calendar.holidays_caption"),
		   tr(r, "calendar.what"), tr(r, "calendar.first_day"), tr(r, "calendar.last_day"));
	for (size_t i = 0; i < c.n_holidays; i++) {
		const struct cal_holiday *h = &c.holidays[i];
		if (h->region != x.region || h->school_year != year)
			continue;
		char key[64];
		snprintf(key, sizeof key, "calendar.holiday.%s", calendar_kind_name(h->kind));
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
			      " scope=\"row\">%s</th><td class=\"utrecht-table__cell\">",
			   tr(r, key));
		calendar_day_html(r, b, h->start);
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		calendar_day_html(r, b, h->end);
		buf_puts(b, "</td></tr>");
	}
	for (size_t i = 0; i < c.n_nationals; i++) {
		const struct cal_national *n = &c.nationals[i];
		if (n->day < first || n->day > last || date_weekday(n->day) > 5)
			continue;
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
			    " scope=\"row\">");
		html_esc(b, calendar_national_display(n->name));
		if (!n->day_off)
			buf_printf(b, " <span class=\"samen-muted\">(%s)</span>", tr(r, "calendar.not_off"));
		buf_puts(b, "</th><td class=\"utrecht-table__cell\" colspan=\"2\">");
		calendar_day_html(r, b, n->day);
		buf_puts(b, "</td></tr>");
	}
	buf_puts(b, "</tbody></table></div>");

	/* Busy periods. */
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"druk\">%s</h2>", tr(r, "calendar.busy"));
	if (n_busy == 0) {
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "calendar.no_busy"));
	} else {
		buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
			      "<caption class=\"utrecht-table__caption\">%s %s</caption>"
			      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>",
			   tr(r, "calendar.busy_caption"), sy, tr(r, "calendar.name"), tr(r, "calendar.kind"),
			   tr(r, "calendar.first_day"), tr(r, "calendar.last_day"), tr(r, "calendar.source"));
		if (x.may_edit)
			buf_printf(b, "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>",
				   tr(r, "calendar.actions"));
		buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
		for (size_t i = 0; i < n_busy; i++) {
			const struct cal_busy *bp = &busy[i].b;
			char key[64], src[64];
			snprintf(key, sizeof key, "calendar.kind.%s", busy_kind_name(bp->kind));
			snprintf(src, sizeof src, "calendar.source.%s", busy[i].source);
			buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
				    " scope=\"row\">");
			html_esc(b, bp->name);
			buf_printf(b, "</th><td class=\"utrecht-table__cell\">%s</td>"
				      "<td class=\"utrecht-table__cell\">",
				   tr(r, key));
			calendar_day_html(r, b, bp->start);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			calendar_day_html(r, b, bp->end);
			buf_printf(b, "</td><td class=\"utrecht-table__cell\">%s</td>", tr(r, src));
			if (x.may_edit) {
				buf_printf(b, "<td class=\"utrecht-table__cell\"><form method=\"post\""
					      " action=\"%s/%lld/verwijderen?schooljaar=%s\">",
					   action, (long long)bp->id, sy);
				html_csrf_field(r, b);
				buf_printf(b, "<button class=\"utrecht-button utrecht-button--secondary-action\""
					      " type=\"submit\">%s<span class=\"samen-visually-hidden\">: ",
					   tr(r, "calendar.delete"));
				html_esc(b, bp->name);
				buf_puts(b, "</span></button></form></td>");
			}
			buf_puts(b, "</tr>");
		}
		buf_puts(b, "</tbody></table></div>");
	}
	if (x.may_edit) {
		/* Add by hand. */
		buf_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3><form class=\"samen-form\""
			      " method=\"post\" action=\"%s?schooljaar=%s\">",
			   tr(r, "calendar.add_busy"), action, sy);
		html_csrf_field(r, b);
		kind_select(r, b, NULL);
		text_field(b, "naam", tr(r, "calendar.name"), "text", "", true);
		text_field(b, "van", tr(r, "calendar.first_day"), "date", "", true);
		text_field(b, "tot", tr(r, "calendar.last_day"), "date", "", true);
		buf_printf(b, "<p class=\"samen-form__actions\"><button class=\"utrecht-button"
			      " utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "calendar.add"));
		/* The optional extra meivakantie week as the school's own. */
		for (size_t i = 0; i < c.n_holidays; i++) {
			const struct cal_holiday *h = &c.holidays[i];
			if (h->region != x.region || h->school_year != year || h->kind != CAL_MEI_ADVIES)
				continue;
			char a[11], e[11];
			date_format(h->start, a);
			date_format(h->end, e);
			buf_printf(b, "<form class=\"samen-cal-inline\" method=\"post\" action=\"%s?schooljaar=%s\">",
				   action, sy);
			html_csrf_field(r, b);
			buf_printf(b, "<input type=\"hidden\" name=\"soort\" value=\"meivakantie\">"
				      "<input type=\"hidden\" name=\"naam\" value=\"%s\">"
				      "<input type=\"hidden\" name=\"van\" value=\"%s\">"
				      "<input type=\"hidden\" name=\"tot\" value=\"%s\">"
				      "<p class=\"utrecht-paragraph\">%s <button class=\"utrecht-button"
				      " utrecht-button--secondary-action\" type=\"submit\">%s</button></p></form>",
				   tr(r, "calendar.adviesweek_name"), a, e, tr(r, "calendar.adviesweek_hint"),
				   tr(r, "calendar.adviesweek_take"));
		}
		/* Import iCalendar. */
		buf_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3><form class=\"samen-form\""
			      " method=\"post\" enctype=\"multipart/form-data\" action=\"%s/import?schooljaar=%s\">",
			   tr(r, "calendar.import_ics"), action, sy);
		html_csrf_field(r, b);
		buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--textarea\">"
			      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
			      " for=\"ics\">%s</label></div><div class=\"utrecht-form-field__description\""
			      " id=\"ics-hint\">%s</div><div class=\"utrecht-form-field__input\">"
			      "<textarea class=\"utrecht-textarea utrecht-textarea--html-textarea\" id=\"ics\""
			      " name=\"ics\" rows=\"8\" aria-describedby=\"ics-hint\"></textarea>"
			      "</div></div><div class=\"utrecht-form-field utrecht-form-field--file\">"
			      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
			      " for=\"ics_bestand\">%s</label></div><div class=\"utrecht-form-field__input\">"
			      "<input class=\"utrecht-textbox\" type=\"file\" id=\"ics_bestand\" name=\"ics_bestand\""
			      " accept=\".ics,text/calendar\"></div></div>"
			      "<p class=\"samen-form__actions\"><button class=\"utrecht-button"
			      " utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "calendar.ics_text"), tr(r, "calendar.ics_hint"), tr(r, "form.or_file"),
			   tr(r, "calendar.import"));
	}
	html_end(r, s);
	free(busy);
	calendar_release(&c);
	return 0;
}

int page_school_calendar(struct req *r, struct resp *s)
{
	return render_school(r, s, NULL, NULL, NULL, 200);
}

static int require_edit(struct req *r, struct school_ctx *x, struct samen_err *err)
{
	int rc = load_school(r, x, err);
	if (rc)
		return rc;
	return x->may_edit ? 0 : SAMEN_EPERM;
}

int page_school_busy_add(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct school_ctx x;
	int rc = require_edit(r, &x, &err);
	if (rc)
		return rc;
	char kind[32], name[128], from[16], to[16];
	if (!form_get(r, "soort", kind, sizeof kind))
		kind[0] = '\0';
	if (!form_get(r, "naam", name, sizeof name))
		name[0] = '\0';
	if (!form_get(r, "van", from, sizeof from))
		from[0] = '\0';
	if (!form_get(r, "tot", to, sizeof to))
		to[0] = '\0';
	struct cal_busy b = {0};
	b.school_id = x.school.id;
	snprintf(b.name, sizeof b.name, "%.94s", name);
	if (strlen(name) > 94)
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "naam", "the name may have at most 94 bytes");
	if (rc == 0)
		rc = busy_kind_parse(kind, &b.kind, 0, &err);
	if (rc == 0 && date_parse(from, &b.start))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "van", "give the first day (YYYY-MM-DD)");
	if (rc == 0 && date_parse(to, &b.end))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "tot", "give the last day (YYYY-MM-DD)");
	if (rc == 0)
		rc = store_busy_add(r->db, &b, "hand", NULL, r->user.email, r->user.id, NULL, &err);
	if (rc == SAMEN_EINVAL)
		return render_school(r, s, NULL, NULL, &err, 400);
	if (rc)
		return rc;
	struct buf note;
	buf_init(&note, 1024);
	buf_printf(&note, "%s: ", tr(r, "calendar.added"));
	html_esc(&note, b.name);
	rc = render_school(r, s, "ok", buf_str(&note), NULL, 200);
	buf_release(&note);
	return rc;
}

int page_school_busy_delete(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct school_ctx x;
	int rc = require_edit(r, &x, &err);
	if (rc)
		return rc;
	int64_t id = req_param_id(r, "busy");
	rc = store_busy_delete(r->db, x.school.id, id, r->user.email, r->user.id, &err);
	if (rc)
		return rc;
	return render_school(r, s, "ok", tr(r, "calendar.deleted"), NULL, 200);
}

int page_school_busy_import(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct school_ctx x;
	int rc = require_edit(r, &x, &err);
	if (rc)
		return rc;
	char *text = malloc(UPLOAD_TEXT_MAX);
	if (!text)
		return SAMEN_ENOMEM;
	/* An uploaded .ics file, else the pasted text. */
	if ((!form_get(r, "ics_bestand", text, UPLOAD_TEXT_MAX) || !text[0]) &&
	    (!form_get(r, "ics", text, UPLOAD_TEXT_MAX) || !text[0])) {
		free(text);
		samen_fail_at(&err, SAMEN_EINVAL, 0, "ics", "choose an .ics file or paste its text");
		return render_school(r, s, NULL, NULL, &err, 400);
	}
	int year = school_year_param(r);
	struct ics_items items;
	rc = ics_read(text, strlen(text), date_days(year - 1, 8, 1), date_days(year + 2, 7, 31), &items,
		      &err);
	free(text);
	struct busy_import_stats st = {0};
	if (rc == 0) {
		rc = store_busy_import_ics(r->db, x.school.id, &items, r->user.email, r->user.id, &st,
					   &err);
		ics_items_release(&items);
	}
	if (rc == SAMEN_EINVAL || rc == SAMEN_ETOOBIG)
		return render_school(r, s, NULL, NULL, &err, 400);
	if (rc)
		return rc;
	char a[24], u[24], n[24], note[400];
	snprintf(a, sizeof a, "%zu", st.added);
	snprintf(u, sizeof u, "%zu", st.updated);
	snprintf(n, sizeof n, "%zu", st.unchanged);
	calendar_subst(note, sizeof note, tr(r, "calendar.imported"), a, u, n, NULL);
	struct buf esc;
	buf_init(&esc, 1024);
	html_esc(&esc, note);
	rc = render_school(r, s, "ok", buf_str(&esc), NULL, 200);
	buf_release(&esc);
	return rc;
}

int page_school_calendar_ics(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct school_ctx x;
	int rc = load_school(r, &x, &err);
	if (rc)
		return rc;
	int year = school_year_param(r);
	long first = date_days(year, 8, 1), last = date_days(year + 1, 7, 31);
	struct calendar c;
	calendar_init(&c);
	struct busy_row *busy = NULL;
	size_t n_busy = 0;
	rc = store_calendar_load_holidays(r->db, &c, &err);
	if (rc == 0)
		rc = store_busy_list(r->db, x.school.id, first, last, &busy, &n_busy, &err);
	size_t cap = c.n_holidays + c.n_nationals + n_busy + 1;
	struct ics_event *ev = calloc(cap, sizeof *ev);
	char (*uids)[96] = calloc(cap, sizeof *uids);
	char (*names)[160] = calloc(cap, sizeof *names);
	if (rc == 0 && (!ev || !uids || !names))
		rc = SAMEN_ENOMEM;
	size_t n = 0;
	for (size_t i = 0; rc == 0 && i < c.n_holidays; i++) {
		const struct cal_holiday *h = &c.holidays[i];
		if (h->region != x.region || h->end < first || h->start > last)
			continue;
		char sy[10];
		calendar_school_year_text(h->school_year, sy);
		snprintf(uids[n], sizeof uids[n], "samen-holiday-%s-%s-%s@samen", sy,
			 calendar_region_name(h->region), calendar_kind_name(h->kind));
		snprintf(names[n], sizeof names[n], "%s (%s)",
			 h->kind == CAL_MEI_ADVIES ? "meivakantie adviesweek (optioneel)"
						   : calendar_kind_name(h->kind),
			 calendar_region_name(h->region));
		ev[n] = (struct ics_event){.uid = uids[n], .summary = names[n], .all_day = true,
					   .day = h->start, .last_day = h->end, .transparent = true,
					   .categories = "schoolvakantie"};
		n++;
	}
	for (size_t i = 0; rc == 0 && i < c.n_nationals; i++) {
		const struct cal_national *nat = &c.nationals[i];
		if (!nat->day_off || nat->day < first || nat->day > last)
			continue;
		char iso[11];
		date_format(nat->day, iso);
		snprintf(uids[n], sizeof uids[n], "samen-national-%s@samen", iso);
		snprintf(names[n], sizeof names[n], "%s", calendar_national_display(nat->name));
		ev[n] = (struct ics_event){.uid = uids[n], .summary = names[n], .all_day = true,
					   .day = nat->day, .last_day = nat->day, .transparent = true,
					   .categories = "feestdag"};
		n++;
	}
	for (size_t i = 0; rc == 0 && i < n_busy; i++) {
		const struct cal_busy *bp = &busy[i].b;
		snprintf(uids[n], sizeof uids[n], "samen-busy-%lld@samen", (long long)bp->id);
		ev[n] = (struct ics_event){.uid = uids[n], .summary = bp->name, .all_day = true,
					   .day = bp->start, .last_day = bp->end, .transparent = true,
					   .categories = busy_kind_name(bp->kind)};
		n++;
	}
	if (rc == 0) {
		char name[256], sy[10];
		calendar_school_year_text(year, sy);
		snprintf(name, sizeof name, "%s %s", x.school.name, sy);
		struct ics_calendar cal = {name, (int64_t)time(NULL), 0};
		rc = ics_write(&cal, ev, n, &s->body, &err);
		if (rc == 0) {
			s->status = 200;
			s->content_type = "text/calendar; charset=utf-8";
			snprintf(s->download_name, sizeof s->download_name, "kalender-%lld-%s.ics",
				 (long long)x.school.id, sy);
		}
	}
	free(ev);
	free(uids);
	free(names);
	free(busy);
	calendar_release(&c);
	return rc;
}

/* ---- holidays ------------------------------------------------------------------- */

static int render_holidays(struct req *r, struct resp *s, const char *notice_html,
			   const struct holidays_batch *problems, const struct samen_err *err_in,
			   int status)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct calendar c;
	calendar_init(&c);
	int rc = store_calendar_load_holidays(r->db, &c, &err);
	if (rc) {
		calendar_release(&c);
		return rc;
	}
	int year = school_year_param(r);
	char sy[10];
	calendar_school_year_text(year, sy);
	html_begin(r, s, tr(r, "calendar.holidays_title"));
	s->status = status;
	struct buf *b = &s->body;
	calendar_css(b);
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "calendar.holidays_title"), tr(r, "calendar.holidays_intro"));
	if (notice_html)
		alert(b, "ok", notice_html);
	if (err_in)
		error_alert(r, b, err_in);
	if (problems && problems->n_problems) {
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--error samen-cal-alert\" role=\"alert\">"
			      "<p class=\"utrecht-paragraph\">%s</p><ul class=\"utrecht-unordered-list\">",
			   tr(r, "calendar.import_refused"));
		size_t shown = problems->n_problems < HOLIDAYS_MAX_PROBLEMS ? problems->n_problems
									    : HOLIDAYS_MAX_PROBLEMS;
		for (size_t i = 0; i < shown; i++) {
			buf_printf(b, "<li class=\"utrecht-unordered-list__item\">%s %ld: ",
				   tr(r, "calendar.line"), problems->problems[i].line);
			html_esc(b, problems->problems[i].msg);
			buf_puts(b, "</li>");
		}
		buf_puts(b, "</ul></div>");
	}
	year_picker(r, b, &c, "/vakanties", year);
	buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
		      "<caption class=\"utrecht-table__caption\">%s %s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>",
		   tr(r, "calendar.holidays"), sy, tr(r, "calendar.what"));
	for (int reg = 0; reg < CAL_NREGIONS; reg++)
		buf_printf(b, "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>",
			   calendar_region_name(reg));
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (int k = 0; k < CAL_NKINDS; k++) {
		char key[64];
		snprintf(key, sizeof key, "calendar.holiday.%s", calendar_kind_name(k));
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
			      " scope=\"row\">%s</th>",
			   tr(r, key));
		for (int reg = 0; reg < CAL_NREGIONS; reg++) {
			buf_puts(b, "<td class=\"utrecht-table__cell\">");
			for (size_t i = 0; i < c.n_holidays; i++) {
				const struct cal_holiday *h = &c.holidays[i];
				if (h->school_year != year || h->region != reg || (int)h->kind != k)
					continue;
				calendar_day_html(r, b, h->start);
				buf_puts(b, " – ");
				calendar_day_html(r, b, h->end);
			}
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	/* National days of the school year. */
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><ul class=\"utrecht-unordered-list\">",
		   tr(r, "calendar.nationals"));
	long first = date_days(year, 8, 1), last = date_days(year + 1, 7, 31);
	for (size_t i = 0; i < c.n_nationals; i++) {
		const struct cal_national *n = &c.nationals[i];
		if (n->day < first || n->day > last)
			continue;
		buf_puts(b, "<li class=\"utrecht-unordered-list__item\">");
		html_esc(b, calendar_national_display(n->name));
		buf_puts(b, ": ");
		calendar_day_html(r, b, n->day);
		if (!n->day_off)
			buf_printf(b, " <span class=\"samen-muted\">(%s)</span>", tr(r, "calendar.not_off"));
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul>");
	if (r->user.role == ROLE_ADMIN) {
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>"
			      "<form class=\"samen-form\" method=\"post\" enctype=\"multipart/form-data\""
			      " action=\"/vakanties/import\">",
			   tr(r, "calendar.import_year"), tr(r, "calendar.import_year_hint"));
		html_csrf_field(r, b);
		buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--select\">"
			      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
			      " for=\"formaat\">%s</label></div><div class=\"utrecht-form-field__input\">"
			      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"formaat\""
			      " name=\"formaat\"><option value=\"auto\">%s</option>"
			      "<option value=\"list\">%s</option><option value=\"rijksoverheid\">%s</option>"
			      "<option value=\"openholidays\">OpenHolidays (CSV)</option></select></div></div>",
			   tr(r, "calendar.format"), tr(r, "calendar.format_auto"),
			   tr(r, "calendar.format_list"), tr(r, "calendar.format_gov"));
		buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--textarea\">"
			      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
			      " for=\"lijst\">%s</label></div><div class=\"utrecht-form-field__input\">"
			      "<textarea class=\"utrecht-textarea utrecht-textarea--html-textarea\" id=\"lijst\""
			      " name=\"lijst\" rows=\"8\"></textarea></div></div>"
			      "<div class=\"utrecht-form-field utrecht-form-field--file\">"
			      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
			      " for=\"lijst_bestand\">%s</label></div><div class=\"utrecht-form-field__input\">"
			      "<input class=\"utrecht-textbox\" type=\"file\" id=\"lijst_bestand\""
			      " name=\"lijst_bestand\" accept=\".csv,.json,.txt\"></div></div>"
			      "<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><p class=\"utrecht-form-field__label\">"
			      "<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"vervang\">"
			      "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\""
			      " id=\"vervang\" name=\"vervang\" value=\"1\"> %s</label></p></div>"
			      "<p class=\"samen-form__actions\"><button class=\"utrecht-button"
			      " utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "calendar.list_text"), tr(r, "form.or_file"), tr(r, "calendar.replace"),
			   tr(r, "calendar.import"));
	}
	html_end(r, s);
	calendar_release(&c);
	return 0;
}

int page_holidays(struct req *r, struct resp *s)
{
	return render_holidays(r, s, NULL, NULL, NULL, 200);
}

int page_holidays_import(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	char fmt[32], replace[8];
	if (!form_get(r, "formaat", fmt, sizeof fmt))
		snprintf(fmt, sizeof fmt, "auto");
	bool repl = form_get(r, "vervang", replace, sizeof replace) && replace[0] == '1';
	enum holidays_format format;
	if (holidays_format_parse(fmt, &format, &err))
		return render_holidays(r, s, NULL, NULL, &err, 400);
	char *text = malloc(HOLIDAYS_MAX_BYTES + 1);
	if (!text)
		return SAMEN_ENOMEM;
	/* An uploaded file, else the pasted text. */
	if ((!form_get(r, "lijst_bestand", text, HOLIDAYS_MAX_BYTES + 1) || !text[0]) &&
	    (!form_get(r, "lijst", text, HOLIDAYS_MAX_BYTES + 1) || !text[0])) {
		free(text);
		samen_fail_at(&err, SAMEN_EINVAL, 0, "lijst", "choose a holiday list file or paste its text");
		return render_holidays(r, s, NULL, NULL, &err, 400);
	}
	struct holidays_batch b;
	int rc = holidays_parse(text, strlen(text), format, &b, &err);
	free(text);
	struct holidays_import_stats st = {0};
	if (rc == SAMEN_EINVAL) {
		rc = render_holidays(r, s, NULL, &b, NULL, 400);
		holidays_batch_release(&b);
		return rc;
	}
	if (rc == 0)
		rc = store_calendar_import_holidays(r->db, &b, repl, r->user.email, r->user.id, &st, &err);
	holidays_batch_release(&b);
	if (rc == SAMEN_EINVAL)
		return render_holidays(r, s, NULL, NULL, &err, 400);
	if (rc)
		return rc;
	char a[24], p[24], u[24], note[400];
	snprintf(a, sizeof a, "%zu", st.added);
	snprintf(p, sizeof p, "%zu", st.replaced);
	snprintf(u, sizeof u, "%zu", st.unchanged);
	calendar_subst(note, sizeof note, tr(r, "calendar.holidays_imported"), a, p, u, NULL);
	struct buf esc;
	buf_init(&esc, 1024);
	html_esc(&esc, note);
	rc = render_holidays(r, s, buf_str(&esc), NULL, NULL, 200);
	buf_release(&esc);
	return rc;
}
