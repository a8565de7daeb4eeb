/*
 * glpk_mip_driver.c - GLPK's MIP solver (glp_intopt) on the 0-1 programs
 * that bench_lessons wrote, stage by stage, for bench/match/run_lessons.sh.
 *
 * Samen solves the lexicographic levels in stages; after every stage it
 * fixes the levels reached by rows, and the next stage's program holds
 * those rows. Each stage file is therefore a complete MIP of its own, and
 * its optimum must equal Samen's optimum of that stage (PREFIX-stageN.obj).
 * This driver reads every PREFIX-stageN.mps (free MPS), solves it with
 * glp_intopt (presolve on, default branching and cuts), prints the time,
 * the objective and whether it equals Samen's; on stage 1 it also solves
 * the LP relaxation and the program without its clash rows (rows named
 * C...), to show whether the relaxation was exact and whether clashes
 * change the optimum. With --cbc it solves the same files with CBC through
 * its C interface instead (the same engine Samen uses, without Samen's own
 * model building).
 *
 * GLPK is GPL: this driver is a separate program, never linked into samen.
 *
 * Usage: glpk_mip_driver [--cbc] PREFIX STAGES [SECONDS_LIMIT]
 * Prints key=value lines.
 */
#define _POSIX_C_SOURCE 200809L
#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef WITH_CBC
#include <Cbc_C_Interface.h>
#endif

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double samen_obj(const char *prefix, int stage)
{
	char path[4096];
	snprintf(path, sizeof path, "%s-stage%d.obj", prefix, stage);
	FILE *f = fopen(path, "r");
	double v = NAN;
	if (f) {
		if (fscanf(f, "obj=%lf", &v) != 1)
			v = NAN;
		fclose(f);
	}
	return v;
}

static int stage_glpk(const char *prefix, int stage, double limit_s, double *total_ms)
{
	char path[4096];
	snprintf(path, sizeof path, "%s-stage%d.mps", prefix, stage);
	glp_prob *lp = glp_create_prob();
	if (glp_read_mps(lp, GLP_MPS_FILE, NULL, path)) {
		fprintf(stderr, "glpk_mip_driver: cannot read %s\n", path);
		return 2;
	}
	glp_iocp parm;
	glp_init_iocp(&parm);
	parm.presolve = GLP_ON;
	parm.msg_lev = GLP_MSG_OFF;
	if (limit_s > 0)
		parm.tm_lim = (int)(limit_s * 1000);
	double t0 = now_ms();
	int ret = glp_intopt(lp, &parm);
	double ms = now_ms() - t0;
	*total_ms += ms;
	int st = glp_mip_status(lp);
	double v = glp_mip_obj_val(lp), ours = samen_obj(prefix, stage);
	int same = st == GLP_OPT && ret == 0 && fabs(v - ours) < 0.5;
	printf("glpk_stage%d_ms=%.1f glpk_stage%d_obj=%.0f samen_stage%d_obj=%.0f "
	       "glpk_stage%d_status=%s stage%d_same=%d\n",
	       stage, ms, stage, v, stage, ours, stage,
	       ret == 0 && st == GLP_OPT ? "optimal" : (ret == GLP_ETMLIM ? "time_limit" : "failed"),
	       stage, same);
	if (stage == 1) {
		/* the LP relaxation */
		glp_smcp sp;
		glp_init_smcp(&sp);
		sp.msg_lev = GLP_MSG_OFF;
		glp_prob *rel = glp_create_prob();
		glp_copy_prob(rel, lp, GLP_ON);
		glp_simplex(rel, &sp);
		double lpv = glp_get_obj_val(rel);
		printf("stage1_lp_obj=%.3f stage1_lp_exact=%d\n", lpv, fabs(lpv - v) < 1e-6);
		/* without the clash rows */
		int n = glp_get_num_rows(rel), k = 0;
		int *del = malloc(sizeof *del * (size_t)(n + 1));
		for (int i = 1; i <= n; i++) {
			const char *name = glp_get_row_name(rel, i);
			if (name && name[0] == 'C')
				del[++k] = i;
		}
		if (k)
			glp_del_rows(rel, k, del);
		free(del);
		glp_intopt(rel, &parm);
		double nc = glp_mip_obj_val(rel);
		printf("stage1_clash_rows=%d stage1_noclash_obj=%.0f clashes_matter=%d\n", k, nc,
		       fabs(nc - v) > 0.5);
		glp_delete_prob(rel);
	}
	glp_delete_prob(lp);
	return same ? 0 : 1;
}

#ifdef WITH_CBC
static int stage_cbc(const char *prefix, int stage, double *total_ms)
{
	char path[4096];
	snprintf(path, sizeof path, "%s-stage%d.mps", prefix, stage);
	Cbc_Model *m = Cbc_newModel();
	if (Cbc_readMps(m, path)) {
		fprintf(stderr, "glpk_mip_driver: CBC cannot read %s\n", path);
		return 2;
	}
	Cbc_setParameter(m, "log", "0");
	Cbc_setParameter(m, "slog", "0");
	double t0 = now_ms();
	Cbc_solve(m);
	double ms = now_ms() - t0;
	*total_ms += ms;
	double v = Cbc_getObjValue(m), ours = samen_obj(prefix, stage);
	int same = Cbc_isProvenOptimal(m) && fabs(v - ours) < 0.5;
	printf("cbc_stage%d_ms=%.1f cbc_stage%d_obj=%.0f cbc_stage%d_nodes=%d stage%d_same=%d\n",
	       stage, ms, stage, v, stage, Cbc_getNodeCount(m), stage, same);
	Cbc_deleteModel(m);
	return same ? 0 : 1;
}
#endif

int main(int argc, char **argv)
{
	int cbc = argc > 1 && strcmp(argv[1], "--cbc") == 0;
	if (argc < 3 + cbc) {
		fprintf(stderr, "usage: glpk_mip_driver [--cbc] PREFIX STAGES [SECONDS_LIMIT]\n");
		return 2;
	}
	const char *prefix = argv[1 + cbc];
	int stages = atoi(argv[2 + cbc]);
	double limit = argc > 3 + cbc ? atof(argv[3 + cbc]) : 0;
	glp_term_out(GLP_OFF);
	int bad = 0;
	double total = 0;
	for (int s = 1; s <= stages; s++) {
#ifdef WITH_CBC
		if (cbc) {
			bad |= stage_cbc(prefix, s, &total);
			continue;
		}
#else
		if (cbc) {
			fprintf(stderr, "glpk_mip_driver: built without CBC\n");
			return 2;
		}
#endif
		bad |= stage_glpk(prefix, s, limit, &total);
	}
	printf("%s_total_ms=%.1f %s_all_same=%d\n", cbc ? "cbc" : "glpk", total, cbc ? "cbc" : "glpk",
	       !bad);
	return bad ? 1 : 0;
}
