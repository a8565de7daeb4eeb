/*
 * store/notify.h - in-app notifications (issue 4): every notice of the
 * offer flow is stored here and shown in the application; e-mail delivery
 * is recorded in emailed_at when it happens.
 *
 * A notification is addressed to a person (a teacher) or to a board (its
 * HR advisers and school leaders see it), or both. Connections are
 * borrowed; arrays returned are owned by the caller (free()).
 */
#ifndef SAMEN_STORE_NOTIFY_H
#define SAMEN_STORE_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

struct notification_row {
	int64_t id, person_id, board_id;
	char kind[32];        /* e.g. "offer.proposed" */
	char object_type[32]; /* e.g. "match_offer" */
	int64_t object_id;
	char text[512];
	char created_at[21], read_at[21], emailed_at[21];
};

/*
 * Store a notification for person_id and/or board_id (0: none; at least
 * one is required, else SAMEN_EINVAL). Runs inside the caller's
 * transaction when there is one. *id (may be NULL) gets the new id.
 */
int notify_add(struct db *db, int64_t person_id, int64_t board_id, const char *kind,
	       const char *object_type, int64_t object_id, const char *text, int64_t *id,
	       struct samen_err *err);

/*
 * The notifications of a person (person_id != 0) or of a board
 * (board_id != 0), newest first, at most limit. *out owned by the caller.
 */
int notify_list(struct db *db, int64_t person_id, int64_t board_id, size_t limit,
		struct notification_row **out, size_t *n, struct samen_err *err);

/*
 * E-mail every notification addressed to a person that was not e-mailed
 * yet, to the person's e-mail address, through the SMTP relay smtp
 * ("host:port", util/smtp.h) with sender `from`; each one sent gets
 * emailed_at. People without an address are skipped. *sent (may be NULL)
 * counts the messages sent. Stops at the first failure (SAMEN_EIO with the
 * relay's reason); what was sent before stays marked.
 */
int notify_email_pending(struct db *db, const char *smtp, const char *from, size_t *sent,
			 struct samen_err *err);

/* Mark one notification read. SAMEN_ENOTFOUND when there is none. */
int notify_mark_read(struct db *db, int64_t id, struct samen_err *err);

#endif
