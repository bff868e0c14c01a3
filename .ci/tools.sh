# The Python tools CI uses, from PyPI at pinned versions, in one cached virtual environment. Source it.
# Sets MATURIN and PRE_COMMIT after ensure_ci_tools.
CI_CACHE="${CI_CACHE:-${HOME:-/root}/.cache/cablelint-ci}"
MATURIN_VERSION=1.16.0
PRE_COMMIT_VERSION=4.7.0
ensure_ci_tools() {
    local venv="$CI_CACHE/tools-$MATURIN_VERSION-$PRE_COMMIT_VERSION"
    MATURIN="$venv/bin/maturin" PRE_COMMIT="$venv/bin/pre-commit"
    if [ -x "$MATURIN" ] && [ -x "$PRE_COMMIT" ]; then return 0; fi
    echo "installing maturin $MATURIN_VERSION and pre-commit $PRE_COMMIT_VERSION from PyPI into $venv"
    rm -rf "$venv" && mkdir -p "$CI_CACHE" &&
        python3 -m venv "$venv" &&
        "$venv/bin/pip" install --quiet "maturin==$MATURIN_VERSION" "pre-commit==$PRE_COMMIT_VERSION"
}
