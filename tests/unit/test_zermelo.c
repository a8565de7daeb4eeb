/*
 * test_zermelo.c - Zermelo appointments JSON (fixtures in
 * tests/fixtures/timetable/, written for these tests from the field list):
 * the response envelope with a lesson on Friday 23 October 2026 (summer
 * time) and one on Monday 26 October 2026 (winter time), both 08:30 local;
 * a cancelled and a replaced (valid: false) appointment skipped; two
 * teachers giving two lessons; groups joined with '~'; and the refusals
 * naming the array index and field: a mistyped start, a period outside the
 * bell schedule, overlapping appointments, a weekend date, a bare array.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/zermelo.h"
#include "util/date.h"

#ifndef SAMEN_SOURCE_DIR
#define SAMEN_SOURCE_DIR "."
#endif

#define NINE "1=08:30-09:20,2=09:20-10:10,3=10:25-11:15,4=11:15-12:05,5=12:35-13:25," \
	     "6=13:25-14:15,7=14:15-15:05,8=15:05-15:55,9=15:55-16:45"

static char *fixture(const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/fixtures/timetable/%s", SAMEN_SOURCE_DIR, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 16);
	assert_non_null(buf);
	*len = fread(buf, 1, (1 << 16) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static long day(const char *iso)
{
	long d = 0;
	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

static void test_dst_and_cancelled(void **state)
{
	(void)state;
	struct bell_schedule bells;
	assert_int_equal(bell_schedule_parse(NINE, &bells, NULL), 0);
	size_t len;
	char *json = fixture("zermelo_dst.json", &len);
	struct timetable tt;
	struct timetable_problems p = {0};
	struct samen_err err = {0};
	assert_int_equal(zermelo_read(json, len, &bells, &tt, &p, &err), 0);
	free(json);
	assert_int_equal(p.n, 0);
	assert_int_equal(tt.source, TIMETABLE_ZERMELO);
	assert_int_equal(tt.n, 3);
	const struct lesson *a = &tt.lessons[0];
	assert_string_equal(a->teacher_code, "kzp");
	assert_string_equal(a->subject, "netl");
	assert_string_equal(a->class_name, "v6.netl3");
	assert_string_equal(a->room, "b204");
	assert_int_equal(a->lesson_id, 1001);
	assert_int_equal(a->date, day("2026-10-23"));
	assert_int_equal(a->weekday, 5);
	assert_int_equal(a->period, 1);
	assert_int_equal(a->start_min, 510); /* 06:30 UTC + 2 h */
	assert_int_equal(a->end_min, 560);
	assert_int_equal(a->line, 0);
	for (int i = 1; i <= 2; i++) {
		const struct lesson *b = &tt.lessons[i];
		assert_string_equal(b->teacher_code, i == 1 ? "kzp" : "abc");
		assert_string_equal(b->subject, "ckv");
		assert_string_equal(b->class_name, "h4a~h4b");
		assert_string_equal(b->room, "");
		assert_int_equal(b->lesson_id, 1003);
		assert_int_equal(b->date, day("2026-10-26"));
		assert_int_equal(b->weekday, 1);
		assert_int_equal(b->period, 1);
		assert_int_equal(b->start_min, 510); /* 07:30 UTC + 1 h */
		assert_int_equal(b->end_min, 560);
		assert_int_equal(b->line, 2);
	}
	assert_int_equal(tt.nteachers, 2);
	assert_string_equal(tt.teachers[0].code, "kzp");
	assert_string_equal(tt.teachers[1].code, "abc");
	timetable_free(&tt);
}

static void test_faulty(void **state)
{
	(void)state;
	struct bell_schedule bells;
	assert_int_equal(bell_schedule_parse(NINE, &bells, NULL), 0);
	size_t len;
	char *json = fixture("zermelo_faulty.json", &len);
	struct timetable tt;
	struct timetable_problems p = {0};
	struct samen_err err = {0};
	assert_int_equal(zermelo_read(json, len, &bells, &tt, &p, &err), SAMEN_EINVAL);
	free(json);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.items[0].field, "data[0].start");
	assert_string_equal(p.items[0].msg, "must be Unix seconds (an integer)");
	assert_string_equal(p.items[1].field, "data[1].startTimeSlot");
	assert_string_equal(p.items[1].msg, "period 12 is outside the bell schedule (periods 1-9)");
	assert_string_equal(p.items[2].field, "data[4].start");
	assert_string_equal(p.items[2].msg, "teacher kzp has two lessons at the same time: weekday "
					    "5, 09:00-09:50 overlaps the lesson of appointment 3");
	assert_string_equal(err.field, "data[0].start");
	assert_int_equal(tt.n, 0);
	assert_null(tt.lessons);
}

static void test_bare_array_and_no_bells(void **state)
{
	(void)state;
	/* 2027-03-29 (Monday after the March change) 08:15 CEST = 06:15 UTC. */
	const char *json = "[{\"id\":9,\"start\":1806300900,\"end\":1806303600,"
			   "\"teachers\":[\"xy\"],\"subjects\":[\"wi\",\"wa\"]},"
			   "{\"id\":10,\"start\":1806300900,\"end\":1806303600,\"teachers\":[]}]";
	struct timetable tt;
	assert_int_equal(zermelo_read(json, strlen(json), NULL, &tt, NULL, NULL), 0);
	assert_int_equal(tt.n, 1);
	assert_int_equal(tt.lessons[0].date, day("2027-03-29"));
	assert_int_equal(tt.lessons[0].weekday, 1);
	assert_int_equal(tt.lessons[0].start_min, 495);
	assert_int_equal(tt.lessons[0].end_min, 540);
	assert_int_equal(tt.lessons[0].period, 0);
	assert_int_equal(tt.lessons[0].lesson_id, 9);
	assert_string_equal(tt.lessons[0].subject, "wi~wa");
	timetable_free(&tt);
}

static void test_refusals(void **state)
{
	(void)state;
	struct timetable tt;
	struct samen_err err = {0};
	/* Saturday 2026-10-24 10:00 CEST. */
	const char *sat = "{\"response\":{\"data\":[{\"start\":1792828800,\"end\":1792831800,"
			  "\"teachers\":[\"kzp\"]}]}}";
	assert_int_equal(zermelo_read(sat, strlen(sat), NULL, &tt, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "data[0].start");
	assert_string_equal(err.msg, "2026-10-24 is a Saturday, not a school day");
	const char *noteachers = "{\"response\":{\"data\":[{\"start\":1792737000,\"end\":1792740000}]}}";
	assert_int_equal(zermelo_read(noteachers, strlen(noteachers), NULL, &tt, NULL, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "data[0].teachers");
	assert_string_equal(err.msg, "is missing (ask for fields=teachers)");
	const char *backwards = "[{\"start\":1792740000,\"end\":1792737000,\"teachers\":[\"a\"]}]";
	assert_int_equal(zermelo_read(backwards, strlen(backwards), NULL, &tt, NULL, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "data[0].end");
	assert_string_equal(err.msg, "end must be after start");
	/* Friday 2026-10-23 23:30 CEST until Saturday 00:30: crosses midnight. */
	const char *late = "[{\"start\":1792791000,\"end\":1792794600,\"teachers\":[\"a\"]}]";
	assert_int_equal(zermelo_read(late, strlen(late), NULL, &tt, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "data[0].end");
	assert_string_equal(err.msg, "the appointment ends on another day");
	const char *types = "[{\"start\":1792737000,\"end\":1792740000,\"teachers\":[\"a\"],"
			    "\"groups\":\"h4a\",\"appointmentInstance\":\"x\"}]";
	struct timetable_problems p = {0};
	assert_int_equal(zermelo_read(types, strlen(types), NULL, &tt, &p, &err), SAMEN_EINVAL);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.items[0].field, "data[0].groups");
	assert_string_equal(p.items[0].msg, "must be an array of strings");
	assert_string_equal(p.items[1].field, "data[0].appointmentInstance");
	assert_string_equal(p.items[1].msg, "must be an integer");
	const char *notjson = "{\"response\":";
	assert_int_equal(zermelo_read(notjson, strlen(notjson), NULL, &tt, NULL, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "json");
	const char *nodata = "{\"response\":{\"status\":200}}";
	assert_int_equal(zermelo_read(nodata, strlen(nodata), NULL, &tt, NULL, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "response.data");
	assert_int_equal(tt.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dst_and_cancelled),
		cmocka_unit_test(test_faulty),
		cmocka_unit_test(test_bare_array_and_no_bells),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
