/*
 * test_calendar.c - school holidays, national holidays and busy periods on
 * the real data shipped with Samen (data/schoolvakanties.csv,
 * data/feestdagen_nl_2024_2030.csv).
 *
 * Covered: the embedded data loads completely (84 holidays in five school
 * years, 11 national holidays a year); the rule for national holidays
 * (Easter, Koningsdag, the Bevrijdingsdag lustrum rule) reproduces the data
 * file for 2024-2030 exactly; Bevrijdingsdag is a day off only in 2025 and
 * 2030; Koningsdag 2028 falls outside that meivakantie and blocks its day on
 * its own; the kerstvakantie runs across the year end; regions differ in the
 * herfstvakantie; the validation of impossible holidays (length, weekday,
 * order, season, overlap) and of busy periods; reason texts; the day map.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "formats/csvrows.h"
#include "util/date.h"
#include "util/embedded.h"

static long day(const char *iso)
{
	long d = 0;
	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

static int setup(void **state)
{
	struct calendar *c = malloc(sizeof *c);
	calendar_init(c);
	struct samen_err err;
	samen_err_clear(&err);
	if (calendar_load_embedded(c, &err) != 0) {
		fprintf(stderr, "load: %s (line %ld)\n", err.msg, err.line);
		return -1;
	}
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	calendar_release(*state);
	free(*state);
	return 0;
}

static const struct cal_school noord = {1, CAL_NOORD, "Noorder College"};
static const struct cal_school midden = {2, CAL_MIDDEN, "Midden Lyceum"};
static const struct cal_school zuid = {3, CAL_ZUID, "Zuider Scholengemeenschap"};

static size_t reasons_for(const struct calendar *c, const struct cal_school *s, size_t n,
			  const char *iso, struct cal_reason *out, size_t max)
{
	struct cal_scope scope = {s, n, 0, false};
	return calendar_day_reasons(c, &scope, day(iso), out, max);
}

static void embedded_data_loads(void **state)
{
	struct calendar *c = *state;
	/* 2024-25, 2027-28, 2028-29: 6 kinds x 3 regions; 2025-26, 2026-27: no adviesweek rows. */
	assert_int_equal(c->n_holidays, 18 + 15 + 15 + 18 + 18);
	/* National holidays of 2024 .. 2029 (the last school year ends in 2029). */
	assert_int_equal(c->n_nationals, 6 * 11);
	for (int y = 2024; y <= 2028; y++)
		for (int r = 0; r < CAL_NREGIONS; r++)
			assert_true(calendar_has_school_year(c, r, y));
	assert_false(calendar_has_school_year(c, CAL_NOORD, 2029));
}

struct csv_national {
	struct cal_national rows[100];
	size_t n;
};

static int national_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct csv_national *t = ctx;
	(void)err;
	if (line == 1)
		return 0;
	assert_true(n >= 4);
	struct cal_national *x = &t->rows[t->n++];
	x->day = day(f[0]);
	snprintf(x->name, sizeof x->name, "%s", f[1]);
	x->day_off = strcmp(f[1], "bevrijdingsdag") != 0 || strcmp(f[3], "yes") == 0;
	return 0;
}

static void rule_reproduces_the_national_holiday_file(void **state)
{
	(void)state;
	const struct embedded_file *f = embedded_find(embedded_data, "feestdagen_nl_2024_2030.csv");
	assert_non_null(f);
	struct csv_national t = {0};
	struct samen_err err;
	assert_int_equal(csvrows_parse((const char *)f->data, f->len, ',', national_row, &t, &err), 0);
	assert_int_equal(t.n, 77); /* 7 years x 11 */
	size_t k = 0;
	for (int y = 2024; y <= 2030; y++) {
		struct cal_national list[11];
		assert_int_equal(calendar_national_compute(y, list), 11);
		for (size_t i = 0; i < 11; i++, k++) {
			assert_int_equal(list[i].day, t.rows[k].day);
			assert_string_equal(list[i].name, t.rows[k].name);
			assert_int_equal(list[i].day_off, t.rows[k].day_off);
		}
	}
}

static void easter_and_koningsdag(void **state)
{
	(void)state;
	assert_int_equal(calendar_easter(2024), day("2024-03-31"));
	assert_int_equal(calendar_easter(2025), day("2025-04-20"));
	assert_int_equal(calendar_easter(2026), day("2026-04-05"));
	assert_int_equal(calendar_easter(2027), day("2027-03-28"));
	assert_int_equal(calendar_easter(2038), day("2038-04-25")); /* the latest possible date */
	struct cal_national list[11];
	calendar_national_compute(2025, list);
	/* 27 April 2025 is a Sunday: Koningsdag moves to Saturday the 26th. */
	assert_string_equal(list[4].name, "koningsdag");
	assert_int_equal(list[4].day, day("2025-04-26"));
	calendar_national_compute(2031, list); /* beyond the data file: by rule */
	assert_string_equal(list[0].name, "nieuwjaarsdag");
	assert_string_equal(list[1].name, "goede_vrijdag");
	assert_int_equal(list[1].day, day("2031-04-11"));
}

static void bevrijdingsdag_only_in_lustrum_years(void **state)
{
	struct calendar *c = *state;
	assert_true(calendar_bevrijdingsdag_day_off(2025));
	assert_false(calendar_bevrijdingsdag_day_off(2026));
	assert_false(calendar_bevrijdingsdag_day_off(2027));
	assert_false(calendar_bevrijdingsdag_day_off(2028));
	assert_false(calendar_bevrijdingsdag_day_off(2029));
	assert_true(calendar_bevrijdingsdag_day_off(2030));
	struct cal_reason r[4];
	/* Monday 5 May 2025, the day after the meivakantie: blocked by Bevrijdingsdag alone. */
	assert_int_equal(reasons_for(c, &noord, 1, "2025-05-05", r, 4), 1);
	assert_int_equal(r[0].kind, CAL_R_NATIONAL);
	assert_string_equal(c->nationals[r[0].index].name, "bevrijdingsdag");
	/* Tuesday 5 May 2026 and Wednesday 5 May 2027: ordinary school days. */
	assert_int_equal(reasons_for(c, &noord, 1, "2026-05-05", r, 4), 0);
	assert_int_equal(reasons_for(c, &zuid, 1, "2027-05-05", r, 4), 0);
	/* 2030 comes from the data file once its years are added. */
	struct calendar c2;
	calendar_init(&c2);
	struct samen_err err;
	assert_int_equal(calendar_add_nationals(&c2, 2030, 2030, &err), 0);
	assert_int_equal(c2.n_nationals, 11);
	struct cal_scope scope = {&noord, 1, 0, false};
	assert_int_equal(calendar_day_reasons(&c2, &scope, day("2030-05-05"), r, 4), 1);
	calendar_release(&c2);
}

static void koningsdag_2028_outside_the_meivakantie(void **state)
{
	struct calendar *c = *state;
	struct cal_reason r[4];
	char text[128];
	struct cal_scope scope = {&midden, 1, 0, false};
	/* Thursday 27 April 2028; the meivakantie is 29 April - 7 May. */
	assert_int_equal(calendar_day_reasons(c, &scope, day("2028-04-27"), r, 4), 1);
	assert_int_equal(r[0].kind, CAL_R_NATIONAL);
	calendar_reason_text(c, &scope, &r[0], text, sizeof text);
	assert_string_equal(text, "Koningsdag");
	assert_int_equal(calendar_day_reasons(c, &scope, day("2028-04-26"), r, 4), 0);
	assert_int_equal(calendar_day_reasons(c, &scope, day("2028-05-01"), r, 4), 1);
	assert_int_equal(r[0].kind, CAL_R_HOLIDAY);
	calendar_reason_text(c, &scope, &r[0], text, sizeof text);
	assert_string_equal(text, "meivakantie (midden)");
	/* A school that takes the optional adviesweek (22-30 April 2028) is off anyway. */
	scope.adviesweek = true;
	assert_int_equal(calendar_day_reasons(c, &scope, day("2028-04-27"), r, 4), 2);
	calendar_reason_text(c, &scope, &r[0], text, sizeof text);
	assert_string_equal(text, "meivakantie adviesweek (midden)");
	assert_int_equal(r[1].kind, CAL_R_NATIONAL);
	assert_int_equal(calendar_day_reasons(c, &scope, day("2028-04-24"), r, 4), 1);
}

static void kerstvakantie_across_the_year_end(void **state)
{
	struct calendar *c = *state;
	struct cal_reason r[4];
	const struct cal_school all[3] = {noord, midden, zuid};
	assert_int_equal(reasons_for(c, all, 3, "2025-12-19", r, 4), 0);
	/* One reason per region: the three regions share the dates. */
	assert_int_equal(reasons_for(c, all, 3, "2025-12-22", r, 4), 3);
	assert_int_equal(reasons_for(c, all, 3, "2025-12-31", r, 4), 3);
	const struct cal_holiday *h = &c->holidays[r[0].index];
	assert_int_equal(h->kind, CAL_KERST);
	assert_int_equal(h->school_year, 2025);
	assert_int_equal(h->start, day("2025-12-20"));
	assert_int_equal(h->end, day("2026-01-04"));
	/* New Year's Day: three holidays and the national day. */
	assert_int_equal(reasons_for(c, all, 3, "2026-01-01", r, 4), 4);
	assert_int_equal(r[3].kind, CAL_R_NATIONAL);
	assert_int_equal(reasons_for(c, all, 3, "2026-01-05", r, 4), 0);
	/* 2026-2027: 19 December to 3 January. */
	assert_int_equal(reasons_for(c, &zuid, 1, "2027-01-01", r, 4), 2);
	assert_int_equal(reasons_for(c, &zuid, 1, "2027-01-04", r, 4), 0);
}

static void regions_differ(void **state)
{
	struct calendar *c = *state;
	struct cal_reason r[4];
	char text[128];
	struct cal_scope both = {NULL, 0, (1u << CAL_NOORD) | (1u << CAL_ZUID), false};
	/* 2025-2026 herfstvakantie: zuid 11-19 October, noord 18-26 October. */
	assert_int_equal(reasons_for(c, &zuid, 1, "2025-10-13", r, 4), 1);
	assert_int_equal(reasons_for(c, &noord, 1, "2025-10-13", r, 4), 0);
	assert_int_equal(reasons_for(c, &noord, 1, "2025-10-20", r, 4), 1);
	assert_int_equal(reasons_for(c, &zuid, 1, "2025-10-20", r, 4), 0);
	assert_int_equal(calendar_day_reasons(c, &both, day("2025-10-13"), r, 4), 1);
	calendar_reason_text(c, &both, &r[0], text, sizeof text);
	assert_string_equal(text, "herfstvakantie (zuid)");
	assert_int_equal(calendar_day_reasons(c, &both, day("2025-10-20"), r, 4), 1);
	calendar_reason_text(c, &both, &r[0], text, sizeof text);
	assert_string_equal(text, "herfstvakantie (noord)");
	assert_int_equal(calendar_scope_regions(&both), 5u);
	/* Summer 2026: noord 4 July - 16 August, zuid 11 July - 23 August, midden 18 July - 30 August. */
	assert_int_equal(reasons_for(c, &noord, 1, "2026-08-17", r, 4), 0);
	assert_int_equal(reasons_for(c, &zuid, 1, "2026-08-17", r, 4), 1);
	assert_int_equal(reasons_for(c, &midden, 1, "2026-08-24", r, 4), 1);
	assert_int_equal(reasons_for(c, &zuid, 1, "2026-08-24", r, 4), 0);
}

static void busy_periods_and_reason_texts(void **state)
{
	struct calendar *c = *state;
	struct samen_err err;
	struct cal_busy b = {0, 3, BUSY_TEST_WEEK, day("2026-02-09"), day("2026-02-13"), "Toetsweek 2"};
	assert_int_equal(calendar_add_busy(c, &b, 0, &err), 0);
	struct cal_reason r[4];
	char text[128];
	const struct cal_school two[2] = {noord, zuid};
	struct cal_scope scope = {two, 2, 0, false};
	assert_int_equal(calendar_day_reasons(c, &scope, day("2026-02-10"), r, 4), 1);
	calendar_reason_text(c, &scope, &r[0], text, sizeof text);
	assert_string_equal(text, "toetsweek 'Toetsweek 2' (Zuider Scholengemeenschap)");
	/* Not a reason for a scope without that school. */
	assert_int_equal(reasons_for(c, &noord, 1, "2026-02-10", r, 4), 0);
	/* The voorjaarsvakantie zuid (14-22 Feb) and the test week do not touch. */
	assert_int_equal(calendar_day_reasons(c, &scope, day("2026-02-16"), r, 4), 1);
	assert_int_equal(r[0].kind, CAL_R_HOLIDAY);
	c->n_busy--; /* leave the shared calendar as it was */
}

static void day_map_matches_day_questions(void **state)
{
	struct calendar *c = *state;
	struct samen_err err;
	struct cal_busy b1 = {0, 1, BUSY_OPEN_DAY, day("2026-01-24"), day("2026-01-24"), "Open dag"};
	struct cal_busy b2 = {0, 1, BUSY_STUDY_DAY, day("2026-01-20"), day("2026-01-20"), "Studiedag"};
	struct cal_busy b3 = {0, 3, BUSY_TEST_WEEK, day("2026-01-19"), day("2026-01-23"), "Toetsweek"};
	assert_int_equal(calendar_add_busy(c, &b1, 0, &err), 0);
	assert_int_equal(calendar_add_busy(c, &b2, 0, &err), 0);
	assert_int_equal(calendar_add_busy(c, &b3, 0, &err), 0);
	const struct cal_school two[2] = {noord, zuid};
	struct cal_scope scope = {two, 2, 0, false};
	struct cal_daymap m;
	long from = day("2025-12-15"), to = day("2026-01-31");
	assert_int_equal(calendar_daymap_build(c, &scope, from, to, &m, &err), 0);
	for (long d = from; d <= to; d++) {
		struct cal_reason r[8];
		size_t n = calendar_day_reasons(c, &scope, d, r, 8);
		size_t i = (size_t)(d - from);
		assert_int_equal(m.first[i + 1] - m.first[i], n);
	}
	/* Tuesday 20 January: both schools busy; Wednesday: only the zuid school. */
	assert_int_equal(m.busy_schools[day("2026-01-20") - from], 2);
	assert_int_equal(m.busy_schools[day("2026-01-21") - from], 1);
	assert_int_equal(m.busy_schools[day("2026-01-26") - from], 0);
	calendar_daymap_release(&m);
	assert_int_equal(calendar_daymap_build(c, &scope, to, from, &m, &err), SAMEN_EINVAL);
	c->n_busy -= 3;
}

static void impossible_holidays_are_refused(void **state)
{
	(void)state;
	struct cal_holiday h;
	struct samen_err err;
	samen_err_clear(&err);
	/* The OpenHolidays typo: a voorjaarsvakantie zuid ending a month late. */
	assert_int_equal(calendar_holiday_from_text("2026-2027", "zuid", "voorjaarsvakantie",
						    "2027-02-13", "2027-03-21", 7, &h, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 7);
	assert_string_equal(err.field, "end_date");
	assert_string_equal(err.msg, "a voorjaarsvakantie lasts 9 days (Saturday to Sunday), not 37"
				     " (2027-02-13 to 2027-03-21)");
	assert_int_equal(calendar_holiday_from_text("2025-2026", "noord", "herfstvakantie",
						    "2025-10-26", "2025-10-18", 3, &h, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.msg, "the herfstvakantie ends (2025-10-18) before it starts (2025-10-26)");
	/* A summer that starts on a Friday (seen in an older OpenHolidays file). */
	assert_int_equal(calendar_holiday_from_text("2025-2026", "zuid", "zomervakantie",
						    "2026-07-17", "2026-08-23", 9, &h, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "start_date");
	assert_string_equal(err.msg, "the zomervakantie starts on Friday 2026-07-17; school holidays"
				     " start on a Saturday");
	assert_int_equal(calendar_holiday_from_text("2025-2026", "oost", "zomervakantie",
						    "2026-07-11", "2026-08-23", 4, &h, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "region");
	assert_string_equal(err.msg, "unknown holiday region 'oost'; use noord, midden or zuid");
	assert_int_equal(calendar_holiday_from_text("2025-2026", "noord", "kerstvakantie",
						    "2025-11-29", "2025-12-14", 5, &h, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.msg, "a kerstvakantie starts in December, not on 2025-11-29");
	assert_int_equal(calendar_holiday_from_text("2024-2025", "noord", "herfstvakantie",
						    "2025-10-18", "2025-10-26", 6, &h, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "school_year");
	assert_int_equal(calendar_holiday_from_text("2025-2026", "midden", "pinkstervakantie",
						    "2026-05-23", "2026-05-31", 8, &h, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "name");
	/* A good row. */
	assert_int_equal(calendar_holiday_from_text("2029-2030", "NO", "herfstvakantie",
						    "2029-10-13", "2029-10-21", 2, &h, &err),
			 0);
	assert_int_equal(h.region, CAL_NOORD);
	assert_int_equal(h.school_year, 2029);
}

static void overlapping_holidays_of_one_kind_are_refused(void **state)
{
	struct calendar *c = *state;
	struct cal_holiday h;
	struct samen_err err;
	assert_int_equal(calendar_holiday_from_text("2026-2027", "noord", "herfstvakantie",
						    "2026-10-17", "2026-10-25", 12, &h, &err),
			 0);
	assert_int_equal(calendar_add_holiday(c, &h, 12, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 12);
	assert_string_equal(err.msg, "overlaps the herfstvakantie noord of 2026-2027"
				     " (2026-10-10 to 2026-10-18)");
	assert_int_equal(calendar_holiday_from_text("2026-2027", "noord", "herfstvakantie",
						    "2026-10-24", "2026-11-01", 13, &h, &err),
			 0);
	assert_int_equal(calendar_add_holiday(c, &h, 13, &err), SAMEN_EINVAL);
	assert_string_equal(err.msg, "school year 2026-2027 already has a herfstvakantie for noord"
				     " (2026-10-10 to 2026-10-18)");
	/* A repeat of an existing row is an overlap too (an import checks repeats before). */
	assert_int_equal(calendar_holiday_from_text("2026-2027", "zuid", "herfstvakantie",
						    "2026-10-17", "2026-10-25", 14, &h, &err),
			 0);
	assert_int_equal(calendar_add_holiday(c, &h, 14, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "start_date");
	size_t before = c->n_holidays;
	assert_int_equal(calendar_holiday_from_text("2029-2030", "zuid", "herfstvakantie",
						    "2029-10-20", "2029-10-28", 15, &h, &err),
			 0);
	assert_int_equal(calendar_add_holiday(c, &h, 15, &err), 0);
	assert_int_equal(c->n_holidays, before + 1);
	c->n_holidays--;
}

static void busy_period_checks(void **state)
{
	(void)state;
	struct samen_err err;
	struct cal_busy b = {0, 1, BUSY_EXAM_WEEK, day("2026-05-11"), day("2026-05-08"), "CE"};
	assert_int_equal(calendar_busy_validate(&b, 4, &err), SAMEN_EINVAL);
	assert_string_equal(err.msg, "'CE' ends (2026-05-08) before it starts (2026-05-11)");
	b.end = day("2026-07-31");
	assert_int_equal(calendar_busy_validate(&b, 4, &err), SAMEN_EINVAL);
	assert_string_equal(err.msg, "'CE' lasts 82 days (2026-05-11 to 2026-07-31); a busy period"
				     " lasts at most 62 days");
	b.end = day("2026-05-29");
	assert_int_equal(calendar_busy_validate(&b, 4, &err), 0);
	b.name[0] = '\0';
	assert_int_equal(calendar_busy_validate(&b, 4, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "name");
	enum busy_kind k;
	assert_int_equal(busy_kind_parse("rapportvergadering", &k, 0, &err), 0);
	assert_int_equal(k, BUSY_REPORT_MEETING);
	assert_int_equal(busy_kind_parse("feest", &k, 3, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 3);
}

static void names_and_school_years(void **state)
{
	(void)state;
	int r;
	struct samen_err err;
	assert_int_equal(calendar_region_parse(" Zuid ", &r, 0, &err), 0);
	assert_int_equal(r, CAL_ZUID);
	assert_int_equal(calendar_region_parse("NL-MI", &r, 0, &err), 0);
	assert_int_equal(r, CAL_MIDDEN);
	assert_int_equal(calendar_region_parse("", &r, 0, &err), SAMEN_EINVAL);
	int y;
	assert_int_equal(calendar_school_year_parse("2026-2027", &y), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(calendar_school_year_parse("2026-2028", &y), SAMEN_EINVAL);
	assert_int_equal(calendar_school_year_of(day("2026-07-31")), 2025);
	assert_int_equal(calendar_school_year_of(day("2026-08-01")), 2026);
	char sy[10];
	calendar_school_year_text(2027, sy);
	assert_string_equal(sy, "2027-2028");
	assert_string_equal(calendar_national_display("tweede_pinksterdag"), "Tweede Pinksterdag");
	assert_int_equal(busy_kind_guess("Toetsweek 2"), BUSY_TEST_WEEK);
	assert_int_equal(busy_kind_guess("OPEN DAG havo/vwo"), BUSY_OPEN_DAY);
	assert_int_equal(busy_kind_guess("SE-week 5 vwo"), BUSY_EXAM_WEEK);
	assert_int_equal(busy_kind_guess("Centraal examen"), BUSY_EXAM_WEEK);
	assert_int_equal(busy_kind_guess("Studiemiddag"), BUSY_STUDY_DAY);
	assert_int_equal(busy_kind_guess("Rapportvergadering"), BUSY_REPORT_MEETING);
	assert_int_equal(busy_kind_guess("Meivakantie (2e week)"), BUSY_MEIVAKANTIE);
	assert_int_equal(busy_kind_guess("Sportdag"), BUSY_OTHER);
	assert_string_equal(busy_kind_display(BUSY_MEIVAKANTIE), "eigen meivakantie");
	int lo, hi;
	calendar_kind_length(CAL_ZOMER, &lo, &hi);
	assert_int_equal(lo, 37);
	assert_int_equal(hi, 44);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(embedded_data_loads),
		cmocka_unit_test(rule_reproduces_the_national_holiday_file),
		cmocka_unit_test(easter_and_koningsdag),
		cmocka_unit_test(bevrijdingsdag_only_in_lustrum_years),
		cmocka_unit_test(koningsdag_2028_outside_the_meivakantie),
		cmocka_unit_test(kerstvakantie_across_the_year_end),
		cmocka_unit_test(regions_differ),
		cmocka_unit_test(busy_periods_and_reason_texts),
		cmocka_unit_test(day_map_matches_day_questions),
		cmocka_unit_test(impossible_holidays_are_refused),
		cmocka_unit_test(overlapping_holidays_of_one_kind_are_refused),
		cmocka_unit_test(busy_period_checks),
		cmocka_unit_test(names_and_school_years),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
