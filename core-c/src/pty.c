/* pty.c — openpty, controlling terminal, window size. */
#include "pty.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "netrunner.h"

int nr__pty_open(uint16_t rows, uint16_t cols, int *master, int *slave) {
  int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (m < 0) return -errno;
  int s = -1;
  int rc = 0;
  char name[128];
  struct winsize ws = {.ws_row = rows ? rows : 24, .ws_col = cols ? cols : 80};
  if (grantpt(m) < 0 || unlockpt(m) < 0 || ptsname_r(m, name, sizeof name)) {
    rc = -errno;
    goto fail;
  }
  s = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (s < 0 || ioctl(m, TIOCSWINSZ, &ws) < 0 ||
      fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK) < 0) {
    rc = -errno;
    goto fail;
  }
  *master = m;
  *slave = s;
  return 0;
fail:
  if (s >= 0) close(s);
  close(m);
  return rc ? rc : -EIO;
}

int nr__pty_make_controlling(int slave) {
  if (setsid() < 0) return -errno;
  if (ioctl(slave, TIOCSCTTY, 0) < 0) return -errno;
  return 0;
}

int nr_pty_resize(int master_fd, int rows, int cols) {
  if (rows <= 0 || cols <= 0 || rows > 0xffff || cols > 0xffff) return -EINVAL;
  struct winsize ws = {.ws_row = (unsigned short)rows,
                       .ws_col = (unsigned short)cols};
  return ioctl(master_fd, TIOCSWINSZ, &ws) < 0 ? -errno : 0;
}
