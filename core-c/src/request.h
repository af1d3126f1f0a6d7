/* request.h — the spawn request: encoding (C callers) and validated decoding
 * (the shepherd). The byte layout is documented in netrunner.h. */
#ifndef NR_REQUEST_H
#define NR_REQUEST_H

#include <stddef.h>
#include <stdint.h>

#include "netrunner.h"

/* One extension as received: a copy of its bytes, or absent (data NULL). */
typedef struct nr__ext {
  const uint8_t *data;
  uint32_t len;
} nr__ext;

/* A decoded spawn request; every string is a NUL-terminated copy. */
typedef struct nr__spawn_req {
  uint32_t flags;
  uint32_t stderr_mode;
  uint32_t env_mode;
  uint32_t kill_timeout_ms;
  uint16_t rows, cols;
  char **argv; /* argc entries then NULL */
  size_t argc;
  char **env;  /* envc entries then NULL */
  size_t envc;
  char *cwd;    /* NULL = inherit */
  char *cgroup; /* NULL = none */
  size_t cgroup_len;
  int64_t memory_max, pids_max, cpu_quota_us, cpu_period_us;
  nr__ext ext[NR_EXT_LAST + 1]; /* by tag; index 0 unused */
  void *storage; /* one allocation behind every pointer above */
} nr__spawn_req;

/* Decode and validate a spawn request body. -EINVAL for any malformed or
 * invalid field (empty argv, empty argv[0], a NUL inside a string, an env
 * entry without '=', an unknown mode or flag, an unknown or repeated
 * extension tag); -ENOMEM. Each extension's bytes are checked by the
 * feature that reads them. */
int nr__spawn_req_decode(const uint8_t *body, uint32_t len, nr__spawn_req *out);

/* Free what nr__spawn_req_decode allocated. */
void nr__spawn_req_free(nr__spawn_req *req);

#endif
