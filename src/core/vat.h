/*
 * vat.h - the VAT (btw) check of a secondment, DOMAIN-RULES rules 5 to 8.
 *
 * Making staff available is a VAT-taxed supply (21 %), unless the lending
 * of (teaching) staff between education institutions meets the conditions
 * of the education exemption, art. 11(1)(o) Wet OB, as set out in the
 * Besluit omzetbelasting terbeschikkingstelling personeel section 6.3 (in
 * force from 15-06-2024). Each rule is one named function with its number:
 *
 *   rule 5  exempt only if all four conditions are confirmed:
 *           a) the lender applies the education exemption to its own main activity;
 *           b) the borrower uses the person for exempt education;
 *           c) the loan is indispensable for that education;
 *           d) the loan is not mainly meant to earn extra revenue.
 *   rule 6  if the invoiced amount exceeds the gross wage costs x (1 + the
 *           allowed margin) for the period, the exemption is cleared.
 *           The margin ("maximaal 5%") is [UNCERTAIN] and therefore a
 *           setting (ledger setting vat.margin_bp, default 500) with its note.
 *   rule 7  a loan to a samenwerkingsverband passend onderwijs is taxed
 *           unless the work is marked as education-type work.
 *   rule 8  lending staff through a cooperative body (koepel) is never
 *           exempt under the koepelvrijstelling; only a pool body's
 *           coordination service charged at cost may be exempt after review.
 *
 * The decision is a plain function of recorded facts; it never guesses.
 * Amounts follow costprice.h: integer cents, basis points.
 */
#ifndef SAMEN_VAT_H
#define SAMEN_VAT_H

#include <stdbool.h>
#include <stdint.h>

/* The four conditions of rule 5, each confirmed (true) or not. */
struct vat_conditions {
	bool lender_applies_exemption; /* a */
	bool exempt_education_use;     /* b */
	bool indispensable;            /* c */
	bool not_mainly_revenue;       /* d */
};

/* What kind of supply the koepel question is asked about (rule 8). */
enum vat_supply {
	VAT_SUPPLY_LENDING = 1,      /* making staff available */
	VAT_SUPPLY_COORDINATION = 2, /* a pool body's coordination / matching service */
};

/* Why a secondment is exempt or taxed; one reason per decision. */
enum vat_reason {
	VAT_EXEMPT = 0,             /* all conditions hold: category E */
	VAT_MISSING_A = 1,          /* rule 5a not confirmed */
	VAT_MISSING_B = 2,          /* rule 5b not confirmed */
	VAT_MISSING_C = 3,          /* rule 5c not confirmed */
	VAT_MISSING_D = 4,          /* rule 5d not confirmed */
	VAT_ABOVE_COST = 5,         /* rule 6: invoiced above wage costs + margin */
	VAT_SWV = 6,                /* rule 7: borrower is a samenwerkingsverband */
	VAT_KOEPEL = 7,             /* rule 8: lent through a cooperative body */
};

/* The facts of one secondment (and, for rule 6, one period's amounts). */
struct vat_input {
	struct vat_conditions confirmed;
	bool borrower_is_swv;       /* rule 7 */
	bool education_type_work;   /* rule 7's exception, recorded after review */
	bool via_koepel;            /* rule 8 */
	bool have_amounts;          /* false: no period amounts yet, rule 6 not applied */
	int64_t invoiced_cents;     /* rule 6: what is charged for the period */
	int64_t wage_cost_cents;    /* rule 6: gross wage costs of the period */
};

/* Settings that carry legal uncertainty (store/ledger.h keeps them with their notes). */
struct vat_settings {
	int32_t rate_bp;    /* standard rate: 2100 (21 %) */
	int32_t margin_bp;  /* rule 6 margin: 500 (5 %) [UNCERTAIN] */
};

struct vat_decision {
	bool exempt;
	char category;       /* 'E' (exempt) or 'S' (standard rate), as in EN 16931 / UNCL5305 */
	int32_t rate_bp;     /* 0 for E */
	enum vat_reason reason;
	int rule;            /* the DOMAIN-RULES number that decided (5, 6, 7 or 8) */
};

/*
 * Rule 5: true when all four conditions are confirmed. When not, *missing
 * (may be NULL) receives the first missing one (VAT_MISSING_A..D).
 */
bool vat_rule5_conditions_met(const struct vat_conditions *c, enum vat_reason *missing);

/*
 * Rule 6: true when invoiced <= wage_cost x (1 + margin), exactly in
 * integers (no rounding). A period without wage costs but with an invoiced
 * amount is above cost.
 */
bool vat_rule6_within_cost(int64_t invoiced_cents, int64_t wage_cost_cents, int32_t margin_bp);

/* Rule 7: true when the loan is taxed because the borrower is an SWV. */
bool vat_rule7_swv_taxed(bool borrower_is_swv, bool education_type_work);

/*
 * Rule 8: may the koepelvrijstelling be applied? Never for lending staff;
 * for a coordination service only when it is charged at cost and was
 * reviewed.
 */
bool vat_rule8_koepel_exemption_allowed(enum vat_supply supply, bool at_cost, bool reviewed);

/*
 * The decision for one secondment: taxed by rule 8 (via a koepel), rule 7
 * (SWV), rule 5 (a condition missing) or rule 6 (above cost), in that
 * order; otherwise exempt (category E, rate 0).
 */
void vat_decide(const struct vat_input *in, const struct vat_settings *s, struct vat_decision *out);

/* VAT on a taxable amount: taxable x rate, rounded once, halves away from zero. */
int64_t vat_amount(int64_t taxable_cents, int32_t rate_bp);

/* Short English name of a reason ("exempt", "missing_a", "above_cost", ...), for JSON and CSV. */
const char *vat_reason_name(enum vat_reason r);

/*
 * The exemption text an exempt invoice states (Dutch, with the legal
 * basis) and its code from the CEF VATEX list (VATEX-EU-132-1I: education
 * and closely related services, art. 132(1)(i) VAT Directive).
 */
#define VAT_EXEMPTION_TEXT \
	"Vrijgesteld van btw: art. 11 lid 1 onderdeel o Wet OB (onderwijs; terbeschikkingstelling " \
	"personeel, Besluit terbeschikkingstelling personeel par. 6.3)"
#define VAT_EXEMPTION_CODE "VATEX-EU-132-1I"

#endif
