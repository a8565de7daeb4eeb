/*
 * embedded.h - files compiled into the binary by tools/embed.c.
 *
 * Each table ends with an entry whose name is NULL. Data is NUL-terminated
 * (not counted in len), so text files can be used as C strings.
 */
#ifndef SAMEN_EMBEDDED_H
#define SAMEN_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;
	const unsigned char *data;
	size_t len;
};

/* SQL migrations, named "sqlite/0001_x.sql" and "pg/0001_x.sql". */
extern const struct embedded_file embedded_sql[];

/* Reference data, named as under data/ ("schoolvakanties.csv", ...). */
extern const struct embedded_file embedded_data[];

/* Web assets, named as under www/ ("css/samen.css", ...). */
extern const struct embedded_file embedded_www[];

/* Find a file by exact name in a table; NULL when absent. */
const struct embedded_file *embedded_find(const struct embedded_file *table,
					  const char *name);

#endif
