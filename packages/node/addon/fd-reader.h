// fd-reader.h: a pipe or socket fd read on the loop by a uv_poll.
#ifndef NETRUNNER_FD_READER_H
#define NETRUNNER_FD_READER_H

#include <napi.h>

// Adds readerOpen, readerStart, readerStop and readerClose to `exports`.
void InitFdReader(Napi::Env env, Napi::Object exports);

#endif
