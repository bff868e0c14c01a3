//! The few styles the human output uses besides the `full` report's (which `annotate-snippets`
//! draws in rustc's colours). They are written as ANSI codes; the output stream
//! (`anstream`) drops them when the output is not a terminal, `NO_COLOR` is set or `--color never`
//! was given.

use anstyle::{AnsiColor, Style};

use crate::rules::Severity;

pub const BOLD: Style = Style::new().bold();

pub fn severity(s: Severity) -> Style {
    match s {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Info => AnsiColor::Cyan.on_default().bold(),
    }
}
