/*
 * page_staff.c - a board's staff list with filters, sorting and paging
 * (GET /besturen/{board}/personeel) and its JSON twin
 * (GET /api/v1/boards/{board}/people). The router has already checked that
 * the user may see this board's people.
 */
#include "store/people.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/people_query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Append the current filters as query parameters (without sort/page). */
static void filter_query(struct req *r, struct buf *b)
{
	static const char *keys[] = {"vak", "leeftijd", "contract", "school"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *v = r->query(r, keys[i]);
		if (v && *v) {
			buf_printf(b, "&amp;%s=", keys[i]);
			html_urlenc(b, v);
		}
	}
}

static void option(struct buf *b, const char *value, const char *label, const char *current)
{
	buf_puts(b, "<option value=\"");
	html_esc(b, value);
	buf_puts(b, current && strcmp(current, value) == 0 ? "\" selected>" : "\">");
	html_esc(b, label);
	buf_puts(b, "</option>");
}

static void select_open(struct req *r, struct buf *b, const char *name, const char *label_key)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--select\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"f-%s\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"f-%s\" name=\"%s\">",
		   name, tr(r, label_key), name, name);
	option(b, "", tr(r, "staff.all"), r->query(r, name));
}

static void write_filters(struct req *r, struct buf *b, int64_t board_id, const char *base)
{
	struct samen_err err;
	struct subject_info *subjects = NULL;
	size_t nsub = 0;
	struct school_name *schools = NULL;
	size_t nsch = 0;
	people_subjects(r->db, &subjects, &nsub, &err);
	people_board_school_names(r->db, board_id, &schools, &nsch, &err);

	buf_printf(b, "<form class=\"samen-filters\" method=\"get\" action=\"%s\">"
		      "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>"
		      "<div class=\"samen-filters__fields\">",
		   base, tr(r, "staff.filters"));
	select_open(r, b, "vak", "staff.subject");
	for (size_t i = 0; i < nsub; i++)
		option(b, subjects[i].code, r->lang == LANG_EN ? subjects[i].name_en : subjects[i].name_nl,
		       r->query(r, "vak"));
	buf_puts(b, "</select></div></div>");
	select_open(r, b, "leeftijd", "staff.age");
	static const char *bands[] = {"<30", "30-44", "45-54", "55-59", "60+"};
	for (size_t i = 0; i < 5; i++)
		option(b, bands[i], bands[i], r->query(r, "leeftijd"));
	buf_puts(b, "</select></div></div>");
	select_open(r, b, "contract", "staff.contract");
	option(b, "vast", tr(r, "contract.vast"), r->query(r, "contract"));
	option(b, "tijdelijk", tr(r, "contract.tijdelijk"), r->query(r, "contract"));
	buf_puts(b, "</select></div></div>");
	select_open(r, b, "school", "staff.school");
	for (size_t i = 0; i < nsch; i++) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)schools[i].id);
		option(b, id, schools[i].name, r->query(r, "school"));
	}
	buf_puts(b, "</select></div></div>");
	const char *sort = r->query(r, "sort");
	if (sort && *sort) {
		buf_puts(b, "<input type=\"hidden\" name=\"sort\" value=\"");
		html_esc(b, sort);
		buf_puts(b, "\">");
	}
	buf_printf(b, "</div><p class=\"samen-filters__actions\"><button class=\"utrecht-button"
		      " utrecht-button--primary-action\" type=\"submit\">%s</button> "
		      "<a class=\"utrecht-link\" href=\"%s\">%s</a></p></fieldset></form>",
		   tr(r, "staff.filter"), base, tr(r, "staff.reset"));
	free(subjects);
	free(schools);
}

static void sort_header(struct req *r, struct buf *b, const char *base, const char *key,
			const char *sort_key, const struct people_filter *f, bool numeric)
{
	const char *cur = people_sort_name(f->sort);
	bool active = sort_key && strcmp(cur, sort_key) == 0;
	const char *aria = active ? (f->descending ? "descending" : "ascending") : NULL;
	buf_printf(b, "<th class=\"utrecht-table__header-cell%s\" scope=\"col\"%s%s%s>",
		   numeric ? " utrecht-table__header-cell--numeric" : "", aria ? " aria-sort=\"" : "",
		   aria ? aria : "", aria ? "\"" : "");
	if (!sort_key) {
		html_esc(b, tr(r, key));
		buf_puts(b, "</th>");
		return;
	}
	buf_printf(b, "<a class=\"utrecht-link samen-sort\" href=\"%s?sort=%s", base, sort_key);
	if (active && !f->descending)
		buf_puts(b, "&amp;richting=af");
	filter_query(r, b);
	buf_printf(b, "\">%s<span class=\"samen-visually-hidden\"> (%s)</span></a></th>",
		   tr(r, key), tr(r, "staff.sort_by"));
}

static void qual_text(struct req *r, struct buf *b, const char *quals)
{
	/* "wi:eerstegraads, na:tweedegraads" -> "wi (eerstegraads), na (tweedegraads)" */
	char copy[256];
	str_copy(copy, sizeof copy, quals);
	char *save = NULL;
	bool first = true;
	for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		while (*item == ' ')
			item++;
		char *colon = strchr(item, ':');
		if (!colon)
			continue;
		*colon = '\0';
		char key[48] = "level.";
		str_copy(key + 6, sizeof key - 6, colon + 1);
		if (!first)
			buf_puts(b, ", ");
		first = false;
		buf_puts(b, "<span class=\"samen-qual\">");
		html_esc(b, item);
		buf_puts(b, " (");
		html_esc(b, tr(r, key));
		buf_puts(b, ")</span>");
	}
}

int page_staff_list(struct req *r, struct resp *s)
{
	/* The page's reads share one snapshot (and one lock on SQLite); the router ends the group. */
	struct samen_err gerr;
	if (db_read_begin(r->db, &gerr) != 0)
		return gerr.code;
	int64_t board_id = req_param_id(r, "board");
	struct samen_err err;
	samen_err_clear(&err);
	struct board_summary board;
	int rc = people_board(r->db, board_id, &board, &err);
	if (rc)
		return rc;
	struct people_filter f;
	long page = 1;
	char base[64];
	snprintf(base, sizeof base, "/besturen/%lld/personeel", (long long)board_id);
	html_begin(r, s, tr(r, "staff.title"));
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">", tr(r, "staff.title"));
	html_esc(b, board.name);
	buf_puts(b, "</span></h1>");
	rc = people_query_parse(r, board_id, &f, &page, &err);
	write_filters(r, b, board_id, base);
	if (rc) {
		buf_puts(b, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\"><p class=\"utrecht-paragraph\">");
		html_esc(b, err.msg);
		buf_puts(b, "</p></div>");
		html_end(r, s);
		s->status = 400;
		return 0;
	}
	f.limit = PEOPLE_PAGE_SIZE;
	f.offset = (page - 1) * PEOPLE_PAGE_SIZE;
	struct person_list l;
	rc = people_list(r->db, &f, &l, &err);
	if (rc)
		return rc;
	char num[32];
	html_number(r, (double)l.total, 0, num);
	buf_printf(b, "<p class=\"utrecht-paragraph samen-count\" role=\"status\"><strong>%s</strong> %s.",
		   num, tr(r, "staff.count"));
	buf_printf(b, " <a class=\"utrecht-link\" href=\"%s/export?formaat=xlsx", base);
	filter_query(r, b);
	buf_printf(b, "\">%s Excel</a> · <a class=\"utrecht-link\" href=\"%s/export?formaat=csv", tr(r, "region.export"), base);
	filter_query(r, b);
	buf_puts(b, "\">CSV</a></p>");
	if (l.n == 0) {
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "staff.none"));
	} else {
		buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table samen-staff\">"
			      "<caption class=\"utrecht-table__caption\">%s: ",
			   tr(r, "staff.caption"));
		html_esc(b, board.name);
		buf_puts(b, "</caption><thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">");
		sort_header(r, b, base, "col.name", "naam", &f, false);
		sort_header(r, b, base, "col.age", "leeftijd", &f, true);
		sort_header(r, b, base, "col.contract", "contract", &f, false);
		sort_header(r, b, base, "col.fte", "fte", &f, true);
		sort_header(r, b, base, "col.scale", NULL, &f, false);
		sort_header(r, b, base, "col.start", "begindatum", &f, false);
		sort_header(r, b, base, "col.schools", NULL, &f, false);
		sort_header(r, b, base, "col.qualifications", NULL, &f, false);
		buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
		for (size_t i = 0; i < l.n; i++) {
			const struct person_row *p = &l.rows[i];
			/* Per row without printf: the list is the busiest page (bench/README.md). */
			buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
				    " scope=\"row\"><a class=\"utrecht-link\" href=\"/personen/");
			buf_int(b, p->id);
			buf_puts(b, "\">");
			html_esc(b, p->last_name);
			buf_puts(b, ", ");
			html_esc(b, p->first_name);
			buf_puts(b, "</a></th><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
			buf_int(b, p->age);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			char key[32] = "contract.";
			str_copy(key + 9, sizeof key - 9, p->contract_kind);
			html_esc(b, tr(r, key));
			if (p->end_date[0]) {
				buf_puts(b, " <span class=\"samen-muted\">(t/m ");
				html_date(r, b, p->end_date);
				buf_puts(b, ")</span>");
			}
			html_number(r, p->fte, 2, num);
			buf_puts(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
			buf_puts(b, num);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			html_esc(b, p->salary_scale);
			buf_puts(b, "-");
			buf_int(b, p->salary_step);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			html_date(r, b, p->start_date);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			html_esc(b, p->schools);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			qual_text(r, b, p->qualifications);
			buf_puts(b, "</td></tr>");
		}
		buf_puts(b, "</tbody></table></div>");
		long pages = (l.total + PEOPLE_PAGE_SIZE - 1) / PEOPLE_PAGE_SIZE;
		if (pages > 1) {
			buf_printf(b, "<nav class=\"samen-pager\" aria-label=\"%s\"><p class=\"utrecht-paragraph\">",
				   tr(r, "staff.page"));
			const char *sortv = r->query(r, "sort"), *dirv = r->query(r, "richting");
			for (int step = -1; step <= 1; step += 2) {
				long target = page + step;
				if (target < 1 || target > pages)
					continue;
				buf_printf(b, "<a class=\"utrecht-link\" href=\"%s?pagina=%ld", base, target);
				if (sortv && *sortv) {
					buf_puts(b, "&amp;sort=");
					html_urlenc(b, sortv);
				}
				if (dirv && *dirv) {
					buf_puts(b, "&amp;richting=");
					html_urlenc(b, dirv);
				}
				filter_query(r, b);
				buf_printf(b, "\" rel=\"%s\">%s</a> ", step < 0 ? "prev" : "next",
					   tr(r, step < 0 ? "staff.previous" : "staff.next"));
			}
			buf_printf(b, "%s %ld / %ld</p></nav>", tr(r, "staff.page"), page, pages);
		}
	}
	html_end(r, s);
	people_list_free(&l);
	return 0;
}

/* A person row as JSON (the same fields for every people endpoint). */
json_t *person_row_json(const struct person_row *p);

json_t *person_row_json(const struct person_row *p)
{
	json_t *o = json_pack("{s:I,s:s,s:s,s:s,s:s,s:i,s:s,s:f,s:f,s:s,s:i,s:s}",
		"id", (json_int_t)p->id, "employee_number", p->employee_number,
		"first_name", p->first_name, "last_name", p->last_name, "birth_date", p->birth_date,
		"age", p->age, "contract", p->contract_kind, "hours_per_year", p->hours_per_year,
		"fte", p->fte, "salary_scale", p->salary_scale, "salary_step", p->salary_step,
		"start_date", p->start_date);
	json_object_set_new(o, "end_date", p->end_date[0] ? json_string(p->end_date) : json_null());
	json_object_set_new(o, "email", p->email[0] ? json_string(p->email) : json_null());
	json_object_set_new(o, "schools", json_string(p->schools));
	json_object_set_new(o, "board_id", json_integer(p->board_id));
	json_object_set_new(o, "board", json_string(p->board_name));
	json_t *q = json_array();
	char copy[256];
	snprintf(copy, sizeof copy, "%s", p->qualifications);
	char *save = NULL;
	for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		while (*item == ' ')
			item++;
		char *colon = strchr(item, ':');
		if (colon) {
			*colon = '\0';
			json_array_append_new(q, json_pack("{s:s,s:s}", "subject", item, "level", colon + 1));
		}
	}
	json_object_set_new(o, "qualifications", q);
	return o;
}

int api_board_people(struct req *r, struct resp *s)
{
	int64_t board_id = req_param_id(r, "board");
	struct samen_err err;
	samen_err_clear(&err);
	struct board_summary board;
	struct people_filter f;
	long page;
	if (people_board(r->db, board_id, &board, &err) != 0 ||
	    people_query_parse(r, board_id, &f, &page, &err) != 0) {
		resp_error(s, &err);
		return 0;
	}
	f.limit = PEOPLE_PAGE_SIZE;
	f.offset = (page - 1) * PEOPLE_PAGE_SIZE;
	struct person_list l;
	if (people_list(r->db, &f, &l, &err) != 0) {
		resp_error(s, &err);
		return 0;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, person_row_json(&l.rows[i]));
	resp_json(s, 200, json_pack("{s:I,s:I,s:i,s:i,s:o}", "board_id", (json_int_t)board_id,
				    "total", (json_int_t)l.total, "page", (int)page, "page_size",
				    PEOPLE_PAGE_SIZE, "people", arr));
	people_list_free(&l);
	return 0;
}
