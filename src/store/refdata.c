/*
 * refdata.c - loads municipalities and subjects from the embedded data/
 * files into the database (see refdata.h).
 */
#include "store/refdata.h"
#include "formats/csvrows.h"
#include "store/store_calendar.h"
#include "util/embedded.h"

#include <string.h>

struct load {
	struct db_stmt *st;
	int ncols;
};

static int municipality_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct load *l = ctx;
	if (line == 1)
		return 0; /* header */
	if (n < 3)
		return samen_fail_at(err, SAMEN_EINVAL, line, "region",
				     "regio_indeling_gemeenten.csv: too few fields");
	db_reset(l->st);
	db_bind_text(l->st, 1, f[0]);
	db_bind_text(l->st, 2, f[1]);
	db_bind_text(l->st, 3, f[2]);
	db_bind_text(l->st, 4, n > 3 ? f[3] : "");
	int rc = db_step(l->st, err);
	return rc < 0 ? rc : 0;
}

static int subject_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct load *l = ctx;
	if (line == 1)
		return 0;
	if (n < 5)
		return samen_fail_at(err, SAMEN_EINVAL, line, "shortage",
				     "subjects.csv: too few fields");
	db_reset(l->st);
	for (int i = 0; i < 4; i++)
		db_bind_text(l->st, i + 1, f[i]);
	db_bind_int(l->st, 5, strcmp(f[4], "1") == 0);
	int rc = db_step(l->st, err);
	return rc < 0 ? rc : 0;
}

static int load_file(struct db *db, const char *file, const char *sql, csvrows_fn fn,
		     struct samen_err *err)
{
	const struct embedded_file *f = embedded_find(embedded_data, file);
	if (!f)
		return samen_fail(err, SAMEN_EINTERNAL, "embedded file %s missing", file);
	struct load l = {0};
	int rc = db_prepare(db, sql, &l.st, err);
	if (rc)
		return rc;
	rc = csvrows_parse((const char *)f->data, f->len, ',', fn, &l, err);
	db_finalize(l.st);
	return rc;
}

int refdata_load(struct db *db, struct samen_err *err)
{
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = load_file(db, "regio_indeling_gemeenten.csv",
		       "INSERT INTO municipality (name, province, holiday_region, note)"
		       " VALUES ($1, $2, $3, $4) ON CONFLICT (name, province) DO UPDATE SET"
		       " holiday_region = excluded.holiday_region, note = excluded.note",
		       municipality_row, err);
	if (rc == 0)
		rc = load_file(db, "subjects.csv",
			       "INSERT INTO subject (code, name_nl, name_en, category, shortage)"
			       " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO UPDATE SET"
			       " name_nl = excluded.name_nl, name_en = excluded.name_en,"
			       " category = excluded.category",
			       subject_row, err);
	if (rc == 0) rc = store_calendar_refdata(db, err); /* school holidays (docs/calendar.md) */
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
