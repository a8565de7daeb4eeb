/*
 * date.h - calendar dates as day numbers.
 *
 * Samen stores dates as ISO 8601 text ("2026-08-17") and computes with them
 * as day numbers (days since 1970-01-01, proleptic Gregorian). Parsing is
 * strict: "2026-02-30" or "26-2-3" is rejected. No time zones are involved;
 * dates are the Dutch civil dates as written.
 */
#ifndef SAMEN_DATE_H
#define SAMEN_DATE_H

#include <stdbool.h>

/* Day number of year/month/day; the date must be valid (see date_valid). */
long date_days(int year, int month, int day);

/* Split a day number into year, month (1-12) and day (1-31). */
void date_civil(long days, int *year, int *month, int *day);

/* True when year/month/day names a real date in years 1900..2199. */
bool date_valid(int year, int month, int day);

/*
 * Parse "YYYY-MM-DD" strictly into a day number. Returns 0 on success,
 * SAMEN_EINVAL for anything else (wrong shape, impossible date).
 */
int date_parse(const char *s, long *days);

/* Write a day number as "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format(long days, char out[11]);

/* ISO weekday of a day number: 1 = Monday .. 7 = Sunday. */
int date_weekday(long days);

/* Whole years of age on day `on` for someone born on day `born`. */
int date_age(long born, long on);

/* Today's date in Europe/Amsterdam as a day number (SAMEN_TODAY overrides). */
long date_today(void);

#endif
