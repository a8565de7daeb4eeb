/*
 * test_timetable_store.c - teacher codes, the all-or-nothing timetable
 * import, bell schedule settings and travel import of
 * store/timetable_store.c. Two boards, school 14AB00 of board A with
 * employees A1 (Sanne) and A2 (Cees), school 27AK00 of board B with B1
 * (Karim). Every test runs on a temporary SQLite file and, when
 * SAMEN_TEST_PG holds a postgres:// URL (scripts/with-postgres), again on
 * PostgreSQL in a schema of its own (samen_test_timetable); without the
 * variable the PostgreSQL runs are skipped.
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
#include "store/match.h"
#include "store/migrate.h"
#include "store/refdata.h"
#include "store/store_org.h"
#include "store/store_staff.h"
#include "store/timetable_store.h"

#define PG_SCHEMA "samen_test_timetable"

struct fixture {
	char path[64];
	char target[1024];
	struct db *db;
	int64_t region, board_a, board_b, school_a, school_b;
	int64_t sanne, cees, karim;
};

static void must(int rc, const struct samen_err *err)
{
	if (rc)
		fail_msg("rc %d: line %ld field '%s': %s", rc, err->line, err->field, err->msg);
}

static void school(struct org_school *s, const char *brin, const char *name)
{
	memset(s, 0, sizeof *s);
	snprintf(s->brin, sizeof s->brin, "%s", brin);
	snprintf(s->vestiging, sizeof s->vestiging, "00");
	snprintf(s->name, sizeof s->name, "%s", name);
	snprintf(s->city, sizeof s->city, "Alkmaar");
	snprintf(s->municipality, sizeof s->municipality, "Alkmaar");
	snprintf(s->province, sizeof s->province, "Noord-Holland");
	snprintf(s->school_types, sizeof s->school_types, "havo,vwo");
	s->lat = 52.6;
	s->lon = 4.7;
}

static int64_t add_person(struct fixture *f, int64_t board, const char *empno, const char *first,
			  const char *brin)
{
	struct staff_record r;
	struct staff_import_stats stats;
	struct samen_err err;
	memset(&r, 0, sizeof r);
	r.line = 1;
	snprintf(r.employee_number, sizeof r.employee_number, "%s", empno);
	snprintf(r.first_name, sizeof r.first_name, "%s", first);
	snprintf(r.last_name, sizeof r.last_name, "Jansen");
	snprintf(r.birth_date, sizeof r.birth_date, "1985-03-02");
	snprintf(r.contract_kind, sizeof r.contract_kind, "vast");
	r.hours_per_year = 1659;
	snprintf(r.salary_scale, sizeof r.salary_scale, "LB");
	r.salary_step = 5;
	snprintf(r.start_date, sizeof r.start_date, "2015-08-01");
	r.n_assign = 1;
	snprintf(r.assign[0].brin, sizeof r.assign[0].brin, "%s", brin);
	snprintf(r.assign[0].vestiging, sizeof r.assign[0].vestiging, "00");
	r.assign[0].fte_share = 1.0;
	must(store_staff_import(f->db, board, &r, 1, "test", &stats, &err), &err);
	const char *params[] = {empno};
	int64_t id = 0;
	must(db_query_int(f->db, "SELECT person_id FROM employment WHERE employee_number = $1", 1,
			  params, &id, &err), &err);
	return id;
}

static void populate(struct fixture *f)
{
	struct samen_err err;
	must(migrate_apply(f->db, NULL, &err), &err);
	must(refdata_load(f->db, &err), &err);
	must(org_region_add(f->db, "alkmaar", "Regio Alkmaar", &f->region, &err), &err);
	must(org_board_add(f->db, f->region, "41873", "Stichting A", &f->board_a, &err), &err);
	must(org_board_add(f->db, f->region, "42316", "Stichting B", &f->board_b, &err), &err);
	struct org_school s;
	school(&s, "14AB", "A College");
	must(org_school_add(f->db, f->board_a, &s, &f->school_a, &err), &err);
	school(&s, "27AK", "B Lyceum");
	must(org_school_add(f->db, f->board_b, &s, &f->school_b, &err), &err);
	f->sanne = add_person(f, f->board_a, "A1", "Sanne", "14AB");
	f->cees = add_person(f, f->board_a, "A2", "Cees", "14AB");
	f->karim = add_person(f, f->board_b, "B1", "Karim", "27AK");
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct samen_err err;
	snprintf(f->path, sizeof f->path, "/tmp/test_timetable_store_XXXXXX");
	int fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	must(db_open(f->path, &f->db, &err), &err);
	populate(f);
	*state = f;
	return 0;
}

static int setup_pg(void **state)
{
	const char *url = getenv("SAMEN_TEST_PG");
	*state = NULL;
	if (!url || !*url)
		return 0;
	struct fixture *f = calloc(1, sizeof *f);
	snprintf(f->target, sizeof f->target, "%s%soptions=-csearch_path%%3D" PG_SCHEMA, url,
		 strchr(url, '?') ? "&" : "?");
	struct samen_err err;
	struct db *admin = NULL;
	must(db_open(url, &admin, &err), &err);
	must(db_exec(admin, "DROP SCHEMA IF EXISTS " PG_SCHEMA " CASCADE; CREATE SCHEMA " PG_SCHEMA,
		     &err), &err);
	db_close(admin);
	must(db_open(f->target, &f->db, &err), &err);
	populate(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (!f)
		return 0;
	db_close(f->db);
	if (!f->target[0]) {
		char side[80];
		unlink(f->path);
		snprintf(side, sizeof side, "%s-wal", f->path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", f->path);
		unlink(side);
	}
	free(f);
	return 0;
}

static int64_t count(struct fixture *f, const char *sql)
{
	struct samen_err err;
	int64_t n = -1;
	must(db_query_int(f->db, sql, 0, NULL, &n, &err), &err);
	return n;
}

static void add_lesson(struct timetable *tt, const char *code, const char *subject,
		       const char *cls, int weekday, int period, long start, long end, long line)
{
	struct lesson l;
	struct samen_err err;
	memset(&l, 0, sizeof l);
	snprintf(l.teacher_code, sizeof l.teacher_code, "%s", code);
	snprintf(l.subject, sizeof l.subject, "%s", subject);
	snprintf(l.class_name, sizeof l.class_name, "%s", cls);
	l.weekday = weekday;
	l.period = period;
	l.start_min = start;
	l.end_min = end;
	l.line = line;
	must(timetable_add_lesson(tt, &l, &err), &err);
}

static void codes_set_and_find(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	int64_t id = 0, person = 0;
	must(timetable_store_school_find(f->db, "14AB00", &id, &err), &err);
	assert_int_equal(id, f->school_a);
	assert_int_equal(timetable_store_school_find(f->db, "14AB01", &id, &err), SAMEN_ENOTFOUND);
	assert_int_equal(timetable_store_school_find(f->db, "14AB", &id, &err), SAMEN_EINVAL);

	must(timetable_store_code_set(f->db, f->school_a, "SAN", f->sanne, &err), &err);
	must(timetable_store_code_find(f->db, f->school_a, "SAN", &person, &err), &err);
	assert_int_equal(person, f->sanne);
	/* A code is per school, and setting it again replaces the person. */
	assert_int_equal(timetable_store_code_find(f->db, f->school_b, "SAN", &person, &err),
			 SAMEN_ENOTFOUND);
	must(timetable_store_code_set(f->db, f->school_a, "SAN", f->cees, &err), &err);
	must(timetable_store_code_find(f->db, f->school_a, "SAN", &person, &err), &err);
	assert_int_equal(person, f->cees);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM teacher_code"), 1);
	/* Karim is not employed by board A. */
	assert_int_equal(timetable_store_code_set(f->db, f->school_a, "KAR", f->karim, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "person");
	assert_int_equal(timetable_store_code_set(f->db, f->school_a, "", f->sanne, &err),
			 SAMEN_EINVAL);
}

static void import_all_or_nothing(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	struct timetable_problems p;
	struct timetable_import_stats st;
	struct timetable tt;
	timetable_init(&tt, TIMETABLE_UNTIS);
	add_lesson(&tt, "SAN", "wi", "H4a", 1, 1, 510, 560, 1);
	add_lesson(&tt, "SAN", "wi", "H4a", 1, 2, 560, 610, 2);
	add_lesson(&tt, "CEE", "netl", "V5b", 2, 3, 610, 660, 3);
	add_lesson(&tt, "XYZ", "ak", "H4b", 3, 1, 510, 560, 4);
	struct timetable_code codes[2] = {{"SAN", "A1", 1}, {"CEE", "A2", 2}};

	/* XYZ has no code: nothing is written, not even the codes. */
	memset(&p, 0, sizeof p);
	assert_int_equal(timetable_store_import(f->db, f->school_a, &tt, codes, 2, "test", &st, &p,
						&err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 4);
	assert_string_equal(err.field, "teacher");
	assert_int_equal(p.n, 1);
	assert_int_equal(p.items[0].line, 4);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM teacher_code"), 0);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM match_lesson"), 0);

	/* An employee number of another board: the codes file's line. */
	struct timetable_code other[1] = {{"XYZ", "B1", 7}};
	assert_int_equal(timetable_store_import(f->db, f->school_a, &tt, other, 1, "test", &st,
						NULL, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 7);
	assert_string_equal(err.field, "personeelsnummer");

	/* Without XYZ's lesson the import succeeds. */
	tt.n = 3;
	must(timetable_store_import(f->db, f->school_a, &tt, codes, 2, "test", &st, NULL, &err),
	     &err);
	assert_int_equal(st.lessons, 3);
	assert_int_equal(st.teachers, 2);
	assert_int_equal(st.replaced, 0);
	assert_int_equal(st.codes, 2);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM match_lesson WHERE source = 'untis'"), 3);
	char sql[160];
	snprintf(sql, sizeof sql,
		 "SELECT COUNT(*) FROM match_lesson WHERE person_id = %lld AND weekday = 1",
		 (long long)f->sanne);
	assert_int_equal(count(f, sql), 2);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE action = 'timetable.import'"),
			 1);

	/* A Zermelo import of one lesson replaces the three; other sources stay. */
	struct match_lesson_row own = {f->sanne, f->school_a, 5, 1, 510, 560, "X", "wi", "manual"};
	must(match_lesson_add(f->db, &own, &err), &err);
	timetable_free(&tt);
	timetable_init(&tt, TIMETABLE_ZERMELO);
	add_lesson(&tt, "CEE", "netl", "V5b", 4, 0, 600, 650, 0);
	must(timetable_store_import(f->db, f->school_a, &tt, NULL, 0, "test", &st, NULL, &err),
	     &err);
	assert_int_equal(st.replaced, 3);
	assert_int_equal(st.lessons, 1);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM match_lesson WHERE source = 'untis'"), 0);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM match_lesson WHERE source = 'zermelo'"), 1);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM match_lesson WHERE source = 'manual'"), 1);
	timetable_free(&tt);
}

static void settings_and_travel(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	struct bell_schedule b, back;
	assert_int_equal(timetable_store_bells(f->db, f->school_a, &back, &err), SAMEN_ENOTFOUND);
	must(bell_schedule_parse("1=08:30-09:20,2=09:20-10:10,3=10:25-11:15,lesson=50", &b, &err),
	     &err);
	must(timetable_store_settings_set(f->db, f->school_a, &b, 750, "test", &err), &err);
	must(timetable_store_bells(f->db, f->school_a, &back, &err), &err);
	assert_int_equal(back.nperiods, 3);
	assert_int_equal(back.start_min[3], 625);
	assert_int_equal(back.end_min[3], 675);
	assert_int_equal(back.lesson_minutes, 50);
	assert_int_equal(count(f, "SELECT CAST(teaching_cap AS INTEGER) FROM match_school_setting"),
			 750);
	/* Two periods now: period 3 goes; the cap is kept when not given. */
	must(bell_schedule_parse("1=08:00-08:45,2=08:45-09:30", &b, &err), &err);
	must(timetable_store_settings_set(f->db, f->school_a, &b, 0, "test", &err), &err);
	must(timetable_store_bells(f->db, f->school_a, &back, &err), &err);
	assert_int_equal(back.nperiods, 2);
	assert_int_equal(back.lesson_minutes, 45);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM school_period"), 2);
	assert_int_equal(count(f, "SELECT CAST(teaching_cap AS INTEGER) FROM match_school_setting"),
			 750);
	assert_int_equal(timetable_store_settings_set(f->db, f->school_a, &b, 2000, "test", &err),
			 SAMEN_EINVAL);

	struct timetable_travel rows[2] = {{"14AB00", "27AK00", 14, 2}, {"27AK00", "99ZZ00", 9, 3}};
	assert_int_equal(timetable_store_travel_import(f->db, rows, 2, "test", &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 3);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM travel_time"), 0);
	snprintf(rows[1].to, sizeof rows[1].to, "14AB00");
	must(timetable_store_travel_import(f->db, rows, 2, "test", &err), &err);
	assert_int_equal(count(f, "SELECT SUM(minutes) FROM travel_time"), 23);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(codes_set_and_find, setup, teardown),
		cmocka_unit_test_setup_teardown(import_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(settings_and_travel, setup, teardown),
		cmocka_unit_test_setup_teardown(codes_set_and_find, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(import_all_or_nothing, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(settings_and_travel, setup_pg, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
