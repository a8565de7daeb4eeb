/*
 * pdf_doc.h - a plain text document (headings, paragraphs, numbered list
 * items, signature boxes) written as an A4 PDF with libharu (libhpdf,
 * Debian package libhpdf-dev; licence: a permissive libharu licence,
 * compatible with EUPL-1.2, see docs/DEPENDENCIES.md).
 *
 * Used for the secondment agreement "where a user wants a file"; the
 * printable HTML page is the primary form. Text goes in as UTF-8 and is
 * written with the standard Helvetica fonts in WinAnsiEncoding (CP1252):
 * Dutch letters and the euro sign come out right; characters outside
 * CP1252 become '?'. Lines are wrapped at word boundaries; a new page
 * starts when the current one is full; a signature box is never split.
 *
 * Ownership: a document owns its libharu handle; pdf_doc_free releases
 * it. Not thread-safe; distinct documents are.
 */
#ifndef SAMEN_PDF_DOC_H
#define SAMEN_PDF_DOC_H

#include <stdbool.h>

#include "util/buf.h"
#include "util/err.h"

struct pdf_doc;

/* Start a document with the given title (document info). Errors: SAMEN_ENOMEM. */
int pdf_doc_new(const char *title, struct pdf_doc **out, struct samen_err *err);

/* Release a document; NULL is ignored. */
void pdf_doc_free(struct pdf_doc *d);

/* A heading: level 1 (document title) or 2 (article). */
int pdf_doc_heading(struct pdf_doc *d, int level, const char *text, struct samen_err *err);

/* A paragraph; muted paragraphs are smaller and grey. */
int pdf_doc_paragraph(struct pdf_doc *d, const char *text, bool muted, struct samen_err *err);

/* A numbered list item ("1." then the wrapped text, indented). */
int pdf_doc_item(struct pdf_doc *d, int number, const char *text, struct samen_err *err);

/*
 * A signature box: a bold title, body text (wrapped; '\n' starts a new
 * line) and a ruled line with `line_label` under it for a wet signature.
 */
int pdf_doc_signature(struct pdf_doc *d, const char *title, const char *body,
		      const char *line_label, struct samen_err *err);

/* Write the PDF into out (its cap applies: SAMEN_ETOOBIG). */
int pdf_doc_finish(struct pdf_doc *d, struct buf *out, struct samen_err *err);

#endif
