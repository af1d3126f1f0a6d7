/* kids.c — the child table and signalling whole groups. */
#include "kids.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>

#include "cgroup.h"

int nr__kids_add(nr__kids *kids, const nr__kid *kid) {
  if (kids->len == kids->cap) {
    size_t cap = kids->cap ? kids->cap * 2 : 16;
    nr__kid *grown = realloc(kids->items, cap * sizeof *grown);
    if (!grown) return -ENOMEM;
    kids->items = grown;
    kids->cap = cap;
  }
  kids->items[kids->len++] = *kid;
  return 0;
}

nr__kid *nr__kids_find(nr__kids *kids, pid_t pid) {
  for (size_t i = 0; i < kids->len; i++)
    if (kids->items[i].pid == pid) return &kids->items[i];
  return NULL;
}

void nr__kids_remove(nr__kids *kids, nr__kid *kid) {
  *kid = kids->items[--kids->len];
}

int nr__kid_signal(nr__kid *kid, int sig) {
  /* The kid is not reaped yet, so its pid (and group id) cannot have been
   * reused: signalling the group by id is race-free here. */
  int rc = kill(-kid->pid, sig) < 0 ? -errno : 0;
  if (rc == -ESRCH) rc = kill(kid->pid, sig) < 0 ? -errno : 0;
  if (sig == SIGKILL && kid->cgroup) nr__cgroup_kill(kid->cgroup);
  return rc;
}

void nr__kids_signal_all(nr__kids *kids, int sig) {
  for (size_t i = 0; i < kids->len; i++) nr__kid_signal(&kids->items[i], sig);
}

void nr__kids_free(nr__kids *kids) {
  free(kids->items);
  kids->items = NULL;
  kids->len = kids->cap = 0;
}
