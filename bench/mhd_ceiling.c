/*
 * mhd_ceiling.c - the request-rate ceiling of libmicrohttpd on this
 * machine: a minimal server that answers every request with a fixed short
 * string, started with the same daemon flags and options as the real
 * server (src/web/server.c): MHD_USE_INTERNAL_POLLING_THREAD |
 * MHD_USE_EPOLL | MHD_USE_ITC, a thread pool of one thread per online CPU
 * (or --threads), the same connection limit, timeout and per-connection
 * memory limit, and the reply queued only on the final access-handler call,
 * as server.c does (the first call only sets up per-request state, body
 * chunks are consumed). No database, no routing, no logging: whatever the real
 * /api/v1/health reaches is measured against this.
 *
 * Usage: mhd_ceiling [--port N] [--threads N]; listens on 127.0.0.1 only and
 * stops on SIGTERM or SIGINT. Exit status 0 after a clean stop, 1 when it
 * cannot listen, 2 on bad arguments.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_THREADS 64 /* as server.c */

static const char reply[] = "{\"status\":\"ok\"}";

/* A per-request marker, so that the first call can be told from the last. */
static int request_seen;

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	if (!*con_cls) { /* first call: headers only */
		*con_cls = &request_seen;
		return MHD_YES;
	}
	if (*upload_data_size) { /* a body chunk: consume it */
		*upload_data_size = 0;
		return MHD_YES;
	}
	struct MHD_Response *mr = MHD_create_response_from_buffer(
		sizeof reply - 1, (void *)reply, MHD_RESPMEM_PERSISTENT);
	if (!mr)
		return MHD_NO;
	MHD_add_response_header(mr, "Content-Type", "application/json");
	enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, mr);
	MHD_destroy_response(mr);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	*con_cls = NULL;
}

static int parse_number(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

int main(int argc, char **argv)
{
	long port = 8099, threads = sysconf(_SC_NPROCESSORS_ONLN);
	static const struct option opts[] = {{"port", required_argument, NULL, 'p'},
					     {"threads", required_argument, NULL, 't'},
					     {0}};
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'p' && parse_number(optarg, 1, 65535, &port) == 0)
			continue;
		if (c == 't' && parse_number(optarg, 1, MAX_THREADS, &threads) == 0)
			continue;
		fprintf(stderr, "Usage: mhd_ceiling [--port 1..65535] [--threads 1..%d]\n",
			MAX_THREADS);
		return 2;
	}
	if (threads < 1)
		threads = 1;
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;

	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG,
		(uint16_t)port,
		NULL, NULL, on_request, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)512,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "mhd_ceiling: cannot listen on 127.0.0.1:%ld\n", port);
		return 1;
	}
	printf("mhd_ceiling: listening on 127.0.0.1:%ld with %ld threads\n", port, threads);
	fflush(stdout);
	int sig = 0;
	sigwait(&stop, &sig);
	MHD_quiesce_daemon(d);
	MHD_stop_daemon(d);
	return 0;
}
