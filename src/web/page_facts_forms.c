/*
 * page_facts_forms.c - the fact base's input screens, all without
 * JavaScript (GET lists, POST forms with the CSRF token):
 *   GET/POST /feiten/{region}/vacatures                   a board's open vacancies
 *   POST     /feiten/{region}/vacatures/{vacancy}/sluiten filled (how) or withdrawn
 *   GET/POST /feiten/{region}/cijfers                     hand-entered figures with their source
 *   POST     /feiten/{region}/cijfers/{figure}/vaststellen  mark a figure agreed
 *   GET/POST /feiten/{region}/scenarios                   named forecast scenarios, compared
 * Who may write: vacancies - HR and executives for their own board (admin:
 * any); figures - coordinator and admin for any board of the region, HR
 * and executives for their own board; agreeing and scenarios - coordinator
 * and admin. The router has checked role and region already.
 */
#include "store/facts.h"
#include "util/date.h"
#include "web/facts_cache.h"
#include "web/facts_view.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The user's-language label of a forecast parameter (facts.param.<name>), else its name. */
static const char *param_label(const struct req *r, const char *name)
{
	char key[64];
	snprintf(key, sizeof key, "facts.param.%s", name);
	const char *t = tr(r, key);
	return strcmp(t, key) == 0 ? name : t;
}

static void field_text(struct buf *b, const char *id, const char *label, const char *type,
		       const char *value, const char *extra)
{
	buf_printf(b, "<div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" for=\"%s\">", id);
	html_esc(b, label);
	buf_printf(b, "</label><input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"%s\" name=\"%s\" type=\"%s\" value=\"",
		   id, id, type);
	html_esc(b, value);
	buf_printf(b, "\"%s></div>", extra ? extra : "");
}

static void board_select(struct req *r, struct buf *b, const struct factbase *fb, bool any,
			 bool allow_none)
{
	buf_printf(b, "<div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" for=\"bestuur\">%s</label>"
		      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"bestuur\" name=\"bestuur\">",
		   tr(r, "facts.board"));
	if (allow_none && any)
		buf_printf(b, "<option value=\"\">%s</option>", tr(r, "facts.all"));
	for (int i = 0; i < fb->d.nboards; i++) {
		if (!any && fb->d.boards[i].id != r->user.board_id)
			continue;
		buf_printf(b, "<option value=\"%lld\">", (long long)fb->d.boards[i].id);
		html_esc(b, fb->d.boards[i].name);
		buf_puts(b, "</option>");
	}
	buf_puts(b, "</select></div>");
}

static void subject_select(struct req *r, struct buf *b, const struct factbase *fb, bool allow_none)
{
	buf_printf(b, "<div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" for=\"vak\">%s</label>"
		      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"vak\" name=\"vak\">",
		   tr(r, "facts.subject"));
	if (allow_none)
		buf_printf(b, "<option value=\"\">%s</option>", tr(r, "facts.all"));
	for (int i = 0; i < fb->d.nsubjects; i++) {
		buf_puts(b, "<option value=\"");
		html_esc(b, fb->d.subjects[i].code);
		buf_puts(b, "\">");
		html_esc(b, r->lang == LANG_EN ? fb->d.subjects[i].name_en : fb->d.subjects[i].name_nl);
		buf_puts(b, "</option>");
	}
	buf_puts(b, "</select></div>");
}

static void th(struct buf *b, const char *label)
{
	buf_puts(b, "<th class=\"utrecht-table__header-cell\" scope=\"col\">");
	html_esc(b, label);
	buf_puts(b, "</th>");
}

static void td(struct buf *b, const char *v, bool num)
{
	buf_printf(b, "<td class=\"utrecht-table__cell%s\">", num ? " utrecht-table__cell--numeric" : "");
	html_esc(b, v);
	buf_puts(b, "</td>");
}

static bool may_write_board(const struct req *r, int64_t board)
{
	if (r->user.role == ROLE_ADMIN || r->user.role == ROLE_COORDINATOR)
		return true;
	return board && board == r->user.board_id;
}

/* ---- vacancies ----------------------------------------------------------- */

int page_facts_vacancies(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region");
	const struct factbase *fb;
	int rc = facts_cache_get(r->db, region, &fb, &err);
	if (rc)
		return rc;
	struct vacancy_row *v = NULL;
	size_t n = 0;
	if ((rc = facts_vacancies(r->db, region, 0, &v, &n, &err)) != 0) {
		facts_cache_put(fb);
		return rc;
	}
	html_begin(r, s, tr(r, "facts.vacancy_list"));
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\""
		      " href=\"/feiten/%lld#vacatures\">%s</a></p>",
		   tr(r, "facts.vacancy_list"), (long long)region, tr(r, "facts.title"));
	buf_printf(b, "<div class=\"samen-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"%s\"><table class=\"utrecht-table\"><caption class=\"utrecht-table__caption\">%s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">",
		   tr(r, "facts.vacancy_list"), tr(r, "facts.vacancy_list"));
	th(b, tr(r, "facts.subject"));
	th(b, tr(r, "facts.board"));
	th(b, tr(r, "facts.school"));
	th(b, tr(r, "facts.hours"));
	th(b, tr(r, "facts.opened_on"));
	th(b, tr(r, "facts.status"));
	th(b, tr(r, "facts.how"));
	th(b, tr(r, "facts.closed_on"));
	th(b, "");
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	long today = date_today();
	char today_s[11];
	date_format(today, today_s);
	for (size_t i = 0; i < n; i++) {
		char num[32], key[40];
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
		html_esc(b, v[i].subject);
		buf_puts(b, "</th>");
		td(b, v[i].board_name, false);
		td(b, v[i].school_name, false);
		html_number(r, v[i].hours_per_year, 0, num);
		td(b, num, true);
		buf_puts(b, "<td class=\"utrecht-table__cell\">");
		html_date(r, b, v[i].opened_on);
		buf_puts(b, "</td>");
		snprintf(key, sizeof key, "facts.status.%s", v[i].status);
		td(b, tr(r, key), false);
		td(b, v[i].filled_how, false);
		buf_puts(b, "<td class=\"utrecht-table__cell\">");
		html_date(r, b, v[i].closed_on);
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		if (strcmp(v[i].status, "open") == 0 &&
		    (r->user.role == ROLE_ADMIN ||
		     ((r->user.role == ROLE_HR || r->user.role == ROLE_EXECUTIVE) &&
		      r->user.board_id == v[i].board_id))) {
			buf_printf(b, "<form class=\"samen-inline-form\" method=\"post\" action=\"/feiten/%lld/vacatures/%lld/sluiten\">",
				   (long long)region, (long long)v[i].id);
			html_csrf_field(r, b);
			buf_printf(b, "<label class=\"samen-visually-hidden\" for=\"hoe-%lld\">%s</label>"
				      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"hoe-%lld\" name=\"hoe\">",
				   (long long)v[i].id, tr(r, "facts.how"), (long long)v[i].id);
			for (size_t k = 0; facts_fill_ways[k]; k++)
				buf_printf(b, "<option value=\"%s\">%s</option>", facts_fill_ways[k], facts_fill_ways[k]);
			buf_printf(b, "<option value=\"ingetrokken\">%s</option></select>"
				      "<input type=\"hidden\" name=\"datum\" value=\"%s\">"
				      "<button class=\"utrecht-button utrecht-button--secondary-action\" type=\"submit\">%s</button></form>",
				   tr(r, "facts.status.withdrawn"), today_s, tr(r, "facts.close"));
		}
		buf_puts(b, "</td></tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	if (r->user.role == ROLE_ADMIN || ((r->user.role == ROLE_HR || r->user.role == ROLE_EXECUTIVE) &&
					   r->user.board_id)) {
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><form class=\"samen-form\" method=\"post\" action=\"/feiten/%lld/vacatures\">",
			   tr(r, "facts.vacancy_add"), (long long)region);
		html_csrf_field(r, b);
		board_select(r, b, fb, r->user.role == ROLE_ADMIN, false);
		buf_printf(b, "<div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" for=\"school\">%s</label>"
			      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"school\" name=\"school\"><option value=\"\">%s</option>",
			   tr(r, "facts.school"), tr(r, "facts.all"));
		for (int i = 0; i < fb->d.nschools; i++) {
			if (r->user.role != ROLE_ADMIN && fb->d.boards[fb->d.school_board[i]].id != r->user.board_id)
				continue;
			buf_printf(b, "<option value=\"%lld\">", (long long)fb->d.schools[i].id);
			html_esc(b, fb->d.schools[i].name);
			buf_puts(b, "</option>");
		}
		buf_puts(b, "</select></div>");
		subject_select(r, b, fb, false);
		field_text(b, "uren", tr(r, "facts.hours"), "number", "1659", " min=\"1\" max=\"1990\" step=\"1\" required");
		field_text(b, "open_sinds", tr(r, "facts.opened_on"), "date", today_s, " required");
		field_text(b, "toelichting", tr(r, "facts.note"), "text", "", " maxlength=\"250\"");
		buf_printf(b, "<p class=\"samen-form__actions\"><button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "facts.save"));
	}
	html_end(r, s);
	free(v);
	facts_cache_put(fb);
	return 0;
}

static int64_t form_id(struct req *r, const char *name)
{
	char v[32];
	if (!form_get(r, name, v, sizeof v) || !v[0])
		return 0;
	char *end;
	long long id = strtoll(v, &end, 10);
	return *end || id <= 0 ? -1 : id;
}

int page_facts_vacancy_add(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region");
	int64_t board = r->user.role == ROLE_ADMIN ? form_id(r, "bestuur") : r->user.board_id;
	int64_t school = form_id(r, "school");
	char subject[16] = "", hours[32] = "", opened[16] = "", note[256] = "";
	form_get(r, "vak", subject, sizeof subject);
	form_get(r, "uren", hours, sizeof hours);
	form_get(r, "open_sinds", opened, sizeof opened);
	form_get(r, "toelichting", note, sizeof note);
	if (board <= 0 || school < 0 || !may_write_board(r, board)) {
		html_error_page(r, s, SAMEN_EINVAL, "bestuur/school");
		return 0;
	}
	char *end;
	double h = strtod(hours, &end);
	struct vacancy_new v = {board, school, subject, *end ? -1 : h, opened, note};
	int64_t id;
	int rc = facts_vacancy_add(r->db, &v, date_today(), r->user.email, &id, &err);
	if (rc == SAMEN_EINVAL) {
		html_error_page(r, s, rc, err.msg);
		return 0;
	}
	if (rc)
		return rc;
	char loc[64];
	snprintf(loc, sizeof loc, "/feiten/%lld/vacatures", (long long)region);
	resp_redirect(s, loc);
	return 0;
}

int page_facts_vacancy_close(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region"), id = req_param_id(r, "vacancy");
	char how[32] = "", day[16] = "";
	form_get(r, "hoe", how, sizeof how);
	form_get(r, "datum", day, sizeof day);
	bool withdrawn = strcmp(how, "ingetrokken") == 0;
	int64_t board = r->user.board_id;
	if (r->user.role == ROLE_ADMIN) {
		struct vacancy_row *v = NULL;
		size_t n = 0;
		int rc = facts_vacancies(r->db, region, 0, &v, &n, &err);
		if (rc)
			return rc;
		for (size_t i = 0; i < n; i++)
			if (v[i].id == id)
				board = v[i].board_id;
		free(v);
	}
	int rc = facts_vacancy_close(r->db, board, id, withdrawn ? "withdrawn" : "filled",
				     withdrawn ? NULL : how, day, date_today(), r->user.email, &err);
	if (rc == SAMEN_EINVAL) {
		html_error_page(r, s, rc, err.msg);
		return 0;
	}
	if (rc)
		return rc;
	char loc[64];
	snprintf(loc, sizeof loc, "/feiten/%lld/vacatures", (long long)region);
	resp_redirect(s, loc);
	return 0;
}

/* ---- figures -------------------------------------------------------------- */

int page_facts_figures(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region");
	const struct factbase *fb;
	int rc = facts_cache_get(r->db, region, &fb, &err);
	if (rc)
		return rc;
	struct fact_figure_row *f = NULL;
	size_t n = 0;
	if ((rc = facts_figures(r->db, region, &f, &n, &err)) != 0) {
		facts_cache_put(fb);
		return rc;
	}
	html_begin(r, s, tr(r, "facts.figures"));
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\""
		      " href=\"/feiten/%lld\">%s</a></p>",
		   tr(r, "facts.figures"), (long long)region, tr(r, "facts.title"));
	buf_printf(b, "<div class=\"samen-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"%s\"><table class=\"utrecht-table\"><caption class=\"utrecht-table__caption\">%s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">",
		   tr(r, "facts.figures"), tr(r, "facts.figures"));
	th(b, tr(r, "facts.indicator"));
	th(b, tr(r, "facts.board"));
	th(b, tr(r, "facts.subject"));
	th(b, tr(r, "facts.period"));
	th(b, tr(r, "facts.value"));
	th(b, tr(r, "facts.source_name"));
	th(b, tr(r, "facts.supplier"));
	th(b, tr(r, "facts.vastgesteld"));
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	bool coord = r->user.role == ROLE_COORDINATOR || r->user.role == ROLE_ADMIN;
	for (size_t i = 0; i < n; i++) {
		char num[32];
		buf_printf(b, "<tr class=\"utrecht-table__row\" id=\"cijfer-%lld\"><th class=\"utrecht-table__header-cell\" scope=\"row\">",
			   (long long)f[i].id);
		html_esc(b, f[i].indicator);
		buf_puts(b, "</th>");
		const char *bn = "";
		for (int k = 0; k < fb->d.nboards; k++)
			if (fb->d.boards[k].id == f[i].board_id)
				bn = fb->d.boards[k].name;
		td(b, bn, false);
		td(b, f[i].subject, false);
		td(b, f[i].period, false);
		if (f[i].unknown)
			snprintf(num, sizeof num, "%s", tr(r, "facts.unknown"));
		else
			html_number(r, f[i].value, f[i].value == (long)f[i].value ? 0 : 1, num);
		td(b, num, !f[i].unknown);
		td(b, f[i].source_name, false);
		td(b, f[i].supplier, false);
		buf_puts(b, "<td class=\"utrecht-table__cell\">");
		if (f[i].vastgesteld) {
			buf_printf(b, "%s ", tr(r, "facts.vastgesteld"));
			html_esc(b, f[i].vastgesteld_at);
			buf_printf(b, " %s ", tr(r, "facts.vastgesteld_by"));
			html_esc(b, f[i].vastgesteld_by);
		} else if (coord) {
			buf_printf(b, "<form class=\"samen-inline-form\" method=\"post\" action=\"/feiten/%lld/cijfers/%lld/vaststellen\">",
				   (long long)region, (long long)f[i].id);
			html_csrf_field(r, b);
			buf_printf(b, "<button class=\"utrecht-button utrecht-button--secondary-action\" type=\"submit\">%s</button></form>",
				   tr(r, "facts.vaststellen"));
		} else {
			html_esc(b, tr(r, "facts.not_vastgesteld"));
		}
		buf_puts(b, "</td></tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	if (coord || ((r->user.role == ROLE_HR || r->user.role == ROLE_EXECUTIVE) && r->user.board_id)) {
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><form class=\"samen-form\" method=\"post\" action=\"/feiten/%lld/cijfers\">",
			   tr(r, "facts.figure_add"), (long long)region);
		html_csrf_field(r, b);
		buf_printf(b, "<div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" for=\"indicator\">%s</label>"
			      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"indicator\" name=\"indicator\">",
			   tr(r, "facts.indicator"));
		for (size_t k = 0; facts_indicators[k]; k++)
			buf_printf(b, "<option value=\"%s\">%s</option>", facts_indicators[k], facts_indicators[k]);
		buf_puts(b, "</select></div>");
		board_select(r, b, fb, coord, true);
		subject_select(r, b, fb, true);
		char period[16];
		factbase_year_label(fb, 0, period);
		field_text(b, "periode", tr(r, "facts.period"), "text", period, " required pattern=\"[0-9]{4}-[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}\"");
		field_text(b, "waarde", tr(r, "facts.value"), "text", "", " inputmode=\"decimal\"");
		buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><input class=\"utrecht-checkbox\" type=\"checkbox\" id=\"onbekend\" name=\"onbekend\" value=\"1\">"
			      "<label class=\"utrecht-form-label\" for=\"onbekend\">%s</label></div>",
			   tr(r, "facts.unknown"));
		field_text(b, "bron", tr(r, "facts.source_name"), "text", "", " required maxlength=\"250\"");
		field_text(b, "toelichting", tr(r, "facts.note"), "text", "", " maxlength=\"250\"");
		buf_printf(b, "<p class=\"samen-form__actions\"><button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "facts.save"));
	}
	html_end(r, s);
	free(f);
	facts_cache_put(fb);
	return 0;
}

int page_facts_figure_add(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region");
	char ind[40] = "", subject[16] = "", period[16] = "", value[40] = "", unk[4] = "", src[256] = "",
	     note[256] = "";
	form_get(r, "indicator", ind, sizeof ind);
	form_get(r, "vak", subject, sizeof subject);
	form_get(r, "periode", period, sizeof period);
	form_get(r, "waarde", value, sizeof value);
	form_get(r, "onbekend", unk, sizeof unk);
	form_get(r, "bron", src, sizeof src);
	form_get(r, "toelichting", note, sizeof note);
	int64_t board = form_id(r, "bestuur");
	if (board < 0 || (r->user.role != ROLE_ADMIN && r->user.role != ROLE_COORDINATOR &&
			  board != r->user.board_id)) {
		html_error_page(r, s, SAMEN_EINVAL, "bestuur");
		return 0;
	}
	bool unknown = unk[0] == '1';
	double v = 0;
	if (!unknown) {
		for (char *p = value; *p; p++)
			if (*p == ',')
				*p = '.';
		char *end;
		v = strtod(value, &end);
		if (!value[0] || *end) {
			html_error_page(r, s, SAMEN_EINVAL, "waarde: a number, or tick 'unknown'");
			return 0;
		}
	}
	struct fact_figure_new f = {region, ind, board, 0, subject, period, unknown, v, src, note};
	int64_t id;
	int rc = facts_figure_add(r->db, &f, r->user.email, &id, &err);
	if (rc == SAMEN_EINVAL) {
		html_error_page(r, s, rc, err.msg);
		return 0;
	}
	if (rc)
		return rc;
	char loc[64];
	snprintf(loc, sizeof loc, "/feiten/%lld/cijfers", (long long)region);
	resp_redirect(s, loc);
	return 0;
}

int page_facts_figure_vaststellen(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region");
	int rc = facts_figure_vaststellen(r->db, region, req_param_id(r, "figure"), r->user.email, &err);
	if (rc)
		return rc;
	char loc[80];
	snprintf(loc, sizeof loc, "/feiten/%lld/cijfers", (long long)region);
	resp_redirect(s, loc);
	return 0;
}

/* ---- scenarios -------------------------------------------------------------- */

static const struct scenario_row *find_sc(const struct scenario_row *sc, size_t n, const char *name)
{
	for (size_t i = 0; name && i < n; i++)
		if (strcmp(sc[i].name, name) == 0)
			return &sc[i];
	return NULL;
}

int page_facts_scenarios(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region");
	struct scenario_row *sc = NULL;
	size_t nsc = 0;
	int rc = facts_scenarios(r->db, region, &sc, &nsc, &err);
	if (rc)
		return rc;
	const char *an = r->query(r, "a"), *bn = r->query(r, "b");
	const struct scenario_row *a = find_sc(sc, nsc, an && *an ? an : nsc > 0 ? sc[0].name : NULL);
	const struct scenario_row *bs = find_sc(sc, nsc, bn && *bn ? bn : nsc > 1 ? sc[1].name : NULL);
	struct factbase fa = {0}, fbb = {0};
	long today = date_today();
	if (a && (rc = factbase_build(r->db, region, today, a->name, NULL, &fa, &err)) != 0)
		goto out;
	if (bs && (rc = factbase_build(r->db, region, today, bs->name, NULL, &fbb, &err)) != 0)
		goto out;
	html_begin(r, s, tr(r, "facts.scenarios"));
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\""
		      " href=\"/feiten/%lld\">%s</a></p>",
		   tr(r, "facts.scenarios"), (long long)region, tr(r, "facts.title"));
	/* Choose two. */
	buf_printf(b, "<form class=\"samen-filters\" method=\"get\" action=\"/feiten/%lld/scenarios\"><fieldset class=\"utrecht-form-fieldset\">"
		      "<legend class=\"utrecht-form-fieldset__legend\">%s</legend><div class=\"samen-filters__fields\">",
		   (long long)region, tr(r, "facts.scenario_compare"));
	for (int k = 0; k < 2; k++) {
		const struct scenario_row *cur = k ? bs : a;
		buf_printf(b, "<div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" for=\"sc-%c\">%s %c</label>"
			      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"sc-%c\" name=\"%c\">",
			   'a' + k, tr(r, "facts.scenario"), 'A' + k, 'a' + k, 'a' + k);
		for (size_t i = 0; i < nsc; i++) {
			buf_puts(b, "<option value=\"");
			html_esc(b, sc[i].name);
			buf_printf(b, "\"%s>", cur == &sc[i] ? " selected" : "");
			html_esc(b, sc[i].name);
			buf_puts(b, "</option>");
		}
		buf_puts(b, "</select></div>");
	}
	buf_printf(b, "</div><p class=\"samen-filters__actions\"><button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">%s</button></p></fieldset></form>",
		   tr(r, "facts.show"));
	if (a && bs) {
		buf_printf(b, "<div class=\"samen-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"%s\"><table class=\"utrecht-table\" id=\"vergelijking\"><caption class=\"utrecht-table__caption\">%s</caption>"
			      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">",
			   tr(r, "facts.scenario_compare"), tr(r, "facts.scenario_compare"));
		th(b, tr(r, "facts.subject"));
		char h[160];
		for (int k = 0; k < 2; k++)
			for (int y = 0; y < 2; y++) {
				snprintf(h, sizeof h, "%s: %s", (k ? bs : a)->name,
					 tr(r, y ? "facts.year10" : "facts.year5"));
				th(b, h);
			}
		buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
		for (int si = 0; si < fa.d.nsubjects; si++) {
			if (!fa.fc_published[si])
				continue;
			buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
			html_esc(b, r->lang == LANG_EN ? fa.d.subjects[si].name_en : fa.d.subjects[si].name_nl);
			buf_puts(b, "</th>");
			for (int k = 0; k < 2; k++) {
				const struct fc_result *f = &(k ? &fbb : &fa)->fc[si];
				for (int y = 0; y < 2; y++) {
					int t = y ? 10 : 5;
					if (t > f->years)
						t = f->years;
					char m[32], lo[32], hi[32], cell[120];
					html_number(r, f->y[t].shortage_mean, 1, m);
					html_number(r, f->y[t].shortage_p5, 1, lo);
					html_number(r, f->y[t].shortage_p95, 1, hi);
					snprintf(cell, sizeof cell, "%s (%s – %s)", m, lo, hi);
					td(b, cell, true);
				}
			}
			buf_puts(b, "</tr>");
		}
		buf_puts(b, "</tbody></table></div>");
	}
	/* Parameters of both, the defaults and their sources. */
	size_t np;
	const struct fc_param_info *info = forecast_param_info(&np);
	buf_printf(b, "<div class=\"samen-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"%s\"><table class=\"utrecht-table\"><caption class=\"utrecht-table__caption\">%s</caption>"
		      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">",
		   tr(r, "facts.parameter"), tr(r, "facts.parameter"));
	th(b, tr(r, "facts.parameter"));
	if (a)
		th(b, a->name);
	if (bs)
		th(b, bs->name);
	th(b, tr(r, "facts.default"));
	th(b, tr(r, "facts.sources"));
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (size_t i = 0; i < np; i++) {
		char v[32];
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
		html_esc(b, param_label(r, info[i].name));
		buf_puts(b, " <span class=\"samen-muted\">(");
		html_esc(b, info[i].name);
		buf_puts(b, ")</span></th>");
		if (a) {
			snprintf(v, sizeof v, "%g", forecast_param_get(&a->params, info[i].name));
			td(b, v, true);
		}
		if (bs) {
			snprintf(v, sizeof v, "%g", forecast_param_get(&bs->params, info[i].name));
			td(b, v, true);
		}
		snprintf(v, sizeof v, "%g", info[i].def);
		td(b, v, true);
		td(b, info[i].source, false);
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	if (r->user.role == ROLE_COORDINATOR || r->user.role == ROLE_ADMIN) {
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><form class=\"samen-form\" method=\"post\" action=\"/feiten/%lld/scenarios\">",
			   tr(r, "facts.scenario_save"), (long long)region);
		html_csrf_field(r, b);
		field_text(b, "naam", tr(r, "facts.name"), "text", "", " required maxlength=\"63\"");
		field_text(b, "toelichting", tr(r, "facts.note"), "text", "", " maxlength=\"250\"");
		for (size_t i = 0; i < np; i++) {
			char v[32], id[48];
			snprintf(v, sizeof v, "%g", info[i].def);
			snprintf(id, sizeof id, "p-%s", info[i].name);
			field_text(b, id, param_label(r, info[i].name), "text", v, " inputmode=\"decimal\"");
		}
		field_text(b, "p-seed", param_label(r, "seed"), "text", "1", " inputmode=\"numeric\"");
		buf_printf(b, "<p class=\"samen-form__actions\"><button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "facts.save"));
	}
	html_end(r, s);
out:
	factbase_free(&fa);
	factbase_free(&fbb);
	free(sc);
	return rc;
}

int page_facts_scenario_save(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region");
	char name[80] = "", note[256] = "";
	form_get(r, "naam", name, sizeof name);
	form_get(r, "toelichting", note, sizeof note);
	struct fc_params p;
	forecast_defaults(&p);
	size_t np;
	const struct fc_param_info *info = forecast_param_info(&np);
	for (size_t i = 0; i <= np; i++) {
		char id[48], v[64];
		const char *pname = i < np ? info[i].name : "seed";
		snprintf(id, sizeof id, "p-%s", pname);
		if (form_get(r, id, v, sizeof v) && v[0] && forecast_param_set(&p, pname, v, &err)) {
			html_error_page(r, s, SAMEN_EINVAL, err.msg);
			return 0;
		}
	}
	int rc = facts_scenario_save(r->db, region, name, &p, note, r->user.email, &err);
	if (rc == SAMEN_EINVAL) {
		html_error_page(r, s, rc, err.msg);
		return 0;
	}
	if (rc)
		return rc;
	struct buf loc;
	buf_init(&loc, 512);
	buf_printf(&loc, "/feiten/%lld/scenarios?a=", (long long)region);
	html_urlenc(&loc, name);
	resp_redirect(s, buf_str(&loc));
	buf_release(&loc);
	return 0;
}
