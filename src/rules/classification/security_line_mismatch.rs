//! ## What it does
//! Checks that the FL4 security code matches the banner's classification: `ZNR UUUUU` ↔ `UNCLAS`,
//! `ZNY EEEEE` ↔ `UNCLAS E F T O`, `ZNY CCCCC` ↔ `C O N F I D E N T I A L`, `ZNY SSSSS` ↔
//! `S E C R E T`, `ZNY TTTTT` ↔ TOP SECRET.
//!
//! It offers the banner's security warning as a fix that is never safe, since it changes a
//! classification (the banner may be the wrong one).
//!
//! ## Why
//! The security warning of the transmission and the banner state the same classification; they agree
//! in 5,452 of 5,459 released cables and every exception is release corruption (spec H-4). A
//! mismatch means either the header or the banner is wrong — and the cable may be sent at the wrong
//! level.
//!
//! ## Example
//! ```cable
//! ZNR UUUUU ZZH
//! …
//! C O N F I D E N T I A L TOKYO 002232
//! ```
//! Use instead:
//! ```cable
//! ZNY CCCCC ZZH
//! ```
use crate::rules::facts::security_mismatch;
use crate::rules::{Context, Edit, Fix, Related};

pub fn check(ctx: &Context) {
    if ctx.facts.header_text_mismatch.is_some() {
        return;
    }
    let Some((code_range, level_range, _code, level)) = security_mismatch(ctx.cable) else {
        return;
    };
    let want = level.security_codes()[0].warning();
    let (c, l) = (ctx.text(code_range), ctx.text(level_range));
    let mut d = ctx.report(
        code_range,
        format!("the security code `{c}` does not match the banner `{l}`, which needs `{want}`"),
    );
    d.related.push(Related {
        range: level_range,
        message: format!("banner classification {}", level.level().name()),
    });
    // From the prosign to the five-letter code, when both are read (`ZNR UUUUU`): the fix changes
    // how the cable is classified for transmission, so it is never safe.
    let sec = ctx.cable.header.security.as_ref();
    if let Some((prefix, code)) = sec.and_then(|s| Some((s.prefix, s.code?))) {
        if code.len() == 5 {
            d.fix = Some(Fix::unsafe_(
                format!("Write `{want}`, the security warning of the banner"),
                vec![Edit::replace(
                    crate::syntax::TextRange::new(prefix.start(), code.end()),
                    want,
                )],
            ));
        }
    }
}
