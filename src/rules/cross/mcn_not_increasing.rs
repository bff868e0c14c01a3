//! ## What it does
//! Reports, across the cables checked together, a message continuity number that does not follow
//! the one before it: among one post's cables (the `FM` line) to one addressee line, in the order of
//! their date-time groups (then serials and sections), a number no higher than the previous
//! cable's. Only what cannot be a
//! normal event of the counter is reported:
//!
//! - numbers `0000` (written by offices that do not number) and cables without a valid date-time
//!   group are left out;
//! - the counter restarts (at a new system or channel, after 9999): a number of 1, a fall of 100 or
//!   more, or to less than half the number before is a restart, not a fault;
//! - only cables sent within 31 days of each other are compared, since a counter may restart
//!   between any two cables far apart;
//! - copies of one cable (the same SUBJECT or date-time group, see `duplicate-serial`) share
//!   their numbers rightly, and two different cables with one serial are `duplicate-serial`'s
//!   fault, not this rule's too;
//! - when the two cables are of one post and year and their serials run the same way as their
//!   numbers, the cable was held and dated after it was numbered: the date-time group, not the
//!   number, is out of order.
//!
//! The finding is on the later cable's number and names the earlier cable. The rule runs only when
//! several files are checked together (`cablelint check drafts/`).
//!
//! ## Why
//! A post numbers the messages it sends to each addressee in one series (spec §3.7), so that the
//! addressee's communications centre sees a gap when a message is lost. A draft that repeats or goes
//! back on a number, most often a draft copied from the last one, makes the addressee look for a
//! message that was never lost or miss one that was.
//!
//! ## Example
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! ```
//! ```cable
//! DE RUEHKO #2233/01 1380920
//! …
//! O 180920Z MAY 07
//! FM AMEMBASSY TOKYO
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE 3686
//! INFO RUEHBJ/AMEMBASSY BEIJING PRIORITY 7041
//! RUEHUL/AMEMBASSY SEOUL PRIORITY 5513
//!
//! C O N F I D E N T I A L TOKYO 002233
//! …
//! SUBJECT: JAPAN: FOREIGN MINISTER TO VISIT SEOUL
//! ```
//! Use instead (the next number):
//! ```cable
//! C O N F I D E N T I A L TOKYO 002232
//! ```
//! ```cable
//! TO RUEHC/SECSTATE WASHDC IMMEDIATE 3687
//! INFO RUEHBJ/AMEMBASSY BEIJING PRIORITY 7041
//! RUEHUL/AMEMBASSY SEOUL PRIORITY 5513
//! ```
use std::collections::HashMap;

use super::{describe, dtg_key, dtg_minutes, same_cable, SetContext};

/// The longest time between two cables whose numbers are compared: 31 days. The next number a new
/// cable takes is chosen over the same window ([`crate::workspace::draft::FolderState`]).
pub(crate) const WINDOW_MINUTES: i64 = 31 * 24 * 60;

/// A fall at least this long is a restart of the counter.
const RESTART_FALL: u32 = 100;

/// One number of one cable.
struct Sent {
    member: usize,
    /// Its index among the cable's numbers.
    mcn: usize,
    minutes: i64,
}

pub fn check_set(ctx: &SetContext) {
    let members = ctx.members();
    let mut series: HashMap<(&str, &str), Vec<Sent>> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        let s = m.summary;
        let (Some(from), Some(minutes)) = (s.from.as_deref(), s.dtg.as_ref().and_then(dtg_minutes))
        else {
            continue;
        };
        for (k, n) in s.mcns.iter().enumerate() {
            if n.first == 0 && n.last == 0 {
                continue;
            }
            series.entry((from, &n.addressee)).or_default().push(Sent {
                member: i,
                mcn: k,
                minutes,
            });
        }
    }
    let mut series: Vec<_> = series.into_iter().collect();
    series.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, mut sent) in series {
        sent.sort_by_key(|x| {
            let s = members[x.member].summary;
            (
                s.dtg.as_ref().map(dtg_key),
                s.id.as_ref().map(|id| id.number),
                s.section.map(|(n, _)| n),
                x.member,
            )
        });
        for pair in sent.windows(2) {
            let (before, after) = (&pair[0], &pair[1]);
            if !ctx.reports_on(after.member) {
                continue;
            }
            let (a, b) = (
                members[before.member].summary,
                members[after.member].summary,
            );
            let (earlier, later) = (&a.mcns[before.mcn], &b.mcns[after.mcn]);
            if later.first > earlier.last || before.member == after.member {
                continue;
            }
            let restart = later.first <= 1
                || earlier.last - later.first >= RESTART_FALL
                || 2 * later.first < earlier.last;
            if restart || after.minutes - before.minutes > WINDOW_MINUTES {
                continue;
            }
            if same_cable(a, b) == Some(true) {
                continue;
            }
            if let (Some(x), Some(y)) = (&a.id, &b.id) {
                // Two different cables with one serial: `duplicate-serial` reports the fault, and
                // numbers that repeat along with the serial are part of it, not another one.
                if x.key == y.key && x.year == y.year && x.number == y.number {
                    continue;
                }
                // The numbers fall; so does the serial when the later-dated cable was numbered first.
                let agree = x.number > y.number && earlier.first > later.last;
                if x.key == y.key && x.year == y.year && agree {
                    continue;
                }
            }
            let ri = later.addressee.split('/').next().unwrap_or_default();
            let number = |n: &super::SummaryMcn| {
                if n.first == n.last {
                    format!("{:04}", n.first)
                } else {
                    format!("{:04}-{:04}", n.first, n.last)
                }
            };
            ctx.report(
                after.member,
                later.range,
                format!(
                    "message continuity number {} to {ri} does not follow {} of the cable before, {}",
                    number(later),
                    number(earlier),
                    describe(&members[before.member])
                ),
            );
        }
    }
}
