/* stdio_ext.c — where a child's stdin, stdout and stderr go. */
#include "stdio_ext.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include "channels.h"

#define EXT_LEN 4

int nr__stdio_plan_make(const nr__spawn_req *req, int nfds,
                        nr__stdio_plan *plan) {
  const nr__ext *ext = &req->ext[NR_EXT_STDIO];
  plan->nfds = 0;
  if (!ext->data) {
    static const uint8_t legacy[3] = {NR_STDIO_PIPE, NR_STDIO_STDOUT,
                                      NR_STDIO_NULL};
    plan->mode[0] = plan->mode[1] = NR_STDIO_PIPE;
    plan->mode[2] = legacy[req->stderr_mode]; /* checked by the decoder */
    return nfds == 0 ? 0 : -EINVAL;
  }
  if (ext->len != EXT_LEN || ext->data[3] != 0) return -EINVAL;
  /* The extension replaces stderr_mode, and a PTY is all three streams. */
  if (req->stderr_mode != NR_STDERR_CONSUME || (req->flags & NR_SPAWN_PTY))
    return -EINVAL;
  for (int i = 0; i < 3; i++) {
    uint8_t m = ext->data[i];
    if (m > NR_STDIO_STDOUT || (m == NR_STDIO_STDOUT && i != 2))
      return -EINVAL;
    if (m == NR_STDIO_FD) plan->nfds++;
    plan->mode[i] = m;
  }
  return nfds == plan->nfds ? 0 : -EINVAL;
}

int nr__stdio_plan_all_pipes(const nr__stdio_plan *plan) {
  return plan->mode[0] == NR_STDIO_PIPE && plan->mode[1] == NR_STDIO_PIPE &&
         plan->mode[2] == NR_STDIO_PIPE;
}

int nr__stdio_open(const nr__stdio_plan *plan, int *given, int host[3],
                   int child[3]) {
  static const int shut[3] = {SHUT_RD, SHUT_WR, SHUT_WR};
  int next = 0, null_fd = -1, rc;
  for (int i = 0; i < 3; i++) {
    host[i] = child[i] = -1;
  }
  for (int i = 0; i < 3; i++) {
    switch (plan->mode[i]) {
      case NR_STDIO_PIPE:
        if ((rc = nr__channel(&host[i], &child[i], shut[i])) < 0) return rc;
        break;
      case NR_STDIO_NULL:
        /* One /dev/null, read-write, for every stream that asks. */
        if (null_fd < 0 && (null_fd = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0)
          return -errno;
        child[i] = null_fd;
        break;
      case NR_STDIO_FD:
        child[i] = given[next];
        given[next++] = -1;
        break;
      case NR_STDIO_STDOUT:
        child[i] = child[1];
        break;
    }
  }
  return 0;
}

int nr__stdio_foreground_tty(const int child[3], pid_t *fg, int *child_fd) {
  pid_t host_group = getpgid(getppid());
  for (int i = 0; i < 3; i++) {
    if (child[i] < 0 || !isatty(child[i])) continue;
    /* -1 (ENOTTY) unless it is the controlling terminal of our session. */
    pid_t front = tcgetpgrp(child[i]);
    if (front < 0 || front != host_group) continue;
    int keep = fcntl(child[i], F_DUPFD_CLOEXEC, 3);
    if (keep < 0) return -1;
    *fg = front;
    *child_fd = child[i];
    return keep;
  }
  return -1;
}

void nr__stdio_foreground_restore(int tty, pid_t from, pid_t to) {
  /* From a background group tcsetpgrp raises SIGTTOU, which would stop
   * the shepherd: block it for the call. */
  sigset_t ttou, old;
  sigemptyset(&ttou);
  sigaddset(&ttou, SIGTTOU);
  sigprocmask(SIG_BLOCK, &ttou, &old);
  if (tcgetpgrp(tty) == from) tcsetpgrp(tty, to);
  sigprocmask(SIG_SETMASK, &old, NULL);
  close(tty);
}
