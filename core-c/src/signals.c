/* signals.c — signal numbers accepted at the C boundary; child reset. */
#include "signals.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <unistd.h>

#include "netrunner.h"
#include "platform.h"

int nr_signal_valid(int32_t sig) { return sig >= 1 && sig <= 31 ? 0 : -EINVAL; }

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
