//! The server's side of the workspace index ([`crate::workspace::index`]): the scan of the
//! workspace folders in the background after `initialized` and when a folder is added, the watcher
//! of cable files, the updates from file events and closed documents, the open documents' edits
//! taken in before every question ([`synced`]), and turning the index's byte ranges into LSP
//! locations ([`locations`]).
//!
//! Which files count: those `cablelint check FOLDER` checks (`*.cable`, `*.tel`, honouring
//! `.gitignore`), plus every open document that is a file. An open document's text wins over its
//! file until it is closed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tower_lsp_server::ls_types::{Location, Uri};
use tracing::{debug, info, warn};

use super::convert::Converter;
use super::documents::Snapshot;
use super::session::Inner;
use crate::rules::cross::CableSummary;
use crate::syntax::{ColumnUnit, LineIndex};
use crate::workspace::index::{
    has_extension, stamp, IndexLocation, Source, WorkspaceIndex, DEFAULT_EXTENSIONS,
};

/// The glob patterns of the cable files the client is asked to watch.
pub(super) const CABLE_GLOBS: [&str; 2] = ["**/*.cable", "**/*.tel"];

/// Whether a file belongs to the index by itself (not only while it is open): a cable file under
/// one of the workspace folders.
pub(super) fn in_scope(roots: &[PathBuf], path: &Path) -> bool {
    has_extension(path, DEFAULT_EXTENSIONS) && roots.iter().any(|r| path.starts_with(r))
}

/// Scans `roots` on the blocking pool and merges the result into the index; logs what it took
/// and every file it left out. Returns at once: requests go on meanwhile, answered from the index
/// as it is (or after waiting a little for it, see [`synced`]).
pub(super) fn scan(inner: &Arc<Inner>, roots: Vec<PathBuf>) {
    if roots.is_empty() {
        return;
    }
    inner.scans_running.fetch_add(1, Ordering::SeqCst);
    run_scan(inner, roots);
}

/// The first scan, of the folders `initialize` gave: counted as running from `initialize` on
/// ([`first_scan_pending`]), so that no request answered before `initialized` misses it.
pub(super) fn first_scan(inner: &Arc<Inner>, roots: Vec<PathBuf>) {
    if inner.first_scan_pending.swap(false, Ordering::SeqCst) {
        run_scan(inner, roots);
    }
}

/// Called by `initialize` with its folders: the first scan counts as running from now on.
pub(super) fn first_scan_pending(inner: &Inner, roots: &[PathBuf]) {
    if !roots.is_empty() && !inner.first_scan_pending.swap(true, Ordering::SeqCst) {
        inner.scans_running.fetch_add(1, Ordering::SeqCst);
    }
}

/// Runs a scan already counted in `scans_running`.
fn run_scan(inner: &Arc<Inner>, roots: Vec<PathBuf>) {
    let inner = inner.clone();
    tokio::spawn(async move {
        let (started, limits) = {
            let index = inner.index();
            (index.epoch(), index.limits())
        };
        let clock = Instant::now();
        let folders = roots.len();
        let result = tokio::task::spawn_blocking(move || {
            WorkspaceIndex::scan(&roots, DEFAULT_EXTENSIONS, limits, started)
        })
        .await;
        let scan = match result {
            Ok(scan) => scan,
            Err(e) => {
                inner.scans_running.fetch_sub(1, Ordering::SeqCst);
                warn!("workspace index: the scan failed: {e}");
                return;
            }
        };
        let (report, total) = {
            let mut index = inner.index();
            let report = index.merge_scan(scan);
            (report, index.len())
        };
        inner.scans_running.fetch_sub(1, Ordering::SeqCst);
        changed(&inner);
        info!(
            folders,
            indexed = report.indexed,
            total,
            millis = clock.elapsed().as_millis() as u64,
            "workspace index: folders scanned"
        );
        for m in report.messages(limits) {
            warn!("{m}");
        }
    });
}

/// The index changed in a way that may change what other documents show (a scan ended, files
/// changed on disk, a document was saved): their code lenses (the citing count) and their
/// cross-cable findings are asked for or sent again.
pub(super) fn changed(inner: &Arc<Inner>) {
    super::code_lens::refresh(inner);
    super::diagnostics::refresh_all(inner);
}

/// Whether a scan of workspace folders is running (the index may not hold all their files yet).
pub(super) fn scanning(inner: &Inner) -> bool {
    inner.scans_running.load(Ordering::SeqCst) > 0
}

/// How long a question waits for a running scan of the workspace folders before it is answered
/// from the index as it is.
const SCAN_WAIT: Duration = Duration::from_secs(2);

/// Takes the open documents' current texts into the index (those changed since they were last
/// taken), then returns the index. While a scan of the workspace folders runs, waits for it at
/// most [`SCAN_WAIT`]. Parses only changed documents, through their shared analysis; call it off
/// the message loop (on the blocking pool, where the wait holds up no other request).
pub(super) fn synced(inner: &Inner) -> std::sync::MutexGuard<'_, WorkspaceIndex> {
    let waited = Instant::now();
    while scanning(inner) && waited.elapsed() < SCAN_WAIT {
        std::thread::sleep(Duration::from_millis(5));
    }
    let pending: Vec<(Uri, PathBuf, Snapshot)> = {
        let mut s = inner.session();
        s.docs
            .iter_mut()
            .filter(|(_, d)| d.path.is_some() && d.indexed != Some(d.generation))
            .map(|(u, d)| (u.clone(), d.path.clone().unwrap_or_default(), d.snapshot()))
            .collect()
    };
    for (uri, path, snap) in pending {
        let summary = CableSummary::new(snap.analysis().cable());
        let taken = inner.index().update_summary(
            &path,
            summary,
            stamp(&snap.text),
            Source::Buffer(snap.version),
        );
        if !taken {
            warn!(
                path = %path.display(),
                "workspace index: an open document left out: the index is full"
            );
        }
        if let Some(d) = inner.session().docs.get_mut(&uri) {
            if d.generation == snap.generation {
                d.indexed = Some(snap.generation);
            }
        }
    }
    inner.index()
}

/// An open document was closed: its file is read again when it belongs to the workspace, else it
/// leaves the index.
pub(super) fn closed(inner: &Inner, path: &Path) {
    let keep = in_scope(&inner.session().roots, path);
    if let Err(m) = inner.index().close(path, keep) {
        warn!("{m}");
    }
}

/// Files changed, appeared or went away on disk (`workspace/didChangeWatchedFiles`): each cable
/// file of the workspace is read again (or removed); an open document's text stays.
pub(super) fn files_changed(inner: &Arc<Inner>, paths: &[PathBuf]) {
    let roots = inner.session().roots.clone();
    let mut count = 0;
    for path in paths.iter().filter(|p| in_scope(&roots, p)) {
        count += 1;
        if let Err(m) = inner.index().refresh_from_disk(path) {
            warn!("{m}");
        }
    }
    if count > 0 {
        debug!(files = count, "workspace index: files read again");
        changed(inner);
    }
}

/// Workspace folders went away: their files leave the index (open documents stay).
pub(super) fn folders_removed(inner: &Inner, removed: &[PathBuf]) {
    let mut index = inner.index();
    for dir in removed {
        index.remove_under(dir);
    }
}

/// The open documents that are files, by path: where a location's text is read from first.
pub(super) fn open_files(inner: &Inner) -> HashMap<PathBuf, (Uri, Snapshot)> {
    let mut s = inner.session();
    s.docs
        .iter_mut()
        .filter_map(|(u, d)| Some((d.path.clone()?, (u.clone(), d.snapshot()))))
        .collect()
}

/// Index locations with the stamp of the text their ranges are of, taken under the index's lock.
pub(super) fn stamped(
    index: &WorkspaceIndex,
    locs: Vec<IndexLocation>,
) -> Vec<(IndexLocation, u64)> {
    locs.into_iter()
        .filter_map(|l| {
            let stamp = index.get(&l.path)?.stamp;
            Some((l, stamp))
        })
        .collect()
}

/// A file's URI, text and line index, read once for all the locations in it.
type FileText = (Uri, Arc<str>, LineIndex);

/// LSP locations of index locations, in order: each file's text from its open document, else from
/// the disk. A location whose file no longer has the text the index read (its stamp differs) is
/// left out, and that file is read into the index again.
pub(super) fn locations(
    inner: &Inner,
    locs: &[(IndexLocation, u64)],
    open: &HashMap<PathBuf, (Uri, Snapshot)>,
    unit: ColumnUnit,
) -> Vec<Location> {
    let mut texts: HashMap<&Path, Option<FileText>> = HashMap::new();
    // Files are read as the index reads them, so that their stamps compare.
    let limit = inner.index().limits().max_file_bytes;
    let mut out = Vec::new();
    for (loc, want) in locs {
        let entry = texts.entry(loc.path.as_path()).or_insert_with(|| {
            let (uri, text): (Uri, Arc<str>) = match open.get(&loc.path) {
                Some((uri, snap)) => (uri.clone(), snap.text.clone()),
                None => {
                    let text = crate::workspace::index::read_indexed_text(&loc.path, limit)?;
                    (Uri::from_file_path(&loc.path)?, Arc::from(text))
                }
            };
            if stamp(&text) != *want {
                debug!(path = %loc.path.display(), "workspace index: a stale entry read again");
                if !open.contains_key(&loc.path) {
                    let _ = inner.index().refresh_from_disk(&loc.path);
                }
                return None;
            }
            let index = LineIndex::new(&text);
            Some((uri, text, index))
        });
        if let Some((uri, text, index)) = entry {
            let conv = Converter::new(text, index, unit);
            out.push(Location::new(uri.clone(), conv.range(loc.range)));
        }
    }
    out
}
