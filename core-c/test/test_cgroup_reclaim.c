/*
 * test_cgroup_reclaim.c — cgroups removed without holding up requests, and
 * reclaimed (NR_OP_RECLAIM_CGROUP) after their shepherd died.
 *
 * Needs root and a cgroup hierarchy; uses its own root
 * netrunner-reclaim-test-<pid>, checked gone at the end.
 */
#include <limits.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/stat.h>

#include "cgroup_util.h"
#include "util.h"

static int spawn_in(int ctl, const char *const *argv, const char *cgroup,
                    nr_child *c) {
  nr_spawn_opts o;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.cgroup = cgroup;
  o.stderr_mode = NR_STDERR_DISABLED;
  return nr_spawn_with(ctl, &o, c);
}

/* The leaf directory of `path` in the i-th mounted hierarchy (may not
 * exist); 0 past the last. */
static int leaf_path(int i, const char *path, char *out, size_t cap) {
  nr__cg_mounts mt;
  CHECK_EQ(nr__cg_mounts_read(&mt), 0);
  if (i >= mt.n) return 0;
  snprintf(out, cap, "%s/%s/%s", mt.m[i].base, root_name, path);
  return 1;
}

/* `path` exists in no hierarchy within ms. */
static int leaf_gone_within(const char *path, int ms) {
  char p[PATH_MAX + 128];
  for (int t = 0;; t += 10) {
    int any = 0;
    for (int i = 0; leaf_path(i, path, p, sizeof p); i++) any |= exists(p);
    if (!any) return 1;
    if (t >= ms) return 0;
    sleep_ms(10);
  }
}

/* Wait until pid (a child of this subreaper) is gone, reaping it. */
static int reaped_within(pid_t pid, int ms) {
  for (int t = 0; t < ms; t += 10) {
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    if (proc_state(pid) == 0) return 1;
    sleep_ms(10);
  }
  return 0;
}

/* A leaf that cannot be removed while it has a sub-directory: the old
 * inline teardown spent its whole 500 ms budget on each. */
TEST(a_stuck_cgroup_teardown_holds_up_no_request) {
  enum { N = 20 };
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c[N];
  char name[N][32], sub[N][PATH_MAX + 160];
  int nsub[N];
  for (int i = 0; i < N; i++) {
    const char *argv[] = {"cat", NULL};
    snprintf(name[i], sizeof name[i], "stuck-%d", i);
    CHECK_EQ(spawn_in(ctl, argv, name[i], &c[i]), 0);
    char leaf[PATH_MAX + 128];
    nsub[i] = 0;
    for (int k = 0; !nsub[i] && leaf_path(k, name[i], leaf, sizeof leaf); k++) {
      snprintf(sub[i], sizeof sub[i], "%s/held", leaf);
      nsub[i] = exists(leaf) && mkdir(sub[i], 0755) == 0;
    }
    CHECK(nsub[i]);
  }
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (int i = 0; i < N; i++) close(c[i].stdin_fd);
  for (int i = 0; i < N; i++) {
    nr_exit_record rec;
    CHECK_EQ(nr_read_exit(c[i].status_fd, &rec), 0);
    CHECK_EQ(rec.exit_status, 0);
  }
  CHECK_EQ(nr_signal(ctl, 1, SIGTERM), -ESRCH); /* a request, answered */
  clock_gettime(CLOCK_MONOTONIC, &b);
  /* Inline, 20 stuck teardowns took 20 x 500 ms; now none waits. */
  CHECK(b.tv_sec - a.tv_sec < 4);
  /* Unstuck, each leaf is removed by the poll loop, still within its
   * budget (the inline teardown had given up for good). */
  for (int i = 0; i < N; i++) CHECK(rmdir(sub[i]) == 0);
  for (int i = 0; i < N; i++) CHECK(leaf_gone_within(name[i], 4000));
  for (int i = 0; i < N; i++) {
    close(c[i].stdout_fd);
  }
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

/* Its leaf is still being removed (in the poll loop) when a spawn asks for
 * the same path: the spawn finishes the removal instead of EEXIST. */
TEST(a_path_still_being_removed_is_free_for_the_next_spawn) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  pid_t sp;
  int ctl = open_host(&sp);
  const char *cat[] = {"cat", NULL};
  nr_child c;
  CHECK_EQ(spawn_in(ctl, cat, "reuse", &c), 0);
  char leaf[PATH_MAX + 128], held[PATH_MAX + 160];
  int made = 0;
  for (int k = 0; !made && leaf_path(k, "reuse", leaf, sizeof leaf); k++) {
    snprintf(held, sizeof held, "%s/held", leaf);
    made = exists(leaf) && mkdir(held, 0755) == 0;
  }
  CHECK(made);
  close(c.stdin_fd);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  sleep_ms(50); /* a few removal attempts fail meanwhile */
  CHECK(rmdir(held) == 0);
  const char *t[] = {"true", NULL};
  nr_child again;
  CHECK_EQ(spawn_in(ctl, t, "reuse", &again), 0);
  CHECK_EQ(nr_read_exit(again.status_fd, &rec), 0);
  CHECK(leaf_gone_within("reuse", 3000));
  close(c.stdout_fd);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

TEST(a_dead_shepherds_cgroup_is_reclaimed_by_the_next_one) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0); /* orphans come back here */
  pid_t old_sp, sp;
  int old_ctl = open_host(&old_sp);
  const char *argv[] = {
      "sh", "-c", "setsid sleep 100 >/dev/null 2>&1 & echo $!; exec sleep 100",
      NULL};
  nr_child c;
  CHECK_EQ(spawn_in(old_ctl, argv, "orphaned", &c), 0);
  char line[32] = "";
  for (size_t n = 0; n < sizeof line - 1 && !strchr(line, '\n');) {
    ssize_t r = read(c.stdout_fd, line + n, sizeof line - 1 - n);
    CHECK(r > 0);
    n += (size_t)r;
    line[n] = '\0';
  }
  pid_t escaped = (pid_t)atoi(line);
  CHECK(escaped > 0);
  CHECK_EQ(kill(old_sp, SIGKILL), 0);
  CHECK_EQ(nr_host_reap(old_ctl, old_sp) >= 0, 1);
  CHECK(reaped_within(c.pid, 3000)); /* PDEATHSIG */
  CHECK(proc_state(escaped) != 0 && proc_state(escaped) != 'Z');

  int ctl = open_host(&sp);
  /* Still there: a spawn on that path is refused. */
  nr_child again;
  const char *t[] = {"true", NULL};
  CHECK_EQ(spawn_in(ctl, t, "orphaned", &again), -EEXIST);
  CHECK_EQ(nr_reclaim_cgroup(ctl, "orphaned"), 0);
  CHECK(reaped_within(escaped, 3000));
  CHECK(leaf_gone_within("orphaned", 3000));
  CHECK_EQ(spawn_in(ctl, t, "orphaned", &again), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(again.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  CHECK(leaf_gone_within("orphaned", 3000));
  nr_host_close(old_ctl, old_sp, 100);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
  /* The root the dead shepherd made stays: the next one cannot tell it
   * from one an administrator made (perhaps with limits). */
  nr__cg_mounts mt;
  CHECK_EQ(nr__cg_mounts_read(&mt), 0);
  for (int i = 0; i < mt.n; i++) {
    char p[PATH_MAX + 80];
    snprintf(p, sizeof p, "%s/%s", mt.m[i].base, root_name);
    CHECK(rmdir(p) == 0 || errno == ENOENT);
  }
}

TEST(reclaim_refuses_bad_missing_and_busy_paths) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  pid_t sp;
  int ctl = open_host(&sp);
  CHECK_EQ(nr_reclaim_cgroup(ctl, "../up"), -EINVAL);
  CHECK_EQ(nr_reclaim_cgroup(ctl, ""), -EINVAL);
  char long_path[300];
  memset(long_path, 'a', sizeof long_path - 1);
  long_path[sizeof long_path - 1] = '\0';
  CHECK_EQ(nr_reclaim_cgroup(ctl, long_path), -EINVAL);
  CHECK_EQ(nr_reclaim_cgroup(ctl, "never-made"), -ENOENT);
  const char *argv[] = {"sleep", "100", NULL};
  nr_child c;
  CHECK_EQ(spawn_in(ctl, argv, "holder/in-use", &c), 0);
  CHECK_EQ(nr_reclaim_cgroup(ctl, "holder/in-use"), -EBUSY);
  /* Its parent too: killing that (recursively) would kill the child. */
  CHECK_EQ(nr_reclaim_cgroup(ctl, "holder"), -EBUSY);
  CHECK(proc_state(c.pid) != 0 && proc_state(c.pid) != 'Z');
  CHECK_EQ(nr_signal(ctl, c.pid, SIGKILL), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK(leaf_gone_within("holder/in-use", 3000));
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

TEST(the_test_root_is_gone_from_every_hierarchy) { check_root_gone(); }

int main(void) {
  use_own_root("netrunner-reclaim-test");
  RUN_REAPED(a_stuck_cgroup_teardown_holds_up_no_request);
  RUN_REAPED(a_path_still_being_removed_is_free_for_the_next_spawn);
  RUN_REAPED(a_dead_shepherds_cgroup_is_reclaimed_by_the_next_one);
  RUN_REAPED(reclaim_refuses_bad_missing_and_busy_paths);
  RUN_REAPED(the_test_root_is_gone_from_every_hierarchy);
  DONE();
}
