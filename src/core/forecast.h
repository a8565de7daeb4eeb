/*
 * forecast.h - teacher supply and demand per subject and region for ten
 * school years: a stock-flow model with Monte Carlo simulation of each
 * person's leaving, reproducible from a seed.
 *
 * The model, year by year (t = 1..years; year 0 is the reference day):
 *  - stock: the people teaching the subject now, each with FTE, age and AOW
 *    date (pension_age.h);
 *  - outflow: in year t a person leaves for retirement when the AOW date
 *    falls on or before the end of year t (a share `work_past_aow` keeps
 *    working one more year at a time), otherwise with the other-leaving
 *    rate of their age band at the start of the year (<30, 30-44, 45-54,
 *    55-59, 60+). Each person's leaving year is drawn by inverse transform
 *    from their own survival curve: one uniform number per person per run;
 *  - inflow: each year new graduates, zij-instromers and returners arrive,
 *    each a share of the starting FTE; they leave at the starter rate in
 *    their first year and at the 30-44 rate after that (expected values);
 *  - demand: today's FTE plus the open vacancies' FTE (the current teacher
 *    per pupil ratio, unfilled demand included), scaled by the pupil index:
 *    DUO prognoses when given (and use_prognosis = 1), else the growth
 *    scenario (1 + pupil_change)^t;
 *  - shortage = demand - supply (negative: surplus), per run; the result
 *    gives its mean and the 5th, 50th and 95th percentiles over the runs
 *    (nearest rank), plus the mean supply and the demand.
 * The random stream of a group is seeded from the scenario seed and the
 * group's key (splitmix64 of both), so one subject's figures do not change
 * when other subjects are added or left out.
 *
 * Every rate is a named scenario parameter with a documented default and
 * source (forecast_param_info); setting one outside its range is an error,
 * never clamped.
 */
#ifndef SAMEN_FORECAST_H
#define SAMEN_FORECAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define FC_MAX_YEARS 10
#define FC_BANDS 5   /* <30, 30-44, 45-54, 55-59, 60+ */
#define FC_MAX_RUNS 100000

struct fc_params {
	double leave[FC_BANDS];     /* other leaving per year by age band, 0..1 */
	double starter_leave;       /* leaving of newcomers in their first year, 0..1 */
	double inflow_graduates;    /* new graduates per year, share of starting FTE, 0..1 */
	double inflow_zij;          /* zij-instromers per year, share of starting FTE, 0..1 */
	double inflow_returners;    /* returners per year, share of starting FTE, 0..1 */
	double work_past_aow;       /* share still working a year past the AOW age, 0..1 */
	double pupil_change;        /* growth scenario: yearly change of pupils, -0.5..0.5 */
	double use_prognosis;       /* 1: DUO pupil prognoses when available; 0: growth scenario */
	double runs;                /* Monte Carlo runs, 1..FC_MAX_RUNS (1,000 by default) */
	double years;               /* school years ahead, 1..FC_MAX_YEARS */
	uint64_t seed;
};

/* One parameter's description: name, range, default and where the default comes from. */
struct fc_param_info {
	const char *name;
	double min, max, def;
	bool is_rate;               /* a probability or share: must lie in 0..1 */
	const char *what;           /* English description */
	const char *source;         /* where the default comes from */
	size_t offset;              /* into struct fc_params (a double) */
};

/* The parameter table (static) and its length. */
const struct fc_param_info *forecast_param_info(size_t *n);

/* Fill p with every default (seed 1). */
void forecast_defaults(struct fc_params *p);

/*
 * Set parameter `name` from text (a number with '.' or ',' as decimal
 * separator; "seed" takes a non-negative integer). Errors: SAMEN_EINVAL
 * naming the parameter for an unknown name, a value that is not a number,
 * or one outside its range ("leave_lt30 must be between 0 and 1").
 */
int forecast_param_set(struct fc_params *p, const char *name, const char *value,
		       struct samen_err *err);

/* Read a parameter's value (NULL name: 0). For seed, the seed as a double. */
double forecast_param_get(const struct fc_params *p, const char *name);

/* Check every parameter's range. Errors as forecast_param_set. */
int forecast_params_validate(const struct fc_params *p, struct samen_err *err);

struct fc_person {
	long birth;   /* day number */
	long aow;     /* day the AOW age is reached */
	double fte;
};

struct fc_group {
	uint64_t key;                 /* mixes into the seed: e.g. a hash of the subject code */
	const struct fc_person *persons;
	size_t npersons;
	double vacancy_fte;           /* open vacancies: unfilled demand today */
	const double *pupil_index;    /* years + 1 entries, [0] = 1; NULL: growth scenario */
};

struct fc_year {
	double demand;
	double supply_mean;
	double shortage_mean, shortage_p5, shortage_p50, shortage_p95;
};

struct fc_result {
	int years, runs;
	double stock_fte;             /* year 0 FTE */
	struct fc_year y[FC_MAX_YEARS + 1]; /* [0] = today */
};

/*
 * Run the model for one group from reference day `today`. Errors:
 * SAMEN_EINVAL for bad parameters (forecast_params_validate), a person with
 * negative FTE, or a pupil index entry that is not positive; SAMEN_ENOMEM.
 * Thread-safe (no shared state).
 */
int forecast_run(const struct fc_group *g, const struct fc_params *p, long today,
		 struct fc_result *out, struct samen_err *err);

/* 64-bit FNV-1a of a string, for group keys. */
uint64_t forecast_key(const char *s);

#endif
