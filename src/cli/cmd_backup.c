/*
 * cmd_backup.c - `samen backup DEST`: a consistent online copy.
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>

static int run(int argc, char **argv)
{
	const char *target = cli_default_db();
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'}, {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:", opts, NULL)) != -1) {
		if (c == 'd')
			target = optarg;
		else
			return 2;
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: samen backup [--db PATH|URL] DEST\n");
		return 2;
	}
	struct db *db;
	if (cli_open_db(target, &db))
		return 1;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = db_backup(db, argv[optind], &err);
	if (rc)
		cli_print_err(&err);
	else
		printf("backup written to %s\n", argv[optind]);
	db_close(db);
	return rc ? 1 : 0;
}

const struct cli_command cmd_backup = {
	.name = "backup",
	.summary = "write a consistent copy of the live database",
	.help = "Usage: samen backup [--db PATH|URL] DEST\n\n"
		"SQLite: copies the database with SQLite's online backup API while the\n"
		"server keeps running; DEST is a new SQLite file that `samen serve --db DEST`\n"
		"can open. PostgreSQL: runs pg_dump in its custom format into DEST\n"
		"(restore with pg_restore).\n",
	.run = run,
};
