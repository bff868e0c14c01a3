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

/// Token modifiers as bit flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenModifier {
    /// A retired tag.
    Deprecated = 1,
    /// A level or marking of CONFIDENTIAL or above.
    Classified = 2,
}

/// One token; it never spans a line break, and tokens never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SemanticToken {
    pub range: TextRange,
    pub kind: TokenKind,
    /// A set of [`TokenModifier`] bits.
    pub modifiers: u32,
}

/// The semantic tokens of a cable in document order.
pub fn semantic_tokens(cable: &Cable<'_>, tables: &Tables) -> Vec<SemanticToken> {
    let mut raw: Vec<SemanticToken> = Vec::new();
    let mut add = |range: TextRange, kind: TokenKind, modifiers: u32| {
        if !range.is_empty() && range.end() <= cable.src.len() {
            raw.push(SemanticToken {
                range,
                kind,
                modifiers,
            });
        }
    };
    let src = cable.src;
    let first_word = |range: TextRange| {
        let text = &src[range.as_range()];
        let len = text.find(char::is_whitespace).unwrap_or(text.len());
        range.sub(0, len)
    };
    let h = &cable.header;
    if let Some(t) = &h.transmission {
        add(t.range, TokenKind::Keyword, 0);
    }
    if let Some(r) = &h.routing {
        add(r.prosign, TokenKind::Precedence, 0);
        for &ri in &r.indicators {
            add(ri, TokenKind::RoutingIndicator, 0);
        }
    }
    if let Some(d) = &h.de {
        add(first_word(d.range), TokenKind::Keyword, 0);
        if let Some(s) = d.station {
            add(s, TokenKind::RoutingIndicator, 0);
        }
        for n in [d.serial, d.section, d.julian_day, d.time]
            .into_iter()
            .flatten()
        {
            add(n.range, TokenKind::Number, 0);
        }
    }
    if let Some(s) = &h.security {
        add(s.prefix, TokenKind::Keyword, 0);
        if let Some(code) = s.code {
            let classified = s.level.is_some_and(|c| c.level().is_classified());
            add(
                code,
                TokenKind::Level,
                if classified {
                    TokenModifier::Classified as u32
                } else {
                    0
                },
            );
        }
        for &sig in &s.signals {
            add(sig, TokenKind::Keyword, 0);
        }
    }
    if let Some(d) = &h.dtg {
        add(d.precedence, TokenKind::Precedence, 0);
        if let Some((tok, _)) = d.info_precedence {
            add(tok, TokenKind::Precedence, 0);
        }
        if let Some(g) = d.dtg {
            add(g.range, TokenKind::Date, 0);
        }
        for &sig in &d.signals {
            add(sig, TokenKind::Keyword, 0);
        }
    }
    if let Some(f) = &h.fm {
        add(first_word(f.range), TokenKind::Keyword, 0);
        if let Some(p) = f.plad {
            add(p, TokenKind::Address, 0);
        }
    }
    for a in &h.addressees {
        if let Some(k) = a.keyword {
            add(k, TokenKind::Keyword, 0);
        }
        if let Some(ri) = a.routing_indicator {
            add(ri, TokenKind::RoutingIndicator, 0);
        }
        if let Some(ad) = a.address {
            add(ad, TokenKind::Address, 0);
        }
        if let Some(p) = a.precedence {
            add(p.range, TokenKind::Precedence, 0);
        }
        if let Some(m) = a.mcn {
            add(m, TokenKind::Number, 0);
        }
    }
    let b = &cable.body;
    for banner in std::iter::once(b.banner.as_ref())
        .flatten()
        .chain(b.repeated_banners.iter())
    {
        let m = if banner.level.is_classified() {
            TokenModifier::Classified as u32
        } else {
            0
        };
        add(banner.level_token, TokenKind::Level, m);
        if let Some(r) = banner.section_range {
            add(r, TokenKind::Keyword, 0);
        }
        if let Some(o) = banner.origin {
            add(o, TokenKind::Address, 0);
        }
        if let Some(s) = banner.serial {
            add(s.range, TokenKind::Number, 0);
        }
    }
    for c in &b.captions {
        add(c.range, TokenKind::Caption, 0);
    }
    if let Some(eo) = &b.eo {
        add(eo.label, TokenKind::Keyword, 0);
        if let Some(n) = eo.number {
            add(n.range, TokenKind::Number, 0);
        }
        match &eo.value {
            EoValue::Decl { keyword, spec, .. } => {
                add(*keyword, TokenKind::Keyword, 0);
                if let Some(s) = spec {
                    add(*s, TokenKind::Date, 0);
                }
            }
            EoValue::BareDate(_, r) => add(*r, TokenKind::Date, 0),
            EoValue::NotApplicable => {
                if let Some(r) = eo.value_range {
                    add(r, TokenKind::Keyword, 0);
                }
            }
            _ => {}
        }
    }
    if let Some(t) = &b.tags {
        add(t.label, TokenKind::Keyword, 0);
        for tok in &t.tokens {
            let code = &src[tok.code.as_range()];
            let retired = tables.tag(code).is_some_and(|t| t.retired);
            add(
                tok.code,
                TokenKind::Tag,
                if retired {
                    TokenModifier::Deprecated as u32
                } else {
                    0
                },
            );
        }
    }
    if let Some(s) = &b.subject {
        add(s.label, TokenKind::Keyword, 0);
        if let Some(m) = &s.marking {
            add(m.range, TokenKind::Marking, marking_modifiers(m));
        }
    }
    if let Some(r) = &b.refs {
        add(r.label, TokenKind::Keyword, 0);
        for item in &r.items {
            if let Some(l) = item.letter {
                add(l, TokenKind::Keyword, 0);
            }
            if let Some(c) = &item.cable {
                add(c.range, TokenKind::Reference, 0);
            }
        }
    }
    if let Some(c) = &b.classified_by {
        add(c.label, TokenKind::Keyword, 0);
        if let Some(s) = c.section {
            add(s, TokenKind::Number, 0);
        }
        for &(r, _) in &c.letters {
            add(r, TokenKind::Keyword, 0);
        }
    }
    for p in &b.paragraphs {
        add(p.number.range, TokenKind::Number, 0);
        if let Some(m) = &p.marking {
            add(m.range, TokenKind::Marking, marking_modifiers(m));
        }
    }
    for c in &b.continuations {
        add(c.range, TokenKind::Continuation, 0);
    }
    for m in &b.markers {
        add(m.range, TokenKind::Marker, 0);
    }
    for &e in &b.end_markers {
        add(e, TokenKind::Keyword, 0);
    }

    // Document order, no overlaps (the earlier, longer token wins), no token across a line break.
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

fn marking_modifiers(m: &crate::syntax::Marking) -> u32 {
    if m.level
        .is_some_and(|l| l >= crate::syntax::Level::Confidential)
    {
        TokenModifier::Classified as u32
    } else {
        0
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
