/*
 * cmd_serve.c - `samen serve`: run the web application.
 */
#include "cli/cli.h"
#include "web/server.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run(int argc, char **argv)
{
	struct server_config cfg = {.db_target = cli_default_db()};
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},	   {"port", required_argument, NULL, 'p'},
		{"bind", required_argument, NULL, 'b'},	   {"threads", required_argument, NULL, 't'},
		{"max-connections", required_argument, NULL, 'c'},
		{"timeout", required_argument, NULL, 'T'}, {"secure-cookies", no_argument, NULL, 's'},
		{"request-timeout", required_argument, NULL, 'R'},
		{"smtp", required_argument, NULL, 'S'},    {"mail-from", required_argument, NULL, 'F'},
		{"mail-interval", required_argument, NULL, 'I'},
		{"quiet", no_argument, NULL, 'q'},	   {0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:p:b:t:c:T:R:S:F:I:sq", opts, NULL)) != -1) {
		char *end = NULL;
		long v = 0;
		if (c == 'p' || c == 't' || c == 'c' || c == 'T' || c == 'R' || c == 'I') {
			v = strtol(optarg, &end, 10);
			if (*end || v < 0 || v > 65535) {
				fprintf(stderr, "samen: '%s' is not a valid number\n", optarg);
				return 2;
			}
		}
		switch (c) {
		case 'd': cfg.db_target = optarg; break;
		case 'p': cfg.port = (int)v; break;
		case 'b': cfg.bind_addr = optarg; break;
		case 't': cfg.threads = (int)v; break;
		case 'c': cfg.max_connections = (int)v; break;
		case 'T': cfg.timeout_seconds = (int)v; break;
		case 'R': cfg.request_seconds = (int)v; break;
		case 'S': cfg.smtp = optarg; break;
		case 'F': cfg.mail_from = optarg; break;
		case 'I': cfg.mail_seconds = (int)v; break;
		case 's': cfg.secure_cookies = true; break;
		case 'q': cfg.quiet = true; break;
		default: return 2;
		}
	}
	struct db *db;
	if (cli_open_db(cfg.db_target, &db))
		return 1;
	db_close(db);
	char shown[512];
	db_target_display(cfg.db_target, shown, sizeof shown);
	printf("Samen runs at http://%s:%d/ (database: %s). Stop with Ctrl-C.\n",
	       cfg.bind_addr ? cfg.bind_addr : "127.0.0.1", cfg.port ? cfg.port : 8080, shown);
	fflush(stdout);
	struct samen_err err;
	samen_err_clear(&err);
	if (server_run(&cfg, &err)) {
		cli_print_err(&err);
		return 1;
	}
	return 0;
}

const struct cli_command cmd_serve = {
	.name = "serve",
	.summary = "run the web application",
	.help = "Usage: samen serve [--db PATH|URL] [--port N] [--bind ADDR] [--threads N]\n"
		"                   [--max-connections N] [--timeout SECONDS] [--request-timeout SECONDS]\n"
		"                   [--smtp HOST:PORT [--mail-from ADDR] [--mail-interval SECONDS]]\n"
		"                   [--secure-cookies] [--quiet]\n\n"
		"Applies pending migrations, then serves the web application and the JSON API\n"
		"(/api/v1, see docs/api/) on ADDR:N (default 127.0.0.1:8080). Limits: request\n"
		"bodies 1 MiB (uploads 16 MiB), --max-connections (default 512) concurrent\n"
		"connections, --timeout (default 30) seconds idle per connection, and\n"
		"--request-timeout (default 10) seconds for any one database statement. Several serve\n"
		"processes may share one PostgreSQL database behind a load balancer. Use\n"
		"--secure-cookies behind HTTPS. SIGTERM or Ctrl-C stops after running requests\n"
		"finish. Each request is logged as one JSON line on standard error (--quiet: off).\n"
		"With --smtp, notifications (offers, approvals; docs/match.md) are also e-mailed\n"
		"through that relay every --mail-interval seconds (default 30), from --mail-from.\n",
	.run = run,
};
