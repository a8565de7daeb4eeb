/*
 * store_calendar.h - school holidays and schools' busy periods in the
 * database, and filling a core calendar (core/calendar.h) from them.
 *
 * The holidays shipped in data/schoolvakanties.csv are loaded at every
 * start (store_calendar_refdata, from refdata_load): rows Samen shipped are
 * inserted or refreshed by (school year, region, kind); rows an
 * administrator imported (source 'import') are never overwritten by it.
 * New school years come in through store_calendar_import_holidays.
 *
 * Every change is written to the audit log with its actor. Functions take a
 * borrowed connection and leave nothing behind on failure.
 */
#ifndef SAMEN_STORE_CALENDAR_H
#define SAMEN_STORE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "formats/holidays_import.h"
#include "formats/ics.h"
#include "store/db.h"

/* Load the embedded holiday list into school_holiday (idempotent). */
int store_calendar_refdata(struct db *db, struct samen_err *err);

/*
 * Add every stored school holiday to c, and the national holidays of the
 * calendar years those school years cover (calendar_add_nationals).
 */
int store_calendar_load_holidays(struct db *db, struct calendar *c, struct samen_err *err);

/* Add the busy periods of the given schools (n ids) that touch [from, to] to c. */
int store_calendar_load_busy(struct db *db, struct calendar *c, const int64_t *school_ids,
			     size_t n, long from, long to, struct samen_err *err);

/*
 * Fill c for planning around these schools: every stored holiday with the
 * national holidays, and the schools' busy periods that touch [from, to]
 * or the fortnight on either side (the planner looks one week beyond the
 * period for its "next to a holiday" pressure).
 */
int store_calendar_for_plan(struct db *db, struct calendar *c, const struct cal_school *schools,
			    size_t n, long from, long to, struct samen_err *err);

/*
 * The schools with these ids as cal_school (id, holiday region, name), in
 * the given order. With region_id > 0 every school must belong to that
 * region: an unknown id or one of another region is SAMEN_EINVAL naming
 * field "schools" and the id. *out is owned by the caller (free()).
 */
int store_calendar_schools(struct db *db, int64_t region_id, const int64_t *ids, size_t n,
			   struct cal_school **out, struct samen_err *err);

/* All schools of a region, ordered by name; *out owned by the caller (free()). */
int store_calendar_region_schools(struct db *db, int64_t region_id, struct cal_school **out,
				  size_t *n, struct samen_err *err);

/* ---- holidays --------------------------------------------------------------- */

struct holidays_import_stats {
	size_t added, replaced, unchanged;
};

/*
 * Write a parsed holiday list (holidays_parse). A row equal to a stored
 * one is unchanged; a row for a (school year, region, kind) that is stored
 * with other dates is replaced only when `replace` is set and otherwise
 * refused; a row overlapping a stored holiday of its kind and region in
 * another school year is refused. Refusals are SAMEN_EINVAL naming the
 * row's line; nothing is written then. Audited (action "import",
 * object "school_holiday").
 */
int store_calendar_import_holidays(struct db *db, const struct holidays_batch *b, bool replace,
				   const char *actor, int64_t user_id,
				   struct holidays_import_stats *st, struct samen_err *err);

/* ---- busy periods ------------------------------------------------------------- */

/* One stored busy period with where it came from. */
struct busy_row {
	struct cal_busy b;
	char source[8];     /* "hand", "ics", "demo" */
};

/*
 * Add a busy period to a school after calendar_busy_validate. source is
 * "hand", "ics" or "demo"; ics_uid may be NULL. *id (may be NULL) receives
 * the new id. Audited.
 */
int store_busy_add(struct db *db, const struct cal_busy *b, const char *source,
		   const char *ics_uid, const char *actor, int64_t user_id, int64_t *id,
		   struct samen_err *err);

/* Delete busy period id of a school. SAMEN_ENOTFOUND when the school has no such period. Audited. */
int store_busy_delete(struct db *db, int64_t school_id, int64_t id, const char *actor,
		      int64_t user_id, struct samen_err *err);

/* A school's busy periods touching [from, to], by start date; *out owned by the caller (free()). */
int store_busy_list(struct db *db, int64_t school_id, long from, long to, struct busy_row **out,
		    size_t *n, struct samen_err *err);

struct busy_import_stats {
	size_t added, updated, unchanged;
};

/*
 * Import the events read from a school's iCalendar file (ics_read) as busy
 * periods: the kind guessed from the title (busy_kind_guess), matched on
 * the event's UID - a known UID with other dates or title is updated, an
 * equal one left alone. Every event is validated first (an event longer
 * than CAL_BUSY_MAX_DAYS is refused with its line); all or nothing. Audited.
 */
int store_busy_import_ics(struct db *db, int64_t school_id, const struct ics_items *items,
			  const char *actor, int64_t user_id, struct busy_import_stats *st,
			  struct samen_err *err);

#endif
