//! Message precedence (spec §4): the FL2 prosign, the FL5 letter and the addressee-line word.

/// Message precedence, lowest first so that `max` gives the highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precedence {
    Routine,
    Priority,
    Immediate,
    NiactImmediate,
    Flash,
}

impl Precedence {
    /// Every precedence, most urgent first.
    pub const ALL: [Precedence; 5] = [
        Precedence::Flash,
        Precedence::NiactImmediate,
        Precedence::Immediate,
        Precedence::Priority,
        Precedence::Routine,
    ];

    /// The FL5 letter (`NIACT IMMEDIATE` is sent as `O`).
    pub fn letter(self) -> char {
        match self {
            Precedence::Routine => 'R',
            Precedence::Priority => 'P',
            Precedence::Immediate | Precedence::NiactImmediate => 'O',
            Precedence::Flash => 'Z',
        }
    }

    /// The rank used to compare letters: NIACT IMMEDIATE ranks as IMMEDIATE on FL2/FL5.
    pub fn letter_rank(self) -> u8 {
        match self {
            Precedence::Routine => 0,
            Precedence::Priority => 1,
            Precedence::Immediate | Precedence::NiactImmediate => 2,
            Precedence::Flash => 3,
        }
    }

    /// The precedence an FL5 letter stands for. `O` is IMMEDIATE: NIACT IMMEDIATE shares the
    /// letter and is told apart only on the addressee lines.
    pub fn from_letter(c: u8) -> Option<Precedence> {
        Some(match c {
            b'R' => Precedence::Routine,
            b'P' => Precedence::Priority,
            b'O' => Precedence::Immediate,
            b'Z' => Precedence::Flash,
            _ => return None,
        })
    }

    /// The precedence an FL2 prosign digraph stands for: `ZZ`, `OO`, `PP`, `RR`, and `NN`, seen
    /// once on a NIACT IMMEDIATE cable (spec §3.2).
    pub fn from_prosign(prosign: &str) -> Option<Precedence> {
        Some(match prosign {
            "ZZ" => Precedence::Flash,
            "OO" => Precedence::Immediate,
            "NN" => Precedence::NiactImmediate,
            "PP" => Precedence::Priority,
            "RR" => Precedence::Routine,
            _ => return None,
        })
    }

    /// The FL2 prosign digraph a drafter writes for the precedence: `ZZ`, `OO`, `PP`, `RR`;
    /// NIACT IMMEDIATE is sent as `OO` (`NN` is seen once in 5,752 headers, spec §3.2).
    pub fn prosign(self) -> &'static str {
        match self {
            Precedence::Flash => "ZZ",
            Precedence::Immediate | Precedence::NiactImmediate => "OO",
            Precedence::Priority => "PP",
            Precedence::Routine => "RR",
        }
    }

    /// The name, which is also the word written on addressee lines (ROUTINE is written as no
    /// word: 0 of about 42,600 addressee lines carry it, spec §3.7).
    pub fn word(self) -> &'static str {
        match self {
            Precedence::Routine => "ROUTINE",
            Precedence::Priority => "PRIORITY",
            Precedence::Immediate => "IMMEDIATE",
            Precedence::NiactImmediate => "NIACT IMMEDIATE",
            Precedence::Flash => "FLASH",
        }
    }

    /// Whether the precedence is written as a word on addressee lines (all but ROUTINE).
    pub fn is_written(self) -> bool {
        self != Precedence::Routine
    }

    /// A sentence on what the precedence asks of the addressees.
    pub fn description(self) -> &'static str {
        match self {
            Precedence::Flash => {
                "The highest precedence; a FLASH message must be sent as a separate \
                 transmission (5 FAH-2 H-321.2)."
            }
            Precedence::NiactImmediate => {
                "Night action: the action addressees so marked must act at once, whatever the \
                 time of day; paragraph 1 must justify it (5 FAH-2 H-420)."
            }
            Precedence::Immediate => "Urgent handling ahead of PRIORITY and ROUTINE traffic.",
            Precedence::Priority => {
                "Prompt handling ahead of ROUTINE traffic; the most common precedence word in \
                 the released cables."
            }
            Precedence::Routine => "Normal handling; written by leaving the precedence word out.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_forms_agree() {
        for p in Precedence::ALL {
            let letter = p.letter();
            let prosign = format!("{letter}{letter}");
            let by_prosign = Precedence::from_prosign(&prosign).expect("a prosign");
            assert_eq!(by_prosign.letter(), letter, "{p:?}");
            let by_letter = Precedence::from_letter(letter as u8).expect("a letter");
            assert_eq!(by_letter.letter_rank(), p.letter_rank(), "{p:?}");
        }
        assert_eq!(
            Precedence::from_prosign("NN"),
            Some(Precedence::NiactImmediate)
        );
        assert_eq!(Precedence::from_prosign("XX"), None);
        assert!(Precedence::Flash > Precedence::NiactImmediate);
        assert!(!Precedence::Routine.is_written());
    }
}
