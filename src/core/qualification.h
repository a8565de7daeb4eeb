/*
 * qualification.h - teaching qualifications (bevoegdheden) and what they cover.
 *
 * Encodes DOMAIN-RULES.md rules 18-22: which school types and years a
 * first-degree, second-degree, limited second-degree or in-training
 * qualification covers, and how a lesson assignment is classified
 * (bevoegd, benoembaar, onderbevoegd, onbevoegd).
 */
#ifndef SAMEN_QUALIFICATION_H
#define SAMEN_QUALIFICATION_H

#include <stdbool.h>

enum qual_level {
	QUAL_NONE = 0,
	QUAL_FIRST,           /* eerstegraads */
	QUAL_SECOND,          /* tweedegraads */
	QUAL_LIMITED_SECOND,  /* beperkt tweedegraads (educatieve minor) */
	QUAL_IN_TRAINING,     /* in opleiding (also zij-instromer with geschiktheidsverklaring) */
};

enum school_type {
	STYPE_VMBO_BB = 1, /* vmbo basisberoepsgerichte leerweg */
	STYPE_VMBO_KB,     /* vmbo kaderberoepsgerichte leerweg */
	STYPE_VMBO_GL,     /* vmbo gemengde leerweg */
	STYPE_VMBO_TL,     /* vmbo theoretische leerweg */
	STYPE_HAVO,
	STYPE_VWO,
	STYPE_PRO,         /* praktijkonderwijs */
	STYPE_ISK,         /* internationale schakelklas */
};

enum qual_fit {
	FIT_BEVOEGD = 1,   /* qualified for this type and year */
	FIT_BENOEMBAAR,    /* appointable: in training (rule 22) */
	FIT_ONDERBEVOEGD,  /* second degree in the first-degree area: max. one year (rule 21) */
	FIT_ONBEVOEGD,     /* not qualified */
};

/* Parse the stored level name ("eerstegraads", ...); QUAL_NONE if unknown. */
enum qual_level qual_level_parse(const char *s);

/* Stored name of a level ("eerstegraads", ...); "" for QUAL_NONE. */
const char *qual_level_name(enum qual_level level);

/* Parse a school type ("vmbo-tl", "havo", "pro", ...); 0 if unknown. */
enum school_type school_type_parse(const char *s);

/*
 * Classify teaching `level` in a subject at school type `type`, year `year`
 * (1-6). Returns FIT_ONBEVOEGD for impossible combinations (vmbo year 5).
 * Rules 18-22 of DOMAIN-RULES.md.
 */
enum qual_fit qual_covers(enum qual_level level, enum school_type type, int year);

/* Stable name of a fit ("bevoegd", "benoembaar", "onderbevoegd", "onbevoegd"). */
const char *qual_fit_name(enum qual_fit fit);

#endif
