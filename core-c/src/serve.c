/* serve.c — dispatch of SPAWN, SIGNAL, KILL_ALL and RECLAIM_CGROUP. Each
 * request is answered before any slow work: a signal is sent after its
 * reply (killing a large group takes a while), a cgroup is removed from the
 * poll loop. */
#include "serve.h"

#include <errno.h>
#include <string.h>

#include "cgroup.h"
#include "launch.h"
#include "netrunner.h"

/* What is left to do once the reply is sent. */
typedef struct after_reply {
  int sig;   /* 0: nothing */
  pid_t pid; /* the entry to signal; 0: every entry */
} after_reply;

static int serve_spawn(int ctl, const uint8_t *body, uint32_t len,
                       nr__frame_fds *given, nr__kids *kids) {
  nr_reply reply;
  nr__host_fds fds;
  int send[4], n = 0;
  nr__spawn(body, len, given, kids, &reply, &fds);
  for (int i = 0; i < 4; i++)
    if (fds.fd[i] >= 0) send[n++] = fds.fd[i];
  int rc = nr__frame_send(ctl, NR_OP_REPLY, &reply, sizeof reply, send, n);
  /* The host has its copies now (or is gone): ours are not needed. If the
   * host is gone the child is torn down with the rest. */
  nr__host_fds_close(&fds);
  return rc;
}

static int serve_signal(const uint8_t *body, uint32_t len, nr__kids *kids,
                        after_reply *after) {
  int32_t arg[2];
  if (len != sizeof arg) return -EPROTO;
  memcpy(arg, body, sizeof arg);
  if (nr_signal_valid(arg[1]) < 0) return -EINVAL;
  nr__kid *kid = arg[0] > 0 ? nr__kids_find(kids, arg[0]) : NULL;
  if (kid && !nr__kid_group_alive(kid)) {
    nr__kids_remove(kids, kid); /* a lingering group that just emptied */
    kid = NULL;
  }
  if (!kid) return -ESRCH;
  after->pid = kid->pid;
  after->sig = arg[1];
  return 0;
}

static int serve_kill_all(const uint8_t *body, uint32_t len,
                          after_reply *after) {
  int32_t sig;
  if (len != sizeof sig) return -EPROTO;
  memcpy(&sig, body, sizeof sig);
  if (nr_signal_valid(sig) < 0) return -EINVAL;
  after->pid = 0;
  after->sig = sig;
  return 0;
}

/* Kill and remove a cgroup left by a shepherd that died: resolved as a
 * spawn with that path would create it. Replied once the kill is issued. */
static int serve_reclaim(const uint8_t *body, uint32_t len, nr__kids *kids) {
  nr__cgroup *cg;
  int rc = nr__cgroup_open_existing((const char *)body, len, &cg);
  if (rc < 0) return rc;
  for (size_t i = 0; i < kids->len; i++) {
    const nr__cgroup *mine = kids->items[i].cgroup;
    if (mine && (nr__cgroup_same(mine, cg) || nr__cgroup_nested(mine, cg))) {
      nr__cgroup_free(cg);
      return -EBUSY; /* a live child of ours runs in it, or below it */
    }
  }
  if (nr__dying_holds(&kids->dying, cg)) {
    nr__cgroup_free(cg); /* already on its way out */
    return 0;
  }
  nr__dying_add(&kids->dying, cg);
  return 0;
}

static void run_after(const after_reply *after, nr__kids *kids) {
  if (after->sig == 0) return;
  if (after->pid == 0) {
    nr__kids_signal_all(kids, after->sig);
    return;
  }
  nr__kid *kid = nr__kids_find(kids, after->pid);
  if (kid) nr__kid_signal(kid, after->sig);
}

int nr__serve_frame(int ctl, const nr__frame_hdr *hdr, const uint8_t *body,
                    nr__frame_fds *fds, nr__kids *kids) {
  nr_reply reply = {0};
  after_reply after = {0, 0};
  if (hdr->op == NR_OP_SPAWN) return serve_spawn(ctl, body, hdr->len, fds, kids);
  nr__frame_fds_close(fds); /* only a SPAWN takes fds */
  switch (hdr->op) {
    case NR_OP_SIGNAL:
      reply.result = serve_signal(body, hdr->len, kids, &after);
      break;
    case NR_OP_KILL_ALL:
      reply.result = serve_kill_all(body, hdr->len, &after);
      break;
    case NR_OP_RECLAIM_CGROUP:
      reply.result = serve_reclaim(body, hdr->len, kids);
      break;
    default:
      reply.result = -EPROTO;
      break;
  }
  int rc = nr__frame_send(ctl, NR_OP_REPLY, &reply, sizeof reply, NULL, 0);
  run_after(&after, kids);
  return rc;
}
