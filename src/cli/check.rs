//! `cablelint check`: find the files, load their configuration, check them in parallel, fix them
//! if asked, and report.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use clap::{Args, ValueEnum};

use super::files;
use super::fix;
use super::input::{self, Source};
use super::ordered::{self, Ready};
use super::output::{
    self, CheckedFile, FileReport, Outcome, OutputFormat, Render, RunOptions, Summary,
};
use super::spool::Spool;
use super::{error_line, warning_line, ColorWhen, EXIT_FAILURE, EXIT_SUCCESS, EXIT_TROUBLE};
use crate::config::{self, Overrides};
use crate::rules::cross::{CableSummary, Member};
use crate::rules::{RuleSelector, Severity};
use crate::workspace::fix::{fix_until_stable, Fixed, Unchanged};
use crate::workspace::{ConfigSource, Freshness, Resolved, Resolver};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and directories to check; `-` reads standard input. Directories are searched
    /// recursively for `*.cable` and `*.tel` files, honouring `.gitignore`.
    /// [default: .]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How to report the diagnostics.
    #[arg(long, visible_alias = "format", value_enum, default_value_t = OutputFormat::Full)]
    pub output_format: OutputFormat,

    /// Write the report to this file instead of standard output (without colour; parent
    /// directories are created).
    #[arg(long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,

    /// Instead of the findings, print how many times each rule fired, most frequent first (a JSON
    /// array with `--output-format json`).
    #[arg(long, conflicts_with_all = ["diff", "show_files", "show_settings"])]
    pub statistics: bool,

    /// Print the files that would be checked, one per line, and exit.
    #[arg(long, conflicts_with_all = ["fix", "diff", "show_settings"])]
    pub show_files: bool,

    /// Print the configuration file, rule selection and reference data files that apply to the
    /// first file that would be checked, and exit.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    pub show_settings: bool,

    /// Rules to run instead of the default set: codes (`CBL201`), code prefixes (`CBL2`), names
    /// (`tags-markup`) or `ALL`. Replaces the configuration file's selection.
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = parse_selector)]
    pub select: Option<Vec<RuleSelector>>,

    /// Rules to run in addition to the selected ones.
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = parse_selector)]
    pub extend_select: Vec<RuleSelector>,

    /// Rules not to run.
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = parse_selector)]
    pub ignore: Vec<RuleSelector>,

    /// The drafting date (YYYY-MM-DD) the date checks use for drafts without a date-time group
    /// (DECL in the past, E.O. in force, section 1.4 or 1.5, 25 years); over `date` in
    /// `cablelint.toml`. [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<crate::vocab::Date>,

    /// Use this configuration file for every file instead of looking for `cablelint.toml`.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,

    /// Another file extension to check in directories (besides `cable` and `tel`); repeatable.
    #[arg(long = "extension", value_delimiter = ',', value_name = "EXT")]
    pub extensions: Vec<String>,

    /// The path standard input stands for: shown in reports and used to find the configuration.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// Apply safe fixes in place (standard input: print the fixed text).
    #[arg(long)]
    pub fix: bool,

    /// Also apply unsafe fixes (with `--fix` or `--diff`).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the changes `--fix` would make as a unified diff instead of writing them; exit 1 if
    /// there are any.
    #[arg(long)]
    pub diff: bool,

    /// The lowest severity that makes the run fail (exit 1).
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Exit 0 even when diagnostics were found or a file could not be read (each still reported);
    /// usage, configuration, write and internal errors still exit 2.
    #[arg(long)]
    pub exit_zero: bool,

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

fn parse_selector(s: &str) -> Result<RuleSelector, String> {
    RuleSelector::parse(s)
}

pub(super) fn parse_date(s: &str) -> Result<crate::vocab::Date, String> {
    crate::vocab::Date::parse_iso(s.trim())
        .ok_or_else(|| format!("`{s}` is not a date (expected YYYY-MM-DD, a day that exists)"))
}

/// Where a file's text comes from.
#[derive(Debug, Clone)]
enum Input {
    File(PathBuf),
    Stdin,
}

/// One file to check with everything it needs.
struct Job {
    input: Input,
    /// The path shown in reports.
    display: String,
    resolved: Resolved,
}

/// What checking one file produced besides its report.
struct Done {
    report: FileReport,
    /// What the cross-cable rules need of the file, when the run compares its files.
    cross: Option<Collected>,
    /// The unified diff of the fixes (`--diff`).
    diff: Option<String>,
    /// The fixed text of standard input (`--fix`), printed instead of written.
    stdout_text: Option<Vec<u8>>,
    /// Why `--fix` could not write the fixed file; the report then shows the file as it is on
    /// disk, with its findings, and the run fails.
    write_error: Option<String>,
    /// Whether the file's error (`Outcome::Error`) is that it could not be read (missing, not
    /// permitted, not UTF-8): a finding on the file, as ruff's E902, which `--exit-zero` lets
    /// pass; an internal error fails the run whatever the options.
    unreadable: bool,
}

#[derive(Clone, Copy)]
enum Mode {
    Check,
    Fix,
    Diff,
}

pub fn run(args: CheckArgs) -> ExitCode {
    // The statistics are a table or a JSON array; a format made for findings cannot carry them, and
    // a CI step that uploads one must not get the table instead.
    if args.statistics
        && !matches!(
            args.output_format,
            OutputFormat::Full | OutputFormat::Concise | OutputFormat::Grouped | OutputFormat::Json
        )
    {
        error_line(&format!(
            "`--statistics` prints a table, or a JSON array with `--output-format json`; `--output-format {}` cannot carry it",
            args.output_format
                .to_possible_value()
                .map_or_else(String::new, |v| v.get_name().to_string())
        ));
        return ExitCode::from(EXIT_TROUBLE);
    }
    let mode = if args.diff {
        Mode::Diff
    } else if args.fix {
        Mode::Fix
    } else {
        Mode::Check
    };

    // Inputs: standard input (`-`, or `--stdin-filename` with no path) and the files found.
    // One directory is walked as the run goes (the listing modes list it first).
    let (mut selection, walk) = if args.show_files || args.show_settings {
        let selection = files::select(
            &args.paths,
            args.stdin_filename.as_deref(),
            &args.extensions,
        );
        (selection, None)
    } else {
        // The built-in tables are turned into rows on another core while this thread walks the
        // directory and resolves the configuration (the first file checked waited for them).
        std::thread::spawn(|| {
            crate::data::Tables::builtin();
        });
        files::select_streaming(
            &args.paths,
            args.stdin_filename.as_deref(),
            &args.extensions,
            files::WalkOrder::Shown,
        )
    };
    // The paths move into the jobs: a run over a quarter of a million files holds each path once.
    let found_files = std::mem::take(&mut selection.found.files);
    let (read_stdin, found) = (selection.read_stdin, &selection.found);

    // Configuration, once per directory (or once for `--config`).
    let overrides = Overrides {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        date: args.date,
        ..Overrides::default()
    };
    let source = if args.isolated {
        ConfigSource::Isolated
    } else if let Some(path) = &args.config {
        ConfigSource::File(path.clone())
    } else {
        ConfigSource::Discover
    };
    let mut resolver = match Resolver::new(source, Freshness::Once) {
        Ok(r) => r,
        Err(e) => {
            error_line(&super::config_error(e));
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let mut jobs = Vec::new();
    let mut inputs: Vec<(Input, String)> = found_files
        .into_iter()
        .map(|p| {
            let display = p.display().to_string();
            (Input::File(p), display)
        })
        .collect();
    // The path standard input stands for, for its configuration.
    let mut stdin_path = PathBuf::from("-");
    if read_stdin {
        let display = match &args.stdin_filename {
            Some(p) => {
                stdin_path = p.clone();
                files::tidy(p).display().to_string()
            }
            None => "-".to_string(),
        };
        inputs.push((Input::Stdin, display));
    }
    if args.show_files {
        let shown: Vec<String> = inputs.iter().map(|(_, display)| display.clone()).collect();
        return super::show::files(&shown, &found.errors);
    }
    for (input, display) in inputs {
        let path = match &input {
            Input::File(p) => p,
            Input::Stdin => &stdin_path,
        };
        let (resolved, error) = resolver.resolve(path, &overrides);
        if let Some(e) = error {
            error_line(&super::config_error(e));
            return ExitCode::from(EXIT_TROUBLE);
        }
        if args.show_settings {
            let how = if args.isolated {
                super::show::ConfigSource::Isolated
            } else if args.config.is_some() {
                super::show::ConfigSource::Given
            } else {
                super::show::ConfigSource::Found
            };
            return super::show::settings(
                &display,
                how,
                resolved.config.as_deref(),
                &resolved.settings,
            );
        }
        jobs.push(Job {
            input,
            display,
            resolved,
        });
    }

    if args.show_settings {
        error_line("--show-settings: no file to show the settings for");
        return ExitCode::from(EXIT_TROUBLE);
    }

    // A walk as the run goes: its first files are taken before any output, as many as the
    // cross-cable rules compare, so that a run of that many files or fewer goes exactly as a
    // listed one. A longer walk is first gone through to its end without keeping its files, so
    // that a broken configuration anywhere under the directory stops the run before any report is
    // written, and the number of files is known before it (for the warning that the cross-cable
    // rules do not run); then it is walked again from its start as the files are checked.
    let mut walked: Vec<Entry> = Vec::new();
    let mut rest = None;
    if let Some(walk) = walk {
        let again = walk.again();
        let resolver = Arc::new(Mutex::new(resolver));
        let failed: Arc<Mutex<Option<String>>> = Arc::default();
        let stop = |failed: &Mutex<Option<String>>| {
            let e = failed.lock().unwrap_or_else(|e| e.into_inner()).take();
            e.inspect(|e| error_line(e))
        };
        let mut entries = resolving(walk, &resolver, &overrides, &failed);
        let mut counted = 0;
        while counted <= crate::rules::cross::MAX_SET_FILES {
            match entries.next() {
                Some(entry) => {
                    counted += usize::from(matches!(entry, Entry::Job(_)));
                    walked.push(entry);
                }
                None => break,
            }
        }
        if stop(&failed).is_some() {
            return ExitCode::from(EXIT_TROUBLE);
        }
        if counted > crate::rules::cross::MAX_SET_FILES {
            let mut cross = CrossWanted::default();
            walked.iter().for_each(|e| cross.note(e));
            for entry in entries {
                counted += usize::from(matches!(entry, Entry::Job(_)));
                cross.note(&entry);
            }
            if stop(&failed).is_some() {
                return ExitCode::from(EXIT_TROUBLE);
            }
            walked.clear();
            rest = Some(Rest {
                entries: Box::new(resolving(again, &resolver, &overrides, &failed)),
                failed,
                files: counted,
                cross_wanted: cross.wanted,
            });
        }
    }
    if jobs.is_empty() && found.errors.is_empty() && walked.is_empty() && rest.is_none() {
        selection.warn_none_found();
    }

    // Every file in the order it is shown: sorted paths, standard input last. The files the walk
    // could not read take their place among them.
    let mut entries: Vec<Entry> = walked;
    entries.extend(jobs.into_iter().map(Entry::Job));
    entries.extend(
        found
            .errors
            .iter()
            .map(|(path, message)| Entry::Unreadable(path.display().to_string(), message.clone())),
    );
    entries.sort_by(|a, b| {
        let (a, b) = (a.display(), b.display());
        (a == "-", a).cmp(&(b == "-", b))
    });

    let choice = args.color.choice();
    let mut out: Box<dyn Write> = match &args.output_file {
        Some(path) => match create_output_file(path) {
            Ok(file) => Box::new(io::BufWriter::new(anstream::StripStream::new(Box::new(
                io::BufWriter::new(file),
            )
                as Box<dyn Write>))),
            Err(e) => {
                error_line(&format!(
                    "could not create {}: {}",
                    path.display(),
                    config::describe_io_error(&e)
                ));
                return ExitCode::from(EXIT_TROUBLE);
            }
        },
        None => stdout_writer(choice),
    };
    let result = stream(&args, mode, entries, rest, &mut out).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    super::exit_after_writing(result, "write the report")
}

/// What a run that compares its files keeps of each one until the end: its summary, its settings,
/// where to read its text again to show the findings, and whether it had findings of its own.
struct Collected {
    summary: CableSummary,
    settings: Arc<crate::rules::Settings>,
    /// The file's reference tables, to check it again when its entry is written again with its
    /// cross-cable findings (`json`, `grouped`).
    tables: crate::workspace::TablesRef,
    /// The file to read again; `None` for standard input, whose text is kept.
    path: Option<PathBuf>,
    stdin_text: Option<String>,
    had_diagnostics: bool,
}

impl Collected {
    /// The text of the file again: read again, or for standard input the text kept.
    fn text_again(&self) -> Result<String, String> {
        match (&self.path, &self.stdin_text) {
            (_, Some(text)) => Ok(text.clone()),
            (Some(path), None) => input::read_file(path).map(|s| s.text),
            (None, None) => Err("its text was not kept".to_string()),
        }
    }

    /// What the cross-cable rules need of a checked file: its summary (of `text`, the text its
    /// findings are shown on), its settings, and its path, or for standard input the text itself.
    fn of(job: &Job, summary: CableSummary, text: &str, had_diagnostics: bool) -> Collected {
        let (path, stdin_text) = match &job.input {
            Input::File(p) => (Some(p.clone()), None),
            Input::Stdin => (None, Some(text.to_string())),
        };
        Collected {
            summary: summary.for_rules(),
            settings: job.resolved.settings.clone(),
            tables: job.resolved.tables.clone(),
            path,
            stdin_text,
            had_diagnostics,
        }
    }
}

/// A file to check, or one the walk could not read (its shown path and the reason).
enum Entry {
    Job(Job),
    Unreadable(String, String),
}

impl Entry {
    fn display(&self) -> &str {
        match self {
            Entry::Job(job) => &job.display,
            Entry::Unreadable(path, _) => path,
        }
    }
}

/// The files of a walk of more than [`crate::rules::cross::MAX_SET_FILES`] files, taken as the
/// run goes, and where the walk leaves the configuration error that stopped it (when the
/// directory changed since it was first gone through).
struct Rest {
    entries: Box<dyn Iterator<Item = Entry> + Send>,
    failed: Arc<Mutex<Option<String>>>,
    /// The number of files the walk found when it was first gone through.
    files: usize,
    /// Whether the settings of one of those files enable a cross-cable rule.
    cross_wanted: bool,
}

/// The files of a walk to check, with their configuration ([`Resolver::resolve`]). A broken
/// configuration ends the walk, with its message left in `failed`.
fn resolving(
    walk: files::SortedWalk,
    resolver: &Arc<Mutex<Resolver>>,
    overrides: &Overrides,
    failed: &Arc<Mutex<Option<String>>>,
) -> impl Iterator<Item = Entry> + Send + 'static {
    let (resolver, overrides, failure) =
        (Arc::clone(resolver), overrides.clone(), Arc::clone(failed));
    walk.map_while(move |item| match item {
        files::Walked::Unreadable(shown, message) => Some(Entry::Unreadable(shown, message)),
        files::Walked::File(path, display) => {
            let (resolved, error) = resolver
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .resolve(&path, &overrides);
            if let Some(e) = error {
                *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(super::config_error(e));
                return None;
            }
            Some(Entry::Job(Job {
                input: Input::File(path),
                display,
                resolved,
            }))
        }
    })
}

/// Whether the settings of some file enable a cross-cable rule, asked once per distinct settings
/// (consecutive files share them).
#[derive(Default)]
struct CrossWanted {
    last: Option<Arc<crate::rules::Settings>>,
    wanted: bool,
}

impl CrossWanted {
    fn note(&mut self, entry: &Entry) {
        let Entry::Job(job) = entry else {
            return;
        };
        let settings = &job.resolved.settings;
        if !self.last.as_ref().is_some_and(|s| Arc::ptr_eq(s, settings)) {
            self.wanted |= crate::rules::cross::any_enabled(settings);
            self.last = Some(Arc::clone(settings));
        }
    }
}

/// Checks the files in parallel and writes each one's report (or diff) as soon as every earlier
/// file's is written, then the end of the report; returns the exit status. `entries` are the
/// files in order; `rest`, when the run walks more files than the cross-cable rules compare,
/// the ones after them.
fn stream(
    args: &CheckArgs,
    mode: Mode,
    entries: Vec<Entry>,
    rest: Option<Rest>,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let options = RunOptions {
        fail_on: args.fail_on.severity(),
        unsafe_fixes: args.unsafe_fixes,
    };
    let mut renderer: Box<dyn Render> = if args.statistics {
        let json = args.output_format == OutputFormat::Json;
        Box::new(output::statistics::Statistics::new(options, json))
    } else {
        output::renderer(args.output_format, options)
    };
    // With `--fix` on standard input the fixed text owns standard output, and the report goes to
    // standard error (or to its `--output-file`).
    let stdin_fixed = matches!(mode, Mode::Fix)
        && entries.iter().any(|e| {
            matches!(
                e,
                Entry::Job(Job {
                    input: Input::Stdin,
                    ..
                })
            )
        });
    let mut report_to_stderr = (stdin_fixed && args.output_file.is_none()).then(|| {
        io::BufWriter::new(anstream::AutoStream::new(
            io::stderr().lock(),
            args.color.choice(),
        ))
    });

    if !matches!(mode, Mode::Diff) {
        renderer.start(report_sink(&mut report_to_stderr, out))?;
    }
    let mut summary = Summary::new(options);
    let mut trouble = false;
    // Files that could not be read: reported, and the run exits 2 unless `--exit-zero`.
    let mut unreadable = false;
    let mut diffs = 0;
    let unsafe_fixes = args.unsafe_fixes;
    // The cross-cable rules compare the files checked together: with two files or more, each file's
    // summary is kept (not its text) and the rules run after the last file.
    // Past `MAX_SET_FILES` files the summaries would take memory that grows with the run, so the
    // rules do not run, and a warning says so when they would have reported on some file.
    let jobs = entries
        .iter()
        .filter(|e| matches!(e, Entry::Job(_)))
        .count();
    let (files, cross_wanted) = match &rest {
        Some(rest) => (rest.files, rest.cross_wanted),
        None => {
            let mut cross = CrossWanted::default();
            entries.iter().for_each(|e| cross.note(e));
            (jobs, cross.wanted)
        }
    };
    let compare =
        !matches!(mode, Mode::Diff) && (2..=crate::rules::cross::MAX_SET_FILES).contains(&files);
    // The warning comes before the report, as the run's other warnings do: it is about how the
    // run was set up, and a report cut short (`| head`, an interrupted run) still has it.
    if !matches!(mode, Mode::Diff) && cross_wanted && files > crate::rules::cross::MAX_SET_FILES {
        warning_line(&format!(
            "the cross-cable rules (CBL7xx) compare at most {} files checked together, and this \
             run checks {}: they were not run (check a smaller set, such as one post's drafts, to \
             run them)",
            crate::rules::cross::MAX_SET_FILES,
            files,
        ));
    }
    // A format that shows each file once (its findings in one entry) gets the cross-cable findings
    // with the file's own: its entries are held back ([`Spool`]) until the rules have run, and the
    // entry of a file they find something on is written again, with a renderer in the state it
    // was in before that file.
    let mut spool = (compare && renderer.one_entry_per_file()).then(Spool::new);
    let mut snapshots: Vec<(usize, Box<dyn Render>)> = Vec::new();
    let (more, failed) = match rest {
        Some(Rest {
            entries, failed, ..
        }) => (Some(entries), Some(failed)),
        None => (None, None),
    };
    let more = more.into_iter().flatten();
    let mut collected: Vec<(String, Collected)> = Vec::new();
    ordered::for_each_ordered(
        entries.into_iter().chain(more),
        |entry| match entry {
            Entry::Job(job) => process(job, mode, unsafe_fixes, compare),
            Entry::Unreadable(path, message) => Done::unreadable(path, message),
        },
        |ready| -> io::Result<()> {
            let mut done = match ready {
                Ready::Next(done) => done,
                // Everything finished so far is shown before waiting for the next file.
                Ready::Waiting => {
                    if let Some(err) = &mut report_to_stderr {
                        err.flush()?;
                    }
                    return out.flush();
                }
            };
            if let Outcome::Error(e) = &done.report.outcome {
                if done.unreadable {
                    unreadable = true;
                } else {
                    trouble = true;
                }
                error_line(&format!("{}: {e}", done.report.path));
            }
            if let Some(e) = &done.write_error {
                trouble = true;
                error_line(&format!("{}: {e}", done.report.path));
            }
            let at = spool.as_mut().map(Spool::next_entry);
            if let Some(cross) = done.cross.take() {
                if let Some(at) = at {
                    if let Some(snapshot) = renderer.snapshot() {
                        snapshots.push((at, snapshot));
                    }
                }
                collected.push((done.report.path.clone(), cross));
            }
            summary.add(options, &done.report);
            if let Mode::Diff = mode {
                if let Some(diff) = &done.diff {
                    diffs += 1;
                    out.write_all(diff.as_bytes())?;
                }
                return Ok(());
            }
            match &mut spool {
                Some(spool) => renderer.file(&done.report, spool)?,
                None => renderer.file(&done.report, report_sink(&mut report_to_stderr, out))?,
            }
            if let Some(text) = &done.stdout_text {
                if args.output_file.is_some() {
                    let mut stdout = io::stdout().lock();
                    stdout.write_all(text)?;
                    stdout.flush()?;
                } else {
                    out.write_all(text)?;
                    out.flush()?;
                }
            }
            Ok(())
        },
    )?;
    if let Some(failed) = failed {
        if let Some(e) = failed.lock().unwrap_or_else(|e| e.into_inner()).take() {
            // A configuration broken since the walk was first gone through stops the run
            // where it is found.
            report_sink(&mut report_to_stderr, out).flush()?;
            error_line(&e);
            return Ok(EXIT_TROUBLE);
        }
    }

    if let Mode::Diff = mode {
        // The diffs come before the count of fixes, also when both streams go to one place.
        out.flush()?;
        let stderr = anstream::stderr();
        let mut err = stderr.lock();
        if summary.fixed > 0 {
            writeln!(
                err,
                "Would apply {} to {}.",
                output::plural_fix(summary.fixed),
                output::plural(diffs, "file")
            )?;
        } else {
            writeln!(err, "No fixes to apply.")?;
        }
        return Ok(if trouble || (unreadable && !args.exit_zero) {
            EXIT_TROUBLE
        } else if diffs == 0 || args.exit_zero {
            EXIT_SUCCESS
        } else {
            EXIT_FAILURE
        });
    }
    let sink = report_sink(&mut report_to_stderr, out);
    if let Some(spool) = spool {
        // The snapshots were taken for the files kept, in the same order.
        debug_assert_eq!(snapshots.len(), collected.len());
        let mut replaced = BTreeMap::new();
        for (k, found, report) in cross_entries(&collected) {
            summary.add_cross(options, &found, collected[k].1.had_diagnostics);
            if let Some((at, again)) = snapshots.get_mut(k) {
                let mut entry = Vec::new();
                again.file(&report, &mut entry)?;
                replaced.insert(*at, entry);
            }
        }
        spool.copy_out(&replaced, sink)?;
    } else {
        for (report, counted) in cross_reports(collected) {
            if let Outcome::Checked(c) = &report.outcome {
                summary.add_cross(options, &c.diagnostics, counted);
            }
            renderer.cross_file(&report, sink)?;
        }
    }
    renderer.finish(&summary, sink)?;
    sink.flush()?;
    Ok(if trouble || (unreadable && !args.exit_zero) {
        EXIT_TROUBLE
    } else if summary.failing && !args.exit_zero {
        EXIT_FAILURE
    } else {
        EXIT_SUCCESS
    })
}

/// Where the report goes: standard error while the fixed text of standard input owns standard
/// output, else `out`.
fn report_sink<'a>(
    report_to_stderr: &'a mut Option<impl Write>,
    out: &'a mut dyn Write,
) -> &'a mut dyn Write {
    match report_to_stderr {
        Some(err) => err,
        None => out,
    }
}

/// Creates (or truncates) the `--output-file`, with its parent directories.
/// Standard output for a report, buffered, with colours as `choice` and the terminal say.
pub(crate) fn stdout_writer(choice: anstream::ColorChoice) -> Box<dyn Write> {
    let lock = io::stdout().lock();
    let choice = match choice {
        anstream::ColorChoice::Auto => anstream::AutoStream::choice(&lock),
        chosen => chosen,
    };
    if choice == anstream::ColorChoice::Never {
        // Stripping writes each piece between two escape sequences on its own, and standard
        // output writes a line at a time: without the inner buffer a report piped to a file or
        // another program took a system call per piece (two or more per diagnostic).
        let buffered: Box<dyn Write> = Box::new(io::BufWriter::new(lock));
        Box::new(io::BufWriter::new(anstream::StripStream::new(buffered)))
    } else {
        Box::new(io::BufWriter::new(anstream::AutoStream::new(lock, choice)))
    }
}

fn create_output_file(path: &std::path::Path) -> io::Result<std::fs::File> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::File::create(path)
}

/// The cross-cable rules' findings over the files a run kept, one list per file in their order.
fn cross_findings(collected: &[(String, Collected)]) -> Vec<Vec<crate::rules::Diagnostic>> {
    let members: Vec<Member> = collected
        .iter()
        .map(|(name, c)| Member {
            name,
            summary: &c.summary,
            settings: &c.settings,
        })
        .collect();
    crate::rules::cross::check_set(&members)
}

/// Runs the cross-cable rules over the files a run kept and gives, for each file with findings in
/// the order shown, its report (the file's text read again, with only those findings) and whether
/// the file had findings of its own. A file whose text changed since it was checked (its summary
/// differs) or that cannot be read again is named on standard error and its findings are left out,
/// since their places would be wrong.
fn cross_reports(collected: Vec<(String, Collected)>) -> Vec<(FileReport, bool)> {
    let found = cross_findings(&collected);
    let mut reports = Vec::new();
    for ((name, c), diagnostics) in collected.iter().zip(found) {
        if diagnostics.is_empty() {
            continue;
        }
        let text = match c.text_again() {
            Ok(text) if CableSummary::of_text(&text).for_rules() == c.summary => text,
            Ok(_) => {
                error_line(&format!(
                    "{name}: changed while it was checked; its cross-cable findings are left out"
                ));
                continue;
            }
            Err(e) => {
                error_line(&format!(
                    "{name}: could not be read again for its cross-cable findings: {e}"
                ));
                continue;
            }
        };
        reports.push((
            FileReport {
                path: name.clone(),
                outcome: Outcome::Checked(CheckedFile {
                    text,
                    diagnostics,
                    fixed: 0,
                    line_index: None,
                }),
            },
            c.had_diagnostics,
        ));
    }
    reports
}

/// Runs the cross-cable rules over the files a run kept, for a format that shows each file once
/// (see [`Spool`]), and gives, for each file with findings (by its place among `collected`), those
/// findings and the file's report with them among its own: the file is read and checked again,
/// which gives the findings of the text shown (the fixed text with `--fix`, as on disk, or the text
/// as it was when its fixes could not be written). A file whose text changed since it was checked
/// (its summary differs) or that cannot be read or checked again is named on standard error and its
/// cross-cable findings are left out, since their places would be wrong.
fn cross_entries(
    collected: &[(String, Collected)],
) -> Vec<(usize, Vec<crate::rules::Diagnostic>, FileReport)> {
    let found = cross_findings(collected);
    let mut entries = Vec::new();
    for (k, ((name, c), found)) in collected.iter().zip(found).enumerate() {
        if found.is_empty() {
            continue;
        }
        let text = match c.text_again() {
            Ok(text) => text,
            Err(e) => {
                error_line(&format!(
                    "{name}: could not be read again for its cross-cable findings: {e}"
                ));
                continue;
            }
        };
        let checked = catch_unwind(AssertUnwindSafe(|| {
            crate::check_with_summary(&text, &c.settings, c.tables.get())
        }));
        let (mut diagnostics, line_index) = match checked {
            Ok((diagnostics, index, summary)) => {
                if summary.for_rules() != c.summary {
                    error_line(&format!(
                        "{name}: changed while it was checked; its cross-cable findings are left out"
                    ));
                    continue;
                }
                (diagnostics, index)
            }
            Err(_) => {
                error_line(&format!(
                    "{name}: internal error: cablelint panicked while checking it again for its \
                     cross-cable findings (please report it)"
                ));
                continue;
            }
        };
        diagnostics.extend(found.iter().cloned());
        diagnostics.sort_by(|a, b| {
            (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
        });
        let report = FileReport {
            path: name.clone(),
            outcome: Outcome::Checked(CheckedFile {
                text,
                diagnostics,
                fixed: 0,
                line_index: Some(line_index),
            }),
        };
        entries.push((k, found, report));
    }
    entries
}

/// Reads, checks and (when asked) fixes one file. A panic in the engine becomes an error for this
/// file alone. With `compare`, the file's summary is kept for the cross-cable rules when its
/// settings enable one of them.
fn process(job: Job, mode: Mode, unsafe_fixes: bool, compare: bool) -> Done {
    let source = match &job.input {
        Input::File(p) => input::read_file(p),
        Input::Stdin => input::read_stdin(),
    };
    let source = match source {
        Ok(s) => s,
        Err(e) => return Done::unreadable(job.display, e),
    };
    let Source { text, bom } = source;
    let settings = &job.resolved.settings;
    let tables = job.resolved.tables.get();
    let original = match mode {
        Mode::Check => None,
        Mode::Fix | Mode::Diff => Some(text.clone()),
    };
    let compare = compare && crate::rules::cross::any_enabled(settings);
    let checked = catch_unwind(AssertUnwindSafe(|| match mode {
        Mode::Check if compare => {
            let (diagnostics, index, summary) = crate::check_with_summary(&text, settings, tables);
            (
                Fixed {
                    unchanged: Unchanged::whole(text.len()),
                    text,
                    fixed: 0,
                    diagnostics,
                },
                Some(index),
                Some(summary),
            )
        }
        Mode::Check => {
            let (diagnostics, index) = crate::check_with_line_index(&text, settings, tables);
            (
                Fixed {
                    unchanged: Unchanged::whole(text.len()),
                    text,
                    fixed: 0,
                    diagnostics,
                },
                Some(index),
                None,
            )
        }
        Mode::Fix | Mode::Diff => {
            let diagnostics = crate::check(&text, settings, tables);
            let fixed = fix_until_stable(text, diagnostics, unsafe_fixes, |t| {
                crate::check(t, settings, tables)
            });
            // The findings are shown on the fixed text, so the summary is of it.
            let summary = compare.then(|| CableSummary::of_text(&fixed.text));
            (fixed, None, summary)
        }
    }));
    let Ok((fixed, line_index, cable_summary)) = checked else {
        return Done::error(
            job.display,
            "internal error: cablelint panicked while checking this file (please report it)"
                .to_string(),
        );
    };
    let mut diff = None;
    let mut stdout_text = None;
    if let Some(original) = &original {
        let changed = fixed.fixed > 0 && fixed.text != *original;
        match (mode, &job.input) {
            (Mode::Diff, _) if changed => {
                let cuts = fixed.aligned_cuts(original);
                diff = Some(crate::formatter::unified_diff(
                    original,
                    &fixed.text,
                    &job.display,
                    &cuts,
                ));
            }
            (Mode::Fix, Input::Stdin) => stdout_text = Some(input::encode(bom, &fixed.text)),
            (Mode::Fix, Input::File(path)) if changed => {
                let written = fix::write_atomically(
                    path,
                    &input::encode(bom, original),
                    &input::encode(bom, &fixed.text),
                );
                if let Err(e) = written {
                    return unwritten(job, original, &e, compare);
                }
            }
            _ => {}
        }
    }
    let cross = cable_summary
        .map(|summary| Collected::of(&job, summary, &fixed.text, !fixed.diagnostics.is_empty()));
    Done {
        cross,
        report: FileReport {
            path: job.display,
            outcome: Outcome::Checked(CheckedFile {
                text: fixed.text,
                diagnostics: fixed.diagnostics,
                fixed: fixed.fixed,
                line_index,
            }),
        },
        diff,
        stdout_text,
        write_error: None,
        unreadable: false,
    }
}

/// The report of a file whose fixes could not be written: the findings of the text on disk (so
/// that a read-only file's findings are not lost from the report and its counts) and the reason,
/// which the run reports as an error.
fn unwritten(job: Job, original: &str, error: &io::Error, compare: bool) -> Done {
    let settings = &job.resolved.settings;
    let tables = job.resolved.tables.get();
    let checked = catch_unwind(AssertUnwindSafe(|| {
        crate::check_with_line_index(original, settings, tables)
    }));
    let reason = format!(
        "could not write the fixed file: {}; the findings shown are those of the file as it is",
        config::describe_io_error(error)
    );
    let Ok((diagnostics, line_index)) = checked else {
        return Done::error(job.display, reason);
    };
    let cross = compare.then(|| {
        Collected::of(
            &job,
            CableSummary::of_text(original),
            original,
            !diagnostics.is_empty(),
        )
    });
    Done {
        cross,
        report: FileReport {
            path: job.display,
            outcome: Outcome::Checked(CheckedFile {
                text: original.to_string(),
                diagnostics,
                fixed: 0,
                line_index: Some(line_index),
            }),
        },
        diff: None,
        stdout_text: None,
        write_error: Some(reason),
        unreadable: false,
    }
}

impl Done {
    /// A file that could not be checked: an internal error.
    fn error(path: String, message: String) -> Done {
        Done {
            cross: None,
            report: FileReport {
                path,
                outcome: Outcome::Error(message),
            },
            diff: None,
            stdout_text: None,
            write_error: None,
            unreadable: false,
        }
    }

    /// A file that could not be read (`message` says why).
    fn unreadable(path: String, message: String) -> Done {
        Done {
            unreadable: true,
            ..Done::error(path, message)
        }
    }
}
