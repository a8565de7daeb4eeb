/*
 * http.h - one HTTP request and its response, as the handlers see them.
 *
 * The server (server.c) fills a struct req from libmicrohttpd, the router
 * (router.c) resolves the session, checks the route's role and scope and
 * calls the handler, and the handler fills a struct resp. Handlers never
 * touch libmicrohttpd. Everything in a request (strings, the body, the
 * response buffer) is owned by the server and freed after the reply.
 */
#ifndef SAMEN_HTTP_H
#define SAMEN_HTTP_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "store/db.h"
#include "store/users.h"
#include "util/buf.h"

#define HTTP_MAX_BODY (1u << 20)        /* default cap on request bodies: 1 MiB */
#define HTTP_MAX_UPLOAD (16u << 20)     /* cap for routes that take file uploads */
#define HTTP_MAX_RESPONSE (64u << 20)   /* cap on generated response bodies */
#define HTTP_MAX_PARAMS 8

enum lang { LANG_NL = 0, LANG_EN = 1 };

struct route;

struct req {
	const char *method;       /* "GET", "POST", ... */
	const char *path;         /* decoded path, without query string */
	void *conn;               /* the server's connection handle (for headers, query) */
	const char *(*header)(const struct req *r, const char *name);
	const char *(*query)(const struct req *r, const char *name);
	const char *(*cookie)(const struct req *r, const char *name);
	struct buf body;          /* the request body (capped) */
	struct db *db;            /* this thread's connection, borrowed */
	const struct route *route;
	int nparams;              /* path parameters, e.g. {id} */
	const char *param_names[HTTP_MAX_PARAMS];
	char param_values[HTTP_MAX_PARAMS][64];
	bool signed_in;
	struct user user;         /* valid when signed_in */
	char csrf[48];            /* the session's CSRF token (when signed in) */
	enum lang lang;
	const char *client_ip;
	json_t *json;             /* parsed JSON body (API routes), owned by the server */
};

struct resp {
	int status;
	const char *content_type;         /* static string */
	struct buf body;
	char headers[4][512];             /* extra "Name: value" headers */
	int nheaders;
	char download_name[128];          /* non-empty: Content-Disposition attachment */
	bool no_store;                    /* Cache-Control: no-store (default true for pages) */
	long cache_seconds;               /* >0: public cache for static assets */
};

/* Value of path parameter `name` (e.g. "id"), or NULL. */
const char *req_param(const struct req *r, const char *name);

/* Path parameter parsed as a positive id; 0 when absent or not a number. */
int64_t req_param_id(const struct req *r, const char *name);

/* Add an extra response header "name: value" (at most 4 per response). */
void resp_header(struct resp *s, const char *name, const char *value);

/*
 * JSON helpers for API handlers. resp_json takes over (steals) `body`.
 * resp_error writes {"error": {"code": ..., "message": ..., "field": ...,
 * "line": ...}} with the status that goes with err->code (err.h table).
 */
void resp_json(struct resp *s, int status, json_t *body);
void resp_error(struct resp *s, const struct samen_err *err);
void resp_error_code(struct resp *s, int code, const char *message);

/* Redirect (303 See Other) to a local path. */
void resp_redirect(struct resp *s, const char *location);

#endif
