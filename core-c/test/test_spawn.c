/* test_spawn.c — spawning through the shepherd: stdio, env, cwd, errors. */
#include <errno.h>
#include <sys/socket.h>

#include "util.h"

TEST(runs_echo_and_reports_exit_zero_with_rusage) {
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  const char *argv[] = {"echo", "hello", NULL};
  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_CONSUME, &c), 0);
  CHECK(c.pid > 0 && c.stdin_fd >= 0 && c.stdout_fd >= 0 && c.stderr_fd >= 0);
  size_t n;
  char *out = read_all(c.stdout_fd, &n);
  CHECK_EQ(n, 6);
  CHECK(memcmp(out, "hello\n", 6) == 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.pid, c.pid);
  CHECK_EQ(rec.exit_status, 0);
  CHECK_EQ(rec.term_signal, 0);
  CHECK(rec.max_rss_kb > 0);
  CHECK_EQ(rec.cgroup_memory_peak, -1);
  CHECK_EQ(nr_host_close(ctl, sp, 2000), 0);
}

TEST(stdin_is_closed_independently_and_bytes_are_exact) {
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  const char *argv[] = {"cat", NULL};
  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_CONSUME, &c), 0);
  const char data[] = "a\0b\nno newline";
  CHECK_EQ(write(c.stdin_fd, data, sizeof data - 1), (long)sizeof data - 1);
  close(c.stdin_fd);
  size_t n;
  char *out = read_all(c.stdout_fd, &n);
  CHECK_EQ(n, sizeof data - 1);
  CHECK(memcmp(out, data, n) == 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(nonzero_exit_is_reported_as_is) {
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  const char *argv[] = {"sh", "-c", "exit 3", NULL};
  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_CONSUME, &c), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 3);
  nr_host_close(ctl, sp, 2000);
}

TEST(stderr_modes_consume_redirect_disabled) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sh", "-c", "echo out; echo err >&2", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_CONSUME, &c), 0);
  char *err = read_all(c.stderr_fd, NULL);
  char *out = read_all(c.stdout_fd, NULL);
  CHECK(strcmp(out, "out\n") == 0 && strcmp(err, "err\n") == 0);

  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_REDIRECT, &c), 0);
  CHECK_EQ(c.stderr_fd, -1);
  out = read_all(c.stdout_fd, NULL);
  CHECK(strcmp(out, "out\nerr\n") == 0);

  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_DISABLED, &c), 0);
  CHECK_EQ(c.stderr_fd, -1);
  out = read_all(c.stdout_fd, NULL);
  CHECK(strcmp(out, "out\n") == 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(stderr_only_fast_exit_is_not_lost) {
  pid_t sp;
  int ctl = open_host(&sp);
  for (int i = 0; i < 50; i++) {
    const char *argv[] = {"sh", "-c", "echo oops >&2", NULL};
    nr_child c;
    CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_CONSUME, &c), 0);
    nr_exit_record rec;
    CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0); /* exit first, then read */
    char *err = read_all(c.stderr_fd, NULL);
    CHECK(strcmp(err, "oops\n") == 0);
    free(err);
    free(read_all(c.stdout_fd, NULL));
    close(c.stdin_fd);
    close(c.stdout_fd);
    close(c.stderr_fd);
  }
  nr_host_close(ctl, sp, 2000);
}

TEST(env_inherit_overlay_replace) {
  pid_t sp;
  setenv("NR_TEST_BASE", "base", 1);
  int ctl = open_host(&sp);
  const char *argv[] = {"sh", "-c", "echo \"$NR_TEST_BASE/$NR_TEST_NEW\"", NULL};
  const char *env[] = {"NR_TEST_NEW=new", NULL};
  nr_spawn_opts o;
  nr_child c;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.env = env;
  o.env_mode = NR_ENV_INHERIT;
  CHECK_EQ(nr_spawn_with(ctl, &o, &c), 0);
  CHECK(strcmp(read_all(c.stdout_fd, NULL), "base/\n") == 0);
  o.env_mode = NR_ENV_OVERLAY;
  CHECK_EQ(nr_spawn_with(ctl, &o, &c), 0);
  CHECK(strcmp(read_all(c.stdout_fd, NULL), "base/new\n") == 0);
  o.env_mode = NR_ENV_REPLACE;
  CHECK_EQ(nr_spawn_with(ctl, &o, &c), 0);
  CHECK(strcmp(read_all(c.stdout_fd, NULL), "/new\n") == 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(cwd_is_applied_and_a_missing_cwd_fails_at_the_cwd_stage) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"pwd", NULL};
  nr_spawn_opts o;
  nr_child c;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.cwd = "/tmp";
  CHECK_EQ(nr_spawn_with(ctl, &o, &c), 0);
  CHECK(strcmp(read_all(c.stdout_fd, NULL), "/tmp\n") == 0);
  int before = count_fds();
  o.cwd = "/nonexistent/netrunner";
  CHECK_EQ(nr_spawn_with(ctl, &o, &c), -ENOENT);
  CHECK_EQ(c.stage, NR_STAGE_CWD);
  CHECK_EQ(c.stdout_fd, -1);
  CHECK_EQ(count_fds(), before);
  nr_host_close(ctl, sp, 2000);
}

TEST(exec_failures_are_errnos_not_exit_127) {
  pid_t sp;
  int ctl = open_host(&sp);
  int before = count_fds();
  nr_child c;
  const char *missing[] = {"netrunner-no-such-program", NULL};
  CHECK_EQ(spawn_argv(ctl, missing, 0, &c), -ENOENT);
  CHECK_EQ(c.stage, NR_STAGE_RESOLVE);
  const char *abs_missing[] = {"/nonexistent/prog", NULL};
  CHECK_EQ(spawn_argv(ctl, abs_missing, 0, &c), -ENOENT);
  CHECK_EQ(c.stage, NR_STAGE_EXEC);
  const char *not_exec[] = {"/etc/passwd", NULL};
  CHECK_EQ(spawn_argv(ctl, not_exec, 0, &c), -EACCES);
  CHECK_EQ(c.stage, NR_STAGE_EXEC);
  CHECK_EQ(count_fds(), before);
  /* The shepherd is still serving. */
  const char *ok[] = {"true", NULL};
  CHECK_EQ(spawn_argv(ctl, ok, 0, &c), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(children_do_not_inherit_host_fds_or_ignored_sigpipe) {
  /* Ignored in the host before the shepherd starts: neither may reach a
   * child through the shepherd. */
  signal(SIGINT, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  pid_t sp;
  int ctl = open_host(&sp);
  /* fds 0,1,2 and nothing else; no signal ignored (the shepherd ignores
   * SIGPIPE) and none blocked (it blocks SIGCHLD). */
  const char *argv[] = {"sh", "-c",
                        "ls /proc/self/fd | wc -l; grep -E 'SigBlk|SigIgn' /proc/self/status",
                        NULL};
  signal(SIGPIPE, SIG_IGN);
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
  char *out = read_all(c.stdout_fd, NULL);
  /* ls itself holds one more fd for /proc/self/fd. */
  if (strncmp(out, "4\n", 2) != 0) fprintf(stderr, "%s", out);
  CHECK(strncmp(out, "4\n", 2) == 0);
  char *ign = strstr(out, "SigIgn:\t");
  CHECK(ign != NULL);
  CHECK_EQ(strtoull(ign + 8, NULL, 16), 0);
  char *blk = strstr(out, "SigBlk:\t");
  CHECK(blk != NULL);
  CHECK_EQ(strtoull(blk + 8, NULL, 16), 0);
  nr_host_close(ctl, sp, 2000);
}

/* Spawn `argv` with the ARGV0 extension set to `name` (len bytes). */
static int spawn_named(int ctl, const char *const *argv, const char *name,
                       uint32_t len, nr_child *c) {
  nr_spawn_ext ext[] = {{NR_EXT_ARGV0, len, name}};
  nr_spawn_opts o;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.ext = ext;
  o.ext_count = 1;
  return nr_spawn_with(ctl, &o, c);
}

TEST(argv0_is_the_name_the_child_sees_and_argv_0_is_still_resolved) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"cat", "/proc/self/cmdline", NULL};
  nr_child c;
  CHECK_EQ(spawn_named(ctl, argv, "shown name", 10, &c), 0);
  size_t n;
  char *out = read_all(c.stdout_fd, &n);
  const char want[] = "shown name\0/proc/self/cmdline";
  CHECK_EQ(n, sizeof want);
  CHECK(memcmp(out, want, sizeof want) == 0);
  free(out);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(an_empty_argv0_or_one_with_a_nul_is_einval_at_the_request_stage) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"true", NULL};
  nr_child c;
  CHECK_EQ(spawn_named(ctl, argv, "", 0, &c), -EINVAL);
  CHECK_EQ(c.stage, NR_STAGE_REQUEST);
  CHECK_EQ(spawn_named(ctl, argv, "a\0b", 3, &c), -EINVAL);
  CHECK_EQ(c.stage, NR_STAGE_REQUEST);
  nr_host_close(ctl, sp, 2000);
}

int main(void) {
  RUN(runs_echo_and_reports_exit_zero_with_rusage);
  RUN(stdin_is_closed_independently_and_bytes_are_exact);
  RUN(nonzero_exit_is_reported_as_is);
  RUN(stderr_modes_consume_redirect_disabled);
  RUN(stderr_only_fast_exit_is_not_lost);
  RUN(env_inherit_overlay_replace);
  RUN(cwd_is_applied_and_a_missing_cwd_fails_at_the_cwd_stage);
  RUN(exec_failures_are_errnos_not_exit_127);
  RUN(children_do_not_inherit_host_fds_or_ignored_sigpipe);
  RUN(argv0_is_the_name_the_child_sees_and_argv_0_is_still_resolved);
  RUN(an_empty_argv0_or_one_with_a_nul_is_einval_at_the_request_stage);
  DONE();
}
