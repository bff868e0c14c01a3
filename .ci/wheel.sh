#!/usr/bin/env bash
# `pip install cablelint` as a user does it: builds the wheel with maturin (from PyPI, pinned), installs it
# into a fresh virtual environment with nothing else on PATH, and runs the installed `cablelint` on the
# examples: examples/clean.cable must pass (exit 0) and examples/draft-with-errors.cable must fail (exit 1)
# with its julian-day finding shown. Prints the wheel's build time. Exits non-zero when a check fails.
#
# Env: CI_CACHE (tool cache, default ~/.cache/cablelint-ci), CARGO_TARGET_DIR (maturin builds there; CI
# reuses the release build's dependencies from target/).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/.ci/tools.sh"
ensure_ci_tools || { echo "FAIL: could not install maturin and pre-commit from PyPI"; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cablelint-wheel.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
passed=0 failed=0
check() { # check NAME COMMAND...: runs the command, counts and prints the result.
    local name="$1"; shift
    if "$@"; then echo "PASS $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}

start=$(date +%s)
(cd "$ROOT" && "$MATURIN" build --locked --quiet --out "$WORK/dist") >"$WORK/build.log" 2>&1
rc=$?
build_s=$(($(date +%s) - start))
if [ $rc != 0 ]; then tail -30 "$WORK/build.log"; echo "FAIL maturin build (exit $rc)"; exit 1; fi
wheel="$(ls "$WORK"/dist/cablelint-*.whl)"
echo "wheel: $(basename "$wheel"), $(du -k "$wheel" | cut -f1) KB, built in ${build_s} s ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"

python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --no-index "$wheel" || { echo "FAIL pip install of the wheel"; exit 1; }
# Only the environment's bin/ and the system directories: a cablelint from cargo or target/ cannot answer.
export PATH="$WORK/venv/bin:/usr/bin:/bin"
installed="$(command -v cablelint || true)"
check "cablelint is installed into the venv ($installed)" test "$installed" = "$WORK/venv/bin/cablelint"
check "cablelint --version is the crate's version" \
    grep -q "$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -1)" <(cablelint --version)

cd "$ROOT"
cablelint check examples/clean.cable >"$WORK/clean.out" 2>&1
rc=$?
check "cablelint check examples/clean.cable exits 0 (got $rc)" test $rc = 0
cablelint check examples/draft-with-errors.cable >"$WORK/draft.out" 2>&1
rc=$?
check "cablelint check examples/draft-with-errors.cable exits 1 (got $rc)" test $rc = 1
check "the draft's findings are printed (CBL111 julian-day-mismatch)" grep -q 'error\[CBL111\]' "$WORK/draft.out"
[ $failed = 0 ] || { echo "--- output:"; cat "$WORK/clean.out" "$WORK/draft.out"; }
echo "wheel: $passed passed, $failed failed"
[ $failed = 0 ]
