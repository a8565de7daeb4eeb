/*
 * store_org.c - regions, boards and school locations (see store_org.h).
 *
 * Every add validates its input, writes the row and an audit entry in one
 * transaction (nested inside the caller's, if any) and leaves nothing
 * behind on failure. Input is normalised before it is stored: a BRIN in
 * upper case ("14ab" -> "14AB"), a postcode without its space
 * ("1815 jd" -> "1815JD") and school types in a fixed order
 * ("vwo, havo" -> "havo,vwo"). The audit actor is "system", since these
 * functions are called by set-up code (import, demo) that records its own
 * actor around them.
 */
#include "store/store_org.h"
#include "store/audit.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define ORG_ACTOR "system"

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

static int check_name(const char *v, const char *field, const char *what,
		      struct samen_err *err)
{
	if (!v || blank(v))
		return samen_fail_at(err, SAMEN_EINVAL, 0, field, "%s is missing", what);
	if (has_control(v))
		return samen_fail_at(err, SAMEN_EINVAL, 0, field,
				     "%s contains a control character", what);
	if (strlen(v) > 200)
		return samen_fail_at(err, SAMEN_EINVAL, 0, field,
				     "%s is longer than 200 characters", what);
	return 0;
}

/* Run an INSERT ... RETURNING id; a unique violation becomes SAMEN_EEXIST on field. */
static int insert_returning(struct db_stmt *st, int64_t *id, const char *field,
			    const char *what, struct samen_err *err)
{
	int rc = db_step(st, err);
	if (rc == 1) {
		*id = db_col_int(st, 0);
		return 0;
	}
	if (rc == SAMEN_EEXIST)
		return samen_fail_at(err, SAMEN_EEXIST, 0, field, "%s already exists", what);
	if (rc == 0)
		return samen_fail(err, SAMEN_EDB, "insert returned no id");
	return rc;
}

static int exists(struct db *db, const char *sql, int64_t id, struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, sql, &st, err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	db_finalize(st);
	if (rc == 1)
		return 0;
	return rc == 0 ? SAMEN_ENOTFOUND : rc;
}

static int audit_created(struct db *db, const char *action, const char *type, int64_t id,
			 int64_t board_id, const char *detail, struct samen_err *err)
{
	char idtxt[24];
	snprintf(idtxt, sizeof idtxt, "%lld", (long long)id);
	return audit_add(db, 0, ORG_ACTOR, action, type, idtxt, board_id, detail, err);
}

/* Commit on rc == 0, else roll back; returns the final code. */
static int finish(struct db *db, int rc, struct samen_err *err)
{
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

int org_region_add(struct db *db, const char *code, const char *name, int64_t *id,
		   struct samen_err *err)
{
	size_t n = code ? strlen(code) : 0;
	if (n == 0 || n > 32)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "code",
				     "a region code needs 1 to 32 characters");
	for (size_t i = 0; i < n; i++)
		if (!(islower((unsigned char)code[i]) || isdigit((unsigned char)code[i]) ||
		      code[i] == '-'))
			return samen_fail_at(err, SAMEN_EINVAL, 0, "code",
					     "region code '%.32s' may only hold a-z, 0-9 and '-'",
					     code);
	int rc = check_name(name, "name", "the region name", err);
	if (rc)
		return rc;
	struct db_stmt *st = NULL;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_prepare(db, "INSERT INTO region (code, name) VALUES ($1, $2) RETURNING id", &st,
			err);
	if (rc)
		goto out;
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, name);
	rc = insert_returning(st, id, "code", "a region with this code", err);
	if (rc == 0)
		rc = audit_created(db, "region.create", "region", *id, 0, code, err);
out:
	db_finalize(st);
	return finish(db, rc, err);
}

int org_board_add(struct db *db, int64_t region_id, const char *bestuursnummer,
		  const char *name, int64_t *id, struct samen_err *err)
{
	/* DUO bestuursnummers are five digits. */
	if (!bestuursnummer || strlen(bestuursnummer) != 5 ||
	    strspn(bestuursnummer, "0123456789") != 5)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "bestuursnummer",
				     "bestuursnummer '%.16s' is not 5 digits",
				     bestuursnummer ? bestuursnummer : "");
	int rc = check_name(name, "name", "the board name", err);
	if (rc)
		return rc;
	rc = exists(db, "SELECT 1 FROM region WHERE id = $1", region_id, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_ENOTFOUND, 0, "region", "region %lld does not exist",
				     (long long)region_id);
	if (rc)
		return rc;
	struct db_stmt *st = NULL;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_prepare(db,
			"INSERT INTO board (region_id, bestuursnummer, name) VALUES ($1, $2, $3)"
			" RETURNING id",
			&st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, region_id);
	db_bind_text(st, 2, bestuursnummer);
	db_bind_text(st, 3, name);
	rc = insert_returning(st, id, "bestuursnummer", "a board with this bestuursnummer", err);
	if (rc == 0)
		rc = audit_created(db, "board.create", "board", *id, *id, bestuursnummer, err);
out:
	db_finalize(st);
	return finish(db, rc, err);
}

/* "14ab" -> "14AB": 2 digits, then 2 letters or digits. */
static int norm_brin(const char *in, char out[5], struct samen_err *err)
{
	if (strlen(in) != 4 || !isdigit((unsigned char)in[0]) || !isdigit((unsigned char)in[1]) ||
	    !isalnum((unsigned char)in[2]) || !isalnum((unsigned char)in[3]))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "brin",
				     "BRIN '%.8s' is not 2 digits and 2 letters or digits (e.g. 14AB)",
				     in);
	for (int i = 0; i < 4; i++)
		out[i] = (char)toupper((unsigned char)in[i]);
	out[4] = '\0';
	return 0;
}

/*
 * "1815 jd" -> "1815JD": 4 digits (not starting with 0) and 2 letters, one
 * optional space between. The letter pairs SA, SD and SS are never issued.
 */
static int norm_postcode(const char *in, char out[7], struct samen_err *err)
{
	char buf[8];
	size_t n = 0;
	for (const char *p = in; *p; p++) {
		if (*p == ' ' && n == 4 && p[1] != ' ')
			continue;
		if (n >= 6)
			goto bad;
		buf[n++] = (char)toupper((unsigned char)*p);
	}
	buf[n] = '\0';
	if (n != 6 || buf[0] < '1' || buf[0] > '9' || strspn(buf, "0123456789") != 4 ||
	    buf[4] < 'A' || buf[4] > 'Z' || buf[5] < 'A' || buf[5] > 'Z')
		goto bad;
	if (strcmp(buf + 4, "SA") == 0 || strcmp(buf + 4, "SD") == 0 ||
	    strcmp(buf + 4, "SS") == 0)
		goto bad;
	memcpy(out, buf, 7);
	return 0;
bad:
	return samen_fail_at(err, SAMEN_EINVAL, 0, "postcode",
			     "postcode '%.16s' is not 4 digits and 2 letters (e.g. 1815 JD)", in);
}

/* "vwo, havo" -> "havo,vwo": known types, each once, at least one, fixed order. */
static int norm_school_types(const char *in, char *out, size_t outlen, struct samen_err *err)
{
	static const char *const known[] = {"vmbo", "havo", "vwo", "pro", "isk"};
	enum { NTYPES = sizeof known / sizeof known[0] };
	bool seen[NTYPES] = {false};
	int count = 0;
	const char *p = in;
	while (*p) {
		const char *comma = strchr(p, ',');
		const char *end = comma ? comma : p + strlen(p);
		const char *a = p, *b = end;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		size_t len = (size_t)(b - a);
		int found = -1;
		for (int i = 0; i < NTYPES; i++)
			if (strlen(known[i]) == len && strncasecmp(a, known[i], len) == 0)
				found = i;
		if (found < 0)
			return samen_fail_at(err, SAMEN_EINVAL, 0, "school_types",
					     "school type '%.*s' is unknown; use vmbo, havo, vwo,"
					     " pro or isk",
					     (int)(len > 20 ? 20 : len), a);
		if (seen[found])
			return samen_fail_at(err, SAMEN_EINVAL, 0, "school_types",
					     "school type '%s' is listed twice", known[found]);
		seen[found] = true;
		count++;
		p = comma ? comma + 1 : end;
	}
	if (count == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "school_types",
				     "at least one school type (vmbo, havo, vwo, pro, isk) is required");
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < NTYPES; i++)
		if (seen[i])
			used += (size_t)snprintf(out + used, outlen - used, "%s%s",
						 used ? "," : "", known[i]);
	return 0;
}

/*
 * Find the municipality and its holiday region. Without a province the
 * name must be unique (there is a Bergen in Limburg and in Noord-Holland).
 */
static int find_municipality(struct db *db, const char *name, const char *province,
			     char province_out[32], char region_out[8], struct samen_err *err)
{
	struct db_stmt *st;
	bool with_province = province && province[0];
	int rc = db_prepare(db,
			    with_province
				    ? "SELECT province, holiday_region FROM municipality"
				      " WHERE name = $1 AND province = $2"
				    : "SELECT province, holiday_region FROM municipality"
				      " WHERE name = $1 ORDER BY province",
			    &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, name);
	if (with_province)
		db_bind_text(st, 2, province);
	int rows = 0;
	char first_province[32] = "", other_province[32] = "";
	while ((rc = db_step(st, err)) == 1) {
		if (rows == 0) {
			snprintf(first_province, sizeof first_province, "%s", db_col_text(st, 0));
			snprintf(region_out, 8, "%s", db_col_text(st, 1));
		} else if (rows == 1) {
			snprintf(other_province, sizeof other_province, "%s", db_col_text(st, 0));
		}
		rows++;
	}
	db_finalize(st);
	if (rc < 0)
		return rc;
	if (rows == 0 && with_province)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "municipality",
				     "municipality '%.64s' in province '%.32s' is unknown", name,
				     province);
	if (rows == 0)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "municipality",
				     "municipality '%.64s' is unknown", name);
	if (rows > 1)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "municipality",
				     "municipality '%.64s' exists in %s and %s; give the province",
				     name, first_province, other_province);
	memcpy(province_out, first_province, 32);
	return 0;
}

/* Coordinates, when given, must lie in (or just around) the Netherlands. */
static int check_coordinates(double lat, double lon, struct samen_err *err)
{
	if (lat == 0 && lon == 0)
		return 0; /* not known: stored as NULL */
	if (!isfinite(lat) || lat < 50.7 || lat > 53.6)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lat",
				     "latitude %g lies outside the Netherlands (50.7 to 53.6)", lat);
	if (!isfinite(lon) || lon < 3.3 || lon > 7.3)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "lon",
				     "longitude %g lies outside the Netherlands (3.3 to 7.3)", lon);
	return 0;
}

int org_school_add(struct db *db, int64_t board_id, const struct org_school *s,
		   int64_t *id, struct samen_err *err)
{
	char brin[5], postcode[7] = "", types[64], province[32], holiday[8];
	int rc = norm_brin(s->brin, brin, err);
	if (rc)
		return rc;
	if (strlen(s->vestiging) != 2 || strspn(s->vestiging, "0123456789") != 2)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "vestiging",
				     "vestiging '%.4s' is not 2 digits (e.g. 00)", s->vestiging);
	if ((rc = check_name(s->name, "name", "the school name", err)) != 0)
		return rc;
	if (has_control(s->street) || has_control(s->city))
		return samen_fail_at(err, SAMEN_EINVAL, 0, has_control(s->street) ? "street" : "city",
				     "the address contains a control character");
	if (!blank(s->postcode) && (rc = norm_postcode(s->postcode, postcode, err)) != 0)
		return rc;
	if ((rc = norm_school_types(s->school_types, types, sizeof types, err)) != 0)
		return rc;
	if ((rc = check_coordinates(s->lat, s->lon, err)) != 0)
		return rc;
	if (blank(s->municipality))
		return samen_fail_at(err, SAMEN_EINVAL, 0, "municipality",
				     "the municipality is missing");
	rc = exists(db, "SELECT 1 FROM board WHERE id = $1", board_id, err);
	if (rc == SAMEN_ENOTFOUND)
		return samen_fail_at(err, SAMEN_ENOTFOUND, 0, "board", "board %lld does not exist",
				     (long long)board_id);
	if (rc)
		return rc;
	rc = find_municipality(db, s->municipality, s->province, province, holiday, err);
	if (rc)
		return rc;

	struct db_stmt *st = NULL;
	rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = db_prepare(db,
			"INSERT INTO school (board_id, brin, vestiging, name, street, postcode, city,"
			" municipality, province, lat, lon, school_types, holiday_region)"
			" VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id",
			&st, err);
	if (rc)
		goto out;
	db_bind_int(st, 1, board_id);
	db_bind_text(st, 2, brin);
	db_bind_text(st, 3, s->vestiging);
	db_bind_text(st, 4, s->name);
	db_bind_text(st, 5, s->street);
	db_bind_text(st, 6, postcode);
	db_bind_text(st, 7, s->city);
	db_bind_text(st, 8, s->municipality);
	db_bind_text(st, 9, province);
	if (s->lat == 0 && s->lon == 0) {
		db_bind_null(st, 10);
		db_bind_null(st, 11);
	} else {
		db_bind_double(st, 10, s->lat);
		db_bind_double(st, 11, s->lon);
	}
	db_bind_text(st, 12, types);
	db_bind_text(st, 13, holiday);
	rc = insert_returning(st, id, "brin", "a school with this BRIN and vestiging", err);
	if (rc == 0) {
		char detail[16];
		snprintf(detail, sizeof detail, "%s%s", brin, s->vestiging);
		rc = audit_created(db, "school.create", "school", *id, board_id, detail, err);
	}
out:
	db_finalize(st);
	return finish(db, rc, err);
}

int org_board_find(struct db *db, const char *bestuursnummer, int64_t *id,
		   struct samen_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "SELECT id FROM board WHERE bestuursnummer = $1", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, bestuursnummer);
	rc = db_step(st, err);
	if (rc == 1) {
		*id = db_col_int(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = samen_fail_at(err, SAMEN_ENOTFOUND, 0, "bestuursnummer",
				   "no board with bestuursnummer %.16s", bestuursnummer);
	}
	db_finalize(st);
	return rc;
}
