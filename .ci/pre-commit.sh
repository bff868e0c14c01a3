#!/usr/bin/env bash
# The pre-commit hook as a user meets it: the real pre-commit (from PyPI, pinned) in a throwaway git
# repository whose .pre-commit-config.yaml names this repository at its HEAD commit. pre-commit clones it and
# installs the hooks (pip + maturin build the binary into the hook's environment); then a commit of a good,
# formatted cable must go through, a commit of a bad one must be refused with the finding shown, and a commit of
# a clean but unformatted one must be refused by cablelint-fmt, which rewrites it so that the next commit goes
# through.
#
# The hook is built from HEAD: commit first when trying local changes. Env: CI_CACHE (tool cache),
# CARGO_TARGET_DIR (default: this checkout's target/, so the dependencies of the release build are reused).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/.ci/tools.sh"
ensure_ci_tools || { echo "FAIL: could not install maturin and pre-commit from PyPI"; exit 1; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cablelint-pre-commit.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export PRE_COMMIT_HOME="$WORK/pre-commit-home"
passed=0 failed=0
check() { # check NAME COMMAND...: runs the command, counts and prints the result.
    local name="$1"; shift
    if "$@"; then echo "PASS $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}

rev="$(git -C "$ROOT" rev-parse HEAD)"
if [ -n "$(git -C "$ROOT" status --porcelain -- .pre-commit-hooks.yaml pyproject.toml Cargo.toml Cargo.lock src)" ]; then
    echo "NOTICE: uncommitted changes in $ROOT are not part of the hook under test (HEAD $rev)"
fi
REPO="$WORK/repo"
mkdir -p "$REPO/cables"
cd "$REPO"
git init -q -b main .
git config user.email ci@example.invalid && git config user.name CI
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $ROOT
    rev: $rev
    hooks:
      - id: cablelint-check
      - id: cablelint-fmt
YAML
git add .pre-commit-config.yaml && git commit -q -m "pre-commit configuration"
cp "$ROOT/examples/draft-with-errors.cable" cables/bad.cable
"$PRE_COMMIT" install >/dev/null

# Installing the hook's environment is the slow part (a cargo build); it is timed here on its own.
start=$(date +%s)
"$PRE_COMMIT" install-hooks >"$WORK/install.log" 2>&1
rc=$?
check "pre-commit installs cablelint-check and cablelint-fmt from $rev ($(($(date +%s) - start)) s)" test $rc = 0
[ $rc = 0 ] || tail -30 "$WORK/install.log"

# The good cable is examples/clean.cable as the hook's own binary formats it (the example is formatted
# already); the unformatted case below is the same cable wrapped at 60 columns, clean but not formatted.
HOOK_BIN="$(find "$PRE_COMMIT_HOME" -path '*/bin/cablelint' -type f | head -1)"
check "the hook's environment has the cablelint binary ($HOOK_BIN)" test -x "$HOOK_BIN"
"$HOOK_BIN" fmt - <"$ROOT/examples/clean.cable" >cables/good.cable
"$HOOK_BIN" fmt --line-width 60 - <"$ROOT/examples/clean.cable" >"$WORK/unformatted.cable"
check "the unformatted cable differs from the good one" bash -c '! cmp -s "$0" "$1"' cables/good.cable "$WORK/unformatted.cable"

git add cables/good.cable
git commit -m "a good cable" >"$WORK/good.log" 2>&1
rc=$?
check "committing a good cable goes through (exit $rc)" test $rc = 0
check "the hook ran on it" grep -q 'cablelint check.*Passed' "$WORK/good.log"
check "the fmt hook ran on it and left it" grep -q 'cablelint fmt.*Passed' "$WORK/good.log"

git add cables/bad.cable
git commit -m "a bad cable" >"$WORK/bad.log" 2>&1
rc=$?
check "committing a bad cable is refused (exit $rc)" test $rc != 0
check "the hook reports it as failed" grep -q 'cablelint check.*Failed' "$WORK/bad.log"
check "the finding is shown (error[CBL111] in cables/bad.cable)" \
    grep -qE 'error\[CBL111\]|cables/bad.cable:3' "$WORK/bad.log"
check "the bad cable was not committed" test -z "$(git log --format=%H -- cables/bad.cable)"
check "pre-commit run --all-files fails on the bad cable too" \
    bash -c '! "$0" run --all-files >/dev/null 2>&1' "$PRE_COMMIT"
git reset -q

# A clean cable that is not formatted: cablelint-fmt fails the commit and rewrites the file; committed again,
# it goes through, and what was committed is the formatted text.
cp "$WORK/unformatted.cable" cables/unformatted.cable
git add cables/unformatted.cable
git commit -m "an unformatted cable" >"$WORK/unformatted.log" 2>&1
rc=$?
check "committing an unformatted cable is refused (exit $rc)" test $rc != 0
check "cablelint check passes it" grep -q 'cablelint check.*Passed' "$WORK/unformatted.log"
check "cablelint fmt fails it and says files were modified" \
    bash -c 'grep -q "cablelint fmt.*Failed" "$0" && grep -q "files were modified by this hook" "$0"' "$WORK/unformatted.log"
check "the hook rewrote it to the formatted text" cmp -s cables/unformatted.cable cables/good.cable
git add cables/unformatted.cable
git commit -m "the cable, formatted" >"$WORK/formatted.log" 2>&1
rc=$?
check "committing it again goes through (exit $rc)" test $rc = 0
check "the committed cable is the formatted one" \
    bash -c 'git show HEAD:cables/unformatted.cable | cmp -s - "$0"' cables/good.cable
[ $failed = 0 ] || { for f in good bad unformatted formatted; do echo "--- $f commit:"; cat "$WORK/$f.log" 2>/dev/null; done; }
echo "pre-commit: $passed passed, $failed failed"
[ $failed = 0 ]
