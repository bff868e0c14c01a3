//! Bytes → text: the checks every reader of a cable file makes before the text reaches the parser
//! (`cablelint check`, `fmt`, `inspect`, `new`'s folder scan and the language server's workspace
//! index all read files here, so that they take and refuse the same files).
//!
//! A UTF-8 byte-order mark is removed (and put back when a fixed file is written). A file that
//! starts with a UTF-16 or UTF-32 byte-order mark (Windows Notepad's "Unicode") is refused with
//! the encoding named and what to do, as every other encoding is refused, not decoded (a Latin-1
//! file is not UTF-8); a file with a NUL byte is binary, not a cable; a file that is not UTF-8 is
//! refused with the offset of the first bad byte; a file too large for the engine's 32-bit offsets is refused before it is read.
//! Every error is a short message without the path; the caller adds it.

use std::io::Read;
use std::path::Path;

use crate::config::describe_io_error;

/// The largest text the engine's byte offsets (`u32`) can address.
pub const MAX_LEN: u64 = u32::MAX as u64;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The byte-order marks of the other Unicode encodings, longest first (the UTF-32 little-endian
/// mark starts with the UTF-16 one), and the encoding each starts.
const OTHER_BOMS: [(&[u8], &str); 4] = [
    (b"\xFF\xFE\x00\x00", "UTF-32"),
    (b"\x00\x00\xFE\xFF", "UTF-32"),
    (b"\xFF\xFE", "UTF-16"),
    (b"\xFE\xFF", "UTF-16"),
];

/// A decoded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub text: String,
    /// Whether the file started with a byte-order mark, which `text` no longer has.
    pub bom: bool,
}

/// The bytes to write back for a (possibly fixed) text of a file that had a byte-order mark or not.
pub fn encode(bom: bool, text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if bom {
        out.extend_from_slice(BOM);
    }
    out.extend_from_slice(text.as_bytes());
    out
}

/// Reads and decodes a file. Only regular files are read (a symbolic link to one is followed): a
/// device such as `/dev/zero` reports a size of 0 and never ends, and opening a FIFO waits for a
/// writer, so they are refused before they are opened. No more than [`MAX_LEN`] bytes are read,
/// whatever the size said.
pub fn read_file(path: &Path) -> Result<Source, String> {
    read_file_within(path, MAX_LEN).map_err(|e| match e {
        ReadError::TooLarge(len) => too_large(len),
        ReadError::Refused(why) => why,
    })
}

/// Why [`read_file_within`] did not give a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The file is larger than the limit: its size in bytes (at least the limit plus one).
    TooLarge(u64),
    /// It could not be read, or is not a cable's text (binary, not UTF-8): why, in a few words.
    Refused(String),
}

/// [`read_file`] with a size limit of `max` bytes (at most [`MAX_LEN`]): a larger file is
/// [`ReadError::TooLarge`], told apart from the other refusals for readers (the workspace index)
/// that report it on its own.
pub fn read_file_within(path: &Path, max: u64) -> Result<Source, ReadError> {
    let max = max.min(MAX_LEN);
    let refused = |e: std::io::Error| ReadError::Refused(describe_io_error(&e));
    // The file is opened first and its kind asked of the open file, which looks the path up once
    // (a `stat` and then an `open` looked it up twice, a few per cent of a large run). Opening
    // without blocking keeps a FIFO from waiting for a writer; nothing but a regular file is read.
    let file = match open_without_blocking(path) {
        Ok(file) => file,
        // A socket cannot be opened at all (`ENXIO`): its kind, when the path has one, says more
        // than the error does.
        Err(e) => {
            return Err(std::fs::metadata(path)
                .ok()
                .and_then(|meta| not_a_regular_file(&meta))
                .unwrap_or_else(|| refused(e)))
        }
    };
    let meta = file.metadata().map_err(refused)?;
    if let Some(refusal) = not_a_regular_file(&meta) {
        return Err(refusal);
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(refused)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    decode(bytes).map_err(ReadError::Refused)
}

/// Why a file of this kind is not read (a directory, a device, a FIFO, a socket), or `None` for a
/// regular file.
fn not_a_regular_file(meta: &std::fs::Metadata) -> Option<ReadError> {
    if meta.is_dir() {
        return Some(ReadError::Refused("is a directory".to_string()));
    }
    (!meta.is_file()).then(|| {
        ReadError::Refused(format!(
            "not a regular file ({}); cablelint reads only regular files",
            special_kind(meta)
        ))
    })
}

/// Opens a file for reading without waiting on a FIFO that has no writer.
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// What a file that is neither a directory nor a regular file is.
#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &std::fs::Metadata) -> &'static str {
    "a special file"
}

/// Reads and decodes standard input.
pub fn read_stdin() -> Result<Source, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_LEN + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| describe_io_error(&e))?;
    if bytes.len() as u64 > MAX_LEN {
        return Err(too_large(bytes.len() as u64));
    }
    decode(bytes)
}

fn too_large(len: u64) -> String {
    format!("file too large ({len} bytes; cablelint reads files of up to {MAX_LEN} bytes)")
}

/// Decodes bytes as a cable's text.
pub fn decode(mut bytes: Vec<u8>) -> Result<Source, String> {
    if let Some((_, encoding)) = OTHER_BOMS.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        return Err(format!("{encoding} text; save it as UTF-8"));
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err("binary file, not a cable".to_string());
    }
    let bom = bytes.starts_with(BOM);
    if bom {
        bytes.drain(..BOM.len());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source { text, bom }),
        Err(e) => Err(format!(
            "not valid UTF-8 (first invalid byte at offset {})",
            e.utf8_error().valid_up_to() + if bom { BOM.len() } else { 0 }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_and_without_a_bom() {
        let s = decode(b"\xEF\xBB\xBFUNCLAS\r\n".to_vec()).unwrap();
        assert_eq!(s.text, "UNCLAS\r\n");
        assert!(s.bom);
        assert_eq!(encode(s.bom, "X"), b"\xEF\xBB\xBFX");
        let s = decode("¶1. (U)".as_bytes().to_vec()).unwrap();
        assert!(!s.bom);
        assert_eq!(encode(s.bom, &s.text), "¶1. (U)".as_bytes());
        assert_eq!(decode(Vec::new()).unwrap().text, "");
    }

    #[test]
    fn bad_bytes_are_refused_with_a_reason() {
        assert_eq!(
            decode(b"UNCLAS\n\xE9t\xE9".to_vec()).unwrap_err(),
            "not valid UTF-8 (first invalid byte at offset 7)"
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\xFF".to_vec()).unwrap_err(),
            "not valid UTF-8 (first invalid byte at offset 5)"
        );
        assert_eq!(
            decode(b"U\x00N\x00".to_vec()).unwrap_err(),
            "binary file, not a cable"
        );
    }

    #[test]
    fn utf16_and_utf32_are_named() {
        for (bytes, encoding) in [
            (&b"\xFF\xFEU\x00N\x00"[..], "UTF-16"),
            (b"\xFE\xFF\x00U\x00N", "UTF-16"),
            (b"\xFF\xFE", "UTF-16"),
            (b"\xFF\xFE\x00\x00U\x00\x00\x00", "UTF-32"),
            (b"\x00\x00\xFE\xFF\x00\x00\x00U", "UTF-32"),
        ] {
            assert_eq!(
                decode(bytes.to_vec()).unwrap_err(),
                format!("{encoding} text; save it as UTF-8")
            );
        }
    }
}
