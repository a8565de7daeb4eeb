/*
 * i18n.h - the user interface texts in Dutch (first) and English.
 *
 * Every text a page shows is looked up by a short key in one table
 * (i18n.c), so a translation is never missing silently: an unknown key is
 * shown as the key itself and logged once in tests.
 */
#ifndef SAMEN_I18N_H
#define SAMEN_I18N_H

#include "web/http.h"

/* Text for key in lang; the key itself when unknown. */
const char *i18n_text(enum lang lang, const char *key);

/* Text for key in the request's language. */
const char *tr(const struct req *r, const char *key);

/* Language from a "nl"/"en" code; LANG_NL for anything else. */
enum lang i18n_parse(const char *code);

/* Code of a language ("nl" or "en"). */
const char *i18n_code(enum lang lang);

/* Number of keys without a translation in one of the languages (for tests). */
int i18n_missing(void);

#endif
