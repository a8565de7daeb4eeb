/*
 * timetable_store.c - teacher codes, timetable import, bell schedule and
 * travel times in the matching store (see timetable_store.h). Every
 * writing function is one transaction (nested in the caller's, if any)
 * ending with an audit entry.
 */
#include "store/timetable_store.h"

#include "store/audit.h"
#include "store/match.h"

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
