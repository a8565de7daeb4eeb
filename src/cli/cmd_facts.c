/*
 * cmd_facts.c - `samen facts`: the regional fact base on the command line,
 * the same numbers as the /feiten dashboard and GET /api/v1/facts/{region}
 * (core/factbase.h, formats/facts_out.h), with rule 33 applied: these are
 * the shared figures. Suppressed cells print as "*".
 */
#include "cli/cli.h"
#include "cli/facts_cli.h"
#include "formats/facts_out.h"
#include "util/date.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
	fprintf(stderr, "usage: samen facts [--region ID|CODE] [--board ID|BESTUURSNUMMER]"
			" [--school ID|BRIN6] [--subject CODE]\n"
			"       [--table groepen|vakken|leeftijd|vacatures|tekort|verschillen|bronnen]"
			" [--format table|csv|json] [--db PATH|URL]\n");
	return 2;
}

static int print_table(const struct factbase *fb, enum facts_table which, int node, int subject,
		       const char *format, struct db *db)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct fact_figure_row *fig = NULL;
	struct fact_source_row *src = NULL;
	size_t nfig = 0, nsrc = 0;
	int rc = 0;
	if (which == FT_DISAGREE)
		rc = facts_figures(db, fb->d.region_id, &fig, &nfig, &err);
	if (rc == 0 && which == FT_SOURCES)
		rc = facts_sources(db, fb->d.region_id, &src, &nsrc, &err);
	struct table_out *t = NULL;
	if (rc == 0)
		rc = facts_table(fb, which, node, subject, fig, nfig, src, nsrc, &t, &err);
	if (rc == 0) {
		char title[64];
		snprintf(title, sizeof title, "== %s", facts_table_name(which));
		rc = facts_cli_print(stdout, t, format, strcmp(format, "csv") ? title : NULL, &err);
		if (strcmp(format, "csv"))
			fputc('\n', stdout);
	}
	if (rc)
		cli_print_err(&err);
	table_out_free(t);
	free(fig);
	free(src);
	return rc ? 1 : 0;
}

static int run(int argc, char **argv)
{
	const char *target = cli_default_db(), *region = NULL, *board = NULL, *school = NULL;
	const char *subject = NULL, *table = NULL, *format = "table";
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},	  {"region", required_argument, NULL, 'r'},
		{"board", required_argument, NULL, 'b'},   {"school", required_argument, NULL, 's'},
		{"subject", required_argument, NULL, 'v'}, {"table", required_argument, NULL, 't'},
		{"format", required_argument, NULL, 'f'},  {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'r': region = optarg; break;
		case 'b': board = optarg; break;
		case 's': school = optarg; break;
		case 'v': subject = optarg; break;
		case 't': table = optarg; break;
		case 'f': format = optarg; break;
		default: return usage();
		}
	}
	if (optind != argc)
		return usage();
	if (strcmp(format, "table") && strcmp(format, "csv") && strcmp(format, "json")) {
		fprintf(stderr, "samen: --format must be table, csv or json\n");
		return 2;
	}
	enum facts_table which = table ? facts_table_parse(table) : 0;
	if (table && (!which || which == FT_FORECAST || which == FT_SHORTAGE)) {
		fprintf(stderr, "samen: unknown --table '%s' (forecasts: samen forecast)\n", table);
		return 2;
	}
	struct db *db = NULL;
	if (cli_open_db(target, &db))
		return 1;
	struct samen_err err;
	samen_err_clear(&err);
	struct factbase fb;
	int64_t rid;
	int status = 1, node = 0, sidx = -1;
	if (facts_cli_region(db, region, &rid, &err)) {
		cli_print_err(&err);
		db_close(db);
		return 1;
	}
	if (factbase_build(db, rid, date_today(), NULL, NULL, &fb, &err)) {
		cli_print_err(&err);
		db_close(db);
		return 1;
	}
	if (facts_cli_node(&fb, board, school, &node, &err)) {
		cli_print_err(&err);
		goto out;
	}
	if (subject && (sidx = facts_subject_index(&fb.d, subject)) < 0) {
		fprintf(stderr, "samen: unknown subject '%s'\n", subject);
		goto out;
	}
	if (strcmp(format, "json") == 0) {
		json_t *j = facts_json(&fb, node, sidx);
		char *s = json_dumps(j, JSON_INDENT(2) | JSON_SORT_KEYS);
		puts(s ? s : "{}");
		free(s);
		json_decref(j);
		status = 0;
		goto out;
	}
	if (which) {
		status = print_table(&fb, which, node, sidx, format, db);
		goto out;
	}
	if (strcmp(format, "csv") == 0) {
		status = print_table(&fb, FT_GROUPS, node, sidx, format, db);
		goto out;
	}
	printf("Fact base %s on %s (rule 33: '*' = 5 people or fewer, or hidden to protect such a cell)\n\n",
	       fb.d.region_name, fb.version[0] ? "today" : "");
	status = print_table(&fb, FT_GROUPS, node, sidx, format, db);
	if (status == 0 && node <= fb.d.nboards)
		status = print_table(&fb, FT_SUBJECTS, node, sidx, format, db);
	if (status == 0)
		status = print_table(&fb, FT_VACANCIES, node, sidx, format, db);
out:
	factbase_free(&fb);
	db_close(db);
	return status;
}

const struct cli_command cmd_facts = {
	.name = "facts",
	.summary = "the regional fact base: headcount, ages, retirements, vacancies",
	.help = "Usage: samen facts [--region ID|CODE] [--board ID|BESTUURSNUMMER]\n"
		"           [--school ID|BRIN6] [--subject CODE] [--table NAME]\n"
		"           [--format table|csv|json] [--db PATH|URL]\n\n"
		"Prints the shared figures of the region's fact base (docs/facts.md): per\n"
		"board (or per school of --board), per subject, and the vacancies. These are\n"
		"the numbers of the /feiten dashboard and the API, with DOMAIN-RULES rule 33\n"
		"applied: a count of 5 people or fewer, and any count that would let one be\n"
		"worked out by subtraction, shows as '*'; shares below 5% as '<5%', above\n"
		"95% as '>95%'.\n\n"
		"  --table NAME   only one table: groepen, vakken, leeftijd, vacatures,\n"
		"                 verschillen (own counts beside DUO), bronnen (sources)\n"
		"  --format F     table (default), csv (';', decimal comma) or json\n",
	.run = run,
};
