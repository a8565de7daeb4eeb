/*
 * cmd_match.c - `samen match`: the regional matching plan of issue 4
 * (store/match_plan.h). All open help requests of a region (lessons and
 * hours per week) are assigned to the pool by the optimisers
 * (optim/lessons.h, optim/assign.h) and stored as proposals (offers with
 * source "optimiser") that the people still accept or decline. --dry-run prints the plan without storing it;
 * --export writes the plan as CSV (semicolon-separated, UTF-8); --smtp
 * HOST:PORT afterwards e-mails the notifications not yet e-mailed
 * (store/notify.h, util/smtp.h).
 *
 * --instance FILE solves a matching instance file instead of the database
 * (formats/match_instance.h, core/match_instance_solve.h,
 * docs/formats/match-instance.md): it prints the plan and the objective
 * levels of both parts, stores nothing, and --export writes the plan as CSV.
 */
#include "cli/cli.h"
#include "core/match_instance_solve.h"
#include "formats/match_instance.h"
#include "store/match_plan.h"
#include "store/notify.h"
#include "util/date.h"

#include <errno.h>
#include <stdbool.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
	fprintf(stderr, "usage: samen match [--region ID] [--export FILE] [--dry-run]"
			" [--today YYYY-MM-DD] [--smtp HOST:PORT [--mail-from ADDR]] [--db PATH|URL]\n"
			"       samen match --instance FILE.json [--export FILE.csv]\n");
	return 2;
}

/* The lesson part's summary line of a plan (nothing when no lessons were wanted). */
static void print_lessons(size_t covered, size_t wanted, size_t requests, size_t options,
			  bool proven, int64_t nodes, double seconds)
{
	if (!wanted)
		return;
	printf("  lessons: %zu of %zu covered for %zu request(s), %zu options; %s"
	       " (%lld search nodes, %.3f s)\n",
	       covered, wanted, requests, options,
	       proven ? "proven optimal" : "time limit reached, not proven optimal",
	       (long long)nodes, seconds);
}

/* Write s as one CSV field (quoted when it holds ; " or a line break). */
static void csv_field(FILE *o, const char *s)
{
	if (!strpbrk(s, ";\"\r\n")) {
		fputs(s, o);
		return;
	}
	fputc('"', o);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', o);
		fputc(*s, o);
	}
	fputc('"', o);
}

static int export_plan(const char *path, int64_t region, bool header,
		       const struct match_plan *p, FILE *o)
{
	if (header)
		fprintf(o, "region;request;school;subject;candidate;board;hours_per_week;"
			   "travel_minutes;offer;lessons\n");
	for (size_t i = 0; i < p->nlines; i++) {
		const struct match_plan_line *l = &p->lines[i];
		fprintf(o, "%lld;%lld;", (long long)region, (long long)l->request_id);
		csv_field(o, l->school_name);
		fputc(';', o);
		csv_field(o, l->subject);
		fputc(';', o);
		csv_field(o, l->alias);
		fprintf(o, ";%lld;%lld,%02lld;%d;%lld;", (long long)l->board_id,
			(long long)(l->hours / 100), (long long)(l->hours % 100), l->travel,
			(long long)l->offer_id);
		csv_field(o, l->lesson_text);
		fputc('\n', o);
	}
	if (ferror(o)) {
		fprintf(stderr, "samen: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

/* ---- --instance FILE: an instance file instead of the database ------------------- */

static void instance_err(const char *file, const struct samen_err *err)
{
	if (err->field[0])
		fprintf(stderr, "samen: %s: %s: %s\n", file, err->field, err->msg);
	else
		fprintf(stderr, "samen: %s: %s\n", file, err->msg);
}

/* The lesson ids of line l, space-separated, to o. */
static void instance_lesson_ids(FILE *o, const struct match_solution *s,
				const struct match_solution_line *l)
{
	for (size_t k = 0; k < l->nlessons; k++)
		fprintf(o, "%s%lld", k ? " " : "", (long long)s->lesson_ids[l->first_lesson + k]);
}

static int instance_export(const char *path, const struct match_solution *s)
{
	FILE *o = fopen(path, "w");
	if (!o) {
		fprintf(stderr, "samen: cannot write %s\n", path);
		return 1;
	}
	fprintf(o, "request;staff;board;hours_per_week;travel_minutes;lessons\n");
	for (size_t i = 0; i < s->nlines; i++) {
		const struct match_solution_line *l = &s->lines[i];
		fprintf(o, "%lld;%lld;%d;%lld,%02lld;%d;", (long long)l->request_id,
			(long long)l->staff_id, l->board, (long long)(l->hours / 100),
			(long long)(l->hours % 100), l->travel);
		instance_lesson_ids(o, s, l);
		fputc('\n', o);
	}
	int bad = ferror(o);
	if (fclose(o) != 0 || bad) {
		fprintf(stderr, "samen: cannot write %s\n", path);
		return 1;
	}
	return 0;
}

static int run_instance(const char *file, const char *export)
{
	struct samen_err err;
	samen_err_clear(&err);
	struct match_instance in;
	struct match_solution s;
	if (match_instance_load(file, &in, &err)) {
		instance_err(file, &err);
		return 1;
	}
	if (match_instance_solve(&in, &s, &err)) {
		instance_err(file, &err);
		match_instance_release(&in);
		return 1;
	}
	printf("Instance %s: %zu requests, %zu pool members, %zu candidate pairs;"
	       " %lld,%02lld of %lld,%02lld hours per week covered\n",
	       file, in.nrequests, in.nstaff, in.ncandidates, (long long)(s.hours_covered / 100),
	       (long long)(s.hours_covered % 100), (long long)(s.hours_wanted / 100),
	       (long long)(s.hours_wanted % 100));
	print_lessons(s.lessons_covered, s.lessons_wanted, s.lesson_requests, s.lesson_options,
		      s.lessons_proven, s.lesson_nodes, s.lesson_seconds);
	for (size_t k = 0; k < s.nlines; k++) {
		const struct match_solution_line *l = &s.lines[k];
		printf("  request %lld: staff %lld (board %d), %lld,%02lld h/week, %d min",
		       (long long)l->request_id, (long long)l->staff_id, l->board,
		       (long long)(l->hours / 100), (long long)(l->hours % 100), l->travel);
		if (l->nlessons) {
			printf(", lessons ");
			instance_lesson_ids(stdout, &s, l);
		}
		printf("\n");
	}
	if (s.lessons_wanted) {
		printf("  objective, lessons: %lld of %lld minutes covered (bound %lld), priority %lld,"
		       " travel %lld, fairness %lld\n",
		       (long long)s.lesson_minutes_covered, (long long)s.lesson_minutes_wanted,
		       (long long)s.lesson_bound, (long long)s.lesson_priority,
		       (long long)s.lesson_travel, (long long)s.lesson_fairness);
	}
	if (s.hour_requests)
		printf("  objective, hours: %lld of %lld quarter hours covered, priority %lld,"
		       " travel %lld, fairness %lld\n",
		       (long long)s.quarters_covered, (long long)s.quarters_wanted,
		       (long long)s.hour_priority, (long long)s.hour_travel,
		       (long long)s.hour_fairness);
	int status = export ? instance_export(export, &s) : 0;
	match_solution_release(&s);
	match_instance_release(&in);
	return status;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'}, {"export", required_argument, NULL, 'e'},
		{"dry-run", no_argument, NULL, 'n'},      {"today", required_argument, NULL, 't'},
		{"db", required_argument, NULL, 'd'},     {"help", no_argument, NULL, 'h'},
		{"smtp", required_argument, NULL, 's'},   {"mail-from", required_argument, NULL, 'f'},
		{"instance", required_argument, NULL, 'i'},
		{NULL, 0, NULL, 0},
	};
	const char *target = cli_default_db(), *export = NULL, *smtp = NULL;
	const char *mail_from = "samen@localhost", *instance = NULL;
	int db_options = 0; /* options of the database mode, refused with --instance */
	int64_t only = 0;
	int dry = 0;
	long today = date_today();
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		char *end;
		if (c != 'e' && c != 'i' && c != '?')
			db_options++;
		switch (c) {
		case 'r':
			errno = 0;
			only = strtoll(optarg, &end, 10);
			if (errno || end == optarg || *end || only <= 0)
				return usage();
			break;
		case 'e': export = optarg; break;
		case 'n': dry = 1; break;
		case 't':
			if (date_parse(optarg, &today) != 0) {
				fprintf(stderr, "samen: --today needs a date YYYY-MM-DD\n");
				return 2;
			}
			break;
		case 'd': target = optarg; break;
		case 's': smtp = optarg; break;
		case 'f': mail_from = optarg; break;
		case 'i': instance = optarg; break;
		default: return usage();
		}
	}
	if (optind != argc)
		return usage();
	if (instance && db_options) {
		fprintf(stderr, "samen: --instance takes only --export\n");
		return 2;
	}
	if (instance)
		return run_instance(instance, export);
	struct db *db = NULL;
	if (cli_open_db(target, &db))
		return 1;
	struct samen_err err;
	samen_err_clear(&err);
	int64_t regions[256];
	size_t nreg = 0;
	int status = 0;
	FILE *out = NULL;
	struct db_stmt *st = NULL;
	if (db_prepare(db, "SELECT id FROM region WHERE $1 = 0 OR id = $1 ORDER BY id", &st, &err)) {
		cli_print_err(&err);
		db_close(db);
		return 1;
	}
	db_bind_int(st, 1, only);
	while (db_step(st, &err) == 1 && nreg < sizeof regions / sizeof regions[0])
		regions[nreg++] = db_col_int(st, 0);
	db_finalize(st);
	if (only && nreg == 0) {
		fprintf(stderr, "samen: no region %lld\n", (long long)only);
		db_close(db);
		return 1;
	}
	if (export && !(out = fopen(export, "w"))) {
		fprintf(stderr, "samen: cannot write %s\n", export);
		db_close(db);
		return 1;
	}
	const struct match_actor who = {0, "cli"};
	for (size_t i = 0; i < nreg; i++) {
		struct match_plan p;
		if (match_plan_run(db, regions[i], today, !dry, &who, &p, &err)) {
			cli_print_err(&err);
			status = 1;
			break;
		}
		printf("Region %lld: %zu requests, %zu pool members, %zu candidate pairs;"
		       " %lld,%02lld of %lld,%02lld hours per week covered%s\n",
		       (long long)regions[i], p.requests, p.staff, p.candidates,
		       (long long)(p.hours_covered / 100), (long long)(p.hours_covered % 100),
		       (long long)(p.hours_wanted / 100), (long long)(p.hours_wanted % 100),
		       dry ? " (dry run: nothing stored)" : "");
		print_lessons(p.lessons_covered, p.lessons_wanted, p.lesson_requests,
			      p.lesson_options, p.lessons_proven, p.lesson_nodes, p.lesson_seconds);
		for (size_t k = 0; k < p.nlines; k++) {
			const struct match_plan_line *l = &p.lines[k];
			printf("  request %lld (%s, %s): %s, %lld,%02lld h/week, %d min",
			       (long long)l->request_id, l->school_name, l->subject, l->alias,
			       (long long)(l->hours / 100), (long long)(l->hours % 100), l->travel);
			if (l->lessons)
				printf(", lessons %s", l->lesson_text);
			if (l->offer_id)
				printf(", offer %lld", (long long)l->offer_id);
			printf("\n");
		}
		if (out && export_plan(export, regions[i], i == 0, &p, out) != 0)
			status = 1;
		match_plan_release(&p);
	}
	if (smtp && status == 0) {
		size_t sent = 0;
		if (notify_email_pending(db, smtp, mail_from, &sent, &err)) {
			cli_print_err(&err);
			status = 1;
		}
		printf("E-mail: %zu notification%s sent through %s\n", sent, sent == 1 ? "" : "s", smtp);
	}
	if (out && fclose(out) != 0) {
		fprintf(stderr, "samen: cannot write %s\n", export);
		status = 1;
	}
	db_close(db);
	return status;
}

const struct cli_command cmd_match = {
	"match",
	"match help requests to the regional pool (optimiser) and store proposals",
	"samen match [--region ID] [--export FILE] [--dry-run] [--today YYYY-MM-DD] [--db PATH|URL]\n"
	"samen match --instance FILE.json [--export FILE.csv]\n"
	"\n"
	"Assigns all open help requests of a region (every region without --region) to\n"
	"the staff who opted in to the regional pool and fit them, with the optimiser:\n"
	"most hours covered, urgent requests first, least travel, fair give and take\n"
	"between boards. Requests of concrete lessons are assigned first, without clashes\n"
	"and with travel time between schools (proven optimal, or said so); then the\n"
	"requests in hours per week. Every assignment is stored as an offer the person accepts\n"
	"or declines (nobody is assigned without consent); --dry-run stores nothing.\n"
	"--export FILE writes the plan as CSV. --smtp HOST:PORT then e-mails every\n"
	"notification not yet e-mailed to the person it is for (sender --mail-from).\n"
	"\n"
	"--instance FILE.json solves an instance file instead of the database (requests,\n"
	"lessons, staff, candidate pairs and travel times; docs/formats/match-instance.md)\n"
	"the same way, prints the plan and the objective of both parts and stores nothing;\n"
	"--export then writes the plan as CSV. It takes no other option.\n"
	"See docs/match.md.\n",
	run,
};
