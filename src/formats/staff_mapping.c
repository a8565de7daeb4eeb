/*
 * staff_mapping.c - Samen's staff columns, the built-in HR export profiles
 * and user-written mapping files (see staff_mapping.h and
 * docs/formats/staff-csv.md).
 */
#include "formats/staff_mapping.h"

#include "formats/csvrows.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const col_names[STAFF_COL_COUNT] = {
	[STAFF_COL_IGNORE] = "",
	[STAFF_COL_PERSONEELSNUMMER] = "personeelsnummer",
	[STAFF_COL_VOORNAAM] = "voornaam",
	[STAFF_COL_ACHTERNAAM] = "achternaam",
	[STAFF_COL_GEBOORTEDATUM] = "geboortedatum",
	[STAFF_COL_EMAIL] = "email",
	[STAFF_COL_CONTRACTSOORT] = "contractsoort",
	[STAFF_COL_UREN_PER_JAAR] = "uren_per_jaar",
	[STAFF_COL_SCHAAL] = "schaal",
	[STAFF_COL_TREDE] = "trede",
	[STAFF_COL_BEGINDATUM] = "begindatum",
	[STAFF_COL_EINDDATUM] = "einddatum",
	[STAFF_COL_BRIN] = "brin",
	[STAFF_COL_VESTIGING] = "vestiging",
	[STAFF_COL_AANDEEL] = "aandeel",
	[STAFF_COL_BEVOEGDHEDEN] = "bevoegdheden",
	[STAFF_COL_TUSSENVOEGSEL] = "tussenvoegsel",
};

/* Compare s, with surrounding blanks ignored, case-insensitively to word. */
static int eq_trimmed(const char *s, const char *word)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == strlen(word) && strncasecmp(s, word, n) == 0;
}

const char *staff_col_name(enum staff_col col)
{
	if ((int)col < 0 || col >= STAFF_COL_COUNT)
		return "";
	return col_names[col];
}

enum staff_col staff_col_parse(const char *name)
{
	for (int c = 1; c < STAFF_COL_COUNT; c++)
		if (eq_trimmed(name, col_names[c]))
			return (enum staff_col)c;
	return STAFF_COL_IGNORE;
}

bool staff_col_required(enum staff_col col)
{
	switch (col) {
	case STAFF_COL_PERSONEELSNUMMER:
	case STAFF_COL_VOORNAAM:
	case STAFF_COL_ACHTERNAAM:
	case STAFF_COL_GEBOORTEDATUM:
	case STAFF_COL_CONTRACTSOORT:
	case STAFF_COL_UREN_PER_JAAR:
	case STAFF_COL_SCHAAL:
	case STAFF_COL_TREDE:
	case STAFF_COL_BEGINDATUM:
	case STAFF_COL_BRIN:
	case STAFF_COL_VESTIGING:
		return true;
	default:
		return false;
	}
}

const char *staff_conv_name(enum staff_conv conv)
{
	switch (conv) {
	case STAFF_CONV_FTE: return "fte";
	case STAFF_CONV_PERCENT: return "percentage";
	case STAFF_CONV_CONTRACT: return "contract";
	default: return "";
	}
}

/* One row of a built-in profile. */
struct profile_rule {
	const char *source;
	enum staff_col target;
	enum staff_conv conv;
};

/*
 * AFAS Profit: Samen's documented profile of typical column names of an
 * AFAS HR export (employee list with contract and formation fields). To be
 * checked against the board's actual export.
 */
static const struct profile_rule afas_rules[] = {
	{"Medewerker", STAFF_COL_PERSONEELSNUMMER, STAFF_CONV_NONE},
	{"Voornaam", STAFF_COL_VOORNAAM, STAFF_CONV_NONE},
	{"Voorvoegsel", STAFF_COL_TUSSENVOEGSEL, STAFF_CONV_NONE},
	{"Achternaam", STAFF_COL_ACHTERNAAM, STAFF_CONV_NONE},
	{"Geboortedatum", STAFF_COL_GEBOORTEDATUM, STAFF_CONV_NONE},
	{"E-mail werk", STAFF_COL_EMAIL, STAFF_CONV_NONE},
	{"Type contract", STAFF_COL_CONTRACTSOORT, STAFF_CONV_CONTRACT},
	{"Parttime percentage", STAFF_COL_UREN_PER_JAAR, STAFF_CONV_PERCENT},
	{"Salarisschaal", STAFF_COL_SCHAAL, STAFF_CONV_NONE},
	{"Salaristrede", STAFF_COL_TREDE, STAFF_CONV_NONE},
	{"Begindatum contract", STAFF_COL_BEGINDATUM, STAFF_CONV_NONE},
	{"Einddatum contract", STAFF_COL_EINDDATUM, STAFF_CONV_NONE},
	{"BRIN", STAFF_COL_BRIN, STAFF_CONV_NONE},
	{"Vestiging", STAFF_COL_VESTIGING, STAFF_CONV_NONE},
	{"Geslacht", STAFF_COL_IGNORE, STAFF_CONV_NONE},
	{"Nationaliteit", STAFF_COL_IGNORE, STAFF_CONV_NONE},
	{"Functie", STAFF_COL_IGNORE, STAFF_CONV_NONE},
	{"Organisatorische eenheid", STAFF_COL_IGNORE, STAFF_CONV_NONE},
	{NULL, STAFF_COL_IGNORE, STAFF_CONV_NONE},
};

/*
 * Visma Raet Youforce: Samen's documented profile of typical column names
 * of a Youforce HR Core staff report. To be checked against the board's
 * actual export.
 */
static const struct profile_rule youforce_rules[] = {
	{"Medewerkernummer", STAFF_COL_PERSONEELSNUMMER, STAFF_CONV_NONE},
	{"Roepnaam", STAFF_COL_VOORNAAM, STAFF_CONV_NONE},
	{"Voorvoegsels", STAFF_COL_TUSSENVOEGSEL, STAFF_CONV_NONE},
	{"Achternaam", STAFF_COL_ACHTERNAAM, STAFF_CONV_NONE},
	{"Geboortedatum", STAFF_COL_GEBOORTEDATUM, STAFF_CONV_NONE},
	{"E-mailadres werk", STAFF_COL_EMAIL, STAFF_CONV_NONE},
	{"Soort dienstverband", STAFF_COL_CONTRACTSOORT, STAFF_CONV_CONTRACT},
	{"Deeltijdfactor", STAFF_COL_UREN_PER_JAAR, STAFF_CONV_FTE},
	{"Schaal", STAFF_COL_SCHAAL, STAFF_CONV_NONE},
	{"Trede", STAFF_COL_TREDE, STAFF_CONV_NONE},
	{"Ingangsdatum dienstverband", STAFF_COL_BEGINDATUM, STAFF_CONV_NONE},
	{"Einddatum dienstverband", STAFF_COL_EINDDATUM, STAFF_CONV_NONE},
	{"BRIN-nummer", STAFF_COL_BRIN, STAFF_CONV_NONE},
	{"Vestigingsnummer", STAFF_COL_VESTIGING, STAFF_CONV_NONE},
	{"Voorletters", STAFF_COL_IGNORE, STAFF_CONV_NONE},
	{"Geslacht", STAFF_COL_IGNORE, STAFF_CONV_NONE},
	{"Functienaam", STAFF_COL_IGNORE, STAFF_CONV_NONE},
	{"Kostenplaats", STAFF_COL_IGNORE, STAFF_CONV_NONE},
	{NULL, STAFF_COL_IGNORE, STAFF_CONV_NONE},
};

static const char *const builtin_names[] = {"samen", "afas", "youforce", NULL};

const char *const *staff_mapping_builtin_names(void)
{
	return builtin_names;
}

static void load_profile(struct staff_mapping *out, const char *name,
			 const struct profile_rule *rules)
{
	memset(out, 0, sizeof *out);
	snprintf(out->name, sizeof out->name, "%s", name);
	for (int i = 0; rules && rules[i].source && out->n < STAFF_MAPPING_MAX; i++) {
		struct staff_mapping_rule *r = &out->rules[out->n++];
		snprintf(r->source, sizeof r->source, "%s", rules[i].source);
		r->target = rules[i].target;
		r->conv = rules[i].conv;
	}
}

int staff_mapping_builtin(const char *name, struct staff_mapping *out, struct samen_err *err)
{
	if (eq_trimmed(name, "samen"))
		load_profile(out, "samen", NULL);
	else if (eq_trimmed(name, "afas"))
		load_profile(out, "afas", afas_rules);
	else if (eq_trimmed(name, "youforce"))
		load_profile(out, "youforce", youforce_rules);
	else
		return samen_fail(err, SAMEN_EINVAL,
				  "unknown mapping '%s' (built-in mappings: samen, afas, youforce; "
				  "use --mapping-file for your own)",
				  name);
	return 0;
}

int staff_mapping_lookup(const struct staff_mapping *m, const char *header,
			 enum staff_col *col, enum staff_conv *conv)
{
	for (int i = 0; m && i < m->n; i++) {
		if (eq_trimmed(header, m->rules[i].source)) {
			*col = m->rules[i].target;
			*conv = m->rules[i].conv;
			return 0;
		}
	}
	enum staff_col c = staff_col_parse(header);
	if (c == STAFF_COL_IGNORE)
		return SAMEN_ENOTFOUND;
	*col = c;
	*conv = STAFF_CONV_NONE;
	return 0;
}

const char *staff_mapping_source_of(const struct staff_mapping *m, enum staff_col col)
{
	for (int i = 0; m && i < m->n; i++)
		if (m->rules[i].target == col)
			return m->rules[i].source;
	return NULL;
}

const char *staff_mapping_contract(const char *text)
{
	static const char *const vast[] = {"vast", "onbepaalde tijd", "onbepaald",
					   "vast dienstverband", "contract voor onbepaalde tijd",
					   NULL};
	static const char *const tijdelijk[] = {
		"tijdelijk", "bepaalde tijd", "bepaald", "tijdelijk dienstverband",
		"contract voor bepaalde tijd", "tijdelijk met uitzicht op vast", NULL};
	for (int i = 0; vast[i]; i++)
		if (eq_trimmed(text, vast[i]))
			return "vast";
	for (int i = 0; tijdelijk[i]; i++)
		if (eq_trimmed(text, tijdelijk[i]))
			return "tijdelijk";
	return NULL;
}

/* Parsing state of a mapping file. */
struct file_state {
	struct staff_mapping *out;
	int rows;
};

/* Copy s without surrounding blanks into dst (size n); -1 if it does not fit. */
static int copy_trimmed(char *dst, size_t n, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= n)
		return -1;
	memcpy(dst, s, len);
	dst[len] = '\0';
	return 0;
}

static int on_mapping_row(void *ctx, long line, int nf, char **f, struct samen_err *err)
{
	struct file_state *st = ctx;
	struct staff_mapping *m = st->out;
	int first = st->rows++ == 0;
	if (nf < 2 || nf > 3)
		return samen_fail_at(err, SAMEN_EINVAL, line, "",
				     "a mapping row has 2 or 3 fields "
				     "(export_column;samen_column[;conversion]), this one has %d",
				     nf);
	if (first && eq_trimmed(f[0], "export_column") && eq_trimmed(f[1], "samen_column"))
		return 0;
	if (m->n >= STAFF_MAPPING_MAX)
		return samen_fail_at(err, SAMEN_ETOOBIG, line, "export_column",
				     "a mapping holds at most %d columns", STAFF_MAPPING_MAX);
	struct staff_mapping_rule r = {0};
	if (copy_trimmed(r.source, sizeof r.source, f[0]) != 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "export_column",
				     "column name is longer than %zu bytes", sizeof r.source - 1);
	if (r.source[0] == '\0')
		return samen_fail_at(err, SAMEN_EINVAL, line, "export_column",
				     "export column name is empty");
	for (int i = 0; i < m->n; i++)
		if (strcasecmp(m->rules[i].source, r.source) == 0)
			return samen_fail_at(err, SAMEN_EINVAL, line, "export_column",
					     "export column '%s' is mapped twice", r.source);
	if (eq_trimmed(f[1], "-")) {
		r.target = STAFF_COL_IGNORE;
	} else {
		r.target = staff_col_parse(f[1]);
		if (r.target == STAFF_COL_IGNORE)
			return samen_fail_at(err, SAMEN_EINVAL, line, "samen_column",
					     "'%s' is not a Samen column (use one of personeelsnummer, "
					     "voornaam, tussenvoegsel, achternaam, geboortedatum, email, "
					     "contractsoort, uren_per_jaar, schaal, trede, begindatum, "
					     "einddatum, brin, vestiging, aandeel, bevoegdheden, or - to "
					     "ignore the column)",
					     f[1]);
	}
	const char *cv = nf == 3 ? f[2] : "";
	if (eq_trimmed(cv, ""))
		r.conv = STAFF_CONV_NONE;
	else if (eq_trimmed(cv, "fte"))
		r.conv = STAFF_CONV_FTE;
	else if (eq_trimmed(cv, "percentage"))
		r.conv = STAFF_CONV_PERCENT;
	else if (eq_trimmed(cv, "contract"))
		r.conv = STAFF_CONV_CONTRACT;
	else
		return samen_fail_at(err, SAMEN_EINVAL, line, "conversion",
				     "unknown conversion '%s' (known: fte, percentage, contract)",
				     cv);
	if ((r.conv == STAFF_CONV_FTE || r.conv == STAFF_CONV_PERCENT) &&
	    r.target != STAFF_COL_UREN_PER_JAAR)
		return samen_fail_at(err, SAMEN_EINVAL, line, "conversion",
				     "conversion '%s' applies only to uren_per_jaar",
				     staff_conv_name(r.conv));
	if (r.conv == STAFF_CONV_CONTRACT && r.target != STAFF_COL_CONTRACTSOORT)
		return samen_fail_at(err, SAMEN_EINVAL, line, "conversion",
				     "conversion 'contract' applies only to contractsoort");
	m->rules[m->n++] = r;
	return 0;
}

int staff_mapping_parse(const char *data, size_t len, const char *name,
			struct staff_mapping *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	snprintf(out->name, sizeof out->name, "%s", name ? name : "file");
	struct file_state st = {.out = out};
	int rc = csvrows_parse(data, len, csvrows_sniff(data, len), on_mapping_row, &st, err);
	if (rc == 0 && out->n == 0)
		rc = samen_fail_at(err, SAMEN_EINVAL, 1, "", "the mapping file holds no columns");
	return rc;
}
