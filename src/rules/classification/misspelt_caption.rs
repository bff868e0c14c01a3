//! ## What it does
//! Warns when a line between the banner and the E.O. line is a caption written wrong: every word
//! of the line is a caption (`SIPDIS`, `NOFORN`, `NODIS`, `EXDIS`, `LIMDIS`, `STADIS`, `SPECAT`,
//! `SENSITIVE`) or one edit from one (two for `SENSITIVE`), or its first three letters or more
//! (`NOF`), and at least one word is not a caption. When each such word is near one caption
//! only, an unsafe fix writes it.
//!
//! ## Why
//! The captions are a closed list (spec §3.9, 5 FAH-2 H-250); a misspelt one is read as a passing
//! line, so the cable goes out without the handling it was meant to have (`NOFRN` for `NOFORN`
//! releases a cable to foreign nationals). The fix is unsafe: the drafter may have meant another
//! caption, and a caption changes who may read the cable.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//!
//! NOFRN
//! SIPDIS
//! ```
//! Use instead:
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//!
//! NOFORN
//! SIPDIS
//! ```
use crate::rules::{Context, Edit, Fix};
use crate::syntax::TextRange;
use crate::vocab::edit_distance;

/// The one-word captions a misspelt word is compared with.
const CAPTION_WORDS: [&str; 8] = [
    "SIPDIS",
    "NOFORN",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "SPECAT",
    "SENSITIVE",
];

pub fn check(ctx: &Context) {
    let body = &ctx.cable.body;
    let Some(banner) = &body.banner else {
        return;
    };
    for &line in &body.passing {
        if line.start < banner.range.end {
            continue;
        }
        let Some(words) = misspelt_words(ctx.text(line), line.start) else {
            continue;
        };
        for (range, near) in words {
            let written = ctx.text(range);
            if let [one] = near[..] {
                let mut d = ctx.report(
                    range,
                    format!("`{written}` is not a caption; did you mean `{one}`?"),
                );
                d.fix = Some(Fix::unsafe_(
                    format!("Write `{one}`"),
                    vec![Edit::replace(range, one)],
                ));
            } else {
                let names: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
                ctx.report(
                    range,
                    format!(
                        "`{written}` is not a caption; did you mean {}?",
                        names.join(" or ")
                    ),
                );
            }
        }
    }
}

/// The words of a line (`text`, starting at byte `at` of the cable) that are near captions, each
/// with the captions it is near, when the line is a caption line written wrong: every word a
/// caption or near one, at least one near one. `None` for any other line.
fn misspelt_words(text: &str, at: u32) -> Option<Vec<(TextRange, Vec<&'static str>)>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for word in text.split_inclusive([' ', '\t', ',']) {
        let start = offset;
        offset += word.len();
        let w = word
            .trim_end_matches([' ', '\t', ','])
            .trim_end_matches('.');
        if w.is_empty() {
            continue;
        }
        if CAPTION_WORDS.contains(&w) {
            continue;
        }
        let near = near_captions(w);
        if near.is_empty() {
            return None;
        }
        let s = at as usize + start;
        out.push((TextRange::new(s, s + w.len()), near));
    }
    (!out.is_empty()).then_some(out)
}

/// The captions a word in capitals is near: one edit from (two for the nine letters of
/// `SENSITIVE`), or the first three or more of its letters.
fn near_captions(w: &str) -> Vec<&'static str> {
    if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return Vec::new();
    }
    CAPTION_WORDS
        .iter()
        .copied()
        .filter(|c| {
            let max = if c.len() > 6 { 2 } else { 1 };
            edit_distance(w, c, max).is_some() || c.starts_with(w)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_near_one_caption_and_lines_of_them() {
        assert_eq!(near_captions("NOFRN"), ["NOFORN"]);
        assert_eq!(near_captions("NOF"), ["NOFORN"]);
        assert_eq!(near_captions("SIPIDS"), ["SIPDIS"]);
        assert_eq!(near_captions("SENSTIVE"), ["SENSITIVE"]);
        // Words of passing lines are no captions.
        for w in [
            "DEPT", "STATE", "FOR", "PASS", "NO", "NODE", "STATUS", "LIMITED",
        ] {
            assert!(near_captions(w).is_empty(), "{w}");
        }
        // Near two captions: both are named, and no fix is offered.
        assert_eq!(near_captions("SIMDIS"), ["SIPDIS", "LIMDIS"]);
        assert_eq!(near_captions("NODI"), ["NODIS"]);
        assert!(misspelt_words("DEPT FOR EUR/RUS", 0).is_none());
        assert!(misspelt_words("NOFORN", 0).is_none());
        let w = misspelt_words("SIPDIS, NOFRN", 10).expect("a caption line");
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].0, TextRange::new(18, 23));
    }
}
