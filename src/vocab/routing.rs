//! Routing indicators (spec §3.2, §3.7).

/// Whether a word is a routing indicator: `R` and 3 to 7 capital letters or digits.
///
/// The spec's FL2 grammar writes `"R" 4*7 (UPPER | DIGIT)` from the 5–7 characters observed on
/// FL2 and DE lines, and 5 FAH-2 H-230 speaks of "a five to eight letter symbol usually starting
/// with R"; but the addressee grammar of §3.7 admits `R[A-Z0-9]{3,7}`, and the 2010 Allied Routing
/// Indicator Book (ACP 117, `data/addressees.tsv`) has 45 four-character indicators such as
/// `RUEH` (the relay at Beltsville) and `RUHO`, one of which a released cable writes
/// (`RUHO/AMEMBASSY LONDON`). The shorter form is therefore accepted everywhere.
pub fn is_routing_indicator(word: &str) -> bool {
    let b = word.as_bytes();
    (4..=8).contains(&b.len())
        && b[0] == b'R'
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        for ri in ["RUEH", "RUEHC", "RUEHKO", "RUEHTRO", "RHMFISS", "RUEHWEB1"] {
            assert!(is_routing_indicator(ri), "{ri}");
        }
        for not in ["REH", "RUEHKOXYZ", "AMEMBASSY", "ruehko", "RUEH-C"] {
            assert!(!is_routing_indicator(not), "{not}");
        }
    }
}
