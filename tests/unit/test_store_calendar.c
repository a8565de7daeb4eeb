/*
 * test_store_calendar.c - holidays, busy periods, meeting series, feeds and
 * next steps in the database (store/store_calendar.c, store/store_series.c).
 *
 * The same tests run on a temporary SQLite file and, when SAMEN_TEST_PG
 * holds a postgres:// URL (scripts/with-postgres), on PostgreSQL in a schema
 * of their own (samen_test_calendar, dropped and made again at the start);
 * without the variable the PostgreSQL group is skipped.
 *
 * Covered: the shipped holidays are loaded once and refreshed without
 * touching imported rows; importing a new school year, again (unchanged),
 * with other dates (refused naming the line, or replaced); busy periods by
 * hand and from an ICS file (again: unchanged; changed: updated); a series
 * with its meetings, attendees linked to accounts, and a move that keeps
 * the UID and raises SEQUENCE; feeds stored as a hash only and revocable;
 * steps with their next meeting and the lead-time rule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/planner.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/refdata.h"
#include "store/store_calendar.h"
#include "store/store_org.h"
#include "store/store_series.h"
#include "store/users.h"
#include "util/date.h"

#ifndef SAMEN_SOURCE_DIR
#define SAMEN_SOURCE_DIR "."
#endif

#define PG_SCHEMA "samen_test_calendar"

struct fixture {
	struct db *db;
	char dir[64];
	char target[1024];
	int64_t region, other_region, board, school_noord, school_midden, other_school;
	int64_t user;
};

static void must(int rc, const struct samen_err *err)
{
	if (rc)
		fail_msg("rc %d: line %ld field '%s': %s", rc, err->line, err->field, err->msg);
}

static long day(const char *iso)
{
	long d = 0;
	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

static int64_t q(struct db *db, const char *sql)
{
	int64_t v = -1;
	struct samen_err err;
	must(db_query_int(db, sql, 0, NULL, &v, &err), &err);
	return v;
}

static char *fixture_file(const char *name, size_t *len)
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

static void school(struct org_school *s, const char *brin, const char *name,
		   const char *municipality, const char *province)
{
	memset(s, 0, sizeof *s);
	snprintf(s->brin, sizeof s->brin, "%s", brin);
	snprintf(s->vestiging, sizeof s->vestiging, "00");
	snprintf(s->name, sizeof s->name, "%s", name);
	snprintf(s->city, sizeof s->city, "%s", municipality);
	snprintf(s->municipality, sizeof s->municipality, "%s", municipality);
	snprintf(s->province, sizeof s->province, "%s", province);
	snprintf(s->school_types, sizeof s->school_types, "havo,vwo");
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void fixture_free(struct fixture *f)
{
	if (!f)
		return;
	db_close(f->db);
	if (f->dir[0])
		nftw(f->dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(f);
}

static int populate(struct fixture *f)
{
	struct samen_err err;
	samen_err_clear(&err);
	int rc = migrate_apply(f->db, NULL, &err);
	if (rc == 0)
		rc = refdata_load(f->db, &err);
	if (rc == 0)
		rc = org_region_add(f->db, "woerden", "Regio Woerden", &f->region, &err);
	if (rc == 0)
		rc = org_region_add(f->db, "elders", "Andere regio", &f->other_region, &err);
	if (rc == 0)
		rc = org_board_add(f->db, f->region, "40001", "Stichting Woerden", &f->board, &err);
	int64_t other_board = 0;
	if (rc == 0)
		rc = org_board_add(f->db, f->other_region, "40002", "Stichting Elders", &other_board,
				   &err);
	struct org_school s;
	school(&s, "10AA", "Kalsbeek-achtig College", "Woerden", "Utrecht");
	if (rc == 0)
		rc = org_school_add(f->db, f->board, &s, &f->school_midden, &err);
	school(&s, "10AB", "Noordelijk Lyceum", "Alkmaar", "Noord-Holland");
	if (rc == 0)
		rc = org_school_add(f->db, f->board, &s, &f->school_noord, &err);
	school(&s, "10AC", "Zuidelijk College", "Maastricht", "Limburg");
	if (rc == 0)
		rc = org_school_add(f->db, other_board, &s, &f->other_school, &err);
	struct user_new u = {"coordinator@test.nl", "Co Ördinator", "een-lang-wachtwoord",
			     ROLE_COORDINATOR, f->region, 0, 0, 0};
	if (rc == 0)
		rc = users_add(f->db, &u, "test", &f->user, &err);
	if (rc)
		fprintf(stderr, "setup: %s (%s)\n", err.msg, err.field);
	return rc;
}

static int setup_sqlite(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/samen-test-cal-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->target, sizeof f->target, "%s/test.db", f->dir);
	struct samen_err err;
	if (db_open(f->target, &f->db, &err) || populate(f)) {
		fixture_free(f);
		return -1;
	}
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
	int rc = db_open(url, &admin, &err);
	if (rc == 0)
		rc = db_exec(admin, "DROP SCHEMA IF EXISTS " PG_SCHEMA " CASCADE; CREATE SCHEMA " PG_SCHEMA,
			     &err);
	db_close(admin);
	if (rc == 0)
		rc = db_open(f->target, &f->db, &err);
	if (rc || populate(f)) {
		fprintf(stderr, "postgresql setup: %s\n", err.msg);
		fixture_free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture_free(*state);
	*state = NULL;
	return 0;
}

static struct fixture *get(void **state)
{
	if (!*state)
		skip();
	return *state;
}

/* ---- tests ---------------------------------------------------------------------- */

static void shipped_holidays_are_loaded_once(void **state)
{
	struct fixture *f = get(state);
	struct samen_err err;
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM school_holiday"), 84);
	must(refdata_load(f->db, &err), &err);
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM school_holiday"), 84);
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM school_holiday WHERE source = 'samen'"), 84);
	struct calendar c;
	calendar_init(&c);
	must(store_calendar_load_holidays(f->db, &c, &err), &err);
	assert_int_equal(c.n_holidays, 84);
	assert_int_equal(c.n_nationals, 6 * 11); /* 2024 .. 2029 */
	calendar_release(&c);
}

static void a_new_school_year_is_imported(void **state)
{
	struct fixture *f = get(state);
	struct samen_err err;
	size_t len;
	char *text = fixture_file("list_2029_2030_example.csv", &len);
	struct holidays_batch b;
	must(holidays_parse(text, len, HOLIDAYS_AUTO, &b, &err), &err);
	struct holidays_import_stats st;
	must(store_calendar_import_holidays(f->db, &b, false, "test", f->user, &st, &err), &err);
	assert_int_equal(st.added, 6);
	assert_int_equal(st.unchanged, 0);
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM school_holiday WHERE school_year = '2029-2030'"
				  " AND source = 'import'"),
			 6);
	/* Again: nothing changes. */
	must(store_calendar_import_holidays(f->db, &b, false, "test", f->user, &st, &err), &err);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.unchanged, 6);
	holidays_batch_release(&b);
	free(text);
	/* Other dates for a stored holiday: refused naming the line, or replaced. */
	const char *moved = "school_year,region,name,start_date,end_date\n"
			    "2029-2030,midden,kerstvakantie,2029-12-22,2030-01-06\n"
			    "2029-2030,noord,herfstvakantie,2029-10-20,2029-10-28\n";
	must(holidays_parse(moved, strlen(moved), HOLIDAYS_AUTO, &b, &err), &err);
	assert_int_equal(store_calendar_import_holidays(f->db, &b, false, "test", f->user, &st, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.msg, "school year 2029-2030 already has a herfstvakantie for noord"
				     " (2029-10-13 to 2029-10-21); import with replace to change it");
	must(store_calendar_import_holidays(f->db, &b, true, "test", f->user, &st, &err), &err);
	assert_int_equal(st.replaced, 1);
	assert_int_equal(st.unchanged, 1);
	holidays_batch_release(&b);
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM school_holiday WHERE school_year = '2029-2030'"
				  " AND region = 'noord' AND kind = 'herfstvakantie'"
				  " AND start_date = '2029-10-20'"),
			 1);
	/* A shipped row replaced by an import is not reset by the next start. */
	const char *fix = "school_year,region,name,start_date,end_date\n"
			  "2026-2027,noord,zomervakantie,2027-07-17,2027-08-29\n";
	must(holidays_parse(fix, strlen(fix), HOLIDAYS_AUTO, &b, &err), &err);
	must(store_calendar_import_holidays(f->db, &b, true, "test", f->user, &st, &err), &err);
	holidays_batch_release(&b);
	must(refdata_load(f->db, &err), &err);
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM school_holiday WHERE school_year = '2026-2027'"
				  " AND region = 'noord' AND kind = 'zomervakantie'"
				  " AND start_date = '2027-07-17' AND source = 'import'"),
			 1);
	assert_true(q(f->db, "SELECT COUNT(*) FROM audit_log WHERE object_type = 'school_holiday'") >= 3);
}

static void busy_periods_by_hand_and_from_ics(void **state)
{
	struct fixture *f = get(state);
	struct samen_err err;
	struct cal_busy b = {0, f->school_noord, BUSY_OPEN_DAY, day("2026-01-31"), day("2026-01-31"),
			     "Open dag"};
	int64_t id = 0;
	must(store_busy_add(f->db, &b, "hand", NULL, "test", f->user, &id, &err), &err);
	assert_true(id > 0);
	b.end = day("2026-01-01");
	assert_int_equal(store_busy_add(f->db, &b, "hand", NULL, "test", f->user, NULL, &err),
			 SAMEN_EINVAL);
	b.school_id = 999999;
	b.end = b.start;
	assert_int_equal(store_busy_add(f->db, &b, "hand", NULL, "test", f->user, NULL, &err),
			 SAMEN_ENOTFOUND);
	/* A school calendar from ICS, twice, then with one event moved. */
	size_t len;
	char *text = fixture_file("school_calendar.ics", &len);
	struct ics_items items;
	must(ics_read(text, len, day("2025-08-01"), day("2026-07-31"), &items, &err), &err);
	struct busy_import_stats st;
	must(store_busy_import_ics(f->db, f->school_midden, &items, "test", f->user, &st, &err), &err);
	assert_int_equal(st.added, 6);
	must(store_busy_import_ics(f->db, f->school_midden, &items, "test", f->user, &st, &err), &err);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.unchanged, 6);
	items.items[0].start = day("2026-02-02");
	items.items[0].end = day("2026-02-06");
	must(store_busy_import_ics(f->db, f->school_midden, &items, "test", f->user, &st, &err), &err);
	assert_int_equal(st.updated, 1);
	assert_int_equal(st.unchanged, 5);
	ics_items_release(&items);
	free(text);
	struct busy_row *rows;
	size_t n;
	must(store_busy_list(f->db, f->school_midden, day("2025-08-01"), day("2026-07-31"), &rows, &n,
			     &err),
	     &err);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].b.name, "Open dag");
	assert_int_equal(rows[0].b.kind, BUSY_OPEN_DAY);
	assert_string_equal(rows[1].b.name, "Toetsweek 2");
	assert_int_equal(rows[1].b.kind, BUSY_TEST_WEEK);
	assert_int_equal(rows[1].b.start, day("2026-02-02"));
	assert_string_equal(rows[1].source, "ics");
	int64_t toets = rows[1].b.id;
	free(rows);
	/* The calendar sees them for the school, not for another. */
	struct calendar c;
	calendar_init(&c);
	must(store_calendar_load_holidays(f->db, &c, &err), &err);
	int64_t ids[2] = {f->school_midden, f->school_noord};
	must(store_calendar_load_busy(f->db, &c, ids, 2, day("2025-08-01"), day("2026-07-31"), &err),
	     &err);
	assert_int_equal(c.n_busy, 7);
	struct cal_school *schools;
	must(store_calendar_schools(f->db, f->region, ids, 2, &schools, &err), &err);
	assert_int_equal(schools[0].region, CAL_MIDDEN);
	assert_int_equal(schools[1].region, CAL_NOORD);
	struct cal_scope scope = {schools, 2, 0, false};
	struct cal_reason r[4];
	assert_int_equal(calendar_day_reasons(&c, &scope, day("2026-02-04"), r, 4), 1);
	assert_int_equal(r[0].kind, CAL_R_BUSY);
	struct cal_scope only_noord = {&schools[1], 1, 0, false};
	assert_int_equal(calendar_day_reasons(&c, &only_noord, day("2026-02-04"), r, 4), 0);
	free(schools);
	calendar_release(&c);
	/* A school of another region is refused. */
	int64_t foreign[1] = {f->other_school};
	assert_int_equal(store_calendar_schools(f->db, f->region, foreign, 1, &schools, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "schools");
	/* Delete. */
	must(store_busy_delete(f->db, f->school_midden, toets, "test", f->user, &err), &err);
	assert_int_equal(store_busy_delete(f->db, f->school_noord, toets, "test", f->user, &err),
			 SAMEN_ENOTFOUND);
}

static int64_t make_series(struct fixture *f, struct series *s, struct samen_err *err)
{
	memset(s, 0, sizeof *s);
	s->region_id = f->region;
	snprintf(s->title, sizeof s->title, "Stuurgroep");
	snprintf(s->location, sizeof s->location, "Woerden");
	s->from = day("2025-09-01");
	s->to = day("2026-07-03");
	snprintf(s->weekdays, sizeof s->weekdays, "di,do");
	s->start_min = 15 * 60 + 30;
	s->end_min = 17 * 60;
	s->min_gap_weeks = 3;
	s->max_gap_weeks = 10;
	int64_t schools[2] = {f->school_midden, f->school_noord};
	s->school_ids = schools;
	s->n_schools = 2;
	must(store_series_attendees_parse("Co Ördinator <Coordinator@Test.nl>\n\n"
					  "\"Jan Jansen\" <jan@example.nl>\nanna@example.nl\n",
					  &s->attendees, &s->n_attendees, err),
	     err);
	long days[3] = {day("2025-09-30"), day("2025-11-18"), day("2026-01-13")};
	int64_t id = 0;
	must(store_series_create(f->db, s, days, 3, "test", f->user, &id, err), err);
	free(s->attendees);
	memset(s, 0, sizeof *s);
	return id;
}

static void series_meetings_and_moves(void **state)
{
	struct fixture *f = get(state);
	struct samen_err err;
	struct series s;
	int64_t id = make_series(f, &s, &err);
	must(store_series_get(f->db, f->region, id, &s, &err), &err);
	assert_string_equal(s.title, "Stuurgroep");
	assert_int_equal(s.start_min, 930);
	assert_int_equal(s.n_schools, 2);
	assert_int_equal(s.n_meetings, 3);
	assert_int_equal(s.n_attendees, 3);
	assert_string_equal(s.attendees[0].email, "coordinator@test.nl");
	assert_int_equal(s.attendees[0].user_id, f->user); /* linked to the account */
	assert_string_equal(s.attendees[1].name, "Jan Jansen");
	assert_int_equal(s.attendees[1].user_id, 0);
	assert_string_equal(s.attendees[2].name, "anna@example.nl");
	assert_string_equal(s.organizer_email, "coordinator@test.nl");
	char uid[96];
	snprintf(uid, sizeof uid, "%s", s.meetings[1].uid);
	assert_int_equal(strncmp(uid, "samen-", 6), 0);
	assert_non_null(strstr(uid, "-2@samen"));
	assert_int_equal(s.meetings[1].sequence, 0);
	int64_t mid = s.meetings[1].id;
	store_series_release(&s);
	/* Another region cannot see it. */
	assert_int_equal(store_series_get(f->db, f->other_region, id, &s, &err), SAMEN_ENOTFOUND);
	/* Move: same UID, SEQUENCE 1, still in date order. */
	must(store_series_move(f->db, id, mid, day("2025-11-20"), "test", f->user, &err), &err);
	assert_int_equal(store_series_move(f->db, id, mid, day("2026-01-13"), "test", f->user, &err),
			 SAMEN_EINVAL);
	assert_int_equal(store_series_move(f->db, id, 999999, day("2026-01-15"), "test", f->user, &err),
			 SAMEN_ENOTFOUND);
	must(store_series_get(f->db, 0, id, &s, &err), &err);
	assert_string_equal(s.meetings[1].uid, uid);
	assert_int_equal(s.meetings[1].sequence, 1);
	assert_int_equal(s.meetings[1].day, day("2025-11-20"));
	store_series_release(&s);
	/* The coordinator's feed sees the series. */
	int64_t *ids;
	size_t n;
	must(store_series_of_user(f->db, f->user, &ids, &n, &err), &err);
	assert_true(n >= 1);
	assert_int_equal(ids[n - 1], id);
	free(ids);
	struct series_summary *list;
	must(store_series_list(f->db, f->region, day("2025-12-01"), &list, &n, &err), &err);
	assert_true(n >= 1);
	assert_int_equal(list[0].id, id);
	assert_int_equal(list[0].meetings, 3);
	assert_int_equal(list[0].next_day, day("2026-01-13"));
	free(list);
	struct region_meeting *rm;
	must(store_series_region_meetings(f->db, f->region, day("2025-11-01"), day("2025-12-31"), &rm,
					  &n, &err),
	     &err);
	assert_int_equal(n, 1);
	assert_int_equal(rm[0].day, day("2025-11-20"));
	assert_int_equal(rm[0].start_min, 930);
	free(rm);
}

static void attendee_lists(void **state)
{
	(void)state;
	struct series_attendee *a;
	size_t n;
	struct samen_err err;
	assert_int_equal(store_series_attendees_parse("jan@example.nl\nJan <jan@example.nl>", &a, &n,
						      &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.msg, "jan@example.nl is listed twice");
	assert_int_equal(store_series_attendees_parse("Piet <piet.example.nl>", &a, &n, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "attendees");
	must(store_series_attendees_parse("", &a, &n, &err), &err);
	assert_int_equal(n, 0);
	free(a);
}

static void feeds_are_hashed_and_revocable(void **state)
{
	struct fixture *f = get(state);
	struct samen_err err;
	char token[FEED_TOKEN_LEN + 1];
	int64_t fid;
	must(store_feed_create(f->db, f->user, "Outlook", "test", token, &fid, &err), &err);
	assert_int_equal(strlen(token), FEED_TOKEN_LEN);
	int64_t user = 0;
	must(store_feed_user(f->db, token, &user, &err), &err);
	assert_int_equal(user, f->user);
	/* Only the hash is stored. */
	struct db_stmt *st;
	must(db_prepare(f->db, "SELECT COUNT(*) FROM calendar_feed WHERE token_hash = $1", &st, &err),
	     &err);
	db_bind_text(st, 1, token);
	assert_int_equal(db_step(st, &err), 1);
	assert_int_equal(db_col_int(st, 0), 0);
	db_finalize(st);
	assert_int_equal(q(f->db, "SELECT COUNT(*) FROM calendar_feed WHERE LENGTH(token_hash) = 64"
				  " AND last_used_at IS NOT NULL"),
			 1);
	token[3] = token[3] == 'a' ? 'b' : 'a';
	assert_int_equal(store_feed_user(f->db, token, &user, &err), SAMEN_ENOTFOUND);
	token[3] = token[3] == 'a' ? 'b' : 'a';
	assert_int_equal(store_feed_user(f->db, "../../etc/passwd", &user, &err), SAMEN_ENOTFOUND);
	must(store_feed_revoke(f->db, f->user, fid, "test", &err), &err);
	assert_int_equal(store_feed_user(f->db, token, &user, &err), SAMEN_ENOTFOUND);
	assert_int_equal(store_feed_revoke(f->db, f->user, fid, "test", &err), SAMEN_ENOTFOUND);
	struct feed_info *list;
	size_t n;
	must(store_feed_list(f->db, f->user, &list, &n, &err), &err);
	assert_int_equal(n, 1);
	assert_true(list[0].revoked_at[0] != '\0');
	free(list);
}

static void steps_and_lead_time(void **state)
{
	struct fixture *f = get(state);
	struct samen_err err;
	struct series s;
	int64_t series = make_series(f, &s, &err);
	int64_t a, b, c;
	must(store_step_add(f->db, f->region, "Afspraken zij-instromers uitwerken", "Werkgroep",
			    day("2026-02-01"), series, "test", f->user, &a, &err),
	     &err);
	must(store_step_add(f->db, f->region, "Belangengesprek voorbereiden", "Coördinator",
			    day("2026-03-01"), 0, "test", f->user, &b, &err),
	     &err);
	must(store_step_add(f->db, f->region, "Evaluatie pilot", "", 0, series, "test", f->user, &c,
			    &err),
	     &err);
	int64_t foreign = 0;
	assert_int_equal(store_step_add(f->db, f->other_region, "Stap", "", 0, series, "test", f->user,
					&foreign, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "series");
	struct collab_step *steps;
	size_t n;
	must(store_steps_list(f->db, f->region, day("2025-12-01"), &steps, &n, &err), &err);
	assert_int_equal(n, 3);
	/* Open steps by due date, then the one without a date. */
	assert_int_equal(steps[0].id, a);
	assert_int_equal(steps[0].next_meeting, day("2026-01-13"));
	assert_false(planner_step_lacks_meeting(steps[0].done, steps[0].due, steps[0].next_meeting));
	assert_int_equal(steps[1].id, b);
	assert_int_equal(steps[1].next_meeting, 0);
	assert_true(planner_step_lacks_meeting(steps[1].done, steps[1].due, steps[1].next_meeting));
	assert_int_equal(steps[2].id, c);
	free(steps);
	/* After the last meeting (13 January) the first step lacks one. */
	must(store_steps_list(f->db, f->region, day("2026-01-14"), &steps, &n, &err), &err);
	assert_int_equal(steps[0].next_meeting, 0);
	assert_true(planner_step_lacks_meeting(steps[0].done, steps[0].due, steps[0].next_meeting));
	free(steps);
	must(store_step_set_done(f->db, f->region, b, true, "test", f->user, &err), &err);
	assert_int_equal(store_step_set_done(f->db, f->other_region, b, true, "test", f->user, &err),
			 SAMEN_ENOTFOUND);
	must(store_steps_list(f->db, f->region, day("2026-01-14"), &steps, &n, &err), &err);
	assert_int_equal(steps[2].id, b); /* done steps last */
	assert_true(steps[2].done);
	assert_false(planner_step_lacks_meeting(steps[2].done, steps[2].due, steps[2].next_meeting));
	free(steps);
	/* A meeting only after the due date does not count. */
	assert_true(planner_step_lacks_meeting(false, day("2026-02-01"), day("2026-02-10")));
	assert_false(planner_step_lacks_meeting(false, day("2026-02-01"), day("2026-02-01")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_holidays_are_loaded_once),
		cmocka_unit_test(a_new_school_year_is_imported),
		cmocka_unit_test(busy_periods_by_hand_and_from_ics),
		cmocka_unit_test(series_meetings_and_moves),
		cmocka_unit_test(attendee_lists),
		cmocka_unit_test(feeds_are_hashed_and_revocable),
		cmocka_unit_test(steps_and_lead_time),
	};
	int failed = cmocka_run_group_tests_name("sqlite", tests, setup_sqlite, teardown);
	failed += cmocka_run_group_tests_name("postgresql", tests, setup_pg, teardown);
	return failed;
}
