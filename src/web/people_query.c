/*
 * people_query.c - staff list filters from the query string (see people_query.h).
 */
#include "web/people_query.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool empty(const char *s)
{
	return !s || !*s;
}

int people_query_parse(struct req *r, int64_t board_id, struct people_filter *f, long *page,
		       struct samen_err *err)
{
	memset(f, 0, sizeof *f);
	f->board_id = board_id;
	f->today = date_today();
	const char *v = r->query(r, "vak");
	if (!empty(v)) {
		int64_t known = 0;
		const char *p[] = {v};
		if (strlen(v) >= sizeof f->subject ||
		    db_query_int(r->db, "SELECT COUNT(*) FROM subject WHERE code = $1", 1, p, &known,
				 err) != 0 || !known)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "vak", "unknown subject code");
		snprintf(f->subject, sizeof f->subject, "%s", v);
	}
	v = r->query(r, "leeftijd");
	if (!empty(v)) {
		f->age = people_age_band_parse(v);
		if (f->age == AGE_ANY)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "leeftijd",
					     "age band must be <30, 30-44, 45-54, 55-59 or 60+");
	}
	v = r->query(r, "contract");
	if (!empty(v)) {
		if (strcmp(v, "vast") != 0 && strcmp(v, "tijdelijk") != 0)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "contract",
					     "contract must be vast or tijdelijk");
		snprintf(f->contract, sizeof f->contract, "%s", v);
	}
	v = r->query(r, "school");
	if (!empty(v)) {
		char *end;
		long long id = strtoll(v, &end, 10);
		char idtxt[24], boardtxt[24];
		int64_t ok = 0;
		snprintf(idtxt, sizeof idtxt, "%lld", id);
		snprintf(boardtxt, sizeof boardtxt, "%lld", (long long)board_id);
		const char *p[] = {idtxt, boardtxt};
		if (*end || id <= 0 ||
		    db_query_int(r->db, "SELECT COUNT(*) FROM school WHERE id = CAST($1 AS INTEGER)"
					" AND board_id = CAST($2 AS INTEGER)", 2, p, &ok, err) != 0 ||
		    !ok)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "school",
					     "not a school of this board");
		f->school_id = id;
	}
	v = r->query(r, "sort");
	if (!empty(v)) {
		f->sort = people_sort_parse(v);
		if (strcmp(people_sort_name(f->sort), v) != 0)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "sort",
					     "sort must be naam, leeftijd, fte, contract or begindatum");
	}
	v = r->query(r, "richting");
	if (!empty(v)) {
		if (strcmp(v, "af") != 0 && strcmp(v, "op") != 0)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "richting", "richting must be op or af");
		f->descending = strcmp(v, "af") == 0;
	}
	*page = 1;
	v = r->query(r, "pagina");
	if (!empty(v)) {
		char *end;
		long p = strtol(v, &end, 10);
		if (*end || p < 1 || p > 100000)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "pagina", "page must be a positive number");
		*page = p;
	}
	return 0;
}
