/* launch.h — the shepherd's side of NR_OP_SPAWN. */
#ifndef NR_LAUNCH_H
#define NR_LAUNCH_H

#include <stdint.h>

#include "child.h"
#include "inbox.h"
#include "kids.h"
#include "netrunner.h"

/* The fds a spawn hands to the host, in wire order; -1 when absent. */
typedef struct nr__host_fds {
  int fd[4]; /* stdin, stdout (or PTY master), stderr, status */
} nr__host_fds;

/* Decode a spawn request, take the child's channels, vfork and exec it; when
 * vfork returns the child has exec'd or reported why not. `given` are the
 * fds that rode on the request (see stdio_ext.h); every one is closed by
 * the time this returns, so none reaches a later child. On success the child
 * is in `kids`, reply->result is 0 and `out` holds the host's ends (the
 * caller sends them, then closes them). On failure reply->result and
 * reply->stage say why, and nothing is left open or running. */
void nr__spawn(const uint8_t *body, uint32_t len, nr__frame_fds *given,
               nr__kids *kids, nr_reply *reply, nr__host_fds *out);

/* vfork and exec one child as `plan` says (its `error` is set here): 0 and
 * *pid once it has exec'd, or -errno and *stage where it failed (the child
 * is reaped then, and *pid names it if it was forked). */
int nr__launch(const nr__child_plan *plan, pid_t *pid, int *stage);

/* Close every fd in `fds` that is open. */
void nr__host_fds_close(nr__host_fds *fds);

#endif
