//! The state a rule sees: the cable, the settings, the reference tables, facts derived once for all
//! rules, and the sink diagnostics go to.

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
    diagnostics: Vec<Diagnostic>,
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
            diagnostics: Vec::new(),
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
    /// caller can attach a fix or related places.
    pub fn report(&mut self, range: TextRange, message: impl Into<String>) -> &mut Diagnostic {
        let severity = self
            .settings
            .severity_override(self.rule)
            .unwrap_or(self.rule.default_severity());
        self.push(range, message.into(), severity)
    }

    /// Reports a diagnostic below the rule's default severity (for the documented softer cases, such
    /// as a julian-day mismatch on a corrected copy). A configured override still wins.
    pub fn report_softer(
        &mut self,
        range: TextRange,
        message: impl Into<String>,
        severity: Severity,
    ) -> &mut Diagnostic {
        let severity = self
            .settings
            .severity_override(self.rule)
            .unwrap_or(severity);
        self.push(range, message.into(), severity)
    }

    fn push(&mut self, range: TextRange, message: String, severity: Severity) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            rule: self.rule,
            range,
            severity,
            message,
            related: Vec::new(),
            fix: None,
        });
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// The diagnostics in document order.
    pub(super) fn finish(mut self) -> Vec<Diagnostic> {
        self.diagnostics.sort_by(|a, b| {
            (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
        });
        self.diagnostics
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
        || cable
            .header
            .security
            .as_ref()
            .is_some_and(|l| l.signals.iter().any(|&s| cable.text(s).starts_with("(CCY")));
    let header_text_mismatch = super::header::header_text_mismatch::detect(cable, tables);
    Facts {
        date,
        banner_level,
        highest_marking,
        header_text_mismatch,
        corrected_copy,
    }
}
