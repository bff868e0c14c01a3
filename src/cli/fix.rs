//! `--fix`: writing a fixed file atomically. The fixes themselves are applied by the engine's
//! [`crate::workspace::fix`], and `--diff` shows them with [`crate::formatter::unified_diff`].

use std::io::{self, Write};
use std::path::Path;

/// Replaces a file's contents, losing nothing: `original` is what was read from it and `contents`
/// what is to be written.
///
/// - A symbolic link is followed, so the link stays a link and its target gets the new contents.
/// - A read-only file is refused and left as it is: renaming over it would succeed whenever the
///   directory is writable, and root may write anything, so the file's own mode is checked (on
///   Unix, the owner's write bit), and so is whether this user may open it for writing.
/// - A file whose contents are no longer `original` (another program wrote it since it was read)
///   is refused and left as it is, the comparison made just before the new contents replace it.
/// - Usually the new contents go to a temporary file in the same directory, which takes the old
///   file's mode, owner and group and is then renamed over it (atomic). A file with other hard
///   links, or whose owner and group this user cannot give to a new file, is written in place
///   instead, so that the links share the new contents and the owner, group and mode stay.
pub fn write_atomically(path: &Path, original: &[u8], contents: &[u8]) -> io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let meta = std::fs::metadata(&target)?;
    let permissions = meta.permissions();
    if is_read_only(&permissions) {
        return Err(io::Error::other(
            "the file is read-only (its owner may not write it); it was left as it was",
        ));
    }
    // Whether this user may write the file at all (opening changes nothing).
    std::fs::OpenOptions::new().write(true).open(&target)?;
    if hard_linked(&meta) {
        return write_in_place(&target, original, contents);
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".cablelint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.as_file().set_permissions(permissions)?;
    if !give_owner(tmp.as_file(), &meta) {
        drop(tmp);
        return write_in_place(&target, original, contents);
    }
    ensure_unchanged(&target, original)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Writes new contents into the file itself (its inode keeps its links, owner, group and mode).
fn write_in_place(target: &Path, original: &[u8], contents: &[u8]) -> io::Result<()> {
    ensure_unchanged(target, original)?;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(target)?;
    f.write_all(contents)?;
    f.sync_all()
}

/// Fails when the file no longer holds what was read from it.
fn ensure_unchanged(target: &Path, original: &[u8]) -> io::Result<()> {
    test_hook_change(target)?;
    let now = std::fs::read(target)?;
    if now != original {
        return Err(io::Error::other(
            "the file changed since cablelint read it; it was left as it is now (run cablelint again)",
        ));
    }
    Ok(())
}

/// With `CABLELINT_TEST_HOOKS=1`, appends `CABLELINT_TEST_APPEND_BEFORE_WRITE` to the file just
/// before the check for changes: another program writing the file while cablelint runs.
fn test_hook_change(target: &Path) -> io::Result<()> {
    if std::env::var("CABLELINT_TEST_HOOKS").is_ok_and(|v| v == "1") {
        if let Ok(extra) = std::env::var("CABLELINT_TEST_APPEND_BEFORE_WRITE") {
            let mut f = std::fs::OpenOptions::new().append(true).open(target)?;
            f.write_all(extra.as_bytes())?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn hard_linked(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.nlink() > 1
}

#[cfg(not(unix))]
fn hard_linked(_meta: &std::fs::Metadata) -> bool {
    false
}

/// Gives a new file the owner and group of the old one; `false` when this user cannot.
#[cfg(unix)]
fn give_owner(file: &std::fs::File, old: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(new) = file.metadata() else {
        return false;
    };
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return true;
    }
    std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_ok()
}

#[cfg(not(unix))]
fn give_owner(_file: &std::fs::File, _old: &std::fs::Metadata) -> bool {
    true
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
        write_atomically(&link, b"old", b"new").unwrap();
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
        let e = write_atomically(&file, b"old", b"new").unwrap_err();
        assert!(e.to_string().contains("read-only"), "{e}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "old");
        // The owner's write bit is what counts, whoever runs the check.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_atomically(&file, b"old", b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_left_as_it_is() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("x.cable");
        std::fs::write(&file, "old\nappended\n").unwrap();
        let e = write_atomically(&file, b"old\n", b"new\n").unwrap_err();
        assert!(e.to_string().contains("changed since"), "{e}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "old\nappended\n");
    }

    #[test]
    fn hard_links_share_the_new_contents() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("x.cable");
        std::fs::write(&file, "old").unwrap();
        let link = tmp.path().join("hard.cable");
        std::fs::hard_link(&file, &link).unwrap();
        write_atomically(&link, b"old", b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
        let (a, b) = (
            std::fs::metadata(&file).unwrap(),
            std::fs::metadata(&link).unwrap(),
        );
        assert_eq!(a.ino(), b.ino(), "still one file");
        assert_eq!(a.nlink(), 2);
    }

    #[test]
    fn the_owner_and_group_are_kept() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("x.cable");
        std::fs::write(&file, "old").unwrap();
        // Owned by someone else: only root may do this, and then the test is meaningful (a
        // rename would leave the file owned by root).
        if std::os::unix::fs::chown(&file, Some(65534), Some(65534)).is_err() {
            return;
        }
        write_atomically(&file, b"old", b"new").unwrap();
        let meta = std::fs::metadata(&file).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
    }
}
