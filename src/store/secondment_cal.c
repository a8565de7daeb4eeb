/*
 * secondment_cal.c - the school-day question of the secondment module,
 * answered by the calendar module (see secondment_cal.h).
 */
#include "store/secondment_cal.h"
#include "store/store_calendar.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int secondment_cal_open(struct db *db, struct secondment_cal *c, struct samen_err *err)
{
	memset(c, 0, sizeof *c);
	c->db = db;
	calendar_init(&c->cal);
	int rc = store_calendar_load_holidays(db, &c->cal, err);
	if (rc) {
		calendar_release(&c->cal);
		return rc;
	}
	struct db_stmt *st;
	rc = db_prepare(db, "SELECT id, holiday_region, name FROM school ORDER BY id", &st, err);
	size_t cap = 0;
	while (rc == 0 && (rc = db_step(st, err)) == 1) {
		if (c->nschools == cap) {
			cap = cap ? 2 * cap : 64;
			void *p = realloc(c->schools, cap * sizeof *c->schools);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			c->schools = p;
		}
		struct secondment_cal_school *s = &c->schools[c->nschools++];
		s->id = db_col_int(st, 0);
		if (calendar_region_parse(db_col_text(st, 1), &s->region, 0, NULL))
			s->region = -1;
		snprintf(s->name, sizeof s->name, "%s", db_col_text(st, 2));
		s->busy_loaded = false;
		rc = 0;
	}
	if (rc == 1)
		rc = 0;
	db_finalize(st);
	if (rc < 0) {
		secondment_cal_close(c);
		return rc;
	}
	return 0;
}

void secondment_cal_close(struct secondment_cal *c)
{
	calendar_release(&c->cal);
	free(c->schools);
	c->schools = NULL;
	c->nschools = 0;
}

static struct secondment_cal_school *find_school(struct secondment_cal *c, int64_t id)
{
	size_t lo = 0, hi = c->nschools;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->schools[mid].id == id)
			return &c->schools[mid];
		if (c->schools[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void say(char *why, size_t n, const char *text)
{
	if (why && n)
		snprintf(why, n, "%s", text);
}

bool secondment_cal_schoolday(void *ctx, int64_t school_id, long day, char *why, size_t whylen)
{
	struct secondment_cal *c = ctx;
	if (date_weekday(day) >= 6) {
		say(why, whylen, "weekend");
		return false;
	}
	struct secondment_cal_school *s = school_id ? find_school(c, school_id) : NULL;
	if (s && !s->busy_loaded) {
		/* The school's own busy periods, loaded when the school is first asked about. */
		s->busy_loaded = true;
		store_calendar_load_busy(c->db, &c->cal, &s->id, 1, date_days(2000, 1, 1),
					 date_days(2100, 12, 31), NULL);
	}
	struct cal_school one = {0};
	struct cal_scope scope = {0};
	if (s && s->region >= 0) {
		int sy = calendar_school_year_of(day);
		if (!calendar_has_school_year(&c->cal, s->region, sy)) {
			char year[10], text[64];
			calendar_school_year_text(sy, year);
			snprintf(text, sizeof text, "no school calendar for %s (%s)", year,
				 calendar_region_name(s->region));
			say(why, whylen, text);
			return false;
		}
		one.id = s->id;
		one.region = s->region;
		snprintf(one.name, sizeof one.name, "%s", s->name);
		scope.schools = &one;
		scope.n_schools = 1;
	}
	struct cal_reason r[8];
	size_t n = calendar_day_reasons(&c->cal, &scope, day, r, sizeof r / sizeof r[0]);
	for (size_t i = 0; i < n && i < sizeof r / sizeof r[0]; i++) {
		/* Busy periods are working days, except a school's own stretched meivakantie. */
		if (r[i].kind == CAL_R_BUSY && c->cal.busy[r[i].index].kind != BUSY_MEIVAKANTIE)
			continue;
		if (why && whylen)
			calendar_reason_text(&c->cal, &scope, &r[i], why, whylen);
		return false;
	}
	return true;
}
