//! `cablelint inspect`: the parsed cables as data, one JSON object per cable (the shape of
//! [`crate::inspect::CableData`], described by `schema/inspect.schema.json`).
//!
//! Files are found as `check` finds them, read and parsed in parallel, and each is printed as soon
//! as every earlier one is, in the order of their paths (standard input last): `json` prints one array, `jsonl` one object per line. A file
//! that cannot be read is reported on standard error and the others are still printed; the exit
//! status is then 2.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

use clap::{Args, ValueEnum};

use super::files;
use super::input;
use super::ordered::{self, Ready};
use super::{error_line, EXIT_TROUBLE};
use crate::config::Overrides;
use crate::data::Tables;
use crate::workspace::{ConfigSource, Freshness, Resolver};

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Files and directories to read; `-` reads standard input. Directories are searched
    /// recursively for `*.cable` and `*.tel` files, honouring `.gitignore`.
    /// [default: .]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// `json`: one array of cables; `jsonl`: one cable per line.
    #[arg(long, alias = "format", value_enum, default_value_t = InspectFormat::Json)]
    pub output_format: InspectFormat,

    /// Another file extension to read in directories (besides `cable` and `tel`); repeatable.
    #[arg(long = "extension", value_delimiter = ',', value_name = "EXT")]
    pub extensions: Vec<String>,

    /// The path standard input stands for, shown as the cable's `path`.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// The drafting date (YYYY-MM-DD), else the `date` of the `cablelint.toml` that applies to the
    /// file, else today in UTC: a text dated less than a year before it
    /// whose only release mark is its long lines or that stops at TAGS is a draft being written
    /// (`kind` is then its header's), as `check` and `fmt` read it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::check::parse_date)]
    pub date: Option<crate::vocab::Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    Json,
    Jsonl,
}

enum Input {
    File(PathBuf),
    Stdin,
    /// A path the walk could not read, with the reason: reported in its place.
    Unreadable(String),
}

pub fn run(args: InspectArgs) -> ExitCode {
    // One directory is walked as the run goes, in the order of the sorted list.
    let (mut selection, walk) = files::select_streaming(
        &args.paths,
        args.stdin_filename.as_deref(),
        &args.extensions,
        files::WalkOrder::Path,
    );
    let mut walk = walk.map(Iterator::peekable);
    // The paths move into the inputs: a quarter of a million files hold each path once.
    let found_files = std::mem::take(&mut selection.found.files);
    let (read_stdin, found) = (selection.read_stdin, &selection.found);
    let mut inputs: Vec<(Input, String)> = found_files
        .into_iter()
        .map(|p| {
            let display = p.display().to_string();
            (Input::File(p), display)
        })
        .collect();
    if read_stdin {
        let display = args
            .stdin_filename
            .as_ref()
            .map_or_else(|| "-".to_string(), |p| files::tidy(p).display().to_string());
        inputs.push((Input::Stdin, display));
    }
    let walk_empty = walk.as_mut().is_none_or(|w| w.peek().is_none());
    if inputs.is_empty() && found.errors.is_empty() && walk_empty {
        selection.warn_none_found();
    }

    let mut trouble = !found.errors.is_empty();
    for (path, message) in &found.errors {
        error_line(&format!("{}: {message}", path.display()));
    }

    // The drafting date of each file: `--date`, else the `date` of the `cablelint.toml` that
    // applies to it (found as `check` finds it, once per directory), else today.
    let overrides = Overrides {
        date: args.date,
        ..Overrides::default()
    };
    let resolver = Mutex::new(
        Resolver::new(ConfigSource::Discover, Freshness::Once)
            .expect("discovery reads no file before the first one"),
    );
    let stdin_path = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("-"));
    let drafting_for = |path: &Path| -> Result<crate::vocab::Date, String> {
        let (resolved, error) = resolver
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .resolve(path, &overrides);
        match error {
            Some(e) => Err(super::config_error(e)),
            None => Ok(crate::vocab::Date::given_or_today(
                resolved.settings.drafting_date,
            )),
        }
    };
    // Read, parse and serialise in parallel; each cable is printed as soon as every earlier one
    // is, in the order of `inputs`.
    let tables = Tables::builtin();
    let read = |(input, display): (Input, String)| {
        let source = match input {
            Input::File(p) => drafting_for(&p).and_then(|d| Ok((input::read_file(&p)?, d))),
            Input::Stdin => drafting_for(&stdin_path).and_then(|d| Ok((input::read_stdin()?, d))),
            Input::Unreadable(message) => Err(message),
        };
        let json = source.and_then(|(s, drafting)| {
            let cable = crate::syntax::parse(&s.text);
            let data = crate::inspect::inspect(&cable, &display, tables, drafting);
            serde_json::to_string(&data).map_err(|e| e.to_string())
        });
        (display, json)
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let format = args.output_format;
    let write = || -> io::Result<()> {
        let mut first = true;
        if format == InspectFormat::Json {
            out.write_all(b"[")?;
        }
        let walked = walk.into_iter().flatten().map(|item| match item {
            files::Walked::File(path, display) => (Input::File(path), display),
            files::Walked::Unreadable(display, message) => (Input::Unreadable(message), display),
        });
        let inputs = walked.chain(inputs);
        ordered::for_each_ordered(inputs, read, |ready| -> io::Result<()> {
            let (path, json) = match ready {
                Ready::Next(next) => next,
                Ready::Waiting => return out.flush(),
            };
            match json {
                Ok(json) => {
                    if format == InspectFormat::Json {
                        out.write_all(if first { b"\n" } else { b",\n" })?;
                    }
                    out.write_all(json.as_bytes())?;
                    if format == InspectFormat::Jsonl {
                        out.write_all(b"\n")?;
                    }
                    first = false;
                }
                Err(e) => {
                    trouble = true;
                    error_line(&format!("{path}: {e}"));
                }
            }
            Ok(())
        })?;
        if format == InspectFormat::Json {
            out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
        }
        out.flush()
    };
    match write() {
        Ok(()) if trouble => ExitCode::from(EXIT_TROUBLE),
        result => super::report_io(result),
    }
}
