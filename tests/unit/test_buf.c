/*
 * test_buf.c - capped buffers refuse to grow past their maximum.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(appends_and_caps),
		cmocka_unit_test(grows_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
