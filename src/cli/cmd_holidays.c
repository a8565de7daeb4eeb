/*
 * cmd_holidays.c - `samen holidays`: the school holidays Samen plans around.
 *
 *   import FILE  add a new school year from the government's list (Samen's
 *                list layout or the open data JSON) or an OpenHolidays CSV
 *                export; every faulty row is refused with its line and the
 *                reason, and nothing is written then (formats/holidays_import.h)
 *   list         the stored holidays per school year and region
 */
#include "cli/cli.h"
#include "formats/holidays_import.h"
#include "store/store_calendar.h"
#include "util/buf.h"
#include "util/date.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
	fprintf(stderr, "usage: samen holidays import FILE [--format auto|list|rijksoverheid|openholidays]"
			" [--replace] [--dry-run] [--db PATH|URL]\n"
			"       samen holidays list [--school-year 2026-2027] [--region noord] [--db PATH|URL]\n");
	return 2;
}

static int read_all(const char *path, struct buf *b)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "samen: cannot open %s: %s\n", path, strerror(errno));
		return 1;
	}
	char chunk[65536];
	size_t got;
	int rc = 0;
	while (rc == 0 && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_add(b, chunk, got);
	int rerr = ferror(f);
	if (f != stdin)
		fclose(f);
	if (rc == SAMEN_ETOOBIG) {
		fprintf(stderr, "samen: %s is larger than %zu bytes\n", path, b->max);
		return 1;
	}
	if (rc || rerr) {
		fprintf(stderr, "samen: cannot read %s\n", path);
		return 1;
	}
	return 0;
}

static int import(int argc, char **argv)
{
	const char *target = cli_default_db();
	enum holidays_format format = HOLIDAYS_AUTO;
	bool replace = false, dry_run = false;
	struct samen_err err;
	samen_err_clear(&err);
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"format", required_argument, NULL, 'f'},
					     {"replace", no_argument, NULL, 'r'},
					     {"dry-run", no_argument, NULL, 'n'},
					     {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'f':
			if (holidays_format_parse(optarg, &format, &err)) {
				cli_print_err(&err);
				return 2;
			}
			break;
		case 'r': replace = true; break;
		case 'n': dry_run = true; break;
		default: return usage();
		}
	}
	if (optind + 1 != argc)
		return usage();
	const char *path = argv[optind];
	struct buf text;
	buf_init(&text, HOLIDAYS_MAX_BYTES);
	if (read_all(path, &text)) {
		buf_release(&text);
		return 1;
	}
	struct holidays_batch b;
	int rc = holidays_parse(buf_str(&text), text.len, format, &b, &err);
	buf_release(&text);
	if (rc) {
		size_t shown = b.n_problems < HOLIDAYS_MAX_PROBLEMS ? b.n_problems : HOLIDAYS_MAX_PROBLEMS;
		for (size_t i = 0; i < shown; i++) {
			struct samen_err e = {SAMEN_EINVAL, b.problems[i].line, "", ""};
			snprintf(e.field, sizeof e.field, "%s", b.problems[i].field);
			snprintf(e.msg, sizeof e.msg, "%s", b.problems[i].msg);
			cli_print_err(&e);
		}
		if (shown == 0)
			cli_print_err(&err);
		if (b.n_problems > shown)
			fprintf(stderr, "samen: ... and %zu more problems\n", b.n_problems - shown);
		fprintf(stderr, "samen: %s was not imported; nothing was written\n", path);
		holidays_batch_release(&b);
		return 1;
	}
	for (size_t i = 0; i < b.n; i++)
		if (b.rows[i].widened) {
			char a[11], e[11];
			date_format(b.rows[i].h.start, a);
			date_format(b.rows[i].h.end, e);
			printf("line %ld: a Monday-Friday range, taken as %s to %s (%s %s)\n",
			       b.rows[i].line, a, e, calendar_kind_name(b.rows[i].h.kind),
			       calendar_region_name(b.rows[i].h.region));
		}
	struct db *db;
	if (cli_open_db(target, &db)) {
		holidays_batch_release(&b);
		return 1;
	}
	struct holidays_import_stats st = {0};
	rc = dry_run ? db_begin(db, &err) : 0;
	if (rc == 0)
		rc = store_calendar_import_holidays(db, &b, replace, "cli", 0, &st, &err);
	if (dry_run)
		db_rollback(db);
	db_close(db);
	if (rc) {
		cli_print_err(&err);
		fprintf(stderr, "samen: %s was not imported; nothing was written\n", path);
		holidays_batch_release(&b);
		return 1;
	}
	printf("%s%s (%s): %zu holidays added, %zu replaced, %zu unchanged\n",
	       dry_run ? "dry run, nothing written: " : "", path, holidays_format_name(b.format),
	       st.added, st.replaced, st.unchanged);
	holidays_batch_release(&b);
	return 0;
}

static int list(int argc, char **argv)
{
	const char *target = cli_default_db();
	int year = 0, region = -1;
	struct samen_err err;
	samen_err_clear(&err);
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"school-year", required_argument, NULL, 'y'},
					     {"region", required_argument, NULL, 'r'},
					     {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'y':
			if (calendar_school_year_parse(optarg, &year)) {
				fprintf(stderr, "samen: --school-year needs a school year like 2026-2027\n");
				return 2;
			}
			break;
		case 'r':
			if (calendar_region_parse(optarg, &region, 0, &err)) {
				cli_print_err(&err);
				return 2;
			}
			break;
		default: return usage();
		}
	}
	if (optind != argc)
		return usage();
	struct db *db;
	if (cli_open_db(target, &db))
		return 1;
	struct calendar cal;
	calendar_init(&cal);
	int rc = store_calendar_load_holidays(db, &cal, &err);
	db_close(db);
	if (rc) {
		cli_print_err(&err);
		calendar_release(&cal);
		return 1;
	}
	printf("school year  region  holiday                           first day   last day\n");
	for (size_t i = 0; i < cal.n_holidays; i++) {
		const struct cal_holiday *h = &cal.holidays[i];
		if ((year && h->school_year != year) || (region >= 0 && h->region != region))
			continue;
		char sy[10], a[11], e[11];
		calendar_school_year_text(h->school_year, sy);
		date_format(h->start, a);
		date_format(h->end, e);
		printf("%-11s  %-6s  %-32s  %s  %s\n", sy, calendar_region_name(h->region),
		       calendar_kind_name(h->kind), a, e);
	}
	calendar_release(&cal);
	return 0;
}

static int run(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "import") == 0)
		return import(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return list(argc - 1, argv + 1);
	return usage();
}

const struct cli_command cmd_holidays = {
	.name = "holidays",
	.summary = "list school holidays or import a new school year",
	.help = "Usage: samen holidays import FILE [--format auto|list|rijksoverheid|openholidays]\n"
		"                              [--replace] [--dry-run] [--db PATH|URL]\n"
		"       samen holidays list [--school-year 2026-2027] [--region noord|midden|zuid]\n\n"
		"Samen ships the school holidays of 2024-2025 to 2028-2029 per region. A new\n"
		"school year is added from:\n"
		"  list           Samen's layout: school_year,region,name,start_date,end_date\n"
		"                 (as data/schoolvakanties.csv)\n"
		"  rijksoverheid  the government's open data (opendata.rijksoverheid.nl,\n"
		"                 schoolholidays, output=json)\n"
		"  openholidays   an OpenHolidays CSV export (semicolons; Groups NO, MI, ZU)\n"
		"The layout is recognised when --format is left out. A Monday-Friday range is\n"
		"widened to the weekends; a holiday of impossible length for its kind, an end\n"
		"before its start, overlapping periods of one kind, an unknown region or kind\n"
		"is refused with the line and the reason, and nothing is written. A holiday\n"
		"already stored with other dates is changed only with --replace. See\n"
		"docs/calendar.md.\n",
	.run = run,
};
