/*
 * timetable_web.h - what the timetable screens (page_timetable.c) and their
 * JSON API (api_timetable.c) share: who may change a school's timetable
 * settings, building a bell schedule from rows, the all-or-nothing upload
 * of an Untis or Zermelo export and of the travel-times CSV, and reading
 * an uploaded file out of a form body. Issue 4, docs/match.md.
 */
#ifndef SAMEN_TIMETABLE_WEB_H
#define SAMEN_TIMETABLE_WEB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "formats/timetable.h"
#include "store/timetable_store.h"
#include "web/http.h"

/*
 * May the signed-in user change (and see) the timetable settings of
 * school_id? The school leader of that school, the executive and HR of the
 * school's board, the admin. 0 with *ok set, or SAMEN_ENOTFOUND / SAMEN_EDB.
 */
int timetable_web_may_edit(struct req *r, int64_t school_id, bool *ok, struct samen_err *err);

/* May the user change the region's matching settings (coordinator, admin)? */
bool timetable_web_may_edit_region(const struct req *r);

/* One row of a bell schedule as entered: period number and "HH:MM" times (may be ""). */
struct timetable_bell_row {
	char period[8], start[8], end[8];
};

/*
 * Build and check a bell schedule from n rows (rows whose three fields are
 * all empty are skipped) and a lesson length ("" or 0: the length of period
 * 1). The rows are turned into the setting syntax "1=08:30-09:20,..." and
 * parsed by bell_schedule_parse, so the refusals name the item as the
 * command line does (field "bell_schedule"). SAMEN_EINVAL.
 */
int timetable_web_bells_from_rows(const struct timetable_bell_row *rows, size_t n,
				  int lesson_minutes, struct bell_schedule *out,
				  struct samen_err *err);

/* The texts of one timetable upload; NULL/0 for what was not given. */
struct timetable_upload {
	const char *gpu001, *gpu004, *codes, *zermelo;
	size_t gpu001_len, gpu004_len, codes_len, zermelo_len;
	bool dry_run;
};

/*
 * Check and (unless u->dry_run) store one upload for a school: Untis needs
 * gpu001 and gpu004 and the school's bell schedule, Zermelo its JSON; codes
 * is optional. All or nothing: on any problem nothing is written, every
 * problem is in p (line, field, reason), the first also in err. A dry run runs the whole
 * import inside a transaction that is rolled back, so its figures are
 * those of a real import. *source is "untis" or "zermelo"; *file names the
 * upload the problems are in ("gpu001", "gpu004", "zermelo", "codes", or ""
 * when no one file is at fault). SAMEN_EINVAL, SAMEN_ETOOBIG,
 * SAMEN_ENOMEM, SAMEN_EDB.
 */
int timetable_web_import(struct db *db, int64_t school_id, const struct timetable_upload *u,
			 const char *actor, const char **source, const char **file,
			 struct timetable_import_stats *st, struct timetable_problems *p,
			 struct samen_err *err);

/*
 * Parse a travel CSV (text, len) and store it for region_id, all or
 * nothing (timetable_store_travel_import_region). *n gets the rows stored.
 * SAMEN_EINVAL naming line and field, SAMEN_ETOOBIG, SAMEN_ENOMEM, SAMEN_EDB.
 */
int timetable_web_travel_import(struct db *db, int64_t region_id, const char *text, size_t len,
				const char *actor, size_t *n, struct samen_err *err);

/*
 * A form field's value (a file's bytes or a text) copied into a new
 * NUL-terminated string; *out NULL and *len 0 when the field is absent or
 * empty. The caller frees *out. SAMEN_ENOMEM.
 */
int timetable_web_form_file(const struct req *r, const char *name, char **out, size_t *len,
			    struct samen_err *err);

/* "HH:MM" for minutes after midnight into out (at least 8 bytes). */
void timetable_web_hhmm(long minutes, char out[8]);

/* The actor written to the audit log for a web change: "web:" and the user's e-mail. */
void timetable_web_actor(const struct req *r, char *out, size_t n);

#endif
