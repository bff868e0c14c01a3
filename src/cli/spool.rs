//! The report of a format with one entry per file (`json`, `grouped`), held back while the files
//! are checked, until the cross-cable rules have run over all of them: each file's entry is written
//! as it is checked, and an entry the rules add findings to is written again with them and put in
//! its place when the report is copied out. Each file is read and checked once; only the few
//! files with cross-cable findings are read and checked a second time, at the end.
//!
//! The entries go to an unnamed temporary file (deleted when the run ends, whatever happens), so
//! that the memory of a run does not grow with its report; when no temporary file can be made
//! they are held in memory.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

/// Where the entries are held.
enum Store {
    File(BufWriter<File>),
    Memory(Vec<u8>),
}

/// The entries written so far, in the order of the files, and where each one starts.
pub struct Spool {
    store: Store,
    /// The byte offset of each entry's start, in order.
    starts: Vec<u64>,
    /// The bytes written so far.
    len: u64,
}

impl Spool {
    /// An empty spool, in a temporary file when one can be made (else in memory).
    pub fn new() -> Spool {
        let store = match tempfile::tempfile() {
            Ok(file) => Store::File(BufWriter::new(file)),
            Err(_) => Store::Memory(Vec::new()),
        };
        Spool {
            store,
            starts: Vec::new(),
            len: 0,
        }
    }

    /// Marks the start of the next file's entry and gives its index (0 for the first file).
    pub fn next_entry(&mut self) -> usize {
        self.starts.push(self.len);
        self.starts.len() - 1
    }

    /// Writes every entry to `out` in order, each entry of `replaced` (by index) instead of the
    /// one written for it.
    ///
    /// # Errors
    /// A failure to read the temporary file back or to write to `out`.
    pub fn copy_out(
        self,
        replaced: &BTreeMap<usize, Vec<u8>>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let Spool { store, starts, len } = self;
        let end_of = |i: usize| starts.get(i + 1).copied().unwrap_or(len);
        match store {
            Store::Memory(bytes) => {
                let mut at = 0;
                for (&i, entry) in replaced {
                    let (start, end) = (to_usize(starts[i]), to_usize(end_of(i)));
                    out.write_all(&bytes[at..start])?;
                    out.write_all(entry)?;
                    at = end;
                }
                out.write_all(&bytes[at..])
            }
            Store::File(writer) => {
                let mut file = writer
                    .into_inner()
                    .map_err(io::IntoInnerError::into_error)?;
                file.seek(SeekFrom::Start(0))?;
                let mut reader = BufReader::new(file);
                let mut at = 0;
                for (&i, entry) in replaced {
                    let (start, end) = (starts[i], end_of(i));
                    copy_exactly(&mut reader, start - at, out)?;
                    reader.seek_relative(i64::try_from(end - start).map_err(io::Error::other)?)?;
                    out.write_all(entry)?;
                    at = end;
                }
                copy_exactly(&mut reader, len - at, out)
            }
        }
    }
}

/// An offset of the in-memory store (which holds fewer bytes than `usize` counts).
fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// Copies `n` bytes from `reader` to `out`; an error if the reader has fewer.
fn copy_exactly(reader: &mut impl Read, n: u64, out: &mut dyn Write) -> io::Result<()> {
    let copied = io::copy(&mut reader.take(n), out)?;
    if copied == n {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the held-back report is shorter than written",
        ))
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = match &mut self.store {
            Store::File(w) => w.write(buf)?,
            Store::Memory(v) => v.write(buf)?,
        };
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.store {
            Store::File(w) => w.flush(),
            Store::Memory(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spooled(mut spool: Spool, replace: &[(usize, &str)]) -> String {
        for entry in ["a1\n", "", "c333\n", "d4\n"] {
            spool.next_entry();
            spool.write_all(entry.as_bytes()).unwrap();
        }
        let replaced = replace
            .iter()
            .map(|(i, s)| (*i, s.as_bytes().to_vec()))
            .collect();
        let mut out = Vec::new();
        spool.copy_out(&replaced, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The checker writes an entry again with a snapshot of the renderer: every format with one
    /// entry per file must give one.
    #[test]
    fn every_format_with_one_entry_per_file_gives_a_snapshot() {
        use clap::ValueEnum;
        let options = crate::cli::output::RunOptions {
            fail_on: crate::rules::Severity::Error,
            unsafe_fixes: false,
        };
        for format in crate::cli::output::OutputFormat::value_variants() {
            let r = crate::cli::output::renderer(*format, options);
            assert_eq!(r.one_entry_per_file(), r.snapshot().is_some(), "{format:?}");
        }
    }

    #[test]
    fn entries_come_out_in_order_with_the_replaced_ones_in_their_place() {
        for store in [
            || Spool::new(),
            || Spool {
                store: Store::Memory(Vec::new()),
                starts: Vec::new(),
                len: 0,
            },
        ] {
            assert_eq!(spooled(store(), &[]), "a1\nc333\nd4\n");
            assert_eq!(
                spooled(store(), &[(0, "A\n"), (2, "C\n"), (3, "D\n")]),
                "A\nC\nD\n"
            );
            assert_eq!(spooled(store(), &[(1, "B\n")]), "a1\nB\nc333\nd4\n");
        }
    }
}
