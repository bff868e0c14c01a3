//! `--output-format junit`: JUnit XML with one test case per file, written with `quick-xml`.
//!
//! A file with a diagnostic at or above `--fail-on` is a failed test case whose `<failure>` lists
//! every diagnostic of the file (`path:line:col: severity[CODE] message`); a file with only lower
//! diagnostics passes and lists them in `<system-out>`; a file that could not be read is an
//! `<error>`. Characters XML 1.0 forbids (most control characters) become `�`; `quick-xml` escapes
//! the rest.

use std::borrow::Cow;
use std::io::{self, Write};

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use super::{plural, FileReport, Outcome, Render, RunOptions, Summary};

/// JUnit XML. The document opens with the totals, so each file's test case (its listing, never
/// the file's text) is kept until the end.
pub struct Junit {
    options: RunOptions,
    failures: usize,
    errors: usize,
    /// Per file: its name and what its test case holds.
    cases: Vec<(String, Case)>,
}

impl Junit {
    pub fn new(options: RunOptions) -> Self {
        Junit {
            options,
            failures: 0,
            errors: 0,
            cases: Vec::new(),
        }
    }
}

impl Junit {
    /// The listing of a file's diagnostics and how many of them fail the run.
    fn listing(&self, f: &FileReport, c: &super::CheckedFile) -> (String, usize) {
        let loc = c.locator(false);
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
        let failing = c
            .diagnostics
            .iter()
            .filter(|d| self.options.fails(d))
            .count();
        (listing, failing)
    }

    /// The test case of a listing with `failing` diagnostics at or above `--fail-on`.
    fn case(&mut self, listing: String, failing: usize) -> Case {
        if failing > 0 {
            self.failures += 1;
            Case::Failure {
                message: format!(
                    "{} at or above {}",
                    plural(failing, "diagnostic"),
                    self.options.fail_on.as_str()
                ),
                listing,
                failing,
            }
        } else if !listing.is_empty() {
            Case::Output(listing)
        } else {
            Case::Passed
        }
    }
}

impl Render for Junit {
    fn file(&mut self, f: &FileReport, _out: &mut dyn Write) -> io::Result<()> {
        match &f.outcome {
            Outcome::Checked(c) => {
                let (listing, failing) = self.listing(f, c);
                let case = self.case(listing, failing);
                self.cases.push((f.path.clone(), case));
            }
            Outcome::Error(e) => {
                self.errors += 1;
                self.cases.push((f.path.clone(), Case::Error(e.clone())));
            }
        }
        Ok(())
    }

    /// Cross-cable findings join the file's own test case (one test case per file).
    fn cross_file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        let Outcome::Checked(c) = &f.outcome else {
            return Ok(());
        };
        let Some(at) = self.cases.iter().rposition(|(path, _)| *path == f.path) else {
            return self.file(f, out);
        };
        let (more, more_failing) = self.listing(f, c);
        let (listing, failing) = match std::mem::replace(&mut self.cases[at].1, Case::Passed) {
            Case::Passed => (more, more_failing),
            Case::Output(listing) => (listing + &more, more_failing),
            Case::Failure {
                listing, failing, ..
            } => {
                self.failures -= 1;
                (listing + &more, failing + more_failing)
            }
            error @ Case::Error(_) => {
                self.cases[at].1 = error;
                return Ok(());
            }
        };
        self.cases[at].1 = self.case(listing, failing);
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        let tests = self.cases.len().to_string();
        let (failures, errors) = (self.failures.to_string(), self.errors.to_string());
        let mut w = Writer::new_with_indent(&mut *out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("testsuites")
            .with_attributes([
                ("name", "cablelint"),
                ("tests", tests.as_str()),
                ("failures", failures.as_str()),
                ("errors", errors.as_str()),
            ])
            .write_inner_content(|w| {
                w.create_element("testsuite")
                    .with_attributes([
                        ("name", "cablelint"),
                        ("tests", tests.as_str()),
                        ("failures", failures.as_str()),
                        ("errors", errors.as_str()),
                        ("skipped", "0"),
                    ])
                    .write_inner_content(|w| {
                        for (path, case) in &self.cases {
                            let name = xml_safe(path);
                            let element = w.create_element("testcase").with_attributes([
                                ("name", name.as_ref()),
                                ("classname", "cablelint"),
                                ("file", name.as_ref()),
                            ]);
                            match case {
                                Case::Passed => {
                                    element.write_empty()?;
                                }
                                Case::Output(listing) => {
                                    element.write_inner_content(|w| {
                                        w.create_element("system-out").write_text_content(
                                            BytesText::new(&xml_safe(listing)),
                                        )?;
                                        Ok(())
                                    })?;
                                }
                                Case::Failure {
                                    message, listing, ..
                                } => {
                                    element.write_inner_content(|w| {
                                        w.create_element("failure")
                                            .with_attributes([
                                                ("message", message.as_str()),
                                                ("type", "cablelint"),
                                            ])
                                            .write_text_content(BytesText::new(&xml_safe(
                                                listing,
                                            )))?;
                                        Ok(())
                                    })?;
                                }
                                Case::Error(e) => {
                                    element.write_inner_content(|w| {
                                        w.create_element("error")
                                            .with_attributes([
                                                ("message", xml_safe(e).as_ref()),
                                                ("type", "read-error"),
                                            ])
                                            .write_empty()?;
                                        Ok(())
                                    })?;
                                }
                            }
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
        writeln!(out)
    }
}

/// What one file's test case holds.
enum Case {
    Passed,
    /// Diagnostics below `--fail-on`, listed in `<system-out>`.
    Output(String),
    Failure {
        message: String,
        listing: String,
        /// How many of the listed diagnostics are at or above `--fail-on`.
        failing: usize,
    },
    /// The file could not be read.
    Error(String),
}

/// Text with the characters XML 1.0 forbids (control characters other than tab and line breaks,
/// U+FFFE and U+FFFF) replaced by `�`.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || c == '\u{fffe}'
            || c == '\u{ffff}'
    };
    if s.chars().any(bad) {
        s.chars()
            .map(|c| if bad(c) { '\u{fffd}' } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{rendered, sample_report};
    use crate::rules::Severity;

    #[test]
    fn one_test_case_per_file() {
        insta::assert_snapshot!(rendered(super::super::OutputFormat::Junit, &sample_report()), @r#"
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
                <testcase name="cables/clean.cable" classname="cablelint" file="cables/clean.cable"/>
                <testcase name="cables/bad.cable" classname="cablelint" file="cables/bad.cable">
                  <error message="not valid UTF-8 (first invalid byte at offset 7)" type="read-error"/>
                </testcase>
              </testsuite>
            </testsuites>
        "#);
    }

    #[test]
    fn fail_on_decides_what_fails() {
        let mut r = sample_report();
        r.fail_on = Severity::Info;
        let s = rendered(super::super::OutputFormat::Junit, &r);
        assert!(
            s.contains("<failure message=\"3 diagnostics at or above info\""),
            "{s}"
        );
        r.files.truncate(0);
        assert!(
            rendered(super::super::OutputFormat::Junit, &r).contains("tests=\"0\" failures=\"0\"")
        );
    }

    #[test]
    fn xml_escaping() {
        let mut r = sample_report();
        r.files[0].path = "a<b>&\"'\u{1}.cable".to_string();
        let s = rendered(super::super::OutputFormat::Junit, &r);
        assert!(
            s.contains("name=\"a&lt;b&gt;&amp;&quot;&apos;\u{fffd}.cable\""),
            "{s}"
        );
        assert!(
            s.contains("a&lt;b&gt;&amp;&quot;&apos;\u{fffd}.cable:4:1: error[CBL201]"),
            "{s}"
        );
    }
}
