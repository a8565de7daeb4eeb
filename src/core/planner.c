/*
 * planner.c - the year planner (see planner.h for the method).
 *
 * Internally a plan is built in three steps: the weeks of the period with
 * their free weekdays and pressure (build_weeks, from one calendar day map),
 * the longest chain of free weeks the gap rules allow (chain_max, which
 * decides feasibility and drives the diagnosis), and the exact dynamic
 * programme over (meeting, week) that minimises the objective.
 */
#include "core/planner.h"
#include "util/date.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define INF_COST (INT64_MAX / 4)

/* ---- small parsers -------------------------------------------------------- */

static const struct {
	const char *name;
	int wd;
} day_names[] = {
	{"ma", 1}, {"maandag", 1}, {"mo", 1}, {"mon", 1}, {"monday", 1},
	{"di", 2}, {"dinsdag", 2}, {"tu", 2}, {"tue", 2}, {"tuesday", 2},
	{"wo", 3}, {"woensdag", 3}, {"we", 3}, {"wed", 3}, {"wednesday", 3},
	{"do", 4}, {"donderdag", 4}, {"th", 4}, {"thu", 4}, {"thursday", 4},
	{"vr", 5}, {"vrijdag", 5}, {"fr", 5}, {"fri", 5}, {"friday", 5},
	{"za", 6}, {"zaterdag", 6}, {"sa", 6}, {"sat", 6}, {"saturday", 6},
	{"zo", 7}, {"zondag", 7}, {"su", 7}, {"sun", 7}, {"sunday", 7},
};

const char *planner_weekday_nl(int wd)
{
	static const char *const nl[8] = {"", "ma", "di", "wo", "do", "vr", "za", "zo"};
	return wd >= 1 && wd <= 7 ? nl[wd] : "";
}

int planner_weekdays_parse(const char *s, struct plan_request *req, struct samen_err *err)
{
	req->n_weekdays = 0;
	const char *p = s ? s : "";
	while (*p) {
		while (*p == ',' || *p == ' ')
			p++;
		if (!*p)
			break;
		size_t len = strcspn(p, ", ");
		int wd = 0;
		for (size_t i = 0; i < sizeof day_names / sizeof day_names[0]; i++)
			if (strlen(day_names[i].name) == len && strncasecmp(p, day_names[i].name, len) == 0)
				wd = day_names[i].wd;
		if (!wd)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "weekdays",
					     "unknown weekday '%.*s'; use ma, di, wo, do, vr",
					     (int)(len > 20 ? 20 : len), p);
		if (wd > 5)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "weekdays",
					     "meetings are planned on school days, Monday to Friday (not '%.*s')",
					     (int)(len > 20 ? 20 : len), p);
		for (int i = 0; i < req->n_weekdays; i++)
			if (req->weekdays[i] == wd)
				return samen_fail_at(err, SAMEN_EINVAL, 0, "weekdays",
						     "weekday '%.*s' is given twice",
						     (int)(len > 20 ? 20 : len), p);
		req->weekdays[req->n_weekdays++] = wd;
		p += len;
	}
	if (req->n_weekdays == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "weekdays",
				     "give at least one weekday (ma, di, wo, do, vr)");
	return 0;
}

static int parse_hhmm(const char *p, size_t len, int *out)
{
	if (len != 5 || p[2] != ':' || !isdigit((unsigned char)p[0]) ||
	    !isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[3]) ||
	    !isdigit((unsigned char)p[4]))
		return -1;
	int h = (p[0] - '0') * 10 + (p[1] - '0'), m = (p[3] - '0') * 10 + (p[4] - '0');
	if (h > 23 || m > 59)
		return -1;
	*out = h * 60 + m;
	return 0;
}

int planner_time_parse(const char *s, struct plan_request *req, struct samen_err *err)
{
	const char *dash = s ? strchr(s, '-') : NULL;
	int a, b;
	if (!dash || parse_hhmm(s, (size_t)(dash - s), &a) ||
	    parse_hhmm(dash + 1, strlen(dash + 1), &b))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "time",
				     "'%.20s' is not a time range like 15:30-17:00", s ? s : "");
	if (b <= a)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "time", "the meeting ends before it starts");
	req->start_min = a;
	req->end_min = b;
	return 0;
}

void planner_iso_week(long day, int *iso_year, int *iso_week)
{
	long thursday = day - (date_weekday(day) - 1) + 3;
	int y, m, d;
	date_civil(thursday, &y, &m, &d);
	*iso_year = y;
	*iso_week = (int)((thursday - date_days(y, 1, 1)) / 7) + 1;
}

/* ---- request checks ------------------------------------------------------- */

int planner_check_request(const struct calendar *c, const struct plan_request *req,
			  struct samen_err *err)
{
	if (req->count < 1 || req->count > PLAN_MAX_MEETINGS)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "count",
				     "a series has 1 to %d meetings, not %d", PLAN_MAX_MEETINGS,
				     req->count);
	if (req->to < req->from)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "to", "the period ends before it starts");
	if (req->to - req->from + 1 > PLAN_MAX_DAYS)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "to",
				     "a period lasts at most %d days (about three school years)",
				     PLAN_MAX_DAYS);
	if (req->n_weekdays < 1 || req->n_weekdays > 5)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "weekdays",
				     "give at least one weekday (ma, di, wo, do, vr)");
	for (int i = 0; i < req->n_weekdays; i++)
		if (req->weekdays[i] < 1 || req->weekdays[i] > 5)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "weekdays",
					     "meetings are planned on school days, Monday to Friday");
	if (req->start_min < 0 || req->end_min > 24 * 60 || req->end_min <= req->start_min)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "time", "the meeting ends before it starts");
	if (req->min_gap_weeks < 1)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "min_gap_weeks",
				     "the minimum gap is at least 1 week (one meeting per week)");
	if (req->max_gap_weeks != 0 && req->max_gap_weeks < req->min_gap_weeks)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "max_gap_weeks",
				     "the maximum gap (%d weeks) is smaller than the minimum gap (%d weeks)",
				     req->max_gap_weeks, req->min_gap_weeks);
	unsigned regions = calendar_scope_regions(&req->scope);
	if (!regions)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "schools",
				     "name at least one school or holiday region");
	for (size_t i = 0; i < req->scope.n_schools; i++)
		if (req->scope.schools[i].region < 0 || req->scope.schools[i].region >= CAL_NREGIONS)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "schools",
					     "school %lld has no known holiday region",
					     (long long)req->scope.schools[i].id);
	/* A period starting before mid-September still meets the previous zomervakantie. */
	int first = calendar_school_year_of(req->from - 45), last = calendar_school_year_of(req->to);
	for (int r = 0; r < CAL_NREGIONS; r++) {
		if (!(regions & (1u << r)))
			continue;
		for (int y = first; y <= last; y++) {
			if (calendar_has_school_year(c, r, y))
				continue;
			char sy[10];
			calendar_school_year_text(y, sy);
			return samen_fail_at(err, SAMEN_EINVAL, 0, y == last ? "to" : "from",
					     "no school holidays are known for region %s in school year %s;"
					     " import them first (samen holidays import)",
					     calendar_region_name(r), sy);
		}
	}
	return 0;
}

/* ---- the weeks of a period -------------------------------------------------- */

struct weeks {
	long m0;                  /* Monday of week 0 */
	size_t nw;
	struct plan_week *w;
	unsigned char *free_wd;   /* per week: bit (1 << wd) when weekday wd is in the period and free */
	struct plan_week_reason *reasons;
	size_t n_reasons, cap_reasons;
	unsigned allowed;         /* bits (1 << wd) of the requested weekdays */
	long n_s;                 /* schools counted for the pressure (at least 1) */
};

static void weeks_release(struct weeks *k)
{
	free(k->w);
	free(k->free_wd);
	free(k->reasons);
	memset(k, 0, sizeof *k);
}

static int add_week_reason(struct weeks *k, struct plan_week *w, struct cal_reason r, int wd,
			   struct samen_err *err)
{
	for (size_t i = w->first_reason; i < w->first_reason + w->n_reasons; i++)
		if (k->reasons[i].r.kind == r.kind && k->reasons[i].r.index == r.index) {
			k->reasons[i].weekdays |= 1u << wd;
			return 0;
		}
	if (k->n_reasons == k->cap_reasons) {
		size_t nc = k->cap_reasons ? k->cap_reasons * 2 : 64;
		void *p = realloc(k->reasons, nc * sizeof *k->reasons);
		if (!p)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		k->reasons = p;
		k->cap_reasons = nc;
	}
	k->reasons[k->n_reasons++] = (struct plan_week_reason){r, 1u << wd};
	w->n_reasons++;
	return 0;
}

static bool day_has_holiday(const struct cal_daymap *m, long d)
{
	if (d < m->from || d > m->to)
		return false;
	size_t i = (size_t)(d - m->from);
	for (uint32_t j = m->first[i]; j < m->first[i + 1]; j++)
		if (m->reasons[j].kind == CAL_R_HOLIDAY)
			return true;
	return false;
}

static bool week_has_holiday(const struct cal_daymap *m, long monday)
{
	for (long d = monday; d < monday + 5; d++)
		if (day_has_holiday(m, d))
			return true;
	return false;
}

static int id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* Distinct involved schools busy on Monday-Friday of the week. */
static int week_busy_schools(const struct calendar *c, const struct cal_daymap *m, long monday,
			     int64_t *scratch, size_t cap)
{
	size_t n = 0;
	for (long d = monday; d < monday + 5; d++) {
		size_t i = (size_t)(d - m->from);
		for (uint32_t j = m->first[i]; j < m->first[i + 1]; j++)
			if (m->reasons[j].kind == CAL_R_BUSY && n < cap)
				scratch[n++] = c->busy[m->reasons[j].index].school_id;
	}
	if (n == 0)
		return 0;
	qsort(scratch, n, sizeof *scratch, id_cmp);
	int distinct = 1;
	for (size_t i = 1; i < n; i++)
		distinct += scratch[i] != scratch[i - 1];
	return distinct;
}

static bool week_in_adviesweek(const struct calendar *c, const struct plan_request *req,
			       long monday)
{
	if (req->scope.adviesweek)
		return false; /* then it blocks days instead */
	unsigned regions = calendar_scope_regions(&req->scope);
	for (size_t i = 0; i < c->n_holidays; i++) {
		const struct cal_holiday *h = &c->holidays[i];
		if (h->kind == CAL_MEI_ADVIES && (regions & (1u << h->region)) &&
		    h->start <= monday + 4 && h->end >= monday)
			return true;
	}
	return false;
}

static int build_weeks(const struct calendar *c, const struct plan_request *req, struct weeks *k,
		       struct samen_err *err)
{
	memset(k, 0, sizeof *k);
	for (int i = 0; i < req->n_weekdays; i++)
		k->allowed |= 1u << req->weekdays[i];
	long first = 0, last = 0;
	for (long d = req->from; d <= req->to; d++)
		if (k->allowed & (1u << date_weekday(d))) {
			first = d;
			break;
		}
	for (long d = req->to; d >= req->from; d--)
		if (k->allowed & (1u << date_weekday(d))) {
			last = d;
			break;
		}
	if (!first)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "weekdays",
				     "the period holds none of the allowed weekdays");
	k->m0 = first - (date_weekday(first) - 1);
	long mlast = last - (date_weekday(last) - 1);
	k->nw = (size_t)((mlast - k->m0) / 7 + 1);
	k->n_s = req->scope.n_schools > 0 ? (long)req->scope.n_schools : 1;

	struct cal_daymap map;
	int rc = calendar_daymap_build(c, &req->scope, k->m0 - 7, mlast + 13, &map, err);
	if (rc)
		return rc;
	k->w = calloc(k->nw, sizeof *k->w);
	k->free_wd = calloc(k->nw, 1);
	size_t scratch_cap = map.n_reasons + 1;
	int64_t *scratch = malloc(scratch_cap * sizeof *scratch);
	if (!k->w || !k->free_wd || !scratch) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < k->nw; i++) {
		struct plan_week *w = &k->w[i];
		w->monday = k->m0 + 7 * (long)i;
		planner_iso_week(w->monday, &w->iso_year, &w->iso_week);
		for (int wd = 1; wd <= 5; wd++) {
			long d = w->monday + wd - 1;
			size_t di = (size_t)(d - map.from);
			if (d >= req->from && d <= req->to && map.first[di] == map.first[di + 1])
				k->free_wd[i] |= (unsigned char)(1u << wd);
		}
		for (int j = 0; j < req->n_weekdays; j++)
			if (k->free_wd[i] & (1u << req->weekdays[j])) {
				w->free = true;
				w->day = w->monday + req->weekdays[j] - 1;
				break;
			}
		w->busy_schools = week_busy_schools(c, &map, w->monday, scratch, scratch_cap);
		w->near_holiday = week_has_holiday(&map, w->monday - 7) ||
				  week_has_holiday(&map, w->monday + 7);
		w->adviesweek = week_in_adviesweek(c, req, w->monday);
		w->first_reason = k->n_reasons;
		if (w->free)
			continue;
		for (int j = 0; rc == 0 && j < req->n_weekdays; j++) {
			int wd = req->weekdays[j];
			long d = w->monday + wd - 1;
			if (d < req->from || d > req->to)
				continue;
			size_t di = (size_t)(d - map.from);
			for (uint32_t q = map.first[di]; rc == 0 && q < map.first[di + 1]; q++)
				rc = add_week_reason(k, w, map.reasons[q], wd, err);
		}
		if (rc)
			goto out;
	}
out:
	free(scratch);
	calendar_daymap_release(&map);
	if (rc)
		weeks_release(k);
	return rc;
}

/* ---- feasibility and the objective ----------------------------------------- */

/* The longest chain of free weeks with gaps in [min_gap, max_gap] (0 = no maximum). */
static int chain_max(const bool *is_free, size_t nw, int min_gap, int max_gap, int *len)
{
	int best = 0;
	for (size_t w = 0; w < nw; w++) {
		len[w] = 0;
		if (!is_free[w])
			continue;
		int l = 1;
		long lo = max_gap ? (long)w - max_gap : 0;
		if (lo < 0)
			lo = 0;
		for (long p = (long)w - min_gap; p >= lo; p--)
			if (len[p] + 1 > l)
				l = len[p] + 1;
		len[w] = l;
		if (l > best)
			best = l;
	}
	return best;
}

struct objective {
	long n_s;        /* schools counted (at least 1) */
	long N;          /* meetings */
	long a, L;       /* first free week and span of the free weeks */
};

/* Cost of meeting k (0-based) in week w, in units of 1 / (4 N² n_s) weeks². */
static int64_t node_cost(const struct objective *o, const struct plan_week *w, long k, long wi)
{
	int64_t D = 2 * o->N * (wi - o->a) - (2 * k + 1) * o->L;
	int64_t c = o->n_s * D * D;
	c += (int64_t)PLAN_BUSY_WEIGHT * 4 * o->N * o->N * w->busy_schools;
	c += (int64_t)PLAN_NEAR_WEIGHT_HALF * 2 * o->N * o->N * o->n_s *
	     ((w->near_holiday ? 1 : 0) + (w->adviesweek ? 1 : 0));
	return c;
}

static double cost_weeks2(const struct objective *o, int64_t c)
{
	return (double)c / (4.0 * (double)o->N * (double)o->N * (double)o->n_s);
}

static void objective_init(struct objective *o, const struct weeks *k, long N)
{
	o->n_s = k->n_s;
	o->N = N;
	long a = -1, b = -1;
	for (size_t i = 0; i < k->nw; i++)
		if (k->w[i].free) {
			if (a < 0)
				a = (long)i;
			b = (long)i;
		}
	o->a = a < 0 ? 0 : a;
	o->L = a < 0 ? 1 : b - a + 1;
}

/* Exact minimum of the objective; writes the chosen week of each meeting. */
static int solve(const struct weeks *k, const bool *is_free, const struct objective *o, int min_gap,
		 int max_gap, size_t *chosen, int64_t *total, struct samen_err *err)
{
	size_t nw = k->nw, N = (size_t)o->N;
	int64_t *best = malloc(N * nw * sizeof *best);
	int32_t *prev = malloc(N * nw * sizeof *prev);
	if (!best || !prev) {
		free(best);
		free(prev);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	for (size_t m = 0; m < N; m++)
		for (size_t w = 0; w < nw; w++) {
			int64_t *cell = &best[m * nw + w];
			*cell = INF_COST;
			prev[m * nw + w] = -1;
			if (!is_free[w])
				continue;
			int64_t here = node_cost(o, &k->w[w], (long)m, (long)w);
			if (m == 0) {
				*cell = here;
				continue;
			}
			long lo = max_gap ? (long)w - max_gap : 0;
			if (lo < 0)
				lo = 0;
			int64_t from = INF_COST;
			int32_t arg = -1;
			for (long p = lo; p <= (long)w - min_gap; p++) {
				int64_t v = best[(m - 1) * nw + (size_t)p];
				if (v < from) {
					from = v;
					arg = (int32_t)p;
				}
			}
			if (arg >= 0) {
				*cell = from + here;
				prev[m * nw + w] = arg;
			}
		}
	int64_t end = INF_COST;
	long arg = -1;
	for (size_t w = 0; w < nw; w++)
		if (best[(N - 1) * nw + w] < end) {
			end = best[(N - 1) * nw + w];
			arg = (long)w;
		}
	int rc = 0;
	if (arg < 0) {
		rc = samen_fail(err, SAMEN_EINTERNAL, "planner: no solution after a feasible check");
	} else {
		*total = end;
		for (size_t m = N; m-- > 0;) {
			chosen[m] = (size_t)arg;
			arg = prev[m * nw + (size_t)arg];
		}
	}
	free(best);
	free(prev);
	return rc;
}

/* ---- planning ---------------------------------------------------------------- */

void planner_result_release(struct plan_result *r)
{
	free(r->meetings);
	free(r->weeks);
	free(r->reasons);
	memset(r, 0, sizeof *r);
}

static void add_fix(struct plan_result *out, enum plan_fix_kind kind, long value, int free_weeks)
{
	if (out->n_fixes < PLAN_MAX_FIXES)
		out->fixes[out->n_fixes++] = (struct plan_fix){kind, value, free_weeks};
}

static void diagnose(const struct weeks *k, const struct plan_request *req, const bool *is_free,
		     int *len, struct plan_result *out)
{
	size_t nw = k->nw;
	int N = req->count;
	if (out->free_weeks < N)
		out->binding = PLAN_FREE_WEEKS;
	else if (chain_max(is_free, nw, req->min_gap_weeks, 0, len) < N)
		out->binding = PLAN_MIN_GAP;
	else
		out->binding = PLAN_MAX_GAP;
	if (out->binding == PLAN_MAX_GAP) {
		/* The longest run of weeks without a free week between two free weeks. */
		long best = 0, last_free = -1;
		for (size_t w = 0; w < nw; w++) {
			if (!is_free[w])
				continue;
			if (last_free >= 0 && (long)w - last_free - 1 > best) {
				best = (long)w - last_free - 1;
				out->stretch_from = k->w[last_free + 1].monday;
				out->stretch_to = k->w[w - 1].monday;
			}
			last_free = (long)w;
		}
	}
	if (out->max_count >= 1)
		add_fix(out, PLAN_FIX_COUNT, out->max_count, out->free_weeks);
	for (int g = req->min_gap_weeks - 1; g >= 1; g--)
		if (chain_max(is_free, nw, g, req->max_gap_weeks, len) >= N) {
			add_fix(out, PLAN_FIX_MIN_GAP, g, out->free_weeks);
			break;
		}
	if (req->max_gap_weeks > 0)
		for (long g = req->max_gap_weeks + 1; g <= (long)nw; g++)
			if (chain_max(is_free, nw, req->min_gap_weeks, (int)g, len) >= N) {
				add_fix(out, PLAN_FIX_MAX_GAP, g, out->free_weeks);
				break;
			}
	bool *alt = malloc(nw ? nw : 1);
	if (!alt)
		return;
	for (int wd = 1; wd <= 5; wd++) {
		if (k->allowed & (1u << wd))
			continue;
		unsigned mask = k->allowed | (1u << wd);
		int n_free = 0;
		for (size_t w = 0; w < nw; w++) {
			alt[w] = (k->free_wd[w] & mask) != 0;
			n_free += alt[w];
		}
		if (chain_max(alt, nw, req->min_gap_weeks, req->max_gap_weeks, len) >= N)
			add_fix(out, PLAN_FIX_WEEKDAY, wd, n_free);
	}
	free(alt);
}

int planner_plan(const struct calendar *c, const struct plan_request *req,
		 struct plan_result *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	int rc = planner_check_request(c, req, err);
	if (rc)
		return rc;
	struct weeks k;
	rc = build_weeks(c, req, &k, err);
	if (rc)
		return rc;
	size_t nw = k.nw;
	bool *free_w = malloc(nw);
	int *len = malloc(nw * sizeof *len);
	size_t *chosen = malloc((size_t)req->count * sizeof *chosen);
	if (!free_w || !len || !chosen) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t w = 0; w < nw; w++) {
		free_w[w] = k.w[w].free;
		out->free_weeks += free_w[w];
	}
	struct objective o;
	objective_init(&o, &k, req->count);
	out->ideal_gap_weeks = out->free_weeks ? (double)o.L / req->count : 0;
	out->max_count = chain_max(free_w, nw, req->min_gap_weeks, req->max_gap_weeks, len);
	out->feasible = out->max_count >= req->count;
	if (out->feasible) {
		int64_t total = 0;
		rc = solve(&k, free_w, &o, req->min_gap_weeks, req->max_gap_weeks, chosen, &total,
			   err);
		if (rc)
			goto out;
		out->meetings = calloc((size_t)req->count, sizeof *out->meetings);
		if (!out->meetings) {
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			goto out;
		}
		out->n_meetings = (size_t)req->count;
		for (size_t m = 0; m < out->n_meetings; m++) {
			out->meetings[m].week = chosen[m];
			out->meetings[m].day = k.w[chosen[m]].day;
			out->meetings[m].gap_weeks = m ? (int)(chosen[m] - chosen[m - 1]) : 0;
		}
		out->cost = cost_weeks2(&o, total);
		out->binding = PLAN_FITS;
	} else {
		diagnose(&k, req, free_w, len, out);
	}
	/* Hand the weeks and their reasons to the result. */
	out->weeks = k.w;
	out->n_weeks = k.nw;
	out->reasons = k.reasons;
	out->n_reasons = k.n_reasons;
	k.w = NULL;
	k.reasons = NULL;
out:
	free(free_w);
	free(len);
	free(chosen);
	weeks_release(&k);
	if (rc)
		planner_result_release(out);
	return rc;
}

/* ---- alternatives -------------------------------------------------------------- */

struct cand {
	struct plan_alternative alt;
	int64_t cost;
};

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->alt.within_spacing != y->alt.within_spacing)
		return x->alt.within_spacing ? -1 : 1;
	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return x->alt.day < y->alt.day ? -1 : x->alt.day > y->alt.day;
}

static long floor_div7(long v)
{
	return v >= 0 ? v / 7 : -((-v + 6) / 7);
}

int planner_alternatives(const struct calendar *c, const struct plan_request *req,
			 const long *days, size_t n, size_t k_index, struct plan_alternative *out,
			 size_t max, size_t *n_out, struct samen_err *err)
{
	*n_out = 0;
	if (n == 0 || k_index >= n)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "meeting", "no such meeting in the series");
	struct plan_request r = *req;
	r.count = (int)n;
	int rc = planner_check_request(c, &r, err);
	if (rc)
		return rc;
	struct weeks k;
	rc = build_weeks(c, &r, &k, err);
	if (rc)
		return rc;
	/* Rank of the moved meeting and its neighbours in date order. */
	size_t rank = 0;
	long prev_w = LONG_MIN, next_w = LONG_MAX;
	long own = days[k_index];
	for (size_t i = 0; i < n; i++) {
		if (i == k_index)
			continue;
		if (days[i] < own || (days[i] == own && i < k_index)) {
			rank++;
			long w = floor_div7(days[i] - k.m0);
			if (prev_w == LONG_MIN || w > prev_w)
				prev_w = w;
		} else {
			long w = floor_div7(days[i] - k.m0);
			if (w < next_w)
				next_w = w;
		}
	}
	struct objective o;
	objective_init(&o, &k, (long)n);
	struct cand *cands = malloc(k.nw * 5 * sizeof *cands);
	if (!cands) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	size_t nc = 0;
	for (size_t w = 0; w < k.nw; w++) {
		bool taken = false;
		for (size_t i = 0; i < n && !taken; i++)
			taken = i != k_index && floor_div7(days[i] - k.m0) == (long)w;
		if (taken)
			continue;
		long wi = (long)w;
		bool within = true;
		if (prev_w != LONG_MIN)
			within = within && wi - prev_w >= r.min_gap_weeks &&
				 (r.max_gap_weeks == 0 || wi - prev_w <= r.max_gap_weeks);
		if (next_w != LONG_MAX)
			within = within && next_w - wi >= r.min_gap_weeks &&
				 (r.max_gap_weeks == 0 || next_w - wi <= r.max_gap_weeks);
		int64_t cost = node_cost(&o, &k.w[w], (long)rank, wi);
		for (int j = 0; j < r.n_weekdays; j++) {
			int wd = r.weekdays[j];
			long d = k.w[w].monday + wd - 1;
			if (!(k.free_wd[w] & (1u << wd)) || d == own)
				continue;
			struct cand *cd = &cands[nc++];
			cd->alt.day = d;
			cd->alt.within_spacing = within;
			cd->alt.busy_schools = k.w[w].busy_schools;
			cd->alt.near_holiday = k.w[w].near_holiday;
			cd->alt.cost = cost_weeks2(&o, cost);
			cd->cost = cost;
		}
	}
	qsort(cands, nc, sizeof *cands, cand_cmp);
	for (size_t i = 0; i < nc && i < max; i++)
		out[(*n_out)++] = cands[i].alt;
	free(cands);
out:
	weeks_release(&k);
	return rc;
}

/* ---- lead time ------------------------------------------------------------------- */

bool planner_step_lacks_meeting(bool done, long due, long next_meeting)
{
	if (done)
		return false;
	return next_meeting == 0 || (due != 0 && next_meeting > due);
}

/* ---- texts ---------------------------------------------------------------------- */

void planner_explain(const struct plan_request *req, const struct plan_result *res, char *out,
		     size_t n)
{
	char a[11], b[11];
	switch (res->binding) {
	case PLAN_FITS:
		snprintf(out, n, "%s", "");
		return;
	case PLAN_FREE_WEEKS:
		date_format(req->from, a);
		date_format(req->to, b);
		snprintf(out, n, "Only %d free week%s between %s and %s for %d meetings.",
			 res->free_weeks, res->free_weeks == 1 ? "" : "s", a, b, req->count);
		return;
	case PLAN_MIN_GAP:
		snprintf(out, n,
			 "With at least %d weeks between meetings only %d of the %d free weeks can be"
			 " used; %d meetings need more.",
			 req->min_gap_weeks, res->max_count, res->free_weeks, req->count);
		return;
	case PLAN_MAX_GAP:
		date_format(res->stretch_from, a);
		date_format(res->stretch_to, b);
		snprintf(out, n,
			 "No free week from %s to %s (%ld weeks): with at most %d weeks between"
			 " meetings the series cannot bridge it, and only %d meetings fit on one side.",
			 a, b, (res->stretch_to - res->stretch_from) / 7 + 1, req->max_gap_weeks,
			 res->max_count);
		return;
	}
	snprintf(out, n, "%s", "");
}

void planner_fix_text(const struct plan_request *req, const struct plan_fix *fix, char *out,
		      size_t n)
{
	switch (fix->kind) {
	case PLAN_FIX_COUNT:
		snprintf(out, n, "plan %ld meeting%s instead of %d", fix->value,
			 fix->value == 1 ? "" : "s", req->count);
		return;
	case PLAN_FIX_MIN_GAP:
		snprintf(out, n, "lower the minimum gap to %ld week%s", fix->value,
			 fix->value == 1 ? "" : "s");
		return;
	case PLAN_FIX_MAX_GAP:
		snprintf(out, n, "raise the maximum gap to %ld weeks", fix->value);
		return;
	case PLAN_FIX_WEEKDAY:
		snprintf(out, n, "allow %s too (%d free weeks)", planner_weekday_nl((int)fix->value),
			 fix->free_weeks);
		return;
	}
	snprintf(out, n, "%s", "");
}

void planner_week_text(const struct calendar *c, const struct plan_request *req,
		       const struct plan_result *res, size_t week, char *out, size_t n)
{
	const struct plan_week *w = &res->weeks[week];
	unsigned in_range = 0;
	for (int i = 0; i < req->n_weekdays; i++) {
		long d = w->monday + req->weekdays[i] - 1;
		if (d >= req->from && d <= req->to)
			in_range |= 1u << req->weekdays[i];
	}
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = w->first_reason; i < w->first_reason + w->n_reasons && o + 1 < n; i++) {
		char t[256];
		calendar_reason_text(c, &req->scope, &res->reasons[i].r, t, sizeof t);
		int k = snprintf(out + o, n - o, "%s%s", o ? "; " : "", t);
		if (k < 0)
			break;
		o += (size_t)k < n - o ? (size_t)k : n - o - 1;
		unsigned mask = res->reasons[i].weekdays;
		if (mask == in_range)
			continue;
		for (int j = 0, first = 1; j < req->n_weekdays && o + 1 < n; j++) {
			int wd = req->weekdays[j];
			if (!(mask & (1u << wd)))
				continue;
			k = snprintf(out + o, n - o, "%s%s", first ? " (" : ", ", planner_weekday_nl(wd));
			if (k < 0)
				break;
			o += (size_t)k < n - o ? (size_t)k : n - o - 1;
			first = 0;
		}
		if (o + 1 < n) {
			out[o++] = ')';
			out[o] = '\0';
		}
	}
}
