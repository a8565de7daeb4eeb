/*
 * gen_lessons.c - generator of lesson-level staffing instances for
 * bench/match (the lesson model of src/optim/lessons.h).
 *
 * The region is the one of gen_match.c: a square of side km kilometres with
 * schools at random, boards the nearest of nboards random centres, travel
 * minutes between schools 10 + 1.2 x km (rounded; 0 within a school). Every
 * school keeps one bell schedule of 8 periods of 50 minutes from 8:30, with
 * a 15-minute break after period 3 and a 30-minute lunch after period 5.
 *
 * Staff: a school, one of 20 subjects (uneven popularity), 1..8 spare
 * periods a week (mostly few) as spare minutes, and an own timetable: each
 * of the 40 (weekday, period) slots is taught at the own school with
 * probability 0.6. Requests: a school, a subject, priority 1 (60%), 2 (30%)
 * or 3 (10%) and 2..6 lessons in distinct random (weekday, period) slots.
 * The candidates of a request are the K nearest staff of its subject at
 * other schools within 90 minutes (as in gen_match); an option (person,
 * lesson) exists when the person's own timetable leaves the slot free with
 * the travel time before and after it (the own lesson before ends, plus
 * the travel, by the start; the lesson's end plus the travel back by the
 * start of the own lesson after). About 8% of the options are declined.
 *
 * Usage: gen_lessons REQUESTS STAFF SCHOOLS BOARDS KM K SEED > instance
 * Output (text): "p BOARDS REQUESTS STAFF LESSONS OPTIONS SCHOOLS", then
 * "h school x y" (coordinates in metres), "s id board school minutes",
 * "r id board school priority", "l request weekday start end" (request
 * index), "o staff lesson travel allowed" (indices). Deterministic for a
 * seed (xoshiro256** from src/util/rng.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/rng.h"

#define SUBJECTS 20
#define DAYS 5
#define PERIODS 8

static const int pstart[PERIODS] = {510, 560, 610, 675, 725, 805, 855, 905};

struct pt {
	double x, y;
};

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

static long arg(char **argv, int i)
{
	return strtol(argv[i], NULL, 10);
}

static int travel_km(double d)
{
	return (int)lround(10.0 + 1.2 * d);
}

int main(int argc, char **argv)
{
	if (argc != 8) {
		fprintf(stderr, "usage: gen_lessons REQUESTS STAFF SCHOOLS BOARDS KM K SEED\n");
		return 2;
	}
	int nreq = (int)arg(argv, 1), nstaff = (int)arg(argv, 2), nschool = (int)arg(argv, 3);
	int nboard = (int)arg(argv, 4), km = (int)arg(argv, 5), k = (int)arg(argv, 6);
	struct rng r;
	rng_seed(&r, (uint64_t)arg(argv, 7));

	struct pt *school = malloc(sizeof *school * (size_t)nschool);
	struct pt *centre = malloc(sizeof *centre * (size_t)nboard);
	int *sboard = malloc(sizeof *sboard * (size_t)nschool);
	int *st_school = malloc(sizeof *st_school * (size_t)nstaff);
	int *st_subject = malloc(sizeof *st_subject * (size_t)nstaff);
	unsigned char *busy = malloc((size_t)nstaff * DAYS * PERIODS);
	int *first = malloc(sizeof *first * (size_t)nschool * SUBJECTS);
	int *next = malloc(sizeof *next * (size_t)nstaff);
	struct near *cand = malloc(sizeof *cand * (size_t)nstaff);
	int *rschool = malloc(sizeof *rschool * (size_t)nreq);
	int *nles = malloc(sizeof *nles * (size_t)nreq);
	int (*slot)[6] = malloc(sizeof *slot * (size_t)nreq);
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
	int *minutes = malloc(sizeof *minutes * (size_t)nstaff);
	for (int j = 0; j < nstaff; j++) {
		st_school[j] = (int)rng_below(&r, (uint64_t)nschool);
		st_subject[j] = (int)rng_pick_weighted(&r, weight, SUBJECTS);
		int key = st_school[j] * SUBJECTS + st_subject[j];
		next[j] = first[key];
		first[key] = j;
		static const double hw[8] = {4, 4, 3, 3, 2, 1, 1, 1};
		minutes[j] = 50 * (1 + (int)rng_pick_weighted(&r, hw, 8));
		for (int t = 0; t < DAYS * PERIODS; t++)
			busy[(size_t)j * DAYS * PERIODS + (size_t)t] = rng_chance(&r, 0.6);
	}
	/* requests and their lessons */
	int nlesson = 0;
	int *rsubj = malloc(sizeof *rsubj * (size_t)nreq), *rprio = malloc(sizeof *rprio * (size_t)nreq);
	for (int i = 0; i < nreq; i++) {
		rschool[i] = (int)rng_below(&r, (uint64_t)nschool);
		rsubj[i] = (int)rng_pick_weighted(&r, weight, SUBJECTS);
		static const double pw[3] = {6, 3, 1};
		rprio[i] = 1 + (int)rng_pick_weighted(&r, pw, 3);
		nles[i] = (int)rng_between(&r, 2, 6);
		for (int l = 0; l < nles[i]; l++) {
			int s, dup;
			do {
				s = (int)rng_below(&r, DAYS * PERIODS);
				dup = 0;
				for (int m = 0; m < l; m++)
					dup |= slot[i][m] == s;
			} while (dup);
			slot[i][l] = s;
		}
		nlesson += nles[i];
	}
	/* options: candidates free in the slot with travel before and after */
	size_t cap = 1024, nopt = 0;
	int(*opt)[4] = malloc(sizeof *opt * cap);
	int lesson0 = 0;
	for (int i = 0; i < nreq; i++) {
		int sc = rschool[i], nc = 0;
		for (int t = 0; t < nschool; t++) {
			if (t == sc)
				continue;
			double dx = school[t].x - school[sc].x, dy = school[t].y - school[sc].y;
			double d = sqrt(dx * dx + dy * dy);
			if (10.0 + 1.2 * d > 90.0)
				continue;
			for (int j = first[t * SUBJECTS + rsubj[i]]; j >= 0; j = next[j])
				cand[nc++] = (struct near){d, j};
		}
		qsort(cand, (size_t)nc, sizeof *cand, cmp_near);
		if (nc > k)
			nc = k;
		for (int c = 0; c < nc; c++) {
			int j = cand[c].staff, tr = travel_km(cand[c].d);
			const unsigned char *b = busy + (size_t)j * DAYS * PERIODS;
			for (int l = 0; l < nles[i]; l++) {
				int day = slot[i][l] / PERIODS, p = slot[i][l] % PERIODS;
				if (b[day * PERIODS + p])
					continue;
				int st = pstart[p], en = st + 50;
				if (p > 0 && b[day * PERIODS + p - 1] && pstart[p - 1] + 50 + tr > st)
					continue;
				if (p + 1 < PERIODS && b[day * PERIODS + p + 1] && en + tr > pstart[p + 1])
					continue;
				if (nopt == cap) {
					cap *= 2;
					opt = realloc(opt, sizeof *opt * cap);
				}
				opt[nopt][0] = j;
				opt[nopt][1] = lesson0 + l;
				opt[nopt][2] = tr;
				opt[nopt][3] = !rng_chance(&r, 0.08);
				nopt++;
			}
		}
		lesson0 += nles[i];
	}

	printf("p %d %d %d %d %zu %d\n", nboard, nreq, nstaff, nlesson, nopt, nschool);
	for (int i = 0; i < nschool; i++)
		printf("h %d %ld %ld\n", i, lround(school[i].x * 1000), lround(school[i].y * 1000));
	for (int j = 0; j < nstaff; j++)
		printf("s %d %d %d %d\n", 100000 + j, sboard[st_school[j]], st_school[j], minutes[j]);
	for (int i = 0; i < nreq; i++)
		printf("r %d %d %d %d\n", 1 + i, sboard[rschool[i]], rschool[i], rprio[i]);
	for (int i = 0; i < nreq; i++)
		for (int l = 0; l < nles[i]; l++) {
			int day = slot[i][l] / PERIODS, p = slot[i][l] % PERIODS;
			printf("l %d %d %d %d\n", i, day + 1, pstart[p], pstart[p] + 50);
		}
	for (size_t o = 0; o < nopt; o++)
		printf("o %d %d %d %d\n", opt[o][0], opt[o][1], opt[o][2], opt[o][3]);
	free(school);
	free(centre);
	free(sboard);
	free(st_school);
	free(st_subject);
	free(busy);
	free(first);
	free(next);
	free(cand);
	free(rschool);
	free(nles);
	free(slot);
	free(minutes);
	free(rsubj);
	free(rprio);
	free(opt);
	return 0;
}
