//! `cablelint rules` and `cablelint rule CODE`: the rule registry, for people and for tools.

use std::io::{self, Write};

use serde_json::json;

use crate::rules::format_ref::{format_links, format_sections, link_citations};
use crate::rules::{Rule, RuleSelector};

/// One object per rule, as `rules --format json` prints them.
fn rule_json(r: Rule) -> serde_json::Value {
    json!({
        "code": r.code(),
        "name": r.name(),
        "severity": r.default_severity().as_str(),
        "softer_severities": r.softer_severities().iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "enabled_by_default": r.enabled_by_default(),
        "family": r.family(),
        "format": format_sections(r.spec())
            .iter()
            .map(|s| json!({"title": s.title, "path": format!("docs/format.md#{}", s.anchor)}))
            .collect::<Vec<_>>(),
        "summary": r.summary(),
    })
}

/// Lists every rule: code, name, default severity, on/off by default and a one-line summary.
pub fn list(json: bool, out: &mut dyn Write) -> io::Result<()> {
    if json {
        let all: Vec<_> = Rule::ALL.iter().map(|&r| rule_json(r)).collect();
        serde_json::to_writer_pretty(&mut *out, &all)?;
        return writeln!(out);
    }
    let name_width = Rule::ALL.iter().map(|r| r.name().len()).max().unwrap_or(0);
    let severity_width = Rule::ALL
        .iter()
        .map(|r| r.severity_label().len())
        .max()
        .unwrap_or(0);
    for &r in Rule::ALL {
        writeln!(
            out,
            "{}  {:<name_width$}  {:<severity_width$}  {:<3}  {}",
            r.code(),
            r.name(),
            r.severity_label(),
            if r.enabled_by_default() { "on" } else { "off" },
            r.summary()
        )?;
    }
    Ok(())
}

/// Prints one rule's documentation; the error says why `query` names no single rule.
pub fn show(query: &str, json: bool, out: &mut dyn Write) -> Result<io::Result<()>, String> {
    let rule = match Rule::from_code_or_name(query.trim()) {
        Some(r) => r,
        None => {
            let candidates: Vec<Rule> = RuleSelector::parse(query)
                .map(|s| s.rules().collect())
                .unwrap_or_default();
            return Err(if candidates.is_empty() {
                format!("`{query}` is not a rule code or name (see `cablelint rules`)")
            } else {
                format!(
                    "`{query}` names {} rules ({}); give one code or name",
                    candidates.len(),
                    candidates
                        .iter()
                        .map(|r| r.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            });
        }
    };
    Ok(write_rule(rule, json, out))
}

fn write_rule(r: Rule, json: bool, out: &mut dyn Write) -> io::Result<()> {
    if json {
        let mut v = rule_json(r);
        v["documentation"] = json!(link_citations(&r.documentation(), "docs/"));
        serde_json::to_writer_pretty(&mut *out, &v)?;
        return writeln!(out);
    }
    writeln!(out, "{} ({})", r.code(), r.name())?;
    writeln!(
        out,
        "Severity: {} ({} by default). Family: {}. The format: {}.",
        r.severity_label(),
        if r.enabled_by_default() { "on" } else { "off" },
        r.family(),
        format_links(r.spec(), "docs/"),
    )?;
    writeln!(out)?;
    out.write_all(link_citations(&r.documentation(), "docs/").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_listed_once() {
        let mut out = Vec::new();
        list(false, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s.lines().count(), Rule::ALL.len());
        let line = s.lines().find(|l| l.starts_with("CBL124")).unwrap();
        assert!(line.contains("missing-header"));
        assert!(line.contains(" error "));
        assert!(line.contains(" off "));
        let mut out = Vec::new();
        list(true, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v.as_array().unwrap().len(), Rule::ALL.len());
        assert_eq!(v[0]["code"], Rule::ALL[0].code());
    }

    #[test]
    fn a_rule_by_code_or_name_and_unknown_ones() {
        for q in ["CBL201", "cbl201", "security-line-mismatch"] {
            let mut out = Vec::new();
            show(q, false, &mut out).unwrap().unwrap();
            let s = String::from_utf8(out).unwrap();
            assert!(s.starts_with("CBL201 (security-line-mismatch)\n"), "{s}");
            assert!(s.ends_with(&link_citations(
                &Rule::SecurityLineMismatch.documentation(),
                "docs/"
            )));
        }
        let e = show("CBL999", false, &mut Vec::new()).unwrap_err();
        assert_eq!(
            e,
            "`CBL999` is not a rule code or name (see `cablelint rules`)"
        );
        let e = show("CBL2", false, &mut Vec::new()).unwrap_err();
        assert!(e.starts_with("`CBL2` names "), "{e}");
    }
}
