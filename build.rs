//! Tells the tests whether the material beside the checkout that some of them need is there:
//! `../shared/corpus` and `../shared/corpus-release` (the real cables) and `../shared/examples` (the cable the project started
//! from). When one is absent the build sets `shared_corpus_absent` or `shared_examples_absent`, and
//! the tests that need it are marked `#[ignore]` with the reason, so `cargo test` reports them as
//! ignored rather than passed.
//!
//! Cargo runs this again when the directories change (or when this file does). A directory that
//! appears after the first build is noticed after `touch build.rs`: watching the parent directory
//! instead would make Cargo scan every sibling checkout on each build.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_corpus_absent)");
    println!("cargo::rustc-check-cfg=cfg(shared_examples_absent)");
    println!("cargo::rustc-check-cfg=cfg(shared_corpus_release_absent)");
    println!("cargo::rerun-if-changed=build.rs");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_string());
    let shared = Path::new(&manifest).join("../shared");
    for (dir, cfg) in [
        ("corpus", "shared_corpus_absent"),
        ("examples", "shared_examples_absent"),
        ("corpus-release", "shared_corpus_release_absent"),
    ] {
        let path = shared.join(dir);
        if path.is_dir() {
            println!("cargo::rerun-if-changed={}", path.display());
        } else {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}
