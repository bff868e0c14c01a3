//! What a rule reports: a diagnostic with an optional fix.

use super::Rule;
use crate::syntax::TextRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// How far a fix can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    /// Shown only; never applied by a tool.
    DisplayOnly,
    /// Applied only on request; it may change meaning (and any fix that changes a classification is
    /// at most unsafe).
    Unsafe,
    /// Applied by `--fix` and `source.fixAll`: it keeps the cable's meaning.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// One text replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: TextRange,
    pub new_text: String,
}

impl Edit {
    pub fn replace(range: TextRange, new_text: impl Into<String>) -> Edit {
        Edit {
            range,
            new_text: new_text.into(),
        }
    }

    pub fn insert(at: usize, new_text: impl Into<String>) -> Edit {
        Edit::replace(TextRange::empty(at), new_text)
    }

    pub fn delete(range: TextRange) -> Edit {
        Edit::replace(range, "")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    /// What applying the fix does, as an imperative (`Remove the link markup`).
    pub message: String,
    /// Non-overlapping edits, in document order.
    pub edits: Vec<Edit>,
    /// Whether the fix changes the cable's classification (raises the banner, lowers a marking).
    /// Every other fix of the same check was made for the old classification (`N/A` for an
    /// UNCLAS cable's E.O. line, a security line matching the old banner), so the fix engine
    /// applies such a fix alone in its round and checks the text again before any other.
    pub reclassifies: bool,
}

impl Fix {
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            applicability: Applicability::Safe,
            message: message.into(),
            edits,
            reclassifies: false,
        }
    }

    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            applicability: Applicability::Unsafe,
            message: message.into(),
            edits,
            reclassifies: false,
        }
    }

    /// The fix marked as changing the cable's classification ([`Fix::reclassifies`]).
    pub fn reclassifying(mut self) -> Fix {
        self.reclassifies = true;
        self
    }

    pub fn display_only(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            applicability: Applicability::DisplayOnly,
            message: message.into(),
            edits,
            reclassifies: false,
        }
    }
}

/// Another place that bears on a diagnostic (the banner a paragraph outranks, the DTG a DE line
/// disagrees with).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub range: TextRange,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Rule,
    pub range: TextRange,
    pub severity: Severity,
    pub message: String,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
    /// Other fixes of the same finding that the drafter may choose instead of [`Diagnostic::fix`]
    /// (lowering a paragraph's marking to the banner rather than raising the banner). They are
    /// offered as code actions only; `check --fix` applies [`Diagnostic::fix`] alone.
    pub alternatives: Vec<Fix>,
}

impl Diagnostic {
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn with_related(mut self, range: TextRange, message: impl Into<String>) -> Self {
        self.related.push(Related {
            range,
            message: message.into(),
        });
        self
    }
}
