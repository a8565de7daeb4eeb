/*
 * secondment_web.h - what the secondment and settlement screens share: who
 * may do what with a secondment, and how money, hours and periods are
 * written and read on a page.
 *
 * Who may see and do what (docs/secondment.md, "Who does what"):
 *   - the lending board's executive and HR (the employer): see it, agree as
 *     lender, record consent, confirm VAT conditions a and d, record the
 *     koepel fact, register and correct hours;
 *   - the borrowing board's executive and HR, and the school leader of the
 *     borrowing school: see it, agree as borrower, confirm VAT conditions
 *     b and c, record education-type work, register and correct hours;
 *   - the seconded person: see it and agree as employee (which records
 *     consent);
 *   - the admin: everything (the route audits the read);
 *   - the regional coordinator sees no person-level secondment data, only
 *     the region's settlement totals.
 * A read by someone outside the person's own board (the borrowing side) is
 * written to the audit log by secondment_web_audit_read.
 */
#ifndef SAMEN_SECONDMENT_WEB_H
#define SAMEN_SECONDMENT_WEB_H

#include <stdbool.h>
#include <stdint.h>

#include "core/ledger.h"
#include "store/secondment.h"
#include "web/http.h"

struct secondment_rights {
	bool view;
	bool lender;    /* acts for the lending board */
	bool borrower;  /* acts for the borrowing board */
	bool employee;  /* is the seconded person */
	bool admin;
};

/* What user u may do with secondment r. */
void secondment_rights_of(const struct user *u, const struct secondment_row *r,
			  struct secondment_rights *out);

/* May u confirm VAT condition cond (0 = a .. 3 = d)? a and d the lender, b and c the borrower. */
bool secondment_may_confirm(const struct secondment_rights *rt, int cond);

/*
 * The party the user agrees as: the one side the user acts for, or for the
 * admin (or a user acting for several) the party named in `wanted`
 * ("lender", "borrower", "employee"). Returns 0 and sets *party, or
 * SAMEN_EPERM / SAMEN_EINVAL with the reason.
 */
int secondment_party_for(const struct secondment_rights *rt, const char *wanted,
			 enum secondment_party *party, struct samen_err *err);

/* The actor for the store: the user's id and "Name <email>" in buf (n bytes). */
struct secondment_actor secondment_actor_of(const struct req *r, char *buf, size_t n);

/* Audit a read of the secondment by someone outside the lending board. */
void secondment_web_audit_read(struct req *r, const struct secondment_row *row,
			       const struct secondment_rights *rt);

/* Write cents as "€ 1.234,56" (Dutch) or "€1,234.56" (English), escaped. */
void secondment_web_money(const struct req *r, struct buf *b, int64_t cents);

/* Write centi-hours as "7,50" / "7.50". */
void secondment_web_hours(const struct req *r, struct buf *b, int64_t centihours);

/*
 * The period of a settlement page from ?periode= (default: last month).
 * Returns 0, or SAMEN_EINVAL with the reason for a malformed period.
 */
int secondment_web_period(struct req *r, struct ledger_period *p, struct samen_err *err);

/* The Dutch/English name of a secondment state and a reminder (translated keys). */
const char *secondment_web_state(const struct req *r, enum secondment_state st);
const char *secondment_web_reminder(const struct req *r, enum secondment_reminder_kind k);

/* Translated VAT reason. */
const char *secondment_web_vat_reason(const struct req *r, enum vat_reason reason);

#endif
