/* pty.h — pseudo-terminals for PTY-mode children. */
#ifndef NR_PTY_H
#define NR_PTY_H

#include <stdint.h>

/* Open a PTY pair sized rows x cols (0 = 24x80); both fds O_CLOEXEC, the
 * master O_NONBLOCK (Bun's reader needs it). 0 or -errno. */
int nr__pty_open(uint16_t rows, uint16_t cols, int *master, int *slave);

/* Post-fork, async-signal-safe: start a new session and make `slave` its
 * controlling terminal. 0 or -errno. */
int nr__pty_make_controlling(int slave);

#endif
