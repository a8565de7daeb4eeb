/*
 * table_out.c - tables and their CSV and XLSX writers (see table_out.h).
 *
 * Cells live in one array of nrows x ncols; text cells own a copy of their
 * string. The CSV writer formats into a struct buf; the XLSX writer lets
 * libxlsxwriter write a temporary file and reads it back. Files are written
 * beside their final path and renamed into place.
 */
#include "formats/table_out.h"

#include "util/date.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* Hard cap on a whole file written by table_out_*_file. */
#define TABLE_OUT_MAX_FILE ((size_t)1024 * 1024 * 1024)

struct cell {
	int set;  /* 0: empty */
	union {
		char *s;
		int64_t i;
		double d;
		long days;
	} v;
};

struct column {
	char *header;
	enum table_out_type type;
	int decimals;
};

struct table_out {
	char title[128]; /* at most 31 characters of up to 4 bytes */
	struct column *cols;
	int ncols;
	struct cell *cells;  /* nrows * ncols */
	size_t nrows, cap_rows;
	int next;            /* next cell of the current row */
};

int table_out_new(const char *title, struct table_out **out, struct samen_err *err)
{
	struct table_out *t = calloc(1, sizeof *t);
	if (!t)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	/* Excel sheet names: at most 31 characters, none of []:*?/\ . */
	size_t n = 0, chars = 0;
	for (const char *p = title ? title : ""; *p && n < sizeof t->title - 1; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c & 0xC0) != 0x80) {
			if (chars == 31)
				break;
			chars++;
		}
		t->title[n++] = strchr("[]:*?/\\", c) ? '_' : (char)c;
	}
	t->title[n] = '\0';
	if (t->title[0] == '\0')
		snprintf(t->title, sizeof t->title, "%s", "Sheet1");
	*out = t;
	return 0;
}

void table_out_free(struct table_out *t)
{
	if (!t)
		return;
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].type == TABLE_OUT_TEXT)
			for (size_t r = 0; r < t->nrows; r++) {
				struct cell *x = &t->cells[r * (size_t)t->ncols + (size_t)c];
				if (x->set)
					free(x->v.s);
			}
		free(t->cols[c].header);
	}
	free(t->cols);
	free(t->cells);
	free(t);
}

int table_out_add_column(struct table_out *t, const char *header, enum table_out_type type,
			 int decimals, struct samen_err *err)
{
	if (t->nrows > 0)
		return samen_fail(err, SAMEN_EINTERNAL, "table: column added after the first row");
	if (type < TABLE_OUT_TEXT || type > TABLE_OUT_DATE || decimals < 0 || decimals > 10)
		return samen_fail(err, SAMEN_EINTERNAL, "table: bad column type or decimals");
	if (t->ncols >= TABLE_OUT_MAX_COLS)
		return samen_fail(err, SAMEN_ETOOBIG, "table: more than %d columns",
				  TABLE_OUT_MAX_COLS);
	struct column *cols = realloc(t->cols, ((size_t)t->ncols + 1) * sizeof *cols);
	if (!cols)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	t->cols = cols;
	char *h = strdup(header ? header : "");
	if (!h)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	t->cols[t->ncols++] = (struct column){.header = h, .type = type, .decimals = decimals};
	return 0;
}

int table_out_add_row(struct table_out *t, struct samen_err *err)
{
	if (t->ncols == 0)
		return samen_fail(err, SAMEN_EINTERNAL, "table: row added before any column");
	if (t->nrows >= TABLE_OUT_MAX_ROWS)
		return samen_fail(err, SAMEN_ETOOBIG, "table: more than %d rows",
				  TABLE_OUT_MAX_ROWS);
	if (t->nrows == t->cap_rows) {
		size_t cap = t->cap_rows ? t->cap_rows * 2 : 32;
		struct cell *cells = realloc(t->cells, cap * (size_t)t->ncols * sizeof *cells);
		if (!cells)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		t->cells = cells;
		t->cap_rows = cap;
	}
	memset(&t->cells[t->nrows * (size_t)t->ncols], 0, (size_t)t->ncols * sizeof *t->cells);
	t->nrows++;
	t->next = 0;
	return 0;
}

size_t table_out_rows(const struct table_out *t)
{
	return t->nrows;
}

/* The next cell of the current row, checked against the expected type (0: any). */
static int next_cell(struct table_out *t, enum table_out_type type, struct cell **out,
		     struct samen_err *err)
{
	if (t->nrows == 0)
		return samen_fail(err, SAMEN_EINTERNAL, "table: cell put before any row");
	if (t->next >= t->ncols)
		return samen_fail(err, SAMEN_EINTERNAL, "table: more cells than columns in row %zu",
				  t->nrows);
	if (type && t->cols[t->next].type != type)
		return samen_fail(err, SAMEN_EINTERNAL,
				  "table: cell type does not match column '%s'",
				  t->cols[t->next].header);
	*out = &t->cells[(t->nrows - 1) * (size_t)t->ncols + (size_t)t->next];
	return 0;
}

int table_out_text(struct table_out *t, const char *s, struct samen_err *err)
{
	struct cell *c = NULL;
	int rc = next_cell(t, TABLE_OUT_TEXT, &c, err);
	if (rc)
		return rc;
	if (s && strlen(s) > TABLE_OUT_MAX_TEXT)
		return samen_fail(err, SAMEN_ETOOBIG, "table: text in column '%s' is longer than %d bytes",
				  t->cols[t->next].header, TABLE_OUT_MAX_TEXT);
	if (s && *s) {
		c->v.s = strdup(s);
		if (!c->v.s)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		c->set = 1;
	}
	t->next++;
	return 0;
}

int table_out_int(struct table_out *t, int64_t v, struct samen_err *err)
{
	struct cell *c = NULL;
	int rc = next_cell(t, TABLE_OUT_INT, &c, err);
	if (rc)
		return rc;
	c->v.i = v;
	c->set = 1;
	t->next++;
	return 0;
}

int table_out_decimal(struct table_out *t, double v, struct samen_err *err)
{
	struct cell *c = NULL;
	int rc = next_cell(t, TABLE_OUT_DECIMAL, &c, err);
	if (rc)
		return rc;
	if (!isfinite(v))
		return samen_fail(err, SAMEN_EINTERNAL, "table: non-finite number in column '%s'",
				  t->cols[t->next].header);
	c->v.d = v;
	c->set = 1;
	t->next++;
	return 0;
}

int table_out_date(struct table_out *t, const char *iso, struct samen_err *err)
{
	struct cell *c = NULL;
	int rc = next_cell(t, TABLE_OUT_DATE, &c, err);
	if (rc)
		return rc;
	if (iso && *iso) {
		if (date_parse(iso, &c->v.days) != 0)
			return samen_fail(err, SAMEN_EINVAL, "table: '%s' in column '%s' is not a date",
					  iso, t->cols[t->next].header);
		c->set = 1;
	}
	t->next++;
	return 0;
}

int table_out_empty(struct table_out *t, struct samen_err *err)
{
	struct cell *c = NULL;
	int rc = next_cell(t, 0, &c, err);
	if (rc)
		return rc;
	t->next++;
	return 0;
}

/* ---- formatting shared by both writers -------------------------------- */

static double round_to(double v, int decimals)
{
	double f = pow(10.0, decimals);
	double r = round(v * f) / f;
	return r == 0.0 ? 0.0 : r; /* no "-0,00" */
}

/* Format a decimal with sep as decimal separator into out. */
static void format_decimal(double v, int decimals, char sep, char out[64])
{
	snprintf(out, 64, "%.*f", decimals, round_to(v, decimals));
	char *dot = strchr(out, '.');
	if (dot)
		*dot = sep;
}

/* ---- CSV -------------------------------------------------------------- */

struct table_out_csv_opts table_out_csv_defaults(void)
{
	return (struct table_out_csv_opts){
		.delim = ';', .decimal_sep = ',', .bom = true, .dmy_dates = false,
		.formula_guard = true};
}

static int csv_field(struct buf *out, const char *s, char delim, bool guard)
{
	bool prefix = guard && s[0] && strchr("=+-@\t\r", s[0]) != NULL;
	size_t len = strlen(s);
	bool quote = strchr(s, delim) || strchr(s, '"') || strchr(s, '\r') || strchr(s, '\n') ||
		     (len && (s[0] == ' ' || s[len - 1] == ' '));
	int rc = 0;
	if (quote)
		rc = buf_add(out, "\"", 1);
	if (rc == 0 && prefix)
		rc = buf_add(out, "'", 1);
	if (rc)
		return rc;
	if (!quote)
		return buf_add(out, s, len);
	for (const char *p = s; *p && rc == 0;) {
		const char *q = strchr(p, '"');
		size_t n = q ? (size_t)(q - p) + 1 : strlen(p);
		rc = buf_add(out, p, n);
		if (rc == 0 && q)
			rc = buf_add(out, "\"", 1); /* double the quote */
		p += n;
	}
	return rc ? rc : buf_add(out, "\"", 1);
}

int table_out_csv(const struct table_out *t, const struct table_out_csv_opts *opts,
		  struct buf *out, struct samen_err *err)
{
	struct table_out_csv_opts o = opts ? *opts : table_out_csv_defaults();
	if (o.delim != ';' && o.delim != ',' && o.delim != '\t')
		return samen_fail(err, SAMEN_EINVAL, "CSV delimiter must be ';', ',' or tab");
	if (o.decimal_sep != ',' && o.decimal_sep != '.')
		return samen_fail(err, SAMEN_EINVAL, "decimal separator must be ',' or '.'");
	int rc = 0;
	if (o.bom)
		rc = buf_add(out, "\xEF\xBB\xBF", 3);
	for (int c = 0; rc == 0 && c < t->ncols; c++) {
		if (c)
			rc = buf_add(out, &o.delim, 1);
		if (rc == 0)
			rc = csv_field(out, t->cols[c].header, o.delim, false);
	}
	if (rc == 0)
		rc = buf_add(out, "\r\n", 2);
	for (size_t r = 0; rc == 0 && r < t->nrows; r++) {
		for (int c = 0; rc == 0 && c < t->ncols; c++) {
			if (c)
				rc = buf_add(out, &o.delim, 1);
			const struct cell *x = &t->cells[r * (size_t)t->ncols + (size_t)c];
			if (rc || !x->set)
				continue;
			char tmp[64];
			switch (t->cols[c].type) {
			case TABLE_OUT_TEXT:
				rc = csv_field(out, x->v.s, o.delim, o.formula_guard);
				break;
			case TABLE_OUT_INT:
				rc = buf_printf(out, "%" PRId64, x->v.i);
				break;
			case TABLE_OUT_DECIMAL:
				format_decimal(x->v.d, t->cols[c].decimals, o.decimal_sep, tmp);
				rc = csv_field(out, tmp, o.delim, false);
				break;
			case TABLE_OUT_DATE: {
				int y, m, d;
				date_civil(x->v.days, &y, &m, &d);
				rc = o.dmy_dates ? buf_printf(out, "%02d-%02d-%04d", d, m, y)
						 : buf_printf(out, "%04d-%02d-%02d", y, m, d);
				break;
			}
			}
		}
		if (rc == 0)
			rc = buf_add(out, "\r\n", 2);
	}
	if (rc == SAMEN_ETOOBIG)
		return samen_fail(err, rc, "the CSV output exceeds its limit of %zu bytes", out->max);
	if (rc)
		return samen_fail(err, rc, "out of memory");
	return 0;
}

/* Write len bytes to path through a temporary file beside it and rename. */
static int write_file_atomic(const char *path, const char *data, size_t len,
			     struct samen_err *err)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16);
	if (!tmp)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	snprintf(tmp, plen + 16, "%s.tmp-XXXXXX", path);
	int rc = 0;
	int fd = mkstemp(tmp); /* mode 0600 */
	if (fd < 0) {
		rc = samen_fail(err, SAMEN_EIO, "cannot create %s: %s", tmp, strerror(errno));
		goto out;
	}
	for (size_t done = 0; done < len;) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = samen_fail(err, SAMEN_EIO, "cannot write %s: %s", path, strerror(errno));
			break;
		}
		done += (size_t)w;
	}
	if (close(fd) != 0 && rc == 0)
		rc = samen_fail(err, SAMEN_EIO, "cannot write %s: %s", path, strerror(errno));
	if (rc == 0 && rename(tmp, path) != 0)
		rc = samen_fail(err, SAMEN_EIO, "cannot write %s: %s", path, strerror(errno));
	if (rc)
		unlink(tmp);
out:
	free(tmp);
	return rc;
}

int table_out_csv_file(const struct table_out *t, const struct table_out_csv_opts *opts,
		       const char *path, struct samen_err *err)
{
	struct buf b;
	buf_init(&b, TABLE_OUT_MAX_FILE);
	int rc = table_out_csv(t, opts, &b, err);
	if (rc == 0)
		rc = write_file_atomic(path, buf_str(&b), b.len, err);
	buf_release(&b);
	return rc;
}

/* ---- XLSX ------------------------------------------------------------- */

/* Display width of a UTF-8 string in characters. */
static size_t utf8_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Fill the worksheet; returns an lxw_error (LXW_NO_ERROR = 0). */
static lxw_error fill_sheet(const struct table_out *t, lxw_workbook *wb, lxw_worksheet *ws)
{
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_format *fmt[TABLE_OUT_MAX_COLS];
	lxw_error e = LXW_NO_ERROR;

	for (int c = 0; c < t->ncols; c++) {
		const struct column *col = &t->cols[c];
		fmt[c] = NULL;
		if (col->type == TABLE_OUT_INT) {
			fmt[c] = workbook_add_format(wb);
			format_set_num_format(fmt[c], "0");
		} else if (col->type == TABLE_OUT_DECIMAL) {
			char nf[16] = "0";
			if (col->decimals > 0) {
				nf[1] = '.';
				memset(nf + 2, '0', (size_t)col->decimals);
				nf[2 + col->decimals] = '\0';
			}
			fmt[c] = workbook_add_format(wb);
			format_set_num_format(fmt[c], nf);
		} else if (col->type == TABLE_OUT_DATE) {
			fmt[c] = workbook_add_format(wb);
			format_set_num_format(fmt[c], "dd-mm-yyyy");
		}
		e = worksheet_write_string(ws, 0, (lxw_col_t)c, col->header, bold);
		if (e)
			return e;
	}

	for (size_t r = 0; r < t->nrows; r++) {
		lxw_row_t row = (lxw_row_t)(r + 1);
		for (int c = 0; c < t->ncols; c++) {
			const struct cell *x = &t->cells[r * (size_t)t->ncols + (size_t)c];
			if (!x->set)
				continue;
			lxw_col_t col = (lxw_col_t)c;
			switch (t->cols[c].type) {
			case TABLE_OUT_TEXT:
				e = worksheet_write_string(ws, row, col, x->v.s, NULL);
				break;
			case TABLE_OUT_INT:
				e = worksheet_write_number(ws, row, col, (double)x->v.i, fmt[c]);
				break;
			case TABLE_OUT_DECIMAL:
				e = worksheet_write_number(ws, row, col,
							   round_to(x->v.d, t->cols[c].decimals),
							   fmt[c]);
				break;
			case TABLE_OUT_DATE: {
				lxw_datetime dt = {0};
				date_civil(x->v.days, &dt.year, &dt.month, &dt.day);
				e = worksheet_write_datetime(ws, row, col, &dt, fmt[c]);
				break;
			}
			}
			if (e)
				return e;
		}
	}

	/* Column widths from the longest value (in characters), within 8..60. */
	for (int c = 0; c < t->ncols; c++) {
		const struct column *col = &t->cols[c];
		size_t w = utf8_width(col->header) + 3; /* bold text and the filter button */
		for (size_t r = 0; r < t->nrows; r++) {
			const struct cell *x = &t->cells[r * (size_t)t->ncols + (size_t)c];
			if (!x->set)
				continue;
			size_t n = 0;
			char tmp[64];
			if (col->type == TABLE_OUT_TEXT) {
				n = utf8_width(x->v.s);
			} else if (col->type == TABLE_OUT_INT) {
				n = (size_t)snprintf(tmp, sizeof tmp, "%" PRId64, x->v.i);
			} else if (col->type == TABLE_OUT_DECIMAL) {
				format_decimal(x->v.d, col->decimals, '.', tmp);
				n = strlen(tmp);
			} else {
				n = 10;
			}
			if (n + 1 > w)
				w = n + 1;
		}
		if (w < 8)
			w = 8;
		if (w > 60)
			w = 60;
		e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, (double)w, NULL);
		if (e)
			return e;
	}
	worksheet_freeze_panes(ws, 1, 0);
	return worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(t->ncols - 1));
}

int table_out_xlsx(const struct table_out *t, struct buf *out, struct samen_err *err)
{
	if (t->ncols == 0)
		return samen_fail(err, SAMEN_EINTERNAL, "table: no columns");
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	size_t n = strlen(dir) + 32;
	char *path = malloc(n);
	char *tmpdir = strdup(dir);
	int fd = -1, rc = 0;
	if (!path || !tmpdir) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	snprintf(path, n, "%s/samen-xlsx-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0) {
		rc = samen_fail(err, SAMEN_EIO, "cannot create a temporary file in %s: %s", dir,
				strerror(errno));
		goto out;
	}

	lxw_workbook_options wopts = {.constant_memory = LXW_FALSE, .tmpdir = tmpdir};
	lxw_workbook *wb = workbook_new_opt(path, &wopts);
	if (!wb) {
		rc = samen_fail(err, SAMEN_EIO, "libxlsxwriter cannot start a workbook at %s", path);
		goto out;
	}
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->title);
	lxw_error e = ws ? fill_sheet(t, wb, ws) : LXW_NO_ERROR;
	lxw_error ce = workbook_close(wb); /* writes the file and frees wb */
	if (!ws) {
		rc = samen_fail(err, SAMEN_EIO, "libxlsxwriter rejects the sheet name '%s'",
				t->title);
		goto out;
	}
	if (e || ce) {
		rc = samen_fail(err, SAMEN_EIO, "cannot write the XLSX workbook: %s",
				lxw_strerror(e ? e : ce));
		goto out;
	}

	struct stat sb;
	if (fstat(fd, &sb) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
		rc = samen_fail(err, SAMEN_EIO, "cannot read back %s: %s", path, strerror(errno));
		goto out;
	}
	if ((size_t)sb.st_size > out->max - out->len) {
		rc = samen_fail(err, SAMEN_ETOOBIG, "the XLSX workbook (%lld bytes) exceeds its limit",
				(long long)sb.st_size);
		goto out;
	}
	char chunk[65536];
	for (;;) {
		ssize_t got = read(fd, chunk, sizeof chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			rc = samen_fail(err, SAMEN_EIO, "cannot read back %s: %s", path,
					strerror(errno));
			goto out;
		}
		if (got == 0)
			break;
		rc = buf_add(out, chunk, (size_t)got);
		if (rc) {
			rc = samen_fail(err, rc, "the XLSX workbook exceeds its limit");
			goto out;
		}
	}
out:
	if (fd >= 0) {
		close(fd);
		unlink(path);
	}
	free(path);
	free(tmpdir);
	return rc;
}

int table_out_xlsx_file(const struct table_out *t, const char *path, struct samen_err *err)
{
	struct buf b;
	buf_init(&b, TABLE_OUT_MAX_FILE);
	int rc = table_out_xlsx(t, &b, err);
	if (rc == 0)
		rc = write_file_atomic(path, buf_str(&b), b.len, err);
	buf_release(&b);
	return rc;
}
