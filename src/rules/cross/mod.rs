//! Work across cables: the rules that compare the cables of a checked set (a folder of drafts, the
//! files of one `cablelint check` run, a workspace), and the [`CableSummary`] they read each cable
//! through.

pub mod summary;

pub use summary::{squeeze, CableSummary, SummaryMcn, SummaryRef};
