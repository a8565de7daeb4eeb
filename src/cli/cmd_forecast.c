/*
 * cmd_forecast.c - `samen forecast --subject wi`: the supply and demand
 * forecast of one subject in the region for ten school years (core/
 * forecast.h), with its Monte Carlo band; the same numbers as the
 * dashboard's fan chart for the same scenario, runs and seed. Parameters
 * can be changed with --param and the result saved as a named scenario.
 */
#include "cli/cli.h"
#include "cli/facts_cli.h"
#include "formats/facts_out.h"
#include "util/date.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SET 32

static int usage(void)
{
	fprintf(stderr, "usage: samen forecast --subject CODE [--region ID|CODE] [--scenario NAME]\n"
			"       [--runs N] [--seed N] [--param NAME=VALUE]... [--save NAME]\n"
			"       [--format table|csv|json] [--params] [--db PATH|URL]\n");
	return 2;
}

static void print_params(const struct fc_params *p)
{
	size_t n;
	const struct fc_param_info *info = forecast_param_info(&n);
	printf("%-18s %10s %10s  %s\n", "parameter", "value", "default", "source of the default");
	for (size_t i = 0; i < n; i++)
		printf("%-18s %10g %10g  %s\n", info[i].name, forecast_param_get(p, info[i].name),
		       info[i].def, info[i].source);
	printf("%-18s %10llu\n", "seed", (unsigned long long)p->seed);
}

static int run(int argc, char **argv)
{
	const char *target = cli_default_db(), *region = NULL, *subject = NULL, *scenario = NULL;
	const char *format = "table", *runs = NULL, *seed = NULL, *save = NULL;
	const char *set[MAX_SET];
	int nset = 0, show_params = 0;
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},	   {"region", required_argument, NULL, 'r'},
		{"subject", required_argument, NULL, 'v'},  {"scenario", required_argument, NULL, 's'},
		{"runs", required_argument, NULL, 'n'},	   {"seed", required_argument, NULL, 'S'},
		{"param", required_argument, NULL, 'p'},    {"save", required_argument, NULL, 'w'},
		{"format", required_argument, NULL, 'f'},   {"params", no_argument, NULL, 'P'},
		{0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'r': region = optarg; break;
		case 'v': subject = optarg; break;
		case 's': scenario = optarg; break;
		case 'n': runs = optarg; break;
		case 'S': seed = optarg; break;
		case 'p':
			if (nset == MAX_SET)
				return usage();
			set[nset++] = optarg;
			break;
		case 'w': save = optarg; break;
		case 'f': format = optarg; break;
		case 'P': show_params = 1; break;
		default: return usage();
		}
	}
	if (optind != argc || (!subject && !save && !show_params))
		return usage();
	if (strcmp(format, "table") && strcmp(format, "csv") && strcmp(format, "json")) {
		fprintf(stderr, "samen: --format must be table, csv or json\n");
		return 2;
	}
	struct db *db = NULL;
	if (cli_open_db(target, &db))
		return 1;
	struct samen_err err;
	samen_err_clear(&err);
	int64_t rid;
	int status = 1;
	struct fc_params p;
	forecast_defaults(&p);
	struct factbase fb = {0};
	if (facts_cli_region(db, region, &rid, &err))
		goto fail;
	if (scenario) {
		struct scenario_row s;
		if (facts_scenario_get(db, rid, scenario, &s, &err))
			goto fail;
		p = s.params;
	}
	if (runs && forecast_param_set(&p, "runs", runs, &err))
		goto fail;
	if (seed && forecast_param_set(&p, "seed", seed, &err))
		goto fail;
	for (int i = 0; i < nset; i++) {
		char name[64];
		const char *eq = strchr(set[i], '=');
		if (!eq || (size_t)(eq - set[i]) >= sizeof name) {
			fprintf(stderr, "samen: --param takes NAME=VALUE, not '%s'\n", set[i]);
			goto out;
		}
		snprintf(name, sizeof name, "%.*s", (int)(eq - set[i]), set[i]);
		if (forecast_param_set(&p, name, eq + 1, &err))
			goto fail;
	}
	if (show_params)
		print_params(&p);
	if (save) {
		if (facts_scenario_save(db, rid, save, &p, "", "cli", &err))
			goto fail;
		printf("saved scenario '%s'\n", save);
	}
	if (!subject) {
		status = 0;
		goto out;
	}
	if (factbase_build(db, rid, date_today(), scenario, &p, &fb, &err))
		goto fail;
	int s = facts_subject_index(&fb.d, subject);
	if (s < 0) {
		fprintf(stderr, "samen: unknown subject '%s'\n", subject);
		goto out;
	}
	if (strcmp(format, "json") == 0) {
		json_t *j = facts_json(&fb, 0, s);
		json_t *fc = json_object_get(j, "forecast");
		char *txt = json_dumps(fc, JSON_INDENT(2) | JSON_SORT_KEYS);
		puts(txt ? txt : "{}");
		free(txt);
		json_decref(j);
		status = 0;
		goto out;
	}
	struct table_out *t = NULL;
	if (facts_table(&fb, FT_FORECAST, 0, s, NULL, 0, NULL, 0, &t, &err))
		goto fail;
	if (strcmp(format, "table") == 0)
		printf("Forecast %s (%s), %s, scenario %s, %d runs, seed %llu; FTE, shortage > 0,"
		       " surplus < 0; band p5-p95\n",
		       fb.d.subjects[s].name_en, fb.d.subjects[s].code, fb.d.region_name,
		       fb.scenario[0] ? fb.scenario : "defaults", (int)p.runs,
		       (unsigned long long)p.seed);
	status = facts_cli_print(stdout, t, format, NULL, &err) ? 1 : 0;
	table_out_free(t);
	if (status)
		goto fail;
	goto out;
fail:
	cli_print_err(&err);
	status = 1;
out:
	factbase_free(&fb);
	db_close(db);
	return status;
}

const struct cli_command cmd_forecast = {
	.name = "forecast",
	.summary = "ten-year teacher shortage forecast for one subject (Monte Carlo)",
	.help = "Usage: samen forecast --subject CODE [--region ID|CODE] [--scenario NAME]\n"
		"           [--runs N] [--seed N] [--param NAME=VALUE]... [--save NAME]\n"
		"           [--format table|csv|json] [--params] [--db PATH|URL]\n\n"
		"Runs the stock-flow model of docs/facts.md for the subject's teachers in the\n"
		"region: retirement at the AOW age, other leaving by age band, inflow of\n"
		"graduates, zij-instromers and returners, demand from DUO pupil prognoses or\n"
		"a growth scenario. Prints per school year the demand, the mean supply, the\n"
		"mean shortage (FTE; negative is a surplus) and its 5-50-95%% band over the\n"
		"runs (default 1,000; the same seed gives the same numbers).\n\n"
		"  --scenario NAME     start from a saved scenario (default: the defaults)\n"
		"  --param NAME=VALUE  change one parameter (see --params); rates must lie in\n"
		"                      0..1, anything else is refused\n"
		"  --save NAME         save the parameters as scenario NAME\n"
		"  --params            list the parameters, their defaults and sources\n",
	.run = run,
};
