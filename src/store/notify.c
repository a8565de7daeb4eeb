/*
 * store/notify.c - in-app notifications (see store/notify.h).
 */
#include "store/notify.h"
#include "store/audit.h"
#include "util/smtp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int notify_add(struct db *db, int64_t person_id, int64_t board_id, const char *kind,
	       const char *object_type, int64_t object_id, const char *text, int64_t *id,
	       struct samen_err *err)
{
	if (!person_id && !board_id)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "to", "a notification needs an addressee");
	char now[21], oid[24];
	audit_now(now);
	snprintf(oid, sizeof oid, "%lld", (long long)object_id);
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "INSERT INTO notification (person_id, board_id, kind, object_type,"
				" object_id, text, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
			    &st, err);
	if (rc)
		return rc;
	if (person_id)
		db_bind_int(st, 1, person_id);
	else
		db_bind_null(st, 1);
	if (board_id)
		db_bind_int(st, 2, board_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, kind);
	db_bind_text(st, 4, object_type ? object_type : "");
	db_bind_text(st, 5, oid);
	db_bind_text(st, 6, text);
	db_bind_text(st, 7, now);
	rc = db_step(st, err);
	if (rc == 1) {
		if (id)
			*id = db_col_int(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail(err, SAMEN_EDB, "no id returned");
	}
	db_finalize(st);
	return rc;
}

int notify_list(struct db *db, int64_t person_id, int64_t board_id, size_t limit,
		struct notification_row **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db,
			    "SELECT id, COALESCE(person_id, 0), COALESCE(board_id, 0), kind, object_type,"
			    " object_id, text, created_at, COALESCE(read_at, ''), COALESCE(emailed_at, '')"
			    " FROM notification WHERE ($1 <> 0 AND person_id = $1)"
			    " OR ($2 <> 0 AND board_id = $2) ORDER BY id DESC LIMIT $3", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, person_id);
	db_bind_int(st, 2, board_id);
	db_bind_int(st, 3, (int64_t)limit);
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			void *p = realloc(*out, nc * sizeof **out);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			*out = p;
			cap = nc;
		}
		struct notification_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = db_col_int(st, 0);
		r->person_id = db_col_int(st, 1);
		r->board_id = db_col_int(st, 2);
		snprintf(r->kind, sizeof r->kind, "%s", db_col_text(st, 3));
		snprintf(r->object_type, sizeof r->object_type, "%s", db_col_text(st, 4));
		r->object_id = strtoll(db_col_text(st, 5), NULL, 10);
		snprintf(r->text, sizeof r->text, "%s", db_col_text(st, 6));
		snprintf(r->created_at, sizeof r->created_at, "%s", db_col_text(st, 7));
		snprintf(r->read_at, sizeof r->read_at, "%s", db_col_text(st, 8));
		snprintf(r->emailed_at, sizeof r->emailed_at, "%s", db_col_text(st, 9));
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}

int notify_mark_read(struct db *db, int64_t id, struct samen_err *err)
{
	char now[21];
	audit_now(now);
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "UPDATE notification SET read_at = $2 WHERE id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, now);
	rc = db_step(st, err);
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (db_changes(db) == 0)
		return samen_fail(err, SAMEN_ENOTFOUND, "no notification %lld", (long long)id);
	return 0;
}

int notify_email_pending(struct db *db, const char *smtp, const char *from, size_t *sent,
			 struct samen_err *err)
{
	if (sent)
		*sent = 0;
	struct notification_row *rows = NULL;
	char(*to)[128] = NULL;
	size_t n = 0, cap = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT n.id, n.kind, n.text, p.email FROM notification n"
				" JOIN person p ON p.id = n.person_id WHERE n.emailed_at IS NULL"
				" AND p.email IS NOT NULL AND p.email <> '' ORDER BY n.id", &st, err);
	if (rc)
		return rc;
	while ((rc = db_step(st, err)) == 1) {
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			void *p = realloc(rows, nc * sizeof *rows), *q = NULL;
			if (p)
				rows = p;
			q = p ? realloc(to, nc * sizeof *to) : NULL;
			if (!p || !q) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			to = q;
			cap = nc;
		}
		memset(&rows[n], 0, sizeof rows[n]);
		rows[n].id = db_col_int(st, 0);
		snprintf(rows[n].kind, sizeof rows[n].kind, "%s", db_col_text(st, 1));
		snprintf(rows[n].text, sizeof rows[n].text, "%s", db_col_text(st, 2));
		snprintf(to[n], sizeof to[n], "%s", db_col_text(st, 3));
		n++;
	}
	db_finalize(st);
	if (rc > 0)
		rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		char body[700];
		snprintf(body, sizeof body, "%s\n\nZie Samen, Aanbiedingen, voor de details.\n", rows[i].text);
		struct smtp_message m = {from, to[i], "Samen: aanbod en hulpvraag", body};
		rc = smtp_send(smtp, &m, 10000, err);
		if (rc)
			break;
		char now[21];
		audit_now(now);
		rc = db_prepare(db, "UPDATE notification SET emailed_at = $2 WHERE id = $1", &st, err);
		if (!rc) {
			db_bind_int(st, 1, rows[i].id);
			db_bind_text(st, 2, now);
			rc = db_step(st, err);
			rc = rc < 0 ? rc : 0;
			db_finalize(st);
		}
		if (!rc && sent)
			(*sent)++;
	}
	free(rows);
	free(to);
	return rc;
}
