/*
 * pension_age.c - the AOW age by birth date (see pension_age.h).
 *
 * The default rows follow the SVB table of AOW ages by birth date
 * (https://www.svb.nl/nl/aow/aow-leeftijd/uw-aow-leeftijd) and the
 * Rijksoverheid page (https://www.rijksoverheid.nl/onderwerpen/algemene-ouderdomswet-aow/
 * aow-leeftijd-berekenen). The age for the calendar years 2028-2030 (67
 * years and 3 months) was announced under art. 7a AOW; for people born
 * after 30 September 1963 (who reach the age in 2031 or later) no age had
 * been fixed when this table was written, so that row keeps 67 years and 3
 * months as an assumption, marked as a setting: update it when the
 * government announces the next year's age.
 */
#include "core/pension_age.h"
#include "util/date.h"

#include <stdbool.h>

#define SRC_SVB "SVB, Uw AOW-leeftijd (https://www.svb.nl/nl/aow/aow-leeftijd/uw-aow-leeftijd)"
#define SRC_SET "setting: not yet fixed by law (art. 7a AOW announces each year's age five " \
		"years ahead); assumed equal to the last announced age, 67 years 3 months"

/* Day numbers of fixed dates, computed once. */
static long d(int y, int m, int dd)
{
	return date_days(y, m, dd);
}

static struct pension_row rows_default[14];
static bool rows_ready;

static void build(void)
{
	static const struct {
		int fy, fm, fd, ty, tm, td, years, months;
		bool law;
	} spec[] = {
		{0, 0, 0, 1947, 12, 31, 65, 0, true},
		{1948, 1, 1, 1948, 11, 30, 65, 1, true},
		{1948, 12, 1, 1949, 10, 31, 65, 2, true},
		{1949, 11, 1, 1950, 9, 30, 65, 3, true},
		{1950, 10, 1, 1951, 6, 30, 65, 6, true},
		{1951, 7, 1, 1952, 3, 31, 65, 9, true},
		{1952, 4, 1, 1952, 12, 31, 66, 0, true},
		{1953, 1, 1, 1954, 8, 31, 66, 4, true},
		{1954, 9, 1, 1955, 5, 31, 66, 7, true},
		{1955, 6, 1, 1956, 2, 29, 66, 10, true},
		{1956, 3, 1, 1960, 12, 31, 67, 0, true},
		{1961, 1, 1, 1963, 9, 30, 67, 3, true},
		{1963, 10, 1, 0, 0, 0, 67, 3, false},
	};
	size_t n = sizeof spec / sizeof spec[0];
	for (size_t i = 0; i < n; i++) {
		struct pension_row *r = &rows_default[i];
		r->born_from = spec[i].fy ? d(spec[i].fy, spec[i].fm, spec[i].fd) : PENSION_OPEN_FROM;
		r->born_to = spec[i].ty ? d(spec[i].ty, spec[i].tm, spec[i].td) : PENSION_OPEN_TO;
		r->years = spec[i].years;
		r->months = spec[i].months;
		r->is_law = spec[i].law;
		r->source = spec[i].law ? SRC_SVB : SRC_SET;
	}
	rows_ready = true;
}

const struct pension_row *pension_age_defaults(size_t *n)
{
	/* Idempotent: concurrent first calls write the same values. */
	if (!rows_ready)
		build();
	*n = 13;
	return rows_default;
}

int pension_age_validate(const struct pension_row *rows, size_t n, struct samen_err *err)
{
	if (n == 0)
		return samen_fail(err, SAMEN_EINVAL, "the AOW age table is empty");
	for (size_t i = 0; i < n; i++) {
		const struct pension_row *r = &rows[i];
		long line = (long)i + 1;
		if (r->years < 60 || r->years > 75)
			return samen_fail_at(err, SAMEN_EINVAL, line, "years",
					     "AOW age %d years is outside 60-75", r->years);
		if (r->months < 0 || r->months > 11)
			return samen_fail_at(err, SAMEN_EINVAL, line, "months",
					     "AOW age months %d is outside 0-11", r->months);
		if (r->born_from == PENSION_OPEN_FROM && i != 0)
			return samen_fail_at(err, SAMEN_EINVAL, line, "born_from",
					     "only the first row may start open");
		if (r->born_to == PENSION_OPEN_TO && i != n - 1)
			return samen_fail_at(err, SAMEN_EINVAL, line, "born_to",
					     "only the last row may end open");
		if (r->born_to < r->born_from)
			return samen_fail_at(err, SAMEN_EINVAL, line, "born_to",
					     "the range ends before it starts");
		if (i > 0 && r->born_from != rows[i - 1].born_to + 1)
			return samen_fail_at(err, SAMEN_EINVAL, line, "born_from",
					     "the range must start the day after the previous row ends");
	}
	return 0;
}

const struct pension_row *pension_age_find(const struct pension_row *rows, size_t n, long born)
{
	/* Binary search: rows are ordered and contiguous. */
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (born < rows[mid].born_from)
			hi = mid;
		else if (born > rows[mid].born_to)
			lo = mid + 1;
		else
			return &rows[mid];
	}
	return NULL;
}

static int month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

long pension_add_months(long day, int months)
{
	int y, m, dd;
	date_civil(day, &y, &m, &dd);
	long total = (long)y * 12 + (m - 1) + months;
	y = (int)(total / 12);
	m = (int)(total % 12) + 1;
	int last = month_days(y, m);
	if (dd > last)
		dd = last;
	return date_days(y, m, dd);
}

int pension_age_date(const struct pension_row *rows, size_t n, long born, long *day,
		     struct samen_err *err)
{
	const struct pension_row *r = pension_age_find(rows, n, born);
	if (!r) {
		char txt[11];
		date_format(born, txt);
		return samen_fail_at(err, SAMEN_EINVAL, 0, "birth_date",
				     "no AOW age is set for birth date %s", txt);
	}
	*day = pension_add_months(born, r->years * 12 + r->months);
	return 0;
}
