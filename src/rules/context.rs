//! The state a rule sees: the cable, the settings, the reference tables, facts derived once for all
//! rules, and the sink diagnostics go to.

use super::{Diagnostic, Rule, Settings, Severity};
use crate::data::Tables;
use crate::syntax::{BannerLevel, Cable, Date, DocumentKind, Level, TextRange};

/// Facts several rules need, computed once per cable.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The date the date checks use: the date-time group's; for a draft without one (document kind
    /// `draft`), the drafting date (see [`drafting_date`]); else none (a record or received copy
    /// whose date-time group is lost has no date to check against).
    pub date: Option<Date>,
    /// Whether [`Facts::date`] is the drafting date rather than the date-time group's, so that
    /// messages name it as such.
    pub drafting: bool,
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

impl Facts {
    /// How messages name [`Facts::date`]: `the drafting date` or `the cable's date`.
    pub fn date_name(&self) -> &'static str {
        if self.drafting {
            "the drafting date"
        } else {
            "the cable's date"
        }
    }

    /// How messages name the text the date belongs to: `draft` or `cable` (`a draft of 2026-11-30`).
    pub fn text_name(&self) -> &'static str {
        if self.drafting {
            "draft"
        } else {
            "cable"
        }
    }
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
        let facts = derive_facts(cable, settings, tables);
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

/// The date a draft without a date-time group is checked against: the drafting date the user gave
/// (`--date`, `date =` in `cablelint.toml`), else today (UTC). Without a given date, a draft that
/// cites an executive order no longer in force today (E.O. 12958 after 2010) is the text of a cable
/// sent while that order was in force, pasted or kept as it was, not a draft written today: its
/// date is unknown and `None` is returned, as for a record whose date-time group is lost.
pub fn drafting_date(cable: &Cable, settings: &Settings) -> Option<Date> {
    if let Some(date) = settings.drafting_date {
        return Some(date);
    }
    let today = Date::now_utc().0;
    let cited = cable
        .body
        .eo
        .as_ref()
        .and_then(|eo| eo.number)
        .and_then(|n| crate::vocab::orders::executive_order(cable.text(n.range)));
    match cited {
        Some(order) if !order.citable_on(today) => None,
        _ => Some(today),
    }
}

fn derive_facts(cable: &Cable, settings: &Settings, tables: &Tables) -> Facts {
    let dtg_date = cable
        .header
        .dtg
        .as_ref()
        .and_then(|l| l.dtg)
        .and_then(|d| d.date());
    let drafting = dtg_date.is_none() && cable.kind == DocumentKind::Draft;
    let date = if drafting {
        drafting_date(cable, settings)
    } else {
        dtg_date
    };
    let drafting = drafting && date.is_some();
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
        drafting,
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
