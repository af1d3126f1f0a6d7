/* dying.c — the list of cgroups being removed (see dying.h). */
#include "dying.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "cgroup.h"

int64_t nr__now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void nr__dying_add(nr__dying *d, nr__cgroup *cg) {
  if (nr__cgroup_remove_step(cg)) {
    nr__cgroup_free(cg);
    return;
  }
  if (d->len == d->cap) {
    size_t cap = d->cap ? d->cap * 2 : 8;
    nr__dying_cg *grown = realloc(d->items, cap * sizeof *grown);
    if (!grown) {
      nr__cgroup_destroy(cg, 500);
      return;
    }
    d->items = grown;
    d->cap = cap;
  }
  d->items[d->len].cg = cg;
  d->items[d->len].give_up = nr__now_ms() + NR__DYING_BUDGET_MS;
  d->len++;
}

size_t nr__dying_step(nr__dying *d) {
  int64_t now = nr__now_ms();
  for (size_t i = 0; i < d->len;) {
    nr__dying_cg *e = &d->items[i];
    if (nr__cgroup_remove_step(e->cg) || now >= e->give_up) {
      nr__cgroup_free(e->cg);
      *e = d->items[--d->len];
    } else {
      i++;
    }
  }
  return d->len;
}

int nr__dying_holds(const nr__dying *d, const nr__cgroup *cg) {
  for (size_t i = 0; i < d->len; i++)
    if (nr__cgroup_same(d->items[i].cg, cg)) return 1;
  return 0;
}

int nr__dying_settle(nr__dying *d, int wait_ms) {
  size_t before = d->len;
  int64_t deadline = nr__now_ms() + wait_ms;
  struct timespec pause = {0, 2000000};
  while (d->len > 0 && nr__dying_step(d) > 0 && nr__now_ms() < deadline)
    nanosleep(&pause, NULL);
  return d->len < before;
}

int nr__dying_finish(nr__dying *d, const char *path, size_t len, int wait_ms) {
  nr__cgroup *want;
  if (d->len == 0 || nr__cgroup_open_existing(path, len, &want) < 0) return 0;
  int held = nr__dying_holds(d, want), was_held = held;
  int64_t deadline = nr__now_ms() + wait_ms;
  struct timespec pause = {0, 2000000};
  while (held && nr__now_ms() < deadline) {
    nr__dying_step(d);
    if ((held = nr__dying_holds(d, want))) nanosleep(&pause, NULL);
  }
  nr__cgroup_free(want);
  return was_held && !held;
}

void nr__dying_free(nr__dying *d) {
  for (size_t i = 0; i < d->len; i++) nr__cgroup_free(d->items[i].cg);
  free(d->items);
  d->items = NULL;
  d->len = d->cap = 0;
}
