/*
 * test_ics.c - iCalendar output parsed back by libical and checked field by
 * field, and iCalendar input read into busy periods.
 *
 * Covered: VCALENDAR header fields, the Europe/Amsterdam VTIMEZONE, UID,
 * SEQUENCE, DTSTAMP in UTC, DTSTART/DTEND with TZID in local time (and the
 * UTC instant libical computes from our VTIMEZONE: 15:30 is 13:30Z in
 * summer, 14:30Z in winter), all-day events with their exclusive end,
 * ORGANIZER and ATTENDEE with CN, text escaping, RFC 5545 restrictions
 * (icalrestriction_check), CRLF and line folding; reading all-day, timed,
 * UTC, recurring (EXDATE, RECURRENCE-ID) and cancelled events from a file
 * written for this test, and the line-numbered refusals of faulty files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/ics.h"
#include "util/date.h"

#ifndef SAMEN_SOURCE_DIR
#define SAMEN_SOURCE_DIR "."
#endif

static long day(const char *iso)
{
	long d = 0;
	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

static char *fixture(const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/fixtures/calendar/%s", SAMEN_SOURCE_DIR, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static const struct ics_attendee people[2] = {
	{"Marleen de Vries, coördinator", "marleen@example.nl"},
	{"Peter \"P.\" Jansen", "peter.jansen@example.nl"},
};

static void write_series(struct buf *out, int sequence)
{
	struct ics_event ev[3] = {0};
	const char *uids[2] = {"samen-meeting-1@example.nl", "samen-meeting-2@example.nl"};
	const char *days[2] = {"2026-01-13", "2026-06-09"};
	for (int i = 0; i < 2; i++) {
		ev[i].uid = uids[i];
		ev[i].sequence = i == 0 ? sequence : 0;
		ev[i].summary = "Stuurgroep; regio Alkmaar, \"planning\"";
		ev[i].description = "Agenda:\n1. Opening";
		ev[i].location = "Huygens College, lokaal 12";
		ev[i].day = day(days[i]);
		ev[i].start_min = 15 * 60 + 30;
		ev[i].end_min = 17 * 60;
		ev[i].attendees = people;
		ev[i].n_attendees = 2;
		ev[i].organizer_name = "Marleen de Vries";
		ev[i].organizer_email = "marleen@example.nl";
		ev[i].last_modified = 1767225600;
	}
	ev[2].uid = "samen-busy-7@example.nl";
	ev[2].summary = "Toetsweek 2";
	ev[2].all_day = true;
	ev[2].day = day("2026-02-09");
	ev[2].last_day = day("2026-02-13");
	ev[2].transparent = true;
	ev[2].categories = "toetsweek";
	struct ics_calendar cal = {"Stuurgroep 2025-2026", 1767225600 /* 2026-01-01T00:00:00Z */, 60};
	struct samen_err err;
	assert_int_equal(ics_write(&cal, ev, 3, out, &err), 0);
}

static icalproperty *prop(icalcomponent *c, icalproperty_kind k)
{
	icalproperty *p = icalcomponent_get_first_property(c, k);
	assert_non_null(p);
	return p;
}

static const char *param(icalproperty *p, icalparameter_kind k)
{
	icalparameter *q = icalproperty_get_first_parameter(p, k);
	assert_non_null(q);
	return icalparameter_as_ical_string(q);
}

static void series_round_trip(void **state)
{
	(void)state;
	struct buf out;
	buf_init(&out, 1 << 20);
	write_series(&out, 3);
	icalcomponent *cal = icalparser_parse_string(buf_str(&out));
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	assert_string_equal(icalproperty_get_version(prop(cal, ICAL_VERSION_PROPERTY)), "2.0");
	assert_string_equal(icalproperty_get_prodid(prop(cal, ICAL_PRODID_PROPERTY)),
			    "-//Samen//Samen 0.1//NL");
	assert_null(icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY));
	assert_non_null(strstr(buf_str(&out), "\r\nX-WR-CALNAME:Stuurgroep 2025-2026\r\n"));
	assert_non_null(strstr(buf_str(&out), "\r\nX-WR-TIMEZONE:Europe/Amsterdam\r\n"));
	assert_non_null(strstr(buf_str(&out), "\r\nX-PUBLISHED-TTL:PT60M\r\n"));
	assert_non_null(strstr(buf_str(&out), "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n"));
	assert_non_null(strstr(buf_str(&out), "\r\nNAME:Stuurgroep 2025-2026\r\n"));
	/* The time zone. */
	icalcomponent *vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	assert_non_null(vtz);
	assert_string_equal(icalproperty_get_tzid(prop(vtz, ICAL_TZID_PROPERTY)), "Europe/Amsterdam");
	assert_non_null(icalcomponent_get_first_component(vtz, ICAL_XDAYLIGHT_COMPONENT));
	assert_non_null(icalcomponent_get_first_component(vtz, ICAL_XSTANDARD_COMPONENT));
	/* The first meeting, field by field. */
	icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_string_equal(icalcomponent_get_uid(ev), "samen-meeting-1@example.nl");
	assert_int_equal(icalproperty_get_sequence(prop(ev, ICAL_SEQUENCE_PROPERTY)), 3);
	struct icaltimetype stamp = icalproperty_get_dtstamp(prop(ev, ICAL_DTSTAMP_PROPERTY));
	assert_true(icaltime_is_utc(stamp));
	assert_string_equal(icaltime_as_ical_string(stamp), "20260101T000000Z");
	icalproperty *ps = prop(ev, ICAL_DTSTART_PROPERTY);
	assert_string_equal(param(ps, ICAL_TZID_PARAMETER), "TZID=Europe/Amsterdam");
	struct icaltimetype st = icalcomponent_get_dtstart(ev);
	assert_int_equal(st.year, 2026);
	assert_int_equal(st.month, 1);
	assert_int_equal(st.day, 13);
	assert_int_equal(st.hour, 15);
	assert_int_equal(st.minute, 30);
	struct icaltimetype u = icaltime_convert_to_zone(st, icaltimezone_get_utc_timezone());
	assert_string_equal(icaltime_as_ical_string(u), "20260113T143000Z"); /* CET */
	struct icaltimetype en = icalcomponent_get_dtend(ev);
	assert_int_equal(en.hour, 17);
	assert_int_equal(en.minute, 0);
	assert_string_equal(icalcomponent_get_summary(ev), "Stuurgroep; regio Alkmaar, \"planning\"");
	assert_string_equal(icalcomponent_get_description(ev), "Agenda:\n1. Opening");
	assert_string_equal(icalcomponent_get_location(ev), "Huygens College, lokaal 12");
	assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CONFIRMED);
	icalproperty *org = prop(ev, ICAL_ORGANIZER_PROPERTY);
	assert_string_equal(icalproperty_get_organizer(org), "mailto:marleen@example.nl");
	icalproperty *a = prop(ev, ICAL_ATTENDEE_PROPERTY);
	assert_string_equal(icalproperty_get_attendee(a), "mailto:marleen@example.nl");
	assert_string_equal(icalparameter_get_cn(icalproperty_get_first_parameter(a, ICAL_CN_PARAMETER)),
			    "Marleen de Vries, coördinator");
	assert_int_equal(icalparameter_get_role(icalproperty_get_first_parameter(a, ICAL_ROLE_PARAMETER)),
			 ICAL_ROLE_REQPARTICIPANT);
	a = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY);
	assert_non_null(a);
	assert_string_equal(icalproperty_get_attendee(a), "mailto:peter.jansen@example.nl");
	assert_string_equal(icalparameter_get_cn(icalproperty_get_first_parameter(a, ICAL_CN_PARAMETER)),
			    "Peter P. Jansen");
	assert_null(icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY));
	assert_string_equal(icaltime_as_ical_string(
				    icalproperty_get_lastmodified(prop(ev, ICAL_LASTMODIFIED_PROPERTY))),
			    "20260101T000000Z");
	/* The second meeting is in summer time. */
	ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
	assert_int_equal(icalproperty_get_sequence(prop(ev, ICAL_SEQUENCE_PROPERTY)), 0);
	u = icaltime_convert_to_zone(icalcomponent_get_dtstart(ev), icaltimezone_get_utc_timezone());
	assert_string_equal(icaltime_as_ical_string(u), "20260609T133000Z"); /* CEST */
	/* The all-day busy period: DTEND is the day after the last day. */
	ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
	st = icalcomponent_get_dtstart(ev);
	assert_true(st.is_date);
	assert_string_equal(icaltime_as_ical_string(st), "20260209");
	assert_string_equal(icaltime_as_ical_string(icalcomponent_get_dtend(ev)), "20260214");
	assert_int_equal(icalproperty_get_transp(prop(ev, ICAL_TRANSP_PROPERTY)),
			 ICAL_TRANSP_TRANSPARENT);
	assert_null(icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT));
	/* RFC 5545 restrictions hold (no X-LIC-ERROR added). */
	assert_int_equal(icalrestriction_check(cal), 1);
	char *again = icalcomponent_as_ical_string_r(cal);
	assert_null(strstr(again, "X-LIC-ERROR"));
	free(again);
	icalcomponent_free(cal);
	buf_release(&out);
}

static void lines_are_crlf_and_folded(void **state)
{
	(void)state;
	struct buf out;
	buf_init(&out, 1 << 20);
	write_series(&out, 0);
	const char *s = buf_str(&out);
	size_t lines = 0, folded = 0;
	for (const char *p = s; *p;) {
		const char *nl = strstr(p, "\r\n");
		assert_non_null(nl); /* every line ends with CRLF */
		assert_true(nl - p <= 75);
		for (const char *q = p; q < nl; q++)
			assert_true(*q != '\n' && *q != '\r');
		if (*p == ' ')
			folded++;
		lines++;
		p = nl + 2;
	}
	assert_true(lines > 40);
	assert_true(folded >= 2); /* the long ATTENDEE lines */
	buf_release(&out);
}

static void moving_raises_the_sequence(void **state)
{
	(void)state;
	struct buf a, b;
	buf_init(&a, 1 << 20);
	buf_init(&b, 1 << 20);
	write_series(&a, 0);
	write_series(&b, 1);
	assert_non_null(strstr(buf_str(&a), "UID:samen-meeting-1@example.nl\r\nSEQUENCE:0\r\n"));
	assert_non_null(strstr(buf_str(&b), "UID:samen-meeting-1@example.nl\r\nSEQUENCE:1\r\n"));
	buf_release(&a);
	buf_release(&b);
}

static void bad_events_are_refused(void **state)
{
	(void)state;
	struct buf out;
	buf_init(&out, 1 << 20);
	struct samen_err err;
	struct ics_event ev = {0};
	ev.uid = "x@example.nl";
	ev.summary = "Overleg";
	ev.day = day("2026-01-13");
	ev.start_min = 17 * 60;
	ev.end_min = 16 * 60;
	struct ics_calendar cal = {"x", 0, 0};
	assert_int_equal(ics_write(&cal, &ev, 1, &out, &err), SAMEN_EINVAL);
	assert_string_equal(err.msg, "event x@example.nl ends before it starts");
	ev.end_min = 18 * 60;
	struct ics_attendee bad = {"Zonder adres", "geen adres"};
	ev.attendees = &bad;
	ev.n_attendees = 1;
	assert_int_equal(ics_write(&cal, &ev, 1, &out, &err), SAMEN_EINVAL);
	assert_string_equal(err.msg, "attendee 'Zonder adres' has no valid e-mail address");
	struct buf small;
	buf_init(&small, 200);
	ev.n_attendees = 0;
	assert_int_equal(ics_write(&cal, &ev, 1, &small, &err), SAMEN_ETOOBIG);
	buf_release(&small);
	buf_release(&out);
}

static void reading_a_school_calendar(void **state)
{
	(void)state;
	size_t len;
	char *text = fixture("school_calendar.ics", &len);
	struct ics_items items;
	struct samen_err err;
	assert_int_equal(ics_read(text, len, day("2025-08-01"), day("2026-07-31"), &items, &err), 0);
	assert_int_equal(items.n, 6);
	assert_int_equal(items.outside, 1); /* the open day of 2023 */
	struct {
		long line;
		const char *uid, *summary, *start, *end;
	} want[6] = {
		{21, "toetsweek-2@example.school", "Toetsweek 2", "2026-02-09", "2026-02-13"},
		{28, "open-dag@example.school", "Open dag", "2026-01-24", "2026-01-24"},
		/* 22:00Z on 30 June is midnight in Amsterdam (CEST): 1 July. */
		{35, "utc-night@example.school", "Rapportvergadering (nacht, UTC)", "2026-07-01",
		 "2026-07-01"},
		/* Weekly from 3 March, 4 times; 10 March excluded, 17 March moved to the 19th. */
		{42, "studiemiddag@example.school/20260303", "Studiemiddag", "2026-03-03", "2026-03-03"},
		{42, "studiemiddag@example.school/20260324", "Studiemiddag", "2026-03-24", "2026-03-24"},
		{51, "studiemiddag@example.school", "Studiemiddag (verplaatst)", "2026-03-19",
		 "2026-03-19"},
	};
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(items.items[i].line, want[i].line);
		assert_string_equal(items.items[i].uid, want[i].uid);
		assert_string_equal(items.items[i].summary, want[i].summary);
		assert_int_equal(items.items[i].start, day(want[i].start));
		assert_int_equal(items.items[i].end, day(want[i].end));
	}
	ics_items_release(&items);
	free(text);
}

static void faulty_calendars_name_the_line(void **state)
{
	(void)state;
	size_t len;
	struct ics_items items;
	struct samen_err err;
	char *text = fixture("faulty_end_before_start.ics", &len);
	assert_int_equal(ics_read(text, len, day("2025-08-01"), day("2026-07-31"), &items, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 11);
	assert_string_equal(err.field, "DTEND");
	assert_string_equal(err.msg, "the event ends before it starts");
	assert_null(items.items);
	free(text);
	text = fixture("faulty_no_start.ics", &len);
	assert_int_equal(ics_read(text, len, day("2025-08-01"), day("2026-07-31"), &items, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 4);
	assert_string_equal(err.msg, "the event has no start (DTSTART)");
	free(text);
	text = fixture("not_a_calendar.ics", &len);
	assert_int_equal(ics_read(text, len, day("2025-08-01"), day("2026-07-31"), &items, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 1);
	assert_string_equal(err.msg, "not an iCalendar file (no BEGIN:VCALENDAR)");
	free(text);
	/* Our own output reads back as the events it holds. */
	struct buf out;
	buf_init(&out, 1 << 20);
	write_series(&out, 0);
	assert_int_equal(ics_read(buf_str(&out), out.len, day("2025-08-01"), day("2026-07-31"),
				  &items, &err),
			 0);
	assert_int_equal(items.n, 3);
	assert_int_equal(items.items[2].start, day("2026-02-09"));
	assert_int_equal(items.items[2].end, day("2026-02-13"));
	ics_items_release(&items);
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(series_round_trip),
		cmocka_unit_test(lines_are_crlf_and_folded),
		cmocka_unit_test(moving_raises_the_sequence),
		cmocka_unit_test(bad_events_are_refused),
		cmocka_unit_test(reading_a_school_calendar),
		cmocka_unit_test(faulty_calendars_name_the_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
