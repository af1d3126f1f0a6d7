// polled-fd.cc: see polled-fd.h.
#include "polled-fd.h"

#include <unistd.h>

#include <unordered_set>

#include "raw-fds.h"
#include "teardown.h"

namespace {

using Registry = std::unordered_set<PolledFd*>;

// The open fds of this thread's environment (the main thread, or a worker).
thread_local Registry* registry = nullptr;

void Free(uv_handle_t* h) {
  PolledFd* p = static_cast<PolledFd*>(h->data);
  HandleTeardown* teardown = p->teardown;
  delete p;
  if (teardown != nullptr) teardown->Done();
}

// The environment is going away: close what is still open (no callback).
void CloseAll(napi_async_cleanup_hook_handle hook, void* data) {
  Registry* set = static_cast<Registry*>(data);
  HandleTeardown* teardown = HandleTeardown::Begin(hook, set->size());
  while (!set->empty()) {
    PolledFd* p = *set->begin();
    p->teardown = teardown;
    PolledClose(p);
  }
  if (registry == set) registry = nullptr;
  delete set;
}

}  // namespace

int PolledOpen(napi_env env, PolledFd* p, int fd) {
  uv_loop_t* loop = nullptr;
  if (napi_get_uv_event_loop(env, &loop) != napi_ok || registry == nullptr) {
    delete p;
    return UV_EINVAL;
  }
  p->poll.data = p;
  // uv_poll_init makes the fd non-blocking.
  int rc = uv_poll_init(loop, &p->poll, fd);
  if (rc < 0) {
    delete p;
    return rc;
  }
  p->fd = fd;
  registry->insert(p);
  RawFdUntrack(fd);
  return 0;
}

void PolledClose(PolledFd* p) {
  if (registry != nullptr) registry->erase(p);
  uv_poll_stop(&p->poll);
  if (p->fd >= 0) close(p->fd);
  p->fd = -1;
  p->callback.Reset();
  uv_close(reinterpret_cast<uv_handle_t*>(&p->poll), Free);
}

void InitPolledFds(napi_env env) {
  registry = new Registry();
  napi_add_async_cleanup_hook(env, CloseAll, registry, nullptr);
}
