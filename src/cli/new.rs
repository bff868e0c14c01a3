//! `cablelint new`: the skeleton of a new cable on standard output, or in a new file with `-o`.
//! The skeleton is [`crate::workspace::draft`]'s, the one the editor's completion offers in an
//! empty document; the defaults come from the `[draft]` table of the `cablelint.toml` that applies
//! to the folder of the new cable, whose cables also give the next free serial.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use super::{config_error, error_line, report_io, warning_line, EXIT_SUCCESS, EXIT_TROUBLE};
use crate::config::Overrides;
use crate::vocab::{Date, Level, Precedence};
use crate::workspace::draft::{self, DraftOptions, DraftTime, FolderCables};
use crate::workspace::{ConfigSource, Freshness, Resolver};

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The originating post: a name (`AMEMBASSY OSLO`) or a station (`OSLO`) [default: `post` of
    /// `[draft]` in cablelint.toml].
    #[arg(long, value_name = "POST")]
    pub from: Option<String>,

    /// The post's routing indicator, when it is not the one in the tables.
    #[arg(long, value_name = "RI")]
    pub routing_indicator: Option<String>,

    /// Action addressees: `RI/ADDRESS`, a post's name or its station; repeatable [default: `to` of
    /// `[draft]`].
    #[arg(long, value_name = "ADDRESSEE", num_args = 1..)]
    pub to: Vec<String>,

    /// Information addressees, written as for `--to` [default: `info` of `[draft]`].
    #[arg(long, value_name = "ADDRESSEE", num_args = 1..)]
    pub info: Vec<String>,

    /// The classification.
    #[arg(long, value_enum, default_value_t = Level::Unclassified)]
    pub classification: Level,

    /// The precedence of the action addressees (the information addressees take it too, NIACT
    /// IMMEDIATE as IMMEDIATE).
    #[arg(long, value_enum, default_value_t = PrecedenceArg::Routine)]
    pub precedence: PrecedenceArg,

    /// Captions under the banner (`SIPDIS`, `NOFORN`, `EXDIS`…), comma-separated or repeated;
    /// an SBU cable gets `SENSITIVE` by itself.
    #[arg(long, value_name = "CAPTION", value_delimiter = ',')]
    pub captions: Vec<String>,

    /// TAGS codes, comma-separated or repeated; without a geographic code among them, the post's
    /// geographic tag is added [default: a placeholder and the post's geographic tag].
    #[arg(long, value_name = "TAG", value_delimiter = ',')]
    pub tags: Vec<String>,

    /// The subject line [default: a placeholder].
    #[arg(long)]
    pub subject: Option<String>,

    /// The drafting date, `YYYY-MM-DD` (the time of day is now's) or `YYYY-MM-DDTHH:MM` (UTC)
    /// [default: `date` of cablelint.toml, else now].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Write the skeleton to this new file instead of standard output (the next free serial is
    /// then counted among the cables of its folder).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// With `-o`, replace the file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,

    /// Take the `[draft]` defaults from this configuration file.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Read no configuration file.
    #[arg(long)]
    pub isolated: bool,
}

/// The values of `--classification`: the portion-marking abbreviations of the levels
/// ([`Level::abbrev`]: `U`, `SBU`, `C`, `S`, `TS`), each shown with the banner it gives.
impl ValueEnum for Level {
    fn value_variants<'a>() -> &'a [Self] {
        &Level::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            Level::Unclassified => "`UNCLAS`".to_string(),
            Level::Sbu => "`UNCLAS` with the `SENSITIVE` caption".to_string(),
            _ => format!("`{}`", draft::draft_banner(*self).canonical()),
        };
        Some(PossibleValue::new(self.abbrev()).help(help))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PrecedenceArg {
    Routine,
    Priority,
    Immediate,
    Niact,
    Flash,
}

/// The drafting time of `--date`: `YYYY-MM-DD` at `now`'s time of day, or `YYYY-MM-DDTHH:MM`.
fn parse_date(text: &str, now: DraftTime) -> Result<DraftTime, String> {
    let bad = || {
        format!("`{text}` is not a drafting date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, a day that exists)")
    };
    let (day, time) = match text.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let date = Date::parse_iso(day).ok_or_else(bad)?;
    let (hour, minute) = match time {
        None => (now.hour, now.minute),
        Some(t) => {
            let (h, m) = t.split_once(':').ok_or_else(bad)?;
            let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
            if h > 23 || m > 59 {
                return Err(bad());
            }
            (h, m)
        }
    };
    Ok(DraftTime { date, hour, minute })
}

pub fn run(args: NewArgs) -> ExitCode {
    let (text, warnings) = match build(&args) {
        Ok(built) => built,
        Err(message) => {
            error_line(&message);
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let code = match &args.output {
        None => {
            let mut out = io::stdout().lock();
            report_io(out.write_all(text.as_bytes()).and_then(|_| out.flush()))
        }
        Some(path) => match write_new(path, text.as_bytes(), args.force) {
            Ok(()) => ExitCode::from(EXIT_SUCCESS),
            Err(message) => {
                error_line(&message);
                return ExitCode::from(EXIT_TROUBLE);
            }
        },
    };
    for warning in &warnings {
        warning_line(warning);
    }
    code
}

/// The skeleton's text and the warnings to print once it is written (see [`misused_tags_warnings`]
/// and [`conflicts_warning`]), or the error to print.
fn build(args: &NewArgs) -> Result<(String, Vec<String>), String> {
    let folder = match &args.output {
        Some(p) => match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        },
        None => PathBuf::from("."),
    };
    let source = if args.isolated {
        ConfigSource::Isolated
    } else if let Some(c) = &args.config {
        ConfigSource::File(c.clone())
    } else {
        ConfigSource::Discover
    };
    let mut resolver = Resolver::new(source, Freshness::Once).map_err(config_error)?;
    let file = folder.join("new.cable");
    let (resolved, error) = resolver.resolve_in(Some(&folder), &file, &Overrides::default());
    if let Some(e) = error {
        return Err(config_error(e));
    }
    // The drafting date: `--date`, else `date =` of cablelint.toml (as `check` takes it), at now's
    // time of day, else now.
    let now = DraftTime::now_utc();
    let time = match (&args.date, resolved.settings.drafting_date) {
        (Some(d), _) => parse_date(d, now)?,
        (None, Some(date)) => DraftTime { date, ..now },
        (None, None) => now,
    };
    let tables = resolved.tables.get();
    let mut options = DraftOptions::new(time);
    options.from = args.from.clone();
    options.routing_indicator = args.routing_indicator.clone();
    options.to = args.to.clone();
    options.info = args.info.clone();
    options.level = args.classification;
    options.precedence = match args.precedence {
        PrecedenceArg::Routine => Precedence::Routine,
        PrecedenceArg::Priority => Precedence::Priority,
        PrecedenceArg::Immediate => Precedence::Immediate,
        PrecedenceArg::Niact => Precedence::NiactImmediate,
        PrecedenceArg::Flash => Precedence::Flash,
    };
    options.captions = args.captions.clone();
    options.tags = args.tags.clone();
    options.subject = args.subject.clone();
    // Written in the layout `cablelint fmt` gives the new file.
    options.format = resolved
        .config
        .as_ref()
        .map(|c| c.format)
        .unwrap_or_default();
    if let Some(config) = &resolved.config {
        // A bad value of `[draft]` is the configuration's error: it names the file and the key.
        options
            .check_config(&config.draft, tables)
            .map_err(|e| config_error(config.draft_error(e.key, e.index, e.error.message)))?;
        options = options.or_config(&config.draft);
    }
    // The serial is free among the cables `check` compares with the new one: those under the folder
    // of the cablelint.toml that applies (its subfolders too), else under the new cable's folder.
    let scope = resolved
        .config
        .as_ref()
        .map_or(folder.as_path(), |c| c.dir());
    let cables = FolderCables::scan(scope);
    let text = draft::skeleton(&options, tables, &cables.state())
        .map(|s| s.text)
        .map_err(|e| e.to_string())?;
    let mut warnings = misused_tags_warnings(tables, &options.tags);
    warnings.extend(conflicts_warning(
        &cables,
        &text,
        args.output.as_deref(),
        time,
    ));
    Ok((text, warnings))
}

/// One warning for each TAGS code given that is valid but a known misuse (`LT`, Lesotho's code,
/// written for Lithuania, `LH`): the skeleton keeps the code, and `check` reports it
/// (`misused-tag`), so the drafter learns it when the cable is made.
fn misused_tags_warnings(tables: &crate::data::Tables, tags: &[String]) -> Vec<String> {
    tags.iter()
        .flat_map(|t| t.split([',', ' ']))
        .filter(|t| !t.is_empty())
        .filter_map(|code| {
            let code = code.to_ascii_uppercase();
            tables.tag(&code).filter(|t| t.is_valid())?;
            let fix = tables.tag_fix(&code)?;
            Some(format!(
                "TAGS `{code}`: {}; `check` will report it (misused-tag): write `{}` if that is what you mean",
                fix.reason, fix.replacement
            ))
        })
        .collect()
}

/// The warning of the findings `check` will have on the new cable among the cables of its folder: a new
/// cable dated before cables already numbered takes the next serial and message continuity numbers
/// (the ones it will be sent with), so its numbers run backwards in the order of the dates
/// (`mcn-not-increasing`), and no other numbers would avoid it; the warning says so and what to do.
fn conflicts_warning(
    cables: &FolderCables,
    text: &str,
    output: Option<&Path>,
    time: DraftTime,
) -> Option<String> {
    let cwd = std::env::current_dir().ok();
    // Paths as `check .` shows them: relative to the working folder, without `./`.
    let shown = |p: &Path| {
        let p = cwd
            .as_deref()
            .and_then(|c| p.strip_prefix(c).ok())
            .unwrap_or(p);
        p.components()
            .filter(|c| *c != std::path::Component::CurDir)
            .collect::<PathBuf>()
            .display()
            .to_string()
    };
    let name = output.map_or_else(|| "the new cable".to_string(), &shown);
    let found = cables.conflicts(text, &name, shown);
    if found.is_empty() {
        return None;
    }
    let mut message = format!(
        "`cablelint check` will report {} with the cables of its folder:",
        if found.iter().all(|(file, _)| *file == name) {
            "this on the new cable"
        } else {
            "this"
        }
    );
    for (file, d) in &found {
        message.push_str(&format!(
            "\n  {file}: {} [{} {}]",
            d.message,
            d.rule.code(),
            d.rule.name()
        ));
    }
    if found
        .iter()
        .any(|(_, d)| d.rule == crate::rules::Rule::McnNotIncreasing)
    {
        message.push_str(&format!(
            "\n  the new cable is dated {}, before cables its folder already numbers, and takes the \
             next numbers: date it after them (`--date`), or renumber it when it is sent",
            time.date
        ));
    }
    Some(message)
}

/// Writes a new file; an existing one only with `force`.
fn write_new(path: &Path, contents: &[u8], force: bool) -> Result<(), String> {
    let result = if force {
        std::fs::write(path, contents)
    } else {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut f| f.write_all(contents).and_then(|_| f.flush()))
    };
    result.map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            format!("{} exists; give `--force` to replace it", path.display())
        } else {
            format!(
                "could not write {}: {}",
                path.display(),
                crate::config::describe_io_error(&e)
            )
        }
    })
}
