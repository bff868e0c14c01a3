//! `--output-format sarif`: SARIF 2.1.0, for code-scanning services.
//!
//! The run lists every rule under `tool.driver.rules` (id, name, descriptions and help from the
//! rule's documentation, default level, and `helpUri` when the docs address is known, see
//! [`crate::rules::docs_url`]; the driver's `informationUri` is then the docs address too) and
//! counts columns in Unicode code points (`columnKind: "unicodeCodePoints"`), as the other formats
//! do. Each result carries its fix, when it has one, as `fixes[].artifactChanges[].replacements[]`.
//! Files that could not be read are tool execution notifications, and make `executionSuccessful`
//! false.
//!
//! The document is built with `serde_json` rather than `serde-sarif`'s types of the schema: that
//! crate generates its code at build time (`schemafy_lib`, a second major version of `syn`,
//! `typed-builder`, `strum`: it and 14 crates cablelint does not otherwise build), which measured
//! 16 s of CPU, 5% of a release build from nothing (`cargo build --release --timings` on a fresh
//! clone, 2026-11-30), for a build that must stay under 2 minutes on 2 cores. What the types would
//! guarantee, `tests/cli_formats.rs` checks instead: every log validates against the official
//! SARIF 2.1.0 schema (`tests/schemas/`).

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{write_pretty, FileReport, JsonArray, Locator, Outcome, Render, Summary};
use crate::rules::docs_url::{docs_url, rule_url};
use crate::rules::format_ref::{format_sections, link_citations};
use crate::rules::{Rule, Severity};
use crate::syntax::TextRange;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(r: Rule, docs: Option<&str>) -> Value {
    let doc = link_citations(&r.documentation(), "docs/");
    let mut v = json!({
        "id": r.code(),
        "name": r.name(),
        "shortDescription": { "text": r.summary() },
        "fullDescription": { "text": doc, "markdown": doc },
        "help": { "text": doc, "markdown": doc },
        "defaultConfiguration": {
            "level": level(r.default_severity()),
            "enabled": r.enabled_by_default(),
        },
        "properties": {
            "tags": [r.family()],
            "format": format_sections(r.spec()).iter().map(|s| format!("docs/format.md#{}", s.anchor)).collect::<Vec<_>>(),
        },
    });
    if let Some(base) = docs {
        v["helpUri"] = json!(rule_url(base, r));
    }
    v
}

fn region(loc: &Locator, range: TextRange) -> Value {
    let (start, end) = loc.range(range);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

/// One SARIF log with one run, written as the files come: the run's `results` first, then its
/// `invocations` (which need every file's outcome) and `tool`.
pub struct Sarif {
    results: JsonArray,
    /// The files that could not be read, as tool execution notifications.
    notifications: Vec<Value>,
}

impl Default for Sarif {
    fn default() -> Self {
        Sarif {
            results: JsonArray::at_depth(3),
            notifications: Vec::new(),
        }
    }
}

impl Render for Sarif {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"$schema\": ")?;
        write_pretty(&SCHEMA, 1, false, out)?;
        out.write_all(b",\n  \"runs\": [\n    {\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
    }

    fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let artifact = json!({ "uri": uri(&f.path) });
        match &f.outcome {
            Outcome::Checked(c) => {
                let loc = c.locator(true);
                for d in &c.diagnostics {
                    let index = d.rule.index();
                    let mut result = json!({
                        "ruleId": d.rule.code(),
                        "ruleIndex": index,
                        "level": level(d.severity),
                        "message": { "text": d.message },
                        "locations": [{
                            "physicalLocation": {
                                "artifactLocation": artifact,
                                "region": region(&loc, d.range),
                            }
                        }],
                    });
                    if !d.related.is_empty() {
                        result["relatedLocations"] = d
                            .related
                            .iter()
                            .enumerate()
                            .map(|(i, r)| {
                                json!({
                                    "id": i,
                                    "message": { "text": r.message },
                                    "physicalLocation": {
                                        "artifactLocation": artifact,
                                        "region": region(&loc, r.range),
                                    }
                                })
                            })
                            .collect();
                    }
                    if let Some(fix) = &d.fix {
                        let replacements: Vec<Value> = fix
                            .edits
                            .iter()
                            .map(|e| {
                                json!({
                                    "deletedRegion": region(&loc, e.range),
                                    "insertedContent": { "text": e.new_text },
                                })
                            })
                            .collect();
                        result["fixes"] = json!([{
                            "description": { "text": fix.message },
                            "artifactChanges": [{
                                "artifactLocation": artifact,
                                "replacements": replacements,
                            }],
                            "properties": { "applicability": fix.applicability.as_str() },
                        }]);
                    }
                    self.results.push(&result, out)?;
                }
            }
            Outcome::Error(e) => self.notifications.push(json!({
                "level": "error",
                "message": { "text": format!("{}: {e}", f.path) },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact } }],
            })),
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        self.results.close(out)?;
        let docs = docs_url();
        let invocations = json!([{
            "executionSuccessful": self.notifications.is_empty(),
            "toolExecutionNotifications": self.notifications,
        }]);
        out.write_all(b",\n      \"invocations\": ")?;
        write_pretty(&invocations, 3, false, out)?;
        let mut driver = json!({
            "name": "cablelint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": Rule::ALL.iter().map(|&r| rule(r, docs.as_deref())).collect::<Vec<_>>(),
        });
        if let Some(base) = &docs {
            driver["informationUri"] = json!(base);
        }
        out.write_all(b",\n      \"tool\": ")?;
        write_pretty(&json!({ "driver": driver }), 3, false, out)?;
        out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
    }
}

/// A path as a URI reference: relative paths stay relative (with `/` separators), absolute ones
/// become `file://` URIs; bytes outside the unreserved set are percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let absolute = path.starts_with('/') || path.as_bytes().get(1) == Some(&b':');
    let mut out = String::new();
    if absolute {
        out.push_str("file://");
        if !path.starts_with('/') {
            out.push('/');
        }
    }
    for (i, b) in path.bytes().enumerate() {
        let keep =
            b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (b == b':' && absolute && i == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered, sample_report};
    use super::*;

    #[test]
    fn a_sarif_log_with_rules_results_and_fixes() {
        let v: Value = serde_json::from_str(&rendered(
            super::super::OutputFormat::Sarif,
            &sample_report(),
        ))
        .unwrap();
        assert_eq!(v["version"], "2.1.0");
        let run = &v["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), Rule::ALL.len());
        let r201 = rules.iter().find(|r| r["id"] == "CBL201").unwrap();
        assert_eq!(r201["name"], "security-line-mismatch");
        assert_eq!(r201["defaultConfiguration"]["level"], "error");
        assert_eq!(
            r201["fullDescription"]["text"],
            crate::rules::format_ref::link_citations(
                &Rule::SecurityLineMismatch.documentation(),
                "docs/"
            )
        );
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        assert_eq!(results[0]["ruleId"], "CBL201");
        assert_eq!(
            rules[results[0]["ruleIndex"].as_u64().unwrap() as usize]["id"],
            "CBL201"
        );
        assert_eq!(
            results[0]["locations"][0]["physicalLocation"]["region"],
            json!({"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 10})
        );
        assert_eq!(
            results[0]["relatedLocations"][0]["message"]["text"],
            "the banner"
        );
        assert_eq!(results[2]["level"], "note");
        let fix = &results[1]["fixes"][0];
        assert_eq!(fix["description"]["text"], "Remove the link markup");
        let change = &fix["artifactChanges"][0];
        assert_eq!(change["artifactLocation"]["uri"], "cables/oslo.cable");
        assert_eq!(
            change["replacements"][1],
            json!({"deletedRegion": {"startLine": 12, "startColumn": 12, "endLine": 12, "endColumn": 16}, "insertedContent": {"text": ""}})
        );
        let inv = &run["invocations"][0];
        assert_eq!(inv["executionSuccessful"], false);
        assert_eq!(
            inv["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
                ["artifactLocation"]["uri"],
            "cables/bad.cable"
        );
    }

    #[test]
    fn uris() {
        assert_eq!(uri("a b/c#1.cable"), "a%20b/c%231.cable");
        assert_eq!(uri("/tmp/x.cable"), "file:///tmp/x.cable");
        assert_eq!(uri("C:\\x\\y.cable"), "file:///C:/x/y.cable");
        assert_eq!(uri("é.cable"), "%C3%A9.cable");
    }
}
