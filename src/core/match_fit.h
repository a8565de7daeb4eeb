/*
 * match_fit.h - does a pool member fit a help request, and why (issue 4).
 *
 * Pure checks without a database, each giving a pass/fail and a reason:
 * the qualification for the school type and years (rules 18-22: bevoegd,
 * benoembaar and onderbevoegd are shown as such and pass only when the
 * request accepts them), the requested expertise (a tag, rule 27), the
 * hours against the spare teaching capacity (rules 11, 12, 15), the days
 * the person is available, their maximum travel time, schools they avoid,
 * and every requested lesson against the person's own lessons: no clash,
 * and enough travel time from the lesson before and to the lesson after.
 *
 * Travel time between two schools is the haversine distance at a speed
 * setting, rounded up to whole minutes, unless the caller has an imported
 * travel time (the caller's travel function decides).
 *
 * Hours are centi-hours (clock hours x 100) per school week.
 */
#ifndef SAMEN_MATCH_FIT_H
#define SAMEN_MATCH_FIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/qualification.h"

/* Great-circle distance in km between two points (degrees), earth radius 6371 km. */
double match_haversine_km(double lat1, double lon1, double lat2, double lon2);

/* Travel minutes for km at speed_kmh, rounded up; -1 when speed_kmh <= 0. */
int match_travel_minutes(double km, double speed_kmh);

/* One lesson: weekday 1 (Monday) .. 5, clock minutes after midnight, at a school. */
struct match_slot {
	int weekday;
	int start, end;
	int64_t school_id;
};

/* Travel minutes from school a to school b (0 when a == b); negative when unknown. */
typedef int (*match_travel_fn)(void *ctx, int64_t from_school, int64_t to_school);

/* Why a requested lesson does not fit. */
enum match_lesson_fail {
	LESSON_OK = 0,
	LESSON_DAY,          /* the person is not available on that weekday */
	LESSON_CLASH,        /* overlaps one of their own lessons */
	LESSON_TRAVEL_BEFORE,/* too little time to travel from the lesson before */
	LESSON_TRAVEL_AFTER, /* too little time to travel to the lesson after */
};

/*
 * Check each of the nreq requested lessons (all at one school) against the
 * person's own nown lessons and weekday mask (bit 0 Monday .. bit 4
 * Friday). out[i] receives the verdict for req[i] (the first failing
 * check in the order day, clash, travel before, travel after). Unknown
 * travel times (negative) count as a failure. Requested lessons are not
 * checked against each other (they are at one school). Returns the number
 * of lessons that fit.
 */
size_t match_lessons_check(const struct match_slot *own, size_t nown, unsigned weekdays,
			   const struct match_slot *req, size_t nreq, match_travel_fn travel,
			   void *ctx, enum match_lesson_fail *out);

/* Stable name of a lesson verdict ("ok", "day", "clash", "travel_before", "travel_after"). */
const char *match_lesson_fail_name(enum match_lesson_fail f);

/* Input of the hours check. */
struct match_hours {
	double contract_hours_per_year; /* current contract, > 0 */
	int64_t offered;            /* hours per week the person offers (centi) */
	bool within_contract;       /* boventallig/contract ends: hours inside the contract */
	double cap_per_fte;         /* the school's teaching-load cap, clock hours per fte-year (rule 12) */
	int weeks_per_year;         /* school weeks the load is spread over, e.g. 40 */
	int contract_year;          /* 1 and 2 for starters (rule 15), otherwise >= 3 */
	int64_t teaching;           /* clock hours per week already taught (centi) */
};

/*
 * Spare teaching hours per week (centi, never negative): the smaller of
 * the hours offered and the teaching cap minus what is taught. The cap per
 * week is cap_per_fte x fte x starter factor / weeks_per_year, where fte is
 * (contract hours + offered x weeks, unless within_contract) / 1659 (rule
 * 11) and the starter factor is 0.8 in contract year 1 and 0.9 in year 2
 * (rule 15). Rounded down to whole centi-hours. *cap (may be NULL) gets
 * the weekly cap in centi-hours.
 */
int64_t match_spare_hours(const struct match_hours *h, int64_t *cap);

/*
 * Classify a qualification level for a request of school type `type`,
 * years year_from..year_to: the weakest fit over those years (rules
 * 18-22).
 */
enum qual_fit match_qual_fit(enum qual_level level, enum school_type type, int year_from,
			     int year_to);

/* True when the comma list `tags` (e.g. "nt2,isk") holds `tag` (case-insensitive); an empty tag is always held. */
bool match_has_tag(const char *tags, const char *tag);

#endif
