/* sandbox_support.c — what this kernel can enforce (nr_sandbox_support). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "landlock.h"
#include "netrunner.h"
#include "seccomp_filter.h"

/* The integer in a /proc/sys file, or `otherwise` when it cannot be read. */
static long sysctl_value(const char *path, long otherwise) {
  char buf[32];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return otherwise;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return otherwise;
  buf[n] = '\0';
  return strtol(buf, NULL, 10);
}

int nr_sandbox_support(nr_sandbox_info *info) {
  int abi = nr__landlock_abi();
  info->landlock_abi = abi > 0 ? abi : 0;
  info->seccomp = nr__seccomp_available();
  info->no_new_privs = prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) >= 0;
  info->user_namespaces =
      sysctl_value("/proc/sys/user/max_user_namespaces", 0) > 0 &&
      sysctl_value("/proc/sys/kernel/unprivileged_userns_clone", 1) != 0;
  return 0;
}
