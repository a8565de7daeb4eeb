/*
 * test_privacy.c - rule 33 suppression (core/privacy.c): primary cells,
 * complementary cells chosen by hand, the subtraction attack from totals
 * and from another view, insiders who know their own board's numbers, and
 * an independent exact check (ranks modulo a prime) on random tables.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/privacy.h"
#include "util/rng.h"

static size_t cell(struct priv_table *t, long v, int owner)
{
	size_t id;
	assert_int_equal(priv_add_cell(t, v, owner, &id, NULL), 0);
	return id;
}

static void sum(struct priv_table *t, size_t total, const size_t *parts, size_t n)
{
	assert_int_equal(priv_add_sum(t, total, parts, n, NULL), 0);
}

/*
 * The subtraction attack: repeatedly take an equation with exactly one
 * unknown and solve it. Unknowns are the hidden cells the observer does not
 * own. Returns how many sensitive hidden cells (1..5 persons) it recovers.
 */
static int subtraction_attack(const struct priv_table *t, int observer)
{
	bool *known = calloc(t->ncells, sizeof *known);
	for (size_t i = 0; i < t->ncells; i++)
		known[i] = t->state[i] == PRIV_SHOWN ||
			   (observer != PRIV_NO_OWNER && t->owner[i] == observer);
	int recovered = 0;
	for (bool again = true; again;) {
		again = false;
		for (size_t e = 0; e < t->neq; e++) {
			size_t unknown = SIZE_MAX, nun = 0;
			for (size_t k = t->eq_start[e]; k < t->eq_start[e + 1]; k++)
				if (!known[t->term_cell[k]]) {
					if (unknown != t->term_cell[k])
						nun++;
					unknown = t->term_cell[k];
				}
			if (nun == 1) {
				known[unknown] = true;
				if (t->value[unknown] >= 1 && t->value[unknown] <= PRIV_THRESHOLD)
					recovered++;
				again = true;
			}
		}
	}
	free(known);
	return recovered;
}

/* Rank of an r x m integer matrix modulo a prime (Gaussian elimination). */
#define P 1000003LL
static long long modpow(long long b, long long e)
{
	long long r = 1;
	b %= P;
	if (b < 0)
		b += P;
	while (e) {
		if (e & 1)
			r = r * b % P;
		b = b * b % P;
		e >>= 1;
	}
	return r;
}

static size_t rank_mod(long long *a, size_t r, size_t m)
{
	size_t rank = 0;
	for (size_t c = 0; c < m && rank < r; c++) {
		size_t piv = SIZE_MAX;
		for (size_t i = rank; i < r; i++)
			if (a[i * m + c] % P != 0) {
				piv = i;
				break;
			}
		if (piv == SIZE_MAX)
			continue;
		for (size_t j = 0; j < m; j++) {
			long long tmp = a[rank * m + j];
			a[rank * m + j] = a[piv * m + j];
			a[piv * m + j] = tmp;
		}
		long long inv = modpow(a[rank * m + c], P - 2);
		for (size_t i = 0; i < r; i++) {
			if (i == rank || a[i * m + c] % P == 0)
				continue;
			long long f = a[i * m + c] % P * inv % P;
			for (size_t j = 0; j < m; j++)
				a[i * m + j] = ((a[i * m + j] - f * a[rank * m + j]) % P + P) % P;
		}
		rank++;
	}
	return rank;
}

/*
 * Independent exact check: hidden cell s is recoverable by the observer iff
 * its column is not in the span of the other unknown columns, i.e. removing
 * it lowers the rank. Returns the number of recoverable sensitive cells.
 */
static int exact_recoverable(const struct priv_table *t, int observer)
{
	size_t m = 0;
	size_t *col = malloc(t->ncells * sizeof *col);
	for (size_t i = 0; i < t->ncells; i++) {
		bool unk = t->state[i] != PRIV_SHOWN &&
			   (observer == PRIV_NO_OWNER || t->owner[i] != observer);
		col[i] = unk ? m++ : SIZE_MAX;
	}
	int found = 0;
	if (m == 0) {
		free(col);
		return 0;
	}
	long long *full = calloc(t->neq * m + 1, sizeof *full);
	long long *work = calloc(t->neq * m + 1, sizeof *work);
	for (size_t e = 0; e < t->neq; e++)
		for (size_t k = t->eq_start[e]; k < t->eq_start[e + 1]; k++)
			if (col[t->term_cell[k]] != SIZE_MAX)
				full[e * m + col[t->term_cell[k]]] += t->term_coef[k];
	memcpy(work, full, t->neq * m * sizeof *work);
	size_t rank_all = rank_mod(work, t->neq, m);
	for (size_t s = 0; s < m; s++) {
		/* Only sensitive cells (1..5 persons) must stay unrecoverable. */
		size_t cell_s = 0;
		for (size_t i = 0; i < t->ncells; i++)
			if (col[i] == s)
				cell_s = i;
		if (t->value[cell_s] < 1 || t->value[cell_s] > PRIV_THRESHOLD)
			continue;
		memcpy(work, full, t->neq * m * sizeof *work);
		for (size_t e = 0; e < t->neq; e++)
			work[e * m + s] = 0;
		if (rank_mod(work, t->neq, m) + 1 == rank_all)
			found++;
	}
	free(full);
	free(work);
	free(col);
	return found;
}

/* Rule 33 on a list with a total: 3 is hidden, and 8 (the smallest other part) with it. */
static void one_dimension_complement(void **state)
{
	(void)state;
	struct priv_table t;
	priv_table_init(&t, 0);
	size_t total = cell(&t, 21, PRIV_NO_OWNER);
	size_t p[3] = {cell(&t, 10, PRIV_NO_OWNER), cell(&t, 3, PRIV_NO_OWNER),
		       cell(&t, 8, PRIV_NO_OWNER)};
	sum(&t, total, p, 3);
	assert_int_equal(priv_suppress(&t, PRIV_THRESHOLD, NULL), 0);
	assert_int_equal(t.state[total], PRIV_SHOWN);
	assert_int_equal(t.state[p[0]], PRIV_SHOWN);
	assert_int_equal(t.state[p[1]], PRIV_PRIMARY);
	assert_int_equal(t.state[p[2]], PRIV_SECONDARY);
	assert_int_equal(subtraction_attack(&t, PRIV_NO_OWNER), 0);
	assert_int_equal(exact_recoverable(&t, PRIV_NO_OWNER), 0);
	assert_int_equal(t.unprotected, 0);
	priv_table_release(&t);
}

/* The threshold is "5 or fewer": 5 is hidden, 6 is shown, 0 is shown. */
static void threshold_is_five_or_fewer(void **state)
{
	(void)state;
	struct priv_table t;
	priv_table_init(&t, 0);
	size_t a = cell(&t, 5, PRIV_NO_OWNER), b = cell(&t, 6, PRIV_NO_OWNER),
	       z = cell(&t, 0, PRIV_NO_OWNER), one = cell(&t, 1, PRIV_NO_OWNER);
	assert_int_equal(priv_suppress(&t, PRIV_THRESHOLD, NULL), 0);
	assert_int_equal(t.state[a], PRIV_PRIMARY);
	assert_int_equal(t.state[b], PRIV_SHOWN);
	assert_int_equal(t.state[z], PRIV_SHOWN);
	assert_int_equal(t.state[one], PRIV_PRIMARY);
	priv_table_release(&t);
}

/*
 * A 3 x 3 table with row totals, column totals and a grand total:
 *
 *        c0  c1  c2 | tot
 *   r0   20   4  15 |  39
 *   r1   12  11  30 |  53
 *   r2    9  14  25 |  48
 *   tot  41  29  70 | 140
 *
 * 4 is primary. By hand: no single cell and no pair hides it (row r0 or
 * column c1 still pins it), so the cheapest rectangle through it is taken:
 * {20 (r0,c0), 11 (r1,c1), 12 (r1,c0)} costs 43, as does {20, 14, 9}; the
 * tie goes to the lower cell indices (row-major), so 20, 12 and 11 are
 * hidden. The four hidden cells form a cycle r0-c1-r1-c0-r0 and all
 * margins stay visible.
 */
static void two_dimensions_with_margins(void **state)
{
	(void)state;
	long v[4][4] = {{20, 4, 15, 39}, {12, 11, 30, 53}, {9, 14, 25, 48}, {41, 29, 70, 140}};
	struct priv_table t;
	priv_table_init(&t, 0);
	size_t id[4][4];
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < 4; j++)
			id[i][j] = cell(&t, v[i][j], PRIV_NO_OWNER);
	for (int i = 0; i < 4; i++) {
		size_t parts[3] = {id[i][0], id[i][1], id[i][2]};
		sum(&t, id[i][3], parts, 3);
	}
	for (int j = 0; j < 4; j++) {
		size_t parts[3] = {id[0][j], id[1][j], id[2][j]};
		sum(&t, id[3][j], parts, 3);
	}
	assert_int_equal(priv_suppress(&t, PRIV_THRESHOLD, NULL), 0);
	assert_int_equal(t.state[id[0][1]], PRIV_PRIMARY);
	assert_int_equal(t.state[id[0][0]], PRIV_SECONDARY);
	assert_int_equal(t.state[id[1][0]], PRIV_SECONDARY);
	assert_int_equal(t.state[id[1][1]], PRIV_SECONDARY);
	for (int k = 0; k < 4; k++) {
		assert_int_equal(t.state[id[3][k]], PRIV_SHOWN);
		assert_int_equal(t.state[id[k][3]], PRIV_SHOWN);
	}
	assert_int_equal(t.state[id[0][2]], PRIV_SHOWN);
	assert_int_equal(t.state[id[2][0]], PRIV_SHOWN);
	int hidden = 0;
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++)
			hidden += t.state[id[i][j]] != PRIV_SHOWN;
	/* Every row and column of the 3 x 3 body holds 0 or at least 2 hidden cells. */
	for (int i = 0; i < 3; i++) {
		int r = 0, c = 0;
		for (int j = 0; j < 3; j++) {
			r += t.state[id[i][j]] != PRIV_SHOWN;
			c += t.state[id[j][i]] != PRIV_SHOWN;
		}
		assert_true(r == 0 || r >= 2);
		assert_true(c == 0 || c >= 2);
	}
	assert_int_equal(hidden, 4);
	assert_int_equal(subtraction_attack(&t, PRIV_NO_OWNER), 0);
	assert_int_equal(exact_recoverable(&t, PRIV_NO_OWNER), 0);
	bool rec[16];
	assert_int_equal(priv_audit(&t, PRIV_NO_OWNER, rec, NULL), 0);
	for (int i = 0; i < 16; i++)
		assert_false(rec[i]);
	priv_table_release(&t);
}

/*
 * Insiders: region R = A + Y + Z with A = 8, Y = 3, Z = 7 (one cell per
 * board). Y is primary. Board A knows 8: with R and Z shown it gets Y, so Z
 * (7, smaller than R) is hidden. Board Y knows 3: with R and A shown it gets
 * Z, so A (8) is hidden. Then every board faces two unknowns in one
 * equation: nobody recovers anything. R stays shown.
 */
static void insiders_cannot_subtract_their_own(void **state)
{
	(void)state;
	struct priv_table t;
	priv_table_init(&t, 3);
	size_t r = cell(&t, 18, PRIV_NO_OWNER);
	size_t b[3] = {cell(&t, 8, 0), cell(&t, 3, 1), cell(&t, 7, 2)};
	sum(&t, r, b, 3);
	assert_int_equal(priv_suppress(&t, PRIV_THRESHOLD, NULL), 0);
	assert_int_equal(t.state[r], PRIV_SHOWN);
	assert_int_equal(t.state[b[0]], PRIV_SECONDARY);
	assert_int_equal(t.state[b[1]], PRIV_PRIMARY);
	assert_int_equal(t.state[b[2]], PRIV_SECONDARY);
	for (int o = 0; o < 3; o++) {
		assert_int_equal(subtraction_attack(&t, o), 0);
		assert_int_equal(exact_recoverable(&t, o), 0);
	}
	priv_table_release(&t);
}

/*
 * Another view: the same persons counted by board (view 1) and by school
 * (view 2, schools s1, s2 of board A; s3 of board B). A school's 2 is
 * hidden in view 2; without linking the views, board A's total minus the
 * other school would give it back. In one table the board cell is the sum
 * of its schools, so the attack fails.
 */
static void another_view_is_linked(void **state)
{
	(void)state;
	struct priv_table t;
	priv_table_init(&t, 0);
	size_t region = cell(&t, 40, PRIV_NO_OWNER);
	size_t boardA = cell(&t, 22, PRIV_NO_OWNER), boardB = cell(&t, 18, PRIV_NO_OWNER);
	size_t s1 = cell(&t, 2, PRIV_NO_OWNER), s2 = cell(&t, 20, PRIV_NO_OWNER);
	size_t s3 = cell(&t, 18, PRIV_NO_OWNER);
	size_t boards[2] = {boardA, boardB}, a_schools[2] = {s1, s2}, b_schools[1] = {s3};
	sum(&t, region, boards, 2);
	sum(&t, boardA, a_schools, 2);
	sum(&t, boardB, b_schools, 1);
	assert_int_equal(priv_suppress(&t, PRIV_THRESHOLD, NULL), 0);
	assert_int_equal(t.state[s1], PRIV_PRIMARY);
	/* s2 (20) alone is not enough: board A = s1 + s2 would still be the pair's sum
	 * shown... that is fine (two unknowns); the cheapest complement is s2 vs boardA
	 * (22): s2 = 20 is hidden. */
	assert_int_equal(t.state[s2], PRIV_SECONDARY);
	assert_int_equal(t.state[boardA], PRIV_SHOWN);
	assert_int_equal(subtraction_attack(&t, PRIV_NO_OWNER), 0);
	assert_int_equal(exact_recoverable(&t, PRIV_NO_OWNER), 0);
	priv_table_release(&t);
}

/*
 * Unpublished details still count: boards' cells are never shown (3 and
 * 20 persons), only the region's 23. Board B knows its 20 and would get A's
 * 3 from the region total, so the total is hidden; A's 20-free view learns
 * nothing sensitive either way.
 */
static void unpublished_cells_are_protected(void **state)
{
	(void)state;
	struct priv_table t;
	priv_table_init(&t, 2);
	size_t r = cell(&t, 23, PRIV_NO_OWNER);
	size_t b[2] = {cell(&t, 3, 0), cell(&t, 20, 1)};
	sum(&t, r, b, 2);
	priv_unpublish(&t, b[0]);
	priv_unpublish(&t, b[1]);
	assert_int_equal(priv_suppress(&t, PRIV_THRESHOLD, NULL), 0);
	assert_int_equal(t.state[b[0]], PRIV_UNPUBLISHED);
	assert_int_equal(t.state[r], PRIV_SECONDARY);
	for (int o = 0; o < 2; o++)
		assert_int_equal(exact_recoverable(&t, o), 0);
	/* With a third board of 30 the total can stay: B learns only A + C = 33. */
	priv_table_release(&t);
	priv_table_init(&t, 3);
	r = cell(&t, 53, PRIV_NO_OWNER);
	size_t c3[3] = {cell(&t, 3, 0), cell(&t, 20, 1), cell(&t, 30, 2)};
	sum(&t, r, c3, 3);
	for (int i = 0; i < 3; i++)
		priv_unpublish(&t, c3[i]);
	assert_int_equal(priv_suppress(&t, PRIV_THRESHOLD, NULL), 0);
	assert_int_equal(t.state[r], PRIV_SHOWN);
	for (int o = 0; o < 3; o++)
		assert_int_equal(exact_recoverable(&t, o), 0);
	priv_table_release(&t);
}

/* Random hierarchical tables (region > boards > schools, x categories with a total). */
static void random_tables_are_safe(void **state)
{
	(void)state;
	struct rng g;
	rng_seed(&g, 42);
	for (int trial = 0; trial < 60; trial++) {
		int nb = 2 + (int)rng_below(&g, 3);
		int ncat = 2 + (int)rng_below(&g, 4);
		struct priv_table t;
		priv_table_init(&t, nb);
		/* values[school][cat] */
		int nschool = 0, sb[16];
		long val[16][8];
		for (int b = 0; b < nb; b++) {
			int k = 1 + (int)rng_below(&g, 3);
			for (int s = 0; s < k; s++) {
				sb[nschool] = b;
				for (int c = 0; c < ncat; c++)
					val[nschool][c] = rng_below(&g, 4) == 0 ? 0 : 1 + (long)rng_below(&g, 14);
				nschool++;
			}
		}
		/* Cells: region, boards, schools; each with ncat categories + total. */
		size_t rc_[8], bc[4][8], sc[16][8];
		long rv[8] = {0}, bv[4][8] = {{0}};
		for (int s = 0; s < nschool; s++) {
			long tot = 0;
			for (int c = 0; c < ncat; c++) {
				tot += val[s][c];
				rv[c] += val[s][c];
				bv[sb[s]][c] += val[s][c];
			}
			val[s][ncat] = tot;
			rv[ncat] += tot;
			bv[sb[s]][ncat] += tot;
		}
		for (int c = 0; c <= ncat; c++)
			rc_[c] = cell(&t, rv[c], PRIV_NO_OWNER);
		for (int b = 0; b < nb; b++)
			for (int c = 0; c <= ncat; c++)
				bc[b][c] = cell(&t, bv[b][c], b);
		for (int s = 0; s < nschool; s++)
			for (int c = 0; c <= ncat; c++)
				sc[s][c] = cell(&t, val[s][c], sb[s]);
		/* Row equations. */
		sum(&t, rc_[ncat], rc_, (size_t)ncat);
		for (int b = 0; b < nb; b++)
			sum(&t, bc[b][ncat], bc[b], (size_t)ncat);
		for (int s = 0; s < nschool; s++)
			sum(&t, sc[s][ncat], sc[s], (size_t)ncat);
		/* Hierarchy equations per category. */
		for (int c = 0; c <= ncat; c++) {
			size_t parts[4];
			for (int b = 0; b < nb; b++)
				parts[b] = bc[b][c];
			sum(&t, rc_[c], parts, (size_t)nb);
			for (int b = 0; b < nb; b++) {
				size_t sp[16];
				size_t n = 0;
				for (int s = 0; s < nschool; s++)
					if (sb[s] == b)
						sp[n++] = sc[s][c];
				sum(&t, bc[b][c], sp, n);
			}
		}
		assert_int_equal(priv_suppress(&t, PRIV_THRESHOLD, NULL), 0);
		for (size_t i = 0; i < t.ncells; i++)
			if (t.value[i] >= 1 && t.value[i] <= PRIV_THRESHOLD)
				assert_int_not_equal(t.state[i], PRIV_SHOWN);
		assert_int_equal(t.unprotected, 0);
		for (int o = 0; o < nb; o++) {
			assert_int_equal(subtraction_attack(&t, o), 0);
			assert_int_equal(exact_recoverable(&t, o), 0);
		}
		assert_int_equal(exact_recoverable(&t, PRIV_NO_OWNER), 0);
		priv_table_release(&t);
	}
}

static void bad_input_is_refused(void **state)
{
	(void)state;
	struct priv_table t;
	priv_table_init(&t, 2);
	size_t id;
	struct samen_err err;
	assert_int_equal(priv_add_cell(&t, -1, 0, &id, &err), SAMEN_EINVAL);
	assert_int_equal(priv_add_cell(&t, 3, 2, &id, &err), SAMEN_EINVAL);
	size_t a = cell(&t, 10, 0), b = cell(&t, 4, 1);
	size_t parts[1] = {b};
	assert_int_equal(priv_add_sum(&t, a, parts, 1, &err), SAMEN_EINVAL);
	assert_non_null(strstr(err.msg, "inconsistent"));
	priv_table_release(&t);
}

/* Rule 33: percentages below 5% and above 95% are masked. */
static void rule33_percentages(void **state)
{
	(void)state;
	char out[8];
	priv_percent(1, 40, out);
	assert_string_equal(out, "<5%");
	priv_percent(2, 40, out);
	assert_string_equal(out, "5%");
	priv_percent(38, 40, out);
	assert_string_equal(out, "95%");
	priv_percent(39, 40, out);
	assert_string_equal(out, ">95%");
	priv_percent(37, 100, out);
	assert_string_equal(out, "37%");
	priv_percent(1, 8, out); /* 12.5% rounds half up */
	assert_string_equal(out, "13%");
	priv_percent(1, 0, out);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_dimension_complement),
		cmocka_unit_test(threshold_is_five_or_fewer),
		cmocka_unit_test(two_dimensions_with_margins),
		cmocka_unit_test(insiders_cannot_subtract_their_own),
		cmocka_unit_test(another_view_is_linked),
		cmocka_unit_test(unpublished_cells_are_protected),
		cmocka_unit_test(random_tables_are_safe),
		cmocka_unit_test(bad_input_is_refused),
		cmocka_unit_test(rule33_percentages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
