/*
 * page_region.c - the region overview: boards and school locations with
 * headcount and FTE (GET /regio/{region} and GET /api/v1/regions/{region}/overview).
 *
 * Only aggregates are shown here, so every role with access to the region
 * sees the same page; names of people never appear.
 */
#include "store/people.h"
#include "util/date.h"
#include "web/calendar_web.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/scope.h"

#include <stdio.h>
#include <stdlib.h>

struct overview {
	struct region_info region;
	struct board_summary *boards;
	size_t nboards;
	struct school_summary *schools;
	size_t nschools;
};

static void overview_free(struct overview *o)
{
	free(o->boards);
	free(o->schools);
}

static int overview_load(struct req *r, struct overview *o, struct samen_err *err)
{
	int64_t id = req_param_id(r, "region");
	long today = date_today();
	*o = (struct overview){0};
	int rc = people_region(r->db, id, &o->region, err);
	if (rc == 0)
		rc = people_board_summaries(r->db, id, today, &o->boards, &o->nboards, err);
	if (rc == 0)
		rc = people_school_summaries(r->db, id, 0, today, &o->schools, &o->nschools, err);
	if (rc)
		overview_free(o);
	return rc;
}

static void stat(struct req *r, struct buf *b, const char *value, const char *label_key)
{
	buf_printf(b, "<div class=\"samen-stat\"><dt class=\"samen-stat__label\">%s</dt>"
		      "<dd class=\"samen-stat__value\">%s</dd></div>",
		   tr(r, label_key), value);
}

int page_region(struct req *r, struct resp *s)
{
	struct overview o;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = overview_load(r, &o, &err);
	if (rc)
		return rc;
	/* FTE adds up over boards; people employed by two boards count once in the total. */
	long heads = 0;
	double fte = 0;
	for (size_t i = 0; i < o.nboards; i++)
		fte += o.boards[i].fte;
	rc = people_region_headcount(r->db, o.region.id, date_today(), &heads, &err);
	if (rc) {
		overview_free(&o);
		return rc;
	}
	char num[32];
	html_begin(r, s, o.region.name);
	struct buf *b = &s->body;
	buf_puts(b, "<h1 class=\"utrecht-heading-1\">");
	html_esc(b, o.region.name);
	buf_puts(b, "</h1><dl class=\"samen-stats\">");
	snprintf(num, sizeof num, "%zu", o.nboards);
	stat(r, b, num, "region.boards");
	snprintf(num, sizeof num, "%zu", o.nschools);
	stat(r, b, num, "region.schools");
	html_number(r, (double)heads, 0, num);
	stat(r, b, num, "region.headcount");
	html_number(r, fte, 1, num);
	stat(r, b, num, "region.fte");
	buf_printf(b, "</dl><p class=\"utrecht-paragraph samen-downloads\">%s: <a class=\"utrecht-link\""
		      " href=\"/regio/%lld/export?formaat=xlsx\">Excel</a> · <a class=\"utrecht-link\""
		      " href=\"/regio/%lld/export?formaat=csv\">CSV</a></p>",
		   tr(r, "region.export"), (long long)o.region.id, (long long)o.region.id);
	calendar_region_block(r, b, o.region.id); /* lead-time warning, docs/calendar.md */
	buf_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/regio/%lld/matchinstellingen\">%s</a></p>", (long long)o.region.id, tr(r, "ms.link"));

	/* Boards */
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"besturen\">%s</h2>"
		      "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
		      "<caption class=\"utrecht-table__caption\">%s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "</tr></thead><tbody class=\"utrecht-table__body\">",
		   tr(r, "region.boards"), tr(r, "region.caption_boards"), tr(r, "col.board"),
		   tr(r, "col.bestuursnummer"), tr(r, "col.schools"), tr(r, "region.headcount"),
		   tr(r, "col.fte"));
	for (size_t i = 0; i < o.nboards; i++) {
		const struct board_summary *bs = &o.boards[i];
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
		if (scope_board_people(&r->user, bs->id)) {
			buf_printf(b, "<a class=\"utrecht-link\" href=\"/besturen/%lld/personeel\">",
				   (long long)bs->id);
			html_esc(b, bs->name);
			buf_puts(b, "</a>");
		} else {
			html_esc(b, bs->name);
		}
		buf_puts(b, "</th><td class=\"utrecht-table__cell\">");
		html_esc(b, bs->bestuursnummer);
		buf_printf(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%ld</td>",
			   bs->schools);
		html_number(r, (double)bs->headcount, 0, num);
		buf_printf(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%s</td>", num);
		html_number(r, bs->fte, 1, num);
		buf_printf(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%s</td></tr>", num);
	}
	buf_printf(b, "</tbody><tfoot class=\"utrecht-table__footer\"><tr class=\"utrecht-table__row\">"
		      "<th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th>"
		      "<td class=\"utrecht-table__cell\"></td>"
		      "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%zu</td>",
		   tr(r, "region.total"), o.nschools);
	html_number(r, (double)heads, 0, num);
	buf_printf(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%s</td>", num);
	html_number(r, fte, 1, num);
	buf_printf(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%s</td></tr>"
		      "</tfoot></table></div>", num);

	/* Schools */
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"scholen\">%s</h2>"
		      "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
		      "<caption class=\"utrecht-table__caption\">%s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "</tr></thead><tbody class=\"utrecht-table__body\">",
		   tr(r, "region.schools"), tr(r, "region.caption_schools"), tr(r, "col.school"),
		   tr(r, "col.brin"), tr(r, "col.city"), tr(r, "col.board"), tr(r, "col.types"),
		   tr(r, "region.headcount"), tr(r, "col.fte"));
	for (size_t i = 0; i < o.nschools; i++) {
		const struct school_summary *sc = &o.schools[i];
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
			      " scope=\"row\"><a class=\"utrecht-link\" href=\"/scholen/%lld\">",
			   (long long)sc->id);
		html_esc(b, sc->name);
		buf_puts(b, "</a></th><td class=\"utrecht-table__cell\">");
		html_esc(b, sc->brin);
		html_esc(b, sc->vestiging);
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		html_esc(b, sc->city);
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		html_esc(b, sc->board_name);
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		for (const char *t = sc->school_types; *t; t++) {
			if (*t == ',')
				buf_puts(b, ", ");
			else
				html_esc(b, (char[]){*t, '\0'});
		}
		html_number(r, (double)sc->headcount, 0, num);
		buf_printf(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%s</td>", num);
		html_number(r, sc->fte, 1, num);
		buf_printf(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%s</td></tr>", num);
	}
	buf_puts(b, "</tbody></table></div>");
	html_end(r, s);
	overview_free(&o);
	return 0;
}

int api_region_overview(struct req *r, struct resp *s)
{
	struct overview o;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = overview_load(r, &o, &err);
	if (rc) {
		resp_error(s, &err);
		return 0;
	}
	json_t *boards = json_array(), *schools = json_array();
	for (size_t i = 0; i < o.nboards; i++)
		json_array_append_new(boards, json_pack("{s:I,s:s,s:s,s:I,s:I,s:f}",
			"id", (json_int_t)o.boards[i].id, "bestuursnummer", o.boards[i].bestuursnummer,
			"name", o.boards[i].name, "schools", (json_int_t)o.boards[i].schools,
			"headcount", (json_int_t)o.boards[i].headcount, "fte", o.boards[i].fte));
	for (size_t i = 0; i < o.nschools; i++) {
		const struct school_summary *sc = &o.schools[i];
		json_array_append_new(schools, json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:I,s:f}",
			"id", (json_int_t)sc->id, "board_id", (json_int_t)sc->board_id, "brin", sc->brin,
			"vestiging", sc->vestiging, "name", sc->name, "municipality", sc->municipality,
			"school_types", sc->school_types, "holiday_region", sc->holiday_region,
			"headcount", (json_int_t)sc->headcount, "fte", sc->fte));
	}
	long heads = 0;
	double fte = 0;
	for (size_t i = 0; i < o.nboards; i++)
		fte += o.boards[i].fte;
	if (people_region_headcount(r->db, o.region.id, date_today(), &heads, &err) != 0) {
		json_decref(boards);
		json_decref(schools);
		overview_free(&o);
		resp_error(s, &err);
		return 0;
	}
	resp_json(s, 200, json_pack("{s:{s:I,s:s,s:s},s:o,s:o,s:{s:I,s:f}}", "region", "id",
				    (json_int_t)o.region.id, "code", o.region.code, "name",
				    o.region.name, "boards", boards, "schools", schools, "totals",
				    "headcount", (json_int_t)heads, "fte", fte));
	overview_free(&o);
	return 0;
}
