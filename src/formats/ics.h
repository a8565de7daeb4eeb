/*
 * ics.h - iCalendar (RFC 5545) files through libical: writing meeting
 * series and school calendars, reading a school's busy periods.
 *
 * Writing: one VCALENDAR (VERSION 2.0, PRODID, CALSCALE GREGORIAN,
 * X-WR-CALNAME, X-WR-TIMEZONE, X-PUBLISHED-TTL for subscription feeds) with
 * one VTIMEZONE for Europe/Amsterdam (the EU rule: CEST from the last Sunday
 * of March, CET from the last Sunday of October, as Outlook writes it) and
 * one VEVENT per event. Timed events carry DTSTART/DTEND with
 * TZID=Europe/Amsterdam in local time; all-day events VALUE=DATE with the
 * exclusive end RFC 5545 prescribes. Every VEVENT has UID, SEQUENCE (raised
 * when a meeting moves, so Outlook and Google update it in place), DTSTAMP
 * in UTC and, for meetings, ORGANIZER and one ATTENDEE per person. There is
 * no METHOD: the file is a calendar, not an iTIP message (iTIP PUBLISH
 * forbids ATTENDEE), and libical's icalrestriction_check accepts it.
 *
 * Reading: the VEVENTs of an uploaded calendar become busy periods - local
 * dates in Europe/Amsterdam (UTC times are converted), the all-day end made
 * inclusive, RRULE expanded within a window (EXDATE honoured), each with
 * the line of its BEGIN:VEVENT for error messages.
 */
#ifndef SAMEN_ICS_H
#define SAMEN_ICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

#define ICS_TZID "Europe/Amsterdam"
#define ICS_MAX_EVENTS 5000  /* events read from one file, recurrences included */

struct ics_attendee {
	const char *name;   /* CN; quotes and control characters are dropped */
	const char *email;  /* mailto: target */
};

struct ics_event {
	const char *uid;
	int sequence;
	const char *summary;
	const char *description;   /* may be NULL */
	const char *location;      /* may be NULL */
	const char *categories;    /* may be NULL */
	bool all_day;
	long day;                  /* day number: the (first) day */
	long last_day;             /* all-day: last day inclusive */
	int start_min, end_min;    /* timed: local Europe/Amsterdam, minutes after midnight */
	const struct ics_attendee *attendees;
	size_t n_attendees;
	const char *organizer_name, *organizer_email; /* may be NULL */
	bool transparent;          /* TRANSP:TRANSPARENT: does not show as busy */
	int64_t last_modified;     /* Unix time of the last change; 0 = leave out */
};

struct ics_calendar {
	const char *name;          /* X-WR-CALNAME */
	int64_t dtstamp;           /* Unix time for every DTSTAMP */
	int ttl_minutes;           /* > 0: X-PUBLISHED-TTL for subscription feeds */
};

/*
 * Write a calendar with n events into out (appended). Returns 0,
 * SAMEN_EINVAL for an event without uid or summary or with an end before
 * its start, SAMEN_ETOOBIG when out's cap is reached, SAMEN_ENOMEM.
 */
int ics_write(const struct ics_calendar *cal, const struct ics_event *events, size_t n,
	      struct buf *out, struct samen_err *err);

/* One event read from a file. */
struct ics_item {
	long line;          /* line of its BEGIN:VEVENT */
	char uid[160];      /* UID, with "/YYYYMMDD" added for a recurrence */
	char summary[96];   /* SUMMARY, cut at a character boundary if longer */
	long start, end;    /* local days, first and last inclusive */
};

struct ics_items {
	struct ics_item *items;
	size_t n, cap;
	size_t outside;     /* events skipped because they lie outside the window */
};

/*
 * Read the VEVENTs of an iCalendar text (len bytes) whose days touch the
 * window [from, to] (day numbers). Cancelled events (STATUS:CANCELLED) are
 * skipped. Errors name the line: a text that is not iCalendar or has no
 * VCALENDAR, an event without DTSTART, an end before the start, more than
 * ICS_MAX_EVENTS events (SAMEN_ETOOBIG). out is owned by the caller:
 * ics_items_release.
 */
int ics_read(const char *data, size_t len, long from, long to, struct ics_items *out,
	     struct samen_err *err);

void ics_items_release(struct ics_items *items);

#endif
