/* reply.c — fuzz the host's side of the control socket: the reply to a
 * SPAWN, SIGNAL or KILL_ALL request, read by nr_spawn / nr_signal /
 * nr_kill_all from a fake shepherd.
 *
 * Input: byte 0 = the call (bits 0-1) and how many fds ride on the reply
 * (bits 4-7, at most 8); byte 1 = where in the stream they are attached;
 * the rest = what the shepherd sends before it hangs up. Properties: every
 * call returns (EOF ends it), with 0 or a -errno (-4095..-1); a spawn that
 * succeeds has a real pid and a status fd, and every fd it hands out is
 * open and distinct; otherwise nothing is handed out; either way no fd is
 * left open that the caller was not given. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fuzz.h"
#include "netrunner.h"

#define MAX_FDS 8
#define FD_SCAN 128 /* a leaked fd takes the lowest free number */

static int open_fds(void) {
  int n = 0;
  for (int fd = 0; fd < FD_SCAN; fd++)
    if (fcntl(fd, F_GETFD) >= 0) n++;
  return n;
}

/* Send bytes, with `nfds` copies of /dev/null on their first byte. */
static void send_part(int sock, const uint8_t *p, size_t n, int nfds) {
  int fds[MAX_FDS];
  _Alignas(struct cmsghdr) char ctrl[CMSG_SPACE(sizeof fds)];
  size_t size = sizeof(int) * (size_t)nfds;
  struct iovec iov = {(void *)p, n};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
  if (n == 0) return;
  for (int i = 0; i < nfds; i++) fds[i] = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (nfds > 0) {
    struct cmsghdr *rights = (struct cmsghdr *)ctrl;
    *rights = (struct cmsghdr){.cmsg_len = CMSG_LEN(size),
                               .cmsg_level = SOL_SOCKET,
                               .cmsg_type = SCM_RIGHTS};
    memcpy(CMSG_DATA(rights), fds, size);
    msg.msg_control = ctrl;
    msg.msg_controllen = CMSG_SPACE(size);
  }
  FUZZ_CHECK(sendmsg(sock, &msg, MSG_NOSIGNAL) == (ssize_t)n);
  for (int i = 0; i < nfds; i++) close(fds[i]);
}

static int is_errno(int rc) { return rc == 0 || (rc >= -4095 && rc < 0); }

static void check_spawn(int ctl, int before) {
  static const char *const argv[] = {"true", NULL};
  nr_spawn_opts o;
  nr_child c;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  int rc = nr_spawn_with(ctl, &o, &c);
  FUZZ_CHECK(is_errno(rc));
  int32_t fds[4] = {c.stdin_fd, c.stdout_fd, c.stderr_fd, c.status_fd};
  int given = 0;
  for (int i = 0; i < 4; i++) {
    if (fds[i] < 0) continue;
    FUZZ_CHECK(rc == 0 && fcntl(fds[i], F_GETFD) >= 0);
    for (int j = 0; j < i; j++) FUZZ_CHECK(fds[j] != fds[i]);
    given++;
  }
  if (rc == 0) FUZZ_CHECK(c.pid > 1 && c.status_fd >= 0);
  FUZZ_CHECK(open_fds() == before + given);
  for (int i = 0; i < 4; i++)
    if (fds[i] >= 0) close(fds[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int sv[2];
  if (size < 2 || size > 65536) return 0;
  int call = data[0] & 3, nfds = data[0] >> 4;
  if (nfds > MAX_FDS) nfds = MAX_FDS;
  const uint8_t *stream = data + 2;
  size_t len = size - 2, at = len ? data[1] % len : 0;
  int before = open_fds();
  FUZZ_CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
  send_part(sv[1], stream, at, 0);
  send_part(sv[1], stream + at, len - at, nfds);
  shutdown(sv[1], SHUT_WR);
  before += 2;
  if (call == 0) {
    check_spawn(sv[0], before);
  } else {
    int rc = call == 1 ? nr_signal(sv[0], 1234, 15) : nr_kill_all(sv[0], 9);
    FUZZ_CHECK(is_errno(rc));
    FUZZ_CHECK(open_fds() == before);
  }
  close(sv[0]);
  close(sv[1]);
  return 0;
}
