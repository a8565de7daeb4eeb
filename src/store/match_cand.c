/*
 * store/match_cand.c - the candidates of a help request with the reason of
 * every check, and the nameless reach of a request (see store/match.h).
 * The checks themselves are in core/match_fit.c; this file gathers their
 * inputs: settings, school coordinates and imported travel times, pool
 * entries, contracts, timetables and live offers.
 */
#include "store/match.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OWN 256

static const char *const day_short[] = {"", "Mon", "Tue", "Wed", "Thu", "Fri"};

const char *match_check_name(enum match_check c)
{
	static const char *const names[MCHK_COUNT] = {
		"qualification", "expertise", "hours", "lessons", "travel", "school", "consent",
	};
	return c < MCHK_COUNT ? names[c] : "";
}

/* Schools of a region with coordinates, and the imported travel times between them. */
struct travel_ctx {
	double speed;
	size_t nschools;
	struct tschool {
		int64_t id;
		bool has_pos;
		double lat, lon;
	} *schools;
	size_t ntimes;
	struct ttime {
		int64_t from, to;
		int minutes;
	} *times;
};

static int travel_cb(void *vctx, int64_t from, int64_t to)
{
	const struct travel_ctx *c = vctx;
	if (from == to)
		return 0;
	for (size_t i = 0; i < c->ntimes; i++)
		if (c->times[i].from == from && c->times[i].to == to)
			return c->times[i].minutes;
	const struct tschool *a = NULL, *b = NULL;
	for (size_t i = 0; i < c->nschools; i++) {
		if (c->schools[i].id == from)
			a = &c->schools[i];
		if (c->schools[i].id == to)
			b = &c->schools[i];
	}
	if (!a || !b || !a->has_pos || !b->has_pos)
		return -1;
	return match_travel_minutes(match_haversine_km(a->lat, a->lon, b->lat, b->lon), c->speed);
}

static void travel_free(struct travel_ctx *c)
{
	free(c->schools);
	free(c->times);
	memset(c, 0, sizeof *c);
}

static int travel_load(struct db *db, int64_t region, struct travel_ctx *c, struct samen_err *err)
{
	struct db_stmt *st = NULL;
	size_t cap = 0;
	int rc = db_prepare(db, "SELECT s.id, CASE WHEN s.lat IS NOT NULL AND s.lon IS NOT NULL THEN 1 ELSE 0 END,"
				" COALESCE(s.lat, 0), COALESCE(s.lon, 0) FROM school s"
				" JOIN board b ON b.id = s.board_id WHERE b.region_id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region);
	while ((rc = db_step(st, err)) == 1) {
		if (c->nschools == cap) {
			size_t nc = cap ? cap * 2 : 32;
			void *p = realloc(c->schools, nc * sizeof *c->schools);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			c->schools = p;
			cap = nc;
		}
		struct tschool *s = &c->schools[c->nschools++];
		s->id = db_col_int(st, 0);
		s->has_pos = db_col_int(st, 1) != 0;
		s->lat = db_col_double(st, 2);
		s->lon = db_col_double(st, 3);
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	cap = 0;
	rc = db_prepare(db, "SELECT t.from_school_id, t.to_school_id, t.minutes FROM travel_time t"
			    " JOIN school s ON s.id = t.from_school_id JOIN board b ON b.id = s.board_id"
			    " WHERE b.region_id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region);
	while ((rc = db_step(st, err)) == 1) {
		if (c->ntimes == cap) {
			size_t nc = cap ? cap * 2 : 32;
			void *p = realloc(c->times, nc * sizeof *c->times);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			c->times = p;
			cap = nc;
		}
		struct ttime *t = &c->times[c->ntimes++];
		t->from = db_col_int(st, 0);
		t->to = db_col_int(st, 1);
		t->minutes = (int)db_col_int(st, 2);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* Region settings (defaults when none stored). */
static int region_settings(struct db *db, int64_t region, double *speed, int *weeks,
			   struct samen_err *err)
{
	*speed = 30.0;
	*weeks = 40;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT speed_kmh, weeks_per_year FROM match_setting"
				" WHERE region_id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region);
	rc = db_step(st, err);
	if (rc == 1) {
		*speed = db_col_double(st, 0);
		*weeks = (int)db_col_int(st, 1);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* Travel times of a region for callers outside this file (see match.h). */
struct match_travel {
	struct travel_ctx ctx;
};

int match_travel_open(struct db *db, int64_t region_id, struct match_travel **out,
		      struct samen_err *err)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	int weeks;
	int rc = region_settings(db, region_id, &(*out)->ctx.speed, &weeks, err);
	if (rc == 0)
		rc = travel_load(db, region_id, &(*out)->ctx, err);
	if (rc) {
		match_travel_close(*out);
		*out = NULL;
	}
	return rc;
}

int match_travel_between(const struct match_travel *t, int64_t from, int64_t to)
{
	return travel_cb((void *)&t->ctx, from, to);
}

void match_travel_close(struct match_travel *t)
{
	if (!t)
		return;
	travel_free(&t->ctx);
	free(t);
}


static int school_caps(struct db *db, int64_t school, int *lesson_minutes, double *cap,
		       struct samen_err *err)
{
	*lesson_minutes = 50;
	*cap = 720.0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT lesson_minutes, teaching_cap FROM match_school_setting"
				" WHERE school_id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school);
	rc = db_step(st, err);
	if (rc == 1) {
		*lesson_minutes = (int)db_col_int(st, 0);
		*cap = db_col_double(st, 1);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* A pool member as read before the checks. */
struct member {
	int64_t pool_id, person_id, board_id;
	char kind[16];
	int64_t extra;
	unsigned weekdays;
	int max_travel;
	bool share_name;
	char expertise[128];
	char name[192], board_name[160], level[24];
};

static int members_load(struct db *db, int64_t region, const char *subject, struct member **out,
			size_t *n, struct samen_err *err)
{
	struct db_stmt *st = NULL;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc = db_prepare(db,
			    "SELECT p.id, p.person_id, p.board_id, p.kind, p.extra_hours, p.weekdays,"
			    " p.max_travel, p.share_name, p.expertise, pe.last_name, pe.first_name,"
			    " b.name, q.level FROM match_pool p JOIN person pe ON pe.id = p.person_id"
			    " JOIN board b ON b.id = p.board_id JOIN qualification q"
			    " ON q.person_id = p.person_id AND q.subject_code = $2"
			    " WHERE b.region_id = $1 AND p.consent_at IS NOT NULL"
			    " AND p.withdrawn_at IS NULL ORDER BY p.id", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region);
	db_bind_text(st, 2, subject);
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			void *p = realloc(*out, nc * sizeof **out);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			*out = p;
			cap = nc;
		}
		struct member *m = &(*out)[(*n)++];
		memset(m, 0, sizeof *m);
		m->pool_id = db_col_int(st, 0);
		m->person_id = db_col_int(st, 1);
		m->board_id = db_col_int(st, 2);
		snprintf(m->kind, sizeof m->kind, "%s", db_col_text(st, 3));
		m->extra = db_col_int(st, 4);
		m->weekdays = (unsigned)db_col_int(st, 5);
		m->max_travel = (int)db_col_int(st, 6);
		m->share_name = db_col_int(st, 7) != 0;
		snprintf(m->expertise, sizeof m->expertise, "%s", db_col_text(st, 8));
		snprintf(m->name, sizeof m->name, "%s, %s", db_col_text(st, 9), db_col_text(st, 10));
		snprintf(m->board_name, sizeof m->board_name, "%s", db_col_text(st, 11));
		snprintf(m->level, sizeof m->level, "%s", db_col_text(st, 12));
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}

/* Contract hours in force on today and the contract year (1, 2, ...) at the board. */
static int contract_of(struct db *db, const struct member *m, long today, double *hours,
		       int *year, struct samen_err *err)
{
	char day[11];
	date_format(today, day);
	*hours = 0;
	*year = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db,
			    "SELECT c.hours_per_year, (SELECT MIN(c2.start_date) FROM contract c2"
			    " WHERE c2.employment_id = e.id) FROM employment e JOIN contract c"
			    " ON c.employment_id = e.id WHERE e.person_id = $1 AND e.board_id = $2"
			    " AND c.start_date <= $3 AND (c.end_date IS NULL OR c.end_date >= $3)"
			    " ORDER BY c.start_date DESC, c.id DESC LIMIT 1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, m->person_id);
	db_bind_int(st, 2, m->board_id);
	db_bind_text(st, 3, day);
	rc = db_step(st, err);
	if (rc == 1) {
		long first = 0;
		*hours = db_col_double(st, 0);
		if (date_parse(db_col_text(st, 1), &first) == 0 && first <= today)
			*year = (int)((today - first) / 365) + 1;
		else
			*year = 1;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static int main_school(struct db *db, const struct member *m, int64_t *school,
		       struct samen_err *err)
{
	*school = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT a.school_id FROM assignment a JOIN employment e"
				" ON e.id = a.employment_id WHERE e.person_id = $1 AND e.board_id = $2"
				" ORDER BY a.fte_share DESC, a.school_id LIMIT 1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, m->person_id);
	db_bind_int(st, 2, m->board_id);
	rc = db_step(st, err);
	if (rc == 1)
		*school = db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/*
 * The person's busy slots: their own lessons, plus the lessons of live
 * offers for other requests. *own_minutes gets the minutes of their own
 * lessons per week, *offered the hours of live offers for other requests.
 */
static int busy_of(struct db *db, int64_t person, int64_t request, struct match_slot *slots,
		   size_t *n, int64_t *own_minutes, int64_t *offered, struct samen_err *err)
{
	*n = 0;
	*own_minutes = 0;
	*offered = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT weekday, start_min, end_min, school_id FROM match_lesson"
				" WHERE person_id = $1 ORDER BY weekday, start_min", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, person);
	while ((rc = db_step(st, err)) == 1 && *n < MAX_OWN) {
		struct match_slot *s = &slots[(*n)++];
		s->weekday = (int)db_col_int(st, 0);
		s->start = (int)db_col_int(st, 1);
		s->end = (int)db_col_int(st, 2);
		s->school_id = db_col_int(st, 3);
		*own_minutes += s->end - s->start;
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	rc = db_prepare(db, "SELECT rl.weekday, rl.start_min, rl.end_min, r.school_id"
			    " FROM match_offer o JOIN match_offer_lesson ol ON ol.offer_id = o.id"
			    " JOIN match_request_lesson rl ON rl.id = ol.request_lesson_id"
			    " JOIN match_request r ON r.id = o.request_id WHERE o.person_id = $1"
			    " AND o.request_id <> $2 AND (o.status = 'proposed'"
			    " OR o.status = 'accepted' OR o.status = 'approved')", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, person);
	db_bind_int(st, 2, request);
	while ((rc = db_step(st, err)) == 1 && *n < MAX_OWN) {
		struct match_slot *s = &slots[(*n)++];
		s->weekday = (int)db_col_int(st, 0);
		s->start = (int)db_col_int(st, 1);
		s->end = (int)db_col_int(st, 2);
		s->school_id = db_col_int(st, 3);
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	rc = db_prepare(db, "SELECT COALESCE(SUM(hours_per_week), 0) FROM match_offer"
			    " WHERE person_id = $1 AND request_id <> $2 AND (status = 'proposed'"
			    " OR status = 'accepted' OR status = 'approved')", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, person);
	db_bind_int(st, 2, request);
	rc = db_step(st, err);
	if (rc == 1)
		*offered = db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* 1 when the person declined this request before; "prefer"/"avoid" of the school. */
static int person_marks(struct db *db, const struct member *m, const struct match_request *r,
			bool *declined, bool *prefer, bool *avoid, struct samen_err *err)
{
	*declined = *prefer = *avoid = false;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT COUNT(*) FROM match_offer WHERE person_id = $1"
				" AND request_id = $2 AND status = 'declined'", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, m->person_id);
	db_bind_int(st, 2, r->id);
	rc = db_step(st, err);
	if (rc == 1)
		*declined = db_col_int(st, 0) > 0;
	db_finalize(st);
	if (rc < 0)
		return rc;
	rc = db_prepare(db, "SELECT pref FROM match_pool_school WHERE pool_id = $1 AND school_id = $2",
			&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, m->pool_id);
	db_bind_int(st, 2, r->school_id);
	rc = db_step(st, err);
	if (rc == 1) {
		*prefer = strcmp(db_col_text(st, 0), "prefer") == 0;
		*avoid = strcmp(db_col_text(st, 0), "avoid") == 0;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static void hours_text(char *out, size_t n, int64_t centi)
{
	snprintf(out, n, "%lld.%02lld", (long long)(centi / 100), (long long)(centi % 100));
}

/* Fill the checks of one member. */
static int evaluate(struct db *db, const struct match_request *r, const struct member *m,
		    struct travel_ctx *tc, int weeks, int lesson_minutes, double cap_per_fte,
		    long today, struct match_slot *busy, struct match_candidate *c,
		    struct samen_err *err)
{
	memset(c, 0, sizeof *c);
	c->person_id = m->person_id;
	c->pool_id = m->pool_id;
	c->board_id = m->board_id;
	snprintf(c->alias, sizeof c->alias, "Kandidaat %lld", (long long)m->pool_id);
	snprintf(c->board_name, sizeof c->board_name, "%s", m->board_name);
	snprintf(c->level, sizeof c->level, "%s", m->level);

	/* qualification (rules 18-22) */
	enum school_type type = school_type_parse(r->school_type);
	c->qual = match_qual_fit(qual_level_parse(m->level), type, r->year_from, r->year_to);
	c->pass[MCHK_QUAL] = c->qual == FIT_BEVOEGD ||
			     (r->accept_under && (c->qual == FIT_BENOEMBAAR || c->qual == FIT_ONDERBEVOEGD));
	snprintf(c->reason[MCHK_QUAL], sizeof c->reason[MCHK_QUAL], "%s: %s for %s %d-%d%s",
		 m->level, qual_fit_name(c->qual), r->school_type, r->year_from, r->year_to,
		 c->qual == FIT_BEVOEGD ? ""
		 : c->pass[MCHK_QUAL]   ? " (accepted by the request)"
		 : c->qual == FIT_ONBEVOEGD ? ""
					     : " (the request does not accept this)");

	/* expertise: a tag, never a qualification (rule 27) */
	c->pass[MCHK_EXPERTISE] = match_has_tag(m->expertise, r->expertise);
	if (!r->expertise[0])
		snprintf(c->reason[MCHK_EXPERTISE], sizeof c->reason[0], "no expertise asked");
	else
		snprintf(c->reason[MCHK_EXPERTISE], sizeof c->reason[0], "%s %s", r->expertise,
			 c->pass[MCHK_EXPERTISE] ? "experience stated" : "experience not stated");

	/* the person's busy slots and lessons */
	size_t nbusy = 0;
	int64_t own_minutes = 0, offered = 0;
	int rc = busy_of(db, m->person_id, r->id, busy, &nbusy, &own_minutes, &offered, err);
	if (rc)
		return rc;
	if (r->nlessons) {
		struct match_slot req[MATCH_MAX_LESSONS];
		for (size_t i = 0; i < r->nlessons; i++) {
			req[i].weekday = r->lessons[i].weekday;
			req[i].start = r->lessons[i].start;
			req[i].end = r->lessons[i].end;
			req[i].school_id = r->school_id;
		}
		c->lessons_ok = match_lessons_check(busy, nbusy, m->weekdays, req, r->nlessons,
						    travel_cb, tc, c->lesson);
		c->pass[MCHK_LESSONS] = c->lessons_ok > 0;
		int len = snprintf(c->reason[MCHK_LESSONS], sizeof c->reason[0],
				   "%zu of %zu lessons fit", c->lessons_ok, r->nlessons);
		for (size_t i = 0; i < r->nlessons && len > 0 && (size_t)len < sizeof c->reason[0];
		     i++) {
			if (c->lesson[i] == LESSON_OK)
				continue;
			len += snprintf(c->reason[MCHK_LESSONS] + len, sizeof c->reason[0] - (size_t)len,
					"; %s %d: %s", day_short[r->lessons[i].weekday],
					r->lessons[i].period, match_lesson_fail_name(c->lesson[i]));
		}
	} else {
		c->pass[MCHK_LESSONS] = m->weekdays != 0;
		snprintf(c->reason[MCHK_LESSONS], sizeof c->reason[0], "hours per week: available %s%s%s%s%s",
			 m->weekdays & 1 ? "Mon " : "", m->weekdays & 2 ? "Tue " : "",
			 m->weekdays & 4 ? "Wed " : "", m->weekdays & 8 ? "Thu " : "",
			 m->weekdays & 16 ? "Fri" : "");
	}

	/* hours (rules 11, 12, 15) */
	double contract_hours = 0;
	rc = contract_of(db, m, today, &contract_hours, &c->contract_year, err);
	if (rc)
		return rc;
	if (contract_hours <= 0) {
		c->pass[MCHK_HOURS] = false;
		snprintf(c->reason[MCHK_HOURS], sizeof c->reason[0], "no contract in force");
	} else {
		bool within = strcmp(m->kind, "self") != 0;
		struct match_hours h = {contract_hours, m->extra, within, cap_per_fte, weeks,
					c->contract_year, own_minutes * 100 / 60};
		if (nbusy == 0 && !within) {
			/* no timetable: the contract is taken as fully taught */
			struct match_hours h0 = h;
			h0.offered = 0;
			match_spare_hours(&h0, &h.teaching);
		}
		h.teaching += offered;
		c->teaching = h.teaching;
		c->spare = match_spare_hours(&h, &c->cap);
		int64_t need = r->nlessons ? lesson_minutes * 100 / 60 : 1;
		c->pass[MCHK_HOURS] = c->spare >= need;
		char spare[24], cap[24], teach[24];
		hours_text(spare, sizeof spare, c->spare);
		hours_text(cap, sizeof cap, c->cap);
		hours_text(teach, sizeof teach, c->teaching);
		snprintf(c->reason[MCHK_HOURS], sizeof c->reason[0],
			 "%s spare hours/week (teaching cap %s%s, teaching %s)", spare, cap,
			 c->contract_year == 1   ? ", starter year 1: 80%"
			 : c->contract_year == 2 ? ", starter year 2: 90%"
						 : "",
			 teach);
	}

	/* travel from the main school */
	int64_t home = 0;
	rc = main_school(db, m, &home, err);
	if (rc)
		return rc;
	c->travel = home ? travel_cb(tc, home, r->school_id) : -1;
	c->pass[MCHK_TRAVEL] = c->travel >= 0 && c->travel <= m->max_travel;
	if (c->travel < 0)
		snprintf(c->reason[MCHK_TRAVEL], sizeof c->reason[0], "travel time unknown");
	else
		snprintf(c->reason[MCHK_TRAVEL], sizeof c->reason[0], "%d minutes, at most %d",
			 c->travel, m->max_travel);

	bool declined, prefer, avoid;
	rc = person_marks(db, m, r, &declined, &prefer, &avoid, err);
	if (rc)
		return rc;
	c->preferred = prefer;
	c->pass[MCHK_SCHOOL] = !avoid;
	snprintf(c->reason[MCHK_SCHOOL], sizeof c->reason[0], "%s",
		 avoid ? "avoids this school" : prefer ? "prefers this school" : "no preference");
	c->pass[MCHK_CONSENT] = !declined;
	snprintf(c->reason[MCHK_CONSENT], sizeof c->reason[0], "%s",
		 declined ? "declined this request" : "in the regional pool by consent");
	c->fits = true;
	for (int k = 0; k < MCHK_COUNT; k++)
		c->fits = c->fits && c->pass[k];
	return 0;
}

static int cand_cmp(const void *a, const void *b)
{
	const struct match_candidate *x = a, *y = b;
	if (x->fits != y->fits)
		return x->fits ? -1 : 1;
	if (x->qual != y->qual)
		return x->qual < y->qual ? -1 : 1;
	if (x->preferred != y->preferred)
		return x->preferred ? -1 : 1;
	int tx = x->travel < 0 ? 100000 : x->travel, ty = y->travel < 0 ? 100000 : y->travel;
	if (tx != ty)
		return tx < ty ? -1 : 1;
	return x->pool_id < y->pool_id ? -1 : x->pool_id > y->pool_id;
}

int match_candidates(struct db *db, int64_t request_id, int64_t viewer_board, long today,
		     struct match_candidate **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct match_request *r = malloc(sizeof *r);
	struct match_slot *busy = malloc(MAX_OWN * sizeof *busy);
	struct member *mem = NULL;
	size_t nmem = 0;
	struct travel_ctx tc = {0};
	int weeks = 40, lesson_minutes = 50;
	double cap = 720;
	int rc = 0;
	if (!r || !busy) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	rc = match_request_get(db, request_id, r, err);
	if (!rc)
		rc = region_settings(db, r->region_id, &tc.speed, &weeks, err);
	if (!rc)
		rc = school_caps(db, r->school_id, &lesson_minutes, &cap, err);
	if (!rc)
		rc = travel_load(db, r->region_id, &tc, err);
	if (!rc)
		rc = members_load(db, r->region_id, r->subject, &mem, &nmem, err);
	if (rc)
		goto out;
	if (nmem) {
		*out = calloc(nmem, sizeof **out);
		if (!*out) {
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			goto out;
		}
	}
	for (size_t i = 0; i < nmem; i++) {
		struct match_candidate *c = &(*out)[i];
		rc = evaluate(db, r, &mem[i], &tc, weeks, lesson_minutes, cap, today, busy, c, err);
		if (rc)
			goto out;
		if (viewer_board == 0 || viewer_board == mem[i].board_id || mem[i].share_name)
			snprintf(c->name, sizeof c->name, "%s", mem[i].name);
		(*n)++;
	}
	if (*n > 1)
		qsort(*out, *n, sizeof **out, cand_cmp);
out:
	if (rc) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	travel_free(&tc);
	free(mem);
	free(busy);
	free(r);
	return rc;
}

int match_request_reach(struct db *db, int64_t request_id, long today, struct match_reach *out,
			struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	struct match_candidate *c = NULL;
	size_t n = 0, nlessons = 0;
	struct match_request *r = malloc(sizeof *r);
	if (!r)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	int rc = match_request_get(db, request_id, r, err);
	nlessons = r->nlessons;
	free(r);
	if (rc)
		return rc;
	rc = match_candidates(db, request_id, 0, today, &c, &n, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (c[i].qual != FIT_BEVOEGD || !c[i].pass[MCHK_CONSENT])
			continue;
		out->qualified++;
		if (c[i].fits)
			out->fitting++;
		bool reachable = c[i].pass[MCHK_TRAVEL] && c[i].pass[MCHK_SCHOOL] &&
				 c[i].pass[MCHK_EXPERTISE] && c[i].pass[MCHK_HOURS];
		for (size_t k = 0; reachable && k < nlessons; k++)
			if (c[i].lesson[k] == LESSON_OK)
				out->lesson_fit[k]++;
	}
	free(c);
	return 0;
}
