/*
 * server.h - the HTTP server of `samen serve` (libmicrohttpd).
 *
 * A thread pool with epoll answers requests; every worker thread opens its
 * own database connection on first use. Limits are explicit: request body
 * size (per route kind), concurrent connections, the per-connection idle
 * timeout, and the time any one database statement of a request may take. SIGTERM and SIGINT stop accepting new connections, let
 * running requests finish, then close everything.
 */
#ifndef SAMEN_SERVER_H
#define SAMEN_SERVER_H

#include <stdbool.h>

#include "util/err.h"

struct server_config {
	const char *db_target;   /* SQLite path or postgres:// URL */
	const char *bind_addr;   /* "127.0.0.1" (default) or "0.0.0.0" */
	int port;                /* 0 = 8080 */
	int threads;             /* worker threads; 0 = number of cores */
	int max_connections;     /* 0 = 512 */
	int timeout_seconds;     /* idle timeout per connection; 0 = 30 */
	int request_seconds;     /* limit on each database statement of a request; 0 = 10 */
	bool secure_cookies;     /* add the Secure flag (behind HTTPS) */
	const char *smtp;        /* "host:port" of an SMTP relay for notifications, or NULL */
	const char *mail_from;   /* sender address of those e-mails */
	int mail_seconds;        /* how often pending notifications are sent; 0 = 30 */
	bool quiet;              /* no per-request log lines */
};

/*
 * Run the server until SIGTERM or SIGINT. The database must already be
 * migrated. Returns 0 after a clean shutdown, SAMEN_EIO if the port cannot
 * be bound.
 */
int server_run(const struct server_config *cfg, struct samen_err *err);

/* Whether cookies get the Secure flag (set by server_run from the config). */
bool server_secure_cookies(void);

#endif
