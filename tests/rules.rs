//! Per-rule fixture tests.
//!
//! Four base cables that we wrote ourselves live in `tests/rules/base/`: a two-section CONFIDENTIAL
//! post cable with a full transmission header (`confidential.cable`, dated in a leap year so that
//! the DE julian day counts 29 February), an UNCLAS SBU cable dated 29 February 2008 (`sbu.cable`),
//! a SECRET//NOFORN Department cable dated 31 December 2008, julian day 366 (`secret.cable`), and a
//! draft without a header that starts at the banner (`draft.cable`). Every base cable must be free
//! of diagnostics: that is what proves the rules stay silent on correct cables.
//!
//! Every other fixture is a base cable with a few textual edits, written as `(find, replace)` pairs
//! in the tables below, so that each case is one line and its intent is plain. For every rule there
//! is at least one fixture that must trigger it (on a given line) and one near miss that must not;
//! rules with fixes have their fixes applied and checked. The last tests feed the parser hostile
//! input and check that it neither panics nor loses lines.

mod support;

use cablelint::data::Tables;
use cablelint::rules::{Applicability, Diagnostic, Rule, RuleSelector, Settings};
use cablelint::syntax::{parse, LineIndex};
use cablelint::workspace::fix::apply_fixes;
use cablelint::Severity;
use support::every_rule;

const CONFIDENTIAL: &str = include_str!("rules/base/confidential.cable");
const SBU: &str = include_str!("rules/base/sbu.cable");
const SECRET: &str = include_str!("rules/base/secret.cable");
const DRAFT: &str = include_str!("rules/base/draft.cable");

/// Short names for the bases, to keep the case tables narrow.
const C: &str = CONFIDENTIAL;
const U: &str = SBU;
const S: &str = SECRET;
const D: &str = DRAFT;

const BASES: [(&str, &str); 4] = [
    ("confidential.cable", CONFIDENTIAL),
    ("sbu.cable", SBU),
    ("secret.cable", SECRET),
    ("draft.cable", DRAFT),
];

// ------------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------------

use support::edit;

/// The settings for a fixture of `rule`: the defaults plus the rule itself (so that rules that are
/// off by default are tested too), and `require-header` for the rule that needs it.
fn settings_for(rule: Rule) -> Settings {
    let sel = RuleSelector::parse(rule.code()).expect("every rule code is a selector");
    let mut s = Settings::from_selection(None, &[sel], &[]);
    s.require_header = rule == Rule::MissingHeader;
    s
}

fn check(text: &str, settings: &Settings) -> Vec<Diagnostic> {
    cablelint::check(text, settings, Tables::builtin())
}

/// The diagnostics as `line: CODE name: message` (1-based lines), for failure messages.
fn render(text: &str, diags: &[Diagnostic]) -> String {
    let idx = LineIndex::new(text);
    let mut out = String::new();
    for d in diags {
        let line = idx.line_of(d.range.start()) + 1;
        let fix = d
            .fix
            .as_ref()
            .map(|f| format!(" [fix, {}: {}]", f.applicability.as_str(), f.message))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {line}: {} {} ({}): {}{fix}\n",
            d.rule.code(),
            d.rule.name(),
            d.severity.as_str(),
            d.message
        ));
    }
    if out.is_empty() {
        out.push_str("  (no diagnostics)\n");
    }
    out
}

/// The zero-based line holding the first occurrence of `snippet`.
fn line_of_snippet(text: &str, snippet: &str) -> usize {
    let at = text
        .find(snippet)
        .unwrap_or_else(|| panic!("the fixture has no `{snippet}` to anchor the expected line"));
    LineIndex::new(text).line_of(at)
}

// ------------------------------------------------------------------------------------------------
// 1. The base cables are clean
// ------------------------------------------------------------------------------------------------

#[test]
fn base_cables_have_no_diagnostics_with_default_settings() {
    let mut failures = String::new();
    for (name, text) in BASES {
        let diags = check(text, &Settings::default());
        if !diags.is_empty() {
            failures.push_str(&format!("{name}:\n{}", render(text, &diags)));
        }
    }
    assert!(
        failures.is_empty(),
        "base cables must be clean:\n{failures}"
    );
}

#[test]
fn base_cables_with_headers_have_no_diagnostics_with_every_rule_on() {
    // The draft has no header, which `require-header` reports by design; the others must pass
    // every rule, including the style rules that are off by default.
    let mut failures = String::new();
    for (name, text) in BASES.iter().filter(|(_, t)| *t != DRAFT) {
        let diags = check(text, &every_rule());
        if !diags.is_empty() {
            failures.push_str(&format!("{name}:\n{}", render(text, &diags)));
        }
    }
    let mut s = every_rule();
    s.require_header = false;
    let diags = check(DRAFT, &s);
    if !diags.is_empty() {
        failures.push_str(&format!("draft.cable:\n{}", render(DRAFT, &diags)));
    }
    assert!(
        failures.is_empty(),
        "base cables must be clean:\n{failures}"
    );
}

#[test]
fn base_cables_stay_clean_with_crlf_and_lone_cr_line_breaks() {
    let mut failures = String::new();
    for (name, text) in BASES {
        for (style, converted) in [
            ("CRLF", text.replace('\n', "\r\n")),
            ("CR", text.replace('\n', "\r")),
        ] {
            let diags = check(&converted, &Settings::default());
            if !diags.is_empty() {
                failures.push_str(&format!(
                    "{name} with {style} line breaks:\n{}",
                    render(&converted, &diags)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn base_cables_are_what_they_claim_to_be() {
    // Guards the fixtures themselves: the tables below rely on these facts.
    let c = parse(CONFIDENTIAL);
    let de = c.header.de.as_ref().expect("DE line");
    let dtg = c.header.dtg.as_ref().and_then(|d| d.dtg).expect("DTG");
    let date = dtg.date().expect("a real date");
    assert_eq!((date.year, date.month, date.day), (2008, 3, 12));
    // 2008 is a leap year: 31 + 29 + 12.
    assert_eq!(de.julian_day.map(|j| j.value), Some(72));
    assert_eq!(c.body.paragraphs.len(), 4);
    assert_eq!(c.body.continuations.len(), 1);
    assert!(c.body.classified_by.is_some() && c.body.signature.is_some());

    let s = parse(SBU);
    let dtg = s.header.dtg.as_ref().and_then(|d| d.dtg).expect("DTG");
    assert_eq!(dtg.date().map(|d| d.ordinal()), Some(60));
    assert_eq!(
        s.header
            .de
            .as_ref()
            .and_then(|d| d.julian_day)
            .map(|j| j.value),
        Some(60)
    );
    assert!(s.body.classified_by.is_none());

    let x = parse(SECRET);
    let dtg = x.header.dtg.as_ref().and_then(|d| d.dtg).expect("DTG");
    assert_eq!(dtg.date().map(|d| d.ordinal()), Some(366));
    assert!(x.body.paragraphs[0]
        .marking
        .as_ref()
        .is_some_and(|m| m.noforn));

    let d = parse(DRAFT);
    assert!(!d.header.is_present());
    assert!(d.body.banner.is_some() && d.body.eo.is_some());
}

// ------------------------------------------------------------------------------------------------
// 1b. Legitimate variants (spec §6) are as clean as the bases
// ------------------------------------------------------------------------------------------------

/// Variants the spec says a validator must accept (§6.1 release artifacts, §6.2 historical and
/// regional variation): each is a base cable with edits, and must get no diagnostic at all with the
/// default settings.
#[rustfmt::skip]
const LEGIT: &[(&str, &str, Edits)] = &[
    ("paragraphs without the release's pilcrow", C, &[("¶1.", "1."), ("¶2.", "2."), ("¶3.", "3."), ("¶4.", "4.")]),
    ("no space before the marking", C, &[("¶1. (C)", "¶1.(C)"), ("¶2. (C)", "¶2.(C)")]),
    ("the `1).` paragraph style", U, &[("¶1. (SBU)", "1). (SBU)"), ("¶2. (SBU)", "2). (SBU)"), ("¶3. (U)", "3). (U)")]),
    ("the marking after a label", C, &[("¶1. (C) Summary.", "¶1. Summary: (C)")]),
    ("a lettered REF list", C, &[("REF: 08 TOKYO 1187", "REF: A. 08 TOKYO 1187\n     B. 08 SEOUL 512")]),
    ("REFS with parenthesised letters", C, &[("REF: 08 TOKYO 1187", "REFS: (A) 08 TOKYO 1187 (B) STATE 21455")]),
    ("reasons `1.4 (b,d)`", C, &[("Reasons 1.4 (b) and (d).", "Reasons 1.4 (b,d).")]),
    ("reasons `1.4(B)(D)`", C, &[("Reasons 1.4 (b) and (d).", "Reasons 1.4(B)(D).")]),
    ("reasons `REASON: 1.4 (b&d)`", C, &[("Reasons 1.4 (b) and (d).", "REASON: 1.4 (b&d)")]),
    ("reasons `1.4 b/d`", C, &[("Reasons 1.4 (b) and (d).", "Reasons 1.4 b/d")]),
    ("reasons wrapped mid-word", D, &[("1.4 (b) and (d).", "1.4 (b) a\nnd (d).")]),
    ("upper-case authority label", C, &[("Classified By:", "CLASSIFIED BY:")]),
    ("authority with name first", D, &[("Classified By: Ambassador Lee Carrow. Reasons", "Classified By: Lee Carrow, Ambassador, Embassy Jakarta, Dept of State. REASON:")]),
    ("`Summary:` and `END SUMMARY.`", C, &[("(C) Summary. Senior", "(C) Summary: Senior"), ("End Summary.", "END SUMMARY.")]),
    ("`End summary` in lower case", C, &[("End Summary.", "End summary.")]),
    ("`Summary and Comment`", C, &[("(C) Summary. Senior", "(C) Summary and Comment: Senior"), ("End Summary.", "End Summary and Comment.")]),
    ("a dashed SUMMARY heading", C, &[("¶1. (C) Summary. Senior", "-------\nSUMMARY\n-------\n\n¶1. (C) Senior"), ("round.\nEnd Summary.", "round.")]),
    ("an inline comment", C, &[("(C) Comment: The decision", "(C) The decision"), ("summit. End Comment.", "summit. (Comment: Both sides are cautious. End comment.)")]),
    ("an inline note", U, &[("next tender.", "next tender. (Note: The tender closes March 15. End Note.)")]),
    ("a final comment paragraph without a closer", C, &[("summit. End Comment.", "summit.")]),
    ("SIPDIS twice", C, &[("\nSIPDIS\n", "\nSIPDIS\nSIPDIS\n")]),
    ("NOFORN and SIPDIS on one line", S, &[("NOFORN\nSIPDIS", "NOFORN SIPDIS")]),
    ("a passing line", C, &[("SIPDIS\n\nE.O.", "SIPDIS\n\nDEPT FOR EAP/K AND EAP/J\nE.O.")]),
    ("a passing line joined to the E.O. line", C, &[("SIPDIS\n\nE.O.", "SIPDIS\n\nDEPT FOR EAP/K E.O.")]),
    ("E.O. and TAGS joined on one line", C, &[("03/12/2018\nTAGS:", "03/12/2018 TAGS:")]),
    ("`EO 12958 DECL:` without colon", C, &[("E.O. 12958: DECL:", "EO 12958 DECL:")]),
    ("DECL date as M/D/YYYY", C, &[("DECL: 03/12/2018", "DECL: 3/12/2018")]),
    ("DECL date as YYYY/MM/DD", C, &[("DECL: 03/12/2018", "DECL: 2018/03/12")]),
    ("TAGS wrapped onto a second line", C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL PGOV\nJA KS")]),
    ("TAGS with commas", C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL, PGOV, JA, KS")]),
    ("TAGS without colon", C, &[("TAGS: PREL PGOV JA KS", "TAGS PREL, PGOV, JA, KS")]),
    ("a personal tag", C, &[("TAGS: PREL PGOV JA KS", "TAGS: OVIP (WHITFIELD, DANA) PREL PGOV JA KS")]),
    ("a personal tag without parentheses", C, &[("TAGS: PREL PGOV JA KS", "TAGS: OVIP WHITFIELD MARCUS PREL PGOV JA KS")]),
    ("an organisation tag", S, &[("KN CH", "KN CH IAEA")]),
    ("a marked subject", C, &[("SUBJECT: ROK", "SUBJECT: (C) ROK")]),
    ("a subject with a topic prefix", U, &[("SUBJECT: PHILIPPINE", "SUBJECT: PHILIPPINES: RICE")]),
    ("a mixed-case subject", D, &[("SUBJECT: INDONESIA WEIGHS NEW COUNTERTERRORISM COORDINATION\nBODY", "SUBJECT: Indonesia Weighs New Counterterrorism Coordination\nBody")]),
    ("a three-line subject", U, &[("FEWER BIDS\n", "FEWER BIDS\nAS PRICES CLIMB IN THAILAND AND\nVIETNAM\n")]),
    ("single-slash NOFORN markings", S, &[("(S//NF) This", "(S/NF) This"), ("(C//NF)", "(C/NF)")]),
    ("a REL TO marking", S, &[("(S//NF) We", "(S//REL TO USA, FVEY) We")]),
    ("an unmarked UNCLAS paragraph", U, &[("¶3. (U) Post", "¶3. Post")]),
    ("two-letter precedence on FL5", C, &[("O 120745Z MAR 08", "O P 120745Z MAR 08")]),
    ("DE filed at the DTG minute", C, &[("0720751", "0720745")]),
    ("operating signals after the DTG", U, &[("P 290312Z FEB 08", "P 290312Z FEB 08 ZFF4")]),
    ("a wrapped routing line", C, &[("OO RUEHBJ RUEHKO RUEHMO", "OO RUEHBJ RUEHKO\nRUEHMO RUEHFK")]),
    ("an MCN range", C, &[("PRIORITY 3307", "PRIORITY 3307-3308")]),
    ("a PLAD with an office suffix", C, &[("RHEHNSC/NSC WASHDC PRIORITY", "RUEAIIA/CIA WASHDC//DI// PRIORITY")]),
    ("a ZEN addressee", C, &[("RUEHMO/AMEMBASSY MOSCOW", "ZEN/AMEMBASSY MOSCOW")]),
    ("XMT after a collective", C, &[("NSC WASHDC PRIORITY\n", "NSC WASHDC PRIORITY\nRUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY\nXMT AMEMBASSY SOFIA\n")]),
    ("NNNN after the signature", S, &[("\nHARTLEY\n", "\nHARTLEY\nNNNN\n")]),
    ("the signature appended to the last line", C, &[("summit. End Comment.\n\nMARTINDALE", "summit. End Comment. MARTINDALE")]),
    ("two surnames as signature", D, &[("\nCARROW\n", "\nCARROW HALE\n")]),
    ("a continuation header with two blanks and a sub-page", C, &[("SEOUL 00000614 002 OF 002", "SEOUL  00000614  001.2 OF 002")]),
    ("a page break splitting a sentence", C, &[("the shared\nzone.", "the shared\nSEOUL 00000614 002 OF 002\nzone."), ("procedures.\nSEOUL 00000614 002 OF 002\n", "procedures.\n")]),
    ("lettered sub-items in a paragraph", C, &[("first meeting.", "first meeting:\nA. fisheries quotas;\nB. inspection procedures.")]),
    ("dash bullets in a paragraph", C, &[("first meeting.", "first meeting:\n-- fisheries quotas;\n-- inspection procedures.")]),
    ("a numbered list without markings in a paragraph", U, &[("next tender.", "next tender:\n1) the bid deadline;\n2) the volume.")]),
    ("a text line starting with a decimal", U, &[("\nbe covered from stocks", "\n1.4 million tons would be covered from stocks")]),
    ("a dashed heading in the text", C, &[("¶4. (C) Comment: The decision", "-------\nCOMMENT\n-------\n\n¶4. (C) The decision"), ("summit. End Comment.", "summit.")]),
    ("an action request in paragraph 1 and the summary in paragraph 2", S, &[("highest appropriate level.", "highest appropriate level. See paragraph 3."), ("¶2. (S//NF) We", "¶2. (S//NF) Summary: We"), ("in November.", "in November. End Summary.")]),
    ("the partial-record notice before a draft", D, &[("C O N F I D E N T I A L JAKARTA", "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\nC O N F I D E N T I A L JAKARTA")]),
    ("a section-2 copy", C, &[("#0614/01", "#0614/02"), ("SECTION 01 OF 02", "SECTION 02 OF 02")]),
    ("a single-section cable with `/01`", S, &[("#6612 ", "#6612/01 ")]),
    ("an UNCLAS cable without SBU", U, &[("SENSITIVE\nSIPDIS", "SIPDIS"), ("(SBU) The", "(U) The"), ("(SBU) Agri", "(U) Agri")]),
    ("a NOFORN caption before SIPDIS on separate lines with a marking line", S, &[("NOFORN\nSIPDIS", "SECRET//NOFORN\nSIPDIS")]),
    ("DECL with a 25X exemption", S, &[("DECL: 12/31/2018", "DECL: 25X1-HUMAN")]),
    ("DECL as event text", C, &[("DECL: 03/12/2018", "DECL: TEN YEARS AFTER KOREAN UNIFICATION")]),
    ("a Department cable to a collective", S, &[("INFO RUEHUL/AMEMBASSY SEOUL PRIORITY 2290\n", "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY\nRUEHUL/AMEMBASSY SEOUL PRIORITY 2290\n")]),
    ("a NIACT cable that justifies NIACT", C, &[("WASHDC IMMEDIATE 5521", "WASHDC NIACT IMMEDIATE 5521"), ("(C) Summary. Senior", "(C) NIACT precedence because talks open March 13. Summary: Senior")]),
    ("a short redaction run", C, &[("General Park said", "General XXXXXXXXXXXX said")]),
];

#[test]
fn legitimate_variants_have_no_diagnostics() {
    let mut failures = String::new();
    for (what, base, edits) in LEGIT {
        let text = edit(base, edits);
        // A release artifact (lines the export joined) is named by its own information finding
        // (`CBL6xx`); nothing else may be reported.
        let diags: Vec<Diagnostic> = check(&text, &Settings::default())
            .into_iter()
            .filter(|d| !(d.rule.code().starts_with("CBL6") && d.severity == Severity::Info))
            .collect();
        if !diags.is_empty() {
            failures.push_str(&format!("{what}:\n{}", render(&text, &diags)));
        }
    }
    assert!(
        failures.is_empty(),
        "legitimate variants must be clean:\n{failures}"
    );
}

// ------------------------------------------------------------------------------------------------
// 2. Every rule: a fixture that triggers it and a near miss that must not
// ------------------------------------------------------------------------------------------------

type Edits = &'static [(&'static str, &'static str)];

#[derive(Clone, Copy)]
enum Expect {
    /// The rule reports a diagnostic starting on the line of the first occurrence of the snippet.
    Fires(&'static str),
    /// The rule stays silent.
    Quiet,
}

#[derive(Clone, Copy)]
struct Case {
    rule: Rule,
    base: &'static str,
    edits: Edits,
    expect: Expect,
}

const fn fires(rule: Rule, base: &'static str, edits: Edits, at: &'static str) -> Case {
    Case {
        rule,
        base,
        edits,
        expect: Expect::Fires(at),
    }
}

const fn quiet(rule: Rule, base: &'static str, edits: Edits) -> Case {
    Case {
        rule,
        base,
        edits,
        expect: Expect::Quiet,
    }
}

use Rule::*;

#[rustfmt::skip]
const CASES: &[Case] = &[
    // ---- 1xx: header and routing --------------------------------------------------------------
    fires(InvalidTransmissionId, C, &[("VZCZCXRO4417", "VZCZCXR04417")], "VZCZC"),
    fires(InvalidTransmissionId, C, &[("VZCZCXRO4417", "VZCZCXRO41")], "VZCZC"),
    quiet(InvalidTransmissionId, C, &[("VZCZCXRO4417", "VZCZCADI319")]),

    fires(InvalidRoutingLine, C, &[("RUEHKO RUEHMO\n", "RUEHKO XUEHMO\n")], "OO RUEHBJ"),
    quiet(InvalidRoutingLine, C, &[("OO RUEHBJ RUEHKO RUEHMO", "OO RUEHBJ RUEHKO\nRUEHMO RUEHFK")]),
    quiet(InvalidRoutingLine, C, &[("OO RUEHBJ", "NN RUEHBJ")]),

    fires(InvalidDeLine, C, &[("#0614/01", "#0614/1")], "DE RUEHUL"),
    fires(InvalidDeLine, C, &[("0720751", "3670751")], "DE RUEHUL"),
    fires(InvalidDeLine, C, &[("#0614/01", "0614/01")], "DE RUEHUL"),
    quiet(InvalidDeLine, S, &[("#6612 ", "#6612/01 ")]),

    fires(InvalidSecurityLine, C, &[("ZNY CCCCC ZZH", "ZNR CCCCC ZZH")], "ZNR CCCCC"),
    fires(InvalidSecurityLine, C, &[("ZNY CCCCC ZZH", "ZNY CCCCC")], "ZNY CCCCC"),
    fires(InvalidSecurityLine, C, &[("ZNY CCCCC ZZH", "ZNY QQQQQ ZZH")], "ZNY QQQQQ"),
    quiet(InvalidSecurityLine, S, &[("ZNY SSSSS ZZH", "ZNY SSSAA ZZH")]),
    quiet(InvalidSecurityLine, C, &[("ZNY CCCCC ZZH", "ZNY CCCCC ZZH ZDK")]),

    // Formerly known bugs: a bad prosign or precedence letter is still read as that header line.
    fires(InvalidRoutingLine, C, &[("OO RUEHBJ", "OQ RUEHBJ")], "OQ RUEHBJ"),
    fires(InvalidDtg, C, &[("O 120745Z MAR 08", "Q 120745Z MAR 08")], "Q 120745Z"),
    fires(InvalidDtg, C, &[("O 120745Z MAR 08", "O Q 120745Z MAR 08")], "O Q 120745Z"),
    fires(InvalidDtg, C, &[("120745Z MAR 08", "120745Z MRZ 08")], "O 120745Z"),
    // 2009 is not a leap year: there is no 29 February.
    fires(InvalidDtg, U, &[("290312Z FEB 08", "290312Z FEB 09")], "P 290312Z"),
    fires(InvalidDtg, C, &[("120745Z MAR 08", "122475Z MAR 08")], "O 122475Z"),
    fires(InvalidDtg, C, &[("O 120745Z MAR 08", "O 120745Z MAR")], "O 120745Z"),
    quiet(InvalidDtg, U, &[("P 290312Z FEB 08", "P R 290312Z FEB 08")]),

    fires(IncompleteHeader, C, &[("FM AMEMBASSY SEOUL\n", "")], "VZCZCXRO4417"),
    fires(IncompleteHeader, C, &[("ZNY CCCCC ZZH\n", "ZNY CCCCC ZZH\nGARBLED LINE 7\n")], "GARBLED LINE 7"),
    // INFO is optional, and the XYZ copy's blank line after the routing line is normal.
    quiet(IncompleteHeader, C, &[("INFO RUEHBJ/AMEMBASSY BEIJING PRIORITY 4410\nRUEHKO/AMEMBASSY TOKYO PRIORITY 3307\nRUEHMO/AMEMBASSY MOSCOW PRIORITY 1185\nRHEHNSC/NSC WASHDC PRIORITY\n", "")]),
    quiet(IncompleteHeader, S, &[]),

    fires(ProsignMismatch, C, &[("OO RUEHBJ", "PP RUEHBJ")], "PP RUEHBJ"),
    quiet(ProsignMismatch, C, &[("OO RUEHBJ", "NN RUEHBJ")]),

    fires(PrecedenceMismatch, C, &[("WASHDC IMMEDIATE 5521", "WASHDC PRIORITY 5521")], "O 120745Z"),
    fires(PrecedenceMismatch, U, &[("PP RUEHBK", "OO RUEHBK"), ("P 290312Z", "O 290312Z")], "O 290312Z"),
    quiet(PrecedenceMismatch, C, &[("WASHDC IMMEDIATE 5521", "WASHDC NIACT IMMEDIATE 5521")]),

    fires(InfoPrecedenceTooHigh, U, &[("P 290312Z", "P O 290312Z")], "P O 290312Z"),
    quiet(InfoPrecedenceTooHigh, U, &[("P 290312Z", "P R 290312Z")]),
    quiet(InfoPrecedenceTooHigh, U, &[("P 290312Z", "P P 290312Z")]),

    fires(NiactOnInfo, C, &[("BEIJING PRIORITY 4410", "BEIJING NIACT IMMEDIATE 4410")], "INFO RUEHBJ"),
    quiet(NiactOnInfo, C, &[("WASHDC IMMEDIATE 5521", "WASHDC NIACT IMMEDIATE 5521")]),

    // Non-leap arithmetic gives 071 for 12 March 2008 and 365 for 31 December 2008.
    fires(JulianDayMismatch, C, &[("0720751", "0710751")], "DE RUEHUL"),
    fires(JulianDayMismatch, S, &[("3661422", "3651422")], "DE RUEHC"),
    fires(JulianDayMismatch, U, &[("0600315", "0610315")], "DE RUEHML"),
    // Filed seven minutes after a DTG of 23:55 on 31 December 2009: day 001 of 2010 is right.
    quiet(JulianDayMismatch, S, &[("3661422", "0010002"), ("311420Z DEC 08", "312355Z DEC 09")]),
    // Filed just after midnight of a leap day.
    quiet(JulianDayMismatch, U, &[("0600315", "0610012"), ("290312Z FEB 08", "292355Z FEB 08")]),

    fires(FilingTimeWindow, C, &[("0720751", "0720630")], "DE RUEHUL"),
    fires(FilingTimeWindow, C, &[("0720751", "0720946")], "DE RUEHUL"),
    quiet(FilingTimeWindow, C, &[("0720751", "0720845")]),
    quiet(FilingTimeWindow, C, &[("0720751", "0720630"), ("O 120745Z MAR 08", "O 120745Z MAR 08 ZDS")]),

    fires(DeSerialMismatch, C, &[("#0614/01", "#0615/01")], "DE RUEHUL"),
    quiet(DeSerialMismatch, C, &[("#0614/01", "#1614/01"), ("SEOUL 000614", "SEOUL 011614"), ("SEOUL 00000614", "SEOUL 00011614")]),

    fires(DeSectionMismatch, C, &[("#0614/01", "#0614/02")], "DE RUEHUL"),
    fires(DeSectionMismatch, C, &[("#0614/01", "#0614")], "DE RUEHUL"),
    // `/01` on a cable without SECTION is normal.
    quiet(DeSectionMismatch, S, &[("#6612 ", "#6612/01 ")]),
    quiet(DeSectionMismatch, C, &[("#0614/01", "#0614/02"), ("SECTION 01 OF 02", "SECTION 02 OF 02")]),

    fires(StationMismatch, C, &[("DE RUEHUL", "DE RUEHKO")], "DE RUEHKO"),
    // A post the tables do not know cannot be judged.
    quiet(StationMismatch, C, &[("FM AMEMBASSY SEOUL", "FM AMEMBASSY ATLANTIS")]),

    fires(OriginMismatch, C, &[("SEOUL 000614", "PUSAN 000614")], "C O N F I D E N T I A L"),
    quiet(OriginMismatch, S, &[]),
    quiet(OriginMismatch, S, &[("FM SECSTATE WASHDC", "FM USMISSION USUN NEW YORK"), ("STATE 136612", "USUN NEW YORK 136612")]),

    fires(InvalidAddressee, C, &[("AMEMBASSY MOSCOW PRIORITY", "AMEMBASSY Moscow PRIORITY")], "RUEHMO/"),
    fires(InvalidAddressee, C, &[("RUEHMO/AMEMBASSY MOSCOW", "RUEHMO AMEMBASSY MOSCOW")], "RUEHMO AMEMBASSY"),
    quiet(InvalidAddressee, C, &[("RHEHNSC/NSC WASHDC PRIORITY", "RUEAIIA/CIA WASHDC//DI// PRIORITY")]),
    quiet(InvalidAddressee, C, &[("RUEHMO/AMEMBASSY MOSCOW", "ZEN/AMEMBASSY MOSCOW")]),

    fires(McnWidth, C, &[("PRIORITY 3307", "PRIORITY 307")], "RUEHKO/"),
    fires(McnWidth, C, &[("PRIORITY 3307", "PRIORITY 3307-338")], "RUEHKO/"),
    quiet(McnWidth, C, &[("PRIORITY 3307", "PRIORITY 3307-3308")]),

    fires(MisspeltPrecedence, C, &[("BEIJING PRIORITY 4410", "BEIJING PRIORTY 4410")], "INFO RUEHBJ"),
    fires(MisspeltPrecedence, C, &[("WASHDC IMMEDIATE 5521", "WASHDC IMMEDAITE 5521")], "TO RUEHC"),
    quiet(MisspeltPrecedence, C, &[("BEIJING PRIORITY 4410", "BEIJING 4410")]),

    fires(RoutineWord, U, &[("BANGKOK 0277", "BANGKOK ROUTINE 0277")], "INFO RUEHBK"),
    quiet(RoutineWord, U, &[("Post will report", "Post will send a ROUTINE report of")]),

    fires(SecstateMcnMissing, C, &[("WASHDC IMMEDIATE 5521", "WASHDC IMMEDIATE")], "TO RUEHC"),
    // The Department does not number its own copy.
    quiet(SecstateMcnMissing, S, &[("TOKYO PRIORITY 8871\n", "TOKYO PRIORITY 8871\nRUEHC/SECSTATE WASHDC PRIORITY\n")]),

    fires(XmtWithoutCollective, C, &[("NSC WASHDC PRIORITY\n", "NSC WASHDC PRIORITY\nXMT AMEMBASSY SOFIA\n")], "XMT AMEMBASSY"),
    quiet(XmtWithoutCollective, C, &[("NSC WASHDC PRIORITY\n", "NSC WASHDC PRIORITY\nRUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY\nXMT AMEMBASSY SOFIA\n")]),

    // Serial and origin both differ: the text belongs to another cable.
    fires(HeaderTextMismatch, C, &[("SEOUL 000614", "TOKYO 002232"), ("SEOUL 00000614", "TOKYO 00002232")], "C O N F I D E N T I A L"),
    fires(HeaderTextMismatch, C, &[("C O N F I D E N T I A L SECTION 01 OF 02 SEOUL 000614", "S E C R E T SECTION 01 OF 02 SEOUL 000777")], "S E C R E T"),
    // A serial slip alone is the DE-serial rule's business.
    quiet(HeaderTextMismatch, C, &[("#0614/01", "#0615/01")]),

    fires(MissingHeader, D, &[], "C O N F I D E N T I A L"),
    quiet(MissingHeader, C, &[]),

    fires(AddresseePairing, C, &[("RUEHKO/AMEMBASSY TOKYO", "RUEHBJ/AMEMBASSY TOKYO")], "RUEHBJ/AMEMBASSY TOKYO"),
    // An indicator the tables do not know is not judged.
    quiet(AddresseePairing, C, &[("RUEHKO/AMEMBASSY TOKYO", "RUEHQQZ/AMEMBASSY TOKYO")]),

    fires(TransmissionSequenceWidth, C, &[("VZCZCXRO4417", "VZCZCXRO417")], "VZCZC"),
    quiet(TransmissionSequenceWidth, C, &[("VZCZCXRO4417", "VZCZCXRO41")]),

    // ---- 2xx: classification ------------------------------------------------------------------
    fires(SecurityLineMismatch, C, &[("ZNY CCCCC ZZH", "ZNY SSSSS ZZH")], "ZNY SSSSS"),
    fires(SecurityLineMismatch, U, &[("ZNR UUUUU ZZH", "ZNY CCCCC ZZH")], "ZNY CCCCC"),
    quiet(SecurityLineMismatch, S, &[("ZNY SSSSS ZZH", "ZNY SSSAA ZZH")]),
    quiet(SecurityLineMismatch, U, &[("ZNR UUUUU ZZH", "ZNY EEEEE ZZH"), ("UNCLAS MANILA", "UNCLAS E F T O MANILA")]),

    fires(InvalidBanner, D, &[("C O N F I D E N T I A L JAKARTA 000233", "JAKARTA 000233")], "JAKARTA 000233"),
    fires(InvalidBanner, D, &[("JAKARTA 000233", "JAKARTA")], "C O N F I D E N T I A L"),
    quiet(InvalidBanner, D, &[("C O N F I D E N T I A L JAKARTA", "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\nC O N F I D E N T I A L JAKARTA")]),

    fires(GarbledBanner, C, &[("C O N F I D E N T I A L SECTION", "CONFIDENTIAL SECTION")], "CONFIDENTIAL SECTION"),
    fires(GarbledBanner, S, &[("S E C R E T STATE", "SS E C R E T STATE")], "SS E C R E T"),
    quiet(GarbledBanner, U, &[("ZNR UUUUU ZZH", "ZNY EEEEE ZZH"), ("UNCLAS MANILA", "UNCLAS E F T O MANILA")]),

    fires(BannerSerialWidth, C, &[("SEOUL 000614", "SEOUL 00614")], "C O N F I D E N T I A L"),
    fires(BannerSerialWidth, D, &[("JAKARTA 000233", "JAKARTA 0000233")], "C O N F I D E N T I A L"),
    // Before 1995 serials had four or five digits.
    quiet(BannerSerialWidth, C, &[("120745Z MAR 08", "120745Z MAR 94"), ("0720751", "0710751"), ("SEOUL 000614", "SEOUL 00614")]),

    fires(InvalidSection, C, &[("SECTION 01 OF 02", "SECTION 03 OF 02")], "C O N F I D E N T I A L"),
    fires(InvalidSection, C, &[("SECTION 01 OF 02", "SECTION 1 OF 2")], "C O N F I D E N T I A L"),
    quiet(InvalidSection, C, &[("#0614/01", "#0614/02"), ("SECTION 01 OF 02", "SECTION 02 OF 02")]),

    fires(ContinuationMismatch, C, &[("SEOUL 00000614 002 OF 002", "SEOUL 00000614 002 OF 003")], "SEOUL 00000614"),
    fires(ContinuationMismatch, C, &[("SEOUL 00000614 002 OF 002", "SEOUL 00000641 002 OF 002")], "SEOUL 00000641"),
    fires(ContinuationMismatch, C, &[("SEOUL 00000614 002 OF 002", "SEOUL 00000614 003 OF 002")], "SEOUL 00000614"),
    quiet(ContinuationMismatch, C, &[("SEOUL 00000614 002 OF 002", "SEOUL  00000614  001.2 OF 002")]),
    // A page header of a quoted cable belongs to that cable.
    quiet(ContinuationMismatch, C, &[("SEOUL 00000614 002 OF 002", "TOKYO 00001187 003 OF 004")]),

    fires(BannerBelowMarking, C, &[("¶3. (C) Park", "¶3. (S) Park")], "¶3. (S)"),
    fires(BannerBelowMarking, U, &[("¶2. (SBU)", "¶2. (C)")], "¶2. (C)"),
    // SBU under an UNCLAS banner is fine.
    quiet(BannerBelowMarking, U, &[("¶3. (U)", "¶3. (SBU)")]),

    fires(BannerAboveMarkings, S, &[("(S//NF) This", "(C//NF) This"), ("(S//NF) We", "(C//NF) We")], "S E C R E T"),
    // A partly marked cable says too little to judge.
    quiet(BannerAboveMarkings, S, &[("(S//NF) This", "(C//NF) This"), ("(S//NF) We", "(C//NF) We"), ("¶4. (U) Please", "¶4. Please")]),

    fires(NofornCaptionMismatch, S, &[("NOFORN\nSIPDIS", "SIPDIS")], "¶1. (S//NF)"),
    fires(NofornCaptionMismatch, C, &[("SIPDIS\n", "NOFORN\nSIPDIS\n")], "NOFORN"),
    quiet(NofornCaptionMismatch, S, &[("NOFORN\nSIPDIS", "SECRET//NOFORN\nSIPDIS")]),
    quiet(NofornCaptionMismatch, S, &[("NOFORN\nSIPDIS", "NOFORN SIPDIS")]),

    fires(SbuCaptionMissing, U, &[("SENSITIVE\nSIPDIS", "SIPDIS")], "¶1. (SBU)"),
    quiet(SbuCaptionMissing, U, &[("SENSITIVE\n", "SENSITIVE BUT UNCLASSIFIED\n")]),
    quiet(SbuCaptionMissing, U, &[("SENSITIVE\nSIPDIS", "SIPDIS"), ("(SBU) The", "(U) The"), ("(SBU) Agri", "(U) Agri")]),

    fires(SipdisWithRestrictiveCaption, C, &[("SIPDIS\n", "EXDIS\nSIPDIS\n")], "SIPDIS"),
    fires(SipdisWithRestrictiveCaption, S, &[("NOFORN\nSIPDIS", "NODIS\nSIPDIS")], "SIPDIS"),
    quiet(SipdisWithRestrictiveCaption, C, &[("SIPDIS\n", "STADIS\nSIPDIS\n")]),

    fires(CaptionOrder, C, &[("SIPDIS\n", "STADIS\nEXDIS\n")], "EXDIS"),
    quiet(CaptionOrder, C, &[("SIPDIS\n", "EXDIS\nSTADIS\n")]),

    fires(MissingEoLine, C, &[("E.O. 12958: DECL: 03/12/2018\n", "")], "C O N F I D E N T I A L"),
    // The export sometimes joins a passing line and the E.O. line.
    quiet(MissingEoLine, C, &[("SIPDIS\n\nE.O.", "SIPDIS\n\nDEPT FOR EAP/K E.O.")]),

    fires(InvalidEoNumber, C, &[("E.O. 12958", "E.O. 12598")], "E.O. 12598"),
    quiet(InvalidEoNumber, C, &[("E.O. 12958", "E.O. 13526")]),

    fires(EoEraMismatch, C, &[("E.O. 12958", "E.O. 13526")], "E.O. 13526"),
    fires(EoEraMismatch, C, &[("E.O. 12958", "E.O. 12356")], "E.O. 12356"),
    // E.O. 12958 stayed in force until June 2010.
    quiet(EoEraMismatch, C, &[("120745Z MAR 08", "120745Z MAR 10"), ("0720751", "0710751"), ("03/12/2018", "03/12/2020")]),

    fires(UnclassifiedWithDecl, U, &[("E.O. 12958: N/A", "E.O. 12958: DECL: 02/28/2018")], "E.O. 12958"),
    // UNCLAS E F T O cables may carry a DECL date.
    quiet(UnclassifiedWithDecl, U, &[("ZNR UUUUU ZZH", "ZNY EEEEE ZZH"), ("UNCLAS MANILA", "UNCLAS E F T O MANILA"), ("E.O. 12958: N/A", "E.O. 12958: DECL: 02/28/2018")]),

    fires(ClassifiedWithoutDecl, C, &[("DECL: 03/12/2018", "N/A")], "E.O. 12958"),
    fires(ClassifiedWithoutDecl, S, &[("DECL: 12/31/2018", "N/A")], "E.O. 12958"),
    quiet(ClassifiedWithoutDecl, C, &[("DECL: 03/12/2018", "DECL: OADR")]),

    fires(InvalidDeclDate, C, &[("DECL: 03/12/2018", "DECL: 013/12/2018")], "E.O. 12958"),
    // 2019 is not a leap year.
    fires(InvalidDeclDate, D, &[("DECL: 04/15/2019", "DECL: 02/29/2019")], "E.O. 12958"),
    quiet(InvalidDeclDate, C, &[("DECL: 03/12/2018", "DECL: 2018/03/12")]),
    quiet(InvalidDeclDate, D, &[("DECL: 04/15/2019", "DECL: 02/29/2020")]),
    // `DECL: N/A` gives a classified cable no date (spec B-9), as `DECL: SOMEDAY` does; on an
    // UNCLAS cable it is right in meaning (unclassified-with-decl asks for the plain `N/A`).
    fires(InvalidDeclDate, C, &[("DECL: 03/12/2018", "DECL: N/A")], "E.O. 12958"),
    fires(InvalidDeclDate, S, &[("DECL: 12/31/2018", "DECL: NA")], "E.O. 12958"),
    fires(InvalidDeclDate, C, &[("DECL: 03/12/2018", "DECL: SOMEDAY")], "E.O. 12958"),
    quiet(InvalidDeclDate, U, &[("E.O. 12958: N/A", "E.O. 12958: DECL: N/A")]),
    quiet(InvalidDeclDate, U, &[("E.O. 12958: N/A", "E.O. 12958: DECL: NA")]),

    fires(DeclNotAfterCable, C, &[("DECL: 03/12/2018", "DECL: 03/12/2008")], "E.O. 12958"),
    quiet(DeclNotAfterCable, C, &[("DECL: 03/12/2018", "DECL: 03/13/2008")]),

    fires(DeclBeyond25Years, C, &[("DECL: 03/12/2018", "DECL: 01/01/2034")], "E.O. 12958"),
    quiet(DeclBeyond25Years, C, &[("DECL: 03/12/2018", "DECL: 03/12/2033")]),

    fires(DeclHorizon, C, &[("DECL: 03/12/2018", "DECL: 03/12/2017")], "E.O. 12958"),
    quiet(DeclHorizon, C, &[("DECL: 03/12/2018", "DECL: 01/15/2018")]),

    fires(UnclassifiedClassifiedBy, U, &[("FEWER BIDS\n", "FEWER BIDS\n\nClassified By: Econ Counselor Ruth Anand. Reason 1.4 (b).\n")], "Classified By"),
    quiet(UnclassifiedClassifiedBy, U, &[("\nbe covered from", "\nclassified by the ministry as routine and\nbe covered from")]),

    fires(MissingClassificationAuthority, C, &[("Classified By: Political Counselor Dana R. Whitfield.\nReasons 1.4 (b) and (d).\n\n", "")], "SUBJECT:"),
    quiet(MissingClassificationAuthority, C, &[("Classified By: Political Counselor Dana R. Whitfield.\nReasons 1.4 (b) and (d).", "DERIVED FROM: DSCG 05-1 B, D")]),

    fires(ReasonSection, C, &[("Reasons 1.4 (b)", "Reasons 1.5 (b)")], "Reasons 1.5"),
    fires(ReasonSection, C, &[("Reasons 1.4 (b) and (d).", "")], "Classified By"),
    // A draft has no date to judge the section by.
    quiet(ReasonSection, D, &[("Reasons 1.4 (b)", "Reasons 1.5 (b)")]),
    quiet(ReasonSection, C, &[("120745Z MAR 08", "120745Z MAR 03"), ("0720751", "0710751"), ("03/12/2018", "03/12/2013"), ("Reasons 1.4 (b)", "Reasons 1.5 (b)")]),

    fires(InvalidReason, C, &[("(b) and (d)", "(b) and (j)")], "Reasons"),
    fires(InvalidReason, C, &[("Reasons 1.4 (b)", "Reasons 1.2 (b)")], "Reasons"),
    // (h), weapons of mass destruction, exists since E.O. 13292.
    quiet(InvalidReason, C, &[("(b) and (d)", "(b) and (h)")]),
    // Reflowed across lines.
    quiet(InvalidReason, D, &[("1.4 (b) and (d).", "1.4 (b) a\nnd (d).")]),

    // ---- 3xx: TAGS, SUBJECT, REF --------------------------------------------------------------
    fires(MissingTags, C, &[("TAGS: PREL PGOV JA KS\n", "")], "E.O. 12958"),
    quiet(MissingTags, C, &[("TAGS: PREL PGOV JA KS", "TAGS PREL, PGOV, JA, KS")]),

    fires(TagsMarkup, C, &[("TAGS: PREL PGOV", "TAGS: [PREL](#) PGOV")], "TAGS:"),
    quiet(TagsMarkup, C, &[("TAGS: PREL PGOV", "TAGS: OVIP (WHITFIELD, DANA) PREL PGOV")]),

    fires(MissingSubjectTag, C, &[("TAGS: PREL PGOV JA KS", "TAGS: KPAO JA KS")], "TAGS:"),
    quiet(MissingSubjectTag, C, &[("TAGS: PREL PGOV JA KS", "TAGS: JA KS KPAO PREL")]),

    fires(MissingGeographicTag, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL PGOV")], "TAGS:"),
    quiet(MissingGeographicTag, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL PGOV\nJA KS")]),
    // A country's ISO code written for its TAGS code is misspelt, not missing: `misused-tag` says so.
    quiet(MissingGeographicTag, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL PGOV DE")]),

    fires(UnknownTag, C, &[("TAGS: PREL PGOV", "TAGS: PREL PGOQ")], "TAGS:"),
    quiet(UnknownTag, C, &[("JA KS\n", "JA KS SIPDIS\n")]),
    quiet(UnknownTag, C, &[("TAGS: PREL PGOV", "TAGS: PREL PGOV NATO")]),

    fires(MissingSubject, C, &[("SUBJECT: ROK AND JAPAN AGREE TO RESUME VICE-MINISTERIAL\nTALKS ON FISHERIES AND HISTORY TEXTBOOKS\n", "")], "TAGS:"),
    fires(MissingSubject, D, &[("SUBJECT: INDONESIA WEIGHS NEW COUNTERTERRORISM COORDINATION\nBODY\n", "SUBJECT:\n")], "SUBJECT:"),
    quiet(MissingSubject, D, &[("SUBJECT: INDONESIA", "SUBJ: INDONESIA")]),

    fires(ElementOrder, C, &[("E.O. 12958: DECL: 03/12/2018\nTAGS: PREL PGOV JA KS", "TAGS: PREL PGOV JA KS\nE.O. 12958: DECL: 03/12/2018")], "E.O. 12958"),
    fires(ElementOrder, C, &[("REF: 08 TOKYO 1187\n\n", ""), ("(b) and (d).\n", "(b) and (d).\n\nREF: 08 TOKYO 1187\n")], "REF:"),
    quiet(ElementOrder, C, &[("SIPDIS\n\nE.O.", "SIPDIS\n\nDEPT FOR EAP/K\nE.O.")]),

    fires(MisusedTag, S, &[("KN CH", "KN CH RU")], "TAGS:"),
    quiet(MisusedTag, S, &[("KN CH", "KN CH RS")]),
    // A caption misspelt under the banner, alone or with a right one; a passing line is none.
    fires(MisspeltCaption, C, &[("\nSIPDIS\n", "\nNOFRN\n")], "NOFRN"),
    fires(MisspeltCaption, C, &[("\nSIPDIS\n", "\nNOF SIPDIS\n")], "NOF "),
    quiet(MisspeltCaption, C, &[("\nSIPDIS\n", "\nSIPDIS\n\nDEPT FOR EAP/J\n")]),
    // A draft that stops at its classification authority has no text; with one paragraph it has.
    fires(MissingText, D, &[("\n¶1. (C) Coordinating Ministry officials told poloff that a\ndraft regulation would merge three counterterrorism desks\ninto one agency reporting to the President.\n\n¶2. (C) The officials expect the regulation to be signed\nbefore the parliamentary recess.\n\nCARROW\n", "")], "Classified By:"),
    quiet(MissingText, D, &[("\n¶2. (C) The officials expect the regulation to be signed\nbefore the parliamentary recess.\n\nCARROW\n", "")]),
    // ISO codes that are no TAGS code (Germany, Ukraine) or another area's rarely used code (Gabon,
    // Lesotho) where the TAGS code of the ISO code's country was meant.
    fires(MisusedTag, C, &[("JA KS", "JA KS DE")], "DE\n"),
    fires(MisusedTag, C, &[("JA KS", "JA KS UA")], "UA\n"),
    fires(MisusedTag, C, &[("JA KS", "JA KS GB")], "GB\n"),
    fires(MisusedTag, C, &[("JA KS", "JA KS LT")], "LT\n"),
    // Austria's own code AU (Australia's ISO code) is used in many cables: no misuse.
    quiet(MisusedTag, C, &[("JA KS", "JA KS AU")]),

    fires(TagForm, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL PGOV PREL JA KS")], "TAGS:"),
    fires(TagForm, S, &[("KN CH", "KN CH CH")], "TAGS:"),
    fires(TagForm, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL pgov JA KS")], "TAGS:"),
    // A code on the TAGS line's continuation repeats one of the first line.
    fires(TagForm, U, &[("EAGR RP", "EAGR\nRP ECON")], "RP ECON"),
    quiet(TagForm, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL, PGOV, JA, KS")]),
    // A TAGS line wholly in lower case in a cable whose banner and E.O. line are in capitals: the
    // drafter's, whatever case its label takes.
    fires(TagForm, C, &[("TAGS: PREL PGOV JA KS", "tags: prel pgov ja ks")], "tags:"),
    fires(TagForm, C, &[("TAGS: PREL PGOV JA KS", "Tags: prel, pgov, ja, ks")], "Tags:"),
    fires(TagForm, D, &[("TAGS: PREL PTER ID", "TAGS: prel pter id")], "TAGS:"),
    // A cable the release lower-cased entirely (spec §3.22), as released and after `fmt` wrote its
    // labels in capitals, and an unknown word in lower case.
    quiet(TagForm, C, &[("C O N F I D E N T I A L SECTION 01 OF 02 SEOUL", "C o n f i d e n t i a l section 01 of 02 seoul"), ("E.O. 12958: DECL", "E.o. 12958: decl"), ("TAGS: PREL PGOV JA KS", "Tags: prel, pgov, ja, ks")]),
    quiet(TagForm, C, &[("E.O. 12958: DECL", "E.O. 12958: decl"), ("TAGS: PREL PGOV JA KS", "TAGS: prel pgov ja ks")]),
    quiet(TagForm, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL PGOV JA KS India-Korea")]),
    // A partial record of the release, whose TAGS the release rebuilt in repeated blocks.
    quiet(TagForm, C, &[("VZCZCXRO4417\n", "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\nVZCZCXRO4417\n"), ("TAGS: PREL PGOV JA KS", "TAGS: PREL PGOV JA KS PGOV JA KS")]),

    fires(ReferenceAfterCable, C, &[("REF: 08 TOKYO 1187", "REF: 09 TOKYO 1187")], "REF:"),
    fires(ReferenceAfterCable, C, &[("REF: 08 TOKYO 1187", "REF: A. 08 TOKYO 1187\n     B. 2008 SEOUL 700")], "B. 2008"),
    // Without a year, `SEOUL 700` is last year's cable.
    quiet(ReferenceAfterCable, C, &[("REF: 08 TOKYO 1187", "REF: A. 08 TOKYO 1187\n     B. SEOUL 700 (07)")]),
    quiet(ReferenceAfterCable, C, &[("REF: 08 TOKYO 1187", "REF: SEOUL 700")]),

    fires(SelfReference, C, &[("REF: 08 TOKYO 1187", "REF: SEOUL 614")], "REF:"),
    quiet(SelfReference, C, &[("REF: 08 TOKYO 1187", "REF: 07 SEOUL 614")]),

    fires(UnknownReferenceOrigin, C, &[("REF: 08 TOKYO 1187", "REF: 08 TOKIO 1187")], "REF:"),
    quiet(UnknownReferenceOrigin, C, &[("REF: 08 TOKYO 1187", "REF: A. SECSTATE 1187; USUN 12 AND 15\n     B. EMBASSY VIENNA 33")]),

    fires(MalformedReference, C, &[("REF: 08 TOKYO 1187", "REF: A. 08 TOKYO 1187\n     B. TOKYO")], "B. TOKYO"),
    fires(MalformedReference, C, &[("REF: 08 TOKYO 1187", "REF: A. 08 TOKYO 1187\n     B.")], "B."),
    quiet(MalformedReference, C, &[("REF: 08 TOKYO 1187", "REF: A. 08 TOKYO 1187\n     B. KIM-PARK E-MAIL 03/02/08")]),

    // ---- 4xx: paragraphs ----------------------------------------------------------------------
    fires(MissingMarking, C, &[("¶2. (C) MOFAT", "¶2. MOFAT")], "¶2."),
    // Unmarked paragraphs are legitimate in UNCLAS cables.
    quiet(MissingMarking, U, &[("¶3. (U) Post", "¶3. Post")]),

    fires(InvalidMarking, C, &[("¶2. (C) MOFAT", "¶2. (SE) MOFAT")], "¶2. (SE)"),
    fires(InvalidMarking, S, &[("(C//NF) Points", "(C//ZZ) Points")], "¶3. (C//ZZ)"),
    quiet(InvalidMarking, S, &[("(S//NF) We", "(S//REL TO USA, FVEY) We")]),
    quiet(InvalidMarking, S, &[("(C//NF) Points", "(C NF) Points")]),

    fires(ParagraphNumbering, C, &[("¶3. (C) Park", "¶5. (C) Park")], "¶5."),
    fires(ParagraphNumbering, U, &[("¶1. (SBU)", "¶2. (SBU)"), ("¶2. (SBU) Agri", "¶3. (SBU) Agri"), ("¶3. (U)", "¶4. (U)")], "¶2. (SBU)"),
    // Sub-items and section numbers are not paragraph numbers.
    quiet(ParagraphNumbering, C, &[("zone. He expected", "zone under section 1.4 of the accord. He expected")]),
    fires(ParagraphNumbering, C, &[("¶1. (C) Summary", "¶0. (C) Summary"), ("¶2. (C) MOFAT", "¶1. (C) MOFAT"), ("¶3. (C) Park", "¶2. (C) Park"), ("¶4. (C) Comment", "¶3. (C) Comment")], "¶0."),

    fires(SingleParagraphNumbered, U, &[("¶2. (SBU) Agriculture officials told us the shortfall would\nbe covered from stocks until the harvest in April.\n\n¶3. (U) Post will report the results of the next tender.\n\n", "")], "¶1."),
    quiet(SingleParagraphNumbered, U, &[("¶3. (U) Post will report the results of the next tender.\n\n", "")]),

    fires(UnclosedSummary, C, &[("round.\nEnd Summary.", "round.")], "¶1. (C) Summary."),
    fires(UnclosedSummary, C, &[("(C) Summary. Senior", "(C) Senior"), ("round.\nEnd Summary.", "round."), ("first meeting.", "first meeting. End Summary.")], "first meeting. End Summary."),
    // An `End Summary` in paragraph 1 closes paragraph 1 as the summary.
    quiet(UnclosedSummary, C, &[("(C) Summary. Senior", "(C) Senior")]),
    quiet(UnclosedSummary, C, &[("¶1. (C) Summary. Senior", "-------\nSUMMARY\n-------\n\n¶1. (C) Senior"), ("round.\nEnd Summary.", "round.")]),

    fires(MissingSummary, C, &[("SECTION 01 OF 02", "SECTION 01 OF 04"), ("002 OF 002", "002 OF 004"), ("(C) Summary. Senior", "(C) Senior"), ("round.\nEnd Summary.", "round.")], "C O N F I D E N T I A L"),
    quiet(MissingSummary, C, &[("SECTION 01 OF 02", "SECTION 01 OF 04"), ("002 OF 002", "002 OF 004")]),
    quiet(MissingSummary, C, &[("(C) Summary. Senior", "(C) Senior"), ("round.\nEnd Summary.", "round.")]),

    fires(UnbalancedComment, C, &[("(C) Comment: The decision", "(C) The decision")], "summit. End Comment."),
    fires(UnbalancedComment, U, &[("next tender.", "next tender. End Note.")], "¶3. (U)"),
    // An opener in the paragraph before counts.
    quiet(UnbalancedComment, C, &[("¶3. (C) Park added", "¶3. (C) Comment: Park added"), ("(C) Comment: The decision", "(C) The decision")]),
    quiet(UnbalancedComment, U, &[("next tender.", "next tender (Note: by fax. End Note.)")]),

    fires(NiactJustification, C, &[("WASHDC IMMEDIATE 5521", "WASHDC NIACT IMMEDIATE 5521")], "¶1."),
    quiet(NiactJustification, C, &[("WASHDC IMMEDIATE 5521", "WASHDC NIACT IMMEDIATE 5521"), ("a later round.", "a later round. NIACT because talks open March 13.")]),

    fires(MissingSignature, C, &[("\nMARTINDALE\n", "")], "summit. End Comment."),
    fires(MissingSignature, D, &[("\nCARROW\n", "\nThe embassy will follow up.\n")], "The embassy will follow up."),
    quiet(MissingSignature, C, &[("summit. End Comment.\n\nMARTINDALE", "summit. End Comment. MARTINDALE")]),
    quiet(MissingSignature, S, &[("\nHARTLEY\n", "\nHARTLEY\nNNNN\n")]),
    fires(Placeholder, C, &[("SUBJECT: ROK AND JAPAN", "SUBJECT: [[SUBJECT]] ROK AND JAPAN")], "SUBJECT:"),
    fires(Placeholder, D, &[("\nCARROW\n", "\n[[SIGNATURE]]\n")], "[[SIGNATURE]]"),
    // Single brackets, an empty pair and a pair split over two lines are no placeholders.
    quiet(Placeholder, C, &[("SUBJECT: ROK AND JAPAN", "SUBJECT: [ROK] [[]] AND [[JAPAN\n]]")]),

    // ---- 5xx: style ---------------------------------------------------------------------------
    fires(LineTooLong, C, &[("first meeting.", "first meeting, which both sides now expect to hold in Seoul in mid-April.")], "first meeting,"),
    // Sixty-nine characters, of which `¶` takes two bytes.
    quiet(LineTooLong, C, &[("¶3. (C) Park added that the Blue House had approved the", "¶3. (C) Park added that the Blue House had now approved the tentative")]),

    fires(DeclDateFormat, C, &[("DECL: 03/12/2018", "DECL: 3/12/2018")], "E.O. 12958"),
    fires(DeclDateFormat, C, &[("DECL: 03/12/2018", "DECL: 2018/03/12")], "E.O. 12958"),
    quiet(DeclDateFormat, C, &[("DECL: 03/12/2018", "DECL: 25X1")]),

    fires(RedactionMarker, C, &[("General Park said", "General XXXXXXXXXXXX said")], "General XXXX"),
    quiet(RedactionMarker, C, &[("General Park said", "General XXXX said")]),

    fires(NonCanonicalLabel, C, &[("TAGS: PREL", "TAGS PREL")], "TAGS PREL"),
    fires(NonCanonicalLabel, C, &[("E.O. 12958:", "EO 12958:")], "EO 12958"),
    fires(NonCanonicalLabel, D, &[("SUBJECT: INDONESIA", "Subject: INDONESIA")], "Subject:"),
    quiet(NonCanonicalLabel, C, &[("SUBJECT: ROK", "SUBJECT: (C) ROK")]),

    // ---- 6xx: release records and received copies ---------------------------------------------
    // A received copy's header starts at the date-time group (spec §2): no incomplete-header finding.
    quiet(IncompleteHeader, C, &[("VZCZCXRO4417\nOO RUEHBJ RUEHKO RUEHMO\nDE RUEHUL #0614/01 0720751\nZNY CCCCC ZZH\n", "")]),
    // …and a page header on its TO line opens the TO block.
    quiet(IncompleteHeader, C, &[("VZCZCXRO4417\nOO RUEHBJ RUEHKO RUEHMO\nDE RUEHUL #0614/01 0720751\nZNY CCCCC ZZH\n", ""), ("TO RUEHC/SECSTATE", "TO PAGE 02        SEOUL   000614  120751Z\nRUEHC/SECSTATE")]),

    fires(JoinedLines, C, &[("E.O. 12958: DECL: 03/12/2018\nTAGS:", "E.O. 12958: DECL: 03/12/2018 TAGS:")], "E.O. 12958"),
    fires(JoinedLines, D, &[("into one agency reporting to the President.\n\n¶2. (C)", "into one agency reporting to the President. ¶2. (C)")], "into one agency"),
    quiet(JoinedLines, C, &[("SIPDIS\n\nE.O.", "SIPDIS\nE.O.")]),

    fires(PageHeader, C, &[("TO RUEHC/SECSTATE", "TO PAGE 02        SEOUL   000614  120751Z\nRUEHC/SECSTATE")], "TO PAGE 02"),
    quiet(PageHeader, C, &[("\nApril after a pause", "\nPAGE 2 of the accord after a pause")]),

    fires(TruncatedPreview, D, &[("C O N F I D E N T I A L JAKARTA 000233\n", "C O N F I D E N T I A L JAKARTA 000233 SIPDIS E.O. 12958: DECL: 04/15/2019 TAGS: PREL PTER ID SUBJECT: INDONESIA WEIGHS…\n\nid: 74239\ndate: 4/15/2009 9:10\nrefid: 09JAKARTA233\nC O N F I D E N T I A L JAKARTA 000233\n")], "C O N F I D E N T I A L JAKARTA 000233 SIPDIS"),
    quiet(TruncatedPreview, D, &[("\nCARROW\n", "\nCARROW\n\nid: 74239\ndate: 4/15/2009 9:10\n")]),

    fires(DumpLines, D, &[("C O N F I D E N T I A L JAKARTA", "ID: 190648\nORIGIN: 09JAKARTA233\nDATE: 2009-04-15 09:10:00\nC O N F I D E N T I A L JAKARTA")], "ID: 190648"),
    quiet(DumpLines, D, &[("SIPDIS\n", "SIPDIS\n\nDEPT FOR EAP/MTS\n")]),

    fires(AttachedText, D, &[("\nCARROW\n", "\nCARROW\n\nC O N F I D E N T I A L MANILA 000412\n\nSIPDIS\n")], "MANILA 000412"),
    quiet(AttachedText, D, &[("\nCARROW\n", "\nCARROW\n\nC O N F I D E N T I A L JAKARTA 000233\n\nSIPDIS\n")]),

    fires(GarbledContinuation, C, &[("SEOUL 00000614 002 OF 002", "SEOUL 00000614 002 OF 004"), ("first meeting.\n", "first meeting.\nSEOUL 00000614 003 OF 004\n")], "SEOUL 00000614 002 OF 004"),
    quiet(GarbledContinuation, C, &[("SEOUL 00000614 002 OF 002", "SEOUL 00000614 002 OF 004")]),
    fires(GarbledSerial, C, &[("SEOUL 000614", "SEOUL 00000614")], "C O N F I D E N T I A L SECTION"),
    quiet(GarbledSerial, C, &[("SEOUL 000614", "SEOUL 614")]),
    // No width fix is built from a garbled serial.
    quiet(BannerSerialWidth, C, &[("SEOUL 000614", "SEOUL 00000614")]),

    // The same SUBJECT missing: a warning in a release record, an error in a draft (drafts stay strict).
    fires(IncompleteRecord, D, &[("C O N F I D E N T I A L JAKARTA 000233\n", "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\nC O N F I D E N T I A L JAKARTA 000233\n"), ("SUBJECT: INDONESIA WEIGHS NEW COUNTERTERRORISM COORDINATION\nBODY\n", "")], "C O N F I D E N T I A L JAKARTA"),
    quiet(IncompleteRecord, D, &[("SUBJECT: INDONESIA WEIGHS NEW COUNTERTERRORISM COORDINATION\nBODY\n", "")]),
    fires(MissingSubject, D, &[("SUBJECT: INDONESIA WEIGHS NEW COUNTERTERRORISM COORDINATION\nBODY\n", "")], "TAGS:"),
    quiet(MissingSubject, D, &[("C O N F I D E N T I A L JAKARTA 000233\n", "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\nC O N F I D E N T I A L JAKARTA 000233\n"), ("SUBJECT: INDONESIA WEIGHS NEW COUNTERTERRORISM COORDINATION\nBODY\n", "")]),
    // A record without its banner is incomplete, not an invalid banner.
    fires(IncompleteRecord, D, &[("C O N F I D E N T I A L JAKARTA 000233\n", "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n")], "SIPDIS"),
    quiet(InvalidBanner, D, &[("C O N F I D E N T I A L JAKARTA 000233\n", "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n")]),
    fires(InvalidBanner, D, &[("C O N F I D E N T I A L JAKARTA 000233\n", "")], "SIPDIS"),
];

/// Fixtures that fail because of rule or parser bugs reported to the lead. They are not in
/// [`CASES`] so that the suite stays green; run them with `cargo test --test rules -- --ignored`
/// and move each one into [`CASES`] once its bug is fixed.
#[rustfmt::skip]
fn run_case(case: &Case) -> Result<(), String> {
    let text = edit(case.base, case.edits);
    let settings = settings_for(case.rule);
    let diags = check(&text, &settings);
    let mine: Vec<&Diagnostic> = diags.iter().filter(|d| d.rule == case.rule).collect();
    let what = format!(
        "{} {} with edits {:?}",
        case.rule.code(),
        case.rule.name(),
        case.edits
    );
    let idx = LineIndex::new(&text);
    for d in &mine {
        if d.severity > case.rule.default_severity() {
            return Err(format!(
                "{what}: reported above its default severity\n{}",
                render(&text, &diags)
            ));
        }
        if d.range.start() > d.range.end() || d.range.end() > text.len() {
            return Err(format!("{what}: bad range {:?}", d.range));
        }
    }
    match case.expect {
        Expect::Fires(at) => {
            let line = line_of_snippet(&text, at);
            if !mine.iter().any(|d| idx.line_of(d.range.start()) == line) {
                return Err(format!(
                    "{what}: expected on line {} (`{at}`), got:\n{}",
                    line + 1,
                    render(&text, &diags)
                ));
            }
        }
        Expect::Quiet => {
            if !mine.is_empty() {
                return Err(format!(
                    "{what}: expected no diagnostic, got:\n{}",
                    render(&text, &diags)
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn rule_fixtures() {
    let failures: Vec<String> = CASES.iter().filter_map(|c| run_case(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixture cases failed:\n\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

// ------------------------------------------------------------------------------------------------
// 3. No rule without fixtures
// ------------------------------------------------------------------------------------------------

#[test]
fn every_rule_has_a_triggering_fixture_and_a_near_miss() {
    let mut missing = Vec::new();
    // The cross-cable rules compare several cables: their fixtures are folders of cables, run by
    // `tests/cli_cross.rs`.
    for &rule in Rule::ALL.iter().filter(|r| !r.is_cross()) {
        let of_rule = || CASES.iter().filter(move |c| c.rule == rule);
        if !of_rule().any(|c| matches!(c.expect, Expect::Fires(_))) {
            missing.push(format!(
                "{} {}: no triggering fixture",
                rule.code(),
                rule.name()
            ));
        }
        if !of_rule().any(|c| matches!(c.expect, Expect::Quiet)) {
            missing.push(format!("{} {}: no near miss", rule.code(), rule.name()));
        }
    }
    assert!(
        missing.is_empty(),
        "add fixtures to tests/rules.rs:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_fix_rule_has_a_fix_fixture() {
    // A rule whose triggering fixtures produce a fix must have that fix checked below.
    let mut missing = Vec::new();
    for &rule in Rule::ALL {
        let has_fix = CASES
            .iter()
            .filter(|c| c.rule == rule && matches!(c.expect, Expect::Fires(_)))
            .any(|c| {
                check(&edit(c.base, c.edits), &settings_for(rule))
                    .iter()
                    .any(|d| d.rule == rule && d.fix.is_some())
            });
        if has_fix && !FIXES.iter().any(|f| f.rule == rule) {
            missing.push(format!("{} {}", rule.code(), rule.name()));
        }
    }
    assert!(
        missing.is_empty(),
        "rules with fixes but no fix fixture:\n{}",
        missing.join("\n")
    );
}

// ------------------------------------------------------------------------------------------------
// Fixes
// ------------------------------------------------------------------------------------------------

struct FixCase {
    rule: Rule,
    base: &'static str,
    /// The edits that break the base cable.
    edits: Edits,
    applicability: Applicability,
    /// The expected text after the fix, as edits of the base (empty: the base itself).
    expected: Edits,
}

const fn fix(
    rule: Rule,
    base: &'static str,
    edits: Edits,
    applicability: Applicability,
    expected: Edits,
) -> FixCase {
    FixCase {
        rule,
        base,
        edits,
        applicability,
        expected,
    }
}

use Applicability::{Safe, Unsafe};

#[rustfmt::skip]
const FIXES: &[FixCase] = &[
    fix(MisspeltPrecedence, C, &[("BEIJING PRIORITY 4410", "BEIJING PRIORTY 4410")], Safe, &[]),
    fix(MisspeltPrecedence, C, &[("WASHDC IMMEDIATE 5521", "WASHDC IMMEDAITE 5521")], Safe, &[]),
    fix(RoutineWord, U, &[("BANGKOK 0277", "BANGKOK ROUTINE 0277")], Safe, &[]),
    fix(NiactOnInfo, C, &[("BEIJING PRIORITY 4410", "BEIJING NIACT IMMEDIATE 4410")], Unsafe, &[("BEIJING PRIORITY 4410", "BEIJING IMMEDIATE 4410")]),
    fix(GarbledBanner, C, &[("C O N F I D E N T I A L SECTION", "CONFIDENTIAL SECTION")], Safe, &[]),
    fix(GarbledBanner, S, &[("S E C R E T STATE", "SS E C R E T STATE")], Safe, &[]),
    fix(BannerSerialWidth, C, &[("SEOUL 000614", "SEOUL 00614")], Safe, &[]),
    fix(InvalidSection, C, &[("SECTION 01 OF 02", "SECTION 1 OF 2")], Safe, &[]),
    // Raising the banner changes the classification: never safe.
    fix(BannerBelowMarking, C, &[("¶3. (C) Park", "¶3. (S) Park")], Unsafe, &[("ZNY CCCCC", "ZNY SSSSS"), ("C O N F I D E N T I A L SECTION", "S E C R E T SECTION"), ("¶3. (C) Park", "¶3. (S) Park")]),
    // A SPECAT suffix on the security code stays when the banner is raised.
    fix(BannerBelowMarking, C, &[("ZNY CCCCC", "ZNY CCCCC/AAAAA"), ("¶3. (C) Park", "¶3. (S) Park")], Unsafe, &[("ZNY CCCCC", "ZNY SSSSS/AAAAA"), ("C O N F I D E N T I A L SECTION", "S E C R E T SECTION"), ("¶3. (C) Park", "¶3. (S) Park")]),
    // Raised from UNCLAS, the E.O. line's `N/A` becomes the default declassification.
    fix(BannerBelowMarking, U, &[("¶2. (SBU)", "¶2. (C)")], Unsafe, &[("ZNR UUUUU", "ZNY CCCCC"), ("UNCLAS MANILA", "C O N F I D E N T I A L MANILA"), ("E.O. 12958: N/A", "E.O. 12958: DECL: 02/28/2018"), ("¶2. (SBU)", "¶2. (C)")]),
    // What a drafter raising the classification is left with: each a fix that changes a
    // classification or is the classifier's to write, so never safe.
    fix(ClassifiedWithoutDecl, C, &[("DECL: 03/12/2018", "N/A")], Unsafe, &[]),
    fix(MissingClassificationAuthority, C, &[("Classified By: Political Counselor Dana R. Whitfield.\nReasons 1.4 (b) and (d).\n\n", "")], Unsafe, &[("Classified By: Political Counselor Dana R. Whitfield.\nReasons 1.4 (b) and (d).\n", "Classified By: [[NAME, TITLE]] for reasons 1.4 [[(b) and (d)]]\n")]),
    fix(SbuCaptionMissing, U, &[("SENSITIVE\nSIPDIS", "SIPDIS")], Unsafe, &[]),
    fix(BannerAboveMarkings, S, &[("(S//NF) This", "(C//NF) This"), ("(S//NF) We", "(C//NF) We")], Unsafe, &[("(S//NF) We", "(C//NF) We")]),
    fix(InvalidEoNumber, C, &[("E.O. 12958", "E.O. 12598")], Unsafe, &[]),
    fix(EoEraMismatch, C, &[("E.O. 12958", "E.O. 13526")], Unsafe, &[]),
    fix(UnclassifiedWithDecl, U, &[("E.O. 12958: N/A", "E.O. 12958: DECL: 02/28/2018")], Unsafe, &[]),
    fix(ReasonSection, C, &[("Reasons 1.4 (b)", "Reasons 1.5 (b)")], Safe, &[]),
    fix(TagsMarkup, C, &[("TAGS: PREL PGOV", "TAGS: [PREL](#) [PGOV](#)")], Safe, &[]),
    fix(UnknownTag, C, &[("TAGS: PREL PGOV", "TAGS: PREL PGOQ")], Unsafe, &[]),
    fix(UnknownReferenceOrigin, C, &[("REF: 08 TOKYO 1187", "REF: 08 TOKIO 1187")], Unsafe, &[]),
    fix(MisusedTag, S, &[("KN CH", "KN CH RU")], Unsafe, &[("KN CH", "KN CH RS")]),
    fix(MisspeltCaption, C, &[("\nSIPDIS\n", "\nSIPDIS, NOFRN\n")], Unsafe, &[("\nSIPDIS\n", "\nSIPDIS, NOFORN\n")]),
    fix(MisusedTag, C, &[("JA KS", "JA KS DE")], Unsafe, &[("JA KS", "JA KS GM")]),
    fix(MisusedTag, C, &[("JA KS", "JA KS LT")], Unsafe, &[("JA KS", "JA KS LH")]),
    fix(TagForm, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL PGOV PREL JA KS")], Safe, &[]),
    fix(TagForm, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL, PGOV, JA, KS, PGOV")], Safe, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL, PGOV, JA, KS")]),
    fix(TagForm, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL pgov Ja KS")], Safe, &[]),
    // A TAGS line in lower case: its label and codes in capitals, its separators kept.
    fix(TagForm, C, &[("TAGS: PREL PGOV JA KS", "tags: prel pgov ja ks")], Safe, &[]),
    fix(TagForm, C, &[("TAGS: PREL PGOV JA KS", "Tags: prel, pgov, ja, ks")], Safe, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL, PGOV, JA, KS")]),
    // A repetition in another case: the first is written in capitals, the second removed.
    fix(TagForm, C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL pgov PGOV JA KS")], Safe, &[]),
    // The right code is listed already: the misused one is removed, not replaced by a repetition.
    fix(MisusedTag, S, &[("KN CH", "KN CH RS RU")], Unsafe, &[("KN CH", "KN CH RS")]),
    fix(UnknownTag, C, &[("TAGS: PREL PGOV", "TAGS: PREL PGOQ PGOV")], Unsafe, &[]),
    // Repetitions at the end of the line are removed with the separators before them, in one round.
    fix(TagForm, C, &[("JA KS\n", "JA KS KS KS\n")], Safe, &[]),
    // Run-together tags of which one is listed: only the other is written.
    fix(MisusedTag, C, &[("TAGS: PREL PGOV", "TAGS: PREL PGOVLO PGOV")], Unsafe, &[("TAGS: PREL PGOV", "TAGS: PREL LO PGOV")]),
    fix(ParagraphNumbering, C, &[("¶3. (C) Park", "¶5. (C) Park")], Unsafe, &[]),
    // Counted from 0: every paragraph takes the next number.
    fix(ParagraphNumbering, C, &[("¶1. (C) Summary", "¶0. (C) Summary"), ("¶2. (C) MOFAT", "¶1. (C) MOFAT"), ("¶3. (C) Park", "¶2. (C) Park"), ("¶4. (C) Comment", "¶3. (C) Comment")], Unsafe, &[]),
    fix(UnclosedSummary, C, &[("round.\nEnd Summary.", "round.")], Safe, &[("round.\nEnd Summary.", "round. End Summary.")]),
    // The summary's paragraph runs across a page break: the closer goes after its last sentence,
    // not after the continuation header.
    fix(UnclosedSummary, C, &[("¶1. (C) Summary. Senior", "¶1. (C) Senior"), ("round.\nEnd Summary.", "round."), ("¶2. (C) MOFAT", "¶2. (C) Summary: MOFAT")], Safe, &[("¶1. (C) Summary. Senior", "¶1. (C) Senior"), ("round.\nEnd Summary.", "round."), ("¶2. (C) MOFAT", "¶2. (C) Summary: MOFAT"), ("procedures.", "procedures. End Summary.")]),
    fix(MisspeltPrecedence, C, &[("WASHDC IMMEDIATE 5521", "WASHDC NIACT IMMEDAITE 5521")], Safe, &[("WASHDC IMMEDIATE 5521", "WASHDC NIACT IMMEDIATE 5521")]),
    fix(BannerBelowMarking, D, &[("¶2. (C)", "¶2. (S)")], Unsafe, &[("C O N F I D E N T I A L JAKARTA", "S E C R E T JAKARTA"), ("¶2. (C)", "¶2. (S)")]),
    fix(DeclDateFormat, C, &[("DECL: 03/12/2018", "DECL: 03/12/18")], Safe, &[]),
    fix(NonCanonicalLabel, C, &[("E.O. 12958:", "E.O 12958:")], Safe, &[]),
    fix(DeclDateFormat, C, &[("DECL: 03/12/2018", "DECL: 3/12/2018")], Safe, &[]),
    fix(DeclDateFormat, C, &[("DECL: 03/12/2018", "DECL: 2018/03/12")], Safe, &[]),
    fix(NonCanonicalLabel, C, &[("TAGS: PREL", "TAGS PREL")], Safe, &[]),
    fix(NonCanonicalLabel, C, &[("E.O. 12958:", "EO 12958:")], Safe, &[]),
    fix(NonCanonicalLabel, D, &[("SUBJECT: INDONESIA", "Subject: INDONESIA")], Safe, &[]),
    // Computed values: the right one is known, but not which of the two places was meant.
    fix(JulianDayMismatch, C, &[("0720751", "0710751")], Unsafe, &[]),
    // 31 December of a leap year is day 366.
    fix(JulianDayMismatch, S, &[("#6612 3661422", "#6612 3651422")], Unsafe, &[]),
    fix(DeSerialMismatch, C, &[("#0614/01", "#0615/01")], Unsafe, &[]),
    fix(DeSectionMismatch, C, &[("#0614/01", "#0614/02")], Unsafe, &[]),
    fix(DeSectionMismatch, C, &[("#0614/01", "#0614")], Unsafe, &[]),
    fix(ProsignMismatch, C, &[("OO RUEHBJ", "PP RUEHBJ")], Unsafe, &[]),
    fix(PrecedenceMismatch, C, &[("O 120745Z", "P 120745Z")], Unsafe, &[]),
    // An INFO line above every TO line: the letter offered is the one the INFO fix leaves highest
    // (IMMEDIATE, the INFO line's, below FL5's FLASH).
    fix(PrecedenceMismatch, C, &[("OO RUEHBJ", "ZZ RUEHBJ"), ("O 120745Z", "Z 120745Z"), ("WASHDC IMMEDIATE 5521", "WASHDC PRIORITY 5521"), ("BEIJING PRIORITY 4410", "BEIJING IMMEDIATE 4410")], Unsafe, &[("OO RUEHBJ", "ZZ RUEHBJ"), ("WASHDC IMMEDIATE 5521", "WASHDC PRIORITY 5521"), ("BEIJING PRIORITY 4410", "BEIJING IMMEDIATE 4410")]),
    fix(InfoPrecedenceTooHigh, U, &[("P 290312Z", "P O 290312Z")], Unsafe, &[("P 290312Z", "P P 290312Z")]),
    // INFO lines above the FL5 precedence are lowered to it.
    fix(InfoPrecedenceTooHigh, C, &[("BEIJING PRIORITY 4410", "BEIJING FLASH 4410")], Unsafe, &[("BEIJING PRIORITY 4410", "BEIJING IMMEDIATE 4410")]),
    // The security warning follows the banner: it changes a classification, so it is unsafe.
    fix(SecurityLineMismatch, C, &[("ZNY CCCCC", "ZNR UUUUU")], Unsafe, &[]),
    fix(DeclHorizon, C, &[("DECL: 03/12/2018", "DECL: 03/12/2028")], Unsafe, &[]),
];

fn run_fix(case: &FixCase) -> Result<(), String> {
    let text = edit(case.base, case.edits);
    let settings = settings_for(case.rule);
    let what = format!(
        "{} {} with edits {:?}",
        case.rule.code(),
        case.rule.name(),
        case.edits
    );
    let diags = check(&text, &settings);
    let mine: Vec<&Diagnostic> = diags.iter().filter(|d| d.rule == case.rule).collect();
    if mine.is_empty() {
        return Err(format!(
            "{what}: the rule does not fire\n{}",
            render(&text, &diags)
        ));
    }
    for d in &mine {
        match &d.fix {
            None => {
                return Err(format!(
                    "{what}: a diagnostic has no fix\n{}",
                    render(&text, &diags)
                ))
            }
            Some(f) if f.applicability != case.applicability => {
                return Err(format!(
                    "{what}: the fix is {}, expected {}",
                    f.applicability.as_str(),
                    case.applicability.as_str()
                ))
            }
            Some(_) => {}
        }
    }
    let (fixed, n) = apply_fixes(&text, mine.iter().filter_map(|d| d.fix.as_ref()));
    if n == 0 {
        return Err(format!("{what}: no fix was applied"));
    }
    let expected = edit(case.base, case.expected);
    if fixed != expected {
        return Err(format!(
            "{what}: the fixed text differs from the expected text\n{}",
            diff(&expected, &fixed)
        ));
    }
    let after = check(&fixed, &settings);
    if after.iter().any(|d| d.rule == case.rule) {
        return Err(format!(
            "{what}: the rule still fires after the fix\n{}",
            render(&fixed, &after)
        ));
    }
    Ok(())
}

/// The first differing line of two texts, for failure messages.
fn diff(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  expected: {e:?}\n  actual:   {a:?}", i + 1);
        }
    }
    format!(
        "the texts differ in length: expected {} lines, got {}",
        expected.lines().count(),
        actual.lines().count()
    )
}

#[test]
fn fixes_repair_the_fixture_and_have_the_right_applicability() {
    let failures: Vec<String> = FIXES.iter().filter_map(|c| run_fix(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} fix cases failed:\n\n{}",
        failures.len(),
        FIXES.len(),
        failures.join("\n")
    );
}

#[test]
fn every_fix_changing_a_classification_is_at_most_unsafe() {
    // Over every triggering fixture: a fix whose edits touch the banner's classification words or
    // the security line must not be safe, unless it keeps the level (`CONFIDENTIAL` → spaced form).
    let mut failures = Vec::new();
    for case in CASES
        .iter()
        .filter(|c| matches!(c.expect, Expect::Fires(_)))
    {
        let text = edit(case.base, case.edits);
        let before = parse(&text);
        let level_before = before.body.banner.as_ref().map(|b| b.level);
        for d in check(&text, &settings_for(case.rule)) {
            let Some(f) = d
                .fix
                .as_ref()
                .filter(|f| f.applicability == Applicability::Safe)
            else {
                continue;
            };
            let (fixed, _) = apply_fixes(&text, [f]);
            let after = parse(&fixed);
            let level_after = after.body.banner.as_ref().map(|b| b.level);
            let sec =
                |c: &cablelint::syntax::Cable| c.header.security.as_ref().and_then(|s| s.level);
            if level_before != level_after || sec(&before) != sec(&after) {
                failures.push(format!(
                    "{} safe fix `{}` changes the classification",
                    d.rule.code(),
                    f.message
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ------------------------------------------------------------------------------------------------
// Severities the rules soften on purpose
// ------------------------------------------------------------------------------------------------

fn severity_of(rule: Rule, base: &str, edits: &[(&str, &str)]) -> Vec<Severity> {
    let text = edit(base, edits);
    check(&text, &settings_for(rule))
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.severity)
        .collect()
}

/// A first paragraph numbered 0 with its portion marking (`0. (S//NF)`, a slip for 1) is read as
/// a paragraph: the numbering is reported as starting at 0, not at the next paragraph's number,
/// and a two-paragraph cable is not taken for a single numbered paragraph. A `0.` without a
/// marking (a figure at a line start, `0.5 percent`) stays text of the paragraph before.
#[test]
fn a_marked_paragraph_zero_is_a_paragraph() {
    let paragraph_findings = |edits: &[(&str, &str)]| {
        let text = edit(D, edits);
        let diags: Vec<Diagnostic> = check(&text, &Settings::default())
            .into_iter()
            .filter(|d| {
                matches!(
                    d.rule,
                    Rule::ParagraphNumbering | Rule::SingleParagraphNumbered
                )
            })
            .collect();
        render(&text, &diags)
    };
    assert_eq!(
        paragraph_findings(&[("¶1. (C) Coordinating", "0. (S//NF) Coordinating")]),
        "  12: CBL403 paragraph-numbering (warning): paragraph numbering starts at 0 instead of 1\n"
    );
    assert_eq!(
        paragraph_findings(&[("¶1. (C) Coordinating", "¶0. (C) Coordinating")]),
        "  12: CBL403 paragraph-numbering (warning): paragraph numbering starts at 0 instead of 1\n"
    );
    assert_eq!(
        paragraph_findings(&[(
            "agency reporting to the President.\n",
            "agency reporting to the President, growing by\n0.5 percent a year.\n"
        )]),
        "  (no diagnostics)\n"
    );
}

/// Only a numbering counted from 0 without a break is renumbered from 1: a start at 0 followed by
/// a gap, or a later start (mostly a later section's), has no fix to offer.
#[test]
fn only_a_count_from_zero_without_a_break_has_a_renumbering_fix() {
    let fixes = |edits: &[(&str, &str)]| -> Vec<bool> {
        check(&edit(C, edits), &Settings::default())
            .iter()
            .filter(|d| d.rule == Rule::ParagraphNumbering)
            .map(|d| d.fix.is_some())
            .collect()
    };
    let from_zero = [
        ("¶1. (C) Summary", "¶0. (C) Summary"),
        ("¶2. (C) MOFAT", "¶1. (C) MOFAT"),
        ("¶3. (C) Park", "¶2. (C) Park"),
        ("¶4. (C) Comment", "¶3. (C) Comment"),
    ];
    assert_eq!(fixes(&from_zero), [true]);
    assert_eq!(fixes(&from_zero[..1]), [false]);
    assert_eq!(
        fixes(&[
            ("¶4. (C) Comment", "¶5. (C) Comment"),
            ("¶3. (C) Park", "¶4. (C) Park"),
            ("¶2. (C) MOFAT", "¶3. (C) MOFAT"),
            ("¶1. (C) Summary", "¶2. (C) Summary"),
        ]),
        [false]
    );
}

#[test]
fn documented_softer_severities() {
    // A julian-day mismatch on a corrected copy is a warning, not an error.
    assert_eq!(
        severity_of(JulianDayMismatch, C, &[("0720751", "0710751")]),
        vec![Severity::Error]
    );
    assert_eq!(
        severity_of(
            JulianDayMismatch,
            C,
            &[
                ("0720751", "0710751"),
                ("SIPDIS\n", "SIPDIS\nCORRECTED COPY - TEXT\n")
            ]
        ),
        vec![Severity::Warning]
    );
    // A missing ZZH is a convention: a warning.
    assert_eq!(
        severity_of(InvalidSecurityLine, C, &[("ZNY CCCCC ZZH", "ZNY CCCCC")]),
        vec![Severity::Warning]
    );
    // An unknown base level is an error, an unusual control a warning.
    assert_eq!(
        severity_of(InvalidMarking, C, &[("¶2. (C) MOFAT", "¶2. (SE) MOFAT")]),
        vec![Severity::Error]
    );
    assert_eq!(
        severity_of(InvalidMarking, S, &[("(C//NF) Points", "(C//ZZ) Points")]),
        vec![Severity::Warning]
    );
}

// ------------------------------------------------------------------------------------------------
// 4. Hostile input: never a panic, never a lost line
// ------------------------------------------------------------------------------------------------

/// Checks that the parser's line table covers the whole text, with only line breaks between lines
/// and every range on character boundaries.
fn lossless_lines(text: &str) -> Result<(), String> {
    let cable = parse(text);
    if cable.bom != text.starts_with('\u{feff}') {
        return Err("the BOM flag is wrong".into());
    }
    let bytes = text.as_bytes();
    let mut at = if cable.bom { 3 } else { 0 };
    for (i, line) in cable.lines.iter().enumerate() {
        let r = line.range;
        if r.start() != at {
            return Err(format!("line {i} starts at {} instead of {at}", r.start()));
        }
        if r.end() > text.len()
            || !text.is_char_boundary(r.start())
            || !text.is_char_boundary(r.end())
        {
            return Err(format!("line {i} has a bad range {r:?}"));
        }
        if text[r.as_range()].contains(['\n', '\r']) {
            return Err(format!("line {i} holds a line break"));
        }
        at = r.end();
        if i + 1 < cable.lines.len() {
            at += match (bytes.get(at), bytes.get(at + 1)) {
                (Some(b'\r'), Some(b'\n')) => 2,
                (Some(b'\r' | b'\n'), _) => 1,
                _ => return Err(format!("no line break after line {i}")),
            };
        }
    }
    if at != text.len() {
        return Err(format!("the lines end at {at}, the text at {}", text.len()));
    }
    Ok(())
}

/// Parses and checks a text with every rule on, checks that no line is lost and every range is
/// sound, applies every fix and checks the result the same way. Returns the diagnostics.
fn robust(text: &str) -> Result<Vec<Diagnostic>, String> {
    lossless_lines(text)?;
    let diags = check(text, &every_rule());
    let sound = |r: cablelint::syntax::TextRange| {
        r.start() <= r.end()
            && r.end() <= text.len()
            && text.is_char_boundary(r.start())
            && text.is_char_boundary(r.end())
    };
    for d in &diags {
        if !sound(d.range) {
            return Err(format!("{} has a bad range {:?}", d.rule.code(), d.range));
        }
        let edits = d.fix.iter().flat_map(|f| &f.edits);
        if let Some(e) = edits.clone().find(|e| !sound(e.range)) {
            return Err(format!(
                "{} has a fix edit with a bad range {:?}",
                d.rule.code(),
                e.range
            ));
        }
    }
    for f in diags.iter().filter_map(|d| d.fix.as_ref()) {
        cablelint::workspace::fix::validate(text, &f.edits)
            .map_err(|e| format!("the fix `{}` is invalid: {e}", f.message))?;
    }
    let (fixed, applied) = apply_fixes(text, diags.iter().filter_map(|d| d.fix.as_ref()));
    if applied > 0 {
        lossless_lines(&fixed).map_err(|e| format!("after the fixes: {e}"))?;
        let _ = check(&fixed, &every_rule());
    }
    Ok(diags)
}

fn assert_robust(name: &str, text: &str) {
    if let Err(e) = robust(text).map(drop) {
        panic!(
            "{name}: {e}\ninput (first 300 bytes): {:?}",
            text.chars().take(300).collect::<String>()
        );
    }
}

/// A small deterministic generator (xorshift64*), so that failures are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn degenerate_inputs() {
    for (name, text) in [
        ("empty", ""),
        ("one newline", "\n"),
        ("only newlines", "\n\n\n\n\n"),
        ("only CR", "\r\r\r"),
        ("only CRLF", "\r\n\r\n"),
        ("mixed breaks", "\n\r\n\r\r\n\n\r"),
        ("spaces", "   \n\t\t\n   "),
        ("BOM only", "\u{feff}"),
        ("BOM and newline", "\u{feff}\n"),
        ("NUL bytes", "\0\0\0\n\0"),
        ("pilcrows", "¶\n¶¶¶¶\n¶1.\n¶1. (\n¶ ¶ ¶\n¶999999999999. (C) x\n¶"),
        ("lone banner", "S E C R E T"),
        ("lone header word", "VZCZC"),
        ("DE only", "DE"),
        ("DE junk", "DE R #/ 9999999999"),
        ("DTG junk", "VZCZCXRO1234\nOO RUEHC\nDE RUEHC #1234 0010000\nZNY CCCCC ZZH\nO 999999Z XXX 99\n"),
        ("DTG overflow", "VZCZCXRO1234\nOO RUEHC\nDE RUEHC #1234 9999999\nZNY CCCCC ZZH\nO 012359Z JAN 4294967296\n"),
        ("huge numbers", "UNCLAS STATE 99999999999999999999\n\n¶99999999999. (U) x\n"),
        ("section overflow", "UNCLAS SECTION 99999999999 OF 99999999999 STATE 000001\n"),
        ("marking only", "(S//NF)"),
        ("unclosed marking", "¶1. (S//NF This\n"),
        ("tags only", "TAGS:"),
        ("eo only", "E.O. 12958: DECL:"),
        ("decl overflow", "E.O. 12958: DECL: 99/99/99999999999\n"),
        ("classified by only", "Classified By:"),
        ("reasons only", "Classified By: x. Reasons 1.4 ((((((((\n"),
        ("continuation only", "TOKYO 00002232 002 OF 002"),
        ("end summary alone", "End Summary."),
        ("multi-byte character second", "xé\nOO"),
        ("emoji at line starts", "😀😀\n¶😀\n(😀)\nVZCZC😀\nDE 😀\n"),
    ] {
        assert_robust(name, text);
    }
}

#[test]
fn line_break_styles_and_bom() {
    for (name, base) in BASES {
        for (style, text) in [
            ("CRLF", base.replace('\n', "\r\n")),
            ("CR", base.replace('\n', "\r")),
            ("BOM", format!("\u{feff}{base}")),
            (
                "BOM+CRLF",
                format!("\u{feff}{}", base.replace('\n', "\r\n")),
            ),
            ("no final break", base.trim_end().to_string()),
            (
                "mixed",
                base.replacen('\n', "\r\n", 5).replacen('\n', "\r", 5),
            ),
        ] {
            assert_robust(&format!("{name} with {style}"), &text);
        }
    }
    // The BOM is not part of the first line, so the header still parses.
    let with_bom = format!("\u{feff}{CONFIDENTIAL}");
    assert!(
        check(&with_bom, &Settings::default()).is_empty(),
        "{}",
        render(&with_bom, &check(&with_bom, &Settings::default()))
    );
}

#[test]
fn a_five_megabyte_cable() {
    // Paragraph numbers have at most three digits, so the size comes from long paragraphs: a few
    // hundred of them, each of about a hundred lines.
    let line = "first session would cover fisheries quotas in the shared\n";
    let body: String = line.repeat(100);
    let head = CONFIDENTIAL.split("¶3.").next().expect("paragraph 3");
    let tail = &CONFIDENTIAL[CONFIDENTIAL.find("¶4.").expect("paragraph 4")..];
    let mut text = String::with_capacity(5_300_000);
    text.push_str(head);
    let mut n = 3;
    while text.len() < 5_000_000 {
        text.push_str(&format!("¶{n}. (C) Park said the\n{body}zone.\n\n"));
        n += 1;
    }
    text.push_str(&tail.replacen("¶4.", &format!("¶{n}."), 1));
    assert!(text.len() >= 5_000_000 && n < 1000);
    let cable = parse(&text);
    assert_eq!(cable.body.paragraphs.len(), n as usize);
    // The numbering stays consecutive, and the cable is as clean as its base even with every
    // rule on.
    let diags = robust(&text).unwrap_or_else(|e| panic!("5 MB cable: {e}"));
    assert!(
        diags.is_empty(),
        "{}",
        render(&text, &diags[..diags.len().min(20)])
    );
}

#[test]
fn random_bytes_decoded_lossily() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..40 {
        let len = rng.below(3000);
        let bytes: Vec<u8> = (0..len)
            .map(|_| match rng.below(10) {
                // Bias towards line breaks, spaces and cable punctuation so that lines are short.
                0 => b'\n',
                1 => b'\r',
                2 => b' ',
                3 => b"()/.#:-"[rng.below(7)],
                4 => b'A' + rng.below(26) as u8,
                5 => b'0' + rng.below(10) as u8,
                _ => rng.next() as u8,
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        assert_robust(&format!("random bytes, round {round}"), &text);
    }
}

#[test]
fn shuffled_cable_lines() {
    // Real cable lines in random order and combinations reach deeper into the parser than noise.
    let lines: Vec<&str> = BASES.iter().flat_map(|(_, t)| t.lines()).collect();
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    for round in 0..150 {
        let n = 1 + rng.below(60);
        let mut text = String::new();
        for _ in 0..n {
            let line = lines[rng.below(lines.len())];
            // Sometimes cut the line at a character boundary.
            let line = if rng.below(4) == 0 {
                let cut = rng.below(line.len() + 1);
                let cut = (0..=cut)
                    .rev()
                    .find(|&i| line.is_char_boundary(i))
                    .unwrap_or(0);
                &line[..cut]
            } else {
                line
            };
            text.push_str(line);
            text.push_str(["\n", "\r\n", "\r", "\n\n"][rng.below(4)]);
        }
        assert_robust(&format!("shuffled lines, round {round}"), &text);
    }
}

/// Mutates a base cable: inserts cable-ish or multi-byte snippets, deletes spans and duplicates
/// lines, always at character boundaries.
fn mutate(rng: &mut Rng, base: &str) -> String {
    const SNIPPETS: [&str; 16] = [
        "é", "¶", "😀", "\u{feff}", "\r", "\n", " ", "/", "(", ")", "#", "Z", "0", "//NF", "\r\n",
        "-",
    ];
    let mut text = base.to_string();
    for _ in 0..1 + rng.below(6) {
        let mut at = rng.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match rng.below(3) {
            0 => text.insert_str(at, SNIPPETS[rng.below(SNIPPETS.len())]),
            1 => {
                let mut end = (at + rng.below(12)).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, "");
            }
            _ => {
                let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
                let end = text[at..].find('\n').map_or(text.len(), |p| at + p);
                let line = format!("{}\n", &text[start..end]);
                text.insert_str(start, &line);
            }
        }
    }
    text
}

#[test]
fn mutated_base_cables() {
    let mut rng = Rng(0x5851_f42d_4c95_7f2d);
    for round in 0..300 {
        let (name, base) = BASES[rng.below(BASES.len())];
        let text = mutate(&mut rng, base);
        assert_robust(&format!("{name} mutated, round {round}"), &text);
    }
}

#[test]
fn emoji_and_pilcrows_in_elements() {
    let cases = [
        edit(C, &[("TAGS: PREL PGOV JA KS", "TAGS: PREL 🇯🇵 PGOV 😀 KS")]),
        edit(
            C,
            &[
                ("MOFAT Northeast", "MOFAT 🏛️ Northeast"),
                ("quiet\n", "quiet 🤫\n"),
            ],
        ),
        edit(C, &[("SUBJECT: ROK", "SUBJECT: 🇰🇷 ROK")]),
        edit(C, &[("SEOUL 000614", "SEOUL 🇰🇷 000614")]),
        edit(C, &[("¶2. (C)", "¶2. (🔒)")]),
        edit(C, &[("¶2. (C)", "¶¶2. (C)")]),
        edit(
            C,
            &[("Reasons 1.4 (b) and (d).", "Reasons 1.4 (ß) and (д).")],
        ),
        edit(
            U,
            &[("RUEHBK/AMEMBASSY BANGKOK", "RUEHBK/AMEMBASSY BANGKOK🇹🇭")],
        ),
        edit(S, &[("TAGS: PARM", "TAGS: [PARM](#🔗) [KNNP](")]),
        edit(D, &[("JAKARTA 000233", "JAKARTA 000233 ¶¶¶")]),
    ];
    for (i, text) in cases.iter().enumerate() {
        assert_robust(&format!("emoji case {i}"), text);
    }
    // An emoji in TAGS is reported as an unknown tag with a range on character boundaries.
    let text = &cases[0];
    let diags = check(text, &Settings::default());
    assert!(
        diags
            .iter()
            .any(|d| d.rule == UnknownTag && text[d.range.as_range()].contains('😀')),
        "{}",
        render(text, &diags)
    );
}

#[test]
fn every_prefix_of_every_base_cable() {
    for (name, base) in BASES {
        let boundaries: Vec<usize> = (0..=base.len())
            .filter(|&i| base.is_char_boundary(i))
            .collect();
        let step = if boundaries.len() > 1000 { 7 } else { 1 };
        for &cut in boundaries.iter().step_by(step) {
            assert_robust(&format!("{name} cut at byte {cut}"), &base[..cut]);
        }
    }
}
