//! ## What it does
//! Notes redaction runs (`XXXXXXXXXXXX`) in the text (off by default).
//!
//! ## Why
//! Media partners replaced names with runs of X in the release (989 of 6,712 cables; spec T-10); they
//! are not authored text. In a draft, a run of X is usually a placeholder left in.
//!
//! ## Example
//! ```cable
//! ¶2. (C) XXXXXXXXXXXX told PolOff …
//! ```
//! Use instead: the name, or a described source.
//! ```cable
//! ¶2. (C) A senior official told PolOff …
//! ```
use crate::rules::Context;
use crate::syntax::TextRange;

pub fn check(ctx: &Context) {
    let src = ctx.cable.src.as_bytes();
    let mut hits = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memchr2(b'X', b'x', &src[i..]) {
        let start = i + p;
        let mut end = start;
        while end < src.len() && (src[end] == b'X' || src[end] == b'x') {
            end += 1;
        }
        let word_edge = start == 0 || !src[start - 1].is_ascii_alphanumeric();
        if end - start >= 5 && word_edge {
            hits.push(TextRange::new(start, end));
        }
        i = end;
    }
    for r in hits {
        ctx.report(r, "redaction marker: not authored text");
    }
}
