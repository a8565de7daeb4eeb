/*
 * planner.h - the year planner: a whole series of meetings at once, around
 * every involved school's holidays and busy periods (lesson 5 of the source
 * document: "kijk verder vooruit").
 *
 * The method (docs/calendar.md, "How the planner chooses"):
 *   1. Candidate weeks are the ISO weeks (Monday to Sunday) of the period.
 *      A week is free when at least one allowed weekday in it is free for
 *      every involved school (calendar_day_reasons: no holiday of an
 *      involved region, no national day off, no busy period); the meeting
 *      then goes on the first free allowed weekday in the order the
 *      weekdays were given. Every other week is rejected with its reasons.
 *   2. Hard rules: one meeting per week at most; consecutive meetings at
 *      least min_gap_weeks and (if set) at most max_gap_weeks apart.
 *   3. Objective, minimised exactly by dynamic programming over (meeting k,
 *      week w): the squared distance of each meeting from its ideal week -
 *      the N meetings placed at the centres of N equal parts of the span
 *      from the first to the last free week - plus a pressure cost per
 *      week: PLAN_BUSY_WEIGHT weeks² when every involved school has a busy
 *      period in the week (proportionally less for fewer schools) and
 *      PLAN_NEAR_WEIGHT_HALF / 2 weeks² for a week right before or after a
 *      holiday of an involved region or inside the optional meivakantie
 *      adviesweek. Costs are exact integers; ties go to the earlier week.
 *   4. When the series cannot fit, the answer names the binding constraint
 *      (too few free weeks, the minimum gap, or the maximum gap across a
 *      long stretch without free weeks) and the changes that would make it
 *      fit, each checked: fewer meetings, a smaller minimum gap, a larger
 *      maximum gap, another weekday.
 * The planner is deterministic: the same calendar and request give the same
 * plan. Pure C: no SQL, no printing.
 */
#ifndef SAMEN_PLANNER_H
#define SAMEN_PLANNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "util/err.h"

#define PLAN_MAX_MEETINGS 100
#define PLAN_MAX_DAYS (3 * 366)   /* longest period */
#define PLAN_MAX_FIXES 8
#define PLAN_BUSY_WEIGHT 3        /* weeks² for a week in which every school is busy */
#define PLAN_NEAR_WEIGHT_HALF 3   /* half-weeks² for a week next to a holiday */

struct plan_request {
	struct cal_scope scope;   /* schools and/or regions; borrowed */
	long from, to;            /* day numbers, inclusive */
	int count;                /* meetings in the series, 1..PLAN_MAX_MEETINGS */
	int weekdays[5];          /* ISO weekdays 1 (Monday) .. 5 (Friday), in order of preference */
	int n_weekdays;
	int start_min, end_min;   /* local time (Europe/Amsterdam), minutes after midnight */
	int min_gap_weeks;        /* at least 1 */
	int max_gap_weeks;        /* 0 = no maximum */
};

/* One distinct reason why a rejected week has no free allowed day. */
struct plan_week_reason {
	struct cal_reason r;
	unsigned weekdays;        /* allowed weekdays it blocks: bit (1 << iso_weekday) */
};

struct plan_week {
	long monday;              /* day number of the Monday */
	int iso_year, iso_week;
	bool free;
	long day;                 /* the meeting day of this week when free, else 0 */
	int busy_schools;         /* involved schools with a busy period Monday-Friday */
	bool near_holiday;        /* the week before or after a holiday week of an involved region */
	bool adviesweek;          /* inside the optional meivakantie week (when it does not block) */
	size_t first_reason, n_reasons; /* into plan_result.reasons, when not free */
};

struct plan_meeting {
	long day;
	size_t week;              /* index into plan_result.weeks */
	int gap_weeks;            /* weeks since the previous meeting; 0 for the first */
};

enum plan_binding {
	PLAN_FITS = 0,
	PLAN_FREE_WEEKS = 1,      /* fewer free weeks than meetings */
	PLAN_MIN_GAP = 2,         /* enough free weeks, but the minimum gap leaves too few usable */
	PLAN_MAX_GAP = 3,         /* a stretch without free weeks longer than the maximum gap */
};

enum plan_fix_kind {
	PLAN_FIX_COUNT = 1,       /* value: the most meetings that fit */
	PLAN_FIX_MIN_GAP = 2,     /* value: the largest minimum gap that fits */
	PLAN_FIX_MAX_GAP = 3,     /* value: the smallest maximum gap that fits */
	PLAN_FIX_WEEKDAY = 4,     /* value: an ISO weekday to allow too */
};

struct plan_fix {
	enum plan_fix_kind kind;
	long value;
	int free_weeks;           /* PLAN_FIX_WEEKDAY: free weeks with that day allowed */
};

struct plan_result {
	bool feasible;
	enum plan_binding binding;
	struct plan_meeting *meetings;  /* count entries when feasible */
	size_t n_meetings;
	struct plan_week *weeks;        /* every week of the period */
	size_t n_weeks;
	struct plan_week_reason *reasons;
	size_t n_reasons;
	int free_weeks;
	int max_count;                  /* most meetings that fit with the requested gaps */
	double ideal_gap_weeks;         /* span of the free weeks / count */
	long stretch_from, stretch_to;  /* PLAN_MAX_GAP: first and last Monday without a free week */
	struct plan_fix fixes[PLAN_MAX_FIXES];
	size_t n_fixes;
	double cost;                    /* objective in weeks² (lower is better) */
};

/*
 * Parse weekdays "ma,di,wo,do,vr" (Dutch; also "mo,tu,we,th,fr" and full
 * names) into req->weekdays in the given order. SAMEN_EINVAL (field
 * "weekdays") for an unknown day, a weekend day, a repeat or an empty list.
 */
int planner_weekdays_parse(const char *s, struct plan_request *req, struct samen_err *err);

/* Parse "15:30-17:00" into req->start_min and req->end_min. SAMEN_EINVAL (field "time"). */
int planner_time_parse(const char *s, struct plan_request *req, struct samen_err *err);

/* Two-letter Dutch name of an ISO weekday ("ma" .. "zo"). */
const char *planner_weekday_nl(int iso_weekday);

/* ISO 8601 week of a day: year and week number. */
void planner_iso_week(long day, int *iso_year, int *iso_week);

/*
 * Check a request: 1 <= count <= PLAN_MAX_MEETINGS, from <= to, at most
 * PLAN_MAX_DAYS days, weekdays given, start before end, 1 <= min gap, max
 * gap 0 or >= min gap, at least one school or region; and that the
 * calendar holds the school holidays of every involved region for every
 * school year the period touches (a period starting in early September
 * also needs the previous school year, whose zomervakantie may still run).
 * Returns 0 or SAMEN_EINVAL naming the field.
 */
int planner_check_request(const struct calendar *c, const struct plan_request *req,
			  struct samen_err *err);

/*
 * Plan the series. Returns 0 with out->feasible true and the meetings, or
 * 0 with out->feasible false, out->binding and out->fixes explaining why
 * it cannot fit (never an empty plan without a reason). Errors: the
 * request checks (SAMEN_EINVAL), SAMEN_ENOMEM. out is owned by the caller:
 * planner_result_release.
 */
int planner_plan(const struct calendar *c, const struct plan_request *req,
		 struct plan_result *out, struct samen_err *err);

void planner_result_release(struct plan_result *r);

struct plan_alternative {
	long day;
	bool within_spacing;      /* keeps the gaps to the neighbouring meetings within the rules */
	int busy_schools;
	bool near_holiday;
	double cost;              /* the planner's cost of this day for this meeting, weeks² */
};

/*
 * Alternatives for moving meeting k of a series whose meetings are on
 * days[0..n-1] (any order): free allowed days in the period, not in the
 * week of another meeting, best first - first those that keep the gaps to
 * the neighbouring meetings within the rules, then by the planner's cost,
 * then by date. Writes up to max entries to out and their number to *n_out.
 * SAMEN_EINVAL for a bad request or k out of range; SAMEN_ENOMEM.
 */
int planner_alternatives(const struct calendar *c, const struct plan_request *req,
			 const long *days, size_t n, size_t k, struct plan_alternative *out,
			 size_t max, size_t *n_out, struct samen_err *err);

/* ---- texts (English with the Dutch domain words; the web has its own) ---------- */

/*
 * Why the series does not fit, as one sentence into out (n bytes), naming
 * the binding constraint: "Only 36 free weeks between 2025-09-01 and
 * 2026-07-03 for 37 meetings." / "With at least 2 weeks between meetings
 * only 19 of the 36 free weeks can be used; 20 meetings need more." / "No
 * free week from 2026-07-06 to 2026-08-17 (7 weeks): with at most 3 weeks
 * between meetings the series cannot bridge it, and only 6 meetings fit on
 * one side." Empty when the plan fits.
 */
void planner_explain(const struct plan_request *req, const struct plan_result *res, char *out,
		     size_t n);

/* One fix as a phrase: "plan 36 meetings instead of 37", "allow wo too (38 free weeks)", ... */
void planner_fix_text(const struct plan_request *req, const struct plan_fix *fix, char *out,
		      size_t n);

/*
 * The reasons of a rejected week as one line: "herfstvakantie (noord);
 * Eerste Kerstdag (do)" - a reason that blocks only some of the week's
 * allowed days names them.
 */
void planner_week_text(const struct calendar *c, const struct plan_request *req,
		       const struct plan_result *res, size_t week, char *out, size_t n);

/*
 * Lead time (lesson 5): a step of the collaboration that is not done lacks
 * a next meeting when no meeting of its series is planned from today on, or
 * when the first one comes only after the step's due date (due 0: none).
 * next_meeting is the first meeting on or after today, 0 when there is none.
 */
bool planner_step_lacks_meeting(bool done, long due, long next_meeting);

#endif
