/*
 * scope.c - who may see which tenant's data (see scope.h).
 */
#include "web/scope.h"
#include "store/people.h"

bool scope_region(const struct user *u, int64_t region_id)
{
	if (u->role == ROLE_ADMIN)
		return true;
	if (u->role == ROLE_STAFF)
		return false;
	return u->region_id == region_id;
}

bool scope_board_people(const struct user *u, int64_t board_id)
{
	if (u->role == ROLE_ADMIN)
		return true;
	return (u->role == ROLE_EXECUTIVE || u->role == ROLE_HR) && u->board_id == board_id;
}

bool scope_school_people(const struct user *u, int64_t school_id, int64_t school_board)
{
	if (scope_board_people(u, school_board))
		return true;
	return u->role == ROLE_SCHOOL_LEADER && u->school_id == school_id;
}

int scope_person(struct db *db, const struct user *u, int64_t person_id, bool *visible,
		 bool *same_board, struct samen_err *err)
{
	*visible = false;
	*same_board = false;
	int employs = 0, rc = 0;
	if (u->board_id) {
		rc = people_board_employs(db, u->board_id, person_id, &employs, err);
		if (rc)
			return rc;
	}
	*same_board = employs;
	switch (u->role) {
	case ROLE_ADMIN: {
		int64_t exists_in[1];
		size_t n;
		rc = people_person_boards(db, person_id, exists_in, 1, &n, err);
		*visible = rc == 0 && n > 0;
		break;
	}
	case ROLE_EXECUTIVE:
	case ROLE_HR:
		*visible = employs;
		break;
	case ROLE_SCHOOL_LEADER: {
		int at = 0;
		if (employs)
			rc = people_works_at_school(db, person_id, u->school_id, &at, err);
		*visible = at;
		break;
	}
	case ROLE_STAFF:
		*visible = u->person_id == person_id;
		break;
	case ROLE_COORDINATOR:
		break;
	}
	return rc;
}
