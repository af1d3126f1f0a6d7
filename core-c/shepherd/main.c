/*
 * netrunner-shepherd — watches over every child of one host.
 *
 * Started by nr_host_open() with the control socket on fd 3. Lifecycle:
 *   1. set up: become a child subreaper, every signal at its default but
 *      SIGPIPE (ignored), SIGCHLD through a signalfd, raise the fd limit,
 *      say HELLO;
 *   2. serve: poll the control socket and the signalfd; run requests, reap
 *      children and write their exit records; between those, remove the
 *      cgroups of reaped children and drop lingering groups that emptied;
 *   3. the host is gone (hangup or EOF on the control socket): SIGTERM every
 *      group, SIGKILL after each kill timeout, reap every descendant for a
 *      bounded time, exit.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "channels.h"
#include "frame.h"
#include "inbox.h"
#include "kids.h"
#include "netrunner.h"
#include "reap.h"
#include "serve.h"
#include "signals.h"
#include "teardown.h"

#define CTL_FD 3
#define FINAL_WAIT_MS 3000

/* Block SIGCHLD and read it from a signalfd instead of a handler. */
static int setup_signals(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  nr__signals_reset_shepherd();
  if (sigprocmask(SIG_BLOCK, &set, NULL) < 0) return -1;
  return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

/* Every live child holds a status pipe end here: allow as many as we may. */
static void raise_fd_limit(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
  }
}

static int say_hello(int ctl) {
  int32_t hello[2] = {(int32_t)NR_PROTOCOL_VERSION, (int32_t)getpid()};
  return nr__frame_send(ctl, NR_OP_HELLO, hello, sizeof hello, NULL, 0);
}

/* Read what the host sent and serve every whole frame in it, each with the
 * fds that rode on it. Returns 0 to go on, -1 when the host is gone or broke
 * the protocol. */
static int serve_input(int ctl, nr__framebuf *fb, nr__inbox *in,
                       nr__kids *kids) {
  uint8_t chunk[65536];
  ssize_t n = nr__inbox_read(in, ctl, chunk, sizeof chunk);
  if (n < 0) return n == -EINTR || n == -EAGAIN ? 0 : -1;
  if (n == 0 || nr__framebuf_append(fb, chunk, (size_t)n) < 0) return -1;
  /* Several frames may have arrived in one read, and the last may be cut
   * short: serve the whole ones, keep the rest for the next read. */
  for (;;) {
    nr__frame_hdr hdr;
    const uint8_t *body;
    int rc = nr__framebuf_next(fb, &hdr, &body);
    if (rc < 0) return -1;
    if (rc == 0) return 0;
    uint64_t start = in->read - fb->len;
    nr__frame_fds fds;
    nr__inbox_take(in, start, start + sizeof hdr + hdr.len, &fds);
    if (nr__serve_frame(ctl, &hdr, body, &fds, kids) < 0) return -1;
    nr__framebuf_consume(fb);
  }
}

static void drain_signalfd(int sigfd) {
  struct signalfd_siginfo info;
  while (read(sigfd, &info, sizeof info) == (ssize_t)sizeof info) {
  }
}

int main(void) {
  nr__kids kids = {0};
  nr__framebuf fb = {0};
  nr__inbox inbox = {0};

  /* Nothing of the host's but the control socket: whatever fds it leaked
   * to us would otherwise leak on to every child. */
  /* The raw syscall: musl has no close_range() wrapper. */
  syscall(SYS_close_range, CTL_FD + 1, ~0u, 0);
  if (fcntl(CTL_FD, F_SETFD, FD_CLOEXEC) < 0) return 70;
  if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0) return 70;
  int sigfd = setup_signals();
  if (sigfd < 0) return 71;
  raise_fd_limit();
  if (say_hello(CTL_FD) < 0) return 72;

  nr__stdio_set_prepare();
  int64_t next_step = 0;
  for (;;) {
    struct pollfd fds[2] = {{CTL_FD, POLLIN, 0}, {sigfd, POLLIN, 0}};
    /* Background work, between requests and never inside one: retry the
     * removal of dying cgroups, drop lingering groups that emptied. */
    if (kids.dying.len && nr__now_ms() >= next_step) {
      nr__dying_step(&kids.dying);
      next_step = nr__now_ms() + NR__DYING_RETRY_MS;
    }
    size_t lingering = nr__kids_recheck(&kids);
    int timeout = kids.dying.len ? NR__DYING_RETRY_MS
                  : lingering    ? NR__LINGER_RECHECK_MS
                                 : -1;
    if (poll(fds, 2, timeout) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[1].revents & POLLIN) {
      drain_signalfd(sigfd);
      nr__reap_ready(&kids);
      nr__stdio_set_prepare();
    }
    if (fds[0].revents & POLLIN) {
      if (serve_input(CTL_FD, &fb, &inbox, &kids) < 0) break;
    } else if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
      break;
    }
  }

  /* The host is gone. From here on nobody reads what we say: stop every
   * child, reap every descendant, and leave. */
  close(CTL_FD);
  int rc = nr__teardown(&kids, sigfd, FINAL_WAIT_MS);
  nr__kids_free(&kids);
  nr__framebuf_free(&fb);
  nr__inbox_free(&inbox);
  return rc < 0 ? 1 : 0;
}
