//! ## What it does
//! Checks that information addressees never outrank action addressees: the optional second FL5
//! letter (the precedence of the INFO addressees) is not above the first, and no INFO addressee
//! line carries a precedence above every TO addressee.
//!
//! ## Why
//! "The info precedence must be equal to or less than the action precedence" (Army communications
//! manual, spec §4 relation 3). All 363 released two-letter lines comply (H-8), and the action
//! addressees carry the highest precedence in 6,007 of 6,014 released cables (§4 relation 2): an
//! information copy that arrives before the action copy is a drafting slip.
//!
//! ## Example
//! ```cable
//! P O 041820Z JAN 10
//! FM SECSTATE WASHDC
//! TO RUEHTRO/AMEMBASSY TRIPOLI PRIORITY 1742
//! INFO RUEHLO/AMEMBASSY LONDON IMMEDIATE 0211
//! ```
//! Use instead:
//! ```cable
//! O P 041820Z JAN 10
//! FM SECSTATE WASHDC
//! TO RUEHTRO/AMEMBASSY TRIPOLI IMMEDIATE 1742
//! INFO RUEHLO/AMEMBASSY LONDON PRIORITY 0211
//! ```
use crate::rules::{Context, Related};
use crate::syntax::AddresseeBlock;

pub fn check(ctx: &Context) {
    if let Some(d) = &ctx.cable.header.dtg {
        if let (Some(action), Some((tok, Some(info)))) = (d.precedence_value, d.info_precedence) {
            if info.letter_rank() > action.letter_rank() {
                ctx.report(
                    tok,
                    format!(
                        "the information precedence {} is above the action precedence {}",
                        info.word(),
                        action.word()
                    ),
                );
            }
        }
    }
    let a = &ctx.cable.header.addressees;
    let Some(top_action) = a
        .iter()
        .filter(|x| x.block == AddresseeBlock::To)
        .map(|x| x.precedence_value())
        .max()
    else {
        return;
    };
    let to_range = a
        .iter()
        .find(|x| x.block == AddresseeBlock::To && x.precedence_value() == top_action)
        .map(|x| x.range);
    let above: Vec<_> = a
        .iter()
        .filter(|x| {
            x.block == AddresseeBlock::Info
                && x.precedence_value().letter_rank() > top_action.letter_rank()
        })
        .filter_map(|x| x.precedence.map(|p| (p.range, x.precedence_value())))
        .collect();
    // One finding per cable, on the first such INFO line; the others are related places.
    let Some(&(first, p)) = above.first() else {
        return;
    };
    let message = if above.len() == 1 {
        format!(
            "an information addressee is {} but no action addressee is above {}",
            p.word(),
            top_action.word()
        )
    } else {
        format!(
            "{} information addressees are above the highest action precedence {}",
            above.len(),
            top_action.word()
        )
    };
    let mut d = ctx.report(first, message);
    if let Some(r) = to_range {
        d.related.push(Related {
            range: r,
            message: format!("highest action addressee: {}", top_action.word()),
        });
    }
    for &(range, p) in &above[1..] {
        d.related.push(Related {
            range,
            message: format!("information addressee: {}", p.word()),
        });
    }
}
