/*
 * secondment.c - rules, agreement state, reminders and hours of a
 * secondment (see secondment.h).
 */
#include "core/secondment.h"
#include "core/costprice.h"
#include "core/ledger.h"
#include "util/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static int popcount5(unsigned mask)
{
	int n = 0;
	for (int i = 0; i < 5; i++)
		n += (mask >> i) & 1;
	return n;
}

int secondment_validate(const struct secondment *s, struct samen_err *err)
{
	if (s->lender_board_id <= 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lender", "the lending board is missing");
	if (s->borrower_board_id <= 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "borrower", "the borrowing board is missing");
	if (s->person_id <= 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "person", "the person is missing");
	if (s->lender_board_id == s->borrower_board_id)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "borrower",
				     "a person cannot be seconded to their own board (rule 1: "
				     "lender and borrower must differ)");
	if (s->start <= 0 || s->end <= 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, s->start <= 0 ? "start" : "end",
				     "start and end date are required");
	if (s->end < s->start)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "end",
				     "the end date lies before the start date");
	int y, m, d;
	date_civil(s->start, &y, &m, &d);
	if (!date_valid(y + SECONDMENT_MAX_YEARS, m, d == 29 && m == 2 ? 28 : d) ||
	    s->end > date_days(y + SECONDMENT_MAX_YEARS, m, d == 29 && m == 2 ? 28 : d))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "end",
				     "a secondment can last at most %d years", SECONDMENT_MAX_YEARS);
	if (s->hours_per_week <= 0 || s->hours_per_week > SECONDMENT_MAX_HOURS_PER_WEEK)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "hours_per_week",
				     "hours per week must be more than 0 and at most %d",
				     SECONDMENT_MAX_HOURS_PER_WEEK / 100);
	if ((s->weekdays & SECONDMENT_ALL_WEEKDAYS) == 0 || (s->weekdays & ~SECONDMENT_ALL_WEEKDAYS))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "weekdays",
				     "choose one or more working days from Monday to Friday");
	if (s->margin_bp < 0 || s->margin_bp > COSTPRICE_BP)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "margin", "the margin must be 0 to 100 %%");
	if (s->km_per_week < 0 || s->km_per_week > 10000)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "km_per_week",
				     "km per week must be 0 to 10000");
	if (blank(s->function_title))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "function_title",
				     "the function at the borrowing board is required");
	if (blank(s->purpose))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "purpose",
				     "describe the work (purpose of the secondment)");
	return 0;
}

int64_t secondment_hours_per_year(int64_t hours_per_week, int weeks_per_year)
{
	return hours_per_week * weeks_per_year;
}

double secondment_wtf(int64_t hours_per_week, int weeks_per_year)
{
	/* Rule 11: werktijdfactor = hours per year / 1659. */
	return (double)secondment_hours_per_year(hours_per_week, weeks_per_year) / 100.0 /
	       COSTPRICE_HOURS_PER_FTE;
}

bool secondment_signed(const struct secondment *s)
{
	return s->sign[SECONDMENT_LENDER].set && s->sign[SECONDMENT_BORROWER].set &&
	       s->sign[SECONDMENT_EMPLOYEE].set;
}

bool secondment_agreed(const struct secondment *s)
{
	return secondment_signed(s) && s->consent.set;
}

struct vat_conditions secondment_vat_conditions(const struct secondment *s)
{
	return (struct vat_conditions){s->vat[0].set, s->vat[1].set, s->vat[2].set, s->vat[3].set};
}

void secondment_vat_facts(const struct secondment *s, bool borrower_is_swv, struct vat_input *out)
{
	memset(out, 0, sizeof *out);
	out->confirmed = secondment_vat_conditions(s);
	out->borrower_is_swv = borrower_is_swv;
	out->education_type_work = s->education_type_work;
	out->via_koepel = s->via_koepel;
}

enum secondment_state secondment_state(const struct secondment *s, long today)
{
	if (today > s->end)
		return SECONDMENT_ENDED;
	bool any = s->sign[0].set || s->sign[1].set || s->sign[2].set || s->consent.set;
	if (!any)
		return SECONDMENT_DRAFT;
	if (!secondment_agreed(s))
		return SECONDMENT_SIGNING;
	return today >= s->start ? SECONDMENT_ACTIVE : SECONDMENT_AGREED;
}

const char *secondment_state_name(enum secondment_state st)
{
	switch (st) {
	case SECONDMENT_DRAFT: return "draft";
	case SECONDMENT_SIGNING: return "signing";
	case SECONDMENT_AGREED: return "agreed";
	case SECONDMENT_ACTIVE: return "active";
	case SECONDMENT_ENDED: return "ended";
	}
	return "unknown";
}

/* day minus `months` calendar months; the day of month is clamped to the month's end. */
static long minus_months(long day, int months)
{
	int y, m, d;
	date_civil(day, &y, &m, &d);
	m -= months;
	while (m < 1) {
		m += 12;
		y--;
	}
	while (!date_valid(y, m, d))
		d--;
	return date_days(y, m, d);
}

long secondment_extension_due(long end)
{
	return minus_months(end, SECONDMENT_EXTENSION_MONTHS);
}

int secondment_reminders(const struct secondment *s, long today, int review_months,
			 bool borrower_is_swv, struct secondment_reminder out[5])
{
	int n = 0;
	if (today > s->end)
		return 0;
	long due = secondment_extension_due(s->end);
	if (today >= due)
		out[n++] = (struct secondment_reminder){SECONDMENT_REMIND_EXTENSION, due, 4};
	if (!s->consent.set)
		out[n++] = (struct secondment_reminder){SECONDMENT_REMIND_CONSENT, s->start, 3};
	if (!secondment_signed(s))
		out[n++] = (struct secondment_reminder){SECONDMENT_REMIND_AGREEMENT, s->start, 2};
	struct vat_conditions c = secondment_vat_conditions(s);
	if (!s->via_koepel && !vat_rule7_swv_taxed(borrower_is_swv, s->education_type_work) &&
	    !vat_rule5_conditions_met(&c, NULL))
		out[n++] = (struct secondment_reminder){SECONDMENT_REMIND_VAT, s->start, 5};
	if (review_months > 0 && minus_months(s->end, review_months) > s->start)
		out[n++] = (struct secondment_reminder){SECONDMENT_REMIND_VAT_REVIEW, s->start, 5};
	return n;
}

const char *secondment_reminder_name(enum secondment_reminder_kind k)
{
	switch (k) {
	case SECONDMENT_REMIND_EXTENSION: return "extension";
	case SECONDMENT_REMIND_CONSENT: return "consent";
	case SECONDMENT_REMIND_AGREEMENT: return "agreement";
	case SECONDMENT_REMIND_VAT: return "vat";
	case SECONDMENT_REMIND_VAT_REVIEW: return "vat_review";
	}
	return "unknown";
}

static bool on_weekday(unsigned mask, long day)
{
	int wd = date_weekday(day); /* 1 = Monday */
	return wd <= 5 && ((mask >> (wd - 1)) & 1);
}

void secondment_planned(const struct secondment *s, long from, long to,
			secondment_schoolday_fn fn, void *ctx, int64_t *centihours, long *days)
{
	long a = from > s->start ? from : s->start, b = to < s->end ? to : s->end;
	long count = 0;
	for (long d = a; d <= b; d++)
		if (on_weekday(s->weekdays, d) && fn(ctx, s->borrower_school_id, d, NULL, 0))
			count++;
	int per_week = popcount5(s->weekdays);
	*days = count;
	*centihours = per_week ? costprice_round_div((costprice_i128)count * s->hours_per_week, per_week)
			       : 0;
}

int64_t secondment_planned_km(const struct secondment *s, long planned_days)
{
	int per_week = popcount5(s->weekdays);
	return per_week ? costprice_round_div((costprice_i128)planned_days * s->km_per_week, per_week)
			: 0;
}

/* School days in [a, b] (any weekday the calendar accepts). */
static long school_days(const struct secondment *s, long a, long b, secondment_schoolday_fn fn,
			void *ctx)
{
	long n = 0;
	for (long d = a; d <= b; d++)
		if (fn(ctx, s->borrower_school_id, d, NULL, 0))
			n++;
	return n;
}

int secondment_entry_check(const struct secondment *s, const struct secondment_entry *e,
			   bool correction, secondment_schoolday_fn fn, void *ctx,
			   struct samen_err *err)
{
	char a[11], b[11];
	if (!secondment_signed(s))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "secondment",
				     "hours can be registered only after all three parties agreed "
				     "(rule 2)");
	if (!s->consent.set)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "secondment",
				     "hours can be registered only after the employee's consent is "
				     "recorded (rule 3)");
	if (e->centihours < 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "hours", "hours cannot be negative");
	if (e->km < 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "km", "km cannot be negative");
	if (e->centihours == 0 && !correction)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "hours", "hours must be more than 0");
	if (e->from <= 0 || e->to < e->from)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "date", "the dates are missing or reversed");
	char ma[8], mb[8];
	ledger_month_key(e->from, ma);
	ledger_month_key(e->to, mb);
	if (strcmp(ma, mb) != 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "date",
				     "an entry must lie within one month; register the parts of %s "
				     "and %s separately",
				     ma, mb);
	if (e->from < s->start || e->to > s->end) {
		date_format(s->start, a);
		date_format(s->end, b);
		return samen_fail_at(err, SAMEN_EINVAL, 0, "date",
				     "the hours fall outside the secondment's dates (%s to %s)", a, b);
	}
	char why[64] = "";
	if (e->from == e->to) {
		if (!fn(ctx, s->borrower_school_id, e->from, why, sizeof why)) {
			date_format(e->from, a);
			return samen_fail_at(err, SAMEN_EINVAL, 0, "date",
					     "%s is not a school day (%s): no hours on holidays or "
					     "weekends",
					     a, why[0] ? why : "no school");
		}
	}
	long n = school_days(s, e->from, e->to, fn, ctx);
	if (n == 0) {
		date_format(e->from, a);
		date_format(e->to, b);
		return samen_fail_at(err, SAMEN_EINVAL, 0, "date",
				     "%s to %s holds no school day (holidays or weekend): no hours "
				     "can fall there",
				     a, b);
	}
	if (e->centihours > n * SECONDMENT_MAX_HOURS_PER_DAY)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "hours",
				     "%lld.%02lld hours is more than %d hours on each of the %ld "
				     "school days",
				     (long long)(e->centihours / 100), (long long)(e->centihours % 100),
				     SECONDMENT_MAX_HOURS_PER_DAY / 100, n);
	return 0;
}

int secondment_iso_monday(int year, int week, long *monday)
{
	if (year < 1901 || year > 2198 || week < 1 || week > 53)
		return SAMEN_EINVAL;
	/* Week 1 holds 4 January. */
	long jan4 = date_days(year, 1, 4);
	long w1 = jan4 - (date_weekday(jan4) - 1);
	long m = w1 + 7L * (week - 1);
	/* Week 53 exists only when the next year's week 1 starts later. */
	long next4 = date_days(year + 1, 1, 4);
	long next_w1 = next4 - (date_weekday(next4) - 1);
	if (m >= next_w1)
		return SAMEN_EINVAL;
	*monday = m;
	return 0;
}

int secondment_week_entries(const struct secondment *s, int year, int week, int64_t centihours,
			    int64_t km, secondment_schoolday_fn fn, void *ctx,
			    struct secondment_entry parts[2], int *nparts, struct samen_err *err)
{
	long monday;
	*nparts = 0;
	if (secondment_iso_monday(year, week, &monday))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "week", "%d has no week %d", year, week);
	if (centihours < 0 || km < 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, centihours < 0 ? "hours" : "km",
				     "%s cannot be negative", centihours < 0 ? "hours" : "km");
	long a = monday > s->start ? monday : s->start;
	long b = monday + 6 < s->end ? monday + 6 : s->end;
	if (a > b)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "week",
				     "week %d of %d lies outside the secondment's dates", week, year);
	/* Split at a month boundary. */
	long ranges[2][2];
	int nr = 0;
	char m1[8], m2[8];
	ledger_month_key(a, m1);
	ledger_month_key(b, m2);
	if (strcmp(m1, m2) == 0) {
		ranges[nr][0] = a, ranges[nr][1] = b, nr++;
	} else {
		long first, last;
		ledger_month_range(m2, &first, &last);
		ranges[nr][0] = a, ranges[nr][1] = first - 1, nr++;
		ranges[nr][0] = first, ranges[nr][1] = b, nr++;
	}
	long days[2] = {0, 0}, total = 0;
	for (int i = 0; i < nr; i++)
		total += days[i] = school_days(s, ranges[i][0], ranges[i][1], fn, ctx);
	if (total == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "week",
				     "week %d of %d has no school day within the secondment "
				     "(holiday): no hours can fall there",
				     week, year);
	int64_t hours_left = centihours, km_left = km;
	long days_left = total;
	for (int i = 0; i < nr; i++) {
		if (days[i] == 0)
			continue;
		int64_t h = days[i] == days_left ? hours_left
			: costprice_round_div((costprice_i128)centihours * days[i], total);
		int64_t k = days[i] == days_left ? km_left
			: costprice_round_div((costprice_i128)km * days[i], total);
		parts[(*nparts)++] = (struct secondment_entry){ranges[i][0], ranges[i][1], h, k};
		hours_left -= h;
		km_left -= k;
		days_left -= days[i];
	}
	return 0;
}

int secondment_month_entry(const struct secondment *s, const char *month, int64_t centihours,
			   int64_t km, struct secondment_entry *out, struct samen_err *err)
{
	long first, last;
	if (ledger_month_range(month, &first, &last))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "month",
				     "'%.10s' is not a month (YYYY-MM)", month ? month : "");
	long a = first > s->start ? first : s->start, b = last < s->end ? last : s->end;
	if (a > b)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "month",
				     "%s lies outside the secondment's dates", month);
	*out = (struct secondment_entry){a, b, centihours, km};
	return 0;
}

static const char *const day_nl[5] = {"ma", "di", "wo", "do", "vr"};
static const char *const day_en[5] = {"mon", "tue", "wed", "thu", "fri"};

static int day_index(const char *p, size_t len)
{
	for (int i = 0; i < 5; i++)
		if ((len == strlen(day_nl[i]) && strncasecmp(p, day_nl[i], len) == 0) ||
		    (len == strlen(day_en[i]) && strncasecmp(p, day_en[i], len) == 0))
			return i;
	return -1;
}

unsigned secondment_weekdays_parse(const char *s)
{
	unsigned mask = 0;
	if (!s)
		return 0;
	while (*s) {
		while (*s == ',' || isspace((unsigned char)*s))
			s++;
		if (!*s)
			break;
		const char *start = s;
		while (*s && *s != ',' && *s != '-' && !isspace((unsigned char)*s))
			s++;
		int a = day_index(start, (size_t)(s - start));
		if (a < 0)
			return 0;
		int b = a;
		if (*s == '-') {
			const char *start2 = ++s;
			while (*s && *s != ',' && !isspace((unsigned char)*s))
				s++;
			b = day_index(start2, (size_t)(s - start2));
			if (b < a)
				return 0;
		}
		for (int i = a; i <= b; i++)
			mask |= 1u << i;
	}
	return mask;
}

void secondment_weekdays_text(unsigned mask, char *out, size_t n)
{
	size_t o = 0;
	if (n)
		out[0] = '\0';
	for (int i = 0; i < 5; i++)
		if ((mask >> i) & 1) {
			int w = snprintf(out + o, n > o ? n - o : 0, "%s%s", o ? ", " : "", day_nl[i]);
			if (w > 0)
				o += (size_t)w;
		}
}
