//! ## What it does
//! Checks that the FL2 precedence prosign is the FL5 precedence letter doubled: `ZZ`↔`Z`, `OO`↔`O`,
//! `PP`↔`P`, `RR`↔`R`, and `NN` (NIACT) ↔ `O`.
//!
//! It offers the prosign of the FL5 letter as an unsafe fix (the letter may be the wrong one).
//!
//! ## Why
//! Both state the highest precedence of the message (5 FAH-2 H-321.2); they agree in all 5,752
//! released headers (spec §4 relation 1, H-6).
//!
//! ## Example
//! ```cable
//! PP RUEHFK
//! …
//! O 170814Z MAY 07
//! ```
//! Use instead:
//! ```cable
//! OO RUEHFK
//! …
//! O 170814Z MAY 07
//! ```
use crate::rules::{Context, Edit, Fix};

pub fn check(ctx: &Context) {
    let (Some(r), Some(d)) = (&ctx.cable.header.routing, &ctx.cable.header.dtg) else {
        return;
    };
    let (Some(rp), Some(dp)) = (r.precedence, d.precedence_value) else {
        return;
    };
    if rp.letter_rank() != dp.letter_rank() {
        let (prosign, letter, dtg_range) = (r.prosign, d.precedence, d.range);
        let (ps, l) = (ctx.text(prosign), ctx.text(letter));
        let mut d = ctx.report(prosign, format!("the prosign `{ps}` does not match the precedence letter `{l}` of the date-time group line"));
        d.related.push(crate::rules::Related {
            range: dtg_range,
            message: format!("precedence letter `{l}`"),
        });
        d.fix = Some(Fix::unsafe_(
            format!(
                "Write `{}`, the prosign of the precedence letter `{l}`",
                dp.prosign()
            ),
            vec![Edit::replace(prosign, dp.prosign())],
        ));
    }
}
