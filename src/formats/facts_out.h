/*
 * facts_out.h - the fact base's tables (struct table_out, for the command
 * line, CSV and XLSX downloads) and its JSON document (for the API and
 * `samen facts --format json`), built from one struct factbase so every
 * face shows the same numbers.
 *
 * Rule 33 in the output: a suppressed count is written as "*" in tables
 * and as null (with its name listed under "suppressed") in JSON; an FTE or
 * share whose count is suppressed likewise; shares are written "<5%" below
 * 5% and ">95%" above 95%. Headers are Dutch (the exports are for Dutch
 * spreadsheets); JSON keys are English.
 */
#ifndef SAMEN_FACTS_OUT_H
#define SAMEN_FACTS_OUT_H

#include <jansson.h>

#include "core/factbase.h"
#include "formats/table_out.h"

enum facts_table {
	FT_GROUPS = 1,    /* the node and its parts: region -> boards, board -> schools */
	FT_SUBJECTS,      /* per subject for the region or a board */
	FT_PYRAMID,       /* age bands of the node: persons, permanent, temporary */
	FT_VACANCIES,     /* open vacancies per subject: number, FTE, days open */
	FT_SHORTAGE,      /* forecast shortage per subject (rows) and year (columns) */
	FT_FORECAST,      /* one subject per year: demand, supply, shortage and its band */
	FT_DISAGREE,      /* the boards' own counts beside DUO's and entered figures */
	FT_SOURCES,       /* where the figures come from */
};

/* Name of a table for URLs and file names ("groepen", "vakken", ...); NULL if unknown. */
const char *facts_table_name(enum facts_table t);
enum facts_table facts_table_parse(const char *name);

/*
 * Build table `which` for node (0 the region, else ind_node_board/school)
 * and subject index (FT_FORECAST; -1 otherwise). figures/sources may be
 * NULL except for FT_DISAGREE (figures) and FT_SOURCES (sources).
 * *out owned by the caller (table_out_free). Errors: SAMEN_EINVAL for a
 * node or subject that has no such table (a school has no subject table; a
 * forecast that is not published), SAMEN_ENOMEM.
 */
int facts_table(const struct factbase *fb, enum facts_table which, int node, int subject,
		const struct fact_figure_row *figures, size_t nfigures,
		const struct fact_source_row *sources, size_t nsources, struct table_out **out,
		struct samen_err *err);

/*
 * The JSON document of the fact base for node and subject filter (subject
 * -1 = all): region, filters, key figures, groups, subjects, pyramid,
 * vacancies, forecast (all subjects: shortage mean and band per year),
 * scenario parameters. New reference (caller decrefs).
 */
json_t *facts_json(const struct factbase *fb, int node, int subject);

/* The share text of count c over the group's headcount ("37%", "<5%", "*" hidden). */
void facts_share(const struct factbase *fb, int node, int axis, enum ind_count c, char out[8]);

#endif
