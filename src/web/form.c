/*
 * form.c - urlencoded form bodies (see form.h).
 */
#include "web/form.h"

#include <string.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool form_decode(const char *src, size_t len, char *out, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = src[i];
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			if (i + 2 >= len)
				return false;
			int hi = hexval(src[i + 1]), lo = hexval(src[i + 2]);
			if (hi < 0 || lo < 0)
				return false;
			c = (char)(hi * 16 + lo);
			i += 2;
		}
		if (c == '\0' || o + 1 >= n)
			return false;
		out[o++] = c;
	}
	out[o] = '\0';
	return true;
}

bool form_get(const struct req *r, const char *name, char *out, size_t n)
{
	const char *p = buf_str(&r->body), *end = p + r->body.len;
	size_t nlen = strlen(name);
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));
		if (eq && (size_t)(eq - p) == nlen && memcmp(p, name, nlen) == 0)
			return form_decode(eq + 1, (size_t)(stop - eq - 1), out, n);
		p = stop + 1;
	}
	return false;
}
