/*
 * mailer.c - the web server's background e-mailer (see mailer.h).
 */
#include "web/mailer.h"
#include "store/db.h"
#include "store/notify.h"
#include "util/log.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct mailer {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
	int interval;
	char db_target[1024];
	char smtp[256];
	char from[256];
};

static void round_of_mail(struct mailer *m, struct db **db)
{
	struct samen_err err;
	samen_err_clear(&err);
	if (!*db && db_open(m->db_target, db, &err) != 0) {
		log_event("error", "mailer", json_pack("{s:s}", "message", err.msg));
		return;
	}
	size_t sent = 0;
	int rc = notify_email_pending(*db, m->smtp, m->from, &sent, &err);
	if (rc)
		log_event("warn", "mailer", json_pack("{s:s,s:I}", "message", err.msg, "sent",
						      (json_int_t)sent));
	else if (sent)
		log_event("info", "mailer", json_pack("{s:I}", "sent", (json_int_t)sent));
}

static void *run(void *arg)
{
	struct mailer *m = arg;
	struct db *db = NULL;
	pthread_mutex_lock(&m->lock);
	while (!m->stop) {
		pthread_mutex_unlock(&m->lock);
		round_of_mail(m, &db);
		pthread_mutex_lock(&m->lock);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += m->interval;
		while (!m->stop && pthread_cond_timedwait(&m->wake, &m->lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&m->lock);
	round_of_mail(m, &db); /* what came in during the last interval */
	db_close(db);
	return NULL;
}

int mailer_start(const char *db_target, const char *smtp, const char *from, int interval_seconds,
		 struct mailer **out, struct samen_err *err)
{
	*out = NULL;
	const char *colon = strrchr(smtp, ':');
	if (!colon || colon == smtp || !colon[1] || strlen(smtp) >= 256)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "smtp", "the SMTP relay must be HOST:PORT");
	if (!strchr(from, '@') || strlen(from) >= 256)
		return samen_fail_at(err, SAMEN_EINVAL, 0, "mail-from", "the sender must be an e-mail address");
	struct mailer *m = calloc(1, sizeof *m);
	if (!m)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	snprintf(m->db_target, sizeof m->db_target, "%s", db_target);
	snprintf(m->smtp, sizeof m->smtp, "%s", smtp);
	snprintf(m->from, sizeof m->from, "%s", from);
	m->interval = interval_seconds < 1 ? 1 : interval_seconds;
	pthread_mutex_init(&m->lock, NULL);
	pthread_cond_init(&m->wake, NULL);
	if (pthread_create(&m->thread, NULL, run, m) != 0) {
		pthread_cond_destroy(&m->wake);
		pthread_mutex_destroy(&m->lock);
		free(m);
		return samen_fail(err, SAMEN_EINTERNAL, "cannot start the mailer thread");
	}
	*out = m;
	return 0;
}

void mailer_stop(struct mailer *m)
{
	if (!m)
		return;
	pthread_mutex_lock(&m->lock);
	m->stop = true;
	pthread_cond_signal(&m->wake);
	pthread_mutex_unlock(&m->lock);
	pthread_join(m->thread, NULL);
	pthread_cond_destroy(&m->wake);
	pthread_mutex_destroy(&m->lock);
	free(m);
}
