/* reap.h — reaping children and reporting their exit. */
#ifndef NR_REAP_H
#define NR_REAP_H

#include <sys/resource.h>
#include <sys/types.h>

#include "kids.h"
#include "netrunner.h"

/* Reap every child that has changed state (SIGCHLD coalesces: one signal may
 * stand for many exits). A kid's exit record goes to its status pipe, which
 * is then closed; descendants re-parented to us (we are a subreaper) are
 * reaped silently. A kid whose group still has members stays as a lingering
 * entry; lingering entries whose group is empty are dropped. A kid's cgroup
 * is killed at once and removed from the poll loop (kids->dying). Returns
 * how many processes were reaped. */
int nr__reap_ready(nr__kids *kids);

/* Fill an exit record from a wait status and rusage. */
void nr__exit_record_fill(nr_exit_record *rec, pid_t pid, int status,
                          const struct rusage *ru);

#endif
