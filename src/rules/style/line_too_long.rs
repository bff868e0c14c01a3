//! ## What it does
//! Notes lines longer than 69 characters (off by default).
//!
//! ## Why
//! Telegram forms ask for at most 69 characters per line (the FAH's CLOUT drafting asks for 55); the
//! release has many unwrapped paragraphs, so this is a style option only (spec §3.23).
//!
//! ## Example
//! A paragraph typed as one long line:
//! ```cable
//! ¶2. (C) The director general said the first round would cover the inspection of boats.
//! ```
//! Use instead: wrap the text at 69 characters.
//! ```cable
//! ¶2. (C) The director general said the first round would cover the
//! inspection of boats.
//! ```
use crate::rules::Context;
use crate::vocab::LINE_WIDTH;

pub fn check(ctx: &Context) {
    let long: Vec<_> = ctx
        .cable
        .lines
        .iter()
        .map(|l| l.range)
        .filter(|&r| r.len() > LINE_WIDTH && ctx.text(r).chars().count() > LINE_WIDTH)
        .collect();
    for r in long {
        let n = ctx.text(r).chars().count();
        ctx.report(
            r,
            format!("the line has {n} characters; cable lines hold at most {LINE_WIDTH}"),
        );
    }
}
