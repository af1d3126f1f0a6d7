/* seccomp_filter.c — the BPF program behind the sandbox's syscall filter. */
#if defined(__linux__) /* macOS: sandbox_darwin.c */
#include "seccomp_filter.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define ARCH_NR AUDIT_ARCH_X86_64
#define X32_BIT 0x40000000u
#elif defined(__aarch64__)
#define ARCH_NR AUDIT_ARCH_AARCH64
#else
#error "the sandbox filter knows x86-64 and aarch64 only"
#endif

#define NS_FLAGS                                                            \
  (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |              \
   CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP)

/* Denied outright: debugging other processes, the mount table, the kernel
 * itself (modules, kexec, bpf, perf, keyrings, clocks, swap), namespaces,
 * and io_uring (its requests bypass this filter). */
static const int denied[] = {
    SYS_ptrace, SYS_process_vm_readv, SYS_process_vm_writev,
    SYS_mount, SYS_umount2, SYS_pivot_root, SYS_chroot,
#ifdef SYS_open_tree
    SYS_open_tree, SYS_move_mount, SYS_fsopen, SYS_fsconfig, SYS_fsmount,
    SYS_fspick,
#endif
#ifdef SYS_mount_setattr
    SYS_mount_setattr,
#endif
    SYS_kexec_load,
#ifdef SYS_kexec_file_load
    SYS_kexec_file_load,
#endif
    SYS_bpf, SYS_keyctl, SYS_add_key, SYS_request_key,
    SYS_init_module, SYS_finit_module, SYS_delete_module,
    SYS_unshare, SYS_setns, SYS_reboot, SYS_swapon, SYS_swapoff, SYS_acct,
    SYS_perf_event_open, SYS_userfaultfd, SYS_quotactl, SYS_open_by_handle_at,
    SYS_settimeofday, SYS_clock_settime, SYS_clock_adjtime, SYS_adjtimex,
    SYS_syslog, SYS_vhangup,
#ifdef SYS_io_uring_setup
    SYS_io_uring_setup, SYS_io_uring_enter, SYS_io_uring_register,
#endif
#ifdef SYS_iopl
    SYS_iopl, SYS_ioperm,
#endif
};

enum { L_ALLOW, L_EPERM, L_ENOSYS, L_CLONE, L_SOCKET, L_SOCKTYPE, L_IOCTL,
       L_COUNT };

/* A jump whose offset is set once its target label is placed. */
typedef struct fixup {
  unsigned at;
  int target, on_true;
} fixup;

typedef struct emitter {
  nr__seccomp_filter *f;
  unsigned n;
  int label[L_COUNT];
  fixup fix[NR__FILTER_MAX];
  unsigned nfix;
} emitter;

static void op(emitter *e, unsigned short code, unsigned k) {
  e->f->insn[e->n++] = (struct sock_filter)BPF_STMT(code, k);
}

/* A conditional jump to `target` when the test holds, else fall through. */
static void jump_if(emitter *e, unsigned short code, unsigned k, int target) {
  e->fix[e->nfix++] = (fixup){e->n, target, 1};
  e->f->insn[e->n++] = (struct sock_filter)BPF_JUMP(code, k, 0, 0);
}

/* The same, jumping when the test fails. */
static void jump_unless(emitter *e, unsigned short code, unsigned k, int target) {
  e->fix[e->nfix++] = (fixup){e->n, target, 0};
  e->f->insn[e->n++] = (struct sock_filter)BPF_JUMP(code, k, 0, 0);
}

static void here(emitter *e, int label) { e->label[label] = (int)e->n; }

/* End of an argument check on the loaded word: when `test` holds, fail
 * with `err`, else allow. */
static void deny_if(emitter *e, unsigned short test, unsigned k, int err) {
  e->f->insn[e->n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | test | BPF_K, k, 1, 0);
  op(e, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  op(e, BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (unsigned)err);
}

#define LOW_ARG(i) (offsetof(struct seccomp_data, args) + (i) * 8)

void nr__seccomp_filter_build(nr__seccomp_filter *f, int no_network) {
  emitter e = {.f = f};
  op(&e, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  jump_unless(&e, BPF_JMP | BPF_JEQ | BPF_K, ARCH_NR, L_EPERM);
  op(&e, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
#ifdef X32_BIT
  jump_if(&e, BPF_JMP | BPF_JSET | BPF_K, X32_BIT, L_EPERM);
#endif
  for (size_t i = 0; i < sizeof denied / sizeof denied[0]; i++)
    jump_if(&e, BPF_JMP | BPF_JEQ | BPF_K, (unsigned)denied[i], L_EPERM);
  jump_if(&e, BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, L_CLONE);
#ifdef SYS_clone3
  jump_if(&e, BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, L_ENOSYS);
#endif
  jump_if(&e, BPF_JMP | BPF_JEQ | BPF_K, SYS_ioctl, L_IOCTL);
  /* Without network only Unix sockets remain, and Landlock does not guard
   * their paths: no connect (a host service in /run, say), and no datagram
   * socket whose sendmsg could name one. */
  if (no_network) {
    jump_if(&e, BPF_JMP | BPF_JEQ | BPF_K, SYS_socket, L_SOCKET);
    jump_if(&e, BPF_JMP | BPF_JEQ | BPF_K, SYS_socketpair, L_SOCKTYPE);
    jump_if(&e, BPF_JMP | BPF_JEQ | BPF_K, SYS_connect, L_EPERM);
  }
  here(&e, L_ALLOW);
  op(&e, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  here(&e, L_EPERM);
  op(&e, BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
  here(&e, L_ENOSYS);
  op(&e, BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
  /* clone's flags are its first argument on x86-64 and aarch64. */
  here(&e, L_CLONE);
  op(&e, BPF_LD | BPF_W | BPF_ABS, LOW_ARG(0));
  deny_if(&e, BPF_JSET, NS_FLAGS, EPERM);
  here(&e, L_IOCTL);
  op(&e, BPF_LD | BPF_W | BPF_ABS, LOW_ARG(1));
  deny_if(&e, BPF_JEQ, TIOCSTI, EPERM);
  if (no_network) {
    here(&e, L_SOCKET);
    op(&e, BPF_LD | BPF_W | BPF_ABS, LOW_ARG(0));
    e.f->insn[e.n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_UNIX, 1, 0);
    op(&e, BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EAFNOSUPPORT);
    /* The type's low bits; the rest are SOCK_NONBLOCK and SOCK_CLOEXEC. */
    here(&e, L_SOCKTYPE);
    op(&e, BPF_LD | BPF_W | BPF_ABS, LOW_ARG(1));
    op(&e, BPF_ALU | BPF_AND | BPF_K, 0xf);
    e.f->insn[e.n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SOCK_STREAM, 2, 0);
    e.f->insn[e.n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SOCK_SEQPACKET, 1, 0);
    op(&e, BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
    op(&e, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  }
  /* Every jump goes forwards, to a label placed above. */
  for (unsigned i = 0; i < e.nfix; i++) {
    struct sock_filter *in = &f->insn[e.fix[i].at];
    unsigned char off =
        (unsigned char)(e.label[e.fix[i].target] - (int)e.fix[i].at - 1);
    if (e.fix[i].on_true) in->jt = off;
    else in->jf = off;
  }
  f->prog.len = (unsigned short)e.n;
  f->prog.filter = f->insn;
}

int nr__seccomp_available(void) {
  return prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0;
}

int nr__seccomp_filter_install(const nr__seccomp_filter *f) {
  if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &f->prog) < 0)
    return -errno;
  return 0;
}
#endif
