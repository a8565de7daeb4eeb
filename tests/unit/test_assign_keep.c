/*
 * test_assign_keep.c - the kept staffing model (optim/assign_keep.h):
 * after every change of a random instance (requests added, withdrawn,
 * re-prioritised or resized; members added, gone or resized; candidate
 * pairs added, dropped, re-timed or declined) the kept model's warm answer
 * equals a cold solve of a model built from scratch, in all four levels of
 * the objective; and bad instances are refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "optim/assign_keep.h"

#define MAXR 40
#define MAXS 40
#define MAXC 400

struct inst {
	struct assign_keep_request r[MAXR];
	size_t nr;
	struct assign_keep_staff s[MAXS];
	size_t ns;
	struct assign_keep_candidate c[MAXC];
	size_t nc;
	int64_t next_id;
};

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng_state >> 33) % n;
}

static bool has_pair(const struct inst *x, int64_t r, int64_t s)
{
	for (size_t i = 0; i < x->nc; i++)
		if (x->c[i].request_id == r && x->c[i].staff_id == s)
			return true;
	return false;
}

static void add_request(struct inst *x)
{
	if (x->nr == MAXR)
		return;
	x->r[x->nr++] = (struct assign_keep_request){x->next_id++, (int32_t)rnd(4) + 1,
						     (int32_t)rnd(12) + 1, (int32_t)rnd(3) + 1};
}

static void add_staff(struct inst *x)
{
	if (x->ns == MAXS)
		return;
	x->s[x->ns++] = (struct assign_keep_staff){x->next_id++, (int32_t)rnd(4) + 1,
						   (int32_t)rnd(8) + 1};
}

static void add_pair(struct inst *x)
{
	if (!x->nr || !x->ns || x->nc == MAXC)
		return;
	int64_t r = x->r[rnd((uint32_t)x->nr)].id, s = x->s[rnd((uint32_t)x->ns)].id;
	if (has_pair(x, r, s))
		return;
	x->c[x->nc++] = (struct assign_keep_candidate){r, s, (int32_t)rnd(60), rnd(10) != 0};
}

/* Remove the candidate pairs of a request or member id (both sides checked). */
static void drop_pairs_of(struct inst *x, int64_t id)
{
	size_t k = 0;
	for (size_t i = 0; i < x->nc; i++)
		if (x->c[i].request_id != id && x->c[i].staff_id != id)
			x->c[k++] = x->c[i];
	x->nc = k;
}

/* One random change of the instance. */
static void change(struct inst *x)
{
	switch (rnd(11)) {
	case 0: add_request(x); for (int i = 0; i < 6; i++) add_pair(x); break;
	case 1: /* withdraw a request */
		if (x->nr) {
			size_t i = rnd((uint32_t)x->nr);
			drop_pairs_of(x, x->r[i].id);
			x->nr--;
			x->r[i] = x->r[x->nr];
		}
		break;
	case 2: if (x->nr) x->r[rnd((uint32_t)x->nr)].hours = (int32_t)rnd(13); break;
	case 3: if (x->nr) x->r[rnd((uint32_t)x->nr)].priority = (int32_t)rnd(3) + 1; break;
	case 4: if (x->nr) x->r[rnd((uint32_t)x->nr)].board = (int32_t)rnd(4) + 1; break;
	case 5: add_staff(x); for (int i = 0; i < 4; i++) add_pair(x); break;
	case 6: /* a member leaves the pool */
		if (x->ns) {
			size_t i = rnd((uint32_t)x->ns);
			drop_pairs_of(x, x->s[i].id);
			x->ns--;
			x->s[i] = x->s[x->ns];
		}
		break;
	case 7: if (x->ns) x->s[rnd((uint32_t)x->ns)].hours = (int32_t)rnd(9); break;
	case 8: if (x->nc) x->c[rnd((uint32_t)x->nc)].allowed ^= true; break;
	case 9: if (x->nc) x->c[rnd((uint32_t)x->nc)].travel = (int32_t)rnd(60); break;
	default: /* drop a pair, add two */
		if (x->nc) {
			size_t i = rnd((uint32_t)x->nc);
			x->nc--;
			x->c[i] = x->c[x->nc];
		}
		add_pair(x);
		add_pair(x);
		break;
	}
}

/* The same instance in a fresh model, solved cold. */
static void cold(const struct inst *x, struct assign_result *res)
{
	struct assign_model *m = NULL;
	struct samen_err err;
	assert_int_equal(assign_new(&m, NULL, &err), 0);
	int32_t ri[MAXR], si[MAXS];
	for (size_t i = 0; i < x->nr; i++) {
		struct assign_request ar = {x->r[i].id, x->r[i].board, x->r[i].hours, x->r[i].priority};
		assert_int_equal(assign_add_request(m, &ar, &ri[i], &err), 0);
	}
	for (size_t i = 0; i < x->ns; i++) {
		struct assign_staff as = {x->s[i].id, x->s[i].board, x->s[i].hours};
		assert_int_equal(assign_add_staff(m, &as, &si[i], &err), 0);
	}
	for (size_t i = 0; i < x->nc; i++) {
		size_t a = 0, b = 0;
		while (x->r[a].id != x->c[i].request_id)
			a++;
		while (x->s[b].id != x->c[i].staff_id)
			b++;
		assert_int_equal(assign_add_candidate(m, ri[a], si[b], x->c[i].travel, x->c[i].allowed,
						      NULL, &err), 0);
	}
	assert_int_equal(assign_solve(m, MCF_COLD, res, &err), 0);
	assign_free(m);
}

static void view(const struct inst *x, struct assign_instance *in)
{
	*in = (struct assign_instance){x->r, x->nr, x->s, x->ns, x->c, x->nc};
}

static void warm_equals_cold(void **state)
{
	(void)state;
	size_t warm_solves = 0;
	for (uint64_t seed = 1; seed <= 40; seed++) {
		rng_state = seed;
		struct inst *x = calloc(1, sizeof *x);
		x->next_id = 100;
		for (int i = 0; i < 8; i++)
			add_request(x);
		for (int i = 0; i < 10; i++)
			add_staff(x);
		for (int i = 0; i < 40; i++)
			add_pair(x);
		struct assign_keep *k = NULL;
		struct samen_err err;
		assert_int_equal(assign_keep_new(&k, NULL, &err), 0);
		for (int step = 0; step < 60; step++) {
			struct assign_instance in;
			view(x, &in);
			struct assign_result w, c;
			if (assign_keep_solve(k, &in, &w, &err) != 0)
				fail_msg("seed %llu step %d: %s", (unsigned long long)seed, step, err.msg);
			cold(x, &c);
			if (w.hours_covered != c.hours_covered || w.priority_covered != c.priority_covered ||
			    w.travel != c.travel || w.fairness != c.fairness)
				fail_msg("seed %llu step %d: warm %lld/%lld/%lld/%lld, cold %lld/%lld/%lld/%lld",
					 (unsigned long long)seed, step, (long long)w.hours_covered,
					 (long long)w.priority_covered, (long long)w.travel,
					 (long long)w.fairness, (long long)c.hours_covered,
					 (long long)c.priority_covered, (long long)c.travel,
					 (long long)c.fairness);
			/* nothing assigned to a pair that is not allowed, or beyond hours */
			for (size_t i = 0; i < w.nlines; i++) {
				bool allowed = false;
				for (size_t p = 0; p < x->nc; p++)
					if (x->c[p].request_id == w.lines[i].request_id &&
					    x->c[p].staff_id == w.lines[i].staff_id)
						allowed = x->c[p].allowed;
				assert_true(w.lines[i].hours == 0 || allowed);
			}
			if (step > 0)
				warm_solves += w.warm;
			assign_result_release(&w);
			assign_result_release(&c);
			change(x);
		}
		assign_keep_free(k);
		free(x);
	}
	/* the point of keeping the model: most re-solves start from the last optimum */
	assert_true(warm_solves > 40 * 59 / 2);
}

static void refuses_bad_instances(void **state)
{
	(void)state;
	struct assign_keep *k = NULL;
	struct samen_err err;
	assert_int_equal(assign_keep_new(&k, NULL, &err), 0);
	struct assign_keep_request r[2] = {{1, 1, 4, 1}, {1, 2, 3, 1}};
	struct assign_keep_staff s[1] = {{7, 2, 5}};
	struct assign_keep_candidate c[2] = {{1, 7, 10, true}, {9, 7, 10, true}};
	struct assign_instance in = {r, 2, s, 1, c, 1};
	struct assign_result res;
	assert_int_equal(assign_keep_solve(k, &in, &res, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "request");
	in.nreqs = 1;
	in.ncands = 2;
	assert_int_equal(assign_keep_solve(k, &in, &res, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "candidate");
	/* and it still works afterwards */
	in.ncands = 1;
	assert_int_equal(assign_keep_solve(k, &in, &res, &err), 0);
	assert_int_equal(res.hours_covered, 4);
	assign_result_release(&res);
	struct assign_params bad = {0, 4};
	struct assign_keep *k2 = NULL;
	assert_int_equal(assign_keep_new(&k2, &bad, &err), SAMEN_EINVAL);
	assert_null(k2);
	assign_keep_free(k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(warm_equals_cold),
		cmocka_unit_test(refuses_bad_instances),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
