/*
 * lessons.c - the lesson-level staffing optimiser as a 0-1 program solved
 * exactly by COIN-OR CBC; see lessons.h for the model and its order.
 *
 * The program. One binary x per allowed option (staff s gives lesson l) of
 * a request that is not withdrawn and a lesson that fits in s's spare
 * minutes. Rows:
 *
 *   - every lesson at most once: sum over its options of x <= 1;
 *   - every person at most their spare minutes: sum minutes x <= spare
 *     (only when the options could exceed it);
 *   - clashes as cliques: per person and weekday the conflict graph of its
 *     options (overlap in time, or too little travel time in between) is
 *     covered by cliques, each one row sum x <= 1. The lessons that overlap
 *     a common instant are the maximal cliques of the interval graph (a
 *     sweep by start time finds them); each is extended greedily by options
 *     that conflict with all its members through travel, and the conflict
 *     pairs still uncovered grow greedy cliques of their own. A clique row
 *     is as strong as all its pairs together and much stronger in the LP.
 *   - fairness (in the stage that optimises it; in every stage of the LP
 *     fast path below): per board with
 *     cross-board options, sum of +-minutes x = sum_k p_k - sum_k n_k with
 *     band variables p_k, n_k in [0, band] (the last open-ended) and cost
 *     k: with increasing slopes the optimum fills the bands in order, so the
 *     cost is f(|give - take|). Band variables are integer (net is an
 *     integer), so every objective coefficient is an integer on an integer
 *     variable and CBC prunes with a cutoff increment of 1.
 *
 * The lexicographic order. All levels as maximisation of integers:
 * L1 = covered minutes / g, L2 = priority-weighted minutes / g (g the gcd
 * of the lesson minutes), L3 = -travel, L4 = -fairness, with R_l an upper
 * bound on the range of L_l over all feasible assignments (R1, R2 the
 * sums over coverable lessons, R3 the sum of the largest travel per
 * lesson, R4 the sum over boards of f(largest possible |net|)). Levels
 * i..j are solved together as max sum w_l L_l with w_j = 1 and
 * w_l = 1 + sum_{m > l} w_m R_m: if y were lexicographically better than an
 * optimum x of the weighted sum, at the first level l where they differ y
 * gains at least 1 (integers), worth w_l, while the later levels lose at
 * most sum_{m > l} w_m R_m < w_l; so y would be better in the weighted sum,
 * a contradiction. Levels are grouped greedily as long as the largest
 * coefficient stays <= 2^20 and the objective <= 2^31, far inside the
 * range where CBC's double arithmetic is exact to well below 1; otherwise
 * a level is solved alone. After a stage its levels are fixed by rows
 * L_l >= L_l* (every lexicographic optimum of the levels so far meets them
 * with equality) and the next stage starts from the previous optimum as a
 * MIP start, so it has an incumbent at once. Only when every stage is
 * proven optimal (by the LP below or by CBC) is the answer LESSONS_OPTIMAL.
 *
 * Reduced-cost fixing. After a proven stage whose LP relaxation was solved
 * (integral or not), an option whose reduced cost exceeds the stage's gap
 * z* - z_LP stays at its LP bound in every optimum of the stage, so it is
 * fixed for the later stages (applied when it fixes at least a tenth of the
 * options; see rc_fix).
 *
 * The LP fast path. One Clp model of the LP relaxation is kept across the
 * stages (band columns and fairness rows are in it from the start, at cost
 * 0 before level 4): a stage adds its fixing rows, sets its objective and
 * continues from the last basis. When the LP optimum is integral in the
 * options, feasible, and its integer objective equals the LP's value, it
 * is optimal for the stage (the LP is a relaxation) and CBC is skipped;
 * nodes stays 0. Otherwise CBC's branch and cut solves the stage (a fresh
 * model: CBC's C interface does not support re-solving one).
 *
 * A start for stage 1 comes from a greedy pass: the options of the last
 * assignment that are still possible first (a warm start after changes),
 * then the others by minutes, priority and travel, each taken when it keeps
 * the assignment feasible. Every stage's answer, from Clp or CBC, is
 * checked for feasibility and against the levels fixed before, with its
 * levels recomputed in integers here; an answer that fails the check is
 * not taken (and the stage not proven).
 *
 * Time limit: the rest of time_limit_ms goes to each stage in turn (Clp's
 * and CBC's "sec"); a stage that is not proven ends the solve with
 * LESSONS_FEASIBLE, the best assignment so far and, when it was stage 1,
 * the bound on covered minutes derived from CBC's best possible value.
 *
 * CBC runs silenced ("log 0"), single-threaded, with preprocessing off
 * (CglPreProcess cost 4x the rest on the benchmark and adds little to our
 * own clique rows) and, after stage 1, primal heuristics off (the start is
 * feasible already). CbcMain installs its own SIGINT handler: SIGINT and
 * SIGTERM handlers are saved and restored around every solve so the
 * server's stay in place. The figures are in bench/match/LESSONS.md.
 */
#include "optim/lessons.h"

#include <Cbc_C_Interface.h>
#include <Clp_C_Interface.h>
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t cbc_lock = PTHREAD_MUTEX_INITIALIZER; /* one CBC solve at a time: see solve_stage */

struct lreq {
	int64_t id;
	int32_t board; /* board index */
	int32_t location, prio;
	bool withdrawn;
};

struct llesson {
	int64_t id;
	int32_t request, weekday, start, end;
};

struct lstaff {
	int64_t id;
	int32_t board; /* board index */
	int32_t location, minutes;
};

struct lopt {
	int32_t staff, lesson, travel;
	bool allowed;
	bool prev; /* in the last assignment */
};

struct lessons_model {
	struct lessons_params p;
	lessons_travel_fn travel;
	void *travel_ctx;
	struct lreq *reqs;
	size_t nreq, capreq;
	struct llesson *lessons;
	size_t nlesson, caplesson;
	struct lstaff *staff;
	size_t nstaff, capstaff;
	struct lopt *opts;
	size_t nopt, capopt;
	int32_t *boards; /* caller's board ids, first seen first */
	size_t nboard, capboard;
	uint64_t *ohash; /* (staff, lesson) keys + 1, 0 empty */
	size_t ohash_size;
	bool staged;      /* one level per stage (tests) */
	bool mip_only;    /* no LP fast path (tests) */
	char *dump;       /* write every stage's program as MPS (benchmarks) */
};

#define COEF_MAX ((double)(1 << 20))
#define OBJ_MAX 2147483648.0
#define COLS_MAX ((size_t)1 << 26)

#if defined(__SANITIZE_ADDRESS__)
/*
 * CoinUtils 2.11 (Debian 12) leaks a few hundred bytes per presolve in
 * implied_free_action::presolve; not ours and not growing with our use, so
 * builds with AddressSanitizer tell LeakSanitizer to ignore that library.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libCoinUtils.so\n";
}
#endif

/* ---- growing arrays --------------------------------------------------- */

static int grow(void **arr, size_t *cap, size_t n, size_t elem)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 16;
	while (c <= n)
		c *= 2;
	void *q = realloc(*arr, c * elem);
	if (!q)
		return SAMEN_ENOMEM;
	*arr = q;
	*cap = c;
	return 0;
}

#define GROW(arr, cap, n) grow((void **)&(arr), &(cap), (n), sizeof *(arr))

/* ---- model building --------------------------------------------------- */

int lessons_new(struct lessons_model **out, const struct lessons_params *params,
		lessons_travel_fn travel, void *travel_ctx, struct samen_err *err)
{
	*out = NULL;
	struct lessons_params p = {.fair_band_minutes = 200, .fair_bands = 4, .time_limit_ms = 0};
	if (params)
		p = *params;
	if (p.fair_band_minutes < 1 || p.fair_band_minutes > LESSONS_MINUTES_MAX)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "fair_band_minutes",
				     "fairness band must be 1..%d minutes", LESSONS_MINUTES_MAX);
	if (p.fair_bands < 1 || p.fair_bands > 16)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "fair_bands",
				     "number of fairness bands must be 1..16");
	if (p.time_limit_ms < 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "time_limit_ms",
				     "time limit must be >= 0");
	struct lessons_model *m = calloc(1, sizeof *m);
	if (!m)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	m->p = p;
	m->travel = travel;
	m->travel_ctx = travel_ctx;
	*out = m;
	return 0;
}

void lessons_free(struct lessons_model *m)
{
	if (!m)
		return;
	free(m->reqs);
	free(m->lessons);
	free(m->staff);
	free(m->opts);
	free(m->boards);
	free(m->ohash);
	free(m->dump);
	free(m);
}

void lessons_set_staged(struct lessons_model *m, bool one_level_per_stage)
{
	m->staged = one_level_per_stage;
}

void lessons_set_mip_only(struct lessons_model *m, bool mip_only)
{
	m->mip_only = mip_only;
}

int lessons_set_dump(struct lessons_model *m, const char *prefix, struct samen_err *err)
{
	free(m->dump);
	m->dump = NULL;
	if (!prefix)
		return 0;
	m->dump = strdup(prefix);
	if (!m->dump)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	return 0;
}

static int board_index(struct lessons_model *m, int32_t id, int32_t *out)
{
	for (size_t b = 0; b < m->nboard; b++)
		if (m->boards[b] == id) {
			*out = (int32_t)b;
			return 0;
		}
	if (GROW(m->boards, m->capboard, m->nboard))
		return SAMEN_ENOMEM;
	m->boards[m->nboard] = id;
	*out = (int32_t)m->nboard++;
	return 0;
}

int lessons_add_request(struct lessons_model *m, const struct lessons_request *r, int32_t *index,
			struct samen_err *err)
{
	if (r->priority < 1 || r->priority > LESSONS_PRIORITY_MAX)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "priority", "priority must be 1..%d",
				     LESSONS_PRIORITY_MAX);
	if (m->nreq >= (size_t)INT32_MAX)
		return samen_fail(err, SAMEN_ETOOBIG, "too many requests");
	struct lreq q = {.id = r->id, .location = r->location, .prio = r->priority};
	if (board_index(m, r->board, &q.board) || GROW(m->reqs, m->capreq, m->nreq))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	m->reqs[m->nreq] = q;
	if (index)
		*index = (int32_t)m->nreq;
	m->nreq++;
	return 0;
}

int lessons_add_lesson(struct lessons_model *m, const struct lessons_lesson *l, int32_t *index,
		       struct samen_err *err)
{
	if (l->request < 0 || (size_t)l->request >= m->nreq)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "request", "no request %d", l->request);
	if (m->reqs[l->request].withdrawn)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "request", "request %d is withdrawn",
				     l->request);
	if (l->weekday < 1 || l->weekday > 7)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "weekday", "weekday must be 1..7");
	if (l->start < 0 || l->start > 1439)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "start", "start must be 0..1439 minutes");
	if (l->end <= l->start || l->end > 1440)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "end",
				     "end must be after start and at most 1440 minutes");
	if (m->nlesson >= (size_t)INT32_MAX)
		return samen_fail(err, SAMEN_ETOOBIG, "too many lessons");
	if (GROW(m->lessons, m->caplesson, m->nlesson))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	m->lessons[m->nlesson] = (struct llesson){.id = l->id, .request = l->request,
						  .weekday = l->weekday, .start = l->start,
						  .end = l->end};
	if (index)
		*index = (int32_t)m->nlesson;
	m->nlesson++;
	return 0;
}

int lessons_add_staff(struct lessons_model *m, const struct lessons_staff *s, int32_t *index,
		      struct samen_err *err)
{
	if (s->minutes < 0 || s->minutes > LESSONS_MINUTES_MAX)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "minutes", "spare minutes must be 0..%d",
				     LESSONS_MINUTES_MAX);
	if (m->nstaff >= (size_t)INT32_MAX)
		return samen_fail(err, SAMEN_ETOOBIG, "too many staff");
	struct lstaff t = {.id = s->id, .location = s->location, .minutes = s->minutes};
	if (board_index(m, s->board, &t.board) || GROW(m->staff, m->capstaff, m->nstaff))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	m->staff[m->nstaff] = t;
	if (index)
		*index = (int32_t)m->nstaff;
	m->nstaff++;
	return 0;
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* Slot of key in the option hash (its own or the empty one where it goes). */
static size_t ohash_slot(const struct lessons_model *m, uint64_t key)
{
	size_t mask = m->ohash_size - 1, i = (size_t)mix64(key) & mask;
	while (m->ohash[i] && m->ohash[i] != key + 1)
		i = (i + 1) & mask;
	return i;
}

static int ohash_reserve(struct lessons_model *m)
{
	if ((m->nopt + 1) * 2 <= m->ohash_size)
		return 0;
	size_t size = m->ohash_size ? m->ohash_size * 2 : 64;
	uint64_t *old = m->ohash;
	size_t oldsize = m->ohash_size;
	m->ohash = calloc(size, sizeof *m->ohash);
	if (!m->ohash) {
		m->ohash = old;
		return SAMEN_ENOMEM;
	}
	m->ohash_size = size;
	for (size_t i = 0; i < oldsize; i++)
		if (old[i])
			m->ohash[ohash_slot(m, old[i] - 1)] = old[i];
	free(old);
	return 0;
}

int lessons_add_option(struct lessons_model *m, int32_t staff, int32_t lesson, int32_t travel,
		       bool allowed, struct samen_err *err)
{
	if (staff < 0 || (size_t)staff >= m->nstaff)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "staff", "no staff %d", staff);
	if (lesson < 0 || (size_t)lesson >= m->nlesson)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lesson", "no lesson %d", lesson);
	if (travel < 0 || travel > LESSONS_TRAVEL_MAX)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "travel", "travel must be 0..%d minutes",
				     LESSONS_TRAVEL_MAX);
	if (m->nopt >= COLS_MAX)
		return samen_fail(err, SAMEN_ETOOBIG, "too many options");
	if (ohash_reserve(m) || GROW(m->opts, m->capopt, m->nopt))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	uint64_t key = ((uint64_t)(uint32_t)staff << 32) | (uint32_t)lesson;
	size_t slot = ohash_slot(m, key);
	if (m->ohash[slot])
		return samen_fail(err, SAMEN_EEXIST, "option staff %d lesson %d exists", staff, lesson);
	m->ohash[slot] = key + 1;
	m->opts[m->nopt++] = (struct lopt){.staff = staff, .lesson = lesson, .travel = travel,
					   .allowed = allowed};
	return 0;
}

int lessons_withdraw_request(struct lessons_model *m, int32_t request, struct samen_err *err)
{
	if (request < 0 || (size_t)request >= m->nreq)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "request", "no request %d", request);
	m->reqs[request].withdrawn = true;
	return 0;
}

static int32_t travel_between(const struct lessons_model *m, int32_t from, int32_t to)
{
	if (from == to || !m->travel)
		return 0;
	int32_t t = m->travel(m->travel_ctx, from, to);
	if (t < 0)
		return 0;
	return t > LESSONS_TRAVEL_MAX ? LESSONS_TRAVEL_MAX : t;
}

bool lessons_clash(const struct lessons_model *m, int32_t a, int32_t b)
{
	if (a < 0 || b < 0 || (size_t)a >= m->nlesson || (size_t)b >= m->nlesson)
		return false;
	const struct llesson *x = &m->lessons[a], *y = &m->lessons[b];
	if (x->weekday != y->weekday)
		return false;
	if (a == b)
		return true;
	int32_t lx = m->reqs[x->request].location, ly = m->reqs[y->request].location;
	if (x->end + travel_between(m, lx, ly) <= y->start)
		return false;
	if (y->end + travel_between(m, ly, lx) <= x->start)
		return false;
	return true;
}

/* ---- the program ------------------------------------------------------ */

/* A sparse row set, row by row. */
struct rows {
	size_t *start; /* nrow + 1 */
	int *col;
	double *val;
	double *lo, *hi;
	char *kind; /* 'L'esson, 'S'pare, 'C'lash, 'F'ixed level, 'B'oard fairness */
	size_t nrow, caprow, nnz, capnz;
};

static int rows_begin(struct rows *r, char kind, double lo, double hi)
{
	if (r->nrow + 2 > r->caprow) {
		size_t c = r->caprow ? r->caprow * 2 : 64;
		size_t *st = realloc(r->start, c * sizeof *st);
		if (!st)
			return SAMEN_ENOMEM;
		r->start = st;
		double *l = realloc(r->lo, c * sizeof *l);
		if (!l)
			return SAMEN_ENOMEM;
		r->lo = l;
		double *h = realloc(r->hi, c * sizeof *h);
		if (!h)
			return SAMEN_ENOMEM;
		r->hi = h;
		char *k = realloc(r->kind, c);
		if (!k)
			return SAMEN_ENOMEM;
		r->kind = k;
		r->caprow = c;
	}
	if (r->nrow == 0)
		r->start[0] = 0;
	r->lo[r->nrow] = lo;
	r->hi[r->nrow] = hi;
	r->kind[r->nrow] = kind;
	r->nrow++;
	r->start[r->nrow] = r->nnz;
	return 0;
}

static int rows_add(struct rows *r, int col, double val)
{
	if (r->nnz + 1 > r->capnz) {
		size_t c = r->capnz ? r->capnz * 2 : 256;
		int *cl = realloc(r->col, c * sizeof *cl);
		if (!cl)
			return SAMEN_ENOMEM;
		r->col = cl;
		double *v = realloc(r->val, c * sizeof *v);
		if (!v)
			return SAMEN_ENOMEM;
		r->val = v;
		r->capnz = c;
	}
	r->col[r->nnz] = col;
	r->val[r->nnz] = val;
	r->nnz++;
	r->start[r->nrow] = r->nnz;
	return 0;
}

static void rows_free(struct rows *r)
{
	free(r->start);
	free(r->col);
	free(r->val);
	free(r->lo);
	free(r->hi);
	free(r->kind);
	memset(r, 0, sizeof *r);
}

/* Truncate to the first n rows. */
static void rows_truncate(struct rows *r, size_t n)
{
	if (n >= r->nrow)
		return;
	r->nrow = n;
	r->nnz = r->start[n];
}

/* Everything solve needs, built once per solve. */
struct prog {
	size_t ncol;     /* option columns */
	int32_t *opt;    /* column -> option index */
	int32_t *mins;   /* column -> lesson minutes */
	int64_t *c1, *c2, *c3; /* level coefficients (maximise) */
	int64_t g;       /* gcd of the minutes */
	int64_t range[4];
	int32_t *fboard; /* boards with cross-board columns: board index */
	size_t nfboard;
	int64_t *fmax;   /* largest |net| per fair board */
	struct rows base;
	int64_t clash_rows;
	int64_t fixv[4]; /* levels fixed by earlier stages, INT64_MIN when not */
	signed char *fix; /* per column: -1 free, 0 or 1 fixed by reduced costs */
};

static void prog_free(struct prog *p)
{
	free(p->opt);
	free(p->mins);
	free(p->c1);
	free(p->c2);
	free(p->c3);
	free(p->fboard);
	free(p->fmax);
	free(p->fix);
	rows_free(&p->base);
}

static int64_t gcd64(int64_t a, int64_t b)
{
	while (b) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* f(v): the convex fairness cost of a net balance of v >= 0 minutes. */
static int64_t fair_cost(const struct lessons_params *p, int64_t v)
{
	int64_t c = 0;
	for (int32_t k = 1; k <= p->fair_bands && v > 0; k++) {
		int64_t in = k < p->fair_bands && v > p->fair_band_minutes ? p->fair_band_minutes : v;
		c += k * in;
		v -= in;
	}
	return c;
}

struct daycol {
	int col;
	int32_t lesson, start, end;
};

static int cmp_daycol(const void *a, const void *b)
{
	const struct daycol *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->col - y->col;
}

/*
 * Clash cliques of one person's options on one day (d[0..n), sorted by
 * start): interval-graph maximal cliques extended by travel conflicts, then
 * greedy cliques for the uncovered conflict pairs.
 */
static int day_cliques(const struct lessons_model *m, struct rows *r, const struct daycol *d,
		       size_t n, int64_t *count)
{
	if (n < 2)
		return 0;
	unsigned char *conf = calloc(n * n, 1), *cov = calloc(n * n, 1);
	int *cl = malloc(n * sizeof *cl);
	int rc = SAMEN_ENOMEM;
	if (!conf || !cov || !cl)
		goto out;
	size_t pairs = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (lessons_clash(m, d[i].lesson, d[j].lesson)) {
				conf[i * n + j] = conf[j * n + i] = 1;
				pairs++;
			}
	rc = 0;
	if (!pairs)
		goto out;
	/* emit clique cl[0..k) after greedy extension, marking its pairs */
#define EMIT_CLIQUE(k0)                                                                   \
	do {                                                                              \
		size_t kk = (k0);                                                          \
		for (size_t v = 0; v < n; v++) {                                          \
			bool all = true;                                                  \
			for (size_t u = 0; u < kk && all; u++)                             \
				all = cl[u] != (int)v && conf[(size_t)cl[u] * n + v];     \
			if (all)                                                          \
				cl[kk++] = (int)v;                                         \
		}                                                                         \
		if (kk >= 2) {                                                             \
			if ((rc = rows_begin(r, 'C', -INFINITY, 1.0)))                         \
				goto out;                                                 \
			for (size_t u = 0; u < kk; u++) {                                  \
				if ((rc = rows_add(r, d[cl[u]].col, 1.0)))                \
					goto out;                                         \
				for (size_t w = 0; w < kk; w++)                            \
					cov[(size_t)cl[u] * n + (size_t)cl[w]] = 1;       \
			}                                                                 \
			(*count)++;                                                       \
		}                                                                         \
	} while (0)

	/* maximal cliques of overlapping intervals: the set active at a start */
	for (size_t i = 0; i < n; i++) {
		if (i + 1 < n && d[i + 1].start == d[i].start)
			continue;
		size_t k = 0;
		int32_t minend = INT32_MAX;
		for (size_t j = 0; j <= i; j++)
			if (d[j].end > d[i].start) {
				cl[k++] = (int)j;
				if (d[j].end < minend)
					minend = d[j].end;
			}
		if (k >= 2 && (i + 1 == n || minend <= d[i + 1].start)) {
			bool news = false; /* skip when all its pairs are covered already */
			for (size_t u = 0; u < k && !news; u++)
				for (size_t w = u + 1; w < k && !news; w++)
					news = !cov[(size_t)cl[u] * n + (size_t)cl[w]];
			if (news)
				EMIT_CLIQUE(k);
		}
	}
	/* the conflict pairs left (travel gaps) */
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (conf[i * n + j] && !cov[i * n + j]) {
				cl[0] = (int)i;
				cl[1] = (int)j;
				EMIT_CLIQUE(2);
			}
#undef EMIT_CLIQUE
out:
	free(conf);
	free(cov);
	free(cl);
	return rc;
}

static int build_prog(const struct lessons_model *m, struct prog *p)
{
	memset(p, 0, sizeof *p);
	size_t n = 0;
	int rc = SAMEN_ENOMEM;
	p->opt = malloc((m->nopt + 1) * sizeof *p->opt);
	p->mins = malloc((m->nopt + 1) * sizeof *p->mins);
	p->c1 = malloc((m->nopt + 1) * sizeof *p->c1);
	p->c2 = malloc((m->nopt + 1) * sizeof *p->c2);
	p->c3 = malloc((m->nopt + 1) * sizeof *p->c3);
	p->fix = malloc(m->nopt + 1);
	int32_t *lcount = calloc(m->nlesson + 1, sizeof *lcount);
	int32_t *lmaxtr = calloc(m->nlesson + 1, sizeof *lmaxtr);
	size_t *lstart = calloc(m->nlesson + 2, sizeof *lstart);
	size_t *sstart = calloc(m->nstaff + 2, sizeof *sstart);
	int *bylesson = malloc((m->nopt + 1) * sizeof *bylesson);
	int *bystaff = malloc((m->nopt + 1) * sizeof *bystaff);
	int64_t *smin = calloc(m->nstaff + 1, sizeof *smin);
	int64_t *give = calloc(m->nboard + 1, sizeof *give), *take = calloc(m->nboard + 1, sizeof *take);
	struct daycol *dc = malloc((m->nopt + 1) * sizeof *dc);
	if (!p->opt || !p->mins || !p->c1 || !p->c2 || !p->c3 || !p->fix || !lcount || !lmaxtr || !lstart ||
	    !sstart || !bylesson || !bystaff || !smin || !give || !take || !dc)
		goto out;
	int64_t g = 0;
	for (size_t o = 0; o < m->nopt; o++) {
		const struct lopt *op = &m->opts[o];
		const struct llesson *l = &m->lessons[op->lesson];
		const struct lreq *q = &m->reqs[l->request];
		int32_t mins = l->end - l->start;
		if (!op->allowed || q->withdrawn || mins > m->staff[op->staff].minutes)
			continue;
		p->opt[n] = (int32_t)o;
		p->mins[n] = mins;
		g = gcd64(g, mins);
		if (lcount[op->lesson]++ == 0 || op->travel > lmaxtr[op->lesson])
			lmaxtr[op->lesson] = op->travel;
		lstart[op->lesson + 1]++;
		sstart[op->staff + 1]++;
		smin[op->staff] += mins;
		n++;
	}
	p->ncol = n;
	p->g = g ? g : 1;
	for (int l = 0; l < 4; l++)
		p->fixv[l] = INT64_MIN;
	memset(p->fix, -1, n + 1);
	for (size_t j = 0; j < n; j++) {
		const struct lopt *op = &m->opts[p->opt[j]];
		const struct llesson *l = &m->lessons[op->lesson];
		int64_t u = p->mins[j] / p->g;
		p->c1[j] = u;
		p->c2[j] = (int64_t)(m->reqs[l->request].prio - 1) * u;
		p->c3[j] = -(int64_t)op->travel;
	}
	for (size_t l = 0; l < m->nlesson; l++) {
		if (!lcount[l])
			continue;
		const struct llesson *x = &m->lessons[l];
		int64_t u = (x->end - x->start) / p->g;
		p->range[0] += u;
		p->range[1] += (int64_t)(m->reqs[x->request].prio - 1) * u;
		p->range[2] += lmaxtr[l];
	}
	/* fairness: per board the largest give and take over distinct lessons */
	for (size_t l = 0; l < m->nlesson; l++)
		lstart[l + 1] += lstart[l];
	for (size_t s = 0; s < m->nstaff; s++)
		sstart[s + 1] += sstart[s];
	{
		size_t *lf = calloc(m->nlesson + 1, sizeof *lf), *sf = calloc(m->nstaff + 1, sizeof *sf);
		if (!lf || !sf) {
			free(lf);
			free(sf);
			goto out;
		}
		for (size_t j = 0; j < n; j++) {
			const struct lopt *op = &m->opts[p->opt[j]];
			bylesson[lstart[op->lesson] + lf[op->lesson]++] = (int)j;
			bystaff[sstart[op->staff] + sf[op->staff]++] = (int)j;
		}
		free(lf);
		free(sf);
	}
	/* give/take bounds: a lesson counts once for the board giving it */
	for (size_t l = 0; l < m->nlesson; l++) {
		const struct llesson *x = &m->lessons[l];
		int32_t rb = m->reqs[x->request].board;
		bool taken = false;
		for (size_t k = lstart[l]; k < lstart[l + 1]; k++) {
			int32_t sb = m->staff[m->opts[p->opt[bylesson[k]]].staff].board;
			if (sb == rb)
				continue;
			taken = true;
			/* count this lesson once per giving board: scan earlier options */
			bool seen = false;
			for (size_t k2 = lstart[l]; k2 < k && !seen; k2++)
				seen = m->staff[m->opts[p->opt[bylesson[k2]]].staff].board == sb;
			if (!seen)
				give[sb] += x->end - x->start;
		}
		if (taken)
			take[rb] += x->end - x->start;
	}
	p->fboard = malloc((m->nboard + 1) * sizeof *p->fboard);
	p->fmax = malloc((m->nboard + 1) * sizeof *p->fmax);
	if (!p->fboard || !p->fmax)
		goto out;
	for (size_t b = 0; b < m->nboard; b++) {
		if (!give[b] && !take[b])
			continue;
		int64_t v = give[b] > take[b] ? give[b] : take[b];
		p->fboard[p->nfboard] = (int32_t)b;
		p->fmax[p->nfboard++] = v;
		p->range[3] += fair_cost(&m->p, v);
	}

	/* rows: lessons */
	for (size_t l = 0; l < m->nlesson; l++) {
		if (lstart[l + 1] - lstart[l] < 2)
			continue;
		if ((rc = rows_begin(&p->base, 'L', -INFINITY, 1.0)))
			goto out;
		for (size_t k = lstart[l]; k < lstart[l + 1]; k++)
			if ((rc = rows_add(&p->base, bylesson[k], 1.0)))
				goto out;
	}
	/* rows: spare minutes, then clash cliques per person and day */
	for (size_t s = 0; s < m->nstaff; s++) {
		if (smin[s] > m->staff[s].minutes) {
			if ((rc = rows_begin(&p->base, 'S', -INFINITY, m->staff[s].minutes)))
				goto out;
			for (size_t k = sstart[s]; k < sstart[s + 1]; k++)
				if ((rc = rows_add(&p->base, bystaff[k], p->mins[bystaff[k]])))
					goto out;
		}
		size_t nd = 0;
		for (size_t k = sstart[s]; k < sstart[s + 1]; k++) {
			int j = bystaff[k];
			const struct llesson *x = &m->lessons[m->opts[p->opt[j]].lesson];
			dc[nd++] = (struct daycol){.col = j, .lesson = m->opts[p->opt[j]].lesson,
						   .start = x->weekday * 2000 + x->start,
						   .end = x->weekday * 2000 + x->end};
		}
		qsort(dc, nd, sizeof *dc, cmp_daycol);
		for (size_t a = 0; a < nd;) {
			size_t b = a;
			while (b < nd && dc[b].start / 2000 == dc[a].start / 2000)
				b++;
			if ((rc = day_cliques(m, &p->base, dc + a, b - a, &p->clash_rows)))
				goto out;
			a = b;
		}
	}
	rc = 0;
out:
	free(lcount);
	free(lmaxtr);
	free(lstart);
	free(sstart);
	free(bylesson);
	free(bystaff);
	free(smin);
	free(give);
	free(take);
	free(dc);
	return rc;
}

/* ---- solving ---------------------------------------------------------- */

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Levels of an assignment x (column flags): L1..L4 as maximised. */
static void levels_of(const struct lessons_model *m, const struct prog *p, const unsigned char *x,
		      int64_t lv[4], int64_t *net)
{
	memset(lv, 0, 4 * sizeof *lv);
	memset(net, 0, (m->nboard + 1) * sizeof *net);
	for (size_t j = 0; j < p->ncol; j++) {
		if (!x[j])
			continue;
		lv[0] += p->c1[j];
		lv[1] += p->c2[j];
		lv[2] += p->c3[j];
		const struct lopt *op = &m->opts[p->opt[j]];
		int32_t sb = m->staff[op->staff].board;
		int32_t rb = m->reqs[m->lessons[op->lesson].request].board;
		if (sb != rb) {
			net[sb] += p->mins[j];
			net[rb] -= p->mins[j];
		}
	}
	for (size_t b = 0; b < m->nboard; b++)
		lv[3] -= fair_cost(&m->p, net[b] < 0 ? -net[b] : net[b]);
}

/* Whether x is a feasible assignment (every lesson once, minutes, clashes). */
static bool feasible(const struct lessons_model *m, const struct prog *p, const unsigned char *x)
{
	int64_t *used = calloc(m->nstaff + 1, sizeof *used);
	bool *taken = calloc(m->nlesson + 1, sizeof *taken);
	int *head = malloc((m->nstaff + 1) * sizeof *head), *next = malloc((p->ncol + 1) * sizeof *next);
	bool ok = used && taken && head && next;
	for (size_t s = 0; ok && s < m->nstaff; s++)
		head[s] = -1;
	for (size_t j = 0; ok && j < p->ncol; j++) {
		if (!x[j])
			continue;
		const struct lopt *op = &m->opts[p->opt[j]];
		ok = !taken[op->lesson];
		taken[op->lesson] = true;
		used[op->staff] += p->mins[j];
		ok = ok && used[op->staff] <= m->staff[op->staff].minutes;
		/* clashes with this person's lessons so far */
		for (int c = head[op->staff]; ok && c >= 0; c = next[c])
			ok = !lessons_clash(m, op->lesson, m->opts[p->opt[c]].lesson);
		next[j] = head[op->staff];
		head[op->staff] = (int)j;
	}
	free(used);
	free(taken);
	free(head);
	free(next);
	return ok;
}

/* Whether x keeps the levels fixed by earlier stages (Clp's and CBC's
 * answers meet those rows only up to their tolerances: checked exactly). */
static bool meets_fixed(const struct lessons_model *m, const struct prog *p, const unsigned char *x)
{
	int64_t lv[4];
	int64_t *net = calloc(m->nboard + 1, sizeof *net);
	if (!net)
		return false;
	levels_of(m, p, x, lv, net);
	free(net);
	for (int l = 0; l < 4; l++)
		if (p->fixv[l] != INT64_MIN && lv[l] < p->fixv[l])
			return false;
	return true;
}

struct greedy_key {
	int col;
	int64_t key1, key2, key3;
	bool prev;
};

static int cmp_greedy(const void *a, const void *b)
{
	const struct greedy_key *x = a, *y = b;
	if (x->prev != y->prev)
		return x->prev ? -1 : 1;
	if (x->key1 != y->key1)
		return x->key1 > y->key1 ? -1 : 1;
	if (x->key2 != y->key2)
		return x->key2 > y->key2 ? -1 : 1;
	if (x->key3 != y->key3)
		return x->key3 > y->key3 ? -1 : 1;
	return x->col - y->col;
}

/* A feasible start: previous assignment first, then greedily. */
static int greedy_start(const struct lessons_model *m, const struct prog *p, unsigned char *x)
{
	struct greedy_key *k = malloc((p->ncol + 1) * sizeof *k);
	int64_t *used = calloc(m->nstaff + 1, sizeof *used);
	bool *taken = calloc(m->nlesson + 1, sizeof *taken);
	/* per staff the chosen lessons, as a linked list through the columns */
	int *head = malloc((m->nstaff + 1) * sizeof *head), *next = malloc((p->ncol + 1) * sizeof *next);
	if (!k || !used || !taken || !head || !next) {
		free(k);
		free(used);
		free(taken);
		free(head);
		free(next);
		return SAMEN_ENOMEM;
	}
	for (size_t s = 0; s < m->nstaff; s++)
		head[s] = -1;
	for (size_t j = 0; j < p->ncol; j++)
		k[j] = (struct greedy_key){.col = (int)j, .key1 = p->c1[j], .key2 = p->c2[j],
					   .key3 = p->c3[j], .prev = m->opts[p->opt[j]].prev};
	qsort(k, p->ncol, sizeof *k, cmp_greedy);
	memset(x, 0, p->ncol);
	for (size_t i = 0; i < p->ncol; i++) {
		int j = k[i].col;
		const struct lopt *op = &m->opts[p->opt[j]];
		if (taken[op->lesson] || used[op->staff] + p->mins[j] > m->staff[op->staff].minutes)
			continue;
		bool ok = true;
		for (int c = head[op->staff]; c >= 0 && ok; c = next[c])
			ok = !lessons_clash(m, op->lesson, m->opts[p->opt[c]].lesson);
		if (!ok)
			continue;
		x[j] = 1;
		taken[op->lesson] = true;
		used[op->staff] += p->mins[j];
		next[j] = head[op->staff];
		head[op->staff] = j;
	}
	free(k);
	free(used);
	free(taken);
	free(head);
	free(next);
	return 0;
}

/* The stage's objective (minimised) of assignment x, exactly. */
static int64_t stage_value(const struct lessons_model *m, const struct prog *p,
			   const unsigned char *x, int lo, int hi, const int64_t w[4])
{
	int64_t lv[4], v = 0;
	int64_t *net = calloc(m->nboard + 1, sizeof *net);
	if (!net)
		return INT64_MAX;
	levels_of(m, p, x, lv, net);
	free(net);
	for (int l = lo; l <= hi; l++)
		v -= w[l] * lv[l];
	return v;
}

static int lp_check(const struct lessons_model *m, const struct prog *p, Clp_Simplex *clp, int lo,
		    int hi, const int64_t w[4], unsigned char *x);

/*
 * Solve the stage's LP relaxation with Clp: the model lives across the
 * stages (*lpm, created on the first call from the stage's arrays), gets
 * the new fixing rows and the stage's objective, and starts from the
 * previous stage's basis. Returns 1 when its optimum is integral in the
 * options, feasible and of the same value as the LP (then it is optimal for
 * the stage and copied to x), 0 when not, SAMEN_ENOMEM.
 */
static int lp_stage(const struct lessons_model *m, const struct prog *p, const struct rows *rows,
		    size_t base_rows, Clp_Simplex **lpm, size_t *lp_base, int lo, int hi,
		    const int64_t w[4], double seconds, int ncol, const CoinBigIndex *cstart,
		    const int *idx, const double *val, const double *clb, const double *cub,
		    const double *obj, const double *rlo, const double *rhi, unsigned char *x)
{
	Clp_Simplex *clp = *lpm;
	if (!clp) {
		clp = Clp_newModel();
		if (!clp)
			return SAMEN_ENOMEM;
		Clp_setLogLevel(clp, 0);
		Clp_loadProblem(clp, ncol, (int)rows->nrow, cstart, idx, val, clb, cub, obj, rlo, rhi);
		*lpm = clp;
		*lp_base = base_rows;
		if (seconds > 0)
			Clp_setMaximumSeconds(clp, seconds);
		Clp_initialDualSolve(clp);
	} else {
		size_t add = base_rows - *lp_base;
		if (add > 0) {
			CoinBigIndex *st = malloc((add + 1) * sizeof *st);
			if (!st)
				return SAMEN_ENOMEM;
			size_t k0 = rows->start[*lp_base];
			for (size_t r = 0; r <= add; r++)
				st[r] = (CoinBigIndex)(rows->start[*lp_base + r] - k0);
			Clp_addRows(clp, (int)add, rows->lo + *lp_base, rows->hi + *lp_base, st,
				    rows->col + k0, rows->val + k0);
			free(st);
			*lp_base = base_rows;
		}
		Clp_chgObjCoefficients(clp, obj);
		Clp_chgColumnLower(clp, clb);
		Clp_chgColumnUpper(clp, cub);
		Clp_setMaximumSeconds(clp, seconds > 0 ? seconds : -1.0);
		Clp_primal(clp, 0);
	}
	return lp_check(m, p, clp, lo, hi, w, x);
}

/* 1 when clp's optimum is integral in the options, feasible and of the LP's value. */
static int lp_check(const struct lessons_model *m, const struct prog *p, Clp_Simplex *clp, int lo,
		    int hi, const int64_t w[4], unsigned char *x)
{
	int ret = 0;
	if (Clp_isProvenOptimal(clp)) {
		const double *sol = Clp_getColSolution(clp);
		unsigned char *y = malloc(p->ncol + 1);
		if (!y)
			return SAMEN_ENOMEM;
		bool integral = true;
		for (size_t j = 0; j < p->ncol && integral; j++) {
			integral = fabs(sol[j] - round(sol[j])) < 1e-7;
			y[j] = sol[j] > 0.5;
		}
		if (integral && feasible(m, p, y) && meets_fixed(m, p, y)) {
			double v = (double)stage_value(m, p, y, lo, hi, w);
			if (fabs(v - Clp_objectiveValue(clp)) < 0.5) {
				memcpy(x, y, p->ncol);
				ret = 1;
			}
		}
		free(y);
	}
	return ret;
}

/*
 * Reduced-cost fixing after a proven stage whose LP relaxation lpm solved
 * (its optimum z_LP with duals; integral or not). Every assignment y of the
 * LP's region has z(y) >= z_LP + sum |d_j| |y_j - bound_j| over nonbasic
 * columns, so every optimum of the stage (value z*, that of x) keeps at its
 * bound each column with |d_j| > z* - z_LP. Later stages only choose among
 * those optima, so such columns are fixed for them (a margin covers Clp's
 * tolerances). It shrinks the later, denser stages a lot.
 */
static void rc_fix(const struct lessons_model *m, struct prog *p, Clp_Simplex *lpm, int lo,
		   int hi, const int64_t w[4], const unsigned char *x)
{
	if (!Clp_isProvenOptimal(lpm))
		return;
	double zlp = Clp_objectiveValue(lpm);
	double gap = (double)stage_value(m, p, x, lo, hi, w) - zlp;
	if (gap < 0)
		gap = 0;
	double margin = 1e-3 + 1e-8 * fabs(zlp);
	const double *d = Clp_getReducedCost(lpm), *sol = Clp_getColSolution(lpm);
	size_t count = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t j = 0; j < p->ncol; j++) {
			if (p->fix[j] >= 0)
				continue;
			int v = -1;
			if (sol[j] < 1e-9 && d[j] > gap + margin && !x[j])
				v = 0;
			else if (sol[j] > 1 - 1e-9 && -d[j] > gap + margin && x[j])
				v = 1;
			if (pass == 0)
				count += v >= 0;
			else if (v >= 0)
				p->fix[j] = (signed char)v;
			/* a few fixings cost the LP's warm start more than they save */
			if (pass == 0 && j + 1 == p->ncol && count * 10 < p->ncol)
				return;
		}
}

struct stage_out {
	bool proven;
	bool have;
	double bound; /* CBC's best possible (minimisation) */
	int64_t nodes;
};

/*
 * Solve levels lo..hi (0-based) with weights w over the base rows plus the
 * fixing rows in fix. x holds the start and receives the best assignment.
 */
static int solve_stage(const struct lessons_model *m, const struct prog *p, struct rows *rows,
		       int lo, int hi, const int64_t w[4], double seconds, unsigned char *x,
		       int stage, Clp_Simplex **lpm, size_t *lp_base, struct stage_out *so)
{
	memset(so, 0, sizeof *so);
	double t_stage = now_s();
	size_t base_rows = rows->nrow;
	/* band columns and fairness rows when level 4 is in the stage, and in
	 * every stage (cost 0 before level 4) when the LP kept across stages
	 * needs the same columns throughout */
	bool use_lp = !m->dump && !m->mip_only;
	bool fair = p->nfboard > 0 && (hi == 3 || use_lp);
	int K = m->p.fair_bands;
	size_t nband = fair ? p->nfboard * 2 * (size_t)K : 0;
	size_t ncol = p->ncol + nband;
	int rc = 0;
	double *obj = calloc(ncol + 1, sizeof *obj), *clb = calloc(ncol + 1, sizeof *clb);
	double *cub = malloc((ncol + 1) * sizeof *cub);
	int *cnt = NULL, *idx = NULL;
	CoinBigIndex *cstart = NULL;
	double *val = NULL;
	Cbc_Model *cbc = NULL;
	int64_t *net = NULL;
	if (!obj || !clb || !cub) {
		rc = SAMEN_ENOMEM;
		goto out;
	}
	for (size_t j = 0; j < p->ncol; j++) {
		int64_t c = 0;
		if (lo <= 0 && 0 <= hi)
			c += w[0] * p->c1[j];
		if (lo <= 1 && 1 <= hi)
			c += w[1] * p->c2[j];
		if (lo <= 2 && 2 <= hi)
			c += w[2] * p->c3[j];
		obj[j] = -(double)c; /* CBC minimises */
		clb[j] = p->fix[j] == 1 ? 1.0 : 0.0;
		cub[j] = p->fix[j] == 0 ? 0.0 : 1.0;
	}
	if (fair) {
		for (size_t f = 0; f < p->nfboard; f++) {
			int32_t b = p->fboard[f];
			size_t c0 = p->ncol + f * 2 * (size_t)K;
			for (int k = 0; k < 2 * K; k++) {
				int band = k % K + 1;
				obj[c0 + (size_t)k] = hi == 3 ? (double)(w[3] * band) : 0.0;
				cub[c0 + (size_t)k] = band < K ? m->p.fair_band_minutes : (double)p->fmax[f];
			}
			if ((rc = rows_begin(rows, 'B', 0.0, 0.0)))
				goto out;
			for (size_t j = 0; j < p->ncol; j++) {
				const struct lopt *op = &m->opts[p->opt[j]];
				int32_t sb = m->staff[op->staff].board;
				int32_t rb = m->reqs[m->lessons[op->lesson].request].board;
				if (sb == rb || (sb != b && rb != b))
					continue;
				if ((rc = rows_add(rows, (int)j, sb == b ? p->mins[j] : -p->mins[j])))
					goto out;
			}
			for (int k = 0; k < 2 * K; k++)
				if ((rc = rows_add(rows, (int)(c0 + (size_t)k), k < K ? -1.0 : 1.0)))
					goto out;
		}
	}
	/* rows -> columns */
	cnt = calloc(ncol + 1, sizeof *cnt);
	cstart = malloc((ncol + 1) * sizeof *cstart);
	idx = malloc((rows->nnz + 1) * sizeof *idx);
	val = malloc((rows->nnz + 1) * sizeof *val);
	if (!cnt || !cstart || !idx || !val) {
		rc = SAMEN_ENOMEM;
		goto out;
	}
	if (rows->nnz > (size_t)INT32_MAX || rows->nrow > (size_t)INT32_MAX) {
		rc = SAMEN_ETOOBIG;
		goto out;
	}
	for (size_t k = 0; k < rows->nnz; k++)
		cnt[rows->col[k]]++;
	cstart[0] = 0;
	for (size_t j = 0; j < ncol; j++)
		cstart[j + 1] = cstart[j] + cnt[j];
	memset(cnt, 0, (ncol + 1) * sizeof *cnt);
	for (size_t r = 0; r < rows->nrow; r++)
		for (size_t k = rows->start[r]; k < rows->start[r + 1]; k++) {
			int j = rows->col[k];
			CoinBigIndex at = cstart[j] + cnt[j]++;
			idx[at] = (int)r;
			val[at] = rows->val[k];
		}
	double *rlo = rows->lo, *rhi = rows->hi;
	for (size_t r = 0; r < rows->nrow; r++) {
		if (rlo[r] == -INFINITY)
			rlo[r] = -DBL_MAX;
		if (rhi[r] == INFINITY)
			rhi[r] = DBL_MAX;
	}
	/* the fast path: an integral LP optimum is optimal for the stage */
	if (use_lp) {
		int lp = lp_stage(m, p, rows, base_rows, lpm, lp_base, lo, hi, w, seconds, (int)ncol,
				  cstart, idx, val, clb, cub, obj, rlo, rhi, x);
		if (lp < 0) {
			rc = lp;
			goto out;
		}
		if (lp == 1) {
			so->proven = so->have = true;
			goto out;
		}
	}
	cbc = Cbc_newModel();
	if (!cbc) {
		rc = SAMEN_ENOMEM;
		goto out;
	}
	Cbc_loadProblem(cbc, (int)ncol, (int)rows->nrow, cstart, idx, val, clb, cub, obj, rlo, rhi);
	for (size_t j = 0; j < ncol; j++)
		Cbc_setInteger(cbc, (int)j);
	if (m->dump) {
		char path[4096];
		for (size_t r = 0; r < rows->nrow; r++) {
			char name[32];
			snprintf(name, sizeof name, "%c%zu", rows->kind[r], r);
			Cbc_setRowName(cbc, (int)r, name);
		}
		snprintf(path, sizeof path, "%s-stage%d", m->dump, stage);
		Cbc_writeMps(cbc, path);
	}
	/* the start: x and its band values */
	{
		size_t nz = 0;
		int *si = malloc((ncol + 1) * sizeof *si);
		double *sv = malloc((ncol + 1) * sizeof *sv);
		net = calloc(m->nboard + 1, sizeof *net);
		if (!si || !sv || !net) {
			free(si);
			free(sv);
			rc = SAMEN_ENOMEM;
			goto out;
		}
		for (size_t j = 0; j < p->ncol; j++)
			if (x[j]) {
				si[nz] = (int)j;
				sv[nz++] = 1.0;
				const struct lopt *op = &m->opts[p->opt[j]];
				int32_t sb = m->staff[op->staff].board;
				int32_t rb = m->reqs[m->lessons[op->lesson].request].board;
				if (sb != rb) {
					net[sb] += p->mins[j];
					net[rb] -= p->mins[j];
				}
			}
		if (fair)
			for (size_t f = 0; f < p->nfboard; f++) {
				int64_t v = net[p->fboard[f]];
				size_t c0 = p->ncol + f * 2 * (size_t)K + (v < 0 ? (size_t)K : 0);
				v = v < 0 ? -v : v;
				for (int k = 0; k < K && v > 0; k++) {
					int64_t in = k + 1 < K && v > m->p.fair_band_minutes
							     ? m->p.fair_band_minutes
							     : v;
					si[nz] = (int)(c0 + (size_t)k);
					sv[nz++] = (double)in;
					v -= in;
				}
			}
		if (nz)
			Cbc_setMIPStartI(cbc, (int)nz, si, sv);
		free(si);
		free(sv);
	}
	/* CglPreProcess costs 4x the rest on these programs and adds little to
	 * the clique rows we write ourselves (bench/match/LESSONS.md) */
	Cbc_setParameter(cbc, "preprocess", "off");
	/* after stage 1 the start is the previous stage's optimum, which meets
	 * every row: primal heuristics cost more than they find */
	if (lo > 0)
		Cbc_setParameter(cbc, "heuristicsOnOff", "off");
	Cbc_setParameter(cbc, "log", "0");
	Cbc_setParameter(cbc, "slog", "0");
	Cbc_setLogLevel(cbc, 0);
	if (seconds > 0) {
		char buf[64];
		seconds -= now_s() - t_stage; /* what the LP used */
		snprintf(buf, sizeof buf, "%.3f", seconds > 0.001 ? seconds : 0.001);
		Cbc_setParameter(cbc, "sec", buf);
	}
	/*
	 * One CBC solve at a time in this process: CBC 2.10 installs a
	 * process-wide SIGINT handler during a solve (saved and restored here,
	 * which concurrent solves would interleave), and its C interface is not
	 * documented as thread-safe. The web server's threads may plan two
	 * regions at once; they take turns here.
	 */
	pthread_mutex_lock(&cbc_lock);
	struct sigaction old_int, old_term;
	sigaction(SIGINT, NULL, &old_int);
	sigaction(SIGTERM, NULL, &old_term);
	Cbc_solve(cbc);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	pthread_mutex_unlock(&cbc_lock);

	if (m->dump) {
		char path[4096];
		snprintf(path, sizeof path, "%s-stage%d.obj", m->dump, stage);
		FILE *f = fopen(path, "w");
		if (f) {
			fprintf(f, "obj=%.17g proven=%d nodes=%d\n", Cbc_getObjValue(cbc),
				Cbc_isProvenOptimal(cbc), Cbc_getNodeCount(cbc));
			fclose(f);
		}
	}
	so->nodes = Cbc_getNodeCount(cbc);
	so->bound = Cbc_getBestPossibleObjValue(cbc);
	so->proven = Cbc_isProvenOptimal(cbc) && !Cbc_isAbandoned(cbc);
	const double *sol = Cbc_bestSolution(cbc);
	if (sol) {
		unsigned char *y = malloc(p->ncol + 1);
		if (!y) {
			rc = SAMEN_ENOMEM;
			goto out;
		}
		for (size_t j = 0; j < p->ncol; j++)
			y[j] = sol[j] > 0.5;
		/* take CBC's answer only if it is feasible and no worse */
		if (feasible(m, p, y) && meets_fixed(m, p, y)) {
			int64_t a[4], b[4];
			levels_of(m, p, y, a, net);
			levels_of(m, p, x, b, net);
			int64_t va = 0, vb = 0;
			for (int l = lo; l <= hi; l++) {
				va += w[l] * a[l];
				vb += w[l] * b[l];
			}
			if (va >= vb) {
				memcpy(x, y, p->ncol);
				so->have = true;
			}
		}
		free(y);
		if (!so->have)
			so->proven = false;
	} else {
		so->proven = false;
	}
out:
	if (cbc)
		Cbc_deleteModel(cbc);
	rows_truncate(rows, base_rows);
	free(obj);
	free(clb);
	free(cub);
	free(cnt);
	free(cstart);
	free(idx);
	free(val);
	free(net);
	return rc;
}

static int cmp_line(const void *a, const void *b)
{
	const struct lessons_line *x = a, *y = b;
	if (x->request != y->request)
		return x->request < y->request ? -1 : 1;
	return x->lesson < y->lesson ? -1 : x->lesson > y->lesson;
}

static int fill_result(const struct lessons_model *m, const struct prog *p, const unsigned char *x,
		       struct lessons_result *res)
{
	size_t nl = 0;
	for (size_t j = 0; j < p->ncol; j++)
		nl += x[j];
	res->lines = calloc(nl + 1, sizeof *res->lines);
	res->boards = calloc(m->nboard + 1, sizeof *res->boards);
	if (!res->lines || !res->boards)
		return SAMEN_ENOMEM;
	for (size_t b = 0; b < m->nboard; b++)
		res->boards[b].board = m->boards[b];
	res->nboards = m->nboard;
	for (size_t l = 0; l < m->nlesson; l++)
		if (!m->reqs[m->lessons[l].request].withdrawn)
			res->minutes_wanted += m->lessons[l].end - m->lessons[l].start;
	for (size_t j = 0; j < p->ncol; j++) {
		if (!x[j])
			continue;
		const struct lopt *op = &m->opts[p->opt[j]];
		const struct llesson *l = &m->lessons[op->lesson];
		const struct lreq *q = &m->reqs[l->request];
		const struct lstaff *s = &m->staff[op->staff];
		res->lines[res->nlines++] = (struct lessons_line){
			.lesson = op->lesson, .request = l->request, .staff = op->staff,
			.lesson_id = l->id, .request_id = q->id, .staff_id = s->id,
			.minutes = p->mins[j], .travel = op->travel};
		res->minutes_covered += p->mins[j];
		res->priority_covered += (int64_t)(q->prio - 1) * p->mins[j];
		res->travel += op->travel;
		if (s->board != q->board) {
			res->boards[s->board].give += p->mins[j];
			res->boards[q->board].take += p->mins[j];
		}
	}
	for (size_t b = 0; b < m->nboard; b++) {
		int64_t v = res->boards[b].give - res->boards[b].take;
		res->fairness += fair_cost(&m->p, v < 0 ? -v : v);
	}
	qsort(res->lines, res->nlines, sizeof *res->lines, cmp_line);
	return 0;
}

/* Weights for levels lo..hi (w[hi] = 1); false when beyond the safe range. */
static bool weights(const struct prog *p, const int64_t coefmax[4], int lo, int hi, int64_t w[4])
{
	double wd[4] = {0}, objmax = 0, cmax = 0;
	for (int l = hi; l >= lo; l--) {
		double s = 1;
		for (int k = l + 1; k <= hi; k++)
			s += wd[k] * (double)p->range[k];
		wd[l] = s;
		objmax += s * (double)p->range[l];
		cmax += s * (double)coefmax[l];
	}
	if (lo < hi && (objmax > OBJ_MAX || cmax > COEF_MAX))
		return false;
	if (objmax > 1e15)
		return false;
	for (int l = 0; l < 4; l++)
		w[l] = (l >= lo && l <= hi) ? (int64_t)wd[l] : 0;
	return true;
}

int lessons_solve(struct lessons_model *m, struct lessons_result *res, struct samen_err *err)
{
	memset(res, 0, sizeof *res);
	double t0 = now_s();
	struct prog p;
	Clp_Simplex *lpm = NULL; /* the LP relaxation kept across stages */
	size_t lp_base = 0;
	int rc = build_prog(m, &p);
	unsigned char *x = NULL;
	int64_t *net = NULL;
	if (rc)
		goto fail;
	x = calloc(p.ncol + 1, 1);
	net = calloc(m->nboard + 1, sizeof *net);
	if (!x || !net) {
		rc = SAMEN_ENOMEM;
		goto fail;
	}
	if ((rc = greedy_start(m, &p, x)))
		goto fail;
	bool proven = true;
	int64_t bound = -1; /* level 1 bound in units of g, -1 = exact */
	int64_t nodes = 0;
	int32_t stages = 0;
	int64_t coefmax[4] = {0, 0, 0, m->p.fair_bands};
	for (size_t j = 0; j < p.ncol; j++) {
		if (p.c1[j] > coefmax[0])
			coefmax[0] = p.c1[j];
		if (p.c2[j] > coefmax[1])
			coefmax[1] = p.c2[j];
		if (-p.c3[j] > coefmax[2])
			coefmax[2] = -p.c3[j];
	}
	if (p.ncol > 0) {
		int lo = 0, stage = 1;
		while (lo <= 3) {
			/* skip levels that cannot vary */
			if (p.range[lo] == 0) {
				lo++;
				continue;
			}
			int hi = lo;
			int64_t w[4];
			if (!weights(&p, coefmax, lo, hi, w)) {
				rc = samen_fail(err, SAMEN_ETOOBIG,
						"lesson instance beyond the exact range of the solver");
				goto fail_set;
			}
			while (!m->staged && hi < 3) {
				int64_t w2[4];
				if (!weights(&p, coefmax, lo, hi + 1, w2))
					break;
				hi++;
				memcpy(w, w2, sizeof w);
			}
			double left = 0;
			if (m->p.time_limit_ms > 0) {
				left = m->p.time_limit_ms / 1000.0 - (now_s() - t0);
				if (left <= 0.001) {
					proven = false;
					if (lo == 0)
						bound = p.range[0]; /* nothing proven yet */
					break;
				}
			}
			struct stage_out so;
			if ((rc = solve_stage(m, &p, &p.base, lo, hi, w, left, x, stage, &lpm, &lp_base,
					      &so)))
				goto fail;
			nodes += so.nodes;
			stages++;
			if (!so.proven) {
				proven = false;
				if (lo == 0) {
					/* level 1 <= (best possible + the later levels' worst) / w1 */
					double b = -so.bound;
					if (hi >= 2)
						b += (double)w[2] * (double)p.range[2];
					if (hi >= 3)
						b += (double)w[3] * (double)p.range[3];
					double u = floor(b / (double)w[0] + 1e-6);
					/* no bound yet (stopped before the root LP): the trivial one */
					bound = !isfinite(so.bound) || fabs(so.bound) > 1e30 ||
							u > (double)p.range[0]
						? p.range[0]
						: (int64_t)u;
				}
				break;
			}
			/* fix the levels of this stage at their optimum */
			int64_t lv[4];
			levels_of(m, &p, x, lv, net);
			for (int l = lo; l <= hi; l++)
				p.fixv[l] = lv[l];
			if (lpm && hi < 3)
				rc_fix(m, &p, lpm, lo, hi, w, x);
			for (int l = lo; l <= hi && l < 3; l++) {
				const int64_t *c = l == 0 ? p.c1 : l == 1 ? p.c2 : p.c3;
				if ((rc = rows_begin(&p.base, 'F', (double)lv[l], DBL_MAX)))
					goto fail;
				for (size_t j = 0; j < p.ncol; j++)
					if (c[j] && (rc = rows_add(&p.base, (int)j, (double)c[j])))
						goto fail;
			}
			lo = hi + 1;
			stage++;
		}
	}
	for (size_t o = 0; o < m->nopt; o++)
		m->opts[o].prev = false;
	for (size_t j = 0; j < p.ncol; j++)
		m->opts[p.opt[j]].prev = x[j];
	if ((rc = fill_result(m, &p, x, res)))
		goto fail;
	res->status = proven ? LESSONS_OPTIMAL : LESSONS_FEASIBLE;
	res->bound_minutes = bound < 0 ? res->minutes_covered : bound * p.g;
	if (res->bound_minutes < res->minutes_covered)
		res->bound_minutes = res->minutes_covered;
	res->nodes = nodes;
	res->clash_rows = p.clash_rows;
	res->stages = stages;
	res->seconds = now_s() - t0;
	if (lpm)
		Clp_deleteModel(lpm);
	prog_free(&p);
	free(x);
	free(net);
	return 0;
fail:
	if (rc == SAMEN_ENOMEM)
		samen_fail(err, rc, "out of memory");
	else if (rc == SAMEN_ETOOBIG)
		samen_fail(err, rc, "lesson instance too big for the solver");
	else
		samen_fail(err, rc, "lesson solver failed");
fail_set:
	lessons_result_release(res);
	if (lpm)
		Clp_deleteModel(lpm);
	prog_free(&p);
	free(x);
	free(net);
	return rc;
}

void lessons_result_release(struct lessons_result *res)
{
	if (!res)
		return;
	free(res->lines);
	free(res->boards);
	memset(res, 0, sizeof *res);
}
