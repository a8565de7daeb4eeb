/*
 * staff_csv.h - reading a board's staff file (Samen's staff CSV format).
 *
 * The format is documented in docs/formats/staff-csv.md: a header row with
 * Dutch column names (personeelsnummer, voornaam, ..., bevoegdheden) in any
 * order, then one row per person. The delimiter (';', ',' or tab) is
 * sniffed; UTF-8 with or without BOM, CRLF or LF and quoted fields are
 * accepted. Dutch decimal commas ("0,6") and dates as DD-MM-YYYY are
 * normalised (dates to YYYY-MM-DD). A file from an HR system with other
 * headers is read through a struct staff_mapping (staff_mapping.h).
 *
 * Nothing is ever truncated or guessed: every problem stops the parse with
 * SAMEN_EINVAL naming the line and the column as written in the file's
 * header, so the person fixing the file finds it. Each parsed record is also
 * checked with staff_validate (core/staff.h). The whole file is in memory;
 * its size is capped at STAFF_CSV_MAX_BYTES.
 */
#ifndef SAMEN_STAFF_CSV_H
#define SAMEN_STAFF_CSV_H

#include <stddef.h>

#include "core/staff.h"
#include "formats/staff_mapping.h"
#include "util/err.h"

#define STAFF_CSV_MAX_BYTES ((size_t)64 * 1024 * 1024)
#define STAFF_CSV_MAX_ROWS 200000

/*
 * Parse len bytes of a staff file. map selects the header mapping (NULL:
 * Samen's own column names). today (a day number, date.h) is passed to
 * staff_validate for the age check.
 *
 * On success *out is a malloc'ed array of *n records owned by the caller
 * (free it with staff_csv_free), each with its source line in rec->line;
 * a file with only a header gives *n == 0 and *out == NULL. On failure
 * *out is NULL, *n is 0 and err names the line and field:
 *   SAMEN_EINVAL  empty file; unknown column (line of the header, field =
 *                 first unknown header, message lists them all); missing
 *                 required column (field = its Samen name); duplicate
 *                 column; wrong field count; invalid UTF-8; a value that
 *                 does not parse; a value longer than its field; more than
 *                 STAFF_MAX_ASSIGN schools or STAFF_MAX_QUAL qualifications;
 *                 brin/vestiging/aandeel lists of different lengths; any
 *                 staff_validate failure.
 *   SAMEN_ETOOBIG len > STAFF_CSV_MAX_BYTES or more than STAFF_CSV_MAX_ROWS
 *                 rows.
 *   SAMEN_ENOMEM  out of memory.
 * Thread-safe (no shared state).
 */
int staff_csv_parse(const char *data, size_t len, const struct staff_mapping *map, long today,
		    struct staff_record **out, size_t *n, struct samen_err *err);

/* Free an array returned by staff_csv_parse; NULL is ignored. */
void staff_csv_free(struct staff_record *recs);

/*
 * Parse a decimal number as found in staff files: digits with at most one
 * decimal separator, '.' or ',' ("1327,2", "0.6"). No sign, exponent or
 * thousands separator. Returns 0, or SAMEN_EINVAL (nothing is set).
 */
int staff_csv_number(const char *s, double *out);

/*
 * Normalise a date written as YYYY-MM-DD or DD-MM-YYYY into iso
 * ("YYYY-MM-DD"). Returns 0, or SAMEN_EINVAL for another shape or a date
 * that does not exist ("2026-02-30").
 */
int staff_csv_date(const char *s, char iso[11]);

/*
 * Short code of a qualification level as written in the bevoegdheden
 * column: "1", "2", "b2", "o"; "" for QUAL_NONE. staff_csv_level parses
 * such a code (or the stored long name, e.g. "eerstegraads"), returning
 * QUAL_NONE when unknown.
 */
const char *staff_csv_level_code(enum qual_level level);
enum qual_level staff_csv_level(const char *code);

#endif
