/*
 * db.h - the one small database interface of Samen.
 *
 * A struct db is one connection to either an embedded SQLite file (the
 * default) or a PostgreSQL server (named by a postgres:// or postgresql://
 * URL). Both speak the same SQL subset with $1-style placeholders; every
 * value from outside is bound as a parameter, never spliced into SQL text.
 *
 * Values travel as text, 64-bit integers, doubles or NULL. Columns are read
 * back by index with the db_col_* functions, which convert as needed.
 *
 * Thread-safety: a connection and its statements belong to one thread at a
 * time. The web server keeps one connection per worker thread.
 */
#ifndef SAMEN_DB_H
#define SAMEN_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

enum db_dialect { DB_SQLITE = 1, DB_PG = 2 };

struct db;
struct db_stmt;

/* Driver operations; each driver file provides one table. */
struct db_ops {
	int (*open)(const char *target, struct db **out, struct samen_err *err);
	void (*close)(struct db *db);
	int (*exec)(struct db *db, const char *sql, struct samen_err *err);
	int (*prepare)(struct db *db, const char *sql, struct db_stmt **out,
		       struct samen_err *err);
	int (*bind_text)(struct db_stmt *st, int idx, const char *v);
	int (*bind_int)(struct db_stmt *st, int idx, int64_t v);
	int (*bind_double)(struct db_stmt *st, int idx, double v);
	int (*bind_null)(struct db_stmt *st, int idx);
	int (*step)(struct db_stmt *st, struct samen_err *err);
	int (*reset)(struct db_stmt *st);
	void (*finalize)(struct db_stmt *st);
	int (*col_count)(struct db_stmt *st);
	bool (*col_null)(struct db_stmt *st, int col);
	const char *(*col_text)(struct db_stmt *st, int col);
	int64_t (*col_int)(struct db_stmt *st, int col);
	double (*col_double)(struct db_stmt *st, int col);
	int64_t (*changes)(struct db *db);
	int (*backup)(struct db *db, const char *dest, struct samen_err *err);
	int (*time_limit)(struct db *db, long ms, struct samen_err *err);
};

/* Common head of every driver's connection struct. */
struct db {
	const struct db_ops *ops;
	enum db_dialect dialect;
	int tx_depth; /* nesting of db_begin; only the outermost one is real */
	bool read_tx; /* a db_read_begin group is open */
};

/* Common head of every driver's statement struct. */
struct db_stmt {
	struct db *db;
};

/*
 * Open a connection. target is a SQLite file path (created if missing) or a
 * postgres:// URL. On success *out is owned by the caller (db_close).
 * Errors: SAMEN_EDB with the driver's message.
 */
int db_open(const char *target, struct db **out, struct samen_err *err);

/* Close a connection; NULL is ignored. */
void db_close(struct db *db);

/* Which engine a connection talks to. */
enum db_dialect db_dialect(const struct db *db);

/* True when target names a PostgreSQL database rather than a SQLite file. */
bool db_target_is_pg(const char *target);

/*
 * Write target into out (n bytes) for display and logs: a postgres:// URL
 * loses its password ("postgres://user:***@host/db"); a path is unchanged.
 */
void db_target_display(const char *target, char *out, size_t n);

/* Run one or more statements without parameters (migrations, pragmas). */
int db_exec(struct db *db, const char *sql, struct samen_err *err);

/*
 * Transactions. db_begin starts a write transaction (BEGIN IMMEDIATE on
 * SQLite); nested calls only count, and the outermost commit or rollback
 * ends it. db_rollback after a failed nested call rolls back everything.
 */
int db_begin(struct db *db, struct samen_err *err);
int db_commit(struct db *db, struct samen_err *err);
int db_rollback(struct db *db);

/*
 * A group of reads that belong together (one page): on SQLite one deferred
 * read transaction, so the statements share one snapshot and take the
 * database lock once instead of once each; on PostgreSQL, or inside a
 * transaction, nothing (two more round trips would cost more than they
 * save). The group must not write. db_read_end ends it; it is a no-op
 * when no group is open. Errors of db_read_begin: those of BEGIN.
 */
int db_read_begin(struct db *db, struct samen_err *err);
void db_read_end(struct db *db);

/*
 * Bulk loads: db_bulk_load(db, true) before a load's transaction, and
 * (db, false) after it. On SQLite outside a transaction it switches this
 * connection's per-row foreign-key checks off and gives its page cache
 * 64 MiB, then restores both (checks on, the default cache). Only for a
 * writer that resolves every reference it writes itself, in the same
 * transaction: store_staff_import spent about 12% of its time checking
 * references it had just looked up, and 7% re-reading evicted pages of
 * the indexes it fills. Inside a transaction, and on PostgreSQL, it does
 * nothing (the checks stay on). Errors: those of the statement.
 */
int db_bulk_load(struct db *db, bool on, struct samen_err *err);

/*
 * Prepare a statement with $1..$N placeholders. *out is owned by the caller
 * (db_finalize). Errors: SAMEN_EDB.
 */
int db_prepare(struct db *db, const char *sql, struct db_stmt **out,
	       struct samen_err *err);

/* Bind parameter idx (1-based). Text is copied. NULL text binds SQL NULL. */
int db_bind_text(struct db_stmt *st, int idx, const char *v);
int db_bind_int(struct db_stmt *st, int idx, int64_t v);
int db_bind_double(struct db_stmt *st, int idx, double v);
int db_bind_null(struct db_stmt *st, int idx);

/*
 * Advance: returns 1 when a row is available, 0 when done, a negative code
 * on failure (SAMEN_EEXIST for a unique or foreign-key violation, SAMEN_EDB
 * otherwise).
 */
int db_step(struct db_stmt *st, struct samen_err *err);

/* Make a statement ready to run again; bindings are kept. */
int db_reset(struct db_stmt *st);

/* Free a statement; NULL is ignored. */
void db_finalize(struct db_stmt *st);

/* Read column col (0-based) of the current row. Text is borrowed until the next step. */
int db_col_count(struct db_stmt *st);
bool db_col_null(struct db_stmt *st, int col);
const char *db_col_text(struct db_stmt *st, int col); /* "" for NULL */
int64_t db_col_int(struct db_stmt *st, int col);
double db_col_double(struct db_stmt *st, int col);

/* Rows changed by the last INSERT/UPDATE/DELETE. */
int64_t db_changes(struct db *db);

/*
 * Write a consistent copy of the live database: a SQLite file at dest via
 * the online backup API, or for PostgreSQL a pg_dump archive at dest.
 */
int db_backup(struct db *db, const char *dest, struct samen_err *err);

/*
 * Limit every statement of this connection to ms milliseconds of work
 * (0: no limit). A statement over the limit fails with SAMEN_EDB ("took
 * too long") and leaves nothing behind. The web server sets this on each
 * worker's connection so one request cannot hold a worker for ever.
 */
int db_time_limit(struct db *db, long ms, struct samen_err *err);

/*
 * Convenience: run a statement with parameters given as text (NULL entries
 * bind SQL NULL) and no result rows. Returns 0 or a negative code.
 */
int db_run(struct db *db, const char *sql, int nparams, const char *const *params,
	   struct samen_err *err);

/*
 * Convenience: run a query that returns one integer (first column of the
 * first row). Returns 0 and sets *out, SAMEN_ENOTFOUND for no row.
 */
int db_query_int(struct db *db, const char *sql, int nparams,
		 const char *const *params, int64_t *out, struct samen_err *err);

extern const struct db_ops db_sqlite_ops;
extern const struct db_ops db_pg_ops;

#endif
