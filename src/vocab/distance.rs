//! Edit distance for reading misspellings (`PRIORTY`) and for "did you mean" suggestions:
//! optimal string alignment, that is Levenshtein plus the transposition of two neighbouring
//! letters, from the `strsim` crate.

/// The optimal-string-alignment distance between `a` and `b` if it is at most `max`. Strings
/// whose lengths differ by more than `max` are rejected without computing it.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let d = strsim::osa_distance(a, b);
    (d <= max).then_some(d)
}

/// The kind of a single edit turning a typed token into a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// One letter replaced (`PGOB` → `PGOV`).
    Substitution,
    /// Two neighbouring letters swapped (`PGVO` → `PGOV`).
    Transposition,
    /// The token misses a letter (`MAR` → `MARR`).
    Dropped,
    /// The token has a letter too many, often doubled (`MOPPS` → `MOPS`).
    Extra,
}

/// The single edit that turns `typed` into `candidate`, if exactly one is needed. A linear
/// scan with no allocation: the bound-1 case of [`edit_distance`], which the TAGS suggestions ask
/// for hundreds of times per token.
pub fn single_edit(typed: &str, candidate: &str) -> Option<Edit> {
    let (typed, candidate) = (typed.as_bytes(), candidate.as_bytes());
    let (n, m) = (typed.len(), candidate.len());
    let first_diff = |len: usize| (0..len).find(|&i| typed[i] != candidate[i]).unwrap_or(len);
    if n == m {
        let i = first_diff(n);
        if i == n {
            return None; // Equal.
        }
        if typed[i + 1..] == candidate[i + 1..] {
            return Some(Edit::Substitution);
        }
        let swapped = i + 1 < n && typed[i] == candidate[i + 1] && typed[i + 1] == candidate[i];
        (swapped && typed[i + 2..] == candidate[i + 2..]).then_some(Edit::Transposition)
    } else if n + 1 == m {
        let i = first_diff(n);
        (typed[i..] == candidate[i + 1..]).then_some(Edit::Dropped)
    } else if n == m + 1 {
        let i = first_diff(m);
        (typed[i + 1..] == candidate[i..]).then_some(Edit::Extra)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        let d = edit_distance;
        assert_eq!(d("PRIORTY", "PRIORITY", 2), Some(1));
        assert_eq!(d("PRIOITY", "PRIORITY", 2), Some(1));
        assert_eq!(d("PGOV", "POGV", 1), Some(1));
        assert_eq!(d("PRETORIA", "PRIORITY", 2), None);
        assert_eq!(d("PGOV", "PGOV", 1), Some(0));
        assert_eq!(d("POGOV", "PGOV", 1), Some(1));
        assert_eq!(d("KNUC", "KNNP", 1), None);
        assert_eq!(d("KNUC", "KNNP", 2), Some(2));
        assert_eq!(d("ABCDEF", "A", 2), None);
        assert_eq!(d("", "AB", 2), Some(2));
        assert_eq!(d("KITTEN", "SITTING", 3), Some(3));
        assert_eq!(d("KITTEN", "SITTING", 2), None);
    }

    #[test]
    fn edits() {
        let e = single_edit;
        assert_eq!(e("PGVO", "PGOV"), Some(Edit::Transposition));
        assert_eq!(e("MAR", "MARR"), Some(Edit::Dropped));
        assert_eq!(e("MOPPS", "MOPS"), Some(Edit::Extra));
        assert_eq!(e("PGOB", "PGOV"), Some(Edit::Substitution));
        assert_eq!(e("PGOV", "PGOV"), None);
        assert_eq!(e("PREL", "PGOV"), None);
        assert_eq!(e("AB", "BA"), Some(Edit::Transposition));
        assert_eq!(e("ABC", "BCA"), None);
        assert_eq!(e("X", ""), Some(Edit::Extra));
        // The linear check agrees with the distance on every pair of short strings.
        let alphabet = [
            "", "A", "B", "AB", "BA", "AA", "ABA", "BAB", "ABB", "AAB", "BBA", "ABAB",
        ];
        for a in alphabet {
            for b in alphabet {
                let one = edit_distance(a, b, 1) == Some(1);
                assert_eq!(e(a, b).is_some(), one, "{a:?} {b:?}");
            }
        }
    }
}
