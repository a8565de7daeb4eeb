/*
 * secondment.h - a secondment (detachering) between two boards: its rules,
 * its three-party agreement, its reminders and its hours.
 *
 * One lending board (the uitlener, the employer, which never changes), one
 * borrowing board (the inlener, with the school where the work is done, or
 * none for a samenwerkingsverband), one person, hours per week on chosen
 * weekdays, a start and an end date, and the fields of a model agreement
 * (DOMAIN-RULES section 1.1). The rules encoded here, by number:
 *
 *   rule 1  exactly one lender, one borrower and one person; lender and
 *           borrower differ (secondment_validate; the store also refuses a
 *           person the borrower already employs);
 *   rule 2  a written agreement agreed by all three parties (who, when);
 *   rule 3  no start without the employee's recorded consent;
 *   rule 4  a reminder three months before the end (extension talk);
 *   rule 11 werktijdfactor = hours per year / 1659.
 *
 * Hours are registered per day, week or month and never edited: a
 * correction is a new entry (store/secondment.h). Planned hours follow from
 * the agreement and the school calendar, which this module reaches only
 * through a callback (secondment_schoolday_fn), so the calendar module can
 * be plugged in without this file knowing how holidays are kept.
 *
 * Units as in costprice.h: hours in hundredths, money in cents. Dates are
 * day numbers (util/date.h). Pure functions; no SQL.
 */
#ifndef SAMEN_SECONDMENT_H
#define SAMEN_SECONDMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/vat.h"
#include "util/err.h"

#define SECONDMENT_EXTENSION_MONTHS 3       /* rule 4 */
#define SECONDMENT_MAX_HOURS_PER_WEEK 5000  /* 50 h: above 1.2 fte (1991 h / 40 weeks) */
#define SECONDMENT_MAX_HOURS_PER_DAY 1200   /* 12 h on one school day */
#define SECONDMENT_MAX_YEARS 10             /* longer agreements are refused as a typo */
#define SECONDMENT_ALL_WEEKDAYS 0x1f        /* Monday to Friday */

enum secondment_party {
	SECONDMENT_LENDER = 0,   /* the uitlener (employer) */
	SECONDMENT_BORROWER = 1, /* the inlener */
	SECONDMENT_EMPLOYEE = 2, /* the gedetacheerde */
};

/* A confirmation: who did it and when (UTC "YYYY-MM-DDTHH:MM:SSZ"); empty when not done. */
struct secondment_mark {
	bool set;
	char by[128];
	char at[21];
};

struct secondment {
	int64_t id, region_id;
	int64_t lender_board_id;     /* the employer, never changes (rule 1) */
	int64_t borrower_board_id;
	int64_t borrower_school_id;  /* 0: no school (e.g. a samenwerkingsverband) */
	int64_t person_id;
	int64_t offer_id;            /* the accepted offer it came from; 0 when made by hand */
	char function_title[128];    /* the function at the inlener */
	char purpose[512];           /* nature of the work / task description */
	char expertise[128];         /* shared expertise as a comma list ("NT2, scheikunde") */
	char sickness[512];          /* sickness arrangements (model agreement) */
	char insurance[256];         /* insurance (model agreement) */
	int64_t hours_per_week;      /* centi-hours at the inlener in a school week */
	unsigned weekdays;           /* bit 0 Monday .. bit 4 Friday; work is spread evenly over them */
	long start, end;             /* first and last day, inclusive */
	int64_t km_per_week;         /* agreed travel, for the planned figures */
	int32_t margin_bp;           /* margin above cost price; 0 = at cost */
	bool via_koepel;             /* lent through a cooperative body (rule 8) */
	bool education_type_work;    /* SWV loan reviewed as education-type work (rule 7) */
	struct secondment_mark vat[4];  /* rule 5 conditions a-d confirmed */
	struct secondment_mark consent; /* rule 3 */
	struct secondment_mark sign[3]; /* rule 2, by enum secondment_party */
};

/*
 * Check a new (or changed) secondment on its own: parties (rule 1), dates
 * (end on or after start, at most SECONDMENT_MAX_YEARS), hours per week
 * (more than 0, at most SECONDMENT_MAX_HOURS_PER_WEEK), weekdays (at least
 * one of Monday-Friday), margin (0-100 %), km (not negative), required
 * texts. Returns 0 or SAMEN_EINVAL naming the field.
 */
int secondment_validate(const struct secondment *s, struct samen_err *err);

/*
 * Rule 11: werktijdfactor = hours per year / 1659, where hours per year =
 * hours per week x weeks_per_year (a setting: the weeks over which the
 * normjaartaak is spread, 40 by default; see docs/secondment.md).
 */
double secondment_wtf(int64_t hours_per_week, int weeks_per_year);

/* Hours per year (centi-hours) of the agreement: hours per week x weeks_per_year. */
int64_t secondment_hours_per_year(int64_t hours_per_week, int weeks_per_year);

/* Rule 2: all three parties agreed. */
bool secondment_signed(const struct secondment *s);

/* Rule 2 and rule 3: agreed by all three and the employee's consent recorded. */
bool secondment_agreed(const struct secondment *s);

/* The four conditions of rule 5 as confirmed on the secondment. */
struct vat_conditions secondment_vat_conditions(const struct secondment *s);

/* The VAT facts of the secondment (no amounts; see vat_decide). */
void secondment_vat_facts(const struct secondment *s, bool borrower_is_swv, struct vat_input *out);

enum secondment_state {
	SECONDMENT_DRAFT = 1,     /* nobody has agreed yet */
	SECONDMENT_SIGNING,       /* some agreed, or consent missing */
	SECONDMENT_AGREED,        /* agreed and consented; not started yet */
	SECONDMENT_ACTIVE,        /* agreed, consented, today within the dates */
	SECONDMENT_ENDED,         /* after the end date */
};

/* The state on day `today`. */
enum secondment_state secondment_state(const struct secondment *s, long today);

/* Stable name of a state ("draft", "signing", "agreed", "active", "ended"). */
const char *secondment_state_name(enum secondment_state st);

/* The day the extension talk is due: the end date minus three months (rule 4). */
long secondment_extension_due(long end);

enum secondment_reminder_kind {
	SECONDMENT_REMIND_EXTENSION = 1, /* rule 4: three months before the end */
	SECONDMENT_REMIND_CONSENT,       /* rule 3: consent not recorded */
	SECONDMENT_REMIND_AGREEMENT,     /* rule 2: not all three have agreed */
	SECONDMENT_REMIND_VAT,           /* rule 5: a condition unconfirmed, so 21 % VAT */
	SECONDMENT_REMIND_VAT_REVIEW,    /* long loan: review the exemption [UNCERTAIN] */
};

struct secondment_reminder {
	enum secondment_reminder_kind kind;
	long due;     /* the day it is (or was) due */
	int rule;     /* DOMAIN-RULES number */
};

/*
 * The reminders of a secondment on `today`, at most 5 (out has room for 5):
 *   extension  from three months before the end until the end;
 *   consent    while no consent is recorded and the secondment has not ended;
 *   agreement  while not all three have agreed and it has not ended;
 *   vat        while a rule-5 condition is unconfirmed and it has not ended
 *              (not for via_koepel or SWV loans, which are taxed anyway);
 *   vat review when the agreement runs longer than review_months (0: never)
 *              and has not ended: the 2022 decree spoke of non-structural
 *              loans, the 2024 text read does not [UNCERTAIN].
 * Returns the number written.
 */
int secondment_reminders(const struct secondment *s, long today, int review_months,
			 bool borrower_is_swv, struct secondment_reminder out[5]);

/* Stable name of a reminder kind ("extension", "consent", ...). */
const char *secondment_reminder_name(enum secondment_reminder_kind k);

/*
 * Is `day` a school day at school_id (0: no school; the calendar then
 * applies national holidays only)? Returns true for a school day. When it
 * is not, the callback may write a short reason ("herfstvakantie",
 * "Koningsdag", "weekend") into why (whylen bytes, may be 0).
 */
typedef bool (*secondment_schoolday_fn)(void *ctx, int64_t school_id, long day, char *why,
					size_t whylen);

/*
 * Planned hours between from and to (inclusive) clipped to the secondment:
 * school days on the agreed weekdays, each carrying hours_per_week divided
 * by the number of agreed weekdays; the total is rounded once to whole
 * centi-hours. *days receives the number of such days. No planned hours
 * ever fall on a day the callback rejects (holidays, weekends).
 */
void secondment_planned(const struct secondment *s, long from, long to,
			secondment_schoolday_fn fn, void *ctx, int64_t *centihours, long *days);

/* Planned km between from and to: km_per_week x planned days / agreed weekdays, rounded. */
int64_t secondment_planned_km(const struct secondment *s, long planned_days);

/* One registration of hours: a day (from == to), or a range within one month. */
struct secondment_entry {
	long from, to;
	int64_t centihours;
	int64_t km;
};

/*
 * Check an entry against the secondment and the calendar: hours and km not
 * negative (and more than zero hours unless it is a correction); from <= to
 * and both in one calendar month; inside the secondment's dates; a single
 * day must be a school day (not a holiday or weekend, with the callback's
 * reason in the message); a range must hold at least one school day and at
 * most SECONDMENT_MAX_HOURS_PER_DAY per school day. Also refuses entries
 * before the agreement and consent are complete (rules 2 and 3). Returns 0
 * or SAMEN_EINVAL with the reason and field.
 */
int secondment_entry_check(const struct secondment *s, const struct secondment_entry *e,
			   bool correction, secondment_schoolday_fn fn, void *ctx,
			   struct samen_err *err);

/* Monday of ISO week `week` of ISO year `year`; SAMEN_EINVAL for a week that does not exist. */
int secondment_iso_monday(int year, int week, long *monday);

/*
 * Turn "hours in ISO week W" into entries: the week (Monday-Sunday) clipped
 * to the secondment's dates and split at a month boundary, parts without a
 * school day dropped, hours and km shared in proportion to each part's
 * school days (the first part rounded, the second the rest). parts has room
 * for 2; *nparts receives 1 or 2. SAMEN_EINVAL when the week has no school
 * day inside the secondment (a holiday week), with the reason.
 */
int secondment_week_entries(const struct secondment *s, int year, int week, int64_t centihours,
			    int64_t km, secondment_schoolday_fn fn, void *ctx,
			    struct secondment_entry parts[2], int *nparts, struct samen_err *err);

/*
 * "Hours in month YYYY-MM": the month clipped to the secondment's dates, as
 * one entry. SAMEN_EINVAL when the month lies outside the secondment.
 */
int secondment_month_entry(const struct secondment *s, const char *month, int64_t centihours,
			   int64_t km, struct secondment_entry *out, struct samen_err *err);

/* Weekday mask from text such as "ma,di,do" or "mon,tue,thu" (or "ma-vr"); 0 when invalid. */
unsigned secondment_weekdays_parse(const char *s);

/* Weekday mask as Dutch abbreviations "ma, di, do" into out (n bytes). */
void secondment_weekdays_text(unsigned mask, char *out, size_t n);

#endif
