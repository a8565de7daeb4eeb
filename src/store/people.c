/*
 * people.c - queries behind the overview, staff list, person and school
 * screens (see people.h). Filters are bound parameters; the ORDER BY and
 * WHERE fragments are chosen from constant strings in this file, never
 * taken from input.
 */
#include "store/people.h"
#include "util/vec.h"
#include "util/buf.h"
#include "util/date.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOURS_PER_FTE 1659.0

/* Latest contract of an employment (one row per employment). */
#define CURRENT_CONTRACT \
	"c.id = (SELECT c2.id FROM contract c2 WHERE c2.employment_id = e.id" \
	" ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)"

/* A contract in force on day $N. */
#define IN_FORCE(n) "c.start_date <= $" n " AND (c.end_date IS NULL OR c.end_date >= $" n ")"

static void copy(char *dst, size_t n, const char *src)
{
	str_copy(dst, n, src);
}

static void day_text(long day, char out[11])
{
	date_format(day, out);
}

/* Day number of the date `years` before `today` (Feb 29 becomes Feb 28). */
static long years_before(long today, int years)
{
	int y, m, d;
	date_civil(today, &y, &m, &d);
	y -= years;
	if (m == 2 && d == 29 && !date_valid(y, 2, 29))
		d = 28;
	return date_days(y, m, d);
}

static const struct {
	const char *name;
	enum age_band band;
} age_names[] = {
	{"<30", AGE_UNDER_30}, {"30-44", AGE_30_44}, {"45-54", AGE_45_54},
	{"55-59", AGE_55_59},  {"60+", AGE_60_PLUS},
};

enum age_band people_age_band_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof age_names / sizeof age_names[0]; i++)
		if (strcmp(s, age_names[i].name) == 0)
			return age_names[i].band;
	return AGE_ANY;
}

static const struct {
	const char *name;
	enum people_sort sort;
	const char *key;   /* sorted in the chosen direction */
	const char *then;  /* tie-breakers, always ascending */
} sort_names[] = {
	/* p.sort_name: the surname without tussenvoegsel, then the first name (staff_sort_name). */
	{"naam", SORT_NAME, "p.sort_name", "p.id"},
	{"leeftijd", SORT_AGE, "p.birth_date", "p.sort_name, p.id"},
	{"fte", SORT_FTE, "c.hours_per_year", "p.sort_name, p.id"},
	{"contract", SORT_CONTRACT, "c.kind", "p.sort_name, p.id"},
	{"begindatum", SORT_START, "c.start_date", "p.sort_name, p.id"},
};

enum people_sort people_sort_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof sort_names / sizeof sort_names[0]; i++)
		if (strcmp(s, sort_names[i].name) == 0)
			return sort_names[i].sort;
	return SORT_NAME;
}

const char *people_sort_name(enum people_sort s)
{
	for (size_t i = 0; i < sizeof sort_names / sizeof sort_names[0]; i++)
		if (sort_names[i].sort == s)
			return sort_names[i].name;
	return "naam";
}

int people_region(struct db *db, int64_t id, struct region_info *out, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT id, code, name FROM region WHERE id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	if (rc == 1) {
		out->id = db_col_int(st, 0);
		copy(out->code, sizeof out->code, db_col_text(st, 1));
		copy(out->name, sizeof out->name, db_col_text(st, 2));
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail(err, SAMEN_ENOTFOUND, "no such region");
	}
	db_finalize(st);
	return rc;
}

int people_regions(struct db *db, struct region_info **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT id, code, name FROM region ORDER BY name, id", &st, err);
	if (rc)
		return rc;
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		struct region_info *r = &(*out)[(*n)++];
		r->id = db_col_int(st, 0);
		copy(r->code, sizeof r->code, db_col_text(st, 1));
		copy(r->name, sizeof r->name, db_col_text(st, 2));
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc < 0 ? rc : 0;
}

int people_board_summaries(struct db *db, int64_t region_id, long today,
			   struct board_summary **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	char day[11];
	day_text(today, day);
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT b.id, b.bestuursnummer, b.name,"
		" (SELECT COUNT(*) FROM school s WHERE s.board_id = b.id),"
		" (SELECT COUNT(DISTINCT e.person_id) FROM employment e JOIN contract c"
		"   ON c.employment_id = e.id WHERE e.board_id = b.id AND " IN_FORCE("2") "),"
		" (SELECT COALESCE(SUM(c.hours_per_year), 0) FROM employment e JOIN contract c"
		"   ON c.employment_id = e.id WHERE e.board_id = b.id AND " IN_FORCE("2") ")"
		" FROM board b WHERE b.region_id = $1 ORDER BY b.name, b.id",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_text(st, 2, day);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		struct board_summary *b = &(*out)[(*n)++];
		b->id = db_col_int(st, 0);
		copy(b->bestuursnummer, sizeof b->bestuursnummer, db_col_text(st, 1));
		copy(b->name, sizeof b->name, db_col_text(st, 2));
		b->schools = (long)db_col_int(st, 3);
		b->headcount = (long)db_col_int(st, 4);
		b->fte = db_col_double(st, 5) / HOURS_PER_FTE;
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc < 0 ? rc : 0;
}

int people_region_headcount(struct db *db, int64_t region_id, long today, long *out,
			    struct samen_err *err)
{
	char day[11];
	day_text(today, day);
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT COUNT(DISTINCT e.person_id) FROM employment e JOIN board b ON b.id = e.board_id"
		" JOIN contract c ON c.employment_id = e.id WHERE b.region_id = $1 AND " IN_FORCE("2"),
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_text(st, 2, day);
	rc = db_step(st, err);
	if (rc == 1)
		*out = (long)db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

#define SCHOOL_COLS \
	"s.id, s.board_id, s.brin, s.vestiging, s.name, s.city, s.municipality, s.province," \
	" s.street, s.postcode, s.school_types, s.holiday_region, b.name," \
	" COALESCE(s.lat, 0), COALESCE(s.lon, 0)," \
	" (SELECT COUNT(DISTINCT e.person_id) FROM assignment a JOIN employment e" \
	"   ON e.id = a.employment_id JOIN contract c ON c.employment_id = e.id" \
	"   WHERE a.school_id = s.id AND " IN_FORCE("1") ")," \
	" (SELECT COALESCE(SUM(a.fte_share * c.hours_per_year), 0) FROM assignment a" \
	"   JOIN employment e ON e.id = a.employment_id JOIN contract c" \
	"   ON c.employment_id = e.id WHERE a.school_id = s.id AND " IN_FORCE("1") ")"

static void fill_school(struct db_stmt *st, struct school_summary *s)
{
	s->id = db_col_int(st, 0);
	s->board_id = db_col_int(st, 1);
	copy(s->brin, sizeof s->brin, db_col_text(st, 2));
	copy(s->vestiging, sizeof s->vestiging, db_col_text(st, 3));
	copy(s->name, sizeof s->name, db_col_text(st, 4));
	copy(s->city, sizeof s->city, db_col_text(st, 5));
	copy(s->municipality, sizeof s->municipality, db_col_text(st, 6));
	copy(s->province, sizeof s->province, db_col_text(st, 7));
	copy(s->street, sizeof s->street, db_col_text(st, 8));
	copy(s->postcode, sizeof s->postcode, db_col_text(st, 9));
	copy(s->school_types, sizeof s->school_types, db_col_text(st, 10));
	copy(s->holiday_region, sizeof s->holiday_region, db_col_text(st, 11));
	copy(s->board_name, sizeof s->board_name, db_col_text(st, 12));
	s->lat = db_col_double(st, 13);
	s->lon = db_col_double(st, 14);
	s->headcount = (long)db_col_int(st, 15);
	s->fte = db_col_double(st, 16) / HOURS_PER_FTE;
}

int people_school_summaries(struct db *db, int64_t region_id, int64_t board_id, long today,
			    struct school_summary **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	char day[11];
	day_text(today, day);
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT " SCHOOL_COLS " FROM school s JOIN board b ON b.id = s.board_id"
		" WHERE b.region_id = $2 AND ($3 = 0 OR s.board_id = $3)"
		" ORDER BY b.name, s.name, s.id",
		&st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, day);
	db_bind_int(st, 2, region_id);
	db_bind_int(st, 3, board_id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		fill_school(st, &(*out)[(*n)++]);
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc < 0 ? rc : 0;
}

int people_board_school_names(struct db *db, int64_t board_id, struct school_name **out,
			       size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT id, name FROM school WHERE board_id = $1 ORDER BY name, id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, board_id);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		(*out)[*n].id = db_col_int(st, 0);
		copy((*out)[*n].name, sizeof (*out)[*n].name, db_col_text(st, 1));
		(*n)++;
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc < 0 ? rc : 0;
}

int people_school(struct db *db, int64_t school_id, long today, struct school_summary *out,
		  struct samen_err *err)
{
	char day[11];
	day_text(today, day);
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT " SCHOOL_COLS " FROM school s JOIN board b"
				" ON b.id = s.board_id WHERE s.id = $2", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, day);
	db_bind_int(st, 2, school_id);
	rc = db_step(st, err);
	if (rc == 1) {
		fill_school(st, out);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail(err, SAMEN_ENOTFOUND, "no such school");
	}
	db_finalize(st);
	return rc;
}

int people_board(struct db *db, int64_t board_id, struct board_summary *out,
		 struct samen_err *err)
{
	struct db_stmt *st;
	memset(out, 0, sizeof *out);
	int rc = db_prepare(db, "SELECT id, bestuursnummer, name FROM board WHERE id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, board_id);
	rc = db_step(st, err);
	if (rc == 1) {
		out->id = db_col_int(st, 0);
		copy(out->bestuursnummer, sizeof out->bestuursnummer, db_col_text(st, 1));
		copy(out->name, sizeof out->name, db_col_text(st, 2));
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail(err, SAMEN_ENOTFOUND, "no such board");
	}
	db_finalize(st);
	return rc;
}

/*
 * The staff list's FROM and WHERE. Each filter adds its condition only when
 * it is set - a "($1 = 0 OR x = $1)" form would keep the database from
 * using its indexes - so the SQL text is assembled here from the constant
 * fragments below, with placeholders numbered in order; the values are
 * bound by bind_where() in the same order.
 */
struct where {
	struct buf sql;
	int n;             /* placeholders used */
	char lo[11], hi[11];
};

/* Append "cond$N" (with N the next placeholder) and the closing text. */
static void where_add(struct where *w, const char *cond, const char *close)
{
	w->n++;
	buf_puts(&w->sql, cond);
	buf_printf(&w->sql, "$%d", w->n);
	buf_puts(&w->sql, close);
}

/* What a FROM/WHERE is for: the rows to sort, every row with its board, or the count. */
enum where_kind {
	WHERE_PAGE,  /* person; the current contract only when a filter or the sort needs it */
	WHERE_ALL,   /* as WHERE_PAGE, with the board for its name */
	WHERE_COUNT, /* only what a filter needs; a current contract exists iff any contract does */
};

static void where_build(struct where *w, const struct people_filter *f, enum where_kind kind)
{
	buf_init(&w->sql, 4096);
	w->n = 0;
	w->lo[0] = w->hi[0] = '\0';
	bool has_age = f->age != AGE_ANY;
	buf_puts(&w->sql, " FROM employment e");
	/* Foreign keys guarantee the person and the board of an employment. */
	if (kind != WHERE_COUNT || has_age)
		buf_puts(&w->sql, " JOIN person p ON p.id = e.person_id");
	if (kind == WHERE_ALL)
		buf_puts(&w->sql, " JOIN board b ON b.id = e.board_id");
	bool sorts_contract = f->sort == SORT_FTE || f->sort == SORT_CONTRACT || f->sort == SORT_START;
	bool needs_contract = kind == WHERE_ALL || f->contract[0] ||
			      (kind == WHERE_PAGE && sorts_contract);
	if (needs_contract)
		buf_puts(&w->sql, " JOIN contract c ON c.employment_id = e.id AND " CURRENT_CONTRACT
				  " WHERE 1 = 1");
	else
		buf_puts(&w->sql, " WHERE EXISTS (SELECT 1 FROM contract c WHERE c.employment_id = e.id)");
	if (f->board_id)
		where_add(w, " AND e.board_id = ", "");
	if (f->school_id)
		where_add(w, " AND EXISTS (SELECT 1 FROM assignment a WHERE a.employment_id = e.id"
			     " AND a.school_id = ", ")");
	if (f->subject[0])
		where_add(w, " AND EXISTS (SELECT 1 FROM qualification q WHERE q.person_id = e.person_id"
			     " AND q.subject_code = ", ")");
	if (f->contract[0])
		where_add(w, " AND c.kind = ", "");
	long young = 0, old = 0; /* birth_date > young-cutoff, birth_date <= old-cutoff */
	int has_lo = 1, has_hi = 1;
	switch (f->age) {
	case AGE_UNDER_30: young = years_before(f->today, 30); has_hi = 0; break;
	case AGE_30_44: old = years_before(f->today, 30); young = years_before(f->today, 45); break;
	case AGE_45_54: old = years_before(f->today, 45); young = years_before(f->today, 55); break;
	case AGE_55_59: old = years_before(f->today, 55); young = years_before(f->today, 60); break;
	case AGE_60_PLUS: old = years_before(f->today, 60); has_lo = 0; break;
	case AGE_ANY: has_lo = has_hi = 0; break;
	}
	if (has_lo) {
		date_format(young, w->lo);
		where_add(w, " AND p.birth_date > ", "");
	}
	if (has_hi) {
		date_format(old, w->hi);
		where_add(w, " AND p.birth_date <= ", "");
	}
	if (f->person_id)
		where_add(w, " AND e.person_id = ", "");
}

/* Bind the filter values in the order where_build numbered them. */
static void bind_where(struct db_stmt *st, const struct where *w, const struct people_filter *f)
{
	int i = 0;
	if (f->board_id)
		db_bind_int(st, ++i, f->board_id);
	if (f->school_id)
		db_bind_int(st, ++i, f->school_id);
	if (f->subject[0])
		db_bind_text(st, ++i, f->subject);
	if (f->contract[0])
		db_bind_text(st, ++i, f->contract);
	if (w->lo[0])
		db_bind_text(st, ++i, w->lo);
	if (w->hi[0])
		db_bind_text(st, ++i, w->hi);
	if (f->person_id)
		db_bind_int(st, ++i, f->person_id);
}

/* Index of rows sorted by (person id, board id), for attaching schools and qualifications. */
struct row_index {
	struct person_row **by_id;
	size_t n;
};

static int cmp_key(int64_t id, int64_t board, const struct person_row *r)
{
	if (id != r->id)
		return id < r->id ? -1 : 1;
	if (board != r->board_id)
		return board < r->board_id ? -1 : 1;
	return 0;
}

static int cmp_ptr_id(const void *a, const void *b)
{
	const struct person_row *x = *(struct person_row *const *)a;
	return cmp_key(x->id, x->board_id, *(struct person_row *const *)b);
}

/* First index whose (id, board) is not below the key; board -1 finds the first of an id. */
static size_t lower_bound(const struct row_index *ix, int64_t id, int64_t board)
{
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cmp_key(id, board, ix->by_id[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Append "($first, ..., $(first+n-1))". */
static void in_list(struct buf *q, int first, size_t n)
{
	buf_puts(q, "(");
	for (size_t i = 0; i < n; i++) {
		buf_puts(q, i ? ", $" : "$");
		buf_int(q, (long long)((size_t)first + i));
	}
	buf_puts(q, ")");
}

/* Append ", item" (or item to an empty dst) within cap bytes, truncating. */
static void append_item(char *dst, size_t cap, const char *item)
{
	size_t len = strlen(dst);
	if (len && len + 2 < cap) {
		memcpy(dst + len, ", ", 3);
		len += 2;
	}
	if (len < cap)
		str_copy(dst + len, cap - len, item);
}

#define DETAIL_CHUNK 500 /* person ids per IN list: far below both engines' parameter limits */

static int cmp_ptr_employment(const void *a, const void *b)
{
	int64_t x = (*(struct person_row *const *)a)->employment_id;
	int64_t y = (*(struct person_row *const *)b)->employment_id;
	return x < y ? -1 : x > y;
}

/*
 * Schools of the rows by[0..n) (sorted by employment id): the assignments
 * of each row's own employment, largest share first.
 */
static int attach_schools(struct db *db, struct person_row **by, size_t n, struct samen_err *err)
{
	struct buf q;
	buf_init(&q, 16 * 1024);
	buf_puts(&q, "SELECT a.employment_id, s.name, a.fte_share FROM assignment a"
		     " JOIN school s ON s.id = a.school_id WHERE a.employment_id IN ");
	in_list(&q, 1, n);
	buf_puts(&q, " ORDER BY a.employment_id, a.fte_share DESC, s.name");
	struct db_stmt *st;
	int rc = db_prepare(db, buf_str(&q), &st, err);
	buf_release(&q);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		db_bind_int(st, (int)i + 1, by[i]->employment_id);
	while ((rc = db_step(st, err)) == 1) {
		struct person_row key = {.employment_id = db_col_int(st, 0)};
		const struct person_row *kp = &key;
		struct person_row **hit = bsearch(&kp, by, n, sizeof *by, cmp_ptr_employment);
		if (!hit)
			continue;
		char item[160];
		snprintf(item, sizeof item, "%s (%.2f)", db_col_text(st, 1), db_col_double(st, 2));
		append_item((*hit)->schools, sizeof (*hit)->schools, item);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* Qualifications of the people ids[0..n) into every row of each person. */
static int attach_quals(struct db *db, const int64_t *ids, size_t n, const struct row_index *ix,
			struct samen_err *err)
{
	struct buf q;
	buf_init(&q, 16 * 1024);
	buf_puts(&q, "SELECT q.person_id, q.subject_code, q.level FROM qualification q"
		     " WHERE q.person_id IN ");
	in_list(&q, 1, n);
	buf_puts(&q, " ORDER BY q.person_id, q.subject_code");
	struct db_stmt *st;
	int rc = db_prepare(db, buf_str(&q), &st, err);
	buf_release(&q);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		db_bind_int(st, (int)i + 1, ids[i]);
	while ((rc = db_step(st, err)) == 1) {
		int64_t pid = db_col_int(st, 0);
		char item[64];
		str_copy(item, sizeof item, db_col_text(st, 1));
		size_t colon = strlen(item);
		if (colon + 1 < sizeof item) {
			item[colon] = ':';
			str_copy(item + colon + 1, sizeof item - colon - 1, db_col_text(st, 2));
		}
		for (size_t at = lower_bound(ix, pid, INT64_MIN); at < ix->n && ix->by_id[at]->id == pid; at++)
			append_item(ix->by_id[at]->qualifications, sizeof ix->by_id[at]->qualifications, item);
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/*
 * Schools and qualifications of the rows in l: queries limited to the
 * rows' employments and people with IN lists of placeholders (their length
 * comes from the rows, never from input), DETAIL_CHUNK ids at a time.
 */
static int attach_details(struct person_list *l, struct db *db, struct samen_err *err)
{
	struct row_index ix = {malloc(l->n * sizeof(struct person_row *)), l->n};
	struct person_row **by_emp = malloc(l->n * sizeof *by_emp);
	int64_t *ids = malloc(l->n * sizeof *ids);
	int rc = 0;
	if (!ix.by_id || !ids || !by_emp) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < l->n; i++)
		ix.by_id[i] = by_emp[i] = &l->rows[i];
	qsort(ix.by_id, ix.n, sizeof ix.by_id[0], cmp_ptr_id);
	qsort(by_emp, l->n, sizeof by_emp[0], cmp_ptr_employment);
	size_t nids = 0; /* distinct person ids, in id order */
	for (size_t i = 0; i < ix.n; i++)
		if (!i || ix.by_id[i]->id != ix.by_id[i - 1]->id)
			ids[nids++] = ix.by_id[i]->id;
	for (size_t at = 0; at < l->n && rc == 0; at += DETAIL_CHUNK)
		rc = attach_schools(db, by_emp + at, l->n - at < DETAIL_CHUNK ? l->n - at : DETAIL_CHUNK,
				    err);
	for (size_t at = 0; at < nids && rc == 0; at += DETAIL_CHUNK)
		rc = attach_quals(db, ids + at, nids - at < DETAIL_CHUNK ? nids - at : DETAIL_CHUNK,
				  &ix, err);
out:
	free(ids);
	free(by_emp);
	free(ix.by_id);
	return rc;
}

/* Columns of a person row after a leading employment id, in the order fill_row reads them. */
#define ROW_COLS                                                                         \
	"e.id, p.id, e.employee_number, p.first_name, p.last_name, p.birth_date,"        \
	" COALESCE(p.email, ''), c.kind, c.hours_per_year, c.salary_scale, c.salary_step," \
	" c.start_date, COALESCE(c.end_date, ''), e.board_id, b.name, e.id"

/* Fill r from a row of ROW_COLS (column 0, the employment id, is the caller's). */
static void fill_row(struct db_stmt *st, struct person_row *r, long today)
{
	r->id = db_col_int(st, 1);
	copy(r->employee_number, sizeof r->employee_number, db_col_text(st, 2));
	copy(r->first_name, sizeof r->first_name, db_col_text(st, 3));
	copy(r->last_name, sizeof r->last_name, db_col_text(st, 4));
	copy(r->birth_date, sizeof r->birth_date, db_col_text(st, 5));
	copy(r->email, sizeof r->email, db_col_text(st, 6));
	copy(r->contract_kind, sizeof r->contract_kind, db_col_text(st, 7));
	r->hours_per_year = db_col_double(st, 8);
	r->fte = r->hours_per_year / HOURS_PER_FTE;
	copy(r->salary_scale, sizeof r->salary_scale, db_col_text(st, 9));
	r->salary_step = (int)db_col_int(st, 10);
	copy(r->start_date, sizeof r->start_date, db_col_text(st, 11));
	copy(r->end_date, sizeof r->end_date, db_col_text(st, 12));
	r->board_id = db_col_int(st, 13);
	copy(r->board_name, sizeof r->board_name, db_col_text(st, 14));
	r->employment_id = db_col_int(st, 15);
	long born;
	r->age = date_parse(r->birth_date, &born) == 0 ? date_age(born, today) : 0;
}

/* A page position by employment id, for putting the detail rows in page order. */
struct page_slot {
	int64_t employment_id;
	size_t at;
};

static int cmp_slot(const void *a, const void *b)
{
	int64_t x = ((const struct page_slot *)a)->employment_id;
	int64_t y = ((const struct page_slot *)b)->employment_id;
	return x < y ? -1 : x > y;
}

/*
 * The rows of slots (sorted by employment id) into l->rows[slot.at]: one
 * query by primary key per DETAIL_CHUNK employments. A row whose contract
 * vanished in between keeps id 0 (the caller drops it).
 */
static int fill_page(struct db *db, const struct people_filter *f, struct page_slot *slots,
		     size_t n, struct person_list *l, struct samen_err *err)
{
	int rc = 0;
	struct buf q;
	buf_init(&q, 4096);
	for (size_t at = 0; at < n && rc == 0; at += DETAIL_CHUNK) {
		size_t k = n - at < DETAIL_CHUNK ? n - at : DETAIL_CHUNK;
		buf_reset(&q);
		buf_puts(&q, "SELECT " ROW_COLS " FROM employment e JOIN person p ON p.id = e.person_id"
			     " JOIN board b ON b.id = e.board_id"
			     " JOIN contract c ON c.employment_id = e.id AND " CURRENT_CONTRACT
			     " WHERE e.id IN ");
		in_list(&q, 1, k);
		struct db_stmt *st;
		if ((rc = db_prepare(db, buf_str(&q), &st, err)))
			break;
		for (size_t i = 0; i < k; i++)
			db_bind_int(st, (int)i + 1, slots[at + i].employment_id);
		while ((rc = db_step(st, err)) == 1) {
			struct page_slot key = {db_col_int(st, 0), 0};
			const struct page_slot *hit = bsearch(&key, slots + at, k, sizeof *slots, cmp_slot);
			if (hit)
				fill_row(st, &l->rows[hit->at], f->today);
		}
		db_finalize(st);
	}
	buf_release(&q);
	return rc < 0 ? rc : 0;
}

/* The number of rows matching f (before limit and offset) into l->total. */
static int count_rows(struct db *db, const struct people_filter *f, struct person_list *l,
		      struct samen_err *err)
{
	struct where w;
	where_build(&w, f, WHERE_COUNT);
	struct buf sql;
	buf_init(&sql, 4096);
	buf_puts(&sql, "SELECT COUNT(*)");
	buf_puts(&sql, buf_str(&w.sql));
	struct db_stmt *st;
	int rc = db_prepare(db, buf_str(&sql), &st, err);
	if (rc == 0) {
		bind_where(st, &w, f);
		rc = db_step(st, err);
		if (rc == 1)
			l->total = (long)db_col_int(st, 0);
		db_finalize(st);
	}
	buf_release(&sql);
	buf_release(&w.sql);
	return rc < 0 ? rc : 0;
}

/*
 * One page (f->limit > 0) in two steps: the contract ids of the page in
 * order (narrow rows through the sort), then the wide rows of just those
 * contracts by primary key; the total is counted apart, and only when the
 * page does not already tell it. Sorting wide rows of the whole board, with
 * a window function for the total, was most of the staff list's time.
 */
static int list_page(struct db *db, const struct people_filter *f, const struct where *w,
		     const char *order, struct person_list *l, struct samen_err *err)
{
	/*
	 * Within one board (a few hundred rows) one pass over the sorted ids
	 * gives both the page and the total; across boards (a region or the
	 * country) the page is cut by LIMIT and the total counted apart.
	 */
	bool one_pass = f->board_id != 0;
	struct buf sql;
	buf_init(&sql, 4096);
	buf_puts(&sql, "SELECT e.id");
	buf_puts(&sql, buf_str(&w->sql));
	buf_puts(&sql, order);
	if (!one_pass)
		buf_printf(&sql, " LIMIT $%d OFFSET $%d", w->n + 1, w->n + 2);
	struct page_slot *slots = NULL;
	size_t cap = 0, n = 0;
	long seen = 0;
	struct db_stmt *st;
	int rc = db_prepare(db, buf_str(&sql), &st, err);
	if (rc)
		goto out;
	bind_where(st, w, f);
	if (!one_pass) {
		db_bind_int(st, w->n + 1, f->limit);
		db_bind_int(st, w->n + 2, f->offset);
	}
	while ((rc = db_step(st, err)) == 1) {
		long at = seen++;
		if (one_pass && (at < f->offset || at >= f->offset + f->limit))
			continue;
		if ((rc = vec_grow((void **)&slots, &cap, n, sizeof *slots, err)))
			break;
		slots[n] = (struct page_slot){db_col_int(st, 0), n};
		n++;
	}
	db_finalize(st);
	if (rc < 0)
		goto out;
	if (one_pass)
		l->total = seen;
	/* A short page that starts at 0 holds every row: its length is the total. */
	else if (n > 0 && (f->offset > 0 || n == (size_t)f->limit))
		rc = count_rows(db, f, l, err);
	else
		l->total = (long)n;
	if (rc < 0 || n == 0)
		goto out;
	if (!(l->rows = calloc(n, sizeof *l->rows))) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	l->n = n;
	qsort(slots, n, sizeof *slots, cmp_slot);
	if ((rc = fill_page(db, f, slots, n, l, err)))
		goto out;
	size_t kept = 0; /* drop rows whose employment vanished between the queries */
	for (size_t i = 0; i < l->n; i++)
		if (l->rows[i].id)
			l->rows[kept++] = l->rows[i];
	l->n = kept;
out:
	free(slots);
	buf_release(&sql);
	return rc < 0 ? rc : 0;
}

/* Every row (no limit) in one query: exports of a whole board or region. */
static int list_all(struct db *db, const struct people_filter *f, const struct where *w,
		    const char *order, struct person_list *l, struct samen_err *err)
{
	struct buf sql;
	buf_init(&sql, 4096);
	buf_puts(&sql, "SELECT " ROW_COLS);
	buf_puts(&sql, buf_str(&w->sql));
	buf_puts(&sql, order);
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db, buf_str(&sql), &st, err);
	if (rc)
		goto out;
	bind_where(st, w, f);
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&l->rows, &cap, l->n, sizeof *l->rows, err)))
			break;
		fill_row(st, &l->rows[l->n++], f->today);
	}
	db_finalize(st);
	l->total = (long)l->n;
out:
	buf_release(&sql);
	return rc < 0 ? rc : 0;
}

int people_list(struct db *db, const struct people_filter *f, struct person_list *l,
		struct samen_err *err)
{
	memset(l, 0, sizeof *l);
	struct where w;
	where_build(&w, f, f->limit > 0 ? WHERE_PAGE : WHERE_ALL);
	/* Ascending age means descending birth date. */
	bool down = f->sort == SORT_AGE ? !f->descending : f->descending;
	size_t which = 0;
	for (size_t i = 0; i < sizeof sort_names / sizeof sort_names[0]; i++)
		if (sort_names[i].sort == f->sort)
			which = i;
	char order[160];
	snprintf(order, sizeof order, " ORDER BY %s %s, %s", sort_names[which].key,
		 down ? "DESC" : "ASC", sort_names[which].then);
	int rc = f->limit > 0 ? list_page(db, f, &w, order, l, err) : list_all(db, f, &w, order, l, err);
	if (rc == 0 && l->n == 0 && f->offset > 0)
		rc = count_rows(db, f, l, err); /* a page past the end still tells the total */
	if (rc >= 0 && l->n)
		rc = attach_details(l, db, err);
	buf_release(&w.sql);
	if (rc < 0)
		people_list_free(l);
	return rc < 0 ? rc : 0;
}

void people_list_free(struct person_list *l)
{
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

int people_subjects(struct db *db, struct subject_info **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT code, name_nl, name_en, shortage FROM subject"
				" ORDER BY name_nl", &st, err);
	if (rc)
		return rc;
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		struct subject_info *s = &(*out)[(*n)++];
		copy(s->code, sizeof s->code, db_col_text(st, 0));
		copy(s->name_nl, sizeof s->name_nl, db_col_text(st, 1));
		copy(s->name_en, sizeof s->name_en, db_col_text(st, 2));
		s->shortage = (int)db_col_int(st, 3);
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc < 0 ? rc : 0;
}

static int exists(struct db *db, const char *sql, int64_t a, int64_t b, int *out,
		  struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, a);
	db_bind_int(st, 2, b);
	rc = db_step(st, err);
	db_finalize(st);
	if (rc < 0)
		return rc;
	*out = rc == 1;
	return 0;
}

int people_board_employs(struct db *db, int64_t board_id, int64_t person_id, int *out,
			 struct samen_err *err)
{
	return exists(db, "SELECT 1 FROM employment WHERE board_id = $1 AND person_id = $2",
		      board_id, person_id, out, err);
}

int people_works_at_school(struct db *db, int64_t person_id, int64_t school_id, int *out,
			   struct samen_err *err)
{
	/* Only through an employment with the school's own board. */
	return exists(db, "SELECT 1 FROM assignment a JOIN employment e ON e.id = a.employment_id"
			  " JOIN school s ON s.id = a.school_id"
			  " WHERE e.person_id = $1 AND a.school_id = $2 AND e.board_id = s.board_id",
		      person_id, school_id, out, err);
}

int people_school_region(struct db *db, int64_t school_id, int64_t *region_id,
			 struct samen_err *err)
{
	const char *p[1];
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)school_id);
	p[0] = id;
	int rc = db_query_int(db, "SELECT b.region_id FROM school s JOIN board b ON b.id = s.board_id"
				  " WHERE s.id = CAST($1 AS INTEGER)", 1, p, region_id, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail(err, SAMEN_ENOTFOUND, "no such school");
	return rc;
}

int people_person_boards(struct db *db, int64_t person_id, int64_t *boards, size_t max,
			 size_t *n, struct samen_err *err)
{
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT board_id FROM employment WHERE person_id = $1"
				" ORDER BY board_id", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, person_id);
	while ((rc = db_step(st, err)) == 1)
		if (*n < max)
			boards[(*n)++] = db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}
