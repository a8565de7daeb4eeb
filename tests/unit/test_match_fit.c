/*
 * test_match_fit.c - the fit checks of core/match_fit.c on small cases
 * with answers computed by hand: distance and travel minutes, lessons
 * (day, clash, travel before and after), spare hours (rules 11, 12, 15),
 * qualification coverage over a range of years (rules 18-22), tags.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>

#include "core/match_fit.h"

static void test_distance(void **state)
{
	(void)state;
	/* one degree of longitude on the equator: 2 pi 6371 / 360 = 111.19 km */
	assert_true(fabs(match_haversine_km(0, 0, 0, 1) - 111.1949) < 0.001);
	assert_true(fabs(match_haversine_km(52.6, 4.7, 52.6, 4.7)) < 1e-9);
	assert_int_equal(match_travel_minutes(111.1949, 30), 223); /* 222.39 minutes */
	assert_int_equal(match_travel_minutes(10, 60), 10);
	assert_int_equal(match_travel_minutes(10.1, 60), 11);
	assert_int_equal(match_travel_minutes(0, 30), 0);
	assert_int_equal(match_travel_minutes(5, 0), -1);
}

/* Travel between schools 1, 2, 3: 1<->3 15 minutes, 3<->2 20, school 9 unknown. */
static int travel(void *ctx, int64_t a, int64_t b)
{
	(void)ctx;
	if (a == 9 || b == 9)
		return -1;
	if ((a == 1 && b == 3) || (a == 3 && b == 1))
		return 15;
	if ((a == 2 && b == 3) || (a == 3 && b == 2))
		return 20;
	return 30;
}

#define HM(h, m) ((h) * 60 + (m))

static void test_lessons(void **state)
{
	(void)state;
	const struct match_slot own[] = {
		{1, HM(8, 30), HM(9, 20), 1},
		{1, HM(11, 0), HM(11, 50), 2},
		{4, HM(13, 0), HM(13, 50), 9},
	};
	const struct match_slot req[] = {
		{1, HM(9, 30), HM(10, 20), 3},  /* 9:20 + 15 = 9:35 > 9:30 */
		{1, HM(9, 40), HM(10, 30), 3},  /* 9:35 <= 9:40, 10:30 + 20 <= 11:00 */
		{1, HM(10, 20), HM(11, 10), 3}, /* overlaps 11:00-11:50 */
		{5, HM(9, 0), HM(9, 50), 3},    /* Friday: not available */
		{1, HM(10, 0), HM(10, 50), 3},  /* 10:50 + 20 = 11:10 > 11:00 */
		{2, HM(9, 0), HM(9, 50), 3},    /* a free Tuesday */
		{4, HM(14, 0), HM(14, 50), 3},  /* after a lesson at a school with no travel time */
		{1, HM(9, 20), HM(10, 10), 1},  /* same school right after: no travel needed... */
	};
	enum match_lesson_fail out[8];
	size_t ok = match_lessons_check(own, 3, 0x0F, req, 8, travel, NULL, out);
	assert_int_equal(out[0], LESSON_TRAVEL_BEFORE);
	assert_int_equal(out[1], LESSON_OK);
	assert_int_equal(out[2], LESSON_CLASH);
	assert_int_equal(out[3], LESSON_DAY);
	assert_int_equal(out[4], LESSON_TRAVEL_AFTER);
	assert_int_equal(out[5], LESSON_OK);
	assert_int_equal(out[6], LESSON_TRAVEL_BEFORE);
	/* ... but 10:10 + 20 minutes to school 2 is 10:30 <= 11:00: fits */
	assert_int_equal(out[7], LESSON_OK);
	assert_int_equal(ok, 3);
	assert_string_equal(match_lesson_fail_name(LESSON_TRAVEL_AFTER), "travel_after");
}

static void test_hours(void **state)
{
	(void)state;
	int64_t cap = 0;
	/* 1 fte + 4 h/week x 40 = 1819 h: 720 x 1819 / 1659 / 40 = 19.736 h/week */
	struct match_hours h = {1659, 400, false, 720, 40, 5, 1500};
	assert_int_equal(match_spare_hours(&h, &cap), 400);
	assert_int_equal(cap, 1973);
	/* starter in contract year 1: x 0.8 = 15.789 -> room 15.78 - 15.00 */
	h.contract_year = 1;
	assert_int_equal(match_spare_hours(&h, &cap), 78);
	assert_int_equal(cap, 1578);
	/* boventallig: 8 hours inside a full contract, 10 taught: cap 18 */
	struct match_hours b = {1659, 800, true, 720, 40, 3, 1000};
	assert_int_equal(match_spare_hours(&b, &cap), 800);
	assert_int_equal(cap, 1800);
	/* year 2: x 0.9 = 16.20, room 6.20 */
	b.contract_year = 2;
	assert_int_equal(match_spare_hours(&b, &cap), 620);
	/* over the cap: no room, never negative */
	b.teaching = 2000;
	assert_int_equal(match_spare_hours(&b, &cap), 0);
}

static void test_qualification(void **state)
{
	(void)state;
	assert_int_equal(match_qual_fit(QUAL_FIRST, STYPE_HAVO, 4, 5), FIT_BEVOEGD);
	assert_int_equal(match_qual_fit(QUAL_SECOND, STYPE_HAVO, 4, 5), FIT_ONDERBEVOEGD);
	assert_int_equal(match_qual_fit(QUAL_SECOND, STYPE_HAVO, 1, 3), FIT_BEVOEGD);
	assert_int_equal(match_qual_fit(QUAL_SECOND, STYPE_VWO, 3, 4), FIT_ONDERBEVOEGD);
	assert_int_equal(match_qual_fit(QUAL_IN_TRAINING, STYPE_HAVO, 4, 5), FIT_BENOEMBAAR);
	assert_int_equal(match_qual_fit(QUAL_NONE, STYPE_HAVO, 1, 1), FIT_ONBEVOEGD);
	assert_int_equal(match_qual_fit(QUAL_FIRST, STYPE_HAVO, 3, 2), FIT_ONBEVOEGD);
}

static void test_tags(void **state)
{
	(void)state;
	assert_true(match_has_tag("nt2, isk", "ISK"));
	assert_true(match_has_tag("nt2,isk", "nt2"));
	assert_false(match_has_tag("nt2x,isk", "nt2"));
	assert_false(match_has_tag("", "nt2"));
	assert_true(match_has_tag("", ""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_lessons),
		cmocka_unit_test(test_hours),
		cmocka_unit_test(test_qualification),
		cmocka_unit_test(test_tags),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
