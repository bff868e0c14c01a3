//! The workspace index over a folder of real cables: how long the language server's first scan
//! takes and how much memory it needs (issue 13: 2,000 cables in under 1 s and under 50 MB).
//!
//! Run with `cargo bench --bench index [FOLDER]` (default `../shared/corpus`, whose cables are
//! `*.txt`; `CABLELINT_CORPUS` also names the folder). It prints, side by side in one run, the time
//! to walk the folder, to read every file (the floor), and to index it (walk, read, parse and
//! summarise, in parallel; best of [`RUNS`]), the number of cables indexed, and the process's
//! peak resident memory before and after the first index (`VmHWM` of `/proc/self/status`), with
//! its resident memory while the index is kept. A missing folder is skipped with a notice.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use cablelint::workspace::index::{cable_files, IndexLimits, WorkspaceIndex};

/// Runs per figure; the best is kept.
const RUNS: usize = 3;

/// A line of `/proc/self/status` in MiB (`VmHWM`, `VmRSS`), when the system has it.
fn status_mib(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn best(mut f: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let folder = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("CABLELINT_CORPUS").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if !folder.is_dir() {
        println!(
            "NOTICE: {} is absent; the index benchmark is skipped",
            folder.display()
        );
        return;
    }
    let roots = vec![folder.clone()];
    let extensions = ["txt", "cable", "tel"];
    let limits = IndexLimits::default();

    // The first index, in a process that has read nothing yet: its peak memory is the index's.
    let hwm_before = status_mib("VmHWM:");
    let t = Instant::now();
    let mut index = WorkspaceIndex::new(limits);
    let report = index.merge_scan(WorkspaceIndex::scan(&roots, &extensions, limits, 0));
    let first = t.elapsed();
    let hwm_after = status_mib("VmHWM:");
    let rss_kept = status_mib("VmRSS:");
    let files = index.len();
    drop(index);

    let walk = best(|| {
        std::hint::black_box(cable_files(&folder, &extensions));
    });
    let paths = cable_files(&folder, &extensions);
    let mut bytes = 0usize;
    let read = best(|| {
        bytes = paths
            .iter()
            .map(|p| std::fs::read(p).map_or(0, |b| b.len()))
            .sum();
    });
    let indexing = best(|| {
        let mut index = WorkspaceIndex::new(limits);
        index.merge_scan(WorkspaceIndex::scan(&roots, &extensions, limits, 0));
        std::hint::black_box(index.len());
    });

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mib = |m: Option<f64>| m.map_or_else(|| "?".to_string(), |m| format!("{m:.1}"));
    println!(
        "workspace index of {} ({files} cables, {:.1} MB; {} threads; best of {RUNS})",
        folder.display(),
        bytes as f64 / 1e6,
        rayon::current_num_threads()
    );
    println!(
        "walk {:>7.1} ms | read {:>7.1} ms | index {:>7.1} ms ({:.1}× read; first run {:.1} ms)",
        ms(walk),
        ms(read),
        ms(indexing),
        indexing.as_secs_f64() / read.as_secs_f64().max(1e-9),
        ms(first)
    );
    println!(
        "peak memory (VmHWM) {} MiB before the first index, {} MiB after; {} MiB resident with the index kept",
        mib(hwm_before),
        mib(hwm_after),
        mib(rss_kept)
    );
    for m in report.messages(limits) {
        println!("{m}");
    }
    println!("Target (issue 13): 2,000 cables indexed in under 1 s and under 50 MB.");
}
