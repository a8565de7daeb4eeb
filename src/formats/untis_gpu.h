/*
 * untis_gpu.h - reading Untis GPU text exports: GPU004 (teachers) and
 * GPU001 (timetable, one line per lesson slot) into a struct timetable.
 *
 * Layouts as documented by SVWS-NRW (docs/formats/timetables.md): no header
 * line, ';' between fields (',' when Untis was configured so; the separator
 * is taken from the first line), strings in double quotes, a trailing ';'
 * on every line, CRLF or LF line ends. The text is UTF-8 (with or without a
 * byte-order mark) or Windows-1252: a file that is valid UTF-8 is read as
 * such, any other file is converted from Windows-1252; a byte that is in
 * neither (0x81, 0x8D, 0x8F, 0x90, 0x9D, or NUL) refuses the file naming
 * the line. Each GPU001 lesson gets its clock times from the school's bell
 * schedule. Refused with line and field: a missing or malformed number,
 * a weekday outside 1..5, a period outside the bell schedule, a teacher
 * code that GPU004 does not list, a value too long for its field, and a
 * teacher in two lessons at the same time. Lines of one lesson number, one
 * teacher, one weekday and one period are one coupled lesson (Untis writes
 * a line per class); they are merged, their classes joined with '~'. A file
 * is taken whole or not at all.
 */
#ifndef SAMEN_UNTIS_GPU_H
#define SAMEN_UNTIS_GPU_H

#include <stddef.h>

#include "formats/timetable.h"
#include "util/err.h"

#define UNTIS_GPU_MAX_BYTES ((size_t)8 * 1024 * 1024)

/*
 * Bring len bytes of GPU text to UTF-8: valid UTF-8 is copied unchanged
 * (a BOM is kept; csvrows skips it), anything else is converted from
 * Windows-1252 with iconv. *out is a new NUL-terminated string (caller
 * frees) of *out_len bytes. SAMEN_EINVAL with the line (field "encoding")
 * for a NUL byte or a byte undefined in Windows-1252; SAMEN_ETOOBIG beyond
 * UNTIS_GPU_MAX_BYTES; SAMEN_ENOMEM; SAMEN_EINTERNAL if iconv lacks
 * WINDOWS-1252.
 */
int untis_gpu_to_utf8(const char *data, size_t len, char **out, size_t *out_len,
		      struct samen_err *err);

/*
 * Read GPU004 (teachers) into tt->teachers: column 1 kuerzel (required,
 * at most 15 bytes, unique), 2 nachname, 29 vorname; name = "vorname
 * nachname". Other columns are ignored. Problems go to p (may be NULL) and
 * the first to err; on failure tt is left as it was. SAMEN_EINVAL,
 * SAMEN_ETOOBIG, SAMEN_ENOMEM.
 */
int untis_gpu_read_teachers(const char *data, size_t len, struct timetable *tt,
			    struct timetable_problems *p, struct samen_err *err);

/*
 * Read GPU001 (lessons) into tt->lessons, checking teacher codes against
 * tt->teachers (read GPU004 first) and periods against bells: column 1
 * idUnterricht (number, required), 2 klasse, 3 lehrer (a line without a
 * teacher is skipped), 4 fach, 5 raum, 6 wochentag (1..5), 7 stunde
 * (1..bells->nperiods), 8 dauer (minutes, optional: end = start + dauer,
 * else the period's end). Then coupled lines are merged and overlaps are
 * refused. On failure tt's lessons are left as they were.
 */
int untis_gpu_read_lessons(const char *data, size_t len, const struct bell_schedule *bells,
			   struct timetable *tt, struct timetable_problems *p,
			   struct samen_err *err);

/*
 * Both in one: out (initialised here as an Untis timetable) gets the
 * teachers of gpu004 and the lessons of gpu001, or is left empty on any
 * failure. The caller frees out with timetable_free.
 */
int untis_gpu_read(const char *gpu004, size_t len004, const char *gpu001, size_t len001,
		   const struct bell_schedule *bells, struct timetable *out,
		   struct timetable_problems *p, struct samen_err *err);

#endif
