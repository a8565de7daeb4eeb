/*
 * page_school.c - GET /scholen/{school} and GET /api/v1/schools/{school}:
 * a school location with its key figures; the staff working there is listed
 * only for users who may see that board's people at that school.
 */
#include "store/people.h"
#include "util/date.h"
#include "web/handlers.h"
#include "web/calendar_web.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/scope.h"

#include <stdio.h>

json_t *person_row_json(const struct person_row *p);

static void fact(struct req *r, struct buf *b, const char *key, const char *value)
{
	buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
		      " scope=\"row\">%s</th><td class=\"utrecht-table__cell\">", tr(r, key));
	html_esc(b, value);
	buf_puts(b, "</td></tr>");
}

int page_school(struct req *r, struct resp *s)
{
	int64_t id = req_param_id(r, "school");
	struct samen_err err;
	samen_err_clear(&err);
	struct school_summary sc;
	int rc = people_school(r->db, id, date_today(), &sc, &err);
	if (rc)
		return rc;
	html_begin(r, s, sc.name);
	struct buf *b = &s->body;
	char text[256], num[32];
	buf_puts(b, "<h1 class=\"utrecht-heading-1\">");
	html_esc(b, sc.name);
	buf_printf(b, "</h1><table class=\"utrecht-table samen-facts\"><caption class=\"utrecht-table__caption"
		      " samen-visually-hidden\">%s</caption><tbody class=\"utrecht-table__body\">",
		   tr(r, "school.title"));
	fact(r, b, "school.board", sc.board_name);
	snprintf(text, sizeof text, "%s%s", sc.brin, sc.vestiging);
	fact(r, b, "col.brin", text);
	snprintf(text, sizeof text, "%s, %s %s", sc.street, sc.postcode, sc.city);
	fact(r, b, "col.address", text);
	fact(r, b, "col.municipality", sc.municipality);
	fact(r, b, "col.types", sc.school_types);
	fact(r, b, "col.holiday_region", sc.holiday_region);
	html_number(r, (double)sc.headcount, 0, num);
	fact(r, b, "region.headcount", num);
	html_number(r, sc.fte, 1, num);
	fact(r, b, "col.fte", num);
	if (calendar_may_edit_school(&r->user, sc.id, sc.board_id)) buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th><td class=\"utrecht-table__cell\"><a class=\"utrecht-link\" href=\"/scholen/%lld/rooster\">%s</a></td></tr>", tr(r, "tt.title"), (long long)sc.id, tr(r, "tt.link"));
	buf_printf(b, "</tbody></table><h2 class=\"utrecht-heading-2\">%s</h2>", tr(r, "school.staff"));
	if (!scope_school_people(&r->user, sc.id, sc.board_id)) {
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "school.staff_hidden"));
		html_end(r, s);
		return 0;
	}
	struct people_filter f = {.board_id = sc.board_id, .school_id = sc.id, .today = date_today()};
	struct person_list l;
	rc = people_list(r->db, &f, &l, &err);
	if (rc)
		return rc;
	buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
		      "<caption class=\"utrecht-table__caption\">%s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "</tr></thead><tbody class=\"utrecht-table__body\">",
		   tr(r, "school.staff"), tr(r, "col.name"), tr(r, "col.age"), tr(r, "col.contract"),
		   tr(r, "col.fte"));
	for (size_t i = 0; i < l.n; i++) {
		const struct person_row *p = &l.rows[i];
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
			      " scope=\"row\"><a class=\"utrecht-link\" href=\"/personen/%lld\">",
			   (long long)p->id);
		html_esc(b, p->last_name);
		buf_puts(b, ", ");
		html_esc(b, p->first_name);
		char key[32];
		snprintf(key, sizeof key, "contract.%s", p->contract_kind);
		buf_printf(b, "</a></th><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%d</td>"
			      "<td class=\"utrecht-table__cell\">%s</td>", p->age, tr(r, key));
		html_number(r, p->fte, 2, num);
		buf_printf(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%s</td></tr>", num);
	}
	buf_puts(b, "</tbody></table></div>");
	html_end(r, s);
	people_list_free(&l);
	return 0;
}

int api_school_get(struct req *r, struct resp *s)
{
	int64_t id = req_param_id(r, "school");
	struct samen_err err;
	samen_err_clear(&err);
	struct school_summary sc;
	if (people_school(r->db, id, date_today(), &sc, &err) != 0) {
		resp_error(s, &err);
		return 0;
	}
	json_t *o = json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:f,s:f,s:I,s:f}",
		"id", (json_int_t)sc.id, "board_id", (json_int_t)sc.board_id, "brin", sc.brin,
		"vestiging", sc.vestiging, "name", sc.name, "street", sc.street, "postcode", sc.postcode,
		"city", sc.city, "municipality", sc.municipality, "school_types", sc.school_types,
		"holiday_region", sc.holiday_region, "lat", sc.lat, "lon", sc.lon,
		"headcount", (json_int_t)sc.headcount, "fte", sc.fte);
	if (scope_school_people(&r->user, sc.id, sc.board_id)) {
		struct people_filter f = {.board_id = sc.board_id, .school_id = sc.id, .today = date_today()};
		struct person_list l;
		if (people_list(r->db, &f, &l, &err) != 0) {
			json_decref(o);
			resp_error(s, &err);
			return 0;
		}
		json_t *arr = json_array();
		for (size_t i = 0; i < l.n; i++)
			json_array_append_new(arr, person_row_json(&l.rows[i]));
		json_object_set_new(o, "people", arr);
		people_list_free(&l);
	}
	resp_json(s, 200, o);
	return 0;
}
