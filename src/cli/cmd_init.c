/*
 * cmd_init.c - `samen init`: create a database and its first admin account.
 */
#include "cli/cli.h"
#include "store/users.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static int run(int argc, char **argv)
{
	const char *target = cli_default_db();
	const char *email = NULL, *password = NULL;
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"admin-email", required_argument, NULL, 'e'},
					     {"admin-password", required_argument, NULL, 'p'},
					     {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:e:p:", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'e': email = optarg; break;
		case 'p': password = optarg; break;
		default: return 2;
		}
	}
	struct db *db;
	if (cli_open_db(target, &db))
		return 1;
	int rc = 0;
	if (email) {
		if (!password) {
			fprintf(stderr, "samen: --admin-email needs --admin-password\n");
			db_close(db);
			return 2;
		}
		struct samen_err err;
		samen_err_clear(&err);
		struct user_new u = {.email = email, .name = "Beheerder", .password = password,
				     .role = ROLE_ADMIN};
		int64_t id;
		if (users_add(db, &u, "cli", &id, &err)) {
			cli_print_err(&err);
			rc = 1;
		} else {
			printf("created admin account %s\n", email);
		}
	}
	if (rc == 0) {
		char shown[512];
		db_target_display(target, shown, sizeof shown);
		printf("database ready: %s\n", shown);
	}
	db_close(db);
	return rc;
}

const struct cli_command cmd_init = {
	.name = "init",
	.summary = "create a database (and optionally its first admin account)",
	.help = "Usage: samen init [--db PATH|URL] [--admin-email E --admin-password P]\n\n"
		"Creates the database if it does not exist, applies all migrations and\n"
		"loads the reference data. With --admin-email and --admin-password it also\n"
		"creates an installation admin account. Use `samen demo` instead to get a\n"
		"database filled with the demo region.\n",
	.run = run,
};
