/*
 * store/secondment.c - secondments, agreement marks and hours in the
 * database (see store/secondment.h). Column names in UPDATE statements are
 * chosen from constant tables in this file, never from input.
 */
#include "store/secondment.h"
#include "core/costprice.h"
#include "core/ledger.h"
#include "store/audit.h"
#include "store/ledger.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static const char *who_name(const struct secondment_actor *who)
{
	return who && who->name ? who->name : "cli";
}

static int64_t who_id(const struct secondment_actor *who)
{
	return who ? who->user_id : 0;
}

static int audit(struct db *db, const struct secondment_actor *who, const char *action,
		 const char *type, int64_t id, int64_t board, const char *detail,
		 struct samen_err *err)
{
	char idtxt[24];
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
	return audit_add(db, who_id(who), who_name(who), action, type, idtxt, board, detail, err);
}

static int finish(struct db *db, int rc, struct samen_err *err)
{
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

#define SEC_COLS                                                                                  \
	"s.id, s.region_id, s.lender_board_id, s.borrower_board_id,"                              \
	" COALESCE(s.borrower_school_id, 0), s.person_id, COALESCE(s.offer_id, 0),"              \
	" s.function_title, s.purpose, s.expertise, s.sickness, s.insurance,"                    \
	" s.hours_per_week, s.weekdays, s.start_date, s.end_date, s.km_per_week, s.margin_bp,"   \
	" s.via_koepel, s.education_type_work,"                                                  \
	" s.vat_a_by, s.vat_a_at, s.vat_b_by, s.vat_b_at, s.vat_c_by, s.vat_c_at,"               \
	" s.vat_d_by, s.vat_d_at, s.consent_by, s.consent_at,"                                   \
	" s.sign_lender_by, s.sign_lender_at, s.sign_borrower_by, s.sign_borrower_at,"           \
	" s.sign_employee_by, s.sign_employee_at,"                                               \
	" lb.name, bb.name, COALESCE(sc.name, ''), lb.bestuursnummer, bb.bestuursnummer,"        \
	" p.first_name, p.last_name, COALESCE(lp.kind, 'bestuur'), s.created_at, s.created_by"

#define SEC_FROM                                                                                  \
	" FROM secondment s JOIN board lb ON lb.id = s.lender_board_id"                           \
	" JOIN board bb ON bb.id = s.borrower_board_id"                                           \
	" LEFT JOIN school sc ON sc.id = s.borrower_school_id"                                    \
	" JOIN person p ON p.id = s.person_id"                                                    \
	" LEFT JOIN ledger_party lp ON lp.board_id = s.borrower_board_id"

static void read_mark(struct db_stmt *st, int col, struct secondment_mark *m)
{
	m->set = !db_col_null(st, col + 1);
	copy(m->by, sizeof m->by, db_col_text(st, col));
	copy(m->at, sizeof m->at, db_col_text(st, col + 1));
}

static void read_row(struct db_stmt *st, struct secondment_row *r)
{
	memset(r, 0, sizeof *r);
	struct secondment *s = &r->s;
	s->id = db_col_int(st, 0);
	s->region_id = db_col_int(st, 1);
	s->lender_board_id = db_col_int(st, 2);
	s->borrower_board_id = db_col_int(st, 3);
	s->borrower_school_id = db_col_int(st, 4);
	s->person_id = db_col_int(st, 5);
	s->offer_id = db_col_int(st, 6);
	copy(s->function_title, sizeof s->function_title, db_col_text(st, 7));
	copy(s->purpose, sizeof s->purpose, db_col_text(st, 8));
	copy(s->expertise, sizeof s->expertise, db_col_text(st, 9));
	copy(s->sickness, sizeof s->sickness, db_col_text(st, 10));
	copy(s->insurance, sizeof s->insurance, db_col_text(st, 11));
	s->hours_per_week = db_col_int(st, 12);
	s->weekdays = (unsigned)db_col_int(st, 13);
	if (date_parse(db_col_text(st, 14), &s->start))
		s->start = 0;
	if (date_parse(db_col_text(st, 15), &s->end))
		s->end = 0;
	s->km_per_week = db_col_int(st, 16);
	s->margin_bp = (int32_t)db_col_int(st, 17);
	s->via_koepel = db_col_int(st, 18) != 0;
	s->education_type_work = db_col_int(st, 19) != 0;
	for (int i = 0; i < 4; i++)
		read_mark(st, 20 + 2 * i, &s->vat[i]);
	read_mark(st, 28, &s->consent);
	for (int i = 0; i < 3; i++)
		read_mark(st, 30 + 2 * i, &s->sign[i]);
	copy(r->lender_name, sizeof r->lender_name, db_col_text(st, 36));
	copy(r->borrower_name, sizeof r->borrower_name, db_col_text(st, 37));
	copy(r->school_name, sizeof r->school_name, db_col_text(st, 38));
	copy(r->lender_number, sizeof r->lender_number, db_col_text(st, 39));
	copy(r->borrower_number, sizeof r->borrower_number, db_col_text(st, 40));
	copy(r->first_name, sizeof r->first_name, db_col_text(st, 41));
	copy(r->last_name, sizeof r->last_name, db_col_text(st, 42));
	r->borrower_is_swv = strcmp(db_col_text(st, 43), "swv") == 0;
	copy(r->created_at, sizeof r->created_at, db_col_text(st, 44));
	copy(r->created_by, sizeof r->created_by, db_col_text(st, 45));
}

int store_secondment_get(struct db *db, int64_t id, struct secondment_row *out,
			 struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT " SEC_COLS SEC_FROM " WHERE s.id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	if (rc == 1) {
		read_row(st, out);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail_at(err, SAMEN_ENOTFOUND, 0, "secondment", "no secondment %lld",
				   (long long)id);
	}
	db_finalize(st);
	return rc;
}

int store_secondment_list(struct db *db, const struct secondment_filter *f,
			  struct secondment_row **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT " SEC_COLS SEC_FROM
			    " WHERE ($1 = 0 OR s.region_id = $1)"
			    " AND ($2 = 0 OR s.lender_board_id = $2 OR s.borrower_board_id = $2)"
			    " AND ($3 = 0 OR s.borrower_school_id = $3)"
			    " AND ($4 = 0 OR s.person_id = $4)"
			    " ORDER BY s.start_date DESC, s.id DESC",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, f->region_id);
	db_bind_int(st, 2, f->board_id);
	db_bind_int(st, 3, f->school_id);
	db_bind_int(st, 4, f->person_id);
	size_t cap = 0;
	struct secondment_row *v = NULL;
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			void *p = realloc(v, cap * sizeof *v);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			v = p;
		}
		read_row(st, &v[(*n)++]);
	}
	db_finalize(st);
	if (rc < 0) {
		free(v);
		*n = 0;
		return rc;
	}
	*out = v;
	return 0;
}

/* Look up one integer; SAMEN_ENOTFOUND when there is no row. */
static int query_id(struct db *db, const char *sql, int64_t a, int64_t b, int64_t *out,
		    struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, a);
	if (b >= 0)
		db_bind_int(st, 2, b);
	rc = db_step(st, err);
	if (rc == 1) {
		*out = db_col_int(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = SAMEN_ENOTFOUND;
	}
	db_finalize(st);
	return rc;
}

int store_secondment_add(struct db *db, struct secondment *s, const struct secondment_actor *who,
			 struct samen_err *err)
{
	int rc = secondment_validate(s, err);
	if (rc)
		return rc;
	int64_t lender_region, borrower_region, v;
	rc = query_id(db, "SELECT region_id FROM board WHERE id = $1", s->lender_board_id, -1,
		      &lender_region, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lender", "unknown board %lld",
				     (long long)s->lender_board_id);
	if (rc)
		return rc;
	rc = query_id(db, "SELECT region_id FROM board WHERE id = $1", s->borrower_board_id, -1,
		      &borrower_region, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "borrower", "unknown board %lld",
				     (long long)s->borrower_board_id);
	if (rc)
		return rc;
	if (lender_region != borrower_region)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "borrower",
				     "the boards belong to different regions; a secondment is "
				     "settled within one region");
	bool swv = query_id(db, "SELECT 1 FROM ledger_party WHERE board_id = $1 AND kind = 'swv'",
			    s->borrower_board_id, -1, &v, NULL) == 0;
	if (s->borrower_school_id) {
		rc = query_id(db, "SELECT board_id FROM school WHERE id = $1", s->borrower_school_id, -1,
			      &v, err);
		if (rc == SAMEN_ENOTFOUND || (rc == 0 && v != s->borrower_board_id))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "school",
					     "school %lld is not a school of the borrowing board",
					     (long long)s->borrower_school_id);
		if (rc)
			return rc;
	} else if (!swv) {
		return samen_fail_at(err, SAMEN_EINVAL, 0, "school",
				     "choose the school of the borrowing board where the work is done");
	}
	rc = query_id(db, "SELECT id FROM employment WHERE person_id = $1 AND board_id = $2",
		      s->person_id, s->lender_board_id, &v, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "person",
				     "person %lld is not employed by the lending board; only the "
				     "employer can second (rule 1)",
				     (long long)s->person_id);
	if (rc)
		return rc;
	rc = query_id(db, "SELECT id FROM employment WHERE person_id = $1 AND board_id = $2",
		      s->person_id, s->borrower_board_id, &v, err);
	if (rc == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "borrower",
				     "the person is already employed by the borrowing board: a "
				     "secondment to one's own board is not possible");
	if (rc != SAMEN_ENOTFOUND)
		return rc;

	char start[11], end[11], now[21];
	date_format(s->start, start);
	date_format(s->end, end);
	audit_now(now);
	rc = db_begin(db, err);
	if (rc)
		return rc;
	struct db_stmt *st;
	rc = db_prepare(db,
			"INSERT INTO secondment (region_id, lender_board_id, borrower_board_id,"
			" borrower_school_id, person_id, offer_id, function_title, purpose, expertise,"
			" sickness, insurance, hours_per_week, weekdays, start_date, end_date,"
			" km_per_week, margin_bp, via_koepel, education_type_work, created_at,"
			" created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,"
			"$17,$18,$19,$20,$21) RETURNING id",
			&st, err);
	if (rc)
		return finish(db, rc, err);
	db_bind_int(st, 1, lender_region);
	db_bind_int(st, 2, s->lender_board_id);
	db_bind_int(st, 3, s->borrower_board_id);
	if (s->borrower_school_id)
		db_bind_int(st, 4, s->borrower_school_id);
	else
		db_bind_null(st, 4);
	db_bind_int(st, 5, s->person_id);
	if (s->offer_id)
		db_bind_int(st, 6, s->offer_id);
	else
		db_bind_null(st, 6);
	db_bind_text(st, 7, s->function_title);
	db_bind_text(st, 8, s->purpose);
	db_bind_text(st, 9, s->expertise);
	db_bind_text(st, 10, s->sickness);
	db_bind_text(st, 11, s->insurance);
	db_bind_int(st, 12, s->hours_per_week);
	db_bind_int(st, 13, s->weekdays);
	db_bind_text(st, 14, start);
	db_bind_text(st, 15, end);
	db_bind_int(st, 16, s->km_per_week);
	db_bind_int(st, 17, s->margin_bp);
	db_bind_int(st, 18, s->via_koepel);
	db_bind_int(st, 19, s->education_type_work);
	db_bind_text(st, 20, now);
	db_bind_text(st, 21, who_name(who));
	rc = db_step(st, err);
	if (rc == 1) {
		s->id = db_col_int(st, 0);
		s->region_id = lender_region;
		rc = 0;
	}
	db_finalize(st);
	if (rc == 0) {
		char detail[256];
		snprintf(detail, sizeof detail,
			 "lender=%lld borrower=%lld school=%lld person=%lld hours_per_week=%lld.%02lld"
			 " %s..%s offer=%lld",
			 (long long)s->lender_board_id, (long long)s->borrower_board_id,
			 (long long)s->borrower_school_id, (long long)s->person_id,
			 (long long)(s->hours_per_week / 100), (long long)(s->hours_per_week % 100), start,
			 end, (long long)s->offer_id);
		rc = audit(db, who, "secondment.create", "secondment", s->id, s->lender_board_id, detail,
			   err);
	}
	return finish(db, rc, err);
}

/* Set a mark (by, at) with one of the constant statements below. */
static int set_mark(struct db *db, const char *sql, int64_t id, const char *by, const char *at,
		    struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	if (by)
		db_bind_text(st, 1, by);
	else
		db_bind_null(st, 1);
	if (at)
		db_bind_text(st, 2, at);
	else
		db_bind_null(st, 2);
	db_bind_int(st, 3, id);
	rc = db_step(st, err);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static const char *const sign_sql[3] = {
	"UPDATE secondment SET sign_lender_by = $1, sign_lender_at = $2 WHERE id = $3",
	"UPDATE secondment SET sign_borrower_by = $1, sign_borrower_at = $2 WHERE id = $3",
	"UPDATE secondment SET sign_employee_by = $1, sign_employee_at = $2 WHERE id = $3",
};
static const char *const party_names[3] = {"lender", "borrower", "employee"};

int store_secondment_sign(struct db *db, int64_t id, enum secondment_party party,
			  const struct secondment_actor *who, struct samen_err *err)
{
	if ((int)party < 0 || (int)party > 2)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "party", "unknown party");
	struct secondment_row row;
	int rc = store_secondment_get(db, id, &row, err);
	if (rc)
		return rc;
	const struct secondment_mark *m = &row.s.sign[party];
	if (m->set)
		return samen_fail_at(err, SAMEN_EEXIST, 0, "party",
				     "the %s already agreed (%s, %s)", party_names[party], m->by, m->at);
	char now[21];
	audit_now(now);
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = set_mark(db, sign_sql[party], id, who_name(who), now, err);
	if (rc == 0 && party == SECONDMENT_EMPLOYEE && !row.s.consent.set) {
		struct db_stmt *st;
		rc = db_prepare(db,
				"UPDATE secondment SET consent_by = $1, consent_at = $2,"
				" consent_note = $3 WHERE id = $4",
				&st, err);
		if (rc == 0) {
			db_bind_text(st, 1, who_name(who));
			db_bind_text(st, 2, now);
			db_bind_text(st, 3, "agreed in Samen by the employee");
			db_bind_int(st, 4, id);
			rc = db_step(st, err);
			rc = rc < 0 ? rc : 0;
			db_finalize(st);
		}
	}
	if (rc == 0)
		rc = audit(db, who, "secondment.sign", "secondment", id, row.s.lender_board_id,
			   party_names[party], err);
	return finish(db, rc, err);
}

int store_secondment_consent(struct db *db, int64_t id, const char *note,
			     const struct secondment_actor *who, struct samen_err *err)
{
	struct secondment_row row;
	int rc = store_secondment_get(db, id, &row, err);
	if (rc)
		return rc;
	if (row.s.consent.set)
		return samen_fail_at(err, SAMEN_EEXIST, 0, "consent",
				     "consent was already recorded (%s, %s)", row.s.consent.by,
				     row.s.consent.at);
	if (!note || !*note)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "note",
				     "say how the consent was given (e.g. a signed letter and its date)");
	if (strlen(note) > 500)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "note", "the note is too long");
	char now[21];
	audit_now(now);
	rc = db_begin(db, err);
	if (rc)
		return rc;
	struct db_stmt *st;
	rc = db_prepare(db,
			"UPDATE secondment SET consent_by = $1, consent_at = $2, consent_note = $3"
			" WHERE id = $4",
			&st, err);
	if (rc == 0) {
		db_bind_text(st, 1, who_name(who));
		db_bind_text(st, 2, now);
		db_bind_text(st, 3, note);
		db_bind_int(st, 4, id);
		rc = db_step(st, err);
		rc = rc < 0 ? rc : 0;
		db_finalize(st);
	}
	if (rc == 0)
		rc = audit(db, who, "secondment.consent", "secondment", id, row.s.lender_board_id, note,
			   err);
	return finish(db, rc, err);
}

static const char *const vat_sql[4] = {
	"UPDATE secondment SET vat_a_by = $1, vat_a_at = $2 WHERE id = $3",
	"UPDATE secondment SET vat_b_by = $1, vat_b_at = $2 WHERE id = $3",
	"UPDATE secondment SET vat_c_by = $1, vat_c_at = $2 WHERE id = $3",
	"UPDATE secondment SET vat_d_by = $1, vat_d_at = $2 WHERE id = $3",
};

int store_secondment_vat_confirm(struct db *db, int64_t id, int cond, bool confirmed,
				 const struct secondment_actor *who, struct samen_err *err)
{
	if (cond < 0 || cond > 3)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "condition",
				     "a VAT condition is a, b, c or d (rule 5)");
	struct secondment_row row;
	int rc = store_secondment_get(db, id, &row, err);
	if (rc)
		return rc;
	char now[21], detail[64];
	audit_now(now);
	snprintf(detail, sizeof detail, "condition %c %s", 'a' + cond,
		 confirmed ? "confirmed" : "withdrawn");
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = set_mark(db, vat_sql[cond], id, confirmed ? who_name(who) : NULL, confirmed ? now : NULL,
		      err);
	if (rc == 0)
		rc = audit(db, who, "secondment.vat", "secondment", id, row.s.lender_board_id, detail,
			   err);
	return finish(db, rc, err);
}

int store_secondment_vat_facts(struct db *db, int64_t id, bool via_koepel,
			       bool education_type_work, const struct secondment_actor *who,
			       struct samen_err *err)
{
	struct secondment_row row;
	int rc = store_secondment_get(db, id, &row, err);
	if (rc)
		return rc;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	struct db_stmt *st;
	rc = db_prepare(db,
			"UPDATE secondment SET via_koepel = $1, education_type_work = $2 WHERE id = $3",
			&st, err);
	if (rc == 0) {
		db_bind_int(st, 1, via_koepel);
		db_bind_int(st, 2, education_type_work);
		db_bind_int(st, 3, id);
		rc = db_step(st, err);
		rc = rc < 0 ? rc : 0;
		db_finalize(st);
	}
	char detail[64];
	snprintf(detail, sizeof detail, "via_koepel=%d education_type_work=%d", via_koepel,
		 education_type_work);
	if (rc == 0)
		rc = audit(db, who, "secondment.vat", "secondment", id, row.s.lender_board_id, detail,
			   err);
	return finish(db, rc, err);
}

/* Insert one hours entry (inside the caller's transaction). */
static int insert_hours(struct db *db, int64_t secondment_id, const struct secondment_entry *e,
			const char *booked, int64_t delta_h, int64_t delta_km, int64_t corrects,
			const char *note, const struct secondment_actor *who, int64_t *id,
			struct samen_err *err)
{
	char from[11], to[11], now[21];
	date_format(e->from, from);
	date_format(e->to, to);
	audit_now(now);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "INSERT INTO secondment_hours (secondment_id, from_date, to_date,"
			    " booked_month, value_centihours, value_km, delta_centihours, delta_km,"
			    " corrects_id, note, created_at, created_by)"
			    " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, secondment_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	db_bind_text(st, 4, booked);
	db_bind_int(st, 5, e->centihours);
	db_bind_int(st, 6, e->km);
	db_bind_int(st, 7, delta_h);
	db_bind_int(st, 8, delta_km);
	if (corrects)
		db_bind_int(st, 9, corrects);
	else
		db_bind_null(st, 9);
	db_bind_text(st, 10, note ? note : "");
	db_bind_text(st, 11, now);
	db_bind_text(st, 12, who_name(who));
	rc = db_step(st, err);
	if (rc == 1) {
		*id = db_col_int(st, 0);
		rc = 0;
	} else if (rc == SAMEN_EEXIST && corrects) {
		rc = samen_fail_at(err, SAMEN_EEXIST, 0, "entry",
				   "entry %lld was corrected at the same time; reload and try again",
				   (long long)corrects);
	}
	db_finalize(st);
	return rc;
}

int store_secondment_hours_add(struct db *db, int64_t secondment_id,
			       const struct secondment_entry *e, const char *note,
			       secondment_schoolday_fn fn, void *ctx,
			       const struct secondment_actor *who, int64_t *entry_id,
			       struct samen_err *err)
{
	struct secondment_row row;
	int rc = store_secondment_get(db, secondment_id, &row, err);
	if (rc)
		return rc;
	if (note && strlen(note) > 250)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "note", "the note is too long");
	rc = secondment_entry_check(&row.s, e, false, fn, ctx, err);
	if (rc)
		return rc;
	char month[8], booked[8];
	ledger_month_key(e->from, month);
	rc = db_begin(db, err);
	if (rc)
		return rc;
	int64_t id = 0;
	rc = store_ledger_booking_month(db, row.s.region_id, month, false, booked, err);
	if (rc == 0)
		rc = insert_hours(db, secondment_id, e, booked, e->centihours, e->km, 0, note, who, &id,
				  err);
	if (rc == 0) {
		char detail[128], from[11], to[11];
		date_format(e->from, from);
		date_format(e->to, to);
		snprintf(detail, sizeof detail, "entry %lld: %s..%s hours=%lld.%02lld km=%lld",
			 (long long)id, from, to, (long long)(e->centihours / 100),
			 (long long)(e->centihours % 100), (long long)e->km);
		rc = audit(db, who, "secondment.hours", "secondment", secondment_id,
			   row.s.lender_board_id, detail, err);
	}
	rc = finish(db, rc, err);
	if (rc == 0 && entry_id)
		*entry_id = id;
	return rc;
}

int store_secondment_hours_correct(struct db *db, int64_t entry_id, int64_t centihours,
				   int64_t km, const char *note, secondment_schoolday_fn fn,
				   void *ctx, const struct secondment_actor *who, int64_t *new_id,
				   struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT h.secondment_id, h.from_date, h.to_date, h.value_centihours,"
			    " h.value_km, (SELECT c.id FROM secondment_hours c WHERE c.corrects_id = h.id)"
			    " FROM secondment_hours h WHERE h.id = $1",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, entry_id);
	int64_t sec = 0, old_h = 0, old_km = 0, by = 0;
	long from = 0, to = 0;
	rc = db_step(st, err);
	if (rc == 1) {
		sec = db_col_int(st, 0);
		rc = date_parse(db_col_text(st, 1), &from) || date_parse(db_col_text(st, 2), &to)
			     ? samen_fail(err, SAMEN_EINTERNAL, "bad date in hours entry %lld",
					  (long long)entry_id)
			     : 0;
		old_h = db_col_int(st, 3);
		old_km = db_col_int(st, 4);
		by = db_col_null(st, 5) ? 0 : db_col_int(st, 5);
	} else if (rc == 0) {
		rc = samen_fail_at(err, SAMEN_ENOTFOUND, 0, "entry", "no hours entry %lld",
				   (long long)entry_id);
	}
	db_finalize(st);
	if (rc)
		return rc;
	if (by)
		return samen_fail_at(err, SAMEN_EEXIST, 0, "entry",
				     "entry %lld was already corrected by entry %lld; correct that one",
				     (long long)entry_id, (long long)by);
	if (note && strlen(note) > 250)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "note", "the note is too long");
	struct secondment_row row;
	rc = store_secondment_get(db, sec, &row, err);
	if (rc)
		return rc;
	struct secondment_entry e = {from, to, centihours, km};
	rc = secondment_entry_check(&row.s, &e, true, fn, ctx, err);
	if (rc)
		return rc;
	char month[8], booked[8];
	ledger_month_key(from, month);
	rc = db_begin(db, err);
	if (rc)
		return rc;
	int64_t id = 0;
	rc = store_ledger_booking_month(db, row.s.region_id, month, true, booked, err);
	if (rc == 0)
		rc = insert_hours(db, sec, &e, booked, centihours - old_h, km - old_km, entry_id, note,
				  who, &id, err);
	if (rc == 0) {
		char detail[160];
		snprintf(detail, sizeof detail,
			 "entry %lld corrects %lld: hours %lld.%02lld -> %lld.%02lld, km %lld -> %lld,"
			 " booked in %s",
			 (long long)id, (long long)entry_id, (long long)(old_h / 100),
			 (long long)(old_h % 100), (long long)(centihours / 100),
			 (long long)(centihours % 100), (long long)old_km, (long long)km, booked);
		rc = audit(db, who, "secondment.hours_correct", "secondment", sec,
			   row.s.lender_board_id, detail, err);
	}
	rc = finish(db, rc, err);
	if (rc == 0 && new_id)
		*new_id = id;
	return rc;
}

int store_secondment_hours_list(struct db *db, int64_t secondment_id,
				struct secondment_hours_row **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT h.id, h.secondment_id, h.from_date, h.to_date, h.booked_month,"
			    " h.value_centihours, h.value_km, h.delta_centihours, h.delta_km,"
			    " COALESCE(h.corrects_id, 0),"
			    " COALESCE((SELECT c.id FROM secondment_hours c WHERE c.corrects_id = h.id), 0),"
			    " h.note, h.created_at, h.created_by"
			    " FROM secondment_hours h WHERE h.secondment_id = $1 ORDER BY h.id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, secondment_id);
	size_t cap = 0;
	struct secondment_hours_row *v = NULL;
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 32;
			void *p = realloc(v, cap * sizeof *v);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			v = p;
		}
		struct secondment_hours_row *h = &v[(*n)++];
		memset(h, 0, sizeof *h);
		h->id = db_col_int(st, 0);
		h->secondment_id = db_col_int(st, 1);
		if (date_parse(db_col_text(st, 2), &h->from) || date_parse(db_col_text(st, 3), &h->to))
			h->from = h->to = 0;
		copy(h->booked_month, sizeof h->booked_month, db_col_text(st, 4));
		h->value_centihours = db_col_int(st, 5);
		h->value_km = db_col_int(st, 6);
		h->delta_centihours = db_col_int(st, 7);
		h->delta_km = db_col_int(st, 8);
		h->corrects_id = db_col_int(st, 9);
		h->corrected_by = db_col_int(st, 10);
		copy(h->note, sizeof h->note, db_col_text(st, 11));
		copy(h->created_at, sizeof h->created_at, db_col_text(st, 12));
		copy(h->created_by, sizeof h->created_by, db_col_text(st, 13));
	}
	db_finalize(st);
	if (rc < 0) {
		free(v);
		*n = 0;
		return rc;
	}
	*out = v;
	return 0;
}

int store_secondment_hours_total(struct db *db, int64_t secondment_id, long from, long to,
				 int64_t *centihours, int64_t *km, struct samen_err *err)
{
	char a[11], b[11];
	date_format(from, a);
	date_format(to, b);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT COALESCE(SUM(delta_centihours), 0), COALESCE(SUM(delta_km), 0)"
			    " FROM secondment_hours WHERE secondment_id = $1 AND from_date >= $2"
			    " AND to_date <= $3",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, secondment_id);
	db_bind_text(st, 2, a);
	db_bind_text(st, 3, b);
	rc = db_step(st, err);
	if (rc == 1) {
		*centihours = db_col_int(st, 0);
		*km = db_col_int(st, 1);
		rc = 0;
	}
	db_finalize(st);
	return rc;
}

int store_secondment_candidates(struct db *db, int64_t board_id,
				struct secondment_candidate **out, size_t *n,
				struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT p.id, p.last_name, p.first_name, e.employee_number FROM employment e"
			    " JOIN person p ON p.id = e.person_id WHERE e.board_id = $1"
			    " ORDER BY p.last_name, p.first_name, p.id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, board_id);
	size_t cap = 0;
	struct secondment_candidate *v = NULL;
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			void *p = realloc(v, cap * sizeof *v);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			v = p;
		}
		struct secondment_candidate *c = &v[(*n)++];
		c->person_id = db_col_int(st, 0);
		snprintf(c->name, sizeof c->name, "%.95s, %.63s", db_col_text(st, 1), db_col_text(st, 2));
		copy(c->employee_number, sizeof c->employee_number, db_col_text(st, 3));
	}
	db_finalize(st);
	if (rc < 0) {
		free(v);
		*n = 0;
		return rc;
	}
	*out = v;
	return 0;
}
