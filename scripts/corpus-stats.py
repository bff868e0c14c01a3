#!/usr/bin/env python3
"""Per-rule firing counts of `cablelint check` over corpora of real cables.

Usage: scripts/corpus-stats.py BIN DIR [DIR...]

For each DIR, runs `BIN check DIR --extension txt --isolated --exit-zero --output-format json`
and prints the share of cables with no error-severity finding, then one line per rule:
code, name, severity, the number of cables it fires on and the number of findings.
"""
import collections
import json
import subprocess
import sys


def stats(binary, folder):
    out = subprocess.run(
        [binary, "check", folder, "--extension", "txt", "--isolated", "--exit-zero",
         "--output-format", "json"],
        check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    files = report["files"]
    cables = collections.Counter()
    findings = collections.Counter()
    meta = {}
    clean = 0
    for f in files:
        diags = f.get("diagnostics") or []
        if not any(d["severity"] == "error" for d in diags):
            clean += 1
        seen = set()
        for d in diags:
            key = d["code"]
            meta[key] = (d["name"], d["severity"])
            findings[key] += 1
            seen.add(key)
        for key in seen:
            cables[key] += 1
    print(f"== {folder}: {len(files)} cables, {clean} without an error "
          f"({100.0 * clean / max(len(files), 1):.1f}%)")
    for key in sorted(findings):
        name, severity = meta[key]
        print(f"{key} {name:34} {severity:8} {cables[key]:5} cables {findings[key]:6} findings")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for folder in sys.argv[2:]:
        stats(sys.argv[1], folder)


if __name__ == "__main__":
    main()
