/* reap.c — the wait4 loop and exit records. */
#include "reap.h"

#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "stdio_ext.h"

void nr__exit_record_fill(nr_exit_record *rec, pid_t pid, int status,
                          const struct rusage *ru) {
  memset(rec, 0, sizeof *rec);
  rec->magic = NR_EXIT_MAGIC;
  rec->pid = pid;
  if (WIFSIGNALED(status)) {
    rec->term_signal = WTERMSIG(status);
    rec->exit_status = 128 + rec->term_signal;
  } else {
    rec->exit_status = WEXITSTATUS(status);
  }
  rec->user_cpu_us = (int64_t)ru->ru_utime.tv_sec * 1000000 + ru->ru_utime.tv_usec;
  rec->system_cpu_us = (int64_t)ru->ru_stime.tv_sec * 1000000 + ru->ru_stime.tv_usec;
  rec->max_rss_kb = ru->ru_maxrss;
  rec->cgroup_memory_peak = -1;
  rec->cgroup_oom_kills = -1;
}

/* Write the kid's exit record and close its status pipe. Its group may
 * still have members (a background grandchild): the entry then lingers,
 * so the host can still signal that group, until nr__kids_recheck finds it
 * empty. */
static void report(nr__kids *kids, nr__kid *kid, int status,
                   const struct rusage *ru) {
  nr_exit_record rec;
  nr__exit_record_fill(&rec, kid->pid, status, ru);
  if (kid->cgroup && nr__kids_cgroup_shared(kids, kid)) {
    /* Other members of its pipeline still run in it. */
    kid->cgroup = NULL;
  } else if (kid->cgroup) {
    /* Read the counters first, then kill what is left of the cgroup (a
     * grandchild that left the process group); its removal goes on in the
     * poll loop, so no request waits for it. */
    nr__cgroup_stats(kid->cgroup, &rec.cgroup_memory_peak, &rec.cgroup_oom_kills);
    nr__dying_add(&kids->dying, kid->cgroup);
    kid->cgroup = NULL;
  }
  /* One record, smaller than PIPE_BUF, on an empty pipe: never blocks. A
   * host that already closed its end gets nothing (EPIPE; SIGPIPE is
   * ignored in the shepherd). */
  ssize_t n;
  do n = write(kid->status_fd, &rec, sizeof rec);
  while (n < 0 && errno == EINTR);
  close(kid->status_fd);
  kid->status_fd = -1;
  kid->reaped = 1;
  if (kid->tty_fd > 0) nr__stdio_foreground_restore(kid->tty_fd, kid->pid, kid->tty_fg);
  kid->tty_fd = 0;
}

int nr__reap_ready(nr__kids *kids) {
  int reaped = 0;
  for (;;) {
    int status;
    struct rusage ru;
    pid_t pid = wait4(-1, &status, WNOHANG, &ru);
    if (pid < 0 && errno == EINTR) continue;
    if (pid <= 0) break; /* 0: none ready; ECHILD: no children at all */
    reaped++;
    nr__kid *kid = nr__kids_find(kids, pid);
    if (kid && !kid->reaped) report(kids, kid, status, &ru);
  }
  /* A reap may have emptied a lingering group (its last member was ours
   * once its parent died: we are a subreaper). */
  nr__kids_recheck(kids);
  return reaped;
}
