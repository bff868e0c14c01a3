//! The items of a REF block: bullets, cable references and other documents.
//!
//! The block's lines are read together as one stream of tokens, so an item may run over a line
//! break (`(D) BEIJING` / `5361`). Bullets come in the forms real cables use (`A.`, `A)`, `(A)`,
//! `[A]`, `A:`, `(1)`, `1)`, doubled `A. A)`, any case); a letter that does not continue the
//! sequence is a bullet only at the start of a line. Inside an item, references are separated by
//! `;` and chained with `AND`, `&` or `,` (`07 STATE 5678 AND 9012`). A cable reference is
//! `[year] ORIGIN [:] [#]NUMBER [-year | (year)]`, with the year written `07`, `'07` or `2007`; the
//! origin is one to four words of letters (hyphens and apostrophes inside), in any case. Words that
//! name other documents (`E-MAIL`, `REPORT`, `TELCON`, a month) make a stretch of text an "other"
//! reference; so do serials that are dates (`10/15/07`) or codes (`EUP20080707950031`). The release's
//! `¶` and line-end backslashes are skipped.

use std::sync::LazyLock;

use regex::Regex;

use super::text::TextRange;
use super::tree::{CableRef, Num, RefItem, Reference};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Letters, with hyphens and apostrophes inside.
    Word,
    /// ASCII digits.
    Num,
    /// Letters and digits run together (`R162245Z`, `07TOKYO1448`).
    Mixed,
    /// Any other character.
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// Whether white space, a line break or a skipped artifact comes before the token.
    spaced: bool,
    /// Whether the token is the first of its line.
    line_start: bool,
}

fn tokenize(src: &str, lines: &[TextRange], out: &mut Vec<Tok>) {
    for line in lines {
        let text = &src[line.as_range()];
        let base = line.start as usize;
        let mut spaced = true;
        let mut line_start = true;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() || c == '¶' || c == '\\' || c == '\u{a0}' {
                spaced = true;
                continue;
            }
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                let mut letters = c.is_alphabetic();
                let mut digits = c.is_ascii_digit();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() {
                        letters |= d.is_alphabetic();
                        digits |= d.is_ascii_digit();
                        end = j + d.len_utf8();
                        chars.next();
                    } else if matches!(d, '-' | '\'' | '’') && !digits {
                        // A hyphen or apostrophe joins two runs of letters (`PORT-OF-SPAIN`).
                        let after = text[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(|a| a.is_alphabetic()) {
                            end = j + d.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                let kind = match (letters, digits) {
                    (true, true) => Kind::Mixed,
                    (false, true) => Kind::Num,
                    _ => Kind::Word,
                };
                out.push(Tok {
                    kind,
                    start: base + i,
                    end: base + end,
                    spaced,
                    line_start,
                });
            } else {
                out.push(Tok {
                    kind: Kind::Punct(c),
                    start: base + i,
                    end: base + i + c.len_utf8(),
                    spaced,
                    line_start,
                });
            }
            spaced = false;
            line_start = false;
        }
    }
}

/// Reads the items of a REF block from the text of its lines (after the label).
pub(super) fn parse_items(src: &str, lines: &[TextRange]) -> Vec<RefItem> {
    let mut toks = Vec::new();
    tokenize(src, lines, &mut toks);
    drop_labels(src, &mut toks);
    let lower_case = !toks.iter().any(|t| {
        let w = &src[t.start..t.end];
        t.kind == Kind::Word && w.len() >= 2 && w.chars().next().is_some_and(char::is_uppercase)
    });
    // A paragraph number and marking (`1.(SBU)`, `2. (C)`) starts the text: the release joined
    // the text onto the block.
    let paragraph = {
        let r = Reader {
            src,
            toks: &toks,
            lower_case,
        };
        (1..toks.len()).find(|&i| r.paragraph_at(i))
    };
    if let Some(cut) = paragraph {
        toks.truncate(cut);
    }
    let r = Reader {
        src,
        toks: &toks,
        lower_case,
    };
    // Bullets: (index of the first token, index after the bullet, letter token).
    let mut bullets: Vec<(usize, usize, usize)> = Vec::new();
    let mut last: Option<u32> = None;
    let mut i = 0;
    while i < toks.len() {
        if let Some((value, letter, next)) = r.bullet_at(i) {
            let after_bullet = bullets.last().is_some_and(|b| b.1 == i);
            let accept = match last {
                None => i == 0 || value == 1 || toks[i].line_start,
                Some(prev) => {
                    value == prev + 1
                        || (after_bullet && value == prev)
                        || ((toks[i].line_start
                            || (i > 0 && matches!(toks[i - 1].kind, Kind::Punct(',' | ';'))))
                            && value <= prev + 1)
                }
            };
            // A bullet stands after white space, or glued after another bullet (`A.BOGOTA`), or,
            // in parentheses and in sequence, glued to a word (`TELCON(B)`).
            let separated = i == 0
                || toks[i].spaced
                || after_bullet
                || (toks[i].kind == Kind::Punct('(') && last.is_some_and(|p| value == p + 1))
                || (i > 0 && matches!(toks[i - 1].kind, Kind::Punct(',' | ';')));
            if accept && separated {
                if after_bullet && last == Some(value) {
                    // The second half of a doubled bullet (`A. A)`): it belongs to the first.
                    if let Some(b) = bullets.last_mut() {
                        b.1 = next;
                    }
                } else {
                    bullets.push((i, next, letter));
                }
                last = Some(value);
                i = next;
                continue;
            }
        }
        i += 1;
    }
    // The release joined the text onto the block's last line: the last item ends where it starts.
    let from = bullets.last().map_or(0, |b| b.1);
    let stop = r.text_start(lines, from).unwrap_or(toks.len());
    let mut items = Vec::new();
    let first = bullets.first().map_or(stop, |b| b.0);
    if first > 0 {
        items.push(r.item(None, 0, first));
    }
    for (k, &(_, content, letter)) in bullets.iter().enumerate() {
        let end = bullets.get(k + 1).map_or(stop, |b| b.0);
        let mut item = r.item(Some(letter), content, end);
        let start = toks[bullets[k].0].start;
        item.range = TextRange::new(
            start,
            item.range.end.max(toks[content - 1].end as u32) as usize,
        );
        items.push(item);
    }
    items
}

/// Removes repeated labels (`REF A) QUITO 83; REF B) QUITO 91`) and cuts the stream at a
/// classification authority the release joined onto the block (`… TRIPOLI 255 CLASSIFIED BY: …`).
fn drop_labels(src: &str, toks: &mut Vec<Tok>) {
    let word =
        |t: &Tok, w: &str| t.kind == Kind::Word && src[t.start..t.end].eq_ignore_ascii_case(w);
    if let Some(cut) = toks
        .windows(2)
        .position(|p| word(&p[0], "CLASSIFIED") && word(&p[1], "BY"))
    {
        toks.truncate(cut);
    }
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let at_start = out
            .last()
            .is_none_or(|p| matches!(p.kind, Kind::Punct(';' | ',')))
            || t.line_start;
        let label = ["REF", "REFS", "REFTEL", "REFTELS"]
            .iter()
            .any(|w| word(&t, w));
        if at_start && label {
            let mut next = i + 1;
            if toks
                .get(next)
                .is_some_and(|n| !n.spaced && matches!(n.kind, Kind::Punct(':' | '.')))
            {
                next += 1;
            }
            if let Some(n) = toks.get_mut(next) {
                n.spaced = true;
                n.line_start |= t.line_start;
            }
            i = next;
            continue;
        }
        out.push(t);
        i += 1;
    }
    *toks = out;
}

struct Reader<'t> {
    src: &'t str,
    toks: &'t [Tok],
    /// Whether the block is written in lower case (`Ref: a. 05 state 201650`): no word of two or
    /// more letters is capitalised.
    lower_case: bool,
}

/// The length in bytes above which a line of the block is taken for lines the release joined: a
/// cable's lines are at most 69 characters (spec §3.23), and a REF item written on one line of a
/// release is rarely longer than two of them.
const JOINED_LINE: usize = 200;

/// Small words inside multi-word origins (`Rio de Janeiro`, `PORT OF SPAIN`).
const PARTICLES: &[&str] = &["de", "da", "do", "of", "au", "el", "la", "es"];

impl Reader<'_> {
    fn text(&self, i: usize) -> &str {
        &self.src[self.toks[i].start..self.toks[i].end]
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.spaced)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct(c))
    }

    fn range(&self, from: usize, to: usize) -> TextRange {
        TextRange::new(self.toks[from].start, self.toks[to].end)
    }

    fn num(&self, i: usize) -> Num {
        Num {
            range: self.range(i, i),
            value: self.text(i).parse().unwrap_or(u32::MAX),
        }
    }

    /// A bullet at token `i`: its value (A = 1, or the number), the letter token and the index
    /// after it.
    fn bullet_at(&self, i: usize) -> Option<(u32, usize, usize)> {
        let value = |j: usize| -> Option<u32> {
            let t = self.text(j);
            match self.kind(j)? {
                Kind::Word if t.len() == 1 => {
                    Some(u32::from(t.as_bytes()[0].to_ascii_uppercase() - b'A') + 1)
                }
                Kind::Num if t.len() <= 2 => t.parse().ok().filter(|&n| n > 0),
                _ => None,
            }
        };
        // `(A)` and `[A]`.
        for (open, close) in [('(', ')'), ('[', ']')] {
            if self.is_punct(i, open)
                && self.glued(i + 1)
                && self.is_punct(i + 2, close)
                && self.glued(i + 2)
            {
                if let Some(v) = value(i + 1) {
                    return Some((v, i + 1, i + 3));
                }
            }
        }
        // `A.`, `A)`, `A:` (letters) and `1)` (numbers; `1.` would be a paragraph).
        let v = value(i)?;
        let numeric = self.kind(i) == Some(Kind::Num);
        let ok = self.glued(i + 1)
            && match self.kind(i + 1) {
                Some(Kind::Punct(')')) => true,
                Some(Kind::Punct('.' | ':')) => !numeric,
                _ => false,
            };
        // What follows a bullet is spaced from it, or glued to a doubled bullet (`A.BOGOTA` after `A.`
        // is read by the caller as an item start only when sequenced).
        (ok && (self.toks.get(i + 2).is_none_or(|t| t.spaced) || !numeric)).then_some((v, i, i + 2))
    }

    /// Whether the comma at `k` separates thousands (`70,000`): glued between digits.
    fn thousands(&self, k: usize) -> bool {
        k > 0
            && self.kind(k - 1) == Some(Kind::Num)
            && !self.toks[k].spaced
            && self.kind(k + 1) == Some(Kind::Num)
            && self.glued(k + 1)
    }

    /// Whether a paragraph number and marking (`1.(SBU)`, `2. (C)`) starts at token `i`, spaced
    /// from what comes before.
    fn paragraph_at(&self, i: usize) -> bool {
        self.toks[i].spaced
            && self.kind(i) == Some(Kind::Num)
            && self.text(i).len() <= 2
            && self.is_punct(i + 1, '.')
            && self.glued(i + 1)
            && self.is_punct(i + 2, '(')
            && self.kind(i + 3) == Some(Kind::Word)
            && self.glued(i + 3)
            && self.text(i + 3).len() <= 6
            && self.text(i + 3).chars().all(|c| c.is_ascii_uppercase())
            && self.is_punct(i + 4, ')')
            && self.glued(i + 4)
    }

    /// Where the cable's text starts inside the last item, whose content starts at token `from`,
    /// on a line the release joined (longer than [`JOINED_LINE`] bytes): a sentence, a capitalised word of mixed case followed
    /// by a lower-case word, with at least three lower-case words among the next six words
    /// (`… E-MAIL 11/21/2007 Per reftel, Post requests that …`). The item keeps at least one token.
    /// `lines` are the block's lines, sorted, holding every token.
    fn text_start(&self, lines: &[TextRange], from: usize) -> Option<usize> {
        let lower = |i: usize| {
            self.kind(i) == Some(Kind::Word)
                && self.text(i).chars().next().is_some_and(char::is_lowercase)
        };
        let joined = |i: usize| {
            let at = self.toks[i].start as u32;
            let l = lines.partition_point(|l| l.end < at);
            lines.get(l).is_some_and(|l| l.len() > JOINED_LINE)
        };
        (from + 1..self.toks.len()).find(|&i| {
            let t = self.toks[i];
            if !t.spaced {
                return false;
            }
            if self.lower_case || t.kind != Kind::Word || !lower(i + 1) {
                return false;
            }
            let w = self.text(i);
            let mixed = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase);
            if !mixed || !joined(i) {
                return false;
            }
            let words = (i + 1..self.toks.len())
                .filter(|&j| self.kind(j) == Some(Kind::Word))
                .take(6);
            words.filter(|&j| lower(j)).count() >= 3
        })
    }

    /// An item from its content tokens `[from, to)`.
    fn item(&self, letter: Option<usize>, from: usize, to: usize) -> RefItem {
        let letter = letter.map(|l| self.range(l, l));
        let mut references: Vec<Reference> = Vec::new();
        let mut j = from;
        while j < to {
            if self.is_punct(j, ';') || self.is_punct(j, ',') {
                j += 1;
                continue;
            }
            if let Some((cable, mut k)) = self.cable_at(j, to) {
                let mut prev = cable.clone();
                references.push(Reference {
                    range: cable.range,
                    cable: Some(cable),
                });
                // Notes after the serial (`(NOTAL)`, `AND PREVIOUS`, `CIRCULAR`) and chained serials.
                while k < to {
                    if self.is_punct(k, ';') {
                        break;
                    }
                    let joiner = (self.kind(k) == Some(Kind::Word)
                        && self.text(k).eq_ignore_ascii_case("AND"))
                        || self.is_punct(k, '&')
                        || (self.is_punct(k, ',') && !self.thousands(k));
                    if joiner {
                        if let Some((number, year, next)) = self.serial_at(k + 1, to) {
                            let chained = CableRef {
                                range: TextRange::new(
                                    number.range.start as usize,
                                    year.filter(|y| y.range.end > number.range.end)
                                        .map_or(number.range.end, |y| y.range.end)
                                        as usize,
                                ),
                                year: year.or(prev.year),
                                origin: prev.origin,
                                number,
                            };
                            prev = chained.clone();
                            references.push(Reference {
                                range: chained.range,
                                cable: Some(chained),
                            });
                            k = next;
                            continue;
                        }
                    }
                    if self.is_punct(k, ',') && self.cable_at(k + 1, to).is_some() {
                        break;
                    }
                    // Another cable after the notes starts a line, a year or follows a comma
                    // (`2009 CAIRO 2394` / `2009 CAIRO 491`); inside the notes (`CLASS OF 2009`) a
                    // word and a number are not one.
                    let fresh = self.toks[k].line_start
                        || matches!(self.kind(k), Some(Kind::Num | Kind::Punct('\'' | '’')))
                        || (k > 0 && self.is_punct(k - 1, ','));
                    if fresh && self.toks[k].spaced && self.cable_at(k, to).is_some() {
                        break;
                    }
                    k += 1;
                }
                j = k;
                continue;
            }
            // Other text, up to the next `;`.
            let mut k = j;
            while k < to && !self.is_punct(k, ';') {
                k += 1;
            }
            let mut last = k - 1;
            while last > j && matches!(self.kind(last), Some(Kind::Punct(',' | '.'))) {
                last -= 1;
            }
            // Leftovers that cite nothing (`and` before a bullet, `...`) are not references.
            let cites = (j..=last).any(|t| match self.kind(t) {
                Some(Kind::Word) => !self.text(t).eq_ignore_ascii_case("AND"),
                Some(Kind::Num | Kind::Mixed) => true,
                _ => false,
            });
            if cites {
                references.push(Reference {
                    range: self.range(j, last),
                    cable: None,
                });
            }
            j = k;
        }
        let range = match (references.first(), references.last()) {
            (Some(a), Some(b)) => TextRange::new(a.range.start as usize, b.range.end as usize),
            _ => letter.unwrap_or_else(|| {
                self.range(from.min(to.saturating_sub(1)), to.saturating_sub(1))
            }),
        };
        RefItem {
            range,
            letter,
            references,
        }
    }

    /// A serial (1–7 digits, or 8 zero-padded as in a section's continuation header, spec §3.19:
    /// `STATE 00028885`; after `#` or not) at `i` with the year written after it, and the index
    /// after both.
    fn serial_at(&self, i: usize, to: usize) -> Option<(Num, Option<Num>, usize)> {
        let mut i = i;
        if i < to && self.is_punct(i, '#') {
            i += 1;
            if !self.glued(i) {
                return None;
            }
        }
        if i >= to || self.kind(i) != Some(Kind::Num) {
            return None;
        }
        if !serial_width(self.text(i)) {
            return None;
        }
        let number = self.num(i);
        let mut next = i + 1;
        // What is glued after the serial: a year (`-07`), or nothing that makes it a date or a
        // decimal (`10/15/07`, `1.4`).
        let mut year = None;
        if next < to && self.glued(next) {
            match self.kind(next) {
                Some(Kind::Punct('-'))
                    if self.kind(next + 1) == Some(Kind::Num)
                        && self.glued(next + 1)
                        && next + 1 < to =>
                {
                    if !matches!(self.text(next + 1).len(), 2 | 4) {
                        return None;
                    }
                    year = Some(self.num(next + 1));
                    next += 2;
                }
                Some(Kind::Punct('/' | '-' | '.' | ':'))
                    if self
                        .kind(next + 1)
                        .is_some_and(|k| k != Kind::Word && !matches!(k, Kind::Punct(_)))
                        && self.glued(next + 1) =>
                {
                    return None;
                }
                Some(Kind::Punct('/')) => return None,
                _ => {}
            }
        }
        // `(07)` after the serial.
        if year.is_none()
            && next + 2 < to
            && self.is_punct(next, '(')
            && self.kind(next + 1) == Some(Kind::Num)
            && matches!(self.text(next + 1).len(), 2 | 4)
            && self.glued(next + 1)
            && self.is_punct(next + 2, ')')
            && self.glued(next + 2)
        {
            year = Some(self.num(next + 1));
            next += 3;
        }
        Some((number, year, next))
    }

    /// A cable reference starting at `i`, and the index after it.
    fn cable_at(&self, i: usize, to: usize) -> Option<(CableRef, usize)> {
        if self.kind(i) == Some(Kind::Mixed) {
            return self.glued_id(i);
        }
        let mut j = i;
        let mut year = None;
        // `'07`
        if self.is_punct(j, '\'') || self.is_punct(j, '’') {
            if self.kind(j + 1) == Some(Kind::Num)
                && self.glued(j + 1)
                && self.text(j + 1).len() == 2
            {
                year = Some(self.num(j + 1));
                j += 2;
            } else {
                return None;
            }
        } else if self.kind(j) == Some(Kind::Num) {
            let t = self.text(j);
            let plausible =
                t.len() == 2 || (t.len() == 4 && (t.starts_with("19") || t.starts_with("20")));
            if !plausible || self.kind(j + 1) != Some(Kind::Word) || self.glued(j + 1) {
                return None;
            }
            year = Some(self.num(j));
            j += 1;
        }
        // The origin: one to four words, capitalised unless the whole block is in lower case
        // (particles such as `de` excepted), and not starting with a particle.
        let origin_start = j;
        while j < to
            && self.kind(j) == Some(Kind::Word)
            && (j == origin_start || self.toks[j].spaced)
        {
            let w = self.text(j);
            let particle = PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(w));
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if is_stop_word(w)
                || (j == origin_start && particle)
                || (!capital && !particle && !self.lower_case)
            {
                return None;
            }
            j += 1;
        }
        let words = j - origin_start;
        if words == 0 || words > 4 {
            return None;
        }
        let origin = self.range(origin_start, j - 1);
        // `STATE: 456`
        if j < to && self.is_punct(j, ':') && self.glued(j) {
            j += 1;
        }
        if j >= to || !(self.toks[j].spaced || self.is_punct(j, '#')) {
            return None;
        }
        let (number, late_year, next) = self.serial_at(j, to)?;
        let end = self.toks[next - 1].end;
        let start = self.toks[i].start;
        Some((
            CableRef {
                range: TextRange::new(start, end),
                year: year.or(late_year),
                origin,
                number,
            },
            next,
        ))
    }

    /// An id written as one word, `07TOKYO1448`.
    fn glued_id(&self, i: usize) -> Option<(CableRef, usize)> {
        let t = self.text(i);
        let [y, o, n] = glued_id_parts(t)?;
        let base = self.toks[i].start;
        let at = |(start, end): (usize, usize)| TextRange::new(base + start, base + end);
        Some((
            CableRef {
                range: self.range(i, i),
                year: Some(Num {
                    range: at(y),
                    value: t[y.0..y.1].parse().ok()?,
                }),
                origin: at(o),
                number: Num {
                    range: at(n),
                    value: t[n.0..n.1].parse().ok()?,
                },
            },
            i + 1,
        ))
    }
}

/// Whether `digits` has the width of a cable serial: 1 to 7 digits (cablemap's bound, spec
/// §3.14), or the 8 of the six-digit banner serial zero-padded as the continuation header writes
/// it (`00028885`, spec §3.19 `serial8`). Other numbers of 8 digits are no cable's (a report
/// number, `06243883`).
fn serial_width(digits: &str) -> bool {
    (1..=7).contains(&digits.len()) || (digits.len() == 8 && digits.starts_with("00"))
}

/// The pattern of an id written as one word. [`glued_id_parts`] matches it by hand on ASCII words
/// (compiling it took 3.3 M instructions at the first use in a process); the regex only reads
/// words with other characters, where its Unicode `\d` may match, and a test compares the two.
static GLUED_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{2})([A-Z]{3,})(\d{1,7}|00\d{6})$").expect("valid regex"));

/// The byte ranges of the year, origin and number of an id written as one word (`07TOKYO1448`),
/// as [`GLUED_ID`]'s three groups would give them.
fn glued_id_parts(t: &str) -> Option<[(usize, usize); 3]> {
    if !t.is_ascii() {
        let c = GLUED_ID.captures(t)?;
        let g = |i: usize| c.get(i).map(|m| (m.start(), m.end()));
        return Some([g(1)?, g(2)?, g(3)?]);
    }
    let b = t.as_bytes();
    if b.len() < 6 || !b[..2].iter().all(u8::is_ascii_digit) {
        return None;
    }
    // Capital letters and digits do not overlap: the origin is the whole run of capitals.
    let letters = b[2..].iter().take_while(|c| c.is_ascii_uppercase()).count();
    (letters >= 3
        && serial_width(&t[2 + letters..])
        && b[2 + letters..].iter().all(u8::is_ascii_digit))
    .then_some([(0, 2), (2, 2 + letters), (2 + letters, b.len())])
}

/// Words that name documents other than cables, or dates (every month, so that `08 JAN 08` is a
/// date, not a cable of a post `JAN`): an origin never contains them.
fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        "AND",
        "APRIL",
        "APR",
        "ANNEX",
        "APPENDIX",
        "ARTICLE",
        "ATTACHMENT",
        "ATTACHMENTS",
        "ENCLOSURE",
        "ENCLOSURES",
        "EXHIBIT",
        "TAB",
        "AUG",
        "AUGUST",
        "CALL",
        "CALLS",
        "CONVERSATION",
        "DAILY",
        "DATED",
        "DEC",
        "DECEMBER",
        "DIPNOTE",
        "DISCUSSION",
        "DRAFT",
        "DTG",
        "E-MAIL",
        "E-MAILS",
        "EMAIL",
        "EMAILS",
        "FAH",
        "FAM",
        "FAX",
        "FEB",
        "FEBRUARY",
        "FOR",
        "FROM",
        "IIR",
        "JAN",
        "JANUARY",
        "JUL",
        "JULY",
        "JUN",
        "JUNE",
        "LETTER",
        "MAR",
        "MARCH",
        "MAY",
        "MEETING",
        "MEMO",
        "MEMORANDUM",
        "MSG",
        "MESSAGE",
        "NON-PAPER",
        "NONPAPER",
        "NOTE",
        "NOV",
        "NOVEMBER",
        "OCT",
        "OCTOBER",
        "OSC",
        "PAPER",
        "PHONE",
        "POINTS",
        "REPORT",
        "REPORTS",
        "RESOLUTION",
        "SEP",
        "SEPT",
        "SEPTEMBER",
        "SITE",
        "TELCON",
        "TELECON",
        "TELEPHONE",
        "THRU",
        "UNSCR",
        "VIA",
        "WEBSITE",
        "REF",
        "REFS",
        "REFTEL",
        "REFTELS",
        "SPRING",
        "SUMMER",
        "FALL",
        "WINTER",
        "INCSR",
        "SECTION",
        "PARA",
        "PARAGRAPH",
        "PAGE",
    ];
    let upper = word.to_ascii_uppercase();
    STOP.contains(&upper.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(label, text, cable ids as year?+ORIGIN+serial)` for one block.
    fn read(text: &str) -> Vec<(Option<String>, Vec<String>)> {
        let items = parse_items(
            text,
            &text
                .split_inclusive('\n')
                .scan(0usize, |at, l| {
                    let s = *at;
                    *at += l.len();
                    Some(TextRange::new(
                        s,
                        s + l.trim_end_matches(['\n', '\r']).len(),
                    ))
                })
                .collect::<Vec<_>>(),
        );
        items
            .iter()
            .map(|i| {
                (
                    i.letter.map(|l| text[l.as_range()].to_string()),
                    i.references
                        .iter()
                        .map(|r| match &r.cable {
                            Some(c) => format!(
                                "{}|{}|{}",
                                c.year.map_or(String::new(), |y| y.value.to_string()),
                                &text[c.origin.as_range()],
                                c.number.value
                            ),
                            None => format!("other:{}", &text[r.range.as_range()]),
                        })
                        .collect(),
                )
            })
            .collect()
    }

    fn one(label: Option<&str>, refs: &[&str]) -> (Option<String>, Vec<String>) {
        (
            label.map(String::from),
            refs.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn a_date_is_no_cable_of_a_post_named_after_its_month() {
        // Day, month and year of a meeting or a report: other text, not `08 JAN 08` the cable.
        assert_eq!(
            read("08 JAN 08 KABUL READOUT (PROVINCIAL COUNCIL)"),
            vec![one(
                None,
                &["other:08 JAN 08 KABUL READOUT (PROVINCIAL COUNCIL)"]
            )]
        );
        assert_eq!(
            read("A. 12 September 2007 MEETING B. 07 OSLO 88"),
            vec![
                one(Some("A"), &["other:12 September 2007 MEETING"]),
                one(Some("B"), &["7|OSLO|88"]),
            ]
        );
        // A post whose name is no month is still read.
        assert_eq!(read("08 MADRID 12"), vec![one(None, &["8|MADRID|12"])]);
    }

    #[test]
    fn bullets_of_every_form() {
        assert_eq!(
            read("A. TOKYO 1 B) TOKYO 2 (C) TOKYO 3 [D] TOKYO 4 E: TOKYO 5"),
            vec![
                one(Some("A"), &["|TOKYO|1"]),
                one(Some("B"), &["|TOKYO|2"]),
                one(Some("C"), &["|TOKYO|3"]),
                one(Some("D"), &["|TOKYO|4"]),
                one(Some("E"), &["|TOKYO|5"]),
            ]
        );
        assert_eq!(
            read("(1) STATE 12\n(2) STATE 13"),
            vec![
                one(Some("1"), &["|STATE|12"]),
                one(Some("2"), &["|STATE|13"])
            ]
        );
        assert_eq!(
            read("A. A) SECSTATE 54183 B. B) 07 BRASILIA 1868"),
            vec![
                one(Some("A"), &["|SECSTATE|54183"]),
                one(Some("B"), &["7|BRASILIA|1868"]),
            ]
        );
        assert_eq!(
            read("(A)STATE 071143, (B)STATE 073601"),
            vec![
                one(Some("A"), &["|STATE|71143"]),
                one(Some("B"), &["|STATE|73601"]),
            ]
        );
        assert_eq!(
            read("a. 05 state 201650\nB. 05 berlin 3726"),
            vec![
                one(Some("a"), &["5|state|201650"]),
                one(Some("B"), &["5|berlin|3726"]),
            ]
        );
    }

    #[test]
    fn several_cables_years_and_origins() {
        assert_eq!(
            read("STATE 1234; 07 STATE 5678 AND 9012"),
            vec![one(None, &["|STATE|1234", "7|STATE|5678", "7|STATE|9012"])]
        );
        assert_eq!(read("STATE 123 (07)"), vec![one(None, &["7|STATE|123"])]);
        assert_eq!(read("STATE 123-07"), vec![one(None, &["7|STATE|123"])]);
        assert_eq!(read("'07 STATE 123"), vec![one(None, &["7|STATE|123"])]);
        assert_eq!(
            read("2007 Sao Paulo 56"),
            vec![one(None, &["2007|Sao Paulo|56"])]
        );
        assert_eq!(
            read("PORT-OF-SPAIN 123"),
            vec![one(None, &["|PORT-OF-SPAIN|123"])]
        );
        assert_eq!(read("STATE: 456"), vec![one(None, &["|STATE|456"])]);
        assert_eq!(read("TOKYO #3565"), vec![one(None, &["|TOKYO|3565"])]);
        assert_eq!(read("07TOKYO1448"), vec![one(None, &["7|TOKYO|1448"])]);
        assert_eq!(
            read("(D)BEIJING \n5361, (E) STATE 148514"),
            vec![
                one(Some("D"), &["|BEIJING|5361"]),
                one(Some("E"), &["|STATE|148514"])
            ]
        );
        assert_eq!(
            read("BARCELONA 166 AND PREVIOUS"),
            vec![one(None, &["|BARCELONA|166"])]
        );
        assert_eq!(
            read("05 BOGOTA 8932 (NOTAL)"),
            vec![one(None, &["5|BOGOTA|8932"])]
        );
    }

    #[test]
    fn a_serial_zero_padded_to_eight_digits_is_a_serial() {
        // The width of the continuation header's serial (spec §3.19), written out or glued.
        assert_eq!(read("STATE 00028885"), vec![one(None, &["|STATE|28885"])]);
        assert_eq!(
            read("A. 08 OSLO 00000412 B. OSLO 17"),
            vec![
                one(Some("A"), &["8|OSLO|412"]),
                one(Some("B"), &["|OSLO|17"])
            ]
        );
        assert_eq!(read("07TOKYO00001448"), vec![one(None, &["7|TOKYO|1448"])]);
        // Eight digits that are not a six-digit serial zero-padded, and nine, are no serial.
        assert_eq!(
            read("STATE 12345678"),
            vec![one(None, &["other:STATE 12345678"])]
        );
        assert_eq!(
            read("HOTR WASHINGTON 06243883"),
            vec![one(None, &["other:HOTR WASHINGTON 06243883"])]
        );
        assert_eq!(
            read("STATE 000028885"),
            vec![one(None, &["other:STATE 000028885"])]
        );
    }

    #[test]
    fn repeated_labels_and_joined_authorities() {
        assert_eq!(
            read("REF A) QUITO 83; REF B) QUITO 91\nREF C) 09 QUITO 885"),
            vec![
                one(Some("A"), &["|QUITO|83"]),
                one(Some("B"), &["|QUITO|91"]),
                one(Some("C"), &["9|QUITO|885"]),
            ]
        );
        assert_eq!(
            read("A) State 16319; B) Reykjavik 00020; and C) State 15111"),
            vec![
                one(Some("A"), &["|State|16319"]),
                one(Some("B"), &["|Reykjavik|20"]),
                one(Some("C"), &["|State|15111"]),
            ]
        );
        assert_eq!(
            read(
                "A. 08 TRIPOLI 120 - EXTREMISM IN EASTERN LIBYA B. 05 TRIPOLI 255 CLASSIFIED BY: X"
            ),
            vec![
                one(Some("A"), &["8|TRIPOLI|120"]),
                one(Some("B"), &["5|TRIPOLI|255"])
            ]
        );
        assert_eq!(
            read("(A)STATE 118258, (B)STATE 146306, (B)STATE 178055"),
            vec![
                one(Some("A"), &["|STATE|118258"]),
                one(Some("B"), &["|STATE|146306"]),
                one(Some("B"), &["|STATE|178055"]),
            ]
        );
    }

    #[test]
    fn text_joined_onto_the_block_ends_the_last_item() {
        let prose =
            " Per reftel, Post requests that the invented minister be added to the list of \
            invitees for the conference. The ministry has shown keen interest in the subject and \
            could send a large delegation; participation by the ministry would be a step forward.";
        assert_eq!(
            read(&format!(
                "A) STATE 1234, B) SMITH-JONES E-MAIL 11/21/2007{prose}"
            )),
            vec![
                one(Some("A"), &["|STATE|1234"]),
                one(Some("B"), &["other:SMITH-JONES E-MAIL 11/21/2007"]),
            ]
        );
        assert_eq!(
            read("STATE 148540 1. (U) Officers delivered the points on 4 March 2009."),
            vec![one(None, &["|STATE|148540"])]
        );
        let text = "CAIRO 1802 Sensitive but Unclassified. Please handle accordingly. 1.(SBU) \
            Key Points: the ministry will give 70,000 doses to health workers and pilgrims, 3,000 \
            more later, and report back to the invented committee at the end of the month.";
        assert_eq!(read(text), vec![one(None, &["|CAIRO|1802"])]);
        // On a line of ordinary length, mixed-case prose is an item's text.
        assert_eq!(
            read("A) State 16319; B) Embassy e-mail of March 3 to the desk"),
            vec![
                one(Some("A"), &["|State|16319"]),
                one(Some("B"), &["other:Embassy e-mail of March 3 to the desk"]),
            ]
        );
    }

    #[test]
    fn other_documents_are_not_cables() {
        assert_eq!(
            read("A) TALLINN 366 B) LEE-GOLDSTEIN EMAIL 05/11/07\nB) TALLINN 347"),
            vec![
                one(Some("A"), &["|TALLINN|366"]),
                one(Some("B"), &["other:LEE-GOLDSTEIN EMAIL 05/11/07"]),
                one(Some("B"), &["|TALLINN|347"]),
            ]
        );
        assert_eq!(
            read("SECDEF 122723; CAIRO IIR 6 899 0149 10; 2009 CAIRO 2394"),
            vec![one(
                None,
                &[
                    "|SECDEF|122723",
                    "other:CAIRO IIR 6 899 0149 10",
                    "2009|CAIRO|2394"
                ]
            )]
        );
        for text in [
            "SECDEF MSG DTG 301601z SEP 08",
            "PARIS POINTS JULY 15",
            "7 FAM 180",
            "OSC EUP20080707950031",
            "TELCON 5/12/08",
            "ATTACHMENT 1 TO LOR 08-135 TOTAL PACKAGE REQUIREMENTS",
            "ANNEX 2 OF THE INVENTED AGREEMENT",
            "EMBASSY PARIS DAILY REPORT FOR OCTOBER 28 - NOVEMBER 16",
        ] {
            let got = read(text);
            assert_eq!(got.len(), 1, "{text}");
            assert!(
                got[0].1.iter().all(|r| r.starts_with("other:")),
                "{text}: {got:?}"
            );
        }
    }
}

#[cfg(test)]
mod glued_id_tests {
    use super::*;

    #[test]
    fn hand_matcher_agrees_with_the_regex() {
        let by_regex = |t: &str| {
            let c = GLUED_ID.captures(t)?;
            let g = |i: usize| c.get(i).map(|m| (m.start(), m.end()));
            Some([g(1)?, g(2)?, g(3)?])
        };
        let words = [
            "07TOKYO1448",
            "07TOKYO1234567",
            "07TOKYO12345678",
            "07TOKYO01234567",
            "07TOKYO00123456",
            "07TOKYO012345678",
            "07TOK1",
            "07TO1",
            "7TOKYO1448",
            "077TOKYO1448",
            "07TOKYO",
            "07Tokyo1448",
            "07TOKYO1448A",
            "07TOKYO14A48",
            "07USUNNEWYORK1",
            "",
            "07",
            // Wide characters go to the regex, whose `\d` matches other scripts' digits.
            "٠٧TOKYO1448",
            "07TOKYO١٤٤٨",
            "07TÖKYO1448",
        ];
        for t in words {
            assert_eq!(glued_id_parts(t), by_regex(t), "{t:?}");
        }
        assert_eq!(
            glued_id_parts("07TOKYO1448"),
            Some([(0, 2), (2, 7), (7, 11)])
        );
        assert_eq!(
            glued_id_parts("07TOKYO١٤٤٨"),
            Some([(0, 2), (2, 7), (7, 15)])
        );
    }
}
