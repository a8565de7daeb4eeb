/*
 * calendar_web.h - what the calendar and planner screens and API share:
 * who may edit a school's calendar, reading planner input from a form or a
 * JSON body, writing reasons and weekdays in the request's language, the
 * feed URL, and the lead-time warning block of the region overview.
 *
 * Pages: web/page_calendar.c (year view, school calendar, holidays),
 * web/page_planner.c (planner, series, steps, agenda and feeds); JSON:
 * web/api_calendar.c. Texts: web/i18n_calendar.c. docs/calendar.md.
 */
#ifndef SAMEN_CALENDAR_WEB_H
#define SAMEN_CALENDAR_WEB_H

#include <stdbool.h>
#include <stdint.h>

#include "core/planner.h"
#include "store/store_series.h"
#include "web/http.h"

/* Roles that plan series and manage next steps (also in routes.def). */
#define CALENDAR_PLANNERS (ROLE_ADMIN | ROLE_COORDINATOR | ROLE_EXECUTIVE)

/*
 * May the user change this school's busy periods? Admin: yes; executive
 * and HR adviser: schools of their own board; school leader: their own
 * school. The router has already checked the school is in the user's region.
 */
bool calendar_may_edit_school(const struct user *u, int64_t school_id, int64_t school_board);

/* The board of a school; SAMEN_ENOTFOUND when there is none. */
int calendar_school_board(struct db *db, int64_t school_id, int64_t *board,
			  struct samen_err *err);

/*
 * Planner input as the planner form and the API send it, all fields text:
 * title, location, schools (comma list of ids), from, to, count, weekdays
 * ("di,do"), start and end ("15:30"), min_gap, max_gap, adviesweek ("1"),
 * attendees (one "Name <e-mail>" per line).
 */
struct planner_input {
	char title[128], location[128];
	char schools[2048];
	char from[16], to[16], count[8], weekdays[64], start[8], end[8];
	char min_gap[8], max_gap[8], adviesweek[4];
	char attendees[16384];
};

/* Read the planner form fields (schools from checkboxes s<ID>, weekdays from d-ma ... d-vr). */
void calendar_input_from_form(const struct req *r, const struct cal_school *region_schools,
			      size_t n_region_schools, struct planner_input *in);

/* Read the planner fields of a JSON body (schools as an array of ids, weekdays as text). */
void calendar_input_from_json(json_t *body, struct planner_input *in);

/* Default input: the next school year (or the rest of this one), 6 meetings, di,do 15:30-17:00. */
void calendar_input_defaults(struct planner_input *in);

/*
 * Everything a planning run needs, built from the input for one region:
 * the schools (all of the region's), the calendar, the request, the
 * attendees and the result. Release with calendar_plan_release.
 */
struct calendar_plan {
	struct cal_school *schools;     /* the chosen schools */
	size_t n_schools;
	struct calendar cal;
	struct plan_request req;
	struct series_attendee *attendees;
	size_t n_attendees;
	struct plan_result res;
	bool planned;                   /* res is filled */
};

/*
 * Check the input and run the planner. Bad input is SAMEN_EINVAL naming
 * the field; a series that does not fit is 0 with plan->res.feasible false.
 */
int calendar_plan_run(struct db *db, int64_t region_id, const struct planner_input *in,
		      struct calendar_plan *plan, struct samen_err *err);
void calendar_plan_release(struct calendar_plan *plan);

/* Fill a series for storing from a successful plan (borrows plan's arrays). */
void calendar_plan_series(const struct calendar_plan *plan, const struct planner_input *in,
			  int64_t region_id, struct series *s, int64_t *school_ids);

/* Weekday name in the request's language: short ("di"/"Tue") or long ("dinsdag"/"Tuesday"). */
const char *calendar_weekday(const struct req *r, int iso_weekday, bool long_name);

/* "di 13-01-2026" / "Tue 2026-01-13" for a day number, escaped into b. */
void calendar_day_html(const struct req *r, struct buf *b, long day);

/*
 * A reason as text in the request's language (holiday and national day
 * names stay Dutch; busy-period kinds are translated), escaped into b.
 */
void calendar_reason_html(const struct req *r, struct buf *b, const struct calendar *c,
			  const struct cal_scope *s, const struct cal_reason *reason);

/* The binding constraint and one fix, in the request's language, escaped into b. */
void calendar_explain_html(const struct req *r, struct buf *b, const struct plan_request *req,
			   const struct plan_result *res);
void calendar_fix_html(const struct req *r, struct buf *b, const struct plan_request *req,
		       const struct plan_fix *fix);

/*
 * Fill a translated template: "{1}" .. "{4}" are replaced by a1 .. a4
 * (NULL: nothing); the result is cut to fit n bytes. (Templates come from
 * the i18n tables, so they are not printf formats.)
 */
void calendar_subst(char *out, size_t n, const char *tmpl, const char *a1, const char *a2,
		    const char *a3, const char *a4);

/* The absolute URL of a feed token: scheme and host from the request. */
void calendar_feed_url(const struct req *r, const char *token, char *out, size_t n);

/* The stylesheet of the calendar screens (a <link> in the page body). */
void calendar_css(struct buf *b);

/*
 * The lead-time block of the region overview (lesson 5): for the
 * coordinator and the admin, a warning listing the collaboration's steps
 * that have no next meeting planned, and links to the year view, the
 * planner and the steps. Writes nothing on a database error.
 */
void calendar_region_block(struct req *r, struct buf *b, int64_t region_id);

#endif
