/*
 * gen_match.c - generator of staffing instances for bench/match (hours model).
 *
 * A region is a square of side km kilometres with schools placed at random;
 * boards are the nearest of nboards random centres (so a board's schools lie
 * together, as in real regions). Each staff member works at a school, teaches
 * one of 20 subjects (uneven popularity) and offers 1..8 spare hours a week
 * (mostly few). Each request comes from a school for one subject, wants 2..12
 * hours and has priority 1 (60%), 2 (30%) or 3 (10%). The candidates of a
 * request are the k nearest staff of its subject within 90 minutes, at
 * other schools; travel minutes = 10 + 1.2 x km, rounded. Extra requests
 * (for the incremental timing) are generated the same way afterwards.
 *
 * Usage: gen_match REQUESTS STAFF SCHOOLS BOARDS KM K EXTRA SEED > instance
 * Output (text): "p BOARDS REQUESTS STAFF EXTRA", then "s id board hours"
 * lines, then per request "r id board hours priority" followed by its
 * "c request staff travel" lines (0-based indices), and per extra request
 * "x id board hours priority NCAND" followed by NCAND "y staff travel" lines.
 * Deterministic for a seed (xoshiro256** from src/util/rng.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/rng.h"

#define SUBJECTS 20

struct pt {
	double x, y;
};

static long arg(char **argv, int i)
{
	return strtol(argv[i], NULL, 10);
}

struct near {
	double d;
	int staff;
};

static int cmp_near(const void *a, const void *b)
{
	const struct near *p = a, *q = b;
	if (p->d != q->d)
		return p->d < q->d ? -1 : 1;
	return p->staff - q->staff;
}

int main(int argc, char **argv)
{
	if (argc != 9) {
		fprintf(stderr, "usage: gen_match REQUESTS STAFF SCHOOLS BOARDS KM K EXTRA SEED\n");
		return 2;
	}
	int nreq = (int)arg(argv, 1), nstaff = (int)arg(argv, 2), nschool = (int)arg(argv, 3);
	int nboard = (int)arg(argv, 4), km = (int)arg(argv, 5), k = (int)arg(argv, 6);
	int extra = (int)arg(argv, 7);
	struct rng r;
	rng_seed(&r, (uint64_t)arg(argv, 8));

	struct pt *school = malloc(sizeof *school * (size_t)nschool);
	struct pt *centre = malloc(sizeof *centre * (size_t)nboard);
	int *sboard = malloc(sizeof *sboard * (size_t)nschool);
	int *st_school = malloc(sizeof *st_school * (size_t)nstaff);
	int *st_subject = malloc(sizeof *st_subject * (size_t)nstaff);
	/* staff lists per (school, subject) */
	int *first = malloc(sizeof *first * (size_t)nschool * SUBJECTS);
	int *next = malloc(sizeof *next * (size_t)nstaff);
	struct near *cand = malloc(sizeof *cand * (size_t)nstaff);
	double weight[SUBJECTS];
	for (int s = 0; s < SUBJECTS; s++)
		weight[s] = 1.0 / (1.0 + s * 0.25);

	for (int b = 0; b < nboard; b++)
		centre[b] = (struct pt){rng_uniform(&r) * km, rng_uniform(&r) * km};
	for (int i = 0; i < nschool; i++) {
		school[i] = (struct pt){rng_uniform(&r) * km, rng_uniform(&r) * km};
		double best = 1e18;
		for (int b = 0; b < nboard; b++) {
			double dx = school[i].x - centre[b].x, dy = school[i].y - centre[b].y;
			if (dx * dx + dy * dy < best) {
				best = dx * dx + dy * dy;
				sboard[i] = b;
			}
		}
	}
	for (int i = 0; i < nschool * SUBJECTS; i++)
		first[i] = -1;

	printf("p %d %d %d %d\n", nboard, nreq, nstaff, extra);
	/* requests are written after the staff, so draw staff first */
	for (int j = 0; j < nstaff; j++) {
		st_school[j] = (int)rng_below(&r, (uint64_t)nschool);
		st_subject[j] = (int)rng_pick_weighted(&r, weight, SUBJECTS);
		int key = st_school[j] * SUBJECTS + st_subject[j];
		next[j] = first[key];
		first[key] = j;
	}
	for (int j = 0; j < nstaff; j++) {
		static const double hw[8] = {4, 4, 3, 3, 2, 1, 1, 1};
		int h = 1 + (int)rng_pick_weighted(&r, hw, 8);
		printf("s %d %d %d\n", 100000 + j, sboard[st_school[j]], h);
	}

	int total = nreq + extra;
	for (int i = 0; i < total; i++) {
		int sc = (int)rng_below(&r, (uint64_t)nschool);
		int subj = (int)rng_pick_weighted(&r, weight, SUBJECTS);
		int hours = (int)rng_between(&r, 2, 12);
		static const double pw[3] = {6, 3, 1};
		int prio = 1 + (int)rng_pick_weighted(&r, pw, 3);
		int nc = 0;
		for (int t = 0; t < nschool; t++) {
			if (t == sc)
				continue;
			double dx = school[t].x - school[sc].x, dy = school[t].y - school[sc].y;
			double d = sqrt(dx * dx + dy * dy);
			if (10.0 + 1.2 * d > 90.0)
				continue;
			for (int j = first[t * SUBJECTS + subj]; j >= 0; j = next[j])
				cand[nc++] = (struct near){d, j};
		}
		qsort(cand, (size_t)nc, sizeof *cand, cmp_near);
		if (nc > k)
			nc = k;
		if (i < nreq) {
			printf("r %d %d %d %d\n", 1 + i, sboard[sc], hours, prio);
			for (int c = 0; c < nc; c++)
				printf("c %d %d %d\n", i, cand[c].staff, (int)lround(10.0 + 1.2 * cand[c].d));
		} else {
			printf("x %d %d %d %d %d\n", 1 + i, sboard[sc], hours, prio, nc);
			for (int c = 0; c < nc; c++)
				printf("y %d %d\n", cand[c].staff, (int)lround(10.0 + 1.2 * cand[c].d));
		}
	}
	free(school);
	free(centre);
	free(sboard);
	free(st_school);
	free(st_subject);
	free(first);
	free(next);
	free(cand);
	return 0;
}
