//! `workspace/diagnostic`: a report for every file of the workspace index, open or not, for
//! clients that pull diagnostics. A file's `resultId` names the text and the settings it was
//! checked with (an open document's is its generation, as `textDocument/diagnostic` gives it; a
//! file's is a hash of its text and the settings epoch), so a file the client has the diagnostics
//! of already is reported `unchanged` without being checked again. The cross-cable rules
//! ([`crate::rules::cross::check_set`]: one serial on two cables, a `REF` into the set to a cable it
//! lacks, message continuity numbers that go backwards) run over the summaries of all the indexed
//! files, and each file's report carries its share of their findings (part of its `resultId`
//! too). Files are read and checked on the blocking pool, in parallel.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use rayon::prelude::*;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tracing::debug;

use super::convert::Converter;
use super::dispatch::blocking;
use super::documents::Snapshot;
use super::session::Inner;
use super::to_proto;
use super::workspace_index::{open_files, synced};
use crate::rules::cross;
use crate::syntax::ColumnUnit;
use crate::workspace::index::stamp;
use crate::workspace::{Analysis, Resolved};

/// `workspace/diagnostic`.
pub(super) async fn pull(
    inner: &Arc<Inner>,
    params: WorkspaceDiagnosticParams,
) -> Result<WorkspaceDiagnosticReportResult> {
    let previous: HashMap<Uri, String> = params
        .previous_result_ids
        .into_iter()
        .map(|p| (p.uri, p.value))
        .collect();
    let (unit, related) = {
        let s = inner.session();
        (s.unit, s.caps.related_information)
    };
    let inner = inner.clone();
    blocking("workspace/diagnostic", move || {
        let items = reports(&inner, &previous, unit, related);
        debug!(files = items.len(), "workspace diagnostics");
        WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport { items })
    })
    .await
}

/// One file of the report: where its text is, the stamp of that text, and its settings.
struct Member {
    path: PathBuf,
    open: Option<(Uri, Snapshot)>,
    stamp: u64,
    resolved: Resolved,
}

/// The reports of every indexed file: the index is first brought up to date with the files' texts
/// as they are now (so that the cross-cable findings' ranges are of those texts), then the
/// cross-cable rules run over all the summaries, then each file whose text, settings and
/// cross-cable findings are those of the client's `resultId` is reported unchanged, and every
/// other file is checked.
fn reports(
    inner: &Inner,
    previous: &HashMap<Uri, String>,
    unit: ColumnUnit,
    related: bool,
) -> Vec<WorkspaceDocumentDiagnosticReport> {
    let mut paths: Vec<PathBuf> = synced(inner).iter().map(|(p, _)| p.clone()).collect();
    paths.sort();
    let mut open = open_files(inner);
    let limit = inner.index().limits().max_file_bytes;
    // The stamp of each file's text now; a file whose text is not the indexed one is read into the
    // index again.
    let stamps: Vec<Option<u64>> = paths
        .par_iter()
        .map(|p| match open.get(p) {
            Some((_, snap)) => Some(stamp(&snap.text)),
            None => read(p, limit).map(|t| stamp(&t)),
        })
        .collect();
    let mut members = Vec::with_capacity(paths.len());
    for (path, now) in paths.into_iter().zip(stamps) {
        let Some(now) = now else { continue };
        let is_open = open.remove(&path);
        if is_open.is_none() && inner.index().get(&path).map(|f| f.stamp) != Some(now) {
            let _ = inner.index().refresh_from_disk(&path);
        }
        let (resolved, _) = inner.session().resolve(Some(&path));
        members.push(Member {
            path,
            open: is_open,
            stamp: now,
            resolved,
        });
    }
    // The cross-cable findings come from the one computation over the index that the open
    // documents' diagnostics take theirs from ([`workspace_cross_findings`]), so that both agree
    // and a pull with nothing changed runs the rules no more. A file whose text in the index is
    // not the one read now (it changed meanwhile) gets none: their ranges would be of another text.
    let cross: Vec<Vec<crate::rules::Diagnostic>> = match workspace_cross_findings(inner, &|_| true)
    {
        Some(found) => {
            let index = inner.index();
            members
                .iter()
                .map(|m| {
                    let same = index.get(&m.path).map(|f| f.stamp) == Some(m.stamp);
                    same.then(|| found.get(&m.path).cloned())
                        .flatten()
                        .unwrap_or_default()
                })
                .collect()
        }
        None => vec![Vec::new(); members.len()],
    };
    let epoch = inner.settings_epoch.load(Ordering::Relaxed);
    let reports: Vec<WorkspaceDocumentDiagnosticReport> = members
        .par_iter()
        .zip(cross)
        .filter_map(|(m, cross)| report(m, cross, epoch, previous, unit, related, limit))
        .collect();
    let made = reports
        .iter()
        .filter(|r| matches!(r, WorkspaceDocumentDiagnosticReport::Full(_)))
        .count();
    inner
        .workspace_reports_made
        .fetch_add(made, Ordering::Relaxed);
    reports
}

/// The cross-cable findings on one indexed file whose text has the stamp `text_stamp` (an open
/// document's current text), from the rules run over every file of the workspace index: what
/// `textDocument/diagnostic` and the pushed diagnostics add to the document's own findings, so that
/// an open cable shows them as `workspace/diagnostic` does. Empty when the index does not hold the
/// file with that text (it is not a file, or is left out by the index's limits), and while a scan
/// of the folders runs. Takes the open documents into the index first; call it off the message
/// loop.
///
/// The rules run over the whole index once for every state of it and of the settings
/// ([`CrossCache`]): after a change every open document asks for its share, and each is answered
/// from the one run.
pub(super) fn cross_findings_of(
    inner: &Inner,
    path: &Path,
    text_stamp: u64,
) -> Vec<crate::rules::Diagnostic> {
    let holds_the_text = |index: &crate::workspace::index::WorkspaceIndex| {
        index.get(path).map(|f| f.stamp) == Some(text_stamp)
    };
    workspace_cross_findings(inner, &holds_the_text)
        .and_then(|found| found.get(path).cloned())
        .unwrap_or_default()
}

/// The cross-cable findings of every file of the workspace index, by path (files without findings
/// left out), for the index as it is now with the open documents taken in: from [`CrossCache`]
/// when the index, the settings and the workspace folders are as when they were last computed,
/// else computed over the files in path order and kept. `None` while a scan of the folders runs
/// (the set is incomplete; the end of the scan sends the documents' diagnostics again, see
/// `workspace_index::changed`, so nothing waits for it here), with fewer than two files, and when
/// `wanted` says the index is not in the state the caller needs (an open document's text not the
/// one indexed). Call it off the message loop.
fn workspace_cross_findings(
    inner: &Inner,
    wanted: &dyn Fn(&crate::workspace::index::WorkspaceIndex) -> bool,
) -> Option<Arc<CrossFindings>> {
    if super::workspace_index::scanning(inner) {
        return None;
    }
    let mut paths: Vec<PathBuf> = synced(inner).iter().map(|(p, _)| p.clone()).collect();
    if paths.len() < 2 {
        return None;
    }
    paths.sort();
    let roots = inner.session().roots.clone();
    // Read before the settings are resolved: a change meanwhile gives a later epoch, and the next
    // question computes the findings again.
    let settings_epoch = inner.settings_epoch.load(Ordering::Relaxed);
    // The key of the index's current state, or `None` when it is not the state wanted.
    let current_key = |index: &crate::workspace::index::WorkspaceIndex, roots: Vec<PathBuf>| {
        wanted(index).then(|| CrossKey {
            index_epoch: index.epoch(),
            settings_epoch,
            roots,
        })
    };
    {
        let index = inner.index();
        let key = current_key(&index, roots.clone())?;
        if let Some(found) = inner.cross_cache().hit(&key) {
            return Some(found);
        }
    }
    let resolved: Vec<(PathBuf, Resolved, String)> = paths
        .into_iter()
        .map(|p| {
            let (resolved, _) = inner.session().resolve(Some(&p));
            let name = shown_name(&roots, &p);
            (p, resolved, name)
        })
        .collect();
    let index = inner.index();
    let key = current_key(&index, roots)?;
    let found = inner
        .cross_cache()
        .get_or_compute(key, || all_cross_findings(&index, &resolved));
    Some(found)
}

/// The cross-cable findings of every indexed file among `files` (each with its settings and the
/// name the findings show it by), by path; files without findings are left out.
fn all_cross_findings(
    index: &crate::workspace::index::WorkspaceIndex,
    files: &[(PathBuf, Resolved, String)],
) -> CrossFindings {
    let mut paths = Vec::with_capacity(files.len());
    let mut members = Vec::with_capacity(files.len());
    for (p, resolved, name) in files {
        let Some(file) = index.get(p) else { continue };
        paths.push(p);
        members.push(cross::Member {
            name,
            summary: &file.summary,
            settings: &resolved.settings,
        });
    }
    paths
        .into_iter()
        .zip(cross::check_set(&members))
        .filter(|(_, found)| !found.is_empty())
        .map(|(p, found)| (p.clone(), found))
        .collect()
}

/// The cross-cable findings of the files of the workspace that have some, by path.
type CrossFindings = HashMap<PathBuf, Vec<crate::rules::Diagnostic>>;

/// What the cross-cable findings of the workspace depend on: the index's state
/// ([`crate::workspace::index::WorkspaceIndex::epoch`]), the settings' epoch
/// ([`Inner::settings_epoch`]) and the workspace folders (which name the files in the findings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CrossKey {
    pub index_epoch: u64,
    pub settings_epoch: u64,
    pub roots: Vec<PathBuf>,
}

/// The cross-cable findings of the whole workspace, by path, for the [`CrossKey`] they were
/// computed for: the last computation is kept, so that the open documents' diagnostics after one
/// change run the rules once, not once per document.
#[derive(Debug, Default)]
pub(crate) struct CrossCache {
    found: Option<(CrossKey, Arc<CrossFindings>)>,
    /// How many times the findings were computed (for the tests: the test-only request
    /// `cablelint/counters` gives it).
    computed: usize,
}

impl CrossCache {
    /// The findings kept for `key`, when they are the last computed.
    fn hit(&self, key: &CrossKey) -> Option<Arc<CrossFindings>> {
        match &self.found {
            Some((k, found)) if k == key => Some(found.clone()),
            _ => None,
        }
    }

    /// How many times the findings were computed.
    pub(super) fn computed(&self) -> usize {
        self.computed
    }

    /// The findings for `key`: those kept, or `compute`'s, then kept in their place.
    fn get_or_compute(
        &mut self,
        key: CrossKey,
        compute: impl FnOnce() -> CrossFindings,
    ) -> Arc<CrossFindings> {
        if let Some(found) = self.hit(&key) {
            return found;
        }
        self.computed += 1;
        let found = Arc::new(compute());
        self.found = Some((key, found.clone()));
        found
    }
}

/// A file as the cross-cable findings name it: relative to the first workspace folder it is under,
/// else its whole path.
fn shown_name(roots: &[PathBuf], path: &Path) -> String {
    roots
        .iter()
        .find_map(|r| path.strip_prefix(r).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// A hash of the cross-cable findings on one file: part of its `resultId`.
pub(super) fn findings_hash(found: &[crate::rules::Diagnostic]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for d in found {
        (d.rule.code(), d.range.start(), d.range.end(), &d.message).hash(&mut h);
    }
    h.finish()
}

/// The report of one file: unchanged when the client's `resultId` is this one, else the file's
/// own findings (from its open document's analysis, or its text read now) and its cross-cable
/// findings.
fn report(
    m: &Member,
    cross: Vec<crate::rules::Diagnostic>,
    epoch: u64,
    previous: &HashMap<Uri, String>,
    unit: ColumnUnit,
    related: bool,
    limit: u64,
) -> Option<WorkspaceDocumentDiagnosticReport> {
    let cross_id = findings_hash(&cross);
    let (uri, version, result_id) = match &m.open {
        Some((uri, snap)) => (
            uri.clone(),
            Some(i64::from(snap.version)),
            format!("{}.{cross_id:016x}", snap.generation),
        ),
        None => (
            Uri::from_file_path(&m.path)?,
            None,
            format!("{:016x}.{epoch}.{cross_id:016x}", m.stamp),
        ),
    };
    if previous.get(&uri) == Some(&result_id) {
        return Some(unchanged(uri, version, result_id));
    }
    let analysis = match &m.open {
        Some((_, snap)) => snap.analysis(),
        None => {
            let text = read(&m.path, limit)?;
            if stamp(&text) != m.stamp {
                // Changed again meanwhile: the next pull reports it.
                return None;
            }
            Arc::new(Analysis::new(
                Arc::from(text),
                m.resolved.settings.clone(),
                m.resolved.tables.clone(),
            ))
        }
    };
    let conv = Converter::new(analysis.text(), analysis.line_index(), unit);
    let items = analysis
        .diagnostics()
        .iter()
        .chain(&cross)
        .map(|d| to_proto::diagnostic(d, &conv, &uri, related))
        .collect();
    Some(full(uri, version, result_id, items))
}

/// A file's text for a report, within the index's size limit.
fn read(path: &Path, limit: u64) -> Option<String> {
    crate::workspace::index::read_indexed_text(path, limit)
}

fn unchanged(
    uri: Uri,
    version: Option<i64>,
    result_id: String,
) -> WorkspaceDocumentDiagnosticReport {
    WorkspaceDocumentDiagnosticReport::Unchanged(WorkspaceUnchangedDocumentDiagnosticReport {
        uri,
        version,
        unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
    })
}

fn full(
    uri: Uri,
    version: Option<i64>,
    result_id: String,
    items: Vec<Diagnostic>,
) -> WorkspaceDocumentDiagnosticReport {
    WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
        uri,
        version,
        full_document_diagnostic_report: FullDocumentDiagnosticReport {
            result_id: Some(result_id),
            items,
        },
    })
}

/// The test-only request `cablelint/counters`: how many times the cross-cable rules ran over the
/// workspace index (`crossRuns`) and how many file reports `workspace/diagnostic` made in full
/// (`workspaceReports`), so that a test can tell work done from work taken from a cache.
pub(super) fn counters(inner: &Inner) -> serde_json::Value {
    serde_json::json!({
        "crossRuns": inner.cross_cache().computed(),
        "workspaceReports": inner.workspace_reports_made.load(Ordering::Relaxed),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::index::{IndexLimits, Source, WorkspaceIndex};

    #[test]
    fn the_workspace_cross_findings_are_computed_once_per_state() {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cross/duplicate-serial");
        let mut index = WorkspaceIndex::new(IndexLimits::default());
        let mut files = Vec::new();
        for name in ["a.cable", "b.cable"] {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(index.update(&path, &text, Source::Disk));
            let resolved = Resolved {
                settings: Arc::new(crate::rules::Settings::default()),
                tables: Default::default(),
                config: None,
            };
            files.push((path, resolved, name.to_string()));
        }
        let key = |index: &WorkspaceIndex| CrossKey {
            index_epoch: index.epoch(),
            settings_epoch: 0,
            roots: vec![dir.clone()],
        };
        // What the rules give when run directly over the two cables.
        let summaries: Vec<_> = files
            .iter()
            .map(|(p, _, _)| index.get(p).unwrap().summary.clone())
            .collect();
        let settings = crate::rules::Settings::default();
        let members: Vec<cross::Member> = files
            .iter()
            .zip(&summaries)
            .map(|((_, _, name), summary)| cross::Member {
                name,
                summary,
                settings: &settings,
            })
            .collect();
        let direct = cross::check_set(&members);
        assert_eq!(direct[0][0].rule, crate::rules::Rule::DuplicateSerial);

        // Each open document asks for its share: one computation answers both.
        let mut cache = CrossCache::default();
        for (i, (path, _, _)) in files.iter().enumerate() {
            let found = cache.get_or_compute(key(&index), || all_cross_findings(&index, &files));
            assert_eq!(found.get(path).cloned().unwrap_or_default(), direct[i]);
        }
        assert_eq!(cache.computed, 1);
        assert!(cache.hit(&key(&index)).is_some());

        // A change to the index (or to the settings) computes them again.
        let text = std::fs::read_to_string(&files[1].0).unwrap();
        index.update(&files[1].0, &text, Source::Buffer(2));
        assert!(cache.hit(&key(&index)).is_none());
        cache.get_or_compute(key(&index), || all_cross_findings(&index, &files));
        assert_eq!(cache.computed, 2);
        let other_settings = CrossKey {
            settings_epoch: 1,
            ..key(&index)
        };
        assert!(cache.hit(&other_settings).is_none());
    }
}
