/*
 * calendar.h - school holidays, national holidays and schools' busy periods,
 * and the one question the year planner asks of them: is day D free for this
 * set of schools, and if not, why.
 *
 * Three kinds of blocked days (docs/calendar.md):
 *   - the school holidays of a holiday region (noord, midden, zuid) per
 *     school year, as the government publishes them (first and last day
 *     inclusive, Saturday to Sunday); the optional meivakantie "adviesweek"
 *     counts only when the caller asks for it (struct cal_scope.adviesweek)
 *     or a school enters its stretched meivakantie as a busy period;
 *   - the national holidays schools observe, with the lustrum rule:
 *     Bevrijdingsdag (5 May) is a day off only in years divisible by 5
 *     (calendar_bevrijdingsdag_day_off); Koningsdag is 27 April, or 26
 *     April when the 27th is a Sunday, and can fall outside the meivakantie
 *     (27 April 2028);
 *   - each school's own busy periods: open days, test weeks, exam weeks,
 *     study days, report meetings, its own stretched meivakantie.
 *
 * Pure C: the store fills a struct calendar (store/store_calendar.h), or
 * calendar_load_embedded() reads the data shipped in the binary
 * (data/schoolvakanties.csv, data/feestdagen_nl_2024_2030.csv). A calendar
 * owns its arrays; release it with calendar_release(). Not thread-safe while
 * it is being filled; read-only use from several threads is safe.
 */
#ifndef SAMEN_CALENDAR_H
#define SAMEN_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define CAL_NREGIONS 3
enum cal_region { CAL_NOORD = 0, CAL_MIDDEN = 1, CAL_ZUID = 2 };

/* The kinds of school holiday, stored by their Dutch name (calendar_kind_name). */
enum cal_kind {
	CAL_HERFST = 0,     /* herfstvakantie (advice dates) */
	CAL_KERST = 1,      /* kerstvakantie (binding), across the year end */
	CAL_VOORJAAR = 2,   /* voorjaarsvakantie (advice dates) */
	CAL_MEI = 3,        /* meivakantie (binding week) */
	CAL_MEI_ADVIES = 4, /* meivakantie_adviesweek_optioneel: the optional extra week */
	CAL_ZOMER = 5,      /* zomervakantie (binding) */
};
#define CAL_NKINDS 6

/* Kinds of busy period a school enters (stored by the Dutch name, busy_kind_name). */
enum busy_kind {
	BUSY_OPEN_DAY = 0,       /* open_dag */
	BUSY_TEST_WEEK = 1,      /* toetsweek */
	BUSY_EXAM_WEEK = 2,      /* examenweek */
	BUSY_STUDY_DAY = 3,      /* studiedag */
	BUSY_REPORT_MEETING = 4, /* rapportvergadering */
	BUSY_MEIVAKANTIE = 5,    /* meivakantie: the school's own stretched meivakantie */
	BUSY_OTHER = 6,          /* overig */
};
#define CAL_NBUSYKINDS 7

/* Longest busy period accepted, in days (a school's exam period fits easily). */
#define CAL_BUSY_MAX_DAYS 62

struct cal_holiday {
	int school_year;    /* first calendar year: 2025 for school year 2025-2026 */
	int region;         /* enum cal_region */
	enum cal_kind kind;
	long start, end;    /* day numbers (util/date.h), first and last day inclusive */
};

struct cal_national {
	long day;
	char name[24];      /* as in the data file: "koningsdag", "goede_vrijdag", ... */
	bool day_off;       /* false only for Bevrijdingsdag outside lustrum years */
};

struct cal_busy {
	int64_t id;         /* store id; 0 when not stored */
	int64_t school_id;
	enum busy_kind kind;
	long start, end;    /* first and last day inclusive */
	char name[96];      /* the school's own name for it, e.g. "Toetsweek 2" */
};

struct calendar {
	struct cal_holiday *holidays;
	size_t n_holidays, cap_holidays;
	struct cal_national *nationals;
	size_t n_nationals, cap_nationals;
	struct cal_busy *busy;
	size_t n_busy, cap_busy;
};

/* One involved school: its id (as in busy periods), holiday region and display name. */
struct cal_school {
	int64_t id;
	int region;
	char name[128];
};

/*
 * The set of schools a question is about. The holiday regions involved are
 * the schools' regions plus the bits in `regions` (1 << CAL_NOORD, ...), so
 * a question can also be about regions alone. Borrowed by the functions
 * below; schools may be NULL when n_schools is 0.
 */
struct cal_scope {
	const struct cal_school *schools;
	size_t n_schools;
	unsigned regions;
	bool adviesweek;    /* the optional meivakantie week blocks days too */
};

enum cal_reason_kind { CAL_R_HOLIDAY = 1, CAL_R_NATIONAL = 2, CAL_R_BUSY = 3 };

/* Why a day is not free: an index into the calendar's holidays, nationals or busy. */
struct cal_reason {
	enum cal_reason_kind kind;
	size_t index;
};

/* ---- names ------------------------------------------------------------------ */

/* "noord", "midden", "zuid"; "" for anything else. */
const char *calendar_region_name(int region);

/*
 * Parse a holiday region name (case-insensitive; also the OpenHolidays
 * codes NO, MI, ZU and NL-NO, NL-MI, NL-ZU). Returns 0 or SAMEN_EINVAL
 * ("unknown holiday region 'x'; use noord, midden or zuid") naming field
 * "region" and the given line.
 */
int calendar_region_parse(const char *s, int *region, long line, struct samen_err *err);

/* Stored Dutch name of a holiday kind ("herfstvakantie", ...). */
const char *calendar_kind_name(enum cal_kind kind);

/* Parse a stored kind name (exact, lower case). Returns 0 or SAMEN_EINVAL. */
int calendar_kind_parse(const char *s, enum cal_kind *kind);

/* Stored Dutch name of a busy-period kind ("toetsweek", ...). */
const char *busy_kind_name(enum busy_kind kind);

/* Readable Dutch name of a busy-period kind ("open dag", "eigen meivakantie", ...). */
const char *busy_kind_display(enum busy_kind kind);

/* Parse a stored busy-period kind name. Returns 0 or SAMEN_EINVAL naming field "kind". */
int busy_kind_parse(const char *s, enum busy_kind *kind, long line, struct samen_err *err);

/*
 * Guess the kind of a busy period from its title, as read from a school's
 * calendar ("Toetsweek 2" -> toetsweek, "Open dag" -> open_dag, "SE-week" or
 * "Centraal examen" -> examenweek, "Studiedag" or "Studiemiddag" -> studiedag,
 * "Rapportvergadering" -> rapportvergadering, "Meivakantie" -> meivakantie);
 * BUSY_OTHER when nothing matches.
 */
enum busy_kind busy_kind_guess(const char *title);

/* Display name of a national holiday ("Koningsdag" for "koningsdag"); the name itself if unknown. */
const char *calendar_national_display(const char *name);

/* School year text "2025-2026" for a first year, into out (at least 10 bytes). */
void calendar_school_year_text(int first_year, char out[10]);

/* Parse "2025-2026" (the second year must follow the first). Returns 0 or SAMEN_EINVAL. */
int calendar_school_year_parse(const char *s, int *first_year);

/* The school year a day belongs to: 1 August starts a new one. */
int calendar_school_year_of(long day);

/* ---- the rules ---------------------------------------------------------------- */

/* Bevrijdingsdag (5 May) is a general day off only in lustrum years: year % 5 == 0. */
bool calendar_bevrijdingsdag_day_off(int year);

/* Easter Sunday of a Gregorian year, as a day number. */
long calendar_easter(int year);

/*
 * The national holidays schools observe in one calendar year, computed by
 * rule: nieuwjaarsdag, goede_vrijdag, eerste/tweede_paasdag, koningsdag,
 * bevrijdingsdag (day_off by the lustrum rule), hemelvaartsdag,
 * eerste/tweede_pinksterdag, eerste/tweede_kerstdag - 11 entries in date
 * order written to out (room for at least 11). Returns the count.
 */
size_t calendar_national_compute(int year, struct cal_national out[11]);

/*
 * Allowed length of a holiday kind in days (first and last day inclusive,
 * after a Monday-Friday range is widened to the weekends): herfst and
 * voorjaar 9, kerst 16, mei 9 (a school's stretched meivakantie is a busy
 * period), adviesweek 9, zomer 44 (six weeks plus the weekends) or 37 for
 * the five-week summer of the Wadden islands.
 */
void calendar_kind_length(enum cal_kind kind, int *min_days, int *max_days);

/*
 * Check one holiday on its own: end not before start, a length the kind
 * can have (calendar_kind_length), starting on a Saturday and ending on a
 * Sunday, dates inside its school year (1 August to 31 July) and in the
 * season of the kind (kerst contains 1 January, zomer starts in June or
 * July, ...). Returns 0 or SAMEN_EINVAL naming `line` and the field
 * ("end_date", "start_date", "name", "school_year") with the reason.
 */
int calendar_holiday_validate(const struct cal_holiday *h, long line, struct samen_err *err);

/*
 * Check a busy period on its own: a known kind, a name of 1-95 bytes, end
 * not before start, at most CAL_BUSY_MAX_DAYS days. Returns 0 or
 * SAMEN_EINVAL naming `line` and the field.
 */
int calendar_busy_validate(const struct cal_busy *b, long line, struct samen_err *err);

/* ---- building a calendar ---------------------------------------------------- */

void calendar_init(struct calendar *c);
void calendar_release(struct calendar *c);

/*
 * Add a validated holiday. Refused with SAMEN_EINVAL (naming `line`) when
 * the calendar already has a holiday of the same kind and region in the
 * same school year, or one of the same kind and region overlapping it.
 * SAMEN_ENOMEM when out of memory.
 */
int calendar_add_holiday(struct calendar *c, const struct cal_holiday *h, long line,
			 struct samen_err *err);

/* Add a national holiday (no checks; days may repeat across sources). SAMEN_ENOMEM. */
int calendar_add_national(struct calendar *c, const struct cal_national *n, struct samen_err *err);

/* Add a busy period after calendar_busy_validate. SAMEN_EINVAL or SAMEN_ENOMEM. */
int calendar_add_busy(struct calendar *c, const struct cal_busy *b, long line,
		      struct samen_err *err);

/*
 * Add the national holidays of calendar years first..last: the rows of the
 * embedded data/feestdagen_nl_2024_2030.csv for the years it covers, the
 * rule (calendar_national_compute) for the others. A row whose lustrum flag
 * contradicts the rule is refused (SAMEN_EINVAL naming the line).
 */
int calendar_add_nationals(struct calendar *c, int first, int last, struct samen_err *err);

/*
 * Parse one holiday from the text fields of the holiday list layout
 * (school_year "2025-2026", region, kind name, start and end "YYYY-MM-DD")
 * and validate it (calendar_holiday_validate). Returns 0 or SAMEN_EINVAL
 * naming `line` and the field.
 */
int calendar_holiday_from_text(const char *school_year, const char *region, const char *kind,
			       const char *start, const char *end, long line,
			       struct cal_holiday *out, struct samen_err *err);

/*
 * Fill c with the school holidays of the embedded data/schoolvakanties.csv
 * and the national holidays of the years it covers (calendar_add_nationals).
 * Errors name the line of the embedded file.
 */
int calendar_load_embedded(struct calendar *c, struct samen_err *err);

/* Does the calendar hold any school holiday of this region and school year? */
bool calendar_has_school_year(const struct calendar *c, int region, int school_year);

/* ---- questions ------------------------------------------------------------- */

/* The holiday regions involved in a scope, as a bit mask (1 << region). */
unsigned calendar_scope_regions(const struct cal_scope *s);

/*
 * Is `day` free for the scope? Writes up to max reasons (holidays of an
 * involved region, national days off, busy periods of involved schools, in
 * that order) and returns how many there are in total: 0 means free.
 * Weekends are not reasons: whether a weekday is allowed is the planner's
 * business.
 */
size_t calendar_day_reasons(const struct calendar *c, const struct cal_scope *s, long day,
			    struct cal_reason *out, size_t max);

/*
 * One reason as text, into out (n bytes): "herfstvakantie (noord)",
 * "Koningsdag", "toetsweek 'Toetsweek 2' (Huygens College)". School names
 * come from the scope (the id when the school is not in it).
 */
void calendar_reason_text(const struct calendar *c, const struct cal_scope *s,
			  const struct cal_reason *r, char *out, size_t n);

/*
 * Per-day reasons for a range of days, built once for the planner. For day
 * d in [from, to], its reasons are reasons[first[d - from] ..
 * first[d - from + 1]). busy_schools[d - from] counts the involved schools
 * with a busy period on d. Owned; calendar_daymap_release frees it.
 */
struct cal_daymap {
	long from, to;
	uint32_t *first;
	struct cal_reason *reasons;
	size_t n_reasons;
	uint16_t *busy_schools;
};

/*
 * Build the day map of [from, to] (at most 4 years). SAMEN_EINVAL for a
 * bad range, SAMEN_ENOMEM.
 */
int calendar_daymap_build(const struct calendar *c, const struct cal_scope *s, long from, long to,
			  struct cal_daymap *out, struct samen_err *err);
void calendar_daymap_release(struct cal_daymap *m);

#endif
