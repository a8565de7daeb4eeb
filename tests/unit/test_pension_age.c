/*
 * test_pension_age.c - the AOW age by birth date (core/pension_age.c):
 * the built-in table, the end-of-month rule and a bad settings table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "core/pension_age.h"
#include "util/date.h"

static long day(const char *s)
{
	long d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void aow(const char *born, const char *expect)
{
	size_t n;
	const struct pension_row *rows = pension_age_defaults(&n);
	long d;
	assert_int_equal(pension_age_date(rows, n, day(born), &d, NULL), 0);
	char out[11];
	date_format(d, out);
	assert_string_equal(out, expect);
}

static void defaults_are_valid(void **state)
{
	(void)state;
	size_t n;
	const struct pension_row *rows = pension_age_defaults(&n);
	assert_int_equal(n, 13);
	assert_int_equal(pension_age_validate(rows, n, NULL), 0);
	/* Only the last row (born after 30 September 1963) is an assumption. */
	for (size_t i = 0; i + 1 < n; i++)
		assert_true(rows[i].is_law);
	assert_false(rows[n - 1].is_law);
	assert_non_null(strstr(rows[n - 1].source, "setting"));
}

/* SVB table: 67 for 1956-03-01..1960-12-31, 67y3m for 1961..30-09-1963, 66y4m for 1953. */
static void ages_by_birth_date(void **state)
{
	(void)state;
	aow("1958-05-14", "2025-05-14");
	aow("1960-12-31", "2027-12-31");
	aow("1961-01-01", "2028-04-01");
	aow("1963-09-30", "2030-12-30");
	aow("1953-06-10", "2019-10-10");
	aow("1947-03-01", "2012-03-01");
	/* The setting row: 67 years 3 months assumed. */
	aow("1990-02-01", "2057-05-01");
}

/* End of month: born 30 November + 3 months -> last day of February. */
static void end_of_month_rule(void **state)
{
	(void)state;
	char out[11];
	date_format(pension_add_months(day("1962-11-30"), 67 * 12 + 3), out);
	assert_string_equal(out, "2030-02-28");
	date_format(pension_add_months(day("1963-05-31"), 3), out);
	assert_string_equal(out, "1963-08-31");
	date_format(pension_add_months(day("1963-11-30"), 3), out);
	assert_string_equal(out, "1964-02-29");
	aow("1962-11-30", "2030-02-28");
}

static void bad_tables_are_refused(void **state)
{
	(void)state;
	struct samen_err err;
	struct pension_row gap[2] = {
		{PENSION_OPEN_FROM, day("1960-12-31"), 67, 0, true, "x"},
		{day("1961-01-02"), PENSION_OPEN_TO, 67, 3, false, "x"},
	};
	assert_int_equal(pension_age_validate(gap, 2, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.field, "born_from");
	struct pension_row months[1] = {{PENSION_OPEN_FROM, PENSION_OPEN_TO, 67, 12, true, "x"}};
	assert_int_equal(pension_age_validate(months, 1, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "months");
	struct pension_row closed[1] = {{day("1950-01-01"), day("1960-01-01"), 67, 0, true, "x"}};
	assert_int_equal(pension_age_validate(closed, 1, NULL), 0);
	long d;
	assert_int_equal(pension_age_date(closed, 1, day("1970-01-01"), &d, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "birth_date");
	assert_int_equal(pension_age_validate(NULL, 0, NULL), SAMEN_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_are_valid),
		cmocka_unit_test(ages_by_birth_date),
		cmocka_unit_test(end_of_month_rule),
		cmocka_unit_test(bad_tables_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
