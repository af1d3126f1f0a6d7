/* serve.h — the shepherd's answer to each host request. */
#ifndef NR_SERVE_H
#define NR_SERVE_H

#include <stdint.h>

#include "frame.h"
#include "inbox.h"
#include "kids.h"

/* Handle one request frame and send its reply on `ctl`; a signal asked for
 * is sent after the reply. `fds` rode on the frame: a SPAWN hands them to
 * its child, and every one is closed by the time this returns. Returns 0, or -errno when the reply could not be
 * sent (the host is gone). An unknown opcode or a malformed body gets a
 * reply with -EINVAL / -EPROTO. */
int nr__serve_frame(int ctl, const nr__frame_hdr *hdr, const uint8_t *body,
                    nr__frame_fds *fds, nr__kids *kids);

#endif
