/* landlock.c — Landlock through raw system calls: the installed uapi
 * header may be older than the kernel, so the ABI's constants are here. */
#include "landlock.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#define SYS_landlock_add_rule 445
#define SYS_landlock_restrict_self 446
#endif

#define CREATE_RULESET_VERSION (1u << 0)
#define RULE_PATH_BENEATH 1

#define FS_EXECUTE (1ull << 0)
#define FS_WRITE_FILE (1ull << 1)
#define FS_READ_FILE (1ull << 2)
#define FS_READ_DIR (1ull << 3)
#define FS_REMOVE_DIR (1ull << 4)
#define FS_REMOVE_FILE (1ull << 5)
#define FS_MAKE_CHAR (1ull << 6)
#define FS_MAKE_DIR (1ull << 7)
#define FS_MAKE_REG (1ull << 8)
#define FS_MAKE_SOCK (1ull << 9)
#define FS_MAKE_FIFO (1ull << 10)
#define FS_MAKE_BLOCK (1ull << 11)
#define FS_MAKE_SYM (1ull << 12)
#define FS_REFER (1ull << 13)    /* ABI 2 */
#define FS_TRUNCATE (1ull << 14) /* ABI 3 */
#define FS_IOCTL_DEV (1ull << 15) /* ABI 5 */
#define NET_BIND_TCP (1ull << 0)  /* ABI 4 */
#define NET_CONNECT_TCP (1ull << 1)
#define SCOPE_ABSTRACT_UNIX (1ull << 0) /* ABI 6 */
#define SCOPE_SIGNAL (1ull << 1)

/* struct landlock_ruleset_attr as of ABI 6; older kernels take a prefix. */
typedef struct ruleset_attr {
  uint64_t handled_access_fs;
  uint64_t handled_access_net;
  uint64_t scoped;
} ruleset_attr;

typedef struct __attribute__((packed)) path_beneath {
  uint64_t allowed_access;
  int32_t parent_fd;
} path_beneath;

/* Rights that apply to a file (not only to a directory). */
#define FILE_RIGHTS \
  (FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | FS_TRUNCATE | FS_IOCTL_DEV)

static uint64_t fs_rights(int abi) {
  uint64_t all = (FS_MAKE_SYM << 1) - 1; /* ABI 1 */
  if (abi >= 2) all |= FS_REFER;
  if (abi >= 3) all |= FS_TRUNCATE;
  if (abi >= 5) all |= FS_IOCTL_DEV;
  return all;
}

int nr__landlock_abi(void) {
  long abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
                     CREATE_RULESET_VERSION);
  if (abi >= 1) return (int)abi;
  return -EOPNOTSUPP; /* ENOSYS: not built in; EOPNOTSUPP: disabled */
}

int nr__landlock_start(nr__landlock *ll, int abi, int confine_fs,
                       int no_network) {
  ruleset_attr attr = {0};
  size_t size = sizeof attr.handled_access_fs;
  ll->abi = abi;
  ll->fd = -1;
  if (confine_fs) attr.handled_access_fs = fs_rights(abi);
  if (abi >= 4) {
    size += sizeof attr.handled_access_net;
    if (no_network) attr.handled_access_net = NET_BIND_TCP | NET_CONNECT_TCP;
  }
  if (abi >= 6) {
    size += sizeof attr.scoped;
    attr.scoped = SCOPE_SIGNAL | (no_network ? SCOPE_ABSTRACT_UNIX : 0);
  }
  if (!attr.handled_access_fs && !attr.handled_access_net && !attr.scoped)
    return 0;
  long fd = syscall(SYS_landlock_create_ruleset, &attr, size, 0);
  if (fd < 0) return -errno;
  ll->fd = (int)fd; /* ruleset fds are O_CLOEXEC */
  return 0;
}

int nr__landlock_allow(nr__landlock *ll, const char *path, uint32_t access) {
  uint64_t want = FS_READ_FILE | FS_READ_DIR;
  if (access & NR__LL_EXEC) want |= FS_EXECUTE;
  if (access & NR__LL_WRITE)
    want |= FS_WRITE_FILE | FS_REMOVE_DIR | FS_REMOVE_FILE | FS_MAKE_DIR |
            FS_MAKE_REG | FS_MAKE_SOCK | FS_MAKE_FIFO | FS_MAKE_SYM |
            FS_REFER | FS_TRUNCATE | FS_IOCTL_DEV;
  want &= fs_rights(ll->abi);
  int fd = open(path, O_PATH | O_CLOEXEC);
  if (fd < 0) return -errno;
  struct stat st;
  if (fstat(fd, &st) < 0) {
    int err = errno;
    close(fd);
    return -err;
  }
  if (!S_ISDIR(st.st_mode)) want &= FILE_RIGHTS;
  path_beneath rule = {want, fd};
  long rc = syscall(SYS_landlock_add_rule, ll->fd, RULE_PATH_BENEATH, &rule, 0);
  int err = errno;
  close(fd);
  return rc < 0 ? -err : 0;
}

int nr__landlock_enforce(const nr__landlock *ll) {
  if (ll->fd < 0) return 0;
  if (syscall(SYS_landlock_restrict_self, ll->fd, 0) < 0) return -errno;
  return 0;
}

void nr__landlock_close(nr__landlock *ll) {
  if (ll->fd >= 0) close(ll->fd);
  ll->fd = -1;
}
