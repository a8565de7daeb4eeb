/*
 * html.c - the page shell and HTML helpers (see html.h).
 */
#include "web/html.h"
#include "web/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void html_esc(struct buf *b, const char *s)
{
	if (!s)
		return;
	const char *start = s;
	for (; *s; s++) {
		const char *rep = NULL;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_add(b, start, (size_t)(s - start));
		buf_puts(b, rep);
		start = s + 1;
	}
	buf_add(b, start, (size_t)(s - start));
}

void html_csrf_field(const struct req *r, struct buf *b)
{
	buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html_esc(b, r->csrf);
	buf_puts(b, "\">");
}

void html_urlenc(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			buf_add(b, s, 1);
		} else {
			char enc[3] = {'%', hex[c >> 4], hex[c & 15]};
			buf_add(b, enc, 3);
		}
	}
}

void html_number(const struct req *r, double v, int decimals, char out[32])
{
	char raw[32];
	snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v) < 0.5 * pow(10, -decimals) ? 0.0 : v);
	char thou = r->lang == LANG_EN ? ',' : '.', dec = r->lang == LANG_EN ? '.' : ',';
	const char *dot = strchr(raw, '.');
	size_t intlen = dot ? (size_t)(dot - raw) : strlen(raw);
	size_t o = 0, start = raw[0] == '-' ? 1 : 0;
	if (start)
		out[o++] = '-';
	for (size_t i = start; i < intlen && o < 30; i++) {
		out[o++] = raw[i];
		size_t left = intlen - i - 1;
		if (left && left % 3 == 0)
			out[o++] = thou;
	}
	if (dot && o < 30) {
		out[o++] = dec;
		for (const char *p = dot + 1; *p && o < 31; p++)
			out[o++] = *p;
	}
	out[o] = '\0';
}

void html_date(const struct req *r, struct buf *b, const char *iso)
{
	if (!iso || strlen(iso) != 10) {
		html_esc(b, iso);
		return;
	}
	if (r->lang == LANG_EN) {
		html_esc(b, iso);
		return;
	}
	const char dmy[10] = {iso[8], iso[9], '-', iso[5], iso[6], '-', iso[0], iso[1], iso[2], iso[3]};
	buf_add(b, dmy, sizeof dmy);
}

static void nav_link(struct req *r, struct buf *b, const char *href, const char *key,
		     const char *current_prefix)
{
	int current = current_prefix && strcmp(r->path, href) == 0;
	buf_puts(b, "<li class=\"utrecht-link-list__item\"><a class=\"utrecht-link samen-nav__link\" href=\"");
	html_esc(b, href);
	buf_puts(b, current ? "\" aria-current=\"page\">" : "\">");
	html_esc(b, tr(r, key));
	buf_puts(b, "</a></li>");
}

static void write_nav(struct req *r, struct buf *b)
{
	char href[96];
	buf_printf(b, "<nav class=\"samen-nav utrecht-nav-bar\" aria-label=\"%s\">"
		      "<ul class=\"utrecht-link-list samen-nav__list\">",
		   tr(r, "nav.main"));
	nav_link(r, b, "/", "nav.home", "");
	nav_link(r, b, "/agenda", "calendar.nav", "");
	nav_link(r, b, "/detacheringen", "secondment.nav", "");
	nav_link(r, b, "/hulp", "match.nav", "");
	const struct user *u = &r->user;
	if (u->role != ROLE_STAFF && u->region_id) {
		snprintf(href, sizeof href, "/regio/%lld", (long long)u->region_id);
		nav_link(r, b, href, "nav.region", "");
		snprintf(href, sizeof href, "/feiten/%lld", (long long)u->region_id);
		nav_link(r, b, href, "nav.facts", "");
	}
	if ((u->role == ROLE_EXECUTIVE || u->role == ROLE_HR) && u->board_id) {
		snprintf(href, sizeof href, "/besturen/%lld/personeel", (long long)u->board_id);
		nav_link(r, b, href, "nav.staff", "");
	}
	if (u->role == ROLE_SCHOOL_LEADER && u->school_id) {
		snprintf(href, sizeof href, "/scholen/%lld", (long long)u->school_id);
		nav_link(r, b, href, "nav.staff", "");
	}
	if (u->person_id) {
		snprintf(href, sizeof href, "/personen/%lld", (long long)u->person_id);
		nav_link(r, b, href, "nav.me", "");
	}
	buf_puts(b, "</ul></nav>");
}

static void write_lang_switch(struct req *r, struct buf *b)
{
	buf_printf(b, "<p class=\"samen-lang\"><span class=\"samen-visually-hidden\">%s: </span>",
		   tr(r, "nav.language"));
	if (r->lang == LANG_EN)
		buf_puts(b, "<a class=\"utrecht-link\" href=\"/taal/nl\" lang=\"nl\" hreflang=\"nl\">Nederlands</a>");
	else
		buf_puts(b, "<a class=\"utrecht-link\" href=\"/taal/en\" lang=\"en\" hreflang=\"en\">English</a>");
	buf_puts(b, "</p>");
}

void html_begin(struct req *r, struct resp *s, const char *title)
{
	struct buf *b = &s->body;
	s->status = 200;
	s->content_type = "text/html; charset=utf-8";
	s->no_store = true;
	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\" class=\"utrecht-theme samen-theme\">"
		      "<head><meta charset=\"utf-8\">"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		      "<title>",
		   i18n_code(r->lang));
	html_esc(b, title);
	buf_puts(b, " – Samen</title>"
		    "<link rel=\"icon\" href=\"/static/img/favicon.svg\" type=\"image/svg+xml\">"
		    "<link rel=\"stylesheet\" href=\"/static/css/utrecht-tokens.css\">"
		    "<link rel=\"stylesheet\" href=\"/static/css/utrecht-components.css\">"
		    "<link rel=\"stylesheet\" href=\"/static/css/samen.css\">"
		    "</head><body class=\"utrecht-document utrecht-body\">");
	buf_printf(b, "<a class=\"samen-skip-link utrecht-link\" href=\"#inhoud\">%s</a>",
		   tr(r, "nav.skip"));
	buf_puts(b, "<div class=\"utrecht-page samen-page\"><header class=\"utrecht-page-header samen-header\">"
		    "<div class=\"samen-header__brand\"><a class=\"samen-logo utrecht-link\" href=\"/\">"
		    "<img src=\"/static/img/logo.svg\" alt=\"\" width=\"40\" height=\"40\">"
		    "<span class=\"samen-logo__name\">Samen</span></a>");
	buf_printf(b, "<span class=\"samen-header__tagline\">%s</span></div>", tr(r, "app.tagline"));
	buf_puts(b, "<div class=\"samen-header__tools\">");
	write_lang_switch(r, b);
	if (r->signed_in) {
		buf_printf(b, "<p class=\"samen-user\">%s ", tr(r, "nav.signed_in_as"));
		buf_puts(b, "<strong>");
		html_esc(b, r->user.name);
		char rolekey[32];
		snprintf(rolekey, sizeof rolekey, "role.%s", role_name(r->user.role));
		buf_printf(b, "</strong> (%s)</p>", tr(r, rolekey));
		buf_puts(b, "<form class=\"samen-signout\" method=\"post\" action=\"/afmelden\">");
		html_csrf_field(r, b);
		buf_printf(b, "<button class=\"utrecht-button utrecht-button--secondary-action\""
			      " type=\"submit\">%s</button></form>",
			   tr(r, "nav.signout"));
	}
	buf_puts(b, "</div>");
	if (r->signed_in)
		write_nav(r, b);
	buf_puts(b, "</header><main class=\"utrecht-page-content samen-main\" id=\"inhoud\" tabindex=\"-1\">");
}

void html_end(struct req *r, struct resp *s)
{
	buf_printf(&s->body,
		   "</main><footer class=\"utrecht-page-footer samen-footer\">"
		   "<p class=\"utrecht-paragraph\">%s</p><p class=\"utrecht-paragraph\">%s</p>"
		   "</footer></div></body></html>\n",
		   tr(r, "footer.privacy"), tr(r, "footer.licence"));
}

void html_error_page(struct req *r, struct resp *s, int code, const char *detail)
{
	const char *key = "error.internal";
	switch (code) {
	case SAMEN_ENOTFOUND: case SAMEN_EMETHOD: key = "error.not_found"; break;
	case SAMEN_EPERM: key = "error.forbidden"; break;
	case SAMEN_ECSRF: key = "error.csrf"; break;
	case SAMEN_EINVAL: key = "error.invalid"; break;
	case SAMEN_ETOOBIG: key = "error.too_large"; break;
	default: break;
	}
	buf_reset(&s->body);
	s->nheaders = 0;
	html_begin(r, s, tr(r, "error.title"));
	s->status = samen_code_http(code);
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>"
		      "<div class=\"utrecht-alert utrecht-alert--error\" role=\"alert\">"
		      "<p class=\"utrecht-paragraph\">%s</p>",
		   tr(r, "error.title"), tr(r, key));
	if (detail && *detail && code == SAMEN_EINVAL) {
		buf_puts(b, "<p class=\"utrecht-paragraph\">");
		html_esc(b, detail);
		buf_puts(b, "</p>");
	}
	buf_printf(b, "</div><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/\">%s</a></p>",
		   tr(r, "error.back"));
	html_end(r, s);
}
