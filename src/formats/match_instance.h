/*
 * formats/match_instance.h - the matching instance file of `samen match
 * --instance` (issue 4): help requests, pool staff, candidate pairs and
 * travel times between schools as one JSON document, so the optimiser runs
 * without a database. docs/formats/match-instance.md is the format's
 * reference; this module reads and validates a file into plain structs.
 *
 * Validation is complete before anything is returned: every reference
 * resolves, every id is unique, every number is in range. A failure names
 * the field path ("requests[3].lessons[0].start") in err->field and the
 * reason in err->msg; a JSON syntax error names the line in err->line and
 * the column in the message. Nothing here solves (core/match_instance_solve.h).
 *
 * Units after parsing: hours are quarter hours (the file's hours, which must
 * be multiples of 0.25, times 4), lesson times minutes since midnight,
 * travel minutes.
 *
 * Ownership: struct match_instance owns its arrays (match_instance_release).
 */
#ifndef SAMEN_FORMATS_MATCH_INSTANCE_H
#define SAMEN_FORMATS_MATCH_INSTANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define MATCH_INSTANCE_VERSION 1
#define MATCH_INSTANCE_FILE_MAX ((size_t)256 << 20) /* bytes of one instance file */
#define MATCH_INSTANCE_ITEMS_MAX 10000000           /* elements of one array, and lessons in all */
#define MATCH_INSTANCE_QUARTERS_MAX 1000 /* 250 hours per week: the hours optimiser's range */
#define MATCH_INSTANCE_TRAVEL_MAX 1440   /* travel minutes (LESSONS_ and ASSIGN_TRAVEL_MAX) */
#define MATCH_INSTANCE_PRIORITY_MAX 9

struct match_instance_settings {
	int32_t fair_band_quarters; /* hours part: fairness band in quarter hours, default 4 */
	int32_t fair_bands;         /* both parts: number of bands, 1..16, default 4 */
	int32_t fair_band_minutes;  /* lesson part: fairness band in minutes, default 200 */
	int32_t time_limit_ms;      /* lesson part: 0 = no limit; default 60000 */
};

struct match_instance_travel {
	int32_t from, to; /* school ids */
	int32_t minutes;  /* 0..MATCH_INSTANCE_TRAVEL_MAX */
	size_t pos;       /* index in the file's "travel" array */
};

struct match_instance_lesson {
	int64_t id;
	int32_t request;    /* request index */
	int32_t day;        /* 1 = Monday .. 7 = Sunday */
	int32_t start, end; /* minutes since midnight, 0 <= start < end <= 1440 */
};

struct match_instance_request {
	int64_t id;
	int32_t board, school, priority;
	bool has_lessons;    /* a request of concrete lessons (else hours per week) */
	int32_t quarters;    /* hours per week in quarter hours (0 for lesson requests) */
	size_t first_lesson; /* its lessons: lessons[first_lesson .. + nlessons) */
	size_t nlessons;
};

struct match_instance_staff {
	int64_t id;
	int32_t board, school;
	int32_t quarters; /* spare hours per week in quarter hours */
};

struct match_instance_candidate {
	int32_t request, staff; /* indexes */
	int32_t travel;         /* minutes, 0..MATCH_INSTANCE_TRAVEL_MAX */
	bool allowed;           /* false: declined or no consent, never assigned */
	bool all_lessons;       /* "lessons" absent: every lesson of the request fits */
	size_t first, n;        /* else lesson indexes in cand_lessons[first .. + n) */
};

struct match_instance {
	struct match_instance_settings settings;
	struct match_instance_travel *travel; /* sorted by (from, to) */
	size_t ntravel;
	struct match_instance_request *requests; /* in file order */
	size_t nrequests;
	struct match_instance_lesson *lessons; /* grouped by request, in file order */
	size_t nlessons;
	struct match_instance_staff *staff; /* in file order */
	size_t nstaff;
	struct match_instance_candidate *candidates; /* in file order */
	size_t ncandidates;
	int32_t *cand_lessons; /* lesson indexes of the candidates with a "lessons" list */
	size_t ncand_lessons;
};

/*
 * Parse and validate the instance document text[0 .. len) into *out
 * (release with match_instance_release; on failure *out is empty). Errors:
 * SAMEN_EINVAL (syntax: err->line set and the column in the message; else
 * err->field holds the field path), SAMEN_ETOOBIG (len or a count beyond
 * the caps), SAMEN_ENOMEM.
 */
int match_instance_parse(const char *text, size_t len, struct match_instance *out,
			 struct samen_err *err);

/*
 * Read the file at path (at most MATCH_INSTANCE_FILE_MAX bytes) and parse
 * it as match_instance_parse does. Errors: SAMEN_EIO (cannot read), and
 * those of match_instance_parse.
 */
int match_instance_load(const char *path, struct match_instance *out, struct samen_err *err);

/* Free the arrays of in and empty it. NULL is a no-op. */
void match_instance_release(struct match_instance *in);

/*
 * Travel minutes between two schools under the format's rule: 0 for the
 * same school, else the pair (from, to), else the reverse pair (to, from),
 * else MATCH_INSTANCE_TRAVEL_MAX (unreachable on the same day). O(log n).
 */
int32_t match_instance_travel_between(const struct match_instance *in, int32_t from, int32_t to);

#endif
