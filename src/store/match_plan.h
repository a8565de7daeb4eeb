/*
 * store/match_plan.h - the region's matching plan (`samen match`, issue 4):
 * all open hours-per-week requests of a region against the pool, solved
 * together by the optimiser (optim/assign.h) and stored as proposals.
 *
 * Two parts, lessons first because their times are the harder to fill:
 *
 *   - requests of concrete lessons (optim/lessons.h): every lesson not yet
 *     in a live offer; an option for every (member, lesson) pair where the
 *     member passes every check of match_candidates for the request and
 *     that lesson is free in their timetable with travel time before and
 *     after; the optimiser adds the clashes between the requested lessons
 *     themselves (time and travel between the schools). Spare hours go in
 *     as minutes per week;
 *   - requests in hours per week (optim/assign.h): their hours not yet
 *     offered (priority = urgency); every member who fits, offering their
 *     spare hours less what the lesson part gave them; a candidate arc for
 *     every fitting (request, member) pair with the travel minutes. Hours
 *     go to the optimiser in quarter hours.
 *
 * A pair the member declined is recorded but never assigned. Members who
 * already hold an offer for a request get nothing more of it.
 *
 * Every assignment becomes an offer with source "optimiser"
 * (match_offer_propose): a proposal the person still accepts or declines,
 * so nobody is assigned without consent.
 */
#ifndef SAMEN_STORE_MATCH_PLAN_H
#define SAMEN_STORE_MATCH_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "store/match.h"

struct match_plan_line {
	int64_t request_id, person_id, board_id, offer_id;
	int64_t hours; /* centi-hours per week */
	int travel;
	int lessons;        /* number of concrete lessons; 0 for an hours-per-week line */
	char lesson_text[96]; /* "ma1 do7 do8" (day and period) for lesson lines */
	char alias[24], school_name[128], subject[8];
};

struct match_plan {
	int64_t hours_wanted, hours_covered; /* centi-hours per week, both kinds of request */
	size_t requests, staff, candidates;
	bool hours_warm;      /* the hours part was re-optimised from the region's last plan */
	/* The lesson-level part (optim/lessons.h). */
	size_t lesson_requests, lessons_wanted, lessons_covered, lesson_options;
	bool lessons_proven;  /* the lesson assignment is proven optimal */
	int64_t lesson_nodes; /* search nodes of the lesson solve */
	double lesson_seconds;
	struct match_plan_line *lines;
	size_t nlines;
};

/*
 * Build and solve the plan of region_id on `today`; with store != 0 every
 * line is stored as an offer (offer_id set). Lines that could not be
 * proposed (the person's situation changed in between) are left out.
 * Release with match_plan_release. Errors: those of the store and the
 * optimiser.
 */
int match_plan_run(struct db *db, int64_t region_id, long today, int store,
		   const struct match_actor *who, struct match_plan *out, struct samen_err *err);

/*
 * The hours part of each region's plan is solved with a model kept in this
 * process between plans (optim/assign_keep.h): a request added, changed or
 * withdrawn since the last plan of the region is re-optimised from its last
 * optimum, with the same optimal objective as a plan from scratch. Forget
 * every kept model (tests; the next plan of each region starts cold).
 */
void match_plan_forget(void);

/* Free the lines of p and empty it. */
void match_plan_release(struct match_plan *p);

#endif
