//! Where each property of the cable format is explained in the project's own reference, `docs/format.md`.
//!
//! The registry cites properties by the IDs of the format study the rules were derived from (`H-4`,
//! `B-23`, `§6.1.7`), which is not part of the repository. This is the one place that maps those IDs to
//! the sections of `docs/format.md`, so that the generated documentation (`docs/rules.md`, the README's
//! rules table) links to text a user can read.

/// A section of `docs/format.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatSection {
    /// The section's anchor in `docs/format.md`, the slug of its heading (`security-line`).
    pub anchor: &'static str,
    /// The section's heading (`Security line`).
    pub title: &'static str,
}

const fn section(anchor: &'static str, title: &'static str) -> FormatSection {
    FormatSection { anchor, title }
}

const TRANSMISSION_HEADER: FormatSection = section("transmission-header", "Transmission header");
const TRANSMISSION_ID: FormatSection =
    section("transmission-identifier", "Transmission identifier");
const ROUTING_LINE: FormatSection = section("routing-line", "Routing line");
const DE_LINE: FormatSection = section("de-line", "DE line");
const SECURITY_LINE: FormatSection = section("security-line", "Security line");
const DTG: FormatSection = section("date-time-group", "Date-time group");
const ORIGINATOR: FormatSection = section("originator", "Originator");
const ADDRESSEES: FormatSection = section("addressees", "Addressees");
const PRECEDENCE: FormatSection = section("precedence", "Precedence");
const BANNER: FormatSection = section("banner", "Banner");
const HEADER_AND_TEXT: FormatSection = section("header-and-text", "Header and text");
const CAPTIONS: FormatSection = section("captions", "Captions");
const EO_LINE: FormatSection = section("eo-line", "E.O. line");
const TAGS: FormatSection = section("tags", "TAGS");
const SUBJECT: FormatSection = section("subject", "SUBJECT");
const REF: FormatSection = section("ref", "REF");
const AUTHORITY: FormatSection = section("classification-authority", "Classification authority");
const ELEMENT_ORDER: FormatSection = section("element-order", "Element order");
const PARAGRAPHS: FormatSection = section(
    "paragraphs-and-portion-markings",
    "Paragraphs and portion markings",
);
const SUMMARIES: FormatSection = section(
    "summaries-comments-and-notes",
    "Summaries, comments and notes",
);
const CONTINUATION: FormatSection = section("continuation-headers", "Continuation headers");
const SIGNATURE: FormatSection = section("signature", "Signature");
const LINE_LENGTH: FormatSection = section("line-length", "Line length");
const RELEASE: FormatSection = section("what-the-release-adds", "What the release adds");

/// The section of `docs/format.md` that explains the property a format-study ID names: a rule ID
/// (`H-4`, `B-23`, `T-9`) or a section number (`§3.12`, `§4 rel. 4`, `§4 relation 2`, `§6.1.7`).
/// Returns `None` for an ID the reference does not cover.
pub fn format_section(spec_id: &str) -> Option<FormatSection> {
    let id = spec_id.trim();
    if let Some(section) = id.strip_prefix('§') {
        // "§4 rel. 4" and "§4 relation 2" are relations of section 4.
        let number = section.split_whitespace().next().unwrap_or("");
        return Some(match number {
            "1.2" => TRANSMISSION_HEADER,
            "3.1" => TRANSMISSION_ID,
            "3.2" => ROUTING_LINE,
            "3.3" => DE_LINE,
            "3.4" => SECURITY_LINE,
            "3.5" => DTG,
            "3.6" => ORIGINATOR,
            "3.7" | "6.3" => ADDRESSEES,
            "3.8" | "6.1.6" => BANNER,
            "3.9" => CAPTIONS,
            "3.11" => EO_LINE,
            "3.12" => TAGS,
            "3.13" => SUBJECT,
            "3.14" => REF,
            "3.15" => AUTHORITY,
            "3.16" => PARAGRAPHS,
            "3.18" => SUMMARIES,
            "3.19" => CONTINUATION,
            "3.20" => SIGNATURE,
            "3.23" => LINE_LENGTH,
            "4" => PRECEDENCE,
            "2" | "6.1" | "6.1.3" | "6.1.4" | "6.1.5" | "6.1.8" | "6.1.9" => RELEASE,
            "6.1.7" => HEADER_AND_TEXT,
            "6.2.3" => ELEMENT_ORDER,
            _ => return None,
        });
    }
    let (kind, number) = id.split_once('-')?;
    let n: u32 = number.parse().ok()?;
    Some(match (kind, n) {
        ("H", 1) => TRANSMISSION_ID,
        ("H", 2) => ROUTING_LINE,
        ("H", 3 | 10..=14) => DE_LINE,
        ("H", 4 | 5) => SECURITY_LINE,
        ("H", 6..=8) => PRECEDENCE,
        ("H", 9) => DTG,
        ("H", 15) => ORIGINATOR,
        ("H", 16..=19) => ADDRESSEES,
        ("B", 1..=3) => BANNER,
        ("B", 4) => CONTINUATION,
        ("B", 5) => ELEMENT_ORDER,
        ("B", 6..=13) => EO_LINE,
        ("B", 14..=17) => TAGS,
        ("B", 18) => SUBJECT,
        ("B", 19..=22) => AUTHORITY,
        ("B", 23 | 24) | ("T", 1..=4) => PARAGRAPHS,
        ("B", 25..=28) => CAPTIONS,
        ("T", 5..=7) => SUMMARIES,
        ("T", 8) => PRECEDENCE,
        ("T", 9) => SIGNATURE,
        ("T", 10) => RELEASE,
        _ => return None,
    })
}

/// The sections of `docs/format.md` for a rule's registry citation (`"H-4, H-5"`, `"H-8, §4"`), in
/// order, without repeats. Returns an empty list when no ID of the citation is covered.
pub fn format_sections(spec: &str) -> Vec<FormatSection> {
    let mut out: Vec<FormatSection> = Vec::new();
    for s in spec.split(',').filter_map(format_section) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// Markdown links to the sections of `docs/format.md` that explain a registry citation, joined with
/// `, `. `dir` is the path of `docs/` from where the links are read: `"docs/"` from the repository's
/// root (the README, `cablelint rule`), `""` from `docs/rules.md`.
pub fn format_links(spec: &str, dir: &str) -> String {
    format_sections(spec)
        .iter()
        .map(|s| format!("[{}]({dir}format.md#{})", s.title, s.anchor))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The IDs a citation may hold: a section number (`§3.12`, `§4 rel. 4`, `§4 relation 2`) or a rule
/// ID of the format study (`H-4`, `B-23`, `T-9`).
const CITED_ID: &str = r"§\d+(?:\.\d+)*(?: rel(?:ation|\.) \d+)?|[HBT]-\d+";

/// A rule's documentation as users read it: the format-study citations (`(spec §3.4, H-4)`, `spec H-11,
/// a convention`, bare `(H-8)`) become links to `docs/format.md` (`(see [Security line](format.md#security-line))`),
/// with `dir` as in [`format_links`]. A citation of the study's list of drafting errors (§6.3) next to
/// another ID adds nothing and is dropped; a citation no section covers is left as written (the test
/// of the generated docs fails on it). Section numbers of executive orders (`§1.5(b)`) are not citations.
pub fn link_citations(doc: &str, dir: &str) -> String {
    use regex::{Captures, Regex};
    use std::sync::LazyLock;
    static SPEC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"\bspec ((?:{CITED_ID})(?:, (?:{CITED_ID}))*)")).expect("valid regex")
    });
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"\(((?:{CITED_ID})(?:, (?:{CITED_ID}))*)([,)])")).expect("valid regex")
    });
    let linked = SPEC.replace_all(doc, |c: &Captures| {
        let ids: Vec<&str> = c[1].split(", ").collect();
        let kept: Vec<&str> = if ids.len() > 1 {
            ids.iter().copied().filter(|i| *i != "§6.3").collect()
        } else {
            ids
        };
        let links = format_links(&kept.join(", "), dir);
        if links.is_empty() {
            c[0].to_string()
        } else {
            format!("see {links}")
        }
    });
    BARE.replace_all(&linked, |c: &Captures| {
        let ids: Vec<&str> = c[1].split(", ").collect();
        if ids.iter().all(|i| format_section(i).is_some()) {
            format!("(see {}{}", format_links(&c[1], dir), &c[2])
        } else {
            c[0].to_string()
        }
    })
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    #[test]
    fn citations_become_links() {
        assert_eq!(
            link_citations("a warning (spec H-10). Also (H-4) and spec §6.3, H-13.", "docs/"),
            "a warning (see [DE line](docs/format.md#de-line)). Also (see [Security line](docs/format.md#security-line)) and see [DE line](docs/format.md#de-line)."
        );
        // Executive-order sections and unknown IDs stay as written.
        assert_eq!(link_citations("§1.5(b) (X-1)", ""), "§1.5(b) (X-1)");
    }

    #[test]
    fn every_rule_links_to_a_section() {
        for &rule in Rule::ALL {
            assert!(
                !format_sections(rule.spec()).is_empty(),
                "{} cites {:?}, which no section of docs/format.md covers",
                rule.code(),
                rule.spec()
            );
        }
    }

    #[test]
    fn ids_map_to_their_sections() {
        assert_eq!(format_section("H-4"), Some(SECURITY_LINE));
        assert_eq!(format_section("B-23"), Some(PARAGRAPHS));
        assert_eq!(format_section("§4 rel. 4"), Some(PRECEDENCE));
        assert_eq!(format_section("§6.1.7"), Some(HEADER_AND_TEXT));
        assert_eq!(format_section("X-1"), None);
        assert_eq!(format_section("H-99"), None);
        assert_eq!(
            format_sections("H-8, §4"),
            vec![PRECEDENCE],
            "two IDs of one section give one link"
        );
    }
}
