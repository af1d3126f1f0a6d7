/* pipeline.c — fuzz the shepherd's NR_EXT_PIPELINE member list decoder.
 *
 * The input is the extension's bytes. Properties: nr__pipeline_decode never
 * reads outside them (ASan), fails only with -EINVAL or -ENOMEM, and a
 * list it accepts has 2..NR__PIPELINE_MAX members, each a NULL-terminated
 * argv with a non-empty argv[0], whose bytes add up to the input's. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > NR_MAX_FRAME) return 0;
  uint8_t *ext = malloc(size ? size : 1); /* exactly `size` bytes for ASan */
  if (!ext) return 0;
  memcpy(ext, data, size);
  char *first[] = {"first", NULL};
  nr__spawn_req req;
  memset(&req, 0, sizeof req);
  req.argv = first;
  req.argc = 1;
  req.ext[NR_EXT_PIPELINE].data = ext;
  req.ext[NR_EXT_PIPELINE].len = (uint32_t)size;
  nr__pipeline p;
  int rc = nr__pipeline_decode(&req, &p);
  if (rc == 0) {
    FUZZ_CHECK(p.count >= 2 && p.count <= NR__PIPELINE_MAX);
    FUZZ_CHECK(p.argv[0] == first);
    size_t bytes = 4;
    for (size_t k = 1; k < p.count; k++) {
      FUZZ_CHECK(p.argv[k][0] != NULL && p.argv[k][0][0] != '\0');
      bytes += 4;
      for (char **a = p.argv[k]; *a; a++) bytes += 4 + strlen(*a);
    }
    FUZZ_CHECK(bytes == size);
  } else {
    FUZZ_CHECK(rc == -EINVAL || rc == -ENOMEM);
  }
  nr__pipeline_free(&p);
  free(ext);
  return 0;
}
