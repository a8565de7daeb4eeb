/*
 * form.c - urlencoded form bodies (see form.h).
 */
#include "web/form.h"

#include <string.h>
#include <strings.h>

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

/* The boundary of a multipart/form-data body, or false when the body is not multipart. */
static bool multipart_boundary(const struct req *r, char *out, size_t n)
{
	const char *ct = r->header ? r->header(r, "Content-Type") : NULL;
	if (!ct || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return false;
	const char *b = strstr(ct, "boundary=");
	if (!b)
		return false;
	b += 9;
	size_t len = strcspn(b, "; ");
	if (len >= 2 && b[0] == '"' && b[len - 1] == '"') {
		b++;
		len -= 2;
	}
	if (len == 0 || len + 3 > n)
		return false;
	out[0] = '-';
	out[1] = '-';
	memcpy(out + 2, b, len);
	out[len + 2] = '\0';
	return true;
}

static const char *find_bytes(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	return nlen <= hlen ? memmem(hay, hlen, needle, nlen) : NULL;
}

/* Does a part's header block name the field `name` (name="..." in Content-Disposition)? */
static bool part_named(const char *head, size_t hlen, const char *name)
{
	const char *cd = find_bytes(head, hlen, "name=\"", 6);
	/* Skip "filename=" matches: the field name is the name= not preceded by "file". */
	while (cd && cd >= head + 4 && strncasecmp(cd - 4, "file", 4) == 0)
		cd = find_bytes(cd + 6, hlen - (size_t)(cd + 6 - head), "name=\"", 6);
	if (!cd)
		return false;
	cd += 6;
	size_t nlen = strlen(name);
	return (size_t)(head + hlen - cd) > nlen && memcmp(cd, name, nlen) == 0 && cd[nlen] == '"';
}

static bool multipart_get(const struct req *r, const char *boundary, const char *name, char *out,
			  size_t n)
{
	const char *p = buf_str(&r->body), *end = p + r->body.len;
	size_t blen = strlen(boundary);
	const char *at = find_bytes(p, (size_t)(end - p), boundary, blen);
	while (at) {
		const char *part = at + blen;
		if (part + 2 > end || (part[0] == '-' && part[1] == '-'))
			return false; /* closing boundary */
		if (part[0] == '\r' && part[1] == '\n')
			part += 2;
		const char *body = find_bytes(part, (size_t)(end - part), "\r\n\r\n", 4);
		if (!body)
			return false;
		const char *head = part;
		size_t hlen = (size_t)(body - part);
		body += 4;
		const char *next = find_bytes(body, (size_t)(end - body), boundary, blen);
		if (!next)
			return false;
		/* The part's content ends with the CRLF before the next boundary. */
		const char *stop = next;
		if (stop - body >= 2 && stop[-2] == '\r' && stop[-1] == '\n')
			stop -= 2;
		if (part_named(head, hlen, name)) {
			size_t len = (size_t)(stop - body);
			if (len + 1 > n || memchr(body, '\0', len))
				return false;
			memcpy(out, body, len);
			out[len] = '\0';
			return true;
		}
		at = next;
	}
	return false;
}

bool form_get(const struct req *r, const char *name, char *out, size_t n)
{
	char boundary[80];
	if (multipart_boundary(r, boundary, sizeof boundary))
		return multipart_get(r, boundary, name, out, n);
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
