/*
 * form.h - reading application/x-www-form-urlencoded request bodies.
 */
#ifndef SAMEN_FORM_H
#define SAMEN_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "web/http.h"

/*
 * Find field `name` in the request body and URL-decode its value into out
 * (at most n-1 bytes). Returns true when the field is present and fits;
 * a value longer than n-1 bytes counts as absent (never truncated).
 */
bool form_get(const struct req *r, const char *name, char *out, size_t n);

/* URL-decode src (len bytes) into out (n bytes); false when it does not fit or is malformed. */
bool form_decode(const char *src, size_t len, char *out, size_t n);

#endif
