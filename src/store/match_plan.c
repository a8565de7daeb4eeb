/*
 * store/match_plan.c - the region's matching plan via the optimiser (see
 * store/match_plan.h).
 */
#include "store/match_plan.h"
#include "optim/assign.h"
#include "store/match_offer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNIT 25 /* centi-hours per optimiser hour unit: a quarter hour */

struct staff_ix {
	int64_t person_id, board_id;
	int64_t spare;
	int32_t index;
	char alias[24];
};

void match_plan_release(struct match_plan *p)
{
	if (!p)
		return;
	free(p->lines);
	memset(p, 0, sizeof *p);
}

static int64_t offered_for(struct db *db, int64_t request, struct samen_err *err, int *rc)
{
	struct db_stmt *st = NULL;
	int64_t v = 0;
	*rc = db_prepare(db, "SELECT COALESCE(SUM(hours_per_week), 0) FROM match_offer"
			     " WHERE request_id = $1 AND (status = 'proposed' OR status = 'accepted'"
			     " OR status = 'approved')", &st, err);
	if (*rc)
		return 0;
	db_bind_int(st, 1, request);
	int s = db_step(st, err);
	if (s == 1)
		v = db_col_int(st, 0);
	*rc = s < 0 ? s : 0;
	db_finalize(st);
	return v;
}

static int has_live(struct db *db, int64_t request, int64_t person, bool *live,
		    struct samen_err *err)
{
	struct db_stmt *st = NULL;
	*live = false;
	int rc = db_prepare(db, "SELECT COUNT(*) FROM match_offer WHERE request_id = $1"
				" AND person_id = $2 AND (status = 'proposed' OR status = 'accepted'"
				" OR status = 'approved')", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, request);
	db_bind_int(st, 2, person);
	rc = db_step(st, err);
	if (rc == 1)
		*live = db_col_int(st, 0) > 0;
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int match_plan_run(struct db *db, int64_t region_id, long today, int store,
		   const struct match_actor *who, struct match_plan *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	struct match_request *reqs = NULL;
	size_t nreq = 0, nstaff = 0, cap_staff = 0;
	struct staff_ix *staff = NULL;
	int32_t *req_index = NULL;
	struct assign_model *m = NULL;
	struct assign_result res;
	memset(&res, 0, sizeof res);
	struct match_request_filter f = {region_id, 0, 0, "open"};
	int rc = match_request_list(db, &f, &reqs, &nreq, err);
	if (rc)
		return rc;
	req_index = calloc(nreq ? nreq : 1, sizeof *req_index);
	if (!req_index) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	rc = assign_new(&m, NULL, err);
	if (rc)
		goto out;
	for (size_t i = 0; i < nreq; i++) {
		req_index[i] = -1;
		if (reqs[i].nlessons)
			continue; /* concrete lessons are offered by hand from the candidate list */
		int64_t left = reqs[i].hours_per_week - offered_for(db, reqs[i].id, err, &rc);
		if (rc)
			goto out;
		if (left < UNIT)
			continue;
		out->hours_wanted += left / UNIT * UNIT;
		struct assign_request ar = {reqs[i].id, (int32_t)reqs[i].board_id,
					    (int32_t)(left / UNIT), reqs[i].urgency};
		rc = assign_add_request(m, &ar, &req_index[i], err);
		if (rc)
			goto out;
		out->requests++;
		struct match_candidate *c = NULL;
		size_t nc = 0;
		rc = match_candidates(db, reqs[i].id, 0, today, &c, &nc, err);
		if (rc)
			goto out;
		for (size_t k = 0; k < nc && !rc; k++) {
			bool others = true;
			for (int x = 0; x < MCHK_COUNT; x++)
				if (x != MCHK_CONSENT)
					others = others && c[k].pass[x];
			if (!others)
				continue;
			bool live = false;
			rc = has_live(db, reqs[i].id, c[k].person_id, &live, err);
			if (rc || live)
				continue;
			size_t s = 0;
			while (s < nstaff && staff[s].person_id != c[k].person_id)
				s++;
			if (s == nstaff) {
				if (nstaff == cap_staff) {
					size_t ncap = cap_staff ? cap_staff * 2 : 16;
					void *p = realloc(staff, ncap * sizeof *staff);
					if (!p) {
						rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
						break;
					}
					staff = p;
					cap_staff = ncap;
				}
				struct staff_ix *sx = &staff[nstaff++];
				sx->person_id = c[k].person_id;
				sx->board_id = c[k].board_id;
				sx->spare = c[k].spare;
				snprintf(sx->alias, sizeof sx->alias, "%s", c[k].alias);
				struct assign_staff as = {c[k].person_id, (int32_t)c[k].board_id,
							  (int32_t)(c[k].spare / UNIT)};
				rc = assign_add_staff(m, &as, &sx->index, err);
				if (rc)
					break;
			} else if (c[k].spare < staff[s].spare) {
				staff[s].spare = c[k].spare;
				rc = assign_set_staff_hours(m, staff[s].index,
							    (int32_t)(c[k].spare / UNIT), err);
				if (rc)
					break;
			}
			int travel = c[k].travel < 0 ? 0 : c[k].travel;
			if (travel > ASSIGN_TRAVEL_MAX)
				travel = ASSIGN_TRAVEL_MAX;
			rc = assign_add_candidate(m, req_index[i], staff[s].index, travel,
						  c[k].pass[MCHK_CONSENT], NULL, err);
			out->candidates++;
		}
		free(c);
		if (rc)
			goto out;
	}
	out->staff = nstaff;
	rc = assign_solve(m, MCF_COLD, &res, err);
	if (rc)
		goto out;
	out->lines = calloc(res.nlines ? res.nlines : 1, sizeof *out->lines);
	if (!out->lines) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < res.nlines; i++) {
		const struct assign_line *al = &res.lines[i];
		if (al->hours <= 0)
			continue;
		const struct match_request *r = NULL;
		for (size_t k = 0; k < nreq; k++)
			if (reqs[k].id == al->request_id)
				r = &reqs[k];
		const struct staff_ix *sx = NULL;
		for (size_t k = 0; k < nstaff; k++)
			if (staff[k].person_id == al->staff_id)
				sx = &staff[k];
		if (!r || !sx)
			continue;
		struct match_plan_line *l = &out->lines[out->nlines];
		memset(l, 0, sizeof *l);
		l->request_id = r->id;
		l->person_id = sx->person_id;
		l->board_id = sx->board_id;
		l->hours = (int64_t)al->hours * UNIT;
		l->travel = al->travel;
		snprintf(l->alias, sizeof l->alias, "%s", sx->alias);
		snprintf(l->school_name, sizeof l->school_name, "%s", r->school_name);
		snprintf(l->subject, sizeof l->subject, "%s", r->subject);
		if (store) {
			struct samen_err e2;
			samen_err_clear(&e2);
			if (match_offer_propose(db, r->id, sx->person_id, l->hours, NULL, 0, today,
						"optimiser", who, &l->offer_id, &e2) != 0)
				continue;
		}
		out->hours_covered += l->hours;
		out->nlines++;
	}
out:
	assign_result_release(&res);
	assign_free(m);
	free(staff);
	free(req_index);
	free(reqs);
	if (rc)
		match_plan_release(out);
	return rc;
}
