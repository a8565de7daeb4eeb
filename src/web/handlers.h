/*
 * handlers.h - every route handler, declared from routes.def.
 *
 * A handler fills the response and returns 0, or returns a negative
 * SAMEN_E* code (with the response untouched) to let the router answer
 * with the matching error page or JSON error.
 */
#ifndef SAMEN_HANDLERS_H
#define SAMEN_HANDLERS_H

#include "web/router.h"

#define ROUTE(m, p, h, roles, scope, flags) int h(struct req *r, struct resp *s);
#include "web/routes.def"
#undef ROUTE

#endif
