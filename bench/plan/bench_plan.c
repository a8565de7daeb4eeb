/*
 * bench_plan.c - a national planning run: a series of 20 meetings for a
 * partnership of 50 schools spread over the three holiday regions, each
 * school with 15 busy periods (target: under 50 ms; bench/plan/README.md).
 *
 * Two measurements, each the median (and min, max) of --runs runs:
 *   core  the planner alone on a calendar already in memory (the shipped
 *         holidays, national days and the generated busy periods):
 *         planner_plan, including its day map, week scan, feasibility check
 *         and the exact dynamic programme;
 *   run   what a request does: read the 50 schools and their busy periods
 *         from the database (store_calendar_schools, store_calendar_for_plan)
 *         and plan - the figure the target is about.
 * A third line times an infeasible request (60 meetings), which adds the
 * diagnosis (the binding constraint and each checked fix).
 *
 * The data is generated from --seed: 17 noord, 17 midden and 16 zuid
 * schools in real municipalities of each region; per school two test weeks
 * shared by its region, five open days on Saturdays, three study days on
 * Fridays, three single busy days on a random Monday-Thursday and two
 * report meetings on Monday-Tuesday after the second test week. The series:
 * 1 September 2026 to 9 July 2027, Monday to Thursday, 15:30-17:00, 1 to 6
 * weeks apart.
 *
 * Usage: bench_plan [--db PATH|URL] [--runs N] [--seed N] [--schools N] [--busy N] [--meetings N]
 * The last line is machine-readable:
 *   RESULT schools=50 busy=750 meetings=20 feasible=1 free_weeks=.. core_ms=.. run_ms=.. infeasible_ms=..
 */
#include "core/planner.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/refdata.h"
#include "store/store_calendar.h"
#include "store/store_org.h"
#include "util/date.h"
#include "util/rng.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_SCHOOLS 600

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

struct stats {
	double median, min, max;
};

static struct stats summarise(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return (struct stats){v[n / 2], v[0], v[n - 1]};
}

static void die(const char *what, const struct samen_err *err)
{
	fprintf(stderr, "bench_plan: %s: %s\n", what, err->msg);
	exit(1);
}

static long parse_long(const char *s, const char *name, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < lo || v > hi) {
		fprintf(stderr, "bench_plan: --%s needs a number from %ld to %ld\n", name, lo, hi);
		exit(2);
	}
	return v;
}

/* Up to n municipalities of a holiday region (name, province); *got receives how many. */
static int municipalities(struct db *db, const char *region, size_t n, char (*names)[64],
			  char (*provinces)[32], size_t *got, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT name, province FROM municipality WHERE holiday_region = $1"
				" ORDER BY name, province",
			    &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, region);
	size_t k = 0;
	while (k < n && (rc = db_step(st, err)) == 1) {
		snprintf(names[k], 64, "%s", db_col_text(st, 0));
		snprintf(provinces[k], 32, "%s", db_col_text(st, 1));
		k++;
	}
	db_finalize(st);
	*got = k;
	return rc < 0 ? rc : (k > 0 ? 0 : samen_fail(err, SAMEN_EINTERNAL, "no municipalities"));
}

/* Fifteen busy periods (or `busy`) for one school, into b. */
static size_t gen_busy(struct rng *rng, int region, int64_t school, int busy, struct cal_busy *b)
{
	static const int test_month[CAL_NREGIONS][2][2] = {
		{{11, 9}, {6, 14}}, {{11, 16}, {6, 21}}, {{11, 23}, {6, 7}}};
	size_t n = 0;
	long first = date_days(2026, 9, 1), last = date_days(2027, 7, 2);
	for (int t = 0; t < 2 && (int)n < busy; t++) {
		int year = test_month[region][t][0] >= 8 ? 2026 : 2027;
		long d = date_days(year, test_month[region][t][0], test_month[region][t][1]);
		d -= date_weekday(d) - 1;
		b[n++] = (struct cal_busy){0, school, BUSY_TEST_WEEK, d, d + 4, "Toetsweek"};
		if (t == 1)
			for (int k = 0; k < 2 && (int)n < busy; k++)
				b[n++] = (struct cal_busy){0, school, BUSY_REPORT_MEETING, d + 7 + k, d + 7 + k,
							   "Rapportvergadering"};
	}
	while ((int)n < busy) {
		long d = first + rng_between(rng, 0, last - first);
		int kind = (int)(n % 3);
		int want = kind == 0 ? 6 : kind == 1 ? 5 : 1 + (int)rng_below(rng, 4);
		d += (want - date_weekday(d) + 7) % 7;
		if (d > last)
			d -= 7;
		const char *name = kind == 0 ? "Open dag" : kind == 1 ? "Studiedag" : "Druk";
		enum busy_kind k = kind == 0 ? BUSY_OPEN_DAY : kind == 1 ? BUSY_STUDY_DAY : BUSY_OTHER;
		b[n] = (struct cal_busy){0, school, k, d, d, ""};
		snprintf(b[n].name, sizeof b[n].name, "%s", name);
		n++;
	}
	return n;
}

static void request(struct plan_request *r, const struct cal_school *s, size_t n, int count)
{
	struct samen_err err;
	memset(r, 0, sizeof *r);
	r->scope.schools = s;
	r->scope.n_schools = n;
	date_parse("2026-09-01", &r->from);
	date_parse("2027-07-09", &r->to);
	r->count = count;
	planner_weekdays_parse("ma,di,wo,do", r, &err);
	planner_time_parse("15:30-17:00", r, &err);
	r->min_gap_weeks = 1;
	r->max_gap_weeks = 6;
}

int main(int argc, char **argv)
{
	const char *target = NULL;
	int runs = 50, n_schools = 50, busy = 15, meetings = 20;
	unsigned long long seed = 2026;
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"runs", required_argument, NULL, 'r'},
					     {"seed", required_argument, NULL, 's'},
					     {"schools", required_argument, NULL, 'n'},
					     {"busy", required_argument, NULL, 'b'},
					     {"meetings", required_argument, NULL, 'm'},
					     {0}};
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'r': runs = (int)parse_long(optarg, "runs", 1, 10000); break;
		case 's': seed = (unsigned long long)parse_long(optarg, "seed", 0, 1L << 40); break;
		case 'n': n_schools = (int)parse_long(optarg, "schools", 3, MAX_SCHOOLS); break;
		case 'b': busy = (int)parse_long(optarg, "busy", 0, 60); break;
		case 'm': meetings = (int)parse_long(optarg, "meetings", 1, PLAN_MAX_MEETINGS); break;
		default: return 2;
		}
	}
	char dir[64] = "", path[128];
	if (!target) {
		snprintf(dir, sizeof dir, "/tmp/samen-bench-plan-XXXXXX");
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			return 1;
		}
		snprintf(path, sizeof path, "%s/plan.db", dir);
		target = path;
	}
	struct samen_err err;
	samen_err_clear(&err);
	struct db *db;
	if (db_open(target, &db, &err) || migrate_apply(db, NULL, &err) || refdata_load(db, &err))
		die("database", &err);

	/* The partnership: schools spread over the three regions, in one region of boards. */
	int64_t region_id, board_id;
	char code[32], number[8];
	snprintf(code, sizeof code, "bench-plan-%lld", (long long)getpid());
	snprintf(number, sizeof number, "%05u", (unsigned)(getpid() % 100000));
	if (org_region_add(db, code, "Landelijk partnerschap", &region_id, &err) ||
	    org_board_add(db, region_id, number, "Stichting Benchmark", &board_id, &err))
		die("organisation", &err);
	struct cal_school *schools = calloc((size_t)n_schools, sizeof *schools);
	int64_t *ids = calloc((size_t)n_schools, sizeof *ids);
	struct cal_busy *all = calloc((size_t)n_schools * (size_t)(busy + 1), sizeof *all);
	char (*names)[64] = calloc((size_t)n_schools, 64);
	char (*provs)[32] = calloc((size_t)n_schools, 32);
	if (!schools || !ids || !all || !names || !provs)
		return 1;
	struct rng rng;
	rng_seed(&rng, seed);
	size_t n_busy = 0;
	int per[CAL_NREGIONS] = {(n_schools + 2) / 3, (n_schools + 1) / 3, n_schools / 3};
	int k = 0;
	if (db_begin(db, &err))
		die("begin", &err);
	for (int r = 0; r < CAL_NREGIONS; r++) {
		size_t got = 0;
		if (municipalities(db, calendar_region_name(r), (size_t)per[r], names, provs, &got, &err))
			die("municipalities", &err);
		for (int i = 0; i < per[r]; i++, k++) {
			int m = i % (int)got; /* more schools than municipalities: share them */
			struct org_school s;
			memset(&s, 0, sizeof s);
			snprintf(s.brin, sizeof s.brin, "%02dB%c", k % 100, 'A' + k / 100);
			snprintf(s.vestiging, sizeof s.vestiging, "00");
			snprintf(s.name, sizeof s.name, "School %d %s", k + 1, names[m]);
			snprintf(s.municipality, sizeof s.municipality, "%s", names[m]);
			snprintf(s.province, sizeof s.province, "%s", provs[m]);
			snprintf(s.city, sizeof s.city, "%s", names[m]);
			snprintf(s.school_types, sizeof s.school_types, "havo,vwo");
			if (org_school_add(db, board_id, &s, &ids[k], &err))
				die("school", &err);
			size_t made = gen_busy(&rng, r, ids[k], busy, all + n_busy);
			for (size_t j = 0; j < made; j++)
				if (store_busy_add(db, &all[n_busy + j], "demo", NULL, "bench", 0, NULL, &err))
					die("busy period", &err);
			n_busy += made;
		}
	}
	if (db_commit(db, &err))
		die("commit", &err);

	/* The same schools and calendar in memory for the core measurement. */
	struct cal_school *mem;
	if (store_calendar_schools(db, region_id, ids, (size_t)n_schools, &mem, &err))
		die("schools", &err);
	struct calendar cal;
	calendar_init(&cal);
	if (store_calendar_for_plan(db, &cal, mem, (size_t)n_schools, date_days(2026, 9, 1),
				    date_days(2027, 7, 9), &err))
		die("calendar", &err);
	struct plan_request req;
	request(&req, mem, (size_t)n_schools, meetings);
	double *t = calloc((size_t)runs, sizeof *t);
	struct plan_result res;
	int feasible = 0, free_weeks = 0;
	for (int i = 0; i < runs; i++) {
		double a = now_ms();
		if (planner_plan(&cal, &req, &res, &err))
			die("plan", &err);
		t[i] = now_ms() - a;
		feasible = res.feasible;
		free_weeks = res.free_weeks;
		if (i == runs - 1 && res.feasible) {
			printf("plan:");
			for (size_t m = 0; m < res.n_meetings; m++) {
				char d[11];
				date_format(res.meetings[m].day, d);
				printf(" %s", d);
			}
			printf("\n");
		}
		planner_result_release(&res);
	}
	struct stats core = summarise(t, runs);

	/* A request: database to plan. */
	for (int i = 0; i < runs; i++) {
		double a = now_ms();
		struct cal_school *sc;
		struct calendar c2;
		calendar_init(&c2);
		struct plan_request q;
		if (store_calendar_schools(db, region_id, ids, (size_t)n_schools, &sc, &err) ||
		    store_calendar_for_plan(db, &c2, sc, (size_t)n_schools, date_days(2026, 9, 1),
					    date_days(2027, 7, 9), &err))
			die("load", &err);
		request(&q, sc, (size_t)n_schools, meetings);
		if (planner_plan(&c2, &q, &res, &err))
			die("plan", &err);
		t[i] = now_ms() - a;
		planner_result_release(&res);
		calendar_release(&c2);
		free(sc);
	}
	struct stats run = summarise(t, runs);

	/* Too many meetings: the diagnosis runs as well. */
	request(&req, mem, (size_t)n_schools, 60);
	size_t fixes = 0;
	for (int i = 0; i < runs; i++) {
		double a = now_ms();
		if (planner_plan(&cal, &req, &res, &err))
			die("plan", &err);
		t[i] = now_ms() - a;
		fixes = res.n_fixes;
		planner_result_release(&res);
	}
	struct stats infeasible = summarise(t, runs);

	printf("schools %d (noord %d, midden %d, zuid %d), busy periods %zu, meetings %d, runs %d, %s\n",
	       n_schools, per[0], per[1], per[2], n_busy, meetings, runs,
	       db_dialect(db) == DB_PG ? "postgresql" : "sqlite");
	printf("feasible %d, free weeks %d of the period\n", feasible, free_weeks);
	printf("core (planner on a calendar in memory): median %.3f ms (min %.3f, max %.3f)\n",
	       core.median, core.min, core.max);
	printf("run  (database to plan):               median %.3f ms (min %.3f, max %.3f)\n", run.median,
	       run.min, run.max);
	printf("infeasible (60 meetings, %zu fixes):     median %.3f ms (min %.3f, max %.3f)\n", fixes,
	       infeasible.median, infeasible.min, infeasible.max);
	printf("RESULT schools=%d busy=%zu meetings=%d feasible=%d free_weeks=%d core_ms=%.3f run_ms=%.3f"
	       " infeasible_ms=%.3f target_ms=50 met=%s\n",
	       n_schools, n_busy, meetings, feasible, free_weeks, core.median, run.median,
	       infeasible.median, run.median < 50.0 ? "yes" : "no");
	calendar_release(&cal);
	free(mem);
	free(t);
	free(schools);
	free(ids);
	free(all);
	free(names);
	free(provs);
	db_close(db);
	if (dir[0]) {
		unlink(path);
		char side[160];
		snprintf(side, sizeof side, "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", path);
		unlink(side);
		rmdir(dir);
	}
	return 0;
}
