/* test_protocol.c — frames on the control socket: coalesced, split, bad. */
#include <errno.h>
#include <signal.h>
#include <sys/socket.h>

#include "../src/frame.h"
#include "util.h"

/* Append one frame (header + body) to buf; returns the new length. */
static size_t put_frame(uint8_t *buf, size_t at, uint32_t op, const void *body,
                        uint32_t len) {
  nr__frame_hdr h = {len, op};
  memcpy(buf + at, &h, sizeof h);
  memcpy(buf + at + sizeof h, body, len);
  return at + sizeof h + len;
}

static nr_reply recv_reply(int ctl) {
  nr__frame_hdr h;
  nr_reply r;
  CHECK_EQ(nr__frame_recv(ctl, &h, &r, sizeof r, NULL, 0, NULL), (long)sizeof r);
  CHECK_EQ(h.op, NR_OP_REPLY);
  return r;
}

TEST(framebuf_parses_coalesced_and_split_frames) {
  uint8_t wire[256];
  int32_t a = 1, b = 2;
  size_t n = put_frame(wire, 0, 7, &a, 4);
  n = put_frame(wire, n, 8, &b, 4);
  /* Feed byte by byte: a frame appears exactly when its last byte does. */
  nr__framebuf fb = {0};
  nr__frame_hdr h;
  const uint8_t *body;
  int seen = 0;
  for (size_t i = 0; i < n; i++) {
    CHECK_EQ(nr__framebuf_append(&fb, wire + i, 1), 0);
    int rc;
    while ((rc = nr__framebuf_next(&fb, &h, &body)) == 1) {
      CHECK_EQ(h.op, seen == 0 ? 7 : 8);
      seen++;
      CHECK_EQ(i + 1, seen == 1 ? 12 : 24);
      nr__framebuf_consume(&fb);
    }
    CHECK_EQ(rc, 0);
  }
  CHECK_EQ(seen, 2);
  /* Both at once. */
  CHECK_EQ(nr__framebuf_append(&fb, wire, n), 0);
  CHECK_EQ(nr__framebuf_next(&fb, &h, &body), 1);
  CHECK_EQ(h.op, 7);
  CHECK_EQ(nr__framebuf_next(&fb, &h, &body), 1); /* consumes the first */
  CHECK_EQ(h.op, 8);
  CHECK_EQ(nr__framebuf_next(&fb, &h, &body), 0);
  nr__framebuf_free(&fb);
}

TEST(framebuf_refuses_an_oversized_frame) {
  nr__frame_hdr h = {NR_MAX_FRAME + 1, NR_OP_SPAWN};
  nr__framebuf fb = {0};
  const uint8_t *body;
  CHECK_EQ(nr__framebuf_append(&fb, &h, sizeof h), 0);
  CHECK_EQ(nr__framebuf_next(&fb, &h, &body), -EPROTO);
  nr__framebuf_free(&fb);
}

TEST(shepherd_serves_frames_coalesced_in_one_write) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sleep", "100", NULL};
  nr_child c1, c2;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c1), 0);
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c2), 0);
  /* SIGNAL c1 and SIGNAL c2 in a single write, as a close-stdin followed at
   * once by a kill would arrive. */
  uint8_t wire[64];
  int32_t s1[2] = {c1.pid, SIGTERM}, s2[2] = {c2.pid, SIGKILL};
  size_t n = put_frame(wire, 0, NR_OP_SIGNAL, s1, sizeof s1);
  n = put_frame(wire, n, NR_OP_SIGNAL, s2, sizeof s2);
  CHECK_EQ(write(ctl, wire, n), (long)n);
  CHECK_EQ(recv_reply(ctl).result, 0);
  CHECK_EQ(recv_reply(ctl).result, 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c1.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 143);
  CHECK_EQ(nr_read_exit(c2.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 137);
  nr_host_close(ctl, sp, 2000);
}

TEST(shepherd_serves_a_frame_split_across_writes) {
  pid_t sp;
  int ctl = open_host(&sp);
  const char *argv[] = {"sleep", "100", NULL};
  nr_child c;
  CHECK_EQ(spawn_argv(ctl, argv, 0, &c), 0);
  uint8_t wire[32];
  int32_t s[2] = {c.pid, SIGKILL};
  size_t n = put_frame(wire, 0, NR_OP_SIGNAL, s, sizeof s);
  for (size_t i = 0; i < n; i++) {
    CHECK_EQ(write(ctl, wire + i, 1), 1);
    sleep_ms(2);
  }
  CHECK_EQ(recv_reply(ctl).result, 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  CHECK_EQ(rec.exit_status, 137);
  nr_host_close(ctl, sp, 2000);
}

/* Build a raw spawn body with argv given as (pointer, length) pairs. */
static uint32_t raw_spawn(uint8_t *buf, const char *const *args,
                          const uint32_t *lens, uint32_t argc) {
  uint32_t at = 0, zero = 0;
  uint32_t head[4] = {0, NR_STDERR_CONSUME, NR_ENV_INHERIT, 5000};
  uint16_t size[2] = {0, 0};
  int64_t unset = -1;
  memcpy(buf + at, head, sizeof head), at += sizeof head;
  memcpy(buf + at, size, sizeof size), at += sizeof size;
  memcpy(buf + at, &argc, 4), at += 4;
  for (uint32_t i = 0; i < argc; i++) {
    memcpy(buf + at, &lens[i], 4), at += 4;
    memcpy(buf + at, args[i], lens[i]), at += lens[i];
  }
  for (int i = 0; i < 3; i++) memcpy(buf + at, &zero, 4), at += 4; /* env, cwd, cgroup */
  for (int i = 0; i < 4; i++) memcpy(buf + at, &unset, 8), at += 8;
  return at;
}

TEST(bad_requests_get_einval_and_leak_nothing) {
  pid_t sp;
  int ctl = open_host(&sp);
  int before = count_fds();
  uint8_t buf[512];
  nr_child c;
  const char *nul_arg[] = {"echo", "a\0b"};
  uint32_t nul_lens[] = {4, 3};
  uint32_t len = raw_spawn(buf, nul_arg, nul_lens, 2);
  CHECK_EQ(nr_spawn(ctl, buf, len, &c), -EINVAL);
  CHECK_EQ(c.stage, NR_STAGE_REQUEST);
  const char *nul_cmd[] = {"ec\0ho"};
  uint32_t cmd_lens[] = {5};
  len = raw_spawn(buf, nul_cmd, cmd_lens, 1);
  CHECK_EQ(nr_spawn(ctl, buf, len, &c), -EINVAL);
  len = raw_spawn(buf, NULL, NULL, 0); /* empty argv */
  CHECK_EQ(nr_spawn(ctl, buf, len, &c), -EINVAL);
  const char *empty_cmd[] = {""};
  uint32_t empty_lens[] = {0};
  len = raw_spawn(buf, empty_cmd, empty_lens, 1);
  CHECK_EQ(nr_spawn(ctl, buf, len, &c), -EINVAL);
  len = raw_spawn(buf, nul_arg, nul_lens, 1);
  CHECK_EQ(nr_spawn(ctl, buf, len - 1, &c), -EINVAL); /* truncated */
  CHECK_EQ(nr_spawn(ctl, NULL, 0, &c), -EINVAL);
  /* An env entry without '=' and one with a NUL. */
  const char *argv[] = {"true", NULL};
  const char *bad_env[] = {"NOEQUALS", NULL};
  nr_spawn_opts o;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.env = bad_env;
  o.env_mode = NR_ENV_REPLACE;
  CHECK_EQ(nr_spawn_with(ctl, &o, &c), -EINVAL);
  const char *no_argv[] = {NULL};
  o.argv = no_argv;
  CHECK_EQ(nr_spawn_with(ctl, &o, &c), -EINVAL);
  CHECK_EQ(count_fds(), before);
  /* Still serving. */
  o.argv = argv;
  o.env = NULL;
  CHECK_EQ(nr_spawn_with(ctl, &o, &c), 0);
  nr_exit_record rec;
  CHECK_EQ(nr_read_exit(c.status_fd, &rec), 0);
  nr_host_close(ctl, sp, 2000);
}

TEST(an_unknown_opcode_gets_eproto_and_the_shepherd_goes_on) {
  pid_t sp;
  int ctl = open_host(&sp);
  uint8_t wire[16];
  size_t n = put_frame(wire, 0, 99, "", 0);
  CHECK_EQ(write(ctl, wire, n), (long)n);
  CHECK_EQ(recv_reply(ctl).result, -EPROTO);
  CHECK_EQ(nr_kill_all(ctl, SIGTERM), 0);
  nr_host_close(ctl, sp, 2000);
}

int main(void) {
  RUN(framebuf_parses_coalesced_and_split_frames);
  RUN(framebuf_refuses_an_oversized_frame);
  RUN(shepherd_serves_frames_coalesced_in_one_write);
  RUN(shepherd_serves_a_frame_split_across_writes);
  RUN(bad_requests_get_einval_and_leak_nothing);
  RUN(an_unknown_opcode_gets_eproto_and_the_shepherd_goes_on);
  DONE();
}
