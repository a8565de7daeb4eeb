/*
 * zermelo.c - Zermelo appointments JSON reader (see zermelo.h): jansson
 * parses the file, each appointment is checked field by field into a
 * scratch timetable, overlaps are looked for, and only a file without
 * problems reaches the caller.
 */
#include "formats/zermelo.h"
#include "util/date.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Join the strings of array a with '~' into out; 0, or a problem. */
static int join_array(json_t *a, char *out, size_t size, size_t idx, const char *name,
		      struct timetable_problems *p, struct samen_err *err)
{
	out[0] = '\0';
	char field[64];
	snprintf(field, sizeof field, "data[%zu].%s", idx, name);
	if (!a)
		return 0;
	if (!json_is_array(a))
		return timetable_problem(p, err, 0, field, "must be an array of strings");
	size_t o = 0, i;
	json_t *v;
	json_array_foreach(a, i, v) {
		if (!json_is_string(v))
			return timetable_problem(p, err, 0, field,
						 "element %zu must be a string", i);
		const char *s = json_string_value(v);
		size_t n = strlen(s);
		if (o + (o ? 1 : 0) + n >= size)
			return timetable_problem(p, err, 0, field,
						 "the values joined with '~' are longer than %zu "
						 "bytes",
						 size - 1);
		if (o)
			out[o++] = '~';
		memcpy(out + o, s, n + 1);
		o += n;
	}
	return 0;
}

static int get_time(json_t *ap, const char *name, size_t idx, long long *v,
		    struct timetable_problems *p, struct samen_err *err)
{
	char field[64];
	snprintf(field, sizeof field, "data[%zu].%s", idx, name);
	json_t *t = json_object_get(ap, name);
	if (!t)
		return timetable_problem(p, err, 0, field, "is missing");
	if (!json_is_integer(t))
		return timetable_problem(p, err, 0, field, "must be Unix seconds (an integer)");
	*v = json_integer_value(t);
	return 0;
}

static int read_one(json_t *ap, size_t idx, const struct bell_schedule *bells,
		    struct timetable *s, struct timetable_problems *p, struct samen_err *err)
{
	char field[64];
	if (!json_is_object(ap)) {
		snprintf(field, sizeof field, "data[%zu]", idx);
		return timetable_problem(p, err, 0, field, "an appointment must be an object");
	}
	json_t *cancelled = json_object_get(ap, "cancelled");
	json_t *valid = json_object_get(ap, "valid");
	if (json_is_true(cancelled) || json_is_false(valid))
		return 0;
	int bad = 0;
	struct lesson l;
	memset(&l, 0, sizeof l);
	l.line = (long)idx;
	long long start = 0, end = 0;
	if (get_time(ap, "start", idx, &start, p, err))
		bad = 1;
	if (get_time(ap, "end", idx, &end, p, err))
		bad = 1;
	json_t *teachers = json_object_get(ap, "teachers");
	snprintf(field, sizeof field, "data[%zu].teachers", idx);
	if (!teachers) {
		timetable_problem(p, err, 0, field, "is missing (ask for fields=teachers)");
		bad = 1;
	} else if (!json_is_array(teachers)) {
		timetable_problem(p, err, 0, field, "must be an array of strings");
		bad = 1;
	}
	if (join_array(json_object_get(ap, "subjects"), l.subject, sizeof l.subject, idx,
		       "subjects", p, err))
		bad = 1;
	if (join_array(json_object_get(ap, "groups"), l.class_name, sizeof l.class_name, idx,
		       "groups", p, err))
		bad = 1;
	if (join_array(json_object_get(ap, "locations"), l.room, sizeof l.room, idx,
		       "locations", p, err))
		bad = 1;
	json_t *inst = json_object_get(ap, "appointmentInstance");
	if (!inst || json_is_null(inst))
		inst = json_object_get(ap, "id");
	if (inst && !json_is_null(inst)) {
		if (!json_is_integer(inst)) {
			snprintf(field, sizeof field, "data[%zu].appointmentInstance", idx);
			timetable_problem(p, err, 0, field, "must be an integer");
			bad = 1;
		} else {
			l.lesson_id = (long)json_integer_value(inst);
		}
	}
	if (bad)
		return SAMEN_EINVAL;

	long sday, smin, eday, emin;
	snprintf(field, sizeof field, "data[%zu].start", idx);
	if (timetable_amsterdam_local(start, &sday, &smin) ||
	    timetable_amsterdam_local(end, &eday, &emin))
		return timetable_problem(p, err, 0, field, "time outside the years 1900-2199");
	if (end <= start) {
		snprintf(field, sizeof field, "data[%zu].end", idx);
		return timetable_problem(p, err, 0, field, "end must be after start");
	}
	if (eday != sday && !(eday == sday + 1 && emin == 0)) {
		snprintf(field, sizeof field, "data[%zu].end", idx);
		return timetable_problem(p, err, 0, field, "the appointment ends on another day");
	}
	if (eday != sday)
		emin = 24 * 60;
	int wd = date_weekday(sday);
	if (wd > 5) {
		char d[11];
		date_format(sday, d);
		return timetable_problem(p, err, 0, field, "%s is a %s, not a school day", d,
					 wd == 6 ? "Saturday" : "Sunday");
	}
	l.date = sday;
	l.weekday = wd;
	l.start_min = smin;
	l.end_min = emin;
	json_t *slot = json_object_get(ap, "startTimeSlot");
	snprintf(field, sizeof field, "data[%zu].startTimeSlot", idx);
	if (slot && !json_is_null(slot)) {
		if (!json_is_integer(slot))
			return timetable_problem(p, err, 0, field, "must be an integer");
		json_int_t v = json_integer_value(slot);
		if (bells && (v < 1 || v > bells->nperiods))
			return timetable_problem(
				p, err, 0, field,
				"period %lld is outside the bell schedule (periods 1-%d)",
				(long long)v, bells->nperiods);
		if (v < 0 || v > 99)
			return timetable_problem(p, err, 0, field, "period %lld is not 0..99",
						 (long long)v);
		l.period = (int)v;
	} else if (bells) {
		for (int k = 1; k <= bells->nperiods; k++)
			if (bells->start_min[k] == smin)
				l.period = k;
	}

	size_t i;
	json_t *t;
	json_array_foreach(teachers, i, t) {
		snprintf(field, sizeof field, "data[%zu].teachers", idx);
		if (!json_is_string(t))
			return timetable_problem(p, err, 0, field, "element %zu must be a string",
						 i);
		const char *code = json_string_value(t);
		if (*code == '\0' || strlen(code) >= sizeof l.teacher_code)
			return timetable_problem(p, err, 0, field,
						 "teacher code '%.40s' must be 1..%zu bytes", code,
						 sizeof l.teacher_code - 1);
		snprintf(l.teacher_code, sizeof l.teacher_code, "%s", code);
		int rc = timetable_add_lesson(s, &l, err);
		if (rc)
			return rc;
		if (!timetable_find_teacher(s, code)) {
			rc = timetable_add_teacher(s, code, "", 0, err);
			if (rc)
				return rc;
		}
	}
	return 0;
}

int zermelo_read(const char *json, size_t len, const struct bell_schedule *bells,
		 struct timetable *out, struct timetable_problems *p, struct samen_err *err)
{
	timetable_init(out, TIMETABLE_ZERMELO);
	samen_err_clear(err);
	if (len > ZERMELO_MAX_BYTES)
		return samen_fail(err, SAMEN_ETOOBIG, "Zermelo file larger than %zu bytes",
				  ZERMELO_MAX_BYTES);
	if (bells) {
		int brc = bell_schedule_validate(bells, err);
		if (brc)
			return brc;
	}
	json_error_t jerr;
	json_t *root = json_loadb(json, len, 0, &jerr);
	if (!root)
		return timetable_problem(p, err, jerr.line, "json", "not valid JSON: %s", jerr.text);
	int rc = 0;
	json_t *data = root;
	if (json_is_object(root)) {
		json_t *resp = json_object_get(root, "response");
		data = resp ? json_object_get(resp, "data") : NULL;
	}
	if (!json_is_array(data)) {
		rc = timetable_problem(p, err, 0, "response.data",
				       "expected an array of appointments (response.data)");
		goto out;
	}
	int bad = 0;
	size_t i;
	json_t *ap;
	json_array_foreach(data, i, ap) {
		int r = read_one(ap, i, bells, out, p, err);
		if (r == SAMEN_EINVAL)
			bad = 1;
		else if (r) {
			rc = r;
			goto out;
		}
	}
	/* Overlaps among the good appointments too, so one run names every problem. */
	rc = timetable_check_overlaps(out, p, err);
	if (rc == 0 && bad)
		rc = SAMEN_EINVAL;
out:
	json_decref(root);
	if (rc)
		timetable_free(out);
	return rc;
}
