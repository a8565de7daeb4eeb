/*
 * qualification.c - what a teaching qualification covers (see
 * qualification.h). Each rule cites its number in DOMAIN-RULES.md.
 */
#include "core/qualification.h"

#include <string.h>

static const struct {
	enum qual_level level;
	const char *name;
} level_names[] = {
	{QUAL_FIRST, "eerstegraads"},
	{QUAL_SECOND, "tweedegraads"},
	{QUAL_LIMITED_SECOND, "beperkt_tweedegraads"},
	{QUAL_IN_TRAINING, "in_opleiding"},
};

static const struct {
	enum school_type type;
	const char *name;
	int max_year;
} type_names[] = {
	{STYPE_VMBO_BB, "vmbo-bb", 4}, {STYPE_VMBO_KB, "vmbo-kb", 4},
	{STYPE_VMBO_GL, "vmbo-gl", 4}, {STYPE_VMBO_TL, "vmbo-tl", 4},
	{STYPE_HAVO, "havo", 5},       {STYPE_VWO, "vwo", 6},
	{STYPE_PRO, "pro", 6},         {STYPE_ISK, "isk", 3},
};

enum qual_level qual_level_parse(const char *s)
{
	for (size_t i = 0; i < sizeof level_names / sizeof level_names[0]; i++)
		if (strcmp(s, level_names[i].name) == 0)
			return level_names[i].level;
	return QUAL_NONE;
}

const char *qual_level_name(enum qual_level level)
{
	for (size_t i = 0; i < sizeof level_names / sizeof level_names[0]; i++)
		if (level_names[i].level == level)
			return level_names[i].name;
	return "";
}

enum school_type school_type_parse(const char *s)
{
	for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
		if (strcmp(s, type_names[i].name) == 0)
			return type_names[i].type;
	return 0;
}

static int max_year(enum school_type type)
{
	for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
		if (type_names[i].type == type)
			return type_names[i].max_year;
	return 0;
}

/* Upper years of havo and vwo: the first-degree area (rule 19). */
static bool first_degree_area(enum school_type type, int year)
{
	return (type == STYPE_HAVO || type == STYPE_VWO) && year >= 4;
}

enum qual_fit qual_covers(enum qual_level level, enum school_type type, int year)
{
	if (year < 1 || year > max_year(type))
		return FIT_ONBEVOEGD;
	switch (level) {
	case QUAL_FIRST: /* rule 19: everything a second degree covers, plus havo/vwo 4-6 */
		return FIT_BEVOEGD;
	case QUAL_SECOND: /* rule 18; rule 21 for the first-degree area */
		return first_degree_area(type, year) ? FIT_ONDERBEVOEGD : FIT_BEVOEGD;
	case QUAL_LIMITED_SECOND: /* rule 20, narrow reading: havo/vwo 1-3 and vmbo-tl */
		if ((type == STYPE_HAVO || type == STYPE_VWO) && year <= 3)
			return FIT_BEVOEGD;
		if (type == STYPE_VMBO_TL)
			return FIT_BEVOEGD;
		return FIT_ONBEVOEGD;
	case QUAL_IN_TRAINING: /* rule 22: people in training are benoembaar */
		return FIT_BENOEMBAAR;
	case QUAL_NONE:
		break;
	}
	return FIT_ONBEVOEGD;
}

const char *qual_fit_name(enum qual_fit fit)
{
	switch (fit) {
	case FIT_BEVOEGD:
		return "bevoegd";
	case FIT_BENOEMBAAR:
		return "benoembaar";
	case FIT_ONDERBEVOEGD:
		return "onderbevoegd";
	case FIT_ONBEVOEGD:
		break;
	}
	return "onbevoegd";
}
