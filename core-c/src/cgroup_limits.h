/*
 * cgroup_limits.h — the files inside a cgroup directory: small reads and
 * writes, enabling a cgroup2 controller down a path, writing limits (v1 or
 * v2 file names) and reading the memory statistics.
 */
#ifndef NR_CGROUP_LIMITS_H
#define NR_CGROUP_LIMITS_H

#include <stddef.h>
#include <stdint.h>

#include "cgroup.h"

/* Write the string val to dir/file (one write, O_CLOEXEC); 0 or -errno. */
int nr__cg_write(const char *dir, const char *file, const char *val);

/* Read dir/file into buf (NUL-terminated, truncated to size - 1); bytes read or -errno. */
int nr__cg_read(const char *dir, const char *file, char *buf, size_t size);

/* Make the cgroup2 controller `ctrl` available to the leaf at `leaf` by having "+ctrl" in cgroup.subtree_control of every directory from leaf[0..base_len) down to the leaf's parent; 0 or -errno. */
int nr__cg_v2_enable(const char *leaf, size_t base_len, const char *ctrl);

/* Write the limits of spec for the NR__CG_* controllers in ctrls into the leaf directory of a hierarchy of the given version (1 or 2); 0 or -errno. */
int nr__cg_limits_apply(int version, const char *leaf, unsigned ctrls,
                        const nr__cgroup_spec *spec);

/* Read peak memory and OOM-kill count from a leaf whose memory controller is active; -1 for each value the kernel does not report. */
void nr__cg_limits_stats(int version, const char *leaf, int64_t *peak,
                         int64_t *oom_kills);

#endif
