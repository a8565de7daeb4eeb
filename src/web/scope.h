/*
 * scope.h - who may see which tenant's data.
 *
 * The single place where Samen decides whether a signed-in user may see a
 * region, a school, a board's people or one person. The router calls these
 * for every route according to its declared scope; handlers that show
 * optional person-level parts (the staff table on a school page) ask the
 * same functions. Rules (DESIGN.md section 5):
 *   - admin: everything (reads of person-level data are audited);
 *   - coordinator: aggregates of their own region, never person-level data;
 *   - executive, hr: their own board's people;
 *   - school leader: people of their school's board who work at their school;
 *   - staff: themself.
 */
#ifndef SAMEN_SCOPE_H
#define SAMEN_SCOPE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/db.h"
#include "store/users.h"

/* May u see aggregates of region_id? */
bool scope_region(const struct user *u, int64_t region_id);

/* May u see the people of board_id? */
bool scope_board_people(const struct user *u, int64_t board_id);

/* May u see the people working at school_id (of board school_board)? */
bool scope_school_people(const struct user *u, int64_t school_id, int64_t school_board);

/*
 * May u see person_id? Sets *visible; *same_board tells whether u belongs
 * to a board that employs the person (false means the read crosses a board
 * line and must be audited). Database errors are returned.
 */
int scope_person(struct db *db, const struct user *u, int64_t person_id, bool *visible,
		 bool *same_board, struct samen_err *err);

#endif
