/*
 * html.h - writing HTML pages: escaping, the page shell, number formats.
 *
 * Pages are server-rendered into the response buffer. Every value from
 * the database or the request goes through html_esc (or html_attr) before
 * it is written; literal markup is written with buf_puts. The shell is the
 * NL Design System (Utrecht) page layout with a skip link, the main menu for
 * the user's role, the language switch and a sign-out form.
 */
#ifndef SAMEN_HTML_H
#define SAMEN_HTML_H

#include "web/http.h"

/* Append s with &, <, >, " and ' escaped (safe in text and quoted attributes). */
void html_esc(struct buf *b, const char *s);

/* Start a page with the given (unescaped) title; sets content type and status 200. */
void html_begin(struct req *r, struct resp *s, const char *title);

/* Close the page opened by html_begin. */
void html_end(struct req *r, struct resp *s);

/* A full error page for a SAMEN_E* code, with the matching HTTP status. */
void html_error_page(struct req *r, struct resp *s, int code, const char *detail);

/*
 * Format a number with `decimals` decimals in the request's language:
 * Dutch "1.234,5", English "1,234.5". out must hold at least 32 bytes.
 */
void html_number(const struct req *r, double v, int decimals, char out[32]);

/* Write a date "YYYY-MM-DD" as Dutch "17-08-2026" or English "2026-08-17". */
void html_date(const struct req *r, struct buf *b, const char *iso);

/* Append the hidden CSRF field every POST form carries (the router checks it). */
void html_csrf_field(const struct req *r, struct buf *b);

/* Append a URL-encoded query value. */
void html_urlenc(struct buf *b, const char *s);

#endif
