/*
 * staff.h - a board's staff member as it arrives from an HR system.
 *
 * A struct staff_record is one row of a staff import (or of the demo
 * generator): the person, their contract with the importing board, where
 * they work and their qualifications. staff_validate() applies the rules
 * every record must meet before anything is written; the store layer
 * (store_staff.h) writes a whole batch or nothing.
 *
 * FTE = hours_per_year / 1659 (DOMAIN-RULES rule 11).
 */
#ifndef SAMEN_STAFF_H
#define SAMEN_STAFF_H

#include <stddef.h>

#include "core/qualification.h"
#include "util/err.h"

#define STAFF_HOURS_PER_FTE 1659.0
#define STAFF_MAX_ASSIGN 4
#define STAFF_MAX_QUAL 6

struct staff_assignment {
	char brin[8];       /* 4 characters, e.g. "14AB" */
	char vestiging[4];  /* 2 digits, e.g. "00" */
	double fte_share;   /* share of the contract worked here, (0, 1] */
};

struct staff_qualification {
	char subject[8];       /* subject code from data/subjects.csv, e.g. "wi" */
	enum qual_level level;
};

struct staff_record {
	long line;                 /* source line (1-based) for error messages, 0 if none */
	char employee_number[32];  /* unique within the board */
	char first_name[64];
	char last_name[96];
	char birth_date[11];       /* YYYY-MM-DD */
	char email[128];           /* optional; identifies one person across boards */
	char contract_kind[12];    /* "vast" or "tijdelijk" */
	double hours_per_year;     /* (0, 1659 * 1.2] */
	char salary_scale[8];      /* e.g. "LB", "LC", "LD", "LE", "11" */
	int salary_step;           /* 0..30 */
	char start_date[11];       /* YYYY-MM-DD */
	char end_date[11];         /* YYYY-MM-DD or "" (required for tijdelijk) */
	int n_assign;
	struct staff_assignment assign[STAFF_MAX_ASSIGN];
	int n_qual;
	struct staff_qualification qual[STAFF_MAX_QUAL];
};

/*
 * Check one record on its own: required fields, real dates, age 15-80 on
 * `today` (day number), hours, contract kind, end after start, shares that
 * sum to at most 1, known qualification levels. The subject codes and
 * schools are checked against the database by the store. On failure returns
 * SAMEN_EINVAL with err naming rec->line and the field.
 */
int staff_validate(const struct staff_record *rec, long today, struct samen_err *err);

/*
 * The key Dutch lists sort people by: the surname without its
 * tussenvoegsel ("van der Meer" sorts as "meer"), then the first name,
 * in lower case: "meer, anna". out holds at least n bytes.
 */
void staff_sort_name(const char *last_name, const char *first_name, char *out, size_t n);

/* FTE of a contract: hours per year / 1659. */
double staff_fte(double hours_per_year);

#endif
