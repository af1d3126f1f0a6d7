/* sandbox_bytes.h — build NR_EXT_SANDBOX bytes for the C tests. */
#ifndef NR_TEST_SANDBOX_BYTES_H
#define NR_TEST_SANDBOX_BYTES_H

#include <stdint.h>
#include <string.h>

#include "netrunner.h"

typedef struct sb_bytes {
  uint8_t data[8192];
  uint32_t len;
} sb_bytes;

static inline void sb_put(sb_bytes *b, const void *p, size_t n) {
  memcpy(b->data + b->len, p, n);
  b->len += (uint32_t)n;
}

static inline void sb_u32(sb_bytes *b, uint32_t v) { sb_put(b, &v, 4); }
static inline void sb_i64(sb_bytes *b, int64_t v) { sb_put(b, &v, 8); }

static inline void sb_str(sb_bytes *b, const char *s) {
  sb_u32(b, (uint32_t)strlen(s));
  sb_put(b, s, strlen(s));
}

/* A sandbox: flags, limits (nofile, fsize, cpu, as), uid/gid, no groups,
 * `n` paths with their access bits, and a private tmp (or ""). */
static inline void sb_build(sb_bytes *b, uint32_t flags, const int64_t lim[4],
                            uint32_t uid, uint32_t gid, size_t n,
                            const char *const *paths, const uint32_t *access,
                            const char *tmp) {
  b->len = 0;
  sb_u32(b, flags);
  for (int i = 0; i < 4; i++) sb_i64(b, lim ? lim[i] : -1);
  sb_u32(b, uid);
  sb_u32(b, gid);
  sb_u32(b, 0);
  sb_u32(b, (uint32_t)n);
  for (size_t i = 0; i < n; i++) {
    sb_u32(b, access[i]);
    sb_str(b, paths[i]);
  }
  sb_str(b, tmp);
}

#endif
