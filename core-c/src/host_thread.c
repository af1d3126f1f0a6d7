/* host_thread.c — nr_host_close_with_thread: a host closed (every group
 * SIGKILLed, the shepherd hung up on and reaped) when the thread that
 * opened it exits. A JavaScript runtime can stop a worker thread without
 * running any of its exit hooks (Bun's Worker.terminate()); the worker's
 * shepherd and children would otherwise live until the whole process ends.
 * A thread-specific key's destructor runs on that thread's exit. */
#include "host_thread.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include "netrunner.h"

#define CLOSE_WAIT_MS 2000

typedef struct tied {
  int ctl;
  pid_t pid;
  pthread_t owner;
  struct tied *next;
} tied;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static tied *list;
static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static int key_ok;

/* Unlink and return the hosts of the calling thread (they are its to close). */
static tied *take_mine(void) {
  tied *mine = NULL, **at = &list;
  pthread_t self = pthread_self();
  pthread_mutex_lock(&lock);
  while (*at) {
    tied *t = *at;
    if (pthread_equal(t->owner, self)) {
      *at = t->next;
      t->next = mine;
      mine = t;
    } else {
      at = &t->next;
    }
  }
  pthread_mutex_unlock(&lock);
  return mine;
}

static void on_thread_exit(void *unused) {
  (void)unused;
  for (tied *t = take_mine(), *next; t; t = next) {
    next = t->next;
    nr_kill_all(t->ctl, SIGKILL);
    nr_host_close(t->ctl, t->pid, CLOSE_WAIT_MS);
    free(t);
  }
}

static void make_key(void) { key_ok = pthread_key_create(&key, on_thread_exit) == 0; }

int nr_host_close_with_thread(int ctl, pid_t shepherd_pid) {
  if (ctl < 0 || shepherd_pid <= 0) return -EINVAL;
  pthread_once(&key_once, make_key);
  if (!key_ok) return -EAGAIN;
  tied *t = malloc(sizeof *t);
  if (!t) return -ENOMEM;
  t->ctl = ctl;
  t->pid = shepherd_pid;
  t->owner = pthread_self();
  /* Any non-NULL value makes the destructor run at this thread's exit. */
  if (pthread_setspecific(key, &key_ok) != 0) {
    free(t);
    return -ENOMEM;
  }
  pthread_mutex_lock(&lock);
  t->next = list;
  list = t;
  pthread_mutex_unlock(&lock);
  return 0;
}

void nr__host_thread_forget(int ctl) {
  pthread_mutex_lock(&lock);
  for (tied **at = &list; *at; at = &(*at)->next) {
    if ((*at)->ctl == ctl) {
      tied *t = *at;
      *at = t->next;
      free(t);
      break;
    }
  }
  pthread_mutex_unlock(&lock);
}
