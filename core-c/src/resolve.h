/* resolve.h — find argv[0] on PATH before forking. */
#ifndef NR_RESOLVE_H
#define NR_RESOLVE_H

#include <stddef.h>

/* Resolve `name` to a path to execute. A name containing '/' is used as it
 * is (the exec reports its errors). Otherwise each PATH directory is tried,
 * PATH taken from `env` (a NULL-terminated "K=V" list) when it has one, else
 * from the shepherd's environment, else "/usr/local/bin:/usr/bin:/bin".
 * 0 and the path in out, -ENOENT, -EACCES (found, not executable), or
 * -ENAMETOOLONG. */
int nr__resolve_program(const char *name, char *const *env, char *out,
                        size_t outsz);

#endif
