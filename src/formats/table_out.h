/*
 * table_out.h - one table, written as CSV or XLSX.
 *
 * Every table download of Samen (command-line exports, web downloads) is
 * built as a struct table_out: a title, typed column headers, then rows of
 * cells filled left to right. The same table is written by two writers:
 *
 *   CSV  - RFC 4180 quoting, CRLF line ends, ';' as delimiter, decimal
 *          comma and a UTF-8 byte-order mark by default, as Dutch Excel
 *          expects (so "ë" and "€" show right when the file is opened).
 *   XLSX - through libxlsxwriter: bold, frozen header row with an
 *          autofilter, column widths from the contents, numbers stored as
 *          numbers, dates as real Excel dates shown as dd-mm-yyyy.
 *
 * Cell types: text, integer, decimal (with a per-column number of
 * decimals; the value is rounded to them in both writers) and date (ISO
 * "YYYY-MM-DD"). Any cell may be empty. Rows with fewer cells than columns
 * are padded with empty cells.
 *
 * Ownership: a table owns copies of all strings given to it. Caps: at most
 * TABLE_OUT_MAX_COLS columns, TABLE_OUT_MAX_ROWS rows (below Excel's
 * 1,048,576) and TABLE_OUT_MAX_TEXT bytes per text cell (Excel's 32,767
 * character limit). A table is not thread-safe; distinct tables are.
 */
#ifndef SAMEN_TABLE_OUT_H
#define SAMEN_TABLE_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

#define TABLE_OUT_MAX_COLS 256
#define TABLE_OUT_MAX_ROWS 1000000
#define TABLE_OUT_MAX_TEXT 32767

enum table_out_type {
	TABLE_OUT_TEXT = 1,
	TABLE_OUT_INT,
	TABLE_OUT_DECIMAL,
	TABLE_OUT_DATE,
};

struct table_out;

/*
 * Create an empty table. title names the XLSX worksheet (characters
 * Excel forbids in sheet names, []:*?/\, become '_'; it is cut to 31
 * characters). *out is owned by the caller (table_out_free).
 * Errors: SAMEN_ENOMEM.
 */
int table_out_new(const char *title, struct table_out **out, struct samen_err *err);

/* Free a table; NULL is ignored. */
void table_out_free(struct table_out *t);

/*
 * Add a column; all columns come before the first row. decimals (0..10)
 * matters for TABLE_OUT_DECIMAL only. Errors: SAMEN_EINTERNAL after the
 * first row, for a bad type or decimals; SAMEN_ETOOBIG past
 * TABLE_OUT_MAX_COLS; SAMEN_ENOMEM.
 */
int table_out_add_column(struct table_out *t, const char *header, enum table_out_type type,
			 int decimals, struct samen_err *err);

/*
 * Start a new row; the following table_out_* cell calls fill it from the
 * left. Errors: SAMEN_EINTERNAL without columns, SAMEN_ETOOBIG past
 * TABLE_OUT_MAX_ROWS, SAMEN_ENOMEM.
 */
int table_out_add_row(struct table_out *t, struct samen_err *err);

/*
 * Put the next cell of the current row. The cell's type must match the
 * column's (SAMEN_EINTERNAL otherwise, or when the row is full or no row
 * was started). table_out_text copies s (NULL gives an empty cell) and
 * fails with SAMEN_ETOOBIG beyond TABLE_OUT_MAX_TEXT bytes; table_out_date
 * takes "YYYY-MM-DD" ("" or NULL gives an empty cell; anything else is
 * SAMEN_EINVAL). table_out_empty leaves a cell of any column empty.
 */
int table_out_text(struct table_out *t, const char *s, struct samen_err *err);
int table_out_int(struct table_out *t, int64_t v, struct samen_err *err);
int table_out_decimal(struct table_out *t, double v, struct samen_err *err);
int table_out_date(struct table_out *t, const char *iso, struct samen_err *err);
int table_out_empty(struct table_out *t, struct samen_err *err);

/* Number of data rows (the header not counted). */
size_t table_out_rows(const struct table_out *t);

/* CSV writer options; start from table_out_csv_defaults(). */
struct table_out_csv_opts {
	char delim;          /* ';' (default), ',' or '\t' */
	char decimal_sep;    /* ',' (default) or '.' */
	bool bom;            /* start with a UTF-8 BOM (default true) */
	bool dmy_dates;      /* dates as DD-MM-YYYY instead of YYYY-MM-DD (default false) */
	bool formula_guard;  /* prefix text starting with = + - @ TAB CR with ' (default true) */
};

/* The defaults for Dutch Excel: ';', ',', BOM, ISO dates, formula guard on. */
struct table_out_csv_opts table_out_csv_defaults(void);

/*
 * Append the table as CSV to out (whose cap limits the size: SAMEN_ETOOBIG
 * when exceeded; out may then hold part of the table). opts NULL means the
 * defaults. A field is quoted when it holds the delimiter, a quote, CR or
 * LF, or starts or ends with a space; quotes are doubled. Lines end CRLF.
 * Errors: SAMEN_ETOOBIG, SAMEN_ENOMEM, SAMEN_EINVAL for a delimiter or
 * decimal separator not listed above.
 */
int table_out_csv(const struct table_out *t, const struct table_out_csv_opts *opts,
		  struct buf *out, struct samen_err *err);

/*
 * Write the table as CSV to the file path (see table_out_csv). The file is
 * written to a temporary name beside path and renamed over it when
 * complete, so a reader never sees half a file; it gets mode 0600 because
 * exports hold personal data. Errors: SAMEN_EIO naming the path, plus
 * those of table_out_csv.
 */
int table_out_csv_file(const struct table_out *t, const struct table_out_csv_opts *opts,
		       const char *path, struct samen_err *err);

/*
 * Append the table as an XLSX workbook (one worksheet) to out.
 * libxlsxwriter can only write to a file, so this creates a temporary file
 * with mkstemp() in $TMPDIR (default /tmp; mode 0600), lets libxlsxwriter
 * write it (its own scratch files go to the same directory), reads it back
 * into out and unlinks it - on success and on every error. Errors:
 * SAMEN_EIO (temporary file, libxlsxwriter failure), SAMEN_ETOOBIG when the
 * workbook exceeds out's cap, SAMEN_ENOMEM. Thread-safe for distinct
 * tables (every call has its own temporary file).
 */
int table_out_xlsx(const struct table_out *t, struct buf *out, struct samen_err *err);

/*
 * Write the table as an XLSX workbook to the file path: built with
 * table_out_xlsx, then written like table_out_csv_file (temporary name
 * beside path, rename, mode 0600). Errors: those of table_out_xlsx and
 * table_out_csv_file.
 */
int table_out_xlsx_file(const struct table_out *t, const char *path, struct samen_err *err);

#endif
