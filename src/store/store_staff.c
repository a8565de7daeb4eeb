/*
 * store_staff.c - writing a board's staff batch, all or nothing (see
 * store_staff.h).
 *
 * The import runs in three phases inside one write transaction:
 *   1. load what the batch is checked against, once: the board's schools,
 *      the subject codes and the board's current employments (employee
 *      number, person, e-mail, how many boards employ that person), each
 *      into a small in-memory hash table;
 *   2. check every record (staff_validate, schools of this board, known
 *      subjects, no employee number or e-mail twice in the batch) before
 *      anything is written;
 *   3. write with statements prepared once and re-run with db_reset and
 *      db_bind_*: a new person is inserted with
 *      INSERT ... ON CONFLICT (email) DO NOTHING, so only a person already
 *      known by e-mail (from another board) costs a second lookup.
 *
 * Identity rules. E-mail addresses are compared and stored in lower case;
 * a person already in the database with the record's e-mail keeps that one
 * identity (people_linked). Re-importing an employee number the board
 * already has replaces that employment's contract and assignments; the
 * person's name and birth date are updated and their qualifications
 * replaced only while this board is their sole employer. For a person
 * also employed elsewhere the person row is left as it is and the
 * qualifications are merged: a subject not yet recorded is added, a
 * recorded one is only raised to a higher level (eerstegraads >
 * tweedegraads > beperkt_tweedegraads > in_opleiding), so another board's
 * data is never lowered or removed. A record without an e-mail keeps the
 * e-mail already stored. Employees of the board missing from the batch are
 * left as they are.
 */
#include "store/store_staff.h"
#include "store/audit.h"
#include "util/date.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a small open-addressing hash map: borrowed string key -> int64 ---- */

struct smap {
	const char **keys;
	int64_t *vals;
	size_t mask;
};

static uint64_t smap_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a, 64 bit */
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Room for `expect` keys at a load factor of at most one half. */
static int smap_init(struct smap *m, size_t expect)
{
	size_t cap = 16;
	while (cap < expect * 2 + 2)
		cap <<= 1;
	m->keys = calloc(cap, sizeof *m->keys);
	m->vals = calloc(cap, sizeof *m->vals);
	m->mask = cap - 1;
	if (!m->keys || !m->vals) {
		free(m->keys);
		free(m->vals);
		m->keys = NULL;
		m->vals = NULL;
		return SAMEN_ENOMEM;
	}
	return 0;
}

static void smap_release(struct smap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
}

/* Slot of key: either holding key or the empty slot where it belongs. */
static size_t smap_slot(const struct smap *m, const char *key)
{
	size_t i = (size_t)smap_hash(key) & m->mask;
	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & m->mask;
	return i;
}

static bool smap_get(const struct smap *m, const char *key, int64_t *val)
{
	size_t i = smap_slot(m, key);
	if (!m->keys[i])
		return false;
	*val = m->vals[i];
	return true;
}

/* Insert key (the map never holds more than it was sized for). If key is
 * present, leave it and return true with its value in *old. */
static bool smap_put(struct smap *m, const char *key, int64_t val, int64_t *old)
{
	size_t i = smap_slot(m, key);
	if (m->keys[i]) {
		*old = m->vals[i];
		return true;
	}
	m->keys[i] = key;
	m->vals[i] = val;
	return false;
}

/* ---- the import ---- */

struct existing {
	int64_t employment_id, person_id;
	int64_t boards;  /* how many boards employ this person */
	char *empno;     /* owned */
	char *email;     /* owned, lower case, "" when none */
};

struct import {
	struct db *db;
	int64_t board_id;
	const struct staff_record *recs;
	size_t n;
	char now[21];
	char **email;              /* per record: lower-case e-mail or "" (into email_pool) */
	char *email_pool;
	struct existing *ex;       /* the board's current employments */
	size_t n_ex;
	struct smap ex_by_empno, ex_by_email;
	char (*school_keys)[8];    /* "14AB00" */
	struct smap schools;       /* key -> school id */
	char (*subject_keys)[8];
	struct smap subjects;      /* code -> 1 */
	bool returning;            /* PostgreSQL: ids come from INSERT ... RETURNING */
	int64_t next_person, next_employment; /* SQLite: the ids the next inserts take */
	struct db_stmt *ins_person, *find_person, *upd_person, *ins_employment, *del_contract,
		*del_assign, *del_qual, *ins_contract, *ins_assign, *ins_qual;
};

/* Rewrite the driver's message in err with line and field. */
static int fail_row(struct samen_err *err, int rc, long line, const char *field,
		    const char *what)
{
	if (!err)
		return rc;
	char msg[sizeof err->msg];
	snprintf(msg, sizeof msg, "%s", err->msg);
	return samen_fail_at(err, rc, line, field, "%s: %s", what, msg);
}

static int load_board(struct import *im, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(im->db, "SELECT 1 FROM board WHERE id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, im->board_id);
	rc = db_step(st, err);
	db_finalize(st);
	if (rc == 0)
		return samen_fail_at(err, SAMEN_ENOTFOUND, 0, "board", "board %lld does not exist",
				     (long long)im->board_id);
	return rc < 0 ? rc : 0;
}

static int load_schools(struct import *im, struct samen_err *err)
{
	struct db_stmt *st;
	int64_t count = 0;
	char idtxt[24];
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)im->board_id);
	const char *p[] = {idtxt};
	int rc = db_query_int(im->db, "SELECT COUNT(*) FROM school WHERE board_id = CAST($1 AS INTEGER)",
			      1, p, &count, err);
	if (rc)
		return rc;
	im->school_keys = calloc((size_t)count + 1, sizeof *im->school_keys);
	if (!im->school_keys || smap_init(&im->schools, (size_t)count))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	rc = db_prepare(im->db, "SELECT id, brin, vestiging FROM school WHERE board_id = $1", &st,
			err);
	if (rc)
		return rc;
	db_bind_int(st, 1, im->board_id);
	size_t i = 0;
	int64_t dummy;
	while ((rc = db_step(st, err)) == 1 && i < (size_t)count) {
		snprintf(im->school_keys[i], sizeof im->school_keys[i], "%.4s%.2s",
			 db_col_text(st, 1), db_col_text(st, 2));
		smap_put(&im->schools, im->school_keys[i], db_col_int(st, 0), &dummy);
		i++;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static int load_subjects(struct import *im, struct samen_err *err)
{
	int64_t count = 0;
	int rc = db_query_int(im->db, "SELECT COUNT(*) FROM subject", 0, NULL, &count, err);
	if (rc)
		return rc;
	im->subject_keys = calloc((size_t)count + 1, sizeof *im->subject_keys);
	if (!im->subject_keys || smap_init(&im->subjects, (size_t)count))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	struct db_stmt *st;
	rc = db_prepare(im->db, "SELECT code FROM subject", &st, err);
	if (rc)
		return rc;
	size_t i = 0;
	int64_t dummy;
	while ((rc = db_step(st, err)) == 1 && i < (size_t)count) {
		snprintf(im->subject_keys[i], sizeof im->subject_keys[i], "%s", db_col_text(st, 0));
		smap_put(&im->subjects, im->subject_keys[i], 1, &dummy);
		i++;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static char *lower_dup(const char *s)
{
	size_t n = strlen(s);
	char *d = malloc(n + 1);
	if (!d)
		return NULL;
	for (size_t i = 0; i <= n; i++)
		d[i] = (char)tolower((unsigned char)s[i]);
	return d;
}

static int load_existing(struct import *im, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(im->db,
			    "SELECT e.id, e.person_id, e.employee_number, COALESCE(p.email, ''),"
			    " (SELECT COUNT(*) FROM employment e2 WHERE e2.person_id = e.person_id)"
			    " FROM employment e JOIN person p ON p.id = e.person_id"
			    " WHERE e.board_id = $1",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, im->board_id);
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if (im->n_ex == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			struct existing *nex = realloc(im->ex, ncap * sizeof *nex);
			if (!nex) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			im->ex = nex;
			cap = ncap;
		}
		struct existing *e = &im->ex[im->n_ex];
		e->employment_id = db_col_int(st, 0);
		e->person_id = db_col_int(st, 1);
		e->empno = strdup(db_col_text(st, 2));
		e->email = lower_dup(db_col_text(st, 3));
		e->boards = db_col_int(st, 4);
		if (!e->empno || !e->email) {
			free(e->empno);
			free(e->email);
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			break;
		}
		im->n_ex++;
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (smap_init(&im->ex_by_empno, im->n_ex) || smap_init(&im->ex_by_email, im->n_ex))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	int64_t dummy;
	for (size_t i = 0; i < im->n_ex; i++) {
		smap_put(&im->ex_by_empno, im->ex[i].empno, (int64_t)i, &dummy);
		if (im->ex[i].email[0])
			smap_put(&im->ex_by_email, im->ex[i].email, (int64_t)i, &dummy);
	}
	return 0;
}

/* Lower-case copies of the records' e-mails in one allocation. */
static int lower_emails(struct import *im, struct samen_err *err)
{
	size_t total = 0;
	for (size_t i = 0; i < im->n; i++)
		total += strnlen(im->recs[i].email, sizeof im->recs[i].email) + 1;
	im->email = malloc((im->n + 1) * sizeof *im->email);
	im->email_pool = malloc(total + 1);
	if (!im->email || !im->email_pool)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	char *p = im->email_pool;
	for (size_t i = 0; i < im->n; i++) {
		const char *s = im->recs[i].email;
		size_t len = strnlen(s, sizeof im->recs[i].email);
		im->email[i] = p;
		for (size_t k = 0; k < len; k++)
			p[k] = (char)tolower((unsigned char)s[k]);
		p[len] = '\0';
		p += len + 1;
	}
	return 0;
}

static void school_key(const struct staff_assignment *a, char key[8])
{
	for (int i = 0; i < 4; i++)
		key[i] = (char)toupper((unsigned char)a->brin[i]);
	key[4] = a->vestiging[0];
	key[5] = a->vestiging[1];
	key[6] = '\0';
}

/* A school that is not the board's: say whether it exists at all. */
static int school_not_ours(struct import *im, const struct staff_record *r, const char *key,
			   struct samen_err *err)
{
	char brin[5], vest[3];
	memcpy(brin, key, 4);
	brin[4] = '\0';
	memcpy(vest, key + 4, 3);
	const char *p[] = {brin, vest};
	int64_t other = 0;
	int rc = db_query_int(im->db, "SELECT board_id FROM school WHERE brin = $1 AND vestiging = $2",
			      2, p, &other, NULL);
	if (rc == 0)
		return samen_fail_at(err, SAMEN_EINVAL, r->line, "brin",
				     "school %s%s belongs to another board, not to this one", brin,
				     vest);
	return samen_fail_at(err, SAMEN_EINVAL, r->line, "brin",
			     "school %s%s is unknown; add the school location first", brin, vest);
}

/* Phase 2: every check that needs no writing. */
static int check_batch(struct import *im, struct samen_err *err)
{
	long today = date_today();
	struct smap by_empno = {0}, by_email = {0};
	int rc = 0;
	if (smap_init(&by_empno, im->n) || smap_init(&by_email, im->n)) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < im->n; i++) {
		const struct staff_record *r = &im->recs[i];
		rc = staff_validate(r, today, err);
		if (rc)
			goto out;
		int64_t prev;
		if (smap_put(&by_empno, r->employee_number, (int64_t)i, &prev)) {
			rc = samen_fail_at(err, SAMEN_EINVAL, r->line, "personeelsnummer",
					   "employee number %.32s appears on line %ld and on line %ld",
					   r->employee_number, im->recs[prev].line, r->line);
			goto out;
		}
		if (im->email[i][0] && smap_put(&by_email, im->email[i], (int64_t)i, &prev)) {
			rc = samen_fail_at(err, SAMEN_EINVAL, r->line, "email",
					   "e-mail %.128s appears on line %ld and on line %ld",
					   im->email[i], im->recs[prev].line, r->line);
			goto out;
		}
		for (int a = 0; a < r->n_assign; a++) {
			char key[8];
			int64_t sid;
			school_key(&r->assign[a], key);
			if (!smap_get(&im->schools, key, &sid)) {
				rc = school_not_ours(im, r, key, err);
				goto out;
			}
		}
		for (int q = 0; q < r->n_qual; q++) {
			int64_t one;
			if (!smap_get(&im->subjects, r->qual[q].subject, &one)) {
				rc = samen_fail_at(err, SAMEN_EINVAL, r->line, "bevoegdheden",
						   "subject code '%.8s' is unknown (see the subject list)",
						   r->qual[q].subject);
				goto out;
			}
		}
	}
out:
	smap_release(&by_empno);
	smap_release(&by_email);
	return rc;
}

/* Level ranks for the merge rule in the file comment. */
#define LEVEL_RANK(x) "CASE " x " WHEN 'eerstegraads' THEN 4 WHEN 'tweedegraads' THEN 3" \
		      " WHEN 'beperkt_tweedegraads' THEN 2 ELSE 1 END"

/*
 * New ids. On SQLite, RETURNING makes an INSERT several times slower (its
 * rows go through a temporary table), so there the import hands out the
 * ids itself, counting on from MAX(id): safe because BEGIN IMMEDIATE makes
 * this connection the only writer until the commit. PostgreSQL uses
 * RETURNING (one round trip, and the identity sequences stay right).
 * Parameter $7 (person; $6 is its sort name) resp. $4 (employment)
 * carries the id on SQLite only.
 */
#define PERSON_COLS "first_name, last_name, birth_date, email, created_at, sort_name"
#define EMPLOYMENT_COLS "person_id, board_id, employee_number"

static int next_id(struct db *db, const char *sql, int64_t *out, struct samen_err *err)
{
	return db_query_int(db, sql, 0, NULL, out, err);
}

static int prepare_all(struct import *im, struct samen_err *err)
{
	int rc;
	im->returning = db_dialect(im->db) != DB_SQLITE;
	if (im->returning) {
		rc = db_prepare(im->db,
				"INSERT INTO person (" PERSON_COLS ") VALUES ($1, $2, $3, $4, $5, $6)"
				" ON CONFLICT (email) DO NOTHING RETURNING id",
				&im->ins_person, err);
		if (rc == 0)
			rc = db_prepare(im->db,
					"INSERT INTO employment (" EMPLOYMENT_COLS ")"
					" VALUES ($1, $2, $3) RETURNING id",
					&im->ins_employment, err);
	} else {
		rc = next_id(im->db, "SELECT COALESCE(MAX(id), 0) + 1 FROM person",
			     &im->next_person, err);
		if (rc == 0)
			rc = next_id(im->db, "SELECT COALESCE(MAX(id), 0) + 1 FROM employment",
				     &im->next_employment, err);
		if (rc == 0)
			rc = db_prepare(im->db,
					"INSERT INTO person (id, " PERSON_COLS ")"
					" VALUES ($7, $1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING",
					&im->ins_person, err);
		if (rc == 0)
			rc = db_prepare(im->db,
					"INSERT INTO employment (id, " EMPLOYMENT_COLS ")"
					" VALUES ($4, $1, $2, $3)",
					&im->ins_employment, err);
	}
	if (rc)
		return rc;
	static const struct {
		size_t off;
		const char *sql;
	} stmts[] = {
		{offsetof(struct import, find_person), "SELECT id FROM person WHERE email = $1"},
		{offsetof(struct import, upd_person),
		 "UPDATE person SET first_name = $1, last_name = $2, birth_date = $3,"
		 " email = COALESCE($4, email), sort_name = $6 WHERE id = $5"},
		{offsetof(struct import, del_contract), "DELETE FROM contract WHERE employment_id = $1"},
		{offsetof(struct import, del_assign), "DELETE FROM assignment WHERE employment_id = $1"},
		{offsetof(struct import, del_qual), "DELETE FROM qualification WHERE person_id = $1"},
		{offsetof(struct import, ins_contract),
		 "INSERT INTO contract (employment_id, kind, hours_per_year, salary_scale,"
		 " salary_step, start_date, end_date) VALUES ($1, $2, $3, $4, $5, $6, $7)"},
		{offsetof(struct import, ins_assign),
		 "INSERT INTO assignment (employment_id, school_id, fte_share) VALUES ($1, $2, $3)"},
		{offsetof(struct import, ins_qual),
		 "INSERT INTO qualification (person_id, subject_code, level) VALUES ($1, $2, $3)"
		 " ON CONFLICT (person_id, subject_code) DO UPDATE SET level = excluded.level"
		 " WHERE " LEVEL_RANK("excluded.level") " > " LEVEL_RANK("qualification.level")},
	};
	for (size_t i = 0; i < sizeof stmts / sizeof stmts[0]; i++) {
		struct db_stmt **slot = (struct db_stmt **)((char *)im + stmts[i].off);
		rc = db_prepare(im->db, stmts[i].sql, slot, err);
		if (rc)
			return rc;
	}
	return 0;
}

/*
 * Run a prepared INSERT (its other parameters bound) and give the new row's
 * id in *id, or 0 when it inserted nothing (ON CONFLICT DO NOTHING). On
 * SQLite the id is *next, bound as parameter id_param, and *next moves on
 * when the row went in. Returns 0 or a negative code.
 */
static int step_insert(struct import *im, struct db_stmt *st, int id_param, int64_t *next,
		       int64_t *id, struct samen_err *err)
{
	if (!im->returning)
		db_bind_int(st, id_param, *next);
	int rc = db_step(st, err);
	if (im->returning) {
		*id = rc == 1 ? db_col_int(st, 0) : 0;
		db_reset(st);
		return rc < 0 ? rc : 0;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*id = 0;
	if (db_changes(im->db) == 1)
		*id = (*next)++;
	return 0;
}

/* Run a statement without result rows (after binding). */
static int run(struct db_stmt *st, struct samen_err *err)
{
	int rc = db_step(st, err);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

/* Person and employment of a record the board already employs. */
static int write_known(struct import *im, size_t i, const struct existing *e,
		       struct samen_err *err)
{
	const struct staff_record *r = &im->recs[i];
	const char *email = im->email[i];
	int rc;
	if (email[0] && strcmp(email, e->email) != 0) {
		int64_t other;
		if (smap_get(&im->ex_by_email, email, &other))
			return samen_fail_at(err, SAMEN_EINVAL, r->line, "email",
					     "e-mail %s belongs to employee number %s of this board",
					     email, im->ex[other].empno);
		if (e->boards > 1)
			return samen_fail_at(err, SAMEN_EINVAL, r->line, "email",
					     "employee number %s is a person also employed by another"
					     " board under e-mail %s; the e-mail cannot change here",
					     r->employee_number, e->email);
	}
	if (e->boards == 1) {
		struct db_stmt *st = im->upd_person;
		db_bind_text(st, 1, r->first_name);
		db_bind_text(st, 2, r->last_name);
		db_bind_text(st, 3, r->birth_date);
		db_bind_text(st, 4, email[0] ? email : NULL);
		db_bind_int(st, 5, e->person_id);
		char sort[sizeof r->last_name + sizeof r->first_name + 2];
		staff_sort_name(r->last_name, r->first_name, sort, sizeof sort);
		db_bind_text(st, 6, sort);
		rc = run(st, err);
		if (rc == SAMEN_EEXIST)
			return samen_fail_at(err, SAMEN_EINVAL, r->line, "email",
					     "e-mail %s already belongs to another person", email);
		if (rc)
			return fail_row(err, rc, r->line, "personeelsnummer", "cannot update person");
		db_bind_int(im->del_qual, 1, e->person_id);
		if ((rc = run(im->del_qual, err)) != 0)
			return fail_row(err, rc, r->line, "bevoegdheden", "cannot replace qualifications");
	}
	db_bind_int(im->del_contract, 1, e->employment_id);
	if ((rc = run(im->del_contract, err)) != 0)
		return fail_row(err, rc, r->line, "contractsoort", "cannot replace the contract");
	db_bind_int(im->del_assign, 1, e->employment_id);
	if ((rc = run(im->del_assign, err)) != 0)
		return fail_row(err, rc, r->line, "brin", "cannot replace assignments");
	return 0;
}

/* Person (new or found by e-mail) and a new employment. */
static int write_new(struct import *im, size_t i, int64_t *person_id, int64_t *employment_id,
		     bool *linked, struct samen_err *err)
{
	const struct staff_record *r = &im->recs[i];
	const char *email = im->email[i];
	int64_t other;
	if (email[0] && smap_get(&im->ex_by_email, email, &other))
		return samen_fail_at(err, SAMEN_EINVAL, r->line, "email",
				     "e-mail %s belongs to employee number %s of this board", email,
				     im->ex[other].empno);
	struct db_stmt *st = im->ins_person;
	db_bind_text(st, 1, r->first_name);
	db_bind_text(st, 2, r->last_name);
	db_bind_text(st, 3, r->birth_date);
	db_bind_text(st, 4, email[0] ? email : NULL);
	db_bind_text(st, 5, im->now);
	char sort[sizeof r->last_name + sizeof r->first_name + 2];
	staff_sort_name(r->last_name, r->first_name, sort, sizeof sort);
	db_bind_text(st, 6, sort);
	int rc = step_insert(im, st, 7, &im->next_person, person_id, err);
	if (rc < 0)
		return fail_row(err, rc, r->line, "personeelsnummer", "cannot add person");
	*linked = *person_id == 0; /* the e-mail is known: that person keeps one identity */
	if (*linked) {
		st = im->find_person;
		db_bind_text(st, 1, email);
		rc = db_step(st, err);
		if (rc == 1)
			*person_id = db_col_int(st, 0);
		db_reset(st);
		if (rc != 1)
			return rc < 0 ? fail_row(err, rc, r->line, "email", "cannot find person")
				      : samen_fail_at(err, SAMEN_EDB, r->line, "email",
						      "person with e-mail %s vanished", email);
	}
	st = im->ins_employment;
	db_bind_int(st, 1, *person_id);
	db_bind_int(st, 2, im->board_id);
	db_bind_text(st, 3, r->employee_number);
	rc = step_insert(im, st, 4, &im->next_employment, employment_id, err);
	if (rc < 0)
		return fail_row(err, rc, r->line, "personeelsnummer", "cannot add employment");
	if (*employment_id == 0)
		return samen_fail_at(err, SAMEN_EDB, r->line, "personeelsnummer",
				     "insert returned no id");
	return 0;
}

/* Contract, assignments and qualifications of one record. */
static int write_details(struct import *im, size_t i, int64_t person_id, int64_t employment_id,
			 struct samen_err *err)
{
	const struct staff_record *r = &im->recs[i];
	struct db_stmt *st = im->ins_contract;
	db_bind_int(st, 1, employment_id);
	db_bind_text(st, 2, r->contract_kind);
	db_bind_double(st, 3, r->hours_per_year);
	db_bind_text(st, 4, r->salary_scale);
	db_bind_int(st, 5, r->salary_step);
	db_bind_text(st, 6, r->start_date);
	db_bind_text(st, 7, r->end_date[0] ? r->end_date : NULL);
	int rc = run(st, err);
	if (rc)
		return fail_row(err, rc, r->line, "contractsoort", "cannot add contract");
	for (int a = 0; a < r->n_assign; a++) {
		char key[8];
		int64_t sid = 0;
		school_key(&r->assign[a], key);
		smap_get(&im->schools, key, &sid);
		st = im->ins_assign;
		db_bind_int(st, 1, employment_id);
		db_bind_int(st, 2, sid);
		db_bind_double(st, 3, r->assign[a].fte_share);
		if ((rc = run(st, err)) != 0)
			return fail_row(err, rc, r->line, "brin", "cannot add assignment");
	}
	for (int q = 0; q < r->n_qual; q++) {
		st = im->ins_qual;
		db_bind_int(st, 1, person_id);
		db_bind_text(st, 2, r->qual[q].subject);
		db_bind_text(st, 3, qual_level_name(r->qual[q].level));
		if ((rc = run(st, err)) != 0)
			return fail_row(err, rc, r->line, "bevoegdheden", "cannot add qualification");
	}
	return 0;
}

static int write_batch(struct import *im, struct staff_import_stats *stats,
		       struct samen_err *err)
{
	for (size_t i = 0; i < im->n; i++) {
		int64_t idx, person_id = 0, employment_id = 0;
		int rc;
		if (smap_get(&im->ex_by_empno, im->recs[i].employee_number, &idx)) {
			const struct existing *e = &im->ex[idx];
			rc = write_known(im, i, e, err);
			person_id = e->person_id;
			employment_id = e->employment_id;
			stats->people_updated++;
		} else {
			bool linked = false;
			rc = write_new(im, i, &person_id, &employment_id, &linked, err);
			if (linked)
				stats->people_linked++;
			else
				stats->people_created++;
		}
		if (rc == 0)
			rc = write_details(im, i, person_id, employment_id, err);
		if (rc)
			return rc;
		stats->rows++;
	}
	return 0;
}

static void import_release(struct import *im)
{
	struct db_stmt *all[] = {im->ins_person, im->find_person, im->upd_person,
				 im->ins_employment, im->del_contract, im->del_assign,
				 im->del_qual, im->ins_contract, im->ins_assign, im->ins_qual};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		db_finalize(all[i]);
	for (size_t i = 0; i < im->n_ex; i++) {
		free(im->ex[i].empno);
		free(im->ex[i].email);
	}
	free(im->ex);
	smap_release(&im->ex_by_empno);
	smap_release(&im->ex_by_email);
	smap_release(&im->schools);
	smap_release(&im->subjects);
	free(im->school_keys);
	free(im->subject_keys);
	free(im->email);
	free(im->email_pool);
}

int store_staff_import(struct db *db, int64_t board_id, const struct staff_record *recs,
		       size_t n, const char *actor, struct staff_import_stats *stats,
		       struct samen_err *err)
{
	struct staff_import_stats local = {0};
	struct import im = {.db = db, .board_id = board_id, .recs = recs, .n = n};
	audit_now(im.now);
	/* Every reference written is resolved below (board, schools, subjects) or
	 * was just inserted in this transaction: the per-row foreign-key checks
	 * are off for the load and on again after it (db_bulk_load). */
	int rc = db_bulk_load(db, true, err);
	if (rc == 0 && (rc = db_begin(db, err)) != 0)
		db_bulk_load(db, false, NULL);
	if (rc)
		return rc;
	if ((rc = load_board(&im, err)) != 0 || (rc = load_schools(&im, err)) != 0 ||
	    (rc = load_subjects(&im, err)) != 0 || (rc = load_existing(&im, err)) != 0 ||
	    (rc = lower_emails(&im, err)) != 0)
		goto out;
	if ((rc = check_batch(&im, err)) != 0)
		goto out;
	if ((rc = prepare_all(&im, err)) != 0)
		goto out;
	if ((rc = write_batch(&im, &local, err)) != 0)
		goto out;
	char idtxt[24], detail[128];
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)board_id);
	snprintf(detail, sizeof detail, "rows=%ld created=%ld linked=%ld updated=%ld", local.rows,
		 local.people_created, local.people_linked, local.people_updated);
	rc = audit_add(db, 0, actor ? actor : "", "staff.import", "board", idtxt, board_id, detail,
		       err);
out:
	import_release(&im);
	if (rc) {
		db_rollback(db);
		db_bulk_load(db, false, NULL);
		return rc;
	}
	rc = db_commit(db, err);
	int fk = db_bulk_load(db, false, rc ? NULL : err);
	if (rc == 0)
		rc = fk;
	if (rc == 0 && stats)
		*stats = local;
	return rc;
}
