const EPIPE = 32;
const ECONNRESET = 104;
const ENOTCONN = 107;
/** No reply in time: the host library killed the shepherd. */
export const ETIMEDOUT = 110;

/**
 * Whether a shepherd call's result (0 or -errno) says the shepherd is gone:
 * it hung up, or it did not answer in time and the host library killed it.
 */
export function isHangUp(rc: number): boolean {
  return rc === -EPIPE || rc === -ECONNRESET || rc === -ENOTCONN || rc === -ETIMEDOUT;
}
