pub mod element_order;
pub mod missing_geographic_tag;
pub mod missing_subject;
pub mod missing_subject_tag;
pub mod missing_tags;
pub mod misused_tag;
pub mod tag_form;
pub mod tags_markup;
pub mod unknown_tag;

use crate::rules::{Context, Edit, Fix};
use crate::syntax::{ArtifactKind, TagShape, TagToken, TextRange};

/// The TAGS tokens the TAGS rules read codes from, in order: every token but redaction runs and
/// link markup (whose code `tags-markup` fixes first).
pub(crate) fn code_tokens<'c>(ctx: &Context<'c, '_>) -> Vec<&'c TagToken> {
    ctx.cable.body.tags.as_ref().map_or_else(Vec::new, |tags| {
        tags.tokens
            .iter()
            .filter(|t| !matches!(t.shape, TagShape::Redacted | TagShape::Markup))
            .collect()
    })
}

/// Whether the release rebuilt the TAGS line (a partial record's notice) or ran it together with
/// another element (joined lines over it): its repetitions are the release's.
fn rebuilt(ctx: &Context) -> bool {
    let Some(tags) = &ctx.cable.body.tags else {
        return false;
    };
    ctx.cable.artifacts.iter().any(|a| {
        a.kind == ArtifactKind::ReleaseNotice
            || (a.kind == ArtifactKind::JoinedLines
                && a.range.start() < tags.range.end()
                && tags.range.start() < a.range.end())
    })
}

/// Whether token `i` of `tokens` repeats an earlier one (the same code in any case).
fn repeats(ctx: &Context, tokens: &[&TagToken], i: usize) -> bool {
    let code = ctx.text(tokens[i].code);
    tokens[..i]
        .iter()
        .any(|p| ctx.text(p.code).eq_ignore_ascii_case(code))
}

/// What another TAGS rule's fix makes of a code: `misused-tag`'s replacement, or the code
/// `unknown-tag` suggests for an unknown one; `None` when neither offers one.
fn replacement_of(ctx: &Context, code: &str) -> Option<String> {
    if let Some(fix) = ctx.tables.tag_fix(code) {
        return Some(fix.replacement.clone());
    }
    if code == "SIPDIS" || ctx.tables.tag(code).is_some() {
        return None;
    }
    ctx.tables.suggest_tag(code).map(|s| s.code.clone())
}

/// The codes of `replacement` (one, or several: `PGOV LO` for the run-together `PGOVLO`) that
/// token `i` would still add: those no other token reads already (in any case) and no earlier
/// token is to be replaced by.
fn new_codes<'r>(
    ctx: &Context,
    tokens: &[&TagToken],
    i: usize,
    replacement: &'r str,
) -> Vec<&'r str> {
    let earlier: Vec<String> = tokens[..i]
        .iter()
        .filter_map(|t| replacement_of(ctx, ctx.text(t.code)))
        .collect();
    replacement
        .split_whitespace()
        .filter(|c| {
            !(tokens
                .iter()
                .enumerate()
                .any(|(j, t)| j != i && ctx.text(t.code).eq_ignore_ascii_case(c))
                || earlier
                    .iter()
                    .any(|e| e.split_whitespace().any(|w| w.eq_ignore_ascii_case(c))))
        })
        .collect()
}

/// Which tokens the TAGS fixes remove: the repetitions `tag-form` reports (none on a rebuilt
/// line) and the tokens whose replacement is listed already.
fn removed(ctx: &Context, tokens: &[&TagToken]) -> Vec<bool> {
    let rebuilt = rebuilt(ctx);
    (0..tokens.len())
        .map(|i| {
            (!rebuilt && repeats(ctx, tokens, i))
                || replacement_of(ctx, ctx.text(tokens[i].code))
                    .is_some_and(|r| new_codes(ctx, tokens, i, &r).is_empty())
        })
        .collect()
}

/// The range that removing token `i` deletes: the token and the separator after it when a token
/// that stays follows, else the separator before it, so that the removals of neighbouring tokens
/// do not overlap.
fn removal(tokens: &[&TagToken], removed: &[bool], i: usize) -> TextRange {
    let t = tokens[i];
    let stays_after = (i + 1..tokens.len()).any(|j| !removed[j]);
    match (stays_after, i) {
        (false, 1..) => TextRange::new(tokens[i - 1].range.end(), t.range.end()),
        _ => TextRange::new(
            t.range.start(),
            tokens.get(i + 1).map_or(t.range.end(), |n| n.range.start()),
        ),
    }
}

/// The code ranges of the TAGS tokens that `tag-form` reports as written before (the same code in
/// any case as an earlier token), each with the range its fix removes. Empty on a TAGS line the
/// release rebuilt or ran together with another element (a partial record's notice, joined lines
/// over it): its repetitions are the release's. The other TAGS rules offer no fix of their own on
/// these tokens, so that one round of fixes removes them.
pub(crate) fn repeated_tokens(ctx: &Context) -> Vec<(TextRange, TextRange)> {
    if ctx.cable.body.tags.is_none() || rebuilt(ctx) {
        return Vec::new();
    }
    let tokens = code_tokens(ctx);
    let repeated: Vec<usize> = (0..tokens.len())
        .filter(|&i| repeats(ctx, &tokens, i))
        .collect();
    // What the other fixes remove (which asks for a "did you mean" of every unknown code) matters
    // only to where a repetition's removal ends; most TAGS lines repeat nothing.
    if repeated.is_empty() {
        return Vec::new();
    }
    let removed = removed(ctx, &tokens);
    repeated
        .into_iter()
        .map(|i| (tokens[i].code, removal(&tokens, &removed, i)))
        .collect()
}

/// The unsafe fix that makes TAGS token `code` (a code range of [`code_tokens`], written
/// `written`) read `replacement`, one code or several ([`replace_or_remove`]), titled by what it
/// does: `Replace with …`, or `Remove …: … is listed` when every code is on the line already.
pub(crate) fn replacement_fix(
    ctx: &Context,
    code: TextRange,
    written: &str,
    replacement: &str,
) -> Fix {
    let edit = replace_or_remove(ctx, code, replacement);
    let title = if edit.new_text.is_empty() {
        format!("Remove `{written}`: `{replacement}` is listed")
    } else {
        format!("Replace with `{}`", edit.new_text)
    };
    Fix::unsafe_(title, vec![edit])
}

/// The edit of a fix that would make TAGS token `code` (a code range of [`code_tokens`]) read
/// `replacement`, one code or several: the codes it would still add ([`new_codes`]), or, when none
/// is left, the removal of the token, so that the fixes write no repetition.
fn replace_or_remove(ctx: &Context, code: TextRange, replacement: &str) -> Edit {
    let tokens = code_tokens(ctx);
    let Some(i) = tokens.iter().position(|t| t.code == code) else {
        return Edit::replace(code, replacement.to_string());
    };
    let kept = new_codes(ctx, &tokens, i, replacement);
    if kept.is_empty() && tokens.len() > 1 {
        let removed = removed(ctx, &tokens);
        return Edit::delete(removal(&tokens, &removed, i));
    }
    if kept.is_empty() {
        return Edit::replace(code, replacement.to_string());
    }
    Edit::replace(code, kept.join(" "))
}
