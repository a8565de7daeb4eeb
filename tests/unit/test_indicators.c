/*
 * test_indicators.c - the fact base's indicators (core/indicators.c) on a
 * region of six people, two boards, three schools and two subjects, with
 * every expected number computed by hand on the reference day 2026-08-01.
 *
 *  p  board school subject born        age band  fte  contract  AOW date (rule)
 *  1  0     s0     wi      1960-03-01  66  65+   1.0  vast      2027-03-01 (67)
 *  2  0     s0     wi      1965-09-15  60  60-64 0.8  tijdelijk 2032-12-15 (67y3m) wants 200 h more
 *  3  0     s1     du      1990-01-10  36  35-39 0.5  vast      2057-04-10  starter
 *  4  1     s2     wi      2000-06-01  26  25-29 0.6  tijdelijk 2067-09-01  zij-instromer, benoembaar
 *  5  1     s2     -       1970-08-01  56  55-59 1.0  vast      2037-11-01
 *  6  0     s1     wi      1959-11-20  66  65+   0.4  vast      2026-11-20 (67)
 *
 * Horizons: 1 year 2027-08-01, 3 years 2029-08-01, 5 years 2031-08-01,
 * 10 years 2036-08-01. Retirements: p1 and p6 within 1 year; p2 within 10.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "core/indicators.h"
#include "util/date.h"

static long day(const char *s)
{
	long d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static const int school_board[3] = {0, 0, 1};

static void input(struct ind_input *in, struct ind_person *p, struct ind_vacancy *v)
{
	memset(in, 0, sizeof *in);
	in->today = day("2026-08-01");
	in->aow = pension_age_defaults(&in->naow);
	in->nboards = 2;
	in->nschools = 3;
	in->nsubjects = 2; /* 0 wi, 1 du */
	in->school_board = school_board;
	p[0] = (struct ind_person){0, 0, 0, day("1960-03-01"), 1.0, false, 0, false, false, false};
	p[1] = (struct ind_person){0, 0, 0, day("1965-09-15"), 0.8, true, 200, false, false, false};
	p[2] = (struct ind_person){0, 1, 1, day("1990-01-10"), 0.5, false, 0, true, false, false};
	p[3] = (struct ind_person){1, 2, 0, day("2000-06-01"), 0.6, true, 0, false, true, true};
	p[4] = (struct ind_person){1, 2, -1, day("1970-08-01"), 1.0, false, 0, false, false, false};
	p[5] = (struct ind_person){0, 1, 0, day("1959-11-20"), 0.4, false, 0, false, false, false};
	in->persons = p;
	in->npersons = 6;
	/* Open 90 days (not over 90), open 181 days, and one filled. */
	v[0] = (struct ind_vacancy){0, 0, 0, 1.0, day("2026-05-03"), 0, false};
	v[1] = (struct ind_vacancy){1, 2, 1, 0.5, day("2026-02-01"), 0, false};
	v[2] = (struct ind_vacancy){0, -1, 0, 0.3, day("2026-01-10"), day("2026-03-01"), true};
	in->vacancies = v;
	in->nvacancies = 3;
}

static void region_totals(void **state)
{
	(void)state;
	struct ind_input in;
	struct ind_person p[6];
	struct ind_vacancy v[3];
	input(&in, p, v);
	struct ind_result r;
	assert_int_equal(indicators_compute(&in, &r, NULL), 0);
	assert_int_equal(r.nnodes, 6);
	assert_int_equal(r.naxis, 4);
	const struct ind_group *g = ind_group_at(&r, 0, 0);
	assert_int_equal(g->count[IND_HEADCOUNT], 6);
	assert_int_equal(g->count[IND_BAND0 + 0], 0);
	assert_int_equal(g->count[IND_BAND0 + 1], 1);
	assert_int_equal(g->count[IND_BAND0 + 3], 1);
	assert_int_equal(g->count[IND_BAND0 + 7], 1);
	assert_int_equal(g->count[IND_BAND0 + 8], 1);
	assert_int_equal(g->count[IND_BAND9], 2);
	assert_int_equal(g->count[IND_AGE55], 4);
	assert_int_equal(g->count[IND_AGE60], 3);
	assert_int_equal(g->count[IND_PERMANENT], 4);
	assert_int_equal(g->count[IND_TEMPORARY], 2);
	assert_int_equal(g->count[IND_RETIRE1], 2);
	assert_int_equal(g->count[IND_RETIRE3], 2);
	assert_int_equal(g->count[IND_RETIRE5], 2);
	assert_int_equal(g->count[IND_RETIRE10], 3);
	assert_int_equal(g->count[IND_STARTERS], 1);
	assert_int_equal(g->count[IND_ZIJ], 1);
	assert_int_equal(g->count[IND_RESERVE], 1);
	assert_int_equal(g->count[IND_BENOEMBAAR], 1);
	assert_float_equal(g->fte, 4.3, 1e-9);
	assert_float_equal(g->reserve_fte, 200.0 / 1659.0, 1e-12);
	assert_float_equal(g->benoembaar_fte, 0.6, 1e-12);
	/* Vacancies: open 90 and 181 days; median (90 + 181) / 2 rounded down. */
	assert_int_equal(g->vac_open, 2);
	assert_float_equal(g->vac_open_fte, 1.5, 1e-12);
	assert_int_equal(g->vac_days_median, 135);
	assert_float_equal(g->vac_days_mean, 135.5, 1e-12);
	assert_int_equal(g->vac_days_max, 181);
	assert_int_equal(g->vac_open_over_90, 1);
	assert_int_equal(g->vac_filled, 1);
	indicators_free(&r);
}

static void boards_schools_subjects(void **state)
{
	(void)state;
	struct ind_input in;
	struct ind_person p[6];
	struct ind_vacancy v[3];
	input(&in, p, v);
	struct ind_result r;
	assert_int_equal(indicators_compute(&in, &r, NULL), 0);
	/* Boards. */
	assert_int_equal(ind_group_at(&r, ind_node_board(0), 0)->count[IND_HEADCOUNT], 4);
	assert_float_equal(ind_group_at(&r, ind_node_board(0), 0)->fte, 2.7, 1e-9);
	assert_int_equal(ind_group_at(&r, ind_node_board(1), 0)->count[IND_HEADCOUNT], 2);
	assert_float_equal(ind_group_at(&r, ind_node_board(1), 0)->fte, 1.6, 1e-9);
	/* Schools, at their main school. */
	assert_int_equal(ind_group_at(&r, ind_node_school(&r, 0), 0)->count[IND_HEADCOUNT], 2);
	assert_float_equal(ind_group_at(&r, ind_node_school(&r, 0), 0)->fte, 1.8, 1e-9);
	assert_float_equal(ind_group_at(&r, ind_node_school(&r, 1), 0)->fte, 0.9, 1e-9);
	assert_int_equal(ind_group_at(&r, ind_node_school(&r, 2), 0)->count[IND_AGE55], 1);
	/* School groups exist for all subjects only. */
	assert_false(ind_group_at(&r, ind_node_school(&r, 0), ind_axis_subject(0))->exists);
	/* Subjects: wi in the region is p1, p2, p4, p6. */
	const struct ind_group *wi = ind_group_at(&r, 0, ind_axis_subject(0));
	assert_int_equal(wi->count[IND_HEADCOUNT], 4);
	assert_float_equal(wi->fte, 2.8, 1e-9);
	assert_int_equal(wi->count[IND_AGE55], 3);
	assert_int_equal(wi->count[IND_RETIRE10], 3);
	assert_int_equal(wi->count[IND_TEMPORARY], 2);
	assert_int_equal(wi->vac_open, 1);
	assert_int_equal(ind_group_at(&r, ind_node_board(0), ind_axis_subject(0))->count[IND_HEADCOUNT], 3);
	assert_int_equal(ind_group_at(&r, ind_node_board(0), ind_axis_subject(1))->count[IND_HEADCOUNT], 1);
	assert_int_equal(ind_group_at(&r, ind_node_board(1), ind_axis_none(&r))->count[IND_HEADCOUNT], 1);
	assert_int_equal(ind_group_at(&r, 0, ind_axis_subject(1))->vac_open, 1);
	assert_int_equal(ind_group_at(&r, 0, ind_axis_subject(1))->vac_days_median, 181);
	indicators_free(&r);
}

/*
 * Rule 33 over all views: nothing of 1..5 persons stays visible. The
 * region's 6 is hidden too: board 0 knows its own 4, so a published 6 would
 * tell it that board 1 has 2 (the insider's subtraction).
 */
static void rule33_over_all_groups(void **state)
{
	(void)state;
	struct ind_input in;
	struct ind_person p[6];
	struct ind_vacancy v[3];
	input(&in, p, v);
	struct ind_result r;
	assert_int_equal(indicators_compute(&in, &r, NULL), 0);
	assert_int_equal(indicators_suppress(&r, PRIV_THRESHOLD, NULL), 0);
	assert_int_equal(ind_group_at(&r, 0, 0)->state[IND_HEADCOUNT], PRIV_SECONDARY);
	long shown_small = 0;
	for (int node = 0; node < r.nnodes; node++)
		for (int a = 0; a < r.naxis; a++) {
			const struct ind_group *g = ind_group_at(&r, node, a);
			if (!g->exists)
				continue;
			for (int c = 0; c < IND_NCOUNT; c++)
				if (ind_published(&r, node, a, c) && g->count[c] >= 1 &&
				    g->count[c] <= 5 && g->state[c] == PRIV_SHOWN)
					shown_small++;
		}
	assert_int_equal(shown_small, 0);
	assert_int_equal(ind_group_at(&r, ind_node_board(0), 0)->state[IND_HEADCOUNT], PRIV_PRIMARY);
	assert_false(ind_published(&r, 0, ind_axis_subject(0), IND_BAND0));
	assert_false(ind_published(&r, ind_node_school(&r, 0), ind_axis_subject(0), IND_HEADCOUNT));
	assert_false(ind_published(&r, ind_node_board(1), ind_axis_subject(0), IND_RETIRE5));
	assert_true(ind_published(&r, 0, ind_axis_subject(0), IND_RETIRE5));
	assert_true(ind_published(&r, ind_node_board(1), ind_axis_subject(0), IND_HEADCOUNT));
	indicators_free(&r);
}

/* Bad input: an age outside 15-80 and a negative FTE are errors, never counted. */
static void bad_persons_are_refused(void **state)
{
	(void)state;
	struct ind_input in;
	struct ind_person p[6];
	struct ind_vacancy v[3];
	input(&in, p, v);
	struct ind_result r;
	struct samen_err err;
	p[2].birth = day("2013-01-01"); /* 13 years old */
	assert_int_equal(indicators_compute(&in, &r, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.field, "birth_date");
	input(&in, p, v);
	p[4].birth = day("1944-01-01"); /* 82 */
	assert_int_equal(indicators_compute(&in, &r, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 5);
	input(&in, p, v);
	p[1].fte = -0.1;
	assert_int_equal(indicators_compute(&in, &r, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "fte");
	input(&in, p, v);
	p[0].school = 2; /* school of the other board */
	assert_int_equal(indicators_compute(&in, &r, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "school");
	input(&in, p, v);
	v[0].closed = day("2026-01-01"); /* closed before it opened */
	assert_int_equal(indicators_compute(&in, &r, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "vacancy");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(region_totals),
		cmocka_unit_test(boards_schools_subjects),
		cmocka_unit_test(rule33_over_all_groups),
		cmocka_unit_test(bad_persons_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
