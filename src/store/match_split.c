/*
 * match_split.c - splitting lessons off a help request (see match_split.h).
 *
 * The lessons keep their rows (and ids): they are re-attached to the new
 * request, so declined or expired offers that named them stay intact.
 */
#include "store/match_split.h"
#include "store/audit.h"

#include <stdio.h>
#include <string.h>

/* The first column of the first row of sql with $1 = a; SAMEN_ENOTFOUND for no row. */
static int one_int(struct db *db, const char *sql, int64_t a, int64_t *out, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, a);
	rc = db_step(st, err);
	if (rc == 1)
		*out = db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : (rc == 1 ? 0 : SAMEN_ENOTFOUND);
}

/* Hours per week (centi) of a request's lessons: lessons x lesson length (rule 14). */
static const char recount_sql[] =
	"UPDATE match_request SET hours_per_week = (SELECT COUNT(*) FROM match_request_lesson l"
	" WHERE l.request_id = match_request.id) * COALESCE((SELECT ms.lesson_minutes FROM"
	" match_school_setting ms WHERE ms.school_id = match_request.school_id), 50) * 100 / 60"
	" WHERE id = $1";

int match_request_split(struct db *db, int64_t id, const int64_t *lesson_ids, size_t n,
			bool accept_under, const struct match_actor *who, int64_t *new_id,
			struct samen_err *err)
{
	struct match_request q;
	int rc = match_request_get(db, id, &q, err);
	if (rc)
		return rc;
	if (strcmp(q.status, "open") != 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "request", "only an open request can be split");
	if (q.nlessons == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lessons",
				     "this request asks for hours, not lessons: post a new request instead");
	if (n == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lessons", "choose the lessons to split off");
	if (n >= q.nlessons)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lessons",
				     "at least one lesson must stay in the request");
	rc = db_begin(db, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		int64_t owner = 0, live = 0;
		rc = one_int(db, "SELECT request_id FROM match_request_lesson WHERE id = $1",
			     lesson_ids[i], &owner, err);
		if (rc == SAMEN_ENOTFOUND || (rc == 0 && owner != id)) {
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "lessons",
					   "lesson %lld is not part of request %lld",
					   (long long)lesson_ids[i], (long long)id);
			break;
		}
		if (rc == 0)
			rc = one_int(db, "SELECT COUNT(*) FROM match_offer_lesson ol JOIN match_offer o"
					 " ON o.id = ol.offer_id WHERE ol.request_lesson_id = $1"
					 " AND (o.status = 'proposed' OR o.status = 'accepted'"
					 " OR o.status = 'approved')",
				     lesson_ids[i], &live, err);
		if (rc == 0 && live)
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "lessons",
					   "lesson %lld is in a live offer; withdraw or settle that first",
					   (long long)lesson_ids[i]);
	}
	char now[21], note[600];
	audit_now(now);
	snprintf(note, sizeof note, "Afgesplitst van hulpvraag %lld.%s%s", (long long)id,
		 q.notes[0] ? " " : "", q.notes);
	if (rc == 0) {
		struct db_stmt *st;
		rc = db_prepare(db,
			"INSERT INTO match_request (school_id, board_id, subject_code, school_type,"
			" year_from, year_to, hours_per_week, start_date, end_date, urgency, expertise,"
			" accept_under, notes, status, parent_id, created_at, created_by)"
			" SELECT school_id, board_id, subject_code, school_type, year_from, year_to, 0,"
			" start_date, end_date, urgency, expertise, $2, $3, 'open', id, $4, $5"
			" FROM match_request WHERE id = $1 RETURNING id",
			&st, err);
		if (rc == 0) {
			db_bind_int(st, 1, id);
			db_bind_int(st, 2, accept_under ? 1 : 0);
			db_bind_text(st, 3, note);
			db_bind_text(st, 4, now);
			db_bind_text(st, 5, who && who->name ? who->name : "cli");
			rc = db_step(st, err);
			if (rc == 1) {
				*new_id = db_col_int(st, 0);
				rc = 0;
			} else if (rc == 0) {
				rc = samen_fail(err, SAMEN_EDB, "the new request was not created");
			}
			db_finalize(st);
		}
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct db_stmt *st;
		rc = db_prepare(db, "UPDATE match_request_lesson SET request_id = $1 WHERE id = $2",
				&st, err);
		if (rc)
			break;
		db_bind_int(st, 1, *new_id);
		db_bind_int(st, 2, lesson_ids[i]);
		rc = db_step(st, err);
		db_finalize(st);
		rc = rc < 0 ? rc : 0;
	}
	for (int k = 0; k < 2 && rc == 0; k++) {
		struct db_stmt *st;
		rc = db_prepare(db, recount_sql, &st, err);
		if (rc)
			break;
		db_bind_int(st, 1, k == 0 ? id : *new_id);
		rc = db_step(st, err);
		db_finalize(st);
		rc = rc < 0 ? rc : 0;
	}
	if (rc == 0) {
		char obj[24], detail[96];
		snprintf(obj, sizeof obj, "%lld", (long long)id);
		snprintf(detail, sizeof detail, "%zu lesson(s) into request %lld%s", n,
			 (long long)*new_id, accept_under ? ", under-qualified help accepted" : "");
		rc = audit_add(db, who ? who->user_id : 0, who && who->name ? who->name : "cli",
			       "match.request.split", "match_request", obj, q.board_id, detail, err);
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
