/* test_pty.c — PTY mode: a real controlling terminal, no lost output. */
#include <errno.h>
#include <poll.h>
#include <signal.h>

#include "util.h"

static int spawn_pty(int ctl, const char *const *argv, uint16_t rows,
                     uint16_t cols, nr_child *c) {
  nr_spawn_opts o;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.flags = NR_SPAWN_PTY;
  o.rows = rows;
  o.cols = cols;
  return nr_spawn_with(ctl, &o, c);
}

/* Read the master until EIO (the slave side is gone) or EOF. Linux keeps
 * what the child wrote readable after it exits as long as we hold the
 * master; EIO then means "no more", not an error. */
static char *read_pty(int fd, size_t *len) {
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap + 1);
  for (;;) {
    struct pollfd p = {fd, POLLIN, 0};
    poll(&p, 1, 5000);
    ssize_t r = read(fd, buf + n, cap - n);
    if (r > 0) {
      n += (size_t)r;
      continue;
    }
    if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    break; /* EIO or EOF */
  }
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

/* Wait until `needle` shows up in what the master says, at most ~5 s. */
static int expect_output(int fd, const char *needle) {
  char buf[8192];
  size_t n = 0;
  for (int i = 0; i < 500; i++) {
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, 10) > 0) {
      ssize_t r = read(fd, buf + n, sizeof buf - 1 - n);
      if (r > 0) n += (size_t)r;
      buf[n] = '\0';
      if (strstr(buf, needle)) return 1;
      if (n >= sizeof buf - 1) n = 0;
    }
  }
  return 0;
}

TEST(stdin_stdout_and_stderr_are_a_terminal) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sh", "-c", "[ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo tty", NULL};
  nr_child c;
  CHECK_EQ(spawn_pty(ctl, argv, 0, 0, &c), 0);
  CHECK_EQ(c.stdin_fd, -1);
  CHECK_EQ(c.stderr_fd, -1);
  char *out = read_pty(c.stdout_fd, NULL);
  CHECK(strcmp(out, "tty\r\n") == 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(fast_exit_output_is_never_lost) {
  pid_t sp;
  int ctl = open_host(&sp);
  for (int i = 0; i < 100; i++) {
    const char *argv[] = {"echo", "hi", NULL};
    nr_child c;
    CHECK_EQ(spawn_pty(ctl, argv, 0, 0, &c), 0);
    nr_exit_record rec;
    CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0); /* exited before we read */
    char *out = read_pty(c.stdout_fd, NULL);
    CHECK(strcmp(out, "hi\r\n") == 0);
    free(out);
    close(c.stdout_fd);
  }
  nr_host_close(ctl, sp, 2000);
}

TEST(window_size_is_set_at_spawn_and_by_resize) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sh", "-c",
                        "stty size; trap 'stty size; exit 0' WINCH; "
                        "echo ready; while :; do sleep 0.01; done", NULL};
  nr_child c;
  CHECK_EQ(spawn_pty(ctl, argv, 30, 100, &c), 0);
  CHECK(expect_output(c.stdout_fd, "30 100"));
  CHECK(expect_output(c.stdout_fd, "ready"));
  CHECK_EQ(nr_pty_resize(c.stdout_fd, 50, 132), 0); /* SIGWINCH to the fg group */
  CHECK(expect_output(c.stdout_fd, "50 132"));
  CHECK_EQ(nr_pty_resize(c.stdout_fd, 0, 10), -EINVAL);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(ctrl_c_interrupts_the_foreground_program) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sh", "-c", "echo go; exec sleep 100", NULL};
  nr_child c;
  CHECK_EQ(spawn_pty(ctl, argv, 0, 0, &c), 0);
  CHECK(expect_output(c.stdout_fd, "go"));
  sleep_ms(50); /* let the exec happen */
  CHECK_EQ(write(c.stdout_fd, "\x03", 1), 1);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.term_signal, SIGINT);
  CHECK_EQ(rec.exit_status, 130);
  nr_host_close(ctl, sp, 2000);
}

TEST(an_interactive_shell_answers_and_echoes) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sh", "-i", NULL};
  nr_child c;
  CHECK_EQ(spawn_pty(ctl, argv, 0, 0, &c), 0);
  const char *cmd = "echo $((6*7))\n";
  CHECK_EQ(write(c.stdout_fd, cmd, strlen(cmd)), (long)strlen(cmd));
  CHECK(expect_output(c.stdout_fd, "echo $((6*7))")); /* the terminal echo */
  CHECK(expect_output(c.stdout_fd, "42"));
  CHECK_EQ(write(c.stdout_fd, "exit 5\n", 7), 7);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 5);
  nr_host_close(ctl, sp, 2000);
}

TEST(killing_a_pty_child_kills_its_group) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sh", "-c", "sleep 100 & echo $!; wait", NULL};
  nr_child c;
  CHECK_EQ(spawn_pty(ctl, argv, 0, 0, &c), 0);
  char buf[64] = "";
  size_t n = 0;
  for (int i = 0; i < 500 && !strchr(buf, '\n'); i++) {
    struct pollfd p = {c.stdout_fd, POLLIN, 0};
    if (poll(&p, 1, 10) > 0) {
      ssize_t r = read(c.stdout_fd, buf + n, sizeof buf - 1 - n);
      if (r > 0) n += (size_t)r;
      buf[n] = '\0';
    }
  }
  pid_t grand = (pid_t)atoi(buf);
  CHECK(grand > 0);
  CHECK_EQ(nr_signal(ctl, c.pid, SIGKILL), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 137);
  CHECK(gone_within(grand, 3000));
  nr_host_close(ctl, sp, 2000);
}

int main(void) {
  RUN(stdin_stdout_and_stderr_are_a_terminal);
  RUN(fast_exit_output_is_never_lost);
  RUN(window_size_is_set_at_spawn_and_by_resize);
  RUN(ctrl_c_interrupts_the_foreground_program);
  RUN(an_interactive_shell_answers_and_echoes);
  RUN(killing_a_pty_child_kills_its_group);
  DONE();
}
