/*
 * secondment_web.c - rights, formats and periods shared by the secondment
 * and settlement screens (see secondment_web.h).
 */
#include "web/secondment_web.h"
#include "store/audit.h"
#include "util/date.h"
#include "web/html.h"
#include "web/i18n.h"

#include <stdio.h>
#include <string.h>

void secondment_rights_of(const struct user *u, const struct secondment_row *r,
			  struct secondment_rights *out)
{
	memset(out, 0, sizeof *out);
	const struct secondment *s = &r->s;
	if (u->role == ROLE_ADMIN) {
		out->admin = out->view = true;
		return;
	}
	bool board_role = u->role == ROLE_EXECUTIVE || u->role == ROLE_HR;
	out->lender = board_role && u->board_id == s->lender_board_id;
	out->borrower = (board_role && u->board_id == s->borrower_board_id) ||
			(u->role == ROLE_SCHOOL_LEADER && s->borrower_school_id &&
			 u->school_id == s->borrower_school_id);
	out->employee = u->person_id && u->person_id == s->person_id;
	out->view = out->lender || out->borrower || out->employee;
}

bool secondment_may_confirm(const struct secondment_rights *rt, int cond)
{
	if (rt->admin)
		return true;
	return (cond == 0 || cond == 3) ? rt->lender : (cond == 1 || cond == 2) ? rt->borrower : false;
}

int secondment_party_for(const struct secondment_rights *rt, const char *wanted,
			 enum secondment_party *party, struct samen_err *err)
{
	static const char *const names[3] = {"lender", "borrower", "employee"};
	bool may[3] = {rt->admin || rt->lender, rt->admin || rt->borrower, rt->admin || rt->employee};
	if (wanted && *wanted) {
		for (int p = 0; p < 3; p++)
			if (strcmp(wanted, names[p]) == 0) {
				if (!may[p])
					return samen_fail_at(err, SAMEN_EPERM, 0, "party",
							     "you cannot agree on behalf of the %s", names[p]);
				*party = (enum secondment_party)p;
				return 0;
			}
		return samen_fail_at(err, SAMEN_EINVAL, 0, "party",
				     "party must be lender, borrower or employee");
	}
	int n = 0, which = -1;
	for (int p = 0; p < 3; p++)
		if (may[p]) {
			n++;
			which = p;
		}
	if (n == 0)
		return samen_fail_at(err, SAMEN_EPERM, 0, "party",
				     "you are not a party to this secondment");
	if (n > 1)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "party",
				     "say which party you agree for: lender, borrower or employee");
	*party = (enum secondment_party)which;
	return 0;
}

struct secondment_actor secondment_actor_of(const struct req *r, char *buf, size_t n)
{
	snprintf(buf, n, "%s <%s>", r->user.name, r->user.email);
	return (struct secondment_actor){r->user.id, buf};
}

void secondment_web_audit_read(struct req *r, const struct secondment_row *row,
			       const struct secondment_rights *rt)
{
	/* The admin's reads are audited by the router; the lender and the person are inside. */
	if (rt->admin || rt->lender || rt->employee)
		return;
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)row->s.id);
	audit_add(r->db, r->user.id, r->user.email, "read", "secondment", id, r->user.board_id,
		  "seconded person's data read by the borrowing side", NULL);
}

void secondment_web_money(const struct req *r, struct buf *b, int64_t cents)
{
	char num[32];
	html_number(r, (double)(cents < 0 ? -cents : cents) / 100.0, 2, num);
	/* Dutch "€ -1.234,56" (a no-break space after the sign), English "-€1,234.56". */
	if (r->lang == LANG_EN)
		buf_printf(b, "%s€%s", cents < 0 ? "-" : "", num);
	else
		buf_printf(b, "€\xc2\xa0%s%s", cents < 0 ? "-" : "", num);
}

void secondment_web_hours(const struct req *r, struct buf *b, int64_t centihours)
{
	char num[32];
	html_number(r, (double)centihours / 100.0, 2, num);
	buf_puts(b, num);
}

int secondment_web_period(struct req *r, struct ledger_period *p, struct samen_err *err)
{
	const char *q = r->query(r, "periode");
	if (q && *q)
		return ledger_period_parse(q, p, err);
	char key[8];
	long first, last;
	ledger_month_key(date_today(), key);
	ledger_month_range(key, &first, &last);
	ledger_month_key(first - 1, key);
	return ledger_period_parse(key, p, err);
}

const char *secondment_web_state(const struct req *r, enum secondment_state st)
{
	static _Thread_local char key[48]; /* tr() returns the key itself when unknown */
	snprintf(key, sizeof key, "secondment.state.%s", secondment_state_name(st));
	return tr(r, key);
}

const char *secondment_web_reminder(const struct req *r, enum secondment_reminder_kind k)
{
	static _Thread_local char key[48]; /* tr() returns the key itself when unknown */
	snprintf(key, sizeof key, "secondment.remind.%s", secondment_reminder_name(k));
	return tr(r, key);
}

const char *secondment_web_vat_reason(const struct req *r, enum vat_reason reason)
{
	static _Thread_local char key[48]; /* tr() returns the key itself when unknown */
	snprintf(key, sizeof key, "secondment.vat.reason.%s", vat_reason_name(reason));
	return tr(r, key);
}
