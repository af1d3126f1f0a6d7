/* test_host_close.c — nr_host_close releases the control fd last. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include "util.h"

typedef struct closing {
  int ctl;
  pid_t shepherd;
  int rc;
} closing;

static void *close_host(void *arg) {
  closing *c = arg;
  c->rc = nr_host_close(c->ctl, c->shepherd, 10000);
  return NULL;
}

/* 1 once the host side of `ctl` reads end of file (hung up on), 0 if the fd
 * was closed instead, within about `ms`. */
static int hung_up_within(int ctl, int ms) {
  char b;
  for (int t = 0; t <= ms; t++) {
    ssize_t r = recv(ctl, &b, 1, MSG_DONTWAIT | MSG_PEEK);
    if (r == 0) return 1;
    if (r < 0 && errno == EBADF) return 0;
    sleep_ms(1);
  }
  return 0;
}

/* A thread's exit (Bun's Worker.terminate()) shows from outside only in the
 * fds it frees: while the shepherd cannot be reaped (stopped here), its
 * control fd must stay open, hung up on. */
TEST(the_control_fd_stays_open_until_the_shepherd_is_reaped) {
  closing c = {-1, 0, 1};
  c.ctl = open_host(&c.shepherd);
  CHECK_EQ(kill(c.shepherd, SIGSTOP), 0);
  for (int t = 0; t < 2000 && proc_state(c.shepherd) != 'T'; t += 5) sleep_ms(5);
  CHECK_EQ(proc_state(c.shepherd), 'T');
  pthread_t th;
  CHECK_EQ(pthread_create(&th, NULL, close_host, &c), 0);
  int hung_up = hung_up_within(c.ctl, 5000);
  int open_meanwhile = fcntl(c.ctl, F_GETFD) >= 0;
  char state = proc_state(c.shepherd);
  CHECK_EQ(kill(c.shepherd, SIGCONT), 0);
  CHECK_EQ(pthread_join(th, NULL), 0);
  CHECK(hung_up);
  CHECK(open_meanwhile);
  CHECK_EQ(state, 'T');
  /* Continued, it saw the hang-up and exited; reaped, then the fd closed. */
  CHECK_EQ(c.rc, 0);
  CHECK_EQ(proc_state(c.shepherd), 0);
  CHECK(fcntl(c.ctl, F_GETFD) < 0);
}

int main(void) {
  RUN(the_control_fd_stays_open_until_the_shepherd_is_reaped);
  DONE();
}
