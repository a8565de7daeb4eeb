/*
 * people.h - reading boards, schools and staff for the screens and the API.
 *
 * Every query that returns person-level data takes the board (or school)
 * it is limited to as a bound parameter: the web layer decides who may see
 * which board (web/scope.c), and these functions never return people of
 * another board than the one asked for. Results are owned by the caller
 * and freed with the matching *_free function.
 */
#ifndef SAMEN_PEOPLE_H
#define SAMEN_PEOPLE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

struct board_summary {
	int64_t id;
	char bestuursnummer[16];
	char name[128];
	long schools;
	long headcount;   /* people with a current contract */
	double fte;       /* sum of current contract hours / 1659 */
};

struct school_summary {
	int64_t id, board_id;
	char brin[8], vestiging[4];
	char name[128], city[64], municipality[64], province[32];
	char street[128], postcode[8];
	char school_types[64], holiday_region[8];
	char board_name[128];
	double lat, lon;
	long headcount;   /* people of the owning board assigned here */
	double fte;       /* their FTE share at this school */
};

struct region_info {
	int64_t id;
	char code[32], name[128];
};

/* Age bands of the staff list filter. */
enum age_band { AGE_ANY = 0, AGE_UNDER_30, AGE_30_44, AGE_45_54, AGE_55_59, AGE_60_PLUS };

enum people_sort { SORT_NAME = 0, SORT_AGE, SORT_FTE, SORT_CONTRACT, SORT_START };

struct people_filter {
	int64_t board_id;      /* whose staff; 0 = all boards (only for callers that checked scope) */
	int64_t school_id;     /* 0 = any school of the board */
	int64_t person_id;     /* 0 = anyone; else only this person */
	char subject[8];       /* "" = any; else qualified (any level) in this subject */
	enum age_band age;
	char contract[12];     /* "" = any; "vast" or "tijdelijk" */
	enum people_sort sort;
	int descending;
	long today;            /* day number the ages and current contracts refer to */
	long limit, offset;    /* limit 0 = no limit */
};

struct person_row {
	int64_t id;
	int64_t board_id;          /* the employing board of this row's contract */
	int64_t employment_id;     /* the employment the row's contract belongs to */
	char board_name[128];
	char employee_number[32];
	char first_name[64], last_name[96];
	char birth_date[11];
	int age;
	char email[128];
	char contract_kind[12];
	double hours_per_year, fte;
	char salary_scale[8];
	int salary_step;
	char start_date[11], end_date[11];
	char schools[256];         /* "Name (0.6), Name (0.4)" */
	char qualifications[256];  /* "wi:eerstegraads, na:tweedegraads" */
};

struct person_list {
	struct person_row *rows;
	size_t n;
	long total;   /* matching rows before limit/offset */
};

/* Parse filter values from text ("<30", "30-44", ...; "naam", "leeftijd", ...). */
enum age_band people_age_band_parse(const char *s);
enum people_sort people_sort_parse(const char *s);
const char *people_sort_name(enum people_sort s);

/* The region with this id. SAMEN_ENOTFOUND if none. */
int people_region(struct db *db, int64_t id, struct region_info *out, struct samen_err *err);

/* All regions (admin), ordered by name. */
int people_regions(struct db *db, struct region_info **out, size_t *n, struct samen_err *err);

/* Boards of a region with their key figures on day `today`. */
int people_board_summaries(struct db *db, int64_t region_id, long today,
			   struct board_summary **out, size_t *n, struct samen_err *err);

/*
 * Distinct people with a contract in force on day `today` at any board of
 * the region: a person employed by two boards counts once here, while each
 * board's own headcount counts them too.
 */
int people_region_headcount(struct db *db, int64_t region_id, long today, long *out,
			    struct samen_err *err);

/* Schools of a region (board_id 0) or of one board, with headcount and FTE. */
int people_school_summaries(struct db *db, int64_t region_id, int64_t board_id, long today,
			    struct school_summary **out, size_t *n, struct samen_err *err);

/* Id and name of a board's schools, by name (for filter lists); no figures. */
struct school_name {
	int64_t id;
	char name[128];
};
int people_board_school_names(struct db *db, int64_t board_id, struct school_name **out,
			       size_t *n, struct samen_err *err);

/* One school with its figures. SAMEN_ENOTFOUND if none. */
int people_school(struct db *db, int64_t school_id, long today, struct school_summary *out,
		  struct samen_err *err);

/* One board's name; SAMEN_ENOTFOUND if none. */
int people_board(struct db *db, int64_t board_id, struct board_summary *out,
		 struct samen_err *err);

/* The staff list of one board with filters; out->rows owned by the caller. */
int people_list(struct db *db, const struct people_filter *f, struct person_list *out,
		struct samen_err *err);
void people_list_free(struct person_list *l);

/* Subjects (code, Dutch and English name) for filters, ordered by Dutch name. */
struct subject_info {
	char code[8], name_nl[64], name_en[64];
	int shortage;
};
int people_subjects(struct db *db, struct subject_info **out, size_t *n, struct samen_err *err);

/* Scope facts used by web/scope.c. Each sets *out to 0 or 1 (or an id). */
int people_board_employs(struct db *db, int64_t board_id, int64_t person_id, int *out,
			 struct samen_err *err);
int people_works_at_school(struct db *db, int64_t person_id, int64_t school_id, int *out,
			   struct samen_err *err);
int people_school_region(struct db *db, int64_t school_id, int64_t *region_id,
			 struct samen_err *err);
/* The boards employing a person (up to max); *n receives the count. */
int people_person_boards(struct db *db, int64_t person_id, int64_t *boards, size_t max,
			 size_t *n, struct samen_err *err);

#endif
