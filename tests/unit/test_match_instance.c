/*
 * test_match_instance.c - matching instance files (formats/match_instance.h)
 * and their solve (core/match_instance_solve.h): a valid file parsed field
 * by field, every class of bad input with its exact field path, every
 * prefix of a valid file refused cleanly, the size caps, the
 * hand-computed optimum of tests/fixtures/match/small.json (a clash forces
 * a second person for the lessons; the hours part gets the spare hours the
 * lessons left, declined pairs never used) and travel.json (travel between
 * schools, a missing pair unreachable), and the solve equal to the optimisers'
 * answers when the same models are built directly.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/match_instance_solve.h"
#include "formats/match_instance.h"
#include "optim/assign.h"
#include "optim/lessons.h"
#include "util/err.h"

#ifndef SAMEN_SOURCE_DIR
#define SAMEN_SOURCE_DIR "."
#endif

static void load(const char *name, struct match_instance *in)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/match/%s", SAMEN_SOURCE_DIR, name);
	struct samen_err err;
	samen_err_clear(&err);
	int rc = match_instance_load(path, in, &err);
	if (rc)
		fprintf(stderr, "%s: %s: %s\n", name, err.field, err.msg);
	assert_int_equal(rc, 0);
}

static void test_parse_valid(void **state)
{
	(void)state;
	struct match_instance in;
	load("small.json", &in);
	assert_int_equal(in.settings.fair_band_quarters, 4);
	assert_int_equal(in.settings.fair_bands, 4);
	assert_int_equal(in.settings.fair_band_minutes, 200);
	assert_int_equal(in.settings.time_limit_ms, 0);
	assert_int_equal(in.nrequests, 3);
	assert_int_equal(in.requests[0].id, 1);
	assert_false(in.requests[0].has_lessons);
	assert_int_equal(in.requests[0].quarters, 26); /* 6.5 hours */
	assert_int_equal(in.requests[0].priority, 2);
	assert_true(in.requests[1].has_lessons);
	assert_int_equal(in.requests[1].nlessons, 2);
	assert_int_equal(in.requests[2].priority, 1); /* default */
	assert_int_equal(in.requests[2].board, 12);
	assert_int_equal(in.requests[2].quarters, 8);
	assert_int_equal(in.nlessons, 2);
	assert_int_equal(in.lessons[0].id, 21);
	assert_int_equal(in.lessons[0].request, 1);
	assert_int_equal(in.lessons[0].day, 1);
	assert_int_equal(in.lessons[0].start, 8 * 60 + 30);
	assert_int_equal(in.lessons[0].end, 9 * 60 + 20);
	assert_int_equal(in.lessons[1].start, 9 * 60);
	assert_int_equal(in.nstaff, 3);
	assert_int_equal(in.staff[0].quarters, 22); /* 5.5 hours */
	assert_int_equal(in.staff[1].school, 3);
	assert_int_equal(in.ncandidates, 6);
	assert_int_equal(in.candidates[0].request, 1);
	assert_int_equal(in.candidates[0].staff, 0);
	assert_true(in.candidates[0].all_lessons);
	assert_true(in.candidates[0].allowed);
	assert_false(in.candidates[1].all_lessons);
	assert_int_equal(in.candidates[1].n, 1);
	assert_int_equal(in.cand_lessons[in.candidates[1].first], 1); /* lesson 22 */
	assert_int_equal(in.candidates[1].travel, 20);
	assert_false(in.candidates[3].allowed);
	/* Travel: the pair, the reverse pair, unknown, the same school. */
	assert_int_equal(match_instance_travel_between(&in, 1, 2), 14);
	assert_int_equal(match_instance_travel_between(&in, 2, 1), 14);
	assert_int_equal(match_instance_travel_between(&in, 1, 3), 20);
	assert_int_equal(match_instance_travel_between(&in, 2, 3), 1440);
	assert_int_equal(match_instance_travel_between(&in, 5, 5), 0);
	match_instance_release(&in);
	assert_null(in.requests);
}

#define R1 "{\"id\":1,\"board\":10,\"school\":1,\"hours\":2}"
#define R2 "{\"id\":2,\"board\":10,\"school\":1,\"lessons\":[{\"id\":21,\"day\":1,\"start\":\"08:30\",\"end\":\"09:20\"}]}"
#define S7 "{\"id\":7,\"board\":11,\"school\":2,\"hours\":5.5}"
#define DOC(req, staff, cand) \
	"{\"samen_match_instance\":1,\"requests\":[" req "],\"staff\":[" staff "],\"candidates\":[" cand "]}"

struct bad_case {
	const char *doc;
	int code;
	long line;
	const char *field, *msg;
};

static const struct bad_case bad_cases[] = {
	{"{\"samen_match_instance\":1,\n\"requests\": [,]}", SAMEN_EINVAL, 2, "",
	 "JSON syntax error at line 2, column"},
	{"[1]", SAMEN_EINVAL, 0, "", "must be a JSON object"},
	{"{\"requests\":[],\"staff\":[],\"candidates\":[]}", SAMEN_EINVAL, 0,
	 "samen_match_instance", "missing"},
	{"{\"samen_match_instance\":2,\"requests\":[],\"staff\":[],\"candidates\":[]}", SAMEN_EINVAL,
	 0, "samen_match_instance", "unsupported version"},
	{"{\"samen_match_instance\":1,\"requests\":[],\"staff\":[],\"candidates\":[],\"extra\":1}",
	 SAMEN_EINVAL, 0, "extra", "unknown field"},
	{"{\"samen_match_instance\":1,\"staff\":[],\"candidates\":[]}", SAMEN_EINVAL, 0, "requests",
	 "missing"},
	{"{\"samen_match_instance\":1,\"requests\":{},\"staff\":[],\"candidates\":[]}", SAMEN_EINVAL,
	 0, "requests", "must be an array"},
	{"{\"samen_match_instance\":1,\"settings\":{\"fair_bands\":17},\"requests\":[],\"staff\":[],"
	 "\"candidates\":[]}",
	 SAMEN_EINVAL, 0, "settings.fair_bands", "between 1 and 16"},
	{"{\"samen_match_instance\":1,\"settings\":{\"fair_band_hours\":1.1},\"requests\":[],"
	 "\"staff\":[],\"candidates\":[]}",
	 SAMEN_EINVAL, 0, "settings.fair_band_hours", "multiple of 0.25"},
	{"{\"samen_match_instance\":1,\"settings\":{\"time_limit\":5},\"requests\":[],\"staff\":[],"
	 "\"candidates\":[]}",
	 SAMEN_EINVAL, 0, "settings.time_limit", "unknown field"},
	{DOC(R1 ",{\"id\":2,\"board\":10,\"school\":1,\"lessons\":[{\"id\":21,\"day\":1,\"start\":"
		"\"08:30\",\"end\":\"09:20\"},{\"id\":22,\"day\":2,\"start\":\"8:30\",\"end\":\"09:20\"}]}",
	     "", ""),
	 SAMEN_EINVAL, 0, "requests[1].lessons[1].start", "must be HH:MM between 00:00 and 24:00"},
	{DOC("{\"id\":2,\"board\":10,\"school\":1,\"lessons\":[{\"id\":21,\"day\":1,\"start\":"
	     "\"09:30\",\"end\":\"24:01\"}]}", "", ""),
	 SAMEN_EINVAL, 0, "requests[0].lessons[0].end", "must be HH:MM between 00:00 and 24:00"},
	{DOC("{\"id\":2,\"board\":10,\"school\":1,\"lessons\":[{\"id\":21,\"day\":1,\"start\":"
	     "\"09:30\",\"end\":\"09:30\"}]}", "", ""),
	 SAMEN_EINVAL, 0, "requests[0].lessons[0].end", "must be after start"},
	{DOC("{\"id\":2,\"board\":10,\"school\":1,\"lessons\":[{\"id\":21,\"day\":8,\"start\":"
	     "\"09:30\",\"end\":\"10:00\"}]}", "", ""),
	 SAMEN_EINVAL, 0, "requests[0].lessons[0].day", "between 1 and 7"},
	{DOC("{\"id\":2,\"board\":10,\"school\":1,\"lessons\":[]}", "", ""), SAMEN_EINVAL, 0,
	 "requests[0].lessons", "at least one lesson"},
	{DOC("{\"id\":1,\"board\":10,\"school\":1,\"hours\":6.3}", "", ""), SAMEN_EINVAL, 0,
	 "requests[0].hours", "multiple of 0.25"},
	{DOC("{\"id\":1,\"board\":10,\"school\":1,\"hours\":250.25}", "", ""), SAMEN_EINVAL, 0,
	 "requests[0].hours", "between 0 and 250 hours"},
	{DOC("{\"id\":1,\"board\":10,\"school\":1,\"hours\":\"6\"}", "", ""), SAMEN_EINVAL, 0,
	 "requests[0].hours", "must be a number"},
	{DOC("{\"id\":1,\"board\":10,\"school\":1,\"hours\":2,\"priority\":10}", "", ""),
	 SAMEN_EINVAL, 0, "requests[0].priority", "between 1 and 9"},
	{DOC("{\"id\":1,\"board\":10,\"school\":1}", "", ""), SAMEN_EINVAL, 0, "requests[0]",
	 "needs hours"},
	{DOC("{\"id\":1,\"board\":10,\"school\":1,\"hours\":1,\"lessons\":[]}", "", ""),
	 SAMEN_EINVAL, 0, "requests[0]", "both hours and lessons"},
	{DOC("{\"id\":1,\"board\":10,\"hours\":1}", "", ""), SAMEN_EINVAL, 0, "requests[0].school",
	 "missing"},
	{DOC("{\"id\":1,\"board\":2147483648,\"school\":1,\"hours\":1}", "", ""), SAMEN_EINVAL, 0,
	 "requests[0].board", "between 1 and 2147483647"},
	{DOC(R1 "," R2 "," R1, "", ""), SAMEN_EINVAL, 0, "requests[2].id",
	 "duplicate id 1 (also requests[0])"},
	{DOC(R2 ",{\"id\":3,\"board\":10,\"school\":1,\"lessons\":[{\"id\":21,\"day\":1,\"start\":"
		"\"10:30\",\"end\":\"11:20\"}]}", "", ""),
	 SAMEN_EINVAL, 0, "requests[1].lessons[0].id",
	 "duplicate lesson id 21 (also requests[0].lessons[0])"},
	{DOC(R1, S7 "," S7, ""), SAMEN_EINVAL, 0, "staff[1].id", "duplicate id 7 (also staff[0])"},
	{DOC(R1, "{\"id\":7,\"board\":11,\"school\":2,\"hours\":-1}", ""), SAMEN_EINVAL, 0,
	 "staff[0].hours", "between 0 and 250 hours"},
	{DOC(R1, S7, "{\"request\":1,\"staff\":7,\"travel\":14},{\"request\":9,\"staff\":7,"
		     "\"travel\":1}"),
	 SAMEN_EINVAL, 0, "candidates[1].request", "no request with id 9"},
	{DOC(R1, S7, "{\"request\":1,\"staff\":8,\"travel\":14}"), SAMEN_EINVAL, 0,
	 "candidates[0].staff", "no staff with id 8"},
	{DOC(R1, S7, "{\"request\":1,\"staff\":7,\"travel\":1441}"), SAMEN_EINVAL, 0,
	 "candidates[0].travel", "between 0 and 1440"},
	{DOC(R1, S7, "{\"request\":1,\"staff\":7}"), SAMEN_EINVAL, 0, "candidates[0].travel",
	 "missing"},
	{DOC(R1, S7, "{\"request\":1,\"staff\":7,\"travel\":1,\"allowed\":0}"), SAMEN_EINVAL, 0,
	 "candidates[0].allowed", "true or false"},
	{DOC(R1, S7, "{\"request\":1,\"staff\":7,\"travel\":1,\"lessons\":[21]}"), SAMEN_EINVAL, 0,
	 "candidates[0].lessons", "request 1 asks for hours per week"},
	{DOC(R1 "," R2, S7, "{\"request\":2,\"staff\":7,\"travel\":1,\"lessons\":[21,22]}"),
	 SAMEN_EINVAL, 0, "candidates[0].lessons[1]", "no lesson with id 22"},
	{DOC(R2 ",{\"id\":3,\"board\":10,\"school\":1,\"lessons\":[{\"id\":31,\"day\":1,\"start\":"
		"\"10:30\",\"end\":\"11:20\"}]}",
	     S7, "{\"request\":2,\"staff\":7,\"travel\":1,\"lessons\":[31]}"),
	 SAMEN_EINVAL, 0, "candidates[0].lessons[0]", "lesson 31 is not a lesson of request 2"},
	{DOC(R2, S7, "{\"request\":2,\"staff\":7,\"travel\":1,\"lessons\":[21,21]}"), SAMEN_EINVAL,
	 0, "candidates[0].lessons[1]", "lesson 21 listed twice"},
	{DOC(R1 "," R2, S7, "{\"request\":1,\"staff\":7,\"travel\":1},{\"request\":2,\"staff\":7,"
			    "\"travel\":1},{\"request\":1,\"staff\":7,\"travel\":3}"),
	 SAMEN_EINVAL, 0, "candidates[2]",
	 "duplicate pair of request 1 and staff 7 (also candidates[0])"},
	{"{\"samen_match_instance\":1,\"travel\":[{\"from\":1,\"to\":2,\"minutes\":3},"
	 "{\"from\":2,\"to\":1,\"minutes\":3},{\"from\":1,\"to\":2,\"minutes\":4}],"
	 "\"requests\":[],\"staff\":[],\"candidates\":[]}",
	 SAMEN_EINVAL, 0, "travel[2]", "duplicate pair from 1 to 2 (also travel[0])"},
	{"{\"samen_match_instance\":1,\"travel\":[{\"from\":1,\"to\":1,\"minutes\":3}],"
	 "\"requests\":[],\"staff\":[],\"candidates\":[]}",
	 SAMEN_EINVAL, 0, "travel[0].to", "the same school"},
	{"{\"samen_match_instance\":1,\"travel\":[{\"from\":1,\"to\":2,\"minutes\":1441}],"
	 "\"requests\":[],\"staff\":[],\"candidates\":[]}",
	 SAMEN_EINVAL, 0, "travel[0].minutes", "between 0 and 1440"},
};

static void test_bad_inputs(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];
		struct match_instance in;
		struct samen_err err;
		samen_err_clear(&err);
		int rc = match_instance_parse(c->doc, strlen(c->doc), &in, &err);
		if (rc != c->code || err.line != c->line || strcmp(err.field, c->field) != 0 ||
		    !strstr(err.msg, c->msg))
			fprintf(stderr, "case %zu: rc %d line %ld field [%s] msg [%s]\n", i, rc,
				err.line, err.field, err.msg);
		assert_int_equal(rc, c->code);
		assert_int_equal(err.line, c->line);
		assert_string_equal(err.field, c->field);
		assert_non_null(strstr(err.msg, c->msg));
		assert_null(in.requests); /* empty on failure */
		assert_int_equal(in.nrequests, 0);
	}
}

/* Every proper prefix of a valid file fails cleanly (ASan: no leak or overread on any path). */
static void test_every_prefix(void **state)
{
	(void)state;
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/match/small.json", SAMEN_SOURCE_DIR);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char text[8192];
	size_t len = fread(text, 1, sizeof text, f);
	fclose(f);
	assert_true(len > 100 && len < sizeof text);
	size_t last = len;
	while (last > 0 && text[last - 1] != '}')
		last--;
	for (size_t n = 0; n <= len; n++) {
		struct match_instance in;
		struct samen_err err;
		samen_err_clear(&err);
		int rc = match_instance_parse(text, n, &in, &err);
		if (n < last) {
			assert_int_equal(rc, SAMEN_EINVAL);
			assert_true(err.line >= 1);
			assert_null(in.requests);
		} else {
			assert_int_equal(rc, 0);
			assert_int_equal(in.ncandidates, 6);
			match_instance_release(&in);
		}
	}
}

static void test_caps(void **state)
{
	(void)state;
	struct match_instance in;
	struct samen_err err;
	samen_err_clear(&err);
	const char doc[] = "{}";
	/* The size is checked before the text is read. */
	assert_int_equal(match_instance_parse(doc, MATCH_INSTANCE_FILE_MAX + 1, &in, &err),
			 SAMEN_ETOOBIG);
	assert_int_equal(match_instance_load("/nonexistent/x.json", &in, &err), SAMEN_EIO);
	/* Empty but valid. */
	const char empty[] = DOC("", "", "");
	assert_int_equal(match_instance_parse(empty, strlen(empty), &in, &err), 0);
	struct match_solution s;
	assert_int_equal(match_instance_solve(&in, &s, &err), 0);
	assert_int_equal(s.nlines, 0);
	assert_int_equal(s.hours_wanted, 0);
	assert_true(s.lessons_proven);
	match_solution_release(&s);
	match_instance_release(&in);
}

static const struct match_solution_line *find_line(const struct match_solution *s, int64_t req,
						    int64_t staff)
{
	for (size_t i = 0; i < s->nlines; i++)
		if (s->lines[i].request_id == req && s->lines[i].staff_id == staff)
			return &s->lines[i];
	return NULL;
}

/*
 * small.json by hand. Lessons: 21 (08:30-09:20) and 22 (09:00-09:50) clash,
 * staff 8 fits only 22, so 7 gives 21 and 8 gives 22: 100 minutes, priority
 * (2-1) x 100, travel 14 + 20, fairness f(100) + f(50) + f(50) = 200 (board
 * 10 takes 100, boards 11 and 12 give 50; bands of 200 minutes). Each line
 * is 50 minutes = 83 centi-hours. Hours: 7 has 550 - 83 = 467 centi-hours
 * left = 18 quarters, 8 has 200 - 83 = 117 = 4 quarters, 9 declined request
 * 1. Request 1 (26 quarters, priority 2) takes all 18 of 7, request 3 the 4
 * of 8 (its own board): 22 of 34 quarters, priority 18, travel 18 x 14 =
 * 252, fairness: boards 10 and 11 at 18 quarters each, bands of 4 with
 * slopes 1..4: 4 + 8 + 12 + 6 x 4 = 48 each, 96.
 */
static void test_small_optimum(void **state)
{
	(void)state;
	struct match_instance in;
	struct match_solution s;
	struct samen_err err;
	load("small.json", &in);
	assert_int_equal(match_instance_solve(&in, &s, &err), 0);
	assert_true(s.lessons_proven);
	assert_int_equal(s.lessons_wanted, 2);
	assert_int_equal(s.lessons_covered, 2);
	assert_int_equal(s.lesson_options, 3);
	assert_int_equal(s.lesson_minutes_wanted, 100);
	assert_int_equal(s.lesson_minutes_covered, 100);
	assert_int_equal(s.lesson_bound, 100);
	assert_int_equal(s.lesson_priority, 100);
	assert_int_equal(s.lesson_travel, 34);
	assert_int_equal(s.lesson_fairness, 200);
	assert_int_equal(s.quarters_wanted, 34);
	assert_int_equal(s.quarters_covered, 22);
	assert_int_equal(s.hour_priority, 18);
	assert_int_equal(s.hour_travel, 252);
	assert_int_equal(s.hour_fairness, 96);
	assert_int_equal(s.hour_staff, 3); /* 9 joins the model too: the declined pair is recorded */
	assert_int_equal(s.hours_wanted, 166 + 850);
	assert_int_equal(s.hours_covered, 83 + 83 + 450 + 100);
	assert_int_equal(s.nlines, 4);
	const struct match_solution_line *l = find_line(&s, 2, 7);
	assert_non_null(l);
	assert_int_equal(l->hours, 83);
	assert_int_equal(l->minutes, 50);
	assert_int_equal(l->travel, 14);
	assert_int_equal(l->board, 11);
	assert_int_equal(l->nlessons, 1);
	assert_int_equal(s.lesson_ids[l->first_lesson], 21);
	assert_non_null(l = find_line(&s, 2, 8));
	assert_int_equal(l->nlessons, 1);
	assert_int_equal(s.lesson_ids[l->first_lesson], 22);
	assert_int_equal(l->travel, 20);
	assert_non_null(l = find_line(&s, 1, 7));
	assert_int_equal(l->hours, 450);
	assert_int_equal(l->nlessons, 0);
	assert_non_null(l = find_line(&s, 3, 8));
	assert_int_equal(l->hours, 100);
	assert_int_equal(l->travel, 0);
	assert_int_equal(l->board, 12);
	assert_null(find_line(&s, 1, 9)); /* declined */
	assert_null(find_line(&s, 3, 7));
	/* Lesson lines first. */
	assert_int_not_equal(s.lines[0].nlessons, 0);
	assert_int_not_equal(s.lines[1].nlessons, 0);
	match_solution_release(&s);
	match_instance_release(&in);
}

/*
 * travel.json: one person; 311 at school 1 ends 09:20, 321 at school 4
 * starts 09:30 and the table has only 4 -> 1 = 10 minutes, so the reverse
 * pair makes them fit; 331 at school 5 (no pair: unreachable) clashes with
 * both, so covering 311 and 321 (100 minutes) beats 331 (50 minutes at
 * priority 9): level 1 comes first.
 */
static void test_travel_between_schools(void **state)
{
	(void)state;
	struct match_instance in;
	struct match_solution s;
	struct samen_err err;
	load("travel.json", &in);
	assert_int_equal(match_instance_solve(&in, &s, &err), 0);
	assert_true(s.lessons_proven);
	assert_int_equal(s.lessons_wanted, 3);
	assert_int_equal(s.lessons_covered, 2);
	assert_int_equal(s.lesson_minutes_covered, 100);
	assert_int_equal(s.lesson_priority, 0);
	assert_int_equal(s.lesson_travel, 10);
	assert_non_null(find_line(&s, 31, 5));
	assert_non_null(find_line(&s, 32, 5));
	assert_null(find_line(&s, 33, 5));
	assert_int_equal(s.hour_requests, 0);
	match_solution_release(&s);
	match_instance_release(&in);
}

/* The travel table of small.json for the direct model. */
static int32_t small_travel(void *ctx, int32_t from, int32_t to)
{
	(void)ctx;
	if (from == to)
		return 0;
	if ((from == 1 && to == 2) || (from == 2 && to == 1))
		return 14;
	if ((from == 1 && to == 3) || (from == 3 && to == 1))
		return 20;
	return LESSONS_TRAVEL_MAX;
}

/* small.json built directly with optim/lessons.h and optim/assign.h. */
static void test_equals_direct_models(void **state)
{
	(void)state;
	struct match_instance in;
	struct match_solution s;
	struct samen_err err;
	load("small.json", &in);
	assert_int_equal(match_instance_solve(&in, &s, &err), 0);

	struct lessons_params lp = {200, 4, 0};
	struct lessons_model *lm;
	assert_int_equal(lessons_new(&lm, &lp, small_travel, NULL, &err), 0);
	struct lessons_request lr = {2, 10, 1, 2};
	int32_t r, a, b, s7, s8;
	assert_int_equal(lessons_add_request(lm, &lr, &r, &err), 0);
	struct lessons_lesson l21 = {21, r, 1, 510, 560}, l22 = {22, r, 1, 540, 590};
	assert_int_equal(lessons_add_lesson(lm, &l21, &a, &err), 0);
	assert_int_equal(lessons_add_lesson(lm, &l22, &b, &err), 0);
	struct lessons_staff st7 = {7, 11, 2, 330}, st8 = {8, 12, 3, 120};
	assert_int_equal(lessons_add_staff(lm, &st7, &s7, &err), 0);
	assert_int_equal(lessons_add_option(lm, s7, a, 14, true, &err), 0);
	assert_int_equal(lessons_add_option(lm, s7, b, 14, true, &err), 0);
	assert_int_equal(lessons_add_staff(lm, &st8, &s8, &err), 0);
	assert_int_equal(lessons_add_option(lm, s8, b, 20, true, &err), 0);
	struct lessons_result lres;
	assert_int_equal(lessons_solve(lm, &lres, &err), 0);
	assert_int_equal(lres.status, LESSONS_OPTIMAL);
	assert_int_equal(s.lesson_minutes_covered, lres.minutes_covered);
	assert_int_equal(s.lesson_priority, lres.priority_covered);
	assert_int_equal(s.lesson_travel, lres.travel);
	assert_int_equal(s.lesson_fairness, lres.fairness);
	assert_int_equal(s.lessons_covered, lres.nlines);
	for (size_t i = 0; i < lres.nlines; i++) {
		const struct match_solution_line *l =
			find_line(&s, lres.lines[i].request_id, lres.lines[i].staff_id);
		assert_non_null(l);
		assert_int_equal(s.lesson_ids[l->first_lesson], lres.lines[i].lesson_id);
	}

	/* Hours: spare less the lesson part (83 centi-hours each), in quarters. */
	struct assign_params ap = {4, 4};
	struct assign_model *am;
	assert_int_equal(assign_new(&am, &ap, &err), 0);
	struct assign_request q1 = {1, 10, 26, 2}, q3 = {3, 12, 8, 1};
	struct assign_staff a7 = {7, 11, (550 - 83) / 25}, a9 = {9, 10, 12}, a8 = {8, 12, (200 - 83) / 25};
	int32_t r1, r3, i7, i8, i9;
	assert_int_equal(assign_add_request(am, &q1, &r1, &err), 0);
	assert_int_equal(assign_add_staff(am, &a7, &i7, &err), 0);
	assert_int_equal(assign_add_candidate(am, r1, i7, 14, true, NULL, &err), 0);
	assert_int_equal(assign_add_staff(am, &a9, &i9, &err), 0);
	assert_int_equal(assign_add_candidate(am, r1, i9, 0, false, NULL, &err), 0);
	assert_int_equal(assign_add_request(am, &q3, &r3, &err), 0);
	assert_int_equal(assign_add_candidate(am, r3, i7, 30, true, NULL, &err), 0);
	assert_int_equal(assign_add_staff(am, &a8, &i8, &err), 0);
	assert_int_equal(assign_add_candidate(am, r3, i8, 0, true, NULL, &err), 0);
	struct assign_result ares;
	assert_int_equal(assign_solve(am, MCF_COLD, &ares, &err), 0);
	assert_int_equal(s.quarters_wanted, ares.hours_wanted);
	assert_int_equal(s.quarters_covered, ares.hours_covered);
	assert_int_equal(s.hour_priority, ares.priority_covered);
	assert_int_equal(s.hour_travel, ares.travel);
	assert_int_equal(s.hour_fairness, ares.fairness);
	size_t n = 0;
	for (size_t i = 0; i < ares.nlines; i++) {
		if (ares.lines[i].hours <= 0)
			continue;
		n++;
		const struct match_solution_line *l =
			find_line(&s, ares.lines[i].request_id, ares.lines[i].staff_id);
		assert_non_null(l);
		assert_int_equal(l->hours, ares.lines[i].hours * 25);
		assert_int_equal(l->travel, ares.lines[i].travel);
	}
	assert_int_equal(n + lres.nlines, s.nlines); /* one lesson per lesson line here */
	assign_result_release(&ares);
	assign_free(am);
	lessons_result_release(&lres);
	lessons_free(lm);
	match_solution_release(&s);
	match_instance_release(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_every_prefix),
		cmocka_unit_test(test_caps),
		cmocka_unit_test(test_small_optimum),
		cmocka_unit_test(test_travel_between_schools),
		cmocka_unit_test(test_equals_direct_models),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
