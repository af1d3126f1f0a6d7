import { dlopen, FFIType } from 'bun:ffi';

/**
 * The libnetrunner calls @netrunner/bun makes, exactly as declared in
 * core-c/include/netrunner.h. Each is synchronous and short; none calls back
 * into JavaScript. Pointers are TypedArrays that stay referenced for the call.
 */
export const symbols = {
  /** int nr_host_open(const char *shepherd_path, pid_t *pid_out) */
  nr_host_open: { args: [FFIType.ptr, FFIType.ptr], returns: FFIType.i32 },
  /** int nr_host_open_with(const char *shepherd_path, const char *cgroup_root, pid_t *pid_out) */
  nr_host_open_with: { args: [FFIType.ptr, FFIType.ptr, FFIType.ptr], returns: FFIType.i32 },
  /** int nr_host_close_with_thread(int ctl, pid_t shepherd_pid) */
  nr_host_close_with_thread: { args: [FFIType.i32, FFIType.i32], returns: FFIType.i32 },
  /** int nr_fd_tie_to_thread(int fd) */
  nr_fd_tie_to_thread: { args: [FFIType.i32], returns: FFIType.i32 },
  /** int nr_fd_close_tied(int fd) */
  nr_fd_close_tied: { args: [FFIType.i32], returns: FFIType.i32 },
  /** int nr_host_close(int ctl, pid_t shepherd_pid, int wait_ms) */
  nr_host_close: { args: [FFIType.i32, FFIType.i32, FFIType.i32], returns: FFIType.i32 },
  /** int nr_spawn(int ctl, const uint8_t *request, uint32_t len, nr_child *out) */
  nr_spawn: { args: [FFIType.i32, FFIType.ptr, FFIType.u32, FFIType.ptr], returns: FFIType.i32 },
  /** int nr_spawn_fds(int ctl, const uint8_t *request, uint32_t len, const int *fds, int nfds, nr_child *out) */
  nr_spawn_fds: {
    args: [FFIType.i32, FFIType.ptr, FFIType.u32, FFIType.ptr, FFIType.i32, FFIType.ptr],
    returns: FFIType.i32,
  },
  /** int nr_signal(int ctl, int32_t pid, int32_t sig) */
  nr_signal: { args: [FFIType.i32, FFIType.i32, FFIType.i32], returns: FFIType.i32 },
  /** int nr_kill_all(int ctl, int32_t sig) */
  nr_kill_all: { args: [FFIType.i32, FFIType.i32], returns: FFIType.i32 },
  /** int nr_reclaim_cgroup(int ctl, const char *path) */
  nr_reclaim_cgroup: { args: [FFIType.i32, FFIType.ptr], returns: FFIType.i32 },
  /** int nr_host_reap(int ctl, pid_t shepherd_pid) */
  nr_host_reap: { args: [FFIType.i32, FFIType.i32], returns: FFIType.i32 },
  /** int nr_pty_resize(int master_fd, int rows, int cols) */
  nr_pty_resize: { args: [FFIType.i32, FFIType.i32, FFIType.i32], returns: FFIType.i32 },
  /** int nr_sandbox_support(nr_sandbox_info *info) */
  nr_sandbox_support: { args: [FFIType.ptr], returns: FFIType.i32 },
} as const;

/** The loaded library's functions. */
export type NetrunnerSymbols = ReturnType<typeof dlopen<typeof symbols>>['symbols'];

/** dlopen libnetrunner at `path`. */
export function openLibrary(path: string): NetrunnerSymbols {
  return dlopen(path, symbols).symbols;
}
