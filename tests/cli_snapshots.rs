//! Snapshots of the text formats for one invented cable, limited to `tags-markup` (CBL302) so that
//! only that rule's wording can change them. The JSON and SARIF shapes are checked field by field
//! in `cli_check.rs`.

mod cli_support;

use cli_support::*;

const MARKUP: &str = "tests/fixtures/cli/oslo-markup.cable";

fn output(format: &str) -> String {
    let r = run(&[
        "check",
        MARKUP,
        "--select",
        "CBL302",
        "--output-format",
        format,
    ]);
    assert_eq!(r.code, 1, "{r:?}");
    r.stdout
}

#[test]
fn full() {
    insta::assert_snapshot!(output("full"));
}

#[test]
fn concise() {
    insta::assert_snapshot!(output("concise"));
}

#[test]
fn github() {
    insta::assert_snapshot!(output("github"));
}

#[test]
fn junit() {
    insta::assert_snapshot!(output("junit"));
}

#[test]
fn diff() {
    let r = run(&["check", MARKUP, "--select", "CBL302", "--diff"]);
    assert_eq!(r.code, 1, "{r:?}");
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn grouped() {
    insta::assert_snapshot!(output("grouped"));
}

#[test]
fn pylint() {
    insta::assert_snapshot!(output("pylint"));
}

#[test]
fn azure() {
    insta::assert_snapshot!(output("azure"));
}

#[test]
fn statistics() {
    let r = run(&["check", MARKUP, "--select", "CBL302", "--statistics"]);
    assert_eq!(r.code, 1, "{r:?}");
    insta::assert_snapshot!(r.stdout);
}
