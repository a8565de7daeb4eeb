/*
 * factbase.h - one region's fact base, assembled: the loaded data
 * (store/facts.h), every indicator with rule 33 applied (indicators.h),
 * the DUO pupil counts and prognosis, and the forecast of every subject
 * for one scenario (forecast.h). The command line (`samen facts`,
 * `samen forecast`) and the web pages and API build exactly this, so they
 * show the same numbers.
 *
 * Publication rules (privacy, rule 33): a subject's forecast is published
 * only when the region's headcount cell of that subject is shown; FTE and
 * shares follow their count's state (factbase_count_shown).
 */
#ifndef SAMEN_FACTBASE_H
#define SAMEN_FACTBASE_H

#include <stdbool.h>

#include "core/forecast.h"
#include "core/indicators.h"
#include "store/facts.h"

struct factbase {
	struct facts_data d;
	struct ind_result ind;          /* suppressed */
	char version[96];               /* facts_version_key at build time */
	/* Pupils (DUO): region total of the current school year, and the prognosis index. */
	int ref_year;                   /* school year starting in this calendar year */
	long pupils_known, pupils_masked;
	bool has_prognosis;
	double pupil_index[FC_MAX_YEARS + 1];
	/* The forecast, per subject index (d.nsubjects entries). */
	char scenario[64];              /* "" = defaults */
	struct fc_params params;
	struct fc_result *fc;
	bool *fc_published;
	double *fc_vacancy_fte;
	/* DUO teaching staff per board (for the disagreement view). */
	struct duo_staff_row *duo_staff;
	size_t nduo_staff;
};

/*
 * Build region_id's fact base on day `today`. scenario: a saved scenario's
 * name, or NULL/"" for the defaults; params_override (may be NULL) replaces
 * the scenario's parameters entirely (the CLI's --runs/--seed are applied
 * by the caller to a copy). Errors from the store, the indicators
 * (SAMEN_EINVAL for impossible data) and the forecast; SAMEN_ENOTFOUND for
 * an unknown region or scenario.
 */
int factbase_build(struct db *db, int64_t region_id, long today, const char *scenario,
		   const struct fc_params *params_override, struct factbase *out,
		   struct samen_err *err);

/* Free everything; fb is empty afterwards. */
void factbase_free(struct factbase *fb);

/* Is count c of group (node, axis) published and not suppressed? */
bool factbase_count_shown(const struct factbase *fb, int node, int axis, enum ind_count c);

/* School year label of year offset t: "2026-2027" for t = 0 when ref_year is 2026. */
void factbase_year_label(const struct factbase *fb, int t, char out[16]);

#endif
