//! The language server. PLACEHOLDER.
