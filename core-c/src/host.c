/* host.c — the host's calls: start, talk to and stop the shepherd. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "frame.h"
#include "host_table.h"
#include "host_thread.h"
#include "netrunner.h"

extern char **environ;

/* Start the shepherd with its end of the socket on fd 3, /dev/null on
 * 0..2, in its own process group (a terminal's Ctrl-C to the host's group
 * must not kill it before it can stop the children gracefully), every
 * signal at its default and none blocked. posix_spawn: the host may be a
 * multi-GiB process, and fork() copies its page tables. */
static int start_shepherd(const char *path, int fd, char *const *envp,
                          pid_t *pid) {
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  sigset_t none, all;
  char *argv[] = {(char *)"netrunner-shepherd", NULL};
  int rc;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawn_file_actions_init(&fa);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_adddup2(&fa, fd, 3);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF |
                                      POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setpgroup(&attr, 0);
  rc = posix_spawn(pid, path, &fa, &attr, argv, envp);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  return -rc;
}

static int wait_hello(int ctl) {
  nr__frame_hdr hdr;
  int32_t hello[2];
  int rc = nr__frame_recv(ctl, &hdr, hello, sizeof hello, NULL, 0, NULL);
  if (rc < 0) return rc;
  if (hdr.op != NR_OP_HELLO || rc != (int)sizeof hello ||
      hello[0] != (int32_t)NR_PROTOCOL_VERSION)
    return -EPROTO;
  return 0;
}

/* Every reply (HELLO included) must arrive within nr__reply_timeout_ms;
 * see host_table.h for the value. */
static int set_reply_timeout(int ctl) {
  struct timeval tv = {nr__reply_timeout_ms / 1000,
                       (nr__reply_timeout_ms % 1000) * 1000};
  if (setsockopt(ctl, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0 ||
      setsockopt(ctl, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) < 0)
    return -errno;
  return 0;
}

#define ROOT_VAR "NETRUNNER_CGROUP_ROOT="

/* environ without NETRUNNER_CGROUP_ROOT, then ROOT_VAR<root>; one malloc'd
 * block (the pointer array, then the new entry), free() it once. */
static char **env_with_root(const char *root) {
  size_t n = 0, rlen = strlen(root), vlen = sizeof ROOT_VAR - 1;
  while (environ[n]) n++;
  char **env = malloc((n + 2) * sizeof *env + vlen + rlen + 1);
  if (!env) return NULL;
  char *entry = (char *)(env + n + 2);
  memcpy(entry, ROOT_VAR, vlen);
  memcpy(entry + vlen, root, rlen + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (strncmp(environ[i], ROOT_VAR, vlen) != 0) env[k++] = environ[i];
  env[k++] = entry;
  env[k] = NULL;
  return env;
}

int nr_host_open(const char *shepherd_path, pid_t *pid_out) {
  return nr_host_open_with(shepherd_path, NULL, pid_out);
}

int nr_host_open_with(const char *shepherd_path, const char *cgroup_root,
                      pid_t *pid_out) {
  int sv[2];
  pid_t pid = -1;
  char **env = NULL;
  if (!shepherd_path || !pid_out) return -EINVAL;
  if (cgroup_root) {
    if (nr__cgroup_path_valid(cgroup_root, strlen(cgroup_root)) < 0)
      return -EINVAL;
    if (!(env = env_with_root(cgroup_root))) return -ENOMEM;
  }
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
    int e = errno;
    free(env);
    return -e;
  }
  /* dup2(3, 3) would leave CLOEXEC set: make sure the source is not 3. */
  if (sv[1] == 3) {
    int moved = fcntl(sv[1], F_DUPFD_CLOEXEC, 4);
    close(sv[1]);
    sv[1] = moved;
    if (moved < 0) {
      int e = errno;
      close(sv[0]);
      free(env);
      return -e;
    }
  }
  int rc = start_shepherd(shepherd_path, sv[1], env ? env : environ, &pid);
  free(env);
  close(sv[1]);
  if (rc == 0) rc = set_reply_timeout(sv[0]);
  if (rc == 0) rc = wait_hello(sv[0]);
  if (rc == -EAGAIN) rc = -ETIMEDOUT;
  if (rc == 0) rc = nr__host_table_add(sv[0], pid);
  if (rc < 0) {
    close(sv[0]);
    if (pid > 0) nr_host_close(-1, pid, 1000);
    return rc;
  }
  *pid_out = pid;
  return sv[0];
}

/* Reap the shepherd, waiting at most wait_ms before SIGKILLing it. */
static int reap_shepherd(pid_t shepherd_pid, int wait_ms) {
  struct timespec tick = {0, 1000000};
  for (int waited = 0;; waited++) {
    pid_t r = waitpid(shepherd_pid, NULL, WNOHANG);
    if (r == shepherd_pid || (r < 0 && errno == ECHILD)) return 0;
    if (r < 0 && errno != EINTR) return -errno;
    if (waited >= wait_ms) break;
    nanosleep(&tick, NULL);
  }
  kill(shepherd_pid, SIGKILL);
  while (waitpid(shepherd_pid, NULL, 0) < 0 && errno == EINTR) {
  }
  return -ETIMEDOUT;
}

int nr_host_close(int ctl, pid_t shepherd_pid, int wait_ms) {
  int reaped = 0, held = 0;
  if (ctl >= 0) {
    nr__host_thread_forget(ctl);
    reaped = nr__host_table_remove(ctl);
    /* Hang up, but release the fd only once the shepherd is reaped: a
     * thread's exit (Bun's Worker.terminate()) shows only in the fds it
     * frees, and none may come back while the shepherd is a zombie. */
    held = !reaped && shutdown(ctl, SHUT_RDWR) == 0;
    if (!held) close(ctl);
  }
  int rc = shepherd_pid > 0 && !reaped ? reap_shepherd(shepherd_pid, wait_ms) : 0;
  if (held) close(ctl);
  return rc;
}

int nr_host_reap(int ctl, pid_t shepherd_pid) {
  return nr__host_table_reap(ctl, shepherd_pid);
}

/* The shepherd did not answer in time: it may never. Kill it (its children
 * die with it: PR_SET_PDEATHSIG) and shut the socket, so that every later
 * call fails at once with EPIPE and the caller starts a new shepherd. */
static int give_up_on(int ctl) {
  pid_t pid = nr__host_table_pid(ctl);
  if (pid > 0) kill(pid, SIGKILL);
  shutdown(ctl, SHUT_RDWR);
  return -ETIMEDOUT;
}

/* Send one request (with `nsend` fds riding on it) and read its reply,
 * collecting any fds riding on that. -EMFILE: the reply is in *reply but
 * the fds riding on it were cut short (this process is at its fd limit)
 * and none is kept. */
static int call_with(int ctl, uint32_t op, const void *body, uint32_t len,
                     const int *send, int nsend, nr_reply *reply, int *fds,
                     int *nfds) {
  nr__frame_hdr hdr;
  int count = 0;
  int rc = nr__frame_send(ctl, op, body, len, send, nsend);
  if (rc == -EAGAIN) return give_up_on(ctl);
  if (rc < 0) return rc;
  rc = nr__frame_recv(ctl, &hdr, reply, sizeof *reply, fds, 4, &count);
  if (rc == -EAGAIN) return give_up_on(ctl);
  if (rc == -EMFILE && (hdr.op != NR_OP_REPLY || hdr.len != sizeof *reply))
    rc = -EPROTO;
  if (rc >= 0 && (hdr.op != NR_OP_REPLY || rc != (int)sizeof *reply))
    rc = -EPROTO;
  if (rc < 0) {
    for (int i = 0; i < count; i++) close(fds[i]);
    return rc;
  }
  /* A result is 0 or -errno: anything else (INT32_MIN cannot even be
   * negated) is a broken shepherd. */
  if (reply->result > 0 || reply->result < -4095) {
    for (int i = 0; i < count; i++) close(fds[i]);
    return -EPROTO;
  }
  if (nfds) *nfds = count;
  return 0;
}

static int call(int ctl, uint32_t op, const void *body, uint32_t len,
                nr_reply *reply, int *fds, int *nfds) {
  return call_with(ctl, op, body, len, NULL, 0, reply, fds, nfds);
}

int nr_spawn(int ctl, const uint8_t *request, uint32_t request_len,
             nr_child *out) {
  return nr_spawn_fds(ctl, request, request_len, NULL, 0, out);
}

int nr_spawn_fds(int ctl, const uint8_t *request, uint32_t request_len,
                 const int *give, int ngive, nr_child *out) {
  nr_reply reply;
  int fds[4], nfds = 0;
  int32_t *slot[4] = {&out->stdin_fd, &out->stdout_fd, &out->stderr_fd,
                      &out->status_fd};
  out->pid = -1;
  out->stage = NR_STAGE_NONE;
  for (int i = 0; i < 4; i++) *slot[i] = -1;
  if (!request || request_len == 0 || request_len > NR_MAX_FRAME ||
      ngive < 0 || ngive > 3 || (ngive > 0 && !give)) {
    out->stage = NR_STAGE_REQUEST;
    return -EINVAL;
  }
  int rc = call_with(ctl, NR_OP_SPAWN, request, request_len, give, ngive,
                     &reply, fds, &nfds);
  /* sendmsg checks every fd before it sends a byte: the stream is intact. */
  if (rc == -EBADF) {
    out->stage = NR_STAGE_REQUEST;
    return rc;
  }
  if (rc == -EMFILE && reply.result == 0 && reply.pid > 0) {
    /* The child runs, but its fds never reached us: nothing may run that
     * nobody tracks. */
    nr_signal(ctl, reply.pid, SIGKILL);
  }
  if (rc < 0) return rc;
  if (reply.result < 0) {
    for (int i = 0; i < nfds; i++) close(fds[i]);
    out->stage = (int32_t)reply.stage;
    return reply.result;
  }
  int k = 0;
  for (int i = 0; i < 4; i++)
    if (reply.fd_mask & (1u << i)) *slot[i] = k < nfds ? fds[k++] : -1;
  /* A child's pid is never 0 or 1 (nor negative): signalling -pid for it
   * would reach the host's own group or every process. */
  if (k != nfds || !(reply.fd_mask & NR_FD_STATUS) || *slot[3] < 0 ||
      reply.pid <= 1) {
    for (int i = 0; i < nfds; i++) close(fds[i]);
    for (int i = 0; i < 4; i++) *slot[i] = -1;
    return -EPROTO;
  }
  out->pid = reply.pid;
  return 0;
}

int nr_spawn_with(int ctl, const nr_spawn_opts *opts, nr_child *out) {
  uint8_t *req;
  uint32_t len;
  int rc = nr_encode_spawn(opts, &req, &len);
  if (rc < 0) {
    out->pid = out->stdin_fd = out->stdout_fd = out->stderr_fd = -1;
    out->status_fd = -1;
    out->stage = NR_STAGE_REQUEST;
    return rc;
  }
  rc = nr_spawn(ctl, req, len, out);
  free(req);
  return rc;
}

int nr_signal(int ctl, int32_t pid, int32_t sig) {
  nr_reply reply;
  int32_t body[2] = {pid, sig};
  if (nr_signal_valid(sig) < 0) return -EINVAL;
  int rc = call(ctl, NR_OP_SIGNAL, body, sizeof body, &reply, NULL, NULL);
  return rc < 0 ? rc : reply.result;
}

int nr_kill_all(int ctl, int32_t sig) {
  nr_reply reply;
  if (nr_signal_valid(sig) < 0) return -EINVAL;
  int rc = call(ctl, NR_OP_KILL_ALL, &sig, sizeof sig, &reply, NULL, NULL);
  return rc < 0 ? rc : reply.result;
}

int nr_reclaim_cgroup(int ctl, const char *path) {
  nr_reply reply;
  size_t n = path ? strlen(path) : 0;
  if (nr__cgroup_path_valid(path, n) < 0) return -EINVAL;
  int rc = call(ctl, NR_OP_RECLAIM_CGROUP, path, (uint32_t)n, &reply, NULL, NULL);
  return rc < 0 ? rc : reply.result;
}

int nr_read_exit(int status_fd, nr_exit_record *rec) {
  size_t got = 0;
  while (got < sizeof *rec) {
    ssize_t n = read(status_fd, (char *)rec + got, sizeof *rec - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += (size_t)n;
  }
  close(status_fd);
  if (got != sizeof *rec || rec->magic != NR_EXIT_MAGIC) return -EPIPE;
  return 0;
}
