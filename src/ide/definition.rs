//! Go to definition for `REF` entries: `TOKYO 1448` or `07 TOKYO 1448` (or `07TOKYO1448`) names a
//! cable; the workspace cable whose banner has that origin and serial (and whose date has that year)
//! is its definition. The workspace's cables are looked up in [`crate::workspace::index`].

use super::touches;
use crate::syntax::Cable;

/// The cable a `REF` entry names.
pub type CableTarget = crate::syntax::CitedCable;

/// Every cable the `REF` block names, in document order, dated by the DTG: the items that
/// go-to-definition, hover and document links read.
pub fn cable_refs(cable: &Cable<'_>) -> Vec<CableTarget> {
    let own_year = cable
        .header
        .dtg
        .as_ref()
        .and_then(|l| l.dtg)
        .map(|d| d.year);
    crate::syntax::cited_cables(cable, own_year)
}

/// The cable reference at an offset, from the `REF` block.
pub fn ref_at(cable: &Cable<'_>, offset: usize) -> Option<CableTarget> {
    cable_refs(cable)
        .into_iter()
        .find(|c| touches(c.range, offset))
}
