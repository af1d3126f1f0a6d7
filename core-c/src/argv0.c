/* argv0.c — the ARGV0 spawn extension. The program is still resolved from
 * the request's argv[0]; only what the child is told changes. */
#include "argv0.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int nr__argv0_take(const nr__spawn_req *req, char **out) {
  const nr__ext *ext = &req->ext[NR_EXT_ARGV0];
  *out = NULL;
  if (!ext->data) return 0;
  if (ext->len == 0 || memchr(ext->data, 0, ext->len)) return -EINVAL;
  if (!(*out = malloc(ext->len + 1))) return -ENOMEM;
  memcpy(*out, ext->data, ext->len);
  (*out)[ext->len] = 0;
  return 0;
}
