/*
 * err.c - recording failures and mapping error codes to HTTP and JSON.
 *
 * The table below is the single place where a SAMEN_E* code gets its HTTP
 * status and its stable API error code; docs/api/errors.md documents it.
 */
#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
	int code;
	int http;
	const char *name;
} code_table[] = {
	{SAMEN_OK, 200, "ok"},
	{SAMEN_EINVAL, 400, "invalid_input"},
	{SAMEN_ENOTFOUND, 404, "not_found"},
	{SAMEN_EEXIST, 409, "conflict"},
	{SAMEN_EPERM, 403, "forbidden"},
	{SAMEN_EAUTH, 401, "unauthenticated"},
	{SAMEN_ETOOBIG, 413, "too_large"},
	{SAMEN_EDB, 500, "database_error"},
	{SAMEN_EIO, 500, "io_error"},
	{SAMEN_ENOMEM, 503, "out_of_memory"},
	{SAMEN_ECSRF, 403, "csrf_failed"},
	{SAMEN_EMETHOD, 405, "method_not_allowed"},
	{SAMEN_EINTERNAL, 500, "internal_error"},
};

void samen_err_clear(struct samen_err *err)
{
	if (!err)
		return;
	err->code = 0;
	err->line = 0;
	err->field[0] = '\0';
	err->msg[0] = '\0';
}

static void fill(struct samen_err *err, int code, long line, const char *field,
		 const char *fmt, va_list ap)
{
	err->code = code;
	err->line = line;
	snprintf(err->field, sizeof err->field, "%s", field ? field : "");
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

int samen_fail(struct samen_err *err, int code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		fill(err, code, 0, NULL, fmt, ap);
		va_end(ap);
	}
	return code;
}

int samen_fail_at(struct samen_err *err, int code, long line, const char *field,
		  const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		fill(err, code, line, field, fmt, ap);
		va_end(ap);
	}
	return code;
}

const char *samen_code_name(int code)
{
	for (size_t i = 0; i < sizeof code_table / sizeof code_table[0]; i++)
		if (code_table[i].code == code)
			return code_table[i].name;
	return "internal_error";
}

int samen_code_http(int code)
{
	for (size_t i = 0; i < sizeof code_table / sizeof code_table[0]; i++)
		if (code_table[i].code == code)
			return code_table[i].http;
	return 500;
}
