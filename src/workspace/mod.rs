//! The engine the command line and the language server share, between [`crate::rules`] and the
//! front ends ([`crate::ide`], [`crate::lsp`], `cli`), after biome's `Workspace`:
//!
//! - [`resolver`]: which configuration, settings and reference tables apply to a path;
//! - [`analysis`]: one parse and one run of the rules per document version, shared by every
//!   answer;
//! - [`draft`]: the skeleton of a new cable (`cablelint new` and the editor's snippet);
//! - [`fix`]: the one fix engine (validated edits, rounds to a fixed point, line endings kept);
//! - [`input`]: bytes → text, the one reading of a cable file (binary, non-UTF-8 and special
//!   files refused, a byte-order mark removed) for every reader;
//! - [`index`]: the workspace index of cables (one summary per file, kept current file by file),
//!   which the language server's cross-cable answers read.
//!
//! Nothing here prints or knows a protocol.

pub mod analysis;
pub mod draft;
pub mod fix;
pub mod index;
pub mod input;
pub mod resolver;

pub use analysis::Analysis;
pub use fix::{fix_until_stable, Fixed, Plan};
pub use resolver::{ConfigSource, Freshness, Resolved, Resolver, TablesRef};

#[cfg(test)]
mod tests;
