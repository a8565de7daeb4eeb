/*
 * test_table_out.c - the table and its CSV and XLSX writers.
 *
 * The CSV tests compare exact bytes. The XLSX tests read the workbook back
 * without libxlsxwriter: the zip signature, then `unzip -p` (Info-ZIP's
 * unzip program) for the worksheet, shared strings and styles XML.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

#include "formats/table_out.h"

/* The sample table used by most tests. */
static struct table_out *sample(void)
{
	struct table_out *t;
	struct samen_err err;
	samen_err_clear(&err);
	assert_int_equal(table_out_new("Personeel: 14AB/00", &t, &err), 0);
	assert_int_equal(table_out_add_column(t, "naam", TABLE_OUT_TEXT, 0, &err), 0);
	assert_int_equal(table_out_add_column(t, "aantal", TABLE_OUT_INT, 0, &err), 0);
	assert_int_equal(table_out_add_column(t, "fte", TABLE_OUT_DECIMAL, 4, &err), 0);
	assert_int_equal(table_out_add_column(t, "datum", TABLE_OUT_DATE, 0, &err), 0);

	assert_int_equal(table_out_add_row(t, &err), 0);
	assert_int_equal(table_out_text(t, "Jansen; van", &err), 0);
	assert_int_equal(table_out_int(t, 3, &err), 0);
	assert_int_equal(table_out_decimal(t, 1327.2 / 1659.0, &err), 0);
	assert_int_equal(table_out_date(t, "2026-08-17", &err), 0);

	assert_int_equal(table_out_add_row(t, &err), 0);
	assert_int_equal(table_out_text(t, "Zeg \"hoi\"", &err), 0);
	assert_int_equal(table_out_int(t, -2, &err), 0);
	assert_int_equal(table_out_decimal(t, 1.0 / 3.0, &err), 0);
	assert_int_equal(table_out_date(t, "", &err), 0);

	assert_int_equal(table_out_add_row(t, &err), 0);
	assert_int_equal(table_out_text(t, "=SUM(A1)", &err), 0);
	assert_int_equal(table_out_int(t, 0, &err), 0);
	assert_int_equal(table_out_decimal(t, -0.00001, &err), 0);
	assert_int_equal(table_out_date(t, "2024-02-29", &err), 0);

	assert_int_equal(table_out_add_row(t, &err), 0);
	assert_int_equal(table_out_text(t, "twee\nregels", &err), 0);
	assert_int_equal(table_out_empty(t, &err), 0);
	assert_int_equal(table_out_decimal(t, 2.5, &err), 0);
	/* the date cell is left out: padded empty */

	assert_int_equal(table_out_add_row(t, &err), 0);
	assert_int_equal(table_out_text(t, "Chlo\xC3\xAB \xE2\x82\xAC", &err), 0);
	assert_int_equal(table_out_int(t, 1234567, &err), 0);
	assert_int_equal(table_out_empty(t, &err), 0);
	assert_int_equal(table_out_date(t, "1980-03-15", &err), 0);

	assert_int_equal(table_out_add_row(t, &err), 0);
	assert_int_equal(table_out_text(t, " spatie", &err), 0);
	assert_int_equal(table_out_rows(t), 6);
	return t;
}

static void csv_default_bytes(void **state)
{
	(void)state;
	struct table_out *t = sample();
	struct buf b;
	buf_init(&b, 1 << 20);
	struct samen_err err;
	assert_int_equal(table_out_csv(t, NULL, &b, &err), 0);
	const char *want = "\xEF\xBB\xBF"
			   "naam;aantal;fte;datum\r\n"
			   "\"Jansen; van\";3;0,8000;2026-08-17\r\n"
			   "\"Zeg \"\"hoi\"\"\";-2;0,3333;\r\n"
			   "'=SUM(A1);0;0,0000;2024-02-29\r\n"
			   "\"twee\nregels\";;2,5000;\r\n"
			   "Chlo\xC3\xAB \xE2\x82\xAC;1234567;;1980-03-15\r\n"
			   "\" spatie\";;;\r\n";
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.data, want, b.len);
	buf_release(&b);
	table_out_free(t);
}

static void csv_options(void **state)
{
	(void)state;
	struct table_out *t = sample();
	struct buf b;
	buf_init(&b, 1 << 20);
	struct samen_err err;
	struct table_out_csv_opts o = table_out_csv_defaults();
	o.delim = ',';
	o.decimal_sep = '.';
	o.bom = false;
	o.dmy_dates = true;
	o.formula_guard = false;
	assert_int_equal(table_out_csv(t, &o, &b, &err), 0);
	const char *want = "naam,aantal,fte,datum\r\n"
			   "Jansen; van,3,0.8000,17-08-2026\r\n"
			   "\"Zeg \"\"hoi\"\"\",-2,0.3333,\r\n"
			   "=SUM(A1),0,0.0000,29-02-2024\r\n"
			   "\"twee\nregels\",,2.5000,\r\n"
			   "Chlo\xC3\xAB \xE2\x82\xAC,1234567,,15-03-1980\r\n"
			   "\" spatie\",,,\r\n";
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.data, want, b.len);

	/* A decimal comma inside a comma-separated file is quoted. */
	buf_reset(&b);
	o.decimal_sep = ',';
	assert_int_equal(table_out_csv(t, &o, &b, &err), 0);
	assert_non_null(strstr(b.data, "Jansen; van,3,\"0,8000\",17-08-2026\r\n"));

	/* The buffer's cap holds. */
	struct buf small;
	buf_init(&small, 16);
	assert_int_equal(table_out_csv(t, NULL, &small, &err), SAMEN_ETOOBIG);
	buf_release(&small);

	o.delim = '|';
	assert_int_equal(table_out_csv(t, &o, &b, &err), SAMEN_EINVAL);
	buf_release(&b);
	table_out_free(t);
}

static void misuse_is_refused(void **state)
{
	(void)state;
	struct table_out *t;
	struct samen_err err;
	assert_int_equal(table_out_new("x", &t, &err), 0);
	assert_int_equal(table_out_add_row(t, &err), SAMEN_EINTERNAL); /* no columns */
	assert_int_equal(table_out_add_column(t, "a", TABLE_OUT_INT, 0, &err), 0);
	assert_int_equal(table_out_int(t, 1, &err), SAMEN_EINTERNAL); /* no row */
	assert_int_equal(table_out_add_row(t, &err), 0);
	assert_int_equal(table_out_text(t, "x", &err), SAMEN_EINTERNAL); /* wrong type */
	assert_int_equal(table_out_int(t, 1, &err), 0);
	assert_int_equal(table_out_int(t, 2, &err), SAMEN_EINTERNAL); /* row full */
	assert_int_equal(table_out_add_column(t, "b", TABLE_OUT_DATE, 0, &err), SAMEN_EINTERNAL);
	table_out_free(t);

	assert_int_equal(table_out_new("x", &t, &err), 0);
	assert_int_equal(table_out_add_column(t, "d", TABLE_OUT_DATE, 0, &err), 0);
	assert_int_equal(table_out_add_row(t, &err), 0);
	assert_int_equal(table_out_date(t, "2026-02-30", &err), SAMEN_EINVAL);
	table_out_free(t);
}

/* Run `unzip -p path member` and return its output (malloc'ed). */
static char *unzip_member(const char *path, const char *member)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s'", path, member);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t cap = 1 << 20, len = 0;
	char *out = malloc(cap);
	assert_non_null(out);
	size_t got;
	while ((got = fread(out + len, 1, cap - 1 - len, p)) > 0)
		len += got;
	out[len] = '\0';
	assert_int_equal(pclose(p), 0);
	return out;
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("expected to find %s", needle);
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void xlsx_workbook(void **state)
{
	(void)state;
	char dir[] = "/tmp/samen-test-xlsx-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char scratch[128], path[128];
	snprintf(scratch, sizeof scratch, "%s/scratch", dir);
	assert_int_equal(mkdir(scratch, 0700), 0);
	snprintf(path, sizeof path, "%s/out.xlsx", dir);
	const char *old_tmp = getenv("TMPDIR");
	char *saved = old_tmp ? strdup(old_tmp) : NULL;
	setenv("TMPDIR", scratch, 1);

	struct table_out *t = sample();
	struct samen_err err;
	samen_err_clear(&err);

	/* In memory: a zip archive, and no temporary file left behind. */
	struct buf b;
	buf_init(&b, 16 << 20);
	assert_int_equal(table_out_xlsx(t, &b, &err), 0);
	assert_true(b.len > 1000);
	assert_memory_equal(b.data, "PK\x03\x04", 4);
	assert_int_equal(count_entries(scratch), 0);

	/* Too small a cap fails cleanly, also without leftovers. */
	struct buf tiny;
	buf_init(&tiny, 100);
	assert_int_equal(table_out_xlsx(t, &tiny, &err), SAMEN_ETOOBIG);
	assert_int_equal(count_entries(scratch), 0);
	buf_release(&tiny);

	/* To a file: same signature, mode 0600, only the file itself in the directory. */
	assert_int_equal(table_out_xlsx_file(t, path, &err), 0);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(count_entries(dir), 2); /* scratch/ and out.xlsx */

	/* A valid zip archive by Info-ZIP's own test. */
	char cmd[256];
	snprintf(cmd, sizeof cmd, "unzip -tq '%s' >/dev/null", path);
	assert_int_equal(system(cmd), 0);

	char *sheet = unzip_member(path, "xl/worksheets/sheet1.xml");
	/* Frozen header row and autofilter over A1:D7. */
	assert_contains(sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
			       "state=\"frozen\"/>");
	assert_contains(sheet, "<autoFilter ref=\"A1:D7\"/>");
	/* Numbers are numbers (rounded to the column's decimals), dates Excel serials. */
	assert_contains(sheet, "<c r=\"B2\" s=\"2\"><v>3</v></c>");
	assert_contains(sheet, "<c r=\"C2\" s=\"3\"><v>0.8</v></c>");
	assert_contains(sheet, "<c r=\"D2\" s=\"4\"><v>46251</v></c>");
	assert_contains(sheet, "<c r=\"B3\" s=\"2\"><v>-2</v></c>");
	assert_contains(sheet, "<c r=\"C3\" s=\"3\"><v>0.3333</v></c>");
	assert_contains(sheet, "<c r=\"D4\" s=\"4\"><v>45351</v></c>");
	assert_contains(sheet, "<c r=\"B6\" s=\"2\"><v>1234567</v></c>");
	assert_contains(sheet, "<c r=\"D6\" s=\"4\"><v>29295</v></c>");
	/* Text is a shared string, never a formula; the header is bold (style 1). */
	assert_contains(sheet, "<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>");
	assert_contains(sheet, "<c r=\"A4\" t=\"s\">");
	assert_null(strstr(sheet, "<f>"));
	/* Empty cells are not written. */
	assert_null(strstr(sheet, "r=\"D3\""));
	assert_null(strstr(sheet, "r=\"B5\""));
	free(sheet);

	char *strings = unzip_member(path, "xl/sharedStrings.xml");
	assert_contains(strings, "<t>naam</t>");
	assert_contains(strings, "<t>Jansen; van</t>");
	assert_contains(strings, "<t>Zeg \"hoi\"</t>");
	assert_contains(strings, "<t>=SUM(A1)</t>");
	assert_contains(strings, "<t>Chlo\xC3\xAB \xE2\x82\xAC</t>");
	assert_contains(strings, "<t xml:space=\"preserve\"> spatie</t>");
	free(strings);

	char *styles = unzip_member(path, "xl/styles.xml");
	assert_contains(styles, "formatCode=\"0.0000\"");
	assert_contains(styles, "formatCode=\"dd-mm-yyyy\"");
	assert_contains(styles, "<b/>");
	free(styles);

	char *wb = unzip_member(path, "xl/workbook.xml");
	assert_contains(wb, "<sheet name=\"Personeel_ 14AB_00\"");
	free(wb);

	table_out_free(t);
	buf_release(&b);
	unlink(path);
	rmdir(scratch);
	rmdir(dir);
	if (saved) {
		setenv("TMPDIR", saved, 1);
		free(saved);
	} else {
		unsetenv("TMPDIR");
	}
}

static void sheet_name_is_cut_to_31_characters(void **state)
{
	(void)state;
	struct table_out *t;
	struct samen_err err;
	/* 38 characters, the 6th a two-byte e-diaeresis: the first 31 are kept. */
	assert_int_equal(table_out_new("Perso\xC3\xABneelsoverzicht 41873 (2026-2027)", &t, &err), 0);
	assert_int_equal(table_out_add_column(t, "a", TABLE_OUT_TEXT, 0, &err), 0);
	char dir[] = "/tmp/samen-test-name-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/n.xlsx", dir);
	assert_int_equal(table_out_xlsx_file(t, path, &err), 0);
	char *wb = unzip_member(path, "xl/workbook.xml");
	assert_contains(wb, "<sheet name=\"Perso\xC3\xABneelsoverzicht 41873 (202\"");
	free(wb);
	table_out_free(t);
	unlink(path);
	rmdir(dir);
}

static void csv_file_is_private_and_whole(void **state)
{
	(void)state;
	char dir[] = "/tmp/samen-test-csv-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/out.csv", dir);
	struct table_out *t = sample();
	struct samen_err err;
	assert_int_equal(table_out_csv_file(t, NULL, path, &err), 0);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(count_entries(dir), 1);
	FILE *f = fopen(path, "rb");
	char head[32] = {0};
	assert_int_equal(fread(head, 1, 26, f), 26);
	fclose(f);
	assert_memory_equal(head, "\xEF\xBB\xBFnaam;aantal;fte;datum\r\n", 26);

	/* An unwritable target is an I/O error naming it. */
	char bad[160];
	snprintf(bad, sizeof bad, "%s/missing/out.csv", dir);
	assert_int_equal(table_out_csv_file(t, NULL, bad, &err), SAMEN_EIO);
	assert_non_null(strstr(err.msg, "missing/out.csv"));
	table_out_free(t);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_default_bytes),
		cmocka_unit_test(csv_options),
		cmocka_unit_test(misuse_is_refused),
		cmocka_unit_test(xlsx_workbook),
		cmocka_unit_test(sheet_name_is_cut_to_31_characters),
		cmocka_unit_test(csv_file_is_private_and_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
