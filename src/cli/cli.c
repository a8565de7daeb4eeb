/*
 * cli.c - helpers shared by the command files (see cli.h).
 */
#include "cli/cli.h"
#include "store/migrate.h"
#include "store/refdata.h"

#include <stdio.h>
#include <stdlib.h>

const char *cli_default_db(void)
{
	const char *env = getenv("SAMEN_DB");
	return env && *env ? env : "samen.db";
}

void cli_print_err(const struct samen_err *err)
{
	if (err->line > 0 && err->field[0])
		fprintf(stderr, "samen: line %ld, field %s: %s\n", err->line, err->field, err->msg);
	else if (err->line > 0)
		fprintf(stderr, "samen: line %ld: %s\n", err->line, err->msg);
	else if (err->field[0])
		fprintf(stderr, "samen: field %s: %s\n", err->field, err->msg);
	else
		fprintf(stderr, "samen: %s\n", err->msg);
}

int cli_open_db(const char *target, struct db **out)
{
	struct samen_err err;
	samen_err_clear(&err);
	int rc = db_open(target, out, &err);
	if (rc == 0)
		rc = migrate_apply(*out, NULL, &err);
	if (rc == 0)
		rc = refdata_load(*out, &err);
	if (rc) {
		cli_print_err(&err);
		db_close(*out);
		*out = NULL;
		return 1;
	}
	return 0;
}
