//! TAGS look-ups: exact, by prefix, "did you mean", and corrections.

use super::{prefix_run, upper, Tables, Tag, TagFix, TagKind, TagStatus};
use crate::vocab::{edit_distance, single_edit, Edit};

/// Run-together tokens shorter than this are never split (`MAPP` must not become `MA PP`).
const MIN_SPLIT_LEN: usize = 6;
/// Nor are tokens longer than this (a garbled line, not a list of tags).
const MAX_SPLIT_LEN: usize = 64;
/// Tokens at least this long may be two edits from their tag (`INTERPOOL` for `INTERPOL`).
const LONG_TOKEN: usize = 8;

impl Tables {
    /// The tag with this code (any case), valid or not; see [`Tag::is_valid`].
    pub fn tag(&self, code: &str) -> Option<&Tag> {
        let code = upper(code);
        self.tag_exact(&code)
    }

    fn tag_exact(&self, code: &str) -> Option<&Tag> {
        let run = &self.tags[prefix_run(&self.tag_keys, code)];
        run.binary_search_by(|t| t.code.as_str().cmp(code))
            .ok()
            .map(|i| &run[i])
    }

    /// The valid tags whose code starts with `prefix` (any case), for completion: the exact
    /// code first, then by count in the cables, most used first. Typos and misuses are left out.
    pub fn tags_with_prefix(&self, prefix: &str) -> Vec<&Tag> {
        let prefix = upper(prefix);
        let prefix = prefix.as_ref();
        let start = self.tags.partition_point(|t| t.code.as_str() < prefix);
        let mut out: Vec<&Tag> = self.tags[start..]
            .iter()
            .take_while(|t| t.code.starts_with(prefix))
            .filter(|t| t.is_valid())
            .collect();
        out.sort_by(|a, b| {
            (b.code == prefix)
                .cmp(&(a.code == prefix))
                .then(b.count.cmp(&a.count))
                .then(a.code.cmp(&b.code))
        });
        out
    }

    /// "Did you mean": the valid tag a near miss was probably meant to be. Never suggests for a
    /// token that is itself a valid code. Known typos and misuses give their recorded target;
    /// otherwise the candidates one edit away (a letter changed, two neighbours swapped, a
    /// letter dropped or doubled; two edits for tokens of eight letters or more) are ranked by
    /// how often the cables use them. Two-letter candidates are only offered for swapped
    /// letters, and three-letter tokens get no changed-letter candidates, as nearly every short
    /// string is one edit from some code. Codes without a known meaning are never offered.
    pub fn suggest_tag(&self, code: &str) -> Option<&Tag> {
        let code = upper(code);
        let code = code.as_ref();
        let memo = || self.suggestions.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = memo().get(code) {
            return known.map(|i| &self.tags[i as usize]);
        }
        let found = self.work_out_suggestion(code);
        let mut memo = memo();
        if memo.len() < super::SuggestMemo::MAX {
            // Codes are unique and sorted, so the suggested tag's code finds its index.
            let index =
                found.and_then(|t| self.tags.binary_search_by(|c| c.code.cmp(&t.code)).ok());
            memo.insert(code.into(), index.map(|i| i as u32));
        }
        found
    }

    /// [`Tables::suggest_tag`] for a token in capitals, worked out.
    fn work_out_suggestion(&self, code: &str) -> Option<&Tag> {
        if let Some(t) = self.tag_exact(code) {
            if t.is_valid() {
                return None;
            }
            let target = t.replacement.as_deref().or(t.likely.as_deref());
            if let Some(found) = target.and_then(|c| self.tag_exact(c)) {
                return Some(found);
            }
            if code.len() <= 2 {
                // A recorded two-letter misuse without a known target (GE, seen for Germany
                // and for Georgia): its note says more than a guess would.
                return None;
            }
        }
        if let Some(fix) = self.fixes_lookup(code) {
            if let Some(found) = self.tag_exact(&fix.replacement) {
                return Some(found);
            }
        }
        self.nearest_tag(code)
    }

    /// The most used valid tag one edit away from `code`; for long tokens (organization names)
    /// two edits are allowed when nothing is one edit away.
    fn nearest_tag(&self, code: &str) -> Option<&Tag> {
        let typed = code.as_bytes();
        if typed.len() < 2 {
            return None;
        }
        let bound = if typed.len() >= LONG_TOKEN { 2 } else { 1 };
        let lo = typed.len().saturating_sub(bound);
        let hi = (typed.len() + bound).min(self.tags_by_len.len().saturating_sub(1));
        let mut best: [Option<&Tag>; 2] = [None, None];
        for len in lo..=hi {
            for &i in &self.tags_by_len[len] {
                let t = &self.tags[i as usize];
                if t.status != TagStatus::Official && t.title.is_empty() {
                    continue; // Never suggest a code nobody can say the meaning of.
                }
                // One edit leaves the first or the last letter of both alike when the token has
                // three letters or more: most candidates are passed over without comparing them.
                let c = t.code.as_bytes();
                let one =
                    if typed.len() >= 3 && c.first() != typed.first() && c.last() != typed.last() {
                        None
                    } else {
                        single_edit(code, &t.code)
                    };
                let distance = match one {
                    Some(Edit::Transposition) => 1,
                    // Nearly every two-letter string is a letter away from a country code,
                    // and most three-letter strings from some organization's acronym.
                    Some(_) if t.code.len() <= 2 => continue,
                    Some(Edit::Substitution) if typed.len() <= 3 => continue,
                    Some(_) => 1,
                    None if bound >= 2 => match edit_distance(code, &t.code, 2) {
                        Some(2) => 2,
                        _ => continue,
                    },
                    None => continue,
                };
                let slot = &mut best[distance - 1];
                let better = slot.is_none_or(|b| {
                    (t.count, std::cmp::Reverse(&t.code)) > (b.count, std::cmp::Reverse(&b.code))
                });
                if better {
                    *slot = Some(t);
                }
            }
        }
        best[0].or(best[1])
    }

    /// A certain correction for a TAGS token (any case): known typos (`POGOV` → `PGOV`,
    /// `MOPPS` → `MOPS`), ISO codes written for TAGS codes (`RU` → `RS`, `JP` → `JA`), codes
    /// used against their meaning (`EU` → `EUN` for the European Union, `CR` → `CS` for Costa
    /// Rica), and run-together tags split into their codes (`PHUMPREL` → `PHUM PREL`, only when
    /// there is exactly one way to split the token into known subject, program and geographic
    /// codes). `None` for valid codes without a recorded misuse and for unknown tokens.
    pub fn tag_fix(&self, code: &str) -> Option<TagFix> {
        let code = upper(code);
        let code = code.as_ref();
        if let Some(fix) = self.fixes_lookup(code) {
            return Some(fix.clone());
        }
        if self.tag_exact(code).is_some() {
            return None;
        }
        let parts = self.split_run_together(code)?;
        let reason = format!(
            "{code} runs together the tags {} and {}",
            parts[..parts.len() - 1].join(", "),
            parts[parts.len() - 1]
        );
        Some(TagFix {
            replacement: parts.join(" "),
            reason,
        })
    }

    /// Whether [`Tables::tag_fix`] has a correction for `code` (any case), without writing it
    /// out: `unknown-tag` asks this for every token that is not a known code.
    pub fn has_tag_fix(&self, code: &str) -> bool {
        let code = upper(code);
        let code = code.as_ref();
        self.fixes_lookup(code).is_some()
            || (self.tag_exact(code).is_none() && self.split_run_together(code).is_some())
    }

    fn fixes_lookup(&self, code: &str) -> Option<&TagFix> {
        let run = &self.fixes[prefix_run(&self.fix_keys, code)];
        run.binary_search_by(|(t, _)| t.as_str().cmp(code))
            .ok()
            .map(|i| &run[i].1)
    }

    /// Splits a run-together token into valid two-letter geographic codes, four-letter subject or
    /// program codes and three- or four-letter organization codes that real TAGS lines use
    /// (`WTO`, `NATO`), with as few parts as possible; `None` unless that split is unique, uses at
    /// least one code longer than two letters and no more two-letter codes than longer codes plus
    /// one (so that words such as `POLITICS` are not read as a string of country codes).
    fn split_run_together<'a>(&self, code: &'a str) -> Option<Vec<&'a str>> {
        let b = code.as_bytes();
        if !(MIN_SPLIT_LEN..=MAX_SPLIT_LEN).contains(&b.len())
            || !b.iter().all(u8::is_ascii_uppercase)
        {
            return None;
        }
        let is_part = |s: &str| {
            self.tag_exact(s).is_some_and(|t| {
                t.is_valid()
                    && match (s.len(), t.kind) {
                        (2, TagKind::Geographic) => true,
                        (4, TagKind::Subject | TagKind::Program) => true,
                        // An organization in use on real TAGS lines (`WTO` in `ETRDECONWTOCS`);
                        // the hundreds of listed organizations no cable uses would make
                        // ordinary words splittable.
                        (3 | 4, TagKind::Organization) => t.count > 0,
                        _ => false,
                    }
            })
        };
        // best[i] = (fewest parts for the first i bytes, number of ways to reach it, last part length).
        let n = b.len();
        let mut best: Vec<Option<(usize, u32, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 1, 0));
        for i in 0..n {
            let Some((parts, ways, _)) = best[i] else {
                continue;
            };
            for len in [2usize, 3, 4] {
                let j = i + len;
                if j > n || !is_part(&code[i..j]) {
                    continue;
                }
                best[j] = match best[j] {
                    None => Some((parts + 1, ways, len)),
                    Some((p, w, l)) if p == parts + 1 => Some((p, w.saturating_add(ways), l)),
                    Some((p, _, _)) if p > parts + 1 => Some((parts + 1, ways, len)),
                    keep => keep,
                };
            }
        }
        let (_, ways, _) = best[n]?;
        if ways != 1 {
            return None;
        }
        let mut parts = Vec::new();
        let mut j = n;
        while j > 0 {
            let (_, _, len) = best[j]?;
            parts.push(&code[j - len..j]);
            j -= len;
        }
        parts.reverse();
        let twos = parts.iter().filter(|p| p.len() == 2).count();
        let fours = parts.len() - twos;
        (parts.len() >= 2 && fours >= 1 && twos <= fours + 1).then_some(parts)
    }

    /// Tags matching a free query, for `cablelint data tags QUERY`: the exact code first (even
    /// a nonstandard one, so that its note can be read), then valid codes starting with the
    /// query, then tags whose title has words starting with the query's words (three letters or
    /// more); each group by count.
    pub fn search_tags(&self, query: &str, limit: usize) -> Vec<&Tag> {
        let q = super::normalize_name(query);
        if q.is_empty() {
            let mut all: Vec<&Tag> = self.tags.iter().collect();
            all.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
            all.truncate(limit);
            return all;
        }
        let mut out: Vec<&Tag> = Vec::new();
        if let Some(t) = self.tag_exact(&q) {
            out.push(t);
        }
        for t in self.tags_with_prefix(&q) {
            if !out.iter().any(|o| o.code == t.code) {
                out.push(t);
            }
        }
        let words: Vec<&str> = super::directory::words(&q).collect();
        if words.iter().any(|w| w.len() < MIN_NAME_WORD) {
            // Two letters are a code or its beginning, not a word of a title.
            out.truncate(limit);
            return out;
        }
        let mut by_title: Vec<&Tag> = self
            .tags
            .iter()
            .filter(|t| !out.iter().any(|o| o.code == t.code))
            .filter(|t| {
                t.folded_names().any(|name| {
                    let name_words: Vec<&str> = super::directory::words(&name).collect();
                    words
                        .iter()
                        .all(|w| name_words.iter().any(|tw| tw.starts_with(w)))
                })
            })
            .collect();
        by_title.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
        out.extend(by_title);
        out.truncate(limit);
        out
    }

    /// The valid tags one of whose names ([`Tag::names`]) holds the words of `phrase`, every word
    /// but the last a whole word of the name and the last the beginning of another one. Names that
    /// begin with the phrase, its words in their order (`SAUDI AR` → SA Saudi Arabia, `NORTH MACED`
    /// → MK by its CLDR name North Macedonia, `NEW ZEAL` → NZ), come first; then names that hold
    /// the words in another order or place (`SOUTH KOR` and `SOUTH KOREA` → KS, titled `Korea
    /// (South)`), found so only when every word has at least [`MIN_NAME_WORD`] letters, so that
    /// short words (`OF`, `S`) do not bring in every name that has them. Any case; accents of the
    /// names are ignored. Within each group most used first, then by code; empty for an empty
    /// phrase.
    pub fn tags_named_from(&self, phrase: &str) -> Vec<&Tag> {
        let phrase = fold_to_ascii(phrase).to_ascii_uppercase();
        let typed: Vec<&str> = super::directory::words(&phrase).collect();
        let Some((last, whole)) = typed.split_last() else {
            return Vec::new();
        };
        let anywhere = typed.iter().all(|w| w.len() >= MIN_NAME_WORD);
        // 0: the name begins with the phrase; 1: it holds its words elsewhere.
        let rank = |t: &Tag| -> Option<u8> {
            let mut best = None;
            for name in t.folded_names() {
                let words: Vec<&str> = super::directory::words(&name).collect();
                let begins = whole.len() < words.len()
                    && whole.iter().zip(&words).all(|(w, n)| w == n)
                    && words[whole.len()].starts_with(last);
                if begins {
                    return Some(0);
                }
                if anywhere && holds_words(&words, whole, last) {
                    best = Some(1);
                }
            }
            best
        };
        let mut out: Vec<(u8, &Tag)> = self
            .tags
            .iter()
            .filter(|t| t.is_valid())
            .filter_map(|t| Some((rank(t)?, t)))
            .collect();
        out.sort_by(|(ra, a), (rb, b)| {
            ra.cmp(rb)
                .then(b.count.cmp(&a.count))
                .then(a.code.cmp(&b.code))
        });
        out.into_iter().map(|(_, t)| t).collect()
    }
}

/// The fewest letters of each word typed for a tag's name to be found by words out of the name's
/// order ([`Tables::tags_named_from`]); the same bound as the title search of
/// [`Tables::search_tags`].
const MIN_NAME_WORD: usize = 3;

/// Whether the words of a name hold each of `whole` as a word and `last` as the beginning of
/// another, each word of the name used once (`KOREA SOUTH` holds `SOUTH` and `KOR`).
fn holds_words(name: &[&str], whole: &[&str], last: &str) -> bool {
    let mut used = vec![false; name.len()];
    for w in whole {
        match (0..name.len()).find(|&i| !used[i] && name[i] == *w) {
            Some(i) => used[i] = true,
            None => return false,
        }
    }
    (0..name.len()).any(|i| !used[i] && name[i].starts_with(last))
}

/// Names of countries the TAGS data does not carry, by geographic code: the current or common
/// English names a drafter types (CLDR's English variant names `Ivory Coast` and `Cabo Verde`,
/// the UN's `Holy See`; `Britain`, `Great Britain` and `England` for the United Kingdom, whose tag
/// covers them). The CLDR names the data gives (`Myanmar`, `Czechia`, `Eswatini`, `North
/// Macedonia`, `Türkiye`) come from the tags' notes.
const COMMON_NAMES: [(&str, &[&str]); 4] = [
    ("IV", &["Ivory Coast"]),
    ("CV", &["Cabo Verde"]),
    ("VT", &["Holy See"]),
    ("UK", &["Britain", "Great Britain", "England"]),
];

impl Tag {
    /// Every name the tag is searched by: its title, the CLDR name its note gives
    /// (`CLDR name: Myanmar.`, from `../shared/data/tags-country.tsv`), and the common names of
    /// [`COMMON_NAMES`].
    pub fn names(&self) -> impl Iterator<Item = String> + '_ {
        let cldr = self.note.as_deref().and_then(|n| {
            let at = n.find("CLDR name: ")? + "CLDR name: ".len();
            let rest = &n[at..];
            let end = rest.find(['.', ';']).unwrap_or(rest.len());
            Some(rest[..end].trim().to_string())
        });
        let common = COMMON_NAMES
            .iter()
            .filter(|(code, _)| *code == self.code)
            .flat_map(|(_, names)| names.iter().map(|n| n.to_string()));
        Some(self.title.clone())
            .filter(|t| !t.is_empty())
            .into_iter()
            .chain(cldr)
            .chain(common)
    }

    /// [`Tag::names`] as searches compare them: in capitals, accents left out ([`fold_to_ascii`]).
    fn folded_names(&self) -> impl Iterator<Item = String> + '_ {
        self.names().map(|n| fold_to_ascii(&n).to_ascii_uppercase())
    }
}

/// `text` with the accented Latin letters of country names written without their accents
/// (`Türkiye` → `Turkiye`, `Côte d’Ivoire` → `Cote d'Ivoire`), so that a drafter typing ASCII
/// finds them.
fn fold_to_ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'É' => 'E',
            '’' => '\'',
            c => c,
        })
        .collect()
}
