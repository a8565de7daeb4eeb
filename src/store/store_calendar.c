/*
 * store_calendar.c - school holidays and busy periods in the database (see
 * store_calendar.h). SQL text is constant; every value is bound.
 */
#include "store/store_calendar.h"
#include "util/vec.h"
#include "store/audit.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

/* ---- reference data ----------------------------------------------------------- */

int store_calendar_refdata(struct db *db, struct samen_err *err)
{
	struct calendar c;
	calendar_init(&c);
	int rc = calendar_load_embedded(&c, err);
	struct db_stmt *st = NULL;
	if (rc == 0)
		rc = db_prepare(db,
				"INSERT INTO school_holiday (school_year, region, kind, start_date, end_date,"
				" source, updated_at) VALUES ($1, $2, $3, $4, $5, 'samen', $6)"
				" ON CONFLICT (school_year, region, kind) DO UPDATE SET"
				" start_date = excluded.start_date, end_date = excluded.end_date,"
				" updated_at = excluded.updated_at"
				" WHERE school_holiday.source = 'samen'"
				" AND (school_holiday.start_date <> excluded.start_date"
				" OR school_holiday.end_date <> excluded.end_date)",
				&st, err);
	char now[21];
	audit_now(now);
	for (size_t i = 0; rc == 0 && i < c.n_holidays; i++) {
		const struct cal_holiday *h = &c.holidays[i];
		char sy[10], a[11], b[11];
		calendar_school_year_text(h->school_year, sy);
		date_format(h->start, a);
		date_format(h->end, b);
		db_reset(st);
		db_bind_text(st, 1, sy);
		db_bind_text(st, 2, calendar_region_name(h->region));
		db_bind_text(st, 3, calendar_kind_name(h->kind));
		db_bind_text(st, 4, a);
		db_bind_text(st, 5, b);
		db_bind_text(st, 6, now);
		int s = db_step(st, err);
		if (s < 0)
			rc = s;
	}
	db_finalize(st);
	calendar_release(&c);
	return rc;
}

/* ---- loading a calendar ----------------------------------------------------------- */

/* Read one school_holiday row (school_year, region, kind, start, end) into h. */
static int holiday_from_row(struct db_stmt *st, int col, struct cal_holiday *h,
			    struct samen_err *err)
{
	memset(h, 0, sizeof *h);
	if (calendar_school_year_parse(db_col_text(st, col), &h->school_year) ||
	    calendar_region_parse(db_col_text(st, col + 1), &h->region, 0, NULL) ||
	    calendar_kind_parse(db_col_text(st, col + 2), &h->kind) ||
	    date_parse(db_col_text(st, col + 3), &h->start) ||
	    date_parse(db_col_text(st, col + 4), &h->end))
		return samen_fail(err, SAMEN_EDB, "school_holiday holds a row Samen cannot read");
	return 0;
}

int store_calendar_load_holidays(struct db *db, struct calendar *c, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT school_year, region, kind, start_date, end_date FROM school_holiday"
			    " ORDER BY start_date, region, kind",
			    &st, err);
	if (rc)
		return rc;
	int first = 0, last = 0;
	while ((rc = db_step(st, err)) == 1) {
		struct cal_holiday h;
		if ((rc = holiday_from_row(st, 0, &h, err)) != 0 ||
		    (rc = calendar_add_holiday(c, &h, 0, err)) != 0)
			break;
		if (!first || h.school_year < first)
			first = h.school_year;
		if (h.school_year + 1 > last)
			last = h.school_year + 1;
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (!first)
		return 0;
	return calendar_add_nationals(c, first, last, err);
}

int store_calendar_load_busy(struct db *db, struct calendar *c, const int64_t *school_ids,
			     size_t n, long from, long to, struct samen_err *err)
{
	if (n == 0)
		return 0;
	char a[11], b[11];
	date_format(from, a);
	date_format(to, b);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT id, school_id, kind, name, start_date, end_date FROM busy_period"
			    " WHERE school_id = $1 AND end_date >= $2 AND start_date <= $3"
			    " ORDER BY start_date, id",
			    &st, err);
	if (rc)
		return rc;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		db_reset(st);
		db_bind_int(st, 1, school_ids[i]);
		db_bind_text(st, 2, a);
		db_bind_text(st, 3, b);
		while ((rc = db_step(st, err)) == 1) {
			struct cal_busy bp = {0};
			bp.id = db_col_int(st, 0);
			bp.school_id = db_col_int(st, 1);
			copy(bp.name, sizeof bp.name, db_col_text(st, 3));
			if (busy_kind_parse(db_col_text(st, 2), &bp.kind, 0, NULL) ||
			    date_parse(db_col_text(st, 4), &bp.start) ||
			    date_parse(db_col_text(st, 5), &bp.end)) {
				rc = samen_fail(err, SAMEN_EDB, "busy_period %lld cannot be read",
						(long long)bp.id);
				break;
			}
			if ((rc = calendar_add_busy(c, &bp, 0, err)) != 0)
				break;
		}
		if (rc == 0 || rc == 1)
			rc = 0;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int store_calendar_for_plan(struct db *db, struct calendar *c, const struct cal_school *schools,
			    size_t n, long from, long to, struct samen_err *err)
{
	int rc = store_calendar_load_holidays(db, c, err);
	if (rc || n == 0)
		return rc;
	int64_t *ids = malloc(n * sizeof *ids);
	if (!ids)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		ids[i] = schools[i].id;
	rc = store_calendar_load_busy(db, c, ids, n, from - 14, to + 14, err);
	free(ids);
	return rc;
}

int store_calendar_schools(struct db *db, int64_t region_id, const int64_t *ids, size_t n,
			   struct cal_school **out, struct samen_err *err)
{
	*out = calloc(n ? n : 1, sizeof **out);
	if (!*out)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT s.id, s.holiday_region, s.name, b.region_id FROM school s"
			    " JOIN board b ON b.id = s.board_id WHERE s.id = $1",
			    &st, err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		for (size_t j = 0; j < i; j++)
			if (ids[j] == ids[i]) {
				rc = samen_fail_at(err, SAMEN_EINVAL, 0, "schools",
						   "school %lld is named twice", (long long)ids[i]);
				break;
			}
		if (rc)
			break;
		db_reset(st);
		db_bind_int(st, 1, ids[i]);
		int s = db_step(st, err);
		if (s < 0) {
			rc = s;
		} else if (s == 0 || (region_id > 0 && db_col_int(st, 3) != region_id)) {
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "schools",
					   "school %lld is not a school of this region", (long long)ids[i]);
		} else {
			(*out)[i].id = db_col_int(st, 0);
			copy((*out)[i].name, sizeof (*out)[i].name, db_col_text(st, 2));
			if (calendar_region_parse(db_col_text(st, 1), &(*out)[i].region, 0, err))
				rc = SAMEN_EDB;
		}
	}
	db_finalize(st);
	if (rc) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

int store_calendar_region_schools(struct db *db, int64_t region_id, struct cal_school **out,
				  size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT s.id, s.holiday_region, s.name FROM school s JOIN board b"
			    " ON b.id = s.board_id WHERE b.region_id = $1 ORDER BY s.name, s.id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&(*out), &cap, *n, sizeof *(*out), err)) != 0)
			break;
		struct cal_school *s = &(*out)[(*n)++];
		memset(s, 0, sizeof *s);
		s->id = db_col_int(st, 0);
		copy(s->name, sizeof s->name, db_col_text(st, 2));
		if (calendar_region_parse(db_col_text(st, 1), &s->region, 0, err)) {
			rc = SAMEN_EDB;
			break;
		}
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

/* ---- holidays import ---------------------------------------------------------- */

struct stored {
	struct cal_holiday h;
	int64_t id;
};

int store_calendar_import_holidays(struct db *db, const struct holidays_batch *b, bool replace,
				   const char *actor, int64_t user_id,
				   struct holidays_import_stats *st, struct samen_err *err)
{
	struct holidays_import_stats s = {0};
	struct stored *have = NULL;
	size_t n_have = 0, cap = 0;
	/* What each row does: 0 insert, 1 unchanged, 2 replace (have[idx]). */
	int *action = calloc(b->n ? b->n : 1, sizeof *action);
	size_t *target = calloc(b->n ? b->n : 1, sizeof *target);
	bool *dropped = NULL;
	struct calendar merged;
	calendar_init(&merged);
	struct db_stmt *q = NULL;
	int rc = action && target ? 0 : samen_fail(err, SAMEN_ENOMEM, "out of memory");
	if (rc == 0)
		rc = db_begin(db, err);
	if (rc)
		goto out;
	rc = db_prepare(db,
			"SELECT id, school_year, region, kind, start_date, end_date FROM school_holiday"
			" ORDER BY id",
			&q, err);
	while (rc == 0 && (rc = db_step(q, err)) == 1) {
		if ((rc = vec_grow((void **)&(have), &cap, n_have, sizeof *(have), err)) != 0)
			break;
		have[n_have].id = db_col_int(q, 0);
		if ((rc = holiday_from_row(q, 1, &have[n_have].h, err)) != 0)
			break;
		n_have++;
	}
	db_finalize(q);
	q = NULL;
	if (rc < 0)
		goto out_rollback;
	rc = 0;
	dropped = calloc(n_have ? n_have : 1, sizeof *dropped);
	if (!dropped) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out_rollback;
	}
	for (size_t i = 0; i < b->n; i++) {
		const struct holidays_row *row = &b->rows[i];
		for (size_t j = 0; j < n_have; j++) {
			const struct cal_holiday *h = &have[j].h;
			if (h->school_year != row->h.school_year || h->region != row->h.region ||
			    h->kind != row->h.kind)
				continue;
			if (h->start == row->h.start && h->end == row->h.end) {
				action[i] = 1;
			} else if (replace) {
				action[i] = 2;
				target[i] = j;
				dropped[j] = true;
			} else {
				char sy[10], a[11], e[11];
				calendar_school_year_text(h->school_year, sy);
				date_format(h->start, a);
				date_format(h->end, e);
				rc = samen_fail_at(err, SAMEN_EINVAL, row->line, "start_date",
						   "school year %s already has a %s for %s (%s to %s);"
						   " import with replace to change it",
						   sy, calendar_kind_name(h->kind),
						   calendar_region_name(h->region), a, e);
				goto out_rollback;
			}
		}
	}
	/* Stored rows that stay, then the new ones: overlaps show up here. */
	for (size_t j = 0; j < n_have; j++)
		if (!dropped[j] && (rc = calendar_add_holiday(&merged, &have[j].h, 0, err)) != 0)
			goto out_rollback;
	for (size_t i = 0; i < b->n; i++)
		if (action[i] != 1 &&
		    (rc = calendar_add_holiday(&merged, &b->rows[i].h, b->rows[i].line, err)) != 0)
			goto out_rollback;
	char now[21];
	audit_now(now);
	for (size_t i = 0; rc == 0 && i < b->n; i++) {
		const struct cal_holiday *h = &b->rows[i].h;
		char sy[10], a[11], e[11], id[24];
		calendar_school_year_text(h->school_year, sy);
		date_format(h->start, a);
		date_format(h->end, e);
		if (action[i] == 1) {
			s.unchanged++;
			continue;
		}
		if (action[i] == 2) {
			snprintf(id, sizeof id, "%lld", (long long)have[target[i]].id);
			const char *p[] = {a, e, now, id};
			rc = db_run(db,
				    "UPDATE school_holiday SET start_date = $1, end_date = $2,"
				    " source = 'import', updated_at = $3 WHERE id = CAST($4 AS INTEGER)",
				    4, p, err);
			s.replaced++;
		} else {
			const char *p[] = {sy, calendar_region_name(h->region), calendar_kind_name(h->kind),
					   a, e, now};
			rc = db_run(db,
				    "INSERT INTO school_holiday (school_year, region, kind, start_date,"
				    " end_date, source, updated_at) VALUES ($1, $2, $3, $4, $5, 'import', $6)",
				    6, p, err);
			s.added++;
		}
	}
	if (rc == 0 && (s.added || s.replaced)) {
		char detail[160];
		snprintf(detail, sizeof detail, "%zu added, %zu replaced, %zu unchanged (%s)", s.added,
			 s.replaced, s.unchanged, holidays_format_name(b->format));
		rc = audit_add(db, user_id, actor, "import", "school_holiday", "", 0, detail, err);
	}
	if (rc)
		goto out_rollback;
	rc = db_commit(db, err);
	if (rc == 0 && st)
		*st = s;
	goto out;
out_rollback:
	db_rollback(db);
out:
	calendar_release(&merged);
	free(have);
	free(dropped);
	free(action);
	free(target);
	return rc;
}

/* ---- busy periods ---------------------------------------------------------------- */

/* The board of a school (for the audit log); SAMEN_ENOTFOUND when there is no such school. */
static int school_board(struct db *db, int64_t school_id, int64_t *board, struct samen_err *err)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)school_id);
	const char *p[] = {id};
	int rc = db_query_int(db, "SELECT board_id FROM school WHERE id = CAST($1 AS INTEGER)", 1, p,
			      board, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail(err, SAMEN_ENOTFOUND, "no such school");
	return rc;
}

static int insert_busy(struct db *db, const struct cal_busy *b, const char *source,
		       const char *ics_uid, int64_t *id, struct samen_err *err)
{
	char a[11], e[11], now[21];
	date_format(b->start, a);
	date_format(b->end, e);
	audit_now(now);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "INSERT INTO busy_period (school_id, kind, name, start_date, end_date, source,"
			    " ics_uid, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, b->school_id);
	db_bind_text(st, 2, busy_kind_name(b->kind));
	db_bind_text(st, 3, b->name);
	db_bind_text(st, 4, a);
	db_bind_text(st, 5, e);
	db_bind_text(st, 6, source);
	db_bind_text(st, 7, ics_uid ? ics_uid : "");
	db_bind_text(st, 8, now);
	rc = db_step(st, err);
	if (rc == 1) {
		if (id)
			*id = db_col_int(st, 0);
		rc = 0;
	}
	db_finalize(st);
	return rc;
}

int store_busy_add(struct db *db, const struct cal_busy *b, const char *source,
		   const char *ics_uid, const char *actor, int64_t user_id, int64_t *id,
		   struct samen_err *err)
{
	int rc = calendar_busy_validate(b, 0, err);
	if (rc)
		return rc;
	if (strcmp(source, "hand") != 0 && strcmp(source, "ics") != 0 && strcmp(source, "demo") != 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "source", "unknown source of a busy period");
	int64_t board = 0, new_id = 0;
	if ((rc = db_begin(db, err)) != 0)
		return rc;
	rc = school_board(db, b->school_id, &board, err);
	if (rc == 0)
		rc = insert_busy(db, b, source, ics_uid, &new_id, err);
	if (rc == 0) {
		char obj[24], detail[200], a[11], e[11];
		snprintf(obj, sizeof obj, "%lld", (long long)new_id);
		date_format(b->start, a);
		date_format(b->end, e);
		snprintf(detail, sizeof detail, "school %lld: %s '%.95s' %s to %s",
			 (long long)b->school_id, busy_kind_name(b->kind), b->name, a, e);
		rc = audit_add(db, user_id, actor, "create", "busy_period", obj, board, detail, err);
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	rc = db_commit(db, err);
	if (rc == 0 && id)
		*id = new_id;
	return rc;
}

int store_busy_delete(struct db *db, int64_t school_id, int64_t id, const char *actor,
		      int64_t user_id, struct samen_err *err)
{
	int64_t board = 0;
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = school_board(db, school_id, &board, err);
	if (rc == 0) {
		char sid[24], bid[24];
		snprintf(sid, sizeof sid, "%lld", (long long)school_id);
		snprintf(bid, sizeof bid, "%lld", (long long)id);
		const char *p[] = {bid, sid};
		rc = db_run(db,
			    "DELETE FROM busy_period WHERE id = CAST($1 AS INTEGER)"
			    " AND school_id = CAST($2 AS INTEGER)",
			    2, p, err);
		if (rc == 0 && db_changes(db) == 0)
			rc = samen_fail(err, SAMEN_ENOTFOUND, "this school has no such busy period");
		if (rc == 0)
			rc = audit_add(db, user_id, actor, "delete", "busy_period", bid, board, sid, err);
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int store_busy_list(struct db *db, int64_t school_id, long from, long to, struct busy_row **out,
		    size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	char a[11], e[11];
	date_format(from, a);
	date_format(to, e);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT id, school_id, kind, name, start_date, end_date, source FROM busy_period"
			    " WHERE school_id = $1 AND end_date >= $2 AND start_date <= $3"
			    " ORDER BY start_date, id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	db_bind_text(st, 2, a);
	db_bind_text(st, 3, e);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&(*out), &cap, *n, sizeof *(*out), err)) != 0)
			break;
		struct busy_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->b.id = db_col_int(st, 0);
		r->b.school_id = db_col_int(st, 1);
		copy(r->b.name, sizeof r->b.name, db_col_text(st, 3));
		copy(r->source, sizeof r->source, db_col_text(st, 6));
		if (busy_kind_parse(db_col_text(st, 2), &r->b.kind, 0, NULL) ||
		    date_parse(db_col_text(st, 4), &r->b.start) ||
		    date_parse(db_col_text(st, 5), &r->b.end)) {
			rc = samen_fail(err, SAMEN_EDB, "busy_period cannot be read");
			break;
		}
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

int store_busy_import_ics(struct db *db, int64_t school_id, const struct ics_items *items,
			  const char *actor, int64_t user_id, struct busy_import_stats *st,
			  struct samen_err *err)
{
	struct busy_import_stats s = {0};
	/* Validate everything first: all or nothing. */
	for (size_t i = 0; i < items->n; i++) {
		const struct ics_item *it = &items->items[i];
		struct cal_busy b = {0};
		b.school_id = school_id;
		b.kind = busy_kind_guess(it->summary);
		copy(b.name, sizeof b.name, it->summary);
		b.start = it->start;
		b.end = it->end;
		int rc = calendar_busy_validate(&b, it->line, err);
		if (rc)
			return rc;
	}
	int64_t board = 0;
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = school_board(db, school_id, &board, err);
	struct db_stmt *find = NULL;
	if (rc == 0)
		rc = db_prepare(db,
				"SELECT id, name, start_date, end_date FROM busy_period WHERE school_id = $1"
				" AND ((ics_uid <> '' AND ics_uid = $2)"
				" OR (ics_uid = '' AND CAST($2 AS TEXT) = '' AND name = $3 AND start_date = $4"
				" AND end_date = $5))",
				&find, err);
	for (size_t i = 0; rc == 0 && i < items->n; i++) {
		const struct ics_item *it = &items->items[i];
		struct cal_busy b = {0};
		b.school_id = school_id;
		b.kind = busy_kind_guess(it->summary);
		copy(b.name, sizeof b.name, it->summary);
		b.start = it->start;
		b.end = it->end;
		char a[11], e[11];
		date_format(b.start, a);
		date_format(b.end, e);
		db_reset(find);
		db_bind_int(find, 1, school_id);
		db_bind_text(find, 2, it->uid);
		db_bind_text(find, 3, b.name);
		db_bind_text(find, 4, a);
		db_bind_text(find, 5, e);
		int f = db_step(find, err);
		if (f < 0) {
			rc = f;
		} else if (f == 0) {
			rc = insert_busy(db, &b, "ics", it->uid, NULL, err);
			s.added++;
		} else if (strcmp(db_col_text(find, 1), b.name) == 0 &&
			   strcmp(db_col_text(find, 2), a) == 0 && strcmp(db_col_text(find, 3), e) == 0) {
			s.unchanged++;
		} else {
			char id[24];
			snprintf(id, sizeof id, "%lld", (long long)db_col_int(find, 0));
			const char *p[] = {b.name, a, e, busy_kind_name(b.kind), id};
			rc = db_run(db,
				    "UPDATE busy_period SET name = $1, start_date = $2, end_date = $3,"
				    " kind = $4 WHERE id = CAST($5 AS INTEGER)",
				    5, p, err);
			s.updated++;
		}
	}
	db_finalize(find);
	if (rc == 0) {
		char detail[160], obj[24];
		snprintf(obj, sizeof obj, "%lld", (long long)school_id);
		snprintf(detail, sizeof detail, "ICS import: %zu added, %zu updated, %zu unchanged",
			 s.added, s.updated, s.unchanged);
		rc = audit_add(db, user_id, actor, "import", "busy_period", obj, board, detail, err);
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	rc = db_commit(db, err);
	if (rc == 0 && st)
		*st = s;
	return rc;
}
