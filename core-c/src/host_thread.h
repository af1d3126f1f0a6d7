/* host_thread.h — hosts closed when the thread that opened them exits. */
#ifndef NR_HOST_THREAD_H
#define NR_HOST_THREAD_H

/* Forget `ctl` if it is tied to a thread (nr_host_close calls this first,
 * so a thread's exit never closes an fd number that has been reused). */
void nr__host_thread_forget(int ctl);

#endif
