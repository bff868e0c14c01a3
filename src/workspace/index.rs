//! The workspace index: a [`CableSummary`] for every cable file under a set of folders, kept current
//! one file at a time, and the questions the editor asks across cables: which file is the cable
//! `08OSLO198` ([`WorkspaceIndex::find`]), which cables cite it ([`WorkspaceIndex::cited_by`]),
//! which cables match the words `OSLO WHALING` ([`WorkspaceIndex::search`]), and what serials and
//! message continuity numbers a folder already uses ([`WorkspaceIndex::folder_state`]).
//!
//! Files are found as `cablelint check` finds them under a directory ([`cable_files`]: recursively,
//! honouring `.gitignore`, `.ignore` and hidden files, by extension). The index holds summaries,
//! never texts: ranges are byte ranges of the text a summary was made from, and a reader that needs
//! lines and columns reads the file again and checks its [`IndexedFile::stamp`] first. Memory is
//! bounded by [`IndexLimits`]: files past the cap, and files larger than the size limit, are left
//! out and counted in the [`ScanReport`], whose [`ScanReport::messages`] say so.
//!
//! An entry comes from the disk or from an editor's buffer ([`Source`]); a buffer wins over the disk
//! until it is closed ([`WorkspaceIndex::close`]). Nothing here prints or knows a protocol; the
//! language server and the command line both use it.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::draft::FolderState;
use crate::rules::cross::CableSummary;
use crate::syntax::{CableId, TextRange};

/// The extensions a directory walk picks up when none are given: those of `cablelint check`.
pub const DEFAULT_EXTENSIONS: &[&str] = &["cable", "tel"];

/// How much an index may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexLimits {
    /// The most files indexed; the files of a walk past this number are left out.
    pub max_files: usize,
    /// The largest file indexed, in bytes; larger files are left out.
    pub max_file_bytes: u64,
}

impl Default for IndexLimits {
    fn default() -> Self {
        IndexLimits {
            max_files: crate::rules::cross::MAX_SET_FILES,
            max_file_bytes: 4 << 20,
        }
    }
}

/// Where an entry's summary was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The file on disk.
    Disk,
    /// An editor's buffer of the file, at this version; it wins over the disk until closed.
    Buffer(i32),
}

/// One indexed file.
#[derive(Debug, Clone)]
pub struct IndexedFile {
    pub summary: CableSummary,
    /// A hash of the text the summary was made from ([`stamp`]): a reader that reads the file again
    /// compares it before it trusts the summary's byte ranges.
    pub stamp: u64,
    pub source: Source,
}

/// A place in an indexed file: the path and a byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexLocation {
    pub path: PathBuf,
    pub range: TextRange,
}

/// A cable that a search found, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub path: PathBuf,
    /// The cable id (`08OSLO198`), when its banner gives one.
    pub id: Option<String>,
    pub subject: Option<String>,
    /// Where to show the cable: its banner, else its first line.
    pub range: TextRange,
    /// Lower is better: 0 the id itself, 1 part of an id, 2 a TAGS code, 3 every word in the
    /// subject, 4 every word somewhere in the id, subject or TAGS.
    pub rank: u8,
}

/// What a scan did, for the log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScanReport {
    /// Files indexed.
    pub indexed: usize,
    /// Files left out because the index was full ([`IndexLimits::max_files`]).
    pub over_cap: usize,
    /// Files left out for their size ([`IndexLimits::max_file_bytes`]), with the size in bytes.
    pub too_large: Vec<(PathBuf, u64)>,
    /// Files that could not be read (or are not UTF-8), with the reason.
    pub unreadable: Vec<(PathBuf, String)>,
}

impl ScanReport {
    /// One sentence per kind of file left out, naming the limit and how to change nothing else:
    /// empty when every file was indexed.
    pub fn messages(&self, limits: IndexLimits) -> Vec<String> {
        let mut out = Vec::new();
        if self.over_cap > 0 {
            out.push(format!(
                "workspace index: {} cable files left out: the index holds at most {} files",
                self.over_cap, limits.max_files
            ));
        }
        for (path, size) in &self.too_large {
            out.push(format!(
                "workspace index: {} left out: {size} bytes is more than the limit of {} bytes",
                path.display(),
                limits.max_file_bytes
            ));
        }
        for (path, why) in &self.unreadable {
            out.push(format!(
                "workspace index: {} left out: {why}",
                path.display()
            ));
        }
        out
    }
}

/// A hash of a text: how a reader knows that a file still has the text an entry was made from.
pub fn stamp(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Whether a path has one of the extensions (compared without regard to case).
pub fn has_extension<S: AsRef<str>>(path: &Path, extensions: &[S]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        extensions
            .iter()
            .any(|x| x.as_ref().eq_ignore_ascii_case(e))
    })
}

/// The cable files under a directory, as `cablelint check DIR` finds them: recursively, honouring
/// `.gitignore`, `.ignore` and hidden files inside a Git repository or not, by extension; sorted.
/// Entries that cannot be read are skipped.
pub fn cable_files<S: AsRef<str>>(root: &Path, extensions: &[S]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = ignore::WalkBuilder::new(root)
        .require_git(false)
        .build()
        .flatten()
        .filter(|e| {
            e.file_type().is_some_and(|t| t.is_file())
                || (e.path_is_symlink() && e.path().is_file())
        })
        .map(ignore::DirEntry::into_path)
        .filter(|p| has_extension(p, extensions))
        .collect();
    out.sort();
    out
}

/// Reads a file for the index as the command line reads it ([`crate::workspace::input`]: a binary
/// or non-UTF-8 file is left out, a byte-order mark removed): its text, or why it is left out (too
/// large: `Err(Some(size))`, unreadable: `Err(None)` with the reason).
fn read_for_index(path: &Path, max: u64) -> Result<String, (Option<u64>, String)> {
    match super::input::read_file_within(path, max) {
        Ok(source) => Ok(source.text),
        Err(super::input::ReadError::TooLarge(size)) => Err((Some(size), String::new())),
        Err(super::input::ReadError::Refused(why)) => Err((None, why)),
    }
}

/// A file's text as the index reads it ([`read_for_index`]), for a reader that compares it with
/// an entry's [`stamp`]; `None` when the index would leave the file out.
pub fn read_indexed_text(path: &Path, max: u64) -> Option<String> {
    read_for_index(path, max).ok()
}

/// The index of the cables of a workspace.
#[derive(Debug, Default)]
pub struct WorkspaceIndex {
    files: HashMap<PathBuf, IndexedFile>,
    /// The files whose banner gives each (origin key, serial), for [`WorkspaceIndex::find`].
    by_id: HashMap<(String, u32), Vec<PathBuf>>,
    /// The files whose `REF` block cites each (origin key, serial), for
    /// [`WorkspaceIndex::cited_by`].
    citers: HashMap<(String, u32), Vec<PathBuf>>,
    limits: IndexLimits,
    /// Counts every change, so that a scan that started before a change does not undo it.
    epoch: u64,
    /// When each path last changed other than by a scan (an edit, a file event, a removal).
    touched: HashMap<PathBuf, u64>,
}

/// A scan's result, made without the index and merged into it by [`WorkspaceIndex::merge_scan`].
#[derive(Debug, Default)]
pub struct Scan {
    /// The index's epoch when the scan started ([`WorkspaceIndex::epoch`]).
    started: u64,
    files: Vec<(PathBuf, CableSummary, u64)>,
    pub report: ScanReport,
}

impl WorkspaceIndex {
    pub fn new(limits: IndexLimits) -> WorkspaceIndex {
        WorkspaceIndex {
            limits,
            ..WorkspaceIndex::default()
        }
    }

    pub fn limits(&self) -> IndexLimits {
        self.limits
    }

    /// The number of indexed files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// A number that grows with every change; [`WorkspaceIndex::scan`] takes it to know what
    /// happened meanwhile.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The entry of a file.
    pub fn get(&self, path: &Path) -> Option<&IndexedFile> {
        self.files.get(path)
    }

    /// Every indexed file with its entry, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&PathBuf, &IndexedFile)> {
        self.files.iter()
    }

    /// Reads and summarises the cable files under `roots` (found by [`cable_files`]) in parallel,
    /// without the index: call it off any lock with the epoch of the moment it starts, then
    /// [`WorkspaceIndex::merge_scan`] the result. At most `limits.max_files` files are read.
    pub fn scan<S: AsRef<str> + Sync>(
        roots: &[PathBuf],
        extensions: &[S],
        limits: IndexLimits,
        started: u64,
    ) -> Scan {
        let mut paths: Vec<PathBuf> = roots
            .iter()
            .flat_map(|r| cable_files(r, extensions))
            .collect();
        paths.sort();
        paths.dedup();
        let mut report = ScanReport::default();
        if paths.len() > limits.max_files {
            report.over_cap = paths.len() - limits.max_files;
            paths.truncate(limits.max_files);
        }
        let read: Vec<_> = paths
            .into_par_iter()
            .map(|path| match read_for_index(&path, limits.max_file_bytes) {
                Ok(text) => {
                    let summary = CableSummary::of_text(&text);
                    Ok((path, summary, stamp(&text)))
                }
                Err(e) => Err((path, e)),
            })
            .collect();
        let mut files = Vec::with_capacity(read.len());
        for r in read {
            match r {
                Ok(f) => files.push(f),
                Err((path, (Some(size), _))) => report.too_large.push((path, size)),
                Err((path, (None, why))) => report.unreadable.push((path, why)),
            }
        }
        report.indexed = files.len();
        Scan {
            started,
            files,
            report,
        }
    }

    /// Takes in a scan's files, except those changed since the scan started (an edit or a file
    /// event wins) and those open in an editor. Returns the scan's report, its `indexed` count now
    /// what was taken in and `over_cap` including the files the full index refused.
    pub fn merge_scan(&mut self, scan: Scan) -> ScanReport {
        let mut report = scan.report;
        report.indexed = 0;
        for (path, summary, stamp) in scan.files {
            if self.touched.get(&path).is_some_and(|&t| t > scan.started) {
                continue;
            }
            if matches!(self.files.get(&path), Some(f) if f.source != Source::Disk) {
                continue;
            }
            if self.insert(path, summary, stamp, Source::Disk) {
                report.indexed += 1;
            } else {
                report.over_cap += 1;
            }
        }
        self.epoch += 1;
        report
    }

    /// Indexes a text as the content of `path` (a file read again, or an editor's buffer), over
    /// whatever was there. Returns false, leaving the index as it was, when the index is full and
    /// the path is not in it yet.
    pub fn update(&mut self, path: &Path, text: &str, source: Source) -> bool {
        self.update_summary(path, CableSummary::of_text(text), stamp(text), source)
    }

    /// [`WorkspaceIndex::update`] with the summary and [`stamp`] of the text already made (from an
    /// analysis that parsed it anyway). A buffer's entry is not replaced by an older version of
    /// the same buffer (updates made off a lock may arrive out of order).
    pub fn update_summary(
        &mut self,
        path: &Path,
        summary: CableSummary,
        stamp: u64,
        source: Source,
    ) -> bool {
        if let (
            Source::Buffer(new),
            Some(IndexedFile {
                source: Source::Buffer(old),
                ..
            }),
        ) = (source, self.files.get(path))
        {
            if *old > new {
                return true;
            }
        }
        self.epoch += 1;
        self.touched.insert(path.to_path_buf(), self.epoch);
        self.insert(path.to_path_buf(), summary, stamp, source)
    }

    /// Reads `path` from disk and indexes it, unless an editor's buffer of it is indexed (the buffer
    /// wins). A file that is gone is removed; one that is too large or unreadable is removed and
    /// the reason returned.
    pub fn refresh_from_disk(&mut self, path: &Path) -> Result<(), String> {
        if matches!(self.files.get(path), Some(f) if f.source != Source::Disk) {
            return Ok(());
        }
        match read_for_index(path, self.limits.max_file_bytes) {
            Ok(text) => {
                if self.update(path, &text, Source::Disk) {
                    Ok(())
                } else {
                    Err(format!(
                        "workspace index: {} left out: the index holds at most {} files",
                        path.display(),
                        self.limits.max_files
                    ))
                }
            }
            Err((size, why)) => {
                let existed = path.exists();
                self.remove(path);
                match size {
                    Some(size) => Err(ScanReport {
                        too_large: vec![(path.to_path_buf(), size)],
                        ..ScanReport::default()
                    }
                    .messages(self.limits)
                    .remove(0)),
                    None if existed => Err(format!(
                        "workspace index: {} left out: {why}",
                        path.display()
                    )),
                    None => Ok(()),
                }
            }
        }
    }

    /// An editor closed its buffer of `path`: the file is read from disk again when `keep` says it
    /// belongs to the index (it lies in a workspace folder and has a cable's extension), else it is
    /// removed.
    pub fn close(&mut self, path: &Path, keep: bool) -> Result<(), String> {
        if let Some(f) = self.files.get_mut(path) {
            f.source = Source::Disk;
        }
        if keep {
            self.refresh_from_disk(path)
        } else {
            self.remove(path);
            Ok(())
        }
    }

    /// Removes a file (it was deleted, or its folder left the workspace).
    pub fn remove(&mut self, path: &Path) {
        self.epoch += 1;
        self.touched.insert(path.to_path_buf(), self.epoch);
        if let Some(old) = self.files.remove(path) {
            self.unlink(path, &old.summary);
        }
    }

    /// Removes every file under `dir` that is not open in an editor.
    pub fn remove_under(&mut self, dir: &Path) {
        let gone: Vec<PathBuf> = self
            .files
            .iter()
            .filter(|(p, f)| p.starts_with(dir) && f.source == Source::Disk)
            .map(|(p, _)| p.clone())
            .collect();
        for p in gone {
            self.remove(&p);
        }
    }

    fn insert(&mut self, path: PathBuf, summary: CableSummary, stamp: u64, source: Source) -> bool {
        if let Some(old) = self.files.remove(&path) {
            self.unlink(&path, &old.summary);
        } else if self.files.len() >= self.limits.max_files {
            return false;
        }
        if let Some(id) = &summary.id {
            self.by_id
                .entry((id.key.clone(), id.number))
                .or_default()
                .push(path.clone());
        }
        let mut cited: Vec<(String, u32)> = summary
            .refs
            .iter()
            .map(|r| (r.id.key.clone(), r.id.number))
            .collect();
        cited.sort();
        cited.dedup();
        for key in cited {
            self.citers.entry(key).or_default().push(path.clone());
        }
        self.files.insert(
            path,
            IndexedFile {
                summary,
                stamp,
                source,
            },
        );
        true
    }

    fn unlink(&mut self, path: &Path, summary: &CableSummary) {
        fn drop_path(map: &mut HashMap<(String, u32), Vec<PathBuf>>, key: (String, u32), p: &Path) {
            if let Some(v) = map.get_mut(&key) {
                v.retain(|x| x != p);
                if v.is_empty() {
                    map.remove(&key);
                }
            }
        }
        if let Some(id) = &summary.id {
            drop_path(&mut self.by_id, (id.key.clone(), id.number), path);
        }
        for r in summary.refs.iter() {
            drop_path(&mut self.citers, (r.id.key.clone(), r.id.number), path);
        }
    }

    /// The files that are the cable `target`, sorted by path: those whose banner has its origin
    /// and serial and whose date-time group has its year (when both are known). The range is where
    /// the banner writes the origin and serial, else the summary's anchor (the banner).
    pub fn find(&self, target: &CableId) -> Vec<IndexLocation> {
        let mut out: Vec<IndexLocation> = self
            .by_id
            .get(&(target.key.clone(), target.number))
            .into_iter()
            .flatten()
            .filter_map(|p| {
                let f = self.files.get(p)?;
                let id = f.summary.id.as_ref()?;
                same_year(id.year, target.year).then(|| IndexLocation {
                    path: p.clone(),
                    range: f.summary.anchor,
                })
            })
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    /// Every `REF` citation of the cable `target` in the indexed files: the citing file and where
    /// its `REF` block writes the reference, sorted by path and position. A citation whose year is
    /// known (written, or the citing cable's own) must have the target's year when that is known.
    /// Cheap: a hash look-up and a pass over the citing files' references.
    pub fn cited_by(&self, target: &CableId) -> Vec<IndexLocation> {
        let mut out: Vec<IndexLocation> = Vec::new();
        for p in self
            .citers
            .get(&(target.key.clone(), target.number))
            .into_iter()
            .flatten()
        {
            let Some(f) = self.files.get(p) else { continue };
            for r in f.summary.refs.iter() {
                if r.id.key == target.key
                    && r.id.number == target.number
                    && same_year(r.id.year, target.year)
                {
                    out.push(IndexLocation {
                        path: p.clone(),
                        range: r.range,
                    });
                }
            }
        }
        out.sort_by(|a, b| {
            (&a.path, a.range.start(), a.range.end()).cmp(&(
                &b.path,
                b.range.start(),
                b.range.end(),
            ))
        });
        out
    }

    /// How many indexed cables cite `target` (each citing file once), without building the list.
    pub fn cited_by_count(&self, target: &CableId) -> usize {
        self.citers
            .get(&(target.key.clone(), target.number))
            .into_iter()
            .flatten()
            .filter(|p| {
                self.files.get(*p).is_some_and(|f| {
                    f.summary.refs.iter().any(|r| {
                        r.id.key == target.key
                            && r.id.number == target.number
                            && same_year(r.id.year, target.year)
                    })
                })
            })
            .count()
    }

    /// The cables that match a query, best first, at most `limit`: by id (`08OSLO198`, or part of
    /// one such as `OSLO198`), by TAGS code (`PREL`), or by subject words (every word of the query
    /// starts a word of the subject). Case does not matter; an empty query matches every cable with
    /// an id, ordered by id.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let query = query.trim().to_ascii_uppercase();
        let words: Vec<&str> = query.split_whitespace().collect();
        let squeezed: String = words.concat();
        let mut hits: Vec<SearchHit> = Vec::new();
        for (path, f) in &self.files {
            let s = &f.summary;
            let id = s.id.as_ref().map(CableId::id);
            let rank = match rank(s, id.as_deref(), &words, &squeezed) {
                Some(r) => r,
                None => continue,
            };
            hits.push(SearchHit {
                path: path.clone(),
                id,
                subject: s.subject.as_deref().map(str::to_string),
                range: s.anchor,
                rank,
            });
        }
        hits.sort_by(|a, b| {
            (a.rank, a.id.is_none(), &a.id, &a.path).cmp(&(b.rank, b.id.is_none(), &b.id, &b.path))
        });
        hits.truncate(limit);
        hits
    }

    /// The serials and message continuity numbers used by the indexed cables under `dir` (its
    /// subfolders too), as `cablelint new` reads them from the folder's files.
    pub fn folder_state(&self, dir: &Path) -> FolderState {
        let mut state = FolderState::default();
        for (path, f) in &self.files {
            if path.starts_with(dir) && has_extension(path, DEFAULT_EXTENSIONS) {
                state.add_summary(&f.summary);
            }
        }
        state
    }
}

/// Whether two years may be the same cable's: equal, or one of them unknown.
fn same_year(a: Option<i32>, b: Option<i32>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// How well a summary matches the query's words (upper case), `None` when it does not.
fn rank(s: &CableSummary, id: Option<&str>, words: &[&str], squeezed: &str) -> Option<u8> {
    if words.is_empty() {
        return id.map(|_| 4);
    }
    if let Some(id) = id {
        if id == squeezed {
            return Some(0);
        }
        if squeezed.len() >= 3 && id.contains(squeezed) {
            return Some(1);
        }
    }
    if words.len() == 1 && s.tags.iter().any(|t| t.eq_ignore_ascii_case(words[0])) {
        return Some(2);
    }
    let subject = s.subject.as_deref().unwrap_or("").to_ascii_uppercase();
    let subject_words: Vec<&str> = subject
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .iter()
        .all(|w| subject_words.iter().any(|s| s.starts_with(w)))
    {
        return Some(3);
    }
    let everywhere = |w: &&str| {
        subject.contains(w)
            || id.is_some_and(|id| id.contains(w))
            || s.tags.iter().any(|t| t.to_ascii_uppercase().contains(w))
    };
    words.iter().all(everywhere).then_some(4)
}

#[cfg(test)]
mod tests;
