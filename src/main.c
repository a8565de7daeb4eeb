/*
 * main.c - the `samen` program: one binary for the web application and the
 * command line. This file only holds the command table and dispatches; each
 * command lives in src/cli/cmd_NAME.c.
 */
#include "cli/cli.h"

#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

extern const struct cli_command cmd_init, cmd_serve, cmd_migrate, cmd_user, cmd_backup;
/* CLI-COMMANDS-EXTERN: helpers add their extern lines below this marker. */
extern const struct cli_command cmd_aow;
extern const struct cli_command cmd_facts, cmd_forecast;
extern const struct cli_command cmd_import, cmd_export;
extern const struct cli_command cmd_demo;
extern const struct cli_command cmd_plan, cmd_holidays;
extern const struct cli_command cmd_settle, cmd_secondment, cmd_ledger;
extern const struct cli_command cmd_match;
extern const struct cli_command cmd_timetable_settings, cmd_travel_import;
extern const struct cli_command cmd_match_settings;

static const struct cli_command *const commands[] = {
	&cmd_init,
	&cmd_serve,
	&cmd_migrate,
	&cmd_user,
	&cmd_backup,
	/* CLI-COMMANDS-TABLE: helpers add their entries below this marker. */
	&cmd_aow,
	&cmd_match,
	&cmd_timetable_settings, &cmd_travel_import,
	&cmd_match_settings,
	&cmd_facts, &cmd_forecast,
	&cmd_import, &cmd_export,
	&cmd_demo,
	&cmd_plan, &cmd_holidays,
	&cmd_settle, &cmd_secondment, &cmd_ledger,
	NULL,
};

static void usage(FILE *out)
{
	fprintf(out, "Samen - regional staff collaboration for secondary-school boards\n\n"
		     "Usage: samen COMMAND [OPTIONS]\n\nCommands:\n");
	for (size_t i = 0; commands[i]; i++)
		fprintf(out, "  %-19s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(out, "  %-19s %s\n", "help", "explain a command: samen help COMMAND");
	fprintf(out, "\nA database is a SQLite file path (default samen.db, or $SAMEN_DB)\n"
		     "or a postgres:// URL, given with --db wherever a command uses one.\n");
}

static const struct cli_command *find(const char *name)
{
	for (size_t i = 0; commands[i]; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C");
	if (sodium_init() < 0) {
		fprintf(stderr, "samen: cannot initialise libsodium\n");
		return 1;
	}
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("samen 0.1.0\n");
		return 0;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc < 3) {
			usage(stdout);
			return 0;
		}
		const struct cli_command *c = find(argv[2]);
		if (!c) {
			fprintf(stderr, "samen: unknown command '%s'; see samen --help\n", argv[2]);
			return 2;
		}
		fputs(c->help, stdout);
		return 0;
	}
	const struct cli_command *c = find(argv[1]);
	if (!c) {
		fprintf(stderr, "samen: unknown command '%s'; see samen --help\n", argv[1]);
		return 2;
	}
	return c->run(argc - 1, argv + 1);
}
