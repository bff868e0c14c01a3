//! Which files `cablelint check` reads: the files named, and the cables found under the
//! directories named (recursively, honouring `.gitignore`, `.ignore` and hidden files as `ripgrep`
//! does, inside a Git repository or not).

use std::path::{Path, PathBuf};

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
            Err(e) => found.errors.push((tidy(path), describe_io_error(&e))),
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

fn walk(root: &Path, extensions: &[String], found: &mut Found) {
    let walker = WalkBuilder::new(root).require_git(false).build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file())
                    || (entry.path_is_symlink() && entry.path().is_file());
                let wanted = entry
                    .path()
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)));
                if is_file && wanted {
                    found.files.push(tidy(entry.path()));
                }
            }
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
    let found = if walk.is_empty() {
        Found::default()
    } else {
        find(&walk, &extensions)
    };
    for w in &found.warnings {
        super::warning_line(w);
    }
    Selection {
        read_stdin,
        found,
        walked: walk,
        extensions,
    }
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

    #[test]
    fn paths_are_tidied() {
        assert_eq!(tidy(Path::new("./a/b.cable")), PathBuf::from("a/b.cable"));
        assert_eq!(tidy(Path::new(".")), PathBuf::from("."));
        assert_eq!(tidy(Path::new("a.cable")), PathBuf::from("a.cable"));
    }
}
