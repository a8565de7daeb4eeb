/*
 * mcf.h - minimum-cost flow: Samen's own solver, cold and incremental.
 *
 * The staffing optimiser (optim/assign.h) and every other flow model in
 * Samen solve their network with this module. A network has nodes with an
 * integer supply (positive: the node sends that much flow, negative: it
 * receives it) and directed arcs with an integer capacity and an integer
 * cost per unit of flow; the lower bound of every arc is 0. Solving finds a
 * flow that meets every supply exactly, keeps 0 <= flow <= capacity on every
 * arc and has the least total cost, together with dual potentials pi that
 * prove it optimal: with the reduced cost rc(a) = cost(a) + pi(tail) -
 * pi(head), every arc with rc < 0 is full and every arc with rc > 0 is empty.
 * A network without any feasible flow is reported as infeasible.
 *
 * Two algorithms, one result:
 *
 *  - A cold solve runs the primal network simplex method on a spanning-tree
 *    basis kept in the extended threaded-index form (parent, preorder thread
 *    and its reverse, subtree size, last node of the subtree). It starts from
 *    a big-M basis: an extra root, an artificial arc carrying the supply of
 *    every node with one, and a breadth-first tree of real arcs at zero flow
 *    hanging the other nodes from them (or from the root), so that few
 *    artificial arcs have to be pivoted out. It keeps the basis strongly
 *    feasible (the leaving arc is the last blocking arc of the cycle counted
 *    from its apex), which rules out cycling, and prices arcs by block
 *    search: the arcs are scanned cyclically, in an interleaved order, in
 *    blocks of about sqrt(m), and the most violating arc of the first block
 *    holding one enters. A pivot costs O(length of the cycle + size of the
 *    smaller side of the re-hung subtree); the number of pivots is not
 *    polynomially bounded in theory but is a small multiple of n in
 *    practice. Setting up and finishing cost O(n + m).
 *
 *  - A warm solve (after mcf_solve succeeded once and the network was then
 *    changed) keeps the previous optimal flow and potentials. Each changed or
 *    added arc is first put at the bound its reduced cost asks for (full if
 *    rc < 0, empty if rc > 0, clipped to its capacity if rc = 0); a new node
 *    gets the potential that makes its cheapest incoming arc tight. What is
 *    left is a pseudoflow that satisfies the optimality conditions but not
 *    every supply; successive shortest paths move the surplus to the
 *    shortfall. First each source (a surplus node forward, a shortfall node
 *    backward) hands its whole imbalance to a neighbour with more arcs over
 *    an arc of zero reduced cost with room for it, when there is one, so
 *    that small sources of one hub merge. The search is Dijkstra on reduced
 *    costs, run from the side of the imbalance with fewer arcs (forward
 *    from the surplus nodes to the first node short of flow, or backward
 *    from the shortfall nodes to the first node with surplus), with a
 *    binary heap for labels above the current distance and a FIFO queue for
 *    labels equal to it (most arcs have reduced cost 0), stopping as soon
 *    as a target is labelled at the current distance. After each
 *    augmentation the potentials of the settled nodes are shifted so that
 *    they are all at distance 0, and the same search goes on: settled
 *    nodes whose tree path still has room stay settled, the others
 *    (orphans) are first hung under an earlier settled node over an arc of
 *    zero reduced cost when there is one, and otherwise go back into the
 *    heap with a label computed from the settled nodes. So several
 *    augmentations share one search; only when most of the tree
 *    hung from the arc that filled (or from a source that ran dry) does the
 *    search start again. Each search costs O((n' + m') log n') on the n'
 *    nodes and m' arcs it settles, and each augmentation removes at least
 *    one unit of imbalance; nothing else in a warm solve scans the whole
 *    network except, when more than an eighth of the arcs are newer than it,
 *    rebuilding the adjacency array the searches read (O(n + m)), so the
 *    work follows the size of the change and of the region it disturbs (in
 *    the worst case a search settles every node). The result is optimal,
 *    hence has the same cost as a cold solve (the flows may differ where
 *    the optimum is not unique).
 *
 * Numbers: capacities and supplies lie in [0, MCF_CAP_MAX] and
 * [-MCF_CAP_MAX, MCF_CAP_MAX], costs in [-MCF_COST_MAX, MCF_COST_MAX]. A
 * solve refuses (SAMEN_ETOOBIG) a network whose total |cost| x capacity or
 * whose (max |cost| + 1) x (nodes + 2) exceeds 2^58, so that no potential,
 * reduced cost, path length or total cost can overflow int64.
 *
 * Node and arc ids are dense int32 indices in order of creation, starting at
 * 0, and stay valid for the life of the network (removing an arc forbids it;
 * its id is not reused).
 *
 * Ownership: struct mcf is opaque, created by mcf_new and freed by mcf_free;
 * it owns all its arrays. Thread-safety: one thread at a time per network;
 * different networks are independent.
 */
#ifndef SAMEN_OPTIM_MCF_H
#define SAMEN_OPTIM_MCF_H

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

#define MCF_CAP_MAX ((int64_t)1 << 40)
#define MCF_COST_MAX ((int64_t)1 << 40)
#define MCF_NODES_MAX ((int32_t)1 << 28)
#define MCF_ARCS_MAX ((int32_t)1 << 29)

enum mcf_status {
	MCF_OPTIMAL = 0,    /* a minimum-cost flow was found */
	MCF_INFEASIBLE = 1, /* no flow meets all supplies within the capacities */
};

enum mcf_mode {
	MCF_WARM = 0, /* start from the last optimum when there is one, else cold */
	MCF_COLD = 1, /* always solve from scratch with the network simplex */
};

/* Counters of the last solve, for tests and benchmarks. */
struct mcf_stats {
	bool warm;             /* the last solve was a warm start */
	int64_t pivots;        /* network simplex pivots (cold) */
	int64_t augmentations; /* shortest-path augmentations (warm) */
	int64_t settled;       /* nodes settled by Dijkstra in total (warm) */
	int64_t searches;      /* Dijkstra searches started (warm); the other
				* augmentations continued a search */
};

struct mcf;

/*
 * Create an empty network in *out (owned by the caller, free with mcf_free).
 * node_hint and arc_hint pre-size the arrays (0 is fine). Errors:
 * SAMEN_ENOMEM.
 */
int mcf_new(struct mcf **out, int32_t node_hint, int32_t arc_hint, struct samen_err *err);

/* Free g and everything it owns. NULL is a no-op. */
void mcf_free(struct mcf *g);

/*
 * Add a node with the given supply; its id goes to *id (may be NULL). O(1)
 * amortised. Errors: SAMEN_EINVAL (supply out of range), SAMEN_ETOOBIG
 * (more than MCF_NODES_MAX nodes), SAMEN_ENOMEM.
 */
int mcf_add_node(struct mcf *g, int64_t supply, int32_t *id, struct samen_err *err);

/*
 * Add an arc tail -> head with capacity cap >= 0 and unit cost cost; its id
 * goes to *id (may be NULL). Loops (tail == head) are allowed and carry no
 * flow unless their cost is negative. O(1) amortised. Errors: SAMEN_EINVAL
 * (unknown node, value out of range), SAMEN_ETOOBIG, SAMEN_ENOMEM.
 */
int mcf_add_arc(struct mcf *g, int32_t tail, int32_t head, int64_t cap, int64_t cost,
		int32_t *id, struct samen_err *err);

/* Change the supply of node v. O(1). Errors: SAMEN_EINVAL. */
int mcf_set_supply(struct mcf *g, int32_t v, int64_t supply, struct samen_err *err);

/*
 * Change the capacity of arc a. O(1). Errors: SAMEN_EINVAL (unknown arc,
 * capacity out of range, or the arc is forbidden).
 */
int mcf_set_cap(struct mcf *g, int32_t a, int64_t cap, struct samen_err *err);

/* Change the unit cost of arc a. O(1). Errors: SAMEN_EINVAL. */
int mcf_set_cost(struct mcf *g, int32_t a, int64_t cost, struct samen_err *err);

/*
 * Forbid arc a for good: it carries no flow from the next solve on and its
 * capacity can no longer be raised. Used for removed arcs and for a person
 * who declined a request. Idempotent. O(1). Errors: SAMEN_EINVAL.
 */
int mcf_forbid_arc(struct mcf *g, int32_t a, struct samen_err *err);

/*
 * Remove node v from the problem: forbid every arc into or out of it and set
 * its supply to 0. The id stays valid. O(degree). Errors: SAMEN_EINVAL.
 */
int mcf_isolate_node(struct mcf *g, int32_t v, struct samen_err *err);

/*
 * Solve. MCF_WARM re-optimises from the previous optimum when there is one
 * (see the file comment) and otherwise solves cold; MCF_COLD always solves
 * from scratch. On return 0, *status says whether an optimum was found; after
 * MCF_OPTIMAL, mcf_flow, mcf_potential and mcf_total_cost read the result.
 * After MCF_INFEASIBLE the flow is meaningless and the next solve is cold.
 * Errors: SAMEN_ETOOBIG (numbers too large, see the file comment; nothing
 * changed), SAMEN_ENOMEM (the network itself is intact and the next solve
 * is cold). The change functions above may also fail with SAMEN_ENOMEM
 * while recording the change for the warm solver: the change is then not
 * made (mcf_isolate_node may have forbidden some of the arcs) and the next
 * solve is cold.
 */
int mcf_solve(struct mcf *g, enum mcf_mode mode, enum mcf_status *status,
	      struct samen_err *err);

int32_t mcf_node_count(const struct mcf *g);
int32_t mcf_arc_count(const struct mcf *g);

/* Flow on arc a after the last optimal solve (0 for an unknown arc). */
int64_t mcf_flow(const struct mcf *g, int32_t a);

/*
 * The flows of all arcs after the last optimal solve, indexed by arc id
 * (mcf_arc_count entries). Borrowed: valid until the network changes.
 */
const int64_t *mcf_flows(const struct mcf *g);

/* Potential of node v after the last optimal solve (0 for an unknown node). */
int64_t mcf_potential(const struct mcf *g, int32_t v);

/* Total cost sum(cost * flow) of the last optimal solve. */
int64_t mcf_total_cost(const struct mcf *g);

/* Counters of the last solve. */
void mcf_get_stats(const struct mcf *g, struct mcf_stats *st);

/*
 * Read arc a's data: endpoints, current capacity (0 once forbidden) and cost.
 * Any output pointer may be NULL. Returns SAMEN_EINVAL for an unknown arc.
 */
int mcf_arc(const struct mcf *g, int32_t a, int32_t *tail, int32_t *head, int64_t *cap,
	    int64_t *cost);

/* Supply of node v (0 for an unknown node). */
int64_t mcf_supply(const struct mcf *g, int32_t v);

#endif
