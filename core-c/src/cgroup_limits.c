/*
 * cgroup_limits.c — files inside cgroup directories (see cgroup_limits.h).
 *
 * Limit files per controller:
 *   controller  cgroup2                         cgroup v1
 *   memory      memory.max (+ memory.swap.max   memory.limit_in_bytes (+
 *               = 0 when present)               memory.memsw.limit_in_bytes)
 *   pids        pids.max                        pids.max
 *   cpu         cpu.max "quota period"          cpu.cfs_period_us, cpu.cfs_quota_us
 */
#include "cgroup_limits.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgroup_mounts.h"

/* Join dir and file into out; 0 or -ENAMETOOLONG. */
static int join(char *out, size_t size, const char *dir, const char *file) {
  int r = snprintf(out, size, "%s/%s", dir, file);
  if (r < 0 || (size_t)r >= size) return -ENAMETOOLONG;
  return 0;
}

int nr__cg_write(const char *dir, const char *file, const char *val) {
  char path[PATH_MAX];
  int r = join(path, sizeof path, dir, file);
  if (r < 0) return r;
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  size_t len = strlen(val);
  ssize_t n;
  do {
    n = write(fd, val, len);
  } while (n < 0 && errno == EINTR);
  r = n < 0 ? -errno : ((size_t)n == len ? 0 : -EIO);
  close(fd);
  return r;
}

int nr__cg_read(const char *dir, const char *file, char *buf, size_t size) {
  char path[PATH_MAX];
  int r = join(path, sizeof path, dir, file);
  if (r < 0) return r;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  size_t got = 0;
  while (got + 1 < size) {
    ssize_t n = read(fd, buf + got, size - 1 - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      r = -errno;
      goto out;
    }
    if (n == 0) break;
    got += (size_t)n;
  }
  buf[got] = '\0';
  r = (int)got;
out:
  close(fd);
  return r;
}

/* 1 if the whitespace-separated list in dir/file holds word, 0 if not, or
 * -errno. */
static int has_word(const char *dir, const char *file, const char *word) {
  char buf[1024];
  int r = nr__cg_read(dir, file, buf, sizeof buf);
  if (r < 0) return r;
  size_t wl = strlen(word);
  for (char *p = buf; *p;) {
    p += strspn(p, " \t\n");
    size_t len = strcspn(p, " \t\n");
    if (len == wl && memcmp(p, word, wl) == 0) return 1;
    p += len;
  }
  return 0;
}

int nr__cg_v2_enable(const char *leaf, size_t base_len, const char *ctrl) {
  char dir[PATH_MAX], plus[32];
  int r = snprintf(dir, sizeof dir, "%s", leaf);
  if (r < 0 || (size_t)r >= sizeof dir) return -ENAMETOOLONG;
  r = snprintf(plus, sizeof plus, "+%s", ctrl);
  if (r < 0 || (size_t)r >= sizeof plus) return -EINVAL;
  /* Each '/' from base_len on ends one ancestor: the base, the root's
   * components, ..., the leaf's parent. */
  for (size_t i = base_len; dir[i]; i++) {
    if (dir[i] != '/') continue;
    dir[i] = '\0';
    r = has_word(dir, "cgroup.subtree_control", ctrl);
    if (r == 0) r = nr__cg_write(dir, "cgroup.subtree_control", plus);
    dir[i] = '/';
    if (r < 0) return r;
  }
  return 0;
}

/* Write a decimal number to dir/file. */
static int write_num(const char *dir, const char *file, int64_t v) {
  char buf[32];
  int r = snprintf(buf, sizeof buf, "%" PRId64, v);
  if (r < 0 || (size_t)r >= sizeof buf) return -EINVAL;
  return nr__cg_write(dir, file, buf);
}

/* Memory limit; the swap file is written when the kernel has one, so swap
 * cannot be used to exceed the limit. */
static int apply_memory(int version, const char *leaf, int64_t max) {
  const char *limit = version == 2 ? "memory.max" : "memory.limit_in_bytes";
  int r = write_num(leaf, limit, max);
  if (r < 0) return r;
  /* v2 counts swap separately (0 = none); v1 memsw is memory plus swap. */
  if (version == 2)
    r = nr__cg_write(leaf, "memory.swap.max", "0");
  else
    r = write_num(leaf, "memory.memsw.limit_in_bytes", max);
  return r == -ENOENT ? 0 : r; /* no swap accounting: nothing to close */
}

/* CPU bandwidth: quota per period, both in microseconds. */
static int apply_cpu(int version, const char *leaf, int64_t quota,
                     int64_t period) {
  if (period < 0) period = 100000;
  if (version == 2) {
    char buf[64];
    int r = snprintf(buf, sizeof buf, "%" PRId64 " %" PRId64, quota, period);
    if (r < 0 || (size_t)r >= sizeof buf) return -EINVAL;
    return nr__cg_write(leaf, "cpu.max", buf);
  }
  int r = write_num(leaf, "cpu.cfs_period_us", period);
  if (r == 0) r = write_num(leaf, "cpu.cfs_quota_us", quota);
  return r;
}

int nr__cg_limits_apply(int version, const char *leaf, unsigned ctrls,
                        const nr__cgroup_spec *spec) {
  int r = 0;
  if ((ctrls & NR__CG_MEMORY) && spec->memory_max >= 0)
    r = apply_memory(version, leaf, spec->memory_max);
  if (r == 0 && (ctrls & NR__CG_PIDS) && spec->pids_max >= 0)
    r = write_num(leaf, "pids.max", spec->pids_max);
  if (r == 0 && (ctrls & NR__CG_CPU) && spec->cpu_quota_us >= 0)
    r = apply_cpu(version, leaf, spec->cpu_quota_us, spec->cpu_period_us);
  return r;
}

/* The number after "key " on its own line of dir/file, or -1. */
static int64_t keyed(const char *dir, const char *file, const char *key) {
  char buf[2048];
  if (nr__cg_read(dir, file, buf, sizeof buf) < 0) return -1;
  size_t kl = strlen(key);
  for (char *line = buf; *line;) {
    if (strncmp(line, key, kl) == 0 && line[kl] == ' ')
      return strtoll(line + kl + 1, NULL, 10);
    char *nl = strchr(line, '\n');
    if (!nl) break;
    line = nl + 1;
  }
  return -1;
}

/* The single number in dir/file, or -1. */
static int64_t number(const char *dir, const char *file) {
  char buf[64];
  if (nr__cg_read(dir, file, buf, sizeof buf) <= 0) return -1;
  char *end;
  errno = 0;
  long long v = strtoll(buf, &end, 10);
  if (errno || end == buf) return -1;
  return v;
}

void nr__cg_limits_stats(int version, const char *leaf, int64_t *peak,
                         int64_t *oom_kills) {
  if (version == 2) {
    *peak = number(leaf, "memory.peak");
    *oom_kills = keyed(leaf, "memory.events", "oom_kill");
  } else {
    *peak = number(leaf, "memory.max_usage_in_bytes");
    *oom_kills = keyed(leaf, "memory.oom_control", "oom_kill");
  }
}
