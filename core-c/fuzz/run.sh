#!/bin/sh
# Run each libFuzzer harness named after the results file for FUZZ_TIME
# seconds (fixed seed), and write {"passed":N,"failed":N,"skipped":N} there.
# Without a clang ($FUZZ_CC, default clang) that links -fsanitize=fuzzer
# every target is a reported skip. A crash is saved in fuzz/corpus/<target>/ as crash-<sha1>, where
# `make test` replays it from then on: keep it, and fix the bug.
results=$1
shift
time=${FUZZ_TIME:-20}
cc=${FUZZ_CC:-clang}
passed=0
failed=0
skipped=0
mkdir -p "$(dirname "$results")"
probe=$(mktemp -d)
printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { (void)d; (void)n; return 0; }\n' >"$probe/p.c"
if ! command -v "$cc" >/dev/null 2>&1 ||
  ! "$cc" -fsanitize=fuzzer "$probe/p.c" -o "$probe/p" >/dev/null 2>&1; then
  rm -rf "$probe"
  echo "SKIP fuzz: no $cc with libFuzzer on PATH (apt-get install clang); $# targets not fuzzed"
  printf '{"passed":0,"failed":0,"skipped":%d}\n' "$#" >"$results"
  exit 0
fi
rm -rf "$probe"
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link"
if ! make -s fuzz-bin OUT=out-fuzz CC="$cc" OPT="-O1 -g -fno-omit-frame-pointer" SAN="$san"; then
  echo "FAIL fuzz: the harnesses did not build"
  printf '{"passed":0,"failed":%d}\n' "$#" >"$results"
  exit 1
fi
for t in "$@"; do
  mkdir -p "out-fuzz/corpus/$t"
  echo "== fuzz $t (${time} s)"
  if out-fuzz/fuzz/"$t" -seed=1 -max_total_time="$time" -max_len=4096 -timeout=10 \
    -artifact_prefix="fuzz/corpus/$t/" -print_final_stats=1 \
    "out-fuzz/corpus/$t" "fuzz/corpus/$t" >"out-fuzz/$t.log" 2>&1; then
    grep -E '^stat::number_of_executed_units' "out-fuzz/$t.log"
    echo "ok fuzz $t"
    passed=$((passed + 1))
  else
    tail -n 40 "out-fuzz/$t.log"
    echo "FAIL fuzz $t (the input is kept in fuzz/corpus/$t/)"
    failed=$((failed + 1))
  fi
done
printf '{"passed":%d,"failed":%d,"skipped":%d}\n' "$passed" "$failed" "$skipped" >"$results"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
