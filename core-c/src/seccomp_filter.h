/* seccomp_filter.h — the sandbox's system call filter, a BPF table built in
 * C: what a confined tool never needs fails with EPERM (never a kill). */
#ifndef NR_SECCOMP_FILTER_H
#define NR_SECCOMP_FILTER_H

#include <linux/filter.h>

#define NR__FILTER_MAX 128

typedef struct nr__seccomp_filter {
  struct sock_filter insn[NR__FILTER_MAX];
  struct sock_fprog prog; /* points at insn */
} nr__seccomp_filter;

/* Build the filter: ptrace, mount, kexec, bpf, keyctl, namespaces, module
 * loading, io_uring and the like fail with EPERM; clone with a namespace
 * flag fails with EPERM, clone3 with ENOSYS (its flags cannot be read, and
 * libc then falls back to clone); TIOCSTI is refused. With `no_network`,
 * socket() of any family but AF_UNIX fails with EAFNOSUPPORT. Another
 * architecture's system calls (i386 or x32 on x86-64) fail with EPERM. */
void nr__seccomp_filter_build(nr__seccomp_filter *f, int no_network);

/* 1 if this kernel accepts seccomp filters, else 0. */
int nr__seccomp_available(void);

/* Install it on the calling thread (async-signal-safe; needs
 * no_new_privs). 0 or -errno. */
int nr__seccomp_filter_install(const nr__seccomp_filter *f);

#endif
