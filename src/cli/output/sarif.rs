//! `--output-format sarif`: SARIF 2.1.0, for code-scanning services, built on `serde-sarif`'s
//! types of the standard's schema.
//!
//! The run lists every rule under `tool.driver.rules` (id, name, descriptions and help from the
//! rule's documentation, default level, and `helpUri` when the docs address is known, see
//! [`super::full::docs_url`]; the driver's `informationUri` is then the docs address too) and
//! counts columns in Unicode code points (`columnKind: "unicodeCodePoints"`), as the other formats
//! do. Each result carries its fix, when it has one, as
//! `fixes[].artifactChanges[].replacements[]`. Files that could not be read are tool execution
//! notifications, and make `executionSuccessful` false.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::json;
use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix, Invocation, Location, Message,
    MultiformatMessageString, Notification, PhysicalLocation, PropertyBag, Region, Replacement,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
};

use super::full::{docs_url, rule_url};
use super::{Locator, Outcome, Report};
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

fn result_level(s: Severity) -> ResultLevel {
    match s {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn text(s: &str) -> Message {
    Message::builder().text(s).build()
}

fn rule(r: Rule, docs: Option<&str>) -> ReportingDescriptor {
    let doc = r.documentation();
    let described = || {
        MultiformatMessageString::builder()
            .text(doc.clone())
            .markdown(doc.clone())
            .build()
    };
    let properties = PropertyBag::builder()
        .tags(vec![r.family().to_string()])
        .additional_properties(BTreeMap::from([("spec".to_string(), json!(r.spec()))]))
        .build();
    let configuration = ReportingConfiguration::builder()
        .level(json!(level(r.default_severity())))
        .enabled(r.enabled_by_default())
        .build();
    let descriptor = ReportingDescriptor::builder()
        .id(r.code())
        .name(r.name())
        .short_description(
            MultiformatMessageString::builder()
                .text(r.summary())
                .build(),
        )
        .full_description(described())
        .help(described())
        .default_configuration(configuration)
        .properties(properties);
    match docs {
        Some(base) => descriptor.help_uri(rule_url(base, r)).build(),
        None => descriptor.build(),
    }
}

fn region(loc: &Locator, range: TextRange) -> Region {
    let (start, end) = loc.range(range);
    Region::builder()
        .start_line(start.line as i64)
        .start_column(start.column as i64)
        .end_line(end.line as i64)
        .end_column(end.column as i64)
        .build()
}

fn place(artifact: &ArtifactLocation, region: Option<Region>) -> PhysicalLocation {
    match region {
        Some(r) => PhysicalLocation::builder()
            .artifact_location(artifact.clone())
            .region(r)
            .build(),
        None => PhysicalLocation::builder()
            .artifact_location(artifact.clone())
            .build(),
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let docs = docs_url();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for f in &report.files {
        let artifact = ArtifactLocation::builder().uri(uri(&f.path)).build();
        match &f.outcome {
            Outcome::Checked(c) => {
                let loc = Locator::new(&c.text, &c.diagnostics, true);
                for d in &c.diagnostics {
                    let index = Rule::ALL.iter().position(|&r| r == d.rule).unwrap_or(0);
                    let location = Location::builder()
                        .physical_location(place(&artifact, Some(region(&loc, d.range))))
                        .build();
                    let related: Vec<Location> = d
                        .related
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            Location::builder()
                                .id(i as i64)
                                .message(text(&r.message))
                                .physical_location(place(&artifact, Some(region(&loc, r.range))))
                                .build()
                        })
                        .collect();
                    let fixes: Vec<Fix> = d
                        .fix
                        .iter()
                        .map(|fix| {
                            let replacements = fix
                                .edits
                                .iter()
                                .map(|e| {
                                    Replacement::builder()
                                        .deleted_region(region(&loc, e.range))
                                        .inserted_content(
                                            ArtifactContent::builder()
                                                .text(e.new_text.clone())
                                                .build(),
                                        )
                                        .build()
                                })
                                .collect::<Vec<_>>();
                            Fix::builder()
                                .description(text(&fix.message))
                                .artifact_changes(vec![ArtifactChange::builder()
                                    .artifact_location(artifact.clone())
                                    .replacements(replacements)
                                    .build()])
                                .properties(
                                    PropertyBag::builder()
                                        .additional_properties(BTreeMap::from([(
                                            "applicability".to_string(),
                                            json!(fix.applicability.as_str()),
                                        )]))
                                        .build(),
                                )
                                .build()
                        })
                        .collect();
                    let result = SarifResult::builder()
                        .rule_id(d.rule.code())
                        .rule_index(index as i64)
                        .level(result_level(d.severity))
                        .message(text(&d.message))
                        .locations(vec![location]);
                    results.push(match (related.is_empty(), fixes.is_empty()) {
                        (true, true) => result.build(),
                        (false, true) => result.related_locations(related).build(),
                        (true, false) => result.fixes(fixes).build(),
                        (false, false) => result.related_locations(related).fixes(fixes).build(),
                    });
                }
            }
            Outcome::Error(e) => notifications.push(
                Notification::builder()
                    .level(json!("error"))
                    .message(text(&format!("{}: {e}", f.path)))
                    .locations(vec![Location::builder()
                        .physical_location(place(&artifact, None))
                        .build()])
                    .build(),
            ),
        }
    }
    let rules: Vec<ReportingDescriptor> = Rule::ALL
        .iter()
        .map(|&r| rule(r, docs.as_deref()))
        .collect();
    let driver = ToolComponent::builder()
        .name("cablelint")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(rules);
    let driver = match &docs {
        Some(base) => driver.information_uri(base.clone()).build(),
        None => driver.build(),
    };
    let invocation = Invocation::builder()
        .execution_successful(notifications.is_empty())
        .tool_execution_notifications(notifications)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .column_kind(json!("unicodeCodePoints"))
        .invocations(vec![invocation])
        .results(results)
        .build();
    let log = Sarif::builder()
        .schema(SCHEMA)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
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
    use serde_json::Value;

    #[test]
    fn a_sarif_log_with_rules_results_and_fixes() {
        let v: Value = serde_json::from_str(&rendered(render, &sample_report())).unwrap();
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
            Rule::SecurityLineMismatch.documentation()
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
