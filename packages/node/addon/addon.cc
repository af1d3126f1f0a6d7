// addon.cc: the N-API face of libnetrunner. A thin wrapper: every call
// converts plain JS values, calls one nr_* function, and converts back. All
// logic lives in C (libnetrunner) or TypeScript (@netrunner/core).
#include <napi.h>

#include <cerrno>
#include <fcntl.h>
#include <string>

#include "netrunner.h"

namespace {

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

// open(shepherdPath) -> { ctl, pid } | { errno }
Napi::Value Open(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) {
    Napi::TypeError::New(env, "netrunner addon: open(shepherdPath)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  pid_t pid = -1;
  int ctl = nr_host_open(path.c_str(), &pid);
  Napi::Object out = Napi::Object::New(env);
  if (ctl < 0) {
    out.Set("errno", -ctl);
  } else {
    out.Set("ctl", ctl);
    out.Set("pid", static_cast<int32_t>(pid));
  }
  return out;
}

// spawn(ctl, request) -> { pid, stdinFd, stdoutFd, stderrFd, statusFd } | { errno, stage }
Napi::Value Spawn(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsTypedArray()) {
    Napi::TypeError::New(env, "netrunner addon: spawn(ctl, Uint8Array)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  int ctl = info[0].As<Napi::Number>().Int32Value();
  Napi::Uint8Array req = info[1].As<Napi::Uint8Array>();
  nr_child child;
  int rc = nr_spawn(ctl, req.Data(), static_cast<uint32_t>(req.ByteLength()), &child);
  Napi::Object out = Napi::Object::New(env);
  if (rc < 0) {
    out.Set("errno", -rc);
    out.Set("stage", child.stage);
    return out;
  }
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

// close({ ctl, pid, waitMs }) -> 0 | -errno
Napi::Value Close(const Napi::CallbackInfo& info) {
  Napi::Object o = Arg(info, 0);
  if (info.Env().IsExceptionPending()) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), nr_host_close(Int(o, "ctl"), Int(o, "pid"), Int(o, "waitMs")));
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

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("open", Napi::Function::New(env, Open, "open"));
  exports.Set("spawn", Napi::Function::New(env, Spawn, "spawn"));
  exports.Set("signal", Napi::Function::New(env, Signal, "signal"));
  exports.Set("killAll", Napi::Function::New(env, KillAll, "killAll"));
  exports.Set("close", Napi::Function::New(env, Close, "close"));
  exports.Set("ptyResize", Napi::Function::New(env, PtyResize, "ptyResize"));
  exports.Set("dup", Napi::Function::New(env, Dup, "dup"));
  exports.Set("protocolVersion", Napi::Number::New(env, NR_PROTOCOL_VERSION));
  return exports;
}

}  // namespace

NODE_API_MODULE(netrunner, Init)
