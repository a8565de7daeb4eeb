/*
 * test_mcf.c - the min-cost flow solver: hand-computed networks, infeasible
 * networks, forbidden arcs, the numeric limits, and warm (incremental)
 * re-solves that must equal cold solves on hundreds of random seeds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "optim/mcf.h"
#include "util/err.h"
#include "util/rng.h"

/* The flow is feasible and the potentials prove it optimal. */
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

static struct mcf *network(int32_t n, const int64_t *supply)
{
	struct mcf *g;
	assert_int_equal(mcf_new(&g, n, 0, NULL), 0);
	for (int32_t v = 0; v < n; v++)
		assert_int_equal(mcf_add_node(g, supply ? supply[v] : 0, NULL, NULL), 0);
	return g;
}

static int32_t arc(struct mcf *g, int32_t t, int32_t h, int64_t cap, int64_t cost)
{
	int32_t a;
	assert_int_equal(mcf_add_arc(g, t, h, cap, cost, &a, NULL), 0);
	return a;
}

static enum mcf_status solve(struct mcf *g, enum mcf_mode mode)
{
	enum mcf_status st;
	assert_int_equal(mcf_solve(g, mode, &st, NULL), 0);
	if (st == MCF_OPTIMAL)
		assert_certificate(g);
	return st;
}

/*
 * 4 units from node 0 to node 3. Paths: 0-2-3 costs 3 per unit (at most 2,
 * arc 0-2), 0-1-2-3 costs 4 (at most 2, arc 1-2), 0-1-3 costs 5. The
 * optimum sends 2 + 2 over the first two: 2*3 + 2*4 = 14.
 */
static void small_network(void **state)
{
	(void)state;
	int64_t sup[4] = {4, 0, 0, -4};
	struct mcf *g = network(4, sup);
	int32_t a01 = arc(g, 0, 1, 4, 2), a02 = arc(g, 0, 2, 2, 2), a12 = arc(g, 1, 2, 2, 1);
	int32_t a13 = arc(g, 1, 3, 3, 3), a23 = arc(g, 2, 3, 5, 1);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 14);
	assert_int_equal(mcf_flow(g, a01), 2);
	assert_int_equal(mcf_flow(g, a02), 2);
	assert_int_equal(mcf_flow(g, a12), 2);
	assert_int_equal(mcf_flow(g, a13), 0);
	assert_int_equal(mcf_flow(g, a23), 4);
	struct mcf_stats st;
	mcf_get_stats(g, &st);
	assert_false(st.warm);
	assert_true(st.pivots > 0);

	/* one more unit must take 0-1-3 at 5 */
	assert_int_equal(mcf_set_supply(g, 0, 5, NULL), 0);
	assert_int_equal(mcf_set_supply(g, 3, -5, NULL), 0);
	assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	mcf_get_stats(g, &st);
	assert_true(st.warm);
	assert_int_equal(st.augmentations, 1);
	assert_int_equal(mcf_total_cost(g), 19);
	assert_int_equal(mcf_flow(g, a13), 1);
	mcf_free(g);
}

/* A circulation with a negative cycle 0-1-2-0 of cost -5 + 1 + 1 = -3 per
 * unit and bottleneck 2 (arc 1-2): cost -6. A loop with cost -3 and
 * capacity 4 adds -12; a loop with positive cost stays empty. */
static void negative_cycle_and_loops(void **state)
{
	(void)state;
	struct mcf *g = network(3, NULL);
	int32_t a = arc(g, 0, 1, 3, -5), b = arc(g, 1, 2, 2, 1), c = arc(g, 2, 0, 4, 1);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), -6);
	assert_int_equal(mcf_flow(g, a), 2);
	assert_int_equal(mcf_flow(g, b), 2);
	assert_int_equal(mcf_flow(g, c), 2);
	int32_t l1 = arc(g, 1, 1, 4, -3), l2 = arc(g, 2, 2, 4, 7);
	assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), -18);
	assert_int_equal(mcf_flow(g, l1), 4);
	assert_int_equal(mcf_flow(g, l2), 0);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), -18);
	mcf_free(g);
}

/* Transportation: supplies 3 and 2, demands 4 and 1, costs
 *   s0->t0 4, s0->t1 6, s1->t0 5, s1->t1 3.
 * Best: s0 sends 3 to t0 (12), s1 sends 1 to t0 (5) and 1 to t1 (3): 20. */
static void transportation(void **state)
{
	(void)state;
	int64_t sup[4] = {3, 2, -4, -1};
	struct mcf *g = network(4, sup);
	int32_t a = arc(g, 0, 2, 10, 4), b = arc(g, 0, 3, 10, 6), c = arc(g, 1, 2, 10, 5);
	int32_t d = arc(g, 1, 3, 10, 3);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 20);
	assert_int_equal(mcf_flow(g, a), 3);
	assert_int_equal(mcf_flow(g, b), 0);
	assert_int_equal(mcf_flow(g, c), 1);
	assert_int_equal(mcf_flow(g, d), 1);
	/* potentials price the demand: one more unit at t0 costs 5 (from s1) */
	assert_int_equal(mcf_potential(g, 2) - mcf_potential(g, 1), 5);
	mcf_free(g);
}

static void infeasible(void **state)
{
	(void)state;
	/* capacity too small */
	int64_t sup[3] = {5, 0, -5};
	struct mcf *g = network(3, sup);
	int32_t a = arc(g, 0, 1, 5, 1);
	arc(g, 1, 2, 3, 1);
	assert_int_equal(solve(g, MCF_COLD), MCF_INFEASIBLE);
	/* a parallel arc makes it feasible: 3 units at 2, 2 units at 11 */
	int32_t p = arc(g, 1, 2, 2, 10);
	assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 5 * 1 + 3 * 1 + 2 * 10);
	/* cutting the first arc makes it infeasible again, warm */
	assert_int_equal(mcf_set_cap(g, a, 4, NULL), 0);
	assert_int_equal(solve(g, MCF_WARM), MCF_INFEASIBLE);
	assert_int_equal(solve(g, MCF_COLD), MCF_INFEASIBLE);
	/* and back: the solve after an infeasible one is cold and finds it */
	assert_int_equal(mcf_set_cap(g, a, 5, NULL), 0);
	assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 28);
	assert_int_equal(mcf_flow(g, p), 2);
	mcf_free(g);

	/* supplies that do not add up to zero */
	int64_t sup2[2] = {3, -2};
	g = network(2, sup2);
	arc(g, 0, 1, 10, 1);
	assert_int_equal(solve(g, MCF_COLD), MCF_INFEASIBLE);
	mcf_free(g);

	/* no path at all */
	int64_t sup3[3] = {1, 0, -1};
	g = network(3, sup3);
	arc(g, 1, 0, 10, 1);
	arc(g, 2, 1, 10, 1);
	assert_int_equal(solve(g, MCF_COLD), MCF_INFEASIBLE);
	mcf_free(g);
}

/* A forbidden arc carries nothing and cannot be reopened. */
static void forbidden_arcs(void **state)
{
	(void)state;
	int64_t sup[2] = {2, -2};
	struct mcf *g = network(2, sup);
	int32_t cheap = arc(g, 0, 1, 2, 1), dear = arc(g, 0, 1, 2, 5);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 2);
	assert_int_equal(mcf_forbid_arc(g, cheap, NULL), 0);
	assert_int_equal(mcf_forbid_arc(g, cheap, NULL), 0); /* idempotent */
	assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 10);
	assert_int_equal(mcf_flow(g, cheap), 0);
	assert_int_equal(mcf_flow(g, dear), 2);
	struct samen_err err;
	assert_int_equal(mcf_set_cap(g, cheap, 2, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "forbidden"));
	int64_t cap;
	assert_int_equal(mcf_arc(g, cheap, NULL, NULL, &cap, NULL), 0);
	assert_int_equal(cap, 0);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 10);
	mcf_free(g);
}

/* Isolating the middle of the cheap route sends the flow the long way. */
static void isolate_node(void **state)
{
	(void)state;
	int64_t sup[4] = {3, 0, 0, -3};
	struct mcf *g = network(4, sup);
	arc(g, 0, 1, 5, 1);
	arc(g, 1, 3, 5, 1);
	arc(g, 0, 2, 5, 4);
	int32_t far = arc(g, 2, 3, 5, 4);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 6);
	assert_int_equal(mcf_isolate_node(g, 1, NULL), 0);
	assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 24);
	assert_int_equal(mcf_flow(g, far), 3);
	/* isolating a node with supply zeroes the supply: now unbalanced */
	assert_int_equal(mcf_isolate_node(g, 0, NULL), 0);
	assert_int_equal(mcf_supply(g, 0), 0);
	assert_int_equal(solve(g, MCF_WARM), MCF_INFEASIBLE);
	mcf_free(g);
}

static void bad_input(void **state)
{
	(void)state;
	struct mcf *g = network(2, NULL);
	struct samen_err err;
	assert_int_equal(mcf_add_arc(g, 0, 2, 1, 1, NULL, &err), SAMEN_EINVAL);
	assert_int_equal(mcf_add_arc(g, 0, 1, -1, 1, NULL, &err), SAMEN_EINVAL);
	assert_int_equal(mcf_add_arc(g, 0, 1, MCF_CAP_MAX + 1, 1, NULL, &err), SAMEN_EINVAL);
	assert_int_equal(mcf_add_arc(g, 0, 1, 1, MCF_COST_MAX + 1, NULL, &err), SAMEN_EINVAL);
	assert_int_equal(mcf_add_node(g, MCF_CAP_MAX + 1, NULL, &err), SAMEN_EINVAL);
	assert_int_equal(mcf_set_supply(g, 5, 1, &err), SAMEN_EINVAL);
	assert_int_equal(mcf_set_cap(g, 0, 1, &err), SAMEN_EINVAL); /* no arc 0 yet */
	assert_int_equal(mcf_forbid_arc(g, -1, &err), SAMEN_EINVAL);
	assert_int_equal(mcf_isolate_node(g, 2, &err), SAMEN_EINVAL);
	assert_int_equal(mcf_arc(g, 0, NULL, NULL, NULL, NULL), SAMEN_EINVAL);
	assert_int_equal(mcf_flow(g, 7), 0);
	/* |cost| x capacity summed beyond 2^58 is refused before solving */
	arc(g, 0, 1, MCF_CAP_MAX, MCF_COST_MAX);
	enum mcf_status st;
	assert_int_equal(mcf_solve(g, MCF_COLD, &st, &err), SAMEN_ETOOBIG);
	assert_int_equal(err.code, SAMEN_ETOOBIG);
	mcf_free(g);
	mcf_free(NULL);
}

/* ---- warm equals cold on random networks ------------------------------ */

struct op {
	int kind;
	int32_t a, b;
	int64_t x, y;
};

static void apply(struct mcf *g, const struct op *o)
{
	int32_t v;
	switch (o->kind) {
	case 0:
		assert_int_equal(mcf_add_node(g, 0, &v, NULL), 0);
		break;
	case 1:
		assert_int_equal(mcf_add_arc(g, o->a, o->b, o->x, o->y, NULL, NULL), 0);
		break;
	case 2: {
		int rc = mcf_set_cap(g, o->a, o->x, NULL);
		assert_true(rc == 0 || rc == SAMEN_EINVAL);
		break;
	}
	case 3:
		assert_int_equal(mcf_set_cost(g, o->a, o->x, NULL), 0);
		break;
	case 4:
		assert_int_equal(mcf_forbid_arc(g, o->a, NULL), 0);
		break;
	case 5: { /* isolate a node; its supply moves to node b */
		int64_t sup = mcf_supply(g, o->a);
		assert_int_equal(mcf_isolate_node(g, o->a, NULL), 0);
		assert_int_equal(mcf_set_supply(g, o->b, mcf_supply(g, o->b) + sup, NULL), 0);
		break;
	}
	default:
		assert_int_equal(mcf_set_supply(g, o->a, mcf_supply(g, o->a) + o->x, NULL), 0);
		assert_int_equal(mcf_set_supply(g, o->b, mcf_supply(g, o->b) - o->x, NULL), 0);
	}
}

static struct op random_op(struct rng *r, const struct mcf *g)
{
	int32_t n = mcf_node_count(g), m = mcf_arc_count(g);
	struct op o = {0};
	uint64_t k = rng_below(r, 12);
	if (k == 0)
		o.kind = 0;
	else if (k <= 4)
		o.kind = 1;
	else if (k <= 6)
		o.kind = 2;
	else if (k == 7)
		o.kind = 3;
	else if (k == 8)
		o.kind = 4;
	else if (k == 9)
		o.kind = 5;
	else
		o.kind = 6;
	o.a = (int32_t)rng_below(r, (uint64_t)(o.kind == 1 || o.kind >= 5 ? n : m));
	o.b = (int32_t)rng_below(r, (uint64_t)n);
	if (o.kind == 1 && rng_chance(r, 0.5)) /* often touch the newest node */
		o.b = n - 1;
	o.x = o.kind == 3 ? rng_between(r, -50, 90) : rng_between(r, 0, 25);
	o.y = rng_between(r, -50, 90);
	if (o.kind == 5 && rng_chance(r, 0.7))
		o.kind = 6; /* isolating is drastic: less often */
	if (o.kind == 6)
		o.x = rng_between(r, 1, 6);
	return o;
}

/*
 * Two copies of the same network get the same changes; one is re-solved
 * warm after every round of changes, the other only cold. Status and
 * optimal cost must agree every time.
 */
static void warm_equals_cold(void **state)
{
	(void)state;
	int warm_solves = 0, optimal = 0, infeasible_count = 0;
	for (uint64_t seed = 1; seed <= 400; seed++) {
		struct rng r;
		rng_seed(&r, seed);
		int32_t n = (int32_t)rng_between(&r, 2, 30);
		struct mcf *w = network(n, NULL), *c = network(n, NULL);
		for (int32_t i = 0; i < n; i++) { /* an expensive two-way ring */
			struct op o = {.kind = 1, .a = i, .b = (i + 1) % n, .x = 30, .y = 60};
			apply(w, &o);
			apply(c, &o);
			o.a = (i + 1) % n;
			o.b = i;
			apply(w, &o);
			apply(c, &o);
		}
		int32_t m = (int32_t)rng_between(&r, n, 5 * n);
		for (int32_t i = 0; i < m; i++) {
			struct op o = {.kind = 1,
				       .a = (int32_t)rng_below(&r, (uint64_t)n),
				       .b = (int32_t)rng_below(&r, (uint64_t)n),
				       .x = rng_between(&r, 0, 25),
				       .y = rng_between(&r, -50, 90)};
			apply(w, &o);
			apply(c, &o);
		}
		for (int i = 0; i < 3; i++) {
			struct op o = {.kind = 6,
				       .a = (int32_t)rng_below(&r, (uint64_t)n),
				       .b = (int32_t)rng_below(&r, (uint64_t)n),
				       .x = rng_between(&r, 1, 8)};
			apply(w, &o);
			apply(c, &o);
		}
		solve(w, MCF_COLD);
		for (int round = 0; round < 6; round++) {
			int ops = (int)rng_between(&r, 1, 4);
			for (int i = 0; i < ops; i++) {
				struct op o = random_op(&r, w);
				apply(w, &o);
				apply(c, &o);
			}
			enum mcf_status sw = solve(w, MCF_WARM), sc = solve(c, MCF_COLD);
			struct mcf_stats st;
			mcf_get_stats(w, &st);
			warm_solves += st.warm;
			assert_int_equal(sw, sc);
			if (sw == MCF_OPTIMAL) {
				assert_int_equal(mcf_total_cost(w), mcf_total_cost(c));
				optimal++;
			} else {
				infeasible_count++;
			}
		}
		mcf_free(w);
		mcf_free(c);
	}
	assert_true(warm_solves >= 2000);
	assert_true(optimal >= 2000);
	assert_true(infeasible_count >= 100);
}

/*
 * One search, two augmentations: 5 units from S to T. The search reaches
 * c first through a (S -> a is added first, so scanned first) and stops at
 * T; the path S-a-c-T takes 1 unit (S -> a is full), a loses its tree path
 * and c is hung under b (already settled, zero reduced cost: the reattach
 * path of the repair), and T, still short of 4, is reached again over
 * S-b-c-T without a new search.
 */
static void warm_resumes_search(void **state)
{
	(void)state;
	enum { S, A, B, C, T };
	struct mcf *g = network(5, NULL);
	int32_t sa = arc(g, S, A, 1, 0);
	int32_t sb = arc(g, S, B, 5, 0);
	arc(g, A, C, 5, 0);
	int32_t bc = arc(g, B, C, 5, 0);
	int32_t ct = arc(g, C, T, 5, 1);
	for (int i = 0; i < 3; i++) /* T the side with more arcs: search forward */
		arc(g, T, T, 0, 0);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 0);
	assert_int_equal(mcf_set_supply(g, S, 5, NULL), 0);
	assert_int_equal(mcf_set_supply(g, T, -5, NULL), 0);
	assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	struct mcf_stats st;
	mcf_get_stats(g, &st);
	assert_true(st.warm);
	assert_int_equal(st.searches, 1);
	assert_int_equal(st.augmentations, 2);
	assert_int_equal(mcf_total_cost(g), 5);
	assert_int_equal(mcf_flow(g, sa), 1);
	assert_int_equal(mcf_flow(g, sb), 4);
	assert_int_equal(mcf_flow(g, bc), 4);
	assert_int_equal(mcf_flow(g, ct), 5);
	mcf_free(g);
}

/*
 * Ties: 20 parallel paths of one unit, S -> m_i -> T at cost i mod 3. Ten
 * units take the seven paths of cost 0 and three of cost 1, each its own
 * augmentation, all from one resumed search; then the demand drops back
 * and the flow returns, again in one search.
 */
static void warm_ties_one_search(void **state)
{
	(void)state;
	const int32_t k = 20, s = 0, t = 1;
	struct mcf *g = network(2 + k, NULL);
	for (int32_t i = 0; i < k; i++) {
		arc(g, s, 2 + i, 1, 0);
		arc(g, 2 + i, t, 1, i % 3);
	}
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_set_supply(g, s, 10, NULL), 0);
	assert_int_equal(mcf_set_supply(g, t, -10, NULL), 0);
	assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	struct mcf_stats st;
	mcf_get_stats(g, &st);
	assert_int_equal(mcf_total_cost(g), 3);
	assert_int_equal(st.augmentations, 10);
	assert_int_equal(st.searches, 1);
	assert_int_equal(mcf_set_supply(g, s, 2, NULL), 0);
	assert_int_equal(mcf_set_supply(g, t, -2, NULL), 0);
	assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	mcf_get_stats(g, &st);
	assert_true(st.warm);
	assert_int_equal(mcf_total_cost(g), 0);
	assert_int_equal(st.searches, 1);
	assert_true(st.augmentations >= 2);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), 0);
	mcf_free(g);
}

/*
 * The staffing shape in small: a hub Z feeds staff (spare hours, cost 0),
 * staff serve requests (travel 0..4: many ties), requests return to Z with
 * a reward. Requests of up to 12 hours filled from staff with 1..8 spare
 * hours are added and withdrawn one at a time, each solved warm and checked
 * against a cold copy; the warm solves need many augmentations, so the
 * search is resumed, hangs orphans under new parents and starts again.
 */
static void warm_staffing_rounds(void **state)
{
	(void)state;
	int64_t searches = 0, augmentations = 0, restarted = 0, resumed = 0;
	for (uint64_t seed = 1; seed <= 60; seed++) {
		struct rng r;
		rng_seed(&r, 1000 + seed);
		int32_t ns = (int32_t)rng_between(&r, 5, 40), nr = (int32_t)rng_between(&r, 1, 20);
		struct mcf *g[2];
		for (int c = 0; c < 2; c++)
			g[c] = network(1 + ns + nr, NULL);
		int64_t hours[64];
		for (int32_t i = 0; i < ns; i++) {
			hours[i] = rng_between(&r, 1, 8);
			for (int c = 0; c < 2; c++)
				arc(g[c], 0, 1 + i, hours[i], 0);
		}
		for (int32_t j = 0; j < nr; j++) {
			int64_t h = rng_between(&r, 2, 12);
			int32_t req = 1 + ns + j;
			int32_t deg = (int32_t)rng_between(&r, 1, 8);
			for (int32_t e = 0; e < deg; e++) {
				int32_t i = (int32_t)rng_below(&r, (uint64_t)ns);
				int64_t tr = rng_between(&r, 0, 4);
				for (int c = 0; c < 2; c++)
					arc(g[c], 1 + i, req, h < hours[i] ? h : hours[i], tr);
			}
			for (int c = 0; c < 2; c++)
				arc(g[c], req, 0, h, -100);
		}
		assert_int_equal(solve(g[0], MCF_COLD), MCF_OPTIMAL);
		for (int round = 0; round < 8; round++) {
			int64_t h = rng_between(&r, 2, 12);
			int32_t req = 0;
			for (int c = 0; c < 2; c++)
				assert_int_equal(mcf_add_node(g[c], 0, &req, NULL), 0);
			int32_t deg = (int32_t)rng_between(&r, 2, 12);
			for (int32_t e = 0; e < deg; e++) {
				int32_t i = (int32_t)rng_below(&r, (uint64_t)ns);
				int64_t tr = rng_between(&r, 0, 4);
				for (int c = 0; c < 2; c++)
					arc(g[c], 1 + i, req, h < hours[i] ? h : hours[i], tr);
			}
			for (int c = 0; c < 2; c++)
				arc(g[c], req, 0, h, -100);
			for (int step = 0; step < 2; step++) {
				if (step == 1) { /* withdraw it again */
					for (int c = 0; c < 2; c++)
						assert_int_equal(mcf_isolate_node(g[c], req, NULL), 0);
				}
				assert_int_equal(solve(g[0], MCF_WARM), MCF_OPTIMAL);
				assert_int_equal(solve(g[1], MCF_COLD), MCF_OPTIMAL);
				assert_int_equal(mcf_total_cost(g[0]), mcf_total_cost(g[1]));
				struct mcf_stats st;
				mcf_get_stats(g[0], &st);
				assert_true(st.warm);
				searches += st.searches;
				augmentations += st.augmentations;
				restarted += st.searches > 1;
				resumed += st.augmentations > st.searches;
			}
		}
		for (int c = 0; c < 2; c++)
			mcf_free(g[c]);
	}
	/* both paths are taken: searches resumed after an augmentation, and
	 * searches started again (most of the tree lost) */
	assert_true(augmentations > searches);
	assert_true(resumed >= 100);
	assert_true(restarted >= 100);
}

/*
 * Withdrawing a request in the staffing shape frees hours at two staff
 * members of board B1; one hands its surplus to B1 over its spare arc
 * (tight: partly used), the pooling step, and the searches bring it on
 * to B2, the board short of cover. Checked against a cold solve.
 */
static void warm_pools_sources(void **state)
{
	(void)state;
	enum { Z, B1, B2, S1, S2, S3, R1, R2, N };
	struct mcf *g[2];
	int32_t r1 = -1;
	for (int c = 0; c < 2; c++) {
		g[c] = network(N, NULL);
		arc(g[c], Z, B1, 10, 1); /* give band */
		arc(g[c], Z, B2, 10, 1);
		arc(g[c], B1, Z, 10, 1); /* take band */
		arc(g[c], B2, Z, 10, 1);
		arc(g[c], B1, S1, 3, 0); /* spare hours */
		arc(g[c], B1, S2, 3, 0);
		arc(g[c], B2, S3, 4, 0);
		arc(g[c], S1, R1, 3, 2); /* candidates, travel */
		arc(g[c], S2, R1, 3, 3);
		arc(g[c], S3, R1, 4, 9);
		arc(g[c], S3, R2, 4, 1);
		r1 = R1;
		arc(g[c], R1, B2, 5, -100); /* cover */
		arc(g[c], R2, B1, 2, -100);
		for (int i = 0; i < 3; i++) /* B2 the side with more arcs */
			arc(g[c], B2, B2, 0, 0);
	}
	assert_int_equal(solve(g[0], MCF_COLD), MCF_OPTIMAL);
	for (int c = 0; c < 2; c++)
		assert_int_equal(mcf_isolate_node(g[c], r1, NULL), 0);
	assert_int_equal(solve(g[0], MCF_WARM), MCF_OPTIMAL);
	assert_int_equal(solve(g[1], MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g[0]), mcf_total_cost(g[1]));
	/* only R2 is left: 2 hours of S3 (travel 1); S3 works for B2 and R2
	 * for B1, so the give and take bands carry 2 hours each */
	assert_int_equal(mcf_total_cost(g[0]), -200 + 2 * 1 + 2 * 1 + 2 * 1);
	struct mcf_stats st;
	mcf_get_stats(g[0], &st);
	assert_true(st.warm);
	assert_true(st.searches >= 1);
	assert_true(st.searches < st.augmentations); /* one search went on */
	for (int c = 0; c < 2; c++)
		mcf_free(g[c]);
}

/* A chain of new nodes, each solved warm, equals one cold solve; and the
 * warm solve of a change that needs no repair does no augmentation. */
static void warm_growth(void **state)
{
	(void)state;
	int64_t sup[2] = {0, 0};
	struct mcf *g = network(2, sup);
	arc(g, 0, 1, 100, 1);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	int32_t prev = 1;
	for (int i = 0; i < 50; i++) {
		int32_t v;
		assert_int_equal(mcf_add_node(g, 0, &v, NULL), 0);
		arc(g, prev, v, 100, (i % 7) - 2); /* some negative */
		arc(g, v, 0, 3, 1);
		prev = v;
		assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	}
	int64_t warm_cost = mcf_total_cost(g);
	assert_int_equal(solve(g, MCF_COLD), MCF_OPTIMAL);
	assert_int_equal(mcf_total_cost(g), warm_cost);
	assert_true(warm_cost < 0);
	/* a useless arc: warm, nothing to repair */
	arc(g, 0, 1, 5, 1000);
	assert_int_equal(solve(g, MCF_WARM), MCF_OPTIMAL);
	struct mcf_stats st;
	mcf_get_stats(g, &st);
	assert_true(st.warm);
	assert_int_equal(st.augmentations, 0);
	assert_int_equal(mcf_total_cost(g), warm_cost);
	mcf_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(small_network),
		cmocka_unit_test(negative_cycle_and_loops),
		cmocka_unit_test(transportation),
		cmocka_unit_test(infeasible),
		cmocka_unit_test(forbidden_arcs),
		cmocka_unit_test(isolate_node),
		cmocka_unit_test(bad_input),
		cmocka_unit_test(warm_equals_cold),
		cmocka_unit_test(warm_growth),
		cmocka_unit_test(warm_resumes_search),
		cmocka_unit_test(warm_ties_one_search),
		cmocka_unit_test(warm_staffing_rounds),
		cmocka_unit_test(warm_pools_sources),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
