/* landlock.h — the sandbox's filesystem and network rules, as a Landlock
 * ruleset built in the shepherd; the child only enforces it. */
#ifndef NR_LANDLOCK_H
#define NR_LANDLOCK_H

#include <stdint.h>

/* What a path rule grants. Write and exec imply read. */
enum {
  NR__LL_READ = 1u << 0,
  NR__LL_WRITE = 1u << 1,
  NR__LL_EXEC = 1u << 2
};

/* The Landlock ABI this kernel offers: >= 1, or -EOPNOTSUPP when Landlock
 * is absent or disabled. */
int nr__landlock_abi(void);

/* A ruleset under construction. */
typedef struct nr__landlock {
  int abi;
  int fd; /* the ruleset, O_CLOEXEC; -1 when none is needed */
} nr__landlock;

/* Start a ruleset for ABI `abi`: `confine_fs` handles every filesystem
 * right the ABI knows (only paths added below are reachable); `no_network`
 * handles TCP bind and connect (ABI 4+) and scopes abstract Unix sockets
 * (ABI 6+); signals to processes outside the sandbox are scoped from
 * ABI 6. When nothing is handled, ll->fd stays -1. 0 or -errno. */
int nr__landlock_start(nr__landlock *ll, int abi, int confine_fs,
                       int no_network);

/* Grant `access` (NR__LL_* bits) beneath `path` (a directory) or on it (a
 * file). 0 or -errno (-ENOENT: no such path). */
int nr__landlock_allow(nr__landlock *ll, const char *path, uint32_t access);

/* Enforce on the calling thread (async-signal-safe; needs no_new_privs).
 * 0 or -errno. */
int nr__landlock_enforce(const nr__landlock *ll);

/* Close the ruleset fd. */
void nr__landlock_close(nr__landlock *ll);

#endif
