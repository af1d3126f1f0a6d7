/* platform_darwin.c — the macOS side of platform.h: compiles and does the
 * nearest equivalent; docs/macos.md says what is weaker than on Linux. */
#if defined(__APPLE__)
#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libproc.h>
#include <signal.h>
#include <sys/event.h>
#include <unistd.h>

#define NR__MAX_CHILDREN 4096

static int set_cloexec(int fd) { return fcntl(fd, F_SETFD, FD_CLOEXEC); }

/* No pipe2/SOCK_CLOEXEC: a fork on another thread between the call and
 * fcntl may inherit the fds (the shepherd is single-threaded). */
int nr__pipe_cloexec(int fds[2]) {
  if (pipe(fds) < 0) return -1;
  set_cloexec(fds[0]);
  set_cloexec(fds[1]);
  return 0;
}

int nr__socketpair_cloexec(int sv[2]) {
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) return -1;
  set_cloexec(sv[0]);
  set_cloexec(sv[1]);
  return 0;
}

ssize_t nr__recvmsg_cloexec(int sock, struct msghdr *msg) {
  ssize_t r = recvmsg(sock, msg, 0);
  if (r < 0) return r;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    int *fds = (int *)CMSG_DATA(c);
    int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
    for (int i = 0; i < count; i++) set_cloexec(fds[i]);
  }
  return r;
}

void nr__close_from(int lowest) {
  for (int fd = lowest, max = getdtablesize(); fd < max; fd++) close(fd);
}

void nr__reset_all_signals(void) {
  struct sigaction dfl = {0};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; sig++) {
    if (sig == SIGKILL || sig == SIGSTOP) continue;
    sigaction(sig, &dfl, NULL);
  }
}

/* macOS has no real-time signals. */
int nr__signal_is_realtime(int sig) {
  (void)sig;
  return 0;
}

/* No setres[ug]id: setgid/setuid as root set all three ids. */
int nr__set_ids(uint32_t uid, uint32_t gid, uint32_t ngroups, const gid_t *groups) {
  if (setgroups((int)ngroups, groups) < 0) return -1;
  if (setgid((gid_t)gid) < 0) return -1;
  return setuid((uid_t)uid);
}

/* No no_new_privs flag (nor a sandbox that would need it). */
int nr__no_new_privs(void) {
  errno = ENOSYS;
  return -1;
}

/* No capabilities to give up. */
int nr__drop_capabilities(void) { return 0; }

/* No PDEATHSIG: the child's process group is signalled by the shepherd's
 * teardown, which starts when the control socket reaches EOF. */
int nr__die_with_parent(void) { return 0; }

/* No subreaper: a descendant that leaves its group is re-parented to
 * launchd and is out of reach. */
int nr__become_subreaper(void) { return 0; }

int nr__child_events_open(void) {
  int kq = kqueue();
  if (kq < 0) return -1;
  set_cloexec(kq);
  struct kevent ev;
  EV_SET(&ev, SIGCHLD, EVFILT_SIGNAL, EV_ADD, 0, 0, NULL);
  if (kevent(kq, &ev, 1, NULL, 0, NULL) < 0) {
    int e = errno;
    close(kq);
    errno = e;
    return -1;
  }
  return kq;
}

void nr__child_events_drain(int fd) {
  struct kevent ev[16];
  struct timespec zero = {0, 0};
  while (kevent(fd, NULL, 0, ev, 16, &zero) > 0) {
  }
}

int nr__kill_direct_children(void) {
  static pid_t pids[NR__MAX_CHILDREN];
  int n = proc_listchildpids(getpid(), pids, (int)sizeof pids);
  for (int i = 0; i < n; i++) kill(pids[i], SIGKILL);
  return n < 0 ? 0 : n;
}
#endif
