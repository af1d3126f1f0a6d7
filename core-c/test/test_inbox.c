/* test_inbox.c — fds read from the control socket go to the frame they
 * rode on, however the bytes are split between reads. */
#include <sys/socket.h>

#include "../src/frame.h"
#include "../src/inbox.h"
#include "util.h"

/* Read everything the socket holds now, in reads of at most `chunk` bytes,
 * into fb; returns the number of reads. */
static int read_all_into(nr__inbox *in, int sock, nr__framebuf *fb,
                         size_t chunk) {
  uint8_t buf[4096];
  int reads = 0;
  for (;;) {
    ssize_t n = nr__inbox_read(in, sock, buf, chunk);
    if (n < 0 && (n == -EAGAIN || n == -EWOULDBLOCK)) return reads;
    CHECK(n > 0);
    CHECK_EQ(nr__framebuf_append(fb, buf, (size_t)n), 0);
    reads++;
  }
}

/* The fds of each whole frame in fb, in order, as counts. */
static void fds_per_frame(nr__inbox *in, nr__framebuf *fb, int *counts,
                          int frames) {
  for (int i = 0; i < frames; i++) {
    nr__frame_hdr hdr;
    const uint8_t *body;
    CHECK_EQ(nr__framebuf_next(fb, &hdr, &body), 1);
    uint64_t start = in->read - fb->len;
    nr__frame_fds fds;
    nr__inbox_take(in, start, start + sizeof hdr + hdr.len, &fds);
    counts[i] = fds.n;
    nr__frame_fds_close(&fds);
    nr__framebuf_consume(fb);
  }
}

static void check_split(size_t chunk) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0);
  int fd = dup(0);
  int two[2] = {fd, fd};
  uint8_t body[100] = {0};
  /* Frames: none, one fd, none, two fds. */
  CHECK_EQ(nr__frame_send(sv[0], 9, body, 10, NULL, 0), 0);
  CHECK_EQ(nr__frame_send(sv[0], 9, body, 100, &fd, 1), 0);
  CHECK_EQ(nr__frame_send(sv[0], 9, body, 3, NULL, 0), 0);
  CHECK_EQ(nr__frame_send(sv[0], 9, body, 50, two, 2), 0);
  nr__inbox in = {0};
  nr__framebuf fb = {0};
  int before = count_fds();
  read_all_into(&in, sv[1], &fb, chunk);
  int counts[4];
  fds_per_frame(&in, &fb, counts, 4);
  CHECK_EQ(counts[0], 0);
  CHECK_EQ(counts[1], 1);
  CHECK_EQ(counts[2], 0);
  CHECK_EQ(counts[3], 2);
  CHECK_EQ(in.len, 0);
  CHECK_EQ(count_fds(), before);
  nr__framebuf_free(&fb);
  close(fd);
  close(sv[0]);
  close(sv[1]);
}

TEST(fds_go_to_their_frame_when_one_read_takes_everything) { check_split(4096); }

TEST(fds_go_to_their_frame_when_reads_are_small) { check_split(7); }

TEST(fds_left_waiting_are_closed_by_free) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0);
  int fd = dup(0);
  uint8_t body[8] = {0};
  CHECK_EQ(nr__frame_send(sv[0], 9, body, sizeof body, &fd, 1), 0);
  nr__inbox in = {0};
  uint8_t buf[4];
  int before = count_fds();
  CHECK_EQ(nr__inbox_read(&in, sv[1], buf, sizeof buf), 4);
  CHECK_EQ(count_fds(), before + 1);
  nr__inbox_free(&in);
  CHECK_EQ(count_fds(), before);
  close(fd);
  close(sv[0]);
  close(sv[1]);
}

int main(void) {
  RUN(fds_go_to_their_frame_when_one_read_takes_everything);
  RUN(fds_go_to_their_frame_when_reads_are_small);
  RUN(fds_left_waiting_are_closed_by_free);
  DONE();
}
