/*
 * audit.c - appending to the audit log (see audit.h).
 */
#include "store/audit.h"

#include <stdio.h>
#include <time.h>

void audit_now(char out[21])
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int audit_add(struct db *db, int64_t user_id, const char *actor, const char *action,
	      const char *object_type, const char *object_id, int64_t board_id,
	      const char *detail, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "INSERT INTO audit_log (at, user_id, actor, action, object_type,"
			    " object_id, board_id, detail) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
			    &st, err);
	if (rc)
		return rc;
	char at[21];
	audit_now(at);
	db_bind_text(st, 1, at);
	if (user_id)
		db_bind_int(st, 2, user_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, actor ? actor : "");
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, object_type);
	db_bind_text(st, 6, object_id ? object_id : "");
	if (board_id)
		db_bind_int(st, 7, board_id);
	else
		db_bind_null(st, 7);
	db_bind_text(st, 8, detail ? detail : "");
	rc = db_step(st, err);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}
