/*
 * calendar.c - school holidays, national holidays, busy periods and the
 * "is this day free" question (see calendar.h).
 *
 * The rules (holiday lengths, seasons, the lustrum rule, Koningsdag) each
 * live in one named function or table below; tests/unit/test_calendar.c
 * checks them against the real data of 2024-2030.
 */
#include "core/calendar.h"
#include "formats/csvrows.h"
#include "util/date.h"
#include "util/embedded.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- names ------------------------------------------------------------------ */

static const char *const region_names[CAL_NREGIONS] = {"noord", "midden", "zuid"};

const char *calendar_region_name(int region)
{
	return region >= 0 && region < CAL_NREGIONS ? region_names[region] : "";
}

int calendar_region_parse(const char *s, int *region, long line, struct samen_err *err)
{
	static const struct {
		const char *name;
		int region;
	} names[] = {
		{"noord", CAL_NOORD}, {"midden", CAL_MIDDEN}, {"zuid", CAL_ZUID},
		{"NO", CAL_NOORD},    {"MI", CAL_MIDDEN},     {"ZU", CAL_ZUID},
		{"NL-NO", CAL_NOORD}, {"NL-MI", CAL_MIDDEN},  {"NL-ZU", CAL_ZUID},
	};
	const char *p = s ? s : "";
	while (*p == ' ')
		p++;
	size_t len = strlen(p);
	while (len > 0 && p[len - 1] == ' ')
		len--;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i].name) == len && strncasecmp(p, names[i].name, len) == 0) {
			*region = names[i].region;
			return 0;
		}
	return samen_fail_at(err, SAMEN_EINVAL, line, "region",
			     "unknown holiday region '%.*s'; use noord, midden or zuid",
			     (int)(len > 40 ? 40 : len), p);
}

static const char *const kind_names[CAL_NKINDS] = {
	"herfstvakantie", "kerstvakantie", "voorjaarsvakantie",
	"meivakantie",    "meivakantie_adviesweek_optioneel", "zomervakantie",
};

const char *calendar_kind_name(enum cal_kind kind)
{
	return (int)kind >= 0 && kind < CAL_NKINDS ? kind_names[kind] : "";
}

int calendar_kind_parse(const char *s, enum cal_kind *kind)
{
	for (int i = 0; s && i < CAL_NKINDS; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*kind = (enum cal_kind)i;
			return 0;
		}
	return SAMEN_EINVAL;
}

static const char *const busy_names[CAL_NBUSYKINDS] = {
	"open_dag", "toetsweek", "examenweek", "studiedag", "rapportvergadering", "meivakantie",
	"overig",
};

const char *busy_kind_name(enum busy_kind kind)
{
	return (int)kind >= 0 && kind < CAL_NBUSYKINDS ? busy_names[kind] : "";
}

const char *busy_kind_display(enum busy_kind kind)
{
	static const char *const display[CAL_NBUSYKINDS] = {
		"open dag", "toetsweek", "examenweek", "studiedag", "rapportvergadering",
		"eigen meivakantie", "overig",
	};
	return (int)kind >= 0 && kind < CAL_NBUSYKINDS ? display[kind] : "";
}

int busy_kind_parse(const char *s, enum busy_kind *kind, long line, struct samen_err *err)
{
	for (int i = 0; s && i < CAL_NBUSYKINDS; i++)
		if (strcmp(s, busy_names[i]) == 0) {
			*kind = (enum busy_kind)i;
			return 0;
		}
	return samen_fail_at(err, SAMEN_EINVAL, line, "kind",
			     "unknown kind of busy period '%.40s'; use open_dag, toetsweek, examenweek,"
			     " studiedag, rapportvergadering, meivakantie or overig",
			     s ? s : "");
}

enum busy_kind busy_kind_guess(const char *title)
{
	static const struct {
		const char *part;
		enum busy_kind kind;
	} parts[] = {
		{"toets", BUSY_TEST_WEEK},	   {"proefwerk", BUSY_TEST_WEEK},
		{"examen", BUSY_EXAM_WEEK},	   {"se-week", BUSY_EXAM_WEEK},
		{"se week", BUSY_EXAM_WEEK},	   {"open dag", BUSY_OPEN_DAY},
		{"opendag", BUSY_OPEN_DAY},	   {"open huis", BUSY_OPEN_DAY},
		{"studiedag", BUSY_STUDY_DAY},	   {"studiemiddag", BUSY_STUDY_DAY},
		{"rapport", BUSY_REPORT_MEETING},
		{"meivakantie", BUSY_MEIVAKANTIE},
	};
	char low[128];
	size_t o = 0;
	for (const char *p = title ? title : ""; *p && o + 1 < sizeof low; p++)
		low[o++] = (char)tolower((unsigned char)*p);
	low[o] = '\0';
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (strstr(low, parts[i].part))
			return parts[i].kind;
	return BUSY_OTHER;
}

static const struct {
	const char *name, *display;
} national_names[] = {
	{"nieuwjaarsdag", "Nieuwjaarsdag"},
	{"goede_vrijdag", "Goede Vrijdag"},
	{"eerste_paasdag", "Eerste Paasdag"},
	{"tweede_paasdag", "Tweede Paasdag"},
	{"koningsdag", "Koningsdag"},
	{"bevrijdingsdag", "Bevrijdingsdag"},
	{"hemelvaartsdag", "Hemelvaartsdag"},
	{"eerste_pinksterdag", "Eerste Pinksterdag"},
	{"tweede_pinksterdag", "Tweede Pinksterdag"},
	{"eerste_kerstdag", "Eerste Kerstdag"},
	{"tweede_kerstdag", "Tweede Kerstdag"},
};

const char *calendar_national_display(const char *name)
{
	for (size_t i = 0; i < sizeof national_names / sizeof national_names[0]; i++)
		if (strcmp(name, national_names[i].name) == 0)
			return national_names[i].display;
	return name;
}

void calendar_school_year_text(int first_year, char out[10])
{
	snprintf(out, 10, "%04u-%04u", (unsigned)first_year % 10000u,
		 (unsigned)(first_year + 1) % 10000u);
}

int calendar_school_year_parse(const char *s, int *first_year)
{
	if (!s || strlen(s) != 9 || s[4] != '-')
		return SAMEN_EINVAL;
	for (int i = 0; i < 9; i++)
		if (i != 4 && !isdigit((unsigned char)s[i]))
			return SAMEN_EINVAL;
	int a = (int)strtol(s, NULL, 10), b = (int)strtol(s + 5, NULL, 10);
	if (b != a + 1 || a < 1900 || a > 2198)
		return SAMEN_EINVAL;
	*first_year = a;
	return 0;
}

int calendar_school_year_of(long day)
{
	int y, m, d;
	date_civil(day, &y, &m, &d);
	return m >= 8 ? y : y - 1;
}

/* ---- the rules ---------------------------------------------------------------- */

bool calendar_bevrijdingsdag_day_off(int year)
{
	/* Lustrum years only (2025, 2030): data/feestdagen_nl_2024_2030.csv, column bevrijdingsdag_lustrum. */
	return year % 5 == 0;
}

long calendar_easter(int year)
{
	/* The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;
	return date_days(year, month, day);
}

static void national_set(struct cal_national *n, long day, const char *name, bool off)
{
	n->day = day;
	snprintf(n->name, sizeof n->name, "%s", name);
	n->day_off = off;
}

size_t calendar_national_compute(int year, struct cal_national out[11])
{
	long easter = calendar_easter(year);
	long koning = date_days(year, 4, 27);
	if (date_weekday(koning) == 7) /* 27 April on a Sunday: Koningsdag is Saturday the 26th */
		koning--;
	size_t n = 0;
	national_set(&out[n++], date_days(year, 1, 1), "nieuwjaarsdag", true);
	national_set(&out[n++], easter - 2, "goede_vrijdag", true);
	national_set(&out[n++], easter, "eerste_paasdag", true);
	national_set(&out[n++], easter + 1, "tweede_paasdag", true);
	national_set(&out[n++], koning, "koningsdag", true);
	national_set(&out[n++], date_days(year, 5, 5), "bevrijdingsdag",
		     calendar_bevrijdingsdag_day_off(year));
	national_set(&out[n++], easter + 39, "hemelvaartsdag", true);
	national_set(&out[n++], easter + 49, "eerste_pinksterdag", true);
	national_set(&out[n++], easter + 50, "tweede_pinksterdag", true);
	national_set(&out[n++], date_days(year, 12, 25), "eerste_kerstdag", true);
	national_set(&out[n++], date_days(year, 12, 26), "tweede_kerstdag", true);
	/* Koningsdag and Bevrijdingsdag can come before or after the Easter days. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && out[j].day < out[j - 1].day; j--) {
			struct cal_national t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return n;
}

void calendar_kind_length(enum cal_kind kind, int *min_days, int *max_days)
{
	switch (kind) {
	case CAL_KERST:
		*min_days = *max_days = 16; /* two weeks, Saturday to the Sunday 15 days later */
		return;
	case CAL_ZOMER:
		*min_days = 37; /* five weeks: Vlieland, Terschelling, Ameland, Schiermonnikoog */
		*max_days = 44; /* six weeks */
		return;
	case CAL_HERFST:
	case CAL_VOORJAAR:
	case CAL_MEI:
	case CAL_MEI_ADVIES:
	default:
		*min_days = *max_days = 9; /* one week, Saturday to Sunday */
		return;
	}
}

/* Season of each kind: the start lies between (month, day) pairs, in the school year. */
static const struct {
	int from_month, from_day, to_month, to_day;
	const char *season;
} seasons[CAL_NKINDS] = {
	[CAL_HERFST] = {9, 25, 10, 31, "between 25 September and 31 October"},
	[CAL_KERST] = {12, 1, 12, 31, "in December"},
	[CAL_VOORJAAR] = {2, 1, 3, 15, "between 1 February and 15 March"},
	[CAL_MEI] = {4, 10, 5, 10, "between 10 April and 10 May"},
	[CAL_MEI_ADVIES] = {4, 10, 5, 10, "between 10 April and 10 May"},
	[CAL_ZOMER] = {6, 15, 7, 31, "between 15 June and 31 July"},
};

static const char *const weekday_names[8] = {"", "Monday", "Tuesday", "Wednesday",
					     "Thursday", "Friday", "Saturday", "Sunday"};

int calendar_holiday_validate(const struct cal_holiday *h, long line, struct samen_err *err)
{
	char a[11], b[11];
	date_format(h->start, a);
	date_format(h->end, b);
	const char *kind = calendar_kind_name(h->kind);
	if (!kind[0])
		return samen_fail_at(err, SAMEN_EINVAL, line, "name", "unknown kind of holiday");
	if (h->region < 0 || h->region >= CAL_NREGIONS)
		return samen_fail_at(err, SAMEN_EINVAL, line, "region", "unknown holiday region");
	if (h->end < h->start)
		return samen_fail_at(err, SAMEN_EINVAL, line, "end_date",
				     "the %s ends (%s) before it starts (%s)", kind, b, a);
	int lo, hi;
	calendar_kind_length(h->kind, &lo, &hi);
	long days = h->end - h->start + 1;
	if (days < lo || days > hi) {
		if (lo == hi)
			return samen_fail_at(err, SAMEN_EINVAL, line, "end_date",
					     "a %s lasts %d days (Saturday to Sunday), not %ld (%s to %s)",
					     kind, lo, days, a, b);
		return samen_fail_at(err, SAMEN_EINVAL, line, "end_date",
				     "a %s lasts %d to %d days (Saturday to Sunday), not %ld (%s to %s)",
				     kind, lo, hi, days, a, b);
	}
	if (date_weekday(h->start) != 6)
		return samen_fail_at(err, SAMEN_EINVAL, line, "start_date",
				     "the %s starts on %s %s; school holidays start on a Saturday", kind,
				     weekday_names[date_weekday(h->start)], a);
	if (date_weekday(h->end) != 7)
		return samen_fail_at(err, SAMEN_EINVAL, line, "end_date",
				     "the %s ends on %s %s; school holidays end on a Sunday", kind,
				     weekday_names[date_weekday(h->end)], b);
	char sy[10];
	calendar_school_year_text(h->school_year, sy);
	if (calendar_school_year_of(h->start) != h->school_year)
		return samen_fail_at(err, SAMEN_EINVAL, line, "school_year",
				     "the %s starting %s does not belong to school year %s", kind, a, sy);
	int y, m, d;
	date_civil(h->start, &y, &m, &d);
	int key = m * 100 + d;
	int from = seasons[h->kind].from_month * 100 + seasons[h->kind].from_day;
	int to = seasons[h->kind].to_month * 100 + seasons[h->kind].to_day;
	if (key < from || key > to)
		return samen_fail_at(err, SAMEN_EINVAL, line, "start_date",
				     "a %s starts %s, not on %s", kind, seasons[h->kind].season, a);
	if (h->kind == CAL_KERST && !(h->start <= date_days(h->school_year + 1, 1, 1) &&
				      h->end >= date_days(h->school_year + 1, 1, 1)))
		return samen_fail_at(err, SAMEN_EINVAL, line, "end_date",
				     "a kerstvakantie runs across the year end; %s to %s does not", a, b);
	return 0;
}

int calendar_busy_validate(const struct cal_busy *b, long line, struct samen_err *err)
{
	if (!busy_kind_name(b->kind)[0])
		return samen_fail_at(err, SAMEN_EINVAL, line, "kind", "unknown kind of busy period");
	size_t len = strlen(b->name);
	if (len == 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "name", "a busy period needs a name");
	if (len >= sizeof b->name - 1)
		return samen_fail_at(err, SAMEN_EINVAL, line, "name",
				     "the name may have at most %zu bytes", sizeof b->name - 2);
	char a[11], e[11];
	date_format(b->start, a);
	date_format(b->end, e);
	if (b->end < b->start)
		return samen_fail_at(err, SAMEN_EINVAL, line, "end_date",
				     "'%s' ends (%s) before it starts (%s)", b->name, e, a);
	if (b->end - b->start + 1 > CAL_BUSY_MAX_DAYS)
		return samen_fail_at(err, SAMEN_EINVAL, line, "end_date",
				     "'%s' lasts %ld days (%s to %s); a busy period lasts at most %d days",
				     b->name, b->end - b->start + 1, a, e, CAL_BUSY_MAX_DAYS);
	return 0;
}

/* ---- building a calendar ---------------------------------------------------- */

void calendar_init(struct calendar *c)
{
	memset(c, 0, sizeof *c);
}

void calendar_release(struct calendar *c)
{
	free(c->holidays);
	free(c->nationals);
	free(c->busy);
	memset(c, 0, sizeof *c);
}

static int grow(void **arr, size_t *cap, size_t n, size_t size, struct samen_err *err)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 32;
	void *p = realloc(*arr, nc * size);
	if (!p)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	*arr = p;
	*cap = nc;
	return 0;
}

int calendar_add_holiday(struct calendar *c, const struct cal_holiday *h, long line,
			 struct samen_err *err)
{
	for (size_t i = 0; i < c->n_holidays; i++) {
		const struct cal_holiday *o = &c->holidays[i];
		if (o->region != h->region || o->kind != h->kind)
			continue;
		char a[11], b[11], sy[10];
		date_format(o->start, a);
		date_format(o->end, b);
		calendar_school_year_text(o->school_year, sy);
		if (o->start <= h->end && h->start <= o->end)
			return samen_fail_at(err, SAMEN_EINVAL, line, "start_date",
					     "overlaps the %s %s of %s (%s to %s)",
					     calendar_kind_name(h->kind), calendar_region_name(h->region),
					     sy, a, b);
		if (o->school_year == h->school_year)
			return samen_fail_at(err, SAMEN_EINVAL, line, "school_year",
					     "school year %s already has a %s for %s (%s to %s)", sy,
					     calendar_kind_name(h->kind), calendar_region_name(h->region),
					     a, b);
	}
	int rc = grow((void **)&c->holidays, &c->cap_holidays, c->n_holidays, sizeof *h, err);
	if (rc)
		return rc;
	c->holidays[c->n_holidays++] = *h;
	return 0;
}

int calendar_add_national(struct calendar *c, const struct cal_national *n, struct samen_err *err)
{
	int rc = grow((void **)&c->nationals, &c->cap_nationals, c->n_nationals, sizeof *n, err);
	if (rc)
		return rc;
	c->nationals[c->n_nationals++] = *n;
	return 0;
}

int calendar_add_busy(struct calendar *c, const struct cal_busy *b, long line,
		      struct samen_err *err)
{
	int rc = calendar_busy_validate(b, line, err);
	if (rc)
		return rc;
	rc = grow((void **)&c->busy, &c->cap_busy, c->n_busy, sizeof *b, err);
	if (rc)
		return rc;
	c->busy[c->n_busy++] = *b;
	return 0;
}

int calendar_holiday_from_text(const char *school_year, const char *region, const char *kind,
			       const char *start, const char *end, long line,
			       struct cal_holiday *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	if (calendar_school_year_parse(school_year, &out->school_year))
		return samen_fail_at(err, SAMEN_EINVAL, line, "school_year",
				     "'%.20s' is not a school year like 2026-2027", school_year);
	int rc = calendar_region_parse(region, &out->region, line, err);
	if (rc)
		return rc;
	if (calendar_kind_parse(kind, &out->kind))
		return samen_fail_at(err, SAMEN_EINVAL, line, "name",
				     "unknown holiday '%.40s'; use herfstvakantie, kerstvakantie,"
				     " voorjaarsvakantie, meivakantie, meivakantie_adviesweek_optioneel"
				     " or zomervakantie",
				     kind);
	if (date_parse(start, &out->start))
		return samen_fail_at(err, SAMEN_EINVAL, line, "start_date",
				     "'%.20s' is not a date (YYYY-MM-DD)", start);
	if (date_parse(end, &out->end))
		return samen_fail_at(err, SAMEN_EINVAL, line, "end_date",
				     "'%.20s' is not a date (YYYY-MM-DD)", end);
	return calendar_holiday_validate(out, line, err);
}

/* ---- embedded data ---------------------------------------------------------- */

struct national_load {
	struct calendar *c;
	int first, last;
	bool covered[400]; /* years 1900 + i present in the file */
};

static int national_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct national_load *l = ctx;
	if (line == 1)
		return 0;
	if (n < 4)
		return samen_fail_at(err, SAMEN_EINVAL, line, "date",
				     "feestdagen_nl_2024_2030.csv: too few fields");
	struct cal_national nat = {0};
	if (date_parse(f[0], &nat.day))
		return samen_fail_at(err, SAMEN_EINVAL, line, "date", "not a date: '%.20s'", f[0]);
	int y, m, d;
	date_civil(nat.day, &y, &m, &d);
	if (y >= 1900 && y < 2300)
		l->covered[y - 1900] = true;
	snprintf(nat.name, sizeof nat.name, "%s", f[1]);
	nat.day_off = true;
	if (strcmp(f[1], "bevrijdingsdag") == 0) {
		bool flag = strcmp(f[3], "yes") == 0;
		if (flag != calendar_bevrijdingsdag_day_off(y))
			return samen_fail_at(err, SAMEN_EINVAL, line, "bevrijdingsdag_lustrum",
					     "%d is %sa lustrum year", y,
					     calendar_bevrijdingsdag_day_off(y) ? "" : "not ");
		nat.day_off = flag;
	}
	if (y < l->first || y > l->last)
		return 0;
	return calendar_add_national(l->c, &nat, err);
}

int calendar_add_nationals(struct calendar *c, int first, int last, struct samen_err *err)
{
	if (first < 1900 || last > 2199 || last < first)
		return samen_fail(err, SAMEN_EINVAL, "years %d to %d are out of range", first, last);
	struct national_load *l = calloc(1, sizeof *l);
	if (!l)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	l->c = c;
	l->first = first;
	l->last = last;
	int rc = 0;
	const struct embedded_file *f = embedded_find(embedded_data, "feestdagen_nl_2024_2030.csv");
	if (f)
		rc = csvrows_parse((const char *)f->data, f->len, ',', national_row, l, err);
	for (int y = first; rc == 0 && y <= last; y++) {
		if (l->covered[y - 1900])
			continue;
		struct cal_national list[11];
		size_t n = calendar_national_compute(y, list);
		for (size_t i = 0; rc == 0 && i < n; i++)
			rc = calendar_add_national(c, &list[i], err);
	}
	free(l);
	return rc;
}

static int holiday_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct calendar *c = ctx;
	if (line == 1)
		return 0;
	if (n < 5)
		return samen_fail_at(err, SAMEN_EINVAL, line, "end_date",
				     "schoolvakanties.csv: too few fields");
	struct cal_holiday h;
	int rc = calendar_holiday_from_text(f[0], f[1], f[2], f[3], f[4], line, &h, err);
	return rc ? rc : calendar_add_holiday(c, &h, line, err);
}

int calendar_load_embedded(struct calendar *c, struct samen_err *err)
{
	const struct embedded_file *f = embedded_find(embedded_data, "schoolvakanties.csv");
	if (!f)
		return samen_fail(err, SAMEN_EINTERNAL, "embedded schoolvakanties.csv missing");
	int rc = csvrows_parse((const char *)f->data, f->len, ',', holiday_row, c, err);
	if (rc)
		return rc;
	int first = 9999, last = 0;
	for (size_t i = 0; i < c->n_holidays; i++) {
		if (c->holidays[i].school_year < first)
			first = c->holidays[i].school_year;
		if (c->holidays[i].school_year + 1 > last)
			last = c->holidays[i].school_year + 1;
	}
	if (last == 0)
		return samen_fail(err, SAMEN_EINTERNAL, "embedded schoolvakanties.csv is empty");
	return calendar_add_nationals(c, first, last, err);
}

bool calendar_has_school_year(const struct calendar *c, int region, int school_year)
{
	for (size_t i = 0; i < c->n_holidays; i++)
		if (c->holidays[i].region == region && c->holidays[i].school_year == school_year)
			return true;
	return false;
}

/* ---- questions ------------------------------------------------------------- */

unsigned calendar_scope_regions(const struct cal_scope *s)
{
	unsigned mask = s->regions & ((1u << CAL_NREGIONS) - 1);
	for (size_t i = 0; i < s->n_schools; i++)
		if (s->schools[i].region >= 0 && s->schools[i].region < CAL_NREGIONS)
			mask |= 1u << s->schools[i].region;
	return mask;
}

static bool scope_has_school(const struct cal_scope *s, int64_t id)
{
	for (size_t i = 0; i < s->n_schools; i++)
		if (s->schools[i].id == id)
			return true;
	return false;
}

static bool holiday_counts(const struct cal_holiday *h, unsigned regions, bool adviesweek)
{
	if (!(regions & (1u << h->region)))
		return false;
	return h->kind != CAL_MEI_ADVIES || adviesweek;
}

size_t calendar_day_reasons(const struct calendar *c, const struct cal_scope *s, long day,
			    struct cal_reason *out, size_t max)
{
	size_t n = 0;
	unsigned regions = calendar_scope_regions(s);
	for (size_t i = 0; i < c->n_holidays; i++) {
		const struct cal_holiday *h = &c->holidays[i];
		if (day < h->start || day > h->end || !holiday_counts(h, regions, s->adviesweek))
			continue;
		if (n < max)
			out[n] = (struct cal_reason){CAL_R_HOLIDAY, i};
		n++;
	}
	for (size_t i = 0; i < c->n_nationals; i++) {
		if (c->nationals[i].day != day || !c->nationals[i].day_off)
			continue;
		if (n < max)
			out[n] = (struct cal_reason){CAL_R_NATIONAL, i};
		n++;
	}
	for (size_t i = 0; i < c->n_busy; i++) {
		const struct cal_busy *b = &c->busy[i];
		if (day < b->start || day > b->end || !scope_has_school(s, b->school_id))
			continue;
		if (n < max)
			out[n] = (struct cal_reason){CAL_R_BUSY, i};
		n++;
	}
	return n;
}

void calendar_reason_text(const struct calendar *c, const struct cal_scope *s,
			  const struct cal_reason *r, char *out, size_t n)
{
	switch (r->kind) {
	case CAL_R_HOLIDAY: {
		const struct cal_holiday *h = &c->holidays[r->index];
		snprintf(out, n, "%s (%s)",
			 h->kind == CAL_MEI_ADVIES ? "meivakantie adviesweek" : calendar_kind_name(h->kind),
			 calendar_region_name(h->region));
		return;
	}
	case CAL_R_NATIONAL:
		snprintf(out, n, "%s", calendar_national_display(c->nationals[r->index].name));
		return;
	case CAL_R_BUSY: {
		const struct cal_busy *b = &c->busy[r->index];
		const char *school = NULL;
		for (size_t i = 0; i < s->n_schools; i++)
			if (s->schools[i].id == b->school_id)
				school = s->schools[i].name;
		if (school)
			snprintf(out, n, "%s '%s' (%s)", busy_kind_display(b->kind), b->name, school);
		else
			snprintf(out, n, "%s '%s' (school %lld)", busy_kind_display(b->kind), b->name,
				 (long long)b->school_id);
		return;
	}
	}
	snprintf(out, n, "?");
}

struct pending {
	long day;
	struct cal_reason r;
};

static int pending_cmp(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->r.kind != y->r.kind)
		return x->r.kind < y->r.kind ? -1 : 1;
	return x->r.index < y->r.index ? -1 : x->r.index > y->r.index;
}

static int pending_add(struct pending **v, size_t *n, size_t *cap, long day,
		       enum cal_reason_kind kind, size_t index, struct samen_err *err)
{
	int rc = grow((void **)v, cap, *n, sizeof **v, err);
	if (rc)
		return rc;
	(*v)[(*n)++] = (struct pending){day, {kind, index}};
	return 0;
}

/* Sorted ids of the scope's schools, for the busy-period filter. */
static int id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

int calendar_daymap_build(const struct calendar *c, const struct cal_scope *s, long from, long to,
			  struct cal_daymap *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	if (to < from || to - from > 4 * 366)
		return samen_fail(err, SAMEN_EINVAL, "a period runs forward and lasts at most 4 years");
	size_t days = (size_t)(to - from + 1);
	unsigned regions = calendar_scope_regions(s);
	struct pending *v = NULL;
	size_t n = 0, cap = 0;
	int64_t *ids = NULL;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < c->n_holidays; i++) {
		const struct cal_holiday *h = &c->holidays[i];
		if (!holiday_counts(h, regions, s->adviesweek) || h->end < from || h->start > to)
			continue;
		for (long d = h->start < from ? from : h->start; rc == 0 && d <= h->end && d <= to; d++)
			rc = pending_add(&v, &n, &cap, d, CAL_R_HOLIDAY, i, err);
	}
	for (size_t i = 0; rc == 0 && i < c->n_nationals; i++) {
		const struct cal_national *nat = &c->nationals[i];
		if (nat->day_off && nat->day >= from && nat->day <= to)
			rc = pending_add(&v, &n, &cap, nat->day, CAL_R_NATIONAL, i, err);
	}
	if (rc == 0 && s->n_schools > 0) {
		ids = malloc(s->n_schools * sizeof *ids);
		if (!ids)
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		for (size_t i = 0; rc == 0 && i < s->n_schools; i++)
			ids[i] = s->schools[i].id;
		if (rc == 0)
			qsort(ids, s->n_schools, sizeof *ids, id_cmp);
	}
	for (size_t i = 0; rc == 0 && ids && i < c->n_busy; i++) {
		const struct cal_busy *b = &c->busy[i];
		if (b->end < from || b->start > to ||
		    !bsearch(&b->school_id, ids, s->n_schools, sizeof *ids, id_cmp))
			continue;
		for (long d = b->start < from ? from : b->start; rc == 0 && d <= b->end && d <= to; d++)
			rc = pending_add(&v, &n, &cap, d, CAL_R_BUSY, i, err);
	}
	if (rc == 0) {
		out->first = calloc(days + 1, sizeof *out->first);
		out->busy_schools = calloc(days, sizeof *out->busy_schools);
		out->reasons = malloc((n ? n : 1) * sizeof *out->reasons);
		if (!out->first || !out->busy_schools || !out->reasons)
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	if (rc == 0) {
		qsort(v, n, sizeof *v, pending_cmp);
		out->from = from;
		out->to = to;
		out->n_reasons = n;
		size_t k = 0;
		for (size_t d = 0; d < days; d++) {
			out->first[d] = (uint32_t)k;
			int64_t last_school = 0;
			bool any = false;
			while (k < n && v[k].day == from + (long)d) {
				out->reasons[k] = v[k].r;
				if (v[k].r.kind == CAL_R_BUSY) {
					/* Busy reasons of one day are in index order, not school
					 * order: count each school once with a small scan. */
					int64_t sid = c->busy[v[k].r.index].school_id;
					bool seen = any && sid == last_school;
					for (size_t j = out->first[d]; !seen && j < k; j++)
						seen = out->reasons[j].kind == CAL_R_BUSY &&
						       c->busy[out->reasons[j].index].school_id == sid;
					if (!seen && out->busy_schools[d] < UINT16_MAX)
						out->busy_schools[d]++;
					last_school = sid;
					any = true;
				}
				k++;
			}
		}
		out->first[days] = (uint32_t)k;
	}
	free(v);
	free(ids);
	if (rc)
		calendar_daymap_release(out);
	return rc;
}

void calendar_daymap_release(struct cal_daymap *m)
{
	free(m->first);
	free(m->reasons);
	free(m->busy_schools);
	memset(m, 0, sizeof *m);
}
