//! Rules on the REF block: what each reference cites, read from the same items that
//! `cablelint inspect` prints and the language server links.

pub mod future_reference;
pub mod malformed_reference;
pub mod self_reference;
pub mod unknown_origin;
