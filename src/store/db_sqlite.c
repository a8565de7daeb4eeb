/*
 * db_sqlite.c - the SQLite driver of the database interface (see db.h).
 *
 * Connections run in WAL mode with foreign keys on and a busy timeout, so
 * several server threads (each with its own connection) and a command-line
 * process can share one file. $N placeholders are rewritten to SQLite's ?N
 * form at prepare time, outside string literals, so binding is by index.
 */
#include "store/db.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SQ_CACHE 32 /* prepared statements kept per connection for reuse */

struct sq_db {
	struct db base;
	sqlite3 *h;
	/*
	 * Finalized statements are kept here (reset, bindings cleared) and
	 * handed out again for the same SQL text: the web server runs the
	 * same few queries on every request, and parsing them is not free.
	 */
	sqlite3_stmt *cache[SQ_CACHE];
	unsigned long cache_age[SQ_CACHE];
	unsigned long clock;
	long limit_ms;            /* per-statement time limit, 0 = none */
	struct timespec deadline; /* when the running statement must stop */
};

struct sq_stmt {
	struct db_stmt base;
	sqlite3_stmt *s;
	int done;    /* stepped to SQLITE_DONE, next step returns 0 without rerun */
	int started; /* stepped since the last reset */
};

#define SQ(db) ((struct sq_db *)(db))
#define SQS(st) ((struct sq_stmt *)(st))

static int sq_error(sqlite3 *h, int rc, struct samen_err *err)
{
	int prim = rc & 0xff;
	if (prim == SQLITE_INTERRUPT)
		return samen_fail(err, SAMEN_EDB, "the database statement took too long and was stopped");
	if (prim == SQLITE_CONSTRAINT) {
		int ext = rc;
		if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY ||
		    ext == SQLITE_CONSTRAINT_FOREIGNKEY)
			return samen_fail(err, SAMEN_EEXIST, "%s", sqlite3_errmsg(h));
		return samen_fail(err, SAMEN_EINVAL, "%s", sqlite3_errmsg(h));
	}
	return samen_fail(err, SAMEN_EDB, "sqlite: %s", sqlite3_errmsg(h));
}

static int sq_exec(struct db *db, const char *sql, struct samen_err *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(SQ(db)->h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		int code = sq_error(SQ(db)->h, sqlite3_extended_errcode(SQ(db)->h), err);
		sqlite3_free(msg);
		return code;
	}
	return 0;
}

/*
 * SQLite's memory statistics take one global mutex on every allocation,
 * which makes server threads queue on each other; Samen does not read them.
 */
static pthread_once_t config_once = PTHREAD_ONCE_INIT;

static void sq_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static int sq_open(const char *target, struct db **out, struct samen_err *err)
{
	pthread_once(&config_once, sq_configure);
	struct sq_db *d = calloc(1, sizeof *d);
	if (!d)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	d->base.ops = &db_sqlite_ops;
	d->base.dialect = DB_SQLITE;
	int rc = sqlite3_open_v2(target, &d->h,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
					 SQLITE_OPEN_NOMUTEX,
				 NULL);
	if (rc != SQLITE_OK) {
		samen_fail(err, SAMEN_EDB, "cannot open database %s: %s", target,
			   d->h ? sqlite3_errmsg(d->h) : "out of memory");
		sqlite3_close(d->h);
		free(d);
		return SAMEN_EDB;
	}
	sqlite3_extended_result_codes(d->h, 1);
	sqlite3_busy_timeout(d->h, 10000);
	rc = sq_exec(&d->base,
		     "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"
		     "PRAGMA synchronous=NORMAL;",
		     err);
	if (rc) {
		sqlite3_close(d->h);
		free(d);
		return rc;
	}
	*out = &d->base;
	return 0;
}

static void sq_close(struct db *db)
{
	for (int i = 0; i < SQ_CACHE; i++)
		sqlite3_finalize(SQ(db)->cache[i]);
	sqlite3_close(SQ(db)->h);
	free(db);
}

/* Take a cached statement with exactly this (rewritten) SQL text, or NULL. */
static sqlite3_stmt *cache_take(struct sq_db *d, const char *sql)
{
	for (int i = 0; i < SQ_CACHE; i++) {
		if (d->cache[i] && strcmp(sqlite3_sql(d->cache[i]), sql) == 0) {
			sqlite3_stmt *s = d->cache[i];
			d->cache[i] = NULL;
			return s;
		}
	}
	return NULL;
}

/* Keep a statement for reuse, evicting the least recently kept one. */
static void cache_put(struct sq_db *d, sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	int slot = 0;
	for (int i = 0; i < SQ_CACHE; i++) {
		if (!d->cache[i]) {
			slot = i;
			break;
		}
		if (d->cache_age[i] < d->cache_age[slot])
			slot = i;
	}
	sqlite3_finalize(d->cache[slot]);
	d->cache[slot] = s;
	d->cache_age[slot] = ++d->clock;
}

/* Copy sql, turning $N placeholders outside quotes into ?N. */
static char *rewrite_placeholders(const char *sql)
{
	size_t n = strlen(sql);
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	char quote = 0;
	for (size_t i = 0; i <= n; i++) {
		char c = sql[i];
		if (quote) {
			if (c == quote)
				quote = 0;
		} else if (c == '\'' || c == '"') {
			quote = c;
		} else if (c == '$' && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
			c = '?';
		}
		out[i] = c;
	}
	return out;
}

static int sq_prepare(struct db *db, const char *sql, struct db_stmt **out,
		      struct samen_err *err)
{
	struct sq_stmt *st = calloc(1, sizeof *st);
	char *q = rewrite_placeholders(sql);
	if (!st || !q) {
		free(st);
		free(q);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	st->s = cache_take(SQ(db), q);
	int rc = st->s ? SQLITE_OK : sqlite3_prepare_v2(SQ(db)->h, q, -1, &st->s, NULL);
	free(q);
	if (rc != SQLITE_OK) {
		free(st);
		return samen_fail(err, SAMEN_EDB, "sqlite prepare: %s",
				  sqlite3_errmsg(SQ(db)->h));
	}
	st->base.db = db;
	*out = &st->base;
	return 0;
}

static int bind_rc(int rc)
{
	return rc == SQLITE_OK ? 0 : SAMEN_EDB;
}

static int sq_bind_text(struct db_stmt *st, int idx, const char *v)
{
	return bind_rc(sqlite3_bind_text(SQS(st)->s, idx, v, -1, SQLITE_TRANSIENT));
}

static int sq_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	return bind_rc(sqlite3_bind_int64(SQS(st)->s, idx, v));
}

static int sq_bind_double(struct db_stmt *st, int idx, double v)
{
	return bind_rc(sqlite3_bind_double(SQS(st)->s, idx, v));
}

static int sq_bind_null(struct db_stmt *st, int idx)
{
	return bind_rc(sqlite3_bind_null(SQS(st)->s, idx));
}

/* Progress handler: stop the running statement once its deadline has passed. */
static int sq_progress(void *p)
{
	struct sq_db *d = p;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > d->deadline.tv_sec ||
	       (now.tv_sec == d->deadline.tv_sec && now.tv_nsec > d->deadline.tv_nsec);
}

static int sq_time_limit(struct db *db, long ms, struct samen_err *err)
{
	struct sq_db *d = SQ(db);
	d->limit_ms = ms;
	/* Checked every 10,000 virtual-machine steps: cheap, and fine-grained enough. */
	sqlite3_progress_handler(d->h, ms > 0 ? 10000 : 0, ms > 0 ? sq_progress : NULL, d);
	return 0;
}

static int sq_step(struct db_stmt *st, struct samen_err *err)
{
	struct sq_stmt *s = SQS(st);
	if (s->done)
		return 0;
	struct sq_db *d = SQ(st->db);
	if (!s->started && d->limit_ms > 0) {
		clock_gettime(CLOCK_MONOTONIC, &d->deadline);
		d->deadline.tv_sec += d->limit_ms / 1000;
		d->deadline.tv_nsec += (d->limit_ms % 1000) * 1000000L;
		if (d->deadline.tv_nsec >= 1000000000L) {
			d->deadline.tv_sec++;
			d->deadline.tv_nsec -= 1000000000L;
		}
	}
	s->started = 1;
	int rc = sqlite3_step(s->s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE) {
		s->done = 1;
		return 0;
	}
	sqlite3 *h = SQ(st->db)->h;
	int code = sq_error(h, sqlite3_extended_errcode(h), err);
	sqlite3_reset(s->s);
	return code;
}

static int sq_reset(struct db_stmt *st)
{
	SQS(st)->done = 0;
	SQS(st)->started = 0;
	sqlite3_reset(SQS(st)->s);
	return 0;
}

static void sq_finalize(struct db_stmt *st)
{
	/* Statements of a single command (db_exec) and empty ones are not kept. */
	if (SQS(st)->s)
		cache_put(SQ(st->db), SQS(st)->s);
	free(st);
}

static int sq_col_count(struct db_stmt *st)
{
	return sqlite3_column_count(SQS(st)->s);
}

static bool sq_col_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(SQS(st)->s, col) == SQLITE_NULL;
}

static const char *sq_col_text(struct db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(SQS(st)->s, col);
}

static int64_t sq_col_int(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(SQS(st)->s, col);
}

static double sq_col_double(struct db_stmt *st, int col)
{
	return sqlite3_column_double(SQS(st)->s, col);
}

static int64_t sq_changes(struct db *db)
{
	return sqlite3_changes64(SQ(db)->h);
}

static int sq_backup(struct db *db, const char *dest, struct samen_err *err)
{
	sqlite3 *to = NULL;
	int rc = sqlite3_open(dest, &to);
	if (rc != SQLITE_OK) {
		samen_fail(err, SAMEN_EIO, "cannot create %s: %s", dest,
			   to ? sqlite3_errmsg(to) : "out of memory");
		sqlite3_close(to);
		return SAMEN_EIO;
	}
	sqlite3_backup *b = sqlite3_backup_init(to, "main", SQ(db)->h, "main");
	if (!b) {
		samen_fail(err, SAMEN_EDB, "backup: %s", sqlite3_errmsg(to));
		sqlite3_close(to);
		return SAMEN_EDB;
	}
	/* Copy in steps so writers are not blocked for the whole copy. */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	int out = 0;
	if (rc != SQLITE_DONE)
		out = samen_fail(err, SAMEN_EDB, "backup failed: %s", sqlite3_errmsg(to));
	sqlite3_close(to);
	return out;
}

const struct db_ops db_sqlite_ops = {
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.bind_text = sq_bind_text,
	.bind_int = sq_bind_int,
	.bind_double = sq_bind_double,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.reset = sq_reset,
	.finalize = sq_finalize,
	.col_count = sq_col_count,
	.col_null = sq_col_null,
	.col_text = sq_col_text,
	.col_int = sq_col_int,
	.col_double = sq_col_double,
	.changes = sq_changes,
	.backup = sq_backup,
	.time_limit = sq_time_limit,
};
