/*
 * test_forecast.c - the stock-flow forecast (core/forecast.c): hand-computed
 * deterministic cases (retirement at the AOW age, inflow with starter
 * leaving, pupil growth), the Monte Carlo mean and band against the exact
 * binomial values, reproducibility from a seed, and bad scenario values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "core/forecast.h"
#include "core/pension_age.h"
#include "util/date.h"

static long day(const char *s)
{
	long d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static struct fc_person person(const char *born, double fte)
{
	size_t n;
	const struct pension_row *rows = pension_age_defaults(&n);
	struct fc_person p = {day(born), 0, fte};
	assert_int_equal(pension_age_date(rows, n, p.birth, &p.aow, NULL), 0);
	return p;
}

/* No random leaving: every rate 0, growth scenario 0, no inflow. */
static void still(struct fc_params *p)
{
	forecast_defaults(p);
	for (int b = 0; b < FC_BANDS; b++)
		p->leave[b] = 0;
	p->starter_leave = 0;
	p->inflow_graduates = p->inflow_zij = p->inflow_returners = 0;
	p->pupil_change = 0;
	p->use_prognosis = 0;
	p->runs = 1000;
}

/*
 * A (1.0 FTE) born 1962-03-15 reaches 67y3m on 2029-06-15, inside year 3
 * (2028-08-01 .. 2029-08-01); B (0.5) stays. Demand = 1.5 + 0.5 open = 2.0.
 * Shortage: 0.5 in years 0-2, 1.5 from year 3; every run the same.
 */
static void retirement_at_aow(void **state)
{
	(void)state;
	struct fc_person ps[2] = {person("1962-03-15", 1.0), person("1990-05-05", 0.5)};
	struct fc_group g = {forecast_key("wi"), ps, 2, 0.5, NULL};
	struct fc_params p;
	still(&p);
	struct fc_result r;
	assert_int_equal(forecast_run(&g, &p, day("2026-08-01"), &r, NULL), 0);
	assert_int_equal(r.years, 10);
	assert_float_equal(r.stock_fte, 1.5, 1e-12);
	double expect[11] = {0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5};
	for (int t = 0; t <= 10; t++) {
		assert_float_equal(r.y[t].demand, 2.0, 1e-12);
		assert_float_equal(r.y[t].shortage_mean, expect[t], 1e-12);
		assert_float_equal(r.y[t].shortage_p5, expect[t], 1e-12);
		assert_float_equal(r.y[t].shortage_p95, expect[t], 1e-12);
	}
	assert_float_equal(r.y[3].supply_mean, 0.5, 1e-12);
}

/*
 * Inflow: 10 FTE, graduates 10% a year = 1 FTE, 20% leave in their first
 * year, none after. Present: year 1: 1; year 2: 0.8 + 1 = 1.8; year 3:
 * 0.8 + 0.8 + 1 = 2.6. Demand stays 10, so shortage = -inflow (a surplus).
 */
static void inflow_with_starter_leaving(void **state)
{
	(void)state;
	struct fc_person ps[10];
	for (int i = 0; i < 10; i++)
		ps[i] = person("1985-01-01", 1.0);
	struct fc_group g = {forecast_key("du"), ps, 10, 0, NULL};
	struct fc_params p;
	still(&p);
	p.inflow_graduates = 0.1;
	p.starter_leave = 0.2;
	struct fc_result r;
	assert_int_equal(forecast_run(&g, &p, day("2026-08-01"), &r, NULL), 0);
	assert_float_equal(r.y[1].shortage_mean, -1.0, 1e-12);
	assert_float_equal(r.y[2].shortage_mean, -1.8, 1e-12);
	assert_float_equal(r.y[3].shortage_mean, -2.6, 1e-12);
	assert_float_equal(r.y[3].supply_mean, 12.6, 1e-12);
}

/* Growth scenario: +10% pupils a year: demand in year 2 = 2.0 * 1.21 = 2.42. */
static void pupil_growth(void **state)
{
	(void)state;
	struct fc_person ps[1] = {person("1990-05-05", 1.5)};
	struct fc_group g = {1, ps, 1, 0.5, NULL};
	struct fc_params p;
	still(&p);
	p.pupil_change = 0.1;
	struct fc_result r;
	assert_int_equal(forecast_run(&g, &p, day("2026-08-01"), &r, NULL), 0);
	assert_float_equal(r.y[2].demand, 2.42, 1e-12);
	assert_float_equal(r.y[2].shortage_mean, 0.92, 1e-12);
	/* A prognosis replaces the growth scenario: index 1.0, 1.1, 0.9 ... */
	double idx[11] = {100, 110, 90, 90, 90, 90, 90, 90, 90, 90, 90};
	g.pupil_index = idx;
	p.use_prognosis = 1;
	assert_int_equal(forecast_run(&g, &p, day("2026-08-01"), &r, NULL), 0);
	assert_float_equal(r.y[1].demand, 2.2, 1e-12);
	assert_float_equal(r.y[2].demand, 1.8, 1e-12);
}

/*
 * Monte Carlo against exact values: 1,000 people aged 46 (band 45-54) with
 * a 10% leaving rate: after one year the expected supply is 900, after two
 * 810. One run's supply after a year is binomial with sd sqrt(1000 * 0.1 *
 * 0.9) = 9.49, so the mean of 2,000 runs lies within 0.65 of 900 (3 sd),
 * and the 5-95% band is about 2 * 1.645 * 9.49 = 31 wide.
 */
static void monte_carlo_matches_binomial(void **state)
{
	(void)state;
	static struct fc_person ps[1000];
	for (int i = 0; i < 1000; i++)
		ps[i] = person("1980-01-01", 1.0);
	struct fc_group g = {7, ps, 1000, 0, NULL};
	struct fc_params p;
	still(&p);
	p.leave[2] = 0.1;
	p.runs = 2000;
	p.seed = 12345;
	struct fc_result r;
	assert_int_equal(forecast_run(&g, &p, day("2026-08-01"), &r, NULL), 0);
	assert_true(fabs(r.y[1].supply_mean - 900) < 0.65);
	assert_true(fabs(r.y[2].supply_mean - 810) < 1.0);
	double width = r.y[1].shortage_p95 - r.y[1].shortage_p5;
	assert_true(width > 25 && width < 38);
	assert_true(r.y[1].shortage_p5 <= r.y[1].shortage_p50);
	assert_true(r.y[1].shortage_p50 <= r.y[1].shortage_p95);
}

/* The same seed gives the same numbers, bit for bit; another seed does not. */
static void seeded_runs_reproduce(void **state)
{
	(void)state;
	static struct fc_person ps[200];
	for (int i = 0; i < 200; i++)
		ps[i] = person(i % 2 ? "1962-01-01" : "1975-06-30", 0.5 + (i % 5) * 0.1);
	struct fc_group g = {forecast_key("na"), ps, 200, 2.0, NULL};
	struct fc_params p;
	forecast_defaults(&p);
	p.seed = 99;
	struct fc_result a, b, c;
	assert_int_equal(forecast_run(&g, &p, day("2026-08-01"), &a, NULL), 0);
	assert_int_equal(forecast_run(&g, &p, day("2026-08-01"), &b, NULL), 0);
	assert_memory_equal(&a, &b, sizeof a);
	p.seed = 100;
	assert_int_equal(forecast_run(&g, &p, day("2026-08-01"), &c, NULL), 0);
	assert_true(memcmp(&a, &c, sizeof a) != 0);
	assert_int_equal(a.runs, 1000);
}

/* A rate outside 0-1 is an error naming it, never clamped. */
static void bad_parameters(void **state)
{
	(void)state;
	struct fc_params p;
	forecast_defaults(&p);
	struct samen_err err;
	assert_int_equal(forecast_param_set(&p, "leave_lt30", "1.5", &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "leave_lt30");
	assert_non_null(strstr(err.msg, "between 0 and 1"));
	assert_int_equal(forecast_param_set(&p, "starter_leave", "-0.1", &err), SAMEN_EINVAL);
	assert_int_equal(forecast_param_set(&p, "inflow_zij", "abc", &err), SAMEN_EINVAL);
	assert_int_equal(forecast_param_set(&p, "nonsense", "0.1", &err), SAMEN_EINVAL);
	assert_int_equal(forecast_param_set(&p, "pupil_change", "0.6", &err), SAMEN_EINVAL);
	assert_int_equal(forecast_param_set(&p, "runs", "10.5", &err), SAMEN_EINVAL);
	assert_int_equal(forecast_param_set(&p, "leave_lt30", "0,07", &err), 0);
	assert_float_equal(p.leave[0], 0.07, 1e-12);
	assert_int_equal(forecast_param_set(&p, "seed", "42", &err), 0);
	assert_true(p.seed == 42);
	p.leave[3] = 2;
	assert_int_equal(forecast_params_validate(&p, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "leave_55_59");
	struct fc_result r;
	struct fc_group g = {1, NULL, 0, 0, NULL};
	assert_int_equal(forecast_run(&g, &p, day("2026-08-01"), &r, &err), SAMEN_EINVAL);
	/* Every parameter has a source for its default. */
	size_t n;
	const struct fc_param_info *info = forecast_param_info(&n);
	for (size_t i = 0; i < n; i++)
		assert_true(strlen(info[i].source) > 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(retirement_at_aow),
		cmocka_unit_test(inflow_with_starter_leaving),
		cmocka_unit_test(pupil_growth),
		cmocka_unit_test(monte_carlo_matches_binomial),
		cmocka_unit_test(seeded_runs_reproduce),
		cmocka_unit_test(bad_parameters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
