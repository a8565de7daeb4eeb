/*
 * api_health.c - GET /api/v1/health: is the service up and its database reachable.
 */
#include "web/handlers.h"

int api_health(struct req *r, struct resp *s)
{
	int64_t one = 0;
	int ok = db_query_int(r->db, "SELECT 1", 0, NULL, &one, NULL) == 0 && one == 1;
	resp_json(s, ok ? 200 : 503,
		  json_pack("{s:s,s:s,s:s}", "status", ok ? "ok" : "unavailable", "version", "0.1.0",
			    "database", db_dialect(r->db) == DB_PG ? "postgresql" : "sqlite"));
	return 0;
}
