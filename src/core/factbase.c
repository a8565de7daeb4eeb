/*
 * factbase.c - assembling one region's fact base (see factbase.h).
 */
#include "core/factbase.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void factbase_free(struct factbase *fb)
{
	facts_data_free(&fb->d);
	indicators_free(&fb->ind);
	free(fb->fc);
	free(fb->fc_published);
	free(fb->fc_vacancy_fte);
	free(fb->duo_staff);
	memset(fb, 0, sizeof *fb);
}

bool factbase_count_shown(const struct factbase *fb, int node, int axis, enum ind_count c)
{
	if (!ind_published(&fb->ind, node, axis, c))
		return false;
	return ind_group_at(&fb->ind, node, axis)->state[c] == PRIV_SHOWN;
}

void factbase_year_label(const struct factbase *fb, int t, char out[16])
{
	snprintf(out, 16, "%d-%d", fb->ref_year + t, fb->ref_year + t + 1);
}

/* Region pupils of the reference school year and the prognosis as an index. */
static int pupils(struct db *db, struct factbase *fb, struct samen_err *err)
{
	struct pupil_row *rows;
	size_t n;
	int rc = facts_pupils(db, fb->d.region_id, &rows, &n, err);
	if (rc)
		return rc;
	/* The latest year DUO has for the region. */
	int latest = 0;
	for (size_t i = 0; i < n; i++)
		if (rows[i].year > latest)
			latest = rows[i].year;
	for (size_t i = 0; i < n; i++)
		if (rows[i].year == latest) {
			fb->pupils_known += rows[i].known;
			fb->pupils_masked += rows[i].masked;
		}
	free(rows);
	int years[64];
	double counts[64];
	size_t ny;
	rc = facts_prognosis(db, fb->d.region_id, years, counts, 64, &ny, err);
	if (rc)
		return rc;
	/*
	 * The index needs a prognosis for every forecast year and a base: the
	 * prognosis year before the first forecast year, or else the first.
	 */
	double base = 0;
	for (size_t i = 0; i < ny; i++)
		if (years[i] == fb->ref_year)
			base = counts[i];
	fb->has_prognosis = true;
	for (int t = 1; t <= FC_MAX_YEARS; t++) {
		double v = 0;
		for (size_t i = 0; i < ny; i++)
			if (years[i] == fb->ref_year + t)
				v = counts[i];
		if (v <= 0)
			fb->has_prognosis = false;
		fb->pupil_index[t] = v;
	}
	if (fb->has_prognosis && base <= 0) {
		/* No prognosis for this year: extrapolate one year back from the first two. */
		double r = fb->pupil_index[1] > 0 ? fb->pupil_index[2] / fb->pupil_index[1] : 1;
		base = r > 0 ? fb->pupil_index[1] / r : fb->pupil_index[1];
	}
	fb->pupil_index[0] = fb->has_prognosis ? base : 1;
	return 0;
}

int factbase_build(struct db *db, int64_t region_id, long today, const char *scenario,
		   const struct fc_params *params_override, struct factbase *out,
		   struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	int y, m, d;
	date_civil(today, &y, &m, &d);
	out->ref_year = m >= 8 ? y : y - 1;
	int rc = facts_version_key(db, out->version, err);
	if (rc == 0)
		rc = facts_load(db, region_id, today, &out->d, err);
	if (rc)
		goto fail;
	struct ind_input in;
	facts_input(&out->d, &in);
	if ((rc = indicators_compute(&in, &out->ind, err)) != 0 ||
	    (rc = indicators_suppress(&out->ind, PRIV_THRESHOLD, err)) != 0)
		goto fail;
	if ((rc = pupils(db, out, err)) != 0)
		goto fail;
	if ((rc = facts_duo_staff(db, region_id, &out->duo_staff, &out->nduo_staff, err)) != 0)
		goto fail;

	forecast_defaults(&out->params);
	if (scenario && *scenario) {
		struct scenario_row s;
		if ((rc = facts_scenario_get(db, region_id, scenario, &s, err)) != 0)
			goto fail;
		out->params = s.params;
		snprintf(out->scenario, sizeof out->scenario, "%s", s.name);
	}
	if (params_override)
		out->params = *params_override;
	int ns = out->d.nsubjects;
	out->fc = calloc((size_t)(ns ? ns : 1), sizeof *out->fc);
	out->fc_published = calloc((size_t)(ns ? ns : 1), sizeof *out->fc_published);
	out->fc_vacancy_fte = calloc((size_t)(ns ? ns : 1), sizeof *out->fc_vacancy_fte);
	struct fc_person *group = malloc((out->d.npersons ? out->d.npersons : 1) * sizeof *group);
	if (!out->fc || !out->fc_published || !out->fc_vacancy_fte || !group) {
		free(group);
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < out->d.nvacancies; i++) {
		const struct ind_vacancy *v = &out->d.vacancies[i];
		if (v->subject >= 0 && v->closed == 0 && v->opened <= today)
			out->fc_vacancy_fte[v->subject] += v->fte;
	}
	for (int s = 0; s < ns && rc == 0; s++) {
		size_t n = 0;
		for (size_t i = 0; i < out->d.npersons; i++)
			if (out->d.persons[i].subject == s)
				group[n++] = out->d.fc[i];
		struct fc_group g = {
			.key = forecast_key(out->d.subjects[s].code),
			.persons = group,
			.npersons = n,
			.vacancy_fte = out->fc_vacancy_fte[s],
			.pupil_index = out->has_prognosis ? out->pupil_index : NULL,
		};
		rc = forecast_run(&g, &out->params, today, &out->fc[s], err);
		out->fc_published[s] = factbase_count_shown(out, 0, ind_axis_subject(s), IND_HEADCOUNT);
	}
	free(group);
	if (rc)
		goto fail;
	return 0;
fail:
	factbase_free(out);
	return rc;
}
