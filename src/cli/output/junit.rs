//! `--output-format junit`: JUnit XML with one test case per file.
//!
//! A file with a diagnostic at or above `--fail-on` is a failed test case whose `<failure>` lists
//! every diagnostic of the file (`path:line:col: severity[CODE] message`); a file with only lower
//! diagnostics passes and lists them in `<system-out>`; a file that could not be read is an
//! `<error>`.

use std::io::{self, Write};

use super::{Locator, Outcome, Report};

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut failures = 0;
    let mut errors = 0;
    let mut cases = String::new();
    for f in &report.files {
        let name = escape(&f.path);
        match &f.outcome {
            Outcome::Checked(c) => {
                let loc = Locator::new(&c.text, &c.diagnostics, false);
                let mut listing = String::new();
                for d in &c.diagnostics {
                    let p = loc.position(d.range.start());
                    listing.push_str(&format!(
                        "{}:{}:{}: {}[{}] {}\n",
                        f.path,
                        p.line,
                        p.column,
                        d.severity.as_str(),
                        d.rule.code(),
                        d.message
                    ));
                }
                let failing = c.diagnostics.iter().filter(|d| report.fails(d)).count();
                cases.push_str(&format!(
                    "    <testcase name=\"{name}\" classname=\"cablelint\" file=\"{name}\""
                ));
                if failing > 0 {
                    failures += 1;
                    cases.push_str(&format!(
                        ">\n      <failure message=\"{} at or above {}\" type=\"cablelint\">{}</failure>\n    </testcase>\n",
                        super::plural(failing, "diagnostic"),
                        report.fail_on.as_str(),
                        escape(&listing)
                    ));
                } else if !listing.is_empty() {
                    cases.push_str(&format!(
                        ">\n      <system-out>{}</system-out>\n    </testcase>\n",
                        escape(&listing)
                    ));
                } else {
                    cases.push_str(" />\n");
                }
            }
            Outcome::Error(e) => {
                errors += 1;
                cases.push_str(&format!(
                    "    <testcase name=\"{name}\" classname=\"cablelint\" file=\"{name}\">\n      <error message=\"{}\" type=\"read-error\" />\n    </testcase>\n",
                    escape(e)
                ));
            }
        }
    }
    let tests = report.files.len();
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<testsuites name=\"cablelint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">"
    )?;
    writeln!(
        out,
        "  <testsuite name=\"cablelint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">"
    )?;
    out.write_all(cases.as_bytes())?;
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// Escapes text for XML content and attributes. Characters XML 1.0 forbids (most control
/// characters) become `�`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered, sample_report};
    use super::*;
    use crate::rules::Severity;

    #[test]
    fn one_test_case_per_file() {
        insta::assert_snapshot!(rendered(render, &sample_report()), @r#"
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="cablelint" tests="3" failures="1" errors="1">
          <testsuite name="cablelint" tests="3" failures="1" errors="1" skipped="0">
            <testcase name="cables/oslo.cable" classname="cablelint" file="cables/oslo.cable">
              <failure message="1 diagnostic at or above error" type="cablelint">cables/oslo.cable:4:1: error[CBL201] The security line says SECRET (`ZNY SSSSS`) but the banner says CONFIDENTIAL
        cables/oslo.cable:12:7: warning[CBL302] TAGS token `[PREL](#)` carries link markup
        cables/oslo.cable:15:36: info[CBL305] An info, with 100% of a &quot;quote&quot;, a comma, a colon: and
        a second line
        </failure>
            </testcase>
            <testcase name="cables/clean.cable" classname="cablelint" file="cables/clean.cable" />
            <testcase name="cables/bad.cable" classname="cablelint" file="cables/bad.cable">
              <error message="not valid UTF-8 (first invalid byte at offset 7)" type="read-error" />
            </testcase>
          </testsuite>
        </testsuites>
        "#);
    }

    #[test]
    fn fail_on_decides_what_fails() {
        let mut r = sample_report();
        r.fail_on = Severity::Info;
        let s = rendered(render, &r);
        assert!(
            s.contains("<failure message=\"3 diagnostics at or above info\""),
            "{s}"
        );
        r.files.truncate(0);
        assert!(rendered(render, &r).contains("tests=\"0\" failures=\"0\""));
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(
            escape("a<b>&\"'\u{1}"),
            "a&lt;b&gt;&amp;&quot;&apos;\u{fffd}"
        );
    }
}
