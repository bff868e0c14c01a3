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

    /// Whether the release wrote the cable in sentence case (spec §3.22): its banner or its E.O.
    /// line holds lower-case letters (`S e c r e t section 01 of 02 beijing 002963`, `E.o. 12958:
    /// decl: 08/27/2019`, or after `fmt` wrote the label in capitals, `E.O. 12958: n/a`). All 13
    /// real cables whose TAGS codes are all in lower case show it there, as do those whose portion
    /// markings are in lower case (`(c)`); a drafter writes both in capitals, so that lower case
    /// elsewhere in a draft is the drafter's. The banner's section phrase does not count: a banner
    /// in capitals may write its `of` in lower case (`SECRET SECTION 01 of 03 RIYADH 000182`), as
    /// drafters write it, where the release's sentence case also shows in the classification
    /// words or the origin.
    pub fn sentence_case(&self) -> bool {
        let b = &self.cable.body;
        let lower = |r: TextRange| self.text(r).bytes().any(|c| c.is_ascii_lowercase());
        let banner_lower = |bn: &crate::syntax::Banner| match bn.section_range {
            Some(s) if bn.range.start() <= s.start() && s.end() <= bn.range.end() => {
                lower(TextRange::new(bn.range.start(), s.start()))
                    || lower(TextRange::new(s.end(), bn.range.end()))
            }
            _ => lower(bn.range),
        };
        b.banner.as_ref().is_some_and(banner_lower) || b.eo.as_ref().is_some_and(|e| lower(e.range))
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
