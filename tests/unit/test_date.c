/*
 * test_date.c - day numbers, strict parsing, weekdays and ages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "util/date.h"
#include "util/err.h"

static void epoch_and_round_trip(void **state)
{
	(void)state;
	assert_int_equal(date_days(1970, 1, 1), 0);
	assert_int_equal(date_days(2000, 3, 1), 11017);
	char out[11];
	for (long d = date_days(1900, 1, 1); d < date_days(2100, 1, 1); d += 37) {
		long back;
		date_format(d, out);
		assert_int_equal(date_parse(out, &back), 0);
		assert_int_equal(back, d);
	}
}

static void strict_parsing(void **state)
{
	(void)state;
	long d;
	assert_int_equal(date_parse("2026-02-29", &d), SAMEN_EINVAL); /* not a leap year */
	assert_int_equal(date_parse("2028-02-29", &d), 0);
	assert_int_equal(date_parse("2026-13-01", &d), SAMEN_EINVAL);
	assert_int_equal(date_parse("2026-1-01", &d), SAMEN_EINVAL);
	assert_int_equal(date_parse("26-01-2026", &d), SAMEN_EINVAL);
	assert_int_equal(date_parse("2026-01-01x", &d), SAMEN_EINVAL);
	assert_int_equal(date_parse("", &d), SAMEN_EINVAL);
	assert_int_equal(date_parse(NULL, &d), SAMEN_EINVAL);
	assert_int_equal(date_parse("1900-02-29", &d), SAMEN_EINVAL); /* century rule */
	assert_int_equal(date_parse("2000-02-29", &d), 0);            /* 400-year rule */
}

static void weekdays(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(date_days(2026, 11, 24)), 2); /* a Tuesday */
	assert_int_equal(date_weekday(date_days(2028, 4, 27)), 4);  /* Koningsdag 2028, Thursday */
	assert_int_equal(date_weekday(date_days(1970, 1, 4)), 7);
}

static void ages(void **state)
{
	(void)state;
	long born = date_days(1961, 11, 25);
	assert_int_equal(date_age(born, date_days(2026, 11, 24)), 64);
	assert_int_equal(date_age(born, date_days(2026, 11, 25)), 65);
	long leap = date_days(2004, 2, 29);
	assert_int_equal(date_age(leap, date_days(2026, 2, 28)), 21);
	assert_int_equal(date_age(leap, date_days(2026, 3, 1)), 22);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(epoch_and_round_trip),
		cmocka_unit_test(strict_parsing),
		cmocka_unit_test(weekdays),
		cmocka_unit_test(ages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
