/*
 * sessions.h - sign-in sessions stored in the database.
 *
 * The browser holds a random 256-bit token (base64url); the database holds
 * only its BLAKE2b hash, so a leaked database does not leak live sessions.
 * Each session has its own random CSRF token. Sessions expire after
 * SESSION_TTL_HOURS; expired rows are purged when new sessions are made.
 */
#ifndef SAMEN_SESSIONS_H
#define SAMEN_SESSIONS_H

#include <stdint.h>

#include "store/db.h"
#include "store/users.h"

#define SESSION_TTL_HOURS 12
#define SESSION_TOKEN_LEN 43 /* base64url of 32 bytes, no padding */
#define SESSION_CSRF_LEN 43

/*
 * Create a session for user_id. token_out receives the cookie value and
 * csrf_out the CSRF token (both NUL-terminated, buffers of at least 48 bytes).
 */
int sessions_create(struct db *db, int64_t user_id, char token_out[48], char csrf_out[48],
		    struct samen_err *err);

/*
 * Look up a live session by its cookie token: fills *user and csrf_out.
 * SAMEN_EAUTH when unknown or expired.
 */
int sessions_lookup(struct db *db, const char *token, struct user *user, char csrf_out[48],
		    struct samen_err *err);

/* End the session with this token (no error if it does not exist). */
int sessions_delete(struct db *db, const char *token, struct samen_err *err);

#endif
