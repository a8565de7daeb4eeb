/*
 * bench_lessons.c - Samen's lesson-level staffing optimiser on a generated
 * instance (bench/match/gen_lessons.c).
 *
 * Reads the instance, builds the model through optim/lessons.h (travel
 * between schools 10 + 1.2 x km from the coordinates, as the generator),
 * solves it REPEAT times from scratch (a fresh model each time, so no warm
 * start; the median wall and CPU times are reported) and once more with
 * every stage's 0-1 program written as MPS_PREFIX-stageN.mps for the GLPK
 * driver. Then a warm re-solve: one request withdrawn, solved again on the
 * same model (the previous assignment is the MIP start).
 *
 * Usage: bench_lessons INSTANCE MPS_PREFIX REPEAT
 * Prints key=value lines that bench/match/run_lessons.sh reads.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "optim/lessons.h"

struct inst {
	int nboard, nreq, nstaff, nles, nschool;
	size_t nopt;
	long *hx, *hy;
	int *sid, *sboard, *sschool, *smin;
	int *rid, *rboard, *rschool, *rprio;
	int *lreq, *lday, *lstart, *lend;
	int *ostaff, *oles, *otravel, *oallowed;
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int32_t travel(void *ctx, int32_t a, int32_t b)
{
	const struct inst *in = ctx;
	if (a == b)
		return 0;
	double dx = (double)(in->hx[a] - in->hx[b]) / 1000.0, dy = (double)(in->hy[a] - in->hy[b]) / 1000.0;
	return (int32_t)lround(10.0 + 1.2 * sqrt(dx * dx + dy * dy));
}

#define NEW(p, n) ((p) = calloc((size_t)(n) + 1, sizeof *(p)))

static int read_inst(const char *path, struct inst *in)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	memset(in, 0, sizeof *in);
	if (fscanf(f, " p %d %d %d %d %zu %d", &in->nboard, &in->nreq, &in->nstaff, &in->nles,
		   &in->nopt, &in->nschool) != 6)
		return -1;
	NEW(in->hx, in->nschool);
	NEW(in->hy, in->nschool);
	NEW(in->sid, in->nstaff);
	NEW(in->sboard, in->nstaff);
	NEW(in->sschool, in->nstaff);
	NEW(in->smin, in->nstaff);
	NEW(in->rid, in->nreq);
	NEW(in->rboard, in->nreq);
	NEW(in->rschool, in->nreq);
	NEW(in->rprio, in->nreq);
	NEW(in->lreq, in->nles);
	NEW(in->lday, in->nles);
	NEW(in->lstart, in->nles);
	NEW(in->lend, in->nles);
	NEW(in->ostaff, in->nopt);
	NEW(in->oles, in->nopt);
	NEW(in->otravel, in->nopt);
	NEW(in->oallowed, in->nopt);
	int id;
	for (int i = 0; i < in->nschool; i++)
		if (fscanf(f, " h %d %ld %ld", &id, &in->hx[i], &in->hy[i]) != 3)
			return -1;
	for (int i = 0; i < in->nstaff; i++)
		if (fscanf(f, " s %d %d %d %d", &in->sid[i], &in->sboard[i], &in->sschool[i],
			   &in->smin[i]) != 4)
			return -1;
	for (int i = 0; i < in->nreq; i++)
		if (fscanf(f, " r %d %d %d %d", &in->rid[i], &in->rboard[i], &in->rschool[i],
			   &in->rprio[i]) != 4)
			return -1;
	for (int i = 0; i < in->nles; i++)
		if (fscanf(f, " l %d %d %d %d", &in->lreq[i], &in->lday[i], &in->lstart[i],
			   &in->lend[i]) != 4)
			return -1;
	for (size_t i = 0; i < in->nopt; i++)
		if (fscanf(f, " o %d %d %d %d", &in->ostaff[i], &in->oles[i], &in->otravel[i],
			   &in->oallowed[i]) != 4)
			return -1;
	fclose(f);
	return 0;
}

static struct lessons_model *build(struct inst *in)
{
	struct lessons_model *m;
	struct samen_err err = {0};
	if (lessons_new(&m, NULL, travel, in, &err))
		goto fail;
	for (int i = 0; i < in->nreq; i++) {
		struct lessons_request r = {.id = in->rid[i], .board = in->rboard[i],
					    .location = in->rschool[i], .priority = in->rprio[i]};
		if (lessons_add_request(m, &r, NULL, &err))
			goto fail;
	}
	for (int i = 0; i < in->nles; i++) {
		struct lessons_lesson l = {.id = i, .request = in->lreq[i], .weekday = in->lday[i],
					   .start = in->lstart[i], .end = in->lend[i]};
		if (lessons_add_lesson(m, &l, NULL, &err))
			goto fail;
	}
	for (int i = 0; i < in->nstaff; i++) {
		struct lessons_staff s = {.id = in->sid[i], .board = in->sboard[i],
					  .location = in->sschool[i], .minutes = in->smin[i]};
		if (lessons_add_staff(m, &s, NULL, &err))
			goto fail;
	}
	for (size_t i = 0; i < in->nopt; i++)
		if (lessons_add_option(m, in->ostaff[i], in->oles[i], in->otravel[i],
				       in->oallowed[i] != 0, &err))
			goto fail;
	return m;
fail:
	fprintf(stderr, "bench_lessons: %s\n", err.msg);
	exit(1);
}

static void print_result(const char *prefix, const struct lessons_result *res)
{
	printf("%sstatus=%s %sminutes_wanted=%lld %scovered=%lld %spriority=%lld %stravel=%lld "
	       "%sfairness=%lld %sbound=%lld %snodes=%lld %sstages=%d %sclash_rows=%lld\n",
	       prefix, res->status == LESSONS_OPTIMAL ? "optimal" : "feasible", prefix,
	       (long long)res->minutes_wanted, prefix, (long long)res->minutes_covered, prefix,
	       (long long)res->priority_covered, prefix, (long long)res->travel, prefix,
	       (long long)res->fairness, prefix, (long long)res->bound_minutes, prefix,
	       (long long)res->nodes, prefix, res->stages, prefix, (long long)res->clash_rows);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bench_lessons INSTANCE MPS_PREFIX REPEAT\n");
		return 2;
	}
	struct inst in;
	if (read_inst(argv[1], &in)) {
		fprintf(stderr, "bench_lessons: cannot read %s\n", argv[1]);
		return 1;
	}
	int repeat = atoi(argv[3]);
	if (repeat < 1)
		repeat = 1;
	printf("instance requests=%d lessons=%d staff=%d options=%zu boards=%d schools=%d\n",
	       in.nreq, in.nles, in.nstaff, in.nopt, in.nboard, in.nschool);
	double *wall = calloc((size_t)repeat, sizeof *wall), *cpu = calloc((size_t)repeat, sizeof *cpu);
	double build_ms = 0;
	struct lessons_result res = {0};
	for (int k = 0; k < repeat; k++) {
		double t0 = now_ms();
		struct lessons_model *m = build(&in);
		build_ms = now_ms() - t0;
		lessons_result_release(&res);
		struct samen_err err = {0};
		double w0 = now_ms(), c0 = cpu_ms();
		if (lessons_solve(m, &res, &err)) {
			fprintf(stderr, "bench_lessons: %s\n", err.msg);
			return 1;
		}
		wall[k] = now_ms() - w0;
		cpu[k] = cpu_ms() - c0;
		lessons_free(m);
	}
	print_result("samen_", &res);
	qsort(wall, (size_t)repeat, sizeof *wall, cmp_double);
	qsort(cpu, (size_t)repeat, sizeof *cpu, cmp_double);
	printf("samen_solve_ms=%.1f samen_cpu_ms=%.1f build_ms=%.1f repeat=%d\n", wall[repeat / 2],
	       cpu[repeat / 2], build_ms, repeat);

	/* once more, writing every stage's program for the peer */
	struct lessons_model *m = build(&in);
	struct samen_err err = {0};
	if (lessons_set_dump(m, argv[2], &err))
		return 1;
	struct lessons_result dumped;
	if (lessons_solve(m, &dumped, &err)) {
		fprintf(stderr, "bench_lessons: %s\n", err.msg);
		return 1;
	}
	printf("dumped_stages=%d dumped_covered=%lld dumped_fairness=%lld\n", dumped.stages,
	       (long long)dumped.minutes_covered, (long long)dumped.fairness);
	lessons_set_dump(m, NULL, NULL);
	/* warm: withdraw the request of the first assigned line and solve again */
	if (dumped.nlines > 0) {
		int32_t r = dumped.lines[0].request;
		lessons_withdraw_request(m, r, NULL);
		struct lessons_result warm;
		double w0 = now_ms();
		if (lessons_solve(m, &warm, &err)) {
			fprintf(stderr, "bench_lessons: %s\n", err.msg);
			return 1;
		}
		printf("warm_withdraw_ms=%.1f warm_status=%s warm_covered=%lld\n", now_ms() - w0,
		       warm.status == LESSONS_OPTIMAL ? "optimal" : "feasible",
		       (long long)warm.minutes_covered);
		lessons_result_release(&warm);
	}
	lessons_result_release(&dumped);
	lessons_result_release(&res);
	lessons_free(m);
	free(wall);
	free(cpu);
	return 0;
}
