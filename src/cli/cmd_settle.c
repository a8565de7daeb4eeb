/*
 * cmd_settle.c - `samen settle PERIOD`: the settlement of a region for a
 * month, quarter or school year, the same figures as the web's settlement
 * screens (store/ledger.h): invoices per lending -> borrowing board, net
 * amounts, at most (boards - 1) payments, a board's statement, and the
 * files for the boards' accounting (CSV, XLSX, UBL 2.1). With --close the
 * period is closed first (its lines are frozen). Writing files that name
 * seconded staff is recorded in the audit log.
 */
#include "cli/cli.h"
#include "cli/ledger_cli.h"
#include "formats/settlement_out.h"
#include "formats/ubl.h"
#include "store/audit.h"
#include "util/date.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define UBL_MAX_BYTES ((size_t)64 << 20)

static int usage(void)
{
	fprintf(stderr, "usage: samen settle PERIOD [--region CODE] [--board BESTUURSNUMMER] [--close]\n"
			"                    [--csv FILE] [--xlsx FILE] [--ubl DIR] [--db PATH|URL]\n"
			"PERIOD is a month (2026-10), a quarter (2026-Q4) or a school year (2026-2027).\n");
	return 2;
}

/* Write data to path with mode 0600 through a temporary name (no half files). */
static int write_file(const char *path, const char *data, size_t len, struct samen_err *err)
{
	char tmp[4096];
	if (snprintf(tmp, sizeof tmp, "%s.tmpXXXXXX", path) >= (int)sizeof tmp)
		return samen_fail(err, SAMEN_EIO, "path too long: %s", path);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return samen_fail(err, SAMEN_EIO, "cannot create %s: %s", path, strerror(errno));
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w <= 0) {
			close(fd);
			unlink(tmp);
			return samen_fail(err, SAMEN_EIO, "cannot write %s", path);
		}
		off += (size_t)w;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		return samen_fail(err, SAMEN_EIO, "cannot write %s: %s", path, strerror(errno));
	}
	return 0;
}

/* One UBL file per invoice (of `board` as seller, or all) into dir. */
static int write_ubl(struct db *db, const struct ledger_settlement *st, int64_t board,
		     const char *dir, size_t *written, struct samen_err *err)
{
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return samen_fail(err, SAMEN_EIO, "cannot create directory %s: %s", dir, strerror(errno));
	char issue[11], due[11];
	long today = date_today();
	date_format(today, issue);
	date_format(today + 30, due);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < st->ninv; i++) {
		const struct ledger_invoice *iv = &st->inv[i];
		if (board && iv->seller_id != board)
			continue;
		struct ledger_party ps, pb;
		struct ubl_party us, ub;
		rc = store_ledger_party_get(db, iv->seller_id, &ps, err);
		if (rc == 0)
			rc = store_ledger_party_get(db, iv->buyer_id, &pb, err);
		if (rc)
			break;
		settlement_ubl_party(&ps, &us);
		settlement_ubl_party(&pb, &ub);
		struct buf b;
		buf_init(&b, UBL_MAX_BYTES);
		rc = ubl_invoice(&us, &ub, iv, st->lines, &st->period, issue, due, &b, err);
		if (rc == 0) {
			char number[96], path[4096];
			ubl_invoice_number(&st->period, &us, &ub, number, sizeof number);
			snprintf(path, sizeof path, "%s/%s.xml", dir, number);
			rc = write_file(path, buf_str(&b), b.len, err);
			if (rc == 0)
				(*written)++;
		}
		buf_release(&b);
	}
	return rc;
}

static int run(int argc, char **argv)
{
	const char *target = cli_default_db();
	const char *region = NULL, *board_no = NULL, *csv = NULL, *xlsx = NULL, *ubl = NULL;
	int close_it = 0;
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},	  {"region", required_argument, NULL, 'r'},
		{"board", required_argument, NULL, 'b'},  {"close", no_argument, NULL, 'c'},
		{"csv", required_argument, NULL, 'C'},	  {"xlsx", required_argument, NULL, 'X'},
		{"ubl", required_argument, NULL, 'U'},	  {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': target = optarg; break;
		case 'r': region = optarg; break;
		case 'b': board_no = optarg; break;
		case 'c': close_it = 1; break;
		case 'C': csv = optarg; break;
		case 'X': xlsx = optarg; break;
		case 'U': ubl = optarg; break;
		default: return usage();
		}
	}
	if (optind != argc - 1)
		return usage();
	struct samen_err err;
	samen_err_clear(&err);
	struct ledger_period p;
	if (ledger_period_parse(argv[optind], &p, &err)) {
		cli_print_err(&err);
		return 2;
	}
	struct db *db;
	if (cli_open_db(target, &db))
		return 1;
	int64_t region_id = 0, board = 0;
	char region_name[128] = "";
	struct ledger_settlement st = {0};
	struct table_out *t = NULL;
	const struct secondment_actor who = {0, "cli"};
	int rc = ledger_cli_region(db, region, &region_id, region_name, &err);
	if (rc == 0 && board_no)
		rc = ledger_cli_board(db, board_no, "board", &board, &err);
	if (rc == 0 && close_it) {
		size_t frozen = 0;
		rc = store_ledger_close(db, region_id, &p, date_today(), &who, &frozen, &err);
		if (rc == 0)
			printf("closed period %s: %zu line(s) frozen\n", p.key, frozen);
	}
	if (rc == 0)
		rc = store_ledger_settle(db, region_id, &p, &st, &err);
	if (rc == 0 && board && store_ledger_board_index(&st, board) < 0)
		rc = samen_fail_at(&err, SAMEN_EINVAL, 0, "board", "board %s is not in region %s",
				   board_no, region_name);
	if (rc == 0) {
		ledger_cli_print_settlement(stdout, &st, region_name);
		if (board)
			rc = ledger_cli_print_statement(stdout, &st, board, &err);
	}
	if (rc == 0 && (csv || xlsx)) {
		rc = board ? settlement_statement_table(&st, board, &t, &err)
			   : settlement_lines_table(&st, 0, &t, &err);
		if (rc == 0 && csv)
			rc = table_out_csv_file(t, NULL, csv, &err);
		if (rc == 0 && xlsx)
			rc = table_out_xlsx_file(t, xlsx, &err);
		if (rc == 0)
			printf("wrote %s%s%s\n", csv ? csv : "", csv && xlsx ? " and " : "", xlsx ? xlsx : "");
	}
	size_t written = 0;
	if (rc == 0 && ubl) {
		rc = write_ubl(db, &st, board, ubl, &written, &err);
		if (rc == 0)
			printf("wrote %zu UBL invoice(s) to %s\n", written, ubl);
	}
	if (rc == 0 && (csv || xlsx || ubl)) {
		char idtxt[24], detail[160];
		snprintf(idtxt, sizeof idtxt, "%lld", (long long)region_id);
		snprintf(detail, sizeof detail, "period %s board %s csv=%d xlsx=%d ubl=%zu", p.key,
			 board_no ? board_no : "all", csv != NULL, xlsx != NULL, written);
		rc = audit_add(db, 0, "cli", "ledger.export", "region", idtxt, board, detail, &err);
	}
	if (rc)
		cli_print_err(&err);
	table_out_free(t);
	store_ledger_settlement_free(&st);
	db_close(db);
	return rc ? 1 : 0;
}

const struct cli_command cmd_settle = {
	.name = "settle",
	.summary = "settle the costs of secondments between boards for a period",
	.help = "Usage: samen settle PERIOD [--region CODE] [--board BESTUURSNUMMER] [--close]\n"
		"                    [--csv FILE] [--xlsx FILE] [--ubl DIR] [--db PATH|URL]\n\n"
		"PERIOD is a month (2026-10), a quarter (2026-Q4) or a school year (2026-2027,\n"
		"1 August to 31 July). Prints the invoices (one per lending -> borrowing board,\n"
		"VAT per invoice), each board's net amount and the payments that settle them:\n"
		"at most (boards - 1) instead of one per invoice. Closed months use the lines\n"
		"frozen when they closed; open months are priced now and may still change.\n\n"
		"  --region CODE   the region (needed only when the database holds several)\n"
		"  --board NUMBER  also print that board's statement, line by line with the\n"
		"                  running total; --csv/--xlsx then write the statement, and\n"
		"                  --ubl only the invoices the board sends\n"
		"  --close         close the period first (refused before its last day, or\n"
		"                  when it was closed before); hours of a closed period can\n"
		"                  no longer change\n"
		"  --csv FILE      the settlement's lines (or the board's statement) as CSV\n"
		"  --xlsx FILE     the same as XLSX\n"
		"  --ubl DIR       one UBL 2.1 invoice per lending -> borrowing board\n"
		"                  (NLCIUS / Peppol BIS 3.0), named SAMEN-PERIOD-SELLER-BUYER.xml\n\n"
		"Amounts are in euro cents, rounded once per line (docs/secondment.md).\n"
		"Writing files is recorded in the audit log.\n",
	.run = run,
};
