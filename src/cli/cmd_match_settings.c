/*
 * cmd_match_settings.c - the matching settings a timetable import needs:
 * `samen timetable-settings --school BRINVESTIGING --bell "1=08:30-09:20,..."
 * [--max-teaching-hours N]` sets a school's bell schedule, lesson length and
 * teaching cap; `samen travel-import FILE` imports travel times between
 * schools from CSV rows `from_brinvest;to_brinvest;minutes`, all or
 * nothing (store/timetable_store.h). Separate commands because `samen
 * match` has no subcommands.
 */
#include "cli/cli.h"
#include "formats/timetable.h"
#include "store/timetable_store.h"
#include "util/buf.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRAVEL_FILE_MAX ((size_t)4 * 1024 * 1024)
#define TRAVEL_MAX 20000

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

/* Copy field [s, e) into out (size n) without surrounding spaces, quotes or CR. */
static int field_copy(const char *s, const char *e, char *out, size_t n)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (e - s >= 2 && *s == '"' && e[-1] == '"') {
		s++;
		e--;
	}
	if ((size_t)(e - s) >= n)
		return -1;
	memcpy(out, s, (size_t)(e - s));
	out[e - s] = '\0';
	return 0;
}

/*
 * Parse travel rows `from;to;minutes` (optional header line starting with
 * "from", blank lines ignored) into out. SAMEN_EINVAL naming line and field.
 */
static int parse_travel(const char *text, size_t len, struct timetable_travel *out, size_t *n,
			struct samen_err *err)
{
	const char *p = text, *end = text + len;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	long line = 0;
	*n = 0;
	static const char *const names[3] = {"from_brinvest", "to_brinvest", "minutes"};
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		line++;
		char f[3][16];
		int nf = 0;
		const char *s = p;
		int blank = 1;
		for (const char *q = p; q < eol; q++)
			if (*q != ' ' && *q != '\t' && *q != '\r')
				blank = 0;
		if (!blank) {
			while (1) {
				const char *semi = memchr(s, ';', (size_t)(eol - s));
				const char *fe = semi ? semi : eol;
				if (nf == 3)
					return samen_fail_at(err, SAMEN_EINVAL, line, "minutes",
							     "expected 3 fields: from_brinvest;"
							     "to_brinvest;minutes");
				if (field_copy(s, fe, f[nf], sizeof f[nf]) != 0)
					return samen_fail_at(err, SAMEN_EINVAL, line, names[nf],
							     "value too long");
				nf++;
				if (!semi)
					break;
				s = semi + 1;
			}
			if (nf != 3)
				return samen_fail_at(err, SAMEN_EINVAL, line, names[nf],
						     "expected 3 fields: from_brinvest;to_brinvest;"
						     "minutes");
			if (!(line == 1 && strncmp(f[0], "from", 4) == 0)) {
				if (*n >= TRAVEL_MAX)
					return samen_fail_at(err, SAMEN_ETOOBIG, line, "", "more than %d rows",
							     TRAVEL_MAX);
				struct timetable_travel *t = &out[*n];
				memset(t, 0, sizeof *t);
				t->line = line;
				snprintf(t->from, sizeof t->from, "%s", f[0]);
				snprintf(t->to, sizeof t->to, "%s", f[1]);
				char *e2;
				errno = 0;
				long m = strtol(f[2], &e2, 10);
				if (errno || e2 == f[2] || *e2 || m < 0 || m > 1440)
					return samen_fail_at(err, SAMEN_EINVAL, line, "minutes",
							     "'%s' is not a number of minutes 0 to 1440",
							     f[2]);
				t->minutes = (int)m;
				(*n)++;
			}
		}
		p = eol < end ? eol + 1 : end;
	}
	return 0;
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
	rows = calloc(TRAVEL_MAX, sizeof *rows);
	if (!rows) {
		fprintf(stderr, "samen: out of memory\n");
		goto out;
	}
	if (parse_travel(buf_str(&data), data.len, rows, &n, &err)) {
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
