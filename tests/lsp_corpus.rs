//! The editor answers over the real cables of `../shared/corpus` (reported as ignored when it is
//! absent: see `build.rs`): no panic anywhere, and the invariants the protocol layer relies on hold
//! for every answer — completion ranges hold the cursor and stay on its line, symbols nest, folds
//! span lines, semantic tokens are ordered, disjoint and one line each, hovers cover the cursor.

mod support;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use rayon::prelude::*;

use cablelint::data::Tables;
use cablelint::ide::{self, DateTime};
use cablelint::rules::Settings;
use cablelint::vocab::Date;
use cablelint::workspace::{Analysis, TablesRef};

fn check_symbol(text: &str, s: &ide::Symbol) {
    assert!(
        s.range.start <= s.selection_range.start && s.selection_range.end <= s.range.end,
        "selection outside its symbol: {s:?}"
    );
    assert!(s.range.end() <= text.len());
    for c in &s.children {
        assert!(
            s.range.start <= c.range.start && c.range.end <= s.range.end,
            "child outside its parent: {c:?} in {s:?}"
        );
        check_symbol(text, c);
    }
}

#[allow(clippy::print_stderr)]
#[test]
#[cfg_attr(
    shared_corpus_absent,
    ignore = "needs ../shared/corpus, which is absent"
)]
fn every_answer_is_well_formed_on_the_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let tables = Tables::builtin();
    let settings = Arc::new(Settings::default());
    let now = DateTime {
        date: Date::new(2010, 2, 1).unwrap(),
        hour: 12,
        minute: 0,
    };
    let paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    let files = AtomicUsize::new(0);
    let answers = AtomicUsize::new(0);
    paths.par_iter().for_each(|path| {
        let Ok(bytes) = std::fs::read(path) else {
            return;
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return;
        };
        files.fetch_add(1, Ordering::Relaxed);
        let analysis = Analysis::new(
            Arc::from(text.as_str()),
            settings.clone(),
            TablesRef::Builtin,
        );
        let cable = analysis.cable();
        let diags = analysis.diagnostics();
        for s in ide::document_symbols(cable) {
            check_symbol(&text, &s);
        }
        for f in ide::folding_ranges(cable) {
            assert!(
                cable.line_index.line_of(f.range.start()) < cable.line_index.line_of(f.range.end())
            );
        }
        let tokens = ide::semantic_tokens(cable, tables);
        for pair in tokens.windows(2) {
            assert!(pair[0].range.end <= pair[1].range.start, "{:?}", path);
        }
        for t in &tokens {
            let s = &text[t.range.as_range()];
            assert!(
                !s.is_empty() && !s.contains(['\n', '\r']),
                "{:?}: {t:?}",
                path
            );
        }
        // Fix-all gives what `check --fix` gives, through the same engine.
        if let Some(a) = ide::fix_all(&analysis) {
            let fixed = support::apply_edits(&text, &a.edits);
            assert_eq!(fixed, analysis.fix_all().text, "{path:?}");
        }
        // The cursor at the start and end of the first 40 lines (where the header and the
        // labels are) and at every 127th byte.
        let mut offsets: Vec<usize> = (0..cable.line_index.line_count().min(40))
            .filter_map(|l| cable.line_index.line_range(&text, l))
            .flat_map(|r| [r.start(), r.end()])
            .collect();
        offsets.extend(
            (0..text.len())
                .step_by(127)
                .filter(|&o| text.is_char_boundary(o)),
        );
        for offset in offsets {
            let line = cable.line_index.line_of(offset);
            let c = ide::completions(cable, tables, offset, now);
            for item in &c.items {
                let r = item.replace;
                assert!(
                    r.start() <= offset && offset <= r.end(),
                    "{:?} at {offset}: {item:?}",
                    path
                );
                assert_eq!(
                    cable.line_index.line_of(r.end()),
                    line,
                    "{:?}: {item:?}",
                    path
                );
                assert!(text.is_char_boundary(r.start()) && text.is_char_boundary(r.end()));
            }
            if let Some(h) = ide::hover(cable, tables, diags, offset) {
                assert!(
                    h.range.contains_inclusive(offset),
                    "{:?} at {offset}: {h:?}",
                    path
                );
                assert!(!h.markdown.is_empty());
            }
            let _ = ide::code_actions(cable, diags, cablelint::syntax::TextRange::empty(offset));
            let _ = ide::ref_at(cable, offset);
            answers.fetch_add(1, Ordering::Relaxed);
        }
    });
    let (files, answers) = (files.into_inner(), answers.into_inner());
    eprintln!("{files} cables, {answers} cursor positions checked");
    assert!(files > 0);
}
