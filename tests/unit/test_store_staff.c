/*
 * test_store_staff.c - regions, boards and schools (store/store_org.c) and
 * the all-or-nothing staff import (store/store_staff.c) on a temporary
 * SQLite file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "store/migrate.h"
#include "store/refdata.h"
#include "store/store_org.h"
#include "store/store_staff.h"

struct fixture {
	char path[64];
	struct db *db;
	int64_t region, board_a, board_b;
	int64_t school_a0, school_a1, school_b0;
};

static void must(int rc, const struct samen_err *err)
{
	if (rc)
		fail_msg("rc %d: line %ld field '%s': %s", rc, err->line, err->field, err->msg);
}

static void school(struct org_school *s, const char *brin, const char *vest, const char *name,
		   const char *municipality, const char *province)
{
	memset(s, 0, sizeof *s);
	snprintf(s->brin, sizeof s->brin, "%s", brin);
	snprintf(s->vestiging, sizeof s->vestiging, "%s", vest);
	snprintf(s->name, sizeof s->name, "%s", name);
	snprintf(s->street, sizeof s->street, "Schoolweg 1");
	snprintf(s->postcode, sizeof s->postcode, "1815 jd");
	snprintf(s->city, sizeof s->city, "%s", municipality);
	snprintf(s->municipality, sizeof s->municipality, "%s", municipality);
	snprintf(s->province, sizeof s->province, "%s", province);
	snprintf(s->school_types, sizeof s->school_types, "vwo, havo");
	s->lat = 52.63;
	s->lon = 4.75;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct samen_err err;
	samen_err_clear(&err);
	snprintf(f->path, sizeof f->path, "/tmp/test_store_staff_XXXXXX");
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
	school(&s, "14ab", "00", "A College", "Alkmaar", "Noord-Holland");
	must(org_school_add(f->db, f->board_a, &s, &f->school_a0, &err), &err);
	school(&s, "14AB", "01", "A College Heiloo", "Heiloo", "");
	must(org_school_add(f->db, f->board_a, &s, &f->school_a1, &err), &err);
	school(&s, "27AK", "00", "B Lyceum", "Castricum", "Noord-Holland");
	must(org_school_add(f->db, f->board_b, &s, &f->school_b0, &err), &err);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
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

static int64_t count(struct db *db, const char *table)
{
	static const char *const sql[][2] = {
		{"person", "SELECT COUNT(*) FROM person"},
		{"employment", "SELECT COUNT(*) FROM employment"},
		{"contract", "SELECT COUNT(*) FROM contract"},
		{"assignment", "SELECT COUNT(*) FROM assignment"},
		{"qualification", "SELECT COUNT(*) FROM qualification"},
		{"import", "SELECT COUNT(*) FROM audit_log WHERE action = 'staff.import'"},
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if (strcmp(sql[i][0], table) == 0) {
			int64_t n = -1;
			struct samen_err err;
			must(db_query_int(db, sql[i][1], 0, NULL, &n, &err), &err);
			return n;
		}
	}
	fail_msg("no count for %s", table);
	return -1;
}

static const char *text(struct db *db, const char *sql, const char *param)
{
	static char out[256];
	struct db_stmt *st;
	struct samen_err err;
	must(db_prepare(db, sql, &st, &err), &err);
	if (param)
		db_bind_text(st, 1, param);
	out[0] = '\0';
	if (db_step(st, &err) == 1)
		snprintf(out, sizeof out, "%s", db_col_text(st, 0));
	db_finalize(st);
	return out;
}

/* A valid record working fully at one school, qualified in one subject. */
static void rec(struct staff_record *r, long line, const char *empno, const char *first,
		const char *last, const char *email, const char *brin, const char *vest,
		const char *subject, enum qual_level level)
{
	memset(r, 0, sizeof *r);
	r->line = line;
	snprintf(r->employee_number, sizeof r->employee_number, "%s", empno);
	snprintf(r->first_name, sizeof r->first_name, "%s", first);
	snprintf(r->last_name, sizeof r->last_name, "%s", last);
	snprintf(r->birth_date, sizeof r->birth_date, "1980-05-17");
	snprintf(r->email, sizeof r->email, "%s", email);
	snprintf(r->contract_kind, sizeof r->contract_kind, "vast");
	r->hours_per_year = 1659;
	snprintf(r->salary_scale, sizeof r->salary_scale, "LB");
	r->salary_step = 8;
	snprintf(r->start_date, sizeof r->start_date, "2015-08-01");
	r->n_assign = 1;
	snprintf(r->assign[0].brin, sizeof r->assign[0].brin, "%s", brin);
	snprintf(r->assign[0].vestiging, sizeof r->assign[0].vestiging, "%s", vest);
	r->assign[0].fte_share = 1.0;
	if (subject) {
		r->n_qual = 1;
		snprintf(r->qual[0].subject, sizeof r->qual[0].subject, "%s", subject);
		r->qual[0].level = level;
	}
}

/* Three people of board A: 2 + 1 + 1 assignments, 2 + 1 + 0 qualifications. */
static void batch_a(struct staff_record r[3])
{
	rec(&r[0], 2, "A001", "Sanne", "de Vries", "Sanne.deVries@a.example.nl", "14AB", "00",
	    "sk", QUAL_FIRST);
	r[0].n_assign = 2;
	r[0].assign[0].fte_share = 0.6;
	snprintf(r[0].assign[1].brin, sizeof r[0].assign[1].brin, "14ab");
	snprintf(r[0].assign[1].vestiging, sizeof r[0].assign[1].vestiging, "01");
	r[0].assign[1].fte_share = 0.4;
	r[0].n_qual = 2;
	snprintf(r[0].qual[1].subject, sizeof r[0].qual[1].subject, "na");
	r[0].qual[1].level = QUAL_SECOND;
	rec(&r[1], 3, "A002", "Peter", "Bakker", "peter.bakker@a.example.nl", "14AB", "01", "wi",
	    QUAL_IN_TRAINING);
	rec(&r[2], 4, "A003", "Noor", "El Amrani", "", "14AB", "00", NULL, QUAL_NONE);
	snprintf(r[2].contract_kind, sizeof r[2].contract_kind, "tijdelijk");
	snprintf(r[2].end_date, sizeof r[2].end_date, "2027-07-31");
	r[2].hours_per_year = 829.5;
}

static void org_normalises_and_derives_holiday_region(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(text(f->db, "SELECT brin || vestiging || ' ' || postcode || ' ' ||"
				       " school_types || ' ' || holiday_region || ' ' || province"
				       " FROM school WHERE id = (SELECT MIN(id) FROM school)",
				 NULL),
			    "14AB00 1815JD havo,vwo noord Noord-Holland");
	/* Heiloo was given without a province: it is unique, so it was found. */
	assert_string_equal(text(f->db, "SELECT province FROM school WHERE name = $1",
				 "A College Heiloo"),
			    "Noord-Holland");
	/* Maastricht lies in holiday region zuid. */
	struct samen_err err;
	struct org_school s;
	int64_t id;
	school(&s, "30MA", "00", "Maas College", "Maastricht", "Limburg");
	must(org_school_add(f->db, f->board_b, &s, &id, &err), &err);
	assert_string_equal(text(f->db, "SELECT holiday_region FROM school WHERE brin = $1", "30MA"),
			    "zuid");
	/* Each add wrote an audit entry: region, 2 boards, 4 schools. */
	assert_string_equal(text(f->db, "SELECT COUNT(*) FROM audit_log WHERE action IN"
				       " ('region.create','board.create','school.create')",
				 NULL),
			    "7");
}

static void org_rejects_bad_input(void **state)
{
	struct fixture *f = *state;
	struct samen_err err;
	struct org_school s;
	int64_t id;
	school(&s, "31BG", "00", "Berger School", "Bergen", "");
	samen_err_clear(&err);
	assert_int_equal(org_school_add(f->db, f->board_a, &s, &id, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "municipality"); /* Limburg or Noord-Holland? */
	assert_non_null(strstr(err.msg, "Limburg"));
	school(&s, "31BG", "00", "Berger School", "Bergen", "Utrecht");
	assert_int_equal(org_school_add(f->db, f->board_a, &s, &id, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "municipality");
	school(&s, "31BG", "00", "Berger School", "Atlantis", "");
	assert_int_equal(org_school_add(f->db, f->board_a, &s, &id, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "municipality");
	const struct {
		const char *brin, *vest, *postcode, *types, *field;
	} bad[] = {
		{"1ABC", "00", "1815JD", "havo", "brin"},
		{"14A", "00", "1815JD", "havo", "brin"},
		{"14AB", "0", "1815JD", "havo", "vestiging"},
		{"14AC", "00", "0815JD", "havo", "postcode"},
		{"14AC", "00", "1815J", "havo", "postcode"},
		{"14AC", "00", "1815SS", "havo", "postcode"},
		{"14AC", "00", "1815JD", "mbo", "school_types"},
		{"14AC", "00", "1815JD", "", "school_types"},
		{"14AC", "00", "1815JD", "havo,havo", "school_types"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		school(&s, bad[i].brin, bad[i].vest, "X", "Alkmaar", "Noord-Holland");
		snprintf(s.postcode, sizeof s.postcode, "%s", bad[i].postcode);
		snprintf(s.school_types, sizeof s.school_types, "%s", bad[i].types);
		samen_err_clear(&err);
		assert_int_equal(org_school_add(f->db, f->board_a, &s, &id, &err), SAMEN_EINVAL);
		assert_string_equal(err.field, bad[i].field);
	}
	/* Duplicates. */
	school(&s, "14AB", "00", "Again", "Alkmaar", "Noord-Holland");
	assert_int_equal(org_school_add(f->db, f->board_a, &s, &id, &err), SAMEN_EEXIST);
	assert_int_equal(org_board_add(f->db, f->region, "41873", "Dup", &id, &err), SAMEN_EEXIST);
	assert_int_equal(org_region_add(f->db, "alkmaar", "Dup", &id, &err), SAMEN_EEXIST);
	assert_int_equal(org_board_add(f->db, f->region, "4187", "Short", &id, &err), SAMEN_EINVAL);
	assert_int_equal(org_region_add(f->db, "Alkmaar!", "X", &id, &err), SAMEN_EINVAL);
	assert_int_equal(org_board_find(f->db, "42316", &id, &err), 0);
	assert_int_equal(id, f->board_b);
	assert_int_equal(org_board_find(f->db, "99999", &id, &err), SAMEN_ENOTFOUND);
	/* Nothing of the failed adds was written. */
	assert_string_equal(text(f->db, "SELECT COUNT(*) FROM school", NULL), "3");
}

static void import_small_batch(void **state)
{
	struct fixture *f = *state;
	struct staff_record r[3];
	struct staff_import_stats st;
	struct samen_err err;
	batch_a(r);
	must(store_staff_import(f->db, f->board_a, r, 3, "hr@a", &st, &err), &err);
	assert_int_equal(st.rows, 3);
	assert_int_equal(st.people_created, 3);
	assert_int_equal(st.people_linked, 0);
	assert_int_equal(st.people_updated, 0);
	assert_int_equal(count(f->db, "person"), 3);
	assert_int_equal(count(f->db, "employment"), 3);
	assert_int_equal(count(f->db, "contract"), 3);
	assert_int_equal(count(f->db, "assignment"), 4);
	assert_int_equal(count(f->db, "qualification"), 3);
	assert_int_equal(count(f->db, "import"), 1);
	/* E-mail stored in lower case; no e-mail is NULL. */
	assert_string_equal(text(f->db, "SELECT email FROM person WHERE first_name = $1", "Sanne"),
			    "sanne.devries@a.example.nl");
	assert_string_equal(text(f->db, "SELECT COUNT(*) FROM person WHERE email IS NULL", NULL),
			    "1");
	assert_string_equal(text(f->db, "SELECT kind || ' ' || end_date FROM contract c JOIN"
				       " employment e ON e.id = c.employment_id WHERE"
				       " e.employee_number = $1",
				 "A003"),
			    "tijdelijk 2027-07-31");
	assert_string_equal(text(f->db, "SELECT level FROM qualification WHERE subject_code = $1",
				 "wi"),
			    "in_opleiding");
	assert_string_equal(text(f->db, "SELECT actor || ' ' || detail FROM audit_log WHERE"
				       " action = $1",
				 "staff.import"),
			    "hr@a rows=3 created=3 linked=0 updated=0");
	/* The load ran without per-row foreign-key checks (db_bulk_load): nothing
	   it wrote dangles, and the connection checks again afterwards. */
	assert_string_equal(text(f->db, "SELECT COUNT(*) FROM pragma_foreign_key_check", NULL), "0");
	assert_string_equal(text(f->db, "PRAGMA foreign_keys", NULL), "1");
	assert_int_not_equal(db_exec(f->db, "INSERT INTO assignment (employment_id, school_id,"
					    " fte_share) VALUES (999999, 999999, 0.5)", &err), 0);
	/* Also after a refused import. */
	r[1].n_qual = 1;
	snprintf(r[1].qual[0].subject, sizeof r[1].qual[0].subject, "zz");
	assert_int_equal(store_staff_import(f->db, f->board_a, r, 3, "hr@a", &st, &err),
			 SAMEN_EINVAL);
	assert_string_equal(text(f->db, "PRAGMA foreign_keys", NULL), "1");
}

static void reimport_replaces(void **state)
{
	struct fixture *f = *state;
	struct staff_record r[3];
	struct staff_import_stats st;
	struct samen_err err;
	batch_a(r);
	must(store_staff_import(f->db, f->board_a, r, 3, "hr@a", &st, &err), &err);
	/* Sanne now works 0.8 fte at one school and only teaches chemistry (tweedegraads). */
	r[0].hours_per_year = 1327.2;
	r[0].n_assign = 1;
	r[0].assign[0].fte_share = 1.0;
	r[0].n_qual = 1;
	r[0].qual[0].level = QUAL_SECOND;
	snprintf(r[0].last_name, sizeof r[0].last_name, "Visser-de Vries");
	must(store_staff_import(f->db, f->board_a, r, 3, "hr@a", &st, &err), &err);
	assert_int_equal(st.people_updated, 3);
	assert_int_equal(st.people_created, 0);
	assert_int_equal(count(f->db, "person"), 3);
	assert_int_equal(count(f->db, "employment"), 3);
	assert_int_equal(count(f->db, "contract"), 3);
	assert_int_equal(count(f->db, "assignment"), 3);
	assert_int_equal(count(f->db, "qualification"), 2);
	assert_int_equal(count(f->db, "import"), 2);
	assert_string_equal(text(f->db, "SELECT c.hours_per_year FROM contract c JOIN employment e"
				       " ON e.id = c.employment_id WHERE e.employee_number = $1",
				 "A001"),
			    "1327.2");
	assert_string_equal(text(f->db, "SELECT last_name FROM person WHERE email = $1",
				 "sanne.devries@a.example.nl"),
			    "Visser-de Vries");
	assert_string_equal(text(f->db, "SELECT level FROM qualification WHERE subject_code = $1",
				 "sk"),
			    "tweedegraads");
}

static void two_boards_one_identity(void **state)
{
	struct fixture *f = *state;
	struct staff_record a[3], b[1];
	struct staff_import_stats st;
	struct samen_err err;
	batch_a(a);
	must(store_staff_import(f->db, f->board_a, a, 3, "hr@a", &st, &err), &err);
	/* Board B employs Sanne too (e-mail in other case), 0.2 fte, teaching biology. */
	rec(&b[0], 2, "B-77", "Sanne", "de Vries", "SANNE.DEVRIES@A.EXAMPLE.NL", "27AK", "00",
	    "bi", QUAL_SECOND);
	b[0].hours_per_year = 331.8;
	must(store_staff_import(f->db, f->board_b, b, 1, "hr@b", &st, &err), &err);
	assert_int_equal(st.people_linked, 1);
	assert_int_equal(st.people_created, 0);
	assert_int_equal(count(f->db, "person"), 3);
	assert_int_equal(count(f->db, "employment"), 4);
	assert_int_equal(count(f->db, "contract"), 4);
	assert_string_equal(text(f->db, "SELECT COUNT(DISTINCT board_id) FROM employment WHERE"
				       " person_id = (SELECT id FROM person WHERE email = $1)",
				 "sanne.devries@a.example.nl"),
			    "2");
	/* Merged qualifications: sk, na from A plus bi from B. */
	assert_string_equal(text(f->db, "SELECT group_concat(subject_code, ',') FROM (SELECT"
				       " subject_code FROM qualification q JOIN person p ON"
				       " p.id = q.person_id WHERE p.email = $1 ORDER BY"
				       " subject_code)",
				 "sanne.devries@a.example.nl"),
			    "bi,na,sk");
	/* B re-imports with more hours and a lower chemistry level: A's contract and
	 * A's eerstegraads chemistry stay. */
	b[0].hours_per_year = 663.6;
	b[0].n_qual = 2;
	snprintf(b[0].qual[1].subject, sizeof b[0].qual[1].subject, "sk");
	b[0].qual[1].level = QUAL_LIMITED_SECOND;
	must(store_staff_import(f->db, f->board_b, b, 1, "hr@b", &st, &err), &err);
	assert_int_equal(st.people_updated, 1);
	assert_string_equal(text(f->db, "SELECT c.hours_per_year FROM contract c JOIN employment e"
				       " ON e.id = c.employment_id WHERE e.employee_number = $1",
				 "A001"),
			    "1659.0");
	assert_string_equal(text(f->db, "SELECT c.hours_per_year FROM contract c JOIN employment e"
				       " ON e.id = c.employment_id WHERE e.employee_number = $1",
				 "B-77"),
			    "663.6");
	assert_string_equal(text(f->db, "SELECT COUNT(*) FROM assignment a JOIN employment e ON"
				       " e.id = a.employment_id WHERE e.employee_number = $1",
				 "A001"),
			    "2");
	assert_string_equal(text(f->db, "SELECT level FROM qualification WHERE subject_code = $1"
				       " AND person_id = (SELECT id FROM person WHERE first_name ="
				       " 'Sanne')",
				 "sk"),
			    "eerstegraads");
	/* A re-imports: its own contract is replaced, B's is untouched. */
	a[0].hours_per_year = 995.4;
	must(store_staff_import(f->db, f->board_a, a, 3, "hr@a", &st, &err), &err);
	assert_string_equal(text(f->db, "SELECT c.hours_per_year FROM contract c JOIN employment e"
				       " ON e.id = c.employment_id WHERE e.employee_number = $1",
				 "B-77"),
			    "663.6");
	assert_int_equal(count(f->db, "person"), 3);
	assert_int_equal(count(f->db, "contract"), 4);
}

struct counts {
	int64_t n[6];
};

static struct counts all_counts(struct db *db)
{
	static const char *const t[] = {"person",	 "employment",	  "contract",
					"assignment", "qualification", "import"};
	struct counts c;
	for (int i = 0; i < 6; i++)
		c.n[i] = count(db, t[i]);
	return c;
}

static void bad_row_leaves_database_unchanged(void **state)
{
	struct fixture *f = *state;
	struct staff_record a[3], r[5];
	struct staff_import_stats st = {0};
	struct samen_err err;
	batch_a(a);
	must(store_staff_import(f->db, f->board_a, a, 3, "hr@a", &st, &err), &err);
	struct counts before = all_counts(f->db);
	char name[16], email[64];
	for (int i = 0; i < 5; i++) {
		snprintf(name, sizeof name, "N%03d", i);
		snprintf(email, sizeof email, "n%d@a.example.nl", i);
		rec(&r[i], i + 2, name, "Nieuw", "Mens", email, "14AB", "00", "en", QUAL_SECOND);
	}
	/* The middle record has too many hours: checked before any write. */
	r[2].hours_per_year = 2500;
	samen_err_clear(&err);
	assert_int_equal(store_staff_import(f->db, f->board_a, r, 5, "hr@a", &st, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 4);
	assert_string_equal(err.field, "uren_per_jaar");
	struct counts after = all_counts(f->db);
	assert_memory_equal(&before, &after, sizeof before);

	/* A failure found while writing (record 4 gives known employee A002 the e-mail
	 * of Sanne, another person) also undoes records 1-3. */
	r[2].hours_per_year = 1000;
	r[3] = a[1];
	r[3].line = 5;
	snprintf(r[3].email, sizeof r[3].email, "sanne.devries@a.example.nl");
	samen_err_clear(&err);
	assert_int_equal(store_staff_import(f->db, f->board_a, r, 5, "hr@a", &st, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 5);
	assert_string_equal(err.field, "email");
	after = all_counts(f->db);
	assert_memory_equal(&before, &after, sizeof before);
	/* The statistics are only filled on success. */
	assert_int_equal(st.rows, 3);
}

static void duplicates_name_both_lines(void **state)
{
	struct fixture *f = *state;
	struct staff_record r[4];
	struct samen_err err;
	rec(&r[0], 2, "X1", "Anna", "Smit", "anna@a.example.nl", "14AB", "00", NULL, 0);
	rec(&r[1], 3, "X2", "Bas", "Bos", "bas@a.example.nl", "14AB", "00", NULL, 0);
	rec(&r[2], 4, "X3", "Carla", "Kok", "carla@a.example.nl", "14AB", "00", NULL, 0);
	rec(&r[3], 5, "X2", "Daan", "Vos", "daan@a.example.nl", "14AB", "00", NULL, 0);
	samen_err_clear(&err);
	assert_int_equal(store_staff_import(f->db, f->board_a, r, 4, "hr@a", NULL, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 5);
	assert_string_equal(err.field, "personeelsnummer");
	assert_non_null(strstr(err.msg, "line 3"));
	assert_non_null(strstr(err.msg, "line 5"));
	assert_non_null(strstr(err.msg, "X2"));
	/* The same e-mail twice, in different case. */
	snprintf(r[3].employee_number, sizeof r[3].employee_number, "X4");
	snprintf(r[3].email, sizeof r[3].email, "Anna@A.example.nl");
	samen_err_clear(&err);
	assert_int_equal(store_staff_import(f->db, f->board_a, r, 4, "hr@a", NULL, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 5);
	assert_string_equal(err.field, "email");
	assert_non_null(strstr(err.msg, "line 2"));
	assert_non_null(strstr(err.msg, "line 5"));
	assert_int_equal(count(f->db, "person"), 0);
}

static void unknown_subject_and_foreign_school(void **state)
{
	struct fixture *f = *state;
	struct staff_record r[3];
	struct samen_err err;
	rec(&r[0], 2, "Y1", "Anna", "Smit", "", "14AB", "00", "wi", QUAL_FIRST);
	rec(&r[1], 3, "Y2", "Bas", "Bos", "", "14AB", "01", "ne", QUAL_SECOND);
	rec(&r[2], 4, "Y3", "Carla", "Kok", "", "14AB", "00", "xx", QUAL_SECOND);
	samen_err_clear(&err);
	assert_int_equal(store_staff_import(f->db, f->board_a, r, 3, "hr@a", NULL, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 4);
	assert_string_equal(err.field, "bevoegdheden");
	assert_non_null(strstr(err.msg, "'xx'"));
	/* Board B's school is not board A's. */
	snprintf(r[2].qual[0].subject, sizeof r[2].qual[0].subject, "du");
	snprintf(r[1].assign[0].brin, sizeof r[1].assign[0].brin, "27AK");
	snprintf(r[1].assign[0].vestiging, sizeof r[1].assign[0].vestiging, "00");
	samen_err_clear(&err);
	assert_int_equal(store_staff_import(f->db, f->board_a, r, 3, "hr@a", NULL, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.field, "brin");
	assert_non_null(strstr(err.msg, "27AK00 belongs to another board"));
	snprintf(r[1].assign[0].brin, sizeof r[1].assign[0].brin, "99ZZ");
	assert_int_equal(store_staff_import(f->db, f->board_a, r, 3, "hr@a", NULL, &err),
			 SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "99ZZ00 is unknown"));
	/* An unknown board. */
	assert_int_equal(store_staff_import(f->db, 999, r, 3, "hr@a", NULL, &err),
			 SAMEN_ENOTFOUND);
	assert_int_equal(count(f->db, "person"), 0);
	assert_int_equal(count(f->db, "import"), 0);
}

/* A known employee number of this board cannot take another employee's e-mail. */
static void email_of_another_employee(void **state)
{
	struct fixture *f = *state;
	struct staff_record a[3], r[1];
	struct samen_err err;
	batch_a(a);
	must(store_staff_import(f->db, f->board_a, a, 3, "hr@a", NULL, &err), &err);
	rec(&r[0], 9, "A999", "Peter", "Bakker", "peter.bakker@a.example.nl", "14AB", "00", NULL,
	    0);
	samen_err_clear(&err);
	assert_int_equal(store_staff_import(f->db, f->board_a, r, 1, "hr@a", NULL, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 9);
	assert_string_equal(err.field, "email");
	assert_non_null(strstr(err.msg, "A002"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(org_normalises_and_derives_holiday_region, setup,
						teardown),
		cmocka_unit_test_setup_teardown(org_rejects_bad_input, setup, teardown),
		cmocka_unit_test_setup_teardown(import_small_batch, setup, teardown),
		cmocka_unit_test_setup_teardown(reimport_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(two_boards_one_identity, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_row_leaves_database_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicates_name_both_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(unknown_subject_and_foreign_school, setup, teardown),
		cmocka_unit_test_setup_teardown(email_of_another_employee, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
