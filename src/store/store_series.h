/*
 * store_series.h - planned meeting series, their meetings and attendees,
 * personal calendar feeds, and the collaboration's next steps.
 *
 * A series belongs to one region and involves a set of its schools. Each
 * meeting has a UID that never changes and a SEQUENCE that rises by one
 * every time the meeting moves, so subscribed calendars (Outlook, Google)
 * update the event in place. Attendees are names with e-mail addresses;
 * an attendee whose address is an account's is linked to that account, and
 * that user's feed shows the series.
 *
 * A calendar feed is a secret token in a URL (/agenda/TOKEN.ics). Only a
 * hash of the token (BLAKE2b-256, hex) is stored, so the token is shown
 * once, when it is made; a revoked feed answers 404 from then on.
 *
 * Every change is audited. Results are owned by the caller and freed with
 * the matching function.
 */
#ifndef SAMEN_STORE_SERIES_H
#define SAMEN_STORE_SERIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

#define SERIES_MAX_ATTENDEES 200
#define FEED_TOKEN_LEN 43   /* 32 random bytes, base64url without padding */

struct series_attendee {
	char name[128];
	char email[128];
	int64_t user_id;    /* 0 when no account has this address */
};

struct series_meeting {
	int64_t id;
	int seq_no;         /* 1.. in date order at creation */
	long day;
	char uid[96];
	int sequence;
	char updated_at[21];
};

struct series {
	int64_t id, region_id, created_by;
	char title[128], location[128];
	long from, to;
	char weekdays[32];          /* "di,do" */
	int start_min, end_min;
	int min_gap_weeks, max_gap_weeks;
	bool adviesweek;
	char created_at[21];
	char organizer_name[128], organizer_email[128]; /* the account that made it */
	int64_t *school_ids;
	size_t n_schools;
	struct series_meeting *meetings;   /* ordered by day */
	size_t n_meetings;
	struct series_attendee *attendees;
	size_t n_attendees;
};

void store_series_release(struct series *s);

/*
 * Parse attendees, one per line: "Name <e-mail>" or just "e-mail". Blank
 * lines are skipped; a line without a valid address, a repeated address or
 * more than SERIES_MAX_ATTENDEES is SAMEN_EINVAL naming the line (field
 * "attendees"). *out owned by the caller (free()).
 */
int store_series_attendees_parse(const char *text, struct series_attendee **out, size_t *n,
				 struct samen_err *err);

/*
 * Store a new series: s holds the settings, schools and attendees (the
 * meetings and ids are ignored); days[0..n_days-1] are the planned meeting
 * days. Meetings get UIDs "samen-<random>-<n>@samen" and SEQUENCE 0.
 * Attendees are linked to accounts by e-mail. SAMEN_EINVAL for an empty
 * title (field "title") or no meetings. *id receives the id. Audited.
 */
int store_series_create(struct db *db, const struct series *s, const long *days, size_t n_days,
			const char *actor, int64_t user_id, int64_t *id, struct samen_err *err);

/*
 * Load series id with schools, meetings and attendees. With region_id > 0
 * a series of another region is SAMEN_ENOTFOUND, as is an unknown id.
 */
int store_series_get(struct db *db, int64_t region_id, int64_t id, struct series *out,
		     struct samen_err *err);

struct series_summary {
	int64_t id;
	char title[128];
	long from, to;
	long meetings;
	long next_day;      /* first meeting on or after `today`; 0 when none */
};

/* The series of a region, newest first. *out owned by the caller (free()). */
int store_series_list(struct db *db, int64_t region_id, long today, struct series_summary **out,
		      size_t *n, struct samen_err *err);

/*
 * Move meeting meeting_id of series series_id to `day`: same UID, SEQUENCE
 * one higher, updated_at now. SAMEN_ENOTFOUND when the series has no such
 * meeting; SAMEN_EINVAL when another meeting of the series is on that day.
 * Audited.
 */
int store_series_move(struct db *db, int64_t series_id, int64_t meeting_id, long day,
		      const char *actor, int64_t user_id, struct samen_err *err);

/* Ids of the series a user created or attends (by account or e-mail). *ids owned (free()). */
int store_series_of_user(struct db *db, int64_t user_id, int64_t **ids, size_t *n,
			 struct samen_err *err);

struct region_meeting {
	int64_t series_id, meeting_id;
	char title[128];
	long day;
	int start_min, end_min;
};

/* Meetings of every series of a region in [from, to], by day. *out owned (free()). */
int store_series_region_meetings(struct db *db, int64_t region_id, long from, long to,
				 struct region_meeting **out, size_t *n, struct samen_err *err);

/* ---- calendar feeds ------------------------------------------------------------ */

struct feed_info {
	int64_t id;
	char label[128];
	char created_at[21], last_used_at[21], revoked_at[21];
};

/*
 * Make a feed for a user: token receives the secret (FEED_TOKEN_LEN
 * characters and a NUL), which is not stored; *id the feed id. Audited.
 */
int store_feed_create(struct db *db, int64_t user_id, const char *label, const char *actor,
		      char token[FEED_TOKEN_LEN + 1], int64_t *id, struct samen_err *err);

/* The user's feeds, newest first, revoked ones included. *out owned (free()). */
int store_feed_list(struct db *db, int64_t user_id, struct feed_info **out, size_t *n,
		    struct samen_err *err);

/* Revoke one of the user's feeds. SAMEN_ENOTFOUND when the user has no such live feed. Audited. */
int store_feed_revoke(struct db *db, int64_t user_id, int64_t feed_id, const char *actor,
		      struct samen_err *err);

/*
 * The user behind a feed token, for the public feed URL. Unknown, malformed
 * and revoked tokens are all SAMEN_ENOTFOUND. Records last_used_at.
 */
int store_feed_user(struct db *db, const char *token, int64_t *user_id, struct samen_err *err);

/* ---- the collaboration's next steps ---------------------------------------------- */

struct collab_step {
	int64_t id, region_id, series_id;
	char title[200], owner[128], series_title[128];
	long due;           /* 0 when no due date */
	bool done;
	long next_meeting;  /* first meeting of the linked series on or after `today`; 0 none */
};

/* The steps of a region (open first, by due date). *out owned (free()). */
int store_steps_list(struct db *db, int64_t region_id, long today, struct collab_step **out,
		     size_t *n, struct samen_err *err);

/*
 * Add a step. title 1-199 bytes; due 0 for none; series_id 0 for none, else
 * a series of the same region (SAMEN_EINVAL, field "series"). Audited.
 */
int store_step_add(struct db *db, int64_t region_id, const char *title, const char *owner,
		   long due, int64_t series_id, const char *actor, int64_t user_id, int64_t *id,
		   struct samen_err *err);

/* Mark a step of the region done (or open again). SAMEN_ENOTFOUND. Audited. */
int store_step_set_done(struct db *db, int64_t region_id, int64_t step_id, bool done,
			const char *actor, int64_t user_id, struct samen_err *err);

#endif
