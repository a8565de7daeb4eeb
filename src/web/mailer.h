/*
 * mailer.h - the web server's background e-mailer.
 *
 * When `samen serve` is given an SMTP relay, one background thread sends
 * every in-app notification that has not been e-mailed yet (store/notify.h)
 * at a fixed interval, through its own database connection. A failing relay
 * is logged and tried again at the next interval; nothing is lost, because
 * a notification is marked only when its mail was accepted.
 */
#ifndef SAMEN_MAILER_H
#define SAMEN_MAILER_H

#include "util/err.h"

struct mailer;

/*
 * Start the thread: db_target as for serve, smtp "host:port", from the
 * sender address, every interval_seconds (>= 1). *out is owned by the
 * caller and ended with mailer_stop. Errors: SAMEN_EINVAL for a bad relay
 * or sender, SAMEN_ENOMEM, SAMEN_EINTERNAL when no thread can be started.
 */
int mailer_start(const char *db_target, const char *smtp, const char *from, int interval_seconds,
		 struct mailer **out, struct samen_err *err);

/* Wake the thread for a last round, wait for it and free it; NULL is ignored. */
void mailer_stop(struct mailer *m);

#endif
