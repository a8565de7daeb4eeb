/*
 * pdf_doc.c - simple A4 text documents as PDF through libharu (see pdf_doc.h).
 */
#include "formats/pdf_doc.h"

#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 595.276f /* A4 in points */
#define PAGE_H 841.89f
#define MARGIN_X 62.0f
#define MARGIN_TOP 64.0f
#define MARGIN_BOTTOM 64.0f
#define TEXT_W (PAGE_W - 2 * MARGIN_X)
#define MAX_TEXT 8192

struct pdf_doc {
	HPDF_Doc pdf;
	HPDF_Page page;
	HPDF_Font regular, bold;
	float y;          /* baseline of the next line */
	int pages;
	HPDF_STATUS error;
};

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
	(void)detail_no;
	struct pdf_doc *d = user;
	if (!d->error)
		d->error = error_no;
}

static int check(struct pdf_doc *d, struct samen_err *err)
{
	if (!d->error)
		return 0;
	return samen_fail(err, SAMEN_EINTERNAL, "PDF writer error 0x%04X", (unsigned)d->error);
}

/* UTF-8 to CP1252; characters CP1252 cannot show become '?'. */
static void to_cp1252(const char *in, char *out, size_t n)
{
	static const struct {
		unsigned cp;
		unsigned char c;
	} extra[] = {
		{0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
		{0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
		{0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
		{0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
		{0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
		{0x017E, 0x9E}, {0x0178, 0x9F},
	};
	const unsigned char *p = (const unsigned char *)in;
	size_t o = 0;
	while (*p && o + 1 < n) {
		unsigned cp;
		int len;
		if (*p < 0x80) {
			cp = *p;
			len = 1;
		} else if ((*p & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
			cp = ((unsigned)(*p & 0x1F) << 6) | (p[1] & 0x3F);
			len = 2;
		} else if ((*p & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
			cp = ((unsigned)(*p & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			len = 3;
		} else {
			/* 4-byte sequences and stray bytes: skip the sequence, write '?'. */
			len = 1;
			while ((p[len] & 0xC0) == 0x80)
				len++;
			cp = '?';
		}
		unsigned char c = '?';
		if (cp == 0xA0)
			c = ' ';
		else if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
			c = (unsigned char)cp;
		else
			for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
				if (extra[i].cp == cp)
					c = extra[i].c;
		if (c < 0x20 && c != '\n')
			c = ' ';
		out[o++] = (char)c;
		p += len;
	}
	out[o] = '\0';
}

static void new_page(struct pdf_doc *d)
{
	d->page = HPDF_AddPage(d->pdf);
	HPDF_Page_SetSize(d->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	d->pages++;
	d->y = PAGE_H - MARGIN_TOP;
	char num[16];
	snprintf(num, sizeof num, "%d", d->pages);
	HPDF_Page_BeginText(d->page);
	HPDF_Page_SetFontAndSize(d->page, d->regular, 8);
	HPDF_Page_SetRGBFill(d->page, 0.3f, 0.35f, 0.4f);
	HPDF_Page_TextOut(d->page, PAGE_W - MARGIN_X - HPDF_Page_TextWidth(d->page, num),
			  MARGIN_BOTTOM / 2, num);
	HPDF_Page_EndText(d->page);
}

int pdf_doc_new(const char *title, struct pdf_doc **out, struct samen_err *err)
{
	struct pdf_doc *d = calloc(1, sizeof *d);
	if (!d)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	d->pdf = HPDF_New(on_error, d);
	if (!d->pdf) {
		free(d);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	HPDF_SetCompressionMode(d->pdf, HPDF_COMP_ALL);
	d->regular = HPDF_GetFont(d->pdf, "Helvetica", "WinAnsiEncoding");
	d->bold = HPDF_GetFont(d->pdf, "Helvetica-Bold", "WinAnsiEncoding");
	char t[512];
	to_cp1252(title, t, sizeof t);
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_TITLE, t);
	HPDF_SetInfoAttr(d->pdf, HPDF_INFO_CREATOR, "Samen");
	new_page(d);
	int rc = check(d, err);
	if (rc) {
		pdf_doc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

void pdf_doc_free(struct pdf_doc *d)
{
	if (!d)
		return;
	if (d->pdf)
		HPDF_Free(d->pdf);
	free(d);
}

/* Room for h points on this page, else a new page. */
static void need(struct pdf_doc *d, float h)
{
	if (d->y - h < MARGIN_BOTTOM)
		new_page(d);
}

/*
 * Write text wrapped to width w starting at x, with the font, size and
 * leading given; '\n' forces a break. CP1252 text.
 */
static void wrapped(struct pdf_doc *d, const char *text, float x, float w, HPDF_Font font,
		    float size, float leading, float grey)
{
	char line[MAX_TEXT];
	const char *p = text;
	while (*p) {
		/* Take words while they fit. */
		size_t len = 0, last_fit = 0;
		const char *q = p;
		HPDF_Page_SetFontAndSize(d->page, font, size);
		for (;;) {
			const char *word_end = q;
			while (*word_end && *word_end != ' ' && *word_end != '\n')
				word_end++;
			size_t add = (size_t)(word_end - p);
			if (add >= sizeof line)
				add = sizeof line - 1;
			memcpy(line, p, add);
			line[add] = '\0';
			if (HPDF_Page_TextWidth(d->page, line) > w && last_fit > 0)
				break;
			len = add;
			last_fit = add;
			q = word_end;
			if (*q != ' ')
				break;
			q++;
		}
		if (len == 0) {
			/* One word wider than the line: cut it. */
			len = strlen(p);
			while (len > 1) {
				memcpy(line, p, len);
				line[len] = '\0';
				if (HPDF_Page_TextWidth(d->page, line) <= w)
					break;
				len--;
			}
		}
		memcpy(line, p, len);
		line[len] = '\0';
		need(d, leading);
		HPDF_Page_BeginText(d->page);
		HPDF_Page_SetFontAndSize(d->page, font, size);
		HPDF_Page_SetRGBFill(d->page, grey, grey, grey);
		HPDF_Page_TextOut(d->page, x, d->y - size, line);
		HPDF_Page_EndText(d->page);
		d->y -= leading;
		p += len;
		while (*p == ' ')
			p++;
		if (*p == '\n')
			p++;
	}
}

int pdf_doc_heading(struct pdf_doc *d, int level, const char *text, struct samen_err *err)
{
	char t[MAX_TEXT];
	to_cp1252(text, t, sizeof t);
	float size = level <= 1 ? 17.0f : 11.5f;
	d->y -= level <= 1 ? 0 : 8;
	need(d, size * 3.2f); /* keep a heading with the first lines after it */
	wrapped(d, t, MARGIN_X, TEXT_W, d->bold, size, size * 1.35f, 0.04f);
	d->y -= 3;
	return check(d, err);
}

int pdf_doc_paragraph(struct pdf_doc *d, const char *text, bool muted, struct samen_err *err)
{
	char t[MAX_TEXT];
	to_cp1252(text, t, sizeof t);
	float size = muted ? 8.5f : 10.0f;
	wrapped(d, t, MARGIN_X, TEXT_W, d->regular, size, size * 1.45f, muted ? 0.28f : 0.06f);
	d->y -= 5;
	return check(d, err);
}

int pdf_doc_item(struct pdf_doc *d, int number, const char *text, struct samen_err *err)
{
	char t[MAX_TEXT], num[16];
	to_cp1252(text, t, sizeof t);
	snprintf(num, sizeof num, "%d.", number);
	need(d, 14.5f);
	HPDF_Page_BeginText(d->page);
	HPDF_Page_SetFontAndSize(d->page, d->regular, 10);
	HPDF_Page_SetRGBFill(d->page, 0.06f, 0.06f, 0.06f);
	HPDF_Page_TextOut(d->page, MARGIN_X, d->y - 10, num);
	HPDF_Page_EndText(d->page);
	wrapped(d, t, MARGIN_X + 18, TEXT_W - 18, d->regular, 10, 14.5f, 0.06f);
	d->y -= 3;
	return check(d, err);
}

int pdf_doc_signature(struct pdf_doc *d, const char *title, const char *body,
		      const char *line_label, struct samen_err *err)
{
	char t[512], bd[2048], lb[256];
	to_cp1252(title, t, sizeof t);
	to_cp1252(body, bd, sizeof bd);
	to_cp1252(line_label, lb, sizeof lb);
	float top_needed = 130.0f;
	need(d, top_needed);
	float top = d->y;
	d->y -= 8;
	wrapped(d, t, MARGIN_X + 10, TEXT_W - 20, d->bold, 10.5f, 15.0f, 0.04f);
	wrapped(d, bd, MARGIN_X + 10, TEXT_W - 20, d->regular, 9.5f, 13.5f, 0.06f);
	d->y -= 28;
	HPDF_Page_SetRGBStroke(d->page, 0.1f, 0.1f, 0.1f);
	HPDF_Page_SetLineWidth(d->page, 0.6f);
	HPDF_Page_MoveTo(d->page, MARGIN_X + 10, d->y);
	HPDF_Page_LineTo(d->page, MARGIN_X + TEXT_W / 2, d->y);
	HPDF_Page_Stroke(d->page);
	d->y -= 2;
	wrapped(d, lb, MARGIN_X + 10, TEXT_W - 20, d->regular, 8, 11, 0.3f);
	d->y -= 6;
	HPDF_Page_SetRGBStroke(d->page, 0.6f, 0.65f, 0.7f);
	HPDF_Page_Rectangle(d->page, MARGIN_X, d->y, TEXT_W, top - d->y);
	HPDF_Page_Stroke(d->page);
	d->y -= 12;
	return check(d, err);
}

int pdf_doc_finish(struct pdf_doc *d, struct buf *out, struct samen_err *err)
{
	if (HPDF_SaveToStream(d->pdf) != HPDF_OK || check(d, err))
		return check(d, err) ? SAMEN_EINTERNAL : samen_fail(err, SAMEN_EINTERNAL, "cannot write the PDF");
	HPDF_UINT32 size = HPDF_GetStreamSize(d->pdf);
	HPDF_ResetStream(d->pdf);
	unsigned char chunk[8192];
	HPDF_UINT32 left = size;
	while (left > 0) {
		HPDF_UINT32 n = left < sizeof chunk ? left : (HPDF_UINT32)sizeof chunk;
		HPDF_STATUS st = HPDF_ReadFromStream(d->pdf, chunk, &n);
		if (n == 0 || (st != HPDF_OK && st != HPDF_STREAM_EOF))
			return samen_fail(err, SAMEN_EINTERNAL, "cannot read the PDF stream");
		int rc = buf_add(out, chunk, n);
		if (rc)
			return samen_fail(err, rc, "the PDF is too large");
		left -= n;
	}
	return 0;
}
