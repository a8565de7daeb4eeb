/*
 * match_effect.c - what an offer means for the teacher (see match_effect.h).
 *
 * Hours per year of the offer = hours per week x the weeks over which the
 * normjaartaak is spread (the setting secondment.weeks_per_year, 40 by
 * default; docs/secondment.md); FTE = hours per year / 1659 (rule 11). The
 * salary is the full-time gross monthly amount of the person's scale and
 * step in the salary table in force today, times the FTE.
 */
#include "web/match_effect.h"
#include "core/staff.h"
#include "store/ledger.h"
#include "store/match.h"
#include "store/people.h"
#include "util/date.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/secondment_web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const weekday_keys[] = {"", "effect.mon", "effect.tue", "effect.wed",
					   "effect.thu", "effect.fri"};

static void write_lessons(struct req *r, struct buf *b, const struct match_offer *o)
{
	if (o->nlessons == 0)
		return;
	struct match_request req;
	if (match_request_get(r->db, o->request_id, &req, NULL) != 0)
		return;
	buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p><ul class=\"utrecht-unordered-list\">",
		   tr(r, "effect.lessons"));
	for (size_t i = 0; i < req.nlessons; i++) {
		bool mine = false;
		for (size_t k = 0; k < o->nlessons; k++)
			mine |= o->lesson_ids[k] == req.lessons[i].id;
		if (!mine)
			continue;
		const struct match_request_lesson *l = &req.lessons[i];
		buf_printf(b, "<li class=\"utrecht-unordered-list__item\">%s, %s %d, %02d:%02d–%02d:%02d",
			   tr(r, weekday_keys[l->weekday >= 1 && l->weekday <= 5 ? l->weekday : 0]),
			   tr(r, "effect.period"), l->period, l->start / 60, l->start % 60, l->end / 60,
			   l->end % 60);
		if (l->class_name[0]) {
			buf_puts(b, ", ");
			html_esc(b, l->class_name);
		}
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul>");
}

void match_effect_html(struct req *r, struct buf *b, const struct match_offer *o)
{
	buf_puts(b, "<div class=\"samen-effect\">");
	write_lessons(r, b, o);

	/* The person's current contract with their own (lending) board. */
	struct people_filter f = {.board_id = o->lender_board_id, .person_id = o->person_id,
				  .today = date_today()};
	struct person_list l = {0};
	int64_t weeks = 40;
	store_ledger_setting(r->db, "secondment.weeks_per_year", &weeks, NULL);
	double extra_year = (double)o->hours_per_week / 100.0 * (double)weeks;
	if (people_list(r->db, &f, &l, NULL) == 0 && l.n > 0) {
		const struct person_row *p = &l.rows[0];
		double before = p->hours_per_year, after = before + extra_year;
		char hb[32], ha[32], fb[32], fa[32], ex[32];
		html_number(r, before, 1, hb);
		html_number(r, after, 1, ha);
		html_number(r, staff_fte(before), 2, fb);
		html_number(r, staff_fte(after), 2, fa);
		html_number(r, extra_year, 1, ex);
		buf_printf(b, "<p class=\"utrecht-paragraph\">%s %s %s (%lld %s). %s: %s %s (%s fte) → %s %s (%s fte).</p>",
			   tr(r, "effect.extra"), ex, tr(r, "effect.hours_year"), (long long)weeks,
			   tr(r, "effect.weeks"), tr(r, "effect.contract"), hb, tr(r, "effect.hours_year"),
			   fb, ha, tr(r, "effect.hours_year"), fa);
		struct salary_table_row table;
		struct costprice_salary *rows = NULL;
		size_t n = 0;
		if (store_ledger_salary_for(r->db, date_today(), &table, &rows, &n, NULL) == 0) {
			for (size_t i = 0; i < n; i++) {
				if (strcmp(rows[i].scale, p->salary_scale) != 0 || rows[i].step != p->salary_step)
					continue;
				int64_t now = (int64_t)((double)rows[i].monthly_cents * staff_fte(before) + 0.5);
				int64_t then = (int64_t)((double)rows[i].monthly_cents * staff_fte(after) + 0.5);
				buf_printf(b, "<p class=\"utrecht-paragraph\">%s ", tr(r, "effect.pay"));
				html_esc(b, p->salary_scale);
				buf_printf(b, "-%d: ", p->salary_step);
				secondment_web_money(r, b, now);
				buf_puts(b, " → ");
				secondment_web_money(r, b, then);
				buf_printf(b, " %s.</p>", tr(r, "effect.per_month"));
				break;
			}
			free(rows);
		}
	}
	people_list_free(&l);
	buf_printf(b, "<p class=\"utrecht-paragraph\">%s</p></div>", tr(r, "effect.employer"));
}
