/*
 * match_split.h - splitting lessons off a help request into a new one
 * (story 1: the Thursday lessons nobody qualified can take go into their own
 * request, which may accept under-qualified help and is marked as such).
 */
#ifndef SAMEN_MATCH_SPLIT_H
#define SAMEN_MATCH_SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/match.h"

/*
 * Move lessons lesson_ids[0..n) of open request `id` into a new request
 * with the same subject, school type, years, dates and urgency, parent_id =
 * id, and accept_under as given; the hours of both follow their lessons
 * (rule 14). All or nothing, audited. Refused (SAMEN_EINVAL, naming the
 * lesson) when the request is not open or not lesson-based, a lesson does
 * not belong to it or is in a live offer (proposed, accepted or approved),
 * or no lesson would stay behind. *new_id receives the new request's id.
 */
int match_request_split(struct db *db, int64_t id, const int64_t *lesson_ids, size_t n,
			bool accept_under, const struct match_actor *who, int64_t *new_id,
			struct samen_err *err);

#endif
