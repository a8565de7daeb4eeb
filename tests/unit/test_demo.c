/*
 * test_demo.c - the demo region generator (core/demo.c): reproducible from
 * its seed, the right size and shape, and accounts that can sign in.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/demo.h"
#include "store/migrate.h"
#include "store/refdata.h"
#include "store/users.h"
#include "util/rng.h"

struct demo_db {
	char path[64];
	struct db *db;
	struct demo_summary sum;
	char report[4096];
};

struct fixture {
	struct demo_db a, b, c; /* seed 7, seed 7 again, seed 8 */
};

static void must(int rc, const struct samen_err *err)
{
	if (rc)
		fail_msg("rc %d: line %ld field '%s': %s", rc, err->line, err->field, err->msg);
}

static void open_empty(struct demo_db *d)
{
	struct samen_err err;
	samen_err_clear(&err);
	snprintf(d->path, sizeof d->path, "/tmp/test_demo_XXXXXX");
	int fd = mkstemp(d->path);
	assert_true(fd >= 0);
	close(fd);
	must(db_open(d->path, &d->db, &err), &err);
	must(migrate_apply(d->db, NULL, &err), &err);
	must(refdata_load(d->db, &err), &err);
}

static void make_demo(struct demo_db *d, uint64_t seed)
{
	struct samen_err err;
	samen_err_clear(&err);
	open_empty(d);
	FILE *report = tmpfile();
	assert_non_null(report);
	must(demo_create(d->db, DEMO_REGIONAL, seed, report, &d->sum, &err), &err);
	rewind(report);
	size_t n = fread(d->report, 1, sizeof d->report - 1, report);
	d->report[n] = '\0';
	fclose(report);
}

static void drop(struct demo_db *d)
{
	char side[80];
	db_close(d->db);
	unlink(d->path);
	snprintf(side, sizeof side, "%s-wal", d->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", d->path);
	unlink(side);
}

static int setup(void **state)
{
	/* Dates in the demo are relative to the school year of "today". */
	setenv("SAMEN_TODAY", "2026-09-01", 1);
	struct fixture *f = calloc(1, sizeof *f);
	make_demo(&f->a, 7);
	make_demo(&f->b, 7);
	make_demo(&f->c, 8);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	drop(&f->a);
	drop(&f->b);
	drop(&f->c);
	free(f);
	return 0;
}

static int64_t q(struct db *db, const char *sql)
{
	int64_t v = -1;
	struct samen_err err;
	samen_err_clear(&err);
	must(db_query_int(db, sql, 0, NULL, &v, &err), &err);
	return v;
}

/* FNV-1a over every column of every row of the query, in order. */
static uint64_t checksum(struct db *db, const char *sql)
{
	struct db_stmt *st;
	struct samen_err err;
	must(db_prepare(db, sql, &st, &err), &err);
	uint64_t h = 0xcbf29ce484222325ULL;
	int rows = 0;
	while (db_step(st, &err) == 1) {
		for (int c = 0; c < db_col_count(st); c++) {
			for (const char *p = db_col_text(st, c); *p; p++) {
				h ^= (unsigned char)*p;
				h *= 0x100000001b3ULL;
			}
			h ^= 0x1f; /* column separator */
			h *= 0x100000001b3ULL;
		}
		rows++;
	}
	db_finalize(st);
	assert_true(rows > 0);
	return h;
}

static const char *const tables[] = {
	"SELECT first_name, last_name, birth_date, email FROM person ORDER BY id",
	"SELECT person_id, board_id, employee_number FROM employment ORDER BY id",
	"SELECT employment_id, kind, hours_per_year, salary_scale, salary_step, start_date,"
	" end_date FROM contract ORDER BY id",
	"SELECT employment_id, school_id, fte_share FROM assignment ORDER BY id",
	"SELECT person_id, subject_code, level FROM qualification ORDER BY id",
	"SELECT board_id, brin, vestiging, name, street, postcode, city, municipality, lat, lon,"
	" school_types FROM school ORDER BY id",
};

static void same_seed_same_data(void **state)
{
	struct fixture *f = *state;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		assert_true(checksum(f->a.db, tables[i]) == checksum(f->b.db, tables[i]));
	assert_memory_equal(&f->a.sum, &f->b.sum, sizeof f->a.sum);
}

static void other_seed_other_people(void **state)
{
	struct fixture *f = *state;
	assert_true(checksum(f->a.db, tables[0]) != checksum(f->c.db, tables[0]));
	assert_true(checksum(f->a.db, tables[2]) != checksum(f->c.db, tables[2]));
	/* The organisations of Regio Alkmaar are fixed, whatever the seed. */
	assert_true(checksum(f->a.db, tables[5]) == checksum(f->c.db, tables[5]));
}

static void regional_size_and_shape(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->a.db;
	assert_int_equal(q(db, "SELECT COUNT(*) FROM region"), 1);
	assert_int_equal(q(db, "SELECT COUNT(*) FROM region WHERE name = 'Regio Alkmaar'"), 1);
	assert_int_equal(q(db, "SELECT COUNT(*) FROM board"), 3);
	int64_t schools = q(db, "SELECT COUNT(*) FROM school");
	assert_in_range(schools, 10, 14);
	int64_t people = q(db, "SELECT COUNT(*) FROM person");
	assert_in_range(people, 850, 950);
	/* Every board has staff and every school has someone working there. */
	assert_int_equal(q(db, "SELECT COUNT(DISTINCT board_id) FROM employment"), 3);
	assert_int_equal(q(db, "SELECT COUNT(*) FROM school WHERE id NOT IN"
			       " (SELECT school_id FROM assignment)"),
			 0);
	/* All of Regio Alkmaar is in holiday region noord; Bergen is the one in Noord-Holland. */
	assert_int_equal(q(db, "SELECT COUNT(*) FROM school WHERE holiday_region <> 'noord'"), 0);
	assert_int_equal(q(db, "SELECT COUNT(*) FROM school WHERE municipality = 'Bergen'"
			       " AND province <> 'Noord-Holland'"),
			 0);
	assert_int_equal(q(db, "SELECT COUNT(DISTINCT municipality) FROM school"), 5);
	/* A handful of people work for two boards, as one identity. */
	assert_int_equal(q(db, "SELECT COUNT(*) FROM (SELECT person_id FROM employment"
			       " GROUP BY person_id HAVING COUNT(*) = 2)"),
			 6);
	assert_int_equal(q(db, "SELECT COUNT(*) FROM employment"), people + 6);
	/* No one works more than 1 fte over both boards. */
	assert_int_equal(q(db, "SELECT COUNT(*) FROM (SELECT e.person_id FROM contract c JOIN"
			       " employment e ON e.id = c.employment_id GROUP BY e.person_id"
			       " HAVING SUM(c.hours_per_year) > 1659.05)"),
			 0);
	/* Ages 22-67 on 2026-08-01, with a bulge over 55 (between a quarter and 40%). */
	assert_int_equal(q(db, "SELECT COUNT(*) FROM person WHERE birth_date < '1958-08-02'"
			       " OR birth_date > '2004-08-01'"),
			 0);
	int64_t over55 = q(db, "SELECT COUNT(*) FROM person WHERE birth_date <= '1971-08-01'");
	assert_in_range(over55 * 100 / people, 25, 40);
	/* Mostly vast; about 15% tijdelijk, each with an end date. */
	int64_t contracts = q(db, "SELECT COUNT(*) FROM contract");
	int64_t temp = q(db, "SELECT COUNT(*) FROM contract WHERE kind = 'tijdelijk'");
	assert_in_range(temp * 100 / contracts, 8, 25);
	assert_int_equal(q(db, "SELECT COUNT(*) FROM contract WHERE kind = 'tijdelijk'"
			       " AND end_date IS NULL"),
			 0);
	assert_int_equal(q(db, "SELECT COUNT(*) FROM contract WHERE salary_scale NOT IN"
			       " ('LB','LC','LD')"),
			 0);
	/* Every person holds 1-3 qualifications; shortage subjects are there but scarcer. */
	assert_int_equal(q(db, "SELECT COUNT(*) FROM person WHERE id NOT IN"
			       " (SELECT person_id FROM qualification)"),
			 0);
	int64_t in_training = q(db, "SELECT COUNT(*) FROM qualification WHERE level = 'in_opleiding'");
	assert_true(in_training > 0);
	assert_true(in_training * 100 / people < 20);
	assert_true(q(db, "SELECT COUNT(*) FROM qualification WHERE level = 'eerstegraads'") > 0);
	assert_true(q(db, "SELECT COUNT(*) FROM qualification q JOIN subject s ON"
			  " s.code = q.subject_code WHERE s.shortage = 1") > 0);
	assert_true(q(db, "SELECT COUNT(*) FROM qualification WHERE subject_code = 'ne'") >
		    q(db, "SELECT COUNT(*) FROM qualification WHERE subject_code = 'du'"));
	/* E-mails are unique and at the board's domain. */
	assert_int_equal(q(db, "SELECT COUNT(DISTINCT email) FROM person"), people);
	assert_int_equal(q(db, "SELECT COUNT(*) FROM person WHERE email NOT LIKE '%_@%_.nl'"), 0);
	/* The summary matches the database. */
	assert_int_equal(f->a.sum.people, people);
	assert_int_equal(f->a.sum.employments, people + 6);
	assert_int_equal(f->a.sum.schools, schools);
	assert_int_equal(f->a.sum.accounts, 14);
}

static void accounts_authenticate(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->a.db;
	struct samen_err err;
	struct user u;
	const struct {
		const char *email;
		enum role role;
	} acc[] = {
		{"admin@demo.samen.nl", ROLE_ADMIN},
		{"coordinator@demo.samen.nl", ROLE_COORDINATOR},
		{"bestuurder.b1@demo.samen.nl", ROLE_EXECUTIVE},
		{"hr.b1@demo.samen.nl", ROLE_HR},
		{"schoolleider.b1@demo.samen.nl", ROLE_SCHOOL_LEADER},
		{"docent.b1@demo.samen.nl", ROLE_STAFF},
		{"bestuurder.b2@demo.samen.nl", ROLE_EXECUTIVE},
		{"hr.b2@demo.samen.nl", ROLE_HR},
		{"schoolleider.b2@demo.samen.nl", ROLE_SCHOOL_LEADER},
		{"docent.b2@demo.samen.nl", ROLE_STAFF},
		{"bestuurder.b3@demo.samen.nl", ROLE_EXECUTIVE},
		{"hr.b3@demo.samen.nl", ROLE_HR},
		{"schoolleider.b3@demo.samen.nl", ROLE_SCHOOL_LEADER},
		{"docent.b3@demo.samen.nl", ROLE_STAFF},
	};
	int64_t region = q(db, "SELECT id FROM region");
	for (size_t i = 0; i < sizeof acc / sizeof acc[0]; i++) {
		samen_err_clear(&err);
		must(users_authenticate(db, acc[i].email, DEMO_PASSWORD, &u, &err), &err);
		assert_int_equal(u.role, acc[i].role);
		if (acc[i].role != ROLE_ADMIN)
			assert_int_equal(u.region_id, region);
		if (acc[i].role == ROLE_STAFF)
			assert_true(u.person_id > 0);
		if (acc[i].role == ROLE_SCHOOL_LEADER)
			assert_true(u.school_id > 0);
		assert_non_null(strstr(f->a.report, acc[i].email));
	}
	/* Each board's accounts belong to that board. */
	assert_int_equal(q(db, "SELECT COUNT(DISTINCT board_id) FROM app_user WHERE board_id"
			       " IS NOT NULL"),
			 3);
	assert_int_equal(q(db, "SELECT COUNT(*) FROM app_user u JOIN school s ON s.id = u.school_id"
			       " WHERE s.board_id <> u.board_id"),
			 0);
	assert_int_equal(users_authenticate(db, "admin@demo.samen.nl", "wrong-password", &u, &err),
			 SAMEN_EAUTH);
	assert_non_null(strstr(f->a.report, DEMO_PASSWORD));
}

static void refuses_a_database_with_data(void **state)
{
	struct fixture *f = *state;
	struct samen_err err;
	samen_err_clear(&err);
	int64_t before = q(f->a.db, "SELECT COUNT(*) FROM person");
	assert_int_equal(demo_create(f->a.db, DEMO_REGIONAL, 1, NULL, NULL, &err), SAMEN_EEXIST);
	assert_non_null(strstr(err.msg, "use a new --db"));
	assert_int_equal(q(f->a.db, "SELECT COUNT(*) FROM person"), before);
}

/* The national size: 40 regions, 150 boards, 1,500 locations, 80,000 staff in all
 * three holiday regions, with Regio Alkmaar exactly as in the regional size. */
static void national_size(void **state)
{
	struct fixture *f = *state;
	struct demo_db n;
	struct samen_err err;
	samen_err_clear(&err);
	open_empty(&n);
	must(demo_create(n.db, DEMO_NATIONAL, 7, NULL, &n.sum, &err), &err);
	assert_int_equal(q(n.db, "SELECT COUNT(*) FROM region"), 40);
	assert_int_equal(q(n.db, "SELECT COUNT(*) FROM board"), 150);
	assert_int_equal(q(n.db, "SELECT COUNT(*) FROM school"), 1500);
	assert_int_equal(q(n.db, "SELECT COUNT(*) FROM person"), 80000);
	assert_int_equal(q(n.db, "SELECT COUNT(DISTINCT holiday_region) FROM school"), 3);
	assert_int_equal(q(n.db, "SELECT COUNT(DISTINCT province) FROM school"), 12);
	assert_int_equal(q(n.db, "SELECT COUNT(*) FROM board WHERE id NOT IN"
				 " (SELECT board_id FROM employment)"),
			 0);
	assert_int_equal(n.sum.accounts, 14);
	/* Regio Alkmaar's people are those of the regional demo with the same seed. */
	const char *alkmaar = "SELECT p.first_name, p.last_name, p.birth_date, p.email FROM person p"
			      " WHERE p.id <= 900 ORDER BY p.id";
	assert_true(checksum(n.db, alkmaar) == checksum(f->a.db, alkmaar));
	drop(&n);
}

/*
 * The generator behind the demo: xoshiro256** seeded through splitmix64.
 * Expected values from an independent implementation of the reference code
 * (splitmix64 of seed 0 starts with the published e220a8397b1dcdaf).
 */
static void rng_reference_values(void **state)
{
	(void)state;
	struct rng r;
	rng_seed(&r, 0);
	assert_true(r.s[0] == 0xe220a8397b1dcdafULL);
	assert_true(r.s[3] == 0xf88bb8a8724c81ecULL);
	assert_true(rng_next(&r) == 0x99ec5f36cb75f2b4ULL);
	assert_true(rng_next(&r) == 0xbf6e1f784956452aULL);
	assert_true(rng_next(&r) == 0x1a5f849d4933e6e0ULL);
	rng_seed(&r, 2026);
	assert_true(rng_next(&r) == 0x92e011592e98ae15ULL);
}

static void rng_ranges(void **state)
{
	(void)state;
	struct rng r;
	rng_seed(&r, 42);
	int seen_lo = 0, seen_hi = 0;
	for (int i = 0; i < 10000; i++) {
		long v = rng_between(&r, 22, 67);
		assert_in_range(v, 22, 67);
		seen_lo |= v == 22;
		seen_hi |= v == 67;
		double u = rng_uniform(&r);
		assert_true(u >= 0 && u < 1);
		assert_true(rng_below(&r, 7) < 7);
	}
	assert_true(seen_lo && seen_hi);
	assert_int_equal(rng_below(&r, 1), 0);
	assert_false(rng_chance(&r, 0));
	assert_true(rng_chance(&r, 1));
	/* Zero weights are never picked. */
	const double w[] = {0, 3, 0, 1};
	long counts[4] = {0};
	for (int i = 0; i < 4000; i++)
		counts[rng_pick_weighted(&r, w, 4)]++;
	assert_int_equal(counts[0] + counts[2], 0);
	assert_in_range(counts[1], 2800, 3200); /* expected 3000 */
	/* Binomial: the mean of 2000 draws of Bin(100, 0.3) is 30 (sd of the mean ~0.1),
	 * and of Bin(100, 0.8) (the complement branch) 80. */
	long sum = 0, sum2 = 0;
	for (int i = 0; i < 2000; i++) {
		long x = rng_binomial(&r, 100, 0.3), y = rng_binomial(&r, 100, 0.8);
		assert_in_range(x, 0, 100);
		assert_in_range(y, 0, 100);
		sum += x;
		sum2 += y;
	}
	assert_in_range(sum, 2000 * 29, 2000 * 31);
	assert_in_range(sum2, 2000 * 79, 2000 * 81);
	assert_int_equal(rng_binomial(&r, 50, 0), 0);
	assert_int_equal(rng_binomial(&r, 50, 1), 50);
	assert_int_equal(rng_binomial(&r, 0, 0.5), 0);
}

static void size_names(void **state)
{
	(void)state;
	enum demo_size s = 0;
	struct samen_err err;
	assert_int_equal(demo_size_parse("national", &s, &err), 0);
	assert_int_equal(s, DEMO_NATIONAL);
	assert_int_equal(demo_size_parse("regional", &s, &err), 0);
	assert_int_equal(s, DEMO_REGIONAL);
	assert_int_equal(demo_size_parse("huge", &s, &err), SAMEN_EINVAL);
	assert_string_equal(err.field, "size");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_seed_same_data),
		cmocka_unit_test(other_seed_other_people),
		cmocka_unit_test(regional_size_and_shape),
		cmocka_unit_test(accounts_authenticate),
		cmocka_unit_test(refuses_a_database_with_data),
		cmocka_unit_test(national_size),
		cmocka_unit_test(size_names),
		cmocka_unit_test(rng_reference_values),
		cmocka_unit_test(rng_ranges),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
