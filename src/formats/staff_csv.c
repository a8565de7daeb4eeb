/*
 * staff_csv.c - the staff file reader (see staff_csv.h and
 * docs/formats/staff-csv.md). Rows arrive through csvrows; the first row is
 * the header, which is resolved through the mapping into Samen columns;
 * every further row becomes one struct staff_record, checked field by
 * field here and as a whole by staff_validate.
 */
#include "formats/staff_csv.h"

#include "formats/csvrows.h"
#include "util/date.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct parse_state {
	const struct staff_mapping *map;
	long today;
	bool have_header;
	long header_line;
	int ncols;
	enum staff_col col[CSVROWS_MAX_FIELDS];
	enum staff_conv conv[CSVROWS_MAX_FIELDS];
	bool unnamed[CSVROWS_MAX_FIELDS];
	char hdr[CSVROWS_MAX_FIELDS][64];  /* header as written (trimmed), for messages */
	int where[STAFF_COL_COUNT];        /* column index of each Samen column, -1 if absent */
	struct staff_record *recs;
	size_t n, cap;
};

/* ---- small helpers ---------------------------------------------------- */

static bool is_blank_at(const char *s, size_t i, size_t len, size_t *w)
{
	if (s[i] == ' ' || s[i] == '\t') {
		*w = 1;
		return true;
	}
	/* U+00A0 no-break space, which spreadsheets like to leave behind. */
	if (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
		*w = 2;
		return true;
	}
	return false;
}

/* Trim blanks (space, tab, no-break space) in place; returns s. */
static char *trim(char *s)
{
	size_t len = strlen(s), w = 0, start = 0;
	while (start < len && is_blank_at(s, start, len, &w))
		start += w;
	size_t end = len;
	for (;;) {
		if (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
			end--;
		else if (end >= start + 2 && (unsigned char)s[end - 2] == 0xC2 &&
			 (unsigned char)s[end - 1] == 0xA0)
			end -= 2;
		else
			break;
	}
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

/* True when s is well-formed UTF-8 (no overlongs, no surrogates). */
static bool utf8_valid(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	while (*s) {
		unsigned c = *s;
		int n;
		unsigned min;
		if (c < 0x80) {
			s++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1, min = 0x80, c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2, min = 0x800, c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3, min = 0x10000, c &= 0x07;
		} else {
			return false;
		}
		s++;
		for (int i = 0; i < n; i++, s++) {
			if ((*s & 0xC0) != 0x80)
				return false;
			c = (c << 6) | (*s & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return false;
	}
	return true;
}

static void lower_ascii(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static void upper_ascii(char *s)
{
	for (; *s; s++)
		*s = (char)toupper((unsigned char)*s);
}

/* Copy v into a fixed field of size n, or fail naming the field. Never truncates. */
static int put_text(char *dst, size_t n, const char *v, long line, const char *field,
		    struct samen_err *err)
{
	size_t len = strlen(v);
	if (len >= n)
		return samen_fail_at(err, SAMEN_EINVAL, line, field,
				     "value is %zu bytes long; at most %zu fit", len, n - 1);
	memcpy(dst, v, len + 1);
	return 0;
}

/* ---- values ----------------------------------------------------------- */

int staff_csv_number(const char *s, double *out)
{
	uint64_t mant = 0;
	int digits = 0, frac = 0, seps = 0, before = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (digits >= 18)
				return SAMEN_EINVAL;
			if (mant > 0 || *p != '0')
				digits++;
			mant = mant * 10 + (uint64_t)(*p - '0');
			if (seps)
				frac++;
			else
				before++;
		} else if ((*p == '.' || *p == ',') && seps == 0) {
			seps = 1;
		} else {
			return SAMEN_EINVAL;
		}
	}
	if (before == 0 || (seps && frac == 0) || frac > 18)
		return SAMEN_EINVAL;
	double v = (double)mant;
	if (frac)
		v /= pow(10.0, frac); /* one correctly rounded division for short decimals */
	*out = v;
	return 0;
}

int staff_csv_date(const char *s, char iso[11])
{
	char buf[11];
	if (strlen(s) != 10)
		return SAMEN_EINVAL;
	if (s[4] == '-' && s[7] == '-') {
		memcpy(buf, s, 11);
	} else if (s[2] == '-' && s[5] == '-') {
		/* DD-MM-YYYY -> YYYY-MM-DD */
		memcpy(buf, s + 6, 4);
		buf[4] = '-';
		memcpy(buf + 5, s + 3, 2);
		buf[7] = '-';
		memcpy(buf + 8, s, 2);
		buf[10] = '\0';
	} else {
		return SAMEN_EINVAL;
	}
	long days;
	if (date_parse(buf, &days) != 0)
		return SAMEN_EINVAL;
	memcpy(iso, buf, 11);
	return 0;
}

const char *staff_csv_level_code(enum qual_level level)
{
	switch (level) {
	case QUAL_FIRST: return "1";
	case QUAL_SECOND: return "2";
	case QUAL_LIMITED_SECOND: return "b2";
	case QUAL_IN_TRAINING: return "o";
	default: return "";
	}
}

enum qual_level staff_csv_level(const char *code)
{
	if (strcmp(code, "1") == 0)
		return QUAL_FIRST;
	if (strcmp(code, "2") == 0)
		return QUAL_SECOND;
	if (strcasecmp(code, "b2") == 0)
		return QUAL_LIMITED_SECOND;
	if (strcasecmp(code, "o") == 0)
		return QUAL_IN_TRAINING;
	return qual_level_parse(code);
}

/* A shape check for messages: does s look like a (wrong) date? */
static bool date_shaped(const char *s)
{
	if (strlen(s) != 10)
		return false;
	int dashes = (s[4] == '-' && s[7] == '-') || (s[2] == '-' && s[5] == '-');
	for (int i = 0; i < 10; i++)
		if (s[i] != '-' && !isdigit((unsigned char)s[i]))
			return false;
	return dashes;
}

static int parse_date_field(const char *v, char iso[11], long line, const char *field,
			    struct samen_err *err)
{
	if (staff_csv_date(v, iso) == 0)
		return 0;
	if (date_shaped(v))
		return samen_fail_at(err, SAMEN_EINVAL, line, field, "'%s' is not a real date", v);
	return samen_fail_at(err, SAMEN_EINVAL, line, field,
			     "'%s' is not a date (write YYYY-MM-DD or DD-MM-YYYY)", v);
}

static int parse_number_field(const char *v, double *out, long line, const char *field,
			      struct samen_err *err)
{
	if (v[0] == '-')
		return samen_fail_at(err, SAMEN_EINVAL, line, field, "'%s' must not be negative",
				     v);
	if (staff_csv_number(v, out) != 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, field,
				     "'%s' is not a number (write e.g. 1327,2 or 1327.2, "
				     "without thousands separators)",
				     v);
	return 0;
}

/* Split a '|' list in place into at most max trimmed, non-empty items. */
static int split_list(char *v, char **items, int max, int *n, long line, const char *field,
		      const char *what, struct samen_err *err)
{
	*n = 0;
	if (*v == '\0')
		return 0;
	char *p = v;
	for (;;) {
		char *bar = strchr(p, '|');
		if (bar)
			*bar = '\0';
		if (*n >= max)
			return samen_fail_at(err, SAMEN_EINVAL, line, field,
					     "more than %d %s in one row", max, what);
		items[(*n)++] = trim(p);
		if (items[*n - 1][0] == '\0')
			return samen_fail_at(err, SAMEN_EINVAL, line, field,
					     "empty item in the '|' list (item %d)", *n);
		if (!bar)
			break;
		p = bar + 1;
	}
	return 0;
}

/* ---- the header ------------------------------------------------------- */

static int on_header(struct parse_state *st, long line, int nf, char **f, struct samen_err *err)
{
	st->have_header = true;
	st->header_line = line;
	st->ncols = nf;
	for (int c = 0; c < STAFF_COL_COUNT; c++)
		st->where[c] = -1;

	char unknown[512] = "";
	size_t ulen = 0;
	int nunknown = 0, first_unknown = -1;
	for (int i = 0; i < nf; i++) {
		if (!utf8_valid(f[i]))
			return samen_fail_at(err, SAMEN_EINVAL, line, "",
					     "column %d: header is not valid UTF-8 "
					     "(save the file as \"CSV UTF-8\")",
					     i + 1);
		char *h = trim(f[i]);
		snprintf(st->hdr[i], sizeof st->hdr[i], "%s", h);
		st->col[i] = STAFF_COL_IGNORE;
		st->conv[i] = STAFF_CONV_NONE;
		st->unnamed[i] = h[0] == '\0';
		if (st->unnamed[i])
			continue;
		if (staff_mapping_lookup(st->map, h, &st->col[i], &st->conv[i]) != 0) {
			if (first_unknown < 0)
				first_unknown = i;
			nunknown++;
			int w = snprintf(unknown + ulen, sizeof unknown - ulen, "%s'%s'",
					 ulen ? ", " : "", h);
			if (w > 0 && (size_t)w < sizeof unknown - ulen)
				ulen += (size_t)w;
			continue;
		}
		enum staff_col c = st->col[i];
		if (c == STAFF_COL_IGNORE)
			continue;
		if (st->where[c] >= 0)
			return samen_fail_at(err, SAMEN_EINVAL, line, st->hdr[i],
					     "columns '%s' and '%s' both give %s",
					     st->hdr[st->where[c]], st->hdr[i], staff_col_name(c));
		st->where[c] = i;
	}

	char missing[256] = "";
	size_t mlen = 0;
	enum staff_col first_missing = STAFF_COL_IGNORE;
	for (int c = 1; c < STAFF_COL_COUNT; c++) {
		if (!staff_col_required((enum staff_col)c) || st->where[c] >= 0)
			continue;
		if (first_missing == STAFF_COL_IGNORE)
			first_missing = (enum staff_col)c;
		const char *src = staff_mapping_source_of(st->map, (enum staff_col)c);
		int w = src ? snprintf(missing + mlen, sizeof missing - mlen, "%s'%s' (%s)",
				       mlen ? ", " : "", src, staff_col_name((enum staff_col)c))
			    : snprintf(missing + mlen, sizeof missing - mlen, "%s'%s'",
				       mlen ? ", " : "", staff_col_name((enum staff_col)c));
		if (w > 0 && (size_t)w < sizeof missing - mlen)
			mlen += (size_t)w;
	}

	const char *mapname = st->map && st->map->n ? st->map->name : "samen";
	if (nunknown)
		return samen_fail_at(err, SAMEN_EINVAL, line, st->hdr[first_unknown],
				     "unknown column%s %s under mapping '%s'%s%s%s",
				     nunknown > 1 ? "s" : "", unknown, mapname,
				     mlen ? "; missing: " : "", missing,
				     " (see docs/formats/staff-csv.md)");
	if (first_missing != STAFF_COL_IGNORE)
		return samen_fail_at(err, SAMEN_EINVAL, line, staff_col_name(first_missing),
				     "missing required column%s %s under mapping '%s'",
				     strchr(missing, ',') ? "s" : "", missing, mapname);
	return 0;
}

/* ---- one row ---------------------------------------------------------- */

static int grow(struct parse_state *st, struct samen_err *err)
{
	if (st->n < st->cap)
		return 0;
	if (st->n >= STAFF_CSV_MAX_ROWS)
		return samen_fail(err, SAMEN_ETOOBIG, "more than %d staff rows in one file",
				  STAFF_CSV_MAX_ROWS);
	size_t cap = st->cap ? st->cap * 2 : 64;
	if (cap > STAFF_CSV_MAX_ROWS)
		cap = STAFF_CSV_MAX_ROWS;
	struct staff_record *r = realloc(st->recs, cap * sizeof *r);
	if (!r)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	st->recs = r;
	st->cap = cap;
	return 0;
}

static int on_row(void *ctx, long line, int nf, char **f, struct samen_err *err)
{
	struct parse_state *st = ctx;
	if (!st->have_header)
		return on_header(st, line, nf, f, err);

	if (nf > st->ncols) {
		char field[32];
		snprintf(field, sizeof field, "column %d", st->ncols + 1);
		return samen_fail_at(err, SAMEN_EINVAL, line, field,
				     "the row has %d fields, the header has %d", nf, st->ncols);
	}
	if (nf < st->ncols)
		return samen_fail_at(err, SAMEN_EINVAL, line, st->hdr[nf],
				     "the row has %d fields, the header has %d", nf, st->ncols);
	int rc = grow(st, err);
	if (rc)
		return rc;

	struct staff_record *r = &st->recs[st->n];
	memset(r, 0, sizeof *r);
	r->line = line;
	char tussenvoegsel[96] = "";
	char *brin[STAFF_MAX_ASSIGN + 1], *vest[STAFF_MAX_ASSIGN + 1], *share[STAFF_MAX_ASSIGN + 1];
	int nbrin = 0, nvest = 0, nshare = 0;

	for (int i = 0; i < nf; i++) {
		const char *fld = st->hdr[i];
		if (!utf8_valid(f[i]))
			return samen_fail_at(err, SAMEN_EINVAL, line, fld,
					     "value is not valid UTF-8 (save the file as \"CSV UTF-8\")");
		char *v = trim(f[i]);
		if (st->unnamed[i]) {
			if (v[0]) {
				char field[32];
				snprintf(field, sizeof field, "column %d", i + 1);
				return samen_fail_at(err, SAMEN_EINVAL, line, field,
						     "value '%s' in a column without a header", v);
			}
			continue;
		}
		enum staff_col c = st->col[i];
		if (c == STAFF_COL_IGNORE)
			continue;
		if (v[0] == '\0') {
			if (staff_col_required(c))
				return samen_fail_at(err, SAMEN_EINVAL, line, fld, "value is required");
			continue;
		}
		switch (c) {
		case STAFF_COL_PERSONEELSNUMMER:
			rc = put_text(r->employee_number, sizeof r->employee_number, v, line, fld, err);
			break;
		case STAFF_COL_VOORNAAM:
			rc = put_text(r->first_name, sizeof r->first_name, v, line, fld, err);
			break;
		case STAFF_COL_ACHTERNAAM:
			rc = put_text(r->last_name, sizeof r->last_name, v, line, fld, err);
			break;
		case STAFF_COL_TUSSENVOEGSEL:
			rc = put_text(tussenvoegsel, sizeof tussenvoegsel, v, line, fld, err);
			break;
		case STAFF_COL_GEBOORTEDATUM:
			rc = parse_date_field(v, r->birth_date, line, fld, err);
			break;
		case STAFF_COL_BEGINDATUM:
			rc = parse_date_field(v, r->start_date, line, fld, err);
			break;
		case STAFF_COL_EINDDATUM:
			rc = parse_date_field(v, r->end_date, line, fld, err);
			break;
		case STAFF_COL_EMAIL:
			lower_ascii(v);
			rc = put_text(r->email, sizeof r->email, v, line, fld, err);
			break;
		case STAFF_COL_CONTRACTSOORT: {
			const char *kind = NULL;
			if (st->conv[i] == STAFF_CONV_CONTRACT)
				kind = staff_mapping_contract(v);
			else if (strcasecmp(v, "vast") == 0)
				kind = "vast";
			else if (strcasecmp(v, "tijdelijk") == 0)
				kind = "tijdelijk";
			if (!kind)
				return samen_fail_at(err, SAMEN_EINVAL, line, fld,
						     "'%s' is not a contract kind (%s)", v,
						     st->conv[i] == STAFF_CONV_CONTRACT
							     ? "e.g. Onbepaalde tijd, Bepaalde tijd"
							     : "vast or tijdelijk");
			rc = put_text(r->contract_kind, sizeof r->contract_kind, kind, line, fld, err);
			break;
		}
		case STAFF_COL_UREN_PER_JAAR: {
			double x;
			rc = parse_number_field(v, &x, line, fld, err);
			if (rc)
				break;
			if (st->conv[i] == STAFF_CONV_FTE)
				x = round(x * STAFF_HOURS_PER_FTE * 100.0) / 100.0;
			else if (st->conv[i] == STAFF_CONV_PERCENT)
				x = round(x * STAFF_HOURS_PER_FTE) / 100.0;
			r->hours_per_year = x;
			break;
		}
		case STAFF_COL_SCHAAL:
			upper_ascii(v);
			rc = put_text(r->salary_scale, sizeof r->salary_scale, v, line, fld, err);
			break;
		case STAFF_COL_TREDE: {
			if (v[0] == '-')
				return samen_fail_at(err, SAMEN_EINVAL, line, fld,
						     "'%s' must not be negative", v);
			size_t k = 0;
			long step = 0;
			for (; v[k] >= '0' && v[k] <= '9' && k < 6; k++)
				step = step * 10 + (v[k] - '0');
			if (k == 0 || v[k] != '\0')
				return samen_fail_at(err, SAMEN_EINVAL, line, fld,
						     "'%s' is not a whole number", v);
			r->salary_step = (int)step;
			break;
		}
		case STAFF_COL_BRIN:
			rc = split_list(v, brin, STAFF_MAX_ASSIGN, &nbrin, line, fld, "schools", err);
			break;
		case STAFF_COL_VESTIGING:
			rc = split_list(v, vest, STAFF_MAX_ASSIGN, &nvest, line, fld, "schools", err);
			break;
		case STAFF_COL_AANDEEL:
			rc = split_list(v, share, STAFF_MAX_ASSIGN, &nshare, line, fld, "shares",
					err);
			break;
		case STAFF_COL_BEVOEGDHEDEN: {
			char *items[STAFF_MAX_QUAL + 1];
			int nq = 0;
			rc = split_list(v, items, STAFF_MAX_QUAL, &nq, line, fld, "qualifications",
					err);
			for (int q = 0; rc == 0 && q < nq; q++) {
				char *colon = strchr(items[q], ':');
				if (!colon)
					return samen_fail_at(err, SAMEN_EINVAL, line, fld,
							     "'%s' is not code:level (e.g. wi:1)",
							     items[q]);
				*colon = '\0';
				char *code = trim(items[q]), *lvl = trim(colon + 1);
				lower_ascii(code);
				if (code[0] == '\0')
					return samen_fail_at(err, SAMEN_EINVAL, line, fld,
							     "qualification %d has no subject code",
							     q + 1);
				struct staff_qualification *sq = &r->qual[q];
				rc = put_text(sq->subject, sizeof sq->subject, code, line, fld, err);
				if (rc)
					break;
				sq->level = staff_csv_level(lvl);
				if (sq->level == QUAL_NONE)
					return samen_fail_at(err, SAMEN_EINVAL, line, fld,
							     "'%s' is not a qualification level for "
							     "%s (1, 2, b2 or o)",
							     lvl, code);
				for (int p = 0; p < q; p++)
					if (strcmp(r->qual[p].subject, code) == 0)
						return samen_fail_at(err, SAMEN_EINVAL, line, fld,
								     "subject %s is listed twice",
								     code);
				r->n_qual = q + 1;
			}
			break;
		}
		default:
			break;
		}
		if (rc)
			return rc;
	}

	/* The school lists belong together. */
	const char *fb = st->hdr[st->where[STAFF_COL_BRIN]];
	const char *fv = st->hdr[st->where[STAFF_COL_VESTIGING]];
	const char *fa = st->where[STAFF_COL_AANDEEL] >= 0 ? st->hdr[st->where[STAFF_COL_AANDEEL]]
							    : "aandeel";
	if (nvest != nbrin)
		return samen_fail_at(err, SAMEN_EINVAL, line, fv,
				     "%d vestiging codes for %d BRIN codes; the '|' lists of "
				     "brin and vestiging must have the same length",
				     nvest, nbrin);
	if (nshare != 0 && nshare != nbrin)
		return samen_fail_at(err, SAMEN_EINVAL, line, fa,
				     "%d shares for %d schools; the '|' lists of brin and aandeel "
				     "must have the same length",
				     nshare, nbrin);
	if (nshare == 0 && nbrin > 1)
		return samen_fail_at(err, SAMEN_EINVAL, line, fa,
				     "a person working at %d schools needs an aandeel per school "
				     "(e.g. 0,6|0,4)",
				     nbrin);
	for (int a = 0; a < nbrin; a++) {
		struct staff_assignment *as = &r->assign[a];
		upper_ascii(brin[a]);
		rc = put_text(as->brin, sizeof as->brin, brin[a], line, fb, err);
		if (rc)
			return rc;
		char padded[3];
		const char *vv = vest[a];
		/* Spreadsheets drop the leading zero of "00"/"01": restore it. */
		if (strlen(vv) == 1 && isdigit((unsigned char)vv[0])) {
			padded[0] = '0';
			padded[1] = vv[0];
			padded[2] = '\0';
			vv = padded;
		}
		rc = put_text(as->vestiging, sizeof as->vestiging, vv, line, fv, err);
		if (rc)
			return rc;
		as->fte_share = 1.0;
		if (nshare) {
			rc = parse_number_field(share[a], &as->fte_share, line, fa, err);
			if (rc)
				return rc;
		}
	}
	r->n_assign = nbrin;

	if (tussenvoegsel[0]) {
		char full[sizeof r->last_name + sizeof tussenvoegsel + 2];
		snprintf(full, sizeof full, "%s %s", tussenvoegsel, r->last_name);
		const char *fl = st->hdr[st->where[STAFF_COL_ACHTERNAAM]];
		rc = put_text(r->last_name, sizeof r->last_name, full, line, fl, err);
		if (rc)
			return rc;
	}

	rc = staff_validate(r, st->today, err);
	if (rc) {
		/* staff_validate names Samen's column; name it as the file does. */
		if (err) {
			enum staff_col c = staff_col_parse(err->field);
			if (c != STAFF_COL_IGNORE && st->where[c] >= 0)
				snprintf(err->field, sizeof err->field, "%s", st->hdr[st->where[c]]);
		}
		return rc;
	}
	st->n++;
	return 0;
}

int staff_csv_parse(const char *data, size_t len, const struct staff_mapping *map, long today,
		    struct staff_record **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	if (len > STAFF_CSV_MAX_BYTES)
		return samen_fail(err, SAMEN_ETOOBIG,
				  "the staff file is %zu bytes; the limit is %zu bytes (64 MiB)", len,
				  STAFF_CSV_MAX_BYTES);
	struct parse_state *st = calloc(1, sizeof *st);
	if (!st)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	st->map = map;
	st->today = today;
	int rc = csvrows_parse(data, len, csvrows_sniff(data, len), on_row, st, err);
	if (rc == 0 && !st->have_header)
		rc = samen_fail_at(err, SAMEN_EINVAL, 1, "", "the file is empty (no header row)");
	if (rc == 0) {
		*out = st->recs;
		*n = st->n;
		if (st->n == 0) {
			free(st->recs);
			*out = NULL;
		}
	} else {
		free(st->recs);
	}
	free(st);
	return rc;
}

void staff_csv_free(struct staff_record *recs)
{
	free(recs);
}
