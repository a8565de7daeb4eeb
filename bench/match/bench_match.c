/*
 * bench_match.c - Samen's staffing optimiser on a generated instance.
 *
 * Reads an instance of gen_match, builds the assign model, solves it cold
 * REPEAT times (median time reported), writes the flow network it solved in
 * DIMACS min-cost-flow format for the LEMON and GLPK drivers, and then times
 * the incremental path: for each extra request of the instance, add it and
 * re-solve warm, then withdraw it and re-solve warm; after every warm solve a
 * cold solve of the same model checks that the objective is identical.
 *
 * Each incremental step is timed by the wall clock and by the CPU time of
 * this thread (on a shared machine the wall-clock tail shows the scheduler).
 *
 * Usage: bench_match INSTANCE DIMACS_OUT REPEAT
 * Prints key=value lines that bench/match/run.sh reads. With
 * BENCH_MATCH_TRACE set, one line per warm solve goes to stderr (times,
 * augmentations, searches, settled nodes, equal to the cold check).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "optim/assign.h"
#include "optim/mcf.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this thread: what the solver itself spent, without the time
 * the scheduler gave to other jobs on a shared machine. */
static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(const char *what, const struct samen_err *err)
{
	fprintf(stderr, "bench_match: %s: %s\n", what, err ? err->msg : "");
	exit(1);
}

struct extra {
	struct assign_request r;
	int n;
	int *staff, *travel;
};

static int write_dimacs(const struct mcf *g, const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	int32_t n = mcf_node_count(g), m = mcf_arc_count(g);
	fprintf(f, "c samen staffing network (hours model)\np min %ld %ld\n", (long)n, (long)m);
	for (int32_t v = 0; v < n; v++)
		if (mcf_supply(g, v))
			fprintf(f, "n %ld %lld\n", (long)v + 1, (long long)mcf_supply(g, v));
	for (int32_t a = 0; a < m; a++) {
		int32_t t, h;
		int64_t cap, cost;
		mcf_arc(g, a, &t, &h, &cap, &cost);
		fprintf(f, "a %ld %ld 0 %lld %lld\n", (long)t + 1, (long)h + 1, (long long)cap,
			(long long)cost);
	}
	return fclose(f);
}

static bool same_parts(const struct assign_result *a, const struct assign_result *b)
{
	return a->hours_covered == b->hours_covered && a->priority_covered == b->priority_covered &&
	       a->travel == b->travel && a->fairness == b->fairness && a->flow_cost == b->flow_cost;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bench_match INSTANCE DIMACS_OUT REPEAT\n");
		return 2;
	}
	int repeat = (int)strtol(argv[3], NULL, 10);
	if (repeat < 1)
		repeat = 1;
	FILE *in = fopen(argv[1], "r");
	if (!in)
		die("cannot open instance", NULL);
	int nboard, nreq, nstaff, nextra;
	if (fscanf(in, " p %d %d %d %d", &nboard, &nreq, &nstaff, &nextra) != 4)
		die("bad header", NULL);

	struct samen_err err;
	struct assign_model *m;
	if (assign_new(&m, NULL, &err))
		die("assign_new", &err);
	double t0 = now_ms();
	struct extra *ex = calloc((size_t)nextra + 1, sizeof *ex);
	int nex = 0, cur_req = -1;
	long ncand = 0;
	char tag;
	while (fscanf(in, " %c", &tag) == 1) {
		if (tag == 's') {
			struct assign_staff s;
			long id;
			if (fscanf(in, "%ld %d %d", &id, &s.board, &s.hours) != 3)
				die("bad staff line", NULL);
			s.id = id;
			if (assign_add_staff(m, &s, NULL, &err))
				die("add staff", &err);
		} else if (tag == 'r') {
			struct assign_request q;
			long id;
			if (fscanf(in, "%ld %d %d %d", &id, &q.board, &q.hours, &q.priority) != 4)
				die("bad request line", NULL);
			q.id = id;
			if (assign_add_request(m, &q, &cur_req, &err))
				die("add request", &err);
		} else if (tag == 'c') {
			int rq, st, tr;
			if (fscanf(in, "%d %d %d", &rq, &st, &tr) != 3)
				die("bad candidate line", NULL);
			if (assign_add_candidate(m, rq, st, tr, true, NULL, &err))
				die("add candidate", &err);
			ncand++;
		} else if (tag == 'x') {
			struct extra *e = &ex[nex++];
			long id;
			if (fscanf(in, "%ld %d %d %d %d", &id, &e->r.board, &e->r.hours, &e->r.priority,
				   &e->n) != 5)
				die("bad extra line", NULL);
			e->r.id = id;
			e->staff = calloc((size_t)e->n + 1, sizeof *e->staff);
			e->travel = calloc((size_t)e->n + 1, sizeof *e->travel);
			for (int i = 0; i < e->n; i++)
				if (fscanf(in, " y %d %d", &e->staff[i], &e->travel[i]) != 2)
					die("bad extra candidate", NULL);
		} else {
			die("unknown line", NULL);
		}
	}
	fclose(in);
	double t_build = now_ms() - t0;

	/* cold solves */
	struct assign_result res;
	double *times = calloc((size_t)repeat, sizeof *times);
	double t_first = 0;
	for (int i = 0; i < repeat; i++) {
		double a = now_ms();
		if (assign_solve(m, MCF_COLD, &res, &err))
			die("solve", &err);
		times[i] = now_ms() - a;
		if (i == 0)
			t_first = times[i];
		if (i + 1 < repeat)
			assign_result_release(&res);
	}
	/* the solver alone, without the model's bookkeeping and result */
	struct mcf *g = (struct mcf *)assign_network(m);
	double *mt = calloc((size_t)repeat, sizeof *mt);
	struct mcf_stats stats;
	for (int i = 0; i < repeat; i++) {
		enum mcf_status st;
		double a = now_ms();
		if (mcf_solve(g, MCF_COLD, &st, &err) || st != MCF_OPTIMAL)
			die("mcf_solve", &err);
		mt[i] = now_ms() - a;
	}
	mcf_get_stats(g, &stats);
	struct assign_weights w;
	assign_get_weights(m, &w);
	printf("nodes=%ld arcs=%ld candidates=%ld boards=%d\n", (long)mcf_node_count(g),
	       (long)mcf_arc_count(g), ncand, nboard);
	printf("weights cover=%lld priority=%lld travel=%lld\n", (long long)w.cover,
	       (long long)w.priority, (long long)w.travel);
	printf("samen_cost=%lld\n", (long long)mcf_total_cost(g));
	printf("samen_solve_ms=%.3f samen_assign_ms=%.3f first_ms=%.3f build_ms=%.1f pivots=%lld\n",
	       median(mt, repeat), median(times, repeat), t_first, t_build,
	       (long long)stats.pivots);
	printf("hours_wanted=%lld hours_covered=%lld priority_covered=%lld travel=%lld "
	       "fairness=%lld lines=%zu\n",
	       (long long)res.hours_wanted, (long long)res.hours_covered,
	       (long long)res.priority_covered, (long long)res.travel, (long long)res.fairness,
	       res.nlines);
	if (write_dimacs(g, argv[2]))
		die("cannot write DIMACS", NULL);
	assign_result_release(&res);

	/* incremental: add one request, re-solve warm; withdraw it, re-solve warm */
	if (nex > 0) {
		double *ta = calloc((size_t)nex, sizeof *ta), *tw = calloc((size_t)nex, sizeof *tw);
		double *ca = calloc((size_t)nex, sizeof *ca), *cw = calloc((size_t)nex, sizeof *cw);
		int equal = 0, warm = 0;
		bool trace = getenv("BENCH_MATCH_TRACE") != NULL; /* per-solve lines on stderr */
		long aug = 0;
		for (int i = 0; i < nex; i++) {
			struct assign_result rw, rc;
			int32_t idx;
			double c0 = cpu_ms(), a = now_ms();
			if (assign_add_request(m, &ex[i].r, &idx, &err))
				die("add extra", &err);
			for (int c = 0; c < ex[i].n; c++)
				if (assign_add_candidate(m, idx, ex[i].staff[c], ex[i].travel[c], true, NULL,
							 &err))
					die("add extra candidate", &err);
			if (assign_solve(m, MCF_WARM, &rw, &err))
				die("warm solve", &err);
			ta[i] = now_ms() - a;
			ca[i] = cpu_ms() - c0;
			mcf_get_stats(g, &stats);
			warm += rw.warm;
			aug += stats.augmentations;
			if (assign_solve(m, MCF_COLD, &rc, &err))
				die("cold check", &err);
			equal += same_parts(&rw, &rc);
			if (trace)
				fprintf(stderr,
					"add %d hours=%d ms=%.4f cpu=%.4f aug=%lld searches=%lld settled=%lld "
					"equal=%d\n",
					i, ex[i].r.hours, ta[i], ca[i], (long long)stats.augmentations,
					(long long)stats.searches, (long long)stats.settled,
					same_parts(&rw, &rc));
			assign_result_release(&rw);
			assign_result_release(&rc);

			c0 = cpu_ms();
			a = now_ms();
			if (assign_withdraw_request(m, idx, &err))
				die("withdraw", &err);
			if (assign_solve(m, MCF_WARM, &rw, &err))
				die("warm solve", &err);
			tw[i] = now_ms() - a;
			cw[i] = cpu_ms() - c0;
			warm += rw.warm;
			mcf_get_stats(g, &stats);
			if (assign_solve(m, MCF_COLD, &rc, &err))
				die("cold check", &err);
			equal += same_parts(&rw, &rc);
			if (trace)
				fprintf(stderr,
					"withdraw %d hours=%d ms=%.4f cpu=%.4f aug=%lld searches=%lld settled=%lld "
					"equal=%d\n",
					i, ex[i].r.hours, tw[i], cw[i], (long long)stats.augmentations,
					(long long)stats.searches, (long long)stats.settled,
					same_parts(&rw, &rc));
			assign_result_release(&rw);
			assign_result_release(&rc);
		}
		double med_a = median(ta, nex), med_w = median(tw, nex); /* sorts */
		printf("incremental_add_median_ms=%.4f incremental_add_p90_ms=%.4f "
		       "incremental_add_p99_ms=%.4f incremental_add_max_ms=%.4f\n",
		       med_a, ta[(nex - 1) * 90 / 100], ta[(nex - 1) * 99 / 100], ta[nex - 1]);
		printf("withdraw_median_ms=%.4f withdraw_p90_ms=%.4f withdraw_p99_ms=%.4f "
		       "withdraw_max_ms=%.4f\n",
		       med_w, tw[(nex - 1) * 90 / 100], tw[(nex - 1) * 99 / 100], tw[nex - 1]);
		med_a = median(ca, nex);
		med_w = median(cw, nex);
		printf("incremental_add_cpu_median_ms=%.4f incremental_add_cpu_p90_ms=%.4f "
		       "incremental_add_cpu_p99_ms=%.4f incremental_add_cpu_max_ms=%.4f\n",
		       med_a, ca[(nex - 1) * 90 / 100], ca[(nex - 1) * 99 / 100], ca[nex - 1]);
		printf("withdraw_cpu_median_ms=%.4f withdraw_cpu_p90_ms=%.4f withdraw_cpu_p99_ms=%.4f "
		       "withdraw_cpu_max_ms=%.4f\n",
		       med_w, cw[(nex - 1) * 90 / 100], cw[(nex - 1) * 99 / 100], cw[nex - 1]);
		printf("incremental_checks=%d incremental_equal=%d warm_solves=%d augmentations=%ld\n",
		       2 * nex, equal, warm, aug);
		free(ta);
		free(tw);
		free(ca);
		free(cw);
	}
	for (int i = 0; i < nex; i++) {
		free(ex[i].staff);
		free(ex[i].travel);
	}
	free(ex);
	free(times);
	free(mt);
	assign_free(m);
	return 0;
}
