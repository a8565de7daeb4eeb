/*
 * test_bell_schedule.c - the per-school bell schedule setting and the
 * shared timetable helpers (formats/timetable.h): parsing
 * "N=HH:MM-HH:MM,...,lesson=MM", refusing out-of-order, overlapping and
 * malformed schedules, writing the setting back, Europe/Amsterdam local
 * time across the October 2026 DST change, and mapping teacher codes to
 * people through a lookup callback.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "formats/timetable.h"
#include "util/date.h"

#define NINE "1=08:30-09:20,2=09:20-10:10,3=10:25-11:15,4=11:15-12:05,5=12:35-13:25," \
	     "6=13:25-14:15,7=14:15-15:05,8=15:05-15:55,9=15:55-16:45"

static void test_parse_nine(void **state)
{
	(void)state;
	struct bell_schedule b;
	struct samen_err err = {0};
	assert_int_equal(bell_schedule_parse(NINE, &b, &err), 0);
	assert_int_equal(b.nperiods, 9);
	assert_int_equal(b.start_min[1], 510);
	assert_int_equal(b.end_min[1], 560);
	assert_int_equal(b.start_min[3], 625);
	assert_int_equal(b.end_min[9], 1005);
	assert_int_equal(b.lesson_minutes, 50); /* default: length of period 1 */
	char out[512];
	assert_int_equal(bell_schedule_format(&b, out, sizeof out, &err), 0);
	assert_string_equal(out, NINE ",lesson=50");
}

static void test_parse_lesson_length_and_spaces(void **state)
{
	(void)state;
	struct bell_schedule b;
	assert_int_equal(bell_schedule_parse(" 1=08:15-09:00 , 2=09:00-09:45, lesson=45 ", &b, NULL),
			 0);
	assert_int_equal(b.nperiods, 2);
	assert_int_equal(b.start_min[2], 540);
	assert_int_equal(b.end_min[2], 585);
	assert_int_equal(b.lesson_minutes, 45);
	char small[10];
	struct samen_err err = {0};
	assert_int_equal(bell_schedule_format(&b, small, sizeof small, &err), SAMEN_ETOOBIG);
}

static void expect_refused(const char *text, const char *msg)
{
	struct bell_schedule b;
	struct samen_err err = {0};
	assert_int_equal(bell_schedule_parse(text, &b, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "bell_schedule");
	assert_string_equal(err.msg, msg);
}

static void test_refusals(void **state)
{
	(void)state;
	expect_refused("", "item 1: expected N=HH:MM-HH:MM or lesson=MM");
	expect_refused("1=08:30-09:20,3=09:20-10:10", "item 2: periods must be numbered 1, 2, 3, ... in order");
	expect_refused("1=08:30-09:20,2=09:10-10:00", "period 2 starts before period 1 ends");
	expect_refused("1=09:20-08:30", "period 1 must start before it ends");
	expect_refused("1=8:30-09:20", "item 1: bad start time");
	expect_refused("1=08:30-25:00", "item 1: bad end time");
	expect_refused("1=08:30-09:20;2=09:20-10:10", "item 1: expected ',' after the item");
	expect_refused("1=08:30-09:20,lesson=0", "item 2: lesson length must be 1..240 minutes");
	expect_refused("lesson=50", "a bell schedule has 1..16 periods, not 0");
}

static void test_validate(void **state)
{
	(void)state;
	struct bell_schedule b;
	memset(&b, 0, sizeof b);
	b.nperiods = 2;
	b.start_min[1] = 500;
	b.end_min[1] = 550;
	b.start_min[2] = 550;
	b.end_min[2] = 600;
	b.lesson_minutes = 50;
	assert_int_equal(bell_schedule_validate(&b, NULL), 0);
	b.lesson_minutes = 300;
	struct samen_err err = {0};
	assert_int_equal(bell_schedule_validate(&b, &err), SAMEN_EINVAL);
	assert_string_equal(err.msg, "lesson length must be 1..240 minutes, not 300");
}

static void test_amsterdam_local(void **state)
{
	(void)state;
	long day, min, want;
	/* 2026-10-23 06:30 UTC is 08:30 CEST (summer time). */
	assert_int_equal(timetable_amsterdam_local(1792737000LL, &day, &min), 0);
	assert_int_equal(date_parse("2026-10-23", &want), 0);
	assert_int_equal(day, want);
	assert_int_equal(min, 510);
	/* 2026-10-26 07:30 UTC is 08:30 CET (winter time, after 25 October). */
	assert_int_equal(timetable_amsterdam_local(1792999800LL, &day, &min), 0);
	assert_int_equal(date_parse("2026-10-26", &want), 0);
	assert_int_equal(day, want);
	assert_int_equal(min, 510);
	/* 2026-10-25 00:59:59 UTC is still CEST: 02:59 local; 01:00 UTC is 02:00 CET. */
	assert_int_equal(timetable_amsterdam_local(1792889999LL, &day, &min), 0);
	assert_int_equal(min, 179);
	assert_int_equal(timetable_amsterdam_local(1792890000LL, &day, &min), 0);
	assert_int_equal(min, 120);
	/* 2026-12-31 23:30 UTC is already 2027-01-01 00:30 local. */
	assert_int_equal(timetable_amsterdam_local(1798759800LL, &day, &min), 0);
	assert_int_equal(date_parse("2027-01-01", &want), 0);
	assert_int_equal(day, want);
	assert_int_equal(min, 30);
}

struct people {
	const char *codes[3];
	long ids[3];
	int calls;
};

static int lookup(void *ctx, long school_id, const char *code, long *person)
{
	struct people *pp = ctx;
	pp->calls++;
	if (school_id != 7)
		return SAMEN_EDB;
	for (int i = 0; i < 3; i++)
		if (pp->codes[i] && strcmp(pp->codes[i], code) == 0) {
			*person = pp->ids[i];
			return 0;
		}
	return SAMEN_ENOTFOUND;
}

static void test_map_people(void **state)
{
	(void)state;
	struct timetable tt;
	timetable_init(&tt, TIMETABLE_UNTIS);
	struct lesson l;
	memset(&l, 0, sizeof l);
	const char *codes[] = {"BAK", "XYZ", "DEV", "QQ"};
	for (int i = 0; i < 4; i++) {
		snprintf(l.teacher_code, sizeof l.teacher_code, "%s", codes[i]);
		l.line = 10 + i;
		assert_int_equal(timetable_add_lesson(&tt, &l, NULL), 0);
	}
	struct people pp = {{"BAK", "DEV", NULL}, {101, 102, 0}, 0};
	long person[4];
	struct timetable_problems probs = {0};
	struct samen_err err = {0};
	assert_int_equal(timetable_map_people(&tt, 7, lookup, &pp, person, &probs, &err),
			 SAMEN_EINVAL);
	assert_int_equal(pp.calls, 4);
	assert_int_equal(person[0], 101);
	assert_int_equal(person[1], 0);
	assert_int_equal(person[2], 102);
	assert_int_equal(probs.n, 2);
	assert_int_equal(probs.items[0].line, 11);
	assert_string_equal(probs.items[0].field, "teacher");
	assert_string_equal(probs.items[0].msg, "teacher code 'XYZ' is not known at this school");
	assert_int_equal(probs.items[1].line, 13);
	assert_int_equal(err.line, 11);
	/* A failing lookup is passed on as is. */
	assert_int_equal(timetable_map_people(&tt, 8, lookup, &pp, person, NULL, &err), SAMEN_EDB);
	/* All known: 0. */
	tt.n = 1;
	assert_int_equal(timetable_map_people(&tt, 7, lookup, &pp, person, NULL, NULL), 0);
	assert_int_equal(person[0], 101);
	timetable_free(&tt);
	assert_int_equal(tt.n, 0);
	assert_null(tt.lessons);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_nine),
		cmocka_unit_test(test_parse_lesson_length_and_spaces),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_amsterdam_local),
		cmocka_unit_test(test_map_people),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
