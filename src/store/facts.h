/*
 * facts.h - the regional fact base in the database (migration 0004).
 *
 * facts.c       sources (provenance), hand-entered figures and their
 *               "vastgesteld" marks, snapshots of computed figures,
 *               vacancies, per-employment staff facts (part-time reserve,
 *               starter, zij-instromer), forecast scenarios, the AOW table
 *               and the fact-base version used by caches;
 * facts_duo.c   DUO open data: one import per file, all or nothing, and
 *               the reads the fact base needs (pupils, prognoses, personnel);
 * facts_load.c  one region's staff, schools, subjects and vacancies as the
 *               plain structs of core/indicators.h and core/forecast.h.
 *
 * Every write runs in one transaction, bumps facts_version and is written
 * to the audit log with its actor. Results are owned by the caller and freed
 * with the matching *_free function. Person-level rows never leave this
 * layer except through facts_load (for aggregation by core/).
 */
#ifndef SAMEN_STORE_FACTS_H
#define SAMEN_STORE_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/forecast.h"
#include "core/indicators.h"
#include "core/pension_age.h"
#include "formats/duo_vo.h"
#include "store/db.h"

/* ---- provenance ---------------------------------------------------- */

struct fact_source_row {
	int64_t id;
	char kind[16];          /* duo, manual, snapshot, staff (a board's staff import) */
	char name[256];
	char licence[64];
	char supplier[128];
	int64_t board_id;       /* 0 = none */
	char board_name[128];
	char supplied_at[24];
	char detail[256];
	bool vastgesteld;
	char vastgesteld_by[128], vastgesteld_at[24];
};

/*
 * The sources behind a region's fact base, newest first: its staff imports
 * (from the audit log, one per board: the latest), DUO files, hand-entered
 * figures and snapshots. Staff-import rows have kind "staff" and id 0.
 */
int facts_sources(struct db *db, int64_t region_id, struct fact_source_row **out, size_t *n,
		  struct samen_err *err);

/* Mark a source agreed ("vastgesteld") by actor now. SAMEN_ENOTFOUND if none. */
int facts_source_vaststellen(struct db *db, int64_t region_id, int64_t source_id,
			     const char *actor, struct samen_err *err);

/* ---- figures -------------------------------------------------------- */

struct fact_figure_new {
	int64_t region_id;
	const char *indicator;     /* facts_indicator_known() */
	int64_t board_id, school_id; /* 0 = none */
	const char *subject;       /* NULL or "" = none */
	const char *period;        /* "2025-2026" or "YYYY-MM-DD" */
	bool unknown;              /* the value is not known (explicit "unknown") */
	double value;              /* >= 0 when known */
	const char *source_name;   /* where the number comes from, e.g. "DUO 03 lesgevend personeel 2018" */
	const char *note;
};

struct fact_figure_row {
	int64_t id, source_id, board_id, school_id;
	char indicator[40], subject[8], period[16];
	bool unknown;
	double value;
	char note[256];
	char source_kind[16], source_name[256], supplier[128], supplied_at[24];
	bool vastgesteld;
	char vastgesteld_by[128], vastgesteld_at[24];
};

/* Indicators a figure may be entered for (headcount, fte, vacancies, lessons_total, ...). */
bool facts_indicator_known(const char *indicator);
extern const char *const facts_indicators[];

/*
 * Add a hand-entered figure with its own source row (kind manual, supplier
 * actor, board_id as supplying board). Checks: known indicator, period
 * shape, board/school in the region (school of that board), known subject,
 * value >= 0 unless unknown. Errors: SAMEN_EINVAL naming the field.
 */
int facts_figure_add(struct db *db, const struct fact_figure_new *f, const char *actor,
		     int64_t *id, struct samen_err *err);

/* The region's figures (hand-entered and snapshots), newest first. */
int facts_figures(struct db *db, int64_t region_id, struct fact_figure_row **out, size_t *n,
		  struct samen_err *err);

/* Mark one figure vastgesteld by actor. SAMEN_ENOTFOUND if not in the region. */
int facts_figure_vaststellen(struct db *db, int64_t region_id, int64_t figure_id,
			     const char *actor, struct samen_err *err);

/* A computed figure for a snapshot. */
struct fact_snapshot_item {
	const char *indicator;
	int64_t board_id;
	const char *subject;
	double value;
};

/*
 * Store computed (published, already suppressed) figures as a snapshot
 * source with every figure vastgesteld by actor: the record of what the
 * partners agreed at a meeting. *source_id receives the snapshot's id.
 */
int facts_snapshot(struct db *db, int64_t region_id, const char *period,
		   const struct fact_snapshot_item *items, size_t n, const char *actor,
		   int64_t *source_id, struct samen_err *err);

/* ---- vacancies ------------------------------------------------------ */

struct vacancy_new {
	int64_t board_id, school_id;  /* school 0 = the board as a whole */
	const char *subject;
	double hours_per_year;        /* (0, 1659 * 1.2] */
	const char *opened_on;        /* YYYY-MM-DD, not in the future */
	const char *note;
};

struct vacancy_row {
	int64_t id, board_id, school_id;
	char board_name[128], school_name[128];
	char subject[8], opened_on[11], closed_on[11], status[12], filled_how[16];
	double hours_per_year;
	char note[256], created_by[128], updated_at[24];
};

/* Ways a vacancy is filled (vacancy.filled_how). */
extern const char *const facts_fill_ways[];

/* Register an open vacancy of a board. Errors: SAMEN_EINVAL naming the field. */
int facts_vacancy_add(struct db *db, const struct vacancy_new *v, long today, const char *actor,
		      int64_t *id, struct samen_err *err);

/*
 * Close an open vacancy of board_id: status "filled" (how: facts_fill_ways)
 * or "withdrawn", on day `on` (not before it opened, not in the future).
 * SAMEN_ENOTFOUND when no open vacancy id belongs to that board.
 */
int facts_vacancy_close(struct db *db, int64_t board_id, int64_t id, const char *status,
			const char *how, const char *on, long today, const char *actor,
			struct samen_err *err);

/* Vacancies of a region (board_id 0) or of one board, open ones first. */
int facts_vacancies(struct db *db, int64_t region_id, int64_t board_id, struct vacancy_row **out,
		    size_t *n, struct samen_err *err);

/* ---- staff facts ------------------------------------------------------ */

/*
 * Record for an employment of board_id: extra hours wanted per year (0..1659),
 * starter and zij-instromer flags. SAMEN_ENOTFOUND when the employment is
 * not the board's.
 */
int facts_staff_set(struct db *db, int64_t board_id, int64_t employment_id, double extra_hours,
		    bool starter, bool zij_instromer, const char *actor, struct samen_err *err);

/* ---- scenarios -------------------------------------------------------- */

struct scenario_row {
	int64_t id;
	char name[64], note[256], created_by[128], updated_at[24];
	struct fc_params params;
};

/*
 * Save (create or replace) a named scenario of a region. params is checked
 * (forecast_params_validate). Name: 1-63 characters of letters, digits,
 * space, '-', '_', '.'. Errors: SAMEN_EINVAL naming the field.
 */
int facts_scenario_save(struct db *db, int64_t region_id, const char *name,
			const struct fc_params *params, const char *note, const char *actor,
			struct samen_err *err);

/* All scenarios of a region by name. */
int facts_scenarios(struct db *db, int64_t region_id, struct scenario_row **out, size_t *n,
		    struct samen_err *err);

/* One scenario by name; SAMEN_ENOTFOUND if none. */
int facts_scenario_get(struct db *db, int64_t region_id, const char *name,
		       struct scenario_row *out, struct samen_err *err);

/* Scenario parameters as a JSON object text (malloc'ed) and back. */
char *facts_params_json(const struct fc_params *p);
int facts_params_from_json(const char *json, struct fc_params *p, struct samen_err *err);

/* ---- settings and version --------------------------------------------- */

/*
 * The AOW table in force: pension_age_setting when it has rows (validated),
 * else the built-in defaults. *rows is malloc'ed (free it); the sources of
 * stored rows point into *strings (free it too; NULL for the defaults).
 */
int facts_pension_rows(struct db *db, struct pension_row **rows, size_t *n, char **strings,
		       struct samen_err *err);

/*
 * A text that changes whenever the fact base's inputs change: the facts
 * version counter and a fingerprint of contracts, assignments,
 * qualifications and employments. out needs 96 bytes.
 */
int facts_version_key(struct db *db, char out[96], struct samen_err *err);

/* Increase facts_version (inside the caller's transaction). */
int facts_version_bump(struct db *db, struct samen_err *err);

/* ---- DUO -------------------------------------------------------------- */

struct duo_import_stats {
	long rows, stored;
	long masked;        /* masked values stored as unknown */
	long blank_cells;   /* empty pupil cells read as 0 */
	int64_t source_id;
};

/*
 * Store a parsed DUO file in one transaction: a fact_source row (kind
 * "duo", name, licence "CC-BY 4.0 (Dienst Uitvoering Onderwijs)", supplier
 * actor), then the rows (replacing the same location, board, location-year,
 * BRIN-level-year, or board-year personnel rows). Nothing is written on
 * failure. Audited.
 */
int facts_duo_import(struct db *db, const struct duo_file *f, const char *name,
		     const char *actor, struct duo_import_stats *stats, struct samen_err *err);

/* Pupils of the region's schools per year (DUO), school order. */
struct pupil_row {
	int64_t school_id;
	int year;
	long known, masked;
};
int facts_pupils(struct db *db, int64_t region_id, struct pupil_row **out, size_t *n,
		 struct samen_err *err);

/*
 * The region's pupil prognosis per year (DUO, summed over the BRINs of its
 * schools; a year with a masked entry is left out). years[i], counts[i].
 */
int facts_prognosis(struct db *db, int64_t region_id, int *years, double *counts, size_t max,
		    size_t *n, struct samen_err *err);

/* DUO teaching staff (functiegroep "Onderwijsgevend personeel") per board, latest year. */
struct duo_staff_row {
	int64_t board_id;
	int year;
	bool known;         /* false: masked or no figure */
	double persons, fte;
};
int facts_duo_staff(struct db *db, int64_t region_id, struct duo_staff_row **out, size_t *n,
		    struct samen_err *err);

/* ---- one region, loaded for core/ ------------------------------------- */

struct facts_board {
	int64_t id;
	char bestuursnummer[16], name[128];
};
struct facts_school {
	int64_t id;
	int board;          /* index into boards */
	char brin[8], vestiging[4], name[128];
};
struct facts_subject {
	char code[8], name_nl[64], name_en[64];
	bool shortage;
};

struct facts_data {
	int64_t region_id;
	char region_code[32], region_name[128];
	long today;
	struct facts_board *boards;
	int nboards;
	struct facts_school *schools;
	int nschools;
	int *school_board;   /* nschools: board index of each school */
	struct facts_subject *subjects;
	int nsubjects;
	struct ind_person *persons;
	size_t npersons;
	struct fc_person *fc;   /* same order as persons: birth, AOW, FTE */
	struct ind_vacancy *vacancies;
	size_t nvacancies;
	struct pension_row *aow;
	size_t naow;
	char *aow_strings;
};

/*
 * Load everything the indicators and the forecast of one region need, on
 * reference day `today`: current contracts only (in force today), each
 * person at their main school and main subject (indicators.h). A person
 * whose AOW date cannot be computed is an error. *out owned by the caller
 * (facts_data_free).
 */
int facts_load(struct db *db, int64_t region_id, long today, struct facts_data *out,
	       struct samen_err *err);
void facts_data_free(struct facts_data *d);

/* The ind_input view of loaded data (borrowed pointers into d). */
void facts_input(const struct facts_data *d, struct ind_input *in);

/* Index of a subject code in d->subjects, or -1. */
int facts_subject_index(const struct facts_data *d, const char *code);

#endif
