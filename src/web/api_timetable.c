/*
 * api_timetable.c - the JSON API of the timetable and matching settings
 * (issue 4; the screens are page_timetable.c; docs/match.md "API"):
 *   GET/PUT    /api/v1/schools/{school}/bells                bell schedule, lesson length, cap
 *   GET        /api/v1/schools/{school}/teacher-codes        the school's teacher codes
 *   PUT/DELETE /api/v1/schools/{school}/teacher-codes/{code} set or remove one code
 *   POST       /api/v1/schools/{school}/timetable/import     Untis/Zermelo upload (multipart
 *                                                            or JSON), "dry_run" to only check
 *   GET/PUT    /api/v1/regions/{region}/match-settings       speed, weeks per year, offer days
 *   GET        /api/v1/regions/{region}/travel-times         imported travel times
 *   POST       /api/v1/regions/{region}/travel-times/import  travel CSV (text/csv, multipart
 *                                                            field "file", or JSON {"csv": ...})
 * Same rules as the screens: the school routes are for the school leader of
 * the school, HR and the executive of its board and the admin; the region
 * settings are read by the region and changed by the coordinator and the
 * admin. The two upload routes take raw bodies (no RF_JSON) so that they can
 * be multipart; they parse a JSON body themselves. Uploads are all or
 * nothing; a refusal lists every problem: {"error": {...}, "problems":
 * [{"file", "line", "field", "message"}], "problems_total": N}.
 */
#include "store/people.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/timetable_web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The school of the path, after the edit check: 0 or SAMEN_EPERM / SAMEN_ENOTFOUND / SAMEN_EDB. */
static int school_of(struct req *r, int64_t *school_id)
{
	struct samen_err e;
	samen_err_clear(&e);
	*school_id = req_param_id(r, "school");
	bool ok = false;
	int rc = timetable_web_may_edit(r, *school_id, &ok, &e);
	if (rc)
		return rc;
	return ok ? 0 : SAMEN_EPERM;
}

static int bad(struct resp *s, struct samen_err *e, int code, const char *field, const char *msg)
{
	samen_fail_at(e, code, 0, field, "%s", msg);
	resp_error(s, e);
	return 0;
}

/* ---- bells ---- */

static int bells_json(struct req *r, struct resp *s, int64_t school_id, int status)
{
	struct samen_err e;
	samen_err_clear(&e);
	struct bell_schedule b;
	int rc = timetable_store_bells(r->db, school_id, &b, &e);
	if (rc && rc != SAMEN_ENOTFOUND)
		return rc;
	bool have = rc == 0;
	int lesson = 50, stored = 0;
	double cap = 720;
	samen_err_clear(&e);
	rc = timetable_store_school_settings(r->db, school_id, &lesson, &cap, &stored, &e);
	if (rc)
		return rc;
	long untis = 0, zermelo = 0, other = 0;
	rc = timetable_store_lesson_counts(r->db, school_id, &untis, &zermelo, &other, &e);
	if (rc)
		return rc;
	json_t *periods = json_array();
	char text[512] = "";
	if (have) {
		lesson = b.lesson_minutes;
		for (int p = 1; p <= b.nperiods; p++) {
			char st[8], en[8];
			timetable_web_hhmm(b.start_min[p], st);
			timetable_web_hhmm(b.end_min[p], en);
			json_array_append_new(periods, json_pack("{s:i,s:s,s:s}", "period", p, "start", st,
								 "end", en));
		}
		if (bell_schedule_format(&b, text, sizeof text, NULL) != 0)
			text[0] = '\0';
	}
	resp_json(s, status,
		  json_pack("{s:I,s:o,s:s,s:i,s:f,s:{s:i,s:i,s:i}}", "school_id", (json_int_t)school_id,
			    "periods", periods, "schedule", text, "lesson_minutes", lesson,
			    "teaching_cap", cap, "lessons", "untis", (int)untis, "zermelo",
			    (int)zermelo, "other", (int)other));
	return 0;
}

int api_timetable_bells_get(struct req *r, struct resp *s)
{
	int64_t school_id;
	int rc = school_of(r, &school_id);
	return rc ? rc : bells_json(r, s, school_id, 200);
}

/* Copy a JSON string or integer member into out; false when absent or another type. */
static bool jtext(json_t *o, const char *key, char *out, size_t n)
{
	json_t *v = json_object_get(o, key);
	if (json_is_string(v)) {
		if (json_string_length(v) >= n)
			return false;
		snprintf(out, n, "%s", json_string_value(v));
		return true;
	}
	if (json_is_integer(v)) {
		snprintf(out, n, "%lld", (long long)json_integer_value(v));
		return true;
	}
	return false;
}

int api_timetable_bells_put(struct req *r, struct resp *s)
{
	int64_t school_id;
	int rc = school_of(r, &school_id);
	if (rc)
		return rc;
	struct samen_err e;
	samen_err_clear(&e);
	json_t *body = r->json;
	if (!body)
		return bad(s, &e, SAMEN_EINVAL, "body", "send a JSON object with periods or schedule");
	int lesson = 0;
	double cap = 0;
	json_t *lm = json_object_get(body, "lesson_minutes");
	if (lm) {
		if (!json_is_integer(lm) || json_integer_value(lm) < 20 || json_integer_value(lm) > 120)
			return bad(s, &e, SAMEN_EINVAL, "lesson_minutes",
				   "lesson_minutes must be a whole number 20 to 120");
		lesson = (int)json_integer_value(lm);
	}
	json_t *tc = json_object_get(body, "teaching_cap");
	if (tc) {
		if (!json_is_number(tc) || json_number_value(tc) < 1 || json_number_value(tc) > 1659)
			return bad(s, &e, SAMEN_EINVAL, "teaching_cap",
				   "teaching_cap must be 1 to 1659 clock hours per fte-year");
		cap = json_number_value(tc);
	}
	struct bell_schedule b;
	json_t *periods = json_object_get(body, "periods");
	json_t *schedule = json_object_get(body, "schedule");
	if (periods && schedule)
		return bad(s, &e, SAMEN_EINVAL, "periods", "give periods or schedule, not both");
	if (json_is_string(schedule)) {
		char text[1024];
		if (json_string_length(schedule) >= sizeof text - 16)
			return bad(s, &e, SAMEN_EINVAL, "schedule", "the schedule is too long");
		snprintf(text, sizeof text, "%s", json_string_value(schedule));
		if (lesson && !strstr(text, "lesson="))
			snprintf(text + strlen(text), sizeof text - strlen(text), ",lesson=%d", lesson);
		rc = bell_schedule_parse(text, &b, &e);
		if (rc == 0 && (b.lesson_minutes < 20 || b.lesson_minutes > 120))
			rc = samen_fail_at(&e, SAMEN_EINVAL, 0, "lesson_minutes",
					   "a lesson lasts 20 to 120 minutes, not %d", b.lesson_minutes);
	} else if (json_is_array(periods)) {
		size_t n = json_array_size(periods);
		if (n == 0 || n > BELL_MAX_PERIODS)
			return bad(s, &e, SAMEN_EINVAL, "periods", "give 1 to 16 periods");
		struct timetable_bell_row rows[BELL_MAX_PERIODS];
		memset(rows, 0, sizeof rows);
		for (size_t i = 0; i < n; i++) {
			json_t *p = json_array_get(periods, i);
			char field[32];
			snprintf(field, sizeof field, "periods[%zu]", i);
			if (!json_is_object(p) || !jtext(p, "period", rows[i].period, sizeof rows[i].period) ||
			    !jtext(p, "start", rows[i].start, sizeof rows[i].start) ||
			    !jtext(p, "end", rows[i].end, sizeof rows[i].end))
				return bad(s, &e, SAMEN_EINVAL, field,
					   "each period is {\"period\": N, \"start\": \"HH:MM\", \"end\": \"HH:MM\"}");
		}
		rc = timetable_web_bells_from_rows(rows, n, lesson, &b, &e);
	} else {
		return bad(s, &e, SAMEN_EINVAL, "periods",
			   "give periods (an array) or schedule (\"1=08:30-09:20,...\")");
	}
	char actor[200];
	timetable_web_actor(r, actor, sizeof actor);
	if (rc == 0)
		rc = timetable_store_settings_set(r->db, school_id, &b, cap, actor, &e);
	if (rc == SAMEN_EINVAL) {
		resp_error(s, &e);
		return 0;
	}
	if (rc)
		return rc;
	return bells_json(r, s, school_id, 200);
}

/* ---- teacher codes ---- */

static int codes_json(struct req *r, struct resp *s, int64_t school_id, int status)
{
	struct samen_err e;
	samen_err_clear(&e);
	struct timetable_code_row *codes = NULL;
	size_t n = 0;
	int rc = timetable_store_codes_list(r->db, school_id, &codes, &n, &e);
	if (rc)
		return rc;
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s,s:I,s:s,s:s}", "code", codes[i].code,
						   "person_id", (json_int_t)codes[i].person_id, "name",
						   codes[i].name, "employee_number",
						   codes[i].employee_number));
	free(codes);
	resp_json(s, status, json_pack("{s:I,s:o}", "school_id", (json_int_t)school_id, "codes", a));
	return 0;
}

int api_timetable_codes_get(struct req *r, struct resp *s)
{
	int64_t school_id;
	int rc = school_of(r, &school_id);
	return rc ? rc : codes_json(r, s, school_id, 200);
}

int api_timetable_code_put(struct req *r, struct resp *s)
{
	int64_t school_id;
	int rc = school_of(r, &school_id);
	if (rc)
		return rc;
	struct samen_err e;
	samen_err_clear(&e);
	const char *code = req_param(r, "code");
	char empno[64] = "";
	json_t *body = r->json;
	if (!body)
		return bad(s, &e, SAMEN_EINVAL, "body",
			   "send {\"employee_number\": \"...\"} or {\"person_id\": N}");
	json_t *pid = json_object_get(body, "person_id");
	if (jtext(body, "employee_number", empno, sizeof empno)) {
		/* given */
	} else if (json_is_integer(pid)) {
		struct timetable_staff_row *staff = NULL;
		size_t n = 0;
		rc = timetable_store_board_staff(r->db, school_id, r->user.role == ROLE_SCHOOL_LEADER,
						 &staff, &n, &e);
		if (rc)
			return rc;
		for (size_t i = 0; i < n; i++)
			if (staff[i].person_id == json_integer_value(pid))
				snprintf(empno, sizeof empno, "%s", staff[i].employee_number);
		free(staff);
		if (!empno[0])
			return bad(s, &e, SAMEN_EINVAL, "person_id",
				   "that person is not employed by the school's board (school"
				   " leaders: not assigned to the school; give employee_number)");
	} else {
		return bad(s, &e, SAMEN_EINVAL, "employee_number",
			   "send {\"employee_number\": \"...\"} or {\"person_id\": N}");
	}
	char actor[200];
	timetable_web_actor(r, actor, sizeof actor);
	rc = timetable_store_code_set_employee(r->db, school_id, code, empno, actor, NULL, &e);
	if (rc == SAMEN_EINVAL) {
		resp_error(s, &e);
		return 0;
	}
	if (rc)
		return rc;
	return codes_json(r, s, school_id, 200);
}

int api_timetable_code_delete(struct req *r, struct resp *s)
{
	int64_t school_id;
	int rc = school_of(r, &school_id);
	if (rc)
		return rc;
	struct samen_err e;
	samen_err_clear(&e);
	char actor[200];
	timetable_web_actor(r, actor, sizeof actor);
	rc = timetable_store_code_delete(r->db, school_id, req_param(r, "code"), actor, &e);
	if (rc == SAMEN_ENOTFOUND) {
		resp_error(s, &e);
		return 0;
	}
	if (rc)
		return rc;
	return codes_json(r, s, school_id, 200);
}

/* ---- uploads ---- */

static bool is_json_body(const struct req *r)
{
	const char *ct = r->header ? r->header(r, "Content-Type") : NULL;
	return ct && strncasecmp(ct, "application/json", 16) == 0;
}

/* A JSON body of an upload route (they are not RF_JSON); writes the error itself. */
static json_t *load_json(struct req *r, struct resp *s)
{
	json_error_t jerr;
	json_t *j = json_loadb(buf_str(&r->body), r->body.len, JSON_REJECT_DUPLICATES, &jerr);
	if (!j || !json_is_object(j)) {
		struct samen_err e;
		samen_err_clear(&e);
		samen_fail_at(&e, SAMEN_EINVAL, jerr.line > 0 ? jerr.line : 1, "body",
			      "request body is not a JSON object: %s",
			      j ? "top level must be an object" : jerr.text);
		json_decref(j);
		resp_error(s, &e);
		return NULL;
	}
	return j;
}

/* A string member of j, or a JSON value (Zermelo data) dumped to text; *out owned by caller. */
static int json_member_text(json_t *j, const char *key, char **out, size_t *len,
			    struct samen_err *e)
{
	*out = NULL;
	*len = 0;
	json_t *v = json_object_get(j, key);
	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v)) {
		*len = json_string_length(v);
		*out = malloc(*len + 1);
		if (!*out)
			return samen_fail(e, SAMEN_ENOMEM, "out of memory");
		memcpy(*out, json_string_value(v), *len + 1);
		if (memchr(*out, '\0', *len))
			return samen_fail_at(e, SAMEN_EINVAL, 0, key, "the text holds a NUL byte");
		return 0;
	}
	if (json_is_object(v) || json_is_array(v)) {
		*out = json_dumps(v, JSON_COMPACT);
		if (!*out)
			return samen_fail(e, SAMEN_ENOMEM, "out of memory");
		*len = strlen(*out);
		return 0;
	}
	return samen_fail_at(e, SAMEN_EINVAL, 0, key, "must be a string");
}

static void problems_json(json_t *out, const struct timetable_problems *p, const char *file,
			  const struct samen_err *e)
{
	json_t *a = json_array();
	size_t shown = p->n < TIMETABLE_MAX_PROBLEMS ? p->n : TIMETABLE_MAX_PROBLEMS;
	for (size_t i = 0; i < shown; i++) {
		const struct timetable_problem *q = &p->items[i];
		json_t *o = json_pack("{s:s,s:s,s:s}", "file", file, "field", q->field, "message",
				      q->msg);
		if (q->line > 0)
			json_object_set_new(o, "line", json_integer(q->line));
		json_array_append_new(a, o);
	}
	if (shown == 0 && e->code) {
		json_t *o = json_pack("{s:s,s:s,s:s}", "file", file, "field", e->field, "message",
				      e->msg);
		if (e->line > 0)
			json_object_set_new(o, "line", json_integer(e->line));
		json_array_append_new(a, o);
	}
	json_object_set_new(out, "problems", a);
	json_object_set_new(out, "problems_total", json_integer((json_int_t)(shown ? p->n : 1)));
}

int api_timetable_import(struct req *r, struct resp *s)
{
	int64_t school_id;
	int rc = school_of(r, &school_id);
	if (rc)
		return rc;
	struct samen_err e;
	samen_err_clear(&e);
	char *g1 = NULL, *g4 = NULL, *cf = NULL, *zm = NULL;
	struct timetable_upload u = {0};
	if (is_json_body(r)) {
		json_t *j = load_json(r, s);
		if (!j)
			return 0;
		rc = json_member_text(j, "gpu001", &g1, &u.gpu001_len, &e);
		if (rc == 0)
			rc = json_member_text(j, "gpu004", &g4, &u.gpu004_len, &e);
		if (rc == 0)
			rc = json_member_text(j, "codes", &cf, &u.codes_len, &e);
		if (rc == 0)
			rc = json_member_text(j, "zermelo", &zm, &u.zermelo_len, &e);
		u.dry_run = json_is_true(json_object_get(j, "dry_run"));
		json_decref(j);
	} else {
		rc = timetable_web_form_file(r, "gpu001", &g1, &u.gpu001_len, &e);
		if (rc == 0)
			rc = timetable_web_form_file(r, "gpu004", &g4, &u.gpu004_len, &e);
		if (rc == 0)
			rc = timetable_web_form_file(r, "codes", &cf, &u.codes_len, &e);
		if (rc == 0)
			rc = timetable_web_form_file(r, "zermelo", &zm, &u.zermelo_len, &e);
		char dry[8];
		u.dry_run = form_get(r, "dry_run", dry, sizeof dry) &&
			    (strcmp(dry, "1") == 0 || strcmp(dry, "true") == 0);
	}
	u.gpu001 = g1;
	u.gpu004 = g4;
	u.codes = cf;
	u.zermelo = zm;
	struct timetable_problems *probs = calloc(1, sizeof *probs);
	if (rc == 0 && !probs)
		rc = samen_fail(&e, SAMEN_ENOMEM, "out of memory");
	struct timetable_import_stats st = {0};
	const char *source = "", *file = "";
	char actor[200];
	timetable_web_actor(r, actor, sizeof actor);
	if (rc == 0)
		rc = timetable_web_import(r->db, school_id, &u, actor, &source, &file, &st, probs, &e);
	free(g1);
	free(g4);
	free(cf);
	free(zm);
	if (rc == SAMEN_EINVAL || rc == SAMEN_ETOOBIG) {
		json_t *err = json_object();
		json_object_set_new(err, "code", json_string(samen_code_name(e.code)));
		json_object_set_new(err, "message", json_string(e.msg));
		if (e.field[0])
			json_object_set_new(err, "field", json_string(e.field));
		if (e.line > 0)
			json_object_set_new(err, "line", json_integer(e.line));
		if (file[0])
			json_object_set_new(err, "file", json_string(file));
		json_t *out = json_pack("{s:o}", "error", err);
		if (probs)
			problems_json(out, probs, file, &e);
		resp_json(s, samen_code_http(rc), out);
		rc = 0;
	} else if (rc == 0) {
		resp_json(s, u.dry_run ? 200 : 201,
			  json_pack("{s:I,s:s,s:b,s:I,s:I,s:I,s:I}", "school_id", (json_int_t)school_id,
				    "source", source, "dry_run", u.dry_run, "lessons",
				    (json_int_t)st.lessons, "replaced", (json_int_t)st.replaced,
				    "teachers", (json_int_t)st.teachers, "codes", (json_int_t)st.codes));
	}
	free(probs);
	return rc;
}

/* ---- region settings and travel times ---- */

static int settings_json(struct req *r, struct resp *s, int status)
{
	int64_t region_id = req_param_id(r, "region");
	struct samen_err e;
	samen_err_clear(&e);
	struct timetable_region_settings set;
	int rc = timetable_store_region_settings(r->db, region_id, &set, &e);
	if (rc)
		return rc;
	resp_json(s, status,
		  json_pack("{s:I,s:f,s:i,s:i,s:b}", "region_id", (json_int_t)region_id, "speed_kmh",
			    set.speed_kmh, "weeks_per_year", set.weeks_per_year, "offer_days",
			    set.offer_days, "stored", set.stored));
	return 0;
}

int api_match_settings_get(struct req *r, struct resp *s)
{
	return settings_json(r, s, 200);
}

int api_match_settings_put(struct req *r, struct resp *s)
{
	int64_t region_id = req_param_id(r, "region");
	struct samen_err e;
	samen_err_clear(&e);
	struct timetable_region_settings cur;
	int rc = timetable_store_region_settings(r->db, region_id, &cur, &e);
	if (rc)
		return rc;
	json_t *body = r->json;
	if (!body)
		return bad(s, &e, SAMEN_EINVAL, "body",
			   "send speed_kmh, weeks_per_year and/or offer_days");
	json_t *sp = json_object_get(body, "speed_kmh"), *wk = json_object_get(body, "weeks_per_year"),
	       *od = json_object_get(body, "offer_days");
	if (sp && !json_is_number(sp))
		return bad(s, &e, SAMEN_EINVAL, "speed_kmh", "speed_kmh must be a number");
	if (wk && !json_is_integer(wk))
		return bad(s, &e, SAMEN_EINVAL, "weeks_per_year", "weeks_per_year must be a whole number");
	if (od && !json_is_integer(od))
		return bad(s, &e, SAMEN_EINVAL, "offer_days", "offer_days must be a whole number");
	double speed = sp ? json_number_value(sp) : cur.speed_kmh;
	json_int_t weeks = wk ? json_integer_value(wk) : cur.weeks_per_year;
	json_int_t days = od ? json_integer_value(od) : cur.offer_days;
	if (weeks < 0 || weeks > 1000)
		weeks = 0;
	if (days < 0 || days > 1000)
		days = 0;
	char actor[200];
	timetable_web_actor(r, actor, sizeof actor);
	rc = timetable_store_region_settings_set(r->db, region_id, speed, (int)weeks, (int)days,
						 actor, &e);
	if (rc == SAMEN_EINVAL) {
		/* name the API's field, not the store's short name */
		if (strcmp(e.field, "speed") == 0)
			snprintf(e.field, sizeof e.field, "speed_kmh");
		else if (strcmp(e.field, "weeks") == 0)
			snprintf(e.field, sizeof e.field, "weeks_per_year");
		resp_error(s, &e);
		return 0;
	}
	if (rc)
		return rc;
	return settings_json(r, s, 200);
}

int api_travel_times_get(struct req *r, struct resp *s)
{
	int64_t region_id = req_param_id(r, "region");
	struct samen_err e;
	samen_err_clear(&e);
	struct timetable_travel_row *rows = NULL;
	size_t n = 0;
	int rc = timetable_store_travel_list(r->db, region_id, &rows, &n, &e);
	if (rc)
		return rc;
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s,s:s,s:I,s:s,s:s,s:I,s:i}", "from",
						   rows[i].from, "from_name", rows[i].from_name,
						   "from_school_id", (json_int_t)rows[i].from_id, "to",
						   rows[i].to, "to_name", rows[i].to_name, "to_school_id",
						   (json_int_t)rows[i].to_id, "minutes", rows[i].minutes));
	free(rows);
	resp_json(s, 200, json_pack("{s:I,s:o}", "region_id", (json_int_t)region_id,
				    "travel_times", a));
	return 0;
}

int api_travel_times_import(struct req *r, struct resp *s)
{
	int64_t region_id = req_param_id(r, "region");
	struct samen_err e;
	samen_err_clear(&e);
	char *text = NULL;
	size_t len = 0, n = 0;
	int rc = 0;
	const char *ct = r->header ? r->header(r, "Content-Type") : NULL;
	if (is_json_body(r)) {
		json_t *j = load_json(r, s);
		if (!j)
			return 0;
		rc = json_member_text(j, "csv", &text, &len, &e);
		json_decref(j);
	} else if (ct && strncasecmp(ct, "multipart/form-data", 19) == 0) {
		rc = timetable_web_form_file(r, "file", &text, &len, &e);
	} else {
		len = r->body.len;
		text = malloc(len + 1);
		if (!text)
			rc = samen_fail(&e, SAMEN_ENOMEM, "out of memory");
		else {
			memcpy(text, buf_str(&r->body), len);
			text[len] = '\0';
		}
	}
	char actor[200];
	timetable_web_actor(r, actor, sizeof actor);
	if (rc == 0)
		rc = timetable_web_travel_import(r->db, region_id, text, len, actor, &n, &e);
	free(text);
	if (rc == SAMEN_EINVAL || rc == SAMEN_ETOOBIG) {
		resp_error(s, &e);
		return 0;
	}
	if (rc)
		return rc;
	resp_json(s, 201, json_pack("{s:I,s:I}", "region_id", (json_int_t)region_id, "imported",
				    (json_int_t)n));
	return 0;
}
