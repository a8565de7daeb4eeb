/*
 * ledger.c - periods, invoices, netting, statements and give-and-take
 * figures of the cost settlement between boards (see ledger.h).
 */
#include "core/ledger.h"
#include "util/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int two_digits_month(const char *s, int *m)
{
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
		return SAMEN_EINVAL;
	*m = (s[0] - '0') * 10 + (s[1] - '0');
	return *m >= 1 && *m <= 12 ? 0 : SAMEN_EINVAL;
}

static int year4(const char *s, int *y)
{
	for (int i = 0; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return SAMEN_EINVAL;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	return *y >= 1900 && *y <= 2198 ? 0 : SAMEN_EINVAL;
}

static long last_of_month(int y, int m)
{
	return (m == 12 ? date_days(y + 1, 1, 1) : date_days(y, m + 1, 1)) - 1;
}

static void fill_months(struct ledger_period *p, int y, int m, int count)
{
	p->nmonths = count;
	for (int i = 0; i < count; i++) {
		snprintf(p->months[i], sizeof p->months[i], "%04u-%02u", (unsigned)y % 10000u,
			 (unsigned)m % 100u);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
}

int ledger_period_parse(const char *s, struct ledger_period *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	int y, m, y2;
	size_t len = s ? strlen(s) : 0;
	if (len == 7 && s[4] == '-' && year4(s, &y) == 0 && two_digits_month(s + 5, &m) == 0) {
		out->kind = LEDGER_MONTH;
		out->start = date_days(y, m, 1);
		out->end = last_of_month(y, m);
		fill_months(out, y, m, 1);
	} else if (len == 7 && s[4] == '-' && (s[5] == 'Q' || s[5] == 'q') && year4(s, &y) == 0 &&
		   s[6] >= '1' && s[6] <= '4') {
		int q = s[6] - '0';
		out->kind = LEDGER_QUARTER;
		out->start = date_days(y, 3 * q - 2, 1);
		out->end = last_of_month(y, 3 * q);
		fill_months(out, y, 3 * q - 2, 3);
	} else if (len == 9 && s[4] == '-' && year4(s, &y) == 0 && year4(s + 5, &y2) == 0 &&
		   y2 == y + 1) {
		out->kind = LEDGER_SCHOOL_YEAR;
		out->start = date_days(y, 8, 1);
		out->end = date_days(y2, 7, 31);
		fill_months(out, y, 8, 12);
	} else {
		return samen_fail_at(err, SAMEN_EINVAL, 0, "period",
				     "'%.20s' is not a period; use a month (2026-10), a quarter "
				     "(2026-Q4) or a school year (2026-2027)",
				     s ? s : "");
	}
	switch (out->kind) {
	case LEDGER_MONTH: snprintf(out->key, sizeof out->key, "%s", out->months[0]); break;
	case LEDGER_QUARTER:
		snprintf(out->key, sizeof out->key, "%04u-Q%c", (unsigned)y % 10000u, s[6]);
		break;
	case LEDGER_SCHOOL_YEAR:
		snprintf(out->key, sizeof out->key, "%04u-%04u", (unsigned)y % 10000u,
			 (unsigned)y2 % 10000u);
		break;
	}
	return 0;
}

void ledger_month_key(long day, char out[8])
{
	int y, m, d;
	date_civil(day, &y, &m, &d);
	snprintf(out, 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
}

int ledger_month_range(const char *month, long *first, long *last)
{
	int y, m;
	if (!month || strlen(month) != 7 || month[4] != '-' || year4(month, &y) ||
	    two_digits_month(month + 5, &m))
		return SAMEN_EINVAL;
	*first = date_days(y, m, 1);
	*last = last_of_month(y, m);
	return 0;
}

int ledger_line_price(struct ledger_line *line, const struct vat_input *facts,
		      const struct vat_settings *vs, struct samen_err *err)
{
	int rc = costprice_line(&line->basis, line->centihours, line->km, &line->amounts, err);
	if (rc)
		return rc;
	struct vat_input in = *facts;
	/*
	 * Rule 6 compares what is charged with the gross wage costs; the travel
	 * allowance is paid to the employee as part of the employment and so
	 * counts on both sides (docs/secondment.md). The hours amount and the
	 * wage cost are each rounded once, so comparing the two rounded amounts
	 * could flip the flag by a cent on a margin of exactly 5 %. The
	 * comparison therefore uses the line's exact relation, in units of
	 * 1/10000 cent: charged = cost x (1 + margin) + travel against
	 * (cost + travel), with the size of a (negative) correction.
	 */
	int64_t h = line->amounts.cost_cents < 0 ? -line->amounts.cost_cents : line->amounts.cost_cents;
	int64_t t = line->amounts.travel_cents < 0 ? -line->amounts.travel_cents
						   : line->amounts.travel_cents;
	in.have_amounts = true;
	in.invoiced_cents = h * (COSTPRICE_BP + line->basis.margin_bp) + t * COSTPRICE_BP;
	in.wage_cost_cents = (h + t) * COSTPRICE_BP;
	vat_decide(&in, vs, &line->vat);
	return 0;
}

/* ---- invoices ---- */

struct pair_idx {
	int64_t seller, buyer;
	size_t line;
};

static int cmp_pair(const void *a, const void *b)
{
	const struct pair_idx *x = a, *y = b;
	if (x->seller != y->seller)
		return x->seller < y->seller ? -1 : 1;
	if (x->buyer != y->buyer)
		return x->buyer < y->buyer ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

void ledger_invoices_free(struct ledger_invoice *inv, size_t n)
{
	for (size_t i = 0; inv && i < n; i++)
		free(inv[i].lines);
	free(inv);
}

static int add_to_group(struct ledger_invoice *iv, const struct ledger_line *l,
			struct samen_err *err)
{
	for (int g = 0; g < iv->ngroups; g++)
		if (iv->groups[g].category == l->vat.category && iv->groups[g].rate_bp == l->vat.rate_bp) {
			iv->groups[g].taxable_cents += l->amounts.total_cents;
			return 0;
		}
	if (iv->ngroups == LEDGER_MAX_VAT_GROUPS)
		return samen_fail(err, SAMEN_EINVAL, "more than %d VAT rates on one invoice",
				  LEDGER_MAX_VAT_GROUPS);
	struct ledger_vat_group *g = &iv->groups[iv->ngroups++];
	g->category = l->vat.category;
	g->rate_bp = l->vat.rate_bp;
	g->taxable_cents = l->amounts.total_cents;
	return 0;
}

int ledger_invoices(const struct ledger_line *lines, size_t n, struct ledger_invoice **out,
		    size_t *nout, struct samen_err *err)
{
	*out = NULL;
	*nout = 0;
	if (n == 0)
		return 0;
	struct pair_idx *idx = malloc(n * sizeof *idx);
	struct ledger_invoice *inv = calloc(n, sizeof *inv);
	size_t ninv = 0;
	int rc = 0;
	if (!idx || !inv) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (lines[i].lender_id == lines[i].borrower_id) {
			rc = samen_fail(err, SAMEN_EINVAL, "secondment %lld: a board cannot invoice itself",
					(long long)lines[i].secondment_id);
			goto out;
		}
		idx[i] = (struct pair_idx){lines[i].lender_id, lines[i].borrower_id, i};
	}
	qsort(idx, n, sizeof *idx, cmp_pair);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && idx[j].seller == idx[i].seller && idx[j].buyer == idx[i].buyer)
			j++;
		struct ledger_invoice *iv = &inv[ninv++];
		iv->seller_id = idx[i].seller;
		iv->buyer_id = idx[i].buyer;
		iv->lines = malloc((j - i) * sizeof *iv->lines);
		if (!iv->lines) {
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			goto out;
		}
		for (size_t k = i; k < j; k++) {
			const struct ledger_line *l = &lines[idx[k].line];
			iv->lines[iv->nlines++] = idx[k].line;
			iv->net_cents += l->amounts.total_cents;
			if ((rc = add_to_group(iv, l, err)) != 0)
				goto out;
		}
		for (int g = 0; g < iv->ngroups; g++) {
			iv->groups[g].vat_cents = vat_amount(iv->groups[g].taxable_cents, iv->groups[g].rate_bp);
			iv->vat_cents += iv->groups[g].vat_cents;
		}
		iv->gross_cents = iv->net_cents + iv->vat_cents;
		i = j;
	}
out:
	free(idx);
	if (rc) {
		ledger_invoices_free(inv, ninv);
		return rc;
	}
	*out = inv;
	*nout = ninv;
	return 0;
}

void ledger_obligations(const struct ledger_invoice *inv, size_t n, struct ledger_obligation *out)
{
	for (size_t i = 0; i < n; i++) {
		if (inv[i].gross_cents >= 0)
			out[i] = (struct ledger_obligation){inv[i].buyer_id, inv[i].seller_id,
							    inv[i].gross_cents};
		else
			out[i] = (struct ledger_obligation){inv[i].seller_id, inv[i].buyer_id,
							    -inv[i].gross_cents};
	}
}

/* ---- netting ---- */

static long find_board(const int64_t *boards, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (boards[i] == id)
			return (long)i;
	return -1;
}

int ledger_net(const int64_t *boards, size_t n, const struct ledger_obligation *ob, size_t nob,
	       struct ledger_balance *bal, struct ledger_payment *pay, size_t *npay,
	       struct samen_err *err)
{
	*npay = 0;
	for (size_t i = 0; i < n; i++) {
		if (find_board(boards, i, boards[i]) >= 0)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "board", "board %lld is listed twice",
					     (long long)boards[i]);
		bal[i] = (struct ledger_balance){boards[i], 0, 0, 0};
	}
	for (size_t k = 0; k < nob; k++) {
		long d = find_board(boards, n, ob[k].debtor), c = find_board(boards, n, ob[k].creditor);
		if (d < 0 || c < 0)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "board", "unknown board %lld",
					     (long long)(d < 0 ? ob[k].debtor : ob[k].creditor));
		if (d == c)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "board", "board %lld cannot owe itself",
					     (long long)ob[k].debtor);
		if (ob[k].cents < 0)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "amount",
					     "an obligation cannot be negative");
		bal[d].payable += ob[k].cents;
		bal[c].receivable += ob[k].cents;
	}
	int64_t *left = malloc((n ? n : 1) * sizeof *left);
	if (!left)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		left[i] = bal[i].net = bal[i].receivable - bal[i].payable;
	for (;;) {
		/* The largest debtor and the largest creditor; ties go to the first listed. */
		long d = -1, c = -1;
		for (size_t i = 0; i < n; i++) {
			if (left[i] < 0 && (d < 0 || left[i] < left[d]))
				d = (long)i;
			if (left[i] > 0 && (c < 0 || left[i] > left[c]))
				c = (long)i;
		}
		if (d < 0 || c < 0)
			break; /* balances sum to zero: both sides are empty together */
		int64_t amount = -left[d] < left[c] ? -left[d] : left[c];
		pay[(*npay)++] = (struct ledger_payment){boards[d], boards[c], amount};
		left[d] += amount;
		left[c] -= amount;
	}
	free(left);
	return 0;
}

/* ---- statements ---- */

int ledger_statement(int64_t board, const struct ledger_line *lines,
		     const struct ledger_invoice *inv, size_t ninv,
		     const struct ledger_payment *pay, size_t npay, struct ledger_item **out,
		     size_t *nout, int64_t *net, struct samen_err *err)
{
	*out = NULL;
	*nout = 0;
	*net = 0;
	size_t cap = 1 + npay;
	for (size_t i = 0; i < ninv; i++)
		if (inv[i].seller_id == board || inv[i].buyer_id == board)
			cap += inv[i].nlines + (size_t)inv[i].ngroups + 1;
	struct ledger_item *items = calloc(cap, sizeof *items);
	if (!items)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	size_t k = 0;
	int64_t running = 0;
	/* Invoices the board sends first (receivable), then those it receives. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ninv; i++) {
			const struct ledger_invoice *iv = &inv[i];
			bool sends = iv->seller_id == board, receives = iv->buyer_id == board;
			if ((pass == 0 && !sends) || (pass == 1 && !receives))
				continue;
			int64_t sign = sends ? 1 : -1;
			int64_t other = sends ? iv->buyer_id : iv->seller_id;
			for (size_t j = 0; j < iv->nlines; j++) {
				int64_t c = sign * lines[iv->lines[j]].amounts.total_cents;
				running += c;
				items[k++] = (struct ledger_item){LEDGER_ITEM_LINE, other, iv->lines[j], i, 0,
								  c, running};
			}
			for (int g = 0; g < iv->ngroups; g++) {
				if (iv->groups[g].category != 'S')
					continue;
				int64_t c = sign * iv->groups[g].vat_cents;
				running += c;
				items[k++] = (struct ledger_item){LEDGER_ITEM_VAT, other, 0, i, g, c, running};
			}
			items[k++] = (struct ledger_item){LEDGER_ITEM_INVOICE, other, 0, i, 0,
							  sign * iv->gross_cents, running};
		}
	}
	items[k++] = (struct ledger_item){LEDGER_ITEM_NET, 0, 0, 0, 0, running, running};
	for (size_t p = 0; p < npay; p++) {
		if (pay[p].from == board)
			items[k++] = (struct ledger_item){LEDGER_ITEM_PAYMENT, pay[p].to, 0, 0, 0,
							  -pay[p].cents, running};
		else if (pay[p].to == board)
			items[k++] = (struct ledger_item){LEDGER_ITEM_PAYMENT, pay[p].from, 0, 0, 0,
							  pay[p].cents, running};
	}
	*out = items;
	*nout = k;
	*net = running;
	return 0;
}

/* ---- give and take ---- */

struct board_sec {
	int64_t board, secondment;
	int lent;
};

static int cmp_board_sec(const void *a, const void *b)
{
	const struct board_sec *x = a, *y = b;
	if (x->lent != y->lent)
		return x->lent - y->lent;
	if (x->board != y->board)
		return x->board < y->board ? -1 : 1;
	return x->secondment < y->secondment ? -1 : x->secondment > y->secondment;
}

void ledger_give_take(const struct ledger_line *lines, size_t nlines, const int64_t *boards,
		      size_t n, struct ledger_give_take *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = (struct ledger_give_take){.board = boards[i]};
	struct board_sec *bs = malloc((2 * nlines + 1) * sizeof *bs);
	size_t nbs = 0;
	for (size_t k = 0; k < nlines; k++) {
		const struct ledger_line *l = &lines[k];
		long lend = find_board(boards, n, l->lender_id), borrow = find_board(boards, n, l->borrower_id);
		if (lend >= 0) {
			out[lend].lent_centihours += l->centihours;
			out[lend].lent_cents += l->amounts.total_cents;
			if (bs)
				bs[nbs++] = (struct board_sec){l->lender_id, l->secondment_id, 1};
		}
		if (borrow >= 0) {
			out[borrow].borrowed_centihours += l->centihours;
			out[borrow].borrowed_cents += l->amounts.total_cents;
			if (bs)
				bs[nbs++] = (struct board_sec){l->borrower_id, l->secondment_id, 0};
		}
	}
	if (!bs)
		return;
	qsort(bs, nbs, sizeof *bs, cmp_board_sec);
	for (size_t k = 0; k < nbs; k++) {
		if (k > 0 && cmp_board_sec(&bs[k - 1], &bs[k]) == 0)
			continue;
		long i = find_board(boards, n, bs[k].board);
		if (bs[k].lent)
			out[i].lent_secondments++;
		else
			out[i].borrowed_secondments++;
	}
	free(bs);
}

static int cmp_expertise(const void *a, const void *b)
{
	const struct ledger_expertise *x = a, *y = b;
	if (x->centihours != y->centihours)
		return x->centihours > y->centihours ? -1 : 1;
	return strcasecmp(x->tag, y->tag);
}

int ledger_expertise(const struct ledger_line *lines, size_t n, struct ledger_expertise **out,
		     size_t *nout, struct samen_err *err)
{
	*out = NULL;
	*nout = 0;
	size_t cap = 0, cnt = 0;
	struct ledger_expertise *v = NULL;
	/* Secondments already counted per tag: (tag index, secondment) pairs. */
	struct seen {
		size_t tag;
		int64_t sec;
	} *seen = NULL;
	size_t nseen = 0, capseen = 0;
	for (size_t k = 0; k < n; k++) {
		char copy[sizeof lines[k].expertise];
		snprintf(copy, sizeof copy, "%s", lines[k].expertise);
		char *p = copy;
		while (p && *p) {
			char *comma = strchr(p, ',');
			if (comma)
				*comma = '\0';
			while (isspace((unsigned char)*p))
				p++;
			size_t len = strlen(p);
			while (len && isspace((unsigned char)p[len - 1]))
				p[--len] = '\0';
			if (len) {
				size_t t = 0;
				while (t < cnt && strcasecmp(v[t].tag, p) != 0)
					t++;
				if (t == cnt) {
					if (cnt == cap) {
						cap = cap ? 2 * cap : 8;
						void *nv = realloc(v, cap * sizeof *v);
						if (!nv)
							goto nomem;
						v = nv;
					}
					memset(&v[cnt], 0, sizeof v[cnt]);
					snprintf(v[cnt].tag, sizeof v[cnt].tag, "%.47s", p);
					cnt++;
				}
				v[t].centihours += lines[k].centihours;
				size_t s = 0;
				while (s < nseen && !(seen[s].tag == t && seen[s].sec == lines[k].secondment_id))
					s++;
				if (s == nseen) {
					if (nseen == capseen) {
						capseen = capseen ? 2 * capseen : 16;
						void *ns = realloc(seen, capseen * sizeof *seen);
						if (!ns)
							goto nomem;
						seen = ns;
					}
					seen[nseen++] = (struct seen){t, lines[k].secondment_id};
					v[t].secondments++;
				}
			}
			p = comma ? comma + 1 : NULL;
		}
	}
	free(seen);
	if (cnt)
		qsort(v, cnt, sizeof *v, cmp_expertise);
	*out = v;
	*nout = cnt;
	return 0;
nomem:
	free(seen);
	free(v);
	return samen_fail(err, SAMEN_ENOMEM, "out of memory");
}
