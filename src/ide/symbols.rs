//! Document symbols: the outline of a cable. The header (with its lines and addressee blocks), the
//! banner, the captions, E.O., TAGS, SUBJECT, REF (with its items), the classification authority and
//! every numbered paragraph with its marking. The first entry (the header, else the banner) names
//! the document kind in its detail: `transmitted`, `received copy`, `record` or `draft`.

use crate::syntax::{AddresseeBlock, Cable, TextRange};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Header,
    HeaderLine,
    AddresseeBlock,
    Addressee,
    Banner,
    Caption,
    Eo,
    Tags,
    Subject,
    Ref,
    RefItem,
    ClassifiedBy,
    Paragraph,
    Signature,
}

/// One outline entry. `selection_range` lies inside `range`, and children lie inside their parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    pub range: TextRange,
    pub selection_range: TextRange,
    pub children: Vec<Symbol>,
}

impl Symbol {
    fn new(name: impl Into<String>, kind: SymbolKind, range: TextRange) -> Symbol {
        Symbol {
            name: name.into(),
            detail: None,
            kind,
            range,
            selection_range: range,
            children: Vec::new(),
        }
    }

    fn detail(mut self, detail: impl Into<String>) -> Symbol {
        let d = detail.into();
        if !d.is_empty() {
            self.detail = Some(d);
        }
        self
    }

    fn select(mut self, range: TextRange) -> Symbol {
        if self.range.start <= range.start && range.end <= self.range.end {
            self.selection_range = range;
        }
        self
    }
}

/// Collapses runs of white space and cuts a text to about `max` characters.
fn squeeze(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, w) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
        if out.chars().count() > max {
            let cut: String = out.chars().take(max).collect();
            return format!("{}…", cut.trim_end());
        }
    }
    out
}

/// The outline of a cable, in document order.
pub fn document_symbols(cable: &Cable<'_>) -> Vec<Symbol> {
    let mut out = Vec::new();
    out.extend(header(cable));
    banner_and_captions(cable, &mut out);
    labels(cable, &mut out);
    out.extend(refs(cable));
    paragraphs(cable, &mut out);
    if let Some(sig) = cable.body.signature {
        out.push(
            Symbol::new(squeeze(cable.text(sig), 40), SymbolKind::Signature, sig)
                .detail("signature"),
        );
    }
    out.sort_by_key(|s| s.range.start);
    // What the text is, as the parser decides it, on the entry the outline starts with.
    if let Some(first) = out.first_mut() {
        let kind = cable.kind.name().replace('-', " ");
        first.detail = Some(match first.detail.take() {
            Some(d) => format!("{kind}, {d}"),
            None => kind,
        });
    }
    out
}

/// A header line shown by its text.
fn header_line(cable: &Cable<'_>, range: TextRange, detail: &str) -> Symbol {
    Symbol::new(
        squeeze(cable.text(range), 60),
        SymbolKind::HeaderLine,
        range,
    )
    .detail(detail)
}

/// The header with its lines and addressee blocks.
fn header(cable: &Cable<'_>) -> Option<Symbol> {
    let h = &cable.header;
    let range = h.range?;
    let mut header = Symbol::new("Header", SymbolKind::Header, range);
    let mut lines: Vec<Symbol> = Vec::new();
    if let Some(t) = &h.transmission {
        lines.push(
            Symbol::new(cable.text(t.range), SymbolKind::HeaderLine, t.range)
                .detail("transmission"),
        );
    }
    if let Some(r) = &h.routing {
        lines.push(
            Symbol::new(cable.text(r.prosign), SymbolKind::HeaderLine, r.range)
                .detail("routing")
                .select(r.prosign),
        );
    }
    let texts = [
        (h.de.as_ref().map(|d| d.range), "DE"),
        (h.security.as_ref().map(|s| s.range), "security"),
        (h.dtg.as_ref().map(|d| d.range), "date-time group"),
        (h.fm.as_ref().map(|f| f.range), "originator"),
    ];
    for (r, detail) in texts {
        if let Some(r) = r {
            lines.push(header_line(cable, r, detail));
        }
    }
    for block in [
        AddresseeBlock::To,
        AddresseeBlock::Info,
        AddresseeBlock::Xmt,
    ] {
        lines.extend(addressee_block(cable, block));
    }
    lines.retain(|s| range.start <= s.range.start && s.range.end <= range.end);
    header.children = lines;
    Some(header)
}

/// One block of addressees (`TO`, `INFO`, `XMT`) with its members.
fn addressee_block(cable: &Cable<'_>, block: AddresseeBlock) -> Option<Symbol> {
    let members: Vec<_> = cable
        .header
        .addressees
        .iter()
        .filter(|a| a.block == block)
        .collect();
    let (first, last) = (members.first()?, members.last()?);
    let name = match block {
        AddresseeBlock::To => "TO",
        AddresseeBlock::Info => "INFO",
        AddresseeBlock::Xmt => "XMT",
    };
    let mut sym = Symbol::new(
        name,
        SymbolKind::AddresseeBlock,
        first.range.cover(last.range),
    )
    .detail(format!(
        "{} addressee{}",
        members.len(),
        if members.len() == 1 { "" } else { "s" }
    ));
    if let Some(k) = first.keyword {
        sym = sym.select(k);
    }
    for a in members {
        let label = match (a.routing_indicator, a.address) {
            (Some(ri), Some(ad)) => format!("{}/{}", cable.text(ri), cable.text(ad)),
            (None, Some(ad)) => cable.text(ad).to_string(),
            _ => squeeze(cable.text(a.range), 60),
        };
        let detail = a
            .precedence
            .map(|p| cable.text(p.range).to_string())
            .unwrap_or_default();
        sym.children
            .push(Symbol::new(label, SymbolKind::Addressee, a.range).detail(detail));
    }
    Some(sym)
}

fn banner_and_captions(cable: &Cable<'_>, out: &mut Vec<Symbol>) {
    let b = &cable.body;
    if let Some(banner) = &b.banner {
        let mut detail = banner.level.level().name().to_string();
        if let Some((n, m)) = banner.section {
            detail = format!("{detail}, section {} of {}", n.value, m.value);
        }
        out.push(
            Symbol::new(
                squeeze(cable.text(banner.range), 80),
                SymbolKind::Banner,
                banner.range,
            )
            .detail(detail)
            .select(banner.level_token),
        );
    }
    for c in &b.captions {
        out.push(
            Symbol::new(
                squeeze(cable.text(c.range), 60),
                SymbolKind::Caption,
                c.range,
            )
            .detail("caption"),
        );
    }
}

/// The E.O., TAGS and SUBJECT lines and the classification authority.
fn labels(cable: &Cable<'_>, out: &mut Vec<Symbol>) {
    let b = &cable.body;
    if let Some(eo) = &b.eo {
        out.push(
            Symbol::new(squeeze(cable.text(eo.range), 60), SymbolKind::Eo, eo.range)
                .select(eo.label),
        );
    }
    if let Some(t) = &b.tags {
        let codes: Vec<&str> = t.tokens.iter().map(|tok| cable.text(tok.code)).collect();
        out.push(
            Symbol::new("TAGS", SymbolKind::Tags, t.range)
                .detail(squeeze(&codes.join(" "), 60))
                .select(t.label),
        );
    }
    if let Some(s) = &b.subject {
        let text = s
            .text
            .map(|r| squeeze(cable.text(r), 70))
            .unwrap_or_default();
        out.push(
            Symbol::new("SUBJECT", SymbolKind::Subject, s.range)
                .detail(text)
                .select(s.label),
        );
    }
    if let Some(c) = &b.classified_by {
        out.push(Symbol::new("Classified By", SymbolKind::ClassifiedBy, c.range).select(c.label));
    }
}

/// The REF block with its items.
fn refs(cable: &Cable<'_>) -> Option<Symbol> {
    let r = cable.body.refs.as_ref()?;
    let mut sym = Symbol::new("REF", SymbolKind::Ref, r.range).select(r.label);
    for item in &r.items {
        let name = squeeze(cable.text(item.range), 40);
        let name = match item.letter {
            Some(l) => format!("{}. {name}", cable.text(l)),
            None => name,
        };
        if r.range.start <= item.range.start && item.range.end <= r.range.end {
            sym.children
                .push(Symbol::new(name, SymbolKind::RefItem, item.range));
        }
    }
    Some(sym)
}

/// Every numbered paragraph, named by its number and marking, with its first words.
fn paragraphs(cable: &Cable<'_>, out: &mut Vec<Symbol>) {
    for p in &cable.body.paragraphs {
        let mut name = format!("¶{}", p.number.value);
        if let Some(m) = &p.marking {
            name = format!("{name} {}", cable.text(m.range));
        }
        let text_start = p
            .marking
            .as_ref()
            .map_or(p.marking_insert_at as usize, |m| m.range.end());
        let first_end = p.first_line.end().max(text_start);
        let text = cable
            .src
            .get(text_start.min(first_end)..first_end)
            .unwrap_or("");
        let select = p
            .number
            .range
            .cover(p.marking.as_ref().map_or(p.number.range, |m| m.range));
        out.push(
            Symbol::new(name, SymbolKind::Paragraph, p.range)
                .detail(squeeze(text, 60))
                .select(select),
        );
    }
}
