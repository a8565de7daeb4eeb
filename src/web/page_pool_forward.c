/*
 * page_pool_forward.c - a board puts a staff member forward for the regional
 * pool (issue 4, point 2): someone it has no place for (boventallig) or whose
 * contract ends, so that the region keeps them - only with the person's
 * consent, which the HR adviser confirms and which is recorded
 * (match_pool_join; rule 31). GET/POST /personen/{person}/pool; the router
 * has checked that the user may see this person (their own board's staff).
 */
#include "store/match.h"
#include "store/people.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const day_codes[5] = {"ma", "di", "wo", "do", "vr"};

static void render(struct req *r, struct resp *s, const struct samen_err *err, int status)
{
	int64_t person = req_param_id(r, "person");
	html_begin(r, s, tr(r, "forward.title"));
	s->status = status;
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "forward.title"), tr(r, "forward.intro"));
	if (err && err->code) {
		buf_puts(b, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\"><p class=\"utrecht-paragraph\">");
		html_esc(b, err->msg);
		buf_puts(b, "</p></div>");
	}
	buf_printf(b, "<form class=\"samen-form\" method=\"post\" action=\"/personen/%lld/pool\">",
		   (long long)person);
	html_csrf_field(r, b);
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--select\"><div class=\"utrecht-form-field__label\">"
		      "<label class=\"utrecht-form-label\" for=\"soort\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"soort\" name=\"soort\">"
		      "<option value=\"boventallig\">%s</option><option value=\"contract_end\">%s</option></select></div></div>",
		   tr(r, "forward.kind"), tr(r, "forward.boventallig"), tr(r, "forward.contract_end"));
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--text\"><div class=\"utrecht-form-field__label\">"
		      "<label class=\"utrecht-form-label\" for=\"uren\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"uren\" name=\"uren\" inputmode=\"decimal\" required></div></div>",
		   tr(r, "forward.hours"));
	buf_printf(b, "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
		   tr(r, "forward.days"));
	static const char *const day_keys[5] = {"effect.mon", "effect.tue", "effect.wed", "effect.thu", "effect.fri"};
	for (int d = 0; d < 5; d++)
		buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><p class=\"utrecht-form-field__label\">"
			      "<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"dag-%s\">"
			      "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"dag-%s\""
			      " name=\"dag_%s\" value=\"1\" checked> %s</label></p></div>",
			   day_codes[d], day_codes[d], day_codes[d], tr(r, day_keys[d]));
	buf_printf(b, "</fieldset><div class=\"utrecht-form-field utrecht-form-field--text\"><div class=\"utrecht-form-field__label\">"
		      "<label class=\"utrecht-form-label\" for=\"reistijd\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"reistijd\" name=\"reistijd\" inputmode=\"numeric\" value=\"30\" required></div></div>"
		      "<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><p class=\"utrecht-form-field__label\">"
		      "<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"toestemming\">"
		      "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"toestemming\""
		      " name=\"toestemming\" value=\"1\"> %s</label></p></div>"
		      "<p class=\"samen-form__actions\"><button class=\"utrecht-button utrecht-button--primary-action\""
		      " type=\"submit\">%s</button></p></form>",
		   tr(r, "forward.travel"), tr(r, "forward.consent"), tr(r, "forward.submit"));
	html_end(r, s);
}

int page_pool_forward_form(struct req *r, struct resp *s)
{
	render(r, s, NULL, 200);
	return 0;
}

int page_pool_forward(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_pool_entry e;
	memset(&e, 0, sizeof e);
	e.person_id = req_param_id(r, "person");
	/* The admin acts for the person's (first) board; others for their own. */
	e.board_id = r->user.board_id;
	if (r->user.role == ROLE_ADMIN) {
		size_t n = 0;
		people_person_boards(r->db, e.person_id, &e.board_id, 1, &n, NULL);
	}
	char kind[16] = "", hours[16] = "", travel[16] = "", consent[4] = "";
	form_get(r, "soort", kind, sizeof kind);
	form_get(r, "uren", hours, sizeof hours);
	form_get(r, "reistijd", travel, sizeof travel);
	form_get(r, "toestemming", consent, sizeof consent);
	if (strcmp(kind, "boventallig") != 0 && strcmp(kind, "contract_end") != 0) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "soort", "%s", tr(r, "forward.bad_kind"));
		render(r, s, &err, 400);
		return 0;
	}
	snprintf(e.kind, sizeof e.kind, "%s", kind);
	for (char *c = hours; *c; c++)
		if (*c == ',')
			*c = '.';
	char *end;
	double h = strtod(hours, &end);
	if (!hours[0] || *end || h <= 0 || h > 40) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "uren", "%s", tr(r, "forward.bad_hours"));
		render(r, s, &err, 400);
		return 0;
	}
	e.extra_hours = (int64_t)(h * 100 + 0.5);
	long t = strtol(travel, &end, 10);
	if (!travel[0] || *end || t < 0 || t > 240) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "reistijd", "%s", tr(r, "forward.bad_travel"));
		render(r, s, &err, 400);
		return 0;
	}
	e.max_travel = (int)t;
	for (int d = 0; d < 5; d++) {
		char name[16], v[4];
		snprintf(name, sizeof name, "dag_%s", day_codes[d]);
		if (form_get(r, name, v, sizeof v) && strcmp(v, "1") == 0)
			e.weekdays |= 1u << d;
	}
	if (!e.weekdays) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "dagen", "%s", tr(r, "forward.bad_days"));
		render(r, s, &err, 400);
		return 0;
	}
	char who_name[300];
	snprintf(who_name, sizeof who_name, "%s <%s>", r->user.name, r->user.email);
	struct match_actor who = {r->user.id, who_name};
	/* Without the confirmed consent match_pool_join refuses ("consent"): nobody joins unasked. */
	if (match_pool_join(r->db, &e, strcmp(consent, "1") == 0, &who, &err) != 0) {
		render(r, s, &err, err.code == SAMEN_EINVAL ? 400 : samen_code_http(err.code));
		return 0;
	}
	char back[48];
	snprintf(back, sizeof back, "/personen/%lld", (long long)e.person_id);
	resp_redirect(s, back);
	return 0;
}
