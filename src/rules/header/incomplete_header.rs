//! ## What it does
//! Reports a transmission header that lacks one of the lines every header has — the `DE` line, the
//! security line, the precedence/date-time line, `FM` or the action addressees (`TO`) — or that has
//! lines the parser could not place.
//!
//! ## Why
//! A header is FL1–FL8 in a fixed order (spec §1.2); the cross-checks between the header and the text
//! need all of them. A draft may leave the header out entirely (then this rule is silent), but a
//! half header is a mistake.
//!
//! ## Example
//! ```cable
//! VZCZCXRO8079
//! OO RUEHFK
//! DE RUEHKO #2232/01 1370814
//! O 170814Z MAY 07
//! FM AMEMBASSY TOKYO
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE 3686
//! ```
//! Use instead: add the security line after the DE line.
//! ```cable
//! DE RUEHKO #2232/01 1370814
//! ZNY CCCCC ZZH
//! ```
use crate::rules::Context;
use crate::syntax::{AddresseeBlock, DocumentKind, LineKind};

pub fn check(ctx: &Context) {
    let h = &ctx.cable.header;
    let Some(range) = h.range else {
        return;
    };
    // A received copy's header starts at FL5 (spec §2): the transmission lines are not expected.
    // A record's header is what the release kept; `incomplete-record` speaks for it.
    let kind = ctx.facts.kind;
    if kind == DocumentKind::Record {
        return;
    }
    let transmitted = kind == DocumentKind::Transmitted;
    let mut missing = Vec::new();
    if transmitted && h.de.is_none() {
        missing.push("the DE line");
    }
    if transmitted && h.security.is_none() {
        missing.push("the security line (ZNR/ZNY)");
    }
    if h.dtg.is_none() {
        missing.push("the precedence and date-time group line");
    }
    if h.fm.is_none() {
        missing.push("the FM line");
    }
    if !h.addressees.iter().any(|a| a.block == AddresseeBlock::To) {
        missing.push("the TO addressees");
    }
    let unknown: Vec<_> = ctx
        .cable
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Unknown && range.contains_inclusive(l.range.start()))
        .map(|l| l.range)
        .collect();
    if !missing.is_empty() {
        let first = ctx
            .cable
            .lines
            .iter()
            .find(|l| l.range.start == range.start)
            .map_or(range, |l| l.range);
        ctx.report(
            first,
            format!("the transmission header lacks {}", missing.join(", ")),
        );
    }
    for r in unknown {
        let t = ctx.text(r);
        ctx.report(r, format!("`{t}` is not a header line (expected routing, DE, ZNR/ZNY, date-time group, FM, TO, INFO or XMT)"));
    }
}
