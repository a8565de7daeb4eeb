/*
 * router.c - the route table and its central checks (see router.h).
 */
#include "web/router.h"
#include "store/audit.h"
#include "store/people.h"
#include "store/sessions.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/scope.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

const struct route routes[] = {
#define ROUTE(m, p, h, roles, scope, flags) {m, p, h, roles, scope, flags, #h},
#include "web/routes.def"
#undef ROUTE
	{NULL, NULL, NULL, 0, 0, 0, NULL},
};

/* Match path against pattern, capturing {params}. */
static bool match(const char *pattern, const char *path, struct req *r)
{
	int n = 0;
	const char *p = pattern, *q = path;
	while (*p && *q) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			if (!close || n >= HTTP_MAX_PARAMS)
				return false;
			bool rest = p[1] == '*';
			const char *name = p + 1 + rest;
			size_t vlen = rest ? strlen(q) : strcspn(q, "/");
			if (vlen == 0 || vlen >= sizeof r->param_values[0])
				return false;
			r->param_names[n] = name;
			memcpy(r->param_values[n], q, vlen);
			r->param_values[n][vlen] = '\0';
			n++;
			q += vlen;
			p = close + 1;
			continue;
		}
		if (*p != *q)
			return false;
		p++;
		q++;
	}
	if (*p || *q)
		return false;
	r->nparams = n;
	return true;
}

/* The name of a {param} ends at '}'; store names NUL-terminated per route match. */
static const char *param_name_copy(const char *name, char *out, size_t n)
{
	size_t len = strcspn(name, "}");
	if (len >= n)
		len = n - 1;
	memcpy(out, name, len);
	out[len] = '\0';
	return out;
}

static __thread char param_names_buf[HTTP_MAX_PARAMS][32];

static void fix_param_names(struct req *r)
{
	for (int i = 0; i < r->nparams; i++)
		r->param_names[i] = param_name_copy(r->param_names[i], param_names_buf[i],
						    sizeof param_names_buf[i]);
}

static void load_session(struct req *r)
{
	const char *token = r->cookie(r, "samen_session");
	if (!token)
		return;
	struct samen_err err;
	samen_err_clear(&err);
	if (sessions_lookup(r->db, token, &r->user, r->csrf, &err) == 0)
		r->signed_in = true;
}

static void pick_language(struct req *r)
{
	const char *c = r->cookie(r, "samen_lang");
	if (c) {
		r->lang = i18n_parse(c);
		return;
	}
	const char *al = r->header(r, "Accept-Language");
	/* First listed language wins; Dutch is the default. */
	r->lang = al && strncmp(al, "en", 2) == 0 ? LANG_EN : LANG_NL;
}

static void fail(struct req *r, struct resp *s, int code, const char *msg)
{
	if (r->route && (r->route->flags & RF_JSON)) {
		resp_error_code(s, code, msg);
	} else if (strncmp(r->path, "/api/", 5) == 0) {
		resp_error_code(s, code, msg);
	} else {
		html_error_page(r, s, code, msg);
	}
}

static bool csrf_ok(struct req *r)
{
	char form_token[64];
	const char *token = r->header(r, "X-CSRF-Token");
	if (!token && form_get(r, "csrf", form_token, sizeof form_token))
		token = form_token;
	if (!token || !r->csrf[0] || strlen(token) != strlen(r->csrf))
		return false;
	return sodium_memcmp(token, r->csrf, strlen(token)) == 0;
}

/* Apply the route's tenant scope. Returns 0 or SAMEN_EPERM / SAMEN_ENOTFOUND / db error. */
static int check_scope(struct req *r, bool *cross_board)
{
	struct samen_err err;
	samen_err_clear(&err);
	const struct user *u = &r->user;
	*cross_board = false;
	switch (r->route->scope) {
	case SCOPE_PUBLIC:
	case SCOPE_USER:
		*cross_board = u->role == ROLE_ADMIN;
		return 0;
	case SCOPE_REGION: {
		int64_t id = req_param_id(r, "region");
		return id && scope_region(u, id) ? 0 : SAMEN_EPERM;
	}
	case SCOPE_SCHOOL_REGION: {
		int64_t id = req_param_id(r, "school"), region = 0;
		if (!id)
			return SAMEN_ENOTFOUND;
		int rc = people_school_region(r->db, id, &region, &err);
		if (rc)
			return rc;
		return scope_region(u, region) ? 0 : SAMEN_EPERM;
	}
	case SCOPE_BOARD: {
		int64_t id = req_param_id(r, "board");
		if (!id)
			return SAMEN_ENOTFOUND;
		*cross_board = u->role == ROLE_ADMIN && u->board_id != id;
		return scope_board_people(u, id) ? 0 : SAMEN_EPERM;
	}
	case SCOPE_PERSON: {
		int64_t id = req_param_id(r, "person");
		bool visible, same;
		if (!id)
			return SAMEN_ENOTFOUND;
		int rc = scope_person(r->db, u, id, &visible, &same, &err);
		if (rc)
			return rc;
		*cross_board = visible && !same && u->person_id != id;
		return visible ? 0 : SAMEN_EPERM;
	}
	}
	return SAMEN_EPERM;
}

static void audit_read(struct req *r)
{
	char object[128];
	snprintf(object, sizeof object, "%s", r->path);
	audit_add(r->db, r->user.id, r->user.email, "read", r->route->handler_name, object,
		  r->user.board_id, "person-level data read outside the reader's board", NULL);
}

static bool method_has_body(const char *m)
{
	return strcmp(m, "POST") == 0 || strcmp(m, "PUT") == 0 || strcmp(m, "PATCH") == 0 ||
	       strcmp(m, "DELETE") == 0;
}

void router_handle(struct req *r, struct resp *s)
{
	const struct route *found = NULL;
	bool path_known = false;
	for (const struct route *rt = routes; rt->pattern; rt++) {
		if (!match(rt->pattern, r->path, r))
			continue;
		path_known = true;
		if (strcmp(rt->method, r->method) == 0 ||
		    (strcmp(r->method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0)) {
			found = rt;
			break;
		}
	}
	pick_language(r);
	if (!found) {
		load_session(r);
		fail(r, s, path_known ? SAMEN_EMETHOD : SAMEN_ENOTFOUND,
		     path_known ? "method not allowed on this route" : "no such route");
		return;
	}
	/* Re-match to capture this route's parameters. */
	match(found->pattern, r->path, r);
	fix_param_names(r);
	r->route = found;
	if (found->scope != SCOPE_PUBLIC || (found->flags & RF_NO_CSRF) ||
	    strcmp(found->handler_name, "page_signin_form") == 0)
		load_session(r);

	if (found->scope != SCOPE_PUBLIC) {
		if (!r->signed_in) {
			if (found->flags & RF_JSON) {
				fail(r, s, SAMEN_EAUTH, "sign in first");
			} else {
				struct buf loc;
				buf_init(&loc, 1024);
				buf_puts(&loc, "/aanmelden?terug=");
				html_urlenc(&loc, r->path);
				resp_redirect(s, buf_str(&loc));
				buf_release(&loc);
			}
			return;
		}
		if (!(found->roles & r->user.role)) {
			fail(r, s, SAMEN_EPERM, "your role may not use this");
			return;
		}
	}
	if (method_has_body(r->method) && !(found->flags & RF_NO_CSRF) && !csrf_ok(r)) {
		fail(r, s, SAMEN_ECSRF, "missing or wrong CSRF token (send X-CSRF-Token)");
		return;
	}
	bool cross = false;
	if (found->scope != SCOPE_PUBLIC) {
		int rc = check_scope(r, &cross);
		if (rc) {
			fail(r, s, rc == SAMEN_EPERM ? SAMEN_EPERM : rc,
			     rc == SAMEN_ENOTFOUND ? "not found" : "no access to this data");
			return;
		}
	}
	if ((found->flags & RF_JSON) && method_has_body(r->method) && r->body.len > 0) {
		json_error_t jerr;
		r->json = json_loadb(buf_str(&r->body), r->body.len, JSON_REJECT_DUPLICATES, &jerr);
		if (!r->json || !json_is_object(r->json)) {
			struct samen_err err;
			samen_err_clear(&err);
			samen_fail_at(&err, SAMEN_EINVAL, jerr.line > 0 ? jerr.line : 1, "body",
				      "request body is not a JSON object: %s",
				      r->json ? "top level must be an object" : jerr.text);
			resp_error(s, &err);
			return;
		}
	}
	if ((found->flags & RF_PERSONAL) && cross)
		audit_read(r);
	int rc = found->handler(r, s);
	db_read_end(r->db); /* a handler's group of reads ends with the request, on every path */
	if (rc < 0 && s->status == 0) {
		fail(r, s, rc, rc == SAMEN_ENOTFOUND ? "not found" : "request failed");
	} else if (s->status == 0) {
		s->status = 200;
	}
}
