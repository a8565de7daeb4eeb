/* db_pg.c - PostgreSQL driver: being written (replaced before commit). */
#include "store/db.h"
static int pg_open(const char *target, struct db **out, struct samen_err *err)
{
	(void)target; (void)out;
	return samen_fail(err, SAMEN_EDB, "PostgreSQL driver not built yet");
}
const struct db_ops db_pg_ops = {.open = pg_open};
