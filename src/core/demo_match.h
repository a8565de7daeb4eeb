/*
 * demo_match.h - help requests and the regional pool in the demo region
 * (issue 4, docs/match.md).
 *
 * Adds to a freshly generated Regio Alkmaar (core/demo.h): a bell schedule
 * for every school (eight 50-minute periods from 8:30), a pool of staff
 * with a shortage-subject qualification who opted in (by consent; every
 * other one shares their name), each with a few lessons of their own, and
 * three open help requests: scheikunde havo 4-5 as concrete lessons (story
 * 1), wiskunde vwo 1-3 and Nederlands vmbo-tl 3-4 in hours per week, which
 * `samen match` plans. Everything goes through store/match.h.
 */
#ifndef SAMEN_DEMO_MATCH_H
#define SAMEN_DEMO_MATCH_H

#include "store/db.h"

/* Create the demo matching data; today is the demo's day number. */
int demo_match_create(struct db *db, long today, struct samen_err *err);

#endif
