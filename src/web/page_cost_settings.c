/*
 * page_cost_settings.c - editing what the cost price is built from, in the
 * browser (issue 6, point 2; docs/secondment.md):
 *   GET/POST /besturen/{board}/kostprijs         a board's employer-charges percentage and
 *                                                travel allowance per km, per year
 *   GET/POST /verrekening/salaristabellen        the salary tables per CAO year; a new table
 *                                                is a copy of the previous one with a raise
 *   GET/POST /verrekening/salaristabellen/{table} the monthly salary of each scale and step,
 *                                                each value with its source
 * The tables are the same ones `samen ledger` edits; every change is audited
 * by the store. Reading the salary tables is open to the board roles and the
 * coordinator; changing them to the admin and the coordinator (they hold for
 * the whole region); a board's own figures to its executive and HR adviser.
 */
#include "store/ledger.h"
#include "store/people.h"
#include "util/date.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/secondment_web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Parse a non-negative decimal with at most `decimals` decimals, with ','
 * or '.' as decimal separator and no thousands separators ("35,5", "3301.25"),
 * scaled to an integer (35,5 with 2 decimals -> 3550). false for anything else.
 */
static bool parse_scaled(const char *s, int decimals, int64_t max, int64_t *out)
{
	int64_t v = 0;
	int seen = -1; /* decimals read after the separator; -1 before it */
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s == ',' || *s == '.') {
			if (seen >= 0)
				return false;
			seen = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			return false;
		if (seen >= 0 && ++seen > decimals)
			return false;
		v = v * 10 + (*s - '0');
		if (v > max * 100000)
			return false;
	}
	for (int i = seen < 0 ? 0 : seen; i < decimals; i++)
		v *= 10;
	if (v > max)
		return false;
	*out = v;
	return true;
}

static void text_field(const struct req *r, struct buf *b, const char *name, const char *label_key,
		       const char *value, const char *extra)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--text\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"f-%s\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"f-%s\""
		      " name=\"%s\" type=\"text\" value=\"",
		   name, tr(r, label_key), name, name);
	html_esc(b, value);
	buf_printf(b, "\"%s></div></div>", extra ? extra : "");
}

static void error_box(struct buf *b, const struct samen_err *err)
{
	if (!err || !err->code)
		return;
	buf_puts(b, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\"><p class=\"utrecht-paragraph\">");
	html_esc(b, err->msg);
	buf_puts(b, "</p></div>");
}

static void percent_text(const struct req *r, int32_t bp, char out[32])
{
	html_number(r, bp / 100.0, 2, out);
}

/* ---- a board's employer charges and travel allowance ---- */

static int render_board(struct req *r, struct resp *s, const struct samen_err *err, int status)
{
	int64_t board_id = req_param_id(r, "board");
	struct samen_err e2;
	samen_err_clear(&e2);
	struct board_summary board;
	int rc = people_board(r->db, board_id, &board, &e2);
	if (rc)
		return rc;
	struct ledger_board_year *years = NULL;
	size_t n = 0;
	rc = store_ledger_board_years(r->db, board_id, &years, &n, &e2);
	if (rc)
		return rc;
	html_begin(r, s, tr(r, "costs.board_title"));
	s->status = status;
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">",
		   tr(r, "costs.board_title"));
	html_esc(b, board.name);
	buf_printf(b, "</span></h1><p class=\"utrecht-paragraph\">%s</p>", tr(r, "costs.board_intro"));
	error_box(b, err);
	buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\"><caption"
		      " class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\">"
		      "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th></tr></thead>"
		      "<tbody class=\"utrecht-table__body\">",
		   tr(r, "costs.board_caption"), tr(r, "costs.year"), tr(r, "costs.charges"),
		   tr(r, "costs.travel"), tr(r, "costs.note"));
	for (size_t i = 0; i < n; i++) {
		char pct[32];
		percent_text(r, years[i].charges_bp, pct);
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\""
			      " scope=\"row\">%d</th><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">"
			      "%s%%</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">",
			   years[i].year, pct);
		secondment_web_money(r, b, years[i].travel_cents_per_km);
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		html_esc(b, years[i].note);
		buf_puts(b, "</td></tr>");
	}
	if (n == 0)
		buf_printf(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\" colspan=\"4\">%s</td></tr>",
			   tr(r, "costs.none"));
	buf_puts(b, "</tbody></table></div>");
	int y, m, d;
	date_civil(date_today(), &y, &m, &d);
	char year[8];
	snprintf(year, sizeof year, "%d", y);
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><form class=\"samen-form\" method=\"post\""
		      " action=\"/besturen/%lld/kostprijs\">",
		   tr(r, "costs.set_year"), (long long)board_id);
	html_csrf_field(r, b);
	text_field(r, b, "jaar", "costs.year", year, " inputmode=\"numeric\" required");
	text_field(r, b, "werkgeverslasten", "costs.charges_field", "", " inputmode=\"decimal\" required");
	text_field(r, b, "reiskosten", "costs.travel_field", "", " inputmode=\"decimal\" required");
	text_field(r, b, "toelichting", "costs.note", "", " maxlength=\"250\"");
	buf_printf(b, "<p class=\"samen-form__actions\"><button class=\"utrecht-button"
		      " utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
		   tr(r, "costs.save"));
	html_end(r, s);
	free(years);
	return 0;
}

int page_cost_board(struct req *r, struct resp *s)
{
	return render_board(r, s, NULL, 200);
}

int page_cost_board_set(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	char year[16] = "", charges[32] = "", travel[32] = "", note[256] = "";
	form_get(r, "jaar", year, sizeof year);
	form_get(r, "werkgeverslasten", charges, sizeof charges);
	form_get(r, "reiskosten", travel, sizeof travel);
	form_get(r, "toelichting", note, sizeof note);
	struct ledger_board_year y = {.board_id = req_param_id(r, "board")};
	int64_t v;
	if (!parse_scaled(year, 0, 2199, &v) || v < 2000) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "jaar", "%s", tr(r, "costs.bad_year"));
		return render_board(r, s, &err, 400);
	}
	y.year = (int)v;
	if (!parse_scaled(charges, 2, 20000, &v)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "werkgeverslasten", "%s", tr(r, "costs.bad_charges"));
		return render_board(r, s, &err, 400);
	}
	y.charges_bp = (int32_t)v;
	if (!parse_scaled(travel, 2, 1000, &v)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "reiskosten", "%s", tr(r, "costs.bad_travel"));
		return render_board(r, s, &err, 400);
	}
	y.travel_cents_per_km = v;
	snprintf(y.note, sizeof y.note, "%s", note);
	char who[300];
	struct secondment_actor actor = secondment_actor_of(r, who, sizeof who);
	if (store_ledger_board_year_set(r->db, &y, &actor, &err) != 0)
		return render_board(r, s, &err, err.code == SAMEN_EINVAL ? 400 : 500);
	char back[64];
	snprintf(back, sizeof back, "/besturen/%lld/kostprijs", (long long)y.board_id);
	resp_redirect(s, back);
	return 0;
}

/* ---- salary tables ---- */

static bool may_edit_tables(const struct req *r)
{
	return r->user.role == ROLE_ADMIN || r->user.role == ROLE_COORDINATOR;
}

static int render_tables(struct req *r, struct resp *s, const struct samen_err *err, int status)
{
	struct samen_err e2;
	samen_err_clear(&e2);
	struct salary_table_row *t = NULL;
	size_t n = 0;
	int rc = store_ledger_salary_tables(r->db, &t, &n, &e2);
	if (rc)
		return rc;
	html_begin(r, s, tr(r, "costs.tables_title"));
	s->status = status;
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "costs.tables_title"), tr(r, "costs.tables_intro"));
	error_box(b, err);
	buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\"><caption"
		      " class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\">"
		      "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th></tr></thead>"
		      "<tbody class=\"utrecht-table__body\">",
		   tr(r, "costs.tables_title"), tr(r, "costs.valid_from"), tr(r, "costs.label"),
		   tr(r, "costs.steps"), tr(r, "costs.note"));
	for (size_t i = n; i-- > 0;) {
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
		buf_printf(b, "<a class=\"utrecht-link\" href=\"/verrekening/salaristabellen/%lld\">",
			   (long long)t[i].id);
		html_date(r, b, t[i].valid_from);
		buf_puts(b, "</a></th><td class=\"utrecht-table__cell\">");
		html_esc(b, t[i].label);
		buf_printf(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%ld</td>"
			      "<td class=\"utrecht-table__cell\">", t[i].nsteps);
		html_esc(b, t[i].note);
		buf_puts(b, "</td></tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	if (may_edit_tables(r)) {
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>"
			      "<form class=\"samen-form\" method=\"post\" action=\"/verrekening/salaristabellen\">",
			   tr(r, "costs.new_table"), tr(r, "costs.new_table_hint"));
		html_csrf_field(r, b);
		text_field(r, b, "geldig_vanaf", "costs.valid_from_field", "", " placeholder=\"2027-01-01\" required");
		text_field(r, b, "omschrijving", "costs.label", "", " maxlength=\"120\" required");
		text_field(r, b, "verhoging", "costs.raise_field", "0", " inputmode=\"decimal\" required");
		buf_printf(b, "<p class=\"samen-form__actions\"><button class=\"utrecht-button"
			      " utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "costs.add"));
	}
	html_end(r, s);
	free(t);
	return 0;
}

int page_salary_tables(struct req *r, struct resp *s)
{
	return render_tables(r, s, NULL, 200);
}

int page_salary_table_add(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	if (!may_edit_tables(r))
		return SAMEN_EPERM;
	char from[16] = "", label[128] = "", raise[32] = "";
	form_get(r, "geldig_vanaf", from, sizeof from);
	form_get(r, "omschrijving", label, sizeof label);
	form_get(r, "verhoging", raise, sizeof raise);
	long day;
	int64_t bp;
	if (date_parse(from, &day) != 0) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "geldig_vanaf", "%s", tr(r, "costs.bad_date"));
		return render_tables(r, s, &err, 400);
	}
	if (!label[0]) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "omschrijving", "%s", tr(r, "costs.bad_label"));
		return render_tables(r, s, &err, 400);
	}
	if (!parse_scaled(raise, 2, 10000, &bp)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "verhoging", "%s", tr(r, "costs.bad_raise"));
		return render_tables(r, s, &err, 400);
	}
	char who[300];
	struct secondment_actor actor = secondment_actor_of(r, who, sizeof who);
	int64_t id;
	if (store_ledger_salary_table_add(r->db, from, label, (int32_t)bp, &actor, &id, &err) != 0)
		return render_tables(r, s, &err, err.code == SAMEN_EEXIST ? 409 : 400);
	char back[64];
	snprintf(back, sizeof back, "/verrekening/salaristabellen/%lld", (long long)id);
	resp_redirect(s, back);
	return 0;
}

static int render_steps(struct req *r, struct resp *s, const struct samen_err *err, int status)
{
	int64_t id = req_param_id(r, "table");
	struct samen_err e2;
	samen_err_clear(&e2);
	struct salary_table_row *t = NULL;
	size_t nt = 0;
	int rc = store_ledger_salary_tables(r->db, &t, &nt, &e2);
	if (rc)
		return rc;
	const struct salary_table_row *table = NULL;
	for (size_t i = 0; i < nt; i++)
		if (t[i].id == id)
			table = &t[i];
	if (!table) {
		free(t);
		return SAMEN_ENOTFOUND;
	}
	struct salary_step_row *steps = NULL;
	size_t n = 0;
	rc = store_ledger_salary_steps(r->db, id, &steps, &n, &e2);
	if (rc) {
		free(t);
		return rc;
	}
	html_begin(r, s, tr(r, "costs.table_title"));
	s->status = status;
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">",
		   tr(r, "costs.table_title"));
	html_esc(b, table->label);
	buf_puts(b, " (");
	html_date(r, b, table->valid_from);
	buf_puts(b, ")</span></h1>");
	if (table->note[0]) {
		buf_puts(b, "<p class=\"utrecht-paragraph\">");
		html_esc(b, table->note);
		buf_puts(b, "</p>");
	}
	error_box(b, err);
	buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\"><caption"
		      " class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\">"
		      "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric\" scope=\"col\">%s</th>"
		      "<th class=\"utrecht-table__header-cell\" scope=\"col\">%s</th></tr></thead>"
		      "<tbody class=\"utrecht-table__body\">",
		   tr(r, "costs.table_title"), tr(r, "costs.scale"), tr(r, "costs.step"),
		   tr(r, "costs.monthly"), tr(r, "costs.source"));
	for (size_t i = 0; i < n; i++) {
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
		html_esc(b, steps[i].s.scale);
		buf_printf(b, "</th><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%d</td>"
			      "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">", steps[i].s.step);
		secondment_web_money(r, b, steps[i].s.monthly_cents);
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		html_esc(b, steps[i].source);
		buf_puts(b, "</td></tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	if (may_edit_tables(r)) {
		buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><form class=\"samen-form\" method=\"post\""
			      " action=\"/verrekening/salaristabellen/%lld\">",
			   tr(r, "costs.set_step"), (long long)id);
		html_csrf_field(r, b);
		text_field(r, b, "schaal", "costs.scale", "", " maxlength=\"7\" required");
		text_field(r, b, "trede", "costs.step", "", " inputmode=\"numeric\" required");
		text_field(r, b, "bedrag", "costs.monthly_field", "", " inputmode=\"decimal\" required");
		text_field(r, b, "bron", "costs.source", "", " maxlength=\"250\" required");
		buf_printf(b, "<p class=\"samen-form__actions\"><button class=\"utrecht-button"
			      " utrecht-button--primary-action\" type=\"submit\">%s</button></p></form>",
			   tr(r, "costs.save"));
	}
	html_end(r, s);
	free(steps);
	free(t);
	return 0;
}

int page_salary_table(struct req *r, struct resp *s)
{
	return render_steps(r, s, NULL, 200);
}

int page_salary_step_set(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	if (!may_edit_tables(r))
		return SAMEN_EPERM;
	int64_t id = req_param_id(r, "table");
	char scale[16] = "", step[16] = "", amount[32] = "", source[256] = "";
	form_get(r, "schaal", scale, sizeof scale);
	form_get(r, "trede", step, sizeof step);
	form_get(r, "bedrag", amount, sizeof amount);
	form_get(r, "bron", source, sizeof source);
	int64_t st, cents;
	if (!scale[0] || strlen(scale) > 7) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "schaal", "%s", tr(r, "costs.bad_scale"));
		return render_steps(r, s, &err, 400);
	}
	if (!parse_scaled(step, 0, 30, &st)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "trede", "%s", tr(r, "costs.bad_step"));
		return render_steps(r, s, &err, 400);
	}
	if (!parse_scaled(amount, 2, 5000000, &cents) || cents == 0) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "bedrag", "%s", tr(r, "costs.bad_amount"));
		return render_steps(r, s, &err, 400);
	}
	if (!source[0]) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "bron", "%s", tr(r, "costs.bad_source"));
		return render_steps(r, s, &err, 400);
	}
	char who[300];
	struct secondment_actor actor = secondment_actor_of(r, who, sizeof who);
	if (store_ledger_salary_set(r->db, id, scale, (int)st, cents, source, &actor, &err) != 0)
		return render_steps(r, s, &err, err.code == SAMEN_EINVAL ? 400 : 500);
	char back[64];
	snprintf(back, sizeof back, "/verrekening/salaristabellen/%lld", (long long)id);
	resp_redirect(s, back);
	return 0;
}
