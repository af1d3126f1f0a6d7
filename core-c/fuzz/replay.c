/* replay.c — the regression side of a fuzz harness: linked with it instead
 * of libFuzzer, runs every input saved in its corpus directory (each crash
 * the fuzzer ever found, and the seeds), each in its own process, and
 * prints the suite's "N passed, N failed" line. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"

#ifndef CORPUS_DIR
#error "build with -DCORPUS_DIR=\"fuzz/corpus/<target>\""
#endif

static int replay(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  size_t cap = 1 << 16, len = 0;
  uint8_t *buf = malloc(cap);
  size_t n;
  while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  if (!buf) return -1;
  LLVMFuzzerTestOneInput(buf, len);
  free(buf);
  return 0;
}

int main(void) {
  int passed = 0, failed = 0;
  DIR *d = opendir(CORPUS_DIR);
  if (!d) {
    fprintf(stderr, "cannot open %s: %s\n", CORPUS_DIR, strerror(errno));
    return 1;
  }
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, e->d_name);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) _exit(replay(path) == 0 ? 0 : 2);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
      passed++;
    } else {
      failed++;
      printf("  FAIL %s\n", path);
    }
  }
  closedir(d);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
