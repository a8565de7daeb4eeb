/*
 * test_secondment.c - the rules of a secondment (core/secondment.c):
 * parties (rule 1), agreement and consent (rules 2, 3), reminders (rule 4),
 * werktijdfactor (rule 11), planned hours that never fall in holidays and
 * the checks on registered hours.
 *
 * The school calendar is reached through a callback; this test plugs in a
 * fixture with the herfstvakantie of region noord 2026 (10 to 18 October,
 * data/schoolvakanties.csv) and Koningsdag 2027 (27 April).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/secondment.h"
#include "util/date.h"

static bool fixture_schoolday(void *ctx, int64_t school, long day, char *why, size_t n)
{
	(void)ctx;
	(void)school;
	const char *reason = NULL;
	if (date_weekday(day) >= 6)
		reason = "weekend";
	else if (day >= date_days(2026, 10, 10) && day <= date_days(2026, 10, 18))
		reason = "herfstvakantie";
	else if (day == date_days(2027, 4, 27))
		reason = "Koningsdag";
	if (reason && n)
		snprintf(why, n, "%s", reason);
	return reason == NULL;
}

static void mark(struct secondment_mark *m)
{
	m->set = true;
	snprintf(m->by, sizeof m->by, "test");
	snprintf(m->at, sizeof m->at, "2026-09-01T10:00:00Z");
}

static struct secondment base(void)
{
	struct secondment s;
	memset(&s, 0, sizeof s);
	s.lender_board_id = 1;
	s.borrower_board_id = 2;
	s.borrower_school_id = 20;
	s.person_id = 300;
	snprintf(s.function_title, sizeof s.function_title, "Docent scheikunde");
	snprintf(s.purpose, sizeof s.purpose, "Lessen scheikunde havo 4-5");
	s.hours_per_week = 800;
	s.weekdays = 0x0f; /* Monday to Thursday */
	s.start = date_days(2026, 9, 28);
	s.end = date_days(2027, 5, 31);
	return s;
}

static struct secondment agreed(void)
{
	struct secondment s = base();
	for (int p = 0; p < 3; p++)
		mark(&s.sign[p]);
	mark(&s.consent);
	return s;
}

static void test_validate(void **state)
{
	(void)state;
	struct samen_err err;
	struct secondment s = base();
	assert_int_equal(secondment_validate(&s, &err), 0);

	s.borrower_board_id = s.lender_board_id; /* rule 1: not to their own board */
	assert_int_equal(secondment_validate(&s, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "borrower");
	assert_non_null(strstr(err.msg, "own board"));

	s = base();
	s.end = s.start - 1;
	assert_int_equal(secondment_validate(&s, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "end");
	s = base();
	s.end = date_days(2037, 9, 28);
	assert_int_equal(secondment_validate(&s, &err), SAMEN_EINVAL);
	s = base();
	s.hours_per_week = 0;
	assert_int_equal(secondment_validate(&s, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "hours_per_week");
	s.hours_per_week = -100;
	assert_int_equal(secondment_validate(&s, &err), SAMEN_EINVAL);
	s = base();
	s.weekdays = 0;
	assert_int_equal(secondment_validate(&s, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "weekdays");
	s = base();
	s.purpose[0] = '\0';
	assert_int_equal(secondment_validate(&s, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "purpose");
	s = base();
	s.person_id = 0;
	assert_int_equal(secondment_validate(&s, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "person");
}

/* Rule 11: 7,5 hours a week over 40 weeks is 300 hours a year: 300 / 1659 = 0,18083... */
static void test_werktijdfactor(void **state)
{
	(void)state;
	assert_int_equal(secondment_hours_per_year(750, 40), 30000);
	assert_true(secondment_wtf(750, 40) > 0.180831 && secondment_wtf(750, 40) < 0.180832);
	/* 41,475 hours over 40 weeks is exactly one fte. */
	assert_true(secondment_wtf(4147, 40) < 1.0 && secondment_wtf(4148, 40) > 1.0);
}

/* Rules 2 and 3: the state follows signatures, consent and dates. */
static void test_state(void **state)
{
	(void)state;
	struct secondment s = base();
	long before = date_days(2026, 9, 1), during = date_days(2026, 11, 2), after = date_days(2027, 6, 1);
	assert_int_equal(secondment_state(&s, before), SECONDMENT_DRAFT);
	mark(&s.sign[SECONDMENT_LENDER]);
	assert_int_equal(secondment_state(&s, before), SECONDMENT_SIGNING);
	mark(&s.sign[SECONDMENT_BORROWER]);
	mark(&s.sign[SECONDMENT_EMPLOYEE]);
	assert_true(secondment_signed(&s));
	assert_false(secondment_agreed(&s)); /* rule 3: no consent yet */
	assert_int_equal(secondment_state(&s, during), SECONDMENT_SIGNING);
	mark(&s.consent);
	assert_true(secondment_agreed(&s));
	assert_int_equal(secondment_state(&s, before), SECONDMENT_AGREED);
	assert_int_equal(secondment_state(&s, during), SECONDMENT_ACTIVE);
	assert_int_equal(secondment_state(&s, after), SECONDMENT_ENDED);
	assert_string_equal(secondment_state_name(SECONDMENT_ACTIVE), "active");
}

/* Rule 4: the extension talk is due three months before the end (31 May -> 28 February). */
static void test_reminders(void **state)
{
	(void)state;
	assert_int_equal(secondment_extension_due(date_days(2027, 5, 31)), date_days(2027, 2, 28));
	assert_int_equal(secondment_extension_due(date_days(2027, 1, 15)), date_days(2026, 10, 15));

	struct secondment s = agreed();
	for (int c = 0; c < 4; c++)
		mark(&s.vat[c]);
	struct secondment_reminder r[5];
	assert_int_equal(secondment_reminders(&s, date_days(2027, 2, 27), 0, false, r), 0);
	assert_int_equal(secondment_reminders(&s, date_days(2027, 2, 28), 0, false, r), 1);
	assert_int_equal(r[0].kind, SECONDMENT_REMIND_EXTENSION);
	assert_int_equal(r[0].rule, 4);
	assert_int_equal(r[0].due, date_days(2027, 2, 28));
	assert_int_equal(secondment_reminders(&s, date_days(2027, 6, 1), 0, false, r), 0);

	/* Missing consent, agreement and a VAT condition each give their reminder. */
	struct secondment d = base();
	mark(&d.vat[0]);
	int n = secondment_reminders(&d, date_days(2026, 9, 1), 0, false, r);
	assert_int_equal(n, 3);
	assert_int_equal(r[0].kind, SECONDMENT_REMIND_CONSENT);
	assert_int_equal(r[0].rule, 3);
	assert_int_equal(r[1].kind, SECONDMENT_REMIND_AGREEMENT);
	assert_int_equal(r[1].rule, 2);
	assert_int_equal(r[2].kind, SECONDMENT_REMIND_VAT);
	/* An SWV loan is taxed anyway: no VAT reminder. */
	assert_int_equal(secondment_reminders(&d, date_days(2026, 9, 1), 0, true, r), 2);
	/* A loan of eight months is flagged for review when the review threshold is six months. */
	n = secondment_reminders(&s, date_days(2026, 9, 1), 6, false, r);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].kind, SECONDMENT_REMIND_VAT_REVIEW);
	assert_int_equal(secondment_reminders(&s, date_days(2026, 9, 1), 12, false, r), 0);
}

/*
 * October 2026, Monday to Thursday, 8 hours a week: the school days are
 * Thu 1, Mon-Thu 5-8, 19-22 and 26-29 (12-15 is the herfstvakantie):
 * 13 days x 8 / 4 = 26,00 hours.
 */
static void test_planned_hours_skip_holidays(void **state)
{
	(void)state;
	struct secondment s = agreed();
	int64_t h;
	long days;
	secondment_planned(&s, date_days(2026, 10, 1), date_days(2026, 10, 31), fixture_schoolday,
			   NULL, &h, &days);
	assert_int_equal(days, 13);
	assert_int_equal(h, 2600);
	secondment_planned(&s, date_days(2026, 10, 10), date_days(2026, 10, 18), fixture_schoolday,
			   NULL, &h, &days);
	assert_int_equal(days, 0);
	assert_int_equal(h, 0);
	/* Clipped to the secondment: September holds only Mon 28, Tue 29, Wed 30. */
	secondment_planned(&s, date_days(2026, 9, 1), date_days(2026, 9, 30), fixture_schoolday,
			   NULL, &h, &days);
	assert_int_equal(days, 3);
	assert_int_equal(h, 600);
	/* Koningsdag 2027 (a Tuesday) carries no planned hours. */
	secondment_planned(&s, date_days(2027, 4, 26), date_days(2027, 4, 29), fixture_schoolday,
			   NULL, &h, &days);
	assert_int_equal(days, 3);
	/* Over the whole secondment, no planned day is ever rejected by the calendar. */
	for (long d = s.start; d <= s.end; d++) {
		secondment_planned(&s, d, d, fixture_schoolday, NULL, &h, &days);
		if (days)
			assert_true(fixture_schoolday(NULL, 0, d, NULL, 0));
	}
	s.km_per_week = 60;
	assert_int_equal(secondment_planned_km(&s, 13), 195);
}

static void test_entry_checks(void **state)
{
	(void)state;
	struct samen_err err;
	struct secondment s = agreed();
	struct secondment_entry e = {date_days(2026, 10, 5), date_days(2026, 10, 5), 200, 30};
	assert_int_equal(secondment_entry_check(&s, &e, false, fixture_schoolday, NULL, &err), 0);

	/* A holiday. */
	e.from = e.to = date_days(2026, 10, 14);
	assert_int_equal(secondment_entry_check(&s, &e, false, fixture_schoolday, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "date");
	assert_non_null(strstr(err.msg, "herfstvakantie"));
	/* A weekend day. */
	e.from = e.to = date_days(2026, 10, 3);
	assert_int_equal(secondment_entry_check(&s, &e, false, fixture_schoolday, NULL, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "weekend"));
	/* Outside the secondment's dates. */
	e.from = e.to = date_days(2026, 9, 25);
	assert_int_equal(secondment_entry_check(&s, &e, false, fixture_schoolday, NULL, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "outside the secondment"));
	/* Negative hours. */
	e.from = e.to = date_days(2026, 10, 5);
	e.centihours = -100;
	assert_int_equal(secondment_entry_check(&s, &e, false, fixture_schoolday, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "hours");
	/* Zero hours only as a correction. */
	e.centihours = 0;
	assert_int_equal(secondment_entry_check(&s, &e, false, fixture_schoolday, NULL, &err), SAMEN_EINVAL);
	assert_int_equal(secondment_entry_check(&s, &e, true, fixture_schoolday, NULL, &err), 0);
	/* A range across two months. */
	e = (struct secondment_entry){date_days(2026, 10, 26), date_days(2026, 11, 3), 800, 0};
	assert_int_equal(secondment_entry_check(&s, &e, false, fixture_schoolday, NULL, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "one month"));
	/* A range that is all holiday. */
	e = (struct secondment_entry){date_days(2026, 10, 12), date_days(2026, 10, 16), 800, 0};
	assert_int_equal(secondment_entry_check(&s, &e, false, fixture_schoolday, NULL, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "no school day"));
	/* More than 12 hours per school day: 5 school days allow 60 hours. */
	e = (struct secondment_entry){date_days(2026, 10, 19), date_days(2026, 10, 25), 6001, 0};
	assert_int_equal(secondment_entry_check(&s, &e, false, fixture_schoolday, NULL, &err), SAMEN_EINVAL);
	e.centihours = 6000;
	assert_int_equal(secondment_entry_check(&s, &e, false, fixture_schoolday, NULL, &err), 0);
	/* Rules 2 and 3: nothing before the agreement and the consent. */
	struct secondment u = agreed();
	u.consent.set = false;
	assert_int_equal(secondment_entry_check(&u, &e, false, fixture_schoolday, NULL, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "rule 3"));
	u = agreed();
	u.sign[SECONDMENT_EMPLOYEE].set = false;
	assert_int_equal(secondment_entry_check(&u, &e, false, fixture_schoolday, NULL, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "rule 2"));
}

static void test_iso_weeks_and_week_entries(void **state)
{
	(void)state;
	long m;
	assert_int_equal(secondment_iso_monday(2026, 1, &m), 0);
	assert_int_equal(m, date_days(2025, 12, 29));
	assert_int_equal(secondment_iso_monday(2026, 53, &m), 0);
	assert_int_equal(m, date_days(2026, 12, 28));
	assert_int_equal(secondment_iso_monday(2027, 53, &m), SAMEN_EINVAL);
	assert_int_equal(secondment_iso_monday(2026, 0, &m), SAMEN_EINVAL);

	struct secondment s = agreed();
	s.start = date_days(2026, 9, 1);
	struct secondment_entry p[2];
	int np;
	struct samen_err err;
	/* Week 40 of 2026: Mon 28 - Wed 30 September (3 days), Thu 1 - Fri 2 October (2 days). */
	assert_int_equal(secondment_week_entries(&s, 2026, 40, 1000, 45, fixture_schoolday, NULL, p,
						 &np, &err), 0);
	assert_int_equal(np, 2);
	assert_int_equal(p[0].from, date_days(2026, 9, 28));
	assert_int_equal(p[0].to, date_days(2026, 9, 30));
	assert_int_equal(p[0].centihours, 600);
	assert_int_equal(p[0].km, 27);
	assert_int_equal(p[1].from, date_days(2026, 10, 1));
	assert_int_equal(p[1].to, date_days(2026, 10, 4));
	assert_int_equal(p[1].centihours, 400);
	assert_int_equal(p[1].km, 18);
	/* Week 42 is the herfstvakantie. */
	assert_int_equal(secondment_week_entries(&s, 2026, 42, 800, 0, fixture_schoolday, NULL, p,
						 &np, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "holiday"));
	/* Week 44: Mon 26 - Sat 31 October has school days; Sunday 1 November has none: one part. */
	assert_int_equal(secondment_week_entries(&s, 2026, 44, 700, 0, fixture_schoolday, NULL, p,
						 &np, &err), 0);
	assert_int_equal(np, 1);
	assert_int_equal(p[0].centihours, 700);
	/* Outside the dates. */
	assert_int_equal(secondment_week_entries(&s, 2027, 30, 700, 0, fixture_schoolday, NULL, p,
						 &np, &err), SAMEN_EINVAL);

	struct secondment_entry me;
	assert_int_equal(secondment_month_entry(&s, "2027-05", 3000, 0, &me, &err), 0);
	assert_int_equal(me.from, date_days(2027, 5, 1));
	assert_int_equal(me.to, date_days(2027, 5, 31));
	assert_int_equal(secondment_month_entry(&s, "2027-06", 3000, 0, &me, &err), SAMEN_EINVAL);
	assert_int_equal(secondment_month_entry(&s, "2027-13", 3000, 0, &me, &err), SAMEN_EINVAL);
}

static void test_weekdays(void **state)
{
	(void)state;
	assert_int_equal(secondment_weekdays_parse("ma,di,do"), 0x0b);
	assert_int_equal(secondment_weekdays_parse("ma-vr"), 0x1f);
	assert_int_equal(secondment_weekdays_parse("mon, fri"), 0x11);
	assert_int_equal(secondment_weekdays_parse("za"), 0);
	assert_int_equal(secondment_weekdays_parse("vr-ma"), 0);
	char out[32];
	secondment_weekdays_text(0x0b, out, sizeof out);
	assert_string_equal(out, "ma, di, do");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_werktijdfactor),
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_reminders),
		cmocka_unit_test(test_planned_hours_skip_holidays),
		cmocka_unit_test(test_entry_checks),
		cmocka_unit_test(test_iso_weeks_and_week_entries),
		cmocka_unit_test(test_weekdays),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
