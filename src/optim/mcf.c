/*
 * mcf.c - minimum-cost flow by network simplex (cold) and successive
 * shortest paths from the last optimum (warm); see mcf.h for the contract.
 *
 * Layout. Arcs live in parallel arrays indexed by arc id (tail, head, cost,
 * cap, flow, flags), with singly linked out- and in-lists per node for the
 * warm solver and for isolating a node.
 *
 * A cold solve copies the arcs that can carry flow into arrays of its own
 * (struct sarc: tail, head and cost together for the pricing scan, then
 * capacity, flow and state), in mixed order: position i of the copy holds
 * arcs i, i + k, i + 2k, ... (k = block size), so that each pricing block
 * samples the whole network rather than one request's candidates. The n
 * artificial arcs of the big-M start follow (simplex arc live + v joins the
 * root, node n, to node v). At the end the flows are copied back.
 *
 * The spanning tree of the simplex is kept per node: parent, pred (the tree
 * arc to the parent), dir_up (pred points from the node to its parent),
 * thread (preorder successor, circular through the root) and rev_thread,
 * succ_num (size of the subtree) and last_succ (last node of the subtree in
 * preorder). With these, the apex of a pivot cycle is found by climbing from
 * the endpoint with the smaller subtree, and re-hanging the subtree cut off
 * by the leaving arc touches only the path between the entering and the
 * leaving arc (re-rooting the cut subtree splices at most three thread
 * segments per path node), the ancestors up to the apex (subtree sizes) and
 * the nodes whose subtree ended where the cut subtree ended (last_succ).
 * The potential shift of a pivot is applied to the smaller of the two sides.
 *
 * After a cold optimum, every potential is lifted as far as its residual
 * arcs allow (raise_potentials); the duals stay optimal and the warm
 * searches that follow stay local.
 *
 * A warm solve runs Dijkstra from whichever side of the imbalance has the
 * fewer arcs: forward from the surplus nodes, or backward (over reversed
 * residual arcs) from the shortfall nodes. Adding a request leaves a
 * shortfall at the request (few arcs) and a surplus at its board (many), so
 * it searches backward; withdrawing one searches forward from the staff.
 * The search reads the arcs of a node from a compact adjacency array
 * (struct adj, rebuilt when an eighth of the arcs are newer than it; the
 * newer ones come from the head of the lists), labels at the current
 * distance go to a FIFO queue instead of the heap, and after an
 * augmentation the search is repaired and resumed rather than started
 * again (search_repair); see mcf.h for the argument.
 */
#include "optim/mcf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef __int128 mcf_i128;

#define ST_UPPER (-1)
#define ST_TREE 0 /* also: capacity 0 or forbidden, never enters */
#define ST_LOWER 1

#define AF_FORBIDDEN 1
#define AF_DIRTY 2
#define NF_DIRTY 1

#define INF_CAP ((int64_t)1 << 62)
#define NUM_LIMIT ((int64_t)1 << 58)
#define PI_LIMIT ((int64_t)1 << 59)

struct sarc {
	int32_t tail, head;
	int64_t cost;
};

/* One arc at one of its ends: code a when the node is its tail, -a - 2
 * when it is its head; other is the node at the other end. */
struct adj {
	int32_t code, other;
};

struct mcf {
	int32_t n, m;         /* nodes, real arcs */
	int32_t ncap, mcap;   /* allocated nodes (excluding root), arcs */
	int32_t tcap;         /* allocated tree/scratch nodes (n + 1) */

	/* arcs (mcap entries; real arcs first, artificial after during a cold solve) */
	int32_t *tail, *head;
	int64_t *cost, *cap, *flow;
	uint8_t *aflag;
	int32_t *out_next, *in_next;

	/* nodes (ncap entries) */
	int64_t *supply, *pi, *excess;
	int32_t *out_first, *in_first;
	int32_t *degree; /* arcs into or out of the node, forbidden ones included */
	uint8_t *nflag;

	/* simplex copy of the live arcs, artificial arcs after them (sacap) */
	struct sarc *sa;
	int64_t *scap, *sflow;
	int8_t *sstate;
	int32_t *sorig; /* network arc id of each simplex arc */
	int32_t sm, sacap;
	int32_t *spos; /* simplex arc of each live network arc (spos_cap entries) */
	int32_t spos_cap;

	/* Adjacency for the warm searches: arcs 0 .. adj_m - 1 by node, out-
	 * and in-arcs mixed (struct adj), built when a warm solve finds more
	 * than an eighth of the arcs missing from it; the newer arcs are read
	 * from the head of the out- and in-lists, which hold them first. */
	struct adj *adj;
	int32_t *adj_start; /* adj_n + 1 entries */
	int32_t adj_m, adj_n, adj_cap, adj_start_cap;

	/* simplex tree and scratch (tcap entries) */
	int32_t *parent, *pred, *thread, *rev_thread, *succ_num, *last_succ;
	int8_t *dir_up;
	int32_t *pw, *pa, *pb, *pc, *pd, *pe; /* re-rooting path and its segment ends */
	int64_t *tpi;                         /* potentials with the root */

	/* Dijkstra scratch (tcap entries) */
	int64_t *dist;
	int32_t *heap, *hpos, *parc, *settled, *touched;
	uint8_t *orphan; /* search repair flags, all 0 outside it */

	/* warm bookkeeping */
	bool solved;             /* flow and pi are optimal for the network as solved */
	int32_t n_solved, m_solved;
	int32_t *dirty_arcs, ndirty_arcs, cap_dirty_arcs;
	int32_t *dirty_nodes, ndirty_nodes, cap_dirty_nodes;

	/* magnitudes */
	int64_t max_abs_cost;
	mcf_i128 cost_cap_sum;

	/* pricing */
	int32_t next_arc, block;

	int64_t total_cost;
	mcf_i128 warm_cost; /* running total during a warm solve */
	struct mcf_stats stats;
};

/* ---- memory ---------------------------------------------------------- */

static int grow(void **p, size_t elem, int32_t newcap)
{
	void *q = realloc(*p, elem * (size_t)(newcap > 0 ? newcap : 1));
	if (!q)
		return SAMEN_ENOMEM;
	*p = q;
	return 0;
}

static int arcs_reserve(struct mcf *g, int32_t need)
{
	if (need <= g->mcap)
		return 0;
	int32_t c = g->mcap ? g->mcap : 16;
	while (c < need)
		c = c > INT32_MAX / 2 ? INT32_MAX : c * 2;
	if (grow((void **)&g->tail, sizeof *g->tail, c) || grow((void **)&g->head, sizeof *g->head, c) ||
	    grow((void **)&g->cost, sizeof *g->cost, c) || grow((void **)&g->cap, sizeof *g->cap, c) ||
	    grow((void **)&g->flow, sizeof *g->flow, c) ||
	    grow((void **)&g->aflag, sizeof *g->aflag, c) ||
	    grow((void **)&g->out_next, sizeof *g->out_next, c) ||
	    grow((void **)&g->in_next, sizeof *g->in_next, c))
		return SAMEN_ENOMEM;
	g->mcap = c;
	return 0;
}

static int nodes_reserve(struct mcf *g, int32_t need)
{
	if (need <= g->ncap)
		return 0;
	int32_t c = g->ncap ? g->ncap : 16;
	while (c < need)
		c = c > INT32_MAX / 2 ? INT32_MAX : c * 2;
	if (grow((void **)&g->supply, sizeof *g->supply, c) || grow((void **)&g->pi, sizeof *g->pi, c) ||
	    grow((void **)&g->excess, sizeof *g->excess, c) ||
	    grow((void **)&g->out_first, sizeof *g->out_first, c) ||
	    grow((void **)&g->in_first, sizeof *g->in_first, c) ||
	    grow((void **)&g->degree, sizeof *g->degree, c) ||
	    grow((void **)&g->nflag, sizeof *g->nflag, c))
		return SAMEN_ENOMEM;
	g->ncap = c;
	return 0;
}

/* Tree, path and Dijkstra scratch for n + 1 nodes (the root included). */
static int scratch_reserve(struct mcf *g, int32_t need)
{
	if (need <= g->tcap)
		return 0;
	int32_t c = need + need / 4 + 16;
	int32_t **i32[] = {&g->parent, &g->pred, &g->thread, &g->rev_thread, &g->succ_num,
			   &g->last_succ, &g->pw, &g->pa, &g->pb, &g->pc, &g->pd, &g->pe,
			   &g->heap, &g->hpos, &g->parc, &g->settled, &g->touched};
	for (size_t i = 0; i < sizeof i32 / sizeof i32[0]; i++)
		if (grow((void **)i32[i], sizeof(int32_t), c))
			return SAMEN_ENOMEM;
	if (grow((void **)&g->dir_up, sizeof *g->dir_up, c) ||
	    grow((void **)&g->tpi, sizeof *g->tpi, c) || grow((void **)&g->dist, sizeof *g->dist, c) ||
	    grow((void **)&g->orphan, sizeof *g->orphan, c))
		return SAMEN_ENOMEM;
	g->tcap = c;
	for (int32_t v = 0; v < c; v++) { /* outside a search, every hpos is POS_NONE */
		g->hpos[v] = -1;
		g->orphan[v] = 0;
	}
	return 0;
}

static int simplex_reserve(struct mcf *g, int32_t need)
{
	if (need <= g->sacap)
		return 0;
	int32_t c = need + need / 4 + 16;
	if (grow((void **)&g->sa, sizeof *g->sa, c) || grow((void **)&g->scap, sizeof *g->scap, c) ||
	    grow((void **)&g->sflow, sizeof *g->sflow, c) ||
	    grow((void **)&g->sstate, sizeof *g->sstate, c) ||
	    grow((void **)&g->sorig, sizeof *g->sorig, c))
		return SAMEN_ENOMEM;
	g->sacap = c;
	return 0;
}

static int spos_reserve(struct mcf *g, int32_t need)
{
	if (need <= g->spos_cap)
		return 0;
	int32_t c = need + need / 4 + 16;
	if (grow((void **)&g->spos, sizeof *g->spos, c))
		return SAMEN_ENOMEM;
	g->spos_cap = c;
	return 0;
}

static int list_push(int32_t **list, int32_t *len, int32_t *capy, int32_t x)
{
	if (*len == *capy) {
		int32_t c = *capy ? *capy * 2 : 64;
		if (grow((void **)list, sizeof **list, c))
			return SAMEN_ENOMEM;
		*capy = c;
	}
	(*list)[(*len)++] = x;
	return 0;
}

int mcf_new(struct mcf **out, int32_t node_hint, int32_t arc_hint, struct samen_err *err)
{
	*out = NULL;
	struct mcf *g = calloc(1, sizeof *g);
	if (!g)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory for a flow network");
	if ((node_hint > 0 && nodes_reserve(g, node_hint < MCF_NODES_MAX ? node_hint : MCF_NODES_MAX)) ||
	    (arc_hint > 0 && arcs_reserve(g, arc_hint < MCF_ARCS_MAX ? arc_hint : MCF_ARCS_MAX))) {
		mcf_free(g);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory for a flow network");
	}
	*out = g;
	return 0;
}

void mcf_free(struct mcf *g)
{
	if (!g)
		return;
	void *all[] = {g->tail, g->head, g->cost, g->cap, g->flow, g->aflag,
		       g->out_next, g->in_next, g->supply, g->pi, g->excess, g->out_first,
		       g->in_first, g->degree, g->nflag, g->parent, g->pred, g->thread, g->rev_thread,
		       g->succ_num, g->last_succ, g->dir_up, g->pw, g->pa, g->pb, g->pc, g->pd,
		       g->pe, g->tpi, g->dist, g->heap, g->hpos, g->parc, g->settled,
		       g->touched, g->orphan,
		       g->dirty_arcs, g->dirty_nodes, g->sa, g->scap, g->sflow,
		       g->sstate, g->sorig, g->spos, g->adj, g->adj_start};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		free(all[i]);
	free(g);
}

/* ---- building and changing ------------------------------------------ */

static int64_t abs64(int64_t x)
{
	return x < 0 ? -x : x;
}

static void mark_unsolved(struct mcf *g);

static int mark_node(struct mcf *g, int32_t v)
{
	if (!g->solved || (g->nflag[v] & NF_DIRTY))
		return 0;
	g->nflag[v] |= NF_DIRTY;
	return list_push(&g->dirty_nodes, &g->ndirty_nodes, &g->cap_dirty_nodes, v);
}

static int mark_arc(struct mcf *g, int32_t a)
{
	if (!g->solved || a >= g->m_solved || (g->aflag[a] & AF_DIRTY))
		return 0;
	g->aflag[a] |= AF_DIRTY;
	return list_push(&g->dirty_arcs, &g->ndirty_arcs, &g->cap_dirty_arcs, a);
}

/* Out of memory while recording a change for the warm solver: the next
 * solve must be cold, since the record of what changed is incomplete. */
static int lost_track(struct mcf *g, struct samen_err *err)
{
	mark_unsolved(g);
	return samen_fail(err, SAMEN_ENOMEM, "out of memory");
}

int mcf_add_node(struct mcf *g, int64_t supply, int32_t *id, struct samen_err *err)
{
	if (supply < -MCF_CAP_MAX || supply > MCF_CAP_MAX)
		return samen_fail(err, SAMEN_EINVAL, "supply %lld out of range", (long long)supply);
	if (g->n >= MCF_NODES_MAX)
		return samen_fail(err, SAMEN_ETOOBIG, "more than %ld nodes", (long)MCF_NODES_MAX);
	if (nodes_reserve(g, g->n + 1))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory for a flow network");
	int32_t v = g->n++;
	g->supply[v] = supply;
	g->pi[v] = 0;
	g->excess[v] = supply; /* no flow yet; only read by a warm solve */
	g->out_first[v] = -1;
	g->in_first[v] = -1;
	g->degree[v] = 0;
	g->nflag[v] = 0;
	if (id)
		*id = v;
	return 0;
}

int mcf_add_arc(struct mcf *g, int32_t tail, int32_t head, int64_t cap, int64_t cost,
		int32_t *id, struct samen_err *err)
{
	if (tail < 0 || tail >= g->n || head < 0 || head >= g->n)
		return samen_fail(err, SAMEN_EINVAL, "arc %ld -> %ld: unknown node", (long)tail,
				  (long)head);
	if (cap < 0 || cap > MCF_CAP_MAX)
		return samen_fail(err, SAMEN_EINVAL, "capacity %lld out of range", (long long)cap);
	if (cost < -MCF_COST_MAX || cost > MCF_COST_MAX)
		return samen_fail(err, SAMEN_EINVAL, "cost %lld out of range", (long long)cost);
	if (g->m >= MCF_ARCS_MAX)
		return samen_fail(err, SAMEN_ETOOBIG, "more than %ld arcs", (long)MCF_ARCS_MAX);
	if (arcs_reserve(g, g->m + 1))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory for a flow network");
	int32_t a = g->m++;
	g->tail[a] = tail;
	g->head[a] = head;
	g->cap[a] = cap;
	g->cost[a] = cost;
	g->flow[a] = 0;
	g->aflag[a] = 0;
	g->out_next[a] = g->out_first[tail];
	g->out_first[tail] = a;
	g->in_next[a] = g->in_first[head];
	g->in_first[head] = a;
	g->degree[tail]++;
	g->degree[head]++;
	if (abs64(cost) > g->max_abs_cost)
		g->max_abs_cost = abs64(cost);
	g->cost_cap_sum += (mcf_i128)cap * abs64(cost);
	if (id)
		*id = a;
	return 0;
}

int mcf_set_supply(struct mcf *g, int32_t v, int64_t supply, struct samen_err *err)
{
	if (v < 0 || v >= g->n)
		return samen_fail(err, SAMEN_EINVAL, "unknown node %ld", (long)v);
	if (supply < -MCF_CAP_MAX || supply > MCF_CAP_MAX)
		return samen_fail(err, SAMEN_EINVAL, "supply %lld out of range", (long long)supply);
	if (g->solved && v < g->n_solved && mark_node(g, v))
		return lost_track(g, err);
	g->excess[v] += supply - g->supply[v];
	g->supply[v] = supply;
	return 0;
}

int mcf_set_cap(struct mcf *g, int32_t a, int64_t cap, struct samen_err *err)
{
	if (a < 0 || a >= g->m)
		return samen_fail(err, SAMEN_EINVAL, "unknown arc %ld", (long)a);
	if (cap < 0 || cap > MCF_CAP_MAX)
		return samen_fail(err, SAMEN_EINVAL, "capacity %lld out of range", (long long)cap);
	if (g->aflag[a] & AF_FORBIDDEN)
		return samen_fail(err, SAMEN_EINVAL, "arc %ld is forbidden", (long)a);
	if (mark_arc(g, a))
		return lost_track(g, err);
	g->cost_cap_sum -= (mcf_i128)g->cap[a] * abs64(g->cost[a]);
	g->cap[a] = cap;
	g->cost_cap_sum += (mcf_i128)cap * abs64(g->cost[a]);
	return 0;
}

int mcf_set_cost(struct mcf *g, int32_t a, int64_t cost, struct samen_err *err)
{
	if (a < 0 || a >= g->m)
		return samen_fail(err, SAMEN_EINVAL, "unknown arc %ld", (long)a);
	if (cost < -MCF_COST_MAX || cost > MCF_COST_MAX)
		return samen_fail(err, SAMEN_EINVAL, "cost %lld out of range", (long long)cost);
	if (mark_arc(g, a))
		return lost_track(g, err);
	g->cost_cap_sum -= (mcf_i128)g->cap[a] * abs64(g->cost[a]);
	if (g->solved) /* keep total_cost = sum(cost x flow) for the warm solve */
		g->total_cost += (cost - g->cost[a]) * g->flow[a];
	g->cost[a] = cost;
	g->cost_cap_sum += (mcf_i128)g->cap[a] * abs64(cost);
	if (abs64(cost) > g->max_abs_cost)
		g->max_abs_cost = abs64(cost);
	return 0;
}

int mcf_forbid_arc(struct mcf *g, int32_t a, struct samen_err *err)
{
	if (a < 0 || a >= g->m)
		return samen_fail(err, SAMEN_EINVAL, "unknown arc %ld", (long)a);
	if (g->aflag[a] & AF_FORBIDDEN)
		return 0;
	if (mark_arc(g, a))
		return lost_track(g, err);
	g->cost_cap_sum -= (mcf_i128)g->cap[a] * abs64(g->cost[a]);
	g->cap[a] = 0;
	g->aflag[a] |= AF_FORBIDDEN;
	return 0;
}

int mcf_isolate_node(struct mcf *g, int32_t v, struct samen_err *err)
{
	if (v < 0 || v >= g->n)
		return samen_fail(err, SAMEN_EINVAL, "unknown node %ld", (long)v);
	int rc;
	for (int32_t a = g->out_first[v]; a >= 0; a = g->out_next[a])
		if ((rc = mcf_forbid_arc(g, a, err)))
			return rc;
	for (int32_t a = g->in_first[v]; a >= 0; a = g->in_next[a])
		if ((rc = mcf_forbid_arc(g, a, err)))
			return rc;
	return mcf_set_supply(g, v, 0, err);
}

/* ---- reading --------------------------------------------------------- */

int32_t mcf_node_count(const struct mcf *g)
{
	return g->n;
}

int32_t mcf_arc_count(const struct mcf *g)
{
	return g->m;
}

int64_t mcf_flow(const struct mcf *g, int32_t a)
{
	return a >= 0 && a < g->m ? g->flow[a] : 0;
}

const int64_t *mcf_flows(const struct mcf *g)
{
	return g->flow;
}

int64_t mcf_potential(const struct mcf *g, int32_t v)
{
	return v >= 0 && v < g->n ? g->pi[v] : 0;
}

int64_t mcf_total_cost(const struct mcf *g)
{
	return g->total_cost;
}

int64_t mcf_supply(const struct mcf *g, int32_t v)
{
	return v >= 0 && v < g->n ? g->supply[v] : 0;
}

void mcf_get_stats(const struct mcf *g, struct mcf_stats *st)
{
	*st = g->stats;
}

int mcf_arc(const struct mcf *g, int32_t a, int32_t *tail, int32_t *head, int64_t *cap,
	    int64_t *cost)
{
	if (a < 0 || a >= g->m)
		return SAMEN_EINVAL;
	if (tail)
		*tail = g->tail[a];
	if (head)
		*head = g->head[a];
	if (cap)
		*cap = g->cap[a];
	if (cost)
		*cost = g->cost[a];
	return 0;
}

/* ---- network simplex ------------------------------------------------- */

/*
 * Block search: scan the real arcs cyclically from next_arc, a block at a
 * time; at the end of a block holding a violating arc (a lower-bound arc
 * with rc < 0 or an upper-bound arc with rc > 0), the most violating arc of
 * the blocks scanned since the last call enters. Returns -1 when no real arc
 * violates optimality: the basis is optimal.
 */
static int32_t find_entering(struct mcf *g)
{
	const int32_t m = g->sm;
	const struct sarc *sa = g->sa;
	const int64_t *pi = g->tpi;
	const int8_t *state = g->sstate;
	int64_t best = 0;
	int32_t best_arc = -1;
	int32_t cnt = g->block;
	int32_t e;

	for (e = g->next_arc; e < m; e++) {
		int64_t c = state[e] * (sa[e].cost + pi[sa[e].tail] - pi[sa[e].head]);
		if (c < best) {
			best = c;
			best_arc = e;
		}
		if (--cnt == 0) {
			if (best < 0)
				goto found;
			cnt = g->block;
		}
	}
	for (e = 0; e < g->next_arc; e++) {
		int64_t c = state[e] * (sa[e].cost + pi[sa[e].tail] - pi[sa[e].head]);
		if (c < best) {
			best = c;
			best_arc = e;
		}
		if (--cnt == 0) {
			if (best < 0)
				goto found;
			cnt = g->block;
		}
	}
	if (best >= 0)
		return -1;
found:
	g->next_arc = e + 1 < m ? e + 1 : 0;
	return best_arc;
}

/* Apex of the cycle: the deepest common ancestor of u and v. */
static int32_t find_join(const struct mcf *g, int32_t u, int32_t v)
{
	const int32_t *sn = g->succ_num, *par = g->parent;
	while (u != v) {
		if (sn[u] < sn[v])
			u = par[u];
		else
			v = par[v];
	}
	return u;
}

static inline void link(struct mcf *g, int32_t x, int32_t y)
{
	g->thread[x] = y;
	g->rev_thread[y] = x;
}

/*
 * Replace the tree arc between u_out and its parent by the entering arc
 * in_arc between u_in (inside the subtree S of u_out) and v_in (outside it):
 * S is re-rooted at u_in and hung under v_in. join is the apex of the cycle.
 * Potentials are shifted so that in_arc gets reduced cost 0.
 */
static void update_tree(struct mcf *g, int32_t in_arc, int32_t u_in, int32_t v_in,
			int32_t u_out, int32_t join)
{
	int32_t *parent = g->parent, *pred = g->pred, *thread = g->thread;
	int32_t *rev = g->rev_thread, *succ = g->succ_num, *last = g->last_succ;
	int8_t *up = g->dir_up;
	int32_t *w = g->pw, *pa = g->pa, *pb = g->pb, *pc = g->pc, *pd = g->pd, *pe = g->pe;

	const int32_t size_s = succ[u_out];
	const int32_t last_s = last[u_out];
	const int32_t before_s = rev[u_out];
	const int32_t after_s = thread[last_s];
	const int32_t p_out = parent[u_out];

	/* The path w[0] = u_in, ..., w[k] = u_out, and the old thread
	 * boundaries of the pieces the re-rooted subtree is made of. Piece i is
	 * w[i], then the nodes between w[i] and w[i-1]'s subtree (pa..pb), then
	 * the nodes after w[i-1]'s subtree up to the end of w[i]'s (pc..pd). */
	int32_t k = 0;
	w[0] = u_in;
	while (w[k] != u_out) {
		w[k + 1] = parent[w[k]];
		k++;
	}
	for (int32_t i = 1; i <= k; i++) {
		pa[i] = thread[w[i]];
		pb[i] = rev[w[i - 1]];
		pe[i] = last[w[i - 1]];
		pc[i] = thread[pe[i]];
		pd[i] = last[w[i]];
	}

	/* New preorder of S. */
	int32_t cur = last[w[0]];
	for (int32_t i = 1; i <= k; i++) {
		link(g, cur, w[i]);
		cur = w[i];
		if (pa[i] != w[i - 1]) {
			link(g, cur, pa[i]);
			cur = pb[i];
		}
		if (pe[i] != pd[i]) {
			link(g, cur, pc[i]);
			cur = pd[i];
		}
	}
	const int32_t new_last = cur;

	/* Cut S out of the thread and insert it right after v_in. */
	link(g, before_s, after_s);
	int32_t nx = thread[v_in];
	link(g, v_in, u_in);
	link(g, new_last, nx);

	/* Reverse the path: parents, tree arcs, their orientation, subtree sizes. */
	for (int32_t i = k; i >= 1; i--) {
		pred[w[i]] = pred[w[i - 1]];
		up[w[i]] = (int8_t)!up[w[i - 1]];
		parent[w[i]] = w[i - 1];
		succ[w[i]] = size_s - succ[w[i - 1]];
		last[w[i]] = new_last;
	}
	parent[u_in] = v_in;
	pred[u_in] = in_arc;
	up[u_in] = (int8_t)(g->sa[in_arc].tail == u_in);
	succ[u_in] = size_s;
	last[u_in] = new_last;

	/* Ancestors: sizes below the apex, and subtree ends. */
	for (int32_t x = p_out; x != join; x = parent[x])
		succ[x] -= size_s;
	for (int32_t x = v_in; x != join; x = parent[x])
		succ[x] += size_s;
	for (int32_t x = p_out; x >= 0 && last[x] == last_s; x = parent[x])
		last[x] = before_s;
	if (last[v_in] == v_in)
		for (int32_t x = v_in; x >= 0 && last[x] == v_in; x = parent[x])
			last[x] = new_last;

	/* Potentials: make in_arc tight by shifting S, or the rest by the
	 * opposite amount when S is the larger side. */
	int64_t *pi = g->tpi;
	const struct sarc *ia = &g->sa[in_arc];
	int64_t rc = ia->cost + pi[ia->tail] - pi[ia->head];
	int64_t sigma = ia->tail == u_in ? -rc : rc;
	if (sigma == 0)
		return;
	if (size_s <= (g->n + 1) / 2) {
		for (int32_t x = u_in;; x = thread[x]) {
			pi[x] += sigma;
			if (x == new_last)
				break;
		}
	} else {
		for (int32_t x = thread[new_last]; x != u_in; x = thread[x])
			pi[x] -= sigma;
	}
}

/* One pivot with entering arc in_arc. */
static void pivot(struct mcf *g, int32_t in_arc)
{
	int32_t *parent = g->parent, *pred = g->pred;
	const int8_t *up = g->dir_up;
	int64_t *flow = g->sflow;
	const int64_t *cap = g->scap;
	const struct sarc *ia = &g->sa[in_arc];

	int32_t first, second;
	if (g->sstate[in_arc] == ST_LOWER) {
		first = ia->tail;
		second = ia->head;
	} else {
		first = ia->head;
		second = ia->tail;
	}
	int32_t join = find_join(g, first, second);

	/* Leaving arc: the last blocking arc met when walking the cycle in the
	 * direction of flow from the apex (join -> first -> second -> join). */
	int64_t delta = cap[in_arc];
	int result = 0;
	int32_t u_out = -1;
	for (int32_t x = first; x != join; x = parent[x]) {
		int32_t e = pred[x];
		int64_t d = up[x] ? flow[e] : cap[e] - flow[e];
		if (d < delta) {
			delta = d;
			u_out = x;
			result = 1;
		}
	}
	for (int32_t x = second; x != join; x = parent[x]) {
		int32_t e = pred[x];
		int64_t d = up[x] ? cap[e] - flow[e] : flow[e];
		if (d <= delta) {
			delta = d;
			u_out = x;
			result = 2;
		}
	}

	if (delta > 0) {
		int64_t val = g->sstate[in_arc] * delta;
		flow[in_arc] += val;
		for (int32_t x = ia->tail; x != join; x = parent[x])
			flow[pred[x]] += up[x] ? -val : val;
		for (int32_t x = ia->head; x != join; x = parent[x])
			flow[pred[x]] += up[x] ? val : -val;
	}

	if (result == 0) {
		g->sstate[in_arc] = (int8_t)-g->sstate[in_arc];
		return;
	}
	int32_t out_arc = pred[u_out];
	g->sstate[out_arc] = flow[out_arc] == 0 ? ST_LOWER : ST_UPPER;
	g->sstate[in_arc] = ST_TREE;
	int32_t u_in = result == 1 ? first : second;
	int32_t v_in = result == 1 ? second : first;
	update_tree(g, in_arc, u_in, v_in, u_out, join);
}

static int check_numbers(const struct mcf *g, struct samen_err *err)
{
	if (g->cost_cap_sum > (mcf_i128)NUM_LIMIT)
		return samen_fail(err, SAMEN_ETOOBIG,
				  "total |cost| x capacity exceeds 2^58; scale the costs down");
	if ((mcf_i128)(g->max_abs_cost + 1) * (g->n + 2) > (mcf_i128)NUM_LIMIT)
		return samen_fail(err, SAMEN_ETOOBIG,
				  "(max |cost| + 1) x nodes exceeds 2^58; scale the costs down");
	return 0;
}

static void finish_solve(struct mcf *g)
{
	for (int32_t i = 0; i < g->ndirty_arcs; i++)
		g->aflag[g->dirty_arcs[i]] &= (uint8_t)~AF_DIRTY;
	for (int32_t i = 0; i < g->ndirty_nodes; i++)
		g->nflag[g->dirty_nodes[i]] &= (uint8_t)~NF_DIRTY;
	g->ndirty_arcs = 0;
	g->ndirty_nodes = 0;
	g->solved = true;
	g->n_solved = g->n;
	g->m_solved = g->m;
}

static void mark_unsolved(struct mcf *g)
{
	for (int32_t i = 0; i < g->ndirty_arcs; i++)
		g->aflag[g->dirty_arcs[i]] &= (uint8_t)~AF_DIRTY;
	for (int32_t i = 0; i < g->ndirty_nodes; i++)
		g->nflag[g->dirty_nodes[i]] &= (uint8_t)~NF_DIRTY;
	g->ndirty_arcs = 0;
	g->ndirty_nodes = 0;
	g->solved = false;
	g->total_cost = 0;
}

/*
 * Replace most artificial arcs of the big-M start by real ones: from each
 * node with a supply (which keeps its artificial arc and its supply on it),
 * then from each remaining node in id order, grow a breadth-first tree over
 * arcs that can carry flow into zero-supply nodes not yet reached. Those
 * arcs carry no flow and point away from the root, so the tree stays
 * strongly feasible; their artificial arcs leave the basis at zero. The
 * potentials follow the real costs from the start, and the simplex does not
 * spend n degenerate pivots driving artificial arcs out. Then the thread,
 * subtree sizes and subtree ends are rebuilt from the parents. O(n + m).
 */
static void grow_start_tree(struct mcf *g, int32_t live)
{
	const int32_t n = g->n, root = n;
	int32_t *parent = g->parent, *pred = g->pred;
	int32_t *queue = g->pb, *seen = g->pc, *first_child = g->pd, *next_sib = g->pe;
	int32_t *order = g->pw, *stack = g->pa;
	int64_t *pi = g->tpi;

	for (int32_t v = 0; v < n; v++)
		seen[v] = 0;
	int32_t qh = 0, qt = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (int32_t v = 0; v < n; v++) {
			if (seen[v] || (pass == 0) != (g->supply[v] != 0))
				continue;
			seen[v] = 1; /* stays on its artificial arc */
			queue[qt++] = v;
			while (qh < qt) {
				int32_t u = queue[qh++];
				for (int32_t a = g->out_first[u]; a >= 0; a = g->out_next[a]) {
					int32_t h = g->head[a];
					if (seen[h] || g->cap[a] == 0 || g->supply[h] != 0)
						continue;
					seen[h] = 1;
					int32_t e = g->spos[a];
					parent[h] = u;
					pred[h] = e;
					g->dir_up[h] = 0;
					g->sstate[e] = ST_TREE;
					g->sstate[live + h] = ST_LOWER;
					pi[h] = pi[u] + g->cost[a];
					queue[qt++] = h;
				}
			}
		}
	}

	/* preorder through child lists */
	for (int32_t v = 0; v <= n; v++)
		first_child[v] = -1;
	for (int32_t v = n - 1; v >= 0; v--) {
		next_sib[v] = first_child[parent[v]];
		first_child[parent[v]] = v;
	}
	int32_t cnt = 0, top = 0;
	stack[top++] = root;
	while (top > 0) {
		int32_t x = stack[--top];
		order[cnt++] = x;
		/* push children so that the first child comes out first */
		int32_t k = top;
		for (int32_t c = first_child[x]; c >= 0; c = next_sib[c])
			stack[top++] = c;
		for (int32_t i = k, j = top - 1; i < j; i++, j--) {
			int32_t t = stack[i];
			stack[i] = stack[j];
			stack[j] = t;
		}
	}
	for (int32_t i = 0; i < cnt; i++)
		link(g, order[i], order[i + 1 < cnt ? i + 1 : 0]);
	for (int32_t i = 0; i < cnt; i++) {
		g->succ_num[order[i]] = 1;
		seen[order[i]] = i; /* now: position in preorder */
	}
	for (int32_t i = cnt - 1; i > 0; i--)
		g->succ_num[parent[order[i]]] += g->succ_num[order[i]];
	for (int32_t i = 0; i < cnt; i++)
		g->last_succ[order[i]] = order[i + g->succ_num[order[i]] - 1];
}

/*
 * Among the optimal potentials, lift each node's to the highest value its
 * residual arcs allow (one pass in node order). The optimality conditions
 * still hold, and nodes with slack - staff nobody uses, say - end level
 * with the node they would be fed from. This acts like an A* heuristic for
 * the backward searches of the next warm solves: a search from a new node
 * no longer wanders through everything whose potential sat needlessly low.
 * O(n + m).
 */
static void raise_potentials(struct mcf *g)
{
	int64_t *pi = g->pi;
	for (int32_t v = 0; v < g->n; v++) {
		bool bounded = false;
		int64_t ub = 0;
		for (int32_t a = g->in_first[v]; a >= 0; a = g->in_next[a]) {
			if (g->flow[a] < g->cap[a] && g->tail[a] != v) {
				int64_t b = g->cost[a] + pi[g->tail[a]];
				if (!bounded || b < ub)
					ub = b;
				bounded = true;
			}
		}
		for (int32_t a = g->out_first[v]; a >= 0; a = g->out_next[a]) {
			if (g->flow[a] > 0 && g->head[a] != v) {
				int64_t b = pi[g->head[a]] - g->cost[a];
				if (!bounded || b < ub)
					ub = b;
				bounded = true;
			}
		}
		if (bounded && ub > pi[v])
			pi[v] = ub;
	}
}

static int solve_cold(struct mcf *g, enum mcf_status *status, struct samen_err *err)
{
	const int32_t n = g->n, m = g->m, root = n;
	memset(&g->stats, 0, sizeof g->stats);

	int64_t sum = 0;
	for (int32_t v = 0; v < n; v++)
		sum += g->supply[v];
	if (sum != 0) {
		mark_unsolved(g);
		*status = MCF_INFEASIBLE;
		return 0;
	}
	if (scratch_reserve(g, n + 1))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory for a flow network");

	/* The simplex works on its own copy of the arcs that can carry flow,
	 * in mixed order: position i of the copy takes the arcs i, i + k,
	 * i + 2k, ... of the network (k about sqrt(m)), so every pricing block
	 * samples the whole network instead of one corner of it. */
	int32_t live = 0;
	for (int32_t a = 0; a < m; a++)
		live += g->cap[a] > 0;
	if (simplex_reserve(g, live + n) || spos_reserve(g, m))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory for a flow network");
	int32_t b = (int32_t)sqrt((double)live);
	g->block = b < 10 ? 10 : b;
	int32_t stride = g->block;
	int32_t *order = g->sorig;
	int32_t cnt = 0;
	for (int32_t a = 0; a < m; a++)
		if (g->cap[a] > 0)
			order[cnt++] = a; /* live arcs, in id order (temporarily) */
	for (int32_t i = 0; i < live; i++) /* sflow is free until the copy below */
		g->sflow[i] = order[i];
	int32_t pos = 0;
	for (int32_t s0 = 0; s0 < stride; s0++)
		for (int32_t i = s0; i < live; i += stride)
			order[pos++] = (int32_t)g->sflow[i];
	g->sm = live;
	for (int32_t e = 0; e < live; e++) {
		int32_t a = order[e];
		g->spos[a] = e;
		g->sa[e].tail = g->tail[a];
		g->sa[e].head = g->head[a];
		g->sa[e].cost = g->cost[a];
		g->scap[e] = g->cap[a];
		g->sflow[e] = 0;
		g->sstate[e] = ST_LOWER;
	}

	const int64_t big_m = (g->max_abs_cost + 1) * (int64_t)(n + 1);

	/* Big-M start: every node hangs from the root by its artificial arc
	 * (simplex arc live + v), which carries the node's supply; zero-flow
	 * ones point away from the root, so the tree is strongly feasible. */
	int64_t *pi = g->tpi;
	g->parent[root] = -1;
	g->pred[root] = -1;
	g->dir_up[root] = 0;
	pi[root] = 0;
	g->succ_num[root] = n + 1;
	g->last_succ[root] = n > 0 ? n - 1 : root;
	g->thread[root] = n > 0 ? 0 : root;
	g->rev_thread[root] = n > 0 ? n - 1 : root;
	for (int32_t v = 0; v < n; v++) {
		int32_t a = live + v;
		g->sa[a].cost = big_m;
		g->scap[a] = INF_CAP;
		g->sstate[a] = ST_TREE;
		if (g->supply[v] > 0) {
			g->sa[a].tail = v;
			g->sa[a].head = root;
			g->sflow[a] = g->supply[v];
			g->dir_up[v] = 1;
			pi[v] = -big_m;
		} else {
			g->sa[a].tail = root;
			g->sa[a].head = v;
			g->sflow[a] = -g->supply[v];
			g->dir_up[v] = 0;
			pi[v] = big_m;
		}
		g->parent[v] = root;
		g->pred[v] = a;
		g->succ_num[v] = 1;
		g->last_succ[v] = v;
		g->thread[v] = v + 1 < n ? v + 1 : root;
		g->rev_thread[v] = v > 0 ? v - 1 : root;
	}
	grow_start_tree(g, live);
	g->next_arc = 0;

	int32_t in_arc;
	int64_t pivots = 0;
	if (live > 0) {
		while ((in_arc = find_entering(g)) >= 0) {
			pivot(g, in_arc);
			pivots++;
		}
	}
	g->stats.pivots = pivots;

	for (int32_t v = 0; v < n; v++) {
		if (g->sflow[live + v] != 0) {
			mark_unsolved(g);
			*status = MCF_INFEASIBLE;
			return 0;
		}
	}
	for (int32_t a = 0; a < m; a++)
		g->flow[a] = 0;
	for (int32_t e = 0; e < live; e++)
		g->flow[order[e]] = g->sflow[e];
	for (int32_t v = 0; v < n; v++) {
		g->pi[v] = pi[v] - pi[root];
		g->excess[v] = 0;
	}
	raise_potentials(g);
	mcf_i128 total = 0;
	for (int32_t a = 0; a < m; a++)
		total += (mcf_i128)g->cost[a] * g->flow[a];
	g->total_cost = (int64_t)total;
	finish_solve(g);
	*status = MCF_OPTIMAL;
	return 0;
}

/* ---- warm start: successive shortest paths --------------------------- */

static inline int64_t red_cost(const struct mcf *g, int32_t a)
{
	return g->cost[a] + g->pi[g->tail[a]] - g->pi[g->head[a]];
}

/* Put arc a where its reduced cost wants it; record the imbalance. */
static int fix_arc(struct mcf *g, int32_t a)
{
	int64_t rc = red_cost(g, a);
	int64_t x = g->flow[a], nx;
	if (g->cap[a] == 0)
		nx = 0;
	else if (rc < 0)
		nx = g->cap[a];
	else if (rc > 0)
		nx = 0;
	else
		nx = x < g->cap[a] ? x : g->cap[a];
	if (nx == x)
		return 0;
	int32_t t = g->tail[a], h = g->head[a];
	g->flow[a] = nx;
	g->warm_cost += (mcf_i128)g->cost[a] * (nx - x);
	g->excess[t] -= nx - x;
	g->excess[h] += nx - x;
	if (mark_node(g, t) || mark_node(g, h))
		return SAMEN_ENOMEM;
	return 0;
}

/* Potential of a node added since the last solve: its cheapest incoming
 * arc from an already priced node becomes tight; failing that, its dearest
 * outgoing arc; failing both, 0. */
static void price_new_node(struct mcf *g, int32_t v)
{
	bool have = false;
	int64_t best = 0;
	for (int32_t a = g->in_first[v]; a >= 0; a = g->in_next[a]) {
		int32_t u = g->tail[a];
		if (u >= v || g->cap[a] == 0)
			continue;
		int64_t p = g->cost[a] + g->pi[u];
		if (!have || p < best) {
			best = p;
			have = true;
		}
	}
	if (!have) {
		for (int32_t a = g->out_first[v]; a >= 0; a = g->out_next[a]) {
			int32_t u = g->head[a];
			if (u >= v || g->cap[a] == 0)
				continue;
			int64_t p = g->pi[u] - g->cost[a];
			if (!have || p > best) {
				best = p;
				have = true;
			}
		}
	}
	g->pi[v] = have ? best : 0;
}

/* Binary heap on dist[], positions in hpos[] (-1: not in the heap). */
static void heap_up(struct mcf *g, int32_t i)
{
	int32_t *h = g->heap, *pos = g->hpos;
	const int64_t *d = g->dist;
	int32_t x = h[i];
	while (i > 0) {
		int32_t p = (i - 1) / 2;
		if (d[h[p]] <= d[x])
			break;
		h[i] = h[p];
		pos[h[i]] = i;
		i = p;
	}
	h[i] = x;
	pos[x] = i;
}

static void heap_down(struct mcf *g, int32_t i, int32_t len)
{
	int32_t *h = g->heap, *pos = g->hpos;
	const int64_t *d = g->dist;
	int32_t x = h[i];
	for (;;) {
		int32_t c = 2 * i + 1;
		if (c >= len)
			break;
		if (c + 1 < len && d[h[c + 1]] < d[h[c]])
			c++;
		if (d[x] <= d[h[c]])
			break;
		h[i] = h[c];
		pos[h[i]] = i;
		i = c;
	}
	h[i] = x;
	pos[x] = i;
}

/* parc[v]: the arc that reached v, a >= 0 forward, -a - 2 backward, -1 none */
#define POS_NONE (-1)
#define POS_DONE (-2)
#define POS_LEVEL (-3) /* in the queue of nodes at the current distance */

/* Put v (labelled already) into the heap. */
static inline void heap_push(struct mcf *g, int32_t v, int32_t *hlen)
{
	g->heap[*hlen] = v;
	g->hpos[v] = *hlen;
	heap_up(g, *hlen);
	(*hlen)++;
}

/*
 * Label v with distance nd reached through residual arc code (see parc),
 * from a node at distance du. A node first reached at distance du itself
 * (zero reduced cost, the common case) goes on the level queue lvl instead
 * of the heap: no key can be lower, so it needs no ordering.
 */
static inline void relax(struct mcf *g, int32_t v, int64_t nd, int32_t code, int64_t du,
			 int32_t *lvl, int32_t *nlvl, int32_t *hlen, int32_t *ntouched)
{
	int32_t *hpos = g->hpos;
	if (hpos[v] == POS_DONE || hpos[v] == POS_LEVEL)
		return;
	if (hpos[v] == POS_NONE) {
		g->dist[v] = nd;
		g->parc[v] = code;
		if (nd == du) {
			lvl[(*nlvl)++] = v;
			hpos[v] = POS_LEVEL;
		} else {
			heap_push(g, v, hlen);
		}
		g->touched[(*ntouched)++] = v;
	} else if (nd < g->dist[v]) {
		g->dist[v] = nd;
		g->parc[v] = code;
		heap_up(g, hpos[v]);
	}
}

#define DIST_INF (INT64_MAX / 4) /* key of a node no settled node reaches */

/* A shortest-path search that can be resumed after an augmentation. */
struct search {
	bool back;        /* over reversed residual arcs, from the shortfalls */
	int32_t hlen;     /* heap entries */
	int32_t nsettled; /* g->settled[0 .. nsettled): parents before children */
	int32_t ntouched; /* g->touched[0 .. ntouched): hpos != POS_NONE */
	int32_t last;     /* where the last round stopped, -1 before the first */
};

static inline bool is_source(const struct mcf *g, bool back, int32_t v)
{
	return back ? g->excess[v] < 0 : g->excess[v] > 0;
}

static inline bool is_target(const struct mcf *g, bool back, int32_t v)
{
	return back ? g->excess[v] > 0 : g->excess[v] < 0;
}

/*
 * (Re)build the adjacency of the warm searches over all arcs of today but
 * the forbidden ones (they never carry flow again), if more than an eighth
 * of the arcs are newer than it. O(n + m) when it builds; out of memory,
 * the searches read the lists alone (adj_m = 0).
 */
static void adj_refresh(struct mcf *g)
{
	/* nodes newer than the adjacency have only newer arcs */
	if (g->adj_m > 0 && (int64_t)8 * (g->m - g->adj_m) <= g->adj_m)
		return;
	const int32_t n = g->n, m = g->m;
	g->adj_m = 0;
	if (m == 0)
		return;
	if (g->adj_cap < 2 * m) {
		int32_t c = 2 * m + m / 2;
		if (grow((void **)&g->adj, sizeof *g->adj, c))
			return;
		g->adj_cap = c;
	}
	if (g->adj_start_cap < n + 1) {
		int32_t c = n + 1 + n / 4;
		if (grow((void **)&g->adj_start, sizeof *g->adj_start, c))
			return;
		g->adj_start_cap = c;
	}
	int32_t *start = g->adj_start;
	for (int32_t v = 0; v <= n; v++)
		start[v] = 0;
	for (int32_t a = 0; a < m; a++) {
		if (g->aflag[a] & AF_FORBIDDEN)
			continue; /* never carries flow again */
		start[g->tail[a] + 1]++;
		start[g->head[a] + 1]++;
	}
	for (int32_t v = 0; v < n; v++)
		start[v + 1] += start[v];
	for (int32_t a = 0; a < m; a++) { /* start[v] walks to the end of v's range */
		if (g->aflag[a] & AF_FORBIDDEN)
			continue;
		int32_t t = g->tail[a], h = g->head[a];
		g->adj[start[t]++] = (struct adj){.code = a, .other = h};
		g->adj[start[h]++] = (struct adj){.code = -a - 2, .other = t};
	}
	for (int32_t v = n; v > 0; v--) /* back to the beginnings */
		start[v] = start[v - 1];
	start[0] = 0;
	g->adj_m = m;
	g->adj_n = n;
}

/*
 * Before a search: move the whole imbalance of each source one step over a
 * residual arc of zero reduced cost with room for it, when that leads to a
 * node with more arcs (a hub). Free and optimal (the flow changes on a tight
 * arc only); sources that share a hub merge into one with more imbalance,
 * which a search tree does not lose as soon as one small source runs dry
 * (withdrawing a request frees a few hours at several staff of the same
 * board). O(arcs of the sources). Errors: SAMEN_ENOMEM (recording the hub
 * as active).
 */
static int pool_sources(struct mcf *g, bool back, int32_t *act, int32_t nact)
{
	int64_t *excess = g->excess;
	for (int32_t i = 0; i < nact; i++) {
		int32_t s = act[i];
		if (!is_source(g, back, s))
			continue;
		int64_t x = back ? -excess[s] : excess[s];
		int32_t best = -1, bestv = -1;
		for (int32_t c = back ? g->in_first[s] : g->out_first[s]; c >= 0;
		     c = back ? g->in_next[c] : g->out_next[c]) {
			int32_t v = back ? g->tail[c] : g->head[c];
			if (g->cap[c] - g->flow[c] >= x && red_cost(g, c) == 0 &&
			    g->degree[v] > g->degree[s] &&
			    (best < 0 || g->degree[v] > g->degree[bestv])) {
				best = c;
				bestv = v;
			}
		}
		for (int32_t a = back ? g->out_first[s] : g->in_first[s]; a >= 0;
		     a = back ? g->out_next[a] : g->in_next[a]) {
			int32_t v = back ? g->head[a] : g->tail[a];
			if (g->flow[a] >= x && red_cost(g, a) == 0 && g->degree[v] > g->degree[s] &&
			    (best < 0 || g->degree[v] > g->degree[bestv])) {
				best = -a - 2;
				bestv = v;
			}
		}
		if (best == -1)
			continue;
		if (best >= 0) {
			g->flow[best] += x;
			g->warm_cost += (mcf_i128)g->cost[best] * x;
		} else {
			g->flow[-best - 2] -= x;
			g->warm_cost -= (mcf_i128)g->cost[-best - 2] * x;
		}
		if (back) {
			excess[s] += x;
			excess[bestv] -= x;
		} else {
			excess[s] -= x;
			excess[bestv] += x;
		}
		if (mark_node(g, bestv))
			return SAMEN_ENOMEM;
	}
	return 0;
}

/* Start a search from every source (surplus forward, shortfall backward). */
static void search_start(struct mcf *g, struct search *sp, bool back, const int32_t *act,
			 int32_t nact)
{
	sp->back = back;
	sp->last = -1;
	sp->hlen = 0;
	sp->nsettled = 0;
	sp->ntouched = 0;
	for (int32_t i = 0; i < nact; i++) {
		int32_t v = act[i];
		if (is_source(g, back, v)) {
			g->dist[v] = 0;
			g->parc[v] = -1;
			g->heap[sp->hlen] = v; /* all keys 0: already a heap */
			g->hpos[v] = sp->hlen++;
			g->touched[sp->ntouched++] = v;
		}
	}
}

/* End a search: every hpos back to POS_NONE. */
static void search_end(struct mcf *g, struct search *sp)
{
	for (int32_t i = 0; i < sp->ntouched; i++)
		g->hpos[g->touched[i]] = POS_NONE;
	sp->ntouched = 0;
	sp->nsettled = 0;
	sp->hlen = 0;
}

/*
 * Run the search on reduced costs until it reaches a target: forward, over
 * residual arcs, the first node with a shortfall; backward, over reversed
 * residual arcs, the first node with surplus. Returns that node (-1: none
 * is reachable) and its distance in *dmax; every node settled so far is in
 * g->settled with its distance in g->dist, and no node outside it is closer.
 */
static int32_t search_run(struct mcf *g, struct search *sp, int64_t *dmax)
{
	int32_t *hpos = g->hpos, *heap = g->heap;
	int64_t *dist = g->dist;
	const int64_t *pi = g->pi, *excess = g->excess, *flow = g->flow, *cap = g->cap;
	const int64_t *cost = g->cost;
	const bool back = sp->back;
	int32_t *ntouched = &sp->ntouched;
	/* the level queue, FIFO (simplex scratch, unused by a warm solve) */
	int32_t *lvl = g->pb, qh = 0, nlvl = 0;
	/* A settled target that is still one after the last augmentation is
	 * at distance 0 again (the bottleneck was elsewhere): go there first. */
	int32_t t = sp->last;
	if (t >= 0 && hpos[t] == POS_DONE && is_target(g, back, t)) {
		*dmax = dist[t];
		return t;
	}
	while (qh < nlvl || sp->hlen > 0) {
		int32_t u;
		/* The queue holds nodes at the current distance; heap nodes at
		 * that distance (the sources at first) go before them, so that
		 * the tree grows breadth first from all sources together. */
		if (qh < nlvl && (sp->hlen == 0 || dist[heap[0]] > dist[lvl[qh]])) {
			u = lvl[qh++];
			if (qh == nlvl)
				qh = nlvl = 0;
		} else {
			u = heap[0];
			if (dist[u] >= DIST_INF)
				break;
			if (--sp->hlen > 0) {
				heap[0] = heap[sp->hlen];
				hpos[heap[0]] = 0;
				heap_down(g, 0, sp->hlen);
			}
		}
		hpos[u] = POS_DONE;
		g->settled[sp->nsettled++] = u;
		g->stats.settled++;
		const int64_t du = dist[u], piu = pi[u];
		/* A target labelled du is as good as settled (no key in the heap
		 * is below du): stop there without emptying the level du first,
		 * but only after all of u is scanned (a resumed search relies on
		 * every settled node having relaxed all its arcs, a target too). */
		int32_t end = is_target(g, back, u) ? u : -1;
#define STOP_AT(v, is_end)                                                           \
	do {                                                                         \
		if ((is_end) && dist[v] == du && end < 0)                            \
			end = v;                                                     \
	} while (0)
		/* arcs newer than the adjacency first, from the lists */
		const int32_t am = g->adj_m;
		if (!back) {
			for (int32_t a = g->out_first[u]; a >= am; a = g->out_next[a])
				if (flow[a] < cap[a]) {
					int32_t v = g->head[a];
					relax(g, v, du + cost[a] + piu - pi[v], a, du, lvl, &nlvl,
					      &sp->hlen, ntouched);
					STOP_AT(v, excess[v] < 0);
				}
			for (int32_t a = g->in_first[u]; a >= am; a = g->in_next[a])
				if (flow[a] > 0) {
					int32_t v = g->tail[a];
					relax(g, v, du - (cost[a] + pi[v] - piu), -a - 2, du, lvl,
					      &nlvl, &sp->hlen, ntouched);
					STOP_AT(v, excess[v] < 0);
				}
		} else {
			for (int32_t a = g->in_first[u]; a >= am; a = g->in_next[a])
				if (flow[a] < cap[a]) {
					int32_t v = g->tail[a];
					relax(g, v, du + cost[a] + pi[v] - piu, a, du, lvl, &nlvl,
					      &sp->hlen, ntouched);
					STOP_AT(v, excess[v] > 0);
				}
			for (int32_t a = g->out_first[u]; a >= am; a = g->out_next[a])
				if (flow[a] > 0) {
					int32_t v = g->head[a];
					relax(g, v, du - (cost[a] + piu - pi[v]), -a - 2, du, lvl,
					      &nlvl, &sp->hlen, ntouched);
					STOP_AT(v, excess[v] > 0);
				}
		}
		if (am > 0 && u < g->adj_n) {
			const struct adj *e = g->adj + g->adj_start[u];
			const struct adj *e_end = g->adj + g->adj_start[u + 1];
			for (; e < e_end; e++) {
				int32_t v = e->other, c = e->code;
				if (hpos[v] < POS_NONE) /* settled or at du: nothing to gain */
					continue;
				if (c >= 0) { /* u -> v */
					if (!back && flow[c] < cap[c]) {
						relax(g, v, du + cost[c] + piu - pi[v], c, du,
						      lvl, &nlvl, &sp->hlen, ntouched);
						STOP_AT(v, excess[v] < 0);
					} else if (back && flow[c] > 0) {
						relax(g, v, du - (cost[c] + piu - pi[v]), -c - 2,
						      du, lvl, &nlvl, &sp->hlen, ntouched);
						STOP_AT(v, excess[v] > 0);
					}
				} else { /* v -> u */
					int32_t a = -c - 2;
					if (back && flow[a] < cap[a]) {
						relax(g, v, du + cost[a] + pi[v] - piu, a, du,
						      lvl, &nlvl, &sp->hlen, ntouched);
						STOP_AT(v, excess[v] > 0);
					} else if (!back && flow[a] > 0) {
						relax(g, v, du - (cost[a] + pi[v] - piu), c, du,
						      lvl, &nlvl, &sp->hlen, ntouched);
						STOP_AT(v, excess[v] < 0);
					}
				}
			}
		}
#undef STOP_AT
		if (end >= 0) {
			while (qh < nlvl) /* the heap holds every labelled node again */
				heap_push(g, lvl[qh++], &sp->hlen);
			*dmax = du;
			return end;
		}
	}
	return -1;
}

/* The node a search label with code c (see parc) came from. */
static inline int32_t parc_parent(const struct mcf *g, bool back, int32_t c)
{
	if (c >= 0)
		return back ? g->head[c] : g->tail[c];
	return back ? g->tail[-c - 2] : g->head[-c - 2];
}

static inline int64_t code_room(const struct mcf *g, int32_t c)
{
	return c >= 0 ? g->cap[c] - g->flow[c] : g->flow[-c - 2];
}

/*
 * Label v afresh from the settled nodes (all at distance base): the least
 * base + reduced cost over the residual steps from a settled node into v,
 * DIST_INF if there is none. O(degree of v).
 */
static void relabel(struct mcf *g, bool back, int32_t v, int64_t base)
{
	const int64_t *pi = g->pi;
	int64_t best = DIST_INF;
	int32_t code = -1;
	/* forward: steps w -> v are in-arcs with room and out-arcs with flow;
	 * backward: the search steps from w to v over out-arcs of v with room
	 * and in-arcs of v with flow */
	for (int32_t a = back ? g->out_first[v] : g->in_first[v]; a >= 0;
	     a = back ? g->out_next[a] : g->in_next[a]) {
		int32_t w = back ? g->head[a] : g->tail[a];
		if (g->flow[a] < g->cap[a] && g->hpos[w] == POS_DONE) {
			int64_t d = base + g->cost[a] + (back ? pi[v] - pi[w] : pi[w] - pi[v]);
			if (d < best) {
				best = d;
				code = a;
			}
		}
	}
	for (int32_t a = back ? g->in_first[v] : g->out_first[v]; a >= 0;
	     a = back ? g->in_next[a] : g->out_next[a]) {
		int32_t w = back ? g->tail[a] : g->head[a];
		if (g->flow[a] > 0 && g->hpos[w] == POS_DONE) {
			int64_t d = base - (g->cost[a] + (back ? pi[w] - pi[v] : pi[v] - pi[w]));
			if (d < best) {
				best = d;
				code = -a - 2;
			}
		}
	}
	g->dist[v] = best;
	g->parc[v] = code;
}

/*
 * Settled node x (position i in g->settled) lost its tree path: give it a
 * new parent among the settled nodes before it that kept theirs, over a
 * residual step of zero reduced cost. Its distance is then still 0, so the
 * labels it gave its neighbours when it was scanned stay exact and it need
 * not be scanned again. Earlier parents only, so that parents keep coming
 * before their children in g->settled. Returns whether it found one.
 */
static bool reattach(struct mcf *g, bool back, int32_t x, int32_t i, const int32_t *pos,
		     const uint8_t *orphan)
{
	for (int32_t a = back ? g->out_first[x] : g->in_first[x]; a >= 0;
	     a = back ? g->out_next[a] : g->in_next[a]) {
		int32_t w = back ? g->head[a] : g->tail[a];
		if (g->hpos[w] == POS_DONE && pos[w] < i && !orphan[w] && g->flow[a] < g->cap[a] &&
		    red_cost(g, a) == 0) {
			g->parc[x] = a;
			return true;
		}
	}
	for (int32_t a = back ? g->in_first[x] : g->out_first[x]; a >= 0;
	     a = back ? g->in_next[a] : g->out_next[a]) {
		int32_t w = back ? g->tail[a] : g->head[a];
		if (g->hpos[w] == POS_DONE && pos[w] < i && !orphan[w] && g->flow[a] > 0 &&
		    red_cost(g, a) == 0) {
			g->parc[x] = -a - 2;
			return true;
		}
	}
	return false;
}

/*
 * After an augmentation along the search's path and the shift of the
 * potentials (every settled node now at distance 0 = base on the stored
 * scale), prepare the search to go on instead of starting again. A settled
 * node stays settled when its tree path still comes from a live source
 * over arcs with room (then its distance is still 0, the least possible);
 * the others (orphans) go back into the heap with a label computed from
 * the settled nodes (unless reattach finds them a new parent at distance
 * 0), as do heap nodes whose label came from an orphan; the
 * other heap labels stay exact (the shift moved them all by the same base).
 * Returns false, with the search ended, when more than half the settled
 * nodes are orphans (or three quarters before reattach is tried): starting
 * again is then cheaper.
 */
static bool search_repair(struct mcf *g, struct search *sp, int64_t base)
{
	const bool back = sp->back;
	uint8_t *orphan = g->orphan;
	int32_t *pos = g->pa;          /* simplex scratch, unused by a warm solve */
	const int32_t ns = sp->nsettled;
	/* First without new parents (O(settled), no arc is read): when most
	 * of the tree hangs below the filled arc, start again at once. */
	int32_t norphan = 0;
	for (int32_t i = 0; i < ns; i++) {
		int32_t x = g->settled[i], c = g->parc[x];
		bool o = c == -1 ? !is_source(g, back, x)
				 : code_room(g, c) == 0 || orphan[parc_parent(g, back, c)];
		orphan[x] = o;
		norphan += o;
		pos[x] = i;
	}
	if (norphan > 0 && 4 * norphan <= 3 * ns) {
		/* Then with new parents, in order: a subtree whose root finds one
		 * comes back whole. */
		norphan = 0;
		for (int32_t i = 0; i < ns && 2 * norphan <= ns; i++) {
			int32_t x = g->settled[i], c = g->parc[x];
			bool o = c == -1 ? !is_source(g, back, x)
					 : code_room(g, c) == 0 || orphan[parc_parent(g, back, c)];
			if (o && reattach(g, back, x, i, pos, orphan))
				o = false;
			orphan[x] = o;
			norphan += o;
		}
	}
	if (2 * norphan > ns) {
		for (int32_t i = 0; i < ns; i++)
			orphan[g->settled[i]] = 0;
		search_end(g, sp);
		return false;
	}
	/* Heap entries whose label came from an orphan, or from their own
	 * surplus (shortfall) that is gone, or over an arc the augmentation
	 * filled (the target it stopped at), need a new label: move them to
	 * the front. (A heap label is never below base; unreached ones stay.) */
	int32_t *heap = g->heap;
	int32_t h = 0;
	for (int32_t i = 0; i < sp->hlen; i++) {
		int32_t v = heap[i], c = g->parc[v];
		bool stale = c == -1 ? g->dist[v] < DIST_INF && !is_source(g, back, v)
				     : orphan[parc_parent(g, back, c)] || code_room(g, c) == 0;
		if (stale) {
			heap[i] = heap[h];
			heap[h++] = v;
		}
	}
	/* heap[0 .. h) need a label, heap[h .. hlen) keep theirs */
	int32_t w = 0, hl = sp->hlen;
	for (int32_t i = 0; i < sp->nsettled; i++) {
		int32_t x = g->settled[i];
		if (orphan[x]) {
			g->hpos[x] = POS_NONE; /* not settled; in the heap below */
			heap[hl++] = x;
		} else {
			g->settled[w++] = x;
		}
	}
	sp->nsettled = w;
	for (int32_t i = 0; i < hl; i++) {
		int32_t v = heap[i];
		if (i < h || i >= sp->hlen)
			relabel(g, back, v, base);
		orphan[v] = 0;
	}
	for (int32_t i = 0; i < sp->nsettled; i++)
		orphan[g->settled[i]] = 0;
	sp->hlen = hl;
	for (int32_t i = 0; i < hl; i++)
		g->hpos[heap[i]] = i;
	for (int32_t i = hl / 2 - 1; i >= 0; i--)
		heap_down(g, i, hl);
	return true;
}

static int solve_warm(struct mcf *g, enum mcf_status *status, struct samen_err *err)
{
	const int32_t n = g->n;
	memset(&g->stats, 0, sizeof g->stats);
	g->stats.warm = true;
	if (scratch_reserve(g, n + 1))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory for a flow network");
	g->warm_cost = g->total_cost;

	for (int32_t v = g->n_solved; v < n; v++) {
		price_new_node(g, v);
		g->nflag[v] = 0;
		if (g->excess[v] != 0 && mark_node(g, v))
			return lost_track(g, err);
	}
	for (int32_t a = g->m_solved; a < g->m; a++)
		if (fix_arc(g, a))
			return lost_track(g, err);
	for (int32_t i = 0; i < g->ndirty_arcs; i++)
		if (fix_arc(g, g->dirty_arcs[i]))
			return lost_track(g, err);

	int64_t *pi = g->pi, *excess = g->excess;
	/* Active nodes: those whose excess may be nonzero. */
	int32_t *act = g->dirty_nodes;
	int32_t nact = g->ndirty_nodes;
	bool drift = false, live = false, pooled = false;
	struct search sp = {0};

	for (;;) {
		/* Drop balanced nodes; weigh both sides by their arcs. */
		int64_t fan_fwd = 0, fan_back = 0;
		int32_t w = 0;
		for (int32_t i = 0; i < nact; i++) {
			int32_t v = act[i];
			if (excess[v] == 0) {
				g->nflag[v] &= (uint8_t)~NF_DIRTY;
				continue;
			}
			act[w++] = v;
			if (excess[v] > 0)
				fan_fwd += 1 + g->degree[v];
			else
				fan_back += 1 + g->degree[v];
		}
		nact = w;
		if (fan_fwd == 0)
			break;
		if (!live) {
			bool back = fan_back > 0 && fan_back < fan_fwd;
			if (!pooled) { /* before each new search, once */
				g->ndirty_nodes = nact;
				if (pool_sources(g, back, act, nact))
					return lost_track(g, err);
				act = g->dirty_nodes;
				nact = g->ndirty_nodes;
				pooled = true;
				continue;
			}
			pooled = false;
			adj_refresh(g);
			search_start(g, &sp, back, act, nact);
			live = true;
			g->stats.searches++;
		}
		const bool back = sp.back;

		int64_t dmax = 0;
		int32_t end = search_run(g, &sp, &dmax);
		if (end < 0) {
			search_end(g, &sp);
			g->ndirty_nodes = nact;
			mark_unsolved(g);
			*status = MCF_INFEASIBLE;
			return 0;
		}

		/* Bottleneck along the path from end back to where the search began. */
		int64_t delta = back ? excess[end] : -excess[end];
		int32_t v = end;
		for (int32_t a = g->parc[v]; a != -1; a = g->parc[v]) {
			int64_t r = code_room(g, a);
			v = parc_parent(g, back, a);
			if (r < delta)
				delta = r;
		}
		int64_t room = back ? -excess[v] : excess[v];
		if (room < delta)
			delta = room;
		if (back) {
			excess[end] -= delta;
			excess[v] += delta;
		} else {
			excess[v] -= delta;
			excess[end] += delta;
		}
		for (v = end; g->parc[v] != -1;) {
			int32_t a = g->parc[v];
			if (a >= 0) {
				g->flow[a] += delta;
				g->warm_cost += (mcf_i128)g->cost[a] * delta;
			} else {
				g->flow[-a - 2] -= delta;
				g->warm_cost -= (mcf_i128)g->cost[-a - 2] * delta;
			}
			v = parc_parent(g, back, a);
		}
		g->stats.augmentations++;

		/* Keep reduced-cost optimality (see the file comment of mcf.h):
		 * forward, settled nodes move by dist - dmax; backward by
		 * dmax - dist. All settled nodes are then at distance 0, which
		 * is dmax on the stored scale. */
		for (int32_t i = 0; i < sp.nsettled; i++) {
			int32_t x = g->settled[i];
			pi[x] += back ? dmax - g->dist[x] : g->dist[x] - dmax;
			g->dist[x] = dmax;
			drift |= pi[x] > PI_LIMIT || pi[x] < -PI_LIMIT;
		}
		sp.last = end;
		bool more = false; /* imbalance left: then the search goes on */
		for (int32_t i = 0; i < nact && !more; i++)
			more = excess[act[i]] != 0;
		live = more && search_repair(g, &sp, dmax);
		if (!more)
			search_end(g, &sp);
	}
	if (live)
		search_end(g, &sp);
	g->ndirty_nodes = nact;
	if (nact > 0) { /* shortfall left but no surplus to cover it */
		mark_unsolved(g);
		*status = MCF_INFEASIBLE;
		return 0;
	}
	g->total_cost = (int64_t)g->warm_cost;
	finish_solve(g);
	if (drift)
		g->solved = false; /* next solve starts cold with fresh potentials */
	*status = MCF_OPTIMAL;
	return 0;
}

int mcf_solve(struct mcf *g, enum mcf_mode mode, enum mcf_status *status,
	      struct samen_err *err)
{
	int rc = check_numbers(g, err);
	if (rc)
		return rc;
	if (mode == MCF_WARM && g->solved)
		return solve_warm(g, status, err);
	return solve_cold(g, status, err);
}
