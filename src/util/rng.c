/*
 * rng.c - xoshiro256** seeded by splitmix64, and the variates built on it
 * (see rng.h). The core two functions follow the reference C code of
 * Blackman and Vigna (public domain) line by line.
 */
#include "util/rng.h"

#include <math.h>

/* GCC and Clang both have 128-bit integers; __extension__ keeps -Wpedantic quiet. */
__extension__ typedef unsigned __int128 u128;

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void rng_seed(struct rng *r, uint64_t seed)
{
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	const uint64_t result = rotl(s[1] * 5, 7) * 9;
	const uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double rng_uniform(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

uint64_t rng_below(struct rng *r, uint64_t n)
{
	if (n <= 1)
		return 0;
	/* Lemire: the high 64 bits of a 128-bit product, rejecting the biased low band. */
	u128 m = (u128)rng_next(r) * n;
	uint64_t low = (uint64_t)m;
	if (low < n) {
		uint64_t threshold = -n % n;
		while (low < threshold) {
			m = (u128)rng_next(r) * n;
			low = (uint64_t)m;
		}
	}
	return (uint64_t)(m >> 64);
}

long rng_between(struct rng *r, long lo, long hi)
{
	return lo + (long)rng_below(r, (uint64_t)(hi - lo) + 1);
}

bool rng_chance(struct rng *r, double p)
{
	if (p <= 0)
		return false;
	if (p >= 1)
		return true;
	return rng_uniform(r) < p;
}

size_t rng_pick_weighted(struct rng *r, const double *weights, size_t n)
{
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += weights[i];
	double x = rng_uniform(r) * total;
	for (size_t i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	/* Rounding left x at the very top: the last item with a positive weight. */
	for (size_t i = n; i-- > 0;)
		if (weights[i] > 0)
			return i;
	return 0;
}

long rng_binomial(struct rng *r, long n, double p)
{
	if (n <= 0 || p <= 0)
		return 0;
	if (p >= 1)
		return n;
	if (p > 0.5)
		return n - rng_binomial(r, n, 1 - p);
	/* Trials up to and including each success are geometric with parameter p. */
	double log_q = log1p(-p);
	long successes = 0, trials = 0;
	for (;;) {
		double u = 1.0 - rng_uniform(r); /* (0, 1] */
		double g = ceil(log(u) / log_q);
		if (g < 1)
			g = 1;
		if (g > (double)(n - trials))
			break;
		trials += (long)g;
		successes++;
	}
	return successes;
}
