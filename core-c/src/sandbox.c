/* sandbox.c — decode, prepare and apply the NR_EXT_SANDBOX extension. */
#include "sandbox.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netrunner.h"
#include "platform.h"

#define KNOWN_FLAGS                                                         \
  (NR_SANDBOX_FS | NR_SANDBOX_NO_NETWORK | NR_SANDBOX_BEST_EFFORT |         \
   NR_SANDBOX_IDS | NR_SANDBOX_PRIVATE_TMP)
#define KNOWN_ACCESS (NR_SANDBOX_READ | NR_SANDBOX_WRITE | NR_SANDBOX_EXEC)
#define MAX_GROUPS 65536u
#define MAX_PATH_LEN 4095u

static const int rlimits[4] = {RLIMIT_NOFILE, RLIMIT_FSIZE, RLIMIT_CPU,
                               RLIMIT_AS};

typedef struct reader {
  const uint8_t *p;
  size_t left;
} reader;

static int take(reader *r, void *dst, size_t n) {
  if (r->left < n) return -EINVAL;
  memcpy(dst, r->p, n);
  r->p += n;
  r->left -= n;
  return 0;
}

/* An absolute path, NUL-free, copied NUL-terminated into `buf`. */
static int take_path(reader *r, char *buf, int may_be_empty) {
  uint32_t n;
  if (take(r, &n, 4) || n > MAX_PATH_LEN || r->left < n) return -EINVAL;
  if (n == 0 && may_be_empty) {
    buf[0] = '\0';
    return 0;
  }
  if (n == 0 || r->p[0] != '/' || memchr(r->p, '\0', n)) return -EINVAL;
  return take(r, buf, n) < 0 ? -EINVAL : (buf[n] = '\0', 0);
}

int nr__sandbox_missing(uint32_t flags, int abi, int seccomp) {
  if (flags & NR_SANDBOX_BEST_EFFORT) return 0;
  /* Every sandbox needs Landlock's scoping (ABI 6): without it the child,
   * with the host's uid, could signal the host and the shepherd and reach
   * their abstract sockets. ABI 6 also has truncate control (3) for the
   * filesystem rules. */
  if (abi < 0) return -EOPNOTSUPP;
  if (abi < 6) return -EPROTONOSUPPORT;
  if (!seccomp) return -ENOSYS;
  return 0;
}

/* The fixed part: flags, limits, ids, groups. */
static int decode_head(reader *r, nr__sandbox *sb) {
  uint32_t n;
  if (take(r, &sb->flags, 4) || (sb->flags & ~(uint32_t)KNOWN_FLAGS))
    return -EINVAL;
  for (int i = 0; i < 4; i++)
    if (take(r, &sb->limit[i], 8) || sb->limit[i] < -1) return -EINVAL;
  if (take(r, &sb->uid, 4) || take(r, &sb->gid, 4) || take(r, &n, 4) ||
      n > MAX_GROUPS || r->left / 4 < n)
    return -EINVAL;
  sb->ngroups = n;
  if (n && !(sb->groups = malloc(n * sizeof *sb->groups))) return -ENOMEM;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t g = 0;
    take(r, &g, 4); /* in bounds: checked above */
    sb->groups[i] = (gid_t)g;
  }
  return 0;
}

/* Each path rule: checked all first (a malformed request creates nothing),
 * then added when `ll` is given. */
static int walk_paths(reader r, nr__landlock *ll, char *path, reader *end) {
  uint32_t count, access;
  if (take(&r, &count, 4) || count > r.left / 8) return -EINVAL;
  for (uint32_t i = 0; i < count; i++) {
    if (take(&r, &access, 4) || !access || (access & ~(uint32_t)KNOWN_ACCESS) ||
        take_path(&r, path, 0))
      return -EINVAL;
    if (ll) {
      int rc = nr__landlock_allow(ll, path, access);
      if (rc < 0) return rc;
    }
  }
  *end = r;
  return 0;
}

int nr__sandbox_prepare(const nr__ext *ext, nr__sandbox *sb, int *stage) {
  char path[MAX_PATH_LEN + 1], tmp[MAX_PATH_LEN + 1];
  reader r = {ext->data, ext->len}, paths, after;
  int rc;
  memset(sb, 0, sizeof *sb);
  sb->landlock.fd = -1;
  *stage = NR_STAGE_REQUEST;
  if ((rc = decode_head(&r, sb)) < 0) goto fail;
  paths = r;
  if ((rc = walk_paths(paths, NULL, path, &r)) < 0) goto fail;
  if ((rc = take_path(&r, tmp, 1)) < 0 || r.left != 0 ||
      !(sb->flags & NR_SANDBOX_PRIVATE_TMP) != !tmp[0] ||
      (tmp[0] && !(sb->flags & NR_SANDBOX_FS))) {
    rc = -EINVAL;
    goto fail;
  }

  *stage = NR_STAGE_SANDBOX;
  int abi = nr__landlock_abi();
  if ((rc = nr__sandbox_missing(sb->flags, abi, nr__seccomp_available())) < 0)
    goto fail;
  if (abi > 0) {
    rc = nr__landlock_start(&sb->landlock, abi, sb->flags & NR_SANDBOX_FS,
                            sb->flags & NR_SANDBOX_NO_NETWORK);
    if (rc < 0) goto fail;
    if ((sb->flags & NR_SANDBOX_FS) &&
        (rc = walk_paths(paths, &sb->landlock, path, &after)) < 0)
      goto fail;
  }
  if (tmp[0]) {
    if (mkdir(tmp, 0700) < 0) {
      rc = -errno;
      goto fail;
    }
    if (!(sb->private_tmp = strdup(tmp))) {
      rmdir(tmp);
      rc = -ENOMEM;
      goto fail;
    }
    if ((sb->flags & NR_SANDBOX_IDS) && chown(tmp, sb->uid, sb->gid) < 0) {
      rc = -errno;
      goto fail;
    }
    if (sb->landlock.fd >= 0 &&
        (rc = nr__landlock_allow(&sb->landlock, tmp,
                                 NR__LL_READ | NR__LL_WRITE)) < 0)
      goto fail;
  }
  sb->seccomp = nr__seccomp_available();
  if (sb->seccomp)
    nr__seccomp_filter_build(&sb->filter, sb->flags & NR_SANDBOX_NO_NETWORK);
  return 0;

fail:
  nr__sandbox_release(sb, 1);
  return rc;
}

int nr__sandbox_apply(const nr__sandbox *sb) {
  struct rlimit rl = {0, 0};
  if (setrlimit(RLIMIT_CORE, &rl) < 0) return -errno;
  for (int i = 0; i < 4; i++) {
    if (sb->limit[i] < 0) continue;
    rl.rlim_cur = rl.rlim_max = (rlim_t)sb->limit[i];
    if (setrlimit(rlimits[i], &rl) < 0) return -errno;
  }
  if (sb->flags & NR_SANDBOX_IDS &&
      nr__set_ids(sb->uid, sb->gid, sb->ngroups, sb->groups) < 0)
    return -errno;
  if (nr__no_new_privs() < 0 || nr__drop_capabilities() < 0) return -errno;
  int rc = nr__landlock_enforce(&sb->landlock);
  if (rc < 0) return rc;
  return sb->seccomp ? nr__seccomp_filter_install(&sb->filter) : 0;
}

void nr__sandbox_release(nr__sandbox *sb, int remove_tmp) {
  nr__landlock_close(&sb->landlock);
  free(sb->groups);
  sb->groups = NULL;
  if (sb->private_tmp && remove_tmp) nr__remove_tree(sb->private_tmp);
  free(sb->private_tmp);
  sb->private_tmp = NULL;
}
