#!/usr/bin/env bash
# The fuzz targets of fuzz/ (`cargo fuzz`, libFuzzer), each run for a bounded time; any crash, broken
# property or stall fails. Installs what it needs: the nightly toolchain (rustup) and cargo-fuzz
# (crates.io, pinned). Seeds are built at run time in a temporary directory, never in the
# repository: cables of ../shared/corpus and ../shared/corpus-release (skipped with a notice when
# ../shared is absent), the project's own invented cables (tests/fixtures, examples) and a few
# invented inputs written below. Prints, per target, the executions, the time and the result.
#
# Env: CABLELINT_FUZZ_SECONDS (per target, default 60), CABLELINT_FUZZ_TARGETS (space-separated,
# default all), CABLELINT_FUZZ_SEEDS (cables taken from each corpus, default 300; 0 takes all),
# CABLELINT_FUZZ_SANITIZER (default none: the targets look for panics, stalls and broken
# properties in safe Rust, and build and run several times faster than with AddressSanitizer),
# CABLELINT_FUZZ_SEED and CABLELINT_FUZZ_RUNS (libFuzzer's -seed and -runs: with both, a run
# mutates the same inputs in the same order wherever it runs, stopping at the runs or at the
# seconds, whichever comes first; `.ci/run` uses them so that a landing is judged on a run that
# was also made by hand, while a run without them explores anew).
# A crash's input is kept in fuzz/artifacts/<target>/ (ignored by git); `cargo +nightly fuzz run
# <target> <file>` replays it.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_EACH="${CABLELINT_FUZZ_SECONDS:-60}"
SEEDS_EACH="${CABLELINT_FUZZ_SEEDS:-300}"
SANITIZER="${CABLELINT_FUZZ_SANITIZER:-none}"
REPEATABLE=()
if [ -n "${CABLELINT_FUZZ_SEED:-}" ]; then REPEATABLE+=("-seed=$CABLELINT_FUZZ_SEED"); fi
if [ -n "${CABLELINT_FUZZ_RUNS:-}" ]; then REPEATABLE+=("-runs=$CABLELINT_FUZZ_RUNS"); fi
CARGO_FUZZ_VERSION=0.13.2

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "installing the nightly toolchain (rustup)"
    rustup toolchain install nightly --profile minimal || { echo "FAIL: no nightly toolchain"; exit 1; }
fi
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
    echo "installing cargo-fuzz $CARGO_FUZZ_VERSION (crates.io)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --quiet ||
        { echo "FAIL: could not install cargo-fuzz"; exit 1; }
fi
echo "$(rustup run nightly rustc --version), $(cargo fuzz --version)"

cd "$ROOT/fuzz"
TARGETS="${CABLELINT_FUZZ_TARGETS:-$(cargo +nightly fuzz list | tr '\n' ' ')}"

cargo fmt --check || { echo "FAIL: cargo fmt --check in fuzz/"; exit 1; }
build_start=$(date +%s)
if ! cargo +nightly fuzz build --sanitizer "$SANITIZER" --debug-assertions >"${TMPDIR:-/tmp}/cablelint-fuzz-build.log" 2>&1; then
    tail -40 "${TMPDIR:-/tmp}/cablelint-fuzz-build.log"
    echo "FAIL: the fuzz targets do not build"
    exit 1
fi
echo "fuzz targets built in $(( $(date +%s) - build_start )) s (sanitizer: $SANITIZER, debug assertions on)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cablelint-fuzz.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
SHARED="$ROOT/../shared"
if [ -d "$SHARED/corpus" ] && [ -d "$SHARED/corpus-release" ]; then
    echo "seeds: $SEEDS_EACH cables from each of ../shared/corpus and ../shared/corpus-release (0 = all)"
else
    echo "NOTICE: ../shared is absent: seeds are the project's invented cables only"
    SHARED=""
fi
python3 - "$WORK/seeds" "$ROOT" "$SEEDS_EACH" "$SHARED" <<'PY'
import json, os, sys
out, root, each, shared = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
cables = []
for base in ["tests/fixtures", "examples"]:
    for d, _, files in os.walk(os.path.join(root, base)):
        cables += [os.path.join(d, f) for f in sorted(files) if f.endswith(".cable")]
if shared:
    for sub in ["corpus", "corpus-release"]:
        names = sorted(f for f in os.listdir(os.path.join(shared, sub)) if f.endswith(".txt"))
        step = 1 if each <= 0 else max(1, len(names) // each)
        cables += [os.path.join(shared, sub, n) for n in names[::step][: each if each > 0 else None]]
texts = [open(p, "rb").read() for p in cables]
# Invented inputs: the shapes that once took quadratic time or did not converge, line breaks of
# every kind, wide characters, and an empty text.
texts += [
    b"1. " + b"summary " * 500,
    b"1. (SBU) Summary. " * 12 + b"\n\n2. Text.\n",
    b"UNCLAS SECTION 01 OF 02 OSLO 000123\r\n\r\nE.O. 12958: N/A\r\nTAGS: PREL, PGOV\r\n",
    b"SUBJECT: \xc2\xb6 caf\xc3\xa9 \xf0\x9f\x98\x80\rREF: A. STATE 1234\n\n3. End Comment. End Note.\n",
    b"",
]
def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body
def did_open(text):
    return json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///tmp/x.cable", "languageId": "cable", "version": 1,
        "text": text.decode("utf-8", "replace")}}}).encode()
init = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}).encode()
hover = b'{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///tmp/x.cable"},"position":{"line":0,"character":3}}}'
seeds = {
    "parse_check": texts, "positions": texts, "fmt": texts,
    # The first byte chooses safe (even) or unsafe (odd) fixes.
    "fixes": [b"\x00" + t for t in texts] + [b"\x01" + t for t in texts[::2]],
    "transport": [frame(init) + frame(did_open(t)) + frame(hover) for t in texts[:40]] + [
        b"Content-Length: 10\r\n\r\n" + init + frame(hover),            # declared too short
        b"Content-Length: 999\r\n\r\n" + init + frame(hover),           # declared too long
        b"Content-Length: x\r\n\r\n" + frame(hover),                    # not a number
        b"garbage\r\n" + frame(init),                                   # no header
        frame(b'{"jsonrpc":"2.0","method":"x","params":{"s":"\\ud800"}}'),  # lone surrogate
    ],
}
for target, items in seeds.items():
    d = os.path.join(out, target)
    os.makedirs(d)
    for i, t in enumerate(items):
        open(os.path.join(d, "seed-%04d" % i), "wb").write(t)
PY

failed=()
for t in $TARGETS; do
    mkdir -p "$WORK/found/$t"
    start=$(date +%s)
    # -timeout: one input taking over 10 s is a stall; -rss_limit_mb: memory that grows without bound.
    cargo +nightly fuzz run --sanitizer "$SANITIZER" --debug-assertions "$t" \
        "$WORK/found/$t" "$WORK/seeds/$t" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        ${REPEATABLE[@]+"${REPEATABLE[@]}"} \
        >"$WORK/$t.log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$WORK/$t.log" | grep -o '[0-9]*$' | tail -1)
    if [ $rc = 0 ]; then
        echo "PASS $t: ${runs:-?} executions in $(( $(date +%s) - start )) s, no crash"
    else
        grep -E -A4 "panicked at|ERROR: libFuzzer" "$WORK/$t.log" | head -20
        echo "FAIL $t (exit $rc) after $(( $(date +%s) - start )) s: the input is in fuzz/artifacts/$t/"
        failed+=("$t")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAIL: fuzz targets that crashed: ${failed[*]}"
    exit 1
fi
echo "all fuzz targets ran without a crash (each at most ${SECONDS_EACH} s)"
