/*
 * ubl.h - a settlement invoice as a UBL 2.1 Invoice in the Dutch
 * e-invoicing profile (NLCIUS, CustomizationID
 * urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0, with the
 * Peppol BIS Billing 3.0 ProfileID), for the boards' accounting systems.
 *
 * One invoice: one lending board (seller) to one borrowing board (buyer)
 * for one settlement period (core/ledger.h). Each ledger line becomes up
 * to two invoice lines:
 *   - hours: InvoicedQuantity in hours (unit HUR) with the line's hours
 *     amount; the price is stated for a base quantity equal to the hours,
 *     so quantity x price / base quantity is exactly the line amount that
 *     was rounded once (Peppol rule R120 holds to the cent);
 *   - travel: km (unit KMT) at the travel rate per km, exact.
 * Exempt lines carry VAT category E with the exemption reason
 * (VATEX-EU-132-1I and the article of the Wet OB); others category S at the
 * standard rate. VAT per category is the invoice's, rounded once.
 *
 * The document validates against the OASIS UBL 2.1 schema
 * (maindoc/UBL-Invoice-2.1.xsd); element order follows the schema. The
 * NLCIUS/Peppol business rules need a KvK number (scheme 0106), a postal
 * address and, because the invoice carries VAT categories, the seller's
 * VAT number; ubl_invoice refuses a party without them, naming the board
 * and the field.
 */
#ifndef SAMEN_UBL_H
#define SAMEN_UBL_H

#include <stddef.h>

#include "core/ledger.h"
#include "util/buf.h"
#include "util/err.h"

#define UBL_CUSTOMIZATION_ID "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0"
#define UBL_PROFILE_ID "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"

/* A board as seller or buyer (borrowed strings). */
struct ubl_party {
	const char *name;
	const char *number;   /* bestuursnummer, used in the invoice number */
	const char *kvk;      /* 8 digits, scheme 0106 */
	const char *vat_id;   /* "NL...B01"; required for the seller */
	const char *iban;     /* the seller's account for the payment means */
	const char *street, *postcode, *city;
	const char *email;    /* may be "" */
};

/*
 * The invoice number of a settlement invoice: "SAMEN-<period>-<seller
 * number>-<buyer number>", e.g. "SAMEN-2026-10-41873-42316", into out
 * (n bytes).
 */
void ubl_invoice_number(const struct ledger_period *p, const struct ubl_party *seller,
			const struct ubl_party *buyer, char *out, size_t n);

/*
 * Append invoice `inv` (whose lines index into `lines`) for period p as a
 * UBL 2.1 Invoice document to out. issue_date and due_date are
 * "YYYY-MM-DD". Errors: SAMEN_EINVAL naming the party field that is
 * missing (kvk, vat_id, iban, street, postcode, city); SAMEN_ETOOBIG when
 * out's cap is reached.
 */
int ubl_invoice(const struct ubl_party *seller, const struct ubl_party *buyer,
		const struct ledger_invoice *inv, const struct ledger_line *lines,
		const struct ledger_period *p, const char *issue_date, const char *due_date,
		struct buf *out, struct samen_err *err);

#endif
