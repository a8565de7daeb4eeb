/*
 * demo_match.c - the demo region's help requests and pool (see
 * demo_match.h). Values are invented for the demo.
 */
#include "core/demo_match.h"
#include "store/match.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POOL_PER_SUBJECT 6

static const struct match_actor demo_actor = {0, "demo"};

/* Ids from a query with one bound text parameter, at most max. */
static int ids_of(struct db *db, const char *sql, const char *param, int64_t *ids, size_t max,
		  size_t *n, int64_t *second, struct samen_err *err)
{
	struct db_stmt *st = NULL;
	*n = 0;
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	if (param)
		db_bind_text(st, 1, param);
	while ((rc = db_step(st, err)) == 1 && *n < max) {
		ids[*n] = db_col_int(st, 0);
		if (second)
			second[*n] = db_col_int(st, 1);
		(*n)++;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int demo_match_create(struct db *db, long today, struct samen_err *err)
{
	int64_t schools[64];
	size_t nschools = 0;
	int rc = ids_of(db, "SELECT s.id FROM school s JOIN board b ON b.id = s.board_id"
			    " JOIN region r ON r.id = b.region_id WHERE r.code = $1 ORDER BY s.id",
			"alkmaar", schools, 64, &nschools, NULL, err);
	if (rc || nschools < 3)
		return rc;
	for (size_t i = 0; i < nschools; i++)
		for (int p = 1; p <= 8 && !rc; p++)
			rc = match_bell_set(db, schools[i], p, 510 + (p - 1) * 50, 560 + (p - 1) * 50,
					    err);
	if (rc)
		return rc;
	/* the pool: staff with a first- or second-degree qualification in sk, wi, ne */
	static const char *const subjects[] = {"sk", "wi", "ne"};
	for (size_t k = 0; k < 3; k++) {
		int64_t people[POOL_PER_SUBJECT * 3], boards[POOL_PER_SUBJECT * 3];
		size_t n = 0;
		rc = ids_of(db,
			    "SELECT q.person_id, MIN(e.board_id) FROM qualification q"
			    " JOIN employment e ON e.person_id = q.person_id JOIN board b ON b.id = e.board_id"
			    " JOIN region r ON r.id = b.region_id WHERE r.code = 'alkmaar'"
			    " AND q.subject_code = $1 AND (q.level = 'eerstegraads' OR q.level = 'tweedegraads')"
			    " AND NOT EXISTS (SELECT 1 FROM match_pool p WHERE p.person_id = q.person_id)"
			    " GROUP BY q.person_id ORDER BY q.person_id",
			    subjects[k], people, POOL_PER_SUBJECT * 3, &n, boards, err);
		if (rc)
			return rc;
		for (size_t i = 0; i < n && i < POOL_PER_SUBJECT; i++) {
			struct match_pool_entry e;
			memset(&e, 0, sizeof e);
			e.person_id = people[i];
			e.board_id = boards[i];
			snprintf(e.kind, sizeof e.kind, "%s", i == 5 ? "boventallig" : "self");
			e.extra_hours = 300 + (int64_t)(i % 3) * 200;
			e.weekdays = i % 2 ? 0x0F : 0x1F; /* some not on Fridays */
			e.max_travel = 20 + (int)(i % 3) * 10;
			e.share_name = i % 2 == 0;
			if (k == 2 && i < 2)
				snprintf(e.expertise, sizeof e.expertise, "nt2,isk");
			rc = match_pool_join(db, &e, true, &demo_actor, err);
			if (rc == SAMEN_EINVAL)
				continue;
			if (rc)
				return rc;
			/* a few lessons of their own at their main school */
			int64_t home[1];
			size_t nh = 0;
			char pid[24];
			snprintf(pid, sizeof pid, "%lld", (long long)e.person_id);
			rc = ids_of(db, "SELECT a.school_id FROM assignment a JOIN employment e"
					" ON e.id = a.employment_id WHERE e.person_id = CAST($1 AS INTEGER)"
					" ORDER BY a.fte_share DESC, a.school_id", pid, home, 1, &nh, NULL, err);
			if (rc)
				return rc;
			for (int d = 1; nh && d <= 5 && !rc; d++) {
				int p = 1 + (int)((i + (size_t)d) % 6);
				struct match_lesson_row l = {e.person_id, home[0], d, p, 510 + (p - 1) * 50,
							     560 + (p - 1) * 50, "", "", "demo"};
				snprintf(l.subject, sizeof l.subject, "%s", subjects[k]);
				snprintf(l.class_name, sizeof l.class_name, "%dA", 1 + d % 3);
				rc = match_lesson_add(db, &l, err);
			}
			if (rc)
				return rc;
		}
	}
	/* three open requests */
	struct match_request *r = calloc(1, sizeof *r);
	if (!r)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	r->school_id = schools[0];
	snprintf(r->subject, sizeof r->subject, "sk");
	snprintf(r->school_type, sizeof r->school_type, "havo");
	r->year_from = 4;
	r->year_to = 5;
	r->start = today + 7;
	r->end = today + 7 + 8 * 7;
	r->urgency = 8;
	snprintf(r->notes, sizeof r->notes, "Enige docent scheikunde havo 4-5 minstens acht weken afwezig.");
	static const int slots[][2] = {{1, 2}, {1, 3}, {2, 5}, {3, 1}, {4, 7}, {4, 8}};
	r->nlessons = sizeof slots / sizeof slots[0];
	for (size_t i = 0; i < r->nlessons; i++) {
		r->lessons[i].weekday = slots[i][0];
		r->lessons[i].period = slots[i][1];
		snprintf(r->lessons[i].class_name, sizeof r->lessons[i].class_name, "H%d", 4 + (int)(i % 2));
	}
	rc = match_request_add(db, r, &demo_actor, err);
	if (!rc) {
		memset(r, 0, sizeof *r);
		r->school_id = schools[nschools / 2];
		snprintf(r->subject, sizeof r->subject, "wi");
		snprintf(r->school_type, sizeof r->school_type, "vwo");
		r->year_from = 1;
		r->year_to = 3;
		r->hours_per_week = 400;
		r->start = today + 14;
		r->end = today + 14 + 20 * 7;
		r->urgency = 6;
		rc = match_request_add(db, r, &demo_actor, err);
	}
	if (!rc) {
		memset(r, 0, sizeof *r);
		r->school_id = schools[nschools - 1];
		snprintf(r->subject, sizeof r->subject, "ne");
		snprintf(r->school_type, sizeof r->school_type, "vmbo-tl");
		r->year_from = 3;
		r->year_to = 4;
		r->hours_per_week = 300;
		r->start = today + 7;
		r->end = today + 7 + 12 * 7;
		r->urgency = 4;
		snprintf(r->expertise, sizeof r->expertise, "nt2");
		rc = match_request_add(db, r, &demo_actor, err);
	}
	free(r);
	return rc;
}
