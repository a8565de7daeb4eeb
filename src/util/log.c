/*
 * log.c - structured log lines as JSON on standard error (see log.h).
 */
#include "util/log.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static atomic_int quiet_info;

void log_set_quiet(int quiet)
{
	atomic_store(&quiet_info, quiet);
}

void log_event(const char *level, const char *event, json_t *fields)
{
	if (atomic_load(&quiet_info) && strcmp(level, "info") == 0) {
		json_decref(fields);
		return;
	}
	json_t *o = json_object();
	char ts[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_object_set_new(o, "ts", json_string(ts));
	json_object_set_new(o, "level", json_string(level));
	json_object_set_new(o, "event", json_string(event));
	if (fields)
		json_object_update(o, fields);
	json_decref(fields);
	char *line = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (!line)
		return;
	size_t n = strlen(line);
	char *out = malloc(n + 2);
	if (out) {
		memcpy(out, line, n);
		out[n] = '\n';
		ssize_t w = write(STDERR_FILENO, out, n + 1);
		(void)w;
		free(out);
	}
	free(line);
}
