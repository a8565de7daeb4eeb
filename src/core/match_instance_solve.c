/*
 * core/match_instance_solve.c - solving a matching instance file in two
 * parts, lessons then hours per week (see core/match_instance_solve.h and
 * store/match_plan.c, whose order and rounding this follows).
 */
#include "core/match_instance_solve.h"
#include "optim/assign.h"
#include "optim/lessons.h"
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

#define UNIT 25 /* centi-hours per quarter hour, the hours optimiser's unit */

_Static_assert(MATCH_INSTANCE_TRAVEL_MAX == LESSONS_TRAVEL_MAX, "travel caps differ");
_Static_assert(MATCH_INSTANCE_TRAVEL_MAX == ASSIGN_TRAVEL_MAX, "travel caps differ");
_Static_assert(MATCH_INSTANCE_QUARTERS_MAX <= ASSIGN_HOURS_MAX, "hours cap beyond the optimiser");
_Static_assert(MATCH_INSTANCE_QUARTERS_MAX * 15 <= LESSONS_MINUTES_MAX, "minutes beyond the optimiser");

struct travel_ctx {
	const struct match_instance *in;
};

static int32_t travel_cb(void *ctx, int32_t from, int32_t to)
{
	const struct travel_ctx *t = ctx;
	return match_instance_travel_between(t->in, from, to);
}

void match_solution_release(struct match_solution *s)
{
	if (!s)
		return;
	free(s->lines);
	free(s->lesson_ids);
	memset(s, 0, sizeof *s);
}

/* Work arrays shared by both parts. */
struct work {
	const struct match_instance *in;
	struct match_solution *out;
	size_t cap_lines, cap_ids;
	size_t *cstart, *corder; /* candidates of request r: corder[cstart[r] .. cstart[r + 1]) */
	int64_t *used;           /* centi-hours per staff given by the lesson part */
};

static int add_line(struct work *w, const struct match_solution_line *l, struct samen_err *err)
{
	int rc = vec_grow((void **)&w->out->lines, &w->cap_lines, w->out->nlines, sizeof *l, err);
	if (rc == 0)
		w->out->lines[w->out->nlines++] = *l;
	return rc;
}

static int lesson_part(struct work *w, struct samen_err *err)
{
	const struct match_instance *in = w->in;
	struct match_solution *out = w->out;
	const struct lessons_params prm = {in->settings.fair_band_minutes, in->settings.fair_bands,
					   in->settings.time_limit_ms};
	struct travel_ctx tctx = {in};
	struct lessons_model *m = NULL;
	struct lessons_result res;
	memset(&res, 0, sizeof res);
	int32_t *lix = malloc((in->nlessons ? in->nlessons : 1) * sizeof *lix);
	int32_t *six = malloc((in->nstaff ? in->nstaff : 1) * sizeof *six);
	size_t *model_staff = malloc((in->nstaff ? in->nstaff : 1) * sizeof *model_staff);
	bool *done = NULL;
	size_t nmodel_staff = 0;
	out->lessons_proven = true;
	if (!lix || !six || !model_staff) {
		free(lix);
		free(six);
		free(model_staff);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	for (size_t s = 0; s < in->nstaff; s++)
		six[s] = -1;
	int rc = lessons_new(&m, &prm, travel_cb, &tctx, err);
	for (size_t r = 0; r < in->nrequests && rc == 0; r++) {
		const struct match_instance_request *q = &in->requests[r];
		if (!q->has_lessons)
			continue;
		int32_t rix;
		struct lessons_request lr = {q->id, q->board, q->school, q->priority};
		if ((rc = lessons_add_request(m, &lr, &rix, err)))
			break;
		int64_t minutes = 0;
		for (size_t j = q->first_lesson; j < q->first_lesson + q->nlessons && rc == 0; j++) {
			const struct match_instance_lesson *l = &in->lessons[j];
			struct lessons_lesson ll = {l->id, rix, l->day, l->start, l->end};
			rc = lessons_add_lesson(m, &ll, &lix[j], err);
			out->lessons_wanted++;
			minutes += l->end - l->start;
		}
		out->lesson_minutes_wanted += minutes;
		out->hours_wanted += minutes * 100 / 60;
		out->lesson_requests++;
		for (size_t k = w->cstart[r]; k < w->cstart[r + 1] && rc == 0; k++) {
			const struct match_instance_candidate *c = &in->candidates[w->corder[k]];
			const struct match_instance_staff *st = &in->staff[c->staff];
			if (six[c->staff] < 0) {
				struct lessons_staff ls = {st->id, st->board, st->school, st->quarters * 15};
				if ((rc = lessons_add_staff(m, &ls, &six[c->staff], err)))
					break;
				model_staff[nmodel_staff++] = (size_t)c->staff;
			}
			size_t n = c->all_lessons ? q->nlessons : c->n;
			for (size_t j = 0; j < n && rc == 0; j++) {
				size_t l = c->all_lessons ? q->first_lesson + j
							  : (size_t)in->cand_lessons[c->first + j];
				rc = lessons_add_option(m, six[c->staff], lix[l], c->travel, c->allowed, err);
				out->lesson_options++;
			}
		}
	}
	if (rc || out->lessons_wanted == 0)
		goto out;
	if ((rc = lessons_solve(m, &res, err)))
		goto out;
	out->lessons_proven = res.status == LESSONS_OPTIMAL;
	out->lesson_minutes_covered = res.minutes_covered;
	out->lesson_priority = res.priority_covered;
	out->lesson_travel = res.travel;
	out->lesson_fairness = res.fairness;
	out->lesson_bound = res.bound_minutes;
	out->lesson_nodes = res.nodes;
	out->lesson_seconds = res.seconds;
	if (!(done = calloc(res.nlines ? res.nlines : 1, sizeof *done))) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	/* One line per (request, person): the lessons of the pair together. */
	for (size_t i = 0; i < res.nlines && rc == 0; i++) {
		if (done[i])
			continue;
		const struct lessons_line *a = &res.lines[i];
		if (a->staff < 0 || (size_t)a->staff >= nmodel_staff) {
			rc = samen_fail(err, SAMEN_EINTERNAL, "lesson line with an unknown person");
			break;
		}
		size_t s = model_staff[a->staff];
		struct match_solution_line l;
		memset(&l, 0, sizeof l);
		l.request_id = a->request_id;
		l.staff_id = a->staff_id;
		l.board = in->staff[s].board;
		l.travel = a->travel;
		l.first_lesson = out->nlesson_ids;
		for (size_t j = i; j < res.nlines && rc == 0; j++) {
			const struct lessons_line *b = &res.lines[j];
			if (done[j] || b->request != a->request || b->staff != a->staff)
				continue;
			done[j] = true;
			rc = vec_grow((void **)&out->lesson_ids, &w->cap_ids, out->nlesson_ids,
				      sizeof *out->lesson_ids, err);
			if (rc)
				break;
			out->lesson_ids[out->nlesson_ids++] = b->lesson_id;
			l.minutes += b->minutes;
			l.nlessons++;
		}
		if (rc)
			break;
		l.hours = (int64_t)l.minutes * 100 / 60;
		out->lessons_covered += l.nlessons;
		out->hours_covered += l.hours;
		w->used[s] += l.hours;
		rc = add_line(w, &l, err);
	}
out:
	free(done);
	lessons_result_release(&res);
	lessons_free(m);
	free(lix);
	free(six);
	free(model_staff);
	return rc;
}

static int hours_part(struct work *w, struct samen_err *err)
{
	const struct match_instance *in = w->in;
	struct match_solution *out = w->out;
	const struct assign_params prm = {in->settings.fair_band_quarters, in->settings.fair_bands};
	struct assign_model *m = NULL;
	struct assign_result res;
	memset(&res, 0, sizeof res);
	int32_t *aix = malloc((in->nstaff ? in->nstaff : 1) * sizeof *aix);
	size_t *astaff = malloc((in->nstaff ? in->nstaff : 1) * sizeof *astaff); /* model -> staff */
	if (!aix || !astaff) {
		free(aix);
		free(astaff);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	for (size_t s = 0; s < in->nstaff; s++)
		aix[s] = -1;
	int rc = assign_new(&m, &prm, err);
	for (size_t r = 0; r < in->nrequests && rc == 0; r++) {
		const struct match_instance_request *q = &in->requests[r];
		if (q->has_lessons || q->quarters < 1)
			continue;
		out->hours_wanted += (int64_t)q->quarters * UNIT;
		out->quarters_wanted += q->quarters;
		int32_t rix;
		struct assign_request ar = {q->id, q->board, q->quarters, q->priority};
		if ((rc = assign_add_request(m, &ar, &rix, err)))
			break;
		out->hour_requests++;
		for (size_t k = w->cstart[r]; k < w->cstart[r + 1] && rc == 0; k++) {
			const struct match_instance_candidate *c = &in->candidates[w->corder[k]];
			const struct match_instance_staff *st = &in->staff[c->staff];
			int64_t spare = (int64_t)st->quarters * UNIT - w->used[c->staff];
			if (spare < UNIT)
				continue;
			if (aix[c->staff] < 0) {
				struct assign_staff as = {st->id, st->board, (int32_t)(spare / UNIT)};
				if ((rc = assign_add_staff(m, &as, &aix[c->staff], err)))
					break;
				astaff[out->hour_staff++] = (size_t)c->staff;
			}
			rc = assign_add_candidate(m, rix, aix[c->staff], c->travel, c->allowed, NULL, err);
			out->hour_candidates++;
		}
	}
	if (rc || out->hour_requests == 0)
		goto out;
	if ((rc = assign_solve(m, MCF_COLD, &res, err)))
		goto out;
	out->quarters_covered = res.hours_covered;
	out->hour_priority = res.priority_covered;
	out->hour_travel = res.travel;
	out->hour_fairness = res.fairness;
	for (size_t i = 0; i < res.nlines && rc == 0; i++) {
		const struct assign_line *al = &res.lines[i];
		if (al->hours <= 0)
			continue;
		struct match_solution_line l;
		memset(&l, 0, sizeof l);
		l.request_id = al->request_id;
		l.staff_id = al->staff_id;
		if (al->staff < 0 || (size_t)al->staff >= out->hour_staff) {
			rc = samen_fail(err, SAMEN_EINTERNAL, "hours line with an unknown person");
			break;
		}
		l.board = in->staff[astaff[al->staff]].board;
		l.hours = (int64_t)al->hours * UNIT;
		l.travel = al->travel;
		l.first_lesson = out->nlesson_ids;
		out->hours_covered += l.hours;
		rc = add_line(w, &l, err);
	}
out:
	assign_result_release(&res);
	assign_free(m);
	free(aix);
	free(astaff);
	return rc;
}

int match_instance_solve(const struct match_instance *in, struct match_solution *out,
			 struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	struct work w = {.in = in, .out = out};
	w.cstart = calloc(in->nrequests + 1, sizeof *w.cstart);
	w.corder = calloc(in->ncandidates ? in->ncandidates : 1, sizeof *w.corder);
	w.used = calloc(in->nstaff ? in->nstaff : 1, sizeof *w.used);
	int rc = 0;
	if (!w.cstart || !w.corder || !w.used) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	/* Candidates grouped by request, in file order within a request. */
	for (size_t k = 0; k < in->ncandidates; k++)
		w.cstart[in->candidates[k].request + 1]++;
	for (size_t r = 0; r < in->nrequests; r++)
		w.cstart[r + 1] += w.cstart[r];
	{
		size_t *fill = calloc(in->nrequests ? in->nrequests : 1, sizeof *fill);
		if (!fill) {
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			goto out;
		}
		for (size_t k = 0; k < in->ncandidates; k++) {
			size_t r = (size_t)in->candidates[k].request;
			w.corder[w.cstart[r] + fill[r]++] = k;
		}
		free(fill);
	}
	rc = lesson_part(&w, err);
	if (rc == 0)
		rc = hours_part(&w, err);
out:
	free(w.cstart);
	free(w.corder);
	free(w.used);
	if (rc)
		match_solution_release(out);
	return rc;
}
