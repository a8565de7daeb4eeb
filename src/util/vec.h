/*
 * vec.h - growing a result array one element at a time.
 *
 * The store functions return their rows as malloc'ed arrays that grow while
 * the rows are read; vec_grow is the one place where that growth happens.
 */
#ifndef SAMEN_VEC_H
#define SAMEN_VEC_H

#include <stddef.h>

#include "util/err.h"

/*
 * Make room for element number n (0-based) in *arr, an array of elements
 * of elem bytes with *cap allocated: when n < *cap nothing happens,
 * otherwise the capacity doubles (16 at first) and the new space is
 * zeroed. *arr stays owned by the caller (free()); on SAMEN_ENOMEM it is
 * unchanged.
 */
int vec_grow(void **arr, size_t *cap, size_t n, size_t elem, struct samen_err *err);

#endif
