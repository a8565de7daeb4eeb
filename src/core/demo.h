/*
 * demo.h - the demo region: a fictitious but realistic data set to try
 * Samen with, generated deterministically from a seed.
 *
 * The regional size is "Regio Alkmaar": three invented boards with 13
 * school locations in the real municipalities Alkmaar, Bergen
 * (Noord-Holland), Heiloo, Dijk en Waard and Castricum, and 900 staff of
 * whom six work for two boards. The national size adds 39 regions over all
 * provinces (and so all three holiday regions) to reach about 150 boards,
 * 1,500 locations and 80,000 staff. Everything goes through the real store
 * functions (org_*_add, store_staff_import with one batch per board,
 * users_add), so the demo also exercises the import path.
 *
 * Dates are relative to a reference day, 1 August of the current school
 * year (from date_today(), which SAMEN_TODAY can fix), so the same seed on
 * the same school year gives identical data. docs/DEMO.md describes the
 * region and its accounts.
 */
#ifndef SAMEN_DEMO_H
#define SAMEN_DEMO_H

#include <stdint.h>
#include <stdio.h>

#include "store/db.h"

enum demo_size {
	DEMO_REGIONAL = 1, /* Regio Alkmaar: 3 boards, 13 locations, 900 staff */
	DEMO_NATIONAL = 2, /* 40 regions, 150 boards, ~1,500 locations, 80,000 staff */
};

/* The one password of every demo account. */
#define DEMO_PASSWORD "samen-demo-2026"

/* The seed `samen demo` uses without --seed. */
#define DEMO_DEFAULT_SEED 2026

struct demo_summary {
	long regions, boards, schools;
	long people;       /* person identities */
	long employments;  /* contracts: people employed by two boards count twice */
	long accounts;
};

/* Parse "regional" or "national"; SAMEN_EINVAL (field "size") otherwise. */
int demo_size_parse(const char *s, enum demo_size *out, struct samen_err *err);

/*
 * Fill an empty database with the demo region of the given size from seed,
 * in one transaction: nothing is left behind on failure. Creates the demo
 * accounts (all with DEMO_PASSWORD): admin@demo.samen.nl,
 * coordinator@demo.samen.nl (first region) and for the first three boards N
 * bestuurder.bN@, hr.bN@, schoolleider.bN@ (first school of the board) and
 * docent.bN@demo.samen.nl (a staff member of the board).
 *
 * report (may be NULL) receives a table of the accounts and the password;
 * summary (may be NULL) receives the counts. A database that already holds
 * a region is refused with SAMEN_EEXIST ("database already holds data; use
 * a new --db"). Other errors come from the store (SAMEN_EDB, ...).
 * Takes a second or two: each account costs one Argon2id hash.
 */
int demo_create(struct db *db, enum demo_size size, uint64_t seed, FILE *report,
		struct demo_summary *summary, struct samen_err *err);

#endif
