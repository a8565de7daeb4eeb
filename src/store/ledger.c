/*
 * store/ledger.c - settings, salary tables, parties, periods, lines and
 * the settlement of the cost ledger in the database (see store/ledger.h).
 */
#include "store/ledger.h"
#include "util/vec.h"
#include "store/audit.h"
#include "util/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LATE_MONTHS 240 /* how far a late correction may look for an open month */

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static const char *who_name(const struct secondment_actor *who)
{
	return who && who->name ? who->name : "cli";
}

static int audit(struct db *db, const struct secondment_actor *who, const char *action,
		 const char *type, const char *id, int64_t board, const char *detail,
		 struct samen_err *err)
{
	return audit_add(db, who ? who->user_id : 0, who_name(who), action, type, id, board, detail,
			 err);
}

static int finish(struct db *db, int rc, struct samen_err *err)
{
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

static int step_done(struct db_stmt *st, struct samen_err *err)
{
	int rc = db_step(st, err);
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

/* ---- settings ---- */

static const struct {
	const char *key;
	int64_t min, max;
} setting_keys[] = {
	{"vat.rate_bp", 0, 10000},
	{"vat.margin_bp", 0, 10000},
	{"vat.review_months", 0, 120},
	{"secondment.weeks_per_year", 30, 52},
};

int store_ledger_setting(struct db *db, const char *key, int64_t *value, struct samen_err *err)
{
	const char *p[] = {key};
	int rc = db_query_int(db, "SELECT value FROM ledger_setting WHERE key = $1", 1, p, value, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_ENOTFOUND, 0, "key", "unknown setting '%.40s'", key);
	return rc;
}

int store_ledger_settings(struct db *db, struct ledger_setting_row **out, size_t *n,
			  struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT key, value, note, updated_at, updated_by FROM ledger_setting"
			    " ORDER BY key",
			    &st, err);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		struct ledger_setting_row *r = &(*out)[(*n)++];
		copy(r->key, sizeof r->key, db_col_text(st, 0));
		r->value = db_col_int(st, 1);
		copy(r->note, sizeof r->note, db_col_text(st, 2));
		copy(r->updated_at, sizeof r->updated_at, db_col_text(st, 3));
		copy(r->updated_by, sizeof r->updated_by, db_col_text(st, 4));
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

int store_ledger_setting_set(struct db *db, const char *key, int64_t value,
			     const struct secondment_actor *who, struct samen_err *err)
{
	size_t i = 0;
	while (i < sizeof setting_keys / sizeof setting_keys[0] && strcmp(setting_keys[i].key, key))
		i++;
	if (i == sizeof setting_keys / sizeof setting_keys[0])
		return samen_fail_at(err, SAMEN_EINVAL, 0, "key", "unknown setting '%.40s'", key);
	if (value < setting_keys[i].min || value > setting_keys[i].max)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "value", "%s must be %lld to %lld", key,
				     (long long)setting_keys[i].min, (long long)setting_keys[i].max);
	int64_t old;
	int rc = store_ledger_setting(db, key, &old, err);
	if (rc)
		return rc;
	char now[21], detail[96];
	audit_now(now);
	snprintf(detail, sizeof detail, "%s: %lld -> %lld", key, (long long)old, (long long)value);
	rc = db_begin(db, err);
	if (rc)
		return rc;
	struct db_stmt *st;
	rc = db_prepare(db,
			"UPDATE ledger_setting SET value = $1, updated_at = $2, updated_by = $3"
			" WHERE key = $4",
			&st, err);
	if (rc == 0) {
		db_bind_int(st, 1, value);
		db_bind_text(st, 2, now);
		db_bind_text(st, 3, who_name(who));
		db_bind_text(st, 4, key);
		rc = step_done(st, err);
	}
	if (rc == 0)
		rc = audit(db, who, "ledger.setting", "setting", key, 0, detail, err);
	return finish(db, rc, err);
}

int store_ledger_vat_settings(struct db *db, struct vat_settings *out, struct samen_err *err)
{
	int64_t rate, margin;
	int rc = store_ledger_setting(db, "vat.rate_bp", &rate, err);
	if (rc == 0)
		rc = store_ledger_setting(db, "vat.margin_bp", &margin, err);
	if (rc == 0) {
		out->rate_bp = (int32_t)rate;
		out->margin_bp = (int32_t)margin;
	}
	return rc;
}

/* ---- parties ---- */

int store_ledger_party_get(struct db *db, int64_t board_id, struct ledger_party *out,
			   struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT b.id, b.name, b.bestuursnummer, COALESCE(p.kind, 'bestuur'),"
			    " COALESCE(p.kvk, ''), COALESCE(p.vat_id, ''), COALESCE(p.iban, ''),"
			    " COALESCE(p.street, ''), COALESCE(p.postcode, ''), COALESCE(p.city, ''),"
			    " COALESCE(p.email, ''), COALESCE(p.waadi_registered, 0),"
			    " COALESCE(p.waadi_checked_on, ''), COALESCE(p.wtta_admission, ''),"
			    " COALESCE(p.wtta_exemption_basis, '')"
			    " FROM board b LEFT JOIN ledger_party p ON p.board_id = b.id WHERE b.id = $1",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, board_id);
	rc = db_step(st, err);
	if (rc == 1) {
		out->board_id = db_col_int(st, 0);
		copy(out->name, sizeof out->name, db_col_text(st, 1));
		copy(out->number, sizeof out->number, db_col_text(st, 2));
		out->is_swv = strcmp(db_col_text(st, 3), "swv") == 0;
		copy(out->kvk, sizeof out->kvk, db_col_text(st, 4));
		copy(out->vat_id, sizeof out->vat_id, db_col_text(st, 5));
		copy(out->iban, sizeof out->iban, db_col_text(st, 6));
		copy(out->street, sizeof out->street, db_col_text(st, 7));
		copy(out->postcode, sizeof out->postcode, db_col_text(st, 8));
		copy(out->city, sizeof out->city, db_col_text(st, 9));
		copy(out->email, sizeof out->email, db_col_text(st, 10));
		out->waadi_registered = db_col_int(st, 11) != 0;
		copy(out->waadi_checked_on, sizeof out->waadi_checked_on, db_col_text(st, 12));
		copy(out->wtta_admission, sizeof out->wtta_admission, db_col_text(st, 13));
		copy(out->wtta_exemption_basis, sizeof out->wtta_exemption_basis, db_col_text(st, 14));
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail_at(err, SAMEN_ENOTFOUND, 0, "board", "unknown board %lld",
				   (long long)board_id);
	}
	db_finalize(st);
	return rc;
}

static bool digits_only(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);
	if (n < min || n > max)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 == 1. */
static bool iban_valid(const char *iban)
{
	size_t n = strlen(iban);
	if (n < 15 || n > 34)
		return false;
	int mod = 0;
	for (size_t k = 0; k < n; k++) {
		char c = iban[(k + 4) % n];
		if (isdigit((unsigned char)c))
			mod = (mod * 10 + (c - '0')) % 97;
		else if (isupper((unsigned char)c))
			mod = (mod * 100 + (c - 'A' + 10)) % 97;
		else
			return false;
	}
	return mod == 1;
}

int store_ledger_party_set(struct db *db, const struct ledger_party *p,
			   const struct secondment_actor *who, struct samen_err *err)
{
	struct ledger_party cur;
	int rc = store_ledger_party_get(db, p->board_id, &cur, err);
	if (rc)
		return rc;
	if (p->kvk[0] && !digits_only(p->kvk, 8, 8))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "kvk", "a KvK number has 8 digits");
	if (p->iban[0] && !iban_valid(p->iban))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "iban",
				     "'%.34s' is not a valid IBAN (capitals, no spaces)", p->iban);
	if (p->vat_id[0] && (strlen(p->vat_id) < 4 || !isupper((unsigned char)p->vat_id[0]) ||
			     !isupper((unsigned char)p->vat_id[1])))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "vat_id",
				     "a VAT number starts with the country code (NL...)");
	long d;
	if (p->waadi_checked_on[0] && date_parse(p->waadi_checked_on, &d))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "waadi_checked_on",
				     "the Waadi check date must be YYYY-MM-DD");
	char now[21], idtxt[24];
	audit_now(now);
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)p->board_id);
	rc = db_begin(db, err);
	if (rc)
		return rc;
	struct db_stmt *st;
	rc = db_prepare(db,
			"INSERT INTO ledger_party (board_id, kind, kvk, vat_id, iban, street, postcode,"
			" city, email, waadi_registered, waadi_checked_on, wtta_admission,"
			" wtta_exemption_basis, updated_at, updated_by)"
			" VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)"
			" ON CONFLICT (board_id) DO UPDATE SET kind = excluded.kind, kvk = excluded.kvk,"
			" vat_id = excluded.vat_id, iban = excluded.iban, street = excluded.street,"
			" postcode = excluded.postcode, city = excluded.city, email = excluded.email,"
			" waadi_registered = excluded.waadi_registered,"
			" waadi_checked_on = excluded.waadi_checked_on,"
			" wtta_admission = excluded.wtta_admission,"
			" wtta_exemption_basis = excluded.wtta_exemption_basis,"
			" updated_at = excluded.updated_at, updated_by = excluded.updated_by",
			&st, err);
	if (rc == 0) {
		db_bind_int(st, 1, p->board_id);
		db_bind_text(st, 2, p->is_swv ? "swv" : "bestuur");
		db_bind_text(st, 3, p->kvk);
		db_bind_text(st, 4, p->vat_id);
		db_bind_text(st, 5, p->iban);
		db_bind_text(st, 6, p->street);
		db_bind_text(st, 7, p->postcode);
		db_bind_text(st, 8, p->city);
		db_bind_text(st, 9, p->email);
		db_bind_int(st, 10, p->waadi_registered);
		if (p->waadi_checked_on[0])
			db_bind_text(st, 11, p->waadi_checked_on);
		else
			db_bind_null(st, 11);
		db_bind_text(st, 12, p->wtta_admission);
		db_bind_text(st, 13, p->wtta_exemption_basis);
		db_bind_text(st, 14, now);
		db_bind_text(st, 15, who_name(who));
		rc = step_done(st, err);
	}
	if (rc == 0) {
		char detail[160];
		snprintf(detail, sizeof detail, "kind=%s kvk=%s vat_id=%s waadi=%d",
			 p->is_swv ? "swv" : "bestuur", p->kvk, p->vat_id, p->waadi_registered);
		rc = audit(db, who, "ledger.party", "board", idtxt, p->board_id, detail, err);
	}
	return finish(db, rc, err);
}

/* ---- board years ---- */

int store_ledger_board_year_set(struct db *db, const struct ledger_board_year *y,
				const struct secondment_actor *who, struct samen_err *err)
{
	struct ledger_party party;
	int rc = store_ledger_party_get(db, y->board_id, &party, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "board", "unknown board %lld",
				     (long long)y->board_id);
	if (rc)
		return rc;
	if (y->year < 2000 || y->year > 2100)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "year", "the year must be 2000 to 2100");
	if (y->charges_bp < 0 || y->charges_bp > COSTPRICE_MAX_BP)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "charges",
				     "the employer-charges percentage must be 0 to 200 %%");
	if (y->travel_cents_per_km < 0 || y->travel_cents_per_km > COSTPRICE_MAX_CENTS_PER_KM)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "travel",
				     "the travel allowance must be 0 to 1000 cents per km");
	char now[21], idtxt[24], detail[128];
	audit_now(now);
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)y->board_id);
	snprintf(detail, sizeof detail, "%d: charges %d bp, travel %lld cents/km", y->year,
		 (int)y->charges_bp, (long long)y->travel_cents_per_km);
	rc = db_begin(db, err);
	if (rc)
		return rc;
	struct db_stmt *st;
	rc = db_prepare(db,
			"INSERT INTO ledger_board_year (board_id, year, charges_bp, travel_cents_per_km,"
			" note, updated_at, updated_by) VALUES ($1,$2,$3,$4,$5,$6,$7)"
			" ON CONFLICT (board_id, year) DO UPDATE SET charges_bp = excluded.charges_bp,"
			" travel_cents_per_km = excluded.travel_cents_per_km, note = excluded.note,"
			" updated_at = excluded.updated_at, updated_by = excluded.updated_by",
			&st, err);
	if (rc == 0) {
		db_bind_int(st, 1, y->board_id);
		db_bind_int(st, 2, y->year);
		db_bind_int(st, 3, y->charges_bp);
		db_bind_int(st, 4, y->travel_cents_per_km);
		db_bind_text(st, 5, y->note);
		db_bind_text(st, 6, now);
		db_bind_text(st, 7, who_name(who));
		rc = step_done(st, err);
	}
	if (rc == 0)
		rc = audit(db, who, "ledger.board_year", "board", idtxt, y->board_id, detail, err);
	return finish(db, rc, err);
}

static void read_board_year(struct db_stmt *st, struct ledger_board_year *y)
{
	y->board_id = db_col_int(st, 0);
	y->year = (int)db_col_int(st, 1);
	y->charges_bp = (int32_t)db_col_int(st, 2);
	y->travel_cents_per_km = db_col_int(st, 3);
	copy(y->note, sizeof y->note, db_col_text(st, 4));
}

int store_ledger_board_year_get(struct db *db, int64_t board_id, int year,
				struct ledger_board_year *out, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT board_id, year, charges_bp, travel_cents_per_km, note"
			    " FROM ledger_board_year WHERE board_id = $1 AND year <= $2"
			    " ORDER BY year DESC LIMIT 1",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, board_id);
	db_bind_int(st, 2, year);
	rc = db_step(st, err);
	if (rc == 1) {
		read_board_year(st, out);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail_at(err, SAMEN_ENOTFOUND, 0, "charges",
				   "no employer-charges percentage for board %lld in %d (or before): "
				   "set it first",
				   (long long)board_id, year);
	}
	db_finalize(st);
	return rc;
}

int store_ledger_board_years(struct db *db, int64_t board_id, struct ledger_board_year **out,
			     size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT board_id, year, charges_bp, travel_cents_per_km, note"
			    " FROM ledger_board_year WHERE board_id = $1 ORDER BY year DESC",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, board_id);
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		read_board_year(st, &(*out)[(*n)++]);
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

/* ---- salary tables ---- */

static void read_table(struct db_stmt *st, struct salary_table_row *t)
{
	t->id = db_col_int(st, 0);
	copy(t->valid_from, sizeof t->valid_from, db_col_text(st, 1));
	copy(t->label, sizeof t->label, db_col_text(st, 2));
	copy(t->note, sizeof t->note, db_col_text(st, 3));
	t->nsteps = (long)db_col_int(st, 4);
}

#define TABLE_COLS                                                                                \
	"t.id, t.valid_from, t.label, t.note,"                                                    \
	" (SELECT COUNT(*) FROM salary_step s WHERE s.table_id = t.id)"

int store_ledger_salary_tables(struct db *db, struct salary_table_row **out, size_t *n,
			       struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT " TABLE_COLS " FROM salary_table t ORDER BY t.valid_from",
			    &st, err);
	if (rc)
		return rc;
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		read_table(st, &(*out)[(*n)++]);
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

int store_ledger_salary_steps(struct db *db, int64_t table_id, struct salary_step_row **out,
			      size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT scale, step, monthly_cents, source FROM salary_step"
			    " WHERE table_id = $1 ORDER BY LENGTH(scale), scale, step",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, table_id);
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		struct salary_step_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		copy(r->s.scale, sizeof r->s.scale, db_col_text(st, 0));
		r->s.step = (int)db_col_int(st, 1);
		r->s.monthly_cents = db_col_int(st, 2);
		copy(r->source, sizeof r->source, db_col_text(st, 3));
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

int store_ledger_salary_for(struct db *db, long day, struct salary_table_row *table,
			    struct costprice_salary **rows, size_t *n, struct samen_err *err)
{
	*rows = NULL;
	*n = 0;
	char d[11];
	date_format(day, d);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT " TABLE_COLS " FROM salary_table t WHERE t.valid_from <= $1"
			    " ORDER BY t.valid_from DESC LIMIT 1",
			    &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, d);
	rc = db_step(st, err);
	if (rc == 1) {
		read_table(st, table);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail_at(err, SAMEN_ENOTFOUND, 0, "salary",
				   "no salary table is valid on %s: add one", d);
	}
	db_finalize(st);
	if (rc)
		return rc;
	struct salary_step_row *steps;
	size_t ns;
	rc = store_ledger_salary_steps(db, table->id, &steps, &ns, err);
	if (rc)
		return rc;
	struct costprice_salary *v = malloc((ns ? ns : 1) * sizeof *v);
	if (!v) {
		free(steps);
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < ns; i++)
		v[i] = steps[i].s;
	free(steps);
	*rows = v;
	*n = ns;
	return 0;
}

static bool scale_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 7)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s))
			return false;
	return true;
}

static int insert_step(struct db *db, int64_t table_id, const char *scale, int step, int64_t cents,
		       const char *source, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "INSERT INTO salary_step (table_id, scale, step, monthly_cents, source)"
			    " VALUES ($1,$2,$3,$4,$5) ON CONFLICT (table_id, scale, step) DO UPDATE"
			    " SET monthly_cents = excluded.monthly_cents, source = excluded.source",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, table_id);
	db_bind_text(st, 2, scale);
	db_bind_int(st, 3, step);
	db_bind_int(st, 4, cents);
	db_bind_text(st, 5, source);
	return step_done(st, err);
}

int store_ledger_salary_table_add(struct db *db, const char *valid_from, const char *label,
				  int32_t raise_bp, const struct secondment_actor *who,
				  int64_t *id, struct samen_err *err)
{
	long day;
	if (!valid_from || date_parse(valid_from, &day))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "valid_from",
				     "the start date must be YYYY-MM-DD");
	if (!label || !*label || strlen(label) > 120)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "label", "give the table a name (CAO year)");
	if (raise_bp < 0 || raise_bp > COSTPRICE_BP)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "raise", "the raise must be 0 to 100 %%");
	int64_t exists;
	const char *p[] = {valid_from};
	int rc = db_query_int(db, "SELECT id FROM salary_table WHERE valid_from = $1", 1, p, &exists,
			      NULL);
	if (rc == 0)
		return samen_fail_at(err, SAMEN_EEXIST, 0, "valid_from",
				     "a salary table starting %s exists", valid_from);
	struct salary_table_row prev = {0};
	struct costprice_salary *rows = NULL;
	size_t n = 0;
	rc = store_ledger_salary_for(db, day - 1, &prev, &rows, &n, NULL);
	if (rc && rc != SAMEN_ENOTFOUND)
		return samen_fail(err, rc, "cannot read the previous salary table");
	char now[21];
	audit_now(now);
	rc = db_begin(db, err);
	if (rc) {
		free(rows);
		return rc;
	}
	struct db_stmt *st;
	rc = db_prepare(db,
			"INSERT INTO salary_table (valid_from, label, note, updated_at, updated_by)"
			" VALUES ($1,$2,$3,$4,$5) RETURNING id",
			&st, err);
	char note[256];
	if (n)
		snprintf(note, sizeof note, "The table of %s raised %d,%02d %%.", prev.valid_from,
			 raise_bp / 100, raise_bp % 100);
	else
		snprintf(note, sizeof note, "Entered by hand.");
	if (rc == 0) {
		db_bind_text(st, 1, valid_from);
		db_bind_text(st, 2, label);
		db_bind_text(st, 3, note);
		db_bind_text(st, 4, now);
		db_bind_text(st, 5, who_name(who));
		rc = db_step(st, err);
		if (rc == 1) {
			*id = db_col_int(st, 0);
			rc = 0;
		}
		db_finalize(st);
	}
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char source[128];
		snprintf(source, sizeof source, "the %s value raised %d,%02d %% (rounded to the cent)",
			 prev.valid_from, raise_bp / 100, raise_bp % 100);
		rc = insert_step(db, *id, rows[i].scale, rows[i].step,
				 costprice_raise(rows[i].monthly_cents, raise_bp), source, err);
	}
	free(rows);
	if (rc == 0) {
		char idtxt[24], detail[128];
		snprintf(idtxt, sizeof idtxt, "%lld", (long long)*id);
		snprintf(detail, sizeof detail, "from %s, %zu steps, raise %d bp", valid_from, n,
			 (int)raise_bp);
		rc = audit(db, who, "ledger.salary_table", "salary_table", idtxt, 0, detail, err);
	}
	return finish(db, rc, err);
}

int store_ledger_salary_set(struct db *db, int64_t table_id, const char *scale, int step,
			    int64_t monthly_cents, const char *source,
			    const struct secondment_actor *who, struct samen_err *err)
{
	if (!scale || !scale_ok(scale))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "scale",
				     "a scale is 1 to 7 letters or digits (LB, LC, 11)");
	if (step < 0 || step > 30)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "step", "a step is 0 to 30");
	if (monthly_cents <= 0 || monthly_cents > COSTPRICE_MAX_MONTHLY_CENTS)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "monthly",
				     "a monthly salary must be more than 0 and at most 100.000 euro");
	if (!source || !*source || strlen(source) > 250)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "source",
				     "name the source of the value (e.g. the CAO VO table and its date)");
	char idtxt[24];
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)table_id);
	int64_t exists;
	const char *p[] = {idtxt};
	int rc = db_query_int(db, "SELECT id FROM salary_table WHERE id = CAST($1 AS INTEGER)", 1, p,
			      &exists, NULL);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "table", "unknown salary table %lld",
				     (long long)table_id);
	if (rc)
		return samen_fail(err, rc, "cannot read the salary tables");
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = insert_step(db, table_id, scale, step, monthly_cents, source, err);
	if (rc == 0) {
		char detail[320], euros[32];
		costprice_format(monthly_cents, euros);
		snprintf(detail, sizeof detail, "%s-%d = %s (%s)", scale, step, euros, source);
		rc = audit(db, who, "ledger.salary", "salary_table", idtxt, 0, detail, err);
	}
	return finish(db, rc, err);
}

/* ---- periods ---- */

static int closed_key(struct db *db, int64_t region_id, const char *month, char key[16],
		      struct samen_err *err)
{
	long first, last;
	if (ledger_month_range(month, &first, &last))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "month", "'%.10s' is not a month", month);
	char d[11];
	date_format(first, d);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT period_key FROM ledger_period WHERE region_id = $1"
			    " AND start_date <= $2 AND end_date >= $2 ORDER BY id LIMIT 1",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_text(st, 2, d);
	key[0] = '\0';
	rc = db_step(st, err);
	if (rc == 1)
		copy(key, 16, db_col_text(st, 0));
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

int store_ledger_month_closed(struct db *db, int64_t region_id, const char *month, bool *closed,
			      struct samen_err *err)
{
	char key[16];
	int rc = closed_key(db, region_id, month, key, err);
	if (rc == 0)
		*closed = key[0] != '\0';
	return rc;
}

/* Advance month (a "YYYY-MM" buffer) to the next month in place. */
static void next_month(char month[8])
{
	long first, last;
	if (ledger_month_range(month, &first, &last) == 0)
		ledger_month_key(last + 1, month);
}

int store_ledger_booking_month(struct db *db, int64_t region_id, const char *month,
			       bool correction, char out[8], struct samen_err *err)
{
	char key[16], m[8];
	int rc = closed_key(db, region_id, month, key, err);
	if (rc)
		return rc;
	if (!key[0]) {
		copy(out, 8, month);
		return 0;
	}
	if (!correction)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "date",
				     "period %s is closed: hours of %s can no longer be registered "
				     "(a correction of an existing entry is booked in the next open month)",
				     key, month);
	copy(m, sizeof m, month);
	for (int i = 0; i < MAX_LATE_MONTHS; i++) {
		next_month(m);
		rc = closed_key(db, region_id, m, key, err);
		if (rc)
			return rc;
		if (!key[0]) {
			copy(out, 8, m);
			return 0;
		}
	}
	return samen_fail(err, SAMEN_EINVAL, "no open month within %d months after %s",
			  MAX_LATE_MONTHS, month);
}

int store_ledger_periods(struct db *db, int64_t region_id, struct ledger_period_row **out,
			 size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT id, period_key, kind, start_date, end_date, closed_at, closed_by"
			    " FROM ledger_period WHERE region_id = $1 ORDER BY start_date DESC, id DESC",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		struct ledger_period_row *r = &(*out)[(*n)++];
		r->id = db_col_int(st, 0);
		copy(r->key, sizeof r->key, db_col_text(st, 1));
		copy(r->kind, sizeof r->kind, db_col_text(st, 2));
		copy(r->start, sizeof r->start, db_col_text(st, 3));
		copy(r->end, sizeof r->end, db_col_text(st, 4));
		copy(r->closed_at, sizeof r->closed_at, db_col_text(st, 5));
		copy(r->closed_by, sizeof r->closed_by, db_col_text(st, 6));
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

/* ---- pricing lines ---- */

int store_ledger_basis(struct db *db, const struct secondment_row *row, const char *month,
		       struct ledger_line *line, struct samen_err *err)
{
	long first, last;
	if (ledger_month_range(month, &first, &last))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "month", "'%.10s' is not a month", month);
	char a[11], b[11];
	date_format(first, a);
	date_format(last, b);
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT c.salary_scale, c.salary_step FROM contract c"
			    " JOIN employment e ON e.id = c.employment_id"
			    " WHERE e.person_id = $1 AND e.board_id = $2 AND c.start_date <= $3"
			    " AND (c.end_date IS NULL OR c.end_date >= $4)"
			    " ORDER BY c.start_date DESC, c.id DESC LIMIT 1",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, row->s.person_id);
	db_bind_int(st, 2, row->s.lender_board_id);
	db_bind_text(st, 3, b);
	db_bind_text(st, 4, a);
	char scale[8] = "";
	int step = 0;
	rc = db_step(st, err);
	if (rc == 1) {
		copy(scale, sizeof scale, db_col_text(st, 0));
		step = (int)db_col_int(st, 1);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail_at(err, SAMEN_EINVAL, 0, "contract",
				   "%s %s has no contract with %s in force in %s: the hours cannot be "
				   "priced",
				   row->first_name, row->last_name, row->lender_name, month);
	}
	db_finalize(st);
	if (rc)
		return rc;
	struct salary_table_row table;
	struct costprice_salary *rows;
	size_t n;
	rc = store_ledger_salary_for(db, first, &table, &rows, &n, err);
	if (rc)
		return rc;
	int used;
	rc = costprice_salary_lookup(rows, n, scale, step, &used, &line->basis.monthly_cents, err);
	free(rows);
	if (rc)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "salary",
				     "the salary table of %s has no salary for %s-%d (%s %s): add it",
				     table.valid_from, scale, step, row->first_name, row->last_name);
	copy(line->scale, sizeof line->scale, scale);
	line->step = used;
	int y, m, d;
	date_civil(first, &y, &m, &d);
	struct ledger_board_year by;
	rc = store_ledger_board_year_get(db, row->s.lender_board_id, y, &by, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "charges",
				     "no employer-charges percentage for %s in %d: set it first",
				     row->lender_name, y);
	if (rc)
		return rc;
	line->basis.charges_bp = by.charges_bp;
	line->basis.travel_cents_per_km = by.travel_cents_per_km;
	line->basis.margin_bp = row->s.margin_bp;
	return 0;
}

static int price_line(struct db *db, const struct secondment_row *row, const char *month,
		      int64_t centihours, int64_t km, const struct vat_settings *vs,
		      struct ledger_line *l, struct samen_err *err)
{
	memset(l, 0, sizeof *l);
	l->secondment_id = row->s.id;
	l->lender_id = row->s.lender_board_id;
	l->borrower_id = row->s.borrower_board_id;
	copy(l->month, sizeof l->month, month);
	snprintf(l->person, sizeof l->person, "%s %s", row->first_name, row->last_name);
	copy(l->school, sizeof l->school, row->school_name);
	copy(l->expertise, sizeof l->expertise, row->s.expertise);
	l->centihours = centihours;
	l->km = km;
	int rc = store_ledger_basis(db, row, month, l, err);
	if (rc)
		return rc;
	struct vat_input facts;
	secondment_vat_facts(&row->s, row->borrower_is_swv, &facts);
	return ledger_line_price(l, &facts, vs, err);
}

struct line_vec {
	struct ledger_line *v;
	size_t n, cap;
};

static int push_line(struct line_vec *lv, const struct ledger_line *l, struct samen_err *err)
{
	int rc = vec_grow((void **)&lv->v, &lv->cap, lv->n, sizeof *lv->v, err);
	if (rc == 0)
		lv->v[lv->n++] = *l;
	return rc;
}

struct booked {
	int64_t secondment_id, centihours, km;
};

/* Sum of hours and km booked per secondment in a month (of a region, or of one secondment). */
static int booked_sums(struct db *db, int64_t region_id, int64_t secondment_id, const char *month,
		       struct booked **out, size_t *n, struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT h.secondment_id, SUM(h.delta_centihours), SUM(h.delta_km)"
			    " FROM secondment_hours h JOIN secondment s ON s.id = h.secondment_id"
			    " WHERE ($1 = 0 OR s.region_id = $1) AND ($2 = 0 OR s.id = $2)"
			    " AND h.booked_month = $3 GROUP BY h.secondment_id ORDER BY h.secondment_id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_int(st, 2, secondment_id);
	db_bind_text(st, 3, month);
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)out, &cap, *n, sizeof **out, err)))
			break;
		(*out)[(*n)++] = (struct booked){db_col_int(st, 0), db_col_int(st, 1), db_col_int(st, 2)};
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

static int live_lines(struct db *db, int64_t region_id, int64_t secondment_id, const char *month,
		      const struct vat_settings *vs, struct line_vec *lv, struct samen_err *err)
{
	struct booked *b;
	size_t n;
	int rc = booked_sums(db, region_id, secondment_id, month, &b, &n, err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (b[i].centihours == 0 && b[i].km == 0)
			continue;
		struct secondment_row row;
		struct ledger_line l;
		rc = store_secondment_get(db, b[i].secondment_id, &row, err);
		if (rc == 0)
			rc = price_line(db, &row, month, b[i].centihours, b[i].km, vs, &l, err);
		if (rc == 0)
			rc = push_line(lv, &l, err);
	}
	free(b);
	return rc;
}

static int frozen_lines(struct db *db, int64_t region_id, int64_t secondment_id, const char *month,
			struct line_vec *lv, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT secondment_id, lender_board_id, borrower_board_id, month,"
			    " person_name, school_name, expertise, scale, step, centihours, km,"
			    " monthly_cents, charges_bp, margin_bp, travel_cents_per_km, wage_cents,"
			    " cost_cents, hours_cents, travel_cents, total_cents, vat_category,"
			    " vat_rate_bp, vat_reason, vat_rule FROM ledger_line"
			    " WHERE ($1 = 0 OR region_id = $1) AND ($2 = 0 OR secondment_id = $2)"
			    " AND month = $3 ORDER BY lender_board_id, borrower_board_id, secondment_id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_int(st, 2, secondment_id);
	db_bind_text(st, 3, month);
	while ((rc = db_step(st, err)) == 1) {
		struct ledger_line l;
		memset(&l, 0, sizeof l);
		l.secondment_id = db_col_int(st, 0);
		l.lender_id = db_col_int(st, 1);
		l.borrower_id = db_col_int(st, 2);
		copy(l.month, sizeof l.month, db_col_text(st, 3));
		copy(l.person, sizeof l.person, db_col_text(st, 4));
		copy(l.school, sizeof l.school, db_col_text(st, 5));
		copy(l.expertise, sizeof l.expertise, db_col_text(st, 6));
		copy(l.scale, sizeof l.scale, db_col_text(st, 7));
		l.step = (int)db_col_int(st, 8);
		l.centihours = db_col_int(st, 9);
		l.km = db_col_int(st, 10);
		l.basis.monthly_cents = db_col_int(st, 11);
		l.basis.charges_bp = (int32_t)db_col_int(st, 12);
		l.basis.margin_bp = (int32_t)db_col_int(st, 13);
		l.basis.travel_cents_per_km = db_col_int(st, 14);
		l.amounts.wage_cents = db_col_int(st, 15);
		l.amounts.cost_cents = db_col_int(st, 16);
		l.amounts.hours_cents = db_col_int(st, 17);
		l.amounts.travel_cents = db_col_int(st, 18);
		l.amounts.total_cents = db_col_int(st, 19);
		l.vat.category = db_col_text(st, 20)[0];
		l.vat.exempt = l.vat.category == 'E';
		l.vat.rate_bp = (int32_t)db_col_int(st, 21);
		l.vat.reason = (enum vat_reason)db_col_int(st, 22);
		l.vat.rule = (int)db_col_int(st, 23);
		if ((rc = push_line(lv, &l, err)))
			break;
	}
	db_finalize(st);
	return rc < 0 ? rc : 0;
}

static int cmp_line(const void *a, const void *b)
{
	const struct ledger_line *x = a, *y = b;
	int c = strcmp(x->month, y->month);
	if (c)
		return c;
	if (x->lender_id != y->lender_id)
		return x->lender_id < y->lender_id ? -1 : 1;
	if (x->borrower_id != y->borrower_id)
		return x->borrower_id < y->borrower_id ? -1 : 1;
	return x->secondment_id < y->secondment_id ? -1 : x->secondment_id > y->secondment_id;
}

static int month_lines(struct db *db, int64_t region_id, int64_t secondment_id, const char *month,
		       const struct vat_settings *vs, struct line_vec *lv, bool *closed,
		       struct samen_err *err)
{
	int rc = store_ledger_month_closed(db, region_id, month, closed, err);
	if (rc)
		return rc;
	return *closed ? frozen_lines(db, region_id, secondment_id, month, lv, err)
		       : live_lines(db, region_id, secondment_id, month, vs, lv, err);
}

int store_ledger_lines(struct db *db, int64_t region_id, const struct ledger_period *p,
		       struct ledger_line **out, size_t *n, bool *all_closed,
		       struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct vat_settings vs;
	int rc = store_ledger_vat_settings(db, &vs, err);
	if (rc)
		return rc;
	struct line_vec lv = {0};
	bool all = true;
	for (int m = 0; rc == 0 && m < p->nmonths; m++) {
		bool closed;
		rc = month_lines(db, region_id, 0, p->months[m], &vs, &lv, &closed, err);
		all = all && closed;
	}
	if (rc) {
		free(lv.v);
		return rc;
	}
	if (lv.n)
		qsort(lv.v, lv.n, sizeof *lv.v, cmp_line);
	*out = lv.v;
	*n = lv.n;
	if (all_closed)
		*all_closed = all;
	return 0;
}

int store_ledger_secondment_lines(struct db *db, const struct secondment_row *row, long from,
				  long to, struct ledger_line **out, size_t *n,
				  struct samen_err *err)
{
	*out = NULL;
	*n = 0;
	struct vat_settings vs;
	int rc = store_ledger_vat_settings(db, &vs, err);
	if (rc)
		return rc;
	struct line_vec lv = {0};
	char m[8], last[8];
	ledger_month_key(from, m);
	ledger_month_key(to, last);
	for (int guard = 0; rc == 0 && strcmp(m, last) <= 0 && guard < 240; guard++) {
		bool closed;
		rc = month_lines(db, row->s.region_id, row->s.id, m, &vs, &lv, &closed, err);
		next_month(m);
	}
	if (rc) {
		free(lv.v);
		return rc;
	}
	*out = lv.v;
	*n = lv.n;
	return 0;
}

static int insert_line(struct db *db, int64_t region_id, int64_t period_id,
		       const struct ledger_line *l, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "INSERT INTO ledger_line (region_id, period_id, month, secondment_id,"
			    " lender_board_id, borrower_board_id, person_name, school_name, expertise,"
			    " scale, step, centihours, km, monthly_cents, charges_bp, margin_bp,"
			    " travel_cents_per_km, wage_cents, cost_cents, hours_cents, travel_cents,"
			    " total_cents, vat_category, vat_rate_bp, vat_reason, vat_rule) VALUES"
			    " ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,"
			    "$21,$22,$23,$24,$25,$26)",
			    &st, err);
	if (rc)
		return rc;
	char cat[2] = {l->vat.category, '\0'};
	db_bind_int(st, 1, region_id);
	db_bind_int(st, 2, period_id);
	db_bind_text(st, 3, l->month);
	db_bind_int(st, 4, l->secondment_id);
	db_bind_int(st, 5, l->lender_id);
	db_bind_int(st, 6, l->borrower_id);
	db_bind_text(st, 7, l->person);
	db_bind_text(st, 8, l->school);
	db_bind_text(st, 9, l->expertise);
	db_bind_text(st, 10, l->scale);
	db_bind_int(st, 11, l->step);
	db_bind_int(st, 12, l->centihours);
	db_bind_int(st, 13, l->km);
	db_bind_int(st, 14, l->basis.monthly_cents);
	db_bind_int(st, 15, l->basis.charges_bp);
	db_bind_int(st, 16, l->basis.margin_bp);
	db_bind_int(st, 17, l->basis.travel_cents_per_km);
	db_bind_int(st, 18, l->amounts.wage_cents);
	db_bind_int(st, 19, l->amounts.cost_cents);
	db_bind_int(st, 20, l->amounts.hours_cents);
	db_bind_int(st, 21, l->amounts.travel_cents);
	db_bind_int(st, 22, l->amounts.total_cents);
	db_bind_text(st, 23, cat);
	db_bind_int(st, 24, l->vat.rate_bp);
	db_bind_int(st, 25, l->vat.reason);
	db_bind_int(st, 26, l->vat.rule);
	return step_done(st, err);
}

static const char *kind_name(enum ledger_period_kind k)
{
	return k == LEDGER_MONTH ? "month" : k == LEDGER_QUARTER ? "quarter" : "school_year";
}

int store_ledger_close(struct db *db, int64_t region_id, const struct ledger_period *p, long today,
		       const struct secondment_actor *who, size_t *frozen, struct samen_err *err)
{
	char idtxt[24], start[11], end[11];
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)region_id);
	int64_t v;
	const char *rp[] = {idtxt};
	int rc = db_query_int(db, "SELECT id FROM region WHERE id = CAST($1 AS INTEGER)", 1, rp, &v,
			      NULL);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "region", "unknown region %lld",
				     (long long)region_id);
	if (rc)
		return samen_fail(err, rc, "cannot read the regions");
	date_format(p->start, start);
	date_format(p->end, end);
	if (p->end > today)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "period",
				     "period %s has not ended yet (its last day is %s)", p->key, end);
	struct db_stmt *st;
	rc = db_prepare(db,
			"SELECT closed_at, closed_by FROM ledger_period WHERE region_id = $1"
			" AND period_key = $2",
			&st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	db_bind_text(st, 2, p->key);
	rc = db_step(st, err);
	if (rc == 1)
		rc = samen_fail_at(err, SAMEN_EEXIST, 0, "period", "period %s was already closed (%s, %s)",
				   p->key, db_col_text(st, 0), db_col_text(st, 1));
	db_finalize(st);
	if (rc)
		return rc < 0 ? rc : SAMEN_EEXIST;
	/* The months still open. */
	int open[LEDGER_MAX_MONTHS], nopen = 0;
	for (int m = 0; m < p->nmonths; m++) {
		bool closed;
		rc = store_ledger_month_closed(db, region_id, p->months[m], &closed, err);
		if (rc)
			return rc;
		if (!closed)
			open[nopen++] = m;
	}
	if (nopen == 0)
		return samen_fail_at(err, SAMEN_EEXIST, 0, "period",
				     "period %s is already closed: all its months lie in closed periods",
				     p->key);
	struct vat_settings vs;
	rc = store_ledger_vat_settings(db, &vs, err);
	if (rc)
		return rc;
	char now[21];
	audit_now(now);
	rc = db_begin(db, err);
	if (rc)
		return rc;
	int64_t period_id = 0;
	rc = db_prepare(db,
			"INSERT INTO ledger_period (region_id, period_key, kind, start_date, end_date,"
			" closed_at, closed_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
			&st, err);
	if (rc == 0) {
		db_bind_int(st, 1, region_id);
		db_bind_text(st, 2, p->key);
		db_bind_text(st, 3, kind_name(p->kind));
		db_bind_text(st, 4, start);
		db_bind_text(st, 5, end);
		db_bind_text(st, 6, now);
		db_bind_text(st, 7, who_name(who));
		rc = db_step(st, err);
		if (rc == 1) {
			period_id = db_col_int(st, 0);
			rc = 0;
		}
		db_finalize(st);
	}
	struct line_vec lv = {0};
	for (int i = 0; rc == 0 && i < nopen; i++)
		rc = live_lines(db, region_id, 0, p->months[open[i]], &vs, &lv, err);
	int64_t total = 0;
	for (size_t i = 0; rc == 0 && i < lv.n; i++) {
		rc = insert_line(db, region_id, period_id, &lv.v[i], err);
		total += lv.v[i].amounts.total_cents;
	}
	if (rc == 0) {
		char detail[160], money[32];
		costprice_format(total, money);
		snprintf(detail, sizeof detail, "period %s: %d month(s) closed, %zu line(s) frozen, net %s",
			 p->key, nopen, lv.n, money);
		rc = audit(db, who, "ledger.close", "region", idtxt, 0, detail, err);
	}
	size_t nl = lv.n;
	free(lv.v);
	rc = finish(db, rc, err);
	if (rc == 0 && frozen)
		*frozen = nl;
	return rc;
}

/* ---- settlement ---- */

void store_ledger_settlement_free(struct ledger_settlement *s)
{
	free(s->lines);
	ledger_invoices_free(s->inv, s->ninv);
	free(s->boards);
	free(s->board_ids);
	free(s->bal);
	free(s->pay);
	memset(s, 0, sizeof *s);
}

int store_ledger_settle(struct db *db, int64_t region_id, const struct ledger_period *p,
			struct ledger_settlement *out, struct samen_err *err)
{
	memset(out, 0, sizeof *out);
	out->period = *p;
	out->region_id = region_id;
	struct db_stmt *st;
	int rc = db_prepare(db,
			    "SELECT id, name, bestuursnummer FROM board WHERE region_id = $1"
			    " ORDER BY name, id",
			    &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, region_id);
	size_t cap = 0;
	while ((rc = db_step(st, err)) == 1) {
		if ((rc = vec_grow((void **)&out->boards, &cap, out->nboards, sizeof *out->boards, err)))
			break;
		struct ledger_board_ref *b = &out->boards[out->nboards++];
		b->id = db_col_int(st, 0);
		copy(b->name, sizeof b->name, db_col_text(st, 1));
		copy(b->number, sizeof b->number, db_col_text(st, 2));
	}
	db_finalize(st);
	if (rc < 0)
		goto fail;
	if (out->nboards == 0) {
		rc = samen_fail_at(err, SAMEN_ENOTFOUND, 0, "region", "region %lld has no boards",
				   (long long)region_id);
		goto fail;
	}
	rc = store_ledger_lines(db, region_id, p, &out->lines, &out->nlines, &out->closed, err);
	if (rc == 0)
		rc = ledger_invoices(out->lines, out->nlines, &out->inv, &out->ninv, err);
	if (rc)
		goto fail;
	out->board_ids = malloc(out->nboards * sizeof *out->board_ids);
	out->bal = malloc(out->nboards * sizeof *out->bal);
	out->pay = malloc(out->nboards * sizeof *out->pay);
	struct ledger_obligation *ob = malloc((out->ninv ? out->ninv : 1) * sizeof *ob);
	if (!out->board_ids || !out->bal || !out->pay || !ob) {
		free(ob);
		rc = samen_fail(err, SAMEN_ENOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < out->nboards; i++)
		out->board_ids[i] = out->boards[i].id;
	ledger_obligations(out->inv, out->ninv, ob);
	rc = ledger_net(out->board_ids, out->nboards, ob, out->ninv, out->bal, out->pay, &out->npay,
			err);
	free(ob);
	if (rc)
		goto fail;
	return 0;
fail:
	store_ledger_settlement_free(out);
	return rc;
}

long store_ledger_board_index(const struct ledger_settlement *s, int64_t id)
{
	for (size_t i = 0; i < s->nboards; i++)
		if (s->boards[i].id == id)
			return (long)i;
	return -1;
}

const char *store_ledger_board_name(const struct ledger_settlement *s, int64_t id)
{
	long i = store_ledger_board_index(s, id);
	return i >= 0 ? s->boards[i].name : "";
}
