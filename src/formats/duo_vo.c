/*
 * duo_vo.c - the DUO VO open-data reader (see duo_vo.h). Column names are
 * compared after normalising: upper case, surrounding spaces removed, runs
 * of spaces made one. The dictionary below lists every column Samen knows
 * from DUO's VO files (both generations); year columns of the personnel
 * files ("PERSONEN 2025") and the pupil breakdown ("LEER- OF VERBLIJFSJAAR
 * 3 - VROUW") are matched by pattern.
 */
#include "formats/duo_vo.h"
#include "formats/csvrows.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum role {
	R_NONE = 0, R_IGNORE, R_BRIN_OLD, R_BRIN_NEW, R_VEST_OLD, R_VEST_NEW, R_BOARD, R_NAME,
	R_STREET, R_HOUSENO, R_POSTCODE, R_CITY, R_MUNCODE, R_MUN, R_PROVINCE, R_DENOM, R_STRUCT,
	R_BOARDNAME, R_KVK, R_LEVEL, R_YEAR, R_PROGNOSIS, R_FUNCTIE, R_PUPILS_TOTAL,
	/* patterns */
	R_PUPIL_PART, R_PERS_Y, R_FTE_Y, R_AGE_Y, R_IGNORE_Y,
};

static const struct {
	const char *name;
	enum role role;
} dict[] = {
	{"PROVINCIE", R_PROVINCE},
	{"BEVOEGD GEZAG NUMMER", R_BOARD},
	{"BEVOEGD GEZAG", R_BOARD},
	{"BRIN NUMMER", R_BRIN_OLD},
	{"INSTELLINGSCODE", R_BRIN_NEW},
	{"VESTIGINGSNUMMER", R_VEST_OLD},
	{"VESTIGINGSCODE", R_VEST_NEW},
	{"VESTIGINGSNAAM", R_NAME},
	{"INSTELLINGSNAAM", R_IGNORE},
	{"BEVOEGD GEZAG NAAM", R_BOARDNAME},
	{"STRAATNAAM", R_STREET},
	{"HUISNUMMER-TOEVOEGING", R_HOUSENO},
	{"POSTCODE", R_POSTCODE},
	{"PLAATSNAAM", R_CITY},
	{"GEMEENTENUMMER", R_MUNCODE},
	{"GEMEENTENAAM", R_MUN},
	{"DENOMINATIE", R_DENOM},
	{"TELEFOONNUMMER", R_IGNORE},
	{"INTERNETADRES", R_IGNORE},
	{"ONDERWIJSSTRUCTUUR", R_STRUCT},
	{"STRAATNAAM CORRESPONDENTIEADRES", R_IGNORE},
	{"HUISNUMMER-TOEVOEGING CORRESPONDENTIEADRES", R_IGNORE},
	{"POSTCODE CORRESPONDENTIEADRES", R_IGNORE},
	{"PLAATSNAAM CORRESPONDENTIEADRES", R_IGNORE},
	{"NODAAL GEBIED CODE", R_IGNORE},
	{"NODAAL GEBIED NAAM", R_IGNORE},
	{"RPA-GEBIED CODE", R_IGNORE},
	{"RPA-GEBIED NAAM", R_IGNORE},
	{"WGR-GEBIED CODE", R_IGNORE},
	{"WGR-GEBIED NAAM", R_IGNORE},
	{"COROPGEBIED CODE", R_IGNORE},
	{"COROPGEBIED NAAM", R_IGNORE},
	{"ONDERWIJSGEBIED CODE", R_IGNORE},
	{"ONDERWIJSGEBIED NAAM", R_IGNORE},
	{"RMC-REGIO CODE", R_IGNORE},
	{"RMC-REGIO NAAM", R_IGNORE},
	{"ADMINISTRATIEKANTOORNUMMER", R_IGNORE},
	{"KVK-NUMMER", R_KVK},
	{"ONDERWIJSNIVEAU", R_LEVEL},
	{"JAAR", R_YEAR},
	{"PEILJAAR", R_YEAR},
	{"PROGNOSEAANTALLEN", R_PROGNOSIS},
	{"FUNCTIEGROEP", R_FUNCTIE},
	{"ONDERWIJSTYPE", R_IGNORE},
	{"ONDERWIJSTYPE VO", R_IGNORE},
	{"SECTOR", R_IGNORE},
	{"OPLEIDINGSCODE", R_IGNORE},
	{"OPLEIDINGSNAAM", R_IGNORE},
	{"ELEMENTCODE", R_IGNORE},
	{"ELEMENTNAAM", R_IGNORE},
	{"LEERWEG VMBO", R_IGNORE},
	{"VMBO SECTOR", R_IGNORE},
	{"AFDELING", R_IGNORE},
	{"ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR", R_IGNORE},
	{"AANTAL LEERLINGEN", R_PUPILS_TOTAL},
	{"TOTAAL AANTAL LEERLINGEN", R_PUPILS_TOTAL},
};

/* Year-column prefixes of the personnel files: "<PREFIX> YYYY". */
static const struct {
	const char *prefix;
	enum role role;
} year_cols[] = {
	{"PERSONEN", R_PERS_Y},
	{"FTE'S", R_FTE_Y},
	{"FTES", R_FTE_Y},
	{"FTE", R_FTE_Y},
	{"GEMIDDELDE LEEFTIJD", R_AGE_Y},
	{"GEMIDDELDE FTE'S", R_IGNORE_Y},
	{"AANDEEL MANNEN", R_IGNORE_Y},
	{"AANDEEL VROUWEN", R_IGNORE_Y},
	{"AANDEEL VAST", R_IGNORE_Y},
	{"AANDEEL TIJDELIJK", R_IGNORE_Y},
};

const char *duo_kind_name(enum duo_kind k)
{
	switch (k) {
	case DUO_LOCATIONS: return "locations";
	case DUO_BOARDS: return "boards";
	case DUO_PUPILS: return "pupils";
	case DUO_PROGNOSES: return "prognoses";
	case DUO_PERSONNEL: return "personnel";
	default: return "unknown";
	}
}

enum duo_kind duo_kind_parse(const char *s)
{
	for (int k = DUO_LOCATIONS; k <= DUO_PERSONNEL; k++)
		if (s && strcmp(s, duo_kind_name((enum duo_kind)k)) == 0)
			return (enum duo_kind)k;
	return DUO_UNKNOWN;
}

/* Upper-case, trim and collapse spaces into out (n bytes). */
static void normalise(const char *in, char *out, size_t n)
{
	size_t o = 0;
	bool space = false;
	while (*in == ' ' || *in == '\t')
		in++;
	for (; *in && o + 1 < n; in++) {
		unsigned char c = (unsigned char)*in;
		if (c == ' ' || c == '\t') {
			space = true;
			continue;
		}
		if (space && o > 0 && o + 2 < n)
			out[o++] = ' ';
		space = false;
		out[o++] = (char)toupper(c);
	}
	out[o] = '\0';
}

/* "LEER- OF VERBLIJFSJAAR n - MAN" / "... - VROUW". */
static bool is_pupil_part(const char *h)
{
	static const char pre[] = "LEER- OF VERBLIJFSJAAR ";
	if (strncmp(h, pre, sizeof pre - 1) != 0)
		return false;
	const char *p = h + sizeof pre - 1;
	if (!isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p))
		p++;
	return strcmp(p, " - MAN") == 0 || strcmp(p, " - VROUW") == 0;
}

/* "<prefix> YYYY": the role and the year, or R_NONE. */
static enum role year_col(const char *h, int *year)
{
	size_t n = strlen(h);
	if (n < 6 || h[n - 5] != ' ')
		return R_NONE;
	for (size_t i = n - 4; i < n; i++)
		if (!isdigit((unsigned char)h[i]))
			return R_NONE;
	for (size_t i = 0; i < sizeof year_cols / sizeof year_cols[0]; i++) {
		size_t pl = strlen(year_cols[i].prefix);
		if (pl == n - 5 && strncmp(h, year_cols[i].prefix, pl) == 0) {
			*year = (int)strtol(h + n - 4, NULL, 10);
			return year_cols[i].role;
		}
	}
	return R_NONE;
}

struct col {
	enum role role;
	int year;
	char name[96];
};

struct parse {
	struct duo_file f;
	struct col cols[CSVROWS_MAX_FIELDS];
	int ncols;
	int idx[R_IGNORE_Y + 1]; /* first column of each single role, -1 if none */
	enum duo_kind want;
	int year;                /* the caller's peiljaar for pupils */
	size_t cap;
	bool header_done;
};

static int grow(void **p, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 256;
	void *q = realloc(*p, nc * sz);
	if (!q)
		return SAMEN_ENOMEM;
	memset((char *)q + *cap * sz, 0, (nc - *cap) * sz);
	*p = q;
	*cap = nc;
	return 0;
}

static const char *get(const struct parse *ps, int n, char **f, enum role r)
{
	int i = ps->idx[r];
	return i >= 0 && i < n ? f[i] : "";
}

static void copy(char *dst, size_t n, const char *src)
{
	while (*src == ' ')
		src++;
	snprintf(dst, n, "%s", src);
	size_t l = strlen(dst);
	while (l > 0 && dst[l - 1] == ' ')
		dst[--l] = '\0';
}

static int header(struct parse *ps, long line, int n, char **f, struct samen_err *err)
{
	for (int r = 0; r <= R_IGNORE_Y; r++)
		ps->idx[r] = -1;
	ps->ncols = n;
	bool any_year_col = false;
	for (int i = 0; i < n; i++) {
		struct col *c = &ps->cols[i];
		normalise(f[i], c->name, sizeof c->name);
		c->role = R_NONE;
		for (size_t k = 0; k < sizeof dict / sizeof dict[0]; k++)
			if (strcmp(dict[k].name, c->name) == 0)
				c->role = dict[k].role;
		if (c->role == R_NONE && is_pupil_part(c->name))
			c->role = R_PUPIL_PART;
		if (c->role == R_NONE)
			c->role = year_col(c->name, &c->year);
		if (c->role == R_NONE) {
			if (c->name[0] == '\0')
				return samen_fail_at(err, SAMEN_EINVAL, line, "",
						     "column %d has no name", i + 1);
			return samen_fail_at(err, SAMEN_EINVAL, line, c->name,
					     "unknown column '%s': not a DUO VO column Samen knows "
					     "(docs/formats/duo-vo.md)", c->name);
		}
		if (c->role >= R_PUPIL_PART) {
			any_year_col = any_year_col || c->role != R_PUPIL_PART;
			if (ps->idx[c->role] < 0)
				ps->idx[c->role] = i;
			continue;
		}
		if (ps->idx[c->role] >= 0 && c->role != R_IGNORE)
			return samen_fail_at(err, SAMEN_EINVAL, line, c->name,
					     "column '%s' appears twice (or with its other-generation name)",
					     c->name);
		ps->idx[c->role] = i;
	}
	if (ps->idx[R_BRIN_OLD] >= 0 && ps->idx[R_BRIN_NEW] >= 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "INSTELLINGSCODE",
				     "both BRIN NUMMER and INSTELLINGSCODE: which one holds the BRIN?");
	if (ps->idx[R_VEST_OLD] >= 0 && ps->idx[R_VEST_NEW] >= 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "VESTIGINGSCODE",
				     "both VESTIGINGSNUMMER and VESTIGINGSCODE");
	ps->f.generation = ps->idx[R_BRIN_NEW] >= 0 ? 2 : ps->idx[R_BRIN_OLD] >= 0 ? 1 : 0;
	if (ps->idx[R_BRIN_NEW] < 0)
		ps->idx[R_BRIN_NEW] = ps->idx[R_BRIN_OLD];
	if (ps->idx[R_VEST_NEW] < 0)
		ps->idx[R_VEST_NEW] = ps->idx[R_VEST_OLD];
	bool has_brin = ps->idx[R_BRIN_NEW] >= 0;

	enum duo_kind k = DUO_UNKNOWN;
	if (ps->idx[R_PROGNOSIS] >= 0)
		k = DUO_PROGNOSES;
	else if (ps->idx[R_PUPIL_PART] >= 0 || ps->idx[R_PUPILS_TOTAL] >= 0)
		k = DUO_PUPILS;
	else if (ps->idx[R_FUNCTIE] >= 0 || any_year_col)
		k = DUO_PERSONNEL;
	else if (ps->idx[R_BOARDNAME] >= 0 && !has_brin)
		k = DUO_BOARDS;
	else if (has_brin && ps->idx[R_VEST_NEW] >= 0 && ps->idx[R_NAME] >= 0)
		k = DUO_LOCATIONS;
	if (ps->want != DUO_UNKNOWN && k != ps->want)
		return samen_fail_at(err, SAMEN_EINVAL, line, "",
				     "this is not a DUO %s file: its columns look like %s",
				     duo_kind_name(ps->want),
				     k == DUO_UNKNOWN ? "none of the DUO VO files" : duo_kind_name(k));
	if (k == DUO_UNKNOWN)
		return samen_fail_at(err, SAMEN_EINVAL, line, "",
				     "cannot tell which DUO VO file this is from its columns");
	ps->f.kind = k;
	/* Required columns per kind. */
	struct {
		enum duo_kind kind;
		enum role role;
		const char *name;
	} need[] = {
		{DUO_LOCATIONS, R_BRIN_NEW, "INSTELLINGSCODE (or BRIN NUMMER)"},
		{DUO_LOCATIONS, R_VEST_NEW, "VESTIGINGSCODE (or VESTIGINGSNUMMER)"},
		{DUO_LOCATIONS, R_NAME, "VESTIGINGSNAAM"},
		{DUO_BOARDS, R_BOARD, "BEVOEGD GEZAG NUMMER"},
		{DUO_BOARDS, R_BOARDNAME, "BEVOEGD GEZAG NAAM"},
		{DUO_PUPILS, R_BRIN_NEW, "INSTELLINGSCODE (or BRIN NUMMER)"},
		{DUO_PUPILS, R_VEST_NEW, "VESTIGINGSCODE (or VESTIGINGSNUMMER)"},
		{DUO_PROGNOSES, R_BRIN_NEW, "INSTELLINGSCODE (or BRIN NUMMER)"},
		{DUO_PROGNOSES, R_YEAR, "JAAR"},
		{DUO_PERSONNEL, R_FUNCTIE, "FUNCTIEGROEP"},
	};
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (need[i].kind == k && ps->idx[need[i].role] < 0)
			return samen_fail_at(err, SAMEN_EINVAL, line, need[i].name,
					     "a DUO %s file needs the column %s", duo_kind_name(k),
					     need[i].name);
	if (k == DUO_PERSONNEL && ps->idx[R_BOARD] < 0 && !has_brin)
		return samen_fail_at(err, SAMEN_EINVAL, line, "BEVOEGD GEZAG NUMMER",
				     "a DUO personnel file needs BEVOEGD GEZAG NUMMER or INSTELLINGSCODE");
	if (k == DUO_PERSONNEL && !any_year_col)
		return samen_fail_at(err, SAMEN_EINVAL, line, "PERSONEN",
				     "a DUO personnel file needs year columns such as 'PERSONEN 2025'");
	if (k == DUO_PUPILS && ps->idx[R_YEAR] < 0 && ps->year == 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "JAAR",
				     "the pupil file has no JAAR column: give the year (--year, or a "
				     "file name ending in -YYYY.csv)");
	return 0;
}

static int parse_brin(const char *v, char out[5], long line, const char *col,
		      struct samen_err *err)
{
	char t[16];
	copy(t, sizeof t, v);
	if (strlen(t) != 4)
		return samen_fail_at(err, SAMEN_EINVAL, line, col,
				     "'%s' is not a BRIN code (4 characters, e.g. 00AH)", t);
	for (int i = 0; i < 4; i++) {
		unsigned char c = (unsigned char)toupper((unsigned char)t[i]);
		if (!isdigit(c) && !(c >= 'A' && c <= 'Z'))
			return samen_fail_at(err, SAMEN_EINVAL, line, col,
					     "'%s' is not a BRIN code (4 characters, e.g. 00AH)", t);
		out[i] = (char)c;
	}
	out[4] = '\0';
	return 0;
}

/* Vestiging: "00", "0" (-> "00") or the BRIN6 "00AH00" of the same BRIN. */
static int parse_vest(const char *v, const char *brin, char out[3], long line, const char *col,
		      struct samen_err *err)
{
	char t[16];
	copy(t, sizeof t, v);
	size_t n = strlen(t);
	const char *d = t;
	if (n == 6) {
		for (int i = 0; i < 4; i++)
			t[i] = (char)toupper((unsigned char)t[i]);
		if (strncmp(t, brin, 4) != 0)
			return samen_fail_at(err, SAMEN_EINVAL, line, col,
					     "vestiging '%s' does not belong to BRIN %s", t, brin);
		d = t + 4;
		n = 2;
	}
	if (n == 1 && isdigit((unsigned char)d[0])) {
		out[0] = '0';
		out[1] = d[0];
		out[2] = '\0';
		return 0;
	}
	if (n != 2 || !isdigit((unsigned char)d[0]) || !isdigit((unsigned char)d[1]))
		return samen_fail_at(err, SAMEN_EINVAL, line, col,
				     "'%s' is not a vestiging number (2 digits or a BRIN6 code)", t);
	out[0] = d[0];
	out[1] = d[1];
	out[2] = '\0';
	return 0;
}

enum cnt { CNT_VALUE, CNT_BLANK, CNT_MASKED };

/* A count or decimal: "" blank, "<5" / "*" masked, else a number >= 0. */
static int parse_num(const char *v, bool integer, double *out, enum cnt *kind, long line,
		     const char *col, struct samen_err *err)
{
	char t[48];
	copy(t, sizeof t, v);
	*out = 0;
	if (t[0] == '\0') {
		*kind = CNT_BLANK;
		return 0;
	}
	if (strcmp(t, "*") == 0 || strcmp(t, "<5") == 0 || strcmp(t, "< 5") == 0) {
		*kind = CNT_MASKED;
		return 0;
	}
	for (char *c = t; *c; c++)
		if (*c == ',')
			*c = '.';
	char *end;
	errno = 0;
	double x = strtod(t, &end);
	if (errno || end == t || *end)
		return samen_fail_at(err, SAMEN_EINVAL, line, col, "'%s' is not a number", v);
	if (x < 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, col,
				     "negative count %s: DUO counts are never negative", v);
	if (integer && x != (double)(long)x)
		return samen_fail_at(err, SAMEN_EINVAL, line, col, "'%s' is not a whole number", v);
	*kind = CNT_VALUE;
	*out = x;
	return 0;
}

static int parse_year(const char *v, int *year, long line, const char *col,
		      struct samen_err *err)
{
	char t[16];
	copy(t, sizeof t, v);
	char *end;
	long y = strtol(t, &end, 10);
	if (end == t || *end || y < 1990 || y > 2100)
		return samen_fail_at(err, SAMEN_EINVAL, line, col, "'%s' is not a year", v);
	*year = (int)y;
	return 0;
}

static const char *colname(const struct parse *ps, enum role r)
{
	int i = ps->idx[r];
	return i >= 0 ? ps->cols[i].name : "";
}

static int row_locations(struct parse *ps, long line, int n, char **f, struct samen_err *err)
{
	if (grow((void **)&ps->f.locations, &ps->cap, ps->f.n, sizeof *ps->f.locations))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	struct duo_location *l = &ps->f.locations[ps->f.n];
	int rc = parse_brin(get(ps, n, f, R_BRIN_NEW), l->brin, line, colname(ps, R_BRIN_NEW), err);
	if (rc == 0)
		rc = parse_vest(get(ps, n, f, R_VEST_NEW), l->brin, l->vestiging, line,
				colname(ps, R_VEST_NEW), err);
	if (rc)
		return rc;
	copy(l->bestuursnummer, sizeof l->bestuursnummer, get(ps, n, f, R_BOARD));
	copy(l->name, sizeof l->name, get(ps, n, f, R_NAME));
	if (!l->name[0])
		return samen_fail_at(err, SAMEN_EINVAL, line, colname(ps, R_NAME), "empty VESTIGINGSNAAM");
	char street[128], no[32];
	copy(street, sizeof street, get(ps, n, f, R_STREET));
	copy(no, sizeof no, get(ps, n, f, R_HOUSENO));
	snprintf(l->street, sizeof l->street, "%s%s%s", street, no[0] ? " " : "", no);
	copy(l->postcode, sizeof l->postcode, get(ps, n, f, R_POSTCODE));
	copy(l->city, sizeof l->city, get(ps, n, f, R_CITY));
	copy(l->municipality_code, sizeof l->municipality_code, get(ps, n, f, R_MUNCODE));
	copy(l->municipality, sizeof l->municipality, get(ps, n, f, R_MUN));
	copy(l->province, sizeof l->province, get(ps, n, f, R_PROVINCE));
	copy(l->denomination, sizeof l->denomination, get(ps, n, f, R_DENOM));
	copy(l->structure, sizeof l->structure, get(ps, n, f, R_STRUCT));
	ps->f.n++;
	return 0;
}

static int row_boards(struct parse *ps, long line, int n, char **f, struct samen_err *err)
{
	if (grow((void **)&ps->f.boards, &ps->cap, ps->f.n, sizeof *ps->f.boards))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	struct duo_board *b = &ps->f.boards[ps->f.n];
	copy(b->bestuursnummer, sizeof b->bestuursnummer, get(ps, n, f, R_BOARD));
	if (!b->bestuursnummer[0] || strspn(b->bestuursnummer, "0123456789") != strlen(b->bestuursnummer))
		return samen_fail_at(err, SAMEN_EINVAL, line, colname(ps, R_BOARD),
				     "'%s' is not a bevoegd gezag number", b->bestuursnummer);
	copy(b->name, sizeof b->name, get(ps, n, f, R_BOARDNAME));
	copy(b->city, sizeof b->city, get(ps, n, f, R_CITY));
	copy(b->denomination, sizeof b->denomination, get(ps, n, f, R_DENOM));
	copy(b->kvk, sizeof b->kvk, get(ps, n, f, R_KVK));
	ps->f.n++;
	return 0;
}

static int row_pupils(struct parse *ps, long line, int n, char **f, struct samen_err *err)
{
	if (grow((void **)&ps->f.pupils, &ps->cap, ps->f.n, sizeof *ps->f.pupils))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	struct duo_pupils *p = &ps->f.pupils[ps->f.n];
	memset(p, 0, sizeof *p);
	int rc = parse_brin(get(ps, n, f, R_BRIN_NEW), p->brin, line, colname(ps, R_BRIN_NEW), err);
	if (rc == 0)
		rc = parse_vest(get(ps, n, f, R_VEST_NEW), p->brin, p->vestiging, line,
				colname(ps, R_VEST_NEW), err);
	if (rc == 0 && ps->idx[R_YEAR] >= 0)
		rc = parse_year(get(ps, n, f, R_YEAR), &p->year, line, colname(ps, R_YEAR), err);
	else
		p->year = ps->year;
	if (rc)
		return rc;
	bool use_total = ps->idx[R_PUPILS_TOTAL] >= 0;
	for (int i = 0; i < ps->ncols; i++) {
		enum role r = ps->cols[i].role;
		if (use_total ? r != R_PUPILS_TOTAL : r != R_PUPIL_PART)
			continue;
		double v;
		enum cnt k;
		rc = parse_num(i < n ? f[i] : "", true, &v, &k, line, ps->cols[i].name, err);
		if (rc)
			return rc;
		if (k == CNT_MASKED)
			p->masked++;
		else if (k == CNT_BLANK)
			ps->f.blank_cells++;
		else
			p->known += (long)v;
	}
	ps->f.n++;
	return 0;
}

static int row_prognoses(struct parse *ps, long line, int n, char **f, struct samen_err *err)
{
	if (grow((void **)&ps->f.prognoses, &ps->cap, ps->f.n, sizeof *ps->f.prognoses))
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	struct duo_prognosis *p = &ps->f.prognoses[ps->f.n];
	int rc = parse_brin(get(ps, n, f, R_BRIN_NEW), p->brin, line, colname(ps, R_BRIN_NEW), err);
	if (rc == 0)
		rc = parse_year(get(ps, n, f, R_YEAR), &p->year, line, colname(ps, R_YEAR), err);
	if (rc)
		return rc;
	copy(p->level, sizeof p->level, get(ps, n, f, R_LEVEL));
	double v;
	enum cnt k;
	rc = parse_num(get(ps, n, f, R_PROGNOSIS), true, &v, &k, line, colname(ps, R_PROGNOSIS), err);
	if (rc)
		return rc;
	if (k == CNT_BLANK)
		return samen_fail_at(err, SAMEN_EINVAL, line, colname(ps, R_PROGNOSIS),
				     "empty PROGNOSEAANTALLEN");
	p->masked = k == CNT_MASKED;
	p->count = (long)v;
	ps->f.n++;
	return 0;
}

static int row_personnel(struct parse *ps, long line, int n, char **f, struct samen_err *err)
{
	char board[16] = "", brin[5] = "", func[64];
	copy(board, sizeof board, get(ps, n, f, R_BOARD));
	if (board[0] && strspn(board, "0123456789") != strlen(board))
		return samen_fail_at(err, SAMEN_EINVAL, line, colname(ps, R_BOARD),
				     "'%s' is not a bevoegd gezag number", board);
	if (ps->idx[R_BRIN_NEW] >= 0 && get(ps, n, f, R_BRIN_NEW)[0]) {
		int rc = parse_brin(get(ps, n, f, R_BRIN_NEW), brin, line, colname(ps, R_BRIN_NEW), err);
		if (rc)
			return rc;
	}
	if (!board[0] && !brin[0])
		return samen_fail_at(err, SAMEN_EINVAL, line, colname(ps, R_BOARD),
				     "a row needs a bevoegd gezag number or an INSTELLINGSCODE");
	copy(func, sizeof func, get(ps, n, f, R_FUNCTIE));
	/* One entry per year of this row; columns of the same year fill the same entry. */
	size_t row_start = ps->f.n;
	for (int i = 0; i < ps->ncols; i++) {
		enum role r = ps->cols[i].role;
		if (r != R_PERS_Y && r != R_FTE_Y && r != R_AGE_Y)
			continue;
		int year = ps->cols[i].year;
		size_t at = ps->f.n;
		for (size_t j = row_start; j < ps->f.n; j++)
			if (ps->f.personnel[j].year == year)
				at = j;
		if (at == ps->f.n) {
			if (grow((void **)&ps->f.personnel, &ps->cap, ps->f.n, sizeof *ps->f.personnel))
				return samen_fail(err, SAMEN_ENOMEM, "out of memory");
			struct duo_personnel *e = &ps->f.personnel[ps->f.n++];
			memset(e, 0, sizeof *e);
			snprintf(e->bestuursnummer, sizeof e->bestuursnummer, "%s", board);
			snprintf(e->brin, sizeof e->brin, "%s", brin);
			snprintf(e->functiegroep, sizeof e->functiegroep, "%s", func);
			e->year = year;
		}
		struct duo_personnel *e = &ps->f.personnel[at];
		double v;
		enum cnt k;
		int rc = parse_num(i < n ? f[i] : "", r == R_PERS_Y, &v, &k, line, ps->cols[i].name, err);
		if (rc)
			return rc;
		bool masked = k != CNT_VALUE; /* blank personnel figures are unknown, not 0 */
		if (r == R_PERS_Y) {
			e->has_persons = true, e->persons_masked = masked, e->persons = v;
		} else if (r == R_FTE_Y) {
			e->has_fte = true, e->fte_masked = masked, e->fte = v;
		} else {
			if (k == CNT_VALUE && (v < 15 || v > 80))
				return samen_fail_at(err, SAMEN_EINVAL, line, ps->cols[i].name,
						     "average age %s is outside 15-80", f[i]);
			e->has_age = true, e->age_masked = masked, e->avg_age = v;
		}
	}
	return 0;
}

static int on_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	struct parse *ps = ctx;
	if (!ps->header_done) {
		ps->header_done = true;
		return header(ps, line, n, f, err);
	}
	if (n > ps->ncols)
		return samen_fail_at(err, SAMEN_EINVAL, line, "",
				     "row has %d fields, the header %d", n, ps->ncols);
	ps->f.rows++;
	switch (ps->f.kind) {
	case DUO_LOCATIONS: return row_locations(ps, line, n, f, err);
	case DUO_BOARDS: return row_boards(ps, line, n, f, err);
	case DUO_PUPILS: return row_pupils(ps, line, n, f, err);
	case DUO_PROGNOSES: return row_prognoses(ps, line, n, f, err);
	case DUO_PERSONNEL: return row_personnel(ps, line, n, f, err);
	default: return samen_fail(err, SAMEN_EINTERNAL, "no kind");
	}
}

static bool utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t k;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			k = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			k = 2;
		} else if (c >= 0xF0 && c <= 0xF4) {
			k = 3;
		} else {
			return false;
		}
		if (i + k >= n)
			return false;
		for (size_t j = 1; j <= k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
		i += k + 1;
	}
	return true;
}

static int pupils_cmp(const void *a, const void *b)
{
	const struct duo_pupils *x = a, *y = b;
	int c = strcmp(x->brin, y->brin);
	if (c)
		return c;
	if ((c = strcmp(x->vestiging, y->vestiging)) != 0)
		return c;
	return (x->year > y->year) - (x->year < y->year);
}

int duo_parse(const char *data, size_t len, enum duo_kind kind, int year,
	      struct duo_file *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	if (len > DUO_MAX_BYTES)
		return samen_fail(err, SAMEN_ETOOBIG, "a DUO file may be at most %zu MiB",
				  DUO_MAX_BYTES >> 20);
	struct parse *ps = calloc(1, sizeof *ps);
	if (!ps)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	ps->want = kind;
	ps->year = year;
	char *conv = NULL;
	const char *text = data;
	size_t tlen = len;
	if (!utf8_valid((const unsigned char *)data, len)) {
		/* Latin-1: every byte >= 0x80 becomes two UTF-8 bytes. */
		conv = malloc(len * 2 + 1);
		if (!conv) {
			free(ps);
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		}
		size_t o = 0;
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)data[i];
			if (c < 0x80) {
				conv[o++] = (char)c;
			} else {
				conv[o++] = (char)(0xC0 | (c >> 6));
				conv[o++] = (char)(0x80 | (c & 0x3F));
			}
		}
		text = conv;
		tlen = o;
		ps->f.latin1 = true;
	}
	ps->f.delim = csvrows_sniff(text, tlen);
	int rc = csvrows_parse(text, tlen, ps->f.delim, on_row, ps, err);
	if (rc == 0 && !ps->header_done)
		rc = samen_fail_at(err, SAMEN_EINVAL, 1, "", "the file is empty");
	if (rc == 0 && ps->f.kind == DUO_PUPILS && ps->f.n > 0) {
		/* One entry per location and year: add up the rows (per onderwijstype etc.). */
		qsort(ps->f.pupils, ps->f.n, sizeof *ps->f.pupils, pupils_cmp);
		size_t w = 0;
		for (size_t i = 0; i < ps->f.n; i++) {
			if (w > 0 && pupils_cmp(&ps->f.pupils[w - 1], &ps->f.pupils[i]) == 0) {
				ps->f.pupils[w - 1].known += ps->f.pupils[i].known;
				ps->f.pupils[w - 1].masked += ps->f.pupils[i].masked;
			} else {
				ps->f.pupils[w++] = ps->f.pupils[i];
			}
		}
		ps->f.n = w;
	}
	free(conv);
	if (rc) {
		duo_file_free(&ps->f);
		free(ps);
		return rc;
	}
	*out = ps->f;
	free(ps);
	return 0;
}

void duo_file_free(struct duo_file *f)
{
	free(f->locations);
	free(f->boards);
	free(f->pupils);
	free(f->prognoses);
	free(f->personnel);
	memset(f, 0, sizeof *f);
}

int duo_year_from_name(const char *path)
{
	int found = 0;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	for (const char *p = base; *p; p++) {
		if (!isdigit((unsigned char)*p) || (p > base && isdigit((unsigned char)p[-1])))
			continue;
		size_t n = strspn(p, "0123456789");
		if (n == 4) {
			int y = (int)strtol(p, NULL, 10);
			if (y >= 1990 && y <= 2100)
				found = y;
		}
	}
	return found;
}
