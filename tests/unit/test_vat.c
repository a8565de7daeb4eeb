/*
 * test_vat.c - the VAT rules 5 to 8 (core/vat.c): every condition flips
 * the exemption flag on its own, the rule-6 ceiling is exact to the cent,
 * SWV loans and koepel loans are taxed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/vat.h"

static const struct vat_settings settings = {.rate_bp = 2100, .margin_bp = 500};

static struct vat_input all_confirmed(void)
{
	struct vat_input in = {0};
	in.confirmed = (struct vat_conditions){true, true, true, true};
	return in;
}

static void test_all_confirmed_is_exempt(void **state)
{
	(void)state;
	struct vat_input in = all_confirmed();
	struct vat_decision d;
	vat_decide(&in, &settings, &d);
	assert_true(d.exempt);
	assert_int_equal(d.category, 'E');
	assert_int_equal(d.rate_bp, 0);
	assert_int_equal(d.reason, VAT_EXEMPT);
}

/* Rule 5: each of the four conditions, unconfirmed alone, makes the loan taxed at 21 %. */
static void test_rule5_each_condition_flips(void **state)
{
	(void)state;
	for (int c = 0; c < 4; c++) {
		struct vat_input in = all_confirmed();
		bool *flags[4] = {&in.confirmed.lender_applies_exemption, &in.confirmed.exempt_education_use,
				  &in.confirmed.indispensable, &in.confirmed.not_mainly_revenue};
		*flags[c] = false;
		struct vat_decision d;
		vat_decide(&in, &settings, &d);
		assert_false(d.exempt);
		assert_int_equal(d.category, 'S');
		assert_int_equal(d.rate_bp, 2100);
		assert_int_equal(d.rule, 5);
		assert_int_equal(d.reason, VAT_MISSING_A + c);
		enum vat_reason missing;
		assert_false(vat_rule5_conditions_met(&in.confirmed, &missing));
		assert_int_equal(missing, VAT_MISSING_A + c);
	}
}

/* Rule 6: invoiced may be at most wage cost x 1,05; one cent more clears the exemption. */
static void test_rule6_ceiling_to_the_cent(void **state)
{
	(void)state;
	assert_true(vat_rule6_within_cost(10500, 10000, 500));
	assert_false(vat_rule6_within_cost(10501, 10000, 500));
	assert_true(vat_rule6_within_cost(10000, 10000, 0));
	assert_false(vat_rule6_within_cost(10001, 10000, 0));
	/* 33 333 x 1,05 = 34 999,65: 34 999 is within, 35 000 is not. */
	assert_true(vat_rule6_within_cost(34999, 33333, 500));
	assert_false(vat_rule6_within_cost(35000, 33333, 500));
	/* Something charged for nothing is above cost. */
	assert_false(vat_rule6_within_cost(1, 0, 500));

	struct vat_input in = all_confirmed();
	in.have_amounts = true;
	in.wage_cost_cents = 10000;
	in.invoiced_cents = 10500;
	struct vat_decision d;
	vat_decide(&in, &settings, &d);
	assert_true(d.exempt);
	in.invoiced_cents = 10501;
	vat_decide(&in, &settings, &d);
	assert_false(d.exempt);
	assert_int_equal(d.reason, VAT_ABOVE_COST);
	assert_int_equal(d.rule, 6);
	/* The margin is a setting: at 10 % the same amounts are exempt again. */
	struct vat_settings wide = {.rate_bp = 2100, .margin_bp = 1000};
	vat_decide(&in, &wide, &d);
	assert_true(d.exempt);
}

/* Rule 7: an SWV borrower means 21 % even with all conditions, unless education-type work. */
static void test_rule7_swv(void **state)
{
	(void)state;
	struct vat_input in = all_confirmed();
	in.borrower_is_swv = true;
	struct vat_decision d;
	vat_decide(&in, &settings, &d);
	assert_false(d.exempt);
	assert_int_equal(d.reason, VAT_SWV);
	assert_int_equal(d.rule, 7);
	in.education_type_work = true;
	vat_decide(&in, &settings, &d);
	assert_true(d.exempt);
	assert_true(vat_rule7_swv_taxed(true, false));
	assert_false(vat_rule7_swv_taxed(false, false));
	assert_false(vat_rule7_swv_taxed(true, true));
}

/* Rule 8: lending through a koepel is never exempt; coordination only at cost after review. */
static void test_rule8_koepel(void **state)
{
	(void)state;
	struct vat_input in = all_confirmed();
	in.via_koepel = true;
	in.education_type_work = true;
	struct vat_decision d;
	vat_decide(&in, &settings, &d);
	assert_false(d.exempt);
	assert_int_equal(d.reason, VAT_KOEPEL);
	assert_int_equal(d.rule, 8);
	assert_false(vat_rule8_koepel_exemption_allowed(VAT_SUPPLY_LENDING, true, true));
	assert_true(vat_rule8_koepel_exemption_allowed(VAT_SUPPLY_COORDINATION, true, true));
	assert_false(vat_rule8_koepel_exemption_allowed(VAT_SUPPLY_COORDINATION, false, true));
	assert_false(vat_rule8_koepel_exemption_allowed(VAT_SUPPLY_COORDINATION, true, false));
}

static void test_vat_amount(void **state)
{
	(void)state;
	/* 634,02 x 21 % = 133,1442 -> 133,14 */
	assert_int_equal(vat_amount(63402, 2100), 13314);
	/* 0,50 x 21 % = 0,105 -> 0,11 (half away from zero) */
	assert_int_equal(vat_amount(50, 2100), 11);
	assert_int_equal(vat_amount(-50, 2100), -11);
	assert_int_equal(vat_amount(12345, 0), 0);
	assert_string_equal(vat_reason_name(VAT_MISSING_C), "missing_c");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_confirmed_is_exempt),
		cmocka_unit_test(test_rule5_each_condition_flips),
		cmocka_unit_test(test_rule6_ceiling_to_the_cent),
		cmocka_unit_test(test_rule7_swv),
		cmocka_unit_test(test_rule8_koepel),
		cmocka_unit_test(test_vat_amount),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
