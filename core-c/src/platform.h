/* platform.h — everything the core needs that Linux and macOS spell
 * differently. platform_linux.c is the shipped implementation; platform_darwin.c
 * compiles for macOS so that a port is bounded (see docs/macos.md). */
#ifndef NR_PLATFORM_H
#define NR_PLATFORM_H

#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

/* A pipe / a unix stream socketpair, both ends close-on-exec. 0 or -1/errno. */
int nr__pipe_cloexec(int fds[2]);
int nr__socketpair_cloexec(int sv[2]);

/* recvmsg() whose received fds are close-on-exec. */
ssize_t nr__recvmsg_cloexec(int sock, struct msghdr *msg);

/* Close every fd >= lowest. */
void nr__close_from(int lowest);

/* Every signal to its default disposition (also those libc reserves). */
void nr__reset_all_signals(void);

/* A real-time signal the C library leaves to programs (SIGRTMIN..SIGRTMAX). */
int nr__signal_is_realtime(int sig);

/* In a forked child: set the groups, then gid and uid (real, effective and
 * saved). 0 or -1/errno. */
int nr__set_ids(uint32_t uid, uint32_t gid, uint32_t ngroups, const gid_t *groups);

/* In a forked child: no exec may gain privileges from now on. 0 or -1/errno. */
int nr__no_new_privs(void);

/* In a forked child: give up every capability (effective, permitted,
 * inheritable, ambient and, when allowed, the bounding set), so a child
 * running as root is root without root's powers. 0 or -1/errno. */
int nr__drop_capabilities(void);

/* In a forked child: be killed when the parent dies. 0 or -1/errno; a
 * platform without the mechanism returns 0 and relies on process groups. */
int nr__die_with_parent(void);

/* In the shepherd: orphaned descendants are re-parented to us. 0 or -1. */
int nr__become_subreaper(void);

/* A pollable fd that turns readable on SIGCHLD (SIGCHLD is blocked), and
 * emptying it after it did. -1/errno on failure. */
int nr__child_events_open(void);
void nr__child_events_drain(int fd);

/* SIGKILL every direct child of this process; returns how many. */
int nr__kill_direct_children(void);

#endif
