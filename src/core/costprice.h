/*
 * costprice.h - the cost price of seconded hours, in integer euro cents.
 *
 * A board that lends staff charges the borrowing board the cost of the
 * hours: the gross salary of the person's scale and step plus the lending
 * board's employer-charges percentage (werkgeverslasten), plus a travel
 * allowance per km (DOMAIN-RULES rule 9, section 1.3). Nothing here is a
 * constant of policy: the salary per scale and step comes from an editable
 * table per CAO year, the percentage and the travel rate are settings per
 * board and year (store/ledger.h), the margin is a setting per secondment.
 *
 * Units, everywhere in Samen's ledger:
 *   money      integer euro cents (int64_t)
 *   hours      integer hundredths of an hour ("centi-hours": 7,5 h = 750)
 *   percentage integer basis points (1 % = 100 bp; 35,5 % = 3550)
 *
 * The rounding rule (docs/secondment.md, "Rounding"): every amount of a
 * line is computed exactly as a fraction of integers and rounded ONCE, to
 * whole cents, half away from zero ("0,5 cent rounds up"). The hourly rate
 * a person reads on screen is a rounded display value; a line amount is
 * never "hours x rounded rate". VAT is rounded once per invoice and VAT
 * category on the sum of its lines (EN 16931 rule BR-CO-17), see vat.h.
 *
 *   gross hourly wage = monthly salary x 12 / 1659              (rule 11)
 *   wage cost         = hours x gross hourly wage x (1 + charges %)
 *   hours amount      = wage cost x (1 + margin %)               (rule 9)
 *   travel amount     = km x travel rate per km
 *
 * Pure functions; thread-safe.
 */
#ifndef SAMEN_COSTPRICE_H
#define SAMEN_COSTPRICE_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

/* Rule 11: one fte is 1659 hours a year (CAO VO normjaartaak). */
#define COSTPRICE_HOURS_PER_FTE 1659
#define COSTPRICE_MONTHS_PER_YEAR 12
#define COSTPRICE_BP 10000 /* 100 % in basis points */

/* Caps that keep every product inside 128-bit arithmetic with room to spare. */
#define COSTPRICE_MAX_MONTHLY_CENTS 10000000LL /* 100.000 euro a month */
#define COSTPRICE_MAX_CENTIHOURS 100000000LL   /* 1.000.000 hours on one line */
#define COSTPRICE_MAX_BP 20000                 /* 200 % */
#define COSTPRICE_MAX_KM 100000000LL
#define COSTPRICE_MAX_CENTS_PER_KM 1000

/* One row of a salary table: the full-time gross monthly salary of a scale and step. */
struct costprice_salary {
	char scale[8];          /* "LB", "LC", "LD", "LE", or an OOP scale "11" */
	int step;               /* trede */
	int64_t monthly_cents;  /* full-time (1,0 fte) gross salary per month */
};

/* Everything that prices one line; copied into a ledger line when a period closes. */
struct costprice_basis {
	int64_t monthly_cents;        /* from the salary table valid on the line's month */
	int32_t charges_bp;           /* employer charges of the lender for the year */
	int32_t margin_bp;            /* margin above cost agreed for the secondment (0 = at cost) */
	int64_t travel_cents_per_km;  /* the lender's travel allowance for the year */
};

/* The amounts of one line, all in cents. */
struct costprice_amounts {
	int64_t wage_cents;    /* hours x gross hourly wage (no charges): for display */
	int64_t cost_cents;    /* wage cost incl. employer charges: the "brutoloonkosten" of rule 6 */
	int64_t hours_cents;   /* amount charged for the hours: cost x (1 + margin) */
	int64_t travel_cents;  /* km x rate */
	int64_t total_cents;   /* hours_cents + travel_cents: the line's net amount */
};

/*
 * num / den rounded to the nearest integer, halves away from zero. den must
 * be positive; the 128-bit numerator is the caller's exact product.
 */
__extension__ typedef __int128 costprice_i128;
int64_t costprice_round_div(costprice_i128 num, costprice_i128 den);

/*
 * Check a basis against the caps above (monthly salary positive). Returns
 * 0 or SAMEN_EINVAL naming the field.
 */
int costprice_basis_check(const struct costprice_basis *b, struct samen_err *err);

/*
 * Price a line of `centihours` hours (may be negative: a late correction
 * that lowers hours of a closed month) and `km` kilometres. Each amount is
 * rounded once from its exact fraction. Returns 0, or SAMEN_EINVAL when the
 * basis or the quantities are out of range (err names the field).
 */
int costprice_line(const struct costprice_basis *b, int64_t centihours, int64_t km,
		   struct costprice_amounts *out, struct samen_err *err);

/*
 * Display values, rounded once to cents: the gross hourly wage
 * (monthly x 12 / 1659) and the cost rate per hour including charges and
 * margin. Never used to compute a line.
 */
int64_t costprice_hourly_wage_cents(int64_t monthly_cents);
int64_t costprice_hourly_rate_cents(const struct costprice_basis *b);

/*
 * Find the monthly salary of scale/step in one table (rows in any order).
 * The step rule (docs/secondment.md): the exact step if present; a step
 * above the scale's highest uses the highest (the scale maximum); a step
 * below the lowest uses the lowest. *used_step tells which step applied.
 * Returns 0, or SAMEN_ENOTFOUND when the table has no row for the scale.
 */
int costprice_salary_lookup(const struct costprice_salary *rows, size_t n, const char *scale,
			    int step, int *used_step, int64_t *monthly_cents,
			    struct samen_err *err);

/*
 * Raise a monthly salary by `raise_bp` basis points (a CAO raise), rounded
 * once to cents: 330100 raised by 490 bp is 346275 (3.462,75 euro).
 */
int64_t costprice_raise(int64_t monthly_cents, int32_t raise_bp);

/*
 * Format cents as a plain decimal "1234.56" or "-0.05" (for CSV, UBL and
 * the command line). out must hold at least 32 bytes.
 */
void costprice_format(int64_t cents, char out[32]);

/*
 * Parse an amount in euros with at most two decimals ("3462.75", "3462,75",
 * "3462") into cents. Returns 0 or SAMEN_EINVAL.
 */
int costprice_parse_euros(const char *s, int64_t *cents);

/*
 * Parse hours with at most two decimals ("7.5", "7,25", "12") into
 * centi-hours; negative values are refused. Returns 0 or SAMEN_EINVAL.
 */
int costprice_parse_hours(const char *s, int64_t *centihours);

/*
 * Parse a percentage with at most two decimals ("35", "35,5", "4.9") into
 * basis points; negative values are refused. Returns 0 or SAMEN_EINVAL.
 */
int costprice_parse_percent(const char *s, int32_t *bp);

#endif
