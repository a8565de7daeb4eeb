/*
 * test_holidays_import.c - holiday lists for new school years, good and
 * faulty, in the three layouts (fixtures in tests/fixtures/calendar/,
 * written for these tests).
 *
 * Covered: Samen's list layout with a Monday-Friday row widened to the
 * weekends; the government's open data JSON (2026-2027, whose UTC end
 * stamps 21:59Z and 22:59Z are the Sunday in Amsterdam, "heel Nederland"
 * for all regions) matching data/schoolvakanties.csv exactly; an
 * OpenHolidays export with Groups NO/MI/ZU; and every refusal with its line
 * and reason: impossible length, end before start, unknown region, unknown
 * kind, a Friday start, overlapping periods of one kind, a public holiday
 * in a school list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/holidays_import.h"
#include "util/date.h"

#ifndef SAMEN_SOURCE_DIR
#define SAMEN_SOURCE_DIR "."
#endif

static long day(const char *iso)
{
	long d = 0;
	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

static char *fixture(const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/fixtures/calendar/%s", SAMEN_SOURCE_DIR, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static int parse_file(const char *name, struct holidays_batch *b, struct samen_err *err)
{
	size_t len;
	char *text = fixture(name, &len);
	int rc = holidays_parse(text, len, HOLIDAYS_AUTO, b, err);
	free(text);
	return rc;
}

static void expect_row(const struct holidays_row *r, int region, enum cal_kind kind,
		       const char *start, const char *end, int school_year)
{
	assert_int_equal(r->h.region, region);
	assert_int_equal(r->h.kind, kind);
	assert_int_equal(r->h.start, day(start));
	assert_int_equal(r->h.end, day(end));
	assert_int_equal(r->h.school_year, school_year);
}

static void list_layout_with_a_weekday_range(void **state)
{
	(void)state;
	struct holidays_batch b;
	struct samen_err err;
	assert_int_equal(parse_file("list_2029_2030_example.csv", &b, &err), 0);
	assert_int_equal(b.format, HOLIDAYS_LIST_CSV);
	assert_int_equal(b.n, 6);
	expect_row(&b.rows[0], CAL_NOORD, CAL_HERFST, "2029-10-13", "2029-10-21", 2029);
	assert_false(b.rows[0].widened);
	/* Monday 22 - Friday 26 October becomes Saturday 20 - Sunday 28 October. */
	expect_row(&b.rows[2], CAL_ZUID, CAL_HERFST, "2029-10-20", "2029-10-28", 2029);
	assert_true(b.rows[2].widened);
	assert_int_equal(b.rows[2].line, 4);
	expect_row(&b.rows[5], CAL_ZUID, CAL_KERST, "2029-12-22", "2030-01-06", 2029);
	holidays_batch_release(&b);
}

static void list_layout_faults(void **state)
{
	(void)state;
	struct holidays_batch b;
	struct samen_err err;
	assert_int_equal(parse_file("list_faulty.csv", &b, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
	assert_int_equal(b.n_problems, 5);
	struct {
		long line;
		const char *field, *msg;
	} want[5] = {
		{2, "end_date",
		 "a voorjaarsvakantie lasts 9 days (Saturday to Sunday), not 30 (2030-02-16 to 2030-03-17)"},
		{3, "end_date", "the voorjaarsvakantie ends (2030-02-16) before it starts (2030-02-24)"},
		{4, "region", "unknown holiday region 'oost'; use noord, midden or zuid"},
		{8, "name", "unknown holiday 'pinkstervakantie'"},
		{6, "start_date", "overlaps the herfstvakantie zuid of 2029-2030 (2029-10-20 to 2029-10-28)"},
	};
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(b.problems[i].line, want[i].line);
		assert_string_equal(b.problems[i].field, want[i].field);
		assert_string_equal(b.problems[i].msg, want[i].msg);
	}
	holidays_batch_release(&b);
}

static void government_json_matches_the_shipped_data(void **state)
{
	(void)state;
	struct holidays_batch b;
	struct samen_err err;
	assert_int_equal(parse_file("rijksoverheid_2026_2027.json", &b, &err), 0);
	assert_int_equal(b.format, HOLIDAYS_RIJKSOVERHEID);
	assert_int_equal(b.n, 15);
	struct calendar shipped;
	calendar_init(&shipped);
	assert_int_equal(calendar_load_embedded(&shipped, &err), 0);
	for (size_t i = 0; i < b.n; i++) {
		bool found = false;
		for (size_t j = 0; j < shipped.n_holidays; j++) {
			const struct cal_holiday *s = &shipped.holidays[j];
			if (s->region == b.rows[i].h.region && s->kind == b.rows[i].h.kind &&
			    s->school_year == 2026) {
				assert_int_equal(b.rows[i].h.start, s->start);
				assert_int_equal(b.rows[i].h.end, s->end);
				found = true;
			}
		}
		assert_true(found);
	}
	calendar_release(&shipped);
	/* "heel Nederland" gives three rows on the line of its entry. */
	expect_row(&b.rows[3], CAL_NOORD, CAL_KERST, "2026-12-19", "2027-01-03", 2026);
	expect_row(&b.rows[5], CAL_ZUID, CAL_KERST, "2026-12-19", "2027-01-03", 2026);
	assert_int_equal(b.rows[3].line, 7);
	assert_int_equal(b.rows[5].line, 7);
	assert_int_equal(b.rows[0].line, 3);
	holidays_batch_release(&b);
}

static void government_json_faults(void **state)
{
	(void)state;
	struct holidays_batch b;
	struct samen_err err;
	assert_int_equal(parse_file("rijksoverheid_faulty.json", &b, &err), SAMEN_EINVAL);
	assert_int_equal(b.n_problems, 5);
	assert_int_equal(b.problems[0].line, 4);
	assert_string_equal(b.problems[0].msg, "unknown holiday region 'oost'; use noord, midden or zuid");
	for (size_t i = 1; i < 4; i++) {
		assert_int_equal(b.problems[i].line, 6);
		assert_string_equal(b.problems[i].msg,
				    "the kerstvakantie ends (2029-12-22) before it starts (2030-01-05)");
	}
	assert_int_equal(b.problems[4].line, 8);
	assert_string_equal(b.problems[4].msg, "unknown holiday 'Pinkstervakantie'");
	holidays_batch_release(&b);
}

static void openholidays_export(void **state)
{
	(void)state;
	struct holidays_batch b;
	struct samen_err err;
	assert_int_equal(parse_file("openholidays_2029_example.csv", &b, &err), 0);
	assert_int_equal(b.format, HOLIDAYS_OPENHOLIDAYS);
	assert_int_equal(b.n, 6);
	expect_row(&b.rows[0], CAL_NOORD, CAL_HERFST, "2029-10-13", "2029-10-21", 2029);
	expect_row(&b.rows[1], CAL_MIDDEN, CAL_HERFST, "2029-10-20", "2029-10-28", 2029);
	expect_row(&b.rows[2], CAL_ZUID, CAL_HERFST, "2029-10-20", "2029-10-28", 2029);
	expect_row(&b.rows[5], CAL_ZUID, CAL_KERST, "2029-12-22", "2030-01-06", 2029);
	assert_int_equal(b.rows[5].line, 4);
	holidays_batch_release(&b);
}

static void openholidays_faults(void **state)
{
	(void)state;
	struct holidays_batch b;
	struct samen_err err;
	assert_int_equal(parse_file("openholidays_faulty.csv", &b, &err), SAMEN_EINVAL);
	assert_int_equal(b.n_problems, 5);
	struct {
		long line;
		const char *field, *msg;
	} want[5] = {
		/* The OpenHolidays typo: a voorjaarsvakantie that ends a month late. */
		{2, "end_date",
		 "a voorjaarsvakantie lasts 9 days (Saturday to Sunday), not 37 (2027-02-13 to 2027-03-21)"},
		{3, "start_date",
		 "the zomervakantie starts on Friday 2026-07-17; school holidays start on a Saturday"},
		{4, "Groups", "unknown holiday region 'OO'; use noord, midden or zuid"},
		{5, "Type", "type 'Public' is not a school holiday"},
		{6, "start_date", "overlaps the kerstvakantie noord of 2026-2027 (2026-12-19 to 2027-01-03)"},
	};
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(b.problems[i].line, want[i].line);
		assert_string_equal(b.problems[i].field, want[i].field);
		assert_string_equal(b.problems[i].msg, want[i].msg);
	}
	holidays_batch_release(&b);
}

static void utc_stamps_become_dutch_dates(void **state)
{
	(void)state;
	long d;
	assert_int_equal(holidays_local_date("2026-10-18T21:59:00.000Z", &d), 0); /* CEST */
	assert_int_equal(d, day("2026-10-18"));
	assert_int_equal(holidays_local_date("2026-10-25T22:59:00.000Z", &d), 0); /* CET again */
	assert_int_equal(d, day("2026-10-25"));
	assert_int_equal(holidays_local_date("2026-10-17T22:30:00Z", &d), 0); /* 00:30 CEST */
	assert_int_equal(d, day("2026-10-18"));
	assert_int_equal(holidays_local_date("2027-01-03T23:30:00Z", &d), 0); /* 00:30 CET */
	assert_int_equal(d, day("2027-01-04"));
	assert_int_equal(holidays_local_date("2026-03-29T00:30:00Z", &d), 0); /* 01:30 CET */
	assert_int_equal(d, day("2026-03-29"));
	assert_int_equal(holidays_local_date("2026-10-10", &d), 0);
	assert_int_equal(d, day("2026-10-10"));
	assert_int_equal(holidays_local_date("2026-10-10T25:00:00Z", &d), SAMEN_EINVAL);
	assert_int_equal(holidays_local_date("10-10-2026", &d), SAMEN_EINVAL);
}

static void unknown_layouts_and_formats(void **state)
{
	(void)state;
	struct holidays_batch b;
	struct samen_err err;
	const char *text = "datum,naam\n2029-10-13,herfst\n";
	assert_int_equal(holidays_parse(text, strlen(text), HOLIDAYS_AUTO, &b, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 1);
	holidays_batch_release(&b);
	const char *json = "{\"content\": [}";
	assert_int_equal(holidays_parse(json, strlen(json), HOLIDAYS_AUTO, &b, &err), SAMEN_EINVAL);
	assert_int_equal(strncmp(err.msg, "not valid JSON", 14), 0);
	holidays_batch_release(&b);
	enum holidays_format f;
	assert_int_equal(holidays_format_parse("openholidays", &f, &err), 0);
	assert_int_equal(f, HOLIDAYS_OPENHOLIDAYS);
	assert_int_equal(holidays_format_parse("excel", &f, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "format");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(list_layout_with_a_weekday_range),
		cmocka_unit_test(list_layout_faults),
		cmocka_unit_test(government_json_matches_the_shipped_data),
		cmocka_unit_test(government_json_faults),
		cmocka_unit_test(openholidays_export),
		cmocka_unit_test(openholidays_faults),
		cmocka_unit_test(utc_stamps_become_dutch_dates),
		cmocka_unit_test(unknown_layouts_and_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
