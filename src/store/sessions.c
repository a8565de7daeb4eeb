/*
 * sessions.c - sign-in sessions (see sessions.h).
 */
#include "store/sessions.h"
#include "store/audit.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static void random_token(char out[48])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, 48, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static void hash_token(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

static void utc_at(time_t t, char out[21])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int sessions_create(struct db *db, int64_t user_id, char token_out[48], char csrf_out[48],
		    struct samen_err *err)
{
	char hash[65], now[21], expires[21];
	random_token(token_out);
	random_token(csrf_out);
	hash_token(token_out, hash);
	time_t t = time(NULL);
	utc_at(t, now);
	utc_at(t + SESSION_TTL_HOURS * 3600, expires);
	const char *purge[] = {now};
	int rc = db_run(db, "DELETE FROM app_session WHERE expires_at < $1", 1, purge, err);
	if (rc)
		return rc;
	struct db_stmt *st;
	rc = db_prepare(db, "INSERT INTO app_session (id_hash, user_id, csrf_token, created_at,"
			    " expires_at) VALUES ($1, $2, $3, $4, $5)", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, user_id);
	db_bind_text(st, 3, csrf_out);
	db_bind_text(st, 4, now);
	db_bind_text(st, 5, expires);
	rc = db_step(st, err);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int sessions_lookup(struct db *db, const char *token, struct user *user, char csrf_out[48],
		    struct samen_err *err)
{
	if (!token || strlen(token) != SESSION_TOKEN_LEN)
		return samen_fail(err, SAMEN_EAUTH, "not signed in");
	char hash[65], now[21];
	hash_token(token, hash);
	utc_at(time(NULL), now);
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT s.user_id, s.csrf_token FROM app_session s"
				" JOIN app_user u ON u.id = s.user_id"
				" WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.disabled = 0",
			    &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, hash);
	db_bind_text(st, 2, now);
	rc = db_step(st, err);
	int64_t uid = 0;
	if (rc == 1) {
		uid = db_col_int(st, 0);
		snprintf(csrf_out, 48, "%s", db_col_text(st, 1));
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (rc == 0)
		return samen_fail(err, SAMEN_EAUTH, "not signed in or session expired");
	return users_get(db, uid, user, err);
}

int sessions_delete(struct db *db, const char *token, struct samen_err *err)
{
	if (!token)
		return 0;
	char hash[65];
	hash_token(token, hash);
	const char *p[] = {hash};
	return db_run(db, "DELETE FROM app_session WHERE id_hash = $1", 1, p, err);
}
