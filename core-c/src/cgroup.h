/* cgroup.h — interim declarations; the cgroup module replaces this file. */
#ifndef NR_CGROUP_H
#define NR_CGROUP_H
#include <stddef.h>
#include <stdint.h>
typedef struct nr__cgroup nr__cgroup;
typedef struct nr__cgroup_spec {
  const char *path;
  size_t path_len;
  int64_t memory_max, pids_max, cpu_quota_us, cpu_period_us;
} nr__cgroup_spec;
int nr__cgroup_path_valid(const char *path, size_t len);
int nr__cgroup_create(const nr__cgroup_spec *spec, nr__cgroup **out);
int nr__cgroup_join_self(const nr__cgroup *cg);
void nr__cgroup_close_join_fds(nr__cgroup *cg);
void nr__cgroup_kill(nr__cgroup *cg);
void nr__cgroup_stats(const nr__cgroup *cg, int64_t *memory_peak, int64_t *oom_kills);
int nr__cgroup_destroy(nr__cgroup *cg, int wait_ms);
#endif
