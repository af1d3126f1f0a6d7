/* test_thread_fds.c — fds tied to a thread are closed when it exits. */
#include <fcntl.h>
#include <pthread.h>

#include "check.h"
#include "netrunner.h"

static int is_open(int fd) { return fcntl(fd, F_GETFD) >= 0; }

typedef struct held {
  int keep[2];   /* tied, left open: closed at the thread's exit */
  int taken[2];  /* tied, then closed through nr_fd_close_tied */
  int reused[2]; /* opened after that, not tied: must survive the exit */
} held;

static void *hold(void *arg) {
  held *h = arg;
  if (pipe2(h->keep, O_CLOEXEC) < 0 || pipe2(h->taken, O_CLOEXEC) < 0) return NULL;
  for (int i = 0; i < 2; i++) {
    if (nr_fd_tie_to_thread(h->keep[i]) < 0 || nr_fd_tie_to_thread(h->taken[i]) < 0)
      return NULL;
    if (nr_fd_close_tied(h->taken[i]) < 0) return NULL;
  }
  if (pipe2(h->reused, O_CLOEXEC) < 0) return NULL;
  return h;
}

TEST(a_thread_exit_closes_the_fds_tied_to_it_and_only_those) {
  held h;
  pthread_t t;
  void *ok = NULL;
  CHECK_EQ(pthread_create(&t, NULL, hold, &h), 0);
  CHECK_EQ(pthread_join(t, &ok), 0);
  CHECK(ok == &h);
  /* The lowest free numbers: those nr_fd_close_tied closed (and untied). */
  CHECK(h.reused[0] == h.taken[0] || h.reused[0] == h.taken[1]);
  for (int i = 0; i < 2; i++) {
    CHECK(!is_open(h.keep[i]));
    CHECK(is_open(h.reused[i]));
    close(h.reused[i]);
  }
}

TEST(the_main_thread_keeps_its_tied_fds_until_it_closes_them) {
  int p[2];
  CHECK_EQ(pipe2(p, O_CLOEXEC), 0);
  CHECK_EQ(nr_fd_tie_to_thread(p[0]), 0);
  CHECK(is_open(p[0]));
  CHECK_EQ(nr_fd_close_tied(p[0]), 0);
  CHECK(!is_open(p[0]));
  CHECK_EQ(nr_fd_close_tied(p[0]), -EBADF);
  CHECK_EQ(nr_fd_tie_to_thread(-1), -EBADF);
  close(p[1]);
}

int main(void) {
  RUN(a_thread_exit_closes_the_fds_tied_to_it_and_only_those);
  RUN(the_main_thread_keeps_its_tied_fds_until_it_closes_them);
  DONE();
}
