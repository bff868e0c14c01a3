//! Plain-Rust answers for editors in byte offsets. PLACEHOLDER.
