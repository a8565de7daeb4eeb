/*
 * api_people.c - GET /api/v1/people (the staff the signed-in user may see)
 * and GET /api/v1/people/{person}.
 *
 * What "may see" means is decided by role, as in web/scope.h: admin all
 * boards (optionally ?board=ID), executive and HR their board, a school
 * leader the people of their school, a staff member themself, a
 * coordinator nobody (coordinators work with aggregates only).
 */
#include "store/people.h"
#include "util/date.h"
#include "web/handlers.h"
#include "web/people_query.h"
#include "web/scope.h"

#include <stdlib.h>
#include <string.h>

json_t *person_row_json(const struct person_row *p);

int api_people_list(struct req *r, struct resp *s)
{
	const struct user *u = &r->user;
	struct samen_err err;
	samen_err_clear(&err);
	int64_t board = 0;
	if (u->role == ROLE_ADMIN) {
		const char *b = r->query(r, "board");
		if (b && *b) {
			char *end;
			board = strtoll(b, &end, 10);
			if (*end || board <= 0) {
				samen_fail_at(&err, SAMEN_EINVAL, 0, "board", "board must be an id");
				resp_error(s, &err);
				return 0;
			}
		}
	} else {
		board = u->board_id;
	}
	struct people_filter f;
	long page = 1;
	if (people_query_parse(r, board, &f, &page, &err) != 0) {
		resp_error(s, &err);
		return 0;
	}
	f.limit = PEOPLE_PAGE_SIZE;
	f.offset = (page - 1) * PEOPLE_PAGE_SIZE;
	struct person_list l = {0};
	int rc = 0;
	switch (u->role) {
	case ROLE_ADMIN:
	case ROLE_EXECUTIVE:
	case ROLE_HR:
		rc = people_list(r->db, &f, &l, &err);
		break;
	case ROLE_SCHOOL_LEADER:
		if (f.school_id && f.school_id != u->school_id) {
			samen_fail_at(&err, SAMEN_EPERM, 0, "school", "only your own school");
			rc = SAMEN_EPERM;
			break;
		}
		f.school_id = u->school_id;
		rc = people_list(r->db, &f, &l, &err);
		break;
	case ROLE_STAFF:
		f.board_id = 0;
		f.person_id = u->person_id;
		rc = u->person_id ? people_list(r->db, &f, &l, &err) : 0;
		break;
	case ROLE_COORDINATOR:
		break;
	}
	if (rc) {
		resp_error(s, &err);
		return 0;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, person_row_json(&l.rows[i]));
	resp_json(s, 200, json_pack("{s:I,s:i,s:i,s:o}", "total", (json_int_t)l.total, "page",
				    (int)page, "page_size", PEOPLE_PAGE_SIZE, "people", arr));
	people_list_free(&l);
	return 0;
}

/*
 * The employments of a person that the user may see: their own board's
 * (executive, HR, school leader), all (admin, or the person themself).
 */
int person_visible_rows(struct req *r, int64_t person_id, struct person_list *out,
			struct samen_err *err);

int person_visible_rows(struct req *r, int64_t person_id, struct person_list *out,
			struct samen_err *err)
{
	const struct user *u = &r->user;
	bool all = u->role == ROLE_ADMIN || u->person_id == person_id;
	struct people_filter f = {.board_id = all ? 0 : u->board_id, .person_id = person_id,
				  .today = date_today()};
	return people_list(r->db, &f, out, err);
}

int api_person_get(struct req *r, struct resp *s)
{
	int64_t id = req_param_id(r, "person");
	struct samen_err err;
	samen_err_clear(&err);
	struct person_list l;
	if (person_visible_rows(r, id, &l, &err) != 0) {
		resp_error(s, &err);
		return 0;
	}
	if (l.n == 0) {
		people_list_free(&l);
		resp_error_code(s, SAMEN_ENOTFOUND, "no such person");
		return 0;
	}
	json_t *emps = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(emps, person_row_json(&l.rows[i]));
	resp_json(s, 200, json_pack("{s:I,s:s,s:s,s:s,s:o}", "id", (json_int_t)id, "first_name",
				    l.rows[0].first_name, "last_name", l.rows[0].last_name,
				    "birth_date", l.rows[0].birth_date, "employments", emps));
	people_list_free(&l);
	return 0;
}
