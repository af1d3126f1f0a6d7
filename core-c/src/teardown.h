/* teardown.h — what the shepherd does when its host is gone. */
#ifndef NR_TEARDOWN_H
#define NR_TEARDOWN_H

#include "kids.h"

/* Stop everything: SIGTERM every kid's process group, SIGKILL each group
 * when its kill timeout passes (or at once once its leader is gone), then
 * SIGKILL and reap every remaining descendant, waiting at most
 * `final_wait_ms` for that last part (a child in uninterruptible sleep
 * cannot hang us). `sigfd` is the signalfd that reports SIGCHLD. Returns 0
 * if no descendant is left, -ETIMEDOUT otherwise. */
int nr__teardown(nr__kids *kids, int sigfd, int final_wait_ms);

#endif
