/*
 * facts_charts.c - Vega-Lite specs of the fact-base charts (see
 * facts_charts.h). Colours come from Samen's palette (www/css/samen.css);
 * the heat map uses a diverging scale centred on 0 (shortage warm,
 * surplus cool). Texts are in the request's language.
 */
#include "web/facts_charts.h"
#include "web/i18n.h"

#include <math.h>
#include <stdio.h>

#define SCHEMA "https://vega.github.io/schema/vega-lite/v6.json"
#define PETROL "#0e4a66"
#define TEAL "#1b9a8e"
#define BLUE "#2a6cb0"

static json_t *base(const struct req *r, const char *title_key, int width, int height)
{
	return json_pack("{s:s,s:s,s:i,s:i,s:{s:{s:s,s:i},s:{s:s,s:s},s:{s:b}}}", "$schema", SCHEMA,
			 "description", tr(r, title_key), "width", width, "height", height,
			 "config", "font", "family", "system-ui, sans-serif", "size", 13, "axis",
			 "labelColor", "#10243a", "titleColor", "#10243a", "view", "stroke", 0);
}

json_t *facts_chart_pyramid(const struct req *r, const struct factbase *fb, int node)
{
	json_t *spec = base(r, "facts.chart_pyramid", 420, 260);
	json_t *values = json_array();
	for (int b = IND_BANDS - 1; b >= 0; b--) {
		if (!factbase_count_shown(fb, node, 0, IND_BAND0 + b))
			continue;
		json_array_append_new(values, json_pack("{s:s,s:I,s:i}", "band", ind_band_label(b),
							"persons",
							(json_int_t)ind_group_at(&fb->ind, node, 0)->count[IND_BAND0 + b],
							"order", IND_BANDS - b));
	}
	json_t *order = json_array();
	for (int b = IND_BANDS - 1; b >= 0; b--)
		json_array_append_new(order, json_string(ind_band_label(b)));
	json_object_set_new(spec, "data", json_pack("{s:o}", "values", values));
	json_object_set_new(spec, "mark", json_pack("{s:s,s:s}", "type", "bar", "color", PETROL));
	json_object_set_new(spec, "encoding", json_pack(
		"{s:{s:s,s:s,s:s,s:o},s:{s:s,s:s,s:s}}",
		"y", "field", "band", "type", "ordinal", "title", tr(r, "facts.age"), "sort", order,
		"x", "field", "persons", "type", "quantitative", "title", tr(r, "facts.persons")));
	return spec;
}

json_t *facts_chart_heatmap(const struct req *r, const struct factbase *fb)
{
	json_t *spec = base(r, "facts.chart_heatmap", 560, 0);
	json_t *values = json_array();
	int rows = 0;
	for (int s = 0; s < fb->d.nsubjects; s++) {
		if (!fb->fc_published[s])
			continue;
		rows++;
		for (int y = 1; y <= fb->fc[s].years; y++) {
			char label[16];
			factbase_year_label(fb, y, label);
			double v = round(fb->fc[s].y[y].shortage_mean * 10) / 10;
			json_array_append_new(values, json_pack("{s:s,s:s,s:f}", "subject",
								r->lang == LANG_EN ? fb->d.subjects[s].name_en
										   : fb->d.subjects[s].name_nl,
								"year", label, "shortage", v));
		}
	}
	json_object_set_new(spec, "height", json_integer(rows * 26 + 10));
	json_object_set_new(spec, "data", json_pack("{s:o}", "values", values));
	json_t *rect = json_pack(
		"{s:{s:s},s:{s:{s:s,s:s,s:s},s:{s:s,s:s,s:s},s:{s:s,s:s,s:s,s:{s:s,s:i,s:b}}}}",
		"mark", "type", "rect", "encoding",
		"x", "field", "year", "type", "ordinal", "title", tr(r, "facts.school_year"),
		"y", "field", "subject", "type", "nominal", "title", tr(r, "facts.subject"),
		"color", "field", "shortage", "type", "quantitative", "title", tr(r, "facts.shortage_fte"),
		"scale", "scheme", "redblue", "domainMid", 0, "reverse", 1);
	json_t *text = json_pack(
		"{s:{s:s,s:i},s:{s:{s:s,s:s},s:{s:s,s:s},s:{s:s,s:s,s:s}}}",
		"mark", "type", "text", "fontSize", 11, "encoding",
		"x", "field", "year", "type", "ordinal",
		"y", "field", "subject", "type", "nominal",
		"text", "field", "shortage", "type", "quantitative", "format", ".1f");
	json_object_set_new(spec, "layer", json_pack("[o,o]", rect, text));
	return spec;
}

json_t *facts_chart_fan(const struct req *r, const struct factbase *fb, int subject)
{
	json_t *spec = base(r, "facts.chart_fan", 560, 260);
	json_t *values = json_array();
	if (subject >= 0 && subject < fb->d.nsubjects && fb->fc_published[subject]) {
		const struct fc_result *f = &fb->fc[subject];
		for (int y = 0; y <= f->years; y++) {
			char label[16];
			factbase_year_label(fb, y, label);
			json_array_append_new(values, json_pack(
				"{s:s,s:f,s:f,s:f}", "year", label,
				"mean", round(f->y[y].shortage_mean * 10) / 10,
				"p5", round(f->y[y].shortage_p5 * 10) / 10,
				"p95", round(f->y[y].shortage_p95 * 10) / 10));
		}
	}
	json_object_set_new(spec, "data", json_pack("{s:o}", "values", values));
	json_t *band = json_pack(
		"{s:{s:s,s:s,s:f},s:{s:{s:s,s:s,s:s},s:{s:s,s:s,s:s},s:{s:s}}}",
		"mark", "type", "area", "color", TEAL, "opacity", 0.3, "encoding",
		"x", "field", "year", "type", "ordinal", "title", tr(r, "facts.school_year"),
		"y", "field", "p5", "type", "quantitative", "title", tr(r, "facts.shortage_fte"),
		"y2", "field", "p95");
	json_t *line = json_pack(
		"{s:{s:s,s:s,s:b},s:{s:{s:s,s:s},s:{s:s,s:s}}}",
		"mark", "type", "line", "color", PETROL, "point", 1, "encoding",
		"x", "field", "year", "type", "ordinal",
		"y", "field", "mean", "type", "quantitative");
	json_t *zero = json_pack("{s:{s:[{s:i}]},s:{s:s,s:s,s:[i,i]},s:{s:{s:s,s:s}}}",
				 "data", "values", "y", 0, "mark", "type", "rule", "color", BLUE,
				 "strokeDash", 4, 4, "encoding", "y", "field", "y", "type", "quantitative");
	json_object_set_new(spec, "layer", json_pack("[o,o,o]", band, line, zero));
	return spec;
}

json_t *facts_chart_vacancies(const struct req *r, const struct factbase *fb, int node)
{
	json_t *spec = base(r, "facts.chart_vacancies", 420, 0);
	json_t *values = json_array();
	int sub_node = node <= fb->d.nboards ? node : 0;
	int rows = 0;
	for (int s = 0; s < fb->d.nsubjects; s++) {
		const struct ind_group *g = ind_group_at(&fb->ind, sub_node, ind_axis_subject(s));
		if (g->vac_open == 0)
			continue;
		rows++;
		json_array_append_new(values, json_pack(
			"{s:s,s:I,s:I,s:I}", "subject",
			r->lang == LANG_EN ? fb->d.subjects[s].name_en : fb->d.subjects[s].name_nl,
			"median", (json_int_t)g->vac_days_median, "max", (json_int_t)g->vac_days_max,
			"open", (json_int_t)g->vac_open));
	}
	json_object_set_new(spec, "height", json_integer(rows * 24 + 10));
	json_object_set_new(spec, "data", json_pack("{s:o}", "values", values));
	json_t *bar = json_pack(
		"{s:{s:s,s:s},s:{s:{s:s,s:s,s:s,s:s},s:{s:s,s:s,s:s}}}",
		"mark", "type", "bar", "color", PETROL, "encoding",
		"y", "field", "subject", "type", "nominal", "title", tr(r, "facts.subject"), "sort", "-x",
		"x", "field", "median", "type", "quantitative", "title", tr(r, "facts.days_open_median"));
	json_t *tick = json_pack(
		"{s:{s:s,s:s,s:i},s:{s:{s:s,s:s},s:{s:s,s:s}}}",
		"mark", "type", "tick", "color", TEAL, "thickness", 3, "encoding",
		"y", "field", "subject", "type", "nominal",
		"x", "field", "max", "type", "quantitative");
	json_object_set_new(spec, "layer", json_pack("[o,o]", bar, tick));
	return spec;
}
