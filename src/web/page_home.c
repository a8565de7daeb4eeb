/*
 * page_home.c - GET /: the start page after sign-in, by role.
 *
 * Coordinators, executives, HR advisers and school leaders go straight to
 * their region's overview; the admin sees the list of regions; a staff
 * member gets their own page.
 */
#include "store/people.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"

#include <stdio.h>
#include <stdlib.h>

int page_home(struct req *r, struct resp *s)
{
	char href[64];
	const struct user *u = &r->user;
	if (u->role == ROLE_STAFF && u->person_id) {
		snprintf(href, sizeof href, "/personen/%lld", (long long)u->person_id);
		resp_redirect(s, href);
		return 0;
	}
	if (u->role != ROLE_ADMIN && u->region_id) {
		snprintf(href, sizeof href, "/regio/%lld", (long long)u->region_id);
		resp_redirect(s, href);
		return 0;
	}
	struct region_info *regions;
	size_t n;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = people_regions(r->db, &regions, &n, &err);
	if (rc)
		return rc;
	html_begin(r, s, tr(r, "home.title"));
	struct buf *b = &s->body;
	buf_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><h2 class=\"utrecht-heading-2\">%s</h2>"
		      "<ul class=\"utrecht-unordered-list\">",
		   tr(r, "home.title"), tr(r, "home.regions"));
	for (size_t i = 0; i < n; i++) {
		buf_printf(b, "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\""
			      " href=\"/regio/%lld\">", (long long)regions[i].id);
		html_esc(b, regions[i].name);
		buf_puts(b, "</a></li>");
	}
	buf_puts(b, "</ul>");
	html_end(r, s);
	free(regions);
	return 0;
}
