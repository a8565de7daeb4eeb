/*
 * page_settlement.c - the settlement screens and downloads:
 *   GET  /regio/{region}/verrekening?periode=P           the region's settlement: per
 *        board what it receives, pays and nets, the payments (at most boards - 1),
 *        give and take (hours lent and borrowed, shared expertise), closed periods
 *   POST /regio/{region}/verrekening/afsluiten            close period P (its lines freeze)
 *   GET  /besturen/{board}/verrekening?periode=P          a board's statement, line by line
 *   GET  /besturen/{board}/verrekening/export?periode=P&formaat=csv|xlsx
 *   GET  /besturen/{board}/verrekening/ubl/{buyer}?periode=P   the UBL 2.1 invoice the
 *        board sends the buyer for P
 * The region page shows only figures per board (no names), so the regional
 * coordinator may see it; a board's statement names the seconded people of
 * both sides and is for that board's executive and HR (and the admin).
 * Downloads are written to the audit log.
 */
#include "formats/settlement_out.h"
#include "formats/ubl.h"
#include "store/audit.h"
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

#define UBL_MAX_BYTES ((size_t)16 << 20)

static void th(struct buf *b, const char *text, bool numeric)
{
	buf_printf(b, "<th class=\"utrecht-table__header-cell%s\" scope=\"col\">",
		   numeric ? " utrecht-table__header-cell--numeric" : "");
	html_esc(b, text);
	buf_puts(b, "</th>");
}

static void table_open(struct buf *b, const char *caption)
{
	buf_puts(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
		    "<caption class=\"utrecht-table__caption\">");
	html_esc(b, caption);
	buf_puts(b, "</caption><thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">");
}

static void money_cell(struct req *r, struct buf *b, int64_t cents)
{
	buf_puts(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
	secondment_web_money(r, b, cents);
	buf_puts(b, "</td>");
}

static void hours_cell(struct req *r, struct buf *b, int64_t centihours)
{
	buf_puts(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
	secondment_web_hours(r, b, centihours);
	buf_puts(b, "</td>");
}

/* The period chooser: a text field with the accepted forms, and links to nearby periods. */
static void period_form(struct req *r, struct buf *b, const char *action,
			const struct ledger_period *p)
{
	buf_printf(b, "<form class=\"samen-filters\" method=\"get\" action=\"%s\"><fieldset class=\"utrecht-form-fieldset\">"
		      "<legend class=\"utrecht-form-fieldset__legend\">%s</legend><div class=\"samen-filters__fields\">"
		      "<div class=\"utrecht-form-field utrecht-form-field--text\"><div class=\"utrecht-form-field__label\">"
		      "<label class=\"utrecht-form-label\" for=\"f-periode\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"f-periode\" name=\"periode\" value=\"",
		   action, tr(r, "ledger.period"), tr(r, "ledger.period.label"));
	html_esc(b, p->key);
	buf_printf(b, "\" aria-describedby=\"f-periode-hint\"></div><div class=\"utrecht-form-field-description\" id=\"f-periode-hint\">%s</div></div>"
		      "</div><p class=\"samen-filters__actions\"><button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">%s</button></p>"
		      "</fieldset></form>",
		   tr(r, "ledger.period.hint"), tr(r, "ledger.period.show"));
	/* Quick links: the previous and next period of the same kind. */
	char prev[16] = "", next[16] = "";
	int y, m, d;
	date_civil(p->start, &y, &m, &d);
	switch (p->kind) {
	case LEDGER_MONTH:
		ledger_month_key(p->start - 1, prev);
		ledger_month_key(p->end + 1, next);
		break;
	case LEDGER_QUARTER: {
		int q = (m - 1) / 3 + 1;
		snprintf(prev, sizeof prev, "%04u-Q%u", (unsigned)(q == 1 ? y - 1 : y) % 10000u,
			 (unsigned)(q == 1 ? 4 : q - 1) % 10u);
		snprintf(next, sizeof next, "%04u-Q%u", (unsigned)(q == 4 ? y + 1 : y) % 10000u,
			 (unsigned)(q == 4 ? 1 : q + 1) % 10u);
		break;
	}
	case LEDGER_SCHOOL_YEAR:
		snprintf(prev, sizeof prev, "%04u-%04u", (unsigned)(y - 1) % 10000u, (unsigned)y % 10000u);
		snprintf(next, sizeof next, "%04u-%04u", (unsigned)(y + 1) % 10000u, (unsigned)(y + 2) % 10000u);
		break;
	}
	buf_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"%s?periode=%s\" rel=\"prev\">%s %s</a> · "
		      "<a class=\"utrecht-link\" href=\"%s?periode=%s\" rel=\"next\">%s %s</a></p>",
		   action, prev, tr(r, "ledger.period.previous"), prev, action, next,
		   tr(r, "ledger.period.next"), next);
}

static void status_line(struct req *r, struct buf *b, const struct ledger_settlement *st)
{
	buf_printf(b, "<p class=\"utrecht-paragraph\"><span class=\"utrecht-badge-status utrecht-badge-status--%s\">%s</span> %s</p>",
		   st->closed ? "success" : "warning",
		   tr(r, st->closed ? "ledger.closed" : "ledger.open"),
		   tr(r, st->closed ? "ledger.closed.note" : "ledger.open.note"));
}

/* ---- region ---- */

static void give_take(struct req *r, struct buf *b, const struct ledger_settlement *st)
{
	struct ledger_give_take *gt = calloc(st->nboards ? st->nboards : 1, sizeof *gt);
	if (!gt)
		return;
	ledger_give_take(st->lines, st->nlines, st->board_ids, st->nboards, gt);
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"geven-nemen\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "ledger.givetake"), tr(r, "ledger.givetake.intro"));
	table_open(b, tr(r, "ledger.givetake.caption"));
	th(b, tr(r, "col.board"), false);
	th(b, tr(r, "ledger.hours_lent"), true);
	th(b, tr(r, "ledger.hours_borrowed"), true);
	th(b, tr(r, "ledger.secondments_lent"), true);
	th(b, tr(r, "ledger.secondments_borrowed"), true);
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (size_t i = 0; i < st->nboards; i++) {
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
		html_esc(b, st->boards[i].name);
		buf_puts(b, "</th>");
		hours_cell(r, b, gt[i].lent_centihours);
		hours_cell(r, b, gt[i].borrowed_centihours);
		/* Rule 33: counts of people of 5 or fewer are shown as "5 or fewer". */
		for (int k = 0; k < 2; k++) {
			long v = k ? gt[i].borrowed_secondments : gt[i].lent_secondments;
			buf_puts(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
			if (v == 0)
				buf_puts(b, "0");
			else if (v <= 5)
				html_esc(b, tr(r, "ledger.five_or_fewer"));
			else
				buf_printf(b, "%ld", v);
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	free(gt);
	struct ledger_expertise *ex = NULL;
	size_t nex = 0;
	struct samen_err err;
	if (ledger_expertise(st->lines, st->nlines, &ex, &nex, &err) == 0 && nex) {
		table_open(b, tr(r, "ledger.expertise.caption"));
		th(b, tr(r, "ledger.expertise"), false);
		th(b, tr(r, "ledger.hours"), true);
		buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
		for (size_t i = 0; i < nex; i++) {
			buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
			html_esc(b, ex[i].tag);
			buf_puts(b, "</th>");
			hours_cell(r, b, ex[i].centihours);
			buf_puts(b, "</tr>");
		}
		buf_puts(b, "</tbody></table></div>");
	}
	free(ex);
}

static int render_region(struct req *r, struct resp *s, int status, const char *notice,
			 bool notice_error)
{
	int64_t region_id = req_param_id(r, "region");
	struct samen_err err;
	samen_err_clear(&err);
	struct region_info region;
	int rc = people_region(r->db, region_id, &region, &err);
	if (rc)
		return rc;
	struct ledger_period p;
	char base[64];
	snprintf(base, sizeof base, "/regio/%lld/verrekening", (long long)region_id);
	html_begin(r, s, tr(r, "ledger.region.title"));
	s->status = status;
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">", tr(r, "ledger.region.title"));
	html_esc(b, region.name);
	buf_printf(b, "</span></h1><p class=\"utrecht-paragraph\">%s</p>", tr(r, "ledger.region.intro"));
	if (notice) {
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--%s\" role=\"%s\"><p class=\"utrecht-paragraph\">",
			   notice_error ? "error" : "ok", notice_error ? "alert" : "status");
		html_esc(b, notice);
		buf_puts(b, "</p></div>");
	}
	if (secondment_web_period(r, &p, &err)) {
		buf_puts(b, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\"><p class=\"utrecht-paragraph\">");
		html_esc(b, err.msg);
		buf_puts(b, "</p></div>");
		ledger_period_parse("2026-01", &p, NULL);
		period_form(r, b, base, &p);
		html_end(r, s);
		s->status = 400;
		return 0;
	}
	period_form(r, b, base, &p);
	struct ledger_settlement st;
	rc = store_ledger_settle(r->db, region_id, &p, &st, &err);
	if (rc) {
		buf_puts(b, "<div class=\"utrecht-alert utrecht-alert--warning\" role=\"status\"><p class=\"utrecht-paragraph\">");
		html_esc(b, err.msg);
		buf_puts(b, "</p></div>");
		html_end(r, s);
		return 0;
	}
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s %s</h2>", tr(r, "ledger.period"), p.key);
	status_line(r, b, &st);
	/* Per board: the net amount and how it arises, without names. */
	table_open(b, tr(r, "ledger.region.caption"));
	th(b, tr(r, "col.board"), false);
	th(b, tr(r, "ledger.receivable"), true);
	th(b, tr(r, "ledger.payable"), true);
	th(b, tr(r, "ledger.net"), true);
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (size_t i = 0; i < st.nboards; i++) {
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
		bool own = r->user.role == ROLE_ADMIN ||
			   ((r->user.role == ROLE_HR || r->user.role == ROLE_EXECUTIVE) &&
			    r->user.board_id == st.boards[i].id);
		if (own) {
			buf_printf(b, "<a class=\"utrecht-link\" href=\"/besturen/%lld/verrekening?periode=%s\">",
				   (long long)st.boards[i].id, p.key);
			html_esc(b, st.boards[i].name);
			buf_puts(b, "</a>");
		} else {
			html_esc(b, st.boards[i].name);
		}
		buf_puts(b, "</th>");
		money_cell(r, b, st.bal[i].receivable);
		money_cell(r, b, st.bal[i].payable);
		money_cell(r, b, st.bal[i].net);
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"betalingen\">%s</h2><p class=\"utrecht-paragraph\">"
		      "<strong>%zu</strong> %s <strong>%zu</strong> %s (%s %zu).</p>",
		   tr(r, "ledger.payments"), st.npay, tr(r, "ledger.payments.instead_of"), st.ninv,
		   tr(r, "ledger.payments.invoices"), tr(r, "ledger.payments.at_most"),
		   st.nboards ? st.nboards - 1 : 0);
	if (st.npay) {
		table_open(b, tr(r, "ledger.payments.caption"));
		th(b, tr(r, "ledger.payer"), false);
		th(b, tr(r, "ledger.payee"), false);
		th(b, tr(r, "ledger.amount"), true);
		buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
		for (size_t i = 0; i < st.npay; i++) {
			buf_puts(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">");
			html_esc(b, store_ledger_board_name(&st, st.pay[i].from));
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			html_esc(b, store_ledger_board_name(&st, st.pay[i].to));
			buf_puts(b, "</td>");
			money_cell(r, b, st.pay[i].cents);
			buf_puts(b, "</tr>");
		}
		buf_puts(b, "</tbody></table></div>");
	}
	give_take(r, b, &st);
	/* Closing */
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"afsluiten\">%s</h2>", tr(r, "ledger.close"));
	if (st.closed) {
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "ledger.close.done"));
	} else if (p.end >= date_today()) {
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "ledger.close.not_ended"));
	} else {
		buf_printf(b, "<form method=\"post\" action=\"%s/afsluiten\" class=\"samen-form\">", base);
		html_csrf_field(r, b);
		buf_printf(b, "<input type=\"hidden\" name=\"periode\" value=\"%s\"><p class=\"utrecht-paragraph\">%s</p>"
			      "<p class=\"samen-form__actions\"><button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">%s %s</button></p></form>",
			   p.key, tr(r, "ledger.close.intro"), tr(r, "ledger.close.button"), p.key);
	}
	struct ledger_period_row *periods = NULL;
	size_t np = 0;
	if (store_ledger_periods(r->db, region_id, &periods, &np, &err) == 0 && np) {
		table_open(b, tr(r, "ledger.periods.caption"));
		th(b, tr(r, "ledger.period"), false);
		th(b, tr(r, "ledger.closed_at"), false);
		th(b, tr(r, "secondment.by"), false);
		buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
		for (size_t i = 0; i < np; i++) {
			buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">"
				      "<a class=\"utrecht-link\" href=\"%s?periode=%s\">%s</a></th><td class=\"utrecht-table__cell\">",
				   base, periods[i].key, periods[i].key);
			char d[11];
			snprintf(d, sizeof d, "%.10s", periods[i].closed_at);
			html_date(r, b, d);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			html_esc(b, periods[i].closed_by);
			buf_puts(b, "</td></tr>");
		}
		buf_puts(b, "</tbody></table></div>");
	}
	free(periods);
	html_end(r, s);
	store_ledger_settlement_free(&st);
	return 0;
}

int page_settlement_region(struct req *r, struct resp *s)
{
	return render_region(r, s, 200, NULL, false);
}

int page_settlement_close(struct req *r, struct resp *s)
{
	char key[24] = "";
	form_get(r, "periode", key, sizeof key);
	struct samen_err err;
	samen_err_clear(&err);
	struct ledger_period p;
	int rc = ledger_period_parse(key, &p, &err);
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	size_t frozen = 0;
	if (rc == 0)
		rc = store_ledger_close(r->db, req_param_id(r, "region"), &p, date_today(), &who, &frozen,
					&err);
	if (rc)
		return render_region(r, s, samen_code_http(rc), err.msg, true);
	char loc[96];
	snprintf(loc, sizeof loc, "/regio/%lld/verrekening?periode=%s", (long long)req_param_id(r, "region"),
		 p.key);
	resp_redirect(s, loc);
	return 0;
}

/* ---- board statement ---- */

static int board_settlement(struct req *r, struct ledger_settlement *st, struct board_summary *bs,
			    struct samen_err *err)
{
	int64_t board = req_param_id(r, "board");
	int rc = people_board(r->db, board, bs, err);
	int64_t region = 0;
	if (rc == 0) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)board);
		const char *p[] = {id};
		rc = db_query_int(r->db, "SELECT region_id FROM board WHERE id = CAST($1 AS INTEGER)", 1, p,
				  &region, err);
	}
	struct ledger_period p;
	if (rc == 0)
		rc = secondment_web_period(r, &p, err);
	if (rc == 0)
		rc = store_ledger_settle(r->db, region, &p, st, err);
	return rc;
}

int page_settlement_board(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct ledger_settlement st;
	struct board_summary bs = {0};
	int64_t board = req_param_id(r, "board");
	char base[64];
	snprintf(base, sizeof base, "/besturen/%lld/verrekening", (long long)board);
	int rc = board_settlement(r, &st, &bs, &err);
	html_begin(r, s, tr(r, "ledger.board.title"));
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">", tr(r, "ledger.board.title"));
	html_esc(b, bs.name);
	buf_printf(b, "</span></h1><p class=\"utrecht-paragraph\">%s</p>", tr(r, "ledger.board.intro"));
	buf_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/besturen/%lld/kostprijs\">%s</a>"
		      " · <a class=\"utrecht-link\" href=\"/verrekening/salaristabellen\">%s</a></p>",
		   (long long)board, tr(r, "costs.board_title"), tr(r, "costs.tables_title"));
	if (rc) {
		buf_puts(b, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\"><p class=\"utrecht-paragraph\">");
		html_esc(b, err.msg);
		buf_puts(b, "</p></div>");
		struct ledger_period p;
		if (secondment_web_period(r, &p, NULL))
			ledger_period_parse("2026-01", &p, NULL);
		period_form(r, b, base, &p);
		html_end(r, s);
		s->status = samen_code_http(rc);
		return 0;
	}
	period_form(r, b, base, &st.period);
	status_line(r, b, &st);
	struct ledger_item *items = NULL;
	size_t n = 0;
	int64_t net = 0;
	rc = ledger_statement(board, st.lines, st.inv, st.ninv, st.pay, st.npay, &items, &n, &net, &err);
	if (rc) {
		store_ledger_settlement_free(&st);
		return rc;
	}
	buf_printf(b, "<p class=\"utrecht-paragraph samen-downloads\">%s: <a class=\"utrecht-link\" href=\"%s/export?periode=%s&amp;formaat=xlsx\">Excel</a>"
		      " · <a class=\"utrecht-link\" href=\"%s/export?periode=%s&amp;formaat=csv\">CSV</a></p>",
		   tr(r, "region.export"), base, st.period.key, base, st.period.key);
	table_open(b, tr(r, "ledger.statement.caption"));
	th(b, tr(r, "ledger.item"), false);
	th(b, tr(r, "ledger.counterparty"), false);
	th(b, tr(r, "secondment.person"), false);
	th(b, tr(r, "secondment.month"), false);
	th(b, tr(r, "ledger.hours"), true);
	th(b, tr(r, "secondment.vat"), false);
	th(b, tr(r, "ledger.amount"), true);
	th(b, tr(r, "ledger.running"), true);
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (size_t i = 0; i < n; i++) {
		const struct ledger_item *it = &items[i];
		const char *key = "";
		switch (it->kind) {
		case LEDGER_ITEM_LINE: key = it->cents >= 0 ? "ledger.item.receivable" : "ledger.item.payable"; break;
		case LEDGER_ITEM_VAT: key = "ledger.item.vat"; break;
		case LEDGER_ITEM_INVOICE: key = "ledger.item.invoice"; break;
		case LEDGER_ITEM_NET: key = "ledger.item.net"; break;
		case LEDGER_ITEM_PAYMENT: key = it->cents >= 0 ? "ledger.item.receive" : "ledger.item.pay"; break;
		}
		bool strong = it->kind == LEDGER_ITEM_NET || it->kind == LEDGER_ITEM_INVOICE;
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%s%s%s</th>"
			      "<td class=\"utrecht-table__cell\">",
			   strong ? "<strong>" : "", tr(r, key), strong ? "</strong>" : "");
		html_esc(b, it->counterparty ? store_ledger_board_name(&st, it->counterparty) : "");
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		if (it->kind == LEDGER_ITEM_LINE) {
			const struct ledger_line *l = &st.lines[it->line];
			html_esc(b, l->person);
			buf_printf(b, "</td><td class=\"utrecht-table__cell\">%s</td>", l->month);
			hours_cell(r, b, l->centihours);
			buf_printf(b, "<td class=\"utrecht-table__cell\">%c</td>", l->vat.category);
		} else if (it->kind == LEDGER_ITEM_VAT) {
			const struct ledger_vat_group *g = &st.inv[it->invoice].groups[it->group];
			char num[32];
			html_number(r, g->rate_bp / 100.0, 2, num);
			buf_printf(b, "</td><td class=\"utrecht-table__cell\"></td><td class=\"utrecht-table__cell\"></td>"
				      "<td class=\"utrecht-table__cell\">%c %s %%</td>", g->category, num);
		} else if (it->kind == LEDGER_ITEM_INVOICE && st.inv[it->invoice].seller_id == board) {
			buf_printf(b, "<a class=\"utrecht-link\" href=\"%s/ubl/%lld?periode=%s\">%s</a></td>"
				      "<td class=\"utrecht-table__cell\"></td><td class=\"utrecht-table__cell\"></td><td class=\"utrecht-table__cell\"></td>",
				   base, (long long)st.inv[it->invoice].buyer_id, st.period.key,
				   tr(r, "ledger.ubl_download"));
		} else {
			buf_puts(b, "</td><td class=\"utrecht-table__cell\"></td><td class=\"utrecht-table__cell\"></td><td class=\"utrecht-table__cell\"></td>");
		}
		money_cell(r, b, it->cents);
		if (it->kind == LEDGER_ITEM_LINE || it->kind == LEDGER_ITEM_VAT || it->kind == LEDGER_ITEM_NET)
			money_cell(r, b, it->running);
		else
			buf_puts(b, "<td class=\"utrecht-table__cell\"></td>");
		buf_puts(b, "</tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	free(items);
	/* The names of other boards' employees were shown: record the read. */
	char id[24], detail[64];
	snprintf(id, sizeof id, "%lld", (long long)board);
	snprintf(detail, sizeof detail, "settlement statement %s", st.period.key);
	audit_add(r->db, r->user.id, r->user.email, "read", "statement", id, r->user.board_id, detail, NULL);
	html_end(r, s);
	store_ledger_settlement_free(&st);
	return 0;
}

int page_settlement_export(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	const char *f = r->query(r, "formaat");
	int xlsx = !f || strcmp(f, "xlsx") == 0;
	if (f && !xlsx && strcmp(f, "csv") != 0)
		return samen_fail_at(&err, SAMEN_EINVAL, 0, "formaat", "formaat must be csv or xlsx");
	struct ledger_settlement st;
	struct board_summary bs;
	int64_t board = req_param_id(r, "board");
	int rc = board_settlement(r, &st, &bs, &err);
	if (rc)
		return rc;
	struct table_out *t = NULL;
	rc = settlement_statement_table(&st, board, &t, &err);
	if (rc == 0)
		rc = xlsx ? table_out_xlsx(t, &s->body, &err) : table_out_csv(t, NULL, &s->body, &err);
	if (rc == 0) {
		char id[24], detail[64];
		snprintf(id, sizeof id, "%lld", (long long)board);
		snprintf(detail, sizeof detail, "statement %s %s", st.period.key, xlsx ? "xlsx" : "csv");
		rc = audit_add(r->db, r->user.id, r->user.email, "export", "statement", id, board, detail, &err);
	}
	if (rc == 0) {
		snprintf(s->download_name, sizeof s->download_name, "verrekening-%s-%s.%s", bs.bestuursnummer,
			 st.period.key, xlsx ? "xlsx" : "csv");
		s->content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				       : "text/csv; charset=utf-8";
		s->status = 200;
	}
	table_out_free(t);
	store_ledger_settlement_free(&st);
	return rc;
}

int page_settlement_ubl(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct ledger_settlement st;
	struct board_summary bs;
	int64_t board = req_param_id(r, "board"), buyer = req_param_id(r, "buyer");
	int rc = board_settlement(r, &st, &bs, &err);
	if (rc)
		return rc;
	const struct ledger_invoice *iv = NULL;
	for (size_t i = 0; i < st.ninv; i++)
		if (st.inv[i].seller_id == board && st.inv[i].buyer_id == buyer)
			iv = &st.inv[i];
	struct ledger_party ps, pb;
	struct ubl_party us, ub;
	if (!iv)
		rc = samen_fail(&err, SAMEN_ENOTFOUND, "no invoice to that board in this period");
	if (rc == 0)
		rc = store_ledger_party_get(r->db, board, &ps, &err);
	if (rc == 0)
		rc = store_ledger_party_get(r->db, buyer, &pb, &err);
	if (rc == 0) {
		settlement_ubl_party(&ps, &us);
		settlement_ubl_party(&pb, &ub);
		char issue[11], due[11];
		date_format(date_today(), issue);
		date_format(date_today() + 30, due);
		struct buf x;
		buf_init(&x, UBL_MAX_BYTES);
		rc = ubl_invoice(&us, &ub, iv, st.lines, &st.period, issue, due, &x, &err);
		if (rc == 0)
			rc = buf_add(&s->body, x.data ? x.data : "", x.len);
		buf_release(&x);
	}
	if (rc == 0) {
		char id[24], number[96];
		ubl_invoice_number(&st.period, &us, &ub, number, sizeof number);
		snprintf(id, sizeof id, "%lld", (long long)board);
		rc = audit_add(r->db, r->user.id, r->user.email, "export", "ubl_invoice", number, board, id, &err);
		snprintf(s->download_name, sizeof s->download_name, "%s.xml", number);
		s->content_type = "application/xml; charset=utf-8";
		s->status = 200;
	}
	store_ledger_settlement_free(&st);
	if (rc == SAMEN_EINVAL) {
		/* Missing party data: say which, on a page. */
		html_error_page(r, s, rc, err.msg);
		return 0;
	}
	return rc;
}
