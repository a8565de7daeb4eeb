/*
 * test_ubl.c - settlement invoices as UBL 2.1 (formats/ubl.c): the
 * document validates against the OASIS UBL 2.1 Invoice schema with
 * xmllint (tests/fixtures/ubl-2.1), carries the NLCIUS customization, VAT
 * category E with its exemption reason, S at 21 %, amounts to the cent,
 * and refuses a party without the data the Dutch profile needs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats/ubl.h"

#define XSD SAMEN_SOURCE_DIR "/tests/fixtures/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd"

static const struct ubl_party seller = {"Stichting VO Kennemerland-Noord & Co", "41873", "41234567",
					"NL001234567B01", "NL91ABNA0417164300", "Duinroosweg 12",
					"1901 KJ", "Castricum", "administratie@example.nl"};
static const struct ubl_party buyer = {"Stichting OSG Alkmaar", "42316", "37654321", "", "",
				       "Kennemerstraatweg 1", "1814 GA", "Alkmaar", ""};

static struct ledger_line line(int64_t sec, int64_t hours, int64_t km, char cat)
{
	struct ledger_line l;
	memset(&l, 0, sizeof l);
	l.secondment_id = sec;
	l.lender_id = 1;
	l.borrower_id = 2;
	snprintf(l.month, sizeof l.month, "2026-10");
	snprintf(l.person, sizeof l.person, "Sanne <de Vries>");
	snprintf(l.school, sizeof l.school, "Duinzicht College");
	snprintf(l.scale, sizeof l.scale, "LB");
	l.step = 5;
	l.centihours = hours;
	l.km = km;
	l.basis = (struct costprice_basis){400000, 3000, 0, 20};
	struct vat_input facts = {.confirmed = {true, true, true, true}};
	if (cat == 'S')
		facts.confirmed.indispensable = false;
	struct vat_settings vs = {2100, 500};
	assert_int_equal(ledger_line_price(&l, &facts, &vs, NULL), 0);
	return l;
}

static int validate(const char *xml)
{
	char path[] = "/tmp/test_ubl_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(xml, f);
	fclose(f);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "xmllint --noout --schema '%s' '%s' 2>/tmp/test_ubl.log", XSD, path);
	int rc = system(cmd);
	if (rc != 0) {
		char log[2048] = "";
		FILE *lf = fopen("/tmp/test_ubl.log", "r");
		if (lf) {
			size_t n = fread(log, 1, sizeof log - 1, lf);
			log[n] = '\0';
			fclose(lf);
		}
		print_error("xmllint: %s\n", log);
	}
	unlink(path);
	return rc;
}

/*
 * Lines: 36,00 h exempt with 200 km; 10,00 h taxed; a correction of -2,00 h
 * exempt. Hours amounts at 4.000,00 / month, 30 % charges:
 *   3600 -> 135 407 + travel 4 000; 1000 -> 37 613; -200 -> -7 523.
 * E taxable 135 407 + 4 000 - 7 523 = 131 884; S taxable 37 613, VAT 7 898,73 -> 7 899.
 */
static void test_invoice_validates(void **state)
{
	(void)state;
	struct ledger_line lines[3] = {line(1, 3600, 200, 'E'), line(2, 1000, 0, 'S'),
				       line(1, -200, 0, 'E')};
	assert_int_equal(lines[0].amounts.hours_cents, 135407);
	assert_int_equal(lines[1].amounts.hours_cents, 37613);
	assert_int_equal(lines[2].amounts.hours_cents, -7523);
	struct ledger_invoice *inv;
	size_t ninv;
	struct samen_err err;
	assert_int_equal(ledger_invoices(lines, 3, &inv, &ninv, &err), 0);
	assert_int_equal(ninv, 1);
	assert_int_equal(inv[0].vat_cents, 7899);
	struct ledger_period p;
	assert_int_equal(ledger_period_parse("2026-10", &p, &err), 0);
	struct buf b;
	buf_init(&b, 1 << 20);
	assert_int_equal(ubl_invoice(&seller, &buyer, &inv[0], lines, &p, "2026-11-03", "2026-12-03",
				     &b, &err), 0);
	const char *x = buf_str(&b);
	assert_int_equal(validate(x), 0);
	assert_non_null(strstr(x, "<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#"
				  "urn:fdc:nen.nl:nlcius:v1.0</cbc:CustomizationID>"));
	assert_non_null(strstr(x, "<cbc:ID>SAMEN-2026-10-41873-42316</cbc:ID>"));
	assert_non_null(strstr(x, "<cbc:TaxExemptionReasonCode>VATEX-EU-132-1I</cbc:TaxExemptionReasonCode>"));
	assert_non_null(strstr(x, "<cbc:TaxableAmount currencyID=\"EUR\">1318.84</cbc:TaxableAmount>"));
	assert_non_null(strstr(x, "<cbc:TaxableAmount currencyID=\"EUR\">376.13</cbc:TaxableAmount>"));
	assert_non_null(strstr(x, "<cbc:TaxAmount currencyID=\"EUR\">78.99</cbc:TaxAmount>"));
	assert_non_null(strstr(x, "<cbc:PayableAmount currencyID=\"EUR\">1773.96</cbc:PayableAmount>"));
	assert_non_null(strstr(x, "<cbc:InvoicedQuantity unitCode=\"KMT\">200</cbc:InvoicedQuantity>"));
	assert_non_null(strstr(x, "<cbc:InvoicedQuantity unitCode=\"HUR\">-2.00</cbc:InvoicedQuantity>"));
	/* Names are escaped. */
	assert_non_null(strstr(x, "Sanne &lt;de Vries&gt;"));
	assert_non_null(strstr(x, "Kennemerland-Noord &amp; Co"));
	/* Every hours line: quantity x price / base quantity is the line amount, exactly. */
	assert_non_null(strstr(x, "<cbc:PriceAmount currencyID=\"EUR\">75.23</cbc:PriceAmount>"
				  "<cbc:BaseQuantity unitCode=\"HUR\">2.00</cbc:BaseQuantity>"));
	buf_release(&b);
	ledger_invoices_free(inv, ninv);
}

static void test_missing_party_data_refused(void **state)
{
	(void)state;
	struct ledger_line l = line(1, 100, 0, 'S');
	struct ledger_invoice *inv;
	size_t ninv;
	struct samen_err err;
	assert_int_equal(ledger_invoices(&l, 1, &inv, &ninv, &err), 0);
	struct ledger_period p;
	assert_int_equal(ledger_period_parse("2026-Q4", &p, &err), 0);
	struct buf b;
	buf_init(&b, 1 << 20);
	struct ubl_party s = seller;
	s.vat_id = "";
	assert_int_equal(ubl_invoice(&s, &buyer, &inv[0], &l, &p, "2027-01-04", "2027-02-03", &b, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "vat_id");
	assert_non_null(strstr(err.msg, "Kennemerland-Noord"));
	struct ubl_party bu = buyer;
	bu.kvk = "";
	assert_int_equal(ubl_invoice(&seller, &bu, &inv[0], &l, &p, "2027-01-04", "2027-02-03", &b, &err),
			 SAMEN_EINVAL);
	assert_string_equal(err.field, "kvk");
	assert_int_equal(b.len, 0);
	/* A quarter invoice validates too. */
	assert_int_equal(ubl_invoice(&seller, &buyer, &inv[0], &l, &p, "2027-01-04", "2027-02-03", &b,
				     &err), 0);
	assert_int_equal(validate(buf_str(&b)), 0);
	assert_non_null(strstr(buf_str(&b), "<cbc:StartDate>2026-10-01</cbc:StartDate><cbc:EndDate>"
					    "2026-12-31</cbc:EndDate>"));
	buf_release(&b);
	ledger_invoices_free(inv, ninv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invoice_validates),
		cmocka_unit_test(test_missing_party_data_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
