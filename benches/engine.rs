//! Throughput of the engine: parse alone, parse + every default rule, the formatter (`cablelint
//! fmt`: parse, lay out and parse the result again to verify it) and the formatter on a cable
//! already parsed (the language server's formatting of its shared analysis: lay out and verify),
//! per cable and over the whole corpus (`../shared/corpus`; a generated cable when it is absent).
//! Prints MB/s and cables/s on one core, side by side. Run with `cargo bench --bench engine`.

#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use cablelint::data::Tables;
use cablelint::rules::Settings;

// The binary's allocator (`src/main.rs`), so that the figures are those of the engine as it ships.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    match std::fs::read_dir(&dir) {
        Ok(entries) => {
            let mut files: Vec<_> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            files
                .iter()
                .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
                .collect()
        }
        Err(_) => {
            println!(
                "NOTICE: {} is absent; benchmarking an invented cable instead",
                dir.display()
            );
            vec![include_str!("../examples/clean.cable").to_string(); 200]
        }
    }
}

/// The time this thread has spent on a CPU (`CLOCK_THREAD_CPUTIME_ID`), or `None` where the
/// system does not give it. On a machine whose cores are shared with other work, wall time counts
/// the waits for a core too; CPU time does not.
#[cfg(unix)]
fn thread_cpu_time() -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Option<Duration> {
    None
}

/// Runs `f` over all texts repeatedly for at least `min` of wall time and returns the best pass
/// time: CPU time of this thread where the system gives it, wall time otherwise.
fn measure(texts: &[String], min: Duration, mut f: impl FnMut(&str)) -> Duration {
    let mut best = Duration::MAX;
    let start = Instant::now();
    let mut passes = 0;
    while start.elapsed() < min || passes < 3 {
        let (t, cpu) = (Instant::now(), thread_cpu_time());
        for text in texts {
            f(text);
        }
        let pass = match (cpu, thread_cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => t.elapsed(),
        };
        best = best.min(pass);
        passes += 1;
    }
    best
}

fn main() {
    let texts = load();
    let bytes: usize = texts.iter().map(String::len).sum();
    let settings = Settings::default();
    let tables = Tables::builtin();
    // Warm up the tables and the regexes.
    let _ = cablelint::check(&texts[0], &settings, tables);
    let min = Duration::from_secs(3);
    let parse = measure(&texts, min, |t| {
        black_box(cablelint::syntax::parse(black_box(t)));
    });
    let check = measure(&texts, min, |t| {
        black_box(cablelint::check(black_box(t), &settings, tables));
    });
    let options = cablelint::formatter::FormatOptions::default();
    let format = measure(&texts, min, |t| {
        let _ = black_box(cablelint::formatter::format(black_box(t), &options));
    });
    let parsed: Vec<_> = texts.iter().map(|t| cablelint::syntax::parse(t)).collect();
    let mut k = 0;
    let format_parsed = measure(&texts, min, |_| {
        let _ = black_box(cablelint::formatter::format_cable(
            black_box(&parsed[k % parsed.len()]),
            &options,
        ));
        k += 1;
    });
    let mb = bytes as f64 / 1e6;
    let n = texts.len() as f64;
    let clock = if thread_cpu_time().is_some() {
        "CPU time"
    } else {
        "wall time"
    };
    println!(
        "{} cables, {:.1} MB; best of repeated passes, {clock}, one core",
        texts.len(),
        mb
    );
    for (what, d) in [
        ("parse", parse),
        ("parse + rules", check),
        ("format", format),
        ("format parsed", format_parsed),
    ] {
        let s = d.as_secs_f64();
        println!(
            "{what:<14} {:>8.1} MB/s {:>10.0} cables/s {:>8.1} µs/cable",
            mb / s,
            n / s,
            s * 1e6 / n
        );
    }
    println!(
        "rules cost {:.2}× parsing alone; format {:.2}× (target: 100 MB/s)",
        check.as_secs_f64() / parse.as_secs_f64(),
        format.as_secs_f64() / parse.as_secs_f64()
    );
}
