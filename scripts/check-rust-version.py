#!/usr/bin/env python3
"""Checks that Cargo.toml's `rust-version` is at least the `rust-version` of every locked dependency that
`cargo install --path . --locked` builds (normal and build dependencies of cablelint), so the Rust version
the README names is one that can build the binary. Our own code is held to it by clippy's
`incompatible_msrv` lint, which reads the same field.

Usage: scripts/check-rust-version.py   (from the repository root; runs `cargo metadata --locked`)
Exits 1 and names the dependencies that need a newer Rust when the declared version is too old.
"""
import json
import subprocess
import sys


def version(text):
    """`1.85` and `1.85.0` are the same version: (1, 85, 0)."""
    parts = [int(part) for part in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def main():
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked"],
            check=True, capture_output=True, text=True,
        ).stdout
    )
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    declared = packages[root]["rust_version"]
    if not declared:
        print("FAIL Cargo.toml has no rust-version")
        return 1
    # The packages a `cargo install` builds: everything reachable through normal and build dependencies.
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        for dep in nodes[node]["deps"]:
            if any(kind["kind"] in (None, "build") for kind in dep["dep_kinds"]):
                stack.append(dep["pkg"])
    needs = sorted(
        ((version(packages[i]["rust_version"]), packages[i]["name"], packages[i]["version"])
         for i in seen if i != root and packages[i]["rust_version"]),
        reverse=True,
    )
    highest = needs[0] if needs else ((0,), "-", "-")
    too_new = [n for n in needs if n[0] > version(declared)]
    if too_new:
        names = ", ".join(f"{name} {v} (Rust {'.'.join(map(str, rv[:2]))})" for rv, name, v in too_new)
        print(f"FAIL rust-version {declared} is older than what the locked dependencies need: {names}")
        return 1
    print(f"PASS rust-version {declared} covers all {len(seen) - 1} dependencies "
          f"(the highest need: {highest[1]} {highest[2]}, Rust {'.'.join(map(str, highest[0][:2]))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
