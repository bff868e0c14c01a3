//! Captions and dissemination controls: the lines between the banner and the E.O. line (spec
//! §3.9), with the ranking of the restrictive ones.

/// What a caption line is. A line with several comma- or space-joined captions gives one each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaptionKind {
    Sipdis,
    Noforn,
    Sensitive,
    Fouo,
    NotForInternet,
    Nodis,
    Exdis,
    Limdis,
    Stadis,
    Specat,
    CorrectedCopy,
    Codel,
    HPass,
    /// A banner-style marking line (`SECRET//NOFORN`).
    MarkingLine,
    Other,
}

impl CaptionKind {
    /// How restrictive a restrictive caption is, higher is more restrictive: NODIS, EXDIS, LIMDIS,
    /// STADIS. "You may use STADIS with EXDIS or NODIS. The most restrictive caption must appear
    /// first" (5 FAH-2 H-250, spec §3.9 and B-28). SPECAT is left unranked: only SPECAT EXCLUSIVE
    /// compares with NODIS, and the caption alone does not say which kind it is.
    pub fn restriction(self) -> Option<u8> {
        match self {
            CaptionKind::Nodis => Some(4),
            CaptionKind::Exdis => Some(3),
            CaptionKind::Limdis => Some(2),
            CaptionKind::Stadis => Some(1),
            _ => None,
        }
    }
}

/// A caption as it is written, with a sentence on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caption {
    pub name: &'static str,
    pub kind: CaptionKind,
    pub description: &'static str,
}

/// The captions, with a sentence on each. Sources: 05 STATE 226504 and 06 STATE 89712 (SIPDIS),
/// 5 FAH-2 H-250 (SPECAT, STADIS, order of restrictive captions), spec §3.9 counts.
pub const CAPTIONS: &[Caption] = &[
    Caption {
        name: "SIPDIS",
        kind: CaptionKind::Sipdis,
        description: "SIPRNet distribution: the cable may be posted on the Secret Internet \
                      Protocol Router Network for other agencies to read. It may not be combined \
                      with a restrictive caption such as NODIS or EXDIS (05 STATE 226504).",
    },
    Caption {
        name: "NOFORN",
        kind: CaptionKind::Noforn,
        description: "Not releasable to foreign nationals: for telegrams not appropriate for \
                      sharing outside the U.S. Government (05 STATE 226504).",
    },
    Caption {
        name: "NOT RELEASABLE TO FOREIGN NATIONALS",
        kind: CaptionKind::Noforn,
        description: "The spelled-out form of NOFORN.",
    },
    Caption {
        name: "NODIS",
        kind: CaptionKind::Nodis,
        description: "No distribution beyond the addressees named: the most restrictive \
                      caption, for messages of the highest sensitivity.",
    },
    Caption {
        name: "SPECAT",
        kind: CaptionKind::Specat,
        description: "Special category: handled only by cleared communications staff; the \
                      security warning carries /AAAAA or /BBBBB. SPECAT EXCLUSIVE is comparable \
                      to NODIS (5 FAH-2 H-250).",
    },
    Caption {
        name: "EXDIS",
        kind: CaptionKind::Exdis,
        description: "Exclusive distribution: limited to officers with an essential need to \
                      know; less restrictive than NODIS.",
    },
    Caption {
        name: "LIMDIS",
        kind: CaptionKind::Limdis,
        description: "Limited distribution: limited to the offices directly concerned.",
    },
    Caption {
        name: "STADIS",
        kind: CaptionKind::Stadis,
        description: "State distribution only: not to be distributed outside the Department of \
                      State. It may be used with EXDIS or NODIS, the most restrictive caption \
                      first (5 FAH-2 H-250).",
    },
    Caption {
        name: "SENSITIVE",
        kind: CaptionKind::Sensitive,
        description: "Sensitive But Unclassified (SBU): unclassified information that warrants \
                      protection from public release. It is an administrative control, not a \
                      classification.",
    },
    Caption {
        name: "SENSITIVE BUT UNCLASSIFIED",
        kind: CaptionKind::Sensitive,
        description: "The spelled-out form of the SBU control: unclassified information that \
                      warrants protection from public release.",
    },
    Caption {
        name: "SBU",
        kind: CaptionKind::Sensitive,
        description: "Sensitive But Unclassified: unclassified information that warrants \
                      protection from public release.",
    },
    Caption {
        name: "FOR OFFICIAL USE ONLY",
        kind: CaptionKind::Fouo,
        description: "For Official Use Only (FOUO): unclassified information not to be released \
                      to the public. The release metadata labels SENSITIVE cables \
                      UNCLASSIFIED//FOR OFFICIAL USE ONLY.",
    },
    Caption {
        name: "NOT FOR INTERNET DISTRIBUTION",
        kind: CaptionKind::NotForInternet,
        description: "SBU handling: the text must not be posted on the Internet.",
    },
    Caption {
        name: "CORRECTED COPY",
        kind: CaptionKind::CorrectedCopy,
        description: "A reissue that corrects an earlier transmission; the reason follows in \
                      parentheses, e.g. (CAPTION ADDED).",
    },
    Caption {
        name: "CODEL",
        kind: CaptionKind::Codel,
        description: "Congressional delegation: the cable concerns a visit by members of \
                      Congress, often followed by the delegation's name (CODEL LEVIN).",
    },
    Caption {
        name: "H PASS",
        kind: CaptionKind::HPass,
        description: "Passing instruction for the Bureau of Legislative Affairs (H), usually \
                      with a congressional delegation named after it.",
    },
];

/// The caption written at the start of `written` (`SIPDIS`, `CORRECTED COPY (ADDED TAG)`,
/// `C O R R E C T E D C O P Y`), by its longest known name, any case.
pub fn caption_text(written: &str) -> Option<&'static Caption> {
    let upper = written.trim().to_ascii_uppercase();
    let squeezed: String = upper.chars().filter(|c| !c.is_whitespace()).collect();
    CAPTIONS
        .iter()
        .filter(|c| upper.starts_with(c.name) || squeezed.starts_with(&c.name.replace(' ', "")))
        .max_by_key(|c| c.name.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_have_sentences_and_a_ranking() {
        for c in CAPTIONS {
            assert!(c.description.ends_with('.'), "{}", c.name);
        }
        let rank = |name: &str| caption_text(name).and_then(|c| c.kind.restriction());
        assert!(rank("NODIS") > rank("EXDIS"));
        assert!(rank("EXDIS") > rank("LIMDIS"));
        assert!(rank("LIMDIS") > rank("STADIS"));
        assert_eq!(rank("SIPDIS"), None);
        assert_eq!(
            caption_text("corrected copy (added tag)").map(|c| c.name),
            Some("CORRECTED COPY")
        );
    }
}
