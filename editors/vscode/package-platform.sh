#!/bin/sh
# Packages a platform .vsix that carries the cablelint binary as server/cablelint, the way rust-analyzer and
# ruff ship theirs: installing the extension is the whole set-up. The extension uses that binary unless
# `cablelint.path` is set.
#
# Usage (in editors/vscode, after `npm ci`): sh package-platform.sh TARGET [BINARY]
#   TARGET  a VS Code platform: linux-x64 (the binary must be built for it)
#   BINARY  default ../../target/release/cablelint (`cargo build --release`); a published extension
#           carries ../../target/dist/cablelint (`cargo build --profile dist`, the shipped profile)
# Writes cablelint-TARGET.vsix.
set -eu
target="${1:?usage: package-platform.sh TARGET [BINARY]}"
bin="${2:-../../target/release/cablelint}"
[ -x "$bin" ] || { echo "package-platform.sh: $bin is not an executable; run cargo build --release" >&2; exit 2; }
npm run --silent build
rm -rf server && mkdir server
# The release profile keeps line tables for backtraces; the extension does not need them.
if command -v strip >/dev/null; then strip -o server/cablelint "$bin"; else cp "$bin" server/cablelint; fi
chmod 755 server/cablelint
npx vsce package --no-dependencies --no-rewrite-relative-links --target "$target" --out "cablelint-$target.vsix"
rm -rf server
