/*
 * vec.c - growing a result array (see vec.h).
 */
#include "util/vec.h"

#include <stdlib.h>
#include <string.h>

int vec_grow(void **arr, size_t *cap, size_t n, size_t elem, struct samen_err *err)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 16;
	while (nc <= n)
		nc *= 2;
	void *p = realloc(*arr, nc * elem);
	if (!p)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	memset((char *)p + *cap * elem, 0, (nc - *cap) * elem);
	*arr = p;
	*cap = nc;
	return 0;
}
