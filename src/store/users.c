/*
 * users.c - accounts, roles and password checks (see users.h).
 */
#include "store/users.h"
#include "store/audit.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const struct {
	enum role role;
	const char *name;
} role_names[] = {
	{ROLE_ADMIN, "admin"},	 {ROLE_COORDINATOR, "coordinator"},
	{ROLE_EXECUTIVE, "executive"}, {ROLE_HR, "hr"},
	{ROLE_SCHOOL_LEADER, "school_leader"}, {ROLE_STAFF, "staff"},
};

const char *role_name(enum role r)
{
	for (size_t i = 0; i < sizeof role_names / sizeof role_names[0]; i++)
		if (role_names[i].role == r)
			return role_names[i].name;
	return "";
}

enum role role_parse(const char *s)
{
	for (size_t i = 0; i < sizeof role_names / sizeof role_names[0]; i++)
		if (strcmp(role_names[i].name, s) == 0)
			return role_names[i].role;
	return 0;
}

static int hash_password(const char *password, char out[crypto_pwhash_STRBYTES],
			 struct samen_err *err)
{
	if (crypto_pwhash_str(out, password, strlen(password),
			      crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory while hashing the password");
	return 0;
}

static int check_password_strength(const char *password, struct samen_err *err)
{
	size_t n = strlen(password);
	if (n < 10)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "password",
				     "a password needs at least 10 characters");
	if (n > 256)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "password",
				     "a password may have at most 256 characters");
	return 0;
}

static int lookup_scope(struct db *db, const char *sql, int64_t key, int64_t *a, int64_t *b,
			struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, key);
	rc = db_step(st, err);
	if (rc == 1) {
		*a = db_col_int(st, 0);
		if (b)
			*b = db_col_int(st, 1);
		rc = 0;
	} else if (rc == 0) {
		rc = SAMEN_ENOTFOUND;
	}
	db_finalize(st);
	return rc;
}

int users_add(struct db *db, const struct user_new *in, const char *actor, int64_t *id,
	      struct samen_err *err)
{
	struct user_new u = *in;
	if (!u.email || !strchr(u.email, '@') || strlen(u.email) >= 128)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "email", "not a valid e-mail address");
	if (!role_name(u.role)[0])
		return samen_fail_at(err, SAMEN_EINVAL, 0, "role", "unknown role");
	int rc = check_password_strength(u.password, err);
	if (rc)
		return rc;
	/* Derive and check the scope each role needs. */
	if (u.role == ROLE_SCHOOL_LEADER) {
		if (!u.school_id ||
		    lookup_scope(db, "SELECT s.board_id, b.region_id FROM school s JOIN board b"
				     " ON b.id = s.board_id WHERE s.id = $1",
				 u.school_id, &u.board_id, &u.region_id, err))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "school",
					     "a school leader needs an existing school");
	} else if (u.role == ROLE_EXECUTIVE || u.role == ROLE_HR) {
		if (!u.board_id || lookup_scope(db, "SELECT region_id FROM board WHERE id = $1",
						u.board_id, &u.region_id, NULL, err))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "board",
					     "this role needs an existing board");
	} else if (u.role == ROLE_STAFF) {
		if (!u.person_id)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "person",
					     "a staff account needs a person");
		if (lookup_scope(db, "SELECT e.board_id, b.region_id FROM employment e JOIN board b"
				     " ON b.id = e.board_id WHERE e.person_id = $1 ORDER BY e.id",
				 u.person_id, &u.board_id, &u.region_id, err))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "person",
					     "a staff account needs a person employed by a board");
	} else if (u.role == ROLE_COORDINATOR) {
		int64_t dummy;
		if (!u.region_id || lookup_scope(db, "SELECT id FROM region WHERE id = $1",
						 u.region_id, &dummy, NULL, err))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "region",
					     "a coordinator needs an existing region");
	}

	char hash[crypto_pwhash_STRBYTES];
	rc = hash_password(u.password, hash, err);
	if (rc)
		return rc;
	char now[21];
	audit_now(now);
	struct db_stmt *st;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_prepare(db,
			"INSERT INTO app_user (email, name, password_hash, role, region_id,"
			" board_id, school_id, person_id, created_at)"
			" VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
			&st, err);
	if (rc)
		goto out;
	db_bind_text(st, 1, u.email);
	db_bind_text(st, 2, u.name ? u.name : u.email);
	db_bind_text(st, 3, hash);
	db_bind_text(st, 4, role_name(u.role));
	int64_t scope[4] = {u.region_id, u.board_id, u.school_id, u.person_id};
	for (int i = 0; i < 4; i++) {
		if (scope[i])
			db_bind_int(st, 5 + i, scope[i]);
		else
			db_bind_null(st, 5 + i);
	}
	db_bind_text(st, 9, now);
	rc = db_step(st, err);
	if (rc == 1) {
		*id = db_col_int(st, 0);
		rc = 0;
	} else if (rc == SAMEN_EEXIST) {
		samen_fail_at(err, SAMEN_EEXIST, 0, "email", "an account with this e-mail exists");
	}
	db_finalize(st);
	if (rc == 0) {
		char idtxt[24];
		snprintf(idtxt, sizeof idtxt, "%lld", (long long)*id);
		rc = audit_add(db, 0, actor, "user.create", "user", idtxt, u.board_id,
			       role_name(u.role), err);
	}
out:
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int users_passwd(struct db *db, const char *email, const char *password,
		 const char *actor, struct samen_err *err)
{
	int rc = check_password_strength(password, err);
	if (rc)
		return rc;
	char hash[crypto_pwhash_STRBYTES];
	rc = hash_password(password, hash, err);
	if (rc)
		return rc;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	const char *p[] = {hash, email};
	rc = db_run(db, "UPDATE app_user SET password_hash = $1 WHERE email = $2", 2, p, err);
	if (rc == 0 && db_changes(db) == 0)
		rc = samen_fail_at(err, SAMEN_ENOTFOUND, 0, "email", "no account with e-mail %s",
				   email);
	if (rc == 0)
		rc = db_run(db, "DELETE FROM app_session WHERE user_id ="
				" (SELECT id FROM app_user WHERE email = $1)",
			    1, (const char *[]){email}, err);
	if (rc == 0)
		rc = audit_add(db, 0, actor, "user.passwd", "user", email, 0, "", err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

#define USER_COLS "id, email, name, role, COALESCE(region_id,0), COALESCE(board_id,0)," \
		  " COALESCE(school_id,0), COALESCE(person_id,0)"

static void fill_user(struct db_stmt *st, struct user *u)
{
	u->id = db_col_int(st, 0);
	snprintf(u->email, sizeof u->email, "%s", db_col_text(st, 1));
	snprintf(u->name, sizeof u->name, "%s", db_col_text(st, 2));
	u->role = role_parse(db_col_text(st, 3));
	u->region_id = db_col_int(st, 4);
	u->board_id = db_col_int(st, 5);
	u->school_id = db_col_int(st, 6);
	u->person_id = db_col_int(st, 7);
}

static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
	hash_password("samen-dummy-password", dummy_hash, NULL);
}

int users_authenticate(struct db *db, const char *email, const char *password,
		       struct user *out, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT " USER_COLS ", password_hash, disabled"
				" FROM app_user WHERE email = $1", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, email);
	rc = db_step(st, err);
	if (rc < 0) {
		db_finalize(st);
		return rc;
	}
	int ok = 0;
	if (rc == 1) {
		fill_user(st, out);
		ok = crypto_pwhash_str_verify(db_col_text(st, 8), password, strlen(password)) == 0 &&
		     db_col_int(st, 9) == 0;
	} else {
		/* Spend the same effort on unknown e-mails. */
		pthread_once(&dummy_once, make_dummy);
		if (crypto_pwhash_str_verify(dummy_hash, password, strlen(password)) == 0)
			ok = 0;
	}
	db_finalize(st);
	if (!ok)
		return samen_fail(err, SAMEN_EAUTH, "wrong e-mail address or password");
	return 0;
}

int users_get(struct db *db, int64_t id, struct user *out, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT " USER_COLS " FROM app_user WHERE id = $1 AND disabled = 0",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	if (rc == 1) {
		fill_user(st, out);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail(err, SAMEN_ENOTFOUND, "no such account");
	}
	db_finalize(st);
	return rc;
}
