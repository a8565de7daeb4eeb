/*
 * match_fit.c - the fit checks of a pool member against a help request
 * (see match_fit.h): distance and travel, lessons, hours, qualification.
 */
#include "core/match_fit.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#define EARTH_KM 6371.0
#define HOURS_PER_FTE 1659.0

double match_haversine_km(double lat1, double lon1, double lat2, double lon2)
{
	const double rad = 3.14159265358979323846 / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double a = sin(dlat / 2) * sin(dlat / 2) +
		   cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
	return 2.0 * EARTH_KM * atan2(sqrt(a), sqrt(1.0 - a));
}

int match_travel_minutes(double km, double speed_kmh)
{
	if (speed_kmh <= 0 || km < 0)
		return -1;
	double m = km / speed_kmh * 60.0;
	/* a tiny tolerance so 10 km at 60 km/h is 10 minutes, not 11 */
	return (int)ceil(m - 1e-9);
}

static enum match_lesson_fail check_one(const struct match_slot *own, size_t nown,
					unsigned weekdays, const struct match_slot *r,
					match_travel_fn travel, void *ctx)
{
	if (r->weekday < 1 || r->weekday > 5 || !(weekdays & (1u << (r->weekday - 1))))
		return LESSON_DAY;
	const struct match_slot *before = NULL, *after = NULL;
	for (size_t i = 0; i < nown; i++) {
		const struct match_slot *o = &own[i];
		if (o->weekday != r->weekday)
			continue;
		if (o->start < r->end && r->start < o->end)
			return LESSON_CLASH;
		if (o->end <= r->start && (!before || o->end > before->end))
			before = o;
		if (o->start >= r->end && (!after || o->start < after->start))
			after = o;
	}
	if (before) {
		int t = before->school_id == r->school_id ? 0
							   : travel(ctx, before->school_id, r->school_id);
		if (t < 0 || before->end + t > r->start)
			return LESSON_TRAVEL_BEFORE;
	}
	if (after) {
		int t = after->school_id == r->school_id ? 0
							  : travel(ctx, r->school_id, after->school_id);
		if (t < 0 || r->end + t > after->start)
			return LESSON_TRAVEL_AFTER;
	}
	return LESSON_OK;
}

size_t match_lessons_check(const struct match_slot *own, size_t nown, unsigned weekdays,
			   const struct match_slot *req, size_t nreq, match_travel_fn travel,
			   void *ctx, enum match_lesson_fail *out)
{
	size_t ok = 0;
	for (size_t i = 0; i < nreq; i++) {
		out[i] = check_one(own, nown, weekdays, &req[i], travel, ctx);
		if (out[i] == LESSON_OK)
			ok++;
	}
	return ok;
}

const char *match_lesson_fail_name(enum match_lesson_fail f)
{
	switch (f) {
	case LESSON_OK: return "ok";
	case LESSON_DAY: return "day";
	case LESSON_CLASH: return "clash";
	case LESSON_TRAVEL_BEFORE: return "travel_before";
	case LESSON_TRAVEL_AFTER: return "travel_after";
	}
	return "";
}

int64_t match_spare_hours(const struct match_hours *h, int64_t *cap)
{
	double hours = h->contract_hours_per_year;
	if (!h->within_contract)
		hours += (double)h->offered / 100.0 * h->weeks_per_year;
	double factor = h->contract_year == 1 ? 0.8 : h->contract_year == 2 ? 0.9 : 1.0;
	double week = h->weeks_per_year > 0
			      ? h->cap_per_fte * (hours / HOURS_PER_FTE) * factor / h->weeks_per_year
			      : 0.0;
	int64_t c = (int64_t)floor(week * 100.0 + 1e-6);
	if (cap)
		*cap = c;
	int64_t room = c - h->teaching;
	if (room < 0)
		room = 0;
	return room < h->offered ? room : h->offered;
}

enum qual_fit match_qual_fit(enum qual_level level, enum school_type type, int year_from,
			     int year_to)
{
	enum qual_fit worst = FIT_BEVOEGD;
	if (year_from < 1 || year_to < year_from)
		return FIT_ONBEVOEGD;
	for (int y = year_from; y <= year_to; y++) {
		enum qual_fit f = qual_covers(level, type, y);
		if (f > worst)
			worst = f;
	}
	return worst;
}

bool match_has_tag(const char *tags, const char *tag)
{
	size_t n = tag ? strlen(tag) : 0;
	if (n == 0)
		return true;
	const char *p = tags ? tags : "";
	while (*p) {
		while (*p == ',' || *p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ',')
			e++;
		const char *t = e;
		while (t > p && t[-1] == ' ')
			t--;
		if ((size_t)(t - p) == n) {
			size_t i = 0;
			while (i < n && tolower((unsigned char)p[i]) == tolower((unsigned char)tag[i]))
				i++;
			if (i == n)
				return true;
		}
		p = e;
	}
	return false;
}
