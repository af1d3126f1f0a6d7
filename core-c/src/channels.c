/* channels.c — a child's stdio channels and status pipe, made ahead. */
#include "channels.h"
#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

static nr__stdio_set spare;
static int have_spare;

int nr__channel(int *host, int *child, int host_shut) {
  int sv[2];
  if (nr__socketpair_cloexec(sv) < 0) return -errno;
  shutdown(sv[0], host_shut);
  *host = sv[0];
  *child = sv[1];
  return 0;
}

static void close_set(nr__stdio_set *set, int channels) {
  for (int i = 0; i < channels; i++) {
    close(set->host[i]);
    close(set->child[i]);
  }
}

static int make_set(nr__stdio_set *set) {
  static const int shut[3] = {SHUT_RD, SHUT_WR, SHUT_WR};
  for (int i = 0; i < 3; i++) {
    int rc = nr__channel(&set->host[i], &set->child[i], shut[i]);
    if (rc < 0) {
      close_set(set, i);
      return rc;
    }
  }
  if (nr__pipe_cloexec(set->status) < 0) {
    int rc = -errno;
    close_set(set, 3);
    return rc;
  }
  return 0;
}

int nr__stdio_set_take(nr__stdio_set *set) {
  if (!have_spare) return make_set(set);
  *set = spare;
  have_spare = 0;
  return 0;
}

void nr__stdio_set_prepare(void) {
  /* Out of fds now is not an error yet: the next spawn will say so. */
  if (!have_spare) have_spare = make_set(&spare) == 0;
}
