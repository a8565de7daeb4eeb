/*
 * store_series.c - meeting series, calendar feeds and next steps in the
 * database (see store_series.h). SQL text is constant; values are bound.
 */
#include "store/store_series.h"
#include "util/vec.h"
#include "store/audit.h"
#include "util/date.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Copy src into dst (n bytes), cut at n - 1 bytes; callers check lengths where it matters. */
static void copy(char *dst, size_t n, const char *src)
{
	size_t len = src ? strlen(src) : 0;
	if (len >= n)
		len = n - 1;
	if (len)
		memcpy(dst, src, len);
	dst[len] = '\0';
}

static void id_text(int64_t id, char out[24])
{
	snprintf(out, 24, "%lld", (long long)id);
}

static int parse_hhmm(const char *s, int *out)
{
	if (!s || strlen(s) != 5 || s[2] != ':')
		return -1;
	*out = (int)strtol(s, NULL, 10) * 60 + (int)strtol(s + 3, NULL, 10);
	return 0;
}

static void hhmm(int minutes, char out[6])
{
	snprintf(out, 6, "%02u:%02u", (unsigned)(minutes / 60) % 100u, (unsigned)(minutes % 60));
}

void store_series_release(struct series *s)
{
	free(s->school_ids);
	free(s->meetings);
	free(s->attendees);
	memset(s, 0, sizeof *s);
}

/* ---- attendees ------------------------------------------------------------------ */

static bool email_valid(const char *e)
{
	size_t len = strlen(e);
	const char *at = strchr(e, '@');
	if (len < 3 || len > 127 || !at || at == e || !at[1] || strchr(at + 1, '@') ||
	    !strchr(at + 1, '.'))
		return false;
	for (const unsigned char *p = (const unsigned char *)e; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == ',' ||
		    *p == ';' || *p == '\\' || *p == '(' || *p == ')')
			return false;
	return true;
}

static void trim(char *s)
{
	size_t len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		s[--len] = '\0';
	size_t start = 0;
	while (s[start] && isspace((unsigned char)s[start]))
		start++;
	memmove(s, s + start, strlen(s + start) + 1);
}

int store_series_attendees_parse(const char *text, struct series_attendee **out, size_t *n,
				 struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	long line = 0;
	const char *p = text ? text : "";
	while (*p) {
		line++;
		size_t len = strcspn(p, "\n");
		char row[512];
		if (len >= sizeof row) {
			free(*out);
			*out = NULL;
			*n = 0;
			return samen_fail_at(err, SAMEN_EINVAL, line, "attendees", "the line is too long");
		}
		memcpy(row, p, len);
		row[len] = '\0';
		p += len + (p[len] == '\n');
		trim(row);
		if (!row[0])
			continue;
		struct series_attendee a = {0};
		char *lt = strchr(row, '<'), *gt = lt ? strchr(lt, '>') : NULL;
		if ((lt && gt ? (size_t)(gt - lt) : strlen(row)) >= sizeof a.email ||
		    (lt && gt && (size_t)(lt - row) >= sizeof a.name)) {
			free(*out);
			*out = NULL;
			*n = 0;
			return samen_fail_at(err, SAMEN_EINVAL, line, "attendees",
					     "the name or the e-mail address is too long");
		}
		if (lt && gt) {
			*gt = '\0';
			copy(a.email, sizeof a.email, lt + 1);
			*lt = '\0';
			copy(a.name, sizeof a.name, row);
		} else {
			copy(a.email, sizeof a.email, row);
		}
		trim(a.email);
		trim(a.name);
		size_t nl = strlen(a.name);
		if (nl >= 2 && a.name[0] == '"' && a.name[nl - 1] == '"') {
			a.name[nl - 1] = '\0';
			memmove(a.name, a.name + 1, nl - 1);
		}
		for (char *c = a.email; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		int rc = 0;
		if (!email_valid(a.email))
			rc = samen_fail_at(err, SAMEN_EINVAL, line, "attendees",
					   "'%.100s' is not an e-mail address; write Name <name@school.nl>",
					   a.email);
		for (size_t i = 0; rc == 0 && i < *n; i++)
			if (strcmp((*out)[i].email, a.email) == 0)
				rc = samen_fail_at(err, SAMEN_EINVAL, line, "attendees",
						   "%s is listed twice", a.email);
		if (rc == 0 && *n >= SERIES_MAX_ATTENDEES)
			rc = samen_fail_at(err, SAMEN_EINVAL, line, "attendees",
					   "a series has at most %d attendees", SERIES_MAX_ATTENDEES);
		if (rc == 0 && *n == cap) {
			cap = cap ? cap * 2 : 16;
			struct series_attendee *q = realloc(*out, cap * sizeof *q);
			if (!q)
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			else
				*out = q;
		}
		if (rc) {
			free(*out);
			*out = NULL;
			*n = 0;
			return rc;
		}
		if (!a.name[0])
			copy(a.name, sizeof a.name, a.email);
		(*out)[(*n)++] = a;
	}
	return 0;
}

/* ---- series ------------------------------------------------------------------------ */

int store_series_create(struct db *db, const struct series *s, const long *days, size_t n_days,
			const char *actor, int64_t user_id, int64_t *id, struct samen_err *err)
{
	if (!s->title[0])
		return samen_fail_at(err, SAMEN_EINVAL, 0, "title", "give the series a title");
	if (n_days == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "count", "a series has at least one meeting");
	for (size_t i = 0; i < s->n_attendees; i++)
		if (!email_valid(s->attendees[i].email))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "attendees",
					     "'%.100s' is not an e-mail address", s->attendees[i].email);
	unsigned char rnd[16];
	char base[33];
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(base, sizeof base, rnd, sizeof rnd);
	char now[21], from[11], to[11], t0[6], t1[6], rid[24];
	audit_now(now);
	date_format(s->from, from);
	date_format(s->to, to);
	hhmm(s->start_min, t0);
	hhmm(s->end_min, t1);
	id_text(s->region_id, rid);
	int64_t new_id = 0;
	struct db_stmt *st = NULL;
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_prepare(db,
			"INSERT INTO meeting_series (region_id, title, location, from_date, to_date,"
			" weekdays, start_time, end_time, min_gap_weeks, max_gap_weeks, adviesweek,"
			" uid_base, created_by, created_at)"
			" VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id",
			&st, err);
	if (rc == 0) {
		db_bind_int(st, 1, s->region_id);
		db_bind_text(st, 2, s->title);
		db_bind_text(st, 3, s->location);
		db_bind_text(st, 4, from);
		db_bind_text(st, 5, to);
		db_bind_text(st, 6, s->weekdays);
		db_bind_text(st, 7, t0);
		db_bind_text(st, 8, t1);
		db_bind_int(st, 9, s->min_gap_weeks);
		db_bind_int(st, 10, s->max_gap_weeks);
		db_bind_int(st, 11, s->adviesweek ? 1 : 0);
		db_bind_text(st, 12, base);
		if (user_id)
			db_bind_int(st, 13, user_id);
		else
			db_bind_null(st, 13);
		db_bind_text(st, 14, now);
		rc = db_step(st, err);
		if (rc == 1) {
			new_id = db_col_int(st, 0);
			rc = 0;
		}
	}
	db_finalize(st);
	st = NULL;
	char sid[24];
	id_text(new_id, sid);
	for (size_t i = 0; rc == 0 && i < s->n_schools; i++) {
		char school[24];
		id_text(s->school_ids[i], school);
		const char *p[] = {sid, school};
		rc = db_run(db,
			    "INSERT INTO meeting_series_school (series_id, school_id)"
			    " VALUES (CAST($1 AS INTEGER), CAST($2 AS INTEGER))",
			    2, p, err);
	}
	for (size_t i = 0; rc == 0 && i < n_days; i++) {
		char uid[96], seq[24], day[11];
		snprintf(uid, sizeof uid, "samen-%s-%zu@samen", base, i + 1);
		snprintf(seq, sizeof seq, "%zu", i + 1);
		date_format(days[i], day);
		const char *p[] = {sid, seq, day, uid, now};
		rc = db_run(db,
			    "INSERT INTO meeting (series_id, seq_no, day, uid, sequence, updated_at)"
			    " VALUES (CAST($1 AS INTEGER), CAST($2 AS INTEGER), $3, $4, 0, $5)",
			    5, p, err);
	}
	for (size_t i = 0; rc == 0 && i < s->n_attendees; i++) {
		const char *p[] = {sid, s->attendees[i].name, s->attendees[i].email};
		rc = db_run(db,
			    "INSERT INTO meeting_attendee (series_id, name, email, user_id)"
			    " VALUES (CAST($1 AS INTEGER), $2, $3,"
			    " (SELECT MIN(id) FROM app_user WHERE LOWER(email) = $3))",
			    3, p, err);
	}
	if (rc == 0) {
		char detail[256];
		snprintf(detail, sizeof detail, "region %s: '%.100s', %zu meetings, %zu schools, %zu attendees",
			 rid, s->title, n_days, s->n_schools, s->n_attendees);
		rc = audit_add(db, user_id, actor, "create", "meeting_series", sid, 0, detail, err);
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	rc = db_commit(db, err);
	if (rc == 0 && id)
		*id = new_id;
	return rc;
}

int store_series_get(struct db *db, int64_t region_id, int64_t id, struct series *out,
		     struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT s.id, s.region_id, s.title, s.location, s.from_date, s.to_date,"
			    " s.weekdays, s.start_time, s.end_time, s.min_gap_weeks, s.max_gap_weeks,"
			    " s.adviesweek, s.created_at, COALESCE(s.created_by, 0),"
			    " COALESCE(u.name, ''), COALESCE(u.email, '')"
			    " FROM meeting_series s LEFT JOIN app_user u ON u.id = s.created_by"
			    " WHERE s.id = $1",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	if (rc == 0 || (rc == 1 && region_id > 0 && db_col_int(st, 1) != region_id)) {
		db_finalize(st);
		return samen_fail(err, SAMEN_ENOTFOUND, "no such meeting series");
	}
	if (rc == 1) {
		out->id = db_col_int(st, 0);
		out->region_id = db_col_int(st, 1);
		copy(out->title, sizeof out->title, db_col_text(st, 2));
		copy(out->location, sizeof out->location, db_col_text(st, 3));
		copy(out->weekdays, sizeof out->weekdays, db_col_text(st, 6));
		out->min_gap_weeks = (int)db_col_int(st, 9);
		out->max_gap_weeks = (int)db_col_int(st, 10);
		out->adviesweek = db_col_int(st, 11) != 0;
		copy(out->created_at, sizeof out->created_at, db_col_text(st, 12));
		out->created_by = db_col_int(st, 13);
		copy(out->organizer_name, sizeof out->organizer_name, db_col_text(st, 14));
		copy(out->organizer_email, sizeof out->organizer_email, db_col_text(st, 15));
		if (date_parse(db_col_text(st, 4), &out->from) || date_parse(db_col_text(st, 5), &out->to) ||
		    parse_hhmm(db_col_text(st, 7), &out->start_min) ||
		    parse_hhmm(db_col_text(st, 8), &out->end_min))
			rc = samen_fail(err, SAMEN_EDB, "meeting_series %lld cannot be read", (long long)id);
		else
			rc = 0;
	}
	db_finalize(st);
	if (rc)
		return rc;
	/* Schools. */
	size_t cap = 0;
	rc = db_prepare(db, "SELECT school_id FROM meeting_series_school WHERE series_id = $1"
			    " ORDER BY school_id", &st, err);
	if (rc)
		goto fail;
	db_bind_int(st, 1, id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&(out->school_ids), &cap, out->n_schools, sizeof *(out->school_ids), err)) != 0)
			break;
		out->school_ids[out->n_schools++] = db_col_int(st, 0);
	}
	db_finalize(st);
	if (rc < 0)
		goto fail;
	/* Meetings. */
	cap = 0;
	rc = db_prepare(db, "SELECT id, seq_no, day, uid, sequence, updated_at FROM meeting"
			    " WHERE series_id = $1 ORDER BY day, seq_no", &st, err);
	if (rc)
		goto fail;
	db_bind_int(st, 1, id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&(out->meetings), &cap, out->n_meetings, sizeof *(out->meetings), err)) != 0)
			break;
		struct series_meeting *m = &out->meetings[out->n_meetings++];
		memset(m, 0, sizeof *m);
		m->id = db_col_int(st, 0);
		m->seq_no = (int)db_col_int(st, 1);
		copy(m->uid, sizeof m->uid, db_col_text(st, 3));
		m->sequence = (int)db_col_int(st, 4);
		copy(m->updated_at, sizeof m->updated_at, db_col_text(st, 5));
		if (date_parse(db_col_text(st, 2), &m->day)) {
			rc = samen_fail(err, SAMEN_EDB, "meeting %lld cannot be read", (long long)m->id);
			break;
		}
	}
	db_finalize(st);
	if (rc < 0)
		goto fail;
	/* Attendees. */
	cap = 0;
	rc = db_prepare(db, "SELECT name, email, COALESCE(user_id, 0) FROM meeting_attendee"
			    " WHERE series_id = $1 ORDER BY id", &st, err);
	if (rc)
		goto fail;
	db_bind_int(st, 1, id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&(out->attendees), &cap, out->n_attendees, sizeof *(out->attendees), err)) != 0)
			break;
		struct series_attendee *a = &out->attendees[out->n_attendees++];
		copy(a->name, sizeof a->name, db_col_text(st, 0));
		copy(a->email, sizeof a->email, db_col_text(st, 1));
		a->user_id = db_col_int(st, 2);
	}
	db_finalize(st);
	if (rc < 0)
		goto fail;
	return 0;
fail:
	store_series_release(out);
	return rc;
}

int store_series_list(struct db *db, int64_t region_id, long today, struct series_summary **out,
		      size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	char t[11];
	date_format(today, t);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT s.id, s.title, s.from_date, s.to_date,"
			    " (SELECT COUNT(*) FROM meeting m WHERE m.series_id = s.id),"
			    " (SELECT MIN(m.day) FROM meeting m WHERE m.series_id = s.id AND m.day >= $2)"
			    " FROM meeting_series s WHERE s.region_id = $1 ORDER BY s.id DESC",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_text(st, 2, t);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&(*out), &cap, *n, sizeof *(*out), err)) != 0)
			break;
		struct series_summary *s = &(*out)[(*n)++];
		memset(s, 0, sizeof *s);
		s->id = db_col_int(st, 0);
		copy(s->title, sizeof s->title, db_col_text(st, 1));
		date_parse(db_col_text(st, 2), &s->from);
		date_parse(db_col_text(st, 3), &s->to);
		s->meetings = (long)db_col_int(st, 4);
		if (!db_col_null(st, 5))
			date_parse(db_col_text(st, 5), &s->next_day);
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

int store_series_move(struct db *db, int64_t series_id, int64_t meeting_id, long day,
		      const char *actor, int64_t user_id, struct samen_err *err)
{
	char sid[24], mid[24], d[11], now[21];
	id_text(series_id, sid);
	id_text(meeting_id, mid);
	date_format(day, d);
	audit_now(now);
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	int64_t clash = 0;
	const char *q[] = {sid, d, mid};
	rc = db_query_int(db,
			  "SELECT COUNT(*) FROM meeting WHERE series_id = CAST($1 AS INTEGER)"
			  " AND day = $2 AND id <> CAST($3 AS INTEGER)",
			  3, q, &clash, err);
	if (rc == 0 && clash > 0)
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "day",
				   "another meeting of this series is on %s", d);
	if (rc == 0) {
		const char *p[] = {d, now, mid, sid};
		rc = db_run(db,
			    "UPDATE meeting SET day = $1, sequence = sequence + 1, updated_at = $2"
			    " WHERE id = CAST($3 AS INTEGER) AND series_id = CAST($4 AS INTEGER)",
			    4, p, err);
		if (rc == 0 && db_changes(db) == 0)
			rc = samen_fail(err, SAMEN_ENOTFOUND, "this series has no such meeting");
	}
	if (rc == 0) {
		char detail[64];
		snprintf(detail, sizeof detail, "series %s: moved to %s", sid, d);
		rc = audit_add(db, user_id, actor, "update", "meeting", mid, 0, detail, err);
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

static int id_list(struct db *db, const char *sql, int64_t key, const char *text, int64_t **ids,
		   size_t *n, struct samen_err *err)
{
	*ids = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, key);
	if (text)
		db_bind_text(st, 2, text);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&(*ids), &cap, *n, sizeof *(*ids), err)) != 0)
			break;
		(*ids)[(*n)++] = db_col_int(st, 0);
	}
	db_finalize(st);
	if (rc < 0) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}

int store_series_of_user(struct db *db, int64_t user_id, int64_t **ids, size_t *n,
			 struct samen_err *err)
{
	return id_list(db,
		       "SELECT s.id FROM meeting_series s WHERE s.created_by = $1"
		       " OR EXISTS (SELECT 1 FROM meeting_attendee a WHERE a.series_id = s.id"
		       " AND (a.user_id = $1 OR a.email = (SELECT LOWER(email) FROM app_user"
		       " WHERE id = $1)))"
		       " ORDER BY s.id",
		       user_id, NULL, ids, n, err);
}

int store_series_region_meetings(struct db *db, int64_t region_id, long from, long to,
				 struct region_meeting **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	char a[11], b[11];
	date_format(from, a);
	date_format(to, b);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT s.id, m.id, s.title, m.day, s.start_time, s.end_time FROM meeting m"
			    " JOIN meeting_series s ON s.id = m.series_id"
			    " WHERE s.region_id = $1 AND m.day >= $2 AND m.day <= $3 ORDER BY m.day, s.id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_text(st, 2, a);
	db_bind_text(st, 3, b);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&(*out), &cap, *n, sizeof *(*out), err)) != 0)
			break;
		struct region_meeting *m = &(*out)[(*n)++];
		memset(m, 0, sizeof *m);
		m->series_id = db_col_int(st, 0);
		m->meeting_id = db_col_int(st, 1);
		copy(m->title, sizeof m->title, db_col_text(st, 2));
		date_parse(db_col_text(st, 3), &m->day);
		parse_hhmm(db_col_text(st, 4), &m->start_min);
		parse_hhmm(db_col_text(st, 5), &m->end_min);
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

/* ---- feeds ------------------------------------------------------------------------- */

static void token_hash(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

int store_feed_create(struct db *db, int64_t user_id, const char *label, const char *actor,
		      char token[FEED_TOKEN_LEN + 1], int64_t *id, struct samen_err *err)
{
	unsigned char rnd[32];
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2base64(token, FEED_TOKEN_LEN + 1, rnd, sizeof rnd,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(rnd, sizeof rnd);
	char hash[65], now[21], lab[128];
	token_hash(token, hash);
	audit_now(now);
	copy(lab, sizeof lab, label);
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	struct db_stmt *st;
	int64_t new_id = 0;
	rc = db_prepare(db,
			"INSERT INTO calendar_feed (user_id, token_hash, label, created_at)"
			" VALUES ($1, $2, $3, $4) RETURNING id",
			&st, err);
	if (rc == 0) {
		db_bind_int(st, 1, user_id);
		db_bind_text(st, 2, hash);
		db_bind_text(st, 3, lab);
		db_bind_text(st, 4, now);
		rc = db_step(st, err);
		if (rc == 1) {
			new_id = db_col_int(st, 0);
			rc = 0;
		}
		db_finalize(st);
	}
	if (rc == 0) {
		char obj[24];
		id_text(new_id, obj);
		rc = audit_add(db, user_id, actor, "create", "calendar_feed", obj, 0, lab, err);
	}
	if (rc) {
		db_rollback(db);
		sodium_memzero(token, FEED_TOKEN_LEN + 1);
		return rc;
	}
	rc = db_commit(db, err);
	if (rc == 0 && id)
		*id = new_id;
	return rc;
}

int store_feed_list(struct db *db, int64_t user_id, struct feed_info **out, size_t *n,
		    struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT id, label, created_at, COALESCE(last_used_at, ''),"
			    " COALESCE(revoked_at, '') FROM calendar_feed WHERE user_id = $1"
			    " ORDER BY id DESC",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, user_id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&(*out), &cap, *n, sizeof *(*out), err)) != 0)
			break;
		struct feed_info *f = &(*out)[(*n)++];
		f->id = db_col_int(st, 0);
		copy(f->label, sizeof f->label, db_col_text(st, 1));
		copy(f->created_at, sizeof f->created_at, db_col_text(st, 2));
		copy(f->last_used_at, sizeof f->last_used_at, db_col_text(st, 3));
		copy(f->revoked_at, sizeof f->revoked_at, db_col_text(st, 4));
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

int store_feed_revoke(struct db *db, int64_t user_id, int64_t feed_id, const char *actor,
		      struct samen_err *err)
{
	char uid[24], fid[24], now[21];
	id_text(user_id, uid);
	id_text(feed_id, fid);
	audit_now(now);
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	const char *p[] = {now, fid, uid};
	rc = db_run(db,
		    "UPDATE calendar_feed SET revoked_at = $1 WHERE id = CAST($2 AS INTEGER)"
		    " AND user_id = CAST($3 AS INTEGER) AND revoked_at IS NULL",
		    3, p, err);
	if (rc == 0 && db_changes(db) == 0)
		rc = samen_fail(err, SAMEN_ENOTFOUND, "you have no such calendar feed");
	if (rc == 0)
		rc = audit_add(db, user_id, actor, "revoke", "calendar_feed", fid, 0, "", err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int store_feed_user(struct db *db, const char *token, int64_t *user_id, struct samen_err *err)
{
	if (!token || strlen(token) != FEED_TOKEN_LEN)
		return samen_fail(err, SAMEN_ENOTFOUND, "no such calendar feed");
	for (const char *c = token; *c; c++)
		if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_')
			return samen_fail(err, SAMEN_ENOTFOUND, "no such calendar feed");
	char hash[65], now[21];
	token_hash(token, hash);
	audit_now(now);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT f.id, f.user_id FROM calendar_feed f JOIN app_user u ON u.id = f.user_id"
			    " WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.disabled = 0",
			    &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, hash);
	rc = db_step(st, err);
	int64_t fid = 0;
	if (rc == 1) {
		fid = db_col_int(st, 0);
		*user_id = db_col_int(st, 1);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail(err, SAMEN_ENOTFOUND, "no such calendar feed");
	}
	db_finalize(st);
	if (rc)
		return rc;
	char id[24];
	id_text(fid, id);
	const char *p[] = {now, id};
	return db_run(db, "UPDATE calendar_feed SET last_used_at = $1 WHERE id = CAST($2 AS INTEGER)",
		      2, p, err);
}

/* ---- next steps ------------------------------------------------------------------- */

int store_steps_list(struct db *db, int64_t region_id, long today, struct collab_step **out,
		     size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	char t[11];
	date_format(today, t);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT c.id, c.region_id, COALESCE(c.series_id, 0), c.title, c.owner,"
			    " COALESCE(c.due_date, ''), c.done, COALESCE(s.title, ''),"
			    " (SELECT MIN(m.day) FROM meeting m WHERE m.series_id = c.series_id"
			    "  AND m.day >= $2)"
			    " FROM collab_step c LEFT JOIN meeting_series s ON s.id = c.series_id"
			    " WHERE c.region_id = $1"
			    " ORDER BY c.done, CASE WHEN c.due_date IS NULL THEN 1 ELSE 0 END, c.due_date, c.id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_text(st, 2, t);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&(*out), &cap, *n, sizeof *(*out), err)) != 0)
			break;
		struct collab_step *s = &(*out)[(*n)++];
		memset(s, 0, sizeof *s);
		s->id = db_col_int(st, 0);
		s->region_id = db_col_int(st, 1);
		s->series_id = db_col_int(st, 2);
		copy(s->title, sizeof s->title, db_col_text(st, 3));
		copy(s->owner, sizeof s->owner, db_col_text(st, 4));
		if (db_col_text(st, 5)[0])
			date_parse(db_col_text(st, 5), &s->due);
		s->done = db_col_int(st, 6) != 0;
		copy(s->series_title, sizeof s->series_title, db_col_text(st, 7));
		if (!db_col_null(st, 8))
			date_parse(db_col_text(st, 8), &s->next_meeting);
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

int store_step_add(struct db *db, int64_t region_id, const char *title, const char *owner,
		   long due, int64_t series_id, const char *actor, int64_t user_id, int64_t *id,
		   struct samen_err *err)
{
	char t[200], o[128];
	copy(t, sizeof t, title);
	trim(t);
	copy(o, sizeof o, owner);
	trim(o);
	if (!t[0] || strlen(title) >= sizeof t)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "title", "a step has a title of 1 to %zu bytes",
				     sizeof t - 1);
	if (strlen(owner ? owner : "") >= sizeof o)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "owner", "the owner's name is too long");
	char rid[24], sid[24], d[11], now[21];
	id_text(region_id, rid);
	id_text(series_id, sid);
	audit_now(now);
	if (due)
		date_format(due, d);
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	if (series_id) {
		int64_t found = 0;
		const char *p[] = {sid, rid};
		rc = db_query_int(db,
				  "SELECT COUNT(*) FROM meeting_series WHERE id = CAST($1 AS INTEGER)"
				  " AND region_id = CAST($2 AS INTEGER)",
				  2, p, &found, err);
		if (rc == 0 && !found)
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "series",
					   "series %s is not a series of this region", sid);
	}
	struct db_stmt *st = NULL;
	int64_t new_id = 0;
	if (rc == 0)
		rc = db_prepare(db,
				"INSERT INTO collab_step (region_id, title, owner, due_date, series_id,"
				" done, created_at) VALUES ($1, $2, $3, $4, $5, 0, $6) RETURNING id",
				&st, err);
	if (rc == 0) {
		db_bind_int(st, 1, region_id);
		db_bind_text(st, 2, t);
		db_bind_text(st, 3, o);
		if (due)
			db_bind_text(st, 4, d);
		else
			db_bind_null(st, 4);
		if (series_id)
			db_bind_int(st, 5, series_id);
		else
			db_bind_null(st, 5);
		db_bind_text(st, 6, now);
		rc = db_step(st, err);
		if (rc == 1) {
			new_id = db_col_int(st, 0);
			rc = 0;
		}
	}
	db_finalize(st);
	if (rc == 0) {
		char obj[24];
		id_text(new_id, obj);
		rc = audit_add(db, user_id, actor, "create", "collab_step", obj, 0, t, err);
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	rc = db_commit(db, err);
	if (rc == 0 && id)
		*id = new_id;
	return rc;
}

int store_step_set_done(struct db *db, int64_t region_id, int64_t step_id, bool done,
			const char *actor, int64_t user_id, struct samen_err *err)
{
	char rid[24], sid[24];
	id_text(region_id, rid);
	id_text(step_id, sid);
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	const char *p[] = {done ? "1" : "0", sid, rid};
	rc = db_run(db,
		    "UPDATE collab_step SET done = CAST($1 AS INTEGER) WHERE id = CAST($2 AS INTEGER)"
		    " AND region_id = CAST($3 AS INTEGER)",
		    3, p, err);
	if (rc == 0 && db_changes(db) == 0)
		rc = samen_fail(err, SAMEN_ENOTFOUND, "this region has no such step");
	if (rc == 0)
		rc = audit_add(db, user_id, actor, "update", "collab_step", sid, 0,
			       done ? "done" : "open", err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
