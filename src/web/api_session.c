/*
 * api_session.c - sign-in for API clients: POST/GET/DELETE /api/v1/session.
 *
 * POST takes {"email": ..., "password": ...}, sets the session cookie and
 * returns the user and the CSRF token that later state-changing requests
 * send in the X-CSRF-Token header. The POST itself needs no CSRF token: it
 * only accepts a JSON body (Content-Type application/json), which a
 * cross-site form cannot send.
 */
#include "web/auth.h"
#include "web/handlers.h"

#include <string.h>

static json_t *user_json(const struct req *r)
{
	const struct user *u = &r->user;
	json_t *o = json_pack("{s:I,s:s,s:s,s:s}", "id", (json_int_t)u->id, "email", u->email,
			      "name", u->name, "role", role_name(u->role));
	json_object_set_new(o, "region_id", u->region_id ? json_integer(u->region_id) : json_null());
	json_object_set_new(o, "board_id", u->board_id ? json_integer(u->board_id) : json_null());
	json_object_set_new(o, "school_id", u->school_id ? json_integer(u->school_id) : json_null());
	json_object_set_new(o, "person_id", u->person_id ? json_integer(u->person_id) : json_null());
	return o;
}

int api_session_create(struct req *r, struct resp *s)
{
	const char *ct = r->header(r, "Content-Type");
	if (!ct || strncmp(ct, "application/json", 16) != 0) {
		resp_error_code(s, SAMEN_EINVAL, "send the credentials as application/json");
		return 0;
	}
	if (!r->json) {
		resp_error_code(s, SAMEN_EINVAL, "body must be {\"email\": ..., \"password\": ...}");
		return 0;
	}
	const char *email = json_string_value(json_object_get(r->json, "email"));
	const char *password = json_string_value(json_object_get(r->json, "password"));
	struct samen_err err;
	samen_err_clear(&err);
	if (!email || !password) {
		samen_fail_at(&err, SAMEN_EINVAL, 0, email ? "password" : "email",
			      "email and password are required strings");
		resp_error(s, &err);
		return 0;
	}
	if (auth_sign_in(r, s, email, password, &err) != 0) {
		resp_error(s, &err);
		return 0;
	}
	resp_json(s, 201, json_pack("{s:o,s:s}", "user", user_json(r), "csrf_token", r->csrf));
	return 0;
}

int api_session_get(struct req *r, struct resp *s)
{
	resp_json(s, 200, json_pack("{s:o,s:s}", "user", user_json(r), "csrf_token", r->csrf));
	return 0;
}

int api_session_delete(struct req *r, struct resp *s)
{
	auth_sign_out(r, s);
	resp_json(s, 200, json_pack("{s:b}", "signed_out", 1));
	return 0;
}
