/*
 * facts_view.h - what a fact-base request looks at: the region's fact base
 * (from the cache, or built for a chosen scenario) and the filters of the
 * query string: bestuur (board id), school (school id), vak (subject code),
 * scenario (a saved scenario's name). Shared by page_facts.c,
 * page_facts_forms.c and api_facts.c so every face reads filters alike.
 */
#ifndef SAMEN_FACTS_VIEW_H
#define SAMEN_FACTS_VIEW_H

#include <stdbool.h>

#include "core/factbase.h"
#include "formats/facts_out.h"
#include "web/http.h"

struct facts_view {
	int64_t region_id;
	const struct factbase *fb;
	bool cached;            /* fb from facts_cache (else own) */
	struct factbase own;
	int node;               /* 0 region, else a board or school node */
	int subject;            /* -1 all */
	int64_t board_id, school_id;
	char scenario[64];
};

/*
 * Open the view of the request's {region} with its filters. Errors:
 * SAMEN_EINVAL naming the filter (a board or school outside the region, an
 * unknown subject), SAMEN_ENOTFOUND for an unknown scenario, store errors.
 * Close with facts_view_close.
 */
int facts_view_open(struct req *r, struct facts_view *v, struct samen_err *err);
void facts_view_close(struct facts_view *v);

/* Append the view's filters as "&bestuur=..&school=..&vak=..&scenario=.." (URL-encoded). */
void facts_view_query(const struct facts_view *v, struct buf *b);

/*
 * Write table `which` of the view as an accessible HTML table (caption,
 * th scope) with CSV/XLSX download links; an explanation instead when the
 * table does not exist for the view. Returns 0 or an error code.
 */
int facts_html_table(struct req *r, struct buf *b, const struct facts_view *v,
		     enum facts_table which, const struct fact_figure_row *fig, size_t nfig,
		     const struct fact_source_row *src, size_t nsrc, const char *caption_key,
		     bool downloads);

#endif
