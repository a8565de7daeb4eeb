/*
 * test_planner.c - the year planner on the real school years 2025-2026 and
 * 2026-2027, with schools in different holiday regions.
 *
 * Every expected plan below is worked out by hand in the comment above its
 * assertions (weeks are counted from the Monday of the first week, the
 * ideal week of meeting k is first + (k + 1/2) * span / N, a week next to a
 * holiday week costs 1.5 weeks²). Covered: no meeting in any holiday of any
 * involved region; the rejected weeks and their reasons (the toetsweek of
 * 9 February); the spacing rules; Bevrijdingsdag in 2025 but not 2027;
 * Koningsdag 2028 on its own; every infeasible case names its binding
 * constraint and the checked fixes; alternatives for one meeting; bad input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/planner.h"
#include "util/date.h"

static long day(const char *iso)
{
	long d = 0;
	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

static void iso(long d, char out[11])
{
	date_format(d, out);
}

struct fx {
	struct calendar c;
	struct cal_school schools[3];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	calendar_init(&f->c);
	struct samen_err err;
	if (calendar_load_embedded(&f->c, &err) != 0)
		return -1;
	f->schools[0] = (struct cal_school){11, CAL_NOORD, "Noorder College"};
	f->schools[1] = (struct cal_school){22, CAL_ZUID, "Zuider Lyceum"};
	f->schools[2] = (struct cal_school){33, CAL_MIDDEN, "Midden Mavo"};
	/* The noord school's test week of 9-13 February 2026 (story 5 of STORIES.md). */
	struct cal_busy b = {0, 11, BUSY_TEST_WEEK, day("2026-02-09"), day("2026-02-13"),
			     "Toetsweek 2"};
	if (calendar_add_busy(&f->c, &b, 0, &err) != 0)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	calendar_release(&f->c);
	free(f);
	return 0;
}

static void request(struct plan_request *r, const struct cal_school *s, size_t n, const char *from,
		    const char *to, int count, const char *weekdays, int min_gap, int max_gap)
{
	struct samen_err err;
	memset(r, 0, sizeof *r);
	r->scope.schools = s;
	r->scope.n_schools = n;
	r->from = day(from);
	r->to = day(to);
	r->count = count;
	assert_int_equal(planner_weekdays_parse(weekdays, r, &err), 0);
	assert_int_equal(planner_time_parse("15:30-17:00", r, &err), 0);
	r->min_gap_weeks = min_gap;
	r->max_gap_weeks = max_gap;
}

static bool reason_in_week(const struct fx *f, const struct plan_request *r,
			   const struct plan_result *res, size_t w, const char *text)
{
	const struct plan_week *pw = &res->weeks[w];
	for (size_t i = pw->first_reason; i < pw->first_reason + pw->n_reasons; i++) {
		char t[160];
		calendar_reason_text(&f->c, &r->scope, &res->reasons[i].r, t, sizeof t);
		if (strcmp(t, text) == 0)
			return true;
	}
	return false;
}

static size_t week_of(const struct plan_result *res, const char *monday)
{
	long m = day(monday);
	for (size_t w = 0; w < res->n_weeks; w++)
		if (res->weeks[w].monday == m)
			return w;
	fail_msg("no week %s", monday);
	return 0;
}

/* No meeting day lies in any holiday of an involved region or on a national day off. */
static void assert_no_meeting_in_holidays(const struct fx *f, const struct plan_request *r,
					  const struct plan_result *res)
{
	unsigned regions = calendar_scope_regions(&r->scope);
	for (size_t m = 0; m < res->n_meetings; m++) {
		long d = res->meetings[m].day;
		for (size_t i = 0; i < f->c.n_holidays; i++) {
			const struct cal_holiday *h = &f->c.holidays[i];
			if (!(regions & (1u << h->region)) || h->kind == CAL_MEI_ADVIES)
				continue;
			assert_false(d >= h->start && d <= h->end);
		}
		for (size_t i = 0; i < f->c.n_nationals; i++)
			assert_false(f->c.nationals[i].day_off && f->c.nationals[i].day == d);
		struct cal_reason why[4];
		assert_int_equal(calendar_day_reasons(&f->c, &r->scope, d, why, 4), 0);
		int wd = date_weekday(d);
		bool allowed = false;
		for (int i = 0; i < r->n_weekdays; i++)
			allowed = allowed || r->weekdays[i] == wd;
		assert_true(allowed);
		assert_true(d >= r->from && d <= r->to);
	}
}

static void noord_and_zuid_2025_2026(void **state)
{
	struct fx *f = *state;
	const struct cal_school two[2] = {f->schools[0], f->schools[1]};
	struct plan_request r;
	request(&r, two, 2, "2025-09-01", "2026-07-03", 6, "di,do", 3, 10);
	struct plan_result res;
	struct samen_err err;
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_true(res.feasible);
	/*
	 * 44 weeks from 1 September 2025 to 29 June 2026. Rejected (Tuesday and
	 * Thursday): herfst zuid (13 Oct), herfst noord (20 Oct), kerst (22 and
	 * 29 Dec), the toetsweek (9 Feb), voorjaar zuid (16 Feb), voorjaar noord
	 * (23 Feb), mei (27 Apr): 36 free weeks, span 44, ideal gap 44/6.
	 */
	assert_int_equal(res.n_weeks, 44);
	assert_int_equal(res.free_weeks, 36);
	assert_true(res.ideal_gap_weeks > 7.333 && res.ideal_gap_weeks < 7.334);
	/*
	 * Ideal weeks 3.67, 11, 18.33, 25.67, 33, 40.33:
	 *  4 (30 Sep, 0.11); 11 (18 Nov, 0); 19 (13 Jan, 0.44) beats 18 (next to
	 *  kerst: 0.11 + 1.5); 26 (3 Mar, next to voorjaar: 0.11 + 1.5) beats 27
	 *  (1.78); 32 (14 Apr, 1.0) beats 33 (next to mei: 1.5); 40 (9 Jun, 0.11).
	 */
	const char *expect[6] = {"2025-09-30", "2025-11-18", "2026-01-13",
				 "2026-03-03", "2026-04-14", "2026-06-09"};
	const int gaps[6] = {0, 7, 8, 7, 6, 8};
	assert_int_equal(res.n_meetings, 6);
	for (size_t m = 0; m < 6; m++) {
		char d[11];
		iso(res.meetings[m].day, d);
		assert_string_equal(d, expect[m]);
		assert_int_equal(res.meetings[m].gap_weeks, gaps[m]);
	}
	assert_true(res.cost > 3.277 && res.cost < 3.279); /* 0.11+0+0.44+1.61+1+0.11 */
	assert_no_meeting_in_holidays(f, &r, &res);
	/* Reasons per rejected week. */
	size_t w = week_of(&res, "2026-02-09");
	assert_false(res.weeks[w].free);
	assert_int_equal(res.weeks[w].n_reasons, 1);
	assert_true(reason_in_week(f, &r, &res, w, "toetsweek 'Toetsweek 2' (Noorder College)"));
	assert_int_equal(res.reasons[res.weeks[w].first_reason].weekdays, (1u << 2) | (1u << 4));
	assert_true(reason_in_week(f, &r, &res, week_of(&res, "2025-10-13"), "herfstvakantie (zuid)"));
	assert_true(reason_in_week(f, &r, &res, week_of(&res, "2025-10-20"), "herfstvakantie (noord)"));
	w = week_of(&res, "2025-12-22");
	assert_int_equal(res.weeks[w].n_reasons, 3);
	assert_true(reason_in_week(f, &r, &res, w, "Eerste Kerstdag"));
	/* Eerste Kerstdag (Thursday 25 December) blocks only the Thursday. */
	for (size_t i = 0; i < res.weeks[w].n_reasons; i++)
		if (res.reasons[res.weeks[w].first_reason + i].r.kind == CAL_R_NATIONAL)
			assert_int_equal(res.reasons[res.weeks[w].first_reason + i].weekdays, 1u << 4);
	assert_true(reason_in_week(f, &r, &res, week_of(&res, "2026-04-27"), "meivakantie (noord)"));
	assert_true(res.weeks[week_of(&res, "2026-03-02")].near_holiday);
	/* Deterministic. */
	struct plan_result again;
	assert_int_equal(planner_plan(&f->c, &r, &again, &err), 0);
	for (size_t m = 0; m < 6; m++)
		assert_int_equal(again.meetings[m].day, res.meetings[m].day);
	planner_result_release(&again);
	planner_result_release(&res);
}

static void three_regions_2026_2027(void **state)
{
	struct fx *f = *state;
	struct plan_request r;
	request(&r, f->schools, 3, "2026-08-31", "2027-07-09", 10, "ma,wo", 2, 8);
	struct plan_result res;
	struct samen_err err;
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_true(res.feasible);
	/*
	 * 45 weeks (31 Aug 2026 - 5 Jul 2027; noord's summer starts 10 July).
	 * Rejected: herfst noord (12 Oct), herfst midden/zuid (19 Oct), kerst (21,
	 * 28 Dec), voorjaar zuid (15 Feb), voorjaar noord/midden (22 Feb), mei
	 * (26 Apr): 38 free. Tweede Paasdag (Mon 29 Mar) and Tweede Pinksterdag
	 * (Mon 17 May) leave the Wednesday free.
	 */
	assert_int_equal(res.n_weeks, 45);
	assert_int_equal(res.free_weeks, 38);
	assert_int_equal(res.n_meetings, 10);
	assert_no_meeting_in_holidays(f, &r, &res);
	for (size_t m = 1; m < res.n_meetings; m++) {
		assert_true(res.meetings[m].gap_weeks >= 2);
		assert_true(res.meetings[m].gap_weeks <= 8);
		assert_true(res.meetings[m].day > res.meetings[m - 1].day);
	}
	size_t w = week_of(&res, "2027-03-29");
	assert_true(res.weeks[w].free);
	assert_int_equal(res.weeks[w].day, day("2027-03-31"));
	w = week_of(&res, "2027-05-17");
	assert_int_equal(res.weeks[w].day, day("2027-05-19"));
	/* The week after the meivakantie starts on Monday 3 May. */
	w = week_of(&res, "2027-05-03");
	assert_true(res.weeks[w].free);
	assert_int_equal(res.weeks[w].day, day("2027-05-03"));
	w = week_of(&res, "2026-10-19");
	assert_true(reason_in_week(f, &r, &res, w, "herfstvakantie (midden)"));
	assert_true(reason_in_week(f, &r, &res, w, "herfstvakantie (zuid)"));
	assert_false(reason_in_week(f, &r, &res, w, "herfstvakantie (noord)"));
	planner_result_release(&res);
}

static void bevrijdingsdag_in_the_planner(void **state)
{
	struct fx *f = *state;
	struct plan_request r;
	struct plan_result res;
	struct samen_err err;
	/* Monday 5 May 2025 (lustrum): the only Monday of the period is off. */
	request(&r, &f->schools[0], 1, "2025-05-05", "2025-05-09", 1, "ma", 1, 0);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_false(res.feasible);
	assert_int_equal(res.binding, PLAN_FREE_WEEKS);
	assert_int_equal(res.free_weeks, 0);
	assert_true(reason_in_week(f, &r, &res, 0, "Bevrijdingsdag"));
	/* Allowing another weekday fixes it: Tuesday to Friday each give one free week. */
	assert_int_equal(res.n_fixes, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(res.fixes[i].kind, PLAN_FIX_WEEKDAY);
		assert_int_equal(res.fixes[i].value, (long)i + 2);
		assert_int_equal(res.fixes[i].free_weeks, 1);
	}
	planner_result_release(&res);
	/* Wednesday 5 May 2027: an ordinary school day. */
	request(&r, &f->schools[1], 1, "2027-05-03", "2027-05-07", 1, "wo", 1, 0);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_true(res.feasible);
	assert_int_equal(res.meetings[0].day, day("2027-05-05"));
	planner_result_release(&res);
}

static void koningsdag_2028(void **state)
{
	struct fx *f = *state;
	struct plan_request r;
	struct plan_result res;
	struct samen_err err;
	request(&r, &f->schools[2], 1, "2028-04-24", "2028-04-28", 1, "do", 1, 0);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_false(res.feasible);
	assert_int_equal(res.weeks[0].n_reasons, 1);
	assert_true(reason_in_week(f, &r, &res, 0, "Koningsdag"));
	/* Not in the meivakantie (29 April), but in the optional adviesweek (22-30 April). */
	assert_true(res.weeks[0].adviesweek);
	planner_result_release(&res);
	r.scope.adviesweek = true;
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_int_equal(res.weeks[0].n_reasons, 2);
	assert_true(reason_in_week(f, &r, &res, 0, "meivakantie adviesweek (midden)"));
	planner_result_release(&res);
}

static void too_many_meetings_for_the_free_weeks(void **state)
{
	struct fx *f = *state;
	const struct cal_school two[2] = {f->schools[0], f->schools[1]};
	struct plan_request r;
	struct plan_result res;
	struct samen_err err;
	/* 36 free weeks, 37 meetings: the rejected weeks are blocked on every weekday. */
	request(&r, two, 2, "2025-09-01", "2026-07-03", 37, "di", 1, 0);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_false(res.feasible);
	assert_int_equal(res.n_meetings, 0);
	assert_int_equal(res.binding, PLAN_FREE_WEEKS);
	assert_int_equal(res.free_weeks, 36);
	assert_int_equal(res.max_count, 36);
	assert_int_equal(res.n_fixes, 1);
	assert_int_equal(res.fixes[0].kind, PLAN_FIX_COUNT);
	assert_int_equal(res.fixes[0].value, 36);
	planner_result_release(&res);
}

static void minimum_gap_binds(void **state)
{
	struct fx *f = *state;
	const struct cal_school two[2] = {f->schools[0], f->schools[1]};
	struct plan_request r;
	struct plan_result res;
	struct samen_err err;
	/*
	 * Runs of free weeks: 6 (1 Sep-6 Oct), 8 (27 Oct-15 Dec), 5 (5 Jan-2 Feb),
	 * 8 (2 Mar-20 Apr), 9 (4 May-29 Jun), separated by 2 weeks or more. Two
	 * weeks apart, a run of r weeks holds ceil(r/2): 3+4+3+4+5 = 19 < 20.
	 */
	request(&r, two, 2, "2025-09-01", "2026-07-03", 20, "di,do", 2, 0);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_false(res.feasible);
	assert_int_equal(res.binding, PLAN_MIN_GAP);
	assert_int_equal(res.max_count, 19);
	assert_int_equal(res.n_fixes, 2);
	assert_int_equal(res.fixes[0].kind, PLAN_FIX_COUNT);
	assert_int_equal(res.fixes[0].value, 19);
	assert_int_equal(res.fixes[1].kind, PLAN_FIX_MIN_GAP);
	assert_int_equal(res.fixes[1].value, 1);
	planner_result_release(&res);
	/* With 19 the rule holds. */
	r.count = 19;
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_true(res.feasible);
	for (size_t m = 1; m < res.n_meetings; m++)
		assert_true(res.meetings[m].gap_weeks >= 2);
	assert_no_meeting_in_holidays(f, &r, &res);
	planner_result_release(&res);
}

static void maximum_gap_across_the_summer(void **state)
{
	struct fx *f = *state;
	const struct cal_school two[2] = {f->schools[0], f->schools[1]};
	struct plan_request r;
	struct plan_result res;
	struct samen_err err;
	/*
	 * June-September 2026, Tuesdays: free 1-29 June (5 weeks) and 24 August -
	 * 28 September (6 weeks); noord's summer starts 4 July, zuid's ends 23
	 * August, so 6 July - 17 August (7 weeks) has no free week. With at most
	 * 3 weeks between meetings 7 meetings cannot bridge the summer and only
	 * 6 fit after it; bridging needs a maximum gap of 8 (29 Jun -> 24 Aug).
	 */
	request(&r, two, 2, "2026-06-01", "2026-09-30", 7, "di", 1, 3);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_false(res.feasible);
	assert_int_equal(res.free_weeks, 11);
	assert_int_equal(res.binding, PLAN_MAX_GAP);
	assert_int_equal(res.stretch_from, day("2026-07-06"));
	assert_int_equal(res.stretch_to, day("2026-08-17"));
	assert_int_equal(res.n_fixes, 2);
	assert_int_equal(res.fixes[0].kind, PLAN_FIX_COUNT);
	assert_int_equal(res.fixes[0].value, 6);
	assert_int_equal(res.fixes[1].kind, PLAN_FIX_MAX_GAP);
	assert_int_equal(res.fixes[1].value, 8);
	planner_result_release(&res);
	r.max_gap_weeks = 8;
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_true(res.feasible);
	for (size_t m = 1; m < res.n_meetings; m++)
		assert_true(res.meetings[m].gap_weeks <= 8);
	assert_no_meeting_in_holidays(f, &r, &res);
	planner_result_release(&res);
}

static void another_weekday_would_fit(void **state)
{
	struct fx *f = *state;
	struct samen_err err;
	/* Two study days on Tuesdays 3 and 10 March 2026 at the midden school. */
	struct cal_busy s1 = {0, 33, BUSY_STUDY_DAY, day("2026-03-03"), day("2026-03-03"), "Studiedag"};
	struct cal_busy s2 = {0, 33, BUSY_STUDY_DAY, day("2026-03-10"), day("2026-03-10"), "Studiedag"};
	assert_int_equal(calendar_add_busy(&f->c, &s1, 0, &err), 0);
	assert_int_equal(calendar_add_busy(&f->c, &s2, 0, &err), 0);
	struct plan_request r;
	struct plan_result res;
	request(&r, &f->schools[2], 1, "2026-03-02", "2026-03-20", 3, "di", 1, 0);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_false(res.feasible);
	assert_int_equal(res.binding, PLAN_FREE_WEEKS);
	assert_int_equal(res.free_weeks, 1);
	/* Fewer meetings (1), or Monday, Wednesday, Thursday or Friday too (3 free weeks). */
	assert_int_equal(res.n_fixes, 5);
	assert_int_equal(res.fixes[0].kind, PLAN_FIX_COUNT);
	assert_int_equal(res.fixes[0].value, 1);
	const long days[4] = {1, 3, 4, 5};
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(res.fixes[i + 1].kind, PLAN_FIX_WEEKDAY);
		assert_int_equal(res.fixes[i + 1].value, days[i]);
		assert_int_equal(res.fixes[i + 1].free_weeks, 3);
	}
	planner_result_release(&res);
	/* Tuesday first, Wednesday as the fallback: 3, 11 and 17 March. */
	request(&r, &f->schools[2], 1, "2026-03-02", "2026-03-20", 3, "di,wo", 1, 0);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_true(res.feasible);
	assert_int_equal(res.meetings[0].day, day("2026-03-04"));
	assert_int_equal(res.meetings[1].day, day("2026-03-11"));
	assert_int_equal(res.meetings[2].day, day("2026-03-17"));
	planner_result_release(&res);
	f->c.n_busy -= 2;
}

static void alternatives_for_one_meeting(void **state)
{
	struct fx *f = *state;
	const struct cal_school two[2] = {f->schools[0], f->schools[1]};
	struct plan_request r;
	struct samen_err err;
	request(&r, two, 2, "2025-09-01", "2026-07-03", 6, "di,do", 3, 10);
	long days[6] = {day("2025-09-30"), day("2025-11-18"), day("2026-01-13"),
			day("2026-03-03"), day("2026-04-14"), day("2026-06-09")};
	struct plan_alternative alt[5];
	size_t n = 0;
	/*
	 * Moving the third meeting (13 Jan, ideal week 18.33): the neighbours in
	 * weeks 11 and 26 allow weeks 16-21 with gaps 3-10; 16 and 17 are kerst.
	 * Week 19 (15 Jan) costs 0.44, week 18 (6, 8 Jan) 0.11 + 1.5, week 20
	 * (20, 22 Jan) 2.78.
	 */
	assert_int_equal(planner_alternatives(&f->c, &r, days, 6, 2, alt, 5, &n, &err), 0);
	assert_int_equal(n, 5);
	const char *expect[5] = {"2026-01-15", "2026-01-06", "2026-01-08", "2026-01-20",
				 "2026-01-22"};
	for (size_t i = 0; i < 5; i++) {
		char d[11];
		iso(alt[i].day, d);
		assert_string_equal(d, expect[i]);
		assert_true(alt[i].within_spacing);
	}
	assert_true(alt[1].near_holiday);
	/* The first meeting: gaps to the second (week 11) must be 3-10, so weeks 1-8. */
	assert_int_equal(planner_alternatives(&f->c, &r, days, 6, 0, alt, 3, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(alt[0].day, day("2025-10-02")); /* week 4, Thursday */
	assert_true(alt[0].within_spacing);
	assert_int_equal(planner_alternatives(&f->c, &r, days, 6, 6, alt, 3, &n, &err),
			 SAMEN_EINVAL);
}

static void bad_requests(void **state)
{
	struct fx *f = *state;
	struct plan_request r;
	struct plan_result res;
	struct samen_err err;
	request(&r, f->schools, 3, "2025-09-01", "2026-07-03", 6, "di", 1, 0);
	r.count = 0;
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "count");
	r.count = 6;
	r.min_gap_weeks = 4;
	r.max_gap_weeks = 3;
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "max_gap_weeks");
	r.max_gap_weeks = 0;
	r.to = r.from - 1;
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "to");
	/* School year 2029-2030 is not in the data. */
	request(&r, f->schools, 3, "2029-09-03", "2030-06-28", 6, "di", 1, 0);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "to");
	assert_string_equal(err.msg, "no school holidays are known for region noord in school year"
				     " 2029-2030; import them first (samen holidays import)");
	/* A period starting on 1 September needs the previous school year too. */
	request(&r, f->schools, 1, "2024-09-02", "2025-06-27", 6, "di", 1, 0);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "from");
	/* No school and no region. */
	request(&r, NULL, 0, "2025-09-01", "2026-07-03", 6, "di", 1, 0);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "schools");
	/* Regions alone work: the same weeks as the two schools without the test week. */
	r.scope.regions = (1u << CAL_NOORD) | (1u << CAL_ZUID);
	assert_int_equal(planner_plan(&f->c, &r, &res, &err), 0);
	assert_int_equal(res.free_weeks, 37);
	planner_result_release(&res);
	/* Weekdays and times. */
	assert_int_equal(planner_weekdays_parse("wo, ma", &r, &err), 0);
	assert_int_equal(r.n_weekdays, 2);
	assert_int_equal(r.weekdays[0], 3);
	assert_int_equal(r.weekdays[1], 1);
	assert_int_equal(planner_weekdays_parse("ma,za", &r, &err), SAMEN_EINVAL);
	assert_string_equal(err.msg, "meetings are planned on school days, Monday to Friday (not 'za')");
	assert_int_equal(planner_weekdays_parse("ma,ma", &r, &err), SAMEN_EINVAL);
	assert_int_equal(planner_weekdays_parse("maan", &r, &err), SAMEN_EINVAL);
	assert_int_equal(planner_weekdays_parse("", &r, &err), SAMEN_EINVAL);
	assert_int_equal(planner_time_parse("17:00-15:30", &r, &err), SAMEN_EINVAL);
	assert_int_equal(planner_time_parse("9:00-10:00", &r, &err), SAMEN_EINVAL);
	assert_int_equal(planner_time_parse("09:00-10:30", &r, &err), 0);
	assert_int_equal(r.start_min, 540);
	assert_int_equal(r.end_min, 630);
	int y, w;
	planner_iso_week(day("2027-01-01"), &y, &w);
	assert_int_equal(y, 2026);
	assert_int_equal(w, 53);
	planner_iso_week(day("2025-12-29"), &y, &w);
	assert_int_equal(y, 2026);
	assert_int_equal(w, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(noord_and_zuid_2025_2026),
		cmocka_unit_test(three_regions_2026_2027),
		cmocka_unit_test(bevrijdingsdag_in_the_planner),
		cmocka_unit_test(koningsdag_2028),
		cmocka_unit_test(too_many_meetings_for_the_free_weeks),
		cmocka_unit_test(minimum_gap_binds),
		cmocka_unit_test(maximum_gap_across_the_summer),
		cmocka_unit_test(another_weekday_would_fit),
		cmocka_unit_test(alternatives_for_one_meeting),
		cmocka_unit_test(bad_requests),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
