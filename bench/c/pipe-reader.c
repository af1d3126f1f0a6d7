/* pipe-reader.c — the raw C floor for stdout throughput: spawn a command
 * with one end of an AF_UNIX socketpair as its stdout (what netrunner and
 * Node give a child) and read it to EOF with a 64 KiB buffer. Prints one
 * JSON object: bytes read and GiB/s, best of `rounds`.
 *   pipe-reader ROUNDS COMMAND [ARGS...] */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long long once(char **argv) {
  int sv[2];
  pid_t pid;
  static char buf[64 * 1024];
  posix_spawn_file_actions_t fa;
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) abort();
  shutdown(sv[0], SHUT_WR);
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, sv[1], 1);
  if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0) abort();
  posix_spawn_file_actions_destroy(&fa);
  close(sv[1]);
  long long total = 0;
  ssize_t n;
  while ((n = read(sv[0], buf, sizeof buf)) > 0) total += n;
  close(sv[0]);
  waitpid(pid, NULL, 0);
  return total;
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  int rounds = atoi(argv[1]);
  double best = 0;
  long long total = 0;
  for (int r = 0; r < rounds; r++) {
    double t = now_s();
    total = once(argv + 2);
    double rate = total / (now_s() - t) / (1024.0 * 1024 * 1024);
    if (rate > best) best = rate;
  }
  printf("{\"bytes\": %lld, \"gib_per_s\": %.3f}\n", total, best);
  return 0;
}
