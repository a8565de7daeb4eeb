/*
 * test_untis_gpu.c - Untis GPU004 (teachers) and GPU001 (lessons) on
 * fixtures written for these tests from the SVWS-NRW layout description
 * (tests/fixtures/timetable/): UTF-8 with LF, Windows-1252 with CRLF and
 * é/ë in names, quoted fields with a ';' inside, ',' as separator, a
 * coupled lesson over two classes, a lesson without teacher, a lesson
 * length in column 8; and every refusal with its line and field: a byte
 * that is neither UTF-8 nor Windows-1252, an unknown teacher code, period
 * 12 outside a 9-period schedule, overlapping lessons, malformed numbers
 * and weekdays. A refused file leaves nothing behind.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/untis_gpu.h"

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

static struct bell_schedule nine(void)
{
	struct bell_schedule b;
	assert_int_equal(bell_schedule_parse(NINE, &b, NULL), 0);
	return b;
}

static int read_pair(const char *f004, const char *f001, struct timetable *tt,
		     struct timetable_problems *p, struct samen_err *err)
{
	size_t l4, l1;
	char *a = fixture(f004, &l4), *b = fixture(f001, &l1);
	struct bell_schedule bells = nine();
	int rc = untis_gpu_read(a, l4, b, l1, &bells, tt, p, err);
	free(a);
	free(b);
	return rc;
}

static void expect_lesson(const struct lesson *l, long id, const char *teacher,
			  const char *subject, const char *cls, const char *room, int weekday,
			  int period, long start, long end, long line)
{
	assert_int_equal(l->lesson_id, id);
	assert_string_equal(l->teacher_code, teacher);
	assert_string_equal(l->subject, subject);
	assert_string_equal(l->class_name, cls);
	assert_string_equal(l->room, room);
	assert_int_equal(l->weekday, weekday);
	assert_int_equal(l->period, period);
	assert_int_equal(l->start_min, start);
	assert_int_equal(l->end_min, end);
	assert_int_equal(l->date, 0);
	assert_int_equal(l->line, line);
}

static void test_utf8_lf(void **state)
{
	(void)state;
	struct timetable tt;
	struct timetable_problems p = {0};
	struct samen_err err = {0};
	assert_int_equal(read_pair("gpu004_utf8_lf.txt", "gpu001_utf8_lf.txt", &tt, &p, &err), 0);
	assert_int_equal(p.n, 0);
	assert_int_equal(tt.source, TIMETABLE_UNTIS);
	assert_int_equal(tt.nteachers, 4);
	assert_string_equal(tt.teachers[0].code, "BAK");
	assert_string_equal(tt.teachers[0].name, "Jan Bakker");
	assert_int_equal(tt.teachers[0].line, 1);
	assert_string_equal(tt.teachers[1].name, "Anouk Linden; van der"); /* quoted ';' */
	assert_string_equal(tt.teachers[2].name, "Chlo\xc3\xab Eksteen");
	assert_int_equal(tt.teachers[3].line, 4);
	/* 7 lines: one without a teacher skipped, two coupled lines merged. */
	assert_int_equal(tt.n, 5);
	expect_lesson(&tt.lessons[0], 1, "BAK", "wi", "H4a", "101", 1, 1, 510, 560, 1);
	expect_lesson(&tt.lessons[1], 1, "BAK", "wi", "H4a", "101", 1, 2, 560, 610, 2);
	expect_lesson(&tt.lessons[2], 2, "DEV", "netl", "V5b", "", 2, 3, 625, 675, 3);
	expect_lesson(&tt.lessons[3], 3, "EKS", "ak", "H4a~H4b", "204", 3, 9, 955, 1005, 4);
	/* dauer 100 minutes: 11:15 + 100 = 12:55. */
	expect_lesson(&tt.lessons[4], 5, "JAN", "fa", "V5b", "12", 5, 4, 675, 775, 7);
	timetable_free(&tt);
}

static void test_cp1252_crlf(void **state)
{
	(void)state;
	struct timetable tt;
	struct samen_err err = {0};
	assert_int_equal(read_pair("gpu004_cp1252_crlf.txt", "gpu001_cp1252_crlf.txt", &tt, NULL,
				   &err),
			 0);
	assert_int_equal(tt.nteachers, 2);
	assert_string_equal(tt.teachers[0].code, "HER");
	assert_string_equal(tt.teachers[0].name, "No\xc3\xabl H\xc3\xa9rault");
	assert_string_equal(tt.teachers[1].name, "Zo\xc3\xab Smit");
	assert_int_equal(tt.teachers[1].line, 2);
	assert_int_equal(tt.n, 2);
	expect_lesson(&tt.lessons[0], 1, "HER", "fr", "A2c", "Aula", 2, 5, 755, 805, 1);
	expect_lesson(&tt.lessons[1], 2, "SMI", "en", "A2c", "", 4, 6, 805, 855, 2);
	timetable_free(&tt);
}

static void test_to_utf8(void **state)
{
	(void)state;
	char *out;
	size_t n;
	assert_int_equal(untis_gpu_to_utf8("M\xfcller;\xe9\x80", 9, &out, &n, NULL), 0);
	assert_int_equal(n, 13);
	assert_string_equal(out, "M\xc3\xbcller;\xc3\xa9\xe2\x82\xac"); /* ü é € */
	free(out);
	/* Valid UTF-8 with a BOM stays as it is. */
	assert_int_equal(untis_gpu_to_utf8("\xef\xbb\xbf" "Zo\xc3\xab", 7, &out, &n, NULL), 0);
	assert_int_equal(n, 7);
	assert_memory_equal(out, "\xef\xbb\xbf" "Zo\xc3\xab", 7);
	free(out);
	struct samen_err err = {0};
	assert_int_equal(untis_gpu_to_utf8("a\nb\n\x9d", 5, &out, &n, &err), SAMEN_EINVAL);
	assert_null(out);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.field, "encoding");
	assert_int_equal(untis_gpu_to_utf8("a\nb\0", 4, &out, &n, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.msg, "NUL byte in a text file");
}

static void test_broken_encoding(void **state)
{
	(void)state;
	struct timetable tt;
	struct timetable_problems p = {0};
	struct samen_err err = {0};
	assert_int_equal(read_pair("gpu004_broken_encoding.txt", "gpu001_cp1252_crlf.txt", &tt, &p,
				   &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.field, "encoding");
	assert_string_equal(err.msg, "byte 0x81 is neither UTF-8 nor Windows-1252; save the export "
				     "as UTF-8 or ANSI");
	assert_int_equal(p.n, 1);
	assert_int_equal(p.items[0].line, 2);
	assert_int_equal(tt.n, 0);
	assert_int_equal(tt.nteachers, 0);
	assert_null(tt.teachers);
}

static void test_unknown_teacher(void **state)
{
	(void)state;
	struct timetable tt;
	struct timetable_problems p = {0};
	struct samen_err err = {0};
	assert_int_equal(read_pair("gpu004_utf8_lf.txt", "gpu001_unknown_teacher.txt", &tt, &p,
				   &err),
			 SAMEN_EINVAL);
	assert_int_equal(p.n, 1);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.field, "lehrer");
	assert_string_equal(err.msg, "teacher code 'XYZ' is not in GPU004 (column 3)");
	assert_int_equal(tt.n, 0);
	assert_int_equal(tt.nteachers, 0);
}

static void test_period_outside(void **state)
{
	(void)state;
	struct timetable tt;
	struct samen_err err = {0};
	assert_int_equal(read_pair("gpu004_utf8_lf.txt", "gpu001_period12.txt", &tt, NULL, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 1);
	assert_string_equal(err.field, "stunde");
	assert_string_equal(err.msg,
			    "period 12 is outside the bell schedule (periods 1-9) (column 7)");
	assert_int_equal(tt.n, 0);
}

static void test_overlap(void **state)
{
	(void)state;
	struct timetable tt;
	struct timetable_problems p = {0};
	struct samen_err err = {0};
	assert_int_equal(read_pair("gpu004_utf8_lf.txt", "gpu001_overlap.txt", &tt, &p, &err),
			 SAMEN_EINVAL);
	assert_int_equal(p.n, 1);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.field, "stunde");
	assert_string_equal(err.msg, "teacher BAK has two lessons at the same time: weekday 1, "
				     "08:30-09:20 overlaps the lesson of line 1");
	assert_int_equal(tt.n, 0);
}

static void test_malformed(void **state)
{
	(void)state;
	struct timetable tt;
	struct timetable_problems p = {0};
	struct samen_err err = {0};
	assert_int_equal(read_pair("gpu004_utf8_lf.txt", "gpu001_malformed.txt", &tt, &p, &err),
			 SAMEN_EINVAL);
	assert_int_equal(p.n, 3);
	assert_int_equal(p.items[0].line, 1);
	assert_string_equal(p.items[0].field, "wochentag");
	assert_string_equal(p.items[0].msg, "weekday 6 is not 1 (Monday) .. 5 (Friday) (column 6)");
	assert_int_equal(p.items[1].line, 2);
	assert_string_equal(p.items[1].field, "stunde");
	assert_string_equal(p.items[1].msg, "'x' is not a whole number (column 7)");
	assert_int_equal(p.items[2].line, 3);
	assert_string_equal(p.items[2].field, "idUnterricht");
	assert_string_equal(p.items[2].msg, "idUnterricht is missing (column 1)");
	assert_int_equal(err.line, 1);
	assert_string_equal(err.field, "wochentag");
	assert_int_equal(tt.n, 0);
}

static void test_comma_separator(void **state)
{
	(void)state;
	struct timetable tt;
	struct samen_err err = {0};
	assert_int_equal(read_pair("gpu004_utf8_lf.txt", "gpu001_comma.txt", &tt, NULL, &err), 0);
	assert_int_equal(tt.n, 2);
	expect_lesson(&tt.lessons[1], 2, "DEV", "netl", "V5b", "", 2, 3, 625, 675, 2);
	timetable_free(&tt);
}

static void test_duplicate_teacher_and_long_field(void **state)
{
	(void)state;
	struct timetable tt;
	timetable_init(&tt, TIMETABLE_UNTIS);
	struct timetable_problems p = {0};
	struct samen_err err = {0};
	const char *gpu004 = "\"AB\";\"Aa\";\r\n\"AB\";\"Bb\";\r\n\"ABCDEFGHIJKLMNOPQ\";\"Cc\";\r\n";
	assert_int_equal(untis_gpu_read_teachers(gpu004, strlen(gpu004), &tt, &p, &err),
			 SAMEN_EINVAL);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.items[0].line, 2);
	assert_string_equal(p.items[0].msg, "teacher code 'AB' appears twice (also on line 1)");
	assert_int_equal(p.items[1].line, 3);
	assert_string_equal(p.items[1].field, "kuerzel");
	assert_string_equal(p.items[1].msg,
			    "'ABCDEFGHIJKLMNOPQ' is longer than 15 bytes (column 1)");
	assert_int_equal(tt.nteachers, 0);
	timetable_free(&tt);
}

static void test_bom_crlf_teachers(void **state)
{
	(void)state;
	/* UTF-8 with a byte-order mark and CRLF; 29 columns so that vorname is read. */
	const char *g4 = "\xef\xbb\xbf\"VRI\";\"Vries\";;;;;;;;;;;;;;;;;;;;;;;;;;;\"Ren\xc3\xa9\";;\r\n"
			 "\"OUD\";\"Oude\";\r\n";
	struct timetable tt;
	timetable_init(&tt, TIMETABLE_UNTIS);
	struct samen_err err = {0};
	assert_int_equal(untis_gpu_read_teachers(g4, strlen(g4), &tt, NULL, &err), 0);
	assert_int_equal(tt.nteachers, 2);
	assert_string_equal(tt.teachers[0].code, "VRI");
	assert_string_equal(tt.teachers[0].name, "Ren\xc3\xa9 Vries");
	assert_string_equal(tt.teachers[1].code, "OUD");
	assert_string_equal(tt.teachers[1].name, "Oude");
	assert_int_equal(tt.teachers[1].line, 2);
	timetable_free(&tt);
}

static void test_unclosed_quote_leaves_lessons(void **state)
{
	(void)state;
	size_t l4;
	char *g4 = fixture("gpu004_utf8_lf.txt", &l4);
	struct timetable tt;
	timetable_init(&tt, TIMETABLE_UNTIS);
	assert_int_equal(untis_gpu_read_teachers(g4, l4, &tt, NULL, NULL), 0);
	free(g4);
	struct bell_schedule bells = nine();
	const char *good = "1;\"H4a\";\"BAK\";\"wi\";\"101\";1;1;;\n";
	assert_int_equal(untis_gpu_read_lessons(good, strlen(good), &bells, &tt, NULL, NULL), 0);
	assert_int_equal(tt.n, 1);
	const char *broken = "2;\"V5b\";\"DEV\";\"netl\";\"\";2;3;;\n3;\"V5b;\"JAN\";\"fa\";;1;1;;\n";
	struct timetable_problems p = {0};
	struct samen_err err = {0};
	assert_int_equal(untis_gpu_read_lessons(broken, strlen(broken), &bells, &tt, &p, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.items[0].line, 2);
	assert_int_equal(tt.n, 1); /* nothing of the refused file was added */
	assert_string_equal(tt.lessons[0].teacher_code, "BAK");
	timetable_free(&tt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_lf),
		cmocka_unit_test(test_cp1252_crlf),
		cmocka_unit_test(test_to_utf8),
		cmocka_unit_test(test_broken_encoding),
		cmocka_unit_test(test_unknown_teacher),
		cmocka_unit_test(test_period_outside),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_comma_separator),
		cmocka_unit_test(test_duplicate_teacher_and_long_field),
		cmocka_unit_test(test_bom_crlf_teachers),
		cmocka_unit_test(test_unclosed_quote_leaves_lessons),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
