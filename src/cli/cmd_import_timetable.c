/*
 * cmd_import_timetable.c - `samen import timetable --school BRINVESTIGING
 * (--gpu001 F --gpu004 F | --zermelo F) [--codes FILE] [--db ...]
 * [--dry-run]`: read a school's Untis GPU export or Zermelo appointments
 * (formats/untis_gpu.h, formats/zermelo.h), map the teacher codes to people
 * (optionally setting them from a codes file `code;personeelsnummer`), and
 * replace the school's imported lessons, all or nothing
 * (store/timetable_store.h). Dispatched from cmd_import.c.
 */
#include "cli/cli.h"
#include "formats/untis_gpu.h"
#include "formats/zermelo.h"
#include "store/timetable_store.h"
#include "util/buf.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CODES_FILE_MAX ((size_t)1024 * 1024)

int cmd_import_timetable(int argc, char **argv);

/* Read a whole file into b (whose max is the limit); prints the reason and returns 1. */
static int slurp(const char *path, struct buf *b, const char *what)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "samen: cannot open %s %s: %s\n", what, path, strerror(errno));
		return 1;
	}
	char chunk[65536];
	size_t got;
	int rc = 0;
	while (rc == 0 && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_add(b, chunk, got);
	int rerr = ferror(f);
	fclose(f);
	if (rc == SAMEN_ETOOBIG) {
		fprintf(stderr, "samen: %s %s is larger than the limit of %zu bytes\n", what, path,
			b->max);
		return 1;
	}
	if (rc || rerr) {
		fprintf(stderr, "samen: cannot read %s %s\n", what, path);
		return 1;
	}
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: samen import timetable --school BRINVESTIGING "
			"(--gpu001 FILE --gpu004 FILE | --zermelo FILE) [--codes FILE] "
			"[--db PATH|URL] [--dry-run]\n");
	return 2;
}

static void print_problems(const struct timetable_problems *p, const struct samen_err *err)
{
	if (p->n == 0) {
		cli_print_err(err);
		return;
	}
	for (size_t i = 0; i < p->n && i < TIMETABLE_MAX_PROBLEMS; i++) {
		const struct timetable_problem *q = &p->items[i];
		struct samen_err e;
		samen_err_clear(&e);
		e.line = q->line;
		snprintf(e.field, sizeof e.field, "%s", q->field);
		snprintf(e.msg, sizeof e.msg, "%s", q->msg);
		cli_print_err(&e);
	}
	if (p->n > TIMETABLE_MAX_PROBLEMS)
		fprintf(stderr, "samen: ... and %zu more problems\n", p->n - TIMETABLE_MAX_PROBLEMS);
}

int cmd_import_timetable(int argc, char **argv)
{
	const char *target = cli_default_db();
	const char *school = NULL, *gpu001 = NULL, *gpu004 = NULL, *zermelo = NULL, *codes = NULL;
	int dry_run = 0;
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},      {"school", required_argument, NULL, 's'},
		{"gpu001", required_argument, NULL, '1'},  {"gpu004", required_argument, NULL, '4'},
		{"zermelo", required_argument, NULL, 'z'}, {"codes", required_argument, NULL, 'c'},
		{"dry-run", no_argument, NULL, 'n'},       {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 's': school = optarg; break;
		case '1': gpu001 = optarg; break;
		case '4': gpu004 = optarg; break;
		case 'z': zermelo = optarg; break;
		case 'c': codes = optarg; break;
		case 'n': dry_run = 1; break;
		default: return usage();
		}
	}
	if (optind != argc || !school) {
		if (!school)
			fprintf(stderr, "samen: --school BRINVESTIGING is required\n");
		return usage();
	}
	int untis = gpu001 || gpu004;
	if ((untis && zermelo) || (!untis && !zermelo) || (untis && !(gpu001 && gpu004))) {
		fprintf(stderr, "samen: give --gpu001 and --gpu004 together, or --zermelo\n");
		return usage();
	}

	struct samen_err err;
	samen_err_clear(&err);
	struct timetable_problems probs;
	memset(&probs, 0, sizeof probs);
	struct buf d1, d4, dz, dc;
	buf_init(&d1, UNTIS_GPU_MAX_BYTES);
	buf_init(&d4, UNTIS_GPU_MAX_BYTES);
	buf_init(&dz, ZERMELO_MAX_BYTES);
	buf_init(&dc, CODES_FILE_MAX);
	struct timetable tt;
	timetable_init(&tt, untis ? TIMETABLE_UNTIS : TIMETABLE_ZERMELO);
	struct timetable_code *cv = NULL;
	size_t ncodes = 0;
	struct db *db = NULL;
	int status = 1;

	if (codes) {
		cv = calloc(TIMETABLE_CODES_MAX, sizeof *cv);
		if (!cv) {
			fprintf(stderr, "samen: out of memory\n");
			goto out;
		}
		if (slurp(codes, &dc, "codes file"))
			goto out;
		if (timetable_parse_codes(buf_str(&dc), dc.len, cv, &ncodes, &err)) {
			fprintf(stderr, "samen: in codes file %s:\n", codes);
			cli_print_err(&err);
			goto out;
		}
	}
	if (untis ? (slurp(gpu001, &d1, "GPU001 file") || slurp(gpu004, &d4, "GPU004 file"))
		  : slurp(zermelo, &dz, "Zermelo file"))
		goto out;
	if (cli_open_db(target, &db))
		goto out;
	int64_t school_id = 0;
	if (timetable_store_school_find(db, school, &school_id, &err)) {
		cli_print_err(&err);
		goto out;
	}
	struct bell_schedule bells;
	int brc = timetable_store_bells(db, school_id, &bells, &err);
	if (brc && (untis || brc != SAMEN_ENOTFOUND)) {
		cli_print_err(&err);
		goto out;
	}
	samen_err_clear(&err);
	int rc;
	if (untis)
		rc = untis_gpu_read(buf_str(&d4), d4.len, buf_str(&d1), d1.len, &bells, &tt, &probs,
				    &err);
	else
		rc = zermelo_read(buf_str(&dz), dz.len, brc ? NULL : &bells, &tt, &probs, &err);
	if (rc) {
		fprintf(stderr, "samen: %s refused, nothing was imported:\n",
			untis ? gpu001 : zermelo);
		print_problems(&probs, &err);
		goto out;
	}
	memset(&probs, 0, sizeof probs);
	struct timetable_import_stats st = {0};
	if (dry_run) {
		rc = db_begin(db, &err);
		if (rc == 0)
			rc = timetable_store_import(db, school_id, &tt, cv, ncodes, "cli", &st, &probs,
						    &err);
		db_rollback(db);
	} else {
		rc = timetable_store_import(db, school_id, &tt, cv, ncodes, "cli", &st, &probs, &err);
	}
	if (rc) {
		fprintf(stderr, "samen: timetable not imported, nothing was written:\n");
		print_problems(&probs, &err);
		goto out;
	}
	printf("%s %ld lessons of %ld teachers for school %s (%s); %ld earlier lessons "
	       "replaced, %ld codes set%s\n",
	       dry_run ? "dry run: would import" : "imported", st.lessons, st.teachers, school,
	       untis ? "untis" : "zermelo", st.replaced, st.codes,
	       dry_run ? "; nothing was written" : "");
	status = 0;
out:
	db_close(db);
	timetable_free(&tt);
	free(cv);
	buf_release(&d1);
	buf_release(&d4);
	buf_release(&dz);
	buf_release(&dc);
	return status;
}
