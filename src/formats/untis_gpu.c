/*
 * untis_gpu.c - Untis GPU004 and GPU001 readers (see untis_gpu.h): the
 * encoding is settled first (UTF-8 or Windows-1252 to UTF-8), rows come
 * through csvrows, every row is checked on its own into a scratch
 * timetable, coupled lines are merged, overlaps are looked for, and only a
 * file without problems is added to the caller's timetable.
 */
#include "formats/untis_gpu.h"
#include "formats/csvrows.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- encoding ------------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	size_t len;
	unsigned long cp;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return len;
}

static bool valid_utf8(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i = 0;
	while (i < len) {
		size_t k = utf8_seq(s + i, len - i);
		if (k == 0)
			return false;
		i += k;
	}
	return true;
}

static long line_at(const char *data, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n')
			line++;
	return line;
}

int untis_gpu_to_utf8(const char *data, size_t len, char **out, size_t *out_len,
		      struct samen_err *err)
{
	*out = NULL;
	*out_len = 0;
	if (len > UNTIS_GPU_MAX_BYTES)
		return samen_fail(err, SAMEN_ETOOBIG, "GPU file larger than %zu bytes",
				  UNTIS_GPU_MAX_BYTES);
	const char *nul = memchr(data, '\0', len);
	if (nul)
		return samen_fail_at(err, SAMEN_EINVAL, line_at(data, (size_t)(nul - data)),
				     "encoding", "NUL byte in a text file");
	if (valid_utf8(data, len)) {
		char *copy = malloc(len + 1);
		if (!copy)
			return samen_fail(err, SAMEN_ENOMEM, "out of memory");
		memcpy(copy, data, len);
		copy[len] = '\0';
		*out = copy;
		*out_len = len;
		return 0;
	}
	/* Not UTF-8: Windows-1252, where five bytes mean nothing. */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)
			return samen_fail_at(err, SAMEN_EINVAL, line_at(data, i), "encoding",
					     "byte 0x%02X is neither UTF-8 nor Windows-1252; save the "
					     "export as UTF-8 or ANSI",
					     c);
	}
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1)
		return samen_fail(err, SAMEN_EINTERNAL, "iconv cannot convert WINDOWS-1252");
	int rc = 0;
	size_t cap = len * 3 + 1; /* every Windows-1252 byte is at most 3 UTF-8 bytes */
	char *buf = malloc(cap);
	if (!buf) {
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto out;
	}
	char *in = (char *)data, *o = buf;
	size_t inleft = len, outleft = cap - 1;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		size_t off = (size_t)(in - data);
		rc = samen_fail_at(err, SAMEN_EINVAL, line_at(data, off), "encoding",
				   "byte 0x%02X cannot be read as Windows-1252",
				   off < len ? (unsigned char)data[off] : 0);
		free(buf);
		goto out;
	}
	*o = '\0';
	*out = buf;
	*out_len = (size_t)(o - buf);
out:
	iconv_close(cd);
	return rc;
}

/* ---- fields -------------------------------------------------------------------------- */

static const char *col(int nfields, char **fields, int n)
{
	return n <= nfields ? fields[n - 1] : "";
}

/* Copy src into dst (size bytes) or record a problem. 0 or SAMEN_EINVAL. */
static int copy_field(char *dst, size_t size, const char *src, long line, const char *name,
		      int column, struct timetable_problems *p, struct samen_err *err)
{
	if (strlen(src) >= size)
		return timetable_problem(p, err, line, name,
					 "'%.40s' is longer than %zu bytes (column %d)", src,
					 size - 1, column);
	snprintf(dst, size, "%s", src);
	return 0;
}

/* A whole-number field; empty gives SAMEN_ENOTFOUND, garbage SAMEN_EINVAL. */
static int number_field(const char *s, long *v)
{
	if (*s == '\0')
		return SAMEN_ENOTFOUND;
	char *end;
	errno = 0;
	long x = strtol(s, &end, 10);
	if (errno || *end != '\0' || end == s)
		return SAMEN_EINVAL;
	*v = x;
	return 0;
}

static int required_number(const char *s, long *v, long line, const char *name, int column,
			   struct timetable_problems *p, struct samen_err *err)
{
	int rc = number_field(s, v);
	if (rc == SAMEN_ENOTFOUND)
		return timetable_problem(p, err, line, name, "%s is missing (column %d)", name,
					 column);
	if (rc)
		return timetable_problem(p, err, line, name, "'%.40s' is not a whole number (column %d)",
					 s, column);
	return 0;
}

/* The separator: ';' as Untis writes by default, ',' when so configured (first line). */
static char sniff(const char *text, size_t len)
{
	return csvrows_sniff(text, len);
}

/* ---- GPU004 -------------------------------------------------------------------------- */

struct teachers_ctx {
	struct timetable scratch;
	const struct timetable *existing;
	struct timetable_problems *p;
	size_t problems;
	int bad;
};

static int on_teacher(void *vctx, long line, int nfields, char **fields, struct samen_err *err)
{
	struct teachers_ctx *c = vctx;
	const char *code = col(nfields, fields, 1);
	const char *last = col(nfields, fields, 2);
	const char *first = col(nfields, fields, 29);
	char code_buf[16];
	if (*code == '\0') {
		c->bad = 1;
		timetable_problem(c->p, err, line, "kuerzel", "teacher code is missing (column 1)");
		return 0;
	}
	if (copy_field(code_buf, sizeof code_buf, code, line, "kuerzel", 1, c->p, err)) {
		c->bad = 1;
		return 0;
	}
	const struct timetable_teacher *dup = timetable_find_teacher(&c->scratch, code_buf);
	if (!dup && c->existing)
		dup = timetable_find_teacher(c->existing, code_buf);
	if (dup) {
		c->bad = 1;
		timetable_problem(c->p, err, line, "kuerzel",
				  "teacher code '%s' appears twice (also on line %ld)", code_buf,
				  dup->line);
		return 0;
	}
	char name[128];
	int k = snprintf(name, sizeof name, "%s%s%s", first, *first && *last ? " " : "", last);
	if (k < 0 || (size_t)k >= sizeof name) {
		c->bad = 1;
		timetable_problem(c->p, err, line, "nachname",
				  "name is longer than %zu bytes (columns 29 and 2)", sizeof name - 1);
		return 0;
	}
	return timetable_add_teacher(&c->scratch, code_buf, name, line, err);
}

int untis_gpu_read_teachers(const char *data, size_t len, struct timetable *tt,
			    struct timetable_problems *p, struct samen_err *err)
{
	char *text = NULL;
	size_t tlen = 0;
	struct teachers_ctx c = {.existing = tt, .p = p};
	timetable_init(&c.scratch, TIMETABLE_UNTIS);
	samen_err_clear(err);
	int rc = untis_gpu_to_utf8(data, len, &text, &tlen, err);
	if (rc) {
		if (rc == SAMEN_EINVAL && err)
			timetable_problem(p, NULL, err->line, err->field, "%s", err->msg);
		goto out;
	}
	rc = csvrows_parse(text, tlen, sniff(text, tlen), on_teacher, &c, err);
	if (rc) {
		/* A CSV syntax error: the callbacks themselves stop only on ENOMEM. */
		if (rc == SAMEN_EINVAL && err)
			timetable_problem(p, NULL, err->line, err->field, "%s", err->msg);
		goto out;
	}
	if (c.bad) {
		rc = SAMEN_EINVAL;
		goto out;
	}
	if (c.scratch.nteachers == 0) {
		rc = timetable_problem(p, err, 0, "kuerzel", "GPU004 lists no teachers");
		goto out;
	}
	for (size_t i = 0; i < c.scratch.nteachers; i++) {
		const struct timetable_teacher *t = &c.scratch.teachers[i];
		rc = timetable_add_teacher(tt, t->code, t->name, t->line, err);
		if (rc) {
			tt->nteachers -= i; /* take none of this file */
			goto out;
		}
	}
out:
	free(text);
	timetable_free(&c.scratch);
	return rc;
}

/* ---- GPU001 -------------------------------------------------------------------------- */

struct lessons_ctx {
	struct timetable scratch;
	const struct timetable *tt;
	const struct bell_schedule *bells;
	struct timetable_problems *p;
	int bad;
};

static int on_lesson(void *vctx, long line, int nfields, char **fields, struct samen_err *err)
{
	struct lessons_ctx *c = vctx;
	struct timetable_problems *p = c->p;
	struct lesson l;
	memset(&l, 0, sizeof l);
	l.line = line;
	int bad = 0;
	long id = 0, weekday = 0, period = 0, minutes = 0;
	const char *teacher = col(nfields, fields, 3);
	if (*teacher == '\0')
		return 0; /* a lesson without a teacher occupies nobody */
	if (required_number(col(nfields, fields, 1), &id, line, "idUnterricht", 1, p, err))
		bad = 1;
	if (copy_field(l.class_name, sizeof l.class_name, col(nfields, fields, 2), line,
		       "klasse", 2, p, err))
		bad = 1;
	if (copy_field(l.teacher_code, sizeof l.teacher_code, teacher, line, "lehrer", 3, p,
		       err))
		bad = 1;
	else if (!timetable_find_teacher(c->tt, l.teacher_code)) {
		timetable_problem(p, err, line, "lehrer",
				  "teacher code '%s' is not in GPU004 (column 3)", l.teacher_code);
		bad = 1;
	}
	if (copy_field(l.subject, sizeof l.subject, col(nfields, fields, 4), line, "fach", 4, p,
		       err))
		bad = 1;
	if (copy_field(l.room, sizeof l.room, col(nfields, fields, 5), line, "raum", 5, p, err))
		bad = 1;
	if (required_number(col(nfields, fields, 6), &weekday, line, "wochentag", 6, p, err))
		bad = 1;
	else if (weekday < 1 || weekday > 5) {
		timetable_problem(p, err, line, "wochentag",
				  "weekday %ld is not 1 (Monday) .. 5 (Friday) (column 6)", weekday);
		bad = 1;
	}
	if (required_number(col(nfields, fields, 7), &period, line, "stunde", 7, p, err))
		bad = 1;
	else if (period < 1 || period > c->bells->nperiods) {
		timetable_problem(p, err, line, "stunde",
				  "period %ld is outside the bell schedule (periods 1-%d) (column 7)",
				  period, c->bells->nperiods);
		bad = 1;
	}
	int mrc = number_field(col(nfields, fields, 8), &minutes);
	if (mrc == SAMEN_EINVAL || (mrc == 0 && (minutes < 1 || minutes > 600))) {
		timetable_problem(p, err, line, "dauer",
				  "'%.40s' is not a length of 1..600 minutes (column 8)",
				  col(nfields, fields, 8));
		bad = 1;
	}
	if (bad) {
		c->bad = 1;
		return 0;
	}
	l.lesson_id = id;
	l.weekday = (int)weekday;
	l.period = (int)period;
	l.start_min = c->bells->start_min[period];
	l.end_min = mrc == 0 ? l.start_min + minutes : c->bells->end_min[period];
	if (l.end_min > 24 * 60) {
		c->bad = 1;
		timetable_problem(p, err, line, "dauer", "the lesson runs past midnight (column 8)");
		return 0;
	}
	return timetable_add_lesson(&c->scratch, &l, err);
}

/* Join s into list ("a~b") unless already there. 0, or -1 if it does not fit. */
static int join_code(char *list, size_t size, const char *s)
{
	if (*s == '\0')
		return 0;
	if (*list == '\0') {
		if (strlen(s) >= size)
			return -1;
		snprintf(list, size, "%s", s);
		return 0;
	}
	size_t n = strlen(s);
	for (const char *q = list; q;) {
		const char *t = strchr(q, '~');
		size_t k = t ? (size_t)(t - q) : strlen(q);
		if (k == n && memcmp(q, s, n) == 0)
			return 0;
		q = t ? t + 1 : NULL;
	}
	size_t have = strlen(list);
	if (have + 1 + n >= size)
		return -1;
	list[have] = '~';
	memcpy(list + have + 1, s, n + 1);
	return 0;
}

/* Merge coupled lines (same lesson, teacher, weekday, period) in place. */
static int merge_coupled(struct lessons_ctx *c, struct samen_err *err)
{
	struct timetable *s = &c->scratch;
	size_t w = 0;
	for (size_t i = 0; i < s->n; i++) {
		struct lesson *l = &s->lessons[i];
		size_t j = 0;
		for (; j < w; j++) {
			struct lesson *m = &s->lessons[j];
			if (m->lesson_id == l->lesson_id && m->weekday == l->weekday &&
			    m->period == l->period && strcmp(m->teacher_code, l->teacher_code) == 0)
				break;
		}
		if (j == w) {
			s->lessons[w++] = *l;
			continue;
		}
		struct lesson *m = &s->lessons[j];
		if (join_code(m->class_name, sizeof m->class_name, l->class_name) ||
		    join_code(m->room, sizeof m->room, l->room) ||
		    join_code(m->subject, sizeof m->subject, l->subject)) {
			c->bad = 1;
			timetable_problem(c->p, err, l->line, "klasse",
					  "coupled lesson %ld (with line %ld): the joined classes, "
					  "rooms or subjects do not fit",
					  l->lesson_id, m->line);
			continue;
		}
		if (l->end_min > m->end_min)
			m->end_min = l->end_min;
	}
	s->n = w;
	return 0;
}

int untis_gpu_read_lessons(const char *data, size_t len, const struct bell_schedule *bells,
			   struct timetable *tt, struct timetable_problems *p,
			   struct samen_err *err)
{
	char *text = NULL;
	size_t tlen = 0;
	struct lessons_ctx c = {.tt = tt, .bells = bells, .p = p};
	timetable_init(&c.scratch, TIMETABLE_UNTIS);
	samen_err_clear(err);
	int rc = bell_schedule_validate(bells, err);
	if (rc)
		goto out;
	rc = untis_gpu_to_utf8(data, len, &text, &tlen, err);
	if (rc) {
		if (rc == SAMEN_EINVAL && err)
			timetable_problem(p, NULL, err->line, err->field, "%s", err->msg);
		goto out;
	}
	rc = csvrows_parse(text, tlen, sniff(text, tlen), on_lesson, &c, err);
	if (rc) {
		/* A CSV syntax error: the callbacks themselves stop only on ENOMEM. */
		if (rc == SAMEN_EINVAL && err)
			timetable_problem(p, NULL, err->line, err->field, "%s", err->msg);
		goto out;
	}
	merge_coupled(&c, err);
	/* Overlaps among the good lines too, so one run names every problem. */
	rc = timetable_check_overlaps(&c.scratch, p, err);
	if (rc == 0 && c.bad)
		rc = SAMEN_EINVAL;
	if (rc)
		goto out;
	if (c.scratch.n == 0) {
		rc = timetable_problem(p, err, 0, "lehrer", "GPU001 has no lessons with a teacher");
		goto out;
	}
	size_t before = tt->n;
	for (size_t i = 0; i < c.scratch.n; i++) {
		rc = timetable_add_lesson(tt, &c.scratch.lessons[i], err);
		if (rc) {
			tt->n = before;
			goto out;
		}
	}
out:
	free(text);
	timetable_free(&c.scratch);
	return rc;
}

int untis_gpu_read(const char *gpu004, size_t len004, const char *gpu001, size_t len001,
		   const struct bell_schedule *bells, struct timetable *out,
		   struct timetable_problems *p, struct samen_err *err)
{
	timetable_init(out, TIMETABLE_UNTIS);
	int rc = untis_gpu_read_teachers(gpu004, len004, out, p, err);
	if (rc == 0)
		rc = untis_gpu_read_lessons(gpu001, len001, bells, out, p, err);
	if (rc)
		timetable_free(out);
	return rc;
}
