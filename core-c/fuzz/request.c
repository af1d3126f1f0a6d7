/* request.c — fuzz the shepherd's spawn request decoder.
 *
 * Properties: nr__spawn_req_decode never reads outside the body (ASan),
 * fails only with -EINVAL (or -ENOMEM) and then owns no memory; a request
 * it accepts obeys every documented rule, and encoding it again gives back
 * exactly the bytes decoded; the cgroup path check agrees with a reference
 * written from its documentation. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cgroup.h"
#include "fuzz.h"
#include "netrunner.h"
#include "request.h"

/* The documented cgroup path rule, spelled out component by component. */
static int path_ok(const char *p, size_t len) {
  if (len == 0 || len > 255) return 0;
  size_t i = 0;
  while (i <= len) {
    size_t end = i;
    while (end < len && p[end] != '/') end++;
    size_t n = end - i;
    if (n == 0) return 0;
    if ((n == 1 && p[i] == '.') || (n == 2 && p[i] == '.' && p[i + 1] == '.'))
      return 0;
    for (size_t k = i; k < end; k++)
      if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                  "0123456789._-", p[k]) || p[k] == '\0')
        return 0;
    i = end + 1;
  }
  return 1;
}

static void check_accepted(const nr__spawn_req *req, const uint8_t *data,
                           size_t size) {
  FUZZ_CHECK(req->argc >= 1 && req->argv[req->argc] == NULL);
  FUZZ_CHECK(req->argv[0][0] != '\0');
  FUZZ_CHECK(req->env[req->envc] == NULL);
  for (size_t i = 0; i < req->envc; i++) {
    const char *eq = strchr(req->env[i], '=');
    FUZZ_CHECK(eq != NULL && eq != req->env[i]);
  }
  FUZZ_CHECK(req->flags <= NR_SPAWN_PTY);
  FUZZ_CHECK(req->stderr_mode <= NR_STDERR_DISABLED);
  FUZZ_CHECK(req->env_mode <= NR_ENV_REPLACE);
  FUZZ_CHECK(!req->cgroup || strlen(req->cgroup) == req->cgroup_len);
  if (req->cgroup)
    FUZZ_CHECK((nr__cgroup_path_valid(req->cgroup, req->cgroup_len) == 0) ==
               path_ok(req->cgroup, req->cgroup_len));

  /* Encode the decoded request again: the very same bytes. */
  nr_spawn_opts o;
  nr_spawn_opts_init(&o);
  o.argv = (const char *const *)req->argv;
  o.env = (const char *const *)req->env;
  o.cwd = req->cwd;
  o.cgroup = req->cgroup;
  o.flags = req->flags;
  o.stderr_mode = (int)req->stderr_mode;
  o.env_mode = (int)req->env_mode;
  o.kill_timeout_ms = req->kill_timeout_ms;
  o.rows = req->rows;
  o.cols = req->cols;
  o.memory_max = req->memory_max;
  o.pids_max = req->pids_max;
  o.cpu_quota_us = req->cpu_quota_us;
  o.cpu_period_us = req->cpu_period_us;
  uint8_t *again = NULL;
  uint32_t len = 0;
  FUZZ_CHECK(nr_encode_spawn(&o, &again, &len) == 0);
  FUZZ_CHECK(len == size && memcmp(again, data, size) == 0);
  free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  nr__spawn_req req;
  if (size > NR_MAX_FRAME) return 0;
  /* A copy of exactly `size` bytes, so ASan sees any read past the body. */
  uint8_t *body = malloc(size ? size : 1);
  if (!body) return 0;
  memcpy(body, data, size);
  int rc = nr__spawn_req_decode(body, (uint32_t)size, &req);
  if (rc == 0) {
    check_accepted(&req, data, size);
    nr__spawn_req_free(&req);
  } else {
    FUZZ_CHECK(rc == -EINVAL || rc == -ENOMEM);
    FUZZ_CHECK(req.storage == NULL);
  }
  free(body);
  return 0;
}
