/*
 * test_smtp.c - the SMTP client (util/smtp.c) against a small SMTP sink
 * started in the test: a forked child listening on 127.0.0.1 that speaks
 * the server side and writes everything it received to a file, which the
 * test then compares with the exact expected conversation. A second sink
 * refuses the recipient, which must come back as SAMEN_EIO naming RCPT TO.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <signal.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/smtp.h"

/* Read one line (up to LF) from fd into out; 0 at EOF. */
static size_t line_in(int fd, char *out, size_t n)
{
	size_t k = 0;
	char ch;
	while (k + 1 < n && read(fd, &ch, 1) == 1) {
		out[k++] = ch;
		if (ch == '\n')
			break;
	}
	out[k] = '\0';
	return k;
}

static void say(int fd, const char *s)
{
	if (write(fd, s, strlen(s)) < 0)
		_exit(3);
}

/* The sink: one connection; refuse_rcpt makes RCPT TO fail with 550. */
static void sink(int ls, const char *log, int refuse_rcpt)
{
	int fd = accept(ls, NULL, NULL);
	FILE *f = fopen(log, "w");
	if (fd < 0 || !f)
		_exit(2);
	char line[2048];
	say(fd, "220 sink ESMTP\r\n");
	int in_data = 0;
	while (line_in(fd, line, sizeof line)) {
		fputs(line, f);
		if (in_data) {
			if (strcmp(line, ".\r\n") == 0) {
				in_data = 0;
				say(fd, "250 queued\r\n");
			}
			continue;
		}
		if (strncmp(line, "EHLO", 4) == 0)
			say(fd, "250-sink\r\n250 8BITMIME\r\n");
		else if (strncmp(line, "RCPT", 4) == 0 && refuse_rcpt)
			say(fd, "550 no such user\r\n");
		else if (strncmp(line, "DATA", 4) == 0) {
			say(fd, "354 go on\r\n");
			in_data = 1;
		} else if (strncmp(line, "QUIT", 4) == 0) {
			say(fd, "221 bye\r\n");
			break;
		} else
			say(fd, "250 ok\r\n");
	}
	fclose(f);
	close(fd);
	_exit(0);
}

static pid_t start_sink(const char *log, int refuse, char *target, size_t n)
{
	int ls = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(ls >= 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(ls, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(ls, 1), 0);
	socklen_t len = sizeof a;
	assert_int_equal(getsockname(ls, (struct sockaddr *)&a, &len), 0);
	snprintf(target, n, "127.0.0.1:%d", ntohs(a.sin_port));
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		sink(ls, log, refuse);
	close(ls);
	return pid;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char buf[8192];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void sends_a_message(void **state)
{
	(void)state;
	char log[] = "/tmp/test_smtp_XXXXXX", target[64];
	int fd = mkstemp(log);
	assert_true(fd >= 0);
	close(fd);
	pid_t pid = start_sink(log, 0, target, sizeof target);
	struct smtp_message m = {"samen@example.org", "sanne@example.org", "Aanbod scheikunde",
				 "Beste Sanne,\n.een regel met een punt\nGroet"};
	struct samen_err err;
	samen_err_clear(&err);
	int rc = smtp_send(target, &m, 5000, &err);
	int status = 0;
	waitpid(pid, &status, 0);
	if (rc)
		fail_msg("smtp_send: %s", err.msg);
	assert_int_equal(WEXITSTATUS(status), 0);
	const char *got = slurp(log);
	unlink(log);
	/* the envelope */
	assert_non_null(strstr(got, "EHLO samen.local\r\nMAIL FROM:<samen@example.org>\r\n"
				    "RCPT TO:<sanne@example.org>\r\nDATA\r\n"));
	/* the headers and the body, CRLF and dot-stuffed, then QUIT */
	assert_non_null(strstr(got, "From: samen@example.org\r\nTo: sanne@example.org\r\n"
				    "Subject: Aanbod scheikunde\r\nMIME-Version: 1.0\r\n"
				    "Content-Type: text/plain; charset=UTF-8\r\n"
				    "Content-Transfer-Encoding: 8bit\r\n\r\n"
				    "Beste Sanne,\r\n..een regel met een punt\r\nGroet\r\n.\r\nQUIT\r\n"));
}

static void non_ascii_subject(void **state)
{
	(void)state;
	char log[] = "/tmp/test_smtp_XXXXXX", target[64];
	int fd = mkstemp(log);
	assert_true(fd >= 0);
	close(fd);
	pid_t pid = start_sink(log, 0, target, sizeof target);
	/* "Één" in UTF-8 is C3 89 C3 A9 6E: base64 w4nDqW4= */
	struct smtp_message m = {"a@example.org", "b@example.org", "\xc3\x89\xc3\xa9n", "x"};
	struct samen_err err;
	int rc = smtp_send(target, &m, 5000, &err);
	waitpid(pid, NULL, 0);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(slurp(log), "Subject: =?UTF-8?B?w4nDqW4=?=\r\n"));
	unlink(log);
}

static void refusals(void **state)
{
	(void)state;
	char log[] = "/tmp/test_smtp_XXXXXX", target[64];
	int fd = mkstemp(log);
	assert_true(fd >= 0);
	close(fd);
	pid_t pid = start_sink(log, 1, target, sizeof target);
	struct smtp_message m = {"a@example.org", "nobody@example.org", "s", "b"};
	struct samen_err err;
	assert_int_equal(smtp_send(target, &m, 5000, &err), SAMEN_EIO);
	assert_string_equal(err.msg, "smtp: RCPT TO refused: 550 no such user");
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	unlink(log);
	assert_int_equal(smtp_send("nohostport", &m, 1000, &err), SAMEN_EINVAL);
	struct smtp_message bad = {"a@example.org", "b@example.org\r\nBcc: x@y", "s", "b"};
	assert_int_equal(smtp_send("127.0.0.1:25", &bad, 1000, &err), SAMEN_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sends_a_message),
		cmocka_unit_test(non_ascii_subject),
		cmocka_unit_test(refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
