/*
 * test_web.c - pure pieces of the web face: escaping, number formats, form
 * decoding, the scope rules per role, and the translation table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "web/form.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/scope.h"

static void escaping(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1024);
	html_esc(&b, "<script>alert('x&y')</script> \"q\"");
	assert_string_equal(buf_str(&b),
			    "&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt; &quot;q&quot;");
	buf_reset(&b);
	html_urlenc(&b, "<30 & 60+/é");
	assert_string_equal(buf_str(&b), "%3C30%20%26%2060%2B%2F%C3%A9");
	buf_release(&b);
}

static void numbers_per_language(void **state)
{
	(void)state;
	struct req nl = {.lang = LANG_NL}, en = {.lang = LANG_EN};
	char out[32];
	html_number(&nl, 1234567.891, 2, out);
	assert_string_equal(out, "1.234.567,89");
	html_number(&en, 1234567.891, 2, out);
	assert_string_equal(out, "1,234,567.89");
	html_number(&nl, -0.0001, 1, out);
	assert_string_equal(out, "0,0");
	html_number(&nl, -1500, 0, out);
	assert_string_equal(out, "-1.500");
	html_number(&nl, 999, 0, out);
	assert_string_equal(out, "999");
}

static void form_decoding(void **state)
{
	(void)state;
	char out[16];
	assert_true(form_decode("a%2Bb+c", 7, out, sizeof out));
	assert_string_equal(out, "a+b c");
	assert_false(form_decode("bad%2", 5, out, sizeof out));   /* truncated escape */
	assert_false(form_decode("bad%zz", 6, out, sizeof out));  /* not hex */
	assert_false(form_decode("a%00b", 5, out, sizeof out));   /* NUL byte */
	assert_false(form_decode("0123456789abcdefXYZ", 19, out, sizeof out)); /* never truncated */
	struct req r = {0};
	buf_init(&r.body, 1024);
	buf_puts(&r.body, "csrf=abc&email=hr%40x.nl&password=p%26w&empty=");
	assert_true(form_get(&r, "email", out, sizeof out));
	assert_string_equal(out, "hr@x.nl");
	assert_true(form_get(&r, "password", out, sizeof out));
	assert_string_equal(out, "p&w");
	assert_true(form_get(&r, "empty", out, sizeof out));
	assert_string_equal(out, "");
	assert_false(form_get(&r, "mail", out, sizeof out));
	buf_release(&r.body);
}

static const char *multipart_ct(const struct req *r, const char *name)
{
	(void)r;
	return strcmp(name, "Content-Type") == 0 ? "multipart/form-data; boundary=----samenXYZ" : NULL;
}

/* Forms with a file upload: fields and files are found by name, the CSRF field too. */
static void multipart_forms(void **state)
{
	(void)state;
	struct req r = {.header = multipart_ct};
	buf_init(&r.body, 4096);
	buf_puts(&r.body,
		 "------samenXYZ\r\n"
		 "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
		 "tok123\r\n"
		 "------samenXYZ\r\n"
		 "Content-Disposition: form-data; name=\"bestand\"; filename=\"name.ics\"\r\n"
		 "Content-Type: text/calendar\r\n\r\n"
		 "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
		 "------samenXYZ\r\n"
		 "Content-Disposition: form-data; name=\"leeg\"\r\n\r\n"
		 "\r\n"
		 "------samenXYZ--\r\n");
	char out[64];
	assert_true(form_get(&r, "csrf", out, sizeof out));
	assert_string_equal(out, "tok123");
	assert_true(form_get(&r, "bestand", out, sizeof out));
	/* The CRLF before a boundary belongs to the boundary (RFC 2046). */
	assert_string_equal(out, "BEGIN:VCALENDAR\r\nEND:VCALENDAR");
	assert_true(form_get(&r, "leeg", out, sizeof out));
	assert_string_equal(out, "");
	assert_false(form_get(&r, "name", out, sizeof out)); /* filename= is not a field name */
	assert_false(form_get(&r, "bestand", out, 8));         /* too long: absent, not cut */
	buf_release(&r.body);
}

/* DESIGN.md section 5, role by role. */
static void scope_rules(void **state)
{
	(void)state;
	struct user admin = {.role = ROLE_ADMIN};
	struct user coord = {.role = ROLE_COORDINATOR, .region_id = 1};
	struct user hr = {.role = ROLE_HR, .region_id = 1, .board_id = 10};
	struct user exec = {.role = ROLE_EXECUTIVE, .region_id = 1, .board_id = 11};
	struct user lead = {.role = ROLE_SCHOOL_LEADER, .region_id = 1, .board_id = 10, .school_id = 100};
	struct user staff = {.role = ROLE_STAFF, .region_id = 1, .board_id = 10, .person_id = 5};

	assert_true(scope_region(&admin, 7));
	assert_true(scope_region(&coord, 1));
	assert_false(scope_region(&coord, 2));
	assert_true(scope_region(&hr, 1));
	assert_false(scope_region(&staff, 1));

	assert_true(scope_board_people(&admin, 10));
	assert_false(scope_board_people(&coord, 10));
	assert_true(scope_board_people(&hr, 10));
	assert_false(scope_board_people(&hr, 11));
	assert_true(scope_board_people(&exec, 11));
	assert_false(scope_board_people(&exec, 10));
	assert_false(scope_board_people(&lead, 10));
	assert_false(scope_board_people(&staff, 10));

	assert_true(scope_school_people(&lead, 100, 10));
	assert_false(scope_school_people(&lead, 101, 10));
	assert_true(scope_school_people(&hr, 101, 10));
	assert_false(scope_school_people(&exec, 100, 10));
	assert_false(scope_school_people(&coord, 100, 10));
}

static void translations_complete(void **state)
{
	(void)state;
	assert_int_equal(i18n_missing(), 0);
	assert_string_equal(i18n_text(LANG_NL, "nav.staff"), "Personeel");
	assert_string_equal(i18n_text(LANG_EN, "nav.staff"), "Staff");
	assert_string_equal(i18n_text(LANG_EN, "no.such.key"), "no.such.key");
	assert_int_equal(i18n_parse("en-GB"), LANG_EN);
	assert_int_equal(i18n_parse("fr"), LANG_NL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escaping),
		cmocka_unit_test(numbers_per_language),
		cmocka_unit_test(form_decoding),
		cmocka_unit_test(multipart_forms),
		cmocka_unit_test(scope_rules),
		cmocka_unit_test(translations_complete),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
