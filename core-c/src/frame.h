/* frame.h — length-prefixed frames on the control socket. */
#ifndef NR_FRAME_H
#define NR_FRAME_H

#include <stddef.h>
#include <stdint.h>

/* The 8-byte header in front of every frame body. */
typedef struct nr__frame_hdr {
  uint32_t len;
  uint32_t op;
} nr__frame_hdr;

/* A carry-over buffer: bytes read from a stream socket, holding any number of
 * whole frames and at most one partial frame at its end. */
typedef struct nr__framebuf {
  uint8_t *data;
  size_t len;
  size_t cap;
  size_t consumed; /* bytes of the frame last returned by next() */
} nr__framebuf;

/* Append n bytes read from the socket. 0 or -ENOMEM. */
int nr__framebuf_append(nr__framebuf *fb, const void *bytes, size_t n);

/* Find the first whole frame: 1 and *hdr, *body set; 0 if more bytes are
 * needed; -EPROTO if the header announces a frame over NR_MAX_FRAME. The
 * body stays valid until nr__framebuf_consume(). */
int nr__framebuf_next(nr__framebuf *fb, nr__frame_hdr *hdr,
                      const uint8_t **body);

/* Drop the frame returned by the last nr__framebuf_next(). */
void nr__framebuf_consume(nr__framebuf *fb);

/* Release the buffer's memory. */
void nr__framebuf_free(nr__framebuf *fb);

/* Write a whole frame, with `nfds` fds attached by SCM_RIGHTS to its first
 * byte. Retries EINTR and short writes. 0 or -errno. */
int nr__frame_send(int sock, uint32_t op, const void *body, uint32_t len,
                   const int *fds, int nfds);

/* Read exactly one frame with a body of at most `cap` bytes, collecting up
 * to `maxfds` fds that ride on it (the rest are closed). Returns the body
 * length, or -errno (-EPIPE on EOF, -EPROTO on a malformed frame, -EAGAIN
 * when the socket's receive timeout passed). -EMFILE when fds riding on the
 * frame were cut short (MSG_CTRUNC: this process is at its fd limit): the
 * frame was still read whole, *hdr and `body` are filled, and every fd that
 * did arrive is closed. */
int nr__frame_recv(int sock, nr__frame_hdr *hdr, void *body, uint32_t cap,
                   int *fds, int maxfds, int *nfds);

#endif
