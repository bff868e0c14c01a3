//! ## What it does
//! Reports, across the cables checked together, two different cables of one post that carry the
//! same banner serial in the same year (the year of their date-time groups; drafts without one are
//! compared with the other undated drafts). Copies of one cable are not two cables: a received copy
//! and the original, a retransmission by another post, or the sections of one cable in separate
//! files share the serial rightly. Two cables are taken for copies of one when their SUBJECTs are the
//! same (in letters and digits, or one the start of the other, as the release joins a line onto a
//! SUBJECT or cuts it) or, when either has none, their date-time groups; they are reported only when
//! these say they differ. Each cable of the pair gets the finding, naming the other file.
//!
//! The rule runs only when several files are checked together (`cablelint check drafts/`).
//!
//! ## Why
//! A post numbers its cables in one series a year; the serial, with the post and the year, is the
//! cable's identity (`07TOKYO2232`), the number other cables cite in `REF` and the DE line repeats.
//! Two drafts with one serial, most often a draft copied from the last one and edited, would go out
//! as two cables that readers and references cannot tell apart.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! …
//! SUBJECT: JAPAN-ROK TALKS ON FISHERIES RESUME
//! ```
//! ```cable
//! DE RUEHKO #2232/01 1380920
//! …
//! O 180920Z MAY 07
//! …
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE 3687
//! INFO RUEHBJ/AMEMBASSY BEIJING PRIORITY 7041
//! RUEHUL/AMEMBASSY SEOUL PRIORITY 5513
//!
//! C O N F I D E N T I A L TOKYO 002232
//! …
//! SUBJECT: JAPAN: FOREIGN MINISTER TO VISIT SEOUL
//! ```
//! Use instead (the second cable takes the next serial):
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! ```
//! ```cable
//! DE RUEHKO #2233/01 1380920
//! …
//! C O N F I D E N T I A L TOKYO 002233
//! ```
use std::collections::HashMap;

use super::{describe, name_list, CableKey, SetContext};
use crate::syntax::{CableId, DocumentKind};

pub fn check_set(ctx: &SetContext) {
    let members = ctx.members();
    // The cables of each id; an undated id only among drafts, which a folder holds undated.
    let mut by_id: HashMap<&CableId, Vec<usize>> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        if let Some(id) = &m.summary.id {
            if id.year.is_some() || m.summary.kind == DocumentKind::Draft {
                by_id.entry(id).or_default().push(i);
            }
        }
    }
    let mut groups: Vec<(&CableId, Vec<usize>)> =
        by_id.into_iter().filter(|(_, v)| v.len() > 1).collect();
    groups.sort();
    for (id, cables) in groups {
        let keys: Vec<CableKey> = cables
            .iter()
            .map(|&i| CableKey::of(members[i].summary))
            .collect();
        // Copies of one cable, however many, are settled at once.
        if keys.iter().all(|k| *k == keys[0]) && keys[0].same(&keys[0]) != Some(false) {
            continue;
        }
        for (at, &i) in cables.iter().enumerate() {
            if !ctx.reports_on(i) {
                continue;
            }
            let others: Vec<String> = cables
                .iter()
                .zip(&keys)
                .filter(|&(&j, key)| j != i && keys[at].same(key) == Some(false))
                .map(|(&j, _)| describe(&members[j]))
                .collect();
            if others.is_empty() {
                continue;
            }
            let s = members[i].summary;
            let year = match id.year {
                Some(y) => format!("of {y}"),
                None => "(undated)".to_string(),
            };
            ctx.report(
                i,
                s.id_range.unwrap_or(s.anchor),
                format!(
                    "serial {} of {} {year} is also the serial of another cable: {}",
                    id.number,
                    id.key,
                    name_list(&others)
                ),
            );
        }
    }
}
