/*
 * cgroup_mounts.c — discover the cgroup hierarchies (see cgroup_mounts.h).
 */
#include "cgroup_mounts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const ctrl_names[NR__CG_NCTRL] = {"memory", "pids", "cpu"};

const char *nr__cg_ctrl_name(unsigned bit) {
  for (int i = 0; i < NR__CG_NCTRL; i++)
    if (bit == (1u << i)) return ctrl_names[i];
  return "?";
}

/* Decode the \NNN octal escapes mountinfo uses for spaces and the like, in
 * place. */
static void unescape(char *s) {
  char *w = s;
  for (char *r = s; *r; r++) {
    if (r[0] == '\\' && r[1] >= '0' && r[1] <= '7' && r[2] >= '0' &&
        r[2] <= '7' && r[3] >= '0' && r[3] <= '7') {
      *w++ = (char)(((r[1] - '0') << 6) | ((r[2] - '0') << 3) | (r[3] - '0'));
      r += 3;
    } else {
      *w++ = *r;
    }
  }
  *w = '\0';
}

/* 1 if the comma-separated list `list` holds the token `word`. */
static int has_token(const char *list, const char *word) {
  size_t wl = strlen(word);
  const char *p = list;
  while (*p) {
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == wl && memcmp(p, word, wl) == 0) return 1;
    if (!end) break;
    p = end + 1;
  }
  return 0;
}

/* Find the shepherd's own cgroup path in the hierarchy named by `ctrl`
 * (NULL = the cgroup2 "0::" line) and copy it to out; "" when unknown. */
static void own_cgroup(const char *ctrl, char *out, size_t size) {
  out[0] = '\0';
  FILE *f = fopen("/proc/self/cgroup", "re");
  if (!f) return;
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) > 0) {
    if (line[n - 1] == '\n') line[n - 1] = '\0';
    char *c1 = strchr(line, ':');
    char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    if (!c2) continue;
    *c2 = '\0';
    int match = ctrl ? has_token(c1 + 1, ctrl)
                     : (c1 == line + 1 && line[0] == '0' && c1[1] == '\0');
    if (match) {
      int r = snprintf(out, size, "%s", c2 + 1);
      if (r < 0 || (size_t)r >= size) out[0] = '\0';
      break;
    }
  }
  free(line);
  fclose(f);
}

/* Compose the base directory of a mount: its mount point, plus the
 * shepherd's own cgroup (relative to the mount's root) when `own` is set. */
static int make_base(nr__cg_mount *m, const char *mnt, const char *root,
                     const char *ctrl, int own) {
  char self[PATH_MAX];
  const char *rel = "";
  if (own) {
    own_cgroup(ctrl, self, sizeof self);
    size_t rl = strcmp(root, "/") == 0 ? 0 : strlen(root);
    if (self[0] == '/' && strncmp(self, root, rl) == 0 &&
        (self[rl] == '/' || self[rl] == '\0'))
      rel = self + rl;
    if (strcmp(rel, "/") == 0) rel = "";
  }
  int r = snprintf(m->base, sizeof m->base, "%s%s", mnt, rel);
  if (r < 0 || (size_t)r >= sizeof m->base) return -ENAMETOOLONG;
  return 0;
}

/* Consider one mountinfo line; add it to out when it is a hierarchy we use. */
static void parse_line(char *line, nr__cg_mounts *out) {
  char *field[10];
  int nf = 0;
  char *save = NULL;
  int after_dash = 0;
  /* Fields: id parent dev root mountpoint opts [optional...] - type src super */
  for (char *t = strtok_r(line, " \n", &save); t && nf < 10;
       t = strtok_r(NULL, " \n", &save)) {
    if (nf >= 6 && !after_dash) {
      if (strcmp(t, "-") == 0) after_dash = 1;
      continue;
    }
    field[nf++] = t;
  }
  if (nf < 9 || !after_dash || out->n >= NR__CG_MAX_MOUNTS) return;
  char *root = field[3], *mnt = field[4], *type = field[6], *super = field[8];
  unescape(root);
  unescape(mnt);
  nr__cg_mount *m = &out->m[out->n];
  if (strcmp(type, "cgroup2") == 0) {
    if (out->v2 >= 0) return;
    /* Delegated (non-root) setups cannot write the mount root: nest the
     * root under the shepherd's own cgroup instead. */
    int own = access(mnt, W_OK) != 0;
    m->version = 2;
    m->controllers = 0;
    if (make_base(m, mnt, root, NULL, own) < 0) return;
    out->v2 = out->n++;
    return;
  }
  if (strcmp(type, "cgroup") != 0) return;
  unsigned bits = 0;
  const char *first = NULL;
  for (int i = 0; i < NR__CG_NCTRL; i++) {
    if (has_token(super, ctrl_names[i]) && out->v1[i] < 0) {
      bits |= 1u << i;
      if (!first) first = ctrl_names[i];
    }
  }
  if (!bits) return;
  m->version = 1;
  m->controllers = bits;
  /* v1: nest under the shepherd's own cgroup so limits the host placed on
   * the shepherd still bound its children. */
  if (make_base(m, mnt, root, first, 1) < 0) return;
  for (int i = 0; i < NR__CG_NCTRL; i++)
    if (bits & (1u << i)) out->v1[i] = out->n;
  out->n++;
}

int nr__cg_mounts_read(nr__cg_mounts *out) {
  out->n = 0;
  out->v2 = -1;
  for (int i = 0; i < NR__CG_NCTRL; i++) out->v1[i] = -1;
  const char *path = getenv("NETRUNNER_MOUNTINFO_PATH");
  if (!path || !*path) path = "/proc/self/mountinfo";
  FILE *f = fopen(path, "re");
  if (!f) return -errno;
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, f) > 0) parse_line(line, out);
  free(line);
  fclose(f);
  return 0;
}
