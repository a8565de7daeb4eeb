/*
 * page_signin.c - the sign-in form, sign-out and the language switch.
 *
 * The sign-in form is protected against login CSRF with a double-submit
 * token: a random value in a SameSite=Strict cookie that the form must
 * repeat in a hidden field.
 */
#include "web/auth.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"

#include <sodium.h>
#include <string.h>

/* A local path to go back to after sign-in; "/" when missing or not local. */
static const char *safe_return(const char *p)
{
	if (!p || p[0] != '/' || p[1] == '/' || p[1] == '\\' || strlen(p) > 200)
		return "/";
	for (const char *c = p; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == '"' || *c == '<' || *c == '>')
			return "/";
	return p;
}

static void render_form(struct req *r, struct resp *s, const char *pre, const char *email,
			const char *back, const char *error_key, bool is_error)
{
	html_begin(r, s, tr(r, "signin.title"));
	struct buf *b = &s->body;
	buf_printf(b, "<div class=\"samen-signin\"><h1 class=\"utrecht-heading-1\">%s</h1>"
		      "<p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "signin.title"), tr(r, "signin.intro"));
	if (error_key && is_error)
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\""
			      " id=\"signin-error\"><p class=\"utrecht-paragraph\">%s</p></div>",
			   tr(r, error_key));
	else if (error_key)
		buf_printf(b, "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\">"
			      "<p class=\"utrecht-paragraph\">%s</p></div>",
			   tr(r, error_key));
	buf_puts(b, "<form method=\"post\" action=\"/aanmelden\" class=\"samen-form\" novalidate>"
		    "<input type=\"hidden\" name=\"pre\" value=\"");
	html_esc(b, pre);
	buf_puts(b, "\"><input type=\"hidden\" name=\"terug\" value=\"");
	html_esc(b, back);
	buf_printf(b, "\"><div class=\"utrecht-form-field utrecht-form-field--text\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"email\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"email\""
		      " name=\"email\" type=\"email\" autocomplete=\"username\" required"
		      "%s value=\"",
		   tr(r, "signin.email"), error_key && is_error ? " aria-describedby=\"signin-error\"" : "");
	html_esc(b, email);
	buf_printf(b, "\"></div></div><div class=\"utrecht-form-field utrecht-form-field--text\">"
		      "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\""
		      " for=\"password\">%s</label></div><div class=\"utrecht-form-field__input\">"
		      "<input class=\"utrecht-textbox utrecht-textbox--html-input\" id=\"password\""
		      " name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
		      "</div></div><p class=\"samen-form__actions\"><button class=\"utrecht-button"
		      " utrecht-button--primary-action\" type=\"submit\">%s</button></p></form></div>",
		   tr(r, "signin.password"), tr(r, "signin.submit"));
	html_end(r, s);
}

static void new_pre_token(char out[48])
{
	unsigned char raw[24];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, 48, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int page_signin_form(struct req *r, struct resp *s)
{
	if (r->signed_in) {
		resp_redirect(s, "/");
		return 0;
	}
	char pre[48];
	const char *have = r->cookie(r, "samen_pre");
	if (have && strlen(have) == 32) {
		memcpy(pre, have, 33);
	} else {
		new_pre_token(pre);
		auth_set_cookie(s, "samen_pre", pre, 3600, true);
	}
	const char *done = r->query(r, "afgemeld");
	render_form(r, s, pre, "", safe_return(r->query(r, "terug")), done ? "signin.signed_out" : NULL, false);
	return 0;
}

int page_signin_submit(struct req *r, struct resp *s)
{
	char pre[64] = "", email[256] = "", password[300] = "", back[256] = "/";
	form_get(r, "pre", pre, sizeof pre);
	form_get(r, "email", email, sizeof email);
	form_get(r, "password", password, sizeof password);
	form_get(r, "terug", back, sizeof back);
	const char *cookie = r->cookie(r, "samen_pre");
	if (!cookie || strlen(pre) != strlen(cookie) || strlen(pre) != 32 ||
	    sodium_memcmp(pre, cookie, 32) != 0) {
		char fresh[48];
		new_pre_token(fresh);
		auth_set_cookie(s, "samen_pre", fresh, 3600, true);
		render_form(r, s, fresh, email, safe_return(back), "signin.expired", true);
		s->status = 403;
		return 0;
	}
	struct samen_err err;
	samen_err_clear(&err);
	if (auth_sign_in(r, s, email, password, &err) != 0) {
		r->signed_in = false;
		render_form(r, s, pre, email, safe_return(back), "signin.failed", true);
		s->status = 401;
		sodium_memzero(password, sizeof password);
		return 0;
	}
	sodium_memzero(password, sizeof password);
	resp_redirect(s, safe_return(back));
	return 0;
}

int page_signout(struct req *r, struct resp *s)
{
	auth_sign_out(r, s);
	resp_redirect(s, "/aanmelden?afgemeld=1");
	return 0;
}

int page_language(struct req *r, struct resp *s)
{
	const char *code = req_param(r, "lang");
	enum lang l = i18n_parse(code);
	auth_set_cookie(s, "samen_lang", i18n_code(l), 365L * 24 * 3600, false);
	/* Back to the page the user came from, when it is one of ours. */
	const char *ref = r->header(r, "Referer");
	const char *host = r->header(r, "Host");
	const char *back = "/";
	if (ref && host) {
		const char *p = strstr(ref, "://");
		if (p && strncmp(p + 3, host, strlen(host)) == 0)
			back = safe_return(p + 3 + strlen(host));
	}
	resp_redirect(s, back);
	return 0;
}
