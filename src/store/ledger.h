/*
 * store/ledger.h - the cost settlement between boards in the database:
 * settings, salary tables, parties, settlement periods, ledger lines and
 * the settlement of a period (core/ledger.h does the arithmetic).
 *
 * Settings that carry legal uncertainty (the rule-6 margin, the VAT rate,
 * the review threshold, the weeks behind the werktijfactor) are rows of
 * ledger_setting with their note. The employer-charges percentage and the
 * travel allowance are set per board and calendar year; a year without a
 * row uses the board's latest earlier year. Salary tables are editable per
 * CAO year (valid_from); the table valid on the first day of a month
 * prices that month's line.
 *
 * Lines: one per secondment per month, from the hours booked in that
 * month. An open month's lines are computed when asked for (live); closing
 * a period freezes the lines of its months that were still open into
 * ledger_line, after which neither they nor the hours booked in those
 * months can change. A period may be closed once; closing a quarter after
 * one of its months closed freezes the other two.
 *
 * Every change is written to the audit log in the same transaction.
 */
#ifndef SAMEN_STORE_LEDGER_H
#define SAMEN_STORE_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/costprice.h"
#include "core/ledger.h"
#include "core/vat.h"
#include "store/db.h"
#include "store/secondment.h"

/* ---- settings ---- */

struct ledger_setting_row {
	char key[48];
	int64_t value;
	char note[640];
	char updated_at[21], updated_by[128];
};

/* The value of a setting; SAMEN_ENOTFOUND for an unknown key. */
int store_ledger_setting(struct db *db, const char *key, int64_t *value, struct samen_err *err);

/* All settings by key. *out owned by the caller (free()). */
int store_ledger_settings(struct db *db, struct ledger_setting_row **out, size_t *n,
			  struct samen_err *err);

/*
 * Change a setting (known keys only, each with its range: vat.rate_bp and
 * vat.margin_bp 0-10000, vat.review_months 0-120,
 * secondment.weeks_per_year 30-52). The note stays.
 */
int store_ledger_setting_set(struct db *db, const char *key, int64_t value,
			     const struct secondment_actor *who, struct samen_err *err);

/* The VAT settings (rate and rule-6 margin). */
int store_ledger_vat_settings(struct db *db, struct vat_settings *out, struct samen_err *err);

/* ---- parties ---- */

/* A board as a party to secondments and invoices. */
struct ledger_party {
	int64_t board_id;
	char name[160], number[16];   /* from the board table */
	bool is_swv;                  /* a samenwerkingsverband passend onderwijs (rule 7) */
	char kvk[16], vat_id[24], iban[40];
	char street[128], postcode[12], city[64], email[128];
	bool waadi_registered;        /* rule 10 */
	char waadi_checked_on[11];
	char wtta_admission[128];     /* rule 10, from 1-1-2027 */
	char wtta_exemption_basis[256];
};

/* Read a board's party data (defaults when none was stored); SAMEN_ENOTFOUND for no board. */
int store_ledger_party_get(struct db *db, int64_t board_id, struct ledger_party *out,
			   struct samen_err *err);

/* Store a board's party data (name and number are not written). */
int store_ledger_party_set(struct db *db, const struct ledger_party *p,
			   const struct secondment_actor *who, struct samen_err *err);

/* ---- employer charges and travel per board and year ---- */

struct ledger_board_year {
	int64_t board_id;
	int year;
	int32_t charges_bp;
	int64_t travel_cents_per_km;
	char note[256];
};

/* Set a board's figures for a year (charges 0-200 %, travel 0-1000 cents per km). */
int store_ledger_board_year_set(struct db *db, const struct ledger_board_year *y,
				const struct secondment_actor *who, struct samen_err *err);

/*
 * The figures that apply to `year`: that year's row, else the latest
 * earlier one. SAMEN_ENOTFOUND naming the board and year when none exists.
 */
int store_ledger_board_year_get(struct db *db, int64_t board_id, int year,
				struct ledger_board_year *out, struct samen_err *err);

/* All years of a board, newest first. *out owned by the caller (free()). */
int store_ledger_board_years(struct db *db, int64_t board_id, struct ledger_board_year **out,
			     size_t *n, struct samen_err *err);

/* ---- salary tables ---- */

struct salary_table_row {
	int64_t id;
	char valid_from[11];
	char label[128];
	char note[512];
	long nsteps;
};

struct salary_step_row {
	struct costprice_salary s;
	char source[256];
};

/* All tables, oldest first. *out owned by the caller (free()). */
int store_ledger_salary_tables(struct db *db, struct salary_table_row **out, size_t *n,
			       struct samen_err *err);

/* The steps of a table by scale and step. *out owned by the caller (free()). */
int store_ledger_salary_steps(struct db *db, int64_t table_id, struct salary_step_row **out,
			      size_t *n, struct samen_err *err);

/*
 * The table valid on `day` (the latest valid_from on or before it) as
 * costprice rows. SAMEN_ENOTFOUND when no table starts on or before the day.
 */
int store_ledger_salary_for(struct db *db, long day, struct salary_table_row *table,
			    struct costprice_salary **rows, size_t *n, struct samen_err *err);

/*
 * Add a table for a new CAO year from valid_from: a copy of the table valid
 * the day before, each salary raised by raise_bp (rounded to the cent), or
 * empty when there is none. *id receives the new table's id.
 * SAMEN_EEXIST for a known valid_from.
 */
int store_ledger_salary_table_add(struct db *db, const char *valid_from, const char *label,
				  int32_t raise_bp, const struct secondment_actor *who,
				  int64_t *id, struct samen_err *err);

/* Set (insert or replace) one salary of a table, with the source of the value. */
int store_ledger_salary_set(struct db *db, int64_t table_id, const char *scale, int step,
			    int64_t monthly_cents, const char *source,
			    const struct secondment_actor *who, struct samen_err *err);

/* ---- periods ---- */

struct ledger_period_row {
	int64_t id;
	char key[16], kind[12];
	char start[11], end[11];
	char closed_at[21], closed_by[128];
};

/* Is month "YYYY-MM" inside a closed period of the region? */
int store_ledger_month_closed(struct db *db, int64_t region_id, const char *month, bool *closed,
			      struct samen_err *err);

/*
 * The month hours worked in `month` are booked in: the month itself when
 * open; for a correction (late true) of a closed month the first open
 * month after it. A new entry in a closed month is refused
 * ("period 2026-10 is closed").
 */
int store_ledger_booking_month(struct db *db, int64_t region_id, const char *month,
			       bool correction, char out[8], struct samen_err *err);

/*
 * Close a period of a region: price every open month's lines, freeze them
 * and record the period (closed_at, by). Refused (SAMEN_EEXIST) when the
 * period was closed before or lies wholly inside closed periods, and
 * (SAMEN_EINVAL) when it has not ended on `today` or the region is
 * unknown. *frozen (may be NULL) receives the number of lines frozen.
 */
int store_ledger_close(struct db *db, int64_t region_id, const struct ledger_period *p, long today,
		       const struct secondment_actor *who, size_t *frozen, struct samen_err *err);

/* The closed periods of a region, newest first. *out owned by the caller (free()). */
int store_ledger_periods(struct db *db, int64_t region_id, struct ledger_period_row **out,
			 size_t *n, struct samen_err *err);

/* ---- lines and settlement ---- */

/*
 * The lines of a period: frozen lines for closed months, live lines for
 * open ones, ordered by month, lender, borrower, secondment. Live pricing
 * fails with the reason when a setting, a salary or a contract is missing
 * ("no employer-charges percentage for board X in 2026"). *all_closed (may
 * be NULL) tells whether every month was closed. *out owned by the caller.
 */
int store_ledger_lines(struct db *db, int64_t region_id, const struct ledger_period *p,
		       struct ledger_line **out, size_t *n, bool *all_closed,
		       struct samen_err *err);

/*
 * Live lines of one secondment for each month from `from` to `to` with
 * booked hours (frozen lines for closed months), for its own page.
 */
int store_ledger_secondment_lines(struct db *db, const struct secondment_row *row, long from,
				  long to, struct ledger_line **out, size_t *n,
				  struct samen_err *err);

/*
 * The basis a secondment is priced on in `month`: the salary of the
 * person's contract with the lender in force that month, the lender's
 * charges and travel for the year, the margin. line->scale/step are set.
 */
int store_ledger_basis(struct db *db, const struct secondment_row *row, const char *month,
		       struct ledger_line *line, struct samen_err *err);

struct ledger_board_ref {
	int64_t id;
	char name[160], number[16];
};

/* The settlement of a region for a period. */
struct ledger_settlement {
	struct ledger_period period;
	int64_t region_id;
	bool closed;                      /* every month closed: final figures */
	struct ledger_line *lines;
	size_t nlines;
	struct ledger_invoice *inv;
	size_t ninv;
	struct ledger_board_ref *boards;  /* the region's boards, by name */
	int64_t *board_ids;
	struct ledger_balance *bal;       /* per board, same order */
	size_t nboards;
	struct ledger_payment *pay;
	size_t npay;
};

/* Build the settlement (lines, invoices, balances, payments). Free with store_ledger_settlement_free. */
int store_ledger_settle(struct db *db, int64_t region_id, const struct ledger_period *p,
			struct ledger_settlement *out, struct samen_err *err);
void store_ledger_settlement_free(struct ledger_settlement *s);

/* Name of a board of the settlement ("" when unknown). */
const char *store_ledger_board_name(const struct ledger_settlement *s, int64_t id);

/* Index of a board in the settlement, or -1. */
long store_ledger_board_index(const struct ledger_settlement *s, int64_t id);

#endif
