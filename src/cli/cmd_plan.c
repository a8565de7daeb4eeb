/*
 * cmd_plan.c - `samen plan`: plan a series of meetings around the holidays
 * and busy periods of a set of schools (or holiday regions), print the plan
 * with the reason for every rejected week, and write it as an iCalendar
 * file. The same planner as the web's (core/planner.h); nothing is stored.
 *
 * A series that cannot fit is answered with the binding constraint and the
 * changes that would make it fit, and exit status 1.
 */
#include "cli/cli.h"
#include "core/planner.h"
#include "formats/ics.h"
#include "store/store_calendar.h"
#include "store/store_series.h"
#include "util/buf.h"
#include "util/date.h"

#include <errno.h>
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ICS_MAX_BYTES ((size_t)16 * 1024 * 1024)

static int usage(void)
{
	fprintf(stderr, "usage: samen plan (--schools ID,ID | --regions noord,zuid) --from DATE --to DATE"
			" --count N --weekdays ma,di --time 15:30-17:00 [--min-gap-weeks A]"
			" [--max-gap-weeks B] [--adviesweek] [--title T] [--location L]"
			" [--attendee 'Name <e-mail>']... [--ics FILE] [--db PATH|URL]\n");
	return 2;
}

static int parse_int(const char *s, const char *name, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi) {
		fprintf(stderr, "samen: --%s needs a whole number from %d to %d\n", name, lo, hi);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* "12,15" into ids (at most max). */
static int parse_ids(const char *s, int64_t *ids, size_t max, size_t *n)
{
	*n = 0;
	const char *p = s;
	while (*p) {
		char *end;
		errno = 0;
		long long v = strtoll(p, &end, 10);
		if (errno || end == p || v <= 0 || (*end && *end != ',') || *n >= max)
			return -1;
		ids[(*n)++] = v;
		p = *end ? end + 1 : end;
	}
	return *n ? 0 : -1;
}

static int parse_regions(const char *s, unsigned *mask, struct samen_err *err)
{
	*mask = 0;
	const char *p = s;
	while (*p) {
		size_t len = strcspn(p, ",");
		char name[32];
		snprintf(name, sizeof name, "%.*s", (int)(len < 31 ? len : 31), p);
		int r;
		if (calendar_region_parse(name, &r, 0, err))
			return SAMEN_EINVAL;
		*mask |= 1u << r;
		p += len + (p[len] == ',');
	}
	if (!*mask)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "regions", "name at least one region");
	return 0;
}

static void print_plan(FILE *o, const struct calendar *c, const struct plan_request *req,
		       const struct plan_result *res)
{
	char a[11], b[11], t0[6], t1[6];
	date_format(req->from, a);
	date_format(req->to, b);
	snprintf(t0, sizeof t0, "%02u:%02u", (unsigned)req->start_min / 60 % 100u, (unsigned)req->start_min % 60u);
	snprintf(t1, sizeof t1, "%02u:%02u", (unsigned)req->end_min / 60 % 100u, (unsigned)req->end_min % 60u);
	fprintf(o, "Period %s to %s; weekdays ", a, b);
	for (int i = 0; i < req->n_weekdays; i++)
		fprintf(o, "%s%s", i ? "," : "", planner_weekday_nl(req->weekdays[i]));
	if (req->max_gap_weeks)
		fprintf(o, " %s-%s; %d to %d weeks apart\n", t0, t1, req->min_gap_weeks,
			req->max_gap_weeks);
	else
		fprintf(o, " %s-%s; at least %d week%s apart\n", t0, t1, req->min_gap_weeks,
			req->min_gap_weeks == 1 ? "" : "s");
	fprintf(o, "Involved:");
	int first = 1;
	for (size_t i = 0; i < req->scope.n_schools; i++, first = 0)
		fprintf(o, "%s %s (%s)", first ? "" : ",", req->scope.schools[i].name,
			calendar_region_name(req->scope.schools[i].region));
	for (int r = 0; r < CAL_NREGIONS; r++)
		if (req->scope.regions & (1u << r)) {
			fprintf(o, "%s region %s", first ? "" : ",", calendar_region_name(r));
			first = 0;
		}
	fprintf(o, "\n%zu weeks, %d free; ideal gap %.1f weeks\n\n", res->n_weeks, res->free_weeks,
	       res->ideal_gap_weeks);
	if (res->feasible) {
		fprintf(o, "  #  date        day  week      gap  note\n");
		for (size_t m = 0; m < res->n_meetings; m++) {
			const struct plan_meeting *pm = &res->meetings[m];
			const struct plan_week *w = &res->weeks[pm->week];
			char d[11], gap[8];
			date_format(pm->day, d);
			if (m)
				snprintf(gap, sizeof gap, "%d", pm->gap_weeks);
			else
				snprintf(gap, sizeof gap, "-");
			fprintf(o, "%3zu  %s  %s   %04d-W%02d  %3s  ", m + 1, d,
			       planner_weekday_nl(date_weekday(pm->day)), w->iso_year, w->iso_week, gap);
			const char *sep = "";
			if (w->busy_schools) {
				fprintf(o, "%d school%s busy that week", w->busy_schools,
					w->busy_schools == 1 ? "" : "s");
				sep = "; ";
			}
			if (w->near_holiday) {
				fprintf(o, "%snext to a holiday", sep);
				sep = "; ";
			}
			if (w->adviesweek)
				fprintf(o, "%sin the optional meivakantie week", sep);
			fprintf(o, "\n");
		}
	} else {
		char why[512];
		planner_explain(req, res, why, sizeof why);
		fprintf(o, "The series does not fit. %s\n", why);
		if (res->n_fixes) {
			fprintf(o, "What would make it fit:\n");
			for (size_t i = 0; i < res->n_fixes; i++) {
				char fix[128];
				planner_fix_text(req, &res->fixes[i], fix, sizeof fix);
				fprintf(o, "  - %s\n", fix);
			}
		}
	}
	size_t rejected = 0;
	for (size_t w = 0; w < res->n_weeks; w++)
		rejected += !res->weeks[w].free;
	fprintf(o, "\nRejected weeks (%zu):\n", rejected);
	for (size_t w = 0; w < res->n_weeks; w++) {
		if (res->weeks[w].free)
			continue;
		char d[11], text[1024];
		date_format(res->weeks[w].monday, d);
		planner_week_text(c, req, res, w, text, sizeof text);
		fprintf(o, "  %04d-W%02d (%s): %s\n", res->weeks[w].iso_year, res->weeks[w].iso_week, d, text);
	}
}

/* Stable UIDs for a plan that is not stored: the same plan gives the same UIDs. */
static void plan_uid_base(const struct plan_request *req, const char *title, char out[33])
{
	crypto_generichash_state st;
	unsigned char h[16];
	crypto_generichash_init(&st, NULL, 0, sizeof h);
	crypto_generichash_update(&st, (const unsigned char *)title, strlen(title));
	for (size_t i = 0; i < req->scope.n_schools; i++) {
		char id[32];
		snprintf(id, sizeof id, ",%lld", (long long)req->scope.schools[i].id);
		crypto_generichash_update(&st, (const unsigned char *)id, strlen(id));
	}
	char extra[64];
	snprintf(extra, sizeof extra, "|%u|%ld|%ld|%d", req->scope.regions, req->from, req->to,
		 req->count);
	crypto_generichash_update(&st, (const unsigned char *)extra, strlen(extra));
	crypto_generichash_final(&st, h, sizeof h);
	sodium_bin2hex(out, 33, h, sizeof h);
}

static int write_ics(const char *path, const struct plan_request *req,
		     const struct plan_result *res, const char *title, const char *location,
		     const struct series_attendee *att, size_t n_att)
{
	struct ics_attendee *people = calloc(n_att ? n_att : 1, sizeof *people);
	struct ics_event *ev = calloc(res->n_meetings, sizeof *ev);
	char (*uids)[96] = calloc(res->n_meetings, sizeof *uids);
	struct buf out;
	buf_init(&out, ICS_MAX_BYTES);
	struct samen_err err;
	samen_err_clear(&err);
	int rc = people && ev && uids ? 0 : 1;
	if (rc) {
		fprintf(stderr, "samen: out of memory\n");
		goto out;
	}
	for (size_t i = 0; i < n_att; i++) {
		people[i].name = att[i].name;
		people[i].email = att[i].email;
	}
	char base[33];
	plan_uid_base(req, title, base);
	for (size_t m = 0; m < res->n_meetings; m++) {
		snprintf(uids[m], sizeof uids[m], "samen-plan-%s-%zu@samen", base, m + 1);
		ev[m].uid = uids[m];
		ev[m].summary = title;
		ev[m].location = location;
		ev[m].day = res->meetings[m].day;
		ev[m].start_min = req->start_min;
		ev[m].end_min = req->end_min;
		ev[m].attendees = people;
		ev[m].n_attendees = n_att;
	}
	struct ics_calendar cal = {title, (int64_t)time(NULL), 0};
	if (ics_write(&cal, ev, res->n_meetings, &out, &err)) {
		cli_print_err(&err);
		rc = 1;
		goto out;
	}
	FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
	if (!f) {
		fprintf(stderr, "samen: cannot write %s: %s\n", path, strerror(errno));
		rc = 1;
		goto out;
	}
	size_t wrote = fwrite(buf_str(&out), 1, out.len, f);
	if (f != stdout && fclose(f) != 0)
		wrote = 0;
	if (wrote != out.len) {
		fprintf(stderr, "samen: cannot write %s\n", path);
		rc = 1;
	} else if (f != stdout) {
		printf("\nWrote %zu meetings to %s\n", res->n_meetings, path);
	}
out:
	buf_release(&out);
	free(people);
	free(ev);
	free(uids);
	return rc;
}

static int run(int argc, char **argv)
{
	const char *target = cli_default_db();
	const char *schools_arg = NULL, *regions_arg = NULL, *from = NULL, *to = NULL;
	const char *weekdays = NULL, *time_arg = "15:30-17:00", *ics = NULL;
	const char *title = "Overleg", *location = "";
	struct buf attendees;
	buf_init(&attendees, 64 * 1024);
	struct plan_request req;
	memset(&req, 0, sizeof req);
	req.min_gap_weeks = 1;
	struct samen_err err;
	samen_err_clear(&err);
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"schools", required_argument, NULL, 's'},
		{"regions", required_argument, NULL, 'r'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{"count", required_argument, NULL, 'n'},
		{"weekdays", required_argument, NULL, 'w'},
		{"time", required_argument, NULL, 'T'},
		{"min-gap-weeks", required_argument, NULL, 'a'},
		{"max-gap-weeks", required_argument, NULL, 'b'},
		{"adviesweek", no_argument, NULL, 'A'},
		{"title", required_argument, NULL, 'i'},
		{"location", required_argument, NULL, 'l'},
		{"attendee", required_argument, NULL, 'e'},
		{"ics", required_argument, NULL, 'o'},
		{0},
	};
	int c, rc = 2;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 's': schools_arg = optarg; break;
		case 'r': regions_arg = optarg; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'n':
			if (parse_int(optarg, "count", 1, PLAN_MAX_MEETINGS, &req.count))
				goto out;
			break;
		case 'w': weekdays = optarg; break;
		case 'T': time_arg = optarg; break;
		case 'a':
			if (parse_int(optarg, "min-gap-weeks", 1, 156, &req.min_gap_weeks))
				goto out;
			break;
		case 'b':
			if (parse_int(optarg, "max-gap-weeks", 0, 156, &req.max_gap_weeks))
				goto out;
			break;
		case 'A': req.scope.adviesweek = true; break;
		case 'i': title = optarg; break;
		case 'l': location = optarg; break;
		case 'e':
			if (buf_puts(&attendees, optarg) || buf_puts(&attendees, "\n")) {
				fprintf(stderr, "samen: too many attendees\n");
				goto out;
			}
			break;
		case 'o': ics = optarg; break;
		default: goto out;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "samen: unexpected argument '%s'; see samen help plan\n", argv[optind]);
		goto out;
	}
	if ((!schools_arg && !regions_arg) || !from || !to || !req.count || !weekdays) {
		usage();
		goto out;
	}
	if (date_parse(from, &req.from)) {
		fprintf(stderr, "samen: --from needs a date YYYY-MM-DD, not '%s'\n", from);
		goto out;
	}
	if (date_parse(to, &req.to)) {
		fprintf(stderr, "samen: --to needs a date YYYY-MM-DD, not '%s'\n", to);
		goto out;
	}
	if (planner_weekdays_parse(weekdays, &req, &err) || planner_time_parse(time_arg, &req, &err) ||
	    (regions_arg && parse_regions(regions_arg, &req.scope.regions, &err))) {
		cli_print_err(&err);
		goto out;
	}
	int64_t ids[512];
	size_t n_ids = 0;
	if (schools_arg && parse_ids(schools_arg, ids, 512, &n_ids)) {
		fprintf(stderr, "samen: --schools needs school ids separated by commas (at most 512)\n");
		goto out;
	}
	struct series_attendee *att = NULL;
	size_t n_att = 0;
	if (store_series_attendees_parse(buf_str(&attendees), &att, &n_att, &err)) {
		cli_print_err(&err);
		goto out;
	}
	rc = 1;
	struct db *db = NULL;
	struct cal_school *schools = NULL;
	struct calendar cal;
	calendar_init(&cal);
	struct plan_result res;
	memset(&res, 0, sizeof res);
	if (cli_open_db(target, &db))
		goto done;
	if (n_ids && store_calendar_schools(db, 0, ids, n_ids, &schools, &err)) {
		cli_print_err(&err);
		goto done;
	}
	req.scope.schools = schools;
	req.scope.n_schools = n_ids;
	if (store_calendar_for_plan(db, &cal, schools, n_ids, req.from, req.to, &err) ||
	    planner_plan(&cal, &req, &res, &err)) {
		cli_print_err(&err);
		rc = err.code == SAMEN_EINVAL ? 2 : 1;
		goto done;
	}
	print_plan(ics && strcmp(ics, "-") == 0 ? stderr : stdout, &cal, &req, &res);
	if (!res.feasible) {
		rc = 1;
		goto done;
	}
	rc = ics ? write_ics(ics, &req, &res, title, location, att, n_att) : 0;
done:
	planner_result_release(&res);
	calendar_release(&cal);
	free(schools);
	free(att);
	db_close(db);
out:
	buf_release(&attendees);
	return rc;
}

const struct cli_command cmd_plan = {
	.name = "plan",
	.summary = "plan a series of meetings around holidays and busy periods",
	.help = "Usage: samen plan (--schools ID,ID | --regions noord,midden,zuid)\n"
		"                  --from DATE --to DATE --count N --weekdays ma,di,wo,do,vr\n"
		"                  [--time 15:30-17:00] [--min-gap-weeks A] [--max-gap-weeks B]\n"
		"                  [--adviesweek] [--title T] [--location L]\n"
		"                  [--attendee 'Name <e-mail>']... [--ics FILE|-] [--db PATH|URL]\n\n"
		"Plans the whole series at once: never in a school holiday of any involved\n"
		"school's region, never on a national day off (Bevrijdingsdag only in lustrum\n"
		"years) or in a school's busy period, at least A and at most B weeks apart (one\n"
		"meeting a week at most), roughly evenly spread, preferring quiet weeks. The\n"
		"weekdays are tried in the order given. Every rejected week is listed with its\n"
		"reasons. --regions plans for holiday regions without schools; --adviesweek\n"
		"treats the optional extra meivakantie week as a holiday for everyone.\n\n"
		"When the series cannot fit, the answer names the constraint that makes it\n"
		"impossible and what would make it fit, and the exit status is 1.\n"
		"--ics writes the plan as an iCalendar file (Europe/Amsterdam) with the\n"
		"attendees; '-' writes it to standard output. Nothing is stored: save a series\n"
		"in the web planner. See docs/calendar.md.\n",
	.run = run,
};
