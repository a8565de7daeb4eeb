/*
 * duo_vo.h - DUO open data for secondary education (VO): school locations,
 * boards, pupils per location and year, pupil prognoses, and personnel per
 * board/institution (docs/formats/duo-vo.md; shared/data/duo_vo_formats.md).
 *
 * One reader for all five files. It
 *  - sniffs the delimiter (',' quoted CKAN files, ';' unquoted duo.nl
 *    files) and the encoding (UTF-8, with or without BOM; anything that is
 *    not valid UTF-8 is read as Latin-1, as older DUO files are);
 *  - accepts both column generations: BRIN NUMMER / VESTIGINGSNUMMER (until
 *    about 2022) and INSTELLINGSCODE / VESTIGINGSCODE (2023 on); a
 *    VESTIGINGSCODE may be the 6-character BRIN6 ("00AH00", address files)
 *    or the 2-digit number ("00", pupil files);
 *  - tells the kind of file from its columns (or takes it from the caller);
 *  - refuses a column it does not know for that kind (SAMEN_EINVAL naming
 *    the column, line 1): DUO changes its files now and then, and a renamed
 *    column must not be skipped silently;
 *  - reads masked small counts ("<5" in pupil files, "*" in personnel files)
 *    as masked, never as zero: a pupil total then becomes a range (each
 *    masked cell holds 1 to 4 pupils), a personnel figure "unknown";
 *  - refuses negative numbers and text where a count belongs, naming line
 *    and column. Nothing is returned unless the whole file is valid.
 * Empty count cells in a pupil breakdown are read as 0 and counted in
 * blank_cells, which the import reports.
 */
#ifndef SAMEN_DUO_VO_H
#define SAMEN_DUO_VO_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

/* Hard cap on a DUO file read into memory. */
#define DUO_MAX_BYTES ((size_t)256 * 1024 * 1024)

enum duo_kind {
	DUO_UNKNOWN = 0,
	DUO_LOCATIONS,   /* vestigingenvo.csv, 02.-alle-vestigingen-vo.csv */
	DUO_BOARDS,      /* besturenvo.csv */
	DUO_PUPILS,      /* 01.-leerlingen-vo-per-vestiging-naar-onderwijstype-YYYY.csv */
	DUO_PROGNOSES,   /* brin4_prognosesvo.csv */
	DUO_PERSONNEL,   /* 01/02 onderwijspersoneel VO in personen / fte (as CSV) */
};

/* "locations", "boards", "pupils", "prognoses", "personnel" (or "unknown"). */
const char *duo_kind_name(enum duo_kind k);

/* Parse a kind name as above; DUO_UNKNOWN when not one of them. */
enum duo_kind duo_kind_parse(const char *s);

struct duo_location {
	char brin[5], vestiging[3];
	char bestuursnummer[16];
	char name[160], street[160], postcode[8], city[80];
	char municipality_code[8], municipality[80], province[40];
	char denomination[64], structure[64];
};

struct duo_board {
	char bestuursnummer[16];
	char name[160], city[80], denomination[64], kvk[16];
};

/* Pupils of one location in one year (all rows of the file for it added up). */
struct duo_pupils {
	char brin[5], vestiging[3];
	int year;            /* peiljaar: 1 October of this year */
	long known;          /* sum of the unmasked counts */
	long masked;         /* cells shown as "<5": each 1..4 pupils */
};

struct duo_prognosis {
	char brin[5];
	char level[40];      /* ONDERWIJSNIVEAU */
	int year;
	long count;          /* valid when !masked */
	bool masked;
};

/* One personnel figure set: a functiegroep of a board (and institution) in a year. */
struct duo_personnel {
	char bestuursnummer[16];
	char brin[5];            /* "" for board-level rows */
	char functiegroep[64];
	int year;
	bool has_persons, persons_masked;
	double persons;
	bool has_fte, fte_masked;
	double fte;
	bool has_age, age_masked;
	double avg_age;
};

struct duo_file {
	enum duo_kind kind;
	int generation;      /* 1: BRIN NUMMER columns; 2: INSTELLINGSCODE columns; 0: neither */
	char delim;
	bool latin1;         /* the file was not UTF-8 and was read as Latin-1 */
	long rows;           /* data rows read */
	long blank_cells;    /* empty pupil count cells read as 0 */
	struct duo_location *locations;
	struct duo_board *boards;
	struct duo_pupils *pupils;
	struct duo_prognosis *prognoses;
	struct duo_personnel *personnel;
	size_t n;            /* entries in the array of this kind */
};

/*
 * Parse a whole DUO file. kind DUO_UNKNOWN lets the columns decide.
 * year is the peiljaar of a pupil file whose rows do not carry one (0: the
 * file must have a JAAR/PEILJAAR column). *out is owned by the caller
 * (duo_file_free) and is only filled on success. Errors: SAMEN_EINVAL
 * naming line and column, SAMEN_ETOOBIG beyond DUO_MAX_BYTES, SAMEN_ENOMEM.
 */
int duo_parse(const char *data, size_t len, enum duo_kind kind, int year,
	      struct duo_file *out, struct samen_err *err);

/* Free what duo_parse returned; the struct is empty afterwards. */
void duo_file_free(struct duo_file *f);

/*
 * The 4-digit year in a file name such as
 * "01.-leerlingen-vo-per-vestiging-naar-onderwijstype-2023.csv" (the last
 * run of exactly four digits between 1990 and 2100), or 0.
 */
int duo_year_from_name(const char *path);

#endif
