#!/usr/bin/env bash
# End-to-end test of editors/vscode in real VS Code: code-server 4.139.1 (VS Code 1.139) in headless
# Chromium, driven by playwright-core, with the extension built, packaged as a platform .vsix (linux-x64) that
# carries the server binary, and installed the way a user installs it, with no `cablelint` on PATH: installing
# the extension is the whole set-up. Checks run from the extension host (self-test) and in the rendered editor; see
# vscode/e2e.js. Exits non-zero when any check fails.
#
# Env: CABLELINT_BIN (server binary; default target/release/cablelint), E2E_CACHE (install cache),
# UPDATE_SCREENSHOT=1 (copy the screenshot to editors/vscode/images/screenshot.png after a passing run).
# Artifacts (logs, screenshots, the .vsix) are left in target/e2e/vscode/<run>/ (target/e2e/vscode/latest).
SUITE=vscode
source "$(dirname "$0")/lib.sh"

ensure_code_server || die "could not install code-server"
apt_install chromium || die "could not install chromium"
server_path
[ -x "$CABLELINT_BIN" ] || die "CABLELINT_BIN=$CABLELINT_BIN is not an executable file"
E2E_BIN_DIR=""
# Nothing named cablelint may be found on PATH: the directories that hold one are dropped.
PATH="$(tr ':' '\n' <<<"$PATH" | while read -r d; do [ -n "$d" ] && [ ! -x "$d/cablelint" ] && echo "$d"; done | paste -sd:)"
export PATH="$N24/bin:$PATH"
node --version | sed 's/^/node /'

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cablelint-e2e-vscode.XXXXXX")"
# Each run has its own artifacts folder (runs may overlap); `latest` points at the newest.
ARTIFACTS="$ROOT/target/e2e/vscode/$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$ARTIFACTS" && ln -sfn "$ARTIFACTS" "$ROOT/target/e2e/vscode/latest"
# Keeps the five newest runs' artifacts.
ls -1dt "$ROOT"/target/e2e/vscode/2*/ 2>/dev/null | tail -n +6 | xargs -r rm -rf
cleanup() {
    # code-server was started in its own process group by e2e.js; end it if e2e.js could not.
    if [ -f "$ARTIFACTS/code-server.pid" ]; then kill_group "$(cat "$ARTIFACTS/code-server.pid")"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
fail=0

# The extension is built from a copy of editors/vscode, so nothing is written into the repository. Its
# node_modules are installed once per package-lock.json into the cache (with the real HOME, so npm uses its
# own configuration and download cache) and linked in.
EXT="$ROOT/editors/vscode"
BUILD="$WORK/editors/vscode"
mkdir -p "$BUILD"
ln -s "$ROOT/editors/test-fixtures" "$WORK/editors/test-fixtures"
tar -C "$EXT" --exclude=./node_modules --exclude=./dist --exclude='./*.vsix' -cf - . | tar -C "$BUILD" -xf -
MODULES="$E2E_CACHE/vscode-node-modules/$(sha256sum "$EXT/package-lock.json" | cut -c1-16)"
# Each step of these subshells ends it on failure itself: `set -e` does nothing in a subshell whose status
# `||` tests (a failed typecheck or npm ci went unnoticed).
(
    mkdir -p "$(dirname "$MODULES")" || exit 1
    exec 9>"$MODULES.lock"
    flock 9 || exit 1
    if [ ! -f "$MODULES/.done" ]; then
        log "npm ci (editors/vscode) into $MODULES"
        rm -rf "$MODULES" && mkdir -p "$MODULES" || exit 1
        cp "$EXT/package.json" "$EXT/package-lock.json" "$MODULES/" || exit 1
        (cd "$MODULES" && npm ci --no-audit --no-fund --loglevel=error) || exit 1
        touch "$MODULES/.done"
    fi
) || die "npm ci failed"
ln -s "$MODULES/node_modules" "$BUILD/node_modules"
(
    cd "$BUILD" || exit 1
    log "typecheck"
    npx tsc --noEmit -p . || exit 1
    log "grammar test (vscode-textmate)"
    node --test --test-reporter=tap test/*.test.js >"$ARTIFACTS/grammar-test.log" 2>&1 || { cat "$ARTIFACTS/grammar-test.log"; exit 1; }
    echo "PASS grammar test: $(grep -E '^# (pass|fail)' "$ARTIFACTS/grammar-test.log" | cut -c3- | paste -sd' ')"
    log "build + package (linux-x64, with $CABLELINT_BIN as server/cablelint)"
    sh package-platform.sh linux-x64 "$CABLELINT_BIN" >"$ARTIFACTS/package.log" 2>&1 || { cat "$ARTIFACTS/package.log"; exit 1; }
    mv cablelint-linux-x64.vsix "$ARTIFACTS/" || exit 1
) || die "building the extension failed"
VSIX="$ARTIFACTS/cablelint-linux-x64.vsix"
if python3 -c 'import sys, zipfile; sys.exit("extension/server/cablelint" not in zipfile.ZipFile(sys.argv[1]).namelist())' "$VSIX"; then
    echo "PASS package: $(basename "$VSIX") $(du -k "$VSIX" | cut -f1) KB, with extension/server/cablelint"
else
    echo "FAIL package: $(basename "$VSIX") has no extension/server/cablelint"
    exit 1
fi

export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/xdg-config" XDG_DATA_HOME="$WORK/xdg-data"
mkdir -p "$HOME"
# VS Code takes its environment from the user's login shell: neither that nor this PATH may find a cablelint.
if command -v cablelint >/dev/null || env -i HOME="$HOME" bash -lc 'command -v cablelint' >/dev/null 2>&1; then
    echo "FAIL no cablelint on PATH: found $(command -v cablelint || env -i HOME="$HOME" bash -lc 'command -v cablelint')"
    exit 1
fi
echo "PASS no cablelint on PATH or on the login shell's PATH"

CS_USER_DATA="$WORK/user-data" CS_EXTENSIONS="$WORK/extensions"
mkdir -p "$CS_USER_DATA/User"
cat >"$CS_USER_DATA/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.tips.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "editor.hover.delay": 200,
  "editor.minimap.enabled": false,
  "[cable]": { "editor.formatOnSave": true }
}
JSON
"$CODE_SERVER" --user-data-dir "$CS_USER_DATA" --extensions-dir "$CS_EXTENSIONS" --install-extension "$VSIX" >"$ARTIFACTS/install.log" 2>&1
installed="$("$CODE_SERVER" --user-data-dir "$CS_USER_DATA" --extensions-dir "$CS_EXTENSIONS" --list-extensions --show-versions 2>/dev/null)"
bundled="$(find "$CS_EXTENSIONS" -path '*/server/cablelint' -type f -perm -u+x | head -1)"
if grep -q '^cablelint.cablelint@' <<<"$installed" && [ -n "$bundled" ]; then
    echo "PASS install .vsix: $(grep '^cablelint.cablelint@' <<<"$installed"), server at ${bundled#"$CS_EXTENSIONS"/}"
else
    echo "FAIL install .vsix: $(cat "$ARTIFACTS/install.log")"
    exit 1
fi

# The workspace: one copy of each cable for the extension-host self-test, one for the rendered editor.
WORKSPACE="$WORK/ws"
mkdir -p "$WORKSPACE"
host_cases="$(list_cases "$WORKSPACE/host")"
dom_cases="$(list_cases "$WORKSPACE/dom" 2>/dev/null)"
[ -n "$host_cases" ] || die "no cases found in $FIXTURES"
to_json() {
    python3 -c 'import json,sys,os
ws=sys.argv[1]
rows=[l.split("\t") for l in sys.stdin.read().splitlines() if l]
print(json.dumps([{"name":n,"file":f,"expect":e,"rel":os.path.relpath(f,ws)} for n,f,e in rows]))' "$WORKSPACE"
}
to_json <<<"$host_cases" >"$WORK/cases-host.json"
to_json <<<"$dom_cases" >"$WORK/cases-dom.json"

log "code-server $CODE_SERVER_VERSION + chromium"
CODE_SERVER="$CODE_SERVER" CS_USER_DATA="$CS_USER_DATA" CS_EXTENSIONS="$CS_EXTENSIONS" WORKSPACE="$WORKSPACE" \
    CASES_JSON="$WORK/cases-host.json" DOM_CASES_JSON="$WORK/cases-dom.json" ARTIFACTS="$ARTIFACTS" \
    CABLELINT_E2E_SERVER=bundled SCREENSHOT_CASE=09OSLO417 CHROMIUM=/usr/bin/chromium NODE_PATH="$MODULES/node_modules" \
    timeout 600 node "$E2E_DIR/vscode/e2e.js" || fail=1
log "workspace scenarios (untrusted folder, multi-root, missing program, repeated crashes)"
CODE_SERVER="$CODE_SERVER" CS_EXTENSIONS="$CS_EXTENSIONS" ARTIFACTS="$ARTIFACTS" CHROMIUM=/usr/bin/chromium \
    CABLE="$FIXTURES/09OSLO417.cable" NODE_PATH="$MODULES/node_modules" timeout 400 node "$E2E_DIR/vscode/workspaces.js" || fail=1

if [ $fail != 0 ]; then
    echo "--- code-server log (last 15 lines):"
    tail -15 "$ARTIFACTS/code-server.log" | cut -c1-300
    for f in $(find "$CS_USER_DATA/logs" -name '*cablelint*' 2>/dev/null); do
        echo "--- $f (last 20 lines):"
        tail -20 "$f" | cut -c1-300
    done
    echo "artifacts: $ARTIFACTS"
elif [ "${UPDATE_SCREENSHOT:-0}" = 1 ] && [ -f "$ARTIFACTS/screenshot.png" ]; then
    cp "$ARTIFACTS/screenshot.png" "$EXT/images/screenshot.png"
    log "updated editors/vscode/images/screenshot.png"
fi
[ $fail = 0 ] && log "PASS" || log "FAIL"
exit $fail
