/* host_table.h — the shepherds this library opened: which pid serves which
 * control socket, and whether it has been reaped. A call whose reply times
 * out kills the shepherd behind that socket; nr_host_reap and
 * nr_host_close never wait for a pid twice (it may belong to another
 * process by then). */
#ifndef NR_HOST_TABLE_H
#define NR_HOST_TABLE_H

#include <sys/types.h>

/* How long a call waits for the shepherd's reply (SO_RCVTIMEO and
 * SO_SNDTIMEO on the control socket). Every request is served without
 * waiting on a child but SPAWN, which waits for the child's exec (vfork):
 * a healthy system answers in milliseconds even for a large binary on a
 * slow disk or a cgroup under load. 10 s is far above that, yet bounds a
 * shepherd that can never answer (a child stuck in chdir on a hung NFS
 * mount holds the vfork, and the host's thread, with it). */
#define NR__REPLY_TIMEOUT_MS 10000

/* The timeout set on sockets opened from now on (tests lower it). */
extern int nr__reply_timeout_ms;

/* Remember that `pid` serves `ctl`. 0 or -ENOMEM. */
int nr__host_table_add(int ctl, pid_t pid);

/* Forget `ctl`; 1 if its shepherd was already reaped, else 0. */
int nr__host_table_remove(int ctl);

/* The shepherd serving ctl, or -1. */
pid_t nr__host_table_pid(int ctl);

/* Reap the shepherd of ctl if it has exited, without waiting: 1 gone (now
 * or before), 0 running, -errno. `pid` is used when ctl is not known. */
int nr__host_table_reap(int ctl, pid_t pid);

#endif
