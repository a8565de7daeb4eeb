/*
 * pension_age.h - the Dutch state pension age (AOW-leeftijd) by birth date.
 *
 * The fact base counts expected retirements and the forecast lets people
 * leave when they reach the AOW age. That age depends on the birth date and
 * is set by law (Algemene Ouderdomswet art. 7a) five years ahead, so it is
 * a settings table, not a constant: each row covers a range of birth dates
 * and gives years + months. Rows that the law has fixed carry status
 * "law"; rows beyond what has been announced carry status "setting" and a
 * note, and must be checked every year (the government announces the age
 * for year Y+5 each November).
 *
 * pension_age_defaults() is the built-in table with its sources; the store
 * keeps an editable copy (facts_pension_age) that overrides it. A table is
 * valid when its rows are in birth-date order, do not overlap and leave no
 * gap; the first row's from-date may be open (0 = "before anything").
 */
#ifndef SAMEN_PENSION_AGE_H
#define SAMEN_PENSION_AGE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

/* Birth dates are day numbers (util/date.h); PENSION_OPEN means no bound. */
#define PENSION_OPEN_FROM (-1000000L)
#define PENSION_OPEN_TO (1000000L)

struct pension_row {
	long born_from;     /* first birth date of the range (day number) or PENSION_OPEN_FROM */
	long born_to;       /* last birth date (inclusive) or PENSION_OPEN_TO */
	int years, months;  /* AOW age: years (60..75) and months (0..11) */
	bool is_law;        /* true: fixed by law; false: an assumption kept as a setting */
	const char *source; /* where the row comes from (borrowed, static for the defaults) */
};

/*
 * The built-in table (static, never freed) and its length. Sources: SVB
 * "Uw AOW-leeftijd" and Rijksoverheid "AOW-leeftijd berekenen"; see
 * pension_age.c for each row.
 */
const struct pension_row *pension_age_defaults(size_t *n);

/*
 * Check a table: ranges ordered, contiguous (each row starts the day after
 * the previous ends), ages 60..75 years and 0..11 months, only the first
 * row may start open and only the last may end open. Returns 0 or
 * SAMEN_EINVAL naming the row (line = 1-based row number).
 */
int pension_age_validate(const struct pension_row *rows, size_t n, struct samen_err *err);

/*
 * The row that covers birth day `born`, or NULL when the table has none
 * (a gap or a date outside the table).
 */
const struct pension_row *pension_age_find(const struct pension_row *rows, size_t n, long born);

/*
 * The day someone born on `born` reaches the AOW age of the table: the
 * birth date plus years and months; a day that the target month lacks
 * becomes that month's last day (born 31 May, +3 months -> 31 August;
 * born 30 November + 3 months -> 28/29 February). Returns 0 and sets *day,
 * or SAMEN_EINVAL when no row covers the birth date.
 */
int pension_age_date(const struct pension_row *rows, size_t n, long born, long *day,
		     struct samen_err *err);

/* Add years and months to a day number with the end-of-month rule above. */
long pension_add_months(long day, int months);

#endif
