/*
 * demo_facts.c - the demo region's fact-base data (see demo_facts.h).
 * Dates are relative to today (date_today(), so SAMEN_TODAY fixes them);
 * everything else is drawn from one xoshiro256** stream seeded from the
 * demo seed, so the same seed on the same day gives the same data.
 */
#include "core/demo_facts.h"
#include "core/forecast.h"
#include "formats/duo_vo.h"
#include "store/facts.h"
#include "util/date.h"
#include "util/rng.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ACTOR "demo"

struct emp {
	int64_t id, board_id;
	int age;
	double hours;
	bool in_training;
};

static int load_emps(struct db *db, int64_t region, long today, struct emp **out, size_t *n,
		     struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT e.id, e.board_id, p.birth_date, c.hours_per_year,"
		" EXISTS (SELECT 1 FROM qualification q WHERE q.person_id = e.person_id"
		"   AND q.level = 'in_opleiding')"
		" FROM employment e JOIN board b ON b.id = e.board_id JOIN person p ON p.id = e.person_id"
		" JOIN contract c ON c.employment_id = e.id WHERE b.region_id = $1 ORDER BY e.id",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region);
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 512;
			struct emp *ne = realloc(*out, cap * sizeof *ne);
			if (!ne) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			*out = ne;
		}
		struct emp *e = &(*out)[(*n)++];
		e->id = db_col_int(st, 0);
		e->board_id = db_col_int(st, 1);
		long born = 0;
		date_parse(db_col_text(st, 2), &born);
		e->age = date_age(born, today);
		e->hours = db_col_double(st, 3);
		e->in_training = db_col_int(st, 4) != 0;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static int staff_facts(struct db *db, struct rng *r, const struct emp *e, size_t n,
		       struct samen_err *err)
{
	for (size_t i = 0; i < n; i++) {
		bool starter = e[i].age < 28 && rng_chance(r, 0.5);
		bool zij = (e[i].in_training && e[i].age >= 30) || rng_chance(r, 0.01);
		double extra = 0;
		if (e[i].hours < 0.8 * 1659 && rng_chance(r, 0.2))
			extra = 40.0 * (double)rng_between(r, 2, 10);
		if (!starter && !zij && extra == 0)
			continue;
		int rc = facts_staff_set(db, e[i].board_id, e[i].id, extra, starter, zij, ACTOR, err);
		if (rc)
			return rc;
	}
	return 0;
}

static int vacancies(struct db *db, struct rng *r, int64_t region, long today,
		     struct samen_err *err)
{
	static const char *const subj[] = {"wi", "wi", "na", "du", "du", "fa", "ne", "ne",
					   "in", "sk", "kl", "en", "lo", "gs"};
	static const char *const how[] = {"intern", "regionaal", "extern", "zij_instromer", "onbevoegd"};
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT s.id, s.board_id FROM school s JOIN board b ON b.id = s.board_id"
				" WHERE b.region_id = $1 ORDER BY s.id", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region);
	int64_t school[64][2];
	int ns = 0;
	while (ns < 64 && (rc = db_step(st, err)) == 1) {
		school[ns][0] = db_col_int(st, 0);
		school[ns][1] = db_col_int(st, 1);
		ns++;
	}
	db_finalize(st);
	if (rc < 0 || ns == 0)
		return rc < 0 ? rc : 0;
	for (size_t i = 0; i < sizeof subj / sizeof subj[0] + 6; i++) {
		int k = (int)rng_below(r, (uint64_t)ns);
		char opened[11];
		long days = rng_between(r, 7, 320);
		date_format(today - days, opened);
		struct vacancy_new v = {
			.board_id = school[k][1],
			.school_id = school[k][0],
			.subject = subj[i % (sizeof subj / sizeof subj[0])],
			.hours_per_year = 1659.0 * (double)rng_between(r, 4, 10) / 10.0,
			.opened_on = opened,
			.note = "",
		};
		int64_t id;
		if ((rc = facts_vacancy_add(db, &v, today, ACTOR, &id, err)) != 0)
			return rc;
		/* The last six were filled or withdrawn after some weeks. */
		if (i >= sizeof subj / sizeof subj[0]) {
			char closed[11];
			long open_for = rng_between(r, 14, days > 14 ? days : 14);
			date_format(today - days + (open_for < days ? open_for : days), closed);
			bool withdrawn = i == sizeof subj / sizeof subj[0];
			rc = facts_vacancy_close(db, v.board_id, id, withdrawn ? "withdrawn" : "filled",
						 withdrawn ? NULL : how[rng_below(r, 5)], closed, today,
						 ACTOR, err);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* DUO pupil counts for the last five years and prognoses for ten, per school. */
static int pupils(struct db *db, struct rng *r, int64_t region, int ref_year,
		  struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT s.brin, s.vestiging, s.school_types FROM school s"
				" JOIN board b ON b.id = s.board_id WHERE b.region_id = $1 ORDER BY s.id",
			&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region);
	struct duo_file pf = {.kind = DUO_PUPILS, .generation = 2, .delim = ';'};
	struct duo_file gf = {.kind = DUO_PROGNOSES, .generation = 2, .delim = ','};
	size_t cap = 0, gcap = 0;
	while ((rc = db_step(st, err)) == 1) {
		const char *types = db_col_text(st, 2);
		double base = strstr(types, "isk") ? 120 : strstr(types, "pro") ? 220 : 750;
		base *= 0.7 + 0.6 * rng_uniform(r);
		for (int y = ref_year - 4; y <= ref_year; y++) {
			if (pf.n == cap) {
				cap = cap ? cap * 2 : 64;
				struct duo_pupils *np = realloc(pf.pupils, cap * sizeof *np);
				if (!np) {
					rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
					break;
				}
				pf.pupils = np;
			}
			struct duo_pupils *p = &pf.pupils[pf.n++];
			memset(p, 0, sizeof *p);
			snprintf(p->brin, sizeof p->brin, "%s", db_col_text(st, 0));
			snprintf(p->vestiging, sizeof p->vestiging, "%s", db_col_text(st, 1));
			p->year = y;
			p->known = (long)(base * pow(0.99, y - ref_year + 4) + rng_between(r, -15, 15));
			/* The ISK location's smallest cells are masked by DUO ("<5"). */
			p->masked = strstr(types, "isk") ? 2 : 0;
		}
		if (rc < 0)
			break;
		/* Prognoses per BRIN: only for vestiging 00 (the BRIN's main location). */
		if (strcmp(db_col_text(st, 1), "00") != 0)
			continue;
		for (int y = ref_year + 1; y <= ref_year + 10; y++) {
			if (gf.n == gcap) {
				gcap = gcap ? gcap * 2 : 64;
				struct duo_prognosis *ng = realloc(gf.prognoses, gcap * sizeof *ng);
				if (!ng) {
					rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
					break;
				}
				gf.prognoses = ng;
			}
			struct duo_prognosis *g = &gf.prognoses[gf.n++];
			memset(g, 0, sizeof *g);
			snprintf(g->brin, sizeof g->brin, "%s", db_col_text(st, 0));
			snprintf(g->level, sizeof g->level, "VO");
			g->year = y;
			g->count = (long)(base * 1.6 * pow(0.988, y - ref_year));
		}
		if (rc < 0)
			break;
	}
	db_finalize(st);
	pf.rows = (long)pf.n;
	gf.rows = (long)gf.n;
	struct duo_import_stats s;
	if (rc >= 0)
		rc = facts_duo_import(db, &pf, "01.-leerlingen-vo-per-vestiging (demo)", ACTOR, &s, err);
	if (rc >= 0)
		rc = facts_duo_import(db, &gf, "brin4_prognosesvo.csv (demo)", ACTOR, &s, err);
	free(pf.pupils);
	free(gf.prognoses);
	return rc < 0 ? rc : 0;
}

/* DUO teaching staff per board (off by a little from the own count) and hand figures. */
static int figures(struct db *db, int64_t region, int ref_year, long today,
		   struct samen_err *err)
{
	struct db_stmt *st;
	char day[11];
	date_format(today, day);
	int rc = db_prepare(db,
		"SELECT b.id, b.bestuursnummer, (SELECT COUNT(*) FROM employment e JOIN contract c"
		" ON c.employment_id = e.id WHERE e.board_id = b.id AND c.start_date <= $2 AND"
		" (c.end_date IS NULL OR c.end_date >= $2) AND EXISTS (SELECT 1 FROM qualification q"
		" WHERE q.person_id = e.person_id)),"
		" (SELECT COUNT(*) FROM employment e JOIN contract c ON c.employment_id = e.id"
		"  JOIN qualification q ON q.person_id = e.person_id AND q.subject_code = 'du'"
		"  WHERE e.board_id = b.id AND c.start_date <= $2 AND (c.end_date IS NULL OR c.end_date >= $2)"
		"  AND q.subject_code = (SELECT q2.subject_code FROM qualification q2 WHERE q2.person_id ="
		"  e.person_id ORDER BY CASE q2.level WHEN 'eerstegraads' THEN 0 WHEN 'tweedegraads' THEN 1"
		"  WHEN 'beperkt_tweedegraads' THEN 2 ELSE 3 END, q2.subject_code LIMIT 1))"
		" FROM board b WHERE b.region_id = $1 ORDER BY b.id",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region);
	db_bind_text(st, 2, day);
	struct duo_file pf = {.kind = DUO_PERSONNEL, .generation = 2, .delim = ';'};
	static struct duo_personnel rows[8];
	int64_t board2 = 0;
	long du2 = 0;
	int k = 0;
	static const int offset[3] = {-4, 0, 2};
	while (k < 8 && (rc = db_step(st, err)) == 1) {
		struct duo_personnel *p = &rows[k];
		memset(p, 0, sizeof *p);
		snprintf(p->bestuursnummer, sizeof p->bestuursnummer, "%s", db_col_text(st, 1));
		snprintf(p->functiegroep, sizeof p->functiegroep, "Onderwijsgevend personeel");
		p->year = ref_year;
		p->has_persons = true;
		p->persons = (double)(db_col_int(st, 2) + offset[k % 3]);
		p->has_age = true;
		p->avg_age = 46.5 + k;
		if (k == 1) {
			board2 = db_col_int(st, 0);
			du2 = (long)db_col_int(st, 3);
		}
		k++;
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	pf.personnel = rows;
	pf.n = (size_t)k;
	pf.rows = k;
	struct duo_import_stats s;
	if ((rc = facts_duo_import(db, &pf, "01.-onderwijspersoneel-vo-in-personen (demo)", ACTOR, &s,
				   err)) != 0)
		return rc;
	char period[16];
	snprintf(period, sizeof period, "%d-%d", ref_year, ref_year + 1);
	int64_t id;
	if (board2) {
		struct fact_figure_new f = {
			.region_id = region, .indicator = "headcount", .board_id = board2,
			.subject = "du", .period = period, .value = (double)(du2 + 3),
			.source_name = "DUO 03 lesgevend personeel VO per vak (overgenomen)",
			.note = "teachers of German as counted by DUO",
		};
		if ((rc = facts_figure_add(db, &f, ACTOR, &id, err)) != 0)
			return rc;
	}
	struct fact_figure_new total = {
		.region_id = region, .indicator = "lessons_total", .period = period, .value = 61250,
		.source_name = "roosters van de drie besturen (Untis), opgeteld",
		.note = "clock hours of lessons per year, all boards",
	};
	struct fact_figure_new onb = total;
	onb.indicator = "lessons_onbevoegd";
	onb.value = 2940;
	onb.note = "of which by staff without a qualification for the subject (IPTO)";
	struct fact_figure_new unknown = total;
	unknown.indicator = "lessons_onderbevoegd";
	unknown.unknown = true;
	unknown.value = 0;
	unknown.source_name = "not yet counted";
	unknown.note = "boards have not yet counted onderbevoegd lessons";
	if ((rc = facts_figure_add(db, &total, ACTOR, &id, err)) != 0 ||
	    (rc = facts_figure_add(db, &onb, ACTOR, &id, err)) != 0 ||
	    (rc = facts_figure_add(db, &unknown, ACTOR, &id, err)) != 0)
		return rc;
	return 0;
}

static int scenarios(struct db *db, int64_t region, uint64_t seed, struct samen_err *err)
{
	struct fc_params p;
	forecast_defaults(&p);
	p.seed = seed;
	int rc = facts_scenario_save(db, region, "basis", &p,
				     "defaults with their sources; DUO prognoses for pupils", ACTOR, err);
	if (rc)
		return rc;
	p.use_prognosis = 0;
	p.pupil_change = -0.02;
	p.inflow_graduates = 0.02;
	return facts_scenario_save(db, region, "krimp", &p,
				   "2% fewer pupils a year, fewer new graduates", ACTOR, err);
}

int demo_facts_create(struct db *db, uint64_t seed, struct samen_err *err)
{
	int64_t region = 0;
	const char *code[] = {"alkmaar"};
	int rc = db_query_int(db, "SELECT id FROM region WHERE code = $1", 1, code, &region, err);
	if (rc == SAMEN_ENOTFOUND)
		return 0;
	if (rc)
		return rc;
	long today = date_today();
	int y, m, d;
	date_civil(today, &y, &m, &d);
	int ref_year = m >= 8 ? y : y - 1;
	struct rng r;
	rng_seed(&r, seed ^ 0x66656974656e00ULL); /* "feiten" */
	struct emp *e = NULL;
	size_t n = 0;
	rc = load_emps(db, region, today, &e, &n, err);
	if (rc == 0)
		rc = staff_facts(db, &r, e, n, err);
	free(e);
	if (rc == 0)
		rc = vacancies(db, &r, region, today, err);
	if (rc == 0)
		rc = pupils(db, &r, region, ref_year, err);
	if (rc == 0)
		rc = figures(db, region, ref_year, today, err);
	if (rc == 0)
		rc = scenarios(db, region, seed, err);
	return rc;
}
