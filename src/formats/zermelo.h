/*
 * zermelo.h - reading Zermelo (zportal.nl, REST API v3) appointments into a
 * struct timetable.
 *
 * Input is the JSON the appointments endpoint returns - the envelope
 * {"response":{"data":[...]}} or the bare array. Per appointment: start and
 * end (Unix seconds, required) become the Europe/Amsterdam local date,
 * weekday and minutes; teachers (string array, required) gives one lesson
 * per teacher; subjects, groups and locations (string arrays, optional) are
 * joined with '~' into subject, class and room; startTimeSlot (optional) is
 * the period, checked against the bell schedule when one is given (without
 * it the period is the bell period starting at the start time, or 0);
 * appointmentInstance (else id) is the lesson number. Appointments with
 * "cancelled": true or "valid": false are skipped, and so are those with an
 * empty teachers array. Refused, naming the array index and field
 * ("data[3].start"): a missing or mistyped field, an end not after the
 * start or on another day, a weekend date, a value too long, a period
 * outside the bell schedule, and a teacher in two overlapping appointments.
 * A file is taken whole or not at all. See docs/formats/timetables.md.
 */
#ifndef SAMEN_ZERMELO_H
#define SAMEN_ZERMELO_H

#include <stddef.h>

#include "formats/timetable.h"
#include "util/err.h"

#define ZERMELO_MAX_BYTES ((size_t)16 * 1024 * 1024)

/*
 * Read len bytes of appointments JSON into out (initialised here as a
 * Zermelo timetable; each lesson's line is its index in the data array).
 * bells may be NULL. Teachers are listed in out->teachers by code (name
 * ""). Problems go to p (may be NULL), the first to err; on failure out is
 * empty. SAMEN_EINVAL, SAMEN_ETOOBIG, SAMEN_ENOMEM. The caller frees out
 * with timetable_free.
 */
int zermelo_read(const char *json, size_t len, const struct bell_schedule *bells,
		 struct timetable *out, struct timetable_problems *p, struct samen_err *err);

#endif
