/*
 * i18n.h - the user interface texts in Dutch (first) and English.
 *
 * Every text a page shows is looked up by a short key. The foundation's
 * texts are in i18n.c; each feature module keeps its texts in its own table
 * (web/i18n_<module>.c), listed once in i18n.c. An unknown key shows as the
 * key itself, and the unit tests check that no text lacks a language and
 * no key is defined twice.
 */
#ifndef SAMEN_I18N_H
#define SAMEN_I18N_H

#include "web/http.h"

/* One text in both languages; tables end with an entry whose key is NULL. */
struct i18n_entry {
	const char *key, *nl, *en;
};

/* Text for key in lang; the key itself when unknown. */
const char *i18n_text(enum lang lang, const char *key);

/* Text for key in the request's language. */
const char *tr(const struct req *r, const char *key);

/* Language from a "nl"/"en" code; LANG_NL for anything else. */
enum lang i18n_parse(const char *code);

/* Code of a language ("nl" or "en"). */
const char *i18n_code(enum lang lang);

/* Number of keys without a translation in one of the languages, or defined twice (for tests). */
int i18n_missing(void);

#endif
