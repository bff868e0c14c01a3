//! Hover: what the thing under the cursor means. TAGS tokens (title and kind), routing indicators and
//! addresses, the header lines decoded (DTG as a UTC date and time, the DE line's julian day as a
//! date, the security line), the banner and portion markings (level and controls), captions, the
//! E.O. number, `DECL` (its date and how many years after the cable), classification reasons, and the
//! rules behind the diagnostics at the cursor.

use super::dates::long_date;
use super::{touches, word_range};
use crate::data::Tables;
use crate::rules::format_ref::format_sections;
use crate::rules::{Diagnostic, Rule};
use crate::syntax::{Cable, Decl, EoValue, TextRange};
use crate::vocab::{caption_text, orders, portion_control};
use crate::vocab::{Date, Precedence};

/// A hover answer: Markdown for a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    pub range: TextRange,
    pub markdown: String,
}

/// The hover at a byte offset. `diagnostics` are the current diagnostics of the document; those at
/// the offset add their rule's documentation.
pub fn hover(
    cable: &Cable<'_>,
    tables: &Tables,
    diagnostics: &[Diagnostic],
    offset: usize,
) -> Option<Hover> {
    let offset = offset.min(cable.src.len());
    let element = element_hover(cable, tables, offset);
    let mut rules: Vec<(Rule, TextRange)> = Vec::new();
    for d in diagnostics {
        if touches(d.range, offset) && !rules.iter().any(|(r, _)| *r == d.rule) {
            rules.push((d.rule, d.range));
        }
    }
    // A rule code written in the text (`CBL201`).
    let word = word_range(cable.src, offset, |c| c.is_ascii_alphanumeric());
    if let Some(rule) = Rule::from_code_or_name(&cable.src[word.as_range()])
        .filter(|r| r.code().eq_ignore_ascii_case(&cable.src[word.as_range()]))
    {
        if !rules.iter().any(|(r, _)| *r == rule) {
            rules.push((rule, word));
        }
    }
    if element.is_none() && rules.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    let mut range = None;
    if let Some(h) = element {
        range = Some(h.range);
        parts.push(h.markdown);
    }
    for (rule, r) in &rules {
        range.get_or_insert(*r);
        parts.push(rule_markdown(*rule));
    }
    Some(Hover {
        range: range.unwrap_or(TextRange::empty(offset)),
        markdown: parts.join("\n\n---\n\n"),
    })
}

/// A rule's code, name, severity, summary and the first section of its documentation.
pub fn rule_markdown(rule: Rule) -> String {
    let doc = rule.documentation();
    let what = doc
        .split("## What it does")
        .nth(1)
        .map(|s| s.split("\n## ").next().unwrap_or("").trim().to_string())
        .unwrap_or_default();
    let mut out = format!(
        "**{}** `{}` ({}) — {}",
        rule.code(),
        rule.name(),
        rule.severity_label(),
        rule.summary()
    );
    if !what.is_empty() {
        out.push_str("\n\n");
        out.push_str(&what);
    }
    let format: Vec<&str> = format_sections(rule.spec())
        .iter()
        .map(|s| s.title)
        .collect();
    out.push_str(&format!("\n\nThe format: {}", format.join(", ")));
    match super::rule_url(rule) {
        Some(url) => out.push_str(&format!(" · [documentation]({url})")),
        None => out.push_str(&format!(" · `cablelint rule {}`", rule.code())),
    }
    out
}

fn h(range: TextRange, markdown: String) -> Option<Hover> {
    Some(Hover { range, markdown })
}

fn cable_date(cable: &Cable<'_>) -> Option<Date> {
    cable.header.dtg_date()
}

fn element_hover(cable: &Cable<'_>, tables: &Tables, offset: usize) -> Option<Hover> {
    header_lines_hover(cable, tables, offset)
        .or_else(|| dtg_and_addressees_hover(cable, tables, offset))
        .or_else(|| banner_and_eo_hover(cable, offset))
        .or_else(|| tags_hover(cable, tables, offset))
        .or_else(|| refs_and_authority_hover(cable, offset))
        .or_else(|| paragraph_hover(cable, offset))
}

/// FL1 to FL4 and the DE line.
fn header_lines_hover(cable: &Cable<'_>, tables: &Tables, offset: usize) -> Option<Hover> {
    let on = |r: TextRange| touches(r, offset);
    let hd = &cable.header;
    if let Some(t) = hd.transmission.as_ref().filter(|t| on(t.range)) {
        let mut md = "**Transmission identifier** (FL1): `VZCZC` starts the message".to_string();
        if let Some(c) = t.channel {
            md.push_str(&format!("; channel `{}`", cable.text(c)));
        }
        if let Some(s) = t.sequence {
            md.push_str(&format!(", sequence number {}", cable.text(s)));
        }
        md.push('.');
        return h(t.range, md);
    }
    if let Some(r) = hd.routing.as_ref().filter(|r| on(r.range)) {
        if let Some(&ri) = r.indicators.iter().find(|&&ri| on(ri)) {
            return h(ri, ri_markdown(cable.text(ri), tables));
        }
        let prec = r
            .precedence
            .map_or("an unknown precedence".to_string(), |p| {
                p.word().to_string()
            });
        let range = if on(r.prosign) { r.prosign } else { r.range };
        return h(range, format!("**Precedence prosign** `{}` (FL2): {prec}.\n\nThe routing indicators that follow are the stations the transmission is relayed to.", cable.text(r.prosign)));
    }
    if let Some(de) = hd.de.as_ref().filter(|d| on(d.range)) {
        if let Some(s) = de.station.filter(|&s| on(s)) {
            return h(
                s,
                format!(
                    "**Originating station** (DE line)\n\n{}",
                    ri_markdown(cable.text(s), tables)
                ),
            );
        }
        return h(de.range, de_markdown(cable, tables, de));
    }
    if let Some(s) = hd.security.as_ref().filter(|s| on(s.range)) {
        let level = s
            .level
            .map_or("not a known classification code", |c| c.name());
        let code = s
            .code
            .map_or(String::new(), |c| format!(" `{}`", cable.text(c)));
        let mut md = format!(
            "**Security line** (FL4): `{}`{code} — {level}.",
            cable.text(s.prefix)
        );
        if s.code.is_some_and(|c| {
            cable.text(c).contains('/')
                || cable.text(c).ends_with("AA")
                || cable.text(c).ends_with("BB")
        }) {
            md.push_str(" The suffix marks a SPECAT message.");
        }
        if !s.signals.is_empty() {
            let sig: Vec<&str> = s.signals.iter().map(|&t| cable.text(t)).collect();
            md.push_str(&format!("\n\nOperating signals: `{}`.", sig.join(" ")));
        }
        return h(s.range, md);
    }
    None
}

/// FL5, the FM line and the addressees.
fn dtg_and_addressees_hover(cable: &Cable<'_>, tables: &Tables, offset: usize) -> Option<Hover> {
    let on = |r: TextRange| touches(r, offset);
    let hd = &cable.header;
    if let Some(d) = hd.dtg.as_ref().filter(|d| on(d.range)) {
        let mut md = String::from("**Precedence and date-time group** (FL5)\n\n");
        let word =
            |p: Option<Precedence>| p.map_or("unknown".to_string(), |p| p.word().to_string());
        md.push_str(&format!(
            "- precedence `{}`: {}\n",
            cable.text(d.precedence),
            word(d.precedence_value)
        ));
        if let Some((t, p)) = d.info_precedence {
            md.push_str(&format!(
                "- information precedence `{}`: {}\n",
                cable.text(t),
                word(p)
            ));
        }
        if let Some(g) = d.dtg {
            md.push_str(&format!("- `{}`: {}\n", cable.text(g.range), dtg_text(&g)));
        }
        return h(
            d.dtg.map(|g| g.range).filter(|&r| on(r)).unwrap_or(d.range),
            md.trim_end().to_string(),
        );
    }
    if let Some(f) = hd.fm.as_ref().filter(|f| on(f.range)) {
        let plad = f.plad.map_or("", |p| cable.text(p));
        return h(
            f.range,
            format!("**Originator** (FM): {}", address_markdown(plad, tables)),
        );
    }
    if let Some(a) = hd.addressees.iter().find(|a| on(a.range)) {
        if let Some(ri) = a.routing_indicator.filter(|&r| on(r)) {
            return h(ri, ri_markdown(cable.text(ri), tables));
        }
        if let Some(p) = a.precedence.filter(|p| on(p.range)) {
            let written = cable.text(p.range);
            let meaning = p.value.map_or("not a precedence word".to_string(), |v| {
                v.word().to_string()
            });
            let mut md = format!("**Precedence** `{written}`: {meaning}");
            if let Some(v) = p.value.filter(|v| v.is_written()) {
                md.push_str(&format!(" (letter `{}`). {}", v.letter(), v.description()));
            }
            if !p.exact {
                md.push_str("\n\nMisspelt.");
            }
            return h(p.range, md);
        }
        if let Some(m) = a.mcn.filter(|&m| on(m)) {
            return h(m, "**Message continuity number**: a consecutive number from a series kept for each Department of State activity, assigned on every telegram sent to it.".to_string());
        }
        let address = a.address.map_or("", |r| cable.text(r));
        let ri = a.routing_indicator.map(|r| cable.text(r));
        let mut md = address_markdown(address, tables);
        if let Some(ri) = ri {
            if !tables
                .addressees_for_ri(ri)
                .iter()
                .any(|x| x.address == address)
            {
                md.push_str(&format!("\n\n`{ri}` is not known to serve this address."));
            }
        }
        return h(a.address.filter(|&r| on(r)).unwrap_or(a.range), md);
    }
    None
}

/// The banner, the captions and the E.O. line.
fn banner_and_eo_hover(cable: &Cable<'_>, offset: usize) -> Option<Hover> {
    let on = |r: TextRange| touches(r, offset);
    let b = &cable.body;
    if let Some(banner) = b
        .banner
        .iter()
        .chain(b.repeated_banners.iter())
        .find(|x| on(x.range))
    {
        let mut md = format!("**Classification banner**: {}", banner.level.level().name());
        if !banner.canonical {
            md.push_str(&format!(" (canonical form `{}`)", banner.level.canonical()));
        }
        if banner.garbled {
            md.push_str("; the words are garbled (a release artifact)");
        }
        md.push('.');
        if let Some((n, m)) = banner.section {
            md.push_str(&format!("\n\nSection {} of {}.", n.value, m.value));
        }
        if let (Some(o), Some(s)) = (banner.origin, banner.serial) {
            let origin = cable.text(o);
            let id = match cable_date(cable) {
                Some(d) => format!(
                    "{:02}{}{}",
                    d.year.rem_euclid(100),
                    origin.replace(' ', ""),
                    s.value
                ),
                None => format!("{}{}", origin.replace(' ', ""), s.value),
            };
            md.push_str(&format!(
                "\n\nOrigin {origin}, serial {} — cable `{id}`.",
                s.value
            ));
        }
        return h(banner.range, md);
    }
    if let Some(c) = b.captions.iter().find(|c| on(c.range)) {
        let text = cable.text(c.range).trim().to_ascii_uppercase();
        let md = match caption_text(&text) {
            Some(c) => format!("**{}** (caption)\n\n{}", c.name, c.description),
            None => format!("**{text}** (caption)"),
        };
        return h(c.range, md);
    }
    if let Some(eo) = b.eo.as_ref().filter(|e| on(e.range)) {
        return eo_hover(cable, eo, offset);
    }
    None
}

/// The TAGS line and the SUBJECT line's marking.
fn tags_hover(cable: &Cable<'_>, tables: &Tables, offset: usize) -> Option<Hover> {
    let on = |r: TextRange| touches(r, offset);
    let b = &cable.body;
    if let Some(t) = b.tags.as_ref().filter(|t| on(t.range)) {
        if let Some(tok) = t.tokens.iter().find(|tok| on(tok.range)) {
            let code = cable.text(tok.code);
            let md = match tables.tag(code) {
                Some(tag) => super::completion::resolve(
                    &super::ResolveKey::Tag {
                        code: tag.code.clone(),
                    },
                    tables,
                )
                .unwrap_or_default(),
                None => {
                    let mut md = format!("**{code}**: not a known tag.");
                    if let Some(s) = tables.suggest_tag(code) {
                        match s.shown_title() {
                            Some(title) => {
                                md.push_str(&format!(" Did you mean `{}` ({title})?", s.code))
                            }
                            None => md.push_str(&format!(" Did you mean `{}`?", s.code)),
                        }
                    }
                    md
                }
            };
            return h(tok.range, md);
        }
        return h(t.range, "**TAGS** (Traffic Analysis by Geography and Subject): subject, program (K…), geographic, organization and personal tags that file and distribute the cable.".to_string());
    }
    if let Some(m) = b
        .subject
        .as_ref()
        .and_then(|s| s.marking.as_ref())
        .filter(|m| on(m.range))
    {
        return h(m.range, marking_text(cable.text(m.range)));
    }
    None
}

/// The REF block and the classification authority.
fn refs_and_authority_hover(cable: &Cable<'_>, offset: usize) -> Option<Hover> {
    let on = |r: TextRange| touches(r, offset);
    let b = &cable.body;
    if b.refs.as_ref().is_some_and(|r| on(r.range)) {
        if let Some(target) = super::ref_at(cable, offset) {
            let mut md = format!(
                "**Reference** to cable `{}`: {} serial {}",
                target.id(),
                cable.text(target.origin),
                target.number
            );
            if !target.year_written {
                md.push_str(" (no year written: the year of this cable)");
            }
            md.push_str(".\n\nGo to definition opens it when the workspace holds it.");
            return h(target.range, md);
        }
    }
    if let Some(c) = b.classified_by.as_ref().filter(|c| on(c.range)) {
        if let Some(&(r, l)) = c.letters.iter().find(|(r, _)| on(*r)) {
            let md = match orders::reason("1.4", l) {
                Some(r) => format!("**Reason ({l})**: {}.", r.text),
                None => format!("**({l})** is not a classification reason: only (a) to (h) are."),
            };
            return h(r, md);
        }
        if let Some(s) = c.section.filter(|&s| on(s)) {
            let md = match cable.text(s) {
                "1.4" => "**Section 1.4**: the classification categories of E.O. 12958 as amended by E.O. 13292 (March 2003) and of E.O. 13526.".to_string(),
                "1.5" => "**Section 1.5**: the classification categories of E.O. 12958 as first issued (1995); renumbered 1.4 in March 2003.".to_string(),
                other => format!("**Section {other}** is not a section of classification categories (1.4, or 1.5 before 2003)."),
            };
            return h(s, md);
        }
        let letters: Vec<String> = c
            .letters
            .iter()
            .map(|&(_, l)| {
                format!(
                    "- ({l}) {}",
                    orders::reason("1.4", l).map_or("not a classification reason", |r| r.text)
                )
            })
            .collect();
        let mut md = "**Classification authority**: who classified the cable and why.".to_string();
        if !letters.is_empty() {
            md.push_str("\n\n");
            md.push_str(&letters.join("\n"));
        }
        return h(c.range, md);
    }
    None
}

/// Paragraph numbers and markings, and continuation headers.
fn paragraph_hover(cable: &Cable<'_>, offset: usize) -> Option<Hover> {
    let on = |r: TextRange| touches(r, offset);
    let b = &cable.body;
    for p in b
        .paragraphs
        .iter()
        .filter(|p| touches(p.first_line, offset))
    {
        if let Some(m) = p.marking.as_ref().filter(|m| on(m.range)) {
            return h(m.range, marking_text(cable.text(m.range)));
        }
        if on(p.number.range) {
            let marking = p.marking.as_ref().map_or("unmarked".to_string(), |m| {
                marking_text(cable.text(m.range))
            });
            return h(
                p.number.range,
                format!("**Paragraph {}**\n\n{marking}", p.number.value),
            );
        }
    }
    if let Some(c) = b.continuations.iter().find(|c| on(c.range)) {
        return h(
            c.range,
            format!(
                "**Continuation header**: page {} of {} of {} serial {}.",
                c.page.value,
                c.total.value,
                cable.text(c.origin),
                c.serial.value
            ),
        );
    }
    None
}

fn eo_hover(cable: &Cable<'_>, eo: &crate::syntax::EoLine, offset: usize) -> Option<Hover> {
    let on = |r: TextRange| touches(r, offset);
    let date = cable_date(cable);
    if let Some(n) = eo.number.filter(|n| on(n.range)) {
        let md = match orders::executive_order(&n.value.to_string()) {
            Some(e) => {
                let (from, until) = (e.effective, e.superseded);
                let mut md = format!("**E.O. {}** — {}\n\nIn force from {}", e.number, e.description, long_date(from));
                match until {
                    Some(u) => md.push_str(&format!(" until {}.", long_date(u))),
                    None => md.push('.'),
                }
                if let Some(d) = date {
                    let in_force = from <= d && until.is_none_or(|u| d < u);
                    md.push_str(&format!(
                        "\n\nThe cable's date, {}, is {} its time in force.",
                        long_date(d),
                        if in_force { "within" } else { "outside" }
                    ));
                }
                md
            }
            None => format!("**E.O. {}** is not an executive order on classification (12958, 13526 and the older 11652, 12065, 12356 are).", n.value),
        };
        return h(n.range, md);
    }
    let value = eo_value_hover(cable, eo, date);
    if let Some(v) = value.filter(|v| on(v.range)) {
        return Some(v);
    }
    // Elsewhere on the line: what the line is, and the order it cites.
    let mut md = "**E.O. line**: the executive order the cable is classified under and its declassification instruction.".to_string();
    if let Some(e) = eo
        .number
        .and_then(|n| orders::executive_order(&n.value.to_string()))
    {
        md.push_str(&format!("\n\nE.O. {}: {}", e.number, e.description));
    }
    h(eo.range, md)
}

/// The E.O. line's declassification instruction (or other value), with the range it covers.
fn eo_value_hover(
    cable: &Cable<'_>,
    eo: &crate::syntax::EoLine,
    date: Option<Date>,
) -> Option<Hover> {
    match &eo.value {
        EoValue::Decl {
            keyword,
            spec,
            decl,
        } => {
            let range = spec.map_or(*keyword, |s| keyword.cover(s));
            let md = match decl {
                Decl::Date(d, _) => {
                    let mut md = format!("**Declassify on** {}", long_date(*d));
                    if let Some(c) = date {
                        let years = c.years_until(*d);
                        md.push_str(&format!(
                            ": {years} year{} after the cable's date ({}).",
                            if years == 1 { "" } else { "s" },
                            long_date(c)
                        ));
                        if years > orders::DECL_LIMIT_YEARS {
                            md.push_str(" More than 25 years needs a 25X exemption.");
                        } else if years == orders::DECL_DEFAULT_YEARS {
                            md.push_str(" The default horizon.");
                        }
                    } else {
                        md.push('.');
                    }
                    md
                }
                Decl::InvalidDate => "**DECL**: the date is not a calendar date.".to_string(),
                Decl::Oadr => decl_code("OADR"),
                Decl::Mr => decl_code("MR"),
                Decl::Schedule(s) => format!("**{}** ({}): {}", s.code, s.orders, s.meaning),
                Decl::XCodes | Decl::TwentyFiveX => {
                    let text = spec
                        .map_or("", |s| cable.text(s))
                        .trim()
                        .trim_matches(['(', ')'])
                        .to_ascii_uppercase();
                    let first = text.split([',', ' ']).next().unwrap_or("");
                    decl_code(first)
                }
                Decl::Event => format!(
                    "**Declassify on an event**: {}.",
                    spec.map_or("", |s| cable.text(s)).trim()
                ),
                Decl::Empty => "**DECL** without a value.".to_string(),
            };
            h(range, md)
        }
        EoValue::NotApplicable => h(
            eo.value_range.unwrap_or(eo.range),
            "**N/A**: no declassification instruction — the cable is unclassified.".to_string(),
        ),
        EoValue::Downgrade(d) => h(
            eo.value_range.unwrap_or(eo.range),
            format!(
                "**Downgrade**{}",
                d.map_or(".".to_string(), |d| format!(" on {}.", long_date(d)))
            ),
        ),
        EoValue::Schedule { schedule, .. } => h(
            eo.value_range.unwrap_or(eo.range),
            format!(
                "**{}** ({}): {}",
                schedule.code, schedule.orders, schedule.meaning
            ),
        ),
        EoValue::BareDate(d, r) => h(
            *r,
            format!(
                "**Declassify on** {} (written without `DECL:`).",
                long_date(*d)
            ),
        ),
        EoValue::Missing | EoValue::Other => None,
    }
}

fn decl_code(code: &str) -> String {
    match orders::decl_code(code) {
        Some(t) => format!("**{code}**: {t}"),
        None => format!("**{code}**"),
    }
}

/// The FL5 date-time group decoded.
fn dtg_text(g: &crate::syntax::Dtg) -> String {
    match super::dates::dtg_time(g) {
        Some(t) => format!(
            "{} {}, {:02}:{:02} UTC",
            t.date.weekday(),
            long_date(t.date),
            t.hour,
            t.minute
        ),
        None => "not a real date and time".to_string(),
    }
}

fn de_markdown(cable: &Cable<'_>, tables: &Tables, de: &crate::syntax::DeLine) -> String {
    let mut md = String::from("**DE line** (FL3)\n\n");
    if let Some(s) = de.station {
        let ri = cable.text(s);
        let names: Vec<String> = tables
            .addressees_for_ri(ri)
            .iter()
            .map(|a| a.address.clone())
            .collect();
        md.push_str(&format!(
            "- station `{ri}`{}\n",
            if names.is_empty() {
                String::new()
            } else {
                format!(" ({})", names.join(", "))
            }
        ));
    }
    if let Some(s) = de.serial {
        md.push_str(&format!(
            "- station serial {:04} (the last four digits of the cable serial)\n",
            s.value
        ));
    }
    if let Some(s) = de.section {
        md.push_str(&format!("- section {}\n", s.value));
    }
    if let Some(j) = de.julian_day {
        match super::dates::filing_time(cable, de).map(|(d, _)| d) {
            Some(d) => md.push_str(&format!(
                "- julian day {:03}: {} {}\n",
                j.value,
                d.weekday(),
                long_date(d)
            )),
            None => md.push_str(&format!("- julian day {:03} (day of the year)\n", j.value)),
        }
    }
    if let Some(t) = de.time {
        md.push_str(&format!(
            "- filed at {:02}:{:02} UTC\n",
            t.value / 100,
            t.value % 100
        ));
    }
    md.trim_end().to_string()
}

fn ri_markdown(ri: &str, tables: &Tables) -> String {
    let served = tables.addressees_for_ri(ri);
    if served.is_empty() {
        return format!("**Routing indicator** `{ri}`: not in the reference tables.");
    }
    // Canonical addresses first; the slips seen in real headers after them, named as slips.
    let (variants, canonical): (Vec<&crate::data::Addressee>, Vec<&crate::data::Addressee>) =
        served
            .into_iter()
            .partition(|a| tables.variant_of(a).is_some());
    let names: Vec<String> = canonical
        .iter()
        .map(|a| format!("- {}", a.address))
        .collect();
    let mut md = format!(
        "**Routing indicator** `{ri}` serves:\n\n{}",
        names.join("\n")
    );
    if !variants.is_empty() {
        let also: Vec<&str> = variants.iter().map(|a| a.address.as_str()).collect();
        md.push_str(&format!(
            "\n\nMisspelt in released cables as: {} (slips, not accepted forms; cablelint does \
             not report them).",
            also.join(", ")
        ));
    }
    md
}

fn address_markdown(address: &str, tables: &Tables) -> String {
    let Some(p) = tables.post_by_name(address) else {
        return format!("**{address}**");
    };
    let mut md = format!("**{}** ({})", p.name, p.kind);
    if let Some(ri) = p.routing_indicator() {
        md.push_str(&format!("\n\n- routing indicator `{ri}`"));
    }
    if let Some(s) = &p.station {
        md.push_str(&format!("\n- station {s}"));
    }
    if let Some(c) = &p.country_tag {
        let name = tables.tag(c).and_then(|t| t.shown_title());
        md.push_str(&format!("\n- country `{c}`"));
        if let Some(name) = name {
            md.push_str(&format!(" {name}"));
        }
    }
    md
}

/// A portion marking explained: its level and its controls.
pub fn marking_text(marking: &str) -> String {
    let inner = marking
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    let upper = inner.to_ascii_uppercase();
    let (level_part, rest) = match upper.find(['/', ' ']) {
        Some(i) => (&upper[..i], upper[i..].trim_start_matches(['/', ' '])),
        None => (upper.as_str(), ""),
    };
    let level = match level_part {
        "U" => "UNCLASSIFIED",
        "SBU" => "SENSITIVE BUT UNCLASSIFIED",
        "C" => "CONFIDENTIAL",
        "S" => "SECRET",
        "TS" => "TOP SECRET",
        _ => "an unknown level",
    };
    let mut md = format!("**Portion marking** `({inner})`: {level}");
    let mut controls = Vec::new();
    let mut rest = rest.to_string();
    if let Some(i) = rest.find("REL") {
        controls.push(format!(
            "releasable to {}",
            rest[i + 3..].trim().trim_start_matches("TO ").trim()
        ));
        rest.truncate(i);
    }
    for c in rest.split(['/', ' ']).filter(|c| !c.is_empty()) {
        match portion_control(c) {
            Some(pc) => controls.push(pc.description.trim_end_matches('.').to_string()),
            None if c == "N" => controls.push("NOFORN".to_string()),
            None => controls.push(format!("`{c}` (unknown control)")),
        }
    }
    if controls.is_empty() {
        md.push('.');
    } else {
        md.push_str(&format!("; {}.", controls.join("; ")));
    }
    md
}
