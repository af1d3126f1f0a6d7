/* inbox.h — the shepherd's reading of the control socket: bytes, and the
 * fds that ride on them, matched to the frame they came with.
 *
 * The host attaches fds to the first bytes of a frame (one sendmsg). On a
 * stream socket the kernel ends a recvmsg right after the bytes that carried
 * fds, so the fds of one read belong to the frame that holds the read's
 * last byte. Each batch is kept with that byte's offset in the stream until
 * the frame holding it is served. */
#ifndef NR_INBOX_H
#define NR_INBOX_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define NR__INBOX_FDS 8    /* most fds taken from one read */
#define NR__INBOX_BATCHES 4 /* most batches waiting for their frames */

/* The fds of one frame. */
typedef struct nr__frame_fds {
  int fd[NR__INBOX_FDS];
  int n;
  int cut; /* the kernel cut them short (MSG_CTRUNC: our fd limit) */
} nr__frame_fds;

typedef struct nr__inbox {
  struct {
    uint64_t at; /* stream offset of the byte they rode with */
    nr__frame_fds fds;
  } batch[NR__INBOX_BATCHES];
  int len;
  uint64_t read; /* bytes read from the socket so far */
} nr__inbox;

/* recvmsg into buf (close-on-exec fds). Returns the byte count (0 at EOF)
 * or -errno; -EPROTO when more batches wait than NR__INBOX_BATCHES (the
 * host broke the protocol; the batch is closed). */
ssize_t nr__inbox_read(nr__inbox *in, int sock, void *buf, size_t cap);

/* Move into *out the fds that rode on the frame at stream offsets
 * [start, end), closing any batch that came before `start` (it belonged to
 * a frame served without them). *out is empty when none did. */
void nr__inbox_take(nr__inbox *in, uint64_t start, uint64_t end,
                    nr__frame_fds *out);

/* Close every fd in *fds and empty it. */
void nr__frame_fds_close(nr__frame_fds *fds);

/* Close every fd still waiting. */
void nr__inbox_free(nr__inbox *in);

#endif
