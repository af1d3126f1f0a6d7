/* resolve.c — PATH lookup for argv[0]. */
#include "resolve.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *path_of(char *const *env) {
  for (size_t i = 0; env && env[i]; i++)
    if (strncmp(env[i], "PATH=", 5) == 0) return env[i] + 5;
  const char *p = env ? NULL : getenv("PATH");
  return p ? p : "/usr/local/bin:/usr/bin:/bin";
}

int nr__resolve_program(const char *name, char *const *env, char *out,
                        size_t outsz) {
  if (strchr(name, '/')) {
    if (strlen(name) >= outsz) return -ENAMETOOLONG;
    strcpy(out, name);
    return 0;
  }
  const char *path = path_of(env);
  int seen_eacces = 0;
  while (*path) {
    const char *end = strchr(path, ':');
    if (!end) end = path + strlen(path);
    size_t dlen = (size_t)(end - path);
    /* An empty PATH entry means the current directory. */
    int n = dlen ? snprintf(out, outsz, "%.*s/%s", (int)dlen, path, name)
                 : snprintf(out, outsz, "%s", name);
    if (n < 0 || (size_t)n >= outsz) return -ENAMETOOLONG;
    struct stat st;
    if (stat(out, &st) == 0 && S_ISREG(st.st_mode)) {
      if (access(out, X_OK) == 0) return 0;
      seen_eacces = 1;
    }
    path = *end ? end + 1 : end;
  }
  return seen_eacces ? -EACCES : -ENOENT;
}
