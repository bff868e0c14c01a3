//! The checker's reports: one file per output format, each a [`Render`] that is given the files one
//! at a time, in the order they are shown, and the [`Summary`] at the end. `check` renders each file
//! as soon as it is checked and drops it, so memory does not grow with the number of files; the
//! formats whose document needs the totals first (JUnit) keep their own output until the end, never
//! the files' texts.
//!
//! Positions are 1-based lines and columns counted in Unicode characters. Every renderer takes its
//! positions from a [`Locator`], built once per file, so that a large file with many diagnostics
//! costs one pass over its text rather than one pass per diagnostic.

pub mod azure;
pub mod concise;
pub mod full;
pub mod github;
pub mod gitlab;
pub mod grouped;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod pylint;
pub mod rdjson;
pub mod sarif;
pub mod statistics;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::rules::{Applicability, Diagnostic, Severity};
use crate::syntax::{ColumnUnit, LineIndex, TextRange};

/// The output formats of `cablelint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A rustc-style snippet per diagnostic, with the source line and a caret under the range.
    Full,
    /// One line per diagnostic: `path:line:col: severity[CODE] message`.
    Concise,
    /// One JSON document (see the README for its shape).
    Json,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// JUnit XML, one test case per file.
    Junit,
    /// One JSON object per diagnostic, one per line.
    JsonLines,
    /// GitLab Code Quality JSON (`artifacts:reports:codequality`).
    Gitlab,
    /// The Reviewdog Diagnostic Format (`reviewdog -f=rdjson`).
    Rdjson,
    /// pylint's `parseable` lines: `path:line: [CODE(name), ] message`.
    Pylint,
    /// Azure Pipelines logging commands (`##vso[task.logissue …]`).
    Azure,
    /// The diagnostics under a heading per file.
    Grouped,
}

/// What happened to one file.
#[derive(Debug)]
pub enum Outcome {
    Checked(CheckedFile),
    /// The file could not be read, decoded or written; a one-line reason.
    Error(String),
}

/// A file that was checked: its text (after fixes, if any were applied), the diagnostics that
/// remain, and how many fixes were applied.
#[derive(Debug)]
pub struct CheckedFile {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    pub fixed: usize,
    /// The line index of `text` when the check kept the one its parse built; the renderers build
    /// one otherwise (and only for a file with diagnostics).
    pub line_index: Option<LineIndex>,
}

impl CheckedFile {
    /// The positions of this file's diagnostics (see [`Locator::new`]).
    pub fn locator(&self, with_edits: bool) -> Locator<'_> {
        Locator::with_index(
            &self.text,
            self.line_index.as_ref(),
            &self.diagnostics,
            with_edits,
        )
    }
}

#[derive(Debug)]
pub struct FileReport {
    /// The path as shown to the user (`-` or the `--stdin-filename` for standard input).
    pub path: String,
    pub outcome: Outcome,
}

/// Everything a renderer is given, at once: the renderers' unit tests and small callers build one;
/// `check` streams the files instead.
#[derive(Debug)]
pub struct Report {
    /// The files in the order they are shown (sorted by path).
    pub files: Vec<FileReport>,
    /// The lowest severity that fails the run (`--fail-on`).
    pub fail_on: Severity,
    /// Whether `--unsafe-fixes` was given, so that unsafe fixes count as applicable in hints.
    pub unsafe_fixes: bool,
}

/// The options of a run that decide how a diagnostic is shown and whether it fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunOptions {
    /// The lowest severity that fails the run (`--fail-on`).
    pub fail_on: Severity,
    /// Whether `--unsafe-fixes` was given, so that unsafe fixes count as applicable in hints.
    pub unsafe_fixes: bool,
}

/// Counts over a report, computed on the way as the files are rendered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files that were checked and have at least one diagnostic.
    pub with_diagnostics: usize,
    /// Files that could not be read, decoded or written.
    pub unreadable: usize,
    /// Fixes applied.
    pub fixed: usize,
    /// Diagnostics whose fix `--fix` would apply.
    pub fixable: usize,
    /// Diagnostics whose fix only `--fix --unsafe-fixes` would apply (when it was not given).
    pub unsafe_fixable: usize,
    /// Whether a diagnostic is at or above `--fail-on`.
    pub failing: bool,
    /// Whether `--unsafe-fixes` was given (the fix hints name the command to run).
    pub unsafe_fixes: bool,
}

impl Summary {
    /// The counts of no file yet.
    pub fn new(options: RunOptions) -> Self {
        Summary {
            unsafe_fixes: options.unsafe_fixes,
            ..Summary::default()
        }
    }

    /// Counts one more file.
    pub fn add(&mut self, options: RunOptions, file: &FileReport) {
        self.files += 1;
        match &file.outcome {
            Outcome::Error(_) => self.unreadable += 1,
            Outcome::Checked(c) => {
                self.fixed += c.fixed;
                self.with_diagnostics += usize::from(!c.diagnostics.is_empty());
                for d in &c.diagnostics {
                    match d.severity {
                        Severity::Error => self.errors += 1,
                        Severity::Warning => self.warnings += 1,
                        Severity::Info => self.infos += 1,
                    }
                    self.failing |= options.fails(d);
                    if options.is_applicable(d) {
                        self.fixable += 1;
                    } else if d
                        .fix
                        .as_ref()
                        .is_some_and(|f| f.applicability == Applicability::Unsafe)
                    {
                        self.unsafe_fixable += 1;
                    }
                }
            }
        }
    }
}

impl Summary {
    /// Counts the cross-cable findings of a file already counted by [`Summary::add`]; `counted`
    /// says whether that file had findings of its own (so that it is counted once among the files
    /// with diagnostics).
    pub fn add_cross(&mut self, options: RunOptions, diagnostics: &[Diagnostic], counted: bool) {
        self.with_diagnostics += usize::from(!counted && !diagnostics.is_empty());
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            self.failing |= options.fails(d);
            if options.is_applicable(d) {
                self.fixable += 1;
            }
        }
    }
}

impl Report {
    /// The options the report was made with.
    pub fn options(&self) -> RunOptions {
        RunOptions {
            fail_on: self.fail_on,
            unsafe_fixes: self.unsafe_fixes,
        }
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary::new(self.options());
        for f in &self.files {
            s.add(self.options(), f);
        }
        s
    }
}

impl RunOptions {
    /// Whether `--fix` (with the current `--unsafe-fixes`) would apply the diagnostic's fix.
    pub fn is_applicable(&self, d: &Diagnostic) -> bool {
        d.fix.as_ref().is_some_and(|f| match f.applicability {
            Applicability::Safe => true,
            Applicability::Unsafe => self.unsafe_fixes,
            Applicability::DisplayOnly => false,
        })
    }

    /// Whether a diagnostic is at or above `--fail-on`.
    pub fn fails(&self, d: &Diagnostic) -> bool {
        d.severity >= self.fail_on
    }
}

/// An output format, fed one file at a time.
pub trait Render {
    /// Writes the start of the report, once, before the first file (the head of a JSON document).
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// Writes what the format shows for one file (the files come in the order they are shown).
    fn file(&mut self, file: &FileReport, out: &mut dyn Write) -> io::Result<()>;
    /// Writes the cross-cable findings of one file (`CBL7xx`, found by comparing the files checked
    /// together), after every file was given to [`Render::file`]: the report for the file holds
    /// only those findings. By default they are shown as another report for the file, after the
    /// others; a format with one entry per file merges them into it.
    fn cross_file(&mut self, file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        self.file(file, out)
    }
    /// Whether the format shows each file once, with all its findings (an object or a heading per
    /// file): the checker then finds the cross-cable findings before the files and gives them to
    /// [`Render::file`] with the file's own, and never calls [`Render::cross_file`].
    fn one_entry_per_file(&self) -> bool {
        false
    }
    /// For a format with one entry per file: a renderer in the state this one is in, which writes
    /// a file as this one would write the next file given to it. The checker takes one before each
    /// file, so that it can write a file's entry again, in its place, when the cross-cable rules
    /// find something on the file after every file was written. `None` for the other formats.
    fn snapshot(&self) -> Option<Box<dyn Render>> {
        None
    }
    /// Writes the end of the report after the last file.
    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()>;
}

/// The renderer of a format.
pub fn renderer(format: OutputFormat, options: RunOptions) -> Box<dyn Render> {
    match format {
        OutputFormat::Full => Box::new(full::Full::new(options)),
        OutputFormat::Concise => Box::new(concise::Concise(options)),
        OutputFormat::Json => Box::new(json::Json::default()),
        OutputFormat::Github => Box::new(github::Github),
        OutputFormat::Sarif => Box::new(sarif::Sarif::default()),
        OutputFormat::Junit => Box::new(junit::Junit::new(options)),
        OutputFormat::JsonLines => Box::new(json_lines::JsonLines),
        OutputFormat::Gitlab => Box::new(gitlab::Gitlab::default()),
        OutputFormat::Rdjson => Box::new(rdjson::Rdjson::default()),
        OutputFormat::Pylint => Box::new(pylint::Pylint),
        OutputFormat::Azure => Box::new(azure::Azure),
        OutputFormat::Grouped => Box::new(grouped::Grouped(options)),
    }
}

/// Renders a whole report in a format.
pub fn render(format: OutputFormat, report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render_with(&mut *renderer(format, report.options()), report, out)
}

/// Feeds a whole report to a renderer.
pub fn render_with(r: &mut dyn Render, report: &Report, out: &mut dyn Write) -> io::Result<()> {
    r.start(out)?;
    for f in &report.files {
        r.file(f, out)?;
    }
    r.finish(&report.summary(), out)
}

/// A JSON array written one element at a time, byte for byte as `serde_json`'s pretty printer
/// writes the whole array when it stands `depth` levels deep (two spaces a level).
#[derive(Debug, Default, Clone)]
pub struct JsonArray {
    depth: usize,
    len: usize,
}

impl JsonArray {
    /// An array whose `[` the caller has just written, `depth` levels deep.
    pub fn at_depth(depth: usize) -> Self {
        JsonArray { depth, len: 0 }
    }

    /// Writes one element.
    pub fn push(&mut self, value: &impl serde::Serialize, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.len == 0 { b"\n" } else { b",\n" })?;
        self.len += 1;
        write_pretty(value, self.depth + 1, true, out)
    }

    /// Writes the closing `]`.
    pub fn close(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.len > 0 {
            out.write_all(b"\n")?;
            write_indent(self.depth, out)?;
        }
        out.write_all(b"]")
    }
}

/// Writes `value` as `serde_json`'s pretty printer does `depth` levels deep: every line after the
/// first indented by two spaces a level, and the first too when `indent_first`. Strings in JSON
/// hold no raw line breaks, so indenting after each one is exact.
pub fn write_pretty(
    value: &impl serde::Serialize,
    depth: usize,
    indent_first: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let text = serde_json::to_vec_pretty(value)?;
    if indent_first {
        write_indent(depth, out)?;
    }
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            write_indent(depth, out)?;
        }
        out.write_all(line)?;
    }
    Ok(())
}

fn write_indent(depth: usize, out: &mut dyn Write) -> io::Result<()> {
    for _ in 0..depth {
        out.write_all(b"  ")?;
    }
    Ok(())
}

/// Writes the closing summary of the human formats: `Found 2 errors, 1 warning and 0 infos in 3
/// files.` or `All checks passed!`, plus fix hints.
pub fn write_summary(s: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let found = s.errors + s.warnings + s.infos;
    if s.files == 0 {
        return Ok(());
    }
    if s.fixed > 0 {
        writeln!(
            out,
            "Applied {} ({} remaining).",
            plural_fix(s.fixed),
            plural(found, "problem")
        )?;
    }
    let checked = s.files - s.unreadable;
    if found > 0 {
        writeln!(
            out,
            "Found {}, {} and {} in {} ({} checked).",
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            plural(s.infos, "info"),
            plural(s.with_diagnostics, "file"),
            plural(checked, "file"),
        )?;
    } else if s.unreadable == 0 {
        writeln!(
            out,
            "All checks passed! ({} checked)",
            plural(checked, "file")
        )?;
    } else if checked > 0 {
        writeln!(
            out,
            "No problems found in {} checked.",
            plural(checked, "file")
        )?;
    }
    if s.unreadable > 0 {
        writeln!(
            out,
            "{} could not be checked.",
            plural(s.unreadable, "file")
        )?;
    }
    if s.fixable > 0 {
        let how = if s.unsafe_fixes {
            "`--fix --unsafe-fixes`"
        } else {
            "`--fix`"
        };
        writeln!(out, "[*] {} fixable with {how}.", s.fixable)?;
    }
    if s.unsafe_fixable > 0 {
        writeln!(
            out,
            "{} more fixable with `--fix --unsafe-fixes`.",
            s.unsafe_fixable
        )?;
    }
    Ok(())
}

/// `1 fix`, `2 fixes`.
pub fn plural_fix(n: usize) -> String {
    if n == 1 {
        "1 fix".to_string()
    } else {
        format!("{n} fixes")
    }
}

/// `1 error`, `2 errors`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A 1-based line and column, the column in Unicode characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Byte offsets → 1-based positions for one file.
///
/// For ASCII text the line index answers directly. Otherwise every offset the diagnostics mention
/// is converted up front in one sorted pass, so that many diagnostics on one long line do not each
/// count characters from the line's start.
pub struct Locator<'t> {
    text: &'t str,
    /// The line index the caller had, if any.
    given: Option<&'t LineIndex>,
    /// Otherwise the one built on first use.
    built: std::cell::OnceCell<LineIndex>,
    /// Sorted offsets and their positions, for non-ASCII text.
    table: Vec<(usize, Position)>,
}

impl<'t> Locator<'t> {
    /// A locator for the diagnostics of one file: their ranges and related ranges, and the ranges
    /// of their fixes' edits when `with_edits` (the formats that print edits ask for them).
    pub fn new(text: &'t str, diagnostics: &[Diagnostic], with_edits: bool) -> Self {
        Self::with_index(text, None, diagnostics, with_edits)
    }

    /// [`Locator::new`] with the text's line index when the caller has it; without one, the index
    /// is built when a position is first asked for (never, for a file without diagnostics).
    pub fn with_index(
        text: &'t str,
        index: Option<&'t LineIndex>,
        diagnostics: &[Diagnostic],
        with_edits: bool,
    ) -> Self {
        let mut loc = Locator {
            text,
            given: index,
            built: std::cell::OnceCell::new(),
            table: Vec::new(),
        };
        if !diagnostics.is_empty() && !text.is_ascii() {
            let mut offsets: Vec<usize> = Vec::new();
            for d in diagnostics {
                push_range(&mut offsets, d.range);
                for r in &d.related {
                    push_range(&mut offsets, r.range);
                }
                if let Some(f) = d.fix.as_ref().filter(|_| with_edits) {
                    for e in &f.edits {
                        push_range(&mut offsets, e.range);
                    }
                }
            }
            offsets.iter_mut().for_each(|o| *o = loc.clamp(*o));
            offsets.sort_unstable();
            offsets.dedup();
            let mut table = Vec::with_capacity(offsets.len());
            let mut cursor: Option<(usize, usize, usize)> = None; // (line, offset, column)
            for off in offsets {
                let line = loc.index().line_of(off);
                let line_start = loc.index().line_start(line).unwrap_or(0);
                let (from, col) = match cursor {
                    Some((l, o, c)) if l == line => (o, c),
                    _ => (line_start, 0),
                };
                let col = col + text[from..off].chars().count();
                cursor = Some((line, off, col));
                table.push((
                    off,
                    Position {
                        line: line + 1,
                        column: col + 1,
                    },
                ));
            }
            loc.table = table;
        }
        loc
    }

    /// The text the locator reads.
    pub fn text(&self) -> &'t str {
        self.text
    }

    pub fn index(&self) -> &LineIndex {
        self.given
            .unwrap_or_else(|| self.built.get_or_init(|| LineIndex::new(self.text)))
    }

    /// An offset made safe: within the text and on a character boundary.
    fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// The 1-based position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        if let Ok(i) = self.table.binary_search_by_key(&offset, |&(o, _)| o) {
            return self.table[i].1;
        }
        let lc = self.index().line_col(self.text, offset, ColumnUnit::Char);
        Position {
            line: lc.line as usize + 1,
            column: lc.col as usize + 1,
        }
    }

    /// The 1-based start and end of a range (the end is exclusive: the column just after it).
    pub fn range(&self, range: TextRange) -> (Position, Position) {
        (self.position(range.start()), self.position(range.end()))
    }
}

fn push_range(offsets: &mut Vec<usize>, range: TextRange) {
    offsets.push(range.start());
    offsets.push(range.end());
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\n¶1. (C) é x\n";
        let x = text.find('x').unwrap();
        let d = diag(
            crate::rules::Rule::TagsMarkup,
            x,
            x + 1,
            Severity::Error,
            "m",
        );
        let loc = Locator::new(text, std::slice::from_ref(&d), true);
        assert_eq!(
            loc.position(x),
            Position {
                line: 2,
                column: 11
            }
        );
        assert_eq!(
            loc.position(x + 1),
            Position {
                line: 2,
                column: 12
            }
        );
        // An offset not collected in advance still converts, and one past the end is clamped.
        assert_eq!(loc.position(3), Position { line: 2, column: 1 });
        assert_eq!(loc.position(999), Position { line: 3, column: 1 });
        // An offset inside a character counts as that character's start.
        let para = text.find('¶').unwrap();
        assert_eq!(loc.position(para + 1), Position { line: 2, column: 1 });
    }

    #[test]
    fn the_summary_counts_severities_and_fixes() {
        let r = sample_report();
        let s = r.summary();
        assert_eq!(
            (
                s.files,
                s.errors,
                s.warnings,
                s.infos,
                s.unreadable,
                s.fixable
            ),
            (3, 1, 1, 1, 1, 1)
        );
        let mut out = Vec::new();
        write_summary(&r.summary(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Found 1 error, 1 warning and 1 info in 1 file (2 files checked).\n\
             1 file could not be checked.\n\
             [*] 1 fixable with `--fix`.\n"
        );
    }
}
