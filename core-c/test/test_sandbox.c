/* test_sandbox.c — the NR_EXT_SANDBOX extension: each confinement shown by
 * an escape that works without it and fails with it. The test binary is its
 * own probe: `test_sandbox probe <what>` tries one thing and prints it. */
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <limits.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>

#include "../src/sandbox.h"
#include "sandbox_bytes.h"
#include "util.h"

static char self[PATH_MAX], self_dir[PATH_MAX];

#define SYSTEM_RX NR_SANDBOX_EXEC
static const char *const system_dirs[] = {"/usr", "/bin", "/lib", "/lib64",
                                          "/etc"};

/* The system directories read+exec, this binary's directory read+exec,
 * and `extra` with its access. */
static size_t base_paths(const char **paths, uint32_t *rights,
                         const char *extra, uint32_t extra_access) {
  size_t n = 0;
  for (size_t i = 0; i < sizeof system_dirs / sizeof *system_dirs; i++) {
    if (access(system_dirs[i], F_OK) != 0) continue;
    paths[n] = system_dirs[i];
    rights[n++] = SYSTEM_RX;
  }
  paths[n] = self_dir;
  rights[n++] = NR_SANDBOX_EXEC;
  if (extra) {
    paths[n] = extra;
    rights[n++] = extra_access;
  }
  return n;
}

/* Spawn argv with the sandbox bytes `b` (NULL: none); returns the spawn rc
 * and fills *c. */
static int spawn_sb(int ctl, const char *const *argv, const sb_bytes *b,
                    nr_child *c) {
  nr_spawn_opts o;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  nr_spawn_ext ext = {NR_EXT_SANDBOX, b ? b->len : 0, b ? b->data : NULL};
  if (b) {
    o.ext = &ext;
    o.ext_count = 1;
  }
  return nr_spawn_with(ctl, &o, c);
}

/* Run to the end: stdout into `out` (NUL-terminated), the exit status. */
static int run_sb(const char *const *argv, const sb_bytes *b, char *out,
                  size_t cap) {
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  CHECK_EQ(spawn_sb(ctl, argv, b, &c), 0);
  size_t n;
  char *buf = read_all(c.stdout_fd, &n);
  snprintf(out, cap, "%s", buf);
  free(buf);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  nr_host_close(ctl, sp, 2000);
  return rec.exit_status;
}

/* Run `test_sandbox probe what arg` under `b` (NULL: none): it exits 0 and
 * prints `want`. */
static void expect_probe(const char *what, const char *arg, const sb_bytes *b,
                         const char *want) {
  char out[256];
  const char *argv[] = {self, "probe", what, arg, NULL};
  CHECK_EQ(run_sb(argv, b, out, sizeof out), 0);
  if (strcmp(out, want)) fprintf(stderr, "    probe %s: %s, not %s\n", what, out, want);
  CHECK(!strcmp(out, want));
}

/* The usual confined sandbox with one extra path. */
static void confined(sb_bytes *b, uint32_t flags, const int64_t lim[4],
                     const char *extra, uint32_t extra_access) {
  const char *paths[8];
  uint32_t rights[8];
  size_t n = base_paths(paths, rights, extra, extra_access);
  sb_build(b, NR_SANDBOX_FS | flags, lim, 0, 0, n, paths, rights, "");
}

static int probe(const char *what, const char *arg) {
  if (!strcmp(what, "socket")) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    printf("%s", fd >= 0 ? "ok" : strerror(errno));
  } else if (!strcmp(what, "unix")) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("%s", fd >= 0 ? "ok" : strerror(errno));
  } else if (!strcmp(what, "ptrace")) {
    pid_t kid = fork();
    if (kid == 0) {
      pause();
      _exit(0);
    }
    long rc = ptrace(PTRACE_ATTACH, kid, 0, 0);
    printf("%s", rc == 0 ? "ok" : strerror(errno));
    kill(kid, SIGKILL);
  } else if (!strcmp(what, "unshare")) {
    printf("%s", unshare(CLONE_NEWUSER) == 0 ? "ok" : strerror(errno));
  } else if (!strcmp(what, "nnp")) {
    printf("%d", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
  } else if (!strcmp(what, "uid")) {
    printf("%d:%d", (int)getuid(), (int)getgid());
  } else if (!strcmp(what, "write")) {
    int fd = open(arg, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    printf("%s", fd >= 0 ? "ok" : strerror(errno));
  } else if (!strcmp(what, "read")) {
    int fd = open(arg, O_RDONLY | O_CLOEXEC);
    printf("%s", fd >= 0 ? "ok" : strerror(errno));
  } else if (!strcmp(what, "nofile")) {
    int n = 0;
    while (dup(0) >= 0) n++;
    printf("%d", n);
  } else if (!strcmp(what, "connect")) {
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s", arg);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int rc = fd < 0 ? -1 : connect(fd, (struct sockaddr *)&sa, sizeof sa);
    printf("%s", rc == 0 ? "ok" : strerror(errno));
  } else if (!strcmp(what, "dgram")) {
    int sv[2];
    int a = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    printf("%s ", a >= 0 ? "ok" : strerror(errno));
    a = socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv);
    printf("%s ", a == 0 ? "ok" : strerror(errno));
    a = socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
    printf("%s", a == 0 ? "ok" : strerror(errno));
  } else if (!strcmp(what, "caps")) {
    struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct d[2] = {{0}};
    syscall(SYS_capget, &h, d);
    printf("%x %x %d", d[0].effective | d[1].effective,
           d[0].permitted | d[1].permitted,
           prctl(PR_CAPBSET_READ, CAP_CHOWN, 0, 0, 0));
  } else if (!strcmp(what, "chown")) {
    printf("%s", chown(arg, 65534, 65534) == 0 ? "ok" : strerror(errno));
  } else if (!strcmp(what, "core")) {
    struct rlimit rl;
    getrlimit(RLIMIT_CORE, &rl);
    printf("%llu", (unsigned long long)rl.rlim_max);
  }
  fflush(stdout);
  _exit(0); /* no exit hooks: LeakSanitizer's needs ptrace, which the filter denies */
}

TEST(without_a_sandbox_every_probe_succeeds) {
  expect_probe("socket", NULL, NULL, "ok");
  expect_probe("ptrace", NULL, NULL, "ok");
  expect_probe("nnp", NULL, NULL, "0");
  expect_probe("write", "/tmp/nr-sandbox-test-outside", NULL, "ok");
  unlink("/tmp/nr-sandbox-test-outside");
}

TEST(network_none_allows_only_unix_sockets) {
  sb_bytes b;
  sb_build(&b, NR_SANDBOX_NO_NETWORK, NULL, 0, 0, 0, NULL, NULL, "");
  expect_probe("socket", NULL, &b, strerror(EAFNOSUPPORT));
  expect_probe("unix", NULL, &b, "ok");
  sb_build(&b, 0, NULL, 0, 0, 0, NULL, NULL, "");
  expect_probe("socket", NULL, &b, "ok"); /* network allowed */
}

/* Landlock does not guard a Unix socket's path: a host service listening
 * in a directory the child cannot even list stays out of reach only
 * because connect, and datagrams that could name it, are denied. */
TEST(network_none_denies_connect_to_host_unix_sockets) {
  const char *path = "/tmp/nr-sb-host.sock";
  unlink(path);
  struct sockaddr_un sa = {.sun_family = AF_UNIX};
  snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
  int srv = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  CHECK(srv >= 0);
  CHECK_EQ(bind(srv, (struct sockaddr *)&sa, sizeof sa), 0);
  CHECK_EQ(listen(srv, 8), 0);
  expect_probe("connect", path, NULL, "ok");
  sb_bytes b;
  sb_build(&b, 0, NULL, 0, 0, 0, NULL, NULL, "");
  expect_probe("connect", path, &b, "ok"); /* network allowed */
  confined(&b, NR_SANDBOX_NO_NETWORK, NULL, NULL, 0);
  expect_probe("connect", path, &b, strerror(EPERM));
  expect_probe("dgram", NULL, &b, "Operation not permitted Operation not permitted ok");
  close(srv);
  unlink(path);
}

TEST(seccomp_denies_ptrace_and_namespaces_with_eperm_and_sets_nnp) {
  sb_bytes b;
  sb_build(&b, 0, NULL, 0, 0, 0, NULL, NULL, "");
  expect_probe("ptrace", NULL, &b, strerror(EPERM));
  expect_probe("unshare", NULL, &b, strerror(EPERM));
  expect_probe("nnp", NULL, &b, "1");
}

TEST(landlock_confines_writes_reads_and_exec) {
  char out[256], ws[] = "/tmp/nr-sb-ws-XXXXXX", file[300];
  CHECK(mkdtemp(ws) != NULL);
  unlink("/tmp/nr-sb-outside");
  sb_bytes b;
  confined(&b, 0, NULL, ws, NR_SANDBOX_WRITE);
  snprintf(file, sizeof file, "%s/inside", ws);
  expect_probe("write", file, &b, "ok");
  expect_probe("write", "/tmp/nr-sb-outside", &b, strerror(EACCES));
  CHECK(access("/tmp/nr-sb-outside", F_OK) != 0);
  expect_probe("read", "/proc/self/status", &b, strerror(EACCES));
  /* A copy of /bin/true in the writable (not executable) workspace. */
  char exe[300];
  snprintf(exe, sizeof exe, "%s/true", ws);
  const char *cp[] = {"cp", "/bin/true", exe, NULL};
  CHECK_EQ(run_sb(cp, NULL, out, sizeof out), 0);
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  const char *run_copy[] = {exe, NULL};
  CHECK_EQ(spawn_sb(ctl, run_copy, &b, &c), -EACCES);
  CHECK_EQ(c.stage, NR_STAGE_EXEC);
  CHECK_EQ(spawn_sb(ctl, run_copy, NULL, &c), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 0);
  nr_host_close(ctl, sp, 2000);
  unlink(exe);
  unlink(file);
  rmdir(ws);
}

TEST(limits_cap_open_files_and_turn_core_dumps_off) {
  char out[256];
  sb_bytes b;
  int64_t lim[4] = {16, -1, -1, -1};
  sb_build(&b, 0, lim, 0, 0, 0, NULL, NULL, "");
  const char *nf[] = {self, "probe", "nofile", NULL};
  run_sb(nf, &b, out, sizeof out);
  CHECK_EQ(atoi(out), 13); /* 16 minus fds 0..2 */
  expect_probe("core", NULL, &b, "0");
  int64_t fsize[4] = {-1, 4096, -1, -1};
  sb_build(&b, 0, fsize, 0, 0, 0, NULL, NULL, "");
  const char *dd[] = {"sh", "-c", "head -c 8192 /dev/zero > /tmp/nr-sb-big", NULL};
  int status = run_sb(dd, &b, out, sizeof out);
  struct stat st;
  CHECK(stat("/tmp/nr-sb-big", &st) == 0);
  CHECK_EQ(st.st_size, 4096);
  CHECK(status != 0);
  unlink("/tmp/nr-sb-big");
}

/* Root keeps its uid but none of its powers: Landlock does not cover
 * chown, chmod or xattrs, so a capable child could change any file. */
TEST(a_root_child_runs_without_capabilities) {
  const char *victim = "/tmp/nr-sb-victim";
  int fd = open(victim, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  CHECK(fd >= 0);
  close(fd);
  expect_probe("chown", victim, NULL, "ok");
  CHECK_EQ(chown(victim, 0, 0), 0);
  sb_bytes b;
  confined(&b, 0, NULL, NULL, 0);
  expect_probe("caps", NULL, &b, "0 0 0");
  expect_probe("chown", victim, &b, strerror(EPERM));
  struct stat st;
  CHECK(stat(victim, &st) == 0);
  CHECK_EQ(st.st_uid, 0);
  sb_build(&b, 0, NULL, 0, 0, 0, NULL, NULL, "");
  expect_probe("caps", NULL, &b, "0 0 0");
  unlink(victim);
}

/* A uid change clears the parent-death signal; the child sets it again, so
 * a sandboxed child running as another user still dies with the shepherd
 * (nobody else kills its group here). Root only. */
TEST(a_child_with_other_ids_dies_with_the_shepherd) {
  sb_bytes b;
  sb_build(&b, NR_SANDBOX_IDS, NULL, 65534, 65534, 0, NULL, NULL, "");
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  const char *argv[] = {"sleep", "100", NULL};
  CHECK_EQ(spawn_sb(ctl, argv, &b, &c), 0);
  CHECK(proc_state(c.pid) != 0);
  CHECK(kill(sp, SIGKILL) == 0);
  CHECK(waitpid(sp, NULL, 0) == sp);
  CHECK(gone_within(c.pid, 5000));
  close(ctl);
}

/* As root the ids change; otherwise the spawn fails at the sandbox stage. */
TEST(ids_switch_as_root_and_fail_with_eperm_otherwise) {
  char out[256];
  sb_bytes b;
  sb_build(&b, NR_SANDBOX_IDS, NULL, 65534, 65534, 0, NULL, NULL, "");
  const char *id[] = {self, "probe", "uid", NULL};
  if (getuid() == 0) {
    CHECK_EQ(run_sb(id, &b, out, sizeof out), 0);
    CHECK(!strcmp(out, "65534:65534"));
    return;
  }
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  CHECK_EQ(spawn_sb(ctl, id, &b, &c), -EPERM);
  CHECK_EQ(c.stage, NR_STAGE_SANDBOX);
  nr_host_close(ctl, sp, 2000);
}

TEST(private_tmp_is_created_writable_and_removed_after_the_child) {
  char out[256], tmp[64], file[128];
  snprintf(tmp, sizeof tmp, "/tmp/nr-sb-private-%d", (int)getpid());
  snprintf(file, sizeof file, "%s/a", tmp);
  const char *paths[8];
  uint32_t rights[8];
  size_t n = base_paths(paths, rights, NULL, 0);
  sb_bytes b;
  sb_build(&b, NR_SANDBOX_FS | NR_SANDBOX_PRIVATE_TMP, NULL, 0, 0, n, paths,
           rights, tmp);
  const char *wr[] = {self, "probe", "write", file, NULL};
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  CHECK_EQ(spawn_sb(ctl, wr, &b, &c), 0);
  free(read_all(c.stdout_fd, NULL));
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  /* Removed once the child's entry is dropped (its group is empty). */
  for (int i = 0; i < 200 && access(tmp, F_OK) == 0; i++) sleep_ms(10);
  CHECK(access(tmp, F_OK) != 0);
  /* An existing directory is refused, and left as it is. */
  CHECK(mkdir(tmp, 0700) == 0);
  CHECK_EQ(spawn_sb(ctl, wr, &b, &c), -EEXIST);
  CHECK_EQ(c.stage, NR_STAGE_SANDBOX);
  CHECK(access(tmp, F_OK) == 0);
  rmdir(tmp);
  nr_host_close(ctl, sp, 2000);
  (void)out;
}

TEST(bad_bytes_are_einval_at_the_request_stage) {
  int fds = count_fds();
  pid_t sp;
  int ctl = open_host(&sp);
  nr_child c;
  const char *argv[] = {"true", NULL};
  sb_bytes b;
  const char *rel[] = {"usr"};
  uint32_t acc[] = {NR_SANDBOX_READ};
  sb_build(&b, NR_SANDBOX_FS, NULL, 0, 0, 1, rel, acc, "");
  CHECK_EQ(spawn_sb(ctl, argv, &b, &c), -EINVAL);
  CHECK_EQ(c.stage, NR_STAGE_REQUEST);
  sb_build(&b, 1u << 9, NULL, 0, 0, 0, NULL, NULL, ""); /* unknown flag */
  CHECK_EQ(spawn_sb(ctl, argv, &b, &c), -EINVAL);
  sb_build(&b, 0, NULL, 0, 0, 0, NULL, NULL, "");
  b.len -= 1; /* truncated */
  CHECK_EQ(spawn_sb(ctl, argv, &b, &c), -EINVAL);
  CHECK_EQ(c.stage, NR_STAGE_REQUEST);
  const char *gone[] = {"/nonexistent-nr-path"};
  sb_build(&b, NR_SANDBOX_FS, NULL, 0, 0, 1, gone, acc, "");
  CHECK_EQ(spawn_sb(ctl, argv, &b, &c), -ENOENT);
  CHECK_EQ(c.stage, NR_STAGE_SANDBOX);
  CHECK_EQ(count_fds(), fds + 1); /* ctl: nothing leaked */
  nr_host_close(ctl, sp, 2000);
}

/* Never silently weaker: what each kernel lacks fails the spawn, unless
 * best effort was asked for. */
TEST(a_kernel_without_what_is_asked_is_named_unless_best_effort) {
  CHECK_EQ(nr__sandbox_missing(NR_SANDBOX_FS, -EOPNOTSUPP, 1), -EOPNOTSUPP);
  CHECK_EQ(nr__sandbox_missing(NR_SANDBOX_FS, 2, 1), -EPROTONOSUPPORT);
  CHECK_EQ(nr__sandbox_missing(NR_SANDBOX_FS, 5, 1), -EPROTONOSUPPORT);
  CHECK_EQ(nr__sandbox_missing(NR_SANDBOX_FS, 6, 1), 0);
  CHECK_EQ(nr__sandbox_missing(NR_SANDBOX_FS, 7, 0), -ENOSYS);
  /* Without filesystem rules too: the scoping keeps the host unsignalled. */
  CHECK_EQ(nr__sandbox_missing(NR_SANDBOX_NO_NETWORK, -EOPNOTSUPP, 1), -EOPNOTSUPP);
  CHECK_EQ(nr__sandbox_missing(NR_SANDBOX_NO_NETWORK, 4, 1), -EPROTONOSUPPORT);
  CHECK_EQ(nr__sandbox_missing(NR_SANDBOX_NO_NETWORK, 7, 0), -ENOSYS);
  CHECK_EQ(nr__sandbox_missing(NR_SANDBOX_NO_NETWORK, 6, 1), 0);
  uint32_t lenient = NR_SANDBOX_FS | NR_SANDBOX_BEST_EFFORT;
  CHECK_EQ(nr__sandbox_missing(lenient, -EOPNOTSUPP, 0), 0);
}

TEST(support_reports_this_kernel) {
  nr_sandbox_info info;
  CHECK_EQ(nr_sandbox_support(&info), 0);
  CHECK(info.landlock_abi >= 0);
  CHECK(info.seccomp == 0 || info.seccomp == 1);
  CHECK_EQ(info.no_new_privs, 1);
}

int main(int argc, char **argv) {
  if (argc >= 3 && !strcmp(argv[1], "probe"))
    return probe(argv[2], argc > 3 ? argv[3] : "");
  CHECK(realpath("/proc/self/exe", self) != NULL);
  strcpy(self_dir, self);
  *strrchr(self_dir, '/') = '\0';
  RUN(without_a_sandbox_every_probe_succeeds);
  RUN(network_none_allows_only_unix_sockets);
  RUN(network_none_denies_connect_to_host_unix_sockets);
  RUN(seccomp_denies_ptrace_and_namespaces_with_eperm_and_sets_nnp);
  RUN(landlock_confines_writes_reads_and_exec);
  RUN(limits_cap_open_files_and_turn_core_dumps_off);
  RUN(ids_switch_as_root_and_fail_with_eperm_otherwise);
  if (getuid() == 0) RUN(a_root_child_runs_without_capabilities);
  else printf("skip a_root_child_runs_without_capabilities (needs root)\n");
  if (getuid() == 0) RUN(a_child_with_other_ids_dies_with_the_shepherd);
  else printf("skip a_child_with_other_ids_dies_with_the_shepherd (needs root)\n");
  RUN(private_tmp_is_created_writable_and_removed_after_the_child);
  RUN(bad_bytes_are_einval_at_the_request_stage);
  RUN(a_kernel_without_what_is_asked_is_named_unless_best_effort);
  RUN(support_reports_this_kernel);
  DONE();
}
