/*
 * cgroup_mounts.h — where the cgroup hierarchies are, and where under each
 * one netrunner's root directory goes.
 *
 * Discovery reads /proc/self/mountinfo (never assumes /sys/fs/cgroup): a
 * "cgroup2" filesystem is the unified hierarchy; a "cgroup" filesystem is a
 * v1 hierarchy whose super options name its controllers ("rw,memory",
 * "rw,cpu,cpuacct"). Only the v1 controllers netrunner can use (memory,
 * pids, cpu) are kept, the first mount of each.
 *
 * Test hook: when the environment variable NETRUNNER_MOUNTINFO_PATH is set,
 * that file is read instead of /proc/self/mountinfo. It exists so tests can
 * simulate hosts with fewer hierarchies; nothing else reads it.
 */
#ifndef NR_CGROUP_MOUNTS_H
#define NR_CGROUP_MOUNTS_H

#include <limits.h>

#define NR__CG_MEMORY 1u
#define NR__CG_PIDS 2u
#define NR__CG_CPU 4u
#define NR__CG_NCTRL 3           /* memory, pids, cpu: bit i is 1u << i */
#define NR__CG_MAX_MOUNTS 4      /* one cgroup2 + one v1 per controller */

typedef struct nr__cg_mount {
  int version;           /* 1 or 2 */
  unsigned controllers;  /* v1: the NR__CG_* bits this mount carries; v2: 0 */
  char base[PATH_MAX];   /* the directory netrunner's root is created under */
} nr__cg_mount;

typedef struct nr__cg_mounts {
  int n;                          /* entries used in m[] */
  int v2;                         /* index of the cgroup2 mount, or -1 */
  int v1[NR__CG_NCTRL];           /* index of the v1 mount per controller, or -1 */
  nr__cg_mount m[NR__CG_MAX_MOUNTS];
} nr__cg_mounts;

/* Name of a controller bit ("memory", "pids", "cpu"). */
const char *nr__cg_ctrl_name(unsigned bit);

/* Fill *out from the mount table and /proc/self/cgroup; 0 (possibly with no mounts found) or -errno if the table cannot be read. */
int nr__cg_mounts_read(nr__cg_mounts *out);

#endif
