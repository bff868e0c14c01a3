//! Line diffs between a cable and its formatted text, computed piece by piece.
//!
//! A diff of two whole texts (Myers' algorithm, as `similar` runs it) takes time proportional to
//! the length times the number of differences, so a large cable whose every paragraph is re-wrapped
//! took minutes. The formatter knows which piece of the input became which piece of the output
//! (the layout's slices: one line or block with the blank lines after it), and no line moves from
//! one piece to another: the pieces are diffed together in windows of a bounded number of lines,
//! cut between two pieces, so the time is linear in the size of the text, and a cable's diff (below
//! the bound) is the one diff of its whole texts gives.

use similar::algorithms::{Capture, DiffHook, IdentifyDistinct, Replace};
use similar::{Algorithm, DiffOp};

/// The number of old lines from which a window of pieces diffed together ends: more than a cable
/// has (2,176 lines in the longest of `../shared/corpus`), so that a cable's diff is the one diff of
/// its whole texts (with 1,000, one cable's diff differed), and few enough that a diff of a window
/// stays quick (Myers' time grows with the lines times the changes).
const WINDOW: usize = 2500;

/// The lines of two texts (each with its line break) and the operations that turn the old lines
/// into the new ones, in order, as `similar` gives them (equal runs, deletions, insertions and
/// replacements, adjacent deletions and insertions joined into one replacement).
pub(crate) struct LineDiff<'a> {
    pub old: Vec<&'a str>,
    pub new: Vec<&'a str>,
    pub ops: Vec<DiffOp>,
}

/// The diff of `old` to `new` by lines. `cuts` are pairs of byte offsets `(in old, in new)`, in
/// order, where the text of `old` before the first offset becomes the text of `new` before the
/// second: the text is diffed in windows from one cut to the first cut at least [`WINDOW`] lines
/// further, so that a text of fewer lines is diffed whole. A cut that is not at the
/// start of a line in both texts, or out of order, is passed over (the pieces on either side are
/// then diffed together), so any cuts give a correct diff; with none, it is one diff of the
/// whole texts.
pub(crate) fn line_diff<'a>(old: &'a str, new: &'a str, cuts: &[(usize, usize)]) -> LineDiff<'a> {
    let old_lines = super::split_keep(old);
    let new_lines = super::split_keep(new);
    let (old_starts, new_starts) = (line_starts(&old_lines), line_starts(&new_lines));
    // The cuts as line numbers, with both ends of the texts.
    let mut windows = vec![(0usize, 0usize)];
    for &(o, n) in cuts {
        let (Ok(ol), Ok(nl)) = (old_starts.binary_search(&o), new_starts.binary_search(&n)) else {
            continue;
        };
        let &(last_o, last_n) = windows.last().unwrap_or(&(0, 0));
        if ol >= last_o && nl >= last_n && (ol, nl) != (last_o, last_n) {
            windows.push((ol, nl));
        }
    }
    let end = (old_lines.len(), new_lines.len());
    if windows.last() != Some(&end) {
        windows.push(end);
    }
    // The pieces are diffed together, as one diff of the whole texts, in windows of at least
    // `WINDOW` old lines (a window ends at the first cut after that many).
    let mut hook = Replace::new(Capture::new());
    let mut from = (0, 0);
    for &to in windows.iter().skip(1) {
        if to.0 - from.0 < WINDOW && to != end {
            continue;
        }
        let ops = if old_lines[from.0..to.0] == new_lines[from.1..to.1] {
            vec![DiffOp::Equal {
                old_index: from.0,
                new_index: from.1,
                len: to.0 - from.0,
            }]
        } else {
            // The lines as numbers (equal lines, equal numbers), as `similar` compares more than
            // a hundred lines.
            let ids =
                IdentifyDistinct::<u32>::new(&old_lines, from.0..to.0, &new_lines, from.1..to.1);
            similar::capture_diff(
                Algorithm::Myers,
                ids.old_lookup(),
                ids.old_range(),
                ids.new_lookup(),
                ids.new_range(),
            )
        };
        for op in ops {
            replay(&mut hook, op);
        }
        from = to;
    }
    // The hooks never fail: their error type is `Infallible`.
    let _ = hook.finish();
    LineDiff {
        old: old_lines,
        new: new_lines,
        ops: hook.into_inner().into_ops(),
    }
}

/// Feeds one operation to the joining hook, a replacement as a deletion and an insertion so that
/// it joins the ones of the piece before.
fn replay(hook: &mut Replace<Capture>, op: DiffOp) {
    let _ = match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } if len > 0 => hook.equal(old_index, new_index, len),
        DiffOp::Equal { .. } => Ok(()),
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => hook.delete(old_index, old_len, new_index),
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => hook.insert(old_index, new_index, new_len),
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => hook
            .delete(old_index, old_len, new_index)
            .and_then(|()| hook.insert(old_index + old_len, new_index, new_len)),
    };
}

/// The byte offset where each line starts, and the end of the text.
fn line_starts(lines: &[&str]) -> Vec<usize> {
    let mut v = Vec::with_capacity(lines.len() + 1);
    let mut at = 0;
    v.push(0);
    for l in lines {
        at += l.len();
        v.push(at);
    }
    v
}

impl LineDiff<'_> {
    /// The changed runs of lines as replacements of byte ranges of the old text, each replacing
    /// whole lines (with their line breaks), in order and apart.
    pub(crate) fn edits(&self) -> Vec<super::TextEdit> {
        let oo = line_starts(&self.old);
        let mut out: Vec<super::TextEdit> = Vec::new();
        for op in &self.ops {
            if let DiffOp::Equal { .. } = op {
                continue;
            }
            let (o, n) = (op.old_range(), op.new_range());
            let range = crate::syntax::TextRange::new(oo[o.start], oo[o.end]);
            let new_text: String = self.new[n].concat();
            match out.last_mut() {
                Some(last) if last.range.end() == range.start() => {
                    last.range = last.range.cover(range);
                    last.new_text.push_str(&new_text);
                }
                _ => out.push(super::TextEdit { range, new_text }),
            }
        }
        out
    }

    /// The diff in the unified format with three lines of context, under the header
    /// `--- a/PATH` / `+++ b/PATH`, byte for byte as `similar`'s unified diff writes it (a line
    /// without a final line break is followed by `\ No newline at end of file`), but for a line
    /// ended by a carriage return alone, which is followed by a line feed. Empty when the texts
    /// are equal.
    pub(crate) fn unified(&self, path: &str) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let hunks = similar::group_diff_ops(self.ops.clone(), 3);
        for hunk in hunks.iter().filter(|h| !h.is_empty()) {
            if out.is_empty() {
                let _ = writeln!(out, "--- a/{path}\n+++ b/{path}");
            }
            let _ = writeln!(out, "{}", similar::udiff::UnifiedHunkHeader::new(hunk));
            for op in hunk {
                let (o, n) = (op.old_range(), op.new_range());
                let (sign_old, sign_new) = match op {
                    DiffOp::Equal { .. } => (' ', None),
                    _ => ('-', Some('+')),
                };
                for line in &self.old[o] {
                    push_line(&mut out, sign_old, line);
                }
                if let Some(sign) = sign_new {
                    for line in &self.new[n] {
                        push_line(&mut out, sign, line);
                    }
                }
            }
        }
        out
    }
}

/// One line of a hunk: its sign, the line, and the missing-newline note when it has no break. A
/// line that ends in a carriage return alone (the old Mac line ending, which the texts are split
/// at as well) is followed by a line feed, so that each line of the diff stands on its own line
/// and what is written after the diff starts on a new one (`similar` leaves the carriage return
/// alone, and a terminal then writes the next line over this one).
fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push_str(line);
    if line.ends_with('\r') {
        out.push('\n');
    } else if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}
