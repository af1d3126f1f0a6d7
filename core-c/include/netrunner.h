/*
 * netrunner.h — the one public header of libnetrunner.
 *
 * libnetrunner runs OS processes on behalf of a host (a Node or Bun process,
 * or any C program) through a long-lived helper, the shepherd:
 *
 *   host ──control socketpair──▶ shepherd ──fork/exec──▶ child (own pgroup)
 *
 * The host starts one shepherd (posix_spawn, never fork) and keeps one end of
 * an anonymous AF_UNIX socketpair. Every call below is synchronous and short:
 * it writes one request frame and reads one reply frame. Stdio fds of a child
 * arrive in the reply via SCM_RIGHTS; the host then does all byte I/O in its
 * own event loop. A child's exit arrives on its own "status" pipe as one
 * fixed-size nr_exit_record, written exactly once, then the pipe is closed.
 * Every reply must arrive within 10 s: a shepherd that does not answer is
 * killed and the call fails with -ETIMEDOUT.
 *
 * The record is sent as soon as the child is reaped, even when members of
 * its process group (background grandchildren) live on: the shepherd then
 * keeps a "lingering" entry for that group, which nr_signal still reaches,
 * until the group is empty. A child's cgroup is killed when the child is
 * reaped and removed in the background.
 *
 * When the host dies (the control socket hangs up), the shepherd sends
 * SIGTERM to every child's process group, waits each child's kill timeout,
 * sends SIGKILL, reaps every descendant (it is a child subreaper) for a
 * bounded time, and exits.
 *
 * All functions return 0 (or a non-negative value where stated) on success
 * and a negative errno on failure. Every fd libnetrunner creates is
 * O_CLOEXEC.
 *
 * ---------------------------------------------------------------------------
 * Wire protocol (see docs/protocol.md for the byte-by-byte description)
 * ---------------------------------------------------------------------------
 * Every frame, both directions, is an 8-byte header then `len` body bytes.
 * Integers are in the machine's native byte order (both ends share a host).
 *
 *   struct { uint32_t len; uint32_t op; } header;   len <= NR_MAX_FRAME
 *
 * host → shepherd
 *   NR_OP_SPAWN     body = spawn request (below); fds for the stdio
 *                   extension's NR_STDIO_FD entries ride on its first byte
 *   NR_OP_SIGNAL    body = int32 pid, int32 signal       (to the child's group)
 *   NR_OP_KILL_ALL  body = int32 signal                  (to every group)
 *   NR_OP_RECLAIM_CGROUP  body = the cgroup path bytes, as in a spawn request
 *                   (kill everything in that cgroup and remove it; added in
 *                   protocol version 2)
 * SIGNAL and KILL_ALL are answered before the signals are sent; a SIGTERM
 * is followed by SIGCONT to the same group.
 *
 * shepherd → host
 *   NR_OP_HELLO     body = uint32 version, int32 shepherd pid  (sent once, first)
 *   NR_OP_REPLY     body = struct nr_reply; for a successful SPAWN, the
 *                   child's fds ride on this frame as SCM_RIGHTS, in the
 *                   order stdin, stdout, stderr, status, each present only if
 *                   its bit is set in nr_reply.fd_mask.
 *
 * Spawn request body (all strings length-prefixed, never NUL-terminated;
 * a NUL byte inside any string is rejected with EINVAL):
 *   uint32 flags            NR_SPAWN_* bits
 *   uint32 stderr_mode      NR_STDERR_*
 *   uint32 env_mode         NR_ENV_*
 *   uint32 kill_timeout_ms  SIGTERM → SIGKILL delay used on host death
 *   uint16 rows, uint16 cols       PTY window size (0,0 = 24x80)
 *   uint32 argc, then argc × (uint32 len, bytes)       argc >= 1, argv[0] non-empty
 *   uint32 envc, then envc × (uint32 len, bytes "K=V")
 *   uint32 cwd_len, bytes                              0 = inherit
 *   uint32 cgroup_len, bytes                           0 = no cgroup
 *   int64 memory_max, int64 pids_max                   -1 = unset
 *   int64 cpu_quota_us, int64 cpu_period_us            -1 = unset
 *   then zero or more extensions, to the end of the body:
 *     uint16 tag (NR_EXT_*), uint16 zero, uint32 len, len bytes
 *   (each tag at most once; an unknown tag or a non-zero pad is EINVAL).
 *   Extensions were added in protocol version 3.
 *
 * NR_EXT_PIPELINE lists further members (uint32 count, then per member
 * uint32 argc and argc strings): the request starts them all, joined by
 * kernel pipes, in the first member's process group. A member that fails
 * has its index in bits 8..15 of the reply's stage. The status pipe then
 * carries "NRPL", a uint32 count and the member pids, then one
 * nr_exit_record per member as each is reaped. See docs/protocol.md.
 */
#ifndef NETRUNNER_H
#define NETRUNNER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NR_PROTOCOL_VERSION 3u
#define NR_MAX_FRAME (8u * 1024u * 1024u)

/* Frame opcodes. */
enum {
  NR_OP_SPAWN = 1,
  NR_OP_SIGNAL = 2,
  NR_OP_KILL_ALL = 3,
  NR_OP_RECLAIM_CGROUP = 4,
  NR_OP_HELLO = 0x81,
  NR_OP_REPLY = 0x82
};

/* Spawn request flags. */
enum {
  NR_SPAWN_PTY = 1u << 0 /* child gets a PTY slave as stdio, new session */
};

/* What happens to the child's stderr. */
enum {
  NR_STDERR_CONSUME = 0,  /* its own channel, handed to the host */
  NR_STDERR_REDIRECT = 1, /* 2>&1 into the stdout channel */
  NR_STDERR_DISABLED = 2  /* /dev/null */
};

/* Which environment the child gets. */
enum {
  NR_ENV_INHERIT = 0, /* the shepherd's environment; entries are ignored */
  NR_ENV_OVERLAY = 1, /* the shepherd's environment with entries set over it */
  NR_ENV_REPLACE = 2  /* exactly the entries */
};

/* fd_mask bits of a spawn reply. */
enum {
  NR_FD_STDIN = 1u << 0,
  NR_FD_STDOUT = 1u << 1, /* with a PTY: the master, readable and writable */
  NR_FD_STDERR = 1u << 2,
  NR_FD_STATUS = 1u << 3
};

/* Where a failed spawn failed (nr_reply.stage / nr_child.stage). */
enum {
  NR_STAGE_NONE = 0,
  NR_STAGE_REQUEST = 1,  /* the request itself is invalid (EINVAL, E2BIG) */
  NR_STAGE_RESOLVE = 2,  /* argv[0] not found on PATH / not executable */
  NR_STAGE_RESOURCE = 3, /* socketpair, openpty, fork failed (EMFILE, EAGAIN) */
  NR_STAGE_CWD = 4,      /* chdir(cwd) failed in the child */
  NR_STAGE_EXEC = 5,     /* execve failed in the child */
  NR_STAGE_CGROUP = 6,   /* cgroup creation, limits or joining failed */
  NR_STAGE_SETUP = 7,    /* another post-fork step (dup2, setsid, TIOCSCTTY) */
  NR_STAGE_SANDBOX = 8   /* the sandbox: the kernel lacks what it needs
                            (EOPNOTSUPP no Landlock, EPROTONOSUPPORT a Landlock
                            ABI below 3, ENOSYS no seccomp), a path cannot be
                            opened, or applying it failed (EPERM: ids need
                            root, or a limit above the hard limit) */
};

/* The body of NR_OP_REPLY. */
typedef struct nr_reply {
  int32_t result;   /* 0 or -errno */
  int32_t pid;      /* SPAWN: the child's pid (also its process group id) */
  uint32_t fd_mask; /* SPAWN: NR_FD_* bits of the fds attached */
  uint32_t stage;   /* SPAWN failure: NR_STAGE_* */
} nr_reply;

#define NR_EXIT_MAGIC 0x5845524eu /* "NREX" */

/* Written once on a child's status pipe when it has been reaped. */
typedef struct nr_exit_record {
  uint32_t magic;         /* NR_EXIT_MAGIC */
  int32_t pid;
  int32_t exit_status;    /* the exit code, or 128 + n when killed by signal n */
  int32_t term_signal;    /* n when killed by a signal, else 0 */
  int64_t user_cpu_us;    /* rusage of the child and its reaped descendants */
  int64_t system_cpu_us;
  int64_t max_rss_kb;
  int64_t cgroup_memory_peak; /* bytes; -1 without a cgroup or counter */
  int64_t cgroup_oom_kills;   /* -1 without a cgroup or counter */
} nr_exit_record;

/* A spawned child as the host sees it; fds are -1 when absent. */
typedef struct nr_child {
  int32_t pid;
  int32_t stdin_fd;
  int32_t stdout_fd;
  int32_t stderr_fd;
  int32_t status_fd;
  int32_t stage; /* NR_STAGE_* when nr_spawn failed */
} nr_child;

/* Spawn request extension tags: optional sections after the base fields,
 * each parsed by the feature it belongs to. */
enum {
  NR_EXT_STDIO = 1,
  NR_EXT_ARGV0 = 2,
  NR_EXT_SANDBOX = 3,
  NR_EXT_PIPELINE = 4,
  NR_EXT_LAST = 4
};

/* NR_EXT_SANDBOX bytes (see docs/protocol.md):
 *   uint32 flags                     NR_SANDBOX_* below
 *   int64 nofile, fsize, cpu, as     rlimits, -1 = unset (core is always 0)
 *   uint32 uid, uint32 gid           used with NR_SANDBOX_IDS
 *   uint32 ngroups, ngroups x uint32 supplementary groups (NR_SANDBOX_IDS)
 *   uint32 npaths, npaths x (uint32 access, uint32 len, bytes)
 *                                    absolute paths, NR_SANDBOX_READ/WRITE/EXEC
 *   uint32 tmp_len, bytes            NR_SANDBOX_PRIVATE_TMP: a directory the
 *                                    shepherd creates (mode 0700, must not
 *                                    exist), grants read-write and removes
 *                                    when the child's entry is dropped
 * A sandboxed child always gets no_new_privs and the seccomp filter. */
enum {
  NR_SANDBOX_FS = 1u << 0,          /* only the paths listed are reachable */
  NR_SANDBOX_NO_NETWORK = 1u << 1,  /* socket(): AF_UNIX only; no TCP */
  NR_SANDBOX_BEST_EFFORT = 1u << 2, /* skip what the kernel cannot give */
  NR_SANDBOX_IDS = 1u << 3,         /* switch to uid, gid and groups */
  NR_SANDBOX_PRIVATE_TMP = 1u << 4
};
enum {
  NR_SANDBOX_READ = 1u << 0,
  NR_SANDBOX_WRITE = 1u << 1, /* implies read */
  NR_SANDBOX_EXEC = 1u << 2   /* implies read */
};

/* What this kernel can enforce, for nr_sandbox_support. */
typedef struct nr_sandbox_info {
  int32_t landlock_abi; /* 0 = no Landlock */
  int32_t seccomp;      /* 1 = seccomp filters work */
  int32_t user_namespaces; /* 1 = an unprivileged user namespace can be made */
  int32_t no_new_privs; /* 1 = PR_SET_NO_NEW_PRIVS exists */
} nr_sandbox_info;

/* Probe the kernel (safe to call from any thread). 0 or -errno. */
int nr_sandbox_support(nr_sandbox_info *info);

/* Where one stream goes, in the stdio extension (NR_EXT_STDIO): four bytes,
 * the modes of stdin, stdout and stderr, then a zero. NR_STDIO_FD takes the
 * next fd sent with the request (nr_spawn_fds), in stream order. Only
 * NR_STDIO_PIPE streams come back in the reply's fds. Added in protocol
 * version 3. */
enum {
  NR_STDIO_PIPE = 0,  /* a channel to the host */
  NR_STDIO_NULL = 1,  /* /dev/null */
  NR_STDIO_FD = 2,    /* an fd sent with the request */
  NR_STDIO_STDOUT = 3 /* stderr only: where stdout goes (2>&1) */
};

/* One extension for the C encoder. */
typedef struct nr_spawn_ext {
  uint16_t tag; /* NR_EXT_* */
  uint32_t len;
  const void *data;
} nr_spawn_ext;

/* Options for the C convenience encoder (the bindings encode in TypeScript). */
typedef struct nr_spawn_opts {
  const char *const *argv; /* NULL-terminated, argv[0] looked up on PATH */
  int env_mode;            /* NR_ENV_* */
  const char *const *env;  /* NULL-terminated "K=V" list, or NULL */
  const char *cwd;         /* NULL = inherit */
  int stderr_mode;         /* NR_STDERR_* */
  unsigned flags;          /* NR_SPAWN_* */
  uint16_t rows, cols;
  uint32_t kill_timeout_ms;
  const char *cgroup;      /* NULL = none; relative to the cgroup root */
  int64_t memory_max, pids_max, cpu_quota_us, cpu_period_us; /* -1 = unset */
  const nr_spawn_ext *ext; /* ext_count extensions, distinct tags */
  size_t ext_count;
} nr_spawn_opts;

/* Fill opts with defaults: inherit env and cwd, consume stderr, 5 s kill
 * timeout, no PTY, no cgroup, no limits. */
void nr_spawn_opts_init(nr_spawn_opts *opts);

/* Start a shepherd from the executable at `shepherd_path` with posix_spawn.
 * Returns the host's end of the control socket (>= 0) and stores the
 * shepherd's pid in *pid_out, or returns -errno. */
int nr_host_open(const char *shepherd_path, pid_t *pid_out);

/* nr_host_open, with the shepherd's cgroup root set: the shepherd starts
 * with the host's environment, NETRUNNER_CGROUP_ROOT replaced by
 * `cgroup_root` (a relative path, validated like a cgroup path; -EINVAL
 * otherwise). NULL = keep the host's environment as it is (the root is then
 * $NETRUNNER_CGROUP_ROOT, else "netrunner"). Added in protocol version 1;
 * the wire protocol is unchanged. */
int nr_host_open_with(const char *shepherd_path, const char *cgroup_root,
                      pid_t *pid_out);

/* Hang up on the shepherd (it then tears every child down), reap it,
 * waiting at most `wait_ms`, and only then close `ctl`: once the fd is
 * released the shepherd is no zombie. Returns 0, or -ETIMEDOUT if the
 * shepherd was still running when the wait ended (it was SIGKILLed). */
int nr_host_close(int ctl, pid_t shepherd_pid, int wait_ms);

/* Tie a host to the calling thread: when the thread exits, every child's
 * group is SIGKILLed and the host closed, as nr_host_close would (at most
 * 2 s). For runtimes that can stop a thread without running its exit hooks
 * (Bun's Worker.terminate()). nr_host_close unties it first. The main
 * thread's hosts are not closed by exit(): close them yourself. 0 or
 * -errno. */
int nr_host_close_with_thread(int ctl, pid_t shepherd_pid);

/* Whether the shepherd has exited, without waiting: 1 if it is gone (it is
 * reaped now, or was before, by this call or by a call that timed out), 0
 * if it is running, -errno. Call it when a status pipe ends without a
 * record, so a dead shepherd does not stay a zombie until nr_host_close
 * (which then does not wait for it again). `shepherd_pid` is used only when
 * `ctl` was not opened by nr_host_open*. Added in protocol version 2. */
int nr_host_reap(int ctl, pid_t shepherd_pid);

/* Send an encoded spawn request and receive the child. On failure returns
 * -errno and sets out->stage; no fd is left open. -EMFILE with stage
 * NR_STAGE_NONE: this process hit its fd limit receiving the child's fds;
 * the child was started, and is SIGKILLed through the shepherd. -ETIMEDOUT
 * (any call): no reply within 10 s; the shepherd was SIGKILLed (its
 * children die with it) and every later call on `ctl` fails with -EPIPE. */
int nr_spawn(int ctl, const uint8_t *request, uint32_t request_len,
             nr_child *out);

/* nr_spawn, with `nfds` fds (at most 3) sent along with the request as
 * SCM_RIGHTS, for the NR_STDIO_FD entries of its stdio extension, in stream
 * order. The shepherd passes each to the child and closes its own copy; the
 * caller's stay open and remain the caller's. -EBADF (stage
 * NR_STAGE_REQUEST) if one is not an open fd; nothing is sent then. -EINVAL
 * if their number does not match the request's NR_STDIO_FD entries. Added
 * in protocol version 3. */
int nr_spawn_fds(int ctl, const uint8_t *request, uint32_t request_len,
                 const int *fds, int nfds, nr_child *out);

/* Encode opts and spawn (C convenience). */
int nr_spawn_with(int ctl, const nr_spawn_opts *opts, nr_child *out);

/* Encode opts into a malloc'd request; free it with free(). */
int nr_encode_spawn(const nr_spawn_opts *opts, uint8_t **out, uint32_t *len);

/* Send signal `sig` (1..31 or SIGRTMIN..SIGRTMAX) to the process group of child `pid` (for
 * SIGKILL, its cgroup too). 0 as long as the child or its lingering group
 * exists: the reply comes before the signal is sent. -ESRCH once neither
 * is left, -EINVAL for a bad signal. */
int nr_signal(int ctl, int32_t pid, int32_t sig);

/* Send `sig` to the process group of every live child and lingering group. */
int nr_kill_all(int ctl, int32_t sig);

/* Kill every process in the cgroup that a spawn with `path` (relative to
 * the shepherd's cgroup root) would create, and remove it: for the cgroups
 * of a shepherd that died. Returns once the kill is issued; the directory
 * is removed at once when it is empty, else in the background (retried for
 * up to 5 s). 0, -EINVAL bad path, -ENOENT no such cgroup, -EBUSY a live
 * child of this shepherd runs in it. Added in protocol version 2. */
int nr_reclaim_cgroup(int ctl, const char *path);

/* Set a PTY's window size (the foreground group receives SIGWINCH). */
int nr_pty_resize(int master_fd, int rows, int cols);

/* Read a child's exit record from its status fd (blocking) and close it.
 * -EPIPE if the pipe ended without a record (the shepherd died). */
int nr_read_exit(int status_fd, nr_exit_record *rec);

/* Validate a signal number: 0 if 1..31 or SIGRTMIN..SIGRTMAX (34..64 with
 * glibc), else -EINVAL. */
int nr_signal_valid(int32_t sig);

/* Tie an fd to the calling thread: it is closed when the thread exits,
 * unless nr_fd_close_tied() closed it first (close a tied fd only through
 * it: its number may be reused). For the fds a worker thread holds for its
 * children, on runtimes that can stop a thread without running its code.
 * 0 or -errno. */
int nr_fd_tie_to_thread(int fd);

/* Untie `fd` (tied or not) and close it. 0 or -errno from close(). */
int nr_fd_close_tied(int fd);

#ifdef __cplusplus
}
#endif

#endif /* NETRUNNER_H */
