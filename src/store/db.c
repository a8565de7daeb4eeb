/*
 * db.c - dispatch from the database interface to the SQLite or PostgreSQL
 * driver, plus transactions and small conveniences shared by both.
 */
#include "store/db.h"

#include <stdio.h>
#include <string.h>

bool db_target_is_pg(const char *target)
{
	return strncmp(target, "postgres://", 11) == 0 ||
	       strncmp(target, "postgresql://", 13) == 0;
}

void db_target_display(const char *target, char *out, size_t n)
{
	const char *scheme = strstr(target, "://");
	const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
	const char *colon = at ? memchr(scheme + 3, ':', (size_t)(at - scheme - 3)) : NULL;
	if (!db_target_is_pg(target) || !colon) {
		snprintf(out, n, "%s", target);
		return;
	}
	snprintf(out, n, "%.*s:***%s", (int)(colon - target), target, at);
}

int db_open(const char *target, struct db **out, struct samen_err *err)
{
	const struct db_ops *ops = db_target_is_pg(target) ? &db_pg_ops : &db_sqlite_ops;
	*out = NULL;
	int rc = ops->open(target, out, err);
	if (rc == 0) {
		(*out)->tx_depth = 0;
		(*out)->read_tx = false;
	}
	return rc;
}

void db_close(struct db *db)
{
	if (db)
		db->ops->close(db);
}

enum db_dialect db_dialect(const struct db *db)
{
	return db->dialect;
}

int db_exec(struct db *db, const char *sql, struct samen_err *err)
{
	return db->ops->exec(db, sql, err);
}

int db_begin(struct db *db, struct samen_err *err)
{
	if (db->read_tx)
		return samen_fail(err, SAMEN_EINTERNAL, "a write inside a group of reads");
	if (db->tx_depth++ > 0)
		return 0;
	int rc = db->ops->exec(db, db->dialect == DB_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN", err);
	if (rc)
		db->tx_depth = 0;
	return rc;
}

int db_commit(struct db *db, struct samen_err *err)
{
	if (db->tx_depth <= 0)
		return samen_fail(err, SAMEN_EINTERNAL, "commit without transaction");
	if (--db->tx_depth > 0)
		return 0;
	int rc = db->ops->exec(db, "COMMIT", err);
	if (rc)
		db->ops->exec(db, "ROLLBACK", NULL);
	return rc;
}

int db_rollback(struct db *db)
{
	if (db->tx_depth <= 0)
		return 0;
	db->tx_depth = 0;
	return db->ops->exec(db, "ROLLBACK", NULL);
}

int db_read_begin(struct db *db, struct samen_err *err)
{
	if (db->dialect != DB_SQLITE || db->tx_depth > 0 || db->read_tx)
		return 0;
	int rc = db->ops->exec(db, "BEGIN", err);
	db->read_tx = rc == 0;
	return rc;
}

void db_read_end(struct db *db)
{
	if (!db || !db->read_tx)
		return;
	db->read_tx = false;
	db->ops->exec(db, "COMMIT", NULL);
}

int db_bulk_load(struct db *db, bool on, struct samen_err *err)
{
	if (db->dialect != DB_SQLITE || db->tx_depth > 0)
		return 0;
	return db->ops->exec(db, on ? "PRAGMA foreign_keys=OFF; PRAGMA cache_size=-65536"
				    : "PRAGMA foreign_keys=ON; PRAGMA cache_size=-2000", err);
}

int db_prepare(struct db *db, const char *sql, struct db_stmt **out,
	       struct samen_err *err)
{
	*out = NULL;
	return db->ops->prepare(db, sql, out, err);
}

int db_bind_text(struct db_stmt *st, int idx, const char *v)
{
	if (!v)
		return st->db->ops->bind_null(st, idx);
	return st->db->ops->bind_text(st, idx, v);
}

int db_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	return st->db->ops->bind_int(st, idx, v);
}

int db_bind_double(struct db_stmt *st, int idx, double v)
{
	return st->db->ops->bind_double(st, idx, v);
}

int db_bind_null(struct db_stmt *st, int idx)
{
	return st->db->ops->bind_null(st, idx);
}

int db_step(struct db_stmt *st, struct samen_err *err)
{
	return st->db->ops->step(st, err);
}

int db_reset(struct db_stmt *st)
{
	return st->db->ops->reset(st);
}

void db_finalize(struct db_stmt *st)
{
	if (st)
		st->db->ops->finalize(st);
}

int db_col_count(struct db_stmt *st)
{
	return st->db->ops->col_count(st);
}

bool db_col_null(struct db_stmt *st, int col)
{
	return st->db->ops->col_null(st, col);
}

const char *db_col_text(struct db_stmt *st, int col)
{
	const char *s = st->db->ops->col_text(st, col);
	return s ? s : "";
}

int64_t db_col_int(struct db_stmt *st, int col)
{
	return st->db->ops->col_int(st, col);
}

double db_col_double(struct db_stmt *st, int col)
{
	return st->db->ops->col_double(st, col);
}

int64_t db_changes(struct db *db)
{
	return db->ops->changes(db);
}

int db_time_limit(struct db *db, long ms, struct samen_err *err)
{
	return db->ops->time_limit(db, ms < 0 ? 0 : ms, err);
}

int db_backup(struct db *db, const char *dest, struct samen_err *err)
{
	return db->ops->backup(db, dest, err);
}

static int prepare_bound(struct db *db, const char *sql, int nparams,
			 const char *const *params, struct db_stmt **st,
			 struct samen_err *err)
{
	int rc = db_prepare(db, sql, st, err);
	if (rc)
		return rc;
	for (int i = 0; i < nparams; i++) {
		rc = db_bind_text(*st, i + 1, params[i]);
		if (rc) {
			db_finalize(*st);
			*st = NULL;
			return samen_fail(err, rc, "cannot bind parameter %d", i + 1);
		}
	}
	return 0;
}

int db_run(struct db *db, const char *sql, int nparams, const char *const *params,
	   struct samen_err *err)
{
	struct db_stmt *st;
	int rc = prepare_bound(db, sql, nparams, params, &st, err);
	if (rc)
		return rc;
	while ((rc = db_step(st, err)) == 1)
		;
	db_finalize(st);
	return rc;
}

int db_query_int(struct db *db, const char *sql, int nparams,
		 const char *const *params, int64_t *out, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = prepare_bound(db, sql, nparams, params, &st, err);
	if (rc)
		return rc;
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
