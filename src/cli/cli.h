/*
 * cli.h - the command table of the `samen` program.
 *
 * Each command lives in its own file src/cli/cmd_NAME.c and exports one
 * `const struct cli_command cmd_NAME`. main.c lists them in its table.
 * Commands parse their own options (getopt_long), call core/store
 * functions directly (never HTTP), print results on stdout and errors on
 * stderr, and return a process exit code: 0 ok, 1 failure, 2 usage error.
 */
#ifndef SAMEN_CLI_H
#define SAMEN_CLI_H

#include "store/db.h"
#include "util/err.h"

struct cli_command {
	const char *name;     /* "serve" or "import staff" is dispatched as "import" */
	const char *summary;  /* one line for `samen --help` */
	const char *help;     /* full text for `samen help NAME` */
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
};

/* The database target: --db value, else $SAMEN_DB, else "samen.db". */
const char *cli_default_db(void);

/*
 * Open target, apply pending migrations and load the reference data.
 * On failure prints the reason to stderr and returns non-zero.
 */
int cli_open_db(const char *target, struct db **out);

/* Print "samen: <message>" for err to stderr, with line and field if set. */
void cli_print_err(const struct samen_err *err);

#endif
