/*
 * vat.c - the VAT rules 5 to 8 of DOMAIN-RULES.md (see vat.h).
 */
#include "core/vat.h"
#include "core/costprice.h"

bool vat_rule5_conditions_met(const struct vat_conditions *c, enum vat_reason *missing)
{
	enum vat_reason m = VAT_EXEMPT;
	if (!c->lender_applies_exemption)
		m = VAT_MISSING_A;
	else if (!c->exempt_education_use)
		m = VAT_MISSING_B;
	else if (!c->indispensable)
		m = VAT_MISSING_C;
	else if (!c->not_mainly_revenue)
		m = VAT_MISSING_D;
	if (missing)
		*missing = m;
	return m == VAT_EXEMPT;
}

bool vat_rule6_within_cost(int64_t invoiced_cents, int64_t wage_cost_cents, int32_t margin_bp)
{
	/* invoiced <= cost x (10000 + margin) / 10000, compared without division. */
	costprice_i128 lhs = (costprice_i128)invoiced_cents * COSTPRICE_BP;
	costprice_i128 rhs = (costprice_i128)wage_cost_cents * (COSTPRICE_BP + margin_bp);
	return lhs <= rhs;
}

bool vat_rule7_swv_taxed(bool borrower_is_swv, bool education_type_work)
{
	return borrower_is_swv && !education_type_work;
}

bool vat_rule8_koepel_exemption_allowed(enum vat_supply supply, bool at_cost, bool reviewed)
{
	if (supply == VAT_SUPPLY_LENDING)
		return false;
	return supply == VAT_SUPPLY_COORDINATION && at_cost && reviewed;
}

static void taxed(struct vat_decision *out, const struct vat_settings *s, enum vat_reason why,
		  int rule)
{
	out->exempt = false;
	out->category = 'S';
	out->rate_bp = s->rate_bp;
	out->reason = why;
	out->rule = rule;
}

void vat_decide(const struct vat_input *in, const struct vat_settings *s, struct vat_decision *out)
{
	enum vat_reason missing;
	/*
	 * Rule 8 first: through a koepel the lender is not the education
	 * institution, and the koepelvrijstelling never covers lending staff.
	 */
	if (in->via_koepel && !vat_rule8_koepel_exemption_allowed(VAT_SUPPLY_LENDING, true, true)) {
		taxed(out, s, VAT_KOEPEL, 8);
		return;
	}
	if (vat_rule7_swv_taxed(in->borrower_is_swv, in->education_type_work)) {
		taxed(out, s, VAT_SWV, 7);
		return;
	}
	if (!vat_rule5_conditions_met(&in->confirmed, &missing)) {
		taxed(out, s, missing, 5);
		return;
	}
	if (in->have_amounts &&
	    !vat_rule6_within_cost(in->invoiced_cents, in->wage_cost_cents, s->margin_bp)) {
		taxed(out, s, VAT_ABOVE_COST, 6);
		return;
	}
	out->exempt = true;
	out->category = 'E';
	out->rate_bp = 0;
	out->reason = VAT_EXEMPT;
	out->rule = 5;
}

int64_t vat_amount(int64_t taxable_cents, int32_t rate_bp)
{
	return costprice_round_div((costprice_i128)taxable_cents * rate_bp, COSTPRICE_BP);
}

const char *vat_reason_name(enum vat_reason r)
{
	switch (r) {
	case VAT_EXEMPT: return "exempt";
	case VAT_MISSING_A: return "missing_a";
	case VAT_MISSING_B: return "missing_b";
	case VAT_MISSING_C: return "missing_c";
	case VAT_MISSING_D: return "missing_d";
	case VAT_ABOVE_COST: return "above_cost";
	case VAT_SWV: return "swv";
	case VAT_KOEPEL: return "koepel";
	}
	return "unknown";
}
