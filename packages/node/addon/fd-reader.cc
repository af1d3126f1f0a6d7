// fd-reader.cc: a child's stdout, stderr or PTY master read on the loop
// thread by a uv_poll and read(2), without a stream object. A net.Socket
// costs a Duplex, a Pipe handle and several ticks to deliver its end and
// close; at the exit of a short-lived child that work sat between the
// child's exit and the result. Here the end of file is one callback. A
// terminal is read until EIO (a libuv stream stops at POLLHUP after a short
// read and would drop the end of a child's output).
//
//   readerOpen(fd, onChunk) -> handle | -errno    takes ownership of fd
//   readerStart(handle) / readerStop(handle)      poll or not (backpressure)
//   readerClose(handle)                           stop, close fd, no more calls
//   onChunk(bytes: Uint8Array | null, eof: boolean, errno: number)
#include "fd-reader.h"

#include "loop-call.h"
#include "polled-fd.h"

#include <errno.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <uv.h>

#include <algorithm>
#include <cstring>

namespace {

// At most this many bytes per readable event (a socketpair holds ~200 KiB).
constexpr size_t kReadBudget = 256 * 1024;
// The first read of each event, on the stack.
constexpr size_t kHead = 4096;

struct Reader : PolledFd {
  bool polling = false;
  bool ended = false;
};

// Read what the socket holds into a new Uint8Array. A first read into a
// small stack buffer serves short outputs and the end of file in one system
// call; when it comes back full, FIONREAD says how much more is queued and
// that is read straight into the array (no copy of the bulk). Returns the
// array, or nullptr: nothing (yet), or the end or an error (*eof, *err), or
// JavaScript cannot run (!js.ok()).
napi_value ReadAvailable(LoopCall& js, int fd, bool* eof, int* err) {
  char head[kHead];
  ssize_t n;
  do n = read(fd, head, sizeof head);
  while (n < 0 && errno == EINTR);
  if (n <= 0) {
    if (n == 0) {
      *eof = true;
    } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
      *eof = true;
      *err = errno;
    }
    return nullptr;
  }
  size_t got = static_cast<size_t>(n);
  int more = 0;
  if (got == sizeof head && ioctl(fd, FIONREAD, &more) < 0) more = 0;
  size_t want = std::min(static_cast<size_t>(std::max(more, 0)), kReadBudget - got);
  uint8_t* data = nullptr;
  napi_value chunk = js.Bytes(got + want, &data);
  if (chunk == nullptr) return nullptr;
  memcpy(data, head, got);
  if (want > 0) {
    do n = read(fd, data + got, want);
    while (n < 0 && errno == EINTR);
    // Nothing more after all (or an error the next event reports): keep the head.
    if (n < static_cast<ssize_t>(want)) return js.Prefix(chunk, got + static_cast<size_t>(std::max<ssize_t>(n, 0)));
  }
  return chunk;
}

void OnReadable(uv_poll_t* h, int status, int /*events*/) {
  Reader* r = static_cast<Reader*>(static_cast<PolledFd*>(h->data));
  LoopCall js(r->callback.Env());
  bool eof = status < 0;
  int err = status < 0 ? -status : 0;
  napi_value bytes = eof || !js.ok() ? nullptr : ReadAvailable(js, r->fd, &eof, &err);
  if (!js.ok()) {
    // A worker on its way out: no JavaScript to call; stop until closed.
    r->polling = false;
    uv_poll_stop(&r->poll);
    return;
  }
  if (eof) {
    r->ended = true;
    r->polling = false;
    uv_poll_stop(&r->poll);
  } else if (bytes == nullptr) {
    return;  // woken for nothing
  }
  napi_value argv[3] = {bytes != nullptr ? bytes : js.Null(), js.Bool(eof), js.Int(err)};
  // The callback may close the reader: nothing touches `r` after it.
  js.Call(r->callback, 3, argv);
}

Reader* Handle(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsExternal()) {
    Napi::TypeError::New(info.Env(), "netrunner addon: expected a reader handle").ThrowAsJavaScriptException();
    return nullptr;
  }
  return info[0].As<Napi::External<Reader>>().Data();
}

Napi::Value ReaderOpen(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsFunction()) {
    Napi::TypeError::New(env, "netrunner addon: readerOpen(fd, onChunk)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Reader* r = new Reader();
  int rc = PolledOpen(env, r, info[0].As<Napi::Number>().Int32Value());
  if (rc < 0) return Napi::Number::New(env, rc);
  r->callback = Napi::Persistent(info[1].As<Napi::Function>());
  return Napi::External<Reader>::New(env, r);
}

Napi::Value ReaderStart(const Napi::CallbackInfo& info) {
  Reader* r = Handle(info);
  if (r == nullptr) return info.Env().Undefined();
  int rc = 0;
  if (r->fd >= 0 && !r->ended && !r->polling) {
    rc = uv_poll_start(&r->poll, UV_READABLE, OnReadable);
    r->polling = rc == 0;
  }
  return Napi::Number::New(info.Env(), rc);
}

Napi::Value ReaderStop(const Napi::CallbackInfo& info) {
  Reader* r = Handle(info);
  if (r == nullptr) return info.Env().Undefined();
  if (r->fd >= 0 && r->polling) {
    uv_poll_stop(&r->poll);
    r->polling = false;
  }
  return info.Env().Undefined();
}

Napi::Value ReaderClose(const Napi::CallbackInfo& info) {
  Reader* r = Handle(info);
  if (r == nullptr) return info.Env().Undefined();
  if (r->fd >= 0) PolledClose(r);
  return info.Env().Undefined();
}

}  // namespace

void InitFdReader(Napi::Env env, Napi::Object exports) {
  exports.Set("readerOpen", Napi::Function::New(env, ReaderOpen, "readerOpen"));
  exports.Set("readerStart", Napi::Function::New(env, ReaderStart, "readerStart"));
  exports.Set("readerStop", Napi::Function::New(env, ReaderStop, "readerStop"));
  exports.Set("readerClose", Napi::Function::New(env, ReaderClose, "readerClose"));
}
