/*
 * rng.h - a small, documented pseudo-random generator for reproducible runs.
 *
 * Samen needs randomness that is the same on every machine for the same
 * seed: the demo region generator, benchmarks and forecast simulations.
 * This is xoshiro256** 1.0 by David Blackman and Sebastiano Vigna (public
 * domain, https://prng.di.unimi.it/xoshiro256starstar.c), seeded through
 * splitmix64 so that any 64-bit seed, 0 included, gives a good state.
 * Its period is 2^256 - 1; it is fast and passes BigCrush, but it is NOT
 * cryptographic: never use it for passwords, tokens or session ids (those
 * come from libsodium's randombytes_buf).
 *
 * Every derived function below only consumes rng_next() outputs in a fixed
 * order, so a sequence of calls is fully determined by the seed.
 *
 * Thread-safety: a struct rng is plain state; one thread at a time.
 */
#ifndef SAMEN_RNG_H
#define SAMEN_RNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rng {
	uint64_t s[4];
};

/* Initialise r from seed (splitmix64 expands it into the 256-bit state). */
void rng_seed(struct rng *r, uint64_t seed);

/* Next 64 random bits (xoshiro256**). */
uint64_t rng_next(struct rng *r);

/* Uniform double in [0, 1) with 53 random bits. */
double rng_uniform(struct rng *r);

/*
 * Uniform integer in [0, n) without modulo bias (Lemire's multiply-and-
 * reject method). n must be at least 1; n == 1 returns 0.
 */
uint64_t rng_below(struct rng *r, uint64_t n);

/* Uniform integer in [lo, hi] (inclusive); lo <= hi is required. */
long rng_between(struct rng *r, long lo, long hi);

/* True with probability p (p <= 0 never, p >= 1 always). */
bool rng_chance(struct rng *r, double p);

/*
 * Index i in [0, n) drawn with probability weights[i] / sum(weights).
 * Weights must be >= 0 with a positive sum; n >= 1.
 */
size_t rng_pick_weighted(struct rng *r, const double *weights, size_t n);

/*
 * Binomial variate: the number of successes in n independent trials with
 * success probability p. Exact (the geometric waiting-time method on the
 * smaller of p and 1 - p), expected cost O(n * min(p, 1-p) + 1).
 */
long rng_binomial(struct rng *r, long n, double p);

#endif
