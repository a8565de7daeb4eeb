/*
 * buf.h - growable byte buffers with a hard cap.
 *
 * Every buffer that grows from outside input (request bodies, CSV files, JSON
 * and HTML output) is a struct buf with a maximum size. Appending past the
 * maximum fails with SAMEN_ETOOBIG and leaves the buffer as it was; the
 * contents are always NUL-terminated. The buffer owns its memory; release it
 * with buf_release().
 */
#ifndef SAMEN_BUF_H
#define SAMEN_BUF_H

#include <stddef.h>

struct buf {
	char *data;  /* NUL-terminated contents, NULL until first append */
	size_t len;  /* bytes used, excluding the terminating NUL */
	size_t cap;  /* bytes allocated */
	size_t max;  /* hard cap on len */
};

/* Initialise an empty buffer that may grow to at most max bytes. */
void buf_init(struct buf *b, size_t max);

/* Free the contents; the buffer is empty (and reusable) afterwards. */
void buf_release(struct buf *b);

/* Empty the buffer, keeping its allocation. */
void buf_reset(struct buf *b);

/* Append n bytes. Returns 0, SAMEN_ETOOBIG past the cap, SAMEN_ENOMEM. */
int buf_add(struct buf *b, const void *data, size_t n);

/* Append a NUL-terminated string. */
int buf_puts(struct buf *b, const char *s);

/* Append the decimal text of v (no printf: the hot paths of HTML and SQL text). */
int buf_int(struct buf *b, long long v);

/*
 * Copy the string src (NULL counts as "") into dst of size n >= 1,
 * truncated to n - 1 bytes and always NUL-terminated; snprintf("%s")
 * without the format machinery. Returns dst.
 */
char *str_copy(char *dst, size_t n, const char *src);

/* Append formatted text (printf rules). */
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Return the contents ("" when empty); borrowed, valid until the next change. */
const char *buf_str(const struct buf *b);

/*
 * Hand the contents to the caller, who frees them with free(); the buffer is
 * empty afterwards. Returns a malloc'ed "" when the buffer was empty.
 */
char *buf_detach(struct buf *b);

#endif
