/*
 * http.c - small helpers on requests and responses (see http.h).
 */
#include "web/http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *req_param(const struct req *r, const char *name)
{
	for (int i = 0; i < r->nparams; i++)
		if (strcmp(r->param_names[i], name) == 0)
			return r->param_values[i];
	return NULL;
}

int64_t req_param_id(const struct req *r, const char *name)
{
	const char *v = req_param(r, name);
	if (!v || !*v)
		return 0;
	char *end;
	long long id = strtoll(v, &end, 10);
	if (*end || id <= 0)
		return 0;
	return id;
}

void resp_header(struct resp *s, const char *name, const char *value)
{
	if (s->nheaders >= 4)
		return;
	snprintf(s->headers[s->nheaders++], sizeof s->headers[0], "%s: %s", name, value);
}

void resp_json(struct resp *s, int status, json_t *body)
{
	s->status = status;
	s->content_type = "application/json; charset=utf-8";
	buf_reset(&s->body);
	char *txt = json_dumps(body, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(body);
	if (!txt || buf_puts(&s->body, txt) != 0) {
		s->status = 500;
		buf_reset(&s->body);
		buf_puts(&s->body, "{\"error\":{\"code\":\"internal_error\",\"message\":\"response too large\"}}");
	}
	free(txt);
}

void resp_error(struct resp *s, const struct samen_err *err)
{
	json_t *e = json_object();
	json_object_set_new(e, "code", json_string(samen_code_name(err->code)));
	json_object_set_new(e, "message", json_string(err->msg[0] ? err->msg : samen_code_name(err->code)));
	if (err->field[0])
		json_object_set_new(e, "field", json_string(err->field));
	if (err->line > 0)
		json_object_set_new(e, "line", json_integer(err->line));
	resp_json(s, samen_code_http(err->code), json_pack("{s:o}", "error", e));
}

void resp_error_code(struct resp *s, int code, const char *message)
{
	struct samen_err err;
	samen_err_clear(&err);
	samen_fail(&err, code, "%s", message);
	resp_error(s, &err);
}

void resp_redirect(struct resp *s, const char *location)
{
	s->status = 303;
	resp_header(s, "Location", location);
	s->content_type = "text/plain; charset=utf-8";
	buf_reset(&s->body);
}
