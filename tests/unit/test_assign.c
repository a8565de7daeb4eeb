/*
 * test_assign.c - the staffing optimiser: the lexicographic order (cover,
 * then priority, then travel, then fairness) on hand-computed instances,
 * consent and declines, changes, and incremental re-solves equal to cold
 * ones on hundreds of random seeds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "optim/assign.h"
#include "util/err.h"
#include "util/rng.h"

static struct assign_model *model(int32_t band_hours, int32_t bands)
{
	struct assign_params p = {.fair_band_hours = band_hours, .fair_bands = bands};
	struct assign_model *m;
	assert_int_equal(assign_new(&m, &p, NULL), 0);
	return m;
}

static int32_t request(struct assign_model *m, int64_t id, int32_t board, int32_t hours,
		       int32_t prio)
{
	struct assign_request r = {.id = id, .board = board, .hours = hours, .priority = prio};
	int32_t i;
	assert_int_equal(assign_add_request(m, &r, &i, NULL), 0);
	return i;
}

static int32_t staff(struct assign_model *m, int64_t id, int32_t board, int32_t hours)
{
	struct assign_staff s = {.id = id, .board = board, .hours = hours};
	int32_t i;
	assert_int_equal(assign_add_staff(m, &s, &i, NULL), 0);
	return i;
}

static int32_t cand(struct assign_model *m, int32_t r, int32_t s, int32_t travel, bool allowed)
{
	int32_t i;
	assert_int_equal(assign_add_candidate(m, r, s, travel, allowed, &i, NULL), 0);
	return i;
}

/* Hours assigned on candidate c in res (0 when absent). */
static int32_t hours_of(const struct assign_result *res, int32_t c)
{
	for (size_t i = 0; i < res->nlines; i++)
		if (res->lines[i].candidate == c)
			return res->lines[i].hours;
	return 0;
}

static const struct assign_board *board_of(const struct assign_result *res, int32_t id)
{
	for (size_t i = 0; i < res->nboards; i++)
		if (res->boards[i].board == id)
			return &res->boards[i];
	fail_msg("board %d missing", (int)id);
	return NULL;
}

/* The combined flow cost is exactly the weighted sum of the parts. */
static void assert_consistent(const struct assign_model *m, const struct assign_result *res)
{
	struct assign_weights w;
	assign_get_weights(m, &w);
	assert_int_equal(res->flow_cost, -w.cover * res->hours_covered -
						 w.priority * res->priority_covered +
						 w.travel * res->travel + res->fairness);
	int64_t travel = 0, covered = 0;
	for (size_t i = 0; i < res->nlines; i++) {
		travel += (int64_t)res->lines[i].hours * res->lines[i].travel;
		covered += res->lines[i].hours;
	}
	assert_int_equal(travel, res->travel);
	assert_int_equal(covered, res->hours_covered);
	int64_t fair = 0;
	for (size_t b = 0; b < res->nboards; b++)
		fair += assign_fairness_cost(m, res->boards[b].give - res->boards[b].take);
	assert_int_equal(fair, res->fairness);
}

/*
 * Covering one more hour costs more travel, and cover wins. Request A wants
 * 4 hours, B wants 2. X (4 spare hours) may do A or B at 10 minutes; Y (2
 * spare hours) may only do A, at 80 minutes. Without Y, 4 hours are covered
 * with 40 minutes of travel. All 6 hours need X on B (2), X on A (2), Y on
 * A (2): 2*10 + 2*10 + 2*80 = 200 minutes. The optimiser covers 6.
 */
static void cover_beats_travel(void **state)
{
	(void)state;
	struct assign_model *m = model(4, 4);
	int32_t a = request(m, 1, 10, 4, 1), b = request(m, 2, 10, 2, 1);
	int32_t x = staff(m, 100, 10, 4), y = staff(m, 101, 10, 2);
	int32_t xa = cand(m, a, x, 10, true), xb = cand(m, b, x, 10, true);
	int32_t ya = cand(m, a, y, 80, true);
	struct assign_result res;
	assert_int_equal(assign_solve(m, MCF_COLD, &res, NULL), 0);
	assert_int_equal(res.status, MCF_OPTIMAL);
	assert_int_equal(res.hours_wanted, 6);
	assert_int_equal(res.hours_covered, 6);
	assert_int_equal(res.travel, 200);
	assert_int_equal(res.fairness, 0);
	assert_int_equal(hours_of(&res, xa), 2);
	assert_int_equal(hours_of(&res, xb), 2);
	assert_int_equal(hours_of(&res, ya), 2);
	assert_int_equal(res.nlines, 3);
	assert_consistent(m, &res);
	for (size_t i = 0; i < res.nlines; i++)
		if (res.lines[i].candidate == ya) {
			assert_int_equal(res.lines[i].request_id, 1);
			assert_int_equal(res.lines[i].staff_id, 101);
			assert_int_equal(res.lines[i].travel, 80);
		}
	assign_result_release(&res);
	assign_free(m);
}

/*
 * Priority comes before travel: one staff member (3 hours) and two requests
 * of 3 hours; the normal one (priority 1) is 5 minutes away, the urgent one
 * (priority 3) 60 minutes. Both cover 3 hours; priority picks the urgent:
 * priority_covered = (3 - 1) * 3 = 6, travel 3 * 60 = 180.
 */
static void priority_beats_travel(void **state)
{
	(void)state;
	struct assign_model *m = model(4, 4);
	int32_t r1 = request(m, 1, 10, 3, 1), r2 = request(m, 2, 10, 3, 3);
	int32_t s = staff(m, 100, 10, 3);
	int32_t c1 = cand(m, r1, s, 5, true), c2 = cand(m, r2, s, 60, true);
	struct assign_result res;
	assert_int_equal(assign_solve(m, MCF_COLD, &res, NULL), 0);
	assert_int_equal(res.hours_covered, 3);
	assert_int_equal(res.priority_covered, 6);
	assert_int_equal(res.travel, 180);
	assert_int_equal(hours_of(&res, c1), 0);
	assert_int_equal(hours_of(&res, c2), 3);
	assert_consistent(m, &res);
	assign_result_release(&res);
	assign_free(m);
}

/*
 * Travel comes before fairness: a request of board 1 (4 hours) can be done
 * by its own board's staff at 30 minutes or by board 2's at 20. Travel picks
 * board 2: 80 minutes; board 2 gives 4, board 1 takes 4; with bands of 4
 * hours f(4) = 4 for each: fairness 8. Against the other choice (120 minutes,
 * fairness 0) one minute of travel outweighs all fairness.
 */
static void travel_beats_fairness(void **state)
{
	(void)state;
	struct assign_model *m = model(4, 4);
	int32_t r = request(m, 1, 1, 4, 1);
	int32_t own = staff(m, 100, 1, 4), other = staff(m, 200, 2, 4);
	int32_t co = cand(m, r, own, 30, true), cx = cand(m, r, other, 20, true);
	struct assign_result res;
	assert_int_equal(assign_solve(m, MCF_COLD, &res, NULL), 0);
	assert_int_equal(res.hours_covered, 4);
	assert_int_equal(res.travel, 80);
	assert_int_equal(res.fairness, 8);
	assert_int_equal(hours_of(&res, co), 0);
	assert_int_equal(hours_of(&res, cx), 4);
	assert_int_equal(board_of(&res, 2)->give, 4);
	assert_int_equal(board_of(&res, 2)->take, 0);
	assert_int_equal(board_of(&res, 1)->take, 4);
	assert_consistent(m, &res);
	assign_result_release(&res);
	assign_free(m);
}

/*
 * Fairness breaks ties in travel, convexly. Board 1 has two requests of 4
 * hours; boards 2 and 3 each have a staff member with 8 spare hours, all at
 * 30 minutes. Bands of 4 hours, slopes 1 and 2: f(4) = 4, f(8) = 4 + 8 = 12.
 * All 8 hours from board 2: f(8) for board 2 and for board 1 = 24. Split
 * 4 + 4: f(4) + f(4) + f(8) = 20. The optimiser splits.
 */
static void fairness_spreads_help(void **state)
{
	(void)state;
	struct assign_model *m = model(4, 2);
	int32_t r1 = request(m, 1, 1, 4, 1), r2 = request(m, 2, 1, 4, 1);
	int32_t s2 = staff(m, 200, 2, 8), s3 = staff(m, 300, 3, 8);
	cand(m, r1, s2, 30, true);
	cand(m, r1, s3, 30, true);
	cand(m, r2, s2, 30, true);
	cand(m, r2, s3, 30, true);
	struct assign_result res;
	assert_int_equal(assign_solve(m, MCF_COLD, &res, NULL), 0);
	assert_int_equal(res.hours_covered, 8);
	assert_int_equal(res.travel, 240);
	assert_int_equal(res.fairness, 20);
	assert_int_equal(board_of(&res, 1)->take, 8);
	assert_int_equal(board_of(&res, 2)->give, 4);
	assert_int_equal(board_of(&res, 3)->give, 4);
	assert_int_equal(assign_fairness_cost(m, 8), 12);
	assert_int_equal(assign_fairness_cost(m, -9), 14);
	assert_consistent(m, &res);
	assign_result_release(&res);
	/* help within a board is free of fairness cost */
	int32_t own = staff(m, 100, 1, 8);
	cand(m, r1, own, 30, true);
	cand(m, r2, own, 30, true);
	assert_int_equal(assign_solve(m, MCF_WARM, &res, NULL), 0);
	assert_true(res.warm);
	assert_int_equal(res.hours_covered, 8);
	assert_int_equal(res.fairness, 0);
	assert_int_equal(board_of(&res, 1)->take, 0);
	assign_result_release(&res);
	assign_free(m);
}

/*
 * Consent: a pair without consent is never assigned; a person who declined
 * is not proposed again, not even when nobody else can help.
 */
static void consent_and_decline(void **state)
{
	(void)state;
	struct assign_model *m = model(4, 4);
	int32_t r = request(m, 1, 1, 5, 1);
	int32_t p = staff(m, 100, 1, 5), q = staff(m, 101, 1, 5), z = staff(m, 102, 1, 5);
	int32_t cz = cand(m, r, z, 1, false); /* nearest, but no consent */
	int32_t cp = cand(m, r, p, 10, true), cq = cand(m, r, q, 20, true);
	struct assign_result res;
	assert_int_equal(assign_solve(m, MCF_COLD, &res, NULL), 0);
	assert_int_equal(hours_of(&res, cz), 0);
	assert_int_equal(hours_of(&res, cp), 5);
	assert_int_equal(res.travel, 50);
	assign_result_release(&res);

	assert_int_equal(assign_decline(m, cp, NULL), 0);
	assert_int_equal(assign_solve(m, MCF_WARM, &res, NULL), 0);
	assert_true(res.warm);
	assert_int_equal(hours_of(&res, cp), 0);
	assert_int_equal(hours_of(&res, cq), 5);
	assert_int_equal(res.travel, 100);
	assign_result_release(&res);

	assert_int_equal(assign_decline(m, cq, NULL), 0);
	assert_int_equal(assign_decline(m, cq, NULL), 0); /* idempotent */
	assert_int_equal(assign_solve(m, MCF_WARM, &res, NULL), 0);
	assert_int_equal(res.hours_covered, 0);
	assert_int_equal(res.nlines, 0);
	assert_int_equal(res.hours_wanted, 5);
	assign_result_release(&res);
	assign_free(m);
}

/* Hours change, withdrawals, and a staff member leaving the pool. */
static void changes(void **state)
{
	(void)state;
	struct assign_model *m = model(4, 4);
	int32_t r1 = request(m, 1, 1, 6, 1), r2 = request(m, 2, 1, 3, 1);
	int32_t s1 = staff(m, 100, 1, 4), s2 = staff(m, 101, 1, 4);
	int32_t a = cand(m, r1, s1, 10, true), b = cand(m, r1, s2, 15, true);
	int32_t c = cand(m, r2, s2, 5, true);
	struct assign_result res;
	/* 8 spare hours for 9 wanted: covered 8; travel 4*10 + 1*15 + 3*5 = 70
	 * (r2 on s2 saves travel over r1 on s2) */
	assert_int_equal(assign_solve(m, MCF_COLD, &res, NULL), 0);
	assert_int_equal(res.hours_covered, 8);
	assert_int_equal(res.travel, 70);
	assign_result_release(&res);

	/* r1 now wants 2: s1 2 at 10, s2 3 on r2 at 5: travel 35 */
	assert_int_equal(assign_set_request_hours(m, r1, 2, NULL), 0);
	assert_int_equal(assign_solve(m, MCF_WARM, &res, NULL), 0);
	assert_int_equal(res.hours_covered, 5);
	assert_int_equal(res.travel, 35);
	assert_int_equal(hours_of(&res, a), 2);
	assign_result_release(&res);

	/* s1 has only 1 spare hour left: r1 gets 1 from s1 and 1 from s2 */
	assert_int_equal(assign_set_staff_hours(m, s1, 1, NULL), 0);
	assert_int_equal(assign_solve(m, MCF_WARM, &res, NULL), 0);
	assert_int_equal(res.hours_covered, 5);
	assert_int_equal(res.travel, 10 + 15 + 15);
	assert_int_equal(hours_of(&res, b), 1);
	assign_result_release(&res);

	/* r2 withdrawn: r1 keeps 2 hours, travel 25 */
	assert_int_equal(assign_withdraw_request(m, r2, NULL), 0);
	assert_int_equal(assign_solve(m, MCF_WARM, &res, NULL), 0);
	assert_int_equal(res.hours_wanted, 2);
	assert_int_equal(res.hours_covered, 2);
	assert_int_equal(res.travel, 25);
	assert_int_equal(hours_of(&res, c), 0);
	assign_result_release(&res);

	/* s2 leaves the pool: only s1's single hour is left */
	assert_int_equal(assign_withdraw_staff(m, s2, NULL), 0);
	assert_int_equal(assign_solve(m, MCF_WARM, &res, NULL), 0);
	assert_int_equal(res.hours_covered, 1);
	assert_int_equal(res.travel, 10);
	assign_result_release(&res);

	struct samen_err err;
	assert_int_equal(assign_set_request_hours(m, r2, 3, &err), SAMEN_EINVAL);
	assert_int_equal(assign_set_staff_hours(m, s2, 3, &err), SAMEN_EINVAL);
	assign_free(m);
}

static void bad_input(void **state)
{
	(void)state;
	struct assign_model *m;
	struct samen_err err;
	struct assign_params p = {.fair_band_hours = 0, .fair_bands = 4};
	assert_int_equal(assign_new(&m, &p, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "fair_band_hours");
	p = (struct assign_params){.fair_band_hours = 4, .fair_bands = 17};
	assert_int_equal(assign_new(&m, &p, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "fair_bands");
	assert_int_equal(assign_new(&m, NULL, &err), 0);
	struct assign_request r = {.id = 1, .board = 1, .hours = 4, .priority = 0};
	assert_int_equal(assign_add_request(m, &r, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "priority");
	r.priority = 1;
	r.hours = ASSIGN_HOURS_MAX + 1;
	assert_int_equal(assign_add_request(m, &r, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "hours");
	struct assign_staff s = {.id = 2, .board = 1, .hours = -1};
	assert_int_equal(assign_add_staff(m, &s, NULL, &err), SAMEN_EINVAL);
	assert_int_equal(assign_add_candidate(m, 0, 0, 5, true, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "request");
	r.hours = 4;
	s.hours = 4;
	assert_int_equal(assign_add_request(m, &r, NULL, &err), 0);
	assert_int_equal(assign_add_staff(m, &s, NULL, &err), 0);
	assert_int_equal(assign_add_candidate(m, 0, 0, ASSIGN_TRAVEL_MAX + 1, true, NULL, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "travel");
	assert_int_equal(assign_decline(m, 3, &err), SAMEN_EINVAL);
	assert_int_equal(assign_withdraw_request(m, 5, &err), SAMEN_EINVAL);
	assign_free(m);
	assign_free(NULL);
	assign_result_release(NULL);
}

/* ---- incremental equals from scratch ---------------------------------- */

static bool same_parts(const struct assign_result *a, const struct assign_result *b)
{
	return a->hours_wanted == b->hours_wanted && a->hours_covered == b->hours_covered &&
	       a->priority_covered == b->priority_covered && a->travel == b->travel &&
	       a->fairness == b->fairness && a->flow_cost == b->flow_cost;
}

/*
 * Random regions, changed step by step as the pool changes in practice;
 * after every step a warm solve must reach exactly the objective of a cold
 * solve of the same model (all four parts and the combined cost).
 */
static void incremental_equals_cold(void **state)
{
	(void)state;
	int warm = 0, steps = 0, cross = 0;
	for (uint64_t seed = 1; seed <= 300; seed++) {
		struct rng r;
		rng_seed(&r, 77 + seed);
		struct assign_model *m = model((int32_t)rng_between(&r, 1, 6),
					       (int32_t)rng_between(&r, 1, 5));
		int32_t boards = (int32_t)rng_between(&r, 1, 5);
		int32_t nr = (int32_t)rng_between(&r, 1, 15), ns = (int32_t)rng_between(&r, 1, 25);
		for (int32_t i = 0; i < ns; i++)
			staff(m, 1000 + i, (int32_t)rng_below(&r, (uint64_t)boards),
			      (int32_t)rng_between(&r, 0, 8));
		for (int32_t i = 0; i < nr; i++) {
			int32_t q = request(m, i, (int32_t)rng_below(&r, (uint64_t)boards),
					    (int32_t)rng_between(&r, 0, 12), (int32_t)rng_between(&r, 1, 3));
			for (int32_t j = 0; j < ns; j++)
				if (rng_chance(&r, 0.3))
					cand(m, q, j, (int32_t)rng_between(&r, 0, 90), rng_chance(&r, 0.9));
		}
		struct assign_result res, cold;
		assert_int_equal(assign_solve(m, MCF_COLD, &res, NULL), 0);
		assign_result_release(&res);
		for (int step = 0; step < 8; step++) {
			switch (rng_below(&r, 7)) {
			case 0: { /* a new request */
				int32_t q = request(m, 500 + step, (int32_t)rng_below(&r, (uint64_t)boards),
						    (int32_t)rng_between(&r, 1, 12),
						    (int32_t)rng_between(&r, 1, 3));
				for (int32_t j = 0; j < ns; j++)
					if (rng_chance(&r, 0.3))
						cand(m, q, j, (int32_t)rng_between(&r, 0, 90), true);
				nr++;
				break;
			}
			case 1: /* hours changed */
				(void)assign_set_request_hours(m, (int32_t)rng_below(&r, (uint64_t)nr),
							       (int32_t)rng_between(&r, 0, 12), NULL);
				break;
			case 2:
				(void)assign_set_staff_hours(m, (int32_t)rng_below(&r, (uint64_t)ns),
							     (int32_t)rng_between(&r, 0, 8), NULL);
				break;
			case 3:
				assert_int_equal(assign_withdraw_request(m, (int32_t)rng_below(&r, (uint64_t)nr),
									 NULL),
						 0);
				break;
			case 4:
				if (rng_chance(&r, 0.5))
					assert_int_equal(assign_withdraw_staff(
								 m, (int32_t)rng_below(&r, (uint64_t)ns), NULL),
							 0);
				break;
			case 5: { /* a new staff member with candidates */
				int32_t j = staff(m, 2000 + step, (int32_t)rng_below(&r, (uint64_t)boards),
						  (int32_t)rng_between(&r, 1, 8));
				ns++;
				for (int32_t q = 0; q < nr; q++)
					if (rng_chance(&r, 0.3))
						cand(m, q, j, (int32_t)rng_between(&r, 0, 90), true);
				break;
			}
			default: /* a decline of an assigned pair when there is one */
				assert_int_equal(assign_solve(m, MCF_WARM, &res, NULL), 0);
				if (res.nlines > 0)
					assert_int_equal(
						assign_decline(m,
							       res.lines[rng_below(&r, res.nlines)].candidate,
							       NULL),
						0);
				assign_result_release(&res);
			}
			assert_int_equal(assign_solve(m, MCF_WARM, &res, NULL), 0);
			warm += res.warm;
			assert_consistent(m, &res);
			assert_int_equal(assign_solve(m, MCF_COLD, &cold, NULL), 0);
			assert_false(cold.warm);
			assert_true(same_parts(&res, &cold));
			for (size_t b = 0; b < cold.nboards; b++)
				cross += cold.boards[b].give > 0;
			steps++;
			assign_result_release(&res);
			assign_result_release(&cold);
		}
		assign_free(m);
	}
	assert_int_equal(steps, 2400);
	assert_true(warm >= 2000);
	assert_true(cross >= 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cover_beats_travel),
		cmocka_unit_test(priority_beats_travel),
		cmocka_unit_test(travel_beats_fairness),
		cmocka_unit_test(fairness_spreads_help),
		cmocka_unit_test(consent_and_decline),
		cmocka_unit_test(changes),
		cmocka_unit_test(bad_input),
		cmocka_unit_test(incremental_equals_cold),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
