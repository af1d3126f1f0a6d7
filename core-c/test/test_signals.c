/* test_signals.c — signals reach the whole group; bad signals are refused. */
#include <errno.h>
#include <signal.h>

#include "util.h"

/* Spawn `sh -c 'sleep 100 & sleep 100 & wait'` and collect the two sleeps'
 * pids from /proc (they are the shell's children). */
static void spawn_family(int ctl, nr_child *c, pid_t kids[2]) {
  const char *argv[] = {"sh", "-c", "sleep 100 & sleep 100 & wait", NULL};
  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_CONSUME, c), 0);
  two_children_of(c->pid, kids);
}

TEST(sigterm_gives_exit_143_and_signal_15) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sleep", "100", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
  CHECK_EQ(nr_signal(ctl, c.pid, SIGTERM), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 143);
  CHECK_EQ(rec.term_signal, SIGTERM);
  CHECK(gone_within(c.pid, 2000));
  nr_host_close(ctl, sp, 2000);
}

TEST(a_signal_kills_the_whole_process_group) {
  pid_t sp, kids[2];
  int ctl = open_host(&sp);
  nr_child c;
  spawn_family(ctl, &c, kids);
  CHECK_EQ(nr_signal(ctl, c.pid, SIGKILL), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 128 + SIGKILL);
  /* The sleeps were re-parented to the shepherd (a subreaper) and reaped. */
  CHECK(gone_within(kids[0], 3000));
  CHECK(gone_within(kids[1], 3000));
  nr_host_close(ctl, sp, 2000);
}

TEST(kill_all_reaches_every_group) {
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child a, b;
  pid_t ka[2], kb[2];
  spawn_family(ctl, &a, ka);
  spawn_family(ctl, &b, kb);
  CHECK_EQ(nr_kill_all(ctl, SIGKILL), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(a.status_fd, &rec), 0);
  CHECK_EQ(nr_read_exit(b.status_fd, &rec), 0);
  CHECK(gone_within(ka[0], 3000) && gone_within(ka[1], 3000));
  CHECK(gone_within(kb[0], 3000) && gone_within(kb[1], 3000));
  nr_host_close(ctl, sp, 2000);
}

TEST(a_real_time_signal_kills_and_is_named_in_the_record) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sleep", "100", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
  CHECK_EQ(nr_signal(ctl, c.pid, SIGRTMIN + 3), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.term_signal, SIGRTMIN + 3);
  CHECK_EQ(rec.exit_status, 128 + SIGRTMIN + 3);
  CHECK(gone_within(c.pid, 2000));
  nr_host_close(ctl, sp, 2000);
}

TEST(signals_outside_1_to_31_and_the_real_time_range_are_refused) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sleep", "100", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
  CHECK_EQ(nr_signal(ctl, c.pid, 0), -EINVAL);
  CHECK_EQ(nr_signal(ctl, c.pid, 32), -EINVAL);
  CHECK_EQ(nr_signal(ctl, c.pid, -9), -EINVAL);
  CHECK_EQ(nr_signal(ctl, c.pid, 33), -EINVAL); /* glibc's own */
  CHECK_EQ(nr_kill_all(ctl, SIGRTMAX + 1), -EINVAL);
  CHECK_EQ(nr_signal_valid(31), 0);
  CHECK_EQ(nr_signal_valid(SIGRTMIN), 0);
  CHECK_EQ(nr_signal_valid(SIGRTMAX), 0);
  CHECK_EQ(nr_signal_valid(1), 0);
  CHECK(proc_state(c.pid) != 0 && proc_state(c.pid) != 'Z');
  CHECK_EQ(nr_signal(ctl, c.pid, SIGKILL), 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(signalling_an_unknown_or_reaped_pid_is_esrch) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"true", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(nr_signal(ctl, c.pid, SIGTERM), -ESRCH);
  CHECK_EQ(nr_signal(ctl, getpid(), SIGTERM), -ESRCH); /* not its child */
  nr_host_close(ctl, sp, 2000);
}

int main(void) {
  RUN(sigterm_gives_exit_143_and_signal_15);
  RUN(a_signal_kills_the_whole_process_group);
  RUN(kill_all_reaches_every_group);
  RUN(a_real_time_signal_kills_and_is_named_in_the_record);
  RUN(signals_outside_1_to_31_and_the_real_time_range_are_refused);
  RUN(signalling_an_unknown_or_reaped_pid_is_esrch);
  DONE();
}
