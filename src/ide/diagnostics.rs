//! Diagnostics for the editor: every enabled rule of the checker, so that the editor and CI never
//! disagree, with the related places filled in where two parts of a cable disagree and the rule did
//! not name the other part itself.

use crate::data::Tables;
use crate::rules::{check_cable, Diagnostic, Related, Rule, Settings};
use crate::syntax::{Cable, TextRange};

/// Runs the checker over a parsed cable and adds related information.
pub fn diagnostics(cable: &Cable<'_>, settings: &Settings, tables: &Tables) -> Vec<Diagnostic> {
    let mut diags = check_cable(cable, settings, tables);
    for d in &mut diags {
        if d.related.is_empty() {
            if let Some((range, message)) = related_for(cable, d) {
                if range != d.range {
                    d.related.push(Related { range, message });
                }
            }
        }
    }
    diags
}

/// The other place a diagnostic's rule compares with, when the cable has it.
fn related_for(cable: &Cable<'_>, d: &Diagnostic) -> Option<(TextRange, String)> {
    let header = &cable.header;
    let body = &cable.body;
    let banner = body.banner.as_ref();
    let dtg = header.dtg.as_ref();
    let highest_marking = || {
        let mut best: Option<(crate::syntax::Level, TextRange)> = None;
        for p in &body.paragraphs {
            if let Some(m) = &p.marking {
                if let Some(level) = m.level {
                    if best.is_none_or(|(l, _)| level > l) {
                        best = Some((level, m.range));
                    }
                }
            }
        }
        best
    };
    let in_banner = |r: TextRange| banner.is_some_and(|b| b.range.contains_inclusive(r.start()));
    match d.rule {
        Rule::BannerBelowMarking => {
            // The diagnostic sits on a paragraph marking: point at the banner, or the other way round.
            if in_banner(d.range) {
                highest_marking()
                    .map(|(l, r)| (r, format!("this paragraph is marked {}", l.name())))
            } else {
                banner.map(|b| {
                    (
                        b.level_token,
                        format!("the banner classifies the cable {}", b.level.level().name()),
                    )
                })
            }
        }
        Rule::BannerAboveMarkings => highest_marking()
            .map(|(l, r)| (r, format!("the highest paragraph marking is {}", l.name()))),
        Rule::JulianDayMismatch | Rule::FilingTimeWindow => dtg
            .and_then(|l| l.dtg)
            .map(|g| (g.range, "the date-time group".to_string())),
        Rule::DeSerialMismatch => banner
            .and_then(|b| b.serial)
            .map(|s| (s.range, "the banner serial".to_string())),
        Rule::DeSectionMismatch => banner
            .and_then(|b| b.section_range)
            .map(|r| (r, "the banner's section".to_string()))
            .or_else(|| banner.map(|b| (b.range, "the banner".to_string()))),
        Rule::SecurityLineMismatch => {
            if header
                .security
                .as_ref()
                .is_some_and(|s| s.range.contains_inclusive(d.range.start()))
            {
                banner.map(|b| (b.level_token, "the banner's classification".to_string()))
            } else {
                header
                    .security
                    .as_ref()
                    .map(|s| (s.range, "the security line".to_string()))
            }
        }
        Rule::OriginMismatch => {
            if header
                .fm
                .as_ref()
                .is_some_and(|f| f.range.contains_inclusive(d.range.start()))
            {
                banner
                    .and_then(|b| b.origin)
                    .map(|o| (o, "the banner's origin".to_string()))
            } else {
                header
                    .fm
                    .as_ref()
                    .map(|f| (f.range, "the FM line".to_string()))
            }
        }
        Rule::StationMismatch => header
            .fm
            .as_ref()
            .map(|f| (f.range, "the FM line".to_string())),
        Rule::ProsignMismatch => {
            if header
                .routing
                .as_ref()
                .is_some_and(|r| r.range.contains_inclusive(d.range.start()))
            {
                dtg.map(|l| (l.precedence, "the FL5 precedence".to_string()))
            } else {
                header
                    .routing
                    .as_ref()
                    .map(|r| (r.prosign, "the FL2 precedence prosign".to_string()))
            }
        }
        Rule::PrecedenceMismatch => {
            let top = cable.highest_addressee_precedence()?;
            header
                .addressees
                .iter()
                .find(|a| {
                    a.block != crate::syntax::AddresseeBlock::Xmt && a.precedence_value() == top
                })
                .map(|a| {
                    (
                        a.range,
                        format!("the highest addressee precedence is {}", top.word()),
                    )
                })
        }
        Rule::ContinuationMismatch => banner.map(|b| (b.range, "the banner".to_string())),
        Rule::HeaderTextMismatch => {
            if banner.is_some_and(|b| b.range.contains_inclusive(d.range.start())) {
                header
                    .de
                    .as_ref()
                    .map(|l| (l.range, "the DE line".to_string()))
            } else {
                banner.map(|b| (b.range, "the banner".to_string()))
            }
        }
        _ => None,
    }
}
