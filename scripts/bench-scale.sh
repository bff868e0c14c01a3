#!/usr/bin/env bash
# The whole release on one machine: builds a tree of N cables by copying the corpus cables under
# distinct names into a temporary folder (never into the repository) and prints, side by side in
# one run, the wall time and peak memory of `cat`, `cablelint check` and `cablelint inspect` over it,
# with the ratios, for each N given (default: 2000 25000 250000).
#
# Usage: scripts/bench-scale.sh [N...]
# Environment: CABLELINT_BIN (default target/release/cablelint, built if missing), CABLELINT_CORPUS
# (default ../shared/corpus), BENCH_RUNS (runs per figure, best kept; default 3), TMPDIR.
set -euo pipefail
bin=${CABLELINT_BIN:-target/release/cablelint}
corpus=${CABLELINT_CORPUS:-../shared/corpus}
if [ ! -d "$corpus" ]; then
  echo "bench-scale: $corpus is absent; skipped (it needs the corpus beside the project)" >&2
  exit 0
fi
[ -x "$bin" ] || cargo build --release --quiet
exec python3 - "$bin" "$corpus" "${@:-2000 25000 250000}" <<'PY'
import os, shutil, subprocess, sys, tempfile, time

bin_path, corpus = os.path.abspath(sys.argv[1]), sys.argv[2]
sizes = [int(n) for arg in sys.argv[3:] for n in arg.split()]
runs = int(os.environ.get("BENCH_RUNS", "3"))
sources = sorted(
    os.path.join(d, f)
    for d, _, files in os.walk(corpus)
    for f in files
    if f.endswith(".txt")
)
if not sources:
    sys.exit(f"bench-scale: no *.txt cables under {corpus}")


def measure(argv, env=None):
    """Best wall time (s) and the largest peak RSS (MiB) of `argv` over the runs."""
    best, peak = float("inf"), 0.0
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"bench-scale: {' '.join(argv)} failed ({status})")
        best = min(best, wall)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak


rows = []
for n in sizes:
    with tempfile.TemporaryDirectory(prefix="cablelint-scale.") as tree:
        size = 0
        for i in range(n):
            folder = os.path.join(tree, f"{i // 1000:04d}")
            if i % 1000 == 0:
                os.mkdir(folder)
            src = sources[i % len(sources)]
            shutil.copyfile(src, os.path.join(folder, f"{i:06d}.cable"))
            size += os.path.getsize(src)
        cat = measure(["sh", "-c", f"find '{tree}' -type f -print0 | xargs -0 cat"])
        check = measure([bin_path, "check", tree, "--output-format", "concise", "--exit-zero"])
        one = dict(os.environ, RAYON_NUM_THREADS="1")
        check1 = measure(
            [bin_path, "check", tree, "--output-format", "concise", "--exit-zero"], one
        ) if n <= 25_000 else None
        inspect = measure([bin_path, "inspect", tree, "--output-format", "jsonl"])
        rows.append((n, size, cat, check, check1, inspect))
        print(
            f"N={n}: cat {cat[0]:.2f} s, check {check[0]:.2f} s ({check[1]:.0f} MiB), "
            f"inspect {inspect[0]:.2f} s ({inspect[1]:.0f} MiB)",
            file=sys.stderr,
            flush=True,
        )

print(f"cablelint {bin_path}; {len(sources)} corpus cables copied round-robin; best of {runs} runs")
print(f"{os.cpu_count()} cores; check with the default rules, concise output to /dev/null")
print()
head = (
    f"{'cables':>8} {'MB':>6} | {'cat s':>6} {'MiB':>5} | {'check s':>7} {'MiB':>5} "
    f"{'cables/s':>8} {'÷cat':>5} {'1→2 thr':>7} | {'inspect s':>9} {'MiB':>5} {'÷check':>6}"
)
print(head)
print("-" * len(head))
for n, size, cat, check, check1, inspect in rows:
    speedup = f"{check1[0] / check[0]:.2f}×" if check1 else "-"
    print(
        f"{n:>8} {size / 1e6:>6.0f} | {cat[0]:>6.2f} {cat[1]:>5.0f} | {check[0]:>7.2f} "
        f"{check[1]:>5.0f} {n / check[0]:>8.0f} {check[0] / cat[0]:>4.1f}× {speedup:>7} | "
        f"{inspect[0]:>9.2f} {inspect[1]:>5.0f} {inspect[0] / check[0]:>5.2f}×"
    )
print()
print("Targets (issue 14): check ≥ 25,000 cables/s and ≤ 2× cat; at 250,000 cables check < 10 s")
print("and < 100 MB peak, inspect ≤ 1.5× check, memory flat between 25,000 and 250,000.")
PY
