/*
 * smtp.h - a small SMTP client for notification e-mail (issue 4).
 *
 * Speaks plain SMTP (RFC 5321) over one TCP connection to a configured
 * relay ("host:port", e.g. a local Postfix or the organisation's relay on
 * port 25): EHLO (HELO when EHLO is refused), MAIL FROM, RCPT TO, DATA
 * with dot-stuffing and CRLF line ends, QUIT. No TLS and no
 * authentication: the relay is expected to be local or trusted. Every
 * read and write has a timeout.
 */
#ifndef SAMEN_SMTP_H
#define SAMEN_SMTP_H

#include "util/err.h"

/* One message. Header values must not contain CR or LF (SAMEN_EINVAL). */
struct smtp_message {
	const char *from;    /* envelope and From: address */
	const char *to;      /* one recipient */
	const char *subject; /* UTF-8, sent as an RFC 2047 encoded word when not ASCII */
	const char *body;    /* UTF-8 text; lines may end in LF or CRLF */
};

/*
 * Send m through the relay at target ("host:port"), waiting at most
 * timeout_ms for each step. Errors: SAMEN_EINVAL (bad target or header),
 * SAMEN_EIO (connection failed, or the server refused a step: the message
 * names the step and the server's reply).
 */
int smtp_send(const char *target, const struct smtp_message *m, int timeout_ms,
	      struct samen_err *err);

#endif
