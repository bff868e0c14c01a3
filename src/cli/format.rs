//! `cablelint fmt`: put cables in the canonical layout, in place (atomic writes, line endings and
//! byte order mark kept), or report which files would change (`--check`) or how (`--diff`).
//!
//! Exit status: 0 when every file is formatted (or was just formatted), 1 with `--check` or
//! `--diff` when a file would change, 2 for usage, configuration, read and write errors. A cable the
//! formatter refuses (see [`crate::formatter::Unformattable`]) is left as it is with a warning
//! naming the reason; it does not fail the run.

use std::io::{self, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use rayon::prelude::*;

use super::files;
use super::input::{self, Source};
use super::{error_line, fix, warning_line, ColorWhen, EXIT_FAILURE, EXIT_SUCCESS, EXIT_TROUBLE};
use crate::config::{self, ConfigError, Overrides};
use crate::formatter::{self, FormatOptions};
use crate::workspace::{ConfigSource, Freshness};

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Files and directories to format; `-` reads standard input and writes the formatted text to
    /// standard output. Directories are searched recursively for `*.cable` and `*.tel` files,
    /// honouring `.gitignore`. [default: .]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write nothing; list the files that would change and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,

    /// Write nothing; print the changes as a unified diff and exit 1 if there are any.
    #[arg(long)]
    pub diff: bool,

    /// The column to wrap paragraphs and SUBJECT at: 0 leaves line breaks alone, else 40 to
    /// 10000; overrides `line-width` of the `[format]` table.
    #[arg(long, value_name = "N", value_parser = line_width)]
    pub line_width: Option<usize>,

    /// Use this configuration file for every file instead of looking for `cablelint.toml`.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore every configuration file (the default options apply).
    #[arg(long)]
    pub isolated: bool,

    /// Another file extension to format in directories (besides `cable` and `tel`); repeatable.
    #[arg(long = "extension", value_delimiter = ',', value_name = "EXT")]
    pub extensions: Vec<String>,

    /// The path standard input stands for: shown in messages and used to find the configuration.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

/// What formatting one file came to.
enum Outcome {
    Unchanged,
    /// Reformatted (written, or would be with `--check` and `--diff`).
    Changed {
        diff: Option<String>,
    },
    /// Left as it is, with the reason.
    Refused(formatter::Unformattable),
    Error(String),
}

struct Done {
    display: String,
    outcome: Outcome,
    /// The text to print for standard input.
    stdout: Option<Vec<u8>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Write,
    Check,
    Diff,
}

/// Reads `--line-width`: 0, or [`formatter::MIN_LINE_WIDTH`] to [`formatter::MAX_LINE_WIDTH`]
/// columns, as `line-width` of the `[format]` table. The error names the accepted range.
fn line_width(s: &str) -> Result<usize, String> {
    let (min, max) = (formatter::MIN_LINE_WIDTH, formatter::MAX_LINE_WIDTH);
    match s.trim().parse::<usize>() {
        Ok(w) if w == 0 || (min..=max).contains(&w) => Ok(w),
        _ => Err(format!(
            "`{s}` is not a width (expected 0 or {min} to {max})"
        )),
    }
}

pub fn run(args: FmtArgs) -> ExitCode {
    let mode = if args.diff {
        Mode::Diff
    } else if args.check {
        Mode::Check
    } else {
        Mode::Write
    };
    let selection = files::select(
        &args.paths,
        args.stdin_filename.as_deref(),
        &args.extensions,
    );
    let (read_stdin, found) = (selection.read_stdin, &selection.found);

    let mut resolver = match Resolver::new(&args) {
        Ok(r) => r,
        Err(e) => {
            error_line(&super::config_error(e));
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let mut jobs: Vec<(Option<PathBuf>, String, FormatOptions)> = Vec::new();
    let mut inputs: Vec<(Option<PathBuf>, String, PathBuf)> = found
        .files
        .iter()
        .map(|p| (Some(p.clone()), p.display().to_string(), p.clone()))
        .collect();
    if read_stdin {
        let (display, path) = match &args.stdin_filename {
            Some(p) => (files::tidy(p).display().to_string(), p.clone()),
            None => ("-".to_string(), PathBuf::from("-")),
        };
        inputs.push((None, display, path));
    }
    for (input, display, path) in inputs {
        let mut options = match resolver.for_file(&path) {
            Ok(o) => o,
            Err(e) => {
                error_line(&super::config_error(e));
                return ExitCode::from(EXIT_TROUBLE);
            }
        };
        if let Some(w) = args.line_width {
            options.line_width = w;
        }
        jobs.push((input, display, options));
    }
    if jobs.is_empty() && found.errors.is_empty() {
        selection.warn_none_found();
    }

    let mut done: Vec<Done> = jobs
        .into_par_iter()
        .map(|(input, display, options)| process(input.as_deref(), display, &options, mode))
        .collect();
    for (path, message) in &found.errors {
        done.push(Done {
            display: path.display().to_string(),
            outcome: Outcome::Error(message.clone()),
            stdout: None,
        });
    }
    done.sort_by(|a, b| (a.display == "-", &a.display).cmp(&(b.display == "-", &b.display)));

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(anstream::AutoStream::new(
        stdout.lock(),
        args.color.choice(),
    ));
    super::exit_after_writing(
        report(&done, mode, &mut out).and_then(|code| out.flush().map(|_| code)),
        "write to standard output",
    )
}

/// Prints what happened and works out the exit status. Standard output carries the formatted
/// standard input, the diffs, or the `Would reformat:` list and the summary; warnings and errors go
/// to standard error.
fn report(done: &[Done], mode: Mode, out: &mut dyn Write) -> io::Result<u8> {
    let (mut changed, mut unchanged, mut refused, mut errors) = (0, 0, 0, 0);
    for d in done {
        match &d.outcome {
            Outcome::Unchanged => unchanged += 1,
            Outcome::Changed { diff } => {
                changed += 1;
                match mode {
                    Mode::Check => writeln!(out, "Would reformat: {}", d.display)?,
                    Mode::Diff => {
                        if let Some(diff) = diff {
                            out.write_all(diff.as_bytes())?;
                        }
                    }
                    Mode::Write => {}
                }
            }
            Outcome::Refused(why) => {
                refused += 1;
                warning_line(&format!("{}: not formatted: {why}", d.display));
            }
            Outcome::Error(e) => {
                errors += 1;
                error_line(&format!("{}: {e}", d.display));
            }
        }
        if let Some(text) = &d.stdout {
            out.write_all(text)?;
        }
    }
    let files = |n: usize| super::output::plural(n, "file");
    let mut parts = Vec::new();
    let stdin_only = done.len() == 1 && done[0].stdout.is_some();
    if changed > 0 {
        parts.push(match mode {
            Mode::Write => format!("{} reformatted", files(changed)),
            Mode::Check | Mode::Diff => format!("{} would be reformatted", files(changed)),
        });
    }
    if unchanged > 0 {
        parts.push(format!("{} already formatted", files(unchanged)));
    }
    if refused > 0 {
        parts.push(format!("{} left as written", files(refused)));
    }
    if errors > 0 {
        // As `check` counts them: a file not read (missing, not UTF-8) or not formatted for an
        // internal error, each reported above.
        parts.push(format!("{} could not be formatted", files(errors)));
    }
    if !parts.is_empty() && !stdin_only {
        let summary = parts.join(", ");
        if mode == Mode::Diff {
            // The diffs are written out first: they come before the count, and a reader that has
            // closed the pipe ends the run here, without the count.
            out.flush()?;
            let _ = writeln!(anstream::stderr(), "{summary}");
        } else {
            writeln!(out, "{summary}")?;
        }
    }
    Ok(if errors > 0 {
        EXIT_TROUBLE
    } else if changed > 0 && mode != Mode::Write {
        EXIT_FAILURE
    } else {
        EXIT_SUCCESS
    })
}

/// Reads, formats and (in write mode) writes one file; `None` is standard input.
fn process(input: Option<&Path>, display: String, options: &FormatOptions, mode: Mode) -> Done {
    let source = match input {
        Some(p) => input::read_file(p),
        None => input::read_stdin(),
    };
    let Source { text, bom } = match source {
        Ok(s) => s,
        Err(e) => {
            return Done {
                display,
                outcome: Outcome::Error(e),
                stdout: None,
            }
        }
    };
    let formatted = catch_unwind(AssertUnwindSafe(|| {
        formatter::format_mapped(&text, options)
    }));
    let (outcome, new_text) = match formatted {
        Err(_) => (
            Outcome::Error(
                "internal error: cablelint panicked while formatting this file (please report it)"
                    .to_string(),
            ),
            None,
        ),
        Ok(Err(why)) => (Outcome::Refused(why), None),
        Ok(Ok(new)) if new.text == text => (Outcome::Unchanged, None),
        Ok(Ok(new)) => {
            let diff = (mode == Mode::Diff).then(|| new.unified_diff(&text, &display));
            (Outcome::Changed { diff }, Some(new.text))
        }
    };
    let mut outcome = outcome;
    let mut stdout = None;
    match input {
        None if mode == Mode::Write => {
            stdout = Some(input::encode(bom, new_text.as_deref().unwrap_or(&text)));
        }
        Some(path) if mode == Mode::Write => {
            if let Some(new) = &new_text {
                let written = fix::write_atomically(
                    path,
                    &input::encode(bom, &text),
                    &input::encode(bom, new),
                );
                if let Err(e) = written {
                    outcome = Outcome::Error(format!(
                        "could not write the formatted file: {}",
                        config::describe_io_error(&e)
                    ));
                }
            }
        }
        _ => {}
    }
    Done {
        display,
        outcome,
        stdout,
    }
}

/// The format options for each file: from `--config`, none with `--isolated`, or the nearest
/// `cablelint.toml` above the file (the workspace's resolver, each file read once).
struct Resolver(crate::workspace::Resolver);

impl Resolver {
    fn new(args: &FmtArgs) -> Result<Resolver, ConfigError> {
        let source = if args.isolated {
            ConfigSource::Isolated
        } else if let Some(path) = &args.config {
            ConfigSource::File(path.clone())
        } else {
            ConfigSource::Discover
        };
        crate::workspace::Resolver::new(source, Freshness::Once).map(Resolver)
    }

    fn for_file(&mut self, file: &Path) -> Result<FormatOptions, ConfigError> {
        let (resolved, error) = self.0.resolve(file, &Overrides::default());
        match error {
            Some(e) => Err(e),
            None => Ok(resolved.config.map(|c| c.format).unwrap_or_default()),
        }
    }
}
