//! Which files `cablelint check` reads: the files named, and the cables found under the
//! directories named (recursively, honouring `.gitignore`, `.ignore` and hidden files as `ripgrep`
//! does, inside a Git repository or not).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::WalkBuilder;

use crate::config::describe_io_error;

/// The extensions a directory walk picks up without `--extension`.
pub const DEFAULT_EXTENSIONS: &[&str] = &["cable", "tel"];

/// The outcome of a walk.
#[derive(Debug, Default)]
pub struct Found {
    /// Files to check, sorted and without duplicates.
    pub files: Vec<PathBuf>,
    /// Paths that could not be read, with the reason.
    pub errors: Vec<(PathBuf, String)>,
    /// Problems that do not stop a file being checked (a malformed `.gitignore` line).
    pub warnings: Vec<String>,
}

/// Finds the files to check under `paths`. Files named are always checked; directories yield the
/// files whose extension is one of `extensions`.
pub fn find(paths: &[PathBuf], extensions: &[String]) -> Found {
    let mut found = Found::default();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => found
                .errors
                .push((tidy(path), broken_link_reason(path, &e))),
            Ok(meta) if meta.is_dir() => walk(path, extensions, &mut found),
            Ok(_) => found.files.push(tidy(path)),
        }
    }
    found.files.sort();
    found.files.dedup();
    found.errors.sort();
    found.errors.dedup();
    found
}

/// What a walk entry is to the run.
enum Entry {
    /// A file to check: a file, or a link to one, with a wanted extension. A device, FIFO or
    /// socket with a cable's name is one too: reading it is refused with a one-line error naming
    /// it ([`crate::workspace::input`]), as when it is named, rather than passed over unseen.
    File,
    /// A symbolic link with a wanted extension that leads nowhere (its target is missing, or it is
    /// a loop of links), with the reason: the walk reports it as a path it could not read, as
    /// ruff and ripgrep do, rather than pass over a cable the user expects checked.
    BrokenLink(String),
    /// Anything else: a directory, a link to one (links to directories are not followed), or a
    /// file with another extension.
    Other,
}

/// What a walk entry is: a file to check, a broken link where a cable was expected, or neither.
fn wanted(entry: &ignore::DirEntry, extensions: &[String]) -> Entry {
    let extension_wanted = entry
        .path()
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)));
    if !extension_wanted {
        return Entry::Other;
    }
    if entry.file_type().is_none_or(|t| t.is_dir()) {
        return Entry::Other;
    }
    if !entry.path_is_symlink() {
        return Entry::File;
    }
    match std::fs::metadata(entry.path()) {
        Ok(m) if m.is_dir() => Entry::Other,
        Ok(_) => Entry::File,
        Err(e) => Entry::BrokenLink(broken_link_reason(entry.path(), &e)),
    }
}

/// Why a symbolic link cannot be followed: `broken symbolic link to `nowhere.cable``, `symbolic
/// link loop`, or the error's own description.
pub fn broken_link_reason(path: &Path, e: &std::io::Error) -> String {
    // ELOOP: a link that leads back to itself (Linux 40, the BSDs and macOS 62).
    if matches!(e.raw_os_error(), Some(40) if cfg!(target_os = "linux"))
        || matches!(e.raw_os_error(), Some(62) if !cfg!(target_os = "linux"))
    {
        return "symbolic link loop".to_string();
    }
    match (e.kind(), std::fs::read_link(path)) {
        (std::io::ErrorKind::NotFound, Ok(target)) => {
            format!("broken symbolic link to `{}`", target.display())
        }
        _ => describe_io_error(e),
    }
}

fn walk(root: &Path, extensions: &[String], found: &mut Found) {
    let walker = WalkBuilder::new(root).require_git(false).build();
    for entry in walker {
        match entry {
            Ok(entry) => match wanted(&entry, extensions) {
                Entry::File => found.files.push(tidy(entry.path())),
                Entry::BrokenLink(reason) => found.errors.push((tidy(entry.path()), reason)),
                Entry::Other => {}
            },
            Err(err) => {
                let (path, message, io) = describe_walk_error(&err);
                let path = path.unwrap_or_else(|| root.to_path_buf());
                if io {
                    found.errors.push((tidy(&path), message));
                } else {
                    found
                        .warnings
                        .push(format!("{}: {message}", tidy(&path).display()));
                }
            }
        }
    }
}

/// What [`SortedWalk`] yields: a file to check (its path and the path as shown), or a path the
/// walk could not read (shown, with the reason).
#[derive(Debug, PartialEq, Eq)]
pub enum Walked {
    File(PathBuf, String),
    Unreadable(String, String),
}

impl Walked {
    /// The path as shown to the user.
    pub fn display(&self) -> &str {
        match self {
            Walked::File(_, shown) | Walked::Unreadable(shown, _) => shown,
        }
    }
}

/// The cables under one directory, one at a time, in the order `check` reports them: by the
/// shown path as a string (as [`find`] followed by a sort of the shown paths gives them), without
/// holding the list of paths, so that the memory of a run does not grow with the number of files.
/// (Or in the order [`find`] lists them, by path, with [`WalkOrder::Path`].)
///
/// Each directory's entries are walked in the order of their names, where a directory's name
/// counts as followed by `/`: then every path under an entry sorts, as a string, among that
/// entry's siblings exactly where the entry does (`a-b.cable` and `a.cable` come before the files
/// under the directory `a`, since `-` and `.` sort before `/`), and the walk gives every file in
/// string order. Only a directory that cannot be read is reported out of that order (after its
/// siblings that begin with its name and a character before `/`), so the paths that such a
/// directory (known from the sorting, which compares it with that sibling) would precede are
/// held until the walk has passed it. Ignore-file warnings are printed as they are found.
pub struct SortedWalk {
    walker: ignore::Walk,
    extensions: Vec<String>,
    /// Directories seen by the sorting that may yet be reported unreadable before paths already
    /// walked (shown paths).
    hazards: Arc<Mutex<Vec<PathBuf>>>,
    /// The shown paths of those directories that the walk has not passed.
    open: BTreeSet<String>,
    /// Items walked but not yet given, by shown path (and walk order among equal ones).
    held: BTreeMap<(String, u64), Walked>,
    /// Items ready to give, in order.
    ready: VecDeque<Walked>,
    seq: u64,
    root: PathBuf,
    order: WalkOrder,
    /// Whether ignore-file warnings are left unprinted (a walk done again has printed them).
    quiet: bool,
    done: bool,
}

/// The order a [`SortedWalk`] gives the files in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkOrder {
    /// By the shown path as a string (`check`'s report).
    Shown,
    /// By path, component by component (`inspect`'s output, the order [`find`] lists).
    Path,
}

/// The shown form of a path (also for names that are not UTF-8, as `Path::display` gives them).
fn shown(path: &Path) -> String {
    tidy(path).display().to_string()
}

/// The order of two entries of one directory: by name as shown, where a directory's name counts
/// as followed by `/`. Only when one name begins with the other is it asked whether the shorter
/// one is a directory (the one case where that changes the order); such a directory is noted in
/// `hazards` when the longer name continues with a character before `/`.
fn sibling_order(a: &Path, b: &Path, hazards: &Mutex<Vec<PathBuf>>) -> Ordering {
    // The names as shown, borrowed when they are UTF-8 (nearly always): the sorting compares
    // each directory's entries n log n times, and a copy of both names per comparison was most
    // of a walk's allocations.
    fn name(p: &Path) -> std::borrow::Cow<'_, str> {
        p.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    }
    let (x, y) = (name(a), name(b));
    let (xb, yb) = (x.as_bytes(), y.as_bytes());
    let n = xb.len().min(yb.len());
    if xb[..n] != yb[..n] {
        return xb.cmp(yb);
    }
    if xb.len() == yb.len() {
        // Two names shown alike (bytes that are not UTF-8): by their bytes.
        return a.as_os_str().cmp(b.as_os_str());
    }
    let (short, long, flip) = if xb.len() < yb.len() {
        (a, yb, false)
    } else {
        (b, xb, true)
    };
    let is_dir = std::fs::symlink_metadata(short).is_ok_and(|m| m.is_dir());
    let order = if is_dir {
        if long[n] < b'/' {
            hazards
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(short.to_path_buf());
        }
        b'/'.cmp(&long[n])
    } else {
        Ordering::Less
    };
    if flip {
        order.reverse()
    } else {
        order
    }
}

/// Whether the walk, at the entry shown as `key` (with `/` after a directory), has gone past the
/// directory shown as `dir`: whether `key` sorts after `dir` followed by `/`.
fn passed(dir: &str, key: &str) -> bool {
    match key.strip_prefix(dir) {
        Some(rest) => rest > "/",
        None => dir < key,
    }
}

impl SortedWalk {
    /// A walk of the directory `root` for files with one of `extensions` (any case), honouring
    /// ignore files as [`find`] does.
    pub fn new(root: &Path, extensions: &[String], order: WalkOrder) -> SortedWalk {
        let hazards = Arc::new(Mutex::new(Vec::new()));
        let noted = Arc::clone(&hazards);
        let mut builder = WalkBuilder::new(root);
        builder.require_git(false);
        match order {
            WalkOrder::Shown => builder.sort_by_file_path(move |a, b| sibling_order(a, b, &noted)),
            // Paths compare by component, each by its bytes: the order of the names in each
            // directory, walked depth first.
            WalkOrder::Path => builder.sort_by_file_name(|a, b| a.cmp(b)),
        };
        let walker = builder.build();
        SortedWalk {
            walker,
            extensions: extensions.to_vec(),
            hazards,
            open: BTreeSet::new(),
            held: BTreeMap::new(),
            ready: VecDeque::new(),
            seq: 0,
            root: root.to_path_buf(),
            order,
            quiet: false,
            done: false,
        }
    }

    /// The same walk from its start, without printing again the ignore-file warnings this one
    /// prints.
    pub fn again(&self) -> SortedWalk {
        let mut walk = SortedWalk::new(&self.root, &self.extensions, self.order);
        walk.quiet = true;
        walk
    }

    fn hold(&mut self, item: Walked) {
        self.seq += 1;
        self.held
            .insert((item.display().to_string(), self.seq), item);
    }

    /// Takes one step of the walk; false at its end.
    fn step(&mut self) -> bool {
        let Some(event) = self.walker.next() else {
            return false;
        };
        for dir in self
            .hazards
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain(..)
        {
            self.open.insert(shown(&dir));
        }
        match event {
            Ok(entry) => {
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                let mut key = shown(entry.path());
                match wanted(&entry, &self.extensions) {
                    Entry::File => self.hold(Walked::File(tidy(entry.path()), key.clone())),
                    Entry::BrokenLink(reason) => self.hold(Walked::Unreadable(key.clone(), reason)),
                    Entry::Other => {}
                }
                if is_dir {
                    key.push('/');
                }
                // Every directory the walk has gone past can no longer be reported; the one just
                // entered can (reading it comes next).
                self.open.retain(|d| !passed(d, &key));
            }
            Err(err) => {
                let (path, message, io) = describe_walk_error(&err);
                let path = path.unwrap_or_else(|| self.root.clone());
                let key = shown(&path);
                if io {
                    self.open.remove(&key);
                    self.hold(Walked::Unreadable(key, message));
                } else if !self.quiet {
                    super::warning_line(&format!("{key}: {message}"));
                }
            }
        }
        // What no directory still open can come before is ready.
        while let Some(entry) = self.held.first_entry() {
            if self
                .open
                .first()
                .is_some_and(|d| d.as_str() < entry.key().0.as_str())
            {
                break;
            }
            self.ready.push_back(entry.remove());
        }
        true
    }
}

impl Iterator for SortedWalk {
    type Item = Walked;

    fn next(&mut self) -> Option<Walked> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            if !self.step() {
                self.done = true;
                self.open.clear();
                let rest = std::mem::take(&mut self.held);
                self.ready.extend(rest.into_values());
            }
        }
    }
}

/// A walk error as (path, reason, whether it was an IO error rather than an ignore-file problem).
fn describe_walk_error(err: &ignore::Error) -> (Option<PathBuf>, String, bool) {
    match err {
        ignore::Error::WithPath { path, err } => {
            let (_, message, io) = describe_walk_error(err);
            (Some(path.clone()), message, io)
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            describe_walk_error(err)
        }
        ignore::Error::Partial(errs) => match errs.first() {
            Some(e) => describe_walk_error(e),
            None => (None, err.to_string(), false),
        },
        ignore::Error::Io(e) => (None, describe_io_error(e), true),
        ignore::Error::Loop { child, .. } => {
            (Some(child.clone()), "symbolic link loop".to_string(), true)
        }
        other => (None, other.to_string(), false),
    }
}

/// A path without a leading `./`, as shown to the user.
pub fn tidy(path: &Path) -> PathBuf {
    let mut p = path;
    while let Ok(rest) = p.strip_prefix(".") {
        if rest.as_os_str().is_empty() {
            break;
        }
        p = rest;
    }
    p.to_path_buf()
}

/// What a command reads: whether standard input is one of its inputs (`-`, or
/// `--stdin-filename` with no path), and the files found under the other paths (`.` when none is
/// given and standard input is not read), by the default extensions plus `extra_extensions`
/// (written with or without a leading dot). Walk warnings are printed as they are found.
pub fn select(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    extra_extensions: &[String],
) -> Selection {
    select_or_stream(paths, stdin_filename, extra_extensions, None).0
}

/// As [`select`], but when the only input is one directory, its files are not listed: the
/// [`SortedWalk`] returned gives them (and the paths it could not read) in the order of the
/// sorted list, as the run takes them, so that memory does not grow with the number of files.
pub fn select_streaming(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    extra_extensions: &[String],
    order: WalkOrder,
) -> (Selection, Option<SortedWalk>) {
    select_or_stream(paths, stdin_filename, extra_extensions, Some(order))
}

fn select_or_stream(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    extra_extensions: &[String],
    stream: Option<WalkOrder>,
) -> (Selection, Option<SortedWalk>) {
    let read_stdin = paths.iter().any(|p| p.as_os_str() == "-")
        || (paths.is_empty() && stdin_filename.is_some());
    let mut walk: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    if paths.is_empty() && !read_stdin {
        walk.push(PathBuf::from("."));
    }
    let mut extensions: Vec<String> = DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect();
    for e in extra_extensions {
        let e = e.trim().trim_start_matches('.');
        if !e.is_empty() {
            extensions.push(e.to_string());
        }
    }
    let one_directory = match walk.as_slice() {
        [dir] => std::fs::metadata(dir).is_ok_and(|m| m.is_dir()),
        _ => false,
    };
    let (found, streamed) = match stream {
        Some(order) if one_directory && !read_stdin => (
            Found::default(),
            Some(SortedWalk::new(&walk[0], &extensions, order)),
        ),
        _ if walk.is_empty() => (Found::default(), None),
        _ => (find(&walk, &extensions), None),
    };
    for w in &found.warnings {
        super::warning_line(w);
    }
    let selection = Selection {
        read_stdin,
        found,
        walked: walk,
        extensions,
    };
    (selection, streamed)
}

/// The inputs [`select`] chose, with what it walked for the "nothing found" warning.
pub struct Selection {
    pub read_stdin: bool,
    pub found: Found,
    walked: Vec<PathBuf>,
    extensions: Vec<String>,
}

impl Selection {
    /// Prints that no cable was found under the walked paths, naming the extensions searched and,
    /// when the folders hold files of another extension (released cables come as `*.txt`), the
    /// `--extension` option that would take them.
    pub fn warn_none_found(&self) {
        let hint = match most_common_other_extension(&self.walked, &self.extensions) {
            Some((ext, n)) => format!(
                "; {n} `*.{ext}` file{} found: add `--extension {ext}` to read them",
                if n == 1 { " was" } else { "s were" }
            ),
            None => String::new(),
        };
        super::warning_line(&format!(
            "no cables found under {} (directories are searched for {}){hint}",
            self.walked
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            self.extensions
                .iter()
                .map(|e| format!("*.{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}

/// The extension most files under `roots` have among those not searched, with its count: at most
/// [`EXTENSION_SURVEY_LIMIT`] files are looked at, in the walk's order (`.gitignore` honoured).
fn most_common_other_extension(roots: &[PathBuf], searched: &[String]) -> Option<(String, usize)> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut seen = 0usize;
    for root in roots.iter().filter(|r| r.is_dir()) {
        for entry in WalkBuilder::new(root).require_git(false).build().flatten() {
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            seen += 1;
            if seen > EXTENSION_SURVEY_LIMIT {
                break;
            }
            let Some(ext) = entry.path().extension().and_then(|e| e.to_str()) else {
                continue;
            };
            if !searched.iter().any(|s| s.eq_ignore_ascii_case(ext)) {
                *counts.entry(ext.to_string()).or_default() += 1;
            }
        }
    }
    // The most files first, then the name, so that the hint does not depend on the walk's order.
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
}

/// How many files the "nothing found" hint looks at before it stops counting.
const EXTENSION_SURVEY_LIMIT: usize = 10_000;

#[cfg(test)]
mod tests {
    use super::*;

    fn exts() -> Vec<String> {
        DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn walks_directories_by_extension_and_gitignore() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("a/skip")).unwrap();
        for f in [
            "a/x.cable",
            "a/y.tel",
            "a/z.txt",
            "a/skip/w.cable",
            "b.CABLE",
        ] {
            std::fs::write(root.join(f), "").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "skip/\n").unwrap();
        let found = find(&[root.to_path_buf()], &exts());
        assert_eq!(
            found.files,
            vec![
                root.join("a/x.cable"),
                root.join("a/y.tel"),
                root.join("b.CABLE")
            ]
        );
        let mut more = exts();
        more.push("txt".into());
        let found = find(&[root.join("a"), root.join("a/skip/w.cable")], &more);
        assert_eq!(
            found.files,
            vec![
                root.join("a/skip/w.cable"),
                root.join("a/x.cable"),
                root.join("a/y.tel"),
                root.join("a/z.txt")
            ]
        );
        assert!(found.errors.is_empty());
    }

    #[test]
    fn a_missing_path_is_an_error_and_the_rest_is_found() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("x.cable"), "").unwrap();
        let missing = tmp.path().join("nope");
        let found = find(&[missing.clone(), tmp.path().to_path_buf()], &exts());
        assert_eq!(found.files, vec![tmp.path().join("x.cable")]);
        assert_eq!(
            found.errors,
            vec![(missing, "no such file or directory".to_string())]
        );
    }

    /// Today's order: the files [`find`] gives and the paths it could not read, sorted by the
    /// shown path as a string, as `check` sorts what it reports.
    fn listed_order(root: &Path) -> Vec<String> {
        let found = find(&[root.to_path_buf()], &exts());
        let mut shown: Vec<String> = found
            .files
            .iter()
            .map(|p| p.display().to_string())
            .chain(found.errors.iter().map(|(p, _)| p.display().to_string()))
            .collect();
        shown.sort();
        shown
    }

    #[test]
    fn the_streaming_walk_gives_the_order_of_the_sorted_list() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        // Names that sort differently as paths (by component) and as strings: `-`, `.`, space
        // and `!` sort before `/`, so `a-b.cable` comes before the files under `a/` as strings.
        let dirs = [
            "a", "a/b", "a-b", "a.d", "a b", "a!", "a0", "ab", "A", "é", "x", "x/x", "x/x-", "x-",
            "x--", "z.cable",
        ];
        for d in dirs {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        let files = [
            "a.cable",
            "a-b.cable",
            "a b.cable",
            "a!.cable",
            "a0.cable",
            "ab.cable",
            "A.cable",
            "é.cable",
            "a/1.cable",
            "a/b.cable",
            "a/b/c.cable",
            "a/b-c.cable",
            "a-b/1.cable",
            "a.d/1.cable",
            "a b/1.cable",
            "a!/1.cable",
            "a0/1.cable",
            "ab/1.cable",
            "A/1.tel",
            "é/1.cable",
            "x/x/1.cable",
            "x/x-/1.cable",
            "x/x-.cable",
            "x/x.cable",
            "x-/1.cable",
            "x--/1.cable",
            "x-.cable",
            "z.cable/1.cable",
            "z.cable.cable",
            "skip.txt",
        ];
        for f in files {
            std::fs::write(root.join(f), "").unwrap();
        }
        let want = listed_order(root);
        assert_eq!(want.len(), files.len() - 1);
        let got: Vec<String> = SortedWalk::new(root, &exts(), WalkOrder::Shown)
            .map(|w| w.display().to_string())
            .collect();
        assert_eq!(got, want);
        // The order of the paths differs; `inspect` lists in that one.
        let by_path = find(&[root.to_path_buf()], &exts()).files;
        let by_path: Vec<String> = by_path.iter().map(|p| p.display().to_string()).collect();
        assert_ne!(by_path, want);
        let got: Vec<String> = SortedWalk::new(root, &exts(), WalkOrder::Path)
            .map(|w| w.display().to_string())
            .collect();
        assert_eq!(got, by_path);
    }

    #[test]
    fn the_streaming_walk_gives_files_and_their_shown_paths() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("d")).unwrap();
        std::fs::write(tmp.path().join("d/x.cable"), "").unwrap();
        std::fs::write(tmp.path().join(".gitignore"), "ignored.cable\n").unwrap();
        std::fs::write(tmp.path().join("ignored.cable"), "").unwrap();
        let got: Vec<Walked> = SortedWalk::new(tmp.path(), &exts(), WalkOrder::Shown).collect();
        let path = tmp.path().join("d/x.cable");
        let shown = path.display().to_string();
        assert_eq!(got, vec![Walked::File(path, shown)]);
    }

    #[test]
    fn a_directory_is_passed_by_what_sorts_after_it_and_a_slash() {
        assert!(passed("r/a", "r/b"));
        assert!(passed("r/a", "r/a0"));
        assert!(passed("r/a", "r/a/b/"));
        assert!(!passed("r/a", "r/a/"));
        assert!(!passed("r/a", "r/a-b.cable"));
        assert!(!passed("r/a", "r/a"));
        assert!(!passed("r/b", "r/a/z"));
    }

    #[test]
    fn paths_are_tidied() {
        assert_eq!(tidy(Path::new("./a/b.cable")), PathBuf::from("a/b.cable"));
        assert_eq!(tidy(Path::new(".")), PathBuf::from("."));
        assert_eq!(tidy(Path::new("a.cable")), PathBuf::from("a.cable"));
    }
}
