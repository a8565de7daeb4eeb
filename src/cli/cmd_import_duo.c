/*
 * cmd_import_duo.c - `samen import duo FILE`: read a DUO VO open-data file
 * (locations, boards, pupils, prognoses or personnel; both column
 * generations; ',' or ';'; docs/formats/duo-vo.md) and store it all or
 * nothing with its provenance. Reached through `samen import` (cmd_import.c).
 */
#include "cli/cli.h"
#include "cli/facts_cli.h"
#include "formats/duo_vo.h"
#include "store/facts.h"
#include "util/buf.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int usage(void)
{
	fprintf(stderr, "usage: samen import duo FILE [--kind locations|boards|pupils|prognoses|"
			"personnel] [--year YYYY] [--dry-run] [--db PATH|URL]\n");
	return 2;
}

int cmd_import_duo(int argc, char **argv)
{
	const char *target = cli_default_db(), *kind_s = NULL, *year_s = NULL;
	int dry = 0;
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},	{"kind", required_argument, NULL, 'k'},
		{"year", required_argument, NULL, 'y'}, {"dry-run", no_argument, NULL, 'n'},
		{0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'k': kind_s = optarg; break;
		case 'y': year_s = optarg; break;
		case 'n': dry = 1; break;
		default: return usage();
		}
	}
	if (optind != argc - 1)
		return usage();
	const char *path = argv[optind];
	enum duo_kind kind = DUO_UNKNOWN;
	if (kind_s && (kind = duo_kind_parse(kind_s)) == DUO_UNKNOWN) {
		fprintf(stderr, "samen: unknown --kind '%s'\n", kind_s);
		return 2;
	}
	int year = year_s ? (int)strtol(year_s, NULL, 10) : duo_year_from_name(path);
	if (year_s && (year < 1990 || year > 2100)) {
		fprintf(stderr, "samen: --year must be a year such as 2024\n");
		return 2;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "samen: cannot open %s: %s\n", path, strerror(errno));
		return 1;
	}
	struct buf b;
	buf_init(&b, DUO_MAX_BYTES);
	char chunk[65536];
	size_t got;
	int rc = 0;
	while (rc == 0 && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_add(&b, chunk, got);
	fclose(f);
	if (rc) {
		fprintf(stderr, "samen: %s is larger than %zu MiB\n", path, DUO_MAX_BYTES >> 20);
		buf_release(&b);
		return 1;
	}
	struct samen_err err;
	samen_err_clear(&err);
	struct duo_file df;
	if (duo_parse(buf_str(&b), b.len, kind, year, &df, &err)) {
		cli_print_err(&err);
		buf_release(&b);
		return 1;
	}
	buf_release(&b);
	struct db *db = NULL;
	int status = 1;
	if (cli_open_db(target, &db))
		goto out;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	struct duo_import_stats st = {0};
	if (dry) {
		rc = db_begin(db, &err);
		if (rc == 0)
			rc = facts_duo_import(db, &df, base, "cli", &st, &err);
		db_rollback(db);
	} else {
		rc = facts_duo_import(db, &df, base, "cli", &st, &err);
	}
	if (rc) {
		cli_print_err(&err);
		goto out;
	}
	printf("%s DUO %s file %s (%s column names, delimiter '%c'%s): %ld rows, %ld records%s",
	       dry ? "dry run: would import" : "imported", duo_kind_name(df.kind), base,
	       df.generation == 1 ? "old" : df.generation == 2 ? "new" : "board",
	       df.delim, df.latin1 ? ", Latin-1" : "", st.rows, st.stored,
	       dry ? "; nothing was written\n" : "");
	if (!dry)
		printf(", source %lld\n", (long long)st.source_id);
	if (st.masked)
		printf("  %ld masked values (\"<5\", \"*\") stored as unknown, not as 0\n", st.masked);
	if (st.blank_cells)
		printf("  %ld empty count cells read as 0\n", st.blank_cells);
	status = 0;
out:
	duo_file_free(&df);
	db_close(db);
	return status;
}
