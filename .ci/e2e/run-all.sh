#!/usr/bin/env bash
# Runs the editor end-to-end suites (Neovim, Emacs + Eglot, VS Code as code-server) against one server
# binary, reports each, and exits non-zero if any failed.
#
# Usage: .ci/e2e/run-all.sh [nvim] [emacs] [vscode]      (default: all three)
# Env: CABLELINT_BIN (default target/release/cablelint, built with `cargo build --release` when missing),
#      E2E_CACHE (install cache, default ~/.cache/cablelint-e2e).
SUITE=e2e
source "$(dirname "$0")/lib.sh"

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(nvim emacs vscode)

server_path
log "server under test: $CABLELINT_BIN"

passed=0 failed=0 summary=()
for s in "${suites[@]}"; do
    [ -x "$E2E_DIR/$s.sh" ] || die "no suite $s (expected $E2E_DIR/$s.sh)"
    log "=== $s"
    start=$(date +%s)
    if "$E2E_DIR/$s.sh"; then
        passed=$((passed + 1)); result=PASS
    else
        failed=$((failed + 1)); result=FAIL
    fi
    summary+=("$result $s ($(($(date +%s) - start)) s)")
done

log "=== summary"
printf '  %s\n' "${summary[@]}"
echo "editors: $passed passed, $failed failed"
[ "$failed" = 0 ]
