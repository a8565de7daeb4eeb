/*
 * people_query.h - the staff list filter as it comes in a query string.
 *
 * Shared by the staff list page, its export and the people API, so the
 * three always accept the same parameters: vak (subject code), leeftijd
 * (<30, 30-44, 45-54, 55-59, 60+), contract (vast, tijdelijk), school (id),
 * sort (naam, leeftijd, fte, contract, begindatum), richting (op, af),
 * pagina (1-based).
 */
#ifndef SAMEN_PEOPLE_QUERY_H
#define SAMEN_PEOPLE_QUERY_H

#include "store/people.h"
#include "web/http.h"

#define PEOPLE_PAGE_SIZE 100

/*
 * Fill f for board_id from the request's query string. Unknown values are
 * SAMEN_EINVAL naming the parameter (an unknown subject, a malformed school
 * id, a school of another board), never silently ignored.
 */
int people_query_parse(struct req *r, int64_t board_id, struct people_filter *f,
		       long *page, struct samen_err *err);

#endif
