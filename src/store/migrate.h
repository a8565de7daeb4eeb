/*
 * migrate.h - numbered schema migrations per dialect, embedded in the binary.
 *
 * Migrations live in sql/sqlite/NNNN_name.sql and sql/pg/NNNN_name.sql; the
 * number orders them. Each one runs in its own transaction and is recorded
 * in schema_migrations, so applying is idempotent and safe to call at every
 * start-up.
 */
#ifndef SAMEN_MIGRATE_H
#define SAMEN_MIGRATE_H

#include "store/db.h"

/*
 * Apply every migration of db's dialect that has not run yet, in order.
 * *applied (may be NULL) receives how many ran. A failing migration is
 * rolled back and named in err (SAMEN_EDB).
 */
int migrate_apply(struct db *db, int *applied, struct samen_err *err);

/* Highest migration number recorded in db (0 for a fresh database). */
int migrate_version(struct db *db, int *version, struct samen_err *err);

#endif
