/* test_request_ext.c — the spawn request's extension section. */
#include <errno.h>
#include <stdlib.h>

#include "../src/request.h"
#include "check.h"

static int encode_decode(const nr_spawn_ext *ext, size_t n, nr__spawn_req *req) {
  const char *argv[] = {"true", NULL};
  nr_spawn_opts o;
  uint8_t *body;
  uint32_t len;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  o.ext = ext;
  o.ext_count = n;
  CHECK_EQ(nr_encode_spawn(&o, &body, &len), 0);
  int rc = nr__spawn_req_decode(body, len, req);
  free(body);
  return rc;
}

TEST(extensions_arrive_by_tag_with_their_bytes) {
  nr_spawn_ext ext[] = {{NR_EXT_ARGV0, 4, "name"}, {NR_EXT_STDIO, 0, ""}};
  nr__spawn_req req;
  CHECK_EQ(encode_decode(ext, 2, &req), 0);
  CHECK_EQ(req.ext[NR_EXT_ARGV0].len, 4);
  CHECK(memcmp(req.ext[NR_EXT_ARGV0].data, "name", 4) == 0);
  CHECK(req.ext[NR_EXT_STDIO].data != NULL); /* present, empty */
  CHECK_EQ(req.ext[NR_EXT_STDIO].len, 0);
  CHECK(req.ext[NR_EXT_SANDBOX].data == NULL);
  CHECK(strcmp(req.argv[0], "true") == 0);
  nr__spawn_req_free(&req);
}

TEST(a_request_without_extensions_has_none) {
  nr__spawn_req req;
  CHECK_EQ(encode_decode(NULL, 0, &req), 0);
  for (int t = 0; t <= NR_EXT_LAST; t++) CHECK(req.ext[t].data == NULL);
  nr__spawn_req_free(&req);
}

TEST(unknown_repeated_or_padded_extensions_are_einval) {
  nr__spawn_req req;
  nr_spawn_ext unknown[] = {{NR_EXT_LAST + 1, 1, "x"}};
  CHECK_EQ(encode_decode(unknown, 1, &req), -EINVAL);
  nr_spawn_ext zero[] = {{0, 1, "x"}};
  CHECK_EQ(encode_decode(zero, 1, &req), -EINVAL);
  nr_spawn_ext twice[] = {{NR_EXT_ARGV0, 1, "a"}, {NR_EXT_ARGV0, 1, "b"}};
  CHECK_EQ(encode_decode(twice, 2, &req), -EINVAL);

  const char *argv[] = {"true", NULL};
  nr_spawn_opts o;
  uint8_t *body;
  uint32_t len;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  nr_spawn_ext one[] = {{NR_EXT_ARGV0, 3, "abc"}};
  o.ext = one;
  o.ext_count = 1;
  CHECK_EQ(nr_encode_spawn(&o, &body, &len), 0);
  body[len - 3 - 4 - 2] = 1; /* the pad after the tag */
  CHECK_EQ(nr__spawn_req_decode(body, len, &req), -EINVAL);
  body[len - 3 - 4 - 2] = 0;
  CHECK_EQ(nr__spawn_req_decode(body, len - 1, &req), -EINVAL); /* truncated */
  CHECK_EQ(nr__spawn_req_decode(body, len - 3 - 4 - 2, &req), -EINVAL); /* half a header */
  CHECK_EQ(nr__spawn_req_decode(body, len, &req), 0);
  nr__spawn_req_free(&req);
  free(body);
}

int main(void) {
  RUN(extensions_arrive_by_tag_with_their_bytes);
  RUN(a_request_without_extensions_has_none);
  RUN(unknown_repeated_or_padded_extensions_are_einval);
  DONE();
}
