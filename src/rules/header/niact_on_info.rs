//! ## What it does
//! Warns when an INFO addressee is marked NIACT IMMEDIATE.
//!
//! ## Why
//! NIACT ("night action") requires the *action* addressee to act at once, whatever the hour
//! (5 FAH-2 H-420). Information addressees of NIACT cables are IMMEDIATE in every released example;
//! a NIACT word on an INFO line has never been seen (spec §4 relation 4).
//!
//! ## Example
//! ```cable
//! INFO RUEHBJ/AMEMBASSY BEIJING NIACT IMMEDIATE 7040
//! ```
//! Use instead:
//! ```cable
//! INFO RUEHBJ/AMEMBASSY BEIJING IMMEDIATE 7040
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::syntax::AddresseeBlock;
use crate::vocab::Precedence;

pub fn check(ctx: &Context) {
    let hits: Vec<_> = ctx
        .cable
        .header
        .addressees
        .iter()
        .filter(|a| a.block == AddresseeBlock::Info)
        .filter_map(|a| a.precedence)
        .filter(|p| p.value == Some(Precedence::NiactImmediate))
        .map(|p| p.range)
        .collect();
    for r in hits {
        ctx.report(r, "NIACT IMMEDIATE is for action addressees; information addressees of a NIACT cable are IMMEDIATE")
            .fix = Some(Fix::unsafe_("Replace with IMMEDIATE", vec![Edit::replace(r, "IMMEDIATE")]));
    }
}
