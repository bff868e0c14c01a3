#!/usr/bin/env bash
# End-to-end test of editors/emacs/cable-mode.el in real Emacs with Eglot (batch mode), against
# `cablelint lsp`: font-lock, diagnostics (flymake), hover, a quick fix, fix-all and completion, for every
# case of editors/test-fixtures/*.expect.json (the shared example cable too, when ../shared is present);
# the buffer text after accepting completions (emacs/completion.el) and after each kind of quick fix,
# chosen by title, and fix-all (emacs/fixes.el on editors/test-fixtures/fixes.json); M-q filling as
# `cablelint fmt' lays paragraphs out (emacs/fill.el).
# Exits non-zero when any check fails.
#
# Env: CABLELINT_BIN (server binary; default target/release/cablelint), E2E_CACHE (install cache).
SUITE=emacs
source "$(dirname "$0")/lib.sh"

ensure_emacs || die "could not install Emacs"
resolve_server

make_work_dir
export HOME="$WORK/home"
mkdir -p "$HOME"

fail=0
emacs --version | head -1

# cable-mode.el must byte-compile without a warning (compiled on a copy: no .elc in the repository).
cp "$ROOT/editors/emacs/cable-mode.el" "$WORK/"
if out="$(timeout 60 emacs --batch -Q --eval '(setq byte-compile-error-on-warn t)' -f batch-byte-compile "$WORK/cable-mode.el" 2>&1)"; then
    echo "PASS byte-compile: cable-mode.el"
else
    echo "FAIL byte-compile: $out"
    fail=1
fi

cases="$(list_cases "$WORK/cases")"
[ -n "$cases" ] || die "no cases found in $FIXTURES"
while IFS=$'\t' read -r name file expect; do
    log "case=$name"
    start=$(date +%s%N)
    CASE_NAME="$name" CASE_FILE="$file" CASE_EXPECT="$expect" \
        timeout 180 emacs --batch -Q -L "$ROOT/editors/emacs" -l "$E2E_DIR/emacs/check.el" </dev/null 2>"$WORK/stderr"
    rc=$?
    log "case=$name rc=$rc ($(( ($(date +%s%N) - start) / 1000000 )) ms)"
    if [ $rc -ne 0 ]; then
        fail=1
        echo "--- Emacs messages (last 20 lines):"
        tail -20 "$WORK/stderr" | cut -c1-400
    fi
done <<<"$cases"

# The buffer text after accepting completions (.ci/e2e/emacs/completion.el), on a scratch copy.
mkdir -p "$WORK/completion" && cp "$FIXTURES/09OSLO417.cable" "$WORK/completion/"
log "completion scenarios"
CASE_FILE="$WORK/completion/09OSLO417.cable" timeout 120 emacs --batch -Q -L "$ROOT/editors/emacs" \
    -l "$E2E_DIR/emacs/completion.el" </dev/null 2>"$WORK/stderr" || { fail=1; tail -20 "$WORK/stderr"; }

# M-q lays a paragraph out as `cablelint fmt' does (.ci/e2e/emacs/fill.el), on invented drafts.
log "fill (M-q) as cablelint fmt"
CABLELINT_BIN="$CABLELINT_BIN" timeout 60 emacs --batch -Q -L "$ROOT/editors/emacs" \
    -l "$E2E_DIR/emacs/fill.el" </dev/null 2>"$WORK/stderr" || { fail=1; tail -20 "$WORK/stderr"; }

# Quick fixes chosen by title and fix-all (.ci/e2e/emacs/fixes.el, editors/test-fixtures/fixes.json).
mkdir -p "$WORK/fixes" && cp "$FIXTURES/fixes.cable" "$WORK/fixes/"
log "quick fixes by title and fix-all"
FIXES_SPEC="$FIXTURES/fixes.json" CASE_FILE="$WORK/fixes/fixes.cable" timeout 120 emacs --batch -Q -L "$ROOT/editors/emacs" \
    -l "$E2E_DIR/emacs/fixes.el" </dev/null 2>"$WORK/stderr" || { fail=1; tail -20 "$WORK/stderr"; }

[ $fail = 0 ] && log "PASS" || log "FAIL"
exit $fail
