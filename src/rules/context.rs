//! The state a rule sees: the cable, the settings, the reference tables, facts derived once for all
//! rules, and the sink diagnostics go to.

use std::cell::RefCell;
use std::ops::{Deref, DerefMut};

use super::{Diagnostic, Facts, Rule, Settings, Severity};
use crate::data::Tables;
use crate::syntax::{Cable, TextRange};

pub struct Context<'c, 'a> {
    pub cable: &'c Cable<'a>,
    pub settings: &'c Settings,
    pub tables: &'c Tables,
    pub facts: Facts,
    rule: Rule,
    /// The sink. Behind a `RefCell` so that rules report through `&self` while they read the tree;
    /// it is borrowed only for the moment a finished [`Report`] is pushed, so no borrow is ever held
    /// across a rule's code.
    diagnostics: RefCell<Vec<Diagnostic>>,
}

/// A diagnostic being reported: the caller attaches a fix or related places through it (it derefs
/// to [`Diagnostic`]), and it goes to the context's sink when it is dropped, normally at the end of
/// the statement that reported it.
pub struct Report<'s> {
    diagnostic: Option<Diagnostic>,
    sink: &'s RefCell<Vec<Diagnostic>>,
}

impl Deref for Report<'_> {
    type Target = Diagnostic;

    fn deref(&self) -> &Diagnostic {
        self.diagnostic.as_ref().expect("taken only on drop")
    }
}

impl DerefMut for Report<'_> {
    fn deref_mut(&mut self) -> &mut Diagnostic {
        self.diagnostic.as_mut().expect("taken only on drop")
    }
}

impl Drop for Report<'_> {
    fn drop(&mut self) {
        if let Some(d) = self.diagnostic.take() {
            self.sink.borrow_mut().push(d);
        }
    }
}

impl<'c, 'a> Context<'c, 'a> {
    pub fn new(cable: &'c Cable<'a>, settings: &'c Settings, tables: &'c Tables) -> Self {
        let facts = Facts::derive(cable, settings, tables);
        Context {
            cable,
            settings,
            tables,
            facts,
            rule: Rule::ALL[0],
            diagnostics: RefCell::new(Vec::new()),
        }
    }

    pub(super) fn set_rule(&mut self, rule: Rule) {
        self.rule = rule;
    }

    /// The text of a range.
    pub fn text(&self, range: TextRange) -> &'a str {
        self.cable.text(range)
    }

    /// Whether the release wrote the cable in sentence case: see [`Cable::sentence_case`].
    pub fn sentence_case(&self) -> bool {
        self.cable.sentence_case()
    }

    /// Reports a diagnostic of the running rule at its configured severity, and returns it so the
    /// caller can attach a fix or related places (it is recorded when the [`Report`] drops).
    pub fn report(&self, range: TextRange, message: impl Into<String>) -> Report<'_> {
        let severity = self
            .settings
            .severity_override(self.rule)
            .unwrap_or(self.rule.default_severity());
        self.push(range, message.into(), severity)
    }

    /// Reports a diagnostic below the rule's default severity (for the documented softer cases, such
    /// as a julian-day mismatch on a corrected copy). A configured override still wins.
    pub fn report_softer(
        &self,
        range: TextRange,
        message: impl Into<String>,
        severity: Severity,
    ) -> Report<'_> {
        let severity = self
            .settings
            .severity_override(self.rule)
            .unwrap_or(severity);
        self.push(range, message.into(), severity)
    }

    fn push(&self, range: TextRange, message: String, severity: Severity) -> Report<'_> {
        Report {
            diagnostic: Some(Diagnostic {
                rule: self.rule,
                range,
                severity,
                message,
                related: Vec::new(),
                fix: None,
                alternatives: Vec::new(),
            }),
            sink: &self.diagnostics,
        }
    }

    /// The diagnostics in document order.
    pub(super) fn finish(self) -> Vec<Diagnostic> {
        let mut diagnostics = self.diagnostics.into_inner();
        diagnostics.sort_by(|a, b| {
            (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
        });
        diagnostics
    }
}
