/*
 * router.h - the route table and its central checks.
 *
 * router_handle() is the one entry point of every request: it finds the
 * route (routes.def), loads the session, then enforces - in this order -
 * sign-in, the route's roles, its tenant scope and, for state-changing
 * methods, the CSRF token. Only then does the handler run. A request that
 * fails a check gets 401/403/404 (JSON under /api, an HTML page otherwise)
 * and the handler never sees it.
 */
#ifndef SAMEN_ROUTER_H
#define SAMEN_ROUTER_H

#include "web/http.h"

enum scope {
	SCOPE_PUBLIC = 0,     /* no sign-in */
	SCOPE_USER,           /* any signed-in user (the handler limits the data to the user) */
	SCOPE_REGION,         /* {region}: the user's own region (admin: any) */
	SCOPE_SCHOOL_REGION,  /* {school}: a school in the user's region (admin: any) */
	SCOPE_BOARD,          /* {board}: executive/hr of that board (admin: any) */
	SCOPE_PERSON,         /* {person}: scope_person_visible() */
};

enum route_flags {
	RF_JSON = 1 << 0,
	RF_NO_CSRF = 1 << 1,
	RF_PERSONAL = 1 << 2,
};

typedef int (*route_handler)(struct req *r, struct resp *s);

struct route {
	const char *method;
	const char *pattern;
	route_handler handler;
	int roles;
	enum scope scope;
	int flags;
	const char *handler_name;
};

/* The route table (ends with a NULL pattern). */
extern const struct route routes[];

/*
 * Handle one complete request. r must have method, path, accessors, body
 * and db set; s is zero-initialised with an empty body buffer. Always
 * produces a response in s.
 */
void router_handle(struct req *r, struct resp *s);

#endif
