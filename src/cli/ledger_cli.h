/*
 * ledger_cli.h - small helpers shared by `samen settle`, `samen secondment`
 * and `samen ledger`: finding a region or a board from what a person
 * types, and writing a settlement or a secondment to standard output.
 */
#ifndef SAMEN_LEDGER_CLI_H
#define SAMEN_LEDGER_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "store/db.h"
#include "store/ledger.h"
#include "store/secondment.h"

/*
 * The region named by code, or, when code is NULL, the only region in the
 * database. Errors: SAMEN_EINVAL naming field "region" (unknown code, or
 * several regions and no --region).
 */
int ledger_cli_region(struct db *db, const char *code, int64_t *id, char name[128],
		      struct samen_err *err);

/* A board by bestuursnummer; SAMEN_EINVAL "unknown board NNNNN" naming `field`. */
int ledger_cli_board(struct db *db, const char *number, const char *field, int64_t *id,
		     struct samen_err *err);

/* Write the settlement's invoices, balances and payments as readable text. */
void ledger_cli_print_settlement(FILE *out, const struct ledger_settlement *st,
				 const char *region_name);

/* Write one board's statement, line by line with the running total. */
int ledger_cli_print_statement(FILE *out, const struct ledger_settlement *st, int64_t board,
			       struct samen_err *err);

/* Write a secondment: parties, terms, agreement, consent, VAT conditions. */
void ledger_cli_print_secondment(FILE *out, const struct secondment_row *r, long today,
				 int weeks_per_year);

#endif
