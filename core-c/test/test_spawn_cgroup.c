/*
 * test_spawn_cgroup.c — cgroups end to end through the shepherd
 * (nr_spawn_with), against the real kernel.
 *
 * Needs root and a cgroup hierarchy. Every shepherd starts with the root
 * NETRUNNER_CGROUP_ROOT=netrunner-spawn-test-<pid>; the last case checks it
 * is gone from every hierarchy. This process and every case are child
 * subreapers and reap what they find: PID 1 here reaps nothing, so a failed
 * case must not leave an orphan to it. Fork bombs are capped by pids.max.
 */
#include <limits.h>
#include <sys/prctl.h>
#include <sys/stat.h>

#include "cgroup_util.h"
#include "util.h"



/* A shepherd whose descendants come back to this case if it dies. */
static int open_reaped_host(pid_t *sp) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  return open_host(sp);
}

static int spawn_in(int ctl, const char *const *argv, const char *cgroup,
                    int64_t memory_max, int64_t pids_max, nr_child *c) {
  nr_spawn_opts o;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.cgroup = cgroup;
  o.memory_max = memory_max;
  o.pids_max = pids_max;
  return nr_spawn_with(ctl, &o, c);
}

static void close_child(nr_child *c) {
  int *fds[] = {&c->stdin_fd, &c->stdout_fd, &c->stderr_fd, &c->status_fd};
  for (int i = 0; i < 4; i++)
    if (*fds[i] >= 0) close(*fds[i]), *fds[i] = -1;
}

TEST(a_grandchild_that_called_setsid_dies_with_the_cgroup) {
  pid_t sp;
  int ctl = open_reaped_host(&sp);
  nr_child c;
  const char *argv[] = {"sh", "-c", "setsid sleep 100 & echo $!; exit 0", NULL};
  CHECK_EQ(spawn_in(ctl, argv, "escape", -1, -1, &c), 0);
  char *out = read_all(c.stdout_fd, NULL);
  pid_t gc = (pid_t)atol(out);
  free(out);
  CHECK(gc > 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  /* The record is written after the cgroup is torn down: the grandchild,
   * in a session of its own, is already killed; the shepherd reaps it. */
  CHECK(gone_within(gc, 2000));
  close_child(&c);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

TEST(memory_max_oom_kill_is_reported_in_the_exit_record) {
  pid_t sp;
  int ctl = open_reaped_host(&sp);
  nr_child c;
  /* tail holds its last line in memory: 200 MiB with no newline. */
  const char *argv[] = {"sh", "-c", "head -c 200M /dev/zero | tail", NULL};
  CHECK_EQ(spawn_in(ctl, argv, "oom", 32 * MiB, -1, &c), 0);
  free(read_all(c.stdout_fd, NULL));
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 128 + SIGKILL); /* sh reports tail's SIGKILL */
  CHECK(rec.cgroup_oom_kills >= 1);
  CHECK(rec.cgroup_memory_peak > 0);
  CHECK(rec.cgroup_memory_peak <= 33 * MiB);
  close_child(&c);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

TEST(without_a_cgroup_the_record_has_no_cgroup_figures) {
  pid_t sp;
  int ctl = open_reaped_host(&sp);
  nr_child c;
  const char *argv[] = {"true", NULL};
  CHECK_EQ(spawn_in(ctl, argv, NULL, -1, -1, &c), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.cgroup_memory_peak, -1);
  CHECK_EQ(rec.cgroup_oom_kills, -1);
  close_child(&c);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

TEST(a_cgroup_run_reports_peak_memory_and_zero_oom_kills) {
  pid_t sp;
  int ctl = open_reaped_host(&sp);
  nr_child c;
  const char *argv[] = {"true", NULL};
  CHECK_EQ(spawn_in(ctl, argv, "stats", -1, -1, &c), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  CHECK(rec.cgroup_memory_peak > 0);
  CHECK_EQ(rec.cgroup_oom_kills, 0);
  close_child(&c);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

TEST(pids_max_caps_a_fork_bomb) {
  pid_t sp;
  int ctl = open_reaped_host(&sp);
  nr_child c;
  const char *argv[] = {
      "sh", "-c",
      "i=0; n=0; while [ $i -lt 100 ]; do sleep 2 & n=$((n+1)); i=$((i+1));"
      " done; echo started; wait",
      NULL};
  CHECK_EQ(spawn_in(ctl, argv, "bomb", -1, 20, &c), 0);
  char *err = read_all(c.stderr_fd, NULL);
  char *out = read_all(c.stdout_fd, NULL);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  /* dash: "Cannot fork"; the shell gives up on the loop. */
  CHECK(strstr(err, "fork") != NULL);
  free(err);
  free(out);
  close_child(&c);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

TEST(a_path_with_dotdot_is_EINVAL_at_stage_request) {
  pid_t sp;
  int ctl = open_reaped_host(&sp);
  nr_child c;
  const char *argv[] = {"true", NULL};
  CHECK_EQ(spawn_in(ctl, argv, "a/../b", -1, -1, &c), -EINVAL);
  CHECK_EQ(c.stage, NR_STAGE_REQUEST);
  CHECK_EQ(c.status_fd, -1);
  CHECK_EQ(spawn_in(ctl, argv, "/abs", -1, -1, &c), -EINVAL);
  CHECK_EQ(c.stage, NR_STAGE_REQUEST);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

TEST(an_existing_cgroup_is_EEXIST_at_stage_cgroup_and_left_alone) {
  pid_t sp;
  int ctl = open_reaped_host(&sp);
  nr_child first, second;
  const char *argv[] = {"sleep", "100", NULL};
  CHECK_EQ(spawn_in(ctl, argv, "taken", -1, -1, &first), 0);
  CHECK_EQ(spawn_in(ctl, argv, "taken", -1, -1, &second), -EEXIST);
  CHECK_EQ(second.stage, NR_STAGE_CGROUP);
  CHECK_EQ(proc_state(first.pid) == 'S' || proc_state(first.pid) == 'R', 1);
  CHECK_EQ(nr_signal(ctl, first.pid, SIGKILL), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(first.status_fd, &rec), 0);
  CHECK_EQ(rec.term_signal, SIGKILL);
  first.status_fd = -1;
  /* Torn down with its child: the name is free again. */
  const char *t[] = {"true", NULL};
  CHECK_EQ(spawn_in(ctl, t, "taken", -1, -1, &second), 0);
  CHECK_EQ(nr_read_exit(second.status_fd, &rec), 0);
  second.status_fd = -1;
  close_child(&first);
  close_child(&second);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

/* A job's cgroup is killed recursively (cgroup.kill) when it ends: a job
 * in a path below a live job's would die with it, so it is refused. */
TEST(a_path_below_a_live_jobs_cgroup_is_EBUSY_and_the_job_lives_on) {
  pid_t sp;
  int ctl = open_reaped_host(&sp);
  nr_child outer, inner;
  const char *sleeper[] = {"sleep", "100", NULL};
  CHECK_EQ(spawn_in(ctl, sleeper, "outer", -1, -1, &outer), 0);
  CHECK_EQ(spawn_in(ctl, sleeper, "outer/inner", -1, -1, &inner), -EBUSY);
  CHECK_EQ(inner.stage, NR_STAGE_CGROUP);
  CHECK_EQ(nr_signal(ctl, outer.pid, SIGKILL), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(outer.status_fd, &rec), 0);
  CHECK_EQ(rec.term_signal, SIGKILL);
  outer.status_fd = -1;
  close_child(&outer);
  /* The outer job is gone: the path below it is free. */
  const char *t[] = {"true", NULL};
  CHECK_EQ(spawn_in(ctl, t, "outer/inner", -1, -1, &inner), 0);
  CHECK_EQ(nr_read_exit(inner.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  inner.status_fd = -1;
  close_child(&inner);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

TEST(nr_host_open_with_sets_the_cgroup_root_of_the_shepherd) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  pid_t sp;
  char root[96];
  snprintf(root, sizeof root, "%s/other", root_name);
  int ctl = nr_host_open_with(shepherd_path(), root, &sp);
  CHECK(ctl >= 0);
  nr_child c;
  const char *argv[] = {"cat", "/proc/self/cgroup", NULL};
  CHECK_EQ(spawn_in(ctl, argv, "leaf", -1, -1, &c), 0);
  char *out = read_all(c.stdout_fd, NULL);
  char want[128];
  snprintf(want, sizeof want, "/%s/leaf\n", root);
  CHECK(strstr(out, want) != NULL);
  free(out);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  close_child(&c);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
  CHECK_EQ(nr_host_open_with(shepherd_path(), "../up", &sp), -EINVAL);
  CHECK_EQ(nr_host_open_with(shepherd_path(), "/abs", &sp), -EINVAL);
}

TEST(the_test_root_is_gone_from_every_hierarchy) { check_root_gone(); }


int main(void) {
  use_own_root("netrunner-spawn-test");
  RUN_REAPED(a_grandchild_that_called_setsid_dies_with_the_cgroup);
  RUN_REAPED(memory_max_oom_kill_is_reported_in_the_exit_record);
  RUN_REAPED(without_a_cgroup_the_record_has_no_cgroup_figures);
  RUN_REAPED(a_cgroup_run_reports_peak_memory_and_zero_oom_kills);
  RUN_REAPED(pids_max_caps_a_fork_bomb);
  RUN_REAPED(a_path_with_dotdot_is_EINVAL_at_stage_request);
  RUN_REAPED(an_existing_cgroup_is_EEXIST_at_stage_cgroup_and_left_alone);
  RUN_REAPED(a_path_below_a_live_jobs_cgroup_is_EBUSY_and_the_job_lives_on);
  RUN_REAPED(nr_host_open_with_sets_the_cgroup_root_of_the_shepherd);
  RUN_REAPED(the_test_root_is_gone_from_every_hierarchy);
  DONE();
}
