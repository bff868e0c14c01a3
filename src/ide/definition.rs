//! Go to definition for `REF` entries: `TOKYO 1448` or `07 TOKYO 1448` (or `07TOKYO1448`) names a
//! cable; the workspace cable whose banner has that origin and serial (and whose date has that year)
//! is its definition.
//!
//! The search reads files, so it is bounded: a depth, a number of files, a file size and a deadline.
//! A file named after the cable id (`07TOKYO1448.cable`) is found without being parsed.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::touches;
use crate::syntax::{origin_key, parse, Cable, CableId, TextRange};

/// The cable a `REF` entry names.
pub type CableTarget = crate::syntax::CitedCable;

/// Every cable the `REF` block names, in document order, dated by the DTG: the items that
/// go-to-definition, hover and document links read.
pub fn cable_refs(cable: &Cable<'_>) -> Vec<CableTarget> {
    let own_year = cable
        .header
        .dtg
        .as_ref()
        .and_then(|l| l.dtg)
        .map(|d| d.year);
    crate::syntax::cited_cables(cable, own_year)
}

/// The cable reference at an offset, from the `REF` block.
pub fn ref_at(cable: &Cable<'_>, offset: usize) -> Option<CableTarget> {
    cable_refs(cable)
        .into_iter()
        .find(|c| touches(c.range, offset))
}

/// Whether a text may be the target cable: it holds the cable's number somewhere. A cheap test
/// before parsing.
pub fn may_match(text: &str, target: &CableId) -> bool {
    text.contains(&target.number.to_string())
}

/// Whether a text is the target cable; the range to show is its banner.
pub fn matches(text: &str, target: &CableId) -> Option<TextRange> {
    if !may_match(text, target) {
        return None;
    }
    matches_cable(&parse(text), target)
}

/// Whether a parsed cable is the target cable; the range to show is its banner.
pub fn matches_cable(cable: &Cable<'_>, target: &CableId) -> Option<TextRange> {
    let banner = cable.body.banner.as_ref()?;
    let origin = origin_key(cable.text(banner.origin?));
    let serial = banner.serial?.value;
    if serial != target.number || origin != target.key {
        return None;
    }
    if let (Some(want), Some(have)) = (
        target.year,
        cable
            .header
            .dtg
            .as_ref()
            .and_then(|l| l.dtg)
            .map(|d| d.year),
    ) {
        if want != have {
            return None;
        }
    }
    Some(banner.range)
}

/// How far a workspace search may go.
#[derive(Debug, Clone, Copy)]
pub struct SearchLimits {
    pub max_depth: usize,
    pub max_files: usize,
    pub max_file_bytes: u64,
    pub deadline: Option<Instant>,
}

impl Default for SearchLimits {
    fn default() -> Self {
        SearchLimits {
            max_depth: 12,
            max_files: 20_000,
            max_file_bytes: 4 << 20,
            deadline: None,
        }
    }
}

/// A cable found on disk: its path, its text and the range to show.
#[derive(Debug, Clone)]
pub struct FoundCable {
    pub path: PathBuf,
    pub text: String,
    pub range: TextRange,
}

/// Whether a path has one of the extensions cables are kept in.
pub fn is_cable_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "cable" | "tel" | "txt"))
}

/// Searches the roots (honouring `.gitignore` and skipping hidden directories) for the target cable.
pub fn find_cable(roots: &[PathBuf], target: &CableId, limits: SearchLimits) -> Option<FoundCable> {
    let id = target.id();
    let mut seen = 0usize;
    let mut candidates: Vec<PathBuf> = Vec::new();
    for root in roots {
        let walker = ignore::WalkBuilder::new(root)
            .max_depth(Some(limits.max_depth))
            .build();
        for entry in walker.flatten() {
            if limits.deadline.is_some_and(|d| Instant::now() > d) || seen >= limits.max_files {
                break;
            }
            let path = entry.path();
            if !entry.file_type().is_some_and(|t| t.is_file()) || !is_cable_file(path) {
                continue;
            }
            seen += 1;
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if stem.eq_ignore_ascii_case(&id) {
                // Named after the cable: take it without a full check, pointing at its banner.
                let text = read_limited(path, limits.max_file_bytes)?;
                let range = parse(&text)
                    .body
                    .banner
                    .as_ref()
                    .map_or(TextRange::empty(0), |b| b.range);
                return Some(FoundCable {
                    path: path.to_path_buf(),
                    text,
                    range,
                });
            }
            candidates.push(path.to_path_buf());
        }
    }
    for path in candidates {
        if limits.deadline.is_some_and(|d| Instant::now() > d) {
            break;
        }
        let Some(text) = read_limited(&path, limits.max_file_bytes) else {
            continue;
        };
        if let Some(range) = matches(&text, target) {
            return Some(FoundCable { path, text, range });
        }
    }
    None
}

fn read_limited(path: &Path, max: u64) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() > max {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    String::from_utf8(bytes).ok()
}
