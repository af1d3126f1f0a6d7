/* kids.c — the child table and signalling whole groups. */
#include "kids.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>

#include "cgroup.h"
#include "sandbox.h"

int nr__kids_add(nr__kids *kids, const nr__kid *kid) {
  nr__kid *stale = nr__kids_find(kids, kid->pid);
  if (stale) nr__kids_remove(kids, stale);
  pid_t pgid = kid->pgid ? kid->pgid : kid->pid;
  if (kids->len == kids->cap) {
    size_t cap = kids->cap ? kids->cap * 2 : 16;
    nr__kid *grown = realloc(kids->items, cap * sizeof *grown);
    if (!grown) return -ENOMEM;
    kids->items = grown;
    kids->cap = cap;
  }
  kids->items[kids->len] = *kid;
  kids->items[kids->len++].pgid = pgid;
  return 0;
}

nr__kid *nr__kids_find(nr__kids *kids, pid_t pid) {
  for (size_t i = 0; i < kids->len; i++)
    if (kids->items[i].pid == pid) return &kids->items[i];
  return NULL;
}

/* An entry's group is empty (or everyone is going): its private
 * directory goes with it. */
static void drop_private_tmp(nr__kid *kid) {
  if (!kid->private_tmp) return;
  nr__remove_tree(kid->private_tmp);
  free(kid->private_tmp);
  kid->private_tmp = NULL;
}

void nr__kids_remove(nr__kids *kids, nr__kid *kid) {
  drop_private_tmp(kid);
  *kid = kids->items[--kids->len];
}

int nr__kid_group_alive(const nr__kid *kid) {
  return !kid->reaped || kill(-kid->pgid, 0) == 0 || errno != ESRCH;
}

size_t nr__kids_recheck(nr__kids *kids) {
  size_t lingering = 0;
  for (size_t i = 0; i < kids->len;) {
    nr__kid *kid = &kids->items[i];
    if (kid->reaped && (kid->pgid != kid->pid || !nr__kid_group_alive(kid))) {
      nr__kids_remove(kids, kid);
      continue;
    }
    lingering += (size_t)kid->reaped;
    i++;
  }
  return lingering;
}

int nr__kids_cgroup_nested(const nr__kids *kids, const nr__cgroup *cg) {
  for (size_t i = 0; i < kids->len; i++)
    if (kids->items[i].cgroup && nr__cgroup_nested(kids->items[i].cgroup, cg))
      return 1;
  for (size_t i = 0; i < kids->dying.len; i++)
    if (nr__cgroup_nested(kids->dying.items[i].cg, cg)) return 1;
  return 0;
}

/* To the group; a live kid not (yet) in its group gets it alone.
 * A reaped kid's pid may belong to someone else now: only its group (which
 * keeps the number while it has a member) is signalled. */
static int send_to_group(const nr__kid *kid, int sig) {
  int rc = kill(-kid->pgid, sig) < 0 ? -errno : 0;
  if (rc == -ESRCH && !kid->reaped) rc = kill(kid->pid, sig) < 0 ? -errno : 0;
  return rc;
}

int nr__kid_signal(nr__kid *kid, int sig) {
  int rc = send_to_group(kid, sig);
  /* A stopped process acts on SIGTERM (its handler, or a default that
   * needs it to run) only once continued. */
  if (rc == 0 && sig == SIGTERM) send_to_group(kid, SIGCONT);
  if (sig == SIGKILL && kid->cgroup) nr__cgroup_kill_once(kid->cgroup);
  return rc;
}

void nr__kids_signal_all(nr__kids *kids, int sig) {
  for (size_t i = 0; i < kids->len; i++) nr__kid_signal(&kids->items[i], sig);
}

int nr__kids_cgroup_shared(const nr__kids *kids, const nr__kid *kid) {
  for (size_t i = 0; i < kids->len; i++) {
    const nr__kid *other = &kids->items[i];
    if (other != kid && !other->reaped && other->cgroup == kid->cgroup)
      return 1;
  }
  return 0;
}

void nr__kids_free(nr__kids *kids) {
  for (size_t i = 0; i < kids->len; i++) {
    drop_private_tmp(&kids->items[i]);
    nr__cgroup *cg = kids->items[i].cgroup;
    if (!cg) continue;
    for (size_t j = i; j < kids->len; j++) /* a pipeline shares one */
      if (kids->items[j].cgroup == cg) kids->items[j].cgroup = NULL;
    nr__cgroup_free(cg);
  }
  free(kids->items);
  kids->items = NULL;
  kids->len = kids->cap = 0;
  nr__dying_free(&kids->dying);
}
