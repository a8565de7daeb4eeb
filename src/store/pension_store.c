/*
 * pension_store.c - replacing the AOW-age settings table (see pension_store.h).
 */
#include "store/pension_store.h"
#include "store/audit.h"
#include "store/facts.h"
#include "util/date.h"

#include <stdio.h>

int pension_store_replace(struct db *db, const struct pension_row *rows, size_t n,
			  const char *actor, struct samen_err *err)
{
	int rc = n ? pension_age_validate(rows, n, err) : 0;
	if (rc)
		return rc;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_exec(db, "DELETE FROM pension_age_setting", err);
	struct db_stmt *st = NULL;
	if (rc == 0 && n)
		rc = db_prepare(db, "INSERT INTO pension_age_setting (born_from, born_to, years, months,"
				    " is_law, source) VALUES ($1, $2, $3, $4, $5, $6)", &st, err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char from[11] = "", to[11] = "";
		if (rows[i].born_from != PENSION_OPEN_FROM)
			date_format(rows[i].born_from, from);
		if (rows[i].born_to != PENSION_OPEN_TO)
			date_format(rows[i].born_to, to);
		db_reset(st);
		db_bind_text(st, 1, from[0] ? from : NULL);
		db_bind_text(st, 2, to[0] ? to : NULL);
		db_bind_int(st, 3, rows[i].years);
		db_bind_int(st, 4, rows[i].months);
		db_bind_int(st, 5, rows[i].is_law ? 1 : 0);
		db_bind_text(st, 6, rows[i].source ? rows[i].source : "");
		rc = db_step(st, err);
		rc = rc < 0 ? rc : 0;
	}
	db_finalize(st);
	if (rc == 0)
		rc = facts_version_bump(db, err);
	if (rc == 0) {
		char detail[64];
		snprintf(detail, sizeof detail, "%zu row(s)%s", n, n ? "" : ": back to the defaults");
		rc = audit_add(db, 0, actor, "facts.aow.replace", "pension_age_setting", "", 0, detail, err);
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
