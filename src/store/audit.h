/*
 * audit.h - the audit log: who did what to which object, and when.
 *
 * Every change of data, every import, every sign-in and every read of
 * personal data by someone outside the person's own board is recorded.
 */
#ifndef SAMEN_AUDIT_H
#define SAMEN_AUDIT_H

#include <stdint.h>

#include "store/db.h"

/*
 * Append one entry. user_id and board_id may be 0 (none). actor is a
 * readable name ("cli", the user's e-mail). detail is free text, never a
 * password or token. Returns 0 or SAMEN_EDB.
 */
int audit_add(struct db *db, int64_t user_id, const char *actor, const char *action,
	      const char *object_type, const char *object_id, int64_t board_id,
	      const char *detail, struct samen_err *err);

/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
void audit_now(char out[21]);

#endif
