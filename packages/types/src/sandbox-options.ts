/** Resource limits of a sandboxed child (setrlimit, soft = hard). Core dumps are always off. */
export interface SandboxLimits {
  /** Most open file descriptors (RLIMIT_NOFILE). */
  openFiles?: number;
  /** Largest file it may write, in bytes (RLIMIT_FSIZE; beyond it: SIGXFSZ). */
  fileSize?: number;
  /** CPU seconds (RLIMIT_CPU; beyond it: SIGXCPU, then SIGKILL). */
  cpuSeconds?: number;
  /** Address space in bytes (RLIMIT_AS). */
  addressSpace?: number;
}

/**
 * Confine what the child can reach, applied between fork and exec (see
 * docs/sandbox.md). Always: no_new_privs and a seccomp filter (no ptrace,
 * mount, kexec, bpf, keyctl, namespaces, module loading, io_uring, ...).
 * The filesystem is confined (Landlock) when `preset` or any of
 * `read`/`write`/`exec` is given: then only those paths are reachable.
 */
export interface SandboxOptions {
  /**
   * 'workspace': /usr, /bin, /sbin, /lib* readable and executable, the
   * files of /etc that tools need readable (users, name resolution, time
   * zone, the loader's cache, CA certificates; not /etc/shadow or keys),
   * `workspace` read-write, a private temporary directory (TMPDIR, removed
   * when the child's group is gone) read-write, /dev/null read-write and
   * /dev/zero, /dev/random, /dev/urandom readable; nothing else.
   */
  preset?: 'workspace';
  /** The directory the 'workspace' preset makes writable (absolute, existing). */
  workspace?: string;
  /** More paths (absolute, existing) to read, beneath each one. */
  read?: readonly string[];
  /** More paths to read and write. */
  write?: readonly string[];
  /** More paths to read and execute. */
  exec?: readonly string[];
  /** 'none' (default): only AF_UNIX sockets, no TCP bind or connect; 'allow': unchanged. */
  network?: 'none' | 'allow';
  limits?: SandboxLimits;
  /**
   * Only PATH and these variables of the inherited environment pass (the
   * variables set in `env` always do). Absent: the environment is unchanged.
   */
  envAllow?: readonly string[];
  /** Run as this uid (the host must be root). */
  user?: number;
  /** Run as this gid (default: `user`); needs `user`. */
  group?: number;
  /** Supplementary groups (default: none); needs `user`. */
  groups?: readonly number[];
  /**
   * false (default): a sandbox the kernel cannot give fails the spawn with a
   * SpawnError at stage 'sandbox' naming what is missing. true: run with
   * what the kernel has (check `sandboxSupport()` first).
   */
  bestEffort?: boolean;
}

/** What this kernel can enforce, from `sandboxSupport()`. */
export interface SandboxSupport {
  /** The Landlock ABI (0: none). The filesystem rules need 3 or more; TCP rules 4; scoping 6. */
  landlockAbi: number;
  /** Whether seccomp filters work (the syscall filter and network 'none'). */
  seccomp: boolean;
  /** Whether PR_SET_NO_NEW_PRIVS exists. */
  noNewPrivs: boolean;
  /** Whether an unprivileged user namespace can be made (netrunner does not need one). */
  userNamespaces: boolean;
}
