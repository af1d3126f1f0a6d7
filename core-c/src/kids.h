/* kids.h — the shepherd's table of children: live ones, and lingering
 * groups (the child is reaped, members of its process group are not). */
#ifndef NR_KIDS_H
#define NR_KIDS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "dying.h"

struct nr__cgroup;

/* The poll timeout while a lingering group exists: how long a group that
 * emptied without a reap we could see (its last member left it or was
 * reaped by another process) stays in the table at most, roughly. Its
 * number cannot be reused while the group has a member. */
#define NR__LINGER_RECHECK_MS 250

/* One child the host asked for. */
typedef struct nr__kid {
  pid_t pid;
  pid_t pgid;               /* its process group: pid, or the pid of the
                               first member of its pipeline (0 = pid) */
  int status_fd;            /* write end of the host's status pipe; -1 once reaped */
  int reaped;               /* 1: the child is reaped, its group lingers */
  uint32_t kill_timeout_ms; /* SIGTERM → SIGKILL delay on host death */
  struct nr__cgroup *cgroup; /* NULL once reaped (it moves to `dying`) */
  char *private_tmp;        /* a sandbox's directory, removed with the entry */
  /* The host's terminal, whose foreground the child took: handed back to
   * tty_fg when it is reaped. 0 = none (our fd 0 is /dev/null). */
  int tty_fd;
  pid_t tty_fg;
} nr__kid;

/* A growable array of kids, and the cgroups of reaped ones being removed. */
typedef struct nr__kids {
  nr__kid *items;
  size_t len, cap;
  nr__dying dying;
} nr__kids;

/* Append a kid (a stale lingering entry with its pid is dropped first: the
 * number was free, so that group is empty; pgid 0 becomes pid). 0 or
 * -ENOMEM. */
int nr__kids_add(nr__kids *kids, const nr__kid *kid);

/* The entry with this pid (live or lingering), or NULL. */
nr__kid *nr__kids_find(nr__kids *kids, pid_t pid);

/* Remove an entry (by pointer from nr__kids_find); order is not kept. */
void nr__kids_remove(nr__kids *kids, nr__kid *kid);

/* 1 if a lingering entry's group still has a member, else 0 (a live kid: 1). */
int nr__kid_group_alive(const nr__kid *kid);

/* Drop every lingering entry whose group is empty, and every reaped
 * pipeline member but the first (whose entry stands for the group); how
 * many are left. */
size_t nr__kids_recheck(nr__kids *kids);

/* 1 if cg lies above or below the cgroup of a live kid or a dying one. */
int nr__kids_cgroup_nested(const nr__kids *kids, const struct nr__cgroup *cg);

/* Send sig to the process group of every entry (and, for SIGKILL, kill
 * every live kid's cgroup). */
void nr__kids_signal_all(nr__kids *kids, int sig);

/* Send sig to one entry's process group (cgroup too for SIGKILL; SIGTERM is
 * followed by SIGCONT, so a stopped group can act on it). 0/-errno. */
int nr__kid_signal(nr__kid *kid, int sig);

/* 1 if another kid not yet reaped holds the same cgroup (a pipeline's). */
int nr__kids_cgroup_shared(const nr__kids *kids, const nr__kid *kid);

/* Release the table's memory (dying cgroups are freed, not removed). */
void nr__kids_free(nr__kids *kids);

#endif
