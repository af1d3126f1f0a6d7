// raw-fds.cc: see raw-fds.h.
#include "raw-fds.h"

#include <errno.h>
#include <unistd.h>

#include <unordered_set>

namespace {

using FdSet = std::unordered_set<int>;

// This thread's environment's fds (the main thread, or a worker).
thread_local FdSet* raw_fds = nullptr;

void CloseAll(void* data) {
  FdSet* set = static_cast<FdSet*>(data);
  for (int fd : *set) close(fd);
  if (raw_fds == set) raw_fds = nullptr;
  delete set;
}

}  // namespace

void RawFdTrack(int fd) {
  if (fd >= 0 && raw_fds != nullptr) raw_fds->insert(fd);
}

void RawFdUntrack(int fd) {
  if (raw_fds != nullptr) raw_fds->erase(fd);
}

int RawFdClose(int fd) {
  RawFdUntrack(fd);
  return close(fd) < 0 ? -errno : 0;
}

void InitRawFds(napi_env env) {
  raw_fds = new FdSet();
  napi_add_env_cleanup_hook(env, CloseAll, raw_fds);
}
