/*
 * privacy.c - rule 33 suppression with an exact audit (see privacy.h for
 * the method). The audit works on each connected group of hidden cells
 * separately: two hidden cells are connected when they appear in the same
 * equation. Each group's equations form a small dense matrix that is
 * brought to reduced row echelon form by Gauss-Jordan elimination with
 * partial pivoting; coefficients are +-1, so plain doubles with a 1e-9
 * tolerance are exact enough for the small rationals that appear.
 */
#include "core/privacy.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-9
/* Largest dense matrix (entries) the audit builds for one group: 256 MiB of doubles. */
#define MAX_DENSE ((size_t)32 * 1024 * 1024)

void priv_table_init(struct priv_table *t, int nowners)
{
	memset(t, 0, sizeof *t);
	t->nowners = nowners < 0 ? 0 : nowners;
	t->threshold = PRIV_THRESHOLD;
}

void priv_unpublish(struct priv_table *t, size_t id)
{
	if (id < t->ncells) {
		t->unpublished[id] = true;
		t->state[id] = PRIV_UNPUBLISHED;
	}
}

void priv_set_weight(struct priv_table *t, size_t id, double weight)
{
	if (id < t->ncells && weight > 0)
		t->weight[id] = weight;
}

static bool sensitive(const struct priv_table *t, size_t c)
{
	return t->value[c] >= 1 && t->value[c] <= t->threshold;
}

/* Sensitive for this observer: the persons that are not the observer's number 1..threshold. */
static bool sensitive_for(const struct priv_table *t, size_t c, int observer)
{
	long v = t->value[c];
	if (observer != PRIV_NO_OWNER) {
		if (t->part)
			v -= t->part[c * (size_t)t->nowners + (size_t)observer];
		else if (t->owner[c] == observer)
			v = 0;
	}
	return v >= 1 && v <= t->threshold;
}

int priv_set_part(struct priv_table *t, size_t id, int owner, long persons,
		  struct samen_err *err)
{
	if (id >= t->ncells || owner < 0 || owner >= t->nowners || persons < 0 ||
	    persons > t->value[id])
		return samen_fail(err, SAMEN_EINVAL, "bad part for cell %zu", id);
	if (!t->part) {
		t->part = calloc(t->cap_cells * (size_t)t->nowners + 1, sizeof *t->part);
		if (!t->part)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		/* Cells so far: all persons belong to their owner. */
		for (size_t i = 0; i < t->ncells; i++)
			if (t->owner[i] != PRIV_NO_OWNER)
				t->part[i * (size_t)t->nowners + (size_t)t->owner[i]] = t->value[i];
	}
	t->part[id * (size_t)t->nowners + (size_t)owner] = persons;
	return 0;
}

void priv_table_release(struct priv_table *t)
{
	free(t->value);
	free(t->owner);
	free(t->state);
	free(t->eq_start);
	free(t->term_cell);
	free(t->term_coef);
	free(t->unpublished);
	free(t->weight);
	free(t->part);
	int nowners = t->nowners;
	priv_table_init(t, nowners);
}

static int grow(void **p, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return 0;
	size_t nc = *cap ? *cap : 64;
	while (nc < need)
		nc *= 2;
	void *q = realloc(*p, nc * sz);
	if (!q)
		return SAMEN_ENOMEM;
	*p = q;
	*cap = nc;
	return 0;
}

int priv_add_cell(struct priv_table *t, long value, int owner, size_t *id,
		  struct samen_err *err)
{
	if (value < 0)
		return samen_fail(err, SAMEN_EINVAL, "a count of persons cannot be negative (%ld)",
				  value);
	if (owner != PRIV_NO_OWNER && (owner < 0 || owner >= t->nowners))
		return samen_fail(err, SAMEN_EINVAL, "owner %d out of range", owner);
	size_t cap = t->cap_cells;
	if (grow((void **)&t->value, &cap, t->ncells + 1, sizeof *t->value))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	size_t cap2 = t->cap_cells;
	if (grow((void **)&t->owner, &cap2, t->ncells + 1, sizeof *t->owner))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	size_t cap3 = t->cap_cells;
	if (grow((void **)&t->state, &cap3, t->ncells + 1, sizeof *t->state))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	size_t cap4 = t->cap_cells;
	if (grow((void **)&t->unpublished, &cap4, t->ncells + 1, sizeof *t->unpublished))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	size_t cap5 = t->cap_cells;
	if (grow((void **)&t->weight, &cap5, t->ncells + 1, sizeof *t->weight))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	if (t->part && cap != t->cap_cells) {
		long *np = realloc(t->part, cap * (size_t)t->nowners * sizeof *np + sizeof *np);
		if (!np)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		memset(np + t->cap_cells * (size_t)t->nowners, 0,
		       (cap - t->cap_cells) * (size_t)t->nowners * sizeof *np);
		t->part = np;
	}
	t->cap_cells = cap;
	t->unpublished[t->ncells] = false;
	t->weight[t->ncells] = 1;
	if (t->part && owner != PRIV_NO_OWNER)
		t->part[t->ncells * (size_t)t->nowners + (size_t)owner] = value;
	t->value[t->ncells] = value;
	t->owner[t->ncells] = owner;
	t->state[t->ncells] = PRIV_SHOWN;
	*id = t->ncells++;
	return 0;
}

int priv_add_sum(struct priv_table *t, size_t total, const size_t *parts, size_t n,
		 struct samen_err *err)
{
	if (total >= t->ncells)
		return samen_fail(err, SAMEN_EINVAL, "cell %zu does not exist", total);
	long sum = 0;
	for (size_t i = 0; i < n; i++) {
		if (parts[i] >= t->ncells)
			return samen_fail(err, SAMEN_EINVAL, "cell %zu does not exist", parts[i]);
		sum += t->value[parts[i]];
	}
	if (sum != t->value[total])
		return samen_fail(err, SAMEN_EINVAL,
				  "inconsistent table: parts add up to %ld, the total is %ld", sum,
				  t->value[total]);
	if (t->eq_start == NULL) {
		size_t cap = 0;
		if (grow((void **)&t->eq_start, &cap, 2, sizeof *t->eq_start))
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		t->cap_eq = cap;
		t->eq_start[0] = 0;
	}
	size_t cap = t->cap_eq;
	if (grow((void **)&t->eq_start, &cap, t->neq + 2, sizeof *t->eq_start))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	t->cap_eq = cap;
	size_t need = t->nterms + n + 1, c1 = t->cap_terms, c2 = t->cap_terms;
	if (grow((void **)&t->term_cell, &c1, need, sizeof *t->term_cell) ||
	    grow((void **)&t->term_coef, &c2, need, sizeof *t->term_coef))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	t->cap_terms = c1 < c2 ? c1 : c2;
	t->term_cell[t->nterms] = total;
	t->term_coef[t->nterms++] = -1;
	for (size_t i = 0; i < n; i++) {
		t->term_cell[t->nterms] = parts[i];
		t->term_coef[t->nterms++] = 1;
	}
	t->eq_start[++t->neq] = t->nterms;
	return 0;
}

/* Per-cell list of the equations it appears in (CSR), built once per call. */
struct incidence {
	size_t *start; /* ncells + 1 */
	size_t *eq;
};

static int incidence_build(const struct priv_table *t, struct incidence *inc)
{
	inc->start = calloc(t->ncells + 1, sizeof *inc->start);
	inc->eq = malloc((t->nterms ? t->nterms : 1) * sizeof *inc->eq);
	if (!inc->start || !inc->eq)
		return SAMEN_ENOMEM;
	for (size_t k = 0; k < t->nterms; k++)
		inc->start[t->term_cell[k] + 1]++;
	for (size_t i = 0; i < t->ncells; i++)
		inc->start[i + 1] += inc->start[i];
	size_t *fill = malloc((t->ncells + 1) * sizeof *fill);
	if (!fill)
		return SAMEN_ENOMEM;
	memcpy(fill, inc->start, (t->ncells + 1) * sizeof *fill);
	for (size_t e = 0; e < t->neq; e++)
		for (size_t k = t->eq_start[e]; k < t->eq_start[e + 1]; k++) {
			size_t c = t->term_cell[k];
			/* A cell listed twice in one equation is recorded once. */
			if (fill[c] > inc->start[c] && inc->eq[fill[c] - 1] == e)
				continue;
			inc->eq[fill[c]++] = e;
		}
	/* Close the gaps left by duplicates: shrink each list's end. */
	for (size_t i = 0; i < t->ncells; i++)
		for (size_t k = fill[i]; k < inc->start[i + 1]; k++)
			inc->eq[k] = SIZE_MAX;
	free(fill);
	return 0;
}

static void incidence_free(struct incidence *inc)
{
	free(inc->start);
	free(inc->eq);
}

/* Union-find over cells. */
static size_t uf_find(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static bool is_unknown(const struct priv_table *t, size_t c, int observer)
{
	if (t->state[c] == PRIV_SHOWN)
		return false;
	return observer == PRIV_NO_OWNER || t->owner[c] != observer;
}

/*
 * Reduce an r x m dense matrix to reduced row echelon form; mark in
 * det[j] whether column j's unknown is fixed (pivot with no free column in
 * its row).
 */
static void rref_determined(double *a, size_t r, size_t m, bool *det)
{
	size_t *pivcol = malloc((r ? r : 1) * sizeof *pivcol);
	bool *is_piv = calloc(m ? m : 1, sizeof *is_piv);
	size_t *nz = malloc((m ? m : 1) * sizeof *nz); /* non-zero columns of the pivot row */
	size_t row = 0;
	for (size_t col = 0; col < m && row < r && pivcol && is_piv && nz; col++) {
		size_t best = row;
		double bv = fabs(a[row * m + col]);
		for (size_t i = row + 1; i < r; i++)
			if (fabs(a[i * m + col]) > bv) {
				bv = fabs(a[i * m + col]);
				best = i;
			}
		if (bv < EPS)
			continue;
		if (best != row)
			for (size_t j = 0; j < m; j++) {
				double tmp = a[row * m + j];
				a[row * m + j] = a[best * m + j];
				a[best * m + j] = tmp;
			}
		double p = a[row * m + col];
		size_t nnz = 0;
		for (size_t j = 0; j < m; j++) {
			double *x = &a[row * m + j];
			if (fabs(*x) < EPS) {
				*x = 0;
				continue;
			}
			*x /= p;
			nz[nnz++] = j;
		}
		/* The rows are sparse (sums of a few cells): touch only the pivot row's non-zeros. */
		for (size_t i = 0; i < r; i++) {
			if (i == row)
				continue;
			double f = a[i * m + col];
			if (fabs(f) < EPS) {
				a[i * m + col] = 0;
				continue;
			}
			for (size_t k = 0; k < nnz; k++)
				a[i * m + nz[k]] -= f * a[row * m + nz[k]];
			a[i * m + col] = 0;
		}
		pivcol[row] = col;
		is_piv[col] = true;
		row++;
	}
	for (size_t j = 0; j < m; j++)
		det[j] = false;
	for (size_t i = 0; pivcol && is_piv && i < row; i++) {
		bool fixed = true;
		for (size_t j = 0; j < m && fixed; j++)
			if (!is_piv[j] && fabs(a[i * m + j]) > EPS)
				fixed = false;
		det[pivcol[i]] = fixed;
	}
	free(pivcol);
	free(is_piv);
	free(nz);
}

static int audit_with(const struct priv_table *t, int observer, bool *recoverable,
		      struct samen_err *err)
{
	int rc = 0;
	size_t n = t->ncells;
	size_t *parent = malloc((n ? n : 1) * sizeof *parent);
	size_t *col_of = malloc((n ? n : 1) * sizeof *col_of);
	size_t *members = malloc((n ? n : 1) * sizeof *members);
	size_t *eqs = malloc((t->neq ? t->neq : 1) * sizeof *eqs);
	size_t *eq_root = malloc((t->neq ? t->neq : 1) * sizeof *eq_root);
	bool *det = NULL;
	double *a = NULL;
	if (!parent || !col_of || !members || !eqs || !eq_root) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		parent[i] = i;
		recoverable[i] = false;
	}
	/* Join the unknowns of each equation; remember each equation's group. */
	for (size_t e = 0; e < t->neq; e++) {
		size_t first = SIZE_MAX;
		for (size_t k = t->eq_start[e]; k < t->eq_start[e + 1]; k++) {
			size_t c = t->term_cell[k];
			if (!is_unknown(t, c, observer))
				continue;
			if (first == SIZE_MAX) {
				first = c;
			} else {
				size_t ra = uf_find(parent, first), rb = uf_find(parent, c);
				if (ra != rb)
					parent[ra] = rb;
			}
		}
		eq_root[e] = first;
	}
	for (size_t e = 0; e < t->neq; e++)
		if (eq_root[e] != SIZE_MAX)
			eq_root[e] = uf_find(parent, eq_root[e]);
	/*
	 * Group the unknowns by root: a counting sort gives each group's members
	 * and equations in index order.
	 */
	size_t *gstart = calloc(n + 1, sizeof *gstart), *gfill = NULL;
	size_t *estart = calloc(n + 1, sizeof *estart), *efill = NULL;
	if (!gstart || !estart) {
		free(gstart);
		free(estart);
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (is_unknown(t, i, observer))
			gstart[uf_find(parent, i) + 1]++;
	for (size_t e = 0; e < t->neq; e++)
		if (eq_root[e] != SIZE_MAX)
			estart[eq_root[e] + 1]++;
	for (size_t i = 0; i < n; i++) {
		gstart[i + 1] += gstart[i];
		estart[i + 1] += estart[i];
	}
	gfill = malloc((n + 1) * sizeof *gfill);
	efill = malloc((n + 1) * sizeof *efill);
	if (!gfill || !efill) {
		free(gstart), free(estart), free(gfill), free(efill);
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	memcpy(gfill, gstart, (n + 1) * sizeof *gfill);
	memcpy(efill, estart, (n + 1) * sizeof *efill);
	for (size_t i = 0; i < n; i++)
		if (is_unknown(t, i, observer))
			members[gfill[uf_find(parent, i)]++] = i;
	for (size_t e = 0; e < t->neq; e++)
		if (eq_root[e] != SIZE_MAX)
			eqs[efill[eq_root[e]]++] = e;

	for (size_t root = 0; root < n && rc == 0; root++) {
		size_t m = gstart[root + 1] - gstart[root];
		if (m == 0)
			continue;
		size_t r = estart[root + 1] - estart[root];
		if (r == 0)
			continue; /* hidden cells in no equation: nothing to subtract from */
		if (r * m > MAX_DENSE) {
			rc = samen_fail(err, SAMEN_ETOOBIG,
					"a group of %zu hidden cells in %zu equations is too large to audit",
					m, r);
			break;
		}
		for (size_t j = 0; j < m; j++)
			col_of[members[gstart[root] + j]] = j;
		double *na = realloc(a, r * m * sizeof *a);
		bool *nd = realloc(det, m * sizeof *det);
		if (!na || !nd) {
			free(na ? na : a);
			free(nd ? nd : det);
			a = NULL;
			det = NULL;
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			break;
		}
		a = na;
		det = nd;
		memset(a, 0, r * m * sizeof *a);
		for (size_t i = 0; i < r; i++) {
			size_t e = eqs[estart[root] + i];
			for (size_t k = t->eq_start[e]; k < t->eq_start[e + 1]; k++) {
				size_t c = t->term_cell[k];
				if (is_unknown(t, c, observer))
					a[i * m + col_of[c]] += t->term_coef[k];
			}
		}
		rref_determined(a, r, m, det);
		for (size_t j = 0; j < m; j++)
			if (det[j] && sensitive_for(t, members[gstart[root] + j], observer))
				recoverable[members[gstart[root] + j]] = true;
	}
	free(gstart), free(estart), free(gfill), free(efill);
out:
	free(parent);
	free(col_of);
	free(members);
	free(eqs);
	free(eq_root);
	free(det);
	free(a);
	return rc;
}

int priv_audit(const struct priv_table *t, int observer, bool *recoverable,
	       struct samen_err *err)
{
	return audit_with(t, observer, recoverable, err);
}

#define MAX_DIRECT 12   /* cheapest shown cells per equation of s that are tried */
#define MAX_SETS 256    /* candidate sets considered per recoverable cell */
#define MAX_TRIES 24    /* candidate sets audited per recoverable cell */

struct cand {
	size_t cell[3];
	int n;
	long cost;
};

/* Scratch space shared by the protection search (sized once per priv_suppress). */
struct scratch {
	struct incidence inc;
	bool *eq_seen, *cell_seen;
	size_t *eq_list, *queue, *col_of;
	double *a;
	size_t a_cap;
	bool *det;
	size_t det_cap;
	struct cand *sets; /* MAX_SETS */
};

/*
 * Is hidden cell s recoverable by observer? Looks only at s's connected
 * group of unknowns (breadth first through shared equations). Returns 1
 * yes, 0 no, negative on error.
 */
static int determined_local(const struct priv_table *t, struct scratch *w, int observer,
			    size_t s, struct samen_err *err)
{
	size_t head = 0, tail = 0, neq = 0;
	w->queue[tail++] = s;
	w->cell_seen[s] = true;
	while (head < tail) {
		size_t c = w->queue[head++];
		for (size_t k = w->inc.start[c]; k < w->inc.start[c + 1]; k++) {
			size_t e = w->inc.eq[k];
			if (e == SIZE_MAX || w->eq_seen[e])
				continue;
			w->eq_seen[e] = true;
			w->eq_list[neq++] = e;
			for (size_t q = t->eq_start[e]; q < t->eq_start[e + 1]; q++) {
				size_t x = t->term_cell[q];
				if (is_unknown(t, x, observer) && !w->cell_seen[x]) {
					w->cell_seen[x] = true;
					w->queue[tail++] = x;
				}
			}
		}
	}
	int rc = 0;
	size_t m = tail, r = neq;
	if (r * m > MAX_DENSE) {
		rc = samen_fail(err, SAMEN_ETOOBIG,
				"a group of %zu hidden cells in %zu equations is too large to audit", m, r);
		goto out;
	}
	if (r * m > w->a_cap) {
		double *na = realloc(w->a, r * m * sizeof *na);
		if (!na) {
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			goto out;
		}
		w->a = na;
		w->a_cap = r * m;
	}
	if (m > w->det_cap) {
		bool *nd = realloc(w->det, m * sizeof *nd);
		if (!nd) {
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			goto out;
		}
		w->det = nd;
		w->det_cap = m;
	}
	for (size_t j = 0; j < m; j++)
		w->col_of[w->queue[j]] = j;
	memset(w->a, 0, r * m * sizeof *w->a);
	for (size_t i = 0; i < r; i++) {
		size_t e = w->eq_list[i];
		for (size_t k = t->eq_start[e]; k < t->eq_start[e + 1]; k++) {
			size_t c = t->term_cell[k];
			if (is_unknown(t, c, observer))
				w->a[i * m + w->col_of[c]] += t->term_coef[k];
		}
	}
	rref_determined(w->a, r, m, w->det);
	rc = w->det[0] ? 1 : 0; /* s is column 0: the first cell queued */
out:
	for (size_t i = 0; i < neq; i++)
		w->eq_seen[w->eq_list[i]] = false;
	for (size_t i = 0; i < tail; i++)
		w->cell_seen[w->queue[i]] = false;
	return rc;
}

/* Cost of hiding a cell: persons x weight; a zero only when nothing else is left. */
static long cost(const struct priv_table *t, size_t c)
{
	if (t->value[c] <= 0)
		return 1000000000L;
	double v = (double)t->value[c] * t->weight[c];
	return v > 9e8 ? 900000000L : (long)(v + 0.5);
}

static bool may_add(const struct priv_table *t, size_t c, int observer)
{
	return t->state[c] == PRIV_SHOWN && (observer == PRIV_NO_OWNER || t->owner[c] != observer);
}

static int cand_cmp(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	if (a->cost != b->cost)
		return a->cost < b->cost ? -1 : 1;
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = 0; i < a->n; i++)
		if (a->cell[i] != b->cell[i])
			return a->cell[i] < b->cell[i] ? -1 : 1;
	return 0;
}

static void sort3(struct cand *c)
{
	for (int i = 0; i < c->n; i++)
		for (int j = i + 1; j < c->n; j++)
			if (c->cell[j] < c->cell[i]) {
				size_t tmp = c->cell[i];
				c->cell[i] = c->cell[j];
				c->cell[j] = tmp;
			}
}

static int add_cand(struct cand *sets, size_t *n, const struct priv_table *t, const size_t *cells,
		    int k)
{
	if (*n >= MAX_SETS)
		return 0;
	struct cand c = {.n = k, .cost = 0};
	for (int i = 0; i < k; i++) {
		c.cell[i] = cells[i];
		c.cost += cost(t, cells[i]);
		for (int j = 0; j < i; j++)
			if (cells[j] == cells[i])
				return 0;
	}
	sort3(&c);
	for (size_t i = 0; i < *n; i++)
		if (cand_cmp(&sets[i], &c) == 0)
			return 0;
	sets[(*n)++] = c;
	return 0;
}

/* Shown candidates of equation e (not s), cheapest first, at most MAX_DIRECT. */
static size_t cheapest_in(const struct priv_table *t, size_t e, size_t s, int observer,
			  size_t *out)
{
	size_t n = 0;
	for (size_t k = t->eq_start[e]; k < t->eq_start[e + 1]; k++) {
		size_t c = t->term_cell[k];
		if (c == s || !may_add(t, c, observer))
			continue;
		bool dup = false;
		for (size_t i = 0; i < n && !dup; i++)
			dup = out[i] == c;
		if (dup)
			continue;
		/* Insert sorted by (cost, index), keeping the cheapest MAX_DIRECT. */
		size_t pos = n;
		while (pos > 0 && (cost(t, out[pos - 1]) > cost(t, c) ||
				   (cost(t, out[pos - 1]) == cost(t, c) && out[pos - 1] > c)))
			pos--;
		if (pos >= MAX_DIRECT)
			continue;
		if (n < MAX_DIRECT)
			n++;
		for (size_t i = n - 1; i > pos; i--)
			out[i] = out[i - 1];
		out[pos] = c;
	}
	return n;
}

/*
 * Find the cheapest set of shown cells whose hiding makes s unrecoverable
 * for observer: single cells and pairs from s's equations, and triples that
 * close a rectangle (a in one equation of s, b in another, c sharing an
 * equation with each). Hides the set and returns its size; when no tried
 * set works, hides the cheapest single candidate (widening through the
 * hidden cells' equations if s's own offer none) and returns 1; returns 0
 * when nothing can be hidden, negative on error.
 */
static int protect(struct priv_table *t, struct scratch *w, int observer, size_t s,
		   struct samen_err *err)
{
	size_t eqs[64], neqs = 0;
	for (size_t k = w->inc.start[s]; k < w->inc.start[s + 1] && neqs < 64; k++)
		if (w->inc.eq[k] != SIZE_MAX)
			eqs[neqs++] = w->inc.eq[k];
	struct cand *sets = w->sets;
	size_t nsets = 0;
	size_t dir[64][MAX_DIRECT], ndir[64];
	for (size_t i = 0; i < neqs; i++)
		ndir[i] = cheapest_in(t, eqs[i], s, observer, dir[i]);
	for (size_t i = 0; i < neqs; i++)
		for (size_t a = 0; a < ndir[i]; a++)
			add_cand(sets, &nsets, t, &dir[i][a], 1);
	for (size_t i = 0; i < neqs; i++)
		for (size_t j = i; j < neqs; j++)
			for (size_t a = 0; a < ndir[i]; a++)
				for (size_t b = 0; b < ndir[j]; b++) {
					size_t pair[2] = {dir[i][a], dir[j][b]};
					if (pair[0] != pair[1])
						add_cand(sets, &nsets, t, pair, 2);
				}
	/* Rectangles: c shares an equation (other than s's) with a and with b. */
	for (size_t i = 0; i < neqs; i++)
		for (size_t j = i + 1; j < neqs; j++)
			for (size_t a = 0; a < ndir[i] && a < 6; a++)
				for (size_t b = 0; b < ndir[j] && b < 6; b++) {
					size_t ca = dir[i][a], cb = dir[j][b];
					for (size_t ka = w->inc.start[ca]; ka < w->inc.start[ca + 1]; ka++) {
						size_t ea = w->inc.eq[ka];
						if (ea == SIZE_MAX || ea == eqs[i])
							continue;
						for (size_t q = t->eq_start[ea]; q < t->eq_start[ea + 1]; q++) {
							size_t c = t->term_cell[q];
							if (c == s || c == ca || c == cb || !may_add(t, c, observer))
								continue;
							bool shares = false;
							for (size_t kb = w->inc.start[c];
							     kb < w->inc.start[c + 1] && !shares; kb++) {
								size_t ec = w->inc.eq[kb];
								if (ec == SIZE_MAX || ec == eqs[j])
									continue;
								for (size_t kk = w->inc.start[cb];
								     kk < w->inc.start[cb + 1]; kk++)
									if (w->inc.eq[kk] == ec)
										shares = true;
							}
							if (shares) {
								size_t tri[3] = {ca, cb, c};
								add_cand(sets, &nsets, t, tri, 3);
							}
						}
					}
				}
	qsort(sets, nsets, sizeof sets[0], cand_cmp);
	for (size_t i = 0; i < nsets && i < MAX_TRIES; i++) {
		for (int k = 0; k < sets[i].n; k++)
			t->state[sets[i].cell[k]] = PRIV_SECONDARY;
		int d = determined_local(t, w, observer, s, err);
		if (d < 0)
			return d;
		if (d == 0)
			return sets[i].n;
		for (int k = 0; k < sets[i].n; k++)
			t->state[sets[i].cell[k]] = PRIV_SHOWN;
	}
	/*
	 * Nothing tried works on its own: hide the cheapest cell that shares an
	 * equation with s's group (s's own equations first, then wider), check
	 * s again, and go on until s is protected or nothing is left.
	 */
	int hidden = 0;
	for (;;) {
		size_t head = 0, tail = 0, nl = 0, pick = SIZE_MAX;
		w->queue[tail++] = s;
		w->cell_seen[s] = true;
		while (head < tail && pick == SIZE_MAX) {
			size_t level_end = tail;
			for (; head < level_end; head++) {
				size_t c = w->queue[head];
				for (size_t k = w->inc.start[c]; k < w->inc.start[c + 1]; k++) {
					size_t e = w->inc.eq[k];
					if (e == SIZE_MAX || w->eq_seen[e])
						continue;
					w->eq_seen[e] = true;
					w->eq_list[nl++] = e;
					for (size_t q = t->eq_start[e]; q < t->eq_start[e + 1]; q++) {
						size_t x = t->term_cell[q];
						if (may_add(t, x, observer)) {
							if (pick == SIZE_MAX || cost(t, x) < cost(t, pick) ||
							    (cost(t, x) == cost(t, pick) && x < pick))
								pick = x;
						} else if (is_unknown(t, x, observer) && !w->cell_seen[x]) {
							w->cell_seen[x] = true;
							w->queue[tail++] = x;
						}
					}
				}
			}
		}
		for (size_t i = 0; i < nl; i++)
			w->eq_seen[w->eq_list[i]] = false;
		for (size_t i = 0; i < tail; i++)
			w->cell_seen[w->queue[i]] = false;
		if (pick == SIZE_MAX)
			return hidden;
		t->state[pick] = PRIV_SECONDARY;
		hidden++;
		int d = determined_local(t, w, observer, s, err);
		if (d < 0)
			return d;
		if (d == 0)
			return hidden;
	}
}

int priv_suppress(struct priv_table *t, long threshold, struct samen_err *err)
{
	int rc = 0;
	t->audits = t->rounds = t->unprotected = 0;
	t->threshold = threshold;
	for (size_t i = 0; i < t->ncells; i++)
		t->state[i] = t->unpublished[i] ? PRIV_UNPUBLISHED
			      : sensitive(t, i) ? PRIV_PRIMARY : PRIV_SHOWN;
	size_t nc = t->ncells ? t->ncells : 1, ne = t->neq ? t->neq : 1;
	struct scratch w = {0};
	bool *rec = malloc(nc * sizeof *rec);
	w.eq_seen = calloc(ne, sizeof *w.eq_seen);
	w.cell_seen = calloc(nc, sizeof *w.cell_seen);
	w.queue = malloc(nc * sizeof *w.queue);
	w.col_of = malloc(nc * sizeof *w.col_of);
	w.eq_list = malloc(ne * sizeof *w.eq_list);
	w.sets = malloc(MAX_SETS * sizeof *w.sets);
	if (!rec || !w.sets || !w.eq_seen || !w.cell_seen || !w.queue || !w.col_of || !w.eq_list ||
	    incidence_build(t, &w.inc)) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	/* Who audits: every board (insiders) when there are two or more, else an outsider. */
	int first = t->nowners >= 2 ? 0 : PRIV_NO_OWNER;
	int last = t->nowners >= 2 ? t->nowners - 1 : PRIV_NO_OWNER;
	for (;;) {
		long added = 0, unprot = 0;
		t->rounds++;
		for (int obs = first; obs <= last; obs++) {
			if ((rc = audit_with(t, obs, rec, err)) != 0)
				goto out;
			t->audits++;
			for (size_t s = 0; s < t->ncells; s++) {
				if (!rec[s])
					continue;
				/* Cells hidden for an earlier cell this round may already protect s. */
				if (added > 0) {
					int d = determined_local(t, &w, obs, s, err);
					if (d < 0) {
						rc = d;
						goto out;
					}
					if (d == 0)
						continue;
				}
				int got = protect(t, &w, obs, s, err);
				if (got < 0) {
					rc = got;
					goto out;
				}
				if (got == 0)
					unprot++;
				added += got;
			}
		}
		if (added == 0) {
			t->unprotected = unprot;
			break;
		}
	}
out:
	incidence_free(&w.inc);
	free(rec);
	free(w.eq_seen);
	free(w.cell_seen);
	free(w.queue);
	free(w.col_of);
	free(w.eq_list);
	free(w.a);
	free(w.det);
	free(w.sets);
	return rc;
}

void priv_percent(double part, double whole, char out[8])
{
	if (whole <= 0) {
		out[0] = '\0';
		return;
	}
	double p = 100.0 * part / whole;
	if (p < 5.0) {
		snprintf(out, 8, "<5%%");
	} else if (p > 95.0) {
		snprintf(out, 8, ">95%%");
	} else {
		snprintf(out, 8, "%d%%", (int)floor(p + 0.5));
	}
}
