/*
 * form.h - reading form bodies: application/x-www-form-urlencoded, and
 * multipart/form-data (forms with a file upload). The same call finds a
 * plain field or an uploaded file's contents by its field name, so the
 * router's CSRF check and the handlers work for both encodings.
 */
#ifndef SAMEN_FORM_H
#define SAMEN_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "web/http.h"

/*
 * Find field `name` in the request body and copy its value into out (at
 * most n-1 bytes, NUL-terminated): URL-decoded for urlencoded bodies, the
 * raw part (a field's text or an uploaded file's bytes) for multipart
 * bodies. Returns true when the field is present and fits; a value longer
 * than n-1 bytes, or one holding a NUL byte, counts as absent (never
 * truncated).
 */
bool form_get(const struct req *r, const char *name, char *out, size_t n);

/* URL-decode src (len bytes) into out (n bytes); false when it does not fit or is malformed. */
bool form_decode(const char *src, size_t len, char *out, size_t n);

#endif
