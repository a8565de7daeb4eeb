/*
 * ledger_cli.c - helpers of the secondment and settlement commands (see
 * ledger_cli.h).
 */
#include "cli/ledger_cli.h"
#include "formats/settlement_out.h"
#include "store/store_org.h"
#include "util/date.h"

#include <stdlib.h>
#include <string.h>

int ledger_cli_region(struct db *db, const char *code, int64_t *id, char name[128],
		      struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
			    code ? "SELECT id, name FROM region WHERE code = $1"
				 : "SELECT id, name FROM region ORDER BY id LIMIT 2",
			    &st, err);
	if (rc)
		return rc;
	if (code)
		db_bind_text(st, 1, code);
	int found = 0;
	while ((rc = db_step(st, err)) == 1) {
		if (found++ == 0) {
			*id = db_col_int(st, 0);
			snprintf(name, 128, "%s", db_col_text(st, 1));
		}
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (found == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "region",
				     code ? "unknown region '%.40s'" : "the database holds no region%.0s",
				     code ? code : "");
	if (found > 1)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "region",
				     "the database holds several regions: name one with --region CODE");
	return 0;
}

int ledger_cli_board(struct db *db, const char *number, const char *field, int64_t *id,
		     struct samen_err *err)
{
	int rc = org_board_find(db, number ? number : "", id, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_EINVAL, 0, field, "unknown board %.20s",
				     number ? number : "");
	return rc;
}

static void money(int64_t cents, char out[32])
{
	costprice_format(cents, out);
}

void ledger_cli_print_settlement(FILE *out, const struct ledger_settlement *st,
				 const char *region_name)
{
	char a[32], b[32], c[32];
	fprintf(out, "Settlement %s, period %s (%s)\n", region_name, st->period.key,
		st->closed ? "closed: final figures" : "open: figures may still change");
	fprintf(out, "\nInvoices (%zu), one per lending -> borrowing board:\n", st->ninv);
	for (size_t i = 0; i < st->ninv; i++) {
		const struct ledger_invoice *iv = &st->inv[i];
		money(iv->net_cents, a);
		money(iv->vat_cents, b);
		money(iv->gross_cents, c);
		fprintf(out, "  %s -> %s: %zu line(s), net %s, VAT %s, total %s\n",
			store_ledger_board_name(st, iv->seller_id), store_ledger_board_name(st, iv->buyer_id),
			iv->nlines, a, b, c);
	}
	fprintf(out, "\nNet amount per board (receivable - payable):\n");
	for (size_t i = 0; i < st->nboards; i++) {
		money(st->bal[i].receivable, a);
		money(st->bal[i].payable, b);
		money(st->bal[i].net, c);
		fprintf(out, "  %s %s: receivable %s, payable %s, net %s\n", st->boards[i].number,
			st->boards[i].name, a, b, c);
	}
	fprintf(out, "\nPayments (%zu instead of %zu invoices; at most %zu):\n", st->npay, st->ninv,
		st->nboards ? st->nboards - 1 : 0);
	for (size_t i = 0; i < st->npay; i++) {
		money(st->pay[i].cents, a);
		fprintf(out, "  %s pays %s %s\n", store_ledger_board_name(st, st->pay[i].from),
			store_ledger_board_name(st, st->pay[i].to), a);
	}
}

int ledger_cli_print_statement(FILE *out, const struct ledger_settlement *st, int64_t board,
			       struct samen_err *err)
{
	struct ledger_item *items;
	size_t n;
	int64_t net;
	int rc = ledger_statement(board, st->lines, st->inv, st->ninv, st->pay, st->npay, &items, &n,
				  &net, err);
	if (rc)
		return rc;
	char a[32], r[32];
	fprintf(out, "\nStatement of %s, period %s:\n", store_ledger_board_name(st, board),
		st->period.key);
	for (size_t i = 0; i < n; i++) {
		const struct ledger_item *it = &items[i];
		money(it->cents, a);
		money(it->running, r);
		const char *other = store_ledger_board_name(st, it->counterparty);
		switch (it->kind) {
		case LEDGER_ITEM_LINE: {
			const struct ledger_line *l = &st->lines[it->line];
			char h[32];
			costprice_format(l->centihours, h);
			fprintf(out, "  %-8s %-40.40s %-24.24s %8s h %c %12s  %12s\n", l->month, other,
				l->person, h, l->vat.category, a, r);
			break;
		}
		case LEDGER_ITEM_VAT: {
			const struct ledger_vat_group *g = &st->inv[it->invoice].groups[it->group];
			char label[32];
			snprintf(label, sizeof label, "VAT %d,%02d %%", (int)(g->rate_bp / 100),
				 (int)(g->rate_bp % 100));
			fprintf(out, "  %-8s %-40.40s %-24s %10s %c %12s  %12s\n", "", other, label, "",
				g->category, a, r);
			break;
		}
		case LEDGER_ITEM_INVOICE:
			fprintf(out, "  %-8s %-40.40s %-24s %12s invoice total %s\n", "", other, "", "", a);
			break;
		case LEDGER_ITEM_NET:
			fprintf(out, "  net amount: %s (%s)\n", a,
				it->cents > 0 ? "receives" : it->cents < 0 ? "pays" : "settled");
			break;
		case LEDGER_ITEM_PAYMENT:
			fprintf(out, "  payment: %s %s %s\n", it->cents < 0 ? "pay" : "receive from", other, a);
			break;
		}
	}
	free(items);
	return 0;
}

static const char *mark_text(const struct secondment_mark *m, char *buf, size_t n)
{
	if (!m->set)
		return "no";
	snprintf(buf, n, "yes (%s, %s)", m->by, m->at);
	return buf;
}

void ledger_cli_print_secondment(FILE *out, const struct secondment_row *r, long today,
				 int weeks_per_year)
{
	const struct secondment *s = &r->s;
	char a[11], b[11], h[32], days[32], buf[200];
	date_format(s->start, a);
	date_format(s->end, b);
	costprice_format(s->hours_per_week, h);
	secondment_weekdays_text(s->weekdays, days, sizeof days);
	fprintf(out, "Secondment %lld (%s)\n", (long long)s->id,
		secondment_state_name(secondment_state(s, today)));
	fprintf(out, "  person:      %s %s\n", r->first_name, r->last_name);
	fprintf(out, "  lender:      %s %s (employer)\n", r->lender_number, r->lender_name);
	fprintf(out, "  borrower:    %s %s%s%s\n", r->borrower_number, r->borrower_name,
		r->school_name[0] ? ", " : "", r->school_name);
	fprintf(out, "  function:    %s\n  purpose:     %s\n", s->function_title, s->purpose);
	if (s->expertise[0])
		fprintf(out, "  expertise:   %s\n", s->expertise);
	fprintf(out, "  hours:       %s per week on %s, werktijdfactor %.4f\n", h, days,
		secondment_wtf(s->hours_per_week, weeks_per_year));
	char due[11];
	date_format(secondment_extension_due(s->end), due);
	fprintf(out, "  dates:       %s to %s (extension talk due %s)\n", a, b, due);
	fprintf(out, "  margin:      %d,%02d %%, km per week %lld\n", (int)(s->margin_bp / 100),
		(int)(s->margin_bp % 100), (long long)s->km_per_week);
	static const char *const party[3] = {"lender", "borrower", "employee"};
	for (int p = 0; p < 3; p++)
		fprintf(out, "  agreed by %-9s %s\n", party[p], mark_text(&s->sign[p], buf, sizeof buf));
	fprintf(out, "  consent:     %s\n", mark_text(&s->consent, buf, sizeof buf));
	static const char *const cond[4] = {"a lender applies the education exemption",
					    "b used for exempt education", "c indispensable",
					    "d not mainly for revenue"};
	for (int c = 0; c < 4; c++)
		fprintf(out, "  VAT %-42s %s\n", cond[c], mark_text(&s->vat[c], buf, sizeof buf));
	if (s->via_koepel)
		fprintf(out, "  lent through a koepel (rule 8: taxed)\n");
	if (r->borrower_is_swv)
		fprintf(out, "  borrower is a samenwerkingsverband (rule 7)%s\n",
			s->education_type_work ? ", education-type work" : "");
}
