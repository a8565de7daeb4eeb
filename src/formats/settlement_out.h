/*
 * settlement_out.h - a period's settlement as tables (CSV or XLSX through
 * formats/table_out.h) and the mapping of a board's party data to a UBL
 * party (formats/ubl.h). The command line (`samen settle`) and the web
 * downloads use the same builders, so a file looks the same from both.
 *
 * Two tables:
 *   lines      one row per ledger line (secondment x month): lender,
 *              borrower, person, school, scale and step, hours, km, the
 *              basis and every amount, the VAT category and reason;
 *   statement  one board's statement: its invoices' lines (+ receivable,
 *              - payable), the VAT per invoice, invoice totals, a running
 *              total, the net amount and the payments that settle it.
 * Column names are Dutch (as the other exports); amounts are in euros with
 * two decimals, hours with two.
 */
#ifndef SAMEN_SETTLEMENT_OUT_H
#define SAMEN_SETTLEMENT_OUT_H

#include <stdint.h>

#include "formats/table_out.h"
#include "formats/ubl.h"
#include "store/ledger.h"

/*
 * The lines of the settlement; board 0 for all lines, else only the lines
 * where the board lends or borrows. *out is owned by the caller
 * (table_out_free). Errors: those of table_out.
 */
int settlement_lines_table(const struct ledger_settlement *st, int64_t board,
			   struct table_out **out, struct samen_err *err);

/*
 * The statement of one board (ledger_statement). SAMEN_EINVAL when the
 * board is not part of the settlement's region.
 */
int settlement_statement_table(const struct ledger_settlement *st, int64_t board,
			       struct table_out **out, struct samen_err *err);

/* Point a UBL party at a board's party data (borrowed; p must outlive out). */
void settlement_ubl_party(const struct ledger_party *p, struct ubl_party *out);

/* Text of a VAT reason for people (Dutch), e.g. "voorwaarde c (onmisbaar) niet bevestigd". */
const char *settlement_vat_reason_nl(enum vat_reason r);

#endif
