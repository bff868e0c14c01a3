//! Bytes → text for the command line: the shared readers of [`crate::workspace::input`], which the
//! language server's workspace index uses too.

pub use crate::workspace::input::*;
