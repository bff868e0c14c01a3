//! The command line: `cablelint check`, `new`, `fmt`, `inspect`, `rules`, `rule`, `data`, `lsp`,
//! `completions` and `man`. The only module that prints. (`data.rs` belongs to the reference-data
//! work; this module only wires it.)
//!
//! Exit status: 0 when nothing at or above `--fail-on` was found, 1 when something was (or `--diff`
//! has changes to show; `--exit-zero` makes both 0), 2 for usage, configuration, read and write
//! errors (a file that could not be read is reported on its own and, like a finding, passes with
//! `--exit-zero`, as ruff's E902 does).

pub mod check;
pub mod data;
pub mod files;
pub mod fix;
pub mod format;
pub mod input;
pub mod inspect;
pub mod new;
mod ordered;
pub mod output;
pub mod rules;
mod show;
mod spool;
mod style;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

pub const EXIT_SUCCESS: u8 = 0;
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_TROUBLE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "cablelint",
    version,
    about = "A checker and language server for US State Department telegrams (diplomatic cables)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check cables and report what is wrong with them.
    Check(check::CheckArgs),
    /// Print the skeleton of a new cable: header, banner, E.O., TAGS and SUBJECT computed for the
    /// drafting date and the next free serial, placeholders for what the drafter writes.
    New(new::NewArgs),
    /// Put cables in the canonical layout (in place; `--check` and `--diff` write nothing).
    Fmt(format::FmtArgs),
    /// Print what the parser read from cables, as JSON: header, classification, TAGS, subject,
    /// references, paragraphs.
    Inspect(inspect::InspectArgs),
    /// List every rule: code, name, default severity, whether it is on by default, summary.
    Rules {
        /// How to print it.
        #[arg(long = "output-format", visible_alias = "format", value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show a rule's documentation.
    Rule {
        /// A rule code (`CBL201`) or name (`security-line-mismatch`).
        rule: String,
        /// How to print it.
        #[arg(long = "output-format", visible_alias = "format", value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print or search the reference tables (extended by the `[data]` files of the
    /// `cablelint.toml` that applies to the current directory).
    Data {
        /// Which table.
        #[arg(value_enum)]
        table: DataTable,
        /// What to look for (a code or prefix, words of a title or address, a routing indicator,
        /// a country); without it, the whole table.
        query: Option<String>,
        /// How to print it.
        #[arg(long = "output-format", visible_alias = "format", value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Take the `[data]` files from this configuration file.
        #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
        config: Option<PathBuf>,
        /// Only the built-in tables.
        #[arg(long)]
        isolated: bool,
    },
    /// Run the language server on standard input and output.
    Lsp {
        /// Also write the server's log to this file (appending).
        #[arg(long, value_name = "FILE")]
        log_file: Option<PathBuf>,
        /// Accepted for editors that pass it; standard input and output are the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Print a shell completion script (bash: `source <(cablelint completions bash)`; zsh and
    /// fish: save it where the shell looks for completions).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, cablelint(1), in roff (`cablelint man | man -l -`), or write one page
    /// per command into a directory.
    Man {
        /// Write `cablelint.1`, `cablelint-check.1`, … into this directory instead.
        #[arg(long, value_name = "DIR")]
        output_dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataTable {
    Tags,
    Addressees,
    Posts,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    pub fn choice(self) -> anstream::ColorChoice {
        match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output with status 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                EXIT_TROUBLE
            } else {
                EXIT_SUCCESS
            });
        }
    };
    match cli.command {
        Command::Check(args) => {
            args.color.choice().write_global();
            check::run(args)
        }
        Command::Fmt(args) => {
            args.color.choice().write_global();
            format::run(args)
        }
        Command::Inspect(args) => inspect::run(args),
        Command::New(args) => new::run(args),
        Command::Rules { format } => {
            let mut out = io::stdout().lock();
            report_io(rules::list(format == Format::Json, &mut out).and_then(|_| out.flush()))
        }
        Command::Rule { rule, format } => {
            let mut out = io::stdout().lock();
            match rules::show(&rule, format == Format::Json, &mut out) {
                Ok(result) => report_io(result.and_then(|_| out.flush())),
                Err(message) => {
                    error_line(&message);
                    ExitCode::from(EXIT_TROUBLE)
                }
            }
        }
        Command::Data {
            table,
            query,
            format,
            config,
            isolated,
        } => run_data(table, query.as_deref(), format, config, isolated),
        Command::Lsp { log_file, stdio: _ } => {
            crate::lsp::run_with(crate::lsp::LspOptions { log_file })
        }
        Command::Completions { shell } => {
            // `clap_complete::generate` panics when it cannot write, so the script is made in
            // memory and written here, where a closed pipe ends the run quietly (`report_io`).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "cablelint", &mut script);
            let mut out = io::stdout().lock();
            report_io(out.write_all(&script).and_then(|_| out.flush()))
        }
        Command::Man { output_dir } => run_man(output_dir),
    }
}

/// `cablelint man`: the manual pages, generated from the same definitions as `--help`.
fn run_man(output_dir: Option<PathBuf>) -> ExitCode {
    let command = Cli::command();
    match output_dir {
        None => {
            let mut out = io::stdout().lock();
            report_io(
                clap_mangen::Man::new(command)
                    .render(&mut out)
                    .and_then(|_| out.flush()),
            )
        }
        Some(dir) => {
            let written =
                std::fs::create_dir_all(&dir).and_then(|_| clap_mangen::generate_to(command, &dir));
            match written {
                Ok(()) => ExitCode::from(EXIT_SUCCESS),
                Err(e) => {
                    error_line(&format!(
                        "could not write the manual pages to {}: {}",
                        dir.display(),
                        crate::config::describe_io_error(&e)
                    ));
                    ExitCode::from(EXIT_TROUBLE)
                }
            }
        }
    }
}

/// `cablelint data`: loads the tables that apply here and prints the table asked for.
fn run_data(
    table: DataTable,
    query: Option<&str>,
    format: Format,
    config: Option<PathBuf>,
    isolated: bool,
) -> ExitCode {
    let config = if isolated {
        Ok(None)
    } else if let Some(path) = config {
        crate::config::Config::load(&path).map(Some)
    } else {
        crate::config::Config::discover(std::path::Path::new(".")).map(|c| c.map(|(_, c)| c))
    };
    let extended = config.and_then(|c| match c {
        Some(c) => c.load_tables(),
        None => Ok(None),
    });
    let extended = match extended {
        Ok(t) => t,
        Err(e) => {
            error_line(&config_error(e));
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let tables = extended
        .as_ref()
        .unwrap_or_else(|| crate::data::Tables::builtin());
    let kind = match table {
        DataTable::Tags => data::DataKind::Tags,
        DataTable::Addressees => data::DataKind::Addressees,
        DataTable::Posts => data::DataKind::Posts,
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    report_io(
        data::run(kind, query, format == Format::Json, tables, &mut out).and_then(|_| out.flush()),
    )
}

/// The exit code of a command that prints to standard output: 0 when it was written, or when the
/// reader closed the pipe (`cablelint completions bash | head -2`), which ends the run quietly;
/// 2 with an error line for any other write error. See [`exit_after_writing`].
pub(crate) fn report_io(result: io::Result<()>) -> ExitCode {
    exit_after_writing(result.map(|_| EXIT_SUCCESS), "write to standard output")
}

/// The exit code of a command once its output is written: the command's own `code` when it was
/// all written; 0 (success) when the reader closed the pipe, whatever was found before, as ruff
/// and ripgrep end (`cablelint check . | head -1`: the reader chose to stop reading, so the run
/// ends without a word); 2 with the error line `could not {what}: …` for any other write error.
/// Every command ends this way, so that each treats a closed standard output alike.
pub(crate) fn exit_after_writing(result: io::Result<u8>, what: &str) -> ExitCode {
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_SUCCESS),
        Err(e) => {
            error_line(&format!(
                "could not {what}: {}",
                crate::config::describe_io_error(&e)
            ));
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

/// A configuration error as shown: its path relative to the current directory when it lies
/// below it (discovery finds files by absolute path).
pub fn config_error(mut e: crate::config::ConfigError) -> String {
    if let Ok(cwd) = std::env::current_dir() {
        if let Ok(rel) = e.path.strip_prefix(&cwd) {
            e.path = rel.to_path_buf();
        }
    }
    e.to_string()
}

/// Prints `error: message` on standard error.
pub fn error_line(message: &str) {
    let s = style::severity(crate::rules::Severity::Error);
    let _ = writeln!(anstream::stderr(), "{s}error{s:#}: {message}");
}

/// Prints `warning: message` on standard error.
pub fn warning_line(message: &str) {
    let s = style::severity(crate::rules::Severity::Warning);
    let _ = writeln!(anstream::stderr(), "{s}warning{s:#}: {message}");
}
