//! `--statistics`: how many times each rule fired, most frequent first, instead of the findings
//! (ruff's `--statistics`).
//!
//! ```text
//! 2  CBL302  [*] tags-markup
//! 1  CBL201      security-line-mismatch
//! ```
//!
//! `[*]` marks a rule whose findings `--fix` would fix (all of them, with the current
//! `--unsafe-fixes`); rules of equal count are in code order. With `--output-format json` it is a
//! JSON array, `[{"code":"CBL302","name":"tags-markup","count":2,"fixable":2}]`, where `fixable` counts
//! the findings `--fix` would fix.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, Outcome, Render, RunOptions, Summary};
use crate::rules::Rule;

#[derive(Serialize)]
struct Row {
    code: &'static str,
    name: &'static str,
    count: usize,
    fixable: usize,
}

/// Counts per rule, written at the end.
pub struct Statistics {
    options: RunOptions,
    /// Whether to write a JSON array instead of the table.
    json: bool,
    /// Per rule: findings and findings `--fix` would fix.
    counts: BTreeMap<Rule, (usize, usize)>,
}

impl Statistics {
    pub fn new(options: RunOptions, json: bool) -> Self {
        Statistics {
            options,
            json,
            counts: BTreeMap::new(),
        }
    }

    fn rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = self
            .counts
            .iter()
            .map(|(r, &(count, fixable))| Row {
                code: r.code(),
                name: r.name(),
                count,
                fixable,
            })
            .collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
        rows
    }
}

impl Render for Statistics {
    fn file(&mut self, f: &FileReport, _out: &mut dyn Write) -> io::Result<()> {
        if let Outcome::Checked(c) = &f.outcome {
            for d in &c.diagnostics {
                let e = self.counts.entry(d.rule).or_default();
                e.0 += 1;
                e.1 += usize::from(self.options.is_applicable(d));
            }
        }
        Ok(())
    }

    /// Writes the table, or the JSON array when `json`.
    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.rows();
        if self.json {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            return writeln!(out);
        }
        let width = rows
            .iter()
            .map(|r| r.count.to_string().len())
            .max()
            .unwrap_or(1);
        for r in &rows {
            let mark = if r.fixable == r.count { "[*]" } else { "   " };
            writeln!(out, "{:>width$}  {}  {mark} {}", r.count, r.code, r.name)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{cable_diagnostics, rendered_with, sample_report};
    use super::*;

    #[test]
    fn counts_per_rule_most_frequent_first() {
        let mut r = sample_report();
        if let Outcome::Checked(c) = &mut r.files[0].outcome {
            let extra = cable_diagnostics()[1].clone();
            c.diagnostics.push(extra);
        }
        let text = rendered_with(&mut Statistics::new(r.options(), false), &r);
        assert_eq!(
            text,
            "2  CBL302  [*] tags-markup\n1  CBL201      security-line-mismatch\n1  CBL305      unknown-tag\n"
        );
        let json = rendered_with(&mut Statistics::new(r.options(), true), &r);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            v[0],
            serde_json::json!({"code": "CBL302", "name": "tags-markup", "count": 2, "fixable": 2})
        );
    }
}
