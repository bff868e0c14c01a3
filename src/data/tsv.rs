//! A small reader for the tab-separated tables: `#` comment lines, blank lines, one header line,
//! then rows. Used for the embedded tables (whose header names the columns) and, without a
//! required header, for users' extra files.

/// One data line: its 1-based line number in the file and its fields.
pub(crate) struct Record<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

/// The data lines of `text`, skipping comments and blank lines. A byte-order mark and `\r` line
/// ends are tolerated.
pub(crate) fn records(text: &str) -> impl Iterator<Item = Record<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        Some(Record {
            line: i + 1,
            fields: line.split('\t').collect(),
        })
    })
}

/// An embedded table: the header's column positions and the rows under it.
pub(crate) struct Table<'a> {
    columns: Vec<&'a str>,
    pub rows: Vec<Record<'a>>,
}

impl<'a> Table<'a> {
    /// Reads an embedded table whose header must hold `required` columns (in any order) and
    /// whose rows must have as many fields as the header.
    pub fn parse(name: &str, text: &'a str, required: &[&str]) -> Result<Table<'a>, String> {
        let mut it = records(text);
        let header = it
            .next()
            .ok_or_else(|| format!("{name}: the table has no header line"))?;
        for col in required {
            if !header.fields.contains(col) {
                return Err(format!(
                    "{name}:{}: the header has no `{col}` column",
                    header.line
                ));
            }
        }
        let width = header.fields.len();
        let rows: Vec<Record<'a>> = it.collect();
        if let Some(bad) = rows.iter().find(|r| r.fields.len() != width) {
            return Err(format!(
                "{name}:{}: expected {width} fields, found {}",
                bad.line,
                bad.fields.len()
            ));
        }
        Ok(Table {
            columns: header.fields,
            rows,
        })
    }

    /// The position of a column that `parse` checked to exist.
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
        let t = Table::parse("t", text, &["code", "name"]).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].fields, vec!["A", "B"]);
        assert_eq!(t.rows[1].line, 6);
        assert_eq!(t.col("name"), 1);
    }

    #[test]
    fn reports_missing_columns_and_ragged_rows() {
        let err = Table::parse("t", "code\n", &["code", "name"])
            .err()
            .unwrap();
        assert_eq!(err, "t:1: the header has no `name` column");
        let err = Table::parse("t", "a\tb\n1\t2\n3\n", &["a"]).err().unwrap();
        assert_eq!(err, "t:3: expected 2 fields, found 1");
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
