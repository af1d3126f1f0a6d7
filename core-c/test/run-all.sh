#!/bin/sh
# Run every C test executable, print their output, and write the summed
# counts as {"passed":N,"failed":N} to the results file given first.
results=$1
shift
passed=0
failed=0
for t in "$@"; do
  echo "== $(basename "$t")"
  out=$("$t" 2>&1)
  code=$?
  printf '%s\n' "$out"
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
  if [ -z "$line" ]; then
    echo "FAIL $(basename "$t") ended without a summary (exit $code)"
    failed=$((failed + 1))
    continue
  fi
  p=${line%% passed*}
  f=${line#*, }
  f=${f%% failed*}
  passed=$((passed + p))
  failed=$((failed + f))
done
mkdir -p "$(dirname "$results")"
printf '{"passed":%d,"failed":%d}\n' "$passed" "$failed" >"$results"
echo "C: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
