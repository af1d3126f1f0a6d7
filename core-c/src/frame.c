/* frame.c — framing, carry-over parsing and SCM_RIGHTS on the control socket. */
#include "frame.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netrunner.h"
#include "platform.h"

#define NR_MAX_FDS 8

int nr__framebuf_append(nr__framebuf *fb, const void *bytes, size_t n) {
  if (fb->consumed) nr__framebuf_consume(fb);
  if (fb->len + n > fb->cap) {
    size_t cap = fb->cap ? fb->cap : 4096;
    while (cap < fb->len + n) cap *= 2;
    uint8_t *grown = realloc(fb->data, cap);
    if (!grown) return -ENOMEM;
    fb->data = grown;
    fb->cap = cap;
  }
  memcpy(fb->data + fb->len, bytes, n);
  fb->len += n;
  return 0;
}

int nr__framebuf_next(nr__framebuf *fb, nr__frame_hdr *hdr,
                      const uint8_t **body) {
  if (fb->consumed) nr__framebuf_consume(fb);
  if (fb->len < sizeof *hdr) return 0;
  memcpy(hdr, fb->data, sizeof *hdr);
  if (hdr->len > NR_MAX_FRAME) return -EPROTO;
  if (fb->len - sizeof *hdr < hdr->len) return 0;
  *body = fb->data + sizeof *hdr;
  fb->consumed = sizeof *hdr + hdr->len;
  return 1;
}

void nr__framebuf_consume(nr__framebuf *fb) {
  if (!fb->consumed) return;
  memmove(fb->data, fb->data + fb->consumed, fb->len - fb->consumed);
  fb->len -= fb->consumed;
  fb->consumed = 0;
}

void nr__framebuf_free(nr__framebuf *fb) {
  free(fb->data);
  memset(fb, 0, sizeof *fb);
}

int nr__frame_send(int sock, uint32_t op, const void *body, uint32_t len,
                   const int *fds, int nfds) {
  nr__frame_hdr hdr = {len, op};
  struct iovec iov[2] = {{&hdr, sizeof hdr}, {(void *)body, len}};
  union {
    char buf[CMSG_SPACE(sizeof(int) * NR_MAX_FDS)];
    struct cmsghdr align;
  } ctrl;
  struct msghdr msg = {.msg_iov = iov, .msg_iovlen = len ? 2 : 1};
  if (nfds < 0 || nfds > NR_MAX_FDS) return -EINVAL;
  if (nfds > 0) {
    memset(&ctrl, 0, sizeof ctrl);
    msg.msg_control = ctrl.buf;
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
    memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)nfds);
  }
  size_t left = sizeof hdr + len;
  while (left > 0) {
    ssize_t n = sendmsg(sock, &msg, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -errno;
    }
    left -= (size_t)n;
    /* The fds went with the first bytes; advance the iovecs past what was
     * written and never attach them again. */
    msg.msg_control = NULL;
    msg.msg_controllen = 0;
    while (n > 0 && msg.msg_iovlen > 0) {
      size_t take = (size_t)n < msg.msg_iov->iov_len ? (size_t)n
                                                     : msg.msg_iov->iov_len;
      msg.msg_iov->iov_base = (char *)msg.msg_iov->iov_base + take;
      msg.msg_iov->iov_len -= take;
      n -= (ssize_t)take;
      if (msg.msg_iov->iov_len == 0) {
        msg.msg_iov++;
        msg.msg_iovlen--;
      }
    }
  }
  return 0;
}

/* Receive exactly n bytes, collecting attached fds; *cut is set when the
 * kernel cut the fds short (MSG_CTRUNC). */
static int recv_exact(int sock, void *buf, size_t n, int *fds, int maxfds,
                      int *nfds, int *cut) {
  size_t got = 0;
  while (got < n) {
    union {
      char buf[CMSG_SPACE(sizeof(int) * NR_MAX_FDS)];
      struct cmsghdr align;
    } ctrl;
    struct iovec iov = {(char *)buf + got, n - got};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                         .msg_control = ctrl.buf,
                         .msg_controllen = sizeof ctrl.buf};
    ssize_t r = nr__recvmsg_cloexec(sock, &msg);
    if (r < 0) {
      if (errno == EINTR) continue;
      return -errno;
    }
    /* Our buffer holds more fds than any frame carries: a cut means this
     * process could not take them all (its fd limit). The kernel closed
     * the ones it did not install. */
    if (msg.msg_flags & MSG_CTRUNC) *cut = 1;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
      if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
      int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
      int incoming[NR_MAX_FDS];
      memcpy(incoming, CMSG_DATA(c), sizeof(int) * (size_t)count);
      for (int i = 0; i < count; i++) {
        if (fds && *nfds < maxfds)
          fds[(*nfds)++] = incoming[i];
        else
          close(incoming[i]);
      }
    }
    if (r == 0) return -EPIPE;
    got += (size_t)r;
  }
  return 0;
}

int nr__frame_recv(int sock, nr__frame_hdr *hdr, void *body, uint32_t cap,
                   int *fds, int maxfds, int *nfds) {
  int count = 0, cut = 0;
  int rc = recv_exact(sock, hdr, sizeof *hdr, fds, maxfds, &count, &cut);
  if (rc == 0 && hdr->len > cap) rc = -EPROTO;
  if (rc == 0) rc = recv_exact(sock, body, hdr->len, fds, maxfds, &count, &cut);
  /* The frame is read whole either way: the stream stays in step. */
  if (rc == 0 && cut) rc = -EMFILE;
  if (rc < 0) {
    for (int i = 0; i < count; i++) close(fds[i]);
    if (nfds) *nfds = 0;
    return rc;
  }
  if (nfds) *nfds = count;
  return (int)hdr->len;
}
