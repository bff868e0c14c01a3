//! Semantic tokens: classification levels, markings, tags, routing indicators, addresses, precedences,
//! numbers and dates, so that editors without a cable grammar still colour a cable.

use crate::data::Tables;
use crate::syntax::{Cable, EoValue, TextRange};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Labels and prosigns: `E.O.`, `TAGS:`, `SUBJECT:`, `REF:`, `FM`, `TO`, `DE`, `ZNY`, `ZZH`.
    Keyword,
    /// A classification level: the banner's words, the security line's code.
    Level,
    /// A portion marking `(C)`, `(S//NF)`.
    Marking,
    Tag,
    RoutingIndicator,
    /// A plain-language address or an origin (`AMEMBASSY TOKYO`, `TOKYO`).
    Address,
    Precedence,
    Number,
    Date,
    Caption,
    /// A reference to another cable in `REF`.
    Reference,
    /// Summary, comment and note openers and closers.
    Marker,
    /// A page continuation header.
    Continuation,
}

impl TokenKind {
    pub const ALL: [TokenKind; 13] = [
        TokenKind::Keyword,
        TokenKind::Level,
        TokenKind::Marking,
        TokenKind::Tag,
        TokenKind::RoutingIndicator,
        TokenKind::Address,
        TokenKind::Precedence,
        TokenKind::Number,
        TokenKind::Date,
        TokenKind::Caption,
        TokenKind::Reference,
        TokenKind::Marker,
        TokenKind::Continuation,
    ];
}

/// What else a token is, besides its kind. How these travel to the editor is the server's business.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenModifiers {
    /// A retired tag.
    pub deprecated: bool,
    /// A level or marking of CONFIDENTIAL or above.
    pub classified: bool,
}

const PLAIN: TokenModifiers = TokenModifiers {
    deprecated: false,
    classified: false,
};

const CLASSIFIED: TokenModifiers = TokenModifiers {
    deprecated: false,
    classified: true,
};

/// One token; it never spans a line break, and tokens never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SemanticToken {
    pub range: TextRange,
    pub kind: TokenKind,
    pub modifiers: TokenModifiers,
}

/// The tokens found so far, in any order.
struct Tokens<'c, 'a> {
    cable: &'c Cable<'a>,
    raw: Vec<SemanticToken>,
}

impl Tokens<'_, '_> {
    fn add_with(&mut self, range: TextRange, kind: TokenKind, modifiers: TokenModifiers) {
        if !range.is_empty() && range.end() <= self.cable.src.len() {
            self.raw.push(SemanticToken {
                range,
                kind,
                modifiers,
            });
        }
    }

    fn add(&mut self, range: TextRange, kind: TokenKind) {
        self.add_with(range, kind, PLAIN);
    }

    /// The first word of a range (`DE`, `FM`).
    fn first_word(&self, range: TextRange) -> TextRange {
        let text = self.cable.text(range);
        let len = text.find(char::is_whitespace).unwrap_or(text.len());
        range.sub(0, len)
    }
}

/// The semantic tokens of a cable in document order.
pub fn semantic_tokens(cable: &Cable<'_>, tables: &Tables) -> Vec<SemanticToken> {
    let mut t = Tokens {
        cable,
        raw: Vec::new(),
    };
    header_lines(&mut t);
    addressees(&mut t);
    banners_and_captions(&mut t);
    eo_line(&mut t);
    tags_and_subject(&mut t, tables);
    refs_and_authority(&mut t);
    text_parts(&mut t);

    // Document order, no overlaps (the earlier, longer token wins), no token across a line break.
    let mut raw = t.raw;
    raw.sort_by_key(|t| (t.range.start, std::cmp::Reverse(t.range.end)));
    let mut out = Vec::with_capacity(raw.len());
    let mut last_end = 0u32;
    for t in raw {
        if t.range.start < last_end {
            continue;
        }
        last_end = t.range.end;
        split_lines(cable, t, &mut out);
    }
    out
}

/// FL1 to FL5, the DE line and the FM line.
fn header_lines(t: &mut Tokens<'_, '_>) {
    let h = &t.cable.header;
    if let Some(x) = &h.transmission {
        t.add(x.range, TokenKind::Keyword);
    }
    if let Some(r) = &h.routing {
        t.add(r.prosign, TokenKind::Precedence);
        for &ri in &r.indicators {
            t.add(ri, TokenKind::RoutingIndicator);
        }
    }
    if let Some(d) = &h.de {
        t.add(t.first_word(d.range), TokenKind::Keyword);
        if let Some(s) = d.station {
            t.add(s, TokenKind::RoutingIndicator);
        }
        for n in [d.serial, d.section, d.julian_day, d.time]
            .into_iter()
            .flatten()
        {
            t.add(n.range, TokenKind::Number);
        }
    }
    security_line(t);
    if let Some(d) = &h.dtg {
        t.add(d.precedence, TokenKind::Precedence);
        if let Some((tok, _)) = d.info_precedence {
            t.add(tok, TokenKind::Precedence);
        }
        if let Some(g) = d.dtg {
            t.add(g.range, TokenKind::Date);
        }
        for &sig in &d.signals {
            t.add(sig, TokenKind::Keyword);
        }
    }
    if let Some(f) = &h.fm {
        t.add(t.first_word(f.range), TokenKind::Keyword);
        if let Some(p) = f.plad {
            t.add(p, TokenKind::Address);
        }
    }
}

fn security_line(t: &mut Tokens<'_, '_>) {
    let Some(s) = &t.cable.header.security else {
        return;
    };
    t.add(s.prefix, TokenKind::Keyword);
    if let Some(code) = s.code {
        let classified = s.level.is_some_and(|c| c.level().is_classified());
        let m = if classified { CLASSIFIED } else { PLAIN };
        t.add_with(code, TokenKind::Level, m);
    }
    for &sig in &s.signals {
        t.add(sig, TokenKind::Keyword);
    }
}

fn addressees(t: &mut Tokens<'_, '_>) {
    for a in &t.cable.header.addressees {
        if let Some(k) = a.keyword {
            t.add(k, TokenKind::Keyword);
        }
        if let Some(ri) = a.routing_indicator {
            t.add(ri, TokenKind::RoutingIndicator);
        }
        if let Some(ad) = a.address {
            t.add(ad, TokenKind::Address);
        }
        if let Some(p) = a.precedence {
            t.add(p.range, TokenKind::Precedence);
        }
        if let Some(m) = a.mcn {
            t.add(m, TokenKind::Number);
        }
    }
}

fn banners_and_captions(t: &mut Tokens<'_, '_>) {
    let b = &t.cable.body;
    for banner in std::iter::once(b.banner.as_ref())
        .flatten()
        .chain(b.repeated_banners.iter())
    {
        let m = if banner.level.is_classified() {
            CLASSIFIED
        } else {
            PLAIN
        };
        t.add_with(banner.level_token, TokenKind::Level, m);
        if let Some(r) = banner.section_range {
            t.add(r, TokenKind::Keyword);
        }
        if let Some(o) = banner.origin {
            t.add(o, TokenKind::Address);
        }
        if let Some(s) = banner.serial {
            t.add(s.range, TokenKind::Number);
        }
    }
    for c in &b.captions {
        t.add(c.range, TokenKind::Caption);
    }
}

fn eo_line(t: &mut Tokens<'_, '_>) {
    let Some(eo) = &t.cable.body.eo else {
        return;
    };
    t.add(eo.label, TokenKind::Keyword);
    if let Some(n) = eo.number {
        t.add(n.range, TokenKind::Number);
    }
    match &eo.value {
        EoValue::Decl { keyword, spec, .. } => {
            t.add(*keyword, TokenKind::Keyword);
            if let Some(s) = spec {
                t.add(*s, TokenKind::Date);
            }
        }
        EoValue::BareDate(_, r) => t.add(*r, TokenKind::Date),
        EoValue::NotApplicable => {
            if let Some(r) = eo.value_range {
                t.add(r, TokenKind::Keyword);
            }
        }
        _ => {}
    }
}

fn tags_and_subject(t: &mut Tokens<'_, '_>, tables: &Tables) {
    let b = &t.cable.body;
    if let Some(tags) = &b.tags {
        t.add(tags.label, TokenKind::Keyword);
        for tok in &tags.tokens {
            let retired = tables
                .tag(t.cable.text(tok.code))
                .is_some_and(|t| t.retired);
            let m = TokenModifiers {
                deprecated: retired,
                ..PLAIN
            };
            t.add_with(tok.code, TokenKind::Tag, m);
        }
    }
    if let Some(s) = &b.subject {
        t.add(s.label, TokenKind::Keyword);
        if let Some(m) = &s.marking {
            t.add_with(m.range, TokenKind::Marking, marking_modifiers(m));
        }
    }
}

fn refs_and_authority(t: &mut Tokens<'_, '_>) {
    let b = &t.cable.body;
    if let Some(r) = &b.refs {
        t.add(r.label, TokenKind::Keyword);
        for item in &r.items {
            if let Some(l) = item.letter {
                t.add(l, TokenKind::Keyword);
            }
            for c in item.references.iter().filter_map(|r| r.cable.as_ref()) {
                t.add(c.range, TokenKind::Reference);
            }
        }
    }
    if let Some(c) = &b.classified_by {
        t.add(c.label, TokenKind::Keyword);
        if let Some(s) = c.section {
            t.add(s, TokenKind::Number);
        }
        for &(r, _) in &c.letters {
            t.add(r, TokenKind::Keyword);
        }
    }
}

/// Paragraph numbers and markings, continuation headers, summary and comment markers.
fn text_parts(t: &mut Tokens<'_, '_>) {
    let b = &t.cable.body;
    for p in &b.paragraphs {
        t.add(p.number.range, TokenKind::Number);
        if let Some(m) = &p.marking {
            t.add_with(m.range, TokenKind::Marking, marking_modifiers(m));
        }
    }
    for c in &b.continuations {
        t.add(c.range, TokenKind::Continuation);
    }
    for m in &b.markers {
        t.add(m.range, TokenKind::Marker);
    }
    for &e in &b.end_markers {
        t.add(e, TokenKind::Keyword);
    }
}

fn marking_modifiers(m: &crate::syntax::Marking) -> TokenModifiers {
    if m.level
        .is_some_and(|l| l >= crate::vocab::Level::Confidential)
    {
        CLASSIFIED
    } else {
        PLAIN
    }
}

/// Pushes a token, cut into one piece per line when it spans line breaks.
fn split_lines(cable: &Cable<'_>, t: SemanticToken, out: &mut Vec<SemanticToken>) {
    let first = cable.line_index.line_of(t.range.start());
    let last = cable.line_index.line_of(t.range.end());
    if first == last {
        out.push(t);
        return;
    }
    for line in first..=last {
        let Some(lr) = cable.line_index.line_range(cable.src, line) else {
            break;
        };
        let start = lr.start.max(t.range.start);
        let end = lr.end.min(t.range.end);
        if start < end {
            out.push(SemanticToken {
                range: TextRange { start, end },
                ..t
            });
        }
    }
}
