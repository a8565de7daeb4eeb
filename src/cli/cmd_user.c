/*
 * cmd_user.c - `samen user add|passwd`: manage accounts from the shell.
 */
#include "cli/cli.h"
#include "store/users.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_id(const char *s, int64_t *out)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v <= 0)
		return -1;
	*out = v;
	return 0;
}

static int run(int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "add") != 0 && strcmp(argv[1], "passwd") != 0)) {
		fprintf(stderr, "usage: samen user add|passwd ... (see samen help user)\n");
		return 2;
	}
	int add = strcmp(argv[1], "add") == 0;
	const char *target = cli_default_db();
	const char *email = NULL, *name = NULL, *password = NULL, *role = NULL;
	int64_t board = 0, school = 0, person = 0, region = 0;
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},	    {"email", required_argument, NULL, 'e'},
		{"name", required_argument, NULL, 'n'},	    {"password", required_argument, NULL, 'p'},
		{"role", required_argument, NULL, 'r'},	    {"board", required_argument, NULL, 'b'},
		{"school", required_argument, NULL, 's'},   {"person", required_argument, NULL, 'P'},
		{"region", required_argument, NULL, 'R'},   {0}};
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		int bad = 0;
		switch (c) {
		case 'd': target = optarg; break;
		case 'e': email = optarg; break;
		case 'n': name = optarg; break;
		case 'p': password = optarg; break;
		case 'r': role = optarg; break;
		case 'b': bad = parse_id(optarg, &board); break;
		case 's': bad = parse_id(optarg, &school); break;
		case 'P': bad = parse_id(optarg, &person); break;
		case 'R': bad = parse_id(optarg, &region); break;
		default: return 2;
		}
		if (bad) {
			fprintf(stderr, "samen: '%s' is not a valid id\n", optarg);
			return 2;
		}
	}
	if (!email) {
		fprintf(stderr, "samen: --email is required\n");
		return 2;
	}
	if (!password)
		password = getenv("SAMEN_PASSWORD");
	if (!password) {
		fprintf(stderr, "samen: give --password or set SAMEN_PASSWORD\n");
		return 2;
	}
	struct db *db;
	if (cli_open_db(target, &db))
		return 1;
	struct samen_err err;
	samen_err_clear(&err);
	int rc;
	if (add) {
		enum role r = role ? role_parse(role) : 0;
		if (!r) {
			fprintf(stderr, "samen: --role must be one of admin, coordinator, executive,"
					" hr, school_leader, staff\n");
			db_close(db);
			return 2;
		}
		struct user_new u = {.email = email, .name = name, .password = password, .role = r,
				     .region_id = region, .board_id = board, .school_id = school,
				     .person_id = person};
		int64_t id;
		rc = users_add(db, &u, "cli", &id, &err);
		if (rc == 0)
			printf("created account %s (%s), id %lld\n", email, role, (long long)id);
	} else {
		rc = users_passwd(db, email, password, "cli", &err);
		if (rc == 0)
			printf("password changed for %s; its sessions were ended\n", email);
	}
	if (rc)
		cli_print_err(&err);
	db_close(db);
	return rc ? 1 : 0;
}

const struct cli_command cmd_user = {
	.name = "user",
	.summary = "add an account or change its password",
	.help = "Usage:\n"
		"  samen user add --email E --role ROLE [--name N] [--password P]\n"
		"                 [--region ID] [--board ID] [--school ID] [--person ID] [--db PATH|URL]\n"
		"  samen user passwd --email E [--password P] [--db PATH|URL]\n\n"
		"ROLE is admin, coordinator (needs --region), executive or hr (need --board),\n"
		"school_leader (needs --school) or staff (needs --person). The password may\n"
		"also come from $SAMEN_PASSWORD, so it does not show in the process list.\n"
		"Passwords have at least 10 characters and are stored as Argon2id hashes.\n"
		"Changing a password ends the account's sessions.\n",
	.run = run,
};
