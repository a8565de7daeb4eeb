/*
 * demo_secondment.h - secondments and their settlement in the demo region.
 *
 * Adds to a freshly generated Regio Alkmaar (core/demo.h): the boards'
 * party data (fictitious KvK numbers, VAT numbers and IBANs with valid
 * check digits), their employer charges and travel allowance per year
 * (demo values, see docs/secondment.md), and five secondments between the
 * three boards that tell the month-end story (docs/STORIES story 3):
 *
 *   1  board 1 -> board 2  scheikunde until the spring holiday, agreed, all
 *                          VAT conditions confirmed: exempt
 *   2  board 2 -> board 3  NT2 for newcomers, agreed, condition c (indispensable)
 *                          never confirmed: 21 % VAT
 *   3  board 3 -> board 2  wiskunde, agreed, ends within three months
 *                          (extension reminder, rule 4)
 *   4  board 1 -> board 3  the docent.b1 account's person, starting next month,
 *                          not yet agreed (agreement and consent reminders)
 *   5  board 2 -> board 1  informatica, agreed, with two late corrections of
 *                          last month
 *
 * Hours are registered per school week from the start until the last
 * complete week before today, as planned give or take an hour (holidays
 * from the school calendar are skipped); every month of the school year
 * that ended before last month is closed. Everything goes through the
 * store functions, so the demo writes audit entries like real use. Dates
 * follow the demo's reference school year (date_today, SAMEN_TODAY).
 */
#ifndef SAMEN_DEMO_SECONDMENT_H
#define SAMEN_DEMO_SECONDMENT_H

#include "store/db.h"

/*
 * Create the demo secondments in the first region (Regio Alkmaar) of db,
 * inside the caller's transaction. Errors come from the store.
 */
int demo_secondment_create(struct db *db, struct samen_err *err);

#endif
