/*
 * holidays_import.c - reading holiday lists for new school years (see
 * holidays_import.h). Each layout has its own reader that turns entries
 * into raw holidays with a line; one function widens Monday-Friday ranges
 * and validates (core/calendar.c), and a final pass adds every row to a
 * scratch calendar to find rows of one kind and region that overlap.
 */
#include "formats/holidays_import.h"
#include "formats/csvrows.h"
#include "util/date.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const format_names[] = {"auto", "list", "rijksoverheid", "openholidays"};

const char *holidays_format_name(enum holidays_format f)
{
	return f > HOLIDAYS_AUTO && f <= HOLIDAYS_OPENHOLIDAYS ? format_names[f] : "";
}

int holidays_format_parse(const char *s, enum holidays_format *out, struct samen_err *err)
{
	for (int i = 0; i <= HOLIDAYS_OPENHOLIDAYS; i++)
		if (s && strcmp(s, format_names[i]) == 0) {
			*out = (enum holidays_format)i;
			return 0;
		}
	return samen_fail_at(err, SAMEN_EINVAL, 0, "format",
			     "unknown holiday list format '%.30s'; use auto, list, rijksoverheid or"
			     " openholidays",
			     s ? s : "");
}

void holidays_batch_release(struct holidays_batch *b)
{
	free(b->rows);
	b->rows = NULL;
	b->n = b->cap = 0;
}

static void problem(struct holidays_batch *b, long line, const char *field, const char *msg)
{
	if (b->n_problems < HOLIDAYS_MAX_PROBLEMS) {
		struct holidays_problem *p = &b->problems[b->n_problems];
		p->line = line;
		snprintf(p->field, sizeof p->field, "%s", field ? field : "");
		snprintf(p->msg, sizeof p->msg, "%s", msg);
	}
	b->n_problems++;
}

static void problem_err(struct holidays_batch *b, const struct samen_err *e)
{
	problem(b, e->line, e->field, e->msg);
}

/* ---- dates ------------------------------------------------------------------------ */

static long last_sunday(int year, int month)
{
	long d = date_days(year, month, 31);
	return d - date_weekday(d) % 7;
}

int holidays_local_date(const char *ts, long *day)
{
	if (!ts || strlen(ts) < 10)
		return SAMEN_EINVAL;
	char date[11];
	memcpy(date, ts, 10);
	date[10] = '\0';
	long d;
	if (date_parse(date, &d))
		return SAMEN_EINVAL;
	size_t len = strlen(ts);
	if (len == 10) {
		*day = d;
		return 0;
	}
	if (ts[10] != 'T' || len < 16 || !isdigit((unsigned char)ts[11]) ||
	    !isdigit((unsigned char)ts[12]) || ts[13] != ':' || !isdigit((unsigned char)ts[14]) ||
	    !isdigit((unsigned char)ts[15]))
		return SAMEN_EINVAL;
	int h = (ts[11] - '0') * 10 + (ts[12] - '0'), m = (ts[14] - '0') * 10 + (ts[15] - '0');
	if (h > 23 || m > 59)
		return SAMEN_EINVAL;
	if (ts[len - 1] != 'Z') {
		*day = d;
		return 0;
	}
	int y, mo, dd;
	date_civil(d, &y, &mo, &dd);
	long long instant = (long long)d * 86400 + h * 3600 + m * 60;
	long long summer_from = (long long)last_sunday(y, 3) * 86400 + 3600;
	long long summer_to = (long long)last_sunday(y, 10) * 86400 + 3600;
	long long local = instant + (instant >= summer_from && instant < summer_to ? 7200 : 3600);
	*day = (long)(local >= 0 ? local / 86400 : -((-local + 86399) / 86400));
	return 0;
}

/* ---- rows ---------------------------------------------------------------------- */

static int kind_from_name(const char *name, enum cal_kind *kind)
{
	char low[96];
	size_t o = 0;
	for (const char *p = name; *p && o + 1 < sizeof low; p++)
		low[o++] = (char)tolower((unsigned char)*p);
	low[o] = '\0';
	if (calendar_kind_parse(low, kind) == 0)
		return 0;
	static const struct {
		const char *part;
		enum cal_kind kind;
	} parts[] = {
		{"advies", CAL_MEI_ADVIES}, {"herfst", CAL_HERFST},    {"autumn", CAL_HERFST},
		{"kerst", CAL_KERST},       {"christmas", CAL_KERST},  {"voorjaar", CAL_VOORJAAR},
		{"krokus", CAL_VOORJAAR},   {"carnaval", CAL_VOORJAAR}, {"spring", CAL_VOORJAAR},
		{"meivakantie", CAL_MEI},   {"may holiday", CAL_MEI},  {"zomer", CAL_ZOMER},
		{"summer", CAL_ZOMER},
	};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (strstr(low, parts[i].part)) {
			*kind = parts[i].kind;
			return 0;
		}
	return SAMEN_EINVAL;
}

static int push(struct holidays_batch *b, const struct holidays_row *row)
{
	if (b->n == b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 64;
		void *p = realloc(b->rows, nc * sizeof *b->rows);
		if (!p)
			return SAMEN_ENOMEM;
		b->rows = p;
		b->cap = nc;
	}
	b->rows[b->n++] = *row;
	return 0;
}

/*
 * One holiday: widen a Monday-Friday range to the weekends, validate, keep.
 * school_year < 0 means "derive it from the start".
 */
static int take(struct holidays_batch *b, long line, int school_year, int region,
		enum cal_kind kind, long start, long end)
{
	struct holidays_row row = {{0}, line, false};
	row.h.region = region;
	row.h.kind = kind;
	row.h.start = start;
	row.h.end = end;
	if (end >= start && date_weekday(start) == 1 && date_weekday(end) == 5) {
		row.h.start -= 2;
		row.h.end += 2;
		row.widened = true;
	}
	row.h.school_year = school_year >= 0 ? school_year : calendar_school_year_of(row.h.start);
	struct samen_err e;
	samen_err_clear(&e);
	if (calendar_holiday_validate(&row.h, line, &e)) {
		problem_err(b, &e);
		return 0;
	}
	return push(b, &row) ? SAMEN_ENOMEM : 0;
}

/* ---- Samen's list layout --------------------------------------------------------- */

static int list_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct holidays_batch *b = ctx;
	(void)err;
	if (line == 1) {
		static const char *const want[5] = {"school_year", "region", "name", "start_date",
						    "end_date"};
		for (int i = 0; i < 5; i++)
			if (i >= n || strcasecmp(f[i], want[i]) != 0) {
				problem(b, 1, i < n ? want[i] : "header",
					"the first line must be the header school_year,region,name,"
					"start_date,end_date");
				return SAMEN_EINVAL;
			}
		return 0;
	}
	if (n < 5) {
		problem(b, line, "end_date", "too few fields: school_year,region,name,start_date,end_date");
		return 0;
	}
	struct samen_err e;
	samen_err_clear(&e);
	int sy, region;
	enum cal_kind kind;
	long start, end;
	if (calendar_school_year_parse(f[0], &sy)) {
		char msg[128];
		snprintf(msg, sizeof msg, "'%.20s' is not a school year like 2026-2027", f[0]);
		problem(b, line, "school_year", msg);
		return 0;
	}
	if (calendar_region_parse(f[1], &region, line, &e)) {
		problem_err(b, &e);
		return 0;
	}
	if (kind_from_name(f[2], &kind)) {
		char msg[160];
		snprintf(msg, sizeof msg, "unknown holiday '%.40s'", f[2]);
		problem(b, line, "name", msg);
		return 0;
	}
	if (date_parse(f[3], &start)) {
		problem(b, line, "start_date", "not a date (YYYY-MM-DD)");
		return 0;
	}
	if (date_parse(f[4], &end)) {
		problem(b, line, "end_date", "not a date (YYYY-MM-DD)");
		return 0;
	}
	return take(b, line, sy, region, kind, start, end);
}

/* ---- OpenHolidays CSV -------------------------------------------------------------- */

struct oh_cols {
	struct holidays_batch *b;
	int start, end, name, groups, type;
};

static int oh_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct oh_cols *c = ctx;
	struct holidays_batch *b = c->b;
	(void)err;
	if (line == 1) {
		c->start = c->end = c->name = c->groups = c->type = -1;
		for (int i = 0; i < n; i++) {
			if (strcasecmp(f[i], "StartDate") == 0)
				c->start = i;
			else if (strcasecmp(f[i], "EndDate") == 0)
				c->end = i;
			else if (strcasecmp(f[i], "Name") == 0)
				c->name = i;
			else if (strcasecmp(f[i], "Groups") == 0)
				c->groups = i;
			else if (strcasecmp(f[i], "Subdivisions") == 0 && c->groups < 0)
				c->groups = i;
			else if (strcasecmp(f[i], "Type") == 0)
				c->type = i;
		}
		if (c->start < 0 || c->end < 0 || c->name < 0 || c->groups < 0) {
			problem(b, 1, "header",
				"an OpenHolidays export needs the columns StartDate, EndDate, Name and"
				" Groups (or Subdivisions)");
			return SAMEN_EINVAL;
		}
		return 0;
	}
	int need = c->start;
	if (c->end > need)
		need = c->end;
	if (c->name > need)
		need = c->name;
	if (c->groups > need)
		need = c->groups;
	if (n <= need) {
		problem(b, line, "Groups", "too few fields for the header");
		return 0;
	}
	if (c->type >= 0 && c->type < n && f[c->type][0] && strcasecmp(f[c->type], "School") != 0) {
		char msg[128];
		snprintf(msg, sizeof msg, "type '%.20s' is not a school holiday", f[c->type]);
		problem(b, line, "Type", msg);
		return 0;
	}
	long start, end;
	if (date_parse(f[c->start], &start)) {
		problem(b, line, "StartDate", "not a date (YYYY-MM-DD)");
		return 0;
	}
	if (date_parse(f[c->end], &end)) {
		problem(b, line, "EndDate", "not a date (YYYY-MM-DD)");
		return 0;
	}
	/* "NL Kerstvakantie,DE Weihnachtsferien,EN Christmas Holidays": the Dutch name. */
	char name[96] = "";
	const char *all = f[c->name];
	const char *nl = strstr(all, "NL ");
	if (nl && (nl == all || nl[-1] == ',')) {
		size_t len = strcspn(nl + 3, ",");
		snprintf(name, sizeof name, "%.*s", (int)(len < 90 ? len : 90), nl + 3);
	} else {
		snprintf(name, sizeof name, "%.90s", all);
	}
	enum cal_kind kind;
	if (kind_from_name(name, &kind)) {
		char msg[160];
		snprintf(msg, sizeof msg, "unknown holiday '%.60s'", all);
		problem(b, line, "Name", msg);
		return 0;
	}
	const char *g = f[c->groups];
	int taken = 0;
	while (*g) {
		while (*g == ',' || *g == ' ')
			g++;
		if (!*g)
			break;
		size_t len = strcspn(g, ", ");
		char code[32];
		snprintf(code, sizeof code, "%.*s", (int)(len < 30 ? len : 30), g);
		int region;
		struct samen_err e;
		samen_err_clear(&e);
		if (calendar_region_parse(code, &region, line, &e)) {
			snprintf(e.field, sizeof e.field, "Groups");
			problem_err(b, &e);
		} else if (take(b, line, -1, region, kind, start, end)) {
			return SAMEN_ENOMEM;
		}
		taken++;
		g += len;
	}
	if (!taken)
		problem(b, line, "Groups", "no region (NO, MI or ZU)");
	return 0;
}

/* ---- the government's open data (JSON) ------------------------------------------- */

/* Line of the k-th "startdate" key in the text: every region entry has one. */
static long json_entry_line(const char *text, size_t len, size_t k)
{
	long line = 1;
	size_t seen = 0;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\n')
			line++;
		else if (text[i] == '"' && i + 11 <= len && memcmp(text + i, "\"startdate\"", 11) == 0) {
			if (seen++ == k)
				return line;
		}
	}
	return 0;
}

static void trim_copy(char *out, size_t n, const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	size_t len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	snprintf(out, n, "%.*s", (int)(len < n - 1 ? len : n - 1), s);
}

static const char *str_or(json_t *v)
{
	const char *s = json_string_value(v);
	return s ? s : "";
}

static int json_content(struct holidays_batch *b, json_t *content, const char *text, size_t len,
			size_t *entry)
{
	int sy = -1;
	const char *year = json_string_value(json_object_get(content, "schoolyear"));
	if (year) {
		char compact[32];
		size_t o = 0;
		for (const char *p = year; *p && o + 1 < sizeof compact; p++)
			if (!isspace((unsigned char)*p))
				compact[o++] = *p;
		compact[o] = '\0';
		if (calendar_school_year_parse(compact, &sy))
			sy = -1;
	}
	json_t *vacations = json_object_get(content, "vacations");
	size_t i;
	json_t *vac;
	json_array_foreach(vacations, i, vac) {
		char type[96];
		trim_copy(type, sizeof type, str_or(json_object_get(vac, "type")));
		enum cal_kind kind;
		bool kind_ok = kind_from_name(type, &kind) == 0;
		size_t j;
		json_t *reg;
		json_array_foreach(json_object_get(vac, "regions"), j, reg) {
			long line = json_entry_line(text, len, (*entry)++);
			if (!kind_ok) {
				char msg[160];
				snprintf(msg, sizeof msg, "unknown holiday '%.60s'", type);
				problem(b, line, "type", msg);
				continue;
			}
			char region[32];
			trim_copy(region, sizeof region,
				  str_or(json_object_get(reg, "region")));
			long start, end;
			if (holidays_local_date(json_string_value(json_object_get(reg, "startdate")), &start)) {
				problem(b, line, "startdate", "not a date or UTC timestamp");
				continue;
			}
			if (holidays_local_date(json_string_value(json_object_get(reg, "enddate")), &end)) {
				problem(b, line, "enddate", "not a date or UTC timestamp");
				continue;
			}
			if (strcasecmp(region, "heel Nederland") == 0) {
				for (int r = 0; r < CAL_NREGIONS; r++)
					if (take(b, line, sy, r, kind, start, end))
						return SAMEN_ENOMEM;
				continue;
			}
			int r;
			struct samen_err e;
			samen_err_clear(&e);
			if (calendar_region_parse(region, &r, line, &e)) {
				problem_err(b, &e);
				continue;
			}
			if (take(b, line, sy, r, kind, start, end))
				return SAMEN_ENOMEM;
		}
	}
	return 0;
}

static int json_list(struct holidays_batch *b, const char *text, size_t len)
{
	json_error_t jerr;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		char msg[256];
		snprintf(msg, sizeof msg, "not valid JSON: %s", jerr.text);
		problem(b, jerr.line > 0 ? jerr.line : 1, "file", msg);
		return SAMEN_EINVAL;
	}
	size_t entry = 0, i, j;
	json_t *item, *content;
	int rc = 0;
	json_t *items = json_is_array(root) ? root : NULL;
	if (!items && json_is_object(root)) {
		items = json_array();
		json_array_append(items, root);
	}
	json_array_foreach(items, i, item) {
		json_t *contents = json_object_get(item, "content");
		if (!json_is_array(contents)) {
			problem(b, 1, "content", "the government's list has a 'content' array per item");
			rc = SAMEN_EINVAL;
			break;
		}
		json_array_foreach(contents, j, content) {
			if ((rc = json_content(b, content, text, len, &entry)) != 0)
				break;
		}
		if (rc)
			break;
	}
	if (items && items != root)
		json_decref(items);
	json_decref(root);
	if (rc == 0 && entry == 0) {
		problem(b, 1, "vacations", "the list holds no holidays");
		rc = SAMEN_EINVAL;
	}
	return rc;
}

/* ---- the whole file ------------------------------------------------------------ */

static enum holidays_format detect(const char *data, size_t len)
{
	size_t i = 0;
	if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
	    (unsigned char)data[2] == 0xBF)
		i = 3;
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	if (i < len && (data[i] == '[' || data[i] == '{'))
		return HOLIDAYS_RIJKSOVERHEID;
	size_t eol = i;
	while (eol < len && data[eol] != '\n')
		eol++;
	char first[512];
	size_t n = eol - i < sizeof first - 1 ? eol - i : sizeof first - 1;
	memcpy(first, data + i, n);
	first[n] = '\0';
	if (strncasecmp(first, "school_year", 11) == 0)
		return HOLIDAYS_LIST_CSV;
	if (strchr(first, ';') && strcasestr(first, "StartDate"))
		return HOLIDAYS_OPENHOLIDAYS;
	return HOLIDAYS_AUTO;
}

int holidays_parse(const char *data, size_t len, enum holidays_format format,
		   struct holidays_batch *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	if (len > HOLIDAYS_MAX_BYTES)
		return samen_fail(err, SAMEN_ETOOBIG, "a holiday list may have at most %zu bytes",
				  HOLIDAYS_MAX_BYTES);
	if (format == HOLIDAYS_AUTO)
		format = detect(data, len);
	out->format = format;
	int rc = 0;
	switch (format) {
	case HOLIDAYS_LIST_CSV:
		rc = csvrows_parse(data, len, ',', list_row, out, err);
		break;
	case HOLIDAYS_OPENHOLIDAYS: {
		struct oh_cols cols = {out, -1, -1, -1, -1, -1};
		rc = csvrows_parse(data, len, ';', oh_row, &cols, err);
		break;
	}
	case HOLIDAYS_RIJKSOVERHEID:
		rc = json_list(out, data, len);
		break;
	case HOLIDAYS_AUTO:
	default:
		problem(out, 1, "file",
			"unknown holiday list: expected Samen's list (school_year,region,...), the"
			" government's JSON or an OpenHolidays CSV export (StartDate;EndDate;...)");
		rc = SAMEN_EINVAL;
		break;
	}
	if (rc == SAMEN_ENOMEM)
		return samen_fail(err, rc, "out of memory");
	if (rc && out->n_problems == 0 && err)
		problem_err(out, err); /* a CSV syntax error from csvrows */
	if (rc == 0 && out->n == 0 && out->n_problems == 0)
		problem(out, 1, "file", "the list holds no holidays");
	/* Rows of one kind and region must not overlap or repeat a school year. */
	if (rc == 0 || out->n > 0) {
		struct calendar scratch;
		calendar_init(&scratch);
		for (size_t i = 0; i < out->n; i++) {
			struct samen_err e;
			samen_err_clear(&e);
			int arc = calendar_add_holiday(&scratch, &out->rows[i].h, out->rows[i].line, &e);
			if (arc == SAMEN_ENOMEM) {
				calendar_release(&scratch);
				return samen_fail(err, arc, "out of memory");
			}
			if (arc)
				problem_err(out, &e);
		}
		calendar_release(&scratch);
	}
	if (out->n_problems > 0) {
		const struct holidays_problem *p = &out->problems[0];
		return samen_fail_at(err, SAMEN_EINVAL, p->line, p->field, "%s", p->msg);
	}
	return 0;
}
