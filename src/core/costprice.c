/*
 * costprice.c - cost price of seconded hours in integer cents (see
 * costprice.h for the units, the formulas and the rounding rule).
 */
#include "core/costprice.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int64_t costprice_round_div(costprice_i128 num, costprice_i128 den)
{
	/* Halves away from zero: |num| / den + (2 * remainder >= den). */
	bool neg = num < 0;
	costprice_i128 a = neg ? -num : num;
	costprice_i128 q = a / den, r = a % den;
	if (2 * r >= den)
		q++;
	return (int64_t)(neg ? -q : q);
}

int costprice_basis_check(const struct costprice_basis *b, struct samen_err *err)
{
	if (b->monthly_cents <= 0 || b->monthly_cents > COSTPRICE_MAX_MONTHLY_CENTS)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "monthly_cents",
				     "a monthly salary must be more than 0 and at most %lld cents",
				     (long long)COSTPRICE_MAX_MONTHLY_CENTS);
	if (b->charges_bp < 0 || b->charges_bp > COSTPRICE_MAX_BP)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "charges",
				     "the employer-charges percentage must be 0 to 200 %%");
	if (b->margin_bp < 0 || b->margin_bp > COSTPRICE_MAX_BP)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "margin",
				     "the margin must be 0 to 200 %%");
	if (b->travel_cents_per_km < 0 || b->travel_cents_per_km > COSTPRICE_MAX_CENTS_PER_KM)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "travel",
				     "the travel allowance must be 0 to %d cents per km",
				     COSTPRICE_MAX_CENTS_PER_KM);
	return 0;
}

int costprice_line(const struct costprice_basis *b, int64_t centihours, int64_t km,
		   struct costprice_amounts *out, struct samen_err *err)
{
	int rc = costprice_basis_check(b, err);
	if (rc)
		return rc;
	if (centihours > COSTPRICE_MAX_CENTIHOURS || centihours < -COSTPRICE_MAX_CENTIHOURS)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "hours", "too many hours on one line");
	if (km > COSTPRICE_MAX_KM || km < -COSTPRICE_MAX_KM)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "km", "too many km on one line");
	/*
	 * hours x monthly x 12 / 1659, with hours in hundredths: the common
	 * denominator is 100 x 1659, times 10000 for each percentage applied.
	 * Largest numerator: 1e8 x 1e7 x 12 x 3e4 x 3e4 = 1.08e24 < 2^127.
	 */
	costprice_i128 base = (costprice_i128)centihours * b->monthly_cents * COSTPRICE_MONTHS_PER_YEAR;
	costprice_i128 den = (costprice_i128)100 * COSTPRICE_HOURS_PER_FTE;
	costprice_i128 charged = base * (COSTPRICE_BP + b->charges_bp);
	out->wage_cents = costprice_round_div(base, den);
	out->cost_cents = costprice_round_div(charged, den * COSTPRICE_BP);
	out->hours_cents = costprice_round_div(charged * (COSTPRICE_BP + b->margin_bp),
					       den * COSTPRICE_BP * COSTPRICE_BP);
	out->travel_cents = km * b->travel_cents_per_km;
	out->total_cents = out->hours_cents + out->travel_cents;
	return 0;
}

int64_t costprice_hourly_wage_cents(int64_t monthly_cents)
{
	return costprice_round_div((costprice_i128)monthly_cents * COSTPRICE_MONTHS_PER_YEAR,
				   COSTPRICE_HOURS_PER_FTE);
}

int64_t costprice_hourly_rate_cents(const struct costprice_basis *b)
{
	costprice_i128 num = (costprice_i128)b->monthly_cents * COSTPRICE_MONTHS_PER_YEAR *
			     (COSTPRICE_BP + b->charges_bp) * (COSTPRICE_BP + b->margin_bp);
	return costprice_round_div(num, (costprice_i128)COSTPRICE_HOURS_PER_FTE * COSTPRICE_BP *
						COSTPRICE_BP);
}

int costprice_salary_lookup(const struct costprice_salary *rows, size_t n, const char *scale,
			    int step, int *used_step, int64_t *monthly_cents,
			    struct samen_err *err)
{
	const struct costprice_salary *exact = NULL, *lo = NULL, *hi = NULL;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(rows[i].scale, scale) != 0)
			continue;
		if (rows[i].step == step)
			exact = &rows[i];
		if (!lo || rows[i].step < lo->step)
			lo = &rows[i];
		if (!hi || rows[i].step > hi->step)
			hi = &rows[i];
	}
	if (!lo)
		return samen_fail_at(err, SAMEN_ENOTFOUND, 0, "scale",
				     "the salary table has no scale %.8s", scale);
	const struct costprice_salary *use = exact ? exact : step > hi->step ? hi : step < lo->step ? lo : NULL;
	if (!use)
		return samen_fail_at(err, SAMEN_ENOTFOUND, 0, "step",
				     "the salary table has no step %d in scale %.8s", step, scale);
	*used_step = use->step;
	*monthly_cents = use->monthly_cents;
	return 0;
}

int64_t costprice_raise(int64_t monthly_cents, int32_t raise_bp)
{
	return costprice_round_div((costprice_i128)monthly_cents * (COSTPRICE_BP + raise_bp),
				   COSTPRICE_BP);
}

void costprice_format(int64_t cents, char out[32])
{
	unsigned long long a = cents < 0 ? (unsigned long long)(-(cents + 1)) + 1 : (unsigned long long)cents;
	snprintf(out, 32, "%s%llu.%02llu", cents < 0 ? "-" : "", a / 100, a % 100);
}

/*
 * Parse a non-negative (or, with allow_neg, signed) decimal with at most
 * two decimals, '.' or ',' as separator, into hundredths.
 */
static int parse_hundredths(const char *s, bool allow_neg, int64_t max, int64_t *out)
{
	if (!s)
		return SAMEN_EINVAL;
	while (isspace((unsigned char)*s))
		s++;
	bool neg = false;
	if (*s == '-' || *s == '+') {
		neg = *s == '-';
		s++;
	}
	if (neg && !allow_neg)
		return SAMEN_EINVAL;
	int64_t whole = 0;
	int digits = 0;
	for (; isdigit((unsigned char)*s); s++, digits++) {
		if (whole > max / 10)
			return SAMEN_EINVAL;
		whole = whole * 10 + (*s - '0');
	}
	int64_t frac = 0;
	int fd = 0;
	if (*s == '.' || *s == ',') {
		s++;
		for (; isdigit((unsigned char)*s); s++, fd++) {
			if (fd >= 2)
				return SAMEN_EINVAL;
			frac = frac * 10 + (*s - '0');
		}
		if (fd == 0)
			return SAMEN_EINVAL;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s || (digits == 0 && fd == 0))
		return SAMEN_EINVAL;
	if (fd == 1)
		frac *= 10;
	if (whole > (max - frac) / 100)
		return SAMEN_EINVAL;
	int64_t v = whole * 100 + frac;
	*out = neg ? -v : v;
	return 0;
}

int costprice_parse_euros(const char *s, int64_t *cents)
{
	return parse_hundredths(s, false, COSTPRICE_MAX_MONTHLY_CENTS * 1000, cents);
}

int costprice_parse_hours(const char *s, int64_t *centihours)
{
	return parse_hundredths(s, false, COSTPRICE_MAX_CENTIHOURS, centihours);
}

int costprice_parse_percent(const char *s, int32_t *bp)
{
	int64_t v;
	int rc = parse_hundredths(s, false, COSTPRICE_MAX_BP, &v);
	if (rc == 0)
		*bp = (int32_t)v;
	return rc;
}
