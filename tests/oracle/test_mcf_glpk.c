/*
 * test_mcf_glpk.c - Samen's min-cost flow and staffing optimiser against
 * GLPK as an independent oracle, on hundreds of random instances.
 *
 *  - cold solves against glp_mincost_okalg (GLPK's out-of-kilter min-cost
 *    flow): the same optimal cost, or both infeasible;
 *  - warm re-solves after random changes against okalg on the changed
 *    network;
 *  - the lexicographic staffing objective against GLPK's LP simplex run
 *    level by level (max covered hours, then priority, then min travel,
 *    then min fairness), built from the model's definition, not from our
 *    network.
 *
 * Every optimum of ours is also checked on its own certificate: the flow
 * meets supplies and capacities, and the potentials satisfy complementary
 * slackness. GLPK is GPL: this file is a test only and never part of samen.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "optim/assign.h"
#include "optim/mcf.h"
#include "util/rng.h"

/* ---- helpers ---------------------------------------------------------- */

/* Our flow is feasible and its potentials prove it optimal. */
static void assert_certificate(const struct mcf *g)
{
	int32_t n = mcf_node_count(g), m = mcf_arc_count(g);
	int64_t *bal = calloc((size_t)n + 1, sizeof *bal);
	assert_non_null(bal);
	int64_t total = 0;
	for (int32_t a = 0; a < m; a++) {
		int32_t t, h;
		int64_t cap, cost;
		assert_int_equal(mcf_arc(g, a, &t, &h, &cap, &cost), 0);
		int64_t x = mcf_flow(g, a);
		assert_true(x >= 0 && x <= cap);
		int64_t rc = cost + mcf_potential(g, t) - mcf_potential(g, h);
		if (rc < 0)
			assert_int_equal(x, cap);
		if (rc > 0)
			assert_int_equal(x, 0);
		bal[t] -= x;
		bal[h] += x;
		total += cost * x;
	}
	for (int32_t v = 0; v < n; v++)
		assert_int_equal(bal[v] + mcf_supply(g, v), 0);
	assert_int_equal(total, mcf_total_cost(g));
	free(bal);
}

/*
 * Solve the network of g with glp_mincost_okalg. GLPK refuses self-loops:
 * a loop with negative cost is always full in an optimum, so its cost x
 * capacity is added instead; other loops carry nothing. Returns GLPK's code
 * (0 or GLP_ENOPFS) and the optimal cost in *cost.
 */
static int glpk_mincost(const struct mcf *g, int64_t *cost)
{
	int32_t n = mcf_node_count(g), m = mcf_arc_count(g);
	glp_graph *G = glp_create_graph(sizeof(double), 3 * sizeof(double));
	if (n > 0)
		glp_add_vertices(G, n);
	for (int32_t v = 0; v < n; v++) {
		double b = (double)mcf_supply(g, v);
		memcpy(G->v[v + 1]->data, &b, sizeof b);
	}
	double loops = 0;
	for (int32_t a = 0; a < m; a++) {
		int32_t t, h;
		int64_t cap, c;
		mcf_arc(g, a, &t, &h, &cap, &c);
		if (t == h) {
			if (c < 0)
				loops += (double)c * (double)cap;
			continue;
		}
		glp_arc *e = glp_add_arc(G, t + 1, h + 1);
		double d[3] = {0.0, (double)cap, (double)c};
		memcpy(e->data, d, sizeof d);
	}
	double sol = 0;
	int ret = glp_mincost_okalg(G, 0, 0, sizeof(double), 2 * sizeof(double), &sol, -1, -1);
	glp_delete_graph(G);
	*cost = (int64_t)llround(sol + loops);
	return ret;
}

/* Our solve and GLPK's agree; counts feasible and infeasible outcomes. */
static void compare(struct mcf *g, enum mcf_mode mode, int *feasible, int *infeasible)
{
	enum mcf_status st;
	assert_int_equal(mcf_solve(g, mode, &st, NULL), 0);
	int64_t ours = mcf_total_cost(g);
	int64_t theirs;
	int ret = glpk_mincost(g, &theirs);
	if (ret == GLP_ENOPFS) {
		assert_int_equal(st, MCF_INFEASIBLE);
		(*infeasible)++;
		return;
	}
	assert_int_equal(ret, 0);
	assert_int_equal(st, MCF_OPTIMAL);
	assert_certificate(g);
	assert_int_equal(ours, theirs);
	(*feasible)++;
}

static void random_network(struct rng *r, struct mcf **out, int32_t nmax, int32_t mmax)
{
	struct mcf *g;
	assert_int_equal(mcf_new(&g, 0, 0, NULL), 0);
	int32_t n = (int32_t)rng_between(r, 2, nmax);
	int32_t m = (int32_t)rng_between(r, 1, mmax);
	for (int32_t v = 0; v < n; v++)
		assert_int_equal(mcf_add_node(g, 0, NULL, NULL), 0);
	for (int32_t a = 0; a < m; a++)
		assert_int_equal(mcf_add_arc(g, (int32_t)rng_below(r, (uint64_t)n),
					     (int32_t)rng_below(r, (uint64_t)n), rng_between(r, 0, 30),
					     rng_between(r, -40, 80), NULL, NULL),
				 0);
	int k = (int)rng_between(r, 0, 6);
	for (int i = 0; i < k; i++) {
		int64_t q = rng_between(r, 1, 12);
		int32_t u = (int32_t)rng_below(r, (uint64_t)n), v = (int32_t)rng_below(r, (uint64_t)n);
		assert_int_equal(mcf_set_supply(g, u, mcf_supply(g, u) + q, NULL), 0);
		assert_int_equal(mcf_set_supply(g, v, mcf_supply(g, v) - q, NULL), 0);
	}
	*out = g;
}

/* ---- cold ------------------------------------------------------------- */

static void cold_matches_glpk(void **state)
{
	(void)state;
	int feasible = 0, infeasible = 0;
	for (uint64_t seed = 1; seed <= 400; seed++) {
		struct rng r;
		rng_seed(&r, seed);
		struct mcf *g;
		random_network(&r, &g, seed % 4 == 0 ? 300 : 40, seed % 4 == 0 ? 2000 : 160);
		compare(g, MCF_COLD, &feasible, &infeasible);
		mcf_free(g);
	}
	/* the seeds exercise both outcomes */
	assert_true(feasible >= 150);
	assert_true(infeasible >= 50);
}

/* Bipartite transportation instances: deep trees, many degenerate pivots. */
static void transportation_matches_glpk(void **state)
{
	(void)state;
	int feasible = 0, infeasible = 0;
	for (uint64_t seed = 1; seed <= 60; seed++) {
		struct rng r;
		rng_seed(&r, 1000 + seed);
		struct mcf *g;
		assert_int_equal(mcf_new(&g, 0, 0, NULL), 0);
		int32_t ns = (int32_t)rng_between(&r, 5, 120), nt = (int32_t)rng_between(&r, 5, 60);
		int64_t total = 0;
		for (int32_t i = 0; i < ns; i++) {
			int64_t s = rng_between(&r, 0, 9);
			total += s;
			assert_int_equal(mcf_add_node(g, s, NULL, NULL), 0);
		}
		for (int32_t j = 0; j < nt; j++)
			assert_int_equal(mcf_add_node(g, 0, NULL, NULL), 0);
		for (int32_t j = 0; total > 0; j = (j + 1) % nt) { /* spread the demand */
			int64_t d = rng_between(&r, 1, 5);
			if (d > total)
				d = total;
			assert_int_equal(mcf_set_supply(g, ns + j, mcf_supply(g, ns + j) - d, NULL), 0);
			total -= d;
		}
		for (int32_t i = 0; i < ns; i++)
			for (int32_t j = 0; j < nt; j++)
				if (rng_chance(&r, 0.3))
					assert_int_equal(mcf_add_arc(g, i, ns + j, rng_between(&r, 1, 8),
								     rng_between(&r, 0, 100), NULL, NULL),
							 0);
		compare(g, MCF_COLD, &feasible, &infeasible);
		mcf_free(g);
	}
	assert_true(feasible >= 20);
}

/* ---- warm ------------------------------------------------------------- */

static void random_change(struct rng *r, struct mcf *g)
{
	int32_t n = mcf_node_count(g), m = mcf_arc_count(g);
	switch (rng_below(r, 7)) {
	case 0: {
		int32_t v;
		assert_int_equal(mcf_add_node(g, 0, &v, NULL), 0);
		int d = (int)rng_between(r, 1, 6);
		for (int j = 0; j < d; j++) {
			int32_t u = (int32_t)rng_below(r, (uint64_t)n);
			bool in = rng_chance(r, 0.5);
			assert_int_equal(mcf_add_arc(g, in ? u : v, in ? v : u, rng_between(r, 0, 30),
						     rng_between(r, -40, 80), NULL, NULL),
					 0);
		}
		break;
	}
	case 1:
		assert_int_equal(mcf_add_arc(g, (int32_t)rng_below(r, (uint64_t)n),
					     (int32_t)rng_below(r, (uint64_t)n), rng_between(r, 0, 30),
					     rng_between(r, -40, 80), NULL, NULL),
				 0);
		break;
	case 2: {
		int32_t a = (int32_t)rng_below(r, (uint64_t)m);
		int rc = mcf_set_cap(g, a, rng_between(r, 0, 30), NULL);
		assert_true(rc == 0 || rc == SAMEN_EINVAL); /* forbidden arcs refuse */
		break;
	}
	case 3:
		assert_int_equal(mcf_set_cost(g, (int32_t)rng_below(r, (uint64_t)m),
					      rng_between(r, -40, 80), NULL),
				 0);
		break;
	case 4:
		assert_int_equal(mcf_forbid_arc(g, (int32_t)rng_below(r, (uint64_t)m), NULL), 0);
		break;
	case 5: {
		/* isolate a node and move its supply elsewhere, keeping the sum */
		int32_t v = (int32_t)rng_below(r, (uint64_t)n), u = (int32_t)rng_below(r, (uint64_t)n);
		int64_t s = mcf_supply(g, v);
		assert_int_equal(mcf_isolate_node(g, v, NULL), 0);
		assert_int_equal(mcf_set_supply(g, u, mcf_supply(g, u) + s, NULL), 0);
		break;
	}
	default: {
		int64_t q = rng_between(r, 1, 6);
		int32_t u = (int32_t)rng_below(r, (uint64_t)n), v = (int32_t)rng_below(r, (uint64_t)n);
		assert_int_equal(mcf_set_supply(g, u, mcf_supply(g, u) + q, NULL), 0);
		assert_int_equal(mcf_set_supply(g, v, mcf_supply(g, v) - q, NULL), 0);
	}
	}
}

static void warm_matches_glpk(void **state)
{
	(void)state;
	int feasible = 0, infeasible = 0, warm = 0;
	for (uint64_t seed = 1; seed <= 300; seed++) {
		struct rng r;
		rng_seed(&r, 5000 + seed);
		struct mcf *g;
		random_network(&r, &g, 40, 160);
		enum mcf_status st;
		assert_int_equal(mcf_solve(g, MCF_COLD, &st, NULL), 0);
		for (int round = 0; round < 6; round++) {
			int ops = (int)rng_between(&r, 1, 3);
			for (int o = 0; o < ops; o++)
				random_change(&r, g);
			compare(g, MCF_WARM, &feasible, &infeasible);
			struct mcf_stats s;
			mcf_get_stats(g, &s);
			warm += s.warm;
		}
		mcf_free(g);
	}
	assert_true(feasible >= 500);
	assert_true(warm >= 500);
}

/* ---- lexicographic staffing objective against an LP ------------------- */

struct inst {
	int nb, nr, ns, nc;
	int rboard[12], rhours[12], rprio[12];
	int sboard[16], shours[16];
	int creq[80], cstaff[80], ctravel[80];
	bool callowed[80];
};

static void random_inst(struct rng *r, struct inst *in)
{
	memset(in, 0, sizeof *in);
	in->nb = (int)rng_between(r, 1, 4);
	in->nr = (int)rng_between(r, 1, 12);
	in->ns = (int)rng_between(r, 1, 16);
	for (int i = 0; i < in->nr; i++) {
		in->rboard[i] = (int)rng_below(r, (uint64_t)in->nb);
		in->rhours[i] = (int)rng_between(r, 0, 10);
		in->rprio[i] = (int)rng_between(r, 1, 3);
	}
	for (int j = 0; j < in->ns; j++) {
		in->sboard[j] = (int)rng_below(r, (uint64_t)in->nb);
		in->shours[j] = (int)rng_between(r, 0, 8);
	}
	for (int i = 0; i < in->nr; i++)
		for (int j = 0; j < in->ns && in->nc < 80; j++)
			if (rng_chance(r, 0.35)) {
				in->creq[in->nc] = i;
				in->cstaff[in->nc] = j;
				in->ctravel[in->nc] = (int)rng_between(r, 0, 90);
				in->callowed[in->nc] = rng_chance(r, 0.9);
				in->nc++;
			}
}

/*
 * Lexicographic optimum by GLPK's simplex, level by level. Columns: x_c per
 * allowed candidate, then per board K give bands and K take bands. Rows:
 * request hours, staff hours, and per board sum(give) - sum(take) - used +
 * covered = 0. Returns covered, priority-covered, travel, fairness.
 */
static void lp_lexicographic(const struct inst *in, int bands, int band_hours, int64_t out[4])
{
	glp_prob *lp = glp_create_prob();
	glp_smcp parm;
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	int nx = in->nc, nf = in->nb * bands * 2;
	glp_add_cols(lp, nx + nf);
	for (int c = 0; c < nx; c++) {
		int cap = in->rhours[in->creq[c]] < in->shours[in->cstaff[c]] ? in->rhours[in->creq[c]]
									       : in->shours[in->cstaff[c]];
		if (!in->callowed[c])
			cap = 0;
		glp_set_col_bnds(lp, c + 1, cap > 0 ? GLP_DB : GLP_FX, 0.0, cap);
	}
	for (int f = 0; f < nf; f++) {
		int k = f % bands;
		if (k + 1 < bands)
			glp_set_col_bnds(lp, nx + f + 1, GLP_DB, 0.0, band_hours);
		else
			glp_set_col_bnds(lp, nx + f + 1, GLP_LO, 0.0, 0.0);
	}
	int rows = in->nr + in->ns + in->nb;
	glp_add_rows(lp, rows + 4);
	int ne = 0, *ia = calloc(8000, sizeof *ia), *ja = calloc(8000, sizeof *ja);
	double *ar = calloc(8000, sizeof *ar);
	assert_non_null(ia);
	assert_non_null(ja);
	assert_non_null(ar);
#define PUT(i, j, v) (ne++, ia[ne] = (i), ja[ne] = (j), ar[ne] = (v))
	for (int i = 0; i < in->nr; i++)
		glp_set_row_bnds(lp, i + 1, GLP_UP, 0.0, in->rhours[i]);
	for (int j = 0; j < in->ns; j++)
		glp_set_row_bnds(lp, in->nr + j + 1, GLP_UP, 0.0, in->shours[j]);
	for (int b = 0; b < in->nb; b++)
		glp_set_row_bnds(lp, in->nr + in->ns + b + 1, GLP_FX, 0.0, 0.0);
	for (int c = 0; c < nx; c++) {
		int i = in->creq[c], j = in->cstaff[c];
		PUT(i + 1, c + 1, 1.0);
		PUT(in->nr + j + 1, c + 1, 1.0);
		/* board balance: + covered for the request's board, - used for the staff's */
		int rb = in->nr + in->ns + in->rboard[i] + 1, sb = in->nr + in->ns + in->sboard[j] + 1;
		if (rb != sb) {
			PUT(rb, c + 1, 1.0);
			PUT(sb, c + 1, -1.0);
		}
	}
	for (int b = 0; b < in->nb; b++)
		for (int k = 0; k < bands; k++) {
			PUT(in->nr + in->ns + b + 1, nx + b * 2 * bands + k + 1, 1.0);         /* give */
			PUT(in->nr + in->ns + b + 1, nx + b * 2 * bands + bands + k + 1, -1.0); /* take */
		}
	/* objective rows for fixing levels */
	int lvl_row = rows + 1;
	for (int c = 0; c < nx; c++) {
		PUT(lvl_row, c + 1, 1.0);
		PUT(lvl_row + 1, c + 1, in->rprio[in->creq[c]] - 1);
		PUT(lvl_row + 2, c + 1, in->ctravel[c]);
	}
	for (int f = 0; f < nf; f++)
		PUT(lvl_row + 3, nx + f + 1, (f % bands) + 1);
	for (int k = 0; k < 4; k++)
		glp_set_row_bnds(lp, lvl_row + k, GLP_FR, 0.0, 0.0);
	glp_load_matrix(lp, ne, ia, ja, ar);
#undef PUT
	for (int level = 0; level < 4; level++) {
		glp_set_obj_dir(lp, level < 2 ? GLP_MAX : GLP_MIN);
		for (int j = 1; j <= nx + nf; j++)
			glp_set_obj_coef(lp, j, 0.0);
		for (int c = 0; c < nx; c++) {
			double coef = level == 0   ? 1.0
				      : level == 1 ? in->rprio[in->creq[c]] - 1
				      : level == 2 ? in->ctravel[c]
						   : 0.0;
			glp_set_obj_coef(lp, c + 1, coef);
		}
		if (level == 3)
			for (int f = 0; f < nf; f++)
				glp_set_obj_coef(lp, nx + f + 1, (f % bands) + 1);
		assert_int_equal(glp_simplex(lp, &parm), 0);
		assert_int_equal(glp_get_status(lp), GLP_OPT);
		double v = glp_get_obj_val(lp);
		out[level] = (int64_t)llround(v);
		assert_true(fabs(v - (double)out[level]) < 1e-6);
		if (level < 2)
			glp_set_row_bnds(lp, lvl_row + level, GLP_LO, (double)out[level], 0.0);
		else
			glp_set_row_bnds(lp, lvl_row + level, GLP_UP, 0.0, (double)out[level]);
	}
	free(ia);
	free(ja);
	free(ar);
	glp_delete_prob(lp);
}

static void assign_lexicographic_matches_lp(void **state)
{
	(void)state;
	int cross = 0;
	for (uint64_t seed = 1; seed <= 300; seed++) {
		struct rng r;
		rng_seed(&r, 9000 + seed);
		struct inst in;
		random_inst(&r, &in);
		struct assign_params p = {.fair_band_hours = (int32_t)rng_between(&r, 1, 4),
					  .fair_bands = (int32_t)rng_between(&r, 1, 4)};
		struct assign_model *m;
		assert_int_equal(assign_new(&m, &p, NULL), 0);
		for (int i = 0; i < in.nr; i++) {
			struct assign_request q = {.id = 100 + i, .board = 7 * in.rboard[i],
						   .hours = in.rhours[i], .priority = in.rprio[i]};
			assert_int_equal(assign_add_request(m, &q, NULL, NULL), 0);
		}
		for (int j = 0; j < in.ns; j++) {
			struct assign_staff s = {.id = 500 + j, .board = 7 * in.sboard[j],
						 .hours = in.shours[j]};
			assert_int_equal(assign_add_staff(m, &s, NULL, NULL), 0);
		}
		for (int c = 0; c < in.nc; c++)
			assert_int_equal(assign_add_candidate(m, in.creq[c], in.cstaff[c], in.ctravel[c],
							      in.callowed[c], NULL, NULL),
					 0);
		struct assign_result res;
		assert_int_equal(assign_solve(m, MCF_COLD, &res, NULL), 0);
		int64_t lp[4];
		lp_lexicographic(&in, p.fair_bands, p.fair_band_hours, lp);
		assert_int_equal(res.hours_covered, lp[0]);
		assert_int_equal(res.priority_covered, lp[1]);
		assert_int_equal(res.travel, lp[2]);
		assert_int_equal(res.fairness, lp[3]);
		struct assign_weights w;
		assign_get_weights(m, &w);
		assert_int_equal(res.flow_cost, -w.cover * res.hours_covered -
							w.priority * res.priority_covered +
							w.travel * res.travel + res.fairness);
		for (size_t b = 0; b < res.nboards; b++)
			cross += res.boards[b].give > 0;
		assign_result_release(&res);
		assign_free(m);
	}
	assert_true(cross >= 50); /* help across boards happened */
}

int main(void)
{
	glp_term_out(GLP_OFF);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cold_matches_glpk),
		cmocka_unit_test(transportation_matches_glpk),
		cmocka_unit_test(warm_matches_glpk),
		cmocka_unit_test(assign_lexicographic_matches_lp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
