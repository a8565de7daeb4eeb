/*
 * cmd_import.c - `samen import staff FILE --board BESTUURSNUMMER`: read a
 * board's staff file (docs/formats/staff-csv.md), check every row, and
 * write the whole batch or nothing (store_staff_import). --dry-run runs the
 * same import, database checks included, inside a transaction that is
 * rolled back.
 */
#include "cli/cli.h"

int cmd_import_timetable(int argc, char **argv); /* cmd_import_timetable.c */
#include "cli/facts_cli.h"
#include "formats/staff_csv.h"
#include "formats/staff_mapping.h"
#include "store/store_org.h"
#include "store/store_staff.h"
#include "util/buf.h"
#include "util/date.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define MAPPING_FILE_MAX ((size_t)1024 * 1024)

/*
 * Read a whole file into b (whose cap is the limit). Regular files larger
 * than the cap are refused before reading. Returns 0 or prints the reason
 * and returns 1.
 */
static int read_file(const char *path, struct buf *b, const char *what)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "samen: cannot open %s %s: %s\n", what, path, strerror(errno));
		return 1;
	}
	struct stat sb;
	if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && (size_t)sb.st_size > b->max) {
		fprintf(stderr,
			"samen: %s %s is %lld bytes; the limit is %zu bytes (%zu MiB); "
			"split the file and import the parts\n",
			what, path, (long long)sb.st_size, b->max, b->max >> 20);
		fclose(f);
		return 1;
	}
	char chunk[65536];
	size_t got;
	int rc = 0;
	while (rc == 0 && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_add(b, chunk, got);
	int rerr = ferror(f);
	fclose(f);
	if (rc == SAMEN_ETOOBIG) {
		fprintf(stderr, "samen: %s %s is larger than the limit of %zu bytes (%zu MiB)\n",
			what, path, b->max, b->max >> 20);
		return 1;
	}
	if (rc || rerr) {
		fprintf(stderr, "samen: cannot read %s %s\n", what, path);
		return 1;
	}
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: samen import staff FILE --board BESTUURSNUMMER "
			"[--mapping NAME | --mapping-file FILE] [--db PATH|URL] [--dry-run]\n");
	return 2;
}

static int run(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "duo") == 0)
		return cmd_import_duo(argc - 1, argv + 1); /* cmd_import_duo.c */
	if (argc >= 2 && strcmp(argv[1], "timetable") == 0)
		return cmd_import_timetable(argc - 1, argv + 1);
	if (argc < 2 || strcmp(argv[1], "staff") != 0) {
		fprintf(stderr, "samen: import what? `samen import staff`, `samen import duo` or"
				" `samen import timetable`.\n");
		return usage();
	}
	const char *target = cli_default_db();
	const char *board = NULL, *mapping = NULL, *mapping_file = NULL;
	int dry_run = 0;
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"board", required_argument, NULL, 'b'},
		{"mapping", required_argument, NULL, 'm'},
		{"mapping-file", required_argument, NULL, 'M'},
		{"dry-run", no_argument, NULL, 'n'},
		{0}};
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'b': board = optarg; break;
		case 'm': mapping = optarg; break;
		case 'M': mapping_file = optarg; break;
		case 'n': dry_run = 1; break;
		default: return usage();
		}
	}
	if (optind != argc - 1 || !board) {
		if (!board)
			fprintf(stderr, "samen: --board BESTUURSNUMMER is required\n");
		return usage();
	}
	if (mapping && mapping_file) {
		fprintf(stderr, "samen: give --mapping or --mapping-file, not both\n");
		return 2;
	}
	const char *path = argv[optind];

	struct samen_err err;
	samen_err_clear(&err);
	struct staff_mapping map;
	struct buf data, mdata;
	buf_init(&data, STAFF_CSV_MAX_BYTES);
	buf_init(&mdata, MAPPING_FILE_MAX);
	struct staff_record *recs = NULL;
	size_t n = 0;
	struct db *db = NULL;
	int status = 1;

	if (mapping_file) {
		if (read_file(mapping_file, &mdata, "mapping file"))
			goto out;
		if (staff_mapping_parse(buf_str(&mdata), mdata.len, mapping_file, &map, &err)) {
			char msg[sizeof err.msg + 64];
			snprintf(msg, sizeof msg, "in mapping file %.40s: %s", mapping_file, err.msg);
			snprintf(err.msg, sizeof err.msg, "%.*s", (int)sizeof err.msg - 1, msg);
			cli_print_err(&err);
			goto out;
		}
	} else if (staff_mapping_builtin(mapping ? mapping : "samen", &map, &err)) {
		cli_print_err(&err);
		status = 2;
		goto out;
	}

	if (read_file(path, &data, "staff file"))
		goto out;
	if (staff_csv_parse(buf_str(&data), data.len, &map, date_today(), &recs, &n, &err)) {
		cli_print_err(&err);
		goto out;
	}
	if (n == 0) {
		fprintf(stderr, "samen: %s holds a header but no staff rows; nothing to import\n",
			path);
		goto out;
	}

	if (cli_open_db(target, &db))
		goto out;
	int64_t board_id;
	if (org_board_find(db, board, &board_id, &err)) {
		cli_print_err(&err);
		goto out;
	}
	struct staff_import_stats st = {0};
	int rc;
	if (dry_run) {
		/* The import's own transaction nests inside this one, which is rolled back. */
		rc = db_begin(db, &err);
		if (rc == 0)
			rc = store_staff_import(db, board_id, recs, n, "cli", &st, &err);
		db_rollback(db);
	} else {
		rc = store_staff_import(db, board_id, recs, n, "cli", &st, &err);
	}
	if (rc) {
		cli_print_err(&err);
		goto out;
	}
	if (dry_run)
		printf("dry run: %ld rows for board %s are valid and would give %ld new people, "
		       "%ld linked, %ld updated; nothing was written\n",
		       st.rows, board, st.people_created, st.people_linked, st.people_updated);
	else
		printf("imported %ld rows for board %s: %ld new people, %ld linked, %ld updated\n",
		       st.rows, board, st.people_created, st.people_linked, st.people_updated);
	status = 0;
out:
	db_close(db);
	staff_csv_free(recs);
	buf_release(&data);
	buf_release(&mdata);
	return status;
}

const struct cli_command cmd_import = {
	.name = "import",
	.summary = "import staff, DUO open data or a timetable, all or nothing",
	.help = "Usage: samen import staff FILE --board BESTUURSNUMMER\n"
		"           [--mapping NAME | --mapping-file FILE] [--db PATH|URL] [--dry-run]\n\n"
		"Reads a staff CSV file (';', ',' or tab; UTF-8 with or without BOM; at most\n"
		"64 MiB) with one row per person and imports it for the board. The file's\n"
		"columns are described in docs/formats/staff-csv.md. Every row is checked\n"
		"first; on any error nothing is written and the error names the line and\n"
		"column, e.g. \"samen: line 14, field geboortedatum: '2026-02-30' is not a\n"
		"real date\". Re-importing an employee number replaces that contract.\n\n"
		"  --board N          the board's bestuursnummer (required)\n"
		"  --mapping NAME     header mapping: samen (default), afas, youforce; the\n"
		"                     latter two are Samen's documented profiles of typical\n"
		"                     export column names: check them against your export\n"
		"  --mapping-file F   your own mapping: CSV rows export_column;samen_column\n"
		"                     [;conversion] (conversion: fte, percentage, contract)\n"
		"  --dry-run          check everything, database included, write nothing\n"
		"  --db PATH|URL      the database (default $SAMEN_DB or samen.db)\n\n"
		"Also: samen import duo FILE (DUO open data for VO; docs/formats/duo-vo.md) and\n"
		"samen import timetable --school BRINVEST (--gpu001 F --gpu004 F | --zermelo F)\n"
		"[--codes FILE] [--dry-run] (Untis or Zermelo timetables; docs/formats/timetables.md).\n",
	.run = run,
};
