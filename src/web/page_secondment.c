/*
 * page_secondment.c - the secondment screens:
 *   GET  /detacheringen                       the list (what the user may see) with reminders
 *   GET  /detacheringen/nieuw                 the form for a new secondment (lending board)
 *   POST /detacheringen                       create it
 *   GET  /detacheringen/{secondment}          one secondment: terms, agreement, consent,
 *                                             VAT check, planned and registered hours, costs
 *   POST /detacheringen/{secondment}/akkoord      agree as a party (rule 2)
 *   POST /detacheringen/{secondment}/toestemming  record consent (rule 3)
 *   POST /detacheringen/{secondment}/btw          confirm/withdraw VAT conditions, facts
 *   POST /detacheringen/{secondment}/uren         register hours (day, week, month)
 *   POST /detacheringen/{secondment}/correctie    correct an entry
 * Who may do what is decided in secondment_web.c; every POST form carries
 * the CSRF token (checked by the router). A change redirects back to the
 * secondment page with a confirmation; a refusal shows the page again with
 * the reason.
 */
#include "core/costprice.h"
#include "store/ledger.h"
#include "store/people.h"
#include "store/secondment.h"
#include "store/secondment_cal.h"
#include "util/date.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/secondment_web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void alert(struct buf *b, const char *kind, const char *role, const char *text)
{
	buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--%s\" role=\"%s\"><p class=\"utrecht-paragraph\">",
		   kind, role);
	html_esc(b, text);
	buf_puts(b, "</p></div>");
}

static void badge(struct buf *b, const char *kind, const char *text)
{
	buf_printf(b, "<span class=\"utrecht-badge-status utrecht-badge-status--%s\">", kind);
	html_esc(b, text);
	buf_puts(b, "</span>");
}

static void th(struct buf *b, const char *text, bool numeric)
{
	buf_printf(b, "<th class=\"utrecht-table__header-cell%s\" scope=\"col\">",
		   numeric ? " utrecht-table__header-cell--numeric" : "");
	html_esc(b, text);
	buf_puts(b, "</th>");
}

static void table_open(struct buf *b, const char *caption)
{
	buf_puts(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\">"
		    "<caption class=\"utrecht-table__caption\">");
	html_esc(b, caption);
	buf_puts(b, "</caption><thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">");
}

static void date_cell(struct req *r, struct buf *b, long day)
{
	char d[11];
	date_format(day, d);
	html_date(r, b, d);
}

/* A text-like input in the Utrecht form-field markup. */
static void field(struct req *r, struct buf *b, const char *name, const char *label_key,
		  const char *type, const char *value, const char *extra)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--text\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"f-%s\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"f-%s\""
		      " name=\"%s\" type=\"%s\" value=\"",
		   name, tr(r, label_key), name, name, type);
	html_esc(b, value ? value : "");
	buf_printf(b, "\"%s%s></div></div>", extra ? " " : "", extra ? extra : "");
}

static void textarea(struct req *r, struct buf *b, const char *name, const char *label_key,
		     const char *value, bool required)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--textarea\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"f-%s\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<textarea class=\"utrecht-textarea utrecht-textarea--html-textarea\" id=\"f-%s\""
		      " name=\"%s\" rows=\"3\"%s>",
		   name, tr(r, label_key), name, name, required ? " required" : "");
	html_esc(b, value ? value : "");
	buf_puts(b, "</textarea></div></div>");
}

static void submit(struct buf *b, const char *label, bool primary)
{
	buf_printf(b, "<button class=\"utrecht-button utrecht-button--%s-action\" type=\"submit\">",
		   primary ? "primary" : "secondary");
	html_esc(b, label);
	buf_puts(b, "</button>");
}

/* ---- list ---- */

int page_secondment_list(struct req *r, struct resp *s)
{
	const struct user *u = &r->user;
	struct secondment_filter f = {0};
	struct samen_err err;
	samen_err_clear(&err);
	switch (u->role) {
	case ROLE_ADMIN: {
		const char *b = r->query(r, "bestuur");
		f.board_id = b ? strtoll(b, NULL, 10) : 0;
		break;
	}
	case ROLE_EXECUTIVE:
	case ROLE_HR: f.board_id = u->board_id; break;
	case ROLE_SCHOOL_LEADER: f.school_id = u->school_id; break;
	case ROLE_STAFF: f.person_id = u->person_id ? u->person_id : -1; break;
	case ROLE_COORDINATOR: f.person_id = -1; break;
	}
	struct secondment_row *rows = NULL;
	size_t n = 0;
	int rc = store_secondment_list(r->db, &f, &rows, &n, &err);
	if (rc)
		return rc;
	int64_t review = 12;
	store_ledger_setting(r->db, "vat.review_months", &review, NULL);
	long today = date_today();
	html_begin(r, s, tr(r, "secondment.list.title"));
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", tr(r, "secondment.list.title"));
	buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "secondment.list.intro"));
	if (u->role == ROLE_COORDINATOR && u->region_id) {
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s <a class=\"utrecht-link\" href=\"/regio/%lld/verrekening\">%s</a></p>",
			   tr(r, "secondment.list.coordinator"), (long long)u->region_id,
			   tr(r, "ledger.region.title"));
	}
	if (u->role == ROLE_ADMIN || u->role == ROLE_EXECUTIVE || u->role == ROLE_HR)
		buf_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/detacheringen/nieuw\">%s</a></p>",
			   tr(r, "secondment.new.title"));
	/* Reminders first: what needs attention today. */
	size_t nrem = 0;
	for (size_t i = 0; i < n; i++) {
		struct secondment_reminder rem[5];
		int k = secondment_reminders(&rows[i].s, today, (int)review, rows[i].borrower_is_swv, rem);
		for (int j = 0; j < k; j++) {
			if (nrem++ == 0)
				buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><ul class=\"utrecht-unordered-list\">",
					   tr(r, "secondment.reminders"));
			buf_printf(b, "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"/detacheringen/%lld\">",
				   (long long)rows[i].s.id);
			html_esc(b, rows[i].first_name);
			buf_puts(b, " ");
			html_esc(b, rows[i].last_name);
			buf_puts(b, "</a>: ");
			html_esc(b, secondment_web_reminder(r, rem[j].kind));
			buf_printf(b, " (%s ", tr(r, "secondment.due"));
			date_cell(r, b, rem[j].due);
			buf_printf(b, "; %s %d)</li>", tr(r, "secondment.rule"), rem[j].rule);
		}
	}
	if (nrem)
		buf_puts(b, "</ul>");
	if (n == 0) {
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "secondment.list.none"));
	} else {
		table_open(b, tr(r, "secondment.list.caption"));
		th(b, tr(r, "secondment.person"), false);
		th(b, tr(r, "secondment.lender"), false);
		th(b, tr(r, "secondment.borrower"), false);
		th(b, tr(r, "secondment.hours_per_week"), true);
		th(b, tr(r, "secondment.period"), false);
		th(b, tr(r, "secondment.status"), false);
		buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
		for (size_t i = 0; i < n; i++) {
			const struct secondment_row *w = &rows[i];
			buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">"
				      "<a class=\"utrecht-link\" href=\"/detacheringen/%lld\">",
				   (long long)w->s.id);
			html_esc(b, w->last_name);
			buf_puts(b, ", ");
			html_esc(b, w->first_name);
			buf_puts(b, "</a></th><td class=\"utrecht-table__cell\">");
			html_esc(b, w->lender_name);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			html_esc(b, w->borrower_name);
			if (w->school_name[0]) {
				buf_puts(b, "<br><span class=\"samen-muted\">");
				html_esc(b, w->school_name);
				buf_puts(b, "</span>");
			}
			buf_puts(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
			secondment_web_hours(r, b, w->s.hours_per_week);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			date_cell(r, b, w->s.start);
			buf_puts(b, " – ");
			date_cell(r, b, w->s.end);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			enum secondment_state st = secondment_state(&w->s, today);
			badge(b, st == SECONDMENT_ACTIVE || st == SECONDMENT_AGREED ? "success"
				 : st == SECONDMENT_ENDED ? "neutral" : "warning",
			      secondment_web_state(r, st));
			buf_puts(b, "</td></tr>");
		}
		buf_puts(b, "</tbody></table></div>");
	}
	html_end(r, s);
	free(rows);
	return 0;
}

/* ---- new ---- */

struct new_form {
	char lender[24], person[24], borrower[24], school[24];
	char function[128], purpose[512], expertise[128], hours[16], start[11], end[11];
	char km[16], margin[16], sickness[512], insurance[256];
	unsigned days;
};

static const char *const day_field[5] = {"dag_ma", "dag_di", "dag_wo", "dag_do", "dag_vr"};

static void form_defaults(struct req *r, struct new_form *v)
{
	memset(v, 0, sizeof *v);
	v->days = SECONDMENT_ALL_WEEKDAYS;
	snprintf(v->sickness, sizeof v->sickness, "%s", tr(r, "secondment.default.sickness"));
	snprintf(v->insurance, sizeof v->insurance, "%s", tr(r, "secondment.default.insurance"));
	snprintf(v->margin, sizeof v->margin, "0");
}

static void form_read(struct req *r, struct new_form *v)
{
	memset(v, 0, sizeof *v);
	form_get(r, "uitlener", v->lender, sizeof v->lender);
	form_get(r, "persoon", v->person, sizeof v->person);
	form_get(r, "inlener", v->borrower, sizeof v->borrower);
	form_get(r, "school", v->school, sizeof v->school);
	form_get(r, "functie", v->function, sizeof v->function);
	form_get(r, "werkzaamheden", v->purpose, sizeof v->purpose);
	form_get(r, "expertise", v->expertise, sizeof v->expertise);
	form_get(r, "uren", v->hours, sizeof v->hours);
	form_get(r, "begin", v->start, sizeof v->start);
	form_get(r, "einde", v->end, sizeof v->end);
	form_get(r, "km", v->km, sizeof v->km);
	form_get(r, "opslag", v->margin, sizeof v->margin);
	form_get(r, "ziekte", v->sickness, sizeof v->sickness);
	form_get(r, "verzekering", v->insurance, sizeof v->insurance);
	char on[8];
	for (int d = 0; d < 5; d++)
		if (form_get(r, day_field[d], on, sizeof on))
			v->days |= 1u << d;
}

/* The lending board of the form: the user's own, or for the admin the one chosen. */
static int64_t form_lender(struct req *r, const struct new_form *v)
{
	if (r->user.role != ROLE_ADMIN)
		return r->user.board_id;
	const char *q = r->query(r, "uitlener");
	const char *t = v->lender[0] ? v->lender : q;
	return t ? strtoll(t, NULL, 10) : 0;
}

static void option(struct buf *b, int64_t value, const char *label, const char *current)
{
	char v[24];
	snprintf(v, sizeof v, "%lld", (long long)value);
	buf_printf(b, "<option value=\"%s\"%s>", v, current && strcmp(current, v) == 0 ? " selected" : "");
	html_esc(b, label);
	buf_puts(b, "</option>");
}

static int render_new(struct req *r, struct resp *s, const struct new_form *v, int status,
		      const struct samen_err *err)
{
	struct samen_err e2;
	int64_t lender = form_lender(r, v);
	struct board_summary lb;
	int64_t region = r->user.region_id;
	if (lender && people_board(r->db, lender, &lb, &e2) == 0 && !region) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)lender);
		const char *p[] = {id};
		db_query_int(r->db, "SELECT region_id FROM board WHERE id = CAST($1 AS INTEGER)", 1, p,
			     &region, NULL);
	}
	html_begin(r, s, tr(r, "secondment.new.title"));
	s->status = status;
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "secondment.new.title"), tr(r, "secondment.new.intro"));
	if (err && err->msg[0])
		alert(b, "error", "alert", err->msg);
	if (r->user.role == ROLE_ADMIN) {
		/* The admin first picks the lending board (the employer). */
		struct region_info *regions = NULL;
		size_t nreg = 0;
		people_regions(r->db, &regions, &nreg, &e2);
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p><ul class=\"utrecht-unordered-list\">",
			   tr(r, "secondment.new.pick_lender"));
		for (size_t i = 0; i < nreg; i++) {
			struct board_summary *bs = NULL;
			size_t nb = 0;
			people_board_summaries(r->db, regions[i].id, date_today(), &bs, &nb, &e2);
			for (size_t k = 0; k < nb; k++) {
				buf_printf(b, "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"/detacheringen/nieuw?uitlener=%lld\">",
					   (long long)bs[k].id);
				html_esc(b, bs[k].name);
				buf_puts(b, "</a></li>");
			}
			free(bs);
		}
		buf_puts(b, "</ul>");
		free(regions);
	}
	if (!lender) {
		html_end(r, s);
		return 0;
	}
	struct secondment_candidate *people = NULL;
	size_t np = 0;
	struct board_summary *boards = NULL;
	size_t nb = 0;
	struct school_summary *schools = NULL;
	size_t ns = 0;
	store_secondment_candidates(r->db, lender, &people, &np, &e2);
	people_board_summaries(r->db, region, date_today(), &boards, &nb, &e2);
	people_school_summaries(r->db, region, 0, date_today(), &schools, &ns, &e2);

	buf_puts(b, "<form method=\"post\" action=\"/detacheringen\" class=\"samen-form\">");
	html_csrf_field(r, b);
	buf_printf(b, "<input type=\"hidden\" name=\"uitlener\" value=\"%lld\">", (long long)lender);
	buf_printf(b, "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
		   tr(r, "secondment.parties"));
	buf_printf(b, "<p class=\"utrecht-paragraph\">%s: <strong>", tr(r, "secondment.lender"));
	for (size_t i = 0; i < nb; i++)
		if (boards[i].id == lender)
			html_esc(b, boards[i].name);
	buf_printf(b, "</strong> (%s)</p>", tr(r, "secondment.employer_stays"));
	buf_printf(b, "<div class=\"utrecht-form-field\"><div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"f-persoon\">%s</label></div>"
		      "<div class=\"utrecht-form-field__input\"><select class=\"utrecht-select utrecht-select--html-select\" id=\"f-persoon\" name=\"persoon\" required>",
		   tr(r, "secondment.person"));
	for (size_t i = 0; i < np; i++) {
		char label[240];
		snprintf(label, sizeof label, "%s (%s)", people[i].name, people[i].employee_number);
		option(b, people[i].person_id, label, v->person);
	}
	buf_puts(b, "</select></div></div>");
	buf_printf(b, "<div class=\"utrecht-form-field\"><div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"f-inlener\">%s</label></div>"
		      "<div class=\"utrecht-form-field__input\"><select class=\"utrecht-select utrecht-select--html-select\" id=\"f-inlener\" name=\"inlener\" required>",
		   tr(r, "secondment.borrower"));
	for (size_t i = 0; i < nb; i++)
		if (boards[i].id != lender)
			option(b, boards[i].id, boards[i].name, v->borrower);
	buf_puts(b, "</select></div></div>");
	buf_printf(b, "<div class=\"utrecht-form-field\"><div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"f-school\">%s</label></div>"
		      "<div class=\"utrecht-form-field__input\"><select class=\"utrecht-select utrecht-select--html-select\" id=\"f-school\" name=\"school\">",
		   tr(r, "secondment.school"));
	int64_t group = -1;
	for (size_t i = 0; i < ns; i++) {
		if (schools[i].board_id == lender)
			continue;
		if (schools[i].board_id != group) {
			if (group != -1)
				buf_puts(b, "</optgroup>");
			buf_puts(b, "<optgroup label=\"");
			html_esc(b, schools[i].board_name);
			buf_puts(b, "\">");
			group = schools[i].board_id;
		}
		option(b, schools[i].id, schools[i].name, v->school);
	}
	if (group != -1)
		buf_puts(b, "</optgroup>");
	buf_printf(b, "<option value=\"\">%s</option></select></div></div></fieldset>",
		   tr(r, "secondment.school_none"));

	buf_printf(b, "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
		   tr(r, "secondment.work"));
	field(r, b, "functie", "secondment.function", "text", v->function, "required maxlength=\"120\"");
	textarea(r, b, "werkzaamheden", "secondment.purpose", v->purpose, false);
	field(r, b, "expertise", "secondment.expertise", "text", v->expertise, "maxlength=\"120\"");
	buf_puts(b, "</fieldset>");

	buf_printf(b, "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
		   tr(r, "secondment.extent"));
	field(r, b, "uren", "secondment.hours_per_week", "text", v->hours, "required inputmode=\"decimal\"");
	buf_printf(b, "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
		   tr(r, "secondment.days"));
	static const char *const day_key[5] = {"secondment.day.mon", "secondment.day.tue",
					       "secondment.day.wed", "secondment.day.thu",
					       "secondment.day.fri"};
	for (int d = 0; d < 5; d++)
		buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
			      "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"f-%s\" name=\"%s\" value=\"1\"%s>"
			      " <label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"f-%s\">%s</label></div>",
			   day_field[d], day_field[d], (v->days >> d) & 1 ? " checked" : "", day_field[d],
			   tr(r, day_key[d]));
	buf_puts(b, "</fieldset>");
	field(r, b, "begin", "secondment.start", "date", v->start, "required");
	field(r, b, "einde", "secondment.end", "date", v->end, "required");
	field(r, b, "km", "secondment.km_per_week", "text", v->km, "inputmode=\"numeric\"");
	field(r, b, "opslag", "secondment.margin_label", "text", v->margin, "inputmode=\"decimal\"");
	buf_puts(b, "</fieldset>");

	buf_printf(b, "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
		   tr(r, "secondment.arrangements"));
	textarea(r, b, "ziekte", "secondment.sickness", v->sickness, false);
	textarea(r, b, "verzekering", "secondment.insurance", v->insurance, false);
	buf_puts(b, "</fieldset><p class=\"samen-form__actions\">");
	submit(b, tr(r, "secondment.new.submit"), true);
	buf_puts(b, "</p></form>");
	html_end(r, s);
	free(people);
	free(boards);
	free(schools);
	return 0;
}

int page_secondment_new(struct req *r, struct resp *s)
{
	struct new_form v;
	form_defaults(r, &v);
	return render_new(r, s, &v, 200, NULL);
}

static int fail_form(struct req *r, struct resp *s, const struct new_form *v, int code,
		     const struct samen_err *err)
{
	return render_new(r, s, v, samen_code_http(code), err);
}

int page_secondment_create(struct req *r, struct resp *s)
{
	struct new_form v;
	form_read(r, &v);
	struct samen_err err;
	samen_err_clear(&err);
	struct secondment sec;
	memset(&sec, 0, sizeof sec);
	sec.lender_board_id = form_lender(r, &v);
	sec.borrower_board_id = strtoll(v.borrower, NULL, 10);
	sec.borrower_school_id = v.school[0] ? strtoll(v.school, NULL, 10) : 0;
	sec.person_id = strtoll(v.person, NULL, 10);
	snprintf(sec.function_title, sizeof sec.function_title, "%s", v.function);
	snprintf(sec.purpose, sizeof sec.purpose, "%s", v.purpose);
	snprintf(sec.expertise, sizeof sec.expertise, "%s", v.expertise);
	snprintf(sec.sickness, sizeof sec.sickness, "%s", v.sickness);
	snprintf(sec.insurance, sizeof sec.insurance, "%s", v.insurance);
	sec.weekdays = v.days;
	int rc = 0;
	if (costprice_parse_hours(v.hours, &sec.hours_per_week))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "uren", "%s", tr(r, "secondment.err.hours"));
	else if (date_parse(v.start, &sec.start) || date_parse(v.end, &sec.end))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "begin", "%s", tr(r, "secondment.err.dates"));
	int64_t km = 0;
	if (rc == 0 && v.km[0] && (costprice_parse_hours(v.km, &km) || km % 100))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "km", "%s", tr(r, "secondment.err.km"));
	sec.km_per_week = km / 100;
	if (rc == 0 && v.margin[0] && costprice_parse_percent(v.margin, &sec.margin_bp))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "opslag", "%s", tr(r, "secondment.err.margin"));
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	if (rc == 0)
		rc = store_secondment_add(r->db, &sec, &who, &err);
	if (rc)
		return fail_form(r, s, &v, rc, &err);
	char loc[64];
	snprintf(loc, sizeof loc, "/detacheringen/%lld?gedaan=aangemaakt", (long long)sec.id);
	resp_redirect(s, loc);
	return 0;
}

/* ---- one secondment ---- */

static const char *const done_keys[] = {"aangemaakt", "akkoord", "toestemming", "btw", "uren",
					"correctie"};

static int load(struct req *r, struct secondment_row *row, struct secondment_rights *rt,
		struct samen_err *err)
{
	int64_t id = req_param_id(r, "secondment");
	int rc = store_secondment_get(r->db, id, row, err);
	if (rc)
		return rc;
	secondment_rights_of(&r->user, row, rt);
	if (!rt->view)
		return samen_fail(err, SAMEN_EPERM, "no access to this secondment");
	return 0;
}

static void data_row(struct buf *b, const char *label)
{
	buf_puts(b, "<div class=\"utrecht-data-list__item\"><dt class=\"utrecht-data-list__item-key\">");
	html_esc(b, label);
	buf_puts(b, "</dt><dd class=\"utrecht-data-list__item-value\">");
}

static void section_terms(struct req *r, struct buf *b, const struct secondment_row *w,
			  int weeks)
{
	const struct secondment *sc = &w->s;
	char num[32], days[32];
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"gegevens\">%s</h2><dl class=\"utrecht-data-list samen-facts\">",
		   tr(r, "secondment.terms"));
	data_row(b, tr(r, "secondment.lender"));
	html_esc(b, w->lender_name);
	buf_printf(b, " <span class=\"samen-muted\">(%s)</span></dd></div>", tr(r, "secondment.employer_stays"));
	data_row(b, tr(r, "secondment.borrower"));
	html_esc(b, w->borrower_name);
	if (w->school_name[0]) {
		buf_puts(b, ", ");
		html_esc(b, w->school_name);
	}
	if (w->borrower_is_swv)
		buf_printf(b, " <span class=\"samen-muted\">(%s)</span>", tr(r, "secondment.swv"));
	buf_puts(b, "</dd></div>");
	data_row(b, tr(r, "secondment.function"));
	html_esc(b, sc->function_title);
	buf_puts(b, "</dd></div>");
	data_row(b, tr(r, "secondment.purpose"));
	html_esc(b, sc->purpose);
	buf_puts(b, "</dd></div>");
	if (sc->expertise[0]) {
		data_row(b, tr(r, "secondment.expertise"));
		html_esc(b, sc->expertise);
		buf_puts(b, "</dd></div>");
	}
	data_row(b, tr(r, "secondment.hours_per_week"));
	secondment_web_hours(r, b, sc->hours_per_week);
	secondment_weekdays_text(sc->weekdays, days, sizeof days);
	buf_printf(b, " (%s)</dd></div>", days);
	data_row(b, tr(r, "secondment.wtf"));
	html_number(r, secondment_wtf(sc->hours_per_week, weeks), 4, num);
	buf_printf(b, "%s <span class=\"samen-muted\">(%s)</span></dd></div>", num,
		   tr(r, "secondment.wtf_note"));
	data_row(b, tr(r, "secondment.period"));
	date_cell(r, b, sc->start);
	buf_puts(b, " – ");
	date_cell(r, b, sc->end);
	buf_puts(b, "</dd></div>");
	data_row(b, tr(r, "secondment.extension_due"));
	date_cell(r, b, secondment_extension_due(sc->end));
	buf_printf(b, " <span class=\"samen-muted\">(%s 4)</span></dd></div>", tr(r, "secondment.rule"));
	data_row(b, tr(r, "secondment.margin_label"));
	html_number(r, sc->margin_bp / 100.0, 2, num);
	buf_printf(b, "%s %%</dd></div>", num);
	data_row(b, tr(r, "secondment.km_per_week"));
	buf_printf(b, "%lld</dd></div>", (long long)sc->km_per_week);
	if (sc->offer_id) {
		data_row(b, tr(r, "secondment.offer"));
		buf_printf(b, "%lld</dd></div>", (long long)sc->offer_id);
	}
	buf_puts(b, "</dl>");
	buf_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/detacheringen/%lld/overeenkomst\">%s</a></p>",
		   (long long)sc->id, tr(r, "secondment.agreement.open"));
}

static void mark_cells(struct req *r, struct buf *b, const struct secondment_mark *m)
{
	buf_puts(b, "<td class=\"utrecht-table__cell\">");
	if (m->set)
		badge(b, "success", tr(r, "secondment.yes"));
	else
		badge(b, "warning", tr(r, "secondment.not_yet"));
	buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
	html_esc(b, m->by);
	buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
	if (m->set) {
		char d[11];
		snprintf(d, sizeof d, "%.10s", m->at);
		html_date(r, b, d);
		buf_printf(b, " %.5s", m->at + 11);
	}
	buf_puts(b, "</td>");
}

static void section_agreement(struct req *r, struct buf *b, const struct secondment_row *w,
			      const struct secondment_rights *rt)
{
	const struct secondment *sc = &w->s;
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"akkoord\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "secondment.agreement"), tr(r, "secondment.agreement.intro"));
	table_open(b, tr(r, "secondment.agreement.caption"));
	th(b, tr(r, "secondment.party"), false);
	th(b, tr(r, "secondment.agreed"), false);
	th(b, tr(r, "secondment.by"), false);
	th(b, tr(r, "secondment.when"), false);
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	static const char *const party_key[3] = {"secondment.party.lender", "secondment.party.borrower",
						 "secondment.party.employee"};
	for (int p = 0; p < 3; p++) {
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th>",
			   tr(r, party_key[p]));
		mark_cells(r, b, &sc->sign[p]);
		buf_puts(b, "</tr>");
	}
	buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th>",
		   tr(r, "secondment.consent"));
	mark_cells(r, b, &sc->consent);
	buf_puts(b, "</tr></tbody></table></div>");
	/* The forms for the parties this user may still agree for. */
	bool may[3] = {rt->admin || rt->lender, rt->admin || rt->borrower, rt->admin || rt->employee};
	for (int p = 0; p < 3; p++) {
		if (!may[p] || sc->sign[p].set)
			continue;
		static const char *const names[3] = {"lender", "borrower", "employee"};
		buf_printf(b, "<form method=\"post\" action=\"/detacheringen/%lld/akkoord\" class=\"samen-form\">",
			   (long long)sc->id);
		html_csrf_field(r, b);
		buf_printf(b, "<input type=\"hidden\" name=\"partij\" value=\"%s\"><p class=\"utrecht-paragraph\">%s</p><p class=\"samen-form__actions\">",
			   names[p], tr(r, p == 2 ? "secondment.sign.employee_note" : "secondment.sign.note"));
		char label[160];
		snprintf(label, sizeof label, "%s: %s", tr(r, "secondment.sign.button"), tr(r, party_key[p]));
		submit(b, label, true);
		buf_puts(b, "</p></form>");
	}
	if (!sc->consent.set && (rt->admin || rt->lender)) {
		buf_printf(b, "<form method=\"post\" action=\"/detacheringen/%lld/toestemming\" class=\"samen-form\">",
			   (long long)sc->id);
		html_csrf_field(r, b);
		textarea(r, b, "toelichting", "secondment.consent.note", "", false);
		buf_puts(b, "<p class=\"samen-form__actions\">");
		submit(b, tr(r, "secondment.consent.button"), false);
		buf_puts(b, "</p></form>");
	}
}

static void section_vat(struct req *r, struct buf *b, const struct secondment_row *w,
			const struct secondment_rights *rt, const struct vat_settings *vs)
{
	const struct secondment *sc = &w->s;
	struct vat_input facts;
	struct vat_decision d;
	secondment_vat_facts(sc, w->borrower_is_swv, &facts);
	vat_decide(&facts, vs, &d);
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"btw\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "secondment.vat"), tr(r, "secondment.vat.intro"));
	buf_puts(b, "<p class=\"utrecht-paragraph samen-vat-outcome\">");
	badge(b, d.exempt ? "success" : "warning",
	      tr(r, d.exempt ? "secondment.vat.exempt" : "secondment.vat.taxed"));
	buf_puts(b, " ");
	html_esc(b, secondment_web_vat_reason(r, d.reason));
	buf_printf(b, " (%s %d)</p>", tr(r, "secondment.rule"), d.rule);
	table_open(b, tr(r, "secondment.vat.caption"));
	th(b, tr(r, "secondment.vat.condition"), false);
	th(b, tr(r, "secondment.vat.confirmed"), false);
	th(b, tr(r, "secondment.by"), false);
	th(b, tr(r, "secondment.when"), false);
	th(b, tr(r, "secondment.action"), false);
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	static const char *const cond_key[4] = {"secondment.vat.a", "secondment.vat.b",
						"secondment.vat.c", "secondment.vat.d"};
	for (int c = 0; c < 4; c++) {
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%c) %s</th>",
			   'a' + c, tr(r, cond_key[c]));
		mark_cells(r, b, &sc->vat[c]);
		buf_puts(b, "<td class=\"utrecht-table__cell\">");
		if (secondment_may_confirm(rt, c)) {
			buf_printf(b, "<form method=\"post\" action=\"/detacheringen/%lld/btw\">", (long long)sc->id);
			html_csrf_field(r, b);
			buf_printf(b, "<input type=\"hidden\" name=\"voorwaarde\" value=\"%c\">"
				      "<input type=\"hidden\" name=\"bevestigd\" value=\"%s\">",
				   'a' + c, sc->vat[c].set ? "nee" : "ja");
			submit(b, tr(r, sc->vat[c].set ? "secondment.vat.withdraw" : "secondment.vat.confirm"),
			       false);
			buf_puts(b, "</form>");
		}
		buf_puts(b, "</td></tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	char num[32];
	html_number(r, vs->margin_bp / 100.0, 2, num);
	buf_printf(b, "<p class=\"utrecht-paragraph samen-muted\">%s %s %%. %s</p>",
		   tr(r, "secondment.vat.rule6"), num, tr(r, "secondment.vat.uncertain"));
	if (rt->admin || rt->lender || rt->borrower) {
		buf_printf(b, "<form method=\"post\" action=\"/detacheringen/%lld/btw\" class=\"samen-form\">"
			      "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
			   (long long)sc->id, tr(r, "secondment.vat.facts"));
		html_csrf_field(r, b);
		buf_puts(b, "<input type=\"hidden\" name=\"feiten\" value=\"1\">");
		buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
			      "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"f-koepel\" name=\"koepel\" value=\"1\"%s%s>"
			      " <label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"f-koepel\">%s</label></div>",
			   sc->via_koepel ? " checked" : "", rt->admin || rt->lender ? "" : " disabled",
			   tr(r, "secondment.vat.koepel"));
		buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
			      "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"f-onderwijs\" name=\"onderwijs\" value=\"1\"%s>"
			      " <label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"f-onderwijs\">%s</label></div>",
			   sc->education_type_work ? " checked" : "", tr(r, "secondment.vat.education_work"));
		buf_puts(b, "<p class=\"samen-form__actions\">");
		submit(b, tr(r, "secondment.vat.facts_save"), false);
		buf_puts(b, "</p></fieldset></form>");
	}
}

static void section_hours(struct req *r, struct buf *b, const struct secondment_row *w,
			  const struct secondment_rights *rt)
{
	const struct secondment *sc = &w->s;
	struct samen_err err;
	samen_err_clear(&err);
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"uren\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "secondment.hours"), tr(r, "secondment.hours.intro"));
	struct secondment_cal cal;
	bool have_cal = secondment_cal_open(r->db, &cal, &err) == 0;
	if (!have_cal)
		alert(b, "warning", "status", err.msg);
	long today = date_today();
	long until = sc->end < today ? sc->end : today;
	struct ledger_line *lines = NULL;
	size_t nl = 0;
	samen_err_clear(&err);
	int prc = until >= sc->start
			  ? store_ledger_secondment_lines(r->db, w, sc->start, until, &lines, &nl, &err)
			  : 0;
	if (prc)
		alert(b, "warning", "status", err.msg);
	table_open(b, tr(r, "secondment.hours.caption"));
	th(b, tr(r, "secondment.month"), false);
	th(b, tr(r, "secondment.planned"), true);
	th(b, tr(r, "secondment.registered"), true);
	th(b, tr(r, "secondment.km"), true);
	th(b, tr(r, "secondment.cost"), true);
	th(b, tr(r, "secondment.vat"), false);
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	char m[8], last[8];
	ledger_month_key(sc->start, m);
	ledger_month_key(sc->end, last);
	int64_t tp = 0, tr_h = 0, tc = 0;
	for (int guard = 0; strcmp(m, last) <= 0 && guard < 130; guard++) {
		long first, end;
		ledger_month_range(m, &first, &end);
		int64_t planned = 0, reg = 0, km = 0;
		long days = 0;
		if (have_cal)
			secondment_planned(sc, first, end, secondment_cal_schoolday, &cal, &planned, &days);
		store_secondment_hours_total(r->db, sc->id, first, end, &reg, &km, &err);
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th>"
			      "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">", m);
		secondment_web_hours(r, b, planned);
		buf_puts(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
		secondment_web_hours(r, b, reg);
		buf_printf(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%lld</td>"
			      "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">",
			   (long long)km);
		const struct ledger_line *l = NULL;
		for (size_t i = 0; i < nl; i++)
			if (strcmp(lines[i].month, m) == 0)
				l = &lines[i];
		if (l) {
			secondment_web_money(r, b, l->amounts.total_cents);
			tc += l->amounts.total_cents;
		}
		buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
		if (l)
			buf_printf(b, "%c", l->vat.category);
		buf_puts(b, "</td></tr>");
		tp += planned;
		tr_h += reg;
		ledger_month_key(end + 1, m);
	}
	buf_printf(b, "</tbody><tfoot class=\"utrecht-table__footer\"><tr class=\"utrecht-table__row\">"
		      "<th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">",
		   tr(r, "secondment.total"));
	secondment_web_hours(r, b, tp);
	buf_puts(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
	secondment_web_hours(r, b, tr_h);
	buf_puts(b, "</td><td class=\"utrecht-table__cell\"></td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
	secondment_web_money(r, b, tc);
	buf_puts(b, "</td><td class=\"utrecht-table__cell\"></td></tr></tfoot></table></div>");
	if (nl) {
		const struct ledger_line *l = &lines[nl - 1];
		char scale[32];
		snprintf(scale, sizeof scale, "%s-%d", l->scale, l->step);
		buf_printf(b, "<p class=\"utrecht-paragraph samen-muted\">%s ", tr(r, "secondment.cost.basis"));
		html_esc(b, scale);
		buf_puts(b, ", ");
		secondment_web_money(r, b, l->basis.monthly_cents);
		buf_printf(b, " %s; ", tr(r, "secondment.per_month"));
		char num[32];
		html_number(r, l->basis.charges_bp / 100.0, 2, num);
		buf_printf(b, "%s %s %%; %s ", tr(r, "secondment.charges"), num, tr(r, "secondment.rate"));
		secondment_web_money(r, b, costprice_hourly_rate_cents(&l->basis));
		buf_printf(b, " %s. %s</p>", tr(r, "secondment.per_hour"), tr(r, "secondment.cost.rounding"));
	}
	free(lines);

	/* The entries, oldest first, with corrections. */
	struct secondment_hours_row *h = NULL;
	size_t nh = 0;
	store_secondment_hours_list(r->db, sc->id, &h, &nh, &err);
	bool may_register = rt->admin || rt->lender || rt->borrower;
	if (nh) {
		buf_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", tr(r, "secondment.entries"));
		table_open(b, tr(r, "secondment.entries.caption"));
		th(b, "#", false);
		th(b, tr(r, "secondment.worked"), false);
		th(b, tr(r, "secondment.registered"), true);
		th(b, tr(r, "secondment.km"), true);
		th(b, tr(r, "secondment.booked_in"), false);
		th(b, tr(r, "secondment.note"), false);
		th(b, tr(r, "secondment.by"), false);
		if (may_register)
			th(b, tr(r, "secondment.correct"), false);
		buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
		for (size_t i = 0; i < nh; i++) {
			buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%lld</th>"
				      "<td class=\"utrecht-table__cell\">",
				   (long long)h[i].id);
			date_cell(r, b, h[i].from);
			if (h[i].to != h[i].from) {
				buf_puts(b, " – ");
				date_cell(r, b, h[i].to);
			}
			buf_puts(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">");
			secondment_web_hours(r, b, h[i].value_centihours);
			buf_printf(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%lld</td>"
				      "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">",
				   (long long)h[i].value_km, h[i].booked_month);
			if (h[i].corrects_id)
				buf_printf(b, "%s %lld. ", tr(r, "secondment.correction_of"), (long long)h[i].corrects_id);
			if (h[i].corrected_by)
				buf_printf(b, "%s %lld. ", tr(r, "secondment.corrected_by"), (long long)h[i].corrected_by);
			html_esc(b, h[i].note);
			buf_puts(b, "</td><td class=\"utrecht-table__cell\">");
			html_esc(b, h[i].created_by);
			buf_puts(b, "</td>");
			if (may_register) {
				buf_puts(b, "<td class=\"utrecht-table__cell\">");
				if (!h[i].corrected_by) {
					buf_printf(b, "<form method=\"post\" action=\"/detacheringen/%lld/correctie\">",
						   (long long)sc->id);
					html_csrf_field(r, b);
					buf_printf(b, "<input type=\"hidden\" name=\"regel\" value=\"%lld\">"
						      "<label class=\"samen-visually-hidden\" for=\"c-%lld\">%s</label>"
						      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"c-%lld\" name=\"uren\" size=\"5\" inputmode=\"decimal\" required> ",
						   (long long)h[i].id, (long long)h[i].id, tr(r, "secondment.correct_hours"),
						   (long long)h[i].id);
					submit(b, tr(r, "secondment.correct"), false);
					buf_puts(b, "</form>");
				}
				buf_puts(b, "</td>");
			}
			buf_puts(b, "</tr>");
		}
		buf_puts(b, "</tbody></table></div>");
	}
	free(h);
	if (may_register && secondment_agreed(sc)) {
		buf_printf(b, "<form method=\"post\" action=\"/detacheringen/%lld/uren\" class=\"samen-form\">"
			      "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
			   (long long)sc->id, tr(r, "secondment.register"));
		html_csrf_field(r, b);
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "secondment.register.intro"));
		static const char *const kinds[3][2] = {{"week", "secondment.register.week"},
							{"maand", "secondment.register.month"},
							{"dag", "secondment.register.day"}};
		buf_printf(b, "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
			   tr(r, "secondment.register.kind"));
		for (int k = 0; k < 3; k++)
			buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--radio\">"
				      "<input class=\"utrecht-radio-button utrecht-radio-button--html-input\" type=\"radio\" id=\"f-soort-%s\" name=\"soort\" value=\"%s\"%s>"
				      " <label class=\"utrecht-form-label utrecht-form-label--radio\" for=\"f-soort-%s\">%s</label></div>",
				   kinds[k][0], kinds[k][0], k == 0 ? " checked" : "", kinds[k][0],
				   tr(r, kinds[k][1]));
		buf_puts(b, "</fieldset>");
		field(r, b, "week", "secondment.register.week_field", "week", "", NULL);
		field(r, b, "maand", "secondment.register.month_field", "month", "", NULL);
		field(r, b, "datum", "secondment.register.day_field", "date", "", NULL);
		field(r, b, "uren", "secondment.register.hours", "text", "", "required inputmode=\"decimal\"");
		field(r, b, "km", "secondment.km", "text", "", "inputmode=\"numeric\"");
		field(r, b, "opmerking", "secondment.note", "text", "", "maxlength=\"200\"");
		buf_puts(b, "<p class=\"samen-form__actions\">");
		submit(b, tr(r, "secondment.register.button"), true);
		buf_puts(b, "</p></fieldset></form>");
	}
	if (have_cal)
		secondment_cal_close(&cal);
}

static int render_secondment(struct req *r, struct resp *s, const struct secondment_row *w,
			     const struct secondment_rights *rt, int status,
			     const struct samen_err *error)
{
	struct vat_settings vs = {2100, 500};
	store_ledger_vat_settings(r->db, &vs, NULL);
	int64_t weeks = 40, review = 12;
	store_ledger_setting(r->db, "secondment.weeks_per_year", &weeks, NULL);
	store_ledger_setting(r->db, "vat.review_months", &review, NULL);
	char title[256];
	snprintf(title, sizeof title, "%s %s %s", tr(r, "secondment.title"), w->first_name, w->last_name);
	html_begin(r, s, title);
	s->status = status;
	struct buf *b = &s->body;
	long today = date_today();
	enum secondment_state st = secondment_state(&w->s, today);
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">", tr(r, "secondment.title"));
	html_esc(b, w->first_name);
	buf_puts(b, " ");
	html_esc(b, w->last_name);
	buf_puts(b, "</span></h1><p class=\"utrecht-paragraph\">");
	badge(b, st == SECONDMENT_ACTIVE || st == SECONDMENT_AGREED ? "success"
		 : st == SECONDMENT_ENDED ? "neutral" : "warning",
	      secondment_web_state(r, st));
	buf_puts(b, "</p>");
	if (error && error->msg[0]) {
		alert(b, "error", "alert", error->msg);
	} else {
		const char *done = r->query(r, "gedaan");
		for (size_t i = 0; done && i < sizeof done_keys / sizeof done_keys[0]; i++)
			if (strcmp(done, done_keys[i]) == 0) {
				char key[48];
				snprintf(key, sizeof key, "secondment.done.%s", done_keys[i]);
				alert(b, "ok", "status", tr(r, key));
			}
	}
	struct secondment_reminder rem[5];
	int k = secondment_reminders(&w->s, today, (int)review, w->borrower_is_swv, rem);
	if (k) {
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--warning\" role=\"status\"><p class=\"utrecht-paragraph\">%s</p><ul class=\"utrecht-unordered-list\">",
			   tr(r, "secondment.reminders"));
		for (int j = 0; j < k; j++) {
			buf_puts(b, "<li class=\"utrecht-unordered-list__item\">");
			html_esc(b, secondment_web_reminder(r, rem[j].kind));
			buf_printf(b, " (%s ", tr(r, "secondment.due"));
			date_cell(r, b, rem[j].due);
			buf_printf(b, "; %s %d)</li>", tr(r, "secondment.rule"), rem[j].rule);
		}
		buf_puts(b, "</ul></div>");
	}
	section_terms(r, b, w, (int)weeks);
	section_agreement(r, b, w, rt);
	section_vat(r, b, w, rt, &vs);
	section_hours(r, b, w, rt);
	html_end(r, s);
	return 0;
}

int page_secondment(struct req *r, struct resp *s)
{
	struct secondment_row w;
	struct secondment_rights rt;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = load(r, &w, &rt, &err);
	if (rc)
		return rc;
	secondment_web_audit_read(r, &w, &rt);
	return render_secondment(r, s, &w, &rt, 200, NULL);
}

/* After a POST: redirect on success, or the page again with the reason. */
static int after(struct req *r, struct resp *s, int rc, const char *done, struct samen_err *err)
{
	struct secondment_row w;
	struct secondment_rights rt;
	if (rc == 0) {
		char loc[96];
		snprintf(loc, sizeof loc, "/detacheringen/%lld?gedaan=%s#%s",
			 (long long)req_param_id(r, "secondment"), done,
			 strcmp(done, "uren") == 0 || strcmp(done, "correctie") == 0 ? "uren"
			 : strcmp(done, "btw") == 0 ? "btw" : "akkoord");
		resp_redirect(s, loc);
		return 0;
	}
	struct samen_err e2;
	if (load(r, &w, &rt, &e2))
		return rc;
	return render_secondment(r, s, &w, &rt, samen_code_http(rc), err);
}

int page_secondment_sign(struct req *r, struct resp *s)
{
	struct secondment_row w;
	struct secondment_rights rt;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = load(r, &w, &rt, &err);
	if (rc)
		return rc;
	char want[16] = "";
	form_get(r, "partij", want, sizeof want);
	enum secondment_party party;
	rc = secondment_party_for(&rt, want, &party, &err);
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	if (rc == 0)
		rc = store_secondment_sign(r->db, w.s.id, party, &who, &err);
	return after(r, s, rc, "akkoord", &err);
}

int page_secondment_consent(struct req *r, struct resp *s)
{
	struct secondment_row w;
	struct secondment_rights rt;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = load(r, &w, &rt, &err);
	if (rc)
		return rc;
	if (!rt.admin && !rt.lender)
		return samen_fail(&err, SAMEN_EPERM, "only the employer records consent");
	char note[512] = "";
	form_get(r, "toelichting", note, sizeof note);
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	rc = store_secondment_consent(r->db, w.s.id, note, &who, &err);
	return after(r, s, rc, "toestemming", &err);
}

int page_secondment_vat(struct req *r, struct resp *s)
{
	struct secondment_row w;
	struct secondment_rights rt;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = load(r, &w, &rt, &err);
	if (rc)
		return rc;
	char actor[256], v[8] = "", yes[8] = "", facts[4] = "";
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	if (form_get(r, "feiten", facts, sizeof facts)) {
		if (!rt.admin && !rt.lender && !rt.borrower)
			return samen_fail(&err, SAMEN_EPERM, "not a party");
		char on[4];
		/* The koepel fact is the lender's to record; the borrower keeps it as it is. */
		bool koepel = rt.admin || rt.lender ? form_get(r, "koepel", on, sizeof on) : w.s.via_koepel;
		bool edu = form_get(r, "onderwijs", on, sizeof on);
		rc = store_secondment_vat_facts(r->db, w.s.id, koepel, edu, &who, &err);
		return after(r, s, rc, "btw", &err);
	}
	form_get(r, "voorwaarde", v, sizeof v);
	form_get(r, "bevestigd", yes, sizeof yes);
	int cond = strlen(v) == 1 && v[0] >= 'a' && v[0] <= 'd' ? v[0] - 'a' : -1;
	if (cond < 0)
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "voorwaarde", "%s", tr(r, "secondment.err.condition"));
	else if (!secondment_may_confirm(&rt, cond))
		rc = samen_fail_at(&err, SAMEN_EPERM, 0, "voorwaarde", "%s", tr(r, "secondment.err.not_your_condition"));
	else
		rc = store_secondment_vat_confirm(r->db, w.s.id, cond, strcmp(yes, "nee") != 0, &who, &err);
	return after(r, s, rc, "btw", &err);
}

int page_secondment_hours(struct req *r, struct resp *s)
{
	struct secondment_row w;
	struct secondment_rights rt;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = load(r, &w, &rt, &err);
	if (rc)
		return rc;
	if (!rt.admin && !rt.lender && !rt.borrower)
		return samen_fail(&err, SAMEN_EPERM, "not a party");
	char kind[8] = "", week[16] = "", month[16] = "", day[16] = "", hours[16] = "", km[16] = "",
	     note[256] = "";
	form_get(r, "soort", kind, sizeof kind);
	form_get(r, "week", week, sizeof week);
	form_get(r, "maand", month, sizeof month);
	form_get(r, "datum", day, sizeof day);
	form_get(r, "uren", hours, sizeof hours);
	form_get(r, "km", km, sizeof km);
	form_get(r, "opmerking", note, sizeof note);
	int64_t h = 0, k = 0;
	struct secondment_entry e[2];
	int ne = 1;
	struct secondment_cal cal;
	bool cal_open = false;
	if (hours[0] == '-')
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "uren", "%s", tr(r, "secondment.err.negative"));
	else if (costprice_parse_hours(hours, &h))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "uren", "%s", tr(r, "secondment.err.hours"));
	else if (km[0] && (costprice_parse_hours(km, &k) || k % 100))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "km", "%s", tr(r, "secondment.err.km"));
	if (rc == 0)
		rc = secondment_cal_open(r->db, &cal, &err);
	cal_open = rc == 0;
	k /= 100;
	if (rc == 0) {
		if (strcmp(kind, "week") == 0) {
			int y, wk;
			char tail;
			if (sscanf(week, "%4d-W%2d%c", &y, &wk, &tail) != 2)
				rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "week", "%s", tr(r, "secondment.err.week"));
			else
				rc = secondment_week_entries(&w.s, y, wk, h, k, secondment_cal_schoolday, &cal, e,
							     &ne, &err);
		} else if (strcmp(kind, "maand") == 0) {
			rc = secondment_month_entry(&w.s, month, h, k, &e[0], &err);
		} else if (strcmp(kind, "dag") == 0) {
			if (date_parse(day, &e[0].from))
				rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "datum", "%s", tr(r, "secondment.err.day"));
			e[0].to = e[0].from;
			e[0].centihours = h;
			e[0].km = k;
		} else {
			rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "soort", "%s", tr(r, "secondment.err.kind"));
		}
	}
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	for (int i = 0; rc == 0 && i < ne; i++)
		rc = store_secondment_hours_add(r->db, w.s.id, &e[i], note, secondment_cal_schoolday, &cal,
						&who, NULL, &err);
	if (cal_open)
		secondment_cal_close(&cal);
	return after(r, s, rc, "uren", &err);
}

int page_secondment_correct(struct req *r, struct resp *s)
{
	struct secondment_row w;
	struct secondment_rights rt;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = load(r, &w, &rt, &err);
	if (rc)
		return rc;
	if (!rt.admin && !rt.lender && !rt.borrower)
		return samen_fail(&err, SAMEN_EPERM, "not a party");
	char entry[24] = "", hours[16] = "";
	form_get(r, "regel", entry, sizeof entry);
	form_get(r, "uren", hours, sizeof hours);
	int64_t id = strtoll(entry, NULL, 10), h;
	/* The entry must belong to this secondment. */
	struct secondment_hours_row *list = NULL;
	size_t n = 0;
	int64_t km = -1;
	rc = store_secondment_hours_list(r->db, w.s.id, &list, &n, &err);
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (list[i].id == id)
			km = list[i].value_km;
	free(list);
	if (rc == 0 && km < 0)
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "regel", "%s", tr(r, "secondment.err.entry"));
	if (rc == 0 && (hours[0] == '-' || costprice_parse_hours(hours, &h)))
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "uren", "%s", tr(r, "secondment.err.hours"));
	struct secondment_cal cal;
	if (rc == 0)
		rc = secondment_cal_open(r->db, &cal, &err);
	if (rc == 0) {
		char actor[256];
		struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
		rc = store_secondment_hours_correct(r->db, id, h, km, "", secondment_cal_schoolday, &cal,
						    &who, NULL, &err);
		secondment_cal_close(&cal);
	}
	return after(r, s, rc, "correctie", &err);
}
