//! Bounded edit distance for "did you mean" suggestions: optimal string alignment (Levenshtein
//! plus the transposition of two neighbouring letters), computed in a band so that a candidate
//! further than the bound is rejected after a few steps.

/// The optimal-string-alignment distance between `a` and `b` if it is at most `bound`.
pub(crate) fn distance_within(a: &[u8], b: &[u8], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    if a == b {
        return Some(0);
    }
    let (n, m) = (a.len(), b.len());
    let inf = bound + 1;
    // Three rows of the DP matrix: i-2, i-1, i.
    let mut prev2 = vec![inf; m + 1];
    let mut prev: Vec<usize> = (0..=m).map(|j| j.min(inf)).collect();
    let mut cur = vec![inf; m + 1];
    for i in 1..=n {
        let lo = i.saturating_sub(bound).max(1);
        let hi = (i + bound).min(m);
        cur.iter_mut().for_each(|c| *c = inf);
        cur[0] = i.min(inf);
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d.min(inf);
            row_min = row_min.min(cur[j]);
        }
        if row_min > bound {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m];
    (d <= bound).then_some(d)
}

/// The kind of a single edit turning a typed token into a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edit {
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
/// scan with no allocation: the bound-1 case of [`distance_within`], which the suggestions ask
/// for hundreds of times per token.
pub(crate) fn single_edit(typed: &[u8], candidate: &[u8]) -> Option<Edit> {
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

    fn d(a: &str, b: &str, k: usize) -> Option<usize> {
        distance_within(a.as_bytes(), b.as_bytes(), k)
    }

    #[test]
    fn distances() {
        assert_eq!(d("PGOV", "PGOV", 1), Some(0));
        assert_eq!(d("POGOV", "PGOV", 1), Some(1));
        assert_eq!(d("PGVO", "PGOV", 1), Some(1));
        assert_eq!(d("MAR", "MARR", 1), Some(1));
        assert_eq!(d("KNUC", "KNNP", 1), None);
        assert_eq!(d("KNUC", "KNNP", 2), Some(2));
        assert_eq!(d("ABCDEF", "A", 2), None);
        assert_eq!(d("", "AB", 2), Some(2));
        assert_eq!(d("KITTEN", "SITTING", 3), Some(3));
        assert_eq!(d("KITTEN", "SITTING", 2), None);
    }

    #[test]
    fn edits() {
        let e = |a: &str, b: &str| single_edit(a.as_bytes(), b.as_bytes());
        assert_eq!(e("PGVO", "PGOV"), Some(Edit::Transposition));
        assert_eq!(e("MAR", "MARR"), Some(Edit::Dropped));
        assert_eq!(e("MOPPS", "MOPS"), Some(Edit::Extra));
        assert_eq!(e("PGOB", "PGOV"), Some(Edit::Substitution));
        assert_eq!(e("PGOV", "PGOV"), None);
        assert_eq!(e("PREL", "PGOV"), None);
        assert_eq!(e("AB", "BA"), Some(Edit::Transposition));
        assert_eq!(e("ABC", "BCA"), None);
        assert_eq!(e("X", ""), Some(Edit::Extra));
        // The linear check agrees with the bounded distance on every pair of short strings.
        let alphabet = [
            "", "A", "B", "AB", "BA", "AA", "ABA", "BAB", "ABB", "AAB", "BBA", "ABAB",
        ];
        for a in alphabet {
            for b in alphabet {
                let one = distance_within(a.as_bytes(), b.as_bytes(), 1) == Some(1);
                assert_eq!(e(a, b).is_some(), one, "{a:?} {b:?}");
            }
        }
    }
}
