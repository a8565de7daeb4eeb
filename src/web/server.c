/*
 * server.c - libmicrohttpd glue: connections, bodies, limits, logging,
 * graceful shutdown (see server.h). Request handling itself is in router.c.
 *
 * libmicrohttpd calls the access handler several times per request: first
 * with only the headers (we set up per-request state), then with chunks of
 * the body (appended to a capped buffer), and finally with no data, when
 * the complete request is handled and the reply queued. Replying only then
 * keeps connections alive.
 *
 * Threads: one daemon per thread, each with its own event loop, and one
 * accept loop of ours that hands new connections to the daemons in turn.
 * A shared listen socket would let the threads race for connections, and a
 * burst of keep-alive clients (a load balancer, a benchmark) could end up
 * split 45/19 between two threads for its lifetime: the clients of the
 * busier thread then wait twice as long. Round robin keeps the split even.
 */
#include "web/server.h"
#include "store/db.h"
#include "util/log.h"
#include "web/mailer.h"
#include "web/router.h"

#include <arpa/inet.h>
#include <errno.h>
#include <malloc.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_THREADS 64

static const char *db_target;
static long statement_limit_ms;
static bool secure_cookies;
static bool quiet_log;

/* Per-thread database connections, closed at shutdown. */
static __thread struct db *thread_db;
static pthread_mutex_t dbs_lock = PTHREAD_MUTEX_INITIALIZER;
static struct db *all_dbs[MAX_THREADS * 2];
static int n_dbs;

bool server_secure_cookies(void)
{
	return secure_cookies;
}

static struct db *get_db(void)
{
	if (thread_db)
		return thread_db;
	struct samen_err err;
	samen_err_clear(&err);
	if (db_open(db_target, &thread_db, &err) != 0) {
		log_event("error", "db_open", json_pack("{s:s}", "message", err.msg));
		return NULL;
	}
	if (db_time_limit(thread_db, statement_limit_ms, &err) != 0)
		log_event("warn", "db_time_limit", json_pack("{s:s}", "message", err.msg));
	pthread_mutex_lock(&dbs_lock);
	if (n_dbs < (int)(sizeof all_dbs / sizeof all_dbs[0]))
		all_dbs[n_dbs++] = thread_db;
	pthread_mutex_unlock(&dbs_lock);
	return thread_db;
}

struct conn_state {
	struct req req;
	size_t cap;
	bool too_big;
	bool replied; /* a response was queued early (oversized body) */
	struct timespec start;
	char client_ip[64];
};

static const char *get_header(const struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

static const char *get_query(const struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

static const char *get_cookie(const struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

/* Upload routes get a larger body cap; everything else HTTP_MAX_BODY. */
static size_t body_cap_for(const char *url)
{
	if (strncmp(url, "/api/v1/imports", 15) == 0 || strstr(url, "/import") != NULL)
		return HTTP_MAX_UPLOAD;
	return HTTP_MAX_BODY;
}

static const char CSP[] =
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
	"form-action 'self'; frame-ancestors 'none'";

static enum MHD_Result send_reply(struct MHD_Connection *c, struct conn_state *cs, struct resp *s)
{
	size_t len = s->body.len;
	char *body = buf_detach(&s->body);
	struct MHD_Response *mr =
		MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!mr) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(mr, "Content-Type",
				s->content_type ? s->content_type : "text/plain; charset=utf-8");
	MHD_add_response_header(mr, "Content-Security-Policy", CSP);
	MHD_add_response_header(mr, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(mr, "X-Frame-Options", "DENY");
	MHD_add_response_header(mr, "Referrer-Policy", "same-origin");
	MHD_add_response_header(mr, "Permissions-Policy", "geolocation=(), camera=(), microphone=()");
	MHD_add_response_header(mr, "Cross-Origin-Opener-Policy", "same-origin");
	if (s->cache_seconds > 0) {
		char cc[64];
		snprintf(cc, sizeof cc, "public, max-age=%ld", s->cache_seconds);
		MHD_add_response_header(mr, "Cache-Control", cc);
	} else {
		MHD_add_response_header(mr, "Cache-Control", "no-store");
	}
	if (s->download_name[0]) {
		char cd[200];
		snprintf(cd, sizeof cd, "attachment; filename=\"%s\"", s->download_name);
		MHD_add_response_header(mr, "Content-Disposition", cd);
	}
	for (int i = 0; i < s->nheaders; i++) {
		char *colon = strchr(s->headers[i], ':');
		if (!colon)
			continue;
		*colon = '\0';
		const char *v = colon + 1;
		while (*v == ' ')
			v++;
		MHD_add_response_header(mr, s->headers[i], v);
	}
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)s->status, mr);
	MHD_destroy_response(mr);

	if (!quiet_log) {
		struct timespec end;
		clock_gettime(CLOCK_MONOTONIC, &end);
		double ms = (double)(end.tv_sec - cs->start.tv_sec) * 1e3 +
			    (double)(end.tv_nsec - cs->start.tv_nsec) / 1e6;
		json_t *f = json_pack("{s:s,s:s,s:i,s:f,s:I,s:s}", "method", cs->req.method,
				      "path", cs->req.path, "status", s->status, "ms", ms,
				      "bytes", (json_int_t)len, "client", cs->client_ip);
		if (cs->req.signed_in)
			json_object_set_new(f, "user", json_integer(cs->req.user.id));
		log_event("info", "request", f);
	}
	return ret;
}

static enum MHD_Result simple_error(struct MHD_Connection *c, struct conn_state *cs, int code,
				    const char *msg)
{
	if (cs->replied)
		return MHD_YES;
	cs->replied = true;
	struct resp s = {0};
	buf_init(&s.body, 4096);
	resp_error_code(&s, code, msg);
	return send_reply(c, cs, &s);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	struct conn_state *cs = *con_cls;
	if (!cs) {
		cs = calloc(1, sizeof *cs);
		if (!cs)
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &cs->start);
		cs->cap = body_cap_for(url);
		buf_init(&cs->req.body, cs->cap);
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		snprintf(cs->client_ip, sizeof cs->client_ip, "%s", "?");
		if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET) {
			const unsigned char *a = (const unsigned char *)
				&((const struct sockaddr_in *)ci->client_addr)->sin_addr;
			snprintf(cs->client_ip, sizeof cs->client_ip, "%u.%u.%u.%u", a[0], a[1],
				 a[2], a[3]);
		}
		cs->req.method = method;
		cs->req.path = url;
		*con_cls = cs;
		/* Refuse a declared oversized body before reading it. */
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > cs->cap) {
			cs->too_big = true;
			char msg[128];
			snprintf(msg, sizeof msg, "request body larger than %zu bytes", cs->cap);
			return simple_error(c, cs, SAMEN_ETOOBIG, msg);
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!cs->too_big && buf_add(&cs->req.body, upload_data, *upload_data_size) != 0)
			cs->too_big = true;
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (cs->too_big) {
		char msg[128];
		snprintf(msg, sizeof msg, "request body larger than %zu bytes", cs->cap);
		return simple_error(c, cs, SAMEN_ETOOBIG, msg);
	}

	struct req *r = &cs->req;
	r->conn = c;
	r->header = get_header;
	r->query = get_query;
	r->cookie = get_cookie;
	r->client_ip = cs->client_ip;
	r->db = get_db();
	if (!r->db)
		return simple_error(c, cs, SAMEN_EDB, "database unavailable");

	struct resp s = {0};
	s.no_store = true;
	buf_init(&s.body, HTTP_MAX_RESPONSE);
	router_handle(r, &s);
	db_rollback(r->db); /* a handler that failed mid-transaction leaves nothing behind */
	if (strcmp(method, "HEAD") == 0)
		buf_reset(&s.body);
	enum MHD_Result ret = send_reply(c, cs, &s);
	buf_release(&s.body);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct conn_state *cs = *con_cls;
	if (!cs)
		return;
	json_decref(cs->req.json);
	buf_release(&cs->req.body);
	free(cs);
	*con_cls = NULL;
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	log_event("warn", "httpd", json_pack("{s:s}", "message", msg));
}

/* The accept loop: connections to the daemons in turn. */
struct acceptor {
	int fd;
	struct MHD_Daemon *d[MAX_THREADS];
	int n;
	atomic_bool stop;
	pthread_t thread;
};

static void *accept_loop(void *arg)
{
	struct acceptor *a = arg;
	unsigned next = 0;
	while (!atomic_load(&a->stop)) {
		struct pollfd p = {a->fd, POLLIN, 0};
		if (poll(&p, 1, 200) <= 0)
			continue; /* timeout (look at stop again) or EINTR */
		struct sockaddr_storage sa;
		socklen_t len = sizeof sa;
		int c = accept4(a->fd, (struct sockaddr *)&sa, &len, SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (c < 0) {
			if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
				usleep(10000); /* out of descriptors: let connections end first */
			continue;
		}
		/* MHD closes the socket itself when it cannot take it (connection limit). */
		MHD_add_connection(a->d[next++ % (unsigned)a->n], c, (struct sockaddr *)&sa, len);
	}
	return NULL;
}

/* Bind and listen on addr; the socket in *fd. SAMEN_EIO when the port is taken. */
static int listen_on(const struct sockaddr_in *addr, int *fd, struct samen_err *err)
{
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	int one = 1;
	if (s < 0 || setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(s, (const struct sockaddr *)addr, sizeof *addr) != 0 || listen(s, 511) != 0) {
		int e = errno;
		if (s >= 0)
			close(s);
		char ip[INET_ADDRSTRLEN] = "";
		inet_ntop(AF_INET, &addr->sin_addr, ip, sizeof ip);
		return samen_fail(err, SAMEN_EIO, "cannot listen on %s:%d (port in use?): %s", ip,
				  ntohs(addr->sin_port), strerror(e));
	}
	*fd = s;
	return 0;
}

int server_run(const struct server_config *cfg, struct samen_err *err)
{
	db_target = cfg->db_target;
	secure_cookies = cfg->secure_cookies;
	quiet_log = cfg->quiet;
	statement_limit_ms = (cfg->request_seconds > 0 ? cfg->request_seconds : 10) * 1000L;
	int threads = cfg->threads > 0 ? cfg->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (threads < 1)
		threads = 1;
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	int port = cfg->port > 0 ? cfg->port : 8080;

	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, cfg->bind_addr ? cfg->bind_addr : "127.0.0.1", &addr.sin_addr) != 1)
		return samen_fail(err, SAMEN_EINVAL, "not an IPv4 address: %s", cfg->bind_addr);

	/*
	 * Pages and result lists are a few hundred KiB; above glibc's default
	 * mmap threshold each one would be a fresh mapping, page-faulted in and
	 * unmapped on every request. Keep such blocks in the heap instead.
	 */
	mallopt(M_MMAP_THRESHOLD, 16 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);

	/* Block the stop signals in all threads; the main thread waits for them. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	static struct acceptor acc;
	memset(&acc, 0, sizeof acc);
	int rc = listen_on(&addr, &acc.fd, err);
	if (rc)
		return rc;
	unsigned limit = (unsigned)(cfg->max_connections > 0 ? cfg->max_connections : 512);
	unsigned per = limit / (unsigned)threads ? limit / (unsigned)threads : 1;
	for (int i = 0; i < threads; i++) {
		acc.d[i] = MHD_start_daemon(
			MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
				MHD_USE_ERROR_LOG | MHD_USE_NO_LISTEN_SOCKET,
			0, NULL, NULL, on_request, NULL,
			MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
			MHD_OPTION_CONNECTION_LIMIT, per,
			MHD_OPTION_CONNECTION_TIMEOUT,
			(unsigned)(cfg->timeout_seconds > 0 ? cfg->timeout_seconds : 30),
			MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
			MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
			MHD_OPTION_END);
		if (!acc.d[i]) {
			for (int k = 0; k < i; k++)
				MHD_stop_daemon(acc.d[k]);
			close(acc.fd);
			return samen_fail(err, SAMEN_EIO, "cannot start the HTTP daemon");
		}
	}
	acc.n = threads;
	atomic_store(&acc.stop, false);
	if (pthread_create(&acc.thread, NULL, accept_loop, &acc) != 0) {
		for (int k = 0; k < threads; k++)
			MHD_stop_daemon(acc.d[k]);
		close(acc.fd);
		return samen_fail(err, SAMEN_EIO, "cannot start the accept thread");
	}
	struct mailer *mailer = NULL;
	if (cfg->smtp) {
		int mrc = mailer_start(cfg->db_target, cfg->smtp,
				       cfg->mail_from ? cfg->mail_from : "samen@localhost",
				       cfg->mail_seconds > 0 ? cfg->mail_seconds : 30, &mailer, err);
		if (mrc) {
			atomic_store(&acc.stop, true);
			pthread_join(acc.thread, NULL);
			close(acc.fd);
			for (int k = 0; k < threads; k++)
				MHD_stop_daemon(acc.d[k]);
			return mrc;
		}
	}
	log_event("info", "listening",
		  json_pack("{s:s,s:i,s:i}", "address", cfg->bind_addr ? cfg->bind_addr : "127.0.0.1",
			    "port", port, "threads", threads));

	int sig = 0;
	sigwait(&stop, &sig);
	log_event("info", "shutdown", json_pack("{s:i}", "signal", sig));
	atomic_store(&acc.stop, true); /* stop accepting; running requests finish */
	pthread_join(acc.thread, NULL);
	close(acc.fd);
	for (int k = 0; k < threads; k++)
		MHD_stop_daemon(acc.d[k]);
	mailer_stop(mailer); /* sends what is still pending, then ends */
	pthread_mutex_lock(&dbs_lock);
	for (int i = 0; i < n_dbs; i++)
		db_close(all_dbs[i]);
	n_dbs = 0;
	pthread_mutex_unlock(&dbs_lock);
	return 0;
}
