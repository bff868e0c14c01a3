#!/usr/bin/env bash
# Wall time of `cablelint inspect` beside `cablelint check` over the same cables, and the ratio.
# Usage: scripts/bench-inspect.sh [BINARY] [DIR] [RUNS]
#   BINARY defaults to target/release/cablelint, DIR to ../shared/corpus, RUNS to 5; each command
#   runs RUNS times after one warm-up run and the best (lowest) wall time is reported.
# Output goes to /dev/null, so the figures are the time to read, parse, (check or build the data)
# and serialise, not the terminal's.
set -euo pipefail
bin=${1:-target/release/cablelint}
dir=${2:-../shared/corpus}
runs=${3:-5}
[ -x "$bin" ] || { echo "no binary at $bin (cargo build --release)" >&2; exit 2; }
[ -d "$dir" ] || { echo "no directory $dir" >&2; exit 2; }
files=$(find "$dir" -name '*.txt' -o -name '*.cable' | wc -l)

best() {
  local best=""
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    local s e t
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

check=$(best "$bin" check --extension txt --exit-zero --output-format concise "$dir")
inspect=$(best "$bin" inspect --extension txt --output-format jsonl "$dir")
printf 'cables:  %d in %s (best of %d runs each)\n' "$files" "$dir" "$runs"
printf 'check:   %.3f s  (%.0f cables/s)\n' "$check" "$(echo "$files / $check" | bc -l)"
printf 'inspect: %.3f s  (%.0f cables/s)\n' "$inspect" "$(echo "$files / $inspect" | bc -l)"
printf 'ratio inspect/check: %.2f (the target is at most 1.5)\n' "$(echo "$inspect / $check" | bc -l)"
