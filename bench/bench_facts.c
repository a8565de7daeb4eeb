/*
 * bench_facts.c - the fact base at national size (issue 3): 40 regions,
 * 150 boards, 1,500 school locations, 80,000 staff, 40 subjects, drawn
 * in memory from a seed (no database: this measures the computation, not
 * SQLite). It times
 *   1. all indicators for the whole country (every region, and the country
 *      as one table), without and with rule 33 (suppression is per region,
 *      as the shared views are);
 *   2. the ten-year forecast with 1,000 Monte Carlo runs for every region x
 *      subject, on one core.
 * Prints one line per figure; bench/facts/run.sh adds the dashboard under wrk.
 * Targets (issue 3): indicators < 200 ms, forecast < 2 s.
 */
#include "core/forecast.h"
#include "core/indicators.h"
#include "core/pension_age.h"
#include "util/date.h"
#include "util/rng.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define REGIONS 40
#define BOARDS 150
#define SCHOOLS 1500
#define STAFF 80000
#define SUBJECTS 40

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	uint64_t seed = argc > 1 ? strtoull(argv[1], NULL, 10) : 2026;
	struct rng g;
	rng_seed(&g, seed);
	long today = date_days(2026, 11, 24);
	size_t naow;
	const struct pension_row *aow = pension_age_defaults(&naow);

	/* Boards per region (3-4), schools per board (10 on average), subjects weighted. */
	static int board_region[BOARDS], school_board[SCHOOLS];
	for (int b = 0; b < BOARDS; b++)
		board_region[b] = b * REGIONS / BOARDS;
	for (int s = 0; s < SCHOOLS; s++)
		school_board[s] = s * BOARDS / SCHOOLS;
	double weight[SUBJECTS];
	for (int k = 0; k < SUBJECTS; k++)
		weight[k] = 1.0 / (1 + k * 0.15);
	static struct ind_person people[STAFF];
	static struct fc_person fcp[STAFF];
	for (int i = 0; i < STAFF; i++) {
		struct ind_person *p = &people[i];
		p->school = (int)rng_below(&g, SCHOOLS);
		p->board = school_board[p->school];
		p->subject = rng_chance(&g, 0.05) ? -1 : (int)rng_pick_weighted(&g, weight, SUBJECTS);
		int age = 22 + (int)rng_below(&g, 30) + (rng_chance(&g, 0.35) ? (int)rng_below(&g, 14) : 0);
		p->birth = today - (long)age * 365 - rng_between(&g, 0, 364);
		p->fte = 0.4 + 0.6 * rng_uniform(&g);
		p->temporary = rng_chance(&g, 0.15);
		p->extra_hours = rng_chance(&g, 0.08) ? 120 : 0;
		p->starter = age < 28 && rng_chance(&g, 0.4);
		p->zij_instromer = rng_chance(&g, 0.03);
		p->benoembaar = rng_chance(&g, 0.04);
		fcp[i].birth = p->birth;
		fcp[i].fte = p->fte;
		pension_age_date(aow, naow, p->birth, &fcp[i].aow, NULL);
	}
	static struct ind_vacancy vac[1200];
	for (int v = 0; v < 1200; v++) {
		int s = (int)rng_below(&g, SCHOOLS);
		vac[v] = (struct ind_vacancy){school_board[s], s, (int)rng_below(&g, SUBJECTS), 0.8,
					      today - rng_between(&g, 1, 300), 0, false};
	}

	/* The country as one table. */
	struct ind_input in = {today, aow, naow, BOARDS, SCHOOLS, SUBJECTS, school_board,
			       people, STAFF, vac, 1200};
	struct ind_result r;
	double t0 = now();
	if (indicators_compute(&in, &r, NULL)) {
		fprintf(stderr, "indicators failed\n");
		return 1;
	}
	double t_country = now() - t0;
	indicators_free(&r);

	/* Region by region, as the shared views use them: compute, then rule 33. */
	static struct ind_person rp[STAFF];
	static struct ind_vacancy rv[1200];
	static int rsb[SCHOOLS];
	double t_regions = 0, t_suppress = 0, t_fc = 0;
	long groups = 0, runs_total = 0, audits = 0, people_total = 0;
	struct fc_params fp;
	forecast_defaults(&fp);
	fp.seed = seed;
	fp.use_prognosis = 0;
	static struct fc_person grp[STAFF];
	for (int reg = 0; reg < REGIONS; reg++) {
		int boff = -1, nb = 0, soff = -1, ns = 0;
		for (int b = 0; b < BOARDS; b++)
			if (board_region[b] == reg) {
				if (boff < 0)
					boff = b;
				nb++;
			}
		for (int s = 0; s < SCHOOLS; s++)
			if (board_region[school_board[s]] == reg) {
				if (soff < 0)
					soff = s;
				rsb[ns++] = school_board[s] - boff;
			}
		size_t np = 0, nv = 0;
		static int idx[STAFF];
		for (int i = 0; i < STAFF; i++)
			if (board_region[people[i].board] == reg) {
				rp[np] = people[i];
				rp[np].board -= boff;
				rp[np].school -= soff;
				idx[np++] = i;
			}
		for (int v = 0; v < 1200; v++)
			if (board_region[vac[v].board] == reg) {
				rv[nv] = vac[v];
				rv[nv].board -= boff;
				rv[nv].school -= soff;
				nv++;
			}
		struct ind_input ri = {today, aow, naow, nb, ns, SUBJECTS, rsb, rp, np, rv, nv};
		t0 = now();
		if (indicators_compute(&ri, &r, NULL))
			return 1;
		double t1 = now();
		if (indicators_suppress(&r, PRIV_THRESHOLD, NULL))
			return 1;
		double t2 = now();
		t_regions += t1 - t0;
		t_suppress += t2 - t1;
		audits += r.audits;
		indicators_free(&r);
		people_total += (long)np;
		/* Forecast: every subject of the region. */
		t0 = now();
		for (int k = 0; k < SUBJECTS; k++) {
			size_t n = 0;
			double vfte = 0;
			for (size_t i = 0; i < np; i++)
				if (rp[i].subject == k)
					grp[n++] = fcp[idx[i]];
			for (size_t v = 0; v < nv; v++)
				if (rv[v].subject == k)
					vfte += rv[v].fte;
			struct fc_group fg = {forecast_key("s") ^ (uint64_t)k, grp, n, vfte, NULL};
			struct fc_result res;
			if (forecast_run(&fg, &fp, today, &res, NULL))
				return 1;
			groups++;
			runs_total += res.runs;
		}
		t_fc += now() - t0;
	}
	printf("national size: %d regions, %d boards, %d locations, %d staff, %d subjects (seed %llu)\n",
	       REGIONS, BOARDS, SCHOOLS, STAFF, SUBJECTS, (unsigned long long)seed);
	printf("indicators, the country as one table:        %8.1f ms\n", t_country * 1e3);
	printf("indicators, all %d regions:                  %8.1f ms\n", REGIONS, t_regions * 1e3);
	printf("rule 33 (exact audit), all %d regions:       %8.1f ms (%ld audits)\n", REGIONS,
	       t_suppress * 1e3, audits);
	printf("indicators + rule 33, whole country:         %8.1f ms  (target < 200 ms)\n",
	       (t_regions + t_suppress) * 1e3);
	printf("forecast, %ld region x subject groups, %d runs each, 10 years, one core: %8.1f ms"
	       "  (target < 2000 ms)\n", groups, (int)fp.runs, t_fc * 1e3);
	printf("  (%ld people simulated %d times)\n", people_total, (int)fp.runs);
	(void)runs_total;
	return 0;
}
