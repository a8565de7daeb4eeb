/*
 * ledger.h - settling the costs of seconded staff between boards.
 *
 * The ledger works on lines: one line per secondment per month, holding
 * the registered hours and km booked in that month, the basis they were
 * priced on (costprice.h) and the VAT decision (vat.h). From the lines of a
 * settlement period this module builds
 *
 *   - invoices: one per (lending board -> borrowing board) pair, with VAT
 *     per category and rate rounded once on the invoice (EN 16931 BR-CO-17);
 *   - net balances: what each board receives minus what it pays, summed
 *     over all its invoices (the balances of a region sum to zero);
 *   - payments: multilateral netting that settles every balance with at
 *     most (boards - 1) payments;
 *   - a statement per board that shows, line by line with a running total,
 *     how its one net amount is built up;
 *   - give and take: hours lent and borrowed per board and the hours per
 *     shared expertise (NT2, ...).
 *
 * Settlement periods are a month ("2026-10"), a quarter ("2026-Q4") or a
 * school year ("2026-2027": 1 August 2026 to 31 July 2027); each is a whole
 * number of months, so a month line always falls in exactly one period of
 * each kind.
 *
 * Pure functions over plain arrays; no SQL. Money in cents (costprice.h).
 */
#ifndef SAMEN_LEDGER_H
#define SAMEN_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/costprice.h"
#include "core/vat.h"
#include "util/err.h"

#define LEDGER_MAX_MONTHS 12
#define LEDGER_MAX_VAT_GROUPS 4

enum ledger_period_kind {
	LEDGER_MONTH = 1,
	LEDGER_QUARTER = 2,
	LEDGER_SCHOOL_YEAR = 3,
};

struct ledger_period {
	enum ledger_period_kind kind;
	char key[16];        /* canonical text: "2026-10", "2026-Q4", "2026-2027" */
	long start, end;     /* first and last day (day numbers, inclusive) */
	int nmonths;
	char months[LEDGER_MAX_MONTHS][8]; /* "YYYY-MM" of each month, in order */
};

/*
 * Parse a period: "YYYY-MM", "YYYY-Qn" (n 1..4) or "YYYY-YYYY" (a school
 * year; the second year must follow the first). Returns 0 or SAMEN_EINVAL
 * (field "period") with the accepted forms in the message.
 */
int ledger_period_parse(const char *s, struct ledger_period *out, struct samen_err *err);

/* The month key "YYYY-MM" of a day number into out (8 bytes). */
void ledger_month_key(long day, char out[8]);

/* First and last day of a month key; SAMEN_EINVAL for a malformed key. */
int ledger_month_range(const char *month, long *first, long *last);

/* One secondment's registered work in one month, priced. */
struct ledger_line {
	int64_t secondment_id;
	int64_t lender_id;       /* the employer: seller of the invoice, creditor */
	int64_t borrower_id;     /* buyer, debtor */
	char month[8];           /* "YYYY-MM": the month the hours are booked in */
	char person[160];        /* the seconded person's name (statements, invoices) */
	char school[128];        /* the borrowing school, "" for none */
	char expertise[128];     /* comma list of shared expertise ("NT2, scheikunde") */
	char scale[8];           /* salary scale and the step that applied */
	int step;
	int64_t centihours;      /* booked hours (a late correction may be negative) */
	int64_t km;
	struct costprice_basis basis;
	struct costprice_amounts amounts;
	struct vat_decision vat;
};

struct ledger_vat_group {
	char category;       /* 'S' or 'E' */
	int32_t rate_bp;
	int64_t taxable_cents;
	int64_t vat_cents;
};

/* One invoice: all lines of one lender to one borrower in the period. */
struct ledger_invoice {
	int64_t seller_id, buyer_id;
	size_t nlines;
	size_t *lines;          /* indexes into the line array, in line order (owned) */
	int ngroups;
	struct ledger_vat_group groups[LEDGER_MAX_VAT_GROUPS];
	int64_t net_cents;      /* sum of the lines' totals */
	int64_t vat_cents;      /* sum of the groups' VAT */
	int64_t gross_cents;    /* net + VAT: what the buyer owes */
};

/*
 * Price a line: fill line->amounts from basis, hours and km (costprice_line),
 * then decide VAT with rule 6 applied to this line: the margin charged on
 * the wage cost of the hours must stay within the allowed margin of the
 * wage cost plus travel, compared exactly (so separate roundings of the
 * amounts never flip the flag). `facts` holds the secondment's recorded
 * conditions (its amounts are ignored).
 */
int ledger_line_price(struct ledger_line *line, const struct vat_input *facts,
		      const struct vat_settings *vs, struct samen_err *err);

/*
 * Group lines into invoices, ordered by seller then buyer. VAT per group is
 * rounded once. *out (an array of *n invoices) is owned by the caller:
 * ledger_invoices_free. Errors: SAMEN_ENOMEM; SAMEN_EINVAL for a line
 * whose lender equals its borrower, or more than LEDGER_MAX_VAT_GROUPS
 * distinct VAT rates on one invoice.
 */
int ledger_invoices(const struct ledger_line *lines, size_t n, struct ledger_invoice **out,
		    size_t *nout, struct samen_err *err);
void ledger_invoices_free(struct ledger_invoice *inv, size_t n);

/* What one board owes another (an invoice's gross amount). */
struct ledger_obligation {
	int64_t debtor, creditor;
	int64_t cents;
};

struct ledger_balance {
	int64_t board;
	int64_t receivable; /* sum of what others owe this board */
	int64_t payable;    /* sum of what this board owes others */
	int64_t net;        /* receivable - payable: > 0 receives, < 0 pays */
};

struct ledger_payment {
	int64_t from, to;
	int64_t cents; /* > 0 */
};

/*
 * Multilateral netting. boards lists the n distinct boards of the region;
 * bal (n entries, same order) receives each board's balance; pay (room for
 * n entries) receives *npay payments that settle all balances.
 *
 * Method: greedy on sorted balances. Repeatedly the board that owes most
 * pays the board that is owed most the smaller of the two amounts. Each
 * payment brings at least one of the two balances to exactly zero and
 * never changes the sign of the other, and the balances always sum to zero;
 * so with k non-zero balances there are at most k - 1 payments (the last
 * payment clears two at once), hence at most n - 1. Every board pays or
 * receives exactly its net amount, which equals its pairwise sums.
 *
 * Errors: SAMEN_EINVAL for an obligation naming a board not in `boards`
 * ("unknown board"), a board owing itself, a negative amount, or a board
 * listed twice; SAMEN_ENOMEM.
 */
int ledger_net(const int64_t *boards, size_t n, const struct ledger_obligation *ob, size_t nob,
	       struct ledger_balance *bal, struct ledger_payment *pay, size_t *npay,
	       struct samen_err *err);

/*
 * Obligations of a set of invoices: buyer owes seller the gross amount
 * (a negative invoice turns the direction round). out has room for n.
 */
void ledger_obligations(const struct ledger_invoice *inv, size_t n,
			struct ledger_obligation *out);

enum ledger_item_kind {
	LEDGER_ITEM_LINE = 1,    /* a line of an invoice the board sends or receives */
	LEDGER_ITEM_VAT,         /* the VAT of one group of such an invoice */
	LEDGER_ITEM_INVOICE,     /* an invoice's gross total (a subtotal, not added again) */
	LEDGER_ITEM_NET,         /* the board's net amount */
	LEDGER_ITEM_PAYMENT,     /* a payment the board makes (-) or receives (+) */
};

/* One row of a board's statement. */
struct ledger_item {
	enum ledger_item_kind kind;
	int64_t counterparty;    /* the other board (0 for NET) */
	size_t line;             /* LINE: index into the line array */
	size_t invoice;          /* LINE, VAT, INVOICE: index into the invoice array */
	int group;               /* VAT: index into the invoice's groups */
	int64_t cents;           /* signed for the board: + receivable, - payable */
	int64_t running;         /* running total after LINE and VAT items */
};

/*
 * The statement of `board`: for each invoice the board sends (+) or
 * receives (-), its lines, its VAT groups and its total; then the NET item
 * (the final running total, equal to the board's balance) and the payments
 * that involve the board. *out is owned by the caller (free()).
 */
int ledger_statement(int64_t board, const struct ledger_line *lines,
		     const struct ledger_invoice *inv, size_t ninv,
		     const struct ledger_payment *pay, size_t npay, struct ledger_item **out,
		     size_t *nout, int64_t *net, struct samen_err *err);

/* Hours and amounts a board lent and borrowed in a period. */
struct ledger_give_take {
	int64_t board;
	int64_t lent_centihours, borrowed_centihours;
	int64_t lent_cents, borrowed_cents;   /* net amounts (without VAT) */
	long lent_secondments, borrowed_secondments; /* distinct secondments with lines */
};

/*
 * Sum the lines per board (out has n entries, in the order of boards).
 * Lines of boards not listed are ignored.
 */
void ledger_give_take(const struct ledger_line *lines, size_t nlines, const int64_t *boards,
		      size_t n, struct ledger_give_take *out);

/* Hours per shared expertise tag. */
struct ledger_expertise {
	char tag[48];               /* as first written, trimmed */
	int64_t centihours;
	long secondments;           /* distinct secondments */
};

/*
 * Split every line's expertise list on commas, trim, and sum hours per tag
 * (tags compare case-insensitively). *out is owned by the caller (free()),
 * sorted by hours (most first), then tag. Errors: SAMEN_ENOMEM.
 */
int ledger_expertise(const struct ledger_line *lines, size_t n, struct ledger_expertise **out,
		     size_t *nout, struct samen_err *err);

#endif
