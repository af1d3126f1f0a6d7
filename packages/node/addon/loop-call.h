// loop-call.h: calling JavaScript from a libuv callback with the plain
// N-API, every status checked.
//
// While a worker is being terminated its loop still runs I/O callbacks, but
// JavaScript can no longer run: every N-API call fails, and node-addon-api
// turns such a failure into a fatal error (it cannot even create the Error
// to report it: "Error::Error napi_define_properties", SIGABRT). Here the
// first failure makes every later step a no-op; the caller then stops.
#ifndef NETRUNNER_LOOP_CALL_H
#define NETRUNNER_LOOP_CALL_H

#include <node_api.h>

#include <cstddef>
#include <cstdint>

class LoopCall {
 public:
  explicit LoopCall(napi_env env) : env_(env) { ok_ = napi_open_handle_scope(env, &scope_) == napi_ok; }
  ~LoopCall() {
    if (scope_ != nullptr) napi_close_handle_scope(env_, scope_);
  }
  LoopCall(const LoopCall&) = delete;
  LoopCall& operator=(const LoopCall&) = delete;

  // False once any step failed: JavaScript cannot run in this environment.
  bool ok() const { return ok_; }

  // A new Uint8Array of `size` bytes; *data points at its memory.
  napi_value Bytes(size_t size, uint8_t** data) {
    napi_value buffer = nullptr, array = nullptr;
    void* raw = nullptr;
    Check(napi_create_arraybuffer(env_, size, &raw, &buffer));
    Check(napi_create_typedarray(env_, napi_uint8_array, size, buffer, 0, &array));
    *data = static_cast<uint8_t*>(raw);
    return ok_ ? array : nullptr;
  }

  // The first `size` bytes of `array` (a Uint8Array), as a new view.
  napi_value Prefix(napi_value array, size_t size) {
    napi_value buffer = nullptr, view = nullptr;
    Check(napi_get_typedarray_info(env_, array, nullptr, nullptr, nullptr, &buffer, nullptr));
    Check(napi_create_typedarray(env_, napi_uint8_array, size, buffer, 0, &view));
    return view;
  }

  napi_value Null() {
    napi_value v = nullptr;
    Check(napi_get_null(env_, &v));
    return v;
  }

  napi_value Bool(bool b) {
    napi_value v = nullptr;
    Check(napi_get_boolean(env_, b, &v));
    return v;
  }

  napi_value Int(int32_t i) {
    napi_value v = nullptr;
    Check(napi_create_int32(env_, i, &v));
    return v;
  }

  // fn(...args) with the global object as `this`, through napi_make_callback
  // (microtasks run after it, as after any I/O callback).
  void Call(napi_ref fn, size_t argc, const napi_value* argv) {
    napi_value f = nullptr, global = nullptr, result = nullptr;
    Check(napi_get_reference_value(env_, fn, &f));
    Check(napi_get_global(env_, &global));
    if (ok_ && f != nullptr) Check(napi_make_callback(env_, nullptr, global, f, argc, argv, &result));
  }

 private:
  void Check(napi_status status) {
    if (status != napi_ok) ok_ = false;
  }

  napi_env env_;
  napi_handle_scope scope_ = nullptr;
  bool ok_ = false;
};

#endif
