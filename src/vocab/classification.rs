//! The classification scale (spec §3.4, §3.8, §3.16): the levels, the banner forms, the FL4
//! security codes and the portion markings, with the one mapping between them.

/// Classification levels, lowest first. SBU is an administrative control, ranked between
/// unclassified and confidential for the roll-up of portion markings; a `LIMITED OFFICIAL USE`
/// banner (before 1995) stands at the same rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Unclassified,
    Sbu,
    Confidential,
    Secret,
    TopSecret,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 5] = [
        Level::Unclassified,
        Level::Sbu,
        Level::Confidential,
        Level::Secret,
        Level::TopSecret,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Level::Unclassified => "UNCLASSIFIED",
            Level::Sbu => "SENSITIVE BUT UNCLASSIFIED",
            Level::Confidential => "CONFIDENTIAL",
            Level::Secret => "SECRET",
            Level::TopSecret => "TOP SECRET",
        }
    }

    /// The portion-marking abbreviation (`C` in `(C)`).
    pub fn abbrev(self) -> &'static str {
        match self {
            Level::Unclassified => "U",
            Level::Sbu => "SBU",
            Level::Confidential => "C",
            Level::Secret => "S",
            Level::TopSecret => "TS",
        }
    }

    /// The level a portion-marking abbreviation stands for (`U`, `SBU`, `C`, `S`, `TS`; 5 FAH-1
    /// H-246.2), exactly as written.
    pub fn from_abbrev(abbrev: &str) -> Option<Level> {
        Some(match abbrev {
            "U" => Level::Unclassified,
            "SBU" => Level::Sbu,
            "C" => Level::Confidential,
            "S" => Level::Secret,
            "TS" => Level::TopSecret,
            _ => return None,
        })
    }

    /// Whether the level is a national-security classification (CONFIDENTIAL and above).
    pub fn is_classified(self) -> bool {
        self >= Level::Confidential
    }
}

/// Overall classification levels as a banner states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BannerLevel {
    /// `UNCLAS`
    Unclas,
    /// `UNCLAS E F T O`
    UnclasEfto,
    /// `UNCLASSIFIED` (older cables)
    Unclassified,
    /// `LIMITED OFFICIAL USE` (before 1995)
    LimitedOfficialUse,
    Confidential,
    Secret,
    TopSecret,
}

impl BannerLevel {
    /// The banners a drafter chooses from today, lowest first (UNCLASSIFIED and LIMITED OFFICIAL
    /// USE are older forms).
    pub const CURRENT: [BannerLevel; 5] = [
        BannerLevel::Unclas,
        BannerLevel::UnclasEfto,
        BannerLevel::Confidential,
        BannerLevel::Secret,
        BannerLevel::TopSecret,
    ];

    /// The level on the scale portion markings use.
    pub fn level(self) -> Level {
        match self {
            BannerLevel::Unclas | BannerLevel::UnclasEfto | BannerLevel::Unclassified => {
                Level::Unclassified
            }
            BannerLevel::LimitedOfficialUse => Level::Sbu,
            BannerLevel::Confidential => Level::Confidential,
            BannerLevel::Secret => Level::Secret,
            BannerLevel::TopSecret => Level::TopSecret,
        }
    }

    /// The banner that states a paragraph level, when a banner can say it (SBU is a caption under
    /// an UNCLAS banner, not a banner).
    pub fn for_level(level: Level) -> Option<BannerLevel> {
        match level {
            Level::Confidential => Some(BannerLevel::Confidential),
            Level::Secret => Some(BannerLevel::Secret),
            Level::TopSecret => Some(BannerLevel::TopSecret),
            Level::Unclassified | Level::Sbu => None,
        }
    }

    pub fn is_classified(self) -> bool {
        self.level().is_classified()
    }

    /// The canonical banner spelling (spaced letters for the classified levels, spec §3.8).
    pub fn canonical(self) -> &'static str {
        match self {
            BannerLevel::Unclas => "UNCLAS",
            BannerLevel::UnclasEfto => "UNCLAS E F T O",
            BannerLevel::Unclassified => "UNCLASSIFIED",
            BannerLevel::LimitedOfficialUse => "LIMITED OFFICIAL USE",
            BannerLevel::Confidential => "C O N F I D E N T I A L",
            BannerLevel::Secret => "S E C R E T",
            BannerLevel::TopSecret => "T O P S E C R E T",
        }
    }

    /// The banner spelling with the letters not spaced (`CONFIDENTIAL`, `UNCLAS EFTO`), which
    /// `spaced-banner = false` in `cablelint.toml` chooses; the levels that are never spaced are
    /// as [`BannerLevel::canonical`] writes them.
    pub fn unspaced(self) -> &'static str {
        match self {
            BannerLevel::UnclasEfto => "UNCLAS EFTO",
            BannerLevel::Confidential => "CONFIDENTIAL",
            BannerLevel::Secret => "SECRET",
            BannerLevel::TopSecret => "TOP SECRET",
            _ => self.canonical(),
        }
    }

    /// The banner spelling a project writes: [`BannerLevel::canonical`] when `spaced` (the
    /// default of `spaced-banner`), else [`BannerLevel::unspaced`].
    pub fn written(self, spaced: bool) -> &'static str {
        if spaced {
            self.canonical()
        } else {
            self.unspaced()
        }
    }

    /// The classification in words.
    pub fn name(self) -> &'static str {
        match self {
            BannerLevel::UnclasEfto => SecurityCode::Efto.name(),
            BannerLevel::LimitedOfficialUse => "LIMITED OFFICIAL USE",
            _ => self.level().name(),
        }
    }

    /// The FL4 security codes that go with the banner, the usual one first (TPUB-FL4, spec H-4).
    /// A LIMITED OFFICIAL USE cable is sent unclassified or EFTO.
    pub fn security_codes(self) -> &'static [SecurityCode] {
        match self {
            BannerLevel::Unclas | BannerLevel::Unclassified => &[SecurityCode::Unclassified],
            BannerLevel::UnclasEfto => &[SecurityCode::Efto],
            BannerLevel::LimitedOfficialUse => &[SecurityCode::Unclassified, SecurityCode::Efto],
            BannerLevel::Confidential => &[SecurityCode::Confidential],
            BannerLevel::Secret => &[SecurityCode::Secret],
            BannerLevel::TopSecret => &[SecurityCode::TopSecret],
        }
    }
}

/// The classification letters of the FL4 security warning (`ZNY CCCCC`; TPUB-FL4, spec §3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecurityCode {
    /// `UUUUU`
    Unclassified,
    /// `EEEEE`: unclassified, encrypted for transmission only.
    Efto,
    /// `CCCCC`
    Confidential,
    /// `SSSSS`
    Secret,
    /// `TTTTT`
    TopSecret,
}

impl SecurityCode {
    /// The code a five-letter group's first letter stands for (`C` of `CCCCC`, or of the SPECAT
    /// variant `SSSAA`).
    pub fn from_letter(letter: u8) -> Option<SecurityCode> {
        Some(match letter {
            b'U' => SecurityCode::Unclassified,
            b'E' => SecurityCode::Efto,
            b'C' => SecurityCode::Confidential,
            b'S' => SecurityCode::Secret,
            b'T' => SecurityCode::TopSecret,
            _ => return None,
        })
    }

    /// The whole security warning, prosign and code: `ZNR` (sent in the clear) for unclassified
    /// traffic, `ZNY` (encrypted on line) for the rest.
    pub fn warning(self) -> &'static str {
        match self {
            SecurityCode::Unclassified => "ZNR UUUUU",
            SecurityCode::Efto => "ZNY EEEEE",
            SecurityCode::Confidential => "ZNY CCCCC",
            SecurityCode::Secret => "ZNY SSSSS",
            SecurityCode::TopSecret => "ZNY TTTTT",
        }
    }

    /// The five-letter code (`CCCCC`).
    pub fn code(self) -> &'static str {
        &self.warning()[4..]
    }

    /// The level on the scale portion markings use (EFTO is unclassified).
    pub fn level(self) -> Level {
        match self {
            SecurityCode::Unclassified | SecurityCode::Efto => Level::Unclassified,
            SecurityCode::Confidential => Level::Confidential,
            SecurityCode::Secret => Level::Secret,
            SecurityCode::TopSecret => Level::TopSecret,
        }
    }

    /// The classification in words.
    pub fn name(self) -> &'static str {
        match self {
            SecurityCode::Efto => "UNCLASSIFIED, encrypted for transmission only (EFTO)",
            _ => self.level().name(),
        }
    }
}

/// A control written after the level in a portion marking (`(S//NF)`, `(C/REL NATO)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortionControl {
    pub code: &'static str,
    pub description: &'static str,
}

/// The portion-marking controls seen in the cables (spec §3.16).
pub const PORTION_CONTROLS: &[PortionControl] = &[
    PortionControl {
        code: "NF",
        description: "NOFORN: not releasable to foreign nationals.",
    },
    PortionControl {
        code: "NOFORN",
        description: "Not releasable to foreign nationals.",
    },
    PortionControl {
        code: "FOUO",
        description: "For Official Use Only: not to be released to the public.",
    },
    PortionControl {
        code: "FGI",
        description: "Foreign government information: provided by a foreign government in \
                      confidence.",
    },
    PortionControl {
        code: "MR",
        description: "Manual review, a declassification instruction carried in the marking \
                      (SECRET//FGI//NOFORN//MR).",
    },
    PortionControl {
        code: "REL TO",
        description: "Releasable to the countries or organizations listed (REL TO USA, FVEY).",
    },
    PortionControl {
        code: "REL",
        description: "Releasable to the countries or organizations listed (REL NATO); short for \
                      REL TO.",
    },
];

/// The portion-marking control written as `code` (`NF`, `NOFORN`, `FOUO`, `FGI`, `MR`, `REL TO` …).
pub fn portion_control(code: &str) -> Option<&'static PortionControl> {
    PORTION_CONTROLS.iter().find(|c| c.code == code)
}

/// The banner's classification words as they are written, longest first where one begins another
/// (`UNCLAS E F T O` before `UNCLAS`), each with its level (spec §3.8).
pub const BANNER_FORMS: [(&str, BannerLevel); 6] = [
    ("UNCLAS E F T O", BannerLevel::UnclasEfto),
    ("UNCLASSIFIED", BannerLevel::Unclassified),
    ("UNCLAS", BannerLevel::Unclas),
    ("C O N F I D E N T I A L", BannerLevel::Confidential),
    ("S E C R E T", BannerLevel::Secret),
    ("LIMITED OFFICIAL USE", BannerLevel::LimitedOfficialUse),
];

/// The letters of the banner's classification words with the spaces taken out, as the release
/// also gives them, each with its level and whether it is a garble: the release doubled or dropped
/// the leading letter (`SSECRET`, `ONFIDENTIAL`, spec §6.1.6).
pub const BANNER_LETTERS: [(&str, BannerLevel, bool); 15] = [
    ("TOPSECRET", BannerLevel::TopSecret, false),
    ("TTOPSECRET", BannerLevel::TopSecret, true),
    ("OPSECRET", BannerLevel::TopSecret, true),
    ("CONFIDENTIAL", BannerLevel::Confidential, false),
    ("CCONFIDENTIAL", BannerLevel::Confidential, true),
    ("ONFIDENTIAL", BannerLevel::Confidential, true),
    ("SECRET", BannerLevel::Secret, false),
    ("SSECRET", BannerLevel::Secret, true),
    ("ECRET", BannerLevel::Secret, true),
    ("UNCLASEFTO", BannerLevel::UnclasEfto, false),
    ("UUNCLASEFTO", BannerLevel::UnclasEfto, true),
    ("NCLASEFTO", BannerLevel::UnclasEfto, true),
    ("UNCLAS", BannerLevel::Unclas, false),
    ("UUNCLAS", BannerLevel::Unclas, true),
    ("NCLAS", BannerLevel::Unclas, true),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banner_code_and_level_agree() {
        for banner in BannerLevel::CURRENT {
            let code = banner.security_codes()[0];
            assert_eq!(code.level(), banner.level(), "{banner:?}");
            if let Some(b) = BannerLevel::for_level(banner.level()) {
                assert_eq!(b, banner);
            }
        }
        assert_eq!(
            SecurityCode::from_letter(b'C').map(SecurityCode::code),
            Some("CCCCC")
        );
        assert_eq!(Level::from_abbrev("TS"), Some(Level::TopSecret));
        assert_eq!(Level::from_abbrev("SE"), None);
        assert!(Level::Secret > Level::Confidential && Level::Sbu > Level::Unclassified);
        assert!(BannerLevel::Confidential.is_classified() && !BannerLevel::Unclas.is_classified());
    }
}
