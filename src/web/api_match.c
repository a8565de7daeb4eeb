/*
 * api_match.c - the JSON API of help requests, the regional pool and
 * offers (issue 4, docs/match.md):
 *
 *   GET  /api/v1/match/requests                    open requests of the user's region
 *   POST /api/v1/match/requests                    post a request (Hulpvraag)
 *   GET  /api/v1/match/requests/{request}          the request, its nameless reach and,
 *                                                  for the requesting board, the candidates
 *                                                  with the reason of every check
 *   POST /api/v1/match/requests/{request}/offers   propose {"person_id","hours","lesson_ids"}
 *   GET  /api/v1/match/pool                        the user's own opt-in
 *   POST /api/v1/match/pool                        opt in {"consent":true,...}; HR may put
 *                                                  forward their board's staff ("person_id")
 *   POST /api/v1/match/pool/withdraw               withdraw at once {"person_id"?}
 *   GET  /api/v1/match/offers                      my offers (staff) / my board's (others)
 *   POST /api/v1/match/offers/{offer}/answer       {"accept":true} or {"accept":false,"reason"}
 *   POST /api/v1/match/offers/{offer}/decision     {"approve":true} or {"approve":false,"reason"}
 *   GET  /api/v1/match/notifications               the user's notifications
 *   POST /api/v1/regions/{region}/match            run the regional plan {"store":true}
 *
 * Rights: a request is posted for the user's own school (school leader)
 * or a school of their board (HR, executive); candidates are shown to the
 * requesting board (names of other boards' staff only when they share
 * them, rule 31) and to the admin; everyone in the region sees the
 * nameless reach. Hours are numbers in hours per week (two decimals).
 */
#include "store/match.h"
#include "store/match_offer.h"
#include "store/match_plan.h"
#include "store/notify.h"
#include "util/date.h"
#include "web/handlers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(struct resp *s, struct samen_err *err)
{
	resp_error(s, err);
	return 0;
}

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = o ? json_object_get(o, key) : NULL;
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void jcopy(json_t *o, const char *key, char *dst, size_t n)
{
	const char *v = jstr(o, key);
	snprintf(dst, n, "%s", v ? v : "");
}

static int64_t jint(json_t *o, const char *key)
{
	json_t *v = o ? json_object_get(o, key) : NULL;
	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

static bool jbool(json_t *o, const char *key)
{
	json_t *v = o ? json_object_get(o, key) : NULL;
	return json_is_true(v);
}

/* Hours per week as centi-hours from a JSON number; -1 when absent or bad. */
static int64_t jhours(json_t *o, const char *key)
{
	json_t *v = o ? json_object_get(o, key) : NULL;
	if (!json_is_number(v))
		return -1;
	double d = json_number_value(v) * 100.0;
	if (!isfinite(d) || d < 0 || d > 1e6)
		return -1;
	return (int64_t)llround(d);
}

static json_t *day_json(long day)
{
	char d[11];
	date_format(day, d);
	return json_string(d);
}

static struct match_actor actor_of(const struct req *r)
{
	struct match_actor a = {r->user.id, r->user.email};
	return a;
}

static json_t *request_json(const struct match_request *q)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(q->id));
	json_object_set_new(o, "school", json_pack("{s:I,s:s}", "id", (json_int_t)q->school_id,
						   "name", q->school_name));
	json_object_set_new(o, "board_id", json_integer(q->board_id));
	json_object_set_new(o, "subject", json_string(q->subject));
	json_object_set_new(o, "school_type", json_string(q->school_type));
	json_object_set_new(o, "year_from", json_integer(q->year_from));
	json_object_set_new(o, "year_to", json_integer(q->year_to));
	json_object_set_new(o, "hours_per_week", json_real((double)q->hours_per_week / 100.0));
	json_object_set_new(o, "start", day_json(q->start));
	json_object_set_new(o, "end", day_json(q->end));
	json_object_set_new(o, "urgency", json_integer(q->urgency));
	json_object_set_new(o, "expertise", json_string(q->expertise));
	json_object_set_new(o, "accept_under", json_boolean(q->accept_under));
	json_object_set_new(o, "notes", json_string(q->notes));
	json_object_set_new(o, "status", json_string(q->status));
	json_t *ls = json_array();
	for (size_t i = 0; i < q->nlessons && i < MATCH_MAX_LESSONS; i++) {
		const struct match_request_lesson *l = &q->lessons[i];
		if (!l->id)
			continue; /* list rows carry only the count */
		json_array_append_new(ls, json_pack("{s:I,s:i,s:i,s:i,s:i,s:s}", "id", (json_int_t)l->id,
						    "weekday", l->weekday, "period", l->period,
						    "start_min", l->start, "end_min", l->end, "class",
						    l->class_name));
	}
	json_object_set_new(o, "lessons", ls);
	json_object_set_new(o, "lesson_count", json_integer((json_int_t)q->nlessons));
	return o;
}

static json_t *offer_json(const struct match_offer *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(f->id));
	json_object_set_new(o, "request_id", json_integer(f->request_id));
	json_object_set_new(o, "person_id", json_integer(f->person_id));
	json_object_set_new(o, "lender_board_id", json_integer(f->lender_board_id));
	json_object_set_new(o, "borrower_board_id", json_integer(f->borrower_board_id));
	json_object_set_new(o, "school", json_pack("{s:I,s:s}", "id", (json_int_t)f->school_id,
						   "name", f->school_name));
	json_object_set_new(o, "subject", json_string(f->subject));
	json_object_set_new(o, "school_type", json_string(f->school_type));
	json_object_set_new(o, "hours_per_week", json_real((double)f->hours_per_week / 100.0));
	json_object_set_new(o, "travel_minutes", json_integer(f->travel));
	json_object_set_new(o, "status", json_string(f->status));
	json_object_set_new(o, "source", json_string(f->source));
	json_object_set_new(o, "deadline", day_json(f->deadline));
	json_object_set_new(o, "reason", json_string(f->reason));
	json_object_set_new(o, "secondment_id",
			    f->secondment_id ? json_integer(f->secondment_id) : json_null());
	return o;
}

/* May the user post for / see the candidates of a request at this school's board? */
static bool is_requester(const struct req *r, const struct match_request *q)
{
	const struct user *u = &r->user;
	if (u->role == ROLE_ADMIN)
		return true;
	if (u->role == ROLE_SCHOOL_LEADER)
		return u->school_id == q->school_id;
	if (u->role == ROLE_HR || u->role == ROLE_EXECUTIVE)
		return u->board_id == q->board_id;
	return false;
}

int api_match_requests(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_request_filter f = {r->user.role == ROLE_ADMIN ? 0 : r->user.region_id, 0, 0,
					 "open"};
	if (r->user.role != ROLE_ADMIN && f.region_id == 0)
		f.region_id = -1;
	struct match_request *rows = NULL;
	size_t n = 0;
	if (match_request_list(r->db, &f, &rows, &n, &err))
		return fail(s, &err);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, request_json(&rows[i]));
	free(rows);
	resp_json(s, 200, json_pack("{s:I,s:o}", "total", (json_int_t)n, "requests", arr));
	return 0;
}

static json_t *reach_json(const struct match_reach *m, const struct match_request *q)
{
	json_t *lf = json_array();
	for (size_t i = 0; i < q->nlessons; i++)
		json_array_append_new(lf, json_pack("{s:I,s:I}", "lesson_id",
						    (json_int_t)q->lessons[i].id, "qualified_free",
						    (json_int_t)m->lesson_fit[i]));
	return json_pack("{s:I,s:I,s:o}", "qualified", (json_int_t)m->qualified, "fitting",
			 (json_int_t)m->fitting, "lessons", lf);
}

int api_match_request_create(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	json_t *b = r->json;
	struct match_request *q = calloc(1, sizeof *q);
	if (!q) {
		samen_fail(&err, SAMEN_ENOMEM, "out of memory");
		return fail(s, &err);
	}
	q->school_id = jint(b, "school_id");
	if (r->user.role == ROLE_SCHOOL_LEADER)
		q->school_id = r->user.school_id;
	jcopy(b, "subject", q->subject, sizeof q->subject);
	jcopy(b, "school_type", q->school_type, sizeof q->school_type);
	q->year_from = (int)jint(b, "year_from");
	q->year_to = (int)jint(b, "year_to");
	int64_t h = jhours(b, "hours_per_week");
	q->hours_per_week = h < 0 ? 0 : h;
	q->urgency = (int)jint(b, "urgency");
	jcopy(b, "expertise", q->expertise, sizeof q->expertise);
	jcopy(b, "notes", q->notes, sizeof q->notes);
	q->accept_under = jbool(b, "accept_under");
	const char *sd = jstr(b, "start"), *ed = jstr(b, "end");
	if (!sd || date_parse(sd, &q->start) || !ed || date_parse(ed, &q->end)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, !sd || date_parse(sd, &q->start) ? "start" : "end",
			      "start and end must be dates YYYY-MM-DD");
		free(q);
		return fail(s, &err);
	}
	json_t *ls = b ? json_object_get(b, "lessons") : NULL;
	if (json_is_array(ls)) {
		size_t i;
		json_t *l;
		json_array_foreach(ls, i, l) {
			if (q->nlessons >= MATCH_MAX_LESSONS) {
				samen_fail_at(&err, SAMEN_ETOOBIG, 0, "lessons", "at most %d lessons",
					      MATCH_MAX_LESSONS);
				free(q);
				return fail(s, &err);
			}
			struct match_request_lesson *x = &q->lessons[q->nlessons++];
			x->weekday = (int)jint(l, "weekday");
			x->period = (int)jint(l, "period");
			jcopy(l, "class", x->class_name, sizeof x->class_name);
		}
	}
	/* the school must be the user's own (school leader) or of their board */
	struct match_request probe;
	memset(&probe, 0, sizeof probe);
	probe.school_id = q->school_id;
	int64_t board = 0;
	char sid[24];
	snprintf(sid, sizeof sid, "%lld", (long long)q->school_id);
	const char *pp[] = {sid};
	if (db_query_int(r->db, "SELECT board_id FROM school WHERE id = CAST($1 AS INTEGER)", 1, pp,
			 &board, &err)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "school_id", "unknown school");
		free(q);
		return fail(s, &err);
	}
	probe.board_id = board;
	if (!is_requester(r, &probe)) {
		samen_fail(&err, SAMEN_EPERM, "you can ask for help only for your own school or board");
		free(q);
		return fail(s, &err);
	}
	struct match_actor who = actor_of(r);
	if (match_request_add(r->db, q, &who, &err)) {
		free(q);
		return fail(s, &err);
	}
	struct match_reach m;
	json_t *o = request_json(q);
	if (match_request_reach(r->db, q->id, date_today(), &m, &err) == 0)
		json_object_set_new(o, "reach", reach_json(&m, q));
	free(q);
	resp_json(s, 201, o);
	return 0;
}

static json_t *candidate_json(const struct match_candidate *c, const struct match_request *q)
{
	json_t *checks = json_array();
	for (int k = 0; k < MCHK_COUNT; k++)
		json_array_append_new(checks, json_pack("{s:s,s:b,s:s}", "check",
							match_check_name((enum match_check)k), "pass",
							c->pass[k], "reason", c->reason[k]));
	json_t *lessons = json_array();
	for (size_t i = 0; i < q->nlessons; i++)
		json_array_append_new(lessons, json_pack("{s:I,s:s}", "lesson_id",
							 (json_int_t)q->lessons[i].id, "fit",
							 match_lesson_fail_name(c->lesson[i])));
	json_t *o = json_pack("{s:s,s:I,s:s,s:s,s:b,s:i,s:f,s:o,s:o}", "alias", c->alias, "board_id",
			      (json_int_t)c->board_id, "qualification", qual_fit_name(c->qual),
			      "level", c->level, "fits", c->fits, "travel_minutes", c->travel,
			      "spare_hours", (double)c->spare / 100.0, "checks", checks, "lessons",
			      lessons);
	if (c->name[0]) {
		json_object_set_new(o, "name", json_string(c->name));
		json_object_set_new(o, "person_id", json_integer(c->person_id));
	}
	return o;
}

int api_match_request_get(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_request *q = calloc(1, sizeof *q);
	if (!q) {
		samen_fail(&err, SAMEN_ENOMEM, "out of memory");
		return fail(s, &err);
	}
	if (match_request_get(r->db, req_param_id(r, "request"), q, &err)) {
		free(q);
		return fail(s, &err);
	}
	if (r->user.role != ROLE_ADMIN && q->region_id != r->user.region_id) {
		free(q);
		samen_fail(&err, SAMEN_ENOTFOUND, "no such request");
		return fail(s, &err);
	}
	long today = date_today();
	json_t *o = request_json(q);
	struct match_reach m;
	if (match_request_reach(r->db, q->id, today, &m, &err)) {
		json_decref(o);
		free(q);
		return fail(s, &err);
	}
	json_object_set_new(o, "reach", reach_json(&m, q));
	if (is_requester(r, q)) {
		struct match_candidate *c = NULL;
		size_t n = 0;
		int64_t viewer = r->user.role == ROLE_ADMIN ? 0 : q->board_id;
		if (match_candidates(r->db, q->id, viewer, today, &c, &n, &err)) {
			json_decref(o);
			free(q);
			return fail(s, &err);
		}
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, candidate_json(&c[i], q));
		free(c);
		json_object_set_new(o, "candidates", arr);
	}
	free(q);
	resp_json(s, 200, o);
	return 0;
}

int api_match_offer_create(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_request *q = calloc(1, sizeof *q);
	if (!q) {
		samen_fail(&err, SAMEN_ENOMEM, "out of memory");
		return fail(s, &err);
	}
	int rc = match_request_get(r->db, req_param_id(r, "request"), q, &err);
	if (!rc && !is_requester(r, q))
		rc = samen_fail(&err, SAMEN_EPERM, "only the requesting school or board makes offers");
	int64_t board = q->board_id, rid = q->id;
	free(q);
	if (rc)
		return fail(s, &err);
	json_t *b = r->json;
	int64_t person = jint(b, "person_id");
	/* a person of another board is addressed by the pool alias when the name is not shared */
	int64_t pool = jint(b, "pool_id");
	if (!person && pool) {
		char pid[24];
		snprintf(pid, sizeof pid, "%lld", (long long)pool);
		const char *pp[] = {pid};
		if (db_query_int(r->db, "SELECT person_id FROM match_pool WHERE id = CAST($1 AS INTEGER)",
				 1, pp, &person, &err)) {
			samen_fail_at(&err, SAMEN_EINVAL, 0, "pool_id", "unknown pool member");
			return fail(s, &err);
		}
	}
	int64_t hours = jhours(b, "hours");
	int64_t lessons[MATCH_MAX_LESSONS];
	size_t nl = 0;
	json_t *ls = b ? json_object_get(b, "lesson_ids") : NULL;
	if (json_is_array(ls)) {
		size_t i;
		json_t *v;
		json_array_foreach(ls, i, v) {
			if (nl < MATCH_MAX_LESSONS && json_is_integer(v))
				lessons[nl++] = (int64_t)json_integer_value(v);
		}
	}
	struct match_actor who = actor_of(r);
	int64_t id = 0;
	(void)board;
	if (match_offer_propose(r->db, rid, person, hours < 0 ? 0 : hours, lessons, nl, date_today(),
				"manual", &who, &id, &err))
		return fail(s, &err);
	struct match_offer f;
	if (match_offer_get(r->db, id, &f, &err))
		return fail(s, &err);
	resp_json(s, 201, offer_json(&f));
	return 0;
}

static json_t *pool_json(const struct match_pool_entry *e)
{
	json_t *o = json_pack("{s:I,s:I,s:I,s:s,s:f,s:i,s:i,s:b,s:s,s:s,s:s,s:s,s:b}", "id",
			      (json_int_t)e->id, "person_id", (json_int_t)e->person_id, "board_id",
			      (json_int_t)e->board_id, "kind", e->kind, "extra_hours",
			      (double)e->extra_hours / 100.0, "weekdays", (int)e->weekdays,
			      "max_travel", e->max_travel, "share_name", e->share_name, "expertise",
			      e->expertise, "note", e->note, "consent_at", e->consent_at, "consent_by",
			      e->consent_by, "active", e->withdrawn_at[0] == '\0');
	return o;
}

int api_match_pool_get(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_pool_entry e;
	if (!r->user.person_id) {
		samen_fail(&err, SAMEN_ENOTFOUND, "your account is not linked to a person");
		return fail(s, &err);
	}
	if (match_pool_get(r->db, r->user.person_id, &e, &err))
		return fail(s, &err);
	resp_json(s, 200, pool_json(&e));
	return 0;
}

/* The person the user acts for: themselves, or (HR/executive/admin) a person_id given. */
static int pool_person(struct req *r, int64_t *person, struct samen_err *err)
{
	int64_t given = jint(r->json, "person_id");
	const struct user *u = &r->user;
	if (!given || given == u->person_id) {
		*person = u->person_id;
		if (!*person)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "person_id",
					     "your account is not linked to a person");
		return 0;
	}
	if (u->role != ROLE_HR && u->role != ROLE_EXECUTIVE && u->role != ROLE_ADMIN)
		return samen_fail(err, SAMEN_EPERM, "only HR puts forward other staff");
	*person = given;
	return 0;
}

int api_match_pool_join(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	json_t *b = r->json;
	struct match_pool_entry e;
	memset(&e, 0, sizeof e);
	if (pool_person(r, &e.person_id, &err))
		return fail(s, &err);
	e.board_id = r->user.role == ROLE_ADMIN && jint(b, "board_id") ? jint(b, "board_id")
									  : r->user.board_id;
	jcopy(b, "kind", e.kind, sizeof e.kind);
	if (!e.kind[0])
		snprintf(e.kind, sizeof e.kind, "self");
	int64_t h = jhours(b, "extra_hours");
	e.extra_hours = h < 0 ? 0 : h;
	e.weekdays = (unsigned)jint(b, "weekdays");
	e.max_travel = (int)jint(b, "max_travel");
	e.share_name = jbool(b, "share_name");
	jcopy(b, "expertise", e.expertise, sizeof e.expertise);
	jcopy(b, "note", e.note, sizeof e.note);
	json_t *pref = b ? json_object_get(b, "prefer_schools") : NULL;
	json_t *avoid = b ? json_object_get(b, "avoid_schools") : NULL;
	size_t i;
	json_t *v;
	if (json_is_array(pref))
		json_array_foreach(pref, i, v) if (json_is_integer(v) && e.nprefer < MATCH_MAX_SCHOOLS)
			e.prefer[e.nprefer++] = (int64_t)json_integer_value(v);
	if (json_is_array(avoid))
		json_array_foreach(avoid, i, v) if (json_is_integer(v) && e.navoid < MATCH_MAX_SCHOOLS)
			e.avoid[e.navoid++] = (int64_t)json_integer_value(v);
	struct match_actor who = actor_of(r);
	if (match_pool_join(r->db, &e, jbool(b, "consent"), &who, &err))
		return fail(s, &err);
	resp_json(s, 201, pool_json(&e));
	return 0;
}

int api_match_pool_withdraw(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t person = 0;
	if (pool_person(r, &person, &err))
		return fail(s, &err);
	struct match_pool_entry e;
	if (match_pool_get(r->db, person, &e, &err))
		return fail(s, &err);
	if (r->user.role != ROLE_ADMIN && person != r->user.person_id &&
	    e.board_id != r->user.board_id) {
		samen_fail(&err, SAMEN_ENOTFOUND, "person %lld is not in the pool", (long long)person);
		return fail(s, &err);
	}
	struct match_actor who = actor_of(r);
	if (match_pool_withdraw(r->db, person, &who, &err))
		return fail(s, &err);
	resp_json(s, 200, json_pack("{s:b}", "withdrawn", 1));
	return 0;
}

int api_match_offers(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_offer_filter f = {0};
	const struct user *u = &r->user;
	if (u->role == ROLE_STAFF)
		f.person_id = u->person_id ? u->person_id : -1;
	else if (u->role != ROLE_ADMIN)
		f.board_id = u->board_id ? u->board_id : -1;
	f.status = r->query(r, "status");
	struct match_offer *rows = NULL;
	size_t n = 0;
	if (match_offer_list(r->db, &f, &rows, &n, &err))
		return fail(s, &err);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, offer_json(&rows[i]));
	free(rows);
	resp_json(s, 200, json_pack("{s:I,s:o}", "total", (json_int_t)n, "offers", arr));
	return 0;
}

int api_match_offer_answer(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_actor who = actor_of(r);
	int64_t id = req_param_id(r, "offer");
	if (match_offer_answer(r->db, id, r->user.person_id ? r->user.person_id : -1,
			       jbool(r->json, "accept"), jstr(r->json, "reason"), date_today(), &who,
			       &err))
		return fail(s, &err);
	struct match_offer f;
	if (match_offer_get(r->db, id, &f, &err))
		return fail(s, &err);
	resp_json(s, 200, offer_json(&f));
	return 0;
}

int api_match_offer_decide(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_actor who = actor_of(r);
	int64_t id = req_param_id(r, "offer");
	int64_t board = r->user.board_id;
	if (r->user.role == ROLE_ADMIN) {
		struct match_offer f;
		if (match_offer_get(r->db, id, &f, &err))
			return fail(s, &err);
		board = f.lender_board_id;
	}
	if (match_offer_decide(r->db, id, board ? board : -1, jbool(r->json, "approve"),
			       jstr(r->json, "reason"), date_today(), &who, NULL, &err))
		return fail(s, &err);
	struct match_offer f;
	if (match_offer_get(r->db, id, &f, &err))
		return fail(s, &err);
	resp_json(s, 200, offer_json(&f));
	return 0;
}

int api_match_notifications(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	const struct user *u = &r->user;
	int64_t person = u->person_id;
	int64_t board = u->role == ROLE_STAFF || u->role == ROLE_COORDINATOR ? 0 : u->board_id;
	json_t *arr = json_array();
	if (person || board) {
		struct notification_row *rows = NULL;
		size_t n = 0;
		if (notify_list(r->db, u->role == ROLE_STAFF ? person : 0, board, 200, &rows, &n,
				&err)) {
			json_decref(arr);
			return fail(s, &err);
		}
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, json_pack("{s:I,s:s,s:s,s:I,s:s,s:s,s:b}", "id",
							     (json_int_t)rows[i].id, "kind", rows[i].kind,
							     "object_type", rows[i].object_type, "object_id",
							     (json_int_t)rows[i].object_id, "text",
							     rows[i].text, "created_at", rows[i].created_at,
							     "read", rows[i].read_at[0] != '\0'));
		free(rows);
	}
	resp_json(s, 200, json_pack("{s:o}", "notifications", arr));
	return 0;
}

int api_match_plan(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_actor who = actor_of(r);
	struct match_plan p;
	if (match_plan_run(r->db, req_param_id(r, "region"), date_today(), jbool(r->json, "store"),
			   &who, &p, &err))
		return fail(s, &err);
	json_t *lines = json_array();
	for (size_t i = 0; i < p.nlines; i++)
		json_array_append_new(lines, json_pack("{s:I,s:s,s:I,s:f,s:i,s:i,s:s,s:o}", "request_id",
						       (json_int_t)p.lines[i].request_id, "candidate",
						       p.lines[i].alias, "board_id",
						       (json_int_t)p.lines[i].board_id, "hours",
						       (double)p.lines[i].hours / 100.0, "travel_minutes",
						       p.lines[i].travel, "lessons", p.lines[i].lessons,
						       "lesson_slots", p.lines[i].lesson_text, "offer_id",
						       p.lines[i].offer_id ? json_integer(p.lines[i].offer_id)
									   : json_null()));
	json_t *o = json_pack("{s:I,s:I,s:f,s:f,s:{s:I,s:I,s:b,s:I,s:f},s:o}", "requests",
			      (json_int_t)p.requests, "staff", (json_int_t)p.staff, "hours_wanted",
			      (double)p.hours_wanted / 100.0, "hours_covered",
			      (double)p.hours_covered / 100.0, "lessons", "wanted",
			      (json_int_t)p.lessons_wanted, "covered", (json_int_t)p.lessons_covered,
			      "proven_optimal", p.lessons_proven, "search_nodes",
			      (json_int_t)p.lesson_nodes, "seconds", p.lesson_seconds, "lines", lines);
	match_plan_release(&p);
	resp_json(s, 200, o);
	return 0;
}
