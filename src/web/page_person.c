/*
 * page_person.c - GET /personen/{person}: one person's details, with the
 * employments the viewer may see (their own board's; all for the admin and
 * for the person themself). The router has checked visibility and audited
 * reads that cross a board line.
 */
#include "store/people.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"

#include <stdio.h>
#include <string.h>

int person_visible_rows(struct req *r, int64_t person_id, struct person_list *out,
			struct samen_err *err);

static void row(struct req *r, struct buf *b, const char *key, const char *value, bool date)
{
	buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
		      " scope=\"row\">%s</th><td class=\"utrecht-table__cell\">", tr(r, key));
	if (date)
		html_date(r, b, value);
	else
		html_esc(b, value);
	buf_puts(b, "</td></tr>");
}

int page_person(struct req *r, struct resp *s)
{
	int64_t id = req_param_id(r, "person");
	struct samen_err err;
	samen_err_clear(&err);
	struct person_list l;
	int rc = person_visible_rows(r, id, &l, &err);
	if (rc)
		return rc;
	if (l.n == 0) {
		people_list_free(&l);
		return SAMEN_ENOTFOUND;
	}
	const struct person_row *p = &l.rows[0];
	char name[200], num[32], age[16];
	snprintf(name, sizeof name, "%s %s", p->first_name, p->last_name);
	html_begin(r, s, name);
	struct buf *b = &s->body;
	buf_puts(b, "<h1 class=\"utrecht-heading-1\">");
	html_esc(b, name);
	buf_printf(b, "</h1><h2 class=\"utrecht-heading-2\">%s</h2>"
		      "<table class=\"utrecht-table samen-facts\"><caption class=\"utrecht-table__caption"
		      " samen-visually-hidden\">%s</caption><tbody class=\"utrecht-table__body\">",
		   tr(r, "person.details"), tr(r, "person.details"));
	row(r, b, "col.birth_date", p->birth_date, true);
	snprintf(age, sizeof age, "%d", p->age);
	row(r, b, "col.age", age, false);
	if (p->email[0])
		row(r, b, "col.email", p->email, false);
	buf_puts(b, "</tbody></table>");

	for (size_t i = 0; i < l.n; i++) {
		const struct person_row *e = &l.rows[i];
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s: ", tr(r, "person.contracts"));
		html_esc(b, e->board_name);
		buf_printf(b, "</h2><table class=\"utrecht-table samen-facts\"><caption class=\"utrecht-table__caption"
			      " samen-visually-hidden\">%s</caption><tbody class=\"utrecht-table__body\">",
			   tr(r, "person.contracts"));
		row(r, b, "col.employee_number", e->employee_number, false);
		char key[32];
		snprintf(key, sizeof key, "contract.%s", e->contract_kind);
		row(r, b, "col.contract", tr(r, key), false);
		html_number(r, e->hours_per_year, 1, num);
		row(r, b, "col.hours", num, false);
		html_number(r, e->fte, 2, num);
		row(r, b, "col.fte", num, false);
		char scale[32];
		snprintf(scale, sizeof scale, "%s-%d", e->salary_scale, e->salary_step);
		row(r, b, "col.scale", scale, false);
		row(r, b, "col.start", e->start_date, true);
		if (e->end_date[0])
			row(r, b, "col.end", e->end_date, true);
		row(r, b, "person.work", e->schools[0] ? e->schools : tr(r, "person.none"), false);
		buf_puts(b, "</tbody></table>");
	}

	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", tr(r, "person.qualifications"));
	if (!p->qualifications[0]) {
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "person.none"));
	} else {
		buf_printf(b, "<table class=\"utrecht-table\"><caption class=\"utrecht-table__caption"
			      " samen-visually-hidden\">%s</caption><thead class=\"utrecht-table__header\">"
			      "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
			      " scope=\"col\">%s</th><th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
			      "</tr></thead><tbody class=\"utrecht-table__body\">",
			   tr(r, "person.qualifications"), tr(r, "person.subject"), tr(r, "person.level"));
		char copy[256];
		snprintf(copy, sizeof copy, "%s", p->qualifications);
		char *save = NULL;
		for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
			while (*item == ' ')
				item++;
			char *colon = strchr(item, ':');
			if (!colon)
				continue;
			*colon = '\0';
			char code[8], subj[64] = "";
			snprintf(code, sizeof code, "%s", item);
			struct db_stmt *st;
			if (db_prepare(r->db, "SELECT name_nl, name_en FROM subject WHERE code = $1", &st,
				       NULL) == 0) {
				db_bind_text(st, 1, code);
				if (db_step(st, NULL) == 1)
					snprintf(subj, sizeof subj, "%s",
						 db_col_text(st, r->lang == LANG_EN ? 1 : 0));
				db_finalize(st);
			}
			char lkey[48];
			snprintf(lkey, sizeof lkey, "level.%s", colon + 1);
			buf_puts(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">");
			html_esc(b, subj[0] ? subj : code);
			buf_puts(b, " <span class=\"samen-muted\">(");
			html_esc(b, code);
			buf_puts(b, ")</span></td><td class=\"utrecht-table__cell\">");
			html_esc(b, tr(r, lkey));
			buf_puts(b, "</td></tr>");
		}
		buf_puts(b, "</tbody></table>");
	}
	if (r->user.role == ROLE_ADMIN || r->user.role == ROLE_EXECUTIVE || r->user.role == ROLE_HR)
		buf_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/personen/%lld/pool\">%s</a></p>",
			   (long long)id, tr(r, "forward.link"));
	html_end(r, s);
	people_list_free(&l);
	return 0;
}
