/* launch.c — channels, vfork and exec: the shepherd's side of a spawn. */
#include "launch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "argv0.h"
#include "cgroup.h"
#include "channels.h"
#include "child.h"
#include "pipeline.h"
#include "pty.h"
#include "request.h"
#include "resolve.h"
#include "sandbox.h"
#include "stdio_ext.h"

extern char **environ;

/* How long a spawn waits for its cgroup path to be freed by a dying job. */
#define REUSE_WAIT_MS 200

/* Everything a spawn holds until it succeeds or unwinds. */
typedef struct spawn_ctx {
  nr__spawn_req req;
  nr__stdio_plan stdio;
  nr__frame_fds *given; /* fds from the host, not yet the child's */
  char **overlay_env; /* NR_ENV_OVERLAY: the merged list (strings borrowed) */
  int child_fd[3];    /* the child's ends of stdin, stdout, stderr */
  int pty_slave;
  int fg_tty;      /* the child's end that is the host's foreground terminal */
  int tty_keep;    /* our duplicate of it, for the kid entry; -1 none */
  pid_t tty_fg;
  int status_pipe[2];
  nr__cgroup *cgroup;
  nr__sandbox *sandbox; /* NULL = none */
  nr__pipeline members;
  char *argv0; /* the ARGV0 extension, or NULL */
} spawn_ctx;

static void close_fd(int *fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

void nr__host_fds_close(nr__host_fds *fds) {
  for (int i = 0; i < 4; i++) close_fd(&fds->fd[i]);
}

/* The shepherd's environment with each entry of `env` set over it. */
static char **merge_env(char *const *env) {
  size_t n = 0, m = 0;
  while (environ[n]) n++;
  while (env[m]) m++;
  char **out = malloc((n + m + 1) * sizeof *out);
  if (!out) return NULL;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const char *eq = strchr(environ[i], '=');
    size_t klen = eq ? (size_t)(eq - environ[i]) + 1 : strlen(environ[i]);
    int overridden = 0;
    for (size_t j = 0; j < m && !overridden; j++)
      overridden = strncmp(env[j], environ[i], klen) == 0;
    if (!overridden) out[k++] = environ[i];
  }
  for (size_t j = 0; j < m; j++) out[k++] = env[j];
  out[k] = NULL;
  return out;
}

static int open_channels(spawn_ctx *c, nr__host_fds *out) {
  int rc = 0;
  if (c->req.flags & NR_SPAWN_PTY) {
    rc = nr__pty_open(c->req.rows, c->req.cols, &out->fd[1], &c->pty_slave);
    if (rc < 0) return rc;
    for (int i = 0; i < 3; i++) c->child_fd[i] = c->pty_slave;
  } else if (nr__stdio_plan_all_pipes(&c->stdio)) {
    /* The usual case, likely made ahead while the shepherd was idle. */
    nr__stdio_set set;
    if ((rc = nr__stdio_set_take(&set)) < 0) return rc;
    for (int i = 0; i < 3; i++) {
      out->fd[i] = set.host[i];
      c->child_fd[i] = set.child[i];
    }
    c->status_pipe[0] = out->fd[3] = set.status[0];
    c->status_pipe[1] = set.status[1];
    return 0;
  } else {
    rc = nr__stdio_open(&c->stdio, c->given->fd, out->fd, c->child_fd);
    if (rc < 0) return rc;
    c->tty_keep = nr__stdio_foreground_tty(c->child_fd, &c->tty_fg, &c->fg_tty);
  }
  if (pipe2(c->status_pipe, O_CLOEXEC) < 0) return -errno;
  out->fd[3] = c->status_pipe[0];
  return 0;
}

static void release(spawn_ctx *c) {
  /* The child ends: stdout's end doubles as stderr's under redirect, and a
   * PTY slave fills all three. Close each distinct fd once. */
  for (int i = 0; i < 3; i++) {
    int fd = c->child_fd[i];
    if (fd < 0) continue;
    for (int j = i; j < 3; j++)
      if (c->child_fd[j] == fd) c->child_fd[j] = -1;
    close(fd);
  }
  c->pty_slave = -1;
  if (c->sandbox) {
    /* Its private directory is still ours only if the spawn failed. */
    nr__sandbox_release(c->sandbox, 1);
    free(c->sandbox);
    c->sandbox = NULL;
  }
  /* A given fd not handed to the child (an earlier failure): ours to close.
   * Those handed over were set to -1 and closed above. */
  for (int i = 0; i < c->given->n; i++)
    if (c->given->fd[i] >= 0) close(c->given->fd[i]);
  c->given->n = 0;
  nr__pipeline_free(&c->members);
  free(c->overlay_env);
  free(c->argv0);
  nr__spawn_req_free(&c->req);
}

static void fail(nr_reply *reply, int stage, int rc) {
  reply->result = rc;
  reply->stage = (uint32_t)stage;
}

/* A pipeline member's failure: its index rides in bits 8..15 of stage. */
static void fail_member(nr_reply *reply, int stage, int rc, size_t member) {
  fail(reply, stage | (int)(member << 8), rc);
}

int nr__launch(const nr__child_plan *how, pid_t *pid, int *stage) {
  /* Until the child says otherwise it died before reaching execve. */
  nr__child_error report = {NR_STAGE_SETUP, ECHILD};
  nr__child_plan plan = *how;
  plan.error = &report;
  /* vfork: the child borrows our memory until it execs or _exits, which
   * saves copying page tables (about a quarter of a spawn here). It is safe
   * because nr__child_exec only makes system calls on what `plan` points at,
   * never returns, and we install no signal handlers (SIGCHLD comes through
   * a signalfd; dispositions are per process, so its resets are its own). */
  pid_t child = vfork();
  if (child < 0) {
    *stage = NR_STAGE_RESOURCE;
    return -errno;
  }
  if (child == 0) nr__child_exec(&plan);
  /* vfork returned: the child has exec'd or exited, and its report is in. */
  const volatile nr__child_error *seen = &report;
  if (seen->stage != NR_STAGE_NONE) {
    *stage = seen->stage;
    int err = seen->err;
    /* The child has _exited; reap it here so the SIGCHLD loop never sees
     * an unknown pid with an exit record nobody asked for. */
    while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {
    }
    *pid = child; /* reaped: only for giving back a terminal it took */
    return -err;
  }
  *pid = child;
  return 0;
}

void nr__spawn(const uint8_t *body, uint32_t len, nr__frame_fds *given,
               nr__kids *kids, nr_reply *reply, nr__host_fds *out) {
  spawn_ctx c = {.child_fd = {-1, -1, -1}, .pty_slave = -1,
                 .fg_tty = -1, .tty_keep = -1,
                 .status_pipe = {-1, -1}, .given = given};
  char path[PATH_MAX];
  char *const *envp;
  pid_t pid = -1;
  int rc;
  memset(reply, 0, sizeof *reply);
  for (int i = 0; i < 4; i++) out->fd[i] = -1;

  if ((rc = nr__spawn_req_decode(body, len, &c.req)) < 0) {
    fail(reply, NR_STAGE_REQUEST, rc);
    goto unwind;
  }
  /* Fds cut short by our own fd limit: the request cannot be carried out. */
  if (given->cut) {
    fail(reply, NR_STAGE_RESOURCE, -EMFILE);
    goto unwind;
  }
  if ((rc = nr__stdio_plan_make(&c.req, given->n, &c.stdio)) < 0) {
    fail(reply, NR_STAGE_REQUEST, rc);
    goto unwind;
  }
  if (c.req.cgroup && nr__cgroup_path_valid(c.req.cgroup, c.req.cgroup_len)) {
    fail(reply, NR_STAGE_REQUEST, -EINVAL);
    goto unwind;
  }
  if ((rc = nr__pipeline_decode(&c.req, &c.members)) < 0) {
    fail(reply, NR_STAGE_REQUEST, rc);
    goto unwind;
  }
  if ((rc = nr__argv0_take(&c.req, &c.argv0)) < 0) {
    fail(reply, rc == -ENOMEM ? NR_STAGE_RESOURCE : NR_STAGE_REQUEST, rc);
    goto unwind;
  }
  envp = c.req.env_mode == NR_ENV_REPLACE ? c.req.env : environ;
  if (c.req.env_mode == NR_ENV_OVERLAY) {
    if (!(c.overlay_env = merge_env(c.req.env))) {
      fail(reply, NR_STAGE_RESOURCE, -ENOMEM);
      goto unwind;
    }
    envp = c.overlay_env;
  }
  rc = nr__resolve_program(c.req.argv[0],
                           c.req.env_mode == NR_ENV_INHERIT ? NULL : envp,
                           path, sizeof path);
  if (rc < 0) {
    fail(reply, NR_STAGE_RESOLVE, rc);
    goto unwind;
  }
  size_t member = 0;
  rc = nr__pipeline_resolve(&c.members,
                            c.req.env_mode == NR_ENV_INHERIT ? NULL : envp,
                            &member);
  if (rc < 0) {
    fail_member(reply, NR_STAGE_RESOLVE, rc, member);
    goto unwind;
  }
  if (c.argv0) c.req.argv[0] = c.argv0; /* resolved: now the shown name */
  if ((rc = open_channels(&c, out)) < 0) {
    fail(reply, NR_STAGE_RESOURCE, rc);
    goto unwind;
  }
  if (c.req.cgroup) {
    nr__cgroup_spec spec = {c.req.cgroup, c.req.cgroup_len, c.req.memory_max,
                            c.req.pids_max, c.req.cpu_quota_us,
                            c.req.cpu_period_us};
    rc = nr__cgroup_create(&spec, &c.cgroup);
    /* The same path used by a job that just ended may still be on its way
     * out (removed from the poll loop): finish that first, briefly. */
    if (rc == -EEXIST && nr__dying_finish(&kids->dying, c.req.cgroup,
                                          c.req.cgroup_len, REUSE_WAIT_MS))
      rc = nr__cgroup_create(&spec, &c.cgroup);
    /* Nested in (or around) another job's cgroup, it would be killed when
     * that job ends, or kill it: refused. */
    if (rc == 0 && nr__kids_cgroup_nested(kids, c.cgroup)) rc = -EBUSY;
    if (rc < 0) {
      fail(reply, NR_STAGE_CGROUP, rc);
      goto unwind;
    }
  }

  if (c.req.ext[NR_EXT_SANDBOX].data) {
    int sb_stage;
    if (!(c.sandbox = malloc(sizeof *c.sandbox))) {
      fail(reply, NR_STAGE_RESOURCE, -ENOMEM);
      goto unwind;
    }
    if ((rc = nr__sandbox_prepare(&c.req.ext[NR_EXT_SANDBOX], c.sandbox,
                                  &sb_stage)) < 0) {
      free(c.sandbox);
      c.sandbox = NULL;
      fail(reply, sb_stage, rc);
      goto unwind;
    }
  }

  nr__child_plan plan = {
      .path = path, .argv = c.req.argv, .envp = envp, .cwd = c.req.cwd,
      .stdio = {c.child_fd[0], c.child_fd[1], c.child_fd[2]},
      .pty_slave = c.pty_slave, .fg_tty = c.fg_tty, .shepherd = getpid(),
      .cgroup = c.cgroup, .sandbox = c.sandbox};
  int stage = NR_STAGE_NONE;
  if (c.members.count > 1) {
    rc = nr__pipeline_launch(&c.members, &plan, &stage, &member);
    pid = c.members.pid[0];
  } else {
    rc = nr__launch(&plan, &pid, &stage);
  }
  if (c.cgroup) nr__cgroup_close_join_fds(c.cgroup);
  if (rc < 0) {
    fail_member(reply, stage, rc, member);
    goto unwind;
  }
  nr__kid kid = {.pid = pid, .status_fd = c.status_pipe[1],
                 .kill_timeout_ms = c.req.kill_timeout_ms, .cgroup = c.cgroup,
                 .tty_fd = c.tty_keep > 0 ? c.tty_keep : 0, .tty_fg = c.tty_fg};
  if (c.members.count > 1) {
    rc = nr__pipeline_adopt(&c.members, kids, &kid);
    if (rc < 0) nr__pipeline_kill(&c.members, c.members.count);
  } else if ((rc = nr__kids_add(kids, &kid)) < 0) {
    kill(-pid, SIGKILL);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
    }
  }
  if (rc < 0) {
    fail(reply, NR_STAGE_RESOURCE, rc);
    goto unwind;
  }
  c.status_pipe[1] = -1;
  c.cgroup = NULL;
  if (c.sandbox && c.sandbox->private_tmp) {
    /* The leader's entry owns it now: removed when the group is gone. */
    nr__kids_find(kids, pid)->private_tmp = c.sandbox->private_tmp;
    c.sandbox->private_tmp = NULL;
  }
  c.tty_keep = -1;
  reply->pid = pid;
  for (int i = 0; i < 4; i++)
    if (out->fd[i] >= 0) reply->fd_mask |= 1u << i;
  release(&c);
  return;

unwind:
  /* The child took the terminal's foreground, then failed: give it back. */
  if (c.tty_keep >= 0) nr__stdio_foreground_restore(c.tty_keep, pid, c.tty_fg);
  nr__host_fds_close(out);
  close_fd(&c.status_pipe[1]);
  if (c.cgroup) nr__cgroup_destroy(c.cgroup, 1000);
  release(&c);
}
