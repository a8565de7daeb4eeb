/*
 * smtp.c - the SMTP client (see smtp.h).
 */
#include "util/smtp.h"
#include "util/buf.h"

#include <errno.h>
#include <netdb.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

struct conn {
	int fd;
	char in[1024];
	size_t len;
};

static int send_all(struct conn *c, const char *s, size_t n, struct samen_err *err)
{
	while (n) {
		ssize_t w = send(c->fd, s, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return samen_fail(err, SAMEN_EIO, "smtp: write failed: %s", strerror(errno));
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Read one reply (all its lines); *code gets the 3-digit code, last holds the last line. */
static int reply(struct conn *c, int *code, char *last, size_t lastn, struct samen_err *err)
{
	for (;;) {
		char *nl = memchr(c->in, '\n', c->len);
		if (nl) {
			size_t linelen = (size_t)(nl - c->in) + 1;
			char line[1024];
			size_t k = linelen < sizeof line ? linelen : sizeof line - 1;
			memcpy(line, c->in, k);
			line[k] = '\0';
			memmove(c->in, c->in + linelen, c->len - linelen);
			c->len -= linelen;
			line[strcspn(line, "\r\n")] = '\0';
			if (strlen(line) < 3 || line[0] < '1' || line[0] > '5')
				return samen_fail(err, SAMEN_EIO, "smtp: bad reply '%.100s'", line);
			if (line[3] == '-')
				continue; /* more lines of this reply */
			*code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
			snprintf(last, lastn, "%.200s", line);
			return 0;
		}
		if (c->len == sizeof c->in)
			return samen_fail(err, SAMEN_EIO, "smtp: reply line too long");
		ssize_t r = recv(c->fd, c->in + c->len, sizeof c->in - c->len, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return samen_fail(err, SAMEN_EIO, "smtp: connection closed or timed out");
		c->len += (size_t)r;
	}
}

/* Send a command and expect a reply of class want (2 or 3). */
static int step(struct conn *c, const char *cmd, int want, const char *name, int *code,
		struct samen_err *err)
{
	int rc = cmd ? send_all(c, cmd, strlen(cmd), err) : 0;
	char last[256];
	if (!rc)
		rc = reply(c, code, last, sizeof last, err);
	if (!rc && *code / 100 != want)
		rc = samen_fail(err, SAMEN_EIO, "smtp: %s refused: %s", name, last);
	return rc;
}

static bool header_ok(const char *s)
{
	return s && !strpbrk(s, "\r\n");
}

static bool ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* Subject as an RFC 2047 "B" encoded word when it is not plain ASCII. */
static int subject_header(struct buf *b, const char *s)
{
	if (ascii(s))
		return buf_printf(b, "Subject: %s\r\n", s);
	static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	int rc = buf_puts(b, "Subject: =?UTF-8?B?");
	size_t n = strlen(s);
	for (size_t i = 0; !rc && i < n; i += 3) {
		unsigned v = (unsigned char)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned char)s[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)s[i + 2];
		char q[4] = {tbl[(v >> 18) & 63], tbl[(v >> 12) & 63],
			     i + 1 < n ? tbl[(v >> 6) & 63] : '=', i + 2 < n ? tbl[v & 63] : '='};
		rc = buf_add(b, q, 4);
	}
	return rc ? rc : buf_puts(b, "?=\r\n");
}

/* The DATA payload: headers, body with CRLF and dot-stuffing, the final dot. */
static int payload(struct buf *b, const struct smtp_message *m)
{
	char date[64];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	int rc = buf_printf(b, "Date: %s\r\nFrom: %s\r\nTo: %s\r\n", date, m->from, m->to);
	if (!rc)
		rc = subject_header(b, m->subject);
	if (!rc)
		rc = buf_puts(b, "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
				 "Content-Transfer-Encoding: 8bit\r\n\r\n");
	const char *p = m->body ? m->body : "";
	while (!rc && *p) {
		size_t n = strcspn(p, "\r\n");
		if (*p == '.')
			rc = buf_puts(b, ".");
		if (!rc)
			rc = buf_add(b, p, n);
		if (!rc)
			rc = buf_puts(b, "\r\n");
		p += n;
		if (*p == '\r')
			p++;
		if (*p == '\n')
			p++;
	}
	return rc ? rc : buf_puts(b, ".\r\n");
}

int smtp_send(const char *target, const struct smtp_message *m, int timeout_ms,
	      struct samen_err *err)
{
	char host[256], port[16];
	const char *colon = target ? strrchr(target, ':') : NULL;
	if (!colon || colon == target || (size_t)(colon - target) >= sizeof host ||
	    strlen(colon + 1) == 0 || strlen(colon + 1) >= sizeof port)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "smtp", "the SMTP server is written HOST:PORT");
	snprintf(host, sizeof host, "%.*s", (int)(colon - target), target);
	snprintf(port, sizeof port, "%s", colon + 1);
	if (!header_ok(m->from) || !header_ok(m->to) || !header_ok(m->subject) || !m->from[0] ||
	    !m->to[0])
		return samen_fail_at(err, SAMEN_EINVAL, 0, "mail",
				     "from, to and subject are required, on one line each");
	struct addrinfo hints, *res = NULL;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host, port, &hints, &res) != 0 || !res)
		return samen_fail(err, SAMEN_EIO, "smtp: cannot resolve %s", host);
	struct conn c = {-1, {0}, 0};
	struct timeval tv = {timeout_ms / 1000, (timeout_ms % 1000) * 1000};
	for (struct addrinfo *a = res; a && c.fd < 0; a = a->ai_next) {
		c.fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
		if (c.fd < 0)
			continue;
		setsockopt(c.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
		setsockopt(c.fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
		if (connect(c.fd, a->ai_addr, a->ai_addrlen) != 0) {
			close(c.fd);
			c.fd = -1;
		}
	}
	freeaddrinfo(res);
	if (c.fd < 0)
		return samen_fail(err, SAMEN_EIO, "smtp: cannot connect to %s", target);
	struct buf cmd, data;
	buf_init(&cmd, 4096);
	buf_init(&data, (size_t)4 << 20);
	int code = 0;
	int rc = step(&c, NULL, 2, "greeting", &code, err);
	if (!rc && step(&c, "EHLO samen.local\r\n", 2, "EHLO", &code, err) != 0) {
		samen_err_clear(err);
		rc = step(&c, "HELO samen.local\r\n", 2, "HELO", &code, err);
	}
	if (!rc) {
		buf_reset(&cmd);
		rc = buf_printf(&cmd, "MAIL FROM:<%s>\r\n", m->from);
		if (!rc)
			rc = step(&c, buf_str(&cmd), 2, "MAIL FROM", &code, err);
	}
	if (!rc) {
		buf_reset(&cmd);
		rc = buf_printf(&cmd, "RCPT TO:<%s>\r\n", m->to);
		if (!rc)
			rc = step(&c, buf_str(&cmd), 2, "RCPT TO", &code, err);
	}
	if (!rc)
		rc = step(&c, "DATA\r\n", 3, "DATA", &code, err);
	if (!rc && payload(&data, m) != 0)
		rc = samen_fail(err, SAMEN_ETOOBIG, "smtp: message too large");
	if (!rc)
		rc = send_all(&c, buf_str(&data), strlen(buf_str(&data)), err);
	if (!rc)
		rc = step(&c, NULL, 2, "message", &code, err);
	if (!rc) {
		struct samen_err ignore;
		step(&c, "QUIT\r\n", 2, "QUIT", &code, &ignore);
	}
	close(c.fd);
	buf_release(&cmd);
	buf_release(&data);
	return rc;
}
