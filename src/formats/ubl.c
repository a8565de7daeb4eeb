/*
 * ubl.c - settlement invoices as UBL 2.1 / NLCIUS documents (see ubl.h).
 */
#include "formats/ubl.h"
#include "core/vat.h"
#include "util/date.h"

#include <stdio.h>
#include <string.h>

#define UBL_SCRATCH_MAX ((size_t)256 << 20) /* far above any real settlement invoice */
#define UBL_MAX_PIECE 4096                   /* longest single append (a line's note) */

static const char *const month_nl[12] = {"januari", "februari", "maart",     "april",
					 "mei",     "juni",     "juli",      "augustus",
					 "september", "oktober", "november", "december"};

/* Append s with the five XML special characters escaped. */
static void xml_esc(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&apos;"); break;
		default: buf_add(b, s, 1);
		}
	}
}

/* <tag>escaped text</tag> */
static void el(struct buf *b, const char *tag, const char *text)
{
	buf_printf(b, "<%s>", tag);
	xml_esc(b, text);
	buf_printf(b, "</%s>", tag);
}

static void amount(struct buf *b, const char *tag, int64_t cents)
{
	char v[32];
	costprice_format(cents, v);
	buf_printf(b, "<%s currencyID=\"EUR\">%s</%s>", tag, v, tag);
}

static void percent(struct buf *b, int32_t bp)
{
	buf_printf(b, "<cbc:Percent>%d.%02d</cbc:Percent>", (int)(bp / 100), (int)(bp % 100));
}

static int need(const char *value, const char *who, const char *field, struct samen_err *err)
{
	if (value && *value)
		return 0;
	return samen_fail_at(err, SAMEN_EINVAL, 0, field,
			     "%s has no %s: enter it in the board's settlement details before "
			     "exporting UBL",
			     who && *who ? who : "a board", field);
}

static int check_party(const struct ubl_party *p, int seller, struct samen_err *err)
{
	int rc = need(p->kvk, p->name, "kvk", err);
	if (rc == 0)
		rc = need(p->street, p->name, "street", err);
	if (rc == 0)
		rc = need(p->postcode, p->name, "postcode", err);
	if (rc == 0)
		rc = need(p->city, p->name, "city", err);
	if (rc == 0 && seller)
		rc = need(p->vat_id, p->name, "vat_id", err);
	if (rc == 0 && seller)
		rc = need(p->iban, p->name, "iban", err);
	return rc;
}

static void party(struct buf *b, const char *wrapper, const struct ubl_party *p, int seller)
{
	buf_printf(b, "<cac:%s><cac:Party>", wrapper);
	buf_puts(b, "<cbc:EndpointID schemeID=\"0106\">");
	xml_esc(b, p->kvk);
	buf_puts(b, "</cbc:EndpointID><cac:PartyIdentification><cbc:ID schemeID=\"0106\">");
	xml_esc(b, p->kvk);
	buf_puts(b, "</cbc:ID></cac:PartyIdentification><cac:PartyName>");
	el(b, "cbc:Name", p->name);
	buf_puts(b, "</cac:PartyName><cac:PostalAddress>");
	el(b, "cbc:StreetName", p->street);
	el(b, "cbc:CityName", p->city);
	el(b, "cbc:PostalZone", p->postcode);
	buf_puts(b, "<cac:Country><cbc:IdentificationCode>NL</cbc:IdentificationCode></cac:Country>"
		    "</cac:PostalAddress>");
	if (p->vat_id && *p->vat_id) {
		buf_puts(b, "<cac:PartyTaxScheme>");
		el(b, "cbc:CompanyID", p->vat_id);
		buf_puts(b, "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>");
	}
	buf_puts(b, "<cac:PartyLegalEntity>");
	el(b, "cbc:RegistrationName", p->name);
	buf_puts(b, "<cbc:CompanyID schemeID=\"0106\">");
	xml_esc(b, p->kvk);
	buf_puts(b, "</cbc:CompanyID></cac:PartyLegalEntity>");
	if (p->email && *p->email) {
		buf_puts(b, "<cac:Contact>");
		el(b, "cbc:ElectronicMail", p->email);
		buf_puts(b, "</cac:Contact>");
	}
	(void)seller;
	buf_printf(b, "</cac:Party></cac:%s>", wrapper);
}

static void tax_category(struct buf *b, const char *tag, char category, int32_t rate_bp)
{
	buf_printf(b, "<cac:%s><cbc:ID>%c</cbc:ID>", tag, category);
	percent(b, category == 'E' ? 0 : rate_bp);
	if (category == 'E' && strcmp(tag, "TaxCategory") == 0) {
		el(b, "cbc:TaxExemptionReasonCode", VAT_EXEMPTION_CODE);
		el(b, "cbc:TaxExemptionReason", VAT_EXEMPTION_TEXT);
	}
	buf_printf(b, "<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:%s>", tag);
}

static void month_text(const char *month, char *out, size_t n)
{
	int y = 0, m = 0;
	if (sscanf(month, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12)
		snprintf(out, n, "%s %d", month_nl[m - 1], y);
	else
		snprintf(out, n, "%s", month);
}

static void hundredths(int64_t v, char out[32])
{
	costprice_format(v, out);
}

static void invoice_line(struct buf *b, int *seq, const struct ledger_line *l,
			 const struct ledger_period *p)
{
	char mtext[32], qty[32], base[32], money[32], note[512];
	month_text(l->month, mtext, sizeof mtext);
	long first, last;
	char a[11], z[11];
	if (ledger_month_range(l->month, &first, &last) == 0) {
		date_format(first, a);
		date_format(last, z);
	} else {
		date_format(p->start, a);
		date_format(p->end, z);
	}
	if (l->centihours != 0) {
		int64_t abs_h = l->centihours < 0 ? -l->centihours : l->centihours;
		int64_t abs_amount = l->amounts.hours_cents < 0 ? -l->amounts.hours_cents
								: l->amounts.hours_cents;
		hundredths(l->centihours, qty);
		hundredths(abs_h, base);
		costprice_format(l->basis.monthly_cents, money);
		snprintf(note, sizeof note,
			 "%s uur tegen kostprijs: schaal %s trede %d (%s per maand) x 12 / 1659 x "
			 "(1 + werkgeverslasten %d,%02d %%) x (1 + opslag %d,%02d %%); eenmaal afgerond "
			 "op de regel.%s",
			 qty, l->scale, l->step, money, (int)(l->basis.charges_bp / 100),
			 (int)(l->basis.charges_bp % 100), (int)(l->basis.margin_bp / 100),
			 (int)(l->basis.margin_bp % 100),
			 l->centihours < 0 ? " Correctie op een afgesloten periode." : "");
		buf_printf(b, "<cac:InvoiceLine><cbc:ID>%d</cbc:ID>", ++*seq);
		el(b, "cbc:Note", note);
		buf_printf(b, "<cbc:InvoicedQuantity unitCode=\"HUR\">%s</cbc:InvoicedQuantity>", qty);
		amount(b, "cbc:LineExtensionAmount", l->amounts.hours_cents);
		buf_printf(b, "<cac:InvoicePeriod><cbc:StartDate>%s</cbc:StartDate>"
			      "<cbc:EndDate>%s</cbc:EndDate></cac:InvoicePeriod><cac:Item>",
			   a, z);
		char text[400];
		if (l->school[0]) {
			snprintf(text, sizeof text, "Werkzaam bij %s", l->school);
			el(b, "cbc:Description", text);
		}
		snprintf(text, sizeof text, "Detachering %s, %s", l->person, mtext);
		el(b, "cbc:Name", text);
		tax_category(b, "ClassifiedTaxCategory", l->vat.category, l->vat.rate_bp);
		buf_puts(b, "</cac:Item><cac:Price>");
		amount(b, "cbc:PriceAmount", abs_amount);
		buf_printf(b, "<cbc:BaseQuantity unitCode=\"HUR\">%s</cbc:BaseQuantity>", base);
		buf_puts(b, "</cac:Price></cac:InvoiceLine>");
	}
	if (l->km != 0 && l->basis.travel_cents_per_km != 0) {
		char price[32];
		costprice_format(l->basis.travel_cents_per_km, price);
		buf_printf(b, "<cac:InvoiceLine><cbc:ID>%d</cbc:ID>", ++*seq);
		buf_printf(b, "<cbc:InvoicedQuantity unitCode=\"KMT\">%lld</cbc:InvoicedQuantity>",
			   (long long)l->km);
		amount(b, "cbc:LineExtensionAmount", l->amounts.travel_cents);
		buf_printf(b, "<cac:InvoicePeriod><cbc:StartDate>%s</cbc:StartDate>"
			      "<cbc:EndDate>%s</cbc:EndDate></cac:InvoicePeriod><cac:Item>",
			   a, z);
		char text[400];
		snprintf(text, sizeof text, "Reiskosten %s, %s", l->person, mtext);
		el(b, "cbc:Name", text);
		tax_category(b, "ClassifiedTaxCategory", l->vat.category, l->vat.rate_bp);
		buf_printf(b, "</cac:Item><cac:Price><cbc:PriceAmount currencyID=\"EUR\">%s"
			      "</cbc:PriceAmount></cac:Price></cac:InvoiceLine>",
			   price);
	}
}

void ubl_invoice_number(const struct ledger_period *p, const struct ubl_party *seller,
			const struct ubl_party *buyer, char *out, size_t n)
{
	snprintf(out, n, "SAMEN-%s-%s-%s", p->key, seller->number ? seller->number : "",
		 buyer->number ? buyer->number : "");
}

int ubl_invoice(const struct ubl_party *seller, const struct ubl_party *buyer,
		const struct ledger_invoice *inv, const struct ledger_line *lines,
		const struct ledger_period *p, const char *issue_date, const char *due_date,
		struct buf *out, struct samen_err *err)
{
	int rc = check_party(seller, 1, err);
	if (rc == 0)
		rc = check_party(buyer, 0, err);
	if (rc)
		return rc;
	char number[96], start[11], end[11], note[512];
	ubl_invoice_number(p, seller, buyer, number, sizeof number);
	date_format(p->start, start);
	date_format(p->end, end);
	/*
	 * Built in a scratch buffer first and appended to out in one piece, so
	 * out never receives half a document. No single append below is longer
	 * than UBL_MAX_PIECE bytes, so a failed append leaves the scratch buffer
	 * within UBL_MAX_PIECE of its cap: that is how a cut-short document is
	 * recognised.
	 */
	struct buf b;
	buf_init(&b, UBL_SCRATCH_MAX);
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		     "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
		     " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
		     " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n");
	el(&b, "cbc:CustomizationID", UBL_CUSTOMIZATION_ID);
	el(&b, "cbc:ProfileID", UBL_PROFILE_ID);
	el(&b, "cbc:ID", number);
	el(&b, "cbc:IssueDate", issue_date);
	el(&b, "cbc:DueDate", due_date);
	buf_puts(&b, "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>");
	snprintf(note, sizeof note,
		 "Detachering van personeel tegen kostprijs tussen schoolbesturen, periode %s. "
		 "Samen verrekent de bedragen van alle besturen in de regio; betaal volgens het "
		 "saldo-overzicht van deze periode.",
		 p->key);
	el(&b, "cbc:Note", note);
	buf_puts(&b, "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>");
	snprintf(note, sizeof note, "Samen %s %s", p->key, buyer->number ? buyer->number : "");
	el(&b, "cbc:BuyerReference", note);
	buf_printf(&b, "<cac:InvoicePeriod><cbc:StartDate>%s</cbc:StartDate><cbc:EndDate>%s"
		       "</cbc:EndDate></cac:InvoicePeriod>\n",
		   start, end);
	party(&b, "AccountingSupplierParty", seller, 1);
	buf_puts(&b, "\n");
	party(&b, "AccountingCustomerParty", buyer, 0);
	buf_puts(&b, "\n<cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>");
	el(&b, "cbc:PaymentID", number);
	buf_puts(&b, "<cac:PayeeFinancialAccount>");
	el(&b, "cbc:ID", seller->iban);
	buf_puts(&b, "</cac:PayeeFinancialAccount></cac:PaymentMeans><cac:PaymentTerms>");
	el(&b, "cbc:Note", "Verrekening via het regionale saldo-overzicht van Samen.");
	buf_puts(&b, "</cac:PaymentTerms>\n<cac:TaxTotal>");
	amount(&b, "cbc:TaxAmount", inv->vat_cents);
	for (int g = 0; g < inv->ngroups; g++) {
		buf_puts(&b, "<cac:TaxSubtotal>");
		amount(&b, "cbc:TaxableAmount", inv->groups[g].taxable_cents);
		amount(&b, "cbc:TaxAmount", inv->groups[g].vat_cents);
		tax_category(&b, "TaxCategory", inv->groups[g].category, inv->groups[g].rate_bp);
		buf_puts(&b, "</cac:TaxSubtotal>");
	}
	buf_puts(&b, "</cac:TaxTotal>\n<cac:LegalMonetaryTotal>");
	amount(&b, "cbc:LineExtensionAmount", inv->net_cents);
	amount(&b, "cbc:TaxExclusiveAmount", inv->net_cents);
	amount(&b, "cbc:TaxInclusiveAmount", inv->gross_cents);
	amount(&b, "cbc:PayableAmount", inv->gross_cents);
	buf_puts(&b, "</cac:LegalMonetaryTotal>\n");
	int seq = 0;
	for (size_t i = 0; i < inv->nlines; i++) {
		invoice_line(&b, &seq, &lines[inv->lines[i]], p);
		buf_puts(&b, "\n");
	}
	rc = buf_puts(&b, "</Invoice>\n");
	if (rc == 0 && b.len + UBL_MAX_PIECE > UBL_SCRATCH_MAX)
		rc = SAMEN_ETOOBIG;
	if (rc == 0)
		rc = buf_add(out, b.data ? b.data : "", b.len);
	buf_release(&b);
	if (rc)
		return samen_fail(err, rc, rc == SAMEN_ETOOBIG ? "the invoice is too large"
							     : "out of memory");
	return 0;
}
