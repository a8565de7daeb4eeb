/*
 * assign.c - the staffing model as one min-cost circulation; see assign.h
 * for the model, the lexicographic weights and the proof of their order.
 *
 * The model keeps its own tables (requests, staff, candidates, boards) next
 * to the flow network and the node and arc ids they map to. Changes go
 * straight to the network as capacity changes and forbidden arcs, so a warm
 * solve of optim/mcf.c only repairs what changed.
 */
#include "optim/assign.h"

#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

struct req {
	int64_t id;
	int32_t board; /* board index */
	int32_t hours, prio;
	int32_t node, cover_arc;
	int32_t first_cand;
	bool withdrawn;
};

struct stf {
	int64_t id;
	int32_t board;
	int32_t hours;
	int32_t node, spare_arc;
	int32_t first_cand;
	bool withdrawn;
};

struct cand {
	int32_t req, staff, travel, arc;
	int32_t next_r, next_s; /* next candidate of the same request / staff */
	bool allowed, declined;
};

struct board {
	int32_t id;
	int32_t node;
	int32_t give_arc; /* K arcs Z -> N_B from here, band 1 first */
	int32_t take_arc; /* K arcs N_B -> Z from here */
};

/* Bounds the weights were computed for (see assign.h). */
struct bounds {
	int64_t cycle_arcs; /* L, rounded up to a power of two */
	int64_t travel;     /* tmax, rounded up */
	int64_t boards;     /* #boards, rounded up */
	int64_t prio;       /* pmax */
};

struct assign_model {
	struct assign_params p;
	struct mcf *g;
	int32_t hub;

	struct req *reqs;
	int32_t nreq, capreq;
	struct stf *staff;
	int32_t nstaff, capstaff;
	struct cand *cands;
	int32_t ncand, capcand;
	struct board *boards;
	int32_t nboard, capboard;
	int32_t *bhash; /* open addressing: board index + 1, 0 empty */
	int32_t bhash_size;

	int64_t allowed_cands;
	int32_t live_req, live_staff; /* not withdrawn: only they can lie on a cycle */
	int32_t max_travel, max_prio;

	bool have_weights;
	struct bounds bnd;
	struct assign_weights w;

	size_t lines_hint; /* lines of the last result: the next one's first size */
};

#define LAST_BAND_CAP ((int64_t)1 << 30)

static int grow(void **p, int32_t *capy, size_t elem, int32_t need)
{
	if (need <= *capy)
		return 0;
	int32_t c = *capy ? *capy : 16;
	while (c < need)
		c *= 2;
	void *q = realloc(*p, elem * (size_t)c);
	if (!q)
		return SAMEN_ENOMEM;
	*p = q;
	*capy = c;
	return 0;
}

int assign_new(struct assign_model **out, const struct assign_params *params,
	       struct samen_err *err)
{
	*out = NULL;
	struct assign_params p = {.fair_band_hours = 4, .fair_bands = 4};
	if (params)
		p = *params;
	if (p.fair_band_hours < 1 || p.fair_band_hours > ASSIGN_HOURS_MAX)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "fair_band_hours",
				     "fairness band must be 1..%d hours", ASSIGN_HOURS_MAX);
	if (p.fair_bands < 1 || p.fair_bands > 16)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "fair_bands",
				     "number of fairness bands must be 1..16");
	struct assign_model *m = calloc(1, sizeof *m);
	if (!m)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	m->p = p;
	m->max_prio = 1;
	int rc = mcf_new(&m->g, 0, 0, err);
	if (rc) {
		free(m);
		return rc;
	}
	rc = mcf_add_node(m->g, 0, &m->hub, err);
	if (rc) {
		assign_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

void assign_free(struct assign_model *m)
{
	if (!m)
		return;
	mcf_free(m->g);
	free(m->reqs);
	free(m->staff);
	free(m->cands);
	free(m->boards);
	free(m->bhash);
	free(m);
}

/* ---- boards ---------------------------------------------------------- */

static uint32_t hash32(int32_t x)
{
	uint32_t h = (uint32_t)x * 2654435761u;
	return h ^ (h >> 16);
}

static int rehash(struct assign_model *m, int32_t size)
{
	int32_t *t = calloc((size_t)size, sizeof *t);
	if (!t)
		return SAMEN_ENOMEM;
	for (int32_t b = 0; b < m->nboard; b++) {
		uint32_t i = hash32(m->boards[b].id) & (uint32_t)(size - 1);
		while (t[i])
			i = (i + 1) & (uint32_t)(size - 1);
		t[i] = b + 1;
	}
	free(m->bhash);
	m->bhash = t;
	m->bhash_size = size;
	return 0;
}

/* Index of board id, creating its node and fairness arcs on first sight. */
static int board_index(struct assign_model *m, int32_t id, int32_t *out, struct samen_err *err)
{
	if (m->bhash_size) {
		uint32_t i = hash32(id) & (uint32_t)(m->bhash_size - 1);
		while (m->bhash[i]) {
			if (m->boards[m->bhash[i] - 1].id == id) {
				*out = m->bhash[i] - 1;
				return 0;
			}
			i = (i + 1) & (uint32_t)(m->bhash_size - 1);
		}
	}
	if (grow((void **)&m->boards, &m->capboard, sizeof *m->boards, m->nboard + 1))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	struct board *b = &m->boards[m->nboard];
	b->id = id;
	int rc = mcf_add_node(m->g, 0, &b->node, err);
	if (rc)
		return rc;
	for (int32_t k = 0; k < m->p.fair_bands; k++) {
		int64_t cap = k + 1 < m->p.fair_bands ? m->p.fair_band_hours : LAST_BAND_CAP;
		int32_t a;
		if ((rc = mcf_add_arc(m->g, m->hub, b->node, cap, k + 1, &a, err)))
			return rc;
		if (k == 0)
			b->give_arc = a;
	}
	for (int32_t k = 0; k < m->p.fair_bands; k++) {
		int64_t cap = k + 1 < m->p.fair_bands ? m->p.fair_band_hours : LAST_BAND_CAP;
		int32_t a;
		if ((rc = mcf_add_arc(m->g, b->node, m->hub, cap, k + 1, &a, err)))
			return rc;
		if (k == 0)
			b->take_arc = a;
	}
	m->nboard++;
	if (2 * m->nboard > m->bhash_size) {
		if (rehash(m, m->bhash_size ? 2 * m->bhash_size : 64))
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	} else {
		uint32_t i = hash32(id) & (uint32_t)(m->bhash_size - 1);
		while (m->bhash[i])
			i = (i + 1) & (uint32_t)(m->bhash_size - 1);
		m->bhash[i] = m->nboard;
	}
	*out = m->nboard - 1;
	return 0;
}

/* ---- weights --------------------------------------------------------- */

static int64_t pow2ceil(int64_t x)
{
	int64_t p = 1;
	while (p < x)
		p *= 2;
	return p;
}

static int64_t reward(const struct assign_model *m, int32_t prio)
{
	return -(m->w.cover + m->w.priority * (prio - 1));
}

static int64_t cand_cap(const struct assign_model *m, const struct cand *c)
{
	int32_t h = m->reqs[c->req].hours, s = m->staff[c->staff].hours;
	return h < s ? h : s;
}

/* Bounds the current instance needs. */
static struct bounds needed_bounds(const struct assign_model *m)
{
	int64_t rs = m->live_req < m->live_staff ? m->live_req : m->live_staff;
	int64_t l = 2 * rs;
	if (m->allowed_cands < l)
		l = m->allowed_cands;
	struct bounds b = {
		.cycle_arcs = pow2ceil(l > 1 ? l : 1),
		.travel = pow2ceil(m->max_travel > 1 ? m->max_travel : 1),
		.boards = pow2ceil(m->nboard > 1 ? m->nboard : 1),
		.prio = m->max_prio,
	};
	return b;
}

static bool mul_ok(int64_t a, int64_t b, int64_t *r)
{
	return !__builtin_mul_overflow(a, b, r);
}

static bool add_ok(int64_t a, int64_t b, int64_t *r)
{
	return !__builtin_add_overflow(a, b, r);
}

/* W, Q and P for bounds b (assign.h); false when they exceed MCF_COST_MAX. */
static bool compute_weights(const struct assign_model *m, const struct bounds *b,
			    struct assign_weights *w)
{
	int64_t fc = 2 * (int64_t)m->p.fair_bands;
	int64_t wt = fc + 1;
	int64_t tc, wtc, q, pc, qpc, p;
	if (!mul_ok(b->cycle_arcs, b->travel, &tc) || !mul_ok(wt, tc, &wtc) ||
	    !add_ok(wtc, fc + 1, &q))
		return false;
	pc = 2 * b->boards * (b->prio - 1);
	if (!mul_ok(q, pc, &qpc) || !add_ok(qpc, wtc + fc + 1, &p))
		return false;
	int64_t top;
	if (!mul_ok(q, b->prio - 1, &top) || !add_ok(top, p, &top) || top > MCF_COST_MAX)
		return false;
	w->travel = wt;
	w->priority = q;
	w->cover = p;
	return true;
}

/*
 * Make sure the weights cover the instance; when they had to grow, every
 * cost is rewritten and *recosted is set (the caller then solves cold).
 */
static int ensure_weights(struct assign_model *m, bool *recosted, struct samen_err *err)
{
	struct bounds need = needed_bounds(m);
	*recosted = false;
	if (m->have_weights && need.cycle_arcs <= m->bnd.cycle_arcs &&
	    need.travel <= m->bnd.travel && need.boards <= m->bnd.boards &&
	    need.prio <= m->bnd.prio)
		return 0;
	if (m->have_weights) {
		if (need.cycle_arcs < m->bnd.cycle_arcs)
			need.cycle_arcs = m->bnd.cycle_arcs;
		if (need.travel < m->bnd.travel)
			need.travel = m->bnd.travel;
		if (need.boards < m->bnd.boards)
			need.boards = m->bnd.boards;
		if (need.prio < m->bnd.prio)
			need.prio = m->bnd.prio;
	}
	struct assign_weights w;
	if (!compute_weights(m, &need, &w))
		return samen_fail(err, SAMEN_ETOOBIG,
				  "instance too large for exact lexicographic weights in 64 bits");
	m->w = w;
	m->bnd = need;
	m->have_weights = true;
	*recosted = true;
	int rc;
	for (int32_t r = 0; r < m->nreq; r++)
		if ((rc = mcf_set_cost(m->g, m->reqs[r].cover_arc, reward(m, m->reqs[r].prio), err)))
			return rc;
	for (int32_t c = 0; c < m->ncand; c++)
		if ((rc = mcf_set_cost(m->g, m->cands[c].arc, m->w.travel * m->cands[c].travel, err)))
			return rc;
	return 0;
}

void assign_get_weights(const struct assign_model *m, struct assign_weights *w)
{
	*w = m->w;
}

const struct mcf *assign_network(const struct assign_model *m)
{
	return m->g;
}

int64_t assign_fairness_cost(const struct assign_model *m, int64_t x)
{
	if (x < 0)
		x = -x;
	int64_t cost = 0;
	for (int32_t k = 1; k <= m->p.fair_bands && x > 0; k++) {
		int64_t take = k < m->p.fair_bands && x > m->p.fair_band_hours ? m->p.fair_band_hours : x;
		cost += take * k;
		x -= take;
	}
	return cost;
}

/* ---- building -------------------------------------------------------- */

static int check_hours(int32_t hours, const char *field, struct samen_err *err)
{
	if (hours < 0 || hours > ASSIGN_HOURS_MAX)
		return samen_fail_at(err, SAMEN_EINVAL, 0, field, "hours %ld out of range 0..%d",
				     (long)hours, ASSIGN_HOURS_MAX);
	return 0;
}

int assign_add_request(struct assign_model *m, const struct assign_request *r, int32_t *index,
		       struct samen_err *err)
{
	int rc;
	if ((rc = check_hours(r->hours, "hours", err)))
		return rc;
	if (r->priority < 1 || r->priority > ASSIGN_PRIORITY_MAX)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "priority", "priority %ld out of range 1..%d",
				     (long)r->priority, ASSIGN_PRIORITY_MAX);
	if (grow((void **)&m->reqs, &m->capreq, sizeof *m->reqs, m->nreq + 1))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	struct req q = {.id = r->id, .hours = r->hours, .prio = r->priority, .first_cand = -1};
	if ((rc = board_index(m, r->board, &q.board, err)))
		return rc;
	if ((rc = mcf_add_node(m->g, 0, &q.node, err)))
		return rc;
	if (r->priority > m->max_prio)
		m->max_prio = r->priority;
	q.prio = r->priority;
	if ((rc = mcf_add_arc(m->g, q.node, m->boards[q.board].node, r->hours,
			      m->have_weights ? reward(m, r->priority) : 0, &q.cover_arc, err)))
		return rc;
	m->reqs[m->nreq] = q;
	if (index)
		*index = m->nreq;
	m->nreq++;
	m->live_req++;
	return 0;
}

int assign_add_staff(struct assign_model *m, const struct assign_staff *s, int32_t *index,
		     struct samen_err *err)
{
	int rc;
	if ((rc = check_hours(s->hours, "hours", err)))
		return rc;
	if (grow((void **)&m->staff, &m->capstaff, sizeof *m->staff, m->nstaff + 1))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	struct stf t = {.id = s->id, .hours = s->hours, .first_cand = -1};
	if ((rc = board_index(m, s->board, &t.board, err)))
		return rc;
	if ((rc = mcf_add_node(m->g, 0, &t.node, err)))
		return rc;
	if ((rc = mcf_add_arc(m->g, m->boards[t.board].node, t.node, s->hours, 0, &t.spare_arc,
			      err)))
		return rc;
	m->staff[m->nstaff] = t;
	if (index)
		*index = m->nstaff;
	m->nstaff++;
	m->live_staff++;
	return 0;
}

int assign_add_candidate(struct assign_model *m, int32_t request, int32_t staff, int32_t travel,
			 bool allowed, int32_t *index, struct samen_err *err)
{
	if (request < 0 || request >= m->nreq)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "request", "unknown request %ld",
				     (long)request);
	if (staff < 0 || staff >= m->nstaff)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "staff", "unknown staff %ld", (long)staff);
	if (travel < 0 || travel > ASSIGN_TRAVEL_MAX)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "travel",
				     "travel %ld minutes out of range 0..%d", (long)travel,
				     ASSIGN_TRAVEL_MAX);
	if (grow((void **)&m->cands, &m->capcand, sizeof *m->cands, m->ncand + 1))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	struct cand c = {.req = request, .staff = staff, .travel = travel, .allowed = allowed};
	int rc = mcf_add_arc(m->g, m->staff[staff].node, m->reqs[request].node, cand_cap(m, &c),
			     m->w.travel * travel, &c.arc, err);
	if (rc)
		return rc;
	bool live = allowed && !m->reqs[request].withdrawn && !m->staff[staff].withdrawn;
	if (!live && (rc = mcf_forbid_arc(m->g, c.arc, err)))
		return rc;
	if (allowed) {
		m->allowed_cands++;
		if (travel > m->max_travel)
			m->max_travel = travel;
	}
	c.next_r = m->reqs[request].first_cand;
	m->reqs[request].first_cand = m->ncand;
	c.next_s = m->staff[staff].first_cand;
	m->staff[staff].first_cand = m->ncand;
	m->cands[m->ncand] = c;
	if (index)
		*index = m->ncand;
	m->ncand++;
	return 0;
}

/* ---- changes --------------------------------------------------------- */

static bool cand_live(const struct assign_model *m, const struct cand *c)
{
	return c->allowed && !c->declined && !m->reqs[c->req].withdrawn &&
	       !m->staff[c->staff].withdrawn;
}

int assign_set_request_hours(struct assign_model *m, int32_t request, int32_t hours,
			     struct samen_err *err)
{
	int rc;
	if (request < 0 || request >= m->nreq)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "request", "unknown request %ld",
				     (long)request);
	if ((rc = check_hours(hours, "hours", err)))
		return rc;
	struct req *q = &m->reqs[request];
	if (q->withdrawn)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "request", "request %ld is withdrawn",
				     (long)request);
	q->hours = hours;
	if ((rc = mcf_set_cap(m->g, q->cover_arc, hours, err)))
		return rc;
	for (int32_t c = q->first_cand; c >= 0; c = m->cands[c].next_r)
		if (cand_live(m, &m->cands[c]) &&
		    (rc = mcf_set_cap(m->g, m->cands[c].arc, cand_cap(m, &m->cands[c]), err)))
			return rc;
	return 0;
}

int assign_set_staff_hours(struct assign_model *m, int32_t staff, int32_t hours,
			   struct samen_err *err)
{
	int rc;
	if (staff < 0 || staff >= m->nstaff)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "staff", "unknown staff %ld", (long)staff);
	if ((rc = check_hours(hours, "hours", err)))
		return rc;
	struct stf *s = &m->staff[staff];
	if (s->withdrawn)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "staff", "staff %ld is withdrawn",
				     (long)staff);
	s->hours = hours;
	if ((rc = mcf_set_cap(m->g, s->spare_arc, hours, err)))
		return rc;
	for (int32_t c = s->first_cand; c >= 0; c = m->cands[c].next_s)
		if (cand_live(m, &m->cands[c]) &&
		    (rc = mcf_set_cap(m->g, m->cands[c].arc, cand_cap(m, &m->cands[c]), err)))
			return rc;
	return 0;
}

int assign_withdraw_request(struct assign_model *m, int32_t request, struct samen_err *err)
{
	if (request < 0 || request >= m->nreq)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "request", "unknown request %ld",
				     (long)request);
	if (!m->reqs[request].withdrawn)
		m->live_req--;
	m->reqs[request].withdrawn = true;
	return mcf_isolate_node(m->g, m->reqs[request].node, err);
}

int assign_withdraw_staff(struct assign_model *m, int32_t staff, struct samen_err *err)
{
	if (staff < 0 || staff >= m->nstaff)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "staff", "unknown staff %ld", (long)staff);
	if (!m->staff[staff].withdrawn)
		m->live_staff--;
	m->staff[staff].withdrawn = true;
	return mcf_isolate_node(m->g, m->staff[staff].node, err);
}

int assign_decline(struct assign_model *m, int32_t candidate, struct samen_err *err)
{
	if (candidate < 0 || candidate >= m->ncand)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "candidate", "unknown candidate %ld",
				     (long)candidate);
	m->cands[candidate].declined = true;
	return mcf_forbid_arc(m->g, m->cands[candidate].arc, err);
}

/* ---- solving --------------------------------------------------------- */

void assign_result_release(struct assign_result *res)
{
	if (!res)
		return;
	free(res->lines);
	free(res->boards);
	memset(res, 0, sizeof *res);
}

int assign_solve(struct assign_model *m, enum mcf_mode mode, struct assign_result *res,
		 struct samen_err *err)
{
	memset(res, 0, sizeof *res);
	bool recosted;
	int rc = ensure_weights(m, &recosted, err);
	if (rc)
		return rc;
	enum mcf_status st;
	rc = mcf_solve(m->g, recosted ? MCF_COLD : mode, &st, err);
	if (rc)
		return rc;
	if (st != MCF_OPTIMAL) /* a circulation with zero flow is always feasible */
		return samen_fail(err, SAMEN_EINTERNAL, "staffing network reported infeasible");
	struct mcf_stats stats;
	mcf_get_stats(m->g, &stats);
	res->status = st;
	res->warm = stats.warm;
	res->flow_cost = mcf_total_cost(m->g);

	const int64_t *flow = mcf_flows(m->g);
	res->boards = calloc(m->nboard ? (size_t)m->nboard : 1, sizeof *res->boards);
	if (!res->boards) {
		assign_result_release(res);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	for (int32_t b = 0; b < m->nboard; b++)
		res->boards[b].board = m->boards[b].id;
	res->nboards = (size_t)m->nboard;

	/* One pass over the candidates (a warm solve is often cheaper than a
	 * second one), into an array sized by the last result. */
	size_t lines_cap = m->lines_hint + m->lines_hint / 8 + 16;
	res->lines = malloc(lines_cap * sizeof *res->lines);
	if (!res->lines) {
		assign_result_release(res);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	for (int32_t c = 0; c < m->ncand; c++) {
		const struct cand *cd = &m->cands[c];
		int64_t x = flow[cd->arc];
		if (x <= 0)
			continue;
		if (vec_grow((void **)&res->lines, &lines_cap, res->nlines, sizeof *res->lines, err)) {
			assign_result_release(res);
			return SAMEN_ENOMEM;
		}
		const struct req *q = &m->reqs[cd->req];
		const struct stf *s = &m->staff[cd->staff];
		struct assign_line *l = &res->lines[res->nlines++];
		l->request = cd->req;
		l->staff = cd->staff;
		l->candidate = c;
		l->request_id = q->id;
		l->staff_id = s->id;
		l->hours = (int32_t)x;
		l->travel = cd->travel;
		res->travel += x * cd->travel;
		if (q->board != s->board) {
			res->boards[s->board].give += x;
			res->boards[q->board].take += x;
		}
	}
	m->lines_hint = res->nlines;
	for (int32_t r = 0; r < m->nreq; r++) {
		const struct req *q = &m->reqs[r];
		if (q->withdrawn)
			continue;
		int64_t x = flow[q->cover_arc];
		res->hours_wanted += q->hours;
		res->hours_covered += x;
		res->priority_covered += x * (q->prio - 1);
	}
	for (int32_t b = 0; b < m->nboard; b++)
		for (int32_t k = 0; k < m->p.fair_bands; k++)
			res->fairness += (k + 1) * (flow[m->boards[b].give_arc + k] +
						    flow[m->boards[b].take_arc + k]);
	return 0;
}
