/* util.h — helpers shared by the C tests: a host, reading, /proc checks. */
#ifndef NR_TEST_UTIL_H
#define NR_TEST_UTIL_H

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "netrunner.h"

static inline const char *shepherd_path(void) {
  const char *p = getenv("NR_SHEPHERD");
  return p ? p : "out/netrunner-shepherd";
}

/* Start a shepherd; fail the case if it does not come up. */
static inline int open_host(pid_t *pid) {
  int ctl = nr_host_open(shepherd_path(), pid);
  CHECK(ctl >= 0);
  return ctl;
}

/* Read until EOF into a malloc'd, NUL-terminated buffer. */
static inline char *read_all(int fd, size_t *len) {
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap + 1);
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  for (;;) {
    if (n == cap) buf = realloc(buf, (cap *= 2) + 1);
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    n += (size_t)r;
  }
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

/* The state letter of /proc/<pid>/stat ('R', 'S', 'Z', ...), or 0 if the
 * process does not exist. A zombie still answers kill(pid, 0): this does
 * not. */
static inline char proc_state(pid_t pid) {
  char path[64], buf[512];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return 0;
  buf[n] = '\0';
  char *paren = strrchr(buf, ')');
  return paren && paren[1] == ' ' ? paren[2] : '?';
}

static inline void sleep_ms(int ms) {
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

/* Poll until the process is gone (not even a zombie), at most `ms`. */
static inline int gone_within(pid_t pid, int ms) {
  for (int i = 0; i < ms; i += 5) {
    if (proc_state(pid) == 0) return 1;
    sleep_ms(5);
  }
  return proc_state(pid) == 0;
}

/* Wait (at most ~2 s) until `pid` has two children and store their pids:
 * the two sleeps of `sh -c 'sleep 100 & sleep 100 & wait'`. */
static inline void two_children_of(pid_t pid, pid_t out[2]) {
  char path[64], buf[256];
  snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)pid, (int)pid);
  for (int tries = 0; tries < 400; tries++) {
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    if (sscanf(buf, "%d %d", &out[0], &out[1]) == 2) return;
    sleep_ms(5);
  }
  CHECK(!"the two children never appeared");
}

/* The direct children of `pid`, as /proc lists them ("" when it has none). */
static inline void children_of(pid_t pid, char *buf, size_t cap) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)pid, (int)pid);
  FILE *f = fopen(path, "r");
  CHECK(f != NULL);
  size_t n = fread(buf, 1, cap - 1, f);
  fclose(f);
  buf[n] = '\0';
}

/* Count open fds of this process. */
static inline int count_fds(void) {
  int n = 0;
  char path[64];
  for (int fd = 0; fd < 4096; fd++) {
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    if (access(path, F_OK) == 0) n++;
  }
  return n;
}

/* Open fds of process `pid`. */
static inline int fds_of(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/fd", (int)pid);
  DIR *d = opendir(path);
  CHECK(d != NULL);
  int n = 0;
  for (struct dirent *e; (e = readdir(d));) n += e->d_name[0] != '.';
  closedir(d);
  return n;
}

/* Spawn argv with defaults plus the given stderr mode. */
static inline int spawn_argv(int ctl, const char *const *argv, int stderr_mode,
                      nr_child *c) {
  nr_spawn_opts o;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.stderr_mode = stderr_mode;
  return nr_spawn_with(ctl, &o, c);
}

#endif
