//! Which cable a position names, for find-all-references: on a `REF` entry, the cable it cites;
//! on the banner, the DE line or the first line of the text, the cable itself (its id is the
//! banner's origin and serial with the year of its date-time group). The citing places come from
//! [`crate::workspace::index::WorkspaceIndex::cited_by`].

use super::{ref_at, touches};
use crate::rules::cross::CableSummary;
use crate::syntax::{Cable, CableId, TextRange};

/// A cable a position names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedCable {
    pub id: CableId,
    /// Whether it is the document's own cable (else a cable its `REF` block cites).
    pub own: bool,
    /// The document's own banner, when `own`: the declaration.
    pub declaration: Option<TextRange>,
}

/// The cable named at `offset`: a cited cable on a `REF` entry, the document's own cable on its
/// banner, its DE line or its first line. `None` elsewhere, or when the banner gives no id.
pub fn cable_at(cable: &Cable<'_>, offset: usize) -> Option<NamedCable> {
    if let Some(r) = ref_at(cable, offset) {
        return Some(NamedCable {
            id: r.cable_id(),
            own: false,
            declaration: None,
        });
    }
    let banner = cable.body.banner.as_ref().map(|b| b.range);
    let de = cable.header.de.as_ref().map(|d| d.range);
    let first = cable
        .lines
        .iter()
        .find(|l| !cable.text(l.range).trim().is_empty())
        .map(|l| l.range);
    if ![banner, de, first]
        .into_iter()
        .flatten()
        .any(|r| touches(r, offset))
    {
        return None;
    }
    let summary = CableSummary::new(cable);
    Some(NamedCable {
        id: summary.id?,
        own: true,
        declaration: banner,
    })
}
