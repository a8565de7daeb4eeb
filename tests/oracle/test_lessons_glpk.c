/*
 * test_lessons_glpk.c - the lesson-level staffing optimiser against GLPK's
 * MIP solver (glp_intopt) as an independent oracle, on hundreds of random
 * small and medium instances.
 *
 * The oracle program is built here from the instance's definition, not
 * from optim/lessons.c: one binary per allowed option, every lesson at
 * most once, spare minutes per person, every clashing pair of one person's
 * options (same weekday, overlapping or without the travel time between
 * the two schools) as a pairwise row, and fairness as K band variables per
 * board and direction. The four levels are solved one after another (max
 * covered minutes, max priority-weighted minutes, min travel, min
 * fairness), each optimum fixed before the next. Ours must reach the same
 * value at every level, with a feasible assignment that adds up to it,
 * with the grouped and the one-level-per-stage solve and without the LP
 * fast path (CBC's branch and cut on every stage), and a time-
 * limited solve must never claim a bound below GLPK's optimum.
 *
 * GLPK is GPL: this file is a test only and never part of samen.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "optim/lessons.h"
#include "util/rng.h"

#define MAXR 12
#define MAXL 40
#define MAXS 16
#define MAXO 400
#define MAXB 5

struct inst {
	int nr, nl, ns, no;
	int32_t rboard[MAXR], rloc[MAXR], rprio[MAXR];
	int32_t lreq[MAXL], lday[MAXL], lstart[MAXL], lend[MAXL];
	int32_t sboard[MAXS], smin[MAXS];
	int32_t ostaff[MAXO], oles[MAXO], otravel[MAXO];
	bool oallowed[MAXO];
	int32_t band, bands;
	int32_t locx[8], locy[8];
};

static int32_t inst_travel(void *ctx, int32_t a, int32_t b)
{
	const struct inst *in = ctx;
	int32_t dx = in->locx[a] - in->locx[b], dy = in->locy[a] - in->locy[b];
	return (int32_t)lround(sqrt((double)(dx * dx + dy * dy)));
}

/* Small (medium = false) or medium random instance. */
static void random_inst(struct rng *g, struct inst *in, bool medium)
{
	memset(in, 0, sizeof *in);
	for (int k = 0; k < 8; k++) {
		in->locx[k] = (int32_t)rng_between(g, 0, 40);
		in->locy[k] = (int32_t)rng_between(g, 0, 40);
	}
	in->band = (int32_t)rng_between(g, 20, 150);
	in->bands = (int32_t)rng_between(g, 1, 5);
	in->nr = (int)rng_between(g, 1, medium ? MAXR : 5);
	for (int r = 0; r < in->nr; r++) {
		in->rboard[r] = (int32_t)rng_between(g, 1, MAXB);
		in->rloc[r] = (int32_t)rng_between(g, 0, 7);
		in->rprio[r] = (int32_t)rng_between(g, 1, LESSONS_PRIORITY_MAX);
	}
	in->nl = (int)rng_between(g, 1, medium ? MAXL : 12);
	int days = (int)rng_between(g, 1, 3);
	for (int l = 0; l < in->nl; l++) {
		in->lreq[l] = (int32_t)rng_below(g, (uint64_t)in->nr);
		in->lday[l] = (int32_t)rng_between(g, 1, days);
		/* periods of 50 minutes from 8:30 with a few odd ones */
		int period = (int)rng_between(g, 0, 7);
		in->lstart[l] = 510 + 55 * period + (rng_chance(g, 0.2) ? 25 : 0);
		in->lend[l] = in->lstart[l] + (rng_chance(g, 0.8) ? 50 : 100);
	}
	in->ns = (int)rng_between(g, 1, medium ? MAXS : 6);
	for (int s = 0; s < in->ns; s++) {
		in->sboard[s] = (int32_t)rng_between(g, 1, MAXB);
		in->smin[s] = 50 * (int32_t)rng_between(g, 0, 8);
	}
	double p = medium ? 0.3 : 0.5;
	for (int s = 0; s < in->ns; s++)
		for (int l = 0; l < in->nl && in->no < MAXO; l++) {
			if (!rng_chance(g, p))
				continue;
			int o = in->no++;
			in->ostaff[o] = s;
			in->oles[o] = l;
			in->otravel[o] = (int32_t)rng_between(g, 0, 60);
			in->oallowed[o] = rng_chance(g, 0.92);
		}
}

static bool clash_ref(const struct inst *in, int a, int b)
{
	if (in->lday[a] != in->lday[b])
		return false;
	int32_t la = in->rloc[in->lreq[a]], lb = in->rloc[in->lreq[b]];
	int32_t tab = la == lb ? 0 : inst_travel((void *)in, la, lb);
	int32_t tba = la == lb ? 0 : inst_travel((void *)in, lb, la);
	return !(in->lend[a] + tab <= in->lstart[b] || in->lend[b] + tba <= in->lstart[a]);
}

/* Lexicographic optimum by GLPK, staged; levels as (cov, prio, travel, fair). */
static void glpk_levels(const struct inst *in, int64_t out[4])
{
	int K = in->bands, nx = in->no, nf = MAXB * 2 * K;
	int ncol = nx + nf;
	glp_prob *lp = glp_create_prob();
	glp_add_cols(lp, ncol);
	for (int o = 0; o < nx; o++) {
		glp_set_col_kind(lp, o + 1, GLP_BV);
		if (!in->oallowed[o])
			glp_set_col_bnds(lp, o + 1, GLP_FX, 0.0, 0.0);
	}
	for (int f = 0; f < nf; f++) {
		int band = f % K + 1;
		/* continuous: with integer x the cheapest band fill is integral */
		glp_set_col_kind(lp, nx + f + 1, GLP_CV);
		if (band < K)
			glp_set_col_bnds(lp, nx + f + 1, GLP_DB, 0.0, in->band);
		else
			glp_set_col_bnds(lp, nx + f + 1, GLP_LO, 0.0, 0.0);
	}
	/* rows, as triplets */
	size_t cap = 100000;
	int *ia = malloc((cap + 1) * sizeof *ia), *ja = malloc((cap + 1) * sizeof *ja);
	double *ar = malloc((cap + 1) * sizeof *ar);
	assert_non_null(ia);
	assert_non_null(ja);
	assert_non_null(ar);
	int ne = 0, row = 0;
#define ROW(lo_type, lo, hi)                                        \
	do {                                                        \
		row = glp_add_rows(lp, 1);                          \
		glp_set_row_bnds(lp, row, (lo_type), (lo), (hi));   \
	} while (0)
#define NZ(c, v)                                                    \
	do {                                                        \
		assert_true((size_t)ne < cap);                      \
		ne++;                                               \
		ia[ne] = row;                                       \
		ja[ne] = (c);                                       \
		ar[ne] = (v);                                       \
	} while (0)
	for (int l = 0; l < in->nl; l++) {
		ROW(GLP_UP, 0.0, 1.0);
		for (int o = 0; o < nx; o++)
			if (in->oles[o] == l)
				NZ(o + 1, 1.0);
	}
	for (int s = 0; s < in->ns; s++) {
		ROW(GLP_UP, 0.0, in->smin[s]);
		for (int o = 0; o < nx; o++)
			if (in->ostaff[o] == s)
				NZ(o + 1, in->lend[in->oles[o]] - in->lstart[in->oles[o]]);
	}
	for (int a = 0; a < nx; a++)
		for (int b = a + 1; b < nx; b++)
			if (in->ostaff[a] == in->ostaff[b] && clash_ref(in, in->oles[a], in->oles[b])) {
				ROW(GLP_UP, 0.0, 1.0);
				NZ(a + 1, 1.0);
				NZ(b + 1, 1.0);
			}
	for (int b = 1; b <= MAXB; b++) {
		ROW(GLP_FX, 0.0, 0.0);
		for (int o = 0; o < nx; o++) {
			int32_t sb = in->sboard[in->ostaff[o]], rb = in->rboard[in->lreq[in->oles[o]]];
			int32_t mins = in->lend[in->oles[o]] - in->lstart[in->oles[o]];
			if (sb == rb)
				continue;
			if (sb == b)
				NZ(o + 1, mins);
			if (rb == b)
				NZ(o + 1, -mins);
		}
		for (int k = 0; k < 2 * K; k++)
			NZ(nx + (b - 1) * 2 * K + k + 1, k < K ? -1.0 : 1.0);
	}
	int lvl_row = glp_add_rows(lp, 3);
	for (int k = 0; k < 3; k++) {
		row = lvl_row + k;
		glp_set_row_bnds(lp, row, GLP_FR, 0.0, 0.0);
		for (int o = 0; o < nx; o++) {
			int32_t mins = in->lend[in->oles[o]] - in->lstart[in->oles[o]];
			double c = k == 0 ? mins : k == 1 ? (in->rprio[in->lreq[in->oles[o]]] - 1) * mins
							   : in->otravel[o];
			if (c != 0)
				NZ(o + 1, c);
		}
	}
#undef ROW
#undef NZ
	glp_load_matrix(lp, ne, ia, ja, ar);
	free(ia);
	free(ja);
	free(ar);
	glp_iocp parm;
	glp_init_iocp(&parm);
	parm.presolve = GLP_ON;
	parm.msg_lev = GLP_MSG_OFF;
	for (int level = 0; level < 4; level++) {
		glp_set_obj_dir(lp, level < 2 ? GLP_MAX : GLP_MIN);
		for (int j = 1; j <= ncol; j++)
			glp_set_obj_coef(lp, j, 0.0);
		for (int o = 0; o < nx && level < 3; o++) {
			int32_t mins = in->lend[in->oles[o]] - in->lstart[in->oles[o]];
			double c = level == 0   ? mins
				   : level == 1 ? (in->rprio[in->lreq[in->oles[o]]] - 1) * mins
						: in->otravel[o];
			glp_set_obj_coef(lp, o + 1, c);
		}
		if (level == 3)
			for (int f = 0; f < nf; f++)
				glp_set_obj_coef(lp, nx + f + 1, f % K + 1);
		assert_int_equal(glp_intopt(lp, &parm), 0);
		assert_int_equal(glp_mip_status(lp), GLP_OPT);
		double v = glp_mip_obj_val(lp);
		out[level] = llround(v);
		assert_true(fabs(v - (double)out[level]) < 1e-6);
		if (level == 0 || level == 1)
			glp_set_row_bnds(lp, lvl_row + level, GLP_LO, (double)out[level], 0.0);
		else if (level == 2)
			glp_set_row_bnds(lp, lvl_row + level, GLP_UP, 0.0, (double)out[level]);
	}
	glp_delete_prob(lp);
}

static struct lessons_model *load(struct inst *in, int32_t time_limit_ms)
{
	struct lessons_params p = {.fair_band_minutes = in->band, .fair_bands = in->bands,
				   .time_limit_ms = time_limit_ms};
	struct lessons_model *m;
	assert_int_equal(lessons_new(&m, &p, inst_travel, in, NULL), 0);
	for (int r = 0; r < in->nr; r++) {
		struct lessons_request q = {.id = 100 + r, .board = in->rboard[r],
					    .location = in->rloc[r], .priority = in->rprio[r]};
		assert_int_equal(lessons_add_request(m, &q, NULL, NULL), 0);
	}
	for (int l = 0; l < in->nl; l++) {
		struct lessons_lesson x = {.id = 200 + l, .request = in->lreq[l], .weekday = in->lday[l],
					   .start = in->lstart[l], .end = in->lend[l]};
		assert_int_equal(lessons_add_lesson(m, &x, NULL, NULL), 0);
	}
	for (int s = 0; s < in->ns; s++) {
		struct lessons_staff t = {.id = 300 + s, .board = in->sboard[s], .location = 0,
					  .minutes = in->smin[s]};
		assert_int_equal(lessons_add_staff(m, &t, NULL, NULL), 0);
	}
	for (int o = 0; o < in->no; o++)
		assert_int_equal(lessons_add_option(m, in->ostaff[o], in->oles[o], in->otravel[o],
						    in->oallowed[o], NULL),
				 0);
	return m;
}

/* Our assignment is feasible and adds up to its reported levels. */
static void check_assignment(const struct inst *in, const struct lessons_result *res)
{
	int64_t used[MAXS] = {0}, cov = 0, prio = 0, travel = 0, net[MAXB + 1] = {0};
	for (size_t i = 0; i < res->nlines; i++) {
		const struct lessons_line *a = &res->lines[i];
		int o = -1;
		for (int k = 0; k < in->no; k++)
			if (in->ostaff[k] == a->staff && in->oles[k] == a->lesson)
				o = k;
		assert_true(o >= 0 && in->oallowed[o]);
		assert_int_equal(a->travel, in->otravel[o]);
		int32_t mins = in->lend[a->lesson] - in->lstart[a->lesson];
		assert_int_equal(a->minutes, mins);
		used[a->staff] += mins;
		cov += mins;
		prio += (in->rprio[in->lreq[a->lesson]] - 1) * mins;
		travel += a->travel;
		int32_t sb = in->sboard[a->staff], rb = in->rboard[in->lreq[a->lesson]];
		if (sb != rb) {
			net[sb] += mins;
			net[rb] -= mins;
		}
		for (size_t j = 0; j < i; j++) {
			assert_int_not_equal(res->lines[j].lesson, a->lesson);
			if (res->lines[j].staff == a->staff)
				assert_false(clash_ref(in, res->lines[j].lesson, a->lesson));
		}
	}
	for (int s = 0; s < in->ns; s++)
		assert_true(used[s] <= in->smin[s]);
	int64_t fair = 0;
	for (int b = 1; b <= MAXB; b++) {
		int64_t v = net[b] < 0 ? -net[b] : net[b];
		for (int k = 1; k <= in->bands && v > 0; k++) {
			int64_t x = k < in->bands && v > in->band ? in->band : v;
			fair += k * x;
			v -= x;
		}
	}
	assert_int_equal(cov, res->minutes_covered);
	assert_int_equal(prio, res->priority_covered);
	assert_int_equal(travel, res->travel);
	assert_int_equal(fair, res->fairness);
}

static void run_seeds(uint64_t first, uint64_t last, bool medium)
{
	for (uint64_t seed = first; seed <= last; seed++) {
		struct rng g;
		rng_seed(&g, seed);
		struct inst in;
		random_inst(&g, &in, medium);
		int64_t want[4];
		glpk_levels(&in, want);
		for (int variant = 0; variant < 3; variant++) {
			/* grouped levels, one level per stage, grouped with CBC only */
			int staged = variant == 1;
			struct lessons_model *m = load(&in, 0);
			lessons_set_staged(m, staged);
			lessons_set_mip_only(m, variant == 2);
			struct lessons_result res;
			struct samen_err err = {0};
			assert_int_equal(lessons_solve(m, &res, &err), 0);
			assert_int_equal(res.status, LESSONS_OPTIMAL);
			if (res.minutes_covered != want[0] || res.priority_covered != want[1] ||
			    res.travel != want[2] || res.fairness != want[3])
				print_error("seed %llu variant %d: ours %lld %lld %lld %lld, glpk %lld "
					    "%lld %lld %lld\n",
					    (unsigned long long)seed, variant,
					    (long long)res.minutes_covered,
					    (long long)res.priority_covered, (long long)res.travel,
					    (long long)res.fairness, (long long)want[0],
					    (long long)want[1], (long long)want[2], (long long)want[3]);
			assert_int_equal(res.minutes_covered, want[0]);
			assert_int_equal(res.priority_covered, want[1]);
			assert_int_equal(res.travel, want[2]);
			assert_int_equal(res.fairness, want[3]);
			assert_int_equal(res.bound_minutes, want[0]);
			check_assignment(&in, &res);
			lessons_result_release(&res);
			lessons_free(m);
		}
		/* a time-limited solve: a valid assignment and a true bound */
		struct lessons_model *m = load(&in, medium ? 15 : 1);
		struct lessons_result res;
		assert_int_equal(lessons_solve(m, &res, NULL), 0);
		check_assignment(&in, &res);
		assert_true(res.bound_minutes >= want[0]);
		assert_true(res.minutes_covered <= want[0]);
		if (res.status == LESSONS_OPTIMAL) {
			assert_int_equal(res.minutes_covered, want[0]);
			assert_int_equal(res.fairness, want[3]);
		}
		lessons_result_release(&res);
		lessons_free(m);
	}
}

static void test_small(void **state)
{
	(void)state;
	run_seeds(1, 300, false);
}

static void test_medium(void **state)
{
	(void)state;
	run_seeds(1001, 1200, true);
}

int main(void)
{
	glp_term_out(GLP_OFF);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_medium),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
