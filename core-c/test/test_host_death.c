/* test_host_death.c — when the host dies, nothing it started outlives it. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "util.h"

/* What the host reports to the test before it is killed. */
typedef struct family {
  pid_t host, shepherd, child, grand[2];
} family;

static void collect_grandchildren(family *f) { two_children_of(f->child, f->grand); }

/* Fork a host that starts a shepherd and `script` under it, reports the
 * pids, and waits to be killed. The test process is a subreaper so that
 * the orphaned shepherd comes to it (this machine's PID 1 reaps nothing). */
static void start_family(family *f, const char *script, uint32_t kill_timeout) {
  int p[2];
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  CHECK(pipe(p) == 0);
  pid_t host = fork();
  CHECK(host >= 0);
  if (host == 0) {
    pid_t sp;
    int ctl = nr_host_open(shepherd_path(), &sp);
    const char *argv[] = {"sh", "-c", script, NULL};
    nr_spawn_opts o;
    nr_child c;
    nr_spawn_opts_init(&o);
    o.argv = argv;
    o.kill_timeout_ms = kill_timeout;
    if (ctl < 0 || nr_spawn_with(ctl, &o, &c) < 0) _exit(1);
    pid_t pids[2] = {sp, c.pid};
    if (write(p[1], pids, sizeof pids) != (ssize_t)sizeof pids) _exit(1);
    for (;;) pause();
  }
  close(p[1]);
  pid_t pids[2];
  CHECK_EQ(read(p[0], pids, sizeof pids), (long)sizeof pids);
  close(p[0]);
  f->host = host;
  f->shepherd = pids[0];
  f->child = pids[1];
  collect_grandchildren(f);
}

/* Reap whatever comes to us while waiting for every pid to be gone. */
static int all_gone_within(const family *f, int ms) {
  const pid_t pids[] = {f->shepherd, f->child, f->grand[0], f->grand[1]};
  for (int t = 0; t <= ms; t += 5) {
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    int alive = 0;
    for (int i = 0; i < 4; i++) alive += proc_state(pids[i]) != 0;
    if (!alive) return 1;
    sleep_ms(5);
  }
  return 0;
}

TEST(host_sigkill_leaves_no_child_grandchild_or_zombie) {
  family f;
  start_family(&f, "sleep 100 & sleep 100 & wait", 5000);
  CHECK_EQ(kill(f.host, SIGKILL), 0);
  CHECK_EQ(waitpid(f.host, NULL, 0), f.host);
  CHECK(all_gone_within(&f, 8000));
}

TEST(a_child_ignoring_sigterm_is_sigkilled_after_the_kill_timeout) {
  family f;
  /* The shell and its children ignore SIGTERM. */
  start_family(&f, "trap '' TERM; sleep 100 & sleep 100 & wait", 300);
  CHECK_EQ(kill(f.host, SIGKILL), 0);
  CHECK_EQ(waitpid(f.host, NULL, 0), f.host);
  sleep_ms(100);
  CHECK(proc_state(f.child) != 0); /* still in its grace period */
  CHECK(all_gone_within(&f, 5000));
}

TEST(host_closing_the_socket_tears_down_like_a_death) {
  pid_t sp;
  int ctl = open_host(&sp);
  family f = {.shepherd = sp};
  const char *argv[] = {"sh", "-c", "sleep 100 & sleep 100 & wait", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
  f.child = c.pid;
  collect_grandchildren(&f);
  CHECK_EQ(nr_host_close(ctl, sp, 5000), 0);
  CHECK(all_gone_within(&f, 3000));
  /* The exit record was still written before the shepherd left. */
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 143);
}

/* A frozen process (v1 freezer) cannot act on SIGKILL until thawed: the
 * closest thing to uninterruptible sleep a test can arrange. The shepherd
 * must give up waiting after its bound instead of hanging. */
TEST(teardown_wait_is_bounded_when_a_child_cannot_die) {
  const char *freezer = "/sys/fs/cgroup/freezer";
  struct stat st;
  if (stat(freezer, &st) != 0) {
    printf("    (no v1 freezer here: nothing can be made unkillable)\n");
    return;
  }
  char dir[128], file[160];
  snprintf(dir, sizeof dir, "%s/netrunner-test-%d", freezer, (int)getpid());
  CHECK(mkdir(dir, 0755) == 0);
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0); /* the child comes back to us */
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sleep", "100", NULL};
  nr_spawn_opts o;
  nr_child c;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.kill_timeout_ms = 100;
  CHECK_EQ(nr_spawn_with(ctl, &o, &c), 0);
  snprintf(file, sizeof file, "%s/cgroup.procs", dir);
  FILE *fp = fopen(file, "w");
  CHECK(fp && fprintf(fp, "%d\n", c.pid) > 0 && fclose(fp) == 0);
  snprintf(file, sizeof file, "%s/freezer.state", dir);
  fp = fopen(file, "w");
  CHECK(fp && fputs("FROZEN", fp) >= 0 && fclose(fp) == 0);

  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  close(ctl);
  int status = 0;
  CHECK_EQ(waitpid(sp, &status, 0), sp); /* returns: the wait was bounded */
  clock_gettime(CLOCK_MONOTONIC, &b);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1); /* -ETIMEDOUT */

  fp = fopen(file, "w");
  CHECK(fp && fputs("THAWED", fp) >= 0 && fclose(fp) == 0);
  /* Thawed, it dies of the pending SIGKILL (or of PDEATHSIG). */
  for (int t = 0; t < 3000 && proc_state(c.pid) != 0; t += 5) {
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    sleep_ms(5);
  }
  rmdir(dir);
  CHECK_EQ(proc_state(c.pid), 0);
  CHECK(b.tv_sec - a.tv_sec < 30);
}

TEST(shepherd_sigkill_takes_its_children_down_and_ends_their_status_pipes) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0); /* orphans come back to us */
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sleep", "100", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
  CHECK_EQ(kill(sp, SIGKILL), 0);
  CHECK_EQ(waitpid(sp, NULL, 0), sp);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), -EPIPE); /* no record, just EOF */
  for (int t = 0; t < 3000 && proc_state(c.pid) != 0; t += 5) {
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    sleep_ms(5);
  }
  CHECK_EQ(proc_state(c.pid), 0); /* PDEATHSIG */
  close(ctl);
}

/* A thread that opens a host, starts `sleep 100`, ties the host to itself
 * and exits without closing it (a worker stopped from outside). */
typedef struct tied_run {
  pid_t shepherd, child;
  int close_first; /* close the host before exiting (it must stay closed) */
  int reused[2];   /* close_first: a pipe, one end at the old ctl number */
  int ctl;         /* the old ctl number */
} tied_run;

static void *tied_thread(void *arg) {
  tied_run *t = arg;
  int ctl = nr_host_open(shepherd_path(), &t->shepherd);
  CHECK(ctl >= 0);
  const char *argv[] = {"sleep", "100", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, NR_STDERR_CONSUME, &c), 0);
  t->child = c.pid;
  close(c.stdin_fd);
  close(c.stdout_fd);
  close(c.stderr_fd);
  close(c.status_fd);
  CHECK_EQ(nr_host_close_with_thread(ctl, t->shepherd), 0);
  if (t->close_first) {
    nr_kill_all(ctl, SIGKILL);
    CHECK_EQ(nr_host_close(ctl, t->shepherd, 2000), 0);
    /* The control socket's number, reused: the thread's exit must not
     * close it. */
    CHECK_EQ(pipe(t->reused), 0);
    if (t->reused[0] != ctl && t->reused[1] != ctl) {
      CHECK_EQ(dup2(t->reused[0], ctl), ctl);
      close(t->reused[0]);
      t->reused[0] = ctl;
    }
    t->ctl = ctl;
  }
  return NULL;
}

TEST(a_host_tied_to_a_thread_is_closed_when_the_thread_exits) {
  tied_run t = {0, 0, 0, {-1, -1}, -1};
  pthread_t th;
  CHECK_EQ(pthread_create(&th, NULL, tied_thread, &t), 0);
  CHECK_EQ(pthread_join(th, NULL), 0);
  /* Closed by the thread's exit: child and shepherd gone, reaped. */
  CHECK_EQ(proc_state(t.child), 0);
  CHECK_EQ(proc_state(t.shepherd), 0);
}

TEST(a_tied_host_closed_by_hand_is_not_closed_again_at_thread_exit) {
  tied_run t = {0, 0, 1, {-1, -1}, -1};
  int before = count_fds();
  pthread_t th;
  CHECK_EQ(pthread_create(&th, NULL, tied_thread, &t), 0);
  CHECK_EQ(pthread_join(th, NULL), 0);
  CHECK(fcntl(t.ctl, F_GETFD) >= 0);
  close(t.reused[0]);
  close(t.reused[1]);
  CHECK_EQ(count_fds(), before);
  CHECK_EQ(proc_state(t.child), 0);
}

int main(void) {
  RUN(host_sigkill_leaves_no_child_grandchild_or_zombie);
  RUN(a_child_ignoring_sigterm_is_sigkilled_after_the_kill_timeout);
  RUN(host_closing_the_socket_tears_down_like_a_death);
  RUN(teardown_wait_is_bounded_when_a_child_cannot_die);
  RUN(shepherd_sigkill_takes_its_children_down_and_ends_their_status_pipes);
  RUN(a_host_tied_to_a_thread_is_closed_when_the_thread_exits);
  RUN(a_tied_host_closed_by_hand_is_not_closed_again_at_thread_exit);
  DONE();
}
