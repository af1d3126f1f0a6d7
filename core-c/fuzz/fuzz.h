/* fuzz.h — shared by the libFuzzer harnesses in this directory.
 *
 * Each harness defines LLVMFuzzerTestOneInput and checks properties of the
 * code under test with FUZZ_CHECK; a failed check aborts, which libFuzzer
 * reports as a crash and saves the input. The same files, linked with
 * replay.c instead of libFuzzer, replay the saved inputs in `make test`. */
#ifndef NR_FUZZ_H
#define NR_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond)                                                 \
  do {                                                                   \
    if (!(cond)) {                                                       \
      fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed\n", __FILE__,        \
              __LINE__, #cond);                                          \
      abort();                                                           \
    }                                                                    \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
