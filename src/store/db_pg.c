/*
 * db_pg.c - the PostgreSQL driver of the database interface (see db.h).
 *
 * A connection is one libpq PGconn, opened from a postgres:// or
 * postgresql:// URL. At connect the session is set to client_encoding UTF8,
 * time zone UTC and client_min_messages WARNING; warnings the server still
 * sends go to the structured log instead of libpq's default stderr printer.
 *
 * Parameters travel as text with no declared type, so the server infers each
 * type from its use in the SQL exactly as for a literal (write CAST($1 AS
 * INTEGER) where it cannot). Integers are formatted with PRId64, doubles
 * with "%.17g" (round-trips every double), NULL is sent as NULL. Binding
 * copies the text into a per-parameter buffer that is reused, so a
 * reset/bind/step loop does not allocate per row. The number of parameters
 * is the highest $N found in the SQL outside literals, quoted identifiers,
 * comments and dollar quotes; unbound parameters are NULL, as in SQLite.
 *
 * A statement runs on its first db_step; the step returns its first row and
 * later steps walk the rows of the one PGresult (results are read whole, in
 * text format). db_reset drops the result, so the next step runs the
 * statement again with the bindings in force. The first run of a statement
 * goes through PQexecParams (one round trip, nothing left on the server);
 * when the same statement runs a second time it is prepared on the server
 * under a per-connection name ("samen_s<N>") and every later run uses
 * PQexecPrepared, which skips parsing and planning - the bulk import loops
 * (reset/bind/step inside one transaction) get this, one-shot queries pay
 * nothing for it. Finalizing a prepared statement queues its name; queued
 * names are DEALLOCATEd in one batch before a later command, at a moment
 * the session is not inside a failed transaction (which would refuse it).
 *
 * Results: PGRES_TUPLES_OK and PGRES_COMMAND_OK are success. db_changes
 * reports PQcmdTuples of the last INSERT, UPDATE, DELETE or MERGE (other
 * commands leave it as it was, like sqlite3_changes). Values are read with
 * PQgetvalue; db_col_int and db_col_double parse the text (strtoll, strtod;
 * "t"/"f" of a boolean read as 1/0) and db_col_null uses PQgetisnull.
 * Unlike SQLite, db_col_count is 0 until the statement has run.
 *
 * After a failed statement PostgreSQL refuses the rest of its transaction,
 * where SQLite undoes only that statement; a COMMIT of such a transaction
 * (which the server turns into ROLLBACK) is reported as SAMEN_EDB.
 *
 * Errors map by SQLSTATE: 23505 unique and 23503 foreign key violations are
 * SAMEN_EEXIST; 23514 check, 23502 not-null and class 22 (bad data) are
 * SAMEN_EINVAL; anything else is SAMEN_EDB. The message is the server's
 * primary message (its DETAIL, which echoes the offending values, is added
 * only to SAMEN_EDB messages). A connection that the server dropped is
 * reopened once at the next command outside a transaction.
 *
 * db_backup runs `pg_dump --format=custom --no-password --file DEST
 * --dbname CONNINFO` with posix_spawnp: no shell, safe in the threaded
 * server. CONNINFO is the live connection's parameters without the
 * password, which goes to pg_dump through PGPASSWORD in its environment so
 * it never shows in the process list. A failure reports pg_dump's exit
 * status and the last part of what it wrote on stderr.
 */
#include "store/db.h"
#include "util/buf.h"
#include "util/log.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define PG_MAX_PARAMS 65535  /* the protocol's limit */
#define PG_DEALLOC_BATCH 32  /* queued statement names freed in one round trip */
#define PG_NAME_LEN 32

struct pg_db {
	struct db base;
	PGconn *conn;
	int64_t changes;           /* rows of the last INSERT/UPDATE/DELETE/MERGE */
	uint64_t next_name;        /* counter for server-side statement names */
	unsigned generation;       /* bumped on reconnect: older prepared names are gone */
	char (*dealloc)[PG_NAME_LEN]; /* names waiting for DEALLOCATE */
	size_t ndealloc, dealloc_cap;
};

struct pg_param {
	char *buf;   /* owned copy of the bound text */
	size_t cap;  /* bytes allocated in buf */
	int set;     /* 1 when buf holds a value, 0 for NULL */
};

struct pg_stmt {
	struct db_stmt base;
	char *sql;
	int nparams;
	struct pg_param *params;
	const char **values;  /* nparams pointers into params[].buf or NULL */
	PGresult *res;        /* result of the current run, NULL before it */
	int row;              /* current row in res */
	int ntuples;
	unsigned runs;        /* completed runs; the second one prepares */
	char name[PG_NAME_LEN]; /* server-side name, "" when not prepared */
	unsigned name_gen;    /* connection generation the name belongs to */
};

#define PGD(db) ((struct pg_db *)(db))
#define PGS(st) ((struct pg_stmt *)(st))

/* ---- errors -------------------------------------------------------------- */

static int sqlstate_code(const char *state)
{
	if (!state)
		return SAMEN_EDB;
	if (strcmp(state, "23505") == 0 || strcmp(state, "23503") == 0)
		return SAMEN_EEXIST;
	if (strcmp(state, "23514") == 0 || strcmp(state, "23502") == 0 ||
	    strncmp(state, "22", 2) == 0)
		return SAMEN_EINVAL;
	return SAMEN_EDB;
}

/* Length of s without trailing newlines and spaces (libpq ends messages with \n). */
static int trimmed_len(const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return n > 4096 ? 4096 : (int)n;
}

/* Record the failure described by res (may be NULL) on conn. */
static int pg_fail(PGconn *conn, const PGresult *res, struct samen_err *err)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (!msg || !*msg)
		msg = PQerrorMessage(conn);
	if (!msg || !*msg)
		msg = "unknown error";
	int code = sqlstate_code(state);
	if (code != SAMEN_EDB)
		return samen_fail(err, code, "%.*s", trimmed_len(msg), msg);
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	if (detail && *detail)
		return samen_fail(err, SAMEN_EDB, "postgres: %.*s (%.*s)", trimmed_len(msg), msg,
				  trimmed_len(detail), detail);
	return samen_fail(err, SAMEN_EDB, "postgres: %.*s", trimmed_len(msg), msg);
}

/* Warnings the server sends: to the log, never to a bare stderr line. */
static void pg_notice(void *arg, const PGresult *res)
{
	(void)arg;
	const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	const char *sev = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
	json_t *f = json_object();
	if (f) {
		json_object_set_new(f, "severity", json_string(sev ? sev : ""));
		json_object_set_new(f, "message", json_string(msg ? msg : ""));
	}
	log_event("warn", "postgres_notice", f);
}

/* ---- connection ------------------------------------------------------------ */

static void note_changes(struct pg_db *d, const PGresult *res)
{
	const char *status = PQcmdStatus((PGresult *)res);
	if (!status)
		return;
	if (strncmp(status, "INSERT ", 7) == 0 || strncmp(status, "UPDATE ", 7) == 0 ||
	    strncmp(status, "DELETE ", 7) == 0 || strncmp(status, "MERGE ", 6) == 0)
		d->changes = strtoll(PQcmdTuples((PGresult *)res), NULL, 10);
}

static int result_ok(const PGresult *res)
{
	ExecStatusType s = PQresultStatus(res);
	return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
}

/* Session settings, run at connect and after a reconnect. */
static int session_setup(struct pg_db *d, struct samen_err *err)
{
	PQsetNoticeReceiver(d->conn, pg_notice, NULL);
	/* One round trip; libpq follows the encoding change by itself. */
	PGresult *res = PQexec(d->conn, "SET client_encoding TO 'UTF8'; SET TIME ZONE 'UTC';"
					" SET client_min_messages TO warning");
	int rc = result_ok(res) ? 0 : pg_fail(d->conn, res, err);
	PQclear(res);
	return rc;
}

/*
 * A command is about to run. If the server dropped the connection and no
 * transaction was open, reconnect once; then free queued statement names
 * when the session can take a DEALLOCATE.
 */
static int before_command(struct pg_db *d, struct samen_err *err)
{
	if (PQstatus(d->conn) == CONNECTION_BAD) {
		if (d->base.tx_depth > 0)
			return samen_fail(err, SAMEN_EDB,
					  "postgres: connection lost inside a transaction");
		PQreset(d->conn);
		if (PQstatus(d->conn) != CONNECTION_OK)
			return pg_fail(d->conn, NULL, err);
		d->generation++;
		d->ndealloc = 0; /* the server forgot every prepared statement */
		int rc = session_setup(d, err);
		if (rc)
			return rc;
	}
	if (d->ndealloc >= PG_DEALLOC_BATCH &&
	    PQtransactionStatus(d->conn) != PQTRANS_INERROR) {
		struct buf b;
		buf_init(&b, (size_t)d->ndealloc * (PG_NAME_LEN + 16));
		for (size_t i = 0; i < d->ndealloc; i++)
			buf_printf(&b, "DEALLOCATE %s;", d->dealloc[i]);
		PGresult *res = PQexec(d->conn, buf_str(&b));
		PQclear(res); /* a failure only leaves memory on the server */
		buf_release(&b);
		d->ndealloc = 0;
	}
	return 0;
}

static int pg_open(const char *target, struct db **out, struct samen_err *err)
{
	struct pg_db *d = calloc(1, sizeof *d);
	if (!d)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	d->base.ops = &db_pg_ops;
	d->base.dialect = DB_PG;
	/* The URL is expanded in place of dbname; the name only fills a gap. */
	const char *const keys[] = {"dbname", "fallback_application_name", NULL};
	const char *const vals[] = {target, "samen", NULL};
	d->conn = PQconnectdbParams(keys, vals, 1);
	if (!d->conn) {
		free(d);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	if (PQstatus(d->conn) != CONNECTION_OK) {
		/* Name database and host, never the URL: it may hold a password. */
		const char *msg = PQerrorMessage(d->conn);
		const char *db = PQdb(d->conn), *host = PQhost(d->conn);
		samen_fail(err, SAMEN_EDB, "cannot connect to PostgreSQL database %s on %s: %.*s",
			   db ? db : "?", host && *host ? host : "?", trimmed_len(msg), msg);
		PQfinish(d->conn);
		free(d);
		return SAMEN_EDB;
	}
	int rc = session_setup(d, err);
	if (rc) {
		PQfinish(d->conn);
		free(d);
		return rc;
	}
	*out = &d->base;
	return 0;
}

static void pg_close(struct db *db)
{
	PQfinish(PGD(db)->conn);
	free(PGD(db)->dealloc);
	free(db);
}

static int pg_exec(struct db *db, const char *sql, struct samen_err *err)
{
	struct pg_db *d = PGD(db);
	int rc = before_command(d, err);
	if (rc)
		return rc;
	/* After a reconnect no transaction is left to roll back: say nothing. */
	if (strcmp(sql, "ROLLBACK") == 0 && PQtransactionStatus(d->conn) == PQTRANS_IDLE)
		return 0;
	/* Simple query protocol: several statements in one text are allowed. */
	PGresult *res = PQexec(d->conn, sql);
	if (result_ok(res)) {
		note_changes(d, res);
		rc = 0;
		/*
		 * COMMIT of a transaction that an earlier failed statement aborted
		 * "succeeds" as ROLLBACK; SQLite would have kept the other rows, so
		 * never let that pass as a commit.
		 */
		if (strcmp(sql, "COMMIT") == 0 && strcmp(PQcmdStatus(res), "ROLLBACK") == 0)
			rc = samen_fail(err, SAMEN_EDB,
					"postgres: transaction rolled back at commit: a statement in"
					" it had failed");
	} else {
		rc = pg_fail(d->conn, res, err);
	}
	PQclear(res);
	return rc;
}

/* ---- statements ------------------------------------------------------------ */

static int is_ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '$' || (unsigned char)c >= 0x80;
}

/*
 * Length of a dollar-quote tag ($$ or $tag$) starting at p, 0 when p does
 * not open one.
 */
static size_t dollar_tag(const char *p)
{
	size_t i = 1;
	if (isalpha((unsigned char)p[i]) || p[i] == '_' || (unsigned char)p[i] >= 0x80) {
		while (isalnum((unsigned char)p[i]) || p[i] == '_' || (unsigned char)p[i] >= 0x80)
			i++;
	}
	return p[i] == '$' ? i + 1 : 0;
}

/*
 * Highest $N placeholder in sql, skipping string literals (with E'' escapes),
 * quoted identifiers, comments and dollar-quoted text. -1 when a placeholder
 * exceeds the protocol limit.
 */
static int max_placeholder(const char *sql)
{
	int max = 0;
	const char *p = sql;
	while (*p) {
		char c = *p;
		if (c == '\'') {
			int esc = p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
				  (p - 1 == sql || !is_ident_char(p[-2]));
			p++;
			while (*p) {
				if (esc && *p == '\\' && p[1]) {
					p += 2;
				} else if (*p == '\'') {
					if (p[1] != '\'')
						break;
					p += 2;
				} else {
					p++;
				}
			}
			if (*p)
				p++;
		} else if (c == '"') {
			p = strchr(p + 1, '"');
			p = p ? p + 1 : sql + strlen(sql);
		} else if (c == '-' && p[1] == '-') {
			p += strcspn(p, "\n");
		} else if (c == '/' && p[1] == '*') {
			int depth = 1;
			p += 2;
			while (*p && depth > 0) {
				if (p[0] == '/' && p[1] == '*') {
					depth++;
					p += 2;
				} else if (p[0] == '*' && p[1] == '/') {
					depth--;
					p += 2;
				} else {
					p++;
				}
			}
		} else if (c == '$' && (p == sql || !is_ident_char(p[-1]))) {
			if (isdigit((unsigned char)p[1])) {
				char *end;
				long n = strtol(p + 1, &end, 10);
				if (n > PG_MAX_PARAMS)
					return -1;
				if (n > max)
					max = (int)n;
				p = end;
			} else {
				size_t tag = dollar_tag(p);
				if (tag == 0) {
					p++;
					continue;
				}
				const char *close = p + tag;
				for (;;) {
					close = strchr(close, '$');
					if (!close || strncmp(close, p, tag) == 0)
						break;
					close++;
				}
				p = close ? close + tag : sql + strlen(sql);
			}
		} else {
			p++;
		}
	}
	return max;
}

static int pg_prepare(struct db *db, const char *sql, struct db_stmt **out,
		      struct samen_err *err)
{
	int n = max_placeholder(sql);
	if (n < 0)
		return samen_fail(err, SAMEN_EDB, "postgres prepare: more than %d parameters",
				  PG_MAX_PARAMS);
	struct pg_stmt *st = calloc(1, sizeof *st);
	if (!st)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	st->sql = strdup(sql);
	st->nparams = n;
	if (n > 0) {
		st->params = calloc((size_t)n, sizeof *st->params);
		st->values = calloc((size_t)n, sizeof *st->values);
	}
	if (!st->sql || (n > 0 && (!st->params || !st->values))) {
		free(st->sql);
		free(st->params);
		free(st->values);
		free(st);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	st->base.db = db;
	*out = &st->base;
	return 0;
}

static int set_param(struct db_stmt *stmt, int idx, const char *v, size_t len)
{
	struct pg_stmt *st = PGS(stmt);
	if (idx < 1 || idx > st->nparams)
		return SAMEN_EDB;
	struct pg_param *p = &st->params[idx - 1];
	if (!v) {
		p->set = 0;
		st->values[idx - 1] = NULL;
		return 0;
	}
	if (len + 1 > p->cap) {
		size_t cap = len + 1 < 32 ? 32 : len + 1;
		char *nb = realloc(p->buf, cap);
		if (!nb)
			return SAMEN_ENOMEM;
		p->buf = nb;
		p->cap = cap;
	}
	memcpy(p->buf, v, len);
	p->buf[len] = '\0';
	p->set = 1;
	st->values[idx - 1] = p->buf;
	return 0;
}

static int pg_bind_text(struct db_stmt *st, int idx, const char *v)
{
	return set_param(st, idx, v, v ? strlen(v) : 0);
}

static int pg_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	char txt[32];
	int n = snprintf(txt, sizeof txt, "%" PRId64, v);
	return set_param(st, idx, txt, (size_t)n);
}

static int pg_bind_double(struct db_stmt *st, int idx, double v)
{
	char txt[40];
	int n = snprintf(txt, sizeof txt, "%.17g", v);
	return set_param(st, idx, txt, (size_t)n);
}

static int pg_bind_null(struct db_stmt *st, int idx)
{
	return set_param(st, idx, NULL, 0);
}

/* Prepare st on the server under a fresh per-connection name. */
static int server_prepare(struct pg_db *d, struct pg_stmt *st, struct samen_err *err)
{
	char name[PG_NAME_LEN];
	snprintf(name, sizeof name, "samen_s%" PRIu64, d->next_name++);
	PGresult *res = PQprepare(d->conn, name, st->sql, st->nparams, NULL);
	int rc = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : pg_fail(d->conn, res, err);
	PQclear(res);
	if (rc == 0) {
		memcpy(st->name, name, sizeof name);
		st->name_gen = d->generation;
	}
	return rc;
}

/* Run st with its current bindings; on success st->res holds the result. */
static int run(struct pg_stmt *st, struct samen_err *err)
{
	struct pg_db *d = PGD(st->base.db);
	int rc = before_command(d, err);
	if (rc)
		return rc;
	if (st->name[0] && st->name_gen != d->generation)
		st->name[0] = '\0'; /* prepared on a connection that is gone */
	if (!st->name[0] && st->runs >= 1) {
		rc = server_prepare(d, st, err);
		if (rc)
			return rc;
	}
	PGresult *res;
	if (st->name[0])
		res = PQexecPrepared(d->conn, st->name, st->nparams, st->values, NULL, NULL, 0);
	else
		res = PQexecParams(d->conn, st->sql, st->nparams, NULL, st->values, NULL, NULL, 0);
	ExecStatusType s = PQresultStatus(res);
	if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
		if (s == PGRES_EMPTY_QUERY) {
			PQclear(res);
			return samen_fail(err, SAMEN_EDB, "postgres: empty statement");
		}
		rc = pg_fail(d->conn, res, err);
		PQclear(res);
		return rc;
	}
	note_changes(d, res);
	st->res = res;
	st->ntuples = PQntuples(res);
	st->row = 0;
	st->runs++;
	return 0;
}

static int pg_step(struct db_stmt *stmt, struct samen_err *err)
{
	struct pg_stmt *st = PGS(stmt);
	if (!st->res) {
		int rc = run(st, err);
		if (rc)
			return rc;
	} else if (st->row < st->ntuples) {
		st->row++;
	}
	return st->row < st->ntuples ? 1 : 0;
}

static int pg_reset(struct db_stmt *stmt)
{
	struct pg_stmt *st = PGS(stmt);
	PQclear(st->res);
	st->res = NULL;
	st->row = 0;
	st->ntuples = 0;
	return 0;
}

/* Queue a server-side name for the next batched DEALLOCATE. */
static void queue_dealloc(struct pg_db *d, const char *name)
{
	if (d->ndealloc == d->dealloc_cap) {
		size_t cap = d->dealloc_cap ? d->dealloc_cap * 2 : PG_DEALLOC_BATCH;
		void *nd = realloc(d->dealloc, cap * sizeof *d->dealloc);
		if (!nd)
			return; /* the name lives on the server until the connection closes */
		d->dealloc = nd;
		d->dealloc_cap = cap;
	}
	snprintf(d->dealloc[d->ndealloc++], PG_NAME_LEN, "%s", name);
}

static void pg_finalize(struct db_stmt *stmt)
{
	struct pg_stmt *st = PGS(stmt);
	struct pg_db *d = PGD(stmt->db);
	if (st->name[0] && st->name_gen == d->generation)
		queue_dealloc(d, st->name);
	PQclear(st->res);
	for (int i = 0; i < st->nparams; i++)
		free(st->params[i].buf);
	free(st->params);
	free(st->values);
	free(st->sql);
	free(st);
}

static int current_row(struct pg_stmt *st, int col)
{
	return st->res && st->row < st->ntuples && col >= 0 && col < PQnfields(st->res);
}

static int pg_col_count(struct db_stmt *stmt)
{
	struct pg_stmt *st = PGS(stmt);
	return st->res ? PQnfields(st->res) : 0;
}

static bool pg_col_null(struct db_stmt *stmt, int col)
{
	struct pg_stmt *st = PGS(stmt);
	if (!current_row(st, col))
		return true;
	return PQgetisnull(st->res, st->row, col) != 0;
}

static const char *pg_col_text(struct db_stmt *stmt, int col)
{
	struct pg_stmt *st = PGS(stmt);
	if (!current_row(st, col) || PQgetisnull(st->res, st->row, col))
		return NULL;
	return PQgetvalue(st->res, st->row, col);
}

static int64_t pg_col_int(struct db_stmt *stmt, int col)
{
	const char *v = pg_col_text(stmt, col);
	if (!v)
		return 0;
	if (v[0] == 't' && v[1] == '\0')
		return 1; /* boolean true, as SQLite would give it */
	if (strchr(v, '.') || strchr(v, 'e') || strchr(v, 'E'))
		return (int64_t)strtod(v, NULL); /* a numeric or float read as integer */
	return strtoll(v, NULL, 10);
}

static double pg_col_double(struct db_stmt *stmt, int col)
{
	const char *v = pg_col_text(stmt, col);
	if (!v)
		return 0.0;
	if (v[0] == 't' && v[1] == '\0')
		return 1.0;
	return strtod(v, NULL);
}

static int64_t pg_changes(struct db *db)
{
	return PGD(db)->changes;
}

/* ---- backup ------------------------------------------------------------------ */

/* Append value to b quoted for a libpq conninfo string. */
static int conninfo_quote(struct buf *b, const char *v)
{
	int rc = buf_puts(b, "'");
	for (const char *p = v; rc == 0 && *p; p++) {
		if (*p == '\'' || *p == '\\')
			rc = buf_puts(b, "\\");
		if (rc == 0)
			rc = buf_add(b, p, 1);
	}
	return rc ? rc : buf_puts(b, "'");
}

/* The live connection's parameters, password left out, as a conninfo string. */
static int conninfo_without_password(PGconn *conn, struct buf *b)
{
	PQconninfoOption *opts = PQconninfo(conn);
	if (!opts)
		return SAMEN_ENOMEM;
	int rc = 0;
	for (PQconninfoOption *o = opts; rc == 0 && o->keyword; o++) {
		if (!o->val || !*o->val || strcmp(o->keyword, "password") == 0 ||
		    (o->dispchar && strchr(o->dispchar, '*')))
			continue;
		rc = buf_printf(b, "%s%s=", b->len ? " " : "", o->keyword);
		if (rc == 0)
			rc = conninfo_quote(b, o->val);
	}
	PQconninfoFree(opts);
	return rc;
}

/* environ without PGPASSWORD, plus pass (when non-empty); *env_out is owned. */
static int child_env(const char *pass, char ***env_out, char **pass_entry)
{
	size_t n = 0;
	while (environ[n])
		n++;
	char **env = calloc(n + 2, sizeof *env);
	if (!env)
		return SAMEN_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "PGPASSWORD=", 11) != 0)
			env[k++] = environ[i];
	*pass_entry = NULL;
	if (pass && *pass) {
		size_t len = strlen(pass) + 12;
		*pass_entry = malloc(len);
		if (!*pass_entry) {
			free(env);
			return SAMEN_ENOMEM;
		}
		snprintf(*pass_entry, len, "PGPASSWORD=%s", pass);
		env[k++] = *pass_entry;
	}
	env[k] = NULL;
	*env_out = env;
	return 0;
}

static int pg_backup(struct db *db, const char *dest, struct samen_err *err)
{
	PGconn *conn = PGD(db)->conn;
	struct buf info, errtext;
	buf_init(&info, 64 * 1024);
	buf_init(&errtext, 64 * 1024);
	char **env = NULL, *pass_entry = NULL;
	int pipefd[2] = {-1, -1};
	posix_spawn_file_actions_t fa;
	int fa_ready = 0;
	int rc = conninfo_without_password(conn, &info);
	if (rc == 0)
		rc = child_env(PQpass(conn), &env, &pass_entry);
	if (rc) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	if (pipe2(pipefd, O_CLOEXEC) != 0 || posix_spawn_file_actions_init(&fa) != 0) {
		rc = samen_fail(err, SAMEN_EIO, "backup: cannot set up pg_dump: %s",
				strerror(errno));
		goto out;
	}
	fa_ready = 1;
	/* Both pipe ends are close-on-exec; the dup2'ed stderr is not. */
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], STDERR_FILENO);
	char *const argv[] = {"pg_dump", "--format=custom", "--no-password",
			      "--file", (char *)dest, "--dbname", (char *)buf_str(&info), NULL};
	pid_t pid;
	int serr = posix_spawnp(&pid, "pg_dump", &fa, NULL, argv, env);
	close(pipefd[1]);
	pipefd[1] = -1;
	if (serr != 0) {
		rc = samen_fail(err, SAMEN_EIO, "backup: cannot run pg_dump: %s", strerror(serr));
		goto out;
	}
	/* Keep what pg_dump says on stderr; its last words name the failure. */
	char chunk[1024];
	for (;;) {
		ssize_t got = read(pipefd[0], chunk, sizeof chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		if (buf_add(&errtext, chunk, (size_t)got) != 0) {
			buf_reset(&errtext);
			buf_add(&errtext, chunk, (size_t)got);
		}
	}
	int status;
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			rc = samen_fail(err, SAMEN_EIO, "backup: waiting for pg_dump: %s",
					strerror(errno));
			goto out;
		}
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		rc = 0;
		goto out;
	}
	const char *said = buf_str(&errtext);
	int len = trimmed_len(said);
	if (len > 300) {
		said += len - 300;
		len = 300;
	}
	if (WIFEXITED(status))
		rc = samen_fail(err, SAMEN_EIO, "backup: pg_dump exited with status %d: %.*s",
				WEXITSTATUS(status), len, said);
	else
		rc = samen_fail(err, SAMEN_EIO, "backup: pg_dump killed by signal %d",
				WIFSIGNALED(status) ? WTERMSIG(status) : 0);
out:
	if (fa_ready)
		posix_spawn_file_actions_destroy(&fa);
	if (pipefd[0] >= 0)
		close(pipefd[0]);
	if (pipefd[1] >= 0)
		close(pipefd[1]);
	if (pass_entry) {
		explicit_bzero(pass_entry, strlen(pass_entry));
		free(pass_entry);
	}
	free(env);
	buf_release(&info);
	buf_release(&errtext);
	return rc;
}

/* PostgreSQL enforces the limit itself, per statement (statement_timeout). */
static int pg_time_limit(struct db *db, long ms, struct samen_err *err)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SET statement_timeout = %ld", ms);
	return pg_exec(db, sql, err);
}

const struct db_ops db_pg_ops = {
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.bind_text = pg_bind_text,
	.bind_int = pg_bind_int,
	.bind_double = pg_bind_double,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.reset = pg_reset,
	.finalize = pg_finalize,
	.col_count = pg_col_count,
	.col_null = pg_col_null,
	.col_text = pg_col_text,
	.col_int = pg_col_int,
	.col_double = pg_col_double,
	.changes = pg_changes,
	.backup = pg_backup,
	.time_limit = pg_time_limit,
};
