/*
 * migrate.c - applies the embedded numbered migrations (see migrate.h).
 */
#include "store/migrate.h"
#include "util/embedded.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_MIGRATIONS 256

static int ensure_table(struct db *db, struct samen_err *err)
{
	return db_exec(db,
		       "CREATE TABLE IF NOT EXISTS schema_migrations ("
		       " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
		       " applied_at TEXT NOT NULL)",
		       err);
}

int migrate_version(struct db *db, int *version, struct samen_err *err)
{
	int rc = ensure_table(db, err);
	if (rc)
		return rc;
	int64_t v = 0;
	rc = db_query_int(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
			  0, NULL, &v, err);
	*version = (int)v;
	return rc;
}

static int migrate_pending(struct db *db, const struct embedded_file *const *list, size_t n,
			   size_t plen, int *applied, struct samen_err *err);

static int cmp_name(const void *a, const void *b)
{
	const struct embedded_file *const *x = a, *const *y = b;
	return strcmp((*x)->name, (*y)->name);
}

int migrate_apply(struct db *db, int *applied, struct samen_err *err)
{
	const char *prefix = db_dialect(db) == DB_PG ? "pg/" : "sqlite/";
	size_t plen = strlen(prefix);
	const struct embedded_file *list[MAX_MIGRATIONS];
	size_t n = 0;
	for (const struct embedded_file *f = embedded_sql; f->name; f++)
		if (strncmp(f->name, prefix, plen) == 0 && n < MAX_MIGRATIONS)
			list[n++] = f;
	qsort(list, n, sizeof list[0], cmp_name);

	if (applied)
		*applied = 0;
	/*
	 * Several `samen serve` processes may start at once on one PostgreSQL
	 * database: a session-level advisory lock lets one migrate while the
	 * others wait, then find nothing left to do.
	 */
	bool pg = db_dialect(db) == DB_PG;
	if (pg) {
		int64_t ignored;
		int lrc = db_query_int(db, "SELECT 1 FROM (SELECT pg_advisory_lock(7236001)) t", 0, NULL,
				       &ignored, err);
		if (lrc)
			return lrc;
	}
	int rc = migrate_pending(db, list, n, plen, applied, err);
	if (pg) {
		int64_t ignored;
		db_query_int(db, "SELECT 1 FROM (SELECT pg_advisory_unlock(7236001)) t", 0, NULL, &ignored,
			     NULL);
	}
	return rc;
}

static int migrate_pending(struct db *db, const struct embedded_file *const *list, size_t n,
			   size_t plen, int *applied, struct samen_err *err)
{
	int rc = ensure_table(db, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		const char *base = list[i]->name + plen;
		int num = (int)strtol(base, NULL, 10);
		/*
		 * Each number is checked on its own, not against the highest one:
		 * a migration numbered below one already applied (two features
		 * developed side by side) still runs.
		 */
		char numtxt[16];
		snprintf(numtxt, sizeof numtxt, "%d", num);
		int64_t done = 0;
		const char *q[] = {numtxt};
		rc = db_query_int(db, "SELECT COUNT(*) FROM schema_migrations"
				      " WHERE version = CAST($1 AS INTEGER)", 1, q, &done, err);
		if (rc)
			return rc;
		if (done)
			continue;
		rc = db_begin(db, err);
		if (rc)
			return rc;
		rc = db_exec(db, (const char *)list[i]->data, err);
		if (rc == 0) {
			char ts[32];
			time_t now = time(NULL);
			struct tm tm;
			gmtime_r(&now, &tm);
			strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
			const char *p[] = {numtxt, base, ts};
			rc = db_run(db,
				    "INSERT INTO schema_migrations (version, name, applied_at)"
				    " VALUES (CAST($1 AS INTEGER), $2, $3)",
				    3, p, err);
		}
		if (rc) {
			db_rollback(db);
			char why[sizeof err->msg];
			snprintf(why, sizeof why, "%s", err ? err->msg : "");
			return samen_fail(err, SAMEN_EDB, "migration %s failed: %s", base, why);
		}
		rc = db_commit(db, err);
		if (rc)
			return rc;
		if (applied)
			(*applied)++;
	}
	return 0;
}
