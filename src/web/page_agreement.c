/*
 * page_agreement.c - the secondment agreement (detacheringsovereenkomst):
 *   GET /detacheringen/{secondment}/overeenkomst       printable HTML
 *   GET /detacheringen/{secondment}/overeenkomst.pdf   the same as a PDF file
 *
 * The text is built once, as a list of blocks (title, headings, paragraphs,
 * parties, signature boxes), and written either as a standalone HTML page
 * (www/css/agreement.css prints it as an A4 document: no navigation,
 * articles kept together, a ruled line per party) or as a PDF
 * (formats/pdf_doc.h). It has the fields of a model agreement
 * (DOMAIN-RULES section 1.1): the A-B-C parties; the uitlener stays
 * employer and liable for the result; the inlener instructs; the function
 * and the work; the extent as werktijdfactor (rule 11), start and end; the
 * extension talk three months before the end (rule 4); the cost price of
 * the hours and the invoicing (rule 9); the VAT basis (rules 5-8);
 * sickness; insurance; Waadi and Wtta (rule 10); the employee's consent
 * (rule 3); and the three parties' agreement as given in Samen, who and
 * when (rule 2). The text is Dutch; in English it is a translation and says
 * so. Whoever may see the secondment may see its agreement; a read by the
 * borrowing side is audited.
 */
#include "core/costprice.h"
#include "formats/pdf_doc.h"
#include "store/ledger.h"
#include "store/secondment.h"
#include "util/date.h"
#include "web/handlers.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/secondment_web.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PDF_MAX_BYTES ((size_t)8 << 20)

enum block_kind { B_TITLE, B_NOTE, B_HEADING, B_PARA, B_PARTY, B_SIGN };

struct block {
	enum block_kind kind;
	char title[200];  /* B_SIGN: the party */
	char text[1600];
};

struct agreement {
	struct block *b;
	size_t n, cap;
	long id;
	char person[192];
};

static struct block *add(struct agreement *a, enum block_kind kind)
{
	if (a->n == a->cap) {
		size_t nc = a->cap ? 2 * a->cap : 48;
		void *p = realloc(a->b, nc * sizeof *a->b);
		if (!p)
			return NULL;
		a->b = p;
		a->cap = nc;
	}
	struct block *b = &a->b[a->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

/* Append formatted text to a block's text (cut at its size). */
static void cat(struct block *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void cat(struct block *b, const char *fmt, ...)
{
	if (!b)
		return;
	size_t len = strlen(b->text);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b->text + len, sizeof b->text - len, fmt, ap);
	va_end(ap);
}

static void dtext(const struct req *r, long day, char out[11])
{
	char iso[11];
	date_format(day, iso);
	if (r->lang == LANG_EN)
		snprintf(out, 11, "%s", iso);
	else
		snprintf(out, 11, "%.2s-%.2s-%.4s", iso + 8, iso + 5, iso);
}

static void money(const struct req *r, int64_t cents, char out[48])
{
	struct buf b;
	buf_init(&b, 47);
	secondment_web_money(r, &b, cents);
	snprintf(out, 48, "%s", buf_str(&b));
	buf_release(&b);
}

static void heading(struct req *r, struct agreement *a, int n, const char *key)
{
	struct block *b = add(a, B_HEADING);
	cat(b, "%s %d. %s", tr(r, "secondment.doc.article"), n, tr(r, key));
}

static void para(struct agreement *a, const char *text)
{
	struct block *b = add(a, B_PARA);
	cat(b, "%s", text);
}

static void sign_block(struct req *r, struct agreement *a, const char *party_key, const char *name,
		       const struct secondment_mark *m)
{
	struct block *b = add(a, B_SIGN);
	if (!b)
		return;
	snprintf(b->title, sizeof b->title, "%s", tr(r, party_key));
	cat(b, "%s\n", name);
	if (m->set) {
		char iso[11];
		long day;
		snprintf(iso, sizeof iso, "%.10s", m->at);
		char d[11] = "";
		if (date_parse(iso, &day) == 0)
			dtext(r, day, d);
		cat(b, "%s %s %s %s %.5s UTC", tr(r, "secondment.doc.agreed_by"), m->by,
		    tr(r, "secondment.doc.on"), d, m->at + 11);
	} else {
		cat(b, "%s", tr(r, "secondment.doc.not_agreed"));
	}
}

/* Build the agreement's text for secondment w. */
static int build(struct req *r, const struct secondment_row *w, struct agreement *a,
		 struct samen_err *err)
{
	const struct secondment *sc = &w->s;
	struct ledger_party lender, borrower;
	int rc = store_ledger_party_get(r->db, sc->lender_board_id, &lender, err);
	if (rc == 0)
		rc = store_ledger_party_get(r->db, sc->borrower_board_id, &borrower, err);
	if (rc)
		return rc;
	int64_t weeks = 40;
	store_ledger_setting(r->db, "secondment.weeks_per_year", &weeks, NULL);
	struct vat_settings vs = {2100, 500};
	store_ledger_vat_settings(r->db, &vs, NULL);
	snprintf(a->person, sizeof a->person, "%s %s", w->first_name, w->last_name);
	a->id = (long)sc->id;
	char d1[11], d2[11], num[32], m1[48];
	struct block *b;

	cat(add(a, B_TITLE), "%s", tr(r, "secondment.doc.title"));
	if (r->lang != LANG_NL)
		cat(add(a, B_NOTE), "%s", tr(r, "secondment.doc.translation"));
	cat(add(a, B_NOTE), "%s %lld", tr(r, "secondment.doc.number"), (long long)sc->id);

	cat(add(a, B_HEADING), "%s", tr(r, "secondment.doc.parties"));
	b = add(a, B_PARTY);
	cat(b, "%s (%s %s", lender.name, tr(r, "secondment.doc.board_number"), lender.number);
	if (lender.kvk[0])
		cat(b, ", KvK %s", lender.kvk);
	cat(b, "), %s", tr(r, "secondment.doc.as_lender"));
	b = add(a, B_PARTY);
	cat(b, "%s (%s %s", borrower.name, tr(r, "secondment.doc.board_number"), borrower.number);
	if (borrower.kvk[0])
		cat(b, ", KvK %s", borrower.kvk);
	cat(b, "), %s", tr(r, "secondment.doc.as_borrower"));
	cat(add(a, B_PARTY), "%s, %s", a->person, tr(r, "secondment.doc.as_employee"));
	para(a, tr(r, "secondment.doc.whereas"));

	heading(r, a, 1, "secondment.doc.a1");
	b = add(a, B_PARA);
	cat(b, "%s %s", tr(r, "secondment.doc.a1.text"), sc->function_title);
	if (w->school_name[0])
		cat(b, " %s %s", tr(r, "secondment.doc.at"), w->school_name);
	cat(b, ".");
	cat(add(a, B_PARA), "%s %s", tr(r, "secondment.doc.a1.work"), sc->purpose);
	if (sc->expertise[0])
		cat(add(a, B_PARA), "%s %s", tr(r, "secondment.doc.a1.expertise"), sc->expertise);

	heading(r, a, 2, "secondment.doc.a2");
	para(a, tr(r, "secondment.doc.a2.text"));
	para(a, tr(r, "secondment.doc.a2.liability"));

	heading(r, a, 3, "secondment.doc.a3");
	char hours[32], days[40];
	html_number(r, (double)sc->hours_per_week / 100.0, 2, hours);
	secondment_weekdays_text(sc->weekdays, days, sizeof days);
	html_number(r, secondment_wtf(sc->hours_per_week, (int)weeks), 4, num);
	cat(add(a, B_PARA), "%s %s %s (%s). %s %s (%s).", tr(r, "secondment.doc.a3.hours"), hours,
	    tr(r, "secondment.doc.a3.per_week"), days, tr(r, "secondment.doc.a3.wtf"), num,
	    tr(r, "secondment.wtf_note"));
	dtext(r, sc->start, d1);
	dtext(r, sc->end, d2);
	cat(add(a, B_PARA), "%s %s %s %s. %s", tr(r, "secondment.doc.a3.from"), d1,
	    tr(r, "secondment.doc.a3.until"), d2, tr(r, "secondment.doc.a3.ends"));
	dtext(r, secondment_extension_due(sc->end), d1);
	cat(add(a, B_PARA), "%s %s.", tr(r, "secondment.doc.a3.extension"), d1);

	heading(r, a, 4, "secondment.doc.a4");
	para(a, tr(r, "secondment.doc.a4.text"));
	char month[8];
	long today = date_today();
	ledger_month_key(today > sc->start ? (today < sc->end ? today : sc->end) : sc->start, month);
	struct ledger_line l;
	memset(&l, 0, sizeof l);
	struct samen_err perr;
	samen_err_clear(&perr);
	b = add(a, B_PARA);
	if (store_ledger_basis(r->db, w, month, &l, &perr) == 0) {
		money(r, l.basis.monthly_cents, m1);
		cat(b, "%s %s: %s %s-%d (%s %s), %s ", tr(r, "secondment.doc.a4.basis"), month,
		    tr(r, "secondment.doc.a4.scale"), l.scale, l.step, m1, tr(r, "secondment.per_month"),
		    tr(r, "secondment.charges"));
		html_number(r, l.basis.charges_bp / 100.0, 2, num);
		cat(b, "%s %%, %s ", num, tr(r, "secondment.margin"));
		html_number(r, l.basis.margin_bp / 100.0, 2, num);
		money(r, costprice_hourly_rate_cents(&l.basis), m1);
		cat(b, "%s %%: %s %s %s; ", num, tr(r, "secondment.rate"), m1, tr(r, "secondment.per_hour"));
		money(r, l.basis.travel_cents_per_km, m1);
		cat(b, "%s %s %s.", tr(r, "secondment.doc.a4.travel"), m1, tr(r, "secondment.doc.per_km"));
	} else {
		cat(b, "%s %s", tr(r, "secondment.doc.a4.unknown"), perr.msg);
	}
	para(a, tr(r, "secondment.doc.a4.invoicing"));

	heading(r, a, 5, "secondment.doc.a5");
	para(a, tr(r, "secondment.doc.a5.text"));
	struct vat_input facts;
	struct vat_decision d;
	secondment_vat_facts(sc, w->borrower_is_swv, &facts);
	vat_decide(&facts, &vs, &d);
	cat(add(a, B_PARA), "%s %s (%s).", tr(r, "secondment.doc.a5.status"),
	    tr(r, d.exempt ? "secondment.vat.exempt" : "secondment.vat.taxed"),
	    secondment_web_vat_reason(r, d.reason));

	heading(r, a, 6, "secondment.doc.a6");
	para(a, sc->sickness[0] ? sc->sickness : tr(r, "secondment.default.sickness"));
	heading(r, a, 7, "secondment.doc.a7");
	para(a, sc->insurance[0] ? sc->insurance : tr(r, "secondment.default.insurance"));

	heading(r, a, 8, "secondment.doc.a8");
	b = add(a, B_PARA);
	cat(b, "%s ", tr(r, "secondment.doc.a8.waadi"));
	if (lender.waadi_registered) {
		cat(b, "%s", tr(r, "secondment.yes"));
		long day;
		if (lender.waadi_checked_on[0] && date_parse(lender.waadi_checked_on, &day) == 0) {
			dtext(r, day, d1);
			cat(b, " (%s %s)", tr(r, "secondment.doc.checked_on"), d1);
		}
	} else {
		cat(b, "%s", tr(r, "secondment.doc.a8.not_recorded"));
	}
	cat(b, ". %s %s.", tr(r, "secondment.doc.a8.wtta"),
	    lender.wtta_admission[0] ? lender.wtta_admission
	    : lender.wtta_exemption_basis[0] ? lender.wtta_exemption_basis
					     : tr(r, "secondment.doc.a8.not_recorded"));

	heading(r, a, 9, "secondment.doc.a9");
	b = add(a, B_PARA);
	cat(b, "%s ", tr(r, "secondment.doc.a9.text"));
	if (sc->consent.set) {
		char iso[11];
		long day;
		snprintf(iso, sizeof iso, "%.10s", sc->consent.at);
		d1[0] = '\0';
		if (date_parse(iso, &day) == 0)
			dtext(r, day, d1);
		cat(b, "%s %s (%s).", tr(r, "secondment.doc.a9.recorded"), d1, sc->consent.by);
	} else {
		cat(b, "%s", tr(r, "secondment.doc.a9.missing"));
	}

	cat(add(a, B_HEADING), "%s", tr(r, "secondment.doc.signed"));
	sign_block(r, a, "secondment.party.lender", lender.name, &sc->sign[SECONDMENT_LENDER]);
	sign_block(r, a, "secondment.party.borrower", borrower.name, &sc->sign[SECONDMENT_BORROWER]);
	sign_block(r, a, "secondment.party.employee", a->person, &sc->sign[SECONDMENT_EMPLOYEE]);
	if (a->n == 0 || a->n > 200)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	return 0;
}

/* Load the secondment, check the user may see it, audit, build the text. */
static int prepare(struct req *r, struct agreement *a, struct samen_err *err)
{
	memset(a, 0, sizeof *a);
	struct secondment_row w;
	int rc = store_secondment_get(r->db, req_param_id(r, "secondment"), &w, err);
	if (rc)
		return rc;
	struct secondment_rights rt;
	secondment_rights_of(&r->user, &w, &rt);
	if (!rt.view)
		return SAMEN_EPERM;
	secondment_web_audit_read(r, &w, &rt);
	rc = build(r, &w, a, err);
	if (rc) {
		free(a->b);
		a->b = NULL;
	}
	return rc;
}

/* Escaped text with '\n' as <br>. */
static void esc_lines(struct buf *b, const char *text)
{
	char line[sizeof ((struct block *)0)->text];
	const char *p = text;
	while (*p) {
		size_t n = strcspn(p, "\n");
		snprintf(line, sizeof line, "%.*s", (int)n, p);
		html_esc(b, line);
		p += n;
		if (*p == '\n') {
			buf_puts(b, "<br>");
			p++;
		}
	}
}

int page_secondment_agreement(struct req *r, struct resp *s)
{
	struct agreement a;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = prepare(r, &a, &err);
	if (rc)
		return rc;
	s->status = 200;
	s->content_type = "text/html; charset=utf-8";
	s->no_store = true;
	struct buf *b = &s->body;
	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\" class=\"utrecht-theme samen-theme\"><head><meta charset=\"utf-8\">"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>",
		   i18n_code(r->lang));
	html_esc(b, tr(r, "secondment.doc.title"));
	buf_puts(b, " – ");
	html_esc(b, a.person);
	buf_puts(b, "</title><link rel=\"icon\" href=\"/static/img/favicon.svg\" type=\"image/svg+xml\">"
		    "<link rel=\"stylesheet\" href=\"/static/css/utrecht-tokens.css\">"
		    "<link rel=\"stylesheet\" href=\"/static/css/utrecht-components.css\">"
		    "<link rel=\"stylesheet\" href=\"/static/css/samen.css\">"
		    "<link rel=\"stylesheet\" href=\"/static/css/agreement.css\"></head>"
		    "<body class=\"utrecht-document utrecht-body samen-agreement\">");
	buf_printf(b, "<nav class=\"samen-agreement__tools\" aria-label=\"%s\"><p class=\"utrecht-paragraph\">"
		      "<a class=\"utrecht-link\" href=\"/detacheringen/%ld\">%s</a> · %s · "
		      "<a class=\"utrecht-link\" href=\"/detacheringen/%ld/overeenkomst.pdf\">%s</a></p></nav>",
		   tr(r, "secondment.doc.tools"), a.id, tr(r, "secondment.doc.back"),
		   tr(r, "secondment.doc.print_hint"), a.id, tr(r, "secondment.doc.pdf"));
	buf_puts(b, "<main class=\"samen-agreement__page\" id=\"inhoud\">");
	bool in_section = false, in_list = false, in_signs = false;
	for (size_t i = 0; i < a.n; i++) {
		const struct block *k = &a.b[i];
		if (in_list && k->kind != B_PARTY) {
			buf_puts(b, "</ol>");
			in_list = false;
		}
		switch (k->kind) {
		case B_TITLE:
			buf_puts(b, "<h1 class=\"utrecht-heading-1\">");
			html_esc(b, k->text);
			buf_puts(b, "</h1>");
			break;
		case B_NOTE:
			buf_puts(b, "<p class=\"utrecht-paragraph samen-muted\">");
			html_esc(b, k->text);
			buf_puts(b, "</p>");
			break;
		case B_HEADING:
			if (in_section)
				buf_puts(b, "</section>");
			/* The last heading introduces the signatures. */
			in_signs = i + 1 < a.n && a.b[i + 1].kind == B_SIGN;
			buf_printf(b, "<section class=\"%s\"><h2 class=\"utrecht-heading-2\">",
				   in_signs ? "samen-agreement__signatures" : "samen-agreement__article");
			html_esc(b, k->text);
			buf_puts(b, "</h2>");
			in_section = true;
			break;
		case B_PARA:
			buf_puts(b, "<p class=\"utrecht-paragraph\">");
			html_esc(b, k->text);
			buf_puts(b, "</p>");
			break;
		case B_PARTY:
			if (!in_list)
				buf_puts(b, "<ol class=\"samen-agreement__parties\">");
			in_list = true;
			buf_puts(b, "<li>");
			html_esc(b, k->text);
			buf_puts(b, "</li>");
			break;
		case B_SIGN:
			buf_puts(b, "<div class=\"samen-agreement__signature\"><h3 class=\"utrecht-heading-3\">");
			html_esc(b, k->title);
			buf_puts(b, "</h3><p class=\"utrecht-paragraph\">");
			esc_lines(b, k->text);
			buf_printf(b, "</p><p class=\"samen-agreement__line\">%s</p></div>",
				   tr(r, "secondment.doc.signature_line"));
			break;
		}
	}
	if (in_list)
		buf_puts(b, "</ol>");
	if (in_section)
		buf_puts(b, "</section>");
	buf_puts(b, "</main></body></html>\n");
	free(a.b);
	return 0;
}

int page_secondment_agreement_pdf(struct req *r, struct resp *s)
{
	struct agreement a;
	struct samen_err err;
	samen_err_clear(&err);
	int rc = prepare(r, &a, &err);
	if (rc)
		return rc;
	struct pdf_doc *d = NULL;
	char title[256];
	snprintf(title, sizeof title, "%s - %s", tr(r, "secondment.doc.title"), a.person);
	rc = pdf_doc_new(title, &d, &err);
	int item = 0;
	for (size_t i = 0; rc == 0 && i < a.n; i++) {
		const struct block *k = &a.b[i];
		switch (k->kind) {
		case B_TITLE: rc = pdf_doc_heading(d, 1, k->text, &err); break;
		case B_NOTE: rc = pdf_doc_paragraph(d, k->text, true, &err); break;
		case B_HEADING: rc = pdf_doc_heading(d, 2, k->text, &err); break;
		case B_PARA: rc = pdf_doc_paragraph(d, k->text, false, &err); break;
		case B_PARTY: rc = pdf_doc_item(d, ++item, k->text, &err); break;
		case B_SIGN:
			rc = pdf_doc_signature(d, k->title, k->text, tr(r, "secondment.doc.signature_line"),
					       &err);
			break;
		}
	}
	struct buf out;
	buf_init(&out, PDF_MAX_BYTES);
	if (rc == 0)
		rc = pdf_doc_finish(d, &out, &err);
	if (rc == 0)
		rc = buf_add(&s->body, out.data ? out.data : "", out.len);
	buf_release(&out);
	pdf_doc_free(d);
	if (rc == 0) {
		s->status = 200;
		s->content_type = "application/pdf";
		snprintf(s->download_name, sizeof s->download_name, "detacheringsovereenkomst-%ld.pdf", a.id);
	}
	free(a.b);
	return rc;
}
