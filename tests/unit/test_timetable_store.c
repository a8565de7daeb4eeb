/*
 * test_timetable_store.c - teacher codes, the all-or-nothing timetable
 * import, bell schedule settings and travel import of
 * store/timetable_store.c, and the functions behind the settings screens
 * (code list/set/delete, board staff, region settings, travel list and
 * region-limited import, the travel and codes CSV parsers). Two boards, school 14AB00 of board A with
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

/* The functions behind the settings screens: codes, staff, region settings, travel times. */
static void screen_functions(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	/* School settings: defaults until stored. */
	int lesson = 0, stored = 1;
	double cap = 0;
	must(timetable_store_school_settings(f->db, f->school_a, &lesson, &cap, &stored, &err), &err);
	assert_int_equal(lesson, 50);
	assert_true(cap == 720);
	assert_int_equal(stored, 0);

	/* Codes by employee number: only staff of the school's board. */
	int64_t person = 0;
	assert_int_equal(timetable_store_code_set_employee(f->db, f->school_a, "KAR", "B1", "test",
							   &person, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "personeelsnummer");
	assert_int_equal(timetable_store_code_set_employee(f->db, f->school_a, "", "A1", "test", NULL,
							   &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "code");
	assert_int_equal(count(f, "SELECT COUNT(*) FROM teacher_code"), 0);
	must(timetable_store_code_set_employee(f->db, f->school_a, "SAN", "A1", "test", &person, &err),
	     &err);
	assert_int_equal(person, f->sanne);
	must(timetable_store_code_set_employee(f->db, f->school_a, "CEE", "A2", "test", NULL, &err),
	     &err);
	/* Changing a code moves it to the other person. */
	must(timetable_store_code_set_employee(f->db, f->school_a, "SAN", "A2", "test", &person, &err),
	     &err);
	assert_int_equal(person, f->cees);
	struct timetable_code_row *codes = NULL;
	size_t n = 0;
	must(timetable_store_codes_list(f->db, f->school_a, &codes, &n, &err), &err);
	assert_int_equal(n, 2);
	assert_string_equal(codes[0].code, "CEE");
	assert_string_equal(codes[1].code, "SAN");
	assert_string_equal(codes[1].employee_number, "A2");
	assert_string_equal(codes[1].name, "Cees Jansen");
	free(codes);
	assert_int_equal(timetable_store_code_delete(f->db, f->school_a, "XYZ", "test", &err),
			 SAMEN_ENOTFOUND);
	must(timetable_store_code_delete(f->db, f->school_a, "SAN", "test", &err), &err);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM teacher_code"), 1);
	assert_int_equal(count(f, "SELECT COUNT(*) FROM audit_log WHERE action IN"
				  " ('timetable.code_set', 'timetable.code_delete')"), 4);

	struct timetable_staff_row *staff = NULL;
	must(timetable_store_board_staff(f->db, f->school_a, false, &staff, &n, &err), &err);
	assert_int_equal(n, 2);
	assert_true(staff[0].person_id == f->sanne || staff[1].person_id == f->sanne);
	assert_true(staff[0].person_id != f->karim && staff[1].person_id != f->karim);
	free(staff);
	/* Only those assigned to the school: Cees moves to another school of board A. */
	int64_t school_a2 = 0;
	struct org_school sa2;
	school(&sa2, "14AC", "A2 College");
	must(org_school_add(f->db, f->board_a, &sa2, &school_a2, &err), &err);
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE assignment SET school_id = %lld WHERE employment_id ="
		 " (SELECT id FROM employment WHERE employee_number = 'A2')", (long long)school_a2);
	must(db_exec(f->db, sql, &err), &err);
	must(timetable_store_board_staff(f->db, f->school_a, true, &staff, &n, &err), &err);
	assert_int_equal(n, 1);
	assert_int_equal(staff[0].person_id, f->sanne);
	free(staff);

	/* Region settings: defaults, refused values write nothing, then stored. */
	struct timetable_region_settings rs;
	must(timetable_store_region_settings(f->db, f->region, &rs, &err), &err);
	assert_int_equal(rs.stored, 0);
	assert_int_equal(rs.weeks_per_year, 40);
	assert_int_equal(timetable_store_region_settings_set(f->db, f->region, 30, 53, 3, "test", &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "weeks");
	assert_int_equal(count(f, "SELECT COUNT(*) FROM match_setting"), 0);
	must(timetable_store_region_settings_set(f->db, f->region, 42.5, 38, 5, "test", &err), &err);
	must(timetable_store_region_settings(f->db, f->region, &rs, &err), &err);
	assert_true(rs.speed_kmh == 42.5);
	assert_int_equal(rs.weeks_per_year, 38);
	assert_int_equal(rs.offer_days, 5);
	assert_int_equal(rs.stored, 1);

	/* Travel CSV: parse errors name line and field. */
	struct timetable_travel *rows = calloc(TIMETABLE_TRAVEL_MAX, sizeof *rows);
	assert_non_null(rows);
	const char *bad = "from;to;minutes\n14AB00;27AK00;12\n14AB00;27AK00;x\n";
	assert_int_equal(timetable_parse_travel(bad, strlen(bad), rows, &n, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.field, "minutes");
	const char *good = "\xEF\xBB\xBF" "from;to;minutes\r\n14AB00;27AK00;12\r\n\r\n27AK00;14AB00;13\r\n";
	must(timetable_parse_travel(good, strlen(good), rows, &n, &err), &err);
	assert_int_equal(n, 2);
	assert_int_equal(rows[1].line, 4);
	assert_int_equal(rows[1].minutes, 13);

	/* A school of another region is refused by the region's import, naming line and field. */
	int64_t region2 = 0, board2 = 0, school2 = 0;
	must(org_region_add(f->db, "elders", "Elders", &region2, &err), &err);
	must(org_board_add(f->db, region2, "50000", "Stichting C", &board2, &err), &err);
	struct org_school sc;
	school(&sc, "55CC", "C College");
	must(org_school_add(f->db, board2, &sc, &school2, &err), &err);
	struct timetable_travel other[2] = {{"14AB00", "27AK00", 12, 2}, {"27AK00", "55CC00", 9, 5}};
	assert_int_equal(timetable_store_travel_import_region(f->db, f->region, other, 2, "test", &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 5);
	assert_string_equal(err.field, "to_brinvest");
	assert_int_equal(count(f, "SELECT COUNT(*) FROM travel_time"), 0);
	must(timetable_store_travel_import_region(f->db, 0, other, 2, "test", &err), &err);
	must(timetable_store_travel_import_region(f->db, f->region, rows, 2, "test", &err), &err);
	struct timetable_travel_row *list = NULL;
	must(timetable_store_travel_list(f->db, f->region, &list, &n, &err), &err);
	assert_int_equal(n, 3); /* 14AB00>27AK00, 27AK00>14AB00, 27AK00>55CC00 */
	assert_string_equal(list[0].from, "14AB00");
	assert_int_equal(list[0].minutes, 12);
	assert_string_equal(list[2].to, "55CC00");
	assert_string_equal(list[2].to_name, "C College");
	free(list);
	must(timetable_store_travel_list(f->db, region2, &list, &n, &err), &err);
	assert_int_equal(n, 1);
	free(list);
	free(rows);

	/* Codes file: the header is skipped, a code twice names both lines. */
	const char *codes_text = "code;personeelsnummer\nSAN;A1\nsan;A2\n";
	struct timetable_code *cbuf = calloc(TIMETABLE_CODES_MAX, sizeof *cbuf);
	assert_non_null(cbuf);
	must(timetable_parse_codes(codes_text, strlen(codes_text), cbuf, &n, &err), &err);
	assert_int_equal(n, 2);
	assert_string_equal(cbuf[1].employee_number, "A2");
	const char *twice = "SAN;A1\nCEE;A2\nSAN;A2\n";
	assert_int_equal(timetable_parse_codes(twice, strlen(twice), cbuf, &n, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.field, "code");
	assert_non_null(strstr(err.msg, "line 1"));
	const char *noemp = "SAN;\n";
	assert_int_equal(timetable_parse_codes(noemp, strlen(noemp), cbuf, &n, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "personeelsnummer");
	free(cbuf);

	long untis = -1, zermelo = -1, other_n = -1;
	must(timetable_store_lesson_counts(f->db, f->school_a, &untis, &zermelo, &other_n, &err), &err);
	assert_int_equal(untis + zermelo + other_n, 0);
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
		cmocka_unit_test_setup_teardown(screen_functions, setup, teardown),
		cmocka_unit_test_setup_teardown(screen_functions, setup_pg, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
