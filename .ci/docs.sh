#!/usr/bin/env bash
# The documentation site as a reader gets it: installs mdBook from crates.io (pinned; skipped when that
# version is already in ~/.cargo/bin), builds docs/ into target/book, checks every link and anchor of the
# built site, and opens the rules page in headless Chromium: the rendered page must show the rules and
# the sidebar (built by the page's script), and a screenshot is left in target/docs/rules.png.
# Exits non-zero when a check fails.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MDBOOK_VERSION=0.5.4
passed=0 failed=0
check() { # check NAME COMMAND...: runs the command, counts and prints the result.
    local name="$1"; shift
    if "$@"; then echo "PASS $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}

MDBOOK="${CARGO_HOME:-$HOME/.cargo}/bin/mdbook"
if [ -x "$MDBOOK" ] && "$MDBOOK" --version | grep -q "v$MDBOOK_VERSION\$"; then
    echo "mdbook $MDBOOK_VERSION already installed ($MDBOOK)"
else
    echo "cargo install mdbook --version $MDBOOK_VERSION --locked"
    start=$(date +%s)
    cargo install mdbook --version "$MDBOOK_VERSION" --locked --quiet || { echo "FAIL cargo install mdbook"; exit 1; }
    echo "mdbook installed in $(($(date +%s) - start)) s"
fi

rm -rf target/book
check "mdbook build" "$MDBOOK" build
check "every link and anchor of the site resolves" python3 scripts/check-links.py target/book
check "the rules page links each rule to the format reference" \
    bash -c '[ "$(grep -o "href=\"format.html#[a-z-]*\"" target/book/rules.html | wc -l)" -ge 70 ]'

# The CI recipes name only output formats the binary has.
BIN="${CABLELINT_BIN:-$ROOT/target/release/cablelint}"
if [ -x "$BIN" ]; then
    formats="$(grep -ohE -- '--output-format [a-z-]+' docs/ci.md | cut -d' ' -f2 | sort -u | paste -sd' ')"
    check "the formats docs/ci.md uses exist ($formats)" bash -c '
        help="$("$0" check --help)"
        for f in $1; do grep -qE "^ *- $f:" <<<"$help" || { echo "  no output format $f in cablelint check --help"; exit 1; }; done' "$BIN" "$formats"
    # Each `cablelint check` line of the recipes runs as written, in a directory holding a good and a bad
    # cable: with --exit-zero it exits 0, without it 1 (the bad cable), and an --output-file is written.
    recipes="$(mktemp -d "${TMPDIR:-/tmp}/cablelint-recipes.XXXXXX")"
    cp examples/clean.cable examples/draft-with-errors.cable "$recipes/"
    n=0
    while IFS= read -r cmd; do
        n=$((n + 1))
        want=1; grep -q -- '--exit-zero' <<<"$cmd" && want=0
        out="$(grep -oE -- '--output-file [^ ]+' <<<"$cmd" | cut -d' ' -f2)"
        (cd "$recipes" && rm -f "${out:-/nonexistent}" && PATH="$(dirname "$BIN"):$PATH" bash -c "$cmd" >/dev/null 2>&1)
        rc=$?
        check "docs/ci.md recipe \`$cmd\` exits $want (got $rc)${out:+ and writes $out}" \
            bash -c '[ "$1" = "$2" ] && { [ -z "$3" ] || [ -s "$4/$3" ]; }' _ "$rc" "$want" "$out" "$recipes"
    done < <(sed -nE 's/^ *(- |run: )*(cablelint check [^#]*[^ #]).*$/\2/p' docs/ci.md)
    rm -rf "$recipes"
    check "docs/ci.md has CI recipes to run ($n)" test "$n" -ge 4
else
    echo "NOTICE: $BIN is absent (cargo build --release): the output formats and recipes of docs/ci.md are not checked"
fi

# A real browser: Chromium from Debian's packages.
if ! command -v chromium >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
mkdir -p target/docs
page="file://$ROOT/target/book/rules.html"
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000)
timeout 120 "${chrome[@]}" --dump-dom "$page" >target/docs/rules.dom.html 2>/dev/null
check "Chromium renders the rules page with its rules (CBL201 security-line-mismatch)" \
    grep -q 'CBL201 <code[^>]*>security-line-mismatch</code>' target/docs/rules.dom.html
check "the page's script built the sidebar (The cable format, Rules)" \
    bash -c 'grep -q "href=\"format.html\"[^>]*>The cable format" target/docs/rules.dom.html &&
             grep -q "class=\"active\"[^>]*>Rules" target/docs/rules.dom.html'
rm -f target/docs/rules.png
# The top of the page (a `#fragment` URL gives headless Chromium a blank shot): the sidebar with every rule,
# and the first rules with their links to the format reference. A blank page is a few KB.
timeout 120 "${chrome[@]}" --window-size=1280,1100 --screenshot="$ROOT/target/docs/rules.png" "$page" >/dev/null 2>&1
check "screenshot of the rules page (target/docs/rules.png, $(du -k target/docs/rules.png 2>/dev/null | cut -f1) KB)" \
    bash -c '[ "$(stat -c %s target/docs/rules.png 2>/dev/null || echo 0)" -gt 20000 ]'
echo "docs: $passed passed, $failed failed"
[ $failed = 0 ]
