/*
 * facts_duo.c - DUO open data in the database: the all-or-nothing import of
 * one parsed file and the reads the fact base needs (see facts.h). Masked
 * values are stored as NULL: unknown, never 0.
 */
#include "store/audit.h"
#include "store/facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DUO_LICENCE "CC-BY 4.0 (Dienst Uitvoering Onderwijs)"

static int bind_run(struct db_stmt *st, struct samen_err *err)
{
	int rc = db_step(st, err);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

static int import_rows(struct db *db, const struct duo_file *f, int64_t src,
		       struct duo_import_stats *s, struct samen_err *err)
{
	struct db_stmt *st = NULL;
	int rc = 0;
	switch (f->kind) {
	case DUO_LOCATIONS:
		rc = db_prepare(db,
			"INSERT INTO duo_location (brin, vestiging, bestuursnummer, name, street, postcode,"
			" city, municipality_code, municipality, province, denomination, structure,"
			" source_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
			" ON CONFLICT (brin, vestiging) DO UPDATE SET bestuursnummer = excluded.bestuursnummer,"
			" name = excluded.name, street = excluded.street, postcode = excluded.postcode,"
			" city = excluded.city, municipality_code = excluded.municipality_code,"
			" municipality = excluded.municipality, province = excluded.province,"
			" denomination = excluded.denomination, structure = excluded.structure,"
			" source_id = excluded.source_id",
			&st, err);
		for (size_t i = 0; rc == 0 && i < f->n; i++) {
			const struct duo_location *l = &f->locations[i];
			const char *v[] = {l->brin, l->vestiging, l->bestuursnummer, l->name, l->street,
					   l->postcode, l->city, l->municipality_code, l->municipality,
					   l->province, l->denomination, l->structure};
			for (int k = 0; k < 12; k++)
				db_bind_text(st, k + 1, v[k]);
			db_bind_int(st, 13, src);
			rc = bind_run(st, err);
			s->stored++;
		}
		break;
	case DUO_BOARDS:
		rc = db_prepare(db,
			"INSERT INTO duo_board (bestuursnummer, name, city, denomination, kvk, source_id)"
			" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (bestuursnummer) DO UPDATE SET"
			" name = excluded.name, city = excluded.city, denomination = excluded.denomination,"
			" kvk = excluded.kvk, source_id = excluded.source_id",
			&st, err);
		for (size_t i = 0; rc == 0 && i < f->n; i++) {
			const struct duo_board *b = &f->boards[i];
			db_bind_text(st, 1, b->bestuursnummer);
			db_bind_text(st, 2, b->name);
			db_bind_text(st, 3, b->city);
			db_bind_text(st, 4, b->denomination);
			db_bind_text(st, 5, b->kvk);
			db_bind_int(st, 6, src);
			rc = bind_run(st, err);
			s->stored++;
		}
		break;
	case DUO_PUPILS:
		rc = db_prepare(db,
			"INSERT INTO duo_pupils (brin, vestiging, year, known, masked, source_id)"
			" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (brin, vestiging, year) DO UPDATE"
			" SET known = excluded.known, masked = excluded.masked, source_id = excluded.source_id",
			&st, err);
		for (size_t i = 0; rc == 0 && i < f->n; i++) {
			const struct duo_pupils *p = &f->pupils[i];
			db_bind_text(st, 1, p->brin);
			db_bind_text(st, 2, p->vestiging);
			db_bind_int(st, 3, p->year);
			db_bind_int(st, 4, p->known);
			db_bind_int(st, 5, p->masked);
			db_bind_int(st, 6, src);
			rc = bind_run(st, err);
			s->stored++;
			s->masked += p->masked;
		}
		break;
	case DUO_PROGNOSES:
		rc = db_prepare(db,
			"INSERT INTO duo_prognosis (brin, level, year, count, source_id)"
			" VALUES ($1, $2, $3, $4, $5) ON CONFLICT (brin, level, year) DO UPDATE"
			" SET count = excluded.count, source_id = excluded.source_id",
			&st, err);
		for (size_t i = 0; rc == 0 && i < f->n; i++) {
			const struct duo_prognosis *p = &f->prognoses[i];
			db_bind_text(st, 1, p->brin);
			db_bind_text(st, 2, p->level);
			db_bind_int(st, 3, p->year);
			if (p->masked)
				db_bind_null(st, 4);
			else
				db_bind_int(st, 4, p->count);
			db_bind_int(st, 5, src);
			rc = bind_run(st, err);
			s->stored++;
			s->masked += p->masked;
		}
		break;
	case DUO_PERSONNEL: {
		/* Replace what an earlier file said about the same board/institution and year. */
		struct db_stmt *del = NULL;
		rc = db_prepare(db,
			"DELETE FROM duo_personnel WHERE bestuursnummer = $1 AND brin = $2 AND year = $3",
			&del, err);
		for (size_t i = 0; rc == 0 && i < f->n; i++) {
			const struct duo_personnel *p = &f->personnel[i];
			db_bind_text(del, 1, p->bestuursnummer);
			db_bind_text(del, 2, p->brin);
			db_bind_int(del, 3, p->year);
			rc = bind_run(del, err);
		}
		db_finalize(del);
		if (rc == 0)
			rc = db_prepare(db,
				"INSERT INTO duo_personnel (bestuursnummer, brin, functiegroep, year, persons,"
				" fte, avg_age, source_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
				&st, err);
		for (size_t i = 0; rc == 0 && i < f->n; i++) {
			const struct duo_personnel *p = &f->personnel[i];
			db_bind_text(st, 1, p->bestuursnummer);
			db_bind_text(st, 2, p->brin);
			db_bind_text(st, 3, p->functiegroep);
			db_bind_int(st, 4, p->year);
			if (p->has_persons && !p->persons_masked)
				db_bind_double(st, 5, p->persons);
			else
				db_bind_null(st, 5);
			if (p->has_fte && !p->fte_masked)
				db_bind_double(st, 6, p->fte);
			else
				db_bind_null(st, 6);
			if (p->has_age && !p->age_masked)
				db_bind_double(st, 7, p->avg_age);
			else
				db_bind_null(st, 7);
			db_bind_int(st, 8, src);
			rc = bind_run(st, err);
			s->stored++;
			s->masked += p->persons_masked + p->fte_masked + p->age_masked;
		}
		break;
	}
	default:
		rc = samen_fail(err, SAMEN_EINVAL, "unknown DUO file kind");
	}
	db_finalize(st);
	return rc;
}

int facts_duo_import(struct db *db, const struct duo_file *f, const char *name,
		     const char *actor, struct duo_import_stats *stats, struct samen_err *err)
{
	struct duo_import_stats s = {0};
	s.rows = f->rows;
	s.blank_cells = f->blank_cells;
	char detail[160];
	snprintf(detail, sizeof detail, "DUO %s file, %s column names, '%c', %ld rows%s",
		 duo_kind_name(f->kind), f->generation == 1 ? "old" : f->generation == 2 ? "new" : "no BRIN",
		 f->delim, f->rows, f->latin1 ? ", Latin-1" : "");
	char now[21];
	audit_now(now);
	int rc = db_begin(db, err);
	if (rc)
		return rc;
	struct db_stmt *st;
	rc = db_prepare(db,
		"INSERT INTO fact_source (region_id, kind, name, licence, supplier, supplied_at, detail)"
		" VALUES (NULL, 'duo', $1, $2, $3, $4, $5) RETURNING id",
		&st, err);
	if (rc == 0) {
		db_bind_text(st, 1, name);
		db_bind_text(st, 2, DUO_LICENCE);
		db_bind_text(st, 3, actor);
		db_bind_text(st, 4, now);
		db_bind_text(st, 5, detail);
		rc = db_step(st, err);
		if (rc == 1) {
			s.source_id = db_col_int(st, 0);
			rc = 0;
		} else if (rc == 0) {
			rc = samen_fail(err, SAMEN_EDB, "no id for the DUO source");
		}
		db_finalize(st);
	}
	if (rc == 0)
		rc = import_rows(db, f, s.source_id, &s, err);
	if (rc == 0)
		rc = facts_version_bump(db, err);
	if (rc == 0)
		rc = audit_add(db, 0, actor, "facts.duo_import", "fact_source", name, 0, detail, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	rc = db_commit(db, err);
	if (rc == 0 && stats)
		*stats = s;
	return rc;
}

int facts_pupils(struct db *db, int64_t region_id, struct pupil_row **out, size_t *n,
		 struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
		"SELECT s.id, p.year, p.known, p.masked FROM school s JOIN board b ON b.id = s.board_id"
		" JOIN duo_pupils p ON p.brin = s.brin AND p.vestiging = s.vestiging"
		" WHERE b.region_id = $1 ORDER BY s.id, p.year",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			struct pupil_row *p = realloc(*out, nc * sizeof *p);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			*out = p;
			cap = nc;
		}
		struct pupil_row *p = &(*out)[(*n)++];
		p->school_id = db_col_int(st, 0);
		p->year = (int)db_col_int(st, 1);
		p->known = (long)db_col_int(st, 2);
		p->masked = (long)db_col_int(st, 3);
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}

int facts_prognosis(struct db *db, int64_t region_id, int *years, double *counts, size_t max,
		    size_t *n, struct samen_err *err)
{
	*n = 0;
	struct db_stmt *st;
	/* A year counts only when none of its entries is masked (COUNT(count) = COUNT(*)). */
	int rc = db_prepare(db,
		"SELECT g.year, SUM(g.count), COUNT(g.count), COUNT(*) FROM duo_prognosis g"
		" WHERE g.brin IN (SELECT s.brin FROM school s JOIN board b ON b.id = s.board_id"
		" WHERE b.region_id = $1) GROUP BY g.year ORDER BY g.year",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	while ((rc = db_step(st, err)) == 1) {
		if (db_col_int(st, 2) != db_col_int(st, 3) || *n >= max)
			continue;
		years[*n] = (int)db_col_int(st, 0);
		counts[*n] = db_col_double(st, 1);
		(*n)++;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int facts_duo_staff(struct db *db, int64_t region_id, struct duo_staff_row **out, size_t *n,
		    struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	/*
	 * Teaching staff of each board in the latest year DUO has for it. A year
	 * with any masked (NULL) figure for the board is "unknown" as a whole.
	 */
	int rc = db_prepare(db,
		"SELECT b.id, d.year, SUM(d.persons), SUM(d.fte), COUNT(d.persons), COUNT(*),"
		" COUNT(d.fte) FROM board b JOIN duo_personnel d ON d.bestuursnummer = b.bestuursnummer"
		" AND d.functiegroep = 'Onderwijsgevend personeel' AND d.year = (SELECT MAX(d2.year)"
		" FROM duo_personnel d2 WHERE d2.bestuursnummer = b.bestuursnummer)"
		" WHERE b.region_id = $1 GROUP BY b.id, d.year ORDER BY b.id",
		&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct duo_staff_row *p = realloc(*out, nc * sizeof *p);
			if (!p) {
				rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
				break;
			}
			*out = p;
			cap = nc;
		}
		struct duo_staff_row *r = &(*out)[(*n)++];
		r->board_id = db_col_int(st, 0);
		r->year = (int)db_col_int(st, 1);
		r->known = db_col_int(st, 4) == db_col_int(st, 5);
		r->persons = r->known ? db_col_double(st, 2) : 0;
		r->fte = db_col_int(st, 6) == db_col_int(st, 5) ? db_col_double(st, 3) : -1;
	}
	db_finalize(st);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return 0;
}
