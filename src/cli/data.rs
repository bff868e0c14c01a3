//! `cablelint data tags|addressees|posts [QUERY]`: the reference tables, whole or searched, as
//! aligned text columns or as a JSON array of objects.

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::data::{Addressee, Post, Tables, Tag, TagStatus};

/// Which table to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataKind {
    Tags,
    Addressees,
    Posts,
}

impl DataKind {
    fn plural(self) -> &'static str {
        match self {
            DataKind::Tags => "tags",
            DataKind::Addressees => "addressees",
            DataKind::Posts => "posts",
        }
    }
}

/// Prints the entries of one table that match `query` (the whole table without one): TAGS by
/// code prefix or title words, addressees by routing indicator, address words or country,
/// posts by name, station, routing indicator or country. Best matches first; the whole table
/// in its sorted order.
pub fn run(
    kind: DataKind,
    query: Option<&str>,
    json: bool,
    tables: &Tables,
    out: &mut dyn Write,
) -> io::Result<()> {
    let query = query.map(str::trim).filter(|q| !q.is_empty());
    let rows: Vec<Row> = match kind {
        DataKind::Tags => match query {
            Some(q) => tables.search_tags(q, usize::MAX),
            None => tables.all_tags().iter().collect(),
        }
        .into_iter()
        .map(Row::Tag)
        .collect(),
        DataKind::Addressees => match query {
            Some(q) => tables.search_addressees(q, usize::MAX),
            None => tables.all_addressees().iter().collect(),
        }
        .into_iter()
        .map(Row::Addressee)
        .collect(),
        DataKind::Posts => match query {
            Some(q) => tables.search_posts(q, usize::MAX),
            None => tables.all_posts().iter().collect(),
        }
        .into_iter()
        .map(Row::Post)
        .collect(),
    };
    if json {
        let array: Vec<Value> = rows.iter().map(Row::to_json).collect();
        serde_json::to_writer_pretty(&mut *out, &array)?;
        return writeln!(out);
    }
    if rows.is_empty() {
        return match query {
            Some(q) => writeln!(out, "no {} match `{q}`", kind.plural()),
            None => writeln!(out, "the {} table is empty", kind.plural()),
        };
    }
    let header: &[&str] = match kind {
        DataKind::Tags => &["CODE", "KIND", "STATUS", "COUNT", "TITLE"],
        DataKind::Addressees => &["ROUTING", "ADDRESS", "COUNT", "COMMON", "SOURCE"],
        DataKind::Posts => &["NAME", "KIND", "ROUTING", "STATION", "COUNTRY", "COUNT"],
    };
    let cells: Vec<Vec<String>> = rows.iter().map(Row::to_cells).collect();
    write_columns(out, header, &cells)
}

enum Row<'a> {
    Tag(&'a Tag),
    Addressee(&'a Addressee),
    Post(&'a Post),
}

impl Row<'_> {
    fn to_json(&self) -> Value {
        match self {
            Row::Tag(t) => json!({
                "code": t.code,
                "kind": t.kind.as_str(),
                "title": t.title,
                "status": t.status.as_str(),
                "note": t.note,
                "retired": t.retired,
                "replacement": t.replacement,
                "likely": t.likely,
                "count": t.count,
                "unverified": t.unverified,
                "source": t.source,
            }),
            Row::Addressee(a) => json!({
                "routing_indicator": a.routing_indicator,
                "address": a.address,
                "count": a.count,
                "common": a.common,
                "source": a.source,
            }),
            Row::Post(p) => json!({
                "name": p.name,
                "routing_indicator": p.routing_indicator(),
                "routing_indicators": p.routing_indicators,
                "station": p.station,
                "kind": p.kind.as_str(),
                "country_tag": p.country_tag,
                "count": p.count,
                "count_as_originator": p.count_as_originator,
                "count_as_addressee": p.count_as_addressee,
                "source": p.source,
            }),
        }
    }

    fn to_cells(&self) -> Vec<String> {
        match self {
            Row::Tag(t) => {
                let mut title = t.title.clone();
                if let Some(target) = t.replacement.as_deref() {
                    title = join(&title, &format!("(write {target})"));
                } else if let Some(target) = t.likely.as_deref() {
                    title = join(&title, &format!("(probably {target})"));
                }
                if t.unverified {
                    title = join(&title, "[unverified]");
                }
                if t.retired {
                    title = join(&title, "[retired]");
                }
                let status = match t.status {
                    TagStatus::Official => "",
                    other => other.as_str(),
                };
                vec![
                    t.code.clone(),
                    t.kind.as_str().to_string(),
                    status.to_string(),
                    t.count.to_string(),
                    title,
                ]
            }
            Row::Addressee(a) => vec![
                a.routing_indicator.clone(),
                a.address.clone(),
                a.count.to_string(),
                if a.common { "yes" } else { "" }.to_string(),
                a.source.clone(),
            ],
            Row::Post(p) => vec![
                p.name.clone(),
                p.kind.as_str().to_string(),
                p.routing_indicators.join(","),
                p.station.clone().unwrap_or_default(),
                p.country_tag.clone().unwrap_or_default(),
                p.count.to_string(),
            ],
        }
    }
}

fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{a} {b}")
    }
}

/// Writes rows under a header, each column as wide as its widest cell (in characters), two
/// spaces apart; the last column is not padded.
fn write_columns(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (i, cell) in cells.enumerate() {
            if i + 1 == widths.len() {
                s.push_str(cell);
            } else {
                s.push_str(&format!("{cell:<w$}  ", w = widths[i]));
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(&mut header.iter().copied()))?;
    for row in rows {
        writeln!(out, "{}", line(&mut row.iter().map(String::as_str)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(kind: DataKind, query: Option<&str>, json: bool) -> String {
        let mut out = Vec::new();
        run(kind, query, json, Tables::builtin(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tags_as_text_columns() {
        let text = render(DataKind::Tags, Some("PREL"), false);
        let mut lines = text.lines();
        let header = lines.next().unwrap();
        assert!(header.starts_with("CODE  KIND"), "{header}");
        let first = lines.next().unwrap();
        assert!(first.starts_with("PREL  subject "), "{first}");
        assert!(first.ends_with("External Political Relations"), "{first}");
        // Columns line up: the TITLE column starts at the same place on every line.
        let col = header.find("TITLE").unwrap();
        assert_eq!(&first[col..], "External Political Relations");
        let ru = render(DataKind::Tags, Some("RU"), false);
        assert!(ru.lines().nth(1).unwrap().contains("nonstandard"), "{ru}");
        assert!(ru.lines().nth(1).unwrap().contains("(write RS)"), "{ru}");
    }

    #[test]
    fn tags_as_json_objects() {
        let v: Value = serde_json::from_str(&render(DataKind::Tags, Some("JA"), true)).unwrap();
        let first = &v.as_array().unwrap()[0];
        assert_eq!(first["code"], "JA");
        assert_eq!(first["kind"], "geographic");
        assert_eq!(first["title"], "Japan");
        assert!(first["count"].as_u64().is_some());
        let none: Value =
            serde_json::from_str(&render(DataKind::Tags, Some("QQQQQQ"), true)).unwrap();
        assert_eq!(none, json!([]));
        assert_eq!(
            render(DataKind::Tags, Some("QQQQQQ"), false),
            "no tags match `QQQQQQ`\n"
        );
    }

    #[test]
    fn whole_tables_without_a_query() {
        let all: Value = serde_json::from_str(&render(DataKind::Tags, None, true)).unwrap();
        assert_eq!(
            all.as_array().unwrap().len(),
            Tables::builtin().all_tags().len()
        );
        let text = render(DataKind::Posts, Some(""), false);
        assert_eq!(
            text.lines().count(),
            Tables::builtin().all_posts().len() + 1
        );
    }

    #[test]
    fn addressees_and_posts() {
        let v: Value =
            serde_json::from_str(&render(DataKind::Addressees, Some("RUEHKO"), true)).unwrap();
        let first = &v.as_array().unwrap()[0];
        assert_eq!(first["routing_indicator"], "RUEHKO");
        assert_eq!(first["address"], "AMEMBASSY TOKYO");
        let v: Value = serde_json::from_str(&render(DataKind::Posts, Some("TOKYO"), true)).unwrap();
        let first = &v.as_array().unwrap()[0];
        assert_eq!(first["name"], "AMEMBASSY TOKYO");
        assert_eq!(first["routing_indicator"], "RUEHKO");
        assert_eq!(first["station"], "TOKYO");
        assert_eq!(first["country_tag"], "JA");
        let text = render(DataKind::Addressees, Some("tokyo"), false);
        assert!(
            text.lines().next().unwrap().starts_with("ROUTING  ADDRESS"),
            "{text}"
        );
        assert!(
            text.lines()
                .nth(1)
                .unwrap()
                .starts_with("RUEHKO   AMEMBASSY TOKYO"),
            "{text}"
        );
    }
}
