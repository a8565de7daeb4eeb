/*
 * facts_load.c - one region's data as the plain structs of core/indicators.h
 * and core/forecast.h (see facts.h). The main school and main subject of a
 * person are chosen in SQL with the rules of indicators.h.
 */
#include "store/facts.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOURS_PER_FTE 1659.0

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

void facts_data_free(struct facts_data *d)
{
	free(d->boards);
	free(d->schools);
	free(d->school_board);
	free(d->subjects);
	free(d->persons);
	free(d->fc);
	free(d->vacancies);
	free(d->aow);
	free(d->aow_strings);
	memset(d, 0, sizeof *d);
}

void facts_input(const struct facts_data *d, struct ind_input *in)
{
	memset(in, 0, sizeof *in);
	in->today = d->today;
	in->aow = d->aow;
	in->naow = d->naow;
	in->nboards = d->nboards;
	in->nschools = d->nschools;
	in->nsubjects = d->nsubjects;
	in->school_board = d->school_board;
	in->persons = d->persons;
	in->npersons = d->npersons;
	in->vacancies = d->vacancies;
	in->nvacancies = d->nvacancies;
}

int facts_subject_index(const struct facts_data *d, const char *code)
{
	for (int i = 0; code && i < d->nsubjects; i++)
		if (strcmp(d->subjects[i].code, code) == 0)
			return i;
	return -1;
}

static int board_index(const struct facts_data *d, int64_t id)
{
	for (int i = 0; i < d->nboards; i++)
		if (d->boards[i].id == id)
			return i;
	return -1;
}

/* Schools are loaded in id order, so a binary search finds them. */
static int school_index(const struct facts_data *d, int64_t id)
{
	int lo = 0, hi = d->nschools;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (d->schools[mid].id < id)
			lo = mid + 1;
		else if (d->schools[mid].id > id)
			hi = mid;
		else
			return mid;
	}
	return -1;
}

#define LEVEL_RANK "CASE q.level WHEN 'eerstegraads' THEN 0 WHEN 'tweedegraads' THEN 1" \
		   " WHEN 'beperkt_tweedegraads' THEN 2 ELSE 3 END"

static int load_people(struct db *db, struct facts_data *d, struct samen_err *err)
{
	char day[11];
	date_format(d->today, day);
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT e.board_id, p.birth_date, c.kind, c.hours_per_year,"
		" (SELECT a.school_id FROM assignment a WHERE a.employment_id = e.id"
		"   ORDER BY a.fte_share DESC, a.school_id LIMIT 1),"
		" (SELECT q.subject_code FROM qualification q WHERE q.person_id = e.person_id"
		"   ORDER BY " LEVEL_RANK ", q.subject_code LIMIT 1),"
		" (SELECT q.level FROM qualification q WHERE q.person_id = e.person_id"
		"   ORDER BY " LEVEL_RANK ", q.subject_code LIMIT 1),"
		" COALESCE(f.extra_hours_wanted, 0), COALESCE(f.starter, 0), COALESCE(f.zij_instromer, 0)"
		" FROM employment e JOIN board b ON b.id = e.board_id JOIN person p ON p.id = e.person_id"
		" JOIN contract c ON c.employment_id = e.id AND c.id = (SELECT c2.id FROM contract c2"
		"   WHERE c2.employment_id = e.id ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)"
		" LEFT JOIN staff_fact f ON f.employment_id = e.id"
		" WHERE b.region_id = $1 AND c.start_date <= $2 AND (c.end_date IS NULL OR c.end_date >= $2)"
		" ORDER BY e.id",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, d->region_id);
	db_bind_text(st, 2, day);
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if (d->npersons == cap) {
			size_t nc = cap ? cap * 2 : 256;
			struct ind_person *np = realloc(d->persons, nc * sizeof *np);
			if (np)
				d->persons = np;
			struct fc_person *nf = realloc(d->fc, nc * sizeof *nf);
			if (nf)
				d->fc = nf;
			if (!np || !nf) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			cap = nc;
		}
		struct ind_person *p = &d->persons[d->npersons];
		struct fc_person *f = &d->fc[d->npersons];
		memset(p, 0, sizeof *p);
		long line = (long)d->npersons + 1;
		p->board = board_index(d, db_col_int(st, 0));
		if (date_parse(db_col_text(st, 1), &p->birth)) {
			rc = samen_fail_at(err, SAMEN_EINVAL, line, "birth_date", "stored birth date '%s' is "
					   "not a date", db_col_text(st, 1));
			break;
		}
		p->temporary = strcmp(db_col_text(st, 2), "tijdelijk") == 0;
		p->fte = db_col_double(st, 3) / HOURS_PER_FTE;
		p->school = db_col_null(st, 4) ? -1 : school_index(d, db_col_int(st, 4));
		p->subject = db_col_null(st, 5) ? -1 : facts_subject_index(d, db_col_text(st, 5));
		p->benoembaar = strcmp(db_col_text(st, 6), "in_opleiding") == 0;
		p->extra_hours = db_col_double(st, 7);
		p->starter = db_col_int(st, 8) != 0;
		p->zij_instromer = db_col_int(st, 9) != 0;
		f->birth = p->birth;
		f->fte = p->fte;
		if ((rc = pension_age_date(d->aow, d->naow, p->birth, &f->aow, err)) != 0) {
			if (err)
				err->line = line;
			break;
		}
		d->npersons++;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static int load_vacancies(struct db *db, struct facts_data *d, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT v.board_id, COALESCE(v.school_id, 0), v.subject_code, v.hours_per_year,"
		" v.opened_on, COALESCE(v.closed_on, ''), v.status FROM vacancy v"
		" JOIN board b ON b.id = v.board_id WHERE b.region_id = $1 ORDER BY v.id",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, d->region_id);
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if (d->nvacancies == cap) {
			size_t nc = cap ? cap * 2 : 32;
			struct ind_vacancy *nv = realloc(d->vacancies, nc * sizeof *nv);
			if (!nv) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			d->vacancies = nv;
			cap = nc;
		}
		struct ind_vacancy *v = &d->vacancies[d->nvacancies];
		memset(v, 0, sizeof *v);
		v->board = board_index(d, db_col_int(st, 0));
		v->school = db_col_int(st, 1) ? school_index(d, db_col_int(st, 1)) : -1;
		v->subject = facts_subject_index(d, db_col_text(st, 2));
		v->fte = db_col_double(st, 3) / HOURS_PER_FTE;
		if (date_parse(db_col_text(st, 4), &v->opened) ||
		    (db_col_text(st, 5)[0] && date_parse(db_col_text(st, 5), &v->closed))) {
			rc = samen_fail(err, SAMEN_EINVAL, "stored vacancy dates are not dates");
			break;
		}
		v->filled = strcmp(db_col_text(st, 6), "filled") == 0;
		d->nvacancies++;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int facts_load(struct db *db, int64_t region_id, long today, struct facts_data *out,
	       struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	out->region_id = region_id;
	out->today = today;
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT code, name FROM region WHERE id = $1", &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	rc = db_step(st, err);
	if (rc == 1) {
		copy(out->region_code, sizeof out->region_code, db_col_text(st, 0));
		copy(out->region_name, sizeof out->region_name, db_col_text(st, 1));
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail(err, SAMEN_ENOTFOUND, "no such region");
	}
	db_finalize(st);
	if (rc)
		return rc;

	rc = facts_pension_rows(db, &out->aow, &out->naow, &out->aow_strings, err);
	if (rc)
		goto fail;
	/* Boards. */
	int cap = 0;
	rc = db_prepare(db, "SELECT id, bestuursnummer, name FROM board WHERE region_id = $1"
			    " ORDER BY name, id", &st, err);
	if (rc)
		goto fail;
	db_bind_int(st, 1, region_id);
	while ((rc = db_step(st, err)) == 1) {
		if (out->nboards == cap) {
			cap = cap ? cap * 2 : 8;
			struct facts_board *nb = realloc(out->boards, (size_t)cap * sizeof *nb);
			if (!nb) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			out->boards = nb;
		}
		struct facts_board *b = &out->boards[out->nboards++];
		b->id = db_col_int(st, 0);
		copy(b->bestuursnummer, sizeof b->bestuursnummer, db_col_text(st, 1));
		copy(b->name, sizeof b->name, db_col_text(st, 2));
	}
	db_finalize(st);
	if (rc < 0)
		goto fail;
	/* Schools, in id order. */
	cap = 0;
	rc = db_prepare(db, "SELECT s.id, s.board_id, s.brin, s.vestiging, s.name FROM school s"
			    " JOIN board b ON b.id = s.board_id WHERE b.region_id = $1 ORDER BY s.id",
			&st, err);
	if (rc)
		goto fail;
	db_bind_int(st, 1, region_id);
	while ((rc = db_step(st, err)) == 1) {
		if (out->nschools == cap) {
			cap = cap ? cap * 2 : 16;
			struct facts_school *ns = realloc(out->schools, (size_t)cap * sizeof *ns);
			int *nsb = realloc(out->school_board, (size_t)cap * sizeof *nsb);
			if (ns)
				out->schools = ns;
			if (nsb)
				out->school_board = nsb;
			if (!ns || !nsb) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
		}
		struct facts_school *s = &out->schools[out->nschools];
		s->id = db_col_int(st, 0);
		s->board = board_index(out, db_col_int(st, 1));
		copy(s->brin, sizeof s->brin, db_col_text(st, 2));
		copy(s->vestiging, sizeof s->vestiging, db_col_text(st, 3));
		copy(s->name, sizeof s->name, db_col_text(st, 4));
		out->school_board[out->nschools++] = s->board;
	}
	db_finalize(st);
	if (rc < 0)
		goto fail;
	/* Subjects, by code. */
	cap = 0;
	rc = db_prepare(db, "SELECT code, name_nl, name_en, shortage FROM subject ORDER BY code",
			&st, err);
	if (rc)
		goto fail;
	while ((rc = db_step(st, err)) == 1) {
		if (out->nsubjects == cap) {
			cap = cap ? cap * 2 : 32;
			struct facts_subject *nsj = realloc(out->subjects, (size_t)cap * sizeof *nsj);
			if (!nsj) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			out->subjects = nsj;
		}
		struct facts_subject *s = &out->subjects[out->nsubjects++];
		copy(s->code, sizeof s->code, db_col_text(st, 0));
		copy(s->name_nl, sizeof s->name_nl, db_col_text(st, 1));
		copy(s->name_en, sizeof s->name_en, db_col_text(st, 2));
		s->shortage = db_col_int(st, 3) != 0;
	}
	db_finalize(st);
	if (rc < 0)
		goto fail;
	if ((rc = load_people(db, out, err)) != 0 || (rc = load_vacancies(db, out, err)) != 0)
		goto fail;
	return 0;
fail:
	facts_data_free(out);
	return rc;
}
