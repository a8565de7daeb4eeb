/*
 * store_org.h - regions, boards and school locations in the database.
 *
 * All functions take a borrowed connection and write nothing on failure.
 * A school's holiday region is derived from its municipality through the
 * municipality table (data/regio_indeling_gemeenten.csv), never typed in.
 */
#ifndef SAMEN_STORE_ORG_H
#define SAMEN_STORE_ORG_H

#include <stdint.h>

#include "store/db.h"

struct org_school {
	char brin[8], vestiging[4];
	char name[128], street[128], postcode[8], city[64];
	char municipality[64], province[32];
	double lat, lon;
	char school_types[64]; /* comma list of vmbo, havo, vwo, pro, isk */
};

/* Create a region; *id receives its id. SAMEN_EEXIST when the code exists. */
int org_region_add(struct db *db, const char *code, const char *name, int64_t *id,
		   struct samen_err *err);

/* Create a board in a region. SAMEN_EEXIST for a known bestuursnummer. */
int org_board_add(struct db *db, int64_t region_id, const char *bestuursnummer,
		  const char *name, int64_t *id, struct samen_err *err);

/*
 * Create a school location of a board. The municipality must be known
 * (SAMEN_EINVAL names it otherwise); the holiday region is looked up.
 * SAMEN_EEXIST for a known BRIN + vestiging.
 */
int org_school_add(struct db *db, int64_t board_id, const struct org_school *s,
		   int64_t *id, struct samen_err *err);

/* Find a board by bestuursnummer; SAMEN_ENOTFOUND if none. */
int org_board_find(struct db *db, const char *bestuursnummer, int64_t *id,
		   struct samen_err *err);

#endif
