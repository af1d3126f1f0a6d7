/* test_reap.c — every exit reported once; nothing left to PID 1; no leaks. */
#include <errno.h>
#include <signal.h>

#include "util.h"

TEST(fifty_children_exiting_together_each_get_their_record) {
  pid_t sp;
  int ctl = open_host(&sp);
  enum { N = 50 };
  nr_child c[N];
  /* All block on stdin; closing every stdin at once makes their SIGCHLDs
   * coalesce in the shepherd. */
  for (int i = 0; i < N; i++) {
    char code[16];
    snprintf(code, sizeof code, "%d", i);
    const char *argv[] = {"sh", "-c", "read x; exit $0", code, NULL};
    CHECK_EQ(spawn_argv(ctl, argv, 0, &c[i]), 0);
  }
  for (int i = 0; i < N; i++) close(c[i].stdin_fd);
  for (int i = 0; i < N; i++) {
    nr_exit_record rec;
    CHECK_EQ(nr_read_exit(c[i].status_fd, &rec), 0);
    CHECK_EQ(rec.pid, c[i].pid);
    CHECK_EQ(rec.exit_status, i);
    CHECK(gone_within(c[i].pid, 2000));
  }
  nr_host_close(ctl, sp, 2000);
}

TEST(orphaned_grandchildren_are_reaped_by_the_shepherd) {
  pid_t sp;
  int ctl = open_host(&sp);
  /* The shell exits at once; its background child outlives it briefly,
   * re-parented to the shepherd, which must reap it (PID 1 would not). */
  const char *argv[] = {"sh", "-c", "sleep 0.2 & echo $!", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_DISABLED, &c), 0);
  char *out = read_all(c.stdout_fd, NULL);
  pid_t grand = (pid_t)atoi(out);
  CHECK(grand > 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK(gone_within(grand, 3000)); /* not even a zombie */
  nr_host_close(ctl, sp, 2000);
}

TEST(a_thousand_spawns_leak_no_fd_and_no_process) {
  pid_t sp;
  int ctl = open_host(&sp);
  int before = count_fds();
  for (int i = 0; i < 1000; i++) {
    const char *argv[] = {"true", NULL};
    nr_child c;
    CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
    nr_exit_record rec;
    CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
    close(c.stdin_fd);
    close(c.stdout_fd);
    close(c.stderr_fd);
  }
  CHECK_EQ(count_fds(), before);
  /* The shepherd holds no fd for finished children either. */
  char path[64];
  int shepherd_fds = 0;
  for (int fd = 0; fd < 256; fd++) {
    snprintf(path, sizeof path, "/proc/%d/fd/%d", (int)sp, fd);
    shepherd_fds += access(path, F_OK) == 0;
  }
  /* 0..2, control socket, signalfd, and the spare set made ahead for the
   * next spawn: three socketpairs and a status pipe. */
  CHECK_EQ(shepherd_fds, 5 + 8);
  char children[64], buf[64] = "";
  snprintf(children, sizeof children, "/proc/%d/task/%d/children", (int)sp, (int)sp);
  FILE *f = fopen(children, "r");
  CHECK(f != NULL);
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  CHECK_EQ(n, 0);
  nr_host_close(ctl, sp, 2000);
}

int main(void) {
  RUN(fifty_children_exiting_together_each_get_their_record);
  RUN(orphaned_grandchildren_are_reaped_by_the_shepherd);
  RUN_T(a_thousand_spawns_leak_no_fd_and_no_process, 120);
  DONE();
}
