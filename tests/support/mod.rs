//! Helpers shared by the tests over the real cables of `../shared` (`corpus.rs`,
//! `format_corpus.rs`).

#![allow(dead_code)]

use std::path::PathBuf;

/// Every `*.txt` cable of `../shared/<folder>` as `(file name, text)`, sorted by name, the text
/// read leniently (invalid UTF-8 replaced). `None`, with a notice naming `what` was skipped, when
/// the folder is absent.
pub fn shared_cables(folder: &str, what: &str) -> Option<Vec<(String, String)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        #[allow(clippy::print_stdout)]
        {
            println!("NOTICE: {} is absent; {what} skipped", dir.display());
        }
        return None;
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    Some(
        files
            .into_iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let bytes = std::fs::read(&p).expect("corpus file is readable");
                (name, String::from_utf8_lossy(&bytes).into_owned())
            })
            .collect(),
    )
}
