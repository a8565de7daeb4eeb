/*
 * cmd_migrate.c - `samen migrate`: apply pending schema migrations.
 */
#include "cli/cli.h"
#include "store/migrate.h"
#include "store/refdata.h"

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
	struct db *db;
	struct samen_err err;
	samen_err_clear(&err);
	if (db_open(target, &db, &err)) {
		cli_print_err(&err);
		return 1;
	}
	int applied = 0, version = 0;
	int rc = migrate_apply(db, &applied, &err);
	if (rc == 0)
		rc = refdata_load(db, &err);
	if (rc == 0)
		rc = migrate_version(db, &version, &err);
	if (rc) {
		cli_print_err(&err);
		db_close(db);
		return 1;
	}
	printf("applied %d migration(s); schema version %d\n", applied, version);
	db_close(db);
	return 0;
}

const struct cli_command cmd_migrate = {
	.name = "migrate",
	.summary = "apply pending database migrations",
	.help = "Usage: samen migrate [--db PATH|URL]\n\n"
		"Applies every schema migration the database has not had yet, in order,\n"
		"each in its own transaction, and refreshes the reference data\n"
		"(municipalities, subjects). Safe to run at any time; `samen serve` does\n"
		"the same at start-up.\n",
	.run = run,
};
