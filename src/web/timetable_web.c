/*
 * timetable_web.c - the parts of the timetable screens and API that both
 * use (see timetable_web.h): the edit check, bell rows, the upload of a
 * timetable or travel CSV, all or nothing.
 */
#include "web/timetable_web.h"

#include "formats/untis_gpu.h"
#include "formats/zermelo.h"
#include "web/calendar_web.h"
#include "web/form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int timetable_web_may_edit(struct req *r, int64_t school_id, bool *ok, struct samen_err *err)
{
	*ok = false;
	int64_t board = 0;
	int rc = calendar_school_board(r->db, school_id, &board, err);
	if (rc)
		return rc;
	*ok = calendar_may_edit_school(&r->user, school_id, board);
	return 0;
}

bool timetable_web_may_edit_region(const struct req *r)
{
	return r->user.role == ROLE_ADMIN || r->user.role == ROLE_COORDINATOR;
}

int timetable_web_bells_from_rows(const struct timetable_bell_row *rows, size_t n,
				  int lesson_minutes, struct bell_schedule *out,
				  struct samen_err *err)
{
	char text[1024];
	size_t used = 0;
	int items = 0;
	text[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const struct timetable_bell_row *row = &rows[i];
		if (!row->period[0] && !row->start[0] && !row->end[0])
			continue;
		items++;
		if (!row->period[0] || !row->start[0] || !row->end[0])
			return samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule",
					     "item %d: give the period, its start and its end", items);
		/* Keep the text unambiguous: no separators inside a field. */
		for (const char *f[3] = {row->period, row->start, row->end}, **q = f; q < f + 3; q++)
			if (strpbrk(*q, ",=-"))
				return samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule",
						     "item %d: bad value '%s'", items, *q);
		int w = snprintf(text + used, sizeof text - used, "%s%s=%s-%s", used ? "," : "",
				 row->period, row->start, row->end);
		if (w < 0 || (size_t)w >= sizeof text - used)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule",
					     "the bell schedule is too long");
		used += (size_t)w;
	}
	if (items == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule",
				     "give at least period 1 with its start and end");
	if (lesson_minutes != 0) {
		int w = snprintf(text + used, sizeof text - used, ",lesson=%d", lesson_minutes);
		if (w < 0 || (size_t)w >= sizeof text - used)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule",
					     "the bell schedule is too long");
	}
	int rc = bell_schedule_parse(text, out, err);
	if (rc)
		return rc;
	if (out->lesson_minutes < 20 || out->lesson_minutes > 120)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lesson_minutes",
				     "a lesson lasts 20 to 120 minutes, not %d", out->lesson_minutes);
	return 0;
}

/* Add a problem of the codes file to p (the codes parser stops at its first). */
static void one_problem(struct timetable_problems *p, const struct samen_err *e)
{
	if (!p)
		return;
	if (p->n < TIMETABLE_MAX_PROBLEMS) {
		struct timetable_problem *q = &p->items[p->n];
		q->line = e->line;
		snprintf(q->field, sizeof q->field, "%.63s", e->field);
		snprintf(q->msg, sizeof q->msg, "%.255s", e->msg);
	}
	p->n++;
}

int timetable_web_import(struct db *db, int64_t school_id, const struct timetable_upload *u,
			 const char *actor, const char **source, const char **file,
			 struct timetable_import_stats *st, struct timetable_problems *p,
			 struct samen_err *err)
{
	bool untis = u->gpu001 || u->gpu004;
	*source = untis ? "untis" : "zermelo";
	*file = "";
	if (p)
		memset(p, 0, sizeof *p);
	if (untis && u->zermelo)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "zermelo",
				     "upload either Untis (GPU001 and GPU004) or Zermelo, not both");
	if (!untis && !u->zermelo)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "gpu001",
				     "upload GPU001 and GPU004 (Untis), or a Zermelo JSON file"
				     " (a file with NUL bytes, such as UTF-16, counts as not sent)");
	if (untis && !u->gpu001)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "gpu001", "GPU001 (the lessons) is missing, or holds NUL bytes (UTF-16?)");
	if (untis && !u->gpu004)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "gpu004", "GPU004 (the teachers) is missing, or holds NUL bytes (UTF-16?)");

	struct timetable_code *codes = NULL;
	size_t ncodes = 0;
	struct timetable tt;
	timetable_init(&tt, untis ? TIMETABLE_UNTIS : TIMETABLE_ZERMELO);
	int rc = 0;
	if (u->codes) {
		codes = calloc(TIMETABLE_CODES_MAX, sizeof *codes);
		if (!codes) {
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			goto out;
		}
		rc = timetable_parse_codes(u->codes, u->codes_len, codes, &ncodes, err);
		if (rc) {
			*file = "codes";
			one_problem(p, err);
			goto out;
		}
	}
	struct bell_schedule bells;
	struct samen_err berr;
	samen_err_clear(&berr);
	int brc = timetable_store_bells(db, school_id, &bells, &berr);
	if (brc && (untis || brc != SAMEN_ENOTFOUND)) {
		*err = berr;
		rc = brc == SAMEN_ENOTFOUND ? SAMEN_EINVAL : brc;
		err->code = rc;
		goto out;
	}
	if (untis) {
		*file = "gpu004";
		rc = untis_gpu_read_teachers(u->gpu004, u->gpu004_len, &tt, p, err);
		if (rc == 0) {
			*file = "gpu001";
			rc = untis_gpu_read_lessons(u->gpu001, u->gpu001_len, &bells, &tt, p, err);
		}
	} else {
		*file = "zermelo";
		rc = zermelo_read(u->zermelo, u->zermelo_len, brc ? NULL : &bells, &tt, p, err);
	}
	if (rc)
		goto out;
	if (p)
		memset(p, 0, sizeof *p);
	if (u->dry_run) {
		rc = db_begin(db, err);
		if (rc)
			goto out;
		rc = timetable_store_import(db, school_id, &tt, codes, ncodes, actor, st, p, err);
		db_rollback(db);
	} else {
		rc = timetable_store_import(db, school_id, &tt, codes, ncodes, actor, st, p, err);
	}
	if (rc && err->field[0] && strcmp(err->field, "personeelsnummer") == 0) {
		*file = "codes";
		one_problem(p, err);
	}
	if (rc == 0)
		*file = "";
out:
	timetable_free(&tt);
	free(codes);
	return rc;
}

int timetable_web_travel_import(struct db *db, int64_t region_id, const char *text, size_t len,
				const char *actor, size_t *n, struct samen_err *err)
{
	*n = 0;
	if (!text || len == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "file",
				     "upload a CSV file with rows from_brinvest;to_brinvest;minutes");
	if (len > (size_t)4 * 1024 * 1024)
		return samen_fail_at(err, SAMEN_ETOOBIG, 0, "file",
				     "the travel file is larger than 4 MiB");
	struct timetable_travel *rows = calloc(TIMETABLE_TRAVEL_MAX, sizeof *rows);
	if (!rows)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	size_t count = 0;
	int rc = timetable_parse_travel(text, len, rows, &count, err);
	if (rc == 0 && count == 0)
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "file", "the file holds no travel times");
	if (rc == 0)
		rc = timetable_store_travel_import_region(db, region_id, rows, count, actor, err);
	if (rc == 0)
		*n = count;
	free(rows);
	return rc;
}

int timetable_web_form_file(const struct req *r, const char *name, char **out, size_t *len,
			    struct samen_err *err)
{
	*out = NULL;
	*len = 0;
	size_t cap = r->body.len + 1;
	char *v = malloc(cap);
	if (!v)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	if (!form_get(r, name, v, cap) || !v[0]) {
		free(v);
		return 0;
	}
	*len = strlen(v);
	char *fit = realloc(v, *len + 1); /* give back the rest of the body-sized buffer */
	*out = fit ? fit : v;
	return 0;
}

void timetable_web_hhmm(long minutes, char out[8])
{
	if (minutes < 0 || minutes > 1440)
		minutes = 0;
	snprintf(out, 8, "%02ld:%02ld", minutes / 60 % 100, minutes % 60);
}

void timetable_web_actor(const struct req *r, char *out, size_t n)
{
	snprintf(out, n, "web:%s", r->user.email);
}
