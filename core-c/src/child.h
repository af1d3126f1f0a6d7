/* child.h — the child side of a spawn: everything between fork and exec. */
#ifndef NR_CHILD_H
#define NR_CHILD_H

#include <stdint.h>
#include <sys/types.h>

struct nr__cgroup;
struct nr__sandbox;

/* What the forked child must do; prepared by the parent before fork so the
 * child only makes async-signal-safe system calls. */
typedef struct nr__child_plan {
  const char *path;        /* resolved program */
  char *const *argv;
  char *const *envp;
  const char *cwd;         /* NULL = inherit */
  int stdio[3];            /* fds to become 0, 1, 2 */
  int pty_slave;           /* >= 0: new session, this is the controlling tty */
  int fg_tty;              /* >= 0: take this terminal's foreground (see stdio_ext.h) */
  pid_t pgid;              /* 0: a process group of its own; else join it */
  /* Where the child reports a failure. vfork shares our memory until the
   * exec, so this points into the parent's stack; see nr__child_exec. */
  struct nr__child_error *volatile error;
  pid_t shepherd;          /* our parent; checked after PR_SET_PDEATHSIG */
  const struct nr__cgroup *cgroup; /* NULL = none */
  const struct nr__sandbox *sandbox; /* NULL = none; applied last */
} nr__child_plan;

/* The child's report: stage NR_STAGE_NONE once it is about to exec. */
typedef struct nr__child_error {
  int32_t stage; /* NR_STAGE_* */
  int32_t err;   /* errno */
} nr__child_error;

/* Run in the child right after vfork: never returns. The parent sets
 * *plan->error to {NR_STAGE_SETUP, ECHILD} before the vfork: a child that
 * dies before reaching execve leaves that. Just before execve it becomes
 * {NR_STAGE_NONE, 0}; any failure writes its stage and errno and _exits
 * with 127. The parent reads it once vfork returns (the child has exec'd or
 * exited by then). */
void nr__child_exec(const nr__child_plan *plan) __attribute__((noreturn));

#endif
