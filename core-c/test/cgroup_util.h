/* cgroup_util.h — what the cgroup test files share: a root of their own,
 * the check that it is gone everywhere, and reaping a failed case's strays. */
#ifndef NR_TEST_CGROUP_UTIL_H
#define NR_TEST_CGROUP_UTIL_H

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroup_mounts.h"
#include "check.h"

#define MiB (1024LL * 1024)

/* This run's cgroup root (NETRUNNER_CGROUP_ROOT), unique per test process. */
static char root_name[64];

static inline int exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

/* Become a subreaper and use a root named `prefix-<pid>` for this run. */
static inline void use_own_root(const char *prefix) {
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  snprintf(root_name, sizeof root_name, "%s-%d", prefix, (int)getpid());
  setenv("NETRUNNER_CGROUP_ROOT", root_name, 1);
}

/* The run's root exists in no mounted hierarchy. */
static inline void check_root_gone(void) {
  nr__cg_mounts mt;
  CHECK_EQ(nr__cg_mounts_read(&mt), 0);
  CHECK(mt.n >= 1);
  for (int i = 0; i < mt.n; i++) {
    char p[PATH_MAX + 80];
    snprintf(p, sizeof p, "%s/%s", mt.m[i].base, root_name);
    if (exists(p)) fprintf(stderr, "    left behind: %s\n", p);
    CHECK(!exists(p));
  }
}

/* Reap what a failed case left to this subreaper (its members die with it
 * through their parent-death signal and come here; PID 1 would not reap). */
static inline void reap_strays(void) {
  struct timespec tick = {0, 10000000};
  for (int i = 0; i < 200; i++) {
    pid_t p = waitpid(-1, NULL, WNOHANG);
    if (p < 0 && errno != EINTR) return; /* ECHILD: nothing left */
    if (p == 0) nanosleep(&tick, NULL);
  }
}

#define RUN_REAPED(name) \
  do {                   \
    RUN(name);           \
    reap_strays();       \
  } while (0)

#endif
