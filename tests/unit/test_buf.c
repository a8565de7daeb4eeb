/*
 * test_buf.c - capped buffers refuse to grow past their maximum.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/err.h"

static void appends_and_caps(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 10);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(buf_puts(&b, "hello"), 0);
	assert_int_equal(buf_printf(&b, "%d", 1234), 0);
	assert_string_equal(buf_str(&b), "hello1234");
	assert_int_equal(buf_puts(&b, "xy"), SAMEN_ETOOBIG);
	assert_string_equal(buf_str(&b), "hello1234"); /* unchanged on failure */
	assert_int_equal(buf_printf(&b, "%s", "ab"), SAMEN_ETOOBIG);
	assert_int_equal(buf_puts(&b, "z"), 0);
	assert_int_equal(b.len, 10);
	char *s = buf_detach(&b);
	assert_string_equal(s, "hello1234z");
	free(s);
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

static void grows_large(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 20);
	for (int i = 0; i < 10000; i++)
		assert_int_equal(buf_puts(&b, "0123456789"), 0);
	assert_int_equal(b.len, 100000);
	assert_int_equal(strlen(buf_str(&b)), 100000);
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

/* buf_printf formats in place when it fits and grows when it does not; both give the same text. */
static void printf_in_place_and_growing(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 20);
	char expect[8192];
	size_t e = 0;
	for (int i = 0; i < 500; i++) {
		assert_int_equal(buf_printf(&b, "<td>%d:%s</td>", i, i % 7 ? "x" : "long-ish text"), 0);
		e += (size_t)snprintf(expect + e, sizeof expect - e, "<td>%d:%s</td>", i, i % 7 ? "x" : "long-ish text");
	}
	assert_int_equal(b.len, e);
	assert_string_equal(buf_str(&b), expect);
	/* Exactly at the cap: fits; one more byte: refused, contents unchanged. */
	struct buf c;
	buf_init(&c, 8);
	assert_int_equal(buf_printf(&c, "%s", "1234"), 0);
	assert_int_equal(buf_printf(&c, "%s", "5678"), 0);
	assert_int_equal(buf_printf(&c, "%s", "9"), SAMEN_ETOOBIG);
	assert_string_equal(buf_str(&c), "12345678");
	buf_release(&c);
	buf_release(&b);
}

/* buf_int writes what printf("%lld") would, for the edges of the range too. */
static void int_text(void **state)
{
	(void)state;
	static const long long v[] = {0, 7, -7, 10, 99, 100, 1234567890123LL, -1000,
				      9223372036854775807LL, -9223372036854775807LL - 1};
	struct buf b;
	buf_init(&b, 1024);
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char want[32];
		snprintf(want, sizeof want, "%lld", v[i]);
		buf_reset(&b);
		assert_int_equal(buf_int(&b, v[i]), 0);
		assert_string_equal(buf_str(&b), want);
	}
	struct buf c;
	buf_init(&c, 2);
	assert_int_equal(buf_int(&c, 123), SAMEN_ETOOBIG);
	assert_string_equal(buf_str(&c), "");
	buf_release(&c);
	buf_release(&b);
}

/* str_copy truncates within the size and always terminates; NULL is "". */
static void copy_bounded(void **state)
{
	(void)state;
	char d[5];
	assert_string_equal(str_copy(d, sizeof d, "abc"), "abc");
	assert_string_equal(str_copy(d, sizeof d, "abcdefgh"), "abcd");
	assert_string_equal(str_copy(d, sizeof d, NULL), "");
	assert_string_equal(str_copy(d, 1, "xyz"), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(appends_and_caps),
		cmocka_unit_test(grows_large),
		cmocka_unit_test(printf_in_place_and_growing),
		cmocka_unit_test(int_text),
		cmocka_unit_test(copy_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
