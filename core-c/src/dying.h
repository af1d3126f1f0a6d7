/* dying.h — cgroups on their way out, removed from the shepherd's poll loop
 * a step at a time so that no request waits for a teardown. */
#ifndef NR_DYING_H
#define NR_DYING_H

#include <stddef.h>
#include <stdint.h>

struct nr__cgroup;

/* How long a cgroup is retried before it is given up (left in place). */
#define NR__DYING_BUDGET_MS 5000
/* The poll loop's timeout while a cgroup is dying: how often it retries. */
#define NR__DYING_RETRY_MS 10

typedef struct nr__dying_cg {
  struct nr__cgroup *cg;
  int64_t give_up; /* ms on the monotonic clock */
} nr__dying_cg;

typedef struct nr__dying {
  nr__dying_cg *items;
  size_t len, cap;
} nr__dying;

/* Take cg: kill what is in it and try to remove it now; if it is still
 * busy, keep it for nr__dying_step (without memory: removed blocking, at
 * most 500 ms). */
void nr__dying_add(nr__dying *d, struct nr__cgroup *cg);

/* One kill round and rmdir attempt for every entry; entries removed or past
 * their budget are dropped. Returns how many are left. */
size_t nr__dying_step(nr__dying *d);

/* 1 if an entry shares a leaf directory with cg. */
int nr__dying_holds(const nr__dying *d, const struct nr__cgroup *cg);

/* Step every entry until none is left or wait_ms passed (the final
 * teardown). Returns 1 if an entry was removed meanwhile. */
int nr__dying_settle(nr__dying *d, int wait_ms);

/* A spawn asks for `path` (relative to the root), which exists: if it is a
 * dying entry's, step until it is gone, at most wait_ms. 1 if it was dying
 * and is gone now (create it again), else 0. Unrelated entries that are
 * stuck cost nothing here. */
int nr__dying_finish(nr__dying *d, const char *path, size_t len, int wait_ms);

/* Free every entry without removing it, and the list. */
void nr__dying_free(nr__dying *d);

/* Milliseconds on the monotonic clock. */
int64_t nr__now_ms(void);

#endif
