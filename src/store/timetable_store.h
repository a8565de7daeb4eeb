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

#endif
