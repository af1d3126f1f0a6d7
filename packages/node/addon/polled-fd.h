// polled-fd.h: an fd watched on the loop by a uv_poll (a status pipe, a
// child's output): its registry in the environment that opened it, and its
// closing. When the environment goes away (a worker stopped with
// terminate()), every one still open is closed from an async cleanup hook,
// held until libuv has called back for each (see teardown.h).
#ifndef NETRUNNER_POLLED_FD_H
#define NETRUNNER_POLLED_FD_H

#include <napi.h>
#include <uv.h>

class HandleTeardown;

struct PolledFd {
  uv_poll_t poll;
  int fd = -1;                         // -1 once closed
  Napi::FunctionReference callback;    // the JavaScript to call back
  HandleTeardown* teardown = nullptr;  // set when the environment goes away
  virtual ~PolledFd() = default;
};

// Take ownership of `fd` for `p` (poll.data = p) and register it in this
// thread's environment. 0, or a libuv error (then the fd is still the
// caller's and `p` is deleted).
int PolledOpen(napi_env env, PolledFd* p, int fd);

// Stop polling, close the fd, drop the callback; `p` is deleted once libuv
// lets go of the handle. Call once.
void PolledClose(PolledFd* p);

// Once per environment, from the addon's Init.
void InitPolledFds(napi_env env);

#endif
