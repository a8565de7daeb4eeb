/*
 * lessons.h - the lesson-level staffing optimiser: help requests for
 * concrete lessons (weekday, start and end time, at the requesting school's
 * location) assigned together to the staff of the regional pool.
 *
 * Where optim/assign.h assigns hours per week as one min-cost flow, lessons
 * add two things a flow cannot express:
 *
 *   - clashes: one person cannot give two lessons that overlap in time;
 *   - travel between locations: two lessons on the same day at different
 *     locations need the travel time between them in between
 *     (end(a) + travel(loc(a), loc(b)) <= start(b), or the other way round).
 *
 * The caller decides which (person, lesson) pairs are possible at all
 * ("options": the lesson is on a day the person is available, free in the
 * person's own timetable with travel time before and after, the person is
 * qualified and consented, ...). This module adds the conflicts between the
 * requested lessons themselves and finds the assignment that is optimal in
 * this lexicographic order:
 *
 *   1. cover as many requested lesson minutes as possible;
 *   2. among those, cover the minutes of higher-priority requests
 *      (sum of (priority - 1) x covered minutes);
 *   3. then travel as little as possible: sum over assigned lessons of the
 *      candidate's travel minutes (one trip per lesson, as the caller
 *      computes it from the person's main location);
 *   4. then spread the help fairly between boards: sum over boards of the
 *      convex, piecewise-linear f(|give - take|) in minutes, with bands of
 *      fair_band_minutes and slopes 1..fair_bands (as in assign.h), where
 *      give = minutes the board's staff give to other boards' requests and
 *      take = minutes its requests receive from other boards' staff.
 *
 * Constraints: every lesson at most once; every person at most their spare
 * minutes per week in total; no two lessons of one person that clash (same
 * weekday, overlapping or without the travel time between them); declined
 * or not allowed options are never assigned.
 *
 * The answer is exact and says so: status LESSONS_OPTIMAL means the
 * assignment is proven lexicographically optimal (the bound equals the
 * objective at every level). When a time limit stops the search first,
 * the best assignment found is returned with LESSONS_FEASIBLE and the
 * proven bound on level 1 (covered minutes), so the gap is known.
 *
 * Ownership: struct lessons_model is opaque (lessons_new / lessons_free).
 * lessons_result owns its arrays (lessons_result_release).
 * Thread-safety: one thread at a time per model.
 */
#ifndef SAMEN_OPTIM_LESSONS_H
#define SAMEN_OPTIM_LESSONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define LESSONS_MINUTES_MAX 60000 /* spare minutes per week of one person */
#define LESSONS_TRAVEL_MAX 1440   /* travel minutes */
#define LESSONS_PRIORITY_MAX 9    /* priorities are 1 (normal) .. 9 (most urgent) */

struct lessons_params {
	int32_t fair_band_minutes; /* width of a fairness band, >= 1; default 200 */
	int32_t fair_bands;        /* number of bands K (slopes 1..K), 1..16; default 4 */
	int32_t time_limit_ms;     /* stop the search after this; 0 = no limit (default) */
};

struct lessons_request {
	int64_t id;       /* the caller's id, copied into results */
	int32_t board;    /* the caller's board id of the requesting school */
	int32_t location; /* the caller's location (school) id of the requesting school */
	int32_t priority; /* 1..LESSONS_PRIORITY_MAX, higher is more urgent */
};

struct lessons_lesson {
	int64_t id;      /* the caller's id, copied into results */
	int32_t request; /* request index (from lessons_add_request) */
	int32_t weekday; /* 1 = Monday .. 7 */
	int32_t start;   /* minutes since midnight, 0..1439 */
	int32_t end;     /* minutes since midnight, start < end <= 1440 */
};

struct lessons_staff {
	int64_t id;       /* the caller's id, copied into results */
	int32_t board;    /* the caller's board id of the employing board */
	int32_t location; /* the person's main location id (informational) */
	int32_t minutes;  /* spare teaching minutes per week, 0..LESSONS_MINUTES_MAX */
};

/*
 * Travel minutes from location `from` to location `to` (0 when equal),
 * 0..LESSONS_TRAVEL_MAX. Called while options are added and solved.
 */
typedef int32_t (*lessons_travel_fn)(void *ctx, int32_t from, int32_t to);

/* One assigned lesson. */
struct lessons_line {
	int32_t lesson, request, staff; /* indexes */
	int64_t lesson_id, request_id, staff_id;
	int32_t minutes; /* end - start of the lesson */
	int32_t travel;  /* travel minutes of the option */
};

/* Give/take of one board in a result, in minutes per week. */
struct lessons_board {
	int32_t board;
	int64_t give, take;
};

enum lessons_status {
	LESSONS_OPTIMAL = 0,  /* proven lexicographically optimal */
	LESSONS_FEASIBLE = 1, /* time limit: best found, bound_minutes proven */
};

struct lessons_result {
	enum lessons_status status;
	int64_t minutes_wanted;   /* sum of the minutes of all lessons */
	int64_t minutes_covered;  /* level 1 */
	int64_t priority_covered; /* level 2 */
	int64_t travel;           /* level 3 */
	int64_t fairness;         /* level 4 */
	int64_t bound_minutes;    /* proven upper bound on level 1 (== covered when optimal) */
	int64_t nodes;            /* search nodes (0 when the relaxation was already exact) */
	double seconds;           /* wall time of lessons_solve */
	struct lessons_line *lines; /* ordered by request, then lesson */
	size_t nlines;
	struct lessons_board *boards;
	size_t nboards;
	int64_t clash_rows;       /* clique rows for clashes in the 0-1 program (figures) */
	int32_t stages;           /* MIP solves: levels grouped under exact weights, or one each */
};

struct lessons_model;

/* Create an empty model (params NULL = defaults). Errors: SAMEN_EINVAL, SAMEN_ENOMEM. */
int lessons_new(struct lessons_model **out, const struct lessons_params *params,
		lessons_travel_fn travel, void *travel_ctx, struct samen_err *err);

/* Free m and everything it owns. NULL is a no-op. */
void lessons_free(struct lessons_model *m);

/* Add a request; its index (0, 1, ...) goes to *index (may be NULL). Errors: SAMEN_EINVAL (field named), SAMEN_ENOMEM. */
int lessons_add_request(struct lessons_model *m, const struct lessons_request *r, int32_t *index,
			struct samen_err *err);

/* Add a requested lesson of a request added before. Errors as above. */
int lessons_add_lesson(struct lessons_model *m, const struct lessons_lesson *l, int32_t *index,
		       struct samen_err *err);

/* Add a pool member. Errors as above. */
int lessons_add_staff(struct lessons_model *m, const struct lessons_staff *s, int32_t *index,
		      struct samen_err *err);

/*
 * Add an option: staff may give lesson with travel minutes (0..LESSONS_TRAVEL_MAX).
 * allowed = false records the pair but never assigns it (declined, no consent).
 * A duplicate pair is SAMEN_EEXIST. Errors: SAMEN_EINVAL, SAMEN_EEXIST, SAMEN_ENOMEM.
 */
int lessons_add_option(struct lessons_model *m, int32_t staff, int32_t lesson, int32_t travel,
		       bool allowed, struct samen_err *err);

/* Withdraw a request (all its lessons) for good. Errors: SAMEN_EINVAL. */
int lessons_withdraw_request(struct lessons_model *m, int32_t request, struct samen_err *err);

/*
 * Solve and fill *res (release with lessons_result_release). A second solve
 * after changes may start from the previous assignment. Errors:
 * SAMEN_ETOOBIG (instance beyond the solver's exact range), SAMEN_ENOMEM,
 * SAMEN_EINTERNAL (the solver failed). On failure *res is empty.
 */
int lessons_solve(struct lessons_model *m, struct lessons_result *res, struct samen_err *err);

/* Free the arrays of res and empty it. NULL is a no-op. */
void lessons_result_release(struct lessons_result *res);

/* Whether staff giving lessons a and b (indexes) would clash (time or travel). */
bool lessons_clash(const struct lessons_model *m, int32_t a, int32_t b);

/*
 * Testing and benchmarking aids. lessons_set_staged(m, true) solves every
 * level in a stage of its own instead of grouping levels under exact
 * weights; lessons_set_mip_only(m, true) skips the LP fast path (an
 * integral LP optimum taken as the stage's optimum) and always runs CBC's
 * branch and cut. The answers are the same; tests compare all ways.
 * lessons_set_dump(m, prefix) makes every later solve write each stage's
 * 0-1 program as PREFIX-stageN.mps.gz (CBC's MPS writer, rows named by
 * kind: L lesson, S spare minutes, C clash, F fixed level, B board
 * fairness) and CBC's optimum as PREFIX-stageN.obj, for a peer solver;
 * such solves always use CBC. NULL stops it. Errors: SAMEN_ENOMEM.
 */
void lessons_set_staged(struct lessons_model *m, bool one_level_per_stage);
void lessons_set_mip_only(struct lessons_model *m, bool mip_only);
int lessons_set_dump(struct lessons_model *m, const char *prefix, struct samen_err *err);

#endif
