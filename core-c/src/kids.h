/* kids.h — the shepherd's table of live children. */
#ifndef NR_KIDS_H
#define NR_KIDS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct nr__cgroup;

/* One child the host asked for, alive until reaped. */
typedef struct nr__kid {
  pid_t pid;                /* also its process group id */
  int status_fd;            /* write end of the host's status pipe */
  uint32_t kill_timeout_ms; /* SIGTERM → SIGKILL delay on host death */
  struct nr__cgroup *cgroup;
} nr__kid;

/* A growable array of kids. */
typedef struct nr__kids {
  nr__kid *items;
  size_t len, cap;
} nr__kids;

/* Append a kid. 0 or -ENOMEM. */
int nr__kids_add(nr__kids *kids, const nr__kid *kid);

/* The kid with this pid, or NULL. */
nr__kid *nr__kids_find(nr__kids *kids, pid_t pid);

/* Remove a kid (by pointer from nr__kids_find); order is not kept. */
void nr__kids_remove(nr__kids *kids, nr__kid *kid);

/* Send sig to the process group of every kid (and, for SIGKILL, kill every
 * kid's cgroup). */
void nr__kids_signal_all(nr__kids *kids, int sig);

/* Send sig to one kid's process group (cgroup too for SIGKILL). 0/-errno. */
int nr__kid_signal(nr__kid *kid, int sig);

/* Release the table's memory. */
void nr__kids_free(nr__kids *kids);

#endif
