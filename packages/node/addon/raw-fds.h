// raw-fds.h: the fds a spawn handed to JavaScript that nothing in the addon
// or libuv owns yet (a stdin never written to, a PTY master's writing side).
// When the environment goes away (a worker stopped with terminate()), no
// JavaScript runs to close them: they are closed from a cleanup hook. An fd
// leaves the registry when a poller or a net.Socket takes it over, or when
// it is closed through RawFdClose.
#ifndef NETRUNNER_RAW_FDS_H
#define NETRUNNER_RAW_FDS_H

#include <node_api.h>

// The environment now owns `fd` (a negative fd is ignored).
void RawFdTrack(int fd);

// Something else owns `fd` from now on (no-op if it was not tracked).
void RawFdUntrack(int fd);

// Untrack and close: 0 or -errno.
int RawFdClose(int fd);

// Once per environment, from the addon's Init.
void InitRawFds(napi_env env);

#endif
