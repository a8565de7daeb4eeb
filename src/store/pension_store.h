/*
 * pension_store.h - replacing the AOW-age settings table (issue 3: "state
 * pension age by birth date as a settings table"). Reading it is
 * facts_pension_rows (store/facts.h).
 */
#ifndef SAMEN_PENSION_STORE_H
#define SAMEN_PENSION_STORE_H

#include <stddef.h>

#include "core/pension_age.h"
#include "store/db.h"

/*
 * Replace the stored table with rows[0..n) in one transaction, after
 * pension_age_validate; n == 0 goes back to the built-in defaults. Bumps
 * the fact-base version (caches recompute) and writes the audit log with
 * actor. Errors: those of the validation (SAMEN_EINVAL), SAMEN_EDB.
 */
int pension_store_replace(struct db *db, const struct pension_row *rows, size_t n,
			  const char *actor, struct samen_err *err);

#endif
