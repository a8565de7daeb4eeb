/*
 * store/match_offer.h - offers of help (issue 4, story 2): a proposal of
 * part of a request to one person, their answer, and the approval by
 * their own board, which creates the secondment (store/secondment.h).
 *
 * States: proposed -> accepted | declined | expired | withdrawn;
 * accepted -> approved (secondment created) | refused. An offer is
 * reserved for one person with a deadline (the region's offer_days after
 * it is proposed): nobody else is offered the same hours or lessons while
 * it is open, so it is not a race. Only the person offered can answer,
 * before the deadline; only the employing board (the lender) decides.
 * A declined person is never proposed for that request again.
 *
 * Every step writes its audit entry (match.offer, match.offer_answer,
 * match.offer_decide, match.offer_expire) and in-app notifications
 * (store/notify.h) for the parties, in one transaction; nothing is
 * written on failure. Connections are borrowed; arrays are owned by the
 * caller (free()).
 */
#ifndef SAMEN_STORE_MATCH_OFFER_H
#define SAMEN_STORE_MATCH_OFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "store/match.h"

struct match_offer {
	int64_t id, request_id, person_id;
	int64_t lender_board_id, borrower_board_id, school_id;
	int64_t hours_per_week; /* centi-hours */
	int travel;             /* minutes from the person's main school */
	char status[12];        /* proposed, accepted, declined, approved, refused, expired, withdrawn */
	char source[12];        /* manual or optimiser */
	long deadline;          /* last day to answer */
	char reason[256];       /* of a decline, refusal or withdrawal */
	char proposed_at[21], proposed_by[128], answered_at[21], decided_at[21], decided_by[128];
	int64_t secondment_id;  /* set when approved */
	char subject[8], school_type[12], school_name[128];
	int year_from, year_to;
	size_t nlessons;
	int64_t lesson_ids[MATCH_MAX_LESSONS];
};

/*
 * Propose part of open request request_id to person_id on `today`. The
 * person must be a fitting candidate (match_candidates): otherwise
 * SAMEN_EINVAL naming the first failing check with its reason. With
 * lessons, lesson_ids (n > 0) chooses them, or n == 0 takes every lesson
 * that fits the person and is not in another open offer; hours are the
 * lessons x lesson length. Without lessons, hours (centi; 0: as much as
 * fits) is capped by the person's spare hours and what is not yet offered.
 * SAMEN_EEXIST when the person already has a live offer for the request or
 * nothing is left to offer. source is "manual" or "optimiser". *id gets
 * the new offer's id.
 */
int match_offer_propose(struct db *db, int64_t request_id, int64_t person_id, int64_t hours,
			const int64_t *lesson_ids, size_t n, long today, const char *source,
			const struct match_actor *who, int64_t *id, struct samen_err *err);

/* Read one offer; SAMEN_ENOTFOUND when there is none. */
int match_offer_get(struct db *db, int64_t id, struct match_offer *out, struct samen_err *err);

/*
 * The person acting_person answers offer id on `today`: accept, or
 * decline with a reason (required). SAMEN_EPERM when acting_person is not
 * the person offered; SAMEN_EINVAL when the offer is not open ("offer 4 is
 * declined") or its deadline has passed ("the deadline was 2026-11-27"):
 * the offer is then marked expired.
 */
int match_offer_answer(struct db *db, int64_t id, int64_t acting_person, bool accept,
		       const char *reason, long today, const struct match_actor *who,
		       struct samen_err *err);

/*
 * The employing board acting_board approves an accepted offer, which
 * creates the secondment (lender = employer, borrower = the requesting
 * school's board; *secondment_id, may be NULL), or refuses it with a
 * reason. SAMEN_EPERM for another board; SAMEN_EINVAL when the offer is
 * not accepted. A request whose hours are all approved becomes filled.
 */
int match_offer_decide(struct db *db, int64_t id, int64_t acting_board, bool approve,
		       const char *reason, long today, const struct match_actor *who,
		       int64_t *secondment_id, struct samen_err *err);

/* Which offers to list; 0 / NULL means any. board_id matches lender or borrower. */
struct match_offer_filter {
	int64_t person_id, board_id, request_id;
	const char *status;
};

/* Offers matching f, newest first (lesson ids not filled). *out owned by the caller. */
int match_offer_list(struct db *db, const struct match_offer_filter *f,
		     struct match_offer **out, size_t *n, struct samen_err *err);

/* Mark proposed offers whose deadline is before today expired; *count (may be NULL). */
int match_offer_expire(struct db *db, long today, const struct match_actor *who, size_t *count,
		       struct samen_err *err);

#endif
