/*
 * cmd_export.c - `samen export staff|overview`: tables out of the database
 * as CSV or XLSX (formats/table_out.h; docs/formats/exports.md).
 *
 *   staff     one row per person employed by a board, for HR; with
 *             --importable exactly the columns of the staff import format,
 *             so the file round-trips through `samen import staff`.
 *   overview  one row per board: schools, people, fte.
 *
 * A staff export reads personal data and is written to the audit log.
 * Each employment's current contract is its latest (by start date, then
 * id); the import keeps one contract per employment.
 */
#include "cli/cli.h"
#include "core/qualification.h"
#include "core/staff.h"
#include "formats/staff_csv.h"
#include "formats/table_out.h"
#include "store/audit.h"
#include "store/store_org.h"
#include "util/buf.h"
#include "util/date.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT_MAX_BYTES ((size_t)1024 * 1024 * 1024)

/* The current contract of an employment (see the file comment). */
#define CURRENT_CONTRACT                                                                      \
	"(SELECT c2.id FROM contract c2 WHERE c2.employment_id = e.id"                        \
	" ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)"

/* One employment of the board, read before the per-row queries run. */
struct emp {
	int64_t employment_id, person_id;
	char *empno, *first, *last, *birth, *email, *kind, *scale, *start, *end;
	double hours;
	int step;
	int has_contract;
};

static void emps_free(struct emp *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].empno), free(e[i].first), free(e[i].last), free(e[i].birth);
		free(e[i].email), free(e[i].kind), free(e[i].scale), free(e[i].start);
		free(e[i].end);
	}
	free(e);
}

static char *dup_col(struct db_stmt *st, int col)
{
	return strdup(db_col_text(st, col));
}

/* Read the board's employments with person and current contract. */
static int load_emps(struct db *db, int64_t board_id, struct emp **out, size_t *n,
		     struct samen_err *err)
{
	static const char sql[] =
		"SELECT e.id, p.id, e.employee_number, p.first_name, p.last_name, p.birth_date,"
		" p.email, c.id, c.kind, c.hours_per_year, c.salary_scale, c.salary_step,"
		" c.start_date, c.end_date"
		" FROM employment e JOIN person p ON p.id = e.person_id"
		" LEFT JOIN contract c ON c.id = " CURRENT_CONTRACT
		" WHERE e.board_id = $1"
		" ORDER BY LENGTH(e.employee_number), e.employee_number, e.id";
	struct db_stmt *st;
	*out = NULL;
	*n = 0;
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, board_id);
	size_t cap = 0;
	struct emp *v = NULL;
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			struct emp *nv = realloc(v, cap * sizeof *nv);
			if (!nv) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			v = nv;
		}
		struct emp *e = &v[(*n)++];
		memset(e, 0, sizeof *e);
		e->employment_id = db_col_int(st, 0);
		e->person_id = db_col_int(st, 1);
		e->empno = dup_col(st, 2);
		e->first = dup_col(st, 3);
		e->last = dup_col(st, 4);
		e->birth = dup_col(st, 5);
		e->email = dup_col(st, 6);
		e->has_contract = !db_col_null(st, 7);
		e->kind = dup_col(st, 8);
		e->hours = db_col_double(st, 9);
		e->scale = dup_col(st, 10);
		e->step = (int)db_col_int(st, 11);
		e->start = dup_col(st, 12);
		e->end = dup_col(st, 13);
		if (!e->empno || !e->first || !e->last || !e->birth || !e->email || !e->kind ||
		    !e->scale || !e->start || !e->end) {
			rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
			break;
		}
	}
	db_finalize(st);
	if (rc < 0) {
		emps_free(v, *n);
		*n = 0;
		return rc;
	}
	*out = v;
	return 0;
}

/* A share as the import writes it: '.' and no trailing zeros ("0.6", "1"). */
static void format_share(double s, char out[32])
{
	snprintf(out, 32, "%.6f", s);
	char *p = out + strlen(out) - 1;
	while (p > out && *p == '0')
		*p-- = '\0';
	if (*p == '.')
		*p = '\0';
}

/*
 * The schools and qualifications of one employment, as text for the
 * table: importable lists (brin, vestiging, aandeel, bevoegdheden) or
 * readable ones (scholen, bevoegdheden).
 */
struct lists {
	struct buf brin, vest, share, quals, schools, quals_text;
};

static void lists_init(struct lists *l)
{
	buf_init(&l->brin, 4096);
	buf_init(&l->vest, 4096);
	buf_init(&l->share, 4096);
	buf_init(&l->quals, 4096);
	buf_init(&l->schools, TABLE_OUT_MAX_TEXT);
	buf_init(&l->quals_text, 4096);
}

static void lists_release(struct lists *l)
{
	buf_release(&l->brin), buf_release(&l->vest), buf_release(&l->share);
	buf_release(&l->quals), buf_release(&l->schools), buf_release(&l->quals_text);
}

static void lists_reset(struct lists *l)
{
	buf_reset(&l->brin), buf_reset(&l->vest), buf_reset(&l->share);
	buf_reset(&l->quals), buf_reset(&l->schools), buf_reset(&l->quals_text);
}

static int load_lists(struct db_stmt *as, struct db_stmt *qs, const struct emp *e,
		      struct lists *l, struct samen_err *err)
{
	lists_reset(l);
	int rc, bad = 0;
	db_bind_int(as, 1, e->employment_id);
	for (int i = 0; (rc = db_step(as, err)) == 1; i++) {
		const char *sep = i ? "|" : "";
		char share[32];
		double s = db_col_double(as, 3);
		format_share(s, share);
		bad |= buf_printf(&l->brin, "%s%s", sep, db_col_text(as, 0));
		bad |= buf_printf(&l->vest, "%s%s", sep, db_col_text(as, 1));
		bad |= buf_printf(&l->share, "%s%s", sep, share);
		bad |= buf_printf(&l->schools, "%s%s%s %s %.0f%%", i ? " | " : "",
				  db_col_text(as, 0), db_col_text(as, 1), db_col_text(as, 2),
				  s * 100.0);
	}
	db_reset(as);
	if (rc < 0)
		return rc;
	db_bind_int(qs, 1, e->person_id);
	for (int i = 0; (rc = db_step(qs, err)) == 1; i++) {
		const char *subject = db_col_text(qs, 0);
		enum qual_level level = qual_level_parse(db_col_text(qs, 1));
		char name[32];
		snprintf(name, sizeof name, "%s", qual_level_name(level));
		for (char *p = name; *p; p++)
			if (*p == '_')
				*p = ' ';
		bad |= buf_printf(&l->quals, "%s%s:%s", i ? "|" : "", subject,
				  staff_csv_level_code(level));
		bad |= buf_printf(&l->quals_text, "%s%s (%s)", i ? ", " : "", subject, name);
	}
	db_reset(qs);
	if (rc < 0)
		return rc;
	if (bad)
		return samen_fail(err, SAMEN_ETOOBIG, "the school or qualification list of "
				  "employee %s is too long", e->empno);
	return 0;
}

struct colspec {
	const char *name;
	enum table_out_type type;
	int decimals;
};

static int add_columns(struct table_out *t, int importable, struct samen_err *err)
{
	static const struct colspec human[] = {
		{"personeelsnummer", TABLE_OUT_TEXT, 0}, {"naam", TABLE_OUT_TEXT, 0},
		{"geboortedatum", TABLE_OUT_DATE, 0},    {"leeftijd", TABLE_OUT_INT, 0},
		{"contractsoort", TABLE_OUT_TEXT, 0},    {"uren_per_jaar", TABLE_OUT_DECIMAL, 2},
		{"fte", TABLE_OUT_DECIMAL, 4},           {"schaal", TABLE_OUT_TEXT, 0},
		{"trede", TABLE_OUT_INT, 0},             {"begindatum", TABLE_OUT_DATE, 0},
		{"einddatum", TABLE_OUT_DATE, 0},        {"scholen", TABLE_OUT_TEXT, 0},
		{"bevoegdheden", TABLE_OUT_TEXT, 0},     {NULL, 0, 0},
	};
	static const struct colspec import[] = {
		{"personeelsnummer", TABLE_OUT_TEXT, 0}, {"voornaam", TABLE_OUT_TEXT, 0},
		{"achternaam", TABLE_OUT_TEXT, 0},       {"geboortedatum", TABLE_OUT_DATE, 0},
		{"email", TABLE_OUT_TEXT, 0},            {"contractsoort", TABLE_OUT_TEXT, 0},
		{"uren_per_jaar", TABLE_OUT_DECIMAL, 4}, {"schaal", TABLE_OUT_TEXT, 0},
		{"trede", TABLE_OUT_INT, 0},             {"begindatum", TABLE_OUT_DATE, 0},
		{"einddatum", TABLE_OUT_DATE, 0},        {"brin", TABLE_OUT_TEXT, 0},
		{"vestiging", TABLE_OUT_TEXT, 0},        {"aandeel", TABLE_OUT_TEXT, 0},
		{"bevoegdheden", TABLE_OUT_TEXT, 0},     {NULL, 0, 0},
	};
	const struct colspec *cols = importable ? import : human;
	for (int i = 0; cols[i].name; i++) {
		int rc = table_out_add_column(t, cols[i].name, cols[i].type, cols[i].decimals, err);
		if (rc)
			return rc;
	}
	return 0;
}

/* Put one employment's row; contract cells stay empty without a contract. */
static int put_row(struct table_out *t, const struct emp *e, const struct lists *l,
		   int importable, long today, struct samen_err *err)
{
	int rc = table_out_add_row(t, err);
	if (rc == 0)
		rc = table_out_text(t, e->empno, err);
	if (importable) {
		if (rc == 0)
			rc = table_out_text(t, e->first, err);
		if (rc == 0)
			rc = table_out_text(t, e->last, err);
		if (rc == 0)
			rc = table_out_date(t, e->birth, err);
		if (rc == 0)
			rc = table_out_text(t, e->email, err);
	} else {
		char name[192];
		snprintf(name, sizeof name, "%s %s", e->first, e->last);
		long born;
		if (rc == 0)
			rc = table_out_text(t, name, err);
		if (rc == 0)
			rc = table_out_date(t, e->birth, err);
		if (rc == 0)
			rc = date_parse(e->birth, &born) == 0
				     ? table_out_int(t, date_age(born, today), err)
				     : table_out_empty(t, err);
	}
	if (rc == 0)
		rc = table_out_text(t, e->kind, err);
	if (rc == 0)
		rc = e->has_contract ? table_out_decimal(t, e->hours, err) : table_out_empty(t, err);
	if (rc == 0 && !importable)
		rc = e->has_contract ? table_out_decimal(t, staff_fte(e->hours), err)
				     : table_out_empty(t, err);
	if (rc == 0)
		rc = table_out_text(t, e->scale, err);
	if (rc == 0)
		rc = e->has_contract ? table_out_int(t, e->step, err) : table_out_empty(t, err);
	if (rc == 0)
		rc = table_out_date(t, e->start, err);
	if (rc == 0)
		rc = table_out_date(t, e->end, err);
	if (importable) {
		if (rc == 0)
			rc = table_out_text(t, buf_str(&l->brin), err);
		if (rc == 0)
			rc = table_out_text(t, buf_str(&l->vest), err);
		if (rc == 0)
			rc = table_out_text(t, buf_str(&l->share), err);
		if (rc == 0)
			rc = table_out_text(t, buf_str(&l->quals), err);
	} else {
		if (rc == 0)
			rc = table_out_text(t, buf_str(&l->schools), err);
		if (rc == 0)
			rc = table_out_text(t, buf_str(&l->quals_text), err);
	}
	return rc;
}

/* Build the staff table of a board. *out is owned by the caller. */
static int staff_table(struct db *db, int64_t board_id, const char *bestuursnummer,
		       int importable, struct table_out **out, struct samen_err *err)
{
	struct emp *emps = NULL;
	size_t n = 0;
	struct db_stmt *as = NULL, *qs = NULL;
	struct table_out *t = NULL;
	struct lists l;
	lists_init(&l);
	char title[64];
	snprintf(title, sizeof title, "Personeel %s", bestuursnummer);
	long today = date_today();
	int rc = load_emps(db, board_id, &emps, &n, err);
	if (rc == 0)
		rc = db_prepare(db,
				"SELECT s.brin, s.vestiging, s.name, a.fte_share FROM assignment a"
				" JOIN school s ON s.id = a.school_id WHERE a.employment_id = $1"
				" ORDER BY a.id",
				&as, err);
	if (rc == 0)
		rc = db_prepare(db,
				"SELECT subject_code, level FROM qualification WHERE person_id = $1"
				" ORDER BY id",
				&qs, err);
	if (rc == 0)
		rc = table_out_new(title, &t, err);
	if (rc == 0)
		rc = add_columns(t, importable, err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		rc = load_lists(as, qs, &emps[i], &l, err);
		if (rc == 0)
			rc = put_row(t, &emps[i], &l, importable, today, err);
	}
	db_finalize(as);
	db_finalize(qs);
	emps_free(emps, n);
	lists_release(&l);
	if (rc) {
		table_out_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* Build the per-board overview table. */
static int overview_table(struct db *db, struct table_out **out, struct samen_err *err)
{
	static const char sql[] =
		"SELECT b.bestuursnummer, b.name,"
		" (SELECT COUNT(*) FROM school s WHERE s.board_id = b.id),"
		" (SELECT COUNT(*) FROM employment e WHERE e.board_id = b.id),"
		" (SELECT COALESCE(SUM(c.hours_per_year), 0) FROM employment e"
		"   JOIN contract c ON c.id = " CURRENT_CONTRACT " WHERE e.board_id = b.id)"
		" FROM board b ORDER BY b.bestuursnummer";
	struct table_out *t = NULL;
	struct db_stmt *st = NULL;
	int rc = table_out_new("Overzicht besturen", &t, err);
	if (rc == 0)
		rc = table_out_add_column(t, "bestuursnummer", TABLE_OUT_TEXT, 0, err);
	if (rc == 0)
		rc = table_out_add_column(t, "naam", TABLE_OUT_TEXT, 0, err);
	if (rc == 0)
		rc = table_out_add_column(t, "scholen", TABLE_OUT_INT, 0, err);
	if (rc == 0)
		rc = table_out_add_column(t, "personen", TABLE_OUT_INT, 0, err);
	if (rc == 0)
		rc = table_out_add_column(t, "fte", TABLE_OUT_DECIMAL, 2, err);
	if (rc == 0)
		rc = db_prepare(db, sql, &st, err);
	while (rc == 0 && (rc = db_step(st, err)) == 1) {
		rc = table_out_add_row(t, err);
		if (rc == 0)
			rc = table_out_text(t, db_col_text(st, 0), err);
		if (rc == 0)
			rc = table_out_text(t, db_col_text(st, 1), err);
		if (rc == 0)
			rc = table_out_int(t, db_col_int(st, 2), err);
		if (rc == 0)
			rc = table_out_int(t, db_col_int(st, 3), err);
		if (rc == 0)
			rc = table_out_decimal(t, staff_fte(db_col_double(st, 4)), err);
	}
	db_finalize(st);
	if (rc < 0) {
		table_out_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* Write t to path ("-": standard output) as csv or xlsx. */
static int write_table(const struct table_out *t, int xlsx, const char *path,
		       struct samen_err *err)
{
	if (strcmp(path, "-") != 0)
		return xlsx ? table_out_xlsx_file(t, path, err) : table_out_csv_file(t, NULL, path, err);
	struct buf b;
	buf_init(&b, EXPORT_MAX_BYTES);
	int rc = xlsx ? table_out_xlsx(t, &b, err) : table_out_csv(t, NULL, &b, err);
	if (rc == 0 && (fwrite(b.data ? b.data : "", 1, b.len, stdout) != b.len || fflush(stdout)))
		rc = samen_fail(err, SAMEN_EIO, "cannot write to standard output");
	buf_release(&b);
	return rc;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: samen export staff --board BESTUURSNUMMER [--importable] "
		"--format csv|xlsx --out FILE [--db PATH|URL]\n"
		"       samen export overview --format csv|xlsx --out FILE [--db PATH|URL]\n");
	return 2;
}

static int run(int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "staff") != 0 && strcmp(argv[1], "overview") != 0))
		return usage();
	int staff = strcmp(argv[1], "staff") == 0;
	const char *target = cli_default_db();
	const char *board = NULL, *format = NULL, *out = NULL;
	int importable = 0;
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"board", required_argument, NULL, 'b'},
		{"format", required_argument, NULL, 'f'},
		{"out", required_argument, NULL, 'o'},
		{"importable", no_argument, NULL, 'i'},
		{0}};
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'b': board = optarg; break;
		case 'f': format = optarg; break;
		case 'o': out = optarg; break;
		case 'i': importable = 1; break;
		default: return usage();
		}
	}
	if (optind != argc || !out || (staff && !board) || (!staff && (board || importable))) {
		if (!out)
			fprintf(stderr, "samen: --out FILE is required (- for standard output)\n");
		if (staff && !board)
			fprintf(stderr, "samen: --board BESTUURSNUMMER is required\n");
		return usage();
	}
	if (!format) {
		/* Without --format the file name decides: *.xlsx is XLSX, anything else CSV. */
		size_t len = strlen(out);
		format = len > 5 && strcmp(out + len - 5, ".xlsx") == 0 ? "xlsx" : "csv";
	}
	if (strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0) {
		fprintf(stderr, "samen: --format must be csv or xlsx, not '%s'\n", format);
		return 2;
	}
	int xlsx = strcmp(format, "xlsx") == 0;

	struct db *db;
	if (cli_open_db(target, &db))
		return 1;
	struct samen_err err;
	samen_err_clear(&err);
	struct table_out *t = NULL;
	int rc;
	if (staff) {
		int64_t board_id;
		rc = org_board_find(db, board, &board_id, &err);
		if (rc == 0)
			rc = staff_table(db, board_id, board, importable, &t, &err);
		if (rc == 0) {
			/* A staff export reads personal data: record it before writing. */
			char idtxt[24], detail[96];
			snprintf(idtxt, sizeof idtxt, "%lld", (long long)board_id);
			snprintf(detail, sizeof detail, "rows=%zu format=%s importable=%d",
				 table_out_rows(t), format, importable);
			rc = audit_add(db, 0, "cli", "staff.export", "board", idtxt, board_id, detail,
				       &err);
		}
	} else {
		rc = overview_table(db, &t, &err);
	}
	if (rc == 0)
		rc = write_table(t, xlsx, out, &err);
	if (rc)
		cli_print_err(&err);
	else if (strcmp(out, "-") != 0)
		printf("exported %zu %s to %s\n", table_out_rows(t),
			staff ? "people" : "boards", out);
	table_out_free(t);
	db_close(db);
	return rc ? 1 : 0;
}

const struct cli_command cmd_export = {
	.name = "export",
	.summary = "export staff or the board overview as CSV or XLSX",
	.help = "Usage: samen export staff --board BESTUURSNUMMER [--importable]\n"
		"                          --format csv|xlsx --out FILE [--db PATH|URL]\n"
		"       samen export overview --format csv|xlsx --out FILE [--db PATH|URL]\n\n"
		"staff: one row per person employed by the board: personeelsnummer, naam,\n"
		"geboortedatum, leeftijd, contractsoort, uren_per_jaar, fte, schaal, trede,\n"
		"begindatum, einddatum, scholen, bevoegdheden. With --importable the columns\n"
		"are exactly those of `samen import staff` (docs/formats/staff-csv.md), so\n"
		"the file imports again unchanged. The export is written to the audit log.\n\n"
		"overview: one row per board: bestuursnummer, naam, scholen, personen, fte.\n\n"
		"CSV is ';'-separated UTF-8 with BOM and decimal commas, for Dutch Excel.\n"
		"XLSX has real numbers and dates (dd-mm-yyyy). Without --format a FILE\n"
		"ending in .xlsx gives XLSX, anything else CSV. --out - writes to standard\n"
		"output. Files are created with mode 0600: they hold personal data.\n"
		"See docs/formats/exports.md.\n",
	.run = run,
};
