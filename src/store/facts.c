/*
 * facts.c - provenance, figures, snapshots, vacancies, staff facts,
 * scenarios, the AOW settings table and the fact-base version (see
 * facts.h). Every write: one transaction, facts_version bumped, audited.
 */
#include "store/facts.h"
#include "store/audit.h"
#include "util/date.h"

#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOURS_PER_FTE 1659.0

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static int grow(void **arr, size_t *cap, size_t n, size_t sz, struct samen_err *err)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 16;
	void *p = realloc(*arr, nc * sz);
	if (!p)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	memset((char *)p + *cap * sz, 0, (nc - *cap) * sz);
	*arr = p;
	*cap = nc;
	return 0;
}

int facts_version_bump(struct db *db, struct samen_err *err)
{
	return db_run(db, "UPDATE facts_version SET version = version + 1 WHERE id = 1", 0, NULL, err);
}

int facts_version_key(struct db *db, char out[96], struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT (SELECT version FROM facts_version WHERE id = 1),"
		" (SELECT COUNT(*) FROM contract), (SELECT COALESCE(MAX(id), 0) FROM contract),"
		" (SELECT COUNT(*) FROM assignment), (SELECT COALESCE(MAX(id), 0) FROM assignment),"
		" (SELECT COUNT(*) FROM qualification), (SELECT COALESCE(MAX(id), 0) FROM qualification),"
		" (SELECT COUNT(*) FROM employment)",
		&st, err);
	if (rc)
		return rc;
	rc = db_step(st, err);
	if (rc == 1) {
		snprintf(out, 96, "%lld.%lld.%lld.%lld.%lld.%lld.%lld.%lld",
			 (long long)db_col_int(st, 0), (long long)db_col_int(st, 1),
			 (long long)db_col_int(st, 2), (long long)db_col_int(st, 3),
			 (long long)db_col_int(st, 4), (long long)db_col_int(st, 5),
			 (long long)db_col_int(st, 6), (long long)db_col_int(st, 7));
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail(err, SAMEN_EDB, "no facts version");
	}
	db_finalize(st);
	return rc;
}

/* ---- provenance ---------------------------------------------------- */

static int source_add(struct db *db, int64_t region_id, const char *kind, const char *name,
		      const char *licence, const char *supplier, int64_t board_id,
		      const char *detail, int64_t *id, struct samen_err *err)
{
	char now[21];
	audit_now(now);
	struct db_stmt *st;
	int rc = db_prepare(db,
		"INSERT INTO fact_source (region_id, kind, name, licence, supplier, board_id,"
		" supplied_at, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
		&st, err);
	if (rc)
		return rc;
	if (region_id)
		db_bind_int(st, 1, region_id);
	else
		db_bind_null(st, 1);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, licence ? licence : "");
	db_bind_text(st, 5, supplier ? supplier : "");
	if (board_id)
		db_bind_int(st, 6, board_id);
	else
		db_bind_null(st, 6);
	db_bind_text(st, 7, now);
	db_bind_text(st, 8, detail ? detail : "");
	rc = db_step(st, err);
	if (rc == 1) {
		*id = db_col_int(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail(err, SAMEN_EDB, "no id for the new source");
	}
	db_finalize(st);
	return rc;
}

int facts_sources(struct db *db, int64_t region_id, struct fact_source_row **out, size_t *n,
		  struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	/* The latest staff import of each board of the region, from the audit log. */
	int rc = db_prepare(db,
		"SELECT b.id, b.name, a.at, a.actor, a.detail FROM board b JOIN audit_log a"
		" ON a.id = (SELECT MAX(a2.id) FROM audit_log a2 WHERE a2.action = 'staff.import'"
		" AND a2.board_id = b.id) WHERE b.region_id = $1 ORDER BY b.name, b.id",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = grow((void **)out, &cap, *n, sizeof **out, err)) != 0)
			break;
		struct fact_source_row *s = &(*out)[(*n)++];
		copy(s->kind, sizeof s->kind, "staff");
		s->board_id = db_col_int(st, 0);
		copy(s->board_name, sizeof s->board_name, db_col_text(st, 1));
		snprintf(s->name, sizeof s->name, "staff import");
		copy(s->supplied_at, sizeof s->supplied_at, db_col_text(st, 2));
		copy(s->supplier, sizeof s->supplier, db_col_text(st, 3));
		copy(s->detail, sizeof s->detail, db_col_text(st, 4));
	}
	db_finalize(st);
	if (rc < 0)
		goto fail;
	rc = db_prepare(db,
		"SELECT s.id, s.kind, s.name, s.licence, s.supplier, COALESCE(s.board_id, 0),"
		" COALESCE(b.name, ''), s.supplied_at, s.detail, s.vastgesteld,"
		" COALESCE(s.vastgesteld_by, ''), COALESCE(s.vastgesteld_at, '')"
		" FROM fact_source s LEFT JOIN board b ON b.id = s.board_id"
		" WHERE s.region_id = $1 OR s.region_id IS NULL ORDER BY s.supplied_at DESC, s.id DESC",
		&st, err);
	if (rc)
		goto fail;
	db_bind_int(st, 1, region_id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = grow((void **)out, &cap, *n, sizeof **out, err)) != 0)
			break;
		struct fact_source_row *s = &(*out)[(*n)++];
		s->id = db_col_int(st, 0);
		copy(s->kind, sizeof s->kind, db_col_text(st, 1));
		copy(s->name, sizeof s->name, db_col_text(st, 2));
		copy(s->licence, sizeof s->licence, db_col_text(st, 3));
		copy(s->supplier, sizeof s->supplier, db_col_text(st, 4));
		s->board_id = db_col_int(st, 5);
		copy(s->board_name, sizeof s->board_name, db_col_text(st, 6));
		copy(s->supplied_at, sizeof s->supplied_at, db_col_text(st, 7));
		copy(s->detail, sizeof s->detail, db_col_text(st, 8));
		s->vastgesteld = db_col_int(st, 9) != 0;
		copy(s->vastgesteld_by, sizeof s->vastgesteld_by, db_col_text(st, 10));
		copy(s->vastgesteld_at, sizeof s->vastgesteld_at, db_col_text(st, 11));
	}
	db_finalize(st);
	if (rc >= 0)
		return 0;
fail:
	free(*out);
	*out = NULL;
	*n = 0;
	return rc;
}

/* Run an UPDATE that must touch one row, then bump the version and audit, in one transaction. */
static int update_one(struct db *db, const char *sql, int nparams, const char *const *params,
		      const char *actor, const char *action, const char *object_type,
		      const char *object_id, struct samen_err *err)
{
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_run(db, sql, nparams, params, err);
	if (rc == 0 && db_changes(db) != 1)
		rc = samen_fail(err, SAMEN_ENOTFOUND, "no such %s in this region", object_type);
	if (rc == 0)
		rc = facts_version_bump(db, err);
	if (rc == 0)
		rc = audit_add(db, 0, actor, action, object_type, object_id, 0, "", err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int facts_source_vaststellen(struct db *db, int64_t region_id, int64_t source_id,
			     const char *actor, struct samen_err *err)
{
	char now[21], rid[24], sid[24];
	audit_now(now);
	snprintf(rid, sizeof rid, "%lld", (long long)region_id);
	snprintf(sid, sizeof sid, "%lld", (long long)source_id);
	const char *p[] = {actor, now, sid, rid};
	return update_one(db,
			  "UPDATE fact_source SET vastgesteld = 1, vastgesteld_by = $1,"
			  " vastgesteld_at = $2 WHERE id = CAST($3 AS BIGINT)"
			  " AND (region_id = CAST($4 AS BIGINT) OR region_id IS NULL)",
			  4, p, actor, "facts.vaststellen", "fact_source", sid, err);
}

/* ---- figures -------------------------------------------------------- */

const char *const facts_indicators[] = {
	"headcount", "fte", "vacancies_open", "pupils", "lessons_total", "lessons_onbevoegd",
	"lessons_onderbevoegd", "leavers", "inflow", NULL,
};

bool facts_indicator_known(const char *indicator)
{
	for (size_t i = 0; indicator && facts_indicators[i]; i++)
		if (strcmp(indicator, facts_indicators[i]) == 0)
			return true;
	return false;
}

/* "2025-2026" (consecutive years) or a real date. */
static bool period_ok(const char *p)
{
	long d;
	if (!p)
		return false;
	if (date_parse(p, &d) == 0)
		return true;
	if (strlen(p) != 9 || p[4] != '-')
		return false;
	for (int i = 0; i < 9; i++)
		if (i != 4 && !isdigit((unsigned char)p[i]))
			return false;
	long a = strtol(p, NULL, 10), b = strtol(p + 5, NULL, 10);
	return b == a + 1 && a >= 1990 && a <= 2100;
}

/* Is there a row for the query with the bound id(s)? */
static int exists(struct db *db, const char *sql, int64_t a, int64_t b, const char *t,
		  bool *yes, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	if (t)
		db_bind_text(st, 1, t);
	else
		db_bind_int(st, 1, a);
	if (b)
		db_bind_int(st, 2, b);
	rc = db_step(st, err);
	db_finalize(st);
	if (rc < 0)
		return rc;
	*yes = rc == 1;
	return 0;
}

static int check_org(struct db *db, int64_t region_id, int64_t board_id, int64_t school_id,
		     const char *subject, struct samen_err *err)
{
	bool ok;
	int rc;
	if (board_id) {
		rc = exists(db, "SELECT 1 FROM board WHERE id = $1 AND region_id = $2", board_id,
			    region_id, NULL, &ok, err);
		if (rc)
			return rc;
		if (!ok)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "board", "no such board in this region");
	}
	if (school_id) {
		rc = exists(db, "SELECT 1 FROM school s JOIN board b ON b.id = s.board_id WHERE s.id = $1"
				" AND b.region_id = $2", school_id, region_id, NULL, &ok, err);
		if (rc)
			return rc;
		if (!ok)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "school", "no such school in this region");
		if (board_id) {
			rc = exists(db, "SELECT 1 FROM school WHERE id = $1 AND board_id = $2", school_id,
				    board_id, NULL, &ok, err);
			if (rc)
				return rc;
			if (!ok)
				return samen_fail_at(err, SAMEN_EINVAL, 0, "school",
						     "the school does not belong to the board");
		}
	}
	if (subject && *subject) {
		rc = exists(db, "SELECT 1 FROM subject WHERE code = $1", 0, 0, subject, &ok, err);
		if (rc)
			return rc;
		if (!ok)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "subject", "unknown subject '%s'", subject);
	}
	return 0;
}

static int insert_figure(struct db *db, int64_t source_id, int64_t region_id,
			 const char *indicator, int64_t board_id, int64_t school_id,
			 const char *subject, const char *period, bool unknown, double value,
			 const char *note, bool vast, const char *actor, int64_t *id,
			 struct samen_err *err)
{
	char now[21];
	audit_now(now);
	struct db_stmt *st;
	int rc = db_prepare(db,
		"INSERT INTO fact_figure (source_id, region_id, indicator, board_id, school_id,"
		" subject_code, period, value, note, vastgesteld, vastgesteld_by, vastgesteld_at,"
		" created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
		" $13, $14) RETURNING id",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, source_id);
	db_bind_int(st, 2, region_id);
	db_bind_text(st, 3, indicator);
	if (board_id)
		db_bind_int(st, 4, board_id);
	else
		db_bind_null(st, 4);
	if (school_id)
		db_bind_int(st, 5, school_id);
	else
		db_bind_null(st, 5);
	db_bind_text(st, 6, subject && *subject ? subject : NULL);
	db_bind_text(st, 7, period);
	if (unknown)
		db_bind_null(st, 8);
	else
		db_bind_double(st, 8, value);
	db_bind_text(st, 9, note ? note : "");
	db_bind_int(st, 10, vast ? 1 : 0);
	db_bind_text(st, 11, vast ? actor : NULL);
	db_bind_text(st, 12, vast ? now : NULL);
	db_bind_text(st, 13, actor);
	db_bind_text(st, 14, now);
	rc = db_step(st, err);
	if (rc == 1) {
		if (id)
			*id = db_col_int(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail(err, SAMEN_EDB, "no id for the new figure");
	}
	db_finalize(st);
	return rc;
}

int facts_figure_add(struct db *db, const struct fact_figure_new *f, const char *actor,
		     int64_t *id, struct samen_err *err)
{
	if (!facts_indicator_known(f->indicator))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "indicator", "unknown indicator '%s'",
				     f->indicator ? f->indicator : "");
	if (!period_ok(f->period))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "period",
				     "period must be a school year such as 2025-2026 or a date");
	if (!f->unknown && !(f->value >= 0 && isfinite(f->value)))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "value",
				     "a figure is a number >= 0, or marked unknown");
	if (!f->source_name || !*f->source_name || strlen(f->source_name) > 250)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "source",
				     "say where the figure comes from (1-250 characters)");
	if (f->note && strlen(f->note) > 250)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "note", "the note is too long");
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	int64_t src = 0;
	char detail[96];
	snprintf(detail, sizeof detail, "%s %s", f->indicator, f->period);
	rc = check_org(db, f->region_id, f->board_id, f->school_id, f->subject, err);
	if (rc == 0)
		rc = source_add(db, f->region_id, "manual", f->source_name, "", actor, f->board_id,
				detail, &src, err);
	if (rc == 0)
		rc = insert_figure(db, src, f->region_id, f->indicator, f->board_id, f->school_id,
				   f->subject, f->period, f->unknown, f->value, f->note, false, actor,
				   id, err);
	if (rc == 0)
		rc = facts_version_bump(db, err);
	if (rc == 0)
		rc = audit_add(db, 0, actor, "facts.figure_add", "fact_figure", detail, f->board_id,
			       f->source_name, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int facts_figures(struct db *db, int64_t region_id, struct fact_figure_row **out, size_t *n,
		  struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT f.id, f.source_id, COALESCE(f.board_id, 0), COALESCE(f.school_id, 0),"
		" f.indicator, COALESCE(f.subject_code, ''), f.period, f.value IS NULL,"
		" COALESCE(f.value, 0), f.note, s.kind, s.name, s.supplier, s.supplied_at,"
		" f.vastgesteld, COALESCE(f.vastgesteld_by, ''), COALESCE(f.vastgesteld_at, '')"
		" FROM fact_figure f JOIN fact_source s ON s.id = f.source_id"
		" WHERE f.region_id = $1 ORDER BY f.created_at DESC, f.id DESC",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = grow((void **)out, &cap, *n, sizeof **out, err)) != 0)
			break;
		struct fact_figure_row *f = &(*out)[(*n)++];
		f->id = db_col_int(st, 0);
		f->source_id = db_col_int(st, 1);
		f->board_id = db_col_int(st, 2);
		f->school_id = db_col_int(st, 3);
		copy(f->indicator, sizeof f->indicator, db_col_text(st, 4));
		copy(f->subject, sizeof f->subject, db_col_text(st, 5));
		copy(f->period, sizeof f->period, db_col_text(st, 6));
		f->unknown = db_col_int(st, 7) != 0;
		f->value = db_col_double(st, 8);
		copy(f->note, sizeof f->note, db_col_text(st, 9));
		copy(f->source_kind, sizeof f->source_kind, db_col_text(st, 10));
		copy(f->source_name, sizeof f->source_name, db_col_text(st, 11));
		copy(f->supplier, sizeof f->supplier, db_col_text(st, 12));
		copy(f->supplied_at, sizeof f->supplied_at, db_col_text(st, 13));
		f->vastgesteld = db_col_int(st, 14) != 0;
		copy(f->vastgesteld_by, sizeof f->vastgesteld_by, db_col_text(st, 15));
		copy(f->vastgesteld_at, sizeof f->vastgesteld_at, db_col_text(st, 16));
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

int facts_figure_vaststellen(struct db *db, int64_t region_id, int64_t figure_id,
			     const char *actor, struct samen_err *err)
{
	char now[21], rid[24], fid[24];
	audit_now(now);
	snprintf(rid, sizeof rid, "%lld", (long long)region_id);
	snprintf(fid, sizeof fid, "%lld", (long long)figure_id);
	const char *p[] = {actor, now, fid, rid};
	return update_one(db,
			  "UPDATE fact_figure SET vastgesteld = 1, vastgesteld_by = $1,"
			  " vastgesteld_at = $2 WHERE id = CAST($3 AS BIGINT)"
			  " AND region_id = CAST($4 AS BIGINT)",
			  4, p, actor, "facts.vaststellen", "fact_figure", fid, err);
}

int facts_snapshot(struct db *db, int64_t region_id, const char *period,
		   const struct fact_snapshot_item *items, size_t n, const char *actor,
		   int64_t *source_id, struct samen_err *err)
{
	if (!period_ok(period))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "period",
				     "period must be a school year such as 2025-2026 or a date");
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	char detail[64];
	snprintf(detail, sizeof detail, "%zu figures, %s", n, period);
	rc = source_add(db, region_id, "snapshot", "fact base as agreed", "", actor, 0, detail,
			source_id, err);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = insert_figure(db, *source_id, region_id, items[i].indicator, items[i].board_id, 0,
				   items[i].subject, period, false, items[i].value, "", true, actor,
				   NULL, err);
	if (rc == 0) {
		char sid[24], now[21];
		audit_now(now);
		snprintf(sid, sizeof sid, "%lld", (long long)*source_id);
		const char *p[] = {actor, now, sid};
		rc = db_run(db, "UPDATE fact_source SET vastgesteld = 1, vastgesteld_by = $1,"
				" vastgesteld_at = $2 WHERE id = CAST($3 AS BIGINT)", 3, p, err);
		if (rc == 0)
			rc = facts_version_bump(db, err);
		if (rc == 0)
			rc = audit_add(db, 0, actor, "facts.snapshot", "fact_source", sid, 0, detail, err);
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* ---- vacancies ------------------------------------------------------ */

const char *const facts_fill_ways[] = {
	"intern", "regionaal", "extern", "zij_instromer", "onbevoegd", "anders", NULL,
};

static bool fill_way_known(const char *s)
{
	for (size_t i = 0; s && facts_fill_ways[i]; i++)
		if (strcmp(s, facts_fill_ways[i]) == 0)
			return true;
	return false;
}

int facts_vacancy_add(struct db *db, const struct vacancy_new *v, long today, const char *actor,
		      int64_t *id, struct samen_err *err)
{
	long opened;
	if (!v->subject || !*v->subject)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "subject", "a vacancy needs a subject");
	if (!(v->hours_per_year > 0 && v->hours_per_year <= HOURS_PER_FTE * 1.2))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "hours",
				     "hours per year must be more than 0 and at most %.0f",
				     HOURS_PER_FTE * 1.2);
	if (!v->opened_on || date_parse(v->opened_on, &opened))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "opened_on",
				     "opened_on must be a date YYYY-MM-DD");
	if (opened > today)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "opened_on",
				     "a vacancy cannot open in the future");
	if (v->note && strlen(v->note) > 250)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "note", "the note is too long");
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	int64_t region = 0;
	char bid[24];
	snprintf(bid, sizeof bid, "%lld", (long long)v->board_id);
	const char *bp[] = {bid};
	rc = db_query_int(db, "SELECT region_id FROM board WHERE id = CAST($1 AS BIGINT)", 1, bp,
			  &region, err);
	if (rc == SAMEN_ENOTFOUND)
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "board", "no such board");
	if (rc == 0)
		rc = check_org(db, region, v->board_id, v->school_id, v->subject, err);
	char now[21];
	audit_now(now);
	struct db_stmt *st = NULL;
	if (rc == 0)
		rc = db_prepare(db,
			"INSERT INTO vacancy (board_id, school_id, subject_code, hours_per_year, opened_on,"
			" status, note, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5,"
			" 'open', $6, $7, $8, $8) RETURNING id",
			&st, err);
	if (rc == 0) {
		db_bind_int(st, 1, v->board_id);
		if (v->school_id)
			db_bind_int(st, 2, v->school_id);
		else
			db_bind_null(st, 2);
		db_bind_text(st, 3, v->subject);
		db_bind_double(st, 4, v->hours_per_year);
		db_bind_text(st, 5, v->opened_on);
		db_bind_text(st, 6, v->note ? v->note : "");
		db_bind_text(st, 7, actor);
		db_bind_text(st, 8, now);
		rc = db_step(st, err);
		if (rc == 1) {
			*id = db_col_int(st, 0);
			rc = 0;
		} else if (rc == 0) {
			rc = samen_fail(err, SAMEN_EDB, "no id for the new vacancy");
		}
		db_finalize(st);
	}
	if (rc == 0)
		rc = facts_version_bump(db, err);
	if (rc == 0) {
		char vid[24];
		snprintf(vid, sizeof vid, "%lld", (long long)*id);
		rc = audit_add(db, 0, actor, "facts.vacancy_add", "vacancy", vid, v->board_id,
			       v->subject, err);
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int facts_vacancy_close(struct db *db, int64_t board_id, int64_t id, const char *status,
			const char *how, const char *on, long today, const char *actor,
			struct samen_err *err)
{
	bool filled = status && strcmp(status, "filled") == 0;
	if (!filled && !(status && strcmp(status, "withdrawn") == 0))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "status",
				     "status must be filled or withdrawn");
	if (filled && !fill_way_known(how))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "how",
				     "how must be one of intern, regionaal, extern, zij_instromer, "
				     "onbevoegd, anders");
	long d;
	if (!on || date_parse(on, &d))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "closed_on", "closed_on must be a date");
	if (d > today)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "closed_on", "closed_on is in the future");
	char vid[24], bid[24], now[21];
	audit_now(now);
	snprintf(vid, sizeof vid, "%lld", (long long)id);
	snprintf(bid, sizeof bid, "%lld", (long long)board_id);
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	const char *p[] = {status, filled ? how : NULL, on, now, vid, bid};
	rc = db_run(db,
		    "UPDATE vacancy SET status = $1, filled_how = $2, closed_on = $3, updated_at = $4"
		    " WHERE id = CAST($5 AS BIGINT) AND board_id = CAST($6 AS BIGINT)"
		    " AND status = 'open' AND opened_on <= $3",
		    6, p, err);
	if (rc == 0 && db_changes(db) != 1)
		rc = samen_fail(err, SAMEN_ENOTFOUND,
				"no open vacancy %lld of this board opened on or before %s",
				(long long)id, on);
	if (rc == 0)
		rc = facts_version_bump(db, err);
	if (rc == 0)
		rc = audit_add(db, 0, actor, "facts.vacancy_close", "vacancy", vid, board_id, status,
			       err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int facts_vacancies(struct db *db, int64_t region_id, int64_t board_id, struct vacancy_row **out,
		    size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT v.id, v.board_id, COALESCE(v.school_id, 0), b.name, COALESCE(s.name, ''),"
		" v.subject_code, v.opened_on, COALESCE(v.closed_on, ''), v.status,"
		" COALESCE(v.filled_how, ''), v.hours_per_year, v.note, v.created_by, v.updated_at"
		" FROM vacancy v JOIN board b ON b.id = v.board_id LEFT JOIN school s ON s.id = v.school_id"
		" WHERE b.region_id = $1 AND ($2 = 0 OR v.board_id = $2)"
		" ORDER BY CASE v.status WHEN 'open' THEN 0 ELSE 1 END, v.opened_on, v.id",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_int(st, 2, board_id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = grow((void **)out, &cap, *n, sizeof **out, err)) != 0)
			break;
		struct vacancy_row *v = &(*out)[(*n)++];
		v->id = db_col_int(st, 0);
		v->board_id = db_col_int(st, 1);
		v->school_id = db_col_int(st, 2);
		copy(v->board_name, sizeof v->board_name, db_col_text(st, 3));
		copy(v->school_name, sizeof v->school_name, db_col_text(st, 4));
		copy(v->subject, sizeof v->subject, db_col_text(st, 5));
		copy(v->opened_on, sizeof v->opened_on, db_col_text(st, 6));
		copy(v->closed_on, sizeof v->closed_on, db_col_text(st, 7));
		copy(v->status, sizeof v->status, db_col_text(st, 8));
		copy(v->filled_how, sizeof v->filled_how, db_col_text(st, 9));
		v->hours_per_year = db_col_double(st, 10);
		copy(v->note, sizeof v->note, db_col_text(st, 11));
		copy(v->created_by, sizeof v->created_by, db_col_text(st, 12));
		copy(v->updated_at, sizeof v->updated_at, db_col_text(st, 13));
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

/* ---- staff facts ------------------------------------------------------ */

int facts_staff_set(struct db *db, int64_t board_id, int64_t employment_id, double extra_hours,
		    bool starter, bool zij_instromer, const char *actor, struct samen_err *err)
{
	if (!(extra_hours >= 0 && extra_hours <= HOURS_PER_FTE))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "extra_hours",
				     "extra hours wanted must be between 0 and 1659 a year");
	char now[21], eid[24], bid[24], hours[32];
	audit_now(now);
	snprintf(eid, sizeof eid, "%lld", (long long)employment_id);
	snprintf(bid, sizeof bid, "%lld", (long long)board_id);
	snprintf(hours, sizeof hours, "%.6f", extra_hours);
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	int64_t found = 0;
	const char *q[] = {eid, bid};
	rc = db_query_int(db, "SELECT COUNT(*) FROM employment WHERE id = CAST($1 AS BIGINT)"
			      " AND board_id = CAST($2 AS BIGINT)", 2, q, &found, err);
	if (rc == 0 && !found)
		rc = samen_fail(err, SAMEN_ENOTFOUND, "no such employment at this board");
	if (rc == 0) {
		const char *p[] = {eid, hours, starter ? "1" : "0", zij_instromer ? "1" : "0", actor, now};
		rc = db_run(db,
			    "INSERT INTO staff_fact (employment_id, extra_hours_wanted, starter,"
			    " zij_instromer, updated_by, updated_at) VALUES (CAST($1 AS BIGINT),"
			    " CAST($2 AS DOUBLE PRECISION), CAST($3 AS INTEGER), CAST($4 AS INTEGER), $5, $6)"
			    " ON CONFLICT (employment_id) DO UPDATE SET extra_hours_wanted ="
			    " excluded.extra_hours_wanted, starter = excluded.starter, zij_instromer ="
			    " excluded.zij_instromer, updated_by = excluded.updated_by, updated_at ="
			    " excluded.updated_at",
			    6, p, err);
	}
	if (rc == 0)
		rc = facts_version_bump(db, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* ---- scenarios -------------------------------------------------------- */

char *facts_params_json(const struct fc_params *p)
{
	size_t n;
	const struct fc_param_info *info = forecast_param_info(&n);
	json_t *o = json_object();
	for (size_t i = 0; i < n; i++)
		json_object_set_new(o, info[i].name, json_real(forecast_param_get(p, info[i].name)));
	json_object_set_new(o, "seed", json_integer((json_int_t)p->seed));
	char *s = json_dumps(o, JSON_SORT_KEYS | JSON_COMPACT);
	json_decref(o);
	return s;
}

int facts_params_from_json(const char *text, struct fc_params *p, struct samen_err *err)
{
	forecast_defaults(p);
	json_error_t je;
	json_t *o = json_loads(text ? text : "", JSON_REJECT_DUPLICATES, &je);
	if (!o || !json_is_object(o)) {
		json_decref(o);
		return samen_fail_at(err, SAMEN_EINVAL, 0, "params", "parameters must be a JSON object");
	}
	const char *key;
	json_t *v;
	int rc = 0;
	json_object_foreach(o, key, v) {
		char num[64];
		if (json_is_integer(v))
			snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
		else if (json_is_real(v))
			snprintf(num, sizeof num, "%.17g", json_real_value(v));
		else if (json_is_string(v))
			snprintf(num, sizeof num, "%s", json_string_value(v));
		else {
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, key, "%s must be a number", key);
			break;
		}
		if ((rc = forecast_param_set(p, key, num, err)) != 0)
			break;
	}
	json_decref(o);
	return rc;
}

static bool name_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > 63)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!isalnum(c) && c != ' ' && c != '-' && c != '_' && c != '.')
			return false;
	}
	return true;
}

int facts_scenario_save(struct db *db, int64_t region_id, const char *name,
			const struct fc_params *params, const char *note, const char *actor,
			struct samen_err *err)
{
	if (!name_ok(name))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "name",
				     "a scenario name has 1-63 letters, digits, spaces, '-', '_' or '.'");
	if (note && strlen(note) > 250)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "note", "the note is too long");
	int rc = forecast_params_validate(params, err);
	if (rc)
		return rc;
	char *json = facts_params_json(params);
	if (!json)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	char now[21], rid[24];
	audit_now(now);
	snprintf(rid, sizeof rid, "%lld", (long long)region_id);
	rc = db_begin(db, err);
	if (rc == 0) {
		const char *p[] = {rid, name, json, note ? note : "", actor, now};
		rc = db_run(db,
			    "INSERT INTO forecast_scenario (region_id, name, params, note, created_by,"
			    " created_at, updated_at) VALUES (CAST($1 AS BIGINT), $2, $3, $4, $5, $6, $6)"
			    " ON CONFLICT (region_id, name) DO UPDATE SET params = excluded.params,"
			    " note = excluded.note, updated_at = excluded.updated_at",
			    6, p, err);
		if (rc == 0)
			rc = facts_version_bump(db, err);
		if (rc == 0)
			rc = audit_add(db, 0, actor, "facts.scenario_save", "forecast_scenario", name, 0,
				       json, err);
		if (rc)
			db_rollback(db);
		else
			rc = db_commit(db, err);
	}
	free(json);
	return rc;
}

static int read_scenarios(struct db *db, int64_t region_id, const char *name,
			  struct scenario_row **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
		name ? "SELECT id, name, note, created_by, updated_at, params FROM forecast_scenario"
		       " WHERE region_id = $1 AND name = $2"
		     : "SELECT id, name, note, created_by, updated_at, params FROM forecast_scenario"
		       " WHERE region_id = $1 ORDER BY name",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	if (name)
		db_bind_text(st, 2, name);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = grow((void **)out, &cap, *n, sizeof **out, err)) != 0)
			break;
		struct scenario_row *s = &(*out)[(*n)++];
		s->id = db_col_int(st, 0);
		copy(s->name, sizeof s->name, db_col_text(st, 1));
		copy(s->note, sizeof s->note, db_col_text(st, 2));
		copy(s->created_by, sizeof s->created_by, db_col_text(st, 3));
		copy(s->updated_at, sizeof s->updated_at, db_col_text(st, 4));
		if ((rc = facts_params_from_json(db_col_text(st, 5), &s->params, err)) != 0)
			break;
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

int facts_scenarios(struct db *db, int64_t region_id, struct scenario_row **out, size_t *n,
		    struct samen_err *err)
{
	return read_scenarios(db, region_id, NULL, out, n, err);
}

int facts_scenario_get(struct db *db, int64_t region_id, const char *name,
		       struct scenario_row *out, struct samen_err *err)
{
	struct scenario_row *rows;
	size_t n;
	int rc = read_scenarios(db, region_id, name ? name : "", &rows, &n, err);
	if (rc)
		return rc;
	if (n == 0) {
		free(rows);
		return samen_fail_at(err, SAMEN_ENOTFOUND, 0, "scenario", "no scenario named '%s'",
				     name ? name : "");
	}
	*out = rows[0];
	free(rows);
	return 0;
}

/* ---- the AOW table ------------------------------------------------------ */

int facts_pension_rows(struct db *db, struct pension_row **rows, size_t *n, char **strings,
		       struct samen_err *err)
{
	*rows = NULL;
	*n = 0;
	*strings = NULL;
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT COALESCE(born_from, ''), COALESCE(born_to, ''), years, months, is_law, source"
		" FROM pension_age_setting ORDER BY COALESCE(born_from, '0000'), id",
		&st, err);
	if (rc)
		return rc;
	size_t cap = 0, slen = 0, scap = 0;
	size_t *offs = NULL;
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = grow((void **)rows, &cap, *n, sizeof **rows, err)) != 0)
			break;
		size_t ocap = cap;
		size_t *no = realloc(offs, ocap * sizeof *no);
		if (!no) {
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			break;
		}
		offs = no;
		struct pension_row *r = &(*rows)[*n];
		const char *from = db_col_text(st, 0), *to = db_col_text(st, 1);
		if (*from ? date_parse(from, &r->born_from) : (r->born_from = PENSION_OPEN_FROM, 0)) {
			rc = samen_fail_at(err, SAMEN_EINVAL, (long)*n + 1, "born_from", "not a date");
			break;
		}
		if (*to ? date_parse(to, &r->born_to) : (r->born_to = PENSION_OPEN_TO, 0)) {
			rc = samen_fail_at(err, SAMEN_EINVAL, (long)*n + 1, "born_to", "not a date");
			break;
		}
		r->years = (int)db_col_int(st, 2);
		r->months = (int)db_col_int(st, 3);
		r->is_law = db_col_int(st, 4) != 0;
		const char *src = db_col_text(st, 5);
		size_t l = strlen(src) + 1;
		if (slen + l > scap) {
			size_t nc = scap ? scap * 2 : 1024;
			while (nc < slen + l)
				nc *= 2;
			char *ns = realloc(*strings, nc);
			if (!ns) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			*strings = ns;
			scap = nc;
		}
		memcpy(*strings + slen, src, l);
		offs[*n] = slen;
		slen += l;
		(*n)++;
	}
	db_finalize(st);
	if (rc >= 0 && *n > 0) {
		for (size_t i = 0; i < *n; i++)
			(*rows)[i].source = *strings + offs[i];
		rc = pension_age_validate(*rows, *n, err);
	}
	free(offs);
	if (rc < 0) {
		free(*rows);
		free(*strings);
		*rows = NULL;
		*strings = NULL;
		*n = 0;
		return rc;
	}
	if (*n == 0) {
		size_t dn;
		const struct pension_row *d = pension_age_defaults(&dn);
		*rows = malloc(dn * sizeof **rows);
		if (!*rows)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		memcpy(*rows, d, dn * sizeof **rows);
		*n = dn;
	}
	return 0;
}
