/* test_pipeline.c — members joined by kernel pipes in one spawn request. */
#include <dirent.h>
#include <signal.h>

#include "../src/pipeline.h"
#include "util.h"

/* The NR_EXT_PIPELINE bytes for the members after the first. */
typedef struct ext_buf {
  uint8_t data[4096];
  uint32_t len;
} ext_buf;

static void put_u32(ext_buf *b, uint32_t v) {
  memcpy(b->data + b->len, &v, 4);
  b->len += 4;
}

static void members(ext_buf *b, const char *const *const *argvs, uint32_t n) {
  b->len = 0;
  put_u32(b, n);
  for (uint32_t m = 0; m < n; m++) {
    uint32_t argc = 0;
    while (argvs[m][argc]) argc++;
    put_u32(b, argc);
    for (uint32_t i = 0; i < argc; i++) {
      uint32_t len = (uint32_t)strlen(argvs[m][i]);
      put_u32(b, len);
      memcpy(b->data + b->len, argvs[m][i], len);
      b->len += len;
    }
  }
}

static int spawn_raw(int ctl, const char *const *first, const ext_buf *b,
                     unsigned flags, nr_child *c) {
  nr_spawn_opts o;
  nr_spawn_ext ext = {NR_EXT_PIPELINE, b->len, b->data};
  nr_spawn_opts_init(&o);
  o.argv = first;
  o.flags = flags;
  o.ext = &ext;
  o.ext_count = 1;
  return nr_spawn_with(ctl, &o, c);
}

static int spawn_pipeline(int ctl, const char *const *first,
                          const char *const *const *rest, uint32_t n,
                          nr_child *c) {
  ext_buf b;
  members(&b, rest, n);
  return spawn_raw(ctl, first, &b, 0, c);
}

/* Read the status preamble: the member pids in order; returns the count. */
static uint32_t read_preamble(int fd, pid_t *pids) {
  uint32_t head[2];
  CHECK_EQ(read(fd, head, sizeof head), (ssize_t)sizeof head);
  CHECK_EQ(head[0], NR__PIPELINE_MAGIC);
  CHECK_EQ(read(fd, pids, head[1] * 4), (ssize_t)(head[1] * 4));
  return head[1];
}

/* Read one record per member; rec[k] is member k's. Then EOF. */
static void read_records(int fd, const pid_t *pids, uint32_t n,
                         nr_exit_record *rec) {
  for (uint32_t i = 0; i < n; i++) {
    nr_exit_record r;
    size_t got = 0;
    while (got < sizeof r) {
      ssize_t k = read(fd, (char *)&r + got, sizeof r - got);
      CHECK(k > 0);
      got += (size_t)k;
    }
    CHECK_EQ(r.magic, NR_EXIT_MAGIC);
    uint32_t m = 0;
    while (m < n && pids[m] != r.pid) m++;
    CHECK(m < n);
    rec[m] = r;
  }
  char extra;
  CHECK_EQ(read(fd, &extra, 1), 0);
  close(fd);
}

/* The process group of a live pid, from /proc/<pid>/stat. */
static pid_t pgrp_of(pid_t pid) {
  char path[64], buf[512];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  FILE *f = fopen(path, "r");
  CHECK(f != NULL);
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  int ppid, pgrp;
  char state;
  CHECK(sscanf(strrchr(buf, ')') + 2, "%c %d %d", &state, &ppid, &pgrp) == 3);
  return pgrp;
}

/* How many fds above 2 of `pid` are pipes or sockets (a program may hold
 * a file of its own for a moment, e.g. its locale). */
static int channels_above_stdio(pid_t pid) {
  char path[320], link[128];
  snprintf(path, sizeof path, "/proc/%d/fd", (int)pid);
  DIR *d = opendir(path);
  CHECK(d != NULL);
  int n = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.' || atoi(e->d_name) <= 2) continue;
    snprintf(path, sizeof path, "/proc/%d/fd/%s", (int)pid, e->d_name);
    ssize_t len = readlink(path, link, sizeof link - 1);
    if (len <= 0) continue;
    link[len] = '\0';
    n += strncmp(link, "pipe:", 5) == 0 || strncmp(link, "socket:", 7) == 0;
  }
  closedir(d);
  return n;
}

/* The shepherd's fd count once it stops changing: it makes the next
 * child's channels ahead, right after a reap. */
static int settled_fds_of(pid_t pid) {
  int last = fds_of(pid);
  for (int same = 0, i = 0; same < 10 && i < 200; i++) {
    sleep_ms(5);
    int now = fds_of(pid);
    same = now == last ? same + 1 : 0;
    last = now;
  }
  return last;
}

/* Run `true` to its end: the shepherd has its spare channels again. */
static void warm_up(int ctl) {
  const char *argv[] = {"true", NULL};
  nr_child c;
  nr_exit_record r;
  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_CONSUME, &c), 0);
  close(c.stdin_fd);
  close(c.stdout_fd);
  close(c.stderr_fd);
  CHECK_EQ(nr_read_exit(c.status_fd, &r), 0);
}

/* sleep 100 | sleep 100 | sleep 100, its member pids read from the
 * status preamble. */
static void start_sleepers(int ctl, nr_child *c, pid_t pids[3]) {
  const char *first[] = {"sleep", "100", NULL};
  const char *m[] = {"sleep", "100", NULL};
  const char *const *rest[] = {m, m};
  CHECK_EQ(spawn_pipeline(ctl, first, rest, 2, c), 0);
  CHECK_EQ(read_preamble(c->status_fd, pids), 3);
}

TEST(three_stages_pass_every_byte_and_report_every_member) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *first[] = {"cat", NULL};
  const char *m1[] = {"cat", NULL}, *m2[] = {"wc", "-c", NULL};
  const char *const *rest[] = {m1, m2};
  nr_child c;
  CHECK_EQ(spawn_pipeline(ctl, first, rest, 2, &c), 0);
  pid_t pids[3];
  CHECK_EQ(read_preamble(c.status_fd, pids), 3);
  CHECK_EQ(pids[0], c.pid);
  /* 1 MiB through three pipes needs a reader while we write. */
  static char block[65536];
  memset(block, 'x', sizeof block);
  pid_t writer = fork();
  if (writer == 0) {
    for (int i = 0; i < 16; i++)
      if (write(c.stdin_fd, block, sizeof block) != (ssize_t)sizeof block)
        _exit(1);
    _exit(0);
  }
  close(c.stdin_fd);
  char *out = read_all(c.stdout_fd, NULL);
  CHECK(strcmp(out, "1048576\n") == 0);
  int st;
  CHECK_EQ(waitpid(writer, &st, 0), writer);
  CHECK_EQ(st, 0);
  nr_exit_record rec[3];
  read_records(c.status_fd, pids, 3, rec);
  for (int k = 0; k < 3; k++) CHECK_EQ(rec[k].exit_status, 0);
  free(out);
  close(c.stdout_fd);
  close(c.stderr_fd);
  nr_host_close(ctl, sp, 2000);
}

TEST(members_share_one_group_and_one_signal_ends_them_all) {
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  pid_t pids[3];
  start_sleepers(ctl, &c, pids);
  for (int k = 0; k < 3; k++) CHECK_EQ(pgrp_of(pids[k]), c.pid);
  CHECK_EQ(nr_signal(ctl, c.pid, SIGKILL), 0);
  nr_exit_record rec[3];
  read_records(c.status_fd, pids, 3, rec);
  for (int k = 0; k < 3; k++) {
    CHECK_EQ(rec[k].term_signal, SIGKILL);
    CHECK(gone_within(pids[k], 2000));
  }
  close(c.stdin_fd);
  close(c.stdout_fd);
  close(c.stderr_fd);
  nr_host_close(ctl, sp, 2000);
}

TEST(a_reader_that_ends_stops_its_writer_by_sigpipe) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *first[] = {"yes", NULL};
  const char *m[] = {"head", "-n", "1", NULL};
  const char *const *rest[] = {m};
  nr_child c;
  CHECK_EQ(spawn_pipeline(ctl, first, rest, 1, &c), 0);
  pid_t pids[2];
  CHECK_EQ(read_preamble(c.status_fd, pids), 2);
  close(c.stdin_fd);
  char *out = read_all(c.stdout_fd, NULL);
  CHECK(strcmp(out, "y\n") == 0);
  nr_exit_record rec[2];
  read_records(c.status_fd, pids, 2, rec);
  CHECK_EQ(rec[0].term_signal, SIGPIPE);
  CHECK_EQ(rec[0].exit_status, 128 + SIGPIPE);
  CHECK_EQ(rec[1].exit_status, 0);
  free(out);
  close(c.stdout_fd);
  close(c.stderr_fd);
  nr_host_close(ctl, sp, 2000);
}

TEST(members_hold_only_their_own_stdio_and_no_pipe_reaches_other_children) {
  pid_t sp;
  int ctl = open_host(&sp);
  warm_up(ctl);
  int shepherd_fds = settled_fds_of(sp);
  nr_child c;
  pid_t pids[3];
  start_sleepers(ctl, &c, pids);
  for (int k = 0; k < 3; k++) CHECK_EQ(channels_above_stdio(pids[k]), 0);
  char path[64], link[128];
  snprintf(path, sizeof path, "/proc/%d/fd/0", (int)pids[1]);
  ssize_t n = readlink(path, link, sizeof link - 1);
  CHECK(n > 0);
  link[n] = '\0';
  CHECK(strncmp(link, "pipe:", 5) == 0);
  /* Another child started meanwhile sees none of the pipeline's pipes. */
  const char *ls[] = {"ls", "/proc/self/fd", NULL};
  nr_child other;
  CHECK_EQ(spawn_argv(ctl, ls, NR_STDERR_CONSUME, &other), 0);
  close(other.stdin_fd);
  char *count = read_all(other.stdout_fd, NULL);
  CHECK(strcmp(count, "0\n1\n2\n3\n") == 0); /* and ls's directory */
  nr_exit_record r;
  CHECK_EQ(nr_read_exit(other.status_fd, &r), 0);
  close(other.stdout_fd);
  close(other.stderr_fd);
  free(count);
  CHECK_EQ(nr_signal(ctl, c.pid, SIGKILL), 0);
  nr_exit_record rec[3];
  read_records(c.status_fd, pids, 3, rec);
  close(c.stdin_fd);
  close(c.stdout_fd);
  close(c.stderr_fd);
  /* The shepherd holds nothing of either any more. */
  CHECK_EQ(settled_fds_of(sp), shepherd_fds);
  nr_host_close(ctl, sp, 2000);
}

TEST(a_member_not_found_fails_the_spawn_by_its_index_before_any_starts) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *first[] = {"sleep", "100", NULL};
  const char *m1[] = {"cat", NULL}, *m2[] = {"no-such-program-nr", NULL};
  const char *const *rest[] = {m1, m2};
  nr_child c;
  int fds = count_fds();
  CHECK_EQ(spawn_pipeline(ctl, first, rest, 2, &c), -ENOENT);
  CHECK_EQ(c.stage, NR_STAGE_RESOLVE | (2 << 8));
  CHECK_EQ(count_fds(), fds);
  char kids[256];
  children_of(sp, kids, sizeof kids);
  CHECK_EQ(kids[0], '\0');
  nr_host_close(ctl, sp, 2000);
}

TEST(a_member_that_cannot_exec_takes_the_started_ones_down_with_it) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *first[] = {"sleep", "100", NULL};
  const char *m1[] = {"sleep", "100", NULL}, *m2[] = {"/etc/passwd", NULL};
  const char *const *rest[] = {m1, m2};
  nr_child c;
  warm_up(ctl);
  int fds = count_fds();
  int shepherd_fds = settled_fds_of(sp);
  CHECK_EQ(spawn_pipeline(ctl, first, rest, 2, &c), -EACCES);
  CHECK_EQ(c.stage, NR_STAGE_EXEC | (2 << 8));
  CHECK_EQ(count_fds(), fds);
  /* Both sleeps were killed and reaped inside the request: not even a
   * zombie is left. */
  char kids[256];
  children_of(sp, kids, sizeof kids);
  CHECK_EQ(kids[0], '\0');
  CHECK_EQ(settled_fds_of(sp), shepherd_fds);
  nr_host_close(ctl, sp, 2000);
}

TEST(host_death_ends_every_member) {
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  pid_t pids[3];
  start_sleepers(ctl, &c, pids);
  close(c.stdin_fd);
  close(c.stdout_fd);
  close(c.stderr_fd);
  nr_host_close(ctl, sp, 3000);
  for (int k = 0; k < 3; k++) CHECK(gone_within(pids[k], 2000));
  close(c.status_fd);
}

TEST(malformed_member_lists_are_einval_and_start_nothing) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *first[] = {"true", NULL};
  const char *empty0[] = {"", NULL};
  const char *const *bad_rest[] = {empty0};
  const char *ok[] = {"cat", NULL};
  const char *const *rest[] = {ok};
  ext_buf b;
  nr_child c;
  members(&b, bad_rest, 1); /* an empty program name */
  CHECK_EQ(spawn_raw(ctl, first, &b, 0, &c), -EINVAL);
  CHECK_EQ(c.stage, NR_STAGE_REQUEST);
  members(&b, rest, 0); /* no further member */
  CHECK_EQ(spawn_raw(ctl, first, &b, 0, &c), -EINVAL);
  members(&b, rest, 1);
  b.data[b.len++] = 0; /* a trailing byte */
  CHECK_EQ(spawn_raw(ctl, first, &b, 0, &c), -EINVAL);
  members(&b, rest, 1);
  b.len -= 1; /* cut short */
  CHECK_EQ(spawn_raw(ctl, first, &b, 0, &c), -EINVAL);
  members(&b, rest, 1);
  CHECK_EQ(spawn_raw(ctl, first, &b, NR_SPAWN_PTY, &c), -EINVAL);
  b.len = 0;
  put_u32(&b, NR__PIPELINE_MAX); /* one member too many */
  for (int m = 0; m < NR__PIPELINE_MAX; m++) {
    put_u32(&b, 1);
    put_u32(&b, 4);
    memcpy(b.data + b.len, "true", 4);
    b.len += 4;
  }
  CHECK_EQ(spawn_raw(ctl, first, &b, 0, &c), -EINVAL);
  char kids[256];
  children_of(sp, kids, sizeof kids);
  CHECK_EQ(kids[0], '\0');
  nr_host_close(ctl, sp, 2000);
}

int main(void) {
  RUN(three_stages_pass_every_byte_and_report_every_member);
  RUN(members_share_one_group_and_one_signal_ends_them_all);
  RUN(a_reader_that_ends_stops_its_writer_by_sigpipe);
  RUN(members_hold_only_their_own_stdio_and_no_pipe_reaches_other_children);
  RUN(a_member_not_found_fails_the_spawn_by_its_index_before_any_starts);
  RUN(a_member_that_cannot_exec_takes_the_started_ones_down_with_it);
  RUN(host_death_ends_every_member);
  RUN(malformed_member_lists_are_einval_and_start_nothing);
  DONE();
}
