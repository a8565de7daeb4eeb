/*
 * store/match.c - help requests, the pool, timetables, settings and the
 * fit of candidates with reasons (see store/match.h).
 */
#include "store/match.h"
#include "store/audit.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OWN 256
#define DEFAULT_SPEED 30.0
#define DEFAULT_WEEKS 40
#define DEFAULT_LESSON 50
#define DEFAULT_CAP 720.0

static const char *who_name(const struct match_actor *who)
{
	return who && who->name ? who->name : "cli";
}

static int64_t who_id(const struct match_actor *who)
{
	return who ? who->user_id : 0;
}

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static int audit(struct db *db, const struct match_actor *who, const char *action,
		 const char *type, int64_t id, int64_t board, const char *detail,
		 struct samen_err *err)
{
	char idtxt[24];
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
	return audit_add(db, who_id(who), who_name(who), action, type, idtxt, board, detail, err);
}

/* Run a prepared statement to completion (no rows expected). */
static int finish(struct db_stmt *st, struct samen_err *err)
{
	int rc = db_step(st, err);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static const char *const day_names[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

/* ---------------------------------------------------------------- requests */

static int school_info(struct db *db, int64_t school_id, int64_t *board, int64_t *region,
		       int *lesson_minutes, double *cap, struct samen_err *err)
{
	struct db_stmt *st = NULL;
	int rc = db_prepare(db,
			    "SELECT s.board_id, b.region_id, COALESCE(ms.lesson_minutes, 50),"
			    " COALESCE(ms.teaching_cap, 720) FROM school s JOIN board b ON b.id = s.board_id"
			    " LEFT JOIN match_school_setting ms ON ms.school_id = s.id WHERE s.id = $1",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	rc = db_step(st, err);
	if (rc == 1) {
		if (board)
			*board = db_col_int(st, 0);
		if (region)
			*region = db_col_int(st, 1);
		if (lesson_minutes)
			*lesson_minutes = (int)db_col_int(st, 2);
		if (cap)
			*cap = db_col_double(st, 3);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "school", "unknown school %lld",
				   (long long)school_id);
	}
	db_finalize(st);
	return rc;
}

static int bell_time(struct db *db, int64_t school_id, struct match_request_lesson *l,
		     struct samen_err *err)
{
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT start_min, end_min FROM school_period"
				" WHERE school_id = $1 AND period = $2", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	db_bind_int(st, 2, l->period);
	rc = db_step(st, err);
	if (rc == 1) {
		l->start = (int)db_col_int(st, 0);
		l->end = (int)db_col_int(st, 1);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "lessons",
				   "no bell time for period %d at this school", l->period);
	}
	db_finalize(st);
	return rc;
}

static int request_check(struct db *db, const struct match_request *r, struct samen_err *err)
{
	int64_t one = 0;
	const char *p[] = {r->subject};
	if (db_query_int(db, "SELECT COUNT(*) FROM subject WHERE code = $1", 1, p, &one, err))
		return SAMEN_EDB;
	if (one == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "subject", "unknown subject '%s'",
				     r->subject);
	if (school_type_parse(r->school_type) == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "school_type", "unknown school type '%s'",
				     r->school_type);
	if (r->year_from < 1 || r->year_from > 6 || r->year_to < r->year_from || r->year_to > 6)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "years",
				     "years must be 1-6, the last not before the first");
	if (r->start <= 0 || r->end < r->start)
		return samen_fail_at(err, SAMEN_EINVAL, 0, r->start <= 0 ? "start" : "end",
				     "start and end date are required, the end not before the start");
	if (r->urgency < 1 || r->urgency > 9)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "urgency", "urgency must be 1 to 9");
	if (r->nlessons > MATCH_MAX_LESSONS)
		return samen_fail_at(err, SAMEN_ETOOBIG, 0, "lessons", "at most %d lessons",
				     MATCH_MAX_LESSONS);
	if (r->nlessons == 0 && (r->hours_per_week <= 0 || r->hours_per_week > 4000))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "hours_per_week",
				     "give hours per week (more than 0, at most 40) or lessons");
	for (size_t i = 0; i < r->nlessons; i++) {
		const struct match_request_lesson *l = &r->lessons[i];
		if (l->weekday < 1 || l->weekday > 5 || l->period < 1 || l->period > 16)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "lessons",
					     "lesson %zu: weekday 1-5 and period 1-16", i + 1);
		for (size_t j = 0; j < i; j++)
			if (r->lessons[j].weekday == l->weekday && r->lessons[j].period == l->period)
				return samen_fail_at(err, SAMEN_EINVAL, 0, "lessons",
						     "%s period %d is requested twice",
						     day_names[l->weekday], l->period);
	}
	return 0;
}

int match_request_add(struct db *db, struct match_request *r, const struct match_actor *who,
		      struct samen_err *err)
{
	int lesson_minutes = DEFAULT_LESSON;
	int rc = school_info(db, r->school_id, &r->board_id, &r->region_id, &lesson_minutes, NULL,
			     err);
	if (rc)
		return rc;
	rc = request_check(db, r, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < r->nlessons; i++) {
		rc = bell_time(db, r->school_id, &r->lessons[i], err);
		if (rc)
			return rc;
	}
	if (r->nlessons)
		r->hours_per_week = (int64_t)r->nlessons * lesson_minutes * 100 / 60; /* rule 14 */
	char start[11], end[11], now[21];
	date_format(r->start, start);
	date_format(r->end, end);
	audit_now(now);
	struct db_stmt *st = NULL;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_prepare(db,
			"INSERT INTO match_request (school_id, board_id, subject_code, school_type,"
			" year_from, year_to, hours_per_week, start_date, end_date, urgency, expertise,"
			" accept_under, notes, status, parent_id, created_at, created_by)"
			" VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,'open',$14,$15,$16) RETURNING id",
			&st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, r->school_id);
	db_bind_int(st, 2, r->board_id);
	db_bind_text(st, 3, r->subject);
	db_bind_text(st, 4, r->school_type);
	db_bind_int(st, 5, r->year_from);
	db_bind_int(st, 6, r->year_to);
	db_bind_int(st, 7, r->hours_per_week);
	db_bind_text(st, 8, start);
	db_bind_text(st, 9, end);
	db_bind_int(st, 10, r->urgency);
	db_bind_text(st, 11, r->expertise);
	db_bind_int(st, 12, r->accept_under ? 1 : 0);
	db_bind_text(st, 13, r->notes);
	if (r->parent_id)
		db_bind_int(st, 14, r->parent_id);
	else
		db_bind_null(st, 14);
	db_bind_text(st, 15, now);
	db_bind_text(st, 16, who_name(who));
	rc = db_step(st, err);
	if (rc != 1) {
		rc = rc < 0 ? rc : samen_fail(err, SAMEN_EDB, "no id returned");
		goto out;
	}
	r->id = db_col_int(st, 0);
	db_finalize(st);
	st = NULL;
	for (size_t i = 0; i < r->nlessons; i++) {
		struct match_request_lesson *l = &r->lessons[i];
		rc = db_prepare(db,
				"INSERT INTO match_request_lesson (request_id, weekday, period, start_min,"
				" end_min, class_name) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
				&st, err);
		if (rc)
			goto out;
		db_bind_int(st, 1, r->id);
		db_bind_int(st, 2, l->weekday);
		db_bind_int(st, 3, l->period);
		db_bind_int(st, 4, l->start);
		db_bind_int(st, 5, l->end);
		db_bind_text(st, 6, l->class_name);
		rc = db_step(st, err);
		if (rc != 1) {
			rc = rc < 0 ? rc : samen_fail(err, SAMEN_EDB, "no id returned");
			goto out;
		}
		l->id = db_col_int(st, 0);
		db_finalize(st);
		st = NULL;
	}
	copy(r->status, sizeof r->status, "open");
	char detail[160];
	snprintf(detail, sizeof detail, "%s %s %d-%d, %zu lessons", r->subject, r->school_type,
		 r->year_from, r->year_to, r->nlessons);
	rc = audit(db, who, "match.request", "match_request", r->id, r->board_id, detail, err);
	if (rc)
		goto out;
	rc = db_commit(db, err);
out:
	db_finalize(st);
	if (rc)
		db_rollback(db);
	return rc;
}

#define REQUEST_COLS \
	"SELECT r.id, r.school_id, r.board_id, b.region_id, COALESCE(r.parent_id, 0), r.subject_code," \
	" r.school_type, r.year_from, r.year_to, r.hours_per_week, r.start_date, r.end_date," \
	" r.urgency, r.expertise, r.accept_under, r.notes, r.status, s.name," \
	" (SELECT COUNT(*) FROM match_request_lesson l WHERE l.request_id = r.id)" \
	" FROM match_request r JOIN school s ON s.id = r.school_id JOIN board b ON b.id = r.board_id"

static void request_row(struct db_stmt *st, struct match_request *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_col_int(st, 0);
	r->school_id = db_col_int(st, 1);
	r->board_id = db_col_int(st, 2);
	r->region_id = db_col_int(st, 3);
	r->parent_id = db_col_int(st, 4);
	copy(r->subject, sizeof r->subject, db_col_text(st, 5));
	copy(r->school_type, sizeof r->school_type, db_col_text(st, 6));
	r->year_from = (int)db_col_int(st, 7);
	r->year_to = (int)db_col_int(st, 8);
	r->hours_per_week = db_col_int(st, 9);
	date_parse(db_col_text(st, 10), &r->start);
	date_parse(db_col_text(st, 11), &r->end);
	r->urgency = (int)db_col_int(st, 12);
	copy(r->expertise, sizeof r->expertise, db_col_text(st, 13));
	r->accept_under = db_col_int(st, 14) != 0;
	copy(r->notes, sizeof r->notes, db_col_text(st, 15));
	copy(r->status, sizeof r->status, db_col_text(st, 16));
	copy(r->school_name, sizeof r->school_name, db_col_text(st, 17));
	r->nlessons = (size_t)db_col_int(st, 18);
}

int match_request_get(struct db *db, int64_t id, struct match_request *out,
		      struct samen_err *err)
{
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, REQUEST_COLS " WHERE r.id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	if (rc == 0)
		rc = samen_fail(err, SAMEN_ENOTFOUND, "no request %lld", (long long)id);
	if (rc < 0)
		goto out;
	request_row(st, out);
	db_finalize(st);
	st = NULL;
	rc = db_prepare(db, "SELECT id, weekday, period, start_min, end_min, class_name"
			    " FROM match_request_lesson WHERE request_id = $1"
			    " ORDER BY weekday, period, id", &st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, id);
	out->nlessons = 0;
	while ((rc = db_step(st, err)) == 1 && out->nlessons < MATCH_MAX_LESSONS) {
		struct match_request_lesson *l = &out->lessons[out->nlessons++];
		l->id = db_col_int(st, 0);
		l->weekday = (int)db_col_int(st, 1);
		l->period = (int)db_col_int(st, 2);
		l->start = (int)db_col_int(st, 3);
		l->end = (int)db_col_int(st, 4);
		copy(l->class_name, sizeof l->class_name, db_col_text(st, 5));
	}
	if (rc > 0)
		rc = 0;
out:
	db_finalize(st);
	return rc;
}

int match_request_list(struct db *db, const struct match_request_filter *f,
		       struct match_request **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = NULL;
	size_t cap = 0;
	int rc = db_prepare(db,
			    REQUEST_COLS
			    " WHERE ($1 = 0 OR b.region_id = $1) AND ($2 = 0 OR r.board_id = $2)"
			    " AND ($3 = 0 OR r.school_id = $3) AND ($4 = '' OR r.status = $4)"
			    " ORDER BY r.urgency DESC, r.created_at, r.id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, f ? f->region_id : 0);
	db_bind_int(st, 2, f ? f->board_id : 0);
	db_bind_int(st, 3, f ? f->school_id : 0);
	db_bind_text(st, 4, f && f->status ? f->status : "");
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 8;
			struct match_request *p = realloc(*out, nc * sizeof *p);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			*out = p;
			cap = nc;
		}
		request_row(st, &(*out)[(*n)++]);
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

int match_request_cancel(struct db *db, int64_t id, const struct match_actor *who,
			 struct samen_err *err)
{
	struct match_request *r = malloc(sizeof *r);
	if (!r)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	int rc = match_request_get(db, id, r, err);
	if (rc)
		goto done;
	if (strcmp(r->status, "open") != 0) {
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "status", "request %lld is %s, not open",
				   (long long)id, r->status);
		goto done;
	}
	rc = db_begin(db, err);
	if (rc)
		goto done;
	struct db_stmt *st = NULL;
	rc = db_prepare(db, "UPDATE match_request SET status = 'cancelled' WHERE id = $1", &st, err);
	if (!rc) {
		db_bind_int(st, 1, id);
		rc = finish(st, err);
	}
	if (!rc)
		rc = db_prepare(db, "UPDATE match_offer SET status = 'withdrawn', reason = 'request cancelled'"
				    " WHERE request_id = $1 AND status = 'proposed'", &st, err);
	if (!rc) {
		db_bind_int(st, 1, id);
		rc = finish(st, err);
	}
	if (!rc)
		rc = audit(db, who, "match.request_cancel", "match_request", id, r->board_id, "", err);
	if (!rc)
		rc = db_commit(db, err);
	if (rc)
		db_rollback(db);
done:
	free(r);
	return rc;
}

/* -------------------------------------------------------------------- pool */

int match_pool_join(struct db *db, struct match_pool_entry *e, bool consent,
		    const struct match_actor *who, struct samen_err *err)
{
	if (!consent)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "consent",
				     "joining the pool needs the person's consent (rule 31)");
	if (strcmp(e->kind, "self") != 0 && strcmp(e->kind, "boventallig") != 0 &&
	    strcmp(e->kind, "contract_end") != 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "kind",
				     "kind must be self, boventallig or contract_end");
	if (e->extra_hours <= 0 || e->extra_hours > 4000)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "extra_hours",
				     "hours per week offered must be more than 0, at most 40");
	if (e->weekdays == 0 || e->weekdays > 31)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "weekdays", "choose at least one weekday");
	if (e->max_travel < 0 || e->max_travel > 240)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "max_travel",
				     "maximum travel time must be 0 to 240 minutes");
	if (e->nprefer > MATCH_MAX_SCHOOLS || e->navoid > MATCH_MAX_SCHOOLS)
		return samen_fail_at(err, SAMEN_ETOOBIG, 0, "schools", "at most %d schools",
				     MATCH_MAX_SCHOOLS);
	int64_t employed = 0;
	char pid[24], bid[24], now[21];
	snprintf(pid, sizeof pid, "%lld", (long long)e->person_id);
	snprintf(bid, sizeof bid, "%lld", (long long)e->board_id);
	const char *pp[] = {pid, bid};
	int rc = db_query_int(db, "SELECT COUNT(*) FROM employment WHERE person_id = CAST($1 AS INTEGER)"
				  " AND board_id = CAST($2 AS INTEGER)", 2, pp, &employed, err);
	if (rc)
		return rc;
	if (!employed)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "person",
				     "the person is not employed by this board");
	audit_now(now);
	struct db_stmt *st = NULL;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_prepare(db, "DELETE FROM match_pool_school WHERE pool_id IN"
			    " (SELECT id FROM match_pool WHERE person_id = $1)", &st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, e->person_id);
	rc = finish(st, err);
	st = NULL;
	if (rc)
		goto out;
	rc = db_prepare(db, "DELETE FROM match_pool WHERE person_id = $1", &st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, e->person_id);
	rc = finish(st, err);
	st = NULL;
	if (rc)
		goto out;
	rc = db_prepare(db,
			"INSERT INTO match_pool (person_id, board_id, kind, extra_hours, weekdays,"
			" max_travel, share_name, expertise, note, consent_at, consent_by, created_at,"
			" created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$10,$11) RETURNING id",
			&st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, e->person_id);
	db_bind_int(st, 2, e->board_id);
	db_bind_text(st, 3, e->kind);
	db_bind_int(st, 4, e->extra_hours);
	db_bind_int(st, 5, e->weekdays);
	db_bind_int(st, 6, e->max_travel);
	db_bind_int(st, 7, e->share_name ? 1 : 0);
	db_bind_text(st, 8, e->expertise);
	db_bind_text(st, 9, e->note);
	db_bind_text(st, 10, now);
	db_bind_text(st, 11, who_name(who));
	rc = db_step(st, err);
	if (rc != 1) {
		rc = rc < 0 ? rc : samen_fail(err, SAMEN_EDB, "no id returned");
		goto out;
	}
	e->id = db_col_int(st, 0);
	db_finalize(st);
	st = NULL;
	for (size_t i = 0; i < e->nprefer + e->navoid; i++) {
		bool avoid = i >= e->nprefer;
		rc = db_prepare(db, "INSERT INTO match_pool_school (pool_id, school_id, pref)"
				    " VALUES ($1, $2, $3)", &st, err);
		if (rc)
			goto out;
		db_bind_int(st, 1, e->id);
		db_bind_int(st, 2, avoid ? e->avoid[i - e->nprefer] : e->prefer[i]);
		db_bind_text(st, 3, avoid ? "avoid" : "prefer");
		rc = finish(st, err);
		st = NULL;
		if (rc) {
			samen_fail_at(err, SAMEN_EINVAL, 0, "schools",
				      "unknown or repeated school in the preferences");
			goto out;
		}
	}
	copy(e->consent_at, sizeof e->consent_at, now);
	copy(e->consent_by, sizeof e->consent_by, who_name(who));
	e->withdrawn_at[0] = '\0';
	rc = audit(db, who, "match.pool_join", "person", e->person_id, e->board_id, e->kind, err);
	if (rc)
		goto out;
	rc = db_commit(db, err);
out:
	db_finalize(st);
	if (rc)
		db_rollback(db);
	return rc;
}

int match_pool_get(struct db *db, int64_t person_id, struct match_pool_entry *out,
		   struct samen_err *err)
{
	struct db_stmt *st = NULL;
	int rc = db_prepare(db,
			    "SELECT id, person_id, board_id, kind, extra_hours, weekdays, max_travel,"
			    " share_name, expertise, note, COALESCE(consent_at, ''),"
			    " COALESCE(consent_by, ''), COALESCE(withdrawn_at, '')"
			    " FROM match_pool WHERE person_id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, person_id);
	rc = db_step(st, err);
	if (rc == 0)
		rc = samen_fail(err, SAMEN_ENOTFOUND, "person %lld is not in the pool",
				(long long)person_id);
	if (rc < 0)
		goto out;
	memset(out, 0, sizeof *out);
	out->id = db_col_int(st, 0);
	out->person_id = db_col_int(st, 1);
	out->board_id = db_col_int(st, 2);
	copy(out->kind, sizeof out->kind, db_col_text(st, 3));
	out->extra_hours = db_col_int(st, 4);
	out->weekdays = (unsigned)db_col_int(st, 5);
	out->max_travel = (int)db_col_int(st, 6);
	out->share_name = db_col_int(st, 7) != 0;
	copy(out->expertise, sizeof out->expertise, db_col_text(st, 8));
	copy(out->note, sizeof out->note, db_col_text(st, 9));
	copy(out->consent_at, sizeof out->consent_at, db_col_text(st, 10));
	copy(out->consent_by, sizeof out->consent_by, db_col_text(st, 11));
	copy(out->withdrawn_at, sizeof out->withdrawn_at, db_col_text(st, 12));
	db_finalize(st);
	st = NULL;
	rc = db_prepare(db, "SELECT school_id, pref FROM match_pool_school WHERE pool_id = $1"
			    " ORDER BY school_id", &st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, out->id);
	while ((rc = db_step(st, err)) == 1) {
		bool avoid = strcmp(db_col_text(st, 1), "avoid") == 0;
		if (avoid && out->navoid < MATCH_MAX_SCHOOLS)
			out->avoid[out->navoid++] = db_col_int(st, 0);
		else if (!avoid && out->nprefer < MATCH_MAX_SCHOOLS)
			out->prefer[out->nprefer++] = db_col_int(st, 0);
	}
	if (rc > 0)
		rc = 0;
out:
	db_finalize(st);
	return rc;
}

int match_pool_withdraw(struct db *db, int64_t person_id, const struct match_actor *who,
			struct samen_err *err)
{
	struct match_pool_entry e;
	int rc = match_pool_get(db, person_id, &e, err);
	if (rc)
		return rc;
	char now[21];
	audit_now(now);
	struct db_stmt *st = NULL;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_prepare(db, "UPDATE match_pool SET withdrawn_at = $2 WHERE person_id = $1", &st, err);
	if (!rc) {
		db_bind_int(st, 1, person_id);
		db_bind_text(st, 2, now);
		rc = finish(st, err);
	}
	if (!rc)
		rc = db_prepare(db, "UPDATE match_offer SET status = 'withdrawn',"
				    " reason = 'consent withdrawn' WHERE person_id = $1"
				    " AND status = 'proposed'", &st, err);
	if (!rc) {
		db_bind_int(st, 1, person_id);
		rc = finish(st, err);
	}
	if (!rc)
		rc = audit(db, who, "match.pool_withdraw", "person", person_id, e.board_id, "", err);
	if (!rc)
		rc = db_commit(db, err);
	if (rc)
		db_rollback(db);
	return rc;
}

/* ------------------------------------------------- timetables and settings */

int match_lesson_add(struct db *db, const struct match_lesson_row *l, struct samen_err *err)
{
	if (l->weekday < 1 || l->weekday > 5)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "weekday", "weekday must be 1 to 5");
	if (l->start < 0 || l->end <= l->start || l->end > 1440)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "end", "a lesson ends after it starts");
	struct db_stmt *st = NULL;
	int rc = db_prepare(db,
			    "INSERT INTO match_lesson (person_id, school_id, weekday, period, start_min,"
			    " end_min, class_name, subject_code, source) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, l->person_id);
	db_bind_int(st, 2, l->school_id);
	db_bind_int(st, 3, l->weekday);
	db_bind_int(st, 4, l->period);
	db_bind_int(st, 5, l->start);
	db_bind_int(st, 6, l->end);
	db_bind_text(st, 7, l->class_name);
	db_bind_text(st, 8, l->subject);
	db_bind_text(st, 9, l->source);
	return finish(st, err);
}

int match_lessons_clear(struct db *db, int64_t person_id, const char *source,
			struct samen_err *err)
{
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "DELETE FROM match_lesson WHERE person_id = $1"
				" AND ($2 = '' OR source = $2)", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, person_id);
	db_bind_text(st, 2, source ? source : "");
	return finish(st, err);
}

int match_bell_set(struct db *db, int64_t school_id, int period, int start, int end,
		   struct samen_err *err)
{
	if (period < 1 || period > 16)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "period", "period must be 1 to 16");
	if (start < 0 || end <= start || end > 1440)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "end", "a period ends after it starts");
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "INSERT INTO school_period (school_id, period, start_min, end_min)"
			    " VALUES ($1,$2,$3,$4) ON CONFLICT (school_id, period) DO UPDATE SET"
			    " start_min = excluded.start_min, end_min = excluded.end_min", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	db_bind_int(st, 2, period);
	db_bind_int(st, 3, start);
	db_bind_int(st, 4, end);
	return finish(st, err);
}

int match_school_setting_set(struct db *db, int64_t school_id, int lesson_minutes,
			     double teaching_cap, struct samen_err *err)
{
	if (lesson_minutes < 20 || lesson_minutes > 120)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lesson_minutes",
				     "lesson length must be 20 to 120 minutes");
	if (!(teaching_cap > 0 && teaching_cap <= 1659))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "teaching_cap",
				     "the teaching cap must be more than 0, at most 1659 hours");
	/* One upsert: the setting is replaced whole or not at all. */
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "INSERT INTO match_school_setting (school_id, lesson_minutes, teaching_cap)"
			    " VALUES ($1,$2,$3) ON CONFLICT (school_id) DO UPDATE SET"
			    " lesson_minutes = excluded.lesson_minutes, teaching_cap = excluded.teaching_cap",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	db_bind_int(st, 2, lesson_minutes);
	db_bind_double(st, 3, teaching_cap);
	return finish(st, err);
}

int match_region_setting_set(struct db *db, int64_t region_id, double speed_kmh,
			     int weeks_per_year, int offer_days, struct samen_err *err)
{
	if (!(speed_kmh > 0 && speed_kmh <= 200))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "speed", "speed must be 1 to 200 km/h");
	if (weeks_per_year < 1 || weeks_per_year > 52)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "weeks", "weeks per year must be 1 to 52");
	if (offer_days < 1 || offer_days > 30)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "offer_days",
				     "an offer runs 1 to 30 days");
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "INSERT INTO match_setting (region_id, speed_kmh, weeks_per_year,"
			    " offer_days) VALUES ($1,$2,$3,$4) ON CONFLICT (region_id) DO UPDATE SET"
			    " speed_kmh = excluded.speed_kmh, weeks_per_year = excluded.weeks_per_year,"
			    " offer_days = excluded.offer_days", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_double(st, 2, speed_kmh);
	db_bind_int(st, 3, weeks_per_year);
	db_bind_int(st, 4, offer_days);
	return finish(st, err);
}

int match_travel_set(struct db *db, int64_t from_school, int64_t to_school, int minutes,
		     struct samen_err *err)
{
	if (minutes < 0 || minutes > 1440)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "minutes", "travel time must be 0 to 1440");
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "INSERT INTO travel_time (from_school_id, to_school_id, minutes)"
			    " VALUES ($1,$2,$3) ON CONFLICT (from_school_id, to_school_id) DO UPDATE SET"
			    " minutes = excluded.minutes", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, from_school);
	db_bind_int(st, 2, to_school);
	db_bind_int(st, 3, minutes);
	return finish(st, err);
}
