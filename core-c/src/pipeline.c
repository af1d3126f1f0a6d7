/* pipeline.c — members joined by kernel pipes: decode, resolve, launch. */
#include "pipeline.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launch.h"
#include "resolve.h"

typedef struct cursor {
  const uint8_t *p;
  size_t left;
} cursor;

static int take_u32(cursor *c, uint32_t *v) {
  if (c->left < sizeof *v) return -EINVAL;
  memcpy(v, c->p, sizeof *v);
  c->p += sizeof *v;
  c->left -= sizeof *v;
  return 0;
}

/* Validate the member list and count its pointer slots (each argv and its
 * NULL) and string bytes; with `ptrs`, also copy it: the argv arrays into
 * `ptrs`, the strings into `arena`. */
static int walk(cursor c, nr__pipeline *out, char **ptrs, char *arena,
                size_t *slots, size_t *bytes) {
  uint32_t count, argc, len;
  *slots = *bytes = 0;
  if (take_u32(&c, &count) || count < 1 || count > NR__PIPELINE_MAX - 1)
    return -EINVAL;
  for (uint32_t m = 1; m <= count; m++) {
    if (take_u32(&c, &argc) || argc < 1 || argc > c.left / 4) return -EINVAL;
    if (ptrs) out->argv[m] = ptrs + *slots;
    for (uint32_t i = 0; i < argc; i++) {
      if (take_u32(&c, &len) || len > c.left) return -EINVAL;
      if ((i == 0 && len == 0) || memchr(c.p, '\0', len)) return -EINVAL;
      if (ptrs) {
        memcpy(arena, c.p, len);
        arena[len] = '\0';
        ptrs[*slots + i] = arena;
        arena += len + 1;
      }
      *bytes += (size_t)len + 1;
      c.p += len;
      c.left -= len;
    }
    if (ptrs) ptrs[*slots + argc] = NULL;
    *slots += (size_t)argc + 1;
  }
  if (c.left != 0) return -EINVAL; /* trailing bytes */
  if (ptrs) out->count = (size_t)count + 1;
  return 0;
}

int nr__pipeline_decode(const nr__spawn_req *req, nr__pipeline *out) {
  memset(out, 0, sizeof *out);
  out->count = 1;
  out->argv[0] = req->argv;
  const nr__ext *ext = &req->ext[NR_EXT_PIPELINE];
  if (!ext->data) return 0;
  if (req->flags & NR_SPAWN_PTY) return -EINVAL; /* one terminal, one child */
  cursor c = {ext->data, ext->len};
  size_t slots, bytes;
  int rc = walk(c, out, NULL, NULL, &slots, &bytes);
  if (rc < 0) return rc;
  char **ptrs = malloc(slots * sizeof *ptrs + bytes);
  if (!ptrs) return -ENOMEM;
  out->storage = ptrs;
  return walk(c, out, ptrs, (char *)(ptrs + slots), &slots, &bytes);
}

int nr__pipeline_resolve(nr__pipeline *p, char *const *env, size_t *failed) {
  char path[PATH_MAX];
  for (size_t k = 1; k < p->count; k++) {
    int rc = nr__resolve_program(p->argv[k][0], env, path, sizeof path);
    if (rc == 0 && !(p->path[k] = strdup(path))) rc = -ENOMEM;
    if (rc < 0) {
      *failed = k;
      return rc;
    }
  }
  return 0;
}

static void close_fd(int *fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

void nr__pipeline_kill(nr__pipeline *p, size_t n) {
  if (n == 0) return;
  kill(-p->pid[0], SIGKILL);
  for (size_t k = 0; k < n; k++) {
    kill(p->pid[k], SIGKILL); /* in case it had not joined the group yet */
    while (waitpid(p->pid[k], NULL, 0) < 0 && errno == EINTR) {
    }
  }
}

int nr__pipeline_launch(nr__pipeline *p, const nr__child_plan *first,
                        int *stage, size_t *failed) {
  int prev_read = -1; /* the read end of the pipe from member k-1 */
  for (size_t k = 0; k < p->count; k++) {
    int pipefd[2] = {-1, -1};
    int last = k + 1 == p->count;
    /* CLOEXEC: a member holds only its own ends once it has exec'd. */
    if (!last && pipe2(pipefd, O_CLOEXEC) < 0) {
      int rc = -errno;
      close_fd(&prev_read);
      nr__pipeline_kill(p, k);
      *stage = NR_STAGE_RESOURCE;
      *failed = k;
      return rc;
    }
    nr__child_plan plan = *first;
    if (k > 0) {
      plan.path = p->path[k];
      plan.argv = p->argv[k];
      plan.stdio[0] = prev_read;
      plan.pgid = p->pid[0];
      plan.fg_tty = -1; /* member 0 took the foreground for the group */
    }
    if (!last) plan.stdio[1] = pipefd[1];
    int rc = nr__launch(&plan, &p->pid[k], stage);
    /* Our copies go at once: a reader must see EOF when its writer ends,
     * and a writer SIGPIPE when its reader does. */
    close_fd(&prev_read);
    close_fd(&pipefd[1]);
    prev_read = pipefd[0];
    if (rc < 0) {
      close_fd(&prev_read);
      nr__pipeline_kill(p, k);
      *failed = k;
      return rc;
    }
  }
  return 0;
}

int nr__pipeline_adopt(nr__pipeline *p, nr__kids *kids, const nr__kid *leader) {
  int status_fd = leader->status_fd;
  int status[NR__PIPELINE_MAX];
  size_t added = 0;
  int rc = 0;
  status[0] = status_fd;
  for (size_t k = 1; k < p->count; k++) {
    status[k] = fcntl(status_fd, F_DUPFD_CLOEXEC, 3);
    if (status[k] < 0) {
      rc = -errno;
      while (--k > 0) close(status[k]);
      return rc;
    }
  }
  if (p->count > 1) {
    /* The preamble fits in the empty pipe: this write never blocks. */
    uint32_t pre[2 + NR__PIPELINE_MAX] = {NR__PIPELINE_MAGIC,
                                          (uint32_t)p->count};
    for (size_t k = 0; k < p->count; k++) pre[2 + k] = (uint32_t)p->pid[k];
    size_t len = (2 + p->count) * sizeof pre[0];
    ssize_t n;
    do n = write(status_fd, pre, len);
    while (n < 0 && errno == EINTR);
    if (n != (ssize_t)len) rc = n < 0 ? -errno : -EIO;
  }
  for (size_t k = 0; rc == 0 && k < p->count; k++) {
    nr__kid kid = {.pid = p->pid[k], .pgid = p->pid[0],
                   .status_fd = status[k],
                   .kill_timeout_ms = leader->kill_timeout_ms,
                   .cgroup = leader->cgroup};
    if (k == 0) {
      kid.tty_fd = leader->tty_fd;
      kid.tty_fg = leader->tty_fg;
    }
    rc = nr__kids_add(kids, &kid);
    if (rc == 0) added++;
  }
  if (rc == 0) return 0;
  for (size_t k = 0; k < added; k++) {
    nr__kid *kid = nr__kids_find(kids, p->pid[k]);
    if (kid) nr__kids_remove(kids, kid);
  }
  for (size_t k = 1; k < p->count; k++) close(status[k]);
  return rc;
}

void nr__pipeline_free(nr__pipeline *p) {
  for (size_t k = 1; k < p->count; k++) free(p->path[k]);
  free(p->storage);
  memset(p, 0, sizeof *p);
}
