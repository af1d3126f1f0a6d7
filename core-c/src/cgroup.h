/*
 * cgroup.h — run a child inside a fresh cgroup, with optional limits.
 *
 * Lifecycle, as the shepherd uses it:
 *   nr__cgroup_create()          before fork: mkdir, limits, open cgroup.procs
 *   nr__cgroup_join_self()       in the child, between fork and exec
 *   nr__cgroup_close_join_fds()  in the parent, right after fork
 *   nr__cgroup_stats()           after the child is reaped
 *   nr__cgroup_destroy()         kill what is left, rmdir, free (blocking)
 *   or, from a poll loop: nr__cgroup_remove_step() until it returns 1, then
 *   nr__cgroup_free()
 *
 * The leaf is always created in the cgroup2 hierarchy when one is mounted
 * (that is what provides cgroup.kill); each requested limit goes to the
 * cgroup2 controller when it can be enabled there, else to the v1 hierarchy
 * of that controller, else creation fails with -EOPNOTSUPP. The root under
 * which leaves are created is "netrunner", or the relative path in the
 * environment variable NETRUNNER_CGROUP_ROOT. See docs/cgroup.md.
 */
#ifndef NR_CGROUP_H
#define NR_CGROUP_H

#include <stddef.h>
#include <stdint.h>

typedef struct nr__cgroup nr__cgroup;

typedef struct nr__cgroup_spec {
  const char *path;      /* relative to the root, e.g. "jobs/job_123" */
  size_t path_len;       /* the path is not necessarily NUL-terminated */
  int64_t memory_max;    /* bytes, -1 = unset */
  int64_t pids_max;      /* -1 = unset */
  int64_t cpu_quota_us;  /* -1 = unset; with cpu_period_us */
  int64_t cpu_period_us; /* -1 = unset (100000 when a quota is set) */
} nr__cgroup_spec;

/* 0 if `path` is a valid relative cgroup path, else -EINVAL: not empty, at most 255 bytes, not absolute, no empty, "." or ".." component, only [A-Za-z0-9._-] and '/' separators, no NUL. */
int nr__cgroup_path_valid(const char *path, size_t len);

/* Create the cgroup in every hierarchy it needs; *out on success. -EINVAL bad path, -EEXIST the leaf directory already exists (never adopt one), -EOPNOTSUPP a requested limit no mounted hierarchy can enforce, -ENOENT no cgroup2 mount and no usable v1 hierarchy, other -errno from mkdir/open/write. On failure everything it created is removed again and no fd is left open. */
int nr__cgroup_create(const nr__cgroup_spec *spec, nr__cgroup **out);

/* Post-fork, pre-exec, async-signal-safe (only write(2) on fds opened by nr__cgroup_create): move the calling process into every hierarchy of cg by writing "0" to each pre-opened cgroup.procs fd. 0 or -errno. */
int nr__cgroup_join_self(const nr__cgroup *cg);

/* In the parent after fork: close the pre-opened cgroup.procs fds. */
void nr__cgroup_close_join_fds(nr__cgroup *cg);

/* Kill every process in the cgroup: cgroup.kill where the cgroup2 directory has it; otherwise (and additionally for v1-only members) SIGKILL every pid listed in cgroup.procs, repeated until empty or a short bound. Never blocks long. */
void nr__cgroup_kill(nr__cgroup *cg);

/* One round of nr__cgroup_kill (cgroup.kill, or one SIGKILL pass over
 * cgroup.procs): never sleeps. */
void nr__cgroup_kill_once(nr__cgroup *cg);

/* Peak memory in bytes and the OOM-kill count of the cgroup; -1 each when no hierarchy reports it. */
void nr__cgroup_stats(const nr__cgroup *cg, int64_t *memory_peak, int64_t *oom_kills);

/* Kill, then rmdir the leaf and every directory above it left empty (below the root: whoever made it; the root and above: only if this cgroup made it), polling at most wait_ms in total. Frees cg. 0, or -EBUSY if a leaf was still busy at the end. Never hangs. */
int nr__cgroup_destroy(nr__cgroup *cg, int wait_ms);

/* One non-blocking step of removing cg: close the join fds, one kill round
 * (cgroup.kill, or one SIGKILL pass over cgroup.procs), then rmdir each leaf
 * not yet removed. Returns 1 once every leaf is gone (the empty directories
 * above them are pruned as nr__cgroup_destroy does), 0 while one is busy.
 * Does not free cg. */
int nr__cgroup_remove_step(nr__cgroup *cg);

/* Free cg (closing any join fd) without touching its directories. */
void nr__cgroup_free(nr__cgroup *cg);

/* 1 if a and b share a leaf directory (the same path under the same root). */
int nr__cgroup_same(const nr__cgroup *a, const nr__cgroup *b);

/* 1 if a leaf of one lies strictly below a leaf of the other: killing the
 * upper one (cgroup.kill is recursive) kills the lower one's members. */
int nr__cgroup_nested(const nr__cgroup *a, const nr__cgroup *b);

/* The cgroup a spawn with this path would create (same root, same mounts),
 * as it exists now, to kill and remove it: every mounted hierarchy where
 * <base>/<root>/<path> is a directory. -EINVAL bad path or root, -ENOENT no
 * hierarchy has it, -ENOMEM. No limit is touched and no fd is opened. */
int nr__cgroup_open_existing(const char *path, size_t len, nr__cgroup **out);

/* Absolute path of the i-th leaf directory of cg (and its hierarchy version, 1 or 2, in *version when non-NULL), or NULL when i is past the last; for diagnostics and tests. */
const char *nr__cgroup_leaf(const nr__cgroup *cg, int i, int *version);

#endif
