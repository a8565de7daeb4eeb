/*
 * privacy.h - small-cell suppression of published counts (DOMAIN-RULES
 * rule 33), with complementary suppression that is checked exactly.
 *
 * A struct priv_table is a set of published count cells (numbers of
 * persons) and the linear equations that hold between them: a total equals
 * the sum of its parts, a board equals the sum of its schools, 55+ equals
 * the 55-59, 60-64 and 65+ bands. Every view of the fact base that crosses
 * a board line is a set of such cells, so all views of one population go
 * into one table and are protected together: a number hidden in one view
 * cannot be recovered from another.
 *
 * Method (documented in docs/facts.md, tested in tests/unit/test_privacy.c):
 *  1. Primary suppression: every cell with 1..threshold persons (rule 33:
 *     5 or fewer) is hidden. A zero describes nobody and is shown.
 *     Cells that are never published (priv_unpublish: a detail that no view
 *     shows, such as a board's temporary contracts per subject) are hidden
 *     from the start; they are unknowns too, and when they hold 1..threshold
 *     persons they are protected like primary cells.
 *  2. Exact audit: the hidden cells are the unknowns of the equations
 *     (shown cells are constants). A hidden cell can be recovered by
 *     subtracting - by any chain of additions and subtractions of shown
 *     numbers - exactly when every solution of the equations gives it the
 *     same value, i.e. when its unknown is a pivot of the reduced row
 *     echelon form without free variables in its row. The audit computes
 *     this per connected group of unknowns (Gauss-Jordan elimination).
 *  3. Insiders: a board knows its own numbers exactly (its staff list). A
 *     cell whose persons all belong to one board is "owned" by it; the audit
 *     is repeated once per board with that board's cells treated as known,
 *     so no board can recover another board's hidden cell by subtracting its
 *     own figures. For a board, a cell is sensitive when its persons that are
 *     not that board's number 1..threshold (priv_set_part). With one board
 *     only (or none), an outsider audit is run.
 *  4. Complementary suppression: only sensitive cells (1..threshold
 *     persons) must stay unrecoverable; a hidden complement of 40 persons
 *     that can be worked out reveals nothing rule 33 protects. For every
 *     sensitive cell that an audit finds recoverable, the cheapest set of
 *     shown cells (not owned by that auditor) that makes it unrecoverable is
 *     hidden: single cells and pairs from its equations, or three cells that
 *     close a rectangle (as in a two-way table), cost = persons hidden
 *     times the cell's weight (priv_set_weight; key totals weigh more), ties
 *     by lowest cell numbers; each candidate set is checked by the exact
 *     audit of the cell's group. When no set of up to three cells works, the
 *     cheapest single cell is hidden and the audit runs again. The hidden
 *     set only grows, so this ends.
 * Non-negativity is not used by the audit; hidden cells all hold at least
 * one person, so every non-zero solution direction can be followed a little
 * both ways and no hidden cell is pinned by the bounds either.
 *
 * Rates (rule 33): priv_percent() writes "<5%" below 5% and ">95%" above 95%.
 *
 * Ownership: the table owns its arrays; priv_table_release frees them.
 * Not thread-safe; distinct tables are independent.
 */
#ifndef SAMEN_PRIVACY_H
#define SAMEN_PRIVACY_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

/* Rule 33: cells of this many persons or fewer are hidden. */
#define PRIV_THRESHOLD 5

/* A cell's state after priv_suppress. */
enum priv_state {
	PRIV_SHOWN = 0,
	PRIV_PRIMARY = 1,     /* 1..threshold persons */
	PRIV_SECONDARY = 2,   /* hidden so that a primary cell cannot be recovered */
	PRIV_UNPUBLISHED = 3, /* part of the equations but never published (always hidden) */
};

/* No owner: the cell mixes persons of several boards (or is not a person count). */
#define PRIV_NO_OWNER (-1)

struct priv_table {
	size_t ncells, cap_cells;
	long *value;          /* persons in the cell, >= 0 */
	int *owner;           /* owning board index, or PRIV_NO_OWNER */
	unsigned char *state; /* enum priv_state */
	/* Equations sum(coef * cell) = 0 in compressed rows. */
	size_t neq, cap_eq;
	size_t *eq_start;     /* neq + 1 entries */
	size_t nterms, cap_terms;
	size_t *term_cell;
	signed char *term_coef;
	int nowners;          /* owners are 0 .. nowners-1 */
	bool *unpublished;    /* per cell: never published (priv_unpublish) */
	double *weight;       /* per cell: cost factor as a complement (default 1) */
	long *part;           /* ncells x nowners: persons of each owner in the cell (priv_set_part) */
	long threshold;       /* sensitive cells hold 1..threshold persons (priv_suppress) */
	/* Filled by the last priv_suppress: audits run, iterations, residue. */
	long audits, rounds, unprotected;
};

/* Initialise an empty table for owners 0..nowners-1. */
void priv_table_init(struct priv_table *t, int nowners);

/* Free a table's arrays; it is empty afterwards. */
void priv_table_release(struct priv_table *t);

/*
 * Add a cell with `value` persons (>= 0) owned by `owner` (or
 * PRIV_NO_OWNER); *id receives its index. Errors: SAMEN_EINVAL for a
 * negative value or an owner out of range, SAMEN_ENOMEM.
 */
int priv_add_cell(struct priv_table *t, long value, int owner, size_t *id,
		  struct samen_err *err);

/* Mark cell id as never published: always hidden, never a complement. */
void priv_unpublish(struct priv_table *t, size_t id);

/*
 * Make cell id costlier (weight > 1) or cheaper as a complement: its cost
 * is persons x weight. Key totals (the region's headcount) get a high
 * weight so they are hidden only when nothing else protects a cell.
 */
void priv_set_weight(struct priv_table *t, size_t id, double weight);

/*
 * Record that `persons` of cell id's persons belong to owner (for a region
 * cell: that board's share). For observer b a cell is sensitive when the
 * persons that are not b's number 1..threshold: a board that works out a
 * total made of its own people and zeros learns nothing about anyone else.
 * Without parts, a cell's persons all belong to its owner.
 */
int priv_set_part(struct priv_table *t, size_t id, int owner, long persons,
		  struct samen_err *err);

/*
 * Add the equation total = sum(parts): cells `total` and parts[0..n-1].
 * Errors: SAMEN_EINVAL when a cell id is out of range or the parts do not
 * add up to the total (the data would be inconsistent), SAMEN_ENOMEM.
 */
int priv_add_sum(struct priv_table *t, size_t total, const size_t *parts, size_t n,
		 struct samen_err *err);

/*
 * Apply rule 33 to every cell: primary suppression at `threshold`
 * (PRIV_THRESHOLD), then complementary suppression until the exact audit
 * finds nothing recoverable (see the method above). Resets earlier states.
 * t->unprotected counts sensitive cells that stayed recoverable because
 * every cell they share an equation with is already hidden or owned by the
 * auditor (0 in any table with more than one board's data).
 * Errors: SAMEN_ENOMEM.
 */
int priv_suppress(struct priv_table *t, long threshold, struct samen_err *err);

/*
 * The audit on its own: set recoverable[i] (ncells entries) to true for
 * every hidden sensitive cell (1..t->threshold persons) that `observer` (a
 * board index, or PRIV_NO_OWNER for an outsider) can compute exactly from
 * the shown cells and its own cells. Cells owned by the observer are never
 * reported. Returns 0 or SAMEN_ENOMEM.
 */
int priv_audit(const struct priv_table *t, int observer, bool *recoverable,
	       struct samen_err *err);

/* True when cell i is hidden. */
static inline bool priv_hidden(const struct priv_table *t, size_t i)
{
	return t->state[i] != PRIV_SHOWN;
}

/*
 * Write part/whole as a whole percentage for publication (rule 33): "<5%"
 * below 5%, ">95%" above 95%, else e.g. "37%" (rounded half up). whole <= 0
 * gives "". out needs 8 bytes.
 */
void priv_percent(double part, double whole, char out[8]);

#endif
