//! ## What it does
//! Checks the FL4 security line: `ZNR UUUUU` for unclassified traffic, or `ZNY` followed by a
//! five-letter classification code (`EEEEE`, `CCCCC`, `SSSSS`, `TTTTT`, optionally with a SPECAT
//! suffix such as `/AAAAA`), then the operating signal `ZZH`.
//!
//! ## Why
//! `ZNR UUUUU` is for unclassified messages, `ZNY EEEEE` for UNCLAS EFTO, and `ZNY` + `CCCCC`,
//! `SSSSS` or `TTTTT` for Confidential, Secret and Top Secret (spec §3.4, H-4). Every released FL4
//! contains `ZZH` (H-5, a convention whose meaning is undocumented: a warning).
//!
//! ## Example
//! ```cable
//! ZNR CCCCC ZZH
//! ```
//! Use instead:
//! ```cable
//! ZNY CCCCC ZZH
//! ```
use crate::rules::{Context, Severity};
use crate::vocab::SecurityCode;

pub fn check(ctx: &Context) {
    let Some(s) = &ctx.cable.header.security else {
        return;
    };
    let (range, prefix, code, level) = (s.range, s.prefix, s.code, s.level);
    // `ZZH(CCY …)`: the export sometimes joins the next signal to it.
    let has_zzh = s.signals.iter().any(|&t| ctx.text(t).starts_with("ZZH"));
    let Some(code) = code else {
        ctx.report(
            range,
            "the security line has no five-letter classification code after `ZNR`/`ZNY`",
        );
        return;
    };
    let code_text = ctx.text(code);
    let letters = code_text.split('/').next().unwrap_or(code_text);
    let first = letters.as_bytes()[0];
    let uniform = letters.bytes().all(|b| b == first)
        || (letters.len() == 5
            && letters.as_bytes()[..3].iter().all(|&b| b == first)
            && &letters[3..] == "AA");
    match level {
        None => {
            ctx.report(code, format!("`{code_text}` is not a classification code (UUUUU, EEEEE, CCCCC, SSSSS, TTTTT)"));
        }
        Some(level) => {
            if !uniform {
                ctx.report(
                    code,
                    format!(
                        "`{letters}` should repeat one letter five times (`{}`)",
                        (first as char).to_string().repeat(5)
                    ),
                );
            }
            let p = ctx.text(prefix);
            let want = if level == SecurityCode::Unclassified {
                "ZNR"
            } else {
                "ZNY"
            };
            if p != want {
                ctx.report(prefix, format!("`{letters}` goes with `{want}`, not `{p}`"));
            }
        }
    }
    if !has_zzh {
        ctx.report_softer(
            range,
            "the security line has no `ZZH` operating signal",
            Severity::Warning,
        );
    }
}
