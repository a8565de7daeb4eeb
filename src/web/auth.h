/*
 * auth.h - starting and ending a signed-in session from a request.
 *
 * Shared by the HTML sign-in form and the JSON API: both check the
 * password with users_authenticate, create the session row and set the
 * session cookie (HttpOnly, SameSite=Strict, Path=/, Secure behind HTTPS).
 * Every sign-in, failed sign-in and sign-out is written to the audit log.
 */
#ifndef SAMEN_AUTH_H
#define SAMEN_AUTH_H

#include "web/http.h"

/*
 * Check email/password and start a session: on success r->user, r->csrf
 * and r->signed_in are set and the cookie header is added to s. Returns
 * SAMEN_EAUTH for wrong credentials.
 */
int auth_sign_in(struct req *r, struct resp *s, const char *email, const char *password,
		 struct samen_err *err);

/* End the request's session (if any) and clear the cookie. */
int auth_sign_out(struct req *r, struct resp *s);

/* Add a Set-Cookie header; max_age < 0 deletes the cookie. */
void auth_set_cookie(struct resp *s, const char *name, const char *value, long max_age,
		     bool http_only);

#endif
