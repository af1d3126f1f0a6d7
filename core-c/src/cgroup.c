/* cgroup.c — interim: cgroups are refused until the cgroup module lands. */
#include "cgroup.h"
#include <errno.h>
int nr__cgroup_path_valid(const char *path, size_t len) { return path && len ? 0 : -EINVAL; }
int nr__cgroup_create(const nr__cgroup_spec *spec, nr__cgroup **out) { (void)spec; (void)out; return -EOPNOTSUPP; }
int nr__cgroup_join_self(const nr__cgroup *cg) { (void)cg; return -EOPNOTSUPP; }
void nr__cgroup_close_join_fds(nr__cgroup *cg) { (void)cg; }
void nr__cgroup_kill(nr__cgroup *cg) { (void)cg; }
void nr__cgroup_stats(const nr__cgroup *cg, int64_t *a, int64_t *b) { (void)cg; *a = *b = -1; }
int nr__cgroup_destroy(nr__cgroup *cg, int wait_ms) { (void)cg; (void)wait_ms; return 0; }
