/*
 * timetable.h - the common result of Samen's timetable readers.
 *
 * Untis GPU exports (formats/untis_gpu.h) and Zermelo appointments
 * (formats/zermelo.h) are both read into one struct timetable: a list of
 * lessons (teacher code, subject, class, room, weekday, period, clock times)
 * and the teachers the file names. Clock times come from the school's bell
 * schedule (struct bell_schedule, a per-school setting written as
 * "1=08:30-09:20,2=09:20-10:10,...") for Untis, and from the appointment
 * itself for Zermelo. Problems found while reading are collected in a
 * struct timetable_problems (line or array index, field, reason) so that a
 * whole file can be refused with every reason at once; a reader fills its
 * timetable completely or leaves it empty. Teacher codes are mapped to
 * Samen's people with timetable_map_people, through a lookup callback per
 * school (no SQL here). The readers and the mapping clear err when they
 * start. See docs/formats/timetables.md.
 */
#ifndef SAMEN_TIMETABLE_H
#define SAMEN_TIMETABLE_H

#include <stdarg.h>
#include <stddef.h>

#include "util/err.h"

#define BELL_MAX_PERIODS 16
#define TIMETABLE_MAX_PROBLEMS 50

enum timetable_source {
	TIMETABLE_UNTIS = 1,   /* line = line in GPU001 (1-based) */
	TIMETABLE_ZERMELO = 2, /* line = index in the appointments array (0-based) */
};

struct lesson {
	char teacher_code[16];
	char subject[16];     /* several subjects joined with '~' */
	char class_name[32];  /* several classes joined with '~' (coupled lesson) */
	char room[16];        /* several rooms joined with '~'; "" = none */
	long lesson_id;       /* Untis idUnterricht; Zermelo appointmentInstance (or id) */
	int weekday;          /* 1 = Monday .. 5 = Friday */
	int period;           /* period of the bell schedule; 0 = not known (Zermelo only) */
	long start_min, end_min; /* local time, minutes after midnight */
	long date;            /* Zermelo: local day number (util/date.h); Untis: 0 (every week) */
	long line;            /* see enum timetable_source */
};

struct timetable_teacher {
	char code[16];
	char name[128];       /* "first last" as far as the file gives it; may be "" */
	long line;            /* GPU004 line, or 0 when only named by lessons */
};

struct timetable {
	enum timetable_source source;
	struct lesson *lessons;
	size_t n, cap;
	struct timetable_teacher *teachers;
	size_t nteachers, tcap;
};

struct timetable_problem {
	long line;            /* 1-based line, or 0 when the field names an array index */
	char field[64];
	char msg[256];
};

struct timetable_problems {
	struct timetable_problem items[TIMETABLE_MAX_PROBLEMS];
	size_t n;             /* problems found (only the first TIMETABLE_MAX_PROBLEMS kept) */
};

struct bell_schedule {
	int nperiods;                       /* periods 1..nperiods */
	long start_min[BELL_MAX_PERIODS + 1]; /* index = period; [0] unused */
	long end_min[BELL_MAX_PERIODS + 1];
	int lesson_minutes;                 /* the school's standard lesson length */
};

/* An empty timetable of the given source. Nothing to free yet. */
void timetable_init(struct timetable *tt, enum timetable_source source);

/* Free the lessons and teachers of tt and leave it empty (same source). */
void timetable_free(struct timetable *tt);

/* Append a copy of *l. SAMEN_ENOMEM. */
int timetable_add_lesson(struct timetable *tt, const struct lesson *l, struct samen_err *err);

/* Append a teacher (code and name are copied, truncated to their sizes). SAMEN_ENOMEM. */
int timetable_add_teacher(struct timetable *tt, const char *code, const char *name, long line,
			  struct samen_err *err);

/* The teacher with this code (exact, case-sensitive), or NULL. Borrowed. */
const struct timetable_teacher *timetable_find_teacher(const struct timetable *tt,
							const char *code);

/*
 * Record a problem (line, field, printf message) in p (may be NULL) and in
 * err (only the first problem goes into err). Returns SAMEN_EINVAL.
 */
int timetable_problem(struct timetable_problems *p, struct samen_err *err, long line,
		      const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/*
 * Find lessons of one teacher that overlap in time on the same weekday (and
 * date, for dated lessons). Each overlap is recorded as a problem at the
 * later line, naming the earlier one. Returns 0 or SAMEN_EINVAL
 * (SAMEN_ENOMEM).
 */
int timetable_check_overlaps(const struct timetable *tt, struct timetable_problems *p,
			     struct samen_err *err);

/*
 * Map every lesson's teacher to a person of Samen. fn(ctx, school_id, code,
 * &person_id) returns 0 with the person, SAMEN_ENOTFOUND for an unknown code,
 * or another negative code (returned as is). person_of_lesson has tt->n
 * entries (caller's memory) and is filled with the person per lesson. Every
 * unknown code is a problem naming the lesson's line (Untis) or array index
 * (Zermelo) and field "teacher"; then SAMEN_EINVAL.
 */
typedef int (*timetable_person_fn)(void *ctx, long school_id, const char *teacher_code,
				   long *person_id);
int timetable_map_people(const struct timetable *tt, long school_id, timetable_person_fn fn,
			 void *ctx, long *person_of_lesson, struct timetable_problems *p,
			 struct samen_err *err);

/*
 * Parse a bell schedule setting: comma-separated items "N=HH:MM-HH:MM" for
 * periods 1..n in order (each exactly once), and optionally "lesson=MM"
 * (standard lesson length in minutes, 1..240; default: the length of period
 * 1). Spaces around items are allowed. Validated with bell_schedule_validate.
 * SAMEN_EINVAL with field "bell_schedule" and the item's position.
 */
int bell_schedule_parse(const char *text, struct bell_schedule *out, struct samen_err *err);

/*
 * Check a bell schedule: 1..BELL_MAX_PERIODS periods, each start before its
 * end, within 00:00-24:00, each period starting at or after the end of the
 * previous one (increasing, no overlap); lesson_minutes 1..240. SAMEN_EINVAL.
 */
int bell_schedule_validate(const struct bell_schedule *b, struct samen_err *err);

/*
 * Write b in the setting syntax of bell_schedule_parse into out (size
 * bytes), e.g. "1=08:30-09:20,2=09:20-10:10,lesson=50". SAMEN_ETOOBIG if it
 * does not fit.
 */
int bell_schedule_format(const struct bell_schedule *b, char *out, size_t size,
			 struct samen_err *err);

/*
 * Europe/Amsterdam local time of a Unix timestamp (seconds, UTC): CET, and
 * CEST from the last Sunday of March 01:00 UTC to the last Sunday of
 * October 01:00 UTC. Gives the local day number (util/date.h) and minutes
 * after local midnight. Returns 0, or SAMEN_EINVAL outside 1900-2199.
 */
int timetable_amsterdam_local(long long unix_seconds, long *day, long *minute);

#endif
