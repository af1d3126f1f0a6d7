/* frames.c — fuzz the shepherd's input path: the carry-over frame buffer
 * (nr__framebuf_append/next/consume) fed in chunks, the way the shepherd's
 * serve loop drives it, then every SPAWN body through the request decoder.
 *
 * Input: one byte choosing the chunk size (1..256), then the byte stream the
 * host sends. Properties: the frames handed out are exactly those of the
 * stream cut at its headers (checked against a direct parse of the whole
 * stream), however it is chunked; an oversized header is reported as -EPROTO
 * exactly where the direct parse meets it; no read outside the buffer. */
#include <errno.h>
#include <string.h>

#include "frame.h"
#include "fuzz.h"
#include "netrunner.h"
#include "request.h"

/* Where the direct parse of the whole stream stands. */
typedef struct expect {
  const uint8_t *stream;
  size_t len, at;
} expect;

/* The next frame of the whole stream: 1, 0 (incomplete) or -EPROTO. */
static int expect_next(expect *e, nr__frame_hdr *hdr, const uint8_t **body) {
  if (e->len - e->at < sizeof *hdr) return 0;
  memcpy(hdr, e->stream + e->at, sizeof *hdr);
  if (hdr->len > NR_MAX_FRAME) return -EPROTO;
  if (e->len - e->at - sizeof *hdr < hdr->len) return 0;
  *body = e->stream + e->at + sizeof *hdr;
  e->at += sizeof *hdr + hdr->len;
  return 1;
}

static void serve(const nr__frame_hdr *hdr, const uint8_t *body) {
  if (hdr->op != NR_OP_SPAWN) return;
  nr__spawn_req req;
  if (nr__spawn_req_decode(body, hdr->len, &req) == 0) nr__spawn_req_free(&req);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  size_t chunk = (size_t)data[0] + 1;
  expect e = {data + 1, size - 1, 0};
  nr__framebuf fb = {0};
  size_t fed = 0;
  int broken = 0;
  while (fed < e.len && !broken) {
    size_t n = e.len - fed < chunk ? e.len - fed : chunk;
    FUZZ_CHECK(nr__framebuf_append(&fb, e.stream + fed, n) == 0);
    fed += n;
    /* Only what has been fed so far is visible to the direct parse. */
    expect seen = {e.stream, fed, e.at};
    for (;;) {
      nr__frame_hdr got, want;
      const uint8_t *got_body = NULL, *want_body = NULL;
      int rc = nr__framebuf_next(&fb, &got, &got_body);
      int want_rc = expect_next(&seen, &want, &want_body);
      FUZZ_CHECK(rc == want_rc);
      if (rc < 0) broken = 1; /* the shepherd hangs up on a bad header */
      if (rc <= 0) break;
      FUZZ_CHECK(got.len == want.len && got.op == want.op);
      FUZZ_CHECK(memcmp(got_body, want_body, got.len) == 0);
      serve(&got, got_body);
      nr__framebuf_consume(&fb);
      e.at = seen.at;
    }
    /* What is buffered is exactly the stream not yet handed out. */
    FUZZ_CHECK(fb.consumed == 0 && fb.len == fed - e.at);
    FUZZ_CHECK(fb.len == 0 || memcmp(fb.data, e.stream + e.at, fb.len) == 0);
  }
  nr__framebuf_free(&fb);
  return 0;
}
