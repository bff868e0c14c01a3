//! ## What it does
//! Notes a banner above every paragraph marking: a SECRET cable whose paragraphs are at most `(C)`,
//! or a classified cable whose paragraphs are all `(U)`/`(SBU)`.
//!
//! ## Why
//! The overall classification should equal the highest portion; 43 released banners are above all
//! their markings (spec B-24). Over-classification is not a security risk, so this is information.
//!
//! ## Example
//! ```cable
//! S E C R E T TOKYO 002232
//! …
//! ¶1. (C) …
//! ¶2. (U) …
//! ```
//! Use instead, if no portion is SECRET:
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! ```
use crate::rules::{Context, Edit, Fix, Related};
use crate::vocab::Level;

pub fn check(ctx: &Context) {
    let Some(b) = &ctx.cable.body.banner else {
        return;
    };
    let banner_level = b.level.level();
    if banner_level < Level::Confidential {
        return;
    }
    let marked: Vec<_> = ctx
        .cable
        .body
        .paragraphs
        .iter()
        .filter_map(|p| p.marking.as_ref())
        .collect();
    // Judge only cables whose paragraphs are all marked (partly marked cables say too little).
    if marked.is_empty()
        || marked.len() < ctx.cable.body.paragraphs.len()
        || marked.iter().any(|m| m.level.is_none())
    {
        return;
    }
    let Some((highest, at)) = ctx.facts.highest_marking else {
        return;
    };
    if highest >= banner_level {
        return;
    }
    let tok = b.level_token;
    let mut d = ctx.report(
        tok,
        format!(
            "the banner is {} but no paragraph is marked above {}",
            banner_level.name(),
            highest.name()
        ),
    );
    d.related.push(Related {
        range: at,
        message: format!("highest marking: {}", highest.abbrev()),
    });
    // Either the banner comes down to the highest marking (a classified one: an UNCLAS banner
    // changes the E.O. line and the authority too), or the paragraph that holds the banner's
    // information is marked up to it; both change a classification, so neither is safe, and only
    // the drafter knows which paragraph that is (the first is offered).
    let lower = super::banner_below_marking::raise_fix(ctx, highest).map(|mut f| {
        f.message = f.message.replacen("Raise", "Lower", 1);
        f
    });
    let mark = ctx
        .cable
        .body
        .paragraphs
        .first()
        .and_then(|p| Some((p.number.value, p.marking.as_ref()?)))
        .map(|(n, m)| {
            let written = ctx.text(m.range);
            let inner = &written[1..written.len() - 1];
            let code_len = inner.find('/').unwrap_or(inner.len());
            let raised = format!("({}{})", banner_level.abbrev(), &inner[code_len..]);
            Fix::unsafe_(
                format!("Mark paragraph {n} {raised}"),
                vec![Edit::replace(m.range, raised)],
            )
        });
    let mut fixes = mark.into_iter().chain(lower);
    d.fix = fixes.next();
    d.alternatives.extend(fixes);
}
