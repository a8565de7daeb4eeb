/*
 * test_store_secondment.c - secondments, hours, closing periods and the
 * settlement on a temporary SQLite file (store/secondment.c,
 * store/ledger.c, store/secondment_cal.c), with the amounts computed by
 * hand. The school calendar is the real one shipped with Samen (region
 * noord: herfstvakantie 10-18 October 2026).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/staff.h"
#include "store/db.h"
#include "store/ledger.h"
#include "store/migrate.h"
#include "store/refdata.h"
#include "store/secondment.h"
#include "store/secondment_cal.h"
#include "store/store_calendar.h"
#include "store/store_org.h"
#include "store/store_staff.h"
#include "util/date.h"

struct fixture {
	char path[64];
	struct db *db;
	int64_t region, board_a, board_b, school_a, school_b, person_a, person_b;
	struct secondment_cal cal;
};

static const struct secondment_actor who = {0, "test"};

static void must(int rc, const struct samen_err *err)
{
	if (rc)
		fail_msg("rc %d: field '%s': %s", rc, err->field, err->msg);
}

static void school(struct org_school *s, const char *brin, const char *name, const char *city)
{
	memset(s, 0, sizeof *s);
	snprintf(s->brin, sizeof s->brin, "%s", brin);
	snprintf(s->vestiging, sizeof s->vestiging, "00");
	snprintf(s->name, sizeof s->name, "%s", name);
	snprintf(s->street, sizeof s->street, "Schoolweg 1");
	snprintf(s->postcode, sizeof s->postcode, "1815 JD");
	snprintf(s->city, sizeof s->city, "%s", city);
	snprintf(s->municipality, sizeof s->municipality, "%s", city);
	snprintf(s->province, sizeof s->province, "Noord-Holland");
	snprintf(s->school_types, sizeof s->school_types, "havo,vwo");
}

static void person(struct staff_record *r, const char *empno, const char *first, const char *brin,
		   int step)
{
	memset(r, 0, sizeof *r);
	r->line = 1;
	snprintf(r->employee_number, sizeof r->employee_number, "%s", empno);
	snprintf(r->first_name, sizeof r->first_name, "%s", first);
	snprintf(r->last_name, sizeof r->last_name, "Jansen");
	snprintf(r->birth_date, sizeof r->birth_date, "1985-03-02");
	snprintf(r->contract_kind, sizeof r->contract_kind, "vast");
	r->hours_per_year = 1659;
	snprintf(r->salary_scale, sizeof r->salary_scale, "LB");
	r->salary_step = step;
	snprintf(r->start_date, sizeof r->start_date, "2015-08-01");
	r->n_assign = 1;
	snprintf(r->assign[0].brin, sizeof r->assign[0].brin, "%s", brin);
	snprintf(r->assign[0].vestiging, sizeof r->assign[0].vestiging, "00");
	r->assign[0].fte_share = 1.0;
}

static int64_t q(struct db *db, const char *sql)
{
	int64_t v = -1;
	struct samen_err err;
	must(db_query_int(db, sql, 0, NULL, &v, &err), &err);
	return v;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct samen_err err;
	samen_err_clear(&err);
	snprintf(f->path, sizeof f->path, "/tmp/test_store_secondment_XXXXXX");
	int fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	must(db_open(f->path, &f->db, &err), &err);
	must(migrate_apply(f->db, NULL, &err), &err);
	must(refdata_load(f->db, &err), &err);
	must(org_region_add(f->db, "alkmaar", "Regio Alkmaar", &f->region, &err), &err);
	must(org_board_add(f->db, f->region, "41873", "Stichting A", &f->board_a, &err), &err);
	must(org_board_add(f->db, f->region, "42316", "Stichting B", &f->board_b, &err), &err);
	struct org_school s;
	school(&s, "14AB", "A College", "Alkmaar");
	must(org_school_add(f->db, f->board_a, &s, &f->school_a, &err), &err);
	school(&s, "27AK", "B Lyceum", "Castricum");
	must(org_school_add(f->db, f->board_b, &s, &f->school_b, &err), &err);
	struct staff_record r;
	struct staff_import_stats stats;
	person(&r, "A1", "Sanne", "14AB", 5);
	must(store_staff_import(f->db, f->board_a, &r, 1, "test", &stats, &err), &err);
	person(&r, "B1", "Karim", "27AK", 8);
	must(store_staff_import(f->db, f->board_b, &r, 1, "test", &stats, &err), &err);
	f->person_a = q(f->db, "SELECT person_id FROM employment WHERE employee_number = 'A1'");
	f->person_b = q(f->db, "SELECT person_id FROM employment WHERE employee_number = 'B1'");
	/* Simple salaries from 1 August 2026: LB-5 4.000,00 and LB-8 4.500,00 euro. */
	int64_t table;
	must(store_ledger_salary_table_add(f->db, "2026-08-01", "Test 2026", 0, &who, &table, &err), &err);
	must(store_ledger_salary_set(f->db, table, "LB", 5, 400000, "test value", &who, &err), &err);
	must(store_ledger_salary_set(f->db, table, "LB", 8, 450000, "test value", &who, &err), &err);
	struct ledger_board_year y = {f->board_a, 2026, 3000, 20, "test"};
	must(store_ledger_board_year_set(f->db, &y, &who, &err), &err);
	y = (struct ledger_board_year){f->board_b, 2025, 3500, 19, "test"};
	must(store_ledger_board_year_set(f->db, &y, &who, &err), &err);
	must(secondment_cal_open(f->db, &f->cal, &err), &err);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	secondment_cal_close(&f->cal);
	db_close(f->db);
	char side[80];
	unlink(f->path);
	snprintf(side, sizeof side, "%s-wal", f->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", f->path);
	unlink(side);
	free(f);
	return 0;
}

static struct secondment new_secondment(struct fixture *f, int64_t lender, int64_t borrower,
					int64_t school, int64_t who_person)
{
	struct secondment s;
	memset(&s, 0, sizeof s);
	s.lender_board_id = lender;
	s.borrower_board_id = borrower;
	s.borrower_school_id = school;
	s.person_id = who_person;
	snprintf(s.function_title, sizeof s.function_title, "Docent scheikunde");
	snprintf(s.purpose, sizeof s.purpose, "Lessen scheikunde havo 4 en 5");
	snprintf(s.expertise, sizeof s.expertise, "scheikunde");
	s.hours_per_week = 1000;
	s.weekdays = SECONDMENT_ALL_WEEKDAYS;
	s.start = date_days(2026, 9, 1);
	s.end = date_days(2027, 6, 30);
	(void)f;
	return s;
}

static void sign_all(struct fixture *f, int64_t id)
{
	struct samen_err err;
	for (int p = 0; p < 3; p++)
		must(store_secondment_sign(f->db, id, (enum secondment_party)p, &who, &err), &err);
}

static void create_refuses_bad_input(void **state)
{
	struct fixture *f = *state;
	struct samen_err err;
	/* To their own board. */
	struct secondment s = new_secondment(f, f->board_a, f->board_a, f->school_a, f->person_a);
	assert_int_equal(store_secondment_add(f->db, &s, &who, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "own board"));
	/* An unknown board. */
	s = new_secondment(f, f->board_a, 999, f->school_b, f->person_a);
	assert_int_equal(store_secondment_add(f->db, &s, &who, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "unknown board 999"));
	/* A person the lender does not employ. */
	s = new_secondment(f, f->board_a, f->board_b, f->school_b, f->person_b);
	assert_int_equal(store_secondment_add(f->db, &s, &who, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "person");
	/* A school of another board. */
	s = new_secondment(f, f->board_a, f->board_b, f->school_a, f->person_a);
	assert_int_equal(store_secondment_add(f->db, &s, &who, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "school");
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM secondment"), 0);

	s = new_secondment(f, f->board_a, f->board_b, f->school_b, f->person_a);
	must(store_secondment_add(f->db, &s, &who, &err), &err);
	assert_true(s.id > 0);
	assert_int_equal(s.region_id, f->region);
	struct secondment_row row;
	must(store_secondment_get(f->db, s.id, &row, &err), &err);
	assert_string_equal(row.lender_name, "Stichting A");
	assert_string_equal(row.school_name, "B Lyceum");
	assert_string_equal(row.first_name, "Sanne");
	assert_int_equal(secondment_state(&row.s, date_days(2026, 8, 1)), SECONDMENT_DRAFT);
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM audit_log WHERE action = 'secondment.create'"), 1);
}

static void agreement_and_hours(void **state)
{
	struct fixture *f = *state;
	struct samen_err err;
	struct secondment s = new_secondment(f, f->board_a, f->board_b, f->school_b, f->person_a);
	must(store_secondment_add(f->db, &s, &who, &err), &err);
	struct secondment_entry e = {date_days(2026, 10, 5), date_days(2026, 10, 5), 400, 30};
	/* Rules 2 and 3: no hours before all agreed. */
	assert_int_equal(store_secondment_hours_add(f->db, s.id, &e, "", secondment_cal_schoolday,
						    &f->cal, &who, NULL, &err),
			 SAMEN_EINVAL);
	must(store_secondment_sign(f->db, s.id, SECONDMENT_LENDER, &who, &err), &err);
	assert_int_equal(store_secondment_sign(f->db, s.id, SECONDMENT_LENDER, &who, &err), SAMEN_EEXIST);
	must(store_secondment_sign(f->db, s.id, SECONDMENT_BORROWER, &who, &err), &err);
	must(store_secondment_sign(f->db, s.id, SECONDMENT_EMPLOYEE, &who, &err), &err);
	struct secondment_row row;
	must(store_secondment_get(f->db, s.id, &row, &err), &err);
	assert_true(row.s.consent.set); /* the employee's agreement records consent */
	assert_true(secondment_agreed(&row.s));
	assert_int_equal(store_secondment_consent(f->db, s.id, "letter", &who, &err), SAMEN_EEXIST);

	int64_t entry;
	must(store_secondment_hours_add(f->db, s.id, &e, "", secondment_cal_schoolday, &f->cal, &who,
					&entry, &err), &err);
	/* 14 October 2026 is in the herfstvakantie of region noord. */
	e.from = e.to = date_days(2026, 10, 14);
	assert_int_equal(store_secondment_hours_add(f->db, s.id, &e, "", secondment_cal_schoolday,
						    &f->cal, &who, NULL, &err),
			 SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "herfstvakantie"));
	/* Hemelvaartsdag 2027 (Thursday 6 May) is not a school day either. */
	e.from = e.to = date_days(2027, 5, 6);
	assert_int_equal(store_secondment_hours_add(f->db, s.id, &e, "", secondment_cal_schoolday,
						    &f->cal, &who, NULL, &err),
			 SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "Hemelvaart"));
	/* Outside the dates, negative hours. */
	e.from = e.to = date_days(2026, 8, 31);
	assert_int_equal(store_secondment_hours_add(f->db, s.id, &e, "", secondment_cal_schoolday,
						    &f->cal, &who, NULL, &err),
			 SAMEN_EINVAL);
	e.from = e.to = date_days(2026, 10, 6);
	e.centihours = -50;
	assert_int_equal(store_secondment_hours_add(f->db, s.id, &e, "", secondment_cal_schoolday,
						    &f->cal, &who, NULL, &err),
			 SAMEN_EINVAL);
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM secondment_hours"), 1);

	/* A correction is a new entry; the corrected one can only be corrected once. */
	int64_t corr;
	must(store_secondment_hours_correct(f->db, entry, 350, 30, "typo", secondment_cal_schoolday,
					    &f->cal, &who, &corr, &err), &err);
	assert_int_equal(store_secondment_hours_correct(f->db, entry, 300, 30, "", secondment_cal_schoolday,
							&f->cal, &who, NULL, &err),
			 SAMEN_EEXIST);
	struct secondment_hours_row *h;
	size_t n;
	must(store_secondment_hours_list(f->db, s.id, &h, &n, &err), &err);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].corrected_by, corr);
	assert_int_equal(h[1].corrects_id, entry);
	assert_int_equal(h[1].delta_centihours, -50);
	assert_string_equal(h[1].booked_month, "2026-10");
	free(h);
	int64_t total, km;
	must(store_secondment_hours_total(f->db, s.id, date_days(2026, 10, 1), date_days(2026, 10, 31),
					  &total, &km, &err), &err);
	assert_int_equal(total, 350);
	/* The database itself refuses to edit or delete an entry. */
	assert_int_not_equal(db_exec(f->db, "UPDATE secondment_hours SET value_centihours = 1", &err), 0);
	assert_int_not_equal(db_exec(f->db, "DELETE FROM secondment_hours", &err), 0);
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'secondment.hours%'"), 2);
}

/*
 * October 2026, by hand:
 *   A -> B: Sanne (LB-5, 4.000,00), 36,00 h, 200 km; charges A 30 %, 20 cents/km; VAT
 *           conditions unconfirmed, so 21 %:
 *           cost = 3600 x 400000 x 12 x 1,3 / 165900 = 135 406,87 -> 135 407
 *           travel = 200 x 20 = 4 000; net 139 407; VAT 29 275,47 -> 29 275; gross 168 682
 *   B -> A: Karim (LB-8, 4.500,00), 10,00 h; charges B 35 % (its 2025 setting applies in 2026);
 *           all four conditions confirmed, exempt:
 *           cost = 1000 x 450000 x 12 x 1,35 / 165900 = 43 942,13 -> 43 942
 *   A receives 168 682 - 43 942 = 124 740: one payment B -> A.
 */
static void settlement_close_and_late_correction(void **state)
{
	struct fixture *f = *state;
	struct samen_err err;
	struct secondment s1 = new_secondment(f, f->board_a, f->board_b, f->school_b, f->person_a);
	must(store_secondment_add(f->db, &s1, &who, &err), &err);
	sign_all(f, s1.id);
	struct secondment s2 = new_secondment(f, f->board_b, f->board_a, f->school_a, f->person_b);
	snprintf(s2.expertise, sizeof s2.expertise, "NT2");
	must(store_secondment_add(f->db, &s2, &who, &err), &err);
	sign_all(f, s2.id);
	for (int c = 0; c < 4; c++)
		must(store_secondment_vat_confirm(f->db, s2.id, c, true, &who, &err), &err);
	struct secondment_row row1;
	must(store_secondment_get(f->db, s1.id, &row1, &err), &err);
	struct secondment_entry e;
	int64_t oct_entry;
	must(secondment_month_entry(&row1.s, "2026-10", 3600, 200, &e, &err), &err);
	must(store_secondment_hours_add(f->db, s1.id, &e, "", secondment_cal_schoolday, &f->cal, &who,
					&oct_entry, &err), &err);
	e = (struct secondment_entry){date_days(2026, 10, 19), date_days(2026, 10, 23), 1000, 0};
	must(store_secondment_hours_add(f->db, s2.id, &e, "", secondment_cal_schoolday, &f->cal, &who,
					NULL, &err), &err);

	struct ledger_period oct;
	must(ledger_period_parse("2026-10", &oct, &err), &err);
	struct ledger_settlement st;
	must(store_ledger_settle(f->db, f->region, &oct, &st, &err), &err);
	assert_false(st.closed);
	assert_int_equal(st.nlines, 2);
	assert_int_equal(st.ninv, 2);
	const struct ledger_line *l1 = st.lines[0].secondment_id == s1.id ? &st.lines[0] : &st.lines[1];
	assert_int_equal(l1->amounts.cost_cents, 135407);
	assert_int_equal(l1->amounts.travel_cents, 4000);
	assert_int_equal(l1->amounts.total_cents, 139407);
	assert_int_equal(l1->vat.category, 'S');
	assert_int_equal(l1->vat.reason, VAT_MISSING_A);
	assert_string_equal(l1->scale, "LB");
	assert_int_equal(l1->step, 5);
	long ia = store_ledger_board_index(&st, f->board_a), ib = store_ledger_board_index(&st, f->board_b);
	assert_int_equal(st.bal[ia].net, 124740);
	assert_int_equal(st.bal[ib].net, -124740);
	assert_int_equal(st.npay, 1);
	assert_int_equal(st.pay[0].from, f->board_b);
	assert_int_equal(st.pay[0].cents, 124740);
	store_ledger_settlement_free(&st);

	/* Close October (on 3 November); closing it twice is refused. */
	size_t frozen;
	assert_int_equal(store_ledger_close(f->db, f->region, &oct, date_days(2026, 10, 30), &who,
					    &frozen, &err), SAMEN_EINVAL); /* not ended yet */
	must(store_ledger_close(f->db, f->region, &oct, date_days(2026, 11, 3), &who, &frozen, &err), &err);
	assert_int_equal(frozen, 2);
	assert_int_equal(store_ledger_close(f->db, f->region, &oct, date_days(2026, 11, 3), &who, NULL,
					    &err), SAMEN_EEXIST);
	assert_non_null(strstr(err.msg, "already closed"));
	assert_int_not_equal(db_exec(f->db, "UPDATE ledger_line SET total_cents = 0", &err), 0);
	assert_int_not_equal(db_exec(f->db, "DELETE FROM ledger_period", &err), 0);

	/* Closed: no new hours in October; a different salary does not change it. */
	e = (struct secondment_entry){date_days(2026, 10, 6), date_days(2026, 10, 6), 200, 0};
	assert_int_equal(store_secondment_hours_add(f->db, s1.id, &e, "", secondment_cal_schoolday,
						    &f->cal, &who, NULL, &err),
			 SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "closed"));
	int64_t table = q(f->db, "SELECT id FROM salary_table WHERE valid_from = '2026-08-01'");
	must(store_ledger_salary_set(f->db, table, "LB", 5, 410000, "changed later", &who, &err), &err);
	/* November is priced on the table valid on 1 November: the migration's 2026-11-01 table,
	 * edited here to 4.100,00 for LB-5. */
	table = q(f->db, "SELECT id FROM salary_table WHERE valid_from = '2026-11-01'");
	must(store_ledger_salary_set(f->db, table, "LB", 5, 410000, "test value", &who, &err), &err);
	must(store_ledger_settle(f->db, f->region, &oct, &st, &err), &err);
	assert_true(st.closed);
	assert_int_equal(st.bal[ia].net, 124740);
	store_ledger_settlement_free(&st);

	/* A late correction of October (36 -> 38 hours) is booked in November at November's salary:
	 * 200 x 410000 x 12 x 1,3 / 165900 = 7 711,39 -> 7 711; VAT 1 619,31 -> 1 619. */
	int64_t corr;
	must(store_secondment_hours_correct(f->db, oct_entry, 3800, 200, "late", secondment_cal_schoolday,
					    &f->cal, &who, &corr, &err), &err);
	struct ledger_period nov;
	must(ledger_period_parse("2026-11", &nov, &err), &err);
	must(store_ledger_settle(f->db, f->region, &nov, &st, &err), &err);
	assert_int_equal(st.nlines, 1);
	assert_int_equal(st.lines[0].centihours, 200);
	assert_int_equal(st.lines[0].km, 0);
	assert_int_equal(st.lines[0].amounts.total_cents, 7711);
	assert_int_equal(st.inv[0].vat_cents, 1619);
	assert_int_equal(st.bal[ia].net, 9330);
	store_ledger_settlement_free(&st);

	/* The quarter: October frozen plus November and December live; closing Q4 freezes the rest. */
	struct ledger_period q4;
	must(ledger_period_parse("2026-Q4", &q4, &err), &err);
	must(store_ledger_close(f->db, f->region, &q4, date_days(2027, 1, 4), &who, &frozen, &err), &err);
	assert_int_equal(frozen, 1);
	assert_int_equal(store_ledger_close(f->db, f->region, &nov, date_days(2027, 1, 4), &who, NULL,
					    &err), SAMEN_EEXIST);
	must(store_ledger_settle(f->db, f->region, &q4, &st, &err), &err);
	assert_true(st.closed);
	assert_int_equal(st.nlines, 3);
	/* One invoice A -> B for the quarter: VAT is rounded once on its sum, 147 118 x 21 % =
	 * 30 894,78 -> 30 895 (one cent more than the two monthly invoices' 29 275 + 1 619). */
	assert_int_equal(st.inv[0].vat_cents, 30895);
	assert_int_equal(st.bal[ia].net, 147118 + 30895 - 43942);
	store_ledger_settlement_free(&st);
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM audit_log WHERE action = 'ledger.close'"), 2);

	/* Settlement of an unknown region. */
	assert_int_equal(store_ledger_settle(f->db, 999, &oct, &st, &err), SAMEN_ENOTFOUND);
}

/*
 * A school's stretched meivakantie (entered as a busy period) blocks hours
 * like a holiday; a test week does not: teachers work in test weeks.
 * 2027: meivakantie noord 24 April - 2 May; the school stretches it to 9 May.
 */
static void busy_periods_of_the_school(void **state)
{
	struct fixture *f = *state;
	struct samen_err err;
	struct cal_busy bp = {0};
	bp.school_id = f->school_b;
	bp.kind = BUSY_MEIVAKANTIE;
	bp.start = date_days(2027, 5, 3);
	bp.end = date_days(2027, 5, 9);
	snprintf(bp.name, sizeof bp.name, "Meivakantie tweede week");
	must(store_busy_add(f->db, &bp, "hand", NULL, "test", 0, NULL, &err), &err);
	bp.kind = BUSY_TEST_WEEK;
	bp.start = date_days(2027, 3, 15);
	bp.end = date_days(2027, 3, 19);
	snprintf(bp.name, sizeof bp.name, "Toetsweek 3");
	must(store_busy_add(f->db, &bp, "hand", NULL, "test", 0, NULL, &err), &err);
	struct secondment_cal cal;
	must(secondment_cal_open(f->db, &cal, &err), &err);
	char why[96];
	assert_false(secondment_cal_schoolday(&cal, f->school_b, date_days(2027, 5, 4), why, sizeof why));
	assert_non_null(strstr(why, "meivakantie"));
	assert_true(secondment_cal_schoolday(&cal, f->school_b, date_days(2027, 3, 16), why, sizeof why));
	/* The other school keeps 4 May 2027 as a school day. */
	assert_true(secondment_cal_schoolday(&cal, f->school_a, date_days(2027, 5, 4), why, sizeof why));
	/* A year the calendar does not know is refused, not treated as holiday-free. */
	assert_false(secondment_cal_schoolday(&cal, f->school_b, date_days(2035, 10, 3), why, sizeof why));
	assert_non_null(strstr(why, "no school calendar"));
	secondment_cal_close(&cal);
}

static void settings_and_parties(void **state)
{
	struct fixture *f = *state;
	struct samen_err err;
	int64_t v;
	must(store_ledger_setting(f->db, "vat.margin_bp", &v, &err), &err);
	assert_int_equal(v, 500);
	must(store_ledger_setting_set(f->db, "vat.margin_bp", 400, &who, &err), &err);
	must(store_ledger_setting(f->db, "vat.margin_bp", &v, &err), &err);
	assert_int_equal(v, 400);
	assert_int_equal(store_ledger_setting_set(f->db, "vat.margin_bp", -1, &who, &err), SAMEN_EINVAL);
	assert_int_equal(store_ledger_setting_set(f->db, "nonsense", 1, &who, &err), SAMEN_EINVAL);

	struct ledger_board_year y;
	must(store_ledger_board_year_get(f->db, f->board_b, 2027, &y, &err), &err);
	assert_int_equal(y.year, 2025);
	assert_int_equal(y.charges_bp, 3500);
	assert_int_equal(store_ledger_board_year_get(f->db, f->board_a, 2025, &y, &err), SAMEN_ENOTFOUND);

	struct ledger_party p;
	must(store_ledger_party_get(f->db, f->board_a, &p, &err), &err);
	assert_false(p.is_swv);
	snprintf(p.kvk, sizeof p.kvk, "41234567");
	snprintf(p.iban, sizeof p.iban, "NL91ABNA0417164300");
	snprintf(p.vat_id, sizeof p.vat_id, "NL001234567B01");
	must(store_ledger_party_set(f->db, &p, &who, &err), &err);
	snprintf(p.iban, sizeof p.iban, "NL91ABNA0417164301");
	assert_int_equal(store_ledger_party_set(f->db, &p, &who, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "iban");

	/* The reference tables of the migration: LB-1 was 3.301,00 in 2024, raised 4,9 % in 2025. */
	struct salary_table_row t;
	struct costprice_salary *rows;
	size_t n;
	must(store_ledger_salary_for(f->db, date_days(2025, 6, 1), &t, &rows, &n, &err), &err);
	assert_string_equal(t.valid_from, "2025-01-01");
	assert_int_equal(n, 48);
	int used;
	int64_t cents;
	must(costprice_salary_lookup(rows, n, "LB", 1, &used, &cents, &err), &err);
	assert_int_equal(cents, 346275);
	free(rows);

	/* An SWV borrower needs no school; its loans are taxed (rule 7). */
	int64_t swv;
	must(org_board_add(f->db, f->region, "99001", "SWV VO Noord-Kennemerland (VO2703)", &swv, &err), &err);
	must(store_ledger_party_get(f->db, swv, &p, &err), &err);
	p.is_swv = true;
	must(store_ledger_party_set(f->db, &p, &who, &err), &err);
	struct secondment s = new_secondment(f, f->board_a, swv, 0, f->person_a);
	must(store_secondment_add(f->db, &s, &who, &err), &err);
	struct secondment_row row;
	must(store_secondment_get(f->db, s.id, &row, &err), &err);
	assert_true(row.borrower_is_swv);
	struct vat_input facts;
	secondment_vat_facts(&row.s, row.borrower_is_swv, &facts);
	facts.confirmed = (struct vat_conditions){true, true, true, true};
	struct vat_settings vs = {2100, 500};
	struct vat_decision d;
	vat_decide(&facts, &vs, &d);
	assert_int_equal(d.reason, VAT_SWV);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_refuses_bad_input, setup, teardown),
		cmocka_unit_test_setup_teardown(agreement_and_hours, setup, teardown),
		cmocka_unit_test_setup_teardown(settlement_close_and_late_correction, setup, teardown),
		cmocka_unit_test_setup_teardown(busy_periods_of_the_school, setup, teardown),
		cmocka_unit_test_setup_teardown(settings_and_parties, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
