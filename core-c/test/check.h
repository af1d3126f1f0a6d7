/*
 * check.h — the tiny test harness of the C suite.
 *
 * Each test_*.c file is its own executable: TEST(name) defines a case,
 * RUN(name) runs it in a forked process (a crash or a hung case fails that
 * case only), and DONE() prints "N passed, N failed" and exits non-zero on a
 * failure. The Makefile sums the lines of every executable.
 */
#ifndef NR_TEST_CHECK_H
#define NR_TEST_CHECK_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int check_passed, check_failed;

#define TEST(name) static void name(void)

#define CHECK(cond)                                                          \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf(stderr, "    %s:%d: CHECK(%s) failed (errno %d: %s)\n",        \
              __FILE__, __LINE__, #cond, errno, strerror(errno));            \
      fflush(stderr);                                                        \
      _exit(1);                                                              \
    }                                                                        \
  } while (0)

#define CHECK_EQ(a, b)                                                       \
  do {                                                                       \
    long long check_a_ = (long long)(a), check_b_ = (long long)(b);          \
    if (check_a_ != check_b_) {                                              \
      fprintf(stderr, "    %s:%d: %s == %s failed: %lld != %lld\n",          \
              __FILE__, __LINE__, #a, #b, check_a_, check_b_);               \
      fflush(stderr);                                                        \
      _exit(1);                                                              \
    }                                                                        \
  } while (0)

/* Run one case in a child so a crash or hang fails only that case. */
static void check_run(const char *name, void (*fn)(void), int timeout_s) {
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    alarm((unsigned)timeout_s);
    fn();
    fflush(stdout);
    _exit(0);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    check_passed++;
    printf("ok   %s\n", name);
  } else {
    check_failed++;
    if (WIFSIGNALED(status))
      printf("FAIL %s (signal %d)\n", name, WTERMSIG(status));
    else
      printf("FAIL %s (exit %d)\n", name, WEXITSTATUS(status));
  }
  fflush(stdout);
}

#define RUN(name) check_run(#name, name, 30)
#define RUN_T(name, secs) check_run(#name, name, secs)

#define DONE()                                                               \
  do {                                                                       \
    printf("%d passed, %d failed\n", check_passed, check_failed);            \
    return check_failed ? 1 : 0;                                             \
  } while (0)

#endif
