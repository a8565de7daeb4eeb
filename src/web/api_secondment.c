/*
 * api_secondment.c - the JSON API of secondments and the settlement
 * (docs/api/secondment.md):
 *
 *   GET  /api/v1/secondments                                 the ones the user may see
 *   POST /api/v1/secondments                                 create (by hand or from an offer)
 *   GET  /api/v1/secondments/{secondment}                    one, with agreement, VAT, reminders
 *   POST /api/v1/secondments/{secondment}/signatures         agree as a party {"party"}
 *   POST /api/v1/secondments/{secondment}/consent            {"note"}
 *   POST /api/v1/secondments/{secondment}/vat                {"confirm":["a"],"withdraw":[],
 *                                                             "via_koepel":false,
 *                                                             "education_type_work":false}
 *   GET  /api/v1/secondments/{secondment}/hours              entries and months (planned,
 *                                                             registered, cost)
 *   POST /api/v1/secondments/{secondment}/hours              {"date"|"week"|"month"|"from"+"to",
 *                                                             "hours", "km", "note"}
 *   POST /api/v1/secondments/{secondment}/hours/{entry}/corrections  {"hours", "km", "note"}
 *   GET  /api/v1/regions/{region}/settlement?period=P        per board, payments (no names)
 *   POST /api/v1/regions/{region}/periods                    close {"period"}
 *   GET  /api/v1/regions/{region}/give-and-take?period=P     hours lent/borrowed, expertise
 *   GET  /api/v1/boards/{board}/statement?period=P           the board's statement
 *
 * Hours are numbers with at most two decimals (or strings "7,5"); money is
 * in integer cents (fields ending in _cents). Rights as in
 * web/secondment_web.h; refusals carry the reason and the field.
 */
#include "core/costprice.h"
#include "store/audit.h"
#include "store/ledger.h"
#include "store/secondment.h"
#include "store/secondment_cal.h"
#include "util/date.h"
#include "web/handlers.h"
#include "web/secondment_web.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *mark_json(const struct secondment_mark *m)
{
	return m->set ? json_pack("{s:s,s:s}", "by", m->by, "at", m->at) : json_null();
}

static json_t *day_json(long day)
{
	char d[11];
	date_format(day, d);
	return json_string(d);
}

static json_t *hours_json(int64_t centihours)
{
	return json_real((double)centihours / 100.0);
}

json_t *secondment_json(struct req *r, const struct secondment_row *w);

json_t *secondment_json(struct req *r, const struct secondment_row *w)
{
	const struct secondment *sc = &w->s;
	int64_t weeks = 40, review = 12;
	store_ledger_setting(r->db, "secondment.weeks_per_year", &weeks, NULL);
	store_ledger_setting(r->db, "vat.review_months", &review, NULL);
	struct vat_settings vs = {2100, 500};
	store_ledger_vat_settings(r->db, &vs, NULL);
	long today = date_today();
	char days[32];
	secondment_weekdays_text(sc->weekdays, days, sizeof days);
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(sc->id));
	json_object_set_new(o, "region_id", json_integer(sc->region_id));
	json_object_set_new(o, "lender", json_pack("{s:I,s:s,s:s}", "id", (json_int_t)sc->lender_board_id,
						   "name", w->lender_name, "number", w->lender_number));
	json_object_set_new(o, "borrower", json_pack("{s:I,s:s,s:s,s:b}", "id",
						     (json_int_t)sc->borrower_board_id, "name",
						     w->borrower_name, "number", w->borrower_number,
						     "is_swv", w->borrower_is_swv));
	json_object_set_new(o, "school", sc->borrower_school_id
						 ? json_pack("{s:I,s:s}", "id", (json_int_t)sc->borrower_school_id,
							     "name", w->school_name)
						 : json_null());
	json_object_set_new(o, "person", json_pack("{s:I,s:s,s:s}", "id", (json_int_t)sc->person_id,
						   "first_name", w->first_name, "last_name", w->last_name));
	json_object_set_new(o, "offer_id", sc->offer_id ? json_integer(sc->offer_id) : json_null());
	json_object_set_new(o, "function", json_string(sc->function_title));
	json_object_set_new(o, "purpose", json_string(sc->purpose));
	json_object_set_new(o, "expertise", json_string(sc->expertise));
	json_object_set_new(o, "sickness", json_string(sc->sickness));
	json_object_set_new(o, "insurance", json_string(sc->insurance));
	json_object_set_new(o, "hours_per_week", hours_json(sc->hours_per_week));
	json_object_set_new(o, "weekdays", json_string(days));
	json_object_set_new(o, "werktijdfactor", json_real(secondment_wtf(sc->hours_per_week, (int)weeks)));
	json_object_set_new(o, "start", day_json(sc->start));
	json_object_set_new(o, "end", day_json(sc->end));
	json_object_set_new(o, "extension_due", day_json(secondment_extension_due(sc->end)));
	json_object_set_new(o, "km_per_week", json_integer(sc->km_per_week));
	json_object_set_new(o, "margin_bp", json_integer(sc->margin_bp));
	json_object_set_new(o, "state", json_string(secondment_state_name(secondment_state(sc, today))));
	json_object_set_new(o, "agreement", json_pack("{s:o,s:o,s:o,s:b}", "lender",
						      mark_json(&sc->sign[SECONDMENT_LENDER]), "borrower",
						      mark_json(&sc->sign[SECONDMENT_BORROWER]), "employee",
						      mark_json(&sc->sign[SECONDMENT_EMPLOYEE]), "complete",
						      secondment_signed(sc)));
	json_object_set_new(o, "consent", mark_json(&sc->consent));
	struct vat_input facts;
	struct vat_decision d;
	secondment_vat_facts(sc, w->borrower_is_swv, &facts);
	vat_decide(&facts, &vs, &d);
	char cat[2] = {d.category, '\0'};
	json_object_set_new(o, "vat", json_pack("{s:{s:o,s:o,s:o,s:o},s:b,s:b,s:b,s:s,s:i,s:s,s:i}",
						"conditions", "a", mark_json(&sc->vat[0]), "b",
						mark_json(&sc->vat[1]), "c", mark_json(&sc->vat[2]), "d",
						mark_json(&sc->vat[3]), "via_koepel", sc->via_koepel,
						"education_type_work", sc->education_type_work, "exempt",
						d.exempt, "category", cat, "rate_bp", (int)d.rate_bp,
						"reason", vat_reason_name(d.reason), "rule", d.rule));
	json_t *rem = json_array();
	struct secondment_reminder rm[5];
	int k = secondment_reminders(sc, today, (int)review, w->borrower_is_swv, rm);
	for (int i = 0; i < k; i++)
		json_array_append_new(rem, json_pack("{s:s,s:o,s:i}", "kind",
						     secondment_reminder_name(rm[i].kind), "due",
						     day_json(rm[i].due), "rule", rm[i].rule));
	json_object_set_new(o, "reminders", rem);
	return o;
}

static int load(struct req *r, struct secondment_row *w, struct secondment_rights *rt,
		struct samen_err *err)
{
	int rc = store_secondment_get(r->db, req_param_id(r, "secondment"), w, err);
	if (rc)
		return rc;
	secondment_rights_of(&r->user, w, rt);
	if (!rt->view)
		return samen_fail(err, SAMEN_EPERM, "no access to this secondment");
	return 0;
}

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = o ? json_object_get(o, key) : NULL;
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Hours (or km, whole numbers) from a JSON number or string; SAMEN_EINVAL naming the field. */
static int jhours(json_t *o, const char *key, bool required, bool whole, int64_t *out,
		  struct samen_err *err)
{
	json_t *v = o ? json_object_get(o, key) : NULL;
	*out = 0;
	if (!v || json_is_null(v)) {
		if (required)
			return samen_fail_at(err, SAMEN_EINVAL, 0, key, "%s is required", key);
		return 0;
	}
	if (json_is_number(v)) {
		double d = json_number_value(v);
		double c = round(d * 100.0);
		if (!isfinite(d) || fabs(d * 100.0 - c) > 1e-6 || c > 1e10 || c < -1e10)
			return samen_fail_at(err, SAMEN_EINVAL, 0, key,
					     "%s takes a number with at most two decimals", key);
		if (c < 0)
			return samen_fail_at(err, SAMEN_EINVAL, 0, key, "%s cannot be negative", key);
		*out = (int64_t)c;
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v);
		if (s[0] == '-')
			return samen_fail_at(err, SAMEN_EINVAL, 0, key, "%s cannot be negative", key);
		if (costprice_parse_hours(s, out))
			return samen_fail_at(err, SAMEN_EINVAL, 0, key,
					     "%s takes a number with at most two decimals", key);
	} else {
		return samen_fail_at(err, SAMEN_EINVAL, 0, key, "%s must be a number", key);
	}
	if (whole) {
		if (*out % 100)
			return samen_fail_at(err, SAMEN_EINVAL, 0, key, "%s must be a whole number", key);
		*out /= 100;
	}
	return 0;
}

static int jdate(json_t *o, const char *key, long *day, struct samen_err *err)
{
	const char *s = jstr(o, key);
	if (!s || date_parse(s, day))
		return samen_fail_at(err, SAMEN_EINVAL, 0, key, "%s must be a date YYYY-MM-DD", key);
	return 0;
}

/* Copy a string field into dst (n bytes); "" when absent. */
static void jcopy(json_t *o, const char *key, char *dst, size_t n)
{
	const char *v = jstr(o, key);
	snprintf(dst, n, "%s", v ? v : "");
}

static int64_t jint(json_t *o, const char *key)
{
	json_t *v = o ? json_object_get(o, key) : NULL;
	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

static int fail(struct resp *s, struct samen_err *err)
{
	resp_error(s, err);
	return 0;
}

int api_secondment_list(struct req *r, struct resp *s)
{
	const struct user *u = &r->user;
	struct secondment_filter f = {0};
	switch (u->role) {
	case ROLE_ADMIN: break;
	case ROLE_EXECUTIVE:
	case ROLE_HR: f.board_id = u->board_id; break;
	case ROLE_SCHOOL_LEADER: f.school_id = u->school_id; break;
	case ROLE_STAFF: f.person_id = u->person_id ? u->person_id : -1; break;
	case ROLE_COORDINATOR: f.person_id = -1; break;
	}
	struct samen_err err;
	samen_err_clear(&err);
	struct secondment_row *rows;
	size_t n;
	if (store_secondment_list(r->db, &f, &rows, &n, &err))
		return fail(s, &err);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, secondment_json(r, &rows[i]));
	free(rows);
	resp_json(s, 200, json_pack("{s:I,s:o}", "total", (json_int_t)n, "secondments", arr));
	return 0;
}

int api_secondment_create(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	json_t *b = r->json;
	struct secondment sc;
	memset(&sc, 0, sizeof sc);
	sc.lender_board_id = jint(b, "lender_board_id");
	if (r->user.role != ROLE_ADMIN) {
		if (sc.lender_board_id && sc.lender_board_id != r->user.board_id) {
			samen_fail_at(&err, SAMEN_EPERM, 0, "lender_board_id",
				      "only the employer (your own board) can second its staff");
			return fail(s, &err);
		}
		sc.lender_board_id = r->user.board_id;
	}
	sc.borrower_board_id = jint(b, "borrower_board_id");
	sc.borrower_school_id = jint(b, "borrower_school_id");
	sc.person_id = jint(b, "person_id");
	sc.offer_id = jint(b, "offer_id");
	jcopy(b, "function", sc.function_title, sizeof sc.function_title);
	jcopy(b, "purpose", sc.purpose, sizeof sc.purpose);
	jcopy(b, "expertise", sc.expertise, sizeof sc.expertise);
	jcopy(b, "sickness", sc.sickness, sizeof sc.sickness);
	jcopy(b, "insurance", sc.insurance, sizeof sc.insurance);
	const char *days = jstr(b, "weekdays");
	sc.weekdays = days ? secondment_weekdays_parse(days) : SECONDMENT_ALL_WEEKDAYS;
	sc.margin_bp = (int32_t)jint(b, "margin_bp");
	int rc = jhours(b, "hours_per_week", true, false, &sc.hours_per_week, &err);
	if (rc == 0)
		rc = jhours(b, "km_per_week", false, true, &sc.km_per_week, &err);
	if (rc == 0)
		rc = jdate(b, "start", &sc.start, &err);
	if (rc == 0)
		rc = jdate(b, "end", &sc.end, &err);
	if (rc == 0 && days && !sc.weekdays)
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "weekdays",
				   "weekdays takes days such as \"ma,di,do\" or \"mon-fri\"");
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	if (rc == 0)
		rc = store_secondment_add(r->db, &sc, &who, &err);
	if (rc)
		return fail(s, &err);
	struct secondment_row w;
	if (store_secondment_get(r->db, sc.id, &w, &err))
		return fail(s, &err);
	resp_json(s, 201, secondment_json(r, &w));
	return 0;
}

int api_secondment_get(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct secondment_row w;
	struct secondment_rights rt;
	if (load(r, &w, &rt, &err))
		return fail(s, &err);
	secondment_web_audit_read(r, &w, &rt);
	resp_json(s, 200, secondment_json(r, &w));
	return 0;
}

/* Answer with the secondment as it is now (after a change). */
static int reply(struct req *r, struct resp *s, int status)
{
	struct samen_err err;
	struct secondment_row w;
	if (store_secondment_get(r->db, req_param_id(r, "secondment"), &w, &err))
		return fail(s, &err);
	resp_json(s, status, secondment_json(r, &w));
	return 0;
}

int api_secondment_sign(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct secondment_row w;
	struct secondment_rights rt;
	if (load(r, &w, &rt, &err))
		return fail(s, &err);
	enum secondment_party party;
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	if (secondment_party_for(&rt, jstr(r->json, "party"), &party, &err) ||
	    store_secondment_sign(r->db, w.s.id, party, &who, &err))
		return fail(s, &err);
	return reply(r, s, 200);
}

int api_secondment_consent(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct secondment_row w;
	struct secondment_rights rt;
	if (load(r, &w, &rt, &err))
		return fail(s, &err);
	if (!rt.admin && !rt.lender) {
		samen_fail(&err, SAMEN_EPERM, "only the employer records consent");
		return fail(s, &err);
	}
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	if (store_secondment_consent(r->db, w.s.id, jstr(r->json, "note"), &who, &err))
		return fail(s, &err);
	return reply(r, s, 200);
}

/* Conditions named in an array of "a".."d"; -1 when malformed. */
static int conditions(json_t *a)
{
	if (!a || json_is_null(a))
		return 0;
	if (!json_is_array(a))
		return -1;
	int mask = 0;
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		const char *c = json_is_string(v) ? json_string_value(v) : "";
		if (strlen(c) != 1 || c[0] < 'a' || c[0] > 'd')
			return -1;
		mask |= 1 << (c[0] - 'a');
	}
	return mask;
}

int api_secondment_vat(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct secondment_row w;
	struct secondment_rights rt;
	if (load(r, &w, &rt, &err))
		return fail(s, &err);
	json_t *b = r->json;
	int on = conditions(b ? json_object_get(b, "confirm") : NULL);
	int off = conditions(b ? json_object_get(b, "withdraw") : NULL);
	if (on < 0 || off < 0) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, on < 0 ? "confirm" : "withdraw",
			      "conditions are listed as [\"a\", \"b\", \"c\", \"d\"] (rule 5)");
		return fail(s, &err);
	}
	for (int c = 0; c < 4; c++)
		if (((on | off) >> c & 1) && !secondment_may_confirm(&rt, c)) {
			samen_fail_at(&err, SAMEN_EPERM, 0, "confirm",
				      "condition %c is confirmed by the %s", 'a' + c,
				      c == 0 || c == 3 ? "lending board" : "borrowing board");
			return fail(s, &err);
		}
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	int rc = 0;
	for (int c = 0; rc == 0 && c < 4; c++) {
		if (on >> c & 1)
			rc = store_secondment_vat_confirm(r->db, w.s.id, c, true, &who, &err);
		if (rc == 0 && (off >> c & 1))
			rc = store_secondment_vat_confirm(r->db, w.s.id, c, false, &who, &err);
	}
	json_t *k = b ? json_object_get(b, "via_koepel") : NULL;
	json_t *e = b ? json_object_get(b, "education_type_work") : NULL;
	if (rc == 0 && (k || e)) {
		if ((k && !json_is_boolean(k)) || (e && !json_is_boolean(e)))
			rc = samen_fail_at(&err, SAMEN_EINVAL, 0, k && !json_is_boolean(k) ? "via_koepel"
											   : "education_type_work",
					   "must be true or false");
		else if (k && !rt.admin && !rt.lender)
			rc = samen_fail_at(&err, SAMEN_EPERM, 0, "via_koepel",
					   "the lending board records how it lends");
		else if (!rt.admin && !rt.lender && !rt.borrower)
			rc = samen_fail_at(&err, SAMEN_EPERM, 0, "education_type_work", "not a party");
		else
			rc = store_secondment_vat_facts(r->db, w.s.id, k ? json_is_true(k) : w.s.via_koepel,
							e ? json_is_true(e) : w.s.education_type_work,
							&who, &err);
	}
	if (rc)
		return fail(s, &err);
	return reply(r, s, 200);
}

static json_t *entry_json(const struct secondment_hours_row *h)
{
	json_t *o = json_pack("{s:I,s:o,s:o,s:s,s:o,s:I,s:o,s:I,s:s,s:s,s:s}", "id", (json_int_t)h->id,
			      "from", day_json(h->from), "to", day_json(h->to), "booked_month",
			      h->booked_month, "hours", hours_json(h->value_centihours), "km",
			      (json_int_t)h->value_km, "delta_hours", hours_json(h->delta_centihours),
			      "delta_km", (json_int_t)h->delta_km, "note", h->note, "created_at",
			      h->created_at, "created_by", h->created_by);
	json_object_set_new(o, "corrects", h->corrects_id ? json_integer(h->corrects_id) : json_null());
	json_object_set_new(o, "corrected_by", h->corrected_by ? json_integer(h->corrected_by) : json_null());
	return o;
}

int api_secondment_hours_list(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct secondment_row w;
	struct secondment_rights rt;
	if (load(r, &w, &rt, &err))
		return fail(s, &err);
	secondment_web_audit_read(r, &w, &rt);
	struct secondment_hours_row *h;
	size_t n;
	if (store_secondment_hours_list(r->db, w.s.id, &h, &n, &err))
		return fail(s, &err);
	json_t *entries = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(entries, entry_json(&h[i]));
	free(h);
	struct secondment_cal cal;
	if (secondment_cal_open(r->db, &cal, &err)) {
		json_decref(entries);
		return fail(s, &err);
	}
	long today = date_today();
	long until = w.s.end < today ? w.s.end : today;
	struct ledger_line *lines = NULL;
	size_t nl = 0;
	json_t *cost_error = json_null();
	if (until >= w.s.start &&
	    store_ledger_secondment_lines(r->db, &w, w.s.start, until, &lines, &nl, &err))
		cost_error = json_string(err.msg);
	json_t *months = json_array();
	char m[8], last[8];
	ledger_month_key(w.s.start, m);
	ledger_month_key(w.s.end, last);
	for (int guard = 0; strcmp(m, last) <= 0 && guard < 130; guard++) {
		long first, end;
		ledger_month_range(m, &first, &end);
		int64_t planned, reg = 0, km = 0;
		long days;
		secondment_planned(&w.s, first, end, secondment_cal_schoolday, &cal, &planned, &days);
		store_secondment_hours_total(r->db, w.s.id, first, end, &reg, &km, NULL);
		json_t *mo = json_pack("{s:s,s:o,s:I,s:o,s:I}", "month", m, "planned_hours",
				       hours_json(planned), "planned_days", (json_int_t)days,
				       "registered_hours", hours_json(reg), "registered_km", (json_int_t)km);
		for (size_t i = 0; i < nl; i++)
			if (strcmp(lines[i].month, m) == 0) {
				char cat[2] = {lines[i].vat.category, '\0'};
				json_object_set_new(mo, "booked_hours", hours_json(lines[i].centihours));
				json_object_set_new(mo, "total_cents", json_integer(lines[i].amounts.total_cents));
				json_object_set_new(mo, "vat_category", json_string(cat));
			}
		json_array_append_new(months, mo);
		ledger_month_key(end + 1, m);
	}
	free(lines);
	secondment_cal_close(&cal);
	resp_json(s, 200, json_pack("{s:I,s:o,s:o,s:o}", "secondment_id", (json_int_t)w.s.id, "entries",
				    entries, "months", months, "cost_error", cost_error));
	return 0;
}

int api_secondment_hours_add(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct secondment_row w;
	struct secondment_rights rt;
	if (load(r, &w, &rt, &err))
		return fail(s, &err);
	if (!rt.admin && !rt.lender && !rt.borrower) {
		samen_fail(&err, SAMEN_EPERM, "only the lending or borrowing board registers hours");
		return fail(s, &err);
	}
	json_t *b = r->json;
	int64_t h, km;
	int rc = jhours(b, "hours", true, false, &h, &err);
	if (rc == 0)
		rc = jhours(b, "km", false, true, &km, &err);
	struct secondment_cal cal;
	if (rc == 0)
		rc = secondment_cal_open(r->db, &cal, &err);
	if (rc)
		return fail(s, &err);
	struct secondment_entry e[2];
	int ne = 1;
	if (jstr(b, "week")) {
		int y, wk;
		char tail;
		if (sscanf(jstr(b, "week"), "%4d-W%2d%c", &y, &wk, &tail) != 2)
			rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "week", "week takes YYYY-Www, e.g. 2026-W41");
		else
			rc = secondment_week_entries(&w.s, y, wk, h, km, secondment_cal_schoolday, &cal, e,
						     &ne, &err);
	} else if (jstr(b, "month")) {
		rc = secondment_month_entry(&w.s, jstr(b, "month"), h, km, &e[0], &err);
	} else if (jstr(b, "date")) {
		rc = jdate(b, "date", &e[0].from, &err);
		e[0].to = e[0].from;
		e[0].centihours = h;
		e[0].km = km;
	} else if (jstr(b, "from")) {
		rc = jdate(b, "from", &e[0].from, &err);
		if (rc == 0)
			rc = jdate(b, "to", &e[0].to, &err);
		e[0].centihours = h;
		e[0].km = km;
	} else {
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "date",
				   "say when: date, week, month, or from and to");
	}
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	int64_t ids[2] = {0, 0};
	for (int i = 0; rc == 0 && i < ne; i++)
		rc = store_secondment_hours_add(r->db, w.s.id, &e[i], jstr(b, "note"),
						secondment_cal_schoolday, &cal, &who, &ids[i], &err);
	secondment_cal_close(&cal);
	if (rc)
		return fail(s, &err);
	json_t *arr = json_array();
	struct secondment_hours_row *hl;
	size_t n;
	if (store_secondment_hours_list(r->db, w.s.id, &hl, &n, &err) == 0) {
		for (size_t i = 0; i < n; i++)
			if (hl[i].id == ids[0] || hl[i].id == ids[1])
				json_array_append_new(arr, entry_json(&hl[i]));
		free(hl);
	}
	resp_json(s, 201, json_pack("{s:o}", "entries", arr));
	return 0;
}

int api_secondment_hours_correct(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct secondment_row w;
	struct secondment_rights rt;
	if (load(r, &w, &rt, &err))
		return fail(s, &err);
	if (!rt.admin && !rt.lender && !rt.borrower) {
		samen_fail(&err, SAMEN_EPERM, "only the lending or borrowing board corrects hours");
		return fail(s, &err);
	}
	int64_t entry = req_param_id(r, "entry");
	struct secondment_hours_row *hl;
	size_t n;
	if (store_secondment_hours_list(r->db, w.s.id, &hl, &n, &err))
		return fail(s, &err);
	int64_t old_km = -1;
	for (size_t i = 0; i < n; i++)
		if (hl[i].id == entry)
			old_km = hl[i].value_km;
	free(hl);
	if (old_km < 0) {
		samen_fail_at(&err, SAMEN_ENOTFOUND, 0, "entry", "no entry %lld of this secondment",
			      (long long)entry);
		return fail(s, &err);
	}
	json_t *b = r->json;
	int64_t h, km = old_km;
	int rc = jhours(b, "hours", true, false, &h, &err);
	if (rc == 0 && b && json_object_get(b, "km"))
		rc = jhours(b, "km", false, true, &km, &err);
	struct secondment_cal cal;
	if (rc == 0)
		rc = secondment_cal_open(r->db, &cal, &err);
	if (rc)
		return fail(s, &err);
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	int64_t id;
	rc = store_secondment_hours_correct(r->db, entry, h, km, jstr(b, "note"), secondment_cal_schoolday,
					    &cal, &who, &id, &err);
	secondment_cal_close(&cal);
	if (rc)
		return fail(s, &err);
	if (store_secondment_hours_list(r->db, w.s.id, &hl, &n, &err))
		return fail(s, &err);
	json_t *o = json_null();
	for (size_t i = 0; i < n; i++)
		if (hl[i].id == id) {
			json_decref(o);
			o = entry_json(&hl[i]);
		}
	free(hl);
	resp_json(s, 201, json_pack("{s:o}", "entry", o));
	return 0;
}

/* ---- settlement ---- */

static int period_param(struct req *r, struct ledger_period *p, struct samen_err *err)
{
	const char *q = r->query(r, "period");
	if (!q || !*q)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "period",
				     "period is required: a month (2026-10), a quarter (2026-Q4) or a "
				     "school year (2026-2027)");
	return ledger_period_parse(q, p, err);
}

static json_t *boards_json(const struct ledger_settlement *st)
{
	json_t *a = json_array();
	for (size_t i = 0; i < st->nboards; i++)
		json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:I,s:I,s:I}", "id",
						   (json_int_t)st->boards[i].id, "name", st->boards[i].name,
						   "number", st->boards[i].number, "receivable_cents",
						   (json_int_t)st->bal[i].receivable, "payable_cents",
						   (json_int_t)st->bal[i].payable, "net_cents",
						   (json_int_t)st->bal[i].net));
	return a;
}

static json_t *give_take_json(const struct ledger_settlement *st)
{
	json_t *a = json_array();
	struct ledger_give_take *gt = calloc(st->nboards ? st->nboards : 1, sizeof *gt);
	if (!gt)
		return a;
	ledger_give_take(st->lines, st->nlines, st->board_ids, st->nboards, gt);
	for (size_t i = 0; i < st->nboards; i++)
		json_array_append_new(a, json_pack("{s:I,s:s,s:o,s:o,s:I,s:I}", "board_id",
						   (json_int_t)gt[i].board, "name", st->boards[i].name,
						   "hours_lent", hours_json(gt[i].lent_centihours),
						   "hours_borrowed", hours_json(gt[i].borrowed_centihours),
						   "lent_cents", (json_int_t)gt[i].lent_cents,
						   "borrowed_cents", (json_int_t)gt[i].borrowed_cents));
	free(gt);
	return a;
}

static json_t *expertise_json(const struct ledger_settlement *st)
{
	json_t *a = json_array();
	struct ledger_expertise *ex;
	size_t n;
	if (ledger_expertise(st->lines, st->nlines, &ex, &n, NULL) == 0) {
		for (size_t i = 0; i < n; i++)
			json_array_append_new(a, json_pack("{s:s,s:o}", "expertise", ex[i].tag, "hours",
							   hours_json(ex[i].centihours)));
		free(ex);
	}
	return a;
}

int api_settlement_region(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct ledger_period p;
	struct ledger_settlement st;
	if (period_param(r, &p, &err) || store_ledger_settle(r->db, req_param_id(r, "region"), &p, &st, &err))
		return fail(s, &err);
	json_t *pay = json_array();
	for (size_t i = 0; i < st.npay; i++)
		json_array_append_new(pay, json_pack("{s:I,s:I,s:I}", "from", (json_int_t)st.pay[i].from,
						     "to", (json_int_t)st.pay[i].to, "cents",
						     (json_int_t)st.pay[i].cents));
	int64_t sum = 0;
	for (size_t i = 0; i < st.nboards; i++)
		sum += st.bal[i].net;
	resp_json(s, 200, json_pack("{s:s,s:b,s:I,s:I,s:o,s:o,s:I,s:o,s:o}", "period", p.key, "closed",
				    st.closed, "invoices", (json_int_t)st.ninv, "lines",
				    (json_int_t)st.nlines, "boards", boards_json(&st), "payments", pay,
				    "net_sum_cents", (json_int_t)sum, "give_and_take", give_take_json(&st),
				    "expertise", expertise_json(&st)));
	store_ledger_settlement_free(&st);
	return 0;
}

int api_give_take(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct ledger_period p;
	struct ledger_settlement st;
	if (period_param(r, &p, &err) || store_ledger_settle(r->db, req_param_id(r, "region"), &p, &st, &err))
		return fail(s, &err);
	resp_json(s, 200, json_pack("{s:s,s:o,s:o}", "period", p.key, "boards", give_take_json(&st),
				    "expertise", expertise_json(&st)));
	store_ledger_settlement_free(&st);
	return 0;
}

int api_settlement_close(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct ledger_period p;
	const char *key = jstr(r->json, "period");
	char actor[256];
	struct secondment_actor who = secondment_actor_of(r, actor, sizeof actor);
	size_t frozen = 0;
	if (ledger_period_parse(key, &p, &err) ||
	    store_ledger_close(r->db, req_param_id(r, "region"), &p, date_today(), &who, &frozen, &err))
		return fail(s, &err);
	resp_json(s, 201, json_pack("{s:s,s:I}", "period", p.key, "frozen_lines", (json_int_t)frozen));
	return 0;
}

int api_settlement_board(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t board = req_param_id(r, "board");
	struct ledger_period p;
	struct ledger_settlement st;
	int64_t region = 0;
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)board);
	const char *pp[] = {id};
	if (period_param(r, &p, &err))
		return fail(s, &err);
	if (db_query_int(r->db, "SELECT region_id FROM board WHERE id = CAST($1 AS INTEGER)", 1, pp,
			 &region, &err))
		return fail(s, &err);
	if (store_ledger_settle(r->db, region, &p, &st, &err))
		return fail(s, &err);
	struct ledger_item *items;
	size_t n;
	int64_t net;
	if (ledger_statement(board, st.lines, st.inv, st.ninv, st.pay, st.npay, &items, &n, &net, &err)) {
		store_ledger_settlement_free(&st);
		return fail(s, &err);
	}
	static const char *const kinds[] = {"", "line", "vat", "invoice", "net", "payment"};
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct ledger_item *it = &items[i];
		json_t *o = json_pack("{s:s,s:I,s:I}", "kind", kinds[it->kind], "cents", (json_int_t)it->cents,
				      "running_cents", (json_int_t)it->running);
		json_object_set_new(o, "counterparty", it->counterparty ? json_integer(it->counterparty) : json_null());
		if (it->kind == LEDGER_ITEM_LINE) {
			const struct ledger_line *l = &st.lines[it->line];
			char cat[2] = {l->vat.category, '\0'};
			json_object_set_new(o, "secondment_id", json_integer(l->secondment_id));
			json_object_set_new(o, "person", json_string(l->person));
			json_object_set_new(o, "month", json_string(l->month));
			json_object_set_new(o, "hours", hours_json(l->centihours));
			json_object_set_new(o, "km", json_integer(l->km));
			json_object_set_new(o, "vat_category", json_string(cat));
			json_object_set_new(o, "vat_reason", json_string(vat_reason_name(l->vat.reason)));
		}
		json_array_append_new(arr, o);
	}
	free(items);
	long bi = store_ledger_board_index(&st, board);
	resp_json(s, 200, json_pack("{s:s,s:b,s:I,s:I,s:o}", "period", p.key, "closed", st.closed,
				    "board_id", (json_int_t)board, "net_cents",
				    (json_int_t)(bi >= 0 ? st.bal[bi].net : net), "items", arr));
	char detail[64];
	snprintf(detail, sizeof detail, "settlement statement %s", p.key);
	audit_add(r->db, r->user.id, r->user.email, "read", "statement", id, r->user.board_id, detail, NULL);
	store_ledger_settlement_free(&st);
	return 0;
}
