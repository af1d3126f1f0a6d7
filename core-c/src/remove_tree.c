/* remove_tree.c — remove a directory a sandboxed child wrote into, never
 * following a symbolic link it may have planted. */
#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "sandbox.h"

#define MAX_DEPTH 64

/* Empty the directory open at `fd` (consumed). */
static void empty_dir(int fd, int depth) {
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return;
  }
  struct dirent *e;
  while ((e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    if (unlinkat(fd, e->d_name, 0) == 0) continue;
    int sub = openat(fd, e->d_name,
                     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0) continue;
    if (depth < MAX_DEPTH) empty_dir(sub, depth + 1);
    else close(sub);
    unlinkat(fd, e->d_name, AT_REMOVEDIR);
  }
  closedir(d);
}

void nr__remove_tree(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) empty_dir(fd, 0);
  rmdir(path);
}
