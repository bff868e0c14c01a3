//! ## What it does
//! Reports a paragraph marked above the banner's classification (a `(S)` paragraph in a
//! CONFIDENTIAL cable, a `(C)` paragraph in an UNCLAS cable). `(SBU)` paragraphs under UNCLAS are
//! fine. The unsafe fix raises the banner (and the security line) to the highest marking; the
//! alternative lowers the marking to what the banner allows: `(U)` under UNCLAS, `(SBU)` when a
//! SENSITIVE caption says so.
//!
//! ## Why
//! The overall classification is the highest classification of any portion (FAH portion-marking
//! rules); 5,453 of 5,464 released cables comply and the 11 others are real drafting errors — an
//! under-classified cable may be sent over channels not cleared for its content (spec B-23).
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! …
//! ¶2. (S) The minister said …
//! ```
//! Use instead (or mark the paragraph `(C)`, if that is what it is):
//! ```cable
//! ZNY SSSSS ZZH
//! …
//! S E C R E T TOKYO 002232
//! ```
use crate::rules::{Context, Edit, Fix, Related};
use crate::syntax::TextRange;
use crate::vocab::{BannerLevel, Level};

pub fn check(ctx: &Context) {
    let Some(b) = &ctx.cable.body.banner else {
        return;
    };
    let banner_level = b.level.level();
    let (banner_tok, banner_kind) = (b.level_token, b.level);
    let allowed = if banner_level == Level::Unclassified {
        Level::Sbu
    } else {
        banner_level
    };
    let Some((highest, _)) = ctx.facts.highest_marking else {
        return;
    };
    if highest <= allowed {
        return;
    }
    let raise = raise_fix(ctx, highest);
    // Lowered, a marking takes what the banner allows without another finding: `(SBU)` under an
    // UNCLAS banner only with a SENSITIVE caption (else CBL210 follows), `(U)` otherwise.
    let lowered = if allowed == Level::Sbu
        && banner_level == Level::Unclassified
        && !super::sbu_caption_missing::sbu_captioned(ctx)
    {
        Level::Unclassified
    } else {
        allowed
    };
    let subject_marking = ctx
        .cable
        .body
        .subject
        .as_ref()
        .and_then(|s| s.marking.as_ref());
    let over: Vec<_> = subject_marking
        .into_iter()
        .chain(
            ctx.cable
                .body
                .paragraphs
                .iter()
                .filter_map(|p| p.marking.as_ref()),
        )
        .filter(|m| m.level.is_some_and(|l| l > allowed))
        .map(|m| (m.range, m.level.expect("filtered")))
        .collect();
    let subject_range = subject_marking.map(|m| m.range);
    for (range, level) in over {
        let m = ctx.text(range);
        let what = if Some(range) == subject_range {
            "SUBJECT"
        } else {
            "paragraph"
        };
        let mut d = ctx.report(
            range,
            format!(
                "{what} marked {m} ({}) is above the banner's classification {}",
                level.name(),
                banner_level.name()
            ),
        );
        d.related.push(Related {
            range: banner_tok,
            message: format!("banner: {}", banner_kind.canonical()),
        });
        d.fix = raise.clone();
        d.alternatives.extend(lower_fix(ctx, range, lowered));
    }
}

/// The alternative to raising the banner: the marking lowered to `level` (`(S//NF)` becomes
/// `(C//NF)`), its controls kept, spelt canonically (`(s-nf)` becomes `(C/NF)`, as
/// `invalid-marking`'s [`crate::syntax::canonical_marking`] writes it; a marking in lower case stays so in a cable the release
/// wrote in sentence case). Unsafe, as it changes a classification. `None` for a marking not in
/// parentheses (the legacy `C - ENTIRE TEXT` form).
fn lower_fix(ctx: &Context, marking: TextRange, level: Level) -> Option<Fix> {
    let written = ctx.text(marking);
    let inner = written.strip_prefix('(')?.strip_suffix(')')?;
    let code_len = inner
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(inner.len());
    if code_len == 0 {
        return None;
    }
    let mut lowered = format!(
        "({}{})",
        level.abbrev(),
        inner[code_len..].to_ascii_uppercase().replace('-', "/")
    );
    if ctx.sentence_case() && !written.bytes().any(|b| b.is_ascii_uppercase()) {
        lowered = lowered.to_ascii_lowercase();
    }
    Some(
        Fix::unsafe_(
            format!("Lower the marking to {lowered}"),
            vec![Edit::replace(marking, lowered)],
        )
        .reclassifying(),
    )
}

/// An unsafe fix that raises the banner (and a matching security line) to `level`. The security
/// line's prefix and classification letters change; a SPECAT suffix (`ZNY SSSSS/AAAAA`) and the
/// operating signals stay.
pub fn raise_fix(ctx: &Context, level: Level) -> Option<Fix> {
    let b = ctx.cable.body.banner.as_ref()?;
    let new_banner = BannerLevel::for_level(level)?;
    let mut edits = vec![Edit::replace(b.level_token, new_banner.canonical())];
    if let Some(sec) = &ctx.cable.header.security {
        let line = new_banner.security_codes()[0].warning();
        if let Some(code) = sec.code {
            let range = TextRange {
                start: sec.prefix.start,
                end: code.end,
            };
            edits.insert(
                0,
                Edit::replace(range, raised_security(ctx, line, sec.prefix, code)),
            );
        }
    }
    // An UNCLAS cable raised needs a declassification instruction instead of `N/A`.
    if !b.level.is_classified() {
        if let Some((_, edit)) = super::classified_without_decl::default_decl(ctx) {
            edits.push(edit);
        }
    }
    edits.sort_by_key(|e| e.range.start);
    Some(
        Fix::unsafe_(
            format!("Raise the banner to {}", new_banner.canonical()),
            edits,
        )
        .reclassifying(),
    )
}

/// The security line from its prefix to the end of its code, raised to `line` (`ZNY SSSSS`): the
/// new prefix, the space as written, and the code with its run of classification letters replaced
/// and anything after it (a SPECAT suffix) kept.
fn raised_security(ctx: &Context, line: &str, prefix: TextRange, code: TextRange) -> String {
    let (new_prefix, new_letters) = line.split_once(' ').unwrap_or((line, ""));
    let letter = new_letters.chars().next().unwrap_or('U');
    let written = ctx.text(code);
    let first = written.chars().next().unwrap_or(letter);
    let run = written.chars().take_while(|&c| c == first).count();
    let between = ctx.text(TextRange {
        start: prefix.end,
        end: code.start,
    });
    let letters: String = std::iter::repeat_n(letter, run).collect();
    format!("{new_prefix}{between}{letters}{}", &written[run..])
}
