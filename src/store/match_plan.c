/*
 * store/match_plan.c - the region's matching plan via the optimiser (see
 * store/match_plan.h).
 */
#include "store/match_plan.h"
#include "optim/assign.h"
#include "optim/assign_keep.h"
#include "optim/lessons.h"
#include "store/match_offer.h"
#include "util/vec.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNIT 25 /* centi-hours per optimiser hour unit: a quarter hour */
#define LESSON_TIME_LIMIT_MS 60000 /* a plan in a web request must end: then proven-or-not is shown */

/* Hours per week a person was given by the lesson part of a plan (centi-hours). */
struct used_hours {
	int64_t person_id, hours;
};

/* Person ids of the pool members each part considered, for counting them once (plan.staff). */
struct members {
	int64_t *ids;
	size_t n, cap;
};

static int members_add(struct members *m, int64_t person, struct samen_err *err)
{
	int rc = vec_grow((void **)&m->ids, &m->cap, m->n, sizeof *m->ids, err);
	if (rc == 0)
		m->ids[m->n++] = person;
	return rc;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* How many distinct people m holds (sorts it). */
static size_t members_count(struct members *m)
{
	if (m->n > 1)
		qsort(m->ids, m->n, sizeof *m->ids, cmp_id);
	size_t distinct = 0;
	for (size_t i = 0; i < m->n; i++)
		distinct += i == 0 || m->ids[i] != m->ids[i - 1];
	return distinct;
}

static int64_t used_of(const struct used_hours *u, size_t n, int64_t person)
{
	for (size_t i = 0; i < n; i++)
		if (u[i].person_id == person)
			return u[i].hours;
	return 0;
}

struct staff_ix {
	int64_t person_id, board_id;
	int64_t spare;
	char alias[24];
};

void match_plan_release(struct match_plan *p)
{
	if (!p)
		return;
	free(p->lines);
	memset(p, 0, sizeof *p);
}

static int64_t offered_for(struct db *db, int64_t request, struct samen_err *err, int *rc)
{
	struct db_stmt *st = NULL;
	int64_t v = 0;
	*rc = db_prepare(db, "SELECT COALESCE(SUM(hours_per_week), 0) FROM match_offer"
			     " WHERE request_id = $1 AND (status = 'proposed' OR status = 'accepted'"
			     " OR status = 'approved')", &st, err);
	if (*rc)
		return 0;
	db_bind_int(st, 1, request);
	int s = db_step(st, err);
	if (s == 1)
		v = db_col_int(st, 0);
	*rc = s < 0 ? s : 0;
	db_finalize(st);
	return v;
}

static int has_live(struct db *db, int64_t request, int64_t person, bool *live,
		    struct samen_err *err)
{
	struct db_stmt *st = NULL;
	*live = false;
	int rc = db_prepare(db, "SELECT COUNT(*) FROM match_offer WHERE request_id = $1"
				" AND person_id = $2 AND (status = 'proposed' OR status = 'accepted'"
				" OR status = 'approved')", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, request);
	db_bind_int(st, 2, person);
	rc = db_step(st, err);
	if (rc == 1)
		*live = db_col_int(st, 0) > 0;
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/*
 * Complete line l (hours, travel and any lessons already set) for request r
 * and a pool member, store it as an offer when store (the lessons ids[0..n)
 * when n > 0, else l's hours), and append it to out, counting its hours.
 * A line the store refuses (the person's situation changed in between) is
 * left out: *added is false and 0 is returned. Errors: SAMEN_ENOMEM.
 */
static int add_line(struct db *db, long today, int store, const struct match_actor *who,
		    const struct match_request *r, int64_t person, int64_t board, const char *alias,
		    struct match_plan_line *l, const int64_t *ids, size_t n, struct match_plan *out,
		    size_t *cap_lines, bool *added, struct samen_err *err)
{
	*added = false;
	l->request_id = r->id;
	l->person_id = person;
	l->board_id = board;
	snprintf(l->alias, sizeof l->alias, "%s", alias);
	snprintf(l->school_name, sizeof l->school_name, "%s", r->school_name);
	snprintf(l->subject, sizeof l->subject, "%s", r->subject);
	if (store) {
		struct samen_err refused;
		samen_err_clear(&refused);
		if (match_offer_propose(db, r->id, person, n ? 0 : l->hours, ids, n, today, "optimiser",
					who, &l->offer_id, &refused) != 0)
			return 0;
	}
	int rc = vec_grow((void **)&out->lines, cap_lines, out->nlines, sizeof *l, err);
	if (rc)
		return rc;
	out->lines[out->nlines++] = *l;
	out->hours_covered += l->hours;
	*added = true;
	return 0;
}

/* Lesson ids of a request that are in a live offer (proposed, accepted or approved). */
static int offered_lessons(struct db *db, int64_t request, int64_t *ids, size_t *n,
			   struct samen_err *err)
{
	struct db_stmt *st = NULL;
	*n = 0;
	int rc = db_prepare(db, "SELECT ol.request_lesson_id FROM match_offer_lesson ol"
				" JOIN match_offer o ON o.id = ol.offer_id WHERE o.request_id = $1"
				" AND (o.status = 'proposed' OR o.status = 'accepted'"
				" OR o.status = 'approved')", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, request);
	while ((rc = db_step(st, err)) == 1)
		if (*n < MATCH_MAX_LESSONS)
			ids[(*n)++] = db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static bool holds(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* Travel between two schools for the lesson optimiser: unknown counts as too far to combine. */
static int32_t lesson_travel(void *ctx, int32_t from, int32_t to)
{
	int t = match_travel_between(ctx, from, to);
	return t < 0 || t > LESSONS_TRAVEL_MAX ? LESSONS_TRAVEL_MAX : t;
}

/* Every check but consent (a flag of the pair) and the lessons (per lesson) passed. */
static bool fits_apart_from_lessons(const struct match_candidate *c)
{
	for (int x = 0; x < MCHK_COUNT; x++)
		if (x != MCHK_CONSENT && x != MCHK_LESSONS && !c->pass[x])
			return false;
	return true;
}

struct plan_staff {
	int64_t person_id, board_id, spare;
	int32_t index;
	char alias[24];
};

/* Find or add the pool member of c in the lesson model; its model index goes to *ix. */
static int lesson_staff(struct lessons_model *m, const struct match_candidate *c,
			struct plan_staff **staff, size_t *n, size_t *cap, int32_t *ix,
			struct samen_err *err)
{
	for (size_t s = 0; s < *n; s++)
		if ((*staff)[s].person_id == c->person_id) {
			*ix = (int32_t)s;
			return 0;
		}
	int rc = vec_grow((void **)staff, cap, *n, sizeof **staff, err);
	if (rc)
		return rc;
	int64_t minutes = c->spare * 60 / 100;
	if (minutes > LESSONS_MINUTES_MAX)
		minutes = LESSONS_MINUTES_MAX;
	struct plan_staff *sx = &(*staff)[*n];
	*sx = (struct plan_staff){c->person_id, c->board_id, c->spare, 0, ""};
	snprintf(sx->alias, sizeof sx->alias, "%s", c->alias);
	struct lessons_staff ls = {c->person_id, (int32_t)c->board_id, 0, (int32_t)minutes};
	rc = lessons_add_staff(m, &ls, &sx->index, err);
	if (rc)
		return rc;
	*ix = (int32_t)(*n)++;
	return 0;
}

static const char *const day_short[8] = {"", "ma", "di", "wo", "do", "vr", "za", "zo"};

/*
 * The lesson part of a plan: builds the lesson model of every open request
 * with concrete lessons (reqs), solves it and appends its lines to out
 * (stored as offers when store). The hours each person got go to *used.
 */
static int plan_lessons(struct db *db, long today, int store, const struct match_actor *who,
			const struct match_request *reqs, size_t nreq, struct match_travel *tr,
			struct match_plan *out, size_t *cap_lines, struct used_hours **used,
			size_t *nused, struct members *seen, struct samen_err *err)
{
	const struct lessons_params prm = {200, 4, LESSON_TIME_LIMIT_MS};
	struct lessons_model *m = NULL;
	struct plan_staff *staff = NULL;
	size_t nstaff = 0, cap_staff = 0, cap_used = 0;
	int32_t *lix = calloc(nreq ? nreq * MATCH_MAX_LESSONS : 1, sizeof *lix);
	bool *done = NULL;
	struct lessons_result res;
	memset(&res, 0, sizeof res);
	if (!lix)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	int rc = lessons_new(&m, &prm, lesson_travel, tr, err);
	for (size_t k = 0; k < nreq && rc == 0; k++) {
		const struct match_request *r = &reqs[k];
		int32_t *ix = &lix[k * MATCH_MAX_LESSONS];
		for (size_t j = 0; j < MATCH_MAX_LESSONS; j++)
			ix[j] = -1;
		if (!r->nlessons)
			continue;
		if (r->school_id > INT32_MAX || r->board_id > INT32_MAX) {
			rc = samen_fail(err, SAMEN_ETOOBIG, "school or board id too large for the optimiser");
			break;
		}
		int64_t busy[MATCH_MAX_LESSONS];
		size_t nbusy = 0;
		if ((rc = offered_lessons(db, r->id, busy, &nbusy, err)))
			break;
		int32_t rix = -1;
		int64_t minutes = 0;
		for (size_t j = 0; j < r->nlessons && rc == 0; j++) {
			const struct match_request_lesson *l = &r->lessons[j];
			if (holds(busy, nbusy, l->id))
				continue;
			if (rix < 0) {
				struct lessons_request lr = {r->id, (int32_t)r->board_id,
							     (int32_t)r->school_id, r->urgency};
				if ((rc = lessons_add_request(m, &lr, &rix, err)))
					break;
			}
			struct lessons_lesson ll = {l->id, rix, l->weekday, l->start, l->end};
			if ((rc = lessons_add_lesson(m, &ll, &ix[j], err)))
				break;
			out->lessons_wanted++;
			minutes += l->end - l->start;
		}
		out->hours_wanted += minutes * 100 / 60;
		if (rc || rix < 0)
			continue;
		out->lesson_requests++;
		out->requests++;
		struct match_candidate *c = NULL;
		size_t nc = 0;
		if ((rc = match_candidates(db, r->id, 0, today, &c, &nc, err)))
			break;
		for (size_t i = 0; i < nc && rc == 0; i++) {
			bool live = false;
			if (!fits_apart_from_lessons(&c[i]))
				continue;
			if ((rc = has_live(db, r->id, c[i].person_id, &live, err)) || live)
				continue;
			int32_t s;
			if ((rc = lesson_staff(m, &c[i], &staff, &nstaff, &cap_staff, &s, err)))
				break;
			int travel = c[i].travel < 0 ? 0 : c[i].travel;
			if (travel > LESSONS_TRAVEL_MAX)
				travel = LESSONS_TRAVEL_MAX;
			for (size_t j = 0; j < r->nlessons && rc == 0; j++) {
				if (ix[j] < 0 || c[i].lesson[j] != LESSON_OK)
					continue;
				rc = lessons_add_option(m, staff[s].index, ix[j], travel,
							c[i].pass[MCHK_CONSENT], err);
				out->lesson_options++;
			}
			out->candidates++;
		}
		free(c);
	}
	for (size_t i = 0; i < nstaff && rc == 0; i++)
		rc = members_add(seen, staff[i].person_id, err);
	if (rc || out->lessons_wanted == 0)
		goto out;
	if ((rc = lessons_solve(m, &res, err)))
		goto out;
	out->lessons_proven = res.status == LESSONS_OPTIMAL;
	out->lesson_nodes = res.nodes;
	out->lesson_seconds = res.seconds;
	if (!(done = calloc(res.nlines ? res.nlines : 1, sizeof *done))) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	/* One offer per (request, person): the lessons of the pair together. */
	for (size_t i = 0; i < res.nlines && rc == 0; i++) {
		if (done[i])
			continue;
		const struct lessons_line *a = &res.lines[i];
		const struct match_request *r = NULL;
		for (size_t k = 0; k < nreq && !r; k++)
			if (reqs[k].id == a->request_id)
				r = &reqs[k];
		const struct plan_staff *sx = NULL;
		for (size_t k = 0; k < nstaff && !sx; k++)
			if (staff[k].person_id == a->staff_id)
				sx = &staff[k];
		int64_t ids[MATCH_MAX_LESSONS];
		size_t n = 0;
		int64_t minutes = 0;
		int len = 0;
		char text[96] = "";
		for (size_t j = i; j < res.nlines; j++) {
			const struct lessons_line *b = &res.lines[j];
			if (done[j] || b->request_id != a->request_id || b->staff_id != a->staff_id)
				continue;
			done[j] = true;
			if (n == MATCH_MAX_LESSONS)
				continue;
			ids[n++] = b->lesson_id;
			minutes += b->minutes;
			for (size_t q = 0; r && q < r->nlessons; q++)
				if (r->lessons[q].id == b->lesson_id && len >= 0 &&
				    (size_t)len < sizeof text)
					len += snprintf(text + len, sizeof text - (size_t)len, "%s%s%d",
							len ? " " : "", day_short[r->lessons[q].weekday % 8],
							r->lessons[q].period);
		}
		if (!r || !sx)
			continue;
		struct match_plan_line l = {.hours = minutes * 100 / 60, /* as the offer stores it */
					    .travel = a->travel, .lessons = (int)n};
		snprintf(l.lesson_text, sizeof l.lesson_text, "%s", text);
		bool added = false;
		rc = add_line(db, today, store, who, r, sx->person_id, sx->board_id, sx->alias, &l, ids,
			      n, out, cap_lines, &added, err);
		if (rc || !added)
			continue;
		out->lessons_covered += n;
		size_t u = 0;
		while (u < *nused && (*used)[u].person_id != sx->person_id)
			u++;
		if (u == *nused) {
			if ((rc = vec_grow((void **)used, &cap_used, *nused, sizeof **used, err)))
				break;
			(*used)[(*nused)++] = (struct used_hours){sx->person_id, 0};
		}
		(*used)[u].hours += l.hours;
	}
out:
	free(done);
	lessons_result_release(&res);
	lessons_free(m);
	free(staff);
	free(lix);
	return rc;
}

/*
 * The hours models of the regions, kept between plans in this process
 * (optim/assign_keep.h): a request added, changed or withdrawn since the
 * last plan is re-optimised from the last optimum. One lock for all: a
 * plan is short and rare.
 */
#define KEPT_REGIONS 64
static pthread_mutex_t kept_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	int64_t region_id;
	struct assign_keep *k;
} kept[KEPT_REGIONS];

void match_plan_forget(void)
{
	pthread_mutex_lock(&kept_lock);
	for (size_t i = 0; i < KEPT_REGIONS; i++) {
		assign_keep_free(kept[i].k);
		kept[i].k = NULL;
		kept[i].region_id = 0;
	}
	pthread_mutex_unlock(&kept_lock);
}

/* Solve in with the kept model of region (made on first use). */
static int kept_solve(int64_t region, const struct assign_instance *in, struct assign_result *res,
		      struct samen_err *err)
{
	pthread_mutex_lock(&kept_lock);
	size_t slot = KEPT_REGIONS;
	for (size_t i = 0; i < KEPT_REGIONS && slot == KEPT_REGIONS; i++)
		if (kept[i].k && kept[i].region_id == region)
			slot = i;
	for (size_t i = 0; i < KEPT_REGIONS && slot == KEPT_REGIONS; i++)
		if (!kept[i].k)
			slot = i;
	if (slot == KEPT_REGIONS) { /* more regions than slots: the first one makes room */
		assign_keep_free(kept[0].k);
		kept[0].k = NULL;
		slot = 0;
	}
	int rc = 0;
	if (!kept[slot].k) {
		rc = assign_keep_new(&kept[slot].k, NULL, err);
		kept[slot].region_id = region;
	}
	if (rc == 0)
		rc = assign_keep_solve(kept[slot].k, in, res, err);
	pthread_mutex_unlock(&kept_lock);
	return rc;
}

/*
 * The hours part of a plan: every open hours-per-week request against the
 * members who fit it, spare hours less what the lesson part gave them
 * (used; when the lesson offers are stored, the candidate checks already
 * count them). Solved with the region's kept model; appends its lines.
 */
static int plan_hours(struct db *db, int64_t region, long today, int store,
		      const struct match_actor *who, const struct match_request *reqs, size_t nreq,
		      const struct used_hours *used, size_t nused, struct match_plan *out,
		      size_t *cap_lines, struct members *seen, struct samen_err *err)
{
	struct staff_ix *staff = NULL;
	struct assign_keep_request *kr = NULL;
	struct assign_keep_staff *ks = NULL;
	struct assign_keep_candidate *kc = NULL;
	size_t nstaff = 0, cap_staff = 0, nkr = 0, cap_kr = 0, cap_ks = 0, nkc = 0, cap_kc = 0;
	struct assign_result res;
	memset(&res, 0, sizeof res);
	int rc = 0;
	for (size_t i = 0; i < nreq && rc == 0; i++) {
		if (reqs[i].nlessons)
			continue; /* the lesson part */
		int64_t left = reqs[i].hours_per_week - offered_for(db, reqs[i].id, err, &rc);
		if (rc)
			break;
		if (left < UNIT)
			continue;
		out->hours_wanted += left / UNIT * UNIT;
		if ((rc = vec_grow((void **)&kr, &cap_kr, nkr, sizeof *kr, err)))
			break;
		kr[nkr++] = (struct assign_keep_request){reqs[i].id, (int32_t)reqs[i].board_id,
							 (int32_t)(left / UNIT), reqs[i].urgency};
		out->requests++;
		struct match_candidate *c = NULL;
		size_t nc = 0;
		if ((rc = match_candidates(db, reqs[i].id, 0, today, &c, &nc, err)))
			break;
		for (size_t k = 0; k < nc && !rc; k++) {
			bool others = true;
			for (int x = 0; x < MCHK_COUNT; x++)
				if (x != MCHK_CONSENT)
					others = others && c[k].pass[x];
			if (!others)
				continue;
			bool live = false;
			rc = has_live(db, reqs[i].id, c[k].person_id, &live, err);
			if (rc || live)
				continue;
			int64_t spare = c[k].spare - (store ? 0 : used_of(used, nused, c[k].person_id));
			if (spare < UNIT)
				continue;
			size_t s = 0;
			while (s < nstaff && staff[s].person_id != c[k].person_id)
				s++;
			if (s == nstaff) {
				if ((rc = vec_grow((void **)&staff, &cap_staff, nstaff, sizeof *staff, err)) ||
				    (rc = vec_grow((void **)&ks, &cap_ks, nstaff, sizeof *ks, err)))
					break;
				struct staff_ix *sx = &staff[nstaff++];
				sx->person_id = c[k].person_id;
				sx->board_id = c[k].board_id;
				sx->spare = spare;
				snprintf(sx->alias, sizeof sx->alias, "%s", c[k].alias);
			} else if (spare < staff[s].spare) {
				staff[s].spare = spare; /* the least over the requests' caps */
			}
			int travel = c[k].travel < 0 ? 0 : c[k].travel;
			if (travel > ASSIGN_TRAVEL_MAX)
				travel = ASSIGN_TRAVEL_MAX;
			if ((rc = vec_grow((void **)&kc, &cap_kc, nkc, sizeof *kc, err)))
				break;
			kc[nkc++] = (struct assign_keep_candidate){reqs[i].id, c[k].person_id, travel,
								   c[k].pass[MCHK_CONSENT]};
			out->candidates++;
		}
		free(c);
	}
	for (size_t s = 0; s < nstaff; s++)
		ks[s] = (struct assign_keep_staff){staff[s].person_id, (int32_t)staff[s].board_id,
						   (int32_t)(staff[s].spare / UNIT)};
	for (size_t i = 0; i < nstaff && rc == 0; i++)
		rc = members_add(seen, staff[i].person_id, err);
	if (rc || nkr == 0)
		goto out;
	const struct assign_instance in = {kr, nkr, ks, nstaff, kc, nkc};
	if ((rc = kept_solve(region, &in, &res, err)))
		goto out;
	out->hours_warm = res.warm;
	for (size_t i = 0; i < res.nlines && rc == 0; i++) {
		const struct assign_line *al = &res.lines[i];
		if (al->hours <= 0)
			continue;
		const struct match_request *r = NULL;
		for (size_t k = 0; k < nreq && !r; k++)
			if (reqs[k].id == al->request_id)
				r = &reqs[k];
		const struct staff_ix *sx = NULL;
		for (size_t k = 0; k < nstaff && !sx; k++)
			if (staff[k].person_id == al->staff_id)
				sx = &staff[k];
		if (!r || !sx)
			continue;
		struct match_plan_line l = {.hours = (int64_t)al->hours * UNIT, .travel = al->travel};
		bool added;
		rc = add_line(db, today, store, who, r, sx->person_id, sx->board_id, sx->alias, &l, NULL,
			      0, out, cap_lines, &added, err);
	}
out:
	assign_result_release(&res);
	free(staff);
	free(kr);
	free(ks);
	free(kc);
	return rc;
}

int match_plan_run(struct db *db, int64_t region_id, long today, int store,
		   const struct match_actor *who, struct match_plan *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	struct match_request *reqs = NULL;
	struct match_travel *tr = NULL;
	struct used_hours *used = NULL;
	struct members seen = {0};
	size_t nreq = 0, nused = 0, cap_lines = 0;
	struct match_request_filter f = {region_id, 0, 0, "open"};
	int rc = match_request_list(db, &f, &reqs, &nreq, err);
	for (size_t i = 0; i < nreq && rc == 0; i++)
		if (reqs[i].nlessons) /* the list gives only the count of a request's lessons */
			rc = match_request_get(db, reqs[i].id, &reqs[i], err);
	if (rc == 0)
		rc = match_travel_open(db, region_id, &tr, err);
	if (rc == 0)
		rc = plan_lessons(db, today, store, who, reqs, nreq, tr, out, &cap_lines, &used,
				  &nused, &seen, err);
	if (rc == 0)
		rc = plan_hours(db, region_id, today, store, who, reqs, nreq, used, nused, out,
				&cap_lines, &seen, err);
	out->staff = members_count(&seen);
	free(seen.ids);
	match_travel_close(tr);
	free(used);
	free(reqs);
	if (rc)
		match_plan_release(out);
	return rc;
}
