/* channels.h — a child's stdio channels and status pipe, made ahead. */
#ifndef NR_CHANNELS_H
#define NR_CHANNELS_H

/* The usual set: three one-way channels and the status pipe. */
typedef struct nr__stdio_set {
  int host[3];   /* stdin's write end, stdout's and stderr's read ends */
  int child[3];  /* the child's ends of the same */
  int status[2]; /* read end for the host, write end for the shepherd */
} nr__stdio_set;

/* A connected AF_UNIX stream pair; the host end is shut in the direction it
 * never uses (`host_shut`), so the channel is one-way like a pipe. 0 or
 * -errno. */
int nr__channel(int *host, int *child, int host_shut);

/* A full set, all CLOEXEC: the spare made by nr__stdio_set_prepare if there
 * is one, else a new one. 0 or -errno (nothing left open). */
int nr__stdio_set_take(nr__stdio_set *set);

/* Make the spare set if there is none, which takes eight system calls off
 * the next spawn's path. The shepherd calls it at start and after reaping:
 * right after a spawn it would compete for the CPU with the child just
 * started and the host setting up its readers (measured: ~12-16 us slower
 * per Node run than after the reap). */
void nr__stdio_set_prepare(void);

#endif
