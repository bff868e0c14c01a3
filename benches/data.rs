//! Look-up speed of the reference tables: exact, prefix and fuzzy TAGS look-ups, corrections,
//! and the addressee and post searches. Prints nanoseconds per operation.
//!
//! Run with `cargo bench --bench data`.

// A benchmark and a report print their figures; nothing here talks LSP.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use cablelint::data::Tables;

/// Runs `f` over `inputs` repeatedly for about `budget` and returns nanoseconds per call.
fn measure<T>(inputs: &[&str], budget: Duration, mut f: impl FnMut(&str) -> T) -> f64 {
    // Warm up, and find how many rounds fit in the budget.
    let start = Instant::now();
    let mut rounds = 0u64;
    while start.elapsed() < budget / 10 {
        for i in inputs {
            black_box(f(black_box(i)));
        }
        rounds += 1;
    }
    let rounds = (rounds * 10).max(10);
    let start = Instant::now();
    for _ in 0..rounds {
        for i in inputs {
            black_box(f(black_box(i)));
        }
    }
    start.elapsed().as_nanos() as f64 / (rounds as f64 * inputs.len() as f64)
}

fn main() {
    let start = Instant::now();
    let t = Tables::builtin();
    let load = start.elapsed();
    println!(
        "load built-in tables (parse + index, once): {:.2} ms ({} tags, {} addressees, {} posts)",
        load.as_secs_f64() * 1e3,
        t.all_tags().len(),
        t.all_addressees().len(),
        t.all_posts().len()
    );

    let budget = Duration::from_millis(400);
    let report = |name: &str, inputs: &[&str], ns: f64| {
        println!("{name:<44} {ns:>10.0} ns/op   ({} inputs)", inputs.len());
    };

    let codes = ["PREL", "PGOV", "JA", "KNNP", "EUN", "UNSC", "prel", "ZZZZ"];
    report(
        "tag (exact)",
        &codes,
        measure(&codes, budget, |c| t.tag(c).is_some()),
    );

    let prefixes = ["P", "PR", "PRE", "K", "KN", "E", "EU", "J", "UN", "X"];
    report(
        "tags_with_prefix",
        &prefixes,
        measure(&prefixes, budget, |p| t.tags_with_prefix(p).len()),
    );
    let long_prefixes = ["PRE", "KNN", "EUN", "UNS", "MAR"];
    report(
        "tags_with_prefix (3 letters)",
        &long_prefixes,
        measure(&long_prefixes, budget, |p| t.tags_with_prefix(p).len()),
    );

    let misses = [
        "PGVO", "PRLE", "MAR", "PPREL", "KWWMN", "PHUN", "WTRQ", "ENIV",
    ];
    report(
        "suggest_tag (near misses)",
        &misses,
        measure(&misses, budget, |c| t.suggest_tag(c).is_some()),
    );
    let far = ["XQXQXQ", "COUNTRY", "CLEARANCE", "QQ"];
    report(
        "suggest_tag (nothing near)",
        &far,
        measure(&far, budget, |c| t.suggest_tag(c).is_some()),
    );
    let known = ["PREL", "JA", "NATO"];
    report(
        "suggest_tag (valid code, no suggestion)",
        &known,
        measure(&known, budget, |c| t.suggest_tag(c).is_some()),
    );

    let fixes = [
        "RU",
        "EU",
        "POGOV",
        "PHUMPREL",
        "ETRDEINVECINPGOVCS",
        "POLITICS",
        "PREL",
    ];
    report(
        "tag_fix",
        &fixes,
        measure(&fixes, budget, |c| t.tag_fix(c).is_some()),
    );

    let ris = ["RUEHC", "RUEHKO", "RHEHNSC", "RUEKJCS", "RZZZZZ"];
    report(
        "addressees_for_ri",
        &ris,
        measure(&ris, budget, |r| t.addressees_for_ri(r).len()),
    );
    let addresses = ["SECSTATE WASHDC", "AMEMBASSY TOKYO", "NSC WASHDC"];
    report(
        "addressees_for_address",
        &addresses,
        measure(&addresses, budget, |a| t.addressees_for_address(a).len()),
    );
    let queries = ["RUEHK", "TOKYO", "BUENOS AI", "JAPAN", "EU MEMBER"];
    report(
        "search_addressees (limit 20)",
        &queries,
        measure(&queries, budget, |q| t.search_addressees(q, 20).len()),
    );
    report(
        "search_posts (limit 20)",
        &queries,
        measure(&queries, budget, |q| t.search_posts(q, 20).len()),
    );
    // The worst case: `R` is the beginning of every routing indicator.
    let everything = ["R"];
    report(
        "search_addressees (`R`, every row, limit 20)",
        &everything,
        measure(&everything, budget, |q| t.search_addressees(q, 20).len()),
    );
    let stations = ["TOKYO", "STATE", "USUN NEW YORK", "USUNNEWYORK", "BRUSSELS"];
    report(
        "post_by_station",
        &stations,
        measure(&stations, budget, |s| t.post_by_station(s).is_some()),
    );
    let names = [
        "AMEMBASSY TOKYO",
        "SECSTATE WASHDC",
        "SECDEF WASHDC//USDP//",
    ];
    report(
        "post_by_name",
        &names,
        measure(&names, budget, |n| t.post_by_name(n).is_some()),
    );
}
