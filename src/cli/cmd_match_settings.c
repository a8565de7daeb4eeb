/*
 * cmd_match_settings.c - the matching settings a timetable import needs:
 * `samen timetable-settings --school BRINVESTIGING --bell "1=08:30-09:20,..."
 * [--max-teaching-hours N]` sets a school's bell schedule, lesson length and
 * teaching cap; `samen travel-import FILE` imports travel times between
 * schools from CSV rows `from_brinvest;to_brinvest;minutes`, all or
 * nothing (store/timetable_store.h); `samen match-settings --region ID
 * [--speed KMH] [--weeks N] [--offer-days N]` sets a region's matching
 * settings (a value left out keeps its current value). Separate commands
 * because `samen match` has no subcommands.
 */
#include "cli/cli.h"
#include "formats/timetable.h"
#include "store/timetable_store.h"
#include "util/buf.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRAVEL_FILE_MAX ((size_t)4 * 1024 * 1024)

static int settings_usage(void)
{
	fprintf(stderr, "usage: samen timetable-settings --school BRINVESTIGING --bell SCHEDULE "
			"[--max-teaching-hours N] [--db PATH|URL]\n");
	return 2;
}

static int settings_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"school", required_argument, NULL, 's'},
		{"bell", required_argument, NULL, 'b'},
		{"max-teaching-hours", required_argument, NULL, 'm'},
		{"db", required_argument, NULL, 'd'},
		{0}};
	const char *target = cli_default_db(), *school = NULL, *bell = NULL;
	double cap = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		char *end;
		switch (c) {
		case 's': school = optarg; break;
		case 'b': bell = optarg; break;
		case 'd': target = optarg; break;
		case 'm':
			errno = 0;
			cap = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(cap >= 1 && cap <= 1659)) {
				fprintf(stderr, "samen: --max-teaching-hours needs clock hours per "
						"fte-year, 1 to 1659\n");
				return 2;
			}
			break;
		default: return settings_usage();
		}
	}
	if (optind != argc || !school || !bell)
		return settings_usage();
	struct samen_err err;
	samen_err_clear(&err);
	struct bell_schedule b;
	if (bell_schedule_parse(bell, &b, &err)) {
		cli_print_err(&err);
		return 1;
	}
	struct db *db = NULL;
	if (cli_open_db(target, &db))
		return 1;
	int status = 1;
	int64_t school_id = 0;
	if (timetable_store_school_find(db, school, &school_id, &err) ||
	    timetable_store_settings_set(db, school_id, &b, cap, "cli", &err)) {
		cli_print_err(&err);
		goto out;
	}
	char text[256];
	if (bell_schedule_format(&b, text, sizeof text, &err) != 0)
		snprintf(text, sizeof text, "%d periods", b.nperiods);
	printf("school %s: bell schedule %s%s\n", school, text,
	       cap > 0 ? ", teaching cap set" : "");
	status = 0;
out:
	db_close(db);
	return status;
}

static int travel_usage(void)
{
	fprintf(stderr, "usage: samen travel-import FILE [--db PATH|URL]\n");
	return 2;
}

static int travel_run(int argc, char **argv)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'}, {0}};
	const char *target = cli_default_db();
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'd')
			target = optarg;
		else
			return travel_usage();
	}
	if (optind != argc - 1)
		return travel_usage();
	const char *path = argv[optind];
	struct samen_err err;
	samen_err_clear(&err);
	struct buf data;
	buf_init(&data, TRAVEL_FILE_MAX);
	struct timetable_travel *rows = NULL;
	size_t n = 0;
	struct db *db = NULL;
	int status = 1;
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "samen: cannot open travel file %s: %s\n", path, strerror(errno));
		goto out;
	}
	char chunk[65536];
	size_t got;
	int rc = 0;
	while (rc == 0 && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_add(&data, chunk, got);
	int rerr = ferror(f);
	fclose(f);
	if (rc || rerr) {
		fprintf(stderr, "samen: cannot read travel file %s (at most %zu bytes)\n", path,
			data.max);
		goto out;
	}
	rows = calloc(TIMETABLE_TRAVEL_MAX, sizeof *rows);
	if (!rows) {
		fprintf(stderr, "samen: out of memory\n");
		goto out;
	}
	if (timetable_parse_travel(buf_str(&data), data.len, rows, &n, &err)) {
		cli_print_err(&err);
		goto out;
	}
	if (cli_open_db(target, &db))
		goto out;
	if (timetable_store_travel_import(db, rows, n, "cli", &err)) {
		fprintf(stderr, "samen: travel times not imported, nothing was written:\n");
		cli_print_err(&err);
		goto out;
	}
	printf("imported %zu travel times\n", n);
	status = 0;
out:
	db_close(db);
	free(rows);
	buf_release(&data);
	return status;
}

const struct cli_command cmd_timetable_settings = {
	.name = "timetable-settings",
	.summary = "set a school's bell schedule and teaching cap for matching",
	.help = "Usage: samen timetable-settings --school BRINVESTIGING --bell SCHEDULE\n"
		"           [--max-teaching-hours N] [--db PATH|URL]\n\n"
		"Sets the bell schedule of a school (all its periods are replaced), e.g.\n"
		"--bell \"1=08:30-09:20,2=09:20-10:10,3=10:10-11:00,lesson=50\" (lesson= is\n"
		"the standard lesson length, 20 to 120 minutes; default the length of\n"
		"period 1). The Untis import takes each lesson's clock times from it.\n"
		"--max-teaching-hours sets the teaching cap in clock hours per fte-year\n"
		"(rule 12; 1 to 1659; default: keep the current cap, else 720).\n",
	.run = settings_run,
};

const struct cli_command cmd_travel_import = {
	.name = "travel-import",
	.summary = "import travel times between schools (CSV) all or nothing",
	.help = "Usage: samen travel-import FILE [--db PATH|URL]\n\n"
		"FILE holds rows from_brinvest;to_brinvest;minutes (e.g. 31KN00;14AB00;12),\n"
		"optionally a header line. Each row sets the travel time from one school to\n"
		"the other (one direction); imported times take precedence over the\n"
		"estimate from the distance. On any bad row nothing is written and the\n"
		"error names the line.\n",
	.run = travel_run,
};

static int region_usage(void)
{
	fprintf(stderr, "usage: samen match-settings --region ID [--speed KMH] [--weeks N] "
			"[--offer-days N] [--db PATH|URL]\n");
	return 2;
}

/* Parse a whole number lo..hi from s; false for anything else. */
static bool whole(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static int region_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'},
		{"speed", required_argument, NULL, 's'},
		{"weeks", required_argument, NULL, 'w'},
		{"offer-days", required_argument, NULL, 'o'},
		{"db", required_argument, NULL, 'd'},
		{0}};
	const char *target = cli_default_db();
	long region = 0, weeks = 0, days = 0;
	double speed = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		char *end;
		switch (c) {
		case 'd': target = optarg; break;
		case 'r':
			if (!whole(optarg, 1, 1L << 30, &region)) {
				fprintf(stderr, "samen: --region needs a region id\n");
				return 2;
			}
			break;
		case 's':
			errno = 0;
			speed = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(speed > 0 && speed <= 200)) {
				fprintf(stderr, "samen: --speed needs km/h, more than 0 and at most 200\n");
				return 2;
			}
			break;
		case 'w':
			if (!whole(optarg, 1, 52, &weeks)) {
				fprintf(stderr, "samen: --weeks needs 1 to 52 weeks per year\n");
				return 2;
			}
			break;
		case 'o':
			if (!whole(optarg, 1, 30, &days)) {
				fprintf(stderr, "samen: --offer-days needs 1 to 30 days\n");
				return 2;
			}
			break;
		default: return region_usage();
		}
	}
	if (optind != argc || !region)
		return region_usage();
	struct samen_err err;
	samen_err_clear(&err);
	struct db *db = NULL;
	if (cli_open_db(target, &db))
		return 1;
	int status = 1;
	struct timetable_region_settings cur;
	int64_t exists = 0;
	char id[24];
	snprintf(id, sizeof id, "%ld", region);
	const char *params[] = {id};
	int rc = db_query_int(db, "SELECT COUNT(*) FROM region WHERE id = CAST($1 AS INTEGER)", 1,
			      params, &exists, &err);
	if (rc == 0 && !exists)
		rc = samen_fail_at(&err, SAMEN_ENOTFOUND, 0, "region", "no region %ld", region);
	if (rc == 0)
		rc = timetable_store_region_settings(db, region, &cur, &err);
	if (rc == 0)
		rc = timetable_store_region_settings_set(db, region, speed > 0 ? speed : cur.speed_kmh,
							 weeks ? (int)weeks : cur.weeks_per_year,
							 days ? (int)days : cur.offer_days, "cli",
							 &err);
	if (rc) {
		cli_print_err(&err);
		goto out;
	}
	rc = timetable_store_region_settings(db, region, &cur, &err);
	if (rc) {
		cli_print_err(&err);
		goto out;
	}
	printf("region %ld: speed %.1f km/h, %d weeks per year, offers run %d days\n", region,
	       cur.speed_kmh, cur.weeks_per_year, cur.offer_days);
	status = 0;
out:
	db_close(db);
	return status;
}

const struct cli_command cmd_match_settings = {
	.name = "match-settings",
	.summary = "set a region's matching settings (speed, weeks, offer days)",
	.help = "Usage: samen match-settings --region ID [--speed KMH] [--weeks N]\n"
		"           [--offer-days N] [--db PATH|URL]\n\n"
		"Sets the matching settings of a region: the travel speed used to estimate\n"
		"travel time from the distance (km/h, more than 0 and at most 200; default\n"
		"30), the school weeks per year that turn hours per week into hours per\n"
		"year (1 to 52; default 40) and how many days an offer runs before it\n"
		"lapses (1 to 30; default 3). A value left out keeps its current value.\n"
		"Also on the screen /regio/ID/matchinstellingen.\n",
	.run = region_run,
};
