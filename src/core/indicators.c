/*
 * indicators.c - aggregation of persons and vacancies into the fact base's
 * groups, and rule 33 over all of them at once (see indicators.h).
 */
#include "core/indicators.h"
#include "util/date.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const int ind_retire_years[4] = {1, 3, 5, 10};

static const char *const band_labels[IND_BANDS] = {
	"<25", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65+",
};

const char *ind_band_label(int band)
{
	return band >= 0 && band < IND_BANDS ? band_labels[band] : "";
}

const char *ind_count_name(enum ind_count c)
{
	static const char *const bands[IND_BANDS] = {
		"band_lt25", "band_25_29", "band_30_34", "band_35_39", "band_40_44",
		"band_45_49", "band_50_54", "band_55_59", "band_60_64", "band_65plus",
	};
	if (c >= IND_BAND0 && c <= IND_BAND9)
		return bands[c - IND_BAND0];
	switch (c) {
	case IND_HEADCOUNT: return "headcount";
	case IND_AGE55: return "age55plus";
	case IND_AGE60: return "age60plus";
	case IND_PERMANENT: return "permanent";
	case IND_TEMPORARY: return "temporary";
	case IND_RETIRE1: return "retire_1y";
	case IND_RETIRE3: return "retire_3y";
	case IND_RETIRE5: return "retire_5y";
	case IND_RETIRE10: return "retire_10y";
	case IND_STARTERS: return "starters";
	case IND_ZIJ: return "zij_instromers";
	case IND_RESERVE: return "parttime_reserve";
	case IND_BENOEMBAAR: return "benoembaar";
	default: return "";
	}
}

/* Counts that are published per subject too (the others only for all subjects). */
static bool per_subject(int c)
{
	switch (c) {
	case IND_HEADCOUNT: case IND_AGE55: case IND_AGE60: case IND_PERMANENT:
	case IND_TEMPORARY: case IND_RETIRE1: case IND_RETIRE3: case IND_RETIRE5:
	case IND_RETIRE10: case IND_BENOEMBAAR:
		return true;
	default:
		return false;
	}
}

bool ind_published(const struct ind_result *r, int node, int axis, enum ind_count c)
{
	if (node < 0 || node >= r->nnodes || axis < 0 || axis >= r->naxis || c >= IND_NCOUNT)
		return false;
	if (!ind_group_at(r, node, axis)->exists)
		return false;
	if (axis == 0)
		return true;
	/*
	 * Per subject: the region in detail, a board only its headcount. The
	 * permanent contracts per subject are not published (the temporary ones
	 * are): headcount = permanent + temporary would otherwise pin every small
	 * temporary count and force a cascade of hidden cells.
	 */
	if (node == 0)
		return per_subject(c) && c != IND_PERMANENT;
	return c == IND_HEADCOUNT;
}

static int band_of(int age)
{
	if (age < 25)
		return 0;
	if (age >= 65)
		return IND_BANDS - 1;
	return 1 + (age - 25) / 5;
}

/* The date `years` after day (29 February becomes 28 February). */
static long years_after(long day, int years)
{
	int y, m, d;
	date_civil(day, &y, &m, &d);
	y += years;
	if (m == 2 && d == 29 && !date_valid(y, 2, 29))
		d = 28;
	return date_days(y, m, d);
}

void indicators_free(struct ind_result *r)
{
	free(r->groups);
	free(r->school_board);
	memset(r, 0, sizeof *r);
}

/* Every group a person or vacancy of (board, school, subject) belongs to. */
static int groups_of(const struct ind_result *r, int board, int school, int subject,
		     int out[5])
{
	int n = 0;
	int axis = subject >= 0 ? ind_axis_subject(subject) : ind_axis_none(r);
	out[n++] = 0 * r->naxis + 0;
	out[n++] = 0 * r->naxis + axis;
	out[n++] = ind_node_board(board) * r->naxis + 0;
	out[n++] = ind_node_board(board) * r->naxis + axis;
	if (school >= 0)
		out[n++] = ind_node_school(r, school) * r->naxis + 0;
	return n;
}

struct vday {
	int group;
	long days;
};

static int vday_cmp(const void *a, const void *b)
{
	const struct vday *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return (x->days > y->days) - (x->days < y->days);
}

int indicators_compute(const struct ind_input *in, struct ind_result *out,
		       struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	if (in->nboards < 0 || in->nschools < 0 || in->nsubjects < 0)
		return samen_fail(err, SAMEN_EINVAL, "negative sizes");
	for (int s = 0; s < in->nschools; s++)
		if (in->school_board[s] < 0 || in->school_board[s] >= in->nboards)
			return samen_fail_at(err, SAMEN_EINVAL, s + 1, "board",
					     "school %d belongs to no known board", s + 1);
	out->nboards = in->nboards;
	out->nschools = in->nschools;
	out->nsubjects = in->nsubjects;
	out->nnodes = 1 + in->nboards + in->nschools;
	out->naxis = in->nsubjects + 2;
	size_t ng = (size_t)out->nnodes * (size_t)out->naxis;
	out->groups = calloc(ng ? ng : 1, sizeof *out->groups);
	out->school_board = malloc((in->nschools ? (size_t)in->nschools : 1) * sizeof(int));
	if (!out->groups || !out->school_board) {
		indicators_free(out);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	for (int s = 0; s < in->nschools; s++)
		out->school_board[s] = in->school_board[s];
	for (int node = 0; node < out->nnodes; node++)
		for (int a = 0; a < out->naxis; a++) {
			struct ind_group *g = ind_group_at(out, node, a);
			g->exists = node <= in->nboards || a == 0;
			g->vac_days_median = g->vac_days_max = -1;
		}
	long horizon[4];
	for (int i = 0; i < 4; i++)
		horizon[i] = years_after(in->today, ind_retire_years[i]);

	for (size_t i = 0; i < in->npersons; i++) {
		const struct ind_person *p = &in->persons[i];
		long line = (long)i + 1;
		if (p->board < 0 || p->board >= in->nboards)
			goto bad_board;
		if (p->school >= in->nschools || (p->school >= 0 && in->school_board[p->school] != p->board)) {
			indicators_free(out);
			return samen_fail_at(err, SAMEN_EINVAL, line, "school",
					     "person %ld: school is not one of the board's", line);
		}
		if (p->subject >= in->nsubjects) {
			indicators_free(out);
			return samen_fail_at(err, SAMEN_EINVAL, line, "subject",
					     "person %ld: unknown subject", line);
		}
		if (!(p->fte >= 0) || !(p->extra_hours >= 0)) {
			indicators_free(out);
			return samen_fail_at(err, SAMEN_EINVAL, line, p->fte >= 0 ? "extra_hours" : "fte",
					     "person %ld: FTE and hours cannot be negative", line);
		}
		int age = date_age(p->birth, in->today);
		if (age < 15 || age > 80) {
			indicators_free(out);
			return samen_fail_at(err, SAMEN_EINVAL, line, "birth_date",
					     "person %ld is %d on the reference day: ages outside "
					     "15-80 are not counted", line, age);
		}
		long aow;
		int rc = pension_age_date(in->aow, in->naow, p->birth, &aow, err);
		if (rc) {
			indicators_free(out);
			if (err)
				err->line = line;
			return rc;
		}
		int gs[5], n = groups_of(out, p->board, p->school, p->subject, gs);
		int band = band_of(age);
		for (int k = 0; k < n; k++) {
			struct ind_group *g = &out->groups[gs[k]];
			g->count[IND_HEADCOUNT]++;
			g->count[IND_BAND0 + band]++;
			if (age >= 55)
				g->count[IND_AGE55]++;
			if (age >= 60)
				g->count[IND_AGE60]++;
			g->count[p->temporary ? IND_TEMPORARY : IND_PERMANENT]++;
			for (int h = 0; h < 4; h++)
				if (aow <= horizon[h])
					g->count[IND_RETIRE1 + h]++;
			if (p->starter)
				g->count[IND_STARTERS]++;
			if (p->zij_instromer)
				g->count[IND_ZIJ]++;
			if (p->extra_hours > 0) {
				g->count[IND_RESERVE]++;
				g->reserve_fte += p->extra_hours / 1659.0;
			}
			if (p->benoembaar) {
				g->count[IND_BENOEMBAAR]++;
				g->benoembaar_fte += p->fte;
			}
			g->fte += p->fte;
		}
	}

	struct vday *vd = malloc((in->nvacancies ? in->nvacancies : 1) * 5 * sizeof *vd);
	size_t nvd = 0;
	if (!vd) {
		indicators_free(out);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < in->nvacancies; i++) {
		const struct ind_vacancy *v = &in->vacancies[i];
		long line = (long)i + 1;
		if (v->board < 0 || v->board >= in->nboards || v->subject >= in->nsubjects ||
		    v->school >= in->nschools ||
		    (v->school >= 0 && in->school_board[v->school] != v->board) || !(v->fte > 0) ||
		    (v->closed && v->closed < v->opened)) {
			free(vd);
			indicators_free(out);
			return samen_fail_at(err, SAMEN_EINVAL, line, "vacancy",
					     "vacancy %ld is inconsistent (board, school, subject, "
					     "FTE > 0 or dates)", line);
		}
		int gs[5], n = groups_of(out, v->board, v->school, v->subject, gs);
		bool open = v->closed == 0 && v->opened <= in->today;
		long days = in->today - v->opened;
		for (int k = 0; k < n; k++) {
			struct ind_group *g = &out->groups[gs[k]];
			if (open) {
				g->vac_open++;
				g->vac_open_fte += v->fte;
				if (days > 90)
					g->vac_open_over_90++;
				if (days > g->vac_days_max)
					g->vac_days_max = days;
				g->vac_days_mean += (double)days;
				vd[nvd++] = (struct vday){gs[k], days};
			} else if (v->filled) {
				g->vac_filled++;
			}
		}
	}
	qsort(vd, nvd, sizeof *vd, vday_cmp);
	for (size_t i = 0; i < nvd;) {
		size_t j = i;
		while (j < nvd && vd[j].group == vd[i].group)
			j++;
		struct ind_group *g = &out->groups[vd[i].group];
		size_t n = j - i;
		/* Median of an even count: the mean of the two middle values, rounded down. */
		g->vac_days_median = n % 2 ? vd[i + n / 2].days
					   : (vd[i + n / 2 - 1].days + vd[i + n / 2].days) / 2;
		g->vac_days_mean /= (double)n;
		i = j;
	}
	free(vd);
	return 0;

bad_board:
	indicators_free(out);
	return samen_fail(err, SAMEN_EINVAL, "a person's board is out of range");
}

/* Owner of a node's cells: its board; the region only when it has one board. */
static int node_owner(const struct ind_result *r, int node)
{
	if (node == 0)
		return r->nboards == 1 ? 0 : PRIV_NO_OWNER;
	if (node <= r->nboards)
		return node - 1;
	return r->school_board[node - 1 - r->nboards];
}

/* Build the one table of all published counts and their equations. */
int indicators_suppress(struct ind_result *r, long threshold, struct samen_err *err)
{
	struct priv_table t;
	priv_table_init(&t, r->nboards);
	size_t ng = (size_t)r->nnodes * (size_t)r->naxis;
	size_t *id = malloc((ng ? ng : 1) * IND_NCOUNT * sizeof *id);
	size_t *parts = malloc(((size_t)r->nboards + (size_t)r->nschools + (size_t)r->naxis + IND_BANDS + 8) *
			       sizeof *parts);
	int rc = 0;
	if (!id || !parts) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
#define CELL(gi, c) id[(size_t)(gi) * IND_NCOUNT + (size_t)(c)]
#define GI(node, axis) ((size_t)(node) * (size_t)r->naxis + (size_t)(axis))
	/*
	 * A board's unpublished details per subject (its temporary contracts in
	 * wiskunde, say) take part only when the region has one or two boards.
	 * With three or more, no single board can pin another board's detail:
	 * per category the details form the incidence matrix of a complete
	 * bipartite graph (subjects x other boards), whose only row combination
	 * without details is "all subjects = sum of subjects", an equation the
	 * table holds anyway. Leaving them out changes no answer of the audit
	 * and keeps its groups small (docs/facts.md).
	 */
	bool detail = r->nboards <= 2;
	for (size_t gi = 0; gi < ng; gi++) {
		struct ind_group *g = &r->groups[gi];
		int node = (int)(gi / (size_t)r->naxis), axis = (int)(gi % (size_t)r->naxis);
		for (int c = 0; c < IND_NCOUNT; c++) {
			CELL(gi, c) = SIZE_MAX;
			g->state[c] = PRIV_SHOWN;
			if (!g->exists || (axis > 0 && !per_subject(c)))
				continue;
			if (!detail && node > 0 && axis > 0 && c != IND_HEADCOUNT)
				continue;
			if ((rc = priv_add_cell(&t, g->count[c], node_owner(r, node), &CELL(gi, c),
						err)) != 0)
				goto out;
			if (!ind_published(r, node, axis, c))
				priv_unpublish(&t, CELL(gi, c));
			/* Keep the figures people look at first: hide them last. */
			if (node == 0 && axis == 0)
				priv_set_weight(&t, CELL(gi, c), c == IND_HEADCOUNT ? 1000 : 100);
			else if (node == 0)
				priv_set_weight(&t, CELL(gi, c), c == IND_HEADCOUNT ? 1000 : 20);
			else if (node <= r->nboards && axis == 0 && c == IND_HEADCOUNT)
				priv_set_weight(&t, CELL(gi, c), 20);
		}
	}
	/* Each board's share of the region's cells (see priv_set_part). */
	for (int a = 0; a < r->naxis && r->nboards > 1; a++)
		for (int c = 0; c < IND_NCOUNT; c++) {
			if (CELL(GI(0, a), c) == SIZE_MAX)
				continue;
			for (int b = 0; b < r->nboards; b++)
				if ((rc = priv_set_part(&t, CELL(GI(0, a), c), b,
							r->groups[GI(ind_node_board(b), a)].count[c], err)) != 0)
					goto out;
		}
	/* Row equations of each group: headcount = vast + tijdelijk = sum of bands; 55+, 60+. */
	for (size_t gi = 0; gi < ng; gi++) {
		if (!r->groups[gi].exists)
			continue;
		size_t two[2] = {CELL(gi, IND_PERMANENT), CELL(gi, IND_TEMPORARY)};
		if (two[0] != SIZE_MAX &&
		    (rc = priv_add_sum(&t, CELL(gi, IND_HEADCOUNT), two, 2, err)) != 0)
			goto out;
		if (gi % (size_t)r->naxis != 0)
			continue;
		for (int b = 0; b < IND_BANDS; b++)
			parts[b] = CELL(gi, IND_BAND0 + b);
		if ((rc = priv_add_sum(&t, CELL(gi, IND_HEADCOUNT), parts, IND_BANDS, err)) != 0 ||
		    (rc = priv_add_sum(&t, CELL(gi, IND_AGE55), parts + 7, 3, err)) != 0 ||
		    (rc = priv_add_sum(&t, CELL(gi, IND_AGE60), parts + 8, 2, err)) != 0)
			goto out;
	}
	for (int c = 0; c < IND_NCOUNT; c++) {
		/* The region is the sum of its boards, for every subject position. */
		for (int a = 0; a < r->naxis && r->nboards > 0; a++) {
			if (a > 0 && !per_subject(c))
				continue;
			if (a > 0 && !detail && c != IND_HEADCOUNT)
				continue;
			size_t n = 0;
			for (int b = 0; b < r->nboards; b++)
				parts[n++] = CELL(GI(ind_node_board(b), a), c);
			if ((rc = priv_add_sum(&t, CELL(GI(0, a), c), parts, n, err)) != 0)
				goto out;
		}
		/*
		 * A board is the sum of its schools (all subjects). People without a
		 * school would break the sum: then the equation is left out (nobody
		 * can subtract with it either, as the difference is not published).
		 */
		for (int b = 0; b < r->nboards; b++) {
			size_t n = 0;
			long total = 0;
			for (int s = 0; s < r->nschools; s++)
				if (r->school_board[s] == b) {
					parts[n++] = CELL(GI(ind_node_school(r, s), 0), c);
					total += r->groups[GI(ind_node_school(r, s), 0)].count[c];
				}
			if (n == 0 || total != r->groups[GI(ind_node_board(b), 0)].count[c])
				continue;
			if ((rc = priv_add_sum(&t, CELL(GI(ind_node_board(b), 0), c), parts, n, err)) != 0)
				goto out;
		}
		/* All subjects = each subject + no subject, for the region and each board. */
		if (!per_subject(c))
			continue;
		for (int node = 0; node <= r->nboards; node++) {
			if (node > 0 && !detail && c != IND_HEADCOUNT)
				continue;
			size_t n = 0;
			for (int a = 1; a < r->naxis; a++)
				parts[n++] = CELL(GI(node, a), c);
			if ((rc = priv_add_sum(&t, CELL(GI(node, 0), c), parts, n, err)) != 0)
				goto out;
		}
	}
	if ((rc = priv_suppress(&t, threshold, err)) != 0)
		goto out;
	r->audits = t.audits;
	r->rounds = t.rounds;
	for (size_t gi = 0; gi < ng; gi++)
		for (int c = 0; c < IND_NCOUNT; c++)
			if (CELL(gi, c) != SIZE_MAX)
				r->groups[gi].state[c] = t.state[CELL(gi, c)];
out:
	priv_table_release(&t);
	free(id);
	free(parts);
	return rc;
#undef CELL
#undef GI
}
