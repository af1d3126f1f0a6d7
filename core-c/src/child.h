/* child.h — the child side of a spawn: everything between fork and exec. */
#ifndef NR_CHILD_H
#define NR_CHILD_H

#include <stdint.h>
#include <sys/types.h>

struct nr__cgroup;

/* What the forked child must do; prepared by the parent before fork so the
 * child only makes async-signal-safe system calls. */
typedef struct nr__child_plan {
  const char *path;        /* resolved program */
  char *const *argv;
  char *const *envp;
  const char *cwd;         /* NULL = inherit */
  int stdio[3];            /* fds to become 0, 1, 2 */
  int pty_slave;           /* >= 0: new session, this is the controlling tty */
  int err_fd;              /* write end of the CLOEXEC error pipe */
  pid_t shepherd;          /* our parent; checked after PR_SET_PDEATHSIG */
  const struct nr__cgroup *cgroup; /* NULL = none */
} nr__child_plan;

/* The error report a failing child writes on err_fd before _exit(127). */
typedef struct nr__child_error {
  int32_t stage; /* NR_STAGE_* */
  int32_t err;   /* errno */
} nr__child_error;

/* Run in the child right after fork: never returns. On any failure it
 * writes an nr__child_error on err_fd and _exits with 127. */
void nr__child_exec(const nr__child_plan *plan) __attribute__((noreturn));

#endif
