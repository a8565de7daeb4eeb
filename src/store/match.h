/*
 * store/match.h - help requests, the regional pool, timetables and fit
 * with reasons in the database (issue 4, docs/match.md).
 *
 * A school posts a help request (Hulpvraag) for a subject, school type and
 * years, either in hours per week or as concrete lessons (weekday and
 * period; times from the school's bell schedule). Staff opt in to the
 * regional pool themselves, or their board puts them forward (boventallig,
 * contract ending), always with their recorded consent, which they can
 * withdraw at once (rule 31). match_candidates() checks every pool member
 * of the region against a request and says per check whether it passed
 * and why (core/match_fit.h); other boards see a member's name only when
 * the member chose to share it.
 *
 * Every change runs in one transaction with its audit entry (actions
 * match.request, match.request_cancel, match.pool_join, match.pool_withdraw,
 * match.lesson, match.setting) and writes nothing on failure. Bad input is
 * SAMEN_EINVAL naming the field. Connections are borrowed; arrays returned
 * are owned by the caller (free()).
 */
#ifndef SAMEN_STORE_MATCH_H
#define SAMEN_STORE_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/match_fit.h"
#include "store/db.h"

#define MATCH_MAX_LESSONS 40
#define MATCH_MAX_SCHOOLS 8

/* Who is acting: audit log and the "by" columns. */
struct match_actor {
	int64_t user_id;   /* 0 for the command line */
	const char *name;  /* "Name <email>" or "cli" */
};

/* One requested lesson; start/end are filled from the bell schedule. */
struct match_request_lesson {
	int64_t id;
	int weekday, period; /* 1 (Monday)..5, 1..16 */
	int start, end;      /* minutes after midnight */
	char class_name[32];
};

struct match_request {
	int64_t id, school_id, board_id, region_id, parent_id;
	char subject[8];       /* subject code, e.g. "sk" */
	char school_type[12];  /* "havo", "vwo", "vmbo-tl", ... */
	int year_from, year_to;
	int64_t hours_per_week; /* centi-hours; for lessons: lessons x lesson length (rule 14) */
	long start, end;        /* day numbers */
	int urgency;            /* 1 (normal) .. 9 (most urgent) */
	char expertise[32];     /* tag asked for, e.g. "nt2"; "" none */
	bool accept_under;      /* benoembaar / onderbevoegd may be offered (shown as such) */
	char notes[512];
	char status[12];        /* open, filled, cancelled */
	char school_name[128];
	size_t nlessons;
	struct match_request_lesson lessons[MATCH_MAX_LESSONS];
};

/*
 * Post a request. r->school_id, subject, school_type, years, dates,
 * urgency and either hours_per_week > 0 or lessons are required; board and
 * region come from the school, lesson times from its bell schedule
 * (SAMEN_EINVAL "no bell time for period 7" when missing). With lessons,
 * hours_per_week is computed. On success r->id (and lesson ids) are set.
 */
int match_request_add(struct db *db, struct match_request *r, const struct match_actor *who,
		      struct samen_err *err);

/* Read one request with its lessons; SAMEN_ENOTFOUND when there is none. */
int match_request_get(struct db *db, int64_t id, struct match_request *out,
		      struct samen_err *err);

/* Which requests to list; 0 / "" means any. */
struct match_request_filter {
	int64_t region_id, board_id, school_id;
	const char *status;
};

/* Requests matching f, most urgent and oldest first (without lessons: nlessons is the count). */
int match_request_list(struct db *db, const struct match_request_filter *f,
		       struct match_request **out, size_t *n, struct samen_err *err);

/* Cancel an open request. SAMEN_EINVAL when it is not open. */
int match_request_cancel(struct db *db, int64_t id, const struct match_actor *who,
			 struct samen_err *err);

/* A pool member's opt-in. */
struct match_pool_entry {
	int64_t id, person_id, board_id;
	char kind[16];          /* self, boventallig, contract_end */
	int64_t extra_hours;    /* centi-hours per week offered */
	unsigned weekdays;      /* bit 0 Monday .. bit 4 Friday */
	int max_travel;         /* minutes, one way */
	bool share_name;        /* other boards may see the name (rule 31) */
	char expertise[128];    /* tags: "nt2,isk"; never a qualification (rule 27) */
	char note[256];
	char consent_at[21], consent_by[128], withdrawn_at[21];
	size_t nprefer, navoid;
	int64_t prefer[MATCH_MAX_SCHOOLS], avoid[MATCH_MAX_SCHOOLS];
};

/*
 * Opt in (or change the opt-in): e->person_id must be employed by
 * e->board_id. consent must be true (the person's recorded consent; for
 * kind boventallig/contract_end the board records it) or SAMEN_EINVAL
 * "consent" is returned. Records consent now by who; clears a withdrawal.
 */
int match_pool_join(struct db *db, struct match_pool_entry *e, bool consent,
		    const struct match_actor *who, struct samen_err *err);

/*
 * Withdraw at once: the member is no longer a candidate and open proposals
 * to them are withdrawn. SAMEN_ENOTFOUND when not in the pool.
 */
int match_pool_withdraw(struct db *db, int64_t person_id, const struct match_actor *who,
			struct samen_err *err);

/* Read a person's pool entry (also when withdrawn); SAMEN_ENOTFOUND when none. */
int match_pool_get(struct db *db, int64_t person_id, struct match_pool_entry *out,
		   struct samen_err *err);

/* A lesson of a teacher's own timetable (formats/timetable.h fills these). */
struct match_lesson_row {
	int64_t person_id, school_id;
	int weekday, period, start, end;
	char class_name[32], subject[8], source[32];
};

/* Store one lesson (checked: weekday 1-5, end after start). */
int match_lesson_add(struct db *db, const struct match_lesson_row *l, struct samen_err *err);

/* Remove a person's lessons from source (all sources when source is NULL). */
int match_lessons_clear(struct db *db, int64_t person_id, const char *source,
			struct samen_err *err);

/* Set the bell time of a period of a school (replaces it). */
int match_bell_set(struct db *db, int64_t school_id, int period, int start, int end,
		   struct samen_err *err);

/* Set a school's lesson length (rule 14) and teaching cap per fte-year (rule 12). */
int match_school_setting_set(struct db *db, int64_t school_id, int lesson_minutes,
			     double teaching_cap, struct samen_err *err);

/* Set a region's speed (km/h), weeks per year and offer deadline in days. */
int match_region_setting_set(struct db *db, int64_t region_id, double speed_kmh,
			     int weeks_per_year, int offer_days, struct samen_err *err);

/* Import one travel time (minutes) from one school to another; it overrides the estimate. */
int match_travel_set(struct db *db, int64_t from_school, int64_t to_school, int minutes,
		     struct samen_err *err);

/*
 * Travel times between the schools of a region: an imported travel time
 * when there is one, else the haversine distance at the region's speed
 * (the estimate the candidate checks use). Owned by the caller
 * (match_travel_close). Errors: SAMEN_ENOMEM, SAMEN_EDB.
 */
struct match_travel;
int match_travel_open(struct db *db, int64_t region_id, struct match_travel **out,
		      struct samen_err *err);

/* Minutes from school `from` to school `to` (0 when equal), -1 when unknown. */
int match_travel_between(const struct match_travel *t, int64_t from, int64_t to);

/* Free t. NULL is a no-op. */
void match_travel_close(struct match_travel *t);

/* The checks of a candidate, in the order shown. */
enum match_check {
	MCHK_QUAL = 0,   /* qualification for type and years (rules 18-22) */
	MCHK_EXPERTISE,  /* the requested tag (rule 27) */
	MCHK_HOURS,      /* spare hours (rules 11, 12, 15) */
	MCHK_LESSONS,    /* every lesson free with travel time, or the days for hours */
	MCHK_TRAVEL,     /* within the person's maximum travel time */
	MCHK_SCHOOL,     /* not a school the person avoids */
	MCHK_CONSENT,    /* in the pool, not declined this request */
	MCHK_COUNT
};

/* Stable name of a check ("qualification", "expertise", ...). */
const char *match_check_name(enum match_check c);

struct match_candidate {
	int64_t person_id, pool_id, board_id;
	char name[192];       /* "Last, First" when visible to the viewer, else "" */
	char alias[24];       /* "Kandidaat 12" (the pool id) */
	char board_name[160];
	char level[24];       /* qualification level name, "" when none */
	enum qual_fit qual;
	int travel;           /* minutes from their main school, -1 unknown */
	int64_t spare, teaching, cap; /* centi-hours per week */
	int contract_year;
	size_t lessons_ok;
	bool preferred;       /* the request's school is one they prefer */
	bool fits;            /* every check passed */
	bool pass[MCHK_COUNT];
	char reason[MCHK_COUNT][160];
	enum match_lesson_fail lesson[MATCH_MAX_LESSONS];
};

/*
 * Check every active pool member of the request's region who holds any
 * qualification in its subject, on `today`. viewer_board (0: sees all
 * names, e.g. admin) sees names of its own staff and of members who share
 * their name. Fitting candidates come first (bevoegd before the others),
 * then by travel. *out owned by the caller.
 */
int match_candidates(struct db *db, int64_t request_id, int64_t viewer_board, long today,
		     struct match_candidate **out, size_t *n, struct samen_err *err);

/* What a requesting school leader may see without names (story 1). */
struct match_reach {
	size_t qualified;  /* bevoegd pool members in the region */
	size_t fitting;    /* of which every check passes */
	size_t lesson_fit[MATCH_MAX_LESSONS]; /* per requested lesson: bevoegd members it fits */
};

/* Count the reach of a request (no names). */
int match_request_reach(struct db *db, int64_t request_id, long today, struct match_reach *out,
			struct samen_err *err);

#endif
