/*
 * test_costprice.c - cost price to the cent (core/costprice.c), on cases
 * computed by hand. Each case writes out the exact fraction and where it is
 * rounded, so a reader can check it with pencil and paper.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "core/costprice.h"

static void test_round_half_away_from_zero(void **state)
{
	(void)state;
	assert_int_equal(costprice_round_div(4, 10), 0);
	assert_int_equal(costprice_round_div(5, 10), 1);
	assert_int_equal(costprice_round_div(14, 10), 1);
	assert_int_equal(costprice_round_div(15, 10), 2);
	assert_int_equal(costprice_round_div(-4, 10), 0);
	assert_int_equal(costprice_round_div(-5, 10), -1);
	assert_int_equal(costprice_round_div(-15, 10), -2);
	assert_int_equal(costprice_round_div(0, 7), 0);
}

/*
 * 7,5 hours at 3.462,75 euro a month, employer charges 35 %, at cost, no km.
 *   wage  = 750 x 346275 x 12 / (100 x 1659) = 3 116 475 000 / 165 900
 *         = 18 785,26... -> 18 785 cents (187,85 euro)
 *   cost  = 3 116 475 000 x 13 500 / (165 900 x 10 000) = 25 360,10... -> 25 360 cents
 *   hours = cost (margin 0) = 25 360; travel 0; total 25 360 (253,60 euro)
 */
static void test_line_at_cost(void **state)
{
	(void)state;
	struct costprice_basis b = {.monthly_cents = 346275, .charges_bp = 3500};
	struct costprice_amounts a;
	struct samen_err err;
	assert_int_equal(costprice_line(&b, 750, 0, &a, &err), 0);
	assert_int_equal(a.wage_cents, 18785);
	assert_int_equal(a.cost_cents, 25360);
	assert_int_equal(a.hours_cents, 25360);
	assert_int_equal(a.travel_cents, 0);
	assert_int_equal(a.total_cents, 25360);
}

/*
 * 12,25 hours at 5.000,00 euro, charges 32,5 %, margin 5 %, 84 km at 21 cents.
 *   base  = 1225 x 500000 x 12 = 7 350 000 000, over 165 900
 *   wage  = 44 303,797... -> 44 304
 *   cost  = base x 1,325 / 165 900 = 9 738 750 000 / 165 900 = 58 702,53... -> 58 703
 *   hours = base x 1,325 x 1,05 / 165 900 = 61 637,66... -> 61 638 (not 58 703 x 1,05 = 61 638,15:
 *           rounding happens once, from the exact fraction)
 *   travel = 84 x 21 = 1 764; total = 63 402
 */
static void test_line_with_margin_and_travel(void **state)
{
	(void)state;
	struct costprice_basis b = {.monthly_cents = 500000, .charges_bp = 3250, .margin_bp = 500,
				    .travel_cents_per_km = 21};
	struct costprice_amounts a;
	struct samen_err err;
	assert_int_equal(costprice_line(&b, 1225, 84, &a, &err), 0);
	assert_int_equal(a.wage_cents, 44304);
	assert_int_equal(a.cost_cents, 58703);
	assert_int_equal(a.hours_cents, 61638);
	assert_int_equal(a.travel_cents, 1764);
	assert_int_equal(a.total_cents, 63402);
	/* Display rate: 5000 x 12 / 1659 x 1,325 x 1,05 = 50,316... -> 50,32 euro. */
	assert_int_equal(costprice_hourly_rate_cents(&b), 5032);
	/* Gross hourly wage: 5000 x 12 / 1659 = 36,166... -> 36,17 euro. */
	assert_int_equal(costprice_hourly_wage_cents(500000), 3617);
}

/*
 * One hour is rounded once: 1,00 h at 1.659,00 euro a month is exactly
 * 12,00 euro wage; with 12,5 % charges 13,50 euro; 16,59 hours at
 * 1.000,00 euro is 120,00 euro exactly.
 */
static void test_line_exact_values(void **state)
{
	(void)state;
	struct costprice_basis b = {.monthly_cents = 165900, .charges_bp = 1250};
	struct costprice_amounts a;
	assert_int_equal(costprice_line(&b, 100, 0, &a, NULL), 0);
	assert_int_equal(a.wage_cents, 1200);
	assert_int_equal(a.cost_cents, 1350);
	b.monthly_cents = 100000;
	b.charges_bp = 0;
	assert_int_equal(costprice_line(&b, 1659, 0, &a, NULL), 0);
	assert_int_equal(a.total_cents, 12000);
}

/* A late correction of -2,5 hours at the first case's basis: amounts round symmetrically. */
static void test_negative_correction_line(void **state)
{
	(void)state;
	struct costprice_basis b = {.monthly_cents = 346275, .charges_bp = 3500};
	struct costprice_amounts a;
	assert_int_equal(costprice_line(&b, -250, 0, &a, NULL), 0);
	/* -250 x 346275 x 12 / 165900 = -6 261,75... -> -6 262; x 1,35 = -8 453,36... -> -8 453 */
	assert_int_equal(a.wage_cents, -6262);
	assert_int_equal(a.cost_cents, -8453);
	assert_int_equal(a.total_cents, -8453);
}

static void test_basis_checks(void **state)
{
	(void)state;
	struct samen_err err;
	struct costprice_amounts a;
	struct costprice_basis b = {.monthly_cents = 0, .charges_bp = 3500};
	assert_int_equal(costprice_line(&b, 100, 0, &a, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "monthly_cents");
	b.monthly_cents = 300000;
	b.charges_bp = -1;
	assert_int_equal(costprice_line(&b, 100, 0, &a, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "charges");
	b.charges_bp = 3500;
	b.travel_cents_per_km = -3;
	assert_int_equal(costprice_line(&b, 100, 0, &a, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "travel");
}

static void test_salary_lookup_steps(void **state)
{
	(void)state;
	const struct costprice_salary rows[] = {
		{"LB", 1, 330100}, {"LB", 2, 345800}, {"LB", 12, 503000}, {"LC", 1, 330100},
	};
	int used;
	int64_t m;
	struct samen_err err;
	assert_int_equal(costprice_salary_lookup(rows, 4, "LB", 2, &used, &m, &err), 0);
	assert_int_equal(used, 2);
	assert_int_equal(m, 345800);
	/* Above the scale's top step: the maximum applies. */
	assert_int_equal(costprice_salary_lookup(rows, 4, "LB", 15, &used, &m, &err), 0);
	assert_int_equal(used, 12);
	assert_int_equal(m, 503000);
	/* Below the lowest step: the lowest applies. */
	assert_int_equal(costprice_salary_lookup(rows, 4, "LB", 0, &used, &m, &err), 0);
	assert_int_equal(used, 1);
	/* A gap inside the scale is an error, not a guess. */
	assert_int_equal(costprice_salary_lookup(rows, 4, "LB", 5, &used, &m, &err), SAMEN_ENOTFOUND);
	assert_string_equal(err.field, "step");
	assert_int_equal(costprice_salary_lookup(rows, 4, "LE", 3, &used, &m, &err), SAMEN_ENOTFOUND);
	assert_string_equal(err.field, "scale");
}

static void test_raise(void **state)
{
	(void)state;
	/* 3.301,00 x 1,049 = 3.462,749 -> 3.462,75 */
	assert_int_equal(costprice_raise(330100, 490), 346275);
	/* 3.462,75 x 1,046 = 3.622,0365 -> 3.622,04 */
	assert_int_equal(costprice_raise(346275, 460), 362204);
	/* 3.622,04 x 1,012 = 3.665,50448 -> 3.665,50 */
	assert_int_equal(costprice_raise(362204, 120), 366550);
}

static void test_format_and_parse(void **state)
{
	(void)state;
	char out[32];
	costprice_format(123456, out);
	assert_string_equal(out, "1234.56");
	costprice_format(-5, out);
	assert_string_equal(out, "-0.05");
	costprice_format(0, out);
	assert_string_equal(out, "0.00");
	int64_t v;
	assert_int_equal(costprice_parse_euros("3462,75", &v), 0);
	assert_int_equal(v, 346275);
	assert_int_equal(costprice_parse_euros("3462.7", &v), 0);
	assert_int_equal(v, 346270);
	assert_int_equal(costprice_parse_euros("12", &v), 0);
	assert_int_equal(v, 1200);
	assert_int_equal(costprice_parse_euros("1.234,56", &v), SAMEN_EINVAL);
	assert_int_equal(costprice_parse_euros("12.345", &v), SAMEN_EINVAL);
	assert_int_equal(costprice_parse_hours("7,5", &v), 0);
	assert_int_equal(v, 750);
	assert_int_equal(costprice_parse_hours("-2", &v), SAMEN_EINVAL);
	assert_int_equal(costprice_parse_hours("", &v), SAMEN_EINVAL);
	assert_int_equal(costprice_parse_hours("abc", &v), SAMEN_EINVAL);
	int32_t bp;
	assert_int_equal(costprice_parse_percent("35,5", &bp), 0);
	assert_int_equal(bp, 3550);
	assert_int_equal(costprice_parse_percent("250", &bp), SAMEN_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_half_away_from_zero),
		cmocka_unit_test(test_line_at_cost),
		cmocka_unit_test(test_line_with_margin_and_travel),
		cmocka_unit_test(test_line_exact_values),
		cmocka_unit_test(test_negative_correction_line),
		cmocka_unit_test(test_basis_checks),
		cmocka_unit_test(test_salary_lookup_steps),
		cmocka_unit_test(test_raise),
		cmocka_unit_test(test_format_and_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
