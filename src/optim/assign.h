/*
 * assign.h - the staffing optimiser for acute shortages across boards.
 *
 * All open help requests of a region are assigned together to the staff
 * who offered spare hours to the regional pool, in hours per week. The
 * objective is lexicographic:
 *
 *   1. cover as many requested hours as possible;
 *   2. among those, cover the hours of higher-priority requests;
 *   3. then travel as little as possible (travel minutes x hours);
 *   4. then spread the help fairly between boards: a convex cost on each
 *      board's net balance (hours its staff give to other boards minus hours
 *      its requests take from other boards).
 *
 * Only candidate pairs (request, staff) can be assigned: the caller builds
 * them from qualification, distance and consent. A candidate that is not
 * allowed, or that the person declined, is never assigned and is not
 * proposed again (its arc is forbidden in the flow network).
 *
 * The model is one min-cost circulation in optim/mcf.h:
 *
 *   hub Z --give_k--> board B --spare(s)--> staff s --travel--> request r
 *     ^                  ^                                          |
 *     |                  +------------ cover(r), reward ------------+  (to r's board)
 *     +------take_k----- board B
 *
 *   - board node N_B for every board seen; arc N_B -> s with capacity the
 *     spare hours of s (a staff member of board B), cost 0;
 *   - candidate arc s -> r with capacity min(spare(s), hours(r)) and cost
 *     W x travel minutes;
 *   - cover arc r -> N_b(r) with capacity hours(r) and cost
 *     -(P + Q x (priority(r) - 1)): the reward for a covered hour;
 *   - fairness arcs Z -> N_B and N_B -> Z, each as K parallel bands of
 *     fair_band_hours hours with slopes 1, 2, ..., K (the last band is
 *     open-ended), so the cost of a board's balance x is the convex,
 *     piecewise-linear f(|x|) = sum over bands of slope x hours in band.
 *
 * Flow conservation at N_B says (Z -> N_B) - (N_B -> Z) = used(B) -
 * covered(B): the hours B's staff give minus the hours B's requests
 * receive, which is exactly the net give/take of B (help within a board
 * counts on both sides and cancels). With increasing slopes the optimum
 * fills the cheap bands first, so the fairness arcs cost f(|net(B)|).
 *
 * Why the weights make the order exact (assign.c computes them; they are
 * recomputed, and the next solve is cold, only when the instance outgrows
 * them). Let x be a flow optimal for the combined cost and suppose a
 * feasible flow y is lexicographically better in (covered, priority-
 * weighted covered, -travel, -fairness). y - x splits into cycles of the
 * residual network of x that can each be added to x alone (conformal
 * decomposition), and because the lexicographic order on integer vectors is
 * compatible with addition, one of these cycles C is itself lexicographic-
 * ally improving. Per unit of flow around a simple cycle C:
 *
 *   - fairness changes by at most Fc = 2K: the hub Z is on C at most once,
 *     so C holds at most two fairness arcs, each of slope at most K;
 *   - travel changes by at most Tc = L x tmax minutes, with tmax the largest
 *     travel time and L the number of candidate arcs a simple cycle can hold,
 *     at most 2 min(#requests, #staff) (each node on C has two arcs of C;
 *     withdrawn requests and staff are cut off and never on C) and at most
 *     the number of allowed candidates;
 *   - priority-weighted cover changes by at most Pc = min(2 #boards,
 *     #requests) x (pmax - 1): every cover arc ends in a board node, which C
 *     passes at most once.
 *
 * With W = Fc + 1, Q = W Tc + Fc + 1 and P = Q Pc + W Tc + Fc + 1 the
 * combined cost of C is then negative: if C covers one more hour, -P
 * outweighs everything else; if it covers the same hours and more priority,
 * -Q outweighs travel and fairness; if it only saves a minute of travel, -W
 * outweighs fairness; if it only improves fairness, it is cheaper. A
 * negative cycle contradicts the optimality of x, so x is lexicographically
 * optimal. All quantities are integers, which is what makes the margins of
 * one unit sufficient. Any larger weights are exact as well, so assign.c
 * rounds L, tmax and #boards up to powers of two and uses 2 x #boards for
 * Pc; adding a request then rarely changes the weights. When it does (or
 * when a weight would exceed MCF_COST_MAX: SAMEN_ETOOBIG), every cost is
 * rewritten and that solve is cold.
 *
 * Travel is charged per assigned hour: travel minutes of the candidate
 * (one way, as the caller computes it) times the weekly hours, a proxy for
 * the trips those hours take.
 *
 * Ownership: struct assign_model is opaque (assign_new / assign_free) and
 * owns its flow network. assign_result owns its arrays (assign_result_release).
 * Thread-safety: one thread at a time per model.
 */
#ifndef SAMEN_OPTIM_ASSIGN_H
#define SAMEN_OPTIM_ASSIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "optim/mcf.h"
#include "util/err.h"

#define ASSIGN_HOURS_MAX 1000    /* hours per week of one request or staff member */
#define ASSIGN_TRAVEL_MAX 1440   /* travel minutes of one candidate */
#define ASSIGN_PRIORITY_MAX 9    /* priorities are 1 (normal) .. 9 (most urgent) */

struct assign_params {
	int32_t fair_band_hours; /* width of a fairness band in hours, >= 1; default 4 */
	int32_t fair_bands;      /* number of bands K (slopes 1..K), 1..16; default 4 */
};

struct assign_request {
	int64_t id;       /* the caller's id, copied into results */
	int32_t board;    /* the caller's board id of the requesting school */
	int32_t hours;    /* hours per week wanted, 0..ASSIGN_HOURS_MAX */
	int32_t priority; /* 1..ASSIGN_PRIORITY_MAX, higher is more urgent */
};

struct assign_staff {
	int64_t id;    /* the caller's id, copied into results */
	int32_t board; /* the caller's board id of the employing board */
	int32_t hours; /* spare hours per week offered, 0..ASSIGN_HOURS_MAX */
};

/* One assignment: hours of a staff member for a request. */
struct assign_line {
	int32_t request;   /* request index (as returned by assign_add_request) */
	int32_t staff;     /* staff index */
	int32_t candidate; /* candidate index */
	int64_t request_id, staff_id;
	int32_t hours;
	int32_t travel; /* travel minutes of the candidate */
};

/* Give/take of one board in a result. */
struct assign_board {
	int32_t board; /* the caller's board id */
	int64_t give;  /* hours its staff give to other boards' requests */
	int64_t take;  /* hours its requests receive from other boards' staff */
};

struct assign_result {
	enum mcf_status status;   /* always MCF_OPTIMAL: the model is always feasible */
	int64_t hours_wanted;     /* sum of the hours of open requests */
	int64_t hours_covered;    /* level 1 */
	int64_t priority_covered; /* level 2: sum of (priority - 1) x covered hours */
	int64_t travel;           /* level 3: sum of travel minutes x hours */
	int64_t fairness;         /* level 4: sum over boards of f(|give - take|) */
	int64_t flow_cost;        /* the min-cost-flow objective of the combined costs */
	bool warm;                /* solved incrementally */
	struct assign_line *lines;
	size_t nlines;
	struct assign_board *boards;
	size_t nboards;
};

/* Weights of the combined cost (see the file comment). */
struct assign_weights {
	int64_t cover;    /* P */
	int64_t priority; /* Q */
	int64_t travel;   /* W */
};

struct assign_model;

/*
 * Create an empty model in *out (free with assign_free). params may be NULL
 * for the defaults. Errors: SAMEN_EINVAL (bad params), SAMEN_ENOMEM.
 */
int assign_new(struct assign_model **out, const struct assign_params *params,
	       struct samen_err *err);

/* Free m and everything it owns. NULL is a no-op. */
void assign_free(struct assign_model *m);

/*
 * Add an open request; its index (0, 1, ... in order of addition) goes to
 * *index (may be NULL). O(1) amortised. Errors: SAMEN_EINVAL (hours or
 * priority out of range; field named), SAMEN_ENOMEM.
 */
int assign_add_request(struct assign_model *m, const struct assign_request *r, int32_t *index,
		       struct samen_err *err);

/* Add a staff member of the pool; index as for requests. Errors as above. */
int assign_add_staff(struct assign_model *m, const struct assign_staff *s, int32_t *index,
		     struct samen_err *err);

/*
 * Add a candidate pair: staff index may work for request index with travel
 * minutes travel (0..ASSIGN_TRAVEL_MAX). allowed = false records the pair
 * but never assigns it (no consent). Its index goes to *index. Errors:
 * SAMEN_EINVAL (unknown index, travel out of range), SAMEN_ENOMEM.
 */
int assign_add_candidate(struct assign_model *m, int32_t request, int32_t staff, int32_t travel,
			 bool allowed, int32_t *index, struct samen_err *err);

/* Change the hours a request wants. Errors: SAMEN_EINVAL. */
int assign_set_request_hours(struct assign_model *m, int32_t request, int32_t hours,
			     struct samen_err *err);

/* Change the spare hours a staff member offers. Errors: SAMEN_EINVAL. */
int assign_set_staff_hours(struct assign_model *m, int32_t staff, int32_t hours,
			   struct samen_err *err);

/* Withdraw a request for good (filled elsewhere, cancelled). Errors: SAMEN_EINVAL. */
int assign_withdraw_request(struct assign_model *m, int32_t request, struct samen_err *err);

/* Withdraw a staff member from the pool (consent withdrawn). Errors: SAMEN_EINVAL. */
int assign_withdraw_staff(struct assign_model *m, int32_t staff, struct samen_err *err);

/*
 * The person of candidate declined its request: never propose the pair
 * again. Idempotent. Errors: SAMEN_EINVAL.
 */
int assign_decline(struct assign_model *m, int32_t candidate, struct samen_err *err);

/*
 * Solve the model and fill *res (release with assign_result_release).
 * MCF_WARM re-optimises from the last solution (see optim/mcf.h); it falls
 * back to a cold solve the first time and whenever the weights had to grow.
 * Errors: SAMEN_ETOOBIG (instance too large for exact int64 weights),
 * SAMEN_ENOMEM. On failure *res is empty.
 */
int assign_solve(struct assign_model *m, enum mcf_mode mode, struct assign_result *res,
		 struct samen_err *err);

/* Free the arrays of res and empty it. NULL is a no-op. */
void assign_result_release(struct assign_result *res);

/* The weights in force (after the last solve). */
void assign_get_weights(const struct assign_model *m, struct assign_weights *w);

/*
 * The flow network behind the model (borrowed; valid until the model
 * changes or is freed), for exporting the instance to other solvers.
 */
const struct mcf *assign_network(const struct assign_model *m);

/* Fairness cost f(|x|) of a board balance of x hours under the model's bands. */
int64_t assign_fairness_cost(const struct assign_model *m, int64_t x);

#endif
