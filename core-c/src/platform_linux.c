/* platform_linux.c — the Linux side of platform.h. */
#if defined(__linux__)
#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <unistd.h>

int nr__pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int nr__socketpair_cloexec(int sv[2]) {
  return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
}

ssize_t nr__recvmsg_cloexec(int sock, struct msghdr *msg) {
  return recvmsg(sock, msg, MSG_CMSG_CLOEXEC);
}

/* The raw syscall: musl has no close_range() wrapper. */
void nr__close_from(int lowest) { syscall(SYS_close_range, (unsigned)lowest, ~0u, 0); }

/* The kernel's struct sigaction (x86-64 and arm64 layout; no restorer is
 * needed for SIG_DFL). */
struct kernel_sigaction {
  void (*handler)(int);
  unsigned long flags;
  void (*restorer)(void);
  unsigned long mask;
};

void nr__reset_all_signals(void) {
  /* Straight to the kernel: glibc's sigaction() refuses its two internal
   * realtime signals, and its posix_spawn (how the host starts us) leaves
   * them ignored, which every child would inherit through exec. */
  struct kernel_sigaction dfl = {0};
  for (int sig = 1; sig <= 64; sig++) {
    if (sig == SIGKILL || sig == SIGSTOP) continue;
    syscall(SYS_rt_sigaction, sig, &dfl, NULL, sizeof dfl.mask);
  }
}

int nr__signal_is_realtime(int sig) { return sig >= SIGRTMIN && sig <= SIGRTMAX; }

/* Raw system calls: libc's wrappers would signal every thread of the
 * process, whose memory a vfork child still shares. */
int nr__set_ids(uint32_t uid, uint32_t gid, uint32_t ngroups, const gid_t *groups) {
  if (syscall(SYS_setgroups, (size_t)ngroups, groups) < 0) return -1;
  if (syscall(SYS_setresgid, gid, gid, gid) < 0) return -1;
  return (int)syscall(SYS_setresuid, uid, uid, uid);
}

int nr__no_new_privs(void) { return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0); }

/* The bounding set needs CAP_SETPCAP to shrink: without it (a non-root
 * host) nothing is left to bound, as permitted is emptied below and
 * no_new_privs keeps exec from adding to it. */
int nr__drop_capabilities(void) {
  for (int cap = 0; prctl(PR_CAPBSET_READ, cap, 0, 0, 0) >= 0; cap++)
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EPERM) return -1;
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 &&
      errno != EINVAL)
    return -1;
  struct __user_cap_header_struct head = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct none[_LINUX_CAPABILITY_U32S_3] = {{0}};
  return (int)syscall(SYS_capset, &head, none);
}

int nr__die_with_parent(void) { return prctl(PR_SET_PDEATHSIG, SIGKILL); }

int nr__become_subreaper(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1); }

int nr__child_events_open(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

void nr__child_events_drain(int fd) {
  struct signalfd_siginfo info;
  while (read(fd, &info, sizeof info) == (ssize_t)sizeof info) {
  }
}

int nr__kill_direct_children(void) {
  char path[64], buf[4096];
  snprintf(path, sizeof path, "/proc/self/task/%d/children", (int)getpid());
  FILE *f = fopen(path, "re");
  int found = 0;
  if (!f) return 0;
  while (fgets(buf, sizeof buf, f)) {
    char *p = buf, *end;
    for (long pid; (pid = strtol(p, &end, 10)) > 0; p = end) {
      kill((pid_t)pid, SIGKILL);
      found++;
    }
  }
  fclose(f);
  return found;
}
#endif
