/*
 * store/secondment.h - secondments, their three-party agreement, the VAT
 * confirmations and the registered hours in the database.
 *
 * Every change runs in one transaction together with its audit-log entry
 * (actions secondment.create, secondment.sign, secondment.consent,
 * secondment.vat, secondment.hours, secondment.hours_correct), and writes
 * nothing on failure. Bad input is refused with SAMEN_EINVAL naming the
 * field and the reason; the rules themselves live in core/secondment.h.
 *
 * Hours are never edited: a correction is a new entry naming the entry it
 * corrects, carrying the new value and the difference. Entries of a month
 * whose settlement period is closed cannot be added; a correction of such
 * an entry is booked in the first open month after it (store/ledger.h).
 *
 * All functions take a borrowed connection. Rows returned in arrays are
 * owned by the caller (free()).
 */
#ifndef SAMEN_STORE_SECONDMENT_H
#define SAMEN_STORE_SECONDMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/secondment.h"
#include "store/db.h"

/* A secondment with the names a screen or a statement shows. */
struct secondment_row {
	struct secondment s;
	char lender_name[160], borrower_name[160], school_name[128];
	char lender_number[16], borrower_number[16];
	char first_name[64], last_name[96];
	bool borrower_is_swv;
	char created_at[21], created_by[128];
};

/* Which secondments to list; 0 means "any". board_id matches lender or borrower. */
struct secondment_filter {
	int64_t region_id, board_id, school_id, person_id;
};

/* Who is acting: written to the audit log and into the "by" of marks. */
struct secondment_actor {
	int64_t user_id;   /* 0 for the command line */
	const char *name;  /* "Name <email>" or "cli" */
};

/*
 * Create a secondment from s (by hand, or from an accepted offer when
 * s->offer_id is set). Checks core rules (secondment_validate), then: both
 * boards exist (SAMEN_EINVAL "unknown board"), lie in one region, the
 * school belongs to the borrower (required unless the borrower is a
 * samenwerkingsverband), the person is employed by the lender and not by
 * the borrower (a secondment to one's own board is refused). On success
 * s->id and s->region_id are set. Signatures, consent and VAT marks in s
 * are ignored: a new secondment starts unsigned.
 */
int store_secondment_add(struct db *db, struct secondment *s, const struct secondment_actor *who,
			 struct samen_err *err);

/* Read one secondment; SAMEN_ENOTFOUND when there is none. */
int store_secondment_get(struct db *db, int64_t id, struct secondment_row *out,
			 struct samen_err *err);

/* List secondments matching f, newest start first. *out is owned by the caller (free()). */
int store_secondment_list(struct db *db, const struct secondment_filter *f,
			  struct secondment_row **out, size_t *n, struct samen_err *err);

/*
 * Record that `party` agrees to the agreement (rule 2), by who, now. The
 * employee's agreement inside Samen also records their consent (rule 3)
 * when none was recorded. SAMEN_EEXIST when that party already agreed.
 */
int store_secondment_sign(struct db *db, int64_t id, enum secondment_party party,
			  const struct secondment_actor *who, struct samen_err *err);

/*
 * Record the employee's consent (rule 3) as received, with a note (e.g.
 * "written consent of 2 September 2026 in the personnel file").
 * SAMEN_EEXIST when consent was already recorded.
 */
int store_secondment_consent(struct db *db, int64_t id, const char *note,
			     const struct secondment_actor *who, struct samen_err *err);

/*
 * Confirm (or withdraw the confirmation of) VAT condition `cond` (0 = a
 * ... 3 = d of rule 5). SAMEN_EINVAL for a condition outside 0..3.
 */
int store_secondment_vat_confirm(struct db *db, int64_t id, int cond, bool confirmed,
				 const struct secondment_actor *who, struct samen_err *err);

/* Record the rule-7 and rule-8 facts: lent via a koepel, education-type work at an SWV. */
int store_secondment_vat_facts(struct db *db, int64_t id, bool via_koepel,
			       bool education_type_work, const struct secondment_actor *who,
			       struct samen_err *err);

/* One registered-hours entry. */
struct secondment_hours_row {
	int64_t id, secondment_id;
	long from, to;
	char booked_month[8];
	int64_t value_centihours, value_km;   /* the entry's own figures */
	int64_t delta_centihours, delta_km;   /* what it adds to the total */
	int64_t corrects_id;                  /* 0 unless a correction */
	int64_t corrected_by;                 /* 0 unless a later entry corrects this one */
	char note[256];
	char created_at[21], created_by[128];
};

/*
 * Register hours (secondment_entry_check with the calendar callback fn and
 * its ctx): refused when the month is in a closed period ("period 2026-10
 * is closed"). *entry_id (may be NULL) receives the new entry's id.
 */
int store_secondment_hours_add(struct db *db, int64_t secondment_id,
			       const struct secondment_entry *e, const char *note,
			       secondment_schoolday_fn fn, void *ctx,
			       const struct secondment_actor *who, int64_t *entry_id,
			       struct samen_err *err);

/*
 * Correct entry `entry_id` to new figures (a new entry; the old one stays).
 * Only the latest entry of a chain can be corrected (SAMEN_EEXIST names the
 * entry that already corrects it). The new figures are checked like a new
 * entry, zero hours allowed. When the entry's month is closed, the
 * correction is booked in the first open month after it.
 */
int store_secondment_hours_correct(struct db *db, int64_t entry_id, int64_t centihours,
				   int64_t km, const char *note, secondment_schoolday_fn fn,
				   void *ctx, const struct secondment_actor *who, int64_t *new_id,
				   struct samen_err *err);

/* The entries of a secondment in the order registered. *out owned by the caller (free()). */
int store_secondment_hours_list(struct db *db, int64_t secondment_id,
				struct secondment_hours_row **out, size_t *n, struct samen_err *err);

/* A person the lending board may second: employed by it. */
struct secondment_candidate {
	int64_t person_id;
	char name[192];            /* "Last, First" */
	char employee_number[32];
};

/* The people employed by board_id, by name. *out owned by the caller (free()). */
int store_secondment_candidates(struct db *db, int64_t board_id,
				struct secondment_candidate **out, size_t *n,
				struct samen_err *err);

/* Registered hours and km (sum of deltas) of a secondment with work dates in [from, to]. */
int store_secondment_hours_total(struct db *db, int64_t secondment_id, long from, long to,
				 int64_t *centihours, int64_t *km, struct samen_err *err);

#endif
