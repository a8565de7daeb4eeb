/*
 * store_staff.h - writing a board's staff to the database, all or nothing.
 */
#ifndef SAMEN_STORE_STAFF_H
#define SAMEN_STORE_STAFF_H

#include <stddef.h>
#include <stdint.h>

#include "core/staff.h"
#include "store/db.h"

struct staff_import_stats {
	long people_created;   /* new person identities */
	long people_linked;    /* existing identity (same e-mail) now also employed here */
	long people_updated;   /* already employed by this board: contract replaced */
	long rows;             /* records written */
};

/*
 * Write n records for board_id in one transaction: validate each record
 * (staff_validate), check subject codes and schools (the school must belong
 * to the board), reject duplicate employee numbers or e-mails within the
 * batch, then upsert person, employment, contract, assignments and
 * qualifications. A person already known by e-mail (employed by another
 * board) keeps one identity; the other board's contract is never touched.
 * Any failure rolls back everything and names the record's line and field
 * in err. The audit log records the import (actor, board, row count).
 */
int store_staff_import(struct db *db, int64_t board_id, const struct staff_record *recs,
		       size_t n, const char *actor, struct staff_import_stats *stats,
		       struct samen_err *err);

#endif
