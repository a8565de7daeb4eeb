/*
 * cmd_ledger.c - `samen ledger ...`: the settings behind the cost price and
 * the VAT check (store/ledger.h), each change written to the audit log:
 *
 *   settings          list the settings with their notes ([UNCERTAIN] ones too)
 *   set KEY VALUE     change one (vat.margin_bp, vat.rate_bp, vat.review_months,
 *                     secondment.weeks_per_year)
 *   board NR          a board's employer charges and travel allowance per year
 *   party NR          a board's party data: KvK, VAT number, IBAN, address,
 *                     samenwerkingsverband or not, Waadi / Wtta (rule 10)
 *   salary            the salary tables; --table DATE lists one with sources
 *   salary-table-add  a table for a new CAO year, copied with a raise
 *   salary-set        one salary of a table, with its source
 *   periods           the closed settlement periods of a region
 */
#include "cli/cli.h"
#include "cli/ledger_cli.h"
#include "core/costprice.h"
#include "store/ledger.h"
#include "util/date.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct secondment_actor cli_actor = {0, "cli"};

static int usage(void)
{
	fprintf(stderr,
		"usage: samen ledger settings\n"
		"       samen ledger set KEY VALUE\n"
		"       samen ledger board NR [--year Y --charges PCT --travel EURO_PER_KM [--note T]]\n"
		"       samen ledger party NR [--kind bestuur|swv] [--kvk K] [--vat-id V] [--iban I]\n"
		"           [--street S] [--postcode P] [--city C] [--email E] [--waadi yes|no]\n"
		"           [--waadi-checked D] [--wtta TEXT] [--wtta-basis TEXT]\n"
		"       samen ledger salary [--table VALID_FROM]\n"
		"       samen ledger salary-table-add VALID_FROM --label TEXT [--raise PCT]\n"
		"       samen ledger salary-set VALID_FROM --scale S --step N --euros AMOUNT --source TEXT\n"
		"       samen ledger periods [--region CODE]\n"
		"  (all take --db PATH|URL)\n");
	return 2;
}

enum {
	O_DB = 1000, O_YEAR, O_CHARGES, O_TRAVEL, O_NOTE, O_KIND, O_KVK, O_VAT, O_IBAN, O_STREET,
	O_POSTCODE, O_CITY, O_EMAIL, O_WAADI, O_WAADI_CHECKED, O_WTTA, O_WTTA_BASIS, O_TABLE, O_LABEL,
	O_RAISE, O_SCALE, O_STEP, O_EUROS, O_SOURCE, O_REGION,
};

struct args {
	const char *v[O_REGION - O_DB + 1];
};

#define ARG(a, o) ((a)->v[(o) - O_DB])

static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, O_DB},
		{"year", required_argument, NULL, O_YEAR},
		{"charges", required_argument, NULL, O_CHARGES},
		{"travel", required_argument, NULL, O_TRAVEL},
		{"note", required_argument, NULL, O_NOTE},
		{"kind", required_argument, NULL, O_KIND},
		{"kvk", required_argument, NULL, O_KVK},
		{"vat-id", required_argument, NULL, O_VAT},
		{"iban", required_argument, NULL, O_IBAN},
		{"street", required_argument, NULL, O_STREET},
		{"postcode", required_argument, NULL, O_POSTCODE},
		{"city", required_argument, NULL, O_CITY},
		{"email", required_argument, NULL, O_EMAIL},
		{"waadi", required_argument, NULL, O_WAADI},
		{"waadi-checked", required_argument, NULL, O_WAADI_CHECKED},
		{"wtta", required_argument, NULL, O_WTTA},
		{"wtta-basis", required_argument, NULL, O_WTTA_BASIS},
		{"table", required_argument, NULL, O_TABLE},
		{"label", required_argument, NULL, O_LABEL},
		{"raise", required_argument, NULL, O_RAISE},
		{"scale", required_argument, NULL, O_SCALE},
		{"step", required_argument, NULL, O_STEP},
		{"euros", required_argument, NULL, O_EUROS},
		{"source", required_argument, NULL, O_SOURCE},
		{"region", required_argument, NULL, O_REGION},
		{0}};
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c < O_DB || c > O_REGION)
			return SAMEN_EINVAL;
		a->v[c - O_DB] = optarg;
	}
	return 0;
}

static int parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v = s ? strtol(s, &end, 10) : 0;
	if (!s || *end || v < lo || v > hi)
		return SAMEN_EINVAL;
	*out = v;
	return 0;
}

static int table_id(struct db *db, const char *valid_from, int64_t *id, struct samen_err *err)
{
	const char *p[] = {valid_from};
	int rc = db_query_int(db, "SELECT id FROM salary_table WHERE valid_from = $1", 1, p, id, NULL);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "table",
				     "no salary table starts on %.20s (see samen ledger salary)", valid_from);
	return rc;
}

static int cmd_settings(struct db *db, struct samen_err *err)
{
	struct ledger_setting_row *r;
	size_t n;
	int rc = store_ledger_settings(db, &r, &n, err);
	for (size_t i = 0; rc == 0 && i < n; i++)
		printf("%s = %lld\n    %s\n    (changed %s by %s)\n", r[i].key, (long long)r[i].value,
		       r[i].note, r[i].updated_at, r[i].updated_by);
	if (rc == 0)
		free(r);
	return rc;
}

static int cmd_board(struct db *db, const char *nr, const struct args *a, struct samen_err *err)
{
	int64_t board;
	int rc = ledger_cli_board(db, nr, "board", &board, err);
	if (rc)
		return rc;
	if (ARG(a, O_YEAR) || ARG(a, O_CHARGES) || ARG(a, O_TRAVEL)) {
		struct ledger_board_year y = {.board_id = board};
		long year;
		int64_t travel;
		if (parse_int(ARG(a, O_YEAR), 2000, 2100, &year))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "year", "--year takes a year, e.g. 2026");
		if (!ARG(a, O_CHARGES) || costprice_parse_percent(ARG(a, O_CHARGES), &y.charges_bp))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "charges",
					     "--charges takes the employer-charges percentage, e.g. 35 or 32,5");
		if (!ARG(a, O_TRAVEL) || costprice_parse_euros(ARG(a, O_TRAVEL), &travel))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "travel",
					     "--travel takes euros per km, e.g. 0,23");
		y.year = (int)year;
		y.travel_cents_per_km = travel;
		snprintf(y.note, sizeof y.note, "%s", ARG(a, O_NOTE) ? ARG(a, O_NOTE) : "");
		rc = store_ledger_board_year_set(db, &y, &cli_actor, err);
		if (rc)
			return rc;
	}
	struct ledger_board_year *ys;
	size_t n;
	rc = store_ledger_board_years(db, board, &ys, &n, err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char t[32];
		costprice_format(ys[i].travel_cents_per_km, t);
		printf("%d: employer charges %d,%02d %%, travel %s euro per km%s%s\n", ys[i].year,
		       (int)(ys[i].charges_bp / 100), (int)(ys[i].charges_bp % 100), t,
		       ys[i].note[0] ? " - " : "", ys[i].note);
	}
	if (rc == 0) {
		if (n == 0)
			printf("no employer-charges percentage set: secondments of this board cannot be priced\n");
		free(ys);
	}
	return rc;
}

static void set_text(char *dst, size_t n, const char *v)
{
	if (v)
		snprintf(dst, n, "%s", v);
}

static int cmd_party(struct db *db, const char *nr, const struct args *a, struct samen_err *err)
{
	int64_t board;
	int rc = ledger_cli_board(db, nr, "board", &board, err);
	struct ledger_party p;
	if (rc == 0)
		rc = store_ledger_party_get(db, board, &p, err);
	if (rc)
		return rc;
	bool change = false;
	for (int o = O_KIND; o <= O_WTTA_BASIS; o++)
		change = change || ARG(a, o);
	if (change) {
		if (ARG(a, O_KIND)) {
			if (strcmp(ARG(a, O_KIND), "swv") != 0 && strcmp(ARG(a, O_KIND), "bestuur") != 0)
				return samen_fail_at(err, SAMEN_EINVAL, 0, "kind", "--kind takes bestuur or swv");
			p.is_swv = strcmp(ARG(a, O_KIND), "swv") == 0;
		}
		set_text(p.kvk, sizeof p.kvk, ARG(a, O_KVK));
		set_text(p.vat_id, sizeof p.vat_id, ARG(a, O_VAT));
		set_text(p.iban, sizeof p.iban, ARG(a, O_IBAN));
		set_text(p.street, sizeof p.street, ARG(a, O_STREET));
		set_text(p.postcode, sizeof p.postcode, ARG(a, O_POSTCODE));
		set_text(p.city, sizeof p.city, ARG(a, O_CITY));
		set_text(p.email, sizeof p.email, ARG(a, O_EMAIL));
		if (ARG(a, O_WAADI)) {
			if (strcmp(ARG(a, O_WAADI), "yes") && strcmp(ARG(a, O_WAADI), "no"))
				return samen_fail_at(err, SAMEN_EINVAL, 0, "waadi", "--waadi takes yes or no");
			p.waadi_registered = strcmp(ARG(a, O_WAADI), "yes") == 0;
		}
		set_text(p.waadi_checked_on, sizeof p.waadi_checked_on, ARG(a, O_WAADI_CHECKED));
		set_text(p.wtta_admission, sizeof p.wtta_admission, ARG(a, O_WTTA));
		set_text(p.wtta_exemption_basis, sizeof p.wtta_exemption_basis, ARG(a, O_WTTA_BASIS));
		rc = store_ledger_party_set(db, &p, &cli_actor, err);
		if (rc)
			return rc;
	}
	printf("%s %s (%s)\n  KvK %s, VAT number %s, IBAN %s\n  %s, %s %s\n  e-mail %s\n"
	       "  Waadi registered: %s%s%s\n  Wtta admission: %s; exemption basis: %s\n",
	       p.number, p.name, p.is_swv ? "samenwerkingsverband" : "schoolbestuur", p.kvk, p.vat_id,
	       p.iban, p.street, p.postcode, p.city, p.email, p.waadi_registered ? "yes" : "no",
	       p.waadi_checked_on[0] ? ", checked " : "", p.waadi_checked_on, p.wtta_admission,
	       p.wtta_exemption_basis);
	return 0;
}

static int cmd_salary(struct db *db, const struct args *a, struct samen_err *err)
{
	if (ARG(a, O_TABLE)) {
		int64_t id;
		int rc = table_id(db, ARG(a, O_TABLE), &id, err);
		struct salary_step_row *s;
		size_t n;
		if (rc == 0)
			rc = store_ledger_salary_steps(db, id, &s, &n, err);
		for (size_t i = 0; rc == 0 && i < n; i++) {
			char m[32];
			costprice_format(s[i].s.monthly_cents, m);
			printf("%-4s %2d %10s  %s\n", s[i].s.scale, s[i].s.step, m, s[i].source);
		}
		if (rc == 0)
			free(s);
		return rc;
	}
	struct salary_table_row *t;
	size_t n;
	int rc = store_ledger_salary_tables(db, &t, &n, err);
	for (size_t i = 0; rc == 0 && i < n; i++)
		printf("%s  %-45s %3ld steps\n    %s\n", t[i].valid_from, t[i].label, t[i].nsteps,
		       t[i].note);
	if (rc == 0)
		free(t);
	return rc;
}

static int run(int argc, char **argv)
{
	if (argc < 2)
		return usage();
	const char *sub = argv[1];
	struct args a = {0};
	if (parse_args(argc, argv, &a))
		return usage();
	int npos = argc - optind;
	char **pos = argv + optind;
	struct db *db;
	if (cli_open_db(ARG(&a, O_DB) ? ARG(&a, O_DB) : cli_default_db(), &db))
		return 1;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = 0, usage_error = 0;
	if (strcmp(sub, "settings") == 0 && npos == 0) {
		rc = cmd_settings(db, &err);
	} else if (strcmp(sub, "set") == 0 && npos == 2) {
		char *end;
		long long v = strtoll(pos[1], &end, 10);
		rc = *end || !*pos[1] ? samen_fail_at(&err, SAMEN_EINVAL, 0, "value",
						      "VALUE must be a whole number")
				      : store_ledger_setting_set(db, pos[0], v, &cli_actor, &err);
		if (rc == 0)
			printf("%s = %lld\n", pos[0], v);
	} else if (strcmp(sub, "board") == 0 && npos == 1) {
		rc = cmd_board(db, pos[0], &a, &err);
	} else if (strcmp(sub, "party") == 0 && npos == 1) {
		rc = cmd_party(db, pos[0], &a, &err);
	} else if (strcmp(sub, "salary") == 0 && npos == 0) {
		rc = cmd_salary(db, &a, &err);
	} else if (strcmp(sub, "salary-table-add") == 0 && npos == 1) {
		int32_t raise = 0;
		int64_t id;
		if (ARG(&a, O_RAISE) && costprice_parse_percent(ARG(&a, O_RAISE), &raise))
			rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "raise", "--raise takes a percentage, e.g. 1,2");
		else
			rc = store_ledger_salary_table_add(db, pos[0], ARG(&a, O_LABEL), raise, &cli_actor,
							   &id, &err);
		if (rc == 0)
			printf("added salary table %lld from %s\n", (long long)id, pos[0]);
	} else if (strcmp(sub, "salary-set") == 0 && npos == 1) {
		int64_t id = 0, cents = 0;
		long step = 0;
		rc = table_id(db, pos[0], &id, &err);
		if (rc == 0 && parse_int(ARG(&a, O_STEP), 0, 30, &step))
			rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "step", "--step takes 0 to 30");
		if (rc == 0 && (!ARG(&a, O_EUROS) || costprice_parse_euros(ARG(&a, O_EUROS), &cents)))
			rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "euros",
					   "--euros takes the monthly salary, e.g. 3462,75");
		if (rc == 0)
			rc = store_ledger_salary_set(db, id, ARG(&a, O_SCALE), (int)step, cents,
						     ARG(&a, O_SOURCE), &cli_actor, &err);
		if (rc == 0)
			printf("set %s-%ld in the table of %s\n", ARG(&a, O_SCALE), step, pos[0]);
	} else if (strcmp(sub, "periods") == 0 && npos == 0) {
		int64_t region;
		char name[128];
		rc = ledger_cli_region(db, ARG(&a, O_REGION), &region, name, &err);
		struct ledger_period_row *p = NULL;
		size_t n = 0;
		if (rc == 0)
			rc = store_ledger_periods(db, region, &p, &n, &err);
		for (size_t i = 0; rc == 0 && i < n; i++)
			printf("%-10s %s..%s closed %s by %s\n", p[i].key, p[i].start, p[i].end,
			       p[i].closed_at, p[i].closed_by);
		if (rc == 0)
			printf("%zu closed period(s) in %s\n", n, name);
		free(p);
	} else {
		usage_error = 1;
	}
	if (rc)
		cli_print_err(&err);
	db_close(db);
	if (usage_error)
		return usage();
	return rc ? 1 : 0;
}

const struct cli_command cmd_ledger = {
	.name = "ledger",
	.summary = "settings of the cost settlement: charges, salary tables, parties",
	.help = "Usage: samen ledger settings | set KEY VALUE | board NR [...] | party NR [...]\n"
		"                    | salary [--table D] | salary-table-add D --label T [--raise P]\n"
		"                    | salary-set D --scale S --step N --euros A --source T\n"
		"                    | periods [--region CODE]\n\n"
		"settings      the settings with their notes; those marked [UNCERTAIN] carry legal\n"
		"              uncertainty (DOMAIN-RULES) and must be checked before go-live\n"
		"set KEY VALUE vat.margin_bp (rule 6, basis points), vat.rate_bp,\n"
		"              vat.review_months, secondment.weeks_per_year\n"
		"board NR      employer charges (werkgeverslasten, %) and travel allowance (euro\n"
		"              per km) per calendar year: --year 2026 --charges 35 --travel 0,23\n"
		"party NR      KvK, VAT number, IBAN and address for UBL invoices; --kind swv for a\n"
		"              samenwerkingsverband passend onderwijs (rule 7); Waadi and Wtta\n"
		"              (rule 10)\n"
		"salary        the salary tables per CAO year. The tables shipped are reference\n"
		"              values built from published scale ranges, NOT the official CAO VO\n"
		"              table: replace them (salary-set) or add the official one\n"
		"              (salary-table-add). Each value keeps its source.\n"
		"periods       the closed settlement periods\n"
		"Every change is written to the audit log. See docs/secondment.md.\n",
	.run = run,
};
