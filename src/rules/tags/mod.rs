pub mod element_order;
pub mod missing_geographic_tag;
pub mod missing_subject;
pub mod missing_subject_tag;
pub mod missing_tags;
pub mod misused_tag;
pub mod tag_form;
pub mod tags_markup;
pub mod unknown_tag;

use std::cell::OnceCell;
use std::collections::HashMap;

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

/// What the TAGS fixes do to the tokens of one cable's TAGS line ([`code_tokens`]): which tokens
/// repeat an earlier one, which each fix removes, and what a replacement still adds. A rule makes
/// one plan and asks it about every token, so that a TAGS line of `n` tokens costs time linear in
/// `n` (a release's TAGS line that runs on into prose holds thousands of tokens).
pub(crate) struct TagsPlan<'p, 'c, 'a> {
    ctx: &'p Context<'c, 'a>,
    tokens: Vec<&'c TagToken>,
    /// Whether the release rebuilt the line ([`rebuilt`]): its repetitions are the release's.
    rebuilt: bool,
    /// For each code in capitals, the index of its first token and how many tokens read it.
    codes: HashMap<String, (usize, usize)>,
    /// Whether each token repeats an earlier one (the same code in any case).
    repeats: Vec<bool>,
    /// Worked out on the first question that needs them: they ask for a "did you mean" of every
    /// unknown code, and most TAGS lines repeat nothing and need no fix.
    replaced: OnceCell<Replaced>,
}

/// The part of a [`TagsPlan`] that reads every token's replacement ([`replacement_of`]).
struct Replaced {
    /// For each code in capitals that some token's replacement holds, the first such token.
    first_replaced_by: HashMap<String, usize>,
    /// Whether the TAGS fixes remove each token: a repetition `tag-form` reports (none on a
    /// rebuilt line), or a token whose replacement is listed already.
    removed: Vec<bool>,
    /// The last token that no fix removes.
    last_kept: Option<usize>,
}

impl<'p, 'c, 'a> TagsPlan<'p, 'c, 'a> {
    pub(crate) fn new(ctx: &'p Context<'c, 'a>) -> Self {
        let tokens = code_tokens(ctx);
        let mut codes: HashMap<String, (usize, usize)> = HashMap::with_capacity(tokens.len());
        let repeats = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let entry = codes
                    .entry(ctx.text(t.code).to_ascii_uppercase())
                    .or_insert((i, 0));
                entry.1 += 1;
                entry.0 != i
            })
            .collect();
        TagsPlan {
            ctx,
            tokens,
            rebuilt: rebuilt(ctx),
            codes,
            repeats,
            replaced: OnceCell::new(),
        }
    }

    fn replaced(&self) -> &Replaced {
        self.replaced.get_or_init(|| {
            let replacements: Vec<Option<String>> = self
                .tokens
                .iter()
                .map(|t| replacement_of(self.ctx, self.ctx.text(t.code)))
                .collect();
            let mut first_replaced_by = HashMap::new();
            for (i, r) in replacements.iter().enumerate() {
                for code in r.iter().flat_map(|r| r.split_whitespace()) {
                    first_replaced_by
                        .entry(code.to_ascii_uppercase())
                        .or_insert(i);
                }
            }
            let mut replaced = Replaced {
                first_replaced_by,
                removed: Vec::new(),
                last_kept: None,
            };
            replaced.removed = (0..self.tokens.len())
                .map(|i| {
                    (!self.rebuilt && self.repeats[i])
                        || replacements[i]
                            .as_deref()
                            .is_some_and(|r| self.new_codes_in(&replaced, i, r).is_empty())
                })
                .collect();
            replaced.last_kept = replaced.removed.iter().rposition(|&r| !r);
            replaced
        })
    }

    /// The codes of `replacement` (one, or several: `PGOV LO` for the run-together `PGOVLO`) that
    /// token `i` would still add: those no other token reads already (in any case) and no earlier
    /// token is to be replaced by.
    fn new_codes_in<'r>(
        &self,
        replaced: &Replaced,
        i: usize,
        replacement: &'r str,
    ) -> Vec<&'r str> {
        let own = self.ctx.text(self.tokens[i].code);
        replacement
            .split_whitespace()
            .filter(|c| {
                let upper = c.to_ascii_uppercase();
                let readers = self.codes.get(&upper).map_or(0, |&(_, n)| n);
                let read_elsewhere = readers > usize::from(own.eq_ignore_ascii_case(c));
                let replaced_before = replaced
                    .first_replaced_by
                    .get(&upper)
                    .is_some_and(|&j| j < i);
                !(read_elsewhere || replaced_before)
            })
            .collect()
    }

    /// The range that removing token `i` deletes: the token and the separator after it when a
    /// token that stays follows, else the separator before it, so that the removals of
    /// neighbouring tokens do not overlap.
    fn removal(&self, i: usize) -> TextRange {
        let (tokens, t) = (&self.tokens, self.tokens[i]);
        let stays_after = self.replaced().last_kept.is_some_and(|k| k > i);
        match (stays_after, i) {
            (false, 1..) => TextRange::new(tokens[i - 1].range.end(), t.range.end()),
            _ => TextRange::new(
                t.range.start(),
                tokens.get(i + 1).map_or(t.range.end(), |n| n.range.start()),
            ),
        }
    }

    /// The code ranges of the TAGS tokens that `tag-form` reports as written before (the same
    /// code in any case as an earlier token), each with the range its fix removes. Empty on a
    /// TAGS line the release rebuilt or ran together with another element (a partial record's
    /// notice, joined lines over it): its repetitions are the release's. The other TAGS rules
    /// offer no fix of their own on these tokens ([`TagsPlan::is_repeated`]), so that one round
    /// of fixes removes them.
    pub(crate) fn repeated_tokens(&self) -> Vec<(TextRange, TextRange)> {
        if self.rebuilt {
            return Vec::new();
        }
        (0..self.tokens.len())
            .filter(|&i| self.repeats[i])
            .map(|i| (self.tokens[i].code, self.removal(i)))
            .collect()
    }

    /// Whether the token with this code range is one of [`TagsPlan::repeated_tokens`].
    pub(crate) fn is_repeated(&self, code: TextRange) -> bool {
        !self.rebuilt && self.index(code).is_some_and(|i| self.repeats[i])
    }

    /// The index of the token with this code range; tokens are in the order of the text, so a
    /// binary search finds it (a scan is the fallback should they ever not be).
    fn index(&self, code: TextRange) -> Option<usize> {
        let found = self
            .tokens
            .binary_search_by_key(&code.start(), |t| t.code.start())
            .ok()
            .filter(|&i| self.tokens[i].code == code);
        found.or_else(|| self.tokens.iter().position(|t| t.code == code))
    }

    /// The unsafe fix that makes TAGS token `code` (a code range of [`code_tokens`], written
    /// `written`) read `replacement`, one code or several ([`TagsPlan::replace_or_remove`]),
    /// titled by what it does: `Replace with …`, or `Remove …: … is listed` when every code is on
    /// the line already.
    pub(crate) fn replacement_fix(&self, code: TextRange, written: &str, replacement: &str) -> Fix {
        let edit = self.replace_or_remove(code, replacement);
        let title = if edit.new_text.is_empty() {
            format!("Remove `{written}`: `{replacement}` is listed")
        } else {
            format!("Replace with `{}`", edit.new_text)
        };
        Fix::unsafe_(title, vec![edit])
    }

    /// The edit of a fix that would make TAGS token `code` (a code range of [`code_tokens`]) read
    /// `replacement`, one code or several: the codes it would still add, or, when none is left,
    /// the removal of the token, so that the fixes write no repetition.
    fn replace_or_remove(&self, code: TextRange, replacement: &str) -> Edit {
        let Some(i) = self.index(code) else {
            return Edit::replace(code, replacement.to_string());
        };
        let kept = self.new_codes_in(self.replaced(), i, replacement);
        if kept.is_empty() && self.tokens.len() > 1 {
            return Edit::delete(self.removal(i));
        }
        if kept.is_empty() {
            return Edit::replace(code, replacement.to_string());
        }
        Edit::replace(code, kept.join(" "))
    }
}
