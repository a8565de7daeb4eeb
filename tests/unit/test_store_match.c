/*
 * test_store_match.c - help requests, the pool and the fit of candidates
 * with reasons on a temporary SQLite file (store/match.c,
 * store/match_cand.c). Travel: an imported 14 minutes from school A to
 * school B; B to A is estimated: 0.1 degree of latitude = 11.119 km at
 * 30 km/h = 22.2 -> 23 minutes.
 *
 * Every test runs on a temporary SQLite file and, when SAMEN_TEST_PG holds
 * a postgres:// URL (scripts/with-postgres), again on PostgreSQL in a
 * schema of its own (samen_test_match, made afresh for each test); without
 * the variable the PostgreSQL runs are skipped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/staff.h"
#include "store/db.h"
#include "store/match.h"
#include "store/match_offer.h"
#include "store/match_plan.h"
#include "store/notify.h"
#include "store/secondment.h"
#include "store/migrate.h"
#include "store/refdata.h"
#include "store/store_org.h"
#include "store/store_staff.h"
#include "util/date.h"

#define PG_SCHEMA "samen_test_match"

struct fixture {
	char path[64];
	char target[1024];
	struct db *db;
	int64_t region, board_a, board_b, school_a, school_b;
	int64_t sanne, karim, cees, dirk;
	long today;
};

static const struct match_actor who = {0, "test"};

static void must(int rc, const struct samen_err *err)
{
	if (rc)
		fail_msg("rc %d: field '%s': %s", rc, err->field, err->msg);
}

static void school(struct org_school *s, const char *brin, const char *name, double lat)
{
	memset(s, 0, sizeof *s);
	snprintf(s->brin, sizeof s->brin, "%s", brin);
	snprintf(s->vestiging, sizeof s->vestiging, "00");
	snprintf(s->name, sizeof s->name, "%s", name);
	snprintf(s->street, sizeof s->street, "Schoolweg 1");
	snprintf(s->postcode, sizeof s->postcode, "1815 JD");
	snprintf(s->city, sizeof s->city, "Alkmaar");
	snprintf(s->municipality, sizeof s->municipality, "Alkmaar");
	snprintf(s->province, sizeof s->province, "Noord-Holland");
	snprintf(s->school_types, sizeof s->school_types, "havo,vwo");
	s->lat = lat;
	s->lon = 4.7;
}

static int64_t add_person(struct fixture *f, int64_t board, const char *empno, const char *first,
			  const char *brin, double hours, const char *level)
{
	struct staff_record r;
	struct staff_import_stats stats;
	struct samen_err err;
	memset(&r, 0, sizeof r);
	r.line = 1;
	snprintf(r.employee_number, sizeof r.employee_number, "%s", empno);
	snprintf(r.first_name, sizeof r.first_name, "%s", first);
	snprintf(r.last_name, sizeof r.last_name, "Jansen");
	snprintf(r.birth_date, sizeof r.birth_date, "1985-03-02");
	snprintf(r.contract_kind, sizeof r.contract_kind, "vast");
	r.hours_per_year = hours;
	snprintf(r.salary_scale, sizeof r.salary_scale, "LB");
	r.salary_step = 5;
	snprintf(r.start_date, sizeof r.start_date, "2015-08-01");
	r.n_assign = 1;
	snprintf(r.assign[0].brin, sizeof r.assign[0].brin, "%s", brin);
	snprintf(r.assign[0].vestiging, sizeof r.assign[0].vestiging, "00");
	r.assign[0].fte_share = 1.0;
	r.n_qual = 1;
	snprintf(r.qual[0].subject, sizeof r.qual[0].subject, "sk");
	r.qual[0].level = qual_level_parse(level);
	must(store_staff_import(f->db, board, &r, 1, "test", &stats, &err), &err);
	char sql[128];
	int64_t id = 0;
	snprintf(sql, sizeof sql, "SELECT person_id FROM employment WHERE employee_number = '%s'",
		 empno);
	must(db_query_int(f->db, sql, 0, NULL, &id, &err), &err);
	return id;
}

static void join(struct fixture *f, int64_t person, int64_t board, const char *kind,
		 int64_t hours, unsigned days, int travel, bool share)
{
	struct match_pool_entry e;
	struct samen_err err;
	memset(&e, 0, sizeof e);
	e.person_id = person;
	e.board_id = board;
	snprintf(e.kind, sizeof e.kind, "%s", kind);
	e.extra_hours = hours;
	e.weekdays = days;
	e.max_travel = travel;
	e.share_name = share;
	must(match_pool_join(f->db, &e, true, &who, &err), &err);
}

static void populate(struct fixture *f)
{
	struct samen_err err;
	must(migrate_apply(f->db, NULL, &err), &err);
	must(refdata_load(f->db, &err), &err);
	must(org_region_add(f->db, "alkmaar", "Regio Alkmaar", &f->region, &err), &err);
	must(org_board_add(f->db, f->region, "41873", "Stichting A", &f->board_a, &err), &err);
	must(org_board_add(f->db, f->region, "42316", "Stichting B", &f->board_b, &err), &err);
	struct org_school s;
	school(&s, "14AB", "A College", 52.6);
	must(org_school_add(f->db, f->board_a, &s, &f->school_a, &err), &err);
	school(&s, "27AK", "B Lyceum", 52.7);
	must(org_school_add(f->db, f->board_b, &s, &f->school_b, &err), &err);
	f->sanne = add_person(f, f->board_a, "A1", "Sanne", "14AB", 995.4, "eerstegraads");
	f->cees = add_person(f, f->board_a, "A2", "Cees", "14AB", 1659, "eerstegraads");
	f->dirk = add_person(f, f->board_a, "A3", "Dirk", "14AB", 1659, "eerstegraads");
	f->karim = add_person(f, f->board_b, "B1", "Karim", "27AK", 1659, "tweedegraads");
	/* Bell schedule of B: 8:30, 9:20, 10:10, 50-minute lessons. */
	for (int p = 1; p <= 3; p++)
		must(match_bell_set(f->db, f->school_b, p, 510 + (p - 1) * 50, 560 + (p - 1) * 50,
				    &err), &err);
	must(match_travel_set(f->db, f->school_a, f->school_b, 14, &err), &err);
	/* Sanne: 8 extra hours, Monday-Thursday, 25 minutes; Thursday 9:00-10:00 at A. */
	join(f, f->sanne, f->board_a, "self", 800, 0x0F, 25, false);
	struct match_lesson_row l = {f->sanne, f->school_a, 4, 2, 540, 600, "4h2", "sk", "untis"};
	must(match_lesson_add(f->db, &l, &err), &err);
	/* Cees: boventallig, 10 hours, every day, 10 minutes, name shared. */
	join(f, f->cees, f->board_a, "boventallig", 1000, 31, 10, true);
	/* Karim: 4 extra hours, every day, 30 minutes. Dirk is not in the pool. */
	join(f, f->karim, f->board_b, "self", 400, 31, 30, false);
	f->today = date_days(2026, 11, 24);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct samen_err err;
	snprintf(f->path, sizeof f->path, "/tmp/test_store_match_XXXXXX");
	int fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	must(db_open(f->path, &f->db, &err), &err);
	populate(f);
	*state = f;
	return 0;
}

static int setup_pg(void **state)
{
	const char *url = getenv("SAMEN_TEST_PG");
	*state = NULL;
	if (!url || !*url)
		return 0;
	struct fixture *f = calloc(1, sizeof *f);
	snprintf(f->target, sizeof f->target, "%s%soptions=-csearch_path%%3D" PG_SCHEMA, url,
		 strchr(url, '?') ? "&" : "?");
	struct samen_err err;
	struct db *admin = NULL;
	must(db_open(url, &admin, &err), &err);
	must(db_exec(admin, "DROP SCHEMA IF EXISTS " PG_SCHEMA " CASCADE; CREATE SCHEMA " PG_SCHEMA,
		     &err), &err);
	db_close(admin);
	must(db_open(f->target, &f->db, &err), &err);
	populate(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (!f)
		return 0;
	db_close(f->db);
	if (f->target[0]) {
		free(f);
		return 0;
	}
	char side[80];
	unlink(f->path);
	snprintf(side, sizeof side, "%s-wal", f->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", f->path);
	unlink(side);
	free(f);
	return 0;
}

/* School B asks for chemistry havo 4-5: Monday 1, Thursday 3, Friday 1. */
static int64_t lessons_request(struct fixture *f, bool accept_under)
{
	struct match_request *r = calloc(1, sizeof *r);
	struct samen_err err;
	r->school_id = f->school_b;
	snprintf(r->subject, sizeof r->subject, "sk");
	snprintf(r->school_type, sizeof r->school_type, "havo");
	r->year_from = 4;
	r->year_to = 5;
	r->start = date_days(2026, 11, 30);
	r->end = date_days(2027, 2, 12);
	r->urgency = 8;
	r->accept_under = accept_under;
	r->nlessons = 3;
	r->lessons[0] = (struct match_request_lesson){0, 4, 3, 0, 0, "h4a"};
	r->lessons[1] = (struct match_request_lesson){0, 1, 1, 0, 0, "h4a"};
	r->lessons[2] = (struct match_request_lesson){0, 5, 1, 0, 0, "h5b"};
	must(match_request_add(f->db, r, &who, &err), &err);
	int64_t id = r->id;
	assert_int_equal(r->board_id, f->board_b);
	assert_int_equal(r->hours_per_week, 250); /* 3 x 50 minutes */
	assert_int_equal(r->lessons[0].start, 610);
	assert_int_equal(r->lessons[0].end, 660);
	free(r);
	return id;
}

static void request_roundtrip(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	int64_t id = lessons_request(f, false);
	struct match_request *r = calloc(1, sizeof *r);
	struct samen_err err;
	must(match_request_get(f->db, id, r, &err), &err);
	assert_string_equal(r->status, "open");
	assert_string_equal(r->school_name, "B Lyceum");
	assert_int_equal(r->nlessons, 3);
	/* ordered by weekday and period */
	assert_int_equal(r->lessons[0].weekday, 1);
	assert_int_equal(r->lessons[1].weekday, 4);
	assert_int_equal(r->lessons[2].weekday, 5);
	assert_string_equal(r->lessons[2].class_name, "h5b");
	/* a period without a bell time is refused with the reason */
	memset(r, 0, sizeof *r);
	r->school_id = f->school_b;
	snprintf(r->subject, sizeof r->subject, "sk");
	snprintf(r->school_type, sizeof r->school_type, "havo");
	r->year_from = 4;
	r->year_to = 4;
	r->start = r->end = date_days(2026, 12, 1);
	r->urgency = 1;
	r->nlessons = 1;
	r->lessons[0] = (struct match_request_lesson){0, 4, 7, 0, 0, ""};
	assert_int_equal(match_request_add(f->db, r, &who, &err), SAMEN_EINVAL);
	assert_string_equal(err.msg, "no bell time for period 7 at this school");
	r->nlessons = 0;
	assert_int_equal(match_request_add(f->db, r, &who, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "hours_per_week");
	snprintf(r->subject, sizeof r->subject, "zz");
	r->hours_per_week = 100;
	assert_int_equal(match_request_add(f->db, r, &who, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "subject");
	free(r);
	struct match_request_filter flt = {f->region, 0, 0, "open"};
	struct match_request *list = NULL;
	size_t n = 0;
	must(match_request_list(f->db, &flt, &list, &n, &err), &err);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].nlessons, 3);
	free(list);
	must(match_request_cancel(f->db, id, &who, &err), &err);
	assert_int_equal(match_request_cancel(f->db, id, &who, &err), SAMEN_EINVAL);
}

static void pool_consent(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct match_pool_entry e;
	struct samen_err err;
	memset(&e, 0, sizeof e);
	e.person_id = f->dirk;
	e.board_id = f->board_a;
	snprintf(e.kind, sizeof e.kind, "contract_end");
	e.extra_hours = 500;
	e.weekdays = 3;
	e.max_travel = 20;
	assert_int_equal(match_pool_join(f->db, &e, false, &who, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "consent");
	/* board B cannot put forward A's staff */
	e.board_id = f->board_b;
	assert_int_equal(match_pool_join(f->db, &e, true, &who, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "person");
	e.board_id = f->board_a;
	e.navoid = 1;
	e.avoid[0] = f->school_b;
	must(match_pool_join(f->db, &e, true, &who, &err), &err);
	struct match_pool_entry g;
	must(match_pool_get(f->db, f->dirk, &g, &err), &err);
	assert_string_equal(g.kind, "contract_end");
	assert_string_equal(g.consent_by, "test");
	assert_int_equal(g.navoid, 1);
	assert_int_equal(g.avoid[0], f->school_b);
	assert_string_equal(g.withdrawn_at, "");
	must(match_pool_withdraw(f->db, f->dirk, &who, &err), &err);
	must(match_pool_get(f->db, f->dirk, &g, &err), &err);
	assert_int_not_equal(g.withdrawn_at[0], '\0');
}

static const struct match_candidate *find(const struct match_candidate *c, size_t n, int64_t p)
{
	for (size_t i = 0; i < n; i++)
		if (c[i].person_id == p)
			return &c[i];
	fail_msg("person %lld is not a candidate", (long long)p);
	return NULL;
}

static void candidates_with_reasons(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	int64_t id = lessons_request(f, false);
	struct match_candidate *c = NULL;
	size_t n = 0;
	must(match_candidates(f->db, id, f->board_b, f->today, &c, &n, &err), &err);
	assert_int_equal(n, 3); /* Dirk is not in the pool */
	/* order: fitting first, then bevoegd before onderbevoegd */
	assert_int_equal(c[0].person_id, f->sanne);
	assert_int_equal(c[1].person_id, f->cees);
	assert_int_equal(c[2].person_id, f->karim);

	const struct match_candidate *s = find(c, n, f->sanne);
	assert_true(s->fits);
	assert_string_equal(s->name, ""); /* not shared with board B */
	assert_string_equal(s->reason[MCHK_QUAL], "eerstegraads: bevoegd for havo 4-5");
	/* Monday 1 fits; Thursday 3 (10:10) is after her 10:00 lesson at A + 14 minutes; no Fridays */
	assert_int_equal(s->lessons_ok, 1);
	assert_int_equal(s->lesson[0], LESSON_OK);
	assert_int_equal(s->lesson[1], LESSON_TRAVEL_BEFORE);
	assert_int_equal(s->lesson[2], LESSON_DAY);
	assert_string_equal(s->reason[MCHK_LESSONS],
			    "1 of 3 lessons fit; Thu 3: travel_before; Fri 1: day");
	/* 0.6 fte + 8 h x 40 = 1315.4 h: 720 x 1315.4 / 1659 / 40 = 14.27 h cap; teaching 1 h */
	assert_int_equal(s->cap, 1427);
	assert_int_equal(s->teaching, 100);
	assert_int_equal(s->spare, 800);
	assert_int_equal(s->travel, 14); /* imported */
	assert_string_equal(s->reason[MCHK_TRAVEL], "14 minutes, at most 25");

	const struct match_candidate *k = find(c, n, f->karim);
	assert_false(k->fits);
	assert_string_equal(k->name, "Jansen, Karim"); /* board B's own staff */
	assert_int_equal(k->qual, FIT_ONDERBEVOEGD);
	assert_false(k->pass[MCHK_QUAL]);
	assert_string_equal(k->reason[MCHK_QUAL],
			    "tweedegraads: onderbevoegd for havo 4-5 (the request does not accept this)");
	/* no timetable: 1 fte taken as fully taught (18 h); with 4 h more: 19.73 h cap */
	assert_int_equal(k->cap, 1973);
	assert_int_equal(k->teaching, 1800);
	assert_int_equal(k->spare, 173);
	assert_true(k->pass[MCHK_HOURS] && k->pass[MCHK_LESSONS] && k->pass[MCHK_TRAVEL]);
	assert_int_equal(k->lessons_ok, 3);

	const struct match_candidate *ce = find(c, n, f->cees);
	assert_false(ce->fits);
	assert_string_equal(ce->name, "Jansen, Cees"); /* shared by opt-in */
	assert_false(ce->pass[MCHK_TRAVEL]);
	assert_string_equal(ce->reason[MCHK_TRAVEL], "14 minutes, at most 10");
	assert_int_equal(ce->spare, 1000); /* boventallig: inside the contract, cap 18 h */
	assert_int_equal(ce->cap, 1800);
	free(c);

	/* the nameless reach for the school leader (story 1) */
	struct match_reach reach;
	must(match_request_reach(f->db, id, f->today, &reach, &err), &err);
	assert_int_equal(reach.qualified, 2);
	assert_int_equal(reach.fitting, 1);
	assert_int_equal(reach.lesson_fit[0], 1);
	assert_int_equal(reach.lesson_fit[1], 0);
	assert_int_equal(reach.lesson_fit[2], 0);

	/* accepting under-qualified help shows Karim as onderbevoegd, and he fits */
	int64_t id2 = lessons_request(f, true);
	must(match_candidates(f->db, id2, f->board_b, f->today, &c, &n, &err), &err);
	k = find(c, n, f->karim);
	assert_true(k->fits);
	assert_int_equal(k->qual, FIT_ONDERBEVOEGD);
	assert_string_equal(k->reason[MCHK_QUAL],
			    "tweedegraads: onderbevoegd for havo 4-5 (accepted by the request)");
	free(c);

	/* withdrawing consent removes Sanne at once */
	must(match_pool_withdraw(f->db, f->sanne, &who, &err), &err);
	must(match_candidates(f->db, id, f->board_b, f->today, &c, &n, &err), &err);
	assert_int_equal(n, 2);
	free(c);
}

static void hours_request_travel_estimate(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	struct match_request *r = calloc(1, sizeof *r);
	r->school_id = f->school_a;
	snprintf(r->subject, sizeof r->subject, "sk");
	snprintf(r->school_type, sizeof r->school_type, "vwo");
	r->year_from = 1;
	r->year_to = 3;
	r->start = date_days(2026, 12, 1);
	r->end = date_days(2027, 1, 31);
	r->urgency = 3;
	r->hours_per_week = 300;
	snprintf(r->expertise, sizeof r->expertise, "nt2");
	must(match_request_add(f->db, r, &who, &err), &err);
	struct match_candidate *c = NULL;
	size_t n = 0;
	must(match_candidates(f->db, r->id, 0, f->today, &c, &n, &err), &err);
	const struct match_candidate *k = find(c, n, f->karim);
	assert_int_equal(k->qual, FIT_BEVOEGD); /* second degree covers vwo 1-3 */
	assert_int_equal(k->travel, 23);       /* B -> A estimated, not imported */
	assert_false(k->pass[MCHK_EXPERTISE]);
	assert_string_equal(k->reason[MCHK_EXPERTISE], "nt2 experience not stated");
	free(c);
	/* after Karim declined this request he is shown, but never fits it */
	char sql[256];
	snprintf(sql, sizeof sql,
		 "INSERT INTO match_offer (request_id, person_id, lender_board_id, hours_per_week,"
		 " status, deadline, reason, proposed_at, proposed_by) VALUES (%lld, %lld, %lld, 300,"
		 " 'declined', '2026-11-27', 'too far', '2026-11-24T08:00:00Z', 'test')",
		 (long long)r->id, (long long)f->karim, (long long)f->board_b);
	must(db_exec(f->db, sql, &err), &err);
	must(match_candidates(f->db, r->id, 0, f->today, &c, &n, &err), &err);
	k = find(c, n, f->karim);
	assert_false(k->pass[MCHK_CONSENT]);
	assert_string_equal(k->reason[MCHK_CONSENT], "declined this request");
	free(c);
	free(r);
}


static int64_t hours_request(struct fixture *f)
{
	struct samen_err err;
	struct match_request *r = calloc(1, sizeof *r);
	r->school_id = f->school_a;
	snprintf(r->subject, sizeof r->subject, "sk");
	snprintf(r->school_type, sizeof r->school_type, "vwo");
	r->year_from = 1;
	r->year_to = 3;
	r->start = date_days(2026, 12, 1);
	r->end = date_days(2027, 1, 31);
	r->urgency = 3;
	r->hours_per_week = 300;
	must(match_request_add(f->db, r, &who, &err), &err);
	int64_t id = r->id;
	free(r);
	return id;
}

static void offer_flow(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	int64_t req = lessons_request(f, false), oid = 0, other = 0;
	/* only Monday 1 fits Sanne: 50 minutes = 0.83 h */
	must(match_offer_propose(f->db, req, f->sanne, 0, NULL, 0, f->today, "manual", &who, &oid,
				 &err), &err);
	struct match_offer o;
	must(match_offer_get(f->db, oid, &o, &err), &err);
	assert_string_equal(o.status, "proposed");
	assert_int_equal(o.hours_per_week, 83);
	assert_int_equal(o.nlessons, 1);
	assert_int_equal(o.deadline, date_days(2026, 11, 27)); /* 3 days */
	assert_int_equal(o.lender_board_id, f->board_a);
	assert_int_equal(o.borrower_board_id, f->board_b);
	assert_int_equal(match_offer_propose(f->db, req, f->sanne, 0, NULL, 0, f->today, "manual",
					     &who, &other, &err), SAMEN_EEXIST);
	/* who does not fit is refused with the reason */
	assert_int_equal(match_offer_propose(f->db, req, f->karim, 0, NULL, 0, f->today, "manual",
					     &who, &other, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "qualification");
	assert_string_equal(err.msg, "does not fit: tweedegraads: onderbevoegd for havo 4-5"
				     " (the request does not accept this)");
	assert_int_equal(match_offer_propose(f->db, req, f->cees, 0, NULL, 0, f->today, "manual",
					     &who, &other, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "travel");
	assert_int_equal(match_offer_propose(f->db, req, f->dirk, 0, NULL, 0, f->today, "manual",
					     &who, &other, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "person");

	/* only Sanne answers, and only her board decides */
	assert_int_equal(match_offer_answer(f->db, oid, f->karim, true, NULL, f->today, &who, &err),
			 SAMEN_EPERM);
	must(match_offer_answer(f->db, oid, f->sanne, true, NULL, f->today, &who, &err), &err);
	assert_int_equal(match_offer_answer(f->db, oid, f->sanne, true, NULL, f->today, &who, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.msg, "offer 1 is accepted");
	int64_t sid = 0;
	assert_int_equal(match_offer_decide(f->db, oid, f->board_b, true, NULL, f->today, &who, &sid,
					    &err), SAMEN_EPERM);
	must(match_offer_decide(f->db, oid, f->board_a, true, NULL, f->today, &who, &sid, &err),
	     &err);
	struct secondment_row sr;
	struct samen_err e2;
	must(store_secondment_get(f->db, sid, &sr, &e2), &e2);
	assert_int_equal(sr.s.lender_board_id, f->board_a);
	assert_int_equal(sr.s.borrower_board_id, f->board_b);
	assert_int_equal(sr.s.borrower_school_id, f->school_b);
	assert_int_equal(sr.s.person_id, f->sanne);
	assert_int_equal(sr.s.offer_id, oid);
	assert_int_equal(sr.s.hours_per_week, 83);
	assert_int_equal(sr.s.weekdays, 1); /* Monday */
	assert_int_equal(sr.s.start, date_days(2026, 11, 30));
	assert_string_equal(sr.s.function_title, "Docent Scheikunde");
	must(match_offer_get(f->db, oid, &o, &err), &err);
	assert_string_equal(o.status, "approved");
	assert_int_equal(o.secondment_id, sid);
	struct match_request *r = calloc(1, sizeof *r);
	must(match_request_get(f->db, req, r, &err), &err);
	assert_string_equal(r->status, "open"); /* 0.83 of 2.50 hours approved */
	free(r);

	/* notifications in the application */
	struct notification_row *nr = NULL;
	size_t nn = 0;
	must(notify_list(f->db, f->sanne, 0, 50, &nr, &nn, &err), &err);
	assert_int_equal(nn, 2);
	assert_string_equal(nr[0].kind, "offer.approved");
	assert_string_equal(nr[1].kind, "offer.proposed");
	assert_string_equal(nr[1].text, "Aanbod: sk havo 4-5 aan B Lyceum, 0.83 uur per week;"
					" antwoord uiterlijk 2026-11-27.");
	free(nr);
	must(notify_list(f->db, 0, f->board_b, 50, &nr, &nn, &err), &err);
	assert_int_equal(nn, 2); /* accepted, approved */
	free(nr);
}

static void offer_deadline_and_decline(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	int64_t req = hours_request(f), ok = 0, os = 0;
	/* Karim has 1.73 spare hours of the 3 asked */
	must(match_offer_propose(f->db, req, f->karim, 0, NULL, 0, f->today, "manual", &who, &ok,
				 &err), &err);
	struct match_offer o;
	must(match_offer_get(f->db, ok, &o, &err), &err);
	assert_int_equal(o.hours_per_week, 173);
	assert_int_equal(o.travel, 23);
	/* Sanne gets the 1.27 hours left */
	must(match_offer_propose(f->db, req, f->sanne, 0, NULL, 0, f->today, "manual", &who, &os,
				 &err), &err);
	must(match_offer_get(f->db, os, &o, &err), &err);
	assert_int_equal(o.hours_per_week, 127);
	assert_int_equal(match_offer_propose(f->db, req, f->cees, 0, NULL, 0, f->today, "manual",
					     &who, NULL, &err), SAMEN_EEXIST);
	assert_string_equal(err.msg, "all hours of the request are offered");
	/* after the deadline, accepting is refused and the offer expires */
	assert_int_equal(match_offer_answer(f->db, ok, f->karim, true, NULL, f->today + 4, &who,
					    &err), SAMEN_EINVAL);
	assert_string_equal(err.msg, "the deadline was 2026-11-27");
	must(match_offer_get(f->db, ok, &o, &err), &err);
	assert_string_equal(o.status, "expired");
	/* declining needs a reason; a declined person is not proposed again */
	assert_int_equal(match_offer_answer(f->db, os, f->sanne, false, "", f->today, &who, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "reason");
	must(match_offer_answer(f->db, os, f->sanne, false, "te veel uren", f->today, &who, &err),
	     &err);
	assert_int_equal(match_offer_propose(f->db, req, f->sanne, 0, NULL, 0, f->today, "manual",
					     &who, NULL, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "consent");
	/* an accepted offer cannot be decided before acceptance */
	assert_int_equal(match_offer_decide(f->db, os, f->board_a, true, NULL, f->today, &who, NULL,
					    &err), SAMEN_EINVAL);
	size_t expired = 9;
	must(match_offer_expire(f->db, f->today, &who, &expired, &err), &err);
	assert_int_equal(expired, 0);
}


static void regional_plan(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	int64_t x = hours_request(f); /* school A, 3 h, urgency 3 */
	struct match_request *r = calloc(1, sizeof *r);
	must(match_request_get(f->db, x, r, &err), &err);
	r->id = 0;
	r->school_id = f->school_b;
	r->hours_per_week = 200;
	r->urgency = 9;
	must(match_request_add(f->db, r, &who, &err), &err);
	int64_t y = r->id;
	free(r);
	struct match_plan plan;
	must(match_plan_run(f->db, f->region, f->today, 1, &who, &plan, &err), &err);
	assert_int_equal(plan.requests, 2);
	assert_int_equal(plan.staff, 3);
	assert_int_equal(plan.hours_wanted, 500);
	assert_int_equal(plan.hours_covered, 500);
	/* Y at B: Karim's 6 quarter hours without travel, 2 from Sanne at 14 minutes;
	   X at A: 3 hours from board A's own staff without travel (Cees cannot reach B) */
	int64_t y_karim = 0, y_sanne = 0, x_a = 0;
	for (size_t i = 0; i < plan.nlines; i++) {
		const struct match_plan_line *l = &plan.lines[i];
		assert_int_not_equal(l->offer_id, 0);
		if (l->request_id == y && l->person_id == f->karim)
			y_karim += l->hours;
		else if (l->request_id == y && l->person_id == f->sanne)
			y_sanne += l->hours;
		else if (l->request_id == x && l->board_id == f->board_a)
			x_a += l->hours;
		else
			fail_msg("unexpected line %lld/%lld", (long long)l->request_id,
				 (long long)l->person_id);
	}
	assert_int_equal(y_karim, 150);
	assert_int_equal(y_sanne, 50);
	assert_int_equal(x_a, 300);
	match_plan_release(&plan);
	/* the proposals wait for the people: nothing left to plan */
	struct match_offer_filter of = {0, 0, y, "proposed"};
	struct match_offer *o = NULL;
	size_t n = 0;
	must(match_offer_list(f->db, &of, &o, &n, &err), &err);
	assert_int_equal(n, 2);
	assert_string_equal(o[0].source, "optimiser");
	free(o);
	must(match_plan_run(f->db, f->region, f->today, 1, &who, &plan, &err), &err);
	assert_int_equal(plan.requests, 0);
	assert_int_equal(plan.nlines, 0);
	match_plan_release(&plan);
}

/* A chemistry havo 4 request of lessons (weekday, period pairs) at a school. */
static int64_t lesson_request_at(struct fixture *f, int64_t school, int urgency, size_t n,
				 const int *day_period)
{
	struct match_request *r = calloc(1, sizeof *r);
	struct samen_err err;
	r->school_id = school;
	snprintf(r->subject, sizeof r->subject, "sk");
	snprintf(r->school_type, sizeof r->school_type, "havo");
	r->year_from = 4;
	r->year_to = 4;
	r->start = date_days(2026, 11, 30);
	r->end = date_days(2027, 2, 12);
	r->urgency = urgency;
	r->nlessons = n;
	for (size_t i = 0; i < n; i++)
		r->lessons[i] = (struct match_request_lesson){0, day_period[2 * i],
							      day_period[2 * i + 1], 0, 0, "h4"};
	must(match_request_add(f->db, r, &who, &err), &err);
	int64_t id = r->id;
	free(r);
	return id;
}

static const struct match_plan_line *plan_line(const struct match_plan *p, int64_t request,
					       int64_t person)
{
	for (size_t i = 0; i < p->nlines; i++)
		if (p->lines[i].request_id == request && p->lines[i].person_id == person)
			return &p->lines[i];
	return NULL;
}

/*
 * Lessons in the regional plan. X at B wants Monday 1, Thursday 3 and
 * Friday 1: only Sanne is qualified and reaches B (Cees travels at most 10
 * minutes, Karim is tweedegraads), and only Monday 1 fits her (Thursday 3
 * leaves 10 minutes after her own lesson at A, the trip takes 14; she is
 * not available on Fridays). Y at A wants Monday 1 too: Sanne and Cees fit.
 * Sanne cannot give both Monday 1 lessons (a clash between two requests,
 * which no candidate check sees), so the optimum gives X to Sanne and Y to
 * Cees: two lessons, where Sanne on Y (no travel) would leave X uncovered.
 */
static void regional_plan_lessons(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	for (int p = 1; p <= 3; p++)
		must(match_bell_set(f->db, f->school_a, p, 510 + (p - 1) * 50, 560 + (p - 1) * 50,
				    &err), &err);
	static const int xl[] = {1, 1, 4, 3, 5, 1}, yl[] = {1, 1};
	int64_t x = lesson_request_at(f, f->school_b, 8, 3, xl);
	int64_t y = lesson_request_at(f, f->school_a, 3, 1, yl);
	struct match_plan plan;
	must(match_plan_run(f->db, f->region, f->today, 0, &who, &plan, &err), &err);
	assert_int_equal(plan.lesson_requests, 2);
	assert_int_equal(plan.lessons_wanted, 4);
	assert_int_equal(plan.lessons_covered, 2);
	assert_true(plan.lessons_proven);
	assert_int_equal(plan.nlines, 2);
	const struct match_plan_line *lx = plan_line(&plan, x, f->sanne);
	const struct match_plan_line *ly = plan_line(&plan, y, f->cees);
	assert_non_null(lx);
	assert_non_null(ly);
	assert_int_equal(lx->lessons, 1);
	assert_string_equal(lx->lesson_text, "ma1");
	assert_int_equal(lx->hours, 83); /* 50 minutes */
	assert_int_equal(lx->travel, 14);
	assert_string_equal(ly->lesson_text, "ma1");
	assert_int_equal(ly->offer_id, 0); /* dry run */
	match_plan_release(&plan);

	/* Stored: offers carry their lessons, and those lessons are not planned again. */
	must(match_plan_run(f->db, f->region, f->today, 1, &who, &plan, &err), &err);
	assert_int_equal(plan.nlines, 2);
	int64_t offer = plan_line(&plan, x, f->sanne)->offer_id;
	assert_int_not_equal(offer, 0);
	match_plan_release(&plan);
	struct match_offer o;
	must(match_offer_get(f->db, offer, &o, &err), &err);
	assert_int_equal(o.nlessons, 1);
	assert_string_equal(o.source, "optimiser");
	must(match_plan_run(f->db, f->region, f->today, 0, &who, &plan, &err), &err);
	assert_int_equal(plan.lessons_wanted, 2); /* X's Thursday and Friday */
	assert_int_equal(plan.lessons_covered, 0);
	assert_int_equal(plan.nlines, 0);
	match_plan_release(&plan);
}

/*
 * Travel between the requested lessons themselves: with Cees out of the
 * pool, Sanne is the only one for X (Monday 1 at B, urgency 8) and for Y
 * (Monday 2 at A, urgency 3). Monday 1 at B ends at 9:20 when Monday 2 at A
 * begins, and B to A takes 23 minutes: one of the two, and the more urgent.
 */
static void regional_plan_lesson_travel(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	for (int p = 1; p <= 3; p++)
		must(match_bell_set(f->db, f->school_a, p, 510 + (p - 1) * 50, 560 + (p - 1) * 50,
				    &err), &err);
	must(match_pool_withdraw(f->db, f->cees, &who, &err), &err);
	static const int xl[] = {1, 1}, yl[] = {1, 2};
	int64_t x = lesson_request_at(f, f->school_b, 8, 1, xl);
	int64_t y = lesson_request_at(f, f->school_a, 3, 1, yl);
	struct match_plan plan;
	must(match_plan_run(f->db, f->region, f->today, 0, &who, &plan, &err), &err);
	assert_int_equal(plan.lessons_wanted, 2);
	assert_int_equal(plan.lessons_covered, 1);
	assert_true(plan.lessons_proven);
	assert_non_null(plan_line(&plan, x, f->sanne));
	assert_null(plan_line(&plan, y, f->sanne));
	match_plan_release(&plan);
	/* With 30 minutes between the two lessons, she gives both. */
	must(match_bell_set(f->db, f->school_a, 2, 590, 640, &err), &err);
	must(match_request_cancel(f->db, y, &who, &err), &err);
	y = lesson_request_at(f, f->school_a, 3, 1, yl);
	must(match_plan_run(f->db, f->region, f->today, 0, &who, &plan, &err), &err);
	assert_int_equal(plan.lessons_covered, 2);
	assert_non_null(plan_line(&plan, y, f->sanne));
	match_plan_release(&plan);
}

/*
 * The hours part is re-optimised from the region's last plan: a withdrawn
 * request is answered warm from the kept model, a new one (which may need
 * larger weights and then a cold solve) too; each time with the same plan
 * totals as a plan from scratch (after match_plan_forget).
 */
static void regional_plan_incremental(void **state)
{
	struct fixture *f = *state;
	if (!f)
		skip();
	struct samen_err err;
	match_plan_forget();
	int64_t x = hours_request(f); /* school A, 3 h, urgency 3 */
	struct match_request *r = calloc(1, sizeof *r);
	must(match_request_get(f->db, x, r, &err), &err);
	r->id = 0;
	r->school_id = f->school_b;
	r->hours_per_week = 200;
	r->urgency = 9;
	must(match_request_add(f->db, r, &who, &err), &err);
	int64_t y = r->id;
	struct match_plan plan;
	must(match_plan_run(f->db, f->region, f->today, 0, &who, &plan, &err), &err);
	assert_false(plan.hours_warm);
	assert_int_equal(plan.hours_covered, 500);
	match_plan_release(&plan);
	/* Y withdrawn: warm, and the plan no longer serves it */
	must(match_request_cancel(f->db, y, &who, &err), &err);
	must(match_plan_run(f->db, f->region, f->today, 0, &who, &plan, &err), &err);
	assert_true(plan.hours_warm);
	assert_int_equal(plan.hours_covered, 300);
	for (size_t i = 0; i < plan.nlines; i++)
		assert_int_not_equal(plan.lines[i].request_id, y);
	match_plan_release(&plan);
	/* a new request Z at B: the kept answer equals the answer from scratch */
	r->id = 0;
	r->hours_per_week = 150;
	r->urgency = 2;
	must(match_request_add(f->db, r, &who, &err), &err);
	int64_t z = r->id;
	free(r);
	must(match_plan_run(f->db, f->region, f->today, 0, &who, &plan, &err), &err);
	int64_t kept_covered = plan.hours_covered, kept_z = 0;
	for (size_t i = 0; i < plan.nlines; i++)
		if (plan.lines[i].request_id == z)
			kept_z += plan.lines[i].hours;
	match_plan_release(&plan);
	match_plan_forget();
	must(match_plan_run(f->db, f->region, f->today, 0, &who, &plan, &err), &err);
	assert_false(plan.hours_warm);
	assert_int_equal(plan.hours_covered, kept_covered);
	assert_int_equal(kept_covered, 450);
	assert_int_equal(kept_z, 150);
	match_plan_release(&plan);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(request_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(pool_consent, setup, teardown),
		cmocka_unit_test_setup_teardown(candidates_with_reasons, setup, teardown),
		cmocka_unit_test_setup_teardown(hours_request_travel_estimate, setup, teardown),
		cmocka_unit_test_setup_teardown(offer_flow, setup, teardown),
		cmocka_unit_test_setup_teardown(regional_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(regional_plan_lessons, setup, teardown),
		cmocka_unit_test_setup_teardown(regional_plan_incremental, setup, teardown),
		cmocka_unit_test_setup_teardown(regional_plan_lesson_travel, setup, teardown),
		cmocka_unit_test_setup_teardown(offer_deadline_and_decline, setup, teardown),
		cmocka_unit_test_setup_teardown(request_roundtrip, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(pool_consent, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(candidates_with_reasons, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(hours_request_travel_estimate, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(offer_flow, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(regional_plan, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(regional_plan_lessons, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(regional_plan_incremental, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(regional_plan_lesson_travel, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(offer_deadline_and_decline, setup_pg, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
