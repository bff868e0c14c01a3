//! The ACP-127 transmission header: FL1 (`VZCZC…`) to the addressee blocks.

use smallvec::SmallVec;

use super::lex::{all_digits, all_upper, has_prefix, parse_u32, Src};
use super::parser::src_of;
use super::text::TextRange;
use super::tree::*;
use crate::vocab::{edit_distance, full_year, is_routing_indicator, month_number};
use crate::vocab::{Precedence, SecurityCode};

pub struct HeaderParser<'c, 'a> {
    cable: &'c mut Cable<'a>,
}

/// What a header line looks like, before it is read in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Transmission,
    Routing,
    De,
    Security,
    Dtg,
    Fm,
    To,
    Info,
    Xmt,
    Noise,
    Other,
}

fn shape(t: &str) -> Shape {
    let b = t.as_bytes();
    if has_prefix(t, "VZCZC") {
        return Shape::Transmission;
    }
    if has_prefix(t, "DE ") && b.len() > 4 && b[3] == b'R' {
        return Shape::De;
    }
    if has_prefix(t, "ZNR ") || has_prefix(t, "ZNY ") {
        return Shape::Security;
    }
    if has_prefix(t, "FM ") {
        return Shape::Fm;
    }
    if let Some(rest) = t.strip_prefix("TO ") {
        return if is_page_noise(rest) {
            Shape::Noise
        } else {
            Shape::To
        };
    }
    if let Some(rest) = t.strip_prefix("INFO ") {
        return if rest.trim_start().starts_with("LOG-") || is_page_noise(rest) {
            Shape::Noise
        } else {
            Shape::Info
        };
    }
    if has_prefix(t, "XMT ") || has_prefix(t, "XMT/") {
        return Shape::Xmt;
    }
    if b.len() >= 3
        && matches!(&b[..2], b"ZZ" | b"OO" | b"PP" | b"RR" | b"NN")
        && (b.len() == 2 || b[2] == b' ')
    {
        return Shape::Routing;
    }
    // Any other two capitals before routing indicators: a routing line with a wrong prosign,
    // which the routing rule reports.
    if b.len() > 3
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && b[2] == b' '
        && t[3..].split(' ').all(is_routing_indicator)
    {
        return Shape::Routing;
    }
    if is_dtg_line(t) {
        return Shape::Dtg;
    }
    if is_page_noise(t)
        || super::record::is_distribution_line(t)
        || has_prefix(t, "ACTION ")
        || has_prefix(t, "------")
        || has_prefix(t, "O R I G I N")
    {
        return Shape::Noise;
    }
    Shape::Other
}

/// What a header line with its keyword mistyped by one letter is: FL1 (`VZCZXRO0001`, a `VZCZC`
/// with a letter wrong, missing or added before the three-letter channel and the 3–4 digit
/// sequence), the routing line (`O RUEHC RUEHSM`: a prosign one letter from `ZZ`, `OO`, `PP`, `RR`
/// or `NN`, then routing indicators only), the DE line (`DR RUEHNY #0001 3361030`) or the security
/// line (`ZNT SSSSS`: one letter from `ZNY` or `ZNR`, then a five-capital code). `None` for any
/// other line. Only read where the lines around make a header, so that the line's own rule reports
/// the typo instead of the header being lost.
fn misspelt_shape(t: &str) -> Option<Shape> {
    let mut words = t.split(' ').filter(|w| !w.is_empty());
    let first = words.next()?;
    if !first.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let second = words.next();
    if second.is_none() && (9..=14).contains(&first.len()) {
        let letters = first.trim_end_matches(|c: char| c.is_ascii_digit());
        let digits = first.len() - letters.len();
        let fl1 = letters.len() >= 7
            && (3..=4).contains(&digits)
            && letters.bytes().all(|b| b.is_ascii_alphabetic())
            && edit_distance(
                &letters[..letters.len() - 3].to_ascii_uppercase(),
                "VZCZC",
                1,
            )
            .is_some();
        return fl1.then_some(Shape::Transmission);
    }
    let second = second?;
    let near = |words: &[&str]| {
        first.len() <= 3 && words.iter().any(|w| edit_distance(first, w, 1).is_some())
    };
    if near(&["DE"])
        && is_routing_indicator(second)
        && words.next().is_some_and(|w| w.starts_with('#'))
    {
        return Some(Shape::De);
    }
    let code = second.split('/').next().unwrap_or(second);
    if near(&["ZNY", "ZNR"]) && code.len() == 5 && all_upper(code) {
        return Some(Shape::Security);
    }
    if first.bytes().all(|b| b.is_ascii_uppercase())
        && near(&["ZZ", "OO", "PP", "RR", "NN"])
        && is_routing_indicator(second)
        && words.all(is_routing_indicator)
    {
        return Some(Shape::Routing);
    }
    None
}

/// Whether a line can start a transmission header (FL1 to FL6).
pub(super) fn starts_header(t: &str) -> bool {
    matches!(
        shape(t),
        Shape::Transmission | Shape::Routing | Shape::De | Shape::Dtg | Shape::Security | Shape::Fm
    )
}

fn is_page_noise(t: &str) -> bool {
    let t = t.trim_start();
    t.starts_with("PAGE ")
        && t[5..]
            .trim_start()
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit())
}

/// The date-time group read from the first three words of `rest` (`170814Z MAY 07`, the part of
/// a DTG line after its precedences), taking them from `words`; `None` when the first is no
/// `DDHHMMZ`. A month or year that cannot be read is 0 ([`Dtg::valid`] says so).
fn dtg_words<'a>(rest: Src<'a>, words: &mut super::lex::Words<'a>) -> Option<Dtg> {
    let ((s1, _, w1), (s2, e2, w2), (_, e3, w3)) = (words.next()?, words.next()?, words.next()?);
    if !(w1.len() == 7 && all_digits(&w1[..6]) && w1.ends_with('Z')) {
        return None;
    }
    let year = if w3.len() == 2 && all_digits(w3) {
        full_year(parse_u32(w3).unwrap_or(0))
    } else if w3.len() == 4 && all_digits(w3) {
        parse_u32(w3).unwrap_or(0) as i32
    } else {
        0
    };
    Some(Dtg {
        range: rest.range(s1, e3),
        day: parse_u32(&w1[0..2]).unwrap_or(0),
        hour: parse_u32(&w1[2..4]).unwrap_or(99),
        minute: parse_u32(&w1[4..6]).unwrap_or(99),
        month: month_number(w2),
        month_range: rest.range(s2, e2),
        year,
    })
}

/// The date-time group of a DTG line (`P 231625Z JUL 02`, `P R 041820Z JAN 10`), when `src` is
/// one ([`is_dtg_line`]).
pub(super) fn dtg_of_line(src: Src) -> Option<Dtg> {
    if !is_dtg_line(src.text) {
        return None;
    }
    let b = src.text.as_bytes();
    let at = if b.len() > 3 && b[2].is_ascii_uppercase() && b[3] == b' ' {
        4
    } else {
        2
    };
    let rest = src.from(at);
    dtg_words(rest, &mut rest.words())
}

/// `O 170814Z MAY 07` or `P R 041820Z JAN 10`.
fn is_dtg_line(t: &str) -> bool {
    let b = t.as_bytes();
    // Any capital: a wrong precedence letter is the DTG rule's to report.
    let letter = |c: u8| c.is_ascii_uppercase();
    if b.len() < 9 || !letter(b[0]) || b[1] != b' ' {
        return false;
    }
    let rest = if letter(b[2]) && b.get(3) == Some(&b' ') {
        &b[4..]
    } else {
        &b[2..]
    };
    rest.len() >= 7 && rest[..6].iter().all(u8::is_ascii_digit) && rest[6] == b'Z'
}

impl<'c, 'a> HeaderParser<'c, 'a> {
    pub fn new(cable: &'c mut Cable<'a>) -> Self {
        HeaderParser { cable }
    }

    /// Reads the header from line `pos`, when one starts there. Returns the first line after it.
    pub fn run(&mut self, start: usize) -> usize {
        let n = self.cable.lines.len();
        if start >= n {
            return start;
        }
        let first = self.cable.text(self.cable.lines[start].range).trim();
        let begins = matches!(
            shape(first),
            Shape::Transmission
                | Shape::Routing
                | Shape::De
                | Shape::Dtg
                | Shape::Security
                | Shape::Fm
        );
        // A first line with its keyword mistyped starts the header when the next line does.
        let misspelt_first = !begins
            && misspelt_shape(first).is_some()
            && (start + 1..n)
                .map(|i| self.cable.text(self.cable.lines[i].range).trim())
                .find(|t| !t.is_empty())
                .is_some_and(starts_header);
        if !begins && !misspelt_first {
            return start;
        }
        let mut pos = start;
        let mut last_header_line = start;
        let mut block: Option<AddresseeBlock> = None;
        let mut in_routing = false;
        let mut seen_addressee_or_fm = false;
        while pos < n {
            let src = src_of(self.cable, pos).trim();
            let t = src.text;
            if t.is_empty() {
                self.cable.lines[pos].kind = LineKind::Blank;
                in_routing = false;
                if seen_addressee_or_fm && !self.addressee_follows(pos) {
                    break;
                }
                pos += 1;
                continue;
            }
            let mut sh = shape(t);
            if sh == Shape::Other && block.is_none() && !seen_addressee_or_fm {
                sh = misspelt_shape(t).unwrap_or(sh);
            }
            let kind = match sh {
                Shape::Transmission if self.cable.header.transmission.is_none() => {
                    self.transmission(src);
                    LineKind::Transmission
                }
                Shape::Routing if self.cable.header.routing.is_none() => {
                    self.routing(src, true);
                    in_routing = true;
                    LineKind::Routing
                }
                Shape::De if self.cable.header.de.is_none() => {
                    in_routing = false;
                    self.de(src);
                    LineKind::De
                }
                Shape::Security if self.cable.header.security.is_none() => {
                    self.security(src);
                    LineKind::Security
                }
                Shape::Dtg if self.cable.header.dtg.is_none() => {
                    self.dtg(src);
                    LineKind::Dtg
                }
                Shape::Fm if self.cable.header.fm.is_none() => {
                    seen_addressee_or_fm = true;
                    let plad = src.from(3).trim();
                    self.cable.header.fm = Some(FmLine {
                        range: src.full(),
                        plad: (!plad.text.is_empty()).then(|| plad.full()),
                    });
                    LineKind::Fm
                }
                Shape::To | Shape::Info | Shape::Xmt => {
                    seen_addressee_or_fm = true;
                    let b = match sh {
                        Shape::To => AddresseeBlock::To,
                        Shape::Info => AddresseeBlock::Info,
                        _ => AddresseeBlock::Xmt,
                    };
                    block = Some(b);
                    self.addressee(src, b, true);
                    LineKind::Addressee
                }
                Shape::Noise => {
                    // A page header on the `TO` or `INFO` line of a received copy opens the block
                    // whose addressees follow it (spec §3.7).
                    if super::record::is_page_header(t) {
                        if t.starts_with("TO ") {
                            block = Some(AddresseeBlock::To);
                            seen_addressee_or_fm = true;
                        } else if t.starts_with("INFO ") {
                            block = Some(AddresseeBlock::Info);
                            seen_addressee_or_fm = true;
                        }
                        self.cable.artifacts.push(Artifact {
                            range: src.full(),
                            kind: ArtifactKind::PageHeader,
                        });
                    }
                    LineKind::HeaderNoise
                }
                _ if in_routing
                    && t.split(' ')
                        .all(|w| w.is_empty() || is_routing_indicator(w)) =>
                {
                    self.routing(src, false);
                    LineKind::Routing
                }
                _ => {
                    if let Some(b) = block {
                        if looks_like_body_start(t) {
                            break;
                        }
                        self.addressee(src, b, false);
                        LineKind::Addressee
                    } else if seen_addressee_or_fm || looks_like_body_start(t) {
                        break;
                    } else {
                        LineKind::Unknown
                    }
                }
            };
            self.cable.lines[pos].kind = kind;
            last_header_line = pos;
            pos += 1;
        }
        let start_r = self.cable.lines[start].range;
        let end_r = self.cable.lines[last_header_line].range;
        self.cable.header.range = Some(start_r.cover(end_r));
        pos
    }

    /// Whether the next non-blank line after `pos` is another addressee line (released headers
    /// sometimes have a blank line inside the addressee list).
    fn addressee_follows(&self, pos: usize) -> bool {
        let Some(next) = (pos + 1..self.cable.lines.len())
            .find(|&i| !self.cable.text(self.cable.lines[i].range).trim().is_empty())
        else {
            return false;
        };
        let t = self.cable.text(self.cable.lines[next].range).trim();
        matches!(shape(t), Shape::To | Shape::Info | Shape::Xmt)
            || t.split_once('/')
                .is_some_and(|(ri, _)| is_routing_indicator(ri))
    }

    fn transmission(&mut self, src: Src) {
        let t = src.text;
        // A mistyped FL1 (`VZCZXRO0001`) is ASCII and at least nine bytes long.
        let rest = &t[5..];
        let channel_len = rest.bytes().take_while(u8::is_ascii_uppercase).count();
        let digits = &rest[channel_len..];
        let valid = channel_len == 3 && (3..=4).contains(&digits.len()) && all_digits(digits);
        let channel = (channel_len > 0).then(|| src.range(5, 5 + channel_len));
        let sequence = (!digits.is_empty()).then(|| src.range(5 + channel_len, t.len()));
        self.cable.header.transmission = Some(Transmission {
            range: src.full(),
            channel,
            sequence,
            valid,
        });
    }

    fn routing(&mut self, src: Src, first: bool) {
        let mut words = src.words();
        if first {
            let (s, e, w) = words.next().expect("routing line has a prosign");
            let precedence = Precedence::from_prosign(w);
            self.cable.header.routing = Some(Routing {
                range: src.full(),
                prosign: src.range(s, e),
                precedence,
                indicators: Vec::new(),
                invalid: Vec::new(),
            });
        }
        let Some(routing) = self.cable.header.routing.as_mut() else {
            return;
        };
        routing.range = routing.range.cover(src.full());
        for (s, e, w) in words {
            if is_routing_indicator(w) {
                routing.indicators.push(src.range(s, e));
            } else {
                routing.invalid.push(src.range(s, e));
            }
        }
    }

    fn de(&mut self, src: Src) {
        let words: Vec<_> = src.words().collect();
        let mut de = DeLine {
            range: src.full(),
            station: None,
            serial: None,
            section: None,
            julian_day: None,
            time: None,
            valid: false,
        };
        if let Some(&(s, e, _)) = words.get(1) {
            de.station = Some(src.range(s, e));
        }
        let mut ok = words.len() == 4
            && words
                .get(1)
                .is_some_and(|w| is_routing_indicator(w.2) && w.2.len() <= 7);
        if let Some(&(s, _e, w)) = words.get(2) {
            if let Some(num) = w.strip_prefix('#') {
                let (ser, sec) = match num.split_once('/') {
                    Some((a, b)) => (a, Some(b)),
                    None => (num, None),
                };
                if let Some(v) = parse_u32(ser) {
                    de.serial = Some(Num {
                        range: src.range(s + 1, s + 1 + ser.len()),
                        value: v,
                    });
                }
                ok &= ser.len() == 4 && all_digits(ser);
                if let Some(sec) = sec {
                    let at = s + 2 + ser.len();
                    if let Some(v) = parse_u32(sec) {
                        de.section = Some(Num {
                            range: src.range(at, at + sec.len()),
                            value: v,
                        });
                    }
                    ok &= sec.len() == 2 && all_digits(sec);
                }
            } else {
                ok = false;
            }
        }
        if let Some(&(s, _e, w)) = words.get(3) {
            if w.len() == 7 && all_digits(w) {
                let j = parse_u32(&w[..3]).unwrap_or(0);
                let hhmm = parse_u32(&w[3..]).unwrap_or(0);
                de.julian_day = Some(Num {
                    range: src.range(s, s + 3),
                    value: j,
                });
                de.time = Some(Num {
                    range: src.range(s + 3, s + 7),
                    value: hhmm,
                });
                ok &= (1..=366).contains(&j) && hhmm / 100 < 24 && hhmm % 100 < 60;
            } else {
                ok = false;
            }
        }
        // A mistyped keyword (`DR RUEHNY …`) makes the line malformed.
        de.valid = ok && words.first().is_some_and(|w| w.2 == "DE");
        self.cable.header.de = Some(de);
    }

    fn security(&mut self, src: Src) {
        let mut words = src.words();
        let (ps, pe, _) = words.next().expect("security line has a prefix");
        let mut line = SecurityLine {
            range: src.full(),
            prefix: src.range(ps, pe),
            code: None,
            level: None,
            signals: Vec::new(),
        };
        if let Some((s, e, w)) = words.next() {
            let code_part = w.split('/').next().unwrap_or(w);
            if code_part.len() == 5 && all_upper(code_part) {
                line.code = Some(src.range(s, e));
                line.level = SecurityCode::from_letter(code_part.as_bytes()[0]);
            } else {
                line.signals.push(src.range(s, e));
            }
        }
        line.signals.extend(signal_tokens(src, &mut words));
        self.cable.header.security = Some(line);
    }

    fn dtg(&mut self, src: Src) {
        let t = src.text;
        let b = t.as_bytes();
        let precedence = src.range(0, 1);
        let precedence_value = Precedence::from_letter(b[0]);
        let mut at = 2;
        let mut info_precedence = None;
        if b.len() > 3 && b[2].is_ascii_uppercase() && b[3] == b' ' {
            info_precedence = Some((src.range(2, 3), Precedence::from_letter(b[2])));
            at = 4;
        }
        let rest = src.from(at);
        let mut words = rest.words();
        let dtg = dtg_words(rest, &mut words);
        let signals = signal_tokens(rest, &mut words);
        self.cable.header.dtg = Some(DtgLine {
            range: src.full(),
            precedence,
            precedence_value,
            info_precedence,
            dtg,
            signals,
        });
    }

    fn addressee(&mut self, src: Src, block: AddresseeBlock, first: bool) {
        let mut body = src;
        let mut keyword = None;
        if first {
            let kw_len = match block {
                AddresseeBlock::To => 2,
                AddresseeBlock::Info => 4,
                AddresseeBlock::Xmt => 3,
            };
            keyword = Some(src.range(0, kw_len));
            body = src.from(kw_len + 1).trim();
        }
        let a = parse_addressee(body, block, keyword);
        self.cable.header.addressees.push(a);
    }
}

/// Reads one addressee (without its block keyword): `[RI/]ADDRESS [PRECEDENCE] [MCN[-MCN]]`.
fn parse_addressee(body: Src, block: AddresseeBlock, keyword: Option<TextRange>) -> Addressee {
    let full = match keyword {
        Some(k) => k.cover(body.full()),
        None => body.full(),
    };
    let mut a = Addressee {
        range: full,
        block,
        keyword,
        routing_indicator: None,
        address: None,
        precedence: None,
        mcn: None,
    };
    let mut rest = body;
    if let Some(slash) = rest.text.find('/') {
        let ri = &rest.text[..slash];
        if (is_routing_indicator(ri) || ri == "ZEN") && !ri.contains(' ') {
            a.routing_indicator = Some(rest.range(0, slash));
            rest = rest.from(slash + 1);
        }
    }
    // Read from the end: MCN, then a precedence word. An addressee is a few words, held without
    // an allocation of their own (this runs on every addressee line).
    let words: SmallVec<[_; 8]> = rest.words().collect();
    let mut end = words.len();
    if end > 0 {
        let w = words[end - 1].2;
        let is_mcn = {
            let mut parts = w.split('-');
            let a = parts.next().unwrap_or("");
            let b = parts.next();
            all_digits(a) && b.is_none_or(all_digits) && parts.next().is_none()
        };
        if is_mcn && end > 1 {
            a.mcn = Some(rest.range(words[end - 1].0, words[end - 1].1));
            end -= 1;
        }
    }
    if end > 1 {
        let (s, e, w) = words[end - 1];
        let niact = end > 2 && words[end - 2].2 == "NIACT";
        if let Some((value, exact)) = precedence_word(w) {
            let (start, value) = if niact && value == Precedence::Immediate {
                (words[end - 2].0, Precedence::NiactImmediate)
            } else {
                (s, value)
            };
            a.precedence = Some(PrecedenceWord {
                range: rest.range(start, e),
                value: Some(value),
                exact,
            });
            end = if niact && value == Precedence::NiactImmediate {
                end - 2
            } else {
                end - 1
            };
        }
    }
    if end > 0 {
        a.address = Some(rest.range(words[0].0, words[end - 1].1));
    }
    a
}

/// Reads a precedence word, allowing misspellings of one or two letters (`PRIORTY`, `PIORITY`).
pub fn precedence_word(w: &str) -> Option<(Precedence, bool)> {
    const WORDS: [Precedence; 4] = [
        Precedence::Priority,
        Precedence::Immediate,
        Precedence::Routine,
        Precedence::Flash,
    ];
    for p in WORDS {
        if w == p.word() {
            return Some((p, true));
        }
    }
    if w.len() < 5 || !all_upper(w) {
        return None;
    }
    for p in WORDS {
        let word = p.word();
        // Two letters swapped (`FLAHS`), or the word cut short after five letters (`PRIOR`).
        let swapped = w.len() == word.len() && w.as_bytes()[0] == word.as_bytes()[0] && {
            let diff: Vec<usize> = (0..w.len())
                .filter(|&i| w.as_bytes()[i] != word.as_bytes()[i])
                .collect();
            diff.len() == 2
                && diff[1] == diff[0] + 1
                && w.as_bytes()[diff[0]] == word.as_bytes()[diff[1]]
                && w.as_bytes()[diff[1]] == word.as_bytes()[diff[0]]
        };
        let cut = p != Precedence::Routine && w.len() < word.len() && word.starts_with(w);
        if swapped || cut {
            return Some((p, false));
        }
    }
    if w.len() < 6 {
        return None;
    }
    for p in WORDS {
        let word = p.word();
        if word.len() >= 7 && w.as_bytes()[0] == word.as_bytes()[0] {
            if let Some(d) = edit_distance(w, word, 2) {
                if d > 0 && (d == 1 || w.len() >= 8) {
                    return Some((p, false));
                }
            }
        }
    }
    None
}

fn signal_tokens(src: Src, words: &mut super::lex::Words) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut paren_start: Option<usize> = None;
    for (s, e, w) in words.by_ref() {
        match paren_start {
            Some(ps) => {
                if w.ends_with(')') {
                    out.push(src.range(ps, e));
                    paren_start = None;
                }
            }
            None => {
                if w.starts_with('(') && !w.ends_with(')') {
                    paren_start = Some(s);
                } else {
                    out.push(src.range(s, e));
                }
            }
        }
    }
    if let Some(ps) = paren_start {
        out.push(src.range(ps, src.text.len()));
    }
    out
}

/// Whether a line is where the text starts (a banner) rather than another addressee line.
fn looks_like_body_start(t: &str) -> bool {
    super::body::banner_level_prefix(t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addressee_lines() {
        let a = parse_addressee(
            Src::new("RUEHBJ/AMEMBASSY BEIJING PRIORITY 7040", 0),
            AddresseeBlock::Info,
            None,
        );
        assert_eq!(a.routing_indicator, Some(TextRange::new(0, 6)));
        assert_eq!(a.address, Some(TextRange::new(7, 24)));
        assert_eq!(a.precedence.unwrap().value, Some(Precedence::Priority));
        assert_eq!(a.mcn, Some(TextRange::new(34, 38)));
        let a = parse_addressee(
            Src::new("RUEHKV/AMEMBASSY KYIV NIACT IMMEDIATE 7881-7884", 0),
            AddresseeBlock::To,
            None,
        );
        assert_eq!(
            a.precedence.unwrap().value,
            Some(Precedence::NiactImmediate)
        );
        assert_eq!(a.address, Some(TextRange::new(7, 21)));
        let a = parse_addressee(
            Src::new("RHEHAAA/NSC WASHDC", 0),
            AddresseeBlock::Info,
            None,
        );
        assert!(a.precedence.is_none() && a.mcn.is_none());
        let a = parse_addressee(
            Src::new("RUEHC/SECSTATE WASHDC PRIORTY 1234", 0),
            AddresseeBlock::To,
            None,
        );
        let p = a.precedence.unwrap();
        assert_eq!((p.value, p.exact), (Some(Precedence::Priority), false));
    }

    #[test]
    fn precedence_words_do_not_swallow_places() {
        assert!(precedence_word("PRETORIA").is_none());
        assert!(precedence_word("WASHDC").is_none());
        assert!(precedence_word("ROUTINE").is_some());
        assert!(precedence_word("PRIO").is_none());
        assert!(precedence_word("FLASH").is_some_and(|(_, exact)| exact));
        assert_eq!(precedence_word("FLAHS"), Some((Precedence::Flash, false)));
        assert_eq!(
            precedence_word("PRIOR"),
            Some((Precedence::Priority, false))
        );
        assert_eq!(
            precedence_word("IMMED"),
            Some((Precedence::Immediate, false))
        );
        assert_eq!(
            precedence_word("PRIOITY"),
            Some((Precedence::Priority, false))
        );
    }
}
