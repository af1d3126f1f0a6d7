/* pipeline.h — a spawn request with further members joined by kernel pipes.
 *
 * The NR_EXT_PIPELINE extension lists the members after the first (whose
 * argv is the request's own):
 *   uint32 count                 1..NR__PIPELINE_MAX - 1
 *   count × { uint32 argc >= 1, argc × (uint32 len, bytes) }
 * Every member shares the request's env, cwd, cgroup and kill timeout. The
 * first member's stdin and the last member's stdout are the host's
 * channels; member k's stdout is a pipe to member k+1's stdin; stderr is
 * one channel for all. Every member joins the first member's process group.
 */
#ifndef NR_PIPELINE_H
#define NR_PIPELINE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "child.h"
#include "kids.h"
#include "request.h"

/* At most this many members: the status pipe's preamble and one record per
 * member then fit in a single page, the smallest pipe the kernel makes, so
 * the shepherd never blocks writing them. */
#define NR__PIPELINE_MAX 64

/* NR__PIPELINE_MAGIC ("NRPL") opens the status pipe of a pipeline: then
 * uint32 count, count × int32 pid in member order; then one exit record per
 * member in the order they are reaped; EOF after the last. */
#define NR__PIPELINE_MAGIC 0x4c50524eu

/* The members of one spawn; count 1 for a plain spawn. */
typedef struct nr__pipeline {
  size_t count;       /* members, the request's own argv included */
  char **argv[NR__PIPELINE_MAX]; /* argv[0] is the request's */
  char *path[NR__PIPELINE_MAX];  /* resolved programs (malloc'd), [0] unused */
  pid_t pid[NR__PIPELINE_MAX];   /* once launched */
  void *storage;      /* behind argv[1..] */
} nr__pipeline;

/* Read the members from the request's NR_EXT_PIPELINE (count 1 without
 * it). -EINVAL for a malformed list, a PTY request, or too many members;
 * -ENOMEM. */
int nr__pipeline_decode(const nr__spawn_req *req, nr__pipeline *out);

/* Resolve every member after the first on PATH (see nr__resolve_program).
 * 0, or -errno and *failed = the index of the member not found. */
int nr__pipeline_resolve(nr__pipeline *p, char *const *env, size_t *failed);

/* Launch every member in order, `first` being the plan of member 0 with the
 * host's channels as stdio. On success every pid is in p->pid. On failure
 * *stage, *failed say where, and every member started is SIGKILLed with its
 * group and reaped. Every pipe end it made is closed either way. 0 or
 * -errno. */
int nr__pipeline_launch(nr__pipeline *p, const nr__child_plan *first,
                        int *stage, size_t *failed);

/* Write the status preamble on leader->status_fd and add one kid per
 * member, each with its own dup of it (member 0's entry takes the fd
 * itself), all in the group of member 0 with leader's kill timeout and
 * cgroup, which is removed once the last of them is reaped (see reap.c).
 * Only member 0 keeps leader's terminal (it took the foreground for the
 * group). -errno: nothing is added, the fd is still the caller's, the
 * members are left to the caller. */
int nr__pipeline_adopt(nr__pipeline *p, nr__kids *kids, const nr__kid *leader);

/* SIGKILL the group of member 0 and reap the first n members. */
void nr__pipeline_kill(nr__pipeline *p, size_t n);

/* Free what decode and resolve allocated. */
void nr__pipeline_free(nr__pipeline *p);

#endif
