/*
 * core/match_instance_solve.h - the matching plan of an instance file
 * (formats/match_instance.h), solved the way store/match_plan.c solves the
 * plan of a region, without a database:
 *
 *   1. the lesson part (optim/lessons.h): every request with lessons, its
 *      lessons, and for every candidate pair of such a request the person
 *      (spare minutes = spare quarter hours x 15) and an option for every
 *      lesson the candidate lists (all when it lists none), allowed as the
 *      candidate says; travel between schools from the instance's travel
 *      table (missing pair: the reverse pair, else LESSONS_TRAVEL_MAX);
 *   2. the hours part (optim/assign.h, in quarter hours): every request in
 *      hours per week (of at least a quarter hour), and for each of its
 *      candidates the person with their spare hours less what the lesson
 *      part gave them (a line of lesson minutes counts as minutes x 100 / 60
 *      centi-hours, as match_plan does), rounded down to quarter hours;
 *      people with less than a quarter hour left are left out.
 *
 * Models are built in file order: requests, then per request its lessons
 * (lesson part) and its candidates in the order of the candidates array.
 *
 * Ownership: struct match_solution owns its arrays (match_solution_release).
 */
#ifndef SAMEN_CORE_MATCH_INSTANCE_SOLVE_H
#define SAMEN_CORE_MATCH_INSTANCE_SOLVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "formats/match_instance.h"
#include "util/err.h"

/* One assignment: a person for (part of) a request. */
struct match_solution_line {
	int64_t request_id, staff_id;
	int32_t board;  /* the staff member's board */
	int64_t hours;  /* centi-hours per week (lesson lines: minutes x 100 / 60, rounded down) */
	int32_t minutes; /* lesson lines: the lessons' minutes per week; 0 for hours lines */
	int32_t travel; /* travel minutes of the candidate */
	size_t first_lesson, nlessons; /* lesson ids in lesson_ids[first .. + n); 0 for hours lines */
};

struct match_solution {
	struct match_solution_line *lines; /* lesson lines (by request, then staff), then hours lines */
	size_t nlines;
	int64_t *lesson_ids;
	size_t nlesson_ids;
	int64_t hours_wanted, hours_covered; /* centi-hours per week, both parts */

	/* Lesson part (optim/lessons.h levels; minutes per week). */
	size_t lesson_requests, lessons_wanted, lessons_covered, lesson_options;
	int64_t lesson_minutes_wanted, lesson_minutes_covered; /* level 1 */
	int64_t lesson_priority;  /* level 2: sum (priority - 1) x covered minutes */
	int64_t lesson_travel;    /* level 3: sum of the options' travel minutes */
	int64_t lesson_fairness;  /* level 4 */
	int64_t lesson_bound;     /* proven upper bound on level 1 */
	bool lessons_proven;      /* proven lexicographically optimal (true when no lessons) */
	int64_t lesson_nodes;
	double lesson_seconds;

	/* Hours part (optim/assign.h levels; quarter hours per week). */
	size_t hour_requests, hour_staff, hour_candidates;
	int64_t quarters_wanted, quarters_covered; /* level 1 */
	int64_t hour_priority;  /* level 2: sum (priority - 1) x covered quarter hours */
	int64_t hour_travel;    /* level 3: sum travel minutes x quarter hours */
	int64_t hour_fairness;  /* level 4, bands of fair_band_quarters */
};

/*
 * Solve in (validated by match_instance_parse) into *out (release with
 * match_solution_release; empty on failure). Errors: those of
 * optim/lessons.h and optim/assign.h (SAMEN_ETOOBIG, SAMEN_EINVAL,
 * SAMEN_EINTERNAL), SAMEN_ENOMEM.
 */
int match_instance_solve(const struct match_instance *in, struct match_solution *out,
			 struct samen_err *err);

/* Free the arrays of s and empty it. NULL is a no-op. */
void match_solution_release(struct match_solution *s);

#endif
