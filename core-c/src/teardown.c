/* teardown.c — host gone: SIGTERM, grace, SIGKILL, bounded reaping. */
#include "teardown.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "reap.h"

typedef struct group {
  pid_t pgid;
  int64_t deadline; /* ms on the monotonic clock; INT64_MAX once SIGKILLed */
} group;

static int64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait for SIGCHLD (or the timeout), then reap whatever is ready. */
static void wait_and_reap(nr__kids *kids, int sigfd, int64_t timeout_ms) {
  struct pollfd p = {sigfd, POLLIN, 0};
  if (timeout_ms < 0) timeout_ms = 0;
  if (timeout_ms > 50) timeout_ms = 50; /* re-check deadlines often enough */
  if (poll(&p, 1, (int)timeout_ms) > 0) {
    struct signalfd_siginfo info;
    while (read(sigfd, &info, sizeof info) == (ssize_t)sizeof info) {
    }
  }
  nr__reap_ready(kids);
  nr__dying_step(&kids->dying);
}

/* SIGKILL every direct child we still have: after the groups are gone these
 * are descendants that left their group and were re-parented to us. */
static int kill_remaining_children(void) {
  char path[64], buf[4096];
  snprintf(path, sizeof path, "/proc/self/task/%d/children", (int)getpid());
  FILE *f = fopen(path, "re");
  int found = 0;
  if (!f) return 0;
  while (fgets(buf, sizeof buf, f)) {
    char *p = buf, *end;
    for (long pid; (pid = strtol(p, &end, 10)) > 0; p = end) {
      kill((pid_t)pid, SIGKILL);
      found++;
    }
  }
  fclose(f);
  return found;
}

/* Phase 1: the kids themselves, each with its own grace period, and the
 * groups that outlived their child (lingering entries). */
static void stop_kids(nr__kids *kids, int sigfd, group *groups, size_t n,
                      int final_wait_ms) {
  int64_t give_up = INT64_MAX;
  while (kids->len > 0 && now_ms() < give_up) {
    int64_t now = now_ms(), next = now + 50;
    int all_killed = 1;
    for (size_t i = 0; i < n; i++) {
      nr__kid *kid = nr__kids_find(kids, groups[i].pgid);
      if (!kid) continue;
      if (groups[i].deadline <= now) {
        nr__kid_signal(kid, SIGKILL);
        groups[i].deadline = INT64_MAX;
      }
      if (groups[i].deadline != INT64_MAX) {
        all_killed = 0;
        if (groups[i].deadline < next) next = groups[i].deadline;
      }
    }
    /* Once everything got SIGKILL, waiting is bounded: a child stuck in
     * uninterruptible sleep must not keep the shepherd alive forever. */
    if (all_killed && give_up == INT64_MAX) give_up = now + final_wait_ms;
    wait_and_reap(kids, sigfd, next - now);
  }
}

int nr__teardown(nr__kids *kids, int sigfd, int final_wait_ms) {
  size_t n = kids->len;
  group *groups = calloc(n ? n : 1, sizeof *groups);
  int64_t start = now_ms();
  for (size_t i = 0; i < n && groups; i++) {
    nr__kid *kid = &kids->items[i];
    groups[i].pgid = kid->pgid;
    groups[i].deadline = start + kid->kill_timeout_ms;
    nr__kid_signal(kid, SIGTERM);
  }
  if (groups) {
    stop_kids(kids, sigfd, groups, n, final_wait_ms);
  } else {
    nr__kids_signal_all(kids, SIGKILL); /* no memory: no grace either */
  }

  /* Phase 2: what is left of each group, and anything re-parented to us. */
  int64_t give_up = now_ms() + final_wait_ms;
  int left = 1;
  for (;;) {
    for (size_t i = 0; groups && i < n; i++) kill(-groups[i].pgid, SIGKILL);
    nr__kids_signal_all(kids, SIGKILL);
    kill_remaining_children();
    nr__reap_ready(kids);
    if (waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD) {
      left = 0;
      break;
    }
    if (now_ms() >= give_up) break;
    wait_and_reap(kids, sigfd, 10);
  }
  /* The cgroups of reaped children still being removed. */
  int64_t left_ms = give_up - now_ms();
  nr__dying_settle(&kids->dying, left_ms > 0 ? (int)left_ms : 0);
  free(groups);
  return left ? -ETIMEDOUT : 0;
}
