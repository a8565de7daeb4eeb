/*
 * store/match_plan.h - the region's matching plan (`samen match`, issue 4):
 * all open hours-per-week requests of a region against the pool, solved
 * together by the optimiser (optim/assign.h) and stored as proposals.
 *
 * The instance: every open request without concrete lessons, wanting its
 * hours not yet offered (priority = urgency); every pool member who fits
 * at least one of them, offering their spare hours; a candidate arc for
 * every (request, member) pair that fits (match_candidates), with the
 * travel minutes; a pair the member declined is recorded but never
 * assigned. Members who already hold an offer for a request get no arc for
 * it. Hours go to the optimiser in quarter hours.
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
	char alias[24], school_name[128], subject[8];
};

struct match_plan {
	int64_t hours_wanted, hours_covered; /* centi-hours per week */
	size_t requests, staff, candidates;
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

/* Free the lines of p and empty it. */
void match_plan_release(struct match_plan *p);

#endif
