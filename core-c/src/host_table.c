/* host_table.c — see host_table.h. A host may open shepherds from several
 * threads (Node workers): the table is locked. */
#include "host_table.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/wait.h>

int nr__reply_timeout_ms = NR__REPLY_TIMEOUT_MS;

typedef struct entry {
  int ctl;
  pid_t pid;
  int reaped;
  struct entry *next;
} entry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static entry *list;

static entry *find(int ctl) {
  for (entry *e = list; e; e = e->next)
    if (e->ctl == ctl) return e;
  return NULL;
}

int nr__host_table_add(int ctl, pid_t pid) {
  entry *e = malloc(sizeof *e);
  if (!e) return -ENOMEM;
  e->ctl = ctl;
  e->pid = pid;
  e->reaped = 0;
  pthread_mutex_lock(&lock);
  e->next = list;
  list = e;
  pthread_mutex_unlock(&lock);
  return 0;
}

int nr__host_table_remove(int ctl) {
  int reaped = 0;
  pthread_mutex_lock(&lock);
  for (entry **at = &list; *at; at = &(*at)->next) {
    if ((*at)->ctl == ctl) {
      entry *e = *at;
      *at = e->next;
      reaped = e->reaped;
      free(e);
      break;
    }
  }
  pthread_mutex_unlock(&lock);
  return reaped;
}

pid_t nr__host_table_pid(int ctl) {
  pthread_mutex_lock(&lock);
  entry *e = find(ctl);
  pid_t pid = e ? e->pid : -1;
  pthread_mutex_unlock(&lock);
  return pid;
}

int nr__host_table_reap(int ctl, pid_t pid) {
  int rc;
  pthread_mutex_lock(&lock);
  entry *e = find(ctl);
  if (e) pid = e->pid;
  if (e && e->reaped) {
    rc = 1;
  } else if (pid <= 0) {
    rc = -EINVAL;
  } else {
    pid_t r;
    while ((r = waitpid(pid, NULL, WNOHANG)) < 0 && errno == EINTR) {
    }
    /* ECHILD: someone else reaped it (it is gone all the same). */
    rc = r == pid || (r < 0 && errno == ECHILD) ? 1 : r == 0 ? 0 : -errno;
    if (rc == 1 && e) e->reaped = 1;
  }
  pthread_mutex_unlock(&lock);
  return rc;
}
