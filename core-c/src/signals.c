/* signals.c — signal numbers accepted at the C boundary; child reset. */
#include "signals.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <unistd.h>

#include "netrunner.h"
#include "platform.h"

/* 1..31, and the real-time signals the C library leaves to programs
 * (SIGRTMIN..SIGRTMAX; glibc keeps 32 and 33 for itself). */
int nr_signal_valid(int32_t sig) {
  if (sig >= 1 && sig <= 31) return 0;
  return nr__signal_is_realtime(sig) ? 0 : -EINVAL;
}

void nr__signals_reset_shepherd(void) {
  nr__reset_all_signals();
  signal(SIGPIPE, SIG_IGN); /* a dead host must not kill us mid-write */
}

void nr__signals_reset_child(void) {
  struct sigaction dfl = {.sa_handler = SIG_DFL};
  sigset_t none;
  sigaction(SIGPIPE, &dfl, NULL);
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
}
