/*
 * users.h - accounts, roles and password checks.
 *
 * Passwords are stored only as Argon2id hashes (libsodium crypto_pwhash_str
 * with the "interactive" limits). Roles and their scope:
 *   admin          the installation; sees everything (reads are audited)
 *   coordinator    a region: aggregates across boards, no person-level data
 *   executive      a board (bestuurder): its own board's people
 *   hr             a board (HR adviser): its own board's people
 *   school_leader  a school: the people who work at that school
 *   staff          one person: themself
 */
#ifndef SAMEN_USERS_H
#define SAMEN_USERS_H

#include <stdint.h>

#include "store/db.h"

enum role {
	ROLE_ADMIN = 1 << 0,
	ROLE_COORDINATOR = 1 << 1,
	ROLE_EXECUTIVE = 1 << 2,
	ROLE_HR = 1 << 3,
	ROLE_SCHOOL_LEADER = 1 << 4,
	ROLE_STAFF = 1 << 5,
};
#define ROLE_ANY (ROLE_ADMIN | ROLE_COORDINATOR | ROLE_EXECUTIVE | ROLE_HR | \
		  ROLE_SCHOOL_LEADER | ROLE_STAFF)

/* Stored name of a role ("admin", "coordinator", ...). */
const char *role_name(enum role r);

/* Parse a stored role name; 0 when unknown. */
enum role role_parse(const char *s);

struct user {
	int64_t id;
	char email[128];
	char name[128];
	enum role role;
	int64_t region_id;  /* coordinator (and everyone: their board's region) */
	int64_t board_id;   /* executive, hr, school_leader (the school's board), staff */
	int64_t school_id;  /* school_leader */
	int64_t person_id;  /* staff (and anyone who is also a person) */
};

struct user_new {
	const char *email;
	const char *name;
	const char *password;  /* at least 10 characters */
	enum role role;
	int64_t region_id, board_id, school_id, person_id; /* 0 = none */
};

/*
 * Create an account. Checks that the role has the scope it needs (a board
 * for executive/hr, a school for school_leader, a person for staff, a
 * region for coordinator) and fills board/region from the school or
 * person. SAMEN_EEXIST for a known e-mail; SAMEN_EINVAL for a weak password
 * or missing scope. Audited with actor.
 */
int users_add(struct db *db, const struct user_new *u, const char *actor, int64_t *id,
	      struct samen_err *err);

/* Set a new password for the account with this e-mail. Audited. */
int users_passwd(struct db *db, const char *email, const char *password,
		 const char *actor, struct samen_err *err);

/*
 * Check e-mail and password. On success fills *out. Wrong e-mail, wrong
 * password and a disabled account all give the same SAMEN_EAUTH, and take
 * about the same time (a dummy hash is verified for unknown e-mails).
 */
int users_authenticate(struct db *db, const char *email, const char *password,
		       struct user *out, struct samen_err *err);

/* Load an account by id; SAMEN_ENOTFOUND if none or disabled. */
int users_get(struct db *db, int64_t id, struct user *out, struct samen_err *err);

#endif
