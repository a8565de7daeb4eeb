/*
 * api_facts.c - the fact base as JSON (docs/facts.md, "API"):
 *   GET  /api/v1/facts/{region}                      indicators (?bestuur=&school=&vak=&scenario=)
 *   GET  /api/v1/facts/{region}/forecast             ?vak=wi[&scenario=&runs=&seed=]
 *   GET  /api/v1/facts/{region}/tables/{table}       one table as columns + rows (as the downloads)
 *   GET  /api/v1/facts/{region}/sources
 *   GET  /api/v1/facts/{region}/vacancies            POST registers one (HR/executive, own board)
 *   POST /api/v1/facts/{region}/vacancies/{vacancy}/close
 *   GET  /api/v1/facts/{region}/figures              POST enters one with its source
 *   POST /api/v1/facts/{region}/figures/{figure}/vaststellen
 *   GET  /api/v1/facts/{region}/scenarios            POST saves one (coordinator, admin)
 *   POST /api/v1/facts/{region}/import/duo           {"name", "content", "kind"?, "year"?}
 * Numbers are the same as the dashboard's and `samen facts`: one struct
 * factbase, rule 33 applied (suppressed counts are null and listed).
 */
#include "formats/csvrows.h"
#include "formats/duo_vo.h"
#include "formats/facts_out.h"
#include "util/date.h"
#include "web/facts_cache.h"
#include "web/facts_view.h"
#include "web/handlers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(struct resp *s, const struct samen_err *err)
{
	resp_error(s, err);
	return 0;
}

int api_facts_get(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct facts_view v;
	if (facts_view_open(r, &v, &err))
		return fail(s, &err);
	json_t *j = facts_json(v.fb, v.node, v.subject);
	json_object_set_new(j, "version", json_string(v.fb->version));
	facts_view_close(&v);
	resp_json(s, 200, j);
	return 0;
}

int api_facts_forecast(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	int64_t region = req_param_id(r, "region");
	const char *vak = r->query(r, "vak"), *sc = r->query(r, "scenario");
	const char *runs = r->query(r, "runs"), *seed = r->query(r, "seed");
	if (!vak || !*vak) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "vak", "give the subject: ?vak=wi");
		return fail(s, &err);
	}
	struct fc_params p;
	forecast_defaults(&p);
	if (sc && *sc) {
		struct scenario_row row;
		if (facts_scenario_get(r->db, region, sc, &row, &err))
			return fail(s, &err);
		p = row.params;
	}
	if ((runs && *runs && forecast_param_set(&p, "runs", runs, &err)) ||
	    (seed && *seed && forecast_param_set(&p, "seed", seed, &err)))
		return fail(s, &err);
	struct factbase fb;
	if (factbase_build(r->db, region, date_today(), sc && *sc ? sc : NULL, &p, &fb, &err))
		return fail(s, &err);
	int si = facts_subject_index(&fb.d, vak);
	if (si < 0) {
		factbase_free(&fb);
		samen_fail_at(&err, SAMEN_EINVAL, 0, "vak", "unknown subject '%s'", vak);
		return fail(s, &err);
	}
	json_t *j = facts_json(&fb, 0, si);
	json_t *fc = json_incref(json_object_get(j, "forecast"));
	json_decref(j);
	json_object_set_new(fc, "runs", json_integer((json_int_t)p.runs));
	json_object_set_new(fc, "seed", json_integer((json_int_t)p.seed));
	factbase_free(&fb);
	resp_json(s, 200, fc);
	return 0;
}

struct jrows {
	json_t *rows;
	json_t *cols;
};

static int jrow(void *ctx, long line, int n, char **f, struct samen_err *err)
{
	(void)err;
	struct jrows *j = ctx;
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_string(f[i]));
	if (line == 1 && !j->cols)
		j->cols = a;
	else
		json_array_append_new(j->rows, a);
	return 0;
}

int api_facts_table(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	enum facts_table which = facts_table_parse(req_param(r, "table"));
	if (!which) {
		samen_fail_at(&err, SAMEN_ENOTFOUND, 0, "table", "no such table");
		return fail(s, &err);
	}
	struct facts_view v;
	if (facts_view_open(r, &v, &err))
		return fail(s, &err);
	if (which == FT_FORECAST && v.subject < 0)
		v.subject = facts_subject_index(&v.fb->d, "wi");
	struct fact_figure_row *fig = NULL;
	struct fact_source_row *src = NULL;
	size_t nfig = 0, nsrc = 0;
	struct table_out *t = NULL;
	struct buf csv;
	buf_init(&csv, (size_t)16 << 20);
	int rc = 0;
	if (which == FT_DISAGREE)
		rc = facts_figures(r->db, v.region_id, &fig, &nfig, &err);
	if (rc == 0 && which == FT_SOURCES)
		rc = facts_sources(r->db, v.region_id, &src, &nsrc, &err);
	if (rc == 0)
		rc = facts_table(v.fb, which, v.node, v.subject, fig, nfig, src, nsrc, &t, &err);
	struct table_out_csv_opts o = table_out_csv_defaults();
	o.delim = '\t';
	o.bom = false;
	o.formula_guard = false;
	struct jrows j = {json_array(), NULL};
	if (rc == 0)
		rc = table_out_csv(t, &o, &csv, &err);
	if (rc == 0)
		rc = csvrows_parse(buf_str(&csv), csv.len, '\t', jrow, &j, &err);
	if (rc == 0)
		resp_json(s, 200, json_pack("{s:s,s:o,s:o}", "table", facts_table_name(which), "columns",
					    j.cols ? j.cols : json_array(), "rows", j.rows));
	else {
		json_decref(j.rows);
		json_decref(j.cols);
		resp_error(s, &err);
	}
	buf_release(&csv);
	table_out_free(t);
	free(fig);
	free(src);
	facts_view_close(&v);
	return 0;
}

int api_facts_sources(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct fact_source_row *src;
	size_t n;
	if (facts_sources(r->db, req_param_id(r, "region"), &src, &n, &err))
		return fail(s, &err);
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack(
			"{s:I,s:s,s:s,s:s,s:s,s:I,s:s,s:s,s:s,s:b,s:s,s:s}", "id", (json_int_t)src[i].id,
			"kind", src[i].kind, "name", src[i].name, "licence", src[i].licence, "supplier",
			src[i].supplier, "board_id", (json_int_t)src[i].board_id, "board",
			src[i].board_name, "supplied_at", src[i].supplied_at, "detail", src[i].detail,
			"vastgesteld", src[i].vastgesteld, "vastgesteld_by", src[i].vastgesteld_by,
			"vastgesteld_at", src[i].vastgesteld_at));
	free(src);
	resp_json(s, 200, json_pack("{s:o}", "sources", a));
	return 0;
}

/* ---- vacancies ------------------------------------------------------------ */

static json_t *vacancy_json(const struct vacancy_row *v)
{
	return json_pack("{s:I,s:I,s:s,s:I,s:s,s:s,s:f,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)v->id,
			 "board_id", (json_int_t)v->board_id, "board", v->board_name, "school_id",
			 (json_int_t)v->school_id, "school", v->school_name, "subject", v->subject,
			 "hours_per_year", v->hours_per_year, "opened_on", v->opened_on, "closed_on",
			 v->closed_on, "status", v->status, "filled_how", v->filled_how, "note", v->note);
}

int api_facts_vacancies(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct vacancy_row *v;
	size_t n;
	if (facts_vacancies(r->db, req_param_id(r, "region"), 0, &v, &n, &err))
		return fail(s, &err);
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, vacancy_json(&v[i]));
	free(v);
	resp_json(s, 200, json_pack("{s:o}", "vacancies", a));
	return 0;
}

static const char *jstr(const json_t *o, const char *k)
{
	const json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int64_t jint(const json_t *o, const char *k)
{
	const json_t *v = json_object_get(o, k);
	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

static double jnum(const json_t *o, const char *k, bool *present)
{
	const json_t *v = json_object_get(o, k);
	*present = json_is_number(v);
	return json_is_number(v) ? json_number_value(v) : 0;
}

int api_facts_vacancy_add(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	if (!r->json) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "body", "send a JSON object");
		return fail(s, &err);
	}
	int64_t board = r->user.role == ROLE_ADMIN ? jint(r->json, "board_id") : r->user.board_id;
	if (r->user.role != ROLE_ADMIN && jint(r->json, "board_id") &&
	    jint(r->json, "board_id") != r->user.board_id) {
		samen_fail_at(&err, SAMEN_EPERM, 0, "board_id", "only your own board's vacancies");
		return fail(s, &err);
	}
	bool has;
	double hours = jnum(r->json, "hours_per_year", &has);
	struct vacancy_new v = {board, jint(r->json, "school_id"), jstr(r->json, "subject"),
				has ? hours : -1, jstr(r->json, "opened_on"), jstr(r->json, "note")};
	int64_t id;
	if (facts_vacancy_add(r->db, &v, date_today(), r->user.email, &id, &err))
		return fail(s, &err);
	resp_json(s, 201, json_pack("{s:I}", "id", (json_int_t)id));
	return 0;
}

int api_facts_vacancy_close(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	if (!r->json) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "body", "send a JSON object");
		return fail(s, &err);
	}
	int64_t region = req_param_id(r, "region"), id = req_param_id(r, "vacancy");
	int64_t board = r->user.board_id;
	if (r->user.role == ROLE_ADMIN) {
		struct vacancy_row *v = NULL;
		size_t n = 0;
		if (facts_vacancies(r->db, region, 0, &v, &n, &err))
			return fail(s, &err);
		for (size_t i = 0; i < n; i++)
			if (v[i].id == id)
				board = v[i].board_id;
		free(v);
	}
	if (facts_vacancy_close(r->db, board, id, jstr(r->json, "status"), jstr(r->json, "how"),
				jstr(r->json, "closed_on"), date_today(), r->user.email, &err))
		return fail(s, &err);
	resp_json(s, 200, json_pack("{s:I,s:s}", "id", (json_int_t)id, "status",
				    jstr(r->json, "status")));
	return 0;
}

/* ---- figures ------------------------------------------------------------------ */

int api_facts_figures(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct fact_figure_row *f;
	size_t n;
	if (facts_figures(r->db, req_param_id(r, "region"), &f, &n, &err))
		return fail(s, &err);
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_pack("{s:I,s:I,s:s,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:b,s:s,s:s}", "id",
				      (json_int_t)f[i].id, "source_id", (json_int_t)f[i].source_id,
				      "indicator", f[i].indicator, "board_id", (json_int_t)f[i].board_id,
				      "subject", f[i].subject, "period", f[i].period, "source_kind",
				      f[i].source_kind, "source", f[i].source_name, "supplier",
				      f[i].supplier, "supplied_at", f[i].supplied_at, "vastgesteld",
				      f[i].vastgesteld, "vastgesteld_by", f[i].vastgesteld_by,
				      "vastgesteld_at", f[i].vastgesteld_at);
		json_object_set_new(o, "value", f[i].unknown ? json_null() : json_real(f[i].value));
		json_object_set_new(o, "unknown", json_boolean(f[i].unknown));
		json_array_append_new(a, o);
	}
	free(f);
	resp_json(s, 200, json_pack("{s:o}", "figures", a));
	return 0;
}

int api_facts_figure_add(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	if (!r->json) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "body", "send a JSON object");
		return fail(s, &err);
	}
	int64_t board = jint(r->json, "board_id");
	if (r->user.role != ROLE_ADMIN && r->user.role != ROLE_COORDINATOR && board != r->user.board_id) {
		samen_fail_at(&err, SAMEN_EPERM, 0, "board_id", "only figures of your own board");
		return fail(s, &err);
	}
	const json_t *val = json_object_get(r->json, "value");
	bool unknown = json_is_null(val) || json_is_true(json_object_get(r->json, "unknown"));
	if (!unknown && !json_is_number(val)) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "value", "value must be a number, or null for unknown");
		return fail(s, &err);
	}
	struct fact_figure_new f = {req_param_id(r, "region"), jstr(r->json, "indicator"), board,
				    jint(r->json, "school_id"), jstr(r->json, "subject"),
				    jstr(r->json, "period"), unknown,
				    unknown ? 0 : json_number_value(val), jstr(r->json, "source"),
				    jstr(r->json, "note")};
	int64_t id;
	if (facts_figure_add(r->db, &f, r->user.email, &id, &err))
		return fail(s, &err);
	resp_json(s, 201, json_pack("{s:I}", "id", (json_int_t)id));
	return 0;
}

int api_facts_figure_vaststellen(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	if (facts_figure_vaststellen(r->db, req_param_id(r, "region"), req_param_id(r, "figure"),
				     r->user.email, &err))
		return fail(s, &err);
	resp_json(s, 200, json_pack("{s:I,s:b}", "id", (json_int_t)req_param_id(r, "figure"),
				    "vastgesteld", 1));
	return 0;
}

/* ---- scenarios ------------------------------------------------------------------ */

int api_facts_scenarios(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct scenario_row *sc;
	size_t n;
	if (facts_scenarios(r->db, req_param_id(r, "region"), &sc, &n, &err))
		return fail(s, &err);
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		char *pj = facts_params_json(&sc[i].params);
		json_error_t je;
		json_array_append_new(a, json_pack("{s:s,s:s,s:s,s:o}", "name", sc[i].name, "note",
						   sc[i].note, "updated_at", sc[i].updated_at, "params",
						   pj ? json_loads(pj, 0, &je) : json_object()));
		free(pj);
	}
	free(sc);
	size_t np;
	const struct fc_param_info *info = forecast_param_info(&np);
	json_t *defs = json_array();
	for (size_t i = 0; i < np; i++)
		json_array_append_new(defs, json_pack("{s:s,s:f,s:f,s:f,s:b,s:s,s:s}", "name",
						      info[i].name, "min", info[i].min, "max",
						      info[i].max, "default", info[i].def, "rate",
						      info[i].is_rate, "what", info[i].what, "source",
						      info[i].source));
	resp_json(s, 200, json_pack("{s:o,s:o}", "scenarios", a, "parameters", defs));
	return 0;
}

int api_facts_scenario_save(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	if (!r->json) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "body", "send a JSON object");
		return fail(s, &err);
	}
	struct fc_params p;
	const json_t *params = json_object_get(r->json, "params");
	char *txt = params ? json_dumps(params, JSON_COMPACT) : NULL;
	int rc = facts_params_from_json(txt ? txt : "{}", &p, &err);
	free(txt);
	if (rc == 0)
		rc = facts_scenario_save(r->db, req_param_id(r, "region"), jstr(r->json, "name"), &p,
					 jstr(r->json, "note"), r->user.email, &err);
	if (rc)
		return fail(s, &err);
	resp_json(s, 201, json_pack("{s:s}", "name", jstr(r->json, "name")));
	return 0;
}

/* ---- DUO upload ---------------------------------------------------------------- */

int api_facts_duo_import(struct req *r, struct resp *s)
{
	struct samen_err err;
	samen_err_clear(&err);
	if (!r->json) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "body", "send a JSON object with name and content");
		return fail(s, &err);
	}
	const char *name = jstr(r->json, "name"), *content = jstr(r->json, "content");
	const char *kind_s = jstr(r->json, "kind");
	if (!name || !*name || !content) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, name ? "content" : "name",
			      "name (the file name) and content (the CSV text) are required");
		return fail(s, &err);
	}
	enum duo_kind kind = kind_s ? duo_kind_parse(kind_s) : DUO_UNKNOWN;
	if (kind_s && kind == DUO_UNKNOWN) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, "kind", "unknown kind '%s'", kind_s);
		return fail(s, &err);
	}
	int year = (int)jint(r->json, "year");
	if (!year)
		year = duo_year_from_name(name);
	struct duo_file f;
	if (duo_parse(content, strlen(content), kind, year, &f, &err))
		return fail(s, &err);
	struct duo_import_stats st;
	int rc = facts_duo_import(r->db, &f, name, r->user.email, &st, &err);
	enum duo_kind k = f.kind;
	int gen = f.generation;
	duo_file_free(&f);
	if (rc)
		return fail(s, &err);
	resp_json(s, 201, json_pack("{s:I,s:s,s:i,s:I,s:I,s:I,s:I}", "source_id",
				    (json_int_t)st.source_id, "kind", duo_kind_name(k), "generation",
				    gen, "rows", (json_int_t)st.rows, "stored", (json_int_t)st.stored,
				    "masked", (json_int_t)st.masked, "blank_cells",
				    (json_int_t)st.blank_cells));
	return 0;
}
