//! ## What it does
//! Checks that the FL5 precedence letter is the highest precedence among all addressees, where an
//! addressee line without a precedence word is ROUTINE and NIACT IMMEDIATE counts as IMMEDIATE.
//!
//! It offers the letter of the highest addressee precedence as an unsafe fix (an addressee's
//! precedence word may be the wrong one). When an information addressee outranks every action
//! addressee (`info-precedence-too-high`, whose fix lowers the INFO lines to the FL5 precedence),
//! the letter offered is the precedence that fix leaves highest, so that fixing both leaves
//! neither: none when the FL5 letter is that already.
//!
//! ## Why
//! "The highest precedence of a multi-address, multi-precedence telegram determines the precedence
//! prosign" (5 FAH-2 H-321.2). 6,011 of 6,014 released cables agree (spec §4 relation 2, H-7).
//!
//! ## Example
//! ```cable
//! P 170814Z MAY 07
//! FM AMEMBASSY TOKYO
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE 3686
//! ```
//! Use instead (and `OO` on the routing line), or make the addressee PRIORITY:
//! ```cable
//! O 170814Z MAY 07
//! FM AMEMBASSY TOKYO
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE 3686
//! ```
use crate::rules::{Context, Edit, Fix, Related};
use crate::syntax::AddresseeBlock;

pub fn check(ctx: &Context) {
    let Some(d) = &ctx.cable.header.dtg else {
        return;
    };
    let Some(letter) = d.precedence_value else {
        return;
    };
    let addressees: Vec<_> = ctx
        .cable
        .header
        .addressees
        .iter()
        .filter(|a| a.block != AddresseeBlock::Xmt)
        .collect();
    if addressees.is_empty() {
        return;
    }
    let highest = addressees
        .iter()
        .map(|a| a.precedence_value())
        .max()
        .expect("not empty");
    if highest.letter_rank() == letter.letter_rank() {
        return;
    }
    let top = addressees
        .iter()
        .find(|a| a.precedence_value() == highest)
        .expect("exists");
    let top_range = top.precedence.map_or(top.range, |p| p.range);
    let (prec_tok, l) = (d.precedence, ctx.text(d.precedence));
    let message = format!(
        "the precedence letter `{l}` is not the highest addressee precedence, {} (`{}`)",
        highest.word(),
        highest.letter()
    );
    let mut d = ctx.report(prec_tok, message);
    d.related.push(Related {
        range: top_range,
        message: format!("highest addressee precedence: {}", highest.word()),
    });
    // With INFO lines above every TO line, the highest precedence once those are settled.
    let target = crate::rules::facts::info_precedence_target(ctx.cable).unwrap_or(highest);
    if prec_tok.len() == 1 && target.letter_rank() != letter.letter_rank() {
        d.fix = Some(Fix::unsafe_(
            format!(
                "Write `{}`, the highest addressee precedence",
                target.letter()
            ),
            vec![Edit::replace(prec_tok, target.letter().to_string())],
        ));
    }
}
