/*
 * cmd_demo.c - `samen demo`: create a database filled with the demo region
 * and its demo accounts (see core/demo.h and docs/DEMO.md).
 */
#include "cli/cli.h"
#include "core/demo.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int parse_seed(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	if (*s == '-' || *s == '\0')
		return -1;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

static int run(int argc, char **argv)
{
	const char *target = cli_default_db();
	enum demo_size size = DEMO_REGIONAL;
	uint64_t seed = DEMO_DEFAULT_SEED;
	struct samen_err err;
	samen_err_clear(&err);
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"size", required_argument, NULL, 'z'},
					     {"seed", required_argument, NULL, 's'},
					     {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'z':
			if (demo_size_parse(optarg, &size, &err)) {
				cli_print_err(&err);
				return 2;
			}
			break;
		case 's':
			if (parse_seed(optarg, &seed)) {
				fprintf(stderr, "samen: --seed needs a whole number from 0 to %" PRIu64
						"\n", UINT64_MAX);
				return 2;
			}
			break;
		default: return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "samen: unexpected argument '%s'; see samen help demo\n", argv[optind]);
		return 2;
	}
	struct db *db;
	if (cli_open_db(target, &db))
		return 1;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct demo_summary sum;
	int rc = demo_create(db, size, seed, stdout, &sum, &err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	db_close(db);
	if (rc) {
		cli_print_err(&err);
		return 1;
	}
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("\nDemo data (%s, seed %" PRIu64 ") written to %s in %.1f s:\n"
	       "  regions: %ld, boards: %ld, school locations: %ld,\n"
	       "  people: %ld, employments: %ld, accounts: %ld\n",
	       size == DEMO_NATIONAL ? "national" : "regional", seed,
	       db_target_is_pg(target) ? "the PostgreSQL database" : target, secs, sum.regions,
	       sum.boards, sum.schools, sum.people, sum.employments, sum.accounts);
	return 0;
}

const struct cli_command cmd_demo = {
	.name = "demo",
	.summary = "create a database with the demo region and demo accounts",
	.help = "Usage: samen demo [--db PATH|URL] [--size regional|national] [--seed N]\n\n"
		"Fills a new, empty database with a fictitious but realistic region and prints\n"
		"the demo accounts and their password.\n\n"
		"  --size regional  Regio Alkmaar: 3 boards, 13 school locations, 900 staff\n"
		"                   (the default)\n"
		"  --size national  40 regions, 150 boards, about 1,500 locations and 80,000 staff\n"
		"  --seed N         the same seed gives the same data (default 2026)\n\n"
		"A database that already holds a region is refused: use a new --db.\n"
		"See docs/DEMO.md for what is in the region.\n",
	.run = run,
};
