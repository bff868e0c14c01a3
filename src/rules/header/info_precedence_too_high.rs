//! ## What it does
//! Checks that information addressees never outrank action addressees: the optional second FL5
//! letter (the precedence of the INFO addressees) is not above the first, and no INFO addressee
//! line carries a precedence above every TO addressee.
//!
//! It offers, as unsafe fixes (they change precedences, and either side may be the wrong one), a
//! second FL5 letter equal to the first, and, for INFO lines above every TO line, the precedence
//! of the FL5 letter (or the highest INFO precedence, when that is lower) on both sides: the INFO
//! lines above it are lowered to it and the highest TO line is raised to it. The FL5 letter then
//! stays the highest addressee precedence (`precedence-mismatch` offers the same letter), so the
//! fixes of both rules leave neither finding.
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
//! Use instead (the fix), or raise FL5 and the TO line to IMMEDIATE:
//! ```cable
//! P P 041820Z JAN 10
//! FM SECSTATE WASHDC
//! TO RUEHTRO/AMEMBASSY TRIPOLI PRIORITY 1742
//! INFO RUEHLO/AMEMBASSY LONDON PRIORITY 0211
//! ```
use crate::rules::{Context, Edit, Fix, Related};
use crate::syntax::{AddresseeBlock, TextRange};
use crate::vocab::Precedence;

pub fn check(ctx: &Context) {
    if let Some(d) = &ctx.cable.header.dtg {
        if let (Some(action), Some((tok, Some(info)))) = (d.precedence_value, d.info_precedence) {
            if info.letter_rank() > action.letter_rank() {
                let mut d = ctx.report(
                    tok,
                    format!(
                        "the information precedence {} is above the action precedence {}",
                        info.word(),
                        action.word()
                    ),
                );
                if tok.len() == 1 {
                    d.fix = Some(Fix::unsafe_(
                        format!("Write `{}`, the action precedence", action.letter()),
                        vec![Edit::replace(tok, action.letter().to_string())],
                    ));
                }
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
    if let Some(target) = crate::rules::facts::info_precedence_target(ctx.cable) {
        d.fix = settle(ctx, target, top_action);
    }
}

/// The fix that puts the INFO lines above `target` at it and raises the highest TO line (at
/// `top_action`) to it.
fn settle(ctx: &Context, target: Precedence, top_action: Precedence) -> Option<Fix> {
    let a = &ctx.cable.header.addressees;
    let mut edits = Vec::new();
    for x in a.iter().filter(|x| x.block == AddresseeBlock::Info) {
        let Some(word) = x.precedence else { continue };
        if x.precedence_value().letter_rank() <= target.letter_rank() {
            continue;
        }
        edits.push(if target.is_written() {
            Edit::replace(word.range, target.word())
        } else {
            // ROUTINE is not written: the word goes, with the spaces before it.
            let before = &ctx.cable.src[..word.range.start()];
            let start = before.trim_end_matches([' ', '\t']).len();
            Edit::delete(TextRange::new(start, word.range.end()))
        });
    }
    if top_action.letter_rank() < target.letter_rank() {
        let to = a
            .iter()
            .find(|x| x.block == AddresseeBlock::To && x.precedence_value() == top_action)?;
        edits.push(match (to.precedence, to.address) {
            (Some(word), _) => Edit::replace(word.range, target.word()),
            (None, Some(address)) => Edit::insert(address.end(), format!(" {}", target.word())),
            (None, None) => return None,
        });
    }
    (!edits.is_empty()).then(|| {
        Fix::unsafe_(
            format!(
                "Write {} on the information addressees above it and the highest action addressee",
                target.word()
            ),
            edits,
        )
    })
}
