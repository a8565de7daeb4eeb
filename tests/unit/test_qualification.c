/*
 * test_qualification.c - coverage of teaching qualifications, DOMAIN-RULES
 * rules 18-22.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "core/qualification.h"

/* Rule 19: first degree covers every type and year, upper havo/vwo included. */
static void rule19_first_degree_everywhere(void **state)
{
	(void)state;
	assert_int_equal(qual_covers(QUAL_FIRST, STYPE_VWO, 6), FIT_BEVOEGD);
	assert_int_equal(qual_covers(QUAL_FIRST, STYPE_HAVO, 5), FIT_BEVOEGD);
	assert_int_equal(qual_covers(QUAL_FIRST, STYPE_VMBO_BB, 1), FIT_BEVOEGD);
	assert_int_equal(qual_covers(QUAL_FIRST, STYPE_PRO, 3), FIT_BEVOEGD);
}

/* Rules 18 and 21: second degree covers vmbo and havo/vwo 1-3; 4+ is onderbevoegd. */
static void rule18_21_second_degree(void **state)
{
	(void)state;
	assert_int_equal(qual_covers(QUAL_SECOND, STYPE_VMBO_KB, 4), FIT_BEVOEGD);
	assert_int_equal(qual_covers(QUAL_SECOND, STYPE_HAVO, 3), FIT_BEVOEGD);
	assert_int_equal(qual_covers(QUAL_SECOND, STYPE_VWO, 3), FIT_BEVOEGD);
	assert_int_equal(qual_covers(QUAL_SECOND, STYPE_HAVO, 4), FIT_ONDERBEVOEGD);
	assert_int_equal(qual_covers(QUAL_SECOND, STYPE_VWO, 6), FIT_ONDERBEVOEGD);
	assert_int_equal(qual_covers(QUAL_SECOND, STYPE_PRO, 2), FIT_BEVOEGD);
}

/* Rule 20 (narrow reading): limited second degree: havo/vwo 1-3 and vmbo-tl only. */
static void rule20_limited_second_degree(void **state)
{
	(void)state;
	assert_int_equal(qual_covers(QUAL_LIMITED_SECOND, STYPE_HAVO, 2), FIT_BEVOEGD);
	assert_int_equal(qual_covers(QUAL_LIMITED_SECOND, STYPE_VMBO_TL, 4), FIT_BEVOEGD);
	assert_int_equal(qual_covers(QUAL_LIMITED_SECOND, STYPE_VMBO_BB, 1), FIT_ONBEVOEGD);
	assert_int_equal(qual_covers(QUAL_LIMITED_SECOND, STYPE_HAVO, 4), FIT_ONBEVOEGD);
	assert_int_equal(qual_covers(QUAL_LIMITED_SECOND, STYPE_PRO, 1), FIT_ONBEVOEGD);
}

/* Rule 22: in training is benoembaar; no qualification is onbevoegd. */
static void rule22_categories(void **state)
{
	(void)state;
	assert_int_equal(qual_covers(QUAL_IN_TRAINING, STYPE_VWO, 5), FIT_BENOEMBAAR);
	assert_int_equal(qual_covers(QUAL_NONE, STYPE_HAVO, 1), FIT_ONBEVOEGD);
	assert_string_equal(qual_fit_name(FIT_ONDERBEVOEGD), "onderbevoegd");
}

static void impossible_years_are_refused(void **state)
{
	(void)state;
	assert_int_equal(qual_covers(QUAL_FIRST, STYPE_VMBO_TL, 5), FIT_ONBEVOEGD);
	assert_int_equal(qual_covers(QUAL_FIRST, STYPE_HAVO, 6), FIT_ONBEVOEGD);
	assert_int_equal(qual_covers(QUAL_FIRST, STYPE_VWO, 0), FIT_ONBEVOEGD);
}

static void names_round_trip(void **state)
{
	(void)state;
	for (int l = QUAL_FIRST; l <= QUAL_IN_TRAINING; l++)
		assert_int_equal(qual_level_parse(qual_level_name(l)), l);
	assert_int_equal(qual_level_parse("derdegraads"), QUAL_NONE);
	assert_int_equal(school_type_parse("vmbo-tl"), STYPE_VMBO_TL);
	assert_int_equal(school_type_parse("gymnasium"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rule19_first_degree_everywhere),
		cmocka_unit_test(rule18_21_second_degree),
		cmocka_unit_test(rule20_limited_second_degree),
		cmocka_unit_test(rule22_categories),
		cmocka_unit_test(impossible_years_are_refused),
		cmocka_unit_test(names_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
