/* child.c — the post-vfork, pre-exec path. Only async-signal-safe calls
 * from here on: no malloc, no stdio, no locks, and nothing written to the
 * parent's memory but the error report (vfork shares it). */
#include "child.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <termios.h>
#include <unistd.h>

#include "cgroup.h"
#include "netrunner.h"
#include "pty.h"
#include "sandbox.h"
#include "signals.h"

static void report(const nr__child_plan *p, int stage, int err) {
  volatile nr__child_error *e = p->error;
  e->stage = stage;
  e->err = err;
}

static void fail(const nr__child_plan *p, int stage, int err) {
  report(p, stage, err);
  _exit(127);
}

/* Die with the shepherd. The parent may already be gone by then: then
 * getppid() no longer names it. */
static void die_with_shepherd(const nr__child_plan *p) {
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0) fail(p, NR_STAGE_SETUP, errno);
  if (getppid() != p->shepherd) _exit(127);
}

/* dup2 each source onto 0..2. A source that itself sits at 0..2 could be
 * clobbered by an earlier dup2, so then all three are first moved above 2.
 * The shepherd keeps 0..2 on /dev/null, so its channels never sit there and
 * the usual path is three calls. */
static void install_stdio(const nr__child_plan *p) {
  int src[3] = {p->stdio[0], p->stdio[1], p->stdio[2]};
  if (src[0] <= 2 || src[1] <= 2 || src[2] <= 2) {
    for (int i = 0; i < 3; i++) {
      src[i] = fcntl(p->stdio[i], F_DUPFD_CLOEXEC, 3);
      if (src[i] < 0) fail(p, NR_STAGE_SETUP, errno);
    }
  }
  for (int i = 0; i < 3; i++)
    if (dup2(src[i], i) < 0) fail(p, NR_STAGE_SETUP, errno);
  /* dup2 leaves 0..2 without CLOEXEC; the sources close at exec. */
}

/* Become the foreground group of the host's terminal (it was the host's),
 * so reading it does not stop us. A background group asking raises
 * SIGTTOU: blocked for the call. Best effort: without it the child still
 * runs, as any background job. */
static void take_foreground(int tty) {
  sigset_t ttou, old;
  sigemptyset(&ttou);
  sigaddset(&ttou, SIGTTOU);
  sigprocmask(SIG_BLOCK, &ttou, &old);
  tcsetpgrp(tty, getpid());
  sigprocmask(SIG_SETMASK, &old, NULL);
}

void nr__child_exec(const nr__child_plan *p) {
  /* 1. Signals back to defaults; the shepherd blocks SIGCHLD for signalfd. */
  nr__signals_reset_child();

  /* 2. Into the cgroup before anything can fork: no grandchild escapes. */
  if (p->cgroup) {
    int rc = nr__cgroup_join_self(p->cgroup);
    if (rc < 0) fail(p, NR_STAGE_CGROUP, -rc);
  }

  /* 3. Our own process group (or session, for a PTY), or the group of the
   * first member of our pipeline: signals to the group reach every
   * descendant that does not leave it. */
  if (p->pty_slave >= 0) {
    int rc = nr__pty_make_controlling(p->pty_slave);
    if (rc < 0) fail(p, NR_STAGE_SETUP, -rc);
  } else if (setpgid(0, p->pgid) < 0) {
    fail(p, NR_STAGE_SETUP, errno);
  }
  if (p->fg_tty >= 0) take_foreground(p->fg_tty);

  /* 4. Die with the shepherd. */
  die_with_shepherd(p);

  install_stdio(p);

  if (p->cwd && chdir(p->cwd) < 0) fail(p, NR_STAGE_CWD, errno);

  /* 5. The sandbox, last: limits, ids, no_new_privs, Landlock, seccomp.
   * A uid change clears the parent-death signal, so it is set again. */
  if (p->sandbox) {
    int rc = nr__sandbox_apply(p->sandbox);
    if (rc < 0) fail(p, NR_STAGE_SANDBOX, -rc);
    die_with_shepherd(p);
  }

  /* A successful execve never returns: report success first. */
  report(p, NR_STAGE_NONE, 0);
  execve(p->path, p->argv, p->envp);
  fail(p, NR_STAGE_EXEC, errno);
  _exit(127); /* not reached */
}
