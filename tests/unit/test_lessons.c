/*
 * test_lessons.c - the lesson-level staffing optimiser: clashes in time and
 * through travel, spare minutes, declined options, the lexicographic order
 * (cover, priority, travel, fairness) on hand-computed cases, withdrawal,
 * re-solves, and a brute-force oracle (every assignment enumerated) on
 * hundreds of tiny random instances, solved with grouped levels and one
 * level per stage, each with and without the LP fast path.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "optim/lessons.h"
#include "util/err.h"
#include "util/rng.h"

/* Locations on a line, 10 minutes apart per step. */
static int32_t line_travel(void *ctx, int32_t from, int32_t to)
{
	(void)ctx;
	int32_t d = from - to;
	return 10 * (d < 0 ? -d : d);
}

static struct lessons_model *model(int32_t band, int32_t bands)
{
	struct lessons_params p = {.fair_band_minutes = band, .fair_bands = bands};
	struct lessons_model *m;
	assert_int_equal(lessons_new(&m, &p, line_travel, NULL, NULL), 0);
	return m;
}

static int32_t request(struct lessons_model *m, int32_t board, int32_t loc, int32_t prio)
{
	struct lessons_request r = {.id = 1000, .board = board, .location = loc, .priority = prio};
	int32_t i;
	assert_int_equal(lessons_add_request(m, &r, &i, NULL), 0);
	return i;
}

static int32_t lesson(struct lessons_model *m, int32_t req, int32_t day, int32_t start,
		      int32_t end)
{
	struct lessons_lesson l = {.id = 2000, .request = req, .weekday = day, .start = start,
				   .end = end};
	int32_t i;
	assert_int_equal(lessons_add_lesson(m, &l, &i, NULL), 0);
	return i;
}

static int32_t staff(struct lessons_model *m, int32_t board, int32_t minutes)
{
	struct lessons_staff s = {.id = 3000, .board = board, .location = 0, .minutes = minutes};
	int32_t i;
	assert_int_equal(lessons_add_staff(m, &s, &i, NULL), 0);
	return i;
}

static void option(struct lessons_model *m, int32_t s, int32_t l, int32_t travel, bool allowed)
{
	assert_int_equal(lessons_add_option(m, s, l, travel, allowed, NULL), 0);
}

/* Staff index giving lesson l in res, -1 if none. */
static int32_t giver(const struct lessons_result *res, int32_t l)
{
	for (size_t i = 0; i < res->nlines; i++)
		if (res->lines[i].lesson == l)
			return res->lines[i].staff;
	return -1;
}

static void solve(struct lessons_model *m, struct lessons_result *res)
{
	struct samen_err err = {0};
	assert_int_equal(lessons_solve(m, res, &err), 0);
	assert_int_equal(res->status, LESSONS_OPTIMAL);
	assert_int_equal(res->bound_minutes, res->minutes_covered);
}

/* ---- hand-computed cases --------------------------------------------- */

static void test_same_time_one_each(void **state)
{
	(void)state;
	struct lessons_model *m = model(200, 4);
	int32_t r = request(m, 1, 0, 1);
	int32_t a = lesson(m, r, 1, 510, 560), b = lesson(m, r, 1, 530, 580);
	int32_t s = staff(m, 1, 1000);
	option(m, s, a, 0, true);
	option(m, s, b, 0, true);
	assert_true(lessons_clash(m, a, b));
	struct lessons_result res;
	solve(m, &res);
	assert_int_equal(res.nlines, 1);
	assert_int_equal(res.minutes_covered, 50);
	assert_int_equal(res.minutes_wanted, 100);
	lessons_result_release(&res);
	/* a second person: both lessons covered */
	int32_t t = staff(m, 1, 1000);
	option(m, t, b, 0, true);
	solve(m, &res);
	assert_int_equal(res.minutes_covered, 100);
	assert_int_not_equal(giver(&res, a), giver(&res, b));
	lessons_result_release(&res);
	lessons_free(m);
}

static void test_travel_gap(void **state)
{
	(void)state;
	struct lessons_model *m = model(200, 4);
	int32_t r0 = request(m, 1, 0, 1), r3 = request(m, 1, 3, 1); /* 30 min apart */
	int32_t a = lesson(m, r0, 2, 480, 530);
	int32_t b = lesson(m, r3, 2, 550, 600); /* gap 20 < 30: clash */
	int32_t c = lesson(m, r3, 2, 560, 610); /* gap 30: fine after a */
	int32_t d = lesson(m, r3, 3, 530, 580); /* other day */
	assert_true(lessons_clash(m, a, b));
	assert_true(lessons_clash(m, b, a));
	assert_false(lessons_clash(m, a, c));
	assert_false(lessons_clash(m, c, a));
	assert_false(lessons_clash(m, a, d));
	assert_true(lessons_clash(m, b, c)); /* overlap, same place */
	assert_true(lessons_clash(m, a, a));
	assert_false(lessons_clash(m, a, 99));

	/* one person, a and b: only one */
	int32_t s = staff(m, 1, 1000);
	option(m, s, a, 0, true);
	option(m, s, b, 0, true);
	struct lessons_result res;
	solve(m, &res);
	assert_int_equal(res.minutes_covered, 50);
	lessons_result_release(&res);
	lessons_free(m);

	/* with enough gap both */
	m = model(200, 4);
	r0 = request(m, 1, 0, 1);
	r3 = request(m, 1, 3, 1);
	a = lesson(m, r0, 2, 480, 530);
	c = lesson(m, r3, 2, 560, 610);
	s = staff(m, 1, 1000);
	option(m, s, a, 5, true);
	option(m, s, c, 7, true);
	solve(m, &res);
	assert_int_equal(res.minutes_covered, 100);
	assert_int_equal(res.travel, 12);
	assert_int_equal(giver(&res, a), s);
	assert_int_equal(giver(&res, c), s);
	lessons_result_release(&res);
	lessons_free(m);
}

static void test_spare_minutes(void **state)
{
	(void)state;
	struct lessons_model *m = model(200, 4);
	int32_t r = request(m, 1, 0, 1);
	int32_t a = lesson(m, r, 1, 480, 530), b = lesson(m, r, 2, 480, 530);
	int32_t c = lesson(m, r, 3, 480, 560); /* 80 minutes */
	int32_t s = staff(m, 1, 100);
	option(m, s, a, 0, true);
	option(m, s, b, 0, true);
	option(m, s, c, 0, true);
	struct lessons_result res;
	solve(m, &res);
	/* 50 + 50 = 100 beats 80 (+ nothing else fits with it beyond 100) */
	assert_int_equal(res.minutes_covered, 100);
	assert_int_equal(giver(&res, c), -1);
	lessons_result_release(&res);
	lessons_free(m);

	/* a lesson longer than the spare minutes is never given */
	m = model(200, 4);
	r = request(m, 1, 0, 1);
	a = lesson(m, r, 1, 480, 600);
	s = staff(m, 1, 100);
	option(m, s, a, 0, true);
	solve(m, &res);
	assert_int_equal(res.nlines, 0);
	assert_int_equal(res.minutes_wanted, 120);
	lessons_result_release(&res);
	lessons_free(m);
}

static void test_declined(void **state)
{
	(void)state;
	struct lessons_model *m = model(200, 4);
	int32_t r = request(m, 1, 0, 9);
	int32_t a = lesson(m, r, 1, 480, 530);
	int32_t s = staff(m, 1, 1000), t = staff(m, 2, 1000);
	option(m, s, a, 0, false);
	option(m, t, a, 500, true);
	struct samen_err err = {0};
	assert_int_equal(lessons_add_option(m, s, a, 0, true, &err), SAMEN_EEXIST);
	struct lessons_result res;
	solve(m, &res);
	assert_int_equal(giver(&res, a), t);
	assert_int_equal(res.travel, 500);
	lessons_result_release(&res);
	lessons_free(m);

	m = model(200, 4);
	r = request(m, 1, 0, 9);
	a = lesson(m, r, 1, 480, 530);
	s = staff(m, 1, 1000);
	option(m, s, a, 0, false);
	solve(m, &res);
	assert_int_equal(res.nlines, 0);
	assert_int_equal(res.minutes_covered, 0);
	lessons_result_release(&res);
	lessons_free(m);
}

static void test_priority_order(void **state)
{
	(void)state;
	struct lessons_model *m = model(200, 4);
	int32_t lo = request(m, 1, 0, 1), hi = request(m, 1, 0, 5);
	int32_t a = lesson(m, lo, 1, 480, 530), b = lesson(m, hi, 1, 500, 550);
	int32_t c = lesson(m, lo, 1, 600, 700); /* 100 minutes, low priority */
	int32_t s = staff(m, 1, 1000), t = staff(m, 1, 100);
	option(m, s, a, 0, true);
	option(m, s, b, 300, true);
	option(m, t, c, 0, true);
	option(m, t, b, 0, true);
	struct lessons_result res;
	solve(m, &res);
	/* cover first: c (100) by t, then b (priority 5) rather than a, by s */
	assert_int_equal(res.minutes_covered, 150);
	assert_int_equal(giver(&res, c), t);
	assert_int_equal(giver(&res, b), s);
	assert_int_equal(giver(&res, a), -1);
	assert_int_equal(res.priority_covered, 4 * 50);
	assert_int_equal(res.travel, 300);
	lessons_result_release(&res);
	lessons_free(m);
}

static void test_travel_tiebreak(void **state)
{
	(void)state;
	struct lessons_model *m = model(200, 4);
	int32_t r = request(m, 1, 0, 1);
	int32_t a = lesson(m, r, 1, 480, 530), b = lesson(m, r, 2, 480, 530);
	int32_t s = staff(m, 1, 1000), t = staff(m, 1, 1000);
	option(m, s, a, 40, true);
	option(m, t, a, 10, true);
	option(m, s, b, 5, true);
	option(m, t, b, 30, true);
	struct lessons_result res;
	solve(m, &res);
	assert_int_equal(giver(&res, a), t);
	assert_int_equal(giver(&res, b), s);
	assert_int_equal(res.travel, 15);
	/* lines ordered by request then lesson, ids copied */
	assert_int_equal(res.nlines, 2);
	assert_int_equal(res.lines[0].lesson, a);
	assert_int_equal(res.lines[0].lesson_id, 2000);
	assert_int_equal(res.lines[0].staff_id, 3000);
	assert_int_equal(res.lines[0].minutes, 50);
	assert_int_equal(res.lines[0].travel, 10);
	lessons_result_release(&res);
	lessons_free(m);
}

static void test_fairness_tiebreak(void **state)
{
	(void)state;
	/* board 1 already gives 100 to board 2; a lesson of board 3 can be given by
	 * board 1 or board 2 at the same travel: board 2 makes it fairer */
	struct lessons_model *m = model(50, 4);
	int32_t r2 = request(m, 2, 0, 1), r3 = request(m, 3, 0, 1);
	int32_t a = lesson(m, r2, 1, 480, 580);
	int32_t b = lesson(m, r3, 2, 480, 580);
	int32_t s1 = staff(m, 1, 1000), s2 = staff(m, 2, 1000);
	option(m, s1, a, 0, true);
	option(m, s1, b, 0, true);
	option(m, s2, b, 0, true);
	struct lessons_result res;
	solve(m, &res);
	assert_int_equal(giver(&res, a), s1);
	assert_int_equal(giver(&res, b), s2);
	/* board 1 +100, board 2 -100 + 100 = 0, board 3 -100: f(100) = 50 + 2*50 */
	assert_int_equal(res.fairness, 150 + 150);
	assert_int_equal(res.nboards, 3);
	for (size_t i = 0; i < res.nboards; i++)
		if (res.boards[i].board == 2) {
			assert_int_equal(res.boards[i].give, 100);
			assert_int_equal(res.boards[i].take, 100);
		}
	lessons_result_release(&res);
	lessons_free(m);
}

static void test_fairness_convex(void **state)
{
	(void)state;
	/* two lessons of board 3; board 1 can give both, board 2 only b. One
	 * giver for both puts board 1 at +100 = f(100) = 50 + 2 x 50; spreading
	 * gives f(50) + f(50): the convex bands prefer spreading */
	struct lessons_model *m = model(50, 2);
	int32_t r3 = request(m, 3, 0, 1);
	int32_t a = lesson(m, r3, 1, 480, 530), b = lesson(m, r3, 2, 480, 530);
	int32_t s1 = staff(m, 1, 1000), s2 = staff(m, 2, 1000);
	option(m, s1, a, 0, true);
	option(m, s1, b, 0, true);
	option(m, s2, b, 0, true);
	struct lessons_result res;
	solve(m, &res);
	assert_int_equal(giver(&res, a), s1);
	assert_int_equal(giver(&res, b), s2);
	assert_int_equal(res.fairness, 50 + 50 + (50 + 2 * 50));
	lessons_result_release(&res);
	lessons_free(m);
}

static void test_withdraw_and_resolve(void **state)
{
	(void)state;
	struct lessons_model *m = model(200, 4);
	int32_t r = request(m, 1, 0, 1), q = request(m, 1, 0, 1);
	int32_t a = lesson(m, r, 1, 480, 530), b = lesson(m, q, 1, 480, 530);
	int32_t s = staff(m, 1, 1000);
	option(m, s, a, 0, true);
	option(m, s, b, 10, true);
	struct lessons_result res;
	solve(m, &res);
	assert_int_equal(giver(&res, a), s);
	lessons_result_release(&res);
	assert_int_equal(lessons_withdraw_request(m, r, NULL), 0);
	solve(m, &res);
	assert_int_equal(giver(&res, a), -1);
	assert_int_equal(giver(&res, b), s);
	assert_int_equal(res.minutes_wanted, 50);
	lessons_result_release(&res);
	struct samen_err err = {0};
	assert_int_equal(lessons_withdraw_request(m, 7, &err), SAMEN_EINVAL);
	struct lessons_lesson l = {.request = r, .weekday = 1, .start = 0, .end = 10};
	assert_int_equal(lessons_add_lesson(m, &l, NULL, &err), SAMEN_EINVAL);
	lessons_free(m);
}

static void test_invalid(void **state)
{
	(void)state;
	struct samen_err err = {0};
	struct lessons_model *m;
	struct lessons_params p = {.fair_band_minutes = 0, .fair_bands = 4};
	assert_int_equal(lessons_new(&m, &p, NULL, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "fair_band_minutes");
	p = (struct lessons_params){.fair_band_minutes = 10, .fair_bands = 17};
	assert_int_equal(lessons_new(&m, &p, NULL, NULL, &err), SAMEN_EINVAL);
	m = model(200, 4);
	struct lessons_request r = {.priority = 0};
	assert_int_equal(lessons_add_request(m, &r, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "priority");
	int32_t q = request(m, 1, 0, 1);
	struct lessons_lesson l = {.request = q, .weekday = 8, .start = 0, .end = 10};
	assert_int_equal(lessons_add_lesson(m, &l, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "weekday");
	l = (struct lessons_lesson){.request = q, .weekday = 1, .start = 100, .end = 100};
	assert_int_equal(lessons_add_lesson(m, &l, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "end");
	l.request = 5;
	assert_int_equal(lessons_add_lesson(m, &l, NULL, &err), SAMEN_EINVAL);
	struct lessons_staff s = {.minutes = LESSONS_MINUTES_MAX + 1};
	assert_int_equal(lessons_add_staff(m, &s, NULL, &err), SAMEN_EINVAL);
	int32_t a = lesson(m, q, 1, 0, 10), t = staff(m, 1, 100);
	assert_int_equal(lessons_add_option(m, t, a, LESSONS_TRAVEL_MAX + 1, true, &err),
			 SAMEN_EINVAL);
	assert_int_equal(lessons_add_option(m, t + 1, a, 0, true, &err), SAMEN_EINVAL);
	assert_int_equal(lessons_add_option(m, t, a + 1, 0, true, &err), SAMEN_EINVAL);
	/* an empty solve */
	struct lessons_result res;
	solve(m, &res);
	assert_int_equal(res.nlines, 0);
	assert_int_equal(res.minutes_wanted, 10);
	lessons_result_release(&res);
	lessons_result_release(NULL);
	lessons_free(m);
	lessons_free(NULL);
}

/* ---- brute force ------------------------------------------------------ */

struct inst {
	int nreq, nles, nstaff, nopt;
	int32_t rboard[4], rloc[4], rprio[4];
	int32_t lreq[7], lday[7], lstart[7], lend[7];
	int32_t sboard[4], smin[4];
	int32_t ostaff[24], oles[24], otravel[24];
	bool oallowed[24];
	int32_t band, bands;
};

static void random_inst(struct rng *g, struct inst *in)
{
	memset(in, 0, sizeof *in);
	in->band = (int32_t)rng_between(g, 10, 120);
	in->bands = (int32_t)rng_between(g, 1, 4);
	in->nreq = (int)rng_between(g, 1, 4);
	for (int r = 0; r < in->nreq; r++) {
		in->rboard[r] = (int32_t)rng_between(g, 1, 3);
		in->rloc[r] = (int32_t)rng_between(g, 0, 4);
		in->rprio[r] = (int32_t)rng_between(g, 1, 4);
	}
	in->nles = (int)rng_between(g, 1, 6);
	for (int l = 0; l < in->nles; l++) {
		in->lreq[l] = (int32_t)rng_below(g, (uint64_t)in->nreq);
		in->lday[l] = (int32_t)rng_between(g, 1, 2);
		in->lstart[l] = 480 + 10 * (int32_t)rng_between(g, 0, 20);
		in->lend[l] = in->lstart[l] + 10 * (int32_t)rng_between(g, 3, 9);
	}
	in->nstaff = (int)rng_between(g, 1, 3);
	for (int s = 0; s < in->nstaff; s++) {
		in->sboard[s] = (int32_t)rng_between(g, 1, 3);
		in->smin[s] = 10 * (int32_t)rng_between(g, 0, 25);
	}
	for (int s = 0; s < in->nstaff; s++)
		for (int l = 0; l < in->nles; l++) {
			if (!rng_chance(g, 0.6))
				continue;
			int o = in->nopt++;
			in->ostaff[o] = s;
			in->oles[o] = l;
			in->otravel[o] = (int32_t)rng_between(g, 0, 40);
			in->oallowed[o] = rng_chance(g, 0.9);
		}
}

static int64_t fcost(const struct inst *in, int64_t v)
{
	v = v < 0 ? -v : v;
	int64_t c = 0;
	for (int k = 1; k <= in->bands && v > 0; k++) {
		int64_t x = k < in->bands && v > in->band ? in->band : v;
		c += k * x;
		v -= x;
	}
	return c;
}

static bool clash_ref(const struct inst *in, int a, int b)
{
	if (in->lday[a] != in->lday[b])
		return false;
	int32_t la = in->rloc[in->lreq[a]], lb = in->rloc[in->lreq[b]];
	int32_t t = 10 * (la > lb ? la - lb : lb - la);
	return !(in->lend[a] + t <= in->lstart[b] || in->lend[b] + t <= in->lstart[a]);
}

/* Lexicographically best levels (cover, prio, -travel, -fair) by enumeration. */
static void brute(const struct inst *in, int64_t best[4])
{
	int choice[7]; /* option index or -1 */
	int nchoice[7], opts[7][4];
	for (int l = 0; l < in->nles; l++) {
		nchoice[l] = 0;
		for (int o = 0; o < in->nopt; o++)
			if (in->oles[o] == l && in->oallowed[o])
				opts[l][nchoice[l]++] = o;
		choice[l] = -1;
	}
	best[0] = -1;
	for (;;) {
		/* evaluate */
		bool ok = true;
		int64_t used[4] = {0}, net[4] = {0}, lv[4] = {0};
		for (int l = 0; l < in->nles && ok; l++) {
			if (choice[l] < 0)
				continue;
			int o = choice[l], s = in->ostaff[o];
			int32_t mins = in->lend[l] - in->lstart[l];
			used[s] += mins;
			ok = used[s] <= in->smin[s];
			for (int k = 0; k < l && ok; k++)
				if (choice[k] >= 0 && in->ostaff[choice[k]] == s)
					ok = !clash_ref(in, k, l);
			lv[0] += mins;
			lv[1] += (in->rprio[in->lreq[l]] - 1) * mins;
			lv[2] -= in->otravel[o];
			int32_t sb = in->sboard[s], rb = in->rboard[in->lreq[l]];
			if (sb != rb) {
				net[sb] += mins;
				net[rb] -= mins;
			}
		}
		if (ok) {
			for (int b = 1; b <= 3; b++)
				lv[3] -= fcost(in, net[b]);
			bool better = best[0] < 0;
			for (int k = 0; k < 4 && !better; k++) {
				if (lv[k] != best[k]) {
					better = lv[k] > best[k];
					break;
				}
			}
			if (better)
				memcpy(best, lv, sizeof lv);
		}
		/* next combination */
		int l = 0;
		for (; l < in->nles; l++) {
			int pos = -1;
			for (int k = 0; k < nchoice[l]; k++)
				if (opts[l][k] == choice[l])
					pos = k;
			if (pos + 1 < nchoice[l]) {
				choice[l] = opts[l][pos + 1];
				break;
			}
			choice[l] = -1;
		}
		if (l == in->nles)
			break;
	}
}

static struct lessons_model *load(const struct inst *in)
{
	struct lessons_model *m = model(in->band, in->bands);
	for (int r = 0; r < in->nreq; r++)
		request(m, in->rboard[r], in->rloc[r], in->rprio[r]);
	for (int l = 0; l < in->nles; l++)
		lesson(m, in->lreq[l], in->lday[l], in->lstart[l], in->lend[l]);
	for (int s = 0; s < in->nstaff; s++)
		staff(m, in->sboard[s], in->smin[s]);
	for (int o = 0; o < in->nopt; o++)
		option(m, in->ostaff[o], in->oles[o], in->otravel[o], in->oallowed[o]);
	return m;
}

static void check_result(const struct inst *in, const struct lessons_model *m,
			 const struct lessons_result *res, const int64_t best[4])
{
	assert_int_equal(res->minutes_covered, best[0]);
	assert_int_equal(res->priority_covered, best[1]);
	assert_int_equal(res->travel, -best[2]);
	assert_int_equal(res->fairness, -best[3]);
	/* the assignment itself is feasible and matches its levels */
	int64_t used[4] = {0}, cov = 0;
	for (size_t i = 0; i < res->nlines; i++) {
		const struct lessons_line *a = &res->lines[i];
		used[a->staff] += a->minutes;
		cov += a->minutes;
		bool found = false;
		for (int o = 0; o < in->nopt; o++)
			if (in->ostaff[o] == a->staff && in->oles[o] == a->lesson)
				found = in->oallowed[o];
		assert_true(found);
		for (size_t j = 0; j < i; j++) {
			assert_int_not_equal(res->lines[j].lesson, a->lesson);
			if (res->lines[j].staff == a->staff) {
				assert_false(clash_ref(in, res->lines[j].lesson, a->lesson));
				assert_false(lessons_clash(m, res->lines[j].lesson, a->lesson));
			}
		}
	}
	for (int s = 0; s < in->nstaff; s++)
		assert_true(used[s] <= in->smin[s]);
	assert_int_equal(cov, res->minutes_covered);
}

static void test_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= 300; seed++) {
		struct rng g;
		rng_seed(&g, seed);
		struct inst in;
		random_inst(&g, &in);
		int64_t best[4];
		brute(&in, best);
		for (int variant = 0; variant < 4; variant++) {
			struct lessons_model *m = load(&in);
			lessons_set_staged(m, variant & 1);
			lessons_set_mip_only(m, (variant & 2) != 0);
			for (int a = 0; a < in.nles; a++)
				for (int b = 0; b < in.nles; b++)
					if (a != b)
						assert_int_equal(lessons_clash(m, a, b),
								 clash_ref(&in, a, b));
			struct lessons_result res;
			solve(m, &res);
			check_result(&in, m, &res, best);
			lessons_result_release(&res);
			/* a warm re-solve gives the same levels */
			if (variant == 0) {
				solve(m, &res);
				check_result(&in, m, &res, best);
				lessons_result_release(&res);
			}
			lessons_free(m);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_time_one_each),
		cmocka_unit_test(test_travel_gap),
		cmocka_unit_test(test_spare_minutes),
		cmocka_unit_test(test_declined),
		cmocka_unit_test(test_priority_order),
		cmocka_unit_test(test_travel_tiebreak),
		cmocka_unit_test(test_fairness_tiebreak),
		cmocka_unit_test(test_fairness_convex),
		cmocka_unit_test(test_withdraw_and_resolve),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_brute_force),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
