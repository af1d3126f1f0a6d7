/*
 * cgroup.c — create, join, kill and remove a job's cgroup (see cgroup.h and
 * docs/cgroup.md). Mount discovery lives in cgroup_mounts.c, the files
 * inside a cgroup directory in cgroup_limits.c.
 */
#include "cgroup.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cgroup_limits.h"
#include "cgroup_mounts.h"

#define KILL_ROUNDS 50    /* v1 procs-kill loop: at most this many passes */
#define KILL_PAUSE_MS 1   /* ... with this pause between passes */
#define RMDIR_PAUSE_MS 2  /* destroy: pause between rmdir attempts */
#define MKDIR_PASSES 16   /* create: walks when a directory vanishes mid-way */

/* The job's directory in one hierarchy. */
typedef struct nr__cg_dir {
  int version;          /* 1 or 2 */
  unsigned ctrls;       /* NR__CG_* controllers whose files are used here */
  int procs_fd;         /* leaf/cgroup.procs opened for join, or -1 */
  int created_leaf;     /* this module created the leaf (else: untouched) */
  int has_kill;         /* cgroup.kill was written successfully */
  int gone;             /* the leaf is removed (or was never ours) */
  size_t base_len;      /* path[0..base_len) is the hierarchy's base */
  size_t root_len;      /* path[0..root_len) is <base>/<root> */
  char path[PATH_MAX];  /* the leaf directory */
} nr__cg_dir;

struct nr__cgroup {
  int n;    /* dirs used */
  int mem;  /* index of the dir whose memory controller is active, or -1 */
  nr__cg_dir dir[NR__CG_MAX_MOUNTS];
};

static int valid_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

int nr__cgroup_path_valid(const char *path, size_t len) {
  if (!path || len == 0 || len > 255 || path[0] == '/') return -EINVAL;
  size_t start = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i < len && path[i] != '/') {
      if (!valid_char((unsigned char)path[i])) return -EINVAL;
      continue;
    }
    size_t clen = i - start;
    if (clen == 0) return -EINVAL; /* "a//b" or a trailing '/' */
    if (path[start] == '.' && (clen == 1 || (clen == 2 && path[start + 1] == '.')))
      return -EINVAL;
    start = i + 1;
  }
  return 0;
}

/* Validate the numbers of a spec: -1 or a sensible value each. */
static int check_spec(const nr__cgroup_spec *s) {
  if (s->memory_max < -1 || s->memory_max == 0) return -EINVAL;
  if (s->pids_max < -1) return -EINVAL;
  if (s->cpu_quota_us < -1 || s->cpu_quota_us == 0) return -EINVAL;
  if (s->cpu_period_us < -1 || s->cpu_period_us == 0) return -EINVAL;
  if (s->cpu_period_us > 0 && s->cpu_quota_us < 0) return -EINVAL;
  return nr__cgroup_path_valid(s->path, s->path_len);
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
  }
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The directories at or above a root that this process created (the
 * shepherd's root is fixed for its life: a handful at most). One of them is
 * removed, once empty, by whichever of this process's cgroups leaves it
 * empty: the job that made it may be gone long before the last one under
 * it. One made by anyone else (an administrator, perhaps with limits on it,
 * or another shepherd) stays. */
#define MADE_MAX 16
static char *made[MADE_MAX];

static int made_slot(const char *path) {
  for (int i = 0; i < MADE_MAX; i++)
    if (made[i] && strcmp(made[i], path) == 0) return i;
  return -1;
}

static void remember_made(const char *path) {
  if (made_slot(path) >= 0) return;
  for (int i = 0; i < MADE_MAX; i++) {
    if (!made[i]) {
      made[i] = strdup(path); /* on ENOMEM: it stays, as if not ours */
      return;
    }
  }
}

static void forget_made(int slot) {
  free(made[slot]);
  made[slot] = NULL;
}

/* One pass of mkdir -p of d->path below its base; the leaf must be new. */
static int mkdir_walk(nr__cg_dir *d) {
  for (size_t i = d->base_len + 1;; i++) {
    char c = d->path[i];
    if (c != '/' && c != '\0') continue;
    d->path[i] = '\0';
    int r = mkdir(d->path, 0755);
    int err = errno;
    if (r == 0 && i <= d->root_len) remember_made(d->path);
    d->path[i] = c;
    if (r == 0 && c == '\0') d->created_leaf = 1;
    if (r < 0 && (err != EEXIST || c == '\0')) return -err;
    if (c == '\0') return 0;
  }
}

/* mkdir -p of d->path below its base; -EEXIST if the leaf exists. Another
 * shepherd using the same root prunes the directories it leaves empty (see
 * prune): one can vanish between our mkdir of it (EEXIST) and of the next
 * component below it (ENOENT). Then the walk starts over. */
static int mkdir_leaf(nr__cg_dir *d) {
  int r = -ENOENT;
  for (int pass = 0; pass < MKDIR_PASSES && r == -ENOENT; pass++)
    r = mkdir_walk(d);
  return r;
}

/* rmdir the leaf (from = 1: it is already gone), then each directory above
 * it that is now empty, up to the root, stopping at the first that is busy
 * or not empty (another job's). Directories below the root are netrunner's,
 * made on demand: whoever leaves one empty removes it, whichever shepherd
 * made it. The root and the directories above it go only if this process
 * created them (see `made`). */
static void prune(nr__cg_dir *d, int from) {
  if (!d->created_leaf) return; /* not ours: nothing here to remove */
  char p[PATH_MAX];
  memcpy(p, d->path, sizeof p);
  for (int level = 0;; level++) {
    size_t len = strlen(p);
    if (len <= d->base_len) return;
    int slot = len <= d->root_len ? made_slot(p) : -1;
    if (len <= d->root_len && slot < 0) return;
    if (level >= from && rmdir(p) < 0 && errno != ENOENT) return;
    if (slot >= 0) forget_made(slot);
    *strrchr(p, '/') = '\0';
  }
}

/* Append a dir for `m` and create its leaf; the dir is counted in cg->n
 * before mkdir so a failure rolls back what was made. */
static int add_dir(nr__cgroup *cg, const nr__cg_mount *m, const char *root,
                   const nr__cgroup_spec *s, nr__cg_dir **out) {
  nr__cg_dir *d = &cg->dir[cg->n];
  d->version = m->version;
  d->base_len = strlen(m->base);
  d->root_len = d->base_len + 1 + strlen(root);
  int r = snprintf(d->path, sizeof d->path, "%s/%s/%.*s", m->base, root,
                   (int)s->path_len, s->path);
  if (r < 0 || (size_t)r >= sizeof d->path) return -ENAMETOOLONG;
  cg->n++;
  *out = d;
  return mkdir_leaf(d);
}

/* Find (or add) the dir of the v1 mount `m`. */
static int v1_dir(nr__cgroup *cg, const nr__cg_mount *m, const char *root,
                  const nr__cgroup_spec *s, nr__cg_dir **out) {
  size_t bl = strlen(m->base);
  for (int i = 0; i < cg->n; i++) {
    nr__cg_dir *d = &cg->dir[i];
    if (d->version == 1 && d->base_len == bl &&
        strncmp(d->path, m->base, bl) == 0) {
      *out = d;
      return 0;
    }
  }
  return add_dir(cg, m, root, s, out);
}

/* Decide where each controller lives and create the dirs: cgroup2 first
 * (always, when mounted), then v1 for what cgroup2 cannot do. */
static int place(nr__cgroup *cg, const nr__cg_mounts *mt, const char *root,
                 const nr__cgroup_spec *s) {
  unsigned want = 0;
  if (s->memory_max > 0) want |= NR__CG_MEMORY;
  if (s->pids_max >= 0) want |= NR__CG_PIDS;
  if (s->cpu_quota_us > 0) want |= NR__CG_CPU;
  nr__cg_dir *v2 = NULL, *d;
  int r;
  if (mt->v2 >= 0 && (r = add_dir(cg, &mt->m[mt->v2], root, s, &v2)) < 0)
    return r;
  /* Memory is placed even without a limit, for the statistics. */
  for (int i = 0; i < NR__CG_NCTRL; i++) {
    unsigned bit = 1u << i;
    if (!((want | NR__CG_MEMORY) & bit)) continue;
    if (v2 && nr__cg_v2_enable(v2->path, v2->base_len,
                               nr__cg_ctrl_name(bit)) == 0) {
      v2->ctrls |= bit;
    } else if (mt->v1[i] >= 0) {
      if ((r = v1_dir(cg, &mt->m[mt->v1[i]], root, s, &d)) < 0) return r;
      d->ctrls |= bit;
    } else if (want & bit) {
      return -EOPNOTSUPP;
    }
  }
  if (cg->n > 0) return 0;
  /* No cgroup2 and no memory hierarchy: any v1 hierarchy still lets the
   * kill loop find every member. */
  for (int i = 0; i < NR__CG_NCTRL; i++)
    if (mt->v1[i] >= 0) return v1_dir(cg, &mt->m[mt->v1[i]], root, s, &d);
  return -ENOENT;
}

int nr__cgroup_create(const nr__cgroup_spec *spec, nr__cgroup **out) {
  if (!spec || !out) return -EINVAL;
  int r = check_spec(spec);
  if (r < 0) return r;
  const char *root = getenv("NETRUNNER_CGROUP_ROOT");
  if (!root || !*root) root = "netrunner";
  if (nr__cgroup_path_valid(root, strlen(root)) < 0) return -EINVAL;

  nr__cg_mounts *mt = malloc(sizeof *mt);
  nr__cgroup *cg = calloc(1, sizeof *cg);
  if (!mt || !cg) {
    r = -ENOMEM;
    goto fail;
  }
  cg->mem = -1;
  for (int i = 0; i < NR__CG_MAX_MOUNTS; i++) cg->dir[i].procs_fd = -1;
  if ((r = nr__cg_mounts_read(mt)) < 0 || (r = place(cg, mt, root, spec)) < 0)
    goto fail;
  for (int i = 0; i < cg->n; i++) {
    nr__cg_dir *d = &cg->dir[i];
    if ((r = nr__cg_limits_apply(d->version, d->path, d->ctrls, spec)) < 0)
      goto fail;
    char p[PATH_MAX];
    int n = snprintf(p, sizeof p, "%s/cgroup.procs", d->path);
    if (n < 0 || (size_t)n >= sizeof p) {
      r = -ENAMETOOLONG;
      goto fail;
    }
    if ((d->procs_fd = open(p, O_WRONLY | O_CLOEXEC)) < 0) {
      r = -errno;
      goto fail;
    }
    if (d->ctrls & NR__CG_MEMORY) cg->mem = i;
  }
  free(mt);
  *out = cg;
  return 0;

fail:
  if (cg) {
    nr__cgroup_close_join_fds(cg);
    for (int i = cg->n - 1; i >= 0; i--) prune(&cg->dir[i], 0);
  }
  free(cg);
  free(mt);
  return r;
}

int nr__cgroup_join_self(const nr__cgroup *cg) {
  for (int i = 0; i < cg->n; i++) {
    if (cg->dir[i].procs_fd < 0) return -EBADF;
    ssize_t n;
    do {
      n = write(cg->dir[i].procs_fd, "0", 1);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return -errno;
  }
  return 0;
}

void nr__cgroup_close_join_fds(nr__cgroup *cg) {
  for (int i = 0; i < cg->n; i++) {
    if (cg->dir[i].procs_fd >= 0) close(cg->dir[i].procs_fd);
    cg->dir[i].procs_fd = -1;
  }
}

/* SIGKILL every pid listed in leaf/cgroup.procs; how many were listed. */
static int kill_listed(const char *leaf) {
  char path[PATH_MAX], buf[4096];
  int r = snprintf(path, sizeof path, "%s/cgroup.procs", leaf);
  if (r < 0 || (size_t)r >= sizeof path) return 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  pid_t self = getpid();
  long pid = 0;
  int count = 0;
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    /* A number may span two reads: flush it only on a separator or EOF. */
    for (ssize_t i = 0; i <= n; i++) {
      char c = i < n ? buf[i] : '\0';
      if (c >= '0' && c <= '9') {
        pid = pid < 100000000 ? pid * 10 + (c - '0') : 100000000;
        continue;
      }
      if (i == n && n > 0) break; /* end of this chunk, not of the file */
      if (pid > 1 && pid < 100000000 && pid != self) {
        kill((pid_t)pid, SIGKILL);
        count++;
      }
      pid = 0;
    }
    if (n <= 0) break;
  }
  close(fd);
  return count;
}

/* One pass: cgroup.kill where available, the procs loop elsewhere; the
 * number of pids still listed in dirs without cgroup.kill. */
static int kill_round(nr__cgroup *cg) {
  int left = 0;
  for (int i = 0; i < cg->n; i++) {
    nr__cg_dir *d = &cg->dir[i];
    if (d->version == 2 && nr__cg_write(d->path, "cgroup.kill", "1") == 0) {
      d->has_kill = 1;
      continue;
    }
    left += kill_listed(d->path);
  }
  return left;
}

void nr__cgroup_kill_once(nr__cgroup *cg) { kill_round(cg); }

void nr__cgroup_kill(nr__cgroup *cg) {
  for (int round = 0; round < KILL_ROUNDS; round++) {
    if (kill_round(cg) == 0) return;
    sleep_ms(KILL_PAUSE_MS);
  }
}

void nr__cgroup_stats(const nr__cgroup *cg, int64_t *memory_peak,
                      int64_t *oom_kills) {
  *memory_peak = -1;
  *oom_kills = -1;
  if (cg && cg->mem >= 0)
    nr__cg_limits_stats(cg->dir[cg->mem].version, cg->dir[cg->mem].path,
                        memory_peak, oom_kills);
}

int nr__cgroup_remove_step(nr__cgroup *cg) {
  int busy = 0;
  nr__cgroup_close_join_fds(cg);
  kill_round(cg);
  for (int i = 0; i < cg->n; i++) {
    nr__cg_dir *d = &cg->dir[i];
    if (d->gone) continue;
    /* A leaf it did not create (create failed on it) is never removed. */
    if (!d->created_leaf || rmdir(d->path) == 0 || errno == ENOENT)
      d->gone = 1;
    else
      busy = 1;
  }
  if (busy) return 0;
  for (int i = cg->n - 1; i >= 0; i--) {
    if (cg->dir[i].created_leaf) prune(&cg->dir[i], 1);
    cg->dir[i].created_leaf = 0; /* pruned once: never again */
  }
  return 1;
}

void nr__cgroup_free(nr__cgroup *cg) {
  if (!cg) return;
  nr__cgroup_close_join_fds(cg);
  free(cg);
}

int nr__cgroup_destroy(nr__cgroup *cg, int wait_ms) {
  if (!cg) return 0;
  nr__cgroup_kill(cg);
  long long deadline = now_ms() + (wait_ms > 0 ? wait_ms : 0);
  int done;
  while (!(done = nr__cgroup_remove_step(cg)) && now_ms() < deadline)
    sleep_ms(RMDIR_PAUSE_MS);
  for (int i = cg->n - 1; !done && i >= 0; i--)
    if (cg->dir[i].gone && cg->dir[i].created_leaf) prune(&cg->dir[i], 1);
  nr__cgroup_free(cg);
  return done ? 0 : -EBUSY;
}

int nr__cgroup_same(const nr__cgroup *a, const nr__cgroup *b) {
  for (int i = 0; i < a->n; i++)
    for (int j = 0; j < b->n; j++)
      if (strcmp(a->dir[i].path, b->dir[j].path) == 0) return 1;
  return 0;
}

static int below(const char *lower, const char *upper) {
  size_t n = strlen(upper);
  return strncmp(lower, upper, n) == 0 && lower[n] == '/';
}

int nr__cgroup_nested(const nr__cgroup *a, const nr__cgroup *b) {
  for (int i = 0; i < a->n; i++)
    for (int j = 0; j < b->n; j++)
      if (below(a->dir[i].path, b->dir[j].path) ||
          below(b->dir[j].path, a->dir[i].path))
        return 1;
  return 0;
}

int nr__cgroup_open_existing(const char *path, size_t len, nr__cgroup **out) {
  if (nr__cgroup_path_valid(path, len) < 0) return -EINVAL;
  const char *root = getenv("NETRUNNER_CGROUP_ROOT");
  if (!root || !*root) root = "netrunner";
  if (nr__cgroup_path_valid(root, strlen(root)) < 0) return -EINVAL;
  nr__cg_mounts *mt = malloc(sizeof *mt);
  nr__cgroup *cg = calloc(1, sizeof *cg);
  int r = -ENOMEM;
  if (!mt || !cg || (r = nr__cg_mounts_read(mt)) < 0) goto fail;
  cg->mem = -1;
  for (int i = 0; i < mt->n && cg->n < NR__CG_MAX_MOUNTS; i++) {
    nr__cg_dir *d = &cg->dir[cg->n];
    struct stat st;
    d->procs_fd = -1;
    d->version = mt->m[i].version;
    d->base_len = strlen(mt->m[i].base);
    d->root_len = d->base_len + 1 + strlen(root);
    r = snprintf(d->path, sizeof d->path, "%s/%s/%.*s", mt->m[i].base, root,
                 (int)len, path);
    if (r < 0 || (size_t)r >= sizeof d->path) continue;
    if (stat(d->path, &st) < 0 || !S_ISDIR(st.st_mode)) continue;
    /* A leaf a spawn made at this path: this shepherd removes it now. */
    d->created_leaf = 1;
    cg->n++;
  }
  free(mt);
  if (cg->n == 0) {
    free(cg);
    return -ENOENT;
  }
  *out = cg;
  return 0;

fail:
  free(cg);
  free(mt);
  return r;
}

const char *nr__cgroup_leaf(const nr__cgroup *cg, int i, int *version) {
  if (!cg || i < 0 || i >= cg->n) return NULL;
  if (version) *version = cg->dir[i].version;
  return cg->dir[i].path;
}
