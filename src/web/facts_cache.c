/*
 * facts_cache.c - shared, reference-counted fact bases (see facts_cache.h).
 * A small array of entries protected by one mutex; the expensive build runs
 * outside the lock (two threads may build the same entry at the same time;
 * the later one wins, both results are correct).
 */
#include "web/facts_cache.h"
#include "util/date.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_SLOTS 64

struct entry {
	struct factbase fb;   /* must stay the first member: pointers are cast back */
	int64_t region_id;
	long today;
	char key[96];
	int refs;             /* readers, plus 1 while it is the slot's current entry */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry *slots[CACHE_SLOTS];

static void unref_locked(struct entry *e)
{
	if (--e->refs == 0) {
		factbase_free(&e->fb);
		free(e);
	}
}

int facts_cache_get(struct db *db, int64_t region_id, const struct factbase **fb,
		    struct samen_err *err)
{
	char key[96];
	int rc = facts_version_key(db, key, err);
	if (rc)
		return rc;
	long today = date_today();
	pthread_mutex_lock(&lock);
	for (int i = 0; i < CACHE_SLOTS; i++) {
		struct entry *e = slots[i];
		if (e && e->region_id == region_id && e->today == today && strcmp(e->key, key) == 0) {
			e->refs++;
			pthread_mutex_unlock(&lock);
			*fb = &e->fb;
			return 0;
		}
	}
	pthread_mutex_unlock(&lock);

	struct entry *e = calloc(1, sizeof *e);
	if (!e)
		return samen_fail(err, SAMEN_ENOMEM, "out of memory");
	rc = factbase_build(db, region_id, today, NULL, NULL, &e->fb, err);
	if (rc) {
		free(e);
		return rc;
	}
	e->region_id = region_id;
	e->today = today;
	snprintf(e->key, sizeof e->key, "%s", key);
	e->refs = 2; /* the slot and this reader */

	pthread_mutex_lock(&lock);
	int slot = -1;
	for (int i = 0; i < CACHE_SLOTS && slot < 0; i++)
		if (slots[i] && slots[i]->region_id == region_id)
			slot = i;
	for (int i = 0; i < CACHE_SLOTS && slot < 0; i++)
		if (!slots[i])
			slot = i;
	if (slot < 0)
		slot = (int)(region_id % CACHE_SLOTS);
	if (slots[slot])
		unref_locked(slots[slot]);
	slots[slot] = e;
	pthread_mutex_unlock(&lock);
	*fb = &e->fb;
	return 0;
}

void facts_cache_put(const struct factbase *fb)
{
	if (!fb)
		return;
	pthread_mutex_lock(&lock);
	unref_locked((struct entry *)(void *)fb);
	pthread_mutex_unlock(&lock);
}
