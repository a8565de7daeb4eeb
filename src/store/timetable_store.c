/*
 * timetable_store.c - teacher codes, timetable import, bell schedule and
 * travel times in the matching store (see timetable_store.h). Every
 * writing function is one transaction (nested in the caller's, if any)
 * ending with an audit entry.
 */
#include "store/timetable_store.h"

#include "store/audit.h"
#include "store/match.h"
#include "util/vec.h"

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Step a statement that returns no rows, then finalize it. */
static int finish(struct db_stmt *st, struct samen_err *err)
{
	int rc = db_step(st, err);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int timetable_store_school_find(struct db *db, const char *brinvest, int64_t *school_id,
				struct samen_err *err)
{
	if (!brinvest || strlen(brinvest) != 6)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "school",
				     "a school is BRIN and vestiging together, e.g. 31KN00");
	char brin[5], vest[3];
	memcpy(brin, brinvest, 4);
	brin[4] = '\0';
	memcpy(vest, brinvest + 4, 2);
	vest[2] = '\0';
	const char *params[] = {brin, vest};
	int rc = db_query_int(db, "SELECT id FROM school WHERE brin = $1 AND vestiging = $2", 2,
			      params, school_id, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_ENOTFOUND, 0, "school", "no school %s", brinvest);
	return rc;
}

int timetable_store_code_set(struct db *db, int64_t school_id, const char *code,
			     int64_t person_id, struct samen_err *err)
{
	size_t len = code ? strlen(code) : 0;
	if (len < 1 || len > 15)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "code",
				     "a teacher code has 1 to 15 characters");
	struct db_stmt *st = NULL;
	int rc = db_prepare(db,
			    "SELECT COUNT(*) FROM employment e JOIN school s ON s.board_id = e.board_id"
			    " WHERE s.id = $1 AND e.person_id = $2",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	db_bind_int(st, 2, person_id);
	rc = db_step(st, err);
	int64_t count = rc == 1 ? db_col_int(st, 0) : 0;
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (count == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "person",
				     "person %lld is not employed by the school's board",
				     (long long)person_id);
	rc = db_prepare(db, "DELETE FROM teacher_code WHERE school_id = $1 AND code = $2", &st,
			err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	db_bind_text(st, 2, code);
	rc = finish(st, err);
	if (rc)
		return rc;
	rc = db_prepare(db, "INSERT INTO teacher_code (school_id, code, person_id) VALUES ($1,$2,$3)",
			&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	db_bind_text(st, 2, code);
	db_bind_int(st, 3, person_id);
	return finish(st, err);
}

int timetable_store_code_find(struct db *db, int64_t school_id, const char *code,
			      int64_t *person_id, struct samen_err *err)
{
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT person_id FROM teacher_code WHERE school_id = $1 AND code = $2",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	db_bind_text(st, 2, code);
	rc = db_step(st, err);
	if (rc == 1)
		*person_id = db_col_int(st, 0);
	db_finalize(st);
	if (rc == 0)
		return samen_fail_at(err, SAMEN_ENOTFOUND, 0, "teacher", "unknown teacher code %s",
				     code);
	return rc < 0 ? rc : 0;
}

int timetable_store_bells(struct db *db, int64_t school_id, struct bell_schedule *out,
			  struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT period, start_min, end_min FROM school_period"
				" WHERE school_id = $1 ORDER BY period", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	while ((rc = db_step(st, err)) == 1) {
		int64_t period = db_col_int(st, 0);
		if (period != out->nperiods + 1 || period > BELL_MAX_PERIODS) {
			db_finalize(st);
			return samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule",
					     "the stored bell schedule lacks period %d",
					     out->nperiods + 1);
		}
		out->nperiods = (int)period;
		out->start_min[period] = (long)db_col_int(st, 1);
		out->end_min[period] = (long)db_col_int(st, 2);
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (out->nperiods == 0)
		return samen_fail_at(err, SAMEN_ENOTFOUND, 0, "bell_schedule",
				     "the school has no bell schedule; set one first "
				     "(samen timetable-settings --bell)");
	int64_t minutes = 0;
	rc = db_prepare(db, "SELECT lesson_minutes FROM match_school_setting WHERE school_id = $1",
			&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	rc = db_step(st, err);
	if (rc == 1)
		minutes = db_col_int(st, 0);
	db_finalize(st);
	if (rc < 0)
		return rc;
	out->lesson_minutes = minutes > 0 ? (int)minutes : (int)(out->end_min[1] - out->start_min[1]);
	return bell_schedule_validate(out, err);
}

struct lookup_ctx {
	struct db *db;
	struct samen_err *err;
};

static int lookup_code(void *ctx, long school_id, const char *code, long *person_id)
{
	struct lookup_ctx *c = ctx;
	struct samen_err local;
	int64_t id = 0;
	int rc = timetable_store_code_find(c->db, school_id, code, &id, &local);
	if (rc == 0)
		*person_id = (long)id;
	else if (rc != SAMEN_ENOTFOUND && c->err)
		*c->err = local;
	return rc;
}

/* Set the codes of a codes file for the school (inside the caller's transaction). */
static int set_codes(struct db *db, int64_t school_id, const struct timetable_code *codes,
		     size_t ncodes, struct samen_err *err)
{
	for (size_t i = 0; i < ncodes; i++) {
		const struct timetable_code *c = &codes[i];
		struct db_stmt *st = NULL;
		int rc = db_prepare(db,
				    "SELECT e.person_id FROM employment e JOIN school s"
				    " ON s.board_id = e.board_id"
				    " WHERE s.id = $1 AND e.employee_number = $2",
				    &st, err);
		if (rc)
			return rc;
		db_bind_int(st, 1, school_id);
		db_bind_text(st, 2, c->employee_number);
		rc = db_step(st, err);
		int64_t person = rc == 1 ? db_col_int(st, 0) : 0;
		db_finalize(st);
		if (rc < 0)
			return rc;
		if (rc == 0)
			return samen_fail_at(err, SAMEN_EINVAL, c->line, "personeelsnummer",
					     "no employee %s at the school's board (code %s)",
					     c->employee_number, c->code);
		rc = timetable_store_code_set(db, school_id, c->code, person, err);
		if (rc) {
			if (err)
				err->line = c->line;
			return rc;
		}
	}
	return 0;
}

int timetable_store_import(struct db *db, int64_t school_id, const struct timetable *tt,
			   const struct timetable_code *codes, size_t ncodes, const char *actor,
			   struct timetable_import_stats *st, struct timetable_problems *p,
			   struct samen_err *err)
{
	struct timetable_import_stats local = {0};
	long *people = NULL;
	const char *source = tt->source == TIMETABLE_UNTIS ? "untis" : "zermelo";
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = set_codes(db, school_id, codes, ncodes, err);
	if (rc)
		goto out;
	local.codes = (long)ncodes;
	people = calloc(tt->n ? tt->n : 1, sizeof *people);
	if (!people) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	struct samen_err lookup_err;
	samen_err_clear(&lookup_err);
	struct lookup_ctx ctx = {db, &lookup_err};
	rc = timetable_map_people(tt, (long)school_id, lookup_code, &ctx, people, p, err);
	if (rc) {
		if (rc != SAMEN_EINVAL && lookup_err.code)
			*err = lookup_err;
		goto out;
	}
	struct db_stmt *del = NULL;
	rc = db_prepare(db, "DELETE FROM match_lesson WHERE school_id = $1"
			    " AND (source = 'untis' OR source = 'zermelo')", &del, err);
	if (rc)
		goto out;
	db_bind_int(del, 1, school_id);
	rc = finish(del, err);
	if (rc)
		goto out;
	local.replaced = (long)db_changes(db);
	for (size_t i = 0; i < tt->n; i++) {
		const struct lesson *l = &tt->lessons[i];
		struct match_lesson_row row;
		memset(&row, 0, sizeof row);
		row.person_id = people[i];
		row.school_id = school_id;
		row.weekday = l->weekday;
		row.period = l->period;
		row.start = (int)l->start_min;
		row.end = (int)l->end_min;
		snprintf(row.class_name, sizeof row.class_name, "%s", l->class_name);
		snprintf(row.subject, sizeof row.subject, "%.7s", l->subject);
		snprintf(row.source, sizeof row.source, "%s", source);
		rc = match_lesson_add(db, &row, err);
		if (rc) {
			if (err)
				err->line = l->line;
			goto out;
		}
		local.lessons++;
		int seen = 0;
		for (size_t j = 0; j < i && !seen; j++)
			seen = people[j] == people[i];
		if (!seen)
			local.teachers++;
	}
	char id[32], detail[160];
	snprintf(id, sizeof id, "%lld", (long long)school_id);
	snprintf(detail, sizeof detail, "%s: %ld lessons of %ld teachers, %ld replaced, %ld codes",
		 source, local.lessons, local.teachers, local.replaced, local.codes);
	rc = audit_add(db, 0, actor ? actor : "", "timetable.import", "school", id, 0, detail, err);
	if (rc)
		goto out;
	rc = db_commit(db, err);
out:
	if (rc)
		db_rollback(db);
	free(people);
	if (rc == 0 && st)
		*st = local;
	return rc;
}

int timetable_store_settings_set(struct db *db, int64_t school_id, const struct bell_schedule *b,
				 double max_teaching_hours, const char *actor,
				 struct samen_err *err)
{
	int rc = bell_schedule_validate(b, err);
	if (rc)
		return rc;
	if (b->lesson_minutes < 20 || b->lesson_minutes > 120)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lesson",
				     "a lesson lasts 20 to 120 minutes, not %d", b->lesson_minutes);
	if (max_teaching_hours > 1659 || (max_teaching_hours <= 0 && max_teaching_hours != 0))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "max_teaching_hours",
				     "the teaching cap is 1 to 1659 clock hours per fte-year");
	rc = db_begin(db, err);
	if (rc)
		return rc;
	double cap = 720;
	struct db_stmt *st = NULL;
	rc = db_prepare(db, "SELECT teaching_cap FROM match_school_setting WHERE school_id = $1",
			&st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, school_id);
	rc = db_step(st, err);
	if (rc == 1)
		cap = db_col_double(st, 0);
	db_finalize(st);
	if (rc < 0)
		goto out;
	if (max_teaching_hours > 0)
		cap = max_teaching_hours;
	rc = db_prepare(db, "DELETE FROM school_period WHERE school_id = $1", &st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, school_id);
	rc = finish(st, err);
	for (int p = 1; rc == 0 && p <= b->nperiods; p++)
		rc = match_bell_set(db, school_id, p, (int)b->start_min[p], (int)b->end_min[p], err);
	if (rc)
		goto out;
	rc = match_school_setting_set(db, school_id, b->lesson_minutes, cap, err);
	if (rc)
		goto out;
	char id[32], detail[200];
	snprintf(id, sizeof id, "%lld", (long long)school_id);
	char bells[180];
	if (bell_schedule_format(b, bells, sizeof bells, NULL) != 0)
		snprintf(bells, sizeof bells, "%d periods", b->nperiods);
	snprintf(detail, sizeof detail, "%.150s; cap %.0f", bells, cap);
	rc = audit_add(db, 0, actor ? actor : "", "timetable.settings", "school", id, 0, detail, err);
	if (rc)
		goto out;
	rc = db_commit(db, err);
out:
	if (rc)
		db_rollback(db);
	return rc;
}

int timetable_store_travel_import(struct db *db, const struct timetable_travel *rows, size_t n,
				  const char *actor, struct samen_err *err)
{
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		const struct timetable_travel *t = &rows[i];
		int64_t from = 0, to = 0;
		rc = timetable_store_school_find(db, t->from, &from, err);
		if (rc == 0)
			rc = timetable_store_school_find(db, t->to, &to, err);
		if (rc == 0 && from == to)
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "to_brinvest",
					   "a travel time joins two different schools");
		if (rc == 0)
			rc = match_travel_set(db, from, to, t->minutes, err);
		if (rc) {
			if (rc == SAMEN_ENOTFOUND)
				rc = SAMEN_EINVAL; /* an unknown school is bad input */
			if (err) {
				err->code = rc;
				err->line = t->line;
			}
			goto out;
		}
	}
	char detail[64];
	snprintf(detail, sizeof detail, "%zu travel times", n);
	rc = audit_add(db, 0, actor ? actor : "", "match.travel_import", "travel_time", "", 0,
		       detail, err);
	if (rc)
		goto out;
	rc = db_commit(db, err);
out:
	if (rc)
		db_rollback(db);
	return rc;
}

/* ---- reading and editing the settings on a screen ---- */

int timetable_store_school_settings(struct db *db, int64_t school_id, int *lesson_minutes,
				    double *teaching_cap, int *stored, struct samen_err *err)
{
	int minutes = 50, found = 0;
	double cap = 720;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT lesson_minutes, teaching_cap FROM match_school_setting"
				" WHERE school_id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	rc = db_step(st, err);
	if (rc == 1) {
		minutes = (int)db_col_int(st, 0);
		cap = db_col_double(st, 1);
		found = 1;
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (lesson_minutes)
		*lesson_minutes = minutes;
	if (teaching_cap)
		*teaching_cap = cap;
	if (stored)
		*stored = found;
	return 0;
}

int timetable_store_lesson_counts(struct db *db, int64_t school_id, long *untis, long *zermelo,
				  long *other, struct samen_err *err)
{
	long u = 0, z = 0, o = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT source, COUNT(*) FROM match_lesson WHERE school_id = $1"
				" GROUP BY source", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	while ((rc = db_step(st, err)) == 1) {
		const char *src = db_col_text(st, 0);
		long c = (long)db_col_int(st, 1);
		if (strcmp(src, "untis") == 0)
			u += c;
		else if (strcmp(src, "zermelo") == 0)
			z += c;
		else
			o += c;
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (untis)
		*untis = u;
	if (zermelo)
		*zermelo = z;
	if (other)
		*other = o;
	return 0;
}

int timetable_store_codes_list(struct db *db, int64_t school_id, struct timetable_code_row **out,
			       size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db,
			    "SELECT tc.code, tc.person_id, p.first_name, p.last_name,"
			    " COALESCE(e.employee_number, '')"
			    " FROM teacher_code tc JOIN school s ON s.id = tc.school_id"
			    " JOIN person p ON p.id = tc.person_id"
			    " LEFT JOIN employment e ON e.person_id = tc.person_id AND e.board_id = s.board_id"
			    " WHERE tc.school_id = $1 ORDER BY tc.code",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	while ((rc = db_step(st, err)) == 1) {
		rc = vec_grow((void **)out, &cap, *n, sizeof **out, err);
		if (rc)
			break;
		struct timetable_code_row *row = &(*out)[*n];
		snprintf(row->code, sizeof row->code, "%s", db_col_text(st, 0));
		row->person_id = db_col_int(st, 1);
		snprintf(row->name, sizeof row->name, "%.79s %.79s", db_col_text(st, 2),
			 db_col_text(st, 3));
		snprintf(row->employee_number, sizeof row->employee_number, "%s", db_col_text(st, 4));
		(*n)++;
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}

int timetable_store_code_set_employee(struct db *db, int64_t school_id, const char *code,
				      const char *employee_number, const char *actor,
				      int64_t *person_id, struct samen_err *err)
{
	size_t len = code ? strlen(code) : 0;
	if (len < 1 || len > 15)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "code",
				     "a teacher code has 1 to 15 characters");
	if (!employee_number || !employee_number[0])
		return samen_fail_at(err, SAMEN_EINVAL, 0, "personeelsnummer",
				     "choose a person or give a personeelsnummer");
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	struct timetable_code c;
	memset(&c, 0, sizeof c);
	memcpy(c.code, code, len + 1);
	snprintf(c.employee_number, sizeof c.employee_number, "%s", employee_number);
	rc = set_codes(db, school_id, &c, 1, err);
	if (rc) {
		if (err)
			err->line = 0;
		goto out;
	}
	int64_t person = 0;
	rc = timetable_store_code_find(db, school_id, code, &person, err);
	if (rc)
		goto out;
	char id[32], detail[120];
	snprintf(id, sizeof id, "%lld", (long long)school_id);
	snprintf(detail, sizeof detail, "code %s -> person %lld", code, (long long)person);
	rc = audit_add(db, 0, actor ? actor : "", "timetable.code_set", "school", id, 0, detail, err);
	if (rc)
		goto out;
	rc = db_commit(db, err);
	if (rc == 0 && person_id)
		*person_id = person;
out:
	if (rc)
		db_rollback(db);
	return rc;
}

int timetable_store_code_delete(struct db *db, int64_t school_id, const char *code,
				const char *actor, struct samen_err *err)
{
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	struct db_stmt *st = NULL;
	rc = db_prepare(db, "DELETE FROM teacher_code WHERE school_id = $1 AND code = $2", &st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, school_id);
	db_bind_text(st, 2, code ? code : "");
	rc = finish(st, err);
	if (rc)
		goto out;
	if (db_changes(db) == 0) {
		rc = samen_fail_at(err, SAMEN_ENOTFOUND, 0, "code", "the school has no code %s",
				   code ? code : "");
		goto out;
	}
	char id[32], detail[64];
	snprintf(id, sizeof id, "%lld", (long long)school_id);
	snprintf(detail, sizeof detail, "code %s removed", code);
	rc = audit_add(db, 0, actor ? actor : "", "timetable.code_delete", "school", id, 0, detail,
		       err);
	if (rc)
		goto out;
	rc = db_commit(db, err);
out:
	if (rc)
		db_rollback(db);
	return rc;
}

int timetable_store_board_staff(struct db *db, int64_t school_id, bool at_school,
				struct timetable_staff_row **out, size_t *n,
				struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db,
			    "SELECT p.id, p.first_name, p.last_name, e.employee_number"
			    " FROM employment e JOIN school s ON s.board_id = e.board_id"
			    " JOIN person p ON p.id = e.person_id"
			    " WHERE s.id = $1 AND ($2 = 0 OR EXISTS (SELECT 1 FROM assignment a"
			    " WHERE a.employment_id = e.id AND a.school_id = s.id))"
			    " ORDER BY p.sort_name, p.id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, school_id);
	db_bind_int(st, 2, at_school ? 1 : 0);
	while ((rc = db_step(st, err)) == 1) {
		rc = vec_grow((void **)out, &cap, *n, sizeof **out, err);
		if (rc)
			break;
		struct timetable_staff_row *row = &(*out)[*n];
		row->person_id = db_col_int(st, 0);
		snprintf(row->name, sizeof row->name, "%.79s %.79s", db_col_text(st, 1),
			 db_col_text(st, 2));
		snprintf(row->employee_number, sizeof row->employee_number, "%s", db_col_text(st, 3));
		(*n)++;
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}

int timetable_store_region_settings(struct db *db, int64_t region_id,
				    struct timetable_region_settings *out, struct samen_err *err)
{
	out->speed_kmh = 30;
	out->weeks_per_year = 40;
	out->offer_days = 3;
	out->stored = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT speed_kmh, weeks_per_year, offer_days FROM match_setting"
				" WHERE region_id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	rc = db_step(st, err);
	if (rc == 1) {
		out->speed_kmh = db_col_double(st, 0);
		out->weeks_per_year = (int)db_col_int(st, 1);
		out->offer_days = (int)db_col_int(st, 2);
		out->stored = 1;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int timetable_store_region_settings_set(struct db *db, int64_t region_id, double speed_kmh,
					int weeks_per_year, int offer_days, const char *actor,
					struct samen_err *err)
{
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = match_region_setting_set(db, region_id, speed_kmh, weeks_per_year, offer_days, err);
	if (rc)
		goto out;
	char id[32], detail[120];
	snprintf(id, sizeof id, "%lld", (long long)region_id);
	snprintf(detail, sizeof detail, "speed %.1f km/h, %d weeks, offers %d days", speed_kmh,
		 weeks_per_year, offer_days);
	rc = audit_add(db, 0, actor ? actor : "", "match.settings", "region", id, 0, detail, err);
	if (rc)
		goto out;
	rc = db_commit(db, err);
out:
	if (rc)
		db_rollback(db);
	return rc;
}

int timetable_store_travel_list(struct db *db, int64_t region_id,
				struct timetable_travel_row **out, size_t *n,
				struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st = NULL;
	int rc = db_prepare(db,
			    "SELECT t.from_school_id, t.to_school_id, a.brin, a.vestiging, a.name,"
			    " b.brin, b.vestiging, b.name, t.minutes"
			    " FROM travel_time t JOIN school a ON a.id = t.from_school_id"
			    " JOIN school b ON b.id = t.to_school_id"
			    " JOIN board ba ON ba.id = a.board_id JOIN board bb ON bb.id = b.board_id"
			    " WHERE CAST($1 AS BIGINT) = 0 OR ba.region_id = CAST($1 AS BIGINT)"
			    " OR bb.region_id = CAST($1 AS BIGINT)"
			    " ORDER BY a.brin, a.vestiging, b.brin, b.vestiging",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	while ((rc = db_step(st, err)) == 1) {
		rc = vec_grow((void **)out, &cap, *n, sizeof **out, err);
		if (rc)
			break;
		struct timetable_travel_row *row = &(*out)[*n];
		row->from_id = db_col_int(st, 0);
		row->to_id = db_col_int(st, 1);
		snprintf(row->from, sizeof row->from, "%.4s%.2s", db_col_text(st, 2),
			 db_col_text(st, 3));
		snprintf(row->from_name, sizeof row->from_name, "%s", db_col_text(st, 4));
		snprintf(row->to, sizeof row->to, "%.4s%.2s", db_col_text(st, 5), db_col_text(st, 6));
		snprintf(row->to_name, sizeof row->to_name, "%s", db_col_text(st, 7));
		row->minutes = (int)db_col_int(st, 8);
		(*n)++;
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}

/* The region of a school (by id). */
static int school_region(struct db *db, int64_t school_id, int64_t *region,
			 struct samen_err *err)
{
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)school_id);
	const char *p[] = {id};
	return db_query_int(db, "SELECT b.region_id FROM school s JOIN board b ON b.id = s.board_id"
				" WHERE s.id = CAST($1 AS INTEGER)", 1, p, region, err);
}

int timetable_store_travel_import_region(struct db *db, int64_t region_id,
					 const struct timetable_travel *rows, size_t n,
					 const char *actor, struct samen_err *err)
{
	if (region_id == 0)
		return timetable_store_travel_import(db, rows, n, actor, err);
	for (size_t i = 0; i < n; i++) {
		const struct timetable_travel *t = &rows[i];
		const char *codes[2] = {t->from, t->to};
		static const char *const fields[2] = {"from_brinvest", "to_brinvest"};
		for (int k = 0; k < 2; k++) {
			int64_t school = 0, region = 0;
			int rc = timetable_store_school_find(db, codes[k], &school, err);
			if (rc == 0)
				rc = school_region(db, school, &region, err);
			if (rc == SAMEN_ENOTFOUND || rc == SAMEN_EINVAL)
				return samen_fail_at(err, SAMEN_EINVAL, t->line, fields[k],
						     "no school %s", codes[k]);
			if (rc)
				return rc;
			if (region != region_id)
				return samen_fail_at(err, SAMEN_EINVAL, t->line, fields[k],
						     "school %s is not in this region", codes[k]);
		}
	}
	return timetable_store_travel_import(db, rows, n, actor, err);
}

/* ---- the small CSV files ---- */

/* Copy field [s, e) into out (size n) without surrounding spaces, quotes or CR. */
static int field_copy(const char *s, const char *e, char *out, size_t n)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (e - s >= 2 && *s == '"' && e[-1] == '"') {
		s++;
		e--;
	}
	if ((size_t)(e - s) >= n)
		return -1;
	memcpy(out, s, (size_t)(e - s));
	out[e - s] = '\0';
	return 0;
}

int timetable_parse_travel(const char *text, size_t len, struct timetable_travel *out, size_t *n,
			   struct samen_err *err)
{
	const char *p = text, *end = text + len;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	long line = 0;
	*n = 0;
	static const char *const names[3] = {"from_brinvest", "to_brinvest", "minutes"};
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		line++;
		char f[3][16];
		int nf = 0;
		const char *s = p;
		int blank = 1;
		for (const char *q = p; q < eol; q++)
			if (*q != ' ' && *q != '\t' && *q != '\r')
				blank = 0;
		if (!blank) {
			while (1) {
				const char *semi = memchr(s, ';', (size_t)(eol - s));
				const char *fe = semi ? semi : eol;
				if (nf == 3)
					return samen_fail_at(err, SAMEN_EINVAL, line, "minutes",
							     "expected 3 fields: from_brinvest;"
							     "to_brinvest;minutes");
				if (field_copy(s, fe, f[nf], sizeof f[nf]) != 0)
					return samen_fail_at(err, SAMEN_EINVAL, line, names[nf],
							     "value too long");
				nf++;
				if (!semi)
					break;
				s = semi + 1;
			}
			if (nf != 3)
				return samen_fail_at(err, SAMEN_EINVAL, line, names[nf],
						     "expected 3 fields: from_brinvest;to_brinvest;"
						     "minutes");
			if (!(line == 1 && strncmp(f[0], "from", 4) == 0)) {
				if (*n >= TIMETABLE_TRAVEL_MAX)
					return samen_fail_at(err, SAMEN_ETOOBIG, line, "",
							     "more than %d rows", TIMETABLE_TRAVEL_MAX);
				struct timetable_travel *t = &out[*n];
				memset(t, 0, sizeof *t);
				t->line = line;
				snprintf(t->from, sizeof t->from, "%s", f[0]);
				snprintf(t->to, sizeof t->to, "%s", f[1]);
				char *e2;
				errno = 0;
				long m = strtol(f[2], &e2, 10);
				if (errno || e2 == f[2] || *e2 || m < 0 || m > 1440)
					return samen_fail_at(err, SAMEN_EINVAL, line, "minutes",
							     "'%s' is not a number of minutes 0 to 1440",
							     f[2]);
				t->minutes = (int)m;
				(*n)++;
			}
		}
		p = eol < end ? eol + 1 : end;
	}
	return 0;
}

int timetable_parse_codes(const char *text, size_t len, struct timetable_code *out, size_t *n,
			  struct samen_err *err)
{
	const char *p = text, *end = text + len;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	long line = 0;
	*n = 0;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		line++;
		const char *semi = memchr(p, ';', (size_t)(eol - p));
		char code[64];
		if (field_copy(p, semi ? semi : eol, code, sizeof code) != 0)
			return samen_fail_at(err, SAMEN_EINVAL, line, "code", "the code is too long");
		if (!semi) {
			if (code[0])
				return samen_fail_at(err, SAMEN_EINVAL, line, "personeelsnummer",
						     "expected code;personeelsnummer");
		} else if (!(line == 1 && strcmp(code, "code") == 0)) {
			if (*n >= TIMETABLE_CODES_MAX)
				return samen_fail_at(err, SAMEN_ETOOBIG, line, "code",
						     "more than %d codes", TIMETABLE_CODES_MAX);
			struct timetable_code *c = &out[*n];
			memset(c, 0, sizeof *c);
			c->line = line;
			if (!code[0] || strlen(code) >= sizeof c->code)
				return samen_fail_at(err, SAMEN_EINVAL, line, "code",
						     "a teacher code has 1 to 15 characters");
			memcpy(c->code, code, strlen(code) + 1);
			if (field_copy(semi + 1, eol, c->employee_number,
				       sizeof c->employee_number) != 0 ||
			    !c->employee_number[0] || strchr(c->employee_number, ';'))
				return samen_fail_at(err, SAMEN_EINVAL, line, "personeelsnummer",
						     "expected one personeelsnummer");
			for (size_t i = 0; i < *n; i++)
				if (strcmp(out[i].code, c->code) == 0)
					return samen_fail_at(err, SAMEN_EINVAL, line, "code",
							     "code %s also on line %ld", c->code,
							     out[i].line);
			(*n)++;
		}
		p = eol < end ? eol + 1 : end;
	}
	return 0;
}
