/*
 * formats/match_instance.c - reading and validating matching instance files
 * (see formats/match_instance.h and docs/formats/match-instance.md).
 *
 * The document is parsed with jansson (duplicate keys rejected), then
 * walked section by section: settings, requests (with their lessons),
 * staff, travel, candidates. Unknown fields are errors, so a typing error
 * in a field name does not silently fall back to a default. Ids are checked
 * for duplicates and resolved through sorted (id, position) tables.
 */
#include "formats/match_instance.h"
#include "util/vec.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PATH_MAX_LEN 64 /* as struct samen_err's field */

/* Fail with SAMEN_EINVAL (or code) naming path; the message is a printf format. */
static int bad_code(struct samen_err *err, int code, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int bad_code(struct samen_err *err, int code, const char *path, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return samen_fail_at(err, code, 0, path, "%s", msg);
}

#define bad(err, path, ...) bad_code(err, SAMEN_EINVAL, path, __VA_ARGS__)

/* Format a field path into path[PATH_MAX_LEN] (cut short when longer). */
static void pathf(char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pathf(char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, PATH_MAX_LEN, fmt, ap);
	va_end(ap);
}

/* path = prefix.key (or key when prefix is empty). */
static void sub(char *path, const char *prefix, const char *key)
{
	pathf(path, "%s%s%.40s", prefix, *prefix ? "." : "", key);
}

/* Every key of obj must be in allowed (NULL-terminated). */
static int only_keys(json_t *obj, const char *prefix, const char *const *allowed,
		     struct samen_err *err)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		bool known = false;
		for (size_t i = 0; allowed[i] && !known; i++)
			known = strcmp(key, allowed[i]) == 0;
		if (!known) {
			char path[PATH_MAX_LEN];
			sub(path, prefix, key);
			return bad(err, path, "unknown field");
		}
	}
	return 0;
}

/* The integer obj.key in [lo, hi]; when absent, def if !required. */
static int get_int(json_t *obj, const char *prefix, const char *key, int64_t lo, int64_t hi,
		   bool required, int64_t def, int64_t *out, struct samen_err *err)
{
	char path[PATH_MAX_LEN];
	sub(path, prefix, key);
	json_t *v = json_object_get(obj, key);
	if (!v) {
		if (required)
			return bad(err, path, "missing");
		*out = def;
		return 0;
	}
	if (!json_is_integer(v))
		return bad(err, path, "must be a whole number between %lld and %lld", (long long)lo,
			   (long long)hi);
	int64_t x = (int64_t)json_integer_value(v);
	if (x < lo || x > hi)
		return bad(err, path, "must be a whole number between %lld and %lld", (long long)lo,
			   (long long)hi);
	*out = x;
	return 0;
}

static int get_i32(json_t *obj, const char *prefix, const char *key, int64_t lo, int64_t hi,
		   bool required, int64_t def, int32_t *out, struct samen_err *err)
{
	int64_t x;
	int rc = get_int(obj, prefix, key, lo, hi, required, def, &x, err);
	if (rc == 0)
		*out = (int32_t)x;
	return rc;
}

/* Hours obj.key (a number, multiple of 0.25, lo_q/4 .. hi_q/4) as quarter hours. */
static int get_quarters(json_t *obj, const char *prefix, const char *key, int32_t lo_q,
			int32_t hi_q, bool required, int32_t def, int32_t *out,
			struct samen_err *err)
{
	char path[PATH_MAX_LEN];
	sub(path, prefix, key);
	json_t *v = json_object_get(obj, key);
	if (!v) {
		if (required)
			return bad(err, path, "missing");
		*out = def;
		return 0;
	}
	if (!json_is_number(v))
		return bad(err, path, "must be a number of hours");
	double q = json_number_value(v) * 4.0;
	if (!(q >= lo_q && q <= hi_q))
		return bad(err, path, "must be between %g and %g hours", lo_q / 4.0, hi_q / 4.0);
	if (q != floor(q))
		return bad(err, path, "must be a multiple of 0.25 hours (a quarter hour)");
	*out = (int32_t)q;
	return 0;
}

/* "HH:MM" (00:00 .. 24:00) as minutes since midnight. */
static int get_time(json_t *obj, const char *prefix, const char *key, int32_t *out,
		    struct samen_err *err)
{
	char path[PATH_MAX_LEN];
	sub(path, prefix, key);
	json_t *v = json_object_get(obj, key);
	if (!v)
		return bad(err, path, "missing");
	const char *s = json_string_value(v);
	if (!s || strlen(s) != 5 || s[2] != ':' || s[0] < '0' || s[0] > '9' || s[1] < '0' ||
	    s[1] > '9' || s[3] < '0' || s[3] > '5' || s[4] < '0' || s[4] > '9')
		return bad(err, path, "must be HH:MM between 00:00 and 24:00");
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || (h == 24 && m != 0))
		return bad(err, path, "must be HH:MM between 00:00 and 24:00");
	*out = h * 60 + m;
	return 0;
}

/* The array obj.key (absent = empty when !required); count capped. */
static int get_array(json_t *obj, const char *key, bool required, json_t **out,
		     struct samen_err *err)
{
	json_t *v = json_object_get(obj, key);
	*out = v;
	if (!v) {
		if (required)
			return bad(err, key, "missing (an array, which may be empty)");
		return 0;
	}
	if (!json_is_array(v))
		return bad(err, key, "must be an array");
	if (json_array_size(v) > MATCH_INSTANCE_ITEMS_MAX)
		return bad_code(err, SAMEN_ETOOBIG, key, "more than %d elements",
				MATCH_INSTANCE_ITEMS_MAX);
	return 0;
}

/* ---- id tables -------------------------------------------------------------------- */

struct idpos {
	int64_t id;
	size_t pos;
};

static int idpos_cmp(const void *a, const void *b)
{
	const struct idpos *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/*
 * Sort t[0 .. n) and find the first duplicate in file order: its position
 * goes to *dup and the position of the earlier one to *first. Returns
 * whether there is one.
 */
static bool idpos_sort(struct idpos *t, size_t n, size_t *dup, size_t *first)
{
	if (n > 1)
		qsort(t, n, sizeof *t, idpos_cmp);
	bool found = false;
	for (size_t k = 1, g = 0; k < n; k++) {
		if (t[k].id != t[g].id) {
			g = k;
			continue;
		}
		if (!found || t[k].pos < *dup) {
			*dup = t[k].pos;
			*first = t[g].pos;
			found = true;
		}
	}
	return found;
}

/* Position of id in the sorted table, or -1. */
static int64_t idpos_find(const struct idpos *t, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && t[lo].id == id ? (int64_t)t[lo].pos : -1;
}

static struct idpos *idpos_new(size_t n, struct samen_err *err)
{
	struct idpos *t = calloc(n ? n : 1, sizeof *t);
	if (!t)
		samen_fail(err, SAMEN_ENOMEM, "out of memory");
	return t;
}

/* ---- sections --------------------------------------------------------------------- */

static int read_settings(json_t *root, struct match_instance_settings *s, struct samen_err *err)
{
	static const char *const keys[] = {"fair_band_hours", "fair_bands", "fair_band_minutes",
					   "time_limit_ms", NULL};
	*s = (struct match_instance_settings){4, 4, 200, 60000};
	json_t *o = json_object_get(root, "settings");
	if (!o)
		return 0;
	if (!json_is_object(o))
		return bad(err, "settings", "must be an object");
	int rc = only_keys(o, "settings", keys, err);
	if (rc == 0)
		rc = get_quarters(o, "settings", "fair_band_hours", 1, MATCH_INSTANCE_QUARTERS_MAX,
				  false, 4, &s->fair_band_quarters, err);
	if (rc == 0)
		rc = get_i32(o, "settings", "fair_bands", 1, 16, false, 4, &s->fair_bands, err);
	if (rc == 0)
		rc = get_i32(o, "settings", "fair_band_minutes", 1, 60000, false, 200,
			     &s->fair_band_minutes, err);
	if (rc == 0)
		rc = get_i32(o, "settings", "time_limit_ms", 0, 86400000, false, 60000,
			     &s->time_limit_ms, err);
	return rc;
}

static int read_lessons(json_t *arr, const char *prefix, int32_t rix, struct match_instance *in,
			size_t *cap, struct samen_err *err)
{
	static const char *const keys[] = {"id", "day", "start", "end", NULL};
	char base[PATH_MAX_LEN];
	sub(base, prefix, "lessons");
	if (!json_is_array(arr))
		return bad(err, base, "must be an array of lessons");
	if (json_array_size(arr) == 0)
		return bad(err, base, "must hold at least one lesson");
	size_t j;
	json_t *o;
	json_array_foreach(arr, j, o) {
		char path[PATH_MAX_LEN];
		pathf(path, "%s[%zu]", base, j);
		if (!json_is_object(o))
			return bad(err, path, "must be an object");
		if (in->nlessons >= MATCH_INSTANCE_ITEMS_MAX)
			return bad_code(err, SAMEN_ETOOBIG, path, "more than %d lessons in all",
					MATCH_INSTANCE_ITEMS_MAX);
		int rc = vec_grow((void **)&in->lessons, cap, in->nlessons, sizeof *in->lessons, err);
		if (rc)
			return rc;
		struct match_instance_lesson *l = &in->lessons[in->nlessons];
		l->request = rix;
		if ((rc = only_keys(o, path, keys, err)) ||
		    (rc = get_int(o, path, "id", 1, INT64_MAX, true, 0, &l->id, err)) ||
		    (rc = get_i32(o, path, "day", 1, 7, true, 0, &l->day, err)) ||
		    (rc = get_time(o, path, "start", &l->start, err)) ||
		    (rc = get_time(o, path, "end", &l->end, err)))
			return rc;
		if (l->start >= 1440) {
			char p2[PATH_MAX_LEN];
			sub(p2, path, "start");
			return bad(err, p2, "must be before 24:00");
		}
		if (l->end <= l->start) {
			char p2[PATH_MAX_LEN];
			sub(p2, path, "end");
			return bad(err, p2, "must be after start");
		}
		in->nlessons++;
	}
	return 0;
}

static int read_requests(json_t *root, struct match_instance *in, struct samen_err *err)
{
	static const char *const keys[] = {"id", "board", "school", "priority", "hours",
					   "lessons", NULL};
	json_t *arr;
	int rc = get_array(root, "requests", true, &arr, err);
	if (rc)
		return rc;
	size_t n = json_array_size(arr), cap_lessons = 0;
	if (!(in->requests = calloc(n ? n : 1, sizeof *in->requests)))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	size_t i;
	json_t *o;
	json_array_foreach(arr, i, o) {
		char path[PATH_MAX_LEN];
		pathf(path, "requests[%zu]", i);
		if (!json_is_object(o))
			return bad(err, path, "must be an object");
		struct match_instance_request *r = &in->requests[i];
		if ((rc = only_keys(o, path, keys, err)) ||
		    (rc = get_int(o, path, "id", 1, INT64_MAX, true, 0, &r->id, err)) ||
		    (rc = get_i32(o, path, "board", 1, INT32_MAX, true, 0, &r->board, err)) ||
		    (rc = get_i32(o, path, "school", 1, INT32_MAX, true, 0, &r->school, err)) ||
		    (rc = get_i32(o, path, "priority", 1, MATCH_INSTANCE_PRIORITY_MAX, false, 1,
				  &r->priority, err)))
			return rc;
		json_t *lessons = json_object_get(o, "lessons");
		bool hours = json_object_get(o, "hours") != NULL;
		if (lessons && hours)
			return bad(err, path, "has both hours and lessons; a request is one or the other");
		if (!lessons && !hours)
			return bad(err, path, "needs hours (per week) or lessons");
		in->nrequests = i + 1;
		if (hours) {
			rc = get_quarters(o, path, "hours", 0, MATCH_INSTANCE_QUARTERS_MAX, true, 0,
					  &r->quarters, err);
		} else {
			r->has_lessons = true;
			r->first_lesson = in->nlessons;
			rc = read_lessons(lessons, path, (int32_t)i, in, &cap_lessons, err);
			r->nlessons = in->nlessons - r->first_lesson;
		}
		if (rc)
			return rc;
	}
	in->nrequests = n;
	/* Unique request ids, and lesson ids unique over all requests. */
	struct idpos *t = idpos_new(n > in->nlessons ? n : in->nlessons, err);
	if (!t)
		return SAMEN_ENOMEM;
	size_t dup, first;
	for (size_t k = 0; k < n; k++)
		t[k] = (struct idpos){in->requests[k].id, k};
	if (idpos_sort(t, n, &dup, &first)) {
		char path[PATH_MAX_LEN];
		pathf(path, "requests[%zu].id", dup);
		rc = bad(err, path, "duplicate id %lld (also requests[%zu])",
			 (long long)in->requests[dup].id, first);
	}
	for (size_t k = 0; rc == 0 && k < in->nlessons; k++)
		t[k] = (struct idpos){in->lessons[k].id, k};
	if (rc == 0 && idpos_sort(t, in->nlessons, &dup, &first)) {
		const struct match_instance_lesson *a = &in->lessons[dup], *b = &in->lessons[first];
		char path[PATH_MAX_LEN];
		pathf(path, "requests[%d].lessons[%zu].id", a->request,
			 dup - in->requests[a->request].first_lesson);
		rc = bad(err, path, "duplicate lesson id %lld (also requests[%d].lessons[%zu])",
			 (long long)a->id, b->request, first - in->requests[b->request].first_lesson);
	}
	free(t);
	return rc;
}

static int read_staff(json_t *root, struct match_instance *in, struct samen_err *err)
{
	static const char *const keys[] = {"id", "board", "school", "hours", NULL};
	json_t *arr;
	int rc = get_array(root, "staff", true, &arr, err);
	if (rc)
		return rc;
	size_t n = json_array_size(arr);
	if (!(in->staff = calloc(n ? n : 1, sizeof *in->staff)))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	size_t i;
	json_t *o;
	json_array_foreach(arr, i, o) {
		char path[PATH_MAX_LEN];
		pathf(path, "staff[%zu]", i);
		if (!json_is_object(o))
			return bad(err, path, "must be an object");
		struct match_instance_staff *s = &in->staff[i];
		if ((rc = only_keys(o, path, keys, err)) ||
		    (rc = get_int(o, path, "id", 1, INT64_MAX, true, 0, &s->id, err)) ||
		    (rc = get_i32(o, path, "board", 1, INT32_MAX, true, 0, &s->board, err)) ||
		    (rc = get_i32(o, path, "school", 1, INT32_MAX, true, 0, &s->school, err)) ||
		    (rc = get_quarters(o, path, "hours", 0, MATCH_INSTANCE_QUARTERS_MAX, true, 0,
				       &s->quarters, err)))
			return rc;
	}
	in->nstaff = n;
	struct idpos *t = idpos_new(n, err);
	if (!t)
		return SAMEN_ENOMEM;
	for (size_t k = 0; k < n; k++)
		t[k] = (struct idpos){in->staff[k].id, k};
	size_t dup, first;
	if (idpos_sort(t, n, &dup, &first)) {
		char path[PATH_MAX_LEN];
		pathf(path, "staff[%zu].id", dup);
		rc = bad(err, path, "duplicate id %lld (also staff[%zu])", (long long)in->staff[dup].id,
			 first);
	}
	free(t);
	return rc;
}

static int travel_cmp(const void *a, const void *b)
{
	const struct match_instance_travel *x = a, *y = b;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int read_travel(json_t *root, struct match_instance *in, struct samen_err *err)
{
	static const char *const keys[] = {"from", "to", "minutes", NULL};
	json_t *arr;
	int rc = get_array(root, "travel", false, &arr, err);
	if (rc || !arr)
		return rc;
	size_t n = json_array_size(arr);
	if (!(in->travel = calloc(n ? n : 1, sizeof *in->travel)))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	size_t i;
	json_t *o;
	json_array_foreach(arr, i, o) {
		char path[PATH_MAX_LEN];
		pathf(path, "travel[%zu]", i);
		if (!json_is_object(o))
			return bad(err, path, "must be an object");
		struct match_instance_travel *t = &in->travel[i];
		t->pos = i;
		if ((rc = only_keys(o, path, keys, err)) ||
		    (rc = get_i32(o, path, "from", 1, INT32_MAX, true, 0, &t->from, err)) ||
		    (rc = get_i32(o, path, "to", 1, INT32_MAX, true, 0, &t->to, err)) ||
		    (rc = get_i32(o, path, "minutes", 0, MATCH_INSTANCE_TRAVEL_MAX, true, 0,
				  &t->minutes, err)))
			return rc;
		if (t->from == t->to) {
			char p2[PATH_MAX_LEN];
			sub(p2, path, "to");
			return bad(err, p2, "the same school as from (travel within a school is 0)");
		}
	}
	in->ntravel = n;
	if (n > 1)
		qsort(in->travel, n, sizeof *in->travel, travel_cmp);
	size_t dup = 0, first = 0;
	bool found = false;
	for (size_t k = 1, g = 0; k < n; k++) {
		if (in->travel[k].from != in->travel[g].from || in->travel[k].to != in->travel[g].to) {
			g = k;
			continue;
		}
		if (!found || in->travel[k].pos < dup) {
			dup = in->travel[k].pos;
			first = in->travel[g].pos;
			found = true;
		}
	}
	if (found) {
		char path[PATH_MAX_LEN];
		pathf(path, "travel[%zu]", dup);
		for (size_t k = 0; k < n; k++)
			if (in->travel[k].pos == dup)
				return bad(err, path, "duplicate pair from %d to %d (also travel[%zu])",
					   in->travel[k].from, in->travel[k].to, first);
	}
	return 0;
}

struct pair {
	int32_t request, staff;
	size_t pos;
};

static int pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	if (x->request != y->request)
		return x->request < y->request ? -1 : 1;
	if (x->staff != y->staff)
		return x->staff < y->staff ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The "lessons" list of candidate c (path prefix) into in->cand_lessons. */
static int read_cand_lessons(json_t *arr, const char *prefix, struct match_instance_candidate *c,
			     const struct idpos *lesson_ids, size_t *seen, size_t stamp,
			     size_t *cap, struct match_instance *in, struct samen_err *err)
{
	char base[PATH_MAX_LEN];
	sub(base, prefix, "lessons");
	const struct match_instance_request *r = &in->requests[c->request];
	if (!r->has_lessons)
		return bad(err, base, "request %lld asks for hours per week, not lessons",
			   (long long)r->id);
	if (!json_is_array(arr))
		return bad(err, base, "must be an array of lesson ids");
	c->first = in->ncand_lessons;
	size_t j;
	json_t *v;
	json_array_foreach(arr, j, v) {
		char path[PATH_MAX_LEN];
		pathf(path, "%s[%zu]", base, j);
		if (!json_is_integer(v))
			return bad(err, path, "must be a lesson id (a whole number)");
		int64_t id = (int64_t)json_integer_value(v);
		int64_t lx = idpos_find(lesson_ids, in->nlessons, id);
		if (lx < 0)
			return bad(err, path, "no lesson with id %lld", (long long)id);
		if (in->lessons[lx].request != c->request)
			return bad(err, path, "lesson %lld is not a lesson of request %lld",
				   (long long)id, (long long)r->id);
		if (seen[lx] == stamp)
			return bad(err, path, "lesson %lld listed twice", (long long)id);
		seen[lx] = stamp;
		if (in->ncand_lessons >= MATCH_INSTANCE_ITEMS_MAX)
			return bad_code(err, SAMEN_ETOOBIG, path,
					"more than %d candidate lessons in all",
					MATCH_INSTANCE_ITEMS_MAX);
		int rc = vec_grow((void **)&in->cand_lessons, cap, in->ncand_lessons,
				  sizeof *in->cand_lessons, err);
		if (rc)
			return rc;
		in->cand_lessons[in->ncand_lessons++] = (int32_t)lx;
	}
	c->n = in->ncand_lessons - c->first;
	return 0;
}

static int read_candidates(json_t *root, struct match_instance *in, struct samen_err *err)
{
	static const char *const keys[] = {"request", "staff", "travel", "allowed", "lessons",
					   NULL};
	json_t *arr;
	int rc = get_array(root, "candidates", true, &arr, err);
	if (rc)
		return rc;
	size_t n = json_array_size(arr), cap = 0;
	struct idpos *req_ids = idpos_new(in->nrequests, err);
	struct idpos *staff_ids = idpos_new(in->nstaff, err);
	struct idpos *lesson_ids = idpos_new(in->nlessons, err);
	size_t *seen = calloc(in->nlessons ? in->nlessons : 1, sizeof *seen);
	struct pair *pairs = calloc(n ? n : 1, sizeof *pairs);
	in->candidates = calloc(n ? n : 1, sizeof *in->candidates);
	if (!req_ids || !staff_ids || !lesson_ids || !seen || !pairs || !in->candidates) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	size_t d0, d1; /* no duplicates left: checked by the sections before */
	for (size_t k = 0; k < in->nrequests; k++)
		req_ids[k] = (struct idpos){in->requests[k].id, k};
	idpos_sort(req_ids, in->nrequests, &d0, &d1);
	for (size_t k = 0; k < in->nstaff; k++)
		staff_ids[k] = (struct idpos){in->staff[k].id, k};
	idpos_sort(staff_ids, in->nstaff, &d0, &d1);
	for (size_t k = 0; k < in->nlessons; k++)
		lesson_ids[k] = (struct idpos){in->lessons[k].id, k};
	idpos_sort(lesson_ids, in->nlessons, &d0, &d1);
	size_t i;
	json_t *o;
	json_array_foreach(arr, i, o) {
		char path[PATH_MAX_LEN], p2[PATH_MAX_LEN];
		pathf(path, "candidates[%zu]", i);
		if (!json_is_object(o)) {
			rc = bad(err, path, "must be an object");
			goto out;
		}
		struct match_instance_candidate *c = &in->candidates[i];
		int64_t rid, sid, ix;
		int allowed = 1;
		if ((rc = only_keys(o, path, keys, err)) ||
		    (rc = get_int(o, path, "request", 1, INT64_MAX, true, 0, &rid, err)))
			goto out;
		if ((ix = idpos_find(req_ids, in->nrequests, rid)) < 0) {
			sub(p2, path, "request");
			rc = bad(err, p2, "no request with id %lld", (long long)rid);
			goto out;
		}
		c->request = (int32_t)ix;
		if ((rc = get_int(o, path, "staff", 1, INT64_MAX, true, 0, &sid, err)))
			goto out;
		if ((ix = idpos_find(staff_ids, in->nstaff, sid)) < 0) {
			sub(p2, path, "staff");
			rc = bad(err, p2, "no staff with id %lld", (long long)sid);
			goto out;
		}
		c->staff = (int32_t)ix;
		if ((rc = get_i32(o, path, "travel", 0, MATCH_INSTANCE_TRAVEL_MAX, true, 0, &c->travel,
				  err)))
			goto out;
		json_t *a = json_object_get(o, "allowed");
		if (a && !json_is_boolean(a)) {
			sub(p2, path, "allowed");
			rc = bad(err, p2, "must be true or false");
			goto out;
		}
		if (a)
			allowed = json_is_true(a);
		c->allowed = allowed != 0;
		json_t *ls = json_object_get(o, "lessons");
		c->all_lessons = ls == NULL;
		if (ls && (rc = read_cand_lessons(ls, path, c, lesson_ids, seen, i + 1, &cap, in, err)))
			goto out;
		pairs[i] = (struct pair){c->request, c->staff, i};
		in->ncandidates = i + 1;
	}
	in->ncandidates = n;
	if (n > 1)
		qsort(pairs, n, sizeof *pairs, pair_cmp);
	size_t dup = 0, first = 0;
	bool found = false;
	for (size_t k = 1, g = 0; k < n; k++) {
		if (pairs[k].request != pairs[g].request || pairs[k].staff != pairs[g].staff) {
			g = k;
			continue;
		}
		if (!found || pairs[k].pos < dup) {
			dup = pairs[k].pos;
			first = pairs[g].pos;
			found = true;
		}
	}
	if (found) {
		char path[PATH_MAX_LEN];
		pathf(path, "candidates[%zu]", dup);
		const struct match_instance_candidate *c = &in->candidates[dup];
		rc = bad(err, path, "duplicate pair of request %lld and staff %lld (also candidates[%zu])",
			 (long long)in->requests[c->request].id, (long long)in->staff[c->staff].id,
			 first);
	}
out:
	free(req_ids);
	free(staff_ids);
	free(lesson_ids);
	free(seen);
	free(pairs);
	return rc;
}

/* ---- public ----------------------------------------------------------------------- */

void match_instance_release(struct match_instance *in)
{
	if (!in)
		return;
	free(in->travel);
	free(in->requests);
	free(in->lessons);
	free(in->staff);
	free(in->candidates);
	free(in->cand_lessons);
	memset(in, 0, sizeof *in);
}

int match_instance_parse(const char *text, size_t len, struct match_instance *out,
			 struct samen_err *err)
{
	static const char *const keys[] = {"samen_match_instance", "settings", "travel",
					   "requests", "staff", "candidates", NULL};
	memset(out, 0, sizeof *out);
	if (len > MATCH_INSTANCE_FILE_MAX)
		return samen_fail(err, SAMEN_ETOOBIG, "the instance is larger than %zu MiB",
				  MATCH_INSTANCE_FILE_MAX >> 20);
	json_error_t jerr;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		return samen_fail_at(err, SAMEN_EINVAL, jerr.line > 0 ? jerr.line : 1, "",
				     "JSON syntax error at line %d, column %d: %s", jerr.line,
				     jerr.column, jerr.text);
	int rc = 0;
	if (!json_is_object(root)) {
		rc = samen_fail(err, SAMEN_EINVAL,
				"the document must be a JSON object with \"samen_match_instance\": 1");
		goto out;
	}
	json_t *v = json_object_get(root, "samen_match_instance");
	if (!v) {
		rc = bad(err, "samen_match_instance", "missing: not a Samen match instance");
		goto out;
	}
	if (!json_is_integer(v) || json_integer_value(v) != MATCH_INSTANCE_VERSION) {
		rc = bad(err, "samen_match_instance", "unsupported version; this Samen reads version %d",
			 MATCH_INSTANCE_VERSION);
		goto out;
	}
	if ((rc = only_keys(root, "", keys, err)) || (rc = read_settings(root, &out->settings, err)) ||
	    (rc = read_requests(root, out, err)) || (rc = read_staff(root, out, err)) ||
	    (rc = read_travel(root, out, err)) || (rc = read_candidates(root, out, err)))
		goto out;
out:
	json_decref(root);
	if (rc)
		match_instance_release(out);
	return rc;
}

int match_instance_load(const char *path, struct match_instance *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	FILE *f = fopen(path, "rb");
	if (!f)
		return samen_fail(err, SAMEN_EIO, "cannot read %s", path);
	size_t cap = 1 << 16, len = 0;
	char *text = malloc(cap);
	int rc = text ? 0 : samen_fail(err, SAMEN_ENOMEM, "out of memory");
	while (rc == 0) {
		if (len > MATCH_INSTANCE_FILE_MAX) {
			rc = samen_fail(err, SAMEN_ETOOBIG, "%s is larger than %zu MiB", path,
					MATCH_INSTANCE_FILE_MAX >> 20);
			break;
		}
		if (len == cap) { /* grow up to one byte beyond the cap, to see it exceeded */
			size_t nc = cap * 2 > MATCH_INSTANCE_FILE_MAX + 1 ? MATCH_INSTANCE_FILE_MAX + 1 : cap * 2;
			char *p = realloc(text, nc);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			text = p;
			cap = nc;
		}
		size_t got = fread(text + len, 1, cap - len, f);
		len += got;
		if (got == 0) {
			if (ferror(f))
				rc = samen_fail(err, SAMEN_EIO, "cannot read %s", path);
			break;
		}
	}
	fclose(f);
	if (rc == 0)
		rc = match_instance_parse(text, len, out, err);
	free(text);
	return rc;
}

int32_t match_instance_travel_between(const struct match_instance *in, int32_t from, int32_t to)
{
	if (from == to)
		return 0;
	for (int dir = 0; dir < 2; dir++) {
		int32_t a = dir ? to : from, b = dir ? from : to;
		size_t lo = 0, hi = in->ntravel;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			const struct match_instance_travel *t = &in->travel[mid];
			if (t->from < a || (t->from == a && t->to < b))
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < in->ntravel && in->travel[lo].from == a && in->travel[lo].to == b)
			return in->travel[lo].minutes;
	}
	return MATCH_INSTANCE_TRAVEL_MAX;
}
