/*
 * staff_mapping.h - column mappings from HR-system exports to Samen's staff CSV.
 *
 * Samen's own staff file (docs/formats/staff-csv.md) has fixed Dutch column
 * names (personeelsnummer, voornaam, ...). A board's HR system exports its
 * own headers instead. A mapping is a table from such an export header to a
 * Samen column, with an optional value conversion (FTE or a part-time
 * percentage instead of hours per year, "Onbepaalde tijd" instead of
 * "vast"), and with columns the import deliberately ignores (gender,
 * nationality, job title). Headers that a mapping does not list but that are
 * Samen column names themselves pass through unchanged.
 *
 * Built-in mappings: "samen" (identity, the default), "afas" and "youforce".
 * The latter two are Samen's documented profiles of typical export column
 * names of those systems; a board checks them against its actual export and
 * otherwise writes its own mapping file (staff_mapping_parse).
 *
 * Everything here is plain data: no allocation, no I/O, thread-safe.
 */
#ifndef SAMEN_STAFF_MAPPING_H
#define SAMEN_STAFF_MAPPING_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

#define STAFF_MAPPING_MAX 64

/* Samen's staff columns, plus the mapping-only column tussenvoegsel. */
enum staff_col {
	STAFF_COL_IGNORE = 0,     /* a column the import deliberately skips */
	STAFF_COL_PERSONEELSNUMMER,
	STAFF_COL_VOORNAAM,
	STAFF_COL_ACHTERNAAM,
	STAFF_COL_GEBOORTEDATUM,
	STAFF_COL_EMAIL,
	STAFF_COL_CONTRACTSOORT,
	STAFF_COL_UREN_PER_JAAR,
	STAFF_COL_SCHAAL,
	STAFF_COL_TREDE,
	STAFF_COL_BEGINDATUM,
	STAFF_COL_EINDDATUM,
	STAFF_COL_BRIN,
	STAFF_COL_VESTIGING,
	STAFF_COL_AANDEEL,
	STAFF_COL_BEVOEGDHEDEN,
	STAFF_COL_TUSSENVOEGSEL,  /* mapping only: "van der" is put before achternaam */
	STAFF_COL_COUNT
};

/* Value conversions a mapping may attach to a column. */
enum staff_conv {
	STAFF_CONV_NONE = 0,
	STAFF_CONV_FTE,       /* uren_per_jaar given as FTE: hours = fte x 1659 (rule 11) */
	STAFF_CONV_PERCENT,   /* uren_per_jaar given as part-time %: hours = pct / 100 x 1659 */
	STAFF_CONV_CONTRACT,  /* contractsoort as HR text: "Onbepaalde tijd" -> vast, ... */
};

struct staff_mapping_rule {
	char source[64];        /* export header, compared case-insensitively, trimmed */
	enum staff_col target;  /* STAFF_COL_IGNORE: skipped on purpose */
	enum staff_conv conv;
};

struct staff_mapping {
	char name[32];  /* "samen", "afas", "youforce" or the mapping file's name */
	int n;          /* number of rules; 0 for the identity mapping "samen" */
	struct staff_mapping_rule rules[STAFF_MAPPING_MAX];
};

/* Samen's name of a column ("personeelsnummer", ...); "" for STAFF_COL_IGNORE. */
const char *staff_col_name(enum staff_col col);

/*
 * The column with Samen name `name` (case-insensitive, surrounding spaces
 * ignored). Returns STAFF_COL_IGNORE when the name is not a Samen column.
 * "tussenvoegsel" is recognised as well (it is valid in files too).
 */
enum staff_col staff_col_parse(const char *name);

/* True for the columns every staff file must have (see staff-csv.md). */
bool staff_col_required(enum staff_col col);

/* Name of a conversion as written in mapping files ("fte", ...); "" for none. */
const char *staff_conv_name(enum staff_conv conv);

/*
 * Fill *out with the built-in mapping `name` ("samen", "afas" or
 * "youforce", case-insensitive). Errors: SAMEN_EINVAL naming the known
 * mappings for any other name.
 */
int staff_mapping_builtin(const char *name, struct staff_mapping *out, struct samen_err *err);

/* NULL-terminated list of the built-in mapping names (static storage). */
const char *const *staff_mapping_builtin_names(void);

/*
 * Parse a user-written mapping file: CSV (';', ',' or tab, sniffed; BOM
 * and CRLF allowed) with rows "export_column;samen_column[;conversion]".
 * A first row "export_column;samen_column..." is a header and skipped.
 * samen_column is a Samen column name, "tussenvoegsel", or "-" to ignore
 * the export column; conversion is "", "fte", "percentage" (both only for
 * uren_per_jaar) or "contract" (only for contractsoort). `name` becomes
 * out->name. Errors: SAMEN_EINVAL with the line and the field
 * (export_column, samen_column, conversion) for an unknown Samen column or
 * conversion, a duplicate export column, a wrong field count, an empty
 * file; SAMEN_ETOOBIG for more than STAFF_MAPPING_MAX rules.
 */
int staff_mapping_parse(const char *data, size_t len, const char *name,
			struct staff_mapping *out, struct samen_err *err);

/*
 * Look up an export header (trimmed, case-insensitive). A rule of the
 * mapping wins; otherwise a header that is itself a Samen column name maps
 * to that column without conversion. Returns 0 and sets *col and *conv, or
 * SAMEN_ENOTFOUND when the header is unknown to the mapping.
 */
int staff_mapping_lookup(const struct staff_mapping *m, const char *header,
			 enum staff_col *col, enum staff_conv *conv);

/*
 * Convert an HR contract text under STAFF_CONV_CONTRACT: "vast",
 * "onbepaalde tijd", "onbepaald", "vast dienstverband", "contract voor
 * onbepaalde tijd" give "vast"; "tijdelijk", "bepaalde tijd", "bepaald",
 * "tijdelijk dienstverband", "contract voor bepaalde tijd", "tijdelijk met
 * uitzicht op vast" give "tijdelijk" (case-insensitive). Returns the static
 * string, or NULL for any other text.
 */
const char *staff_mapping_contract(const char *text);

/*
 * The export header a mapping uses for a Samen column (first rule with that
 * target), or NULL when the mapping has none (the Samen name then applies).
 * Used to say which header a mapped file is missing.
 */
const char *staff_mapping_source_of(const struct staff_mapping *m, enum staff_col col);

#endif
