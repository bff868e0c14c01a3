//! ## What it does
//! Notes a cable whose only paragraph is numbered.
//!
//! ## Why
//! "Do not number a single paragraph" (5 FAH-1 H-246.2); 155 released cables do so anyway (spec T-2:
//! information).
//!
//! ## Example
//! ```cable
//! ¶1. (U) The Embassy concurs.
//! ```
//! Use instead:
//! ```cable
//! (U) The Embassy concurs.
//! ```
use crate::rules::Context;
use crate::syntax::holds_joined_paragraphs;

pub fn check(ctx: &Context) {
    if let [only] = ctx.cable.body.paragraphs.as_slice() {
        // An answer keyed to a reference's sub-paragraph (`5A.`) is numbered by the reference.
        if only.key.is_some() {
            return;
        }
        // The release joined the text's paragraphs into one line (`¶1. (C) … 2. (C) …`): the
        // paragraph read is not the only one the cable has.
        if holds_joined_paragraphs(ctx.text(only.range)) {
            return;
        }
        let r = only.number.range;
        ctx.report(
            r,
            "the only paragraph is numbered; a single paragraph is not numbered",
        );
    }
}
