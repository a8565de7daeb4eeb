/*
 * ics.c - iCalendar files through libical (see ics.h).
 *
 * libical builds and serialises the components (line folding at 75 octets,
 * CRLF line ends, TEXT escaping of ; , \ and newlines, quoting of parameter
 * values) and parses uploads. The Europe/Amsterdam VTIMEZONE is written from
 * the rule text below rather than from the system zoneinfo, whose libical
 * TZID carries a "/freeassociation.sourceforge.net/" prefix that Outlook
 * does not recognise.
 */
#include "formats/ics.h"
#include "util/date.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char vtimezone_text[] =
	"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Samen//tz//NL\r\n"
	"BEGIN:VTIMEZONE\r\nTZID:" ICS_TZID "\r\n"
	"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
	"DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
	"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
	"DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
	"END:VTIMEZONE\r\nEND:VCALENDAR\r\n";

static icalcomponent *new_vtimezone(void)
{
	icalcomponent *wrap = icalparser_parse_string(vtimezone_text);
	if (!wrap)
		return NULL;
	icalcomponent *tz = icalcomponent_get_first_component(wrap, ICAL_VTIMEZONE_COMPONENT);
	if (tz)
		icalcomponent_remove_component(wrap, tz);
	icalcomponent_free(wrap);
	return tz;
}

static void add_x(icalcomponent *c, const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);
	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(c, p);
}

static struct icaltimetype date_time(long day, int minutes, bool is_date)
{
	struct icaltimetype t = icaltime_null_time();
	int y, m, d;
	date_civil(day, &y, &m, &d);
	t.year = y;
	t.month = m;
	t.day = d;
	t.is_date = is_date;
	if (!is_date) {
		t.hour = minutes / 60;
		t.minute = minutes % 60;
	}
	return t;
}

static struct icaltimetype utc_time(int64_t unix_time)
{
	return icaltime_from_timet_with_zone((time_t)unix_time, 0, icaltimezone_get_utc_timezone());
}

enum clean_mode { CLEAN_PARAM, CLEAN_LINE, CLEAN_TEXT };

/*
 * Copy s without control characters: a parameter value (CN) also loses
 * double quotes, which RFC 5545 cannot carry inside a quoted value; a text
 * value keeps newlines only in CLEAN_TEXT mode (libical escapes them).
 */
static void clean(char *out, size_t n, const char *s, enum clean_mode mode)
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p && o + 1 < n; p++) {
		if (*p == '\n' && mode == CLEAN_TEXT)
			out[o++] = '\n';
		else if (*p < 0x20 || *p == 0x7f || (mode == CLEAN_PARAM && *p == '"'))
			continue;
		else
			out[o++] = (char)*p;
	}
	out[o] = '\0';
}

static bool email_ok(const char *e)
{
	if (!e || !*e || strlen(e) > 200 || !strchr(e, '@'))
		return false;
	for (const unsigned char *p = (const unsigned char *)e; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
			return false;
	return true;
}

static icalproperty *person(icalproperty *p, const char *name)
{
	if (name && *name) {
		char cn[256];
		clean(cn, sizeof cn, name, CLEAN_PARAM);
		icalproperty_add_parameter(p, icalparameter_new_cn(cn));
	}
	return p;
}

static int add_event(icalcomponent *cal, const struct ics_event *e, int64_t dtstamp,
		     size_t index, struct samen_err *err)
{
	if (!e->uid || !*e->uid || !e->summary || !*e->summary)
		return samen_fail(err, SAMEN_EINVAL, "event %zu has no uid or no summary", index + 1);
	if (e->all_day ? e->last_day < e->day
		       : (e->end_min <= e->start_min || e->start_min < 0 || e->end_min > 24 * 60))
		return samen_fail(err, SAMEN_EINVAL, "event %s ends before it starts", e->uid);
	char text[4096];
	icalcomponent *ev = icalcomponent_new_vevent();
	icalcomponent_add_property(ev, icalproperty_new_uid(e->uid));
	icalcomponent_add_property(ev, icalproperty_new_sequence(e->sequence));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc_time(dtstamp)));
	if (e->last_modified > 0)
		icalcomponent_add_property(ev,
					   icalproperty_new_lastmodified(utc_time(e->last_modified)));
	if (e->all_day) {
		icalcomponent_add_property(ev, icalproperty_new_dtstart(date_time(e->day, 0, true)));
		icalcomponent_add_property(ev,
					   icalproperty_new_dtend(date_time(e->last_day + 1, 0, true)));
	} else {
		icalproperty *p = icalproperty_new_dtstart(date_time(e->day, e->start_min, false));
		icalproperty_add_parameter(p, icalparameter_new_tzid(ICS_TZID));
		icalcomponent_add_property(ev, p);
		p = icalproperty_new_dtend(date_time(e->day, e->end_min, false));
		icalproperty_add_parameter(p, icalparameter_new_tzid(ICS_TZID));
		icalcomponent_add_property(ev, p);
	}
	clean(text, sizeof text, e->summary, CLEAN_LINE);
	icalcomponent_add_property(ev, icalproperty_new_summary(text));
	if (e->description && *e->description) {
		clean(text, sizeof text, e->description, CLEAN_TEXT);
		icalcomponent_add_property(ev, icalproperty_new_description(text));
	}
	if (e->location && *e->location) {
		clean(text, sizeof text, e->location, CLEAN_LINE);
		icalcomponent_add_property(ev, icalproperty_new_location(text));
	}
	if (e->categories && *e->categories) {
		clean(text, sizeof text, e->categories, CLEAN_LINE);
		icalcomponent_add_property(ev, icalproperty_new_categories(text));
	}
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	icalcomponent_add_property(ev, icalproperty_new_transp(e->transparent ? ICAL_TRANSP_TRANSPARENT
									    : ICAL_TRANSP_OPAQUE));
	if (e->organizer_email && email_ok(e->organizer_email)) {
		snprintf(text, sizeof text, "mailto:%s", e->organizer_email);
		icalcomponent_add_property(ev, person(icalproperty_new_organizer(text),
						      e->organizer_name));
	}
	for (size_t i = 0; i < e->n_attendees; i++) {
		const struct ics_attendee *a = &e->attendees[i];
		if (!email_ok(a->email)) {
			icalcomponent_free(ev);
			return samen_fail(err, SAMEN_EINVAL, "attendee '%.100s' has no valid e-mail address",
					  a->name ? a->name : "");
		}
		snprintf(text, sizeof text, "mailto:%s", a->email);
		icalproperty *p = person(icalproperty_new_attendee(text), a->name);
		icalproperty_add_parameter(p, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
		icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		icalproperty_add_parameter(p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
		icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
		icalcomponent_add_property(ev, p);
	}
	icalcomponent_add_component(cal, ev);
	return 0;
}

int ics_write(const struct ics_calendar *info, const struct ics_event *events, size_t n,
	      struct buf *out, struct samen_err *err)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent *tz = new_vtimezone();
	if (!cal || !tz) {
		if (cal)
			icalcomponent_free(cal);
		return samen_fail(err, SAMEN_ENOMEM, "cannot build the calendar");
	}
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//Samen//Samen 0.1//NL"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	char name[256], plain[256];
	clean(name, sizeof name, info->name && *info->name ? info->name : "Samen", CLEAN_LINE);
	/* NAME (RFC 7986) is TEXT and escaped by libical; libical writes X- values as they are,
	 * so the older X-WR-CALNAME gets the name without the characters TEXT would escape. */
	icalcomponent_add_property(cal, icalproperty_new_name(name));
	snprintf(plain, sizeof plain, "%s", name);
	for (char *p = plain; *p; p++)
		if (*p == ';' || *p == ',' || *p == '\\')
			*p = ' ';
	add_x(cal, "X-WR-CALNAME", plain);
	add_x(cal, "X-WR-TIMEZONE", ICS_TZID);
	if (info->ttl_minutes > 0) {
		char ttl[32];
		snprintf(ttl, sizeof ttl, "PT%dM", info->ttl_minutes);
		add_x(cal, "X-PUBLISHED-TTL", ttl);
		struct icaldurationtype every = icaldurationtype_null_duration();
		every.minutes = (unsigned int)info->ttl_minutes;
		icalproperty *ri = icalproperty_new_refreshinterval(every);
		icalproperty_add_parameter(ri, icalparameter_new_value(ICAL_VALUE_DURATION));
		icalcomponent_add_property(cal, ri);
	}
	icalcomponent_add_component(cal, tz);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = add_event(cal, &events[i], info->dtstamp, i, err);
	if (rc == 0) {
		char *s = icalcomponent_as_ical_string_r(cal);
		if (!s)
			rc = samen_fail(err, SAMEN_ENOMEM, "cannot write the calendar");
		else
			rc = buf_puts(out, s);
		if (rc == SAMEN_ETOOBIG)
			samen_fail(err, rc, "the calendar is larger than %zu bytes", out->max);
		else if (rc == SAMEN_ENOMEM)
			samen_fail(err, rc, "out of memory");
		free(s);
	}
	icalcomponent_free(cal);
	return rc;
}

/* ---- reading --------------------------------------------------------------------- */

void ics_items_release(struct ics_items *items)
{
	free(items->items);
	memset(items, 0, sizeof *items);
}

static int add_item(struct ics_items *out, long line, const char *uid, const char *summary,
		    long start, long end, struct samen_err *err)
{
	if (out->n >= ICS_MAX_EVENTS)
		return samen_fail_at(err, SAMEN_ETOOBIG, line, "events",
				     "the file holds more than %d events", ICS_MAX_EVENTS);
	if (out->n == out->cap) {
		size_t nc = out->cap ? out->cap * 2 : 64;
		void *p = realloc(out->items, nc * sizeof *out->items);
		if (!p)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		out->items = p;
		out->cap = nc;
	}
	struct ics_item *it = &out->items[out->n++];
	it->line = line;
	snprintf(it->uid, sizeof it->uid, "%s", uid);
	/* Cut the summary at a UTF-8 character boundary. */
	size_t len = strlen(summary);
	if (len >= sizeof it->summary) {
		len = sizeof it->summary - 1;
		while (len > 0 && ((unsigned char)summary[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(it->summary, summary, len);
	it->summary[len] = '\0';
	it->start = start;
	it->end = end;
	return 0;
}

/* The local (Europe/Amsterdam) day of a time; floating times are taken as written. */
static long local_day(struct icaltimetype t)
{
	if (!t.is_date && (t.zone || icaltime_is_utc(t))) {
		icaltimezone *ams = icaltimezone_get_builtin_timezone(ICS_TZID);
		if (ams)
			t = icaltime_convert_to_zone(t, ams);
	}
	return date_days(t.year, t.month, t.day);
}

/* The last day an event covers, given its start and its (exclusive) end. */
static long last_day(struct icaltimetype start, struct icaltimetype end)
{
	long s = local_day(start);
	if (icaltime_is_null_time(end))
		return s;
	long e = local_day(end);
	if (end.is_date)
		return e - 1 < s ? s : e - 1;
	/* A timed event ending at midnight ends on the day before. */
	struct icaltimetype le = end;
	if (!le.is_date && (le.zone || icaltime_is_utc(le))) {
		icaltimezone *ams = icaltimezone_get_builtin_timezone(ICS_TZID);
		if (ams)
			le = icaltime_convert_to_zone(le, ams);
	}
	if (le.hour == 0 && le.minute == 0 && le.second == 0 && e > s)
		return e - 1;
	return e;
}

/* Lines of each "BEGIN:VEVENT" in the text, in order. */
static long *vevent_lines(const char *text, size_t *n)
{
	size_t cap = 16;
	long *lines = malloc(cap * sizeof *lines);
	*n = 0;
	if (!lines)
		return NULL;
	long line = 1;
	const char *p = text;
	while (*p) {
		if (strncasecmp(p, "BEGIN:VEVENT", 12) == 0 &&
		    (p[12] == '\r' || p[12] == '\n' || p[12] == '\0')) {
			if (*n == cap) {
				cap *= 2;
				long *nl = realloc(lines, cap * sizeof *nl);
				if (!nl) {
					free(lines);
					return NULL;
				}
				lines = nl;
			}
			lines[(*n)++] = line;
		}
		const char *nlp = strchr(p, '\n');
		if (!nlp)
			break;
		p = nlp + 1;
		line++;
	}
	return lines;
}

struct override {
	const char *uid;
	long day;
};

static bool is_excluded(icalcomponent *ev, long day, const struct override *ov, size_t nov,
			const char *uid)
{
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY))
		if (local_day(icalproperty_get_exdate(p)) == day)
			return true;
	for (size_t i = 0; i < nov; i++)
		if (ov[i].day == day && strcmp(ov[i].uid, uid) == 0)
			return true;
	return false;
}

static int read_event(icalcomponent *ev, long line, long from, long to, const struct override *ov,
		      size_t nov, struct ics_items *out, struct samen_err *err)
{
	icalproperty *status = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
	if (status && icalproperty_get_status(status) == ICAL_STATUS_CANCELLED)
		return 0;
	icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	if (!ps)
		return samen_fail_at(err, SAMEN_EINVAL, line, "DTSTART", "the event has no start (DTSTART)");
	struct icaltimetype start = icalcomponent_get_dtstart(ev);
	if (icaltime_is_null_time(start) || !icaltime_is_valid_time(start))
		return samen_fail_at(err, SAMEN_EINVAL, line, "DTSTART",
				     "the event's start (DTSTART) is not a valid date");
	struct icaltimetype end = icalcomponent_get_dtend(ev);
	long s = local_day(start), e = last_day(start, end);
	if (!icaltime_is_null_time(end) && icaltime_compare(end, start) < 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "DTEND", "the event ends before it starts");
	const char *uid = icalcomponent_get_uid(ev);
	const char *summary = icalcomponent_get_summary(ev);
	if (!uid)
		uid = "";
	if (!summary || !*summary)
		summary = "(zonder titel)";
	icalproperty *rr = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
	if (!rr || icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
		if (e < from || s > to) {
			out->outside++;
			return 0;
		}
		return add_item(out, line, uid, summary, s, e, err);
	}
	struct icalrecurrencetype rule = icalproperty_get_rrule(rr);
	icalrecur_iterator *it = icalrecur_iterator_new(rule, start);
	if (!it)
		return samen_fail_at(err, SAMEN_EINVAL, line, "RRULE", "the repeat rule (RRULE) is not valid");
	long length = e - s;
	int rc = 0;
	size_t steps = 0;
	for (struct icaltimetype t = icalrecur_iterator_next(it); rc == 0 && !icaltime_is_null_time(t);
	     t = icalrecur_iterator_next(it)) {
		long d = local_day(t);
		if (d > to || ++steps > 10 * ICS_MAX_EVENTS)
			break;
		if (d + length < from || is_excluded(ev, d, ov, nov, uid)) {
			if (d + length < from)
				out->outside++;
			continue;
		}
		char occ[160];
		int y, m, dd;
		date_civil(d, &y, &m, &dd);
		snprintf(occ, sizeof occ, "%.140s/%04d%02d%02d", uid, y % 10000, m % 100, dd % 100);
		rc = add_item(out, line, occ, summary, d, d + length, err);
	}
	icalrecur_iterator_free(it);
	return rc;
}

int ics_read(const char *data, size_t len, long from, long to, struct ics_items *out,
	     struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	char *text = malloc(len + 1);
	if (!text)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	memcpy(text, data, len);
	text[len] = '\0';
	if (strlen(text) != len || !strstr(text, "BEGIN:VCALENDAR")) {
		free(text);
		return samen_fail_at(err, SAMEN_EINVAL, 1, "file",
				     "not an iCalendar file (no BEGIN:VCALENDAR)");
	}
	size_t n_lines = 0;
	long *lines = vevent_lines(text, &n_lines);
	icalcomponent *root = icalparser_parse_string(text);
	struct override *ov = NULL;
	int rc = 0;
	if (!lines) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	if (!root) {
		rc = samen_fail_at(err, SAMEN_EINVAL, 1, "file", "the iCalendar text cannot be read");
		goto out;
	}
	/* One VCALENDAR, or several under an XROOT. */
	icalcomponent *cals[64];
	size_t ncal = 0;
	if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
		cals[ncal++] = root;
	} else {
		for (icalcomponent *c = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT);
		     c && ncal < 64; c = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
			cals[ncal++] = c;
	}
	if (ncal == 0) {
		rc = samen_fail_at(err, SAMEN_EINVAL, 1, "file", "the file holds no VCALENDAR");
		goto out;
	}
	/* Moved occurrences (RECURRENCE-ID) replace their place in the series. */
	size_t nov = 0, cov = 0;
	for (size_t c = 0; rc == 0 && c < ncal; c++)
		for (icalcomponent *ev = icalcomponent_get_first_component(cals[c], ICAL_VEVENT_COMPONENT);
		     ev; ev = icalcomponent_get_next_component(cals[c], ICAL_VEVENT_COMPONENT)) {
			icalproperty *rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
			const char *uid = icalcomponent_get_uid(ev);
			if (!rid || !uid)
				continue;
			if (nov == cov) {
				cov = cov ? cov * 2 : 16;
				struct override *no = realloc(ov, cov * sizeof *no);
				if (!no) {
					rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
					break;
				}
				ov = no;
			}
			ov[nov++] = (struct override){uid, local_day(icalproperty_get_recurrenceid(rid))};
		}
	size_t k = 0;
	for (size_t c = 0; rc == 0 && c < ncal; c++)
		for (icalcomponent *ev = icalcomponent_get_first_component(cals[c], ICAL_VEVENT_COMPONENT);
		     rc == 0 && ev;
		     ev = icalcomponent_get_next_component(cals[c], ICAL_VEVENT_COMPONENT), k++)
			rc = read_event(ev, k < n_lines ? lines[k] : 0, from, to, ov, nov, out, err);
out:
	free(ov);
	if (root)
		icalcomponent_free(root);
	free(lines);
	free(text);
	if (rc)
		ics_items_release(out);
	return rc;
}
