/*
 * test_dbtarget.c - database targets: which engine, and display without password.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "store/db.h"

static void engine_from_target(void **state)
{
	(void)state;
	assert_true(db_target_is_pg("postgres://u@h/db"));
	assert_true(db_target_is_pg("postgresql://u:p@h:5432/db"));
	assert_false(db_target_is_pg("var/samen.db"));
	assert_false(db_target_is_pg("/tmp/postgres://x"));
}

static void password_is_hidden(void **state)
{
	(void)state;
	char out[256];
	db_target_display("postgresql://samen:geheim%40123@db.example:5432/samen?sslmode=require", out,
			  sizeof out);
	assert_string_equal(out, "postgresql://samen:***@db.example:5432/samen?sslmode=require");
	db_target_display("postgres://samen@db.example/samen", out, sizeof out);
	assert_string_equal(out, "postgres://samen@db.example/samen");
	db_target_display("var/samen.db", out, sizeof out);
	assert_string_equal(out, "var/samen.db");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(engine_from_target),
		cmocka_unit_test(password_is_hidden),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
