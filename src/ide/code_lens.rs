//! Code lens over the classification banner: which section of the cable this text is, and how many
//! cables cite it.
//!
//! The section count comes from the cable itself: the banner's `SECTION n OF m`; without it, the
//! DE line's `/nn` for the section and the continuation headers' `… OF m` for the total; a cable
//! with none of them is one section.
//!
//! The citing count is not this module's to find: the caller passes it ([`Citing`]), from whatever
//! knows the other cables (the open documents today, the workspace index when there is one). When
//! the caller does not know, no count is shown: the lens never shows a number nobody counted.

use crate::syntax::{origin_key, Cable, CableId, TextRange};

/// How many cables cite this one, and among which cables they were counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citing {
    pub count: usize,
    pub among: CitingScope,
}

/// The cables a [`Citing`] count was taken among.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitingScope {
    /// Every cable of the workspace folders (a workspace index).
    Workspace,
    /// The documents open in the editor, other than this one.
    OpenDocuments,
}

/// One lens: a title shown above `range` (the banner). Lenses carry no command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeLens {
    pub range: TextRange,
    pub title: String,
}

/// The lenses of a cable: over its banner, the section count, then the citing count when
/// `citing` gives one. No banner, no lens.
pub fn code_lenses(cable: &Cable<'_>, citing: Option<Citing>) -> Vec<CodeLens> {
    let Some(banner) = cable.body.banner.as_ref() else {
        return Vec::new();
    };
    let mut lenses = vec![CodeLens {
        range: banner.range,
        title: section_title(cable),
    }];
    if let Some(c) = citing {
        let cables = if c.count == 1 { "cable" } else { "cables" };
        let title = match (c.count, c.among) {
            (0, CitingScope::Workspace) => "cited by no cable in the workspace".to_string(),
            (0, CitingScope::OpenDocuments) => "cited by no open cable".to_string(),
            (n, CitingScope::Workspace) => format!("cited by {n} {cables} in the workspace"),
            (n, CitingScope::OpenDocuments) => format!("cited by {n} open {cables}"),
        };
        lenses.push(CodeLens {
            range: banner.range,
            title,
        });
    }
    lenses
}

/// `section 1 of 3`, `section 2`, or `1 section`.
fn section_title(cable: &Cable<'_>) -> String {
    let banner = cable.body.banner.as_ref();
    let (number, total) = match banner.and_then(|b| b.section) {
        Some((n, m)) => (Some(n.value), Some(m.value)),
        None => (
            cable
                .header
                .de
                .as_ref()
                .and_then(|d| d.section)
                .map(|s| s.value),
            cable.body.continuations.iter().map(|c| c.total.value).max(),
        ),
    };
    match (number, total) {
        (_, Some(m)) if m > 1 => format!("section {} of {m}", number.unwrap_or(1).max(1)),
        (Some(n), None) if n > 1 => format!("section {n}"),
        _ => "1 section".to_string(),
    }
}

/// This cable's id as a `REF` names it (the banner's origin and serial, the date-time group's
/// year), for looking up the cables that cite it; `None` without a banner origin and serial.
pub fn own_cable_id(cable: &Cable<'_>) -> Option<CableId> {
    let banner = cable.body.banner.as_ref()?;
    Some(CableId {
        key: origin_key(cable.text(banner.origin?)),
        number: banner.serial?.value,
        year: cable
            .header
            .dtg
            .as_ref()
            .and_then(|l| l.dtg)
            .map(|g| g.year)
            .filter(|&y| y != 0),
    })
}

/// Whether a cable's `REF` block cites `target` (same origin and serial; the same year when both
/// know theirs), read as go-to-definition reads it.
pub fn cites(cable: &Cable<'_>, target: &CableId) -> bool {
    super::definition::cable_refs(cable).iter().any(|c| {
        c.key == target.key
            && c.number == target.number
            && match (c.year, target.year) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    const CABLE: &str = "VZCZCXRO4417\nPP RUEHCP\nDE RUEHNY #0217/01 0740930\nZNY CCCCC ZZH\nP 140930Z MAR 08\nFM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC PRIORITY 5521\n\nC O N F I D E N T I A L SECTION 01 OF 03 OSLO 000217\n\nE.O. 12958: DECL: 03/14/2018\n";

    fn titles(text: &str, citing: Option<Citing>) -> Vec<String> {
        code_lenses(&parse(text), citing)
            .into_iter()
            .map(|l| l.title)
            .collect()
    }

    #[test]
    fn the_banner_shows_its_section() {
        assert_eq!(titles(CABLE, None), ["section 1 of 3"]);
        let one = CABLE
            .replace(" SECTION 01 OF 03", "")
            .replace("#0217/01", "#0217");
        assert_eq!(titles(&one, None), ["1 section"]);
        // `/01` without a SECTION banner is a single-section cable.
        assert_eq!(
            titles(&CABLE.replace(" SECTION 01 OF 03", ""), None),
            ["1 section"]
        );
        // The total from a continuation header when the banner has none.
        let pages = format!(
            "{}\n1. (C) Text.\n\nOSLO 00000217  002 OF 002\n\n2. (C) More.\n",
            CABLE.replace(" SECTION 01 OF 03", "")
        );
        assert_eq!(titles(&pages, None), ["section 1 of 2"]);
        assert!(titles("P 140930Z MAR 08\n", None).is_empty());
    }

    #[test]
    fn the_citing_count_is_shown_only_when_given() {
        let c = |count, among| Some(Citing { count, among });
        assert_eq!(
            titles(CABLE, c(2, CitingScope::Workspace)),
            ["section 1 of 3", "cited by 2 cables in the workspace"]
        );
        assert_eq!(
            titles(CABLE, c(1, CitingScope::OpenDocuments))[1],
            "cited by 1 open cable"
        );
        assert_eq!(
            titles(CABLE, c(0, CitingScope::Workspace))[1],
            "cited by no cable in the workspace"
        );
        assert_eq!(titles(CABLE, None).len(), 1);
    }

    #[test]
    fn a_ref_names_the_cable_by_its_own_id() {
        let id = own_cable_id(&parse(CABLE)).unwrap();
        assert_eq!(id.id(), "08OSLO217");
        let citing =
            parse("P 010101Z APR 08\n\nUNCLAS OSLO 000300\n\nREF: A. OSLO 217 B. 07 OSLO 217\n");
        assert!(cites(&citing, &id));
        let other = parse("P 010101Z APR 08\n\nUNCLAS OSLO 000300\n\nREF: 07 OSLO 217\n");
        assert!(!cites(&other, &id));
    }
}
