/*
 * facts_out.c - the fact base as tables and as JSON (see facts_out.h).
 */
#include "formats/facts_out.h"
#include "core/privacy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const table_names[] = {
	NULL, "groepen", "vakken", "leeftijd", "vacatures", "tekort", "prognose", "verschillen",
	"bronnen",
};

const char *facts_table_name(enum facts_table t)
{
	return t >= FT_GROUPS && t <= FT_SOURCES ? table_names[t] : NULL;
}

enum facts_table facts_table_parse(const char *name)
{
	for (int t = FT_GROUPS; name && t <= FT_SOURCES; t++)
		if (strcmp(table_names[t], name) == 0)
			return (enum facts_table)t;
	return 0;
}

static const char *node_name(const struct factbase *fb, int node)
{
	if (node == 0)
		return fb->d.region_name;
	if (node <= fb->d.nboards)
		return fb->d.boards[node - 1].name;
	return fb->d.schools[node - 1 - fb->d.nboards].name;
}

static void count_text(const struct factbase *fb, int node, int axis, enum ind_count c,
		       char out[24])
{
	if (!factbase_count_shown(fb, node, axis, c))
		snprintf(out, 24, "*");
	else
		snprintf(out, 24, "%ld", ind_group_at(&fb->ind, node, axis)->count[c]);
}

/* FTE with a decimal comma, shown only when its count is. */
static void fte_text(const struct factbase *fb, int node, int axis, enum ind_count c, double v,
		     char out[24])
{
	if (!factbase_count_shown(fb, node, axis, c)) {
		snprintf(out, 24, "*");
		return;
	}
	snprintf(out, 24, "%.1f", v);
	char *dot = strchr(out, '.');
	if (dot)
		*dot = ',';
}

void facts_share(const struct factbase *fb, int node, int axis, enum ind_count c, char out[8])
{
	if (!factbase_count_shown(fb, node, axis, c) ||
	    !factbase_count_shown(fb, node, axis, IND_HEADCOUNT)) {
		snprintf(out, 8, "*");
		return;
	}
	const struct ind_group *g = ind_group_at(&fb->ind, node, axis);
	if (g->count[IND_HEADCOUNT] == 0) {
		out[0] = '\0';
		return;
	}
	priv_percent((double)g->count[c], (double)g->count[IND_HEADCOUNT], out);
}

#define TRY(x) do { if ((rc = (x)) != 0) goto out; } while (0)

static int cols(struct table_out *t, const char *const *names, const enum table_out_type *types,
		size_t n, struct samen_err *err)
{
	for (size_t i = 0; i < n; i++) {
		int rc = table_out_add_column(t, names[i], types[i], types[i] == TABLE_OUT_DECIMAL ? 1 : 0,
					      err);
		if (rc)
			return rc;
	}
	return 0;
}

/* One row of the groups table for (node, axis 0) under the given name. */
static int group_row(const struct factbase *fb, struct table_out *t, int node, const char *name,
		     struct samen_err *err)
{
	const struct ind_group *g = ind_group_at(&fb->ind, node, 0);
	char a[24], pct[8];
	int rc;
	TRY(table_out_add_row(t, err));
	TRY(table_out_text(t, name, err));
	count_text(fb, node, 0, IND_HEADCOUNT, a);
	TRY(table_out_text(t, a, err));
	fte_text(fb, node, 0, IND_HEADCOUNT, g->fte, a);
	TRY(table_out_text(t, a, err));
	facts_share(fb, node, 0, IND_AGE55, pct);
	TRY(table_out_text(t, pct, err));
	facts_share(fb, node, 0, IND_AGE60, pct);
	TRY(table_out_text(t, pct, err));
	facts_share(fb, node, 0, IND_TEMPORARY, pct);
	TRY(table_out_text(t, pct, err));
	for (int c = IND_RETIRE1; c <= IND_RETIRE10; c++) {
		count_text(fb, node, 0, c, a);
		TRY(table_out_text(t, a, err));
	}
	count_text(fb, node, 0, IND_STARTERS, a);
	TRY(table_out_text(t, a, err));
	count_text(fb, node, 0, IND_ZIJ, a);
	TRY(table_out_text(t, a, err));
	count_text(fb, node, 0, IND_RESERVE, a);
	TRY(table_out_text(t, a, err));
	fte_text(fb, node, 0, IND_RESERVE, g->reserve_fte, a);
	TRY(table_out_text(t, a, err));
	count_text(fb, node, 0, IND_BENOEMBAAR, a);
	TRY(table_out_text(t, a, err));
	TRY(table_out_int(t, g->vac_open, err));
	TRY(table_out_decimal(t, g->vac_open_fte, err));
	if (g->vac_days_median >= 0)
		TRY(table_out_int(t, g->vac_days_median, err));
	else
		TRY(table_out_empty(t, err));
out:
	return rc;
}

static int t_groups(const struct factbase *fb, int node, struct table_out *t, struct samen_err *err)
{
	static const char *const names[] = {
		"naam", "personen", "fte", "aandeel_55plus", "aandeel_60plus", "aandeel_tijdelijk",
		"pensioen_1j", "pensioen_3j", "pensioen_5j", "pensioen_10j", "starters",
		"zij_instromers", "deeltijdreserve_personen", "deeltijdreserve_fte", "benoembaar",
		"vacatures_open", "vacatures_fte", "vacature_dagen_mediaan",
	};
	enum table_out_type ty[18];
	for (int i = 0; i < 18; i++)
		ty[i] = TABLE_OUT_TEXT;
	ty[15] = TABLE_OUT_INT;
	ty[16] = TABLE_OUT_DECIMAL;
	ty[17] = TABLE_OUT_INT;
	int rc = cols(t, names, ty, 18, err);
	if (rc)
		return rc;
	if (node == 0) {
		for (int b = 0; b < fb->d.nboards; b++)
			TRY(group_row(fb, t, ind_node_board(b), fb->d.boards[b].name, err));
	} else if (node <= fb->d.nboards) {
		for (int s = 0; s < fb->d.nschools; s++)
			if (fb->d.school_board[s] == node - 1)
				TRY(group_row(fb, t, ind_node_school(&fb->ind, s), fb->d.schools[s].name, err));
	}
	char total[160];
	snprintf(total, sizeof total, "Totaal %s", node_name(fb, node));
	TRY(group_row(fb, t, node, node > fb->d.nboards ? node_name(fb, node) : total, err));
out:
	return rc;
}

static int subject_row(const struct factbase *fb, struct table_out *t, int node, int axis,
		       const char *code, const char *name, const char *shortage,
		       struct samen_err *err)
{
	const struct ind_group *g = ind_group_at(&fb->ind, node, axis);
	char a[24], pct[8];
	int rc;
	TRY(table_out_add_row(t, err));
	TRY(table_out_text(t, code, err));
	TRY(table_out_text(t, name, err));
	TRY(table_out_text(t, shortage, err));
	count_text(fb, node, axis, IND_HEADCOUNT, a);
	TRY(table_out_text(t, a, err));
	fte_text(fb, node, axis, IND_HEADCOUNT, g->fte, a);
	TRY(table_out_text(t, a, err));
	facts_share(fb, node, axis, IND_AGE55, pct);
	TRY(table_out_text(t, pct, err));
	facts_share(fb, node, axis, IND_AGE60, pct);
	TRY(table_out_text(t, pct, err));
	facts_share(fb, node, axis, IND_TEMPORARY, pct);
	TRY(table_out_text(t, pct, err));
	count_text(fb, node, axis, IND_RETIRE5, a);
	TRY(table_out_text(t, a, err));
	count_text(fb, node, axis, IND_RETIRE10, a);
	TRY(table_out_text(t, a, err));
	count_text(fb, node, axis, IND_BENOEMBAAR, a);
	TRY(table_out_text(t, a, err));
	TRY(table_out_int(t, g->vac_open, err));
	TRY(table_out_decimal(t, g->vac_open_fte, err));
out:
	return rc;
}

static int t_subjects(const struct factbase *fb, int node, struct table_out *t,
		      struct samen_err *err)
{
	if (node > fb->d.nboards)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "school",
				     "figures per subject are published for the region and its boards "
				     "only (per school and subject the cells would be too small)");
	static const char *const names[] = {
		"vak", "vaknaam", "tekortvak", "personen", "fte", "aandeel_55plus", "aandeel_60plus",
		"aandeel_tijdelijk", "pensioen_5j", "pensioen_10j", "benoembaar", "vacatures_open",
		"vacatures_fte",
	};
	enum table_out_type ty[13];
	for (int i = 0; i < 13; i++)
		ty[i] = TABLE_OUT_TEXT;
	ty[11] = TABLE_OUT_INT;
	ty[12] = TABLE_OUT_DECIMAL;
	int rc = cols(t, names, ty, 13, err);
	if (rc)
		return rc;
	for (int s = 0; s < fb->d.nsubjects; s++) {
		const struct ind_group *g = ind_group_at(&fb->ind, node, ind_axis_subject(s));
		if (g->count[IND_HEADCOUNT] == 0 && g->vac_open == 0)
			continue;
		TRY(subject_row(fb, t, node, ind_axis_subject(s), fb->d.subjects[s].code,
				fb->d.subjects[s].name_nl, fb->d.subjects[s].shortage ? "ja" : "nee", err));
	}
	TRY(subject_row(fb, t, node, ind_axis_none(&fb->ind), "", "zonder vak", "", err));
	TRY(subject_row(fb, t, node, 0, "", "Totaal", "", err));
out:
	return rc;
}

static int t_pyramid(const struct factbase *fb, int node, struct table_out *t,
		     struct samen_err *err)
{
	int rc;
	TRY(table_out_add_column(t, "leeftijd", TABLE_OUT_TEXT, 0, err));
	TRY(table_out_add_column(t, "personen", TABLE_OUT_TEXT, 0, err));
	for (int b = IND_BANDS - 1; b >= 0; b--) {
		char a[24];
		TRY(table_out_add_row(t, err));
		TRY(table_out_text(t, ind_band_label(b), err));
		count_text(fb, node, 0, IND_BAND0 + b, a);
		TRY(table_out_text(t, a, err));
	}
out:
	return rc;
}

static int t_vacancies(const struct factbase *fb, int node, struct table_out *t,
		       struct samen_err *err)
{
	static const char *const names[] = {"vak", "vaknaam", "open", "fte", "dagen_mediaan",
					    "dagen_gemiddeld", "dagen_langst", "langer_dan_90_dagen",
					    "vervuld"};
	static const enum table_out_type ty[] = {TABLE_OUT_TEXT, TABLE_OUT_TEXT, TABLE_OUT_INT,
						 TABLE_OUT_DECIMAL, TABLE_OUT_INT, TABLE_OUT_DECIMAL,
						 TABLE_OUT_INT, TABLE_OUT_INT, TABLE_OUT_INT};
	int rc = cols(t, names, ty, 9, err);
	if (rc)
		return rc;
	int sub_node = node <= fb->d.nboards ? node : 0;
	for (int s = 0; s <= fb->d.nsubjects; s++) {
		const struct ind_group *g =
			s < fb->d.nsubjects ? ind_group_at(&fb->ind, sub_node, ind_axis_subject(s))
					    : ind_group_at(&fb->ind, node, 0);
		if (s < fb->d.nsubjects && g->vac_open == 0 && g->vac_filled == 0)
			continue;
		if (s < fb->d.nsubjects && node > fb->d.nboards)
			continue; /* a school: only its total */
		TRY(table_out_add_row(t, err));
		TRY(table_out_text(t, s < fb->d.nsubjects ? fb->d.subjects[s].code : "", err));
		TRY(table_out_text(t, s < fb->d.nsubjects ? fb->d.subjects[s].name_nl : "Totaal", err));
		TRY(table_out_int(t, g->vac_open, err));
		TRY(table_out_decimal(t, g->vac_open_fte, err));
		if (g->vac_open > 0) {
			TRY(table_out_int(t, g->vac_days_median, err));
			TRY(table_out_decimal(t, g->vac_days_mean, err));
			TRY(table_out_int(t, g->vac_days_max, err));
		} else {
			TRY(table_out_empty(t, err));
			TRY(table_out_empty(t, err));
			TRY(table_out_empty(t, err));
		}
		TRY(table_out_int(t, g->vac_open_over_90, err));
		TRY(table_out_int(t, g->vac_filled, err));
	}
out:
	return rc;
}

static int t_shortage(const struct factbase *fb, struct table_out *t, struct samen_err *err)
{
	int rc;
	int years = (int)fb->params.years;
	TRY(table_out_add_column(t, "vak", TABLE_OUT_TEXT, 0, err));
	TRY(table_out_add_column(t, "vaknaam", TABLE_OUT_TEXT, 0, err));
	for (int y = 1; y <= years; y++) {
		char h[16];
		factbase_year_label(fb, y, h);
		TRY(table_out_add_column(t, h, TABLE_OUT_DECIMAL, 1, err));
	}
	for (int s = 0; s < fb->d.nsubjects; s++) {
		if (!fb->fc_published[s])
			continue;
		TRY(table_out_add_row(t, err));
		TRY(table_out_text(t, fb->d.subjects[s].code, err));
		TRY(table_out_text(t, fb->d.subjects[s].name_nl, err));
		for (int y = 1; y <= years; y++)
			TRY(table_out_decimal(t, fb->fc[s].y[y].shortage_mean, err));
	}
out:
	return rc;
}

static int t_forecast(const struct factbase *fb, int s, struct table_out *t,
		      struct samen_err *err)
{
	if (s < 0 || s >= fb->d.nsubjects)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "vak", "choose a subject for the forecast");
	if (!fb->fc_published[s])
		return samen_fail_at(err, SAMEN_EINVAL, 0, "vak",
				     "the forecast for %s is not published: too few people (rule 33)",
				     fb->d.subjects[s].code);
	static const char *const names[] = {"schooljaar", "vraag_fte", "aanbod_fte",
					    "tekort_fte", "tekort_p5", "tekort_p50", "tekort_p95"};
	static const enum table_out_type ty[] = {TABLE_OUT_TEXT, TABLE_OUT_DECIMAL, TABLE_OUT_DECIMAL,
						 TABLE_OUT_DECIMAL, TABLE_OUT_DECIMAL, TABLE_OUT_DECIMAL,
						 TABLE_OUT_DECIMAL};
	int rc = cols(t, names, ty, 7, err);
	if (rc)
		return rc;
	const struct fc_result *f = &fb->fc[s];
	for (int y = 0; y <= f->years; y++) {
		char h[16];
		factbase_year_label(fb, y, h);
		TRY(table_out_add_row(t, err));
		TRY(table_out_text(t, h, err));
		TRY(table_out_decimal(t, f->y[y].demand, err));
		TRY(table_out_decimal(t, f->y[y].supply_mean, err));
		TRY(table_out_decimal(t, f->y[y].shortage_mean, err));
		TRY(table_out_decimal(t, f->y[y].shortage_p5, err));
		TRY(table_out_decimal(t, f->y[y].shortage_p50, err));
		TRY(table_out_decimal(t, f->y[y].shortage_p95, err));
	}
out:
	return rc;
}

static int board_node_of(const struct factbase *fb, int64_t board_id)
{
	for (int b = 0; b < fb->d.nboards; b++)
		if (fb->d.boards[b].id == board_id)
			return ind_node_board(b);
	return -1;
}

static void number_text(double v, char out[24])
{
	if (v == floor(v))
		snprintf(out, 24, "%.0f", v);
	else
		snprintf(out, 24, "%.1f", v);
	char *dot = strchr(out, '.');
	if (dot)
		*dot = ',';
}

static int disagree_row(struct table_out *t, const char *what, const char *board, const char *own,
			const char *other, const char *source, const char *diff, const char *period,
			struct samen_err *err)
{
	int rc;
	TRY(table_out_add_row(t, err));
	TRY(table_out_text(t, what, err));
	TRY(table_out_text(t, board, err));
	TRY(table_out_text(t, own, err));
	TRY(table_out_text(t, other, err));
	TRY(table_out_text(t, diff, err));
	TRY(table_out_text(t, source, err));
	TRY(table_out_text(t, period, err));
out:
	return rc;
}

static int t_disagree(const struct factbase *fb, const struct fact_figure_row *fig, size_t nfig,
		      struct table_out *t, struct samen_err *err)
{
	static const char *const names[] = {"onderwerp", "bestuur", "eigen_telling", "andere_bron",
					    "verschil", "bron", "periode"};
	enum table_out_type ty[7];
	for (int i = 0; i < 7; i++)
		ty[i] = TABLE_OUT_TEXT;
	int rc = cols(t, names, ty, 7, err);
	if (rc)
		return rc;
	/* DUO teaching staff against the board's own staff with a subject. */
	for (size_t i = 0; i < fb->nduo_staff; i++) {
		const struct duo_staff_row *r = &fb->duo_staff[i];
		int node = board_node_of(fb, r->board_id);
		if (node < 0)
			continue;
		char own[24], other[24], diff[24], period[16];
		const struct ind_group *all = ind_group_at(&fb->ind, node, 0);
		const struct ind_group *none = ind_group_at(&fb->ind, node, ind_axis_none(&fb->ind));
		bool shown = factbase_count_shown(fb, node, 0, IND_HEADCOUNT) &&
			     factbase_count_shown(fb, node, ind_axis_none(&fb->ind), IND_HEADCOUNT);
		long mine = all->count[IND_HEADCOUNT] - none->count[IND_HEADCOUNT];
		if (shown)
			snprintf(own, sizeof own, "%ld", mine);
		else
			snprintf(own, sizeof own, "*");
		if (r->known)
			number_text(r->persons, other);
		else
			snprintf(other, sizeof other, "onbekend");
		if (shown && r->known)
			number_text(r->persons - (double)mine, diff);
		else
			snprintf(diff, sizeof diff, "*");
		if (shown && r->known && r->persons - (double)mine > 0)
			memmove(diff + 1, diff, strlen(diff) + 1), diff[0] = '+';
		snprintf(period, sizeof period, "%d", r->year);
		TRY(disagree_row(t, "Onderwijsgevend personeel", fb->d.boards[node - 1].name, own, other,
				 "DUO onderwijspersoneel VO", diff, period, err));
	}
	/* Entered headcount / fte figures of a board (and subject) against the own count. */
	for (size_t i = 0; i < nfig; i++) {
		const struct fact_figure_row *f = &fig[i];
		bool hc = strcmp(f->indicator, "headcount") == 0, fte = strcmp(f->indicator, "fte") == 0;
		if ((!hc && !fte) || strcmp(f->source_kind, "manual") != 0)
			continue;
		int node = f->board_id ? board_node_of(fb, f->board_id) : 0;
		if (node < 0)
			continue;
		int axis = 0;
		const char *what = hc ? "Personen" : "fte";
		if (f->subject[0]) {
			int s = -1;
			for (int k = 0; k < fb->d.nsubjects; k++)
				if (strcmp(fb->d.subjects[k].code, f->subject) == 0)
					s = k;
			if (s < 0)
				continue;
			axis = ind_axis_subject(s);
			what = fb->d.subjects[s].name_nl;
		}
		const struct ind_group *g = ind_group_at(&fb->ind, node, axis);
		bool shown = factbase_count_shown(fb, node, axis, IND_HEADCOUNT);
		double mine = hc ? (double)g->count[IND_HEADCOUNT] : g->fte;
		char own[24], other[24], diff[24], label[96];
		if (shown)
			number_text(mine, own);
		else
			snprintf(own, sizeof own, "*");
		if (f->unknown)
			snprintf(other, sizeof other, "onbekend");
		else
			number_text(f->value, other);
		if (shown && !f->unknown) {
			number_text(f->value - mine, diff);
			if (f->value - mine > 0)
				memmove(diff + 1, diff, strlen(diff) + 1), diff[0] = '+';
		} else {
			snprintf(diff, sizeof diff, "*");
		}
		snprintf(label, sizeof label, "%s%s", what, hc && f->subject[0] ? " (personen)" : "");
		TRY(disagree_row(t, label, node ? fb->d.boards[node - 1].name : fb->d.region_name, own,
				 other, f->source_name, diff, f->period, err));
	}
out:
	return rc;
}

static int t_sources(const struct fact_source_row *src, size_t n, struct table_out *t,
		     struct samen_err *err)
{
	static const char *const names[] = {"id", "soort", "naam", "geleverd_door", "bestuur",
					    "geleverd_op", "licentie", "vastgesteld", "vastgesteld_door",
					    "vastgesteld_op", "toelichting"};
	enum table_out_type ty[11];
	for (int i = 0; i < 11; i++)
		ty[i] = TABLE_OUT_TEXT;
	ty[0] = TABLE_OUT_INT;
	int rc = cols(t, names, ty, 11, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		const struct fact_source_row *s = &src[i];
		TRY(table_out_add_row(t, err));
		TRY(table_out_int(t, s->id, err));
		TRY(table_out_text(t, s->kind, err));
		TRY(table_out_text(t, s->name, err));
		TRY(table_out_text(t, s->supplier, err));
		TRY(table_out_text(t, s->board_name, err));
		TRY(table_out_text(t, s->supplied_at, err));
		TRY(table_out_text(t, s->licence, err));
		TRY(table_out_text(t, s->vastgesteld ? "ja" : "nee", err));
		TRY(table_out_text(t, s->vastgesteld_by, err));
		TRY(table_out_text(t, s->vastgesteld_at, err));
		TRY(table_out_text(t, s->detail, err));
	}
out:
	return rc;
}

int facts_table(const struct factbase *fb, enum facts_table which, int node, int subject,
		const struct fact_figure_row *figures, size_t nfigures,
		const struct fact_source_row *sources, size_t nsources, struct table_out **out,
		struct samen_err *err)
{
	*out = NULL;
	if (node < 0 || node >= fb->ind.nnodes)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "node", "no such board or school");
	const char *name = facts_table_name(which);
	if (!name)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "tabel", "unknown table");
	struct table_out *t;
	int rc = table_out_new(name, &t, err);
	if (rc)
		return rc;
	switch (which) {
	case FT_GROUPS: rc = t_groups(fb, node, t, err); break;
	case FT_SUBJECTS: rc = t_subjects(fb, node, t, err); break;
	case FT_PYRAMID: rc = t_pyramid(fb, node, t, err); break;
	case FT_VACANCIES: rc = t_vacancies(fb, node, t, err); break;
	case FT_SHORTAGE: rc = t_shortage(fb, t, err); break;
	case FT_FORECAST: rc = t_forecast(fb, subject, t, err); break;
	case FT_DISAGREE: rc = t_disagree(fb, figures, nfigures, t, err); break;
	case FT_SOURCES: rc = t_sources(sources, nsources, t, err); break;
	}
	if (rc) {
		table_out_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* ---- JSON ------------------------------------------------------------ */

static json_t *jcount(const struct factbase *fb, int node, int axis, enum ind_count c)
{
	if (!factbase_count_shown(fb, node, axis, c))
		return json_null();
	return json_integer(ind_group_at(&fb->ind, node, axis)->count[c]);
}

static json_t *jfte(const struct factbase *fb, int node, int axis, enum ind_count c, double v)
{
	if (!factbase_count_shown(fb, node, axis, c))
		return json_null();
	return json_real(round(v * 10) / 10);
}

static json_t *jshare(const struct factbase *fb, int node, int axis, enum ind_count c)
{
	char pct[8];
	facts_share(fb, node, axis, c, pct);
	return strcmp(pct, "*") == 0 ? json_null() : json_string(pct);
}

static json_t *group_json(const struct factbase *fb, int node, int axis, const char *name)
{
	const struct ind_group *g = ind_group_at(&fb->ind, node, axis);
	json_t *o = json_object(), *sup = json_array(), *counts = json_object();
	json_object_set_new(o, "name", json_string(name));
	for (int c = 0; c < IND_NCOUNT; c++) {
		if (!ind_published(&fb->ind, node, axis, c))
			continue;
		json_object_set_new(counts, ind_count_name(c), jcount(fb, node, axis, c));
		if (!factbase_count_shown(fb, node, axis, c))
			json_array_append_new(sup, json_string(ind_count_name(c)));
	}
	json_object_set_new(o, "counts", counts);
	json_object_set_new(o, "suppressed", sup);
	json_object_set_new(o, "fte", jfte(fb, node, axis, IND_HEADCOUNT, g->fte));
	json_object_set_new(o, "share_55plus", jshare(fb, node, axis, IND_AGE55));
	json_object_set_new(o, "share_60plus", jshare(fb, node, axis, IND_AGE60));
	json_object_set_new(o, "share_temporary", jshare(fb, node, axis, IND_TEMPORARY));
	if (axis == 0)
		json_object_set_new(o, "reserve_fte", jfte(fb, node, axis, IND_RESERVE, g->reserve_fte));
	json_object_set_new(o, "vacancies", json_pack("{s:I,s:f,s:I,s:I,s:I}", "open",
						      (json_int_t)g->vac_open,
						      "open_fte", round(g->vac_open_fte * 10) / 10,
						      "days_median", (json_int_t)g->vac_days_median,
						      "days_max", (json_int_t)g->vac_days_max,
						      "filled", (json_int_t)g->vac_filled));
	return o;
}

json_t *facts_json(const struct factbase *fb, int node, int subject)
{
	json_t *root = json_object();
	json_object_set_new(root, "region", json_pack("{s:I,s:s,s:s}", "id",
						      (json_int_t)fb->d.region_id, "code",
						      fb->d.region_code, "name", fb->d.region_name));
	json_object_set_new(root, "privacy", json_pack("{s:s,s:i}", "rule", "DOMAIN-RULES 33",
							 "threshold", PRIV_THRESHOLD));
	json_t *filter = json_object();
	json_object_set_new(filter, "node", json_string(node == 0 ? "region"
							: node <= fb->d.nboards ? "board" : "school"));
	if (node > 0 && node <= fb->d.nboards)
		json_object_set_new(filter, "board_id", json_integer(fb->d.boards[node - 1].id));
	if (node > fb->d.nboards)
		json_object_set_new(filter, "school_id",
				    json_integer(fb->d.schools[node - 1 - fb->d.nboards].id));
	if (subject >= 0)
		json_object_set_new(filter, "subject", json_string(fb->d.subjects[subject].code));
	json_object_set_new(root, "filter", filter);
	int axis = subject >= 0 && node <= fb->d.nboards ? ind_axis_subject(subject) : 0;
	json_object_set_new(root, "total", group_json(fb, node, axis, node_name(fb, node)));
	/* Parts: boards of the region, schools of a board. */
	json_t *parts = json_array();
	if (node == 0 && axis == 0)
		for (int b = 0; b < fb->d.nboards; b++)
			json_array_append_new(parts, group_json(fb, ind_node_board(b), 0, fb->d.boards[b].name));
	else if (node == 0)
		for (int b = 0; b < fb->d.nboards; b++)
			json_array_append_new(parts, group_json(fb, ind_node_board(b), axis, fb->d.boards[b].name));
	else if (node <= fb->d.nboards && axis == 0)
		for (int s = 0; s < fb->d.nschools; s++)
			if (fb->d.school_board[s] == node - 1)
				json_array_append_new(parts, group_json(fb, ind_node_school(&fb->ind, s), 0,
									fb->d.schools[s].name));
	json_object_set_new(root, "parts", parts);
	json_t *subjects = json_array();
	if (node <= fb->d.nboards)
		for (int s = 0; s < fb->d.nsubjects; s++) {
			const struct ind_group *g = ind_group_at(&fb->ind, node, ind_axis_subject(s));
			if (g->count[IND_HEADCOUNT] == 0 && g->vac_open == 0)
				continue;
			json_t *o = group_json(fb, node, ind_axis_subject(s), fb->d.subjects[s].name_nl);
			json_object_set_new(o, "code", json_string(fb->d.subjects[s].code));
			json_object_set_new(o, "shortage_subject", json_boolean(fb->d.subjects[s].shortage));
			json_array_append_new(subjects, o);
		}
	json_object_set_new(root, "subjects", subjects);
	json_t *pyr = json_array();
	for (int b = 0; b < IND_BANDS; b++)
		json_array_append_new(pyr, json_pack("{s:s,s:o}", "band", ind_band_label(b), "persons",
						     jcount(fb, node, 0, IND_BAND0 + b)));
	json_object_set_new(root, "age_pyramid", pyr);
	/* Forecast of every published subject. */
	json_t *fc = json_object(), *bysub = json_array();
	json_object_set_new(fc, "scenario", json_string(fb->scenario));
	char *pj = facts_params_json(&fb->params);
	json_error_t je;
	json_object_set_new(fc, "parameters", pj ? json_loads(pj, 0, &je) : json_null());
	free(pj);
	json_object_set_new(fc, "pupils_from_prognosis",
			    json_boolean(fb->has_prognosis && fb->params.use_prognosis >= 0.5));
	for (int s = 0; s < fb->d.nsubjects; s++) {
		if (subject >= 0 && s != subject)
			continue;
		const struct fc_result *f = &fb->fc[s];
		json_t *o = json_pack("{s:s,s:b}", "code", fb->d.subjects[s].code, "published",
				      fb->fc_published[s]);
		if (fb->fc_published[s]) {
			json_t *years = json_array();
			for (int y = 0; y <= f->years; y++) {
				char label[16];
				factbase_year_label(fb, y, label);
				json_array_append_new(years, json_pack(
					"{s:s,s:f,s:f,s:f,s:f,s:f,s:f}", "school_year", label,
					"demand", round(f->y[y].demand * 100) / 100,
					"supply", round(f->y[y].supply_mean * 100) / 100,
					"shortage", round(f->y[y].shortage_mean * 100) / 100,
					"p5", round(f->y[y].shortage_p5 * 100) / 100,
					"p50", round(f->y[y].shortage_p50 * 100) / 100,
					"p95", round(f->y[y].shortage_p95 * 100) / 100));
			}
			json_object_set_new(o, "years", years);
		}
		json_array_append_new(bysub, o);
	}
	json_object_set_new(fc, "subjects", bysub);
	json_object_set_new(root, "forecast", fc);
	json_object_set_new(root, "pupils", json_pack("{s:I,s:I}", "known",
						      (json_int_t)fb->pupils_known, "masked_cells",
						      (json_int_t)fb->pupils_masked));
	return root;
}
