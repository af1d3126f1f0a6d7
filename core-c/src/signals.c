/* signals.c — signal numbers accepted at the C boundary; child reset. */
#include "signals.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>

#include "netrunner.h"

int nr_signal_valid(int32_t sig) { return sig >= 1 && sig <= 31 ? 0 : -EINVAL; }

void nr__signals_reset_child(void) {
  struct sigaction dfl = {.sa_handler = SIG_DFL};
  sigset_t none;
  for (int sig = 1; sig < NSIG; sig++) {
    if (sig == SIGKILL || sig == SIGSTOP) continue;
    sigaction(sig, &dfl, NULL); /* EINVAL for reserved RT signals is fine */
  }
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
}
