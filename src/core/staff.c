/*
 * staff.c - the rules every staff record meets before it is stored (see
 * staff.h). Each check names the failing field by its column in the staff
 * CSV format, so an HR adviser can find the cell: personeelsnummer,
 * voornaam, achternaam, geboortedatum, email, contractsoort, uren_per_jaar,
 * schaal, trede, begindatum, einddatum, brin, vestiging, aandeel,
 * bevoegdheden.
 */
#include "core/staff.h"
#include "util/date.h"

#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#define MIN_AGE 15
#define MAX_AGE 80
#define MAX_HOURS (STAFF_HOURS_PER_FTE * 1.2) /* 1990.8: 120% of a full normjaartaak */
#define MAX_STEP 30
#define SHARE_EPS 1e-9

double staff_fte(double hours_per_year)
{
	/* Rule 11: 1 fte = 1659 hours a year; werktijdfactor = hours / 1659. */
	return hours_per_year / STAFF_HOURS_PER_FTE;
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* A required text field: not blank, no control characters. */
static int check_text(const char *v, long line, const char *field, const char *what,
		      struct samen_err *err)
{
	if (blank(v))
		return samen_fail_at(err, SAMEN_EINVAL, line, field, "%s is missing", what);
	if (has_control(v))
		return samen_fail_at(err, SAMEN_EINVAL, line, field,
				     "%s contains a control character", what);
	return 0;
}

/* Salary scales: teacher scales LA-LE (CAO VO) or OOP scales 1-18. */
static bool scale_known(const char *s)
{
	static const char *const teacher[] = {"LA", "LB", "LC", "LD", "LE"};
	for (size_t i = 0; i < sizeof teacher / sizeof teacher[0]; i++)
		if (strcmp(s, teacher[i]) == 0)
			return true;
	size_t n = strlen(s);
	if (n < 1 || n > 2 || s[0] == '0')
		return false;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	return v >= 1 && v <= 18;
}

/* One '@' with something before it, and a dot after it with text on both sides. */
static bool email_plausible(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return false;
	for (const char *p = s; *p; p++)
		if (isspace((unsigned char)*p) || (unsigned char)*p < 0x20)
			return false;
	const char *dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1] != '\0';
}

/* BRIN: 2 digits followed by 2 letters or digits, e.g. "14AB"; letters in any case. */
static bool brin_valid(const char *s)
{
	return strlen(s) == 4 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       isalnum((unsigned char)s[2]) && isalnum((unsigned char)s[3]);
}

static bool vestiging_valid(const char *s)
{
	return strlen(s) == 2 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]);
}

static int check_person(const struct staff_record *rec, long today, struct samen_err *err)
{
	long line = rec->line;
	int rc = check_text(rec->employee_number, line, "personeelsnummer",
			    "the employee number", err);
	if (rc == 0)
		rc = check_text(rec->first_name, line, "voornaam", "the first name", err);
	if (rc == 0)
		rc = check_text(rec->last_name, line, "achternaam", "the last name", err);
	if (rc)
		return rc;
	if (blank(rec->birth_date))
		return samen_fail_at(err, SAMEN_EINVAL, line, "geboortedatum",
				     "the birth date is missing");
	long born;
	if (date_parse(rec->birth_date, &born) != 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "geboortedatum",
				     "birth date '%.20s' is not a real date as YYYY-MM-DD",
				     rec->birth_date);
	int age = date_age(born, today);
	if (age < MIN_AGE || age > MAX_AGE)
		return samen_fail_at(err, SAMEN_EINVAL, line, "geboortedatum",
				     "birth date %s gives an age of %d; staff must be %d to %d",
				     rec->birth_date, age, MIN_AGE, MAX_AGE);
	if (rec->email[0] && !email_plausible(rec->email))
		return samen_fail_at(err, SAMEN_EINVAL, line, "email",
				     "'%.100s' is not a valid e-mail address", rec->email);
	return 0;
}

static int check_contract(const struct staff_record *rec, struct samen_err *err)
{
	long line = rec->line;
	bool temporary = strcmp(rec->contract_kind, "tijdelijk") == 0;
	if (!temporary && strcmp(rec->contract_kind, "vast") != 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "contractsoort",
				     "contract kind '%.20s' is unknown; use vast or tijdelijk",
				     rec->contract_kind);
	double h = rec->hours_per_year;
	if (!isfinite(h) || h <= 0 || h > MAX_HOURS)
		return samen_fail_at(err, SAMEN_EINVAL, line, "uren_per_jaar",
				     "%g hours a year is out of range; it must be more than 0"
				     " and at most %.1f (1.2 fte)",
				     h, MAX_HOURS);
	if (!scale_known(rec->salary_scale))
		return samen_fail_at(err, SAMEN_EINVAL, line, "schaal",
				     "salary scale '%.8s' is unknown; use LA, LB, LC, LD, LE or"
				     " an OOP scale 1 to 18",
				     rec->salary_scale);
	if (rec->salary_step < 0 || rec->salary_step > MAX_STEP)
		return samen_fail_at(err, SAMEN_EINVAL, line, "trede",
				     "salary step %d is out of range 0 to %d", rec->salary_step,
				     MAX_STEP);
	long start, end;
	if (blank(rec->start_date))
		return samen_fail_at(err, SAMEN_EINVAL, line, "begindatum",
				     "the start date is missing");
	if (date_parse(rec->start_date, &start) != 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "begindatum",
				     "start date '%.20s' is not a real date as YYYY-MM-DD",
				     rec->start_date);
	if (rec->end_date[0] == '\0') {
		if (temporary)
			return samen_fail_at(err, SAMEN_EINVAL, line, "einddatum",
					     "a tijdelijk contract needs an end date");
		return 0;
	}
	if (date_parse(rec->end_date, &end) != 0)
		return samen_fail_at(err, SAMEN_EINVAL, line, "einddatum",
				     "end date '%.20s' is not a real date as YYYY-MM-DD",
				     rec->end_date);
	if (end < start)
		return samen_fail_at(err, SAMEN_EINVAL, line, "einddatum",
				     "end date %s lies before start date %s", rec->end_date,
				     rec->start_date);
	return 0;
}

static int check_assignments(const struct staff_record *rec, struct samen_err *err)
{
	long line = rec->line;
	if (rec->n_assign < 1)
		return samen_fail_at(err, SAMEN_EINVAL, line, "brin",
				     "at least one school (brin and vestiging) is required");
	if (rec->n_assign > STAFF_MAX_ASSIGN)
		return samen_fail_at(err, SAMEN_EINVAL, line, "brin",
				     "%d schools given; at most %d are allowed", rec->n_assign,
				     STAFF_MAX_ASSIGN);
	double sum = 0;
	for (int i = 0; i < rec->n_assign; i++) {
		const struct staff_assignment *a = &rec->assign[i];
		if (!brin_valid(a->brin))
			return samen_fail_at(err, SAMEN_EINVAL, line, "brin",
					     "BRIN '%.8s' is not 2 digits and 2 letters or digits"
					     " (e.g. 14AB)",
					     a->brin);
		if (!vestiging_valid(a->vestiging))
			return samen_fail_at(err, SAMEN_EINVAL, line, "vestiging",
					     "vestiging '%.4s' is not 2 digits (e.g. 00)",
					     a->vestiging);
		double s = a->fte_share;
		if (!isfinite(s) || s <= 0 || s > 1)
			return samen_fail_at(err, SAMEN_EINVAL, line, "aandeel",
					     "share %g at school %s%s is out of range; it must be"
					     " more than 0 and at most 1",
					     s, a->brin, a->vestiging);
		for (int j = 0; j < i; j++)
			if (strcasecmp(rec->assign[j].brin, a->brin) == 0 &&
			    strcmp(rec->assign[j].vestiging, a->vestiging) == 0)
				return samen_fail_at(err, SAMEN_EINVAL, line, "brin",
						     "school %s%s is listed twice", a->brin,
						     a->vestiging);
		sum += s;
	}
	if (sum > 1.0 + SHARE_EPS)
		return samen_fail_at(err, SAMEN_EINVAL, line, "aandeel",
				     "the shares add up to %g; together they may be at most 1",
				     sum);
	return 0;
}

static int check_qualifications(const struct staff_record *rec, struct samen_err *err)
{
	long line = rec->line;
	if (rec->n_qual < 0 || rec->n_qual > STAFF_MAX_QUAL)
		return samen_fail_at(err, SAMEN_EINVAL, line, "bevoegdheden",
				     "%d qualifications given; at most %d are allowed",
				     rec->n_qual, STAFF_MAX_QUAL);
	for (int i = 0; i < rec->n_qual; i++) {
		const struct staff_qualification *q = &rec->qual[i];
		if (blank(q->subject) || has_control(q->subject))
			return samen_fail_at(err, SAMEN_EINVAL, line, "bevoegdheden",
					     "qualification %d has no subject code", i + 1);
		if (!qual_level_name(q->level)[0])
			return samen_fail_at(err, SAMEN_EINVAL, line, "bevoegdheden",
					     "qualification in '%s' has an unknown level; use"
					     " eerstegraads, tweedegraads, beperkt_tweedegraads"
					     " or in_opleiding",
					     q->subject);
		for (int j = 0; j < i; j++)
			if (strcmp(rec->qual[j].subject, q->subject) == 0)
				return samen_fail_at(err, SAMEN_EINVAL, line, "bevoegdheden",
						     "subject '%s' is listed twice", q->subject);
	}
	return 0;
}

int staff_validate(const struct staff_record *rec, long today, struct samen_err *err)
{
	int rc = check_person(rec, today, err);
	if (rc == 0)
		rc = check_contract(rec, err);
	if (rc == 0)
		rc = check_assignments(rec, err);
	if (rc == 0)
		rc = check_qualifications(rec, err);
	return rc;
}

/* Tussenvoegsels, longest first so that "van der" wins over "van". */
static const char *const name_prefixes[] = {
	"van der ", "van den ", "van het ", "van de ", "van 't ", "in 't ", "op de ", "op den ",
	"op 't ", "uit de ", "uit den ", "aan de ", "aan den ", "in de ", "in den ", "van ",
	"von ", "den ", "der ", "des ", "het ", "ter ", "ten ", "de ", "'t ", "te ", "le ",
	"la ", "du ", "d'",
};

static void lower_into(const char *src, char *out, size_t n, size_t *o)
{
	for (; *src && *o + 1 < n; src++) {
		char c = *src;
		out[(*o)++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[*o] = '\0';
}

void staff_sort_name(const char *last_name, const char *first_name, char *out, size_t n)
{
	const char *p = last_name;
	for (size_t i = 0; i < sizeof name_prefixes / sizeof name_prefixes[0]; i++) {
		size_t len = strlen(name_prefixes[i]);
		if (strncasecmp(p, name_prefixes[i], len) == 0 && p[len]) {
			p += len;
			break;
		}
	}
	size_t o = 0;
	if (n == 0)
		return;
	out[0] = '\0';
	lower_into(p, out, n, &o);
	lower_into(", ", out, n, &o);
	lower_into(first_name, out, n, &o);
}
