/*
 * holidays_import.h - reading lists of school holidays for new school years.
 *
 * Three layouts are read (docs/calendar.md, "Adding a school year"):
 *   - the holiday list layout Samen ships (data/schoolvakanties.csv):
 *     school_year,region,name,start_date,end_date[,sources] - the
 *     government's dates per region written as rows;
 *   - the government's open data (opendata.rijksoverheid.nl, infotype
 *     schoolholidays, output=json): content[].vacations[] with type,
 *     compulsorydates and regions[] (noord, midden, zuid or "heel
 *     Nederland") with UTC timestamps, converted to Dutch dates;
 *   - an OpenHolidays CSV export: semicolon-separated with a header row
 *     naming StartDate, EndDate, Name ("NL Kerstvakantie,DE ...,EN ...")
 *     and Groups (or the older Subdivisions) with the codes NO, MI, ZU.
 * The known pitfalls of outside data are handled: a Monday-to-Friday range
 * is widened to the surrounding weekend (and reported); everything else
 * that cannot be a school holiday is refused with its line and the reason -
 * an impossible length for its kind, an end before its start, overlapping
 * periods of one kind and region, a region that does not exist, an unknown
 * kind (core/calendar.h, calendar_holiday_validate). A file is taken whole
 * or not at all.
 */
#ifndef SAMEN_HOLIDAYS_IMPORT_H
#define SAMEN_HOLIDAYS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/calendar.h"
#include "util/err.h"

#define HOLIDAYS_MAX_BYTES ((size_t)4 * 1024 * 1024)
#define HOLIDAYS_MAX_PROBLEMS 50

enum holidays_format {
	HOLIDAYS_AUTO = 0,
	HOLIDAYS_LIST_CSV = 1,     /* Samen's holiday list layout */
	HOLIDAYS_RIJKSOVERHEID = 2, /* the government's open data JSON */
	HOLIDAYS_OPENHOLIDAYS = 3, /* OpenHolidays CSV export */
};

struct holidays_row {
	struct cal_holiday h;
	long line;
	bool widened;   /* a Monday-Friday range was widened to the weekends */
};

struct holidays_problem {
	long line;
	char field[64];
	char msg[512];
};

struct holidays_batch {
	enum holidays_format format;
	struct holidays_row *rows;
	size_t n, cap;
	struct holidays_problem problems[HOLIDAYS_MAX_PROBLEMS];
	size_t n_problems;      /* problems found (only the first HOLIDAYS_MAX_PROBLEMS kept) */
};

/* Name of a format ("list", "rijksoverheid", "openholidays"); "" for auto. */
const char *holidays_format_name(enum holidays_format f);

/* Parse "auto", "list", "rijksoverheid", "openholidays". SAMEN_EINVAL (field "format"). */
int holidays_format_parse(const char *s, enum holidays_format *out, struct samen_err *err);

/*
 * Read a holiday list of len bytes in the given format (HOLIDAYS_AUTO
 * recognises it) and check every row on its own and against the other rows
 * of the file (no two rows of one kind and region overlap or share a school
 * year). Returns 0 with out->rows, or SAMEN_EINVAL with every problem in
 * out->problems (line, field, reason) and the first in err; SAMEN_ETOOBIG
 * beyond HOLIDAYS_MAX_BYTES; SAMEN_ENOMEM. out is owned by the caller:
 * holidays_batch_release (also after a failure).
 */
int holidays_parse(const char *data, size_t len, enum holidays_format format,
		   struct holidays_batch *out, struct samen_err *err);

void holidays_batch_release(struct holidays_batch *b);

/*
 * The Dutch local date of a UTC timestamp "YYYY-MM-DDTHH:MM[:SS[.fff]]Z"
 * (Europe/Amsterdam: CET, CEST from the last Sunday of March 01:00 UTC to
 * the last Sunday of October 01:00 UTC); without a trailing Z the date is
 * taken as written. Returns 0 or SAMEN_EINVAL.
 */
int holidays_local_date(const char *timestamp, long *day);

#endif
