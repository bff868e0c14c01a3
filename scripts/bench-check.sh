#!/usr/bin/env bash
# Wall time of `cablelint check DIR --extension txt` against `cat` over the same files, measured side
# by side in one run (best of 5 each), printed as a ratio. Usage: scripts/bench-check.sh DIR
set -euo pipefail
dir=${1:-../shared/corpus}
bin=${CABLELINT_BIN:-target/release/cablelint}
[ -x "$bin" ] || cargo build --release --quiet
files=$(find "$dir" -name '*.txt' | wc -l)
bytes=$(find "$dir" -name '*.txt' -print0 | xargs -0 cat | wc -c)
best() {
  local best=999999
  for _ in 1 2 3 4 5; do
    local t0 t1 ms
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}
cat_ms=$(best sh -c "find '$dir' -name '*.txt' -print0 | xargs -0 cat")
check_ms=$(best "$bin" check "$dir" --extension txt --output-format concise --exit-zero)
echo "files: $files, bytes: $bytes"
echo "cat:              ${cat_ms} ms"
echo "cablelint check:  ${check_ms} ms"
awk -v a="$check_ms" -v b="$cat_ms" 'BEGIN { if (b < 1) b = 1; printf "ratio check/cat: %.2fx (target: at most 3x)\n", a / b }'
