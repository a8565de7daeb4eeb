/*
 * match_effect.h - what an offer means for the teacher who gets it
 * (story 2): the exact lessons, the hours and FTE before and after, and the
 * gross monthly salary before and after, with the note that the own board
 * stays the employer (detachering).
 */
#ifndef SAMEN_MATCH_EFFECT_H
#define SAMEN_MATCH_EFFECT_H

#include "store/match_offer.h"
#include "web/http.h"

/* Append the explanation of offer o for its person as HTML to b. Database errors only omit parts. */
void match_effect_html(struct req *r, struct buf *b, const struct match_offer *o);

#endif
