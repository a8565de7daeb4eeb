/*
 * facts_cli.h - helpers shared by `samen facts`, `samen forecast` and
 * `samen import duo`: finding the region and board named on the command
 * line, and printing a table as aligned text, CSV or JSON.
 */
#ifndef SAMEN_FACTS_CLI_H
#define SAMEN_FACTS_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "core/factbase.h"
#include "formats/table_out.h"
#include "store/db.h"

/* Region by id or code; NULL: the only region (an error when there are several). */
int facts_cli_region(struct db *db, const char *arg, int64_t *id, struct samen_err *err);

/* Node of a board (bestuursnummer or id) or school (BRIN+vestiging, e.g. 31KN00, or id). */
int facts_cli_node(const struct factbase *fb, const char *board, const char *school, int *node,
		   struct samen_err *err);

/* Print t: "table" (aligned columns), "csv" (';' and decimal comma, no BOM). */
int facts_cli_print(FILE *out, const struct table_out *t, const char *format, const char *title,
		    struct samen_err *err);

/* `samen import duo ...` (argv[0] = "duo"); called from cmd_import.c. */
int cmd_import_duo(int argc, char **argv);

#endif
