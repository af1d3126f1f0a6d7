/* sandbox.h — the NR_EXT_SANDBOX extension: decoded and prepared in the
 * shepherd before the fork, applied by the child just before exec. */
#ifndef NR_SANDBOX_H
#define NR_SANDBOX_H

#include <stdint.h>
#include <sys/types.h>

#include "landlock.h"
#include "request.h"
#include "seccomp_filter.h"

/* A prepared sandbox: everything the child needs is ready, so it only makes
 * system calls on this memory. */
typedef struct nr__sandbox {
  uint32_t flags;          /* NR_SANDBOX_* */
  int64_t limit[4];        /* nofile, fsize, cpu, as; -1 = unset */
  uint32_t uid, gid;
  uint32_t ngroups;
  gid_t *groups;           /* ngroups entries (malloc'd) */
  nr__landlock landlock;   /* fd -1: none (absent in best-effort mode) */
  int seccomp;             /* 1: install `filter` */
  nr__seccomp_filter filter;
  char *private_tmp;       /* the directory created for this child, or NULL */
} nr__sandbox;

/* Decode `ext` (NR_EXT_SANDBOX bytes) and prepare it: the Landlock ruleset
 * with every path rule, the seccomp program, the private temporary
 * directory. On failure returns -errno and sets *stage: NR_STAGE_REQUEST for
 * malformed bytes, NR_STAGE_SANDBOX for what the kernel cannot give
 * (-EOPNOTSUPP no Landlock, -EPROTONOSUPPORT a Landlock ABI below 3,
 * -ENOSYS no seccomp; in best-effort mode these are skipped) or a path that
 * cannot be opened; nothing is left open or created. */
int nr__sandbox_prepare(const nr__ext *ext, nr__sandbox *sb, int *stage);

/* What a kernel with Landlock ABI `abi` (< 0: none) and seccomp (0/1)
 * lacks for a sandbox with `flags`: -EOPNOTSUPP, -EPROTONOSUPPORT, -ENOSYS,
 * or 0 (always 0 with NR_SANDBOX_BEST_EFFORT). */
int nr__sandbox_missing(uint32_t flags, int abi, int seccomp);

/* In the child (async-signal-safe): limits, then uid/gid/groups, then
 * no_new_privs, Landlock and seccomp. 0 or -errno. A changed uid clears
 * the parent-death signal: the caller sets it again. */
int nr__sandbox_apply(const nr__sandbox *sb);

/* Close and free what prepare made. The private directory stays unless
 * `remove_tmp` (a spawn that failed). */
void nr__sandbox_release(nr__sandbox *sb, int remove_tmp);

/* Remove a directory tree without following symbolic links (the child may
 * have planted some). Best effort. */
void nr__remove_tree(const char *path);

#endif
