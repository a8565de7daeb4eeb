/*
 * timetable_store.h - connecting the timetable readers (formats/timetable.h)
 * and the per-school timetable settings to the matching store (issue 4).
 *
 * A school's timetable names teachers by short codes ("BAK", "kzp"); the
 * table teacher_code (migration 0006) maps each code to a person of Samen
 * per school. timetable_store_import replaces a school's imported lessons
 * (match_lesson rows with source "untis" or "zermelo") by those of a whole
 * struct timetable, all or nothing, with an audit entry. The bell schedule
 * and teaching cap of a school and imported travel times between schools
 * are written here too, each as one transaction. See docs/match.md and
 * docs/formats/timetables.md.
 */
#ifndef SAMEN_TIMETABLE_STORE_H
#define SAMEN_TIMETABLE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "formats/timetable.h"
#include "store/db.h"
#include "util/err.h"

/* One row of a codes file: teacher code -> personeelsnummer of the school's board. */
struct timetable_code {
	char code[16];
	char employee_number[64];
	long line;            /* line in the codes file (1-based), for errors */
};

/* One imported travel time between two schools (BRIN + vestiging, e.g. "31KN00"). */
struct timetable_travel {
	char from[16], to[16];
	int minutes;
	long line;
};

struct timetable_import_stats {
	long lessons;         /* lessons stored */
	long replaced;        /* earlier imported lessons of the school removed */
	long codes;           /* codes set from the codes file */
	long teachers;        /* distinct people with lessons */
};

/*
 * Find a school by BRIN and vestiging written together ("31KN00": 4 + 2
 * characters). SAMEN_EINVAL for a malformed value, SAMEN_ENOTFOUND when no
 * school has it, SAMEN_EDB.
 */
int timetable_store_school_find(struct db *db, const char *brinvest, int64_t *school_id,
				struct samen_err *err);

/*
 * Map code to person_id for a school (replaces an earlier mapping of the
 * code). The person must be employed by the school's board, else
 * SAMEN_EINVAL (field "person"). code: 1..15 bytes, else SAMEN_EINVAL.
 * SAMEN_EDB.
 */
int timetable_store_code_set(struct db *db, int64_t school_id, const char *code,
			     int64_t person_id, struct samen_err *err);

/* The person of a school's code: 0, SAMEN_ENOTFOUND (field "teacher"), SAMEN_EDB. */
int timetable_store_code_find(struct db *db, int64_t school_id, const char *code,
			      int64_t *person_id, struct samen_err *err);

/*
 * The school's bell schedule from school_period (periods must be 1..n
 * without gaps) and its lesson length (match_school_setting, else the
 * length of period 1). SAMEN_ENOTFOUND when the school has no periods,
 * SAMEN_EINVAL when the stored periods are not a valid schedule, SAMEN_EDB.
 */
int timetable_store_bells(struct db *db, int64_t school_id, struct bell_schedule *out,
			  struct samen_err *err);

/*
 * Import tt for a school in one transaction: first the codes (may be NULL
 * when ncodes is 0; each employee number must belong to the school's
 * board, else SAMEN_EINVAL naming the codes file's line), then every
 * lesson's teacher code is mapped through teacher_code (unknown codes:
 * SAMEN_EINVAL naming the timetable's line, all of them listed in p, which
 * may be NULL), the school's earlier lessons of source "untis" and
 * "zermelo" are deleted and the lessons stored (source "untis" or
 * "zermelo" after tt->source), and an audit entry "timetable.import" is
 * written by actor. On any failure nothing is written. st may be NULL.
 * SAMEN_EINVAL, SAMEN_ENOMEM, SAMEN_EDB.
 */
int timetable_store_import(struct db *db, int64_t school_id, const struct timetable *tt,
			   const struct timetable_code *codes, size_t ncodes, const char *actor,
			   struct timetable_import_stats *st, struct timetable_problems *p,
			   struct samen_err *err);

/*
 * Set a school's bell schedule (all its periods are replaced by those of
 * b, which is validated), its lesson length (b->lesson_minutes, 20..120)
 * and, when max_teaching_hours > 0, its teaching cap in clock hours per
 * fte-year (1..1659; else the stored cap or the default 720 is kept). One
 * transaction with an audit entry. SAMEN_EINVAL, SAMEN_EDB.
 */
int timetable_store_settings_set(struct db *db, int64_t school_id, const struct bell_schedule *b,
				 double max_teaching_hours, const char *actor,
				 struct samen_err *err);

/*
 * Store n travel times (schools by BRIN+vestiging; minutes 0..1440) in one
 * transaction with an audit entry; an unknown school or bad value is
 * SAMEN_EINVAL naming the row's line and nothing is written. SAMEN_EDB.
 */
int timetable_store_travel_import(struct db *db, const struct timetable_travel *rows, size_t n,
				  const char *actor, struct samen_err *err);

/* ---- reading and editing the settings on a screen (web/page_timetable.c) ---- */

/* One teacher code of a school with its person. */
struct timetable_code_row {
	char code[16];
	int64_t person_id;
	char name[160];            /* "first last" */
	char employee_number[64];  /* at the school's board ("" if none any more) */
};

/* One person of a board, for choosing the person of a code. */
struct timetable_staff_row {
	int64_t person_id;
	char name[160];
	char employee_number[64];
};

/* One imported travel time with the schools' codes and names. */
struct timetable_travel_row {
	int64_t from_id, to_id;
	char from[16], to[16];     /* BRIN + vestiging */
	char from_name[128], to_name[128];
	int minutes;
};

/* Matching settings of a region (defaults 30 km/h, 40 weeks, 3 days when none stored). */
struct timetable_region_settings {
	double speed_kmh;
	int weeks_per_year;
	int offer_days;
	int stored;                /* 1 when a row exists, 0 for the defaults */
};

/*
 * The school's lesson length and teaching cap from match_school_setting
 * (defaults 50 and 720, *stored 0, when the school has no row). Either
 * output may be NULL. SAMEN_EDB.
 */
int timetable_store_school_settings(struct db *db, int64_t school_id, int *lesson_minutes,
				    double *teaching_cap, int *stored, struct samen_err *err);

/*
 * Imported lessons of the school per source: *untis, *zermelo (either may
 * be NULL) and *other (manual etc.; may be NULL). SAMEN_EDB.
 */
int timetable_store_lesson_counts(struct db *db, int64_t school_id, long *untis, long *zermelo,
				  long *other, struct samen_err *err);

/*
 * The teacher codes of a school by code; *out (owned by the caller, free())
 * holds *n rows, NULL when there are none. SAMEN_ENOMEM, SAMEN_EDB.
 */
int timetable_store_codes_list(struct db *db, int64_t school_id, struct timetable_code_row **out,
			       size_t *n, struct samen_err *err);

/*
 * Set one code of a school to the person with employee_number at the
 * school's board, with an audit entry, in one transaction. SAMEN_EINVAL
 * (field "code" for a code not 1..15 bytes, "personeelsnummer" when the
 * board has no such employee), SAMEN_EDB. *person_id (may be NULL) gets the person.
 */
int timetable_store_code_set_employee(struct db *db, int64_t school_id, const char *code,
				      const char *employee_number, const char *actor,
				      int64_t *person_id, struct samen_err *err);

/*
 * Remove a code of a school, with an audit entry. SAMEN_ENOTFOUND (field
 * "code") when the school has no such code, SAMEN_EDB. Lessons already
 * imported stay; the next import needs the code again.
 */
int timetable_store_code_delete(struct db *db, int64_t school_id, const char *code,
				const char *actor, struct samen_err *err);

/*
 * The people employed by the school's board, by sort name, with their
 * employee number; with at_school only those assigned to the school (what
 * a school leader may see of the board's staff). *out owned by the caller
 * (free()). SAMEN_ENOMEM, SAMEN_EDB.
 */
int timetable_store_board_staff(struct db *db, int64_t school_id, bool at_school,
				struct timetable_staff_row **out, size_t *n,
				struct samen_err *err);

/* The region's matching settings (see struct timetable_region_settings). SAMEN_EDB. */
int timetable_store_region_settings(struct db *db, int64_t region_id,
				    struct timetable_region_settings *out, struct samen_err *err);

/*
 * Set the region's matching settings (match_region_setting_set: speed
 * 1..200 km/h, weeks 1..52, offer days 1..30, SAMEN_EINVAL naming the
 * field) with an audit entry, one transaction. SAMEN_EDB.
 */
int timetable_store_region_settings_set(struct db *db, int64_t region_id, double speed_kmh,
					int weeks_per_year, int offer_days, const char *actor,
					struct samen_err *err);

/*
 * The imported travel times that start or end at a school of the region
 * (region_id 0: all), by from and to code; *out owned by the caller (free()).
 * SAMEN_ENOMEM, SAMEN_EDB.
 */
int timetable_store_travel_list(struct db *db, int64_t region_id,
				struct timetable_travel_row **out, size_t *n,
				struct samen_err *err);

/*
 * Like timetable_store_travel_import, but when region_id is not 0 both
 * schools of every row must belong to that region, else SAMEN_EINVAL naming
 * the row's line and field (from_brinvest / to_brinvest); nothing is written.
 */
int timetable_store_travel_import_region(struct db *db, int64_t region_id,
					 const struct timetable_travel *rows, size_t n,
					 const char *actor, struct samen_err *err);

/* ---- the small CSV files of the commands and screens ---- */

#define TIMETABLE_TRAVEL_MAX 20000
#define TIMETABLE_CODES_MAX 2000

/*
 * Parse travel rows `from_brinvest;to_brinvest;minutes` (an optional header
 * line starting with "from", blank lines ignored, a UTF-8 byte-order mark
 * skipped) into out, which holds TIMETABLE_TRAVEL_MAX rows. SAMEN_EINVAL
 * naming line and field (from_brinvest, to_brinvest, minutes),
 * SAMEN_ETOOBIG for more rows.
 */
int timetable_parse_travel(const char *text, size_t len, struct timetable_travel *out, size_t *n,
			   struct samen_err *err);

/*
 * Parse a codes file `code;personeelsnummer` (optional header line
 * starting with "code", blank lines ignored) into out, which holds
 * TIMETABLE_CODES_MAX rows. SAMEN_EINVAL naming line and field (code,
 * personeelsnummer; a code twice names the other line), SAMEN_ETOOBIG.
 */
int timetable_parse_codes(const char *text, size_t len, struct timetable_code *out, size_t *n,
			  struct samen_err *err);

#endif
