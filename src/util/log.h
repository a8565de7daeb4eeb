/*
 * log.h - structured log lines.
 *
 * Each call writes one JSON object per line to standard error:
 * {"ts":"2026-11-24T21:00:00Z","level":"info","event":"request",...}.
 * Extra fields are given as a jansson object, which log_event takes over
 * (steals). Thread-safe: each line is written with a single write().
 */
#ifndef SAMEN_LOG_H
#define SAMEN_LOG_H

#include <jansson.h>

/* Write one log line; level is "info", "warn" or "error"; fields may be NULL. */
void log_event(const char *level, const char *event, json_t *fields);

/* Silence (quiet != 0) or restore info-level lines, e.g. for benchmarks. */
void log_set_quiet(int quiet);

#endif
