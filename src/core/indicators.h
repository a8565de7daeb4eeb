/*
 * indicators.h - the regional fact base's indicators, computed from plain
 * structs (no SQL): headcount and FTE, the age pyramid, shares aged 55+
 * and 60+, expected retirements in 1, 3, 5 and 10 years, temporary
 * contracts, the part-time reserve, starters and zij-instromers, staff
 * still qualifying (benoembaar), and open vacancies with how long they have
 * been open.
 *
 * Groups. Every figure is computed for one node of the region - the region
 * itself, a board, or a school location - and one subject position - all
 * subjects, one subject, or "no subject" (staff without a qualification).
 * Subject positions exist for the region and its boards; school locations
 * are published for all subjects only (per school and subject nearly every
 * cell would hold five people or fewer).
 *
 * Counting rules (docs/facts.md):
 *  - a person counts once per board that employs them, at their main school
 *    (the largest FTE share; ties: the lower school id) and under their main
 *    subject (the highest qualification level; ties: the lower subject
 *    code), so every table adds up: the region is the sum of its boards, a
 *    board the sum of its schools, "all subjects" the sum of the subjects
 *    and "no subject";
 *  - age in whole years on the reference day; bands <25, 25-29, ..., 60-64, 65+;
 *  - retirements within N years: the AOW date (pension_age.h) falls on or
 *    before the reference day plus N years (people past it count too);
 *  - part-time reserve: people who told their board they want more hours,
 *    and how many hours (as FTE, hours / 1659, rule 11);
 *  - benoembaar: the main qualification is "in opleiding" (rule 22).
 * Person ages outside 15..80 are refused (SAMEN_EINVAL naming the person),
 * never counted silently.
 *
 * Suppression: indicators_suppress() puts every count of every group into
 * one priv_table with the equations above and applies rule 33
 * (privacy.h); FTE figures and shares follow the state of their count.
 */
#ifndef SAMEN_INDICATORS_H
#define SAMEN_INDICATORS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/pension_age.h"
#include "core/privacy.h"
#include "util/err.h"

#define IND_BANDS 10

/* Counts of persons per group (the cells that rule 33 protects). */
enum ind_count {
	IND_HEADCOUNT = 0,
	IND_BAND0,                       /* <25 */
	IND_BAND9 = IND_BAND0 + IND_BANDS - 1, /* 65+ */
	IND_AGE55,                       /* 55 and older */
	IND_AGE60,                       /* 60 and older */
	IND_PERMANENT,                   /* vast */
	IND_TEMPORARY,                   /* tijdelijk */
	IND_RETIRE1, IND_RETIRE3, IND_RETIRE5, IND_RETIRE10,
	IND_STARTERS,
	IND_ZIJ,                         /* zij-instromers */
	IND_RESERVE,                     /* want more hours */
	IND_BENOEMBAAR,                  /* main qualification in training */
	IND_NCOUNT
};

/* Retirement horizons in years, in the order of IND_RETIRE1..IND_RETIRE10. */
extern const int ind_retire_years[4];

/* Stable names of the counts ("headcount", "band_25_29", "age55", ...). */
const char *ind_count_name(enum ind_count c);

/* Label of an age band: "<25", "25-29", ..., "65+". */
const char *ind_band_label(int band);

struct ind_person {
	int board;            /* index 0..nboards-1 */
	int school;           /* main school index, -1 when none */
	int subject;          /* main subject index, -1 when none */
	long birth;           /* day number */
	double fte;           /* contract FTE */
	bool temporary;       /* tijdelijk contract */
	double extra_hours;   /* hours per year wanted on top (0: none) */
	bool starter, zij_instromer, benoembaar;
};

struct ind_vacancy {
	int board, school, subject; /* school and subject may be -1 */
	double fte;
	long opened;          /* day number */
	long closed;          /* day filled or withdrawn, 0 while open */
	bool filled;
};

struct ind_input {
	long today;                        /* reference day */
	const struct pension_row *aow;     /* AOW table (borrowed) */
	size_t naow;
	int nboards, nschools, nsubjects;
	const int *school_board;           /* nschools entries: the owning board */
	const struct ind_person *persons;
	size_t npersons;
	const struct ind_vacancy *vacancies;
	size_t nvacancies;
};

struct ind_group {
	bool exists;                       /* a published group (see the file comment) */
	long count[IND_NCOUNT];
	unsigned char state[IND_NCOUNT];   /* enum priv_state after indicators_suppress */
	double fte, reserve_fte, benoembaar_fte;
	/* Vacancies: positions, not persons, so never suppressed. */
	long vac_open, vac_filled, vac_open_over_90;
	double vac_open_fte;
	long vac_days_median, vac_days_max; /* over open vacancies; -1 when none */
	double vac_days_mean;
};

struct ind_result {
	int nboards, nschools, nsubjects;
	int nnodes;   /* 1 + nboards + nschools */
	int naxis;    /* nsubjects + 2: all, each subject, none */
	struct ind_group *groups; /* nnodes * naxis */
	int *school_board;        /* nschools entries: the owning board (a copy) */
	long audits, rounds;      /* from the suppression */
};

/* Node numbers: 0 the region, 1..nboards the boards, then the schools. */
static inline int ind_node_board(int board) { return 1 + board; }
static inline int ind_node_school(const struct ind_result *r, int school)
{
	return 1 + r->nboards + school;
}
/* Subject positions: 0 all subjects, 1..nsubjects a subject, nsubjects+1 none. */
static inline int ind_axis_subject(int subject) { return 1 + subject; }
static inline int ind_axis_none(const struct ind_result *r) { return r->nsubjects + 1; }

static inline struct ind_group *ind_group_at(const struct ind_result *r, int node, int axis)
{
	return &r->groups[(size_t)node * (size_t)r->naxis + (size_t)axis];
}

/*
 * Is count c of group (node, axis) published? Groups of school locations
 * exist for all subjects only; per subject the region publishes headcount,
 * 55+, 60+, temporary contracts, retirements and benoembaar (no age bands,
 * permanent contracts, starters, zij-instromers or reserve), a board only
 * its headcount. Unpublished
 * counts are computed, take part in the suppression as hidden unknowns
 * (protected when they hold 1..5 persons), and must never be shown.
 */
bool ind_published(const struct ind_result *r, int node, int axis, enum ind_count c);

/*
 * Compute every group. *out is filled (owned by the caller: indicators_free).
 * Errors: SAMEN_EINVAL for a person or vacancy with an index out of range,
 * a negative FTE or hours, an age outside 15..80 on the reference day, a
 * birth date the AOW table does not cover (err->line = 1-based person or
 * vacancy number, field named); SAMEN_ENOMEM.
 */
int indicators_compute(const struct ind_input *in, struct ind_result *out,
		       struct samen_err *err);

/*
 * Apply rule 33 to all counts of all groups at once (one priv_table; the
 * owner of a board's and its schools' cells is that board, region cells
 * have no owner unless the region has one board). Sets each group's state[].
 * Errors: those of priv_suppress.
 */
int indicators_suppress(struct ind_result *r, long threshold, struct samen_err *err);

/* Free the groups; r is empty afterwards. */
void indicators_free(struct ind_result *r);

#endif
