/* test_host_limits.c — the host at its fd limit, a shepherd that never
 * answers, and a shepherd that died: every call ends, nothing runs
 * untracked, nothing stays a zombie. */
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "host_table.h"
#include "util.h"

static int no_children_within(pid_t sp, int ms) {
  char buf[256];
  for (int t = 0; t < ms; t += 10) {
    children_of(sp, buf, sizeof buf);
    if (buf[0] == '\0') return 1;
    sleep_ms(10);
  }
  return 0;
}

/* With `free_fds` fds left (0..3; a spawn brings 4), the reply's fds are
 * cut short: the spawn fails with EMFILE at the host and its child, which
 * had started, is killed. */
static void spawn_with_free_fds(int ctl, pid_t sp, int free_fds) {
  enum { LIMIT = 64 };
  struct rlimit old, low = {LIMIT, LIMIT};
  int fillers[LIMIT], n = 0;
  CHECK(getrlimit(RLIMIT_NOFILE, &old) == 0);
  low.rlim_max = old.rlim_max;
  CHECK(setrlimit(RLIMIT_NOFILE, &low) == 0);
  for (int fd; n < LIMIT && (fd = dup(0)) >= 0;) fillers[n++] = fd;
  CHECK(n >= free_fds);
  for (int i = 0; i < free_fds; i++) close(fillers[--n]);

  const char *argv[] = {"sleep", "1000", NULL};
  nr_child c;
  int rc = spawn_argv(ctl, argv, NR_STDERR_CONSUME, &c);

  while (n > 0) close(fillers[--n]);
  CHECK(setrlimit(RLIMIT_NOFILE, &old) == 0);
  CHECK_EQ(rc, -EMFILE);
  CHECK_EQ(c.stage, NR_STAGE_NONE);
  CHECK_EQ(c.status_fd, -1);
  CHECK(no_children_within(sp, 3000));
}

TEST(spawning_at_the_fd_limit_is_emfile_and_leaves_no_child) {
  pid_t sp;
  int ctl = open_host(&sp);
  int before = count_fds();
  for (int free_fds = 0; free_fds <= 3; free_fds++)
    spawn_with_free_fds(ctl, sp, free_fds);
  CHECK_EQ(count_fds(), before);
  /* The stream is still in step: the next spawn works. */
  const char *argv[] = {"true", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  nr_host_close(ctl, sp, 2000);
}

/* A stopped shepherd stands for one that can never answer (a vfork child
 * stuck in chdir on a hung mount). */
TEST(a_shepherd_that_does_not_answer_is_killed_and_the_call_times_out) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0); /* its child comes back here */
  nr__reply_timeout_ms = 300;
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sleep", "100", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
  CHECK_EQ(kill(sp, SIGSTOP), 0);
  CHECK_EQ(nr_signal(ctl, c.pid, SIGTERM), -ETIMEDOUT);
  /* Killed: the host reaps it, its child dies with it (PDEATHSIG). */
  int gone = 0;
  for (int t = 0; t < 3000 && (gone = nr_host_reap(ctl, sp)) == 0; t += 10)
    sleep_ms(10);
  CHECK_EQ(gone, 1);
  CHECK_EQ(proc_state(sp), 0);
  for (int t = 0; t < 3000 && proc_state(c.pid) != 0; t += 10) {
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    sleep_ms(10);
  }
  CHECK_EQ(proc_state(c.pid), 0);
  /* The socket is shut: later calls fail at once. */
  CHECK_EQ(nr_kill_all(ctl, SIGKILL), -EPIPE);
  CHECK_EQ(nr_host_close(ctl, sp, 100), 0);
}

TEST(a_dead_shepherd_is_reaped_by_nr_host_reap) {
  pid_t sp;
  int ctl = open_host(&sp);
  CHECK_EQ(nr_host_reap(ctl, sp), 0); /* running */
  CHECK_EQ(kill(sp, SIGKILL), 0);
  int gone = 0;
  for (int t = 0; t < 3000 && (gone = nr_host_reap(ctl, sp)) == 0; t += 10)
    sleep_ms(10);
  CHECK_EQ(gone, 1);
  CHECK_EQ(proc_state(sp), 0); /* not a zombie */
  CHECK_EQ(nr_host_reap(ctl, sp), 1); /* and not waited for twice */
  CHECK_EQ(nr_host_close(ctl, sp, 100), 0);
}

int main(void) {
  RUN(spawning_at_the_fd_limit_is_emfile_and_leaves_no_child);
  RUN(a_shepherd_that_does_not_answer_is_killed_and_the_call_times_out);
  RUN(a_dead_shepherd_is_reaped_by_nr_host_reap);
  DONE();
}
