/* signals.h — signal validation and the child's signal reset. */
#ifndef NR_SIGNALS_H
#define NR_SIGNALS_H

/* Post-fork, async-signal-safe: every catchable signal back to its default
 * action (ignored ones too: SIGPIPE ignored by a host survives exec
 * otherwise) and an empty signal mask. */
void nr__signals_reset_child(void);

#endif
