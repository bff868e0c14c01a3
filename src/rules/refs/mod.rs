//! Rules on the REF block: what each reference cites, read from the same items that
//! `cablelint inspect` prints and the language server links.

pub mod malformed_reference;
pub mod reference_after_cable;
pub mod self_reference;
pub mod unknown_reference_origin;
