//! ## What it does
//! Notes a NIACT IMMEDIATE cable whose first paragraph does not say why NIACT is needed.
//!
//! ## Why
//! NIACT wakes the addressee at night; "the drafter must justify NIACT in the first paragraph"
//! (5 FAH-2 H-420; spec T-8: information). Example of a justification: `NIACT PRECEDENCE BECAUSE OF
//! GOVERNMENT CRISIS IN ISRAEL.`
//!
//! ## Example
//! ```cable
//! TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 3686
//! …
//! ¶1. (C) The minister called this evening …
//! ```
//! Use instead:
//! ```cable
//! ¶1. (C) NIACT because the minister needs an answer before 0800 local. …
//! ```
use crate::rules::Context;
use crate::syntax::AddresseeBlock;
use crate::vocab::Precedence;

pub fn check(ctx: &Context) {
    let niact = ctx.cable.header.addressees.iter().any(|a| {
        a.block == AddresseeBlock::To && a.precedence_value() == Precedence::NiactImmediate
    });
    if !niact {
        return;
    }
    let Some(p) = ctx.cable.body.paragraphs.first() else {
        return;
    };
    let text = ctx.text(p.range).to_ascii_uppercase();
    // NIACT is "night action": `Night action is needed because …` justifies it too.
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !words.contains("NIACT") && !words.contains("NIGHT ACTION") {
        let r = p.number.range;
        ctx.report(
            r,
            "a NIACT IMMEDIATE cable should say in paragraph 1 why NIACT precedence is needed",
        );
    }
}
