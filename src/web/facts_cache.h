/*
 * facts_cache.h - the fact bases the web pages and the API show, built
 * once per region and data version and shared by the worker threads.
 *
 * Building a region's fact base (load, indicators, rule 33, ten-year
 * forecasts of every subject with 1,000 runs) takes tens of milliseconds;
 * the dashboard is read far more often than the data changes. An entry is
 * keyed by region and facts_version_key() (which changes with every staff
 * import and every fact-base write) and today's date, and is rebuilt when
 * the key differs. Entries are immutable and reference-counted: a reader
 * keeps its entry valid until facts_cache_put, even if another thread
 * replaces it meanwhile. Only the default scenario is cached; other
 * scenarios are built per request by the caller (factbase_build).
 */
#ifndef SAMEN_FACTS_CACHE_H
#define SAMEN_FACTS_CACHE_H

#include "core/factbase.h"

/*
 * Get the (default-scenario) fact base of region_id, building it when
 * missing or stale. On success *fb is borrowed until facts_cache_put(*fb).
 * Errors: those of factbase_build.
 */
int facts_cache_get(struct db *db, int64_t region_id, const struct factbase **fb,
		    struct samen_err *err);

/* Release a fact base obtained from facts_cache_get. */
void facts_cache_put(const struct factbase *fb);

#endif
