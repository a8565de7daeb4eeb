/*
 * test_duo_vo.c - the DUO VO reader (formats/duo_vo.c) on fixtures written
 * from shared/data/duo_vo_formats.md (tests/fixtures/duo/): both column
 * generations, ',' quoted and ';' unquoted, Latin-1, masked "<5" and "*",
 * and the bad files (unknown column, negative count, text, odd ages).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/duo_vo.h"

static char *slurp(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/duo/%s", SAMEN_SOURCE_DIR, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

static int parse(const char *name, enum duo_kind kind, struct duo_file *out,
		 struct samen_err *err)
{
	size_t len;
	char *data = slurp(name, &len);
	int rc = duo_parse(data, len, kind, duo_year_from_name(name), out, err);
	free(data);
	return rc;
}

/* New generation, ',' and quoted, BRIN6 vestigingscode, extra known columns. */
static void locations_new_generation(void **state)
{
	(void)state;
	struct duo_file f;
	assert_int_equal(parse("vestigingenvo_2024.csv", DUO_UNKNOWN, &f, NULL), 0);
	assert_int_equal(f.kind, DUO_LOCATIONS);
	assert_int_equal(f.generation, 2);
	assert_int_equal(f.delim, ',');
	assert_int_equal(f.n, 4);
	assert_string_equal(f.locations[0].brin, "31KN");
	assert_string_equal(f.locations[0].vestiging, "00");
	assert_string_equal(f.locations[1].vestiging, "01");
	assert_string_equal(f.locations[1].street, "Dusseldorperweg 3a");
	assert_string_equal(f.locations[3].bestuursnummer, "77494");
	assert_string_equal(f.locations[3].municipality_code, "0756");
	assert_string_equal(f.locations[3].postcode, "5831 CR");
	assert_string_equal(f.locations[3].structure, "VBO");
	duo_file_free(&f);
}

/* Old generation, ';' unquoted, CRLF, 2-digit vestigingsnummer, Latin-1 text. */
static void locations_old_generation_latin1(void **state)
{
	(void)state;
	struct duo_file f;
	assert_int_equal(parse("02.-alle-vestigingen-vo.csv", DUO_LOCATIONS, &f, NULL), 0);
	assert_int_equal(f.generation, 1);
	assert_int_equal(f.delim, ';');
	assert_true(f.latin1);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.locations[1].brin, "28VM");
	assert_string_equal(f.locations[1].vestiging, "01");
	assert_string_equal(f.locations[1].name, "ISK De Overstap Caf\xc3\xa9");
	duo_file_free(&f);
}

static void boards(void **state)
{
	(void)state;
	struct duo_file f;
	assert_int_equal(parse("besturenvo.csv", DUO_UNKNOWN, &f, NULL), 0);
	assert_int_equal(f.kind, DUO_BOARDS);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.boards[0].bestuursnummer, "41873");
	assert_string_equal(f.boards[0].kvk, "41234567");
	assert_string_equal(f.boards[1].name, "Stichting Openbare Scholengroep Alkmaar");
	duo_file_free(&f);
}

/*
 * Pupils 2023 (new names, ';'): 31KN00 = 60+55+58+61 + 40+42+38 = 354 with
 * one masked cell; 31KN01 = 20+18 = 38 with two masked; 27AK00 = 277.
 */
static void pupils_new_with_masks(void **state)
{
	(void)state;
	struct duo_file f;
	assert_int_equal(parse("01.-leerlingen-vo-per-vestiging-naar-onderwijstype-2023.csv",
			       DUO_UNKNOWN, &f, NULL), 0);
	assert_int_equal(f.kind, DUO_PUPILS);
	assert_int_equal(f.generation, 2);
	assert_int_equal(f.rows, 4);
	assert_int_equal(f.n, 3);
	/* Sorted by BRIN, vestiging, year. */
	assert_string_equal(f.pupils[0].brin, "27AK");
	assert_int_equal(f.pupils[0].known, 277);
	assert_int_equal(f.pupils[0].masked, 0);
	assert_string_equal(f.pupils[1].brin, "31KN");
	assert_string_equal(f.pupils[1].vestiging, "00");
	assert_int_equal(f.pupils[1].year, 2023);
	assert_int_equal(f.pupils[1].known, 354);
	assert_int_equal(f.pupils[1].masked, 1);
	assert_int_equal(f.pupils[2].known, 38);
	assert_int_equal(f.pupils[2].masked, 2);
	duo_file_free(&f);
}

/* Pupils 2019 (old names, ',' quoted): "0" becomes vestiging "00"; "<5" stays masked. */
static void pupils_old_generation(void **state)
{
	(void)state;
	struct duo_file f;
	assert_int_equal(parse("01.-leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv",
			       DUO_PUPILS, &f, NULL), 0);
	assert_int_equal(f.generation, 1);
	assert_int_equal(f.delim, ',');
	assert_int_equal(f.n, 2);
	assert_string_equal(f.pupils[1].brin, "31KN");
	assert_string_equal(f.pupils[1].vestiging, "00");
	assert_int_equal(f.pupils[1].known, 200);
	assert_int_equal(f.pupils[1].year, 2019);
	assert_int_equal(f.pupils[0].known, 12);
	assert_int_equal(f.pupils[0].masked, 1);
	duo_file_free(&f);
}

static void prognoses(void **state)
{
	(void)state;
	struct duo_file f;
	assert_int_equal(parse("brin4_prognosesvo.csv", DUO_UNKNOWN, &f, NULL), 0);
	assert_int_equal(f.kind, DUO_PROGNOSES);
	assert_int_equal(f.n, 5);
	assert_int_equal(f.prognoses[2].count, 560);
	assert_int_equal(f.prognoses[2].year, 2030);
	assert_string_equal(f.prognoses[2].level, "HAVO");
	assert_true(f.prognoses[4].masked);
	duo_file_free(&f);
}

/* Personnel: "*" is masked (unknown), never 0; decimal commas; one entry per year. */
static void personnel_with_stars(void **state)
{
	(void)state;
	struct duo_file f;
	assert_int_equal(parse("01.-onderwijspersoneel-vo-in-personen.csv", DUO_UNKNOWN, &f, NULL), 0);
	assert_int_equal(f.kind, DUO_PERSONNEL);
	assert_int_equal(f.n, 6);
	const struct duo_personnel *e = &f.personnel[1]; /* 41873 31KN teachers 2025 */
	assert_int_equal(e->year, 2025);
	assert_string_equal(e->functiegroep, "Onderwijsgevend personeel");
	assert_float_equal(e->persons, 176, 0);
	assert_true(e->has_age);
	assert_float_equal(e->avg_age, 47.3, 1e-9);
	const struct duo_personnel *d24 = &f.personnel[2], *d25 = &f.personnel[3];
	assert_int_equal(d24->year, 2024);
	assert_true(d24->persons_masked);
	assert_int_equal(d25->year, 2025);
	assert_false(d25->persons_masked);
	assert_float_equal(d25->persons, 4, 0);
	assert_true(d25->age_masked);
	duo_file_free(&f);
}

static void bad_files(void **state)
{
	(void)state;
	struct duo_file f;
	struct samen_err err;
	assert_int_equal(parse("err_unknown_column.csv", DUO_UNKNOWN, &f, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "KLASSENGROOTTE");
	assert_int_equal(err.line, 1);
	assert_int_equal(parse("err_negative-2023.csv", DUO_UNKNOWN, &f, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.field, "LEER- OF VERBLIJFSJAAR 1 - MAN");
	assert_non_null(strstr(err.msg, "negative"));
	assert_int_equal(parse("err_text-2023.csv", DUO_UNKNOWN, &f, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
	assert_int_equal(parse("err_age.csv", DUO_UNKNOWN, &f, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "15-80"));
	/* A pupil file without a year anywhere. */
	size_t len;
	char *d = slurp("err_text-2023.csv", &len);
	assert_int_equal(duo_parse(d, len, DUO_UNKNOWN, 0, &f, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "JAAR");
	free(d);
	/* The wrong kind asked for. */
	assert_int_equal(parse("besturenvo.csv", DUO_LOCATIONS, &f, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "not a DUO locations file"));
	assert_int_equal(duo_parse("", 0, DUO_UNKNOWN, 0, &f, &err), SAMEN_EINVAL);
	assert_int_equal(duo_year_from_name("/x/01.-leerlingen-2023.csv"), 2023);
	assert_int_equal(duo_year_from_name("vestigingenvo.csv"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(locations_new_generation),
		cmocka_unit_test(locations_old_generation_latin1),
		cmocka_unit_test(boards),
		cmocka_unit_test(pupils_new_with_masks),
		cmocka_unit_test(pupils_old_generation),
		cmocka_unit_test(prognoses),
		cmocka_unit_test(personnel_with_stars),
		cmocka_unit_test(bad_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
