//! ## What it does
//! Reports, across the cables checked together, a `REF` item that cites a cable of a series the
//! checked set holds, when the set does not hold that cable. A post's cables of one year are a series
//! the set holds when the set is their drafting folder: its cables of that post and year cover the
//! cited serial (it lies between the lowest and the highest of them) and they are at least two and
//! at least half of the serials in that stretch, or the post is the `[draft]` post of the citing
//! file's `cablelint.toml`, whose folder is its drafting folder, and the year is the drafting year
//! (of `date =` in `cablelint.toml` or `--date`, else today's; the post's cables of earlier years
//! kept there are an archive). A reference to a cable outside
//! such a series (another post's, an older one, one beyond the last the set holds) is not judged:
//! the set was never meant to hold it. References without a year take the citing cable's.
//!
//! The rule runs only when several files are checked together (`cablelint check drafts/`).
//!
//! ## Why
//! In a folder where a post drafts its cables, a reference to one of them that is not there is
//! most often a mistyped serial (`TOKYO 2213` for `TOKYO 2231`), or a draft renumbered after it was
//! cited; the reader who follows it finds another cable or none. Cables gathered from elsewhere (a
//! sample of a release, a reading folder) hold a post's cables far apart, and are not judged.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002230
//! ```
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! …
//! REF: TOKYO 2231
//! ```
//! Use instead (the cable the folder holds):
//! ```cable
//! C O N F I D E N T I A L TOKYO 002230
//! ```
//! ```cable
//! REF: TOKYO 2230
//! ```
use std::collections::{HashMap, HashSet};

use super::SetContext;
use crate::syntax::DocumentKind;

pub fn check_set(ctx: &SetContext) {
    let members = ctx.members();
    // The serials the set holds, by origin and year (undated only among drafts, as ids are grouped
    // for `duplicate-serial`).
    let mut series: HashMap<(&str, Option<i32>), Vec<u32>> = HashMap::new();
    for m in members {
        if let Some(id) = &m.summary.id {
            if id.year.is_some() || m.summary.kind == DocumentKind::Draft {
                series
                    .entry((&id.key, id.year))
                    .or_default()
                    .push(id.number);
            }
        }
    }
    for serials in series.values_mut() {
        serials.sort_unstable();
        serials.dedup();
    }
    let held: HashSet<(&str, Option<i32>, u32)> = series
        .iter()
        .flat_map(|(&(key, year), serials)| serials.iter().map(move |&n| (key, year, n)))
        .collect();
    for (i, m) in members.iter().enumerate() {
        if !ctx.reports_on(i) {
            continue;
        }
        for r in m.summary.refs.iter() {
            let (key, year, n) = (r.id.key.as_str(), r.id.year, r.id.number);
            if held.contains(&(key, year, n)) {
                continue;
            }
            let Some(serials) = series.get(&(key, year)) else {
                continue;
            };
            let (Some(&low), Some(&high)) = (serials.first(), serials.last()) else {
                continue;
            };
            if n < low || n > high {
                continue;
            }
            let stretch = (high - low + 1) as usize;
            let folder = serials.len() >= 2 && 2 * serials.len() >= stretch;
            // The `[draft]` post's folder holds its cables of the drafting year; older ones kept
            // beside them are an archive, judged only as any other series.
            let drafting_year = crate::vocab::Date::given_or_today(m.settings.drafting_date).year;
            let drafting = m.settings.drafting_post.as_deref() == Some(key)
                && year.is_none_or(|y| y == drafting_year);
            if !(folder || drafting) {
                continue;
            }
            let year_text = match year {
                Some(y) => format!("of {y}"),
                None => "(undated)".to_string(),
            };
            ctx.report(
                i,
                r.range,
                format!(
                    "cites {}, which the checked files do not hold, though they hold {key}'s cables {low} to {high} {year_text} ({} of them)",
                    r.id.id(),
                    serials.len()
                ),
            );
        }
    }
}
