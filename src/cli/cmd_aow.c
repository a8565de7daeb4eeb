/*
 * cmd_aow.c - `samen aow list|import FILE|reset`: the AOW-age settings table
 * that the fact base uses for expected retirements (issue 3; docs/facts.md).
 *
 * The import file is a CSV (';' or ','), one row per birth-date range:
 *   born_from;born_to;years;months;law;source
 * with dates YYYY-MM-DD (empty for an open end), the AOW age in years and
 * months, law 1 (fixed by law) or 0 (an assumption kept as a setting), and
 * where the value comes from. The whole table is replaced, or nothing.
 */
#include "cli/cli.h"
#include "core/pension_age.h"
#include "formats/csvrows.h"
#include "store/facts.h"
#include "store/pension_store.h"
#include "util/date.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AOW_MAX_ROWS 64
#define AOW_MAX_FILE (1u << 20)

struct aow_read {
	struct pension_row rows[AOW_MAX_ROWS];
	char sources[AOW_MAX_ROWS][256];
	size_t n;
};

static int parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int aow_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct aow_read *a = ctx;
	if (line == 1 && strcmp(f[0], "born_from") == 0)
		return 0; /* header */
	if (n != 6)
		return samen_fail_at(err, SAMEN_EINVAL, line, "", "expected 6 fields"
				     " (born_from;born_to;years;months;law;source), found %d", n);
	if (a->n >= AOW_MAX_ROWS)
		return samen_fail_at(err, SAMEN_EINVAL, line, "", "more than %d rows", AOW_MAX_ROWS);
	struct pension_row *r = &a->rows[a->n];
	r->born_from = PENSION_OPEN_FROM;
	r->born_to = PENSION_OPEN_TO;
	if (f[0][0] && date_parse(f[0], &r->born_from) != 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "born_from", "'%s' is not a date (YYYY-MM-DD)", f[0]);
	if (f[1][0] && date_parse(f[1], &r->born_to) != 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "born_to", "'%s' is not a date (YYYY-MM-DD)", f[1]);
	long v;
	if (parse_int(f[2], 60, 75, &v))
		return samen_fail_at(err, SAMEN_EINVAL, line, "years", "'%s' is not an age from 60 to 75", f[2]);
	r->years = (int)v;
	if (parse_int(f[3], 0, 11, &v))
		return samen_fail_at(err, SAMEN_EINVAL, line, "months", "'%s' is not 0 to 11 months", f[3]);
	r->months = (int)v;
	if (parse_int(f[4], 0, 1, &v))
		return samen_fail_at(err, SAMEN_EINVAL, line, "law", "law must be 1 (by law) or 0 (assumption)");
	r->is_law = v == 1;
	if (!f[5][0] || strlen(f[5]) >= sizeof a->sources[0])
		return samen_fail_at(err, SAMEN_EINVAL, line, "source", "every row needs its source (at most 255 bytes)");
	snprintf(a->sources[a->n], sizeof a->sources[0], "%s", f[5]);
	r->source = a->sources[a->n];
	a->n++;
	return 0;
}

static void print_table(const struct pension_row *rows, size_t n)
{
	printf("%-10s  %-10s  %-8s  %-10s  %s\n", "born_from", "born_to", "AOW age", "kind", "source");
	for (size_t i = 0; i < n; i++) {
		char from[11] = "", to[11] = "", age[16];
		if (rows[i].born_from != PENSION_OPEN_FROM)
			date_format(rows[i].born_from, from);
		if (rows[i].born_to != PENSION_OPEN_TO)
			date_format(rows[i].born_to, to);
		snprintf(age, sizeof age, "%d y %d m", rows[i].years, rows[i].months);
		printf("%-10s  %-10s  %-8s  %-10s  %s\n", from[0] ? from : "-", to[0] ? to : "-", age,
		       rows[i].is_law ? "law" : "assumption", rows[i].source ? rows[i].source : "");
	}
}

static int run(int argc, char **argv)
{
	const char *target = cli_default_db();
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'}, {0}};
	int c;
	optind = 2;
	if (argc < 2 || (strcmp(argv[1], "list") != 0 && strcmp(argv[1], "import") != 0 &&
			 strcmp(argv[1], "reset") != 0)) {
		fprintf(stderr, "usage: samen aow list|import FILE|reset [--db PATH|URL]\n");
		return 2;
	}
	while ((c = getopt_long(argc, argv, "d:", opts, NULL)) != -1) {
		if (c == 'd')
			target = optarg;
		else
			return 2;
	}
	const char *file = NULL;
	if (strcmp(argv[1], "import") == 0) {
		if (optind != argc - 1) {
			fprintf(stderr, "usage: samen aow import FILE [--db PATH|URL]\n");
			return 2;
		}
		file = argv[optind];
	}
	struct db *db;
	if (cli_open_db(target, &db))
		return 1;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = 0;
	if (strcmp(argv[1], "list") == 0) {
		struct pension_row *rows = NULL;
		size_t n = 0;
		char *strings = NULL;
		rc = facts_pension_rows(db, &rows, &n, &strings, &err);
		if (rc == 0)
			print_table(rows, n);
		free(rows);
		free(strings);
	} else if (strcmp(argv[1], "reset") == 0) {
		rc = pension_store_replace(db, NULL, 0, "cli", &err);
		if (rc == 0)
			printf("AOW table back to the built-in defaults\n");
	} else {
		FILE *fp = fopen(file, "rb");
		struct aow_read *a = calloc(1, sizeof *a);
		char *data = malloc(AOW_MAX_FILE + 1);
		size_t len = 0;
		if (!fp) {
			rc = samen_fail(&err, SAMEN_EIO, "cannot open %s", file);
		} else if (!a || !data) {
			rc = samen_fail(&err, SAMEN_ENOMEM, "out of memory");
		} else {
			len = fread(data, 1, AOW_MAX_FILE + 1, fp);
			if (len > AOW_MAX_FILE)
				rc = samen_fail(&err, SAMEN_ETOOBIG, "%s is larger than 1 MiB", file);
		}
		if (fp)
			fclose(fp);
		if (rc == 0)
			rc = csvrows_parse(data, len, csvrows_sniff(data, len), aow_row, a, &err);
		if (rc == 0 && a->n == 0)
			rc = samen_fail(&err, SAMEN_EINVAL, "%s has no rows", file);
		if (rc == 0)
			rc = pension_store_replace(db, a->rows, a->n, "cli", &err);
		if (rc == 0)
			printf("AOW table replaced: %zu row(s)\n", a->n);
		free(data);
		free(a);
	}
	if (rc)
		cli_print_err(&err);
	db_close(db);
	return rc ? 1 : 0;
}

const struct cli_command cmd_aow = {
	.name = "aow",
	.summary = "view or replace the AOW-age table of the fact base",
	.help = "Usage: samen aow list|reset [--db PATH|URL]\n"
		"       samen aow import FILE [--db PATH|URL]\n\n"
		"The state pension (AOW) age by birth date, used by the fact base for expected\n"
		"retirements. `list` shows the table in force (the built-in one from SVB and\n"
		"Rijksoverheid until one is imported). `import` replaces it, all or nothing,\n"
		"from a CSV with the header born_from;born_to;years;months;law;source - dates\n"
		"YYYY-MM-DD (empty for an open end), the age in years (60-75) and months (0-11),\n"
		"law 1 when the age is fixed by law and 0 for an assumption, and the source of\n"
		"every row. Ranges must not overlap (errors name the line and field). `reset`\n"
		"goes back to the built-in table.\n",
	.run = run,
};
