// teardown.h: closing libuv handles when an environment (a worker thread)
// goes away.
//
// uv_close() finishes on a later turn of the loop. From a plain cleanup hook
// that turn came after Node had unloaded the addon when a worker alone had
// loaded it, and libuv called a close callback that was no longer mapped
// (SIGSEGV in uv__finish_close). An async cleanup hook holds the teardown
// until every handle it closed has called back.
#ifndef NETRUNNER_TEARDOWN_H
#define NETRUNNER_TEARDOWN_H

#include <node_api.h>

#include <cstddef>

class HandleTeardown {
 public:
  // `count` handles are being closed for `hook`; each close callback calls
  // Done(). With nothing to close the hook is removed at once (nullptr).
  static HandleTeardown* Begin(napi_async_cleanup_hook_handle hook, size_t count) {
    if (count == 0) {
      napi_remove_async_cleanup_hook(hook);
      return nullptr;
    }
    return new HandleTeardown(hook, count);
  }

  // One handle has closed; the last one lets the environment go on.
  void Done() {
    if (--pending_ > 0) return;
    napi_remove_async_cleanup_hook(hook_);
    delete this;
  }

 private:
  HandleTeardown(napi_async_cleanup_hook_handle hook, size_t count) : hook_(hook), pending_(count) {}
  napi_async_cleanup_hook_handle hook_;
  size_t pending_;
};

#endif
