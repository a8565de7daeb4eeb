/*
 * demo_secondment.c - the demo region's secondments, hours and settlement
 * (see demo_secondment.h). All values are invented for the demo; the
 * employer-charges percentages are demo values in the range of the worked
 * example in DOMAIN-RULES section 1.3 (about 35 %), not official figures.
 */
#include "core/demo_secondment.h"
#include "core/costprice.h"
#include "core/ledger.h"
#include "core/secondment.h"
#include "store/ledger.h"
#include "store/secondment.h"
#include "store/secondment_cal.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBOARDS 3

static const struct secondment_actor demo_actor = {0, "demo"};

struct demo_board {
	int64_t id;
	char number[16];
};

/* One demo secondment, boards and schools by position in Regio Alkmaar. */
struct demo_def {
	int lender, borrower;        /* 0..2 */
	const char *school;          /* BRIN + vestiging of the borrowing school */
	const char *subject;         /* subjects to look for, in order ("nt2,ne") */
	const char *function, *purpose, *expertise;
	int64_t hours_per_week;      /* centi-hours */
	unsigned weekdays;
	int64_t km_per_week;
	int end_kind;                /* 0 end of school year, 1 spring holiday, 2 soon */
	bool agreed;
	unsigned vat;                /* confirmed conditions, bit 0 = a */
	bool docent;                 /* the lender's docent account's person, starts next month */
};

static const struct demo_def defs[] = {
	{0, 1, "27AK00", "sk,na", "Docent scheikunde",
	 "Scheikundelessen havo 4 en 5 (7 lessen per week) tijdens langdurige afwezigheid van de "
	 "vaste docent.",
	 "scheikunde", 750, 0x0f, 56, 1, true, 0xf, false},
	{1, 2, "33WL00", "nt2,ne", "Docent NT2",
	 "NT2-lessen voor nieuwkomers in de onderbouw, in samenwerking met de ISK.", "NT2, ISK", 800,
	 0x15, 60, 0, true, 0xb, false},
	{2, 1, "27AK01", "wi", "Docent wiskunde", "Wiskunde vwo 5 en 6, examenklassen.", "wiskunde",
	 600, 0x06, 40, 2, true, 0xf, false},
	{0, 2, "33WL02", NULL, "Docent", "Lessen in het vakcollege; afspraken volgen.", "", 400, 0x03,
	 30, 0, false, 0, true},
	{1, 0, "31KN00", "in,wi", "Docent informatica", "Informatica havo en vwo bovenbouw.",
	 "informatica", 500, 0x09, 24, 0, true, 0xf, false},
};

static const int32_t charges_bp[NBOARDS] = {3450, 3500, 3380}; /* demo values */
#define DEMO_TRAVEL_CENTS 23 /* demo value: 0,23 euro per km */

/* ISO 13616 check digits of a Dutch IBAN "NLkkBANK0123456789". */
static void iban(const char *bank, const char *account, char *out, size_t n)
{
	char digits[64];
	size_t o = 0;
	const char *parts[2] = {bank, account};
	for (int p = 0; p < 2; p++)
		for (const char *c = parts[p]; *c; c++)
			o += (size_t)snprintf(digits + o, sizeof digits - o, "%d",
					      *c >= 'A' ? *c - 'A' + 10 : *c - '0');
	snprintf(digits + o, sizeof digits - o, "%d%d00", 'N' - 'A' + 10, 'L' - 'A' + 10);
	int mod = 0;
	for (const char *c = digits; *c; c++)
		mod = (mod * 10 + (*c - '0')) % 97;
	snprintf(out, n, "NL%02u%.4s%.10s", (unsigned)(98 - mod) % 100u, bank, account);
}

static int first_region(struct db *db, int64_t *region, struct demo_board b[NBOARDS],
			struct samen_err *err)
{
	int rc = db_query_int(db, "SELECT MIN(id) FROM region", 0, NULL, region, err);
	if (rc)
		return rc;
	struct db_stmt *st;
	rc = db_prepare(db, "SELECT id, bestuursnummer FROM board WHERE region_id = $1 ORDER BY id",
			&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, *region);
	int n = 0;
	while (n < NBOARDS && (rc = db_step(st, err)) == 1) {
		b[n].id = db_col_int(st, 0);
		snprintf(b[n].number, sizeof b[n].number, "%s", db_col_text(st, 1));
		n++;
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (n < NBOARDS)
		return samen_fail(err, SAMEN_EINTERNAL, "the demo region has fewer than three boards");
	return 0;
}

static int parties(struct db *db, const struct demo_board b[NBOARDS], int ref_year,
		   struct samen_err *err)
{
	for (int i = 0; i < NBOARDS; i++) {
		struct ledger_party p;
		int rc = store_ledger_party_get(db, b[i].id, &p, err);
		if (rc)
			return rc;
		char account[11];
		snprintf(account, sizeof account, "00000%.5s", b[i].number);
		snprintf(p.kvk, sizeof p.kvk, "6%.5s01", b[i].number);
		snprintf(p.vat_id, sizeof p.vat_id, "NL8%.5s001B01", b[i].number);
		iban("SAMN", account, p.iban, sizeof p.iban);
		snprintf(p.email, sizeof p.email, "facturen.b%d@demo.samen.nl", i + 1);
		p.waadi_registered = true;
		snprintf(p.waadi_checked_on, sizeof p.waadi_checked_on, "%04u-08-15",
			 (unsigned)ref_year % 10000u);
		/* The address of the board's first school stands in for its office. */
		struct db_stmt *st;
		rc = db_prepare(db, "SELECT street, postcode, city FROM school WHERE board_id = $1"
				    " ORDER BY id LIMIT 1", &st, err);
		if (rc)
			return rc;
		db_bind_int(st, 1, b[i].id);
		if ((rc = db_step(st, err)) == 1) {
			snprintf(p.street, sizeof p.street, "%s", db_col_text(st, 0));
			snprintf(p.postcode, sizeof p.postcode, "%s", db_col_text(st, 1));
			snprintf(p.city, sizeof p.city, "%s", db_col_text(st, 2));
		}
		db_finalize(st);
		if (rc < 0)
			return rc;
		rc = store_ledger_party_set(db, &p, &demo_actor, err);
		for (int y = ref_year - 1; rc == 0 && y <= ref_year + 1; y++) {
			struct ledger_board_year by = {b[i].id, y, charges_bp[i], DEMO_TRAVEL_CENTS,
						       "demo value, not an official figure"};
			rc = store_ledger_board_year_set(db, &by, &demo_actor, err);
		}
		if (rc)
			return rc;
	}
	return 0;
}

static int pick_one(struct db *db, int64_t board, const char *subject, int64_t *person,
		    struct samen_err *err);

/*
 * A permanent employee of the board qualified in the first of the comma-separated
 * subjects that has one, employed there only, without an account.
 */
static int pick_person(struct db *db, int64_t board, const char *subjects, int64_t *person,
		       struct samen_err *err)
{
	char list[32];
	snprintf(list, sizeof list, "%s", subjects);
	char *save = NULL;
	for (char *sub = strtok_r(list, ",", &save); sub; sub = strtok_r(NULL, ",", &save)) {
		int rc = pick_one(db, board, sub, person, err);
		if (rc != SAMEN_ENOTFOUND)
			return rc;
	}
	return samen_fail(err, SAMEN_EINTERNAL, "the demo board has no %s teacher to second", subjects);
}

static int pick_one(struct db *db, int64_t board, const char *subject, int64_t *person,
		    struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT e.person_id FROM employment e"
			    " JOIN qualification q ON q.person_id = e.person_id"
			    " JOIN contract c ON c.employment_id = e.id"
			    " WHERE e.board_id = $1 AND q.subject_code = $2 AND c.kind = 'vast'"
			    " AND (SELECT COUNT(*) FROM employment e2 WHERE e2.person_id = e.person_id) = 1"
			    " AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.person_id = e.person_id)"
			    " ORDER BY e.id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, board);
	db_bind_text(st, 2, subject);
	rc = db_step(st, err);
	if (rc == 1)
		*person = db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : rc == 1 ? 0 : SAMEN_ENOTFOUND;
}

static int docent_person(struct db *db, int board_pos, int64_t *person, struct samen_err *err)
{
	char email[64];
	snprintf(email, sizeof email, "docent.b%d@demo.samen.nl", board_pos + 1);
	const char *p[] = {email};
	return db_query_int(db, "SELECT person_id FROM app_user WHERE email = $1", 1, p, person, err);
}

static int school_id(struct db *db, const char *brinvest, int64_t *id, struct samen_err *err)
{
	char brin[5], vest[3];
	snprintf(brin, sizeof brin, "%.4s", brinvest);
	snprintf(vest, sizeof vest, "%.2s", brinvest + 4);
	const char *p[] = {brin, vest};
	return db_query_int(db, "SELECT id FROM school WHERE brin = $1 AND vestiging = $2", 2, p, id,
			    err);
}

/* ISO year and week of a Monday. */
static void iso_week(long monday, int *year, int *week)
{
	int y, m, d;
	date_civil(monday + 3, &y, &m, &d);
	long w1;
	secondment_iso_monday(y, 1, &w1);
	*year = y;
	*week = (int)((monday - w1) / 7) + 1;
}

/* Register the weeks from the start to the last complete week before today. */
static int register_weeks(struct db *db, const struct secondment *s, struct secondment_cal *cal,
			  long today, const struct secondment_actor *who, struct samen_err *err)
{
	long monday = s->start - (date_weekday(s->start) - 1);
	int rc = 0;
	for (int i = 0; rc == 0 && monday + 6 < today && monday <= s->end; monday += 7, i++) {
		int64_t planned;
		long days;
		secondment_planned(s, monday, monday + 6, secondment_cal_schoolday, cal, &planned, &days);
		if (days == 0)
			continue;
		/* As planned, an hour more or half an hour less now and then. */
		int64_t hours = planned + (i % 5 == 3 ? 100 : i % 7 == 5 ? -50 : 0);
		int64_t km = secondment_planned_km(s, days);
		int year, week, n;
		struct secondment_entry parts[2];
		iso_week(monday, &year, &week);
		rc = secondment_week_entries(s, year, week, hours, km, secondment_cal_schoolday, cal,
					     parts, &n, err);
		for (int k = 0; rc == 0 && k < n; k++)
			rc = store_secondment_hours_add(db, s->id, &parts[k], "", secondment_cal_schoolday,
							cal, who, NULL, err);
	}
	return rc;
}

/* Correct the last `count` entries of a secondment worked in `month`: +1 h, then -0,5 h. */
static int late_corrections(struct db *db, int64_t id, const char *month, int count,
			    struct secondment_cal *cal, const struct secondment_actor *who,
			    struct samen_err *err)
{
	struct secondment_hours_row *h;
	size_t n;
	int rc = store_secondment_hours_list(db, id, &h, &n, err);
	if (rc)
		return rc;
	int done = 0;
	for (size_t i = n; rc == 0 && i-- > 0 && done < count;) {
		char m[8];
		ledger_month_key(h[i].from, m);
		if (strcmp(m, month) != 0 || h[i].corrected_by || h[i].corrects_id)
			continue;
		int64_t v = h[i].value_centihours + (done == 0 ? 100 : -50);
		rc = store_secondment_hours_correct(db, h[i].id, v < 0 ? 0 : v, h[i].value_km,
						    done == 0 ? "uur vergeten (laat gemeld)"
							      : "les uitgevallen (laat gemeld)",
						    secondment_cal_schoolday,
						    cal, who, NULL, err);
		done++;
	}
	free(h);
	return rc;
}

int demo_secondment_create(struct db *db, struct samen_err *err)
{
	int64_t region;
	struct demo_board b[NBOARDS];
	int rc = first_region(db, &region, b, err);
	if (rc)
		return rc;
	long today = date_today();
	int y, m, d;
	date_civil(today, &y, &m, &d);
	int ref_year = m >= 8 ? y : y - 1;
	rc = parties(db, b, ref_year, err);
	if (rc)
		return rc;
	struct secondment_cal cal;
	rc = secondment_cal_open(db, &cal, err);
	if (rc)
		return rc;
	int64_t ids[sizeof defs / sizeof defs[0]] = {0};
	for (size_t i = 0; rc == 0 && i < sizeof defs / sizeof defs[0]; i++) {
		const struct demo_def *def = &defs[i];
		struct secondment s;
		memset(&s, 0, sizeof s);
		s.lender_board_id = b[def->lender].id;
		s.borrower_board_id = b[def->borrower].id;
		snprintf(s.function_title, sizeof s.function_title, "%s", def->function);
		snprintf(s.purpose, sizeof s.purpose, "%s", def->purpose);
		snprintf(s.expertise, sizeof s.expertise, "%s", def->expertise);
		snprintf(s.sickness, sizeof s.sickness,
			 "De uitlener blijft werkgever en regelt verzuimbegeleiding; bij ziekte langer "
			 "dan twee weken overleggen partijen over vervanging.");
		snprintf(s.insurance, sizeof s.insurance,
			 "Aansprakelijkheid tijdens de werkzaamheden valt onder de verzekering van de "
			 "inlener.");
		s.hours_per_week = def->hours_per_week;
		s.weekdays = def->weekdays;
		s.km_per_week = def->km_per_week;
		s.start = date_days(ref_year, 9, 1);
		s.end = def->end_kind == 1 ? date_days(ref_year + 1, 2, 19)
			: def->end_kind == 2 ? today + 70
					     : date_days(ref_year + 1, 7, 9);
		if (def->docent) {
			long first, last;
			char month[8];
			ledger_month_key(today, month);
			ledger_month_range(month, &first, &last);
			s.start = last + 1;
			rc = docent_person(db, def->lender, &s.person_id, err);
		} else {
			rc = pick_person(db, s.lender_board_id, def->subject, &s.person_id, err);
		}
		if (rc == 0)
			rc = school_id(db, def->school, &s.borrower_school_id, err);
		if (rc == 0)
			rc = store_secondment_add(db, &s, &demo_actor, err);
		ids[i] = s.id;
		if (rc || !def->agreed)
			continue;
		for (int p = 0; rc == 0 && p < 3; p++)
			rc = store_secondment_sign(db, s.id, (enum secondment_party)p, &demo_actor, err);
		for (int c = 0; rc == 0 && c < 4; c++)
			if (def->vat & (1u << c))
				rc = store_secondment_vat_confirm(db, s.id, c, true, &demo_actor, err);
		struct secondment_row row;
		if (rc == 0)
			rc = store_secondment_get(db, s.id, &row, err);
		if (rc == 0)
			rc = register_weeks(db, &row.s, &cal, today, &demo_actor, err);
	}
	/* Two corrections of last month's hours that came in late (secondment 5). */
	char last_month[8];
	long first, last;
	ledger_month_key(today, last_month);
	ledger_month_range(last_month, &first, &last);
	ledger_month_key(first - 1, last_month);
	if (rc == 0)
		rc = late_corrections(db, ids[4], last_month, 2, &cal, &demo_actor, err);
	/* Close every month of the school year that ended before last month. */
	long close_before = 0;
	ledger_month_range(last_month, &close_before, &last);
	for (long mstart = date_days(ref_year, 8, 1); rc == 0 && mstart < close_before;) {
		char key[8];
		struct ledger_period p;
		ledger_month_key(mstart, key);
		rc = ledger_period_parse(key, &p, err);
		if (rc == 0)
			rc = store_ledger_close(db, region, &p, today, &demo_actor, NULL, err);
		mstart = p.end + 1;
	}
	secondment_cal_close(&cal);
	return rc;
}
