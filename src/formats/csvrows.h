/*
 * csvrows.h - reading CSV text row by row (libcsv underneath).
 *
 * Samen's readers of outside files (staff CSV, DUO, holiday lists, Untis)
 * all get their rows through this one function: it handles quoting, CRLF
 * or LF line ends, a UTF-8 byte-order mark, and reports each row with the
 * line on which it starts, so errors can name the line.
 */
#ifndef SAMEN_CSVROWS_H
#define SAMEN_CSVROWS_H

#include <stddef.h>

#include "util/err.h"

#define CSVROWS_MAX_FIELDS 128

/*
 * Called once per row. fields[i] are NUL-terminated and borrowed for the
 * duration of the call. Return 0 to go on, a negative code to stop (that
 * code is then returned by csvrows_parse).
 */
typedef int (*csvrows_fn)(void *ctx, long line, int nfields, char **fields,
			  struct samen_err *err);

/*
 * Parse len bytes of CSV with the given delimiter (',' ';' '\t'). Empty
 * lines are skipped. A row with more than CSVROWS_MAX_FIELDS fields or a
 * broken quote fails with SAMEN_EINVAL naming the line.
 */
int csvrows_parse(const char *data, size_t len, char delim, csvrows_fn fn, void *ctx,
		  struct samen_err *err);

/* Guess the delimiter of a file from its first line: ';', '\t' or ','. */
char csvrows_sniff(const char *data, size_t len);

#endif
