/*
 * test_staff_csv.c - the staff file reader and its mappings, on the
 * fixtures in tests/fixtures/staff/ (docs/formats/staff-csv.md).
 * Every expected value below was worked out by hand from the fixture text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/staff_csv.h"
#include "formats/staff_mapping.h"
#include "util/date.h"

#ifndef SAMEN_SOURCE_DIR
#define SAMEN_SOURCE_DIR "."
#endif

static long today(void)
{
	return date_days(2026, 9, 1);
}

/* Read a fixture into a malloc'ed buffer. */
static char *fixture(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/tests/fixtures/staff/%s", SAMEN_SOURCE_DIR, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open fixture %s", path);
	char *data = malloc(65536);
	assert_non_null(data);
	*len = fread(data, 1, 65536, f);
	fclose(f);
	return data;
}

/* Parse a fixture with a built-in mapping; returns the code. */
static int parse_fixture(const char *name, const char *mapping, struct staff_record **recs,
			 size_t *n, struct samen_err *err)
{
	size_t len;
	char *data = fixture(name, &len);
	struct staff_mapping m;
	assert_int_equal(staff_mapping_builtin(mapping, &m, NULL), 0);
	samen_err_clear(err);
	int rc = staff_csv_parse(data, len, &m, today(), recs, n, err);
	free(data);
	return rc;
}

static int parse_text(const char *text, struct staff_record **recs, size_t *n,
		      struct samen_err *err)
{
	samen_err_clear(err);
	return staff_csv_parse(text, strlen(text), NULL, today(), recs, n, err);
}

static void semicolon_file(void **state)
{
	(void)state;
	struct staff_record *r;
	size_t n;
	struct samen_err err;
	assert_int_equal(parse_fixture("semicolon.csv", "samen", &r, &n, &err), 0);
	assert_int_equal(n, 3);

	assert_int_equal(r[0].line, 2);
	assert_string_equal(r[0].employee_number, "1001");
	assert_string_equal(r[0].first_name, "Anna");
	assert_string_equal(r[0].last_name, "de Vries");
	assert_string_equal(r[0].birth_date, "1980-03-15");
	assert_string_equal(r[0].email, "a.devries@lyceum.example"); /* lower-cased */
	assert_string_equal(r[0].contract_kind, "vast");
	assert_true(r[0].hours_per_year == 1659.0);
	assert_string_equal(r[0].salary_scale, "LD");
	assert_int_equal(r[0].salary_step, 12);
	assert_string_equal(r[0].start_date, "2010-08-01");
	assert_string_equal(r[0].end_date, "");
	assert_int_equal(r[0].n_assign, 1);
	assert_string_equal(r[0].assign[0].brin, "14AB");
	assert_string_equal(r[0].assign[0].vestiging, "00");
	assert_true(r[0].assign[0].fte_share == 1.0);
	assert_int_equal(r[0].n_qual, 2);
	assert_string_equal(r[0].qual[0].subject, "wi");
	assert_int_equal(r[0].qual[0].level, QUAL_FIRST);
	assert_string_equal(r[0].qual[1].subject, "na");
	assert_int_equal(r[0].qual[1].level, QUAL_SECOND);

	/* Quoted field with the delimiter, DD-MM-YYYY dates, decimal comma, two schools. */
	assert_int_equal(r[1].line, 3);
	assert_string_equal(r[1].last_name, "Jansen; van Dijk");
	assert_string_equal(r[1].birth_date, "1992-07-12");
	assert_string_equal(r[1].email, "");
	assert_string_equal(r[1].contract_kind, "tijdelijk");
	assert_true(r[1].hours_per_year == 1327.2);
	assert_string_equal(r[1].start_date, "2025-08-01");
	assert_string_equal(r[1].end_date, "2027-07-31");
	assert_int_equal(r[1].n_assign, 2);
	assert_string_equal(r[1].assign[0].brin, "14AB");
	assert_string_equal(r[1].assign[0].vestiging, "00");
	assert_true(r[1].assign[0].fte_share == 0.6);
	assert_string_equal(r[1].assign[1].brin, "14AB");
	assert_string_equal(r[1].assign[1].vestiging, "01");
	assert_true(r[1].assign[1].fte_share == 0.4);
	assert_int_equal(r[1].n_qual, 1);
	assert_int_equal(r[1].qual[0].level, QUAL_SECOND);

	/* UTF-8 name, doubled quote, decimal point, empty aandeel, all four levels. */
	assert_int_equal(r[2].line, 4);
	assert_string_equal(r[2].first_name, "Chlo\xC3\xAB");
	assert_string_equal(r[2].last_name, "O\"Brien");
	assert_true(r[2].hours_per_year == 829.5);
	assert_true(r[2].assign[0].fte_share == 1.0);
	assert_string_equal(r[2].assign[0].vestiging, "01");
	assert_int_equal(r[2].n_qual, 3);
	assert_string_equal(r[2].qual[0].subject, "en");
	assert_int_equal(r[2].qual[0].level, QUAL_FIRST);
	assert_string_equal(r[2].qual[1].subject, "du");
	assert_int_equal(r[2].qual[1].level, QUAL_LIMITED_SECOND);
	assert_string_equal(r[2].qual[2].subject, "fa");
	assert_int_equal(r[2].qual[2].level, QUAL_IN_TRAINING);
	staff_csv_free(r);
}

static void comma_crlf_bom_file(void **state)
{
	(void)state;
	struct staff_record *r;
	size_t n;
	struct samen_err err;
	assert_int_equal(parse_fixture("comma_crlf_bom.csv", "samen", &r, &n, &err), 0);
	assert_int_equal(n, 2);
	/* Header " Personeelsnummer " etc.: BOM skipped, names trimmed, any case. */
	assert_int_equal(r[0].line, 2);
	assert_string_equal(r[0].employee_number, "2001");
	assert_string_equal(r[0].last_name, "Bakker, jr.");
	assert_string_equal(r[0].first_name, "Daan");
	assert_string_equal(r[0].contract_kind, "vast");    /* "Vast" */
	assert_true(r[0].hours_per_year == 1659.0);         /* "1659,0" quoted */
	assert_string_equal(r[0].salary_scale, "LB");       /* "lb" */
	assert_string_equal(r[0].assign[0].brin, "14AB");   /* "14ab" */
	assert_string_equal(r[0].assign[0].vestiging, "00"); /* "0": zero restored */
	assert_string_equal(r[0].email, "");                /* no email column */
	assert_int_equal(r[0].n_qual, 0);                   /* no bevoegdheden column */
	/* The blank CRLF line 3 is skipped and counted. */
	assert_int_equal(r[1].line, 4);
	assert_string_equal(r[1].birth_date, "1996-02-29");
	assert_true(r[1].hours_per_year == 995.4);
	assert_string_equal(r[1].end_date, "2027-07-31");
	assert_string_equal(r[1].assign[0].vestiging, "01");
	staff_csv_free(r);
}

static void tab_file_and_header_only(void **state)
{
	(void)state;
	struct staff_record *r;
	size_t n;
	struct samen_err err;
	const char *tsv = "personeelsnummer\tvoornaam\tachternaam\tgeboortedatum\tcontractsoort\t"
			  "uren_per_jaar\tschaal\ttrede\tbegindatum\tbrin\tvestiging\n"
			  "9\tIda\tKok\t1970-01-01\tvast\t100\t12\t0\t2000-01-01\t99ZZ\t03\n";
	assert_int_equal(parse_text(tsv, &r, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].salary_scale, "12");
	assert_int_equal(r[0].salary_step, 0);
	assert_string_equal(r[0].assign[0].brin, "99ZZ");
	staff_csv_free(r);

	const char *hdr = "personeelsnummer;voornaam;achternaam;geboortedatum;contractsoort;"
			  "uren_per_jaar;schaal;trede;begindatum;brin;vestiging\n";
	assert_int_equal(parse_text(hdr, &r, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_null(r);

	assert_int_equal(parse_text("", &r, &n, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 1);
}

/* Assert a failed parse of a fixture: code, line, field, and a message fragment. */
static void expect_error(const char *name, const char *mapping, long line, const char *field,
			 const char *fragment)
{
	struct staff_record *r = (void *)1;
	size_t n = 99;
	struct samen_err err;
	assert_int_equal(parse_fixture(name, mapping, &r, &n, &err), SAMEN_EINVAL);
	assert_null(r);
	assert_int_equal(n, 0);
	assert_int_equal(err.code, SAMEN_EINVAL);
	assert_int_equal(err.line, line);
	assert_string_equal(err.field, field);
	if (!strstr(err.msg, fragment))
		fail_msg("message '%s' lacks '%s'", err.msg, fragment);
}

static void fixture_errors(void **state)
{
	(void)state;
	expect_error("err_missing_column.csv", "samen", 1, "geboortedatum",
		     "missing required column 'geboortedatum'");
	expect_error("err_unknown_column.csv", "samen", 1, "geslacht",
		     "unknown columns 'geslacht', 'telefoon'");
	expect_error("err_bad_date.csv", "samen", 3, "begindatum",
		     "'2026-02-30' is not a real date");
	expect_error("err_negative_hours.csv", "samen", 2, "uren_per_jaar",
		     "'-100' must not be negative");
	expect_error("err_abc_hours.csv", "samen", 4, "uren_per_jaar", "'abc' is not a number");
	expect_error("err_too_many_fields.csv", "samen", 3, "column 16",
		     "the row has 16 fields, the header has 15");
}

static const char *H = "personeelsnummer;voornaam;achternaam;geboortedatum;email;contractsoort;"
		       "uren_per_jaar;schaal;trede;begindatum;einddatum;brin;vestiging;aandeel;"
		       "bevoegdheden\n";

/* Parse header H plus one row; assert the error's line and field. */
static void expect_row_error(const char *row, long line, const char *field, const char *fragment)
{
	char text[2048];
	snprintf(text, sizeof text, "%s%s", H, row);
	struct staff_record *r;
	size_t n;
	struct samen_err err;
	assert_int_equal(parse_text(text, &r, &n, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, line);
	assert_string_equal(err.field, field);
	if (!strstr(err.msg, fragment))
		fail_msg("message '%s' lacks '%s'", err.msg, fragment);
}

static void value_errors(void **state)
{
	(void)state;
	/* Too few fields: names the first missing column. */
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00\n", 2, "aandeel",
			 "the row has 13 fields");
	/* Over-long value: 32 characters do not fit personeelsnummer[32]. */
	expect_row_error("12345678901234567890123456789012;A;B;1980-01-01;;vast;1659;LB;1;"
			 "2010-08-01;;14AB;00;;\n",
			 2, "personeelsnummer", "value is 32 bytes long; at most 31 fit");
	/* Subject code longer than 7 bytes. */
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;wiskunde:1\n", 2,
			 "bevoegdheden", "value is 8 bytes long; at most 7 fit");
	/* Too many schools and qualifications. */
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB|14AB|14AB|14AB|14AC;"
			 "00|01|02|03|00;;\n",
			 2, "brin", "more than 4 schools");
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;"
			 "wi:1|na:1|sk:1|bi:1|en:1|du:1|fa:1\n",
			 2, "bevoegdheden", "more than 6 qualifications");
	/* Lists of different lengths; several schools without shares. */
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB|14AB;00;;\n", 2,
			 "vestiging", "1 vestiging codes for 2 BRIN codes");
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB|14AB;00|01;1;\n", 2,
			 "aandeel", "1 shares for 2 schools");
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB|14AB;00|01;;\n", 2,
			 "aandeel", "needs an aandeel per school");
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB|;00|01;;\n", 2, "brin",
			 "empty item");
	/* Qualification syntax and level. */
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;wi\n", 2,
			 "bevoegdheden", "'wi' is not code:level");
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;wi:3\n", 2,
			 "bevoegdheden", "'3' is not a qualification level");
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;wi:1|WI:2\n", 2,
			 "bevoegdheden", "subject wi is listed twice");
	/* Dates of another shape, thousands separators, required values, contract kind. */
	expect_row_error("1;A;B;1/2/1980;;vast;1659;LB;1;2010-08-01;;14AB;00;;\n", 2,
			 "geboortedatum", "'1/2/1980' is not a date (write YYYY-MM-DD or DD-MM-YYYY)");
	expect_row_error("1;A;B;1-2-1980;;vast;1659;LB;1;2010-08-01;;14AB;00;;\n", 2,
			 "geboortedatum", "is not a date");
	expect_row_error("1;A;B;1980-01-01;;vast;1.659,0;LB;1;2010-08-01;;14AB;00;;\n", 2,
			 "uren_per_jaar", "without thousands separators");
	expect_row_error("1;A;;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;\n", 2,
			 "achternaam", "value is required");
	expect_row_error("1;A;B;1980-01-01;;Onbepaalde tijd;1659;LB;1;2010-08-01;;14AB;00;;\n", 2,
			 "contractsoort", "not a contract kind (vast or tijdelijk)");
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;x1;2010-08-01;;14AB;00;;\n", 2, "trede",
			 "'x1' is not a whole number");
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;-1;2010-08-01;;14AB;00;;\n", 2, "trede",
			 "must not be negative");
	/* Invalid UTF-8 (a Latin-1 e-diaeresis). */
	expect_row_error("1;Chlo\xEB;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;\n", 2,
			 "voornaam", "not valid UTF-8");
	/* A quoted newline moves the row's start; the next row keeps its own line. */
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;\"wi:1\"\n"
			 "2;\"Multi\nline\";B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;\n"
			 "3;C;D;1980-01-01;;vast;abc;LB;1;2010-08-01;;14AB;00;;\n",
			 3, "voornaam", "control character");
	/* A value in a column without a header. */
	char text[1024];
	/* The header gets an empty 16th column. */
	snprintf(text, sizeof text, "%.*s;\n%s", (int)strlen(H) - 1, H,
		 "1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;;x\n");
	struct staff_record *r;
	size_t n;
	struct samen_err err;
	assert_int_equal(parse_text(text, &r, &n, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.field, "column 16");
	/* ... while an empty one is fine (spreadsheets add them). */
	snprintf(text, sizeof text, "%.*s;\n%s", (int)strlen(H) - 1, H,
		 "1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;;\n");
	assert_int_equal(parse_text(text, &r, &n, &err), 0);
	assert_int_equal(n, 1);
	staff_csv_free(r);
}

static void validate_is_applied(void **state)
{
	(void)state;
	/* staff_validate: hours above 1.2 fte, a tijdelijk contract without end, age. */
	expect_row_error("1;A;B;1980-01-01;;vast;2000;LB;1;2010-08-01;;14AB;00;;\n", 2,
			 "uren_per_jaar", "out of range");
	expect_row_error("1;A;B;1980-01-01;;tijdelijk;1659;LB;1;2010-08-01;;14AB;00;;\n", 2,
			 "einddatum", "needs an end date");
	expect_row_error("1;A;B;2015-01-01;;vast;1659;LB;1;2010-08-01;;14AB;00;;\n", 2,
			 "geboortedatum", "age of 11");
	expect_row_error("1;A;B;1980-01-01;;vast;1659;LB;1;2010-08-01;;14AB|14AB;00|01;0,6|0,5;\n",
			 2, "aandeel", "add up to 1.1");
}

static void duplicate_column(void **state)
{
	(void)state;
	const char *text = "personeelsnummer;voornaam;Voornaam;achternaam\n";
	struct staff_record *r;
	size_t n;
	struct samen_err err;
	assert_int_equal(parse_text(text, &r, &n, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 1);
	assert_string_equal(err.field, "Voornaam");
	assert_non_null(strstr(err.msg, "both give voornaam"));
}

static void afas_mapping(void **state)
{
	(void)state;
	struct staff_record *r;
	size_t n;
	struct samen_err err;
	assert_int_equal(parse_fixture("afas.csv", "afas", &r, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].line, 2);
	assert_string_equal(r[0].employee_number, "4711");
	assert_string_equal(r[0].first_name, "Eva");
	assert_string_equal(r[0].last_name, "van der Berg");     /* Voorvoegsel + Achternaam */
	assert_string_equal(r[0].birth_date, "1985-04-03");
	assert_string_equal(r[0].email, "e.vanderberg@college.example");
	assert_string_equal(r[0].contract_kind, "vast");         /* Onbepaalde tijd */
	assert_true(r[0].hours_per_year == 1327.2);              /* 80% of 1659 */
	assert_string_equal(r[0].salary_scale, "LC");
	assert_int_equal(r[0].salary_step, 7);
	assert_string_equal(r[0].start_date, "2015-08-01");
	assert_int_equal(r[0].n_qual, 1);                        /* Bevoegdheden passes through */
	/* The quoted two-line Functie (ignored) spans lines 2-3; the next row is line 4. */
	assert_int_equal(r[1].line, 4);
	assert_string_equal(r[1].last_name, "Smit");
	assert_string_equal(r[1].contract_kind, "tijdelijk");    /* Bepaalde tijd */
	assert_true(r[1].hours_per_year == 837.8);               /* 50,5% of 1659 = 837.795 */
	assert_string_equal(r[1].end_date, "2027-07-31");
	assert_string_equal(r[1].assign[0].vestiging, "01");
	assert_int_equal(r[1].n_qual, 2);
	assert_string_equal(r[1].qual[1].subject, "gs");
	assert_int_equal(r[1].qual[1].level, QUAL_IN_TRAINING);
	staff_csv_free(r);

	/* A missing column is named as the AFAS export calls it. */
	const char *nomw = "Voornaam;Achternaam;Geboortedatum;Type contract;Parttime percentage;"
			   "Salarisschaal;Salaristrede;Begindatum contract;BRIN;Vestiging\n";
	struct staff_mapping m;
	assert_int_equal(staff_mapping_builtin("afas", &m, NULL), 0);
	samen_err_clear(&err);
	assert_int_equal(staff_csv_parse(nomw, strlen(nomw), &m, today(), &r, &n, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 1);
	assert_string_equal(err.field, "personeelsnummer");
	assert_non_null(strstr(err.msg, "'Medewerker' (personeelsnummer)"));
}

static void youforce_mapping(void **state)
{
	(void)state;
	struct staff_record *r;
	size_t n;
	struct samen_err err;
	assert_int_equal(parse_fixture("youforce.tsv", "youforce", &r, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(r[0].employee_number, "000123");    /* leading zeros kept */
	assert_string_equal(r[0].first_name, "Jan");             /* Roepnaam */
	assert_string_equal(r[0].last_name, "Visser");           /* empty Voorvoegsels */
	assert_string_equal(r[0].birth_date, "1970-05-15");
	assert_string_equal(r[0].contract_kind, "vast");         /* Vast dienstverband */
	assert_true(r[0].hours_per_year == 995.4);               /* 0,6 fte x 1659 */
	assert_string_equal(r[0].salary_scale, "LD");
	assert_int_equal(r[0].salary_step, 14);
	assert_string_equal(r[0].start_date, "1998-08-01");
	assert_string_equal(r[0].end_date, "");
	assert_int_equal(r[0].n_qual, 0);
	assert_int_equal(r[1].line, 3);
	assert_string_equal(r[1].last_name, "de Groot");
	assert_string_equal(r[1].contract_kind, "tijdelijk");    /* ... met uitzicht op vast */
	assert_true(r[1].hours_per_year == 1659.0);
	assert_string_equal(r[1].salary_scale, "10");
	staff_csv_free(r);

	/* A validation error is named by the export's header, not Samen's. */
	const char *bad = "Medewerkernummer;Roepnaam;Achternaam;Geboortedatum;Soort dienstverband;"
			  "Deeltijdfactor;Schaal;Trede;Ingangsdatum dienstverband;"
			  "Einddatum dienstverband;BRIN-nummer;Vestigingsnummer\n"
			  "5;Jo;Kok;1970-01-01;Vast;0,5;ZZ;1;2000-08-01;;14AB;00\n";
	struct staff_mapping m;
	assert_int_equal(staff_mapping_builtin("youforce", &m, NULL), 0);
	samen_err_clear(&err);
	assert_int_equal(staff_csv_parse(bad, strlen(bad), &m, today(), &r, &n, &err),
			 SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.field, "Schaal");
	assert_non_null(strstr(err.msg, "salary scale 'ZZ' is unknown"));
}

static void mapping_file(void **state)
{
	(void)state;
	size_t len;
	char *data = fixture("mapping_custom.csv", &len);
	struct staff_mapping m;
	struct samen_err err;
	samen_err_clear(&err);
	assert_int_equal(staff_mapping_parse(data, len, "mapping_custom.csv", &m, &err), 0);
	free(data);
	assert_int_equal(m.n, 13);
	assert_string_equal(m.rules[4].source, "Dienstverband");
	assert_int_equal(m.rules[4].target, STAFF_COL_CONTRACTSOORT);
	assert_int_equal(m.rules[4].conv, STAFF_CONV_CONTRACT);
	assert_int_equal(m.rules[12].target, STAFF_COL_IGNORE);

	data = fixture("custom.csv", &len);
	struct staff_record *r;
	size_t n;
	assert_int_equal(staff_csv_parse(data, len, &m, today(), &r, &n, &err), 0);
	free(data);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].employee_number, "77");
	assert_string_equal(r[0].last_name, "Mulder");
	assert_string_equal(r[0].contract_kind, "vast");   /* Onbepaald */
	assert_true(r[0].hours_per_year == 829.5);         /* 0,5 fte */
	staff_csv_free(r);

	/* Mapping file errors name line and field. */
	const char *bad1 = "export_column;samen_column\nA;voornaam\nB;naam\n";
	assert_int_equal(staff_mapping_parse(bad1, strlen(bad1), "x", &m, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.field, "samen_column");
	const char *bad2 = "A;voornaam;fte\n";
	assert_int_equal(staff_mapping_parse(bad2, strlen(bad2), "x", &m, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 1);
	assert_string_equal(err.field, "conversion");
	const char *bad3 = "A;voornaam\na;achternaam\n";
	assert_int_equal(staff_mapping_parse(bad3, strlen(bad3), "x", &m, &err), SAMEN_EINVAL);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.field, "export_column");
	assert_int_equal(staff_mapping_builtin("nmbrs", &m, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "samen, afas, youforce"));
}

static void value_helpers(void **state)
{
	(void)state;
	double v;
	assert_int_equal(staff_csv_number("0,6", &v), 0);
	assert_true(v == 0.6);
	assert_int_equal(staff_csv_number("1327.2", &v), 0);
	assert_true(v == 1327.2);
	assert_int_equal(staff_csv_number("007", &v), 0);
	assert_true(v == 7.0);
	assert_int_equal(staff_csv_number("", &v), SAMEN_EINVAL);
	assert_int_equal(staff_csv_number(",5", &v), SAMEN_EINVAL);
	assert_int_equal(staff_csv_number("5,", &v), SAMEN_EINVAL);
	assert_int_equal(staff_csv_number("1e3", &v), SAMEN_EINVAL);
	assert_int_equal(staff_csv_number("+5", &v), SAMEN_EINVAL);
	char iso[11];
	assert_int_equal(staff_csv_date("31-12-2025", iso), 0);
	assert_string_equal(iso, "2025-12-31");
	assert_int_equal(staff_csv_date("2024-02-29", iso), 0);
	assert_string_equal(iso, "2024-02-29");
	assert_int_equal(staff_csv_date("29-02-2025", iso), SAMEN_EINVAL);
	assert_int_equal(staff_csv_date("2025/12/31", iso), SAMEN_EINVAL);
	assert_int_equal(staff_csv_date("20251231", iso), SAMEN_EINVAL);
	assert_int_equal(staff_csv_level("B2"), QUAL_LIMITED_SECOND);
	assert_int_equal(staff_csv_level("eerstegraads"), QUAL_FIRST);
	assert_int_equal(staff_csv_level("3"), QUAL_NONE);
	assert_string_equal(staff_csv_level_code(QUAL_IN_TRAINING), "o");
	assert_string_equal(staff_mapping_contract(" Bepaalde tijd "), "tijdelijk");
	assert_null(staff_mapping_contract("nul-uren"));
}

static void size_cap(void **state)
{
	(void)state;
	struct staff_record *r;
	size_t n;
	struct samen_err err;
	samen_err_clear(&err);
	/* The length is checked before a byte is read. */
	assert_int_equal(staff_csv_parse("", STAFF_CSV_MAX_BYTES + 1, NULL, today(), &r, &n, &err),
			 SAMEN_ETOOBIG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(semicolon_file),
		cmocka_unit_test(comma_crlf_bom_file),
		cmocka_unit_test(tab_file_and_header_only),
		cmocka_unit_test(fixture_errors),
		cmocka_unit_test(value_errors),
		cmocka_unit_test(validate_is_applied),
		cmocka_unit_test(duplicate_column),
		cmocka_unit_test(afas_mapping),
		cmocka_unit_test(youforce_mapping),
		cmocka_unit_test(mapping_file),
		cmocka_unit_test(value_helpers),
		cmocka_unit_test(size_cap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
