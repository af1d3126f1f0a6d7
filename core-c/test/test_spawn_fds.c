/* test_spawn_fds.c — stdio per stream: fds sent with a spawn (nr_spawn_fds),
 * /dev/null, 2>&1 into any destination; every fd the shepherd receives is
 * closed, on success and on every failure, and reaches no other child. */
#include <dirent.h>
#include <errno.h>
#include <sys/socket.h>

#include "../src/frame.h"
#include "util.h"

/* A spawn with the stdio extension `modes` and `nfds` fds sent along. */
static int spawn_stdio(int ctl, const char *const *argv, const uint8_t modes[3],
                       const int *fds, int nfds, unsigned flags, nr_child *c) {
  uint8_t ext_bytes[4] = {modes[0], modes[1], modes[2], 0};
  nr_spawn_ext ext = {NR_EXT_STDIO, sizeof ext_bytes, ext_bytes};
  nr_spawn_opts o;
  uint8_t *req;
  uint32_t len;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.flags = flags;
  o.ext = &ext;
  o.ext_count = 1;
  CHECK_EQ(nr_encode_spawn(&o, &req, &len), 0);
  int rc = nr_spawn_fds(ctl, req, len, fds, nfds, c);
  free(req);
  return rc;
}

/* Poll until process `pid` has `n` open fds, at most ~2 s: a child's
 * close-on-exec fds close during its exec, a moment after vfork returns. */
static int fds_become(pid_t pid, int n) {
  for (int i = 0; i < 400 && fds_of(pid) != n; i++) sleep_ms(5);
  return fds_of(pid);
}

/* Read the exit record, then wait for the status pipe's EOF: the shepherd
 * has closed its end by then. */
static int exit_of(nr_child *c) {
  nr_exit_record rec;
  char byte;
  int fd = dup(c->status_fd);
  CHECK_EQ(nr_read_exit(c->status_fd, &rec), 0);
  while (read(fd, &byte, 1) > 0) {
  }
  close(fd);
  return rec.exit_status;
}

static int temp_file(const char *content) {
  char path[] = "/tmp/nr-stdio-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  unlink(path);
  if (content) CHECK_EQ(write(fd, content, strlen(content)), (long)strlen(content));
  lseek(fd, 0, SEEK_SET);
  return fd;
}

static char *file_text(int fd) {
  lseek(fd, 0, SEEK_SET);
  return read_all(fd, NULL);
}

TEST(stdout_goes_to_a_given_fd_and_only_piped_streams_come_back) {
  pid_t sp;
  int ctl = open_host(&sp);
  int file = temp_file(NULL);
  const char *argv[] = {"sh", "-c", "printf out; printf err >&2", NULL};
  const uint8_t modes[3] = {NR_STDIO_PIPE, NR_STDIO_FD, NR_STDIO_PIPE};
  nr_child c;
  CHECK_EQ(spawn_stdio(ctl, argv, modes, &file, 1, 0, &c), 0);
  CHECK(c.stdin_fd >= 0 && c.stderr_fd >= 0 && c.status_fd >= 0);
  CHECK_EQ(c.stdout_fd, -1);
  CHECK(strcmp(read_all(c.stderr_fd, NULL), "err") == 0);
  CHECK_EQ(exit_of(&c), 0);
  CHECK(strcmp(file_text(file), "out") == 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(stdin_comes_from_a_given_fd) {
  pid_t sp;
  int ctl = open_host(&sp);
  int file = temp_file("line one\nline two");
  const char *argv[] = {"cat", NULL};
  const uint8_t modes[3] = {NR_STDIO_FD, NR_STDIO_PIPE, NR_STDIO_PIPE};
  nr_child c;
  CHECK_EQ(spawn_stdio(ctl, argv, modes, &file, 1, 0, &c), 0);
  CHECK_EQ(c.stdin_fd, -1);
  CHECK(strcmp(read_all(c.stdout_fd, NULL), "line one\nline two") == 0);
  CHECK_EQ(exit_of(&c), 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(stderr_follows_stdout_into_a_given_fd_and_fds_keep_stream_order) {
  pid_t sp;
  int ctl = open_host(&sp);
  int in = temp_file("x");
  int out = temp_file(NULL);
  int fds[2] = {in, out};
  const char *argv[] = {"sh", "-c", "cat; echo; echo err >&2", NULL};
  const uint8_t modes[3] = {NR_STDIO_FD, NR_STDIO_FD, NR_STDIO_STDOUT};
  nr_child c;
  CHECK_EQ(spawn_stdio(ctl, argv, modes, fds, 2, 0, &c), 0);
  CHECK(c.stdin_fd < 0 && c.stdout_fd < 0 && c.stderr_fd < 0);
  CHECK_EQ(exit_of(&c), 0);
  CHECK(strcmp(file_text(out), "x\nerr\n") == 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(null_streams_read_eof_and_swallow_output) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sh", "-c", "cat && echo out && echo err >&2", NULL};
  const uint8_t modes[3] = {NR_STDIO_NULL, NR_STDIO_NULL, NR_STDIO_NULL};
  nr_child c;
  CHECK_EQ(spawn_stdio(ctl, argv, modes, NULL, 0, 0, &c), 0);
  CHECK(c.stdin_fd < 0 && c.stdout_fd < 0 && c.stderr_fd < 0);
  CHECK_EQ(exit_of(&c), 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(the_callers_fds_stay_open_and_the_host_keeps_no_other) {
  pid_t sp;
  int ctl = open_host(&sp);
  int file = temp_file(NULL);
  int before = count_fds();
  const char *argv[] = {"echo", "hi", NULL};
  const uint8_t modes[3] = {NR_STDIO_NULL, NR_STDIO_FD, NR_STDIO_NULL};
  for (int i = 0; i < 20; i++) {
    nr_child c;
    CHECK_EQ(spawn_stdio(ctl, argv, modes, &file, 1, 0, &c), 0);
    CHECK_EQ(exit_of(&c), 0);
  }
  CHECK_EQ(count_fds(), before);
  CHECK(fcntl(file, F_GETFD) >= 0);
  char *text = file_text(file);
  CHECK_EQ(strlen(text), 20 * 3);
  nr_host_close(ctl, sp, 2000);
}

TEST(the_shepherd_closes_every_fd_it_receives_on_success_and_on_failure) {
  pid_t sp;
  int ctl = open_host(&sp);
  int file = temp_file(NULL);
  int two[2] = {file, file};
  const char *ok[] = {"true", NULL};
  const char *missing[] = {"no-such-program-nr", NULL};
  const char *not_exec[] = {"/etc/passwd", NULL};
  const uint8_t one_fd[3] = {NR_STDIO_NULL, NR_STDIO_FD, NR_STDIO_NULL};
  const uint8_t bad_mode[3] = {NR_STDIO_STDOUT, NR_STDIO_FD, NR_STDIO_PIPE};
  nr_child c;
  /* Settle: the spare channel set is made at start and after each reap. */
  CHECK_EQ(spawn_stdio(ctl, ok, one_fd, &file, 1, 0, &c), 0);
  CHECK_EQ(exit_of(&c), 0);
  int base = fds_of(sp);
  for (int round = 0; round < 3; round++) {
    CHECK_EQ(spawn_stdio(ctl, ok, one_fd, &file, 1, 0, &c), 0);
    CHECK_EQ(exit_of(&c), 0);
    /* Too many fds for the extension; too few; a mode stdin cannot have. */
    CHECK_EQ(spawn_stdio(ctl, ok, one_fd, two, 2, 0, &c), -EINVAL);
    CHECK_EQ(c.stage, NR_STAGE_REQUEST);
    CHECK_EQ(spawn_stdio(ctl, ok, one_fd, NULL, 0, 0, &c), -EINVAL);
    CHECK_EQ(spawn_stdio(ctl, ok, bad_mode, &file, 1, 0, &c), -EINVAL);
    /* A PTY is all three streams: no stdio extension with it. */
    CHECK_EQ(spawn_stdio(ctl, ok, one_fd, &file, 1, NR_SPAWN_PTY, &c), -EINVAL);
    /* Failures after the request was read: resolve, exec. */
    CHECK_EQ(spawn_stdio(ctl, missing, one_fd, &file, 1, 0, &c), -ENOENT);
    CHECK_EQ(c.stage, NR_STAGE_RESOLVE);
    CHECK_EQ(spawn_stdio(ctl, not_exec, one_fd, &file, 1, 0, &c), -EACCES);
    CHECK_EQ(fds_of(sp), base);
  }
  nr_host_close(ctl, sp, 2000);
}

TEST(fds_riding_on_a_request_other_than_spawn_are_closed) {
  pid_t sp;
  int ctl = open_host(&sp);
  int file = temp_file(NULL);
  /* After a first reply the shepherd has made its spare channel set. */
  CHECK_EQ(nr_kill_all(ctl, SIGCONT), 0);
  int base = fds_of(sp);
  int32_t sig = SIGCONT;
  nr__frame_hdr hdr;
  nr_reply reply;
  CHECK_EQ(nr__frame_send(ctl, NR_OP_KILL_ALL, &sig, sizeof sig, &file, 1), 0);
  CHECK_EQ(nr__frame_recv(ctl, &hdr, &reply, sizeof reply, NULL, 0, NULL),
           (int)sizeof reply);
  CHECK_EQ(reply.result, 0);
  CHECK_EQ(fds_of(sp), base);
  nr_host_close(ctl, sp, 2000);
}

TEST(a_given_fd_reaches_its_child_as_stdio_only_and_no_other_child) {
  pid_t sp;
  int ctl = open_host(&sp);
  int file = temp_file(NULL);
  const char *sleeper[] = {"sleep", "30", NULL};
  const uint8_t modes[3] = {NR_STDIO_NULL, NR_STDIO_FD, NR_STDIO_NULL};
  nr_child a, b;
  CHECK_EQ(spawn_stdio(ctl, sleeper, modes, &file, 1, 0, &a), 0);
  /* The child has it as its fd 1 only, not also under the number it had. */
  CHECK_EQ(fds_become(a.pid, 3), 3);
  /* ls holds one fd of its own for the directory: 0, 1, 2 and that. */
  const char *lister[] = {"sh", "-c", "ls /proc/self/fd | wc -l", NULL};
  CHECK_EQ(spawn_argv(ctl, lister, NR_STDERR_CONSUME, &b), 0);
  char *out = read_all(b.stdout_fd, NULL);
  CHECK(strcmp(out, "4\n") == 0);
  CHECK_EQ(exit_of(&b), 0);
  CHECK_EQ(nr_signal(ctl, a.pid, SIGKILL), 0);
  CHECK_EQ(exit_of(&a), 128 + SIGKILL);
  nr_host_close(ctl, sp, 2000);
}

TEST(a_closed_fd_is_ebadf_before_anything_is_sent) {
  pid_t sp;
  int ctl = open_host(&sp);
  int file = temp_file(NULL);
  close(file);
  const char *argv[] = {"true", NULL};
  const uint8_t modes[3] = {NR_STDIO_NULL, NR_STDIO_FD, NR_STDIO_NULL};
  nr_child c;
  CHECK_EQ(spawn_stdio(ctl, argv, modes, &file, 1, 0, &c), -EBADF);
  CHECK_EQ(c.stage, NR_STAGE_REQUEST);
  int bad = -1;
  CHECK_EQ(spawn_stdio(ctl, argv, modes, &bad, 1, 0, &c), -EBADF);
  /* The control socket is still in step: the next spawn works. */
  const uint8_t nulls[3] = {NR_STDIO_NULL, NR_STDIO_NULL, NR_STDIO_NULL};
  CHECK_EQ(spawn_stdio(ctl, argv, nulls, NULL, 0, 0, &c), 0);
  CHECK_EQ(exit_of(&c), 0);
  CHECK_EQ(nr_spawn_fds(ctl, (const uint8_t *)"x", 1, &bad, 4, &c), -EINVAL);
  nr_host_close(ctl, sp, 2000);
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  RUN(stdout_goes_to_a_given_fd_and_only_piped_streams_come_back);
  RUN(stdin_comes_from_a_given_fd);
  RUN(stderr_follows_stdout_into_a_given_fd_and_fds_keep_stream_order);
  RUN(null_streams_read_eof_and_swallow_output);
  RUN(the_callers_fds_stay_open_and_the_host_keeps_no_other);
  RUN(the_shepherd_closes_every_fd_it_receives_on_success_and_on_failure);
  RUN(fds_riding_on_a_request_other_than_spawn_are_closed);
  RUN(a_given_fd_reaches_its_child_as_stdio_only_and_no_other_child);
  RUN(a_closed_fd_is_ebadf_before_anything_is_sent);
  DONE();
}
