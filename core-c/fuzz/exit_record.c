/* exit_record.c — fuzz nr_read_exit, the host's reader of a status pipe.
 *
 * Input: what the shepherd wrote on the pipe before closing it (at most a
 * pipe's capacity). Properties: it returns 0 exactly when the pipe starts
 * with a whole record carrying the magic, and then the record is those
 * bytes; -EPIPE otherwise; the status fd is closed either way. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "netrunner.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int p[2];
  nr_exit_record rec;
  uint32_t magic = 0;
  if (size > 4096) return 0;
  FUZZ_CHECK(pipe2(p, O_CLOEXEC) == 0);
  FUZZ_CHECK(write(p[1], data, size) == (ssize_t)size);
  close(p[1]);
  int rc = nr_read_exit(p[0], &rec);
  FUZZ_CHECK(fcntl(p[0], F_GETFD) < 0 && errno == EBADF);
  if (size >= sizeof magic) memcpy(&magic, data, sizeof magic);
  int whole = size >= sizeof rec && magic == NR_EXIT_MAGIC;
  FUZZ_CHECK(rc == (whole ? 0 : -EPIPE));
  if (whole) FUZZ_CHECK(memcmp(&rec, data, sizeof rec) == 0);
  return 0;
}
