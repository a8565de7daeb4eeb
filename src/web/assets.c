/*
 * assets.c - GET /static/{*file}: web assets embedded in the binary.
 *
 * The requested name is looked up in the table of embedded files as an
 * exact string; no path is ever joined or opened on disk, so "../" tricks
 * find nothing.
 */
#include "util/embedded.h"
#include "web/handlers.h"

#include <string.h>

static const struct {
	const char *ext, *type;
} types[] = {
	{".css", "text/css; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".mjs", "text/javascript; charset=utf-8"},
	{".svg", "image/svg+xml"},
	{".png", "image/png"},
	{".ico", "image/x-icon"},
	{".woff2", "font/woff2"},
	{".json", "application/json"},
};

int page_static(struct req *r, struct resp *s)
{
	const char *name = req_param(r, "file");
	const struct embedded_file *f = name ? embedded_find(embedded_www, name) : NULL;
	if (!f)
		return SAMEN_ENOTFOUND;
	s->content_type = "application/octet-stream";
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		size_t e = strlen(types[i].ext);
		if (n > e && strcmp(name + n - e, types[i].ext) == 0)
			s->content_type = types[i].type;
	}
	if (buf_add(&s->body, f->data, f->len) != 0)
		return SAMEN_ETOOBIG;
	s->status = 200;
	s->cache_seconds = 3600;
	return 0;
}
