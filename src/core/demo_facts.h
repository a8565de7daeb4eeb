/*
 * demo_facts.h - fact-base data for the demo region (issue 3): what the
 * boards of Regio Alkmaar would have entered or imported, so the fact base
 * ("feitenbasis") shows something meaningful from the first start.
 */
#ifndef SAMEN_DEMO_FACTS_H
#define SAMEN_DEMO_FACTS_H

#include <stdint.h>

#include "store/db.h"

/*
 * Add, for the region with code "alkmaar" (nothing when there is none),
 * drawn from `seed`: part-time reserve wishes, starter and zij-instromer
 * flags (staff_fact), open and filled vacancies, DUO pupil counts per
 * school for the last five school years (one masked cell included) and
 * prognoses for ten years, DUO teaching-staff counts per board (one board
 * off by a few from its own count), a hand-entered German headcount that
 * differs from the board's own by three (STORIES.md story 4), lesson-hour
 * figures, and two forecast scenarios ("basis", "krimp"). Everything goes
 * through store/facts.h. Call inside the demo's transaction.
 */
int demo_facts_create(struct db *db, uint64_t seed, struct samen_err *err);

#endif
