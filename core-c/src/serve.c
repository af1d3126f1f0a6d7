/* serve.c — dispatch of SPAWN, SIGNAL and KILL_ALL. */
#include "serve.h"

#include <errno.h>
#include <string.h>

#include "netrunner.h"
#include "launch.h"

static int serve_spawn(int ctl, const uint8_t *body, uint32_t len,
                       nr__kids *kids) {
  nr_reply reply;
  nr__host_fds fds;
  int send[4], n = 0;
  nr__spawn(body, len, kids, &reply, &fds);
  for (int i = 0; i < 4; i++)
    if (fds.fd[i] >= 0) send[n++] = fds.fd[i];
  int rc = nr__frame_send(ctl, NR_OP_REPLY, &reply, sizeof reply, send, n);
  /* The host has its copies now (or is gone): ours are not needed. If the
   * host is gone the child is torn down with the rest. */
  nr__host_fds_close(&fds);
  return rc;
}

static int serve_signal(const uint8_t *body, uint32_t len, nr__kids *kids) {
  int32_t arg[2];
  if (len != sizeof arg) return -EPROTO;
  memcpy(arg, body, sizeof arg);
  if (nr_signal_valid(arg[1]) < 0) return -EINVAL;
  nr__kid *kid = nr__kids_find(kids, arg[0]);
  return kid ? nr__kid_signal(kid, arg[1]) : -ESRCH;
}

static int serve_kill_all(const uint8_t *body, uint32_t len, nr__kids *kids) {
  int32_t sig;
  if (len != sizeof sig) return -EPROTO;
  memcpy(&sig, body, sizeof sig);
  if (nr_signal_valid(sig) < 0) return -EINVAL;
  nr__kids_signal_all(kids, sig);
  return 0;
}

int nr__serve_frame(int ctl, const nr__frame_hdr *hdr, const uint8_t *body,
                    nr__kids *kids) {
  nr_reply reply = {0};
  switch (hdr->op) {
    case NR_OP_SPAWN:
      return serve_spawn(ctl, body, hdr->len, kids);
    case NR_OP_SIGNAL:
      reply.result = serve_signal(body, hdr->len, kids);
      break;
    case NR_OP_KILL_ALL:
      reply.result = serve_kill_all(body, hdr->len, kids);
      break;
    default:
      reply.result = -EPROTO;
      break;
  }
  return nr__frame_send(ctl, NR_OP_REPLY, &reply, sizeof reply, NULL, 0);
}
