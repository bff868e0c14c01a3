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

/// The time of one pass of `f` over all texts: CPU time of this thread where the system gives it,
/// wall time otherwise.
fn pass(texts: &[String], f: &mut dyn FnMut(&str)) -> Duration {
    let (t, cpu) = (Instant::now(), thread_cpu_time());
    for text in texts {
        f(text);
    }
    match (cpu, thread_cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => t.elapsed(),
    }
}

/// Runs one pass of each of `kinds` in turn, round after round, for at least `min` of wall time
/// (and three rounds), and returns each kind's best pass time. Taking turns, the kinds meet the
/// same moments of a shared machine: a burst of other work slows a pass of each, not every pass of
/// one, and the ratios between the kinds hold.
fn measure_in_turns(
    texts: &[String],
    min: Duration,
    kinds: &mut [&mut dyn FnMut(&str)],
) -> (Vec<Duration>, usize) {
    let mut best = vec![Duration::MAX; kinds.len()];
    let start = Instant::now();
    let mut rounds = 0;
    while start.elapsed() < min || rounds < 3 {
        for (f, best) in kinds.iter_mut().zip(&mut best) {
            *best = (*best).min(pass(texts, *f));
        }
        rounds += 1;
    }
    (best, rounds)
}

fn main() {
    let texts = load();
    let bytes: usize = texts.iter().map(String::len).sum();
    let settings = Settings::default();
    let tables = Tables::builtin();
    // Warm up the tables and the regexes.
    let _ = cablelint::check(&texts[0], &settings, tables);
    let options = cablelint::formatter::FormatOptions::default();
    let parsed: Vec<_> = texts.iter().map(|t| cablelint::syntax::parse(t)).collect();
    let mut parse = |t: &str| {
        black_box(cablelint::syntax::parse(black_box(t)));
    };
    let mut check = |t: &str| {
        black_box(cablelint::check(black_box(t), &settings, tables));
    };
    let mut format = |t: &str| {
        let _ = black_box(cablelint::formatter::format(black_box(t), &options));
    };
    let mut k = 0;
    let mut format_parsed = |_: &str| {
        let _ = black_box(cablelint::formatter::format_cable(
            black_box(&parsed[k % parsed.len()]),
            &options,
        ));
        k += 1;
    };
    let (best, rounds) = measure_in_turns(
        &texts,
        Duration::from_secs(12),
        &mut [&mut parse, &mut check, &mut format, &mut format_parsed],
    );
    let (parse, check, format, format_parsed) = (best[0], best[1], best[2], best[3]);
    let mb = bytes as f64 / 1e6;
    let n = texts.len() as f64;
    let clock = if thread_cpu_time().is_some() {
        "CPU time"
    } else {
        "wall time"
    };
    println!(
        "{} cables, {:.1} MB; best of {rounds} rounds of one pass of each in turn, {clock}, one core",
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
