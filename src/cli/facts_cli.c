/*
 * facts_cli.c - shared helpers of the fact-base commands (see facts_cli.h).
 */
#include "cli/facts_cli.h"
#include "formats/csvrows.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

int facts_cli_region(struct db *db, const char *arg, int64_t *id, struct samen_err *err)
{
	int64_t n = 0;
	int rc;
	if (!arg) {
		rc = db_query_int(db, "SELECT COUNT(*) FROM region", 0, NULL, &n, err);
		if (rc)
			return rc;
		if (n != 1)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "region",
					     n == 0 ? "the database holds no region"
						    : "the database holds several regions: give --region ID|CODE");
		return db_query_int(db, "SELECT id FROM region", 0, NULL, id, err);
	}
	const char *p[] = {arg};
	rc = db_query_int(db, "SELECT id FROM region WHERE code = $1", 1, p, id, err);
	if (rc == SAMEN_ENOTFOUND && strspn(arg, "0123456789") == strlen(arg))
		rc = db_query_int(db, "SELECT id FROM region WHERE id = CAST($1 AS BIGINT)", 1, p, id, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "region", "no region '%s'", arg);
	return rc;
}

int facts_cli_node(const struct factbase *fb, const char *board, const char *school, int *node,
		   struct samen_err *err)
{
	*node = 0;
	if (school) {
		for (int s = 0; s < fb->d.nschools; s++) {
			char code[16], id[24];
			snprintf(code, sizeof code, "%s%s", fb->d.schools[s].brin, fb->d.schools[s].vestiging);
			snprintf(id, sizeof id, "%lld", (long long)fb->d.schools[s].id);
			if (strcmp(code, school) == 0 || strcmp(id, school) == 0) {
				*node = ind_node_school(&fb->ind, s);
				return 0;
			}
		}
		return samen_fail_at(err, SAMEN_EINVAL, 0, "school", "no school '%s' in the region", school);
	}
	if (board) {
		for (int b = 0; b < fb->d.nboards; b++)
			if (strcmp(fb->d.boards[b].bestuursnummer, board) == 0) {
				*node = ind_node_board(b);
				return 0;
			}
		for (int b = 0; b < fb->d.nboards; b++) {
			char id[24];
			snprintf(id, sizeof id, "%lld", (long long)fb->d.boards[b].id);
			if (strcmp(id, board) == 0) {
				*node = ind_node_board(b);
				return 0;
			}
		}
		return samen_fail_at(err, SAMEN_EINVAL, 0, "board", "no board '%s' in the region", board);
	}
	return 0;
}

struct grid {
	char ***cells;
	int *ncols;
	size_t n, cap;
};

static int grid_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	(void)line;
	struct grid *g = ctx;
	if (g->n == g->cap) {
		size_t nc = g->cap ? g->cap * 2 : 32;
		char ***c = realloc(g->cells, nc * sizeof *c);
		int *k = realloc(g->ncols, nc * sizeof *k);
		if (c)
			g->cells = c;
		if (k)
			g->ncols = k;
		if (!c || !k)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		g->cap = nc;
	}
	char **row = calloc((size_t)n, sizeof *row);
	if (!row)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	for (int i = 0; i < n; i++)
		row[i] = strdup(f[i]);
	g->cells[g->n] = row;
	g->ncols[g->n++] = n;
	return 0;
}

/* Display width of UTF-8 text: code points. */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

int facts_cli_print(FILE *out, const struct table_out *t, const char *format, const char *title,
		    struct samen_err *err)
{
	struct buf b;
	buf_init(&b, (size_t)256 << 20);
	struct table_out_csv_opts o = table_out_csv_defaults();
	o.bom = false;
	o.formula_guard = false;
	bool csv = format && strcmp(format, "csv") == 0;
	if (!csv)
		o.delim = '\t';
	int rc = table_out_csv(t, &o, &b, err);
	if (rc == 0 && csv) {
		fputs(buf_str(&b), out);
	} else if (rc == 0) {
		struct grid g = {0};
		rc = csvrows_parse(buf_str(&b), b.len, '\t', grid_row, &g, err);
		size_t w[TABLE_OUT_MAX_COLS] = {0};
		for (size_t r = 0; rc == 0 && r < g.n; r++)
			for (int c = 0; c < g.ncols[r] && c < TABLE_OUT_MAX_COLS; c++)
				if (width(g.cells[r][c]) > w[c])
					w[c] = width(g.cells[r][c]);
		if (title)
			fprintf(out, "%s\n", title);
		for (size_t r = 0; rc == 0 && r < g.n; r++) {
			for (int c = 0; c < g.ncols[r]; c++) {
				const char *s = g.cells[r][c];
				size_t pad = w[c] - width(s);
				/* Text left, numbers (and "*", "<5%") right. */
				bool num = c > 0 && (s[0] == '*' || s[0] == '<' || s[0] == '>' || s[0] == '-' ||
						     s[0] == '+' || (s[0] >= '0' && s[0] <= '9'));
				if (num)
					fprintf(out, "%*s%s", (int)pad, "", s);
				else
					fprintf(out, "%s%*s", s, (int)pad, "");
				fputs(c + 1 < g.ncols[r] ? "  " : "\n", out);
			}
		}
		for (size_t r = 0; r < g.n; r++) {
			for (int c = 0; c < g.ncols[r]; c++)
				free(g.cells[r][c]);
			free(g.cells[r]);
		}
		free(g.cells);
		free(g.ncols);
	}
	buf_release(&b);
	return rc;
}
