//! The state a rule sees: the cable, the settings, the reference tables, facts derived once for all
//! rules, and the sink diagnostics go to.

use std::cell::RefCell;
use std::ops::{Deref, DerefMut};

use super::{Diagnostic, Rule, Settings, Severity};
use crate::data::Tables;
use crate::syntax::{BannerLevel, Cable, Date, Level, TextRange};

/// Facts several rules need, computed once per cable.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The cable's date, from the date-time group.
    pub date: Option<Date>,
    /// The banner's classification.
    pub banner_level: Option<BannerLevel>,
    /// The highest portion marking and the paragraph that carries it first.
    pub highest_marking: Option<(Level, TextRange)>,
    /// The banner, when the header and the text were found to belong to different cables; the rules that
    /// compare them then stay silent and `header-text-mismatch` speaks once.
    pub header_text_mismatch: Option<TextRange>,
    /// Whether the cable is a corrected copy or reissue (caption or FL4/FL5 signals say so).
    pub corrected_copy: bool,
}

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
        let facts = derive_facts(cable, tables);
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

fn derive_facts(cable: &Cable, tables: &Tables) -> Facts {
    let date = cable
        .header
        .dtg
        .as_ref()
        .and_then(|l| l.dtg)
        .and_then(|d| d.date());
    let banner_level = cable.body.banner.as_ref().map(|b| b.level);
    // A marked SUBJECT (`SUBJECT: (S) …`) counts in the roll-up like a paragraph (spec §3.13).
    let mut highest_marking: Option<(Level, TextRange)> = None;
    let subject_marking = cable.body.subject.as_ref().and_then(|s| s.marking.as_ref());
    let markings = subject_marking.into_iter().chain(
        cable
            .body
            .paragraphs
            .iter()
            .filter_map(|p| p.marking.as_ref()),
    );
    for m in markings {
        if let Some(level) = m.level {
            if highest_marking.is_none_or(|(l, _)| level > l) {
                highest_marking = Some((level, m.range));
            }
        }
    }
    let corrected_copy = cable
        .body
        .captions
        .iter()
        .any(|c| c.kind == crate::syntax::CaptionKind::CorrectedCopy)
        || cable.header.dtg.as_ref().is_some_and(|l| {
            l.signals.iter().any(|&s| {
                let t = cable.text(s);
                t == "ZDK" || t == "ZDS" || t.starts_with("(CCY")
            })
        })
        || cable.header.security.as_ref().is_some_and(|l| {
            l.signals.iter().any(|&s| {
                let t = cable.text(s);
                t == "ZDK" || t == "ZDS" || t.starts_with("(CCY")
            })
        })
        || corrected_copy_caption(cable);
    let header_text_mismatch = super::header::header_text_mismatch::detect(cable, tables);
    Facts {
        date,
        banner_level,
        highest_marking,
        header_text_mismatch,
        corrected_copy,
    }
}

/// Whether a line between the banner and the E.O. line is a corrected-copy caption in any spacing
/// or ordinal (`CORRECTED COPY`, `2ND C O R R E C T E D   C O P Y   (ADDED SIPDIS)`, spec §3.9).
fn corrected_copy_caption(cable: &Cable) -> bool {
    let Some(banner) = cable.body.banner.as_ref() else {
        return false;
    };
    let stop = cable.body.eo.as_ref().map_or(u32::MAX, |e| e.range.start);
    cable
        .lines
        .iter()
        .filter(|l| l.range.start > banner.range.start && l.range.start < stop)
        .take(12)
        .any(|l| {
            let squeezed: String = cable
                .text(l.range)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_uppercase();
            squeezed.contains("CORRECTEDCOPY")
        })
}
