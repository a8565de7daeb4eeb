/*
 * err.h - the one error style of Samen.
 *
 * Every fallible function returns int: 0 on success, a negative SAMEN_E* code
 * on failure. Details go into an optional struct samen_err supplied by the
 * caller (may be NULL). One table maps each code to an HTTP status and a
 * stable, machine-readable JSON error code, so the web face, the API and the
 * command line report the same failure the same way.
 */
#ifndef SAMEN_ERR_H
#define SAMEN_ERR_H

#include <stddef.h>

enum samen_code {
	SAMEN_OK = 0,
	SAMEN_EINVAL = -1,     /* bad input: names line and field where known */
	SAMEN_ENOTFOUND = -2,  /* no such object or route */
	SAMEN_EEXIST = -3,     /* conflicts with existing data (duplicate) */
	SAMEN_EPERM = -4,      /* signed in, but not allowed */
	SAMEN_EAUTH = -5,      /* not signed in or wrong credentials */
	SAMEN_ETOOBIG = -6,    /* input exceeds a hard cap */
	SAMEN_EDB = -7,        /* database failure */
	SAMEN_EIO = -8,        /* file or network I/O failure */
	SAMEN_ENOMEM = -9,     /* out of memory */
	SAMEN_ECSRF = -10,     /* missing or wrong CSRF token */
	SAMEN_EMETHOD = -11,   /* method not allowed on this route */
	SAMEN_EINTERNAL = -12, /* a bug: should not happen */
};

struct samen_err {
	int code;        /* the SAMEN_E* code, 0 if none */
	long line;       /* input line (1-based) or 0 when not about a line */
	char field[64];  /* input field name or "" */
	char msg[512];   /* human-readable message (English for logs, or a UI text) */
};

/* Reset err (if non-NULL) to "no error". */
void samen_err_clear(struct samen_err *err);

/*
 * Record a failure in err (if non-NULL) and return code, so callers can write
 * `return samen_fail(err, SAMEN_EINVAL, "...", ...);`. The message is a printf
 * format. An earlier message in err is overwritten.
 */
int samen_fail(struct samen_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* As samen_fail, also naming the input line (1-based, 0 for none) and field. */
int samen_fail_at(struct samen_err *err, int code, long line, const char *field,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Stable JSON code for a SAMEN_E* code ("invalid_input", "not_found", ...). */
const char *samen_code_name(int code);

/* HTTP status for a SAMEN_E* code (400, 404, 409, 403, 401, 413, 500, ...). */
int samen_code_http(int code);

#endif
