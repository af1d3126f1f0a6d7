/* sandbox_darwin.c — the sandbox's kernel side off Linux: macOS has neither
 * Landlock nor seccomp, so every probe reports none and every request to
 * enforce one is ENOSYS (docs/macos.md). */
#if !defined(__linux__)
#include <errno.h>

#include "landlock.h"
#include "netrunner.h"
#include "seccomp_filter.h"

int nr__landlock_abi(void) { return -1; }

int nr__landlock_start(nr__landlock *ll, int abi, int confine_fs,
                       int no_network) {
  ll->abi = abi;
  ll->fd = -1;
  return confine_fs || no_network ? -ENOSYS : 0;
}

int nr__landlock_allow(nr__landlock *ll, const char *path, uint32_t access) {
  (void)ll;
  (void)path;
  (void)access;
  return -ENOSYS;
}

int nr__landlock_enforce(const nr__landlock *ll) {
  return ll->fd < 0 ? 0 : -ENOSYS;
}

void nr__landlock_close(nr__landlock *ll) { ll->fd = -1; }

void nr__seccomp_filter_build(nr__seccomp_filter *f, int no_network) {
  (void)no_network;
  f->none = 1;
}

int nr__seccomp_available(void) { return 0; }

int nr__seccomp_filter_install(const nr__seccomp_filter *f) {
  (void)f;
  return -ENOSYS;
}

int nr_sandbox_support(nr_sandbox_info *info) {
  info->landlock_abi = 0;
  info->seccomp = 0;
  info->user_namespaces = 0;
  info->no_new_privs = 0;
  return 0;
}
#endif
