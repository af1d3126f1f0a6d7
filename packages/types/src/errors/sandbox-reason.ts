/** What a sandbox-stage errno means: what the kernel lacks, or what was refused. */
export const SANDBOX_REASON: Readonly<Record<string, string>> = {
  EOPNOTSUPP: 'this kernel has no Landlock (not built in, or not in the lsm= boot list), which the sandbox needs; pass `sandbox.bestEffort: true` to run without it',
  EPROTONOSUPPORT: "this kernel's Landlock ABI is below 6 (no scoping of signals and abstract sockets), which the sandbox needs; pass `sandbox.bestEffort: true` to run with what it has",
  ENOSYS: 'this kernel has no seccomp filters, which the sandbox needs; pass `sandbox.bestEffort: true` to run without them',
  EPERM: 'the sandbox could not be applied: running as another `user`/`group` needs root, and a limit cannot exceed the hard limit',
  ENOENT: 'a sandbox path does not exist',
  EEXIST: 'the private temporary directory already exists',
  EACCES: 'a sandbox path cannot be opened',
};
