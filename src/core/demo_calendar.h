/*
 * demo_calendar.h - the calendar part of the demo region: busy periods of
 * the Regio Alkmaar schools, two planned meeting series and the
 * collaboration's next steps (docs/DEMO.md, docs/calendar.md).
 */
#ifndef SAMEN_DEMO_CALENDAR_H
#define SAMEN_DEMO_CALENDAR_H

#include "store/db.h"

/*
 * Fill the demo region (region code "alkmaar", made by demo_create) for the
 * school year starting in ref_year: per school test weeks, an open day, an
 * open lesson afternoon, study days, report meetings and, for havo/vwo
 * schools, the central exams; a steering group of six meetings (one school
 * per board) and a working group of ten sessions (two schools per board),
 * both planned by the year planner with the demo accounts as attendees; and
 * three next steps, one without a meeting (the lead-time warning). Runs
 * inside demo_create's transaction. When the holidays of that school year
 * are not known the series and steps are left out. Errors come from the
 * store.
 */
int demo_calendar(struct db *db, int ref_year, struct samen_err *err);

#endif
