/*
 * settlement_out.c - settlement tables and UBL parties (see settlement_out.h).
 */
#include "formats/settlement_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRY(x)                                                                                    \
	do {                                                                                      \
		if ((rc = (x)) != 0)                                                              \
			goto out;                                                                 \
	} while (0)

const char *settlement_vat_reason_nl(enum vat_reason r)
{
	switch (r) {
	case VAT_EXEMPT: return "vrijgesteld (alle voorwaarden bevestigd)";
	case VAT_MISSING_A: return "voorwaarde a (uitlener past onderwijsvrijstelling toe) niet bevestigd";
	case VAT_MISSING_B: return "voorwaarde b (inzet voor vrijgesteld onderwijs) niet bevestigd";
	case VAT_MISSING_C: return "voorwaarde c (onmisbaar voor het onderwijs) niet bevestigd";
	case VAT_MISSING_D: return "voorwaarde d (niet hoofdzakelijk extra opbrengst) niet bevestigd";
	case VAT_ABOVE_COST: return "bedrag boven brutoloonkosten plus toegestane opslag (regel 6)";
	case VAT_SWV: return "inlener is een samenwerkingsverband passend onderwijs (regel 7)";
	case VAT_KOEPEL: return "uitlening via een koepel (regel 8)";
	}
	return "";
}

static double euros(int64_t cents)
{
	return (double)cents / 100.0;
}

static double pct(int32_t bp)
{
	return (double)bp / 100.0;
}

int settlement_lines_table(const struct ledger_settlement *st, int64_t board,
			   struct table_out **out, struct samen_err *err)
{
	static const struct {
		const char *h;
		enum table_out_type t;
		int dec;
	} cols[] = {
		{"periode", TABLE_OUT_TEXT, 0},         {"maand", TABLE_OUT_TEXT, 0},
		{"detachering", TABLE_OUT_INT, 0},      {"uitlener", TABLE_OUT_TEXT, 0},
		{"inlener", TABLE_OUT_TEXT, 0},         {"persoon", TABLE_OUT_TEXT, 0},
		{"school", TABLE_OUT_TEXT, 0},          {"schaal", TABLE_OUT_TEXT, 0},
		{"trede", TABLE_OUT_INT, 0},            {"uren", TABLE_OUT_DECIMAL, 2},
		{"km", TABLE_OUT_INT, 0},               {"maandsalaris", TABLE_OUT_DECIMAL, 2},
		{"werkgeverslasten_pct", TABLE_OUT_DECIMAL, 2}, {"opslag_pct", TABLE_OUT_DECIMAL, 2},
		{"reiskosten_per_km", TABLE_OUT_DECIMAL, 2}, {"brutoloon", TABLE_OUT_DECIMAL, 2},
		{"loonkosten", TABLE_OUT_DECIMAL, 2},   {"bedrag_uren", TABLE_OUT_DECIMAL, 2},
		{"reiskosten", TABLE_OUT_DECIMAL, 2},   {"netto", TABLE_OUT_DECIMAL, 2},
		{"btw_categorie", TABLE_OUT_TEXT, 0},   {"btw_tarief_pct", TABLE_OUT_DECIMAL, 2},
		{"btw_reden", TABLE_OUT_TEXT, 0},       {"vastgesteld", TABLE_OUT_TEXT, 0},
	};
	struct table_out *t = NULL;
	int rc;
	char title[48];
	snprintf(title, sizeof title, "Verrekening %s", st->period.key);
	TRY(table_out_new(title, &t, err));
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		TRY(table_out_add_column(t, cols[i].h, cols[i].t, cols[i].dec, err));
	for (size_t i = 0; i < st->nlines; i++) {
		const struct ledger_line *l = &st->lines[i];
		if (board && l->lender_id != board && l->borrower_id != board)
			continue;
		char cat[2] = {l->vat.category, '\0'};
		TRY(table_out_add_row(t, err));
		TRY(table_out_text(t, st->period.key, err));
		TRY(table_out_text(t, l->month, err));
		TRY(table_out_int(t, l->secondment_id, err));
		TRY(table_out_text(t, store_ledger_board_name(st, l->lender_id), err));
		TRY(table_out_text(t, store_ledger_board_name(st, l->borrower_id), err));
		TRY(table_out_text(t, l->person, err));
		TRY(table_out_text(t, l->school, err));
		TRY(table_out_text(t, l->scale, err));
		TRY(table_out_int(t, l->step, err));
		TRY(table_out_decimal(t, euros(l->centihours), err));
		TRY(table_out_int(t, l->km, err));
		TRY(table_out_decimal(t, euros(l->basis.monthly_cents), err));
		TRY(table_out_decimal(t, pct(l->basis.charges_bp), err));
		TRY(table_out_decimal(t, pct(l->basis.margin_bp), err));
		TRY(table_out_decimal(t, euros(l->basis.travel_cents_per_km), err));
		TRY(table_out_decimal(t, euros(l->amounts.wage_cents), err));
		TRY(table_out_decimal(t, euros(l->amounts.cost_cents), err));
		TRY(table_out_decimal(t, euros(l->amounts.hours_cents), err));
		TRY(table_out_decimal(t, euros(l->amounts.travel_cents), err));
		TRY(table_out_decimal(t, euros(l->amounts.total_cents), err));
		TRY(table_out_text(t, cat, err));
		TRY(table_out_decimal(t, pct(l->vat.rate_bp), err));
		TRY(table_out_text(t, settlement_vat_reason_nl(l->vat.reason), err));
		TRY(table_out_text(t, st->closed ? "ja" : "nee", err));
	}
out:
	if (rc) {
		table_out_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

int settlement_statement_table(const struct ledger_settlement *st, int64_t board,
			       struct table_out **out, struct samen_err *err)
{
	if (store_ledger_board_index(st, board) < 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "board",
				     "board %lld is not part of this settlement", (long long)board);
	struct ledger_item *items = NULL;
	size_t n = 0;
	int64_t net;
	struct table_out *t = NULL;
	int rc = ledger_statement(board, st->lines, st->inv, st->ninv, st->pay, st->npay, &items, &n,
				  &net, err);
	if (rc)
		return rc;
	char title[64];
	snprintf(title, sizeof title, "Overzicht %s", st->period.key);
	TRY(table_out_new(title, &t, err));
	static const char *const heads[] = {"soort", "tegenpartij", "maand", "persoon", "uren",
					    "btw", "bedrag", "lopend_totaal"};
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		enum table_out_type ty = i == 4 || i >= 6 ? TABLE_OUT_DECIMAL : TABLE_OUT_TEXT;
		TRY(table_out_add_column(t, heads[i], ty, 2, err));
	}
	for (size_t i = 0; i < n; i++) {
		const struct ledger_item *it = &items[i];
		TRY(table_out_add_row(t, err));
		const char *kind = "";
		switch (it->kind) {
		case LEDGER_ITEM_LINE: kind = it->cents >= 0 ? "regel (te ontvangen)" : "regel (te betalen)"; break;
		case LEDGER_ITEM_VAT: kind = "btw"; break;
		case LEDGER_ITEM_INVOICE: kind = "factuurtotaal"; break;
		case LEDGER_ITEM_NET: kind = "saldo"; break;
		case LEDGER_ITEM_PAYMENT: kind = it->cents >= 0 ? "ontvangst" : "betaling"; break;
		}
		TRY(table_out_text(t, kind, err));
		TRY(table_out_text(t, it->counterparty ? store_ledger_board_name(st, it->counterparty) : "",
				   err));
		if (it->kind == LEDGER_ITEM_LINE) {
			const struct ledger_line *l = &st->lines[it->line];
			char vat[32];
			snprintf(vat, sizeof vat, "%c %d,%02d%%", l->vat.category, (int)(l->vat.rate_bp / 100),
				 (int)(l->vat.rate_bp % 100));
			TRY(table_out_text(t, l->month, err));
			TRY(table_out_text(t, l->person, err));
			TRY(table_out_decimal(t, euros(l->centihours), err));
			TRY(table_out_text(t, vat, err));
		} else if (it->kind == LEDGER_ITEM_VAT) {
			const struct ledger_vat_group *g = &st->inv[it->invoice].groups[it->group];
			char vat[32];
			snprintf(vat, sizeof vat, "%c %d,%02d%%", g->category, (int)(g->rate_bp / 100),
				 (int)(g->rate_bp % 100));
			TRY(table_out_empty(t, err));
			TRY(table_out_empty(t, err));
			TRY(table_out_empty(t, err));
			TRY(table_out_text(t, vat, err));
		} else {
			for (int k = 0; k < 4; k++)
				TRY(table_out_empty(t, err));
		}
		TRY(table_out_decimal(t, euros(it->cents), err));
		if (it->kind == LEDGER_ITEM_LINE || it->kind == LEDGER_ITEM_VAT ||
		    it->kind == LEDGER_ITEM_NET)
			TRY(table_out_decimal(t, euros(it->running), err));
		else
			TRY(table_out_empty(t, err));
	}
out:
	free(items);
	if (rc) {
		table_out_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

void settlement_ubl_party(const struct ledger_party *p, struct ubl_party *out)
{
	*out = (struct ubl_party){p->name, p->number, p->kvk, p->vat_id, p->iban, p->street,
				  p->postcode, p->city, p->email};
}
