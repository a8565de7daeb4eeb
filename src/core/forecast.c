/*
 * forecast.c - the stock-flow model with Monte Carlo outflow (see
 * forecast.h), and its scenario parameters with their sources.
 */
#include "core/forecast.h"
#include "util/date.h"
#include "util/rng.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SRC_OUTFLOW "about 3-5% a year leave VO for other reasons than retirement after " \
	"the first year (https://www.pedagogiekdigitaal.nl/p/uitval-leraren-in-het-vo-tijdens-" \
	"inductiefase/6234); DOMAIN-RULES section 6"
#define SRC_STARTERS "20% of VO teachers under 30 who started in 2017 had left after one year " \
	"(https://www.onderwijsincijfers.nl/kengetallen/vo/personeel-vo/uitval-startende-leraren-vo)"
#define SRC_OLDER "more than a third of those leaving VO are 55+ " \
	"(https://www.vosabb.nl/ruim-helft-instromers-jonger-dan-35-jaar/); the 60+ rate (early " \
	"retirement before the AOW age) is an estimate [UNCERTAIN]: set it from the region's own data"
#define SRC_INFLOW "estimate [UNCERTAIN]: no open regional figure per subject; set it from " \
	"Centerdata's regional reports (https://www.centerdata.nl/actueel/diverse-rapporten-" \
	"onderwijsarbeidsmarkt) or the region's own intake"
#define SRC_PUPILS "growth scenario when no DUO prognosis is loaded; pupil numbers in VO are " \
	"falling (https://www.trouw.nl/onderwijs/het-aantal-leerlingen-daalt-waarom-het-" \
	"lerarentekort-dan-niet~be83d558/); DUO prognoses: brin4_prognosesvo.csv"

#define OFF(f) offsetof(struct fc_params, f)

static const struct fc_param_info params[] = {
	{"leave_lt30", 0, 1, 0.05, true, "other leaving per year, under 30 (after the first year)",
	 SRC_OUTFLOW, OFF(leave[0])},
	{"leave_30_44", 0, 1, 0.04, true, "other leaving per year, 30-44", SRC_OUTFLOW,
	 OFF(leave[1])},
	{"leave_45_54", 0, 1, 0.03, true, "other leaving per year, 45-54", SRC_OUTFLOW,
	 OFF(leave[2])},
	{"leave_55_59", 0, 1, 0.04, true, "other leaving per year, 55-59", SRC_OLDER,
	 OFF(leave[3])},
	{"leave_60plus", 0, 1, 0.08, true, "leaving per year from 60 until the AOW age", SRC_OLDER,
	 OFF(leave[4])},
	{"starter_leave", 0, 1, 0.20, true, "newcomers leaving in their first year", SRC_STARTERS,
	 OFF(starter_leave)},
	{"inflow_graduates", 0, 1, 0.03, true,
	 "new graduates per year, as a share of today's FTE", SRC_INFLOW, OFF(inflow_graduates)},
	{"inflow_zij", 0, 1, 0.01, true, "zij-instromers per year, as a share of today's FTE",
	 SRC_INFLOW, OFF(inflow_zij)},
	{"inflow_returners", 0, 1, 0.005, true, "returners per year, as a share of today's FTE",
	 SRC_INFLOW, OFF(inflow_returners)},
	{"work_past_aow", 0, 1, 0.0, true,
	 "share still working each year past the AOW age",
	 "assumption: everyone leaves at the AOW age (the CAO VO contract ends then)",
	 OFF(work_past_aow)},
	{"pupil_change", -0.5, 0.5, -0.01, false,
	 "growth scenario: yearly change of pupil numbers (-0.01 = 1% fewer a year)", SRC_PUPILS,
	 OFF(pupil_change)},
	{"use_prognosis", 0, 1, 1, false,
	 "1: demand follows DUO pupil prognoses where loaded; 0: the growth scenario",
	 "Samen default", OFF(use_prognosis)},
	{"runs", 1, FC_MAX_RUNS, 1000, false, "Monte Carlo runs", "issue 3: at least 1,000",
	 OFF(runs)},
	{"years", 1, FC_MAX_YEARS, 10, false, "school years ahead", "issue 3: ten school years",
	 OFF(years)},
};

const struct fc_param_info *forecast_param_info(size_t *n)
{
	*n = sizeof params / sizeof params[0];
	return params;
}

static double *field(struct fc_params *p, const struct fc_param_info *i)
{
	return (double *)(void *)((char *)p + i->offset);
}

static const double *cfield(const struct fc_params *p, const struct fc_param_info *i)
{
	return (const double *)(const void *)((const char *)p + i->offset);
}

void forecast_defaults(struct fc_params *p)
{
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < sizeof params / sizeof params[0]; i++)
		*field(p, &params[i]) = params[i].def;
	p->seed = 1;
}

static const struct fc_param_info *find(const char *name)
{
	for (size_t i = 0; name && i < sizeof params / sizeof params[0]; i++)
		if (strcmp(params[i].name, name) == 0)
			return &params[i];
	return NULL;
}

static int check(const struct fc_param_info *i, double v, struct samen_err *err)
{
	if (!isfinite(v) || v < i->min || v > i->max) {
		if (i->is_rate)
			return samen_fail_at(err, SAMEN_EINVAL, 0, i->name,
					     "%s must be between 0 and 1 (a rate), not %g", i->name, v);
		return samen_fail_at(err, SAMEN_EINVAL, 0, i->name, "%s must be between %g and %g, not %g",
				     i->name, i->min, i->max, v);
	}
	if ((strcmp(i->name, "runs") == 0 || strcmp(i->name, "years") == 0 ||
	     strcmp(i->name, "use_prognosis") == 0) && v != floor(v))
		return samen_fail_at(err, SAMEN_EINVAL, 0, i->name, "%s must be a whole number", i->name);
	return 0;
}

int forecast_param_set(struct fc_params *p, const char *name, const char *value,
		       struct samen_err *err)
{
	if (!value || !*value)
		return samen_fail_at(err, SAMEN_EINVAL, 0, name ? name : "", "no value given");
	if (name && strcmp(name, "seed") == 0) {
		char *end;
		errno = 0;
		unsigned long long s = strtoull(value, &end, 10);
		if (errno || *end || value[0] == '-')
			return samen_fail_at(err, SAMEN_EINVAL, 0, "seed",
					     "seed must be a whole number >= 0, not '%s'", value);
		p->seed = (uint64_t)s;
		return 0;
	}
	const struct fc_param_info *i = find(name);
	if (!i)
		return samen_fail_at(err, SAMEN_EINVAL, 0, name ? name : "",
				     "unknown scenario parameter '%s'", name ? name : "");
	char num[64];
	if (strlen(value) >= sizeof num)
		return samen_fail_at(err, SAMEN_EINVAL, 0, i->name, "%s: value too long", i->name);
	snprintf(num, sizeof num, "%s", value);
	for (char *c = num; *c; c++)
		if (*c == ',')
			*c = '.';
	char *end;
	errno = 0;
	double v = strtod(num, &end);
	if (errno || end == num || *end)
		return samen_fail_at(err, SAMEN_EINVAL, 0, i->name, "%s: '%s' is not a number",
				     i->name, value);
	int rc = check(i, v, err);
	if (rc)
		return rc;
	*field(p, i) = v;
	return 0;
}

double forecast_param_get(const struct fc_params *p, const char *name)
{
	if (name && strcmp(name, "seed") == 0)
		return (double)p->seed;
	const struct fc_param_info *i = find(name);
	return i ? *cfield(p, i) : 0;
}

int forecast_params_validate(const struct fc_params *p, struct samen_err *err)
{
	for (size_t i = 0; i < sizeof params / sizeof params[0]; i++) {
		int rc = check(&params[i], *cfield(p, &params[i]), err);
		if (rc)
			return rc;
	}
	return 0;
}

uint64_t forecast_key(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int band_of(int age)
{
	if (age < 30)
		return 0;
	if (age < 45)
		return 1;
	if (age < 55)
		return 2;
	if (age < 60)
		return 3;
	return 4;
}

/* The day `years` after day (29 February becomes 28 February). */
static long years_after(long day, int years)
{
	int y, m, d;
	date_civil(day, &y, &m, &d);
	y += years;
	if (m == 2 && d == 29 && !date_valid(y, 2, 29))
		d = 28;
	return date_days(y, m, d);
}

/*
 * The k-th smallest of v[0..n-1] (0-based), reordering v (Hoare's
 * quickselect with the middle element as pivot; deterministic).
 */
static double select_kth(double *v, int n, int k)
{
	int lo = 0, hi = n - 1;
	while (lo < hi) {
		double pivot = v[lo + (hi - lo) / 2];
		int i = lo, j = hi;
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				double t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return v[k];
	}
	return v[k];
}

/* Nearest-rank percentile of v[0..n-1]: the value at ceil(q * n) - 1 in sorted order. */
static double rank(double *v, int n, double q)
{
	int k = (int)ceil(q * n) - 1;
	if (k < 0)
		k = 0;
	if (k >= n)
		k = n - 1;
	return select_kth(v, n, k);
}

int forecast_run(const struct fc_group *g, const struct fc_params *p, long today,
		 struct fc_result *out, struct samen_err *err)
{
	int rc = forecast_params_validate(p, err);
	if (rc)
		return rc;
	int years = (int)p->years, runs = (int)p->runs;
	memset(out, 0, sizeof *out);
	out->years = years;
	out->runs = runs;
	double stock = 0;
	for (size_t i = 0; i < g->npersons; i++) {
		if (!(g->persons[i].fte >= 0))
			return samen_fail_at(err, SAMEN_EINVAL, (long)i + 1, "fte",
					     "person %zu: FTE cannot be negative", i + 1);
		stock += g->persons[i].fte;
	}
	if (!(g->vacancy_fte >= 0))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "vacancy_fte",
				     "open vacancies' FTE cannot be negative");
	double index[FC_MAX_YEARS + 1];
	index[0] = 1;
	for (int t = 1; t <= years; t++) {
		if (g->pupil_index && p->use_prognosis >= 0.5) {
			if (!(g->pupil_index[t] > 0))
				return samen_fail_at(err, SAMEN_EINVAL, t, "pupil_index",
						     "pupil index for year %d is not positive", t);
			index[t] = g->pupil_index[t] / (g->pupil_index[0] > 0 ? g->pupil_index[0] : 1);
		} else {
			index[t] = index[t - 1] * (1 + p->pupil_change);
		}
	}
	out->stock_fte = stock;
	double demand0 = stock + g->vacancy_fte;

	/* Expected inflow present at the start of each year t. */
	double inflow[FC_MAX_YEARS + 1] = {0};
	double per_year = stock * (p->inflow_graduates + p->inflow_zij + p->inflow_returners);
	for (int arrive = 1; arrive <= years; arrive++) {
		double w = per_year;
		for (int t = arrive; t <= years; t++) {
			inflow[t] += w;
			w *= t == arrive ? 1 - p->starter_leave : 1 - p->leave[1];
		}
	}

	/* Survival curve of each person: surv[i * (years + 1) + t]. */
	size_t n = g->npersons, stride = (size_t)years + 1;
	double *surv = malloc((n ? n : 1) * stride * sizeof *surv);
	double *loss = malloc(stride * sizeof *loss);
	double *shortage = malloc((size_t)runs * stride * sizeof *shortage);
	double *col = malloc((size_t)runs * sizeof *col);
	if (!surv || !loss || !shortage || !col) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	long ends[FC_MAX_YEARS + 1];
	for (int t = 0; t <= years; t++)
		ends[t] = years_after(today, t);
	for (size_t i = 0; i < n; i++) {
		const struct fc_person *q = &g->persons[i];
		double *s = &surv[i * stride];
		s[0] = 1;
		for (int t = 1; t <= years; t++) {
			double h;
			if (q->aow <= ends[t])
				h = 1 - p->work_past_aow;
			else
				h = p->leave[band_of(date_age(q->birth, ends[t - 1]))];
			s[t] = s[t - 1] * (1 - h);
		}
	}
	struct rng r;
	/* splitmix-style mixing of seed and key: rng_seed expands it further. */
	rng_seed(&r, p->seed ^ (g->key * 0x9e3779b97f4a7c15ULL));
	for (int run = 0; run < runs; run++) {
		for (int t = 0; t <= years; t++)
			loss[t] = 0;
		for (size_t i = 0; i < n; i++) {
			double u = rng_uniform(&r);
			const double *s = &surv[i * stride];
			/* Leaves in the first year t with u >= S(t): probability 1 - S(t) by then. */
			for (int t = 1; t <= years; t++)
				if (u >= s[t]) {
					loss[t] += g->persons[i].fte;
					break;
				}
		}
		double supply = stock;
		double *row = &shortage[(size_t)run * stride];
		row[0] = demand0 - stock;
		for (int t = 1; t <= years; t++) {
			supply -= loss[t];
			row[t] = demand0 * index[t] - (supply + inflow[t]);
		}
	}
	for (int t = 0; t <= years; t++) {
		double sum = 0;
		for (int run = 0; run < runs; run++) {
			col[run] = shortage[(size_t)run * stride + (size_t)t];
			sum += col[run];
		}
		struct fc_year *y = &out->y[t];
		y->demand = demand0 * index[t];
		y->shortage_mean = sum / runs;
		y->supply_mean = y->demand - y->shortage_mean;
		y->shortage_p5 = rank(col, runs, 0.05);
		y->shortage_p50 = rank(col, runs, 0.50);
		y->shortage_p95 = rank(col, runs, 0.95);
	}
out:
	free(surv);
	free(loss);
	free(shortage);
	free(col);
	return rc;
}
