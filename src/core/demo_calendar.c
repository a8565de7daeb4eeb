/*
 * demo_calendar.c - busy periods, meeting series and next steps for the
 * demo region (see demo_calendar.h). Everything is derived from the school
 * year and the schools' order, so the same school year gives the same data;
 * the series are planned by the real planner from the real holidays.
 */
#include "core/demo_calendar.h"
#include "core/planner.h"
#include "store/store_calendar.h"
#include "store/store_series.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEMO_ACTOR "demo"

struct demo_school {
	int64_t id, board;
	bool havo_vwo;
};

/* The Monday of the week holding day d. */
static long monday_of(long d)
{
	return d - (date_weekday(d) - 1);
}

/* The first day on or after d that is ISO weekday wd. */
static long next_weekday(long d, int wd)
{
	return d + (wd - date_weekday(d) + 7) % 7;
}

static int add(struct db *db, int64_t school, enum busy_kind kind, const char *name, long start,
	       long end, struct samen_err *err)
{
	struct cal_busy b = {0};
	b.school_id = school;
	b.kind = kind;
	snprintf(b.name, sizeof b.name, "%s", name);
	b.start = start;
	b.end = end;
	return store_busy_add(db, &b, "demo", NULL, DEMO_ACTOR, 0, NULL, err);
}

static int busy_periods(struct db *db, const struct demo_school *s, size_t i, int board_index,
			int y, struct samen_err *err)
{
	int rc = 0;
	long w;
	/* Test weeks: each board has its own weeks, a week apart. */
	w = monday_of(date_days(y, 11, 10)) + 7 * board_index;
	if (rc == 0)
		rc = add(db, s->id, BUSY_TEST_WEEK, "Toetsweek 1", w, w + 4, err);
	w = monday_of(date_days(y + 1, 1, 26)) + 7 * board_index;
	if (rc == 0)
		rc = add(db, s->id, BUSY_TEST_WEEK, "Toetsweek 2", w, w + 4, err);
	/* Report meetings on the Monday and Tuesday after it. */
	if (rc == 0)
		rc = add(db, s->id, BUSY_REPORT_MEETING, "Rapportvergaderingen", w + 7, w + 8, err);
	w = monday_of(date_days(y + 1, 4, 6)) + 7 * board_index;
	if (rc == 0)
		rc = add(db, s->id, BUSY_TEST_WEEK, "Toetsweek 3", w, w + 4, err);
	w = monday_of(date_days(y + 1, 6, 15)) + 7 * board_index;
	if (rc == 0)
		rc = add(db, s->id, BUSY_TEST_WEEK, "Toetsweek 4", w, w + 4, err);
	/* Open day on a Saturday, open lesson afternoon on a Wednesday. */
	long d = next_weekday(date_days(y + 1, 1, 17), 6) + 7 * (long)(i % 3);
	if (rc == 0)
		rc = add(db, s->id, BUSY_OPEN_DAY, "Open dag", d, d, err);
	d = next_weekday(date_days(y + 1, 2, 2), 3) + 7 * (long)(i % 2);
	if (rc == 0)
		rc = add(db, s->id, BUSY_OPEN_DAY, "Open lesmiddag groep 8", d, d, err);
	/* Study days. */
	d = next_weekday(date_days(y, 10, 1), 3) + 7 * (long)(i % 3);
	if (rc == 0)
		rc = add(db, s->id, BUSY_STUDY_DAY, "Studiedag", d, d, err);
	d = next_weekday(date_days(y + 1, 3, 9), 2 + (int)(i % 3));
	if (rc == 0)
		rc = add(db, s->id, BUSY_STUDY_DAY, "Studiedag teamontwikkeling", d, d, err);
	/* The central exams (first period) for havo/vwo schools. */
	if (rc == 0 && s->havo_vwo) {
		long start = next_weekday(date_days(y + 1, 5, 11), 1);
		rc = add(db, s->id, BUSY_EXAM_WEEK, "Centraal examen (eerste tijdvak)", start,
			 start + 11, err);
	}
	return rc;
}

struct person_ref {
	char name[128], email[128];
	int64_t id;
};

static int find_user(struct db *db, const char *email, struct person_ref *out,
		     struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT id, name, email FROM app_user WHERE email = $1", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, email);
	rc = db_step(st, err);
	if (rc == 1) {
		out->id = db_col_int(st, 0);
		snprintf(out->name, sizeof out->name, "%s", db_col_text(st, 1));
		snprintf(out->email, sizeof out->email, "%s", db_col_text(st, 2));
		rc = 0;
	} else if (rc == 0) {
		out->id = 0;
		snprintf(out->name, sizeof out->name, "%s", email);
		snprintf(out->email, sizeof out->email, "%s", email);
	}
	db_finalize(st);
	return rc;
}

/* Plan and store one series; *id receives its id (0 when nothing fits). */
static int plan_series(struct db *db, int64_t region, const char *title, const char *location,
		       const int64_t *school_ids, size_t n_schools, int y, int count,
		       const char *weekdays, int start_min, int end_min, int min_gap, int max_gap,
		       const struct person_ref *people, size_t n_people, int64_t creator,
		       int64_t *id, struct samen_err *err)
{
	*id = 0;
	struct cal_school *schools = NULL;
	struct calendar cal;
	calendar_init(&cal);
	struct plan_result res;
	memset(&res, 0, sizeof res);
	struct plan_request req;
	memset(&req, 0, sizeof req);
	req.from = next_weekday(date_days(y, 9, 1), 1);
	req.to = date_days(y + 1, 7, 9);
	req.count = count;
	req.start_min = start_min;
	req.end_min = end_min;
	req.min_gap_weeks = min_gap;
	req.max_gap_weeks = max_gap;
	long *days = NULL;
	struct series_attendee *att = calloc(n_people ? n_people : 1, sizeof *att);
	int rc = att ? 0 : samen_fail(err, SAMEN_ENOMEM, "out of memory");
	if (rc == 0)
		rc = planner_weekdays_parse(weekdays, &req, err);
	if (rc == 0)
		rc = store_calendar_schools(db, region, school_ids, n_schools, &schools, err);
	if (rc)
		goto out;
	req.scope.schools = schools;
	req.scope.n_schools = n_schools;
	rc = store_calendar_for_plan(db, &cal, schools, n_schools, req.from, req.to, err);
	if (rc == 0) {
		struct samen_err quiet;
		samen_err_clear(&quiet);
		if (planner_plan(&cal, &req, &res, &quiet) != 0)
			goto out; /* no holidays for this school year: no series */
	}
	if (rc || !res.feasible)
		goto out;
	days = malloc(res.n_meetings * sizeof *days);
	if (!days) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t m = 0; m < res.n_meetings; m++)
		days[m] = res.meetings[m].day;
	for (size_t i = 0; i < n_people; i++) {
		snprintf(att[i].name, sizeof att[i].name, "%s", people[i].name);
		snprintf(att[i].email, sizeof att[i].email, "%s", people[i].email);
	}
	struct series s;
	memset(&s, 0, sizeof s);
	s.region_id = region;
	snprintf(s.title, sizeof s.title, "%s", title);
	snprintf(s.location, sizeof s.location, "%s", location);
	s.from = req.from;
	s.to = req.to;
	snprintf(s.weekdays, sizeof s.weekdays, "%s", weekdays);
	s.start_min = start_min;
	s.end_min = end_min;
	s.min_gap_weeks = min_gap;
	s.max_gap_weeks = max_gap;
	s.school_ids = (int64_t *)school_ids;
	s.n_schools = n_schools;
	s.attendees = att;
	s.n_attendees = n_people;
	rc = store_series_create(db, &s, days, res.n_meetings, DEMO_ACTOR, creator, id, err);
out:
	free(days);
	free(att);
	free(schools);
	planner_result_release(&res);
	calendar_release(&cal);
	return rc;
}

int demo_calendar(struct db *db, int ref_year, struct samen_err *err)
{
	int64_t region = 0;
	const char *code[] = {"alkmaar"};
	int rc = db_query_int(db, "SELECT id FROM region WHERE code = $1", 1, code, &region, err);
	if (rc == SAMEN_ENOTFOUND)
		return 0;
	if (rc)
		return rc;
	struct demo_school s[64];
	size_t n = 0;
	struct db_stmt *st;
	rc = db_prepare(db,
			"SELECT s.id, s.board_id, s.school_types FROM school s JOIN board b"
			" ON b.id = s.board_id WHERE b.region_id = $1 ORDER BY s.board_id, s.id",
			&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region);
	while ((rc = db_step(st, err)) == 1 && n < 64) {
		s[n].id = db_col_int(st, 0);
		s[n].board = db_col_int(st, 1);
		const char *types = db_col_text(st, 2);
		s[n].havo_vwo = strstr(types, "havo") || strstr(types, "vwo");
		n++;
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	/* Busy periods; the board index spreads the test weeks. */
	int board_index = -1;
	int64_t last_board = 0;
	int64_t steering[3], working[6];
	size_t n_steering = 0, n_working = 0, in_board = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (s[i].board != last_board) {
			board_index++;
			last_board = s[i].board;
			in_board = 0;
		}
		if (in_board == 0 && n_steering < 3)
			steering[n_steering++] = s[i].id;
		if (in_board < 2 && n_working < 6)
			working[n_working++] = s[i].id;
		in_board++;
		rc = busy_periods(db, &s[i], i, board_index % 3, ref_year, err);
	}
	if (rc)
		return rc;
	/* Two series planned by the planner, with the demo accounts as attendees. */
	static const char *const emails[] = {"coordinator@demo.samen.nl", "bestuurder.b1@demo.samen.nl",
					     "bestuurder.b2@demo.samen.nl", "bestuurder.b3@demo.samen.nl",
					     "hr.b1@demo.samen.nl", "hr.b2@demo.samen.nl",
					     "hr.b3@demo.samen.nl"};
	struct person_ref people[7];
	for (size_t i = 0; rc == 0 && i < 7; i++)
		rc = find_user(db, emails[i], &people[i], err);
	if (rc)
		return rc;
	int64_t steer_id = 0, work_id = 0;
	struct person_ref work_people[4] = {people[0], people[4], people[5], people[6]};
	rc = plan_series(db, region, "Stuurgroep regionale samenwerking", "Regiokantoor, Alkmaar",
			 steering, n_steering, ref_year, 6, "di,do", 15 * 60 + 30, 17 * 60, 4, 10,
			 people, 4, people[0].id, &steer_id, err);
	if (rc == 0)
		rc = plan_series(db, region, "Werkgroep zij-instroom en starters", "Wisselend per school",
				 working, n_working, ref_year, 10, "wo", 14 * 60 + 30, 16 * 60, 2, 6,
				 work_people, 4, people[0].id, &work_id, err);
	if (rc || !steer_id)
		return rc;
	/* Next steps; the second has no meeting planned (the lead-time warning). */
	rc = store_step_add(db, region, "Afspraken begeleiding zij-instromers vastleggen",
			    "Werkgroep zij-instroom", date_days(ref_year + 1, 1, 31), work_id,
			    DEMO_ACTOR, 0, NULL, err);
	if (rc == 0)
		rc = store_step_add(db, region, "Belangengesprek besturen voorbereiden", "Coördinator",
				    date_days(ref_year + 1, 3, 15), 0, DEMO_ACTOR, 0, NULL, err);
	if (rc == 0)
		rc = store_step_add(db, region, "Gezamenlijke ambitie vaststellen", "Stuurgroep",
				    date_days(ref_year + 1, 6, 30), steer_id, DEMO_ACTOR, 0, NULL, err);
	return rc;
}
