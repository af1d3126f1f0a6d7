/*
 * test_cgroup.c — the cgroup module against the real kernel.
 *
 * Needs root and at least one cgroup hierarchy. Every case uses the root
 * NETRUNNER_CGROUP_ROOT=netrunner-test-<pid>, and the last case checks that
 * it is gone from every hierarchy. Cases that fork become child subreapers
 * and reap every descendant (PID 1 here does not reap orphans).
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/stat.h>

#include "cgroup.h"
#include "cgroup_util.h"
#include "check.h"


static nr__cgroup_spec spec_for(const char *path) {
  nr__cgroup_spec s = {path, strlen(path), -1, -1, -1, -1};
  return s;
}


/* Copy the leaf paths of cg (they die with it) into leaves; their count. */
static int copy_leaves(const nr__cgroup *cg, char leaves[][PATH_MAX]) {
  int n = 0;
  const char *p;
  while ((p = nr__cgroup_leaf(cg, n, NULL)) != NULL) {
    snprintf(leaves[n], PATH_MAX, "%s", p);
    n++;
  }
  return n;
}

/* The root directory of a leaf created for spec path `rel`. */
static void root_of(const char *leaf, const char *rel, char *out) {
  size_t n = strlen(leaf) - strlen(rel) - 1;
  memcpy(out, leaf, n);
  out[n] = '\0';
}

/* 1 if dir/file exists and lists `pid` on a line of its own. */
static int lists_pid(const char *dir, pid_t pid) {
  char path[PATH_MAX], line[64];
  snprintf(path, sizeof path, "%s/cgroup.procs", dir);
  FILE *f = fopen(path, "re");
  if (!f) return 0;
  int found = 0;
  while (fgets(line, sizeof line, f))
    if (atol(line) == (long)pid) found = 1;
  fclose(f);
  return found;
}

/* The number in the first leaf of cg that has `file`, or -2. */
static long long leaf_number(const nr__cgroup *cg, const char *file) {
  const char *leaf;
  for (int i = 0; (leaf = nr__cgroup_leaf(cg, i, NULL)) != NULL; i++) {
    char path[PATH_MAX], buf[64];
    snprintf(path, sizeof path, "%s/%s", leaf, file);
    FILE *f = fopen(path, "re");
    if (!f) continue;
    char *ok = fgets(buf, sizeof buf, f);
    fclose(f);
    if (ok) return atoll(buf);
  }
  return -2;
}

static int count_fds(void) {
  DIR *d = opendir("/proc/self/fd");
  int n = 0;
  while (readdir(d)) n++;
  closedir(d);
  return n;
}

/* Reap every child and orphaned descendant of this subreaper. */
static void reap_all(void) {
  while (waitpid(-1, NULL, 0) > 0 || errno == EINTR) {
  }
}

/* Fork a child that joins cg, runs body(arg, fd) with the write end of a
 * pipe, then waits to be killed; the read end in *rfd. */
static pid_t fork_member(nr__cgroup *cg, void (*body)(int), int *rfd) {
  int p[2];
  CHECK(pipe2(p, O_CLOEXEC) == 0);
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    close(p[0]);
    /* If the case dies (a failed CHECK, the alarm), its members die too. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (nr__cgroup_join_self(cg) < 0) _exit(99);
    if (body) body(p[1]);
    else if (write(p[1], "j", 1) != 1) _exit(98);
    for (;;) pause();
  }
  close(p[1]);
  nr__cgroup_close_join_fds(cg);
  *rfd = p[0];
  return pid;
}

TEST(rejects_invalid_cgroup_paths_and_accepts_a_plain_one) {
  char lng[300];
  memset(lng, 'a', sizeof lng);
  CHECK_EQ(nr__cgroup_path_valid("/abs", 4), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid("a/../b", 6), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid("..", 2), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid("a/./b", 5), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid(".", 1), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid("a//b", 4), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid("a/", 2), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid("", 0), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid(lng, 256), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid(lng, 255), 0);
  CHECK_EQ(nr__cgroup_path_valid("a b", 3), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid("a\nb", 3), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid("a\0b", 3), -EINVAL);
  CHECK_EQ(nr__cgroup_path_valid("a/b_c-1.x", 9), 0);
  CHECK_EQ(nr__cgroup_path_valid("..a/b..", 7), 0);
  /* Only path_len bytes count: the rest of the buffer is not the path. */
  CHECK_EQ(nr__cgroup_path_valid("ok/../x", 2), 0);
}

TEST(create_rejects_a_bad_path_root_or_limit_before_touching_anything) {
  nr__cgroup *cg = NULL;
  nr__cgroup_spec s = spec_for("x/../y");
  CHECK_EQ(nr__cgroup_create(&s, &cg), -EINVAL);
  s = spec_for("ok");
  s.memory_max = 0;
  CHECK_EQ(nr__cgroup_create(&s, &cg), -EINVAL);
  s = spec_for("ok");
  s.cpu_period_us = 100000; /* a period without a quota */
  CHECK_EQ(nr__cgroup_create(&s, &cg), -EINVAL);
  s = spec_for("ok");
  setenv("NETRUNNER_CGROUP_ROOT", "/escape", 1);
  CHECK_EQ(nr__cgroup_create(&s, &cg), -EINVAL);
  CHECK(cg == NULL);
}

TEST(create_then_destroy_leaves_no_directory_in_any_hierarchy) {
  nr__cgroup_spec s = spec_for("a/b");
  s.memory_max = 64 * MiB;
  s.pids_max = 50;
  s.cpu_quota_us = 50000;
  int fds = count_fds();
  nr__cgroup *cg = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &cg), 0);
  char leaves[NR__CG_MAX_MOUNTS][PATH_MAX], root[PATH_MAX];
  int n = copy_leaves(cg, leaves);
  CHECK(n >= 1);
  for (int i = 0; i < n; i++) CHECK(exists(leaves[i]));
  nr__cgroup_close_join_fds(cg);
  CHECK_EQ(nr__cgroup_destroy(cg, 1000), 0);
  for (int i = 0; i < n; i++) {
    CHECK(!exists(leaves[i]));
    root_of(leaves[i], "a/b", root);
    CHECK(!exists(root));
  }
  CHECK_EQ(count_fds(), fds);
}

TEST(limits_are_written_to_the_hierarchy_that_enforces_them) {
  nr__cgroup_spec s = spec_for("limits");
  s.memory_max = 64 * MiB;
  s.pids_max = 50;
  s.cpu_quota_us = 50000;
  nr__cgroup *cg = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &cg), 0);
  int v = 0;
  CHECK(nr__cgroup_leaf(cg, 0, &v) != NULL);
  long long mem = leaf_number(cg, "memory.limit_in_bytes");
  if (mem == -2) mem = leaf_number(cg, "memory.max");
  CHECK_EQ(mem, 64 * MiB);
  CHECK_EQ(leaf_number(cg, "pids.max"), 50);
  long long quota = leaf_number(cg, "cpu.cfs_quota_us");
  if (quota == -2) quota = leaf_number(cg, "cpu.max");
  CHECK_EQ(quota, 50000);
  long long memsw = leaf_number(cg, "memory.memsw.limit_in_bytes");
  CHECK(memsw == -2 || memsw == 64 * MiB);
  CHECK_EQ(nr__cgroup_destroy(cg, 1000), 0);
}

TEST(an_existing_leaf_is_refused_with_EEXIST_and_left_untouched) {
  nr__cgroup_spec s = spec_for("dup");
  nr__cgroup *first = NULL, *second = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &first), 0);
  char leaves[NR__CG_MAX_MOUNTS][PATH_MAX];
  int n = copy_leaves(first, leaves);
  int fds = count_fds();
  CHECK_EQ(nr__cgroup_create(&s, &second), -EEXIST);
  CHECK(second == NULL);
  CHECK_EQ(count_fds(), fds);
  for (int i = 0; i < n; i++) CHECK(exists(leaves[i]));
  CHECK_EQ(nr__cgroup_destroy(first, 1000), 0);
}

TEST(a_failed_create_removes_the_directories_it_made_in_other_hierarchies) {
  nr__cgroup_spec s = spec_for("half");
  s.memory_max = 64 * MiB;
  nr__cgroup *first = NULL, *second = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &first), 0);
  char leaves[NR__CG_MAX_MOUNTS][PATH_MAX];
  int n = copy_leaves(first, leaves);
  CHECK(n >= 2); /* cgroup2 + the v1 memory hierarchy on this host */
  CHECK_EQ(rmdir(leaves[0]), 0);
  CHECK_EQ(nr__cgroup_create(&s, &second), -EEXIST);
  CHECK(!exists(leaves[0])); /* made again, then rolled back */
  CHECK(exists(leaves[1]));
  CHECK_EQ(nr__cgroup_destroy(first, 1000), 0);
  CHECK(!exists(leaves[1]));
}

TEST(a_child_that_joins_appears_in_cgroup_procs_of_every_hierarchy) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  nr__cgroup_spec s = spec_for("join");
  s.memory_max = 64 * MiB;
  s.pids_max = 50;
  s.cpu_quota_us = 50000;
  nr__cgroup *cg = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &cg), 0);
  int rfd, v2 = 0, v1 = 0, ver;
  pid_t pid = fork_member(cg, NULL, &rfd);
  char c = 0;
  CHECK(read(rfd, &c, 1) == 1 && c == 'j');
  const char *leaf;
  for (int i = 0; (leaf = nr__cgroup_leaf(cg, i, &ver)) != NULL; i++) {
    CHECK(lists_pid(leaf, pid));
    *(ver == 2 ? &v2 : &v1) += 1;
  }
  CHECK(v2 + v1 >= 1);
  CHECK_EQ(nr__cgroup_destroy(cg, 1000), 0);
  int st;
  CHECK(waitpid(pid, &st, 0) == pid);
  CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
  reap_all();
}

/* The member forks a grandchild that leaves the process group with
 * setsid() and reports its pid. */
static void setsid_body(int wfd) {
  pid_t g = fork();
  if (g == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    setsid();
    pid_t me = getpid();
    if (write(wfd, &me, sizeof me) != sizeof me) _exit(98);
    for (;;) pause();
  }
}

TEST(kill_reaches_a_member_that_called_setsid) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  nr__cgroup_spec s = spec_for("setsid");
  nr__cgroup *cg = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &cg), 0);
  int rfd;
  pid_t pid = fork_member(cg, setsid_body, &rfd);
  pid_t g = 0;
  CHECK(read(rfd, &g, sizeof g) == sizeof g && g > 0);
  nr__cgroup_kill(cg);
  int st;
  CHECK(waitpid(pid, &st, 0) == pid);
  CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
  /* The grandchild is reparented to this subreaper once it is orphaned. */
  pid_t got = 0;
  for (int i = 0; i < 500 && got == 0; i++) {
    got = waitpid(g, &st, WNOHANG);
    if (got == 0) usleep(10000);
  }
  CHECK_EQ(got, g);
  CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
  CHECK_EQ(nr__cgroup_destroy(cg, 1000), 0);
  reap_all();
}

/* Fork until the kernel refuses; report 'E' for EAGAIN. */
static void bomb_body(int wfd) {
  char r = 'N';
  for (int i = 0; i < 200; i++) {
    pid_t p = fork();
    if (p == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      for (;;) pause();
    }
    if (p < 0) {
      r = errno == EAGAIN ? 'E' : 'X';
      break;
    }
  }
  if (write(wfd, &r, 1) != 1) _exit(98);
}

TEST(pids_max_stops_a_fork_bomb_inside_the_cgroup) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  nr__cgroup_spec s = spec_for("bomb");
  s.pids_max = 20;
  nr__cgroup *cg = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &cg), 0);
  int rfd;
  pid_t pid = fork_member(cg, bomb_body, &rfd);
  char r = 0;
  CHECK(read(rfd, &r, 1) == 1);
  CHECK_EQ(r, 'E');
  nr__cgroup_kill(cg);
  reap_all();
  CHECK(kill(pid, 0) < 0 && errno == ESRCH);
  CHECK_EQ(nr__cgroup_destroy(cg, 1000), 0);
}

static void hog_body(int wfd) {
  (void)wfd;
  for (int i = 0; i < 1024; i++) {
    char *p = malloc(MiB);
    if (!p) _exit(97);
    memset(p, 1, MiB);
  }
  _exit(0);
}

TEST(memory_max_gets_an_allocating_child_oom_killed_and_counted) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  nr__cgroup_spec s = spec_for("hog");
  s.memory_max = 32 * MiB;
  nr__cgroup *cg = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &cg), 0);
  int rfd, st;
  pid_t pid = fork_member(cg, hog_body, &rfd);
  CHECK(waitpid(pid, &st, 0) == pid);
  CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
  int64_t peak = 0, ooms = 0;
  nr__cgroup_stats(cg, &peak, &ooms);
  CHECK(ooms >= 1);
  CHECK(peak > 0 && peak <= 32 * MiB);
  CHECK_EQ(nr__cgroup_destroy(cg, 1000), 0);
  reap_all();
}

static void small_body(int wfd) {
  char *p = malloc(8 * MiB);
  if (!p) _exit(97);
  memset(p, 1, 8 * MiB);
  /* Send a byte of the buffer itself: an unused buffer may be optimised
   * away, memset and all, at -O2. */
  if (write(wfd, p + 8 * MiB - 1, 1) != 1) _exit(98);
}

TEST(stats_report_peak_memory_without_a_memory_limit) {
  CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
  nr__cgroup_spec s = spec_for("peak");
  nr__cgroup *cg = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &cg), 0);
  int rfd;
  pid_t pid = fork_member(cg, small_body, &rfd);
  char c;
  CHECK(read(rfd, &c, 1) == 1);
  int64_t peak = 0, ooms = 0;
  nr__cgroup_stats(cg, &peak, &ooms);
  CHECK(peak >= 8 * MiB);
  CHECK_EQ(ooms, 0);
  nr__cgroup_kill(cg);
  int st;
  CHECK(waitpid(pid, &st, 0) == pid);
  CHECK_EQ(nr__cgroup_destroy(cg, 1000), 0);
  reap_all();
}

TEST(destroy_of_a_busy_cgroup_returns_EBUSY_within_its_bound) {
  nr__cgroup_spec s = spec_for("busy");
  nr__cgroup *cg = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &cg), 0);
  char leaves[NR__CG_MAX_MOUNTS][PATH_MAX], sub[PATH_MAX + 8], root[PATH_MAX];
  int n = copy_leaves(cg, leaves);
  /* A child cgroup nobody removes keeps the leaf busy whatever is killed. */
  snprintf(sub, sizeof sub, "%s/sub", leaves[0]);
  CHECK(mkdir(sub, 0755) == 0);
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  CHECK_EQ(nr__cgroup_destroy(cg, 100), -EBUSY);
  clock_gettime(CLOCK_MONOTONIC, &b);
  long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
  CHECK(ms < 5000); /* loose: it must not hang, not be fast */
  CHECK(exists(leaves[0]));
  CHECK(rmdir(sub) == 0 && rmdir(leaves[0]) == 0);
  root_of(leaves[0], "busy", root);
  CHECK(rmdir(root) == 0);
  for (int i = 1; i < n; i++) CHECK(!exists(leaves[i]));
}

/* Point mount discovery at a fake mount table holding only the lines of
 * /proc/self/mountinfo whose fstype and super options match. */
static void fake_mountinfo(const char *type, const char *super, char *out) {
  snprintf(out, PATH_MAX, "/tmp/nr-mountinfo-%d", (int)getpid());
  FILE *in = fopen("/proc/self/mountinfo", "re"), *o = fopen(out, "we");
  CHECK(in && o);
  char line[4096];
  while (fgets(line, sizeof line, in)) {
    char *dash = strstr(line, " - ");
    if (!dash || !type) continue;
    char t[64], src[256], sup[512];
    if (sscanf(dash + 3, "%63s %255s %511s", t, src, sup) != 3) continue;
    if (strcmp(t, type) == 0 && strstr(sup, super)) fputs(line, o);
  }
  fclose(in);
  fclose(o);
  setenv("NETRUNNER_MOUNTINFO_PATH", out, 1);
}

TEST(a_limit_no_hierarchy_can_enforce_is_refused_with_EOPNOTSUPP) {
  char fake[PATH_MAX];
  fake_mountinfo("cgroup", "memory", fake); /* v1 memory only */
  nr__cgroup_spec s = spec_for("nopids");
  s.pids_max = 10;
  nr__cgroup *cg = NULL;
  int fds = count_fds();
  CHECK_EQ(nr__cgroup_create(&s, &cg), -EOPNOTSUPP);
  CHECK_EQ(count_fds(), fds);
  /* The memory leaf made for the statistics was rolled back. */
  s.pids_max = -1;
  CHECK_EQ(nr__cgroup_create(&s, &cg), 0);
  char leaves[NR__CG_MAX_MOUNTS][PATH_MAX], root[PATH_MAX];
  CHECK_EQ(copy_leaves(cg, leaves), 1);
  CHECK_EQ(nr__cgroup_destroy(cg, 1000), 0);
  root_of(leaves[0], "nopids", root);
  CHECK(!exists(root));
  unlink(fake);
}

TEST(without_any_cgroup_mount_create_fails_with_ENOENT) {
  char fake[PATH_MAX];
  fake_mountinfo(NULL, "", fake);
  nr__cgroup_spec s = spec_for("none");
  nr__cgroup *cg = NULL;
  CHECK_EQ(nr__cgroup_create(&s, &cg), -ENOENT);
  unlink(fake);
}

/* Two shepherds sharing a root: one removes the intermediate directories
 * it made while the other is between creating (finding) them and creating
 * its leaf below. Each side creates and destroys in a loop; every create
 * must succeed. */
static int churn(char tag, int rounds) {
  int failures = 0;
  for (int i = 0; i < rounds; i++) {
    char path[64];
    snprintf(path, sizeof path, "shared/%c%d", tag, i);
    nr__cgroup_spec s = spec_for(path);
    nr__cgroup *cg = NULL;
    int r = nr__cgroup_create(&s, &cg);
    if (r < 0) {
      if (failures++ == 0) fprintf(stderr, "    %s: create: %s\n", path, strerror(-r));
      continue;
    }
    nr__cgroup_close_join_fds(cg);
    if (nr__cgroup_destroy(cg, 1000) < 0) failures++;
  }
  return failures;
}

TEST(two_users_of_one_root_never_pull_a_directory_from_under_each_other) {
  /* The root is made here first, as a long-lived job would have it. */
  nr__cgroup_spec keep = spec_for("keep");
  nr__cgroup *held = NULL;
  CHECK_EQ(nr__cgroup_create(&keep, &held), 0);
  char leaves[NR__CG_MAX_MOUNTS][PATH_MAX], root[PATH_MAX];
  int n = copy_leaves(held, leaves);
  nr__cgroup_close_join_fds(held);
  pid_t a = fork();
  if (a == 0) _exit(churn('a', 1500) ? 1 : 0);
  pid_t b = fork();
  if (b == 0) _exit(churn('b', 1500) ? 1 : 0);
  int sa, sb;
  CHECK_EQ(waitpid(a, &sa, 0), a);
  CHECK_EQ(waitpid(b, &sb, 0), b);
  CHECK(WIFEXITED(sa) && WEXITSTATUS(sa) == 0);
  CHECK(WIFEXITED(sb) && WEXITSTATUS(sb) == 0);
  /* Whichever side left "shared" empty removed it, whoever made it. */
  for (int i = 0; i < n; i++) {
    char shared[PATH_MAX + 16];
    root_of(leaves[i], "keep", root);
    snprintf(shared, sizeof shared, "%s/shared", root);
    if (exists(shared)) fprintf(stderr, "    left behind: %s\n", shared);
    CHECK(!exists(shared));
  }
  CHECK_EQ(nr__cgroup_destroy(held, 1000), 0);
}

/* The job whose create made the root ends first (the shepherd removes
 * cgroups in the order they empty, not the order they were made): the root
 * goes with the last job of this process under it. */
TEST(the_root_goes_with_the_last_job_not_the_one_that_made_it) {
  nr__cgroup_spec s1 = spec_for("first"), s2 = spec_for("second");
  nr__cgroup *first = NULL, *second = NULL;
  CHECK_EQ(nr__cgroup_create(&s1, &first), 0);
  CHECK_EQ(nr__cgroup_create(&s2, &second), 0);
  CHECK_EQ(nr__cgroup_destroy(first, 1000), 0);
  CHECK_EQ(nr__cgroup_destroy(second, 1000), 0);
  check_root_gone();
}

TEST(the_test_root_is_gone_from_every_hierarchy) { check_root_gone(); }


int main(void) {
  use_own_root("netrunner-test");
  RUN_REAPED(rejects_invalid_cgroup_paths_and_accepts_a_plain_one);
  RUN_REAPED(create_rejects_a_bad_path_root_or_limit_before_touching_anything);
  RUN_REAPED(create_then_destroy_leaves_no_directory_in_any_hierarchy);
  RUN_REAPED(limits_are_written_to_the_hierarchy_that_enforces_them);
  RUN_REAPED(an_existing_leaf_is_refused_with_EEXIST_and_left_untouched);
  RUN_REAPED(a_failed_create_removes_the_directories_it_made_in_other_hierarchies);
  RUN_REAPED(a_child_that_joins_appears_in_cgroup_procs_of_every_hierarchy);
  RUN_REAPED(kill_reaches_a_member_that_called_setsid);
  RUN_REAPED(pids_max_stops_a_fork_bomb_inside_the_cgroup);
  RUN_REAPED(memory_max_gets_an_allocating_child_oom_killed_and_counted);
  RUN_REAPED(stats_report_peak_memory_without_a_memory_limit);
  RUN_REAPED(destroy_of_a_busy_cgroup_returns_EBUSY_within_its_bound);
  RUN_REAPED(two_users_of_one_root_never_pull_a_directory_from_under_each_other);
  RUN_REAPED(a_limit_no_hierarchy_can_enforce_is_refused_with_EOPNOTSUPP);
  RUN_REAPED(without_any_cgroup_mount_create_fails_with_ENOENT);
  RUN_REAPED(the_root_goes_with_the_last_job_not_the_one_that_made_it);
  RUN_REAPED(the_test_root_is_gone_from_every_hierarchy);
  DONE();
}
