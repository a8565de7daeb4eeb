/*
 * auth.c - signing in and out (see auth.h).
 */
#include "web/auth.h"
#include "store/audit.h"
#include "store/sessions.h"
#include "web/server.h"

#include <stdio.h>
#include <string.h>

void auth_set_cookie(struct resp *s, const char *name, const char *value, long max_age,
		     bool http_only)
{
	char v[400];
	snprintf(v, sizeof v, "%s=%s; Path=/; SameSite=Strict; Max-Age=%ld%s%s", name,
		 max_age < 0 ? "" : value, max_age < 0 ? 0 : max_age,
		 http_only ? "; HttpOnly" : "", server_secure_cookies() ? "; Secure" : "");
	resp_header(s, "Set-Cookie", v);
}

int auth_sign_in(struct req *r, struct resp *s, const char *email, const char *password,
		 struct samen_err *err)
{
	if (!email || !*email || !password || !*password)
		return samen_fail(err, SAMEN_EAUTH, "e-mail address and password are required");
	if (strlen(email) > 200 || strlen(password) > 256)
		return samen_fail(err, SAMEN_EAUTH, "wrong e-mail address or password");
	int rc = users_authenticate(r->db, email, password, &r->user, err);
	if (rc) {
		audit_add(r->db, 0, email, "session.failed", "user", email, 0, r->client_ip, NULL);
		return rc;
	}
	char token[48];
	rc = sessions_create(r->db, r->user.id, token, r->csrf, err);
	if (rc)
		return rc;
	r->signed_in = true;
	auth_set_cookie(s, "samen_session", token, SESSION_TTL_HOURS * 3600L, true);
	audit_add(r->db, r->user.id, r->user.email, "session.create", "user", r->user.email,
		  r->user.board_id, r->client_ip, NULL);
	return 0;
}

int auth_sign_out(struct req *r, struct resp *s)
{
	const char *token = r->cookie(r, "samen_session");
	if (token)
		sessions_delete(r->db, token, NULL);
	if (r->signed_in)
		audit_add(r->db, r->user.id, r->user.email, "session.delete", "user", r->user.email,
			  r->user.board_id, "", NULL);
	auth_set_cookie(s, "samen_session", "", -1, true);
	r->signed_in = false;
	return 0;
}
