/* signals.c — signal numbers accepted at the C boundary; child reset. */
#include "signals.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "netrunner.h"

/* 1..31, and the real-time signals the C library leaves to programs
 * (SIGRTMIN..SIGRTMAX; glibc keeps 32 and 33 for itself). */
int nr_signal_valid(int32_t sig) {
  if (sig >= 1 && sig <= 31) return 0;
  return sig >= SIGRTMIN && sig <= SIGRTMAX ? 0 : -EINVAL;
}

/* The kernel's struct sigaction (x86-64 and arm64 layout; no restorer is
 * needed for SIG_DFL). */
struct kernel_sigaction {
  void (*handler)(int);
  unsigned long flags;
  void (*restorer)(void);
  unsigned long mask;
};

void nr__signals_reset_shepherd(void) {
  /* Straight to the kernel: glibc's sigaction() refuses its two internal
   * realtime signals, and its posix_spawn (how the host starts us) leaves
   * them ignored, which every child would inherit through exec. */
  struct kernel_sigaction dfl = {0};
  for (int sig = 1; sig <= 64; sig++) {
    if (sig == SIGKILL || sig == SIGSTOP) continue;
    syscall(SYS_rt_sigaction, sig, &dfl, NULL, sizeof dfl.mask);
  }
  signal(SIGPIPE, SIG_IGN); /* a dead host must not kill us mid-write */
}

void nr__signals_reset_child(void) {
  struct sigaction dfl = {.sa_handler = SIG_DFL};
  sigset_t none;
  sigaction(SIGPIPE, &dfl, NULL);
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
}
