/* signals.h — signal validation and the dispositions children start with. */
#ifndef NR_SIGNALS_H
#define NR_SIGNALS_H

/* Once, when the shepherd starts: every catchable signal to its default
 * action (a host that ignores SIGINT or SIGHUP must not pass that on through
 * exec), then SIGPIPE ignored for the shepherd's own writes. */
void nr__signals_reset_shepherd(void);

/* Post-fork, async-signal-safe: undo what the shepherd changed, so the child
 * execs with every signal at its default and an empty mask. Only SIGPIPE
 * differs (nr__signals_reset_shepherd): one call instead of one per signal. */
void nr__signals_reset_child(void);

#endif
