/* inbox.c — control socket reads, with the fds matched to their frames. */
#include "inbox.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void nr__frame_fds_close(nr__frame_fds *fds) {
  for (int i = 0; i < fds->n; i++) close(fds->fd[i]);
  fds->n = 0;
  fds->cut = 0;
}

ssize_t nr__inbox_read(nr__inbox *in, int sock, void *buf, size_t cap) {
  union {
    char buf[CMSG_SPACE(sizeof(int) * NR__INBOX_FDS)];
    struct cmsghdr align;
  } ctrl;
  struct iovec iov = {buf, cap};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = ctrl.buf,
                       .msg_controllen = sizeof ctrl.buf};
  ssize_t n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
  if (n < 0) return -errno;
  nr__frame_fds got = {.n = 0, .cut = (msg.msg_flags & MSG_CTRUNC) != 0};
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
    int incoming[NR__INBOX_FDS];
    memcpy(incoming, CMSG_DATA(c), sizeof(int) * (size_t)count);
    for (int i = 0; i < count; i++) {
      if (got.n < NR__INBOX_FDS)
        got.fd[got.n++] = incoming[i];
      else
        close(incoming[i]);
    }
  }
  in->read += (uint64_t)n;
  if (got.n == 0 && !got.cut) return n;
  if (n == 0 || in->len == NR__INBOX_BATCHES) {
    nr__frame_fds_close(&got); /* fds with no byte, or too many waiting */
    return n == 0 ? 0 : -EPROTO;
  }
  in->batch[in->len].at = in->read - 1;
  in->batch[in->len].fds = got;
  in->len++;
  return n;
}

void nr__inbox_take(nr__inbox *in, uint64_t start, uint64_t end,
                    nr__frame_fds *out) {
  int keep = 0;
  out->n = 0;
  out->cut = 0;
  for (int i = 0; i < in->len; i++) {
    uint64_t at = in->batch[i].at;
    if (at < start) {
      nr__frame_fds_close(&in->batch[i].fds);
    } else if (at < end && out->n == 0 && !out->cut) {
      *out = in->batch[i].fds;
    } else {
      in->batch[keep++] = in->batch[i];
    }
  }
  in->len = keep;
}

void nr__inbox_free(nr__inbox *in) {
  for (int i = 0; i < in->len; i++) nr__frame_fds_close(&in->batch[i].fds);
  in->len = 0;
}
