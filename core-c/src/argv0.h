/* argv0.h — the ARGV0 spawn extension: the name the child sees as argv[0]. */
#ifndef NR_ARGV0_H
#define NR_ARGV0_H

#include "request.h"

/* Read the ARGV0 extension of `req`: *out = a NUL-terminated copy (free it),
 * or NULL when absent. -EINVAL for an empty name or one holding a NUL;
 * -ENOMEM. */
int nr__argv0_take(const nr__spawn_req *req, char **out);

#endif
