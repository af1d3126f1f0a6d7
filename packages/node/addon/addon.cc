// addon.cc: the N-API face of libnetrunner. A thin wrapper: every call
// converts plain JS values, calls one nr_* function, and converts back. All
// logic lives in C (libnetrunner) or TypeScript (@netrunner/core).
#include <errno.h>
#include <napi.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <string>
#include <csignal>
#include <vector>

#include "fd-reader.h"
#include "loop-call.h"
#include "polled-fd.h"
#include "raw-fds.h"
#include "netrunner.h"

extern char **environ;

namespace {

// ---- envGeneration: has the process environment changed? ----
//
// On Node's main thread process.env is the C environment (reads are getenv,
// writes setenv/unsetenv). Reading it from JavaScript costs one interceptor
// call per variable; comparing the raw environ block with the last one seen
// costs a microsecond. The generation changes whenever the block does.
std::mutex env_mutex;
std::string env_last;
uint32_t env_generation = 0;

Napi::Value EnvGeneration(const Napi::CallbackInfo& info) {
  std::string now;
  now.reserve(env_last.size());
  std::lock_guard<std::mutex> lock(env_mutex);
  for (char** e = environ; e != nullptr && *e != nullptr; e++) {
    now.append(*e);
    now.push_back('\0');
  }
  if (now != env_last) {
    env_last.swap(now);
    env_generation++;
  }
  return Napi::Number::New(info.Env(), env_generation);
}

// ---- Exit watchers: the status pipe read on the loop, without a stream ----
//
// A status pipe carries one 56-byte record, then EOF. Wrapping it in a
// net.Socket costs a Duplex, a Pipe handle, and half a dozen ticks to end
// and close it; a uv_poll on the loop thread does the same job with one
// callback. It runs on the loop thread like any libuv I/O callback (never a
// foreign thread), and keeps the loop alive while the child runs, as a
// reading socket would.
void OnStatusReadable(uv_poll_t* h, int status, int /*events*/) {
  PolledFd* w = static_cast<PolledFd*>(h->data);
  nr_exit_record rec;
  size_t got = 0;
  if (status == 0) {
    // The record is written with one write() of less than PIPE_BUF bytes,
    // then the pipe is closed: once readable, all of it (or EOF) is there.
    while (got < sizeof rec) {
      ssize_t n = read(w->fd, reinterpret_cast<char*>(&rec) + got, sizeof rec - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
  }
  Napi::FunctionReference callback = std::move(w->callback);
  PolledClose(w);
  // Plain N-API: in a worker being terminated nothing can be called, and
  // nothing is (see loop-call.h).
  LoopCall js(callback.Env());
  napi_value arg = js.Null();
  if (got > 0) {
    uint8_t* data = nullptr;
    arg = js.Bytes(got, &data);
    if (arg != nullptr) memcpy(data, &rec, got);
  }
  // napi_make_callback: runs the microtasks the callback queues, like any I/O callback.
  js.Call(callback, 1, &arg);
}

// watchExit(fd, callback): callback(Uint8Array | null) once, when the status
// pipe has its record (the bytes read before EOF; null: EOF with nothing).
// Takes ownership of fd. Returns 0 or -errno (then fd is still the caller's).
Napi::Value WatchExit(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsFunction()) {
    Napi::TypeError::New(env, "netrunner addon: watchExit(fd, callback)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  PolledFd* w = new PolledFd();
  int rc = PolledOpen(env, w, info[0].As<Napi::Number>().Int32Value());
  if (rc < 0) return Napi::Number::New(env, rc);
  rc = uv_poll_start(&w->poll, UV_READABLE, OnStatusReadable);
  if (rc < 0) {
    w->fd = -1;  // still the caller's
    PolledClose(w);
    return Napi::Number::New(env, rc);
  }
  w->callback = Napi::Persistent(info[1].As<Napi::Function>());
  return Napi::Number::New(env, 0);
}

int32_t Int(const Napi::Object& o, const char* key) {
  return o.Get(key).As<Napi::Number>().Int32Value();
}

Napi::Object Arg(const Napi::CallbackInfo& info, size_t i) {
  if (info.Length() <= i || !info[i].IsObject()) {
    Napi::TypeError::New(info.Env(), "netrunner addon: expected an options object").ThrowAsJavaScriptException();
    return Napi::Object();
  }
  return info[i].As<Napi::Object>();
}

// open(shepherdPath, cgroupRoot?) -> { ctl, pid } | { errno }
// ---- Shepherds opened by this environment ----
//
// The main thread closes its shepherds from JavaScript (process 'exit'), but
// a worker stopped with terminate() never emits 'exit': its shepherds, and
// every child, would live on until the whole process ended. The
// environment's cleanup hook closes what is still open, as the exit hook
// does: SIGKILL to every group, then hang up and reap.
struct OpenHost {
  int ctl;
  pid_t pid;
};
using HostList = std::vector<OpenHost>;
thread_local HostList* open_hosts = nullptr;
constexpr int kCloseWaitMs = 2000;

void CloseAllHosts(void* data) {
  HostList* hosts = static_cast<HostList*>(data);
  for (const OpenHost& h : *hosts) {
    nr_kill_all(h.ctl, SIGKILL);
    nr_host_close(h.ctl, h.pid, kCloseWaitMs);
  }
  if (open_hosts == hosts) open_hosts = nullptr;
  delete hosts;
}

void ForgetHost(int ctl) {
  if (open_hosts == nullptr) return;
  for (auto it = open_hosts->begin(); it != open_hosts->end(); ++it) {
    if (it->ctl == ctl) {
      open_hosts->erase(it);
      return;
    }
  }
}

Napi::Value Open(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) {
    Napi::TypeError::New(env, "netrunner addon: open(shepherdPath, cgroupRoot?)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  bool hasRoot = info.Length() > 1 && info[1].IsString();
  std::string root = hasRoot ? info[1].As<Napi::String>().Utf8Value() : std::string();
  pid_t pid = -1;
  int ctl = nr_host_open_with(path.c_str(), hasRoot ? root.c_str() : nullptr, &pid);
  Napi::Object out = Napi::Object::New(env);
  if (ctl < 0) {
    out.Set("errno", -ctl);
  } else {
    out.Set("ctl", ctl);
    out.Set("pid", static_cast<int32_t>(pid));
    if (open_hosts != nullptr) open_hosts->push_back({ctl, pid});
  }
  return out;
}

// spawn(ctl, request, fds?) -> { pid, stdinFd, stdoutFd, stderrFd, statusFd } | { errno, stage }
// `fds` (an Int32Array of at most 3) ride on the request for its stdio
// extension (nr_spawn_fds); they stay the caller's.
Napi::Value Spawn(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  bool hasFds = info.Length() > 2 && !info[2].IsUndefined();
  if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsTypedArray() ||
      (hasFds && !info[2].IsTypedArray())) {
    Napi::TypeError::New(env, "netrunner addon: spawn(ctl, Uint8Array, Int32Array?)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  int ctl = info[0].As<Napi::Number>().Int32Value();
  Napi::Uint8Array req = info[1].As<Napi::Uint8Array>();
  const int* fds = nullptr;
  int nfds = 0;
  if (hasFds) {
    Napi::TypedArray given = info[2].As<Napi::TypedArray>();
    if (given.TypedArrayType() != napi_int32_array) {
      Napi::TypeError::New(env, "netrunner addon: spawn fds must be an Int32Array").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    fds = given.As<Napi::Int32Array>().Data();
    nfds = static_cast<int>(given.ElementLength());
  }
  nr_child child;
  int rc = nr_spawn_fds(ctl, req.Data(), static_cast<uint32_t>(req.ByteLength()), fds, nfds, &child);
  Napi::Object out = Napi::Object::New(env);
  if (rc < 0) {
    out.Set("errno", -rc);
    out.Set("stage", child.stage);
    return out;
  }
  // Every fd is the environment's until a poller or a socket takes it.
  for (int fd : {child.stdin_fd, child.stdout_fd, child.stderr_fd, child.status_fd}) RawFdTrack(fd);
  out.Set("pid", child.pid);
  out.Set("stdinFd", child.stdin_fd);
  out.Set("stdoutFd", child.stdout_fd);
  out.Set("stderrFd", child.stderr_fd);
  out.Set("statusFd", child.status_fd);
  return out;
}

// signal({ ctl, pid, signal }) -> 0 | -errno
Napi::Value Signal(const Napi::CallbackInfo& info) {
  Napi::Object o = Arg(info, 0);
  if (info.Env().IsExceptionPending()) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), nr_signal(Int(o, "ctl"), Int(o, "pid"), Int(o, "signal")));
}

// killAll({ ctl, signal }) -> 0 | -errno
Napi::Value KillAll(const Napi::CallbackInfo& info) {
  Napi::Object o = Arg(info, 0);
  if (info.Env().IsExceptionPending()) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), nr_kill_all(Int(o, "ctl"), Int(o, "signal")));
}

// reclaimCgroup({ ctl, path }) -> 0 | -errno
Napi::Value ReclaimCgroup(const Napi::CallbackInfo& info) {
  Napi::Object o = Arg(info, 0);
  Napi::Env env = info.Env();
  if (env.IsExceptionPending()) return env.Undefined();
  Napi::Value path = o.Get("path");
  if (!path.IsString()) {
    Napi::TypeError::New(env, "netrunner addon: reclaimCgroup({ ctl, path })").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  std::string p = path.As<Napi::String>().Utf8Value();
  return Napi::Number::New(env, nr_reclaim_cgroup(Int(o, "ctl"), p.c_str()));
}

// hostReap({ ctl, pid }) -> 1 gone (reaped) | 0 running | -errno
Napi::Value HostReap(const Napi::CallbackInfo& info) {
  Napi::Object o = Arg(info, 0);
  if (info.Env().IsExceptionPending()) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), nr_host_reap(Int(o, "ctl"), Int(o, "pid")));
}

// close({ ctl, pid, waitMs }) -> 0 | -errno
Napi::Value Close(const Napi::CallbackInfo& info) {
  Napi::Object o = Arg(info, 0);
  if (info.Env().IsExceptionPending()) return info.Env().Undefined();
  ForgetHost(Int(o, "ctl"));
  return Napi::Number::New(info.Env(), nr_host_close(Int(o, "ctl"), Int(o, "pid"), Int(o, "waitMs")));
}

// closeFd(fd) -> 0 | -errno. fs.closeSync would do, but in a worker Node
// warns about every fd it did not open itself.
Napi::Value CloseFd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsNumber()) {
    Napi::TypeError::New(env, "netrunner addon: closeFd(fd)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  return Napi::Number::New(env, RawFdClose(info[0].As<Napi::Number>().Int32Value()));
}

// releaseFd(fd): a net.Socket owns fd from now on; the environment's
// teardown must not close it (Node closes the socket itself).
Napi::Value ReleaseFd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsNumber()) {
    Napi::TypeError::New(env, "netrunner addon: releaseFd(fd)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  RawFdUntrack(info[0].As<Napi::Number>().Int32Value());
  return env.Undefined();
}

// ptyResize({ fd, rows, cols }) -> 0 | -errno
Napi::Value PtyResize(const Napi::CallbackInfo& info) {
  Napi::Object o = Arg(info, 0);
  if (info.Env().IsExceptionPending()) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), nr_pty_resize(Int(o, "fd"), Int(o, "rows"), Int(o, "cols")));
}

// dup({ fd }) -> new fd (close-on-exec) | -errno. The PTY reader gets its own
// fd, so libuv closing it (as it does after EIO) never closes the master's
// last reference while the child lives (that would hang up its terminal).
Napi::Value Dup(const Napi::CallbackInfo& info) {
  Napi::Object o = Arg(info, 0);
  if (info.Env().IsExceptionPending()) return info.Env().Undefined();
  int fd = fcntl(Int(o, "fd"), F_DUPFD_CLOEXEC, 3);
  return Napi::Number::New(info.Env(), fd < 0 ? -errno : fd);
}

// sandboxSupport() -> { landlockAbi, seccomp, noNewPrivs, userNamespaces }
// (nr_sandbox_support).
Napi::Value SandboxSupport(const Napi::CallbackInfo& info) {
  nr_sandbox_info s{};
  nr_sandbox_support(&s);
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("landlockAbi", Napi::Number::New(info.Env(), s.landlock_abi));
  o.Set("seccomp", Napi::Boolean::New(info.Env(), s.seccomp != 0));
  o.Set("noNewPrivs", Napi::Boolean::New(info.Env(), s.no_new_privs != 0));
  o.Set("userNamespaces", Napi::Boolean::New(info.Env(), s.user_namespaces != 0));
  return o;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("open", Napi::Function::New(env, Open, "open"));
  exports.Set("spawn", Napi::Function::New(env, Spawn, "spawn"));
  exports.Set("signal", Napi::Function::New(env, Signal, "signal"));
  exports.Set("killAll", Napi::Function::New(env, KillAll, "killAll"));
  exports.Set("close", Napi::Function::New(env, Close, "close"));
  exports.Set("reclaimCgroup", Napi::Function::New(env, ReclaimCgroup, "reclaimCgroup"));
  exports.Set("hostReap", Napi::Function::New(env, HostReap, "hostReap"));
  exports.Set("closeFd", Napi::Function::New(env, CloseFd, "closeFd"));
  exports.Set("releaseFd", Napi::Function::New(env, ReleaseFd, "releaseFd"));
  open_hosts = new HostList();
  napi_add_env_cleanup_hook(env, CloseAllHosts, open_hosts);
  exports.Set("ptyResize", Napi::Function::New(env, PtyResize, "ptyResize"));
  exports.Set("envGeneration", Napi::Function::New(env, EnvGeneration, "envGeneration"));
  exports.Set("watchExit", Napi::Function::New(env, WatchExit, "watchExit"));
  InitPolledFds(env);
  InitRawFds(env);
  exports.Set("dup", Napi::Function::New(env, Dup, "dup"));
  exports.Set("sandboxSupport", Napi::Function::New(env, SandboxSupport, "sandboxSupport"));
  InitFdReader(env, exports);
  exports.Set("protocolVersion", Napi::Number::New(env, NR_PROTOCOL_VERSION));
  return exports;
}

}  // namespace

NODE_API_MODULE(netrunner, Init)
