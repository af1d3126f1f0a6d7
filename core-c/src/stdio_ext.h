/* stdio_ext.h — where a child's stdin, stdout and stderr go: the stdio
 * extension (NR_EXT_STDIO) of a spawn request, and the fds that carry it
 * out.
 *
 * Extension bytes (4): u8 mode[3] (stdin, stdout, stderr), u8 0.
 *   NR_STDIO_PIPE    a channel, the host's end handed back in the reply
 *   NR_STDIO_NULL    /dev/null
 *   NR_STDIO_FD      the next fd that rode on the SPAWN frame (SCM_RIGHTS),
 *                    taken in stream order: stdin's, stdout's, stderr's
 *   NR_STDIO_STDOUT  stderr only: wherever stdout goes (2>&1)
 * With the extension, the base stderr_mode must be NR_STDERR_CONSUME and
 * the PTY flag unset. Without it, the base stderr_mode alone decides
 * (consume = pipe, redirect = stdout, disabled = null). */
#ifndef NR_STDIO_EXT_H
#define NR_STDIO_EXT_H

#include <stdint.h>
#include <sys/types.h>

#include "request.h"

/* Where each of the three streams goes. */
typedef struct nr__stdio_plan {
  uint8_t mode[3]; /* NR_STDIO_* */
  int nfds;        /* how many NR_STDIO_FD entries: fds the request needs */
} nr__stdio_plan;

/* The plan of a decoded request, checked against the `nfds` fds that rode
 * on its frame. -EINVAL for a malformed extension, a mode a stream cannot
 * have, or fds that do not match the NR_STDIO_FD entries in number. */
int nr__stdio_plan_make(const nr__spawn_req *req, int nfds,
                        nr__stdio_plan *plan);

/* True when all three streams are channels to the host. */
int nr__stdio_plan_all_pipes(const nr__stdio_plan *plan);

/* Make the child's ends (`child`, 0..2) and the host's ends (`host`, -1
 * where not piped) as `plan` says. Each NR_STDIO_FD entry takes the next
 * fd of `given` into `child` and sets its slot to -1. On failure returns
 * -errno and leaves in `host`, `child` and `given` what the caller must
 * close (`child` may hold one fd twice, for stdout and stderr). */
int nr__stdio_open(const nr__stdio_plan *plan, int *given, int host[3],
                   int child[3]);

/* The host's terminal, when one of the child's ends (`child`, 0..2) is it
 * and the host's process group is its foreground: the child, in a process
 * group of its own, would otherwise be stopped (SIGTTIN) when it reads
 * from it. Returns a close-on-exec duplicate for the shepherd to keep, the
 * foreground group in *fg and, in *child_fd, the child's end to take the
 * foreground through; -1 when there is no such terminal. */
int nr__stdio_foreground_tty(const int child[3], pid_t *fg, int *child_fd);

/* The child's group `from` is done with `tty`: give its foreground back to
 * group `to`, unless someone else has taken it since. Closes `tty`. */
void nr__stdio_foreground_restore(int tty, pid_t from, pid_t to);

#endif
