/*
 * cmd_secondment.c - `samen secondment ...`: secondments (detachering)
 * from the command line, through the same store functions as the web
 * screens (store/secondment.h):
 *
 *   add        create one by hand (or from an accepted offer: --offer ID)
 *   list       the secondments of the region or a board
 *   show       one secondment: parties, terms, agreement, VAT conditions,
 *              planned and registered hours per month, the entries
 *   sign       record a party's agreement (rule 2)
 *   consent    record the employee's consent (rule 3)
 *   vat        confirm or withdraw VAT conditions a-d (rule 5), record the
 *              koepel (rule 8) and education-type work (rule 7) facts
 *   hours      register hours of a day, a week, a month or a date range
 *   correct    correct an hours entry (a new entry; the old one stays)
 *   reminders  what needs attention today (rules 2, 3, 4, 5)
 *
 * Every change is written to the audit log with actor "cli".
 */
#include "cli/cli.h"
#include "cli/ledger_cli.h"
#include "core/costprice.h"
#include "store/ledger.h"
#include "store/secondment.h"
#include "store/secondment_cal.h"
#include "util/date.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct secondment_actor cli_actor = {0, "cli"};

static int usage(void)
{
	fprintf(stderr,
		"usage: samen secondment add --lender NR --borrower NR --school BRINVEST\n"
		"           (--employee-number N | --person-email E) --hours H --start D --end D\n"
		"           --function TEXT --purpose TEXT [--days ma,di,...] [--expertise TAGS]\n"
		"           [--km-per-week K] [--margin PCT] [--offer ID]\n"
		"       samen secondment list [--region CODE] [--board NR]\n"
		"       samen secondment show ID\n"
		"       samen secondment sign ID --party lender|borrower|employee\n"
		"       samen secondment consent ID --note TEXT\n"
		"       samen secondment vat ID [--confirm a,b,c,d] [--withdraw a,...]\n"
		"           [--koepel yes|no] [--education-work yes|no]\n"
		"       samen secondment hours ID (--date D | --week YYYY-Www | --month YYYY-MM |\n"
		"           --from D --to D) --hours H [--km K] [--note TEXT]\n"
		"       samen secondment correct ENTRY --hours H [--km K] [--note TEXT]\n"
		"       samen secondment reminders [--region CODE] [--board NR]\n"
		"  (all take --db PATH|URL)\n");
	return 2;
}

static int parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v = s ? strtoll(s, &end, 10) : 0;
	if (!s || *end || v <= 0)
		return SAMEN_EINVAL;
	*id = v;
	return 0;
}

static int parse_date(const char *s, const char *field, long *day, struct samen_err *err)
{
	if (!s || date_parse(s, day))
		return samen_fail_at(err, SAMEN_EINVAL, 0, field, "%s must be a date YYYY-MM-DD", field);
	return 0;
}

static int parse_yes_no(const char *s, int *out)
{
	if (strcmp(s, "yes") == 0 || strcmp(s, "ja") == 0)
		*out = 1;
	else if (strcmp(s, "no") == 0 || strcmp(s, "nee") == 0)
		*out = 0;
	else
		return SAMEN_EINVAL;
	return 0;
}

/* "a,c" -> bit mask of conditions; -1 when malformed. */
static int parse_conditions(const char *s)
{
	int mask = 0;
	for (; *s; s++) {
		if (*s == ',' || *s == ' ')
			continue;
		if (*s < 'a' || *s > 'd')
			return -1;
		mask |= 1 << (*s - 'a');
	}
	return mask;
}

static int lookup(struct db *db, const char *sql, const char *a, const char *b, int64_t ia,
		  int64_t *out)
{
	struct db_stmt *st;
	int rc = db_prepare(db, sql, &st, NULL);
	if (rc)
		return rc;
	int idx = 1;
	if (ia)
		db_bind_int(st, idx++, ia);
	if (a)
		db_bind_text(st, idx++, a);
	if (b)
		db_bind_text(st, idx++, b);
	rc = db_step(st, NULL);
	if (rc == 1) {
		*out = db_col_int(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = SAMEN_ENOTFOUND;
	}
	db_finalize(st);
	return rc;
}

enum opt_ids {
	O_DB = 1000, O_LENDER, O_BORROWER, O_SCHOOL, O_EMPNO, O_EMAIL, O_HOURS, O_START, O_END,
	O_FUNCTION, O_PURPOSE, O_DAYS, O_EXPERTISE, O_KM_WEEK, O_MARGIN, O_OFFER, O_REGION, O_BOARD,
	O_PARTY, O_NOTE, O_CONFIRM, O_WITHDRAW, O_KOEPEL, O_EDU, O_DATE, O_WEEK, O_MONTH, O_FROM,
	O_TO, O_KM,
};

struct args {
	const char *db, *lender, *borrower, *school, *empno, *email, *hours, *start, *end;
	const char *function, *purpose, *days, *expertise, *km_week, *margin, *offer, *region, *board;
	const char *party, *note, *confirm, *withdraw, *koepel, *edu, *date, *week, *month, *from;
	const char *to, *km;
};

static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, O_DB},
		{"lender", required_argument, NULL, O_LENDER},
		{"borrower", required_argument, NULL, O_BORROWER},
		{"school", required_argument, NULL, O_SCHOOL},
		{"employee-number", required_argument, NULL, O_EMPNO},
		{"person-email", required_argument, NULL, O_EMAIL},
		{"hours", required_argument, NULL, O_HOURS},
		{"start", required_argument, NULL, O_START},
		{"end", required_argument, NULL, O_END},
		{"function", required_argument, NULL, O_FUNCTION},
		{"purpose", required_argument, NULL, O_PURPOSE},
		{"days", required_argument, NULL, O_DAYS},
		{"expertise", required_argument, NULL, O_EXPERTISE},
		{"km-per-week", required_argument, NULL, O_KM_WEEK},
		{"margin", required_argument, NULL, O_MARGIN},
		{"offer", required_argument, NULL, O_OFFER},
		{"region", required_argument, NULL, O_REGION},
		{"board", required_argument, NULL, O_BOARD},
		{"party", required_argument, NULL, O_PARTY},
		{"note", required_argument, NULL, O_NOTE},
		{"confirm", required_argument, NULL, O_CONFIRM},
		{"withdraw", required_argument, NULL, O_WITHDRAW},
		{"koepel", required_argument, NULL, O_KOEPEL},
		{"education-work", required_argument, NULL, O_EDU},
		{"date", required_argument, NULL, O_DATE},
		{"week", required_argument, NULL, O_WEEK},
		{"month", required_argument, NULL, O_MONTH},
		{"from", required_argument, NULL, O_FROM},
		{"to", required_argument, NULL, O_TO},
		{"km", required_argument, NULL, O_KM},
		{0}};
	const char **slot[] = {&a->db, &a->lender, &a->borrower, &a->school, &a->empno, &a->email,
			       &a->hours, &a->start, &a->end, &a->function, &a->purpose, &a->days,
			       &a->expertise, &a->km_week, &a->margin, &a->offer, &a->region, &a->board,
			       &a->party, &a->note, &a->confirm, &a->withdraw, &a->koepel, &a->edu,
			       &a->date, &a->week, &a->month, &a->from, &a->to, &a->km};
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c < O_DB || c > O_KM)
			return SAMEN_EINVAL;
		*slot[c - O_DB] = optarg;
	}
	return 0;
}

static int cmd_add(struct db *db, const struct args *a, struct samen_err *err)
{
	struct secondment s;
	memset(&s, 0, sizeof s);
	int rc = ledger_cli_board(db, a->lender, "lender", &s.lender_board_id, err);
	if (rc == 0)
		rc = ledger_cli_board(db, a->borrower, "borrower", &s.borrower_board_id, err);
	if (rc)
		return rc;
	if (a->school) {
		char brin[8] = "", vest[4] = "";
		if (strlen(a->school) != 6)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "school",
					     "--school takes BRIN and vestiging, e.g. 31KN00");
		memcpy(brin, a->school, 4);
		memcpy(vest, a->school + 4, 2);
		if (lookup(db, "SELECT id FROM school WHERE brin = $1 AND vestiging = $2", brin, vest, 0,
			   &s.borrower_school_id))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "school", "unknown school %s", a->school);
	}
	if (a->empno) {
		if (lookup(db, "SELECT person_id FROM employment WHERE board_id = $1 AND employee_number = $2",
			   a->empno, NULL, s.lender_board_id, &s.person_id))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "person",
					     "the lending board has no employee number %s", a->empno);
	} else if (a->email) {
		if (lookup(db, "SELECT id FROM person WHERE email = $1", a->email, NULL, 0, &s.person_id))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "person", "nobody has e-mail %s", a->email);
	} else {
		return samen_fail_at(err, SAMEN_EINVAL, 0, "person",
				     "name the person with --employee-number or --person-email");
	}
	if (!a->hours || costprice_parse_hours(a->hours, &s.hours_per_week))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "hours",
				     "--hours takes hours per week, e.g. 7,5");
	if ((rc = parse_date(a->start, "start", &s.start, err)) ||
	    (rc = parse_date(a->end, "end", &s.end, err)))
		return rc;
	s.weekdays = a->days ? secondment_weekdays_parse(a->days) : SECONDMENT_ALL_WEEKDAYS;
	if (!s.weekdays)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "days",
				     "--days takes working days such as ma,di,do or ma-vr");
	snprintf(s.function_title, sizeof s.function_title, "%s", a->function ? a->function : "");
	snprintf(s.purpose, sizeof s.purpose, "%s", a->purpose ? a->purpose : "");
	snprintf(s.expertise, sizeof s.expertise, "%s", a->expertise ? a->expertise : "");
	if (a->km_week) {
		int64_t km;
		if (costprice_parse_hours(a->km_week, &km) || km % 100)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "km_per_week", "--km-per-week takes whole km");
		s.km_per_week = km / 100;
	}
	if (a->margin && costprice_parse_percent(a->margin, &s.margin_bp))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "margin", "--margin takes a percentage");
	if (a->offer && parse_id(a->offer, &s.offer_id))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "offer", "--offer takes an offer id");
	rc = store_secondment_add(db, &s, &cli_actor, err);
	if (rc == 0)
		printf("created secondment %lld\n", (long long)s.id);
	return rc;
}

static int cmd_list(struct db *db, const struct args *a, struct samen_err *err)
{
	struct secondment_filter f = {0};
	char name[128];
	int rc = ledger_cli_region(db, a->region, &f.region_id, name, err);
	if (rc == 0 && a->board)
		rc = ledger_cli_board(db, a->board, "board", &f.board_id, err);
	struct secondment_row *rows = NULL;
	size_t n = 0;
	if (rc == 0)
		rc = store_secondment_list(db, &f, &rows, &n, err);
	long today = date_today();
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const struct secondment_row *r = &rows[i];
		char s[11], e[11], h[32];
		date_format(r->s.start, s);
		date_format(r->s.end, e);
		costprice_format(r->s.hours_per_week, h);
		printf("%6lld  %-8s %s %s: %s -> %s%s%s, %s h/week, %s..%s\n", (long long)r->s.id,
		       secondment_state_name(secondment_state(&r->s, today)), r->first_name, r->last_name,
		       r->lender_name, r->borrower_name, r->school_name[0] ? " / " : "", r->school_name,
		       h, s, e);
	}
	if (rc == 0)
		printf("%zu secondment(s)\n", n);
	free(rows);
	return rc;
}

static int weeks_per_year(struct db *db)
{
	int64_t w = 40;
	if (store_ledger_setting(db, "secondment.weeks_per_year", &w, NULL))
		w = 40;
	return (int)w;
}

static int cmd_show(struct db *db, int64_t id, struct samen_err *err)
{
	struct secondment_row r;
	int rc = store_secondment_get(db, id, &r, err);
	if (rc)
		return rc;
	long today = date_today();
	ledger_cli_print_secondment(stdout, &r, today, weeks_per_year(db));
	struct secondment_cal cal;
	rc = secondment_cal_open(db, &cal, err);
	if (rc)
		return rc;
	printf("\n  month      planned h  registered h  km\n");
	char m[8], last[8];
	ledger_month_key(r.s.start, m);
	ledger_month_key(r.s.end, last);
	for (int guard = 0; rc == 0 && strcmp(m, last) <= 0 && guard < 130; guard++) {
		long first, end;
		ledger_month_range(m, &first, &end);
		int64_t planned, reg, km;
		long days;
		secondment_planned(&r.s, first, end, secondment_cal_schoolday, &cal, &planned, &days);
		rc = store_secondment_hours_total(db, id, first, end, &reg, &km, err);
		char p[32], g[32];
		costprice_format(planned, p);
		costprice_format(reg, g);
		if (rc == 0)
			printf("  %s %12s %13s %4lld\n", m, p, g, (long long)km);
		ledger_month_key(end + 1, m);
	}
	secondment_cal_close(&cal);
	struct secondment_hours_row *h = NULL;
	size_t n = 0;
	if (rc == 0)
		rc = store_secondment_hours_list(db, id, &h, &n, err);
	if (rc == 0 && n)
		printf("\n  entries:\n");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char a[11], b[11], v[32];
		date_format(h[i].from, a);
		date_format(h[i].to, b);
		costprice_format(h[i].value_centihours, v);
		printf("  #%lld %s..%s %s h %lld km, booked %s%s", (long long)h[i].id, a, b, v,
		       (long long)h[i].value_km, h[i].booked_month, h[i].corrects_id ? " (correction of #" : "");
		if (h[i].corrects_id)
			printf("%lld)", (long long)h[i].corrects_id);
		if (h[i].corrected_by)
			printf(" [corrected by #%lld]", (long long)h[i].corrected_by);
		printf(" by %s\n", h[i].created_by);
	}
	free(h);
	return rc;
}

static int cmd_vat(struct db *db, int64_t id, const struct args *a, struct samen_err *err)
{
	int rc = 0, any = 0;
	if (a->confirm || a->withdraw) {
		int on = a->confirm ? parse_conditions(a->confirm) : 0;
		int off = a->withdraw ? parse_conditions(a->withdraw) : 0;
		if (on < 0 || off < 0)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "condition",
					     "conditions are a, b, c and d (rule 5)");
		for (int c = 0; rc == 0 && c < 4; c++) {
			if (on & (1 << c))
				rc = store_secondment_vat_confirm(db, id, c, true, &cli_actor, err);
			if (rc == 0 && (off & (1 << c)))
				rc = store_secondment_vat_confirm(db, id, c, false, &cli_actor, err);
		}
		any = 1;
	}
	if (rc == 0 && (a->koepel || a->edu)) {
		struct secondment_row r;
		rc = store_secondment_get(db, id, &r, err);
		int koepel = r.s.via_koepel, edu = r.s.education_type_work;
		if (rc == 0 && a->koepel && parse_yes_no(a->koepel, &koepel))
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "koepel", "--koepel takes yes or no");
		if (rc == 0 && a->edu && parse_yes_no(a->edu, &edu))
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "education_work",
					   "--education-work takes yes or no");
		if (rc == 0)
			rc = store_secondment_vat_facts(db, id, koepel, edu, &cli_actor, err);
		any = 1;
	}
	if (rc == 0 && !any)
		return samen_fail(err, SAMEN_EINVAL, "say what to record: --confirm, --withdraw, "
				  "--koepel or --education-work");
	if (rc == 0) {
		struct secondment_row r;
		rc = store_secondment_get(db, id, &r, err);
		if (rc == 0) {
			struct vat_input facts;
			struct vat_settings vs;
			struct vat_decision d;
			secondment_vat_facts(&r.s, r.borrower_is_swv, &facts);
			rc = store_ledger_vat_settings(db, &vs, err);
			if (rc == 0) {
				vat_decide(&facts, &vs, &d);
				printf("VAT: %s (rule %d: %s)\n", d.exempt ? "exempt (E)" : "21 % (S)", d.rule,
				       vat_reason_name(d.reason));
			}
		}
	}
	return rc;
}

static int cmd_hours(struct db *db, int64_t id, const struct args *a, struct samen_err *err)
{
	int64_t h, km = 0;
	if (!a->hours || costprice_parse_hours(a->hours, &h))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "hours",
				     "--hours takes hours, e.g. 6,5 (not negative)");
	if (a->km) {
		int64_t k;
		if (costprice_parse_hours(a->km, &k) || k % 100)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "km", "--km takes whole km (not negative)");
		km = k / 100;
	}
	struct secondment_row r;
	int rc = store_secondment_get(db, id, &r, err);
	if (rc)
		return rc;
	struct secondment_cal cal;
	rc = secondment_cal_open(db, &cal, err);
	if (rc)
		return rc;
	struct secondment_entry e[2];
	int ne = 1;
	if (a->date) {
		rc = parse_date(a->date, "date", &e[0].from, err);
		e[0].to = e[0].from;
		e[0].centihours = h;
		e[0].km = km;
	} else if (a->week) {
		int y, w;
		char tail;
		if (sscanf(a->week, "%4d-W%2d%c", &y, &w, &tail) != 2)
			rc = samen_fail_at(err, SAMEN_EINVAL, 0, "week", "--week takes YYYY-Www, e.g. 2026-W41");
		else
			rc = secondment_week_entries(&r.s, y, w, h, km, secondment_cal_schoolday, &cal, e,
						     &ne, err);
	} else if (a->month) {
		rc = secondment_month_entry(&r.s, a->month, h, km, &e[0], err);
	} else if (a->from && a->to) {
		rc = parse_date(a->from, "from", &e[0].from, err);
		if (rc == 0)
			rc = parse_date(a->to, "to", &e[0].to, err);
		e[0].centihours = h;
		e[0].km = km;
	} else {
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "date",
				   "say when: --date, --week, --month or --from and --to");
	}
	for (int i = 0; rc == 0 && i < ne; i++) {
		int64_t entry;
		rc = store_secondment_hours_add(db, id, &e[i], a->note, secondment_cal_schoolday, &cal,
						&cli_actor, &entry, err);
		if (rc == 0) {
			char from[11], to[11], v[32];
			date_format(e[i].from, from);
			date_format(e[i].to, to);
			costprice_format(e[i].centihours, v);
			printf("registered entry %lld: %s..%s %s h %lld km\n", (long long)entry, from, to, v,
			       (long long)e[i].km);
		}
	}
	secondment_cal_close(&cal);
	return rc;
}

static int cmd_correct(struct db *db, int64_t entry, const struct args *a, struct samen_err *err)
{
	int64_t h, km = 0;
	if (!a->hours || costprice_parse_hours(a->hours, &h))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "hours",
				     "--hours takes the corrected hours (0 or more)");
	if (a->km) {
		int64_t k;
		if (costprice_parse_hours(a->km, &k) || k % 100)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "km", "--km takes whole km");
		km = k / 100;
	} else {
		/* Keep the km of the corrected entry. */
		int64_t sec;
		char idtxt[24];
		snprintf(idtxt, sizeof idtxt, "%lld", (long long)entry);
		const char *p[] = {idtxt};
		if (db_query_int(db, "SELECT value_km FROM secondment_hours WHERE id = CAST($1 AS INTEGER)",
				 1, p, &sec, NULL) == 0)
			km = sec;
	}
	struct secondment_cal cal;
	int rc = secondment_cal_open(db, &cal, err);
	if (rc)
		return rc;
	int64_t id;
	rc = store_secondment_hours_correct(db, entry, h, km, a->note, secondment_cal_schoolday, &cal,
					    &cli_actor, &id, err);
	if (rc == 0)
		printf("registered correction %lld of entry %lld\n", (long long)id, (long long)entry);
	secondment_cal_close(&cal);
	return rc;
}

static int cmd_reminders(struct db *db, const struct args *a, struct samen_err *err)
{
	struct secondment_filter f = {0};
	char name[128];
	int rc = ledger_cli_region(db, a->region, &f.region_id, name, err);
	if (rc == 0 && a->board)
		rc = ledger_cli_board(db, a->board, "board", &f.board_id, err);
	int64_t review = 12;
	if (rc == 0)
		rc = store_ledger_setting(db, "vat.review_months", &review, err);
	struct secondment_row *rows = NULL;
	size_t n = 0, total = 0;
	if (rc == 0)
		rc = store_secondment_list(db, &f, &rows, &n, err);
	long today = date_today();
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct secondment_reminder rem[5];
		int k = secondment_reminders(&rows[i].s, today, (int)review, rows[i].borrower_is_swv, rem);
		for (int j = 0; j < k; j++) {
			char due[11];
			date_format(rem[j].due, due);
			printf("%6lld  %-10s due %s (rule %d): %s %s, %s -> %s\n", (long long)rows[i].s.id,
			       secondment_reminder_name(rem[j].kind), due, rem[j].rule, rows[i].first_name,
			       rows[i].last_name, rows[i].lender_name, rows[i].borrower_name);
			total++;
		}
	}
	if (rc == 0)
		printf("%zu reminder(s)\n", total);
	free(rows);
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
	bool needs_id = strcmp(sub, "show") == 0 || strcmp(sub, "sign") == 0 ||
			strcmp(sub, "consent") == 0 || strcmp(sub, "vat") == 0 ||
			strcmp(sub, "hours") == 0 || strcmp(sub, "correct") == 0;
	int64_t id = 0;
	if (needs_id && (optind != argc - 1 || parse_id(argv[optind], &id))) {
		fprintf(stderr, "samen: secondment %s needs one id\n", sub);
		return usage();
	}
	if (!needs_id && optind != argc)
		return usage();
	struct db *db;
	if (cli_open_db(a.db ? a.db : cli_default_db(), &db))
		return 1;
	struct samen_err err;
	samen_err_clear(&err);
	int rc;
	if (strcmp(sub, "add") == 0) {
		rc = cmd_add(db, &a, &err);
	} else if (strcmp(sub, "list") == 0) {
		rc = cmd_list(db, &a, &err);
	} else if (strcmp(sub, "show") == 0) {
		rc = cmd_show(db, id, &err);
	} else if (strcmp(sub, "sign") == 0) {
		static const char *const parties[3] = {"lender", "borrower", "employee"};
		int p = 0;
		while (p < 3 && !(a.party && strcmp(a.party, parties[p]) == 0))
			p++;
		rc = p == 3 ? samen_fail_at(&err, SAMEN_EINVAL, 0, "party",
					    "--party takes lender, borrower or employee")
			    : store_secondment_sign(db, id, (enum secondment_party)p, &cli_actor, &err);
		if (rc == 0)
			printf("recorded the %s's agreement to secondment %lld\n", parties[p], (long long)id);
	} else if (strcmp(sub, "consent") == 0) {
		rc = store_secondment_consent(db, id, a.note, &cli_actor, &err);
		if (rc == 0)
			printf("recorded the employee's consent to secondment %lld\n", (long long)id);
	} else if (strcmp(sub, "vat") == 0) {
		rc = cmd_vat(db, id, &a, &err);
	} else if (strcmp(sub, "hours") == 0) {
		rc = cmd_hours(db, id, &a, &err);
	} else if (strcmp(sub, "correct") == 0) {
		rc = cmd_correct(db, id, &a, &err);
	} else if (strcmp(sub, "reminders") == 0) {
		rc = cmd_reminders(db, &a, &err);
	} else {
		db_close(db);
		return usage();
	}
	if (rc)
		cli_print_err(&err);
	db_close(db);
	return rc ? 1 : 0;
}

const struct cli_command cmd_secondment = {
	.name = "secondment",
	.summary = "secondments between boards: add, sign, hours, VAT check, reminders",
	.help = "Usage: samen secondment add|list|show|sign|consent|vat|hours|correct|reminders ...\n\n"
		"  add --lender NR --borrower NR --school BRINVEST (--employee-number N |\n"
		"      --person-email E) --hours H --start D --end D --function TEXT --purpose TEXT\n"
		"      [--days ma,di,wo,do,vr] [--expertise \"NT2, scheikunde\"] [--km-per-week K]\n"
		"      [--margin PCT] [--offer ID]\n"
		"      Hours are hours per week at the borrowing school; the werktijdfactor is\n"
		"      hours per year / 1659 (rule 11). The lender is the employer (rule 1); a\n"
		"      secondment to the person's own board is refused.\n"
		"  list [--region CODE] [--board NR]\n"
		"  show ID           terms, agreement, VAT conditions, planned and registered\n"
		"                    hours per month (planned hours skip school holidays)\n"
		"  sign ID --party lender|borrower|employee     (rule 2; the employee's\n"
		"                    agreement also records consent, rule 3)\n"
		"  consent ID --note TEXT                      (rule 3)\n"
		"  vat ID [--confirm a,b,c,d] [--withdraw ...] [--koepel yes|no]\n"
		"         [--education-work yes|no]   (rules 5, 7, 8; prints the outcome)\n"
		"  hours ID (--date D | --week 2026-W41 | --month 2026-10 | --from D --to D)\n"
		"         --hours H [--km K] [--note TEXT]\n"
		"         Refused: hours on a holiday or weekend, outside the dates, negative,\n"
		"         before agreement and consent, or in a closed period. A week across\n"
		"         two months is split by school days.\n"
		"  correct ENTRY --hours H [--km K] [--note TEXT]   a new entry; corrections of\n"
		"         a closed month are booked in the next open month\n"
		"  reminders [--region CODE] [--board NR]   extension talk 3 months before the\n"
		"         end (rule 4), missing consent or agreement, unconfirmed VAT conditions\n"
		"All take --db PATH|URL. See docs/secondment.md.\n",
	.run = run,
};
