#!/usr/bin/env bash
# End-to-end test of editors/nvim in real Neovim 0.11 (headless), against `cablelint lsp`.
#
# The plugin is loaded as a user loads it (an init.lua that prepends it to the runtimepath), three ways:
# `vim.lsp.enable('cablelint')`, `require('cablelint').setup{}`, and setup()'s vim.lsp.start() path for
# Neovim 0.9/0.10. Each runs every case of editors/test-fixtures/*.expect.json (the shared example cable
# too, when ../shared is present). Exits non-zero when any check fails.
#
# Env: CABLELINT_BIN (server binary; default target/release/cablelint), E2E_CACHE (install cache).
SUITE=nvim
source "$(dirname "$0")/lib.sh"

ensure_nvim || die "could not install Neovim $NVIM_VERSION"
resolve_server

make_work_dir

# A clean home so no user configuration leaks in; logs land in $WORK/state.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" \
    XDG_CACHE_HOME="$WORK/cache"
mkdir -p "$HOME"
export CABLELINT_NVIM_PLUGIN="$ROOT/editors/nvim"

fail=0
"$NVIM" --version | head -1

# The :help file must index without errors (duplicate or malformed tags); done on a copy so no `tags` file
# is written into the repository.
mkdir -p "$WORK/doc" && cp "$ROOT/editors/nvim/doc/cablelint.txt" "$WORK/doc/"
if out="$(timeout 30 "$NVIM" --headless -u NONE -c "helptags $WORK/doc" -c 'qall!' 2>&1)" && [ -s "$WORK/doc/tags" ] && [ -z "$out" ]; then
    echo "PASS helptags: $(wc -l <"$WORK/doc/tags") tags"
else
    echo "FAIL helptags: $out"
    fail=1
fi

notices=/dev/stderr
for mode in enable setup start; do
    # Each mode gets pristine copies of the cables.
    # Appending: `>` on /dev/stderr would truncate a log file that stderr is redirected to.
    cases="$(list_cases "$WORK/cases-$mode" 2>>"$notices")"
    notices=/dev/null
    [ -n "$cases" ] || die "no cases found in $FIXTURES"
    while IFS=$'\t' read -r name file expect; do
        log "mode=$mode case=$name"
        start=$(date +%s%N)
        E2E_MODE=$mode CASE_NAME="$name" CASE_FILE="$file" CASE_EXPECT="$expect" \
            timeout 120 "$NVIM" --headless -u "$E2E_DIR/nvim/init_$mode.lua" \
            -c "luafile $E2E_DIR/nvim/check.lua" -c 'cquit 3' </dev/null
        rc=$?
        log "mode=$mode case=$name rc=$rc ($(( ($(date +%s%N) - start) / 1000000 )) ms)"
        if [ $rc -ne 0 ]; then
            fail=1
            if [ -f "$XDG_STATE_HOME/nvim/lsp.log" ]; then
                echo "--- last lines of the Neovim LSP log:"
                tail -20 "$XDG_STATE_HOME/nvim/lsp.log" | cut -c1-400
            fi
        fi
        rm -f "$XDG_STATE_HOME/nvim/lsp.log"
    done <<<"$cases"
done

# Scenarios of their own, one file per topic under nvim/scenarios/, each with the enable() init. Each ends
# Neovim itself (`qall!` when every check passed); a scenario that types keys returns at once and goes on in
# the main loop, so the only exit added here is for a script that cannot be loaded or fails at the top level.
for scenario in "$E2E_DIR"/nvim/scenarios/*.lua; do
    [ -f "$scenario" ] || continue
    log "scenario $(basename "$scenario" .lua)"
    timeout 120 "$NVIM" --headless -u "$E2E_DIR/nvim/init_enable.lua" \
        -c "lua local ok, e = pcall(dofile, '$scenario') if not ok then io.stdout:write('FAIL scenario: ' .. tostring(e) .. '\\n') vim.cmd('cquit 3') end" \
        </dev/null || fail=1
done

# The buffer text after accepting completions (.ci/e2e/nvim/completion.lua), on a scratch copy.
mkdir -p "$WORK/completion" && cp "$FIXTURES/09OSLO417.cable" "$WORK/completion/"
log "completion scenarios"
CASE_FILE="$WORK/completion/09OSLO417.cable" timeout 120 "$NVIM" --headless -u "$E2E_DIR/nvim/init_enable.lua" \
    -c "luafile $E2E_DIR/nvim/completion.lua" </dev/null || fail=1
echo

[ $fail = 0 ] && log "PASS" || log "FAIL"
exit $fail
