/* test_linger.c — a group that outlives its child (lingering entries), and
 * SIGTERM reaching a stopped child. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>

#include "util.h"

/* Spawn `sh -c '<script>'` whose stdout ends with the pid of a background
 * job ($!), read that pid and the child's exit record (the shell exits at
 * once, its job lives on). */
static pid_t spawn_leaving(int ctl, const char *script, nr_child *c) {
  const char *argv[] = {"sh", "-c", script, NULL};
  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_DISABLED, c), 0);
  char *out = read_all(c->stdout_fd, NULL);
  pid_t job = (pid_t)atoi(out);
  free(out);
  CHECK(job > 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c->status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  CHECK(proc_state(job) != 0 && proc_state(job) != 'Z');
  return job;
}

/* nr_signal answers -ESRCH within ms (the group emptied and was dropped). */
static int esrch_within(int ctl, pid_t pid, int ms) {
  for (int t = 0; t < ms; t += 10) {
    int rc = nr_signal(ctl, pid, SIGCONT);
    if (rc == -ESRCH) return 1;
    CHECK_EQ(rc, 0);
    sleep_ms(10);
  }
  return 0;
}

TEST(a_group_that_outlives_its_child_can_still_be_killed) {
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  pid_t job = spawn_leaving(ctl, "sleep 100 >/dev/null & echo $!", &c);
  /* The record is in, the group is not empty: the pid still names it. */
  CHECK_EQ(nr_signal(ctl, c.pid, SIGKILL), 0);
  CHECK(gone_within(job, 3000));
  CHECK(esrch_within(ctl, c.pid, 3000));
  nr_host_close(ctl, sp, 2000);
}

TEST(a_lingering_group_is_dropped_once_it_empties_by_itself) {
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  pid_t job = spawn_leaving(ctl, "sleep 2 >/dev/null & echo $!", &c);
  CHECK_EQ(nr_signal(ctl, c.pid, SIGCONT), 0);
  CHECK(gone_within(job, 10000));
  CHECK(esrch_within(ctl, c.pid, 3000));
  nr_host_close(ctl, sp, 2000);
}

TEST(kill_all_reaches_lingering_groups) {
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child a, b;
  pid_t ja = spawn_leaving(ctl, "sleep 100 >/dev/null & echo $!", &a);
  pid_t jb = spawn_leaving(ctl, "sleep 100 >/dev/null & echo $!", &b);
  CHECK_EQ(nr_kill_all(ctl, SIGKILL), 0);
  CHECK(gone_within(ja, 3000));
  CHECK(gone_within(jb, 3000));
  nr_host_close(ctl, sp, 2000);
}

/* Host gone: a lingering group gets SIGTERM and its grace period, like a
 * live child's, not just the final SIGKILL sweep. */
TEST(host_teardown_sends_sigterm_to_lingering_groups) {
  char file[64], script[256];
  snprintf(file, sizeof file, "/tmp/nr-linger-%d", (int)getpid());
  unlink(file);
  snprintf(script, sizeof script,
           "sh -c 'trap \"echo term > %s; exit 0\" TERM; sleep 100 & wait' "
           ">/dev/null & echo $!",
           file);
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  pid_t job = spawn_leaving(ctl, script, &c);
  sleep_ms(200); /* the inner shell has set its trap */
  CHECK_EQ(nr_host_close(ctl, sp, 5000), 0);
  CHECK(gone_within(job, 3000));
  int fd = open(file, O_RDONLY);
  CHECK(fd >= 0);
  char *got = read_all(fd, NULL);
  close(fd);
  unlink(file);
  CHECK(strcmp(got, "term\n") == 0);
  free(got);
}

/* A child that stopped itself acts on SIGTERM only once continued: the
 * shepherd follows SIGTERM with SIGCONT. */
TEST(sigterm_reaches_a_stopped_child) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sh", "-c", "trap 'exit 7' TERM; kill -STOP $$; sleep 100",
                        NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_DISABLED, &c), 0);
  for (int t = 0; t < 5000 && proc_state(c.pid) != 'T'; t += 5) sleep_ms(5);
  CHECK_EQ(proc_state(c.pid), 'T');
  CHECK_EQ(nr_signal(ctl, c.pid, SIGTERM), 0);
  struct pollfd p = {c.status_fd, POLLIN, 0};
  CHECK_EQ(poll(&p, 1, 10000), 1); /* not left stopped for good */
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 7);
  nr_host_close(ctl, sp, 2000);
}

int main(void) {
  RUN(a_group_that_outlives_its_child_can_still_be_killed);
  RUN(a_lingering_group_is_dropped_once_it_empties_by_itself);
  RUN(kill_all_reaches_lingering_groups);
  RUN(host_teardown_sends_sigterm_to_lingering_groups);
  RUN(sigterm_reaches_a_stopped_child);
  DONE();
}
