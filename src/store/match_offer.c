/*
 * store/match_offer.c - the offer workflow: propose, answer, decide (see
 * store/match_offer.h).
 */
#include "store/match_offer.h"
#include "store/audit.h"
#include "store/notify.h"
#include "store/secondment.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIVE "(o.status = 'proposed' OR o.status = 'accepted' OR o.status = 'approved')"

static const char *who_name(const struct match_actor *who)
{
	return who && who->name ? who->name : "cli";
}

static int audit(struct db *db, const struct match_actor *who, const char *action, int64_t id,
		 int64_t board, const char *detail, struct samen_err *err)
{
	char idtxt[24];
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
	return audit_add(db, who ? who->user_id : 0, who_name(who), action, "match_offer", idtxt,
			 board, detail, err);
}

static int region_offer_days(struct db *db, int64_t region, int *days, struct samen_err *err)
{
	*days = 3;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT offer_days FROM match_setting WHERE region_id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region);
	rc = db_step(st, err);
	if (rc == 1)
		*days = (int)db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* 1 when request lesson lid is in a live offer of the request. */
static int lesson_taken(struct db *db, int64_t lid, bool *taken, struct samen_err *err)
{
	struct db_stmt *st = NULL;
	*taken = false;
	int rc = db_prepare(db, "SELECT COUNT(*) FROM match_offer_lesson ol JOIN match_offer o"
				" ON o.id = ol.offer_id WHERE ol.request_lesson_id = $1 AND " LIVE,
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, lid);
	rc = db_step(st, err);
	if (rc == 1)
		*taken = db_col_int(st, 0) > 0;
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static int sum_live(struct db *db, int64_t request, const char *extra, int64_t *sum,
		    struct samen_err *err)
{
	struct db_stmt *st = NULL;
	*sum = 0;
	int rc = db_prepare(db, extra, &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, request);
	rc = db_step(st, err);
	if (rc == 1)
		*sum = db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static int lesson_minutes_of(struct db *db, int64_t school, int *minutes, struct samen_err *err)
{
	*minutes = 50;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT lesson_minutes FROM match_school_setting WHERE school_id = $1",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school);
	rc = db_step(st, err);
	if (rc == 1)
		*minutes = (int)db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int match_offer_propose(struct db *db, int64_t request_id, int64_t person_id, int64_t hours,
			const int64_t *lesson_ids, size_t n, long today, const char *source,
			const struct match_actor *who, int64_t *id, struct samen_err *err)
{
	struct match_request *r = malloc(sizeof *r);
	struct match_candidate *c = NULL, *me = NULL;
	size_t nc = 0, nchosen = 0;
	int64_t chosen[MATCH_MAX_LESSONS];
	struct db_stmt *st = NULL;
	bool began = false;
	int rc = 0;
	if (!r)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	if (!source || (strcmp(source, "manual") != 0 && strcmp(source, "optimiser") != 0)) {
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "source", "source is manual or optimiser");
		goto out;
	}
	rc = match_request_get(db, request_id, r, err);
	if (rc)
		goto out;
	if (strcmp(r->status, "open") != 0) {
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "request", "request %lld is %s",
				   (long long)request_id, r->status);
		goto out;
	}
	int64_t live = 0;
	char rid[24], pid[24];
	snprintf(rid, sizeof rid, "%lld", (long long)request_id);
	snprintf(pid, sizeof pid, "%lld", (long long)person_id);
	const char *pp[] = {rid, pid};
	rc = db_query_int(db, "SELECT COUNT(*) FROM match_offer o WHERE o.request_id = CAST($1 AS INTEGER)"
			      " AND o.person_id = CAST($2 AS INTEGER) AND " LIVE, 2, pp, &live, err);
	if (rc)
		goto out;
	if (live) {
		rc = samen_fail_at(err, SAMEN_EEXIST, 0, "person",
				   "the person already has an offer for this request");
		goto out;
	}
	rc = match_candidates(db, request_id, 0, today, &c, &nc, err);
	if (rc)
		goto out;
	for (size_t i = 0; i < nc; i++)
		if (c[i].person_id == person_id)
			me = &c[i];
	if (!me) {
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "person",
				   "the person is not in the regional pool with a qualification in %s",
				   r->subject);
		goto out;
	}
	if (!me->fits) {
		for (int k = 0; k < MCHK_COUNT; k++)
			if (!me->pass[k]) {
				rc = samen_fail_at(err, SAMEN_EINVAL, 0, match_check_name((enum match_check)k),
						   "does not fit: %s", me->reason[k]);
				goto out;
			}
	}
	if (r->nlessons) {
		int minutes = 50;
		rc = lesson_minutes_of(db, r->school_id, &minutes, err);
		if (rc)
			goto out;
		for (size_t i = 0; i < r->nlessons; i++) {
			bool want = n == 0;
			for (size_t j = 0; j < n; j++)
				want = want || lesson_ids[j] == r->lessons[i].id;
			if (!want)
				continue;
			bool taken = false;
			rc = lesson_taken(db, r->lessons[i].id, &taken, err);
			if (rc)
				goto out;
			if (me->lesson[i] == LESSON_OK && !taken) {
				chosen[nchosen++] = r->lessons[i].id;
			} else if (n) {
				rc = samen_fail_at(err, SAMEN_EINVAL, 0, "lessons",
						   "lesson %lld: %s", (long long)r->lessons[i].id,
						   taken ? "already offered to someone else"
							 : match_lesson_fail_name(me->lesson[i]));
				goto out;
			}
		}
		if (n && nchosen != n) {
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "lessons",
					   "a lesson does not belong to this request");
			goto out;
		}
		if (nchosen == 0) {
			rc = samen_fail_at(err, SAMEN_EEXIST, 0, "lessons",
					   "no lesson is left that fits this person");
			goto out;
		}
		hours = (int64_t)nchosen * minutes * 100 / 60;
		if (hours > me->spare) {
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "hours",
					   "the lessons need more hours than the person has spare");
			goto out;
		}
	} else {
		int64_t offered = 0;
		rc = sum_live(db, request_id,
			      "SELECT COALESCE(SUM(o.hours_per_week), 0) FROM match_offer o"
			      " WHERE o.request_id = $1 AND " LIVE, &offered, err);
		if (rc)
			goto out;
		int64_t left = r->hours_per_week - offered;
		if (left <= 0) {
			rc = samen_fail_at(err, SAMEN_EEXIST, 0, "hours",
					   "all hours of the request are offered");
			goto out;
		}
		if (hours <= 0 || hours > left)
			hours = left;
		if (hours > me->spare)
			hours = me->spare;
	}
	int days = 3;
	rc = region_offer_days(db, r->region_id, &days, err);
	if (rc)
		goto out;
	char deadline[11], now[21];
	date_format(today + days, deadline);
	audit_now(now);
	rc = db_begin(db, err);
	if (rc)
		goto out;
	began = true;
	rc = db_prepare(db,
			"INSERT INTO match_offer (request_id, person_id, lender_board_id, hours_per_week,"
			" travel_minutes, status, source, deadline, proposed_at, proposed_by)"
			" VALUES ($1,$2,$3,$4,$5,'proposed',$6,$7,$8,$9) RETURNING id", &st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, request_id);
	db_bind_int(st, 2, person_id);
	db_bind_int(st, 3, me->board_id);
	db_bind_int(st, 4, hours);
	db_bind_int(st, 5, me->travel < 0 ? 0 : me->travel);
	db_bind_text(st, 6, source);
	db_bind_text(st, 7, deadline);
	db_bind_text(st, 8, now);
	db_bind_text(st, 9, who_name(who));
	rc = db_step(st, err);
	if (rc != 1) {
		rc = rc < 0 ? rc : samen_fail(err, SAMEN_EDB, "no id returned");
		goto out;
	}
	int64_t oid = db_col_int(st, 0);
	db_finalize(st);
	st = NULL;
	for (size_t i = 0; i < nchosen; i++) {
		rc = db_prepare(db, "INSERT INTO match_offer_lesson (offer_id, request_lesson_id)"
				    " VALUES ($1, $2)", &st, err);
		if (rc)
			goto out;
		db_bind_int(st, 1, oid);
		db_bind_int(st, 2, chosen[i]);
		rc = db_step(st, err);
		db_finalize(st);
		st = NULL;
		if (rc < 0)
			goto out;
	}
	char text[400];
	snprintf(text, sizeof text,
		 "Aanbod: %s %s %d-%d aan %s, %lld.%02lld uur per week; antwoord uiterlijk %s.",
		 r->subject, r->school_type, r->year_from, r->year_to, r->school_name,
		 (long long)(hours / 100), (long long)(hours % 100), deadline);
	rc = notify_add(db, person_id, 0, "offer.proposed", "match_offer", oid, text, NULL, err);
	if (!rc)
		rc = notify_add(db, 0, me->board_id, "offer.proposed", "match_offer", oid, text, NULL,
				err);
	if (!rc)
		rc = audit(db, who, "match.offer", oid, me->board_id, source, err);
	if (!rc)
		rc = db_commit(db, err);
	if (!rc && id)
		*id = oid;
out:
	db_finalize(st);
	if (rc && began)
		db_rollback(db);
	free(c);
	free(r);
	return rc;
}

#define OFFER_COLS \
	"SELECT o.id, o.request_id, o.person_id, o.lender_board_id, r.board_id, r.school_id," \
	" o.hours_per_week, o.travel_minutes, o.status, o.source, o.deadline, o.reason," \
	" o.proposed_at, o.proposed_by, COALESCE(o.answered_at, ''), COALESCE(o.decided_at, '')," \
	" COALESCE(o.decided_by, ''), COALESCE(o.secondment_id, 0), r.subject_code, r.school_type," \
	" s.name, r.year_from, r.year_to FROM match_offer o JOIN match_request r ON r.id = o.request_id" \
	" JOIN school s ON s.id = r.school_id"

static void offer_row(struct db_stmt *st, struct match_offer *o)
{
	memset(o, 0, sizeof *o);
	o->id = db_col_int(st, 0);
	o->request_id = db_col_int(st, 1);
	o->person_id = db_col_int(st, 2);
	o->lender_board_id = db_col_int(st, 3);
	o->borrower_board_id = db_col_int(st, 4);
	o->school_id = db_col_int(st, 5);
	o->hours_per_week = db_col_int(st, 6);
	o->travel = (int)db_col_int(st, 7);
	snprintf(o->status, sizeof o->status, "%s", db_col_text(st, 8));
	snprintf(o->source, sizeof o->source, "%s", db_col_text(st, 9));
	date_parse(db_col_text(st, 10), &o->deadline);
	snprintf(o->reason, sizeof o->reason, "%s", db_col_text(st, 11));
	snprintf(o->proposed_at, sizeof o->proposed_at, "%s", db_col_text(st, 12));
	snprintf(o->proposed_by, sizeof o->proposed_by, "%s", db_col_text(st, 13));
	snprintf(o->answered_at, sizeof o->answered_at, "%s", db_col_text(st, 14));
	snprintf(o->decided_at, sizeof o->decided_at, "%s", db_col_text(st, 15));
	snprintf(o->decided_by, sizeof o->decided_by, "%s", db_col_text(st, 16));
	o->secondment_id = db_col_int(st, 17);
	snprintf(o->subject, sizeof o->subject, "%s", db_col_text(st, 18));
	snprintf(o->school_type, sizeof o->school_type, "%s", db_col_text(st, 19));
	snprintf(o->school_name, sizeof o->school_name, "%s", db_col_text(st, 20));
	o->year_from = (int)db_col_int(st, 21);
	o->year_to = (int)db_col_int(st, 22);
}

int match_offer_get(struct db *db, int64_t id, struct match_offer *out, struct samen_err *err)
{
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, OFFER_COLS " WHERE o.id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	if (rc == 0)
		rc = samen_fail(err, SAMEN_ENOTFOUND, "no offer %lld", (long long)id);
	if (rc < 0)
		goto out;
	offer_row(st, out);
	db_finalize(st);
	st = NULL;
	rc = db_prepare(db, "SELECT ol.request_lesson_id FROM match_offer_lesson ol"
			    " JOIN match_request_lesson l ON l.id = ol.request_lesson_id"
			    " WHERE ol.offer_id = $1 ORDER BY l.weekday, l.period", &st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, id);
	while ((rc = db_step(st, err)) == 1 && out->nlessons < MATCH_MAX_LESSONS)
		out->lesson_ids[out->nlessons++] = db_col_int(st, 0);
	if (rc > 0)
		rc = 0;
out:
	db_finalize(st);
	return rc;
}

static int set_status(struct db *db, int64_t id, const char *status, const char *reason,
		      const char *col, const char *by, struct samen_err *err)
{
	char now[21];
	audit_now(now);
	struct db_stmt *st = NULL;
	/* col is one of two constants of this file, never input */
	const char *sql = strcmp(col, "answered") == 0
				  ? "UPDATE match_offer SET status = $2, reason = $3, answered_at = $4"
				    " WHERE id = $1"
				  : "UPDATE match_offer SET status = $2, reason = $3, decided_at = $4,"
				    " decided_by = $5 WHERE id = $1";
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, reason ? reason : "");
	db_bind_text(st, 4, now);
	if (strcmp(col, "answered") != 0)
		db_bind_text(st, 5, by);
	rc = db_step(st, err);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int match_offer_answer(struct db *db, int64_t id, int64_t acting_person, bool accept,
		       const char *reason, long today, const struct match_actor *who,
		       struct samen_err *err)
{
	struct match_offer o;
	int rc = match_offer_get(db, id, &o, err);
	if (rc)
		return rc;
	if (acting_person != o.person_id)
		return samen_fail(err, SAMEN_EPERM, "only the person offered can answer offer %lld",
				  (long long)id);
	if (strcmp(o.status, "proposed") != 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "status", "offer %lld is %s",
				     (long long)id, o.status);
	char dl[11];
	date_format(o.deadline, dl);
	if (today > o.deadline) {
		rc = db_begin(db, err);
		if (!rc)
			rc = set_status(db, id, "expired", "deadline passed", "answered", "", err);
		if (!rc)
			rc = audit(db, who, "match.offer_expire", id, o.lender_board_id, dl, err);
		if (!rc)
			rc = db_commit(db, err);
		if (rc) {
			db_rollback(db);
			return rc;
		}
		return samen_fail_at(err, SAMEN_EINVAL, 0, "deadline", "the deadline was %s", dl);
	}
	if (!accept && (!reason || !reason[0]))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "reason", "give a reason to decline");
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = set_status(db, id, accept ? "accepted" : "declined", accept ? "" : reason, "answered",
			"", err);
	char text[400];
	snprintf(text, sizeof text, "Aanbod %lld (%s %s aan %s) is %s%s%s.", (long long)id,
		 o.subject, o.school_type, o.school_name,
		 accept ? "aangenomen; goedkeuring door de werkgever nodig" : "afgewezen",
		 accept ? "" : ": ", accept ? "" : reason);
	if (!rc)
		rc = notify_add(db, 0, o.lender_board_id, accept ? "offer.accepted" : "offer.declined",
				"match_offer", id, text, NULL, err);
	if (!rc && o.borrower_board_id != o.lender_board_id)
		rc = notify_add(db, 0, o.borrower_board_id,
				accept ? "offer.accepted" : "offer.declined", "match_offer", id, text,
				NULL, err);
	if (!rc)
		rc = audit(db, who, "match.offer_answer", id, o.lender_board_id,
			   accept ? "accepted" : "declined", err);
	if (!rc)
		rc = db_commit(db, err);
	if (rc)
		db_rollback(db);
	return rc;
}

static int make_secondment(struct db *db, const struct match_offer *o, long today,
			   const struct match_actor *who, int64_t *sid, struct samen_err *err)
{
	struct match_request *r = malloc(sizeof *r);
	if (!r)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	int rc = match_request_get(db, o->request_id, r, err);
	if (rc)
		goto out;
	struct secondment s;
	memset(&s, 0, sizeof s);
	s.lender_board_id = o->lender_board_id;
	s.borrower_board_id = o->borrower_board_id;
	s.borrower_school_id = o->school_id;
	s.person_id = o->person_id;
	s.offer_id = o->id;
	char subject[96] = "";
	struct db_stmt *st = NULL;
	rc = db_prepare(db, "SELECT name_nl FROM subject WHERE code = $1", &st, err);
	if (rc)
		goto out;
	db_bind_text(st, 1, r->subject);
	if (db_step(st, err) == 1)
		snprintf(subject, sizeof subject, "%s", db_col_text(st, 0));
	db_finalize(st);
	snprintf(s.function_title, sizeof s.function_title, "Docent %s", subject);
	snprintf(s.purpose, sizeof s.purpose, "Hulpvraag %lld: %s %s %d-%d", (long long)r->id,
		 subject, r->school_type, r->year_from, r->year_to);
	snprintf(s.expertise, sizeof s.expertise, "%s", subject);
	s.hours_per_week = o->hours_per_week;
	s.weekdays = 0;
	for (size_t i = 0; i < r->nlessons; i++)
		for (size_t j = 0; j < o->nlessons; j++)
			if (r->lessons[i].id == o->lesson_ids[j])
				s.weekdays |= 1u << (r->lessons[i].weekday - 1);
	if (s.weekdays == 0) {
		struct match_pool_entry e;
		s.weekdays = match_pool_get(db, o->person_id, &e, NULL) == 0 ? e.weekdays : 31;
	}
	s.start = r->start > today ? r->start : today;
	s.end = r->end;
	struct secondment_actor sa = {who ? who->user_id : 0, who_name(who)};
	rc = store_secondment_add(db, &s, &sa, err);
	if (!rc)
		*sid = s.id;
out:
	free(r);
	return rc;
}

int match_offer_decide(struct db *db, int64_t id, int64_t acting_board, bool approve,
		       const char *reason, long today, const struct match_actor *who,
		       int64_t *secondment_id, struct samen_err *err)
{
	struct match_offer o;
	int rc = match_offer_get(db, id, &o, err);
	if (rc)
		return rc;
	if (acting_board != o.lender_board_id)
		return samen_fail(err, SAMEN_EPERM,
				  "only the employing board approves or refuses offer %lld",
				  (long long)id);
	if (strcmp(o.status, "accepted") != 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "status",
				     "offer %lld is %s, not accepted by the person", (long long)id,
				     o.status);
	if (!approve && (!reason || !reason[0]))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "reason", "give a reason to refuse");
	int64_t sid = 0;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	if (approve)
		rc = make_secondment(db, &o, today, who, &sid, err);
	if (!rc)
		rc = set_status(db, id, approve ? "approved" : "refused", approve ? "" : reason,
				"decided", who_name(who), err);
	if (!rc && approve) {
		struct db_stmt *st = NULL;
		rc = db_prepare(db, "UPDATE match_offer SET secondment_id = $2 WHERE id = $1", &st, err);
		if (!rc) {
			db_bind_int(st, 1, id);
			db_bind_int(st, 2, sid);
			rc = db_step(st, err);
			rc = rc < 0 ? rc : 0;
			db_finalize(st);
		}
		/* a request whose hours are all approved is filled */
		int64_t approved = 0, wanted = 0;
		if (!rc)
			rc = sum_live(db, o.request_id,
				      "SELECT COALESCE(SUM(o.hours_per_week), 0) FROM match_offer o"
				      " WHERE o.request_id = $1 AND o.status = 'approved'", &approved, err);
		if (!rc)
			rc = sum_live(db, o.request_id,
				      "SELECT hours_per_week FROM match_request WHERE id = $1", &wanted, err);
		if (!rc && approved >= wanted) {
			rc = db_prepare(db, "UPDATE match_request SET status = 'filled' WHERE id = $1",
					&st, err);
			if (!rc) {
				db_bind_int(st, 1, o.request_id);
				rc = db_step(st, err);
				rc = rc < 0 ? rc : 0;
				db_finalize(st);
			}
		}
	}
	char text[400];
	snprintf(text, sizeof text, "Aanbod %lld (%s %s aan %s) is %s%s%s.", (long long)id,
		 o.subject, o.school_type, o.school_name,
		 approve ? "goedgekeurd; de detachering staat klaar om te tekenen" : "niet goedgekeurd",
		 approve ? "" : ": ", approve ? "" : reason);
	if (!rc)
		rc = notify_add(db, o.person_id, o.borrower_board_id,
				approve ? "offer.approved" : "offer.refused", "match_offer", id, text,
				NULL, err);
	if (!rc)
		rc = audit(db, who, "match.offer_decide", id, o.lender_board_id,
			   approve ? "approved" : "refused", err);
	if (!rc)
		rc = db_commit(db, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	if (secondment_id)
		*secondment_id = sid;
	return 0;
}

int match_offer_list(struct db *db, const struct match_offer_filter *f,
		     struct match_offer **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db,
			    OFFER_COLS " WHERE ($1 = 0 OR o.person_id = $1)"
			    " AND ($2 = 0 OR o.lender_board_id = $2 OR r.board_id = $2)"
			    " AND ($3 = 0 OR o.request_id = $3) AND ($4 = '' OR o.status = $4)"
			    " ORDER BY o.id DESC", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, f ? f->person_id : 0);
	db_bind_int(st, 2, f ? f->board_id : 0);
	db_bind_int(st, 3, f ? f->request_id : 0);
	db_bind_text(st, 4, f && f->status ? f->status : "");
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			void *p = realloc(*out, ncap * sizeof **out);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			*out = p;
			cap = ncap;
		}
		offer_row(st, &(*out)[(*n)++]);
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

int match_offer_expire(struct db *db, long today, const struct match_actor *who, size_t *count,
		       struct samen_err *err)
{
	char day[11];
	date_format(today, day);
	struct db_stmt *st = NULL;
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_prepare(db, "UPDATE match_offer SET status = 'expired', reason = 'deadline passed'"
			    " WHERE status = 'proposed' AND deadline < $1", &st, err);
	if (!rc) {
		db_bind_text(st, 1, day);
		rc = db_step(st, err);
		rc = rc < 0 ? rc : 0;
		db_finalize(st);
	}
	int64_t changed = rc ? 0 : db_changes(db);
	if (!rc && changed) {
		char detail[40];
		snprintf(detail, sizeof detail, "%lld offers before %s", (long long)changed, day);
		rc = audit(db, who, "match.offer_expire", 0, 0, detail, err);
	}
	if (!rc)
		rc = db_commit(db, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	if (count)
		*count = (size_t)changed;
	return 0;
}
