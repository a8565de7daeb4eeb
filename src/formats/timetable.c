/*
 * timetable.c - the common timetable result, problems, overlap check,
 * mapping to people, bell schedules and Amsterdam local time (see
 * timetable.h).
 */
#include "formats/timetable.h"
#include "util/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void timetable_init(struct timetable *tt, enum timetable_source source)
{
	memset(tt, 0, sizeof *tt);
	tt->source = source;
}

void timetable_free(struct timetable *tt)
{
	enum timetable_source s = tt->source;
	free(tt->lessons);
	free(tt->teachers);
	timetable_init(tt, s);
}

int timetable_add_lesson(struct timetable *tt, const struct lesson *l, struct samen_err *err)
{
	if (tt->n == tt->cap) {
		size_t cap = tt->cap ? tt->cap * 2 : 64;
		struct lesson *p = realloc(tt->lessons, cap * sizeof *p);
		if (!p)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		tt->lessons = p;
		tt->cap = cap;
	}
	tt->lessons[tt->n++] = *l;
	return 0;
}

int timetable_add_teacher(struct timetable *tt, const char *code, const char *name, long line,
			  struct samen_err *err)
{
	if (tt->nteachers == tt->tcap) {
		size_t cap = tt->tcap ? tt->tcap * 2 : 32;
		struct timetable_teacher *p = realloc(tt->teachers, cap * sizeof *p);
		if (!p)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		tt->teachers = p;
		tt->tcap = cap;
	}
	struct timetable_teacher *t = &tt->teachers[tt->nteachers++];
	snprintf(t->code, sizeof t->code, "%s", code ? code : "");
	snprintf(t->name, sizeof t->name, "%s", name ? name : "");
	t->line = line;
	return 0;
}

const struct timetable_teacher *timetable_find_teacher(const struct timetable *tt,
							const char *code)
{
	for (size_t i = 0; i < tt->nteachers; i++)
		if (strcmp(tt->teachers[i].code, code) == 0)
			return &tt->teachers[i];
	return NULL;
}

int timetable_problem(struct timetable_problems *p, struct samen_err *err, long line,
		      const char *field, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	int first = 1;
	if (p) {
		first = p->n == 0;
		if (p->n < TIMETABLE_MAX_PROBLEMS) {
			struct timetable_problem *q = &p->items[p->n];
			q->line = line;
			snprintf(q->field, sizeof q->field, "%s", field ? field : "");
			snprintf(q->msg, sizeof q->msg, "%s", msg);
		}
		p->n++;
	} else if (err && err->code != 0) {
		first = 0;
	}
	if (first)
		samen_fail_at(err, SAMEN_EINVAL, line, field ? field : "", "%s", msg);
	return SAMEN_EINVAL;
}

/* ---- overlaps --------------------------------------------------------------------- */

static int by_teacher_time(const void *a, const void *b)
{
	const struct lesson *x = *(const struct lesson *const *)a;
	const struct lesson *y = *(const struct lesson *const *)b;
	int c = strcmp(x->teacher_code, y->teacher_code);
	if (c)
		return c;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->weekday != y->weekday)
		return x->weekday - y->weekday;
	if (x->start_min != y->start_min)
		return x->start_min < y->start_min ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static void lesson_where(const struct timetable *tt, const struct lesson *l, char *out,
			 size_t size)
{
	if (tt->source == TIMETABLE_ZERMELO)
		snprintf(out, size, "appointment %ld", l->line);
	else
		snprintf(out, size, "line %ld", l->line);
}

int timetable_check_overlaps(const struct timetable *tt, struct timetable_problems *p,
			     struct samen_err *err)
{
	if (tt->n < 2)
		return 0;
	const struct lesson **v = malloc(tt->n * sizeof *v);
	if (!v)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	for (size_t i = 0; i < tt->n; i++)
		v[i] = &tt->lessons[i];
	qsort(v, tt->n, sizeof *v, by_teacher_time);
	int rc = 0;
	size_t run = 0; /* lesson of the current teacher/day ending last so far */
	for (size_t i = 1; i < tt->n; i++) {
		const struct lesson *a = v[run], *b = v[i];
		if (strcmp(a->teacher_code, b->teacher_code) != 0 || a->date != b->date ||
		    a->weekday != b->weekday) {
			run = i;
			continue;
		}
		if (b->start_min < a->end_min) {
			const struct lesson *later = a->line > b->line ? a : b;
			const struct lesson *earlier = later == a ? b : a;
			char where[48];
			lesson_where(tt, earlier, where, sizeof where);
			char field[64];
			if (tt->source == TIMETABLE_ZERMELO)
				snprintf(field, sizeof field, "data[%ld].start", later->line);
			else
				snprintf(field, sizeof field, "stunde");
			rc = timetable_problem(
				p, err, tt->source == TIMETABLE_ZERMELO ? 0 : later->line, field,
				"teacher %s has two lessons at the same time: weekday %d, "
				"%02ld:%02ld-%02ld:%02ld overlaps the lesson of %s",
				later->teacher_code, later->weekday, later->start_min / 60,
				later->start_min % 60, later->end_min / 60, later->end_min % 60,
				where);
		}
		if (b->end_min > a->end_min)
			run = i;
	}
	free(v);
	return rc;
}

/* ---- people -------------------------------------------------------------------------- */

int timetable_map_people(const struct timetable *tt, long school_id, timetable_person_fn fn,
			 void *ctx, long *person_of_lesson, struct timetable_problems *p,
			 struct samen_err *err)
{
	samen_err_clear(err);
	int bad = 0;
	for (size_t i = 0; i < tt->n; i++) {
		const struct lesson *l = &tt->lessons[i];
		long person = 0;
		int rc = fn(ctx, school_id, l->teacher_code, &person);
		if (rc == SAMEN_ENOTFOUND) {
			if (tt->source == TIMETABLE_ZERMELO) {
				char field[64];
				snprintf(field, sizeof field, "data[%ld].teachers", l->line);
				timetable_problem(p, err, 0, field,
						  "teacher code '%s' is not known at this school",
						  l->teacher_code);
			} else {
				timetable_problem(p, err, l->line, "teacher",
						  "teacher code '%s' is not known at this school",
						  l->teacher_code);
			}
			bad = 1;
			person = 0;
		} else if (rc < 0) {
			return samen_fail(err, rc, "looking up teacher code '%s' failed",
					  l->teacher_code);
		}
		person_of_lesson[i] = person;
	}
	return bad ? SAMEN_EINVAL : 0;
}

/* ---- bell schedule ------------------------------------------------------------------- */

#define BELL_FAIL(...) samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule", __VA_ARGS__)

static const char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* "HH:MM" at *s (advanced); 0 or -1. */
static int parse_hhmm(const char **s, long *min)
{
	const char *p = *s;
	if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) || p[2] != ':' ||
	    !isdigit((unsigned char)p[3]) || !isdigit((unsigned char)p[4]))
		return -1;
	int h = (p[0] - '0') * 10 + (p[1] - '0'), m = (p[3] - '0') * 10 + (p[4] - '0');
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return -1;
	*min = h * 60L + m;
	*s = p + 5;
	return 0;
}

int bell_schedule_parse(const char *text, struct bell_schedule *out, struct samen_err *err)
{
	struct bell_schedule b;
	memset(&b, 0, sizeof b);
	if (!text)
		text = "";
	const char *s = text;
	int item = 0;
	while (1) {
		item++;
		s = skip_spaces(s);
		if (strncmp(s, "lesson=", 7) == 0) {
			char *end;
			long v = strtol(s + 7, &end, 10);
			if (end == s + 7 || v < 1 || v > 240)
				return BELL_FAIL("item %d: lesson length must be 1..240 minutes", item);
			b.lesson_minutes = (int)v;
			s = end;
		} else {
			char *end;
			long n = strtol(s, &end, 10);
			if (end == s || *end != '=')
				return BELL_FAIL("item %d: expected N=HH:MM-HH:MM or lesson=MM", item);
			if (n != b.nperiods + 1)
				return BELL_FAIL("item %d: periods must be numbered 1, 2, 3, ... in "
						 "order", item);
			if (n > BELL_MAX_PERIODS)
				return BELL_FAIL("item %d: more than %s periods", item, "16");
			s = end + 1;
			long from, to;
			if (parse_hhmm(&s, &from) != 0 || *s != '-')
				return BELL_FAIL("item %d: bad start time", item);
			s++;
			if (parse_hhmm(&s, &to) != 0)
				return BELL_FAIL("item %d: bad end time", item);
			b.nperiods = (int)n;
			b.start_min[n] = from;
			b.end_min[n] = to;
		}
		s = skip_spaces(s);
		if (*s == '\0')
			break;
		if (*s != ',')
			return BELL_FAIL("item %d: expected ',' after the item", item);
		s++;
	}
	if (b.lesson_minutes == 0 && b.nperiods > 0)
		b.lesson_minutes = (int)(b.end_min[1] - b.start_min[1]);
	int rc = bell_schedule_validate(&b, err);
	if (rc)
		return rc;
	*out = b;
	return 0;
}

int bell_schedule_validate(const struct bell_schedule *b, struct samen_err *err)
{
	if (b->nperiods < 1 || b->nperiods > BELL_MAX_PERIODS)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule",
				     "a bell schedule has 1..%d periods, not %d", BELL_MAX_PERIODS,
				     b->nperiods);
	for (int i = 1; i <= b->nperiods; i++) {
		if (b->start_min[i] < 0 || b->end_min[i] > 24 * 60 ||
		    b->start_min[i] >= b->end_min[i])
			return samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule",
					     "period %d must start before it ends", i);
		if (i > 1 && b->start_min[i] < b->end_min[i - 1])
			return samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule",
					     "period %d starts before period %d ends", i, i - 1);
	}
	if (b->lesson_minutes < 1 || b->lesson_minutes > 240)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "bell_schedule",
				     "lesson length must be 1..240 minutes, not %d",
				     b->lesson_minutes);
	return 0;
}

int bell_schedule_format(const struct bell_schedule *b, char *out, size_t size,
			 struct samen_err *err)
{
	size_t o = 0;
	for (int i = 1; i <= b->nperiods; i++) {
		int k = snprintf(out + o, size - o, "%s%d=%02ld:%02ld-%02ld:%02ld", i > 1 ? "," : "",
				 i, b->start_min[i] / 60, b->start_min[i] % 60, b->end_min[i] / 60,
				 b->end_min[i] % 60);
		if (k < 0 || (size_t)k >= size - o)
			return samen_fail(err, SAMEN_ETOOBIG, "bell schedule does not fit");
		o += (size_t)k;
	}
	int k = snprintf(out + o, size - o, "%slesson=%d", o ? "," : "", b->lesson_minutes);
	if (k < 0 || (size_t)k >= size - o)
		return samen_fail(err, SAMEN_ETOOBIG, "bell schedule does not fit");
	return 0;
}

/* ---- Amsterdam local time -------------------------------------------------------------- */

static long last_sunday(int year, int month)
{
	long d = date_days(year, month, 31);
	return d - date_weekday(d) % 7;
}

static long long floor_div(long long a, long long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

int timetable_amsterdam_local(long long unix_seconds, long *day, long *minute)
{
	long epoch = date_days(1970, 1, 1);
	long utc_day = (long)floor_div(unix_seconds, 86400) + epoch;
	int y, mo, d;
	date_civil(utc_day, &y, &mo, &d);
	if (y < 1900 || y > 2199)
		return SAMEN_EINVAL;
	long long rel = unix_seconds + (long long)epoch * 86400; /* seconds since day 0 */
	long long summer_from = (long long)last_sunday(y, 3) * 86400 + 3600;
	long long summer_to = (long long)last_sunday(y, 10) * 86400 + 3600;
	long long local = rel + (rel >= summer_from && rel < summer_to ? 7200 : 3600);
	long long ld = floor_div(local, 86400);
	*day = (long)ld;
	*minute = (long)((local - ld * 86400) / 60);
	return 0;
}
