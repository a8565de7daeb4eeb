/*
 * bench_import.c - throughput of store_staff_import, the all-or-nothing
 * staff import that `samen import staff` and the demo generator use.
 *
 * The program creates a fresh database (a SQLite file in a new temporary
 * directory, or the database named by --db, e.g. a PostgreSQL URL of an
 * empty database), applies the migrations and reference data, adds one
 * region and one board with 60 school locations, generates N staff records
 * (default 80,000: the national demo's staff count, in one batch) and
 * imports them with a single store_staff_import call. Only that call is
 * timed (CLOCK_MONOTONIC). It prints rows per second and the peak resident
 * set size (getrusage ru_maxrss) before and after the import, so the
 * import's own memory shows as the difference.
 *
 * The records are generated deterministically from --seed with the same
 * kinds of values and distributions as the demo region (core/demo.c, whose
 * generator is not public): Dutch first and last names, unique e-mail
 * addresses first.last[N]@domain, an ageing age structure, vast and
 * tijdelijk contracts, part-time hours, LB/LC/LD scales, one or two school
 * locations (shares adding up to 1), one or two qualifications weighted by
 * subject (shortage subjects rarer), nt2 for ISK staff.
 *
 * The last line is machine-readable for bench/run.sh:
 *   RESULT engine=sqlite rows=80000 seconds=0.700 rows_per_s=114285 ...
 * Exit status 0 on success, 1 on a failed step, 2 on bad arguments.
 */
#include "core/staff.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/refdata.h"
#include "store/store_org.h"
#include "store/store_staff.h"
#include "util/date.h"
#include "util/rng.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define BENCH_SCHOOLS 60
#define BENCH_DOMAIN "svo-benchmark.nl"

/* ---- value lists (the same kind as the demo region's) ---- */

static const char *const female_names[] = {
	"Anna",    "Emma",    "Sanne",   "Lisa",    "Fleur",   "Iris",    "Eva",     "Anouk",
	"Lotte",   "Femke",   "Marloes", "Ilse",    "Esther",  "Marieke", "Nicole",  "Petra",
	"Linda",   "Monique", "Sandra",  "Ingrid",  "Karin",   "Wendy",   "Judith",  "Miriam",
	"Saskia",  "Marleen", "Yvonne",  "Janneke", "Renske",  "Noor",    "Julia",   "Sophie",
	"Tessa",   "Roos",    "Maaike",  "Inge",    "Hanneke", "Carla",   "Els",     "Wilma",
	"Anja",    "Mirjam",  "Astrid",  "Kim",     "Naomi",   "Yasmina", "Fatima",  "Merel",
};

static const char *const male_names[] = {
	"Jan",     "Peter",   "Mark",    "Thomas",  "Bas",     "Tim",     "Daan",    "Jeroen",
	"Martijn", "Erik",    "Rob",     "Hans",    "Kees",    "Willem",  "Joost",   "Sander",
	"Niels",   "Ruben",   "Jasper",  "Wouter",  "Maarten", "Bart",    "Dennis",  "Michiel",
	"Frank",   "Paul",    "Gerard",  "Henk",    "Arjen",   "Koen",    "Stefan",  "Vincent",
	"Pieter",  "Hugo",    "Lars",    "Sem",     "Milan",   "Jesse",   "Rick",    "Robin",
	"Marco",   "Edwin",   "Ronald",  "Johan",   "Mohamed", "Youssef", "Karim",   "Floris",
};

static const char *const last_names[] = {
	"de Jong",      "Jansen",        "de Vries",     "van den Berg", "van Dijk",
	"Bakker",       "Janssen",       "Visser",       "Smit",         "Meijer",
	"de Boer",      "Mulder",        "de Groot",     "Bos",          "Vos",
	"Peters",       "Hendriks",      "van Leeuwen",  "Dekker",       "Brouwer",
	"de Wit",       "Dijkstra",      "Smits",        "de Graaf",     "van der Meer",
	"van der Linden", "Kok",         "Jacobs",       "de Haan",      "Vermeulen",
	"van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",  "de Bruin",
	"Schouten",     "van Beek",      "Willems",      "van Vliet",    "Hoekstra",
	"Maas",         "Verhoeven",     "Koster",       "van Dam",      "Prins",
	"Blom",         "Huisman",       "Kuipers",      "van Rijn",     "Post",
	"Bosman",       "Kramer",        "Groen",        "Scholten",     "Zwart",
	"Schipper",     "Molenaar",      "Stam",         "Koopman",      "Kroon",
	"Timmerman",    "Koning",        "Boon",         "van Loon",     "Sanders",
	"Wouters",      "Evers",         "Verbeek",      "Lammers",      "Postma",
	"El Amrani",    "Yilmaz",        "Kaya",         "Bouzid",       "Pinas",
};

static const struct {
	int lo, hi;
	double weight;
} age_bands[] = {
	{22, 24, 4},  {25, 29, 9},  {30, 34, 10}, {35, 39, 10}, {40, 44, 10},
	{45, 49, 10}, {50, 54, 11}, {55, 59, 16}, {60, 64, 15}, {65, 67, 5},
};

static const double fte_values[] = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
static const double fte_weights[] = {26, 10, 20, 12, 13, 11, 8};

/* Subject codes of data/subjects.csv with relative numbers of teachers. */
static const struct {
	const char *code;
	double weight;
} subjects[] = {
	{"ne", 10},  {"en", 9},   {"wi", 10}, {"du", 5},  {"fa", 4},  {"sp", 1},  {"fr", 0.2},
	{"zh", 0.2}, {"kl", 2},   {"ak", 4},  {"gs", 5},  {"ma", 2},  {"gl", 2},  {"fi", 1},
	{"ec", 4},   {"beco", 2}, {"vz", 2},  {"na", 4},  {"sk", 3},  {"bi", 5},  {"in", 1.5},
	{"te", 3},   {"bv", 4},   {"mu", 2},  {"ckv", 1}, {"lo", 7},
};

/* Real municipalities of Noord-Holland (the school locations are invented). */
static const char *const municipalities[] = {
	"Alkmaar", "Heiloo",    "Castricum", "Dijk en Waard", "Haarlem",   "Zaanstad", "Hoorn",
	"Den Helder", "Purmerend", "Amsterdam", "Schagen",     "Heemskerk", "Beverwijk", "Velsen",
};

static const struct {
	const char *types;
	double weight, size;
} school_mix[] = {
	{"havo,vwo", 24, 1.3}, {"vmbo", 24, 0.9},	{"vmbo,havo", 12, 1.0},
	{"vmbo,havo,vwo", 18, 1.5}, {"vwo", 6, 0.9}, {"pro", 9, 0.45},
	{"isk", 4, 0.3},	    {"vmbo,pro", 3, 0.7},
};

/* ---- generator ---- */

struct bench_school {
	struct org_school s;
	double size;
	bool isk;
};

struct gen {
	struct rng rng;
	int ref_year;
	struct bench_school schools[BENCH_SCHOOLS];
	double school_w[BENCH_SCHOOLS];
	double subj_w[COUNT(subjects)];
	char **emails; /* open-addressing set of the e-mails given out */
	size_t email_mask;
};

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Add a copy of key to the e-mail set: 1 added, 0 already there, <0 no memory. */
static int email_add(struct gen *g, const char *key)
{
	size_t i = (size_t)fnv1a(key) & g->email_mask;
	while (g->emails[i]) {
		if (strcmp(g->emails[i], key) == 0)
			return 0;
		i = (i + 1) & g->email_mask;
	}
	g->emails[i] = strdup(key);
	return g->emails[i] ? 1 : SAMEN_ENOMEM;
}

/* Lower-case ASCII letters of a name, spaces dropped ("van Dijk" -> "vandijk"). */
static void slug(const char *in, char *out, size_t outlen)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && n + 1 < outlen; p++)
		if (isalnum(*p))
			out[n++] = (char)tolower(*p);
	out[n] = '\0';
}

static double round1(double x)
{
	return round(x * 10) / 10;
}

/* Subject weights: shortage subjects (from the database) have fewer teachers. */
static int load_subject_weights(struct gen *g, struct db *db, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT shortage FROM subject WHERE code = $1", &st, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < COUNT(subjects); i++) {
		db_bind_text(st, 1, subjects[i].code);
		rc = db_step(st, err);
		if (rc == 0) {
			rc = samen_fail(err, SAMEN_ENOTFOUND, "subject %s missing from the reference data",
					subjects[i].code);
			break;
		}
		if (rc < 0)
			break;
		g->subj_w[i] = subjects[i].weight * (db_col_int(st, 0) ? 0.6 : 1.0);
		db_reset(st);
		rc = 0;
	}
	db_finalize(st);
	return rc;
}

static void gen_schools(struct gen *g)
{
	double mw[COUNT(school_mix)];
	for (size_t i = 0; i < COUNT(school_mix); i++)
		mw[i] = school_mix[i].weight;
	static const char *const words[] = {"Eikenhorst", "Lindenhof", "Reigersbek", "Zonnewende",
					    "Meerwijk",   "Beukenrode", "Heideveld", "Vlietland",
					    "Bongerd",    "Esdoorn",    "Dijkzicht", "Polderhoek"};
	static const char *const streets[] = {"Schoolweg", "Lindenlaan", "Kerkstraat", "Molenweg",
					      "Stationsweg", "Parklaan", "Sportlaan"};
	int vest = 0;
	unsigned brin = 0;
	for (size_t i = 0; i < BENCH_SCHOOLS; i++) {
		struct bench_school *s = &g->schools[i];
		/* Some locations are a second or third vestiging of the previous BRIN. */
		if (i > 0 && vest < 2 && rng_chance(&g->rng, 0.3)) {
			vest++;
		} else if (i > 0) {
			brin++;
			vest = 0;
		}
		snprintf(s->s.brin, sizeof s->s.brin, "70%c%c", 'A' + (int)(brin / 26) % 26,
			 'A' + (int)(brin % 26));
		snprintf(s->s.vestiging, sizeof s->s.vestiging, "0%c", (char)('0' + vest));
		size_t kind = rng_pick_weighted(&g->rng, mw, COUNT(school_mix));
		const char *muni = municipalities[rng_below(&g->rng, COUNT(municipalities))];
		snprintf(s->s.name, sizeof s->s.name, "%s College %s",
			 words[rng_below(&g->rng, COUNT(words))], muni);
		snprintf(s->s.street, sizeof s->s.street, "%s %ld",
			 streets[rng_below(&g->rng, COUNT(streets))], rng_between(&g->rng, 1, 250));
		snprintf(s->s.postcode, sizeof s->s.postcode, "%04ldAB", rng_between(&g->rng, 1400, 2199));
		snprintf(s->s.city, sizeof s->s.city, "%s", muni);
		snprintf(s->s.municipality, sizeof s->s.municipality, "%s", muni);
		snprintf(s->s.province, sizeof s->s.province, "Noord-Holland");
		snprintf(s->s.school_types, sizeof s->s.school_types, "%s", school_mix[kind].types);
		s->s.lat = round((52.5 + (2 * rng_uniform(&g->rng) - 1) * 0.25) * 1e4) / 1e4;
		s->s.lon = round((4.85 + (2 * rng_uniform(&g->rng) - 1) * 0.15) * 1e4) / 1e4;
		s->size = school_mix[kind].size * (0.7 + 0.6 * rng_uniform(&g->rng));
		s->isk = strstr(school_mix[kind].types, "isk") != NULL;
		g->school_w[i] = s->size;
	}
}

static void set_assignment(const struct gen *g, size_t school, struct staff_assignment *a,
			   double share)
{
	snprintf(a->brin, sizeof a->brin, "%s", g->schools[school].s.brin);
	snprintf(a->vestiging, sizeof a->vestiging, "%s", g->schools[school].s.vestiging);
	a->fte_share = share;
}

static enum qual_level pick_level(struct rng *R, double p_training, bool second)
{
	if (rng_chance(R, p_training))
		return QUAL_IN_TRAINING;
	static const double first_w[] = {36, 56, 8};
	static const double second_w[] = {25, 63, 12};
	static const enum qual_level levels[] = {QUAL_FIRST, QUAL_SECOND, QUAL_LIMITED_SECOND};
	return levels[rng_pick_weighted(R, second ? second_w : first_w, 3)];
}

/* One staff record, number seq of the board. */
static int gen_person(struct gen *g, long seq, struct staff_record *r)
{
	struct rng *R = &g->rng;
	memset(r, 0, sizeof *r);
	r->line = seq + 2; /* as if from a CSV file with a header line */
	snprintf(r->employee_number, sizeof r->employee_number, "%ld", 100000L + seq);
	bool female = rng_chance(R, 0.55);
	const char *first = female ? female_names[rng_below(R, COUNT(female_names))]
				   : male_names[rng_below(R, COUNT(male_names))];
	const char *last = last_names[rng_below(R, COUNT(last_names))];
	snprintf(r->first_name, sizeof r->first_name, "%s", first);
	snprintf(r->last_name, sizeof r->last_name, "%s", last);
	char f[64], l[96];
	slug(first, f, sizeof f);
	slug(last, l, sizeof l);
	for (int k = 1;; k++) {
		if (k == 1)
			snprintf(r->email, sizeof r->email, "%.24s.%.36s@%s", f, l, BENCH_DOMAIN);
		else
			snprintf(r->email, sizeof r->email, "%.24s.%.36s%d@%s", f, l, k, BENCH_DOMAIN);
		int rc = email_add(g, r->email);
		if (rc < 0)
			return rc;
		if (rc == 1)
			break;
	}

	double aw[COUNT(age_bands)];
	for (size_t i = 0; i < COUNT(age_bands); i++)
		aw[i] = age_bands[i].weight;
	size_t band = rng_pick_weighted(R, aw, COUNT(age_bands));
	int age = (int)rng_between(R, age_bands[band].lo, age_bands[band].hi);
	date_format(date_days(g->ref_year - age, 8, 1) - rng_between(R, 0, 364), r->birth_date);

	int max_service = age > 23 ? age - 23 : 0;
	int service = (int)(max_service * sqrt(rng_uniform(R)) + 0.5);
	bool temporary = rng_chance(R, age < 30 ? 0.30 : service <= 1 ? 0.40 : 0.10);
	if (temporary)
		service = (int)rng_between(R, 0, 1);
	long start = date_days(g->ref_year - service, 8, 1);
	if (service > 0 && rng_chance(R, 0.25))
		start += rng_between(R, 0, 240);
	date_format(start, r->start_date);
	snprintf(r->contract_kind, sizeof r->contract_kind, "%s", temporary ? "tijdelijk" : "vast");
	if (temporary)
		date_format(date_days(g->ref_year + 1, 7, 31), r->end_date);

	r->hours_per_year = round1(fte_values[rng_pick_weighted(R, fte_weights, COUNT(fte_values))] *
				   STAFF_HOURS_PER_FTE);
	static const char *const scales[] = {"LB", "LC", "LD"};
	static const double young[] = {80, 20, 0}, mid[] = {50, 35, 15}, senior[] = {40, 35, 25};
	size_t sc = rng_pick_weighted(R, age < 30 ? young : age <= 45 ? mid : senior, 3);
	snprintf(r->salary_scale, sizeof r->salary_scale, "%s", scales[sc]);
	long step = service + rng_between(R, 0, 3);
	r->salary_step = (int)(step > 15 ? 15 : step);

	size_t home = rng_pick_weighted(R, g->school_w, BENCH_SCHOOLS);
	if (rng_chance(R, 0.2)) {
		static const double shares[] = {0.5, 0.6, 0.7, 0.8};
		double s = shares[rng_below(R, COUNT(shares))];
		double w[BENCH_SCHOOLS];
		memcpy(w, g->school_w, sizeof w);
		w[home] = 0;
		set_assignment(g, home, &r->assign[0], s);
		set_assignment(g, rng_pick_weighted(R, w, BENCH_SCHOOLS), &r->assign[1],
			       round1(1 - s));
		r->n_assign = 2;
	} else {
		set_assignment(g, home, &r->assign[0], 1.0);
		r->n_assign = 1;
	}

	double p_training = age < 27 ? 0.25 : age < 55 ? 0.06 : 0.02;
	int nq = rng_chance(R, 0.35) ? 2 : 1;
	double w[COUNT(subjects)];
	memcpy(w, g->subj_w, sizeof w);
	for (int q = 0; q < nq; q++) {
		size_t si = rng_pick_weighted(R, w, COUNT(subjects));
		w[si] = 0;
		snprintf(r->qual[q].subject, sizeof r->qual[q].subject, "%s", subjects[si].code);
		r->qual[q].level = pick_level(R, q == 0 ? p_training : 0.05, q > 0);
	}
	r->n_qual = nq;
	if (g->schools[home].isk && rng_chance(R, 0.6)) {
		snprintf(r->qual[nq].subject, sizeof r->qual[nq].subject, "nt2");
		r->qual[nq].level = QUAL_SECOND;
		r->n_qual++;
	}
	return 0;
}

/* ---- the run ---- */

struct options {
	const char *target; /* NULL: a new SQLite file in a temporary directory */
	long rows;
	uint64_t seed;
};

static double now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long peak_rss_kib(const struct rusage *ru)
{
	return ru->ru_maxrss; /* kilobytes on Linux */
}

static double tv_seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* CPU seconds (user + system) spent by the process up to ru. */
static double cpu_seconds(const struct rusage *ru)
{
	return tv_seconds(ru->ru_utime) + tv_seconds(ru->ru_stime);
}

static int parse_args(int argc, char **argv, struct options *o)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"rows", required_argument, NULL, 'n'},
					     {"seed", required_argument, NULL, 's'},
					     {"help", no_argument, NULL, 'h'},
					     {0}};
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		char *end = NULL;
		errno = 0;
		switch (c) {
		case 'd': o->target = optarg; break;
		case 'n':
			o->rows = strtol(optarg, &end, 10);
			if (errno || *end || o->rows < 1 || o->rows > 1000000) {
				fprintf(stderr, "bench_import: --rows needs 1..1000000\n");
				return 2;
			}
			break;
		case 's':
			o->seed = strtoull(optarg, &end, 10);
			if (errno || *end || *optarg == '-') {
				fprintf(stderr, "bench_import: --seed needs a whole number\n");
				return 2;
			}
			break;
		default:
			fprintf(stderr,
				"Usage: bench_import [--db PATH|URL] [--rows N] [--seed N]\n"
				"  Without --db a new SQLite file in a temporary directory is used;\n"
				"  --db must name an empty database (e.g. a fresh PostgreSQL database).\n");
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "bench_import: unexpected argument '%s'\n", argv[optind]);
		return 2;
	}
	return 0;
}

/* Region, board and schools; *board_id receives the board. */
static int setup_org(struct db *db, struct gen *g, int64_t *board_id, struct samen_err *err)
{
	int64_t region_id, school_id;
	int rc = db_begin(db, err);
	if (rc == 0)
		rc = org_region_add(db, "benchmark", "Regio Benchmark", &region_id, err);
	if (rc == 0)
		rc = org_board_add(db, region_id, "69999", "Stichting Voortgezet Onderwijs Benchmark",
				   board_id, err);
	for (size_t i = 0; rc == 0 && i < BENCH_SCHOOLS; i++)
		rc = org_school_add(db, *board_id, &g->schools[i].s, &school_id, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int main(int argc, char **argv)
{
	struct options o = {.rows = 80000, .seed = 2026};
	int status = parse_args(argc, argv, &o);
	if (status)
		return status;

	struct samen_err err;
	samen_err_clear(&err);
	const char *tmp = getenv("TMPDIR");
	char dir[512], path[600] = "";
	snprintf(dir, sizeof dir, "%s/samen-bench-import-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	const char *target = o.target;
	if (!target) {
		if (!mkdtemp(dir)) {
			perror("bench_import: mkdtemp");
			return 1;
		}
		snprintf(path, sizeof path, "%s/bench.db", dir);
		target = path;
	}

	struct gen *g = calloc(1, sizeof *g);
	struct staff_record *recs = calloc((size_t)o.rows, sizeof *recs);
	struct db *db = NULL;
	size_t cap = 64;
	while (cap < (size_t)o.rows * 2)
		cap <<= 1;
	if (!g || !recs || !(g->emails = calloc(cap, sizeof *g->emails))) {
		fprintf(stderr, "bench_import: out of memory\n");
		status = 1;
		goto out;
	}
	g->email_mask = cap - 1;
	rng_seed(&g->rng, o.seed);
	int y, m, d;
	date_civil(date_today(), &y, &m, &d);
	g->ref_year = m >= 8 ? y : y - 1;

	int rc = db_open(target, &db, &err);
	if (rc == 0)
		rc = migrate_apply(db, NULL, &err);
	if (rc == 0)
		rc = refdata_load(db, &err);
	if (rc == 0)
		rc = load_subject_weights(g, db, &err);
	int64_t board_id = 0;
	if (rc == 0) {
		gen_schools(g);
		rc = setup_org(db, g, &board_id, &err);
	}
	for (long i = 0; rc == 0 && i < o.rows; i++)
		if (gen_person(g, i, &recs[i]) != 0)
			rc = samen_fail(&err, SAMEN_ENOMEM, "out of memory");
	if (rc) {
		fprintf(stderr, "bench_import: setup failed: %s\n", err.msg);
		status = 1;
		goto out;
	}

	const char *engine = db_dialect(db) == DB_PG ? "postgresql" : "sqlite";
	struct rusage ru0, ru1;
	getrusage(RUSAGE_SELF, &ru0);
	struct staff_import_stats stats = {0};
	double t0 = now_seconds();
	rc = store_staff_import(db, board_id, recs, (size_t)o.rows, "bench", &stats, &err);
	double secs = now_seconds() - t0;
	getrusage(RUSAGE_SELF, &ru1);
	long rss_before = peak_rss_kib(&ru0), rss_after = peak_rss_kib(&ru1);
	double cpu = cpu_seconds(&ru1) - cpu_seconds(&ru0);
	long waits = ru1.ru_nvcsw - ru0.ru_nvcsw;
	if (rc) {
		fprintf(stderr, "bench_import: import failed (line %ld, %s): %s\n", err.line,
			err.field, err.msg);
		status = 1;
		goto out;
	}
	double rate = (double)stats.rows / secs;
	printf("engine:              %s\n", engine);
	printf("records imported:    %ld (people created %ld, linked %ld, updated %ld)\n",
	       stats.rows, stats.people_created, stats.people_linked, stats.people_updated);
	printf("store_staff_import:  %.3f s\n", secs);
	printf("throughput:          %.0f rows/s\n", rate);
	printf("CPU in the import:   %.3f s user+system (%.3f user, %.3f system),"
	       " %ld voluntary waits\n",
	       cpu, tv_seconds(ru1.ru_utime) - tv_seconds(ru0.ru_utime),
	       tv_seconds(ru1.ru_stime) - tv_seconds(ru0.ru_stime), waits);
	printf("peak RSS:            %ld KiB before the import (records generated), %ld KiB after\n",
	       rss_before, rss_after);
	printf("RESULT engine=%s rows=%ld seconds=%.3f rows_per_s=%.0f cpu_seconds=%.3f"
	       " peak_rss_kib=%ld rss_before_kib=%ld\n",
	       engine, stats.rows, secs, rate, cpu, rss_after, rss_before);
out:
	db_close(db);
	if (g && g->emails) {
		for (size_t i = 0; i <= g->email_mask; i++)
			free(g->emails[i]);
		free(g->emails);
	}
	free(g);
	free(recs);
	if (path[0]) {
		static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
		for (size_t i = 0; i < COUNT(suffix); i++) {
			char f[sizeof path + 16];
			snprintf(f, sizeof f, "%s%s", path, suffix[i]);
			unlink(f);
		}
		rmdir(dir);
	}
	return status;
}
