/*
 * glpk_driver.c - the second peer of bench/match: GLPK's min-cost-flow
 * routine glp_mincost_okalg (out-of-kilter; GLPK 5.0's glp_mincost_relax4
 * is a stub) on the DIMACS file written by bench_match. GLPK is GPL: this
 * driver is a separate benchmark program, never linked into samen.
 *
 * GLPK keeps arc data in int range: a network with a capacity or cost
 * beyond INT_MAX is reported as glpk_status=data_out_of_range.
 *
 * Usage: glpk_driver DIMACS      Prints key=value lines.
 */
#define _POSIX_C_SOURCE 200809L
#include <glpk.h>
#include <stdio.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: glpk_driver DIMACS\n");
		return 2;
	}
	glp_term_out(GLP_OFF);
	glp_graph *g = glp_create_graph(sizeof(double), 3 * sizeof(double));
	if (glp_read_mincost(g, 0, 0, (int)sizeof(double), 2 * (int)sizeof(double), argv[1])) {
		fprintf(stderr, "glpk_driver: cannot read %s\n", argv[1]);
		return 1;
	}
	double sol = 0;
	double t0 = now_ms();
	int ret = glp_mincost_okalg(g, 0, 0, (int)sizeof(double), 2 * (int)sizeof(double), &sol, -1,
				    -1);
	double t1 = now_ms();
	glp_delete_graph(g);
	if (ret == GLP_EDATA) {
		printf("glpk_status=data_out_of_range\n");
		return 0;
	}
	if (ret == GLP_ERANGE) {
		printf("glpk_status=integer_overflow\n");
		return 0;
	}
	if (ret != 0) {
		printf("glpk_status=error_%d\n", ret);
		return 0;
	}
	printf("glpk_status=optimal\nglpk_cost=%.0f\nglpk_ms=%.3f\n", sol, t1 - t0);
	return 0;
}
