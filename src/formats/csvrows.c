/*
 * csvrows.c - CSV rows through libcsv, with line numbers (see csvrows.h).
 */
#include "formats/csvrows.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

struct state {
	csvrows_fn fn;
	void *ctx;
	struct samen_err *err;
	char *fields[CSVROWS_MAX_FIELDS];
	int n;
	long line;       /* line currently being read (1-based) */
	long row_line;   /* line on which the current row started */
	int rc;
	int too_many;
};

static void on_field(void *s, size_t len, void *p)
{
	struct state *st = p;
	if (st->rc)
		return;
	if (st->n == 0)
		st->row_line = st->line;
	if (st->n >= CSVROWS_MAX_FIELDS) {
		st->too_many = 1;
		return;
	}
	char *f = malloc(len + 1);
	if (!f) {
		st->rc = samen_fail(st->err, SAMEN_ENOMEM, "out of memory");
		return;
	}
	if (len)
		memcpy(f, s, len);
	f[len] = '\0';
	st->fields[st->n++] = f;
}

static void clear_fields(struct state *st)
{
	for (int i = 0; i < st->n; i++)
		free(st->fields[i]);
	st->n = 0;
	st->too_many = 0;
}

static void on_row(int c, void *p)
{
	struct state *st = p;
	(void)c;
	if (st->rc == 0) {
		if (st->too_many) {
			st->rc = samen_fail_at(st->err, SAMEN_EINVAL, st->row_line, "",
					       "more than %d fields in one row",
					       CSVROWS_MAX_FIELDS);
		} else {
			int blank = st->n == 0 || (st->n == 1 && st->fields[0][0] == '\0');
			if (!blank)
				st->rc = st->fn(st->ctx, st->row_line, st->n, st->fields, st->err);
		}
	}
	clear_fields(st);
}

int csvrows_parse(const char *data, size_t len, char delim, csvrows_fn fn, void *ctx,
		  struct samen_err *err)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	csv_set_delim(&p, (unsigned char)delim);
	struct state st = {.fn = fn, .ctx = ctx, .err = err, .line = 1, .row_line = 1};

	size_t start = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	/* Feed line by line so that rows know where they start. */
	size_t i = start;
	while (i < len && st.rc == 0) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - data) + 1 : len;
		if (csv_parse(&p, data + i, end - i, on_field, on_row, &st) != end - i) {
			st.rc = samen_fail_at(err, SAMEN_EINVAL, st.line, "", "CSV syntax error: %s",
					      csv_strerror(csv_error(&p)));
			break;
		}
		if (nl)
			st.line++;
		i = end;
	}
	if (st.rc == 0) {
		if (csv_fini(&p, on_field, on_row, &st) != 0 && st.rc == 0)
			st.rc = samen_fail_at(err, SAMEN_EINVAL, st.row_line, "",
					      "CSV syntax error: a quoted field is not closed");
	}
	clear_fields(&st);
	csv_free(&p);
	return st.rc;
}

char csvrows_sniff(const char *data, size_t len)
{
	size_t semi = 0, tab = 0, comma = 0;
	for (size_t i = 0; i < len && data[i] != '\n'; i++) {
		if (data[i] == ';')
			semi++;
		else if (data[i] == '\t')
			tab++;
		else if (data[i] == ',')
			comma++;
	}
	if (semi >= tab && semi >= comma && semi > 0)
		return ';';
	if (tab >= comma && tab > 0)
		return '\t';
	return ',';
}
