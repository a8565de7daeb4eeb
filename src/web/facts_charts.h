/*
 * facts_charts.h - the Vega-Lite specifications of the fact-base charts,
 * written by Samen with their data inlined: the age pyramid, the shortage
 * per subject and year as a heat map, a subject's forecast as a fan chart
 * (the 5-95% band around the mean), and how long vacancies have been open.
 *
 * The page puts each spec in a <script type="application/json"> block
 * (data, not code: the Content-Security-Policy does not run it) and
 * www/js/facts-charts.js draws it with vega-embed and the CSP-safe
 * expression interpreter. Every chart has a table with the same numbers
 * beneath it (page_facts.c), so nothing depends on the chart. Suppressed
 * counts (rule 33) are left out of the chart data; the tables show "*".
 * Each function returns a new reference (caller decrefs).
 */
#ifndef SAMEN_FACTS_CHARTS_H
#define SAMEN_FACTS_CHARTS_H

#include <jansson.h>

#include "core/factbase.h"
#include "web/http.h"

json_t *facts_chart_pyramid(const struct req *r, const struct factbase *fb, int node);
json_t *facts_chart_heatmap(const struct req *r, const struct factbase *fb);
json_t *facts_chart_fan(const struct req *r, const struct factbase *fb, int subject);
json_t *facts_chart_vacancies(const struct req *r, const struct factbase *fb, int node);

#endif
