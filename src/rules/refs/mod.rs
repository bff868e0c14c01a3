//! Rules on the REF block: what each reference cites, read from the same items that
//! `cablelint inspect` prints and the language server links.

pub mod future_reference;
pub mod malformed_reference;
pub mod self_reference;
pub mod unknown_origin;

use crate::rules::Context;
use crate::syntax::{origin_key, CableRef, TextRange};

/// A cable reference with what the rules need: where it is written, the origin as ids write it,
/// the serial and the year (written, else the citing cable's).
pub struct Cited {
    pub range: TextRange,
    /// Where the origin is written (for a chained serial, the origin of the cable before it).
    pub origin: TextRange,
    pub key: String,
    pub number: u32,
    pub year: Option<i32>,
    /// Whether the year is written in the reference.
    pub year_written: bool,
}

/// Every cable reference of the cable's REF block, in document order.
pub fn cited(ctx: &Context) -> Vec<Cited> {
    let Some(block) = &ctx.cable.body.refs else {
        return Vec::new();
    };
    let own_year = ctx.facts.date.map(|d| d.year);
    block
        .cables()
        .map(|c: &CableRef| Cited {
            range: c.range,
            origin: c.origin,
            key: origin_key(ctx.text(c.origin)),
            number: c.number.value,
            year: c.full_year().or(own_year),
            year_written: c.year.is_some(),
        })
        .collect()
}

/// The citing cable's own origin (as ids write it) and serial, from the banner.
pub fn own_origin_serial(ctx: &Context) -> Option<(String, u32)> {
    let banner = ctx.cable.body.banner.as_ref()?;
    Some((origin_key(ctx.text(banner.origin?)), banner.serial?.value))
}
