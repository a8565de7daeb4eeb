/*
 * page_export.c - table downloads as CSV or XLSX:
 *   GET /besturen/{board}/personeel/export?formaat=csv|xlsx&<staff filters>
 *   GET /regio/{region}/export?formaat=csv|xlsx
 * The staff export takes exactly the filters of the staff list page
 * (people_query.h), without paging, and is written to the audit log
 * because it carries personal data out of Samen.
 */
#include "formats/table_out.h"
#include "store/audit.h"
#include "store/people.h"
#include "util/date.h"
#include "web/handlers.h"
#include "web/people_query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which format was asked for: 1 xlsx, 0 csv, -1 invalid. */
static int want_xlsx(struct req *r)
{
	const char *f = r->query(r, "formaat");
	if (!f || strcmp(f, "xlsx") == 0)
		return 1;
	if (strcmp(f, "csv") == 0)
		return 0;
	return -1;
}

static int send_table(struct req *r, struct resp *s, struct table_out *t, const char *base,
		      int xlsx, struct samen_err *err)
{
	int rc = xlsx ? table_out_xlsx(t, &s->body, err) : table_out_csv(t, NULL, &s->body, err);
	if (rc)
		return rc;
	char day[11];
	date_format(date_today(), day);
	snprintf(s->download_name, sizeof s->download_name, "%s-%s.%s", base, day,
		 xlsx ? "xlsx" : "csv");
	s->content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			       : "text/csv; charset=utf-8";
	s->status = 200;
	return 0;
}

#define TRY(x) do { if ((rc = (x)) != 0) goto out; } while (0)

int page_staff_export(struct req *r, struct resp *s)
{
	int64_t board_id = req_param_id(r, "board");
	struct samen_err err;
	samen_err_clear(&err);
	int xlsx = want_xlsx(r);
	if (xlsx < 0)
		return samen_fail_at(&err, SAMEN_EINVAL, 0, "formaat", "formaat must be csv or xlsx");
	struct board_summary board;
	struct people_filter f;
	long page;
	int rc = people_board(r->db, board_id, &board, &err);
	if (rc)
		return rc;
	rc = people_query_parse(r, board_id, &f, &page, &err);
	if (rc)
		return rc;
	struct person_list l = {0};
	struct table_out *t = NULL;
	TRY(people_list(r->db, &f, &l, &err));
	TRY(table_out_new("Personeel", &t, &err));
	static const struct {
		const char *h;
		enum table_out_type type;
		int dec;
	} cols[] = {
		{"personeelsnummer", TABLE_OUT_TEXT, 0}, {"achternaam", TABLE_OUT_TEXT, 0},
		{"voornaam", TABLE_OUT_TEXT, 0},	 {"geboortedatum", TABLE_OUT_DATE, 0},
		{"leeftijd", TABLE_OUT_INT, 0},		 {"contractsoort", TABLE_OUT_TEXT, 0},
		{"uren_per_jaar", TABLE_OUT_DECIMAL, 1}, {"fte", TABLE_OUT_DECIMAL, 4},
		{"schaal", TABLE_OUT_TEXT, 0},		 {"trede", TABLE_OUT_INT, 0},
		{"begindatum", TABLE_OUT_DATE, 0},	 {"einddatum", TABLE_OUT_DATE, 0},
		{"scholen", TABLE_OUT_TEXT, 0},		 {"bevoegdheden", TABLE_OUT_TEXT, 0},
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		TRY(table_out_add_column(t, cols[i].h, cols[i].type, cols[i].dec, &err));
	for (size_t i = 0; i < l.n; i++) {
		const struct person_row *p = &l.rows[i];
		TRY(table_out_add_row(t, &err));
		TRY(table_out_text(t, p->employee_number, &err));
		TRY(table_out_text(t, p->last_name, &err));
		TRY(table_out_text(t, p->first_name, &err));
		TRY(table_out_date(t, p->birth_date, &err));
		TRY(table_out_int(t, p->age, &err));
		TRY(table_out_text(t, p->contract_kind, &err));
		TRY(table_out_decimal(t, p->hours_per_year, &err));
		TRY(table_out_decimal(t, p->fte, &err));
		TRY(table_out_text(t, p->salary_scale, &err));
		TRY(table_out_int(t, p->salary_step, &err));
		TRY(table_out_date(t, p->start_date, &err));
		TRY(table_out_date(t, p->end_date, &err));
		TRY(table_out_text(t, p->schools, &err));
		TRY(table_out_text(t, p->qualifications, &err));
	}
	char detail[64], base[48];
	snprintf(detail, sizeof detail, "%zu rows, %s", l.n, xlsx ? "xlsx" : "csv");
	TRY(audit_add(r->db, r->user.id, r->user.email, "export", "staff", board.bestuursnummer,
		      board_id, detail, &err));
	snprintf(base, sizeof base, "personeel-%s", board.bestuursnummer);
	TRY(send_table(r, s, t, base, xlsx, &err));
out:
	table_out_free(t);
	people_list_free(&l);
	return rc;
}

int page_region_export(struct req *r, struct resp *s)
{
	int64_t region_id = req_param_id(r, "region");
	struct samen_err err;
	samen_err_clear(&err);
	int xlsx = want_xlsx(r);
	if (xlsx < 0)
		return samen_fail_at(&err, SAMEN_EINVAL, 0, "formaat", "formaat must be csv or xlsx");
	struct region_info region;
	struct school_summary *schools = NULL;
	size_t n = 0;
	struct table_out *t = NULL;
	int rc = people_region(r->db, region_id, &region, &err);
	if (rc)
		return rc;
	TRY(people_school_summaries(r->db, region_id, 0, date_today(), &schools, &n, &err));
	TRY(table_out_new("Schoollocaties", &t, &err));
	TRY(table_out_add_column(t, "bestuur", TABLE_OUT_TEXT, 0, &err));
	TRY(table_out_add_column(t, "school", TABLE_OUT_TEXT, 0, &err));
	TRY(table_out_add_column(t, "brin", TABLE_OUT_TEXT, 0, &err));
	TRY(table_out_add_column(t, "vestiging", TABLE_OUT_TEXT, 0, &err));
	TRY(table_out_add_column(t, "gemeente", TABLE_OUT_TEXT, 0, &err));
	TRY(table_out_add_column(t, "onderwijssoorten", TABLE_OUT_TEXT, 0, &err));
	TRY(table_out_add_column(t, "vakantieregio", TABLE_OUT_TEXT, 0, &err));
	TRY(table_out_add_column(t, "personen", TABLE_OUT_INT, 0, &err));
	TRY(table_out_add_column(t, "fte", TABLE_OUT_DECIMAL, 1, &err));
	for (size_t i = 0; i < n; i++) {
		TRY(table_out_add_row(t, &err));
		TRY(table_out_text(t, schools[i].board_name, &err));
		TRY(table_out_text(t, schools[i].name, &err));
		TRY(table_out_text(t, schools[i].brin, &err));
		TRY(table_out_text(t, schools[i].vestiging, &err));
		TRY(table_out_text(t, schools[i].municipality, &err));
		TRY(table_out_text(t, schools[i].school_types, &err));
		TRY(table_out_text(t, schools[i].holiday_region, &err));
		TRY(table_out_int(t, schools[i].headcount, &err));
		TRY(table_out_decimal(t, schools[i].fte, &err));
	}
	char base[64];
	snprintf(base, sizeof base, "regio-%s", region.code);
	TRY(send_table(r, s, t, base, xlsx, &err));
out:
	table_out_free(t);
	free(schools);
	return rc;
}
