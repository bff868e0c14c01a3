use super::*;

/// An invented cable of `origin` with `serial`, dated in 2026, citing `refs` (written as a REF
/// block's items) and carrying `tags` and `subject`.
fn cable(origin: &str, serial: &str, refs: &str, tags: &str, subject: &str) -> String {
    let refs = if refs.is_empty() {
        String::new()
    } else {
        format!("REF: {refs}\n\n")
    };
    format!(
        "VZCZCXRO0001\nRR RUEHC\nDE RUEHNY #0001 3350900\nZNR UUUUU ZZH\nR 010900Z DEC 26\n\
         FM AMEMBASSY {origin}\nTO RUEHC/SECSTATE WASHDC 0044\n\nUNCLAS {origin} {serial}\n\n\
         E.O. 12958: N/A\nTAGS: {tags}\nSUBJECT: {subject}\n\n{refs}1. (U) Text.\n"
    )
}

fn id(key: &str, number: u32, year: Option<i32>) -> CableId {
    CableId {
        key: key.to_string(),
        number,
        year,
    }
}

#[test]
fn a_scan_indexes_the_cable_files_check_finds_and_answers_across_them() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("sub/skip")).unwrap();
    std::fs::write(root.join(".gitignore"), "skip/\n").unwrap();
    let first = cable("OSLO", "000198", "", "PREL NO", "NORWAY: WHALING QUOTAS");
    let second = cable(
        "OSLO",
        "000217",
        "A. OSLO 198",
        "PGOV NO",
        "NORWAY: A NEW CABINET",
    );
    let third = cable(
        "STOCKHOLM",
        "000012",
        "A. 26 OSLO 198 B. OSLO 217",
        "PREL SW",
        "SWEDEN",
    );
    std::fs::write(root.join("a.cable"), &first).unwrap();
    std::fs::write(root.join("sub/b.tel"), &second).unwrap();
    std::fs::write(root.join("sub/c.cable"), &third).unwrap();
    // Not a cable's extension, and an ignored folder.
    std::fs::write(root.join("notes.txt"), &first).unwrap();
    std::fs::write(root.join("sub/skip/d.cable"), &first).unwrap();

    let mut index = WorkspaceIndex::new(IndexLimits::default());
    let scan = WorkspaceIndex::scan(&[root.to_path_buf()], DEFAULT_EXTENSIONS, index.limits(), 0);
    let report = index.merge_scan(scan);
    assert_eq!(report.indexed, 3);
    assert!(report.messages(index.limits()).is_empty());

    let found = index.find(&id("OSLO", 198, Some(2026)));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, root.join("a.cable"));
    assert!(first[found[0].range.as_range()].starts_with("UNCLAS OSLO 000198"));
    assert!(index.find(&id("OSLO", 198, Some(2025))).is_empty());

    let citing = index.cited_by(&id("OSLO", 198, Some(2026)));
    let paths: Vec<_> = citing.iter().map(|l| l.path.clone()).collect();
    assert_eq!(paths, [root.join("sub/b.tel"), root.join("sub/c.cable")]);
    assert_eq!(&second[citing[0].range.as_range()], "OSLO 198");
    assert_eq!(&third[citing[1].range.as_range()], "26 OSLO 198");
    assert_eq!(index.cited_by_count(&id("OSLO", 198, Some(2026))), 2);
    assert_eq!(index.cited_by_count(&id("OSLO", 217, Some(2026))), 1);
    assert_eq!(index.cited_by_count(&id("OSLO", 198, Some(2024))), 0);

    // Search: the id first, then parts of ids, TAGS codes and subject words.
    let hits = index.search("26oslo198", 10);
    assert_eq!(hits[0].id.as_deref(), Some("26OSLO198"));
    assert_eq!(hits[0].rank, 0);
    let hits = index.search("PGOV", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].path, root.join("sub/b.tel"));
    let hits = index.search("whal quot", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].subject.as_deref(), Some("NORWAY: WHALING QUOTAS"));
    let hits = index.search("oslo", 10);
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.rank == 1));
    assert_eq!(index.search("", 2).len(), 2);
    assert!(index.search("nothing like it", 10).is_empty());

    // The folder's serials, for the skeleton: the files under the folder, subfolders included (the
    // root holds OSLO 198, sub/ OSLO 217).
    assert_eq!(index.folder_state(root).next_serial("OSLO", 2026), 218);
    assert_eq!(
        index
            .folder_state(&root.join("sub"))
            .next_serial("OSLO", 2026),
        218
    );
}

#[test]
fn a_buffer_wins_over_the_disk_until_closed_and_changes_are_incremental() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let path = root.join("a.cable");
    std::fs::write(&path, cable("OSLO", "000198", "", "PREL", "ONE")).unwrap();
    let mut index = WorkspaceIndex::new(IndexLimits::default());
    let scan = WorkspaceIndex::scan(&[root.to_path_buf()], DEFAULT_EXTENSIONS, index.limits(), 0);
    index.merge_scan(scan);
    assert_eq!(index.find(&id("OSLO", 198, None)).len(), 1);

    // The buffer says 199; a change on disk does not overrule it.
    assert!(index.update(
        &path,
        &cable("OSLO", "000199", "", "PREL", "ONE"),
        Source::Buffer(2)
    ));
    std::fs::write(&path, cable("OSLO", "000200", "", "PREL", "ONE")).unwrap();
    index.refresh_from_disk(&path).unwrap();
    assert!(index.find(&id("OSLO", 198, None)).is_empty());
    assert_eq!(index.find(&id("OSLO", 199, None)).len(), 1);
    // Closed: the disk again.
    index.close(&path, true).unwrap();
    assert_eq!(index.find(&id("OSLO", 200, None)).len(), 1);
    assert!(index.find(&id("OSLO", 199, None)).is_empty());

    // A scan that started before a change does not undo it.
    let started = index.epoch();
    let stale = WorkspaceIndex::scan(
        &[root.to_path_buf()],
        DEFAULT_EXTENSIONS,
        index.limits(),
        started,
    );
    std::fs::remove_file(&path).unwrap();
    index.refresh_from_disk(&path).unwrap();
    assert!(index.is_empty());
    index.merge_scan(stale);
    assert!(index.is_empty(), "the deleted file came back");
}

#[test]
fn limits_leave_files_out_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for i in 0..3 {
        std::fs::write(
            root.join(format!("{i}.cable")),
            cable("OSLO", &format!("00000{i}"), "", "PREL", "X"),
        )
        .unwrap();
    }
    std::fs::write(root.join("big.cable"), "X".repeat(2000)).unwrap();
    let limits = IndexLimits {
        max_files: 2,
        max_file_bytes: 1000,
    };
    let mut index = WorkspaceIndex::new(limits);
    let report = index.merge_scan(WorkspaceIndex::scan(
        &[root.to_path_buf()],
        DEFAULT_EXTENSIONS,
        limits,
        0,
    ));
    assert_eq!(index.len(), 2);
    let messages = report.messages(limits).join("\n");
    assert!(
        messages.contains("2 cable files left out: the index holds at most 2 files"),
        "{messages}"
    );
    // A file past the cap is refused by an update too.
    let extra = root.join("new.cable");
    assert!(!index.update(&extra, "UNCLAS OSLO 000009\n", Source::Disk));
    assert_eq!(index.len(), 2);
    // The size limit, from a refresh.
    let mut roomy = WorkspaceIndex::new(IndexLimits {
        max_file_bytes: 1000,
        ..IndexLimits::default()
    });
    let err = roomy
        .refresh_from_disk(&root.join("big.cable"))
        .unwrap_err();
    assert!(
        err.contains("2000 bytes is more than the limit of 1000 bytes"),
        "{err}"
    );
    assert!(roomy.is_empty());
}

#[test]
fn the_index_refuses_the_files_check_refuses() {
    // A cable's text with a NUL byte (a binary file), one that is not UTF-8, and one with a
    // byte-order mark: the index takes and refuses them as `cablelint check` reads them.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let text = cable("OSLO", "000198", "", "PREL NO", "NORWAY: WHALING QUOTAS");
    let binary = text.replace("1. (U) Text.", "1. (U) Te\0xt.");
    std::fs::write(root.join("binary.cable"), &binary).unwrap();
    let mut latin1 = text.clone().into_bytes();
    latin1.push(0xE9);
    std::fs::write(root.join("latin1.cable"), &latin1).unwrap();
    std::fs::write(root.join("bom.cable"), format!("\u{feff}{text}")).unwrap();
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(root.join("utf16.cable"), &utf16).unwrap();

    let mut index = WorkspaceIndex::new(IndexLimits::default());
    let scan = WorkspaceIndex::scan(&[root.to_path_buf()], DEFAULT_EXTENSIONS, index.limits(), 0);
    let report = index.merge_scan(scan);
    assert_eq!(report.indexed, 1);
    let mut refused: Vec<(String, String)> = report
        .unreadable
        .iter()
        .map(|(p, why)| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                why.clone(),
            )
        })
        .collect();
    refused.sort();
    let cli = |name: &str| crate::workspace::input::read_file(&root.join(name)).unwrap_err();
    assert_eq!(
        refused,
        [
            ("binary.cable".to_string(), cli("binary.cable")),
            ("latin1.cable".to_string(), cli("latin1.cable")),
            ("utf16.cable".to_string(), cli("utf16.cable")),
        ]
    );
    assert_eq!(cli("binary.cable"), "binary file, not a cable");
    assert_eq!(cli("utf16.cable"), "UTF-16 text; save it as UTF-8");
    // The byte-order mark is not part of the text, as for `check`: the stamp is of the text alone.
    let bom = index.get(&root.join("bom.cable")).unwrap();
    assert_eq!(bom.stamp, stamp(&text));

    // A file that becomes binary on disk leaves the index, with the same reason.
    std::fs::write(root.join("bom.cable"), &binary).unwrap();
    assert_eq!(
        index.refresh_from_disk(&root.join("bom.cable")),
        Err(format!(
            "workspace index: {} left out: binary file, not a cable",
            root.join("bom.cable").display()
        ))
    );
    assert!(index.is_empty());
}
