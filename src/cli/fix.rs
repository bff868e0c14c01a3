//! `--fix` and `--diff`: writing a fixed file atomically and showing the changes as a diff. The
//! fixes themselves are applied by the engine's [`crate::workspace::fix`].

use std::io::{self, Write};
use std::path::Path;

/// Replaces a file's contents atomically: the new contents go to a temporary file in the same
/// directory, which takes the old file's permissions and is then renamed over it. A symbolic link
/// is followed, so the link stays a link.
///
/// A read-only file is refused and left as it is: renaming over it would succeed whenever the
/// directory is writable, and root may write anything, so the file's own mode is checked (on Unix,
/// the owner's write bit).
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let permissions = std::fs::metadata(&target)?.permissions();
    if is_read_only(&permissions) {
        return Err(io::Error::other(
            "the file is read-only (its owner may not write it); it was left as it was",
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".cablelint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.as_file().set_permissions(permissions)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn is_read_only(permissions: &std::fs::Permissions) -> bool {
    use std::os::unix::fs::PermissionsExt;
    permissions.mode() & 0o200 == 0
}

#[cfg(not(unix))]
fn is_read_only(permissions: &std::fs::Permissions) -> bool {
    permissions.readonly()
}

/// A unified diff between the old and new text of a file, empty when they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_keeps_permissions_and_links() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("x.cable");
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = tmp.path().join("link.cable");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn read_only_files_are_refused_and_kept() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("x.cable");
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
        let e = write_atomically(&file, b"new").unwrap_err();
        assert!(e.to_string().contains("read-only"), "{e}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "old");
        // The owner's write bit is what counts, whoever runs the check.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_atomically(&file, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
    }

    #[test]
    fn diffs() {
        assert_eq!(unified_diff("x", "a\n", "a\n"), "");
        let d = unified_diff("x.cable", "a\nb\n", "a\nc\n");
        assert_eq!(
            d,
            "--- a/x.cable\n+++ b/x.cable\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
        );
    }
}
