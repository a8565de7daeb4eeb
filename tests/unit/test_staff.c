/*
 * test_staff.c - the rules of a staff record (core/staff.c): every rule has
 * a failing record that must name the right CSV column and line, and the
 * FTE of DOMAIN-RULES rule 11 (hours / 1659).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/staff.h"
#include "util/date.h"

#define LINE 7

static long today(void)
{
	return date_days(2026, 9, 1);
}

/* A record that passes every rule. */
static void valid(struct staff_record *r)
{
	memset(r, 0, sizeof *r);
	r->line = LINE;
	snprintf(r->employee_number, sizeof r->employee_number, "100234");
	snprintf(r->first_name, sizeof r->first_name, "Sanne");
	snprintf(r->last_name, sizeof r->last_name, "de Vries");
	snprintf(r->birth_date, sizeof r->birth_date, "1985-03-14");
	snprintf(r->email, sizeof r->email, "sanne.devries@example.nl");
	snprintf(r->contract_kind, sizeof r->contract_kind, "vast");
	r->hours_per_year = 995.4;
	snprintf(r->salary_scale, sizeof r->salary_scale, "LC");
	r->salary_step = 9;
	snprintf(r->start_date, sizeof r->start_date, "2012-08-01");
	r->n_assign = 1;
	snprintf(r->assign[0].brin, sizeof r->assign[0].brin, "14AB");
	snprintf(r->assign[0].vestiging, sizeof r->assign[0].vestiging, "00");
	r->assign[0].fte_share = 1.0;
	r->n_qual = 1;
	snprintf(r->qual[0].subject, sizeof r->qual[0].subject, "sk");
	r->qual[0].level = QUAL_FIRST;
}

static void expect_fail(const struct staff_record *r, const char *field)
{
	struct samen_err err;
	samen_err_clear(&err);
	assert_int_equal(staff_validate(r, today(), &err), SAMEN_EINVAL);
	assert_int_equal(err.code, SAMEN_EINVAL);
	assert_int_equal(err.line, LINE);
	assert_string_equal(err.field, field);
	assert_true(err.msg[0] != '\0');
}

static void expect_ok(const struct staff_record *r)
{
	struct samen_err err;
	samen_err_clear(&err);
	int rc = staff_validate(r, today(), &err);
	if (rc)
		fail_msg("unexpected failure: %s: %s", err.field, err.msg);
}

static void valid_record_passes(void **state)
{
	(void)state;
	struct staff_record r;
	valid(&r);
	expect_ok(&r);
	r.email[0] = '\0'; /* the e-mail is optional */
	expect_ok(&r);
	r.n_qual = 0; /* a record may carry no qualification */
	expect_ok(&r);
}

static void required_fields(void **state)
{
	(void)state;
	struct staff_record r;
	valid(&r);
	r.employee_number[0] = '\0';
	expect_fail(&r, "personeelsnummer");
	valid(&r);
	snprintf(r.first_name, sizeof r.first_name, "   ");
	expect_fail(&r, "voornaam");
	valid(&r);
	r.last_name[0] = '\0';
	expect_fail(&r, "achternaam");
	valid(&r);
	r.birth_date[0] = '\0';
	expect_fail(&r, "geboortedatum");
	valid(&r);
	r.start_date[0] = '\0';
	expect_fail(&r, "begindatum");
	valid(&r);
	snprintf(r.last_name, sizeof r.last_name, "de\tVries");
	expect_fail(&r, "achternaam");
}

static void dates_must_be_real(void **state)
{
	(void)state;
	struct staff_record r;
	struct samen_err err;
	valid(&r);
	snprintf(r.birth_date, sizeof r.birth_date, "1985-02-30");
	samen_err_clear(&err);
	assert_int_equal(staff_validate(&r, today(), &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "geboortedatum");
	assert_non_null(strstr(err.msg, "1985-02-30"));
	valid(&r);
	snprintf(r.start_date, sizeof r.start_date, "2012-13-01");
	expect_fail(&r, "begindatum");
	valid(&r);
	snprintf(r.end_date, sizeof r.end_date, "31-07-2027");
	expect_fail(&r, "einddatum");
}

/* Ages 15 to 80 on the given day, both ends included. */
static void age_limits(void **state)
{
	(void)state;
	struct staff_record r;
	valid(&r);
	snprintf(r.birth_date, sizeof r.birth_date, "2011-09-01"); /* 15 on 2026-09-01 */
	expect_ok(&r);
	snprintf(r.birth_date, sizeof r.birth_date, "2011-09-02"); /* 14 */
	expect_fail(&r, "geboortedatum");
	snprintf(r.birth_date, sizeof r.birth_date, "1945-09-02"); /* 80 */
	expect_ok(&r);
	snprintf(r.birth_date, sizeof r.birth_date, "1945-09-01"); /* 81 */
	expect_fail(&r, "geboortedatum");
}

static void email_shape(void **state)
{
	(void)state;
	struct staff_record r;
	const char *bad[] = {"sanne.example.nl", "sanne@example", "sanne@@example.nl",
			     "sanne@exa@mple.nl", "@example.nl", "sanne@.nl", "sanne@example.",
			     "sanne de vries@example.nl"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		valid(&r);
		snprintf(r.email, sizeof r.email, "%s", bad[i]);
		expect_fail(&r, "email");
	}
	valid(&r);
	snprintf(r.email, sizeof r.email, "s.de.vries@school.example.nl");
	expect_ok(&r);
}

static void contract_kind_and_end_date(void **state)
{
	(void)state;
	struct staff_record r;
	struct samen_err err;
	valid(&r);
	snprintf(r.contract_kind, sizeof r.contract_kind, "flex");
	samen_err_clear(&err);
	assert_int_equal(staff_validate(&r, today(), &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "contractsoort");
	assert_non_null(strstr(err.msg, "flex"));
	/* tijdelijk needs an end date ... */
	valid(&r);
	snprintf(r.contract_kind, sizeof r.contract_kind, "tijdelijk");
	expect_fail(&r, "einddatum");
	/* ... not before the start ... */
	snprintf(r.end_date, sizeof r.end_date, "2012-07-31");
	expect_fail(&r, "einddatum");
	/* ... and a contract of one day is fine. */
	snprintf(r.end_date, sizeof r.end_date, "2012-08-01");
	expect_ok(&r);
	/* vast may end too (e.g. retirement), but not before it starts. */
	valid(&r);
	snprintf(r.end_date, sizeof r.end_date, "2031-07-31");
	expect_ok(&r);
	snprintf(r.end_date, sizeof r.end_date, "2011-07-31");
	expect_fail(&r, "einddatum");
}

/* (0, 1659 * 1.2] = (0, 1990.8] */
static void hours_range(void **state)
{
	(void)state;
	struct staff_record r;
	valid(&r);
	r.hours_per_year = 0;
	expect_fail(&r, "uren_per_jaar");
	r.hours_per_year = -10;
	expect_fail(&r, "uren_per_jaar");
	r.hours_per_year = 1990.9;
	expect_fail(&r, "uren_per_jaar");
	r.hours_per_year = 1659.0 * 1.2;
	expect_ok(&r);
	r.hours_per_year = 0.5;
	expect_ok(&r);
}

static void salary_scale_and_step(void **state)
{
	(void)state;
	struct staff_record r;
	const char *good[] = {"LA", "LB", "LC", "LD", "LE", "1", "9", "18"};
	const char *bad[] = {"", "LF", "lb", "0", "19", "08", "L", "1a"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		valid(&r);
		snprintf(r.salary_scale, sizeof r.salary_scale, "%s", good[i]);
		expect_ok(&r);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		valid(&r);
		snprintf(r.salary_scale, sizeof r.salary_scale, "%s", bad[i]);
		expect_fail(&r, "schaal");
	}
	valid(&r);
	r.salary_step = -1;
	expect_fail(&r, "trede");
	r.salary_step = 31;
	expect_fail(&r, "trede");
	r.salary_step = 30;
	expect_ok(&r);
	r.salary_step = 0;
	expect_ok(&r);
}

static void assignments(void **state)
{
	(void)state;
	struct staff_record r;
	valid(&r);
	r.n_assign = 0;
	expect_fail(&r, "brin");
	valid(&r);
	r.n_assign = 5;
	expect_fail(&r, "brin");
	valid(&r);
	snprintf(r.assign[0].brin, sizeof r.assign[0].brin, "1AB2");
	expect_fail(&r, "brin");
	snprintf(r.assign[0].brin, sizeof r.assign[0].brin, "14A");
	expect_fail(&r, "brin");
	valid(&r);
	snprintf(r.assign[0].vestiging, sizeof r.assign[0].vestiging, "0");
	expect_fail(&r, "vestiging");
	snprintf(r.assign[0].vestiging, sizeof r.assign[0].vestiging, "0A");
	expect_fail(&r, "vestiging");
	valid(&r);
	r.assign[0].fte_share = 0;
	expect_fail(&r, "aandeel");
	r.assign[0].fte_share = 1.01;
	expect_fail(&r, "aandeel");
	/* Shares add up to at most 1: 0.6 + 0.5 is too much, 0.1 + 0.2 + 0.7 is fine. */
	valid(&r);
	r.n_assign = 2;
	r.assign[0].fte_share = 0.6;
	r.assign[1] = r.assign[0];
	snprintf(r.assign[1].vestiging, sizeof r.assign[1].vestiging, "01");
	r.assign[1].fte_share = 0.5;
	expect_fail(&r, "aandeel");
	r.n_assign = 3;
	r.assign[0].fte_share = 0.1;
	r.assign[1].fte_share = 0.2;
	r.assign[2] = r.assign[0];
	snprintf(r.assign[2].brin, sizeof r.assign[2].brin, "27AK");
	r.assign[2].fte_share = 0.7;
	expect_ok(&r);
	/* The same school twice. */
	snprintf(r.assign[2].brin, sizeof r.assign[2].brin, "14ab");
	snprintf(r.assign[2].vestiging, sizeof r.assign[2].vestiging, "01");
	expect_fail(&r, "brin");
}

static void qualifications(void **state)
{
	(void)state;
	struct staff_record r;
	valid(&r);
	r.qual[0].level = QUAL_NONE;
	expect_fail(&r, "bevoegdheden");
	valid(&r);
	r.qual[0].level = (enum qual_level)42;
	expect_fail(&r, "bevoegdheden");
	valid(&r);
	r.n_qual = 2;
	r.qual[1] = r.qual[0];
	r.qual[1].level = QUAL_SECOND;
	expect_fail(&r, "bevoegdheden");
	snprintf(r.qual[1].subject, sizeof r.qual[1].subject, "na");
	expect_ok(&r);
	r.qual[1].subject[0] = '\0';
	expect_fail(&r, "bevoegdheden");
	valid(&r);
	r.n_qual = STAFF_MAX_QUAL + 1;
	expect_fail(&r, "bevoegdheden");
}

/* The first failing rule is reported, on the record's own line. */
static void line_is_the_records(void **state)
{
	(void)state;
	struct staff_record r;
	struct samen_err err;
	valid(&r);
	r.line = 1234;
	r.salary_step = 99;
	samen_err_clear(&err);
	assert_int_equal(staff_validate(&r, today(), &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 1234);
	assert_string_equal(err.field, "trede");
	assert_non_null(strstr(err.msg, "99"));
	/* A NULL err is allowed. */
	assert_int_equal(staff_validate(&r, today(), NULL), SAMEN_EINVAL);
}

/* Rule 11: 1 fte = 1659 hours a year. */
static void rule11_fte(void **state)
{
	(void)state;
	assert_true(staff_fte(1659.0) == 1.0);
	assert_true(staff_fte(829.5) == 0.5);
	assert_true(staff_fte(0) == 0.0);
	assert_true(staff_fte(3318.0) == 2.0);
	assert_true(fabs(staff_fte(1327.2) - 0.8) < 1e-12);
	assert_true(fabs(staff_fte(1990.8) - 1.2) < 1e-12);
}

/* Dutch lists sort on the surname without its tussenvoegsel. */
static void sort_names(void **state)
{
	(void)state;
	char out[128];
	staff_sort_name("van der Meer", "Anna", out, sizeof out);
	assert_string_equal(out, "meer, anna");
	staff_sort_name("de Boer", "Jan", out, sizeof out);
	assert_string_equal(out, "boer, jan");
	staff_sort_name("Van 't Hof", "Eva", out, sizeof out);
	assert_string_equal(out, "hof, eva");
	staff_sort_name("Devries", "Piet", out, sizeof out); /* "De" only as a separate word */
	assert_string_equal(out, "devries, piet");
	staff_sort_name("Bakker", "Noor", out, sizeof out);
	assert_string_equal(out, "bakker, noor");
	staff_sort_name("van", "X", out, sizeof out); /* a surname that is only a prefix stays */
	assert_string_equal(out, "van, x");
	staff_sort_name("Janssen", "Anne-Marie", out, 8); /* bounded, NUL-terminated */
	assert_string_equal(out, "janssen");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sort_names),
		cmocka_unit_test(valid_record_passes),
		cmocka_unit_test(required_fields),
		cmocka_unit_test(dates_must_be_real),
		cmocka_unit_test(age_limits),
		cmocka_unit_test(email_shape),
		cmocka_unit_test(contract_kind_and_end_date),
		cmocka_unit_test(hours_range),
		cmocka_unit_test(salary_scale_and_step),
		cmocka_unit_test(assignments),
		cmocka_unit_test(qualifications),
		cmocka_unit_test(line_is_the_records),
		cmocka_unit_test(rule11_fte),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
