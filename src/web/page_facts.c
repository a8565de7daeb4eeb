/*
 * page_facts.c - the fact base dashboard ("feitenbasis"):
 *   GET /feiten                      -> the user's region's dashboard
 *   GET /feiten/{region}             the dashboard (?bestuur=&school=&vak=&scenario=)
 *   GET /feiten/{region}/export      one table as CSV or XLSX (?tabel=&formaat=&filters)
 *   GET /feiten/{region}/bronnen     where every figure comes from
 *   POST /feiten/{region}/vaststellen  record today's key figures as agreed
 *
 * Only aggregates are shown, with rule 33 applied (core/factbase.h), so
 * every role with access to the region sees the same page. Each chart is a
 * Vega-Lite spec in a JSON data block, drawn by /static/js/facts-charts.js;
 * beneath each chart a table with the same numbers, built from the same
 * struct table_out as the downloads and `samen facts` (formats/facts_out.h).
 */
#include "formats/csvrows.h"
#include "formats/facts_out.h"
#include "store/audit.h"
#include "util/date.h"
#include "web/facts_cache.h"
#include "web/facts_charts.h"
#include "web/facts_view.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int facts_view_open(struct req *r, struct facts_view *v, struct samen_err *err)
{
	memset(v, 0, sizeof *v);
	v->subject = -1;
	v->region_id = req_param_id(r, "region");
	const char *sc = r->query(r, "scenario");
	if (sc && *sc) {
		if (strlen(sc) >= sizeof v->scenario)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "scenario", "scenario name too long");
		snprintf(v->scenario, sizeof v->scenario, "%s", sc);
		int rc = factbase_build(r->db, v->region_id, date_today(), v->scenario, NULL, &v->own, err);
		if (rc)
			return rc;
		v->fb = &v->own;
	} else {
		int rc = facts_cache_get(r->db, v->region_id, &v->fb, err);
		if (rc)
			return rc;
		v->cached = true;
	}
	const struct factbase *fb = v->fb;
	const char *b = r->query(r, "bestuur"), *s = r->query(r, "school"), *vak = r->query(r, "vak");
	if (b && *b) {
		char *end;
		long long id = strtoll(b, &end, 10);
		for (int i = 0; !*end && i < fb->d.nboards; i++)
			if (fb->d.boards[i].id == id)
				v->node = ind_node_board(i);
		if (v->node == 0) {
			facts_view_close(v);
			return samen_fail_at(err, SAMEN_EINVAL, 0, "bestuur", "no such board in this region");
		}
		v->board_id = id;
	}
	if (s && *s) {
		char *end;
		long long id = strtoll(s, &end, 10);
		int found = -1;
		for (int i = 0; !*end && i < fb->d.nschools; i++)
			if (fb->d.schools[i].id == id)
				found = i;
		if (found < 0 || (v->board_id && fb->d.boards[fb->d.school_board[found]].id != v->board_id)) {
			facts_view_close(v);
			return samen_fail_at(err, SAMEN_EINVAL, 0, "school",
					     "no such school in this region (or not of the chosen board)");
		}
		v->node = ind_node_school(&fb->ind, found);
		v->school_id = id;
	}
	if (vak && *vak) {
		v->subject = facts_subject_index(&fb->d, vak);
		if (v->subject < 0) {
			facts_view_close(v);
			return samen_fail_at(err, SAMEN_EINVAL, 0, "vak", "unknown subject");
		}
	}
	return 0;
}

void facts_view_close(struct facts_view *v)
{
	if (v->cached)
		facts_cache_put(v->fb);
	else if (v->fb)
		factbase_free(&v->own);
	v->fb = NULL;
}

void facts_view_query(const struct facts_view *v, struct buf *b)
{
	if (v->board_id)
		buf_printf(b, "&bestuur=%lld", (long long)v->board_id);
	if (v->school_id)
		buf_printf(b, "&school=%lld", (long long)v->school_id);
	if (v->subject >= 0) {
		buf_puts(b, "&vak=");
		html_urlenc(b, v->fb->d.subjects[v->subject].code);
	}
	if (v->scenario[0]) {
		buf_puts(b, "&scenario=");
		html_urlenc(b, v->scenario);
	}
}

/* ---- a table_out as an HTML table --------------------------------------- */

struct rows {
	char ***cell;
	int *n;
	size_t count, cap;
};

static int keep_row(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	(void)line;
	struct rows *r = ctx;
	if (r->count == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 32;
		char ***c = realloc(r->cell, nc * sizeof *c);
		int *k = realloc(r->n, nc * sizeof *k);
		if (c)
			r->cell = c;
		if (k)
			r->n = k;
		if (!c || !k)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		r->cap = nc;
	}
	char **row = calloc((size_t)n + 1, sizeof *row);
	if (!row)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	for (int i = 0; i < n; i++)
		row[i] = strdup(f[i]);
	r->cell[r->count] = row;
	r->n[r->count++] = n;
	return 0;
}

static void rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->count; i++) {
		for (int k = 0; k < r->n[i]; k++)
			free(r->cell[i][k]);
		free(r->cell[i]);
	}
	free(r->cell);
	free(r->n);
}

static bool numeric(const char *s)
{
	if (!*s)
		return false;
	if (strcmp(s, "*") == 0 || s[0] == '<' || s[0] == '>')
		return true;
	if (*s == '-' || *s == '+')
		s++;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || *s == ',' || *s == '.' || *s == '%'))
			return false;
	return true;
}

int facts_html_table(struct req *r, struct buf *b, const struct facts_view *v,
		     enum facts_table which, const struct fact_figure_row *fig, size_t nfig,
		     const struct fact_source_row *src, size_t nsrc, const char *caption_key,
		     bool downloads)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct table_out *t = NULL;
	int rc = facts_table(v->fb, which, v->node, v->subject, fig, nfig, src, nsrc, &t, &err);
	if (rc) {
		buf_puts(b, "<p class=\"utrecht-paragraph samen-muted\">");
		html_esc(b, err.msg);
		buf_puts(b, "</p>");
		return 0;
	}
	struct buf csv;
	buf_init(&csv, (size_t)16 << 20);
	struct table_out_csv_opts o = table_out_csv_defaults();
	o.delim = '\t';
	o.bom = false;
	o.formula_guard = false;
	o.decimal_sep = r->lang == LANG_EN ? '.' : ',';
	struct rows rows = {0};
	rc = table_out_csv(t, &o, &csv, &err);
	if (rc == 0)
		rc = csvrows_parse(buf_str(&csv), csv.len, '\t', keep_row, &rows, &err);
	if (rc == 0 && rows.count > 0) {
		/* A wide table scrolls in its box: make the box a named, focusable region. */
		buf_printf(b, "<div class=\"samen-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">"
			      "<table class=\"utrecht-table samen-facts-table\">"
			      "<caption class=\"utrecht-table__caption\">%s</caption>"
			      "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">",
			   tr(r, caption_key), tr(r, caption_key));
		for (int c = 0; c < rows.n[0]; c++) {
			char key[96];
			snprintf(key, sizeof key, "facts.col.%s", rows.cell[0][c]);
			const char *label = i18n_text(r->lang, key);
			if (strcmp(label, key) == 0)
				label = rows.cell[0][c]; /* a school year as column name */
			bool num = rows.count > 1 && c < rows.n[1] && c > 0 && numeric(rows.cell[1][c]);
			buf_printf(b, "<th class=\"utrecht-table__header-cell%s\" scope=\"col\">",
				   num ? " utrecht-table__header-cell--numeric" : "");
			html_esc(b, label);
			buf_puts(b, "</th>");
		}
		buf_puts(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
		for (size_t i = 1; i < rows.count; i++) {
			buf_puts(b, "<tr class=\"utrecht-table__row\">");
			for (int c = 0; c < rows.n[i]; c++) {
				const char *val = rows.cell[i][c];
				/* Decimal comma in text cells for Dutch; a point in English. */
				char tmp[64];
				if (r->lang == LANG_EN && numeric(val) && strlen(val) < sizeof tmp) {
					snprintf(tmp, sizeof tmp, "%s", val);
					for (char *p = tmp; *p; p++)
						if (*p == ',')
							*p = '.';
					val = tmp;
				}
				if (c == 0) {
					buf_puts(b, "<th class=\"utrecht-table__header-cell\" scope=\"row\">");
					html_esc(b, val);
					buf_puts(b, "</th>");
				} else {
					buf_printf(b, "<td class=\"utrecht-table__cell%s\">",
						   numeric(val) ? " utrecht-table__cell--numeric" : "");
					html_esc(b, val);
					buf_puts(b, "</td>");
				}
			}
			buf_puts(b, "</tr>");
		}
		buf_puts(b, "</tbody></table></div>");
	}
	if (rc == 0 && downloads) {
		buf_printf(b, "<p class=\"utrecht-paragraph samen-downloads\">%s: ", tr(r, "facts.download"));
		for (int x = 0; x < 2; x++) {
			buf_printf(b, "%s<a class=\"utrecht-link\" href=\"/feiten/%lld/export?tabel=%s&amp;formaat=%s",
				   x ? " · " : "", (long long)v->region_id, facts_table_name(which),
				   x ? "csv" : "xlsx");
			struct buf q;
			buf_init(&q, 1024);
			facts_view_query(v, &q);
			html_esc(b, buf_str(&q));
			buf_release(&q);
			buf_printf(b, "\">%s</a>", x ? "CSV" : "Excel");
		}
		buf_puts(b, "</p>");
	}
	rows_free(&rows);
	buf_release(&csv);
	table_out_free(t);
	return rc;
}

/* ---- the dashboard -------------------------------------------------------- */

static int chart_no;

static void chart(struct buf *b, json_t *spec, const char *caption)
{
	int n = __atomic_add_fetch(&chart_no, 1, __ATOMIC_RELAXED);
	char *json = json_dumps(spec, JSON_COMPACT | JSON_ESCAPE_SLASH);
	json_decref(spec);
	buf_printf(b, "<figure class=\"samen-chart\"><div class=\"samen-chart__canvas\" data-vega-spec=\"spec-%d\""
		      " aria-hidden=\"true\"></div><figcaption class=\"samen-chart__caption\">", n);
	html_esc(b, caption);
	buf_printf(b, "</figcaption></figure><script type=\"application/json\" id=\"spec-%d\">", n);
	/* '<' only occurs inside JSON strings: \u003c keeps the block free of markup. */
	for (const char *p = json ? json : "{}"; *p; p++) {
		if (*p == '<')
			buf_puts(b, "\\u003c");
		else
			buf_add(b, p, 1);
	}
	buf_puts(b, "</script>");
	free(json);
}

static void stat(struct req *r, struct buf *b, const char *label_key, const char *value,
		 const char *source_anchor, const char *extra)
{
	buf_printf(b, "<div class=\"samen-stat\"><dt class=\"samen-stat__label\">%s</dt>"
		      "<dd class=\"samen-stat__value\">", tr(r, label_key));
	html_esc(b, value);
	buf_puts(b, "</dd><dd class=\"samen-stat__source\">");
	if (extra && *extra) {
		html_esc(b, extra);
		buf_puts(b, " · ");
	}
	buf_printf(b, "<a class=\"utrecht-link\" href=\"/feiten/%lld/bronnen#%s\">%s</a></dd></div>",
		   (long long)req_param_id(r, "region"), source_anchor, tr(r, "facts.source"));
}

static void select_open(struct req *r, struct buf *b, const char *name, const char *label_key)
{
	buf_printf(b, "<div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" for=\"f-%s\">%s</label>"
		      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"f-%s\" name=\"%s\">"
		      "<option value=\"\">%s</option>",
		   name, tr(r, label_key), name, name, tr(r, "facts.all"));
}

static void filters(struct req *r, struct buf *b, const struct facts_view *v,
		    const struct scenario_row *sc, size_t nsc)
{
	const struct factbase *fb = v->fb;
	buf_printf(b, "<form class=\"samen-filters\" method=\"get\" action=\"/feiten/%lld\">"
		      "<fieldset class=\"utrecht-form-fieldset\"><legend class=\"utrecht-form-fieldset__legend\">%s</legend>"
		      "<div class=\"samen-filters__fields\">",
		   (long long)v->region_id, tr(r, "facts.filters"));
	select_open(r, b, "bestuur", "facts.board");
	for (int i = 0; i < fb->d.nboards; i++) {
		buf_printf(b, "<option value=\"%lld\"%s>", (long long)fb->d.boards[i].id,
			   fb->d.boards[i].id == v->board_id ? " selected" : "");
		html_esc(b, fb->d.boards[i].name);
		buf_puts(b, "</option>");
	}
	buf_puts(b, "</select></div>");
	select_open(r, b, "school", "facts.school");
	for (int i = 0; i < fb->d.nschools; i++) {
		buf_printf(b, "<option value=\"%lld\"%s>", (long long)fb->d.schools[i].id,
			   fb->d.schools[i].id == v->school_id ? " selected" : "");
		html_esc(b, fb->d.schools[i].name);
		buf_puts(b, "</option>");
	}
	buf_puts(b, "</select></div>");
	select_open(r, b, "vak", "facts.subject");
	for (int i = 0; i < fb->d.nsubjects; i++) {
		buf_puts(b, "<option value=\"");
		html_esc(b, fb->d.subjects[i].code);
		buf_printf(b, "\"%s>", i == v->subject ? " selected" : "");
		html_esc(b, r->lang == LANG_EN ? fb->d.subjects[i].name_en : fb->d.subjects[i].name_nl);
		buf_puts(b, "</option>");
	}
	buf_puts(b, "</select></div>");
	buf_printf(b, "<div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" for=\"f-scenario\">%s</label>"
		      "<select class=\"utrecht-select utrecht-select--html-select\" id=\"f-scenario\" name=\"scenario\">"
		      "<option value=\"\">%s</option>",
		   tr(r, "facts.scenario"), tr(r, "facts.defaults"));
	for (size_t i = 0; i < nsc; i++) {
		buf_puts(b, "<option value=\"");
		html_esc(b, sc[i].name);
		buf_printf(b, "\"%s>", strcmp(sc[i].name, v->scenario) == 0 ? " selected" : "");
		html_esc(b, sc[i].name);
		buf_puts(b, "</option>");
	}
	buf_printf(b, "</select></div></div><p class=\"samen-filters__actions\">"
		      "<button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">%s</button> "
		      "<a class=\"utrecht-link\" href=\"/feiten/%lld\">%s</a></p></fieldset></form>",
		   tr(r, "facts.show"), (long long)v->region_id, tr(r, "facts.reset"));
}

static void number(struct req *r, double v, int dec, char out[32])
{
	html_number(r, v, dec, out);
}

/* The last snapshot's region figure for an indicator, if any. */
static const struct fact_figure_row *agreed(const struct fact_figure_row *fig, size_t n,
					    const char *indicator)
{
	int64_t latest = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(fig[i].source_kind, "snapshot") == 0 && fig[i].source_id > latest)
			latest = fig[i].source_id;
	for (size_t i = 0; i < n; i++)
		if (fig[i].source_id == latest && latest && fig[i].board_id == 0 && !fig[i].subject[0] &&
		    strcmp(fig[i].indicator, indicator) == 0)
			return &fig[i];
	return NULL;
}

static void agreed_note(struct req *r, const struct fact_figure_row *a, double now, char out[128])
{
	out[0] = '\0';
	if (!a)
		return;
	char d[11];
	snprintf(d, sizeof d, "%.10s", a->vastgesteld_at);
	if (a->value > now - 0.05 && a->value < now + 0.05)
		snprintf(out, 128, "%s %s", tr(r, "facts.vastgesteld"), d);
	else {
		char was[32];
		number(r, a->value, a->value == (long)a->value ? 0 : 1, was);
		snprintf(out, 128, "%s (%s %s)", tr(r, "facts.changed"), d, was);
	}
}

static void key_figures(struct req *r, struct buf *b, const struct facts_view *v,
			const struct fact_figure_row *fig, size_t nfig)
{
	const struct factbase *fb = v->fb;
	int axis = v->subject >= 0 && v->node <= fb->d.nboards ? ind_axis_subject(v->subject) : 0;
	const struct ind_group *g = ind_group_at(&fb->ind, v->node, axis);
	char num[32], pct[8], note[128];
	bool region = v->node == 0 && axis == 0;
	buf_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"kerncijfers\">%s</h2><dl class=\"samen-stats\">",
		   tr(r, "facts.key_figures"));
	bool hc = factbase_count_shown(fb, v->node, axis, IND_HEADCOUNT);
	if (hc)
		number(r, (double)g->count[IND_HEADCOUNT], 0, num);
	else
		snprintf(num, sizeof num, "*");
	agreed_note(r, region ? agreed(fig, nfig, "headcount") : NULL, (double)g->count[IND_HEADCOUNT], note);
	stat(r, b, "facts.persons", num, "personeel", note);
	if (hc)
		number(r, g->fte, 1, num);
	agreed_note(r, region ? agreed(fig, nfig, "fte") : NULL, g->fte, note);
	stat(r, b, "facts.fte", num, "personeel", note);
	facts_share(fb, v->node, axis, IND_AGE55, pct);
	stat(r, b, "facts.share55", pct, "personeel", "");
	facts_share(fb, v->node, axis, IND_AGE60, pct);
	stat(r, b, "facts.share60", pct, "personeel", "");
	facts_share(fb, v->node, axis, IND_TEMPORARY, pct);
	stat(r, b, "facts.temporary", pct, "personeel", "");
	if (factbase_count_shown(fb, v->node, axis, IND_RETIRE5))
		number(r, (double)g->count[IND_RETIRE5], 0, num);
	else
		snprintf(num, sizeof num, "*");
	stat(r, b, "facts.retire5", num, "aow", "");
	number(r, (double)g->vac_open, 0, num);
	stat(r, b, "facts.vacancies_open", num, "vacatures", "");
	if (axis == 0 && factbase_count_shown(fb, v->node, 0, IND_RESERVE))
		number(r, g->reserve_fte, 1, num);
	else
		snprintf(num, sizeof num, "*");
	if (axis == 0)
		stat(r, b, "facts.reserve", num, "personeel", "");
	if (region && (fb->pupils_known || fb->pupils_masked)) {
		char lo[32], hi[32], both[80];
		number(r, (double)(fb->pupils_known + fb->pupils_masked), 0, lo);
		number(r, (double)(fb->pupils_known + 4 * fb->pupils_masked), 0, hi);
		if (fb->pupils_masked)
			snprintf(both, sizeof both, "%s–%s", lo, hi);
		else
			snprintf(both, sizeof both, "%s", lo);
		stat(r, b, "facts.pupils", both, "duo", "");
	}
	buf_puts(b, "</dl>");
}

static void scripts(struct buf *b)
{
	buf_puts(b, "<script src=\"/static/js/vendor/vega.min.js\" defer></script>"
		    "<script src=\"/static/js/vendor/vega-lite.min.js\" defer></script>"
		    "<script src=\"/static/js/vendor/vega-embed.min.js\" defer></script>"
		    "<script src=\"/static/js/vendor/vega-interpreter.js\" defer></script>"
		    "<script src=\"/static/js/facts-charts.js\" defer></script>");
}

int page_facts_home(struct req *r, struct resp *s)
{
	int64_t region = r->user.region_id;
	if (!region) {
		struct samen_err err;
		samen_err_clear(&err);
		int rc = db_query_int(r->db, "SELECT MIN(id) FROM region", 0, NULL, &region, &err);
		if (rc || !region)
			return SAMEN_ENOTFOUND;
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/feiten/%lld", (long long)region);
	resp_redirect(s, loc);
	return 0;
}

int page_facts(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct facts_view v;
	int rc = facts_view_open(r, &v, &err);
	if (rc) {
		if (rc == SAMEN_EINVAL) {
			html_error_page(r, s, rc, err.msg);
			return 0;
		}
		return rc;
	}
	const struct factbase *fb = v.fb;
	struct fact_figure_row *fig = NULL;
	size_t nfig = 0;
	struct scenario_row *sc = NULL;
	size_t nsc = 0;
	if ((rc = facts_figures(r->db, v.region_id, &fig, &nfig, &err)) != 0 ||
	    (rc = facts_scenarios(r->db, v.region_id, &sc, &nsc, &err)) != 0)
		goto out;
	char title[200];
	snprintf(title, sizeof title, "%s %s", tr(r, "facts.title"), fb->d.region_name);
	html_begin(r, s, title);
	struct buf *b = &s->body;
	buf_puts(b, "<link rel=\"stylesheet\" href=\"/static/css/facts.css\">");
	buf_puts(b, "<h1 class=\"utrecht-heading-1\">");
	html_esc(b, title);
	if (v.node > 0) {
		buf_puts(b, "<span class=\"samen-subtitle\">");
		html_esc(b, v.node <= fb->d.nboards ? fb->d.boards[v.node - 1].name
						    : fb->d.schools[v.node - 1 - fb->d.nboards].name);
		buf_puts(b, "</span>");
	}
	buf_printf(b, "</h1><p class=\"utrecht-paragraph\">%s</p>"
		      "<p class=\"utrecht-paragraph samen-muted\">%s</p>",
		   tr(r, "facts.intro"), tr(r, "facts.privacy"));
	filters(r, b, &v, sc, nsc);
	key_figures(r, b, &v, fig, nfig);

	/* Age pyramid. */
	buf_printf(b, "<section class=\"samen-facts-section\"><h2 class=\"utrecht-heading-2\" id=\"leeftijd\">%s</h2>",
		   tr(r, "facts.pyramid"));
	chart(b, facts_chart_pyramid(r, fb, v.node), tr(r, "facts.chart_pyramid"));
	facts_html_table(r, b, &v, FT_PYRAMID, NULL, 0, NULL, 0, "facts.caption_pyramid", true);
	buf_puts(b, "</section>");

	/* Shortage heat map (region-wide forecast). */
	buf_printf(b, "<section class=\"samen-facts-section\"><h2 class=\"utrecht-heading-2\" id=\"tekort\">%s</h2>"
		      "<p class=\"utrecht-paragraph samen-muted\">%s: %s · %d %s · %s %llu</p>",
		   tr(r, "facts.heatmap"), tr(r, "facts.scenario_used"),
		   v.scenario[0] ? v.scenario : tr(r, "facts.defaults"), (int)fb->params.runs,
		   tr(r, "facts.runs"), tr(r, "facts.seed"), (unsigned long long)fb->params.seed);
	chart(b, facts_chart_heatmap(r, fb), tr(r, "facts.chart_heatmap"));
	facts_html_table(r, b, &v, FT_SHORTAGE, NULL, 0, NULL, 0, "facts.caption_shortage", true);
	buf_puts(b, "</section>");

	/* Fan chart of one subject: the chosen one, else mathematics. */
	int fs = v.subject >= 0 ? v.subject : facts_subject_index(&fb->d, "wi");
	if (fs >= 0) {
		buf_printf(b, "<section class=\"samen-facts-section\"><h2 class=\"utrecht-heading-2\" id=\"prognose\">%s: ",
			   tr(r, "facts.fan"));
		html_esc(b, r->lang == LANG_EN ? fb->d.subjects[fs].name_en : fb->d.subjects[fs].name_nl);
		buf_puts(b, "</h2>");
		if (fb->fc_published[fs]) {
			chart(b, facts_chart_fan(r, fb, fs), tr(r, "facts.chart_fan"));
			struct facts_view one = v;
			one.subject = fs;
			facts_html_table(r, b, &one, FT_FORECAST, NULL, 0, NULL, 0, "facts.caption_forecast", true);
		} else {
			buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "facts.fan_hidden"));
		}
		buf_puts(b, "</section>");
	}

	/* Vacancies. */
	buf_printf(b, "<section class=\"samen-facts-section\"><h2 class=\"utrecht-heading-2\" id=\"vacatures\">%s</h2>",
		   tr(r, "facts.vacancies"));
	chart(b, facts_chart_vacancies(r, fb, v.node), tr(r, "facts.chart_vacancies"));
	facts_html_table(r, b, &v, FT_VACANCIES, NULL, 0, NULL, 0, "facts.caption_vacancies", true);
	buf_puts(b, "</section>");

	/* Parts and subjects. */
	buf_printf(b, "<section class=\"samen-facts-section\"><h2 class=\"utrecht-heading-2\" id=\"onderdelen\">%s</h2>",
		   tr(r, "facts.groups"));
	facts_html_table(r, b, &v, FT_GROUPS, NULL, 0, NULL, 0, "facts.caption_groups", true);
	buf_printf(b, "</section><section class=\"samen-facts-section\"><h2 class=\"utrecht-heading-2\" id=\"vakken\">%s</h2>",
		   tr(r, "facts.subjects"));
	if (v.node > fb->d.nboards)
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "facts.subjects_school"));
	else
		facts_html_table(r, b, &v, FT_SUBJECTS, NULL, 0, NULL, 0, "facts.caption_subjects", true);
	buf_puts(b, "</section>");

	/* Disagreements. */
	buf_printf(b, "<section class=\"samen-facts-section\"><h2 class=\"utrecht-heading-2\" id=\"verschillen\">%s</h2>"
		      "<p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "facts.disagree"), tr(r, "facts.disagree_intro"));
	facts_html_table(r, b, &v, FT_DISAGREE, fig, nfig, NULL, 0, "facts.caption_disagree", true);
	buf_puts(b, "</section>");

	/* Agree the figures (coordinator). */
	if (r->user.role == ROLE_COORDINATOR || r->user.role == ROLE_ADMIN) {
		buf_printf(b, "<section class=\"samen-facts-section samen-no-print\"><h2 class=\"utrecht-heading-2\" id=\"vaststellen\">%s</h2>"
			      "<p class=\"utrecht-paragraph\">%s</p>"
			      "<form class=\"samen-form\" method=\"post\" action=\"/feiten/%lld/vaststellen\">",
			   tr(r, "facts.vaststellen"), tr(r, "facts.vaststellen_intro"), (long long)v.region_id);
		html_csrf_field(r, b);
		buf_printf(b, "<p class=\"samen-form__actions\"><button class=\"utrecht-button utrecht-button--primary-action\""
			      " type=\"submit\">%s</button></p></form></section>",
			   tr(r, "facts.vaststellen"));
	}
	buf_printf(b, "<p class=\"utrecht-paragraph samen-muted samen-no-print\"><a class=\"utrecht-link\" href=\"/feiten/%lld/bronnen\">%s</a>"
		      " · <a class=\"utrecht-link\" href=\"/feiten/%lld/vacatures\">%s</a>"
		      " · <a class=\"utrecht-link\" href=\"/feiten/%lld/cijfers\">%s</a>"
		      " · <a class=\"utrecht-link\" href=\"/feiten/%lld/scenarios\">%s</a></p>",
		   (long long)v.region_id, tr(r, "facts.sources"), (long long)v.region_id,
		   tr(r, "facts.vacancy_list"), (long long)v.region_id, tr(r, "facts.figures"),
		   (long long)v.region_id, tr(r, "facts.scenarios"));
	scripts(b);
	html_end(r, s);
out:
	free(fig);
	free(sc);
	facts_view_close(&v);
	return rc;
}

int page_facts_export(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	const char *f = r->query(r, "formaat");
	int xlsx = !f || strcmp(f, "xlsx") == 0 ? 1 : strcmp(f, "csv") == 0 ? 0 : -1;
	if (xlsx < 0)
		return samen_fail_at(&err, SAMEN_EINVAL, 0, "formaat", "formaat must be csv or xlsx");
	enum facts_table which = facts_table_parse(r->query(r, "tabel"));
	if (!which)
		return samen_fail_at(&err, SAMEN_EINVAL, 0, "tabel", "unknown table");
	struct facts_view v;
	int rc = facts_view_open(r, &v, &err);
	if (rc)
		return rc;
	if (which == FT_FORECAST && v.subject < 0)
		v.subject = facts_subject_index(&v.fb->d, "wi");
	struct fact_figure_row *fig = NULL;
	struct fact_source_row *src = NULL;
	size_t nfig = 0, nsrc = 0;
	struct table_out *t = NULL;
	if (which == FT_DISAGREE)
		rc = facts_figures(r->db, v.region_id, &fig, &nfig, &err);
	if (rc == 0 && which == FT_SOURCES)
		rc = facts_sources(r->db, v.region_id, &src, &nsrc, &err);
	if (rc == 0)
		rc = facts_table(v.fb, which, v.node, v.subject, fig, nfig, src, nsrc, &t, &err);
	if (rc == 0)
		rc = xlsx ? table_out_xlsx(t, &s->body, &err) : table_out_csv(t, NULL, &s->body, &err);
	if (rc == 0) {
		char day[11];
		date_format(date_today(), day);
		snprintf(s->download_name, sizeof s->download_name, "feiten-%s-%s-%s.%s",
			 v.fb->d.region_code, facts_table_name(which), day, xlsx ? "xlsx" : "csv");
		s->content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				       : "text/csv; charset=utf-8";
		s->status = 200;
	}
	table_out_free(t);
	free(fig);
	free(src);
	facts_view_close(&v);
	return rc;
}

int page_facts_sources(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct facts_view v;
	int rc = facts_view_open(r, &v, &err);
	if (rc)
		return rc;
	struct fact_source_row *src = NULL;
	size_t nsrc = 0;
	if ((rc = facts_sources(r->db, v.region_id, &src, &nsrc, &err)) != 0) {
		facts_view_close(&v);
		return rc;
	}
	char title[200];
	snprintf(title, sizeof title, "%s – %s", tr(r, "facts.sources"), v.fb->d.region_name);
	html_begin(r, s, title);
	struct buf *b = &s->body;
	buf_puts(b, "<link rel=\"stylesheet\" href=\"/static/css/facts.css\"><h1 class=\"utrecht-heading-1\">");
	html_esc(b, title);
	buf_puts(b, "</h1>");
	/* Anchors the dashboard's figures link to. */
	static const struct {
		const char *id, *kind;
	} anchors[] = {{"personeel", "staff"}, {"aow", "staff"}, {"vacatures", "staff"}, {"duo", "duo"}};
	for (size_t a = 0; a < sizeof anchors / sizeof anchors[0]; a++)
		buf_printf(b, "<span id=\"%s\"></span>", anchors[a].id);
	buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", tr(r, "facts.disagree_intro"));
	facts_html_table(r, b, &v, FT_SOURCES, NULL, 0, src, nsrc, "facts.caption_sources", true);
	/* The AOW table in force, with its sources. */
	buf_puts(b, "<h2 class=\"utrecht-heading-2\">AOW</h2><div class=\"samen-table-wrap\" tabindex=\"0\" role=\"region\""
		    " aria-label=\"AOW\"><table class=\"utrecht-table\">"
		    "<caption class=\"utrecht-table__caption\">AOW-leeftijd naar geboortedatum / state pension age by birth date</caption>"
		    "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
		    "<th class=\"utrecht-table__header-cell\" scope=\"col\">Geboren vanaf</th>"
		    "<th class=\"utrecht-table__header-cell\" scope=\"col\">Geboren t/m</th>"
		    "<th class=\"utrecht-table__header-cell\" scope=\"col\">AOW-leeftijd</th>"
		    "<th class=\"utrecht-table__header-cell\" scope=\"col\">Status</th>"
		    "<th class=\"utrecht-table__header-cell\" scope=\"col\">Bron</th></tr></thead>"
		    "<tbody class=\"utrecht-table__body\">");
	for (size_t i = 0; i < v.fb->d.naow; i++) {
		const struct pension_row *p = &v.fb->d.aow[i];
		char from[11] = "", to[11] = "";
		if (p->born_from != PENSION_OPEN_FROM)
			date_format(p->born_from, from);
		if (p->born_to != PENSION_OPEN_TO)
			date_format(p->born_to, to);
		buf_printf(b, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__header-cell\" scope=\"row\">%s</th>"
			      "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%d j %d m</td>"
			      "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">",
			   from[0] ? from : "–", to[0] ? to : "–", p->years, p->months,
			   p->is_law ? "wet / law" : "instelling / setting");
		html_esc(b, p->source);
		buf_puts(b, "</td></tr>");
	}
	buf_puts(b, "</tbody></table></div>");
	html_end(r, s);
	free(src);
	facts_view_close(&v);
	return 0;
}

int page_facts_vaststellen(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	const struct factbase *fb;
	int64_t region = req_param_id(r, "region");
	int rc = facts_cache_get(r->db, region, &fb, &err);
	if (rc)
		return rc;
	/* The shown key figures of the region and its boards. */
	struct fact_snapshot_item items[64];
	size_t n = 0;
	for (int node = 0; node <= fb->d.nboards && n + 6 <= 64; node++) {
		const struct ind_group *g = ind_group_at(&fb->ind, node, 0);
		int64_t board = node ? fb->d.boards[node - 1].id : 0;
		if (factbase_count_shown(fb, node, 0, IND_HEADCOUNT)) {
			items[n++] = (struct fact_snapshot_item){"headcount", board, NULL, (double)g->count[IND_HEADCOUNT]};
			items[n++] = (struct fact_snapshot_item){"fte", board, NULL, g->fte};
		}
		if (factbase_count_shown(fb, node, 0, IND_AGE55))
			items[n++] = (struct fact_snapshot_item){"age55plus", board, NULL, (double)g->count[IND_AGE55]};
		if (factbase_count_shown(fb, node, 0, IND_RETIRE5))
			items[n++] = (struct fact_snapshot_item){"retire_5y", board, NULL, (double)g->count[IND_RETIRE5]};
		items[n++] = (struct fact_snapshot_item){"vacancies_open", board, NULL, (double)g->vac_open};
	}
	char period[11];
	date_format(date_today(), period);
	int64_t src;
	rc = facts_snapshot(r->db, region, period, items, n, r->user.email, &src, &err);
	facts_cache_put(fb);
	if (rc)
		return rc;
	char loc[64];
	snprintf(loc, sizeof loc, "/feiten/%lld#kerncijfers", (long long)region);
	resp_redirect(s, loc);
	return 0;
}
