//! The tab-separated tables: `#` comment lines, blank lines, one header line, then rows. Users'
//! extra files are read here with the `csv` crate, without a required header; the embedded tables
//! (whose header names the columns) are split the same way by `build.rs` at compile time and
//! arrive as [`Embedded`] statics, so a run does not tokenize them at all.
//!
//! The crate costs about a quarter of a millisecond at startup, under the half millisecond we allow
//! a library here (issue 14 wants `check` of a small file in 5 ms): reading the four embedded tables
//! (270 KB, 31,632 fields, into rows as `Table::parse` does) took 1.06–1.10 ms at best with this
//! reader against 0.83–0.85 ms with the hand-written splitter it replaced, and 1.22–1.50 ms against
//! 0.92–1.18 ms on a process's first read (both readers side by side in one release build, six
//! interleaved runs on a busy 2-core machine).

/// One data line: its 1-based line number in the file and its fields.
pub(crate) struct Record {
    pub line: usize,
    pub fields: csv::StringRecord,
}

/// The data lines of `text`, skipping comments (also indented ones) and blank lines. A byte-order
/// mark and `\r\n` line ends are tolerated; fields are never quoted and rows may differ in width.
pub(crate) fn records(text: &str) -> impl Iterator<Item = Record> + '_ {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The crate's own line count skips neither the blank lines before a record nor its `\r`, so the
    // line is counted here from the record's byte offset (which is where the previous record ended).
    let mut counted = (0, 1);
    let mut line_at = move |offset: usize| {
        let rest = &text.as_bytes()[offset.min(text.len())..];
        let start = offset + rest.iter().take_while(|&&b| b == b'\n').count();
        let (from, line) = counted;
        let line = line + memchr::memchr_iter(b'\n', &text.as_bytes()[from..start]).count();
        counted = (start, line);
        line
    };
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .terminator(csv::Terminator::Any(b'\n'))
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .from_reader(text.as_bytes())
        .into_records()
        // Reading cannot fail here: the input is in memory and already UTF-8, nothing is quoted and
        // rows may have any width.
        .map_while(Result::ok)
        .map(without_cr)
        .filter(|r| {
            let first = r.get(0).unwrap_or("").trim_start();
            !first.starts_with('#') && !r.iter().all(|f| f.trim().is_empty())
        })
        .map(move |r| Record {
            line: line_at(r.position().map_or(0, |p| p.byte() as usize)),
            fields: r,
        })
}

/// The record without the `\r` of a `\r\n` line end.
fn without_cr(record: csv::StringRecord) -> csv::StringRecord {
    match record.iter().next_back() {
        Some(last) if last.ends_with('\r') => {
            let n = record.len();
            let mut out: csv::StringRecord = record.iter().take(n - 1).collect();
            out.push_field(&last[..last.len() - 1]);
            out.set_position(record.position().cloned());
            out
        }
        _ => record,
    }
}

/// An embedded table of `data/`, split into lines and fields at compile time by `build.rs` (which
/// reads it as [`records`] reads a user's file): the header's columns and the rows under it. The
/// fields are byte spans of one string (integers, which the loader does not relocate at start-up,
/// unlike a `&str` per field).
pub(crate) struct Embedded {
    /// `data/tags.tsv`, for error messages.
    pub name: &'static str,
    /// The 1-based line of the header.
    pub header_line: usize,
    pub columns: &'static [&'static str],
    /// Every field's text, one after the other.
    pub text: &'static str,
    /// Each field's byte range in `text`, row after row.
    pub spans: &'static [(u32, u32)],
    /// Each row's 1-based line, the index of its first field in `spans` and its number of fields.
    pub rows: &'static [(u32, u32, u32)],
}

/// One row of an [`Embedded`] table.
#[derive(Clone, Copy)]
pub(crate) struct Row {
    text: &'static str,
    spans: &'static [(u32, u32)],
}

impl Row {
    /// The number of fields.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The `i`-th field (panics when `i` is out of range, as indexing a slice does).
    pub fn field(&self, i: usize) -> &'static str {
        let (start, end) = self.spans[i];
        &self.text[start as usize..end as usize]
    }
}

impl Embedded {
    /// (1-based line, fields) of each row.
    pub fn rows(&self) -> impl Iterator<Item = (usize, Row)> + '_ {
        self.rows.iter().map(|&(line, first, len)| {
            let first = first as usize;
            let row = Row {
                text: self.text,
                spans: &self.spans[first..first + len as usize],
            };
            (line as usize, row)
        })
    }

    /// Checks that the header has the `required` columns (in any order) and that every row has
    /// as many fields as the header.
    pub fn check(&self, required: &[&str]) -> Result<(), String> {
        for col in required {
            if !self.columns.contains(col) {
                return Err(format!(
                    "{}:{}: the header has no `{col}` column",
                    self.name, self.header_line
                ));
            }
        }
        let width = self.columns.len();
        if let Some((line, fields)) = self.rows().find(|(_, f)| f.len() != width) {
            return Err(format!(
                "{}:{line}: expected {width} fields, found {}",
                self.name,
                fields.len()
            ));
        }
        Ok(())
    }

    /// The position of a column that `check` found.
    pub fn col(&self, name: &str) -> usize {
        self.columns
            .iter()
            .position(|c| *c == name)
            .unwrap_or(usize::MAX)
    }
}

/// A field read as a count: empty means 0.
pub(crate) fn count(field: &str) -> Option<u32> {
    let field = field.trim();
    if field.is_empty() {
        Some(0)
    } else {
        field.parse().ok()
    }
}

/// An optional text field: empty means `None`.
pub(crate) fn opt(field: &str) -> Option<String> {
    let field = field.trim();
    (!field.is_empty()).then(|| field.to_string())
}

/// A yes/no field: `yes` is true, empty is false.
pub(crate) fn flag(field: &str) -> bool {
    field.trim().eq_ignore_ascii_case("yes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_blank_lines_and_crlf() {
        let text = "\u{feff}# comment\n\ncode\tname\r\nA\tB\r\n  # indented comment\nC\tD\n";
        let rows: Vec<(usize, Vec<String>)> = records(text)
            .map(|r| (r.line, r.fields.iter().map(String::from).collect()))
            .collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1], (4, vec!["A".to_string(), "B".to_string()]));
        assert_eq!(rows[2].0, 6);
    }

    #[test]
    fn numbers_lines_across_blank_lines_and_crlf() {
        let text = "a\n\n\nb\tx\r\n\r\n \t \nc\r\r\n";
        let got: Vec<(usize, Vec<String>)> = records(text)
            .map(|r| (r.line, r.fields.iter().map(String::from).collect()))
            .collect();
        let want = [(1, vec!["a"]), (4, vec!["b", "x"]), (7, vec!["c\r"])];
        let want: Vec<(usize, Vec<String>)> = want
            .into_iter()
            .map(|(l, f)| (l, f.into_iter().map(String::from).collect()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn reports_missing_columns_and_ragged_rows() {
        let table = |columns, text, spans, rows| Embedded {
            name: "t",
            header_line: 1,
            columns,
            text,
            spans,
            rows,
        };
        let err = table(&["code"], "", &[], &[])
            .check(&["code", "name"])
            .err();
        assert_eq!(err.unwrap(), "t:1: the header has no `name` column");
        let spans = &[(0, 1), (1, 2), (2, 3)];
        let ragged = table(&["a", "b"], "123", spans, &[(2, 0, 2), (3, 2, 1)]);
        let fields: Vec<&str> = ragged.rows().map(|(_, r)| r.field(0)).collect();
        assert_eq!(fields, ["1", "3"]);
        assert_eq!(ragged.rows().next().unwrap().1.field(1), "2");
        let err = ragged.check(&["a"]);
        assert_eq!(err.err().unwrap(), "t:3: expected 2 fields, found 1");
        assert_eq!(table(&["a", "b"], "", &[], &[]).col("b"), 1);
    }

    #[test]
    fn field_helpers() {
        assert_eq!(count(""), Some(0));
        assert_eq!(count("12"), Some(12));
        assert_eq!(count("x"), None);
        assert_eq!(opt(" "), None);
        assert!(flag("yes") && !flag(""));
    }
}
