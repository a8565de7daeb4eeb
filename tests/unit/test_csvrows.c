/*
 * test_csvrows.c - CSV rows with line numbers, quoting, CRLF and BOM.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "formats/csvrows.h"

struct seen {
	int rows;
	long lines[8];
	char first[8][64];
	int nf[8];
};

static int collect(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct seen *s = ctx;
	(void)err;
	if (s->rows < 8) {
		s->lines[s->rows] = line;
		s->nf[s->rows] = n;
		snprintf(s->first[s->rows], 64, "%s", f[n - 1]);
	}
	s->rows++;
	return 0;
}

static void quoting_crlf_and_lines(void **state)
{
	(void)state;
	const char *csv = "\xEF\xBB\xBF" "a;b;c\r\n"
			  "1;\"x;y\";\"multi\nline\"\r\n"
			  "\r\n"
			  "2;3;4\r\n";
	struct seen s = {0};
	struct samen_err err;
	assert_int_equal(csvrows_parse(csv, strlen(csv), ';', collect, &s, &err), 0);
	assert_int_equal(s.rows, 3);
	assert_int_equal(s.lines[0], 1);
	assert_int_equal(s.lines[1], 2);
	assert_int_equal(s.lines[2], 5); /* the quoted newline and the blank line count */
	assert_string_equal(s.first[1], "multi\nline");
	assert_int_equal(s.nf[1], 3);
	assert_string_equal(s.first[0], "c");
}

static void unclosed_quote_is_an_error(void **state)
{
	(void)state;
	const char *csv = "a,b\n1,\"open\n";
	struct seen s = {0};
	struct samen_err err;
	samen_err_clear(&err);
	assert_int_equal(csvrows_parse(csv, strlen(csv), ',', collect, &s, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
}

static void sniffing(void **state)
{
	(void)state;
	assert_int_equal(csvrows_sniff("a;b;c\n1,2", 9), ';');
	assert_int_equal(csvrows_sniff("a,b,c\n", 6), ',');
	assert_int_equal(csvrows_sniff("a\tb\n", 4), '\t');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoting_crlf_and_lines),
		cmocka_unit_test(unclosed_quote_is_an_error),
		cmocka_unit_test(sniffing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
