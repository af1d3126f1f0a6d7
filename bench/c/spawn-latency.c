/* spawn-latency.c — spawn-to-exit of /bin/true in C: the floor (posix_spawn),
 * one long-lived shepherd per host, and a shepherd per child. Prints one
 * JSON object with the median and p90 of each, in microseconds. */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "netrunner.h"

extern char **environ;

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void posix_spawn_true(void) {
  pid_t pid;
  char *argv[] = {"/bin/true", NULL};
  if (posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ) != 0) abort();
  waitpid(pid, NULL, 0);
}

static void shepherd_spawn_true(int ctl) {
  const char *argv[] = {"/bin/true", NULL};
  nr_spawn_opts o;
  nr_child c;
  nr_exit_record rec;
  nr_spawn_opts_init(&o);
  o.argv = argv;
  if (nr_spawn_with(ctl, &o, &c) < 0 || nr_read_exit(c.status_fd, &rec) < 0) abort();
  close(c.stdin_fd);
  close(c.stdout_fd);
  close(c.stderr_fd);
}

static void report(const char *name, double *v, int n, int last) {
  qsort(v, (size_t)n, sizeof *v, cmp);
  printf("  \"%s\": {\"median_us\": %.1f, \"p90_us\": %.1f}%s\n", name,
         v[n / 2], v[n * 9 / 10], last ? "" : ",");
}

int main(int argc, char **argv) {
  const char *shepherd = argc > 1 ? argv[1] : "core-c/out/netrunner-shepherd";
  int n = argc > 2 ? atoi(argv[2]) : 300;
  double *raw = calloc((size_t)n, sizeof *raw);
  double *longlived = calloc((size_t)n, sizeof *raw);
  double *oneshot = calloc((size_t)n, sizeof *raw);
  pid_t sp;
  int ctl = nr_host_open(shepherd, &sp);
  if (ctl < 0) return 1;
  for (int i = 0; i < 20; i++) shepherd_spawn_true(ctl), posix_spawn_true();
  /* Interleave the three so drift on this machine hits them alike. */
  for (int i = 0; i < n; i++) {
    double t0 = now_us();
    posix_spawn_true();
    double t1 = now_us();
    shepherd_spawn_true(ctl);
    double t2 = now_us();
    pid_t one;
    int c = nr_host_open(shepherd, &one);
    if (c < 0) return 1;
    shepherd_spawn_true(c);
    nr_host_close(c, one, 1000);
    double t3 = now_us();
    raw[i] = t1 - t0;
    longlived[i] = t2 - t1;
    oneshot[i] = t3 - t2;
  }
  nr_host_close(ctl, sp, 1000);
  printf("{\n");
  report("posix_spawn", raw, n, 0);
  report("shepherd_per_host", longlived, n, 0);
  report("shepherd_per_child", oneshot, n, 1);
  printf("}\n");
  return 0;
}
