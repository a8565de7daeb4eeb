/*
 * test_ledger.c - settlement periods, invoices with VAT, multilateral
 * netting (hand-computed and on random ledgers), statements and the
 * give-and-take figures (core/ledger.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ledger.h"
#include "util/date.h"
#include "util/rng.h"

static void test_period_parse(void **state)
{
	(void)state;
	struct ledger_period p;
	struct samen_err err;
	assert_int_equal(ledger_period_parse("2026-10", &p, &err), 0);
	assert_int_equal(p.kind, LEDGER_MONTH);
	assert_string_equal(p.key, "2026-10");
	assert_int_equal(p.start, date_days(2026, 10, 1));
	assert_int_equal(p.end, date_days(2026, 10, 31));
	assert_int_equal(p.nmonths, 1);

	assert_int_equal(ledger_period_parse("2026-q4", &p, &err), 0);
	assert_int_equal(p.kind, LEDGER_QUARTER);
	assert_string_equal(p.key, "2026-Q4");
	assert_int_equal(p.nmonths, 3);
	assert_string_equal(p.months[2], "2026-12");
	assert_int_equal(p.end, date_days(2026, 12, 31));

	assert_int_equal(ledger_period_parse("2026-2027", &p, &err), 0);
	assert_int_equal(p.kind, LEDGER_SCHOOL_YEAR);
	assert_int_equal(p.start, date_days(2026, 8, 1));
	assert_int_equal(p.end, date_days(2027, 7, 31));
	assert_int_equal(p.nmonths, 12);
	assert_string_equal(p.months[0], "2026-08");
	assert_string_equal(p.months[5], "2027-01");
	assert_string_equal(p.months[11], "2027-07");

	const char *bad[] = {"2026-13", "2026-Q5", "2026-2028", "2026", "26-10", "2026-1", "", "x"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(ledger_period_parse(bad[i], &p, &err), SAMEN_EINVAL);
		assert_string_equal(err.field, "period");
	}
	long a, b;
	assert_int_equal(ledger_month_range("2028-02", &a, &b), 0);
	assert_int_equal(b - a + 1, 29);
	char key[8];
	ledger_month_key(date_days(2027, 1, 31), key);
	assert_string_equal(key, "2027-01");
}

static struct ledger_line line(int64_t sec, int64_t lender, int64_t borrower, int64_t total,
			       char cat)
{
	struct ledger_line l;
	memset(&l, 0, sizeof l);
	l.secondment_id = sec;
	l.lender_id = lender;
	l.borrower_id = borrower;
	l.amounts.total_cents = total;
	l.centihours = total / 50;
	l.vat.category = cat;
	l.vat.rate_bp = cat == 'S' ? 2100 : 0;
	snprintf(l.month, sizeof l.month, "2026-10");
	return l;
}

/*
 * Three boards, six invoices' worth of lines (story 3):
 *   1 -> 2: 1 000,00 E + 500,00 S (VAT 105,00)  gross 1 605,00
 *   2 -> 1:   300,00 E                          gross   300,00
 *   1 -> 3:   200,00 S (VAT 42,00)              gross   242,00
 *   3 -> 2:   700,00 E                          gross   700,00
 *   2 -> 3:   100,00 E                          gross   100,00
 *   3 -> 1:    50,00 E                          gross    50,00
 * Balances: board 1 receives 1605 + 242 - 300 - 50 = 1 497,00
 *           board 2: 300 + 100 - 1605 - 700 = -1 905,00
 *           board 3: 700 + 50 - 242 - 100 = 408,00
 * Payments: 2 pays 1 1 497,00 and 2 pays 3 408,00: two payments instead of six invoices.
 */
static void test_invoices_netting_by_hand(void **state)
{
	(void)state;
	struct ledger_line lines[] = {
		line(1, 1, 2, 100000, 'E'), line(2, 1, 2, 50000, 'S'), line(3, 2, 1, 30000, 'E'),
		line(4, 1, 3, 20000, 'S'),  line(5, 3, 2, 70000, 'E'), line(6, 2, 3, 10000, 'E'),
		line(7, 3, 1, 5000, 'E'),
	};
	size_t n = sizeof lines / sizeof lines[0];
	struct ledger_invoice *inv;
	size_t ninv;
	struct samen_err err;
	assert_int_equal(ledger_invoices(lines, n, &inv, &ninv, &err), 0);
	assert_int_equal(ninv, 6);
	/* Ordered by seller, then buyer: 1->2, 1->3, 2->1, 2->3, 3->1, 3->2. */
	assert_int_equal(inv[0].seller_id, 1);
	assert_int_equal(inv[0].buyer_id, 2);
	assert_int_equal(inv[0].nlines, 2);
	assert_int_equal(inv[0].net_cents, 150000);
	assert_int_equal(inv[0].ngroups, 2);
	assert_int_equal(inv[0].vat_cents, 10500);
	assert_int_equal(inv[0].gross_cents, 160500);
	assert_int_equal(inv[1].buyer_id, 3);
	assert_int_equal(inv[1].gross_cents, 24200);

	struct ledger_obligation ob[6];
	ledger_obligations(inv, ninv, ob);
	int64_t boards[3] = {1, 2, 3};
	struct ledger_balance bal[3];
	struct ledger_payment pay[3];
	size_t npay;
	assert_int_equal(ledger_net(boards, 3, ob, ninv, bal, pay, &npay, &err), 0);
	assert_int_equal(bal[0].net, 149700);
	assert_int_equal(bal[1].net, -190500);
	assert_int_equal(bal[2].net, 40800);
	assert_int_equal(bal[0].receivable, 184700);
	assert_int_equal(bal[0].payable, 35000);
	assert_int_equal(npay, 2);
	assert_int_equal(pay[0].from, 2);
	assert_int_equal(pay[0].to, 1);
	assert_int_equal(pay[0].cents, 149700);
	assert_int_equal(pay[1].from, 2);
	assert_int_equal(pay[1].to, 3);
	assert_int_equal(pay[1].cents, 40800);

	/* Board 1's statement: its lines with a running total that ends at its net amount. */
	struct ledger_item *items;
	size_t nitems;
	int64_t net;
	assert_int_equal(ledger_statement(1, lines, inv, ninv, pay, npay, &items, &nitems, &net, &err), 0);
	assert_int_equal(net, 149700);
	/* Sends 1->2 (2 lines + VAT + total) and 1->3 (1 line + VAT + total), receives 2->1 and 3->1. */
	assert_int_equal(items[0].kind, LEDGER_ITEM_LINE);
	assert_int_equal(items[0].cents, 100000);
	assert_int_equal(items[1].running, 150000);
	assert_int_equal(items[2].kind, LEDGER_ITEM_VAT);
	assert_int_equal(items[2].running, 160500);
	assert_int_equal(items[3].kind, LEDGER_ITEM_INVOICE);
	assert_int_equal(items[3].cents, 160500);
	int64_t sum = 0;
	size_t i;
	for (i = 0; i < nitems && items[i].kind != LEDGER_ITEM_NET; i++)
		if (items[i].kind == LEDGER_ITEM_LINE || items[i].kind == LEDGER_ITEM_VAT)
			sum += items[i].cents;
	assert_int_equal(sum, 149700);
	assert_int_equal(items[i].kind, LEDGER_ITEM_NET);
	assert_int_equal(items[i].cents, 149700);
	assert_int_equal(items[i + 1].kind, LEDGER_ITEM_PAYMENT);
	assert_int_equal(items[i + 1].counterparty, 2);
	assert_int_equal(items[i + 1].cents, 149700);
	assert_int_equal(nitems, i + 2);
	free(items);
	ledger_invoices_free(inv, ninv);
}

static void test_netting_refuses_bad_input(void **state)
{
	(void)state;
	int64_t boards[2] = {1, 2};
	struct ledger_balance bal[2];
	struct ledger_payment pay[2];
	size_t npay;
	struct samen_err err;
	struct ledger_obligation unknown = {1, 9, 100};
	assert_int_equal(ledger_net(boards, 2, &unknown, 1, bal, pay, &npay, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "unknown board 9"));
	struct ledger_obligation self = {2, 2, 100};
	assert_int_equal(ledger_net(boards, 2, &self, 1, bal, pay, &npay, &err), SAMEN_EINVAL);
	struct ledger_obligation neg = {1, 2, -1};
	assert_int_equal(ledger_net(boards, 2, &neg, 1, bal, pay, &npay, &err), SAMEN_EINVAL);
	int64_t twice[2] = {1, 1};
	assert_int_equal(ledger_net(twice, 2, NULL, 0, bal, pay, &npay, &err), SAMEN_EINVAL);
	struct ledger_line l = line(1, 3, 3, 100, 'E');
	struct ledger_invoice *inv;
	size_t ninv;
	assert_int_equal(ledger_invoices(&l, 1, &inv, &ninv, &err), SAMEN_EINVAL);
}

/*
 * Random ledgers: for 500 random sets of obligations between 2 to 12
 * boards, the balances sum to zero and equal the pairwise sums, there are
 * at most n - 1 payments, every payment is positive, and each board pays
 * or receives exactly its net amount.
 */
static void test_netting_random_ledgers(void **state)
{
	(void)state;
	struct rng r;
	rng_seed(&r, 20261031);
	for (int round = 0; round < 500; round++) {
		size_t n = (size_t)rng_between(&r, 2, 12);
		int64_t boards[12];
		for (size_t i = 0; i < n; i++)
			boards[i] = 100 + (int64_t)i * 7;
		size_t nob = (size_t)rng_between(&r, 0, 40);
		struct ledger_obligation ob[40];
		int64_t pair[12][12];
		memset(pair, 0, sizeof pair);
		for (size_t k = 0; k < nob; k++) {
			size_t d = (size_t)rng_below(&r, n), c = (size_t)rng_below(&r, n - 1);
			if (c >= d)
				c++;
			ob[k] = (struct ledger_obligation){boards[d], boards[c], rng_between(&r, 0, 5000000)};
			pair[d][c] += ob[k].cents;
		}
		struct ledger_balance bal[12];
		struct ledger_payment pay[12];
		size_t npay;
		struct samen_err err;
		assert_int_equal(ledger_net(boards, n, ob, nob, bal, pay, &npay, &err), 0);
		assert_true(npay <= n - 1);
		int64_t total = 0;
		for (size_t i = 0; i < n; i++) {
			int64_t pairwise = 0;
			for (size_t j = 0; j < n; j++)
				pairwise += pair[j][i] - pair[i][j];
			assert_int_equal(bal[i].net, pairwise);
			total += bal[i].net;
			int64_t settled = 0;
			for (size_t p = 0; p < npay; p++) {
				assert_true(pay[p].cents > 0);
				assert_true(pay[p].from != pay[p].to);
				if (pay[p].to == boards[i])
					settled += pay[p].cents;
				if (pay[p].from == boards[i])
					settled -= pay[p].cents;
			}
			assert_int_equal(settled, bal[i].net);
		}
		assert_int_equal(total, 0);
	}
}

static void test_give_take_and_expertise(void **state)
{
	(void)state;
	struct ledger_line lines[] = {line(1, 1, 2, 10000, 'E'), line(1, 1, 2, 5000, 'E'),
				      line(2, 2, 1, 2000, 'E'), line(3, 1, 3, 1000, 'E')};
	snprintf(lines[0].expertise, sizeof lines[0].expertise, "NT2, scheikunde");
	snprintf(lines[1].expertise, sizeof lines[1].expertise, "NT2, scheikunde");
	snprintf(lines[2].expertise, sizeof lines[2].expertise, " nt2 ");
	snprintf(lines[3].expertise, sizeof lines[3].expertise, "ISK");
	int64_t boards[3] = {1, 2, 3};
	struct ledger_give_take gt[3];
	ledger_give_take(lines, 4, boards, 3, gt);
	/* centihours = total / 50: 200 + 100 + 40 + 20 */
	assert_int_equal(gt[0].lent_centihours, 320);
	assert_int_equal(gt[0].borrowed_centihours, 40);
	assert_int_equal(gt[0].lent_secondments, 2);
	assert_int_equal(gt[0].borrowed_secondments, 1);
	assert_int_equal(gt[0].lent_cents, 16000);
	assert_int_equal(gt[1].borrowed_centihours, 300);
	assert_int_equal(gt[1].borrowed_secondments, 1);
	assert_int_equal(gt[2].borrowed_centihours, 20);

	struct ledger_expertise *ex;
	size_t nex;
	struct samen_err err;
	assert_int_equal(ledger_expertise(lines, 4, &ex, &nex, &err), 0);
	assert_int_equal(nex, 3);
	assert_string_equal(ex[0].tag, "NT2");
	assert_int_equal(ex[0].centihours, 340);
	assert_int_equal(ex[0].secondments, 2);
	assert_string_equal(ex[1].tag, "scheikunde");
	assert_int_equal(ex[1].centihours, 300);
	assert_int_equal(ex[1].secondments, 1);
	assert_string_equal(ex[2].tag, "ISK");
	free(ex);
}

/* A priced line applies rule 6 to its own amounts: a margin above 5 % makes it taxed. */
static void test_line_price_rule6(void **state)
{
	(void)state;
	struct ledger_line l;
	memset(&l, 0, sizeof l);
	l.lender_id = 1;
	l.borrower_id = 2;
	l.centihours = 1000;
	l.basis = (struct costprice_basis){.monthly_cents = 400000, .charges_bp = 3500, .margin_bp = 500};
	struct vat_input facts = {.confirmed = {true, true, true, true}};
	struct vat_settings vs = {2100, 500};
	struct samen_err err;
	assert_int_equal(ledger_line_price(&l, &facts, &vs, &err), 0);
	assert_true(l.vat.exempt);
	/* Exactly 5 % never flips through rounding, whatever the hours. */
	for (int64_t h = 1; h <= 5000; h += 7) {
		l.centihours = h;
		assert_int_equal(ledger_line_price(&l, &facts, &vs, &err), 0);
		assert_true(l.vat.exempt);
	}
	l.basis.margin_bp = 501;
	assert_int_equal(ledger_line_price(&l, &facts, &vs, &err), 0);
	assert_false(l.vat.exempt);
	assert_int_equal(l.vat.reason, VAT_ABOVE_COST);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_parse),
		cmocka_unit_test(test_invoices_netting_by_hand),
		cmocka_unit_test(test_netting_refuses_bad_input),
		cmocka_unit_test(test_netting_random_ledgers),
		cmocka_unit_test(test_give_take_and_expertise),
		cmocka_unit_test(test_line_price_rule6),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
