/*
 * secondment_cal.h - the school calendar as the secondment module asks it:
 * "is day D a school day at school S?" (core/secondment.h's
 * secondment_schoolday_fn), answered from the calendar module
 * (core/calendar.h), never from a holiday table of its own.
 *
 * A day is not a school day when it is a Saturday or Sunday, falls in a
 * school holiday of the school's holiday region, is a national holiday that
 * is a day off (Bevrijdingsdag only in lustrum years), or lies in a
 * stretched meivakantie the school entered as a busy period. Test weeks,
 * open days and study days are working days. For a borrower without a
 * school (a samenwerkingsverband) only weekends and national days off
 * count. A school year the calendar holds no holidays for is refused
 * ("no school calendar for 2031-2032 (noord)") rather than treated as
 * holiday-free.
 *
 * The holidays come from the database through the calendar module's store
 * (store/store_calendar.h: the list shipped with Samen plus school years an
 * administrator imported), with the national holidays of those years; a
 * school's busy periods are loaded the first time the school is asked
 * about. Load once per request or command; not thread-safe.
 */
#ifndef SAMEN_SECONDMENT_CAL_H
#define SAMEN_SECONDMENT_CAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "store/db.h"

struct secondment_cal_school {
	int64_t id;
	int region;        /* enum cal_region */
	char name[128];
	bool busy_loaded;  /* its busy periods are in cal */
};

struct secondment_cal {
	struct db *db;     /* borrowed, for the busy periods */
	struct calendar cal;
	struct secondment_cal_school *schools;
	size_t nschools;
};

/*
 * Load the calendar and the holiday region of every school. On success c
 * must be released with secondment_cal_close. Errors: those of the
 * calendar loader or the database (nothing to release on failure).
 */
int secondment_cal_open(struct db *db, struct secondment_cal *c, struct samen_err *err);

/* Release what secondment_cal_open loaded; safe on a zeroed struct. */
void secondment_cal_close(struct secondment_cal *c);

/*
 * The secondment_schoolday_fn: ctx is a struct secondment_cal * (which it
 * may extend with the school's busy periods). Returns
 * true for a school day; otherwise writes the reason ("weekend",
 * "herfstvakantie (noord)", "Koningsdag", ...) into why when whylen > 0.
 */
bool secondment_cal_schoolday(void *ctx, int64_t school_id, long day, char *why, size_t whylen);

#endif
