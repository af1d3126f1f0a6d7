/* thread_fds.c — fds closed when the thread that holds them exits.
 *
 * A JavaScript runtime can stop a worker thread without running any of its
 * code (Bun's Worker.terminate()): the fds the worker held for its children
 * (stdin, stdout, stderr, status) would stay open in the process until it
 * ends. The worker ties each to its thread; a thread-specific key's
 * destructor closes what is still tied when that thread exits. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "netrunner.h"

typedef struct fd_tie {
  pthread_t owner;
  int tied;
} fd_tie;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static fd_tie *ties; /* indexed by fd */
static size_t nties;
static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static int key_ok;

static void on_thread_exit(void *unused) {
  (void)unused;
  pthread_t self = pthread_self();
  pthread_mutex_lock(&lock);
  for (size_t fd = 0; fd < nties; fd++) {
    if (ties[fd].tied && pthread_equal(ties[fd].owner, self)) {
      ties[fd].tied = 0;
      close((int)fd);
    }
  }
  pthread_mutex_unlock(&lock);
}

static void make_key(void) { key_ok = pthread_key_create(&key, on_thread_exit) == 0; }

int nr_fd_tie_to_thread(int fd) {
  if (fd < 0) return -EBADF;
  pthread_once(&key_once, make_key);
  if (!key_ok) return -EAGAIN;
  /* Any non-NULL value makes the destructor run at this thread's exit. */
  if (pthread_setspecific(key, &key_ok) != 0) return -ENOMEM;
  pthread_mutex_lock(&lock);
  if ((size_t)fd >= nties) {
    size_t n = nties ? nties : 64;
    while (n <= (size_t)fd) n *= 2;
    fd_tie *grown = realloc(ties, n * sizeof *grown);
    if (!grown) {
      pthread_mutex_unlock(&lock);
      return -ENOMEM;
    }
    memset(grown + nties, 0, (n - nties) * sizeof *grown);
    ties = grown;
    nties = n;
  }
  ties[fd].owner = pthread_self();
  ties[fd].tied = 1;
  pthread_mutex_unlock(&lock);
  return 0;
}

int nr_fd_close_tied(int fd) {
  if (fd < 0) return -EBADF;
  pthread_mutex_lock(&lock);
  if ((size_t)fd < nties) ties[fd].tied = 0;
  pthread_mutex_unlock(&lock);
  return close(fd) < 0 ? -errno : 0;
}
