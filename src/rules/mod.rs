//! The rules: one file per rule, grouped by family, each with a stable code.
//!
//! The registry below is the single place that names every rule. `cablelint rules`, `cablelint rule
//! CODE`, `--select`, the README table and the server's `codeDescription` all read it. Each rule's
//! documentation is the `//!` comment at the top of its file.

mod context;
mod diagnostic;
pub mod facts;
mod label_typo;
mod settings;

pub mod classification;
pub mod cross;
pub mod docs_url;
pub mod format_ref;
pub mod header;
pub mod paragraphs;
pub mod record;
pub mod refs;
pub mod style;
pub mod tags;

pub use context::{Context, Report};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use facts::Facts;
pub use settings::{RuleSelector, Settings};

use crate::data::Tables;
use crate::syntax::Cable;

/// A per-cable rule's `check`; the cross-cable rules (family `cross`) run over sets instead.
macro_rules! run_rule {
    (cross, $module:ident, $ctx:expr) => {{
        let _ = $ctx;
    }};
    ($family:ident, $module:ident, $ctx:expr) => {
        $family::$module::check($ctx)
    };
}

/// A cross-cable rule's `check_set`; the per-cable rules have none.
macro_rules! run_set_rule {
    (cross, $module:ident, $ctx:expr) => {
        cross::$module::check_set($ctx)
    };
    ($family:ident, $module:ident, $ctx:expr) => {{
        let _ = $ctx;
    }};
}

macro_rules! declare_rules {
    ($( $family:ident :: $module:ident => $variant:ident, $code:literal, $name:literal, $sev:ident, $on:literal, $spec:literal, $summary:literal; )*) => {
        /// Every rule, in code order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule { $( $variant, )* }

        impl Rule {
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The rule's place in [`Rule::ALL`] (`Rule::ALL[rule.index()] == rule`): the variants
            /// are declared in the order of `ALL`, so this is the discriminant, found without a
            /// search. Per-rule tables such as [`Settings`]'s are indexed by it.
            pub const fn index(self) -> usize {
                self as usize
            }

            /// The stable code, `CBL201`.
            pub fn code(self) -> &'static str {
                match self { $( Rule::$variant => $code, )* }
            }

            /// The kebab-case name, `security-line-mismatch`.
            pub fn name(self) -> &'static str {
                match self { $( Rule::$variant => $name, )* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $( Rule::$variant => Severity::$sev, )* }
            }

            /// Whether the rule runs when no selection names it.
            pub fn enabled_by_default(self) -> bool {
                match self { $( Rule::$variant => $on, )* }
            }

            /// The spec rule IDs the rule enforces (`H-4`).
            pub fn spec(self) -> &'static str {
                match self { $( Rule::$variant => $spec, )* }
            }

            /// One line on what the rule reports.
            pub fn summary(self) -> &'static str {
                match self { $( Rule::$variant => $summary, )* }
            }

            /// The source file holding the rule and its documentation.
            fn source(self) -> &'static str {
                match self { $( Rule::$variant => include_str!(concat!(stringify!($family), "/", stringify!($module), ".rs")), )* }
            }

            /// The path of the rule's file, relative to the crate root.
            pub fn file(self) -> &'static str {
                match self { $( Rule::$variant => concat!("src/rules/", stringify!($family), "/", stringify!($module), ".rs"), )* }
            }

            /// Runs a per-cable rule over one cable (a cross-cable rule does nothing here).
            fn run(self, ctx: &Context) {
                match self { $( Rule::$variant => run_rule!($family, $module, ctx), )* }
            }

            /// Runs a cross-cable rule over a set (a per-cable rule does nothing here).
            fn run_set(self, ctx: &cross::SetContext) {
                match self { $( Rule::$variant => run_set_rule!($family, $module, ctx), )* }
            }
        }
    };
}

declare_rules! {
    // 1xx: header and routing.
    header::invalid_transmission_id => InvalidTransmissionId, "CBL101", "invalid-transmission-id", Error, true, "H-1", "The FL1 transmission identifier is not `VZCZC` + channel + sequence number";
    header::invalid_routing_line => InvalidRoutingLine, "CBL102", "invalid-routing-line", Error, true, "H-2", "The FL2 routing line is not a precedence prosign followed by routing indicators";
    header::invalid_de_line => InvalidDeLine, "CBL103", "invalid-de-line", Error, true, "H-3", "The DE line is not `DE <RI> #<serial>[/<section>] <julian day><time>`";
    header::invalid_security_line => InvalidSecurityLine, "CBL104", "invalid-security-line", Error, true, "H-4, H-5", "The FL4 security line is not `ZNR UUUUU` or `ZNY` + a classification code, with `ZZH`";
    header::invalid_dtg => InvalidDtg, "CBL105", "invalid-dtg", Error, true, "H-9", "The FL5 precedence and date-time group are malformed or not a real date and time";
    header::incomplete_header => IncompleteHeader, "CBL106", "incomplete-header", Error, true, "§1.2", "A transmission header lacks one of its required lines, or they are out of order";
    header::prosign_mismatch => ProsignMismatch, "CBL107", "prosign-mismatch", Error, true, "H-6", "The FL2 precedence prosign does not match the FL5 precedence letter";
    header::precedence_mismatch => PrecedenceMismatch, "CBL108", "precedence-mismatch", Error, true, "H-7", "The FL5 precedence is not the highest precedence among the addressees";
    header::info_precedence_too_high => InfoPrecedenceTooHigh, "CBL109", "info-precedence-too-high", Error, true, "H-8, §4", "Information addressees outrank the action addressees (FL5 second letter or INFO lines)";
    header::niact_on_info => NiactOnInfo, "CBL110", "niact-on-info", Warning, true, "§4 rel. 4", "An INFO addressee is marked NIACT IMMEDIATE";
    header::julian_day_mismatch => JulianDayMismatch, "CBL111", "julian-day-mismatch", Error, true, "H-10", "The DE line's julian day is not the day of the year of the date-time group";
    header::filing_time_window => FilingTimeWindow, "CBL112", "filing-time-window", Warning, true, "H-11", "The DE filing time is before the date-time group or more than an hour after it";
    header::de_serial_mismatch => DeSerialMismatch, "CBL113", "de-serial-mismatch", Error, true, "H-12", "The DE serial is not the banner serial's last four digits";
    header::de_section_mismatch => DeSectionMismatch, "CBL114", "de-section-mismatch", Error, true, "H-13", "The DE section does not match the banner's `SECTION n OF m`";
    header::station_mismatch => StationMismatch, "CBL115", "station-mismatch", Warning, true, "H-14", "The DE routing indicator is not the FM post's routing indicator";
    header::origin_mismatch => OriginMismatch, "CBL116", "origin-mismatch", Error, true, "H-15", "The FM post is not the banner's origin";
    header::invalid_addressee => InvalidAddressee, "CBL117", "invalid-addressee", Error, true, "H-16", "An addressee line does not follow `RI/ADDRESS [PRECEDENCE] [MCN]`";
    header::mcn_width => McnWidth, "CBL118", "mcn-width", Warning, true, "H-16", "A message continuity number is not four digits";
    header::misspelt_precedence => MisspeltPrecedence, "CBL119", "misspelt-precedence", Error, true, "§6.3", "A precedence word on an addressee line is misspelt";
    header::routine_word => RoutineWord, "CBL120", "routine-word", Info, true, "H-17", "ROUTINE is written out on an addressee line";
    header::secstate_mcn_missing => SecstateMcnMissing, "CBL121", "secstate-mcn-missing", Warning, true, "H-18", "`SECSTATE WASHDC` is addressed without a message continuity number";
    header::xmt_without_collective => XmtWithoutCollective, "CBL122", "xmt-without-collective", Warning, true, "H-19", "An XMT exemption does not follow a collective addressee";
    header::header_text_mismatch => HeaderTextMismatch, "CBL123", "header-text-mismatch", Warning, true, "§6.1.7", "The header and the text belong to different cables";
    header::missing_header => MissingHeader, "CBL124", "missing-header", Error, false, "§1.2", "The cable has no transmission header (with `require-header = true`)";
    header::addressee_pairing => AddresseePairing, "CBL125", "addressee-pairing", Info, true, "§3.7", "A routing indicator is written with an address it is not known to serve";
    header::transmission_sequence_width => TransmissionSequenceWidth, "CBL126", "transmission-sequence-width", Info, true, "H-1", "The FL1 sequence number has three digits instead of four";
    // 2xx: classification.
    classification::security_line_mismatch => SecurityLineMismatch, "CBL201", "security-line-mismatch", Error, true, "H-4", "The FL4 security code does not match the banner's classification";
    classification::invalid_banner => InvalidBanner, "CBL202", "invalid-banner", Error, true, "B-1", "The first line of the text is not a classification banner";
    classification::garbled_banner => GarbledBanner, "CBL203", "garbled-banner", Warning, true, "§6.1.6, §3.8", "The banner's classification words are garbled or not in the spaced form";
    classification::banner_serial_width => BannerSerialWidth, "CBL204", "banner-serial-width", Error, true, "B-2", "The banner serial is not six digits";
    classification::invalid_section => InvalidSection, "CBL205", "invalid-section", Error, true, "B-3", "`SECTION n OF m` is malformed or n is not between 1 and m";
    classification::continuation_mismatch => ContinuationMismatch, "CBL206", "continuation-mismatch", Error, true, "B-4", "A continuation header disagrees with the banner";
    classification::banner_below_marking => BannerBelowMarking, "CBL207", "banner-below-marking", Error, true, "B-23", "A paragraph is marked above the banner's classification";
    classification::banner_above_markings => BannerAboveMarkings, "CBL208", "banner-above-markings", Info, true, "B-24", "The banner is above every paragraph marking";
    classification::noforn_caption_mismatch => NofornCaptionMismatch, "CBL209", "noforn-caption-mismatch", Warning, true, "B-25", "NOFORN paragraphs without a NOFORN caption, or the other way round";
    classification::sbu_caption_missing => SbuCaptionMissing, "CBL210", "sbu-caption-missing", Warning, true, "B-26", "An UNCLAS cable has SBU paragraphs but no SENSITIVE caption";
    classification::sipdis_with_restrictive_caption => SipdisWithRestrictiveCaption, "CBL211", "sipdis-with-restrictive-caption", Error, true, "B-27", "SIPDIS appears with NODIS or EXDIS";
    classification::caption_order => CaptionOrder, "CBL212", "caption-order", Warning, true, "B-28", "A less restrictive caption comes before a more restrictive one";
    classification::missing_eo_line => MissingEoLine, "CBL213", "missing-eo-line", Error, true, "B-6", "The cable has no E.O. line";
    classification::invalid_eo_number => InvalidEoNumber, "CBL214", "invalid-eo-number", Error, true, "B-7", "The E.O. number is not a classification order";
    classification::eo_era_mismatch => EoEraMismatch, "CBL215", "eo-era-mismatch", Warning, true, "B-7", "The E.O. cited was not in force on the cable's date";
    classification::unclassified_with_decl => UnclassifiedWithDecl, "CBL216", "unclassified-with-decl", Warning, true, "B-8", "An UNCLAS cable carries a declassification instruction instead of `N/A`";
    classification::classified_without_decl => ClassifiedWithoutDecl, "CBL217", "classified-without-decl", Error, true, "B-9", "A classified cable's E.O. line says `N/A`";
    classification::invalid_decl_date => InvalidDeclDate, "CBL218", "invalid-decl-date", Error, true, "B-10", "The DECL date is not a calendar date";
    classification::decl_not_after_cable => DeclNotAfterCable, "CBL219", "decl-not-after-cable", Warning, true, "B-10", "The DECL date is not after the cable's date";
    classification::decl_beyond_25_years => DeclBeyond25Years, "CBL220", "decl-beyond-25-years", Warning, true, "B-11", "The DECL date is more than 25 years after the cable without a 25X exemption";
    classification::decl_horizon => DeclHorizon, "CBL221", "decl-horizon", Info, false, "B-12", "The DECL date is not the default ten years after the cable";
    classification::unclassified_classified_by => UnclassifiedClassifiedBy, "CBL222", "unclassified-classified-by", Error, true, "B-19", "An UNCLAS cable has a `Classified By` line";
    classification::missing_classification_authority => MissingClassificationAuthority, "CBL223", "missing-classification-authority", Warning, true, "B-20", "A classified cable has no classification authority block";
    classification::reason_section => ReasonSection, "CBL224", "reason-section", Warning, true, "B-21", "The classification reason cites the wrong section of the E.O. for the cable's date";
    classification::invalid_reason => InvalidReason, "CBL225", "invalid-reason", Error, true, "B-22", "The classification reason cites a letter outside a–h or a section that is not 1.4/1.5";
    classification::misspelt_caption => MisspeltCaption, "CBL226", "misspelt-caption", Warning, true, "§3.9", "A line between the banner and the E.O. line is a misspelt caption (`NOFRN`)";
    // 3xx: TAGS, SUBJECT, REF.
    tags::missing_tags => MissingTags, "CBL301", "missing-tags", Error, true, "B-14", "The cable has no TAGS line";
    tags::tags_markup => TagsMarkup, "CBL302", "tags-markup", Error, true, "§3.12", "A TAGS token carries link markup such as `[PREL](#)`";
    tags::missing_subject_tag => MissingSubjectTag, "CBL303", "missing-subject-tag", Warning, true, "B-15", "TAGS has no subject tag";
    tags::missing_geographic_tag => MissingGeographicTag, "CBL304", "missing-geographic-tag", Warning, true, "B-16", "TAGS has no geographic tag";
    tags::unknown_tag => UnknownTag, "CBL305", "unknown-tag", Info, true, "B-17", "A TAGS token is not a known code";
    tags::missing_subject => MissingSubject, "CBL306", "missing-subject", Error, true, "B-18", "The cable has no SUBJECT, or it is empty";
    tags::element_order => ElementOrder, "CBL307", "element-order", Warning, true, "B-5", "E.O., TAGS, SUBJECT, REF and Classified By are out of order";
    tags::misused_tag => MisusedTag, "CBL308", "misused-tag", Info, true, "§3.12", "A TAGS token is a known code used against its meaning (`RU` for Russia)";
    refs::reference_after_cable => ReferenceAfterCable, "CBL309", "reference-after-cable", Warning, true, "§3.14", "A REF item cites a cable sent after this one";
    refs::self_reference => SelfReference, "CBL310", "self-reference", Warning, true, "§3.14", "A REF item cites the cable itself";
    refs::unknown_reference_origin => UnknownReferenceOrigin, "CBL311", "unknown-reference-origin", Info, true, "§3.14", "A REF item's origin is not a known post or office";
    refs::malformed_reference => MalformedReference, "CBL312", "malformed-reference", Warning, true, "§3.14", "A REF item cites nothing: no text, a post without a serial, or serial 0";
    tags::tag_form => TagForm, "CBL313", "tag-form", Info, true, "§3.12", "A TAGS code is written twice, or a known code or the TAGS line in lower case";
    // 4xx: paragraphs.
    paragraphs::missing_marking => MissingMarking, "CBL401", "missing-marking", Warning, true, "T-3", "A numbered paragraph of a classified cable has no portion marking";
    paragraphs::invalid_marking => InvalidMarking, "CBL402", "invalid-marking", Error, true, "T-4", "A portion marking is not a known level and controls";
    paragraphs::paragraph_numbering => ParagraphNumbering, "CBL403", "paragraph-numbering", Warning, true, "T-1", "Paragraph numbers are not consecutive";
    paragraphs::single_paragraph_numbered => SingleParagraphNumbered, "CBL404", "single-paragraph-numbered", Info, true, "T-2", "A cable's only paragraph is numbered";
    paragraphs::unclosed_summary => UnclosedSummary, "CBL405", "unclosed-summary", Warning, true, "T-5", "A summary is opened and never closed, or closed without an opener";
    paragraphs::missing_summary => MissingSummary, "CBL406", "missing-summary", Info, true, "T-6", "A cable of more than three pages has no summary";
    paragraphs::unbalanced_comment => UnbalancedComment, "CBL407", "unbalanced-comment", Info, true, "T-7", "`END COMMENT` or `END NOTE` has no opener";
    paragraphs::niact_justification => NiactJustification, "CBL408", "niact-justification", Info, true, "T-8", "A NIACT IMMEDIATE cable does not justify NIACT in paragraph 1";
    paragraphs::missing_signature => MissingSignature, "CBL409", "missing-signature", Warning, true, "T-9", "The cable does not end with a signature";
    paragraphs::placeholder => Placeholder, "CBL410", "placeholder", Error, true, "§3.13, §3.16", "A placeholder of a skeleton (`[[SUBJECT]]`) is still to be written";
    paragraphs::missing_text => MissingText, "CBL411", "missing-text", Error, true, "§3.16", "The cable has no text after the elements before it";
    // 5xx: style.
    style::line_too_long => LineTooLong, "CBL501", "line-too-long", Info, false, "§3.23", "A line is longer than 69 characters";
    style::decl_date_format => DeclDateFormat, "CBL502", "decl-date-format", Info, false, "B-13", "The DECL date is not written `MM/DD/YYYY`";
    style::redaction_marker => RedactionMarker, "CBL503", "redaction-marker", Info, false, "T-10", "A redaction run `XXXXXXXXXXXX` stands in the text";
    style::non_canonical_label => NonCanonicalLabel, "CBL504", "non-canonical-label", Info, false, "§6.2.3", "An E.O., TAGS or SUBJECT label is not written in its canonical form";
    // 6xx: release records and received copies.
    record::joined_lines => JoinedLines, "CBL601", "joined-lines", Info, true, "§6.1.9, §3.23", "The release joined lines: several elements on one line, or text without its line breaks";
    record::page_header => PageHeader, "CBL602", "page-header", Info, true, "§3.7, §6.1.4", "A received copy's page header stands in the addressees or the text";
    record::truncated_preview => TruncatedPreview, "CBL603", "truncated-preview", Info, true, "§6.1.5", "A record shows a truncated preview of the text before the full record";
    record::dump_lines => DumpLines, "CBL604", "dump-lines", Info, true, "§6.1.5", "Database, CSV or web-inbox dump lines stand around the cable";
    record::attached_text => AttachedText, "CBL605", "attached-text", Warning, true, "§6.1.7, §6.1.8", "Another cable's text is attached to this one";
    record::garbled_serial => GarbledSerial, "CBL606", "garbled-serial", Warning, true, "§6.1.6, B-2", "The banner serial was garbled by the release";
    record::incomplete_record => IncompleteRecord, "CBL607", "incomplete-record", Warning, true, "§2, B-6, B-14, B-18", "A release record lacks the banner, the E.O. line, TAGS or SUBJECT";
    record::garbled_continuation => GarbledContinuation, "CBL608", "garbled-continuation", Warning, true, "§3.19, B-4", "Every continuation header gives another section count than the banner";
    // 7xx: across cables (run over the cables checked together).
    cross::duplicate_serial => DuplicateSerial, "CBL701", "duplicate-serial", Error, true, "§3.8, B-2", "Two different cables of one post carry the same serial in one year";
    cross::dangling_reference => DanglingReference, "CBL702", "dangling-reference", Warning, true, "§3.14", "A REF item cites a cable of a series the checked files hold, and they do not hold it";
    cross::mcn_not_increasing => McnNotIncreasing, "CBL703", "mcn-not-increasing", Warning, true, "§3.7", "A message continuity number does not follow the post's previous one to that addressee";
}

impl Rule {
    /// The severities below its default that some of the rule's findings take, highest first: the
    /// documented softer cases its file reports with [`Context::report_softer`] (an unclosed
    /// summary opener is information, an unclosed closer a warning). Empty for most rules.
    pub fn softer_severities(self) -> &'static [Severity] {
        match self {
            Rule::InvalidSecurityLine | Rule::JulianDayMismatch => &[Severity::Warning],
            Rule::InvalidMarking => &[Severity::Warning, Severity::Info],
            Rule::UnclosedSummary => &[Severity::Info],
            _ => &[],
        }
    }

    /// The severity as the rule lists show it: the default, then the softer ones some findings
    /// take (`warning (or info)`, `error (or warning, info)`).
    pub fn severity_label(self) -> String {
        let default = self.default_severity().as_str();
        match self.softer_severities() {
            [] => default.to_string(),
            softer => format!(
                "{default} (or {})",
                softer
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// Whether the rule compares the cables of a checked set (`CBL7xx`, see [`cross`]) rather than
    /// checking one cable.
    pub fn is_cross(self) -> bool {
        self.code().as_bytes()[3] == b'7'
    }

    /// Looks a rule up by code (`CBL201`, any case) or name (`security-line-mismatch`).
    pub fn from_code_or_name(s: &str) -> Option<Rule> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.code().eq_ignore_ascii_case(s) || r.name() == s)
    }

    /// The rule's documentation in Markdown: the `//!` comment of its file.
    pub fn documentation(self) -> String {
        let mut out = String::new();
        for line in self.source().lines() {
            if let Some(rest) = line.strip_prefix("//!") {
                out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
                out.push('\n');
            } else if !line.trim().is_empty() {
                break;
            }
        }
        out
    }

    /// The family a rule belongs to, by its hundreds digit.
    pub fn family(self) -> &'static str {
        match &self.code()[3..4] {
            "1" => "Header and routing",
            "2" => "Classification",
            "3" => "TAGS, SUBJECT and REF",
            "4" => "Paragraphs",
            "6" => "Release records",
            "7" => "Across cables",
            _ => "Style",
        }
    }
}

/// Runs every enabled rule over a parsed cable.
pub fn check_cable(cable: &Cable, settings: &Settings, tables: &Tables) -> Vec<Diagnostic> {
    let mut ctx = Context::new(cable, settings, tables);
    for &rule in Rule::ALL {
        if settings.is_enabled(rule) && !rule.is_cross() {
            ctx.set_rule(rule);
            rule.run(&ctx);
        }
    }
    let mut diagnostics = ctx.finish();
    leave_placeholders_to_their_rule(cable.src, &mut diagnostics);
    diagnostics
}

/// Drops the findings of other rules that lie on a placeholder (`[[TAGS]]`, `[[SIGNATURE]]`):
/// what a placeholder stands for is not written yet, so `placeholder` alone reports it. A finding
/// overlaps a placeholder when their ranges share a byte, or when an empty range lies inside it.
fn leave_placeholders_to_their_rule(src: &str, diagnostics: &mut Vec<Diagnostic>) {
    let spots: Vec<std::ops::Range<usize>> = crate::vocab::placeholders(src).collect();
    if spots.is_empty() {
        return;
    }
    // The placeholders come in text order and apart, so their ends rise too: the only one a
    // finding can overlap is the first that ends after the finding starts, found by binary search
    // (a scan of every placeholder for every finding was quadratic on a line of many of them).
    diagnostics.retain(|d| {
        let (s, e) = (d.range.start(), d.range.end());
        let next = spots.partition_point(|p| p.end <= s);
        let overlaps = match spots.get(next) {
            Some(p) if s == e => p.start <= s,
            Some(p) => p.start < e,
            None => false,
        };
        d.rule == Rule::Placeholder || !overlaps
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for &rule in Rule::ALL {
            assert!(codes.insert(rule.code()), "duplicate code {}", rule.code());
            assert!(names.insert(rule.name()), "duplicate name {}", rule.name());
            let code = rule.code();
            assert!(
                code.len() == 6
                    && code.starts_with("CBL")
                    && code[3..].bytes().all(|b| b.is_ascii_digit())
            );
            assert!(rule
                .name()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
    }

    #[test]
    fn file_variant_and_name_agree() {
        for &rule in Rule::ALL {
            let name = rule.name();
            let file = format!("/{}.rs", name.replace('-', "_"));
            assert!(
                rule.file().ends_with(&file),
                "{name} lives in {}",
                rule.file()
            );
            let variant: String = name
                .split('-')
                .map(|w| w[..1].to_ascii_uppercase() + &w[1..])
                .collect();
            assert_eq!(format!("{rule:?}"), variant, "the variant of {name}");
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for &rule in Rule::ALL {
            let doc = rule.documentation();
            for heading in ["## What it does", "## Why", "## Example"] {
                assert!(
                    doc.contains(heading),
                    "{} ({}) lacks `{heading}` in {}",
                    rule.code(),
                    rule.name(),
                    rule.file()
                );
            }
        }
    }
}
