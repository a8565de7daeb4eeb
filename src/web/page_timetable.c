/*
 * page_timetable.c - the timetable settings of a school and the matching
 * settings of a region in the browser (issue 4, points 2 and 6; docs/match.md):
 *   GET/POST /scholen/{school}/rooster              bell schedule (a table of rows), lesson
 *                                                   length (rule 14), teaching cap (rule 12)
 *   POST /scholen/{school}/rooster/codes            set one teacher code (person chosen from
 *                                                   the board's staff or by personeelsnummer)
 *   POST /scholen/{school}/rooster/codes/verwijderen remove one teacher code
 *   POST /scholen/{school}/rooster/import           upload Untis GPU001 + GPU004 (+ codes) or
 *                                                   Zermelo JSON, optionally only checking it
 *   GET/POST /regio/{region}/matchinstellingen      speed, weeks per year, offer days
 *   POST /regio/{region}/matchinstellingen/import   upload travel times (CSV)
 * The school pages are for the school leader of the school, HR and the
 * executive of its board and the admin (timetable_web_may_edit; the route
 * admits the region, the handler narrows it). The region page may be seen
 * by the region's roles and changed by the coordinator and the admin.
 * Every change is one transaction with an audit entry (store/timetable_store.h);
 * uploads are all or nothing and list every problem with its line and field.
 */
#include "store/people.h"
#include "util/date.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/timetable_web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EMPTY_ROWS 3

/* What a school page shows besides the stored state: the outcome of a POST. */
struct school_view {
	const struct samen_err *bells_err, *code_err, *import_err;
	const struct timetable_bell_row *rows;  /* rows as entered (after a refused POST) */
	size_t nrows;
	const char *lesson, *cap;               /* as entered */
	const struct timetable_problems *problems;
	const char *problem_file;
	const struct timetable_import_stats *stats;
	const char *source;
	bool dry_run;
};

/* ---- small markup helpers ---- */

static void alert_error(struct req *r, struct buf *b, const struct samen_err *err)
{
	if (!err || !err->code)
		return;
	buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\">"
		      "<p class=\"utrecht-paragraph\">%s ", tr(r, "tt.refused"));
	if (err->line > 0)
		buf_printf(b, "%s %ld, ", tr(r, "tt.line"), err->line);
	if (err->field[0]) {
		buf_printf(b, "%s ", tr(r, "tt.field"));
		html_esc(b, err->field);
		buf_puts(b, ": ");
	}
	html_esc(b, err->msg);
	buf_puts(b, "</p></div>");
}

static void alert_ok(struct buf *b, const char *text)
{
	buf_puts(b, "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\">"
		    "<p class=\"utrecht-paragraph\">");
	html_esc(b, text);
	buf_puts(b, "</p></div>");
}

/* One figure of a <dl class="samen-stats"> (the style of the region overview). */
static void stat(struct buf *b, const char *label, const char *value)
{
	buf_puts(b, "<div class=\"samen-stat\"><dt class=\"samen-stat__label\">");
	html_esc(b, label);
	buf_puts(b, "</dt><dd class=\"samen-stat__value\">");
	html_esc(b, value);
	buf_puts(b, "</dd></div>");
}

static void stat_long(struct buf *b, const char *label, long v)
{
	char num[32];
	snprintf(num, sizeof num, "%ld", v);
	stat(b, label, num);
}

static void text_input(struct req *r, struct buf *b, const char *name, const char *label_key,
		       const char *hint_key, const char *value, const char *extra)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--text\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"f-%s\">%s</label></div>",
		   name, tr(r, label_key));
	if (hint_key)
		buf_printf(b, "<div class=\"utrecht-form-field__description\" id=\"d-%s\">%s</div>",
			   name, tr(r, hint_key));
	buf_printf(b, "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox"
		      " utrecht-textbox--html-input\" id=\"f-%s\" name=\"%s\" type=\"text\"",
		   name, name);
	if (hint_key)
		buf_printf(b, " aria-describedby=\"d-%s\"", name);
	buf_puts(b, " value=\"");
	html_esc(b, value ? value : "");
	buf_printf(b, "\"%s%s></div></div>", extra ? " " : "", extra ? extra : "");
}

static void file_input(struct req *r, struct buf *b, const char *name, const char *label_key,
		       const char *accept)
{
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--file\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"f-%s\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox\" type=\"file\" id=\"f-%s\" name=\"%s\""
		      " accept=\"%s\"></div></div>",
		   name, tr(r, label_key), name, name, accept);
}

static void submit(struct req *r, struct buf *b, const char *kind, const char *key)
{
	buf_printf(b, "<p class=\"samen-form__actions\"><button class=\"utrecht-button"
		      " utrecht-button--%s-action\" type=\"submit\">%s</button></p>",
		   kind, tr(r, key));
}

static void table_head(struct req *r, struct buf *b, const char *caption_key,
		       const char *const *cols, const bool *numeric, int n)
{
	buf_printf(b, "<div class=\"samen-table-wrap\"><table class=\"utrecht-table\"><caption"
		      " class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\">"
		      "<tr class=\"utrecht-table__row\">",
		   tr(r, caption_key));
	for (int i = 0; i < n; i++)
		buf_printf(b, "<th class=\"utrecht-table__header-cell%s\" scope=\"col\">%s</th>",
			   numeric && numeric[i] ? " utrecht-table__header-cell--numeric" : "",
			   tr(r, cols[i]));
	buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
}

/* ---- the school page ---- */

static void bells_section(struct req *r, struct buf *b, int64_t school_id,
			  const struct school_view *v)
{
	struct samen_err e;
	samen_err_clear(&e);
	struct bell_schedule bells;
	int have = timetable_store_bells(r->db, school_id, &bells, &e) == 0;
	int lesson = 50, stored = 0;
	double cap = 720;
	samen_err_clear(&e);
	timetable_store_school_settings(r->db, school_id, &lesson, &cap, &stored, &e);
	if (have)
		lesson = bells.lesson_minutes;

	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"bel\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "tt.bells"), tr(r, have ? "tt.bells_intro" : "tt.bells_none"));
	alert_error(r, b, v->bells_err);
	const char *q = r->query ? r->query(r, "ok") : NULL;
	if (q && strcmp(q, "bel") == 0)
		alert_ok(b, tr(r, "tt.saved"));
	buf_printf(b, "<form class=\"samen-form\" method=\"post\" action=\"/scholen/%lld/rooster\">",
		   (long long)school_id);
	html_csrf_field(r, b);
	static const char *const cols[] = {"tt.period", "tt.start", "tt.end"};
	table_head(r, b, "tt.bells_caption", cols, NULL, 3);
	size_t nrows = v->rows ? v->nrows : (size_t)(have ? bells.nperiods : 0) + EMPTY_ROWS;
	if (nrows > BELL_MAX_PERIODS)
		nrows = BELL_MAX_PERIODS;
	for (size_t i = 0; i < nrows; i++) {
		char p[8] = "", st[8] = "", en[8] = "";
		if (v->rows) {
			snprintf(p, sizeof p, "%s", v->rows[i].period);
			snprintf(st, sizeof st, "%s", v->rows[i].start);
			snprintf(en, sizeof en, "%s", v->rows[i].end);
		} else if (have && (int)i < bells.nperiods) {
			snprintf(p, sizeof p, "%zu", i + 1);
			timetable_web_hhmm(bells.start_min[i + 1], st);
			timetable_web_hhmm(bells.end_min[i + 1], en);
		}
		size_t k = i + 1;
		buf_printf(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">"
			      "<input class=\"utrecht-textbox utrecht-textbox--html-input samen-input-short\""
			      " name=\"uur%zu\" inputmode=\"numeric\" size=\"3\" aria-label=\"%s %zu: %s\" value=\"",
			   k, tr(r, "tt.row"), k, tr(r, "tt.period"));
		html_esc(b, p);
		buf_printf(b, "\"></td><td class=\"utrecht-table__cell\"><input class=\"utrecht-textbox"
			      " utrecht-textbox--html-input samen-input-short\" name=\"begin%zu\" size=\"6\""
			      " aria-label=\"%s %zu: %s\" value=\"",
			   k, tr(r, "tt.row"), k, tr(r, "tt.start"));
		html_esc(b, st);
		buf_printf(b, "\"></td><td class=\"utrecht-table__cell\"><input class=\"utrecht-textbox"
			      " utrecht-textbox--html-input samen-input-short\" name=\"eind%zu\" size=\"6\""
			      " aria-label=\"%s %zu: %s\" value=\"",
			   k, tr(r, "tt.row"), k, tr(r, "tt.end"));
		html_esc(b, en);
		buf_puts(b, "\"></td></tr>");
	}
	buf_printf(b, "</tbody></table></div><input type=\"hidden\" name=\"rijen\" value=\"%zu\">",
		   nrows);
	char lesson_s[16], cap_s[32];
	snprintf(lesson_s, sizeof lesson_s, "%d", lesson);
	html_number(r, cap, cap == (long)cap ? 0 : 1, cap_s);
	for (char *c = cap_s; *c; c++) /* the input takes no thousands separators */
		if ((r->lang == LANG_NL && *c == '.') || (r->lang == LANG_EN && *c == ','))
			memmove(c, c + 1, strlen(c));
	text_input(r, b, "lesduur", "tt.lesson", "tt.lesson_hint", v->lesson ? v->lesson : lesson_s,
		   "inputmode=\"numeric\" required");
	text_input(r, b, "lesnorm", "tt.cap", "tt.cap_hint", v->cap ? v->cap : cap_s,
		   "inputmode=\"decimal\" required");
	submit(r, b, "primary", "tt.save_bells");
	buf_puts(b, "</form>");
}

static void lessons_section(struct req *r, struct buf *b, int64_t school_id)
{
	struct samen_err e;
	samen_err_clear(&e);
	long untis = 0, zermelo = 0, other = 0;
	timetable_store_lesson_counts(r->db, school_id, &untis, &zermelo, &other, &e);
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>"
		      "<dl class=\"samen-stats\">",
		   tr(r, "tt.lessons"), tr(r, "tt.lessons_intro"));
	stat_long(b, "Untis", untis);
	stat_long(b, "Zermelo", zermelo);
	stat_long(b, tr(r, "tt.lessons_other"), other);
	buf_puts(b, "</dl>");
}

static void codes_section(struct req *r, struct buf *b, int64_t school_id,
			  const struct school_view *v)
{
	struct samen_err e;
	samen_err_clear(&e);
	struct timetable_code_row *codes = NULL;
	size_t n = 0;
	timetable_store_codes_list(r->db, school_id, &codes, &n, &e);
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"codes\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "tt.codes"), tr(r, "tt.codes_intro"));
	alert_error(r, b, v->code_err);
	const char *q = r->query ? r->query(r, "ok") : NULL;
	if (q && strcmp(q, "code") == 0)
		alert_ok(b, tr(r, "tt.saved"));
	static const char *const cols[] = {"tt.code", "tt.person", "tt.empno", "tt.actions"};
	table_head(r, b, "tt.codes_caption", cols, NULL, 4);
	for (size_t i = 0; i < n; i++) {
		buf_puts(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">");
		html_esc(b, codes[i].code);
		buf_printf(b, "</th><td class=\"utrecht-table__cell\"><a class=\"utrecht-link\" href=\"/personen/%lld\">",
			   (long long)codes[i].person_id);
		html_esc(b, codes[i].name);
		buf_puts(b, "</a></td><td class=\"utrecht-table__cell\">");
		html_esc(b, codes[i].employee_number);
		buf_printf(b, "</td><td class=\"utrecht-table__cell\"><form class=\"samen-inline-form\" method=\"post\""
			      " action=\"/scholen/%lld/rooster/codes/verwijderen\">",
			   (long long)school_id);
		html_csrf_field(r, b);
		buf_puts(b, "<input type=\"hidden\" name=\"code\" value=\"");
		html_esc(b, codes[i].code);
		buf_printf(b, "\"><button class=\"utrecht-button utrecht-button--secondary-action\""
			      " type=\"submit\" aria-label=\"%s ",
			   tr(r, "tt.remove"));
		html_esc(b, codes[i].code);
		buf_printf(b, "\">%s</button></form></td></tr>", tr(r, "tt.remove"));
	}
	if (n == 0)
		buf_printf(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\" colspan=\"4\">%s</td></tr>",
			   tr(r, "tt.codes_none"));
	buf_puts(b, "</tbody></table></div>");
	free(codes);

	struct timetable_staff_row *staff = NULL;
	size_t ns = 0;
	samen_err_clear(&e);
	timetable_store_board_staff(r->db, school_id, r->user.role == ROLE_SCHOOL_LEADER, &staff,
				    &ns, &e);
	buf_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3><form class=\"samen-form\" method=\"post\""
		      " action=\"/scholen/%lld/rooster/codes\">",
		   tr(r, "tt.code_set"), (long long)school_id);
	html_csrf_field(r, b);
	text_input(r, b, "code", "tt.code", "tt.code_hint", "", "maxlength=\"15\" required");
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--select\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"f-persoon\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"f-persoon\""
		      " name=\"persoon\"><option value=\"\">%s</option>",
		   tr(r, "tt.person"), tr(r, "tt.choose"));
	for (size_t i = 0; i < ns; i++) {
		buf_puts(b, "<option value=\"");
		html_esc(b, staff[i].employee_number);
		buf_puts(b, "\">");
		html_esc(b, staff[i].name);
		buf_puts(b, " (");
		html_esc(b, staff[i].employee_number);
		buf_puts(b, ")</option>");
	}
	buf_puts(b, "</select></div></div>");
	free(staff);
	text_input(r, b, "personeelsnummer", "tt.empno", "tt.empno_hint", "", "maxlength=\"60\"");
	submit(r, b, "primary", "tt.code_save");
	buf_puts(b, "</form>");
}

static void problems_list(struct req *r, struct buf *b, const struct timetable_problems *p,
			  const char *file)
{
	size_t shown = p->n < TIMETABLE_MAX_PROBLEMS ? p->n : TIMETABLE_MAX_PROBLEMS;
	buf_printf(b, "<ul class=\"utrecht-unordered-list samen-problems\">");
	for (size_t i = 0; i < shown; i++) {
		const struct timetable_problem *q = &p->items[i];
		buf_puts(b, "<li class=\"utrecht-unordered-list__item\">");
		if (file && file[0]) {
			html_esc(b, file);
			buf_puts(b, ", ");
		}
		if (q->line > 0)
			buf_printf(b, "%s %ld, ", tr(r, "tt.line"), q->line);
		if (q->field[0]) {
			buf_printf(b, "%s ", tr(r, "tt.field"));
			html_esc(b, q->field);
			buf_puts(b, ": ");
		}
		html_esc(b, q->msg);
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul>");
	if (p->n > shown)
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s %zu</p>", tr(r, "tt.more_problems"),
			   p->n - shown);
}

static void import_section(struct req *r, struct buf *b, int64_t school_id,
			   const struct school_view *v)
{
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"upload\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "tt.upload"), tr(r, "tt.upload_intro"));
	if (v->import_err && v->import_err->code) {
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\"><div>"
			      "<p class=\"utrecht-paragraph\">%s</p>",
			   tr(r, "tt.upload_refused"));
		if (v->problems && v->problems->n > 0) {
			problems_list(r, b, v->problems, v->problem_file);
		} else {
			struct timetable_problems one;
			memset(&one, 0, sizeof one);
			one.n = 1;
			one.items[0].line = v->import_err->line;
			snprintf(one.items[0].field, sizeof one.items[0].field, "%.63s", v->import_err->field);
			snprintf(one.items[0].msg, sizeof one.items[0].msg, "%.255s", v->import_err->msg);
			problems_list(r, b, &one, v->problem_file);
		}
		buf_puts(b, "</div></div>");
	} else if (v->stats) {
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\">"
			      "<p class=\"utrecht-paragraph\">%s</p></div><dl class=\"samen-stats\""
			      " aria-label=\"%s\">",
			   tr(r, v->dry_run ? "tt.checked" : "tt.imported"), tr(r, "tt.result"));
		stat(b, tr(r, "tt.source"), v->source);
		stat_long(b, tr(r, "tt.n_lessons"), v->stats->lessons);
		stat_long(b, tr(r, "tt.n_replaced"), v->stats->replaced);
		stat_long(b, tr(r, "tt.n_teachers"), v->stats->teachers);
		stat_long(b, tr(r, "tt.n_codes"), v->stats->codes);
		buf_puts(b, "</dl>");
	}
	buf_printf(b, "<form class=\"samen-form\" method=\"post\" enctype=\"multipart/form-data\""
		      " action=\"/scholen/%lld/rooster/import\">",
		   (long long)school_id);
	html_csrf_field(r, b);
	buf_printf(b, "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
		   tr(r, "tt.untis"));
	file_input(r, b, "gpu001", "tt.gpu001", ".txt,.csv,.gpu");
	file_input(r, b, "gpu004", "tt.gpu004", ".txt,.csv,.gpu");
	buf_printf(b, "</fieldset><fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
		   tr(r, "tt.zermelo"));
	file_input(r, b, "zermelo", "tt.zermelo_file", ".json,application/json");
	buf_puts(b, "</fieldset>");
	file_input(r, b, "codes", "tt.codes_file", ".csv,.txt");
	buf_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
		      "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\""
		      " id=\"f-controle\" name=\"controle\" value=\"1\"%s><label class=\"utrecht-form-label\""
		      " for=\"f-controle\">%s</label></div>",
		   v->dry_run ? " checked" : "", tr(r, "tt.dry_run"));
	submit(r, b, "primary", "tt.upload_button");
	buf_puts(b, "</form>");
}

/* 0 when the user may change the school's timetable settings, else SAMEN_EPERM or an error. */
static int may_edit(struct req *r, int64_t school_id, struct samen_err *e)
{
	bool ok = false;
	int rc = timetable_web_may_edit(r, school_id, &ok, e);
	return rc ? rc : ok ? 0 : SAMEN_EPERM;
}

/* After a change: back to the school's timetable page at the part changed ("bel#bel"). */
static int back_to_school(struct resp *s, int64_t school_id, const char *ok_anchor)
{
	char back[96];
	snprintf(back, sizeof back, "/scholen/%lld/rooster?ok=%s", (long long)school_id, ok_anchor);
	resp_redirect(s, back);
	return 0;
}

static int render_school(struct req *r, struct resp *s, const struct school_view *v, int status)
{
	int64_t school_id = req_param_id(r, "school");
	struct samen_err e;
	samen_err_clear(&e);
	int rc = may_edit(r, school_id, &e);
	if (rc)
		return rc;
	struct school_summary sc;
	rc = people_school(r->db, school_id, date_today(), &sc, &e);
	if (rc)
		return rc;
	html_begin(r, s, tr(r, "tt.title"));
	s->status = status;
	struct buf *b = &s->body;
	buf_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/scholen/%lld\">",
		   (long long)school_id);
	html_esc(b, sc.name);
	buf_printf(b, "</a></p><h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">",
		   tr(r, "tt.title"));
	html_esc(b, sc.name);
	buf_printf(b, " (%s%s)</span></h1><p class=\"utrecht-paragraph\">%s</p>", sc.brin, sc.vestiging,
		   tr(r, "tt.intro"));
	bells_section(r, b, school_id, v);
	lessons_section(r, b, school_id);
	codes_section(r, b, school_id, v);
	import_section(r, b, school_id, v);
	buf_printf(b, "<p class=\"utrecht-paragraph samen-muted\">%s <code>/api/v1/schools/%lld/bells</code>,"
		      " <code>/api/v1/schools/%lld/teacher-codes</code>,"
		      " <code>/api/v1/schools/%lld/timetable/import</code></p>",
		   tr(r, "tt.api"), (long long)school_id, (long long)school_id, (long long)school_id);
	html_end(r, s);
	return 0;
}

int page_timetable(struct req *r, struct resp *s)
{
	struct school_view v = {0};
	return render_school(r, s, &v, 200);
}

/* Read a form field into out; "" when absent. */
static void field(const struct req *r, const char *name, char *out, size_t n)
{
	if (!form_get(r, name, out, n))
		out[0] = '\0';
	/* trim surrounding spaces */
	size_t len = strlen(out);
	while (len && (out[len - 1] == ' ' || out[len - 1] == '\t'))
		out[--len] = '\0';
	size_t lead = strspn(out, " \t");
	if (lead)
		memmove(out, out + lead, len - lead + 1);
}

/* Parse a whole number lo..hi ("" is 0 when allow_empty). */
static bool parse_whole(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* Parse a decimal with ',' or '.' as separator: 0 < v <= max. */
static bool parse_decimal(const char *s, double max, double *out)
{
	char tmp[32];
	if (!*s || strlen(s) >= sizeof tmp)
		return false;
	snprintf(tmp, sizeof tmp, "%s", s);
	for (char *c = tmp; *c; c++)
		if (*c == ',')
			*c = '.';
	char *end;
	double v = strtod(tmp, &end);
	if (*end || !(v > 0 && v <= max))
		return false;
	*out = v;
	return true;
}

/* Accept what people type for a time: "8:30" and "8.30" become "08:30"; anything else stays. */
static void normalize_time(char *t, size_t n)
{
	char *dot = strchr(t, '.');
	if (dot && !strchr(dot + 1, '.'))
		*dot = ':';
	if (strlen(t) == 4 && t[0] >= '0' && t[0] <= '9' && t[1] == ':' && n > 5) {
		memmove(t + 1, t, 5);
		t[0] = '0';
	}
}

int page_timetable_bells_set(struct req *r, struct resp *s)
{
	int64_t school_id = req_param_id(r, "school");
	struct samen_err e;
	samen_err_clear(&e);
	int rc = may_edit(r, school_id, &e);
	if (rc)
		return rc;
	struct timetable_bell_row rows[BELL_MAX_PERIODS];
	memset(rows, 0, sizeof rows);
	char nrows_s[8], lesson[16], cap[32];
	field(r, "rijen", nrows_s, sizeof nrows_s);
	field(r, "lesduur", lesson, sizeof lesson);
	field(r, "lesnorm", cap, sizeof cap);
	long nrows = 0;
	if (!parse_whole(nrows_s, 1, BELL_MAX_PERIODS, &nrows))
		nrows = BELL_MAX_PERIODS;
	for (long i = 0; i < nrows; i++) {
		char name[32];
		snprintf(name, sizeof name, "uur%ld", i + 1);
		field(r, name, rows[i].period, sizeof rows[i].period);
		snprintf(name, sizeof name, "begin%ld", i + 1);
		field(r, name, rows[i].start, sizeof rows[i].start);
		snprintf(name, sizeof name, "eind%ld", i + 1);
		field(r, name, rows[i].end, sizeof rows[i].end);
		normalize_time(rows[i].start, sizeof rows[i].start);
		normalize_time(rows[i].end, sizeof rows[i].end);
	}
	struct school_view v = {.bells_err = &e, .rows = rows, .nrows = (size_t)nrows,
				.lesson = lesson, .cap = cap};
	long minutes = 0;
	double hours = 0;
	struct bell_schedule b;
	if (!parse_whole(lesson, 20, 120, &minutes)) {
		samen_fail_at(&e, SAMEN_EINVAL, 0, "lesduur", "%s", tr(r, "tt.bad_lesson"));
		return render_school(r, s, &v, 400);
	}
	if (!parse_decimal(cap, 1659, &hours) || hours < 1) {
		samen_fail_at(&e, SAMEN_EINVAL, 0, "lesnorm", "%s", tr(r, "tt.bad_cap"));
		return render_school(r, s, &v, 400);
	}
	char actor[200];
	timetable_web_actor(r, actor, sizeof actor);
	rc = timetable_web_bells_from_rows(rows, (size_t)nrows, (int)minutes, &b, &e);
	if (rc == 0)
		rc = timetable_store_settings_set(r->db, school_id, &b, hours, actor, &e);
	if (rc == SAMEN_EINVAL)
		return render_school(r, s, &v, 400);
	if (rc)
		return rc;
	return back_to_school(s, school_id, "bel#bel");
}

int page_timetable_code_set(struct req *r, struct resp *s)
{
	int64_t school_id = req_param_id(r, "school");
	struct samen_err e;
	samen_err_clear(&e);
	int rc = may_edit(r, school_id, &e);
	if (rc)
		return rc;
	char code[64], chosen[64], typed[64], actor[200];
	field(r, "code", code, sizeof code);
	field(r, "persoon", chosen, sizeof chosen);
	field(r, "personeelsnummer", typed, sizeof typed);
	timetable_web_actor(r, actor, sizeof actor);
	rc = timetable_store_code_set_employee(r->db, school_id, code, typed[0] ? typed : chosen,
					       actor, NULL, &e);
	if (rc == SAMEN_EINVAL) {
		struct school_view v = {.code_err = &e};
		return render_school(r, s, &v, 400);
	}
	if (rc)
		return rc;
	return back_to_school(s, school_id, "code#codes");
}

int page_timetable_code_delete(struct req *r, struct resp *s)
{
	int64_t school_id = req_param_id(r, "school");
	struct samen_err e;
	samen_err_clear(&e);
	int rc = may_edit(r, school_id, &e);
	if (rc)
		return rc;
	char code[64], actor[200];
	field(r, "code", code, sizeof code);
	timetable_web_actor(r, actor, sizeof actor);
	rc = timetable_store_code_delete(r->db, school_id, code, actor, &e);
	if (rc == SAMEN_ENOTFOUND || rc == SAMEN_EINVAL) {
		struct school_view v = {.code_err = &e};
		return render_school(r, s, &v, rc == SAMEN_ENOTFOUND ? 404 : 400);
	}
	if (rc)
		return rc;
	return back_to_school(s, school_id, "code#codes");
}

int page_timetable_import(struct req *r, struct resp *s)
{
	int64_t school_id = req_param_id(r, "school");
	struct samen_err e;
	samen_err_clear(&e);
	int rc = may_edit(r, school_id, &e);
	if (rc)
		return rc;
	char *g1 = NULL, *g4 = NULL, *cf = NULL, *zm = NULL, dry[8];
	struct timetable_upload u = {0};
	rc = timetable_web_form_file(r, "gpu001", &g1, &u.gpu001_len, &e);
	if (rc == 0)
		rc = timetable_web_form_file(r, "gpu004", &g4, &u.gpu004_len, &e);
	if (rc == 0)
		rc = timetable_web_form_file(r, "codes", &cf, &u.codes_len, &e);
	if (rc == 0)
		rc = timetable_web_form_file(r, "zermelo", &zm, &u.zermelo_len, &e);
	field(r, "controle", dry, sizeof dry);
	u.gpu001 = g1;
	u.gpu004 = g4;
	u.codes = cf;
	u.zermelo = zm;
	u.dry_run = dry[0] == '1';
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
	struct school_view v = {.dry_run = u.dry_run, .source = source};
	if (rc == SAMEN_EINVAL || rc == SAMEN_ETOOBIG) {
		v.import_err = &e;
		v.problems = probs;
		v.problem_file = file;
		rc = render_school(r, s, &v, rc == SAMEN_ETOOBIG ? 413 : 400);
	} else if (rc == 0) {
		v.stats = &st;
		rc = render_school(r, s, &v, 200);
	}
	free(probs);
	return rc;
}

/* ---- the region page ---- */

static int render_region(struct req *r, struct resp *s, const struct samen_err *set_err,
			 const struct samen_err *travel_err, const char *done, int status)
{
	int64_t region_id = req_param_id(r, "region");
	struct samen_err e;
	samen_err_clear(&e);
	struct region_info region;
	int rc = people_region(r->db, region_id, &region, &e);
	if (rc)
		return rc;
	struct timetable_region_settings set;
	rc = timetable_store_region_settings(r->db, region_id, &set, &e);
	if (rc)
		return rc;
	struct timetable_travel_row *travel = NULL;
	size_t nt = 0;
	rc = timetable_store_travel_list(r->db, region_id, &travel, &nt, &e);
	if (rc)
		return rc;
	bool edit = timetable_web_may_edit_region(r);
	html_begin(r, s, tr(r, "ms.title"));
	s->status = status;
	struct buf *b = &s->body;
	buf_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/regio/%lld\">",
		   (long long)region_id);
	html_esc(b, region.name);
	buf_puts(b, "</a>");
	if (r->user.role != ROLE_SCHOOL_LEADER) /* the plan's own roles (routes.def) */
		buf_printf(b, " · <a class=\"utrecht-link\" href=\"/regio/%lld/matchplan\">%s</a>",
			   (long long)region_id, tr(r, "ms.plan"));
	buf_printf(b, "</p><h1 class=\"utrecht-heading-1\">%s <span class=\"samen-subtitle\">",
		   tr(r, "ms.title"));
	html_esc(b, region.name);
	buf_printf(b, "</span></h1><p class=\"utrecht-paragraph\">%s</p>", tr(r, "ms.intro"));
	if (done && strcmp(done, "instellingen") == 0)
		alert_ok(b, tr(r, "tt.saved"));
	alert_error(r, b, set_err);
	char speed[32];
	html_number(r, set.speed_kmh, set.speed_kmh == (long)set.speed_kmh ? 0 : 1, speed);
	char weeks[16], days[16];
	snprintf(weeks, sizeof weeks, "%d", set.weeks_per_year);
	snprintf(days, sizeof days, "%d", set.offer_days);
	buf_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", tr(r, "ms.settings"));
	if (edit) {
		buf_printf(b, "<form class=\"samen-form\" method=\"post\" action=\"/regio/%lld/matchinstellingen\">",
			   (long long)region_id);
		html_csrf_field(r, b);
		text_input(r, b, "snelheid", "ms.speed", "ms.speed_hint", speed,
			   "inputmode=\"decimal\" required");
		text_input(r, b, "weken", "ms.weeks", "ms.weeks_hint", weeks,
			   "inputmode=\"numeric\" required");
		text_input(r, b, "aanbieddagen", "ms.offer_days", "ms.offer_days_hint", days,
			   "inputmode=\"numeric\" required");
		submit(r, b, "primary", "ms.save");
		buf_puts(b, "</form>");
	} else {
		buf_puts(b, "<dl class=\"samen-stats\">");
		stat(b, tr(r, "ms.speed"), speed);
		stat(b, tr(r, "ms.weeks"), weeks);
		stat(b, tr(r, "ms.offer_days"), days);
		buf_puts(b, "</dl>");
	}
	if (!set.stored)
		buf_printf(b, "<p class=\"utrecht-paragraph samen-muted\">%s</p>", tr(r, "ms.defaults"));

	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"reistijden\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "ms.travel"), tr(r, "ms.travel_intro"));
	if (done && strcmp(done, "reistijden") == 0)
		alert_ok(b, tr(r, "ms.travel_done"));
	alert_error(r, b, travel_err);
	static const char *const cols[] = {"ms.from", "ms.to", "ms.minutes"};
	static const bool numeric[] = {false, false, true};
	table_head(r, b, "ms.travel_caption", cols, numeric, 3);
	for (size_t i = 0; i < nt; i++) {
		buf_printf(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">%s ",
			   travel[i].from);
		html_esc(b, travel[i].from_name);
		buf_printf(b, "</td><td class=\"utrecht-table__cell\">%s ", travel[i].to);
		html_esc(b, travel[i].to_name);
		buf_printf(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric\">%d</td></tr>",
			   travel[i].minutes);
	}
	if (nt == 0)
		buf_printf(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\" colspan=\"3\">%s</td></tr>",
			   tr(r, "ms.travel_none"));
	buf_puts(b, "</tbody></table></div>");
	free(travel);
	if (edit) {
		buf_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3><p class=\"utrecht-paragraph\">%s</p>"
			      "<form class=\"samen-form\" method=\"post\" enctype=\"multipart/form-data\""
			      " action=\"/regio/%lld/matchinstellingen/import\">",
			   tr(r, "ms.travel_upload"), tr(r, "ms.travel_format"), (long long)region_id);
		html_csrf_field(r, b);
		file_input(r, b, "bestand", "ms.travel_file", ".csv,.txt");
		submit(r, b, "primary", "ms.travel_button");
		buf_puts(b, "</form>");
	}
	buf_printf(b, "<p class=\"utrecht-paragraph samen-muted\">%s <code>/api/v1/regions/%lld/match-settings</code>,"
		      " <code>/api/v1/regions/%lld/travel-times</code></p>",
		   tr(r, "tt.api"), (long long)region_id, (long long)region_id);
	html_end(r, s);
	return 0;
}

int page_match_settings(struct req *r, struct resp *s)
{
	const char *ok = r->query ? r->query(r, "ok") : NULL;
	return render_region(r, s, NULL, NULL, ok, 200);
}

int page_match_settings_set(struct req *r, struct resp *s)
{
	int64_t region_id = req_param_id(r, "region");
	struct samen_err e;
	samen_err_clear(&e);
	char speed_s[32], weeks_s[16], days_s[16], actor[200];
	field(r, "snelheid", speed_s, sizeof speed_s);
	field(r, "weken", weeks_s, sizeof weeks_s);
	field(r, "aanbieddagen", days_s, sizeof days_s);
	double speed = 0;
	long weeks = 0, days = 0;
	if (!parse_decimal(speed_s, 200, &speed)) {
		samen_fail_at(&e, SAMEN_EINVAL, 0, "snelheid", "%s", tr(r, "ms.bad_speed"));
		return render_region(r, s, &e, NULL, NULL, 400);
	}
	if (!parse_whole(weeks_s, 1, 52, &weeks)) {
		samen_fail_at(&e, SAMEN_EINVAL, 0, "weken", "%s", tr(r, "ms.bad_weeks"));
		return render_region(r, s, &e, NULL, NULL, 400);
	}
	if (!parse_whole(days_s, 1, 30, &days)) {
		samen_fail_at(&e, SAMEN_EINVAL, 0, "aanbieddagen", "%s", tr(r, "ms.bad_days"));
		return render_region(r, s, &e, NULL, NULL, 400);
	}
	timetable_web_actor(r, actor, sizeof actor);
	int rc = timetable_store_region_settings_set(r->db, region_id, speed, (int)weeks, (int)days,
						     actor, &e);
	if (rc == SAMEN_EINVAL)
		return render_region(r, s, &e, NULL, NULL, 400);
	if (rc)
		return rc;
	char back[96];
	snprintf(back, sizeof back, "/regio/%lld/matchinstellingen?ok=instellingen",
		 (long long)region_id);
	resp_redirect(s, back);
	return 0;
}

int page_travel_import(struct req *r, struct resp *s)
{
	int64_t region_id = req_param_id(r, "region");
	struct samen_err e;
	samen_err_clear(&e);
	char *text = NULL, actor[200];
	size_t len = 0, n = 0;
	int rc = timetable_web_form_file(r, "bestand", &text, &len, &e);
	timetable_web_actor(r, actor, sizeof actor);
	if (rc == 0)
		rc = timetable_web_travel_import(r->db, region_id, text, len, actor, &n, &e);
	free(text);
	if (rc == SAMEN_EINVAL || rc == SAMEN_ETOOBIG)
		return render_region(r, s, NULL, &e, NULL, rc == SAMEN_ETOOBIG ? 413 : 400);
	if (rc)
		return rc;
	char back[112];
	snprintf(back, sizeof back, "/regio/%lld/matchinstellingen?ok=reistijden#reistijden",
		 (long long)region_id);
	resp_redirect(s, back);
	return 0;
}
