/*
 * refdata.h - loading the embedded reference data into the database.
 *
 * Municipalities with their holiday region and the subject list come from
 * data/ (see data/README.md). Loading is idempotent: rows are inserted or
 * updated by key, so it runs at every start-up and after every migration.
 */
#ifndef SAMEN_REFDATA_H
#define SAMEN_REFDATA_H

#include "store/db.h"

/* Load municipalities and subjects in one transaction. */
int refdata_load(struct db *db, struct samen_err *err);

#endif
