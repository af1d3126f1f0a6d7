/* request.c — encode and decode the spawn request. */
#include "request.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ---- encoding (C callers) ---------------------------------------------- */

typedef struct out_buf {
  uint8_t *data;
  size_t len, cap;
  int err;
} out_buf;

static void put(out_buf *o, const void *p, size_t n) {
  if (o->err || n == 0) return;
  if (o->len + n > o->cap) {
    size_t cap = o->cap ? o->cap * 2 : 256;
    while (cap < o->len + n) cap *= 2;
    uint8_t *grown = realloc(o->data, cap);
    if (!grown) {
      o->err = -ENOMEM;
      return;
    }
    o->data = grown;
    o->cap = cap;
  }
  memcpy(o->data + o->len, p, n);
  o->len += n;
}

static void put_u32(out_buf *o, uint32_t v) { put(o, &v, sizeof v); }
static void put_i64(out_buf *o, int64_t v) { put(o, &v, sizeof v); }

static void put_str(out_buf *o, const char *s) {
  size_t n = s ? strlen(s) : 0;
  if (n > UINT32_MAX) o->err = -E2BIG;
  put_u32(o, (uint32_t)n);
  put(o, s, n);
}

static void put_list(out_buf *o, const char *const *list) {
  uint32_t n = 0;
  while (list && list[n]) n++;
  put_u32(o, n);
  for (uint32_t i = 0; i < n; i++) put_str(o, list[i]);
}

void nr_spawn_opts_init(nr_spawn_opts *opts) {
  memset(opts, 0, sizeof *opts);
  opts->env_mode = NR_ENV_INHERIT;
  opts->stderr_mode = NR_STDERR_CONSUME;
  opts->kill_timeout_ms = 5000;
  opts->memory_max = opts->pids_max = -1;
  opts->cpu_quota_us = opts->cpu_period_us = -1;
}

int nr_encode_spawn(const nr_spawn_opts *opts, uint8_t **out, uint32_t *len) {
  out_buf o = {0};
  uint16_t size[2] = {opts->rows, opts->cols};
  if (!opts->argv || !opts->argv[0]) return -EINVAL;
  put_u32(&o, opts->flags);
  put_u32(&o, (uint32_t)opts->stderr_mode);
  put_u32(&o, (uint32_t)opts->env_mode);
  put_u32(&o, opts->kill_timeout_ms);
  put(&o, size, sizeof size);
  put_list(&o, opts->argv);
  put_list(&o, opts->env);
  put_str(&o, opts->cwd);
  put_str(&o, opts->cgroup);
  put_i64(&o, opts->memory_max);
  put_i64(&o, opts->pids_max);
  put_i64(&o, opts->cpu_quota_us);
  put_i64(&o, opts->cpu_period_us);
  for (size_t i = 0; i < opts->ext_count; i++) {
    const nr_spawn_ext *e = &opts->ext[i];
    uint16_t head[2] = {e->tag, 0};
    put(&o, head, sizeof head);
    put_u32(&o, e->len);
    put(&o, e->data, e->len);
  }
  if (!o.err && o.len > NR_MAX_FRAME) o.err = -E2BIG;
  if (o.err) {
    free(o.data);
    return o.err;
  }
  *out = o.data;
  *len = (uint32_t)o.len;
  return 0;
}

/* ---- decoding (the shepherd) -------------------------------------------- */

typedef struct in_buf {
  const uint8_t *p;
  size_t left;
} in_buf;

static int get(in_buf *in, void *dst, size_t n) {
  if (in->left < n) return -EINVAL;
  memcpy(dst, in->p, n);
  in->p += n;
  in->left -= n;
  return 0;
}

/* Point at the next length-prefixed string without copying it. */
static int get_str(in_buf *in, const uint8_t **s, uint32_t *n) {
  if (get(in, n, sizeof *n) < 0 || in->left < *n) return -EINVAL;
  if (memchr(in->p, '\0', *n)) return -EINVAL; /* NUL would cut it short */
  *s = in->p;
  in->p += *n;
  in->left -= *n;
  return 0;
}

/* Copy a string into the storage arena, NUL-terminated. */
static char *arena_str(char **arena, const uint8_t *s, uint32_t n) {
  char *dst = *arena;
  memcpy(dst, s, n);
  dst[n] = '\0';
  *arena += (size_t)n + 1;
  return dst;
}

/* First pass: validate and measure; second pass: copy. */
static int walk(in_buf in, nr__spawn_req *req, char *arena, size_t *need) {
  uint32_t count, n;
  const uint8_t *s;
  uint16_t size[2];
  size_t total = 0;
  uint32_t seen = 0; /* extension tags, first pass */
  if (get(&in, &req->flags, 4) || get(&in, &req->stderr_mode, 4) ||
      get(&in, &req->env_mode, 4) || get(&in, &req->kill_timeout_ms, 4) ||
      get(&in, size, sizeof size))
    return -EINVAL;
  req->rows = size[0];
  req->cols = size[1];
  if (req->flags & ~(uint32_t)NR_SPAWN_PTY) return -EINVAL;
  if (req->stderr_mode > NR_STDERR_DISABLED) return -EINVAL;
  if (req->env_mode > NR_ENV_REPLACE) return -EINVAL;

  if (get(&in, &count, 4) || count == 0 || count > in.left / 4)
    return -EINVAL;
  req->argc = count;
  total += (count + 1) * sizeof(char *);
  for (uint32_t i = 0; i < count; i++) {
    if (get_str(&in, &s, &n)) return -EINVAL;
    if (i == 0 && n == 0) return -EINVAL;
    total += n + 1;
    if (arena) req->argv[i] = arena_str(&arena, s, n);
  }
  if (get(&in, &count, 4) || count > in.left / 4) return -EINVAL;
  req->envc = count;
  total += (count + 1) * sizeof(char *);
  for (uint32_t i = 0; i < count; i++) {
    if (get_str(&in, &s, &n)) return -EINVAL;
    const uint8_t *eq = memchr(s, '=', n);
    if (!eq || eq == s) return -EINVAL; /* "K=V" with a non-empty key */
    total += n + 1;
    if (arena) req->env[i] = arena_str(&arena, s, n);
  }
  if (get_str(&in, &s, &n)) return -EINVAL;
  total += n + 1;
  if (arena) req->cwd = n ? arena_str(&arena, s, n) : NULL;
  if (get_str(&in, &s, &n)) return -EINVAL;
  total += n + 1;
  if (arena) {
    req->cgroup = n ? arena_str(&arena, s, n) : NULL;
    req->cgroup_len = n;
  }
  if (get(&in, &req->memory_max, 8) || get(&in, &req->pids_max, 8) ||
      get(&in, &req->cpu_quota_us, 8) || get(&in, &req->cpu_period_us, 8))
    return -EINVAL;
  while (in.left > 0) {
    uint16_t head[2];
    if (get(&in, head, sizeof head) || get(&in, &n, 4) || in.left < n)
      return -EINVAL;
    uint16_t tag = head[0];
    if (tag == 0 || tag > NR_EXT_LAST || head[1] != 0) return -EINVAL;
    if (arena) {
      if (req->ext[tag].data) return -EINVAL; /* repeated */
      memcpy(arena, in.p, n);
      req->ext[tag].data = (const uint8_t *)arena;
      req->ext[tag].len = n;
      arena += n + 1; /* +1: never NULL data for an empty extension */
    } else {
      if (seen & (1u << tag)) return -EINVAL;
      seen |= 1u << tag;
    }
    total += (size_t)n + 1;
    in.p += n;
    in.left -= n;
  }
  *need = total;
  return 0;
}

int nr__spawn_req_decode(const uint8_t *body, uint32_t len, nr__spawn_req *out) {
  in_buf in = {body, len};
  size_t need = 0;
  memset(out, 0, sizeof *out);
  int rc = walk(in, out, NULL, &need);
  if (rc < 0) return rc;
  char *storage = malloc(need);
  if (!storage) return -ENOMEM;
  /* Pointer arrays first (aligned), strings after them. */
  out->storage = storage;
  out->argv = (char **)storage;
  out->env = out->argv + out->argc + 1;
  char *arena = (char *)(out->env + out->envc + 1);
  rc = walk(in, out, arena, &need);
  if (rc < 0) {
    nr__spawn_req_free(out);
    return rc;
  }
  out->argv[out->argc] = NULL;
  out->env[out->envc] = NULL;
  return 0;
}

void nr__spawn_req_free(nr__spawn_req *req) {
  free(req->storage);
  memset(req, 0, sizeof *req);
}
