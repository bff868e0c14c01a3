//! `check --show-files` and `check --show-settings`: what a run would check, and with what.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::{error_line, report_io, EXIT_TROUBLE};
use crate::config::Config;
use crate::rules::{Rule, Settings};

/// Prints the files a run would check, one per line in the order they are checked; paths that
/// could not be read are errors (exit 2).
pub fn files(shown: &[String], errors: &[(PathBuf, String)]) -> ExitCode {
    for (path, message) in errors {
        error_line(&format!("{}: {message}", path.display()));
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = shown
        .iter()
        .try_for_each(|p| writeln!(out, "{p}"))
        .and_then(|_| out.flush());
    let code = report_io(written);
    if errors.is_empty() {
        code
    } else {
        ExitCode::from(EXIT_TROUBLE)
    }
}

/// How the configuration of a run was chosen.
#[derive(Debug, Clone, Copy)]
pub enum ConfigSource {
    /// The nearest `cablelint.toml` above each file.
    Found,
    /// `--config FILE`.
    Given,
    /// `--isolated`.
    Isolated,
}

/// Prints what applies to one file: the configuration file and the files it extends, the rules
/// that run with their severities, and the reference data files.
pub fn settings(
    path: &str,
    how: ConfigSource,
    config: Option<&Config>,
    settings: &Settings,
) -> ExitCode {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = write_settings(&mut out, path, how, config, settings).and_then(|_| out.flush());
    report_io(written)
}

fn write_settings(
    out: &mut dyn Write,
    path: &str,
    how: ConfigSource,
    config: Option<&Config>,
    settings: &Settings,
) -> io::Result<()> {
    writeln!(out, "Settings for {path}")?;
    let configuration = match (how, config) {
        (ConfigSource::Isolated, _) => "none (--isolated)".to_string(),
        (_, None) => "none found (the built-in defaults)".to_string(),
        (ConfigSource::Given, Some(c)) => format!("{} (--config)", c.path().display()),
        (ConfigSource::Found, Some(c)) => c.path().display().to_string(),
    };
    writeln!(out, "configuration: {configuration}")?;
    for base in config.map(|c| c.extends()).unwrap_or_default() {
        writeln!(out, "  extends {}", base.display())?;
    }
    let enabled: Vec<Rule> = Rule::ALL
        .iter()
        .copied()
        .filter(|&r| settings.is_enabled(r))
        .collect();
    writeln!(
        out,
        "rules: {} of {} enabled",
        enabled.len(),
        Rule::ALL.len()
    )?;
    let width = enabled.iter().map(|r| r.name().len()).max().unwrap_or(0);
    for r in enabled {
        let severity = settings
            .severity_override(r)
            .unwrap_or_else(|| r.default_severity());
        let note = if settings.severity_override(r).is_some() {
            " (configured)"
        } else {
            ""
        };
        writeln!(
            out,
            "  {}  {:<width$}  {}{note}",
            r.code(),
            r.name(),
            severity.as_str()
        )?;
    }
    let data = config.map(|c| &c.data);
    let files: Vec<(&str, &PathBuf)> = data
        .map(|d| {
            d.tags
                .iter()
                .map(|p| ("tags", p))
                .chain(d.addressees.iter().map(|p| ("addressees", p)))
                .collect()
        })
        .unwrap_or_default();
    if files.is_empty() {
        writeln!(out, "data files: none (the built-in tables)")?;
    } else {
        writeln!(out, "data files (besides the built-in tables):")?;
        for (table, p) in files {
            writeln!(out, "  {table}: {}", p.display())?;
        }
    }
    Ok(())
}
