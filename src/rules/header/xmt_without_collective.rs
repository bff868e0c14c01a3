//! ## What it does
//! Warns when an XMT (exempted addressee) block does not follow a collective addressee.
//!
//! ## Why
//! XMT names posts to be left out of a collective address (5 FAH-2 H-321.9); every released XMT line
//! follows a collective (spec H-19). Without one it excludes nothing.
//!
//! ## Example
//! ```cable
//! INFO RUEHBJ/AMEMBASSY BEIJING PRIORITY 7040
//! XMT AMEMBASSY SOFIA
//! ```
//! Use instead:
//! ```cable
//! INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY
//! XMT AMEMBASSY SOFIA
//! ```
use crate::rules::Context;
use crate::syntax::AddresseeBlock;

pub fn check(ctx: &Context) {
    let a = &ctx.cable.header.addressees;
    let mut hits = Vec::new();
    for (i, line) in a.iter().enumerate() {
        if line.block != AddresseeBlock::Xmt || line.keyword.is_none() {
            continue;
        }
        let collective = a[..i].iter().any(|p| {
            p.block != AddresseeBlock::Xmt
                && p.address.is_some_and(|r| {
                    ctx.text(r).contains("COLLECTIVE") || ctx.text(r).starts_with("ALL ")
                })
        });
        if !collective {
            hits.push(line.range);
        }
    }
    for r in hits {
        ctx.report(
            r,
            "XMT exempts posts from a collective address, but no collective addressee precedes it",
        );
    }
}
