/*
 * assign_keep.c - an assign model kept in step with successive instances
 * (see assign_keep.h).
 *
 * The keeper mirrors what its model holds: every request, member and
 * candidate pair ever added with its model index and whether it is still
 * live. A sync looks each live entry up in the new instance (sorted index
 * arrays, binary search) and turns the difference into the model's own
 * change calls; the instance entries nobody matched are added.
 */
#include "optim/assign_keep.h"

#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

struct kreq {
	int64_t id;
	int32_t index, board, hours, prio;
	bool live;
};

struct kstaff {
	int64_t id;
	int32_t index, board, hours;
	bool live;
};

struct kcand {
	int64_t rid, sid;
	int32_t index, ri, si, travel;
	bool allowed, live;
};

struct assign_keep {
	struct assign_params p;
	bool have_p;
	struct assign_model *m;
	struct kreq *r;
	size_t nr, capr;
	struct kstaff *s;
	size_t ns, caps;
	struct kcand *c;
	size_t nc, capc;
	size_t live, dead; /* entries of the three tables */
};

/* Sorted views of the instance: positions ordered by id (or pair). */
struct view {
	const struct assign_instance *in;
	size_t *req, *staff, *cand;
	int32_t *req_index, *staff_index; /* model index per instance position, -1 none */
	bool *cand_seen;
};

/* Comparators of instance positions for qsort_r (the instance is the context). */
static int cmp_req(const void *a, const void *b, void *ctx)
{
	const struct assign_instance *in = ctx;
	int64_t x = in->reqs[*(const size_t *)a].id, y = in->reqs[*(const size_t *)b].id;
	return x < y ? -1 : x > y;
}

static int cmp_staff(const void *a, const void *b, void *ctx)
{
	const struct assign_instance *in = ctx;
	int64_t x = in->staff[*(const size_t *)a].id, y = in->staff[*(const size_t *)b].id;
	return x < y ? -1 : x > y;
}

static int cmp_pair(int64_t r1, int64_t s1, int64_t r2, int64_t s2)
{
	if (r1 != r2)
		return r1 < r2 ? -1 : 1;
	return s1 < s2 ? -1 : s1 > s2;
}

static int cmp_cand(const void *a, const void *b, void *ctx)
{
	const struct assign_instance *in = ctx;
	const struct assign_keep_candidate *x = &in->cands[*(const size_t *)a];
	const struct assign_keep_candidate *y = &in->cands[*(const size_t *)b];
	return cmp_pair(x->request_id, x->staff_id, y->request_id, y->staff_id);
}

/* Position of request id in the instance, or SIZE_MAX. */
static size_t find_req(const struct view *v, int64_t id)
{
	size_t lo = 0, hi = v->in->nreqs;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int64_t x = v->in->reqs[v->req[mid]].id;
		if (x == id)
			return v->req[mid];
		if (x < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

static size_t find_staff(const struct view *v, int64_t id)
{
	size_t lo = 0, hi = v->in->nstaff;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int64_t x = v->in->staff[v->staff[mid]].id;
		if (x == id)
			return v->staff[mid];
		if (x < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

static size_t find_cand(const struct view *v, int64_t rid, int64_t sid)
{
	size_t lo = 0, hi = v->in->ncands;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct assign_keep_candidate *x = &v->in->cands[v->cand[mid]];
		int c = cmp_pair(x->request_id, x->staff_id, rid, sid);
		if (c == 0)
			return v->cand[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

static void view_free(struct view *v)
{
	free(v->req);
	free(v->staff);
	free(v->cand);
	free(v->req_index);
	free(v->staff_index);
	free(v->cand_seen);
}

/* Sort the instance and check its ids: duplicates and unknown references are SAMEN_EINVAL. */
static int view_build(struct view *v, const struct assign_instance *in, struct samen_err *err)
{
	memset(v, 0, sizeof *v);
	v->in = in;
	v->req = malloc((in->nreqs + 1) * sizeof *v->req);
	v->staff = malloc((in->nstaff + 1) * sizeof *v->staff);
	v->cand = malloc((in->ncands + 1) * sizeof *v->cand);
	v->req_index = malloc((in->nreqs + 1) * sizeof *v->req_index);
	v->staff_index = malloc((in->nstaff + 1) * sizeof *v->staff_index);
	v->cand_seen = calloc(in->ncands + 1, sizeof *v->cand_seen);
	if (!v->req || !v->staff || !v->cand || !v->req_index || !v->staff_index || !v->cand_seen)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	for (size_t i = 0; i < in->nreqs; i++)
		v->req[i] = i, v->req_index[i] = -1;
	for (size_t i = 0; i < in->nstaff; i++)
		v->staff[i] = i, v->staff_index[i] = -1;
	for (size_t i = 0; i < in->ncands; i++)
		v->cand[i] = i;
	void *ctx = (void *)in;
	qsort_r(v->req, in->nreqs, sizeof *v->req, cmp_req, ctx);
	qsort_r(v->staff, in->nstaff, sizeof *v->staff, cmp_staff, ctx);
	qsort_r(v->cand, in->ncands, sizeof *v->cand, cmp_cand, ctx);
	for (size_t i = 1; i < in->nreqs; i++)
		if (in->reqs[v->req[i]].id == in->reqs[v->req[i - 1]].id)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "request", "request id %lld twice",
					     (long long)in->reqs[v->req[i]].id);
	for (size_t i = 1; i < in->nstaff; i++)
		if (in->staff[v->staff[i]].id == in->staff[v->staff[i - 1]].id)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "staff", "staff id %lld twice",
					     (long long)in->staff[v->staff[i]].id);
	for (size_t i = 0; i < in->ncands; i++) {
		const struct assign_keep_candidate *c = &in->cands[v->cand[i]];
		if (i && cmp_cand(&v->cand[i], &v->cand[i - 1], ctx) == 0)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "candidate",
					     "candidate pair %lld/%lld twice", (long long)c->request_id,
					     (long long)c->staff_id);
		if (find_req(v, c->request_id) == SIZE_MAX)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "candidate",
					     "candidate of unknown request %lld", (long long)c->request_id);
		if (find_staff(v, c->staff_id) == SIZE_MAX)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "candidate",
					     "candidate of unknown staff %lld", (long long)c->staff_id);
	}
	return 0;
}

/* Drop the model and every mirrored entry: the next sync builds afresh. */
static void keep_reset(struct assign_keep *k)
{
	assign_free(k->m);
	k->m = NULL;
	k->nr = k->ns = k->nc = 0;
	k->live = k->dead = 0;
}

int assign_keep_new(struct assign_keep **out, const struct assign_params *params,
		    struct samen_err *err)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	if (params) {
		(*out)->p = *params;
		(*out)->have_p = true;
	}
	/* Check the parameters now rather than at the first solve. */
	struct assign_model *probe = NULL;
	int rc = assign_new(&probe, params, err);
	assign_free(probe);
	if (rc) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

void assign_keep_free(struct assign_keep *k)
{
	if (!k)
		return;
	assign_free(k->m);
	free(k->r);
	free(k->s);
	free(k->c);
	free(k);
}

static void kill_entry(struct assign_keep *k, bool *live)
{
	*live = false;
	k->live--;
	k->dead++;
}

/* Requests: withdraw the gone and changed, update hours, add the new. */
static int sync_requests(struct assign_keep *k, struct view *v, struct samen_err *err)
{
	const struct assign_instance *in = v->in;
	int rc = 0;
	for (size_t i = 0; i < k->nr && rc == 0; i++) {
		struct kreq *e = &k->r[i];
		if (!e->live)
			continue;
		size_t at = find_req(v, e->id);
		const struct assign_keep_request *q = at == SIZE_MAX ? NULL : &in->reqs[at];
		if (!q || q->board != e->board || q->priority != e->prio) {
			rc = assign_withdraw_request(k->m, e->index, err);
			kill_entry(k, &e->live);
			continue;
		}
		if (q->hours != e->hours) {
			rc = assign_set_request_hours(k->m, e->index, q->hours, err);
			e->hours = q->hours;
		}
		v->req_index[at] = e->index;
	}
	for (size_t at = 0; at < in->nreqs && rc == 0; at++) {
		if (v->req_index[at] >= 0)
			continue;
		const struct assign_keep_request *q = &in->reqs[at];
		struct assign_request ar = {q->id, q->board, q->hours, q->priority};
		if ((rc = vec_grow((void **)&k->r, &k->capr, k->nr, sizeof *k->r, err)))
			break;
		struct kreq *e = &k->r[k->nr];
		*e = (struct kreq){q->id, 0, q->board, q->hours, q->priority, true};
		if ((rc = assign_add_request(k->m, &ar, &e->index, err)))
			break;
		k->nr++;
		k->live++;
		v->req_index[at] = e->index;
	}
	return rc;
}

/* Members: as requests. */
static int sync_staff(struct assign_keep *k, struct view *v, struct samen_err *err)
{
	const struct assign_instance *in = v->in;
	int rc = 0;
	for (size_t i = 0; i < k->ns && rc == 0; i++) {
		struct kstaff *e = &k->s[i];
		if (!e->live)
			continue;
		size_t at = find_staff(v, e->id);
		const struct assign_keep_staff *q = at == SIZE_MAX ? NULL : &in->staff[at];
		if (!q || q->board != e->board) {
			rc = assign_withdraw_staff(k->m, e->index, err);
			kill_entry(k, &e->live);
			continue;
		}
		if (q->hours != e->hours) {
			rc = assign_set_staff_hours(k->m, e->index, q->hours, err);
			e->hours = q->hours;
		}
		v->staff_index[at] = e->index;
	}
	for (size_t at = 0; at < in->nstaff && rc == 0; at++) {
		if (v->staff_index[at] >= 0)
			continue;
		const struct assign_keep_staff *q = &in->staff[at];
		struct assign_staff as = {q->id, q->board, q->hours};
		if ((rc = vec_grow((void **)&k->s, &k->caps, k->ns, sizeof *k->s, err)))
			break;
		struct kstaff *e = &k->s[k->ns];
		*e = (struct kstaff){q->id, 0, q->board, q->hours, true};
		if ((rc = assign_add_staff(k->m, &as, &e->index, err)))
			break;
		k->ns++;
		k->live++;
		v->staff_index[at] = e->index;
	}
	return rc;
}

/* Candidate pairs: forbid the gone and changed, add the new (after requests and members). */
static int sync_cands(struct assign_keep *k, struct view *v, struct samen_err *err)
{
	const struct assign_instance *in = v->in;
	int rc = 0;
	for (size_t i = 0; i < k->nc && rc == 0; i++) {
		struct kcand *e = &k->c[i];
		if (!e->live)
			continue;
		size_t at = find_cand(v, e->rid, e->sid);
		const struct assign_keep_candidate *q = at == SIZE_MAX ? NULL : &in->cands[at];
		bool same = q && q->travel == e->travel && q->allowed == e->allowed &&
			    v->req_index[find_req(v, e->rid)] == e->ri &&
			    v->staff_index[find_staff(v, e->sid)] == e->si;
		if (!same) {
			rc = assign_decline(k->m, e->index, err);
			kill_entry(k, &e->live);
			continue;
		}
		v->cand_seen[at] = true;
	}
	for (size_t at = 0; at < in->ncands && rc == 0; at++) {
		if (v->cand_seen[at])
			continue;
		const struct assign_keep_candidate *q = &in->cands[at];
		int32_t ri = v->req_index[find_req(v, q->request_id)];
		int32_t si = v->staff_index[find_staff(v, q->staff_id)];
		if ((rc = vec_grow((void **)&k->c, &k->capc, k->nc, sizeof *k->c, err)))
			break;
		struct kcand *e = &k->c[k->nc];
		*e = (struct kcand){q->request_id, q->staff_id, 0, ri, si, q->travel, q->allowed, true};
		if ((rc = assign_add_candidate(k->m, ri, si, q->travel, q->allowed, &e->index, err)))
			break;
		k->nc++;
		k->live++;
	}
	return rc;
}

int assign_keep_solve(struct assign_keep *k, const struct assign_instance *in,
		      struct assign_result *res, struct samen_err *err)
{
	memset(res, 0, sizeof *res);
	struct view v;
	int rc = view_build(&v, in, err);
	if (rc)
		goto out;
	/* Withdrawn entries stay in the model; past as many as are live, start afresh. */
	if (k->m && k->dead > k->live + 64)
		keep_reset(k);
	if (!k->m && (rc = assign_new(&k->m, k->have_p ? &k->p : NULL, err)))
		goto out;
	if ((rc = sync_requests(k, &v, err)) || (rc = sync_staff(k, &v, err)) ||
	    (rc = sync_cands(k, &v, err)))
		goto out;
	rc = assign_solve(k->m, MCF_WARM, res, err);
out:
	if (rc && k->m)
		keep_reset(k); /* a half-applied change must not survive */
	view_free(&v);
	return rc;
}
